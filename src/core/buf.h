/*
 * buf.h: growable heap byte buffer with a cap (limit 0 = none). Used for output
 * and scratch that outlives no document. Append functions return 0 or -1
 * (out of memory or over the cap); once failed, a buffer stays failed.
 */
#ifndef WN_CORE_BUF_H
#define WN_CORE_BUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct wn_buf {
    char *p;
    size_t n, cap;
    size_t limit;
    int failed;
} wn_buf;

void wn_buf_init(wn_buf *b, size_t limit);
int  wn_buf_reserve(wn_buf *b, size_t extra);
int  wn_buf_put(wn_buf *b, const void *p, size_t n);
int  wn_buf_putc(wn_buf *b, char c);
int  wn_buf_puts(wn_buf *b, const char *s);
int  wn_buf_printf(wn_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
int  wn_buf_put_utf8(wn_buf *b, uint32_t cp);   /* encodes one code point */
const char *wn_buf_cstr(wn_buf *b);              /* NUL-terminates (not counted in n) */
void wn_buf_clear(wn_buf *b);                    /* n = 0, keeps memory */
void wn_buf_fini(wn_buf *b);
/* A wn_sink_fn (winnow.h) appending to the wn_buf ctx: 0, or -1 once failed. */
int  wn_buf_sink(void *ctx, const char *p, size_t n);

#endif
