/*
 * pagetype.h: what kind of page this is (article, forum, product, collection,
 * listing, documentation, service, other), decided before the main content is
 * chosen so that the chooser can adapt to it.
 *
 * How it works: one walk over the page (measure.c) measures a fixed set of
 * signals (features: schema.org / OpenGraph types, repeated sibling cards and
 * what they hold, price and cart markers, code blocks, doc navigation, URL
 * shape, text and link density); learned boosted decision trees
 * (pagetype_model.h, trained by tools/train_pagetype.py) score each type from
 * the signals and from the hand rules of pagetype_rules.h that fired
 * (pagetype.c); the highest score wins, article unless another type beats it
 * by WN_TUNE.pagetype.article_margin, collection and listing competing as one
 * (their pooled odds; one extraction path), and a type whose needs (needs[] in
 * pagetype_rules.h) the page does not show never wins.
 *
 * Use from type-specific code (the content chooser and its type_*.c hooks):
 *
 *     const wn_pagetype *pt = c->pt;           // never NULL inside the chooser
 *     if (pt->type == WN_PAGE_LISTING) ...      // dispatch on the decided type
 *     if (pt->f[PTF_CARD_ITEMS] >= 6) ...       // or read a measured signal
 *
 * The result is plain data: copy it freely; it points into nothing.
 */
#ifndef WN_EXTRACT_PAGETYPE_H
#define WN_EXTRACT_PAGETYPE_H

#include <stdbool.h>

#include "winnow.h"
#include "core/buf.h"
#include "dom/dom.h"
#include "extract/meta/meta.h"

/* The measured signals. Counts unless said otherwise. Names for --explain and
 * the training/evaluation tools are in pagetype.c (feature_names). */
