/*
 * score.c: the measuring and scoring passes of the content finder.
 * wn_walk visits the page once in pre-order (leaving out scripts, hidden and
 * unlikely blocks), then sums text/link/count totals bottom-up over that order;
 * wn_score gives paragraphs points that flow to their ancestors, and
 * wn_pick_root chooses the container and the sibling blocks that join it.
 */
#include <string.h>

#include "extract/content_internal.h"

/* MARK: Text measures ---------------------------------------------------------- */

/* Decode one UTF-8 sequence leniently (the parser already produced valid UTF-8). */
static uint32_t utf8_next(const unsigned char *p, size_t n, size_t *len)
{
    unsigned c = p[0];
    if (c < 0x80 || n < 2) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    }
    if (c < 0xF0 || n < 4) {
        if (n < 3) {
            *len = n;
            return 0xFFFD;
        }
        *len = 3;
        return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    *len = 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
}

static bool is_cjk(uint32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    /* Latin-1 letters and everything past the general punctuation block count as
     * letters; the quotes, dashes and spaces of U+2000-U+206F do not. */
    if (cp < 0xC0)
        return false;
    if (cp >= 0x2000 && cp <= 0x206F)
        return false;
    if (cp >= 0x3000 && cp <= 0x303F)
        return false;
    if (cp >= 0xFF00 && cp <= 0xFF20)
        return false;
    return true;
}

/* What an ASCII byte is to the text measures: most page text is ASCII, and
 * one table look-up replaces a chain of range tests on that path. */
enum { AK_OTHER, AK_SPACE, AK_WORD, AK_COMMA };
#define AK_ROW_DIGITS AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, \
                      AK_WORD, AK_WORD
#define AK_ROW_LETTERS AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, \
                       AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, \
                       AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, \
                       AK_WORD, AK_WORD
static const unsigned char ascii_kind[128] = {
    ['\t'] = AK_SPACE, ['\n'] = AK_SPACE, ['\f'] = AK_SPACE, ['\r'] = AK_SPACE,
    [' '] = AK_SPACE, [','] = AK_COMMA,
    ['0'] = AK_ROW_DIGITS,
    ['A'] = AK_ROW_LETTERS,
    ['a'] = AK_ROW_LETTERS,
};

/* Commas of the scripts the text measures know. */
static bool is_comma_cp(uint32_t cp)
{
    return cp == ',' || cp == 0x060C || cp == 0xFE50 || cp == 0xFE10 || cp == 0xFE11 ||
           cp == 0x2E41 || cp == 0x2E34 || cp == 0x2E32 || cp == 0xFF0C;
}

void wn_text_stats(const char *text, size_t n, wn_cstat *s)
{
    const unsigned char *p = (const unsigned char *)text;
    bool seen = false, in_space = false, in_word = false;
    size_t i = 0;

    while (i < n) {
        unsigned k;
        bool comma, cjk = false;
        if (p[i] < 0x80 && ascii_kind[p[i]] == AK_WORD) {
            /* the common case, a run of ASCII letters and digits, in one step */
            size_t j = i + 1;
            while (j < n && p[j] < 0x80 && ascii_kind[p[j]] == AK_WORD)
                j++;
            s->text += (uint32_t)(j - i);
            s->words += !in_word;
            seen = in_word = true;
            in_space = false;
            i = j;
            continue;
        }
        if (p[i] < 0x80 && ascii_kind[p[i]] == AK_SPACE) {
            /* indentation between tags: a run of white space is one character */
            while (i < n && p[i] < 0x80 && ascii_kind[p[i]] == AK_SPACE)
                i++;
            s->text += seen && !in_space;
            in_space = true;
            in_word = false;
            continue;
        }
        if (p[i] < 0x80) {
            k = ascii_kind[p[i++]];
            comma = k == AK_COMMA;
        } else {
            size_t len;
            uint32_t cp = utf8_next(p + i, n - i, &len);
            i += len;
            comma = is_comma_cp(cp);
            cjk = is_cjk(cp);
            k = cp == 0xA0 ? AK_SPACE : is_word_cp(cp) ? AK_WORD : AK_OTHER;
        }
        if (k == AK_SPACE) {
            /* A run of whitespace counts as one character, and not at the start. */
            s->text += seen && !in_space;
            in_space = true;
            in_word = false;
            continue;
        }
        seen = true;
        in_space = false;
        s->text++;
        s->commas += comma;
        if (cjk) {
            /* No spaces between CJK words: count characters, about 1.5 per word. */
            s->words++;
            in_word = false;
        } else {
            s->words += k == AK_WORD && !in_word;
            in_word = k == AK_WORD;
        }
    }
}

