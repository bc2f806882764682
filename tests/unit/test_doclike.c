/*
 * test_doclike.c: the article path on pages written like documentation (a
 * guide, a how-to, a reference page the classifier took for an article),
 * end to end through wn_extract on small hand-written pages read as
 * articles: section headings that carry their own anchors, lists announced
 * by the paragraph above them, and notes set off from the text stay.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "extract_util.h"
#include "winnow.h"

/* A heading whose id spells its own words is a section's anchor target; its
 * class places it under a sticky bar ("hideOnScroll"), a style and no
 * role, so the heading stays. A heading whose id names something else is
 * judged by its names as before. */
static void test_doclike_heading_anchor(void)
{
    static const char html[] =
        "<html><head><title>Loading a kiln</title></head><body><article><h1>Loading a kiln</h1>"
        "<p>Pots shrink as they fire, and a kiln packed too tightly leaves some of them "
        "touching, so plan the load on paper before you lift the first shelf.</p>"
        "<h2 id='placing-the-shelves' class='anchor hideOnScroll'>Placing the shelves</h2>"
        "<p>Set three posts under each shelf, never four, because three points always sit "
        "flat, while a fourth rocks the shelf as soon as it warps in the heat.</p>"
        "<p>Leave a finger's width between the shelf edge and the wall, so that the hot air "
        "can rise past every shelf and reach the pots at the top of the kiln.</p>"
        "<h2 id='sec-2' class='anchor hideOnScroll'>Spacing the pots</h2>"
        "<p>Glazed pots need a gap between them, however small, because a glaze that runs "
        "will weld two neighbours together and ruin both of them in one firing.</p>"
        "<p>Bisque pots may touch and even nest inside each other, since there is no glaze "
        "on them yet that could melt and stick them together.</p>"
        "</article></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "Set three posts under each shelf") != NULL);
    CHECK(strstr(t, "Placing the shelves") != NULL);
    CHECK(strstr(t, "Spacing the pots") == NULL);
    CHECK(strstr(t, "Glazed pots need a gap") != NULL);
    wn_article_free(a);
}

/* A list of short items (each a paragraph of its own, as documentation
 * generators write them) scores below zero, like a menu; the paragraph
 * right above it announces it with a colon, so it is that paragraph's
 * continuation and stays; so is a link-poor list right under a heading, the
 * section's text. A list of links to other pages under a heading goes. */
static void test_doclike_introduced_list(void)
{
    static const char html[] =
        "<html><head><title>Mixing a glaze</title></head><body><article><h1>Mixing a glaze</h1>"
        "<p>A glaze is mixed from dry powders and water, weighed on a scale that reads to a "
        "tenth of a gram, because small errors change the colour of the fired surface.</p>"
        "<p>Before you start, put these things on the bench:</p>"
        "<ul><li><p>A dust mask against the dry powders.</p></li><li><p>A fine sieve.</p></li>"
        "<li><p>A clean bucket.</p></li><li><p>A kitchen scale.</p></li></ul>"
        "<p>Weigh each powder in turn and tip it into the bucket of water, then stir for a "
        "few minutes until no dry lumps are left floating on the surface.</p>"
        "<p>Pour the mixture through the sieve twice, pressing the last of it through with "
        "a brush, so that the glaze goes on smooth and even when you dip the pots.</p>"
        "<h3>Cleaning up</h3><ul><li><p>Rinse the sieve before the glaze dries in its mesh.</p></li>"
        "<li><p>Wipe the scale.</p></li><li><p>Label the bucket.</p></li></ul>"
        "<h3>More pages</h3><ul><li><a href='/glazes'>Glazes</a></li><li><a href='/kilns'>Kilns</a></li>"
        "<li><a href='/clay'>Clay</a></li><li><a href='/tools'>Tools</a></li></ul>"
        "</article></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "put these things on the bench") != NULL);
    CHECK(strstr(t, "A dust mask against") != NULL);
    CHECK(strstr(t, "A clean bucket.") != NULL);
    CHECK(strstr(t, "Pour the mixture through the sieve") != NULL);
    CHECK(strstr(t, "Rinse the sieve before") != NULL);
    CHECK(strstr(t, "Label the bucket.") != NULL);
    CHECK(strstr(t, "Kilns") == NULL);
    wn_article_free(a);
}

