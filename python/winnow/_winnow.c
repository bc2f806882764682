/*
 * _winnow.c: the CPython extension behind the `winnow` package, a thin layer
 * over include/winnow.h. Python objects are made and read only while the GIL is
 * held; every call into the library (parse, extract, render, WARC reading, the
 * batch run) runs with the GIL released, so threads extract in parallel.
 *
 *   extract()     one page -> Article          Extractor   options parsed once
 *   Article       wn_article + render flags    WarcReader  WARC records as tuples
 *   batch_run()   wn_batch_run to a path or a Python file
 *
 * The pure-Python parts (winnow/__init__.py, warc.py, dask.py, adapter.py)
 * build the friendlier API on these.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <zlib.h>

#include <winnow.h>

/* MARK: Exceptions ------------------------------------------------------------- */

static PyObject *Error, *LimitError, *TimeoutErr;

/* Raise the exception that matches st, with the library's message; the
 * exception gets `status` (the status name) and `offset` (or None). */
static PyObject *raise_status(wn_status st, const wn_error *err)
{
    PyObject *type = Error;
    if (st == WN_ERR_NOMEM)
        return PyErr_NoMemory();
    if (st == WN_ERR_LIMIT)
        type = LimitError;
    else if (st == WN_ERR_TIMEOUT)
        type = TimeoutErr;
    const char *msg = err && err->msg ? err->msg : wn_status_str(st);
    PyObject *exc = PyObject_CallFunction(type, "s", msg);
    if (exc == NULL)
        return NULL;
    PyObject *offset;
    if (err && err->offset)
        offset = PyLong_FromUnsignedLongLong(err->offset);
    else {
        Py_INCREF(Py_None);
        offset = Py_None;
    }
    PyObject *status = PyUnicode_FromString(wn_status_str(st));
    if (offset && status && PyObject_SetAttrString(exc, "offset", offset) == 0 &&
        PyObject_SetAttrString(exc, "status", status) == 0)
        PyErr_SetObject(type, exc);
    Py_XDECREF(offset);
    Py_XDECREF(status);
    Py_DECREF(exc);
    return NULL;
}

/* An exception raised in a callback that runs inside the library, kept until
 * the library returns (PyErr_Fetch/Restore: Python 3.11 has nothing newer). */
typedef struct saved_exc {
    PyObject *type, *value, *tb;
} saved_exc;

static void exc_keep(saved_exc *e)
{
    if (e->type == NULL)
        PyErr_Fetch(&e->type, &e->value, &e->tb);
    PyErr_Clear();
}

/* Raise the kept exception; returns 1 when there was one. */
static int exc_restore(saved_exc *e)
{
    if (e->type == NULL)
        return 0;
    PyErr_Restore(e->type, e->value, e->tb);
    e->type = e->value = e->tb = NULL;
    return 1;
}

static void exc_clear(saved_exc *e)
{
    Py_CLEAR(e->type);
    Py_CLEAR(e->value);
    Py_CLEAR(e->tb);
}

/* MARK: Growable output buffer (filled without the GIL) ------------------------ */

typedef struct outbuf {
    char *p;
    size_t n, cap;
    int failed;
} outbuf;

static int outbuf_sink(void *ctx, const char *p, size_t n)
{
    outbuf *b = ctx;
    if (b->n + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n + 1) {
            if (cap > SIZE_MAX / 2) {
                b->failed = 1;
                return -1;
            }
            cap *= 2;
        }
        char *q = realloc(b->p, cap);
        if (q == NULL) {
            b->failed = 1;
            return -1;
        }
        b->p = q;
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return 0;
}

/* A str from UTF-8, trailing newlines removed as in the JSON record. */
static PyObject *str_trimmed(const char *s, size_t n)
{
    while (n > 0 && s[n - 1] == '\n')
        n--;
    return PyUnicode_DecodeUTF8(n ? s : "", (Py_ssize_t)n, "replace");
}

static PyObject *str_or_none(const char *s)
{
    if (s == NULL)
        Py_RETURN_NONE;
    return PyUnicode_DecodeUTF8(s, (Py_ssize_t)strlen(s), "replace");
}

/* MARK: Options ------------------------------------------------------------------ */

/* Everything extract() and Extractor() accept, parsed once. */
typedef struct xopts {
    wn_options opt;
    unsigned render_flags;
    wn_format format;
    char *charset;             /* owned copy behind opt.charset */
    char *transport_charset;   /* owned copy behind opt.transport_charset */
} xopts;

static void xopts_fini(xopts *o)
{
    free(o->charset);
    free(o->transport_charset);
    o->charset = o->transport_charset = NULL;
}

static int xopts_copy(xopts *dst, const xopts *src)
{
    *dst = *src;
    dst->charset = src->charset ? strdup(src->charset) : NULL;
    dst->transport_charset = src->transport_charset ? strdup(src->transport_charset) : NULL;
    dst->opt.charset = dst->charset;
    dst->opt.transport_charset = dst->transport_charset;
    if ((src->charset && !dst->charset) || (src->transport_charset && !dst->transport_charset)) {
        xopts_fini(dst);
        PyErr_NoMemory();
        return -1;
    }
    return 0;
}

/* A flag option: NULL or None leaves the default (returns 0), a bool or an int
 * sets *out (returns 1), anything else is a TypeError (-1). */
static int get_flag(PyObject *v, const char *name, int *out)
{
    if (v == NULL || v == Py_None)
        return 0;
    if (!PyBool_Check(v) && !PyLong_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s must be a bool, not %.100s", name, Py_TYPE(v)->tp_name);
        return -1;
    }
    int t = PyObject_IsTrue(v);
    if (t < 0)
        return -1;
    *out = t;
    return 1;
}

/* A str option without NUL characters, copied into *out; None gives NULL. */
static int get_cstr(PyObject *v, const char *name, char **out)
{
    *out = NULL;
    if (v == NULL || v == Py_None)
        return 0;
    if (!PyUnicode_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s must be a str or None, not %.100s", name,
                     Py_TYPE(v)->tp_name);
        return -1;
    }
    Py_ssize_t n;
    const char *s = PyUnicode_AsUTF8AndSize(v, &n);
    if (s == NULL)
        return -1;
    if ((size_t)n != strlen(s)) {
        PyErr_Format(PyExc_ValueError, "%s must not contain NUL characters", name);
        return -1;
    }
    *out = strdup(s);
    if (*out == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    return 1;
}

static int set_bit(PyObject *v, const char *name, unsigned *flags, unsigned bit)
{
    int on = 0, r = get_flag(v, name, &on);
    if (r > 0)
        *flags = on ? (*flags | bit) : (*flags & ~bit);
    return r < 0 ? -1 : 0;
}

static const char *const option_names[] = {
    "format", "comments", "links", "images", "tables", "favor", "charset",
    "time_limit_ms", "transport_charset", "max_input_bytes", "max_nodes", "page_type", NULL
};
enum { O_FORMAT, O_COMMENTS, O_LINKS, O_IMAGES, O_TABLES, O_FAVOR, O_CHARSET, O_TIME,
       O_TRANSPORT, O_MAX_INPUT, O_MAX_NODES, O_PAGE_TYPE, O__COUNT };

/* The longest time budget accepted: one day, as the tool's --time-limit. */
#define MAX_TIME_LIMIT_MS 86400000LL

/* Parse option values v[O_*] (NULL or None: unchanged) on top of base (NULL:
 * the library's defaults). */
