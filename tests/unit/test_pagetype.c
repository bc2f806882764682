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
#include "extract/tuning.h"
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
     * eight cards). The teaser cards on a link-heavy page take it off the
     * article path: listing beats article with its margin. (On a page
     * this small the model puts documentation, the other type read by region,
     * a little above listing; which of the two is the model's call.) */
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
    CHECK(pt.type == WN_PAGE_LISTING || pt.type == WN_PAGE_DOCUMENTATION);
    CHECK(pt.score[WN_PAGE_LISTING] > pt.score[WN_PAGE_ARTICLE]);   /* article's holds the margin */
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
    /* A short undated note at the top of a site, in two sections: a few
     * signals lean to a service page (no date, no author, one path segment,
     * sections under headings) but nothing says so outright. The model
     * scores service above article; another type must beat article by the
     * article margin (WN_TUNE.pagetype.article_margin), so the page stays on
     * the article path, as pages without evidence always did. */
    static const char html[] =
        "<html><body><h1>Bicycle repairs</h1><h2>Brakes</h2>"
        "<p>We fix brakes, gears and wheels while you wait, most jobs in an hour.</p>"
        "<p>Bring the bicycle to the workshop on any weekday morning, or ring ahead.</p>"
        "<p>Parts we do not stock arrive within two days from our usual suppliers.</p>"
        "<h2>Gears</h2><p>Shifting tuned.</p>"
        "</body></html>";
    wn_pagetype pt;
    CHECK_EQ_INT(classify(html, "https://wheels.example/repairs", &pt), WN_PAGE_ARTICLE);
    CHECK(!pt.tiny);   /* over WN_TUNE.pagetype.tiny_page_text_k: the model decided */
    CHECK(pt.score[WN_PAGE_ARTICLE] > pt.score[WN_PAGE_SERVICE]);
    /* without the margin, service would have won */
    CHECK(pt.score[WN_PAGE_ARTICLE] - WN_TUNE.pagetype.article_margin < pt.score[WN_PAGE_SERVICE]);
    /* the runner-up is within the margin (WN_TUNE.pagetype.article_margin)
     * of article's score: the margin, not the model alone, kept the page an
     * article */
    float other = -1e30f;
    for (int t = WN_PAGE_FORUM; t < WN_PAGE__COUNT; t++)
        other = pt.score[t] > other ? pt.score[t] : other;
    CHECK(pt.score[WN_PAGE_ARTICLE] - other < WN_TUNE.pagetype.article_margin);
}

static void test_forum_needs_a_thread(void)
{
    /* A short note of plain paragraphs, no headings, no links: the trees,
     * which saw few pages this short, score it closer to a thread than to an
     * article. Nothing on it says thread (no forum address, no declared
     * discussion, no posts, no forum markup), so forum may not win
     * (needs[] in pagetype_rules.h): it stays an article. */
    static const char html[] =
        "<html><body><h1>Bicycle repairs</h1>"
        "<p>We fix brakes, gears and wheels while you wait, most jobs in an hour.</p>"
        "<p>Bring the bicycle to the workshop on any weekday morning, or ring ahead.</p>"
        "<p>Parts we do not stock arrive within two days from our usual suppliers.</p>"
        "</body></html>";
    wn_pagetype pt;
    CHECK_EQ_INT(classify(html, "https://wheels.example/repairs", &pt), WN_PAGE_ARTICLE);
    CHECK(!pt.tiny);
    CHECK(pt.score[WN_PAGE_FORUM] > pt.score[WN_PAGE_ARTICLE]);   /* the need decided */
    CHECK(pt.f[PTF_URL_FORUM] == 0 && pt.f[PTF_SCHEMA_FORUM] == 0);
    CHECK(pt.f[PTF_POST_ITEMS] == 0 && pt.f[PTF_FORUM_NAMES] == 0);
    /* the same note as three posts of a thread's markup is one */
    static const char thread[] =
        "<html><body><h1>Bicycle repairs</h1><div class=topic>"
        "<div class=post><p>We fix brakes, gears and wheels while you wait, most jobs in an hour.</p></div>"
        "<div class=post><p>Bring the bicycle to the workshop on any weekday morning, or ring ahead.</p></div>"
        "<div class=post><p>Parts we do not stock arrive within two days from our usual suppliers.</p></div>"
        "</div></body></html>";
    CHECK_EQ_INT(classify(thread, "https://wheels.example/repairs", &pt), WN_PAGE_FORUM);
    CHECK(pt.f[PTF_FORUM_NAMES] > 0);
}

