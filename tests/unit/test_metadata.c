/*
 * test_metadata.c: metadata extraction. String-level pieces first (cleaning,
 * dates in every supported shape, bylines, title suffixes, URL dates), then
 * whole pages parsed from HTML strings, each checking which source wins for a
 * field.
 * Expected values are worked out by hand from the inputs.
 */
#include "check.h"

#include <time.h>

#include "core/arena.h"
#include "core/buf.h"
#include "dom/dom.h"
#include "extract/meta/meta.h"
#include "extract/meta/meta_internal.h"
#include "extract/signals/lexicon_data.h"
#include "html/parser.h"

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
    CHECK_EQ_STR(date("15 \xD0\xB0\xD0\xB2\xD0\xB3\xD1\x83\xD1\x81\xD1\x82\xD0\xB0 2016, 13:43", 0),
                 "2016-08-15T13:43:00");   /* 15 августа 2016 */
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

/* wn_meta_script_date finds a key by its "ublish" first: every key of the
 * lexicon's script_date_key role must hold it, or the key is never read. */
static void test_script_date_keys_hold_ublish(void)
{
    for (size_t k = 0; k < WN_LEX_SCRIPT_DATE_KEY_N; k++)
        CHECK(strstr(wn_lex_script_date_key[k], "ublish") != NULL);
    char d[WN_META_DATE_LEN];
    CHECK(wn_meta_script_date("{\"first_publish_date\":\"2019-03-02\"}", 35, 20991231, d));
    CHECK_EQ_STR(d, "2019-03-02");
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
    /* every name of the HTML standard's table, not a hand-picked few: "&hearts;"
     * and "&frac12;" (a digit in the name) were once left as written */
    CHECK_EQ_STR(wn_meta_clean(&a, "I &hearts; &frac12; &Eacute;t&eacute;", 37, 100),
                 "I \xE2\x99\xA5 \xC2\xBD \xC3\x89t\xC3\xA9");
    /* one that stands for two code points is left as written */
    CHECK_EQ_STR(wn_meta_clean(&a, "&NotEqualTilde;", 15, 100), "&NotEqualTilde;");
    /* capped on a character boundary: "\xC3\xA4" is two bytes */
    CHECK_EQ_STR(wn_meta_clean(&a, "ab\xC3\xA4", 4, 3), "ab");
    CHECK_EQ_STR(wn_meta_clean(&a, "   ", 3, 100), "");
    /* escaped twice ("&amp;#8230;", as JSON-LD templates write): one more
     * level is decoded; "&amp;" before no reference stays an ampersand */
    CHECK_EQ_STR(wn_meta_clean(&a, "And so&amp;#8230; on", 20, 100), "And so\xE2\x80\xA6 on");
    CHECK_EQ_STR(wn_meta_clean(&a, "R&amp;amp;D", 11, 100), "R&D");
    CHECK_EQ_STR(wn_meta_clean(&a, "Salt &amp; pepper", 17, 100), "Salt & pepper");
    CHECK_EQ_STR(wn_meta_clean(&a, "Fish &amp;#chips", 16, 100), "Fish &#chips");
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
    /* job titles after a comma go, a second name stays */
    CHECK_EQ_STR(byline("Uta Staschewski, Projektleiterin der HSS in Tunesien"), "Uta Staschewski");
    CHECK_EQ_STR(byline("Daniel Gillmor, Senior Staff Technologist"), "Daniel Gillmor");
    CHECK_EQ_STR(byline("Rudolf Fischer, Simon Kohler"), "Rudolf Fischer, Simon Kohler");
    /* digits inside a user name are part of it */
    CHECK_EQ_STR(byline("Bo2man"), "Bo2man");
    CHECK_EQ_STR(byline("Ver\xC3\xB6" "ffentlicht vonChris Jung"), "Chris Jung");
    CHECK_EQ_STR(byline("Eberhard Fuhr (Pressesprecher des EJW)"), "Eberhard Fuhr");
    CHECK_EQ_STR(byline("Martin Untersinger (avec Damien Leloup)"),
                 "Martin Untersinger (avec Damien Leloup)");
    CHECK_EQ_STR(byline("Jil Schuller Alle Artikel Kontakt"), "Jil Schuller");
    CHECK_EQ_STR(byline("View all posts by Daniel Lemire"), "Daniel Lemire");
    CHECK_EQ_STR(byline("Weitere Stories"), "");
    CHECK_EQ_STR(byline("Redaktion"), "Redaktion");           /* the newsroom signs */
    CHECK_EQ_STR(byline("Redaktion: Eva Berg"), "Eva Berg");
    /* the longest lead-in wins, whatever the order of the lexicon: a capital
     * after "AUTHOR" once ended the lead-in there and left "S: Jane Doe" */
    CHECK_EQ_STR(byline("AUTHORS: Jane Doe"), "Jane Doe");
    CHECK_EQ_STR(byline("AUTEURS: Jean Dupont"), "Jean Dupont");
    CHECK(wn_meta_author_ok("Jane Doe"));
    CHECK(!wn_meta_author_ok("https://facebook.com/jane"));
    CHECK(!wn_meta_author_ok("jane@example.com"));
    CHECK(!wn_meta_author_ok("Click here to read more about our wonderful team of writers and editors now"));
    CHECK(!wn_meta_author_ok("x"));
    /* prose after a lead-in ("Von Sozialabgaben befreit sind ...") is no name */
    CHECK(wn_meta_prose_like("Sozialabgaben befreit sind Beitr\xC3\xA4ge"));
    CHECK(wn_meta_prose_like("Espect\xC3\xA1" "culos Eres s\xC3\xBAper sensible"));
    CHECK(wn_meta_prose_like("der Notwendigkeit transdisziplin\xC3\xA4rer Zusammenarbeit"));
    CHECK(!wn_meta_prose_like("Ludwig van Beethoven"));
    CHECK(!wn_meta_prose_like("Maria de la Cruz y Pe\xC3\xB1" "a"));
    CHECK(!wn_meta_prose_like("Anna Schmidt und Jan Berg"));
    CHECK(!wn_meta_prose_like("FR mit dpa"));
    CHECK(!wn_meta_prose_like("jancak"));               /* one word: a login */
    CHECK(!wn_meta_prose_like("revamp-it Webteam"));    /* a handle */
    CHECK(!wn_meta_prose_like("dpa/lno red"));
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
    wn_str h;
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
    /* a day-first path segment */
    CHECK(wn_meta_url_date("https://example.org/news/29-10-2021", BOUND, out));
    CHECK_EQ_STR(out, "2021-10-29");
    CHECK(wn_meta_url_date("https://example.org/news/05-03-2021-title", BOUND, out));
    CHECK_EQ_STR(out, "2021-03-05");
    CHECK(!wn_meta_url_date("https://example.org/news/29-13-2021", BOUND, out));
    CHECK(!wn_meta_url_date("https://example.org/news/29-10-1985", BOUND, out));
    CHECK(!wn_meta_url_date("https://example.org/tel/12-34-567890", BOUND, out));
    h = wn_meta_url_host("https://www.example.com:8080/x");
    CHECK_EQ_MEM(h.p, h.n, "example.com");
}


