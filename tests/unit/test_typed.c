/*
 * test_typed.c: extraction rules for pages that are not plain articles
 * (forum threads, product pages) and the recoveries they need, end to end
 * through wn_extract on small hand-written pages: each test checks which
 * sentences reach the article text and which do not.
 */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "extract_util.h"
#include "winnow.h"

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

/* MARK: a page hidden until its scripts run ---------------------------------- */

/* Some pages hide their whole content in the served HTML and show it from a
 * script once it has loaded (a fade-in wrapper, a product shown once its
 * options load). A hidden block holding most of the page's text is its
 * content; a small hidden block (a closed menu, a dialog) stays out. */
static void test_hidden_wrapper_shown(void)
{
    static const char html[] =
        "<html><body><header><a href='/'>Harbour notes</a></header>"
        "<div class='menu' style='display:none'><a href='/a'>Archive of every old issue "
        "we printed</a></div>"
        "<div class='page-wrap' style='display: none'><article><h1>Mending a fishing net</h1>"
        "<p>A torn net is mended with a netting needle and twine of the same weight, working "
        "row by row from the edge of the hole until every mesh is the size of its neighbours.</p>"
        "<p>Cut the broken strands back to the nearest whole knot first, so that each new mesh "
        "starts from a sound one; a ragged edge makes a weak repair that tears again.</p>"
        "<p>Keep the tension even as you go: meshes pulled too tight pucker the net, and loose "
        "ones let the catch slip through, which is the one thing a net must never do.</p>"
        "<p>Finish with a double sheet bend on the last mesh and soak the repair overnight, so "
        "that the new twine swells and the knots set hard before the boat goes out again.</p>"
        "</article></div></body></html>";
    wn_article *a;
    const char *t = text_of(html, NULL, &a);
    CHECK(strstr(t, "A torn net is mended with a netting needle") != NULL);
    CHECK(strstr(t, "soak the repair overnight") != NULL);
    CHECK(strstr(t, "Archive of every old issue") == NULL);
    wn_article_free(a);
}

/* A page whose content a script fills in shows only its footer in the HTML:
 * the footer's lines are no article, the text stays empty. A page with an
 * article keeps it, footer or not. */
static void test_footer_shell_is_empty(void)
{
    static const char shell[] =
        "<html><body><div id='app'></div>"
        "<footer class='site-footer'><div class='links'><a href='/help'>Help centre</a> - "
        "<a href='/terms'>Terms of use</a> - <a href='/privacy'>Privacy</a></div>"
        "<div class='legal'><p>Gannet Trading Ltd is registered in the harbour district under "
        "number 4471, and every order placed here is handled by its own staff.</p>"
        "<p>Copyright 2010-2026 Gannet Trading. All rights reserved. Prices include tax "
        "where it applies, and delivery is quoted at checkout.</p></div></footer>"
        "</body></html>";
    wn_article *a;
    const char *t = text_of(shell, NULL, &a);
    CHECK(strstr(t, "registered in the harbour district") == NULL);
    CHECK(strstr(t, "All rights reserved") == NULL);
    wn_article_free(a);

    static const char page[] =
        "<html><body><main><h1>Winter feeding</h1>"
        "<p>Gannets leave the colony in late autumn and spend the winter far out at sea, "
        "following the shoals south along the shelf edge until the water warms again.</p>"
        "<p>Young birds travel furthest, some as far as the coast of west Africa, and return "
        "only after two or three years to take a nest site of their own.</p></main>"
        "<footer><p>Gannet Trading Ltd is registered in the harbour district under number "
        "4471.</p></footer></body></html>";
    t = text_of(page, NULL, &a);
    CHECK(strstr(t, "spend the winter far out at sea") != NULL);
    CHECK(strstr(t, "take a nest site of their own") != NULL);
    wn_article_free(a);
}

/* MARK: forum threads ---------------------------------------------------------- */

/* A question, then its replies in a block named like a comment section: on a
 * page classified as a forum every reply is content, with its author and
 * date line; remarks on one reply (a list of short comments under it) and the
 * side rail are not. */
static const char thread_html[] =
    "<html><head><title>Which wood for a first workbench?</title></head><body>"
    "<div class='nav'><a href='/'>Home</a> <a href='/forums'>Forums</a></div>"
    "<div id='main'>"
    "<div class='question'><span class='author'>plankton</span> <time>3 March 2025</time>"
    "<p>I want to build my first workbench this spring and wonder which wood holds up "
    "best for a beginner on a small budget, since the lumber yard near me sells pine, "
    "fir and some birch plywood at very different prices.</p></div>"
    "<div id='comments' class='comments'>"
    "<div class='comment'><span class='author'>oakley</span> <time>3 March 2025</time>"
    "<p>Construction fir is what most of us started with, and a thick top of doubled "
    "boards will take years of hammering before it needs flattening again.</p>"
    "<div class='comment-list'><div class='comment-item'><span class='date'>4 March</span>"
    "Agreed, fir is fine.</div><div class='comment-item'><span class='date'>5 March</span>"
    "Seconded.</div></div></div>"
    "<div class='comment'><span class='author'>birchbark</span> <time>4 March 2025</time>"
    "<p>Birch plywood makes a flat top with no effort at all, but glue two sheets together "
    "so the surface does not bounce when you chop mortises near the edge.</p></div>"
    "<div class='comment'><span class='author'>plankton</span> <time>5 March 2025</time>"
    "<p>Thank you both, I bought fir for the legs and two sheets of birch for the top, and "
    "I will post pictures of the bench once the vise is mounted on it.</p></div>"
    "</div></div>"
    "<div class='sidebar'><h3>Popular threads</h3><ul><li><a href='/t/1'>Sharpening "
    "chisels on a budget</a></li><li><a href='/t/2'>Best glue for outdoor chairs</a></li>"
    "</ul></div></body></html>";

