/*
 * recover.c: whole-page recoveries before extraction.
 *
 * An unclosed <title>: the title element's content is RCDATA, so by the
 * standard everything after "<title>" up to a "</title>" that never comes is
 * the title's text, and the body is empty. Browsers show such a page empty
 * too, but lenient parsers (and the page's author) meant the title to end at
 * the first tag. When the parsed body holds no text and the title's text
 * holds markup, the page is parsed again with "</title>" put before that
 * first tag.
 */
#include "html/recover.h"

#include <stdlib.h>
#include <string.h>

#include "html/parser.h"

/* Markup in a text: a '<' followed by a letter or '/'. */
static const char *first_tag(const char *p, size_t n)
{
    for (size_t i = 0; i + 1 < n; i++) {
        if (p[i] != '<')
            continue;
        unsigned char ch = (unsigned char)p[i + 1];
        if (ch == '/' || ch == '!' || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
            return p + i;
    }
    return NULL;
}

/* The body holds no text and no element but scripts. */
static bool body_empty(const wn_doc *d)
{
    for (const wn_node *x = d->root; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT && (x->tag == WN_TAG_HEAD || x->tag == WN_TAG_SCRIPT ||
                                          x->tag == WN_TAG_STYLE || x->tag == WN_TAG_TEMPLATE))
            skip = true;
        else if (x->type == WN_NODE_ELEMENT && x->tag != WN_TAG_HTML && x->tag != WN_TAG_BODY)
            return false;
        else if (x->type == WN_NODE_TEXT) {
            for (size_t i = 0; i < x->text.n; i++)
                if (!wn_is_space((unsigned char)x->text.p[i]))
                    return false;
        }
        x = wn_dom_next(d->root, x, skip);
    }
    return true;
}

static const wn_node *find_title(const wn_doc *d)
{
    for (const wn_node *x = d->root; x; x = wn_dom_next(d->root, x, false))
        if (wn_is_html(x, WN_TAG_TITLE))
            return x;
    return NULL;
}

/* Case-insensitive search for "<title" in the raw bytes. */
static const char *raw_title_open(const char *p, size_t n)
{
    static const char tag[] = "<title";
    for (size_t i = 0; i + sizeof tag - 1 <= n; i++) {
        size_t k = 0;
        while (k < sizeof tag - 1 && wn_ascii_lower(p[i + k]) == tag[k])
            k++;
        if (k == sizeof tag - 1)
            return p + i;
    }
    return NULL;
}

wn_doc *wn_recover_unclosed_title(const wn_doc *page, const char *html, size_t len,
                                  const wn_options *opt, char **bytes)
{
    *bytes = NULL;
    if (page == NULL || html == NULL || len == 0 || !body_empty(page))
        return NULL;
    const wn_node *title = find_title(page);
    if (title == NULL || title->first == NULL || title->first->type != WN_NODE_TEXT)
        return NULL;
    const wn_node *t = title->first;
    if (first_tag(t->text.p, t->text.n) == NULL)
        return NULL;
    /* In the raw bytes: the first tag after the title's start tag. */
    const char *open = raw_title_open(html, len);
    if (open == NULL)
        return NULL;
    const char *gt = memchr(open, '>', len - (size_t)(open - html));
    if (gt == NULL)
        return NULL;
    size_t after = (size_t)(gt + 1 - html);
    const char *tag = first_tag(gt + 1, len - after);
    if (tag == NULL)
        return NULL;
    size_t cut = (size_t)(tag - html);
    static const char close[] = "</title>";
    char *fixed = malloc(len + sizeof close);
    if (fixed == NULL)
        return NULL;
    memcpy(fixed, html, cut);
    memcpy(fixed + cut, close, sizeof close - 1);
    memcpy(fixed + cut + sizeof close - 1, html + cut, len - cut);
    size_t n = len + sizeof close - 1;
    /* Same decoding as the first parse: the bytes before the cut are unchanged. */
    wn_options o = *opt;
    if (o.charset == NULL)
        o.charset = page->encoding;
    if (o.max_input_bytes && n > o.max_input_bytes)
        o.max_input_bytes = n;
    wn_doc *d = wn_html_parse(fixed, n, &o, NULL, NULL);
    /* Unchanged text is referenced, not copied: the bytes must outlive d. */
    if (d == NULL) {
        free(fixed);
        return NULL;
    }
    *bytes = fixed;
    return d;
}
