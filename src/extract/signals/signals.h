/*
 * signals.h: the bottom layer of the extractor. What one element or one run of
 * text says on its own, before any decision: the class/id vocabulary
 * (vocab.c), visibility and roles (visible.c), text measures (text.c) and
 * stop words (stopwords.c). Knows nothing of metadata or content choice.
 */
#ifndef WN_EXTRACT_SIGNALS_SIGNALS_H
#define WN_EXTRACT_SIGNALS_SIGNALS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/str.h"
#include "dom/dom.h"

/* The measures of one run of text: characters (code points, a whitespace run
 * counted once), commas and words. */
typedef struct wn_tstat {
    uint32_t text, commas, words;
} wn_tstat;

/* Subtree totals of an element: the measures of the text inside it, then
 * what only elements have. link10 weighs link text by 10 (fragment links by
 * 3) so the ratio link10 / (10 * text) is the link density. */
typedef struct wn_cstat {
    uint32_t text, commas, words;
    uint32_t link10, head, list;
    uint32_t p, img, li, input, embed, a;
} wn_cstat;

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
#define VC_SLIDER   0x2000u  /* product pages only: a carousel, a rail unless inside VC_PRODUCT_DESC */
#define VC_DONE     0x8000u  /* vc[] only: the names were matched (kept across attempts) */

/* The attributes the extractor reads, found in one scan of an element. */
typedef struct wn_elattrs {
    wn_str cls, id, style, role, rel, itemprop, aria_hidden, aria_modal;
    bool hidden;
    bool labelled;   /* aria-labelledby: named by another element (a tab, a trigger) */
} wn_elattrs;

/* vocab.c: the VC_* bits named by a class or id value. */
unsigned wn_vocab_match(const char *p, size_t n);
unsigned wn_vocab_check(void);   /* tests: patterns that fail to match their own text */

/* visible.c */
void     wn_attrs_scan(const wn_node *el, wn_elattrs *a);
bool     wn_attrs_hidden(const wn_elattrs *a);
bool     wn_attrs_role_unlikely(const wn_elattrs *a);
bool     wn_attrs_role_overlay(const wn_elattrs *a);   /* role dialog: never content */
bool     wn_attrs_panel(const wn_elattrs *a);
bool     wn_node_hidden(const wn_node *el);
/* A heading's self-link mark: <a href="#..."> showing no letter or digit, only
 * a symbol or two (a pilcrow, "#", a section sign, a link emoji) or nothing
 * (an icon). Documentation generators put one in every heading; it is no
 * part of the heading's words. Callers check that a is in a heading. */
bool     wn_anchor_mark(const wn_node *a);

/* A byte that continues a word: lowercase ASCII letters, digits, any
 * non-ASCII byte (callers lower the text first). */
static inline bool wn_word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80;
}

/* text.c: whether a non-ASCII code point is a sign rather than a letter or
 * digit: Latin-1 punctuation and signs (U+00A0-U+00BF), general punctuation,
 * arrows, symbols and dingbats (U+2000-U+2BFF), CJK punctuation, the private
 * use area (icon fonts), variation selectors, the BOM, pictographs (emoji). */
bool     wn_cp_is_sign(uint32_t cp);
/* text.c: adds the measures of text[0..n) to *s. */
void     wn_text_stats(const char *p, size_t n, wn_tstat *s);
/* Whether needle occurs in buf[0..n) with no letter or digit before it. */
bool     wn_has_word_start(const char *buf, size_t n, const char *needle);
/* The same for a needle of m bytes (a lexicon phrase and its wn_lex_ROLE_len). */
bool     wn_has_word_start_n(const char *buf, size_t n, const char *needle, size_t m);

/* Siblings alike: the same tag and the same first class token, as two cards of
 * one grid or two rows of one list are (their other classes vary: "featured",
 * "sale"). Asked in the page-type runs and the list rules, per sibling: inline. */
static inline bool wn_alike(const wn_node *a, const wn_node *b)
{
    if (a->tag != b->tag || a->tag == WN_TAG_UNKNOWN)
        return false;
    wn_str ca = wn_dom_attr_value(a, "class"), cb = wn_dom_attr_value(b, "class");
    size_t i = 0, j = 0;
    while (i < ca.n && !wn_is_space((unsigned char)ca.p[i]))
        i++;
    while (j < cb.n && !wn_is_space((unsigned char)cb.p[j]))
        j++;
    return i == j && (i == 0 || !memcmp(ca.p, cb.p, i));
}

/* stopwords.c */
bool     wn_is_stopword(const char *w, size_t n);
bool     wn_is_cjk_stop(uint32_t cp);

#endif
