/*
 * json.h: a small, strict-enough JSON reader (RFC 8259) into an arena tree,
 * and the one JSON string writer.
 * Used for JSON-LD metadata and by the html5lib conformance runner. Tolerates
 * what pages put in <script type="application/ld+json">: leading/trailing
 * whitespace, a trailing comma, HTML comments around the value.
 */
#ifndef WN_CORE_JSON_H
#define WN_CORE_JSON_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/str.h"

typedef enum wn_json_type {
    WN_JSON_NULL = 0,
    WN_JSON_BOOL,
    WN_JSON_NUMBER,
    WN_JSON_STRING,
    WN_JSON_ARRAY,
    WN_JSON_OBJECT
} wn_json_type;

typedef struct wn_json wn_json;
struct wn_json {
    wn_json_type type;
    bool boolean;
    double number;
    wn_str str;        /* strings: decoded UTF-8 (escapes resolved, lone surrogates -> U+FFFD),
                          NUL-terminated in the arena; numbers: the literal text */
    wn_str key;        /* member name when this value is inside an object */
    wn_json *first;    /* first child of an array/object */
    wn_json *next;     /* next sibling */
    size_t count;      /* number of children */
};

/* Parse p[0..n). Returns the root value, or NULL on a syntax error, when nesting
 * exceeds max_depth (0 = 512) or the arena runs out. *err_offset (may be NULL)
 * receives the offset of the error. */
wn_json *wn_json_parse(wn_arena *a, const char *p, size_t n, size_t max_depth, size_t *err_offset);

/* Member of an object by key (first match), or NULL. */
const wn_json *wn_json_get(const wn_json *obj, const char *key);

/* MARK: Writing (json_write.c) */

/* Appends p[0..n) escaped for use between double quotes (the quotes are not
 * written): " \ and controls escaped (\n \r \t, others and DEL \u00XX),
 * U+2028/U+2029 as \u escapes, each invalid UTF-8 byte as \ufffd.
 * Returns 0, or -1 when out of memory. */
int wn_json_escape(wn_buf *out, const char *p, size_t n);

/* The same between double quotes. */
int wn_json_put_string(wn_buf *out, const char *p, size_t n);

#endif
