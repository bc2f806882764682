/*
 * pagetype_rules.h: the data of the page-type classifier (included once, by
 * pagetype.c): the word lists it measures with, its thresholds, and the hand
 * rules that the learned model (pagetype_model.h) reads besides the raw
 * signals. Every entry says why it is there.
 */
#ifndef WN_EXTRACT_PAGETYPE_RULES_H
#define WN_EXTRACT_PAGETYPE_RULES_H

/* MARK: Thresholds of the measuring */

/* The measuring's thresholds are in the tuning table (extract/tuning.h:
 * WN_TUNE.pagetype). */
/* Nodes that looking into runs may visit, per node of the page: keeps the walk linear. */
#define SCAN_BUDGET_PER_NODE 2

/* MARK: Word lists */

/* Month names' first three letters, capitalised as dates print them. */
static const char *const month_prefixes[] = {
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", NULL
};

/* First words of host names that mark a site's part. */
static const char *const host_docs[] = { "docs", "doc", "developer", "developers", "readthedocs", "gitbook", "wiki", NULL };
static const char *const host_forum[] = { "forum", "forums", "community", "discuss", "discussion", "stackexchange", "stackoverflow", "answers", NULL };

/* Whole path segments. */
static const char *const seg_docs[] = {
    "docs", "doc", "documentation", "reference", "api", "manual", "guide", "guides",
    "tutorial", "tutorials", "usersguide", "handbook", "learn", "man", NULL
};
static const char *const seg_forum[] = {
    "t", "thread", "threads", "topic", "topics", "questions", "question", "forum", "forums",
    "discussion", "discussions", "community", "showthread.php", "viewtopic.php", NULL
};
static const char *const seg_product[] = { "product", "products", "p", "dp", "item", "items", "sku", NULL };
static const char *const seg_collection[] = {
    "collections", "collection", "category", "categories", "shop", "c", "catalog", "store", "browse", NULL
};
/* Sections whose pages are usually dated stories. */
static const char *const seg_article[] = {
    "blog", "blogs", "news", "article", "articles", "post", "posts", "story", "stories", "insights", NULL
};
/* A last segment that names an index of such pages, not one of them. */
static const char *const seg_index[] = {
    "news", "blog", "blogs", "articles", "events", "press", "resources", "search", "courses",
    "programs", "programmes", "stories", "updates", "publications", "jobs", "careers", "list", NULL
};

/* Class names of repeated items that are posts of a thread. */
static const char *const names_post[] = {
    "post", "message", "reply", "answer", "comment", "topic", "thread", NULL
};

/* Class / id words counted as markers: one list, each word tagged with the
 * feature it counts for (looked up in one scan of each name). */
