from typing import Any, Callable, Optional, Union

_Html = Union[bytes, bytearray, memoryview, str]

LIBRARY_VERSION: str

class Error(Exception):
    status: str
    offset: Optional[int]

class LimitError(Error): ...
class TimeoutError(Error): ...

class Article:
    title: Optional[str]
    author: Optional[str]
    date: Optional[str]
    date_modified: Optional[str]
    sitename: Optional[str]
    description: Optional[str]
    language: Optional[str]
    url: Optional[str]
    categories: list[str]
    tags: list[str]
    image: Optional[str]
    license: Optional[str]
    encoding: Optional[str]
    page_type: Optional[str]
    text: str
    comments: Optional[str]
    content: str
    def markdown(self) -> str: ...
    def html(self) -> str: ...
    def to_json(self) -> str: ...
    def to_dict(self) -> dict[str, Any]: ...

def extract(html: _Html, url: Optional[str] = None, *, format: str = "text",
            comments: bool = False, links: bool = False, images: bool = False,
            tables: bool = True, favor: Optional[str] = None, charset: Optional[str] = None,
            time_limit_ms: Optional[int] = None, transport_charset: Optional[str] = None,
            max_input_bytes: Optional[int] = None, max_nodes: Optional[int] = None,
            page_type: Optional[str] = None) -> Article: ...

class Extractor:
    def __init__(self, *, format: str = "text", comments: bool = False, links: bool = False,
                 images: bool = False, tables: bool = True, favor: Optional[str] = None,
                 charset: Optional[str] = None, time_limit_ms: Optional[int] = None,
                 transport_charset: Optional[str] = None, max_input_bytes: Optional[int] = None,
                 max_nodes: Optional[int] = None, page_type: Optional[str] = None) -> None: ...
    def extract(self, html: _Html, url: Optional[str] = None) -> Article: ...

class WarcReader:
    input_offset: int
    def __init__(self, source: Any, html_only: bool = True) -> None: ...
    def __iter__(self) -> "WarcReader": ...
    def __next__(self) -> tuple: ...
    def close(self) -> None: ...

def batch_run(paths: Any, output: Any, **options: Any) -> tuple[str, list[str]]: ...
