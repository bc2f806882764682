/*
 * api.c: the public entry points of winnow.h that are glue only: status
 * strings, parsing wrappers, the extractor (extract/, then the text through
 * render/), article accessors and render dispatch. Option defaults are in
 * core/options.c; the work happens in html/, extract/ and render/.
 */
#include "winnow.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/error.h"
#include "dom/dom.h"
#include "extract/article.h"
#include "extract/extract.h"
#include "html/parser.h"
#include "render/render.h"

/* MARK: Status and options */

WN_API const char *wn_status_str(wn_status st)
{
    switch (st) {
    case WN_OK: return "ok";
    case WN_ERR_NOMEM: return "out of memory";
    case WN_ERR_LIMIT: return "limit exceeded";
    case WN_ERR_INPUT: return "invalid input";
    case WN_ERR_IO: return "input/output error";
    case WN_ERR_ARG: return "invalid argument";
    case WN_ERR_TIMEOUT: return "time limit exceeded";
    case WN_END: return "end of input";
    }
    return "unknown status";
}

WN_API unsigned wn_version(void)
{
    return WN_VERSION;
}

WN_API wn_format wn_format_parse(const char *name)
{
    if (name == NULL)
        return WN_FMT_UNKNOWN;
    if (!strcmp(name, "txt") || !strcmp(name, "text"))
        return WN_FMT_TEXT;
    if (!strcmp(name, "md") || !strcmp(name, "markdown"))
        return WN_FMT_MARKDOWN;
    if (!strcmp(name, "json"))
        return WN_FMT_JSON;
    if (!strcmp(name, "html"))
        return WN_FMT_HTML;
    return WN_FMT_UNKNOWN;
}

static const char *const page_type_names[WN_PAGE__COUNT] = {
    [WN_PAGE_UNKNOWN] = "unknown", [WN_PAGE_ARTICLE] = "article", [WN_PAGE_FORUM] = "forum",
    [WN_PAGE_PRODUCT] = "product", [WN_PAGE_COLLECTION] = "collection",
    [WN_PAGE_LISTING] = "listing", [WN_PAGE_DOCUMENTATION] = "documentation",
    [WN_PAGE_SERVICE] = "service", [WN_PAGE_OTHER] = "other",
};

WN_API const char *wn_page_type_name(wn_page_type t)
{
    return (unsigned)t < WN_PAGE__COUNT ? page_type_names[t] : NULL;
}

WN_API wn_page_type wn_page_type_parse(const char *name)
{
    if (name == NULL)
        return WN_PAGE_INVALID;
    for (int t = 0; t < WN_PAGE__COUNT; t++)
        if (!strcasecmp(name, page_type_names[t]))
            return (wn_page_type)t;
    return WN_PAGE_INVALID;
}

/* MARK: Parsing */

struct wn_document {
    wn_doc *doc;
};

static wn_status parse_common(const char *html, size_t len, const char *context,
                              const wn_options *opt, wn_document **out, wn_error *err)
{
    wn_options defaults;
    if (out == NULL || (html == NULL && len)) {
        wn_set_error(err, WN_ERR_ARG, "html and out must not be NULL", 0);
        return WN_ERR_ARG;
    }
    *out = NULL;
    if (opt == NULL) {
        wn_options_init(&defaults);
        opt = &defaults;
    }
    wn_document *doc = malloc(sizeof *doc);
    if (doc == NULL) {
        wn_set_error(err, WN_ERR_NOMEM, "out of memory", 0);
        return WN_ERR_NOMEM;
    }
    wn_error e = { WN_OK, NULL, 0 };
    doc->doc = wn_html_parse(html ? html : "", len, opt, context, &e);
    if (doc->doc == NULL) {
        free(doc);
        if (e.status == WN_OK)
            e.status = WN_ERR_NOMEM, e.msg = "out of memory";
        if (err)
            *err = e;
        return e.status;
    }
    *out = doc;
    return WN_OK;
}

