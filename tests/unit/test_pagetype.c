/*
 * test_pagetype.c: page types: the public names and the forcing option, the
 * classifier (src/extract/pagetype/pagetype.c) on small hand-written pages of each kind,
 * and the type in the JSON output and in --explain.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "core/buf.h"
#include "extract/pagetype/pagetype.h"
#include "html/parser.h"
#include "winnow.h"

static wn_page_type classify(const char *html, const char *url, wn_pagetype *pt)
{
    wn_options opt;
    wn_error err;
    wn_meta meta;
    wn_options_init(&opt);
    memset(&meta, 0, sizeof meta);
    wn_doc *d = wn_html_parse(html, strlen(html), &opt, NULL, &err);
    CHECK(d != NULL);
    if (d == NULL)
        return WN_PAGE_UNKNOWN;
    wn_pagetype_classify(d, &meta, url, WN_PAGE_UNKNOWN, pt);
    wn_doc_free(d);
    return pt->type;
}

static void test_names(void)
{
    CHECK_EQ_STR(wn_page_type_name(WN_PAGE_ARTICLE), "article");
    CHECK_EQ_STR(wn_page_type_name(WN_PAGE_DOCUMENTATION), "documentation");
    CHECK_EQ_STR(wn_page_type_name(WN_PAGE_UNKNOWN), "unknown");
    CHECK(wn_page_type_name(WN_PAGE__COUNT) == NULL);
    CHECK(wn_page_type_name((wn_page_type)-1) == NULL);
    for (int t = 0; t < WN_PAGE__COUNT; t++)
        CHECK_EQ_INT(wn_page_type_parse(wn_page_type_name((wn_page_type)t)), t);
    CHECK_EQ_INT(wn_page_type_parse("Listing"), WN_PAGE_LISTING);
    CHECK_EQ_INT(wn_page_type_parse("blog"), -1);
    CHECK_EQ_INT(wn_page_type_parse(""), -1);
    CHECK_EQ_INT(wn_page_type_parse(NULL), -1);
    wn_options opt;
    wn_options_init(&opt);
    CHECK_EQ_INT(opt.page_type, WN_PAGE_UNKNOWN);   /* classify by default */
}

static const char product_page[] =
    "<html><head><title>Trail flask</title>"
    "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
    "\"@type\":\"Product\",\"name\":\"Trail flask\",\"offers\":{\"@type\":\"Offer\",\"price\":\"24.00\"}}"
    "</script></head><body><h1>Trail flask</h1><p class=price>$24.00</p>"
    "<button class='add-to-cart'>Add to cart</button>"
    "<p>A soft half-litre flask that folds flat in a vest pocket when it is empty.</p></body></html>";

static void test_product(void)
{
    wn_pagetype pt;
    CHECK_EQ_INT(classify(product_page, "https://shop.example/products/trail-flask", &pt),
                 WN_PAGE_PRODUCT);
    CHECK(pt.f[PTF_SCHEMA_PRODUCT] >= 1);
    CHECK(pt.f[PTF_PRICES] >= 1);
    CHECK(pt.f[PTF_CART] >= 1);
}

static void test_listing(void)
{
    /* Ten dated teasers with their own summaries: an index of stories. */
    char html[8192] = "<html><body><h1>News</h1><div class=list>";
    for (int i = 0; i < 10; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<div class=item><h3><a href='/news/story-%d'>Story number %d of the week</a></h3>"
                 "<time datetime='2026-03-%02d'>March %d, 2026</time>"
                 "<p>A short summary of story %d that says what happened and where it happened.</p></div>",
                 i, i, i + 1, i + 1, i);
        strcat(html, item);
    }
    strcat(html, "</div></body></html>");
    wn_pagetype pt;
    CHECK_EQ_INT(classify(html, "https://paper.example/news", &pt), WN_PAGE_LISTING);
    CHECK_EQ_INT((int)pt.f[PTF_CARD_ITEMS], 10);
    CHECK(pt.f[PTF_CARD_DATE] > 0.99f);
    CHECK(pt.f[PTF_URL_INDEX] == 1);
}