float wn_link_density(const wn_cctx *c, const wn_node *x)
{
    const wn_cstat *s = &c->st[x->id];
    if (s->text == 0)
        return 0.0f;
    return (float)s->link10 / (10.0f * (float)s->text);
}

/* MARK: Walk ------------------------------------------------------------------- */

/* Up to cap bytes of a subtree's text, whitespace collapsed, visiting at most
 * 400 nodes: enough to test a byline or a headline, bounded on any page. */
static size_t short_text(const wn_node *root, char *out, size_t cap)
{
    size_t n = 0, visited = 0;
    bool space = true;
    for (const wn_node *x = root; x && visited < 400; x = wn_dom_next(root, x, false)) {
        visited++;
        if (x->type != WN_NODE_TEXT)
            continue;
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

static bool slice_has_word(wn_str v, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= v.n; i++) {
        size_t k = 0;
        while (k < m && wn_ascii_lower(v.p[i + k]) == needle[k])
            k++;
        if (k == m)
            return true;
    }
    return false;
}

static bool near_ancestor(const wn_node *x, uint16_t tag)
{
    int depth = 0;
    for (const wn_node *a = x->parent; a && depth < 3; a = a->parent, depth++)
        if (wn_is_html(a, tag))
            return true;
    return false;
}

/* An element that wraps one article: <article>, role=article, or schema.org's
 * articleBody. */
static bool article_like(const wn_node *a)
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
    return v.n && slice_has_word(v, "articlebody");
}

/* A <header> within two levels of an article wrapper is the article's own
 * head (headline, standfirst, byline), not the site's banner. */
