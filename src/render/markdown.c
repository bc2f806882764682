/*
 * markdown.c: the CommonMark renderer (+ GFM pipe tables). Block quotes and
 * list items are line-prefix levels of the line writer; emphasis and link
 * openers wait until content follows, so empty ones vanish. Tables are
 * collected cell by cell, then laid out as a grid. Rules: docs/internals/RENDER.md.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/render.h"
#include "render/render_internal.h"

#define MAX_LISTS   128      /* deeper lists fall back to "- " bullets */
#define MAX_COLS    1000     /* HTML's own colspan limit */
#define MAX_ROWSPAN 65534    /* HTML's own rowspan limit */

typedef struct md_list {
    bool ordered;
    long next;               /* next item number */
} md_list;

typedef struct md_cell {
    size_t row, off, len;
    unsigned colspan, rowspan;
} md_cell;

typedef struct md_table {
    wn_buf text;             /* every cell's Markdown, back to back */
    md_cell *cells;
    size_t ncells, cap;
    size_t rows;             /* rows started so far */
    size_t header;           /* row index used as the header row */
    bool have_header;
    int thead;               /* inside thead */
    size_t cap_off, cap_len; /* caption text */
    bool in_cell;
} md_table;

typedef struct md_state {
    wn_lw *lw;
    unsigned flags;
    md_list lists[MAX_LISTS];
    int list_depth;          /* all open lists, also those past MAX_LISTS */
    int link_depth;
    int emph_open[3];        /* open em, strong, s elements */
    size_t code_end;         /* output offset just after the last code span */
    int heading;
    int table_depth;         /* open tables; only the outermost one is laid out */
    md_table t;
} md_state;

/* A block's separation; a block that opens a list item or quote (whose first
 * line is not written yet) follows the container's own separation instead, so
 * <li><p>x</p></li> stays a tight item. */
static void md_block(md_state *s, int sep)
{
    const wn_lw *lw = s->lw;
    if (lw->nlevels && !lw->level[lw->nlevels - 1].started && !lw->skipped_levels)
        sep = 1;
    wn_lw_block(s->lw, sep);
}

static void nomem(md_state *s)
{
    if (!s->lw->out->failed)
        s->lw->out->failed = WN_ERR_NOMEM;
}

static unsigned text_esc(const md_state *s)
{
    unsigned esc = WN_ESC_MD;
    if (s->table_depth)
        esc |= WN_ESC_PIPE;
    if (s->link_depth)
        esc |= WN_ESC_BRACKETS;
    if (s->heading)
        esc |= WN_ESC_HEADING;
    return esc;
}

/* A link or image destination: ( ) \ escaped, blanks and < > encoded; | too
 * inside a table, where GFM splits cells before it parses links. */
static int put_dest(md_state *s, wn_buf *b, wn_str url)
{
    int rc = 0;
    for (size_t i = 0; i < url.n; i++) {
        char c = url.p[i];
        if (c == '(' || c == ')' || c == '\\')
            rc |= wn_buf_putc(b, '\\') | wn_buf_putc(b, c);
        else if (c == ' ')
            rc |= wn_buf_puts(b, "%20");
        else if (c == '<')
            rc |= wn_buf_puts(b, "%3C");
        else if (c == '>')
            rc |= wn_buf_puts(b, "%3E");
        else if (c == '|' && s->table_depth)
            rc |= wn_buf_puts(b, "%7C");
        else
            rc |= wn_buf_putc(b, c);
    }
    return rc;
}

static void write_image(md_state *s, const wn_node *img)
{
    wn_buf b;
    wn_str alt = wn_dom_attr_value(img, "alt");
    int rc;
    wn_buf_init(&b, 0);
    rc = wn_buf_puts(&b, "![");
    rc |= wn_md_escape(&b, alt.p ? alt.p : "", alt.n, text_esc(s) | WN_ESC_BRACKETS);
    rc |= wn_buf_puts(&b, "](");
    rc |= put_dest(s, &b, wn_dom_attr_value(img, "src"));
    rc |= wn_buf_putc(&b, ')');
    if (rc)
        nomem(s);
    else
        wn_lw_inline_raw(s->lw, b.p, b.n);
    wn_buf_fini(&b);
}

static size_t longest_backtick_run(const char *p, size_t n)
{
    size_t best = 0, run = 0;
    for (size_t i = 0; i < n; i++) {
        run = p[i] == '`' ? run + 1 : 0;
        if (run > best)
            best = run;
    }
    return best;
}

