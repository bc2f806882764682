/*
 * clean.c: copy the article subtree out of the page DOM into the article's own
 * document, reduced to the safe vocabulary of clean.h (see docs/internals/RENDER.md).
 * Four passes, none recursive: copy (walk the source with an explicit stack,
 * here), then in tidy.c group loose inline runs into paragraphs, trim
 * whitespace, prune empty nodes. Links are resolved by core/url.c.
 */
#include "extract/content/clean.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "core/url.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/signals.h"
#include "extract/tuning.h"
#include "winnow.h"

/* Source elements deeper than this below the article root are dropped, so the
 * copy stack stays bounded even when the parser's depth cap is switched off. */
#define MAX_STACK 100000

/* The inline-contains-block scan looks at this many nodes, then assumes "no"
 * (a block found later is flattened into the line instead). */
#define SCAN_LIMIT 2000

typedef enum action {
    ACT_DROP,      /* skip with all content */
    ACT_UNWRAP,    /* keep the children, no element */
    ACT_BLOCK,     /* keep the children, paragraph boundaries around them */
    ACT_KEEP       /* copy the element (maybe renamed) */
} action;

/* MARK: Vocabulary ----------------------------------------------------------- */

static bool is_inline_tag(unsigned tag)
{
    switch (tag) {
    case WN_TAG_A: case WN_TAG_EM: case WN_TAG_STRONG: case WN_TAG_B: case WN_TAG_I:
    case WN_TAG_U: case WN_TAG_S: case WN_TAG_SUB: case WN_TAG_SUP: case WN_TAG_CODE:
    case WN_TAG_BR: case WN_TAG_IMG:
        return true;
    default:
        return false;
    }
}

bool wn_clean_inline_node(const wn_node *n)
{
    return n->type == WN_NODE_TEXT || (n->type == WN_NODE_ELEMENT && is_inline_tag(n->tag));
}

/* Elements whose content is a line of text: a block inside them is flattened. */
static bool is_phrasing_container(const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT)
        return false;
    switch (n->tag) {
    case WN_TAG_P: case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4:
    case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_PRE: case WN_TAG_CAPTION:
    case WN_TAG_FIGCAPTION: case WN_TAG_DT:
        return true;
    default:
        return is_inline_tag(n->tag);
    }
}

static bool is_table_part(unsigned tag)
{
    return tag == WN_TAG_TABLE || tag == WN_TAG_THEAD || tag == WN_TAG_TBODY ||
           tag == WN_TAG_TFOOT || tag == WN_TAG_TR;
}

/* What to do with a source element, before looking at context; *tag receives
 * the tag to create for ACT_KEEP (renames: strike -> s, tt -> code, ...). */