static void test_service_needs_a_call_to_act(void)
{
    /* Four short sections under headings at the top of a site, no date, no
     * author: the trees score it a service page. With not one link, button,
     * form or landing-page name it asks the reader to do nothing, so service
     * may not win (needs[]): it stays an article. One link to book a repair
     * is enough to let the model's choice stand. */
    static const char quiet[] =
        "<html><body><div><h1>Bicycle repairs</h1></div>"
        "<section><h2>Brakes</h2><p>Pads, cables and discs checked and set.</p>"
        "<h2>Gears</h2><p>Shifting tuned, chains and cassettes replaced when worn.</p>"
        "<h2>Wheels</h2><p>Spokes trued and tubes changed while you wait.</p>"
        "<h2>Fittings</h2><p>Saddles, bars and pedals set to your size.</p></section>"
        "<div><p>Quick and friendly, my bike rides like new.</p></div></body></html>";
    wn_pagetype pt;
    CHECK_EQ_INT(classify(quiet, "https://wheels.example/repairs", &pt), WN_PAGE_ARTICLE);
    CHECK(pt.score[WN_PAGE_SERVICE] > pt.score[WN_PAGE_ARTICLE]);   /* the need decided */
    CHECK(pt.f[PTF_LINK_DENSITY] == 0 && pt.f[PTF_BUTTONS] == 0 && pt.f[PTF_FORMS] == 0);
    static const char asks[] =
        "<html><body><div><h1>Bicycle repairs</h1><a href=/book>Book a repair</a></div>"
        "<section><h2>Brakes</h2><p>Pads, cables and discs checked and set.</p>"
        "<h2>Gears</h2><p>Shifting tuned, chains and cassettes replaced when worn.</p>"
        "<h2>Wheels</h2><p>Spokes trued and tubes changed while you wait.</p>"
        "<h2>Fittings</h2><p>Saddles, bars and pedals set to your size.</p></section>"
        "<div><p>Quick and friendly, my bike rides like new.</p></div></body></html>";
    CHECK_EQ_INT(classify(asks, "https://wheels.example/repairs", &pt), WN_PAGE_SERVICE);
    CHECK(pt.f[PTF_LINK_DENSITY] > 0);
}

static void test_index_types_pooled(void)
{
    /* Four bare linked names under a heading and a line of text: the model
     * spreads its belief in an index over listing and collection, and each
     * alone scores below service. The two take the same path, so they
     * compete pooled (the log of their summed odds), which beats service:
     * the page is an index, named by the larger of the two. */
    char html[2048] = "<html><body><h1>Garden furniture</h1>"
                      "<p>Chairs and tables for small gardens and balconies.</p><ul class=items>";
    for (int i = 0; i < 4; i++) {
        char item[128];
        snprintf(item, sizeof item, "<li class=item><a href='/shelf/%d'>Garden chair number %d</a></li>", i, i);
        strcat(html, item);
    }
    strcat(html, "</ul></body></html>");
    wn_pagetype pt;
    CHECK_EQ_INT(classify(html, NULL, &pt), WN_PAGE_LISTING);
    CHECK(pt.score[WN_PAGE_SERVICE] > pt.score[WN_PAGE_LISTING]);      /* alone, service wins */
    CHECK(pt.score[WN_PAGE_SERVICE] > pt.score[WN_PAGE_COLLECTION]);
    CHECK(pt.score[WN_PAGE_LISTING] > pt.score[WN_PAGE_COLLECTION]);   /* the larger names it */
}