static void test_undated_teasers(void)
{
    /* Seven teasers, each a linked title and a one-line blurb, no dates on
     * the items and no index address: the page itself is dated (so it is no
     * landing page), and every other listing rule stays below its bar (under
     * eight cards). Only the rule for teaser cards on a link-heavy page tips
     * it from the article default to a listing. */
    char html[8192] = "<html><body><h1>From the workshop</h1><div class=teasers>";
    for (int i = 0; i < 7; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<div class=teaser><a href='/workshop/note-%d'>Workshop note %d: the bench and its tools</a>"
                 "<p>How the bench was set up this time, in brief.</p></div>",
                 i, i);
        strcat(html, item);
    }
    strcat(html, "</div></body></html>");
    wn_options opt;
    wn_error err;
    wn_meta meta;
    wn_options_init(&opt);
    memset(&meta, 0, sizeof meta);
    meta.date = "2026-03-03";
    wn_doc *d = wn_html_parse(html, strlen(html), &opt, NULL, &err);
    CHECK(d != NULL);
    if (d == NULL)
        return;
    wn_pagetype pt;
    wn_pagetype_classify(d, &meta, NULL, WN_PAGE_UNKNOWN, &pt);
    wn_doc_free(d);
    CHECK_EQ_INT((int)pt.f[PTF_CARD_ITEMS], 7);
    CHECK(pt.f[PTF_CARD_DATE] < 0.01f);
    CHECK(pt.f[PTF_LINK_DENSITY] >= 0.2f);
    CHECK(pt.f[PTF_URL_INDEX] == 0);
    CHECK_EQ_INT(pt.type, WN_PAGE_LISTING);
}

static void test_service_page(void)
{
    /* A company's page about what it offers: a hero with a call to act, four
     * undated sections under headings, a testimonial, no date, no author, at
     * the top of its site. No single hand rule decides it; the model weighs
     * the landing-page markup, the undated sections and the address. */
    static const char html[] =
        "<html><body><div class=hero><h1>Bicycle repairs</h1>"
        "<a class=cta href='/book'>Book a repair</a></div>"
        "<section class=services><h2>Brakes</h2><p>Pads, cables and discs checked and set.</p>"
        "<h2>Gears</h2><p>Shifting tuned, chains and cassettes replaced when worn.</p>"
        "<h2>Wheels</h2><p>Spokes trued and tubes changed while you wait.</p>"
        "<h2>Fittings</h2><p>Saddles, bars and pedals set to your size.</p></section>"
        "<div class=testimonial><p>Quick and friendly, my bike rides like new.</p></div>"
        "<div class=cta><a href='/contact'>Contact the workshop</a></div>"
        "</body></html>";
    wn_pagetype pt;
    CHECK_EQ_INT(classify(html, "https://wheels.example/repairs", &pt), WN_PAGE_SERVICE);
    CHECK_EQ_INT((int)pt.f[PTF_URL_DEPTH], 1);
    CHECK((int)pt.f[PTF_SERVICE_NAMES] >= 4);
    CHECK_EQ_INT((int)pt.f[PTF_HEADINGS], 4);
}

static void test_article_margin(void)
{
    /* A short undated note at the top of a site: a few signals lean to a
     * service page (no date, no author, one path segment) but nothing says so
     * outright. Another type must beat article by the article margin
     * (WN_TUNE.pagetype.article_margin), so the page stays on the article
     * path, as pages without evidence always did. */
    static const char html[] =
        "<html><body><h1>Bicycle repairs</h1>"
        "<p>We fix brakes, gears and wheels while you wait, most jobs in an hour.</p>"
        "<p>Bring the bicycle to the workshop on any weekday morning, or ring ahead.</p>"
        "<p>Parts we do not stock arrive within two days from our usual suppliers.</p>"
        "</body></html>";
    wn_pagetype pt;
    CHECK_EQ_INT(classify(html, "https://wheels.example/repairs", &pt), WN_PAGE_ARTICLE);
    CHECK(!pt.tiny);   /* over WN_TUNE.pagetype.tiny_page_text_k: the model decided */
    CHECK(pt.score[WN_PAGE_ARTICLE] > pt.score[WN_PAGE_SERVICE]);
    /* the runner-up is within the margin (1.0) of article's score: the
     * margin, not the model alone, kept the page an article */
    float other = -1e30f;
    for (int t = WN_PAGE_FORUM; t < WN_PAGE__COUNT; t++)
        other = pt.score[t] > other ? pt.score[t] : other;
    CHECK(pt.score[WN_PAGE_ARTICLE] - other < 1.0f);
}

