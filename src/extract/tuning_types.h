/*
 * tuning_types.h: the page-type-specific groups of WN_TUNE (src/extract/tuning.h),
 * one struct and its values per group, kept together: the main region or the
 * article, lists, forum threads, products, service and documentation pages. tuning.h embeds
 * each as a member (WN_TUNE.list.item_run, ...), so code reads them as any
 * other field; the rules for what is a tunable are in tuning.h's opening comment.
 * Included only by tuning.h.
 */
#ifndef WN_EXTRACT_TUNING_TYPES_H
#define WN_EXTRACT_TUNING_TYPES_H

/* MARK: per-type rules: main region or article (content/content.c) */
struct wn_tune_region {
    /* The article path's article is taken when it keeps at least this share
     * of the main region's text outside links; less found one card, one
     * section or one post of many. */
    float article;                  /* articles: a fifth, so a long story on a busy page keeps the article path */
    float other;                    /* forum threads: half */
    float product;                  /* products: four fifths, their parts sit in blocks of their own
                                       (wcxb-dev product at 0.5..0.9: 0.619 0.619 0.619 0.630 0.626) */
    float parts;                    /* lists, services, docs: a ratio no article reaches (always the region) */
    float thread;                   /* a thread found by the article path is trusted as an article is */
};
#define WN_TUNE_REGION { \
    .article = 0.2f,     \
    .other = 0.5f,       \
    .product = 0.8f,     \
    .parts = 1000.0f,    \
    .thread = 0.2f,      \
}

/* MARK: per-type rules: collection and listing pages (content/type_list.c) */
struct wn_tune_list {
    uint32_t main_share_num, main_share_den; /* a <main> holding this share of the body is the region */
    uint32_t min_chars;             /* a region shorter than this is no list: the article path runs */
    uint32_t chrome_links;          /* a header or footer with this many links is a menu, not a card's head */
    uint32_t item_chrome_links;     /* ...inside an item of the list: this many (title, author, comments: 3) */
    uint32_t boiler_share_den;      /* boilerplate-named blocks under 1/this of the region go */
    uint32_t wrapper_share_den;     /* a block named like chrome holding over 1/this of the region wraps it */
    uint32_t reader_label_max_chars; /* a card's screen-reader-only label ("Sale price") is at most this long */
    uint32_t label_max_chars;       /* a card's button or badge ("Add to cart", a ui_label phrase) is at most this
                                       many non-space characters: a longer element is not compared */
    uint32_t unlikely_share_den;    /* page-furniture-named blocks under 1/this of the region go */
    uint32_t form_share_div;        /* a form under 1/this of the region is a filter or sort form */
    uint32_t chrome_prose_min_chars; /* a block named like a control stays when it reads as prose: this long... */
    wn_tune_ld chrome_prose;        /* ...less link text than this, no inputs */
    uint32_t item_run;              /* this many alike siblings in a row are items of the list... */
    size_t repeat_min_chars;        /* a block repeated word for word (a card's badge, its title twice) goes after
                                       its first copy when this long (wcxb-dev forced collection/listing
                                       5: 0.665/0.739, 10: 0.668/0.736, 20: 0.662/0.730, 40: 0.661/0.728) */
    uint32_t beside_min_chars;      /* prose this long beside the <main> of a list (a category's guide) joins it */
    uint32_t item_share_den;        /* ...each holding at most 1/this of the region (else layout columns; wcxb-dev forced collection 8: 0.640, 4: 0.644) */
    uint32_t teaser_link_chars;     /* a link this long wraps a teaser (title and summary), not a menu label;
                                       its text counts for the region when the article path found no article
                                       (wcxb-dev unforced: 80, 100 and 150 alike) */
};
#define WN_TUNE_LIST {                        \
    .main_share_num = 1, .main_share_den = 4, \
    .min_chars = 200,                         \
    .chrome_links = 3,                        \
    .item_chrome_links = 6,                   \
    .boiler_share_den = 2,                    \
    .wrapper_share_den = 3,                   \
    .reader_label_max_chars = 40,             \
    .label_max_chars = 40,                    \
    .unlikely_share_den = 3,                  \
    .form_share_div = 2,                      \
    .chrome_prose_min_chars = 200,            \
    .chrome_prose = { 0.2f, 0 },              \
    .item_run = 3,                            \
    .item_share_den = 4,                      \
    .beside_min_chars = 200,                  \
    .repeat_min_chars = 10,                   \
    .teaser_link_chars = 100,                 \
}

