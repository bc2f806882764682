/*
 * test_types.c: type-specific extraction (src/extract/type_*.c) and the
 * whole-page recoveries, through the public API on small hand-written pages:
 * which sentences end up in the text under each page type.
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

/* A shop's category grid: every card, not one; the filters, sort bar,
 * breadcrumbs and pagination are not content. Each card has its cart button,
 * as shop grids do: priced linked cards alone, with no address, are a close
 * call between a collection and a listing for the classifier. */
static void test_collection_keeps_every_card(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><header><nav><a href=/>Home</a><a href=/shop>Shop</a><a href=/help>Help</a></nav></header>"
        "<main><ol class=breadcrumbs><li><a href=/>Home</a></li><li><a href=/mugs>Mugs</a></li></ol>"
        "<h1>Enamel mugs</h1><p>Camp mugs in six colours, fired twice so the glaze lasts.</p>"
        "<form class=filters><label><input type=checkbox> Blue (4)</label><label><input type=checkbox> Red (2)</label></form>"
        "<div class=sort-bar>Sort by: <a href='?s=price'>Price</a> <a href='?s=new'>Newest</a></div>"
        "<ul class=grid>");
    for (int i = 1; i <= 6; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=card><a href=/mugs/%d><img src=m%d.jpg alt=''><h3>Enamel camp mug number %d, speckled</h3></a>"
            "<span class=price>$1%d.00</span><button class=add-to-cart>Add to basket</button></li>",
            i, i, i, i);
    snprintf(html + n, sizeof html - n,
        "</ul><div class=pagination><a href='?p=1'>1</a><a href='?p=2'>2</a><a href='?p=3'>Next</a></div>"
        "</main><footer><a href=/a>About</a><a href=/b>Careers</a><a href=/c>Contact</a></footer></body></html>");
    CHECK_EQ_INT(extract_as(html, WN_PAGE_UNKNOWN), WN_PAGE_COLLECTION);
    for (int i = 1; i <= 6; i++) {
        char want[64];
        snprintf(want, sizeof want, "Enamel camp mug number %d, speckled", i);
        HAS(want);
        snprintf(want, sizeof want, "$1%d.00", i);
        HAS(want);
    }
    HAS("fired twice so the glaze lasts");
    HAS_NOT("Sort by");
    HAS_NOT("Blue (4)");
    HAS_NOT("Next");
    HAS_NOT("Careers");
    HAS_NOT("Help");
}

/* A content index: each item's title and summary; site chrome dropped. */
static void test_listing_keeps_every_item(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><nav><a href=/>Home</a><a href=/news>News</a><a href=/about>About us</a></nav>"
        "<div id=content><h1>Latest news</h1>");
    for (int i = 1; i <= 5; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<article class=teaser><h2><a href=/news/item-%d>Harbour report number %d</a></h2>"
            "<time>May %d, 2026</time><p>Summary %d: the ferry timetable changes again next week.</p></article>",
            i, i, i, i);
    snprintf(html + n, sizeof html - n,
        "<ul class=pager><li><a href='?page=2'>Older posts</a></li></ul>"
        "<div class=newsletter>Get the harbour letter every Friday in your inbox.</div></div>"
        "</body></html>");
    extract_as(html, WN_PAGE_LISTING);
    for (int i = 1; i <= 5; i++) {
        char want[64];
        snprintf(want, sizeof want, "Harbour report number %d", i);
        HAS(want);
        snprintf(want, sizeof want, "Summary %d:", i);
        HAS(want);
    }
    HAS_NOT("Older posts");
    HAS_NOT("harbour letter");
    HAS_NOT("About us");
}

/* A block named like a filter panel holds links or inputs; one so named that
 * holds prose (a buying guide laid out in "facet" rows) is content. */
