/*
 * walk.c: shared renderer plumbing (see render_internal.h): sink buffering,
 * the enter/leave walker and small questions about the cleaned vocabulary.
 * Renderers hold their own state stacks; nothing here recurses.
 */
#include "render/render_internal.h"

#include <string.h>

/* MARK: Buffered output ------------------------------------------------------ */

/* Large enough that a sink is called a few times per article, small enough to
 * keep the renderer's memory flat whatever the article size. */
#define OUT_CHUNK 16384

void wn_out_init(wn_out *o, wn_sink_fn sink, void *ctx)
{
    wn_buf_init(&o->buf, 0);
    o->sink = sink;
    o->ctx = ctx;
    o->failed = WN_OK;
}

static void out_flush(wn_out *o)
{
    if (o->sink == NULL || o->failed || o->buf.n == 0)
        return;
    if (o->sink(o->ctx, o->buf.p, o->buf.n) != 0)
        o->failed = WN_ERR_IO;
    o->buf.n = 0;
}

void wn_out_put(wn_out *o, const char *p, size_t n)
{
    if (o->failed || n == 0)
        return;
    if (wn_buf_put(&o->buf, p, n) != 0) {
        o->failed = WN_ERR_NOMEM;
        return;
    }
    if (o->buf.n >= OUT_CHUNK)
        out_flush(o);
}

void wn_out_putc(wn_out *o, char c)
{
    wn_out_put(o, &c, 1);
}

void wn_out_puts(wn_out *o, const char *s)
{
    wn_out_put(o, s, strlen(s));
}

wn_status wn_out_finish(wn_out *o)
{
    out_flush(o);
    wn_status st = o->failed;
    if (o->sink != NULL)
        wn_buf_fini(&o->buf);
    return st;
}

/* MARK: Walker --------------------------------------------------------------- */

void wn_walk_init(wn_walk *w, const wn_node *root)
{
    w->root = root;
    w->node = NULL;
    w->entering = false;
    w->started = false;
}

bool wn_walk_next(wn_walk *w)
{
    if (!w->started) {
        w->started = true;
        if (w->root == NULL || w->root->first == NULL)
            return false;
        w->node = w->root->first;
        w->entering = true;
        return true;
    }
    if (w->node == NULL)
        return false;
    if (w->entering) {
        if (w->node->first) {
            w->node = w->node->first;
            return true;
        }
        w->entering = false;   /* a leaf: its leave comes right after its enter */
        return true;
    }
    if (w->node->next) {
        w->node = w->node->next;
        w->entering = true;
        return true;
    }
    w->node = w->node->parent;
    if (w->node == NULL || w->node == w->root) {
        w->node = NULL;
        return false;
    }
    return true;   /* leaving the parent */
}

void wn_walk_skip(wn_walk *w)
{
    w->entering = false;
}

/* MARK: Vocabulary ----------------------------------------------------------- */

bool wn_render_is_inline(const wn_node *n)
{
    if (n->type == WN_NODE_TEXT)
        return true;
    if (n->type != WN_NODE_ELEMENT)
        return false;
    switch (n->tag) {
    case WN_TAG_A: case WN_TAG_EM: case WN_TAG_STRONG: case WN_TAG_B: case WN_TAG_I:
    case WN_TAG_U: case WN_TAG_S: case WN_TAG_SUB: case WN_TAG_SUP: case WN_TAG_CODE:
    case WN_TAG_BR: case WN_TAG_IMG:
        return true;
    default:
        return false;
    }
}

int wn_render_heading_level(const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT)
        return 0;
    switch (n->tag) {
    case WN_TAG_H1: return 1;
    case WN_TAG_H2: return 2;
    case WN_TAG_H3: return 3;
    case WN_TAG_H4: return 4;
    case WN_TAG_H5: return 5;
    case WN_TAG_H6: return 6;
    default: return 0;
    }
}

