"""No leaks in the C module: every call path in a loop, and the process's
resident memory and Python's traced memory stay where they were."""
import gc
import io
import os
import tracemalloc

import pytest

import winnow
from winnow import warc
from conftest import make_records, page, write_warc

RICH = (b"<html><head><title>T</title><meta name=keywords content='a,b'></head><body><article>"
        + b"<p>Some prose for the article, <a href='/x'>a link</a> and <img src=y.png> an image.</p>" * 30
        + b"<table><tr><td>1</td></tr></table></article><div class=comments><p>A comment.</p></div>"
        + b"</body></html>")


def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def every_path(warc_bytes):
    a = winnow.extract(RICH, "http://x.example/", comments=True, links=True, images=True,
                       format="markdown", favor="recall", charset="utf-8", time_limit_ms=10000)
    (a.title, a.text, a.comments, a.categories, a.tags, a.page_type, a.content, str(a), repr(a))
    a.markdown(), a.html(), a.to_json(), a.to_dict()
    winnow.Extractor(format="json").extract(RICH.decode()).to_dict()
    for bad in ((None,), (b"x", 3)):
        with pytest.raises(TypeError):
            winnow.extract(*bad)
    with pytest.raises(ValueError):
        winnow.extract(b"x", favor="nope", charset="latin1")
    with pytest.raises(winnow.LimitError):
        winnow.extract(RICH, max_nodes=5)
    for r in warc.records(io.BytesIO(warc_bytes), html_only=False, errors="skip"):
        r.headers, r.extract().text
    with pytest.raises(winnow.Error):
        list(warc.records(io.BytesIO(b"WARC/1.1\r\nContent-Length: x\r\n\r\n")))
    warc.run([], io.BytesIO())


def test_no_growth_over_many_calls(tmp_path):
    recs = make_records(3)
    recs.insert(2, b"junk\r\n\r\n")
    data = open(write_warc(tmp_path / "w.warc.gz", recs), "rb").read()
    path = str(tmp_path / "w.warc.gz")
    for _ in range(50):                         # warm up allocators and caches
        every_path(data)
        warc.run([path], io.BytesIO(), threads=1)
    gc.collect()
    r0 = rss()
    tracemalloc.start()
    t0 = tracemalloc.get_traced_memory()[0]
    for _ in range(400):
        every_path(data)
        warc.run([path], io.BytesIO(), threads=1)
    gc.collect()
    t1 = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    r1 = rss()
    assert t1 - t0 < 64 * 1024, (t0, t1)          # Python objects: nothing kept
    if os.environ.get("WINNOW_SANITIZED") != "1":  # ASan holds freed memory in quarantine
        assert r1 - r0 < 8 * 1024 * 1024, (r0, r1)    # C memory: 400 rounds, under 8 MiB
