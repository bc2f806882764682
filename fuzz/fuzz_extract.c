/*
 * fuzz_extract.c: libFuzzer target for extraction and every renderer through
 * the public API only. The first 2 bytes pick options, render flags and whether
 * a long-lived extractor is reused (its per-page reset is under test too); the
 * rest is the page. Checks: each format renders, twice to identical bytes, and
 * text/Markdown/JSON output is valid UTF-8.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "winnow.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void fail(const char *what)
{
    fprintf(stderr, "fuzz_extract: %s\n", what);
    abort();
}

typedef struct out_buf {
    char *p;
    size_t n, cap;
} out_buf;

static int buf_sink(void *ctx, const char *p, size_t n)
{
    out_buf *b = ctx;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        char *np;
        while (cap < b->n + n)
            cap *= 2;
        np = realloc(b->p, cap);
        if (np == NULL)
            return 1;
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
    return 0;
}

/* Strict UTF-8 check, independent of the library's. */
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

static const char *const urls[4] = {
    NULL, "https://example.com/news/2024/05/article.html", "http://[::1]:8080/a?b=c#d", "",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static wn_extractor *shared;
    wn_options opt;
    wn_extractor *ex;
    wn_article *art = NULL;
    wn_error err = { WN_OK, NULL, 0 };
    wn_status st;
    uint8_t b0, b1;
    unsigned rflags;
    int fmt;

    if (size < 2)
        return 0;
    b0 = data[0];
    b1 = data[1];
    data += 2;
    size -= 2;

    wn_options_init(&opt);
    opt.flags = b0 & 0x0F;
    opt.favor = (wn_favor)((b0 >> 4) % 3);
    if (b1 & 0x40)
        opt.max_nodes = 200 + (uint32_t)(b1 & 0x3F) * 16;
    if (b1 & 0x20)
        opt.max_depth = 2 + (b1 & 0x1F);
    rflags = (b1 & 0x1F);

    if (b0 & 0x80) {
        if (shared == NULL)
            shared = wn_extractor_new(NULL);
        ex = shared;
    } else {
        ex = wn_extractor_new(&opt);
    }
    if (ex == NULL)
        return 0;

    st = wn_extract(ex, (const char *)data, size, urls[(b1 >> 6) & 3], &art, &err);
    if (st != WN_OK) {
        if (art != NULL)
            fail("an article returned with an error");
        if (err.msg == NULL)
            fail("an error without a message");
    } else {
        const char *text = wn_article_get(art, WN_FIELD_TEXT);
        if (text && !valid_utf8((const unsigned char *)text, strlen(text)))
            fail("article text is not valid UTF-8");
        for (fmt = WN_FMT_TEXT; fmt <= WN_FMT_HTML; fmt++) {
            out_buf one = { NULL, 0, 0 }, two = { NULL, 0, 0 };
            wn_status s1 = wn_render(art, (wn_format)fmt, rflags, buf_sink, &one);
            wn_status s2 = wn_render(art, (wn_format)fmt, rflags, buf_sink, &two);
            if (s1 != s2)
                fail("render status differs between two runs");
            if (s1 == WN_OK && (one.n != two.n || (one.n && memcmp(one.p, two.p, one.n))))
                fail("render output differs between two runs");
            if (s1 == WN_OK && !valid_utf8((const unsigned char *)one.p, one.n))
                fail("rendered output is not valid UTF-8");
            free(one.p);
            free(two.p);
        }
        {
            const char *const *list;
            size_t k, nl = wn_article_categories(art, &list);
            for (k = 0; k < nl; k++)
                if (list[k] == NULL)
                    fail("NULL category");
            nl = wn_article_tags(art, &list);
            for (k = 0; k < nl; k++)
                if (list[k] == NULL)
                    fail("NULL tag");
        }
        for (fmt = 0; fmt < WN_FIELD__COUNT; fmt++) {
            const char *v = wn_article_get(art, (wn_field)fmt);
            if (v && !valid_utf8((const unsigned char *)v, strlen(v)))
                fail("metadata field is not valid UTF-8");
        }
    }
    wn_article_free(art);
    if (ex != shared)
        wn_extractor_free(ex);
    return 0;
}
