/*
 * text.c: the plain-text renderer. Blocks are separated by one blank line,
 * list items and table rows take one line each (cells joined by " | "), pre
 * text is kept verbatim; no markup at all. Exact rules: docs/internals/RENDER.md.
 */
#include "render/render.h"
#include "render/render_internal.h"

typedef struct text_state {
    wn_lw *lw;
    int list_depth;    /* open ul/ol/dl */
    int table_depth;   /* open tables; only the outermost one has rows */
    int cell_depth;    /* inside a cell of the outermost table */
    int heading;       /* inside h1..h6: breaks become spaces */
    int row_cells;     /* cells written in the current row */
} text_state;

/* The separation between blocks here: a space inside a table cell, a line
 * inside a list, else a blank line. */
static void block_sep(text_state *s)
{
    if (s->cell_depth)
        wn_lw_space(s->lw);
    else
        wn_lw_block(s->lw, s->list_depth ? 1 : 2);
}

static void write_pre(text_state *s, const wn_node *pre)
{
    wn_buf b;
    wn_buf_init(&b, 0);
    if (wn_render_subtree_text(pre, &b) != 0) {
        s->lw->out->failed = WN_ERR_NOMEM;
        wn_buf_fini(&b);
        return;
    }
    size_t n = b.n;
    while (n > 0 && (b.p[n - 1] == '\n' || b.p[n - 1] == ' ' || b.p[n - 1] == '\t'))
        n--;
    if (n == 0) {
        wn_buf_fini(&b);
        return;
    }
    if (s->cell_depth) {
        wn_lw_text(s->lw, b.p, n, 0);
    } else {
        block_sep(s);
        size_t i = 0;
        while (i <= n) {
            size_t j = i;
            while (j < n && b.p[j] != '\n')
                j++;
            wn_lw_line(s->lw, b.p + i, j - i);
            i = j + 1;
        }
        block_sep(s);
    }
    wn_buf_fini(&b);
}

/* A table's caption comes first, wherever the markup put it (the parser keeps
 * a caption written after the rows there), as in the Markdown renderer; a
 * second caption is ignored by both. */
static void write_caption(text_state *s, const wn_node *table)
{
    const wn_node *cap = table->first;
    while (cap && !wn_is_html(cap, WN_TAG_CAPTION))
        cap = cap->next;
    if (cap == NULL)
        return;
    block_sep(s);
    for (const wn_node *x = cap; x; x = wn_dom_next(cap, x, false)) {
        if (x->type == WN_NODE_TEXT)
            wn_lw_text(s->lw, x->text.p, x->text.n, 0);
        else if (x->type == WN_NODE_ELEMENT && !wn_render_is_inline(x))
            wn_lw_space(s->lw);
        else if (wn_is_html(x, WN_TAG_BR))
            wn_lw_space(s->lw);
    }
    block_sep(s);
}

static void enter(text_state *s, wn_walk *w, const wn_node *n)
{
    if (n->type == WN_NODE_TEXT) {
        wn_lw_text(s->lw, n->text.p, n->text.n, 0);
        return;
    }
    if (n->type != WN_NODE_ELEMENT)
        return;
    switch (n->tag) {
    case WN_TAG_BR:
        if (s->heading)
            wn_lw_space(s->lw);
        else if (s->cell_depth)
            wn_lw_space(s->lw);
        else
            wn_lw_break(s->lw);
        break;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6:
        s->heading++;
        block_sep(s);
        break;
    case WN_TAG_P: case WN_TAG_BLOCKQUOTE: case WN_TAG_FIGURE: case WN_TAG_FIGCAPTION:
    case WN_TAG_HR:
        block_sep(s);
        break;
    case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_DL:
        block_sep(s);
        s->list_depth++;
        break;
    case WN_TAG_LI: case WN_TAG_DT: case WN_TAG_DD:
        block_sep(s);
        break;
    case WN_TAG_PRE:
        write_pre(s, n);
        wn_walk_skip(w);
        break;
    case WN_TAG_TABLE:
        block_sep(s);
        if (s->table_depth++ == 0 && s->cell_depth == 0)
            write_caption(s, n);
        break;
    case WN_TAG_CAPTION:
        if (s->table_depth == 1 && s->cell_depth == 0)
            wn_walk_skip(w);   /* written when the table began */
        else
            block_sep(s);
        break;
    case WN_TAG_TR:
        if (s->table_depth == 1 && s->cell_depth == 0) {
            wn_lw_block(s->lw, 1);
            s->row_cells = 0;
        } else {
            wn_lw_space(s->lw);
        }
        break;
    case WN_TAG_TD: case WN_TAG_TH:
        if (s->table_depth == 1 && s->cell_depth == 0) {
            if (s->row_cells++) {
                /* " | " between cells, but no space at a line's end after an
                 * empty last cell: the space waits for the next visible byte */
                wn_lw_inline_raw(s->lw, " |", 2);
                wn_lw_space(s->lw);
            }
            s->cell_depth++;
        } else {
            wn_lw_space(s->lw);
        }
        break;
    default:
        break;
    }
}

static void leave(text_state *s, const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT)
        return;
    switch (n->tag) {
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6:
        s->heading--;
        block_sep(s);
        break;
    case WN_TAG_P: case WN_TAG_BLOCKQUOTE: case WN_TAG_FIGURE: case WN_TAG_FIGCAPTION:
    case WN_TAG_CAPTION: case WN_TAG_HR: case WN_TAG_LI: case WN_TAG_DT: case WN_TAG_DD:
        block_sep(s);
        break;
    case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_DL:
        s->list_depth--;
        block_sep(s);
        break;
    case WN_TAG_TABLE:
        s->table_depth--;
        block_sep(s);
        break;
    case WN_TAG_TD: case WN_TAG_TH:
        if (s->table_depth == 1 && s->cell_depth == 1)
            s->cell_depth--;
        break;
    default:
        break;
    }
}

void wn_text_fragment(wn_lw *lw, const wn_node *frag, unsigned flags)
{
    text_state s = { lw, 0, 0, 0, 0, 0 };
    wn_walk w;
    (void)flags;
    wn_walk_init(&w, frag);
    while (wn_walk_next(&w)) {
        if (w.entering)
            enter(&s, &w, w.node);
        else
            leave(&s, w.node);
    }
}

wn_status wn_render_text(const wn_node *frag, unsigned flags, wn_sink_fn sink, void *ctx)
{
    wn_out out;
    wn_lw lw;
    wn_out_init(&out, sink, ctx);
    wn_lw_init(&lw, &out, false);
    if (frag)
        wn_text_fragment(&lw, frag, flags);
    wn_lw_finish(&lw);
    return wn_out_finish(&out);
}
