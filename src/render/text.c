/*
 * text.c: the plain-text renderer. Blocks are separated by one blank line,
 * list items and table rows take one line each (cells joined by " | "), pre
 * text is kept verbatim; no markup at all. With WN_RENDER_LINKS a link's
 * address follows its text in angle brackets ("text <url>", the plain-text
 * delimiters of RFC 3986 appendix C); with WN_RENDER_IMAGES an image becomes
 * "[image: alt <src>]". Exact rules: docs/internals/RENDER.md.
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
    unsigned flags;    /* WN_RENDER_* */
    const wn_node *link;   /* the <a> whose address is written when it closes */
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

/* p[0..n) with every run of whitespace as one space, trimmed, into b. */
static int put_collapsed(wn_buf *b, const char *p, size_t n)
{
    bool space = false;
    int rc = 0;
    for (size_t i = 0; i < n; i++) {
        if (wn_is_space((unsigned char)p[i])) {
            space = b->n > 0;
            continue;
        }
        if (space)
            rc |= wn_buf_putc(b, ' ');
        space = false;
        rc |= wn_buf_putc(b, p[i]);
    }
    return rc;
}

/* The address written after a link: none when the link shows nothing, or
 * shows its own address already. */
static bool link_needs_address(const text_state *s, const wn_node *a, wn_str href)
{
    wn_buf t, shown;
    bool needed;
    if (href.n == 0)
        return false;
    wn_buf_init(&t, 0);
    wn_buf_init(&shown, 0);
    bool image = false;
    for (const wn_node *x = a->first; x; x = wn_dom_next(a, x, false))
        if (wn_is_html(x, WN_TAG_IMG))
            image = true;
    if (wn_render_subtree_text(a, &t) != 0 || put_collapsed(&shown, t.p ? t.p : "", t.n) != 0) {
        s->lw->out->failed = WN_ERR_NOMEM;
        needed = false;
    } else {
        needed = (shown.n > 0 || (image && (s->flags & WN_RENDER_IMAGES))) &&
                 !(shown.n == href.n && memcmp(shown.p, href.p, href.n) == 0);
    }
    wn_buf_fini(&t);
    wn_buf_fini(&shown);
    return needed;
}

/* " <url>" (or "<url>" where nothing precedes it on the line). */
static void write_address(text_state *s, wn_str url)
{
    wn_buf b;
    wn_buf_init(&b, 0);
    int rc = wn_buf_putc(&b, '<');
    rc |= put_collapsed(&b, url.p ? url.p : "", url.n);
    rc |= wn_buf_putc(&b, '>');
    if (rc) {
        s->lw->out->failed = WN_ERR_NOMEM;
    } else {
        wn_lw_space(s->lw);
        wn_lw_inline_raw(s->lw, b.p, b.n);
    }
    wn_buf_fini(&b);
}

static void write_image(text_state *s, const wn_node *img)
{
    wn_str alt = wn_dom_attr_value(img, "alt"), src = wn_dom_attr_value(img, "src");
    wn_buf b;
    wn_buf_init(&b, 0);
    int rc = wn_buf_puts(&b, "[image");
    size_t before = b.n;
    rc |= wn_buf_puts(&b, ": ");
    size_t mark = b.n;
    rc |= put_collapsed(&b, alt.p ? alt.p : "", alt.n);
    if (b.n == mark)
        b.n = before;   /* no alt text: "[image <src>]" */
    if (src.n) {
        rc |= wn_buf_puts(&b, " <");
        rc |= put_collapsed(&b, src.p, src.n);
        rc |= wn_buf_putc(&b, '>');
    }
    rc |= wn_buf_putc(&b, ']');
    if (rc)
        s->lw->out->failed = WN_ERR_NOMEM;
    else if (b.n > 7)   /* more than "[image]": something to show */
        wn_lw_inline_raw(s->lw, b.p, b.n);
    wn_buf_fini(&b);
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
    case WN_TAG_A:
        if ((s->flags & WN_RENDER_LINKS) && s->link == NULL &&
            link_needs_address(s, n, wn_dom_attr_value(n, "href")))
            s->link = n;
        break;
    case WN_TAG_IMG:
        if (s->flags & WN_RENDER_IMAGES)
            write_image(s, n);
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
    case WN_TAG_A:
        if (s->link == n) {
            write_address(s, wn_dom_attr_value(n, "href"));
            s->link = NULL;
        }
        break;
    default:
        break;
    }
}

void wn_text_fragment(wn_lw *lw, const wn_node *frag, unsigned flags)
{
    text_state s = { lw, 0, 0, 0, 0, 0, flags, NULL };
    wn_walk w;
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
