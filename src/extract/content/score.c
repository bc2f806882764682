/*
 * score.c: the scoring passes of the content finder: wn_score gives
 * paragraphs points that flow to their ancestors, and wn_pick_root chooses
 * the container and the sibling blocks that join it.
 */
#include <string.h>

#include "extract/content/content_internal.h"

/* MARK: Scoring ---------------------------------------------------------------- */

/* Whether the element just before or after x is an <article> too. */
static bool article_sibling(const wn_node *x)
{
    const wn_node *y = x->prev;
    while (y && y->type != WN_NODE_ELEMENT)
        y = y->prev;
    if (y && wn_is_html(y, WN_TAG_ARTICLE))
        return true;
    y = x->next;
    while (y && y->type != WN_NODE_ELEMENT)
        y = y->next;
    return y && wn_is_html(y, WN_TAG_ARTICLE);
}

static void init_candidate(wn_cctx *c, wn_node *x)
{
    float s = 0;
    switch (x->tag) {
    case WN_TAG_DIV: s = WN_TUNE.score.div; break;
    case WN_TAG_PRE: case WN_TAG_TD: case WN_TAG_BLOCKQUOTE: s = WN_TUNE.score.pre_td_quote; break;
    case WN_TAG_ADDRESS: case WN_TAG_OL: case WN_TAG_UL: case WN_TAG_DL: case WN_TAG_DD:
    case WN_TAG_DT: case WN_TAG_LI: case WN_TAG_FORM: s = WN_TUNE.score.list_form; break;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: case WN_TAG_TH: s = WN_TUNE.score.heading_th; break;
    default: break;
    }
    /* Semantic markup: schema.org's articleBody names the text outright; an
     * <article> element is a strong hint. */
    wn_str ip = x->nattrs ? wn_dom_attr_value(x, "itemprop") : wn_str_make(NULL, 0);
    if (ip.n && wn_str_icontains(ip, "articlebody"))
        s += WN_TUNE.score.article_body;
    if (x->tag == WN_TAG_ARTICLE && !article_sibling(x))
        s += WN_TUNE.score.article_element;   /* not for a list of <article> teaser cards */
    *wn_score_of(c, x) = s + (float)wn_class_weight(c, x);
    c->nf[x->id] |= CN_SCORED;
    c->cands[c->ncands++] = x->id;
}

/* The nearest ancestor that is not a collapsed wrapper. */
static wn_node *eparent(const wn_cctx *c, const wn_node *x)
{
    wn_node *p = x->parent;
    while (p && (c->nf[p->id] & CN_COLLAPSED))
        p = p->parent;
    return p;
}

/* A paragraph's points: full to its container, half to the next, then a third
 * per level, WN_TUNE.score.spread_levels levels up; <html> and the document get none. */
static void spread(wn_cctx *c, wn_node *first, float points)
{
    int level = 0;
    for (wn_node *a = first; a && level < WN_TUNE.score.spread_levels; a = eparent(c, a), level++) {
        if (a->type != WN_NODE_ELEMENT || a->parent == NULL || a->parent->type != WN_NODE_ELEMENT)
            continue;
        if (!(c->nf[a->id] & CN_SCORED))
            init_candidate(c, a);
        float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * WN_TUNE.score.spread_third;
        *wn_score_of(c, a) += points / div;
    }
}

static float para_points(uint32_t text, uint32_t commas)
{
    uint32_t len = text / WN_TUNE.score.chars_per_point;
    return 1.0f + (float)(commas + 1) +
           (float)(len > WN_TUNE.score.length_points_max ? WN_TUNE.score.length_points_max : len);
}

