/*
 * test_sections.c: pages made of sections (service and company pages, and the
 * article pages built like them): which of their parts reach the text, end to
 * end through wn_extract on small hand-written pages.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "extract_util.h"
#include "winnow.h"

/* MARK: disclosure panels ---------------------------------------------------- */

/* An accordion of questions: each answer hidden until its button is clicked,
 * the panel labelled by the button (aria-labelledby) or given role=region.
 * The answers are the page's text. A modal labelled by its heading and a
 * carousel's hidden clone (no label, no role) stay out. */
static const char accordion_html[] =
    "<html><head><title>Chimney sweeping</title></head><body>"
    "<nav><a href='/'>Home</a> <a href='/services'>Services</a></nav><main>"
    "<h1>Chimney sweeping</h1>"
    "<p>Our sweeps clear soot and nests from open fires and wood burners, leave the room "
    "as clean as they found it, and hand you a certificate your insurer will accept.</p>"
    "<h2>Questions</h2>"
    "<button id='q1' aria-controls='a1' aria-expanded='false'>How often should I sweep?</button>"
    "<div id='a1' aria-labelledby='q1' hidden><p>Once a year for smokeless fuel and twice a "
    "year when you burn wood, best before the first cold week.</p></div>"
    "<button id='q2' aria-controls='a2' aria-expanded='false'>Do you bring dust sheets?</button>"
    "<div id='a2' role='region' style='display:none'><p>Every visit starts with sheets over the "
    "hearth and a vacuum at the opening, so no soot settles on the carpet.</p></div>"
    "<div class='slide' aria-hidden='true'><p>Five stars from a happy customer in the "
    "valley who had the fire going the same evening.</p></div>"
    "</main>"
    "<div role='dialog' aria-modal='true' aria-labelledby='m1' hidden><h2 id='m1'>Book now</h2>"
    "<p>Leave your number and we will call you back within the working day.</p></div>"
    "</body></html>";

static void test_panels_shown(void)
{
    static const wn_page_type types[] = { WN_PAGE_SERVICE, WN_PAGE_ARTICLE };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        wn_article *a;
        const char *t = text_as(accordion_html, types[i], &a);
        CHECK(strstr(t, "clear soot and nests") != NULL);
        CHECK(strstr(t, "Once a year for smokeless fuel") != NULL);
        CHECK(strstr(t, "Every visit starts with sheets") != NULL);
        CHECK(strstr(t, "Five stars from a happy customer") == NULL);
        CHECK(strstr(t, "Leave your number") == NULL);
        wn_article_free(a);
    }
}

/* MARK: sections named by their layout -------------------------------------- */

/* A service page's hero is classed "hero-banner" and a section opens with a
 * block classed "section-header": both read as prose and stay. The site's
 * header inside the main region (a row of links) and a "footer-links" block
 * still go. */
static const char named_html[] =
    "<html><head><title>Garden design</title></head><body><main>"
    "<div class='site-header'><a href='/'>Home</a> <a href='/about'>About us</a> "
    "<a href='/work'>Our work</a> <a href='/contact'>Contact</a></div>"
    "<div class='hero-banner'><h1>Garden design</h1><p>We plan small city gardens that "
    "look good in every season, with planting you can keep alive yourself and paths that "
    "drain after the heaviest rain.</p></div>"
    "<section><div class='section-header'><h2>How a project runs</h2><p>First we visit, "
    "measure and listen, then we draw two plans, and once you choose one we build it in a "
    "couple of weeks with our own crew.</p></div>"
    "<p>Every plan comes with a planting list, a watering schedule for the first summer and "
    "a visit in spring to see how the beds have settled in.</p>"
    "<p>Most gardens are finished within a month of the first visit, and we clear away every "
    "bag of rubble and offcut before we leave the site.</p></section>"
    "<div class='footer-links'><a href='/privacy'>Privacy</a> <a href='/terms'>Terms</a> "
    "<a href='/jobs'>Jobs</a></div>"
    "</main></body></html>";

