/*
 * test_encoding.c: WHATWG labels, encoding sniffing (BOM, override, transport,
 * <meta> prescan, UTF-8 validity fallback) and every decoder. Expected UTF-8
 * bytes were worked out by hand from the code charts (U+xxxx noted beside each).
 */
#include "check.h"

#include <pthread.h>

#include "html/encoding.h"

#define FFFD "\xEF\xBF\xBD"

static const char *label(const char *s)
{
    return wn_encoding_from_label(s, strlen(s));
}

/* Sniff a literal (sizeof - 1 keeps embedded NULs), no override/transport. */
#define SNIFF(lit) sniff_n((lit), sizeof(lit) - 1, NULL, NULL, NULL)

static const char *sniff_n(const char *p, size_t n, const char *ovr, const char *tr, size_t *bom)
{
    size_t b = 99;
    const char *e = wn_encoding_sniff(p, n, ovr, tr, &b);
    if (bom)
        *bom = b;
    return e;
}

/* Decode a literal in enc into a fresh arena and compare with expect. */
#define DECODES(enc, lit, expect) check_decode((enc), (lit), sizeof(lit) - 1, (expect), __LINE__)

static void check_decode(const char *enc, const char *in, size_t n, const char *expect, int line)
{
    wn_arena a;
    const char *out = NULL;
    size_t out_n = 0;

    wn_arena_init(&a, 0);
    if (wn_encoding_decode(&a, enc, in, n, &out, &out_n) != 0) {
        fprintf(stderr, "line %d: decode %s failed\n", line, enc);
        check_cur_failed = 1;
    } else if (out_n != strlen(expect) || memcmp(out, expect, out_n) != 0) {
        size_t i;
        fprintf(stderr, "line %d: decode %s: got", line, enc);
        for (i = 0; i < out_n; i++)
            fprintf(stderr, " %02X", (unsigned char)out[i]);
        fprintf(stderr, "\n  expected");
        for (i = 0; i < strlen(expect); i++)
            fprintf(stderr, " %02X", (unsigned char)expect[i]);
        fprintf(stderr, "\n");
        check_cur_failed = 1;
    }
    wn_arena_fini(&a);
}

/* MARK: threads */

/* The single-byte tables are built on first use; threads racing to that first
 * use must all see complete tables (pthread_once). Run first, before any
 * other test has built them. */
static void *decode_1251(void *arg)
{
    wn_arena a;
    const char *out;
    size_t n, k;
    int *ok = arg;
    unsigned char in[128];
    for (k = 0; k < 128; k++)
        in[k] = (unsigned char)(0xC0 + k % 64);       /* А..я, U+0410..U+044F */
    wn_arena_init(&a, 0);
    *ok = wn_encoding_decode(&a, "windows-1251", (const char *)in, 128, &out, &n) == 0 &&
          n == 256;
    for (k = 0; *ok && k < 128; k++) {
        unsigned cp = 0x410 + (unsigned)(k % 64);
        *ok = (unsigned char)out[2 * k] == (0xC0 | (cp >> 6)) &&
              (unsigned char)out[2 * k + 1] == (0x80 | (cp & 0x3F));
    }
    wn_arena_fini(&a);
    return NULL;
}

static void test_tables_first_use_threads(void)
{
    pthread_t th[4];
    int ok[4] = { 0, 0, 0, 0 }, k;
    for (k = 0; k < 4; k++)
        CHECK(pthread_create(&th[k], NULL, decode_1251, &ok[k]) == 0);
    for (k = 0; k < 4; k++) {
        pthread_join(th[k], NULL);
        CHECK(ok[k]);
    }
}

/* MARK: labels */

