/*
 * pagetype_rules.h: the data of the page-type classifier's decision (included
 * once, by pagetype.c): the hand rules that the learned model
 * (pagetype_model.h) reads besides the raw signals, and the article margin.
 * The words the measuring uses are rows of the lexicon, bound in measure.c.
 * Every entry says why it is there.
 */
#ifndef WN_EXTRACT_PAGETYPE_RULES_H
#define WN_EXTRACT_PAGETYPE_RULES_H

/* MARK: Rules */

/* A hand rule is a named yes/no question about the signals: it fires when
 * min <= f[feature] < max (and the same for and_feature, unless it is -1).
 * Rules decide nothing themselves: each one that fires is an input of the
 * learned model (pagetype_model.h), which weighs it for every type, and
 * --explain names the rules that weighed most for the winner. Thresholds keep
 * what a person knows about pages ("six or more priced cards"), which the trees
 * would have to find among many cuts on few pages; what each is worth is
 * learned. Adding,
 * removing or reordering a rule changes the model's inputs: retrain
 * (tools/train_pagetype.py, see pagetype_model.h). */
typedef struct wn_pt_rule {
    int feature;
    float min, max;
    int and_feature;
    float and_min, and_max;
    const char *name;   /* for --explain */
} wn_pt_rule;

/* The article margin the model's article score gets and the size under which
 * a page is an article without asking the model are WN_TUNE.pagetype
 * .article_margin and .tiny_page_text_k (extract/tuning.h); the training tool
 * reads them there. */

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

/* MARK: What a type needs */

/* A type that wins only on a page showing at least one of its signals (> 0).
 * The trees learn from full pages and have seen few short ones: on a short
 * page of plain paragraphs with no headings (a news brief, a stub) they lean
 * to forum, which only six training threads under a thousand characters
 * taught them. A thread shows itself: 111 of the 112 wcxb-dev threads have a
 * forum address, a declared discussion, repeated posts or forum markup (and
 * held-out accuracy and F1 are unchanged with the need; readability's pages
 * typed forum fell from 16 to 8). A page about what a business offers asks
 * the reader to act: 164 of the 165 wcxb-dev service pages hold a link, a
 * button, a form, landing-page markup or a declared service; a page of
 * sections and no link at all (a manual's chapter, a test page) is not one.
 * tools/train_pagetype.py reads this table too. */
#define PT_NEED_MAX 5   /* signals a need may list */
typedef struct wn_pt_need {
    wn_page_type type;
    int any_of[PT_NEED_MAX];   /* signals; -1 ends the list early */
} wn_pt_need;

static const wn_pt_need needs[] = {
    { WN_PAGE_FORUM, { PTF_URL_FORUM, PTF_SCHEMA_FORUM, PTF_POST_ITEMS, PTF_FORUM_NAMES, -1 } },
    { WN_PAGE_SERVICE,
      { PTF_LINK_DENSITY, PTF_BUTTONS, PTF_FORMS, PTF_SERVICE_NAMES, PTF_SCHEMA_SERVICE } },
};

#define N_NEEDS (sizeof needs / sizeof needs[0])

#undef ALONE

#endif