static void test_control_named_prose_stays(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Kettles</h1>"
        "<div class=facet-panel><a href='?c=red'>Red (3)</a> <a href='?c=steel'>Steel (8)</a>"
        " <a href='?c=black'>Black (5)</a></div><ul class=grid>");
    for (int i = 1; i <= 4; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=card><a href=/k/%d><h3>Stovetop kettle model %d</h3></a><span>$3%d.00</span></li>",
            i, i, i);
    snprintf(html + n, sizeof html - n,
        "</ul><div class=facet-row><h2>How do I choose a kettle?</h2><p>A stovetop kettle "
        "suits a gas hob and a camp stove alike, and it never needs a socket. Look at the "
        "handle first: it should stay cool while the water boils, and the spout should pour "
        "without dripping onto the counter.</p></div></main></body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    HAS("Stovetop kettle model 4");
    HAS("it should stay cool while the water boils");
    HAS_NOT("Steel (8)");
}

/* A listing built inside one page-wide <form> (some frameworks wrap the whole
 * body in one) keeps its rows; a small sort form inside it still goes. */
static void test_listing_inside_form(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><form id=page action=/list method=post><input type=hidden name=v value=1>"
        "<h1>Allotment plots</h1><form class=order><select name=o><option>Newest</option></select>"
        "<button>Apply order</button></form><table>");
    for (int i = 1; i <= 6; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<tr><td><a href=/plot/%d>Plot %d by the east hedge</a></td><td>%d square metres, "
            "water tap and a shed</td></tr>", i, i, 40 + i);
    snprintf(html + n, sizeof html - n, "</table></form></body></html>");
    extract_as(html, WN_PAGE_LISTING);
    HAS("Plot 1 by the east hedge");
    HAS("Plot 6 by the east hedge");
    HAS("46 square metres");
    HAS_NOT("Apply order");
}

/* The items of a list are content whatever their class names say: a card's
 * "header" holds its title and its "footer" its date. The same names on a
 * block that is not one of a run of alike items still go. */
static void test_list_items_keep_named_parts(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Field notes</h1><div class=page-banner><a href=/join>Sign up for "
        "the spring walks programme today</a></div><div class=feed>");
    for (int i = 1; i <= 5; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<div class=card><div class=card-header><a href=/n/%d>Otters seen at the weir, note %d</a>"
            "</div><p>Two adults and a cub fishing below the sluice at dusk.</p>"
            "<div class=card-footer>Written on March %d</div></div>", i, i, i + 10);
    snprintf(html + n, sizeof html - n, "</div></main></body></html>");
    extract_as(html, WN_PAGE_LISTING);
    HAS("Otters seen at the weir, note 1");
    HAS("Otters seen at the weir, note 5");
    HAS("Written on March 11");
    HAS("Written on March 15");
    HAS_NOT("spring walks programme");
}

/* A category's guide set after the <main> that holds the grid is part of
 * the page's content; the footer beside it and a bare run of filler text
 * (no paragraph of its own) are not. */
static void test_collection_guide_beside_main(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><div class=page><header><a href=/>Home</a><a href=/tents>Tents</a>"
        "<a href=/help>Help</a></header><main><h1>Tents</h1><ul class=grid>");
    for (int i = 1; i <= 8; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=tile><a href=/t/%d><h3>Ridge tent for %d sleepers</h3></a><span>$%d9.00</span></li>",
            i, i + 1, i + 10);
    snprintf(html + n, sizeof html - n,
        "</ul></main><div class=seo-block><h2>Choosing a tent</h2><p>A tent for the hills should "
        "stand up to wind before anything else, so look at how many poles cross and how low the "
        "flysheet reaches the ground.</p><p>For summer camping by a car a larger porch matters "
        "more than weight, and a second door saves climbing over the others at night.</p></div>"
        "<div>filler filler filler filler filler filler filler filler filler filler filler filler "
        "filler filler filler filler filler filler filler filler filler filler filler filler filler "
        "filler filler filler filler filler filler filler filler filler filler filler</div>"
        "<footer><p>Camp Supply Ltd, 4 Mill Lane. Opening hours Monday to Saturday.</p>"
        "<a href=/a>About</a><a href=/b>Careers</a><a href=/c>Contact</a></footer></div></body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    HAS("Ridge tent for 2 sleepers");
    HAS("Ridge tent for 9 sleepers");
    HAS("how low the flysheet reaches the ground");
    HAS("a second door saves climbing");
    HAS_NOT("filler filler");
    HAS_NOT("Opening hours");
    HAS_NOT("Help");
}

