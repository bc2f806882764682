/*
 * tokenizer_tests.c: runs html5lib-tests tokenizer/ *.test files through wn_tokenizer.
 * Each test runs once per initial state, on the whole input and fed one byte at
 * a time; both token lists (adjacent characters merged) must equal the expected
 * one. Case ids: "FILE:INDEX", or "FILE:x:INDEX" for xmlViolationTests.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/json.h"
#include "html/tokenizer.h"
#include "runner.h"

/* MARK: serialization shared by expected and actual tokens ----------------------- */

static void put_str(wn_buf *b, const char *p, size_t n)
{
    wn_buf_printf(b, " %zu:", n);
    wn_buf_put(b, p, n);
}

typedef struct kv {
    wn_str k, v;
} kv;

static int cmp_kv(const void *a, const void *b)
{
    const kv *x = a, *y = b;
    size_t m = x->k.n < y->k.n ? x->k.n : y->k.n;
    int c = m ? memcmp(x->k.p, y->k.p, m) : 0;
    return c ? c : (x->k.n > y->k.n) - (x->k.n < y->k.n);
}

/* Attributes sorted by name: the test files write them as a JSON object. */
static void put_attrs(wn_buf *b, kv *a, size_t n)
{
    if (n > 1)
        qsort(a, n, sizeof *a, cmp_kv);
    for (size_t i = 0; i < n; i++) {
        put_str(b, a[i].k.p, a[i].k.n);
        wn_buf_putc(b, '=');
        put_str(b, a[i].v.p, a[i].v.n);
    }
}

/* MARK: actual tokens -------------------------------------------------------------- */

typedef struct collector {
    wn_buf out;      /* serialized tokens */
    wn_buf chars;    /* pending character data (adjacent tokens merged) */
    kv *attrs;
    size_t attrs_cap;
} collector;

static void flush_chars(collector *c)
{
    if (c->chars.n == 0)
        return;
    wn_buf_puts(&c->out, "Character");
    put_str(&c->out, c->chars.p, c->chars.n);
    wn_buf_putc(&c->out, '\n');
    wn_buf_clear(&c->chars);
}

static int collect(void *ctx, wn_token *t)
{
    collector *c = ctx;
    if (t->type == WN_TOK_CHARS) {
        wn_buf_put(&c->chars, t->data.p, t->data.n);
        return 0;
    }
    flush_chars(c);
    wn_buf *b = &c->out;
    switch (t->type) {
    case WN_TOK_DOCTYPE:
        wn_buf_puts(b, "DOCTYPE");
        if (t->name_missing)
            wn_buf_puts(b, " null");
        else
            put_str(b, t->name.p, t->name.n);
        if (t->has_public_id)
            put_str(b, t->public_id.p, t->public_id.n);
        else
            wn_buf_puts(b, " null");
        if (t->has_system_id)
            put_str(b, t->system_id.p, t->system_id.n);
        else
            wn_buf_puts(b, " null");
        wn_buf_puts(b, t->force_quirks ? " false" : " true");
        break;
    case WN_TOK_START_TAG:
        wn_buf_puts(b, "StartTag");
        put_str(b, t->name.p, t->name.n);
        if (t->nattrs > c->attrs_cap) {
            c->attrs_cap = t->nattrs * 2;
            c->attrs = realloc(c->attrs, c->attrs_cap * sizeof *c->attrs);
        }
        for (uint32_t i = 0; i < t->nattrs; i++) {
            c->attrs[i].k = t->attrs[i].name;
            c->attrs[i].v = t->attrs[i].value;
        }
        put_attrs(b, c->attrs, t->nattrs);
        if (t->self_closing)
            wn_buf_puts(b, " /");
        break;
    case WN_TOK_END_TAG:
        wn_buf_puts(b, "EndTag");
        put_str(b, t->name.p, t->name.n);
        break;
    case WN_TOK_COMMENT:
        wn_buf_puts(b, "Comment");
        put_str(b, t->data.p, t->data.n);
        break;
    default:
        return 0;   /* EOF */
    }
    wn_buf_putc(b, '\n');
    return 0;
}