int wn_render_subtree_text(const wn_node *root, wn_buf *out)
{
    for (const wn_node *n = root; n; n = wn_dom_next(root, n, false)) {
        if (n->type == WN_NODE_TEXT) {
            if (wn_buf_put(out, n->text.p, n->text.n) != 0)
                return -1;
        } else if (wn_is_html(n, WN_TAG_BR)) {
            if (wn_buf_putc(out, '\n') != 0)
                return -1;
        }
    }
    return 0;
}

static wn_str lang_of(const wn_node *el)
{
    wn_str cls = wn_dom_attr_value(el, "class");
    static const char pfx[] = "language-";
    size_t k = sizeof pfx - 1;
    if (cls.n > k && memcmp(cls.p, pfx, k) == 0) {
        size_t i = k;
        while (i < cls.n && !wn_is_space((unsigned char)cls.p[i]))
            i++;
        return wn_str_make(cls.p + k, i - k);
    }
    return wn_str_make(NULL, 0);
}

wn_str wn_render_code_lang(const wn_node *pre)
{
    wn_str l = lang_of(pre);
    if (l.n)
        return l;
    for (const wn_node *c = pre->first; c; c = c->next)
        if (wn_is_html(c, WN_TAG_CODE)) {
            l = lang_of(c);
            if (l.n)
                return l;
        }
    return l;
}

unsigned wn_render_span(const wn_node *cell, const char *name, unsigned max)
{
    wn_str v = wn_dom_attr_value(cell, name);
    unsigned x = 0;
    size_t i = 0;
    if (v.n == 0)
        return 1;
    while (i < v.n && v.p[i] >= '0' && v.p[i] <= '9') {
        x = x * 10 + (unsigned)(v.p[i] - '0');
        if (x > max)
            return max;
        i++;
    }
    return x == 0 ? 1 : x;
}

/* MARK: Line writer ---------------------------------------------------------- */

void wn_lw_init(wn_lw *lw, wn_out *out, bool markdown)
{
    memset(lw, 0, sizeof *lw);
    lw->out = out;
    lw->markdown = markdown;
}

static void emit(wn_lw *lw, const char *p, size_t n)
{
    if (lw->cell) {
        if (wn_buf_put(lw->cell, p, n) != 0 && !lw->out->failed)
            lw->out->failed = WN_ERR_NOMEM;
        return;
    }
    wn_out_put(lw->out, p, n);
}

/* A blank line inside containers: their continuation prefixes, right-trimmed
 * (so a blank line in a quote is ">", in a list item nothing). */
static void blank_prefix(wn_lw *lw)
{
    size_t last = SIZE_MAX, lastlen = 0;
    for (size_t i = 0; i < lw->nlevels; i++) {
        const wn_lw_level *l = &lw->level[i];
        if (!l->started)
            continue;
        for (size_t k = l->ncont; k > 0; k--)
            if (l->cont[k - 1] != ' ') {
                last = i;
                lastlen = k;
                break;
            }
    }
    if (last == SIZE_MAX)
        return;
    for (size_t i = 0; i <= last; i++) {
        const wn_lw_level *l = &lw->level[i];
        if (l->started)
            emit(lw, l->cont, i == last ? lastlen : l->ncont);
    }
}

/* End the open line (with a blank line when asked) and write the prefixes. */
static void new_line(wn_lw *lw, bool empty)
{
    if (lw->any) {
        emit(lw, "\n", 1);
        if (lw->sep >= 2) {
            blank_prefix(lw);
            emit(lw, "\n", 1);
        }
    }
    lw->sep = 0;
    lw->pending_break = lw->pending_space = lw->no_space = false;
    if (empty) {
        blank_prefix(lw);
    } else {
        for (size_t i = 0; i < lw->nlevels; i++) {
            wn_lw_level *l = &lw->level[i];
            if (l->started) {
                emit(lw, l->cont, l->ncont);
            } else {
                emit(lw, l->first, l->nfirst);
                l->started = true;
            }
        }
    }
    lw->any = true;
    lw->bol = true;
}

