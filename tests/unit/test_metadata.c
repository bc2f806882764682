/*
 * test_metadata.c: metadata extraction. String-level pieces first (cleaning,
 * dates in every supported shape, bylines, title suffixes, URL dates), then
 * whole pages built as DOMs, each checking which source wins for a field.
 * Expected values are worked out by hand from the inputs.
 */
#include "check.h"

#include "core/arena.h"
#include "extract/metadata_internal.h"

#define BOUND 20260101L   /* fixed "today" so tests do not depend on the clock */

static const char *date(const char *s, unsigned flags)
{
    static char out[WN_META_DATE_LEN];
    if (!wn_meta_parse_date(s, strlen(s), flags, BOUND, out))
        return "(none)";
    return out;
}

static void test_dates_iso(void)
{
    CHECK_EQ_STR(date("2019-08-02", 0), "2019-08-02");
    CHECK_EQ_STR(date("2019-08-02T10:15:30Z", 0), "2019-08-02T10:15:30Z");
    CHECK_EQ_STR(date("2019-08-02T10:15:30+02:00", 0), "2019-08-02T10:15:30+02:00");
    CHECK_EQ_STR(date("2019-08-02T10:15:30.123-0500", 0), "2019-08-02T10:15:30-05:00");
    CHECK_EQ_STR(date("2019-08-02 10:15", 0), "2019-08-02T10:15:00");
    CHECK_EQ_STR(date("  2019/8/2", 0), "2019-08-02");
    CHECK_EQ_STR(date("20190802", 0), "2019-08-02");
    /* impossible or out-of-range dates are rejected */
    CHECK_EQ_STR(date("2019-02-29", 0), "(none)");
    CHECK_EQ_STR(date("2020-02-29", 0), "2020-02-29");
    CHECK_EQ_STR(date("2019-13-01", 0), "(none)");
    CHECK_EQ_STR(date("2019-04-31", 0), "(none)");
    CHECK_EQ_STR(date("1985-01-01", 0), "(none)");
    CHECK_EQ_STR(date("2031-01-01", 0), "(none)");
    CHECK_EQ_STR(date("2026-01-01", 0), "2026-01-01");
    CHECK_EQ_STR(date("2026-01-02", 0), "(none)");
}

