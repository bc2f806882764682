from typing import Any, Optional

class TextExtractor:
    name: str
    options: dict[str, Any]
    errors: str
    def __init__(self, *, format: str = "text", favor: Optional[str] = None,
                 comments: bool = False, links: bool = False, images: bool = False,
                 tables: bool = True, timeout: Optional[float] = None,
                 errors: str = "empty") -> None: ...
    def extract(self, text: str) -> str: ...
    def __call__(self, text: str) -> str: ...