static void test_labels_canonical(void)
{
    CHECK_EQ_STR(label("utf-8"), "utf-8");
    CHECK_EQ_STR(label("UTF8"), "utf-8");
    CHECK_EQ_STR(label("unicode-1-1-utf-8"), "utf-8");
    CHECK_EQ_STR(label("latin1"), "windows-1252");
    CHECK_EQ_STR(label("ISO-8859-1"), "windows-1252");
    CHECK_EQ_STR(label("us-ascii"), "windows-1252");
    CHECK_EQ_STR(label("ansi_x3.4-1968"), "windows-1252");
    CHECK_EQ_STR(label("iso-8859-9"), "windows-1254");   /* the spec folds latin5 into 1254 */
    CHECK_EQ_STR(label("tis-620"), "windows-874");
    CHECK_EQ_STR(label("iso-8859-11"), "windows-874");
    CHECK_EQ_STR(label("latin2"), "iso-8859-2");
    CHECK_EQ_STR(label("csisolatincyrillic"), "iso-8859-5");
    CHECK_EQ_STR(label("logical"), "iso-8859-8-i");
    CHECK_EQ_STR(label("visual"), "iso-8859-8");
    CHECK_EQ_STR(label("koi8-ru"), "koi8-u");
    CHECK_EQ_STR(label("koi"), "koi8-r");
    CHECK_EQ_STR(label("x-mac-ukrainian"), "x-mac-cyrillic");
    CHECK_EQ_STR(label("mac"), "macintosh");
    CHECK_EQ_STR(label("Shift_JIS"), "shift_jis");
    CHECK_EQ_STR(label("windows-31j"), "shift_jis");
    CHECK_EQ_STR(label("x-sjis"), "shift_jis");
    CHECK_EQ_STR(label("cseucpkdfmtjapanese"), "euc-jp");
    CHECK_EQ_STR(label("csiso2022jp"), "iso-2022-jp");
    CHECK_EQ_STR(label("gb2312"), "gbk");
    CHECK_EQ_STR(label("GB_2312-80"), "gbk");
    CHECK_EQ_STR(label("gb18030"), "gb18030");
    CHECK_EQ_STR(label("big5-hkscs"), "big5");
    CHECK_EQ_STR(label("ks_c_5601-1987"), "euc-kr");
    CHECK_EQ_STR(label("windows-949"), "euc-kr");
    CHECK_EQ_STR(label("iso-2022-kr"), "replacement");
    CHECK_EQ_STR(label("hz-gb-2312"), "replacement");
    CHECK_EQ_STR(label("utf-16"), "utf-16le");
    CHECK_EQ_STR(label("unicodefffe"), "utf-16be");
    CHECK_EQ_STR(label("x-user-defined"), "x-user-defined");
}

static void test_labels_whitespace_case_unknown(void)
{
    CHECK_EQ_STR(label(" \t\nUtF-8\r\f "), "utf-8");
    CHECK_EQ_STR(wn_encoding_from_label("utf-8garbage", 5), "utf-8");  /* n bounds it */
    CHECK(label("utf 8") == NULL);
    CHECK(label("utf-8x") == NULL);
    CHECK(label("") == NULL);
    CHECK(label("   ") == NULL);
    CHECK(label("utf-7") == NULL);          /* deliberately not supported by the spec */
    CHECK(label("iso-8859-12") == NULL);
    CHECK(label("a-label-far-longer-than-any-real-label") == NULL);
    CHECK(wn_encoding_from_label(NULL, 0) == NULL);
}

/* MARK: BOM, override, transport */

static void test_sniff_bom(void)
{
    size_t bom;
    CHECK_EQ_STR(sniff_n("\xEF\xBB\xBFhi", 5, NULL, NULL, &bom), "utf-8");
    CHECK_EQ_INT(bom, 3);
    CHECK_EQ_STR(sniff_n("\xFE\xFF\0h", 4, NULL, NULL, &bom), "utf-16be");
    CHECK_EQ_INT(bom, 2);
    CHECK_EQ_STR(sniff_n("\xFF\xFEh\0", 4, NULL, NULL, &bom), "utf-16le");
    CHECK_EQ_INT(bom, 2);
    /* The BOM beats the caller's override, the transport and <meta>. */
    CHECK_EQ_STR(sniff_n("\xEF\xBB\xBF<meta charset=koi8-r>", 24, "latin2", "gbk", &bom), "utf-8");
    CHECK_EQ_INT(bom, 3);
    /* No BOM: bom_len is 0. A lone EF BB is no BOM. */
    CHECK_EQ_STR(sniff_n("\xEF\xBB", 2, NULL, NULL, &bom), "windows-1252");
    CHECK_EQ_INT(bom, 0);
    CHECK_EQ_STR(sniff_n("", 0, NULL, NULL, &bom), "utf-8");
    CHECK_EQ_INT(bom, 0);
}

