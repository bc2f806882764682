/*
 * test_typed.c: extraction rules for pages that are not plain articles
 * (forum threads, product pages) and the recoveries they need, end to end
 * through wn_extract on small hand-written pages: each test checks which
 * sentences reach the article text and which do not.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "winnow.h"

/* The article text of html under opt (NULL: defaults), or "" on failure;
 * the caller frees *a. */
static const char *text_of(const char *html, const wn_options *opt, wn_article **a)
{
    wn_extractor *ex = wn_extractor_new(opt);
    wn_error err;
    *a = NULL;
    CHECK(ex != NULL);
    if (ex == NULL)
        return "";
    CHECK_EQ_INT(wn_extract(ex, html, strlen(html), NULL, a, &err), WN_OK);
    wn_extractor_free(ex);
    const char *t = *a ? wn_article_get(*a, WN_FIELD_TEXT) : NULL;
    return t ? t : "";
}

/* MARK: forms that hold the page ---------------------------------------------- */

/* Some server frameworks wrap the whole body in one <form>, and forum
 * software wraps the posts of a thread in one for moderation tools: the text
 * inside is the article. A newsletter form beside it still goes. */
static void test_form_holds_article(void)
{
    static const char html[] =
        "<html><body><form action='/page' method='post'>"
        "<input type='hidden' name='state' value='x'>"
        "<h1>Walking the old canal</h1>"
        "<p>The towpath runs for eleven miles between the two locks, and in autumn the "
        "beech trees along it turn the water a deep copper colour that lasts for weeks.</p>"
        "<p>Walkers who start at the northern lock can stop at the mill halfway, where the "
        "old waterwheel still turns on Sundays, and reach the southern basin by noon.</p>"
        "<p>Bring water, because the only kiosk on the route closes early outside the summer "
        "months, and the last stretch has no shade at all.</p>"
        "</form>"
        "<div class='sidebar'><form action='/subscribe'><label>Email for our weekly "
        "letter</label><input name='email'><button>Sign up</button></form></div>"
        "</body></html>";
    wn_article *a;
    const char *t = text_of(html, NULL, &a);
    CHECK(strstr(t, "The towpath runs for eleven miles") != NULL);
    CHECK(strstr(t, "reach the southern basin by noon") != NULL);
    CHECK(strstr(t, "the last stretch has no shade") != NULL);
    CHECK(strstr(t, "weekly letter") == NULL);
    wn_article_free(a);
}

int main(void)
{
    RUN(test_form_holds_article);
    CHECK_DONE();
}
