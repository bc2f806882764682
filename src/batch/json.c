/*
 * json.c: the few JSON writers the batch driver needs (strings, integers).
 * Record headers come from the web, so strings go through the library's one
 * escaper (core/json_write.c), which replaces bad UTF-8: one broken URL must
 * not make a whole JSON-lines file unreadable.
 */
#include "batch/batch.h"

#include <string.h>

void wn_json_put_str(wn_buf *b, const char *s)
{
    if (s == NULL)
        wn_buf_put(b, "null", 4);
    else
        wn_json_put_string(b, s, strlen(s));
}

void wn_json_put_u64(wn_buf *b, uint64_t v)
{
    char tmp[24];
    size_t i = sizeof tmp;
    do {
        tmp[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    wn_buf_put(b, tmp + i, sizeof tmp - i);
}