static int xopts_parse_values(xopts *o, const xopts *base, PyObject *const *v)
{
    if (base) {
        if (xopts_copy(o, base) != 0)
            return -1;
    } else {
        memset(o, 0, sizeof *o);
        wn_options_init(&o->opt);
        o->format = WN_FMT_TEXT;
    }
    if (v[O_FORMAT] && v[O_FORMAT] != Py_None) {
        if (!PyUnicode_Check(v[O_FORMAT])) {
            PyErr_Format(PyExc_TypeError, "format must be a str, not %.100s",
                         Py_TYPE(v[O_FORMAT])->tp_name);
            goto fail;
        }
        const char *name = PyUnicode_AsUTF8(v[O_FORMAT]);
        if (name == NULL)
            goto fail;
        int f = wn_format_parse(name);
        if (f < 0) {
            PyErr_Format(PyExc_ValueError,
                         "format must be 'text', 'markdown', 'json' or 'html', not %R", v[O_FORMAT]);
            goto fail;
        }
        o->format = (wn_format)f;
    }
    /* Extraction flags and the render flags that go with them, as the tool sets them
     * (links and images are render flags only). */
    if (set_bit(v[O_COMMENTS], "comments", &o->opt.flags, WN_OPT_COMMENTS) ||
        set_bit(v[O_COMMENTS], "comments", &o->render_flags, WN_RENDER_COMMENTS) ||
        set_bit(v[O_LINKS], "links", &o->render_flags, WN_RENDER_LINKS) ||
        set_bit(v[O_IMAGES], "images", &o->render_flags, WN_RENDER_IMAGES))
        goto fail;
    int tables = 1, r = get_flag(v[O_TABLES], "tables", &tables);
    if (r < 0)
        goto fail;
    if (r > 0)
        o->opt.flags = tables ? (o->opt.flags & ~WN_OPT_NO_TABLES) : (o->opt.flags | WN_OPT_NO_TABLES);
    if (v[O_FAVOR] && v[O_FAVOR] != Py_None) {
        if (!PyUnicode_Check(v[O_FAVOR])) {
            PyErr_Format(PyExc_TypeError, "favor must be a str or None, not %.100s",
                         Py_TYPE(v[O_FAVOR])->tp_name);
            goto fail;
        }
        if (PyUnicode_CompareWithASCIIString(v[O_FAVOR], "balanced") == 0)
            o->opt.favor = WN_FAVOR_BALANCED;
        else if (PyUnicode_CompareWithASCIIString(v[O_FAVOR], "precision") == 0)
            o->opt.favor = WN_FAVOR_PRECISION;
        else if (PyUnicode_CompareWithASCIIString(v[O_FAVOR], "recall") == 0)
            o->opt.favor = WN_FAVOR_RECALL;
        else {
            PyErr_Format(PyExc_ValueError,
                         "favor must be 'balanced', 'precision' or 'recall', not %R", v[O_FAVOR]);
            goto fail;
        }
    }
    if (v[O_CHARSET]) {
        char *cs;
        if (get_cstr(v[O_CHARSET], "charset", &cs) < 0)
            goto fail;
        free(o->charset);
        o->charset = cs;
    }
    if (v[O_TRANSPORT]) {
        char *cs;
        if (get_cstr(v[O_TRANSPORT], "transport_charset", &cs) < 0)
            goto fail;
        free(o->transport_charset);
        o->transport_charset = cs;
    }
    if (v[O_TIME] && v[O_TIME] != Py_None) {
        if (!PyLong_Check(v[O_TIME]) || PyBool_Check(v[O_TIME])) {
            PyErr_Format(PyExc_TypeError, "time_limit_ms must be an int or None, not %.100s",
                         Py_TYPE(v[O_TIME])->tp_name);
            goto fail;
        }
        int overflow = 0;
        long long ms = PyLong_AsLongLongAndOverflow(v[O_TIME], &overflow);
        if (ms == -1 && PyErr_Occurred())
            goto fail;
        if (overflow || ms < 0 || ms > MAX_TIME_LIMIT_MS) {
            PyErr_Format(PyExc_ValueError, "time_limit_ms must be between 0 and %lld",
                         MAX_TIME_LIMIT_MS);
            goto fail;
        }
        o->opt.time_limit_ms = (uint32_t)ms;
    }
    for (int k = O_MAX_INPUT; k <= O_MAX_NODES; k++) {
        if (v[k] == NULL || v[k] == Py_None)
            continue;
        if (!PyLong_Check(v[k]) || PyBool_Check(v[k])) {
            PyErr_Format(PyExc_TypeError, "%s must be an int or None, not %.100s", option_names[k],
                         Py_TYPE(v[k])->tp_name);
            goto fail;
        }
        int overflow = 0;
        long long x = PyLong_AsLongLongAndOverflow(v[k], &overflow);
        if (x == -1 && PyErr_Occurred())
            goto fail;
        unsigned long long max = k == O_MAX_NODES ? UINT32_MAX : SIZE_MAX / 4;
        if (overflow || x < 0 || (unsigned long long)x > max) {
            PyErr_Format(PyExc_ValueError, "%s must be between 0 (no limit) and %llu",
                         option_names[k], max);
            goto fail;
        }
        if (k == O_MAX_NODES)
            o->opt.max_nodes = (uint32_t)x;
        else
            o->opt.max_input_bytes = (size_t)x;
    }
    if (v[O_PAGE_TYPE] && v[O_PAGE_TYPE] != Py_None) {
        if (!PyUnicode_Check(v[O_PAGE_TYPE])) {
            PyErr_Format(PyExc_TypeError, "page_type must be a str or None, not %.100s",
                         Py_TYPE(v[O_PAGE_TYPE])->tp_name);
            goto fail;
        }
        const char *name = PyUnicode_AsUTF8(v[O_PAGE_TYPE]);
        if (name == NULL)
            goto fail;
        int t = wn_page_type_parse(name);
        if (t < 0) {
            PyErr_Format(PyExc_ValueError, "unknown page_type %R", v[O_PAGE_TYPE]);
            goto fail;
        }
        o->opt.page_type = (wn_page_type)t;   /* "unknown": classify, the default */
    }
    o->opt.charset = o->charset;
    o->opt.transport_charset = o->transport_charset;
    return 0;
fail:
    xopts_fini(o);
    return -1;
}

/* The same from a keyword dict (may be NULL); unknown keywords are a TypeError. */
static int xopts_parse(xopts *o, const xopts *base, PyObject *kw)
{
    PyObject *v[O__COUNT] = {0};
    if (kw) {
        PyObject *key, *val;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kw, &pos, &key, &val)) {
            int k = 0;
            for (; option_names[k]; k++)
                if (PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, option_names[k]) == 0)
                    break;
            if (option_names[k] == NULL) {
                PyErr_Format(PyExc_TypeError, "unexpected keyword argument '%S'", key);
                return -1;
            }
            v[k] = val;
        }
    }
    return xopts_parse_values(o, base, v);
}

/* MARK: Article ------------------------------------------------------------------ */

typedef struct {
    PyObject_HEAD
    wn_article *a;
    unsigned render_flags;
    int want_comments;
    PyObject *content;   /* the rendering in the format asked for, made at extraction */
} ArticleObject;

static PyTypeObject ArticleType;