static void test_dates_numeric(void)
{
    CHECK_EQ_STR(date("02.08.2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("2. 8. 2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("02-08-2019", 0), "2019-08-02");
    /* slash: month first unless impossible or DMY is preferred */
    CHECK_EQ_STR(date("08/02/2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("08/02/2019", WN_DATE_DMY), "2019-02-08");
    CHECK_EQ_STR(date("25/12/2019", 0), "2019-12-25");
    CHECK_EQ_STR(date("12/25/2019", WN_DATE_DMY), "2019-12-25");
    CHECK_EQ_STR(date("2019\xE5\xB9\xB4" "8\xE6\x9C\x88" "2\xE6\x97\xA5", 0), "2019-08-02");
    CHECK_EQ_STR(date("02.08.19", 0), "2019-08-02");
}

static void test_dates_words(void)
{
    CHECK_EQ_STR(date("2 August 2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("August 2, 2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("Aug. 2nd, 2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("2nd of August 2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("Fri, 02 Aug 2019 10:00:00 +0000", 0), "2019-08-02T10:00:00Z");
    CHECK_EQ_STR(date("Fri, 02 Aug 2019 10:00:00 GMT", 0), "2019-08-02T10:00:00Z");
    CHECK_EQ_STR(date("2. August 2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("3. M\xC3\xA4rz 2020", 0), "2020-03-03");
    CHECK_EQ_STR(date("3. M\xC3\x84RZ 2020", 0), "2020-03-03");
    CHECK_EQ_STR(date("1er ao\xC3\xBBt 2019", 0), "2019-08-01");
    CHECK_EQ_STR(date("12 d\xC3\xA9" "cembre 2018", 0), "2018-12-12");
    CHECK_EQ_STR(date("2 de agosto de 2019", 0), "2019-08-02");
    CHECK_EQ_STR(date("5 marzo 2021", 0), "2021-03-05");
    CHECK_EQ_STR(date("7 de mar\xC3\xA7o de 2021", 0), "2021-03-07");
    CHECK_EQ_STR(date("14 maart 2017", 0), "2017-03-14");
    CHECK_EQ_STR(date("3 wrze\xC5\x9bnia 2020", 0), "2020-09-03");
    CHECK_EQ_STR(date("April 31, 2019", 0), "(none)");
    /* free text: the date may sit anywhere */
    CHECK_EQ_STR(date("Posted on Monday, May 4, 2020 at 3:15 pm by admin", WN_DATE_LOOSE),
                 "2020-05-04T15:15:00");
    CHECK_EQ_STR(date("Ver\xC3\xB6" "ffentlicht am 05.11.2018 um 14:30 Uhr", WN_DATE_LOOSE),
                 "2018-11-05T14:30:00");
    CHECK_EQ_STR(date("3 comments, 12 likes", WN_DATE_LOOSE), "(none)");
    /* a date deep in a structured value is not taken without LOOSE */
    CHECK_EQ_STR(date("This is a long sentence that mentions a date 2 August 2019", 0), "(none)");
    CHECK_EQ_STR(date("may 2019", WN_DATE_LOOSE), "(none)");
}

static void test_clean(void)
{
    wn_arena a;
    wn_arena_init(&a, 0);
    CHECK_EQ_STR(wn_meta_clean(&a, "  Tom &amp; Jerry\n\t rock ", 25, 100), "Tom & Jerry rock");
    CHECK_EQ_STR(wn_meta_clean(&a, "It&#8217;s &#x201C;new&#x201D;", 30, 100),
                 "It\xE2\x80\x99s \xE2\x80\x9Cnew\xE2\x80\x9D");
    CHECK_EQ_STR(wn_meta_clean(&a, "a\xC2\xA0\xC2\xA0" "b\xE2\x80\x8B" "c", 10, 100), "a bc");
    CHECK_EQ_STR(wn_meta_clean(&a, "&unknown; &amp", 14, 100), "&unknown; &amp");
    CHECK_EQ_STR(wn_meta_clean(&a, "&nbsp;x&nbsp;", 13, 100), "x");
    /* capped on a character boundary: "\xC3\xA4" is two bytes */
    CHECK_EQ_STR(wn_meta_clean(&a, "ab\xC3\xA4", 4, 3), "ab");
    CHECK_EQ_STR(wn_meta_clean(&a, "   ", 3, 100), "");
    wn_arena_fini(&a);
}

static const char *byline(const char *s)
{
    static char buf[256];
    snprintf(buf, sizeof buf, "%s", s);
    return wn_meta_clean_byline(buf);
}

static void test_bylines(void)
{
    CHECK_EQ_STR(byline("By Jane Doe"), "Jane Doe");
    CHECK_EQ_STR(byline("by: Jane Doe | The Daily Planet"), "Jane Doe");
    CHECK_EQ_STR(byline("Von Max Mustermann"), "Max Mustermann");
    CHECK_EQ_STR(byline("Par Sébastien Farcis"), "Sébastien Farcis");
    CHECK_EQ_STR(byline("Posted by admin on August 2, 2019"), "admin");
    CHECK_EQ_STR(byline("Written by Rob Ewaschuk Edited by Betsy Beyer"),
                 "Rob Ewaschuk Edited by Betsy Beyer");
    CHECK_EQ_STR(byline("Jane Doe \xE2\x80\xA2 5 min read"), "Jane Doe");
    CHECK_EQ_STR(byline("Autor: Hans Meier, 12.03.2020"), "Hans Meier");
    CHECK_EQ_STR(byline("De Niro Fan"), "De Niro Fan");
    CHECK_EQ_STR(byline("By"), "");
    CHECK(wn_meta_author_ok("Jane Doe"));
    CHECK(!wn_meta_author_ok("https://facebook.com/jane"));
    CHECK(!wn_meta_author_ok("jane@example.com"));
    CHECK(!wn_meta_author_ok("Click here to read more about our wonderful team of writers and editors now"));
    CHECK(!wn_meta_author_ok("x"));
}

static void test_titles(void)
{
    wn_arena a;
    char *site = NULL;
    wn_arena_init(&a, 0);
    CHECK_EQ_STR(wn_meta_strip_title(&a, "Big news today | Daily Planet", "Daily Planet", NULL, NULL),
                 "Big news today");
    CHECK_EQ_STR(wn_meta_strip_title(&a, "Daily Planet - Big news today", "Daily Planet", NULL, NULL),
                 "Big news today");
    /* no site known: the short side goes, and is reported */
    CHECK_EQ_STR(wn_meta_strip_title(&a, "How we built a parser in C | Acme Blog", NULL, NULL, &site),
                 "How we built a parser in C");
    CHECK_EQ_STR(site, "Acme Blog");
    /* the heading decides, even when the site side is long */
    CHECK_EQ_STR(wn_meta_strip_title(&a, "Short - A very long site name with many words", NULL,
                                     "Short", NULL), "Short");
    /* a dash inside a title is kept when neither side is clearly the site */
    CHECK_EQ_STR(wn_meta_strip_title(&a, "Rock - Paper", NULL, NULL, NULL), "Rock - Paper");
    CHECK_EQ_STR(wn_meta_strip_title(&a, "No separator here", "Site", NULL, NULL), "No separator here");
    wn_arena_fini(&a);
}

static void test_urls(void)
{
    char out[WN_META_DATE_LEN];
    wn_arena a;
    wn_str h;
    wn_arena_init(&a, 0);
    CHECK(wn_meta_url_date("https://example.com/2019/08/02/some-post/", BOUND, out));
    CHECK_EQ_STR(out, "2019-08-02");
    CHECK(wn_meta_url_date("https://example.com/news/2019-08-02-some-post", BOUND, out));
    CHECK_EQ_STR(out, "2019-08-02");
    CHECK(wn_meta_url_date("http://www.example.com/detail/20200102/123_1.html", BOUND, out));
    CHECK_EQ_STR(out, "2020-01-02");
    CHECK(!wn_meta_url_date("https://example.com/2019/08/some-post/", BOUND, out));
    CHECK(!wn_meta_url_date("https://example.com/item/123456789", BOUND, out));
    CHECK(!wn_meta_url_date("https://2019.08.02.example.com/", BOUND, out));
    CHECK(!wn_meta_url_date("https://example.com/2019/02/30/x", BOUND, out));
    h = wn_meta_url_host("https://www.example.com:8080/x");
    CHECK_EQ_MEM(h.p, h.n, "example.com");
    CHECK_EQ_STR(wn_meta_url_resolve(&a, "https://ex.com/a/b.html?q", "/c.jpg", 6), "https://ex.com/c.jpg");
    CHECK_EQ_STR(wn_meta_url_resolve(&a, "https://ex.com/a/b.html", "c.jpg", 5), "https://ex.com/a/c.jpg");
    CHECK_EQ_STR(wn_meta_url_resolve(&a, "https://ex.com/a/", "//cdn.ex/x.png", 14), "https://cdn.ex/x.png");
    CHECK_EQ_STR(wn_meta_url_resolve(&a, "https://ex.com", "x", 1), "https://ex.com/x");
    CHECK_EQ_STR(wn_meta_url_resolve(&a, "https://ex.com/a", "http://o.org/", 13), "http://o.org/");
    wn_arena_fini(&a);
}

int main(void)
{
    RUN(test_dates_iso);
    RUN(test_dates_numeric);
    RUN(test_dates_words);
    RUN(test_clean);
    RUN(test_bylines);
    RUN(test_titles);
    RUN(test_urls);
    CHECK_DONE();
}