static void test_collection(void)
{
    /* A shop's grid: eight linked cards with an image, a price and a cart
     * button each. */
    char html[8192] = "<html><body><h1>Socks</h1><ul class=grid>";
    for (int i = 0; i < 8; i++) {
        char item[512];
        snprintf(item, sizeof item,
                 "<li class=card><a href='/products/sock-%d'><img src='s%d.jpg' alt=''>"
                 "<span>Wool sock %d</span></a><span class=price>$1%d.00</span>"
                 "<button class=add-to-cart>Add to cart</button></li>",
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

/* MARK: The one walk's signals (hand-counted on small pages) */

static void signals(const char *html, const char *url, wn_pagetype *pt)
{
    (void)classify(html, url, pt);
}

static void test_linked_headings(void)
{
    /* A heading holding a link and a link holding a heading are teaser
     * titles; a plain heading and a link beside a heading are not. Each
     * heading counts once however many links it holds. */
    wn_pagetype pt;
    signals("<html><body>"
            "<h2><a href='/a'>First story</a></h2>"
            "<a href='/b'><h3>Second story</h3></a>"
            "<h3><a href='/c'>Third</a> and <a href='/d'>fourth</a></h3>"
            "<h2>Plain section</h2><a href='/e'>a link after it</a>"
            "<h4><a name='anchor'>an anchor, no address</a></h4>"
            "</body></html>", NULL, &pt);
    CHECK_EQ_INT((int)pt.f[PTF_LINKED_HEADINGS], 3);
    CHECK_EQ_INT((int)pt.f[PTF_HEADINGS], 5);
}

static void test_paragraph_share(void)
{
    /* 20 bytes in a paragraph, 20 in a div: half the text is paragraphs. */
    wn_pagetype pt;
    signals("<html><body><p>abcdefghijklmnopqrst</p><div>abcdefghijklmnopqrst</div></body></html>",
            NULL, &pt);
    CHECK(pt.f[PTF_P_SHARE] > 0.49f && pt.f[PTF_P_SHARE] < 0.51f);
    CHECK_EQ_INT((int)pt.f[PTF_LONGEST_P], 20);
    CHECK_EQ_INT((int)pt.f[PTF_LONG_P], 0);
}

static void test_front_page_address(void)
{
    wn_pagetype pt;
    static const char html[] = "<html><body><p>Welcome.</p></body></html>";
    signals(html, "https://shop.example/", &pt);
    CHECK(pt.f[PTF_URL_HOME] == 1);
    signals(html, "https://shop.example/?ref=mail", &pt);
    CHECK(pt.f[PTF_URL_HOME] == 1);
    signals(html, "https://shop.example/about", &pt);
    CHECK(pt.f[PTF_URL_HOME] == 0);
    signals(html, NULL, &pt);   /* no address: not a front page */
    CHECK(pt.f[PTF_URL_HOME] == 0);
}

static void test_chrome_not_read(void)
{
    /* The menu, sidebar and footer are not what the page is: their links,
     * text and class names are not counted. What is left: 10 bytes of
     * paragraph text, 4 of them a link. */
    wn_pagetype pt;
    signals("<html><body><nav class=pagination><a href='/1'>one</a><a href='/2'>two</a></nav>"
            "<aside class=cart><a href='/x'>basket link text</a></aside>"
            "<p>abcdef<a href='/y'>ghij</a></p>"
            "<footer class=pricing><a href='/z'>footer link</a></footer></body></html>",
            NULL, &pt);
    CHECK(pt.f[PTF_TEXT_K] > 0.0099f && pt.f[PTF_TEXT_K] < 0.0101f);
    CHECK(pt.f[PTF_LINK_DENSITY] > 0.39f && pt.f[PTF_LINK_DENSITY] < 0.41f);
    CHECK(pt.f[PTF_LIST_NAMES] == 0);
    CHECK(pt.f[PTF_CART] == 0);
    CHECK(pt.f[PTF_SERVICE_NAMES] == 0);
}

static void test_nested_runs(void)
{
    /* Three alike sections, each a run of five priced cards: the largest run
     * of cards is one section's five (the sections themselves are alike but
     * hold no link of their own at the top... they do hold the cards' links,
     * so they are cards too: three of them, fewer than five). The cards'
     * prices and images come from inside each card. */
    char html[16384] = "<html><body><main>";
    for (int s = 0; s < 3; s++) {
        strcat(html, "<section class=shelf><ul class=row>");
        for (int i = 0; i < 5; i++) {
            char item[256];
            snprintf(item, sizeof item,
                     "<li class=card><a href='/p/%d-%d'><img src='i.jpg' alt=''>Mug %d</a>"
                     "<span>$%d.50</span></li>", s, i, i, 10 + i);
            strcat(html, item);
        }
        strcat(html, "</ul></section>");
    }
    strcat(html, "</main></body></html>");
    wn_pagetype pt;
    signals(html, NULL, &pt);
    CHECK_EQ_INT((int)pt.f[PTF_CARD_ITEMS], 5);
    CHECK(pt.f[PTF_CARD_PRICE] > 0.99f);
    CHECK(pt.f[PTF_CARD_IMG] > 0.99f);
    CHECK_EQ_INT((int)pt.f[PTF_CARD_PRICED], 5);
    CHECK_EQ_INT((int)pt.f[PTF_CARD_GROUPS], 3);   /* the three rows of five (the shelves: 3 < 4) */
    CHECK_EQ_INT((int)pt.f[PTF_PRICES], 15);
}

static void test_posts_in_a_run(void)
{
    /* Three replies named like posts, each with its own text of 80 bytes or
     * more, and one short one: three posts (the first counts too, though it
     * is looked at only once the second makes a run). */
    static const char reply[] =
        "<div class=post><p>I had the same trouble last winter, and in the end the fix was a new seal on the pump.</p></div>";
    char html[4096] = "<html><body><div class=thread>";
    for (int i = 0; i < 3; i++)
        strcat(html, reply);
    strcat(html, "<div class=post><p>Thanks!</p></div></div></body></html>");
    wn_pagetype pt;
    signals(html, NULL, &pt);
    CHECK_EQ_INT((int)pt.f[PTF_POST_ITEMS], 3);
    /* two posts are no run */
    char two[4096] = "<html><body><div class=thread>";
    strcat(two, reply);
    strcat(two, reply);
    strcat(two, "</div></body></html>");
    signals(two, NULL, &pt);
    CHECK_EQ_INT((int)pt.f[PTF_POST_ITEMS], 0);
}

static void test_deep_page(void)
{
    /* Nesting deeper than the walk keeps frames for: the text is all counted
     * and nothing breaks; the run at the bottom is past the frames. */
    enum { DEPTH = 300 };
    static char html[DEPTH * 11 + 4096];
    strcpy(html, "<html><body>");
    for (int i = 0; i < DEPTH; i++)
        strcat(html, "<div><i></i>");
    for (int i = 0; i < 5; i++)
        strcat(html, "<p class=x><a href='/q'>0123456789</a></p>");
    for (int i = 0; i < DEPTH; i++)
        strcat(html, "</div>");
    strcat(html, "</body></html>");
    wn_pagetype pt;
    signals(html, NULL, &pt);
    CHECK(pt.f[PTF_TEXT_K] > 0.0499f && pt.f[PTF_TEXT_K] < 0.0501f);
    CHECK(pt.f[PTF_LINK_DENSITY] > 0.99f);
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
    RUN(test_forum_needs_a_thread);
    RUN(test_service_needs_a_call_to_act);
    RUN(test_index_types_pooled);
    RUN(test_collection);
    RUN(test_forum_and_docs);
    RUN(test_default_and_forced);
    RUN(test_linked_headings);
    RUN(test_paragraph_share);
    RUN(test_front_page_address);
    RUN(test_chrome_not_read);
    RUN(test_nested_runs);
    RUN(test_posts_in_a_run);
    RUN(test_deep_page);
    RUN(test_public_api);
    CHECK_DONE();
}
