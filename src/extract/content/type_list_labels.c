/*
 * type_list_labels.c: the buttons and badges of a grid's cards. Beside its
 * title and price a shop's card carries the page's machinery: "Add to cart",
 * "Quick view", "Compare", "Sponsored", "Out of stock", a rating's count
 * "(132)"; a list page adds "Load more", "Sort: Best match", "Skip to
 * product list". Each is an element of its own whose whole text is the
 * label, repeated card after card and site after site, and no reader's copy
 * of the page keeps it. On the page types whose content is a grid or a list
 * (label_types), an element of the article whose whole visible text, folded
 * (case, punctuation and symbols aside), is a ui_label phrase, or a bare
 * count in parentheses, is dropped ("ui-label" in --explain). Whole text
 * only: a "Learn more" inside a sentence is prose. Runs once on the chosen
 * article, whichever path chose it (content.c).
 */
#include <string.h>

#include "extract/content/content_internal.h"
#include "extract/content/type_rules.h"
#include "core/utf8.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/signals.h"

/* The page types whose article is a grid or a list of items, or a product
 * with rails of other products' cards. (Service pages keep their "Learn
 * more" buttons in the wcxb-dev truth; articles and the rest never run it.) */
static bool label_types(wn_page_type t)
{
    return t == WN_PAGE_COLLECTION || t == WN_PAGE_LISTING || t == WN_PAGE_PRODUCT;
}

/* Whether the UTF-8 sequence s[0..len) is a mark around a label, not a
 * letter of it: ASCII punctuation and spaces, or a sign (wn_cp_is_sign:
 * punctuation, arrows, icon-font glyphs, emoji). */
static bool is_mark(const unsigned char *s, size_t len)
{
    if (len == 1)
        return !((s[0] >= '0' && s[0] <= '9') || ((s[0] | 0x20) >= 'a' && (s[0] | 0x20) <= 'z'));
    uint32_t cp;
    return wn_utf8_decode(s, len, &cp) == len && wn_cp_is_sign(cp);
}

typedef struct label_buf {
    char p[64];      /* the folded text: letters and digits, one space between words */
    size_t n;
    bool gap;        /* a mark since the last letter */
    bool over;       /* longer than p holds: no label */
    bool in_num;     /* inside a number (folded to one 0) */
    /* how far the raw text without spaces reads as "(" digits ")": a count */
    enum { COUNT_START, COUNT_OPEN, COUNT_DIGITS, COUNT_CLOSED, COUNT_NOT } count;
} label_buf;

/* Folds one text node's bytes into b: ASCII and Latin-1 capitals lowered,
 * marks turned into one space between words. */
static void fold_text(label_buf *b, wn_str t)
{
    for (size_t i = 0; i < t.n && !b->over; ) {
        const unsigned char *s = (const unsigned char *)t.p + i;
        size_t len = wn_utf8_seq_len(s[0]);
        if (i + len > t.n)
            len = 1;
        i += len;
        bool digit = len == 1 && s[0] >= '0' && s[0] <= '9';
        /* The count test reads every byte but spaces. */
        if (!(len == 1 && wn_is_space(s[0]))) {
            bool sep = len == 1 && (s[0] == ',' || s[0] == '.');
            if (b->count == COUNT_START && len == 1 && s[0] == '(')
                b->count = COUNT_OPEN;
            else if ((b->count == COUNT_OPEN && digit) || (b->count == COUNT_DIGITS && (digit || sep)))
                b->count = COUNT_DIGITS;
            else if (b->count == COUNT_DIGITS && len == 1 && s[0] == ')')
                b->count = COUNT_CLOSED;
            else
                b->count = COUNT_NOT;
        }
        if (b->in_num && (digit || (len == 1 && (s[0] == '.' || s[0] == ',') && i < t.n &&
                                    t.p[i] >= '0' && t.p[i] <= '9')))
            continue;   /* the rest of a number: "12.99" and "1,250" fold to one 0 */
        b->in_num = digit;
        if (is_mark(s, len) && !(len == 1 && s[0] == '%')) {
            b->gap = b->n > 0;
            continue;
        }
        if (b->n + len + 1 >= sizeof b->p) {
            b->over = true;
            return;
        }
        if (b->gap)
            b->p[b->n++] = ' ';
        b->gap = false;
        if (digit) {
            b->p[b->n++] = '0';
        } else if (len == 1) {
            b->p[b->n++] = wn_ascii_lower((char)s[0]);
        } else if (len == 2 && s[0] == 0xC3 && s[1] >= 0x80 && s[1] <= 0x9E && s[1] != 0x97) {
            b->p[b->n++] = (char)s[0];   /* a Latin-1 capital: its small letter is 0x20 on */
            b->p[b->n++] = (char)(s[1] + 0x20);
        } else {
            memcpy(b->p + b->n, s, len);
            b->n += len;
        }
    }
}