static action classify(const wn_node *n, unsigned flags, unsigned *tag)
{
    *tag = n->tag;
    if (n->ns == WN_NS_MATHML) {
        /* A formula's words are text ("when a ≠ 0"); its annotations repeat
         * the formula as TeX or markup. */
        return wn_dom_is_math_annotation(n) ? ACT_DROP : ACT_UNWRAP;
    }
    if (n->ns != WN_NS_HTML)
        return ACT_DROP;   /* svg and whatever it contains */
    /* A form the content finder found holding the article (forum software and
     * ASP.NET wrap whole pages in one): its text stays, its controls go. */
    if ((n->flags & WN_NODE_FLAG_KEEP_FORM) && (n->tag == WN_TAG_FORM || n->tag == WN_TAG_FIELDSET))
        return ACT_BLOCK;
    switch (n->tag) {
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: case WN_TAG_P: case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_LI:
    case WN_TAG_BLOCKQUOTE: case WN_TAG_PRE: case WN_TAG_THEAD: case WN_TAG_TBODY:
    case WN_TAG_TFOOT: case WN_TAG_TR: case WN_TAG_TH: case WN_TAG_TD: case WN_TAG_CAPTION:
    case WN_TAG_FIGURE: case WN_TAG_FIGCAPTION: case WN_TAG_HR: case WN_TAG_DL:
    case WN_TAG_DT: case WN_TAG_DD:
    case WN_TAG_A: case WN_TAG_EM: case WN_TAG_STRONG: case WN_TAG_B: case WN_TAG_I:
    case WN_TAG_U: case WN_TAG_S: case WN_TAG_SUB: case WN_TAG_SUP: case WN_TAG_CODE:
    case WN_TAG_BR: case WN_TAG_IMG:
        return ACT_KEEP;
    case WN_TAG_TABLE:
        return (flags & WN_OPT_NO_TABLES) ? ACT_DROP : ACT_KEEP;
    case WN_TAG_STRIKE: case WN_TAG_DEL:
        *tag = WN_TAG_S;
        return ACT_KEEP;
    case WN_TAG_TT: case WN_TAG_KBD: case WN_TAG_SAMP:
        *tag = WN_TAG_CODE;
        return ACT_KEEP;
    case WN_TAG_DIR: case WN_TAG_MENU:
        *tag = WN_TAG_UL;
        return ACT_KEEP;
    case WN_TAG_LISTING: case WN_TAG_XMP: case WN_TAG_PLAINTEXT:
        *tag = WN_TAG_PRE;
        return ACT_KEEP;
    /* Executable, interactive, embedded or invisible: gone with their content. */
    case WN_TAG_SCRIPT: case WN_TAG_STYLE: case WN_TAG_IFRAME: case WN_TAG_OBJECT:
    case WN_TAG_EMBED: case WN_TAG_APPLET: case WN_TAG_FORM: case WN_TAG_INPUT:
    case WN_TAG_BUTTON: case WN_TAG_SELECT: case WN_TAG_TEXTAREA: case WN_TAG_OPTION:
    case WN_TAG_OPTGROUP: case WN_TAG_DATALIST: case WN_TAG_KEYGEN: case WN_TAG_OUTPUT:
    case WN_TAG_PROGRESS: case WN_TAG_METER: case WN_TAG_SVG: case WN_TAG_MATH:
    case WN_TAG_NOSCRIPT: case WN_TAG_TEMPLATE: case WN_TAG_CANVAS: case WN_TAG_AUDIO:
    case WN_TAG_VIDEO: case WN_TAG_SOURCE: case WN_TAG_TRACK: case WN_TAG_PARAM:
    case WN_TAG_HEAD: case WN_TAG_TITLE: case WN_TAG_META: case WN_TAG_LINK:
    case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_FRAME:
    case WN_TAG_FRAMESET: case WN_TAG_NOFRAMES: case WN_TAG_NOEMBED: case WN_TAG_MAP:
    case WN_TAG_AREA: case WN_TAG_DIALOG: case WN_TAG_RP: case WN_TAG_RT:
    case WN_TAG_WBR: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_MENUITEM:
    case WN_TAG_SEARCH: case WN_TAG_IMAGE: case WN_TAG_SLOT:
    case WN_TAG_FIELDSET:
        return ACT_DROP;
    /* Block wrappers: their text must not run into the neighbours' text. */
    case WN_TAG_DIV: case WN_TAG_SECTION: case WN_TAG_ARTICLE: case WN_TAG_MAIN:
    case WN_TAG_HEADER: case WN_TAG_FOOTER: case WN_TAG_ASIDE: case WN_TAG_NAV:
    case WN_TAG_CENTER: case WN_TAG_ADDRESS: case WN_TAG_DETAILS: case WN_TAG_SUMMARY:
    case WN_TAG_LEGEND: case WN_TAG_HGROUP: case WN_TAG_BODY: case WN_TAG_HTML:
        return ACT_BLOCK;
    case WN_TAG_UNKNOWN:
        /* Custom elements (a hyphen in the name) are nearly always components,
         * i.e. blocks; other unknown names are treated as inline. */
        return memchr(n->name.p, '-', n->name.n) ? ACT_BLOCK : ACT_UNWRAP;
    default:
        /* span, font, abbr, mark, small, cite, time, label... and isindex: the
         * current HTML standard parses it as an ordinary unknown element (not
         * void), so it holds everything after it and browsers show that. */
        return ACT_UNWRAP;
    }
}