/* One line of inline code: a backtick string longer than any inside, padded
 * with a space when the content starts or ends with a backtick (CommonMark
 * code spans). p[0..n) is changed in place (whitespace runs -> one space). */
static void write_code_line(md_state *s, char *p, size_t len)
{
    wn_buf b;
    int rc = 0;
    wn_buf_init(&b, 0);
    size_t n = 0;
    bool sp = false;
    for (size_t i = 0; i < len; i++) {   /* one line: whitespace runs -> one space */
        char c = p[i];
        if (wn_is_space((unsigned char)c)) {
            if (!sp)
                p[n++] = ' ';
            sp = true;
        } else {
            p[n++] = c;
            sp = false;
        }
    }
    if (n == 0 || (n == 1 && p[0] == ' '))
        goto done;
    wn_lw_prepare(s->lw, "`", 1);
    if (wn_lw_offset(s->lw) == s->code_end && s->code_end != 0) {
        /* right after another code span: "`a``b`" would read as one span
         * with "a``b" inside, so this one is written as plain text */
        wn_lw_text(s->lw, p, n, text_esc(s));
        goto done;
    }
    size_t fence = longest_backtick_run(p, n) + 1;
    bool pad = p[0] == '`' || p[n - 1] == '`' || (p[0] == ' ' && p[n - 1] == ' ');
    for (size_t i = 0; i < fence; i++)
        rc |= wn_buf_putc(&b, '`');
    if (pad)
        rc |= wn_buf_putc(&b, ' ');
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '|' && s->table_depth)
            rc |= wn_buf_putc(&b, '\\');
        rc |= wn_buf_putc(&b, p[i]);
    }
    if (pad)
        rc |= wn_buf_putc(&b, ' ');
    for (size_t i = 0; i < fence; i++)
        rc |= wn_buf_putc(&b, '`');
    if (rc) {
        nomem(s);
    } else {
        wn_lw_inline_raw(s->lw, b.p, b.n);
        s->code_end = wn_lw_offset(s->lw);
    }
done:
    wn_buf_fini(&b);
}

/* Inline code. Its text's own newlines are spaces (HTML collapses them), but a
 * <br> inside is a real line break: each line becomes a code span of its own,
 * with a hard break between them, so that "a<br>b" stays two lines (in a
 * table cell or a heading, which hold one line, the lines join with a space). */
static void write_code_span(md_state *s, const wn_node *code)
{
    wn_buf raw;
    bool one_line = s->table_depth || s->heading;
    int rc = 0;
    wn_buf_init(&raw, 0);
    for (const wn_node *x = code; x; x = wn_dom_next(code, x, false)) {
        if (x->type == WN_NODE_TEXT) {
            size_t from = raw.n;
            rc |= wn_buf_put(&raw, x->text.p, x->text.n);
            for (size_t i = from; i < raw.n && rc == 0; i++)
                if (raw.p[i] == '\n')
                    raw.p[i] = ' ';
        } else if (wn_is_html(x, WN_TAG_BR)) {
            rc |= wn_buf_putc(&raw, one_line ? ' ' : '\n');
        }
    }
    if (rc) {
        nomem(s);
    } else {
        size_t i = 0;
        bool any = false;
        while (i < raw.n) {
            size_t j = i;
            while (j < raw.n && raw.p[j] != '\n')
                j++;
            if (!wn_all_blank(raw.p + i, j - i)) {
                if (any)
                    wn_lw_break(s->lw);
                write_code_line(s, raw.p + i, j - i);
                any = true;
            }
            i = j + 1;
        }
    }
    wn_buf_fini(&raw);
}