static void test_sniff_override_transport(void)
{
    const char page[] = "<meta charset=iso-8859-5><p>x";
    size_t n = sizeof page - 1;
    CHECK_EQ_STR(sniff_n(page, n, "koi8-r", "gbk", NULL), "koi8-r");
    CHECK_EQ_STR(sniff_n(page, n, NULL, "gbk", NULL), "gbk");
    CHECK_EQ_STR(sniff_n(page, n, " Latin2 ", NULL, NULL), "iso-8859-2");
    /* Unknown labels fall through to the next step. */
    CHECK_EQ_STR(sniff_n(page, n, "bogus", "latin2", NULL), "iso-8859-2");
    CHECK_EQ_STR(sniff_n(page, n, "bogus", "nonsense", NULL), "iso-8859-5");
    CHECK_EQ_STR(sniff_n(page, n, NULL, NULL, NULL), "iso-8859-5");
    /* A transport UTF-16 stays UTF-16 (only <meta> turns it into UTF-8). */
    CHECK_EQ_STR(sniff_n(page, n, NULL, "utf-16", NULL), "utf-16le");
}

/* MARK: <meta> prescan */

static void test_prescan_charset_attr(void)
{
    CHECK_EQ_STR(SNIFF("<meta charset=\"ISO-8859-2\">"), "iso-8859-2");
    CHECK_EQ_STR(SNIFF("<meta charset='koi8-r'>"), "koi8-r");
    CHECK_EQ_STR(SNIFF("<meta charset=koi8-r>"), "koi8-r");
    CHECK_EQ_STR(SNIFF("<META CHARSET=KOI8-R/>"), "utf-8");  /* value "koi8-r/": unknown */
    CHECK_EQ_STR(SNIFF("<META CHARSET=KOI8-R />"), "koi8-r");
    CHECK_EQ_STR(SNIFF("<meta/charset=koi8-r>"), "koi8-r");
    CHECK_EQ_STR(SNIFF("<meta\n  charset = \" shift_jis \" >"), "shift_jis");
    CHECK_EQ_STR(SNIFF("<html><head><title>t</title><meta charset=gb2312>"), "gbk");
    /* First charset attribute wins; a duplicate is ignored. */
    CHECK_EQ_STR(SNIFF("<meta charset=koi8-r charset=iso-8859-5>"), "koi8-r");
    /* "<metal" is another tag; its attributes are skipped. */
    CHECK_EQ_STR(SNIFF("<metal charset=koi8-r><p>caf\xE9"), "windows-1252");
    /* An unknown charset, then the scan moves on to the next <meta>. */
    CHECK_EQ_STR(SNIFF("<meta charset=bogus><meta charset=koi8-r>"), "koi8-r");
    /* Input ending inside the tag: nothing found. */
    CHECK_EQ_STR(SNIFF("<meta charset=koi8-r"), "utf-8");
}

static void test_prescan_http_equiv(void)
{
    CHECK_EQ_STR(SNIFF("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\">"),
                 "windows-1251");
    /* Attribute order does not matter. */
    CHECK_EQ_STR(SNIFF("<meta content=\"text/html; charset=Shift_JIS\" http-equiv=content-type>"),
                 "shift_jis");
    /* content with a charset but no http-equiv=content-type: ignored. */
    CHECK_EQ_STR(SNIFF("<meta content=\"text/html; charset=koi8-r\"><p>caf\xE9"), "windows-1252");
    CHECK_EQ_STR(SNIFF("<meta http-equiv=refresh content=\"0; charset=koi8-r\"><p>caf\xE9"),
                 "windows-1252");
    /* Quoted, spaced and repeated "charset" inside content. */
    CHECK_EQ_STR(SNIFF("<meta http-equiv=content-type content=\"text/html; charset='euc-jp'\">"),
                 "euc-jp");
    CHECK_EQ_STR(SNIFF("<meta http-equiv=content-type content=\"charset = big5 ; x\">"), "big5");
    CHECK_EQ_STR(SNIFF("<meta http-equiv=content-type content=\"charsetx; charset=gbk\">"), "gbk");
    CHECK_EQ_STR(SNIFF("<meta http-equiv=content-type content=\"text/html; CHARSET=EUC-KR\">"),
                 "euc-kr");
    /* An unmatched quote yields nothing. */
    CHECK_EQ_STR(SNIFF("<meta http-equiv=content-type content=\"charset='koi8-r\"><p>\xE9"),
                 "windows-1252");
    /* A charset attribute after content overrides it and needs no pragma. */
    CHECK_EQ_STR(SNIFF("<meta content=\"charset=koi8-r\" charset=iso-8859-5>"), "iso-8859-5");
}

static void test_prescan_special_charsets(void)
{
    /* <meta> saying UTF-16 means UTF-8 (the bytes are ASCII-compatible). */
    CHECK_EQ_STR(SNIFF("<meta charset=utf-16><p>caf\xE9"), "utf-8");
    CHECK_EQ_STR(SNIFF("<meta charset=utf-16be>"), "utf-8");
    CHECK_EQ_STR(SNIFF("<meta charset=x-user-defined>"), "windows-1252");
    CHECK_EQ_STR(SNIFF("<meta charset=iso-2022-kr>"), "replacement");
}