/* MARK: whole pages --------------------------------------------------------- */

typedef struct page {
    wn_doc *doc;
    wn_arena out;
    wn_meta m;
    int rc;
} page;

static void extract(page *pg, const char *html, const char *url)
{
    wn_options opt;
    wn_error err;
    wn_options_init(&opt);
    pg->doc = wn_html_parse(html, strlen(html), &opt, NULL, &err);
    wn_arena_init(&pg->out, 0);
    memset(&pg->m, 0, sizeof pg->m);
    pg->rc = pg->doc ? wn_meta_extract(pg->doc, url, &pg->out, &pg->m) : -2;
}

static void done(page *pg)
{
    wn_arena_fini(&pg->out);
    wn_doc_free(pg->doc);
}

static void test_jsonld_graph(void)
{
    page pg;
    extract(&pg,
        "<html><head><title>Ignored | Site</title>"
        "<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@graph\":["
        "{\"@type\":\"WebSite\",\"@id\":\"https://ex.com/#site\",\"name\":\"Example Times\",\"url\":\"https://ex.com/\"},"
        "{\"@type\":[\"NewsArticle\"],\"@id\":\"https://ex.com/a#art\",\"headline\":\"Rivers &amp; Lakes\","
        "\"datePublished\":\"2021-03-04T05:06:07+01:00\",\"dateModified\":\"2021-03-05\","
        "\"author\":[{\"@id\":\"https://ex.com/#p1\"},{\"@type\":\"Person\",\"name\":\"Bo Li\"}],"
        "\"isPartOf\":{\"@id\":\"https://ex.com/#site\"},\"keywords\":\"water, nature\","
        "\"articleSection\":[\"Science\"],\"inLanguage\":\"en-GB\"},"
        "{\"@type\":\"Person\",\"@id\":\"https://ex.com/#p1\",\"name\":\"Ann Example\"}]}</script>"
        "</head><body><p>text</p></body></html>", "https://ex.com/a");
    CHECK_EQ_INT(pg.rc, 0);
    CHECK_EQ_STR(pg.m.title, "Rivers & Lakes");          /* entity left in the JSON decoded */
    CHECK_EQ_STR(pg.m.author, "Ann Example; Bo Li");      /* @id reference resolved */
    CHECK_EQ_STR(pg.m.date, "2021-03-04T05:06:07+01:00");
    CHECK_EQ_STR(pg.m.date_modified, "2021-03-05");
    CHECK_EQ_STR(pg.m.sitename, "Example Times");
    CHECK_EQ_STR(pg.m.language, "en-GB");
    CHECK_EQ_INT(pg.m.ntags, 2);
    if (pg.m.ntags == 2) {
        CHECK_EQ_STR(pg.m.tags[0], "water");
        CHECK_EQ_STR(pg.m.tags[1], "nature");
    }
    CHECK_EQ_INT(pg.m.ncategories, 1);
    done(&pg);
}

static void test_jsonld_wrapped(void)
{
    page pg;
    /* CDATA and comment wrappers, a raw line break inside a string, and a
     * reader's Review nested in a Recipe (its date is not the page's) */
    extract(&pg,
        "<html><head><script type=application/ld+json>\n//<![CDATA[\n"
        "{\"@type\":\"Recipe\",\"name\":\"Cake\",\"datePublished\":\"2006-10-10\","
        "\"review\":[{\"@type\":\"Review\",\"datePublished\":\"2020-04-12\"}]}\n//]]>\n"
        "</script><script type=application/ld+json><!-- {\"@type\":\"Person\",\"name\":\"A\nB\"} -->"
        "</script></head><body></body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2006-10-10");
    done(&pg);
    extract(&pg,
        "<html><head><script type=application/ld+json><![CDATA[{\"@type\":\"BlogPosting\","
        "\"headline\":\"Line\nbreak\",\"author\":\"Kim Lee\"}]]></script></head><body></body></html>",
        NULL);
    CHECK_EQ_STR(pg.m.title, "Line break");
    CHECK_EQ_STR(pg.m.author, "Kim Lee");
    done(&pg);
}

static void test_opengraph_and_meta(void)
{
    page pg;
    extract(&pg,
        "<html lang=de-DE><head><title>Big news today - The Planet</title>"
        "<meta property=og:title content='Big news today | The Planet'>"
        "<meta property=og:site_name content='The Planet'>"
        "<meta name=author content='Jane Roe'>"
        "<meta property=article:published_time content='2019-08-02T10:00:00+02:00'>"
        "<meta property=article:tag content=alpha><meta property=article:tag content=beta>"
        "<meta property=article:section content=World>"
        "<meta name=description content='  A   summary &amp;amp; more '>"
        "<link rel=canonical href='/news/big'>"
        "<meta property=og:image content='/img/lead.jpg'>"
        "<link rel=license href='https://creativecommons.org/licenses/by/4.0/'>"
        "</head><body><p>Body</p></body></html>", "https://planet.example/news/big?x=1");
    CHECK_EQ_STR(pg.m.title, "Big news today");
    CHECK_EQ_STR(pg.m.sitename, "The Planet");
    CHECK_EQ_STR(pg.m.author, "Jane Roe");
    CHECK_EQ_STR(pg.m.date, "2019-08-02T10:00:00+02:00");
    CHECK_EQ_STR(pg.m.language, "de-DE");
    /* the parser decodes "&amp;amp;" to "&amp;"; the leftover is decoded too */
    CHECK_EQ_STR(pg.m.description, "A summary & more");
    CHECK_EQ_STR(pg.m.url, "https://planet.example/news/big");
    CHECK_EQ_STR(pg.m.image, "https://planet.example/img/lead.jpg");
    CHECK_EQ_STR(pg.m.license, "https://creativecommons.org/licenses/by/4.0/");
    CHECK_EQ_INT(pg.m.ntags, 2);
    CHECK_EQ_INT(pg.m.ncategories, 1);
    if (pg.m.ncategories == 1)
        CHECK_EQ_STR(pg.m.categories[0], "World");
    done(&pg);
}