static void article_dealloc(ArticleObject *self)
{
    wn_article_free(self->a);
    Py_XDECREF(self->content);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

/* Render with the GIL released; a new str, trimmed of final newlines when asked. */
static PyObject *render_str(const wn_article *a, wn_format fmt, unsigned flags, int comments_only,
                            int trim)
{
    outbuf b = {0};
    wn_status st;
    Py_BEGIN_ALLOW_THREADS
    st = comments_only ? wn_render_comments(a, fmt, flags, outbuf_sink, &b)
                       : wn_render(a, fmt, flags, outbuf_sink, &b);
    Py_END_ALLOW_THREADS
    PyObject *res = NULL;
    if (b.failed)
        PyErr_NoMemory();
    else if (st != WN_OK)
        raise_status(st, NULL);
    else if (trim)
        res = str_trimmed(b.p, b.n);
    else
        res = PyUnicode_DecodeUTF8(b.n ? b.p : "", (Py_ssize_t)b.n, "replace");
    free(b.p);
    return res;
}

static PyObject *article_field(ArticleObject *self, void *closure)
{
    return str_or_none(wn_article_get(self->a, (wn_field)(intptr_t)closure));
}

static PyObject *article_text(ArticleObject *self, void *closure)
{
    (void)closure;
    const char *t = wn_article_get(self->a, WN_FIELD_TEXT);
    return str_trimmed(t ? t : "", t ? strlen(t) : 0);
}

static PyObject *list_of(size_t n, const char *const *v)
{
    PyObject *list = PyList_New((Py_ssize_t)n);
    for (size_t i = 0; list && i < n; i++) {
        PyObject *s = str_or_none(v[i]);
        if (s == NULL) {
            Py_CLEAR(list);
            break;
        }
        PyList_SET_ITEM(list, (Py_ssize_t)i, s);
    }
    return list;
}

static PyObject *article_categories(ArticleObject *self, void *closure)
{
    (void)closure;
    const char *const *v;
    size_t n = wn_article_categories(self->a, &v);
    return list_of(n, v);
}

static PyObject *article_tags(ArticleObject *self, void *closure)
{
    (void)closure;
    const char *const *v;
    size_t n = wn_article_tags(self->a, &v);
    return list_of(n, v);
}

static PyObject *article_comments(ArticleObject *self, void *closure)
{
    (void)closure;
    if (!self->want_comments)
        Py_RETURN_NONE;
    return render_str(self->a, WN_FMT_TEXT, 0, 1, 1);
}

static PyObject *article_page_type(ArticleObject *self, void *closure)
{
    (void)closure;
    wn_page_type t = wn_article_page_type(self->a);
    return str_or_none(t == WN_PAGE_UNKNOWN ? NULL : wn_page_type_name(t));
}

static PyObject *article_content(ArticleObject *self, void *closure)
{
    (void)closure;
    Py_INCREF(self->content);
    return self->content;
}

#define FIELD(name, f, doc) { name, (getter)article_field, NULL, doc, (void *)(intptr_t)(f) }
static PyGetSetDef article_getset[] = {
    FIELD("title", WN_FIELD_TITLE, "The headline, or None."),
    FIELD("author", WN_FIELD_AUTHOR, "Authors joined with '; ', or None."),
    FIELD("date", WN_FIELD_DATE, "Publication date, ISO 8601, or None."),
    FIELD("date_modified", WN_FIELD_DATE_MODIFIED, "Last modification date, ISO 8601, or None."),
    FIELD("sitename", WN_FIELD_SITENAME, "The site's name, or None."),
    FIELD("description", WN_FIELD_DESCRIPTION, "The page's summary, or None."),
    FIELD("language", WN_FIELD_LANGUAGE, "BCP 47 language tag, or None."),
    FIELD("url", WN_FIELD_URL, "Canonical URL, or None."),
    FIELD("image", WN_FIELD_IMAGE, "Lead image URL, or None."),
    FIELD("license", WN_FIELD_LICENSE, "Licence URL or name, or None."),
    FIELD("encoding", WN_FIELD_ENCODING, "The encoding the page was decoded from."),
    { "categories", (getter)article_categories, NULL, "Categories (list of str).", NULL },
    { "tags", (getter)article_tags, NULL, "Tags (list of str).", NULL },
    { "text", (getter)article_text, NULL,
      "The article as plain text, blocks separated by blank lines ('' when the page has none).",
      NULL },
    { "comments", (getter)article_comments, NULL,
      "The user comments as plain text when extracted with comments=True, else None.", NULL },
    { "page_type", (getter)article_page_type, NULL,
      "What kind of page it is: 'article', 'forum', 'product', 'collection', 'listing',\n"
      "'documentation', 'service' or 'other' (forced by extract(page_type=...), else classified).",
      NULL },
    { "content", (getter)article_content, NULL,
      "The article in the format given to extract() (what str() returns).", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static PyObject *article_markdown(ArticleObject *self, PyObject *noargs)
{
    (void)noargs;
    return render_str(self->a, WN_FMT_MARKDOWN, self->render_flags, 0, 1);
}

static PyObject *article_html(ArticleObject *self, PyObject *noargs)
{
    (void)noargs;
    return render_str(self->a, WN_FMT_HTML, self->render_flags, 0, 1);
}

static PyObject *article_to_json(ArticleObject *self, PyObject *noargs)
{
    (void)noargs;
    return render_str(self->a, WN_FMT_JSON, self->render_flags, 0, 0);
}

static PyObject *article_to_dict(ArticleObject *self, PyObject *noargs)
{
    (void)noargs;
    /* json.loads of to_json(): the same keys, values and order as the tool's record. */
    PyObject *js = article_to_json(self, NULL);
    if (js == NULL)
        return NULL;
    PyObject *json = PyImport_ImportModule("json");
    PyObject *d = json ? PyObject_CallMethod(json, "loads", "O", js) : NULL;
    Py_XDECREF(json);
    Py_DECREF(js);
    return d;
}

static PyObject *article_str(ArticleObject *self)
{
    Py_INCREF(self->content);
    return self->content;
}

static PyObject *article_repr(ArticleObject *self)
{
    const char *text = wn_article_get(self->a, WN_FIELD_TEXT);
    PyObject *title = str_or_none(wn_article_get(self->a, WN_FIELD_TITLE));
    if (title == NULL)
        return NULL;
    PyObject *r = PyUnicode_FromFormat("<winnow.Article title=%R, %zu bytes of text>", title,
                                       text ? strlen(text) : (size_t)0);
    Py_DECREF(title);
    return r;
}

static PyMethodDef article_methods[] = {
    { "markdown", (PyCFunction)article_markdown, METH_NOARGS,
      "markdown($self, /)\n--\n\nThe article as Markdown (CommonMark + GFM tables), as `winnow -f md` "
      "writes it: links, images and comments when extracted with links / images / comments=True." },
    { "html", (PyCFunction)article_html, METH_NOARGS,
      "html($self, /)\n--\n\nThe article as a clean, safe HTML fragment." },
    { "to_json", (PyCFunction)article_to_json, METH_NOARGS,
      "to_json($self, /)\n--\n\nThe JSON record, byte for byte what `winnow --format json` prints "
      "(without its final newline)." },
    { "to_dict", (PyCFunction)article_to_dict, METH_NOARGS,
      "to_dict($self, /)\n--\n\nThe JSON record as a dict (json.loads(article.to_json()))." },
    { NULL, NULL, 0, NULL }
};

static PyTypeObject ArticleType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "winnow.Article",
    .tp_basicsize = sizeof(ArticleObject),
    .tp_dealloc = (destructor)article_dealloc,
    .tp_repr = (reprfunc)article_repr,
    .tp_str = (reprfunc)article_str,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "The article of one page and its metadata, as returned by winnow.extract().\n\n"
              "Attributes hold the JSON record's fields; markdown(), html(), to_json() and\n"
              "to_dict() render it. Articles are immutable and may be shared between threads.",
    .tp_methods = article_methods,
    .tp_getset = article_getset,
};

/* MARK: Extraction ------------------------------------------------------------------ */

/* The page's bytes: any bytes-like object, or a str (encoded as UTF-8). */
typedef struct page_in {
    Py_buffer view;
    int has_view;
    const char *p;
    Py_ssize_t n;
} page_in;

static int page_get(PyObject *html, page_in *in)
{
    memset(in, 0, sizeof *in);
    if (PyUnicode_Check(html)) {
        in->p = PyUnicode_AsUTF8AndSize(html, &in->n);
        return in->p ? 0 : -1;
    }
    if (!PyObject_CheckBuffer(html)) {
        PyErr_Format(PyExc_TypeError, "html must be bytes or str, not %.100s", Py_TYPE(html)->tp_name);
        return -1;
    }
    /* The view also keeps a bytearray from being resized while the GIL is released. */
    if (PyObject_GetBuffer(html, &in->view, PyBUF_SIMPLE) != 0)
        return -1;
    in->has_view = 1;
    in->p = in->view.buf;
    in->n = in->view.len;
    return 0;
}

static void page_release(page_in *in)
{
    if (in->has_view)
        PyBuffer_Release(&in->view);
    in->has_view = 0;
}

/* url: None or a str without NUL; *out borrows the str's UTF-8. */
static int url_get(PyObject *url, const char **out)
{
    *out = NULL;
    if (url == NULL || url == Py_None)
        return 0;
    if (!PyUnicode_Check(url)) {
        PyErr_Format(PyExc_TypeError, "url must be a str or None, not %.100s", Py_TYPE(url)->tp_name);
        return -1;
    }
    Py_ssize_t n;
    *out = PyUnicode_AsUTF8AndSize(url, &n);
    if (*out == NULL)
        return -1;
    if ((size_t)n != strlen(*out)) {
        PyErr_SetString(PyExc_ValueError, "url must not contain NUL characters");
        return -1;
    }
    return 0;
}

/* A str page is UTF-8 whatever its <meta charset> says, unless a charset is named. */
static const xopts *call_opts(const xopts *o, xopts *tmp, PyObject *html)
{
    if (!PyUnicode_Check(html) || o->charset)
        return o;
    *tmp = *o;
    tmp->opt.charset = "utf-8";
    return tmp;
}

/* One extraction with ex (lock, when given, guards ex) into a new Article. The
 * GIL is released from parsing to the end of rendering. */
static PyObject *do_extract(wn_extractor *ex, const xopts *o, PyObject *html, PyObject *url_obj,
                            PyThread_type_lock lock)
{
    page_in in;
    const char *url;
    if (url_get(url_obj, &url) != 0 || page_get(html, &in) != 0)
        return NULL;
    ArticleObject *self = PyObject_New(ArticleObject, &ArticleType);
    if (self == NULL) {
        page_release(&in);
        return NULL;
    }
    self->a = NULL;
    self->content = NULL;
    self->render_flags = o->render_flags;
    self->want_comments = (o->opt.flags & WN_OPT_COMMENTS) != 0;

    wn_error err = { WN_OK, NULL, 0 };
    wn_status st;
    outbuf b = {0};
    /* Plain text without comments, links or images is the extraction's own text. */
    const unsigned text_extras = WN_RENDER_COMMENTS | WN_RENDER_LINKS | WN_RENDER_IMAGES;
    int own_text = o->format == WN_FMT_TEXT && !(o->render_flags & text_extras);
    Py_BEGIN_ALLOW_THREADS
    if (lock)
        PyThread_acquire_lock(lock, WAIT_LOCK);
    st = wn_extract(ex, in.p, (size_t)in.n, url, &self->a, &err);
    if (lock)
        PyThread_release_lock(lock);
    if (st == WN_OK && !own_text)
        st = wn_render(self->a, o->format, o->render_flags, outbuf_sink, &b);
    Py_END_ALLOW_THREADS
    page_release(&in);
    if (st != WN_OK || b.failed) {
        free(b.p);
        Py_DECREF(self);
        return b.failed ? PyErr_NoMemory() : raise_status(st, &err);
    }
    if (own_text) {
        const char *t = wn_article_get(self->a, WN_FIELD_TEXT);
        self->content = str_trimmed(t ? t : "", t ? strlen(t) : 0);
    } else if (o->format == WN_FMT_JSON) {
        self->content = PyUnicode_DecodeUTF8(b.n ? b.p : "", (Py_ssize_t)b.n, "replace");
    } else {
        self->content = str_trimmed(b.p, b.n);
    }
    free(b.p);
    if (self->content == NULL) {
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

static PyObject *mod_extract(PyObject *mod, PyObject *args, PyObject *kw)
{
    (void)mod;
    static char *kwlist[] = { "html", "url", "format", "comments", "links", "images", "tables",
                              "favor", "charset", "time_limit_ms", "transport_charset",
                              "max_input_bytes", "max_nodes", "page_type", NULL };
    PyObject *html = NULL, *url = Py_None, *v[O__COUNT] = {0};
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O$OOOOOOOOOOOO:extract", kwlist, &html, &url,
                                     &v[O_FORMAT], &v[O_COMMENTS], &v[O_LINKS], &v[O_IMAGES],
                                     &v[O_TABLES], &v[O_FAVOR], &v[O_CHARSET], &v[O_TIME],
                                     &v[O_TRANSPORT], &v[O_MAX_INPUT], &v[O_MAX_NODES],
                                     &v[O_PAGE_TYPE]))
        return NULL;
    xopts o, tmp;
    if (xopts_parse_values(&o, NULL, v) != 0)
        return NULL;
    const xopts *use = call_opts(&o, &tmp, html);
    /* An extractor is a copy of the options and a reusable buffer: cheap to make. */
    wn_extractor *ex = wn_extractor_new(&use->opt);
    PyObject *res = ex ? do_extract(ex, use, html, url, NULL) : PyErr_NoMemory();
    wn_extractor_free(ex);
    xopts_fini(&o);
    return res;
}

/* MARK: Extractor -------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    xopts o;
    wn_extractor *ex;        /* for bytes pages */
    wn_extractor *ex_utf8;   /* for str pages, made on first use */
    PyThread_type_lock lock; /* one extraction at a time on this object */
} ExtractorObject;

static void extractor_dealloc(ExtractorObject *self)
{
    wn_extractor_free(self->ex);
    wn_extractor_free(self->ex_utf8);
    if (self->lock)
        PyThread_free_lock(self->lock);
    xopts_fini(&self->o);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *extractor_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    if (PyTuple_GET_SIZE(args) != 0) {
        PyErr_SetString(PyExc_TypeError, "Extractor() takes keyword arguments only");
        return NULL;
    }
    ExtractorObject *self = (ExtractorObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    if (xopts_parse(&self->o, NULL, kw) != 0) {
        memset(&self->o, 0, sizeof self->o);
        Py_DECREF(self);
        return NULL;
    }
    self->lock = PyThread_allocate_lock();
    self->ex = wn_extractor_new(&self->o.opt);
    if (self->lock == NULL || self->ex == NULL) {
        Py_DECREF(self);
        return PyErr_NoMemory();
    }
    return (PyObject *)self;
}

static PyObject *extractor_extract(ExtractorObject *self, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = { "html", "url", NULL };
    PyObject *html, *url = Py_None;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|O:extract", kwlist, &html, &url))
        return NULL;
    wn_extractor *ex = self->ex;
    xopts tmp;
    const xopts *use = call_opts(&self->o, &tmp, html);
    if (use != &self->o) {
        /* Made while holding the GIL, so two threads cannot both make it. */
        if (self->ex_utf8 == NULL && (self->ex_utf8 = wn_extractor_new(&use->opt)) == NULL)
            return PyErr_NoMemory();
        ex = self->ex_utf8;
    }
    return do_extract(ex, use, html, url, self->lock);
}

static PyMethodDef extractor_methods[] = {
    { "extract", (PyCFunction)(void (*)(void))extractor_extract, METH_VARARGS | METH_KEYWORDS,
      "extract($self, /, html, url=None)\n--\n\nExtract one page with this extractor's options "
      "(returns an Article)." },
    { NULL, NULL, 0, NULL }
};

static PyTypeObject ExtractorType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "winnow.Extractor",
    .tp_basicsize = sizeof(ExtractorObject),
    .tp_dealloc = (destructor)extractor_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_BASETYPE,
    .tp_doc = "Extractor(*, format='text', comments=False, links=False, images=False, tables=True,\n"
              "          favor=None, charset=None, time_limit_ms=None, page_type=None)\n\n"
              "Options parsed once and reused for every page. Keep one per thread: an\n"
              "Extractor used from several threads at once stays correct, but a lock makes\n"
              "it extract one page at a time.",
    .tp_methods = extractor_methods,
    .tp_new = extractor_new,
};

/* MARK: WARC reading ------------------------------------------------------------- */

typedef struct {
    PyObject_HEAD
    wn_warc *w;
    PyObject *file;       /* the Python file read through py_read, or NULL */
    int use_readinto;     /* the file has readinto(); else read() */
    saved_exc pending;    /* what the file's readinto/read raised, for __next__ */
    int html_only;
    int busy;             /* inside __next__: another thread gets RuntimeError */
} WarcReaderObject;

/* The most one read asks the Python file for. */
#define PY_READ_MAX ((size_t)1 << 30)

/* wn_read_fn over a Python binary file: called without the GIL, takes it. */
static long py_read(void *ctx, void *buf, size_t n)
{
    WarcReaderObject *self = ctx;
    long got = -1;
    if (n > PY_READ_MAX)
        n = PY_READ_MAX;
    PyGILState_STATE g = PyGILState_Ensure();
    if (self->use_readinto) {
        /* readinto() gets a bytearray of its own, never a view of the library's
         * buffer: a file object may keep what it is given (a view of a view
         * survives memoryview.release()), and Python memory stays valid for it. */
        PyObject *ba = PyByteArray_FromStringAndSize(NULL, (Py_ssize_t)n);
        PyObject *r = ba ? PyObject_CallMethod(self->file, "readinto", "O", ba) : NULL;
        if (r == Py_None) {
            PyErr_SetString(PyExc_BlockingIOError, "the file has no data now (non-blocking)");
        } else if (r != NULL) {
            Py_ssize_t k = PyLong_AsSsize_t(r);
            if (k >= 0 && (size_t)k <= n && PyByteArray_GET_SIZE(ba) == (Py_ssize_t)n) {
                memcpy(buf, PyByteArray_AS_STRING(ba), (size_t)k);
                got = (long)k;
            } else if (!PyErr_Occurred())
                PyErr_SetString(PyExc_ValueError, "readinto() returned an invalid count");
        }
        Py_XDECREF(r);
        Py_XDECREF(ba);
    } else {
        PyObject *data = PyObject_CallMethod(self->file, "read", "n", (Py_ssize_t)n);
        if (data && PyBytes_Check(data) && (size_t)PyBytes_GET_SIZE(data) <= n) {
            memcpy(buf, PyBytes_AS_STRING(data), (size_t)PyBytes_GET_SIZE(data));
            got = (long)PyBytes_GET_SIZE(data);
        } else if (data) {
            PyErr_SetString(PyExc_TypeError,
                            "the file's read() must return bytes (open it in binary mode)");
        }
        Py_XDECREF(data);
    }
    if (got < 0) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_OSError, "reading the file failed");
        exc_keep(&self->pending);
    }
    PyGILState_Release(g);
    return got;
}

