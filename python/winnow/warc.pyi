import os
from typing import Any, Callable, Iterable, Optional, Union

from ._winnow import Article

_Path = Union[str, bytes, "os.PathLike[str]"]

class Record:
    url: Optional[str]
    record_id: Optional[str]
    date: Optional[str]
    type: Optional[str]
    status: Optional[int]
    content_type: Optional[str]
    mime: Optional[str]
    charset: Optional[str]
    content_encoding: Optional[str]
    payload: bytes
    truncated: bool
    truncated_reason: Optional[str]
    payload_error: Optional[str]
    offset: int
    @property
    def headers(self) -> dict[str, str]: ...
    def extract(self, **options: Any) -> Article: ...

class Records:
    errors: list[tuple[Optional[int], str]]
    input_offset: int
    def __init__(self, source: Any, *, html_only: bool = True, errors: str = "raise") -> None: ...
    def __iter__(self) -> "Records": ...
    def __next__(self) -> Record: ...
    def close(self) -> None: ...
    def __enter__(self) -> "Records": ...
    def __exit__(self, *exc: Any) -> None: ...

def records(source: Any, *, html_only: bool = True, errors: str = "raise") -> Records: ...
def expand_paths(paths: Union[_Path, Iterable[_Path]]) -> list[str]: ...
def run(paths: Union[_Path, Iterable[_Path]], output: Any, *, threads: Optional[int] = None,
        readers: Optional[int] = None, statuses: Optional[str] = None,
        mimes: Optional[str] = None, error_lines: bool = True,
        time_limit_ms: Optional[int] = None, max_memory_mb: Optional[int] = None,
        max_in_flight_mb: Optional[int] = None, comments: bool = False,
        with_markdown: bool = False, with_html: bool = False, page_type: Optional[str] = None,
        links: bool = False, images: bool = False, tables: bool = True,
        favor: Optional[str] = None, stats: Optional[_Path] = None,
        progress: Optional[Callable[[dict[str, Any]], None]] = None) -> dict[str, Any]: ...