/* Where OpenGraph's article:published_time and JSON-LD or microdata
 * datePublished disagree, the OpenGraph date is taken. */
static void test_opengraph_date_beats_structured(void)
{
    page pg;
    extract(&pg,
        "<html><head><meta property=article:published_time content='2023-11-06T14:25:00Z'>"
        "<script type=application/ld+json>{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"H\","
        "\"datePublished\":\"2023-11-03T10:25:56Z\"}</script>"
        "<meta itemprop=datePublished content='2023-11-01'>"
        "</head><body><p>Body</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2023-11-06T14:25:00Z");
    done(&pg);
    /* without OpenGraph the JSON-LD date stands */
    extract(&pg,
        "<html><head><script type=application/ld+json>{\"@context\":\"https://schema.org\","
        "\"@type\":\"NewsArticle\",\"headline\":\"H\","
        "\"datePublished\":\"2023-11-03T10:25:56Z\"}</script>"
        "</head><body><p>Body</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2023-11-03T10:25:56Z");
    done(&pg);
}

/* Bylines naming several people keep them all. */
static void test_coauthor_bylines(void)
{
    page pg;
    extract(&pg,
        "<html><body><article><h1>Arms exports reach a new high this year</h1>"
        "<p class=autorenzeile>Von Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR</p>"
        "<p>Text of the story.</p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Volkmar Kabisch, Jan Lukas Strozyk und Benedikt Strunz, NDR");
    done(&pg);
    extract(&pg,
        "<html><body><article><h1>Firewood is scarce in the camps of the north</h1>"
        "<p>Von <strong><a href=/a>Roland Brockmann</a></strong> und "
        "<strong><a href=/b>Sebastian Drescher</a></strong><br>Kakuma</p>"
        "<p>Text of the story.</p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Roland Brockmann und Sebastian Drescher");
    done(&pg);
    /* a one-word metadata author spelled out by the byline */
    extract(&pg,
        "<html><head><meta name=author content=Todd></head><body><article>"
        "<h1>Robots learn to sort the recycling</h1><p class=byline>By Todd Bates</p>"
        "<p>Text of the story.</p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Todd Bates");
    done(&pg);
    /* a date-then-byline line indented by its template */
    extract(&pg,
        "<html><body><article><h1>Ten gadgets for laundry day</h1><div class=meta>\n"
        "                                             "
        "Posted on September 21, 2020  by Adi Tzlil              \n</div><p>Text of the story.</p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Adi Tzlil");
    done(&pg);
    /* a lead-in of several words: "Eine Kolumne von" */
    extract(&pg,
        "<html><body><article><h1>Why pink is not only for girls</h1>"
        "<p><strong>Eine Kolumne von Nils Pickert</strong></p>"
        "<p>Text of the column.</p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Nils Pickert");
    done(&pg);
}

/* The title heading: ruby annotations are no part of it, and a heading
 * classed entry-title counts even in a box named like a sidebar. */
/* Microdata of the works a paper cites (itemprop=citation items) and of
 * reviews is not the page's: their authors and dates do not count. */
static void test_microdata_other_works(void)
{
    page pg;
    extract(&pg,
        "<html><head><meta name=citation_author content='Marwan H. Adwan'>"
        "<meta name=citation_publication_date content=2017/03/01></head><body>"
        "<article itemscope itemtype=http://schema.org/ScholarlyArticle><h1>Drug reaction</h1>"
        "<p>Text.</p><ol><li itemprop=citation itemscope itemtype=http://schema.org/ScholarlyArticle>"
        "<meta itemprop=author content='NH. Shear, SP. Spielberg'>"
        "<meta itemprop=datePublished content=1988>Shear NH. In vitro risk. 1988.</li>"
        "<li itemprop=review itemscope><span itemprop=author>A Reader</span>"
        "<time itemprop=datePublished datetime=2019-02-02>2 Feb</time></li></ol>"
        "</article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Marwan H. Adwan");
    CHECK_EQ_STR(pg.m.date, "2017-03-01");
    done(&pg);
}

/* Credits for the site's making ("Theme: Graphy by Themegraphy", "Design by
 * Free CSS Templates") are no bylines; the article's own byline is. */
static void test_site_credit_is_no_byline(void)
{
    page pg;
    extract(&pg, "<html><body><article><h1>Time and philosophy</h1><p>Text.</p></article>"
            "<div class=site-info>Theme: <a href=/t>Graphy</a> by Themegraphy</div></body></html>",
            NULL);
    CHECK(pg.m.author == NULL);
    done(&pg);
    extract(&pg, "<html><body><article><h1>Time and philosophy</h1><p>by Alexander Klier</p>"
            "<p>Text.</p></article><div class=site-info>Theme: <a href=/t>Graphy</a> by "
            "Themegraphy</div></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Alexander Klier");
    done(&pg);
}