static void warc_dealloc(WarcReaderObject *self)
{
    wn_warc_close(self->w);
    Py_XDECREF(self->file);
    exc_clear(&self->pending);
    Py_TYPE(self)->tp_free((PyObject *)self);
}

static PyObject *warc_new(PyTypeObject *type, PyObject *args, PyObject *kw)
{
    static char *kwlist[] = { "source", "html_only", NULL };
    PyObject *src;
    int html_only = 1;
    if (!PyArg_ParseTupleAndKeywords(args, kw, "O|p:WarcReader", kwlist, &src, &html_only))
        return NULL;
    WarcReaderObject *self = (WarcReaderObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    self->html_only = html_only;
    wn_warc_options wo;
    wn_warc_options_init(&wo);
    wn_error err = { WN_OK, NULL, 0 };
    if (PyUnicode_Check(src) || PyBytes_Check(src) || PyObject_HasAttrString(src, "__fspath__")) {
        PyObject *path = NULL;
        if (!PyUnicode_FSConverter(src, &path)) {
            Py_DECREF(self);
            return NULL;
        }
        const char *p = PyBytes_AS_STRING(path);
        if (strlen(p) != (size_t)PyBytes_GET_SIZE(path)) {
            Py_DECREF(path);
            Py_DECREF(self);
            PyErr_SetString(PyExc_ValueError, "path must not contain NUL characters");
            return NULL;
        }
        Py_BEGIN_ALLOW_THREADS
        self->w = wn_warc_open_file(p, &wo, &err);
        Py_END_ALLOW_THREADS
        if (self->w == NULL) {
            if (err.status == WN_ERR_NOMEM)
                PyErr_NoMemory();
            else
                PyErr_Format(Error, "%s: %s", p, err.msg ? err.msg : "cannot open");
            Py_DECREF(path);
            Py_DECREF(self);
            return NULL;
        }
        Py_DECREF(path);
    } else if (PyObject_HasAttrString(src, "readinto") || PyObject_HasAttrString(src, "read")) {
        Py_INCREF(src);
        self->file = src;
        self->use_readinto = PyObject_HasAttrString(src, "readinto");
        /* Opening reads the first bytes, through py_read, which takes the GIL. */
        Py_BEGIN_ALLOW_THREADS
        self->w = wn_warc_open_reader(py_read, self, &wo, &err);
        Py_END_ALLOW_THREADS
        if (self->w == NULL) {
            if (!exc_restore(&self->pending))
                raise_status(err.status != WN_OK ? err.status : WN_ERR_NOMEM, &err);
            Py_DECREF(self);
            return NULL;
        }
    } else {
        PyErr_Format(PyExc_TypeError,
                     "source must be a path or a binary file opened for reading, not %.100s",
                     Py_TYPE(src)->tp_name);
        Py_DECREF(self);
        return NULL;
    }
    return (PyObject *)self;
}

/* The records the batch driver extracts by default, whatever their status. */
static int is_html_record(const wn_warc_record *r)
{
    if (r->type == NULL || strcmp(r->type, "response") != 0 || r->mime == NULL)
        return 0;
    return strcmp(r->mime, "text/html") == 0 || strcmp(r->mime, "application/xhtml+xml") == 0;
}

static PyObject *int_or_none(int v)
{
    if (v == 0)
        Py_RETURN_NONE;
    return PyLong_FromLong(v);
}

/* One record as a tuple, in the order of warc.Record's fields. */
static PyObject *record_tuple(const wn_warc_record *r)
{
    PyObject *hdr;
    if (r->http_header)
        hdr = PyBytes_FromStringAndSize(r->http_header, (Py_ssize_t)r->http_header_len);
    else {
        Py_INCREF(Py_None);
        hdr = Py_None;
    }
    if (hdr == NULL)
        return NULL;
    return Py_BuildValue("(NNNNNNNNNNy#NNNK)",
                         str_or_none(r->target_uri), str_or_none(r->record_id), str_or_none(r->date),
                         str_or_none(r->type), int_or_none(r->http_status), hdr,
                         str_or_none(r->content_type), str_or_none(r->mime), str_or_none(r->charset),
                         str_or_none(r->content_encoding), r->payload ? r->payload : "",
                         (Py_ssize_t)(r->payload ? r->payload_len : 0),
                         PyBool_FromLong(r->payload_truncated != 0), str_or_none(r->truncated),
                         str_or_none(r->payload_error), (unsigned long long)r->offset);
}

static PyObject *warc_next(WarcReaderObject *self)
{
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "this WARC reader is already in use by another thread");
        return NULL;
    }
    if (self->w == NULL)
        return NULL;   /* closed: StopIteration */
    self->busy = 1;
    PyObject *res = NULL;
    for (;;) {
        wn_warc_record rec;
        wn_error err = { WN_OK, NULL, 0 };
        wn_status st;
        Py_BEGIN_ALLOW_THREADS
        st = wn_warc_next(self->w, &rec, &err);
        Py_END_ALLOW_THREADS
        if (exc_restore(&self->pending))
            break;
        if (st == WN_END)
            break;
        if (st != WN_OK) {
            raise_status(st, &err);
            break;
        }
        if (self->html_only && !is_html_record(&rec))
            continue;
        res = record_tuple(&rec);
        break;
    }
    self->busy = 0;
    return res;
}