static void test_forum_thread(void)
{
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(thread_html, &opt, &a);
    CHECK(strstr(t, "which wood holds up best for a beginner") != NULL);
    CHECK(strstr(t, "Construction fir is what most of us started with") != NULL);
    CHECK(strstr(t, "Birch plywood makes a flat top") != NULL);
    CHECK(strstr(t, "I bought fir for the legs") != NULL);
    CHECK(strstr(t, "oakley") != NULL);            /* the reply's author line */
    CHECK(strstr(t, "Agreed, fir is fine") == NULL);   /* a remark on one reply */
    CHECK(strstr(t, "Sharpening chisels") == NULL);
    /* Replies come in page order. */
    const char *r1 = strstr(t, "Construction fir"), *r2 = strstr(t, "Birch plywood");
    CHECK(r1 && r2 && r1 < r2);
    wn_article_free(a);

    /* As an article, the same page keeps its text and leaves the comments out. */
    opt.page_type = WN_PAGE_ARTICLE;
    t = text_of(thread_html, &opt, &a);
    CHECK(strstr(t, "which wood holds up best for a beginner") != NULL);
    CHECK(strstr(t, "Birch plywood makes a flat top") == NULL);
    wn_article_free(a);
}

/* Replies nested in a reply, in a list named like comments, are the thread
 * going on; each reply's text sits in a short form of its own. */
static void test_forum_nested_replies(void)
{
    static const char html[] =
        "<html><body><h1>Tent pegs in sand</h1><ol class='comments'>"
        "<li class='thread'><div class='comment'><div class='byline'>dunewalker 2 days ago</div>"
        "<form class='inline-edit'><input type='hidden' name='id' value='1'>"
        "<p>Bury a stuff sack filled with sand sideways and tie the guy line around it.</p>"
        "</form></div>"
        "<ol class='comments'><li class='thread'><div class='comment'>"
        "<div class='byline'>gullwing 1 day ago</div>"
        "<p>Snow pegs work too, the wide ones, driven in flat at an angle.</p></div></li>"
        "</ol></li>"
        "<li class='thread'><div class='comment'><div class='byline'>saltmarsh 1 day ago</div>"
        "<p>Long plastic pegs with a wide blade hold well if you dampen the sand first, "
        "and a second peg crossed over the first one doubles the hold in a strong wind.</p>"
        "<p>On soft dunes I also pile a few flat stones on each buried peg, which keeps it "
        "from working loose overnight when the flysheet flaps for hours on end.</p>"
        "</div></li></ol></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "Bury a stuff sack filled with sand") != NULL);
    CHECK(strstr(t, "Snow pegs work too") != NULL);
    CHECK(strstr(t, "Long plastic pegs with a wide blade") != NULL);
    wn_article_free(a);
}

/* A Q&A page whose remarks under the question and each answer hold more text
 * than the posts: the main region keeps them all, the thread drops them, and
 * a thread found is trusted over the larger region. */
static void test_forum_thread_over_region(void)
{
    static const char html[] =
        "<html><head><title>Why does my bread collapse in the oven?</title></head><body>"
        "<div id='content'>"
        "<div class='question'><div class='post-text'><p>My sourdough rises well in the basket overnight but flattens as soon as it goes into the oven, and the crumb comes out dense near the bottom.</p></div>"
        "<div class='post-author'><span class='user-details'>crumbshot</span> <time>9 April 2025</time></div>"
        "<div class='comments'><ul class='comment-list'>"
        "<li class='comment'><span class='comment-text'>How warm is your kitchen at night, and how long is the final proof in hours?</span> <span class='comment-user'>yeastie</span> <span class='comment-date'>9 April</span></li>"
        "<li class='comment'><span class='comment-text'>Which flour do you use, and what share of it is whole wheat or rye in the dough?</span> <span class='comment-user'>rye_guy</span> <span class='comment-date'>9 April</span></li>"
        "<li class='comment'><span class='comment-text'>A photo of the crumb would help people see whether it is under or over proofed.</span> <span class='comment-user'>ovenspring</span> <span class='comment-date'>10 April</span></li>"
        "</ul></div></div>"
        "<div class='answers'>"
        "<div class='answer'><div class='post-text'><p>That is over-proofing: the gluten is spent before the bake, so shorten the overnight proof or put the basket in the fridge.</p></div>"
        "<div class='post-author'><span class='user-details'>levain</span> <time>10 April 2025</time></div>"
        "<div class='comments'><ul class='comment-list'>"
        "<li class='comment'><span class='comment-text'>The fridge trick changed everything for me, the loaves hold their shape now when I score them.</span> <span class='comment-user'>bakerdozen</span> <span class='comment-date'>11 April</span></li>"
        "<li class='comment'><span class='comment-text'>Poke test before baking: if the dent does not spring back at all, it has gone too far already.</span> <span class='comment-user'>kneadful</span> <span class='comment-date'>11 April</span></li>"
        "<li class='comment'><span class='comment-text'>Agreed, I had exactly the same trouble with a warm kitchen in the summer months last year.</span> <span class='comment-user'>proofbox</span> <span class='comment-date'>12 April</span></li>"
        "</ul></div></div>"
        "<div class='answer'><div class='post-text'><p>Also preheat a lidded pot for a full hour; steam in the first twenty minutes lets the loaf expand before the crust sets.</p></div>"
        "<div class='post-author'><span class='user-details'>dutchoven</span> <time>12 April 2025</time></div>"
        "<div class='comments'><ul class='comment-list'>"
        "<li class='comment'><span class='comment-text'>A tray of boiling water on the lowest rack works too if you do not own a heavy pot with a lid.</span> <span class='comment-user'>steamer</span> <span class='comment-date'>12 April</span></li>"
        "<li class='comment'><span class='comment-text'>Careful with glass pots at that heat, mine cracked after the third loaf and I lost the dough.</span> <span class='comment-user'>burnt</span> <span class='comment-date'>13 April</span></li>"
        "</ul></div></div>"
        "</div></div></body></html>"
        ;
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "flattens as soon as it goes into the oven") != NULL);
    CHECK(strstr(t, "That is over-proofing") != NULL);
    CHECK(strstr(t, "preheat a lidded pot for a full hour") != NULL);
    CHECK(strstr(t, "levain") != NULL);                        /* an answer's author line */
    CHECK(strstr(t, "How warm is your kitchen") == NULL);      /* a remark on the question */
    CHECK(strstr(t, "The fridge trick changed everything") == NULL);
    CHECK(strstr(t, "mine cracked after the third loaf") == NULL);
    wn_article_free(a);
}

