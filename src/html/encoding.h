/*
 * encoding.h: WHATWG encoding sniffing and decoding to UTF-8.
 * Order (spec: #determining-the-character-encoding): BOM, caller override,
 * transport charset, <meta> prescan, then a default. Malformed input becomes U+FFFD.
 */
#ifndef WN_HTML_ENCODING_H
#define WN_HTML_ENCODING_H

#include <stddef.h>

#include "core/arena.h"

/* Canonical WHATWG encoding name for a label ("latin1" -> "windows-1252"),
 * or NULL when the label is unknown. Case-insensitive, surrounding ASCII
 * whitespace ignored. Returns a static string. */
const char *wn_encoding_from_label(const char *label, size_t n);

/* Decide the encoding of a document. override/transport may be NULL (labels).
 * *bom_len receives the number of BOM bytes to skip (0 if none).
 * Returns a static canonical name, never NULL. */
const char *wn_encoding_sniff(const char *p, size_t n, const char *override,
                              const char *transport, size_t *bom_len);

/*
 * Decode n bytes in encoding enc (canonical name) to UTF-8. When the input is
 * already valid UTF-8 and enc is "utf-8", *out points into the input (no copy);
 * otherwise the result is allocated in arena a. Malformed sequences become U+FFFD.
 * NUL bytes are kept. Returns 0, or -1 when out of memory / over the arena limit.
 */
int wn_encoding_decode(wn_arena *a, const char *enc, const char *p, size_t n,
                       const char **out, size_t *out_n);

#endif