static PyObject *warc_close(WarcReaderObject *self, PyObject *noargs)
{
    (void)noargs;
    if (self->busy) {
        PyErr_SetString(PyExc_RuntimeError, "this WARC reader is in use by another thread");
        return NULL;
    }
    wn_warc_close(self->w);
    self->w = NULL;
    Py_CLEAR(self->file);
    Py_RETURN_NONE;
}

static PyObject *warc_offset(WarcReaderObject *self, void *closure)
{
    (void)closure;
    return PyLong_FromUnsignedLongLong(self->w ? wn_warc_input_offset(self->w) : 0);
}

static PyMethodDef warc_methods[] = {
    { "close", (PyCFunction)warc_close, METH_NOARGS,
      "Stop reading (a file object given as the source is not closed)." },
    { NULL, NULL, 0, NULL }
};

static PyGetSetDef warc_getset[] = {
    { "input_offset", (getter)warc_offset, NULL, "Bytes consumed from the (compressed) input.", NULL },
    { NULL, NULL, NULL, NULL, NULL }
};

static PyTypeObject WarcReaderType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "winnow._winnow.WarcReader",
    .tp_basicsize = sizeof(WarcReaderObject),
    .tp_dealloc = (destructor)warc_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = "WarcReader(source, html_only=True): WARC records as tuples (winnow.warc.records() "
              "wraps it).",
    .tp_iter = PyObject_SelfIter,
    .tp_iternext = (iternextfunc)warc_next,
    .tp_methods = warc_methods,
    .tp_getset = warc_getset,
    .tp_new = warc_new,
};

