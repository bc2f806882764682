/* buf.c: growable byte buffer with a cap; see buf.h. */
#include "core/buf.h"
#include "core/utf8.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void wn_buf_init(wn_buf *b, size_t limit)
{
    memset(b, 0, sizeof *b);
    b->limit = limit;
}

int wn_buf_reserve(wn_buf *b, size_t extra)
{
    if (b->failed)
        return -1;
    size_t need = b->n + extra + 1;     /* +1 keeps room for wn_buf_cstr's NUL */
    if (need < b->n || (b->limit && need - 1 > b->limit)) {
        b->failed = 1;
        return -1;
    }
    if (need <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 256;
    while (cap < need) {
        if (cap > SIZE_MAX / 2) {
            cap = need;
            break;
        }
        cap *= 2;
    }
    char *p = realloc(b->p, cap);
    if (p == NULL) {
        b->failed = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

int wn_buf_put(wn_buf *b, const void *p, size_t n)
{
    if (wn_buf_reserve(b, n) != 0)
        return -1;
    if (n)
        memcpy(b->p + b->n, p, n);
    b->n += n;
    return 0;
}

int wn_buf_putc(wn_buf *b, char c)
{
    if (!b->failed && b->n + 1 < b->cap && (b->limit == 0 || b->n < b->limit)) {
        b->p[b->n++] = c;
        return 0;
    }
    return wn_buf_put(b, &c, 1);
}

int wn_buf_puts(wn_buf *b, const char *s)
{
    return wn_buf_put(b, s, strlen(s));
}

int wn_buf_printf(wn_buf *b, const char *fmt, ...)
{
    char tmp[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
    va_end(ap);
    if (n < 0)
        return -1;
    if ((size_t)n < sizeof tmp)
        return wn_buf_put(b, tmp, (size_t)n);
    if (wn_buf_reserve(b, (size_t)n) != 0)
        return -1;
    va_start(ap, fmt);
    vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->n += (size_t)n;
    return 0;
}

int wn_buf_put_utf8(wn_buf *b, uint32_t cp)
{
    char s[4];
    size_t n;
    if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = 0xFFFD;
    n = wn_utf8_encode(cp, s);
    return wn_buf_put(b, s, n);
}

const char *wn_buf_cstr(wn_buf *b)
{
    if (wn_buf_reserve(b, 0) != 0)
        return "";
    b->p[b->n] = '\0';
    return b->p;
}

void wn_buf_clear(wn_buf *b)
{
    b->n = 0;
}

void wn_buf_fini(wn_buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

int wn_buf_sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}
