/*
 * type_rules.h: thresholds and word lists of the type-specific content rules
 * (type_list.c, type_forum.c, type_product.c and the other type_*.c). Each
 * says why it is there.
 */
#ifndef WN_EXTRACT_TYPE_RULES_H
#define WN_EXTRACT_TYPE_RULES_H

/* MARK: Main region or article */

/* The article path's article is taken when it keeps at least this share of
 * the main region's text outside links (the region, less its chrome,
 * otherwise): a path that keeps less found one card, one section or one post
 * of many. On list, service and documentation pages the region is always
 * taken (a ratio no article reaches): they are made of many parts. Forum
 * threads: half. Articles: a fifth, so that a long story with a
 * busy page around it keeps the article path's precision. */
#define REGION_RATIO_ARTICLE 0.2f
#define REGION_RATIO_OTHER 0.5f
/* Product pages: four fifths. A product page is made of a few parts (the
 * description, a feature list, a specification table, what is in the box) in
 * blocks of their own; the article path picks the longest, and keeps the rest
 * only when it is nearly the whole region. wcxb-dev product at 0.5 / 0.6 /
 * 0.7 / 0.8 / 0.9: 0.619 / 0.619 / 0.619 / 0.630 / 0.626 (listing drops at 0.9). */
#define REGION_RATIO_PRODUCT 0.8f
#define REGION_RATIO_PARTS 1000.0f
/* A forum page whose article path found the thread (a run of posts with their
 * own author or date) trusts it as an article is trusted: the region beside it
 * holds what the thread rules drop on purpose (remarks under each answer,
 * per-post chrome), so it is larger without being better. */
#define REGION_RATIO_THREAD REGION_RATIO_ARTICLE

/* MARK: Collection and listing pages */

/* A <main> is the list's region when it holds at least NUM/DEN of the body's
 * text; a smaller one is a banner that calls itself main. */
#define LIST_MAIN_MIN_SHARE_NUM 1
#define LIST_MAIN_MIN_SHARE_DEN 4
/* Below this many characters the region is not a list: the article path runs. */
#define LIST_MIN_TEXT 200
/* A header or footer with this many links is a menu, not a card's head. */
#define LIST_CHROME_MIN_LINKS 3
/* Blocks named like boilerplate (newsletter, cookie...) or like page furniture
 * (sidebar, footer...) go when they hold less than 1/DEN of the region: a
 * wrapper named so that holds the whole list stays. */
#define LIST_BOILER_MAX_SHARE_DEN 2
#define LIST_UNLIKELY_MAX_SHARE_DEN 3

/* A block named like a control (filter, sort, pager...) stays when it reads
 * as prose: at least this much text, link density below this, no inputs. */
#define LIST_CHROME_PROSE_MIN_TEXT 200
#define LIST_CHROME_PROSE_MAX_LD 0.2f

/* On a service page a block under 1/DEN of the region whose link density
 * is above this is a menu or a rail of links to other pages. */
#define SERVICE_LINKS_MIN_LD 0.5f
#define SERVICE_LINKS_MAX_SHARE_DEN 2
#define SERVICE_LINKS_MAX_LABEL 30

/* Names of a list page's controls and furniture (word starts of class/id). */
static const char *const list_chrome_names[] = {
    "pagination", "pager", "paging", "breadcrumb", "filter", "facet", "sort", "toolbar",
    "refine", "skip-link", "skiplink", "cookie", "newsletter", "subscribe", "modal", "popup",
    "drawer", "offcanvas", "off-canvas", "megamenu", "mega-menu", "navbar", "site-header",
    "site-footer", "announcement",
    /* documentation furniture: tables of contents, edit links, version pickers, prev/next */
    "toc", "table-of-contents", "tableofcontents", "edit-this", "edit-page", "editpage",
    "version-switch", "version-select", "versions", "prev-next", "docs-pagination",
    "feedback", "was-this-helpful", NULL
};

/* MARK: Forum threads (type_forum.c) */

/* A post holds at least this much text (characters). */
#define POST_MIN_TEXT 20
/* A thread is a run of at least this many posts with their own marker. */
#define THREAD_MIN_POSTS 2
/* The first post is looked for this many levels above the run of replies,
 * and holds at least this much text. */
