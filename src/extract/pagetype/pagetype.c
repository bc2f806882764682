/*
 * pagetype.c: the page-type classifier (see pagetype.h): measure.c fills the
 * signal vector f[] in one walk of the page; decide() here lets the learned
 * trees (pagetype_model.h) score each type from the signals and the hand
 * rules of pagetype_rules.h that fired, and --explain says why.
 */
#include "extract/pagetype/pagetype.h"

#include <math.h>
#include <string.h>

#include "core/str.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/wordset.h"
#include "extract/tuning.h"

static const char *const feature_names[PTF__COUNT] = {
    [PTF_SCHEMA_ARTICLE] = "schema_article", [PTF_SCHEMA_TECH] = "schema_tech",
    [PTF_SCHEMA_FORUM] = "schema_forum", [PTF_SCHEMA_PRODUCT] = "schema_product",
    [PTF_SCHEMA_LIST] = "schema_list", [PTF_SCHEMA_SERVICE] = "schema_service",
    [PTF_SCHEMA_WEBPAGE] = "schema_webpage", [PTF_SCHEMA_FAQ] = "schema_faq",
    [PTF_CARD_ITEMS] = "card_items", [PTF_CARD_GROUPS] = "card_groups",
    [PTF_CARD_PRICE] = "card_price", [PTF_CARD_DATE] = "card_date", [PTF_CARD_IMG] = "card_img",
    [PTF_CARD_TEXT] = "card_text", [PTF_POST_ITEMS] = "post_items",
    [PTF_CARD_PRICED] = "card_priced", [PTF_CARD_DATED] = "card_dated", [PTF_PRICES] = "prices",
    [PTF_CART] = "cart", [PTF_PRODUCT_NAMES] = "product_names", [PTF_FORUM_NAMES] = "forum_names",
    [PTF_DOC_NAMES] = "doc_names", [PTF_LIST_NAMES] = "list_names",
    [PTF_ARTICLE_NAMES] = "article_names", [PTF_SERVICE_NAMES] = "service_names",
    [PTF_PRE] = "pre", [PTF_CODE] = "code", [PTF_TABLES] = "tables", [PTF_HEADINGS] = "headings",
    [PTF_ARTICLES] = "articles", [PTF_TIMES] = "times", [PTF_LONG_P] = "long_p",
    [PTF_LONGEST_P] = "longest_p", [PTF_TEXT_K] = "text_k", [PTF_LINK_DENSITY] = "link_density",
    [PTF_FORMS] = "forms", [PTF_BUTTONS] = "buttons", [PTF_HAS_DATE] = "has_date",
    [PTF_HAS_AUTHOR] = "has_author", [PTF_URL_ARTICLE] = "url_article",
    [PTF_URL_FORUM] = "url_forum", [PTF_URL_PRODUCT] = "url_product",
    [PTF_URL_COLLECTION] = "url_collection", [PTF_URL_DOCS] = "url_docs",
    [PTF_URL_INDEX] = "url_index", [PTF_URL_SLUG] = "url_slug", [PTF_URL_DEPTH] = "url_depth",
    [PTF_LINKED_HEADINGS] = "linked_headings", [PTF_P_SHARE] = "p_share",
    [PTF_URL_HOME] = "url_home",
};

const char *wn_pagetype_feature_name(int f)
{
    return f >= 0 && f < PTF__COUNT ? feature_names[f] : NULL;
}

#include "extract/pagetype/pagetype_rules.h"
#include "extract/pagetype/pagetype_model.h"

_Static_assert(PT_MODEL_SIGNALS == PTF__COUNT && PT_MODEL_RULES == N_RULES,
               "pagetype_model.h was trained on other inputs: retrain (tools/train_pagetype.py)");
_Static_assert(PT_MODEL_TYPES == WN_PAGE__COUNT - WN_PAGE_ARTICLE, "one model score per page type");
_Static_assert(PT_MODEL_INPUTS <= 256, "a tree names its inputs in one byte");

/* MARK: Deciding */

static bool rule_fires(const wn_pt_rule *r, const float *f)
{
    if (f[r->feature] < r->min || f[r->feature] >= r->max)
        return false;
    if (r->and_feature >= 0 && (f[r->and_feature] < r->and_min || f[r->and_feature] >= r->and_max))
        return false;
    return true;
}

