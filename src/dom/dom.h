/*
 * dom.h: the document tree. Every node, attribute and decoded string lives in the
 * document's arena; wn_doc_free() releases all of it at once. Links are plain
 * pointers (parent, first/last child, prev/next sibling); nothing here recurses.
 */
#ifndef WN_DOM_DOM_H
#define WN_DOM_DOM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/arena.h"
#include "core/deadline.h"
#include "core/str.h"
#include "dom/tag_data.h"

typedef enum wn_node_type {
    WN_NODE_DOCUMENT = 0,  /* also used for document fragments and template contents */
    WN_NODE_DOCTYPE,
    WN_NODE_ELEMENT,
    WN_NODE_TEXT,
    WN_NODE_COMMENT
} wn_node_type;

typedef enum wn_ns {
    WN_NS_HTML = 0,
    WN_NS_SVG,
    WN_NS_MATHML
} wn_ns;

/* Namespace of an attribute after the tree builder's foreign-attribute adjustment. */
typedef enum wn_attr_ns {
    WN_ATTR_NS_NONE = 0,
    WN_ATTR_NS_XLINK,
    WN_ATTR_NS_XML,
    WN_ATTR_NS_XMLNS
} wn_attr_ns;

typedef struct wn_attr {
    wn_str name;      /* local name, lowercase for HTML (adjusted case for SVG/MathML) */
    wn_str value;     /* decoded UTF-8 */
    uint8_t ns;       /* wn_attr_ns */
} wn_attr;

/* Node flags. The low 16 bits belong to the parser, the high 16 to the extractor. */
#define WN_NODE_FLAG_MATHML_HTML_INTEGRATION 0x0001u /* annotation-xml with text/html */
#define WN_NODE_FLAG_DOCTYPE_HAS_PUBLIC      0x0002u
#define WN_NODE_FLAG_DOCTYPE_HAS_SYSTEM      0x0004u
#define WN_NODE_FLAG_DROPPED                 0x00010000u /* extractor: not part of the article */
#define WN_NODE_FLAG_KEEP_FORM               0x00020000u /* extractor: a form/fieldset that holds
                                                          * article text, copied as a block */
#define WN_NODE_FLAG_EXTRACT_MASK            0xFFFF0000u

typedef struct wn_node wn_node;
struct wn_node {
    uint8_t type;        /* wn_node_type */
    uint8_t ns;          /* wn_ns, elements only */
    uint16_t tag;        /* enum wn_tag; WN_TAG_UNKNOWN for names not in the table */
    uint32_t flags;
    uint32_t id;         /* creation order, 0..doc->node_count-1: index for side tables */
    uint32_t nattrs;
    wn_node *parent, *first, *last, *prev, *next;
    /* An element (or doctype) has a name and no data, a text node or comment
     * data and no name: one slot holds either. Read name only on elements and
     * doctypes, text only on text and comment nodes. */
    union {
        wn_str name;     /* element local name; doctype name */
        wn_str text;     /* text and comment data */
    };
    wn_attr *attrs;      /* nattrs entries */
};

/*
 * Two rare parts live outside wn_node so that every node stays 80 bytes (a
 * page has one node per 13-30 input bytes): the contents of an HTML
 * <template> (a WN_NODE_DOCUMENT fragment) and a doctype's public and system
 * ids.
 * wn_dom_new_element() allocates a wn_template_node for an HTML template and
 * wn_dom_new_doctype() a wn_doctype_node; a node's tag, namespace and type
 * never change, so the accessors below can tell which struct they hold.
 */
typedef struct wn_template_node {
    wn_node node;
    wn_node *content;
} wn_template_node;

typedef struct wn_doctype_node {
    wn_node node;
    wn_str public_id, system_id;
} wn_doctype_node;

/* A MathML <annotation> or <annotation-xml>: a formula's TeX or markup copy. */
static inline bool wn_dom_is_math_annotation(const wn_node *n)
{
    return n->type == WN_NODE_ELEMENT && n->ns == WN_NS_MATHML &&
           (n->tag == WN_TAG_ANNOTATION_XML || wn_str_eq(n->name, "annotation"));
}

static inline bool wn_dom_is_template(const wn_node *n)
{
    return n->type == WN_NODE_ELEMENT && n->ns == WN_NS_HTML && n->tag == WN_TAG_TEMPLATE;
}

/* The template's contents, or NULL (not an HTML template, or none set). */
static inline wn_node *wn_template_content(const wn_node *n)
{
    return wn_dom_is_template(n) ? ((const wn_template_node *)(const void *)n)->content : NULL;
}

/* Set an HTML template's contents; ignored for any other node. */
static inline void wn_template_set_content(wn_node *n, wn_node *content)
{
    if (wn_dom_is_template(n))
        ((wn_template_node *)(void *)n)->content = content;
}

/* A doctype's system id ({NULL,0} for other nodes or when absent). */
static inline wn_str wn_doctype_system_id(const wn_node *n)
{
    if (n->type != WN_NODE_DOCTYPE)
        return wn_str_make(NULL, 0);
    return ((const wn_doctype_node *)(const void *)n)->system_id;
}

