#!/usr/bin/python3
"""gen_fuzz_seeds.py SHARED_DIR: write small seed inputs for the fuzzers.

Real pages reach states that hand-written seeds never do (deep layouts, long
attribute lists, scripts, mixed encodings), so each fuzzer starts from slices of
the dev pages in SHARED_DIR/data/extraction/*/pages:

  fuzz/corpus/fuzz_html/dev-NN     4 option bytes + a page slice
  fuzz/corpus/fuzz_extract/dev-NN  2 option bytes + a page slice
  fuzz/corpus/fuzz_warc/dev-NN     4 option bytes + a WARC built around slices

Slices are cut at a '<' so they start on markup, and capped (SLICE_BYTES) so the
committed corpus stays small and each run stays fast; libFuzzer grows them from
there. Pages are picked every STRIDE-th in sorted order, so re-running the
script gives the same files. Existing dev-* seeds are replaced; other seeds
(hand-written regressions, fixtures) are left alone.
"""
import os
import sys

SLICE_BYTES = 3072      # per HTML slice: big enough for real structure, small enough to mutate fast
SEEDS_PER_TARGET = 40   # 40 x 3 KiB ~ 120 KiB per target, committed
WARC_SEEDS = 24
SEED_PREFIX = "dev-"


def pages(shared):
    root = os.path.join(shared, "data", "extraction")
    out = []
    for name in sorted(os.listdir(root)):
        d = os.path.join(root, name, "pages")
        if os.path.isdir(d):
            out += [os.path.join(d, f) for f in sorted(os.listdir(d))
                    if f.endswith((".html", ".htm"))]
    return out


def pick(items, count):
    stride = max(1, len(items) // count)
    return items[::stride][:count]


def cut(data, k):
    """A slice of at most SLICE_BYTES starting at a '<'. Seed k picks where:
    the start (doctype, head, charset meta), the body, or a deeper part."""
    where = k % 3
    if where == 0:
        start = 0
    elif where == 1:
        start = data.find(b"<body")
        start = start if start >= 0 else len(data) // 3
    else:
        start = data.find(b"<", (len(data) * 3) // 5)
    start = max(0, start)
    return data[start:start + SLICE_BYTES]


def warc_record(version, rtype, uri, block, extra=b""):
    head = (b"WARC/" + version + b"\r\n"
            b"WARC-Type: " + rtype + b"\r\n"
            b"WARC-Target-URI: " + uri + b"\r\n"
            b"WARC-Date: 2024-01-01T00:00:00Z\r\n"
            b"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-0000000000"
            + b"%02d" % (len(block) % 100) + b">\r\n" + extra +
            b"Content-Length: " + str(len(block)).encode() + b"\r\n\r\n")
    return head + block + b"\r\n\r\n"


def http_response(body, k):
    """HTTP response around body; k varies the framing (plain, chunked, charset)."""
    if k % 3 == 1:
        chunks = b""
        for i in range(0, len(body), 700):
            piece = body[i:i + 700]
            chunks += b"%x\r\n" % len(piece) + piece + b"\r\n"
        return (b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"
                b"Transfer-Encoding: chunked\r\n\r\n" + chunks + b"0\r\n\r\n")
    ctype = b"text/html; charset=utf-8" if k % 3 == 0 else b"text/html"
    return (b"HTTP/1.1 200 OK\r\nContent-Type: " + ctype + b"\r\n"
            b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)


def write(dirpath, name, data):
    with open(os.path.join(dirpath, name), "wb") as f:
        f.write(data)


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gen_fuzz_seeds.py SHARED_DIR")
    here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    corpus = os.path.join(here, "fuzz", "corpus")
    found = pages(sys.argv[1])
    if not found:
        sys.exit("no dev pages under %s/data/extraction" % sys.argv[1])
    for target in ("fuzz_html", "fuzz_extract", "fuzz_warc"):
        d = os.path.join(corpus, target)
        os.makedirs(d, exist_ok=True)
        for f in os.listdir(d):
            if f.startswith(SEED_PREFIX):
                os.remove(os.path.join(d, f))

    chosen = pick(found, SEEDS_PER_TARGET)
    for k, path in enumerate(chosen):
        with open(path, "rb") as f:
            data = f.read()
        piece = cut(data, k)
        # fuzz_html: byte 0 charset override (0 = sniff), byte 1 limits (0 =
        # defaults), byte 2 fragment context (0 = document), byte 3 chunk seed.
        write(os.path.join(corpus, "fuzz_html"), "%s%02d" % (SEED_PREFIX, k),
              bytes([0, 0, 0, k]) + piece)
        # fuzz_extract: byte 0 flags/favor, byte 1 limits/URL choice; vary the
        # favor setting and URL, keep default limits.
        write(os.path.join(corpus, "fuzz_extract"), "%s%02d" % (SEED_PREFIX, k),
              bytes([(k % 3) << 4, (k % 4) << 6]) + piece)

    versions = (b"1.1", b"1.0", b"1.1", b"0.18")
    chosen = pick(found, WARC_SEEDS * 2)
    for k in range(WARC_SEEDS):
        recs = b""
        if k % 4 == 0:
            info = b"software: winnow fuzz seed\r\nformat: WARC File Format 1.1\r\n"
            recs += warc_record(b"1.1", b"warcinfo", b"", info,
                                b"Content-Type: application/warc-fields\r\n")
        for j in range(2):
            with open(chosen[2 * k + j], "rb") as f:
                body = cut(f.read(), k + j)[:SLICE_BYTES // 2]
            uri = b"http://example.org/%d/%d.html" % (k, j)
            recs += warc_record(versions[(k + j) % len(versions)], b"response", uri,
                                http_response(body, k + j),
                                b"Content-Type: application/http; msgtype=response\r\n")
        # byte 0: payload/header/record caps and gzip packing (bit 5); bytes 1-3:
        # read-size and member-cut seed. Half are packed as gzip members.
        opts = bytes([0x20 if k % 2 else 0, k, 7 * k & 255, 0])
        write(os.path.join(corpus, "fuzz_warc"), "%s%02d" % (SEED_PREFIX, k), opts + recs)


if __name__ == "__main__":
    main()
