/*
 * content_internal.h: shared state of the main-content finder (content.c,
 * score.c, boilerplate.c, stopwords.c). Everything per node lives in side
 * arrays indexed by node->id, allocated in the page's arena, so one call costs
 * a few linear passes and no recursion.
 */
#ifndef WN_EXTRACT_CONTENT_INTERNAL_H
#define WN_EXTRACT_CONTENT_INTERNAL_H

#include <stdint.h>

#include "core/buf.h"
#include "dom/dom.h"
#include "extract/article.h"
#include "extract/content.h"

/* Subtree totals of one node. Characters are code points with whitespace runs
 * counted once. link10 weighs link text by 10 (fragment links by 3) so the
 * ratio link10 / (10 * text) is the link density. */
typedef struct wn_cstat {
    uint32_t text, link10, commas, words, stops, head, list;
    uint32_t p, img, li, input, embed, a;
} wn_cstat;

/* Per-node flags (nf[]). */
#define CN_IGNORED    0x0001u  /* left out before scoring: script, hidden, unlikely... */
#define CN_BLOCKDESC  0x0002u  /* has a block-level descendant (div stays a container) */
#define CN_SCORED     0x0004u  /* a candidate with a content score */
#define CN_DROPPED    0x0008u  /* dropped while cleaning the article */
#define CN_COLLAPSED  0x0010u  /* a div wrapping a single p: scored as if it were the p */
#define CN_VISITED    0x0020u  /* reached by the walk (in order[]) */
#define CN_DATATABLE  0x0040u  /* a table holding data, not layout */
#define CN_COMMENTS   0x0080u  /* the user-comment section */
#define CN_PARA       0x0100u  /* scored as a paragraph */
#define CN_JOINED     0x0200u  /* a sibling of the top candidate merged into the article */
#define CN_GONE       0x0400u  /* inside a dropped block */
#define CN_KEEP       0x0800u  /* the top candidate and its ancestors: never dropped */

/* Attempt flags: each retry on a too-short result turns one more off. */
#define CN_STRIP_UNLIKELY 0x1u
#define CN_WEIGHT_CLASSES 0x2u
#define CN_CLEAN_COND     0x4u

/* Class/id vocabulary categories (bits of wn_vocab_match). */
#define VC_UNLIKELY 0x0001u  /* boilerplate container names: sidebar, footer, menu... */
#define VC_MAYBE    0x0002u  /* rescues an unlikely name: article, content, main... */
#define VC_NEG      0x0004u  /* lowers a candidate's weight */
#define VC_POS      0x0008u  /* raises a candidate's weight */
#define VC_BYLINE   0x0010u  /* byline, author, dateline */
#define VC_SHARE    0x0020u  /* a whole word "share"/"sharedaddy" */
#define VC_BOILER   0x0040u  /* always boilerplate inside an article: newsletter, cookie... */
#define VC_COMMENT  0x0080u  /* user comments */
#define VC_TEASER   0x0100u  /* related/recommended/more-from rails */
#define VC_META     0x0200u  /* post metadata lines: tags, categories, byline boxes */
#define VC_LEAD     0x0400u  /* lead/standfirst/summary paragraphs */
#define VC_RECIPE   0x0800u  /* ingredient lists and recipe steps: short lines that are content */
#define VC_PRODUCT_DESC 0x1000u  /* product pages only: a description or specification block */
#define VC_DONE     0x8000u  /* vc[] only: the names were matched (kept across attempts) */

/* A dropped node also carries its reason (enum wn_why) in flag bits 24-31,
 * inside the extractor's half of the flags, for tools and tests. */
#define WN_CONTENT_WHY_SHIFT 24

/* Why a block was kept or dropped (explain output). */
enum wn_why {
    WHY_NONE = 0, WHY_TAG, WHY_HIDDEN, WHY_ROLE, WHY_UNLIKELY, WHY_BYLINE, WHY_HEADLINE,
    WHY_OUTSIDE, WHY_WEIGHT, WHY_IMAGES, WHY_LIST, WHY_INPUTS, WHY_SHORT, WHY_LINKS,
    WHY_EMBEDS, WHY_SHARE, WHY_NEG_HEADER, WHY_BOILER, WHY_TEASER, WHY_COMMENTS,
    WHY_STOPWORDS, WHY_SEMANTIC, WHY__COUNT
};

typedef struct wn_cctx {
    wn_doc *d;
    const wn_meta *meta;
    const wn_pagetype *pt; /* the page's type: type-specific rules dispatch on pt->type */
    const wn_options *opt;
    uint32_t n;            /* d->node_count */
    wn_node **order;       /* pre-order of the visited nodes, document first */
    uint32_t norder;
    uint32_t *pos;         /* node id -> index in order[] (valid when CN_VISITED) */
    wn_cstat *st;
    float *score;
    uint16_t *nf;
    uint8_t *why;
    uint16_t *vc;          /* class | id vocabulary bits */
    uint16_t *vc_cls;      /* class-only bits */
    uint16_t *vc_id;       /* id-only bits (class weight counts class and id apart) */
    uint32_t *depth;       /* depth below the document, visited nodes only */
    uint32_t *cands;       /* ids of scored candidates */
    uint32_t ncands;
    unsigned flags;        /* CN_* attempt flags */
    float ld_shift;        /* added to link-density thresholds (favor) */
    wn_node *body, *top, *root;
    bool merged;           /* root is top's parent, with siblings merged in */
    bool headline_done, byline_done;
} wn_cctx;

/* The attributes the content finder reads, found in one scan of an element. */
typedef struct wn_elattrs {
    wn_str cls, id, style, role, rel, itemprop, aria_hidden, aria_modal;
    bool hidden;
} wn_elattrs;

/* boilerplate.c */
void     wn_attrs_scan(const wn_node *el, wn_elattrs *a);
bool     wn_attrs_hidden(const wn_elattrs *a);
bool     wn_attrs_role_unlikely(const wn_elattrs *a);
unsigned wn_vocab_match(const char *p, size_t n);
unsigned wn_vocab_check(void);
bool     wn_node_hidden(const wn_node *el);
int      wn_class_weight(const wn_cctx *c, const wn_node *el);
bool     wn_is_data_table(const wn_cctx *c, const wn_node *table);
void     wn_prep_article(wn_cctx *c);
void     wn_extra_clean(wn_cctx *c);
void     wn_drop(wn_cctx *c, wn_node *x, uint8_t why);
bool     wn_is_prose(const wn_cctx *c, const wn_node *b);

/* score.c */
int      wn_walk(wn_cctx *c);
void     wn_score(wn_cctx *c);
void     wn_pick_root(wn_cctx *c);
float    wn_link_density(const wn_cctx *c, const wn_node *x);
void     wn_text_stats(const char *p, size_t n, wn_cstat *s);

/* type_list.c: collection and listing pages */
bool     wn_type_list_choose(wn_cctx *c);

/* type_forum.c: forum threads (dispatch on c->pt->type inside) */
unsigned wn_forum_names(const wn_cctx *c, unsigned v);
void     wn_forum_thread(wn_cctx *c);

/* type_product.c: product pages (dispatch on c->pt->type inside) */
unsigned wn_product_names(const wn_cctx *c, wn_str cls_or_id, unsigned v);
bool     wn_product_shows_hidden(const wn_cctx *c, const wn_node *x);
void     wn_product_root(wn_cctx *c);

/* stopwords.c */
bool     wn_is_stopword(const char *w, size_t n);
bool     wn_is_cjk_stop(uint32_t cp);

#endif
