/*
 * tuning.h: every number the extractor decides with, in one place. Each
 * threshold, weight, limit and priority is a named field of WN_TUNE with a
 * one-line reason; code reads WN_TUNE.<stage>.<name>, never the number. The
 * fields are compile-time constants (a static const object the compiler folds
 * into the code), so reading a field costs what the literal cost.
 *
 * What is a tunable (here): a number that changes which text, which block or
 * which metadata value is chosen and that someone could sensibly move to make
 * the extractor better: a length in characters, a share or ratio, a count of
 * items or levels a rule looks at, a score weight, a link-density limit, a
 * metadata source's priority.
 *
 * What stays in the code (not tunable): 0 and 1 as "none", "any" and "one";
 * the sizes of arrays and buffers (sizeof and the fixed capacities of stack
 * arrays); byte and character values ('\n', 0x80, UTF-8 lead bytes); facts of
 * a format (12 months, 4 digits of a year, the length of a literal word);
 * 10 and 100 where they convert units (link10 is link text times ten, 100 for
 * a percent); and the work bounds that protect against hostile input, named
 * beside their code (JSONLD_MAX_DEPTH, SCAN_MAX, ...). tools/check-tuning.sh
 * (part of `make test`) lists numeric literals compared in src/extract/ that
 * are none of these.
 *
 * Link-density limits are wn_tune_ld pairs: the limit, and how the caller's
 * precision/recall preference (--precision, --recall; ld_shift in
 * content/content_internal.h) moves it: +1 when a higher limit keeps more
 * text (the limit rises with --recall and falls with --precision), 0 when the
 * preference leaves it alone. wn_ld_limit() applies it; docs/internals/EXTRACT.md
 * records which limits move and the measurement behind that choice.
 *
 * Groups follow the pipeline: content (walk, scoring, choice, pruning,
 * boilerplate, attempts), then the metadata priorities, the page types and
 * the type-specific content rules.
 */
#ifndef WN_EXTRACT_TUNING_H
#define WN_EXTRACT_TUNING_H

#include <stdint.h>

/* A link-density limit and whether the precision/recall preference moves it
 * (+1: with the preference's shift; 0: fixed). */
typedef struct wn_tune_ld {
    float limit;
    int8_t favor;
} wn_tune_ld;