static bool is_phrasing(const wn_cctx *c, const wn_node *x)
{
    if (x->type == WN_NODE_TEXT)
        return true;
    if (x->type != WN_NODE_ELEMENT)
        return false;
    if (wn_is_block_tag(x->tag))
        return false;
    switch (x->tag) {
    case WN_TAG_SECTION: case WN_TAG_ARTICLE: case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3:
    case WN_TAG_H4: case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_LI: case WN_TAG_FIGURE:
    case WN_TAG_HEADER: case WN_TAG_FOOTER: case WN_TAG_NAV: case WN_TAG_ASIDE: case WN_TAG_FORM:
    case WN_TAG_HR: case WN_TAG_MAIN: case WN_TAG_ADDRESS: case WN_TAG_FIGCAPTION:
    case WN_TAG_DETAILS: case WN_TAG_FIELDSET: case WN_TAG_TR: case WN_TAG_TD: case WN_TAG_TH:
        return false;
    default:
        return !(c->nf[x->id] & CN_BLOCKDESC);
    }
}

/* A div with blocks inside: each run of inline children reads as a paragraph. */
static void score_runs(wn_cctx *c, wn_node *div)
{
    uint32_t text = 0, commas = 0;
    for (wn_node *ch = div->first;; ch = ch->next) {
        bool inline_ = ch && is_phrasing(c, ch);
        if (ch && !(c->nf[ch->id] & CN_VISITED))
            continue;
        if (inline_) {
            wn_cstat t = wn_totals(c, ch);   /* text nodes and inline elements */
            text += t.text;
            commas += t.commas;
            continue;
        }
        if (text >= WN_TUNE.score.para_min_chars)
            spread(c, div, para_points(text, commas));
        text = commas = 0;
        if (ch == NULL)
            break;
    }
}

static bool single_p_child(const wn_cctx *c, const wn_node *div)
{
    const wn_node *only = NULL;
    for (const wn_node *ch = div->first; ch; ch = ch->next) {
        if (!(c->nf[ch->id] & CN_VISITED))
            continue;
        if (ch->type == WN_NODE_TEXT) {
            if (wn_text(c, ch))
                return false;
        } else if (ch->type == WN_NODE_ELEMENT) {
            if (only)
                return false;
            only = ch;
        }
    }
    return only && wn_is_html(only, WN_TAG_P);
}

void wn_score(wn_cctx *c)
{
    c->ncands = 0;
    for (uint32_t i = 0; i < c->norder; i++) {
        wn_node *x = c->order[i];
        if (x->type != WN_NODE_ELEMENT)
            continue;
        bool para = false;
        switch (x->tag) {
        case WN_TAG_SECTION: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
        case WN_TAG_H6: case WN_TAG_P: case WN_TAG_TD: case WN_TAG_PRE:
            para = true;
            break;
        case WN_TAG_DIV:
            if (!(c->nf[x->id] & CN_BLOCKDESC)) {
                para = true;
            } else if (single_p_child(c, x) &&
                       wn_link_density(c, x) < wn_ld_limit(c, WN_TUNE.score.collapse)) {
                c->nf[x->id] |= CN_COLLAPSED;
            } else {
                score_runs(c, x);
            }
            break;
        default:
            break;
        }
        if (!para || wn_st(c, x)->text < WN_TUNE.score.para_min_chars)
            continue;
        c->nf[x->id] |= CN_PARA;
        wn_node *p = eparent(c, x);
        if (p == NULL || p->type != WN_NODE_ELEMENT)
            continue;
        spread(c, p, para_points(wn_st(c, x)->text, wn_st(c, x)->commas));
    }
    /* Link-heavy containers are menus, whatever their paragraphs scored. */
    for (uint32_t i = 0; i < c->ncands; i++) {
        wn_node *x = c->order[c->pos[c->cands[i]]];
        *wn_score_of(c, x) *= 1.0f - wn_link_density(c, x);
    }
}

/* MARK: Choosing the container ------------------------------------------------- */

static bool is_ancestor(const wn_node *a, const wn_node *x)
{
    for (const wn_node *p = x->parent; p; p = p->parent)
        if (p == a)
            return true;
    return false;
}

static uint32_t element_children(const wn_cctx *c, const wn_node *x)
{
    uint32_t k = 0;
    for (const wn_node *ch = x->first; ch; ch = ch->next)
        if (ch->type == WN_NODE_ELEMENT && (c->nf[ch->id] & CN_VISITED))
            k++;
    return k;
}