static void test_title_headings(void)
{
    page pg;
    extract(&pg,
        "<html><head><title>NEWS WEB EASY</title></head><body><article>"
        "<h1 class=title><ruby>\xE5\xAD\x90<rt>\xE3\x81\x93</rt></ruby>\xE3\x81\xA9\xE3\x82\x82"
        "\xE3\x81\xAE\xE6\xB3\x95\xE5\xBE\x8B</h1><p>Text.</p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "\xE5\xAD\x90\xE3\x81\xA9\xE3\x82\x82\xE3\x81\xAE\xE6\xB3\x95\xE5\xBE\x8B");
    done(&pg);
    extract(&pg,
        "<html><head><title>Experts in the crisis | Law Blog</title>"
        "<meta property=og:title content='Experts in the crisis'></head><body>"
        "<div id=sidebar class='site-content content-area'><header>"
        "<h1 class=entry-title>Experts in the crisis</h1></header><p>Text.</p></div>"
        "<div class=wp-block-column><h1>While you are here\xE2\x80\xA6</h1></div>"
        "</body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "Experts in the crisis");
    done(&pg);
    /* a hidden section heading above the story's own does not name the page */
    extract(&pg,
        "<html><head><title>News - Wasser</title>"
        "<meta property=og:title content='The first electron counts'></head><body>"
        "<h1 class='header pagetitle hidden'>News</h1><div class=news>"
        "<h1>The first electron counts</h1><p>Text.</p></div></body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "The first electron counts");
    done(&pg);
    /* "hidden-xs" hides on phones only: the heading stays */
    extract(&pg,
        "<html><head><title>Site</title></head><body>"
        "<h1 class='hidden-xs'>Ferry timetable changes in May</h1><p>Text.</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "Ferry timetable changes in May");
    done(&pg);
}

/* A page that prints only its update date under the headline: readers see
 * that date, so it is the date; with the publication date printed too, the
 * declared publication date stands. */
static void test_shown_update_date(void)
{
    static const char head[] =
        "<html><head><meta property=article:published_time content=2019-10-15T16:59:59Z>"
        "<meta property=article:modified_time content=2020-03-12T14:42:17Z></head><body>"
        "<article><h1>Is dead skin a good thing?</h1><div class=byline>Jessica Doe</div>";
    char html[1024];
    page pg;

    snprintf(html, sizeof html, "%s<div class=timestamp>Updated Mar 12, 2020 @ 10:42 am</div>"
             "<p>Text.</p></article></body></html>", head);
    extract(&pg, html, NULL);
    CHECK_EQ_STR(pg.m.date, "2020-03-12T14:42:17Z");
    CHECK_EQ_STR(pg.m.date_modified, "2020-03-12T14:42:17Z");
    done(&pg);
    snprintf(html, sizeof html, "%s<div class=timestamp>Published 15.10.2019, updated "
             "12.03.2020</div><p>Text.</p></article></body></html>", head);
    extract(&pg, html, NULL);
    CHECK_EQ_STR(pg.m.date, "2019-10-15T16:59:59Z");
    done(&pg);
    /* the update date far below the heading (a footer) does not count */
    snprintf(html, sizeof html, "%s<p>Text.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p>"
             "<p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p>"
             "<p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p>"
             "<p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p><p>More.</p>"
             "</article><footer>Last edited on 12 March 2020</footer></body></html>", head);
    extract(&pg, html, NULL);
    CHECK_EQ_STR(pg.m.date, "2019-10-15T16:59:59Z");
    done(&pg);
}

/* A date-marked element under the headline disagrees with a declared date
 * that the page prints nowhere: the printed one wins. It does not win when
 * the declared date is printed somewhere, when the two differ only by a
 * day/month swap ("11.03.17" on an English page), or when it sits far
 * below the heading. */
static void test_date_under_heading(void)
{
    static const char head[] =
        "<html lang=en><head><meta property=article:published_time content=2022-11-17T10:33:13Z>"
        "</head><body><nav><a href=/>Home</a></nav><main><h1>Heat pumps in old houses</h1>";
    char html[2048];
    page pg;

    snprintf(html, sizeof html, "%s<ul class=meta><li><time datetime=2022-03-09>March 9, 2022</time>"
             "</li></ul><p>Text.</p></main></body></html>", head);
    extract(&pg, html, NULL);
    CHECK_EQ_STR(pg.m.date, "2022-03-09");
    done(&pg);
    /* no declared date: the date under the heading beats a teaser's date
     * further down, even one inside an <article> card */
    extract(&pg, "<html><head><title>Cold wave alert | WORLD</title></head><body>"
            "<h1 class=logo>WORLD</h1><div class=contents><h1>Cold wave alert"
            "</h1><p class=date>Written: 2023-11-07 15:03:30</p><p>Text.</p></div>"
            "<ul class=more><li><article><a href=/n>Rain ahead</a><p class=date>2023-11-03</p>"
            "</article></li></ul></body></html>", NULL);
    CHECK(pg.m.date != NULL && strncmp(pg.m.date, "2023-11-07", 10) == 0);
    done(&pg);
    /* under a hidden <h1> that is no title candidate */
    extract(&pg, "<html><head><meta name=date content=2021-12-20></head><body><main>"
            "<h1 class=sr-only>Details</h1><h2>Riesling posts</h2><span class=date>27.01.2022</span>"
            "<p>Text.</p></main></body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2022-01-27");
    done(&pg);
    snprintf(html, sizeof html, "%s<p class=post-date>Posted 2022-03-09</p><p>Text.</p>"
             "<footer>Page generated 17 November 2022</footer></main></body></html>", head);
    extract(&pg, html, NULL);
    CHECK_EQ_STR(pg.m.date, "2022-11-17T10:33:13Z");
    done(&pg);
    snprintf(html, sizeof html, "%s<div class=th-meta>03.17.22 in Gadgets</div><p>Text.</p>"
             "</main></body></html>",
             "<html lang=en><head><meta property=article:published_time content=2022-03-17T10:33:13Z>"
             "</head><body><main><h1>Heat pumps in old houses</h1>");
    extract(&pg, html, NULL);
    CHECK_EQ_STR(pg.m.date, "2022-03-17T10:33:13Z");
    done(&pg);
    {
        char body[1200] = "";
        for (int i = 0; i < 30; i++)
            strcat(body, "<p>More.</p>");
        snprintf(html, sizeof html, "%s%s<span class=date>2022-03-09</span></main></body></html>",
                 head, body);
        extract(&pg, html, NULL);
        CHECK_EQ_STR(pg.m.date, "2022-11-17T10:33:13Z");
        done(&pg);
    }
}

/* With no date anywhere else, a publication key in a script's JSON state. */
static void test_script_state_date(void)
{
    char out[WN_META_DATE_LEN];
    static const char state[] =
        "window.s={\"updatedAt\":\"2020-01-01\",\"published_at\":\"2019-03-02T06:22:28+01:00\"}";
    static const char escaped[] = "x = \"{\\\"publishedDate\\\":\\\"2016-11-04T20:37:27Z\\\"}\"";
    static const char none[] = "var unpublished = 1; var published = \"2019-01-01\"; {\"republishDate\":\"2018-01-01\"}";
    CHECK(wn_meta_script_date(state, sizeof state - 1, BOUND, out));
    CHECK_EQ_STR(out, "2019-03-02T06:22:28+01:00");
    CHECK(wn_meta_script_date(escaped, sizeof escaped - 1, BOUND, out));
    CHECK_EQ_STR(out, "2016-11-04T20:37:27Z");
    CHECK(!wn_meta_script_date(none, sizeof none - 1, BOUND, out));

    page pg;
    extract(&pg, "<html><body><h1>Sidamo</h1><p>Beans.</p><script>var product = "
            "{\"title\":\"Sidamo\",\"publishDate\":\"2019-03-02\"};</script></body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2019-03-02");
    done(&pg);
    /* a printed date comes first */
    extract(&pg, "<html><body><h1>Sidamo</h1><p class=date>5 May 2020</p><p>Beans.</p><script>"
            "var product = {\"publishDate\":\"2019-03-02\"};</script></body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2020-05-05");
    done(&pg);
}

static void test_day_shown_forms(void)
{
    wn_options o;
    wn_error e;
    static const char html[] =
        "<p>Stand: 12.1.2022</p><p>on 3 March 2021</p><p>14. M\xC3\xA4rz 2020</p>"
        "<script>var d = '2019-05-06';</script><p title='2018-07-08'>x</p>";
    wn_options_init(&o);
    wn_doc *d = wn_html_parse(html, sizeof html - 1, &o, NULL, &e);
    CHECK(d != NULL);
    if (d == NULL)
        return;
    CHECK(wn_meta_day_shown(d->root, d->root, 0, "2022-01-12T10:00:00Z"));
    CHECK(!wn_meta_day_shown(d->root, d->root, 0, "2022-01-02"));   /* "2.1.2022" inside "12.1.2022" */
    CHECK(wn_meta_day_shown(d->root, d->root, 0, "2021-03-03"));
    CHECK(wn_meta_day_shown(d->root, d->root, 0, "2020-03-14"));
    CHECK(!wn_meta_day_shown(d->root, d->root, 0, "2019-05-06"));   /* only in a script */
    CHECK(!wn_meta_day_shown(d->root, d->root, 0, "2018-07-08"));   /* only in an attribute */
    CHECK(!wn_meta_day_shown(d->root, d->root, 0, "not a date"));
    wn_doc_free(d);
}

static void test_name_lists(void)
{
    CHECK(wn_meta_name_list("Clara L\xC3\xB6w, Siddharth Prakash & Klaus Jacob", 4));
    CHECK(wn_meta_name_list("Jan Lukas Strozyk und Benedikt Strunz, NDR", 4));
    CHECK(wn_meta_name_list("Ursula von der Leyen and Charles Michel", 4));
    /* one name, words in lowercase, single words, or the agency not last */
    CHECK(!wn_meta_name_list("Jane Doe", 4));
    CHECK(!wn_meta_name_list("sozialabgaben befreit sind, und mehr", 4));
    CHECK(!wn_meta_name_list("\xC3\x84pfeln, Birnen und Kirschen", 4));
    CHECK(!wn_meta_name_list("Jane Doe, NDR, John Roe", 4));
    CHECK(!wn_meta_name_list("", 4));
}

static void test_markup_byline(void)
{
    page pg;
    extract(&pg,
        "<html><head><title>Why cats purr | Pet Blog</title></head><body>"
        "<nav><span class=author>Menu Person</span></nav>"
        "<article><h1>Why cats purr</h1>"
        "<p class=byline>By <a href='/u/jd' rel=author>Jane Doe</a> | Aug. 2, 2019</p>"
        "<p>Text.</p></article>"
        "<div class=comments><span class=comment-author>Troll King</span>"
        "<time datetime=2023-01-01>later</time></div>"
        "</body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "Why cats purr");
    CHECK_EQ_STR(pg.m.author, "Jane Doe");
    CHECK_EQ_STR(pg.m.date, "2019-08-02");
    CHECK_EQ_STR(pg.m.sitename, "Pet Blog");   /* the side cut off the <title> */
    done(&pg);
    /* BEM names: the block before the author word ("header-info__") says
     * where the names sit; the parts after it ("__author-bio") say which
     * part of an author box an element is */
    extract(&pg,
        "<html><body><article><h1>Gut bacteria</h1><div class=header-info>"
        "<div class=header-info__authors><a class=header-info__author-link href=/p/oo>"
        "Oph\xC3\xA9lie Ostermann</a></div></div><p>Text.</p>"
        "<div class=author-bio>Writer since 2009, lives in Paris.</div></article></body></html>",
        NULL);
    CHECK_EQ_STR(pg.m.author, "Oph\xC3\xA9lie Ostermann");
    done(&pg);
    /* a gender-inclusive German label, the name in the next block */
    extract(&pg,
        "<html><body><article><h1>Schuhe</h1><div><div class=overline>Autor*In</div>"
        "<div class=headline>Tanja Karrasch</div></div><p>Text.</p></article></body></html>",
        NULL);
    CHECK_EQ_STR(pg.m.author, "Tanja Karrasch");
    done(&pg);
}

static void test_sole_h1_headline(void)
{
    page pg;
    /* the page's only h1, a phrase, is the headline even when og:title was
     * rewritten for sharing */
    extract(&pg,
        "<html><head><meta property=og:title content='Why neon is the symbol of a century'>"
        "</head><body><h1>How we learned to love neon signs</h1><p>Text</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "How we learned to love neon signs");
    done(&pg);
    /* a one-word h1 ("Lorem", "News") is not trusted over the metadata */
    extract(&pg,
        "<html><head><meta property=og:title content='Budget talks stall again'>"
        "</head><body><h1>News</h1><p>Text</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "Budget talks stall again");
    done(&pg);
    /* two h1s: neither is trusted without agreement */
    extract(&pg,
        "<html><head><meta property=og:title content='Budget talks stall again'>"
        "</head><body><h1>Our great site of news</h1><h1>Something else entirely here</h1>"
        "</body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "Budget talks stall again");
    done(&pg);
}

static void test_heading_anchor_marks(void)
{
    page pg;
    /* documentation generators end each heading with a self-link mark: the
     * sole h1's title is its words without it */
    extract(&pg,
        "<html><head><title>Reference</title></head><body><h1>Sorting lists by key"
        "<a class=permalink href='#sorting-lists-by-key' title='Link here'>\xC2\xB6</a></h1>"
        "<p>Text</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "Sorting lists by key");
    done(&pg);
    /* the same with "#" before the words */
    extract(&pg,
        "<html><head><title>Reference</title></head><body><h1><a href='#top'>#</a> "
        "Sorting lists by key</h1><p>Text</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "Sorting lists by key");
    done(&pg);
    /* a self-link with words is the heading's text, not a mark */
    extract(&pg,
        "<html><head><title>Reference</title></head><body><h1>Sorting "
        "<a href='#lists'>lists by key</a></h1><p>Text</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.title, "Sorting lists by key");
    done(&pg);
}

static void test_comment_names_are_not_authors(void)
{
    page pg;
    extract(&pg,
        "<html><body><article><h1>Plain</h1><p>Text</p></article>"
        "<section id=comments><span class=author>Troll King</span> says: hi</section>"
        "<form><label class=author>Name (required)</label></form></body></html>", NULL);
    CHECK(pg.m.author == NULL);
    CHECK_EQ_STR(pg.m.title, "Plain");
    done(&pg);
}

static void test_blog_permalink_heading(void)
{
    page pg;
    /* the logo h1 links home; the post's h2 links to the page itself */
    extract(&pg,
        "<html><head><title>Four Seasons</title></head><body>"
        "<h1><a href='https://blog.example/'>Four Seasons</a></h1>"
        "<h2><a href='https://blog.example/2019/10/21/small-ints/'>Small integers in Python</a></h2>"
        "<p>Posted by Konstantin @ 12:00 am</p></body></html>",
        "https://blog.example/2019/10/21/small-ints/");
    CHECK_EQ_STR(pg.m.title, "Small integers in Python");
    CHECK_EQ_STR(pg.m.author, "Konstantin");
    CHECK_EQ_STR(pg.m.date, "2019-10-21");            /* from the URL */
    done(&pg);
}

static void test_time_and_text_dates(void)
{
    page pg;
    extract(&pg,
        "<html><body><ul class=recent><li><time datetime=2011-01-01>old</time></li></ul>"
        "<article><h1>T</h1><time class='entry-date published' datetime='2020-05-04T08:00:00Z'>"
        "4 May</time><time class=updated datetime='2020-06-01'>1 June</time></article>"
        "</body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2020-05-04T08:00:00Z");
    CHECK_EQ_STR(pg.m.date_modified, "2020-06-01");
    done(&pg);
    extract(&pg,
        "<html lang=de><body><div class=content><p>Ver\xC3\xB6" "ffentlicht am 05.11.2018</p>"
        "<p>Alles andere.</p></div></body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2018-11-05");
    done(&pg);
    /* a declared date in the future is rejected, the URL's date is used */
    extract(&pg,
        "<html><head><meta property=article:published_time content=2999-01-01></head>"
        "<body></body></html>", "https://ex.com/2018/02/03/post");
    CHECK_EQ_STR(pg.m.date, "2018-02-03");
    done(&pg);
    /* a short line padded by template indentation still counts as short */
    extract(&pg,
        "<html><body><table><tr><td><b>Touring play ends its run</b></td></tr>"
        "<tr><td><font>Hebei channel (\n                         2012-06-04 09:20:26"
        "\n                         )\n                    </font></td></tr></table>"
        "<p>Alles andere.</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.date, "2012-06-04T09:20:26");
    done(&pg);
}

static void test_twitter_label_byline(void)
{
    page pg;
    /* the card's "Written by" label names the author in the matching data slot */
    extract(&pg,
        "<html><head><meta name=twitter:label1 content='Reading time'>"
        "<meta name=twitter:data1 content='4 minutes'>"
        "<meta name=twitter:label2 content='Written by'>"
        "<meta name=twitter:data2 content='Ola Nordmann'></head><body>"
        "<article><p class=meta><span class=screen-reader-text>| By </span>\n   "
        "<span>Ignored Because Lower</span></p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Ola Nordmann");
    done(&pg);
    /* without the card, the "By" label's next sibling across indentation */
    extract(&pg,
        "<html><body><article><p class=meta><span class=screen-reader-text>| By </span>\n   "
        "<span>Cara Stiles</span> | <time>April 13, 2020</time></p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Cara Stiles");
    CHECK_EQ_STR(pg.m.date, "2020-04-13");
    done(&pg);
}

static void test_date_then_byline(void)
{
    page pg;
    extract(&pg, "<html><body><h2>Stars <span>06.11.2023 13:30 von Olga </span></h2>"
                 "<p>Text.</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Olga");
    CHECK_EQ_STR(pg.m.date, "2023-11-06T13:30:00");
    done(&pg);
    extract(&pg, "<html><body><p id=pageinfo>Download (last edited 2019-11-10 13:28:18 by "
                 "<span><a href=/u/m>MatsWichmann</a></span>)</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "MatsWichmann");
    done(&pg);
    extract(&pg, "<html><body><small>04.02.2022 | 13:10 Uhr | Uta Helkenberg</small>"
                 "<h1>Stellungnahme</h1></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Uta Helkenberg");
    done(&pg);
    /* a date and a section name is no byline */
    extract(&pg, "<html><body><small>04.02.2022 | Politik</small></body></html>", NULL);
    CHECK(pg.m.author == NULL);
    done(&pg);
    /* "Von:" alone, the name after line breaks; "Autor" heading, name in the next block */
    extract(&pg, "<html><body><p><b>Von:</b> <br> <br> G\xC3\xB6tz Warnke</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "G\xC3\xB6tz Warnke");
    done(&pg);
    extract(&pg, "<html><body><div><h4>Autor</h4> <p><a href=/p/nh>Nikolai Huke</a></p></div>"
                 "</body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Nikolai Huke");
    done(&pg);
    /* prose with a year and "by" is not a byline: too long */
    extract(&pg, "<html><body><p>In 2019 the tax was cut by the new government of the day, "
                 "and nobody noticed at all.</p></body></html>", NULL);
    CHECK(pg.m.author == NULL);
    done(&pg);
}

static void test_og_locale_and_missing(void)
{
    page pg;
    extract(&pg, "<html><head><meta property=og:locale content=pt_BR></head><body></body></html>",
            NULL);
    CHECK_EQ_STR(pg.m.language, "pt-BR");
    CHECK(pg.m.title == NULL && pg.m.author == NULL && pg.m.date == NULL && pg.m.url == NULL);
    done(&pg);
}

/* An <a> without href (absent attribute: a NULL slice) is no home-page link;
 * found by the extraction fuzzer as pointer arithmetic on NULL (UBSan). */
static void test_home_href_absent(void)
{
    CHECK(!wn_meta_home_href((wn_str){ NULL, 0 }));
    CHECK(!wn_meta_home_href((wn_str){ "", 0 }));
    CHECK(wn_meta_home_href((wn_str){ " / ", 3 }));
    CHECK(wn_meta_home_href((wn_str){ "https://example.org/", 20 }));
    CHECK(!wn_meta_home_href((wn_str){ "https://example.org/news", 24 }));
}

/* A relative canonical link ("//host/path", "/path") is resolved against the
 * page's own absolute URL sources (og:url here) when the caller gives no
 * address; the caller's address, when given, is the base. */
static void test_relative_canonical(void)
{
    page pg;
    const char *head =
        "<html><head><link rel=canonical href=\"//www.example.cl/news/2024/story\">"
        "<meta property=og:url content=\"https://www.example.cl/news/2024/story?utm=x\">"
        "<meta property=og:image content=\"/img/lead.jpg\"></head><body></body></html>";
    extract(&pg, head, NULL);
    CHECK_EQ_STR(pg.m.url, "https://www.example.cl/news/2024/story");
    CHECK_EQ_STR(pg.m.image, "https://www.example.cl/img/lead.jpg");
    done(&pg);
    extract(&pg, head, "http://mirror.example/x");
    CHECK_EQ_STR(pg.m.url, "http://www.example.cl/news/2024/story");
    done(&pg);
    /* a path-only canonical and an absolute JSON-LD url */
    extract(&pg, "<html><head><link rel=canonical href=\"/a/b\"><script type=application/ld+json>"
                 "{\"@type\":\"NewsArticle\",\"url\":\"https://ex.org/a/b\"}</script></head>"
                 "<body></body></html>", NULL);
    CHECK_EQ_STR(pg.m.url, "https://ex.org/a/b");
    done(&pg);
    /* nothing absolute to resolve against: kept as the page gives it */
    extract(&pg, "<html><head><link rel=canonical href=\"//ex.org/a\"></head><body></body></html>", NULL);
    CHECK_EQ_STR(pg.m.url, "//ex.org/a");
    done(&pg);
}

/* Canonical and image references go through core/url.c, the resolver the
 * article's links use: dot segments removed, a query-only reference keeps the
 * base path, spaces percent-encoded, a refused scheme leaves the field to the
 * next source (the page address). Before, metadata had a resolver of its own
 * that kept "../", dropped the file name before "?" and left spaces raw. */
static void test_canonical_resolution_rfc3986(void)
{
    page pg;
    const char *addr = "https://ex.org/a/d/e.html";
    extract(&pg, "<html><head><link rel=canonical href=\"../b/c?x=1\">"
                 "<meta property=og:image content=\"/img/Photo One.png\"></head><body></body></html>",
            addr);
    CHECK_EQ_STR(pg.m.url, "https://ex.org/a/b/c?x=1");
    CHECK_EQ_STR(pg.m.image, "https://ex.org/img/Photo%20One.png");
    done(&pg);
    extract(&pg, "<html><head><link rel=canonical href=\"?page=2\"></head><body></body></html>", addr);
    CHECK_EQ_STR(pg.m.url, "https://ex.org/a/d/e.html?page=2");
    done(&pg);
    extract(&pg, "<html><head><link rel=canonical href=\"javascript:alert(1)\">"
                 "<meta property=og:image content=\"data:image/svg+xml,<svg/>\"></head><body></body></html>",
            addr);
    CHECK_EQ_STR(pg.m.url, addr);
    CHECK(pg.m.image == NULL);
    done(&pg);
}

/* Names that are no person: a photo credit marked class="author" (inside a
 * figure, or reading as a credit anywhere), a blog's name linked to its home
 * page in a vcard banner; the real byline wins. */
static void test_credit_and_site_are_no_author(void)
{
    page pg;
    extract(&pg, "<html><body><article><h1>Lake day</h1>"
                 "<figure><img src=a.jpg><figcaption><span class=author>Jane Roe</span>"
                 "</figcaption></figure>"
                 "<p class=byline>By <span class=author>Tom Lee</span></p><p>Text.</p>"
                 "</article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Tom Lee");
    done(&pg);
    extract(&pg, "<html><body><article><h1>Lake day</h1>"
                 "<p>The lake was calm all day.</p><span class=author>Lena Meyer / Instagram</span>"
                 "<p>Text.</p></article></body></html>", NULL);
    CHECK(pg.m.author == NULL);
    done(&pg);
    extract(&pg, "<html><body><h1 class=\"vcard author\"><a class=fn href=\"http://blog.example/\" "
                 "title=Home>Crime Blog Archive</a></h1><div class=post><h2>A case</h2>"
                 "<p>Text.</p></div></body></html>", NULL);
    CHECK(pg.m.author == NULL);
    done(&pg);
    /* a person's author page is a link too, and stays */
    extract(&pg, "<html><body><article><h1>Lake day</h1><span class=author><a href=\"/author/tom-lee\">"
                 "Tom Lee</a></span><p>Text.</p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.author, "Tom Lee");
    done(&pg);
    /* what is left of a heading once its lead word went is no name */
    CHECK(!wn_meta_author_ok("& Themen"));
    CHECK(wn_meta_credit_like("Photo by Ann Kay"));
    CHECK(wn_meta_credit_like("Foto: dpa"));
    CHECK(wn_meta_credit_like("Ann Kay / Getty Images"));
    CHECK(!wn_meta_credit_like("Photon Smith"));
    CHECK(!wn_meta_credit_like("Ann Kay"));
}

/* The site's logo (the banner image, or one named "logo") is never the lead
 * image, however the page's metadata names it; a canonical URL without a host
 * is no URL. */
static void test_logo_is_no_lead_image(void)
{
    page pg;
    extract(&pg, "<html><head><meta property=og:image content=\"https://news.example/img/banner.gif\">"
                 "</head><body><header><a href=\"https://news.example/\"><img src=\"/img/banner.gif\">"
                 "</a></header><article><h1>Story</h1><p>Text.</p></article></body></html>", NULL);
    CHECK(pg.m.image == NULL);
    done(&pg);
    extract(&pg, "<html><head><meta property=og:image content=\"https://news.example/s/brand.png\">"
                 "</head><body><div><img class=site-logo src=\"https://news.example/s/brand.png\"></div>"
                 "<article><h1>Story</h1><p>Text.</p></article></body></html>", NULL);
    CHECK(pg.m.image == NULL);
    done(&pg);
    /* the article's own picture stays, even where the logo is also on the page */
    extract(&pg, "<html><head><meta property=og:image content=\"https://news.example/p/lake.jpg\">"
                 "</head><body><header><a href=/><img alt=\"News logo\" src=\"/s/logo.png\"></a></header>"
                 "<article><h1>Story</h1><img src=\"/p/lake.jpg\"><p>Text.</p></article></body></html>", NULL);
    CHECK_EQ_STR(pg.m.image, "https://news.example/p/lake.jpg");
    done(&pg);
    /* a theme that shows the post's featured picture as its header keeps it */
    extract(&pg, "<html><head><meta property=og:image content=\"https://b.example/f/sea.jpg\"></head>"
                 "<body><header><a href=\"https://b.example/\"><img class=wp-post-image "
                 "src=\"https://b.example/f/sea.jpg?w=1000\"></a></header><p>Text.</p></body></html>", NULL);
    CHECK_EQ_STR(pg.m.image, "https://b.example/f/sea.jpg");
    done(&pg);
    extract(&pg, "<html><head><link rel=canonical href=\"https:///paths/17\">"
                 "<meta property=og:url content=\"https://learn.example/paths/17\"></head><body></body></html>",
            NULL);
    CHECK_EQ_STR(pg.m.url, "https://learn.example/paths/17");
    done(&pg);
}

static void test_hostile_inputs(void)
{
    page pg;
    wn_buf b;
    wn_buf_init(&b, 0);
    /* JSON-LD nested far deeper than the reader accepts, then a valid script */
    wn_buf_puts(&b, "<html><head><script type=application/ld+json>");
    for (int i = 0; i < 5000; i++)
        wn_buf_puts(&b, "{\"a\":");
    wn_buf_puts(&b, "1");
    for (int i = 0; i < 5000; i++)
        wn_buf_puts(&b, "}");
    wn_buf_puts(&b, "</script><script type=application/ld+json>{\"@type\":\"Article\","
                    "\"headline\":\"Still here\"}</script><meta name=author content='");
    for (int i = 0; i < 100000; i++)
        wn_buf_putc(&b, 'x');
    wn_buf_puts(&b, "'><title>");
    for (int i = 0; i < 20000; i++)
        wn_buf_puts(&b, "long ");
    wn_buf_puts(&b, "</title></head><body>");
    for (int i = 0; i < 3000; i++)
        wn_buf_puts(&b, "<div class=byline>");
    wn_buf_puts(&b, "By Someone</body></html>");
    extract(&pg, wn_buf_cstr(&b), NULL);
    CHECK_EQ_INT(pg.rc, 0);
    CHECK_EQ_STR(pg.m.title, "Still here");
    /* 100,000 x's are no name; the byline 3,000 elements deep is */
    CHECK_EQ_STR(pg.m.author, "Someone");
    /* everything kept is capped: a few KiB at most */
    CHECK(wn_arena_used(&pg.out) < 16384);
    done(&pg);

    /* 100,000 nested comment boxes, each asking whether it is a wrapper:
     * must stay linear (a second here is generous even under ASan). */
    wn_buf_clear(&b);
    wn_buf_puts(&b, "<html><body><h1>Deep</h1>");
    for (int i = 0; i < 100000; i++)
        wn_buf_puts(&b, "<div class=comments><span class=author>x y</span><time datetime=2020-01-01>");
    wn_buf_puts(&b, "</body></html>");
    {
        clock_t t0 = clock();
        extract(&pg, wn_buf_cstr(&b), NULL);
        double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
        CHECK_EQ_INT(pg.rc, 0);
        CHECK_EQ_STR(pg.m.title, "Deep");
        CHECK_EQ_STR(pg.m.date, "2020-01-01");
        CHECK(secs < 5.0);
        done(&pg);
    }
    wn_buf_fini(&b);
}

int main(void)
{
    RUN(test_dates_iso);
    RUN(test_dates_numeric);
    RUN(test_dates_words);
    RUN(test_clean);
    RUN(test_script_date_keys_hold_ublish);
    RUN(test_bylines);
    RUN(test_site_credit_is_no_byline);
    RUN(test_microdata_other_works);
    RUN(test_titles);
    RUN(test_urls);
    RUN(test_jsonld_graph);
    RUN(test_jsonld_wrapped);
    RUN(test_opengraph_and_meta);
    RUN(test_markup_byline);
    RUN(test_opengraph_date_beats_structured);
    RUN(test_coauthor_bylines);
    RUN(test_name_lists);
    RUN(test_title_headings);
    RUN(test_shown_update_date);
    RUN(test_day_shown_forms);
    RUN(test_date_under_heading);
    RUN(test_script_state_date);
    RUN(test_sole_h1_headline);
    RUN(test_comment_names_are_not_authors);
    RUN(test_blog_permalink_heading);
    RUN(test_time_and_text_dates);
    RUN(test_twitter_label_byline);
    RUN(test_date_then_byline);
    RUN(test_og_locale_and_missing);
    RUN(test_home_href_absent);
    RUN(test_relative_canonical);
    RUN(test_canonical_resolution_rfc3986);
    RUN(test_credit_and_site_are_no_author);
    RUN(test_logo_is_no_lead_image);
    RUN(test_hostile_inputs);
    RUN(test_heading_anchor_marks);
    CHECK_DONE();
}
