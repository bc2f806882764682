/*
 * article.h: what extraction produces. The article owns one small document
 * (its own arena) that holds the cleaned content tree and every string field,
 * so it is independent of the page's bytes and of the page's DOM.
 */
#ifndef WN_EXTRACT_ARTICLE_H
#define WN_EXTRACT_ARTICLE_H

#include <stddef.h>

#include "winnow.h"
#include "dom/dom.h"
#include "extract/meta/meta.h"

struct wn_article {
    wn_doc *doc;                  /* owns all memory below */
    wn_node *body;                /* fragment: the cleaned article (see clean.h vocabulary) */
    wn_node *comments;            /* fragment: cleaned user comments, or NULL */
    size_t comment_count;
    wn_meta meta;
    const char *encoding;
    const char *dir;              /* "rtl" / "ltr" as the page's <body>/<html> dir says,
                                     or NULL (static strings) */
    const char *text;             /* plain-text rendering of body, computed once */
    wn_page_type page_type;       /* forced or classified (extract/pagetype/pagetype.h) */
    size_t page_arena_peak;       /* the page's arena high-water mark, parse and extraction */
};

#endif