static const char *const marker_words[] = {
    /* PTF_CART */
    "cart", "basket", "addtocart", "add-to-cart", "add-to-bag", "checkout", "buy-now", "buynow",
    /* PTF_PRODUCT_NAMES */
    "product", "sku", "variant", "swatch", "quantity", "qty", "add-to", "size-selector",
    /* PTF_FORUM_NAMES */
    "post", "reply", "replies", "thread", "topic", "answer", "vote", "forum", "bbcode", "signature",
    /* PTF_DOC_NAMES */
    "toc", "docs", "doc-", "documentation", "sphinx", "rst-", "md-", "highlight", "api",
    "sidebar-nav", "edit-this", "edit-page", "version", "breadcrumb",
    /* PTF_LIST_NAMES */
    "pagination", "pager", "filter", "facet", "sort", "results", "listing", "grid", "card", "tile",
    /* PTF_ARTICLE_NAMES */
    "byline", "author", "article-body", "articlebody", "entry-content", "post-content",
    "published", "dateline", "article-content", "story",
    /* PTF_SERVICE_NAMES */
    "hero", "cta", "testimonial", "pricing", "features", "benefit", "services", "service",
    "contact", "quote", "banner",
    NULL
};
/* The feature of each word above, in order (counts per group: 8 8 10 14 10 10 11). */
static const unsigned char marker_tags[] = {
    PTF_CART, PTF_CART, PTF_CART, PTF_CART, PTF_CART, PTF_CART, PTF_CART, PTF_CART,
    PTF_PRODUCT_NAMES, PTF_PRODUCT_NAMES, PTF_PRODUCT_NAMES, PTF_PRODUCT_NAMES,
    PTF_PRODUCT_NAMES, PTF_PRODUCT_NAMES, PTF_PRODUCT_NAMES, PTF_PRODUCT_NAMES,
    PTF_FORUM_NAMES, PTF_FORUM_NAMES, PTF_FORUM_NAMES, PTF_FORUM_NAMES, PTF_FORUM_NAMES,
    PTF_FORUM_NAMES, PTF_FORUM_NAMES, PTF_FORUM_NAMES, PTF_FORUM_NAMES, PTF_FORUM_NAMES,
    PTF_DOC_NAMES, PTF_DOC_NAMES, PTF_DOC_NAMES, PTF_DOC_NAMES, PTF_DOC_NAMES, PTF_DOC_NAMES,
    PTF_DOC_NAMES, PTF_DOC_NAMES, PTF_DOC_NAMES, PTF_DOC_NAMES, PTF_DOC_NAMES, PTF_DOC_NAMES,
    PTF_DOC_NAMES, PTF_DOC_NAMES,
    PTF_LIST_NAMES, PTF_LIST_NAMES, PTF_LIST_NAMES, PTF_LIST_NAMES, PTF_LIST_NAMES,
    PTF_LIST_NAMES, PTF_LIST_NAMES, PTF_LIST_NAMES, PTF_LIST_NAMES, PTF_LIST_NAMES,
    PTF_ARTICLE_NAMES, PTF_ARTICLE_NAMES, PTF_ARTICLE_NAMES, PTF_ARTICLE_NAMES,
    PTF_ARTICLE_NAMES, PTF_ARTICLE_NAMES, PTF_ARTICLE_NAMES, PTF_ARTICLE_NAMES,
    PTF_ARTICLE_NAMES, PTF_ARTICLE_NAMES,
    PTF_SERVICE_NAMES, PTF_SERVICE_NAMES, PTF_SERVICE_NAMES, PTF_SERVICE_NAMES,
    PTF_SERVICE_NAMES, PTF_SERVICE_NAMES, PTF_SERVICE_NAMES, PTF_SERVICE_NAMES,
    PTF_SERVICE_NAMES, PTF_SERVICE_NAMES, PTF_SERVICE_NAMES,
};
/* A wordset tag is a bit of an unsigned: the marker features must be under 32. */
_Static_assert(PTF_SERVICE_NAMES < 32 && PTF_CART < 32, "marker features are wordset tags");
_Static_assert(sizeof marker_tags == sizeof marker_words / sizeof marker_words[0] - 1,
               "one tag per marker word");

static wn_wordset ws_post = WN_WORDSET(names_post);
static wn_wordset ws_markers = WN_WORDSET_TAGGED(marker_words, marker_tags);

/* schema.org type names (JSON-LD @type, microdata itemtype) -> feature. */
typedef struct wn_pt_schema {
    const char *name;
    int feature;
} wn_pt_schema;

