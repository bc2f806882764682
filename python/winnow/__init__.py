"""winnow: the main content and metadata of web pages, in process.

A thin binding of libwinnow (include/winnow.h). The work runs in C with the GIL
released, so threads extract pages in parallel::

    import winnow
    article = winnow.extract(open("page.html", "rb").read(), url="https://example.org/a")
    print(article.title, article.date)
    print(article.text)

- ``winnow.extract(html, url=None, **options) -> Article``: one page;
- ``winnow.Extractor(**options)``: options parsed once, one per thread;
- ``winnow.warc``: read WARC files (``records()``) or run the batch driver of
  ``winnow warc`` (``run()``);
- ``winnow.dask``: one WARC per Dask task, resumable (``run_warcs()``);
- ``winnow.adapter``: ``extract(text: str) -> str`` for datatrove-style pipelines.

Errors: ``winnow.Error`` (``LimitError``, ``TimeoutError`` below it) with the
library's message; wrong argument types raise ``TypeError``.
"""
from ._winnow import (
    LIBRARY_VERSION,
    Article,
    Error,
    Extractor,
    LimitError,
    TimeoutError,
    extract,
)
from . import warc

__version__ = LIBRARY_VERSION
__all__ = ["Article", "Error", "Extractor", "LimitError", "TimeoutError", "extract", "warc",
           "__version__"]