/* A reply quotes an earlier post above its own answer, and another shows a
 * preview of the post it replies to: each text is read once, where it was
 * first written; the replies' own sentences stay. */
static void test_forum_quoted_posts(void)
{
    static const char html[] =
        "<html><head><title>Best wax for a canvas jacket?</title></head><body>"
        "<div class='thread'>"
        "<div class='post'><div class='post-meta'><span class='username'>drizzle</span> <time>1 Oct 2025</time></div>"
        "<div class='post-body'><p>My old canvas jacket lets the rain through at the shoulders now, and I would like to wax it again before the winter walks start.</p></div></div>"
        "<div class='post'><div class='post-meta'><span class='username'>oilskin</span> <time>1 Oct 2025</time></div>"
        "<div class='post-body'><p>Warm a tin of paraffin and beeswax blend in hot water, then rub it in with a cloth and set it with a hair dryer, one panel at a time.</p></div></div>"
        "<div class='post'><div class='post-meta'><span class='username'>drizzle</span> <time>2 Oct 2025</time></div>"
        "<div class='post-body'><blockquote><div class='quote-by'>oilskin said:</div>Warm a tin of paraffin and beeswax blend in hot water, then rub it in with a cloth and set it with a hair dryer, one panel at a time.</blockquote>"
        "<p>Does the hair dryer not melt the seams? Mine are glued, not stitched, along the hood.</p></div></div>"
        "<div class='post'><div class='post-meta'><span class='username'>seamripper</span> <time>3 Oct 2025</time></div>"
        "<div class='in-reply-to'><span>drizzle</span><div class='preview'>My old canvas jacket lets the rain through at the shoulders now, and I would like to wax it again before the winter walks start.</div></div>"
        "<div class='post-body'><p>Glued seams take low heat fine; keep the dryer moving and never hold it on one spot for more than a few seconds.</p></div></div>"
        "</div></body></html>"
        ;
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    const char *q1 = strstr(t, "Warm a tin of paraffin");
    CHECK(q1 != NULL && strstr(q1 + 1, "Warm a tin of paraffin") == NULL);
    const char *p1 = strstr(t, "My old canvas jacket");
    CHECK(p1 != NULL && strstr(p1 + 1, "My old canvas jacket") == NULL);
    CHECK(strstr(t, "Does the hair dryer not melt the seams?") != NULL);
    CHECK(strstr(t, "Glued seams take low heat fine") != NULL);
    CHECK(strstr(t, "seamripper") != NULL);
    /* The first copy stays in its place: the question comes first. */
    CHECK(p1 == NULL || q1 == NULL || p1 < q1);
    wn_article_free(a);
    /* --explain names the reason. */
    CHECK(strstr(explain_of(html, &opt), "blockquote text=") != NULL);
    CHECK(strstr(explain_of(html, &opt), "dropped quoted-earlier") != NULL);
}

/* After the last post a guest notice and the reply form follow in the
 * thread's block: they are no posts (no author, no date) and go. */