static void test_named_sections_kept(void)
{
    wn_article *a;
    const char *t = text_as(named_html, WN_PAGE_SERVICE, &a);
    CHECK(strstr(t, "We plan small city gardens") != NULL);
    CHECK(strstr(t, "First we visit, measure and listen") != NULL);
    CHECK(strstr(t, "Every plan comes with a planting list") != NULL);
    CHECK(strstr(t, "Our work") == NULL);
    CHECK(strstr(t, "Privacy") == NULL);
    wn_article_free(a);
}

/* MARK: layout names that hide the content ------------------------------------ */

/* A page whose sections sit in a block classed "header-wrapper": the first
 * attempt leaves it out for its name and finds only the short intro beside
 * it. The block holds many times that text outside links, so the names were
 * wrong for this page and the content comes back. */
static void test_layout_named_content(void)
{
    char html[16384];
    size_t n = (size_t)snprintf(html, sizeof html, "%s",
        "<html><head><title>Tree surgery</title></head><body>"
        "<div class='intro'><p>Tree surgery for homes, schools and parks across the county. "
        "Our arborists are insured, trained to the current standard and happy to visit before "
        "you decide anything, so that the price you get is the price you pay.</p>"
        "<p>We prune, fell and remove stumps, and every job ends with the branches chipped "
        "and the lawn raked, whatever the weather did while we worked on it.</p>"
        "<p>Call the office or send a photo of the tree, and we will tell you within a day "
        "whether it needs work now or can wait until the winter.</p>"
        "<p>Most visits take a morning, and we book the council permit ourselves when the "
        "tree stands in a conservation area or carries a preservation order.</p></div>"
        "<div class='header-wrapper'>");
    for (int i = 0; i < 24; i++)
        n += (size_t)snprintf(html + n, sizeof html - n,
            "<section><h2>Service %d</h2><p>Section %d explains the work step by step: how the "
            "crew arrives, how the area is fenced off, how each limb is roped and lowered, and "
            "how the site is left when the last van drives away in the evening.</p></section>",
            i + 1, i + 1);
    snprintf(html + n, sizeof html - n, "%s", "</div></body></html>");
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "Section 3 explains the work") != NULL);
    CHECK(strstr(t, "Section 24 explains the work") != NULL);
    CHECK(strstr(t, "We prune, fell and remove stumps") != NULL);
    wn_article_free(a);
}

/* A page of sections read as an article: one section opens with a block
 * classed "section-header" holding its heading and a paragraph. That block
 * stays (it holds a paragraph of text outside links); the site's header, a
 * row of links classed "site-header", still goes. */
static void test_section_header_in_article(void)
{
    static const char html[] =
        "<html><head><title>Window cleaning</title></head><body>"
        "<div class='site-header'><a href='/'>Home</a> <a href='/prices'>Prices</a> "
        "<a href='/areas'>Areas we cover</a> <a href='/contact'>Contact</a></div>"
        "<div class='page'><section><h2>Homes</h2><p>We clean the windows of houses and flats "
        "every four or eight weeks, frames and sills included, with pure water that dries "
        "without streaks.</p><p>You need not be at home: we leave a note and a bill in the "
        "letterbox, and you pay online when it suits you.</p><p>Conservatory roofs, skylights and "
        "the glass of a balcony are part of the same visit if you ask for them when you book.</p>"
        "<p>If it rains on the day we still come: rain does not spoil windows cleaned with pure "
        "water, and a round skipped for the weather would leave you waiting a month.</p></section>"
        "<section><div class='section-header'><h2>Shops and offices</h2><p>Shop fronts are "
        "cleaned before opening time, so customers never walk under a ladder, and office "
        "windows up to four floors are reached from the ground with long poles.</p></div>"
        "<p>Larger buildings get a written plan and a fixed price for the year.</p></section>"
        "</div></body></html>";
    wn_article *a;
    const char *t = text_as(html, WN_PAGE_ARTICLE, &a);
    CHECK(strstr(t, "pure water that dries without streaks") != NULL);
    CHECK(strstr(t, "customers never walk under a ladder") != NULL);
    CHECK(strstr(t, "Areas we cover") == NULL);
    wn_article_free(a);
}

int main(void)
{
    RUN(test_panels_shown);
    RUN(test_named_sections_kept);
    RUN(test_layout_named_content);
    RUN(test_section_header_in_article);
    CHECK_DONE();
}