static const struct wn_tuning {
    /* MARK: content: the walk (content/walk.c) */
    struct {
        uint32_t byline_max_chars;      /* a byline is shorter than this: longer named blocks are text */
        float headline_similarity;      /* an h1/h2 sharing more of its words with the title is the headline */
        int table_levels;               /* unlikely names inside a table/code this near are the table's styling */
        int header_levels;              /* a <header> this near an article wrapper is the article's own head */
    } walk;

    /* MARK: content: scoring paragraphs (content/score.c) */
    struct {
        float div, pre_td_quote;        /* containers that hold text get a head start */
        float list_form;                /* lists, forms and definition items start behind: rarely the article */
        float heading_th;               /* headings and table heads start further behind */
        float article_body;             /* schema.org articleBody names the text outright */
        float article_element;          /* a lone <article> is a strong hint (+0.002 snippet F1) */
        uint32_t para_min_chars;        /* a paragraph shorter than this scores nothing */
        uint32_t chars_per_point;       /* a paragraph earns a point per this many characters... */
        uint32_t length_points_max;     /* ...up to this many */
        int spread_levels;              /* a paragraph's points reach this many ancestors */
        float spread_third;             /* from the third ancestor on, points divide by level times this */
        wn_tune_ld collapse;            /* a div around one p with less link text scores as the p */
    } score;

    /* MARK: content: choosing the container (content/score.c) */
    struct {
        float near_best;                /* a candidate scoring this share of the best is near-best */
        int near_best_min;              /* this many near-best candidates under one ancestor make it the article */
        float climb_floor;              /* climbing stops at a parent under best / this (points flow up by halves) */
        int wrapper_levels;             /* at most this many empty wrappers are climbed to find joining prose */
        uint32_t wrapper_slack_div;     /* a wrapper may hold 1/this more text than the top block... */
        uint32_t wrapper_slack_chars;   /* ...plus this many characters, and still count as empty */
        uint32_t subheading_max_chars;  /* a heading above joined text is a subheading when shorter */
        float sibling_share;            /* a sibling joins when scoring this share of the top block... */
        float sibling_min_score;        /* ...and at least this */
        float same_class_bonus;         /* a sibling of the top block's class gets this share of its score */
        uint32_t para_join_chars;       /* a paragraph sibling longer than this joins when link-poor */
        wn_tune_ld para_join;           /*   (its link-density limit) */
        uint32_t prose_join_chars;      /* any sibling this long that reads as prose joins */
        wn_tune_ld prose_join;          /*   (its link-density limit) */
        int article_levels;             /* an article wrapper this near above the top block may hold its lead */
        float article_max_ratio;        /* ...when it holds at most this many times the top block's text */
        uint32_t article_para_chars;    /* a paragraph of the wrapper this long stays with it... */
        wn_tune_ld article_para;        /*   (...when its link density is under this) */
        int lead_levels;                /* a lead paragraph is looked for this many levels above the container */
        uint32_t lead_lookback;         /* ...among this many nodes before it */
        uint32_t lead_min_chars, lead_max_chars; /* a lead is a paragraph, not a label nor a story */
        wn_tune_ld lead;                /*   (its link-density limit) */
    } choice;

    /* MARK: content: pruning the container (content/prune.c) */
    struct {
        int class_name;                 /* a positive / negative class or id name adds / takes this */
        int near_levels;                /* a block this near a <code>/<figure> is code or a figure's part */
        int recipe_levels;              /* a block this near an ingredient list or steps is the recipe */
        uint32_t table_rows;            /* a table with this many rows holds data */
        uint32_t table_cols;            /* ...or more columns than this */
        uint32_t table_cells;           /* ...or more cells than this */
        uint32_t spared_chars;          /* this much link-poor text outweighs a negative name... */
        wn_tune_ld spared;              /*   (its link-density limit) */
        uint32_t prose_commas;          /* this many commas is prose, whatever else the block holds */
        float list_share;               /* a block whose text is more list than this is a list */
        uint32_t list_item_excess;      /* list items outnumbering paragraphs by more than this: a list */
        float para_per_image;           /* fewer paragraphs per image than this: a gallery */
        uint32_t inputs_per_para_div;   /* more inputs than paragraphs / this: a form */
        float short_heading_share;      /* a short block mostly heading stays */
        uint32_t short_chars;           /* blocks shorter than this are widgets... */
        uint32_t short_images_max;      /* ...unless they show one to this many pictures */
        wn_tune_ld links;               /* a block (not a list, not positively named) with more link text goes */
        wn_tune_ld links_named;         /* the same for a positively named block */
        uint32_t embed_min_chars;       /* a single embed with less text around it is the widget */
        uint32_t share_max_chars;       /* a share bar shorter than this goes */
    } prune;

    /* MARK: content: boilerplate inside the container (content/boilerplate.c) */
    struct {
        uint32_t date_line_chars;       /* a line shorter than this, mostly digits: a date or time stamp */
        uint32_t caption_credit_chars;  /* a caption's inline element shorter than this may be its credit */
        uint32_t name_min_bytes;        /* author names shorter than this are not looked for in captions */
        wn_tune_ld caption;             /* a figcaption with this much link text is no caption */
        wn_tune_ld prose_max;           /* more link text than this is never prose */
        uint32_t prose_long_chars;      /* this long and link-poor is prose */
        wn_tune_ld prose;               /*   (link-poor: under this) */
        uint32_t prose_min_words;       /* fewer words are not judged by their stop words */
        float prose_stop_share;         /* a sentence whose words are this share stop words is prose */
        uint32_t teaser_max_chars;      /* a teaser card is shorter than this */
        uint32_t teaser_link10;         /* ...with a linked heading of this much link text (x10) */
        uint32_t teaser_image_chars;    /* an image card is shorter than this... */
        wn_tune_ld teaser_image;        /* ...and mostly link */
        uint32_t teaser_run;            /* this many alike teasers in a row are a rail */
        float teaser_run_share;         /* a run holding this share of the article is the article */
        uint32_t run_heading_chars;     /* the heading above a rail goes with it when shorter */
        uint32_t teasers_keep_div;      /* teaser-named blocks holding over 1/this of the text are the page */
        uint32_t named_max_chars;       /* a block named like boilerplate goes when shorter */
        wn_tune_ld named_teaser;        /* a block named teaser goes when this link-heavy ("teaser" also names leads) */
        uint32_t named_meta_chars;      /* a block named meta or byline goes when shorter */
        uint32_t link_line_chars;       /* inside the text, a p/div shorter than this... */
        wn_tune_ld link_line;           /* ...and this link-heavy goes */
        uint32_t credit_chars;          /* a credit line is shorter than this */
        uint32_t caption_chars;         /* a caption with a credit in its text is shorter than this */
        uint32_t read_also_chars;       /* a "read also" line is shorter than this */
        uint32_t closing_lines;         /* closing notes are looked for in the last this many lines */
        uint32_t closing_chars;         /* a closing note is shorter than this */
        wn_tune_ld leading;             /* a line before the first prose goes when this link-heavy */
        uint32_t dateline_chars;        /* a dateline before the first prose is shorter than this */
        wn_tune_ld trailing_item;       /* an item of a closing list or table stays when link-poorer */
        wn_tune_ld trailing_para;       /* a paragraph beside the last prose stays when link-poorer */
        uint32_t trailing_chars;        /* any other line after the last prose goes when shorter... */
        wn_tune_ld trailing;            /* ...or more link-heavy than this */
    } boiler;

    /* MARK: content: attempts and the result (content/content.c) */
    struct {
        uint32_t min_article_chars;     /* shorter than this, an attempt missed the article: retry looser */
        uint32_t gut_keep_num, gut_keep_den; /* extra cleaning keeping under num/den of the text is undone */
        uint32_t comments_share_div;    /* a comment block holding over 1/this of the article is content */
        uint32_t form_min_chars;        /* a form is kept for its text with at least this much... */
        uint32_t form_chars_per_input;  /* ...and this many characters per input control */
        float precision_shift;          /* --precision moves the marked link-density limits by this (stricter) */
        float recall_shift;             /* --recall moves them by this (looser) */
    } attempt;
} WN_TUNE = {
    .walk = {
        .byline_max_chars = 100,
        .headline_similarity = 0.75f,
        .table_levels = 3,
        .header_levels = 2,
    },
    .score = {
        .div = 5, .pre_td_quote = 3, .list_form = -3, .heading_th = -5,
        .article_body = 75,
        .article_element = 25,
        .para_min_chars = 25,
        .chars_per_point = 100,
        .length_points_max = 3,
        .spread_levels = 5,
        .spread_third = 3.0f,
        .collapse = { 0.25f, 0 },
    },
    .choice = {
        .near_best = 0.75f,
        .near_best_min = 3,
        .climb_floor = 3.0f,
        .wrapper_levels = 3,
        .wrapper_slack_div = 10,
        .wrapper_slack_chars = 20,
        .subheading_max_chars = 200,
        .sibling_share = 0.2f,
        .sibling_min_score = 10.0f,
        .same_class_bonus = 0.2f,
        .para_join_chars = 80,
        .para_join = { 0.25f, 0 },
        .prose_join_chars = 150,
        .prose_join = { 0.2f, 0 },
        .article_levels = 3,
        .article_max_ratio = 1.6f,
        .article_para_chars = 80,
        .article_para = { 0.2f, 0 },
        .lead_levels = 4,
        .lead_lookback = 80,
        .lead_min_chars = 40, .lead_max_chars = 1500,
        .lead = { 0.3f, 0 },
    },
    .prune = {
        .class_name = 25,
        .near_levels = 3,
        .recipe_levels = 3,
        .table_rows = 10,
        .table_cols = 4,
        .table_cells = 10,
        .spared_chars = 500,
        .spared = { 0.2f, 0 },
        .prose_commas = 10,
        .list_share = 0.9f,
        .list_item_excess = 100,
        .para_per_image = 0.5f,
        .inputs_per_para_div = 3,
        .short_heading_share = 0.9f,
        .short_chars = 25,
        .short_images_max = 2,
        .links = { 0.2f, 1 },
        .links_named = { 0.5f, 1 },
        .embed_min_chars = 75,
        .share_max_chars = 500,
    },
    .boiler = {
        .date_line_chars = 40,
        .caption_credit_chars = 150,
        .name_min_bytes = 3,
        .caption = { 0.3f, 0 },
        .prose_max = { 0.5f, 0 },
        .prose_long_chars = 200,
        .prose = { 0.33f, 0 },
        .prose_min_words = 6,
        .prose_stop_share = 0.12f,
        .teaser_max_chars = 600,
        .teaser_link10 = 100,
        .teaser_image_chars = 300,
        .teaser_image = { 0.4f, 0 },
        .teaser_run = 3,
        .teaser_run_share = 0.4f,
        .run_heading_chars = 80,
        .teasers_keep_div = 2,
        .named_max_chars = 1000,
        .named_teaser = { 0.25f, 0 },
        .named_meta_chars = 400,
        .link_line_chars = 200,
        .link_line = { 0.5f, 1 },
        .credit_chars = 150,
        .caption_chars = 250,
        .read_also_chars = 200,
        .closing_lines = 4,
        .closing_chars = 300,
        .leading = { 0.5f, 0 },
        .dateline_chars = 120,
        .trailing_item = { 0.3f, 0 },
        .trailing_para = { 0.3f, 0 },
        .trailing_chars = 100,
        .trailing = { 0.5f, 0 },
    },
    .attempt = {
        .min_article_chars = 500,
        .gut_keep_num = 2, .gut_keep_den = 5,
        .comments_share_div = 2,
        .form_min_chars = 200,
        .form_chars_per_input = 100,
        .precision_shift = -0.05f,
        .recall_shift = 0.15f,
    },
};

#endif