WN_API wn_status wn_parse(const char *html, size_t len, const wn_options *opt,
                          wn_document **out, wn_error *err)
{
    return parse_common(html, len, NULL, opt, out, err);
}

WN_API wn_status wn_parse_fragment(const char *html, size_t len, const char *context,
                                   const wn_options *opt, wn_document **out, wn_error *err)
{
    if (context == NULL || *context == '\0') {
        wn_set_error(err, WN_ERR_ARG, "fragment context must be an element name", 0);
        return WN_ERR_ARG;
    }
    return parse_common(html, len, context, opt, out, err);
}

WN_API wn_status wn_document_stats(const wn_document *doc, wn_parse_stats *s)
{
    if (s == NULL)
        return WN_ERR_ARG;
    memset(s, 0, sizeof *s);
    if (doc == NULL)
        return WN_ERR_ARG;
    s->encoding = doc->doc->encoding;
    s->input_bytes = doc->doc->input_bytes;
    s->nodes = doc->doc->node_count;
    s->parse_errors = doc->doc->parse_errors;
    s->arena_bytes = doc->doc->arena.peak;
    return WN_OK;
}

WN_API wn_status wn_document_dump(const wn_document *doc, wn_sink_fn sink, void *ctx)
{
    if (doc == NULL || sink == NULL)
        return WN_ERR_ARG;
    return wn_html_dump_tree(doc->doc, sink, ctx);
}

WN_API void wn_document_free(wn_document *doc)
{
    if (doc == NULL)
        return;
    wn_doc_free(doc->doc);
    free(doc);
}

/* MARK: Extraction */

struct wn_extractor {
    wn_options opt;
    wn_buf text;      /* reused across pages: the plain-text rendering */
};

WN_API wn_extractor *wn_extractor_new(const wn_options *opt)
{
    wn_extractor *ex = calloc(1, sizeof *ex);
    if (ex == NULL)
        return NULL;
    if (opt)
        ex->opt = *opt;
    else
        wn_options_init(&ex->opt);
    /* The article text may be as large as the input. */
    wn_buf_init(&ex->text, ex->opt.max_input_bytes ? ex->opt.max_input_bytes * 2 : 0);
    return ex;
}

WN_API void wn_extractor_free(wn_extractor *ex)
{
    if (ex == NULL)
        return;
    wn_buf_fini(&ex->text);
    free(ex);
}

static int buf_sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}

/* Extraction, then the plain text every article carries, rendered once. */
static wn_status run(wn_extractor *ex, const char *html, size_t len, const char *url,
                     wn_article **out, wn_buf *explain, wn_error *err)
{
    wn_article *a = NULL;
    if (ex == NULL || (html == NULL && len)) {
        wn_set_error(err, WN_ERR_ARG, "extractor and html must not be NULL", 0);
        return WN_ERR_ARG;
    }
    wn_status st = wn_extract_page(&ex->opt, html, len, url, &a, explain, err);
    if (st != WN_OK)
        return st;
    wn_buf_clear(&ex->text);
    st = wn_render_text(a->body, 0, buf_sink, &ex->text);
    if (st == WN_OK) {
        a->text = wn_arena_strdup(&a->doc->arena, ex->text.p ? ex->text.p : "", ex->text.n);
        if (a->text == NULL)
            st = WN_ERR_NOMEM;
    }
    if (st != WN_OK) {
        wn_article_free(a);
        wn_set_error(err, st, st == WN_ERR_NOMEM ? "out of memory or over max_arena_bytes"
                                                 : "extraction failed", 0);
        return st;
    }
    *out = a;
    return WN_OK;
}

WN_API wn_status wn_extract(wn_extractor *ex, const char *html, size_t len, const char *url,
                            wn_article **out, wn_error *err)
{
    if (out == NULL) {
        wn_set_error(err, WN_ERR_ARG, "out must not be NULL", 0);
        return WN_ERR_ARG;
    }
    *out = NULL;
    return run(ex, html, len, url, out, NULL, err);
}

