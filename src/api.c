/*
 * api.c: the public entry points of winnow.h that are glue only: options,
 * status strings, parsing wrappers, article accessors and render dispatch.
 * The work happens in html/, extract/ and render/.
 */
#include "winnow.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "dom/dom.h"
#include "extract/article.h"
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

WN_API void wn_options_init(wn_options *opt)
{
    if (opt == NULL)
        return;
    memset(opt, 0, sizeof *opt);
    opt->max_input_bytes = (size_t)256 << 20;
    opt->max_arena_bytes = (size_t)2 << 30;
    opt->max_nodes = 20000000;
    opt->max_depth = 512;
    opt->max_attrs = 1024;
    opt->time_limit_ms = 0;
    opt->favor = WN_FAVOR_BALANCED;
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

static void set_err(wn_error *err, wn_status st, const char *msg)
{
    if (err) {
        err->status = st;
        err->msg = msg;
        err->offset = 0;
    }
}

static wn_status parse_common(const char *html, size_t len, const char *context,
                              const wn_options *opt, wn_document **out, wn_error *err)
{
    wn_options defaults;
    if (out == NULL || (html == NULL && len)) {
        set_err(err, WN_ERR_ARG, "html and out must not be NULL");
        return WN_ERR_ARG;
    }
    *out = NULL;
    if (opt == NULL) {
        wn_options_init(&defaults);
        opt = &defaults;
    }
    wn_document *doc = malloc(sizeof *doc);
    if (doc == NULL) {
        set_err(err, WN_ERR_NOMEM, "out of memory");
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
        set_err(err, WN_ERR_ARG, "fragment context must be an element name");
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
