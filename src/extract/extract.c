/*
 * extract.c: the page-to-article pipeline:
 *   parse (html/) -> tree repair (html/repair.c) -> metadata (meta/)
 *   -> page type (pagetype.c) -> main content (content/) -> clean copy into the article's own document
 *   (content/clean.c).
 * The page's DOM is freed before returning; the article owns what it keeps.
 * The caller renders the article (the plain text included): extraction does
 * not know the writers.
 */
#include "extract/extract.h"

#include <stdlib.h>

#include "core/error.h"
#include "core/buf.h"
#include "dom/dom.h"
#include "extract/content/clean.h"
#include "extract/content/content.h"
#include "extract/meta/meta.h"
#include "extract/pagetype/pagetype.h"
#include "html/parser.h"
#include "html/recover.h"

/* The base for relative links: the caller's URL, else the page's canonical URL. */
static const char *base_url(const char *url, const wn_meta *m)
{
    if (url && *url)
        return url;
    return m->url;
}

/* The words of a cleaned fragment, for the product description test: text
 * nodes in order, a line break around each block and at <br>. Only runs of
 * letters and digits matter to the test, so no rendering is needed. */
static int fragment_words(const wn_node *frag, wn_buf *out)
{
    wn_buf_clear(out);
    for (const wn_node *x = frag; x; x = wn_dom_next(frag, x, false)) {
        if (x->type == WN_NODE_TEXT)
            wn_buf_put(out, x->text.p, x->text.n);
        else if (x->type == WN_NODE_ELEMENT && !wn_clean_inline_node(x))
            wn_buf_putc(out, '\n');
        const wn_node *y = x;
        while (y != frag && y->next == NULL && y->parent) {
            y = y->parent;   /* leaving a block ends its line */
            if (y->type == WN_NODE_ELEMENT && !wn_clean_inline_node(y))
                wn_buf_putc(out, '\n');
        }
    }
    return wn_buf_cstr(out) ? 0 : -1;
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

wn_status wn_extract_page(const wn_options *opt, const char *html, size_t len, const char *url,
                          wn_article **out, wn_buf *explain, wn_error *err)
{
    wn_status st = WN_OK;
    wn_article *a = NULL;
    wn_doc *page = NULL;
    wn_content content = { NULL, NULL };
    char *recovered = NULL;   /* corrected input of a recovered page */

    /* time_limit_ms covers the whole page: the parser checks its own share, the
     * extraction steps check this one (between steps, and the metadata, page-type
     * and content walks every WN_DEADLINE_EVERY nodes). */
    wn_deadline deadline;
    wn_deadline_start(&deadline, opt->time_limit_ms);
    wn_error perr = { WN_OK, NULL, 0 };   /* the reason, even when err is NULL */
    page = wn_html_parse(html ? html : "", len, opt, NULL, &perr);
    if (page == NULL) {
        if (perr.status == WN_OK)
            perr.status = WN_ERR_NOMEM, perr.msg = "out of memory";
        if (err)
            *err = perr;
        return perr.status;
    }
    {
        wn_doc *again = wn_recover_unclosed_title(page, html, len, opt, &recovered);
        if (again) {
            wn_doc_free(page);
            page = again;
            if (explain)
                wn_buf_puts(explain, "# recovered: the <title> was never closed and held the "
                                     "whole page; read again with the title ended at its "
                                     "first tag\n");
        }
    }

    a = calloc(1, sizeof *a);
    if (a == NULL || (a->doc = wn_doc_new(opt->max_arena_bytes)) == NULL) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    page->deadline = &deadline;
    a->encoding = page->encoding;     /* static string from the encoding table */
    a->dir = page_direction(page);
    size_t streamed = wn_html_repair(page);
    if (streamed && explain)
        wn_buf_printf(explain, "# recovered: %zu part(s) a streaming server sent hidden at the "
                               "end, moved into their placeholders as the page's script does\n",
                      streamed);
    if (wn_meta_extract(page, url, &a->doc->arena, &a->meta) != 0) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    if (wn_deadline_passed(&deadline)) {
        st = WN_ERR_TIMEOUT;
        goto fail;
    }
    wn_pagetype pt;
    wn_pagetype_classify(page, &a->meta, url, opt->page_type, &pt);
    a->page_type = pt.type;
    if (explain)
        wn_pagetype_explain(&pt, explain);
    if (wn_deadline_passed(&deadline)) {
        st = WN_ERR_TIMEOUT;
        goto fail;
    }
    if (wn_content_find(page, &a->meta, &pt, opt, &content, explain) != 0) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    if (wn_deadline_passed(&deadline)) {
        st = WN_ERR_TIMEOUT;
        goto fail;
    }
    const char *base = base_url(url, &a->meta);
    /* Pages of many parts set a card's parts (brand, name, price) in spans
     * the style puts on lines of their own. */
    bool parts = pt.type == WN_PAGE_COLLECTION || pt.type == WN_PAGE_LISTING ||
                 pt.type == WN_PAGE_SERVICE || pt.type == WN_PAGE_DOCUMENTATION;
    unsigned clean_flags = opt->flags | (parts ? WN_CLEAN_SPLIT_GLUED : 0);
    if (content.root) {
        a->body = wn_clean_clone(a->doc, content.root, base, clean_flags);
    } else {
        a->body = wn_dom_new_fragment(a->doc);
    }
    if (a->body == NULL) {
        st = WN_ERR_NOMEM;
        goto fail;
    }
    if ((opt->flags & WN_OPT_COMMENTS) && content.comments) {
        /* The comment section is flagged dropped for the article; clear that on its
         * root so the cleaner copies it. */
        uint32_t saved = content.comments->flags;
        content.comments->flags &= ~WN_NODE_FLAG_DROPPED;
        a->comments = wn_clean_clone(a->doc, content.comments, base, clean_flags);
        content.comments->flags = saved;
        if (a->comments == NULL) {
            st = WN_ERR_NOMEM;
            goto fail;
        }
        for (wn_node *c = a->comments->first; c; c = c->next)
            a->comment_count++;
    }
    if (a->page_type == WN_PAGE_PRODUCT) {
        /* A product's description kept only in its JSON-LD joins the text. */
        wn_buf words;
        wn_buf_init(&words, 0);
        int added = fragment_words(a->body, &words);
        if (added == 0)
            added = wn_product_add_description(page, a->page_type, a->doc, a->body,
                                               wn_buf_cstr(&words));
        wn_buf_fini(&words);
        if (added < 0) {
            st = WN_ERR_NOMEM;
            goto fail;
        }
    }
    a->page_arena_peak = page->arena.peak;
    wn_doc_free(page);
    free(recovered);
    *out = a;
    return WN_OK;

fail:
    wn_doc_free(page);
    free(recovered);
    wn_article_free(a);
    wn_set_error(err, st,
                 st == WN_ERR_NOMEM     ? "out of memory or over max_arena_bytes"
                 : st == WN_ERR_TIMEOUT ? "time limit reached while extracting (time_limit_ms)"
                                        : "extraction failed",
                 0);
    return st;
}
