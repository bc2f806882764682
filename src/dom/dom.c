/*
 * dom.c: node creation and tree edits for the arena DOM (see dom.h).
 * Strings are never copied here: the parser decides what lives in the arena.
 */
#define WN_TAG_DATA_TABLES
#include "dom/dom.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"

wn_doc *wn_doc_new(size_t arena_limit)
{
    wn_doc *d = calloc(1, sizeof *d);
    if (d == NULL)
        return NULL;
    wn_arena_init(&d->arena, arena_limit);
    d->encoding = "utf-8";
    d->root = wn_dom_new_fragment(d);
    if (d->root == NULL) {
        wn_doc_free(d);
        return NULL;
    }
    return d;
}

void wn_doc_free(wn_doc *d)
{
    if (d == NULL)
        return;
    wn_arena_fini(&d->arena);
    free(d);
}

/* size: sizeof(wn_node), or of the larger struct around it (see dom.h). */
static wn_node *new_node(wn_doc *d, uint8_t type, size_t size)
{
    if (d->max_nodes && d->node_count >= d->max_nodes)
        return NULL;
    wn_node *n = wn_arena_alloc(&d->arena, size);
    if (n == NULL)
        return NULL;
    memset(n, 0, size);
    n->type = type;
    n->id = d->node_count++;
    return n;
}

wn_node *wn_dom_new_element(wn_doc *d, wn_ns ns, uint16_t tag, wn_str name)
{
    bool tmpl = ns == WN_NS_HTML && tag == WN_TAG_TEMPLATE;
    wn_node *n = new_node(d, WN_NODE_ELEMENT, tmpl ? sizeof(wn_template_node) : sizeof(wn_node));
    if (n) {
        n->ns = (uint8_t)ns;
        n->tag = tag;
        n->name = name;
    }
    return n;
}

wn_node *wn_dom_new_text(wn_doc *d, wn_str text)
{
    wn_node *n = new_node(d, WN_NODE_TEXT, sizeof(wn_node));
    if (n)
        n->text = text;
    return n;
}

wn_node *wn_dom_new_comment(wn_doc *d, wn_str text)
{
    wn_node *n = new_node(d, WN_NODE_COMMENT, sizeof(wn_node));
    if (n)
        n->text = text;
    return n;
}

wn_node *wn_dom_new_doctype(wn_doc *d, wn_str name)
{
    wn_node *n = new_node(d, WN_NODE_DOCTYPE, sizeof(wn_doctype_node));
    if (n)
        n->name = name;
    return n;
}

wn_node *wn_dom_new_fragment(wn_doc *d)
{
    return new_node(d, WN_NODE_DOCUMENT, sizeof(wn_node));
}

void wn_dom_append(wn_node *parent, wn_node *child)
{
    wn_dom_insert_before(parent, child, NULL);
}

void wn_dom_insert_before(wn_node *parent, wn_node *child, wn_node *ref)
{
    if (child->parent)
        wn_dom_remove(child);
    child->parent = parent;
    if (ref == NULL) {
        child->prev = parent->last;
        child->next = NULL;
        if (parent->last)
            parent->last->next = child;
        else
            parent->first = child;
        parent->last = child;
        return;
    }
    child->next = ref;
    child->prev = ref->prev;
    if (ref->prev)
        ref->prev->next = child;
    else
        parent->first = child;
    ref->prev = child;
}

void wn_dom_remove(wn_node *node)
{
    wn_node *p = node->parent;
    if (p == NULL)
        return;
    if (node->prev)
        node->prev->next = node->next;
    else
        p->first = node->next;
    if (node->next)
        node->next->prev = node->prev;
    else
        p->last = node->prev;
    node->parent = node->prev = node->next = NULL;
}

void wn_dom_move_children(wn_node *from, wn_node *to)
{
    while (from->first)
        wn_dom_append(to, from->first);
}

int wn_dom_set_attrs(wn_doc *d, wn_node *el, const wn_attr *attrs, uint32_t n)
{
    wn_attr *copy = NULL;
    if (n) {
        copy = wn_arena_alloc(&d->arena, (size_t)n * sizeof *copy);
        if (copy == NULL)
            return -1;
        memcpy(copy, attrs, (size_t)n * sizeof *copy);
    }
    el->attrs = copy;
    el->nattrs = n;
    return 0;
}

uint16_t wn_tag_lookup(const char *name, size_t n)
{
    if (n == 0 || n > 16)
        return WN_TAG_UNKNOWN;
    uint32_t slot = wn_fnv1a(name, n) & (TAG_HASH_SIZE - 1);
    for (;;) {
        unsigned id = tag_hash[slot];
        if (id == 0)
            return WN_TAG_UNKNOWN;
        /* Lengths first: most probes end there without touching the name. */
        if (tag_lens[id] == n && memcmp(tag_names[id], name, n) == 0)
            return (uint16_t)id;
        slot = (slot + 1) & (TAG_HASH_SIZE - 1);
    }
}

const char *wn_tag_name(uint16_t tag)
{
    return tag < WN_TAG__COUNT ? tag_names[tag] : "";
}

const char *wn_dom_check(const wn_doc *d)
{
    const wn_node *root = d->root;
    if (root == NULL)
        return "document has no root";
    if (root->parent)
        return "root has a parent";
    size_t seen = 0;
    /* Walk every node once; templates' content fragments are checked as separate trees. */
    const wn_node *n = root;
    while (n) {
        if (++seen > d->node_count)
            return "more nodes reachable than created (cycle?)";
        if (n->first && n->first->prev)
            return "first child has a previous sibling";
        if (n->last && n->last->next)
            return "last child has a next sibling";
        if ((n->first == NULL) != (n->last == NULL))
            return "first/last child mismatch";
        for (const wn_node *c = n->first; c; c = c->next) {
            if (c->parent != n)
                return "child's parent link is wrong";
            if (c->next && c->next->prev != c)
                return "sibling links disagree";
            if (c->next == NULL && n->last != c)
                return "last child link is wrong";
        }
        if (n->type == WN_NODE_TEXT || n->type == WN_NODE_COMMENT || n->type == WN_NODE_DOCTYPE) {
            if (n->first)
                return "leaf node has children";
        }
        n = wn_dom_next(root, n, false);
    }
    return NULL;
}

int wn_dom_text_content(const wn_node *root, wn_buf *out)
{
    for (const wn_node *n = root; n; n = wn_dom_next(root, n, false)) {
        if (n->type == WN_NODE_TEXT && wn_buf_put(out, n->text.p, n->text.n) != 0)
            return -1;
    }
    return 0;
}
