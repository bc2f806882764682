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
