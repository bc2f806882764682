/* test_core.c: arena and buffer behaviour, including caps; the string helpers
 * that work eight bytes at a time, against their byte-by-byte definition. */
#include "check.h"

#include "core/arena.h"
#include "core/buf.h"
#include "core/str.h"

static void test_arena_alloc_aligned(void)
{
    wn_arena a;
    wn_arena_init(&a, 0);
    for (int i = 1; i < 1000; i++) {
        char *p = wn_arena_alloc(&a, (size_t)i);
        CHECK(p != NULL);
        CHECK(((uintptr_t)p & 7) == 0);   /* what a pointer, size or double needs */
        memset(p, 0xAB, (size_t)i);
    }
    CHECK(wn_arena_used(&a) >= 999 * 1000 / 2);
    wn_arena_fini(&a);
}

static void test_arena_limit(void)
{
    wn_arena a;
    wn_arena_init(&a, 1000);
    CHECK(wn_arena_alloc(&a, 512) != NULL);
    CHECK(wn_arena_alloc(&a, 600) == NULL);      /* would exceed the cap */
    CHECK(wn_arena_alloc(&a, 400) != NULL);      /* still fits */
    CHECK(wn_arena_used(&a) <= 1000);
    wn_arena_fini(&a);
}

static void test_arena_big_and_reset(void)
{
    wn_arena a;
    wn_arena_init(&a, 0);
    char *big = wn_arena_alloc(&a, 10 * 1024 * 1024);
    CHECK(big != NULL);
    big[10 * 1024 * 1024 - 1] = 1;
    wn_arena_reset(&a);
    CHECK_EQ_INT(wn_arena_used(&a), 0);
    char *p = wn_arena_alloc(&a, 100);
    CHECK(p != NULL);
    wn_arena_fini(&a);
}

static void test_arena_realloc_in_place(void)
{
    wn_arena a;
    wn_arena_init(&a, 0);
    char *p = wn_arena_alloc(&a, 10);
    memcpy(p, "0123456789", 10);
    char *q = wn_arena_realloc(&a, p, 10, 100);
    CHECK(q == p);                               /* last allocation grows in place */
    CHECK(memcmp(q, "0123456789", 10) == 0);
    char *r = wn_arena_alloc(&a, 5);
    CHECK(r != NULL);
    char *s = wn_arena_realloc(&a, q, 100, 200); /* no longer last: copied */
    CHECK(s != q && memcmp(s, "0123456789", 10) == 0);
    wn_arena_fini(&a);
}

static void test_buf_basic(void)
{
    wn_buf b;
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, "abc");
    wn_buf_printf(&b, "-%d-", 42);
    wn_buf_put_utf8(&b, 0xE9);
    wn_buf_put_utf8(&b, 0x1F600);
    CHECK_EQ_STR(wn_buf_cstr(&b), "abc-42-\xC3\xA9\xF0\x9F\x98\x80");
    wn_buf_fini(&b);
}

static void test_buf_cap(void)
{
    wn_buf b;
    wn_buf_init(&b, 8);
    CHECK(wn_buf_puts(&b, "12345678") == 0);
    CHECK(wn_buf_putc(&b, '9') == -1);
    CHECK(b.failed);
    CHECK(wn_buf_puts(&b, "x") == -1);           /* sticky */
    wn_buf_fini(&b);
}

/* Every byte value, at every offset and length around the 8-byte steps. */
static void test_ascii_lower_n(void)
{
    char src[300], dst[300];
    for (int i = 0; i < 256; i++)
        src[i] = (char)i;
    memcpy(src + 256, "MiXeD-Case_Z@[`az{AZ", 20);
    for (size_t off = 0; off < 9; off++) {
        for (size_t n = 0; off + n <= 276; n += (n < 40 ? 1 : 23)) {
            bool same = true;
            memset(dst, '#', sizeof dst);
            wn_ascii_lower_n(dst, src + off, n);
            for (size_t i = 0; i < n; i++) {
                char c = src[off + i];
                char want = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
                same = same && dst[i] == want;
            }
            CHECK(same);
            CHECK(dst[n] == '#');   /* nothing written past n */
        }
    }
}

static void test_all_blank(void)
{
    char s[64];
    CHECK(wn_all_blank("", 0));
    static const char indent[] = " \n\t\r\f  \n        \n   ";
    CHECK(wn_all_blank(indent, sizeof indent - 1));
    for (size_t n = 1; n < sizeof s; n++) {
        for (size_t at = 0; at < n; at++) {
            memset(s, ' ', sizeof s);
            s[at] = '!';            /* 0x21: the first byte with something to read */
            CHECK(!wn_all_blank(s, n));
            s[at] = (char)0xC3;     /* a UTF-8 lead byte */
            CHECK(!wn_all_blank(s, n));
            s[at] = '\x01';
            CHECK(wn_all_blank(s, n));
        }
    }
}

/* Class-list words: spaces of every HTML kind separate them, runs of them
 * and both ends are skipped, and an absent attribute (NULL, 0) has none
 * (without its guard, clang's UBSan, as in the fuzz build, stops on NULL + 0). */
static void test_next_word(void)
{
    const char *cls = " \tcard  sr-only\n";
    wn_str s = wn_str_make(cls, strlen(cls)), w;
    size_t pos = 0;
    CHECK(wn_str_next_word(s, &pos, &w));
    CHECK_EQ_MEM(w.p, w.n, "card");
    CHECK(wn_str_next_word(s, &pos, &w));
    CHECK_EQ_MEM(w.p, w.n, "sr-only");
    CHECK(!wn_str_next_word(s, &pos, &w));
    CHECK(!wn_str_next_word(s, &pos, &w));
    pos = 0;
    CHECK(!wn_str_next_word(wn_str_make(NULL, 0), &pos, &w));
    CHECK_EQ_INT(pos, 0);
}

int main(void)
{
    RUN(test_ascii_lower_n);
    RUN(test_all_blank);
    RUN(test_next_word);
    RUN(test_arena_alloc_aligned);
    RUN(test_arena_limit);
    RUN(test_arena_big_and_reset);
    RUN(test_arena_realloc_in_place);
    RUN(test_buf_basic);
    RUN(test_buf_cap);
    CHECK_DONE();
}