/* MARK: Attributes ------------------------------------------------------------ */

static bool contains_ci(wn_str s, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = 0; i + n <= s.n; i++)
        if (wn_str_ieq(wn_str_make(s.p + i, n), lit))
            return true;
    return false;
}

/* First URL of a srcset ("a.jpg 1x, b.jpg 2x" -> "a.jpg"). */
static wn_str srcset_first(wn_str v)
{
    size_t i = 0;
    while (i < v.n && (wn_is_space((unsigned char)v.p[i]) || v.p[i] == ','))
        i++;
    size_t s = i;
    while (i < v.n && !wn_is_space((unsigned char)v.p[i]))
        i++;
    while (i > s && v.p[i - 1] == ',')
        i--;
    if (v.p == NULL)
        return v;   /* absent attribute: no arithmetic on NULL */
    return wn_str_make(v.p + s, i - s);
}

/* The image's real address: src, unless it is missing or a lazy-loading
 * placeholder (a data: URI, a placeholder_image_word: a blank/spacer gif) and
 * a data-* attribute (lazy_image_attr) or a srcset carries the real one. */
static wn_str image_source(const wn_node *img)
{
    wn_str src = wn_dom_attr_value(img, "src");
    size_t s = 0;
    while (s < src.n && wn_is_space((unsigned char)src.p[s]))
        s++;
    /* src.p is NULL when there is no src: no pointer arithmetic on it. */
    wn_str trimmed = src.p ? wn_str_make(src.p + s, src.n - s) : src;
    bool placeholder = trimmed.n == 0 ||
                       (trimmed.n >= 5 && wn_str_ieq(wn_str_make(trimmed.p, 5), "data:"));
    for (size_t i = 0; i < WN_LEX_PLACEHOLDER_IMAGE_WORD_N && !placeholder; i++)
        placeholder = contains_ci(trimmed, wn_lex_placeholder_image_word[i]);
    if (!placeholder)
        return src;
    /* the lazy_image_attr of the lowest rank that has a value */
    wn_str best = wn_str_make(NULL, 0);
    unsigned best_rank = 0;
    for (size_t i = 0; i < WN_LEX_LAZY_IMAGE_ATTR_N; i++) {
        unsigned rank = wn_lex_lazy_image_attr_value[i];
        if (best_rank && rank >= best_rank)
            continue;
        wn_str v = wn_dom_attr_value(img, wn_lex_lazy_image_attr[i]);
        if (v.n)
            best = v, best_rank = rank;
    }
    if (best_rank)
        return best;
    wn_str set = wn_dom_attr_value(img, "data-srcset");
    if (set.n == 0)
        set = wn_dom_attr_value(img, "srcset");
    set = srcset_first(set);
    return set.n ? set : src;
}

static wn_str copy_str(wn_doc *dst, wn_str s)
{
    if (s.n == 0)
        return wn_str_make("", 0);
    char *p = wn_arena_strdup(&dst->arena, s.p, s.n);
    return p ? wn_str_make(p, s.n) : wn_str_make(NULL, 0);
}

/* Text inside pre, verbatim but for line ends: a CR (from &#13;, which the
 * tokenizer's newline normalisation does not see) or CR LF becomes LF. */
static wn_str copy_pre(wn_doc *dst, wn_str s)
{
    if (memchr(s.p, '\r', s.n) == NULL)
        return copy_str(dst, s);
    char *p = wn_arena_alloc(&dst->arena, s.n + 1);
    size_t k = 0;
    if (p == NULL)
        return wn_str_make(NULL, 0);
    for (size_t i = 0; i < s.n; i++) {
        if (s.p[i] == '\r') {
            p[k++] = '\n';
            if (i + 1 < s.n && s.p[i + 1] == '\n')
                i++;
        } else {
            p[k++] = s.p[i];
        }
    }
    p[k] = '\0';
    return wn_str_make(p, k);
}