/* MARK: Batch run -------------------------------------------------------------- */

typedef struct batch_ctx {
    gzFile gz;             /* output path ending in .gz */
    FILE *f;               /* other output paths */
    PyObject *file;        /* a Python file: lines gather in buf, written with the GIL */
    outbuf buf;
    PyObject *progress;    /* callable(stats_json) or NULL */
    PyObject *file_errors; /* the error lines with reason "file" */
    saved_exc exc;         /* raised in a callback, raised again after the run */
    int stop;
} batch_ctx;

/* A Python file is written in pieces of about this size. */
#define BATCH_FLUSH_BYTES ((size_t)1 << 20)

static void batch_keep_exc(batch_ctx *c)
{
    exc_keep(&c->exc);
    c->stop = 1;
}

/* With the GIL: hand the gathered lines to the Python file. */
static int batch_flush(batch_ctx *c)
{
    if (c->buf.n == 0)
        return 0;
    PyObject *r = PyObject_CallMethod(c->file, "write", "y#", c->buf.p, (Py_ssize_t)c->buf.n);
    c->buf.n = 0;
    if (r == NULL) {
        batch_keep_exc(c);
        return -1;
    }
    Py_DECREF(r);
    return 0;
}

/* The sink runs on the calling thread, without the GIL. */
static int batch_sink(void *ctx, const char *p, size_t n)
{
    static const char err_prefix[] = "{\"error\":";
    static const char file_reason[] = "\"reason\":\"file\"";
    batch_ctx *c = ctx;
    if (c->stop)
        return -1;
    int file_err = n > sizeof err_prefix && memcmp(p, err_prefix, sizeof err_prefix - 1) == 0 &&
                   memmem(p, n, file_reason, sizeof file_reason - 1) != NULL;
    int flush = c->file && c->buf.n + n >= BATCH_FLUSH_BYTES;
    if (file_err || flush) {
        PyGILState_STATE g = PyGILState_Ensure();
        if (file_err) {
            PyObject *line = str_trimmed(p, n);
            if (line == NULL || PyList_Append(c->file_errors, line) != 0)
                batch_keep_exc(c);
            Py_XDECREF(line);
        }
        if (flush && !c->stop)
            batch_flush(c);
        PyGILState_Release(g);
        if (c->stop)
            return -1;
    }
    if (c->gz) {
        while (n > 0) {
            unsigned k = n > (1u << 30) ? (1u << 30) : (unsigned)n;   /* gzwrite takes unsigned */
            if (gzwrite(c->gz, p, k) != (int)k)
                return -1;
            p += k;
            n -= k;
        }
        return 0;
    }
    if (c->f)
        return fwrite(p, 1, n, c->f) == n ? 0 : -1;
    return outbuf_sink(&c->buf, p, n);
}

/* Called on the calling thread about every 250 ms: the progress callable, and
 * the chance for Ctrl-C to stop the run. */
static void batch_progress(void *ctx, const wn_batch_stats *s, int final)
{
    batch_ctx *c = ctx;
    if (c->stop)
        return;
    PyGILState_STATE g = PyGILState_Ensure();
    if (PyErr_CheckSignals() != 0)
        batch_keep_exc(c);
    else if (c->progress && !final) {
        outbuf b = {0};
        if (wn_batch_stats_json(s, outbuf_sink, &b) == WN_OK && !b.failed) {
            PyObject *r = PyObject_CallFunction(c->progress, "s#", b.p, (Py_ssize_t)b.n);
            if (r == NULL)
                batch_keep_exc(c);
            Py_XDECREF(r);
        }
        free(b.p);
    }
    PyGILState_Release(g);
}

/* An int keyword in [0, max]: 0 when absent or None, 1 when set, -1 on error. */
static int get_uint(PyObject *kw, const char *name, unsigned long max, unsigned long *out)
{
    PyObject *v = kw ? PyDict_GetItemString(kw, name) : NULL;
    if (v == NULL || v == Py_None)
        return 0;
    if (!PyLong_Check(v) || PyBool_Check(v)) {
        PyErr_Format(PyExc_TypeError, "%s must be an int or None, not %.100s", name, Py_TYPE(v)->tp_name);
        return -1;
    }
    int overflow = 0;
    long long x = PyLong_AsLongLongAndOverflow(v, &overflow);
    if (x == -1 && PyErr_Occurred())
        return -1;
    if (overflow || x < 0 || (unsigned long long)x > max) {
        PyErr_Format(PyExc_ValueError, "%s must be between 0 and %lu", name, max);
        return -1;
    }
    *out = (unsigned long)x;
    return 1;
}

static const char *const batch_keys[] = {
    "threads", "readers", "statuses", "mimes", "error_lines", "time_limit_ms", "max_memory_mb",
    "max_in_flight_mb", "max_buffered_mb", "comments", "with_markdown", "with_html", "links",
    "images", "tables", "favor", "page_type", "progress", NULL
};

/* The batch's options from keywords, on top of wn_batch_options_init(). The
 * strings stay owned by *xo, *statuses and *mimes. */