static void test_collection(void)
{
    char html[8192] = "<html><body><h1>Socks</h1><ul class=grid>";
    for (int i = 0; i < 8; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<li class=card><a href='/products/sock-%d'><img src='s%d.jpg' alt=''>"
                 "<span>Wool sock %d</span></a><span class=price>$1%d.00</span></li>",
                 i, i, i, i);
        strcat(html, item);
    }
    strcat(html, "</ul></body></html>");
    wn_pagetype pt;
    CHECK_EQ_INT(classify(html, NULL, &pt), WN_PAGE_COLLECTION);
    CHECK(pt.f[PTF_CARD_PRICE] > 0.99f);
}

static void test_forum_and_docs(void)
{
    wn_pagetype pt;
    CHECK_EQ_INT(classify("<html><head><script type=application/ld+json>"
                          "{\"@type\":[\"DiscussionForumPosting\"]}</script></head>"
                          "<body><p>Has anyone tried this?</p></body></html>",
                          NULL, &pt),
                 WN_PAGE_FORUM);
    CHECK_EQ_INT(classify("<html><body><h1>Configuring the cache</h1><p>Set the size first:</p>"
                          "<pre>cache.size = 64</pre><p>Then the <code>ttl</code>:</p>"
                          "<pre>cache.ttl = 30</pre></body></html>",
                          "https://docs.example.org/en/latest/cache.html", &pt),
                 WN_PAGE_DOCUMENTATION);
    CHECK(pt.f[PTF_URL_DOCS] == 1);
    CHECK_EQ_INT((int)pt.f[PTF_PRE], 2);
}

static void test_default_and_forced(void)
{
    wn_pagetype pt;
    /* Too little text to tell and no declared type: an article, as before page types. */
    CHECK_EQ_INT(classify("<html><body><p>Hello.</p></body></html>", NULL, &pt), WN_PAGE_ARTICLE);
    CHECK(!pt.forced);
    CHECK(pt.tiny);
    wn_pagetype_classify(NULL, NULL, NULL, WN_PAGE_SERVICE, &pt);
    CHECK_EQ_INT(pt.type, WN_PAGE_SERVICE);
    CHECK(pt.forced);
    wn_buf b;
    wn_buf_init(&b, 0);
    wn_pagetype_explain(&pt, &b);
    CHECK_EQ_STR(wn_buf_cstr(&b), "# page type: service (forced by the caller)\n");
    wn_buf_fini(&b);
}

static int sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}

static void test_public_api(void)
{
    wn_options opt;
    wn_options_init(&opt);
    wn_extractor *ex = wn_extractor_new(&opt);
    wn_article *a = NULL;
    CHECK_EQ_INT(wn_extract(ex, product_page, strlen(product_page), NULL, &a, NULL), WN_OK);
    CHECK_EQ_INT(wn_article_page_type(a), WN_PAGE_PRODUCT);
    wn_buf b;
    wn_buf_init(&b, 0);
    CHECK_EQ_INT(wn_render(a, WN_FMT_JSON, 0, sink, &b), WN_OK);
    CHECK(strstr(wn_buf_cstr(&b), "\"page_type\":\"product\"") != NULL);
    wn_article_free(a);
    wn_buf_clear(&b);
    CHECK_EQ_INT(wn_explain(ex, product_page, strlen(product_page), NULL, sink, &b, NULL), WN_OK);
    CHECK(strncmp(wn_buf_cstr(&b), "# page type: product (", 22) == 0);
    CHECK(strstr(wn_buf_cstr(&b), "schema.org/og product") != NULL);
    wn_extractor_free(ex);

    opt.page_type = WN_PAGE_ARTICLE;   /* forced: the product signals are not read */
    ex = wn_extractor_new(&opt);
    CHECK_EQ_INT(wn_extract(ex, product_page, strlen(product_page), NULL, &a, NULL), WN_OK);
    CHECK_EQ_INT(wn_article_page_type(a), WN_PAGE_ARTICLE);
    wn_article_free(a);
    wn_extractor_free(ex);
    CHECK_EQ_INT(wn_article_page_type(NULL), WN_PAGE_UNKNOWN);
    wn_buf_fini(&b);
}

int main(void)
{
    RUN(test_names);
    RUN(test_product);
    RUN(test_listing);
    RUN(test_undated_teasers);
    RUN(test_service_page);
    RUN(test_article_margin);
    RUN(test_collection);
    RUN(test_forum_and_docs);
    RUN(test_default_and_forced);
    RUN(test_public_api);
    CHECK_DONE();
}
