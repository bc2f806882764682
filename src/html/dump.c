/*
 * dump.c: wn_html_dump_tree, the html5lib-tests tree format ("| " + two spaces per
 * level; attributes sorted by name on their own lines; "content" for template
 * contents). Used by the conformance runner and `winnow parse`. No recursion: an
 * explicit stack of (node, depth) frames drives the walk.
 */
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "html/parser.h"

typedef struct frame {
    const wn_node *node;   /* NULL: the "content" line of a template */
    const wn_node *tmpl;
    int depth;
} frame;

typedef struct dumper {
    wn_buf out;
    wn_sink_fn sink;
    void *ctx;
    frame *st;
    size_t n, cap;
    int failed;
} dumper;

static int push(dumper *d, const wn_node *node, const wn_node *tmpl, int depth)
{
    if (d->n == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 256;
        frame *p = realloc(d->st, cap * sizeof *p);
        if (p == NULL)
            return -1;
        d->st = p;
        d->cap = cap;
    }
    d->st[d->n].node = node;
    d->st[d->n].tmpl = tmpl;
    d->st[d->n].depth = depth;
    d->n++;
    return 0;
}

/* Push the children of parent in reverse, so the first is visited first. */
static int push_children(dumper *d, const wn_node *parent, int depth)
{
    for (const wn_node *c = parent->last; c; c = c->prev)
        if (push(d, c, NULL, depth) != 0)
            return -1;
    return 0;
}

static void indent(dumper *d, int depth)
{
    wn_buf_put(&d->out, "| ", 2);
    for (int i = 0; i < depth; i++)
        wn_buf_put(&d->out, "  ", 2);
}

static const char *attr_prefix(uint8_t ns)
{
    switch (ns) {
    case WN_ATTR_NS_XLINK: return "xlink ";
    case WN_ATTR_NS_XML: return "xml ";
    case WN_ATTR_NS_XMLNS: return "xmlns ";
    default: return "";
    }
}

/* Order by the attribute name string, prefix included (byte order = code point order). */
static int attr_cmp(const void *pa, const void *pb)
{
    const wn_attr *a = *(const wn_attr *const *)pa, *b = *(const wn_attr *const *)pb;
    const char *ap = attr_prefix(a->ns), *bp = attr_prefix(b->ns);
    size_t an = strlen(ap) + a->name.n, bn = strlen(bp) + b->name.n;
    size_t apn = strlen(ap), bpn = strlen(bp);
    for (size_t i = 0; i < an && i < bn; i++) {
        unsigned char ca = (unsigned char)(i < apn ? ap[i] : a->name.p[i - apn]);
        unsigned char cb = (unsigned char)(i < bpn ? bp[i] : b->name.p[i - bpn]);
        if (ca != cb)
            return ca < cb ? -1 : 1;
    }
    return an < bn ? -1 : an > bn ? 1 : 0;
}

static void dump_attrs(dumper *d, const wn_node *n, int depth)
{
    if (n->nattrs == 0)
        return;
    const wn_attr **v = malloc(n->nattrs * sizeof *v);
    if (v == NULL) {
        d->failed = 1;
        return;
    }
    for (uint32_t i = 0; i < n->nattrs; i++)
        v[i] = &n->attrs[i];
    qsort(v, n->nattrs, sizeof *v, attr_cmp);
    for (uint32_t i = 0; i < n->nattrs; i++) {
        indent(d, depth);
        wn_buf_puts(&d->out, attr_prefix(v[i]->ns));
        wn_buf_put(&d->out, v[i]->name.p, v[i]->name.n);
        wn_buf_put(&d->out, "=\"", 2);
        wn_buf_put(&d->out, v[i]->value.p, v[i]->value.n);
        wn_buf_put(&d->out, "\"\n", 2);
    }
    free(v);
}

static void dump_node(dumper *d, const wn_node *n, int depth)
{
    indent(d, depth);
    switch (n->type) {
    case WN_NODE_DOCTYPE:
        wn_buf_puts(&d->out, "<!DOCTYPE ");
        wn_buf_put(&d->out, n->name.p, n->name.n);
        if (wn_doctype_public_id(n).n || wn_doctype_system_id(n).n) {
            wn_str pub = wn_doctype_public_id(n), sys = wn_doctype_system_id(n);
            wn_buf_put(&d->out, " \"", 2);
            wn_buf_put(&d->out, pub.p, pub.n);
            wn_buf_put(&d->out, "\" \"", 3);
            wn_buf_put(&d->out, sys.p, sys.n);
            wn_buf_putc(&d->out, '"');
        }
        wn_buf_put(&d->out, ">\n", 2);
        break;
    case WN_NODE_ELEMENT:
        wn_buf_putc(&d->out, '<');
        if (n->ns == WN_NS_SVG)
            wn_buf_puts(&d->out, "svg ");
        else if (n->ns == WN_NS_MATHML)
            wn_buf_puts(&d->out, "math ");
        wn_buf_put(&d->out, n->name.p, n->name.n);
        wn_buf_put(&d->out, ">\n", 2);
        dump_attrs(d, n, depth + 1);
        break;
    case WN_NODE_TEXT:
        wn_buf_putc(&d->out, '"');
        wn_buf_put(&d->out, n->text.p, n->text.n);
        wn_buf_put(&d->out, "\"\n", 2);
        break;
    case WN_NODE_COMMENT:
        wn_buf_puts(&d->out, "<!-- ");
        wn_buf_put(&d->out, n->text.p, n->text.n);
        wn_buf_puts(&d->out, " -->\n");
        break;
    default:
        break;
    }
}

static int flush(dumper *d, bool force)
{
    if (d->out.failed)
        return -1;
    if (d->out.n && (force || d->out.n >= 65536)) {
        if (d->sink(d->ctx, d->out.p, d->out.n) != 0)
            return -1;
        wn_buf_clear(&d->out);
    }
    return 0;
}

wn_status wn_html_dump_tree(const wn_doc *doc, wn_sink_fn sink, void *ctx)
{
    dumper d;
    memset(&d, 0, sizeof d);
    wn_buf_init(&d.out, 0);
    d.sink = sink;
    d.ctx = ctx;
    wn_status st = WN_OK;
    if (push_children(&d, doc->root, 0) != 0)
        d.failed = 1;
    while (d.n && !d.failed) {
        frame f = d.st[--d.n];
        if (f.node == NULL) {
            indent(&d, f.depth);
            wn_buf_puts(&d.out, "content\n");
            if (push_children(&d, wn_template_content(f.tmpl), f.depth + 1) != 0)
                d.failed = 1;
        } else {
            dump_node(&d, f.node, f.depth);
            if (push_children(&d, f.node, f.depth + 1) != 0)
                d.failed = 1;
            if (wn_template_content(f.node) &&
                push(&d, NULL, f.node, f.depth + 1) != 0)
                d.failed = 1;
        }
        if (flush(&d, false) != 0)
            d.failed = 1;
    }
    if (d.failed || flush(&d, true) != 0)
        st = d.out.failed ? WN_ERR_NOMEM : WN_ERR_IO;
    wn_buf_fini(&d.out);
    free(d.st);
    return st;
}