/* "Reads like a paragraph" for a sibling: a p, or a div holding only inline content. */
static const wn_node *as_para(const wn_cctx *c, const wn_node *x)
{
    if (wn_is_html(x, WN_TAG_P))
        return x;
    if (wn_is_html(x, WN_TAG_DIV)) {
        if (!(c->nf[x->id] & CN_BLOCKDESC))
            return x;
        if (c->nf[x->id] & CN_COLLAPSED)
            for (const wn_node *ch = x->first; ch; ch = ch->next)
                if (ch->type == WN_NODE_ELEMENT && (c->nf[ch->id] & CN_VISITED))
                    return ch;
    }
    return NULL;
}

static bool ends_sentence(const wn_node *x)
{
    char buf[96];
    size_t n = 0;
    bool space = true;
    for (const wn_node *t = x; t && n < sizeof buf; t = wn_dom_next(x, t, false)) {
        if (t->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < t->text.n && n < sizeof buf; i++) {
            char ch = t->text.p[i];
            if (wn_is_space((unsigned char)ch)) {
                if (!space)
                    buf[n++] = ' ';
                space = true;
            } else {
                buf[n++] = ch;
                space = false;
            }
        }
    }
    for (size_t i = 0; i < n; i++)
        if (buf[i] == '.' && (i + 1 == n || buf[i + 1] == ' '))
            return true;
    return false;
}

static bool same_class(const wn_node *a, const wn_node *b)
{
    wn_str x = wn_dom_attr_value(a, "class"), y = wn_dom_attr_value(b, "class");
    return x.n && x.n == y.n && memcmp(x.p, y.p, x.n) == 0;
}

static bool is_leaf_para(const wn_cctx *c, const wn_node *x)
{
    switch (x->tag) {
    case WN_TAG_P: case WN_TAG_LI: case WN_TAG_BLOCKQUOTE: case WN_TAG_DD: case WN_TAG_PRE:
        return true;
    case WN_TAG_DIV: case WN_TAG_SECTION: case WN_TAG_SPAN:
        return !(c->nf[x->id] & CN_BLOCKDESC);
    default:
        return false;
    }
}

/* The text block sits inside an <article> that also holds its lead (a summary
 * paragraph in the header, above the body wrapper): take the <article>, but
 * from outside the text block keep only prose paragraphs. */
static void promote_to_article(wn_cctx *c)
{
    wn_node *t = c->root, *a = t->parent;
    for (int k = 0; a && k < WN_TUNE.choice.article_levels && !wn_article_like(a); k++)
        a = a->parent;
    if (!a || !wn_article_like(a) || a == c->body)
        return;
    if ((float)wn_st(c, a)->text > WN_TUNE.choice.article_max_ratio * (float)wn_st(c, t)->text)
        return;
    bool any = false;
    for (wn_node *x = a->first; x; ) {
        bool skip = false;
        if (x == t) {
            skip = true;
        } else if (x->type == WN_NODE_ELEMENT) {
            if (!(c->nf[x->id] & CN_VISITED) || is_ancestor(x, t)) {
                skip = !(c->nf[x->id] & CN_VISITED);
            } else if (is_leaf_para(c, x)) {
                skip = true;
                if (wn_st(c, x)->text >= WN_TUNE.choice.article_para_chars &&
                    wn_link_density(c, x) < wn_ld_limit(c, WN_TUNE.choice.article_para) &&
                    wn_is_prose(c, x))
                    any = true;
                else
                    wn_drop(c, x, WHY_OUTSIDE);
            } else if (x->tag == WN_TAG_FIGURE) {
                skip = true;   /* the lead picture: its caption is article text */
            } else if (x->tag == WN_TAG_H1 || x->tag == WN_TAG_H2 || x->tag == WN_TAG_TIME ||
                       x->tag == WN_TAG_IMG || x->tag == WN_TAG_UL ||
                       x->tag == WN_TAG_OL || x->tag == WN_TAG_TABLE || x->tag == WN_TAG_FORM) {
                skip = true;
                wn_drop(c, x, WHY_OUTSIDE);
            }
        } else if (x->type == WN_NODE_TEXT && wn_text(c, x)) {
            wn_drop(c, x, WHY_OUTSIDE);
        }
        x = wn_dom_next(a, x, skip);
    }
    if (!any)
        return;   /* nothing gained; the drops above stay outside the root anyway */
    c->root = a;
    c->merged = true;
}

