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
 * the type-specific content rules (their groups live in tuning_types.h, one
 * struct and its values each: this file stays readable as it grows).
 */
#ifndef WN_EXTRACT_TUNING_H
#define WN_EXTRACT_TUNING_H

#include <stddef.h>
#include <stdint.h>

/* A link-density limit and whether the precision/recall preference moves it
 * (+1: with the preference's shift; 0: fixed). */
typedef struct wn_tune_ld {
    float limit;
    int8_t favor;
} wn_tune_ld;

/* The page-type groups (region, list, forum, product, service): their structs
 * and values, embedded below. */
#include "tuning_types.h"

static const struct wn_tuning {
    /* MARK: metadata: priorities (meta/). A field keeps the value offered at
     * the highest priority; each source offers at its own. The <meta> names'
     * are the next group (.meta_name); docs/internals/METADATA.md orders all
     * of them. "_art": the same
     * source inside the article (<article>, articleBody), trusted a little more. */
    struct {
        int metadata_min;               /* from here up a source is declared metadata; below it is markup (a byline) */
        int noise_penalty;              /* names and dates inside a sidebar, related or comment box count this less */
        int date_penalty_num, date_penalty_den; /* dates there lose only this share of it: a sidebar's date beats none */
        int html_lang;                  /* <html lang>: the page's own declaration */
        int title_tag;                  /* <title>: below any other title source */
        int title_tag_date;             /* a date opening the <title> ("08.11.2021 | Event"): a last resort */
        int canonical;                  /* <link rel=canonical> */
        int license_link;               /* <link rel=license> */
        int image_link;                 /* <link itemprop=image|thumbnailurl> */
        int license_itemprop;           /* <link itemprop=license> */
        int twitter_data_author;        /* twitter:dataN after a "Written by" twitter:labelN */
        int headline;                   /* itemprop=headline */
        int author_itemprop, author_itemprop_art; /* itemprop=author|creator */
        int date_itemprop;              /* itemprop=datePublished|dateCreated, a machine value */
        int date_itemprop_text;         /* ...read from its text */
        int datemod_itemprop;           /* itemprop=dateModified */
        int time_pub;                   /* <time pubdate>, or classed publish / entry-date / post-date */
        int time, time_art;             /* any other <time> */
        int time_modified;              /* a <time> classed update / modified */
        int time_text_less;             /* a <time> without datetime, read from its text: this much less */
        int abbr_date;                  /* <abbr class=published|date title=...> */
        int license_rel;                /* <a rel=license> */
        int rel_tag;                    /* <a rel=tag|category>: categories and tags */
        int byline, byline_art;         /* the text of an element marked author / byline */
        int byline_alt, byline_alt_art; /* an author link holding only a portrait: its alt text */
        int byline_box, byline_box_art; /* the name element of a long author box */
        int marked_date, marked_date_art; /* a date-marked element's text: a page date when nothing better */
        int marked_date_below;          /* marked elements and text offer a page date only while it is under this */
        int text_byline, text_byline_art; /* "By Jane Doe" in running text */
        int text_byline_wanted;         /* text is read for a byline only while author or byline is under this */
        int date_byline, date_byline_art; /* "04.02.2022 | Uta Helkenberg": a date, then a name */
        int text_date_pub, text_date_pub_art; /* a short text with a publication word and a date */
        int text_date_short, text_date_short_art; /* a short text that is mostly a date */
        int text_date_lead, text_date_lead_art; /* a text opening with its date */
        int ld_article, ld_page, ld_other; /* JSON-LD from an Article outranks <meta>; from a WebPage it fills gaps */
        int ld_title_article, ld_title_page; /* JSON-LD headline / name */
        int ld_author_article, ld_author_page; /* JSON-LD authors */
        int ld_date_max;                /* just below article:published_time (the visible date 5 times of 6 they disagreed) */
        int ld_desc_less;               /* JSON-LD description and image: this much below its rank */
        int ld_lang, ld_url, ld_sitename; /* JSON-LD inLanguage, url, the WebSite's name */
        int ld_publisher, ld_publisher_article; /* JSON-LD publisher as the site name */
        int ld_sections;                /* JSON-LD articleSection / keywords: just below article:section / tag */
        int url_date;                   /* a date in the address: above markup guesses, below declared dates */
        int script_date;                /* a date in a framework's JSON state, when nothing else has one */
        int site_from_title;            /* the site name from the <title>'s side: a last resort */
        int declared_date_min;          /* a date at this or more was declared (metadata, JSON-LD, address), not read from markup */
        int tags_split_max;             /* a tag list offered at or below this is split at commas (keywords) */
    } prio;

    /* MARK: metadata: the <meta> names' priorities (meta/sources.c: the
     * meta_keys[] rows point at these; one field per source, several names
     * of one vocabulary may share one). Within a field, structured article
     * fields that publishers keep accurate (Open Graph article:*, Parse.ly)
     * rank above generic ones (Dublin Core, bare names); from metadata_min up
     * a value counts as declared. */
    struct {
        int title_og;                   /* og:title: the title the page gives link previews, kept exact by publishers */
        int title_headline;             /* itemprop=headline in a <meta>: the story's own headline, declared */
        int title_parsely;              /* parsely-title: an analytics title, accurate and free of the site's name */
        int title_citation;             /* citation_title: a scholarly page's title for indexers */
        int title_twitter;              /* twitter:title: often a shortened or promotional copy of the title */
        int title_dc;                   /* dc.title / dcterms.title: Dublin Core, older templates */
        int title_sailthru;             /* sailthru.title: written for newsletters */
        int title_meta;                 /* <meta name=title>: a template's generic field, above <title> only */
        int author_parsely;             /* parsely-author: an analytics field, kept to the byline's names */
        int author_meta;                /* <meta name=author>: the page's own author field */
        int author_sailthru;            /* sailthru.author: a newsletter field, the byline's names */
        int author_og_name;             /* article:author_name: a name (article:author may be an address) */
        int author_og;                  /* article:author: a name or a profile address (an address is refused) */
        int author_citation;            /* citation_author: a scholarly page's authors, one per tag */
        int author_dc;                  /* dc.creator / dcterms.creator: Dublin Core, at times an organisation */
        int author_other;               /* byl, book:author, dc.creator.aut: rarer fields, at the metadata floor */
        int date_og_time;               /* article:published_time: machine-written by the CMS, the most often right */
        int date_published;             /* article:published, og:published_time, datepublished: less standard */
        int date_parsely;               /* parsely-pub-date: an analytics field, machine-written */
        int date_original;              /* original-publish-date: a republished story's first date */
        int date_publish_named;         /* a key that says publication (pubdate, publish_date, sailthru.date, ...) */
        int date_issued;                /* citation_date, dc(terms) issued, cxense publishtime: an issue date */
        int date_dc_created;            /* dcterms.created / dc.date.created: creation, which may precede publication */
        int date_created;               /* datecreated (itemprop in a <meta>): creation */
        int date_created_dotted;        /* date.created: a template's creation field */
        int date_release;               /* releasedate: a work's or a product's release */
        /* date, dc.date, dcterms.date: often the generation or modification date
         * (right 13 of 20 on the trafilatura set, a <time> in the article 17 of
         * 17), so just below time_art */
        int date_bare;
        int date_created_bare;          /* created: a template's creation field */
        int datemod_declared;           /* article:modified_time, datemodified: machine-written by the CMS */
        int datemod_og_updated;         /* og:updated_time: the last update, for link previews */
        int datemod_dc;                 /* dcterms.modified: older templates */
        int datemod_bare;               /* last-modified, lastmod: a modification date of unknown source */
        int site_og;                    /* og:site_name: the site's name as it presents itself */
        int site_dc_publisher;          /* dc.publisher / dcterms.publisher: may be a company above the site */
        int site_publisher;             /* <meta name=publisher>: the same, less standard */
        int site_app_name;              /* application-name: a pinned site's name, often a short form */
        int site_apple_title;           /* apple-mobile-web-app-title: a home-screen label, often abbreviated */
        int site_app_store;             /* twitter:app:name:iphone: the app's store name: a last resort */
        int desc_og;                    /* og:description: the summary written for link previews */
        int desc_meta;                  /* <meta name=description>: written for search results, sometimes the site's */
        int desc_twitter;               /* twitter:description: often a shortened copy */
        int desc_dc;                    /* dc.description / dcterms.description: older templates */
        int desc_abstract;              /* dcterms.abstract: a scholarly abstract, long */
        int lang_http_equiv;            /* http-equiv content-language: the server's declaration */
        int lang_named;                 /* language, dc(terms).language, inlanguage: a template's field */
        int lang_og_locale;             /* og:locale: the locale of link previews, below a declared language */
        int url_og;                     /* og:url: the address for link previews, usually the canonical one */
        int url_twitter;                /* twitter:url: less often kept up to date */
        int image_og;                   /* og:image: the picture chosen for link previews */
        int image_og_url;               /* og:image:url / og:image:secure_url: the same picture, second form */
        int image_twitter;              /* twitter:image(:src): often a cropped copy */
        int image_itemprop;             /* itemprop=image in a <meta> */
        int image_thumbnail;            /* thumbnailurl: a small copy */
        int license_dc;                 /* dcterms.license: a licence address, as declared */
        int license_meta;               /* <meta name=license> */
        int license_rights;             /* dc.rights / dcterms.rights: a rights statement, often free text */
        int cat_og_section;             /* article:section: the story's section, as the CMS files it */
        int cat_articlesection;         /* articlesection (itemprop in a <meta>) */
        int cat_parsely;                /* parsely-section: an analytics section */
        int cat_meta;                   /* <meta name=category>: a template's field */
        int tag_og;                     /* article:tag: one tag per element, as the CMS files them */
        int tag_parsely;                /* parsely-tags: analytics tags, comma-separated */
        int tag_news_keywords;          /* news_keywords: keywords for news search, comma-separated */
        int tag_keywords;               /* keywords: search keywords, the least specific tag list */
        int tag_dc_subject;             /* dc.subject: older templates */
    } meta_name;

    /* MARK: metadata: thresholds (meta/) */
    struct {
        int heading_h1, heading_other;  /* a title heading's score: an <h1>, a titled h2/h3... */
        int heading_in_article;         /* ...inside the article */
        int heading_titled;             /* ...classed title / headline */
        int heading_linked;             /* ...linking to the page itself */
        int heading_trust;              /* a heading scoring this beats metadata titles that disagree */
        size_t sole_h1_words;           /* the page's only <h1>, a phrase of this many words, beats them too */
        size_t title_exact_below;       /* titles shorter than this (folded bytes) agree only when equal */
        size_t heading_in_title_num, heading_in_title_den; /* a heading inside the title is the title when this share of it */
        size_t title_in_heading_den;    /* the title inside a heading of at most this many times its length */
        size_t words_agree_num, words_agree_den; /* titles sharing this share of their words agree */
        size_t site_label_min;          /* a host label this long found in an author names the site */
        size_t site_name_min;           /* an author this long found in the host label names the site */
        size_t byline_full_min, byline_full_max; /* a byline of this many words spells out a one-word author */
        size_t author_words;            /* an author from markup or metadata has at most this many words */
        size_t byline_words;            /* an element marked author: at most this many words */
        size_t alt_words;               /* a portrait's alt text: at most this many */
        size_t block_words;             /* a block after an "Autor" heading: at most this many */
        size_t next_words;              /* a name in the node after a lone lead-in: at most this many */
        size_t text_words;              /* a name after a lead-in in the same text: at most this many */
        size_t date_lead_words;         /* "date by Name": at most this many */
        int next_levels;                /* a lone lead-in's name is looked for after this many of its ancestors */
        size_t glued_lead_bytes;        /* a lead-in longer than this ends at a capital glued to it ("vonChris") */
        size_t date_byline_words;       /* "date | Name": the name has 2 to this many capitalised words */
        size_t name_list_words;         /* a list of names: each at most this many words */
        size_t author_box_chars;        /* a marked element this long is an author box, not a byline */
        size_t author_box_spaces;       /* an author box with more spaces than this: look for its name element */
        size_t marked_date_chars;       /* a date-marked element's text is a date line when shorter */
        size_t logo_alt_max;            /* bytes: an alt text naming a logo is a label, not prose */
        size_t near_h1_elements;          /* this many elements after the first <h1> still count as its header */
        int figure_levels;              /* an author element this near inside a figure is a credit */
        int logo_levels;                /* an image this near inside a home link is the site's logo */
        uint32_t noise_box_div;         /* a noise box holding over 1/this of the page is a layout wrapper */
        size_t text_date_min;           /* text shorter than this holds no date */
        size_t text_long;               /* longer text is a paragraph: it counts only when it opens with its date */
        size_t text_lead_bytes;         /* ...a digit within this many bytes */
        size_t text_short_date;         /* a text shown this short is mostly its date */
        size_t date_byline_chars;       /* "date by Name" lines are shorter than this */
        size_t text_byline_max;         /* text longer than this is read for a date only, not a byline */
        size_t lead_word_max;           /* a lead-in this short ("by") needs a capital after it */
        size_t author_max_words;        /* a list of names may reach this many words */
        size_t role_words;              /* a byline part of more words than this is a role or prose, not a name */
        size_t site_side_words;         /* title "Story - Site": the site side has at most this many words... */
        size_t site_side_slack;         /* ...and is at most half the other side plus this many bytes */
        size_t site_pipe_words;         /* after " | " the site side may have this many words... */
        size_t site_pipe_ratio;         /* ...and up to this many times the other side's length */
        size_t site_first_words;        /* "Site: Story": the site side first has at most this many words... */
        size_t site_first_ratio;        /* ...and a story side at least this many times as long */
    } meta;

    /* MARK: page types: measuring the signals (pagetype/pagetype.c); the
     * rules that weigh them are rows of pagetype/pagetype_rules.h */
    struct {
        uint32_t run_min_items;         /* alike siblings below this count are not a list of items */
        uint32_t card_min_own_chars;    /* an item's own (non-link) text that makes it more than a menu entry */
        uint32_t post_min_chars;        /* a post carries its own text: a "post" name on a bare wrapper is not enough */
        uint32_t long_p_chars;          /* a paragraph this long is prose, not a caption or a blurb */
        uint32_t marker_max_bytes;      /* prices and dates stand alone in their element: longer texts are prose */
        int slug_min_words;             /* a dated or news/blog path ending in a slug of this many words is a story */
        /* Deciding (decide): both are read by tools/train_pagetype.py too, so
         * its cross-validation measures what ships. */
        /* added to the model's article score: a crawl is mostly articles, and an
         * article sent down another type's path loses more than the reverse.
         * For the boosted trees (tools/train_pagetype.py), sweep of the
         * grouped cross-validation's held-out types, end to end on wcxb-dev
         * (all) and readability / trafilatura (body / snippet F1) with the
         * trees trained on all of wcxb-dev: 1.0: 0.866, 0.971/0.931;
         * 1.25: 0.865, 0.974/0.932; 1.5: 0.865, 0.976/0.933; 1.75: 0.865,
         * 0.975/0.934; 2.0: 0.863, 0.976/0.933: 1.5 keeps both floors and
         * the most wcxb-dev listing and service pages */
        float article_margin;
        /* what a forum thread must beat article by instead (less): a thread
         * read on the article path loses its replies (13 wcxb-dev threads,
         * 0.3-0.8 F1 each), while an article read on the forum path keeps its
         * text; sweep on wcxb-dev 1.75/1.0/0.75/0.5/0.25/0: forum 0.815/0.817/
         * 0.822/0.829/0.829/0.835, listing 0.698 -> 0.694 from 0.75 down,
         * articles, readability and trafilatura unchanged at every value; 0.5
         * keeps part of the crawl's article prior */
        float forum_margin;
        /* what a listing must beat article by beyond article_margin: an article
         * with a long rail of teaser cards read on the listing path keeps the
         * rail and loses to it (one readability page: 0.995 -> 0.326), a
         * listing read as an article keeps most of its items. Sweep at
         * article_margin 1.5 (held-out types end to end: wcxb-dev all,
         * listing; readability body, trafilatura snippets): 0: 0.867, 0.700,
         * 0.975, 0.933; 0.5: 0.866, 0.683, 0.975, 0.933; 0.75: 0.866, 0.682,
         * 0.979, 0.933; article_margin 2.0 alone: 0.865, 0.687, 0.976, 0.933 */
        float listing_margin;
        /* under this many thousand characters of visible text a page with no
         * declared schema.org type is an article without asking the model: a
         * stub's few signals say nothing */
        float tiny_page_text_k;
    } pagetype;

    /* MARK: content: the walk (content/walk.c) */
    struct {
        uint32_t byline_max_chars;      /* a byline is shorter than this: longer named blocks are text */
        float headline_similarity;      /* an h1/h2 sharing more of its words with the title is the headline */
        int table_levels;               /* unlikely names inside a table/code this near are the table's styling */
        int header_levels;              /* a <header> this near an article wrapper is the article's own head */
        size_t named_head_prose_chars;  /* a block named like a section's opening (section_head_class) with this
                                           much text outside links is kept: a heading and its text (wcxb-dev
                                           service 0.847 -> 0.849, trafilatura +5 snippets; 0.847 at 400) */
        size_t reveal_min_chars;        /* a hidden block this long may be the content a script reveals... */
        size_t reveal_over_shown;       /* ...when it holds this many times the text the page shows */
        size_t anchor_mark_max_signs;   /* a link to "#..." showing at most this many signs and no letter is a
                                           heading's anchor mark ("Install¶": 9 doc titles on wcxb-dev) */
        int anchor_mark_levels;         /* ...when a heading is at most this many levels above it */
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
        wn_tune_ld data_table;          /* a table with header cells or a caption and less link text than this
                                           holds data: not judged as a layout block (readability 0.976 -> 0.976,
                                           one readability page +0.010; by size too, a layout table of a whole page was kept) */
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
        uint32_t stripped_over_found;   /* ...or when one block left out for a layout name (header, menu) holds
                                           this many times its text outside links (at 2 readability lost 0.007) */
        uint32_t gut_keep_num, gut_keep_den; /* extra cleaning keeping under num/den of the text is undone */
        uint32_t comments_share_div;    /* a comment block holding over 1/this of the article is content */
        uint32_t comments_rest_chars;   /* ...on any page, one that would leave the article less than this */
        uint32_t footer_share_div;      /* a best block in a page footer holding 1/this of the page: a shell, no article */
        uint32_t form_min_chars;        /* a form is kept for its text with at least this much... */
        uint32_t form_chars_per_input;  /* ...and this many characters per input control */
        float precision_shift;          /* --precision moves the marked link-density limits by this (stricter) */
        float recall_shift;             /* --recall moves them by this (looser) */
    } attempt;

    /* MARK: per-type rules (tuning_types.h): main region or article, lists,
     * forum threads, products, service pages */
    struct wn_tune_region region;
    struct wn_tune_list list;
    struct wn_tune_forum forum;
    struct wn_tune_product product;
    struct wn_tune_service service;
    struct wn_tune_docs docs;
} WN_TUNE = {
    .prio = {
        .metadata_min = 75,
        .noise_penalty = 30,
        .date_penalty_num = 2, .date_penalty_den = 3,
        .html_lang = 90,
        .title_tag = 1,
        .title_tag_date = 20,
        .canonical = 90,
        .license_link = 80,
        .image_link = 65,
        .license_itemprop = 75,
        .twitter_data_author = 76,
        .headline = 80,
        .author_itemprop = 72, .author_itemprop_art = 74,
        .date_itemprop = 84,
        .date_itemprop_text = 82,
        .datemod_itemprop = 80,
        .time_pub = 70,
        .time = 58, .time_art = 62,
        .time_modified = 60,
        .time_text_less = 2,
        .abbr_date = 66,
        .license_rel = 78,
        .rel_tag = 40,
        .byline = 54, .byline_art = 58,
        .byline_alt = 52, .byline_alt_art = 56,
        .byline_box = 53, .byline_box_art = 57,
        .marked_date = 48, .marked_date_art = 52,
        .marked_date_below = 56,
        .text_byline = 40, .text_byline_art = 44,
        .text_byline_wanted = 45,
        .date_byline = 38, .date_byline_art = 42,
        .text_date_pub = 50, .text_date_pub_art = 56,
        .text_date_short = 26, .text_date_short_art = 30,
        .text_date_lead = 24, .text_date_lead_art = 28,
        .ld_article = 92, .ld_page = 76, .ld_other = 50,
        .ld_title_article = 90, .ld_title_page = 62,
        .ld_author_article = 90, .ld_author_page = 60,
        .ld_date_max = 85,
        .ld_desc_less = 10,
        .ld_lang = 65, .ld_url = 70, .ld_sitename = 80,
        .ld_publisher = 40, .ld_publisher_article = 70,
        .ld_sections = 79,
        .url_date = 64,
        .script_date = 10,
        .site_from_title = 10,
        .declared_date_min = 60,
        .tags_split_max = 70,
    },
    .meta_name = {
        .title_og = 85, .title_headline = 82, .title_parsely = 80, .title_citation = 78,
        .title_twitter = 70, .title_dc = 66, .title_sailthru = 65, .title_meta = 60,
        .author_parsely = 82, .author_meta = 80, .author_sailthru = 80, .author_og_name = 79,
        .author_og = 78, .author_citation = 77, .author_dc = 76, .author_other = 75,
        .date_og_time = 86, .date_published = 85, .date_parsely = 84, .date_original = 82,
        .date_publish_named = 80, .date_issued = 78, .date_dc_created = 74, .date_created = 72,
        .date_created_dotted = 70, .date_release = 66, .date_bare = 61, .date_created_bare = 60,
        .datemod_declared = 85, .datemod_og_updated = 80, .datemod_dc = 75, .datemod_bare = 60,
        .site_og = 90, .site_dc_publisher = 55, .site_publisher = 52, .site_app_name = 50,
        .site_apple_title = 45, .site_app_store = 20,
        .desc_og = 85, .desc_meta = 80, .desc_twitter = 70, .desc_dc = 65, .desc_abstract = 60,
        .lang_http_equiv = 80, .lang_named = 70, .lang_og_locale = 60,
        .url_og = 80, .url_twitter = 60,
        .image_og = 90, .image_og_url = 89, .image_twitter = 80, .image_itemprop = 70,
        .image_thumbnail = 60,
        .license_dc = 70, .license_meta = 65, .license_rights = 55,
        .cat_og_section = 80, .cat_articlesection = 78, .cat_parsely = 75, .cat_meta = 60,
        .tag_og = 80, .tag_parsely = 75, .tag_news_keywords = 70, .tag_keywords = 60,
        .tag_dc_subject = 55,
    },
    .meta = {
        .heading_h1 = 3, .heading_other = 1,
        .heading_in_article = 2,
        .heading_titled = 1,
        .heading_linked = 5,
        .heading_trust = 6,
        .sole_h1_words = 4,
        .title_exact_below = 4,
        .heading_in_title_num = 3, .heading_in_title_den = 10,
        .title_in_heading_den = 2,
        .words_agree_num = 6, .words_agree_den = 10,
        .site_label_min = 3,
        .site_name_min = 4,
        .byline_full_min = 2, .byline_full_max = 4,
        .author_words = 12,
        .byline_words = 6,
        .alt_words = 4,
        .block_words = 4,
        .next_words = 5,
        .text_words = 5,
        .date_lead_words = 4,
        .next_levels = 3,
        .glued_lead_bytes = 3,
        .date_byline_words = 3,
        .name_list_words = 4,
        .author_box_chars = 300,
        .author_box_spaces = 5,
        .marked_date_chars = 200,
        .logo_alt_max = 60,
        .near_h1_elements = 25,
        .figure_levels = 8,
        .logo_levels = 4,
        .noise_box_div = 2,
        .text_date_min = 6,
        .text_long = 160,
        .text_lead_bytes = 48,
        .text_short_date = 60,
        .date_byline_chars = 80,
        .text_byline_max = 120,
        .lead_word_max = 5,
        .author_max_words = 12,
        .role_words = 3,
        .site_side_words = 4,
        .site_side_slack = 4,
        .site_pipe_words = 8,
        .site_pipe_ratio = 2,
        .site_first_words = 3,
        .site_first_ratio = 3,
    },
    .pagetype = {
        .run_min_items = 3,
        .card_min_own_chars = 30,
        .post_min_chars = 80,
        .long_p_chars = 150,
        .marker_max_bytes = 48,
        .slug_min_words = 3,
        .article_margin = 1.5f,
        .forum_margin = 0.5f,
        .listing_margin = 0.75f,
        .tiny_page_text_k = 0.05f,
    },
    .walk = {
        .byline_max_chars = 100,
        .headline_similarity = 0.75f,
        .table_levels = 3,
        .header_levels = 2,
        .named_head_prose_chars = 100,
        .reveal_min_chars = 500,
        .reveal_over_shown = 2,
        .anchor_mark_max_signs = 2,
        .anchor_mark_levels = 2,
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
        .data_table = { 0.5f, 0 },
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
        .stripped_over_found = 4,
        .gut_keep_num = 2, .gut_keep_den = 5,
        .comments_share_div = 2,
        .comments_rest_chars = 50,
        .footer_share_div = 2,
        .form_min_chars = 200,
        .form_chars_per_input = 100,
        .precision_shift = -0.05f,
        .recall_shift = 0.15f,
    },
    .region = WN_TUNE_REGION,
    .list = WN_TUNE_LIST,
    .forum = WN_TUNE_FORUM,
    .product = WN_TUNE_PRODUCT,
    .service = WN_TUNE_SERVICE,
    .docs = WN_TUNE_DOCS,
};

#endif
