/*
 * type_product.c: product pages. What the page is about is the product: its
 * name, price, description and specification tables. What the article rules
 * keep by mistake there is everything else that scores like text: customer
 * reviews (many short paragraphs, they often outscore a description written
 * as one block), "customers also bought" and "recently viewed" rails, and
 * what they miss is a description kept in a tab the page hides until clicked.
 * On a page classified as a product:
 *
 *  - blocks named like a description or specification weigh as content, and
 *    are not left out for being hidden (an inactive tab is still the text);
 *  - blocks named like reviews or ratings are user comments: left out of the
 *    candidates, dropped from the article, returned with WN_OPT_COMMENTS;
 *  - blocks named like recommendation rails never become the article and are
 *    dropped from it whatever their size (wn_product_root, at the end of
 *    wn_pick_root);
 *  - a carousel is such a rail too (cards of other products scrolled
 *    sideways, often with no link a link-density test sees), unless it sits
 *    inside a block named like the description: there it scrolls the
 *    product's own facts.
 */
#include <string.h>

#include "core/json.h"
#include "extract/content/content_internal.h"
#include "extract/content/type_rules.h"
#include "extract/pagetype/pagetype.h"
#include "extract/signals/lexicon_data.h"

static bool has_any(const char *low, size_t n, const char *const *names, size_t k)
{
    for (size_t i = 0; i < k; i++) {
        size_t m = strlen(names[i]);
        for (size_t j = 0; j + m <= n; j++)
            if (low[j] == names[i][0] && memcmp(low + j, names[i], m) == 0)
                return true;
    }
    return false;
}

unsigned wn_product_names(const wn_cctx *c, wn_str s, unsigned v)
{
    if (c->pt == NULL || c->pt->type != WN_PAGE_PRODUCT || s.n == 0)
        return v;
    char low[256];
    size_t n = s.n < sizeof low ? s.n : sizeof low;
    wn_ascii_lower_n(low, s.p, n);
    if (has_any(low, n, WN_LEX_LIST(product_desc_class)))
        return (v & ~(unsigned)(VC_UNLIKELY | VC_NEG | VC_BOILER | VC_COMMENT | VC_TEASER)) |
               VC_POS | VC_PRODUCT_DESC;
    if (has_any(low, n, WN_LEX_LIST(product_review_class)))
        return (v & ~(unsigned)VC_MAYBE) | VC_COMMENT | VC_UNLIKELY | VC_NEG;
    if (has_any(low, n, WN_LEX_LIST(product_rail_class)))
        return (v & ~(unsigned)VC_MAYBE) | VC_TEASER | VC_BOILER | VC_UNLIKELY | VC_NEG;
    if (has_any(low, n, WN_LEX_LIST(product_slider_class)))
        return v | VC_SLIDER | VC_NEG;
    return v;
}

/* A carousel is a rail of other products unless it sits inside a block
 * named like the description (below the article's root or the root itself)
 * or holds most of the article's text: then it is the product's own. */
static bool slider_is_rail(const wn_cctx *c, const wn_node *x)
{
    for (const wn_node *a = x->parent; a && a != c->root; a = a->parent)
        if (a->type == WN_NODE_ELEMENT && (wn_vc(c, a) & VC_PRODUCT_DESC))
            return false;
    if (wn_vc(c, c->root) & VC_PRODUCT_DESC)
        return false;
    return (float)wn_st(c, x)->text <= WN_TUNE.product.slider_max_share * (float)wn_st(c, c->root)->text;
}

bool wn_product_shows_hidden(const wn_cctx *c, const wn_node *x)
{
    return c->pt != NULL && c->pt->type == WN_PAGE_PRODUCT && (wn_vc(c, x) & VC_PRODUCT_DESC);
}

/* The heading that announces a dropped rail ("Customers also viewed") goes
 * with it: above the rail, the first block that still holds text, when all
 * of that text is a short heading. */
