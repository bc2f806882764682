/*
 * test_collection.c: collection pages (a shop's grid, a category of stories)
 * on small hand-written pages, through the public API: which of the grid's
 * parts end up in the text, and which of the page's furniture does not.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "extract_util.h"
#include "winnow.h"

static char text[65536];

/* Extract html as type (WN_PAGE_UNKNOWN: classify) into text[]; returns the type. */
static wn_page_type extract_as(const char *html, wn_page_type type)
{
    return copy_text_as(html, type, text, sizeof text);
}

#define HAS(s) CHECK(strstr(text, (s)) != NULL)
#define HAS_NOT(s) CHECK(strstr(text, (s)) == NULL)

/* The grid sits in blocks named after the layout around them (an off-canvas
 * page's content wrapper, a box for the filters and the pager together):
 * such a block holding most of the region wraps the list and stays; the
 * small blocks of the same names inside it (the filter panel, the pager)
 * still go. */
static void test_collection_in_chrome_named_wrapper(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><div class=off-canvas-wrap><div class=offcanvas-menu><a href=/>Home</a>"
        "<a href=/boots>Boots</a><a href=/sale>Sale</a></div>"
        "<div class=filtering-and-paging><h1>Walking boots</h1>"
        "<div class=filter-panel><a href='?w=wide'>Wide fit (12)</a> <a href='?w=std'>Standard (30)</a></div>"
        "<ul class=grid>");
    for (int i = 1; i <= 8; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=tile><a href=/b/%d><h3>Leather hill boot, style %d</h3></a>"
            "<span class=price>$%d9.00</span><p>Resoled by hand, waxed laces.</p></li>",
            i, i, i + 10);
    snprintf(html + n, sizeof html - n,
        "</ul><div class=pagination><a href='?p=2'>Next page</a></div></div></div></body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    HAS("Leather hill boot, style 1");
    HAS("Leather hill boot, style 8");
    HAS("$189.00");
    HAS_NOT("Wide fit (12)");
    HAS_NOT("Next page");
}

/* A card's own <header> holds its title link, and often its author's and its
 * comment count's: three links that a page header would be judged a menu by.
 * Inside an item of the list it stays; the page's header with its menu and a
 * footer inside a run of alike layout boxes still go. */
static void test_card_header_with_links_stays(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><h1>Garden birds</h1><p>Members send in what they see in their gardens "
        "through the year, and the reports below are the newest of them: a note on each bird, "
        "the writer's name and how many replies the note has had from other members so far.</p>"
        "<section class=river>");
    for (int i = 1; i <= 6; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<article class=story><header><h2><a href=/s/%d>Wrens nesting in the ivy, report %d</a></h2>"
            "<p>Small brown birds build domed nests low in the hedge, report %d.</p>"
            "<div class=aux><a href=/who/ann>Ann Field</a> <a href=/s/%d#c>%d</a></div></header></article>",
            i, i, i, i, i + 2);
    snprintf(html + n, sizeof html - n,
        "</section><div class=foot><footer><ul><li><a href=/a>About the society</a></li>"
        "<li><a href=/b>Membership</a></li><li><a href=/c>Contact</a></li></ul></footer></div>"
        "<div class=foot><p>Registered charity.</p></div><div class=foot><p>Printed on paper.</p></div>"
        "</body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    HAS("Wrens nesting in the ivy, report 1");
    HAS("Wrens nesting in the ivy, report 6");
    HAS("domed nests low in the hedge, report 4");
    HAS("Ann Field");
    HAS_NOT("About the society");
}

/* A card's brand and name in two spans with nothing between them: the
 * page's style sets them apart, so the text does too ("Fellside Ridge
 * boot", not "FellsideRidge boot"). A seam inside a word (a lowercase letter
 * after the edge) stays closed. */
