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

#include "dom/dom.h"

/* Copy the subtree at src (skipping nodes flagged WN_NODE_FLAG_DROPPED) into dst,
 * returning a new WN_NODE_DOCUMENT fragment in dst, or NULL when out of memory.
 * Text is copied into dst's arena. Relative href/src are resolved against
 * base_url (may be NULL). flags: WN_OPT_* (NO_TABLES drops tables). */
wn_node *wn_clean_clone(wn_doc *dst, const wn_node *src, const char *base_url, unsigned flags);

#endif