/* The model's inputs: the signals as measured, then 1 for each hand rule
 * that fired (pagetype_model.h). */
static void model_inputs(const float *f, float *x)
{
    for (int j = 0; j < PT_MODEL_SIGNALS; j++)
        x[j] = f[j] > 0 ? f[j] : 0;
    for (size_t r = 0; r < N_RULES; r++)
        x[PT_MODEL_SIGNALS + r] = rule_fires(&rules[r], f) ? 1.0f : 0.0f;
}

/* The node of tree t that inputs x reach after `steps` splits (0 = the root). */
static int tree_node(const wn_pt_tree *t, const float *x, int steps)
{
    const unsigned char *in = t->input;
    const float *cut = t->cut;
    unsigned n = 0;
    for (int d = 0; d < steps; d++)
        n = 2 * n + 2 - (x[in[n]] < cut[n]);   /* left 2n+1, right 2n+2 */
    return (int)n;
}

/* Added to a type's model score: article's margin, which another type must
 * beat, the smaller one a forum thread must beat, and the extra one a listing
 * must beat (WN_TUNE.pagetype). */
static float type_prior(int t)
{
    if (t == WN_PAGE_ARTICLE)
        return WN_TUNE.pagetype.article_margin;
    if (t == WN_PAGE_FORUM)
        return WN_TUNE.pagetype.article_margin - WN_TUNE.pagetype.forum_margin;
    if (t == WN_PAGE_LISTING)
        return -WN_TUNE.pagetype.listing_margin;
    return 0.0f;
}

/* Whether the page shows one of the signals type t needs to win (needs[]). */
static bool shows_need(const float *f, int t)
{
    for (size_t i = 0; i < N_NEEDS; i++) {
        if ((int)needs[i].type != t)
            continue;
        for (int k = 0; k < PT_NEED_MAX && needs[i].any_of[k] >= 0; k++)
            if (f[needs[i].any_of[k]] > 0)
                return true;
        return false;
    }
    return true;
}

static void decide(wn_pagetype *pt)
{
    float x[PT_MODEL_INPUTS];
    model_inputs(pt->f, x);
    for (int t = WN_PAGE_ARTICLE; t < WN_PAGE__COUNT; t++) {
        int k = t - WN_PAGE_ARTICLE;
        float s = pt_model_base[k] + type_prior(t);
        const wn_pt_tree *end = pt_model_trees + pt_model_first[k + 1];
        for (const wn_pt_tree *tree = pt_model_trees + pt_model_first[k]; tree < end; tree++)
            s += tree->value[tree_node(tree, x, PT_MODEL_DEPTH)];
        pt->score[t] = s;
    }
    /* Collections and listings take the same path (an index of items), so
     * they compete as one: the model's belief in either, pooled (the log of
     * the summed odds), against the other types'; the larger of the two names
     * the page. A page the model splits between them is an index all the same. */
    float vote[WN_PAGE__COUNT];
    memcpy(vote, pt->score, sizeof vote);
    float a = pt->score[WN_PAGE_COLLECTION], b = pt->score[WN_PAGE_LISTING];
    vote[WN_PAGE_COLLECTION] = fmaxf(a, b) + log1pf(expf(-fabsf(a - b)));
    vote[WN_PAGE_LISTING] = -INFINITY;
    int best = WN_PAGE_ARTICLE;
    for (int t = WN_PAGE_ARTICLE; t < WN_PAGE__COUNT; t++)
        if (vote[t] > vote[best] && shows_need(pt->f, t))
            best = t;
    if (best == WN_PAGE_COLLECTION && b > a)
        best = WN_PAGE_LISTING;
    /* Too little text to tell and no declared type: the article path, as
     * before page types (the model learned from full pages). */
    bool declared = false;
    for (int j = PTF_SCHEMA_ARTICLE; j <= PTF_SCHEMA_FAQ; j++)
        declared |= pt->f[j] > 0;
    if (!declared && pt->f[PTF_TEXT_K] < WN_TUNE.pagetype.tiny_page_text_k) {
        pt->type = WN_PAGE_ARTICLE;
        pt->tiny = true;
        return;
    }
    pt->type = (wn_page_type)best;
}

/* For --explain: the four inputs that added most to the winner's score,
 * strongest first (-1: none), summed over its trees: each split on the page's
 * path adds the step from its node's value to the child's. Worked out only
 * when asked: classifying needs the leaves alone. */
