/*
 * test_docs.c: documentation pages (a reference page, a guide's chapter)
 * end to end through wn_extract on small hand-written pages: the body with
 * its introduction, code blocks and tables stays; the bars around it go.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "extract_util.h"
#include "winnow.h"

/* A reference page opens its <main> with a block named by its layout
 * ("page-header") holding the title, a previous/next bar and the
 * introduction. The introduction is the page's; the bar and a feedback box
 * at the end are not. */
static void test_docs_named_head(void)
{
    static const char html[] =
        "<html><head><title>Kiln schedules</title></head><body>"
        "<nav class='site-menu'><a href='/'>Home</a> <a href='/docs'>Docs</a></nav><main>"
        "<div class='page-header'><h1>Kiln schedules</h1>"
        "<ul class='prev-next'><li><a href='/docs/cones'>Previous page</a></li>"
        "<li><a href='/docs/glazes'>Next page</a></li></ul>"
        "<p>A schedule tells the controller how fast to heat the kiln, where to hold it, "
        "and when to let it cool, so that the same clay comes out the same way each time.</p>"
        "</div><div class='page-body'>"
        "<h2>Writing a schedule</h2><p>Each segment of a schedule has a rate in degrees per "
        "hour, a target temperature, and a hold time in minutes at that target.</p>"
        "<p>The controller runs the segments in order and stops after the last one, "
        "leaving the kiln to cool with its lid closed until the next morning.</p>"
        "<h2>Bisque firing</h2><p>A bisque schedule climbs slowly through the first few "
        "hundred degrees, because water left in the clay turns to steam and can crack it.</p>"
        "</div><div class='feedback'><p>Was this page helpful to you today?</p></div>"
        "</main></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_DOCUMENTATION, &a);
    CHECK(strstr(t, "A schedule tells the controller how fast") != NULL);
    CHECK(strstr(t, "Each segment of a schedule has a rate") != NULL);
    CHECK(strstr(t, "water left in the clay") != NULL);
    CHECK(strstr(t, "Previous page") == NULL);
    CHECK(strstr(t, "Next page") == NULL);
    CHECK(strstr(t, "Was this page helpful") == NULL);
    wn_article_free(a);

    /* A block named like a footer is never the page's head, prose or not. */
    static const char footer_html[] =
        "<html><head><title>Glazes</title></head><body><main>"
        "<div class='page-body'><h1>Glazes</h1><p>A glaze is a thin coat of glass fused to the "
        "clay, mixed from silica, a flux that lowers its melting point, and alumina.</p>"
        "<p>Dip the bisque ware for three seconds, wipe the foot clean, and let it dry for a "
        "day before it goes into the kiln for the glaze firing.</p>"
        "<p>Thick coats run down the side and weld the pot to the shelf, so test a new "
        "glaze on a tile before you trust it with a finished piece.</p></div>"
        "<div class='page-footer'><p>The contents of these pages may be copied and shared "
        "freely for any purpose, as long as the name of the studio is kept with them.</p></div>"
        "</main></body></html>";
    t = text_as(footer_html, WN_PAGE_DOCUMENTATION, &a);
    CHECK(strstr(t, "Dip the bisque ware") != NULL);
    CHECK(strstr(t, "copied and shared freely") == NULL);
    wn_article_free(a);
}

/* Documentation generators name each section after its heading, so a
 * section about answering review comments has "comments" in its id. That
 * word is the heading's, not the block's role: the section stays. A block
 * named "comments" under a heading that says only that is a comment box. */
static void test_docs_section_anchor(void)
{
    static const char html[] =
        "<html><head><title>Sending a change</title></head><body><main><h1>Sending a change</h1>"
        "<section id='preparing-the-change'><h2>Preparing the change</h2>"
        "<p>Split the work into small steps that each build and pass the tests, and describe "
        "in every message what the step changes and why it is needed.</p>"
        "<p>Run the style checker before you send anything, because reviewers will stop "
        "reading at the first line that breaks the project's layout rules.</p></section>"
        "<section id='answering-review-comments'><h2>Answering review comments</h2>"
        "<p>Reviewers will ask questions about your change, and each question deserves a "
        "reply, even when the answer is that you will leave the code as it is.</p>"
        "<p>Thank them for their time, and say in the next version which of their points "
        "you took and which ones you did not, with a short reason for each.</p></section>"
        "<section id='after-the-merge'><h2>After the merge</h2><p>Watch the build for a day "
        "after your change is merged, and be ready to fix or revert it quickly.</p>"
        "<p>Other people now build on top of your work, so a failure that shows up on a "
        "machine you do not own is still yours to look into first.</p>"
        "<p>Close the ticket only when the change has reached a release, and link the "
        "release notes from it so the next reader finds the whole story.</p></section>"
        "<div id='comments'><h3>Comments</h3><p>Nice guide, thanks for writing it up!</p></div>"
        "</main></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_DOCUMENTATION, &a);
    CHECK(strstr(t, "Split the work into small steps") != NULL);
    CHECK(strstr(t, "each question deserves a reply") != NULL);
    CHECK(strstr(t, "Thank them for their time") != NULL);
    CHECK(strstr(t, "Watch the build for a day") != NULL);
    CHECK(strstr(t, "Nice guide") == NULL);
    wn_article_free(a);
    const char *ex = explain_as(html, WN_PAGE_DOCUMENTATION);
    CHECK(strstr(explain_line(ex, "section#answering-review-co"), "kept") != NULL);
    CHECK(strstr(explain_line(ex, "div#comments"), "dropped") != NULL);
}

