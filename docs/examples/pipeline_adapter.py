# winnow in a pipeline that calls extract(text) -> str on a configured object,
# as datatrove's extractors are called. Runs without datatrove installed.
import pickle

from winnow.adapter import TextExtractor

try:
    from datatrove.pipeline.extractors.base import BaseExtractor
except ImportError:
    BaseExtractor = None

if BaseExtractor is not None:
    class Winnow(BaseExtractor):
        """A datatrove pipeline step: Winnow(favor="precision") in place of Trafilatura()."""
        name = "winnow"

        def __init__(self, timeout: float = 1.0, **options):
            super().__init__(timeout)
            self.winnow = TextExtractor(timeout=timeout, **options)

        def extract(self, text: str) -> str:
            return self.winnow.extract(text)

extractor = TextExtractor(favor="precision", timeout=1.0)
extractor = pickle.loads(pickle.dumps(extractor))   # what a pipeline does to ship it to workers
html = ("<html><body><nav>Home | About</nav><article><h1>Hello</h1>"
        "<p>A paragraph long enough to be the page's main content, with a few more words.</p>"
        "</article><footer>Copyright</footer></body></html>")
text = extractor.extract(html)
print(text)
assert "main content" in text and "Copyright" not in text
assert extractor.extract("") == ""       # nothing to extract: an empty string, not an error
