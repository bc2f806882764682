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
    o->flushed = 0;
    o->hold = 0;
}

/* A held buffer may grow to this before it is flushed anyway (an emphasis
 * run that long no longer gets its delimiters repaired). */
#define OUT_HOLD_MAX (1u << 20)

static void out_flush(wn_out *o)
{
    if (o->sink == NULL || o->failed || o->buf.n == 0)
        return;
    if (o->sink(o->ctx, o->buf.p, o->buf.n) != 0)
        o->failed = WN_ERR_IO;
    o->flushed += o->buf.n;
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
    if (o->buf.n >= (o->hold > 0 ? OUT_HOLD_MAX : OUT_CHUNK))
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
    o->hold = 0;
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

/* Character classes for CommonMark's delimiter-run rules. */
enum { CC_SPACE = 0, CC_PUNCT, CC_WORD };

void wn_lw_init(wn_lw *lw, wn_out *out, bool markdown)
{
    memset(lw, 0, sizeof *lw);
    lw->out = out;
    lw->markdown = markdown;
    lw->last = CC_SPACE;
    lw->run_end = SIZE_MAX;
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

/* Absolute offset of the next byte written (cells count from their buffer's start). */
static size_t out_pos(const wn_lw *lw)
{
    return lw->cell ? lw->cell->n : lw->out->flushed + lw->out->buf.n;
}

/* Take back n bytes written at pos, if they are still buffered. */
static bool unwrite(wn_lw *lw, size_t pos, size_t n)
{
    wn_buf *b = lw->cell ? lw->cell : &lw->out->buf;
    size_t base = lw->cell ? 0 : lw->out->flushed;
    if (pos < base || pos - base + n > b->n)
        return false;
    size_t at = pos - base;
    memmove(b->p + at, b->p + at + n, b->n - at - n);
    b->n -= n;
    return true;
}

/* Class of the UTF-8 character at p, as CommonMark sees it: Unicode
 * whitespace (Zs, tab, LF, FF, CR), punctuation (categories P and S), or
 * anything else. Exact for ASCII and Latin-1, by block for the common
 * punctuation, symbol and CJK blocks; other scripts count as words. */
static int char_class(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned cp;
    if (n == 0)
        return CC_SPACE;
    if (p[0] < 0x80) {
        unsigned char c = p[0];
        if (wn_is_space(c))
            return CC_SPACE;
        if (c < 0x20 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return CC_WORD;
        return CC_PUNCT;
    }
    if (p[0] >= 0xC2 && p[0] <= 0xDF && n >= 2)
        cp = ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    else if (p[0] >= 0xE0 && p[0] <= 0xEF && n >= 3)
        cp = ((p[0] & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    else
        return CC_WORD;
    if (cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x202F || cp == 0x205F ||
        cp == 0x3000)
        return CC_SPACE;
    if (cp >= 0xA1 && cp <= 0xBF)   /* Latin-1 punctuation and symbols, less letters and numbers */
        return (cp == 0xAA || cp == 0xAD || cp == 0xB2 || cp == 0xB3 || cp == 0xB5 ||
                cp == 0xB9 || cp == 0xBA || (cp >= 0xBC && cp <= 0xBE)) ? CC_WORD : CC_PUNCT;
    if (cp == 0xD7 || cp == 0xF7)
        return CC_PUNCT;
    if ((cp >= 0x2010 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E) ||
        (cp >= 0x20A0 && cp <= 0x20CF) || (cp >= 0x2100 && cp <= 0x214F) ||
        (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0x2E00 && cp <= 0x2E7F) ||
        (cp >= 0x3001 && cp <= 0x3004) || (cp >= 0x3008 && cp <= 0x3020) || cp == 0x3030 ||
        (cp >= 0xFF01 && cp <= 0xFF0F) || (cp >= 0xFF1A && cp <= 0xFF20) ||
        (cp >= 0xFF3B && cp <= 0xFF40) || (cp >= 0xFF5B && cp <= 0xFF65))
        return CC_PUNCT;
    return CC_WORD;
}

/* Class of the last character of p[0..n). */
static int last_class(const char *p, size_t n)
{
    size_t i = n;
    while (i > 0 && (n - i) < 4 && ((unsigned char)p[i - 1] & 0xC0) == 0x80)
        i--;
    return i > 0 ? char_class(p + i - 1, n - i + 1) : CC_SPACE;
}

/* An emphasis closer. Closers written back to back are remembered (a stack)
 * so that the same openers right after them merge the runs: "*a*" + "*b*"
 * is "*ab*", not the ambiguous "*a**b*". */
static void emit_closer(wn_lw *lw, const char *d, size_t n)
{
    if (out_pos(lw) != lw->run_end)
        lw->nrun = 0;
    emit(lw, d, n);
    if (lw->nrun < WN_LW_MAX_RUN) {
        memcpy(lw->run[lw->nrun], d, n);
        lw->runn[lw->nrun++] = (uint8_t)n;
    } else {
        lw->nrun = 0;
    }
    lw->run_end = out_pos(lw);
}

/* Closers waiting to learn the next character: a run that ends in punctuation
 * only closes before whitespace or punctuation. Before a word character the
 * emphasis is taken back (its opener unwritten), keeping the text intact. */
static void resolve_deferred(wn_lw *lw, int next)
{
    if (lw->ndeferred == 0)
        return;
    if (next == CC_WORD) {
        bool all = true;
        lw->nrun = 0;   /* offsets are about to move */
        /* deferred[0] is the innermost run, whose opener comes last: unwrite
         * from there outwards so earlier offsets stay valid */
        for (size_t i = 0; i < lw->ndeferred; i++)
            if (lw->deferred[i].pos == SIZE_MAX ||
                !unwrite(lw, lw->deferred[i].pos, lw->deferred[i].n))
                all = false;
        if (all) {
            if (!lw->cell)
                lw->out->hold -= (int)lw->ndeferred;
            lw->ndeferred = 0;
            return;
        }
        /* the openers are gone to the sink already: close as best we can */
    }
    for (size_t i = 0; i < lw->ndeferred; i++)
        emit_closer(lw, lw->deferred[i].delim, lw->deferred[i].n);
    if (!lw->cell)
        lw->out->hold -= (int)lw->ndeferred;
    lw->ndeferred = 0;
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
    resolve_deferred(lw, CC_SPACE);
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
    lw->last = CC_SPACE;
}

/* Write the openers waiting for content; next = class of the content's first
 * character. An emphasis opener that could not open there (CommonMark's
 * left-flanking rule) is dropped, and so is its closer later. */
static void write_openers(wn_lw *lw, int next)
{
    size_t i = 0;
    while (i < lw->nframes && lw->frame[i].state != 0)
        i++;
    for (; i < lw->nframes; i++) {
        wn_lw_frame *f = &lw->frame[i];
        if (f->emph) {
            int after = next;
            for (size_t k = i + 1; k < lw->nframes; k++)
                if (lw->frame[k].n) {
                    after = char_class(lw->frame[k].delim, lw->frame[k].n);
                    break;
                }
            if (lw->nrun && lw->run_end == out_pos(lw) && lw->runn[lw->nrun - 1] == f->n &&
                memcmp(lw->run[lw->nrun - 1], f->delim, f->n) == 0 &&
                unwrite(lw, lw->run_end - f->n, f->n)) {
                lw->nrun--;
                lw->run_end -= f->n;
                f->state = 1;          /* merged into the run just closed */
                f->pos = SIZE_MAX;     /* whose opener is no longer ours to take back */
                if (!lw->cell)
                    lw->out->hold++;
                continue;
            }
            lw->nrun = 0;
            if (after == CC_SPACE || (after == CC_PUNCT && lw->last == CC_WORD)) {
                f->state = 2;
                continue;
            }
        }
        f->pos = out_pos(lw);
        emit(lw, f->delim, f->n);
        f->state = 1;
        if (f->emph) {
            if (!lw->cell)
                lw->out->hold++;
        } else if (f->n) {
            lw->last = last_class(f->delim, f->n);
        }
    }
}

/* Everything owed before the next visible byte (of class next): separation,
 * break, space, closers waiting for it, openers. */
static void flush(wn_lw *lw, int next)
{
    bool spaced = lw->pending_space || lw->pending_break || lw->sep || !lw->any;
    resolve_deferred(lw, spaced ? CC_SPACE : next);
    if (lw->cell) {
        if (lw->cell->n > lw->cell_start && !lw->no_space &&
            (lw->pending_space || lw->sep || lw->pending_break)) {
            emit(lw, " ", 1);
            lw->last = CC_SPACE;
        }
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
        lw->last = CC_SPACE;
    }
    lw->pending_space = lw->no_space = false;
    /* bol stays as it was: the first word after openers at a line start is
     * still escaped as if at the line start, since the openers may yet be
     * taken back (and an escape there is harmless anyway) */
    if (lw->nframes && lw->frame[lw->nframes - 1].state == 0)
        write_openers(lw, next);
}

void wn_lw_block(wn_lw *lw, int sep)
{
    resolve_deferred(lw, CC_SPACE);
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
    resolve_deferred(lw, CC_SPACE);
    lw->pending_space = true;
}

void wn_lw_break(wn_lw *lw)
{
    resolve_deferred(lw, CC_SPACE);
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

/* Bytes that need a look in a run of text: whitespace (collapsed to one
 * space), the lead byte of U+00A0 (a space in Markdown), and, in Markdown,
 * the characters escape_at may escape. */
static const unsigned char ws_byte[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1,
};
static const unsigned char md_byte[256] = {
    ['\t'] = 1, ['\n'] = 1, ['\f'] = 1, ['\r'] = 1, [' '] = 1, [0xC2] = 1,
    ['\\'] = 1, ['`'] = 1, ['*'] = 1, ['~'] = 1, ['<'] = 1, ['_'] = 1, ['&'] = 1,
    [']'] = 1, ['['] = 1, ['|'] = 1, ['#'] = 1, ['>'] = 1, ['-'] = 1, ['+'] = 1, ['='] = 1,
    ['.'] = 1, [')'] = 1,
};

/* Length of the whitespace at p[0..n): ASCII whitespace, and in Markdown also
 * a no-break space (U+00A0), which would otherwise keep an emphasis run from
 * opening or closing; it becomes an ordinary space there. */
static size_t ws_len(bool md, const char *p, size_t n)
{
    if (wn_is_space((unsigned char)*p))
        return 1;
    if (md && n >= 2 && (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0)
        return 2;
    return 0;
}

/* Markdown: how many bytes at p[k] are written, with a backslash first when
 * *esc_out. k is inside the run p[i..j) of the text p[0..n); bol: the run
 * starts a line. Neighbours decide for _ & ] and the line-start cases. */
static size_t escape_at(const char *p, size_t i, size_t j, size_t n, size_t k, unsigned esc,
                        bool bol, bool *esc_out)
{
    char c = p[k];
    bool word_start = k == i || p[k - 1] == ' ' ||
                      (k >= 2 && (unsigned char)p[k - 2] == 0xC2 && (unsigned char)p[k - 1] == 0xA0);
    bool need = false;
    *esc_out = false;
    if (bol && k == i) {
        if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=') {
            *esc_out = true;
            return 1;
        }
    }
    switch (c) {
    case '\\': case '`': case '*': case '~': case '<':
        need = true;
        break;
    case '.': case ')':
        /* "2024. was" at a line start would open an ordered list */
        if (bol && k > i && k - i <= 9 && (k + 1 == j || ws_len(true, p + k + 1, j - k - 1))) {
            need = true;
            for (size_t d = i; d < k; d++)
                if (p[d] < '0' || p[d] > '9')
                    need = false;
        }
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
    case '#':
        /* in a heading, a # starting a word could be read as its closing run */
        need = (esc & WN_ESC_HEADING) && word_start;
        break;
    case '|':
        need = (esc & WN_ESC_PIPE) != 0;
        break;
    default:
        break;
    }
    *esc_out = need;
    return 1;
}

/* Write the run p[i..j) of the text p[0..n) (no whitespace at either end):
 * inner whitespace runs as one space, Markdown escapes when esc. Straight from
 * p when nothing needs changing, which is the common case for text. */
static int put_run(wn_lw *lw, const char *p, size_t i, size_t j, size_t n, unsigned esc)
{
    bool md = lw->markdown;
    const unsigned char *look = esc ? md_byte : ws_byte;
    wn_buf *b = &lw->scratch;
    size_t from = i;   /* start of bytes not yet copied to b */
    bool copying = false;
    int rc = 0;
    for (size_t k = i; k < j; k++) {
        if (!look[(unsigned char)p[k]])
            continue;
        size_t w = ws_len(md, p + k, j - k);
        if (w) {
            size_t m = k + w;
            while (m < j && (w = ws_len(md, p + m, j - m)) != 0)
                m += w;
            if (m - k == 1 && p[k] == ' ')
                continue;   /* already a single space */
            if (!copying) {
                wn_buf_clear(b);
                copying = true;
            }
            rc |= wn_buf_put(b, p + from, k - from);
            rc |= wn_buf_putc(b, ' ');
            from = m;
            k = m - 1;
            continue;
        }
        if (!esc)
            continue;
        bool e;
        size_t len = escape_at(p, i, j, n, k, esc, lw->bol, &e);
        if (e) {
            if (!copying) {
                wn_buf_clear(b);
                copying = true;
            }
            rc |= wn_buf_put(b, p + from, k - from);
            rc |= wn_buf_putc(b, '\\');
            from = k;
        }
        k += len - 1;
    }
    if (!copying) {
        emit(lw, p + i, j - i);
        return 0;
    }
    rc |= wn_buf_put(b, p + from, j - from);
    emit(lw, b->p, b->n);
    return rc;
}

int wn_md_escape(wn_buf *out, const char *p, size_t n, unsigned esc)
{
    int rc = 0;
    size_t from = 0;
    for (size_t k = 0; k < n; k++) {
        if (!md_byte[(unsigned char)p[k]] || ws_len(false, p + k, n - k))
            continue;
        bool e;
        size_t len = escape_at(p, 0, n, n, k, esc, false, &e);
        if (e) {
            rc |= wn_buf_put(out, p + from, k - from);
            rc |= wn_buf_putc(out, '\\');
            from = k;
        }
        k += len - 1;
    }
    rc |= wn_buf_put(out, p + from, n - from);
    return rc;
}

void wn_lw_text(wn_lw *lw, const char *p, size_t n, unsigned esc)
{
    bool md = lw->markdown;
    size_t i = 0, j = n, w;
    while (i < n && (w = ws_len(md, p + i, n - i)) != 0)
        i += w;
    if (i > 0) {
        resolve_deferred(lw, CC_SPACE);
        lw->pending_space = true;
    }
    if (i == n)
        return;
    for (;;) {   /* trailing whitespace */
        if (j > i && wn_is_space((unsigned char)p[j - 1]))
            j--;
        else if (md && j >= i + 2 && (unsigned char)p[j - 2] == 0xC2 && (unsigned char)p[j - 1] == 0xA0)
            j -= 2;
        else
            break;
    }
    flush(lw, char_class(p + i, j - i));
    if (put_run(lw, p, i, j, n, esc) != 0 && !lw->out->failed)
        lw->out->failed = WN_ERR_NOMEM;
    lw->last = last_class(p + i, j - i);
    lw->bol = false;
    if (j < n)
        lw->pending_space = true;
}

void wn_lw_inline_raw(wn_lw *lw, const char *p, size_t n)
{
    if (n == 0)
        return;
    flush(lw, char_class(p, n));
    emit(lw, p, n);
    lw->bol = false;
    lw->last = last_class(p, n);
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
    lw->last = last_class(p, n);
}

void wn_lw_open(wn_lw *lw, const char *delim, bool emph)
{
    size_t n = strlen(delim);
    if (lw->nframes == WN_LW_MAX_FRAMES || n >= sizeof lw->frame[0].delim) {
        lw->frames_over++;
        return;
    }
    wn_lw_frame *f = &lw->frame[lw->nframes++];
    memcpy(f->delim, delim, n);
    f->n = (uint8_t)n;
    f->emph = emph;
    f->state = 0;
    f->pos = 0;
}

bool wn_lw_close(wn_lw *lw)
{
    if (lw->frames_over) {
        lw->frames_over--;
        return false;
    }
    if (lw->nframes == 0)
        return false;
    wn_lw_frame f = lw->frame[--lw->nframes];
    if (f.state != 1)
        return false;   /* never written (nothing inside) or dropped */
    if (!f.emph)
        return true;
    /* The character before this closer: a different delimiter right before
     * it ("**" then "~~") is punctuation; the same one makes a single run
     * with it, whose character before is the content's. */
    int before = lw->last;
    if (lw->nrun && lw->run_end == out_pos(lw) && lw->run[lw->nrun - 1][0] != f.delim[0])
        before = CC_PUNCT;
    if (before == CC_PUNCT || lw->ndeferred) {
        /* "**Note:**" closes only before a space or punctuation: wait and see */
        lw->deferred[lw->ndeferred++] = f;
        return true;
    }
    emit_closer(lw, f.delim, f.n);
    if (!lw->cell)
        lw->out->hold--;
    return true;
}

void wn_lw_prepare(wn_lw *lw, const char *p, size_t n)
{
    if (n)
        flush(lw, char_class(p, n));
}

size_t wn_lw_offset(const wn_lw *lw)
{
    return out_pos(lw);
}

void wn_lw_append(wn_lw *lw, const char *p, size_t n)
{
    if (n == 0)
        return;
    resolve_deferred(lw, char_class(p, n));
    emit(lw, p, n);
    lw->last = last_class(p, n);
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
    resolve_deferred(lw, CC_SPACE);
    if (lw->any && lw->cell == NULL)
        emit(lw, "\n", 1);
    lw->any = false;
    wn_buf_fini(&lw->scratch);
}