/* A fenced code block; the fence outgrows any backtick run in the code. */
static void write_pre(md_state *s, const wn_node *pre)
{
    wn_buf b;
    char fence[64];
    wn_buf_init(&b, 0);
    if (wn_render_subtree_text(pre, &b) != 0) {
        nomem(s);
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
    if (s->table_depth) {   /* a cell holds one line: the code as a code span */
        write_code_span(s, pre);
        wn_buf_fini(&b);
        return;
    }
    size_t f = longest_backtick_run(b.p, n) + 1;
    if (f < 3)
        f = 3;
    if (f > sizeof fence - 1)
        f = sizeof fence - 1;   /* a 63-backtick run inside code: beyond reason */
    memset(fence, '`', f);
    wn_str lang = wn_render_code_lang(pre);
    wn_buf open;
    wn_buf_init(&open, 0);
    if (wn_buf_put(&open, fence, f) || wn_buf_put(&open, lang.p ? lang.p : "", lang.n)) {
        nomem(s);
    } else {
        md_block(s, 2);
        wn_lw_line(s->lw, open.p, open.n);
        size_t i = 0;
        while (i <= n) {
            size_t j = i;
            while (j < n && b.p[j] != '\n')
                j++;
            wn_lw_line(s->lw, b.p + i, j - i);
            i = j + 1;
        }
        wn_lw_line(s->lw, fence, f);
        wn_lw_block(s->lw, 2);
    }
    wn_buf_fini(&open);
    wn_buf_fini(&b);
}

/* MARK: Tables ---------------------------------------------------------------- */

static void table_begin(md_state *s)
{
    md_table *t = &s->t;
    wn_buf_init(&t->text, 0);
    t->cells = NULL;
    t->ncells = t->cap = t->rows = t->header = 0;
    t->have_header = false;
    t->thead = 0;
    t->cap_off = t->cap_len = 0;
    t->in_cell = false;
    md_block(s, 2);
    s->lw->cell = &t->text;
}

static void cell_begin(md_state *s)
{
    s->lw->cell_start = s->t.text.n;
    s->lw->pending_space = s->lw->pending_break = s->lw->no_space = false;
    s->lw->sep = 0;
    s->lw->nrun = 0;   /* runs in two cells never merge */
    s->lw->bol = false;
    s->t.in_cell = true;
}

static void cell_end(md_state *s, const wn_node *td)
{
    md_table *t = &s->t;
    wn_lw_space(s->lw);   /* the cell's end is whitespace to a pending closer */
    t->in_cell = false;
    if (t->rows == 0)
        return;   /* a cell outside any row: nothing to hang it on */
    if (t->ncells == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 32;
        md_cell *c = realloc(t->cells, cap * sizeof *c);
        if (c == NULL) {
            nomem(s);
            return;
        }
        t->cells = c;
        t->cap = cap;
    }
    md_cell *c = &t->cells[t->ncells++];
    c->row = t->rows - 1;
    c->off = s->lw->cell_start;
    c->len = t->text.n - s->lw->cell_start;
    c->colspan = wn_render_span(td, "colspan", MAX_COLS);
    c->rowspan = wn_render_span(td, "rowspan", MAX_ROWSPAN);
}

/* Grids past this many cells are not worth the memory: a table that spans
 * would blow up beyond it (rowspan=65534 colspan=1000 in a few bytes of HTML)
 * is laid out without spans, and rows are padded to the full width only
 * while rows x width stays under it. */
#define MAX_SLOTS (1u << 20)

/* Lay the cells out on a grid: a colspan leaves empty cells after its content,
 * a rowspan empty cells below it (spans = false: one slot per cell).
 * slots[k] = cell index + 1, or 0 when empty. Returns 0, -1 when out of
 * memory, 1 when the spans would need more than MAX_SLOTS. */
static int table_layout(md_table *t, bool spans, size_t **slots_out, size_t **row_start_out,
                        size_t *width)
{
    size_t nslots = 0, cap = 64, carry_hi = 0;   /* carry[k] == 0 for k >= carry_hi */
    size_t *slots = malloc(cap * sizeof *slots);
    size_t *row_start = malloc((t->rows + 1) * sizeof *row_start);
    unsigned *carry = calloc(MAX_COLS, sizeof *carry);
    size_t ci = 0;
    int rc = -1;
    *width = 0;
    if (slots == NULL || row_start == NULL || carry == NULL)
        goto done;
#define PUSH(v)                                                            \
    do {                                                                   \
        if (nslots == cap) {                                               \
            if (spans && nslots >= MAX_SLOTS && nslots >= 4 * t->ncells) { \
                rc = 1;                                                    \
                goto done;                                                 \
            }                                                              \
            size_t *ns_ = realloc(slots, cap * 2 * sizeof *slots);         \
            if (ns_ == NULL)                                               \
                goto done;                                                 \
            slots = ns_;                                                   \
            cap *= 2;                                                      \
        }                                                                  \
        slots[nslots++] = (v);                                             \
    } while (0)
    for (size_t r = 0; r < t->rows; r++) {
        size_t col = 0;
        row_start[r] = nslots;
        for (; ci < t->ncells && t->cells[ci].row == r; ci++) {
            const md_cell *c = &t->cells[ci];
            unsigned colspan = spans ? c->colspan : 1, rowspan = spans ? c->rowspan : 1;
            while (col < carry_hi && carry[col] > 0) {
                carry[col]--;
                PUSH(0);
                col++;
            }
            for (unsigned k = 0; k < colspan && col < MAX_COLS; k++, col++) {
                PUSH(k == 0 ? ci + 1 : 0);
                carry[col] = rowspan - 1;
                if (rowspan > 1 && col + 1 > carry_hi)
                    carry_hi = col + 1;
            }
        }
        size_t last = col;
        for (size_t k = col; k < carry_hi; k++)
            if (carry[k] > 0)
                last = k + 1;
        for (; col < last; col++) {
            if (carry[col] > 0)
                carry[col]--;
            PUSH(0);
        }
        while (carry_hi > 0 && carry[carry_hi - 1] == 0)
            carry_hi--;
        if (nslots - row_start[r] > *width)
            *width = nslots - row_start[r];
    }
#undef PUSH
    row_start[t->rows] = nslots;
    rc = 0;
done:
    free(carry);
    if (rc) {
        free(slots);
        free(row_start);
        slots = row_start = NULL;
    }
    *slots_out = slots;
    *row_start_out = row_start;
    return rc;
}

/* One row; padded with empty cells up to width (0: as many as it has). */
static void table_row(md_state *s, wn_buf *line, const size_t *slots, size_t a, size_t b, size_t width)
{
    md_table *t = &s->t;
    int rc = 0;
    if (width == 0)
        width = b - a;
    line->n = 0;
    rc |= wn_buf_putc(line, '|');
    for (size_t k = 0; k < width; k++) {
        size_t v = a + k < b ? slots[a + k] : 0;
        rc |= wn_buf_putc(line, ' ');
        /* Empty cells may leave the text buffer unallocated (NULL). */
        if (v && t->cells[v - 1].len)
            rc |= wn_buf_put(line, t->text.p + t->cells[v - 1].off, t->cells[v - 1].len);
        rc |= wn_buf_puts(line, " |");
    }
    if (rc)
        nomem(s);
    else
        wn_lw_line(s->lw, line->p, line->n);
}

static void table_end(md_state *s)
{
    md_table *t = &s->t;
    size_t *slots = NULL, *row_start = NULL, width = 0;
    wn_buf line;
    wn_buf_init(&line, 0);
    s->lw->cell = NULL;
    if (t->cap_len) {
        wn_lw_block(s->lw, 2);
        wn_lw_inline_raw(s->lw, t->text.p + t->cap_off, t->cap_len);
        wn_lw_block(s->lw, 2);
    }
    int lay = t->ncells ? table_layout(t, true, &slots, &row_start, &width) : 0;
    if (lay == 1)
        lay = table_layout(t, false, &slots, &row_start, &width);
    if (lay != 0)
        nomem(s);
    if (width > 0) {
        size_t h = t->have_header ? t->header : 0;
        /* GFM pads short rows itself; padding them here is for the eye only */
        size_t pad = t->rows <= MAX_SLOTS / width ? width : 0;
        wn_lw_block(s->lw, 2);
        table_row(s, &line, slots, row_start[h], row_start[h + 1], width);
        line.n = 0;
        int rc = wn_buf_putc(&line, '|');
        for (size_t k = 0; k < width; k++)
            rc |= wn_buf_puts(&line, " --- |");
        if (rc)
            nomem(s);
        else
            wn_lw_line(s->lw, line.p, line.n);
        for (size_t r = 0; r < t->rows; r++)
            if (r != h)
                table_row(s, &line, slots, row_start[r], row_start[r + 1], pad);
        wn_lw_block(s->lw, 2);
    }
    free(slots);
    free(row_start);
    free(t->cells);
    t->cells = NULL;
    wn_buf_fini(&t->text);
    wn_buf_fini(&line);
}

/* MARK: Walk ------------------------------------------------------------------ */

/* 0 em/i, 1 strong/b, 2 s */
static int emphasis_kind(unsigned tag)
{
    return (tag == WN_TAG_EM || tag == WN_TAG_I) ? 0 : (tag == WN_TAG_S ? 2 : 1);
}

static const char *emphasis(unsigned tag)
{
    switch (tag) {
    case WN_TAG_EM: case WN_TAG_I: return "*";
    case WN_TAG_STRONG: case WN_TAG_B: return "**";
    case WN_TAG_S: return "~~";
    default: return NULL;
    }
}

static void list_item_begin(md_state *s, const wn_node *li)
{
    char marker[WN_LW_MAX_PREFIX], cont[WN_LW_MAX_PREFIX];
    const md_list *l = NULL;
    (void)li;
    if (s->list_depth > 0 && s->list_depth <= MAX_LISTS)
        l = &s->lists[s->list_depth - 1];
    if (l && l->ordered) {
        snprintf(marker, sizeof marker, "%ld. ", l->next);
        s->lists[s->list_depth - 1].next++;
    } else {
        snprintf(marker, sizeof marker, "- ");
    }
    size_t w = strlen(marker);
    memset(cont, ' ', w);
    cont[w] = '\0';
    wn_lw_block(s->lw, 1);
    wn_lw_push(s->lw, marker, cont);
}

static void enter(md_state *s, wn_walk *w, const wn_node *n)
{
    const char *d;
    if (n->type == WN_NODE_TEXT) {
        wn_lw_text(s->lw, n->text.p, n->text.n, text_esc(s));
        return;
    }
    if (n->type != WN_NODE_ELEMENT)
        return;
    if ((d = emphasis(n->tag)) != NULL) {
        /* emphasis inside the same emphasis adds nothing ("****x****") */
        int k = emphasis_kind(n->tag);
        bool outer = s->emph_open[k]++ == 0;
        wn_lw_open(s->lw, outer ? d : "", outer);
        return;
    }
    int h = wn_render_heading_level(n);
    if (h) {
        static const char *const hashes[] = { "", "# ", "## ", "### ", "#### ", "##### ", "###### " };
        md_block(s, 2);
        wn_lw_open(s->lw, s->table_depth ? "" : hashes[h], false);
        s->heading++;
        return;
    }
    switch (n->tag) {
    case WN_TAG_BR:
        if (s->heading)
            wn_lw_space(s->lw);
        else
            wn_lw_break(s->lw);
        break;
    case WN_TAG_CODE:
        write_code_span(s, n);
        wn_walk_skip(w);
        break;
    case WN_TAG_A:
        if (s->flags & WN_RENDER_LINKS) {
            wn_lw_open(s->lw, "[", false);
            s->link_depth++;
        }
        break;
    case WN_TAG_IMG:
        if (s->flags & WN_RENDER_IMAGES)
            write_image(s, n);
        break;
    case WN_TAG_P: case WN_TAG_FIGURE: case WN_TAG_FIGCAPTION: case WN_TAG_DT:
    case WN_TAG_DD: case WN_TAG_DL:
        md_block(s, 2);
        break;
    case WN_TAG_CAPTION:
        if (s->table_depth == 1 && !s->t.in_cell) {
            cell_begin(s);
            s->lw->bol = true;   /* it becomes a paragraph: line-start escapes apply */
        } else
            md_block(s, 2);
        break;
    case WN_TAG_BLOCKQUOTE:
        md_block(s, 2);
        if (!s->table_depth)
            wn_lw_push(s->lw, "> ", "> ");
        break;
    case WN_TAG_UL: case WN_TAG_OL:
        wn_lw_block(s->lw, s->list_depth ? 1 : 2);
        if (s->list_depth < MAX_LISTS) {
            md_list *l = &s->lists[s->list_depth];
            l->ordered = n->tag == WN_TAG_OL;
            l->next = 1;
            wn_str st = wn_dom_attr_value(n, "start");
            if (l->ordered && st.n) {
                char tmp[16];
                size_t k = st.n < sizeof tmp - 1 ? st.n : sizeof tmp - 1;
                memcpy(tmp, st.p, k);
                tmp[k] = '\0';
                l->next = strtol(tmp, NULL, 10);
                if (l->next < 0)
                    l->next = 0;   /* CommonMark list numbers are 0..999999999 */
            }
            /* Only a list starting at 1 may interrupt a paragraph: give any
             * other a blank line, or it reads as the text's continuation. */
            if (l->ordered && l->next != 1)
                wn_lw_block(s->lw, 2);
        }
        s->list_depth++;
        break;
    case WN_TAG_LI:
        if (!s->table_depth)
            list_item_begin(s, n);
        else
            wn_lw_block(s->lw, 1);
        break;
    case WN_TAG_PRE:
        write_pre(s, n);
        wn_walk_skip(w);
        break;
    case WN_TAG_HR:
        md_block(s, 2);
        if (!s->table_depth)
            wn_lw_line(s->lw, "---", 3);
        wn_lw_block(s->lw, 2);
        break;
    case WN_TAG_TABLE:
        if (s->table_depth++ == 0)
            table_begin(s);
        else
            wn_lw_space(s->lw);
        break;
    case WN_TAG_THEAD:
        if (s->table_depth == 1)
            s->t.thead++;
        break;
    case WN_TAG_TR:
        if (s->table_depth == 1 && !s->t.in_cell) {
            if (s->t.thead && !s->t.have_header) {
                s->t.header = s->t.rows;
                s->t.have_header = true;
            }
            s->t.rows++;
        } else {
            wn_lw_space(s->lw);
        }
        break;
    case WN_TAG_TD: case WN_TAG_TH:
        if (s->table_depth == 1 && !s->t.in_cell)
            cell_begin(s);
        else
            wn_lw_space(s->lw);
        break;
    default:
        break;
    }
}

static void leave(md_state *s, const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT)
        return;
    if (emphasis(n->tag)) {
        s->emph_open[emphasis_kind(n->tag)]--;
        wn_lw_close(s->lw);   /* writes the closer where CommonMark allows one */
        return;
    }
    if (wn_render_heading_level(n)) {
        wn_lw_close(s->lw);
        s->heading--;
        wn_lw_block(s->lw, 2);
        return;
    }
    switch (n->tag) {
    case WN_TAG_A:
        if (s->flags & WN_RENDER_LINKS) {
            s->link_depth--;
            if (wn_lw_close(s->lw)) {
                wn_buf b;
                wn_buf_init(&b, 0);
                int rc = wn_buf_puts(&b, "](");
                rc |= put_dest(s, &b, wn_dom_attr_value(n, "href"));
                rc |= wn_buf_putc(&b, ')');
                if (rc)
                    nomem(s);
                else
                    wn_lw_append(s->lw, b.p, b.n);
                wn_buf_fini(&b);
            }
        }
        break;
    case WN_TAG_P: case WN_TAG_FIGURE: case WN_TAG_FIGCAPTION: case WN_TAG_DT:
    case WN_TAG_DD: case WN_TAG_DL:
        wn_lw_block(s->lw, 2);
        break;
    case WN_TAG_CAPTION:
        if (s->table_depth == 1 && s->t.in_cell) {
            wn_lw_space(s->lw);
            s->t.in_cell = false;
            if (s->t.cap_len == 0) {   /* the first caption only, as in text */
                s->t.cap_off = s->lw->cell_start;
                s->t.cap_len = s->t.text.n - s->lw->cell_start;
            }
        } else {
            wn_lw_block(s->lw, 2);
        }
        break;
    case WN_TAG_BLOCKQUOTE:
        if (!s->table_depth)
            wn_lw_pop(s->lw);
        wn_lw_block(s->lw, 2);
        break;
    case WN_TAG_UL: case WN_TAG_OL:
        s->list_depth--;
        wn_lw_block(s->lw, s->list_depth ? 1 : 2);
        break;
    case WN_TAG_LI:
        if (!s->table_depth)
            wn_lw_pop(s->lw);
        wn_lw_block(s->lw, 1);
        break;
    case WN_TAG_TABLE:
        if (--s->table_depth == 0)
            table_end(s);
        break;
    case WN_TAG_THEAD:
        if (s->table_depth == 1 && s->t.thead)
            s->t.thead--;
        break;
    case WN_TAG_TD: case WN_TAG_TH:
        if (s->table_depth == 1 && s->t.in_cell)
            cell_end(s, n);
        break;
    default:
        break;
    }
}

void wn_md_fragment(wn_lw *lw, const wn_node *frag, unsigned flags)
{
    md_state *s = calloc(1, sizeof *s);
    wn_walk w;
    if (s == NULL) {
        if (!lw->out->failed)
            lw->out->failed = WN_ERR_NOMEM;
        return;
    }
    s->lw = lw;
    s->flags = flags;
    wn_walk_init(&w, frag);
    while (wn_walk_next(&w)) {
        if (w.entering)
            enter(s, &w, w.node);
        else
            leave(s, w.node);
    }
    if (s->table_depth)   /* cannot happen on a whole tree; be safe anyway */
        table_end(s);
    free(s);
}

wn_status wn_render_markdown(const wn_node *frag, unsigned flags, wn_sink_fn sink, void *ctx)
{
    wn_out out;
    wn_lw lw;
    wn_out_init(&out, sink, ctx);
    wn_lw_init(&lw, &out, true);
    if (frag)
        wn_md_fragment(&lw, frag, flags);
    wn_lw_finish(&lw);
    return wn_out_finish(&out);
}
