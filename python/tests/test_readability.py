"""On every readability dev page, the module gives the tool's text and JSON.

Needs ../shared (the development pages); skipped, and says so, without it."""
import json
import os

import pytest

import winnow
from conftest import READABILITY

pytestmark = pytest.mark.skipif(not os.path.isdir(READABILITY),
                                reason=f"{READABILITY} is absent (../shared not checked out)")


def test_text_and_json_equal_the_tools_for_every_page(cli, tmp_path):
    out = tmp_path / "out"
    cli("-o", str(out), "-f", "txt,json", READABILITY)
    names = sorted(n for n in os.listdir(READABILITY) if n.endswith(".html"))
    assert len(names) >= 100
    ex = winnow.Extractor()
    for name in names:
        with open(os.path.join(READABILITY, name), "rb") as f:
            html = f.read()
        a = ex.extract(html)
        stem = name[: -len(".html")]
        txt = (out / (stem + ".txt")).read_text(encoding="utf-8")
        js = (out / (stem + ".json")).read_text(encoding="utf-8")
        # the tool ends each output with one newline; the values carry none
        assert a.text == txt.rstrip("\n"), name
        # with several inputs the tool's records start with the input's "source"
        record = json.loads(js)
        assert record.pop("source") == os.path.join(READABILITY, name)
        got = a.to_dict()
        assert got == record and list(got) == list(record), name