static void drop_rail_heading(wn_cctx *c, const wn_node *rail)
{
    for (wn_node *a = rail->parent; a && a != c->root; a = a->parent) {
        const wn_cstat *s = wn_st(c, a);
        if (s->text == 0)
            continue;
        if (s->head == s->text && s->text < WN_TUNE.boiler.run_heading_chars &&
            !(c->nf[a->id] & CN_KEEP))
            wn_drop(c, a, WHY_TEASER);
        return;
    }
}

void wn_product_root(wn_cctx *c)
{
    if (c->pt == NULL || c->pt->type != WN_PAGE_PRODUCT || c->root == NULL)
        return;
    for (wn_node *x = c->root->first; x; ) {
        bool skip = (c->nf[x->id] & (CN_IGNORED | CN_DROPPED)) != 0 || x->type != WN_NODE_ELEMENT;
        if (!skip && !(c->nf[x->id] & CN_KEEP) && !(wn_vc(c, x) & VC_PRODUCT_DESC) &&
            ((wn_vc(c, x) & (VC_TEASER | VC_COMMENT)) ||
             ((wn_vc(c, x) & VC_SLIDER) && slider_is_rail(c, x)))) {
            wn_drop(c, x, (wn_vc(c, x) & VC_COMMENT) ? WHY_COMMENTS : WHY_TEASER);
            drop_rail_heading(c, x);
            skip = true;
        }
        x = wn_dom_next(c->root, x, skip);
    }
}

/* MARK: repeated blocks -------------------------------------------------------- */

/* Product pages print the same panel more than once: one copy per variant
 * (colour, size) of which the page shows one, a mobile and a desktop layout
 * of the same description. Collection and listing cards repeat their title
 * (an image link and a heading) and carry the same badge or button label
 * each ("Free delivery", "Compare"). Service pages print a section twice
 * (a desktop and a phone layout, a carousel's cloned slides, a marquee's
 * repeated line); there only copies of a sentence's length go, and a table's
 * cells never do: a plan table says "Included" in every column. Each copy
 * reads as content; the text needs one.
 * The unit compared is the innermost block: an element with no block below
 * it whose parent has one (a paragraph, a heading, a list, a div of text). */

static bool unit_gone(const wn_cctx *c, const wn_node *x)
{
    return !(c->nf[x->id] & CN_VISITED) || (c->nf[x->id] & (CN_IGNORED | CN_DROPPED));
}

static bool is_unit(const wn_cctx *c, const wn_node *x)
{
    return x->type == WN_NODE_ELEMENT && !(c->nf[x->id] & CN_BLOCKDESC) &&
           (x == c->root || (x->parent && (c->nf[x->parent->id] & CN_BLOCKDESC)));
}

/* A hash of a unit's text as read (lowercased, white space collapsed, the
 * blocks left out skipped) and its length in bytes. */
static uint64_t unit_hash(const wn_cctx *c, const wn_node *unit, size_t *len)
{
    uint64_t h = 14695981039346656037u;   /* FNV-1a */
    size_t n = 0;
    bool space = true;
    for (const wn_node *x = unit; x; ) {
        bool skip = x->type == WN_NODE_ELEMENT && unit_gone(c, x);
        if (x->type == WN_NODE_TEXT) {
            for (size_t i = 0; i < x->text.n; i++) {
                unsigned char ch = (unsigned char)wn_ascii_lower(x->text.p[i]);
                if (wn_is_space(ch)) {
                    space = true;
                    continue;
                }
                if (space && n > 0) {
                    h = (h ^ ' ') * 1099511628211u;
                    n++;
                }
                space = false;
                h = (h ^ ch) * 1099511628211u;
                n++;
            }
        }
        x = wn_dom_next(unit, x, skip);
    }
    *len = n;
    return h;
}

/* Whether x lies in a table cell below the article's root. */
static bool in_cell(const wn_cctx *c, const wn_node *x)
{
    for (const wn_node *a = x; a && a != c->root; a = a->parent)
        if (wn_is_html(a, WN_TAG_TD) || wn_is_html(a, WN_TAG_TH))
            return true;
    return false;
}

