/*
 * extract.h: one page in, one article out (see article.h). The caller owns
 * the options and renders the article; wn_extract() in api.c is that caller.
 */
#ifndef WN_EXTRACT_EXTRACT_H
#define WN_EXTRACT_EXTRACT_H

#include <stddef.h>

#include "winnow.h"
#include "core/buf.h"
#include "extract/article.h"

/* Parse html[0..len) and extract its article into *out (text left NULL).
 * url (may be NULL) is the page's address, the base for relative links.
 * explain: when non-NULL, the content finder's decisions are appended.
 * Returns WN_OK, or an error with *err set. */
wn_status wn_extract_page(const wn_options *opt, const char *html, size_t len, const char *url,
                          wn_article **out, wn_buf *explain, wn_error *err);

#endif