/* A card that shows its title twice (an image link and a heading) and the
 * same badge as every other card: the text keeps the first copy of each. */
static void test_list_repeats_once(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><h1>Garden benches</h1><div class=grid>");
    for (int i = 1; i <= 5; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<div class=card><div class=pic><a href=/b/%d>Oak bench with armrests, size %d</a></div>"
            "<h3><a href=/b/%d>Oak bench with armrests, size %d</a></h3><div class=badge>Delivered free</div>"
            "<p>Seats %d, oiled by hand.</p></div>", i, i, i, i, i + 1);
    snprintf(html + n, sizeof html - n, "</div></main></body></html>");
    extract_as(html, WN_PAGE_COLLECTION);
    for (int i = 1; i <= 5; i++) {
        char want[64];
        snprintf(want, sizeof want, "Oak bench with armrests, size %d", i);
        const char *first = strstr(text, want);
        CHECK(first != NULL);
        CHECK(first == NULL || strstr(first + 1, want) == NULL);
        snprintf(want, sizeof want, "Seats %d, oiled", i + 1);
        HAS(want);
    }
    const char *badge = strstr(text, "Delivered free");
    CHECK(badge != NULL);
    CHECK(badge == NULL || strstr(badge + 1, "Delivered free") == NULL);
}

/* A listing's introduction set in a block named like page furniture (a
 * "header") reads as prose and stays; a "header" of links goes. */
static void test_listing_intro_in_named_header(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><main><div class=list-header><h1>Walks near the river</h1><p>Every walk "
        "here starts at a station, follows the water for part of the way and ends where a bus "
        "or a train can take you home again without a long wait.</p></div>"
        "<div class=sub-header><a href=/a>Short</a> <a href=/b>Long</a> <a href=/c>Dogs</a></div><ul>");
    for (int i = 1; i <= 12; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<li class=walk><a href=/w/%d>River walk %d</a><p>%d miles along the towpath, past "
            "the locks and the old mill.</p></li>", i, i, i + 2);
    snprintf(html + n, sizeof html - n, "</ul></main></body></html>");
    extract_as(html, WN_PAGE_LISTING);
    HAS("River walk 12");
    HAS("follows the water for part of the way");
    HAS_NOT("Dogs");
}

/* A service page: every section stays, cards whose whole text is a link
 * included; a block of short links no tag marks as navigation (a list of the
 * firm's other pages) goes. */
static void test_service_drops_link_lists(void)
{
    static const char html[] =
        "<html><body><div class=top><h1>Roof repair</h1>"
        "<p>We fix leaks, replace broken tiles and clear gutters across the valley, and every"
        " job comes with a written ten-year guarantee on the work we did.</p></div>"
        "<div class=cards><a href=/flat><h3>Flat roofs</h3><p>Membranes patched or relaid in a"
        " day, with the old layer taken away.</p></a><a href=/slate><h3>Slate roofs</h3><p>Slates"
        " matched by quarry and hung on copper nails, the way they were first laid.</p></a></div>"
        "<div class=more><a href=/a>Chimneys</a> <a href=/b>Skylights</a> <a href=/c>Fascias</a>"
        " <a href=/d>Insulation</a> <a href=/e>Solar panels</a></div>"
        "<div class=why><h2>Why us</h2><p>Our roofers have worked together for twenty years and"
        " we answer the phone ourselves, on weekends too.</p></div></body></html>";
    extract_as(html, WN_PAGE_SERVICE);
    HAS("written ten-year guarantee");
    HAS("hung on copper nails");
    HAS("we answer the phone ourselves");
    HAS_NOT("Skylights");
}

/* A service page that prints its offer twice (a layout for wide screens and
 * one for phones) keeps one copy of each sentence; a plan table that says
 * "Included with every plan" in each column keeps every cell. */
