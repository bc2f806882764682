/*
 * url.h: URL references (RFC 3986) for the links of an article.
 */
#ifndef WN_CORE_URL_H
#define WN_CORE_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/str.h"

/* The five parts of RFC 3986 appendix B, as slices of the split string. */
typedef struct wn_url_parts {
    wn_str scheme, authority, path, query, fragment;
    bool has_scheme, has_authority, has_query, has_fragment;
} wn_url_parts;

/* Split p[0..n); a scheme only when it is syntactically valid. */
void wn_url_split(const char *p, size_t n, wn_url_parts *u);

/* Resolves many references against one base: the base is split once and the
 * scratch buffers keep their memory. base (may be NULL) must outlive it. */
typedef struct wn_url_resolver {
    wn_buf raw, out, merged;
    wn_url_parts base;
} wn_url_resolver;

void wn_url_resolver_init(wn_url_resolver *r, const char *base);
void wn_url_resolver_fini(wn_url_resolver *r);

/* Resolve ref against the base and return the safe absolute (or, without a
 * usable base, relative) URL, NUL-terminated in a with its length in *len;
 * NULL when the scheme is refused (javascript:, vbscript:, data: outside
 * raster images when image is set...) or out of memory. */
const char *wn_url_resolve(wn_url_resolver *r, wn_arena *a, wn_str ref, bool image, size_t *len);

#endif