/* Collapse runs of ASCII whitespace to one space (text outside pre). */
static wn_str copy_collapsed(wn_doc *dst, wn_str s)
{
    char *p = wn_arena_alloc(&dst->arena, s.n + 1);
    size_t k = 0;
    bool sp = false;
    if (p == NULL)
        return wn_str_make(NULL, 0);
    for (size_t i = 0; i < s.n; i++) {
        unsigned char c = (unsigned char)s.p[i];
        if (c > ' ') {              /* the common case first: no space at all */
            p[k++] = (char)c;
            sp = false;
        } else if (wn_is_space(c)) {
            if (!sp)
                p[k++] = ' ';
            sp = true;
        } else {
            p[k++] = (char)c;
            sp = false;
        }
    }
    p[k] = '\0';
    return wn_str_make(p, k);
}

/* Digits only (an optional leading minus for ol start), at most 9 of them. */
static wn_str number_attr(const wn_node *el, const char *name, bool allow_minus)
{
    wn_str v = wn_dom_attr_value(el, name);
    size_t i = 0, s;
    while (i < v.n && wn_is_space((unsigned char)v.p[i]))
        i++;
    s = i;
    if (allow_minus && i < v.n && v.p[i] == '-')
        i++;
    size_t d = i;
    while (i < v.n && i - d < 9 && v.p[i] >= '0' && v.p[i] <= '9')
        i++;
    if (i == d)
        return wn_str_make(NULL, 0);
    return wn_str_make(v.p + s, i - s);
}

/* "language-X" from a class token language-X or lang-X. */
static int code_class(wn_doc *dst, const wn_node *el, wn_attr *a)
{
    wn_str cls = wn_dom_attr_value(el, "class"), tok;
    size_t pos = 0;
    while (wn_str_next_word(cls, &pos, &tok)) {
        size_t skip = 0;
        if (tok.n > 9 && memcmp(tok.p, "language-", 9) == 0)
            skip = 9;
        else if (tok.n > 5 && memcmp(tok.p, "lang-", 5) == 0)
            skip = 5;
        if (skip == 0)
            continue;
        size_t k = skip;
        while (k < tok.n && k - skip < 32) {
            char c = tok.p[k];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '+' || c == '#' || c == '-' || c == '_' || c == '.'))
                break;
            k++;
        }
        if (k == skip)
            continue;
        size_t ln = k - skip;
        char *p = wn_arena_alloc(&dst->arena, 9 + ln + 1);
        if (p == NULL)
            return -1;
        memcpy(p, "language-", 9);
        memcpy(p + 9, tok.p + skip, ln);
        p[9 + ln] = '\0';
        a->name = WN_STR_LIT("class");
        a->value = wn_str_make(p, 9 + ln);
        a->ns = 0;
        return 1;
    }
    return 0;
}

/* Copy the allowed attributes of src onto the new element el. Returns 0, -1 on
 * OOM, or 1 when the element cannot be kept (a link or image without a safe URL). */