static int batch_options(PyObject *kw, wn_batch_options *bo, xopts *xo, char **statuses,
                         char **mimes)
{
    PyObject *v[O__COUNT] = {0};
    unsigned long n;
    int r, on;
    if (kw) {
        PyObject *key, *val;
        Py_ssize_t pos = 0;
        while (PyDict_Next(kw, &pos, &key, &val)) {
            int k = 0;
            for (; batch_keys[k]; k++)
                if (PyUnicode_Check(key) && PyUnicode_CompareWithASCIIString(key, batch_keys[k]) == 0)
                    break;
            if (batch_keys[k] == NULL) {
                PyErr_Format(PyExc_TypeError, "unexpected keyword argument '%S'", key);
                return -1;
            }
        }
        v[O_COMMENTS] = PyDict_GetItemString(kw, "comments");
        v[O_LINKS] = PyDict_GetItemString(kw, "links");
        v[O_IMAGES] = PyDict_GetItemString(kw, "images");
        v[O_TABLES] = PyDict_GetItemString(kw, "tables");
        v[O_FAVOR] = PyDict_GetItemString(kw, "favor");
        v[O_TIME] = PyDict_GetItemString(kw, "time_limit_ms");
        v[O_PAGE_TYPE] = PyDict_GetItemString(kw, "page_type");
    }
    wn_batch_options_init(bo);
    xopts base;
    memset(&base, 0, sizeof base);
    base.opt = bo->extract;   /* the batch's own defaults: a time limit, a smaller arena */
    base.format = WN_FMT_JSON;
    if (xopts_parse_values(xo, &base, v) != 0)
        return -1;
    bo->extract = xo->opt;
    bo->render_flags = xo->render_flags & WN_RENDER_COMMENTS;
    if ((r = get_flag(kw ? PyDict_GetItemString(kw, "with_markdown") : NULL, "with_markdown", &on)) < 0)
        return -1;
    if (r > 0 && on)
        bo->render_flags |= WN_RENDER_JSON_MARKDOWN;
    if ((r = get_flag(kw ? PyDict_GetItemString(kw, "with_html") : NULL, "with_html", &on)) < 0)
        return -1;
    if (r > 0 && on)
        bo->render_flags |= WN_RENDER_JSON_HTML;
    bo->render_flags |= xo->render_flags & (WN_RENDER_LINKS | WN_RENDER_IMAGES);
    if ((r = get_flag(kw ? PyDict_GetItemString(kw, "error_lines") : NULL, "error_lines", &on)) < 0)
        return -1;
    if (r > 0)
        bo->error_lines = on;
    if ((r = get_uint(kw, "threads", 4096, &n)) < 0)
        return -1;
    if (r > 0)
        bo->threads = (unsigned)n;
    if ((r = get_uint(kw, "readers", 1024, &n)) < 0)
        return -1;
    if (r > 0)
        bo->readers = (unsigned)n;
    if ((r = get_uint(kw, "max_memory_mb", 1UL << 20, &n)) < 0)
        return -1;
    if (r > 0 && n)
        bo->extract.max_arena_bytes = (size_t)n << 20;
    if ((r = get_uint(kw, "max_in_flight_mb", 1UL << 20, &n)) < 0)
        return -1;
    if (r > 0 && n)
        bo->max_bytes_in_flight = (size_t)n << 20;
    if ((r = get_uint(kw, "max_buffered_mb", 1UL << 20, &n)) < 0)
        return -1;
    if (r > 0 && n)
        bo->max_buffered_output = (size_t)n << 20;
    if (get_cstr(kw ? PyDict_GetItemString(kw, "statuses") : NULL, "statuses", statuses) < 0 ||
        get_cstr(kw ? PyDict_GetItemString(kw, "mimes") : NULL, "mimes", mimes) < 0)
        return -1;
    bo->statuses = *statuses;
    bo->mimes = *mimes;
    wn_error err = { WN_OK, NULL, 0 };
    if (wn_batch_options_check(bo, &err) != WN_OK) {
        PyErr_Format(PyExc_ValueError, "%s", err.msg ? err.msg : "bad batch options");
        return -1;
    }
    return 0;
}

/* Open the output: a path (gzip when it ends in .gz, as the tool does) or a
 * Python object with write(). */
static int batch_open(batch_ctx *c, PyObject *output)
{
    if (PyUnicode_Check(output) || PyBytes_Check(output) || PyObject_HasAttrString(output, "__fspath__")) {
        PyObject *ob = NULL;
        if (!PyUnicode_FSConverter(output, &ob))
            return -1;
        const char *op = PyBytes_AS_STRING(ob);
        size_t ol = strlen(op);
        if (ol != (size_t)PyBytes_GET_SIZE(ob)) {
            Py_DECREF(ob);
            PyErr_SetString(PyExc_ValueError, "output must not contain NUL characters");
            return -1;
        }
        errno = 0;
        if (ol > 3 && strcmp(op + ol - 3, ".gz") == 0)
            c->gz = gzopen(op, "wb6");
        else
            c->f = fopen(op, "wb");
        Py_DECREF(ob);
        if (c->gz == NULL && c->f == NULL) {
            errno = errno ? errno : EIO;
            PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, output);
            return -1;
        }
        return 0;
    }
    if (PyObject_HasAttrString(output, "write")) {
        c->file = output;
        return 0;
    }
    PyErr_Format(PyExc_TypeError, "output must be a path or a binary file, not %.100s",
                 Py_TYPE(output)->tp_name);
    return -1;
}

/* Close the output; -1 when something could not be written. */
static int batch_close(batch_ctx *c)
{
    int failed = 0;
    if (c->gz)
        failed |= gzclose(c->gz) != Z_OK;
    if (c->f)
        failed |= fclose(c->f) != 0;
    c->gz = NULL;
    c->f = NULL;
    return failed ? -1 : 0;
}

/* batch_run(paths, output, **options) -> (stats_json, file_error_lines) */
static PyObject *mod_batch_run(PyObject *mod, PyObject *args, PyObject *kw)
{
    (void)mod;
    PyObject *paths, *output;
    if (!PyArg_ParseTuple(args, "OO:batch_run", &paths, &output))
        return NULL;
    wn_batch_options bo;
    xopts xo;
    char *statuses = NULL, *mimes = NULL;
    if (batch_options(kw, &bo, &xo, &statuses, &mimes) != 0) {
        free(statuses);
        free(mimes);
        return NULL;
    }
    PyObject *seq = NULL, *bytes_paths = NULL, *res = NULL;
    const char **cpaths = NULL;
    batch_ctx c;
    memset(&c, 0, sizeof c);
    c.progress = kw ? PyDict_GetItemString(kw, "progress") : NULL;
    if (c.progress == Py_None)
        c.progress = NULL;
    if (c.progress && !PyCallable_Check(c.progress)) {
        PyErr_SetString(PyExc_TypeError, "progress must be callable or None");
        goto done;
    }
    bo.progress = batch_progress;   /* always: it also lets Ctrl-C stop the run */
    bo.progress_ctx = &c;

    if (PyUnicode_Check(paths) || PyBytes_Check(paths)) {
        PyErr_SetString(PyExc_TypeError, "paths must be a list of paths, not one path");
        goto done;
    }
    seq = PySequence_Fast(paths, "paths must be a list of paths");
    if (seq == NULL)
        goto done;
    Py_ssize_t np = PySequence_Fast_GET_SIZE(seq);
    bytes_paths = PyList_New(np);
    cpaths = calloc((size_t)np + 1, sizeof *cpaths);
    if (bytes_paths == NULL || cpaths == NULL) {
        if (cpaths == NULL)
            PyErr_NoMemory();
        goto done;
    }
    for (Py_ssize_t i = 0; i < np; i++) {
        PyObject *b = NULL;
        if (!PyUnicode_FSConverter(PySequence_Fast_GET_ITEM(seq, i), &b))
            goto done;
        PyList_SET_ITEM(bytes_paths, i, b);
        cpaths[i] = PyBytes_AS_STRING(b);
        if (strlen(cpaths[i]) != (size_t)PyBytes_GET_SIZE(b)) {
            PyErr_SetString(PyExc_ValueError, "paths must not contain NUL characters");
            goto done;
        }
    }
    c.file_errors = PyList_New(0);
    if (c.file_errors == NULL || batch_open(&c, output) != 0)
        goto done;

    wn_batch_stats stats;
    wn_error err = { WN_OK, NULL, 0 };
    wn_status st;
    Py_BEGIN_ALLOW_THREADS
    st = wn_batch_run(cpaths, (size_t)np, &bo, batch_sink, &c, &stats, &err);
    Py_END_ALLOW_THREADS
    int out_failed = st == WN_ERR_IO;
    if (c.file && !c.stop && batch_flush(&c) != 0)
        out_failed = 1;
    if (batch_close(&c) != 0)
        out_failed = 1;
    if (exc_restore(&c.exc))
        goto done;
    if (out_failed) {
        PyErr_SetString(PyExc_OSError, "writing the output failed");
        goto done;
    }
    if (st != WN_OK) {
        raise_status(st, &err);
        goto done;
    }
    outbuf sb = {0};
    if (wn_batch_stats_json(&stats, outbuf_sink, &sb) != WN_OK || sb.failed) {
        free(sb.p);
        PyErr_NoMemory();
        goto done;
    }
    res = Py_BuildValue("(s#O)", sb.p, (Py_ssize_t)sb.n, c.file_errors);
    free(sb.p);
done:
    batch_close(&c);
    exc_clear(&c.exc);
    Py_XDECREF(c.file_errors);
    free(c.buf.p);
    free(cpaths);
    free(statuses);
    free(mimes);
    Py_XDECREF(bytes_paths);
    Py_XDECREF(seq);
    xopts_fini(&xo);
    return res;
}