/* A table with header cells whose first column links each row to its own
 * page holds data: it stays on the article path though a fifth of its text
 * is links. A table of nothing but links is a menu, header cells or not. */
static void test_docs_data_table(void)
{
    static const char html[] =
        "<html><head><title>Choosing a kiln</title></head><body><article><h1>Choosing a kiln</h1>"
        "<p>Electric kilns suit most home studios, because they need no chimney and run from "
        "an ordinary outlet once an electrician has checked the circuit.</p>"
        "<p>Gas kilns reach the same temperatures but let you starve the flame of air, which "
        "changes the colour of many glazes in ways an electric kiln cannot.</p>"
        "<table><thead><tr><th>If you want to</th><th>then choose</th></tr></thead><tbody>"
        "<tr><td><a href='/k/small'>Fire small pieces and test tiles</a></td><td>a test kiln "
        "on a wall plug</td></tr>"
        "<tr><td><a href='/k/reduction'>Try reduction on stoneware</a></td><td>a gas kiln "
        "with a damper</td></tr>"
        "<tr><td><a href='/k/large'>Fire a full load of pots</a></td><td>a top loader with "
        "a controller</td></tr></tbody></table>"
        "<p>Whatever you pick, leave space around it on all sides, since the outer wall gets "
        "hot enough to scorch paint during a long glaze firing.</p>"
        "<p>A kiln also needs air: open a window or fit a vent hood, as the first hours of a "
        "firing burn off wax and carbon that smell bad and are not good to breathe.</p>"
        "<p>Keep a log of every firing with the schedule, the cone you saw bend, and how the "
        "pots came out, since that notebook will teach you more than any catalogue.</p>"
        "<table><thead><tr><th>More</th></tr></thead><tbody>"
        "<tr><td><a href='/a'>Kiln shelves and posts for every size</a></td></tr>"
        "<tr><td><a href='/b'>Controllers and spare thermocouples</a></td></tr>"
        "<tr><td><a href='/c'>Elements for older models</a></td></tr></tbody></table>"
        "</article></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "a gas kiln with a damper") != NULL);
    CHECK(strstr(t, "Fire a full load of pots") != NULL);
    CHECK(strstr(t, "leave space around it") != NULL);
    CHECK(strstr(t, "spare thermocouples") == NULL);
    wn_article_free(a);
}

/* A highlighter names the spans of a code block by their token kind, and a
 * comment in the code is a span named "comment": it is part of the code. */
static void test_docs_code_comments(void)
{
    static const char html[] =
        "<html><head><title>Reading the log</title></head><body><main><h1>Reading the log</h1>"
        "<p>The controller writes one line per minute to its log, and the helper library "
        "reads the file and gives you the temperatures as a list of numbers.</p>"
        "<pre><code><span class='token keyword'>import</span> kilnlog\n"
        "<span class='token comment'># one reading per minute, in degrees</span>\n"
        "temps = kilnlog.read(<span class='token string'>'firing.log'</span>)\n"
        "</code></pre>"
        "<p>A reading that jumps by more than fifty degrees in a minute usually means the "
        "thermocouple is loose, not that the kiln heated that fast.</p>"
        "<div class='comments'><p>Great tool, I use it every week.</p></div>"
        "</main></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_DOCUMENTATION, &a);
    CHECK(strstr(t, "# one reading per minute, in degrees") != NULL);
    CHECK(strstr(t, "kilnlog.read") != NULL);
    CHECK(strstr(t, "Great tool") == NULL);
    wn_article_free(a);
}

/* A generated page puts each heading's words in a link named for the
 * heading ("header", "toc-backref") beside a permalink mark: the words are
 * the heading's, the mark is not text. */