static const wn_pt_schema schema_types[] = {
    { "Article", PTF_SCHEMA_ARTICLE }, { "NewsArticle", PTF_SCHEMA_ARTICLE },
    { "BlogPosting", PTF_SCHEMA_ARTICLE }, { "Report", PTF_SCHEMA_ARTICLE },
    { "ScholarlyArticle", PTF_SCHEMA_ARTICLE }, { "ReportageNewsArticle", PTF_SCHEMA_ARTICLE },
    { "AnalysisNewsArticle", PTF_SCHEMA_ARTICLE }, { "OpinionNewsArticle", PTF_SCHEMA_ARTICLE },
    { "Recipe", PTF_SCHEMA_ARTICLE }, { "LiveBlogPosting", PTF_SCHEMA_ARTICLE },
    { "TechArticle", PTF_SCHEMA_TECH }, { "APIReference", PTF_SCHEMA_TECH },
    { "SoftwareSourceCode", PTF_SCHEMA_TECH },
    { "DiscussionForumPosting", PTF_SCHEMA_FORUM }, { "QAPage", PTF_SCHEMA_FORUM },
    { "Question", PTF_SCHEMA_FORUM }, { "Answer", PTF_SCHEMA_FORUM },
    { "Product", PTF_SCHEMA_PRODUCT }, { "Offer", PTF_SCHEMA_PRODUCT },
    { "AggregateOffer", PTF_SCHEMA_PRODUCT }, { "ProductGroup", PTF_SCHEMA_PRODUCT },
    { "ItemList", PTF_SCHEMA_LIST }, { "CollectionPage", PTF_SCHEMA_LIST },
    { "OfferCatalog", PTF_SCHEMA_LIST }, { "SearchResultsPage", PTF_SCHEMA_LIST },
    { "Service", PTF_SCHEMA_SERVICE }, { "LocalBusiness", PTF_SCHEMA_SERVICE },
    { "ProfessionalService", PTF_SCHEMA_SERVICE }, { "Course", PTF_SCHEMA_SERVICE },
    { "EducationalOccupationalProgram", PTF_SCHEMA_SERVICE }, { "ContactPage", PTF_SCHEMA_SERVICE },
    { "FAQPage", PTF_SCHEMA_FAQ },
    { "WebPage", PTF_SCHEMA_WEBPAGE }, { "AboutPage", PTF_SCHEMA_WEBPAGE },
    { NULL, 0 },
};

/* MARK: Rules */

/* A hand rule is a named yes/no question about the signals: it fires when
 * min <= f[feature] < max (and the same for and_feature, unless it is -1).
 * Rules decide nothing themselves: each one that fires is an input of the
 * learned model (pagetype_model.h), which weighs it for every type, and
 * --explain names the rules that weighed most for the winner. Thresholds keep
 * what a person knows about pages ("six or more priced cards") that a linear
 * model over the raw counts cannot express; the weights are learned. Adding,
 * removing or reordering a rule changes the model's inputs: retrain
 * (tools/train_pagetype.py, see pagetype_model.h). */
typedef struct wn_pt_rule {
    int feature;
    float min, max;
    int and_feature;
    float and_min, and_max;
    const char *name;   /* for --explain */
} wn_pt_rule;

/* Added to the model's article score: another type must beat article by this
 * much. The model learns from a set where half the pages are not articles; a
 * crawl is mostly articles, and an article sent down another type's path
 * loses more text than a page of another type read as an article (at 0 the
 * article sets lose 0.3-0.8 points of F1; at 2 the typed pages lose what
 * the model gains them). The training tool applies it too. */
#define ARTICLE_MARGIN 1.0f
/* Thousands of characters of visible text under which a page with no declared
 * schema.org type is an article without asking the model: it learned from full
 * pages, and a stub's few signals (no date, no author) say nothing. */
#define TINY_PAGE_TEXT_K 0.05f

#define ANY 1e30f
#define ALONE -1, 0, 0