/* A lead paragraph (standfirst, summary, intro) just before the container,
 * outside it: the container grows to hold it, and everything else in the
 * grown part (headline, date, share bar) is dropped. */
static void add_lead(wn_cctx *c)
{
    wn_node *root = c->root, *lead = NULL;
    if (root == c->body || root->parent == NULL)
        return;
    /* Look back a few visited nodes, within a few levels above the root. */
    wn_node *limit = root;
    for (int k = 0; k < WN_TUNE.choice.lead_levels && limit->parent && limit->parent != c->body &&
         limit->parent->type == WN_NODE_ELEMENT; k++)
        limit = limit->parent;
    if (limit == root)
        return;
    uint32_t stop = c->pos[limit->id];
    for (uint32_t i = c->pos[root->id], seen = 0; i-- > stop && seen < WN_TUNE.choice.lead_lookback; seen++) {
        wn_node *x = c->order[i];
        if (x->type != WN_NODE_ELEMENT || !(wn_vc(c, x) & VC_LEAD) ||
            (wn_vc(c, x) & (VC_BOILER | VC_COMMENT)) || (c->nf[x->id] & CN_DROPPED))
            continue;
        const wn_cstat *s = wn_st(c, x);
        if (s->text >= WN_TUNE.choice.lead_min_chars && s->text <= WN_TUNE.choice.lead_max_chars &&
            wn_link_density(c, x) < wn_ld_limit(c, WN_TUNE.choice.lead)) {
            lead = x;
            break;
        }
    }
    if (lead == NULL || is_ancestor(lead, root))
        return;
    /* The nearest common ancestor of the lead and the container. */
    wn_node *a = root->parent;
    while (a && !is_ancestor(a, lead))
        a = a->parent;
    if (a == NULL || a == c->body || a->type != WN_NODE_ELEMENT)
        return;
    for (wn_node *x = a->first; x; ) {
        bool skip = false;
        if (x == root || x == lead) {
            skip = true;
        } else if (x->type == WN_NODE_ELEMENT && (is_ancestor(x, root) || is_ancestor(x, lead))) {
            skip = false;
        } else {
            skip = true;
            if ((c->nf[x->id] & CN_VISITED) && !(c->nf[x->id] & CN_DROPPED) &&
                (x->type == WN_NODE_ELEMENT || wn_text(c, x)))
                wn_drop(c, x, WHY_OUTSIDE);
        }
        x = wn_dom_next(a, x, skip);
    }
    for (wn_node *p = a; p; p = p->parent)
        c->nf[p->id] |= CN_KEEP;
    c->root = a;
    c->merged = true;
}

/* Mark with CN_JOINED the siblings of t under parent that belong to the
 * article: scoring nearly as well as t (score_join), reading like a paragraph,
 * or, in another wrapper, like prose. Returns how many joined. */
static uint32_t join_siblings(wn_cctx *c, const wn_node *t, wn_node *parent, float ts,
                              bool score_join)
{
    float sib_threshold = ts * WN_TUNE.choice.sibling_share > WN_TUNE.choice.sibling_min_score ?
                          ts * WN_TUNE.choice.sibling_share : WN_TUNE.choice.sibling_min_score;
    uint32_t joined = 0;
    for (wn_node *s = parent->first; s; s = s->next) {
        if (s == t || (s->type == WN_NODE_ELEMENT && is_ancestor(s, t)))
            continue;
        if (s->type != WN_NODE_ELEMENT || !(c->nf[s->id] & CN_VISITED))
            continue;
        bool join = false;
        float bonus = same_class(s, t) ? ts * WN_TUNE.choice.same_class_bonus : 0.0f;
        const wn_node *sp = as_para(c, s);
        if (!score_join) {
            /* a climbed level: only the prose test below */
        } else if ((c->nf[s->id] & CN_SCORED) && *wn_score_of(c, s) + bonus >= sib_threshold) {
            join = true;
        } else if (sp) {
            float ld = wn_link_density(c, sp);
            uint32_t len = wn_st(c, sp)->text;
            if (len > WN_TUNE.choice.para_join_chars && ld < wn_ld_limit(c, WN_TUNE.choice.para_join))
                join = true;
            else if (len < WN_TUNE.choice.para_join_chars && len > 0 && ld == 0.0f && ends_sentence(sp))
                join = true;
        }
        /* A lead or a continuation in another wrapper: prose by its words, not
         * named like boilerplate. */
        if (!join && wn_st(c, s)->text >= WN_TUNE.choice.prose_join_chars &&
            wn_link_density(c, s) < wn_ld_limit(c, WN_TUNE.choice.prose_join) &&
            !(wn_vc(c, s) & (VC_UNLIKELY | VC_NEG | VC_BOILER | VC_TEASER | VC_COMMENT | VC_META)) &&
            (score_join || !(wn_vc(c, s) & VC_BYLINE)) && wn_is_prose(c, s))
            join = true;
        if (join) {
            c->nf[s->id] |= CN_JOINED;
            joined++;
        }
    }
    return joined;
}