static void test_service_repeats_once(void)
{
    static const char offer[] =
        "<div class=offer><h2>Garden design</h2><p>We draw the plan with you on site, choose"
        " plants that suit the soil and the light, and plant the whole garden in one visit.</p></div>";
    char html[8192];
    snprintf(html, sizeof html,
        "<html><body><main><div class=wide>%s</div><div class=narrow>%s</div>"
        "<table><tr><th>Small</th><th>Large</th></tr>"
        "<tr><td><p>Included with every plan we sell</p></td><td><p>Included with every plan we sell</p></td></tr>"
        "</table><div class=why><h2>Why us</h2><p>Our gardeners have planted in this valley for"
        " thirty years and come back each spring to see how the beds have settled.</p></div>"
        "</main></body></html>", offer, offer);
    extract_as(html, WN_PAGE_SERVICE);
    const char *first = strstr(text, "choose plants that suit the soil");
    CHECK(first != NULL);
    CHECK(first == NULL || strstr(first + 1, "choose plants that suit the soil") == NULL);
    const char *cell = strstr(text, "Included with every plan");
    CHECK(cell != NULL);
    CHECK(cell == NULL || strstr(cell + 1, "Included with every plan") != NULL);
    HAS("come back each spring");
}

/* A service page's rail of its latest posts, each card with a summary that
 * reads as prose, points to other pages: it goes; the page's sections stay. */
static void test_service_drops_latest_rail(void)
{
    static const char html[] =
        "<html><body><main><section class=intro><h1>Bookkeeping for small shops</h1><p>We keep"
        " your books every week, file the quarterly returns on time and tell you in plain words"
        " where the money went and what the next quarter looks like.</p></section>"
        "<section class=how><h2>How it works</h2><p>You send us receipts by post or by photo, we"
        " sort them the same week, and you get one short report at the end of each month.</p>"
        "</section><section class=latest-posts><h2>From the blog</h2>"
        "<div class=card><h3><a href=/p/1>Five receipts you can throw away</a></h3><p>Most paper"
        " can go after the return is filed, but a few slips are worth keeping for years.</p></div>"
        "<div class=card><h3><a href=/p/2>When to register for sales tax</a></h3><p>The threshold"
        " depends on what you sell and where your customers live, so look before you grow.</p></div>"
        "</section></main></body></html>";
    extract_as(html, WN_PAGE_SERVICE);
    HAS("file the quarterly returns on time");
    HAS("one short report at the end of each month");
    HAS_NOT("a few slips are worth keeping");
    HAS_NOT("look before you grow");
}

/* An article inside a page-wide <form> (some frameworks wrap the whole body in
 * one) keeps its text; a search form beside an article is still dropped. */
static void test_article_inside_form(void)
{
    extract_as("<html><body><form id=main action=/post method=post>"
               "<input type=hidden name=state value=x>"
               "<div class=story><h1>Winter roads</h1>"
               "<p>The county has salted the hill roads twice this week, and the crews will stay on call "
               "through the weekend while the cold holds over the valley.</p>"
               "<p>Drivers are asked to keep to the main routes, which are cleared first, and to leave "
               "extra room behind the gritting lorries on the steeper climbs.</p></div>"
               "</form></body></html>",
               WN_PAGE_ARTICLE);
    HAS("salted the hill roads");
    HAS("gritting lorries");
    extract_as("<html><body><div class=story><h1>Winter roads</h1>"
               "<p>The county has salted the hill roads twice this week, and the crews will stay on call "
               "through the weekend while the cold holds over the valley.</p>"
               "<form action=/search><input name=q><label>Search the site</label></form>"
               "<p>Drivers are asked to keep to the main routes, which are cleared first, and to leave "
               "extra room behind the gritting lorries on the steeper climbs.</p></div></body></html>",
               WN_PAGE_ARTICLE);
    HAS("salted the hill roads");
    HAS_NOT("Search the site");
}

