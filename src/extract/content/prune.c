/*
 * prune.c: the weights and drops the content finder applies to blocks: the
 * class weight, data tables, wn_drop (a drop subtracts the block's totals
 * from its ancestors, so later tests on an outer block see only what is
 * still kept) and the conditional cleaning of the chosen container.
 */
#include <string.h>

#include "extract/content/content_internal.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/wordset.h"

static wn_wordset ws_note = WN_WORDSET(wn_lex_note_class);

/* MARK: Class weight ----------------------------------------------------------- */

int wn_class_weight(const wn_cctx *c, const wn_node *el)
{
    if (!(c->flags & CN_WEIGHT_CLASSES))
        return 0;
    /* The class and the id count separately: both naming "content" is +50. */
    unsigned cls = c->el.vc_cls[wn_row(c, el)], id = c->el.vc_id[wn_row(c, el)];
    int w = 0;
    if (cls & VC_NEG)
        w -= WN_TUNE.prune.class_name;
    if (cls & VC_POS)
        w += WN_TUNE.prune.class_name;
    if (id & VC_NEG)
        w -= WN_TUNE.prune.class_name;
    if (id & VC_POS)
        w += WN_TUNE.prune.class_name;
    return w;
}

/* MARK: Tables ----------------------------------------------------------------- */

/* A table that declares its structure (header cells, a caption, column
 * groups, a summary) and is not mostly links holds data: a parameter table,
 * a comparison, a schedule. Size alone says nothing: a page laid out as one
 * big table has many rows. Nested tables are layout. */
bool wn_is_data_table(const wn_cctx *c, const wn_node *t)
{
    wn_str v = wn_dom_attr_value(t, "role");
    if (v.n && wn_str_ieq(v, "presentation"))
        return false;
    v = wn_dom_attr_value(t, "datatable");
    if (v.p && wn_str_eq(v, "0"))
        return false;
    if (wn_link_density(c, t) >= wn_ld_limit(c, WN_TUNE.prune.data_table))
        return false;
    bool declared = wn_dom_attr(t, "summary") != NULL;
    for (const wn_node *x = t->first; x; x = wn_dom_next(t, x, false)) {
        if (x->type != WN_NODE_ELEMENT)
            continue;
        switch (x->tag) {
        case WN_TAG_TABLE:
            return false;
        case WN_TAG_CAPTION:
            declared |= x->first != NULL;
            break;
        case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_TFOOT: case WN_TAG_THEAD: case WN_TAG_TH:
            declared = true;
            break;
        default:
            break;
        }
    }
    return declared;
}

/* MARK: Dropping --------------------------------------------------------------- */

void wn_drop(wn_cctx *c, wn_node *x, uint8_t why)
{
    if (c->nf[x->id] & CN_DROPPED)
        return;
    c->nf[x->id] |= CN_DROPPED;
    c->why[x->id] = why;
    /* Ancestors (up to the document) lose this block's totals. A block with
     * nothing to subtract skips the climb: in a deep chain of wrappers, once
     * the innermost text is gone every wrapper above is empty, and climbing
     * from each of them would be quadratic. */
    const wn_cstat s = wn_totals(c, x);
    static const wn_cstat zero;
    if (memcmp(&s, &zero, sizeof s) == 0)
        return;
    for (wn_node *a = x->parent; a; a = a->parent) {
        wn_cstat *t = wn_st(c, a);
        t->text -= s.text; t->link10 -= s.link10; t->commas -= s.commas;
        t->words -= s.words; t->head -= s.head; t->list -= s.list;
        t->p -= s.p; t->img -= s.img; t->li -= s.li; t->input -= s.input;
        t->embed -= s.embed; t->a -= s.a;
        /* A dropped ancestor's own drop already took these totals from the
         * blocks above it. */
        if (c->nf[a->id] & CN_DROPPED)
            break;
    }
}

/* Whether an ancestor within max_depth levels is the HTML element tag. */
static bool has_ancestor(const wn_node *x, uint16_t tag, int max_depth)
{
    int depth = 0;
    for (const wn_node *a = x->parent; a && depth < max_depth; a = a->parent, depth++) {
        if (wn_is_html(a, tag))
            return true;
    }
    return false;
}

/* Inside an ingredient list or a recipe's steps (the block or one of its
 * nearest ancestors is named so). */
