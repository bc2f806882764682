/*
 * meta.h: title, authors, dates, site, language, canonical URL, categories,
 * tags, lead image, licence, from JSON-LD, OpenGraph, Twitter cards, Dublin Core,
 * microdata, <meta> names, <time> elements, bylines in the markup and the URL.
 */
#ifndef WN_EXTRACT_META_META_H
#define WN_EXTRACT_META_META_H

#include <stddef.h>

#include "core/arena.h"
#include "dom/dom.h"

/* Metadata, filled by meta/metadata.c. Strings are NUL-terminated, in the arena
 * passed to wn_meta_extract; NULL when unknown. */
typedef struct wn_meta {
    const char *title, *author, *date, *date_modified, *sitename, *description;
    const char *language, *url, *image, *license;
    const char **categories;
    size_t ncategories;
    const char **tags;
    size_t ntags;
} wn_meta;

/* Fill *m (zeroed first) from document d. page_url may be NULL. Strings are
 * allocated in out. Returns 0, or -1 when out of memory. */
int wn_meta_extract(const wn_doc *d, const char *page_url, wn_arena *out, wn_meta *m);

#endif