/* MARK: expected tokens ------------------------------------------------------------ */

static void put_utf8(wn_buf *b, uint32_t cp)
{
    char o[4];
    size_t n;
    if (cp < 0x80) {
        o[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        o[0] = (char)(0xC0 | (cp >> 6));
        o[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        o[0] = (char)(0xE0 | (cp >> 12));
        o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        o[0] = (char)(0xF0 | (cp >> 18));
        o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        o[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    wn_buf_put(b, o, n);
}

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static int hex4(const char *p, size_t n, uint32_t *out)
{
    uint32_t v = 0;
    if (n < 4)
        return -1;
    for (int i = 0; i < 4; i++) {
        int h = hexval(p[i]);
        if (h < 0)
            return -1;
        v = v * 16 + (uint32_t)h;
    }
    *out = v;
    return 0;
}

/*
 * doubleEscaped: the decoded JSON string still holds "\uXXXX" escapes. Pairs
 * become one UTF-8 character. A lone surrogate becomes its 3-byte generalized
 * UTF-8 form (ED A0 80 for U+D800) on both sides of the comparison: the
 * tokenizer treats non-ASCII bytes opaquely, so they pass through unchanged.
 * (Real input never holds them: encoding.c turns them into U+FFFD first.)
 */
static wn_str unescape(wn_arena *a, wn_str s, bool dbl)
{
    if (!dbl)
        return s;
    wn_buf b;
    wn_buf_init(&b, 0);
    for (size_t i = 0; i < s.n;) {
        uint32_t cp, lo;
        if (s.p[i] == '\\' && i + 1 < s.n && s.p[i + 1] == 'u' && hex4(s.p + i + 2, s.n - i - 2, &cp) == 0) {
            i += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 <= s.n && s.p[i] == '\\' && s.p[i + 1] == 'u' &&
                hex4(s.p + i + 2, s.n - i - 2, &lo) == 0 && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                i += 6;
            }
            put_utf8(&b, cp);
        } else {
            wn_buf_putc(&b, s.p[i++]);
        }
    }
    wn_str r = wn_str_make(wn_arena_strdup(a, b.p ? b.p : "", b.n), b.n);
    wn_buf_fini(&b);
    return r;
}

static const wn_json *nth(const wn_json *arr, size_t i)
{
    const wn_json *c = arr ? arr->first : NULL;
    while (c && i--)
        c = c->next;
    return c;
}

static void put_opt(wn_buf *b, wn_arena *a, const wn_json *v, bool dbl)
{
    if (v == NULL || v->type != WN_JSON_STRING) {
        wn_buf_puts(b, " null");
        return;
    }
    wn_str s = unescape(a, v->str, dbl);
    put_str(b, s.p, s.n);
}

/* Returns -1 when the expected output uses a form this runner does not know. */
static int expected_tokens(wn_buf *out, wn_arena *a, const wn_json *output, bool dbl)
{
    wn_buf chars;
    kv attrs[64];
    int rc = 0;

    wn_buf_init(&chars, 0);
    for (const wn_json *tok = output ? output->first : NULL; tok; tok = tok->next) {
        const wn_json *type = nth(tok, 0);
        if (type == NULL || type->type != WN_JSON_STRING) {
            rc = -1;
            break;
        }
        if (wn_str_eq(type->str, "Character")) {
            wn_str s = unescape(a, nth(tok, 1)->str, dbl);
            wn_buf_put(&chars, s.p, s.n);
            continue;
        }
        if (chars.n) {
            wn_buf_puts(out, "Character");
            put_str(out, chars.p, chars.n);
            wn_buf_putc(out, '\n');
            wn_buf_clear(&chars);
        }
        if (wn_str_eq(type->str, "DOCTYPE")) {
            wn_buf_puts(out, "DOCTYPE");
            put_opt(out, a, nth(tok, 1), dbl);
            put_opt(out, a, nth(tok, 2), dbl);
            put_opt(out, a, nth(tok, 3), dbl);
            const wn_json *ok = nth(tok, 4);
            wn_buf_puts(out, ok && ok->boolean ? " true" : " false");
        } else if (wn_str_eq(type->str, "StartTag")) {
            wn_buf_puts(out, "StartTag");
            put_opt(out, a, nth(tok, 1), dbl);
            size_t n = 0;
            for (const wn_json *m = nth(tok, 2) ? nth(tok, 2)->first : NULL; m && n < 64; m = m->next) {
                attrs[n].k = unescape(a, m->key, dbl);
                attrs[n].v = unescape(a, m->str, dbl);
                n++;
            }
            put_attrs(out, attrs, n);
            const wn_json *sc = nth(tok, 3);
            if (sc && sc->type == WN_JSON_BOOL && sc->boolean)
                wn_buf_puts(out, " /");
        } else if (wn_str_eq(type->str, "EndTag")) {
            wn_buf_puts(out, "EndTag");
            put_opt(out, a, nth(tok, 1), dbl);
        } else if (wn_str_eq(type->str, "Comment")) {
            wn_buf_puts(out, "Comment");
            put_opt(out, a, nth(tok, 1), dbl);
        } else {
            rc = -1;
            break;
        }
        wn_buf_putc(out, '\n');
    }
    if (chars.n) {
        wn_buf_puts(out, "Character");
        put_str(out, chars.p, chars.n);
        wn_buf_putc(out, '\n');
    }
    wn_buf_fini(&chars);
    return rc;
}

/* MARK: running one case --------------------------------------------------------------- */

static int state_from_name(wn_str s)
{
    if (wn_str_eq(s, "Data state"))
        return WN_TOKST_DATA;
    if (wn_str_eq(s, "PLAINTEXT state"))
        return WN_TOKST_PLAINTEXT;
    if (wn_str_eq(s, "RCDATA state"))
        return WN_TOKST_RCDATA;
    if (wn_str_eq(s, "RAWTEXT state"))
        return WN_TOKST_RAWTEXT;
    if (wn_str_eq(s, "Script data state"))
        return WN_TOKST_SCRIPT_DATA;
    if (wn_str_eq(s, "CDATA section state"))
        return WN_TOKST_CDATA_SECTION;
    return -1;
}

/* Tokenize input in one state; chunk 0 = whole input. Result in c->out. */
static void tokenize(collector *c, wn_str input, int state, wn_str last, size_t chunk)
{
    wn_buf_clear(&c->out);
    wn_buf_clear(&c->chars);
    wn_tokenizer *t = wn_tokenizer_new(collect, c, 0, 0);
    if (t == NULL)
        return;
    wn_tokenizer_set_state(t, (wn_tok_state)state);
    if (last.n)
        wn_tokenizer_set_last_start_tag(t, last.p, last.n);
    if (chunk == 0) {
        wn_tokenizer_feed(t, input.p, input.n);
    } else {
        for (size_t i = 0; i < input.n; i += chunk)
            wn_tokenizer_feed(t, input.p + i, input.n - i < chunk ? input.n - i : chunk);
    }
    wn_tokenizer_finish(t);
    wn_tokenizer_free(t);
    flush_chars(c);
}

static void run_case(h5_counts *counts, const char *id, const wn_json *test, wn_arena *a, collector *c)
{
    const wn_json *dbl_j = wn_json_get(test, "doubleEscaped");
    bool dbl = dbl_j && dbl_j->type == WN_JSON_BOOL && dbl_j->boolean;
    const wn_json *in = wn_json_get(test, "input");
    const wn_json *out = wn_json_get(test, "output");
    const wn_json *states = wn_json_get(test, "initialStates");
    const wn_json *last_j = wn_json_get(test, "lastStartTag");
    wn_str last = last_j && last_j->type == WN_JSON_STRING ? last_j->str : wn_str_make("", 0);
    wn_buf want, detail;
    bool ok = true;

    wn_buf_init(&want, 0);
    wn_buf_init(&detail, 0);
    if (in == NULL || in->type != WN_JSON_STRING || expected_tokens(&want, a, out, dbl) != 0) {
        h5_record(counts, id, false, "unreadable test");
        goto done;
    }
    wn_str input = unescape(a, in->str, dbl);
    size_t nstates = states ? states->count : 1;
    for (size_t si = 0; si < nstates && ok; si++) {
        int st = states ? state_from_name(nth(states, si)->str) : WN_TOKST_DATA;
        if (st < 0) {
            ok = false;
            wn_buf_puts(&detail, "unknown initial state");
            break;
        }
        for (size_t chunk = 0; chunk <= 1 && ok; chunk++) {
            tokenize(c, input, st, last, chunk);
            if (c->out.n != want.n || (want.n && memcmp(c->out.p, want.p, want.n) != 0)) {
                ok = false;
                wn_buf_printf(&detail, "  state %d, %s\n  input: %.*s\n  want:\n%.*s  got:\n%.*s", st,
                              chunk ? "one byte at a time" : "whole input", (int)input.n, input.p,
                              (int)want.n, want.p ? want.p : "", (int)c->out.n, c->out.p ? c->out.p : "");
            }
        }
    }
    h5_record(counts, id, ok, wn_buf_cstr(&detail));
done:
    wn_buf_fini(&want);
    wn_buf_fini(&detail);
}

static char *read_file(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    wn_buf b;
    wn_buf_init(&b, 0);
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        wn_buf_put(&b, tmp, k);
    fclose(f);
    *n = b.n;
    wn_buf_cstr(&b);
    return b.p;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void run_file(const char *dir, const char *name, h5_counts *counts)
{
    char path[4096], id[512];
    size_t n = 0;
    wn_arena a;
    collector c;

    snprintf(path, sizeof path, "%s/%s", dir, name);
    char *text = read_file(path, &n);
    if (text == NULL) {
        printf("tokenizer: cannot read %s\n", path);
        return;
    }
    wn_arena_init(&a, 0);
    memset(&c, 0, sizeof c);
    wn_buf_init(&c.out, 0);
    wn_buf_init(&c.chars, 0);
    size_t err = 0;
    wn_json *root = wn_json_parse(&a, text, n, 0, &err);
    if (root == NULL) {
        snprintf(id, sizeof id, "%s:json", name);
        h5_record(counts, id, false, "JSON parse error");
    } else {
        static const char *keys[2] = { "tests", "xmlViolationTests" };
        for (int k = 0; k < 2; k++) {
            const wn_json *tests = wn_json_get(root, keys[k]);
            size_t i = 0;
            for (const wn_json *t = tests ? tests->first : NULL; t; t = t->next, i++) {
                snprintf(id, sizeof id, k ? "%s:x:%zu" : "%s:%zu", name, i);
                run_case(counts, id, t, &a, &c);
            }
        }
    }
    wn_buf_fini(&c.out);
    wn_buf_fini(&c.chars);
    free(c.attrs);
    wn_arena_fini(&a);
    free(text);
}

void h5_run_tokenizer(const char *tokenizer_dir, h5_counts *counts)
{
    DIR *d = opendir(tokenizer_dir);
    char **names = NULL;
    size_t n = 0, cap = 0;

    if (d == NULL) {
        printf("tokenizer: %s not found: tokenizer conformance not run (it needs ../shared)\n", tokenizer_dir);
        return;
    }
    for (struct dirent *e; (e = readdir(d)) != NULL;) {
        size_t len = strlen(e->d_name);
        if (len < 6 || strcmp(e->d_name + len - 5, ".test") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = realloc(names, cap * sizeof *names);
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        run_file(tokenizer_dir, names[i], counts);
        free(names[i]);
    }
    free(names);
}