static void test_docs_heading_links(void)
{
    static const char html[] =
        "<html><head><title>Glaze chemistry</title></head><body><main><h1>Glaze chemistry</h1>"
        "<h2 id='fluxes'><a class='header' href='#fluxes'>Fluxes lower the melting point</a>"
        "<a class='headerlink' href='#fluxes'>\xc2\xb6</a></h2>"
        "<p>Silica alone melts far above any studio kiln, so a glaze adds fluxes such as "
        "calcium and sodium that let it melt at a temperature the kiln can reach.</p>"
        "<h2 id='stiffeners'><a class='toc-backref' href='#toc'>Alumina keeps it on the pot</a>"
        "</h2><p>Alumina makes the melt stiff, so that the glaze stays where it was put "
        "instead of running down the side and onto the shelf.</p>"
        "</main></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_DOCUMENTATION, &a);
    CHECK(strstr(t, "Fluxes lower the melting point") != NULL);
    CHECK(strstr(t, "Alumina keeps it on the pot") != NULL);
    CHECK(strstr(t, "\xc2\xb6") == NULL);
    CHECK(strstr(t, "Silica alone melts") != NULL);
    wn_article_free(a);
}

/* Notes about the page itself (when it last changed, links to edit it or
 * report a problem, its licence) close many documentation pages: they go,
 * on the main region and on the article path alike. A paragraph that only
 * mentions an update stays. */
static void test_docs_page_notes(void)
{
    static const char html[] =
        "<html><head><title>Cone charts</title></head><body><main><h1>Cone charts</h1>"
        "<p>A pyrometric cone is a small pyramid of clay and flux that bends when it has "
        "taken in a certain amount of heat over time, not just at one temperature.</p>"
        "<p>Set three cones in a pad of clay where you can see them through the spy hole: "
        "one below the target, the target itself, and one above it.</p>"
        "<p>The chart was last updated when the maker changed the cone recipe, so older "
        "books give numbers that are a few degrees off for the same cone.</p>"
        "<div class='page-meta'><p>Last updated: 4 March 2025</p>"
        "<p><a href='/edit'>Edit this page</a> \xc2\xb7 <a href='/issue'>Report a problem</a></p></div>"
        "<p>Except as otherwise noted, the content of this page is licensed under a free "
        "licence, and the code samples may be copied without asking.</p>"
        "</main></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_DOCUMENTATION, &a);
    CHECK(strstr(t, "Set three cones in a pad of clay") != NULL);
    CHECK(strstr(t, "The chart was last updated when") != NULL);
    CHECK(strstr(t, "4 March 2025") == NULL);
    CHECK(strstr(t, "Edit this page") == NULL);
    CHECK(strstr(t, "Except as otherwise noted") == NULL);
    wn_article_free(a);
    CHECK(strstr(explain_line(explain_as(html, WN_PAGE_DOCUMENTATION), "Except as otherwise"),
                 "dropped page-note") != NULL);

    /* On the article path the closing lines are looked at. */
    t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "The chart was last updated when") != NULL);
    CHECK(strstr(t, "Except as otherwise noted") == NULL);
    wn_article_free(a);
}

/* Before the first paragraph of prose, a line that is mostly links is a
 * version picker or a language menu; after it, a short line of links is
 * the text's own pointer and stays. */
static void test_docs_leading_links(void)
{
    static const char html[] =
        "<html><head><title>Firing log format</title></head><body><main>"
        "<p><a href='/v3/log'>Version 3.2</a> | <a href='/v2/log'>Version 2.9</a> | "
        "<a href='/v1/log'>Version 1.4</a></p>"
        "<h1>Firing log format</h1>"
        "<p>Every line of the log holds the time, the temperature read by the "
        "thermocouple, and the segment of the schedule the controller was running.</p>"
        "<p><a href='/ref/segments'>Segment numbers</a></p>"
        "<p>Lines are written once a minute, and a line that starts with a hash sign is "
        "a remark the controller adds when a segment ends or an error stops the firing.</p>"
        "</main></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_DOCUMENTATION, &a);
    CHECK(strstr(t, "Every line of the log") != NULL);
    CHECK(strstr(t, "Segment numbers") != NULL);
    CHECK(strstr(t, "Version 2.9") == NULL);
    wn_article_free(a);
}

int main(void)
{
    RUN(test_docs_named_head);
    RUN(test_docs_section_anchor);
    RUN(test_docs_data_table);
    RUN(test_docs_code_comments);
    RUN(test_docs_heading_links);
    RUN(test_docs_page_notes);
    RUN(test_docs_leading_links);
    CHECK_DONE();
}
