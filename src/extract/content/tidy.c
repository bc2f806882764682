/*
 * tidy.c: passes 2-4 of the cleaner (clean.c copies): group loose inline
 * runs into paragraphs, trim white space, prune what shows nothing.
 */
#include <string.h>

#include "core/buf.h"
#include "extract/content/clean.h"
#include "winnow.h"

/* MARK: Pass 2: paragraphs --------------------------------------------------- */

static bool is_mark(const wn_node *n)
{
    return n->type == WN_NODE_ELEMENT && (n->flags & MARK_FLAG);
}

static bool blank_text(const wn_node *n)
{
    if (n->type != WN_NODE_TEXT)
        return false;
    for (size_t i = 0; i < n->text.n; i++)
        if (!wn_is_space((unsigned char)n->text.p[i]))
            return false;
    return true;
}

/* A br followed (past blank text) by another br: an old-style paragraph break. */
static bool double_br(const wn_node *n)
{
    if (!wn_is_html(n, WN_TAG_BR))
        return false;
    const wn_node *x = n->next;
    while (x && blank_text(x))
        x = x->next;
    return x && wn_is_html(x, WN_TAG_BR);
}

/* Is this child a run boundary? Blocks and markers; double br too. */
static bool breaks_run(const wn_node *n)
{
    return is_mark(n) || !wn_clean_inline_node(n) || double_br(n);
}

/* Does the run [a, b) have visible content (text or an image)? */
static bool run_has_content(const wn_node *a, const wn_node *b)
{
    for (const wn_node *x = a; x != b; x = x->next)
        for (const wn_node *y = x; y; y = wn_dom_next(x, y, false)) {
            if (y->type == WN_NODE_TEXT && !blank_text(y))
                return true;
            if (wn_is_html(y, WN_TAG_IMG))
                return true;
        }
    return false;
}

/* Remove the boundary at n (a marker, or a br br pair with blanks between);
 * returns the node after it. */
static wn_node *drop_boundary(wn_node *n)
{
    wn_node *next = n->next;
    if (is_mark(n)) {
        wn_dom_remove(n);
        return next;
    }
    while (n && (wn_is_html(n, WN_TAG_BR) || blank_text(n))) {
        next = n->next;
        wn_dom_remove(n);
        n = next;
    }
    return n;
}

/* Does x belong to a run? For paragraphs: inline nodes; for lists: anything
 * but li. Markers and br br pairs end runs in both. */
static bool run_member(const wn_node *x, unsigned wrap_tag)
{
    if (is_mark(x) || double_br(x))
        return false;
    if (wrap_tag == WN_TAG_LI)
        return !wn_is_html(x, WN_TAG_LI);
    return wn_clean_inline_node(x);
}

/* Group the inline children of a flow container into paragraphs (wrap_tag =
 * p), or the stray children of a list into items (wrap_tag = li). Blank runs
 * disappear. */
static int wrap_runs(wn_doc *d, wn_node *box, unsigned wrap_tag)
{
    wn_node *x = box->first;
    while (x) {
        if (!run_member(x, wrap_tag)) {
            x = (is_mark(x) || double_br(x)) ? drop_boundary(x) : x->next;
            continue;
        }
        wn_node *end = x;
        while (end && run_member(end, wrap_tag))
            end = end->next;
        if (!run_has_content(x, end)) {
            while (x != end) {
                wn_node *nx = x->next;
                wn_dom_remove(x);
                x = nx;
            }
            continue;
        }
        wn_node *p;
        if (wrap_tag == WN_TAG_LI && x->prev && wn_is_html(x->prev, WN_TAG_LI) &&
            (wn_is_html(x, WN_TAG_UL) || wn_is_html(x, WN_TAG_OL))) {
            p = x->prev;   /* <ul><li>a</li><ul>..</ul></ul>: the sublist belongs to a */
        } else {
            p = wn_clean_new_el(d, wrap_tag);
            if (p == NULL)
                return -1;
            wn_dom_insert_before(box, p, x);
        }
        while (x != end) {
            wn_node *nx = x->next;
            wn_dom_append(p, x);
            x = nx;
        }
    }
    return 0;
}

/* In li/dd: several separated inline runs become paragraphs; one stays inline. */
static int item_runs(wn_doc *d, wn_node *box)
{
    int runs = 0;
    bool in_run = false;
    wn_node *start = NULL;
    for (wn_node *x = box->first; x; x = x->next) {
        if (breaks_run(x)) {
            if (in_run && run_has_content(start, x))
                runs++;
            in_run = false;
        } else if (!in_run) {
            in_run = true;
            start = x;
        }
    }
    if (in_run && run_has_content(start, NULL))
        runs++;
    if (runs >= 2)
        return wrap_runs(d, box, WN_TAG_P);
    for (wn_node *x = box->first; x;) {
        wn_node *nx = x->next;
        if (is_mark(x))
            wn_dom_remove(x);
        x = nx;
    }
    return 0;
}

