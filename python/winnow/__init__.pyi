from . import warc as warc
from ._winnow import (
    LIBRARY_VERSION as LIBRARY_VERSION,
    Article as Article,
    Error as Error,
    Extractor as Extractor,
    LimitError as LimitError,
    TimeoutError as TimeoutError,
    extract as extract,
)

__version__: str
