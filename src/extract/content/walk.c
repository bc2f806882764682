/*
 * walk.c: the measuring pass of the content finder. wn_walk visits the page
 * once in pre-order (leaving out scripts, hidden and unlikely blocks), then
 * sums text/link/count totals bottom-up over that order.
 */
#include <string.h>

#include "extract/content/content_internal.h"
#include "extract/signals/lexicon_data.h"

/* MARK: Walk ------------------------------------------------------------------- */

/* A hidden block is the page's own content, hidden until a script shows it
 * (a wrapper faded in after loading, a product shown once its options load),
 * when its text is at least WN_TUNE.walk.reveal_min_chars characters and
 * WN_TUNE.walk.reveal_over_shown times all the text the page shows. A menu, a
 * closed tab or a modal is a small part of a page; the content is not. */

/* What text_bytes counts: with SHOWN_ONLY not the blocks below the root that
 * hide themselves; with OUTSIDE_LINKS not links, nor a hidden root. */
enum { SHOWN_ONLY = 1, OUTSIDE_LINKS = 2 };

/* The text of a subtree in non-space bytes, scripts and styles left out, and
 * what `what` leaves out too. */
static size_t text_bytes(const wn_node *root, unsigned what)
{
    size_t n = 0;
    for (const wn_node *x = root; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT) {
            skip = wn_is_html(x, WN_TAG_SCRIPT) || wn_is_html(x, WN_TAG_STYLE) ||
                   wn_is_html(x, WN_TAG_TEMPLATE) || wn_is_html(x, WN_TAG_NOSCRIPT) ||
                   ((what & OUTSIDE_LINKS) && wn_is_html(x, WN_TAG_A)) ||
                   ((what & OUTSIDE_LINKS || ((what & SHOWN_ONLY) && x != root)) &&
                    x->nattrs && wn_node_hidden(x));
        } else if (x->type == WN_NODE_TEXT) {
            for (size_t i = 0; i < x->text.n; i++)
                n += !wn_is_space((unsigned char)x->text.p[i]);
        }
        x = wn_dom_next(root, x, skip);
    }
    return n;
}

/* Up to cap bytes of a subtree's text, whitespace collapsed, visiting at most
 * 400 nodes: enough to test a byline or a headline, bounded on any page. */
static size_t short_text(const wn_node *root, char *out, size_t cap)
{
    size_t n = 0, visited = 0;
    bool space = true;
    for (const wn_node *x = root; x && visited < 400;) {
        visited++;
        if (x->type != WN_NODE_TEXT) {
            /* A heading's "¶" link is no part of its words (nor of the title's). */
            bool mark = x != root && x->type == WN_NODE_ELEMENT && wn_anchor_mark(x);
            x = wn_dom_next(root, x, mark);
            continue;
        }
        for (size_t i = 0; i < x->text.n; i++) {
            unsigned char ch = (unsigned char)x->text.p[i];
            if (wn_is_space(ch)) {
                if (!space && n < cap)
                    out[n++] = ' ';
                space = true;
                continue;
            }
            if (n >= cap)
                return cap + 1;   /* longer than asked */
            out[n++] = (char)ch;
            space = false;
        }
        x = wn_dom_next(root, x, false);
    }
    if (n > 0 && out[n - 1] == ' ')
        n--;
    return n;
}