/* Elsewhere (cells, figures, table parts) a marker just separates words. */
static int marks_to_spaces(wn_doc *d, wn_node *box)
{
    for (wn_node *x = box->first; x;) {
        wn_node *nx = x->next;
        if (is_mark(x)) {
            wn_node *t = wn_dom_new_text(d, WN_STR_LIT(" "));
            if (t == NULL)
                return -1;
            wn_dom_insert_before(box, t, x);
            wn_dom_remove(x);
        }
        x = nx;
    }
    return 0;
}

static int paragraphs(wn_doc *d, wn_node *root)
{
    for (wn_node *n = root; n; n = wn_dom_next(root, n, false)) {
        int rc = 0;
        if (n->type == WN_NODE_DOCUMENT || wn_is_html(n, WN_TAG_BLOCKQUOTE))
            rc = wrap_runs(d, n, WN_TAG_P);
        else if (wn_is_html(n, WN_TAG_UL) || wn_is_html(n, WN_TAG_OL))
            rc = wrap_runs(d, n, WN_TAG_LI);
        else if (wn_is_html(n, WN_TAG_LI) || wn_is_html(n, WN_TAG_DD))
            rc = item_runs(d, n);
        else if (n->type == WN_NODE_ELEMENT && n->first)
            rc = marks_to_spaces(d, n);
        if (rc)
            return -1;
    }
    return 0;
}

/* MARK: Pass 3: whitespace --------------------------------------------------- */

typedef struct trim_state {
    bool space_ok;      /* a space here would separate two visible things */
    wn_node *tail;      /* last text, when it ends with a space */
} trim_state;

static void line_break(trim_state *s)
{
    if (s->tail) {
        s->tail->text.n--;   /* its last byte is the collapsed space */
        s->tail = NULL;
    }
    s->space_ok = false;
}

static void trim_spaces(wn_node *root)
{
    trim_state s = { false, NULL };
    wn_node *n = root->first;
    while (n) {
        bool descend = true;
        if (n->type == WN_NODE_TEXT) {
            if (n->text.n && n->text.p[0] == ' ' && !s.space_ok) {
                n->text.p++;
                n->text.n--;
            }
            if (n->text.n) {
                bool sp = n->text.p[n->text.n - 1] == ' ';
                s.tail = sp ? n : NULL;
                s.space_ok = !sp;
            }
        } else if (wn_is_html(n, WN_TAG_IMG)) {
            s.tail = NULL;
            s.space_ok = true;
        } else if (n->type == WN_NODE_ELEMENT && (!wn_clean_inline_node(n) || n->tag == WN_TAG_BR)) {
            line_break(&s);
            descend = !wn_is_html(n, WN_TAG_PRE);   /* pre text stays verbatim */
        }
        if (descend && n->first) {
            n = n->first;
            continue;
        }
        for (;;) {   /* leaving n, and then each ancestor without a next sibling */
            if (n->type == WN_NODE_ELEMENT && !wn_clean_inline_node(n))
                line_break(&s);
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (n == NULL || n == root) {
                n = NULL;
                break;
            }
        }
    }
    line_break(&s);
}

/* MARK: Pass 4: prune ---------------------------------------------------------- */

static bool only_breaks(const wn_node *n)
{
    for (const wn_node *c = n->first; c; c = c->next)
        if (!wn_is_html(c, WN_TAG_BR) && !(c->type == WN_NODE_TEXT && c->text.n == 0) && !is_mark(c))
            return false;
    return true;
}

static bool prunable(const wn_node *n)
{
    if (n->type == WN_NODE_TEXT)
        return n->text.n == 0;
    if (n->type != WN_NODE_ELEMENT)
        return true;
    if (is_mark(n))
        return true;
    switch (n->tag) {
    case WN_TAG_IMG: case WN_TAG_HR: case WN_TAG_TD: case WN_TAG_TH:
        return false;
    case WN_TAG_BR:
        return false;   /* trim_breaks handles the ends of blocks */
    default:
        return n->first == NULL || only_breaks(n);
    }
}

static wn_node *deepest_first(wn_node *n)
{
    while (n->first)
        n = n->first;
    return n;
}

/* Breaks (and emptied text) at either end of a block show nothing. */
static void trim_breaks(wn_node *block)
{
    for (int end = 0; end < 2; end++) {
        for (;;) {
            wn_node *x = end ? block->last : block->first;
            if (x == NULL || !(wn_is_html(x, WN_TAG_BR) || is_mark(x) ||
                               (x->type == WN_NODE_TEXT && x->text.n == 0)))
                break;
            wn_dom_remove(x);
        }
    }
}

static void prune(wn_node *root)
{
    if (root->first == NULL)
        return;
    wn_node *n = deepest_first(root->first);
    while (n != root) {
        wn_node *next = n->next ? deepest_first(n->next) : n->parent;
        if (n->type == WN_NODE_ELEMENT && !wn_clean_inline_node(n))
            trim_breaks(n);
        if (prunable(n))
            wn_dom_remove(n);
        n = next;
    }
}

int wn_clean_tidy(wn_doc *d, wn_node *frag)
{
    if (paragraphs(d, frag) != 0)
        return -1;
    trim_spaces(frag);
    prune(frag);
    return 0;
}
