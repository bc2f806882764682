/*
 * render_internal.h: pieces shared by the renderers (walk.c): a buffered
 * output that feeds the caller's sink, an enter/leave tree walker that never
 * recurses, and the block/inline classification of the cleaned vocabulary.
 */
#ifndef WN_RENDER_INTERNAL_H
#define WN_RENDER_INTERNAL_H

#include <stdbool.h>

#include "core/buf.h"
#include "dom/dom.h"
#include "winnow.h"

/* MARK: Buffered output ------------------------------------------------------ */

/* Bytes collect in buf and go to the sink in 16 KiB pieces. When sink is NULL
 * everything stays in buf (used to render into memory). Once failed, stays failed. */
typedef struct wn_out {
    wn_buf buf;
    wn_sink_fn sink;
    void *ctx;
    wn_status failed;
} wn_out;

void wn_out_init(wn_out *o, wn_sink_fn sink, void *ctx);
void wn_out_put(wn_out *o, const char *p, size_t n);
void wn_out_putc(wn_out *o, char c);
void wn_out_puts(wn_out *o, const char *s);
/* Flush what is left, free the buffer, return WN_OK, WN_ERR_IO (sink stopped)
 * or WN_ERR_NOMEM. */
wn_status wn_out_finish(wn_out *o);

/* MARK: Walker --------------------------------------------------------------- */

/* Visits every node below root twice: entering, then (after its children)
 * leaving. wn_walk_skip() during an enter skips the children and the leave. */
typedef struct wn_walk {
    const wn_node *root, *node;
    bool entering;
    bool started;
} wn_walk;

void wn_walk_init(wn_walk *w, const wn_node *root);
bool wn_walk_next(wn_walk *w);
void wn_walk_skip(wn_walk *w);

/* MARK: Vocabulary ----------------------------------------------------------- */

/* Inline (phrasing) elements of the cleaned vocabulary; text is inline too. */
bool wn_render_is_inline(const wn_node *n);
/* h1..h6 -> 1..6, else 0. */
int wn_render_heading_level(const wn_node *n);
/* Append the text below n (pre: verbatim) to out; 0 or -1. */
int wn_render_subtree_text(const wn_node *n, wn_buf *out);
/* Language of a pre/code from class="language-X" on it or on its code child:
 * a slice into the attribute, empty when none. */
wn_str wn_render_code_lang(const wn_node *pre);
/* Parsed colspan/rowspan: 1..max, 1 when absent or malformed. */
unsigned wn_render_span(const wn_node *cell, const char *name, unsigned max);

#endif
