"""winnow.adapter.TextExtractor: extract(text: str) -> str for pipelines."""
import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

import winnow
from winnow.adapter import TextExtractor
from conftest import page

HTML = page(3).decode()


def test_text_as_the_module_gives_it():
    ex = TextExtractor()
    assert ex.extract(HTML) == winnow.extract(HTML).text
    assert ex(HTML) == ex.extract(HTML)
    assert TextExtractor(format="markdown").extract(HTML) == winnow.extract(HTML, format="md").content
    assert ex.extract(page(3)) == ex.extract(HTML)         # bytes are fine too
    assert ex.extract("") == ""


def test_pickles_with_its_options_and_works_in_threads():
    ex = pickle.loads(pickle.dumps(TextExtractor(favor="precision", comments=True, timeout=2)))
    assert ex.options["favor"] == "precision" and ex.options["time_limit_ms"] == 2000
    pages = [page(i).decode() for i in range(40)]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(ex.extract, pages))
    assert got == [winnow.extract(p, favor="precision", comments=True).content for p in pages]


def test_errors_become_empty_text_unless_asked():
    big = "<html><body>" + "<div><p>word word word, word. " * 100000
    assert TextExtractor(timeout=0.001).extract(big) == ""
    with pytest.raises(winnow.TimeoutError):
        TextExtractor(timeout=0.001, errors="raise").extract(big)
    with pytest.raises(TypeError):
        TextExtractor().extract(42)              # a wrong type is the caller's bug: raised


@pytest.mark.parametrize("kw", [{"format": "json"}, {"errors": "ignore"}, {"timeout": -1},
                                {"favor": "most"}])
def test_bad_options_fail_at_construction(kw):
    with pytest.raises(ValueError):
        TextExtractor(**kw)