WN_API wn_status wn_explain(wn_extractor *ex, const char *html, size_t len, const char *url,
                            wn_sink_fn sink, void *ctx, wn_error *err)
{
    wn_buf explain;
    wn_article *a = NULL;
    if (sink == NULL) {
        wn_set_error(err, WN_ERR_ARG, "sink must not be NULL", 0);
        return WN_ERR_ARG;
    }
    wn_buf_init(&explain, 0);
    wn_status st = run(ex, html, len, url, &a, &explain, err);
    if (st == WN_OK && explain.n && sink(ctx, explain.p, explain.n) != 0)
        st = WN_ERR_IO;
    wn_article_free(a);
    wn_buf_fini(&explain);
    return st;
}

/* MARK: Articles */

WN_API const char *wn_article_get(const wn_article *a, wn_field field)
{
    if (a == NULL)
        return NULL;
    const wn_meta *m = &a->meta;
    switch (field) {
    case WN_FIELD_TITLE: return m->title;
    case WN_FIELD_AUTHOR: return m->author;
    case WN_FIELD_DATE: return m->date;
    case WN_FIELD_DATE_MODIFIED: return m->date_modified;
    case WN_FIELD_SITENAME: return m->sitename;
    case WN_FIELD_DESCRIPTION: return m->description;
    case WN_FIELD_LANGUAGE: return m->language;
    case WN_FIELD_URL: return m->url;
    case WN_FIELD_IMAGE: return m->image;
    case WN_FIELD_LICENSE: return m->license;
    case WN_FIELD_ENCODING: return a->encoding;
    case WN_FIELD_TEXT: return a->text;
    case WN_FIELD__COUNT: break;
    }
    return NULL;
}

/* A list field: its count, and the array through out when out is given. */
static size_t list_field(const char **v, size_t n, const char *const **out)
{
    if (out)
        *out = n ? (const char *const *)v : NULL;
    return n;
}

WN_API size_t wn_article_categories(const wn_article *a, const char *const **out)
{
    return a ? list_field(a->meta.categories, a->meta.ncategories, out) : list_field(NULL, 0, out);
}

WN_API size_t wn_article_tags(const wn_article *a, const char *const **out)
{
    return a ? list_field(a->meta.tags, a->meta.ntags, out) : list_field(NULL, 0, out);
}

WN_API size_t wn_article_comment_count(const wn_article *a)
{
    return a ? a->comment_count : 0;
}

WN_API wn_page_type wn_article_page_type(const wn_article *a)
{
    return a ? a->page_type : WN_PAGE_UNKNOWN;
}

WN_API void wn_article_free(wn_article *a)
{
    if (a == NULL)
        return;
    wn_doc_free(a->doc);
    free(a);
}

/* MARK: Rendering */

WN_API wn_status wn_render(const wn_article *a, wn_format fmt, unsigned flags,
                           wn_sink_fn sink, void *ctx)
{
    if (a == NULL || sink == NULL)
        return WN_ERR_ARG;
    return wn_render_article(a, fmt, flags, sink, ctx);
}

WN_API wn_status wn_render_comments(const wn_article *a, wn_format fmt, unsigned flags,
                                    wn_sink_fn sink, void *ctx)
{
    if (a == NULL || sink == NULL)
        return WN_ERR_ARG;
    switch (fmt) {
    case WN_FMT_TEXT:
        return a->comments ? wn_render_text(a->comments, flags, sink, ctx) : WN_OK;
    case WN_FMT_MARKDOWN:
        return a->comments ? wn_render_markdown(a->comments, flags, sink, ctx) : WN_OK;
    case WN_FMT_HTML:
        return a->comments ? wn_render_html(a->comments, a, flags, sink, ctx) : WN_OK;
    case WN_FMT_JSON: case WN_FMT_UNKNOWN:
        break;
    }
    return WN_ERR_ARG;
}
