"""winnow.warc: records() over paths and file objects, run() against `winnow warc`."""
import gc
import gzip
import io
import json
import os
import resource
import threading
import tracemalloc

import pytest

import winnow
from winnow import warc
from conftest import http_response, make_records, page, warc_record, write_warc


@pytest.mark.parametrize("layout", ["gzip-per-record", "plain", "gzip"])
def test_records_from_a_path(warc_file, layout):
    path = warc_file(10, layout=layout, name="t.warc" + ("" if layout == "plain" else ".gz"))
    recs = list(warc.records(path))
    # 10 responses with text/html, of which page 4 and 9 are 404s (html_only keeps them)
    assert [r.url for r in recs] == [f"http://example.org/{i}" for i in range(10)]
    assert [r.status for r in recs] == [404 if i % 5 == 4 else 200 for i in range(10)]
    r = recs[0]
    assert r.type == "response"
    assert r.record_id == "<urn:uuid:00000000-0000-4000-8000-000000000002>"
    assert r.date == "2024-05-01T10:00:02Z"
    assert r.payload == page(0)
    assert r.mime == "text/html" and r.charset == "utf-8"
    assert r.headers == {"content-type": "text/html; charset=utf-8",
                         "content-length": str(len(page(0)))}
    assert r.truncated is False and r.payload_error is None
    a = r.extract()
    assert a.title == "Page 0" and "story number 0" in a.text
    assert r.extract(format="markdown").content.startswith("This is the story number 0")


def test_all_records_and_offsets(warc_file):
    path = warc_file(3)
    recs = list(warc.records(path, html_only=False))
    assert [r.type for r in recs] == ["warcinfo"] + ["request", "response"] * 3
    assert recs[0].status is None and recs[0].headers == {}
    assert recs[0].offset == 0
    offsets = [r.offset for r in recs]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)


def test_file_objects(warc_file):
    path = warc_file(6)
    want = [(r.url, r.payload) for r in warc.records(path)]
    with open(path, "rb") as f:
        assert [(r.url, r.payload) for r in warc.records(f)] == want
    data = open(path, "rb").read()
    assert [(r.url, r.payload) for r in warc.records(io.BytesIO(data))] == want

    class ReadOnly:  # read() but no readinto()
        def __init__(self, b):
            self.b = io.BytesIO(b)

        def read(self, n=-1):
            return self.b.read(min(n, 777))

    assert [(r.url, r.payload) for r in warc.records(ReadOnly(data))] == want
    with gzip.open(path, "rb") as g:   # a decompressing stream: a plain WARC
        assert [(r.url, r.payload) for r in warc.records(g)] == want


def test_a_failing_file_raises_its_own_exception(warc_file):
    data = open(warc_file(30), "rb").read()

    class Flaky(io.RawIOBase):
        def __init__(self):
            self.pos = 0

        def readable(self):
            return True

        def readinto(self, b):
            if self.pos > len(data) // 2:
                raise ConnectionResetError("stream dropped")
            n = min(len(b), 1000, len(data) - self.pos)
            b[:n] = data[self.pos:self.pos + n]
            self.pos += n
            return n

    got = []
    with pytest.raises(ConnectionResetError, match="stream dropped"):
        for r in warc.records(Flaky()):
            got.append(r.url)
    assert 0 < len(got) < 30


def test_corrupt_records(tmp_path):
    recs = make_records(4)
    recs.insert(3, b"this is not a WARC record at all\r\n\r\n")
    path = write_warc(tmp_path / "bad.warc.gz", recs)
    it = warc.records(path)
    urls = []
    with pytest.raises(winnow.Error) as e:
        for r in it:
            urls.append(r.url)
    assert e.value.offset is not None and e.value.offset > 0
    urls += [r.url for r in it]   # the reader resynchronises after a corrupt record
    assert urls == [f"http://example.org/{i}" for i in range(4)]
    skip = warc.records(path, errors="skip")
    assert [r.url for r in skip] == urls
    assert len(skip.errors) == 1 and skip.errors[0][0] == e.value.offset


def test_bad_sources():
    with pytest.raises(TypeError):
        warc.records(12)
    with pytest.raises(TypeError):
        warc.records(io.StringIO("WARC/1.1"))
    with pytest.raises(winnow.Error, match="no-such"):
        warc.records("/no-such/file.warc.gz")
    with pytest.raises(ValueError):
        warc.records("x", errors="ignore")
    assert list(warc.records(io.BytesIO(b""))) == []
    junk = warc.records(io.BytesIO(os.urandom(5000)), errors="skip")
    list(junk)