static void test_prescan_skips_comments_and_tags(void)
{
    CHECK_EQ_STR(SNIFF("<!-- <meta charset=koi8-r> --><meta charset=iso-8859-5>"), "iso-8859-5");
    /* The dashes of "<!--" count: "<!-->" is a whole comment. */
    CHECK_EQ_STR(SNIFF("<!--><meta charset=koi8-r>"), "koi8-r");
    CHECK_EQ_STR(SNIFF("<!---><meta charset=koi8-r>"), "koi8-r");
    /* A comment that never closes hides everything after it. */
    CHECK_EQ_STR(SNIFF("<!-- <meta charset=koi8-r> -- >"), "utf-8");
    /* "<meta" inside another tag's attribute value is not a tag. */
    CHECK_EQ_STR(SNIFF("<div title='<meta charset=koi8-r>'><meta charset=iso-8859-7>"),
                 "iso-8859-7");
    CHECK_EQ_STR(SNIFF("<div title=\"x>\" <meta charset=koi8-r>><meta charset=iso-8859-7>"),
                 "iso-8859-7");
    /* <!DOCTYPE>, <?xml?> and end tags are skipped to their '>'. */
    CHECK_EQ_STR(SNIFF("<?xml version='1.0' encoding='koi8-r'?><!DOCTYPE html></head x='<meta charset=gbk>'><meta charset=big5>"),
                 "big5");
}

static void test_prescan_past_1024(void)
{
    /* 3,000 bytes of markup, then the <meta>: found by our extended prescan. */
    char page[4096];
    size_t n = 0;
    while (n < 3000) {
        memcpy(page + n, "<p>filler</p>\n", 14);
        n += 14;
    }
    n += (size_t)sprintf(page + n, "<meta charset=koi8-r>");
    CHECK_EQ_STR(sniff_n(page, n, NULL, NULL, NULL), "koi8-r");

    /* One within 1024 bytes wins over a later one. */
    {
        char p2[4096];
        size_t m = (size_t)sprintf(p2, "<meta charset=iso-8859-5>");
        memcpy(p2 + m, page, n);
        CHECK_EQ_STR(sniff_n(p2, m + n, NULL, NULL, NULL), "iso-8859-5");
    }

    /* A <meta> that starts before byte 1024 and ends after it: the spec's
     * 1024-byte prescan misses it, our extended one finds it. */
    {
        char p3[2048];
        size_t m = 0;
        while (m < 1010) {
            memcpy(p3 + m, "<b>x</b>\n", 9);
            m += 9;
        }
        m += (size_t)sprintf(p3 + m, "<meta http-equiv=content-type content='text/html; charset=koi8-r'>");
        CHECK(m > 1024);
        CHECK_EQ_STR(sniff_n(p3, m, NULL, NULL, NULL), "koi8-r");
        CHECK_EQ_STR(sniff_n(p3, 1024, NULL, NULL, NULL), "utf-8");   /* cut: not found */
    }

    /* Beyond 64 KiB nothing is looked at: default by UTF-8 validity. */
    {
        size_t big = 70 * 1024, k = 0;
        char *q = malloc(big + 64);
        while (k + 14 <= big) {
            memcpy(q + k, "<p>filler</p>\n", 14);
            k += 14;
        }
        k += (size_t)sprintf(q + k, "<meta charset=koi8-r>\xE9 end");
        CHECK_EQ_STR(sniff_n(q, k, NULL, NULL, NULL), "windows-1252");
        free(q);
    }
}

/* MARK: mislabelled UTF-8 */