/* MARK: per-type rules: forum threads (content/type_forum.c) */
struct wn_tune_forum {
    uint32_t post_min_chars;        /* a post holds at least this much text */
    uint32_t thread_min_posts;      /* a thread is a run of at least this many posts with their own marker */
    int first_post_levels;          /* the first post is looked for this many levels above the replies... */
    uint32_t first_post_min_chars;  /* ...and holds at least this much text */
    uint32_t finer_share_num, finer_share_den; /* a finer run with this share of the text is the thread */
    wn_tune_ld run_links;           /* a run more link-heavy than this is teasers or a menu, not posts */
    float run_over_chosen;          /* a thread leaving out the first choice holds this many times its text */
    uint32_t line_max_chars;        /* an author or date line is at most this long */
    uint32_t form_max_inputs;       /* a form holding one post's text has at most this many controls... */
    wn_tune_ld form_links;          /* ...and less link text than this */
    uint32_t comments_share_div;    /* comments inside a post holding at most 1/this of it go */
    uint32_t quote_min_shingles;    /* a block of this many word runs... */
    float quote_min_seen;           /* ...this share seen earlier in the thread is a quote */
    uint32_t quote_max_new;         /* ...with at most this many new runs (more: a reply beside its quote) */
    float body_share;               /* a post's body holds over this share of the block above it... */
    float body_votes;               /* ...and is the same kind of block in over this share of the posts */
    uint32_t name_max_chars;        /* a post's author name is at most this long */
    uint32_t number_max_chars;      /* a post's number ("#12") is at most this long */
    uint32_t panel_max_chars;       /* an author panel (name, rank, post count, join date) is at most this long... */
    uint32_t field_max_chars;       /* ...and none of its lines is longer than this (else: a signed remark) */
};
#define WN_TUNE_FORUM {                         \
    .post_min_chars = 20,                       \
    .thread_min_posts = 2,                      \
    .first_post_levels = 3,                     \
    .first_post_min_chars = 100,                \
    .finer_share_num = 2, .finer_share_den = 5, \
    .run_links = { 0.4f, 0 },                   \
    .run_over_chosen = 1.5f,                    \
    .line_max_chars = 100,                      \
    .form_max_inputs = 3,                       \
    .form_links = { 0.5f, 0 },                  \
    .comments_share_div = 2,                    \
    .quote_min_shingles = 4,                    \
    .quote_min_seen = 0.8f,                     \
    .quote_max_new = 6,                         \
    .body_share = 0.5f,                         \
    .body_votes = 0.5f,                         \
    .name_max_chars = 40,                       \
    .number_max_chars = 8,                      \
    .panel_max_chars = 250,                     \
    .field_max_chars = 60,                      \
}

/* MARK: per-type rules: product pages (content/type_product.c) */
struct wn_tune_product {
    size_t desc_min_chars;          /* a JSON-LD description shorter than this is a tagline */
    float desc_min_cover;           /* the article holds the description when this share of its words occurs */
    size_t repeat_min_chars;        /* a block repeated word for word goes after its first copy when this long */
    float slider_max_share;         /* a carousel holding more of the article's text than this share is the
                                       product's own (its gallery, its facts), not a rail of other products */
    size_t panel_label_max_chars;   /* the label above a hidden panel is at most this long ("Care & materials") */
};
#define WN_TUNE_PRODUCT {         \
    .desc_min_chars = 40,         \
    .desc_min_cover = 0.5f,       \
    .repeat_min_chars = 20,       \
    .slider_max_share = 0.8f,     \
    .panel_label_max_chars = 60,  \
}

/* MARK: per-type rules: service pages (content/type_list.c, the main region) */
struct wn_tune_service {
    wn_tune_ld named_prose;         /* a block named like page furniture (header, banner) that reads as prose
                                       with less link text than this is a hero or a section's head: it stays
                                       (wcxb-dev service forced 0.845 -> 0.854 at 0.2; 0.853 at any link-poor one) */
    uint32_t rail_share_den;        /* a block named like a rail of other pages (service_rail: latest posts,
                                       insights) under 1/DEN of the region goes; a bigger one is the page
                                       (wcxb-dev service forced 0.860 -> 0.863) */
    size_t repeat_min_chars;        /* a block repeated word for word (a layout's second copy, a carousel's clone)
                                       goes after its first copy when this long: a sentence, not a plan's feature
                                       line (wcxb-dev service forced 0.854 -> 0.860 at 10-40, 0.858 at 80) */
};
#define WN_TUNE_SERVICE {          \
    .named_prose = { 0.2f, 0 },    \
    .rail_share_den = 2,           \
    .repeat_min_chars = 30,        \
}

/* MARK: per-type rules: documentation pages (content/type_list.c, the main region) */
struct wn_tune_docs {
    wn_tune_ld named_head;          /* a block named by layout alone ("header", no negative name) that reads
                                       as prose with less link text than this is the page's head and its
                                       introduction (title, prev/next, lede): it stays, its parts judged alone */
    size_t anchor_min_words;        /* a section id spelling its heading of this many words names the heading */
    size_t heading_anchor_min_words; /* a heading whose id spells its words (this many at least) is an anchor
                                       target on any page: its class and id names are not judged */
    uint32_t note_max_chars;        /* a block opening with a page note (page_note) is one up to this long */
};
#define WN_TUNE_DOCS {          \
    .named_head = { 0.3f, 0 },  \
    .anchor_min_words = 2,      \
    .heading_anchor_min_words = 2, \
    .note_max_chars = 400,      \
}

#endif
