/*
 * json.c: the growable output buffer of the batch driver and the few JSON
 * writers it needs (strings, integers). Record headers come from the web, so
 * strings are checked as UTF-8 and bad bytes replaced: one broken URL must not
 * make a whole JSON-lines file unreadable.
 */
#include "batch/batch.h"

#include <stdlib.h>
#include <string.h>

void wn_obuf_reserve(wn_obuf *b, size_t extra)
{
    if (b->failed)
        return;
    if (b->cap - b->n >= extra)
        return;
    if (extra > SIZE_MAX / 2 - b->n || (b->max && b->n + extra > b->max)) {
        b->failed = 1;
        return;
    }
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->n < extra)
        cap *= 2;
    if (b->max && cap > b->max)
        cap = b->max;
    char *np = realloc(b->p, cap);
    if (np == NULL) {
        b->failed = 1;
        return;
    }
    b->p = np;
    b->cap = cap;
}

void wn_obuf_put(wn_obuf *b, const char *p, size_t n)
{
    wn_obuf_reserve(b, n);
    if (b->failed)
        return;
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
}

void wn_obuf_puts(wn_obuf *b, const char *s)
{
    wn_obuf_put(b, s, strlen(s));
}

void wn_obuf_fini(wn_obuf *b)
{
    free(b->p);
    b->p = NULL;
    b->n = b->cap = 0;
    b->failed = 0;
}

int wn_obuf_sink(void *ctx, const char *p, size_t n)
{
    wn_obuf *b = ctx;
    wn_obuf_put(b, p, n);
    return b->failed ? -1 : 0;
}

/* Length of the valid UTF-8 sequence at p (1..4), or 0 when it is not one.
 * Follows RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF. */
static size_t utf8_seq(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t len;
    unsigned lo = 0x80, hi = 0xBF;   /* allowed range of the second byte */

    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        len = 3;
        if (c == 0xE0)
            lo = 0xA0;       /* overlong */
        else if (c == 0xED)
            hi = 0x9F;       /* U+D800..DFFF */
    } else if (c >= 0xF0 && c <= 0xF4) {
        len = 4;
        if (c == 0xF0)
            lo = 0x90;       /* overlong */
        else if (c == 0xF4)
            hi = 0x8F;       /* > U+10FFFF */
    } else
        return 0;
    if (left < len || p[1] < lo || p[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (p[i] < 0x80 || p[i] > 0xBF)
            return 0;
    return len;
}

void wn_json_put_strn(wn_obuf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;

    wn_obuf_reserve(b, n + 2);
    wn_obuf_put(b, "\"", 1);
    while (p < end && !b->failed) {
        const unsigned char *run = p;
        /* Copy the longest run that needs no escaping in one go. */
        while (p < end && *p >= 0x20 && *p != '"' && *p != '\\' && *p < 0x80)
            p++;
        if (p > run)
            wn_obuf_put(b, (const char *)run, (size_t)(p - run));
        if (p == end)
            break;
        unsigned c = *p;
        if (c == '"' || c == '\\') {
            char e[2] = {'\\', (char)c};
            wn_obuf_put(b, e, 2);
            p++;
        } else if (c < 0x20) {
            char e[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            if (c == '\n')
                wn_obuf_put(b, "\\n", 2);
            else if (c == '\t')
                wn_obuf_put(b, "\\t", 2);
            else if (c == '\r')
                wn_obuf_put(b, "\\r", 2);
            else
                wn_obuf_put(b, e, 6);
            p++;
        } else {
            size_t len = utf8_seq(p, (size_t)(end - p));
            if (len == 0) {
                wn_obuf_put(b, "\xEF\xBF\xBD", 3);   /* U+FFFD REPLACEMENT CHARACTER */
                p++;
            } else {
                wn_obuf_put(b, (const char *)p, len);
                p += len;
            }
        }
    }
    wn_obuf_put(b, "\"", 1);
}

void wn_json_put_str(wn_obuf *b, const char *s)
{
    if (s == NULL)
        wn_obuf_put(b, "null", 4);
    else
        wn_json_put_strn(b, s, strlen(s));
}

void wn_json_put_u64(wn_obuf *b, uint64_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    wn_obuf_put(b, tmp + i, sizeof tmp - i);
}