/* A streaming server's late part: a hidden <div id="S:n"> at the end that a
 * script call moves into the <template id="B:n"> placeholder, replacing the
 * loading skeleton up to the boundary's closing comment. It is the article;
 * placed, it reads in its place (before the page's closing notes). */
static void test_streamed_parts(void)
{
    static const char body[] =
        "<p>Crews cleared the mountain pass after three days of snow, and the first lorries "
        "crossed at dawn with feed for the valley farms.</p><p>The road authority said the pass "
        "will stay open at night while the weather holds, with ploughs waiting at both ends.</p>";
    char page[4096];
    snprintf(page, sizeof page,
             "<html><body><header><a href=/>Home</a></header><main><h1>Pass reopened</h1>"
             "<!--$?--><template id=\"B:0\"></template><div class=skeleton>Loading story</div><!--/$-->"
             "<p class=note>Filed from the valley office.</p></main><footer>Contact us</footer>"
             "<div hidden id=\"S:0\">%s</div><script>$RC(\"B:0\",\"S:0\")</script></body></html>",
             body);
    extract_as(page, WN_PAGE_UNKNOWN);
    HAS("Crews cleared the mountain pass");
    HAS("ploughs waiting at both ends");
    HAS_NOT("Loading story");
    const char *story = strstr(text, "Crews cleared"), *note = strstr(text, "Filed from");
    CHECK(story && note && story < note);

    /* saved without its scripts: B:n takes S:n */
    snprintf(page, sizeof page,
             "<html><body><main><h1>Pass reopened</h1><template id=\"B:3\"></template></main>"
             "<div hidden id=\"S:3\">%s</div></body></html>", body);
    extract_as(page, WN_PAGE_UNKNOWN);
    HAS("Crews cleared the mountain pass");

    /* a call whose part holds its own placeholder is refused (a cycle), and a
     * hidden div no call names stays hidden */
    snprintf(page, sizeof page,
             "<html><body><main><h1>Pass reopened</h1><p>The valley road is open again to all "
             "traffic, the council said on Monday, after a week of repairs to the bridge.</p></main>"
             "<div hidden id=\"S:0\"><template id=\"B:0\"></template>%s</div>"
             "<div hidden id=\"S:1\"><p>Secret draft kept out of the page.</p></div>"
             "<script>$RC('B:0','S:0');$RC('B:9',</script></body></html>", body);
    extract_as(page, WN_PAGE_UNKNOWN);
    HAS("The valley road is open again");
    HAS_NOT("Crews cleared");
    HAS_NOT("Secret draft");
}

/* A <title> that is never closed holds the rest of the page by the standard;
 * the page is read again with the title ended at its first tag. A title with
 * no markup in it (an empty page) is left alone. */
static void test_unclosed_title(void)
{
    static const char page[] =
        "<html><head><title>Harbour notes<meta charset=utf-8></head><body>"
        "<h1>Harbour notes</h1><p>The harbour master counted fewer boats this spring than in "
        "any year since records began in the village, and the fishermen blame the cold water "
        "and the price of diesel.</p></body></html>";
    extract_as(page, WN_PAGE_UNKNOWN);
    HAS("The harbour master counted fewer boats");
    HAS_NOT("<p>");
    wn_options opt;
    wn_options_init(&opt);
    wn_extractor *ex = wn_extractor_new(&opt);
    wn_article *a = NULL;
    CHECK_EQ_INT(wn_extract(ex, page, strlen(page), NULL, &a, NULL), WN_OK);
    CHECK_EQ_STR(wn_article_get(a, WN_FIELD_TITLE), "Harbour notes");
    wn_article_free(a);
    static const char empty[] = "<html><head><title>Nothing here yet</title></head><body></body></html>";
    CHECK_EQ_INT(wn_extract(ex, empty, strlen(empty), NULL, &a, NULL), WN_OK);
    CHECK_EQ_STR(wn_article_get(a, WN_FIELD_TEXT), "");
    wn_article_free(a);
    wn_extractor_free(ex);
}

/* Read as an article, an index whose every item is one link (its title and
 * summary inside it): the article path finds only the short intro, and the
 * index, whose text all lies in teaser-long links, wins. */