static void test_forum_after_last_post(void)
{
    static const char html[] =
        "<html><head><title>Sourdough starter smells of nail varnish</title></head><body>"
        "<div class='topic'>"
        "<div class='entry'><div class='entry-head'><span class='poster'>levainlover</span> <time>4 May 2025</time></div>"
        "<p>My starter has started to smell of nail varnish after a week in the fridge, and the bubbles are far fewer than before.</p></div>"
        "<div class='entry'><div class='entry-head'><span class='poster'>crumbcoat</span> <time>4 May 2025</time></div>"
        "<p>That smell means it is hungry: discard most of it and feed it twice a day at room temperature until it doubles again.</p></div>"
        "<div class='entry'><div class='entry-head'><span class='poster'>levainlover</span> <time>6 May 2025</time></div>"
        "<p>Two days of feeding did it, it doubles in six hours now and smells like yoghurt.</p></div>"
        "<div class='topic-notice'>You are reading this topic as a guest, so sign in or create an account to join the conversation and get notified of new replies.</div>"
        "<form class='quick-reply' action='/reply'><label>Your reply to this conversation</label><textarea name='body'></textarea><button>Send</button></form>"
        "</div></body></html>"
        ;
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "smell of nail varnish") != NULL);
    CHECK(strstr(t, "smells like yoghurt") != NULL);
    CHECK(strstr(t, "crumbcoat") != NULL);
    CHECK(strstr(t, "reading this topic as a guest") == NULL);
    CHECK(strstr(t, "Your reply to this conversation") == NULL);
    wn_article_free(a);
    CHECK(strstr(explain_of(html, &opt), "dropped after-thread") != NULL);

    /* A question above its answers: the notice after the answers' block, in
     * the block that holds both, goes too. */
    static const char qa[] =
        "<html><head><title>Why do cast iron pans crack?</title></head><body>"
        "<div id='content'>"
        "<div class='question'><span class='author'>potrack</span> <time>8 Jan 2025</time>"
        "<p>My grandmother's cast iron pan cracked across the bottom when I put it on a hot burner straight from the cold porch, and I wonder whether it can be saved at all.</p></div>"
        "<div class='answers'>"
        "<div class='answer'><span class='author'>foundry</span> <time>8 Jan 2025</time><p>Thermal shock does that: the thin bottom heats far faster than the thick rim, and the stress opens a crack along an old casting flaw.</p></div>"
        "<div class='answer'><span class='author'>brazier</span> <time>9 Jan 2025</time><p>A welder who works with cast iron can braze it, but the pan will never sit flat again, so keep it as a wall piece instead.</p></div>"
        "</div>"
        "<div class='help-box'><p>Not the answer you are looking for? Browse other questions tagged with cookware and iron, or ask your own question to get help from our community of home cooks.</p></div>"
        "</div></body></html>"
        ;
    t = text_of(qa, &opt, &a);
    CHECK(strstr(t, "cracked across the bottom") != NULL);
    CHECK(strstr(t, "keep it as a wall piece") != NULL);
    CHECK(strstr(t, "Not the answer you are looking for") == NULL);
    wn_article_free(a);
}

/* A forum page whose only run of dated blocks is a rail of linked teasers
 * beside a long first post: the teasers are not a thread. */
static void test_forum_teaser_rail_is_not_thread(void)
{
    static const char html[] =
        "<html><body><div class='post'><span class='author'>mapmaker</span>"
        "<p>Our club walked the whole ridge last weekend in thick fog, and nobody could see "
        "the cairns until we were right beside them, so the compass work we practised in "
        "the winter finally paid off on the way down to the second lake.</p>"
        "<p>Next month we try the same route again in better weather, starting an hour "
        "earlier so that the steep part is behind us before the afternoon heat arrives.</p>"
        "</div><div class='more'>"
        "<div class='card'><time>1 May</time><a href='/a'>Ridge walks for beginners in spring</a></div>"
        "<div class='card'><time>2 May</time><a href='/b'>Packing light for a long day out</a></div>"
        "<div class='card'><time>3 May</time><a href='/c'>Reading contour lines on old maps</a></div>"
        "</div></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "the compass work we practised") != NULL);
    CHECK(strstr(t, "Packing light") == NULL);
    wn_article_free(a);
}

/* A question written in lines broken by <br> (no paragraph) around two
 * photos, above its answers: in a thread such a block reads as prose and is
 * no image gallery. */
static void test_forum_post_beside_pictures(void)
{
    static const char html[] =
        "<html><head><title>Rust on a bicycle chain</title></head><body><div id='content'>"
        "<div class='question'><span class='author'>cogwheel</span> <time>3 May 2025</time>"
        "<div class='lines'>My chain went orange after one wet week in the shed.<br>"
        "<div class='photo'><img src='/up/chain1.jpg' alt=''></div>Is there any way to get it back without buying "
        "a new one?<div class='photo'><img src='/up/chain2.jpg' alt=''></div>I only have a toothbrush and "
        "some cooking oil at home, and the shop in the village is closed until Monday.</div></div>"
        "<div class='answers'>"
        "<div class='answer'><span class='author'>derailleur</span> <time>3 May 2025</time>"
        "<p>Soak it overnight in white vinegar and scrub it the next morning, then rinse it "
        "well and dry it with a hair dryer before you oil it again.</p>"
        "<p>Take the chain off first: find the quick link, squeeze it with pliers, and lay "
        "the chain in an old baking tray, so the vinegar covers every link, roller and pin. "
        "In the morning, scrub each side with the toothbrush, turn it over, scrub again, and "
        "rinse it under the garden tap until the water runs clear, then dry it at once.</p>"
        "<p>Before you put it back, check the stretch with a ruler: twelve links should "
        "measure twelve inches, and if they measure more, the chain is worn, the cassette "
        "will skip, and no amount of cleaning will save it, so buy a new one anyway.</p></div>"
        "<div class='answer'><span class='author'>sprocket</span> <time>4 May 2025</time>"
        "<p>Cooking oil turns sticky and collects grit, so buy a small bottle of proper chain "
        "lube once the shop opens again after the weekend.</p></div>"
        "<div class='answer'><span class='author'>cogwheel</span> <time>5 May 2025</time>"
        "<p>The vinegar worked and the chain runs quietly again now; I will keep the bicycle "
        "in the hallway from now on.</p></div>"
        "</div></div></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "My chain went orange") != NULL);
    CHECK(strstr(t, "get it back without buying") != NULL);
    CHECK(strstr(t, "Soak it overnight in white vinegar") != NULL);
    CHECK(strstr(t, "The vinegar worked") != NULL);
    wn_article_free(a);
}

