/*
 * content_internal.h: shared state of the main-content finder (content.c,
 * walk.c, score.c, prune.c, boilerplate.c). What it knows of a node lives in
 * side tables allocated in the page's arena, so one call costs a few linear
 * passes and no recursion. Half of a page's nodes are text (a third white
 * space between tags), and only elements are measured, scored and named, so
 * the tables come in three sizes (docs/internals/ARENA.md):
 *   - per node, indexed by node->id: walk order and position, flags, reason,
 *     and row, the node's row in one of the two tables below;
 *   - per element (and the document), indexed by the row: totals, score,
 *     names, depth; row 0 is a row of zeros that nothing writes, read for
 *     nodes that have none (comments, doctypes; text nodes here too);
 *   - per text node, indexed by its row: its own measures.
 * The accessors below (wn_st, wn_score_of, wn_vc, wn_depth for elements;
 * wn_text, wn_totals for any node) read them for a node.
 */
#ifndef WN_EXTRACT_CONTENT_INTERNAL_H
#define WN_EXTRACT_CONTENT_INTERNAL_H

#include <assert.h>
#include <stdint.h>

#include "core/buf.h"
#include "dom/dom.h"
#include "extract/meta/meta.h"
#include "extract/content/content.h"
#include "extract/signals/signals.h"
#include "extract/tuning.h"

/* Per-node flags (nf[]). */
#define CN_IGNORED    0x0001u  /* left out before scoring: script, hidden, unlikely... */
#define CN_BLOCKDESC  0x0002u  /* has a block-level descendant (div stays a container) */
#define CN_SCORED     0x0004u  /* a candidate with a content score */
#define CN_DROPPED    0x0008u  /* dropped while cleaning the article */
#define CN_COLLAPSED  0x0010u  /* a div wrapping a single p: scored as if it were the p */
#define CN_VISITED    0x0020u  /* reached by the walk (in order[]) */
#define CN_COMMENTS   0x0080u  /* the user-comment section */
#define CN_PARA       0x0100u  /* scored as a paragraph */
#define CN_JOINED     0x0200u  /* a sibling of the top candidate merged into the article */
#define CN_GONE       0x0400u  /* inside a dropped block */
#define CN_KEEP       0x0800u  /* the top candidate and its ancestors: never dropped */
#define CN_POSTBODY   0x1000u  /* a forum post's body, what it holds and the blocks up to the post */

/* Attempt flags: each retry on a too-short result turns one more off. */
#define CN_STRIP_UNLIKELY 0x1u
#define CN_WEIGHT_CLASSES 0x2u
#define CN_CLEAN_COND     0x4u

/* A dropped node also carries its reason (enum wn_why) in flag bits 24-31,
 * inside the extractor's half of the flags, for tools and tests. */
#define WN_CONTENT_WHY_SHIFT 24

/* Why a block was kept or dropped (explain output). */
enum wn_why {
    WHY_NONE = 0, WHY_TAG, WHY_HIDDEN, WHY_ROLE, WHY_UNLIKELY, WHY_BYLINE, WHY_HEADLINE,
    WHY_OUTSIDE, WHY_WEIGHT, WHY_IMAGES, WHY_LIST, WHY_INPUTS, WHY_SHORT, WHY_LINKS,
    WHY_EMBEDS, WHY_SHARE, WHY_NEG_HEADER, WHY_BOILER, WHY_TEASER, WHY_COMMENTS,
    WHY_STOPWORDS, WHY_SEMANTIC, WHY_REPEATED, WHY_QUOTED, WHY_THREAD_END, WHY_POST_CHROME,
    WHY_PAGE_NOTE, WHY_UI_LABEL,
    /* reasons to keep (the list path): a rule of page chrome would have dropped the block */
    WHY_WRAPS_LIST, WHY_CARD_HEAD, WHY__COUNT
};

typedef struct wn_cctx {
    wn_doc *d;
    const wn_meta *meta;
    const wn_pagetype *pt; /* the page's type: type-specific rules dispatch on pt->type */
    const wn_options *opt;
    uint32_t n;            /* d->node_count */
    /* per node (node->id) */
    wn_node **order;       /* pre-order of the visited nodes, document first */
    uint32_t norder;
    uint32_t *pos;         /* node id -> index in order[] (valid when CN_VISITED) */
    uint16_t *nf;
    uint8_t *why;
    uint32_t *row;         /* node id -> row in the element tables or in tx[] */
    /* per element and the document, indexed by wn_row() (never by node id:
     * the accessors below read them); row 0 stays zero */
    struct {
        uint32_t n;        /* rows: 1 + the elements and the document */
        wn_cstat *st;      /* subtree totals (wn_st) */
        float *score;      /* valid when CN_SCORED (wn_score_of) */
        uint16_t *vc;      /* class | id vocabulary bits (wn_vc) */
        uint16_t *vc_cls;  /* class-only bits */
        uint16_t *vc_id;   /* id-only bits (class weight counts class and id apart) */
        uint32_t *depth;   /* depth below the document, visited elements only (wn_depth) */
    } el;
    uint32_t *cands;       /* ids of scored candidates (at most one per element) */
    uint32_t ncands;
    /* per text node */
    wn_tstat *tx;          /* the node's own measures, set when the walk visits it */
    uint32_t ntext;
    unsigned flags;        /* CN_* attempt flags */
    float ld_shift;        /* added to link-density thresholds (favor) */
    wn_node *body, *top, *root;
    bool merged;           /* root is top's parent, with siblings merged in */
    uint32_t thread_posts; /* posts in the thread run that wn_forum_thread chose (0: none) */
    bool headline_done, byline_done;
    bool want_region;      /* the next walk also estimates the main region's text */
    bool reveal_checked;   /* the first walk looked for a hidden wrapper of the page */
    wn_node *revealed;     /* that wrapper, walked as shown (walk.c), or NULL */
    uint32_t region_est;   /* that estimate (content.c) */
    uint32_t region_teasers; /* the text of the region's teaser-long links, outside that estimate */
    uint32_t stripped_prose; /* the most text outside links in one block left out for a layout name (walk.c) */
} wn_cctx;