bool wn_in_recipe(const wn_cctx *c, const wn_node *x)
{
    int depth = 0;
    for (const wn_node *a = x; a && depth <= WN_TUNE.prune.recipe_levels; a = a->parent, depth++)
        if (a->type == WN_NODE_ELEMENT && (wn_vc(c, a) & VC_RECIPE))
            return true;
    return false;
}

/* MARK: Conditional cleaning --------------------------------------------------- */

/* The last visible character of x's text before any trailing space, or 0. */
static char last_char(const wn_node *x)
{
    char last = 0;
    for (const wn_node *t = x; t; t = wn_dom_next(x, t, false))
        if (t->type == WN_NODE_TEXT)
            for (size_t i = 0; i < t->text.n; i++)
                if (!wn_is_space((unsigned char)t->text.p[i]))
                    last = t->text.p[i];
    return last;
}

/* A list that the paragraph right above it announces ("Playbooks let you:",
 * "The function takes three arguments:") is that paragraph's continuation:
 * its items are short and bare, so the list scores below zero, but it is
 * text, not a menu. So is a list with few links right under a heading: the
 * section's text ("Reset the view" over its steps). */
static bool introduced_list(const wn_cctx *c, const wn_node *x)
{
    if (x->tag != WN_TAG_UL && x->tag != WN_TAG_OL && x->tag != WN_TAG_DL)
        return false;
    const wn_node *p = x->prev;
    while (p && (p->type == WN_NODE_COMMENT || (p->type == WN_NODE_TEXT && wn_text(c, p) == 0)))
        p = p->prev;
    if (p == NULL || p->type != WN_NODE_ELEMENT || (c->nf[p->id] & (CN_DROPPED | CN_IGNORED)) ||
        wn_st(c, p)->text == 0)
        return false;
    if (p->ns == WN_NS_HTML && p->tag >= WN_TAG_H2 && p->tag <= WN_TAG_H6)
        return wn_link_density(c, x) < wn_ld_limit(c, WN_TUNE.prune.links);
    return wn_is_html(p, WN_TAG_P) && last_char(p) == ':';
}

/* A note set off from the text (an admonition, a callout: note_class names
 * it): its label and its pointers make it link-heavier than a paragraph. */
static bool named_note(const wn_node *x)
{
    return wn_wordset_names_hit(&ws_note, x);
}

/* Whether x holds a code block (<pre>): a command to type ("npm start") is
 * short, and it is the text. */
static bool holds_code(const wn_node *x)
{
    for (const wn_node *t = x->first; t; t = wn_dom_next(x, t, false))
        if (wn_is_html(t, WN_TAG_PRE))
            return true;
    return false;
}

/* Lists, tables, divs and forms that look like navigation, image galleries or
 * widgets rather than prose: judged on their remaining totals. */
static uint8_t judge_block(wn_cctx *c, wn_node *x)
{
    const wn_cstat *s = wn_st(c, x);
    uint16_t tag = x->tag;

    /* A data table is content as a whole; the blocks inside its cells are
     * still judged. No walk to the root here: one per block is quadratic on
     * deep trees. (Sparing what lies inside data tables too was measured:
     * -0.002 F1 on both development sets, so it is not done.) */
    if (tag == WN_TAG_TABLE && wn_is_data_table(c, x))
        return WHY_NONE;
    if (has_ancestor(x, WN_TAG_CODE, WN_TUNE.prune.near_levels))
        return WHY_NONE;
    int weight = wn_class_weight(c, x);
    float cs = (c->nf[x->id] & CN_SCORED) ? *wn_score_of(c, x) : 0.0f;
    /* A negative name does not outweigh enough link-poor text. */
    if ((float)weight + cs < 0 && !introduced_list(c, x) && !(s->text >= WN_TUNE.prune.spared_chars &&
                                    wn_link_density(c, x) < wn_ld_limit(c, WN_TUNE.prune.spared)))
        return WHY_WEIGHT;
    /* Enough commas is prose, whatever else the block holds. */
    if (s->commas >= WN_TUNE.prune.prose_commas)
        return WHY_NONE;

    bool is_list = tag == WN_TAG_UL || tag == WN_TAG_OL;
    if (!is_list && s->text > 0 && (float)s->list / (float)s->text > WN_TUNE.prune.list_share)
        is_list = true;
    float ld = wn_link_density(c, x);
    float hd = s->text ? (float)s->head / (float)s->text : 0.0f;
    long li = (long)s->li - (long)WN_TUNE.prune.list_item_excess;
    bool in_figure = has_ancestor(x, WN_TAG_FIGURE, WN_TUNE.prune.near_levels);

    if (!in_figure && s->img > 1 && (float)s->p / (float)s->img < WN_TUNE.prune.para_per_image &&
        !wn_forum_post_prose(c, x))
        return WHY_IMAGES;
    if (!is_list && li > (long)s->p)
        return WHY_LIST;
    if (s->input > s->p / WN_TUNE.prune.inputs_per_para_div)
        return WHY_INPUTS;
    if (!is_list && !in_figure && hd < WN_TUNE.prune.short_heading_share &&
        s->text < WN_TUNE.prune.short_chars &&
        (s->img == 0 || s->img > WN_TUNE.prune.short_images_max) &&
        !wn_in_recipe(c, x) && !(c->nf[x->id] & CN_POSTBODY) && !holds_code(x))
        return WHY_SHORT;
    if (!is_list && weight < WN_TUNE.prune.class_name && ld > wn_ld_limit(c, WN_TUNE.prune.links) &&
        !(ld <= wn_ld_limit(c, WN_TUNE.prune.links_named) && named_note(x)))
        return WHY_LINKS;
    if (weight >= WN_TUNE.prune.class_name && ld > wn_ld_limit(c, WN_TUNE.prune.links_named))
        return WHY_LINKS;
    if ((s->embed == 1 && s->text < WN_TUNE.prune.embed_min_chars) || s->embed > 1)
        return WHY_EMBEDS;
    return WHY_NONE;
}