static bool article_header(const wn_node *x)
{
    if (!wn_is_html(x, WN_TAG_HEADER))
        return false;
    int depth = 0;
    for (const wn_node *a = x->parent; a && depth < 2; a = a->parent, depth++)
        if (article_like(a))
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
    if (wn_attrs_hidden(at) && !wn_product_shows_hidden(c, x))
        return WHY_HIDDEN;   /* (a product's description in a closed tab is still text) */
    if (wn_str_ieq(at->aria_modal, "true") && wn_str_ieq(at->role, "dialog"))
        return WHY_ROLE;   /* modal overlays: login, consent, newsletter */
    unsigned v = c->vc[x->id];
    /* (A forum's posts each show their author: no byline is left out there.) */
    if (!c->byline_done && c->pt->type != WN_PAGE_FORUM &&
        (v & VC_BYLINE || slice_has_word(at->rel, "author") ||
                            slice_has_word(at->itemprop, "author"))) {
        char buf[128];
        size_t n = short_text(x, buf, 100);
        if (n > 0 && n < 100) {
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
    if (title_similarity(c->meta->title, buf, n) > 0.75f) {
        c->headline_done = true;
        return true;
    }
    return false;
}

static bool is_block_tag(uint16_t t)
{
    return t == WN_TAG_BLOCKQUOTE || t == WN_TAG_DL || t == WN_TAG_DIV || t == WN_TAG_IMG ||
           t == WN_TAG_OL || t == WN_TAG_P || t == WN_TAG_PRE || t == WN_TAG_TABLE ||
           t == WN_TAG_UL;
}

int wn_walk(wn_cctx *c)
{
    wn_node *root = c->d->root;
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
                wn_attrs_scan(x, &at);
                /* Names do not change between attempts: match them once. */
                if (!(c->vc[x->id] & VC_DONE)) {
                    c->vc_cls[x->id] = (uint16_t)(at.cls.n ? wn_vocab_match(at.cls.p, at.cls.n) : 0);
                    c->vc_id[x->id] = (uint16_t)(at.id.n ? wn_vocab_match(at.id.p, at.id.n) : 0);
                    /* Type hooks: a forum's "comments" are its posts. */
                    c->vc_cls[x->id] = (uint16_t)wn_product_names(c, at.cls,
                                                     wn_forum_names(c, c->vc_cls[x->id]));
                    c->vc_id[x->id] = (uint16_t)wn_product_names(c, at.id,
                                                    wn_forum_names(c, c->vc_id[x->id]));
                    c->vc[x->id] = c->vc_cls[x->id] | c->vc_id[x->id] | VC_DONE;
                }
            } else {
                memset(&at, 0, sizeof at);
            }
            uint8_t why = leave_out(c, x, &at);
            if (why == WHY_NONE && is_headline(c, x))
                why = WHY_HEADLINE;
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
            wn_text_stats(x->text.p, x->text.n, &c->st[x->id]);
        }
        c->nf[x->id] |= CN_VISITED;
        c->pos[x->id] = c->norder;
        c->depth[x->id] = x->parent ? c->depth[x->parent->id] + 1 : 0;
        c->order[c->norder++] = x;
        x = wn_dom_next(root, x, skip);
    }

    /* Bottom-up totals: reverse pre-order sees every child before its parent. */
    for (uint32_t i = c->norder; i-- > 0;) {
        wn_node *x = c->order[i];
        wn_cstat *s = &c->st[x->id];
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
        if (x->type == WN_NODE_ELEMENT && ((c->nf[x->id] & CN_BLOCKDESC) || is_block_tag(x->tag)))
            c->nf[p->id] |= CN_BLOCKDESC;
        wn_cstat *t = &c->st[p->id];
        t->text += s->text; t->link10 += s->link10; t->commas += s->commas;
        t->words += s->words; t->stops += s->stops; t->head += s->head; t->list += s->list;
        t->p += s->p; t->img += s->img; t->li += s->li; t->input += s->input;
        t->embed += s->embed; t->a += s->a;
    }
    return 0;
}

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
    case WN_TAG_DIV: s = 5; break;
    case WN_TAG_PRE: case WN_TAG_TD: case WN_TAG_BLOCKQUOTE: s = 3; break;
    case WN_TAG_ADDRESS: case WN_TAG_OL: case WN_TAG_UL: case WN_TAG_DL: case WN_TAG_DD:
    case WN_TAG_DT: case WN_TAG_LI: case WN_TAG_FORM: s = -3; break;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: case WN_TAG_TH: s = -5; break;
    default: break;
    }
    /* Semantic markup: schema.org's articleBody names the text outright; an
     * <article> element is a strong hint (measured: +0.002 snippet F1). */
    wn_str ip = x->nattrs ? wn_dom_attr_value(x, "itemprop") : wn_str_make(NULL, 0);
    if (ip.n && slice_has_word(ip, "articlebody"))
        s += 75;
    if (x->tag == WN_TAG_ARTICLE && !article_sibling(x))
        s += 25;   /* not for a list of <article> teaser cards */
    c->score[x->id] = s + (float)wn_class_weight(c, x);
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
 * per level, five levels up; <html> and the document get none. */
