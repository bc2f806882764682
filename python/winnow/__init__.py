from ._winnow import *  # noqa
from ._winnow import Error, LimitError, TimeoutError, Article, Extractor, extract