/* The posts of a thread share one template: a reply of three words sits in
 * the same body block as the long posts and stays, while the same short
 * text outside the body (a report button) goes. */
static void test_forum_short_reply(void)
{
    static const char html[] =
        "<html><head><title>Sowing tomatoes indoors</title></head><body><div class='topic'>"
        "<div class='entry'><div class='who'><a href='/m/1' class='member-name'>seedling</a>"
        "<span class='member-title'>Regular contributor since 2019</span></div>"
        "<div class='entry-content'><div class='entry-text'><p>When do you start tomato "
        "seeds on a windowsill if the last frost here is usually in the middle of May?</p>"
        "</div><div class='entry-tools'><a href='/report/1'>Report</a></div></div></div>"
        "<div class='entry'><div class='who'><a href='/m/2' class='member-name'>greenhouse</a>"
        "<span class='member-title'>Regular contributor since 2015</span></div>"
        "<div class='entry-content'><div class='entry-text'><p>Six to eight weeks before "
        "that frost date is right, so the end of March is about when I sow mine.</p>"
        "</div><div class='entry-tools'><a href='/report/2'>Report</a></div></div></div>"
        "<div class='entry'><div class='who'><a href='/m/3' class='member-name'>potting_mix</a>"
        "<span class='member-title'>Regular contributor since 2021</span></div>"
        "<div class='entry-content'><div class='entry-text'><p>Same here, and keep the "
        "seedlings close to the glass so that they do not grow long and thin.</p>"
        "</div><div class='entry-tools'><a href='/report/3'>Report</a></div></div></div>"
        "<div class='entry'><div class='who'><a href='/m/1' class='member-name'>seedling</a>"
        "<span class='member-title'>Regular contributor since 2019</span></div>"
        "<div class='entry-content'><div class='entry-text'><p>Thanks, will do!</p>"
        "</div><div class='entry-tools'><a href='/report/4'>Report</a></div></div></div>"
        "</div></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "When do you start tomato seeds") != NULL);
    CHECK(strstr(t, "the end of March is about when I sow mine") != NULL);
    CHECK(strstr(t, "Thanks, will do!") != NULL);
    CHECK(strstr(t, "Report") == NULL);
    wn_article_free(a);
}

/* Each post's author panel holds the writer's name beside a rank, a post
 * count and a join date, the post's header its number, its footer an edit
 * note and buttons: the name and the post's date stay, the rest of the
 * panel, the number and the footer go. */
static void test_forum_author_panel(void)
{
    static const char html[] =
        "<html><head><title>Descaling a kettle</title></head><body><div class='posts'>"
        "<div class='post'><div class='userbox'><img src='/a/1.png' alt=''>"
        "<a class='username' href='/u/1'>limescale</a><div class='rank'>Senior member</div>"
        "<div class='stat'>Posts: 1,204</div><div class='stat'>Joined: March 2019</div></div>"
        "<div class='post-head'><a href='/p/1'>#1</a> <time datetime='2025-02-01'>1 Feb 2025</time></div>"
        "<div class='post-text'><p>What is the gentlest way to descale an old electric kettle "
        "without leaving a taste of vinegar in the tea for days afterwards?</p></div></div>"
        "<div class='post'><div class='userbox'><img src='/a/2.png' alt=''>"
        "<a class='username' href='/u/2'>citric</a><div class='rank'>New member</div>"
        "<div class='stat'>Posts: 12</div><div class='stat'>Joined: May 2024</div></div>"
        "<div class='post-head'><a href='/p/2'>#2</a> <time datetime='2025-02-01'>1 Feb 2025</time></div>"
        "<div class='post-text'><p>Boil a spoon of citric acid in a full kettle, leave it for "
        "an hour and rinse twice: it leaves no smell at all and costs very little.</p></div></div>"
        "<div class='post'><div class='userbox'><img src='/a/1.png' alt=''>"
        "<a class='username' href='/u/1'>limescale</a><div class='rank'>Senior member</div>"
        "<div class='stat'>Posts: 1,205</div><div class='stat'>Joined: March 2019</div></div>"
        "<div class='post-head'><a href='/p/3'>#3</a> <time datetime='2025-02-02'>2 Feb 2025</time></div>"
        "<div class='post-text'><p>The citric acid worked on the first try, and the kettle is "
        "shiny inside again after years of white crust.</p></div>"
        "<div class='post-foot'><span class='edited'>Edited once, last by the writer</span> "
        "<a href='/q/3'>Quote</a> <a href='/r/3'>Reply</a></div></div>"
        "</div></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_FORUM;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "gentlest way to descale") != NULL);
    CHECK(strstr(t, "Boil a spoon of citric acid") != NULL);
    CHECK(strstr(t, "worked on the first try") != NULL);
    CHECK(strstr(t, "citric\n") != NULL || strstr(t, "citric ") != NULL);   /* a writer's name */
    CHECK(strstr(t, "2 Feb 2025") != NULL);                                    /* a post's date */
    CHECK(strstr(t, "Posts:") == NULL);
    CHECK(strstr(t, "Joined:") == NULL);
    CHECK(strstr(t, "Senior member") == NULL);
    CHECK(strstr(t, "#2") == NULL);
    CHECK(strstr(t, "Edited once") == NULL);   /* the post's own chrome, outside its body */
    CHECK(strstr(t, "Quote") == NULL);
    wn_article_free(a);
    CHECK(strstr(explain_of(html, &opt), "dropped post-chrome") != NULL);
}