static const wn_pt_rule rules[] = {
    /* Declared types: the page's own word, strong but not final (templates
     * paste Article on every page, shops mark each card a Product). The
     * model reads the counts too; these mark "declared at all". */
    { PTF_SCHEMA_ARTICLE, 1, ANY, ALONE, "schema.org/og article" },
    { PTF_SCHEMA_TECH, 1, ANY, ALONE, "schema.org TechArticle" },
    { PTF_SCHEMA_FORUM, 1, ANY, ALONE, "schema.org forum posting / Q&A" },
    { PTF_SCHEMA_PRODUCT, 1, 4, ALONE, "schema.org/og product" },
    { PTF_SCHEMA_PRODUCT, 4, ANY, ALONE, "many schema.org products" },
    { PTF_SCHEMA_LIST, 1, ANY, ALONE, "schema.org item list / collection page" },
    { PTF_SCHEMA_SERVICE, 1, ANY, ALONE, "schema.org service / business" },
    { PTF_SCHEMA_FAQ, 1, ANY, ALONE, "schema.org FAQ" },

    /* Repeated cards: a grid of priced items is a shop's collection, a list of
     * dated or summarised items is a content index. */
    { PTF_CARD_ITEMS, 6, ANY, PTF_CARD_PRICE, 0.5f, ANY, "a grid of priced cards" },
    { PTF_CARD_ITEMS, 6, ANY, PTF_CARD_DATE, 0.5f, ANY, "a list of dated items" },

    /* Shops. */
    { PTF_CART, 1, ANY, PTF_PRICES, 1, 6, "a cart button and a price" },
    { PTF_URL_PRODUCT, 1, ANY, ALONE, "a product address" },
    { PTF_URL_COLLECTION, 1, ANY, ALONE, "a collection address" },
    { PTF_PRODUCT_NAMES, 10, ANY, PTF_PRICES, 1, ANY, "product markup" },

    /* Threads. */
    { PTF_URL_FORUM, 1, ANY, ALONE, "a forum address" },
    { PTF_POST_ITEMS, 2, ANY, ALONE, "repeated posts with their own text" },
    { PTF_FORUM_NAMES, 20, ANY, PTF_TIMES, 2, ANY, "forum markup and dates" },

    /* Documentation. */
    { PTF_URL_DOCS, 1, ANY, ALONE, "a documentation address" },
    { PTF_PRE, 2, ANY, ALONE, "code blocks" },
    { PTF_CODE, 6, ANY, ALONE, "inline code" },
    { PTF_DOC_NAMES, 6, ANY, ALONE, "documentation markup" },
    { PTF_CODE, 20, ANY, ALONE, "much inline code" },
    { PTF_DOC_NAMES, 12, ANY, PTF_HAS_AUTHOR, 0, 1, "documentation markup, no author" },

    /* Articles. */
    { PTF_HAS_DATE, 1, ANY, PTF_HAS_AUTHOR, 1, ANY, "a date and an author" },
    { PTF_URL_ARTICLE, 1, ANY, ALONE, "a story address" },
    { PTF_LONG_P, 6, ANY, ALONE, "paragraphs of prose" },
    { PTF_LONG_P, 15, ANY, ALONE, "many paragraphs of prose" },
    { PTF_ARTICLE_NAMES, 2, ANY, ALONE, "article markup" },

    /* Service pages: sections under headings, calls to act, no date. */
    { PTF_SERVICE_NAMES, 4, ANY, PTF_HAS_DATE, 0, 1, "landing-page markup" },
    { PTF_HEADINGS, 4, ANY, PTF_HAS_DATE, 0, 1, "undated sections" },
    { PTF_HAS_DATE, 0, 1, PTF_HAS_AUTHOR, 0, 1, "no date, no author" },
    { PTF_SERVICE_NAMES, 8, ANY, ALONE, "much landing-page markup" },
    { PTF_HEADINGS, 4, ANY, PTF_LONG_P, 0, 10, "sections with little prose" },
    /* A top-level address (one path segment; none is unknown) that holds no
     * <article> element is usually a site's own page about what it offers; stories
     * and index pages sit deeper or say so in their address. */
    { PTF_URL_DEPTH, 1, 2, PTF_ARTICLES, 0, 1, "a top-level address, no <article>" },

    /* Indexes: many linked items and little prose of their own. */
    { PTF_LONG_P, 0, 3, PTF_CARD_ITEMS, 8, ANY, "linked items, hardly any prose" },
    { PTF_LINK_DENSITY, 0.35f, ANY, PTF_LONG_P, 0, 5, "mostly links" },
    { PTF_URL_INDEX, 1, ANY, ALONE, "an index address" },
    /* A run of teaser cards on a page where a fifth of the text is link text:
     * an index of stories whose items carry no date (stories carry few links). */
    { PTF_CARD_ITEMS, 6, ANY, PTF_LINK_DENSITY, 0.2f, ANY, "teaser cards on a link-heavy page" },
};

#define N_RULES (sizeof rules / sizeof rules[0])

#undef ALONE

#endif