static void test_sniff_mislabelled_utf8(void)
{
    /* <meta> says gb2312, the bytes are UTF-8 Chinese (中文): UTF-8 wins. */
    CHECK_EQ_STR(SNIFF("<meta charset=gb2312><p>\xE4\xB8\xAD\xE6\x96\x87"), "utf-8");
    CHECK_EQ_STR(SNIFF("<meta http-equiv=content-type content='text/html; charset=iso-8859-1'>caf\xC3\xA9"),
                 "utf-8");
    /* HTTP says ISO-8859-1 (a common server default) for UTF-8 bytes. */
    CHECK_EQ_STR(sniff_n("caf\xC3\xA9", 5, NULL, "iso-8859-1", NULL), "utf-8");
    /* The caller's override is obeyed all the same. */
    CHECK_EQ_STR(sniff_n("caf\xC3\xA9", 5, "latin1", NULL, NULL), "windows-1252");
    /* Real legacy bytes, or ASCII only: the declaration stands. */
    CHECK_EQ_STR(SNIFF("<meta charset=windows-1252><p>caf\xE9"), "windows-1252");
    CHECK_EQ_STR(SNIFF("<meta charset=koi8-r><p>ascii only"), "koi8-r");
    CHECK_EQ_STR(SNIFF("<meta charset=gb2312><p>\xD6\xD0\xCE\xC4"), "gbk");
    /* UTF-16 and replacement declarations are not "legacy" here. */
    CHECK_EQ_STR(sniff_n("caf\xC3\xA9", 5, NULL, "utf-16be", NULL), "utf-16be");
    CHECK_EQ_STR(SNIFF("<meta charset=iso-2022-kr>caf\xC3\xA9"), "replacement");
}

/* MARK: default by UTF-8 validity */

static void test_sniff_default(void)
{
    CHECK_EQ_STR(SNIFF("<p>plain ascii"), "utf-8");
    CHECK_EQ_STR(SNIFF("<p>caf\xC3\xA9"), "utf-8");
    CHECK_EQ_STR(SNIFF("<p>caf\xE9"), "windows-1252");
    CHECK_EQ_STR(SNIFF("<p>\xC3\xA9 \xC3"), "utf-8");        /* cut 2-byte char at the end */
    CHECK_EQ_STR(SNIFF("<p>\xC3\xA9\xE2\x82"), "utf-8");     /* cut 3-byte char (U+20AC) */
    CHECK_EQ_STR(SNIFF("<p>\xC3\xA9\xF0\x9F\x98"), "utf-8"); /* cut 4-byte char (U+1F600) */
    /* A cut character with no UTF-8 before it: more likely windows-1252. */
    CHECK_EQ_STR(SNIFF("<p>\xE2\x82"), "windows-1252");
    CHECK_EQ_STR(SNIFF("<p>caf\xE9"), "windows-1252");
    CHECK_EQ_STR(SNIFF("<p>\xC3 x"), "windows-1252");        /* cut in the middle */
    CHECK_EQ_STR(SNIFF("<p>\xE0\x80"), "windows-1252");      /* overlong even when cut */
    CHECK_EQ_STR(SNIFF("<p>\xED\xA0\x80"), "windows-1252");  /* surrogate D800 */
    CHECK_EQ_STR(SNIFF("<p>\xC0\xAF"), "windows-1252");      /* overlong '/' */
}

/* MARK: UTF-8 decoding */

static void test_utf8_valid_no_copy(void)
{
    wn_arena a;
    const char in[] = "0123456789abcdef0123456789 caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 end";
    const char *out = NULL;
    size_t n = 0;
    wn_arena_init(&a, 0);
    CHECK(wn_encoding_decode(&a, "utf-8", in, sizeof in - 1, &out, &n) == 0);
    CHECK(out == in);
    CHECK_EQ_INT(n, sizeof in - 1);
    CHECK_EQ_INT(wn_arena_used(&a), 0);
    wn_arena_fini(&a);
}

static void test_utf8_malformed(void)
{
    DECODES("utf-8", "a\x80" "b", "a" FFFD "b");            /* lone continuation */
    DECODES("utf-8", "\xC0\xAF", FFFD FFFD);                /* C0 never starts a char */
    DECODES("utf-8", "\xC1\xBF", FFFD FFFD);
    DECODES("utf-8", "\xFF\xFE", FFFD FFFD);
    DECODES("utf-8", "\xE2\x82x", FFFD "x");                /* maximal subpart E2 82 */
    DECODES("utf-8", "\xE2x\x82", FFFD "x" FFFD);
    DECODES("utf-8", "\xED\xA0\x80", FFFD FFFD FFFD);       /* surrogate: ED then A0 80 */
    DECODES("utf-8", "\xE0\x9F\x80", FFFD FFFD FFFD);       /* overlong 3-byte */
    DECODES("utf-8", "\xF0\x8F\xBF\xBF", FFFD FFFD FFFD FFFD);
    DECODES("utf-8", "\xF4\x90\x80\x80", FFFD FFFD FFFD FFFD); /* above U+10FFFF */
    DECODES("utf-8", "\xF0\x9F\x98x", FFFD "x");
    DECODES("utf-8", "\xF8\x88\x80\x80\x80", FFFD FFFD FFFD FFFD FFFD);
    /* Valid characters around the damage survive: U+00E9, U+20AC, U+1F600. */
    DECODES("utf-8", "\xC3\xA9\x80\xE2\x82\xAC\xF0\x9F\x98\x80",
            "\xC3\xA9" FFFD "\xE2\x82\xAC\xF0\x9F\x98\x80");
    /* Damage after a long ASCII run (the 16-byte fast path). */
    DECODES("utf-8", "0123456789abcdef0123456789abcdef\xFFz",
            "0123456789abcdef0123456789abcdef" FFFD "z");
}

