/*
 * fuzz_html.c: libFuzzer target for the HTML pipeline (sniff, decode, tokenize,
 * tree). The first 4 bytes pick options (charset override, transport charset,
 * small limits, fragment context, chunking seed); the rest is the page. Checks:
 * decoded text is valid UTF-8, the tokenizer gives the same tokens whole and in
 * random chunks, the tree builder the same tree whole and chunked, the tree
 * passes wn_dom_check, and dumping it works.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "winnow.h"
#include "core/arena.h"
#include "core/buf.h"
#include "dom/dom.h"
#include "html/encoding.h"
#include "html/parser.h"
#include "html/tokenizer.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const charsets[16] = {
    NULL, "utf-8", "windows-1252", "shift_jis", "utf-16le", "utf-16be", "gbk",
    "iso-2022-jp", "euc-kr", "big5", "koi8-r", "replacement", "x-user-defined",
    "no-such-label", "euc-jp", "iso-8859-8",
};

static const char *const contexts[16] = {
    NULL, NULL, NULL, NULL, "td", "svg path", "math mi", "template", "select",
    "table", "textarea", "title", "script", "plaintext", "svg foreignObject", "tr",
};

/* Failures of the properties under test end the run the way libFuzzer expects. */
static void fail(const char *what)
{
    fprintf(stderr, "fuzz_html: %s\n", what);
    abort();
}

/* Strict UTF-8 check, written independently of encoding.c's. */
static int valid_utf8(const unsigned char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned c = s[i];
        size_t len, k;
        uint32_t cp;
        if (c < 0x80) {
            i++;
            continue;
        }
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07;
        } else {
            return 0;
        }
        if (n - i < len)
            return 0;
        for (k = 1; k < len; k++) {
            if ((s[i + k] & 0xC0) != 0x80)
                return 0;
            cp = (cp << 6) | (s[i + k] & 0x3F);
        }
        if ((len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
            (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
            return 0;
        i += len;
    }
    return 1;
}

/* MARK: token stream serialization, chunk-size independent */

typedef struct tok_ctx {
    wn_tokenizer *t;
    wn_buf out;
    int in_chars;      /* adjacent character tokens are merged */
} tok_ctx;

static void put_str(wn_buf *b, wn_str s)
{
    uint32_t n = (uint32_t)s.n;
    wn_buf_put(b, &n, sizeof n);
    wn_buf_put(b, s.p, s.n);
}

static int on_token(void *ctx, wn_token *tok)
{
    tok_ctx *c = ctx;
    uint32_t i;
    if (tok->type == WN_TOK_CHARS) {
        if (!c->in_chars)
            wn_buf_puts(&c->out, "\x01" "C");
        c->in_chars = 1;
        wn_buf_put(&c->out, tok->data.p, tok->data.n);
        return 0;
    }
    c->in_chars = 0;
    wn_buf_putc(&c->out, '\x01');
    wn_buf_putc(&c->out, (char)('0' + tok->type));
    put_str(&c->out, tok->name);
    put_str(&c->out, tok->data);
    wn_buf_putc(&c->out, (char)(tok->self_closing | tok->force_quirks << 1 |
                                tok->name_missing << 2 | tok->has_public_id << 3 |
                                tok->has_system_id << 4));
    put_str(&c->out, tok->public_id);
    put_str(&c->out, tok->system_id);
    for (i = 0; i < tok->nattrs; i++) {
        put_str(&c->out, tok->attrs[i].name);
        put_str(&c->out, tok->attrs[i].value);
    }
    /* Switch states as the tree builder would, identically in both runs. */
    if (tok->type == WN_TOK_START_TAG && !tok->self_closing) {
        if (wn_str_eq(tok->name, "script"))
            wn_tokenizer_set_state(c->t, WN_TOKST_SCRIPT_DATA);
        else if (wn_str_eq(tok->name, "style") || wn_str_eq(tok->name, "xmp"))
            wn_tokenizer_set_state(c->t, WN_TOKST_RAWTEXT);
        else if (wn_str_eq(tok->name, "title") || wn_str_eq(tok->name, "textarea"))
            wn_tokenizer_set_state(c->t, WN_TOKST_RCDATA);
        else if (wn_str_eq(tok->name, "plaintext"))
            wn_tokenizer_set_state(c->t, WN_TOKST_PLAINTEXT);
        else
            return 0;
        wn_tokenizer_set_last_start_tag(c->t, tok->name.p, tok->name.n);
    } else if (tok->type == WN_TOK_START_TAG) {
        /* "<svg/>" toggles foreign content so CDATA handling is exercised too. */
        wn_tokenizer_set_foreign(c->t, wn_str_eq(tok->name, "svg"));
    }
    return 0;
}

/* Tokenize [p, p+n) in chunks from a small PRNG (chunk 0 = whole). Returns the
 * tokenizer's final status; the serialization is in c->out. */
static int tokenize(tok_ctx *c, const char *p, size_t n, uint32_t seed, uint32_t max_attrs)
{
    int rc = 0;
    size_t off = 0;
    wn_buf_init(&c->out, 64u << 20);
    c->in_chars = 0;
    c->t = wn_tokenizer_new(on_token, c, max_attrs, 1u << 20);
    if (c->t == NULL)
        return -2;
    while (off < n && rc == 0) {
        size_t k = n - off;
        if (seed) {
            seed = seed * 1103515245u + 12345u;
            k = 1 + (seed >> 16) % 17;
            if ((seed >> 8) % 5 == 0)
                k = 1 + (seed >> 12) % 700;
            if (k > n - off)
                k = n - off;
        }
        rc = wn_tokenizer_feed(c->t, p + off, k);
        off += k;
    }
    if (rc == 0)
        rc = wn_tokenizer_finish(c->t);
    wn_tokenizer_free(c->t);
    return rc;
}

static int buf_sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}