void wn_product_dedupe(wn_cctx *c)
{
    if (c->pt == NULL || c->root == NULL ||
        (c->pt->type != WN_PAGE_PRODUCT && c->pt->type != WN_PAGE_COLLECTION &&
         c->pt->type != WN_PAGE_LISTING && c->pt->type != WN_PAGE_SERVICE))
        return;
    bool service = c->pt->type == WN_PAGE_SERVICE;
    size_t units = 0;
    for (wn_node *x = c->root; x; ) {
        bool skip = x->type == WN_NODE_ELEMENT && unit_gone(c, x);
        if (!skip && is_unit(c, x))
            units++, skip = true;
        x = wn_dom_next(c->root, x, skip);
    }
    if (units < 2)
        return;
    size_t min_len = c->pt->type == WN_PAGE_PRODUCT ? WN_TUNE.product.repeat_min_chars :
                     service ? WN_TUNE.service.repeat_min_chars : WN_TUNE.list.repeat_min_chars;
    size_t cap = 4;
    while (cap < 2 * units)
        cap *= 2;
    uint64_t *seen = wn_arena_alloc(&c->d->arena, cap * sizeof *seen);
    if (seen == NULL)
        return;   /* out of memory: the copies stay, nothing is lost */
    memset(seen, 0, cap * sizeof *seen);
    for (wn_node *x = c->root; x; ) {
        bool skip = x->type == WN_NODE_ELEMENT && unit_gone(c, x);
        if (!skip && is_unit(c, x)) {
            skip = true;
            size_t len;
            uint64_t h = unit_hash(c, x, &len);
            if (len >= min_len && x != c->root && !(service && in_cell(c, x))) {
                h |= 1;   /* 0 marks an empty slot */
                size_t i = (size_t)(h >> 7) & (cap - 1);
                while (seen[i] != 0 && seen[i] != h)
                    i = (i + 1) & (cap - 1);
                if (seen[i] == h)
                    wn_drop(c, x, WHY_REPEATED);
                else
                    seen[i] = h;
            }
        }
        x = wn_dom_next(c->root, x, skip);
    }
}

/* MARK: the description from JSON-LD ------------------------------------------ */

static bool is_product_object(const wn_json *o)
{
    const wn_json *t = wn_json_get(o, "@type");
    const wn_json *one = t && t->type == WN_JSON_ARRAY ? t->first : t;
    for (; one; one = t->type == WN_JSON_ARRAY ? one->next : NULL) {
        if (one->type != WN_JSON_STRING)
            continue;
        for (size_t i = 0; i < WN_LEX_PRODUCT_SCHEMA_TYPE_N; i++)
            if (wn_str_eq(one->str, wn_lex_product_schema_type[i]))
                return true;
    }
    return false;
}

/* The first product description in a JSON-LD value: a bounded pre-order walk. */
static const wn_json *find_description(const wn_json *root)
{
    const wn_json *stack[DESC_MAX_DEPTH];
    size_t depth = 0, visited = 0;
    stack[0] = root;
    while (visited++ < DESC_MAX_NODES) {
        const wn_json *v = stack[depth];
        if (v->type == WN_JSON_OBJECT && is_product_object(v)) {
            const wn_json *d = wn_json_get(v, "description");
            if (d && d->type == WN_JSON_STRING && d->str.n >= WN_TUNE.product.desc_min_chars)
                return d;
        }
        if ((v->type == WN_JSON_OBJECT || v->type == WN_JSON_ARRAY) && v->first &&
            depth + 1 < DESC_MAX_DEPTH) {
            stack[++depth] = v->first;
            continue;
        }
        while (depth > 0 && stack[depth]->next == NULL)
            depth--;
        if (depth == 0)
            break;
        stack[depth] = stack[depth]->next;
    }
    return NULL;
}

/* Do most of desc's words (runs of 4+ ASCII letters or digits) occur in the
 * lowercased article text? */