enum wn_pt_feature {
    /* declared types: schema.org (JSON-LD @type, microdata itemtype) and og:type */
    PTF_SCHEMA_ARTICLE = 0,  /* Article, NewsArticle, BlogPosting...; og:type article */
    PTF_SCHEMA_TECH,         /* TechArticle, APIReference, SoftwareSourceCode */
    PTF_SCHEMA_FORUM,        /* DiscussionForumPosting, QAPage, Question, Answer */
    PTF_SCHEMA_PRODUCT,      /* Product, Offer, AggregateOffer, ProductGroup; og:type product */
    PTF_SCHEMA_LIST,         /* ItemList, CollectionPage, OfferCatalog, SearchResultsPage */
    PTF_SCHEMA_SERVICE,      /* Service, LocalBusiness kinds, Course, FAQPage, ContactPage */
    PTF_SCHEMA_WEBPAGE,      /* WebPage, AboutPage */
    PTF_SCHEMA_FAQ,          /* FAQPage */
    /* repeated sibling structures */
    PTF_CARD_ITEMS,          /* items of the largest group of alike siblings that hold a link */
    PTF_CARD_GROUPS,         /* groups of at least 4 alike linked siblings */
    PTF_CARD_PRICE,          /* share (0-1) of the largest group's items showing a price */
    PTF_CARD_DATE,           /* share (0-1) of its items with a date */
    PTF_CARD_IMG,            /* share (0-1) of its items with an image */
    PTF_CARD_TEXT,           /* mean characters per item */
    PTF_POST_ITEMS,          /* alike siblings named like posts, each with its own text */
    PTF_CARD_PRICED,         /* items of the largest group showing a price (a count: a grid of
                              * priced items, which a share and a count apart cannot say) */
    PTF_CARD_DATED,          /* items of the largest group with a date (a count) */
    /* markers */
    PTF_PRICES,              /* text runs that look like a price ($12.99, 12,00 EUR) */
    PTF_CART,                /* add-to-cart / basket / checkout markers */
    PTF_PRODUCT_NAMES,       /* elements named product, sku, variant, swatch, quantity */
    PTF_FORUM_NAMES,         /* elements named post, reply, thread, topic, answer, vote */
    PTF_DOC_NAMES,           /* elements named toc, docs, sidebar-nav, highlight, api */
    PTF_LIST_NAMES,          /* elements named pagination, filter, facet, sort, results */
    PTF_ARTICLE_NAMES,       /* elements named byline, article-body, entry-content, post-date */
    PTF_SERVICE_NAMES,       /* elements named hero, cta, testimonial, pricing, features */
    /* structure */
    PTF_PRE,                 /* <pre> blocks */
    PTF_CODE,                /* <code> outside <pre> */
    PTF_TABLES,
    PTF_HEADINGS,            /* h2-h4 */
    PTF_ARTICLES,            /* <article> elements */
    PTF_TIMES,               /* <time> elements */
    PTF_LONG_P,              /* paragraphs of 150 characters or more */
    PTF_LONGEST_P,           /* characters of the longest paragraph */
    PTF_TEXT_K,              /* thousands of characters of visible text */
    PTF_LINK_DENSITY,        /* link characters / all characters (0-1) */
    PTF_FORMS,               /* <form> elements */
    PTF_BUTTONS,             /* <button> and button-like inputs */
    /* metadata and address */
    PTF_HAS_DATE,            /* 1 when the metadata found a publication date */
    PTF_HAS_AUTHOR,          /* 1 when it found an author */
    PTF_URL_ARTICLE,         /* 1: a date or /blog/, /news/.../slug in the path */
    PTF_URL_FORUM,           /* 1: /t/, /thread, /topic, /questions/, forum host */
    PTF_URL_PRODUCT,         /* 1: /product(s)/, /p/, /dp/, /item/ */
    PTF_URL_COLLECTION,      /* 1: /collections/, /category/, /shop/, /c/ */
    PTF_URL_DOCS,            /* 1: docs host or /docs/, /reference/, /api/, /manual/ */
    PTF_URL_INDEX,           /* 1: the path ends in an index name: /news, /blog, /events */
    PTF_URL_SLUG,            /* words of the last path segment's hyphenated slug */
    PTF_URL_DEPTH,           /* path segments */
    /* added later (the model reads them like the others) */
    PTF_LINKED_HEADINGS,     /* headings holding a link or inside one: teaser titles */
    PTF_P_SHARE,             /* share (0-1) of the text inside <p>: prose against blocks and lists */
    PTF_URL_HOME,            /* 1: the address is known and its path is empty (a site's front page) */
    PTF__COUNT
};

typedef struct wn_pagetype {
    wn_page_type type;             /* never WN_PAGE_UNKNOWN after wn_pagetype_classify */
    bool forced;                   /* set by the caller (wn_options.page_type) */
    bool tiny;                     /* too little text to classify: article by default */
    float f[PTF__COUNT];           /* the signals (all 0 when forced) */
    float score[WN_PAGE__COUNT];   /* each type's model score (pagetype_model.h) */
} wn_pagetype;

/* Classify d. meta: the page's metadata (date, author, canonical URL); url: the
 * address the caller gave, or NULL. forced != WN_PAGE_UNKNOWN skips the
 * measuring and takes that type. Linear in the page; allocates nothing. */
void wn_pagetype_classify(const wn_doc *d, const wn_meta *meta, const char *url,
                          wn_page_type forced, wn_pagetype *out);

/* One "# page type: ..." line for --explain: the type, forced or classified,
 * and the signals that decided it. */
void wn_pagetype_explain(const wn_pagetype *pt, wn_buf *b);

/* The signals of d into f[PTF__COUNT] (zeroed by the caller): measure.c, for
 * wn_pagetype_classify. */
void wn_pagetype_measure(const wn_doc *d, const wn_meta *meta, const char *url, float *f);

/* A feature's name ("card_items"), for tools; NULL when out of range. */
const char *wn_pagetype_feature_name(int f);

#endif
