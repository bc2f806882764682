/*
 * clean.h: copy the kept part of a page's DOM into the article's own document,
 * reduced to a safe, small vocabulary: h1-h6 p ul ol li blockquote pre code
 * table thead tbody tfoot tr th td caption figure figcaption img a em strong b i
 * u s sub sup br hr dl dt dd (plus a div/section flattening). Nothing executable
 * survives: no script/style/iframe/object/embed/form, no event-handler or style
 * attribute, no javascript:/vbscript:/data: (except data:image) URL.
 */
#ifndef WN_EXTRACT_CLEAN_H
#define WN_EXTRACT_CLEAN_H

#include <stdbool.h>
#include <string.h>

#include "dom/dom.h"

/* Copy the subtree at src (skipping nodes flagged WN_NODE_FLAG_DROPPED) into dst,
 * returning a new WN_NODE_DOCUMENT fragment in dst, or NULL when out of memory.
 * Text is copied into dst's arena. Relative href/src are resolved against
 * base_url (may be NULL). flags: WN_OPT_* (NO_TABLES drops tables), and
 * WN_CLEAN_SPLIT_GLUED. */
wn_node *wn_clean_clone(wn_doc *dst, const wn_node *src, const char *base_url, unsigned flags);

/* A flag of wn_clean_clone's beside the WN_OPT_* ones: a lowercase letter and
 * a capital meeting at an element's edge get a space between them (pages of
 * many parts: a card's brand and name in two spans). */
#define WN_CLEAN_SPLIT_GLUED 0x80000000u

/* Between the cleaner's passes (clean.c copies, tidy.c tidies): */

/* A private flag on nodes of the article document only: a paragraph boundary
 * left where a block wrapper (div, section...) was unwrapped. Pass 2 removes it. */
#define MARK_FLAG 0x40000000u

/* Whether n is inline content in the clean vocabulary. */
bool wn_clean_inline_node(const wn_node *n);

/* A new HTML element of the given tag in d. */
static inline wn_node *wn_clean_new_el(wn_doc *d, unsigned tag)
{
    const char *name = wn_tag_name((uint16_t)tag);
    return wn_dom_new_element(d, WN_NS_HTML, (uint16_t)tag, wn_str_make(name, strlen(name)));
}

/* Passes 2-4 on a fresh copy. Returns 0, or -1 when out of memory. */
int wn_clean_tidy(wn_doc *d, wn_node *frag);

#endif
