/*
 * extract_util.h: what the end-to-end extraction tests share: a page's
 * article text and its --explain table, under given options or as a given
 * page type. Include after check.h (the helpers CHECK each call). Static
 * inline so a test file that uses a few of them builds without warnings.
 */
#ifndef WN_TEST_EXTRACT_UTIL_H
#define WN_TEST_EXTRACT_UTIL_H

#include <stdio.h>
#include <string.h>

#include "winnow.h"

/* The article text of html under opt (NULL: defaults), or "" on failure;
 * the caller frees *a. */
static inline const char *text_of(const char *html, const wn_options *opt, wn_article **a)
{
    wn_extractor *ex = wn_extractor_new(opt);
    wn_error err;
    *a = NULL;
    CHECK(ex != NULL);
    if (ex == NULL)
        return "";
    CHECK_EQ_INT(wn_extract(ex, html, strlen(html), NULL, a, &err), WN_OK);
    wn_extractor_free(ex);
    const char *t = *a ? wn_article_get(*a, WN_FIELD_TEXT) : NULL;
    return t ? t : "";
}

/* The same, the page read as type t (--page-type). */
static inline const char *text_as(const char *html, wn_page_type t, wn_article **a)
{
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = t;
    return text_of(html, &opt, a);
}

/* Extract html as type (WN_PAGE_UNKNOWN: classify) and copy its text into
 * out[0..cap) ("" on failure); returns the page type the record carries. */
static inline wn_page_type copy_text_as(const char *html, wn_page_type type, char *out, size_t cap)
{
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = type;
    wn_extractor *ex = wn_extractor_new(&opt);
    wn_article *a = NULL;
    out[0] = '\0';
    CHECK_EQ_INT(wn_extract(ex, html, strlen(html), NULL, &a, NULL), WN_OK);
    wn_page_type got = WN_PAGE_UNKNOWN;
    if (a) {
        const char *t = wn_article_get(a, WN_FIELD_TEXT);
        snprintf(out, cap, "%s", t ? t : "");
        got = wn_article_page_type(a);
    }
    wn_article_free(a);
    wn_extractor_free(ex);
    return got;
}

/* Collects the --explain table (cut at the buffer's size). */
typedef struct text_sink {
    char buf[16384];
    size_t n;
} text_sink;

static inline int sink_into(void *ctx, const char *p, size_t n)
{
    text_sink *t = ctx;
    size_t room = sizeof t->buf - 1 - t->n;
    n = n < room ? n : room;
    memcpy(t->buf + t->n, p, n);
    t->n += n;
    t->buf[t->n] = 0;
    return 0;
}

/* The --explain table of html under opt, in a static buffer ("" on failure). */
static inline const char *explain_of(const char *html, const wn_options *opt)
{
    static text_sink t;
    t.n = 0;
    t.buf[0] = 0;
    wn_extractor *ex = wn_extractor_new(opt);
    CHECK(ex != NULL);
    if (ex == NULL)
        return "";
    CHECK_EQ_INT(wn_explain(ex, html, strlen(html), NULL, sink_into, &t, NULL), WN_OK);
    wn_extractor_free(ex);
    return t.buf;
}

/* The same, the page read as type t. */
static inline const char *explain_as(const char *html, wn_page_type t)
{
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = t;
    return explain_of(html, &opt);
}

/* The line of an explain table that holds needle ("" when none), cut at its
 * end, in a static buffer. */
static inline const char *explain_line(const char *table, const char *needle)
{
    static char line[512];
    const char *p = strstr(table, needle);
    line[0] = 0;
    if (p == NULL)
        return line;
    const char *b = p, *e = strchr(p, '\n');
    while (b > table && b[-1] != '\n')
        b--;
    size_t n = e ? (size_t)(e - b) : strlen(b);
    if (n >= sizeof line)
        n = sizeof line - 1;
    memcpy(line, b, n);
    line[n] = 0;
    return line;
}

#endif