/* Lowercased ASCII-alphanumeric tokens of s (other bytes kept: UTF-8 letters). */
static size_t tokens(const char *s, size_t n, wn_str *tok, size_t max)
{
    size_t k = 0, i = 0;
    while (i < n && k < max) {
        while (i < n && (unsigned char)s[i] < 0x80 && !((s[i] >= 'a' && s[i] <= 'z') ||
               (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            i++;
        size_t b = i;
        while (i < n && ((unsigned char)s[i] >= 0x80 || (s[i] >= 'a' && s[i] <= 'z') ||
               (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
            i++;
        if (i > b)
            tok[k++] = wn_str_make(s + b, i - b);
    }
    return k;
}

static bool tok_eq(wn_str a, wn_str b)
{
    if (a.n != b.n)
        return false;
    for (size_t i = 0; i < a.n; i++)
        if (wn_ascii_lower(a.p[i]) != wn_ascii_lower(b.p[i]))
            return false;
    return true;
}

/* How much of the heading is made of the title's words: 1 - (length of the
 * heading's words not in the title) / (length of all its words). */
static float title_similarity(const char *title, const char *head, size_t hn)
{
    wn_str ta[64], ha[64];
    size_t nt = tokens(title, strlen(title), ta, 64);
    size_t nh = tokens(head, hn, ha, 64);
    if (nt == 0 || nh == 0)
        return 0.0f;
    size_t all = 0, uniq = 0;
    for (size_t i = 0; i < nh; i++) {
        bool found = false;
        for (size_t j = 0; j < nt && !found; j++)
            found = tok_eq(ha[i], ta[j]);
        all += ha[i].n + (i ? 1 : 0);
        if (!found)
            uniq += ha[i].n + (uniq ? 1 : 0);
    }
    return 1.0f - (float)uniq / (float)all;
}

static bool near_ancestor(const wn_node *x, uint16_t tag)
{
    int depth = 0;
    for (const wn_node *a = x->parent; a && depth < WN_TUNE.walk.table_levels; a = a->parent, depth++)
        if (wn_is_html(a, tag))
            return true;
    return false;
}

/* An element that wraps one article: <article>, role=article, or schema.org's
 * articleBody. */
bool wn_article_like(const wn_node *a)
{
    if (a->type != WN_NODE_ELEMENT)
        return false;
    if (wn_is_html(a, WN_TAG_ARTICLE))
        return true;
    if (a->nattrs == 0)
        return false;
    wn_str v = wn_dom_attr_value(a, "role");
    if (v.n && wn_str_ieq(v, "article"))
        return true;
    v = wn_dom_attr_value(a, "itemprop");
    return v.n && wn_str_icontains(v, "articlebody");
}

/* The lowercased ASCII letters and digits of s, in order, into out (at most
 * cap); the number of words they form in *words. Returns the count, or cap + 1
 * when they do not fit. */
static size_t spelling(const char *s, size_t n, char *out, size_t cap, size_t *words)
{
    size_t k = 0;
    bool in_word = false;
    *words = 0;
    for (size_t i = 0; i < n; i++) {
        char ch = wn_ascii_lower(s[i]);
        if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))) {
            in_word = false;
            continue;
        }
        if (k >= cap)
            return cap + 1;
        *words += !in_word;
        in_word = true;
        out[k++] = ch;
    }
    return k;
}

/* Whether heading h's words spell id ("design-principles" over "Design
 * principles") in min_words words at least. */
static bool spells_heading(const wn_node *h, wn_str id, size_t min_words)
{
    char text[160], head[160], name[160];
    size_t n = short_text(h, text, sizeof text - 1), words, id_words;
    if (n == 0 || n >= sizeof text - 1)
        return false;
    size_t hn = spelling(text, n, head, sizeof head, &words);
    size_t in = spelling(id.p, id.n, name, sizeof name, &id_words);
    return hn > 0 && hn <= sizeof head && hn == in && memcmp(head, name, hn) == 0 &&
           words >= min_words;
}

/* A section whose id spells its own heading ("answering-review-comments"
 * over "Answering review comments"): documentation generators name each
 * section after its heading, so a furniture word in such an id is the
 * heading's word, not the block's role. Two words at least: a lone
 * "comments" over "Comments" is a comment box's own name. */
static bool section_anchor(const wn_node *x, wn_str id)
{
    const wn_node *h = x->first;
    while (h && h->type != WN_NODE_ELEMENT) {
        if (h->type == WN_NODE_TEXT)
            for (size_t i = 0; i < h->text.n; i++)
                if (!wn_is_space((unsigned char)h->text.p[i]))
                    return false;   /* text before the heading */
        h = h->next;
    }
    if (h == NULL || h->ns != WN_NS_HTML || h->tag < WN_TAG_H1 || h->tag > WN_TAG_H6)
        return false;
    return spells_heading(h, id, WN_TUNE.docs.anchor_min_words);
}

/* A heading whose id spells its own words is a section's anchor, named by
 * the text it heads: the names in its class style the anchor target
 * ("anchorHideOnScroll" places it under a sticky bar), they are no role. */
static bool heading_anchor(const wn_node *x, wn_str id)
{
    return x->ns == WN_NS_HTML && x->tag >= WN_TAG_H1 && x->tag <= WN_TAG_H6 &&
           spells_heading(x, id, WN_TUNE.docs.heading_anchor_min_words);
}

/* A <header> within two levels of an article wrapper is the article's own
 * head (headline, standfirst, byline), not the site's banner. */
static bool article_header(const wn_node *x)
{
    if (!wn_is_html(x, WN_TAG_HEADER))
        return false;
    int depth = 0;
    for (const wn_node *a = x->parent; a && depth < WN_TUNE.walk.header_levels; a = a->parent, depth++)
        if (wn_article_like(a))
            return true;
    return false;
}

/* A collapse wrapper: a hidden element whose one element child (styles
 * aside) is the panel; accordion libraries hide the wrapper, not the panel. */
static bool wraps_panel(const wn_node *x)
{
    const wn_node *only = NULL;
    for (const wn_node *ch = x->first; ch; ch = ch->next) {
        if (ch->type != WN_NODE_ELEMENT || wn_is_html(ch, WN_TAG_STYLE) ||
            wn_is_html(ch, WN_TAG_SCRIPT))
            continue;
        if (only)
            return false;
        only = ch;
    }
    if (only == NULL || only->nattrs == 0)
        return false;
    wn_elattrs a;
    wn_attrs_scan(only, &a);
    return wn_attrs_panel(&a);
}

/* Is the short label right above x (its accordion button or heading) one
 * that names the product's own facts (product_panel_label)? */
static bool product_panel_named(const wn_node *x)
{
    const wn_node *t = x->prev;
    while (t && t->type != WN_NODE_ELEMENT)
        t = t->prev;
    if (t == NULL)
        return false;
    char buf[128];
    size_t cap = WN_TUNE.product.panel_label_max_chars < sizeof buf ? WN_TUNE.product.panel_label_max_chars
                                                                    : sizeof buf - 1;
    size_t n = short_text(t, buf, cap);
    if (n == 0 || n > cap)
        return false;
    wn_str label = wn_str_make(buf, n);
    for (size_t k = 0; k < WN_LEX_PRODUCT_PANEL_LABEL_N; k++)
        if (wn_str_icontains(label, wn_lex_product_panel_label[k]))
            return true;
    return false;
}

/* A hidden disclosure panel (wn_attrs_panel: a tab's body, an accordion
 * item's answer, or the collapse wrapper around one) is read like a visible
 * one: the page shows it on a click, and it holds the page's own text (a
 * service's details, a FAQ's answers, a tutorial's step for another system).
 * On wcxb-dev, revealing them scored service +0.013 and article, docs, forum
 * and lists level. On a product page the other tabs hold warranty, shipping,
 * the seller's service and reviews (revealing them all cost product 0.002,
 * one site 0.16): there only a panel under a label naming the product's
 * facts ("Dimensions & Materials") is read, besides the description's tab by
 * its name (wn_product_shows_hidden). */
static bool panel_shown(const wn_cctx *c, const wn_node *x, const wn_elattrs *at)
{
    if (!wn_attrs_panel(at) && !wraps_panel(x))
        return false;
    return c->pt->type != WN_PAGE_PRODUCT || product_panel_named(x);
}

/* A block named like a section's opening (section_head_class: "gm-header")
 * that holds a paragraph of text outside links (t) is the section's heading
 * and text on a page built of sections, not a page header: it stays. Not on
 * product pages, where such a block is the buy box's header and taking it in
 * moves the article path off the description. */
static bool section_head(const wn_cctx *c, const wn_node *x, const wn_elattrs *at, size_t t)
{
    if (t < WN_TUNE.walk.named_head_prose_chars || c->pt->type == WN_PAGE_PRODUCT ||
        (wn_vc(c, x) & (VC_BOILER | VC_COMMENT)))
        return false;
    for (size_t k = 0; k < WN_LEX_SECTION_HEAD_CLASS_N; k++)
        if (wn_str_icontains(at->cls, wn_lex_section_head_class[k]) ||
            wn_str_icontains(at->id, wn_lex_section_head_class[k]))
            return true;
    return false;
}

/* Decide, before measuring, whether an element is left out with its subtree. */
static uint8_t leave_out(wn_cctx *c, wn_node *x, const wn_elattrs *at)
{
    if (x->ns == WN_NS_MATHML)   /* formulas are text; their annotations repeat them */
        return wn_dom_is_math_annotation(x) ? WHY_TAG : WHY_NONE;
    if (x->ns != WN_NS_HTML)
        return WHY_TAG;   /* svg: icon titles and drawings, not prose */
    switch (x->tag) {
    case WN_TAG_SCRIPT: case WN_TAG_STYLE: case WN_TAG_NOSCRIPT: case WN_TAG_TEMPLATE:
    case WN_TAG_HEAD: case WN_TAG_TITLE: case WN_TAG_META: case WN_TAG_LINK: case WN_TAG_BASE:
    case WN_TAG_TEXTAREA: case WN_TAG_SELECT: case WN_TAG_BUTTON: case WN_TAG_DATALIST:
    case WN_TAG_OPTION: case WN_TAG_NOFRAMES: case WN_TAG_NOEMBED:
        return WHY_TAG;
    default:
        break;
    }
    if (x->tag == WN_TAG_DIALOG && !wn_dom_attr(x, "open"))
        return WHY_HIDDEN;   /* a closed dialog is not rendered */
    if (x->nattrs == 0)
        return WHY_NONE;
    if (wn_attrs_hidden(at) && !wn_product_shows_hidden(c, x) &&
        !panel_shown(c, x, at) && x != c->revealed)
        return WHY_HIDDEN;   /* (a product's description or a closed tab's panel is still text) */
    if (wn_attrs_role_overlay(at))
        return WHY_ROLE;   /* overlays, modal or not: login, consent, newsletter */
    unsigned v = wn_vc(c, x);
    /* (A forum's posts each show their author: no byline is left out there.) */
    if (!c->byline_done && c->pt->type != WN_PAGE_FORUM &&
        (v & VC_BYLINE || wn_str_icontains(at->rel, "author") ||
                            wn_str_icontains(at->itemprop, "author"))) {
        char buf[128];
        size_t max = WN_TUNE.walk.byline_max_chars < sizeof buf ? WN_TUNE.walk.byline_max_chars
                                                                : sizeof buf - 1;
        size_t n = short_text(x, buf, max);
        if (n > 0 && n < max) {
            c->byline_done = true;
            return WHY_BYLINE;
        }
    }
    if (c->flags & CN_STRIP_UNLIKELY) {
        /* Tables are named by their styling ("table-header"), not their role. */
        if ((v & VC_UNLIKELY) && !(v & VC_MAYBE) && x->tag != WN_TAG_BODY && x->tag != WN_TAG_A &&
            x->tag != WN_TAG_TABLE && !article_header(x) &&
            !near_ancestor(x, WN_TAG_TABLE) && !near_ancestor(x, WN_TAG_CODE))
            return WHY_UNLIKELY;
        if (wn_attrs_role_unlikely(at))
            return WHY_ROLE;
    }
    return WHY_NONE;
}

static bool is_headline(wn_cctx *c, wn_node *x)
{
    if (c->headline_done || c->meta == NULL || c->meta->title == NULL)
        return false;
    if (!wn_is_html(x, WN_TAG_H1) && !wn_is_html(x, WN_TAG_H2))
        return false;
    char buf[512];
    size_t n = short_text(x, buf, sizeof buf - 1);
    if (n == 0 || n >= sizeof buf - 1)
        return false;
    if (title_similarity(c->meta->title, buf, n) > WN_TUNE.walk.headline_similarity) {
        c->headline_done = true;
        return true;
    }
    return false;
}

bool wn_is_block_tag(uint16_t t)
{
    return t == WN_TAG_BLOCKQUOTE || t == WN_TAG_DL || t == WN_TAG_DIV || t == WN_TAG_IMG ||
           t == WN_TAG_OL || t == WN_TAG_P || t == WN_TAG_PRE || t == WN_TAG_TABLE ||
           t == WN_TAG_UL;
}

int wn_walk(wn_cctx *c)
{
    wn_node *root = c->d->root;
    wn_node *big_hidden = NULL;   /* the hidden block with the most text (first walk only) */
    size_t big_hidden_text = 0, shown = 0;
    c->norder = 0;
    c->body = NULL;
    for (wn_node *x = root; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_COMMENT || x->type == WN_NODE_DOCTYPE) {
            x = wn_dom_next(root, x, true);
            continue;
        }
        if (x->type == WN_NODE_ELEMENT) {
            wn_elattrs at;
            if (x->nattrs) {
                uint32_t r = c->row[x->id];
                wn_attrs_scan(x, &at);
                /* Names do not change between attempts: match them once. */
                if (!(c->el.vc[r] & VC_DONE)) {
                    c->el.vc_cls[r] = (uint16_t)(at.cls.n ? wn_vocab_match(at.cls.p, at.cls.n) : 0);
                    c->el.vc_id[r] = (uint16_t)(at.id.n ? wn_vocab_match(at.id.p, at.id.n) : 0);
                    if (c->el.vc_id[r] && section_anchor(x, at.id))
                        c->el.vc_id[r] = 0;
                    if ((c->el.vc_id[r] | c->el.vc_cls[r]) && at.id.n && heading_anchor(x, at.id))
                        c->el.vc_id[r] = c->el.vc_cls[r] = 0;
                    /* Type hooks: a forum's "comments" are its posts. */
                    c->el.vc_cls[r] = (uint16_t)wn_product_names(c, at.cls,
                                                     wn_forum_names(c, c->el.vc_cls[r]));
                    c->el.vc_id[r] = (uint16_t)wn_product_names(c, at.id,
                                                    wn_forum_names(c, c->el.vc_id[r]));
                    c->el.vc[r] = c->el.vc_cls[r] | c->el.vc_id[r] | VC_DONE;
                }
            } else {
                memset(&at, 0, sizeof at);
            }
            uint8_t why = leave_out(c, x, &at);
            if (why == WHY_NONE && is_headline(c, x))
                why = WHY_HEADLINE;
            if (why == WHY_HIDDEN && !c->reveal_checked) {
                size_t t = text_bytes(x, 0);
                if (t > big_hidden_text)
                    big_hidden = x, big_hidden_text = t;
            }
            /* A block left out for a name of layout alone (header, menu: no
             * negative name) is measured: the article may be in it. */
            if (why == WHY_UNLIKELY && !(wn_vc(c, x) & VC_NEG)) {
                size_t t = text_bytes(x, OUTSIDE_LINKS);
                if (t > c->stripped_prose)
                    c->stripped_prose = (uint32_t)t;
                if (section_head(c, x, &at, t))
                    why = WHY_NONE;
            }
            if (why != WHY_NONE) {
                c->nf[x->id] |= CN_IGNORED;
                c->why[x->id] = why;
                x = wn_dom_next(root, x, true);
                continue;
            }
            if (c->body == NULL && wn_is_html(x, WN_TAG_BODY))
                c->body = x;
            /* Embedded frames count as embeds; their raw text is not prose. */
            if (x->tag == WN_TAG_IFRAME || x->tag == WN_TAG_OBJECT || x->tag == WN_TAG_EMBED)
                skip = true;
        } else if (x->type == WN_NODE_TEXT) {
            /* A text node's measures count in its parent's totals from here;
             * the pass below adds up elements only. */
            wn_tstat *t = &c->tx[c->row[x->id]];
            wn_text_stats(x->text.p, x->text.n, t);
            wn_cstat *p = wn_st(c, x->parent);
            p->text += t->text; p->commas += t->commas; p->words += t->words;
        }
        c->nf[x->id] |= CN_VISITED;
        c->pos[x->id] = c->norder;
        if (x->type != WN_NODE_TEXT)
            c->el.depth[c->row[x->id]] = x->parent ? wn_depth(c, x->parent) + 1 : 0;
        c->order[c->norder++] = x;
        /* The page's time budget, polled every WN_DEADLINE_EVERY nodes: once it is
         * spent every walk stops early, the later steps see a short page, and the
         * extractor fails the page with WN_ERR_TIMEOUT. */
        if (c->norder % WN_DEADLINE_EVERY == 0 && wn_deadline_passed(c->d->deadline))
            break;
        x = wn_dom_next(root, x, skip);
    }

    /* Bottom-up totals: reverse pre-order sees every child before its parent. */
    for (uint32_t i = c->norder; i-- > 0;) {
        wn_node *x = c->order[i];
        if (x->type == WN_NODE_TEXT)
            continue;   /* counted in its parent by the walk */
        wn_cstat *s = wn_st(c, x);
        if (x->type == WN_NODE_ELEMENT) {
            switch (x->tag) {
            case WN_TAG_P: s->p++; break;
            case WN_TAG_IMG: s->img++; break;
            case WN_TAG_LI: s->li++; break;
            case WN_TAG_INPUT: s->input++; break;
            case WN_TAG_OBJECT: case WN_TAG_EMBED: case WN_TAG_IFRAME: s->embed++; break;
            case WN_TAG_A: {
                wn_str h = wn_dom_attr_value(x, "href");
                /* In-page anchors (footnotes, tables of contents) weigh less. */
                s->link10 = s->text * ((h.n && h.p[0] == '#') ? 3u : 10u);
                s->a++;
                break;
            }
            case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
            case WN_TAG_H6:
                s->head = s->text;
                break;
            case WN_TAG_UL: case WN_TAG_OL:
                s->list = s->text;
                break;
            default:
                break;
            }
        }
        wn_node *p = x->parent;
        if (p == NULL)
            continue;
        if (x->type == WN_NODE_ELEMENT && ((c->nf[x->id] & CN_BLOCKDESC) || wn_is_block_tag(x->tag)))
            c->nf[p->id] |= CN_BLOCKDESC;
        wn_cstat *t = wn_st(c, p);
        t->text += s->text; t->link10 += s->link10; t->commas += s->commas;
        t->words += s->words; t->head += s->head; t->list += s->list;
        t->p += s->p; t->img += s->img; t->li += s->li; t->input += s->input;
        t->embed += s->embed; t->a += s->a;
    }
    if (!c->reveal_checked) {
        c->reveal_checked = true;
        /* The walk's own total first (it leaves unlikely blocks out, so it is
         * at most what the page shows); the page's shown text only then. */
        size_t walked = c->body ? wn_st(c, c->body)->text : 0;
        if (big_hidden && big_hidden_text >= WN_TUNE.walk.reveal_min_chars &&
            big_hidden_text >= WN_TUNE.walk.reveal_over_shown * walked &&
            big_hidden_text >= WN_TUNE.walk.reveal_over_shown * (shown = text_bytes(c->body ? c->body : root, SHOWN_ONLY))) {
            c->revealed = big_hidden;   /* walk again, with it shown */
            memset(c->el.st, 0, c->el.n * sizeof *c->el.st);
            memset(c->tx, 0, c->ntext * sizeof *c->tx);
            memset(c->nf, 0, c->n * sizeof *c->nf);
            memset(c->why, 0, c->n * sizeof *c->why);
            c->headline_done = c->byline_done = false;
            return wn_walk(c);
        }
    }
    return 0;
}
