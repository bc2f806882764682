/*
 * json_write.c: the one JSON string writer. Every output that writes JSON
 * (the article object, WARC JSON lines) escapes through it, so all escape
 * alike: " \ and controls escaped (\n \r \t, others and DEL as \u00XX),
 * U+2028/U+2029 as \u escapes (line breaks to JavaScript), each invalid
 * UTF-8 byte as \ufffd.
 */
#include <string.h>

#include "core/json.h"
#include "core/utf8.h"

int wn_json_escape(wn_buf *out, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t run = 0, i = 0;
    int rc = 0;
    while (i < n) {
        unsigned char c = p[i];
        const char *rep = NULL;
        char u[7];
        size_t len = 1;
        uint32_t cp = c;
        if (c >= 0x20 && c < 0x7F && c != '"' && c != '\\') {
            i++;
            continue;
        }
        if (c >= 0x80) {
            len = wn_utf8_decode(p + i, n - i, &cp);
            if (len == 0) {
                rep = "\\ufffd";   /* an invalid byte: one replacement character */
                len = 1;
            } else if (cp == 0x2028) {
                rep = "\\u2028";   /* valid JSON, but a line break to JavaScript */
            } else if (cp == 0x2029) {
                rep = "\\u2029";
            } else {
                i += len;
                continue;
            }
        } else if (c == '"') {
            rep = "\\\"";
        } else if (c == '\\') {
            rep = "\\\\";
        } else if (c == '\n') {
            rep = "\\n";
        } else if (c == '\r') {
            rep = "\\r";
        } else if (c == '\t') {
            rep = "\\t";
        } else {
            /* other controls and DEL */
            u[0] = '\\', u[1] = 'u', u[2] = '0', u[3] = '0';
            u[4] = hex[c >> 4], u[5] = hex[c & 15], u[6] = '\0';
            rep = u;
        }
        rc |= wn_buf_put(out, s + run, i - run);
        rc |= wn_buf_puts(out, rep);
        i += len;
        run = i;
    }
    rc |= wn_buf_put(out, s + run, n - run);
    return rc ? -1 : 0;
}

int wn_json_put_string(wn_buf *out, const char *s, size_t n)
{
    int rc = wn_buf_putc(out, '"');
    rc |= wn_json_escape(out, s, n);
    rc |= wn_buf_putc(out, '"');
    return rc ? -1 : 0;
}