/* x's row in the element tables: its own for an element or the document,
 * row 0 (zeros) for any other node. */
static inline uint32_t wn_row(const wn_cctx *c, const wn_node *x)
{
    return x->type == WN_NODE_TEXT ? 0 : c->row[x->id];
}

/* The subtree totals of an element or the document. (A text node has no
 * totals row: ask wn_text() or wn_totals().) */
static inline wn_cstat *wn_st(const wn_cctx *c, const wn_node *el)
{
    assert(el->type != WN_NODE_TEXT);
    return &c->el.st[wn_row(c, el)];
}

/* An element's content score (meaningful when CN_SCORED). */
static inline float *wn_score_of(const wn_cctx *c, const wn_node *el)
{
    assert(el->type != WN_NODE_TEXT);
    return &c->el.score[wn_row(c, el)];
}

/* The VC_* bits of an element's class and id (0 for other nodes, and for
 * elements the walk has not named yet). */
static inline unsigned wn_vc(const wn_cctx *c, const wn_node *x)
{
    return c->el.vc[wn_row(c, x)];
}

/* The characters of any node's subtree (a text node's own). */
static inline uint32_t wn_text(const wn_cctx *c, const wn_node *x)
{
    return x->type == WN_NODE_TEXT ? c->tx[c->row[x->id]].text : c->el.st[c->row[x->id]].text;
}

/* Any node's totals, a text node's measures as totals of their own. */
static inline wn_cstat wn_totals(const wn_cctx *c, const wn_node *x)
{
    if (x->type != WN_NODE_TEXT)
        return c->el.st[c->row[x->id]];
    const wn_tstat *t = &c->tx[c->row[x->id]];
    return (wn_cstat){ .text = t->text, .commas = t->commas, .words = t->words };
}

/* Depth below the document of a visited node (a text node's from its parent's). */
static inline uint32_t wn_depth(const wn_cctx *c, const wn_node *x)
{
    return x->type == WN_NODE_TEXT ? c->el.depth[wn_row(c, x->parent)] + 1 : c->el.depth[c->row[x->id]];
}

/* Link text per character of text in x's subtree (0 when it has no text, and
 * for text nodes). */
static inline float wn_link_density(const wn_cctx *c, const wn_node *x)
{
    const wn_cstat *s = &c->el.st[wn_row(c, x)];
    if (s->text == 0)
        return 0.0f;
    return (float)s->link10 / (10.0f * (float)s->text);
}

/* The one place the caller's precision/recall preference acts: a
 * link-density limit of the tuning table (extract/tuning.h), moved by ld_shift
 * (set once in wn_content_find) when the table marks it so. Every
 * link-density decision of content/ asks here; docs/internals/EXTRACT.md
 * lists which limits move. */
static inline float wn_ld_limit(const wn_cctx *c, wn_tune_ld l)
{
    return l.favor ? l.limit + (float)l.favor * c->ld_shift : l.limit;
}

/* prune.c */
int      wn_class_weight(const wn_cctx *c, const wn_node *el);
bool     wn_is_data_table(const wn_cctx *c, const wn_node *table);
void     wn_prep_article(wn_cctx *c);
void     wn_drop(wn_cctx *c, wn_node *x, uint8_t why);
bool     wn_in_recipe(const wn_cctx *c, const wn_node *x);

/* boilerplate.c */
void     wn_extra_clean(wn_cctx *c);
bool     wn_page_note(const wn_cctx *c, const wn_node *b);
void     wn_trim_leading_links(wn_cctx *c);
bool     wn_is_prose(const wn_cctx *c, const wn_node *b);

/* walk.c */
int      wn_walk(wn_cctx *c);
bool     wn_article_like(const wn_node *a);   /* <article>, role=article, articleBody */
bool     wn_is_block_tag(uint16_t t);

/* score.c */
void     wn_score(wn_cctx *c);
void     wn_pick_root(wn_cctx *c);

/* type_list.c: collection and listing pages, and the main region of any page */
bool     wn_type_list_choose(wn_cctx *c);
/* The main region's text after its chrome (outside links when links_out), on
 * the current walk's totals, without dropping anything; 0 when none. */
uint32_t wn_type_list_estimate(wn_cctx *c, bool links_out);

/* type_forum.c: forum threads (dispatch on c->pt->type inside) */
unsigned wn_forum_names(const wn_cctx *c, unsigned v);
void     wn_forum_thread(wn_cctx *c);
void     wn_forum_quotes(wn_cctx *c);   /* after the cleaning: text quoted from earlier posts */
bool     wn_forum_keeps_form(const wn_cctx *c, const wn_node *form);
bool     wn_forum_post_prose(const wn_cctx *c, const wn_node *x);

/* type_product.c: product pages (dispatch on c->pt->type inside) */
unsigned wn_product_names(const wn_cctx *c, wn_str cls_or_id, unsigned v);
bool     wn_product_shows_hidden(const wn_cctx *c, const wn_node *x);
void     wn_product_root(wn_cctx *c);
void     wn_product_dedupe(wn_cctx *c);   /* also collection, listing and service pages */

/* type_list_labels.c: a grid's buttons and badges ("Add to cart", "(132)") on
 * collection, listing and product pages, on the chosen article */
void     wn_list_labels(wn_cctx *c);

#endif