/* The Readability-style preparation of the chosen container: drop what never
 * belongs in an article, then judge lists/tables/divs bottom-up. */
void wn_prep_article(wn_cctx *c)
{
    wn_node *root = c->root;
    uint32_t start = c->pos[root->id], end = start + 1;

    /* Pre-order: the subtree is the run after the root that lies deeper. */
    while (end < c->norder && wn_depth(c, c->order[end]) > wn_depth(c, root))
        end++;

    /* Forward pass: unconditional drops. CN_GONE marks what lies under a dropped
     * block, so no block is subtracted from its ancestors twice. */
    for (uint32_t i = start + 1; i < end; i++) {
        wn_node *x = c->order[i];
        if (c->nf[x->parent->id] & (CN_DROPPED | CN_GONE)) {
            c->nf[x->id] |= CN_GONE;
            continue;
        }
        if (x->type != WN_NODE_ELEMENT || (c->nf[x->id] & (CN_DROPPED | CN_KEEP)))
            continue;
        switch (x->tag) {
        case WN_TAG_OBJECT: case WN_TAG_EMBED: case WN_TAG_FOOTER: case WN_TAG_LINK:
        case WN_TAG_ASIDE: case WN_TAG_IFRAME: case WN_TAG_INPUT: case WN_TAG_TEXTAREA:
        case WN_TAG_SELECT: case WN_TAG_BUTTON:
            wn_drop(c, x, WHY_TAG);
            continue;
        case WN_TAG_H1: case WN_TAG_H2:
            if (wn_class_weight(c, x) < 0) {
                wn_drop(c, x, WHY_NEG_HEADER);
                continue;
            }
            break;
        default:
            break;
        }
        /* Share bars: not the top-level blocks themselves, and only when small. */
        bool top_level = c->merged ? x->parent == root : x == root;
        if (!top_level && (wn_vc(c, x) & VC_SHARE) &&
            wn_st(c, x)->text < WN_TUNE.prune.share_max_chars)
            wn_drop(c, x, WHY_SHARE);
    }

    if (!(c->flags & CN_CLEAN_COND))
        return;
    /* Backward pass: inner blocks are judged before the blocks holding them. */
    for (uint32_t i = end; i-- > start + 1;) {
        wn_node *x = c->order[i];
        if (x->type != WN_NODE_ELEMENT || (c->nf[x->id] & (CN_DROPPED | CN_GONE | CN_KEEP)))
            continue;
        if (x->tag != WN_TAG_FORM && x->tag != WN_TAG_FIELDSET && x->tag != WN_TAG_TABLE &&
            x->tag != WN_TAG_UL && x->tag != WN_TAG_DIV)
            continue;
        uint8_t why = judge_block(c, x);
        if (why != WHY_NONE)
            wn_drop(c, x, why);
    }
}