/* Everything owed before the next visible byte: separation, break, space,
 * opening delimiters. */
static void flush(wn_lw *lw)
{
    if (lw->cell) {
        if (lw->cell->n > lw->cell_start && !lw->no_space &&
            (lw->pending_space || lw->sep || lw->pending_break))
            emit(lw, " ", 1);
        lw->sep = 0;
        lw->pending_break = false;
    } else if (!lw->any || lw->sep) {
        new_line(lw, false);
    } else if (lw->pending_break) {
        if (lw->markdown)
            emit(lw, "\\", 1);
        new_line(lw, false);
    } else if (lw->pending_space && !lw->no_space && !lw->bol) {
        emit(lw, " ", 1);
    }
    lw->pending_space = lw->no_space = false;
    if (lw->npopen) {
        emit(lw, lw->popen, lw->npopen);
        lw->npopen = 0;
        lw->gen++;
        lw->bol = false;
    }
}

void wn_lw_block(wn_lw *lw, int sep)
{
    if (lw->cell) {
        lw->pending_space = true;
        return;
    }
    if (sep > lw->sep)
        lw->sep = sep;
    lw->pending_break = false;
}

void wn_lw_space(wn_lw *lw)
{
    lw->pending_space = true;
}

void wn_lw_break(wn_lw *lw)
{
    if (lw->cell)
        lw->pending_space = true;
    else if (lw->any)
        lw->pending_break = true;
}

static bool word_char(unsigned char c)
{
    return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80;
}

/* "&name;", "&#123;" or "&#x1F;" would be read as a character reference. */
static bool entity_like(const char *p, size_t n)
{
    size_t i = 1;
    bool hex = false;
    if (i < n && p[i] == '#') {
        i++;
        if (i < n && (p[i] == 'x' || p[i] == 'X')) {
            hex = true;
            i++;
        }
    }
    size_t s = i;
    while (i < n && i - s < 32) {
        unsigned char c = (unsigned char)p[i];
        bool digit = c >= '0' && c <= '9';
        bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        if (!(digit || alpha) || (p[1] == '#' && !hex && alpha) ||
            (hex && alpha && (c | 0x20) > 'f'))
            break;
        i++;
    }
    return i > s && i < n && p[i] == ';';
}

/* Escape the word p[i..j) of p[0..n) (neighbours decide for _ & ]). */
static int escape_word(wn_buf *b, const char *p, size_t i, size_t j, size_t n, unsigned esc, bool bol)
{
    int rc = 0;
    for (size_t k = i; k < j; k++) {
        char c = p[k];
        bool need = false;
        if (bol && k == i) {
            if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
                need = true;
            } else if (c >= '0' && c <= '9') {
                /* "2024. was" would start an ordered list: escape the dot */
                size_t d = k;
                while (d < j && d - k < 9 && p[d] >= '0' && p[d] <= '9')
                    d++;
                if (d < j && (p[d] == '.' || p[d] == ')') && d + 1 == j) {
                    rc |= wn_buf_put(b, p + k, d - k);
                    rc |= wn_buf_putc(b, '\\');
                    rc |= wn_buf_putc(b, p[d]);
                    k = d;
                    continue;
                }
            }
        }
        switch (c) {
        case '\\': case '`': case '*': case '~': case '<':
            need = true;
            break;
        case '_':
            need = !(k > 0 && word_char((unsigned char)p[k - 1]) && k + 1 < n &&
                     word_char((unsigned char)p[k + 1]));
            break;
        case '&':
            need = entity_like(p + k, n - k);
            break;
        case ']':
            need = (esc & WN_ESC_BRACKETS) || k + 1 >= n || p[k + 1] == '(' || p[k + 1] == '[' ||
                   p[k + 1] == ':';
            break;
        case '[':
            need = (esc & WN_ESC_BRACKETS) != 0;
            break;
        case '|':
            need = (esc & WN_ESC_PIPE) != 0;
            break;
        default:
            break;
        }
        if (need)
            rc |= wn_buf_putc(b, '\\');
        rc |= wn_buf_putc(b, c);
    }
    return rc;
}