static void test_card_parts_in_spans_split(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Boots</h1><p>Every boot below is resoled in our own workshop "
        "when the tread wears down, for as long as the uppers hold together.</p><ul class=grid>");
    for (int i = 1; i <= 5; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=card><a href=/b/%d><span class=brand>Fellside</span><span class=name>Ridge "
            "boot %d</span></a><span class=price>$1%d0.00</span><span class=note>Wa</span><span>"
            "terproof</span></li>", i, i, i);
    snprintf(html + n, sizeof html - n, "</ul></main></body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    HAS("Fellside Ridge boot 1");
    HAS("Fellside Ridge boot 5");
    HAS("Waterproof");
    HAS_NOT("FellsideRidge");
}

/* A card's labels for screen readers only ("Sale price" before the price)
 * are not its text (outside the cards such blocks go by their boilerplate
 * name already); a reader-only value (the price itself, where the shown one
 * is hidden from readers) stays. */
static void test_card_reader_labels_dropped(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Teapots</h1><p>Glazed stoneware teapots, each thrown on the "
        "wheel in our studio by the river and fired for a full day and a night.</p><ul class=grid>");
    for (int i = 1; i <= 5; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=card><a href=/t/%d>Round teapot, glaze %d</a><span class=\"price visually-hidden\">"
            "Sale price</span><span aria-hidden=true>$4%d.00</span><span class=screen-reader-text>"
            "Current price: $4%d.00</span></li>", i, i, i, i);
    snprintf(html + n, sizeof html - n, "</ul></main></body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    HAS("Round teapot, glaze 1");
    HAS("Current price: $45.00");
    HAS_NOT("Sale price");
}

/* A card's buttons and badges ("Add to cart", "Quick view", "Compare", a
 * rating's count) and the list's own ("Load more") are the page's
 * machinery: an element whose whole text is such a label goes, whatever its
 * case, its punctuation or the icon beside it, and says so in --explain.
 * The same words inside a sentence are text. */
static void test_card_buttons_dropped(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Garden trowels</h1><p>Forged in one piece and fitted with ash "
        "handles. Come to the shed on Saturdays to learn more about how we temper them.</p>"
        "<ul class=grid>");
    for (int i = 1; i <= 5; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=card><span class=badge>NEW</span><a href=/t/%d>Narrow trowel, size %d</a>"
            "<span class=stars>4.%d</span><span class=count>(1%d)</span>"
            "<span class=price>$2%d.50</span><span class=off>2%d%% off</span>"
            "<a class=qv href=#>Quick view \xe2\x80\xba</a><span class=swatches>%d Colors</span>"
            "<button class=atc>ADD-TO-CART</button><label><input type=checkbox> Compare</label>"
            "<p>Compare the blade with the wide one in size %d.</p></li>",
            i, i, i, i, i, i, i + 1, i);
    snprintf(html + n, sizeof html - n,
        "</ul><button class=more>Load more \xe2\x86\x92</button><span>Loading\xe2\x80\xa6</span>"
        "</main></body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    HAS("Narrow trowel, size 1");
    HAS("Narrow trowel, size 5");
    HAS("$25.50");
    HAS("4.3");
    HAS("learn more about how we temper");
    HAS("Compare the blade with the wide one");
    HAS_NOT("NEW");
    HAS_NOT("(13)");
    HAS_NOT("% off");
    HAS_NOT("Quick view");
    HAS_NOT("Colors");
    HAS_NOT("ADD-TO-CART");
    /* "Compare" is left only in the five sentences. */
    int compares = 0;
    for (const char *p = text; (p = strstr(p, "Compare")) != NULL; p++)
        compares++;
    CHECK_EQ_INT(compares, 5);
    HAS_NOT("Load more");
    HAS_NOT("Loading");
    const char *line = explain_line(explain_as(html, WN_PAGE_COLLECTION), "Quick view");
    CHECK(strstr(line, "dropped ui-label") != NULL);
}

/* The labels in other languages, and the rule's reach: on an article the
 * same button stays (an article's "Learn more" may be its last words). */
