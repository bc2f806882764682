"""winnow.extract / Extractor / Article: the same results as the winnow tool."""
import json
import os
import pickle
import threading

import pytest

import winnow
from conftest import EXAMPLE_PAGE

RICH = b"""<html lang="en"><head><title>Rich page - Site</title>
<meta property="og:site_name" content="Site"><link rel="canonical" href="https://site.example/rich">
<meta name="keywords" content="a, b"></head><body><article><h1>Rich page</h1>
<p>An opening paragraph with a <a href="/linked">link</a> and enough words to be kept by the scorer
as the main content of the page, followed by more words.</p>
<p><img src="/pic.jpg" alt="A picture"> Another paragraph that talks about the picture and the
table below, with plenty of ordinary prose in it.</p>
<table><tr><th>Name</th><th>Value</th></tr><tr><td>alpha</td><td>1</td></tr>
<tr><td>beta</td><td>2</td></tr></table>
<p>A closing paragraph that ends the article with a few more sentences of text.</p></article>
<section class="comments"><h2>3 comments</h2><div class="comment"><p>First comment here, a long
enough remark about the article to be worth keeping.</p></div></section></body></html>"""


@pytest.fixture(scope="module")
def example():
    with open(EXAMPLE_PAGE, "rb") as f:
        return f.read()


def test_readme_one_liner(example):
    assert winnow.extract(example).title == "Night trains return to the Alps"


def test_fields_match_the_tools_json(cli, example):
    a = winnow.extract(example)
    record = json.loads(cli("--format", "json", EXAMPLE_PAGE).stdout)
    assert a.to_dict() == record
    for key, value in record.items():
        assert getattr(a, key) == value, key
    # checked by hand against the page
    assert a.author == "Marta Keller"
    assert a.date == "2026-03-14T06:30:00+01:00"
    assert a.language == "en"
    assert a.encoding == "utf-8"
    assert a.comments is None


@pytest.mark.parametrize("args,opts", [
    ([], {}),
    (["--comments"], {"comments": True}),
    (["--links", "--images"], {"links": True, "images": True}),
    (["--no-tables"], {"tables": False}),
    (["--precision"], {"favor": "precision"}),
    (["--recall"], {"favor": "recall"}),
])
def test_every_format_is_byte_identical_to_the_tool(cli, tmp_path, args, opts):
    path = tmp_path / "rich.html"
    path.write_bytes(RICH)
    for fmt in ("txt", "md", "json", "html"):
        want = cli("--format", fmt, *args, str(path)).stdout.decode()
        a = winnow.extract(RICH, format=fmt, **opts)
        assert str(a) + "\n" == want, (fmt, args)
        if fmt == "json":
            assert a.to_json() + "\n" == want
        if fmt == "md":
            assert a.markdown() + "\n" == want
        if fmt == "html":
            assert a.html() + "\n" == want


def test_url_is_a_base_and_a_metadata_source(cli, tmp_path):
    path = tmp_path / "p.html"
    path.write_bytes(b"<html><body><article><p>" + b"Some words of prose here. " * 20 +
                     b"<a href='/rel'>rel</a></p></article></body></html>")
    want = cli("--format", "md", "--links", "--url", "https://base.example/dir/", str(path)).stdout
    got = winnow.extract(path.read_bytes(), "https://base.example/dir/", format="markdown", links=True)
    assert str(got).encode() + b"\n" == want
    assert "https://base.example/rel" in got.markdown()
    kw = winnow.extract(path.read_bytes(), url="https://base.example/dir/", links=True)
    assert kw.markdown() == got.markdown()