/* A note set off from the text (a "tip" box) opens with its label and points
 * to another page, so a third of its text is links: more than a paragraph
 * may hold, less than a positively named block may. It stays; a box of the
 * same links under no such name goes. */
static void test_doclike_note(void)
{
    static const char html[] =
        "<html><head><title>Trimming pots</title></head><body><article><h1>Trimming pots</h1>"
        "<p>Trim a pot when it is leather hard, firm enough to hold its shape upside down on "
        "the wheel but still soft enough for the tool to cut a clean ribbon of clay.</p>"
        "<p>Centre the pot by tapping it while the wheel turns slowly, and hold it down with "
        "three small lumps of soft clay pressed against the rim on the wheel head.</p>"
        "<div class='tip'><p>Tip</p><p>Too dry to trim? See <a href='/rewet'>rewetting "
        "leather-hard clay</a> first.</p></div>"
        "<p>Cut the foot ring last, and keep the wall of the foot as thick as the wall of "
        "the pot above it, so that the two dry and shrink at the same rate.</p>"
        "<p>Sponge the trimmed surface lightly before the pot dries further, because the "
        "tool leaves small burrs that turn sharp as glass after the firing.</p>"
        "<div class='box'><p>More</p><p>Shaping a rim? See <a href='/rims'>finishing the "
        "rim of a bowl</a> next.</p></div>"
        "</article></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "Cut the foot ring last") != NULL);
    CHECK(strstr(t, "Too dry to trim?") != NULL);
    CHECK(strstr(t, "Shaping a rim?") == NULL);
    wn_article_free(a);
}

/* A command to type is a few characters in a code block, often in a wrapper
 * of its own: short, but the text. A wrapper as short holding no code is a
 * widget and goes. */
static void test_doclike_short_code(void)
{
    static const char html[] =
        "<html><head><title>Starting the kiln</title></head><body><article><h1>Starting the kiln</h1>"
        "<p>The controller takes its schedule from a file on the card, so copy the file across "
        "before you switch the kiln on, and check its name against the label on the door.</p>"
        "<div class='zone'><pre>kiln load bisque</pre></div>"
        "<p>The display counts down the minutes left in the first segment, and the relay clicks "
        "each time the elements switch, which is how you know the schedule is running.</p>"
        "<div class='zone'><span>Share</span></div>"
        "<p>Leave the spy hole plugged until the end of the first hour, or the cold air it lets "
        "in will crack the pots nearest to it before the water in them has gone.</p>"
        "<p>Once the kiln passes the red glow, the worst is over: the clay has turned to "
        "ceramic, and only a sudden draught or a shelf that gives way can still spoil the load.</p>"
        "<p>Let it cool on its own overnight, with the lid shut, and open it only when you can "
        "rest your hand on the lid without a glove, however much you want to see the pots.</p>"
        "</article></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "kiln load bisque") != NULL);
    CHECK(strstr(t, "The display counts down") != NULL);
    CHECK(strstr(t, "Share") == NULL);
    wn_article_free(a);
}

/* Utility classes that begin with a name word style the element: a code
 * block's wrapper and a heading set "scroll-mt-2" so that a jump to them
 * clears a sticky bar. Neither is a scroller; one named "scroller" is. */
static void test_doclike_styling_token(void)
{
    static const char html[] =
        "<html><head><title>Firing logs</title></head><body><article><h1>Firing logs</h1>"
        "<p>The controller keeps a log of every firing on its card, one line a minute, with "
        "the time, the temperature it read and the temperature the schedule asked for.</p>"
        "<h2 class='mt-8 scroll-mt-24'>Reading the log</h2>"
        "<p>Open the file in any text editor: the columns are separated by commas, so a "
        "spreadsheet will also read it and draw the firing curve for you in a few clicks.</p>"
        "<div class='group mb-4 scroll-mt-2'><pre>time  temp  target\n0     21    20\n1     23    22</pre></div>"
        "<p>A gap between the two temperatures that grows during a segment means the "
        "elements are wearing out, long before they fail in the middle of a glaze firing.</p>"
        "<h2 class='scroller'>Pictures of the week</h2>"
        "<p>Compare one firing with the next by laying their curves over each other, and note "
        "any change you made to the load, the schedule or the position of the shelves.</p>"
        "</article></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "Reading the log") != NULL);
    CHECK(strstr(t, "time  temp  target") != NULL);
    CHECK(strstr(t, "elements are wearing out") != NULL);
    CHECK(strstr(t, "Pictures of the week") == NULL);
    wn_article_free(a);
}

