/*
 * content.h: find the main content of a parsed page and mark boilerplate inside
 * it with WN_NODE_FLAG_DROPPED. Also locates the user-comment section.
 */
#ifndef WN_EXTRACT_CONTENT_H
#define WN_EXTRACT_CONTENT_H

#include "winnow.h"
#include "core/buf.h"
#include "dom/dom.h"
#include "extract/meta/meta.h"
#include "extract/pagetype/pagetype.h"

typedef struct wn_content {
    wn_node *root;        /* the article container in the page's DOM, or NULL if none */
    wn_node *comments;    /* the comment section, or NULL */
} wn_content;

/* meta: already-extracted metadata (the title helps find the headline).
 * pt: the page's type (pagetype.h); NULL is taken as an article.
 * explain: when non-NULL, a human-readable table of every block's decision is
 * appended. Returns 0, or -1 when out of memory. */
int wn_content_find(wn_doc *d, const wn_meta *meta, const wn_pagetype *pt,
                    const wn_options *opt, wn_content *out, wn_buf *explain);

/* Product pages (type_product.c): when the page's JSON-LD Product has a
 * description and the article text (text, NUL-terminated) lacks most of its
 * words, add it to body (a fragment of dst) as a paragraph after the opening
 * heading. Returns 1 when added, 0 when not, -1 out of memory. */
int wn_product_add_description(const wn_doc *page, wn_page_type type, wn_doc *dst,
                               wn_node *body, const char *text);

#endif