static void test_article_index_of_linked_teasers(void)
{
    static const char *const towns[] = { "Ashford", "Bexley", "Crawley", "Dorking", "Epsom", "Farnham" };
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><head><title>Ferry news</title></head><body>"
        "<section><h1>Ferry news</h1><p>All our reporting on the river ferries.</p></section><section>");
    for (int i = 0; i < 6; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<a href=/f/%d><h3>The %s crossing gets a new timetable</h3>"
            "<p>From next month the boats to %s leave every twenty minutes at peak hours, and the last one "
            "sails an hour later than before.</p></a>", i, towns[i], towns[i]);
    snprintf(html + n, sizeof html - n, "</section></body></html>");
    extract_as(html, WN_PAGE_ARTICLE);
    HAS("The Crawley crossing gets a new timetable");
    HAS("the boats to Farnham leave every twenty minutes");
}

/* A story whose every paragraph sits in a block named like comments (a
 * highlight-to-comment wrapper): that block is the story, not its comments,
 * since the text would otherwise be empty. */
static void test_story_in_comment_named_wrapper(void)
{
    static const char html[] =
        "<html><head><title>Reading the tide tables</title></head><body>"
        "<nav><a href=/>Home</a> <a href=/tides>Tides</a></nav>"
        "<div class=post-body><div class=comment-on-selection>"
        "<p>A tide table lists the times and heights of high and low water for one harbour, day by day, "
        "and most people read only the first column before heading out.</p>"
        "<p>The heights matter as much as the times: a low tide of half a metre leaves the bar dry, while "
        "one of a metre and a half still floats a small boat across it.</p>"
        "<p>Corrections for nearby harbours are printed at the back, as minutes to add or subtract, and "
        "they are worth copying onto the page you actually use.</p>"
        "</div></div></body></html>";
    extract_as(html, WN_PAGE_ARTICLE);
    HAS("The heights matter as much as the times");
    HAS("Corrections for nearby harbours");
}

/* A blog's index whose posts carry their number in the class ("post-812",
 * "post-790"): they are items of one list all the same, so each post's
 * header with its title stays though "header" names page chrome. */
static void test_listing_items_numbered_classes(void)
{
    static const char *const dishes[] = { "lentil soup", "barley salad", "leek pie", "apple crumble",
                                          "bean stew", "onion tart" };
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html,
        "<html><body><header class=site-header><a href=/>Home</a> <a href=/about>About</a></header>"
        "<main><h1>Winter recipes</h1>");
    for (int i = 0; i < 6; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<article class='post-%d type-post'><div class=entry-header><h2><a href=/r/%d>A slow %s for cold nights</a></h2></div>"
            "<div class=entry-summary><p>Cheap to make, better the next day, and %s keeps well in the fridge for "
            "the rest of the week.</p></div></article>", 800 - 13 * i, i, dishes[i], dishes[i]);
    snprintf(html + n, sizeof html - n, "</main></body></html>");
    extract_as(html, WN_PAGE_LISTING);
    HAS("A slow leek pie for cold nights");
    HAS("A slow apple crumble for cold nights");
    HAS("apple crumble keeps well in the fridge");
}

int main(void)
{
    RUN(test_unclosed_title);
    RUN(test_streamed_parts);
    RUN(test_collection_keeps_every_card);
    RUN(test_listing_keeps_every_item);
    RUN(test_control_named_prose_stays);
    RUN(test_listing_inside_form);
    RUN(test_list_items_keep_named_parts);
    RUN(test_collection_guide_beside_main);
    RUN(test_list_repeats_once);
    RUN(test_listing_intro_in_named_header);
    RUN(test_service_drops_link_lists);
    RUN(test_service_repeats_once);
    RUN(test_service_drops_latest_rail);
    RUN(test_article_inside_form);
    RUN(test_article_index_of_linked_teasers);
    RUN(test_story_in_comment_named_wrapper);
    RUN(test_listing_items_numbered_classes);
    CHECK_DONE();
}