static int copy_attrs(wn_doc *dst, wn_node *el, const wn_node *src, wn_url_resolver *urls)
{
    wn_attr at[3];
    uint32_t n = 0;
    size_t len = 0;
    const char *u;
    wn_str v;

    switch (el->tag) {
    case WN_TAG_A:
        if (wn_dom_attr(src, "href") == NULL)
            return 1;
        v = wn_dom_attr_value(src, "href");
        u = wn_url_resolve(urls, &dst->arena, v, false, &len);
        if (u == NULL)
            return 1;
        at[n++] = (wn_attr){ WN_STR_LIT("href"), wn_str_make(u, len), 0 };
        break;
    case WN_TAG_IMG:
        v = image_source(src);
        if (v.n == 0)
            return 1;
        u = wn_url_resolve(urls, &dst->arena, v, true, &len);
        if (u == NULL)
            return 1;
        at[n++] = (wn_attr){ WN_STR_LIT("src"), wn_str_make(u, len), 0 };
        for (int i = 0; i < 2; i++) {
            const char *name = i ? "title" : "alt";
            const wn_attr *a = wn_dom_attr(src, name);
            if (a == NULL)
                continue;
            wn_str c = copy_collapsed(dst, a->value);
            if (c.p == NULL)
                return -1;
            at[n++] = (wn_attr){ wn_str_make(name, strlen(name)), c, 0 };
        }
        break;
    case WN_TAG_TD: case WN_TAG_TH:
        for (int i = 0; i < 2; i++) {
            const char *name = i ? "rowspan" : "colspan";
            v = number_attr(src, name, false);
            if (v.n == 0)
                continue;
            wn_str c = copy_str(dst, v);
            if (c.p == NULL)
                return -1;
            at[n++] = (wn_attr){ wn_str_make(name, strlen(name)), c, 0 };
        }
        break;
    case WN_TAG_OL:
        v = number_attr(src, "start", true);
        if (v.n) {
            wn_str c = copy_str(dst, v);
            if (c.p == NULL)
                return -1;
            at[n++] = (wn_attr){ WN_STR_LIT("start"), c, 0 };
        }
        break;
    case WN_TAG_PRE: case WN_TAG_CODE: {
        int rc = code_class(dst, src, &at[n]);
        if (rc < 0)
            return -1;
        n += (uint32_t)rc;
        break;
    }
    default:
        break;
    }
    if (n && wn_dom_set_attrs(dst, el, at, n) != 0)
        return -1;
    return 0;
}

/* MARK: Pass 1: copy ---------------------------------------------------------- */

typedef struct frame {
    const wn_node *src;
    wn_node *saved_cur;   /* where copying continues after src */
    uint8_t act;
    uint8_t saved_pre;
    uint8_t scanned;      /* an inline element whose subtree holds no block */
} frame;

typedef struct copier {
    wn_doc *dst;
    wn_url_resolver url;
    unsigned flags;
    wn_node *cur;         /* dst node receiving copies */
    bool in_pre;
    bool split_glued;     /* pages of many parts: words glued at an element's edge are split */
    bool edge;            /* an element began or ended since the last text */
    char last;            /* the last byte of text copied (0 after a block boundary) */
    size_t scanned;       /* open inline elements known to hold no block */
    frame *stack;
    size_t depth, cap;
} copier;

static int append_text(copier *c, const char *p, size_t n)
{
    wn_node *t = wn_dom_new_text(c->dst, wn_str_make(p, n));
    if (t == NULL)
        return -1;
    wn_dom_append(c->cur, t);
    if (n)
        c->last = p[n - 1];
    c->edge = false;
    return 0;
}

/* Two words that meet at an element's edge with no space, a lowercase letter
 * before and a capital after ("<span>Trail</span><span>Runner 2</span>"):
 * on a page of many parts, a card's brand and name or a row's labels, which
 * the page's style sets on lines of their own. They take a space, not one
 * glued word. (In a story's running text such a seam is a photo credit and
 * its name, which text-content references keep glued.) */
static bool glued_at_edge(const copier *c, const char *p, size_t n)
{
    return c->split_glued && c->edge && !c->in_pre && n > 0 && c->last >= 'a' && c->last <= 'z' &&
           p[0] >= 'A' && p[0] <= 'Z';
}

/* A paragraph boundary: a marker in block context, a space inside a line, a
 * newline inside pre. */
static int boundary(copier *c)
{
    if (c->in_pre)
        return append_text(c, "\n", 1);
    if (is_phrasing_container(c->cur))
        return append_text(c, " ", 1);
    if (c->cur->type == WN_NODE_ELEMENT && is_table_part(c->cur->tag))
        return 0;
    c->last = 0;
    if (c->cur->last && (c->cur->last->flags & MARK_FLAG))
        return 0;
    wn_node *m = wn_dom_new_element(c->dst, WN_NS_HTML, WN_TAG_UNKNOWN, wn_str_make("", 0));
    if (m == NULL)
        return -1;
    m->flags |= MARK_FLAG;
    wn_dom_append(c->cur, m);
    return 0;
}