def test_page_type(cli, tmp_path):
    path = tmp_path / "rich.html"
    path.write_bytes(RICH)
    a = winnow.extract(RICH)
    assert a.page_type == json.loads(cli("-f", "json", str(path)).stdout)["page_type"]
    assert a.page_type in ("article", "forum", "product", "collection", "listing",
                           "documentation", "service", "other")
    forced = winnow.extract(RICH, page_type="forum", format="json")
    assert forced.page_type == "forum"
    assert str(forced) + "\n" == cli("-f", "json", "--page-type", "forum", str(path)).stdout.decode()
    with pytest.raises(ValueError):
        winnow.extract(RICH, page_type="newspaper")
    with pytest.raises(TypeError):
        winnow.extract(RICH, page_type=3)


def test_comments_and_lists():
    a = winnow.extract(RICH, comments=True)
    assert a.comments is not None and "First comment here" in a.comments
    assert "First comment here" not in a.text
    assert a.comments == a.to_dict()["comments"]     # wn_render_comments == the JSON field
    assert winnow.extract(RICH).comments is None
    assert a.tags == [] or isinstance(a.tags, list)
    assert isinstance(a.categories, list)
    assert a.url == "https://site.example/rich"
    assert a.sitename == "Site"


def test_str_pages_are_utf8_whatever_their_meta():
    html = "<html><head><meta charset='iso-8859-1'></head><body><article><p>" + \
           "Caf\u00e9 cr\u00e8me \u2014 d\u00e9j\u00e0 vu, a sentence with accents in it. " * 5 + \
           "</p></article></body></html>"
    a = winnow.extract(html)
    assert "Caf\u00e9 cr\u00e8me \u2014 d\u00e9j\u00e0 vu" in a.text
    assert a.encoding == "UTF-8".lower() or a.encoding.lower() == "utf-8"
    # bytes follow the declaration, as the tool does
    b = winnow.extract(html.encode("iso-8859-1", "replace"))
    assert b.encoding == "windows-1252"
    assert "Caf\u00e9 cr\u00e8me" in b.text
    # bytes-like objects
    assert winnow.extract(bytearray(RICH)).text == winnow.extract(memoryview(RICH)).text


def test_extractor_reuse_and_options():
    ex = winnow.Extractor(comments=True, format="markdown")
    a = ex.extract(RICH)
    b = ex.extract(RICH.decode())
    assert str(a) == str(b) == winnow.extract(RICH, comments=True, format="markdown").content
    assert a.comments == b.comments
    with pytest.raises(TypeError):
        winnow.Extractor(True)
    with pytest.raises(TypeError):
        winnow.Extractor(bogus=1)


def test_errors_carry_the_librarys_message():
    with pytest.raises(winnow.LimitError, match="max_input_bytes") as e:
        winnow.extract(b"<p>x</p>" * 100, max_input_bytes=10)
    assert isinstance(e.value, winnow.Error) and e.value.status == "limit exceeded"
    with pytest.raises(winnow.LimitError, match="max_nodes"):
        winnow.extract(b"<p>x</p>" * 100, max_nodes=10)
    big = b"<html><body>" + b"<div><p>word word word, word. " * 100000
    with pytest.raises(winnow.TimeoutError, match="time_limit_ms"):
        winnow.extract(big, time_limit_ms=1)
    assert issubclass(winnow.TimeoutError, winnow.Error)


BAD_TYPES = [
    ((None,), {}), ((1,), {}), (([],), {}), ((object(),), {}),
    ((b"x", 1), {}), ((b"x", b"http://x"), {}),
    ((b"x",), {"format": 1}), ((b"x",), {"comments": "yes"}), ((b"x",), {"tables": []}),
    ((b"x",), {"favor": 1}), ((b"x",), {"charset": b"utf-8"}), ((b"x",), {"time_limit_ms": 1.5}),
    ((b"x",), {"time_limit_ms": True}), ((b"x",), {"max_nodes": "1"}), ((b"x",), {"nope": 1}),
]


@pytest.mark.parametrize("args,kw", BAD_TYPES)
def test_bad_types_raise_type_error(args, kw):
    with pytest.raises(TypeError):
        winnow.extract(*args, **kw)