def test_one_reader_is_not_shared_by_two_threads(warc_file):
    # the reader object refuses concurrent use instead of corrupting its state
    it = warc.records(warc_file(200), html_only=False)
    errors, count = [], [0]

    def drain():
        try:
            for _ in it:
                count[0] += 1
        except RuntimeError as e:
            errors.append(e)

    ts = [threading.Thread(target=drain) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    assert count[0] + len(errors) >= 1
    assert all("in use" in str(e) for e in errors)


def test_memory_stays_flat_over_many_records(tmp_path):
    big = tmp_path / "many.warc.gz"
    with open(big, "wb") as f:
        for r in make_records(3000):
            f.write(gzip.compress(r, mtime=0))

    def one_pass():
        n = 0
        for r in warc.records(str(big)):
            a = r.extract()
            n += len(a.text) > 0
        return n

    assert one_pass() == 3000
    gc.collect()
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    snap0 = tracemalloc.get_traced_memory()[0]
    for _ in range(3):
        assert one_pass() == 3000
    gc.collect()
    snap1, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss1 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # 9000 more records read and extracted: Python objects do not pile up, and the
    # peak RSS (C memory included) grows by less than 20 MiB.
    assert snap1 - snap0 < 256 * 1024, (snap0, snap1)
    assert peak - snap0 < 4 * 1024 * 1024
    if os.environ.get("WINNOW_SANITIZED") != "1":   # ASan holds freed memory in quarantine
        assert rss1 - rss0 < 20 * 1024, (rss0, rss1)


def test_run_equals_the_tool(cli, tmp_path, warc_file):
    a = warc_file(12, name="a.warc.gz")
    b = warc_file(5, layout="plain", name="b.warc", start=100)
    recs = make_records(3, start=200)
    recs.insert(2, b"garbage that is not a record\r\n\r\n")
    c = write_warc(tmp_path / "c.warc.gz", recs)
    paths = [a, b, c]
    cli("warc", "-q", "-j", "2", "-o", str(tmp_path / "cli.jsonl.gz"), "--stats",
        str(tmp_path / "cli.stats.json"), *paths, check=False)
    st = warc.run(paths, str(tmp_path / "py.jsonl.gz"), threads=2, stats=str(tmp_path / "py.stats.json"))
    want = gzip.open(tmp_path / "cli.jsonl.gz").read()
    got = gzip.open(tmp_path / "py.jsonl.gz").read()
    assert got == want
    cli_stats = json.load(open(tmp_path / "cli.stats.json"))
    for key in ("elapsed_s",):
        cli_stats.pop(key), st.pop(key)
    assert st == cli_stats
    assert json.load(open(tmp_path / "py.stats.json"))["records_seen"] == st["records_seen"]
    # accounting, checked by hand: 20 pages (3 of them 404: pages 4, 9 and 104),
    # 20 requests, 3 warcinfo, 1 junk member
    assert st["records_seen"] == 3 + 20 + 20 + 1
    assert st["extracted"] == 17 and st["skipped_status"] == 3 and st["failed_read"] == 1
    assert st["skipped_type"] == 23
    # to a Python file object, one thread, no error lines
    buf = io.BytesIO()
    st1 = warc.run(paths, buf, threads=1, error_lines=False)
    lines = buf.getvalue().decode().splitlines()
    assert len(lines) == st1["extracted"] == 17
    assert json.loads(lines[0])["url"] == "http://example.org/0"


def test_run_extraction_options_equal_the_tool(cli, tmp_path):
    """links, images, tables and favor mean what winnow warc's options mean."""
    body = (b"<html><body><article><h1>Flood</h1><p>Rivers rose along the "
            b"<a href='https://example.org/valley'>valley road</a> after a week of rain in the "
            b"hills, and farmers moved the herds.</p><p><img src='https://example.org/f.jpg' "
            b"alt='The road'> Crews cleared the road by morning and the school opened.</p>"
            b"<table><tr><td>Rainfall</td><td>120 mm</td></tr></table></article></body></html>")
    path = write_warc(tmp_path / "o.warc", [warc_record("response", "http://example.org/f",
                                                         http_response(body), 1)], layout="plain")
    cli("warc", "-q", "-j", "1", "-o", str(tmp_path / "cli.jsonl"), "--with-markdown", "--links",
        "--images", "--no-tables", "--precision", str(path))
    warc.run([path], str(tmp_path / "py.jsonl"), threads=1, with_markdown=True, links=True,
             images=True, tables=False, favor="precision")
    got = open(tmp_path / "py.jsonl", "rb").read()
    assert got == open(tmp_path / "cli.jsonl", "rb").read()
    md = json.loads(got)["markdown"]
    assert "[valley road](https://example.org/valley)" in md
    assert "![The road](https://example.org/f.jpg)" in md
    assert "120 mm" not in md
    with pytest.raises(ValueError):
        warc.run([path], io.BytesIO(), favor="everything")


def test_run_arguments(tmp_path, warc_file):
    p = warc_file(2)
    with pytest.raises(TypeError):
        warc.run(p, 5)
    with pytest.raises(ValueError):
        warc.run(p, str(tmp_path / "o.jsonl"), statuses="banana")
    with pytest.raises(TypeError):
        warc.run(p, str(tmp_path / "o.jsonl"), threads="2")
    with pytest.raises(OSError):
        warc.run(p, str(tmp_path / "no" / "dir" / "o.jsonl"))
    st = warc.run(str(tmp_path), str(tmp_path / "dir.jsonl"))   # a directory of WARCs
    assert st["files"] == 1 and st["extracted"] == 2
    st = warc.run(["/no/such.warc.gz", p], str(tmp_path / "o.jsonl"))
    assert st["files_failed"] == 1 and st["extracted"] == 2
    seen = []
    warc.run(p, io.BytesIO(), progress=seen.append)
    assert all("records_seen" in s for s in seen)

    def boom(s):
        raise KeyError("from progress")
    big = warc_file(400, name="big.warc.gz")
    try:
        warc.run(big, io.BytesIO(), threads=1, progress=boom)
    except KeyError:
        pass   # raised when the run lasted long enough for a progress call


def test_misbehaving_file_objects_raise_instead_of_crashing(warc_file):
    data = open(warc_file(3), "rb").read()

    class Base:
        def __init__(self):
            self.b = io.BytesIO(data)

    class TooMany(Base):
        def readinto(self, b):
            self.b.readinto(b)
            return len(b) + 10

    class Negative(Base):
        def readinto(self, b):
            return -3

    class NonBlocking(Base):
        def readinto(self, b):
            return None

    class Text(Base):
        def read(self, n):
            return "WARC/1.1"

    class Keeper(Base):
        def readinto(self, b):
            n = self.b.readinto(b)
            self.kept = b                    # the buffer it was given,
            self.view = memoryview(b)        # and a view of it, kept after the call
            return n

    for cls, exc in ((TooMany, ValueError), (Negative, ValueError), (NonBlocking, BlockingIOError),
                     (Text, TypeError)):
        with pytest.raises(exc):
            list(warc.records(cls()))
    k = Keeper()
    assert len(list(warc.records(k))) == 3
    bytes(k.kept), bytes(k.view)             # Python's own memory: still valid to read
    k.view[:4] = b"XXXX"


def zstd_frame(data: bytes) -> bytes:
    """One zstd frame, by libzstd itself (a build dependency of winnow)."""
    import ctypes
    import ctypes.util
    name = ctypes.util.find_library("zstd")
    if name is None:
        pytest.fail("libzstd not found (Debian libzstd1 comes with libzstd-dev)")
    z = ctypes.CDLL(name)
    z.ZSTD_compressBound.restype = ctypes.c_size_t
    z.ZSTD_compressBound.argtypes = [ctypes.c_size_t]
    z.ZSTD_compress.restype = ctypes.c_size_t
    z.ZSTD_compress.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t,
                                ctypes.c_int]
    cap = z.ZSTD_compressBound(len(data))
    out = ctypes.create_string_buffer(cap)
    n = z.ZSTD_compress(out, cap, data, len(data), 3)
    assert n <= cap
    return out.raw[:n]


def test_zstd_warc(tmp_path):
    recs = make_records(5)
    path = tmp_path / "z.warc.zst"
    path.write_bytes(b"".join(zstd_frame(r) for r in recs))    # one frame per record
    got = list(warc.records(str(path)))
    assert [r.url for r in got] == [f"http://example.org/{i}" for i in range(5)]
    assert got[2].payload == page(2)
    with open(path, "rb") as f:
        assert [r.payload for r in warc.records(f)] == [r.payload for r in got]
    st = warc.run(str(path), io.BytesIO())
    assert st["extracted"] == 4 and st["skipped_status"] == 1