/* MARK: Benchmark baseline ------------------------------------------------------ */

/* _c_extract_loop(pages) -> seconds: wn_extract over every page with one
 * extractor and default options, in C, timed in thread CPU time. python/bench.py
 * compares winnow.extract() with it: the cost of the binding is the difference. */
static PyObject *mod_c_extract_loop(PyObject *mod, PyObject *pages)
{
    (void)mod;
    /* A tuple of its own: nothing can change it while the GIL is released. */
    PyObject *seq = PySequence_Tuple(pages);
    if (seq == NULL)
        return NULL;
    Py_ssize_t n = PyTuple_GET_SIZE(seq);
    for (Py_ssize_t i = 0; i < n; i++) {
        if (!PyBytes_Check(PyTuple_GET_ITEM(seq, i))) {
            Py_DECREF(seq);
            PyErr_SetString(PyExc_TypeError, "pages must be a list of bytes");
            return NULL;
        }
    }
    wn_extractor *ex = wn_extractor_new(NULL);
    if (ex == NULL) {
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    struct timespec t0, t1;
    wn_status st = WN_OK;
    Py_BEGIN_ALLOW_THREADS
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t0);
    for (Py_ssize_t i = 0; i < n && st != WN_ERR_NOMEM; i++) {
        PyObject *b = PyTuple_GET_ITEM(seq, i);   /* bytes: immutable, kept by the tuple */
        wn_article *a = NULL;
        st = wn_extract(ex, PyBytes_AS_STRING(b), (size_t)PyBytes_GET_SIZE(b), NULL, &a, NULL);
        wn_article_free(a);
    }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t1);
    Py_END_ALLOW_THREADS
    wn_extractor_free(ex);
    Py_DECREF(seq);
    if (st == WN_ERR_NOMEM)
        return PyErr_NoMemory();
    return PyFloat_FromDouble((double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) * 1e-9);
}

/* MARK: Module ------------------------------------------------------------------- */

static PyMethodDef module_methods[] = {
    { "extract", (PyCFunction)(void (*)(void))mod_extract, METH_VARARGS | METH_KEYWORDS,
      "extract($module, /, html, url=None, *, format='text', comments=False, links=False,\n"
      "        images=False, tables=True, favor=None, charset=None, time_limit_ms=None,\n"
      "        transport_charset=None, max_input_bytes=None, max_nodes=None, page_type=None)\n"
      "--\n\n"
      "Extract the article and metadata of one page, as an Article.\n\n"
      "html is bytes (the encoding is sniffed as the winnow tool does: BOM,\n"
      "transport_charset, <meta>, detection) or str (read as UTF-8 unless charset is\n"
      "given). url is the page's address: the base for relative links and a metadata\n"
      "source. format picks what str(article) and article.content hold: 'text',\n"
      "'markdown', 'json' or 'html'. page_type forces a page type ('article', 'forum',\n"
      "'product', ...; default: classify each page). max_input_bytes (default 256 MiB)\n"
      "and max_nodes (default 20,000,000) are the library's caps; 0 is no cap.\n\n"
      "The GIL is released while the page is parsed, extracted and rendered. Raises\n"
      "winnow.LimitError (a size or memory cap), winnow.TimeoutError (time_limit_ms)\n"
      "or winnow.Error, with the library's message." },
    { "batch_run", (PyCFunction)(void (*)(void))mod_batch_run, METH_VARARGS | METH_KEYWORDS,
      "batch_run(paths, output, **options) -> (stats_json, file_error_lines)\n\n"
      "wn_batch_run() itself; use winnow.warc.run()." },
    { "_c_extract_loop", (PyCFunction)mod_c_extract_loop, METH_O,
      "_c_extract_loop(pages) -> CPU seconds of wn_extract over the pages in C (bench.py's baseline)." },
    { NULL, NULL, 0, NULL }
};

static struct PyModuleDef module_def = {
    PyModuleDef_HEAD_INIT,
    .m_name = "winnow._winnow",
    .m_doc = "The C core of the winnow package (libwinnow " WN_VERSION_STRING ").",
    .m_size = -1,
    .m_methods = module_methods,
};

PyMODINIT_FUNC PyInit__winnow(void);
PyMODINIT_FUNC PyInit__winnow(void)
{
    if (PyType_Ready(&ArticleType) < 0 || PyType_Ready(&ExtractorType) < 0 ||
        PyType_Ready(&WarcReaderType) < 0)
        return NULL;
    PyObject *m = PyModule_Create(&module_def);
    if (m == NULL)
        return NULL;
    Error = PyErr_NewExceptionWithDoc("winnow.Error",
                                      "A page or record winnow cannot process; the message is the "
                                      "library's. Attributes: status, offset.",
                                      NULL, NULL);
    LimitError = PyErr_NewExceptionWithDoc("winnow.LimitError",
                                           "A size or memory cap was exceeded.", Error, NULL);
    TimeoutErr = PyErr_NewExceptionWithDoc("winnow.TimeoutError",
                                           "The per-page time budget (time_limit_ms) ran out.",
                                           Error, NULL);
    if (Error == NULL || LimitError == NULL || TimeoutErr == NULL ||
        PyModule_AddObjectRef(m, "Error", Error) < 0 ||
        PyModule_AddObjectRef(m, "LimitError", LimitError) < 0 ||
        PyModule_AddObjectRef(m, "TimeoutError", TimeoutErr) < 0 ||
        PyModule_AddObjectRef(m, "Article", (PyObject *)&ArticleType) < 0 ||
        PyModule_AddObjectRef(m, "Extractor", (PyObject *)&ExtractorType) < 0 ||
        PyModule_AddObjectRef(m, "WarcReader", (PyObject *)&WarcReaderType) < 0 ||
        PyModule_AddStringConstant(m, "LIBRARY_VERSION", WN_VERSION_STRING) < 0) {
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
