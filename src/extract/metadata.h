/*
 * metadata.h: title, authors, dates, site, language, canonical URL, categories,
 * tags, lead image, licence, from JSON-LD, OpenGraph, Twitter cards, Dublin Core,
 * microdata, <meta> names, <time> elements, bylines in the markup and the URL.
 */
#ifndef WN_EXTRACT_METADATA_H
#define WN_EXTRACT_METADATA_H

#include "extract/article.h"
#include "core/arena.h"

/* Fill *m (zeroed first) from document d. page_url may be NULL. Strings are
 * allocated in out. Returns 0, or -1 when out of memory. */
int wn_meta_extract(const wn_doc *d, const char *page_url, wn_arena *out, wn_meta *m);

#endif
