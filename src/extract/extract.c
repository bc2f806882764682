/*
 * extract.c: the page-to-article pipeline behind wn_extract():
 *   parse (html/) -> noscript repair -> metadata (metadata.c) -> page type (pagetype.c)
 *   -> main content (content.c)
 *   -> clean copy into the article's own document (clean.c) -> plain text.
 * The page's DOM is freed before returning; the article owns what it keeps.
 */
#include "winnow.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "dom/dom.h"
#include "extract/article.h"
#include "extract/clean.h"
#include "extract/content.h"
#include "extract/metadata.h"
#include "extract/pagetype.h"
#include "html/parser.h"
#include "render/render.h"

struct wn_extractor {
    wn_options opt;
    wn_buf text;      /* reused across pages: the plain-text rendering */
};

static void set_err(wn_error *err, wn_status st, const char *msg)
{
    if (err) {
        err->status = st;
        err->msg = msg;
        err->offset = 0;
    }
}

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

/* The base for relative links: the caller's URL, else the page's canonical URL. */
static const char *base_url(const char *url, const wn_meta *m)
{
    if (url && *url)
        return url;
    return m->url;
}

/* Browsers run with scripting on, so <noscript> holds raw text up to the
 * first </noscript>. The parser runs with scripting off (noscript images
 * become elements), and there an element left open inside the noscript
 * ("<noscript><div id=nojs></noscript>") keeps it open to the end of the page:
 * the whole page would be dropped with it. A noscript holding more than half
 * of the document's nodes is such a case, and its children take its place. */
static void unwrap_swallowing_noscript(wn_doc *d)
{
    size_t visited = 0;
    for (wn_node *x = d->root; x && visited < d->node_count; visited++) {
        bool skip = false;
        if (wn_is_html(x, WN_TAG_NOSCRIPT)) {
            const wn_node *last = wn_dom_last_descendant(x, 4096);
            if (last->id > x->id && (size_t)(last->id - x->id) * 2 > d->node_count) {
                wn_node *parent = x->parent, *first = x->first;
                wn_node *next = wn_dom_next(d->root, x, true);
                while (x->first)
                    wn_dom_insert_before(parent, x->first, x);
                wn_dom_remove(x);
                x = first ? first : next;   /* go on inside what it held */
                continue;
            }
            skip = true;   /* a small noscript: nothing inside can be large */
        }
        x = wn_dom_next(d->root, x, skip);
    }
}

/* The writing direction the page declares: dir="rtl" / "ltr" on <body>, else
 * on <html> ("auto" and other values say nothing). Renderers infer it from the
 * language when the page is silent. */
static const char *page_direction(const wn_doc *d)
{
    const wn_node *html = NULL, *body = NULL;
    for (const wn_node *x = d->root ? d->root->first : NULL; x && !html; x = x->next)
        if (wn_is_html(x, WN_TAG_HTML))
            html = x;
    for (const wn_node *x = html ? html->first : NULL; x && !body; x = x->next)
        if (wn_is_html(x, WN_TAG_BODY))
            body = x;
    const wn_node *from[2] = { body, html };
    for (size_t i = 0; i < 2; i++) {
        if (from[i] == NULL)
            continue;
        wn_str v = wn_dom_attr_value(from[i], "dir");
        while (v.n && wn_is_space((unsigned char)v.p[0]))
            v.p++, v.n--;
        while (v.n && wn_is_space((unsigned char)v.p[v.n - 1]))
            v.n--;
        if (wn_str_ieq(v, "rtl"))
            return "rtl";
        if (wn_str_ieq(v, "ltr"))
            return "ltr";
    }
    return NULL;
}

static wn_status run(wn_extractor *ex, const char *html, size_t len, const char *url,
                     wn_article **out, wn_buf *explain, wn_error *err)
{
    wn_status st = WN_OK;
    wn_article *a = NULL;
    wn_doc *page = NULL;
    wn_content content = { NULL, NULL };

    if (ex == NULL || (html == NULL && len)) {
        set_err(err, WN_ERR_ARG, "extractor and html must not be NULL");
        return WN_ERR_ARG;
    }
    wn_error perr = { WN_OK, NULL, 0 };   /* the reason, even when err is NULL */
    page = wn_html_parse(html ? html : "", len, &ex->opt, NULL, &perr);
    if (page == NULL) {
        if (perr.status == WN_OK)
            perr.status = WN_ERR_NOMEM, perr.msg = "out of memory";
        if (err)
            *err = perr;
        return perr.status;
    }

    a = calloc(1, sizeof *a);
    if (a == NULL || (a->doc = wn_doc_new(ex->opt.max_arena_bytes)) == NULL) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    a->encoding = page->encoding;     /* static string from the encoding table */
    a->dir = page_direction(page);
    unwrap_swallowing_noscript(page);
    if (wn_meta_extract(page, url, &a->doc->arena, &a->meta) != 0) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    wn_pagetype pt;
    wn_pagetype_classify(page, &a->meta, url, ex->opt.page_type, &pt);
    a->page_type = pt.type;
    if (explain)
        wn_pagetype_explain(&pt, explain);
    if (wn_content_find(page, &a->meta, &pt, &ex->opt, &content, explain) != 0) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    const char *base = base_url(url, &a->meta);
    if (content.root) {
        a->body = wn_clean_clone(a->doc, content.root, base, ex->opt.flags);
    } else {
        a->body = wn_dom_new_fragment(a->doc);
    }
    if (a->body == NULL) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    if ((ex->opt.flags & WN_OPT_COMMENTS) && content.comments) {
        /* The comment section is flagged dropped for the article; clear that on its
         * root so the cleaner copies it. */
        uint32_t saved = content.comments->flags;
        content.comments->flags &= ~WN_NODE_FLAG_DROPPED;
        a->comments = wn_clean_clone(a->doc, content.comments, base, ex->opt.flags);
        content.comments->flags = saved;
        if (a->comments == NULL) {
            st = WN_ERR_NOMEM;
            goto fail;
        }
        for (wn_node *c = a->comments->first; c; c = c->next)
            a->comment_count++;
    }

    wn_buf_clear(&ex->text);
    st = wn_render_text(a->body, 0, buf_sink, &ex->text);
    if (st != WN_OK)
        goto fail;
    if (a->page_type == WN_PAGE_PRODUCT) {
        /* A product's description kept only in its JSON-LD joins the text. */
        int added = wn_product_add_description(page, a->page_type, a->doc, a->body,
                                               wn_buf_cstr(&ex->text));
        if (added < 0) {
            st = WN_ERR_NOMEM;
            goto fail;
        }
        if (added > 0) {
            wn_buf_clear(&ex->text);
            st = wn_render_text(a->body, 0, buf_sink, &ex->text);
            if (st != WN_OK)
                goto fail;
        }
    }
    a->text = wn_arena_strdup(&a->doc->arena, ex->text.p ? ex->text.p : "", ex->text.n);
    if (a->text == NULL) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    a->page_arena_peak = page->arena.peak;
    wn_doc_free(page);
    *out = a;
    return WN_OK;

fail:
    wn_doc_free(page);
    wn_article_free(a);
    set_err(err, st, st == WN_ERR_NOMEM ? "out of memory or over max_arena_bytes"
                                        : "extraction failed");
    return st;
}

WN_API wn_status wn_extract(wn_extractor *ex, const char *html, size_t len, const char *url,
                            wn_article **out, wn_error *err)
{
    if (out == NULL) {
        set_err(err, WN_ERR_ARG, "out must not be NULL");
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
        set_err(err, WN_ERR_ARG, "sink must not be NULL");
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
