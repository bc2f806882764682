/*
 * json.c: JSON reader (RFC 8259) into an arena tree, see json.h. Iterative:
 * an explicit stack of open containers, capped at max_depth, so hostile nesting
 * cannot exhaust the C stack. Lenient where pages are sloppy (trailing commas,
 * "<!-- -->" around the value, raw control characters in strings).
 */
#include "core/json.h"
#include "core/utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct frame {
    wn_json *node;
    wn_json *last;     /* last child, for O(1) append */
} frame;

typedef struct jparser {
    wn_arena *a;
    const char *p, *end, *start;
    frame *stack;
    size_t depth, cap, max_depth;
} jparser;

static const char *skip_ws(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r'))
        p++;
    return p;
}

static bool starts(const char *p, const char *end, const char *lit)
{
    size_t n = strlen(lit);
    return (size_t)(end - p) >= n && memcmp(p, lit, n) == 0;
}

static int hex4(const char *p, const char *end, uint32_t *out)
{
    uint32_t v = 0;
    if (end - p < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (uint32_t)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (uint32_t)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (uint32_t)(c - 'A' + 10);
        else
            return -1;
    }
    *out = v;
    return 0;
}

/*
 * A string starting at the opening quote. Decoded text is never longer than
 * the source (each escape is at least as long as its UTF-8), so one arena
 * allocation of the source length suffices. Returns 0, or -1 with jp->p at the error.
 */
static int parse_string(jparser *jp, wn_str *out)
{
    const char *p = jp->p + 1, *end = jp->end;
    const char *q = p;

    while (q < end && *q != '"') {
        if (*q == '\\')
            q++;
        q++;
    }
    if (q >= end) {
        jp->p = end;
        return -1;
    }
    char *o = wn_arena_alloc(jp->a, (size_t)(q - p) + 1);
    if (o == NULL)
        return -1;
    size_t n = 0;
    while (p < q) {
        const char *run = p;
        while (p < q && *p != '\\')
            p++;
        memcpy(o + n, run, (size_t)(p - run));
        n += (size_t)(p - run);
        if (p == q)
            break;
        p++;                          /* the backslash */
        char c = *p++;
        switch (c) {
        case '"': o[n++] = '"'; break;
        case '\\': o[n++] = '\\'; break;
        case '/': o[n++] = '/'; break;
        case 'b': o[n++] = '\b'; break;
        case 'f': o[n++] = '\f'; break;
        case 'n': o[n++] = '\n'; break;
        case 'r': o[n++] = '\r'; break;
        case 't': o[n++] = '\t'; break;
        case 'u': {
            uint32_t cp, lo;
            if (hex4(p, q, &cp) != 0) {
                jp->p = p;
                return -1;
            }
            p += 4;
            if (cp >= 0xD800 && cp <= 0xDBFF && q - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
                hex4(p + 2, q, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                p += 6;
            } else if (cp >= 0xD800 && cp <= 0xDFFF) {
                cp = 0xFFFD;          /* lone surrogate */
            }
            n += wn_utf8_encode(cp, o + n);
            break;
        }
        default:
            /* Not JSON ("\'", "\x"...): keep the character, as browsers' JS would. */
            o[n++] = c;
            break;
        }
    }
    o[n] = '\0';
    *out = wn_str_make(o, n);
    jp->p = q + 1;
    return 0;
}

static int parse_number(jparser *jp, wn_json *v)
{
    const char *p = jp->p, *end = jp->end, *s = p;

    if (p < end && *p == '-')
        p++;
    if (p < end && *p == '0') {
        p++;
    } else if (p < end && *p >= '1' && *p <= '9') {
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    } else {
        jp->p = p;
        return -1;
    }
    if (p < end && *p == '.') {
        p++;
        if (p >= end || *p < '0' || *p > '9') {
            jp->p = p;
            return -1;
        }
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < end && (*p == '+' || *p == '-'))
            p++;
        if (p >= end || *p < '0' || *p > '9') {
            jp->p = p;
            return -1;
        }
        while (p < end && *p >= '0' && *p <= '9')
            p++;
    }
    char *lit = wn_arena_strdup(jp->a, s, (size_t)(p - s));
    if (lit == NULL)
        return -1;
    v->type = WN_JSON_NUMBER;
    v->str = wn_str_make(lit, (size_t)(p - s));
    v->number = strtod(lit, NULL);
    jp->p = p;
    return 0;
}