static bool covered(const char *desc, size_t dn, const char *text)
{
    size_t words = 0, found = 0;
    char w[64];
    for (size_t i = 0; i < dn; ) {
        size_t k = 0;
        while (i < dn && (unsigned char)desc[i] < 0x80 &&
               (((desc[i] | 0x20) >= 'a' && (desc[i] | 0x20) <= 'z') ||
                (desc[i] >= '0' && desc[i] <= '9'))) {
            if (k < sizeof w - 1)
                w[k++] = wn_ascii_lower(desc[i]);
            i++;
        }
        if (k >= 4 && k < sizeof w - 1) {
            w[k] = '\0';
            words++;
            if (strstr(text, w))
                found++;
        }
        if (k == 0)
            i++;
    }
    return words == 0 || (float)found >= WN_TUNE.product.desc_min_cover * (float)words;
}

int wn_product_add_description(const wn_doc *page, wn_page_type type, wn_doc *dst,
                               wn_node *body, const char *text)
{
    if (type != WN_PAGE_PRODUCT || page == NULL || page->root == NULL || body == NULL)
        return 0;
    wn_arena scratch;
    wn_arena_init(&scratch, DESC_SCRATCH_BYTES);
    const wn_json *desc = NULL;
    for (const wn_node *x = page->root; x && desc == NULL; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT && wn_is_html(x, WN_TAG_SCRIPT)) {
            skip = true;
            wn_str ty = wn_dom_attr_value(x, "type");
            const wn_node *t = x->first;
            if (t && t->type == WN_NODE_TEXT && wn_str_icontains(ty, "ld+json")) {
                const wn_json *root = wn_json_parse(&scratch, t->text.p, t->text.n, DESC_MAX_DEPTH, NULL);
                if (root == NULL) {
                    /* Templates paste raw line breaks into strings: as spaces they parse. */
                    char *copy = wn_arena_alloc(&scratch, t->text.n + 1);
                    for (size_t i = 0; copy && i < t->text.n; i++)
                        copy[i] = (unsigned char)t->text.p[i] < 0x20 ? ' ' : t->text.p[i];
                    if (copy)
                        root = wn_json_parse(&scratch, copy, t->text.n, DESC_MAX_DEPTH, NULL);
                }
                if (root)
                    desc = find_description(root);
            }
        }
        x = wn_dom_next(page->root, x, skip);
    }
    int rc = 0;
    if (desc) {
        /* Lowercase the article text once for the word test. */
        size_t tn = text ? strlen(text) : 0;
        char *low = wn_arena_alloc(&scratch, tn + 1);
        if (low == NULL) {
            rc = -1;
        } else {
            wn_ascii_lower_n(low, text ? text : "", tn);
            low[tn] = '\0';
            if (!covered(desc->str.p, desc->str.n, low)) {
                /* Markup inside the string is left out; what is between tags stays. */
                char *s = wn_arena_alloc(&dst->arena, desc->str.n + 1);
                size_t n = 0;
                bool in_tag = false;
                for (size_t i = 0; s && i < desc->str.n; i++) {
                    char ch = desc->str.p[i];
                    if (ch == '<')
                        in_tag = true;
                    else if (ch == '>' && in_tag)
                        in_tag = false, s[n++] = ' ';
                    else if (!in_tag)
                        s[n++] = ch;
                }
                wn_node *p = s ? wn_dom_new_element(dst, WN_NS_HTML, WN_TAG_P, wn_str_make("p", 1)) : NULL;
                wn_node *tx = p ? wn_dom_new_text(dst, wn_str_make(s, n)) : NULL;
                if (tx == NULL) {
                    rc = -1;
                } else {
                    wn_dom_append(p, tx);
                    /* After the product's name when the article opens with it. */
                    wn_node *ref = body->first;
                    if (ref && ref->type == WN_NODE_ELEMENT && ref->tag >= WN_TAG_H1 &&
                        ref->tag <= WN_TAG_H6)
                        ref = ref->next;
                    wn_dom_insert_before(body, p, ref);
                    rc = 1;
                }
            }
        }
    }
    wn_arena_fini(&scratch);
    return rc;
}