/* Whether an element's visible text (the blocks dropped or left out
 * skipped) is a label: a ui_label phrase or a count in parentheses. */
static bool is_label(const wn_cctx *c, const wn_node *x)
{
    label_buf b;
    b.n = 0;
    b.gap = b.over = b.in_num = false;
    b.count = COUNT_START;
    unsigned visited = 0;
    for (const wn_node *t = x; t && !b.over; ) {
        if (++visited > LABEL_MAX_NODES)
            return false;   /* no button holds so much */
        bool skip = t != x && t->type == WN_NODE_ELEMENT &&
                    (c->nf[t->id] & (CN_IGNORED | CN_DROPPED));
        if (t->type == WN_NODE_TEXT)
            fold_text(&b, t->text);
        t = wn_dom_next(x, t, skip);
    }
    if (b.over || b.n == 0)
        return false;
    if (b.count == COUNT_CLOSED)
        return true;
    b.p[b.n] = '\0';
    /* The role's phrases are in byte order: a binary search. */
    size_t lo = 0, hi = WN_LEX_UI_LABEL_N;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = strcmp(b.p, wn_lex_ui_label[mid]);
        if (cmp == 0)
            return true;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

/* A label that holds a picture (a card's image link with "Quick view" laid
 * over it, a button with its icon) loses its words, not the picture: each
 * part of it with text and no picture goes. */
static void drop_label_text(wn_cctx *c, wn_node *x)
{
    for (wn_node *t = x->first; t; ) {
        bool skip = false;
        if (t->type == WN_NODE_ELEMENT) {
            skip = !(c->nf[t->id] & CN_VISITED) || (c->nf[t->id] & (CN_IGNORED | CN_DROPPED));
            if (!skip && wn_st(c, t)->img == 0) {
                if (wn_st(c, t)->text > 0)
                    wn_drop(c, t, WHY_UI_LABEL);
                skip = true;
            }
        } else if (t->type == WN_NODE_TEXT && (c->nf[t->id] & CN_VISITED) && wn_totals(c, t).text > 0) {
            wn_drop(c, t, WHY_UI_LABEL);
        }
        t = wn_dom_next(x, t, skip);
    }
}

void wn_list_labels(wn_cctx *c)
{
    if (c->root == NULL || c->pt == NULL || !label_types(c->pt->type))
        return;
    for (wn_node *x = c->root; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT) {
            /* A highlighter's token ("new", "filter") is code, not a label. */
            skip = !(c->nf[x->id] & CN_VISITED) || (c->nf[x->id] & (CN_IGNORED | CN_DROPPED)) ||
                   wn_is_html(x, WN_TAG_PRE) || wn_is_html(x, WN_TAG_CODE);
            uint32_t text = skip ? 0 : wn_st(c, x)->text;
            /* A table's cell is a field of its row ("Colour | Black"), not a button. */
            bool cell = wn_is_html(x, WN_TAG_TD) || wn_is_html(x, WN_TAG_TH);
            if (!skip && !cell && x != c->root && !(c->nf[x->id] & CN_KEEP) && text > 0 &&
                text <= WN_TUNE.list.label_max_chars && is_label(c, x)) {
                if (wn_st(c, x)->img > 0)
                    drop_label_text(c, x);
                else
                    wn_drop(c, x, WHY_UI_LABEL);
                skip = true;
            }
        }
        x = wn_dom_next(c->root, x, skip);
    }
}