static void test_utf8_truncated_end(void)
{
    DECODES("utf-8", "ab\xC3", "ab" FFFD);
    DECODES("utf-8", "ab\xE2\x82", "ab" FFFD);
    DECODES("utf-8", "ab\xF0\x9F\x98", "ab" FFFD);
    DECODES("utf-8", "\xF0", FFFD);
}

static void test_utf8_nul_kept(void)
{
    wn_arena a;
    const char in[] = "a\0b\xFF";
    const char *out;
    size_t n;
    wn_arena_init(&a, 0);
    CHECK(wn_encoding_decode(&a, "utf-8", in, 4, &out, &n) == 0);
    CHECK_EQ_INT(n, 6);
    CHECK(memcmp(out, "a\0b" FFFD, 6) == 0);
    wn_arena_fini(&a);
}

/* MARK: UTF-16 */

static void test_utf16(void)
{
    DECODES("utf-16le", "A\0\xE9\0", "A\xC3\xA9");                   /* U+0041 U+00E9 */
    DECODES("utf-16be", "\0A\x20\xAC", "A\xE2\x82\xAC");             /* U+20AC */
    DECODES("utf-16le", "\x3D\xD8\x00\xDE", "\xF0\x9F\x98\x80");     /* D83D DE00 = U+1F600 */
    DECODES("utf-16be", "\xD8\x3D\xDE\x00", "\xF0\x9F\x98\x80");
    DECODES("utf-16le", "\x3D\xD8", FFFD);                            /* lead at the end */
    DECODES("utf-16le", "\x3D\xD8" "A\0", FFFD "A");                 /* lead, then not a trail */
    DECODES("utf-16le", "\x3D\xD8\x3D\xD8\x00\xDE", FFFD "\xF0\x9F\x98\x80");
    DECODES("utf-16le", "\x00\xDE" "A\0", FFFD "A");                 /* lone trail */
    DECODES("utf-16le", "A\0B", "A" FFFD);                           /* odd byte at the end */
    DECODES("utf-16le", "\x3D\xD8X", FFFD);                          /* both pending: one U+FFFD */
    DECODES("utf-16", "h\0i\0", "hi");                               /* label accepted too */
}

/* MARK: single-byte */

static void test_windows_1252(void)
{
    DECODES("windows-1252", "\x80", "\xE2\x82\xAC");                  /* U+20AC */
    DECODES("windows-1252", "\x93q\x94", "\xE2\x80\x9Cq\xE2\x80\x9D"); /* U+201C U+201D */
    DECODES("windows-1252", "caf\xE9", "caf\xC3\xA9");                /* U+00E9 */
    DECODES("windows-1252", "\x81\x8D\x8F\x90\x9D", "\xC2\x81\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D");
    DECODES("windows-1252", "\x9F\xA0\xFF", "\xC5\xB8\xC2\xA0\xC3\xBF"); /* U+0178 U+00A0 U+00FF */
    DECODES("windows-1252", "\x96\x97\x85", "\xE2\x80\x93\xE2\x80\x94\xE2\x80\xA6");
    DECODES("windows-1252", "0123456789abcdef\x99", "0123456789abcdef\xE2\x84\xA2"); /* U+2122 */
    DECODES("latin1", "\xE9", "\xC3\xA9");    /* a label decodes as its encoding */
    DECODES("WINDOWS-1252", "\x80", "\xE2\x82\xAC");
    DECODES("UTF-8", "\xC3\xA9\xFF", "\xC3\xA9" FFFD);
    DECODES("no-such-encoding", "\x80", "\xE2\x82\xAC");  /* unknown: windows-1252 */
}