static void spread(wn_cctx *c, wn_node *first, float points)
{
    int level = 0;
    for (wn_node *a = first; a && level < 5; a = eparent(c, a), level++) {
        if (a->type != WN_NODE_ELEMENT || a->parent == NULL || a->parent->type != WN_NODE_ELEMENT)
            continue;
        if (!(c->nf[a->id] & CN_SCORED))
            init_candidate(c, a);
        float div = level == 0 ? 1.0f : level == 1 ? 2.0f : (float)level * 3.0f;
        c->score[a->id] += points / div;
    }
}

static float para_points(uint32_t text, uint32_t commas)
{
    uint32_t len = text / 100;
    return 1.0f + (float)(commas + 1) + (float)(len > 3 ? 3 : len);
}

static bool is_phrasing(const wn_cctx *c, const wn_node *x)
{
    if (x->type == WN_NODE_TEXT)
        return true;
    if (x->type != WN_NODE_ELEMENT)
        return false;
    if (is_block_tag(x->tag))
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
            text += c->st[ch->id].text;
            commas += c->st[ch->id].commas;
            continue;
        }
        if (text >= 25)
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
            if (c->st[ch->id].text)
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
            } else if (single_p_child(c, x) && wn_link_density(c, x) < 0.25f) {
                c->nf[x->id] |= CN_COLLAPSED;
            } else {
                score_runs(c, x);
            }
            break;
        default:
            break;
        }
        if (!para || c->st[x->id].text < 25)
            continue;
        c->nf[x->id] |= CN_PARA;
        wn_node *p = eparent(c, x);
        if (p == NULL || p->type != WN_NODE_ELEMENT)
            continue;
        spread(c, p, para_points(c->st[x->id].text, c->st[x->id].commas));
    }
    /* Link-heavy containers are menus, whatever their paragraphs scored. */
    for (uint32_t i = 0; i < c->ncands; i++) {
        wn_node *x = c->order[c->pos[c->cands[i]]];
        c->score[x->id] *= 1.0f - wn_link_density(c, x);
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
    for (int k = 0; a && k < 3 && !article_like(a); k++)
        a = a->parent;
    if (!a || !article_like(a) || a == c->body)
        return;
    if ((float)c->st[a->id].text > 1.6f * (float)c->st[t->id].text)
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
                if (c->st[x->id].text >= 80 && wn_link_density(c, x) < 0.2f && wn_is_prose(c, x))
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
        } else if (x->type == WN_NODE_TEXT && c->st[x->id].text) {
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
    /* Look back at most 80 visited nodes, within four levels above the root. */
    wn_node *limit = root;
    for (int k = 0; k < 4 && limit->parent && limit->parent != c->body &&
         limit->parent->type == WN_NODE_ELEMENT; k++)
        limit = limit->parent;
    if (limit == root)
        return;
    uint32_t stop = c->pos[limit->id];
    for (uint32_t i = c->pos[root->id], seen = 0; i-- > stop && seen < 80; seen++) {
        wn_node *x = c->order[i];
        if (x->type != WN_NODE_ELEMENT || !(c->vc[x->id] & VC_LEAD) ||
            (c->vc[x->id] & (VC_BOILER | VC_COMMENT)) || (c->nf[x->id] & CN_DROPPED))
            continue;
        const wn_cstat *s = &c->st[x->id];
        if (s->text >= 40 && s->text <= 1500 && wn_link_density(c, x) < 0.3f) {
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
                (x->type == WN_NODE_ELEMENT || c->st[x->id].text))
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
    float sib_threshold = ts * 0.2f > 10.0f ? ts * 0.2f : 10.0f;
    uint32_t joined = 0;
    for (wn_node *s = parent->first; s; s = s->next) {
        if (s == t || (s->type == WN_NODE_ELEMENT && is_ancestor(s, t)))
            continue;
        if (s->type != WN_NODE_ELEMENT || !(c->nf[s->id] & CN_VISITED))
            continue;
        bool join = false;
        float bonus = same_class(s, t) ? ts * 0.2f : 0.0f;
        const wn_node *sp = as_para(c, s);
        if (!score_join) {
            /* a climbed level: only the prose test below */
        } else if ((c->nf[s->id] & CN_SCORED) && c->score[s->id] + bonus >= sib_threshold) {
            join = true;
        } else if (sp) {
            float ld = wn_link_density(c, sp);
            uint32_t len = c->st[sp->id].text;
            if (len > 80 && ld < 0.25f)
                join = true;
            else if (len < 80 && len > 0 && ld == 0.0f && ends_sentence(sp))
                join = true;
        }
        /* A lead or a continuation in another wrapper: prose by its words, not
         * named like boilerplate. */
        if (!join && c->st[s->id].text >= 150 &&
            wn_link_density(c, s) < 0.2f &&
            !(c->vc[s->id] & (VC_UNLIKELY | VC_NEG | VC_BOILER | VC_TEASER | VC_COMMENT | VC_META)) &&
            (score_join || !(c->vc[s->id] & VC_BYLINE)) && wn_is_prose(c, s))
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
        float s = c->score[x->id];
        /* A cookie notice or newsletter box is never the article, even on a
         * page whose own paragraphs are too short to score. */
        if ((c->vc[x->id] & VC_BOILER) && !(c->vc[x->id] & VC_MAYBE))
            continue;
        for (int k = 0; k < 5; k++) {
            if (top[k] == NULL || s > c->score[top[k]->id]) {
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
        if (c->score[top[0]->id] > 0 && c->score[top[k]->id] / c->score[top[0]->id] >= 0.75f)
            alt[nalt++] = top[k];
    if (nalt >= 3) {
        for (wn_node *p = t->parent; p && p != body; p = p->parent) {
            int lists = 0;
            for (int k = 0; k < nalt; k++)
                lists += is_ancestor(p, alt[k]);
            if (lists >= 3) {
                t = p;
                break;
            }
        }
    }
    if (!(c->nf[t->id] & CN_SCORED))
        init_candidate(c, t);

    /* Climb while the parents keep scoring well: points flow up by halves, so a
     * parent beating its child holds more of the article. */
    float last = c->score[t->id], threshold = last / 3.0f;
    for (wn_node *p = eparent(c, t); p && p != body && p->type == WN_NODE_ELEMENT; p = eparent(c, p)) {
        if (!(c->nf[p->id] & CN_SCORED))
            continue;
        float ps = c->score[p->id];
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
    float ts = c->score[t->id];
    uint32_t joined = join_siblings(c, t, parent, ts, true);
    if (joined == 0) {
        /* Page builders split a story over full-width sections: the top block
         * sits in wrappers that hold nothing else, and the story goes on in
         * the next section. Climb through such wrappers (at most three) and
         * let prose siblings there join. */
        wn_node *up = t;
        for (int level = 0; level < 3 && joined == 0; level++) {
            wn_node *p = eparent(c, up), *pp = p ? eparent(c, p) : NULL;
            if (p == NULL || p == body || pp == NULL || pp->type != WN_NODE_ELEMENT ||
                c->st[p->id].text > c->st[t->id].text + c->st[t->id].text / 10 + 20)
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
    if (article_like(parent))
        for (wn_node *s = parent->first; s; s = s->next)
            if (wn_is_html(s, WN_TAG_FIGURE) && (c->nf[s->id] & CN_VISITED) &&
                c->st[s->id].img > 0 && c->st[s->id].embed == 0)
                c->nf[s->id] |= CN_JOINED;
    /* A subheading directly above a joined block (or the top) belongs to it. */
    for (wn_node *s = parent->first; s; s = s->next) {
        if (s->type != WN_NODE_ELEMENT || s->tag < WN_TAG_H1 || s->tag > WN_TAG_H6 ||
            !(c->nf[s->id] & CN_VISITED) || c->st[s->id].text > 200)
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
        if (s->type == WN_NODE_TEXT && c->st[s->id].text == 0)
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
