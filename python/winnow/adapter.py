"""winnow for pipelines that call ``extract(text: str) -> str``.

Web-data pipelines in the style of datatrove (FineWeb), NeMo Curator or Dolma
hold an extractor object configured once and call ``extract(html_text)`` for each
record, expecting plain text back ("" for a page without an article).
:class:`TextExtractor` is that object: picklable (so it travels to workers), one
``winnow.Extractor`` per thread inside, and errors turned into "" unless asked
otherwise.
"""
from __future__ import annotations

import threading
from typing import Any, Optional

from . import _winnow

__all__ = ["TextExtractor"]


class TextExtractor:
    """``extract(text: str) -> str`` with winnow's options.

    format: "text" (default) or "markdown". favor: None, "precision" or "recall".
    comments, links, images, tables: as for winnow.extract. timeout: seconds per
    page (the library's time budget; None: no limit). errors: "empty" (default:
    a page that fails gives "") or "raise".
    """

    name = "winnow"

    def __init__(self, *, format: str = "text", favor: Optional[str] = None,
                 comments: bool = False, links: bool = False, images: bool = False,
                 tables: bool = True, timeout: Optional[float] = None,
                 errors: str = "empty") -> None:
        if format not in ("text", "txt", "markdown", "md"):
            raise ValueError("format must be 'text' or 'markdown'")
        if errors not in ("empty", "raise"):
            raise ValueError("errors must be 'empty' or 'raise'")
        if timeout is not None and (not isinstance(timeout, (int, float)) or timeout < 0):
            raise ValueError("timeout must be a number of seconds >= 0, or None")
        self.options = dict(format=format, favor=favor, comments=comments, links=links,
                            images=images, tables=tables,
                            time_limit_ms=None if timeout is None else max(1, int(timeout * 1000)))
        self.errors = errors
        _winnow.Extractor(**self.options)   # bad options fail here, not on a worker
        self._local = threading.local()

    def _extractor(self) -> "_winnow.Extractor":
        ex = getattr(self._local, "ex", None)
        if ex is None:
            ex = self._local.ex = _winnow.Extractor(**self.options)
        return ex

    def extract(self, text: str) -> str:
        """The article of one HTML page (str or bytes) as plain text or Markdown."""
        try:
            return str(self._extractor().extract(text))
        except _winnow.Error:
            if self.errors == "raise":
                raise
            return ""

    __call__ = extract

    def __getstate__(self) -> dict:
        return {"options": self.options, "errors": self.errors}

    def __setstate__(self, state: dict) -> None:
        self.options = state["options"]
        self.errors = state["errors"]
        self._local = threading.local()

    def __repr__(self) -> str:
        return f"TextExtractor({self.options!r})"