/* MARK: documentation pages ----------------------------------------------------- */

/* A step shown for three systems in tabs, two of them hidden until clicked:
 * on a documentation page (as on any but a product page) every panel is text; a hidden block that is no tab
 * panel (a closed dialog's text) is still left out. */
static void test_docs_tab_panels(void)
{
    static const char html[] =
        "<html><head><title>Installing the kiln controller</title></head><body><main>"
        "<h1>Installing the kiln controller</h1>"
        "<p>The controller talks to the kiln over a serial cable, and the helper program "
        "that reads its temperature log runs on any desktop system you already own.</p>"
        "<div class='tabs'><div role='tablist'><button role='tab'>Linux</button>"
        "<button role='tab'>macOS</button><button role='tab'>Windows</button></div>"
        "<div role='tabpanel' id='panel-linux'><p>Add yourself to the dialout group, then "
        "log out and back in so the serial port opens without root.</p></div>"
        "<div role='tabpanel' id='panel-mac' hidden><p>Install the cable driver from the "
        "maker's disk image and allow it under the security settings.</p></div>"
        "<div role='tabpanel' id='panel-win' style='display:none'><p>Pick the COM port "
        "that appears in the device manager when the cable is plugged in.</p></div></div>"
        "<p>Once the port opens, start the helper and choose the firing schedule that "
        "matches the clay body written on the bag.</p>"
        "<div class='survey' hidden><p>Tell us how we are doing with a short survey.</p></div>"
        "</main></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_DOCUMENTATION;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "Add yourself to the dialout group") != NULL);
    CHECK(strstr(t, "Install the cable driver") != NULL);
    CHECK(strstr(t, "Pick the COM port") != NULL);
    CHECK(strstr(t, "choose the firing schedule") != NULL);
    CHECK(strstr(t, "short survey") == NULL);
    /* Panels in page order. */
    const char *p1 = strstr(t, "dialout"), *p2 = strstr(t, "cable driver");
    CHECK(p1 && p2 && p1 < p2);
    wn_article_free(a);

    /* A product page reveals only its description's tab (its own rule): the
     * other closed tabs stay closed. */
    opt.page_type = WN_PAGE_PRODUCT;
    t = text_of(html, &opt, &a);
    CHECK(strstr(t, "choose the firing schedule") != NULL);
    CHECK(strstr(t, "Install the cable driver") == NULL);
    wn_article_free(a);
}

/* MARK: product pages ---------------------------------------------------------- */

/* A product page: the description sits in a tab the page hides until it is
 * clicked, and customer reviews (many paragraphs) outweigh it; a rail of
 * other products follows. On a page classified as a product the description
 * is the text, the reviews and the rail are not. */
static const char product_html[] =
    "<html><head><title>Field lantern</title></head><body>"
    "<div class='product'><h1>Field lantern</h1><span class='price'>$39.00</span>"
    "<div class='tabs'><div id='tab-description' class='tab-panel' hidden>"
    "<p>This lantern runs for thirty hours on one charge and folds flat into a side pocket, "
    "so it goes on every trip without taking the room of a water bottle.</p>"
    "<p>The shade is frosted glass in a steel cage, and the handle doubles as a hook for "
    "the ridge line of a tarp.</p></div></div></div>"
    "<div id='reviews' class='product-reviews'>"
    "<div class='review'><p>Bought two of these for the cabin and they have been great, "
    "bright enough to read by, and the battery lasts the whole weekend easily.</p></div>"
    "<div class='review'><p>Solid build, although the hook is a little small for thick "
    "branches, but overall I would definitely buy it again for camping.</p></div>"
    "<div class='review'><p>My kids love it, they take it everywhere, it survived being "
    "dropped on rocks twice, and it still works perfectly after a year.</p></div>"
    "<div class='review'><p>Good value for the price, the light is warm and pleasant, and "
    "charging with the cable from my phone works fine, which is handy.</p></div></div>"
    "<div class='recently-viewed'><h3>You viewed</h3><div><a href='/p/1'>Trail mug</a> "
    "$12.00, a mug that keeps your coffee warm for a long morning walk in the hills.</div>"
    "</div></body></html>";

static void test_product_page(void)
{
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_PRODUCT;
    wn_article *a;
    const char *t = text_of(product_html, &opt, &a);
    CHECK(strstr(t, "runs for thirty hours on one charge") != NULL);
    CHECK(strstr(t, "frosted glass in a steel cage") != NULL);
    CHECK(strstr(t, "Bought two of these") == NULL);
    CHECK(strstr(t, "My kids love it") == NULL);
    CHECK(strstr(t, "keeps your coffee warm") == NULL);
    wn_article_free(a);
}

/* The description only in the page's JSON-LD: it joins the text once; a page
 * that shows it already does not get it twice. */