/* Does the inline element n hold a block (after cleaning)? Bounded scan; not
 * repeated below an inline element already scanned, whose subtree contains
 * this one's (so nesting costs nothing more). */
static bool holds_block(const wn_node *n, unsigned flags)
{
    size_t seen = 0;
    for (const wn_node *x = n->first ? n->first : NULL; x; ) {
        bool skip = false;
        if (++seen > SCAN_LIMIT)
            return false;
        if (x->type == WN_NODE_ELEMENT) {
            unsigned tag;
            action a = classify(x, flags, &tag);
            if ((x->flags & WN_NODE_FLAG_DROPPED) || a == ACT_DROP)
                skip = true;
            else if (a == ACT_BLOCK || (a == ACT_KEEP && !is_inline_tag(tag)))
                return true;
        }
        x = wn_dom_next(n, x, skip);
    }
    return false;
}

/* Is a kept block element allowed directly in c->cur? */
static bool block_fits(const copier *c, unsigned tag)
{
    const wn_node *cur = c->cur;
    unsigned ct = cur->type == WN_NODE_ELEMENT ? cur->tag : 0;
    if (c->in_pre || is_phrasing_container(cur))
        return false;
    switch (tag) {
    case WN_TAG_LI:
        return ct == WN_TAG_UL || ct == WN_TAG_OL;
    case WN_TAG_DT: case WN_TAG_DD:
        return ct == WN_TAG_DL;
    case WN_TAG_TR:
        return ct == WN_TAG_TABLE || ct == WN_TAG_THEAD || ct == WN_TAG_TBODY || ct == WN_TAG_TFOOT;
    case WN_TAG_TD: case WN_TAG_TH:
        return ct == WN_TAG_TR;
    case WN_TAG_THEAD: case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_CAPTION:
        return ct == WN_TAG_TABLE;
    case WN_TAG_FIGCAPTION:
        return ct == WN_TAG_FIGURE;
    default:
        return !is_table_part(ct);
    }
}

static int push(copier *c, const wn_node *src, action act)
{
    if (c->depth == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        frame *s = realloc(c->stack, cap * sizeof *s);
        if (s == NULL)
            return -1;
        c->stack = s;
        c->cap = cap;
    }
    c->stack[c->depth++] = (frame){ src, c->cur, (uint8_t)act, (uint8_t)c->in_pre, 0 };
    return 0;
}

/* Enter source node n. Returns 1 to descend into its children, 0 to skip them, -1 on OOM. */
/* A heading's anchor mark ("Install¶", wn_anchor_mark): no part of its words. */
static bool heading_anchor(const wn_node *a)
{
    int depth = 0;
    for (const wn_node *h = a->parent; h && depth < WN_TUNE.walk.anchor_mark_levels;
         h = h->parent, depth++)
        if (h->type == WN_NODE_ELEMENT && h->ns == WN_NS_HTML && h->tag >= WN_TAG_H1 &&
            h->tag <= WN_TAG_H6)
            return wn_anchor_mark(a);
    return false;
}