/* One scalar or the opening of a container at jp->p (whitespace skipped). */
static int parse_value(jparser *jp, wn_json *v)
{
    const char *p = jp->p, *end = jp->end;

    if (p >= end)
        return -1;
    switch (*p) {
    case '{':
    case '[':
        if (jp->depth >= jp->max_depth)
            return -1;
        if (jp->depth == jp->cap) {
            size_t cap = jp->cap * 2;
            frame *s = wn_arena_realloc(jp->a, jp->stack, jp->cap * sizeof *s, cap * sizeof *s);
            if (s == NULL)
                return -1;
            jp->stack = s;
            jp->cap = cap;
        }
        v->type = *p == '{' ? WN_JSON_OBJECT : WN_JSON_ARRAY;
        jp->stack[jp->depth].node = v;
        jp->stack[jp->depth].last = NULL;
        jp->depth++;
        jp->p = p + 1;
        return 0;
    case '"':
        v->type = WN_JSON_STRING;
        return parse_string(jp, &v->str);
    case 't':
        if (!starts(p, end, "true"))
            return -1;
        v->type = WN_JSON_BOOL;
        v->boolean = true;
        jp->p = p + 4;
        return 0;
    case 'f':
        if (!starts(p, end, "false"))
            return -1;
        v->type = WN_JSON_BOOL;
        jp->p = p + 5;
        return 0;
    case 'n':
        if (!starts(p, end, "null"))
            return -1;
        v->type = WN_JSON_NULL;
        jp->p = p + 4;
        return 0;
    default:
        return parse_number(jp, v);
    }
}

static wn_json *new_child(jparser *jp)
{
    wn_json *v = wn_arena_calloc(jp->a, sizeof *v);
    if (v == NULL || jp->depth == 0)
        return v;
    frame *f = &jp->stack[jp->depth - 1];
    if (f->last)
        f->last->next = v;
    else
        f->node->first = v;
    f->last = v;
    f->node->count++;
    return v;
}

/*
 * The grammar as a loop. `want` says what comes next inside the innermost
 * container: a value (after "[" or ","), a member (after "{" or ","), or a
 * separator/closer (after a value).
 */
wn_json *wn_json_parse(wn_arena *a, const char *p, size_t n, size_t max_depth, size_t *err_offset)
{
    enum { WANT_VALUE, WANT_MEMBER, WANT_SEP } want = WANT_VALUE;
    jparser jp;
    wn_json *root = NULL;
    bool after_comma = false;

    memset(&jp, 0, sizeof jp);
    jp.a = a;
    jp.start = p;
    jp.end = p + n;
    jp.max_depth = max_depth ? max_depth : 512;
    jp.cap = 16;
    jp.stack = wn_arena_alloc(a, jp.cap * sizeof *jp.stack);
    if (jp.stack == NULL)
        goto fail;

    jp.p = p;
    if (starts(jp.p, jp.end, "\xEF\xBB\xBF"))
        jp.p += 3;
    jp.p = skip_ws(jp.p, jp.end);
    if (starts(jp.p, jp.end, "<!--"))
        jp.p = skip_ws(jp.p + 4, jp.end);

    for (;;) {
        jp.p = skip_ws(jp.p, jp.end);
        if (want == WANT_SEP) {
            if (jp.depth == 0)
                break;
            if (jp.p >= jp.end)
                goto fail;
            frame *f = &jp.stack[jp.depth - 1];
            char c = *jp.p;
            if (c == ',') {
                jp.p++;
                after_comma = true;
                want = f->node->type == WN_JSON_OBJECT ? WANT_MEMBER : WANT_VALUE;
                continue;
            }
            if ((c == '}' && f->node->type == WN_JSON_OBJECT) ||
                (c == ']' && f->node->type == WN_JSON_ARRAY)) {
                jp.p++;
                jp.depth--;
                continue;
            }
            goto fail;
        }
        if (jp.p >= jp.end)
            goto fail;
        /* A closer right after "[", "{" or a trailing ",". */
        if (jp.depth > 0) {
            frame *f = &jp.stack[jp.depth - 1];
            char close = f->node->type == WN_JSON_OBJECT ? '}' : ']';
            if (*jp.p == close && (f->last == NULL || after_comma)) {
                jp.p++;
                jp.depth--;
                want = WANT_SEP;
                after_comma = false;
                continue;
            }
        }
        after_comma = false;
        wn_str key = { NULL, 0 };
        if (want == WANT_MEMBER) {
            if (*jp.p != '"' || parse_string(&jp, &key) != 0)
                goto fail;
            jp.p = skip_ws(jp.p, jp.end);
            if (jp.p >= jp.end || *jp.p != ':')
                goto fail;
            jp.p = skip_ws(jp.p + 1, jp.end);
        }
        wn_json *v = new_child(&jp);
        if (v == NULL)
            goto fail;
        v->key = key;
        if (root == NULL)
            root = v;
        size_t depth = jp.depth;
        if (parse_value(&jp, v) != 0)
            goto fail;
        if (jp.depth > depth)
            want = v->type == WN_JSON_OBJECT ? WANT_MEMBER : WANT_VALUE;
        else
            want = WANT_SEP;
    }

    jp.p = skip_ws(jp.p, jp.end);
    if (starts(jp.p, jp.end, "-->"))
        jp.p = skip_ws(jp.p + 3, jp.end);
    if (jp.p != jp.end)
        goto fail;
    return root;
fail:
    if (err_offset)
        *err_offset = (size_t)((jp.p ? jp.p : p) - p);
    return NULL;
}

const wn_json *wn_json_get(const wn_json *obj, const char *key)
{
    if (obj == NULL || obj->type != WN_JSON_OBJECT)
        return NULL;
    size_t n = strlen(key);
    for (const wn_json *c = obj->first; c; c = c->next)
        if (c->key.n == n && memcmp(c->key.p, key, n) == 0)
            return c;
    return NULL;
}