static inline void wn_doctype_set_system_id(wn_node *n, wn_str id)
{
    if (n->type == WN_NODE_DOCTYPE)
        ((wn_doctype_node *)(void *)n)->system_id = id;
}

/* A doctype's public id ({NULL,0} for other nodes or when absent). */
static inline wn_str wn_doctype_public_id(const wn_node *n)
{
    if (n->type != WN_NODE_DOCTYPE)
        return wn_str_make(NULL, 0);
    return ((const wn_doctype_node *)(const void *)n)->public_id;
}

static inline void wn_doctype_set_public_id(wn_node *n, wn_str id)
{
    if (n->type == WN_NODE_DOCTYPE)
        ((wn_doctype_node *)(void *)n)->public_id = id;
}

typedef struct wn_doc {
    wn_arena arena;
    wn_node *root;         /* WN_NODE_DOCUMENT */
    uint32_t node_count;
    uint32_t max_nodes;    /* 0 = unlimited; wn_dom_new_* fail beyond it */
    bool quirks;           /* quirks mode */
    bool limited_quirks;
    bool text_only;        /* the parser's structure budget ran out: later tags were ignored */
    wn_deadline *deadline; /* the page's time budget while it is extracted, or NULL */
    const char *encoding;  /* WHATWG name of the encoding the bytes were decoded from */
    size_t parse_errors;
    size_t input_bytes;
} wn_doc;

/* A new empty document whose arena is capped at arena_limit bytes (0 = none). NULL on OOM. */
wn_doc  *wn_doc_new(size_t arena_limit);
void     wn_doc_free(wn_doc *d);   /* NULL is a no-op */

/* Node creation: strings are NOT copied (callers pass arena or input-owned memory).
 * Each returns NULL when out of memory, over the arena limit or over max_nodes. */
wn_node *wn_dom_new_element(wn_doc *d, wn_ns ns, uint16_t tag, wn_str name);
wn_node *wn_dom_new_text(wn_doc *d, wn_str text);
wn_node *wn_dom_new_comment(wn_doc *d, wn_str text);
wn_node *wn_dom_new_doctype(wn_doc *d, wn_str name);
wn_node *wn_dom_new_fragment(wn_doc *d);

/* Tree edits. */
void wn_dom_append(wn_node *parent, wn_node *child);
void wn_dom_insert_before(wn_node *parent, wn_node *child, wn_node *ref); /* ref NULL = append */
void wn_dom_remove(wn_node *node);                    /* detach from its parent */
void wn_dom_move_children(wn_node *from, wn_node *to); /* append all of from's children to to */

/* Attributes. Inline so that strlen() of the literal names callers pass
 * folds at compile time: extraction asks every element for "class" and "id". */

/* The attribute with this exact (lowercase) name, or NULL. */
static inline const wn_attr *wn_dom_attr(const wn_node *el, const char *name)
{
    if (el->nattrs == 0)
        return NULL;
    size_t n = strlen(name);
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const wn_attr *a = &el->attrs[i];
        if (a->name.n == n && (n == 0 || a->name.p[0] == name[0]) && memcmp(a->name.p, name, n) == 0)
            return a;
    }
    return NULL;
}

/* The attribute's value, {NULL,0} if absent. */
static inline wn_str wn_dom_attr_value(const wn_node *el, const char *name)
{
    const wn_attr *a = wn_dom_attr(el, name);
    if (a == NULL)
        return wn_str_make(NULL, 0);
    return a->value;
}

/* Replace the element's attribute array (copied into the arena). Returns 0 or -1. */
int            wn_dom_set_attrs(wn_doc *d, wn_node *el, const wn_attr *attrs, uint32_t n);

/* Tag names. name must already be lowercase. */
uint16_t    wn_tag_lookup(const char *name, size_t n);
const char *wn_tag_name(uint16_t tag);

static inline bool wn_is_html(const wn_node *n, uint16_t tag)
{
    return n && n->type == WN_NODE_ELEMENT && n->ns == WN_NS_HTML && n->tag == tag;
}

/* Pre-order traversal without recursion: next node after n within the subtree of root,
 * descending into children (or skipping them when skip_children). NULL at the end. */
/* The last node of n's subtree in document order (n itself when it has no
 * children), descending at most max_depth levels. With creation ids this
 * estimates a subtree's size: the tree builder rarely moves nodes. */
static inline const wn_node *wn_dom_last_descendant(const wn_node *n, size_t max_depth)
{
    for (size_t d = 0; n->last && d < max_depth; d++)
        n = n->last;
    return n;
}

static inline wn_node *wn_dom_next(const wn_node *root, const wn_node *n, bool skip_children)
{
    if (!skip_children && n->first)
        return n->first;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

/* Debug invariant checker: parent/child/sibling links consistent, no cycles, node
 * count within doc->node_count. Returns NULL if sound, else a static message. */
const char *wn_dom_check(const wn_doc *d);

/* Concatenated text of a subtree into buf (arena-free helper for tests/extractor). */
struct wn_buf;
int wn_dom_text_content(const wn_node *n, struct wn_buf *out);

#endif