static void pick_root(wn_cctx *c)
{
    wn_node *top[5] = { 0 };
    wn_node *body = c->body;

    c->merged = false;
    for (uint32_t i = 0; i < c->ncands; i++) {
        wn_node *x = c->order[c->pos[c->cands[i]]];
        float s = *wn_score_of(c, x);
        /* A cookie notice or newsletter box is never the article, even on a
         * page whose own paragraphs are too short to score. */
        if ((wn_vc(c, x) & VC_BOILER) && !(wn_vc(c, x) & VC_MAYBE))
            continue;
        for (int k = 0; k < 5; k++) {
            if (top[k] == NULL || s > *wn_score_of(c, top[k])) {
                memmove(&top[k + 1], &top[k], (size_t)(4 - k) * sizeof top[0]);
                top[k] = x;
                break;
            }
        }
    }
    wn_node *t = top[0];
    if (t == NULL || t == body || body == NULL || !is_ancestor(body, t)) {
        c->top = c->root = body ? body : c->d->root;
        return;
    }
    /* The best-scoring block survives cleaning whatever its tag or name. */
    for (wn_node *p = t; p; p = p->parent)
        c->nf[p->id] |= CN_KEEP;

    /* Several near-best candidates under one ancestor: the ancestor is the article
     * (pages that split the text into many sibling containers). */
    wn_node *alt[4];
    int nalt = 0;
    for (int k = 1; k < 5 && top[k]; k++)
        if (*wn_score_of(c, top[0]) > 0 && *wn_score_of(c, top[k]) / *wn_score_of(c, top[0]) >= WN_TUNE.choice.near_best)
            alt[nalt++] = top[k];
    if (nalt >= WN_TUNE.choice.near_best_min) {
        for (wn_node *p = t->parent; p && p != body; p = p->parent) {
            int lists = 0;
            for (int k = 0; k < nalt; k++)
                lists += is_ancestor(p, alt[k]);
            if (lists >= WN_TUNE.choice.near_best_min) {
                t = p;
                break;
            }
        }
    }
    if (!(c->nf[t->id] & CN_SCORED))
        init_candidate(c, t);

    /* Climb while the parents keep scoring well: points flow up by halves, so a
     * parent beating its child holds more of the article. */
    float last = *wn_score_of(c, t), threshold = last / WN_TUNE.choice.climb_floor;
    for (wn_node *p = eparent(c, t); p && p != body && p->type == WN_NODE_ELEMENT; p = eparent(c, p)) {
        if (!(c->nf[p->id] & CN_SCORED))
            continue;
        float ps = *wn_score_of(c, p);
        if (ps < threshold)
            break;
        if (ps > last) {
            t = p;
            break;
        }
        last = ps;
    }
    /* A lone child is no narrower than its parent. */
    for (wn_node *p = eparent(c, t); p && p != body && p->type == WN_NODE_ELEMENT &&
         element_children(c, p) == 1; p = eparent(c, t))
        t = p;
    /* A row or body of a table is a part of the table: the table is the unit
     * that competes with its siblings (a letter above its list of signatories). */
    if (t->ns == WN_NS_HTML && (t->tag == WN_TAG_TR || t->tag == WN_TAG_TBODY ||
                                t->tag == WN_TAG_THEAD || t->tag == WN_TAG_TFOOT)) {
        wn_node *tab = t->parent;
        while (tab && !wn_is_html(tab, WN_TAG_TABLE))
            tab = tab->parent;
        if (tab && tab != body && is_ancestor(body, tab))
            t = tab;
    }
    if (!(c->nf[t->id] & CN_SCORED))
        init_candidate(c, t);
    c->top = t;
    for (wn_node *p = t; p; p = p->parent)
        c->nf[p->id] |= CN_KEEP;

    /* Siblings that score nearly as well, or read like prose, join the article. */
    wn_node *parent = eparent(c, t);
    if (parent == NULL || parent->type != WN_NODE_ELEMENT) {
        c->root = t;
        return;
    }
    float ts = *wn_score_of(c, t);
    uint32_t joined = join_siblings(c, t, parent, ts, true);
    if (joined == 0) {
        /* Page builders split a story over full-width sections: the top block
         * sits in wrappers that hold nothing else, and the story goes on in
         * the next section. Climb through such wrappers (a few) and
         * let prose siblings there join. */
        wn_node *up = t;
        for (int level = 0; level < WN_TUNE.choice.wrapper_levels && joined == 0; level++) {
            wn_node *p = eparent(c, up), *pp = p ? eparent(c, p) : NULL;
            if (p == NULL || p == body || pp == NULL || pp->type != WN_NODE_ELEMENT ||
                wn_st(c, p)->text > wn_st(c, t)->text + wn_st(c, t)->text / WN_TUNE.choice.wrapper_slack_div +
                                        WN_TUNE.choice.wrapper_slack_chars)
                break;
            up = p;
            joined = join_siblings(c, up, pp, ts, false);
            if (joined) {
                t = up;
                parent = pp;
                for (wn_node *q = t; q; q = q->parent)
                    c->nf[q->id] |= CN_KEEP;
                c->top = t;
            }
        }
    }
    if (joined == 0) {
        c->root = t;
        promote_to_article(c);
        add_lead(c);
        return;
    }
    c->root = parent;
    c->merged = true;
    /* Inside an article wrapper, its pictures come along with the text that
     * joined: a figure's caption is article text. */
    if (wn_article_like(parent))
        for (wn_node *s = parent->first; s; s = s->next)
            if (wn_is_html(s, WN_TAG_FIGURE) && (c->nf[s->id] & CN_VISITED) &&
                wn_st(c, s)->img > 0 && wn_st(c, s)->embed == 0)
                c->nf[s->id] |= CN_JOINED;
    /* A subheading directly above a joined block (or the top) belongs to it. */
    for (wn_node *s = parent->first; s; s = s->next) {
        if (s->type != WN_NODE_ELEMENT || s->tag < WN_TAG_H1 || s->tag > WN_TAG_H6 ||
            !(c->nf[s->id] & CN_VISITED) || wn_st(c, s)->text > WN_TUNE.choice.subheading_max_chars)
            continue;
        wn_node *n = s->next;
        while (n && n->type != WN_NODE_ELEMENT)
            n = n->next;
        if (n && (n == t || is_ancestor(n, t) || (c->nf[n->id] & CN_JOINED)))
            c->nf[s->id] |= CN_JOINED;
    }
    for (wn_node *s = parent->first; s; s = s->next) {
        if (s == t || (s->type == WN_NODE_ELEMENT && is_ancestor(s, t)))
            continue;
        if (!(c->nf[s->id] & CN_VISITED))
            continue;
        if (c->nf[s->id] & CN_JOINED)
            continue;
        if (s->type == WN_NODE_TEXT && wn_text(c, s) == 0)
            continue;
        wn_drop(c, s, WHY_OUTSIDE);
    }
    add_lead(c);
}

void wn_pick_root(wn_cctx *c)
{
    pick_root(c);
    /* Type hooks: on a forum the container grows to the whole thread. */
    wn_forum_thread(c);
    wn_product_root(c);
}