static int enter(copier *c, const wn_node *n)
{
    unsigned tag;
    action act;

    if (n->flags & WN_NODE_FLAG_DROPPED)
        return 0;
    if (n->type == WN_NODE_TEXT) {
        if (n->text.n == 0)
            return 0;
        wn_str s = c->in_pre ? copy_pre(c->dst, n->text) : copy_collapsed(c->dst, n->text);
        if (s.p == NULL)
            return -1;
        if (glued_at_edge(c, s.p, s.n) && append_text(c, " ", 1))
            return -1;
        return append_text(c, s.p, s.n) ? -1 : 0;
    }
    if (n->type == WN_NODE_DOCUMENT)
        return n->first ? (push(c, n, ACT_UNWRAP) ? -1 : 1) : 0;
    if (n->type != WN_NODE_ELEMENT)
        return 0;   /* comments, doctypes */
    if (c->depth >= MAX_STACK)
        return 0;
    c->edge = true;

    act = classify(n, c->flags, &tag);
    if (act == ACT_DROP || (tag == WN_TAG_A && heading_anchor(n)))
        return 0;
    if (c->in_pre && act == ACT_KEEP) {
        /* Inside pre only the text matters (and code's language class). */
        if (tag == WN_TAG_BR)
            return append_text(c, "\n", 1) ? -1 : 0;
        if (tag == WN_TAG_IMG)
            return 0;
        if (!(tag == WN_TAG_CODE && wn_is_html(c->cur, WN_TAG_PRE)))
            act = is_inline_tag(tag) ? ACT_UNWRAP : ACT_BLOCK;
    } else if (act == ACT_KEEP && is_inline_tag(tag)) {
        if (tag != WN_TAG_BR && tag != WN_TAG_IMG && c->scanned == 0 && holds_block(n, c->flags))
            act = ACT_UNWRAP;   /* <a><h3>..</h3><p>..</p></a>: keep the structure, lose the link */
    } else if (act == ACT_KEEP && !block_fits(c, tag)) {
        act = ACT_BLOCK;
    }

    if (act == ACT_KEEP) {
        wn_node *el = wn_clean_new_el(c->dst, tag);
        if (el == NULL)
            return -1;
        int rc = copy_attrs(c->dst, el, n, &c->url);
        if (rc < 0)
            return -1;
        if (rc > 0) {
            if (tag == WN_TAG_IMG)
                return 0;       /* no safe source: nothing to show */
            act = ACT_UNWRAP;   /* a link without a safe href: keep its text */
        } else {
            wn_dom_append(c->cur, el);
            if (tag == WN_TAG_BR || tag == WN_TAG_IMG || tag == WN_TAG_HR || n->first == NULL)
                return 0;
            if (push(c, n, act))
                return -1;
            c->cur = el;
            if (tag == WN_TAG_PRE)
                c->in_pre = true;
            if (is_inline_tag(tag)) {
                c->stack[c->depth - 1].scanned = 1;
                c->scanned++;
            }
            return 1;
        }
    }
    if (n->first == NULL)
        return 0;
    if (act == ACT_BLOCK && boundary(c))
        return -1;
    if (push(c, n, act))
        return -1;
    return 1;
}

static int leave(copier *c, const wn_node *n)
{
    if (c->depth == 0 || c->stack[c->depth - 1].src != n)
        return 0;
    frame f = c->stack[--c->depth];
    c->edge = true;
    c->cur = f.saved_cur;
    c->scanned -= f.scanned;
    c->in_pre = f.saved_pre;
    if (f.act == ACT_BLOCK)
        return boundary(c);
    return 0;
}

static int copy_tree(copier *c, const wn_node *src)
{
    const wn_node *n = src;
    while (n) {
        int rc = enter(c, n);
        if (rc < 0)
            return -1;
        if (rc > 0 && n->first) {
            n = n->first;
            continue;
        }
        for (;;) {
            if (leave(c, n))
                return -1;
            if (n == src)
                return 0;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    return 0;
}

/* MARK: Entry point ---------------------------------------------------------- */

wn_node *wn_clean_clone(wn_doc *dst, const wn_node *src, const char *base_url, unsigned flags)
{
    copier c;
    wn_node *frag = wn_dom_new_fragment(dst);
    if (frag == NULL)
        return NULL;
    if (src == NULL)
        return frag;
    memset(&c, 0, sizeof c);
    c.dst = dst;
    wn_url_resolver_init(&c.url, base_url);
    c.flags = flags;
    c.split_glued = (flags & WN_CLEAN_SPLIT_GLUED) != 0;
    c.cur = frag;
    int rc = copy_tree(&c, src);
    free(c.stack);
    wn_url_resolver_fini(&c.url);
    if (rc != 0 || wn_clean_tidy(dst, frag) != 0)
        return NULL;
    return frag;
}