static void test_product_jsonld_description(void)
{
    static const char html[] =
        "<html><head><title>Cedar planter</title>"
        "<script type='application/ld+json'>{\"@context\":\"https://schema.org\","
        "\"@graph\":[{\"@type\":\"WebPage\",\"name\":\"Cedar planter\"},"
        "{\"@type\":\"Product\",\"name\":\"Cedar planter\",\"description\":\"A raised "
        "planter of untreated cedar boards that weathers to silver grey and holds enough "
        "soil for tomatoes.\",\"offers\":{\"@type\":\"Offer\",\"price\":\"89.00\"}}]}</script>"
        "</head><body><div class='product'><h1>Cedar planter</h1><p class='price'>$89.00 - "
        "free delivery on orders over fifty dollars, returns within thirty days.</p>"
        "<p>Choose a size and add it to your basket; we ship from our own workshop.</p>"
        "</div></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_PRODUCT;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    const char *d = strstr(t, "weathers to silver grey");
    CHECK(d != NULL);
    CHECK(d == NULL || strstr(d + 1, "weathers to silver grey") == NULL);
    wn_article_free(a);

    /* As an article page the JSON-LD is metadata only. */
    opt.page_type = WN_PAGE_ARTICLE;
    t = text_of(html, &opt, &a);
    CHECK(strstr(t, "weathers to silver grey") == NULL);
    wn_article_free(a);
}

/* A product page's parts sit in blocks of their own: the description in one,
 * the specification table in another. The article path picks the
 * description; the page's main region holds both, and the table is part of
 * what the page says about the product. */
static void test_product_parts(void)
{
    static const char html[] =
        "<html><head><title>Trail stove</title></head><body><header><nav><a href='/'>Home</a> "
        "<a href='/shop'>Shop</a> <a href='/about'>About</a></nav></header><main>"
        "<div class='product-top'><h1>Trail stove</h1><p class='price'>$64.00</p>"
        "<div class='description'><p>This stove burns twigs, pine cones and dry bark, so a "
        "weekend in the hills needs no fuel canister at all, and it packs down into its own pot "
        "for the walk in.</p><p>A double wall draws air up between the steel skins and feeds it "
        "back into the flame, which burns the smoke before it leaves and boils a litre of water "
        "in about eight minutes.</p></div></div>"
        "<div class='product-bottom'><div class='specs'><h2>Specifications</h2><table>"
        "<tr><th>Weight</th><td>410 g</td></tr>"
        "<tr><th>Height</th><td>14 cm packed, 19 cm standing</td></tr>"
        "<tr><th>Material</th><td>Stainless steel, two walls</td></tr>"
        "<tr><th>Fuel</th><td>Twigs, cones, bark, solid fuel tablets</td></tr>"
        "<tr><th>Boil time</th><td>About eight minutes for one litre</td></tr></table></div></div>"
        "</main><footer><a href='/terms'>Terms</a> <a href='/privacy'>Privacy</a> "
        "<a href='/help'>Help</a></footer></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_PRODUCT;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "burns twigs, pine cones and dry bark") != NULL);
    CHECK(strstr(t, "Stainless steel, two walls") != NULL);
    CHECK(strstr(t, "About eight minutes for one litre") != NULL);
    CHECK(strstr(t, "Privacy") == NULL);
    wn_article_free(a);
}

/* A carousel on a product page: cards of other products scrolled sideways,
 * often with no link (a script opens them), so no link-density test sees a
 * rail. It goes, and the heading above it with it; a carousel inside the
 * product's own details block (its facts, one per slide) stays. */
static void test_product_carousel(void)
{
    static const char html[] =
        "<html><head><title>Wool blanket</title></head><body><div class='product'>"
        "<h1>Wool blanket</h1><p class='price'>$120.00</p>"
        "<div class='summary'><p>Woven on an old shuttle loom from the wool of hill sheep, this "
        "blanket is heavy enough for a cold bedroom and soft enough to wrap around your "
        "shoulders on the sofa.</p><p>The edges are bound with a cotton tape, and it can be "
        "washed by hand in cool water with a little soap.</p></div>"
        "<div class='product-details'><div class='detail-carousel'><ul>"
        "<li><span>Size</span> <span>150 by 200 centimetres</span></li>"
        "<li><span>Weight</span> <span>1.8 kilograms of pure wool</span></li></ul></div></div>"
        "<div class='people-viewed'><h2>People who viewed this also viewed</h2>"
        "<div class='item-carousel'><ul>"
        "<li><h3>Striped cotton throw in grey and white, large size</h3><span>$45.00</span></li>"
        "<li><h3>Linen cushion cover with a hidden zip, forest green</h3><span>$22.00</span></li>"
        "<li><h3>Alpaca scarf, hand knitted in a thick rib, natural</h3><span>$58.00</span></li>"
        "</ul></div></div></div></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_PRODUCT;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "shuttle loom from the wool of hill sheep") != NULL);
    CHECK(strstr(t, "1.8 kilograms of pure wool") != NULL);
    CHECK(strstr(t, "Striped cotton throw") == NULL);
    CHECK(strstr(t, "Alpaca scarf") == NULL);
    CHECK(strstr(t, "People who viewed") == NULL);   /* the rail's heading goes with it */
    wn_article_free(a);
    CHECK(strstr(explain_of(html, &opt), "div.people-viewed text=34 ld=0.00 dropped teaser-rail") != NULL);
}

/* A product page's main region: after the description and the table, a rail
 * of other products' cards under a name no rail list knows ("shelf"). Its
 * cards are links: it goes, as a service page's link blocks do. */