int wn_md_escape(wn_buf *out, const char *p, size_t n, unsigned esc)
{
    return escape_word(out, p, 0, n, n, esc, false);
}

void wn_lw_text(wn_lw *lw, const char *p, size_t n, unsigned esc)
{
    size_t i = 0;
    while (i < n) {
        if (wn_is_space((unsigned char)p[i])) {
            lw->pending_space = true;
            i++;
            continue;
        }
        size_t j = i;
        while (j < n && !wn_is_space((unsigned char)p[j]))
            j++;
        flush(lw);
        if (esc) {
            wn_buf tmp;
            wn_buf_init(&tmp, 0);
            if (escape_word(&tmp, p, i, j, n, esc, lw->bol) != 0 && !lw->out->failed)
                lw->out->failed = WN_ERR_NOMEM;
            emit(lw, tmp.p, tmp.n);
            wn_buf_fini(&tmp);
        } else {
            emit(lw, p + i, j - i);
        }
        lw->bol = false;
        i = j;
    }
}

void wn_lw_inline_raw(wn_lw *lw, const char *p, size_t n)
{
    if (n == 0)
        return;
    flush(lw);
    emit(lw, p, n);
    lw->bol = false;
    if (p[n - 1] == ' ')
        lw->no_space = true;   /* " | " between cells: no second space */
}

void wn_lw_line(wn_lw *lw, const char *p, size_t n)
{
    if (lw->cell) {
        wn_lw_inline_raw(lw, p, n);
        return;
    }
    new_line(lw, n == 0);
    emit(lw, p, n);
    lw->bol = false;
}

wn_lw_token wn_lw_open(wn_lw *lw, const char *delim)
{
    wn_lw_token t = { lw->gen, lw->npopen };
    size_t n = strlen(delim);
    if (lw->npopen + n > sizeof lw->popen) {
        t.len = SIZE_MAX;   /* too deep: this delimiter is never written */
        return t;
    }
    memcpy(lw->popen + lw->npopen, delim, n);
    lw->npopen += n;
    return t;
}

bool wn_lw_close(wn_lw *lw, wn_lw_token t)
{
    if (t.len == SIZE_MAX)
        return false;
    if (t.gen == lw->gen) {
        lw->npopen = t.len;   /* nothing inside: forget the opener */
        return false;
    }
    return true;
}

void wn_lw_append(wn_lw *lw, const char *p, size_t n)
{
    emit(lw, p, n);
}

void wn_lw_push(wn_lw *lw, const char *first, const char *cont)
{
    if (lw->nlevels == WN_LW_MAX_LEVELS) {
        lw->skipped_levels++;
        return;
    }
    wn_lw_level *l = &lw->level[lw->nlevels++];
    size_t a = strlen(first), b = strlen(cont);
    if (a >= WN_LW_MAX_PREFIX)
        a = WN_LW_MAX_PREFIX - 1;
    if (b >= WN_LW_MAX_PREFIX)
        b = WN_LW_MAX_PREFIX - 1;
    memcpy(l->first, first, a);
    memcpy(l->cont, cont, b);
    l->nfirst = (uint8_t)a;
    l->ncont = (uint8_t)b;
    l->started = false;
}

void wn_lw_pop(wn_lw *lw)
{
    if (lw->skipped_levels)
        lw->skipped_levels--;
    else if (lw->nlevels)
        lw->nlevels--;
}

void wn_lw_finish(wn_lw *lw)
{
    if (lw->any && lw->cell == NULL)
        emit(lw, "\n", 1);
    lw->any = false;
}
