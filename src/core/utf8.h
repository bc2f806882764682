/*
 * utf8.h: UTF-8 (RFC 3629) decoding and encoding, one copy for every layer.
 */
#ifndef WN_CORE_UTF8_H
#define WN_CORE_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Length of the valid UTF-8 sequence at p[0..n) (1..4) with its code point in
 * *cp, or 0 when invalid (overlong forms, surrogates and code points past
 * U+10FFFF included). */
size_t wn_utf8_decode(const unsigned char *p, size_t n, uint32_t *cp);

/* Writes cp (at most U+10FFFF, the caller checks) as 1-4 bytes to o;
 * returns the count. */
size_t wn_utf8_encode(uint32_t cp, char *o);

/* Bytes of the UTF-8 sequence its lead byte announces, for lenient walks over
 * text that may hold stray bytes: 1 for ASCII, a continuation byte or a byte
 * that leads nothing (0xF8-0xFF), which is then taken alone. */
static inline size_t wn_utf8_seq_len(unsigned char lead)
{
    return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : lead < 0xF8 ? 4 : 1;
}

#endif