@pytest.mark.parametrize("kw", [
    {"format": "pdf"}, {"favor": "both"}, {"time_limit_ms": -1}, {"time_limit_ms": 10**30},
    {"max_input_bytes": -5}, {"charset": "utf\x008"},
])
def test_bad_values_raise_value_error(kw):
    with pytest.raises(ValueError):
        winnow.extract(b"<p>x</p>", **kw)


def test_hostile_inputs_do_not_crash():
    hostile = [
        b"", b"\x00" * 1000, bytes(range(256)) * 64, b"<" * 100000, b"<div>" * 100000,
        b"<table>" * 20000 + b"<td>x" * 20000, b"\xef\xbb\xbf<p>\xff\xfe\xfd</p>",
        b"<svg><math><select><template><frameset>" * 2000, b"&#x110000;&#0;&#xd800;" * 1000,
        "<p>\udcff</p>".encode("utf-8", "surrogatepass"),
    ]
    for h in hostile:
        a = winnow.extract(h, url="http://x.example/")
        assert isinstance(a.text, str)
        json.loads(a.to_json())
        a.markdown(), a.html()
    with pytest.raises(ValueError):
        winnow.extract(b"<p>x</p>", url="http://x\x00y")
    with pytest.raises(UnicodeEncodeError):
        winnow.extract("<p>\udcff</p>")
    # an unknown charset label is the library's business: no crash either way
    try:
        winnow.extract(b"<p>x</p>", charset="no-such-charset")
    except winnow.Error:
        pass


def test_article_is_not_picklable_or_mutable(example):
    a = winnow.extract(example)
    with pytest.raises(AttributeError):
        a.title = "x"
    with pytest.raises(TypeError):
        pickle.dumps(a)
    assert "Night trains" in repr(a)


def test_many_threads_give_the_serial_results():
    pages = [RICH, RICH.replace(b"Rich page", b"Other page")] * 8
    serial = [winnow.extract(p, comments=True).to_json() for p in pages]
    shared = winnow.Extractor(comments=True)
    out = [None] * len(pages)
    errors = []

    def work(i):
        try:
            # alternate a shared extractor and the module function
            a = shared.extract(pages[i]) if i % 2 else winnow.extract(pages[i], comments=True)
            out[i] = a.to_json()
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(pages))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert out == serial


def test_the_gil_is_released_while_extracting():
    big = b"<html><body><article>" + b"<p>Words of a long article, one sentence after another.</p>" * 60000
    ticks = []
    stop = threading.Event()

    def spin():
        import time
        while not stop.is_set():
            ticks.append(time.perf_counter())

    import time
    t = threading.Thread(target=spin)
    t.start()
    while not ticks:
        time.sleep(0.001)
    t0 = time.perf_counter()
    winnow.extract(big)
    t1 = time.perf_counter()
    stop.set()
    t.join()
    inside = [x for x in ticks if t0 < x < t1]
    # With the GIL held the whole call, the other thread could not run during it
    # (beyond one switch interval at the start).
    assert t1 - t0 > 0.05
    span = (inside[-1] - inside[0]) if len(inside) > 1 else 0.0
    assert span > 0.5 * (t1 - t0), (t1 - t0, span, len(inside))


def test_signatures_and_docstrings_for_editors_and_help():
    import inspect
    params = inspect.signature(winnow.extract).parameters
    assert list(params)[:2] == ["html", "url"]
    assert {"format", "comments", "links", "images", "tables", "favor", "charset",
            "time_limit_ms", "page_type"} <= set(params)
    assert inspect.signature(winnow.Extractor.extract).parameters["url"].default is None
    for obj in (winnow, winnow.extract, winnow.Extractor, winnow.Article, winnow.Article.to_json,
                winnow.Error, winnow.warc.records, winnow.warc.run):
        assert obj.__doc__ and len(obj.__doc__) > 20, obj
    stubs = os.path.join(os.path.dirname(winnow.__file__))
    assert os.path.exists(os.path.join(stubs, "py.typed"))
    assert os.path.exists(os.path.join(stubs, "_winnow.pyi"))