/* A reference page is a run of alike short sections, each a heading over a
 * line of text with a link in it: the shape of a rail of teaser cards. Each
 * heading carries an id to be linked to, so the run is the text and stays;
 * a run of cards whose headings have none (they link out) is a rail and goes.
 * A section whose id spells its heading ("answering-review-comments") is not
 * judged by that id's words on an article either. */
static void test_doclike_anchored_sections(void)
{
    static const char html[] =
        "<html><head><title>Kiln controller commands</title></head><body><article>"
        "<h1>Kiln controller commands</h1>"
        "<p>The controller takes commands from its keypad or over the serial port; each "
        "command is one word, and the ones that change a firing ask you to confirm them.</p>"
        "<div class='cmd'><h3 id='load'>load</h3><p>Reads a schedule from the card into the controller's memory, replacing the one "
        "loaded before; see <a href='/docs/schedules'>schedule files</a> for the format.</p></div>"
        "<div class='cmd'><h3 id='start'>start</h3><p>Starts the loaded schedule from its first segment, after the relays and the "
        "thermocouple pass a short test; see <a href='/docs/safety'>safety checks</a>.</p></div>"
        "<div class='cmd'><h3 id='hold'>hold</h3><p>Holds the present temperature until you give the next command or the hold "
        "time of the segment runs out; see <a href='/docs/segments'>segments and holds</a>.</p></div>"
        "<section id='answering-review-comments'><h2>Answering review comments</h2>"
        "<p>When a teacher reviews your firing log, reply to each of their comments in the "
        "log itself, so that the next person to fire the kiln reads the answer too.</p></section>"
        "<p>Every command is written to the firing log with the time it was given, so that a "
        "firing that went wrong can be traced back to the keypress that caused it.</p>"
        "<p>The log lives on the same card as the schedules, one file a firing, named by the "
        "date and the time it started, so that the newest firing always sorts last.</p>"
        "<p>Clear old logs from the card once a term; the controller refuses to start a firing "
        "when the card is nearly full, since it could not write the log to the end.</p>"
        "<div class='card'><h3>Glaze recipes</h3><p>The glazes our members mix most often, with their weights, their colours "
        "and the cone they fire at, <a href='/blog/glazes'>collected by the studio</a>.</p></div>"
        "<div class='card'><h3>Clay bodies</h3><p>Which clay to buy for throwing, for hand building and for large pieces, "
        "with prices from three suppliers, <a href='/blog/clay'>compared in one table</a>.</p></div>"
        "<div class='card'><h3>Kiln repairs</h3><p>Elements and relays wear out after a few hundred firings, and both can be "
        "changed at home in an afternoon, <a href='/blog/repairs'>replaced step by step</a>.</p></div>"
        "</article></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "Reads a schedule from the card") != NULL);
    CHECK(strstr(t, "Holds the present temperature") != NULL);
    CHECK(strstr(t, "reply to each of their comments") != NULL);
    CHECK(strstr(t, "traced back to the keypress") != NULL);
    CHECK(strstr(t, "The glazes our members mix") == NULL);
    CHECK(strstr(t, "Elements and relays") == NULL);
    wn_article_free(a);
}

int main(void)
{
    RUN(test_doclike_heading_anchor);
    RUN(test_doclike_introduced_list);
    RUN(test_doclike_note);
    RUN(test_doclike_short_code);
    RUN(test_doclike_styling_token);
    RUN(test_doclike_anchored_sections);
    CHECK_DONE();
}