static void test_product_link_rail(void)
{
    static const char html[] =
        "<html><head><title>Trail stove</title></head><body><header><nav><a href='/'>Home</a> "
        "<a href='/shop'>Shop</a></nav></header><main>"
        "<div class='product-top'><h1>Trail stove</h1><p class='price'>$64.00</p>"
        "<div class='description'><p>This stove burns twigs, pine cones and dry bark, so a "
        "weekend in the hills needs no fuel canister at all, and it packs down into its own pot "
        "for the walk in.</p></div></div>"
        "<div class='product-bottom'><div class='specs'><h2>Specifications</h2><table>"
        "<tr><th>Weight</th><td>410 g</td></tr>"
        "<tr><th>Material</th><td>Stainless steel, two walls</td></tr>"
        "<tr><th>Boil time</th><td>About eight minutes for one litre</td></tr></table></div></div>"
        "<div class='shelf'><h2>Pairs well with</h2>"
        "<div><a href='/p/pot'>Titanium pot, 900 ml</a> $39.00</div>"
        "<div><a href='/p/mug'>Folding steel mug</a> $14.00</div>"
        "<div><a href='/p/spork'>Long spork</a> $9.00</div>"
        "<div><a href='/p/wind'>Aluminium wind screen</a> $19.00</div></div>"
        "</main><footer><a href='/terms'>Terms</a></footer></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_PRODUCT;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "burns twigs, pine cones and dry bark") != NULL);
    CHECK(strstr(t, "Stainless steel, two walls") != NULL);
    CHECK(strstr(t, "Titanium pot") == NULL);
    CHECK(strstr(t, "Folding steel mug") == NULL);
    wn_article_free(a);
    CHECK(strstr(explain_of(html, &opt), "div.shelf text=106 ld=0.64 dropped link-density") != NULL);
}

/* A product page's accordion: each item a button and a collapse the page
 * hides until it is clicked, the panel inside it. The item labelled with the
 * product's facts is read; the shipping terms stay hidden. */
static void test_product_accordion_panel(void)
{
    static const char html[] =
        "<html><head><title>Garden bench</title></head><body><div class='product'>"
        "<h1>Garden bench</h1><p class='price'>$240.00</p>"
        "<div class='summary'><p>A bench of oiled larch for two, with a slatted back that sheds "
        "the rain, built to stand outside through every season without a cover.</p></div>"
        "<div class='accordion'>"
        "<button aria-expanded='false' aria-controls='p1'>Dimensions &amp; materials</button>"
        "<div class='collapse' style='display:none'><div role='region' id='p1' aria-labelledby='b1'>"
        "<p>Width 120 cm, depth 55 cm, seat height 45 cm; larch boards on galvanised bolts.</p>"
        "</div></div>"
        "<button aria-expanded='false' aria-controls='p2'>Shipping &amp; returns</button>"
        "<div class='collapse' style='display:none'><div role='region' id='p2' aria-labelledby='b2'>"
        "<p>Orders leave our yard within five working days; returns are free for a month.</p>"
        "</div></div></div></div></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_PRODUCT;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK(strstr(t, "oiled larch for two") != NULL);
    CHECK(strstr(t, "Width 120 cm, depth 55 cm") != NULL);
    CHECK(strstr(t, "Orders leave our yard") == NULL);
    wn_article_free(a);
}

static size_t count_of(const char *t, const char *needle)
{
    size_t k = 0;
    for (const char *p = strstr(t, needle); p; p = strstr(p + 1, needle))
        k++;
    return k;
}

/* A product page that prints its description twice (a copy for small
 * screens, another for large ones, one of them hidden by a style sheet):
 * the text keeps one copy; a short line that recurs ("Weight: 2 kg", as in
 * two variants' specifications) stays as often as it comes. */
static void test_product_repeated_panel(void)
{
    static const char html[] =
        "<html><head><title>Copper kettle</title></head><body><div class='product'>"
        "<h1>Copper kettle</h1>"
        "<div class='details-mobile'><p>Hand-hammered from a single copper sheet, this kettle "
        "heats quickly on gas and induction and keeps its warm colour for decades.</p>"
        "<p>The lid is held by a brass hinge, so it never falls in while you pour.</p>"
        "<p>Weight: 2 kg</p></div>"
        "<div class='details-desktop'><p>Hand-hammered from a single copper sheet, this kettle "
        "heats quickly on gas and induction and keeps its warm colour for decades.</p>"
        "<p>The lid is held by a brass hinge, so it never falls in while you pour.</p>"
        "<p>Weight: 2 kg</p></div>"
        "</div></body></html>";
    wn_options opt;
    wn_options_init(&opt);
    opt.page_type = WN_PAGE_PRODUCT;
    wn_article *a;
    const char *t = text_of(html, &opt, &a);
    CHECK_EQ_INT((int)count_of(t, "Hand-hammered from a single copper sheet"), 1);
    CHECK_EQ_INT((int)count_of(t, "held by a brass hinge"), 1);
    CHECK_EQ_INT((int)count_of(t, "Weight: 2 kg"), 2);
    wn_article_free(a);
}

int main(void)
{
    RUN(test_form_holds_article);
    RUN(test_hidden_wrapper_shown);
    RUN(test_footer_shell_is_empty);
    RUN(test_forum_thread);
    RUN(test_forum_nested_replies);
    RUN(test_forum_thread_over_region);
    RUN(test_forum_quoted_posts);
    RUN(test_forum_after_last_post);
    RUN(test_forum_teaser_rail_is_not_thread);
    RUN(test_forum_post_beside_pictures);
    RUN(test_forum_short_reply);
    RUN(test_forum_author_panel);
    RUN(test_docs_tab_panels);
    RUN(test_product_page);
    RUN(test_product_jsonld_description);
    RUN(test_product_repeated_panel);
    RUN(test_product_parts);
    RUN(test_product_carousel);
    RUN(test_product_link_rail);
    RUN(test_product_accordion_panel);
    CHECK_DONE();
}