static void test_card_buttons_other_languages(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Gartenkellen</h1><p>Aus einem St\xc3\xbc" "ck geschmiedet und mit "
        "Griffen aus Eschenholz, die wir in unserer Werkstatt am Fluss selbst drechseln.</p>"
        "<ul class=grid>");
    for (int i = 1; i <= 5; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=card><a href=/k/%d>Schmale Kelle, Gr\xc3\xb6\xc3\x9f" "e %d</a>"
            "<span class=price>2%d,50 \xe2\x82\xac</span><span class=stock>Auf Lager</span>"
            "<a class=btn href=#>In den Warenkorb</a><a class=btn href=#>Mehr erfahren</a></li>",
            i, i, i);
    snprintf(html + n, sizeof html - n, "</ul></main></body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    HAS("Schmale Kelle");
    HAS("21,50");
    HAS_NOT("Auf Lager");
    HAS_NOT("In den Warenkorb");
    HAS_NOT("Mehr erfahren");
    extract_as(html, WN_PAGE_ARTICLE);
    HAS("Mehr erfahren");
}

/* What reads like a label but is not one: a code token of a listed recipe
 * (`filter`, `new`) and a field name in a table's cell ("Rating | IP67")
 * are text, not buttons; each entry's "Read more" link is a label. */
static void test_labels_spare_code_and_cells(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Recipes for the queue library</h1><p>Short notes on the calls "
        "people ask about most, each with a line of code you can paste into a shell.</p><ul class=index>");
    for (int i = 1; i <= 4; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=entry><a href=/r/%d>Draining a queue, note %d</a><p>Call <code>filter</code> "
            "first, then make a <code>new</code> batch from what is left, step %d.</p>"
            "<a class=more href=/r/%d>Read more \xc2\xbb</a></li>", i, i, i, i);
    snprintf(html + n, sizeof html - n,
        "</ul><table><tr><th>Rating</th><td>IP67 against dust and rain</td></tr>"
        "<tr><th>Weight</th><td>1.2 kg without the battery</td></tr></table></main></body></html>");
    extract_as(html, WN_PAGE_LISTING);
    HAS("Draining a queue, note 4");
    HAS("filter");
    HAS("new");
    HAS("Rating");
    HAS("IP67 against dust");
    HAS_NOT("Read more");   /* the teaser's own link is a label */
}

/* A card's picture link with "Quick view" laid over it: the label goes, the
 * picture stays (rendered with images). */
static void test_label_over_picture_keeps_picture(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Vases</h1><p>Thrown on the wheel and glazed by hand in the "
        "studio by the river, each one a little different from the next.</p><ul class=grid>");
    for (int i = 1; i <= 5; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=card><a class=pic href=/v/%d><img src=/img/vase%d.jpg alt=\"Vase %d\">"
            "<span class=qv>Quick view</span></a><a href=/v/%d>Tall vase, glaze %d</a>"
            "<span class=price>$3%d.00</span></li>", i, i, i, i, i, i);
    snprintf(html + n, sizeof html - n, "</ul></main></body></html>");
    wn_article *a = NULL;
    const char *t = text_as(html, WN_PAGE_COLLECTION, &a);
    CHECK(strstr(t, "Tall vase, glaze 3") != NULL);
    CHECK(strstr(t, "Quick view") == NULL);
    text_sink md = { .n = 0 };
    md.buf[0] = 0;
    CHECK_EQ_INT(wn_render(a, WN_FMT_MARKDOWN, WN_RENDER_IMAGES, sink_into, &md), WN_OK);
    CHECK(strstr(md.buf, "vase3.jpg") != NULL);
    wn_article_free(a);
}

int main(void)
{
    RUN(test_collection_in_chrome_named_wrapper);
    RUN(test_card_header_with_links_stays);
    RUN(test_card_parts_in_spans_split);
    RUN(test_card_reader_labels_dropped);
    RUN(test_card_buttons_dropped);
    RUN(test_card_buttons_other_languages);
    RUN(test_labels_spare_code_and_cells);
    RUN(test_label_over_picture_keeps_picture);
    CHECK_DONE();
}