static int count_sink(void *ctx, const char *p, size_t n)
{
    (void)p;
    *(size_t *)ctx += n;
    return 0;
}

/* Builds the tree of utf8 whole and in chunks of `chunk` bytes; fails the run
 * when the trees or statuses differ. A status that differs only because one
 * parse reached the arena cap is returned as false (not a failure) unless
 * `strict`. */
static bool same_tree(const char *utf8, size_t n, size_t chunk, const wn_options *opt,
                      const char *ctx_name, bool strict)
{
    bool same = true;
    wn_doc *d1 = wn_doc_new(opt->max_arena_bytes), *d2 = wn_doc_new(opt->max_arena_bytes);
    if (d1 && d2) {
        wn_error e1 = { WN_OK, NULL, 0 }, e2 = { WN_OK, NULL, 0 };
        wn_status s1 = wn_html_build_tree(d1, utf8, n, opt, ctx_name, &e1);
        wn_status s2 = wn_html_build_tree_chunked(d2, utf8, n, chunk, opt, ctx_name, &e2);
        if (s1 != s2) {
            bool arena_cap = opt->max_arena_bytes &&
                             (s1 == WN_ERR_LIMIT || s2 == WN_ERR_LIMIT || s1 == WN_ERR_NOMEM ||
                              s2 == WN_ERR_NOMEM);
            if (strict || !arena_cap)
                fail("tree status differs between whole and chunked input");
            same = false;
        } else if (s1 == WN_OK) {
            wn_buf t1, t2;
            wn_buf_init(&t1, 256u << 20);
            wn_buf_init(&t2, 256u << 20);
            wn_html_dump_tree(d1, buf_sink, &t1);
            wn_html_dump_tree(d2, buf_sink, &t2);
            if (!t1.failed && !t2.failed &&
                (t1.n != t2.n || (t1.n && memcmp(t1.p, t2.p, t1.n) != 0)))
                fail("tree differs between whole and chunked input");
            wn_buf_fini(&t1);
            wn_buf_fini(&t2);
        }
    }
    wn_doc_free(d1);
    wn_doc_free(d2);
    return same;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    wn_options opt;
    const char *page, *ctx_name, *enc, *utf8;
    size_t n, bom = 0, utf8_n = 0;
    uint8_t b0, b1, b2, b3;
    wn_arena a;

    if (size < 4)
        return 0;
    b0 = data[0];
    b1 = data[1];
    b2 = data[2];
    b3 = data[3];
    page = (const char *)data + 4;
    n = size - 4;

    wn_options_init(&opt);
    opt.charset = charsets[b0 & 15];
    opt.transport_charset = charsets[b0 >> 4];
    if (b1 & 1)
        opt.max_nodes = 50 + (uint32_t)(b1 >> 1) * 8;
    if (b1 & 2)
        opt.max_depth = 1 + (b1 >> 2);
    if (b1 & 4)
        opt.max_attrs = b1 >> 5;
    if (b1 & 8)
        opt.max_arena_bytes = (size_t)(1 + (b1 >> 4)) << 14;
    if (b1 & 16)
        opt.max_input_bytes = 1 + (size_t)b1 * 16;
    ctx_name = contexts[b2 & 15];

    /* Sniff and decode: the output must be valid UTF-8 whatever the input. */
    enc = wn_encoding_sniff(page, n, opt.charset, opt.transport_charset, &bom);
    if (enc == NULL || bom > n)
        fail("sniff result");
    wn_arena_init(&a, 0);
    if (wn_encoding_decode(&a, enc, page + bom, n - bom, &utf8, &utf8_n) != 0)
        fail("decode without a limit failed");
    if (!valid_utf8((const unsigned char *)utf8, utf8_n))
        fail("decoder output is not valid UTF-8");

    /* Tokenizer: whole input and random chunks give the same tokens. */
    {
        tok_ctx whole, chunked;
        int r1 = tokenize(&whole, utf8, utf8_n, 0, opt.max_attrs);
        int r2 = tokenize(&chunked, utf8, utf8_n, b3 | 0x100u, opt.max_attrs);
        if (r1 == 0 && r2 == 0 && !whole.out.failed && !chunked.out.failed &&
            (whole.out.n != chunked.out.n || memcmp(whole.out.p, chunked.out.p, whole.out.n)))
            fail("tokens differ between whole and chunked input");
        wn_buf_fini(&whole.out);
        wn_buf_fini(&chunked.out);
    }

    /* Tree builder: whole and chunked (1..64 bytes) give the same tree. The
     * arena a parse needs depends a little on where the chunks end (text split
     * over chunks is joined in the arena: a few hundred bytes on a 16 KiB
     * page), so when only the arena cap tells the two apart, both run again
     * with the cap doubled and must then agree. */
    if (!same_tree(utf8, utf8_n, 1 + (b3 & 63), &opt, ctx_name, false) && opt.max_arena_bytes) {
        opt.max_arena_bytes *= 2;
        same_tree(utf8, utf8_n, 1 + (b3 & 63), &opt, ctx_name, true);
        opt.max_arena_bytes /= 2;
    }
    wn_arena_fini(&a);

    /* The whole parser, then its tree. */
    {
        wn_error err = { WN_OK, NULL, 0 };
        wn_doc *d = wn_html_parse(page, n, &opt, ctx_name, &err);
        if (d == NULL) {
            if (err.status == WN_OK || err.msg == NULL)
                fail("parse failed without a status and message");
        } else {
            size_t sunk = 0;
            const char *why = wn_dom_check(d);
            if (why)
                fail(why);
            if (opt.max_nodes && d->node_count > opt.max_nodes + 8)
                fail("max_nodes exceeded");
            wn_html_dump_tree(d, count_sink, &sunk);
            wn_doc_free(d);
        }
    }
    return 0;
}