#define FIRST_POST_LEVELS   3
#define FIRST_POST_MIN_TEXT 100
/* Distinct sibling kinds tracked per parent (more are rare and not posts). */
#define KINDS_PER_PARENT 16
/* A run inside a block of the chosen run, with more posts and at least this
 * share (2/5) of its text, is the thread; the outer run is layout. */
#define FINER_RUN_SHARE_NUM 2
#define FINER_RUN_SHARE_DEN 5
/* Mean link density above which a run is teasers, not posts. */
#define RUN_MAX_LINK_DENSITY 0.4f
/* A thread that leaves out the block chosen first must hold this many times
 * its text. */
#define RUN_OVER_CHOSEN 1.5f
/* An author or date line is at most this long (characters). */
#define POST_LINE_MAX_TEXT 100
/* A form holding one post's text: few controls, mostly not links. */
#define POST_FORM_MAX_INPUTS 3
#define POST_FORM_MAX_LINK_DENSITY 0.5f
/* Runs compared per page (a page with more is not a thread). */
#define MAX_RUNS 512
/* Quoted text: runs of this many words are compared with the thread's text
 * before them; a block with at least QUOTE_MIN_SHINGLES runs of which this
 * share was seen earlier repeats an earlier post (a quote, a preview of the
 * post replied to). Threads of more words than QUOTE_MAX_WORDS are not
 * compared (memory: two words' worth of slots per word). */
#define QUOTE_SHINGLE_WORDS 6
#define QUOTE_MIN_SHINGLES  4
#define QUOTE_MIN_SEEN      0.8f
/* ... and at most this many runs not seen before: more is a reply's own
 * sentence beside its quote (the quote alone goes). */
#define QUOTE_MAX_NEW       6
#define QUOTE_MAX_WORDS     (1u << 22)
/* A run of words counts for the nearest block holding all of it, looked for at
 * most this many steps up (further: the run spans unrelated blocks). */
#define QUOTE_LCA_MAX_CLIMB 64

/* Substrings of class/id values that mark a post's author or date line. */
static const char *const marker_names[] = {
    "author", "user", "poster", "member", "date", "time", "posted", "byline", "avatar",
};

/* Substrings of class/id values that name a post's signature. */
static const char *const signature_names[] = { "signature", "sigline", "sig-line" };

/* itemprop words of schema.org posts' author and date. */
static const char *const marker_props[] = {
    "author", "creator", "datepublished", "datecreated",
};

/* MARK: Product pages (type_product.c) */

/* The JSON-LD walk: nesting and values looked at, at most. */
#define DESC_MAX_DEPTH 32
#define DESC_MAX_NODES 20000
/* A description shorter than this (characters) is a tagline, not the text. */
#define DESC_MIN_CHARS 40
/* The article already holds the description when this share of its words occurs. */
#define DESC_MIN_COVER 0.5f
/* A block repeated word for word (a variant's copy of the same panel, the
 * mobile layout's copy of the desktop one) is dropped after its first
 * occurrence when it holds at least this many characters: shorter lines
 * ("Material", "In stock") legitimately recur in specification tables. */
#define REPEAT_MIN_CHARS 20
/* Scratch memory for parsing the page's JSON-LD. */
#define DESC_SCRATCH_BYTES (8u << 20)

/* Substrings of class/id values (lowercased). */
static const char *const desc_names[] = {
    "description", "product-detail", "productdetail", "product_detail", "product-desc",
    "productdesc", "product_desc", "specification", "product-info", "product_info",
    "productinfo",
};
static const char *const review_names[] = {
    "review", "rating", "testimonial",
};
static const char *const rail_names[] = {
    "related", "recommend", "similar", "also-bought", "alsobought", "also-like", "upsell",
    "up-sell", "cross-sell", "crosssell", "recently-viewed", "recentlyviewed",
    "recently_viewed", "you-may", "complete-the-look",
};

/* schema.org types whose "description" is the product's own text. */
static const char *const product_types[] = {
    "Product", "ProductGroup", "ProductModel", "IndividualProduct",
};

#endif