static void test_other_single_byte(void)
{
    /* KOI8-R: 0xC1 U+0430, 0xD0 U+043F, 0xE1 U+0410, 0xF0 U+041F, 0xC0 U+044E */
    DECODES("koi8-r", "\xC1\xD0\xE1\xF0\xC0", "\xD0\xB0\xD0\xBF\xD0\x90\xD0\x9F\xD1\x8E");
    /* KOI8-U: 0xA4 U+0454, 0xAE U+045E, 0xBE U+040E (the spec's two Belarusian
     * letters), 0x93 U+2320 (box drawing kept from KOI8-U) */
    DECODES("koi8-u", "\xA4\xAE\xBE\x93", "\xD1\x94\xD1\x9E\xD0\x8E\xE2\x8C\xA0");
    /* macintosh 0xC6 U+2206, 0xF0 U+F8FF; x-mac-cyrillic 0xFF U+20AC */
    DECODES("macintosh", "\xC6\xF0", "\xE2\x88\x86\xEF\xA3\xBF");
    DECODES("x-mac-cyrillic", "\xFF", "\xE2\x82\xAC");
    /* windows-1255 0xCA U+05BA */
    DECODES("windows-1255", "\xCA", "\xD6\xBA");
    /* windows-1258: letters that glibc would hold for composition decode alone:
     * 0xC0 U+00C0, 0x83 U+0192, then 0xEC U+0301 stays a separate accent */
    DECODES("windows-1258", "\xC0\x83" "a\xEC", "\xC3\x80\xC6\x92" "a\xCC\x81");
    /* windows-1251: 0xC0 U+0410, 0xFF U+044F, 0xA8 U+0401 */
    DECODES("windows-1251", "\xC0\xFF\xA8", "\xD0\x90\xD1\x8F\xD0\x81");
    /* ISO-8859-2: 0xB1 U+0105, 0xA3 U+0141, 0x80 U+0080 */
    DECODES("iso-8859-2", "\xB1\xA3\x80", "\xC4\x85\xC5\x81\xC2\x80");
    /* ISO-8859-15: 0xA4 U+20AC */
    DECODES("iso-8859-15", "\xA4", "\xE2\x82\xAC");
    /* ISO-8859-5: 0xB0 U+0410 */
    DECODES("iso-8859-5", "\xB0", "\xD0\x90");
    /* ISO-8859-7: 0xC1 U+0391 */
    DECODES("iso-8859-7", "\xC1", "\xCE\x91");
    /* ISO-8859-8 and -8-i: 0xE0 U+05D0 */
    DECODES("iso-8859-8", "\xE0", "\xD7\x90");
    DECODES("iso-8859-8-i", "\xE0", "\xD7\x90");
    /* windows-1250: 0x8A U+0160; 0x81 unmapped in 0x80..0x9F -> U+0081 */
    DECODES("windows-1250", "\x8A\x81", "\xC5\xA0\xC2\x81");
    /* windows-1253: 0xAA is a hole outside 0x80..0x9F -> U+FFFD */
    DECODES("windows-1253", "\xAA\xC1", FFFD "\xCE\x91");
    /* windows-1254: 0xF0 U+011F */
    DECODES("windows-1254", "\xF0", "\xC4\x9F");
    /* windows-874: 0xA1 U+0E01 */
    DECODES("windows-874", "\xA1", "\xE0\xB8\x81");
    /* ibm866: 0x80 U+0410 */
    DECODES("ibm866", "\x80", "\xD0\x90");
    /* macintosh: 0x80 U+00C4 */
    DECODES("macintosh", "\x80", "\xC3\x84");
    /* x-mac-cyrillic: 0x80 U+0410 */
    DECODES("x-mac-cyrillic", "\x80", "\xD0\x90");
    /* x-user-defined: 0x80 U+F780, 0xFF U+F7FF */
    DECODES("x-user-defined", "a\x80\xFF", "a\xEF\x9E\x80\xEF\x9F\xBF");
}

/* MARK: multi-byte (iconv) */

static void test_japanese(void)
{
    /* 日本 = U+65E5 U+672C */
    DECODES("shift_jis", "\x93\xFA\x96\x7Bx", "\xE6\x97\xA5\xE6\x9C\xACx");
    DECODES("shift_jis", "\xB1", "\xEF\xBD\xB1");                 /* half-width U+FF71 */
    DECODES("shift_jis", "\x87\x40", "\xE2\x91\xA0");             /* NEC row 13: U+2460 */
    DECODES("shift_jis", "\x81 a", FFFD " a");                    /* bad trail: ASCII reread */
    DECODES("shift_jis", "a\x93", "a" FFFD);                      /* cut at the end */
    DECODES("euc-jp", "\xC6\xFC\xCB\xDC", "\xE6\x97\xA5\xE6\x9C\xAC");
    DECODES("euc-jp", "\xC6", FFFD);
    DECODES("iso-2022-jp", "\x1B$B\x46\x7C\x4B\x5C\x1B(Bx", "\xE6\x97\xA5\xE6\x9C\xACx");
}

