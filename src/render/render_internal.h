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
    size_t flushed;     /* bytes already handed to the sink */
    int hold;           /* > 0: keep bytes buffered (they may be taken back) */
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

/* MARK: Line writer ---------------------------------------------------------- */

/* Turns a stream of blocks and inline text into lines for the text and
 * Markdown renderers. Separations are requested, not written: a request for a
 * new line (1) or a blank line (2) is honoured before the next visible byte,
 * so empty blocks leave no trace. Whitespace between words collapses to one
 * space and vanishes at line ends. Markdown containers (block quotes, list
 * items) are levels whose prefix starts every line inside them. With cell set,
 * output goes to that buffer on one line instead (Markdown table cells). */

#define WN_LW_MAX_LEVELS 64     /* deeper containers add no further indentation */
#define WN_LW_MAX_PREFIX 16

typedef struct wn_lw_level {
    char first[WN_LW_MAX_PREFIX], cont[WN_LW_MAX_PREFIX];
    uint8_t nfirst, ncont;
    bool started;               /* first line written: later lines use cont */
} wn_lw_level;

/* Escapes applied by wn_lw_text (Markdown only). */
#define WN_ESC_MD       1u      /* Markdown-significant characters */
#define WN_ESC_PIPE     2u      /* | inside table cells */
#define WN_ESC_BRACKETS 4u      /* [ ] inside link text */
#define WN_ESC_HEADING  8u      /* # starting a word inside a heading */

#define WN_LW_MAX_FRAMES 64     /* deeper inline nesting gets no delimiters */
#define WN_LW_MAX_RUN 8

/* An inline opener (emphasis, link bracket, heading marks) waiting for content. */
typedef struct wn_lw_frame {
    char delim[8];
    uint8_t n;
    bool emph;                  /* * ** ~~: CommonMark's flanking rules apply */
    uint8_t state;              /* 0 pending, 1 written, 2 dropped */
    size_t pos;                 /* absolute output offset of the written opener */
} wn_lw_frame;

typedef struct wn_lw {
    wn_out *out;
    wn_buf *cell;               /* non-NULL: write here, on one line */
    size_t cell_start;          /* cell content starts at this offset in *cell */
    bool markdown;              /* hard breaks as backslash-newline, NBSP as space */
    int sep;                    /* pending separation: 0, 1 (newline), 2 (blank line) */
    bool any;                   /* something was written (a line is open) */
    bool bol;                   /* at the start of a line's content (after prefixes) */
    bool pending_space, pending_break, no_space;
    int last;                   /* class of the last content character written */
    wn_lw_level level[WN_LW_MAX_LEVELS];
    size_t nlevels, skipped_levels;
    wn_lw_frame frame[WN_LW_MAX_FRAMES];
    size_t nframes, frames_over;
    wn_lw_frame deferred[WN_LW_MAX_FRAMES];   /* closers waiting for the next character */
    size_t ndeferred;
    char run[WN_LW_MAX_RUN][8]; /* emphasis closers written back to back... */
    uint8_t runn[WN_LW_MAX_RUN];
    size_t nrun;
    size_t run_end;             /* ...ending at this offset */
    wn_buf scratch;             /* one rewritten run of text; freed by wn_lw_finish */
} wn_lw;

void wn_lw_init(wn_lw *lw, wn_out *out, bool markdown);
/* Ask for at least this separation (1 newline, 2 blank line) before what follows. */
void wn_lw_block(wn_lw *lw, int sep);
/* A space between words (dropped at a line start or end). */
void wn_lw_space(wn_lw *lw);
/* A hard line break inside a paragraph (dropped at its start or end). */
void wn_lw_break(wn_lw *lw);
/* Inline text: whitespace collapses; esc = WN_ESC_* bits. */
void wn_lw_text(wn_lw *lw, const char *p, size_t n, unsigned esc);
/* Inline bytes written as they are (after any pending separation and space). */
void wn_lw_inline_raw(wn_lw *lw, const char *p, size_t n);
/* A whole line written as it is on a line of its own (fences, code, rules). */
void wn_lw_line(wn_lw *lw, const char *p, size_t n);
/* An opening delimiter, written only if content follows before the close.
 * emph: an emphasis run (* ** ~~), written only where CommonMark lets it open
 * and close; its closer is then written by wn_lw_close itself. */
void wn_lw_open(wn_lw *lw, const char *delim, bool emph);
/* Closes the innermost opener. true when its opener was written: for a
 * non-emphasis opener, the caller then writes the closer (wn_lw_append). */
bool wn_lw_close(wn_lw *lw);
/* Write everything owed before p[0..n) (which the caller then writes). */
void wn_lw_prepare(wn_lw *lw, const char *p, size_t n);
/* Output offset of the next byte (after wn_lw_prepare: where p will go). */
size_t wn_lw_offset(const wn_lw *lw);
/* Bytes written right here, owing nothing first (closing delimiters). */
void wn_lw_append(wn_lw *lw, const char *p, size_t n);
/* Container levels (Markdown): prefix for the first line and for the others. */
void wn_lw_push(wn_lw *lw, const char *first, const char *cont);
void wn_lw_pop(wn_lw *lw);
/* End: the final newline; frees the writer's scratch memory. */
void wn_lw_finish(wn_lw *lw);

/* The body of the text and Markdown renderers, on a line writer the caller
 * set up (so that comments can follow in the same stream). */
void wn_text_fragment(wn_lw *lw, const wn_node *frag, unsigned flags);
void wn_md_fragment(wn_lw *lw, const wn_node *frag, unsigned flags);

/* Markdown escaping of p[0..n) into out, not line-start aware (alt text). */
int wn_md_escape(wn_buf *out, const char *p, size_t n, unsigned esc);

#endif