static void top_inputs(const wn_pagetype *pt, int why[4])
{
    float x[PT_MODEL_INPUTS];
    model_inputs(pt->f, x);
    float add[PT_MODEL_INPUTS] = { 0 };
    int won = (int)pt->type - WN_PAGE_ARTICLE;
    for (int i = pt_model_first[won]; i < pt_model_first[won + 1]; i++) {
        const wn_pt_tree *t = &pt_model_trees[i];
        for (int d = 0; d < PT_MODEL_DEPTH; d++) {
            int n = tree_node(t, x, d);
            add[t->input[n]] += t->value[tree_node(t, x, d + 1)] - t->value[n];
        }
    }
    float top[4] = { 0, 0, 0, 0 };
    for (int k = 0; k < 4; k++)
        why[k] = -1;
    for (int j = 0; j < PT_MODEL_INPUTS; j++) {
        float c = add[j];
        if (c <= 0)
            continue;
        for (int k = 0; k < 4; k++) {
            if (why[k] < 0 || c > top[k]) {
                for (int m = 3; m > k; m--) {
                    why[m] = why[m - 1];
                    top[m] = top[m - 1];
                }
                why[k] = j;
                top[k] = c;
                break;
            }
        }
    }
}

/* The name of model input j: a signal with its value, or a hand rule (one
 * that did not fire counts too: its absence can push a type up). */
static void input_name(const wn_pagetype *pt, int j, wn_buf *b)
{
    if (j < PT_MODEL_SIGNALS) {
        wn_buf_printf(b, "%s=%g", feature_names[j], (double)pt->f[j]);
        return;
    }
    const wn_pt_rule *r = &rules[j - PT_MODEL_SIGNALS];
    wn_buf_printf(b, "%s%s", rule_fires(r, pt->f) ? "" : "not: ", r->name);
}

void wn_pagetype_classify(const wn_doc *d, const wn_meta *meta, const char *url,
                          wn_page_type forced, wn_pagetype *out)
{
    memset(out, 0, sizeof *out);
    if (forced > WN_PAGE_UNKNOWN && forced < WN_PAGE__COUNT) {
        out->type = forced;
        out->forced = true;
        return;
    }
    if (d && d->root)
        wn_pagetype_measure(d, meta, url, out->f);
    decide(out);
}

void wn_pagetype_explain(const wn_pagetype *pt, wn_buf *b)
{
    const char *name = wn_page_type_name(pt->type);
    if (pt->forced) {
        wn_buf_printf(b, "# page type: %s (forced by the caller)\n", name);
        return;
    }
    if (pt->tiny) {
        wn_buf_printf(b, "# page type: %s (under %g characters of text and no declared type: "
                         "too little to tell)\n", name, (double)(WN_TUNE.pagetype.tiny_page_text_k * 1000));
    } else {
        wn_buf_printf(b, "# page type: %s (score %.1f; signals:", name, (double)pt->score[pt->type]);
        bool any = false;
        int why[4];
        top_inputs(pt, why);
        for (int k = 0; k < 4; k++) {
            if (why[k] < 0)
                break;
            wn_buf_puts(b, any ? ", " : " ");
            input_name(pt, why[k], b);
            any = true;
        }
        wn_buf_printf(b, "%s)\n", any ? "" : " none above the average page");
    }
    /* The runners-up, so a reader sees how close it was. */
    wn_buf_puts(b, "# page type scores:");
    for (int t = WN_PAGE_ARTICLE; t < WN_PAGE__COUNT; t++)
        wn_buf_printf(b, " %s=%.1f", wn_page_type_name((wn_page_type)t), (double)pt->score[t]);
    wn_buf_puts(b, "\n# page signals:");
    for (int f = 0; f < PTF__COUNT; f++)
        if (pt->f[f] != 0)
            wn_buf_printf(b, " %s=%g", feature_names[f], (double)pt->f[f]);
    /* The hand rules that fired, by index into rules[] (the training tool reads them). */
    wn_buf_puts(b, "\n# page rules:");
    for (size_t r = 0; r < N_RULES; r++)
        if (rule_fires(&rules[r], pt->f))
            wn_buf_printf(b, " %zu", r);
    wn_buf_putc(b, '\n');
}