static void test_chinese_korean(void)
{
    /* 中文 = U+4E2D U+6587 */
    DECODES("gbk", "\xD6\xD0\xCE\xC4", "\xE4\xB8\xAD\xE6\x96\x87");
    DECODES("gb18030", "\xD6\xD0\xCE\xC4", "\xE4\xB8\xAD\xE6\x96\x87");
    DECODES("gb18030", "\x81\x30\x81\x30", "\xC2\x80");          /* four-byte form: U+0080 */
    DECODES("big5", "\xA4\xA4\xA4\xE5", "\xE4\xB8\xAD\xE6\x96\x87");
    /* 한국 = U+D55C U+AD6D; 0x81 0x41 (UHC extension) = U+AC02 */
    DECODES("euc-kr", "\xC7\xD1\xB1\xB9", "\xED\x95\x9C\xEA\xB5\xAD");
    DECODES("euc-kr", "\x81\x41", "\xEA\xB0\x82");
    DECODES("euc-kr", "\xFF" "a", FFFD "a");
}

static void test_iconv_large(void)
{
    /* 100,000 copies of 中 in GBK: the scratch buffer must grow correctly. */
    size_t k, reps = 100000;
    char *in = malloc(reps * 2);
    wn_arena a;
    const char *out;
    size_t n;
    int ok = 1;
    for (k = 0; k < reps; k++)
        memcpy(in + 2 * k, "\xD6\xD0", 2);
    wn_arena_init(&a, 0);
    CHECK(wn_encoding_decode(&a, "gbk", in, reps * 2, &out, &n) == 0);
    CHECK_EQ_INT(n, reps * 3);
    for (k = 0; k < reps && ok; k++)
        ok = memcmp(out + 3 * k, "\xE4\xB8\xAD", 3) == 0;
    CHECK(ok);
    wn_arena_fini(&a);
    free(in);
}

/* MARK: edge cases */

static void test_replacement_and_empty(void)
{
    DECODES("replacement", "anything at all", FFFD);
    DECODES("replacement", "", "");
    DECODES("utf-8", "", "");
    DECODES("shift_jis", "", "");
    DECODES("utf-16le", "", "");
}

static void test_arena_limit(void)
{
    wn_arena a;
    const char *out;
    size_t n;
    char in[1000];
    memset(in, 0xE9, sizeof in);          /* 1000 bytes -> 2000 bytes of UTF-8 */
    wn_arena_init(&a, 1024);
    CHECK(wn_encoding_decode(&a, "windows-1252", in, sizeof in, &out, &n) == -1);
    CHECK(wn_encoding_decode(&a, "utf-8", in, sizeof in, &out, &n) == -1);     /* 3000 bytes */
    CHECK(wn_encoding_decode(&a, "utf-16le", in, sizeof in, &out, &n) == -1);  /* 1500 bytes */
    memset(in, 0xB0, sizeof in);          /* EUC-KR 0xB0 0xB0 = U+AC00: 500 x 3 bytes */
    CHECK(wn_encoding_decode(&a, "euc-kr", in, sizeof in, &out, &n) == -1);
    CHECK(wn_encoding_decode(&a, "windows-1252", in, 500, &out, &n) == 0);      /* 1000 bytes */
    CHECK_EQ_INT(n, 1000);
    wn_arena_fini(&a);
}

int main(void)
{
    RUN(test_tables_first_use_threads);
    RUN(test_labels_canonical);
    RUN(test_labels_whitespace_case_unknown);
    RUN(test_sniff_bom);
    RUN(test_sniff_override_transport);
    RUN(test_prescan_charset_attr);
    RUN(test_prescan_http_equiv);
    RUN(test_prescan_special_charsets);
    RUN(test_prescan_skips_comments_and_tags);
    RUN(test_prescan_past_1024);
    RUN(test_sniff_mislabelled_utf8);
    RUN(test_sniff_default);
    RUN(test_utf8_valid_no_copy);
    RUN(test_utf8_malformed);
    RUN(test_utf8_truncated_end);
    RUN(test_utf8_nul_kept);
    RUN(test_utf16);
    RUN(test_windows_1252);
    RUN(test_other_single_byte);
    RUN(test_japanese);
    RUN(test_chinese_korean);
    RUN(test_iconv_large);
    RUN(test_replacement_and_empty);
    RUN(test_arena_limit);
    CHECK_DONE();
}
