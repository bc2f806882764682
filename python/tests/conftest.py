"""Shared helpers: the winnow tool to compare against, WARC files built by hand."""
import gzip
import os
import shutil
import subprocess

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")
READABILITY = os.path.join(SHARED, "data", "extraction", "readability", "pages")
EXAMPLE_PAGE = os.path.join(ROOT, "examples", "news-article.html")


def tool_path():
    path = os.path.abspath(os.environ.get("WINNOW_CLI") or os.path.join(ROOT, "build", "release", "winnow"))
    return path


@pytest.fixture(scope="session")
def cli():
    path = tool_path()
    if not os.access(path, os.X_OK):
        pytest.fail(f"the winnow tool is not built at {path} (run make, or set WINNOW_CLI)")
    def run(*args, check=True, input=None):
        r = subprocess.run([path, *args], capture_output=True, input=input)
        if check and r.returncode != 0:
            raise AssertionError(f"winnow {' '.join(args)}: exit {r.returncode}: {r.stderr!r}")
        return r
    return run


# ---- WARC records, built by hand as the WARC 1.1 standard lays them out ----

def http_response(body: bytes, status=200, ctype="text/html; charset=utf-8", extra=b""):
    head = (f"HTTP/1.1 {status} X\r\nContent-Type: {ctype}\r\n"
            f"Content-Length: {len(body)}\r\n").encode() + extra + b"\r\n"
    return head + body


def warc_record(rtype: str, uri: str, block: bytes, n: int, ctype=None) -> bytes:
    if ctype is None:
        ctype = "application/http; msgtype=response" if rtype == "response" else "text/plain"
    head = (f"WARC/1.1\r\nWARC-Type: {rtype}\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-05-01T10:00:{n % 60:02d}Z\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-{n:012d}>\r\n"
            f"Content-Type: {ctype}\r\nContent-Length: {len(block)}\r\n\r\n").encode()
    return head + block + b"\r\n\r\n"


def page(i: int) -> bytes:
    return (f"<html><head><title>Page {i}</title></head><body><article><h1>Page {i}</h1>"
            f"<p>This is the story number {i}, long enough to be an article paragraph with "
            f"several words in it, so that the extractor keeps it as the main content.</p>"
            f"<p>A second paragraph of story {i} adds more prose for the scorer to weigh "
            f"before the page ends.</p></article></body></html>").encode()


def make_records(n_pages: int, start=0):
    """warcinfo, then per page a request and a response; every 5th page also a 404."""
    recs = [warc_record("warcinfo", "", b"software: test\r\n", start)]
    k = start
    for i in range(start, start + n_pages):
        k += 1
        recs.append(warc_record("request", f"http://example.org/{i}", b"GET / HTTP/1.1\r\n\r\n", k))
        k += 1
        status = 404 if i % 5 == 4 else 200
        recs.append(warc_record("response", f"http://example.org/{i}",
                                http_response(page(i), status=status), k))
    return recs


def write_warc(path, recs, layout="gzip-per-record"):
    """layout: gzip-per-record (the Common Crawl layout), plain or gzip (whole file)."""
    with open(path, "wb") as f:
        if layout == "plain":
            f.write(b"".join(recs))
        elif layout == "gzip":
            f.write(gzip.compress(b"".join(recs), mtime=0))
        else:
            for r in recs:
                f.write(gzip.compress(r, mtime=0))
    return str(path)


@pytest.fixture
def warc_file(tmp_path):
    def make(n_pages=10, layout="gzip-per-record", name="test.warc.gz", start=0):
        return write_warc(tmp_path / name, make_records(n_pages, start), layout)
    return make
