/*
 * treebuilder.c: WHATWG tree construction, the shared machinery: the stack of open
 * elements (capped at max_depth), element scopes, node insertion with foster
 * parenting and text merging, the list of active formatting elements, the adoption
 * agency algorithm, the dispatcher, and wn_html_build_tree. Insertion modes live in
 * tree_body.c, tree_table.c, tree_modes.c and tree_foreign.c.
 */
#include "html/treebuilder_internal.h"

#include <stdlib.h>
#include <string.h>

#include "html/parser.h"

/* MARK: Private helpers -------------------------------------------------------- */

static bool is_scope_boundary(const wn_node *n, int scope);
static bool is_mode_element(const wn_node *n);

void tb_error(tb *t)
{
    t->errors++;
}

void tb_fail(tb *t, wn_status st, const char *msg)
{
    if (t->status == WN_OK) {
        t->status = st;
        t->msg = msg;
    }
}

/* A NULL from wn_dom_new_*: say whether a cap or memory ran out. */
static void fail_alloc(tb *t)
{
    wn_doc *d = t->d;
    if (d->max_nodes && d->node_count >= d->max_nodes)
        tb_fail(t, WN_ERR_LIMIT, "too many nodes (max_nodes)");
    else if (d->arena.limit && d->arena.used + (1u << 20) >= d->arena.limit)
        tb_fail(t, WN_ERR_LIMIT, "document memory limit reached (max_arena_bytes)");
    else
        tb_fail(t, WN_ERR_NOMEM, "out of memory");
}

static bool in_input(const tb *t, const char *p)
{
    return p >= t->in && p < t->in_end;
}

/* Keep a token string: a slice when it lies in the decoded input, else an arena copy. */
static wn_str keep_str(tb *t, wn_str s)
{
    if (s.n == 0 || (in_input(t, s.p) && s.p + s.n <= t->in_end))
        return s;
    char *p = wn_arena_alloc(&t->d->arena, s.n);
    if (p == NULL) {
        fail_alloc(t);
        return wn_str_make("", 0);
    }
    memcpy(p, s.p, s.n);
    return wn_str_make(p, s.n);
}

wn_node *tb_current(const tb *t)
{
    return t->nstack ? t->stack[t->nstack - 1] : NULL;
}

/* spec: #adjusted-current-node */
wn_node *tb_adjusted_current(const tb *t)
{
    if (t->context && t->nstack == 1)
        return t->context;
    return tb_current(t);
}

bool tb_cur_is(const tb *t, uint16_t tag)
{
    return wn_is_html(tb_current(t), tag);
}

/* MARK: Stack of open elements ------------------------------------------------- */

/* Make room for one more entry in a per-parse array (doubling, never past max). */
static bool grow(tb *t, void **arr, uint32_t *cap, uint32_t used, uint32_t max, size_t elt)
{
    if (used < *cap)
        return true;
    if (*cap >= max)
        return false;
    uint32_t nc = *cap ? *cap * 2 : 64;
    if (nc > max)
        nc = max;
    void *p = realloc(*arr, (size_t)nc * elt);
    if (p == NULL) {
        tb_fail(t, WN_ERR_NOMEM, "out of memory");
        return false;
    }
    *arr = p;
    *cap = nc;
    return true;
}

static uint16_t name_key(wn_str name)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < name.n; i++) {
        h ^= (unsigned char)wn_ascii_lower(name.p[i]);
        h *= 16777619u;
    }
    return (uint16_t)(WN_TAG__COUNT + (h & (TB_NAME_BUCKETS - 1)));
}

static uint16_t node_key(const wn_node *n)
{
    return n->tag != WN_TAG_UNKNOWN ? n->tag : name_key(n->name);
}

uint16_t tb_token_key(const wn_token *tok)
{
    return tok->tag != WN_TAG_UNKNOWN ? tok->tag : name_key(tok->name);
}

/* What a stack slot records about an element, one bit per question. */
enum {
    B_SPECIAL = 1 << 0,
    B_LI_STOP = 1 << 1,   /* special, but not address, div or p */
    B_MODE = 1 << 2,      /* "reset the insertion mode" decides on it */
    B_SCOPE = 1 << 3      /* B_SCOPE << scope: boundary of that scope (4 bits) */
};
#define B_SP (B_SPECIAL | B_LI_STOP)
#define B_ALL_SCOPES ((B_SCOPE << SCOPE_DEFAULT) | (B_SCOPE << SCOPE_LIST) | (B_SCOPE << SCOPE_BUTTON))

/* The same facts for HTML elements, by tag id, so a push costs a table lookup.
 * tb_check_tag_tables() (run by test_parser) checks it against the spec-shaped
 * functions below: tb_is_special_html_tag, is_scope_boundary, is_mode_element. */
static const uint8_t html_bits[WN_TAG__COUNT] = {
    [WN_TAG_ADDRESS] = B_SPECIAL, [WN_TAG_DIV] = B_SPECIAL, [WN_TAG_P] = B_SPECIAL,
    [WN_TAG_AREA] = B_SP, [WN_TAG_ARTICLE] = B_SP, [WN_TAG_ASIDE] = B_SP, [WN_TAG_BASE] = B_SP,
    [WN_TAG_BASEFONT] = B_SP, [WN_TAG_BGSOUND] = B_SP, [WN_TAG_BLOCKQUOTE] = B_SP,
    [WN_TAG_BR] = B_SP, [WN_TAG_CENTER] = B_SP, [WN_TAG_COL] = B_SP, [WN_TAG_DD] = B_SP,
    [WN_TAG_DETAILS] = B_SP, [WN_TAG_DIR] = B_SP, [WN_TAG_DL] = B_SP, [WN_TAG_DT] = B_SP,
    [WN_TAG_EMBED] = B_SP, [WN_TAG_FIELDSET] = B_SP, [WN_TAG_FIGCAPTION] = B_SP,
    [WN_TAG_FIGURE] = B_SP, [WN_TAG_FOOTER] = B_SP, [WN_TAG_FORM] = B_SP, [WN_TAG_FRAME] = B_SP,
    [WN_TAG_H1] = B_SP, [WN_TAG_H2] = B_SP, [WN_TAG_H3] = B_SP, [WN_TAG_H4] = B_SP,
    [WN_TAG_H5] = B_SP, [WN_TAG_H6] = B_SP, [WN_TAG_HEADER] = B_SP, [WN_TAG_HGROUP] = B_SP,
    [WN_TAG_HR] = B_SP, [WN_TAG_IFRAME] = B_SP, [WN_TAG_IMG] = B_SP, [WN_TAG_INPUT] = B_SP,
    [WN_TAG_KEYGEN] = B_SP, [WN_TAG_LI] = B_SP, [WN_TAG_LINK] = B_SP, [WN_TAG_LISTING] = B_SP,
    [WN_TAG_MAIN] = B_SP, [WN_TAG_MENU] = B_SP, [WN_TAG_META] = B_SP, [WN_TAG_NAV] = B_SP,
    [WN_TAG_NOEMBED] = B_SP, [WN_TAG_NOFRAMES] = B_SP, [WN_TAG_NOSCRIPT] = B_SP,
    [WN_TAG_OL] = B_SP | (B_SCOPE << SCOPE_LIST), [WN_TAG_UL] = B_SP | (B_SCOPE << SCOPE_LIST),
    [WN_TAG_PARAM] = B_SP, [WN_TAG_PLAINTEXT] = B_SP, [WN_TAG_PRE] = B_SP, [WN_TAG_SCRIPT] = B_SP,
    [WN_TAG_SEARCH] = B_SP, [WN_TAG_SECTION] = B_SP, [WN_TAG_SOURCE] = B_SP, [WN_TAG_STYLE] = B_SP,
    [WN_TAG_SUMMARY] = B_SP, [WN_TAG_TEXTAREA] = B_SP, [WN_TAG_TITLE] = B_SP, [WN_TAG_TRACK] = B_SP,
    [WN_TAG_WBR] = B_SP, [WN_TAG_XMP] = B_SP,
    [WN_TAG_BUTTON] = B_SP | (B_SCOPE << SCOPE_BUTTON),
    [WN_TAG_APPLET] = B_SP | B_ALL_SCOPES, [WN_TAG_MARQUEE] = B_SP | B_ALL_SCOPES,
    [WN_TAG_OBJECT] = B_SP | B_ALL_SCOPES,
    [WN_TAG_CAPTION] = B_SP | B_MODE | B_ALL_SCOPES,
    [WN_TAG_TD] = B_SP | B_MODE | B_ALL_SCOPES, [WN_TAG_TH] = B_SP | B_MODE | B_ALL_SCOPES,
    [WN_TAG_HTML] = B_SP | B_MODE | B_ALL_SCOPES | (B_SCOPE << SCOPE_TABLE),
    [WN_TAG_TABLE] = B_SP | B_MODE | B_ALL_SCOPES | (B_SCOPE << SCOPE_TABLE),
    [WN_TAG_TEMPLATE] = B_SP | B_MODE | B_ALL_SCOPES | (B_SCOPE << SCOPE_TABLE),
    [WN_TAG_TR] = B_SP | B_MODE, [WN_TAG_TBODY] = B_SP | B_MODE, [WN_TAG_THEAD] = B_SP | B_MODE,
    [WN_TAG_TFOOT] = B_SP | B_MODE, [WN_TAG_COLGROUP] = B_SP | B_MODE, [WN_TAG_HEAD] = B_SP | B_MODE,
    [WN_TAG_BODY] = B_SP | B_MODE, [WN_TAG_FRAMESET] = B_SP | B_MODE,
};

static unsigned node_bits(const wn_node *n)
{
    if (n->ns == WN_NS_HTML)
        return html_bits[n->tag];
    unsigned b = 0;
    if (tb_is_special(n))
        b |= B_SP;
    for (int sc = SCOPE_DEFAULT; sc <= SCOPE_TABLE; sc++)
        if (is_scope_boundary(n, sc))
            b |= B_SCOPE << sc;
    return b;
}

/* Fill slot i for stack[i] (all slots below i must be current). */
static void index_slot(tb *t, uint32_t i)
{
    wn_node *n = t->stack[i];
    tb_slot *s = &t->slot[i];
    s->key = node_key(n);
    s->prev_same = t->last_key[s->key];
    t->last_key[s->key] = (int32_t)i;
    unsigned b = node_bits(n);
    int32_t me = (int32_t)i;
    if (i == 0) {
        s->special_at = b & B_SPECIAL ? me : -1;
        s->html_at = n->ns == WN_NS_HTML ? me : -1;
        s->li_stop_at = b & B_LI_STOP ? me : -1;
        s->mode_at = b & B_MODE ? me : -1;
        for (int sc = SCOPE_DEFAULT; sc <= SCOPE_TABLE; sc++)
            s->bound_at[sc] = b & (B_SCOPE << sc) ? me : -1;
        return;
    }
    const tb_slot *below = &t->slot[i - 1];
    s->special_at = b & B_SPECIAL ? me : below->special_at;
    s->html_at = n->ns == WN_NS_HTML ? me : below->html_at;
    s->li_stop_at = b & B_LI_STOP ? me : below->li_stop_at;
    s->mode_at = b & B_MODE ? me : below->mode_at;
    for (int sc = SCOPE_DEFAULT; sc <= SCOPE_TABLE; sc++)
        s->bound_at[sc] = b & (B_SCOPE << sc) ? me : below->bound_at[sc];
}

/* Forget slots from the top down to index i (before the stack changes there). */
static void unindex_from(tb *t, uint32_t i)
{
    for (uint32_t j = t->nstack; j-- > i;)
        t->last_key[t->slot[j].key] = t->slot[j].prev_same;
}

static void reindex_from(tb *t, uint32_t i)
{
    for (uint32_t j = i; j < t->nstack; j++)
        index_slot(t, j);
}

void tb_push(tb *t, wn_node *n)
{
    uint32_t cap = t->cap_stack;
    if (!grow(t, (void **)&t->stack, &t->cap_stack, t->nstack, t->max_stack + 8, sizeof *t->stack))
        return;
    if (t->cap_stack != cap) {
        tb_slot *s = realloc(t->slot, (size_t)t->cap_stack * sizeof *s);
        if (s == NULL) {
            tb_fail(t, WN_ERR_NOMEM, "out of memory");
            return;
        }
        t->slot = s;
    }
    t->stack[t->nstack++] = n;
    index_slot(t, t->nstack - 1);
    n->flags |= TB_FLAG_OPEN;
    if (n->ns == WN_NS_HTML)
        t->count[n->tag]++;
    else
        t->foreign_on_stack++;
}

static void unmark(tb *t, wn_node *n)
{
    n->flags &= ~TB_FLAG_OPEN;
    if (n->ns == WN_NS_HTML)
        t->count[n->tag]--;
    else
        t->foreign_on_stack--;
}

wn_node *tb_pop(tb *t)
{
    if (t->nstack == 0)
        return NULL;
    wn_node *n = t->stack[--t->nstack];
    t->last_key[t->slot[t->nstack].key] = t->slot[t->nstack].prev_same;
    unmark(t, n);
    if (t->sel_target && n->ns == WN_NS_HTML && n->tag == WN_TAG_OPTION)
        tb_option_popped(t, n);
    return n;
}

void tb_pop_until(tb *t, uint16_t tag)
{
    if (t->count[tag] == 0)
        return;
    while (t->nstack) {
        wn_node *n = tb_pop(t);
        if (n->ns == WN_NS_HTML && n->tag == tag)
            return;
    }
}

void tb_pop_until_one_of(tb *t, const uint16_t *tags, int ntags)
{
    uint32_t c = 0;
    for (int i = 0; i < ntags; i++)
        c += t->count[tags[i]];
    if (c == 0)
        return;
    while (t->nstack) {
        wn_node *n = tb_pop(t);
        if (n->ns != WN_NS_HTML)
            continue;
        for (int i = 0; i < ntags; i++)
            if (n->tag == tags[i])
                return;
    }
}

int tb_stack_index(const tb *t, const wn_node *n)
{
    if (!(n->flags & TB_FLAG_OPEN))
        return -1;
    for (int32_t j = t->last_key[node_key(n)]; j >= 0; j = t->slot[j].prev_same)
        if (t->stack[j] == n)
            return (int)j;
    return -1;
}

int tb_topmost(const tb *t, uint16_t tag)
{
    if (tag == WN_TAG_UNKNOWN || t->count[tag] == 0)
        return -1;
    for (int32_t j = t->last_key[tag]; j >= 0; j = t->slot[j].prev_same)
        if (t->stack[j]->ns == WN_NS_HTML)
            return (int)j;
    return -1;
}

bool tb_in_stack(const wn_node *n)
{
    return (n->flags & TB_FLAG_OPEN) != 0;
}

void tb_remove_from_stack(tb *t, wn_node *n)
{
    int i = tb_stack_index(t, n);
    if (i < 0)
        return;
    unindex_from(t, (uint32_t)i);
    unmark(t, n);
    memmove(&t->stack[i], &t->stack[i + 1], (t->nstack - (uint32_t)i - 1) * sizeof *t->stack);
    t->nstack--;
    reindex_from(t, (uint32_t)i);
}

/* MARK: Scopes ----------------------------------------------------------------- */

static bool is_scope_boundary(const wn_node *n, int scope)
{
    if (n->ns == WN_NS_HTML) {
        switch (n->tag) {
        case WN_TAG_HTML:
        case WN_TAG_TABLE:
        case WN_TAG_TEMPLATE:
            return true;
        case WN_TAG_APPLET:
        case WN_TAG_CAPTION:
        case WN_TAG_TD:
        case WN_TAG_TH:
        case WN_TAG_MARQUEE:
        case WN_TAG_OBJECT:
            return scope != SCOPE_TABLE;
        case WN_TAG_OL:
        case WN_TAG_UL:
            return scope == SCOPE_LIST;
        case WN_TAG_BUTTON:
            return scope == SCOPE_BUTTON;
        default:
            return false;
        }
    }
    if (scope == SCOPE_TABLE)
        return false;
    if (n->ns == WN_NS_MATHML)
        return n->tag == WN_TAG_MI || n->tag == WN_TAG_MO || n->tag == WN_TAG_MN ||
               n->tag == WN_TAG_MS || n->tag == WN_TAG_MTEXT || n->tag == WN_TAG_ANNOTATION_XML;
    return n->tag == WN_TAG_FOREIGNOBJECT || n->tag == WN_TAG_DESC || n->tag == WN_TAG_TITLE;
}

/* spec: #has-an-element-in-the-specific-scope. The walk down from the current node
 * finds the target before any boundary exactly when the topmost target sits at or
 * above the topmost boundary; both are kept per stack slot, so this is O(1). */
bool tb_in_scope(const tb *t, uint16_t tag, int scope)
{
    int j = tb_topmost(t, tag);
    return j >= 0 && j >= t->slot[t->nstack - 1].bound_at[scope];
}

bool tb_node_in_scope(const tb *t, const wn_node *target, int scope)
{
    int j = tb_stack_index(t, target);
    return j >= 0 && j >= t->slot[t->nstack - 1].bound_at[scope];
}

bool tb_heading_in_scope(const tb *t)
{
    int best = -1;
    for (int g = WN_TAG_H1; g <= WN_TAG_H6; g++) {
        int j = tb_topmost(t, (uint16_t)g);
        if (j > best)
            best = j;
    }
    return best >= 0 && best >= t->slot[t->nstack - 1].bound_at[SCOPE_DEFAULT];
}

static bool implied_end(uint16_t tag, bool thorough)
{
    switch (tag) {
    case WN_TAG_DD: case WN_TAG_DT: case WN_TAG_LI: case WN_TAG_OPTGROUP:
    case WN_TAG_OPTION: case WN_TAG_P: case WN_TAG_RB: case WN_TAG_RP:
    case WN_TAG_RT: case WN_TAG_RTC:
        return true;
    case WN_TAG_CAPTION: case WN_TAG_COLGROUP: case WN_TAG_TBODY: case WN_TAG_TD:
    case WN_TAG_TFOOT: case WN_TAG_TH: case WN_TAG_THEAD: case WN_TAG_TR:
        return thorough;
    default:
        return false;
    }
}

/* spec: #generate-implied-end-tags; except = WN_TAG_UNKNOWN for none */
void tb_generate_implied_end_tags(tb *t, uint16_t except)
{
    for (;;) {
        wn_node *c = tb_current(t);
        if (c == NULL || c->ns != WN_NS_HTML || c->tag == except || !implied_end(c->tag, false))
            return;
        tb_pop(t);
    }
}

void tb_generate_all_implied_end_tags(tb *t)
{
    for (;;) {
        wn_node *c = tb_current(t);
        if (c == NULL || c->ns != WN_NS_HTML || !implied_end(c->tag, true))
            return;
        tb_pop(t);
    }
}

/* spec: #close-a-p-element */
void tb_close_p(tb *t)
{
    tb_generate_implied_end_tags(t, WN_TAG_P);
    if (!tb_cur_is(t, WN_TAG_P))
        tb_error(t);
    tb_pop_until(t, WN_TAG_P);
}

/* spec: #special. select is left out: html5lib-tests (customizable select) expect
 * "<font><select><option>a</option></font>" to keep select inside font. */
bool tb_is_special(const wn_node *n)
{
    if (n->ns == WN_NS_MATHML)
        return n->tag == WN_TAG_MI || n->tag == WN_TAG_MO || n->tag == WN_TAG_MN ||
               n->tag == WN_TAG_MS || n->tag == WN_TAG_MTEXT || n->tag == WN_TAG_ANNOTATION_XML;
    if (n->ns == WN_NS_SVG)
        return n->tag == WN_TAG_FOREIGNOBJECT || n->tag == WN_TAG_DESC || n->tag == WN_TAG_TITLE;
    return (html_bits[n->tag] & B_SPECIAL) != 0;
}

/* The list the table above encodes, kept as the spec writes it (and checked against
 * the table by test_parser). */
bool tb_is_special_html_tag(uint16_t tag)
{
    switch (tag) {
    case WN_TAG_ADDRESS: case WN_TAG_APPLET: case WN_TAG_AREA: case WN_TAG_ARTICLE:
    case WN_TAG_ASIDE: case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND:
    case WN_TAG_BLOCKQUOTE: case WN_TAG_BODY: case WN_TAG_BR: case WN_TAG_BUTTON:
    case WN_TAG_CAPTION: case WN_TAG_CENTER: case WN_TAG_COL: case WN_TAG_COLGROUP:
    case WN_TAG_DD: case WN_TAG_DETAILS: case WN_TAG_DIR: case WN_TAG_DIV: case WN_TAG_DL:
    case WN_TAG_DT: case WN_TAG_EMBED: case WN_TAG_FIELDSET: case WN_TAG_FIGCAPTION:
    case WN_TAG_FIGURE: case WN_TAG_FOOTER: case WN_TAG_FORM: case WN_TAG_FRAME:
    case WN_TAG_FRAMESET: case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4:
    case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_HEAD: case WN_TAG_HEADER: case WN_TAG_HGROUP:
    case WN_TAG_HR: case WN_TAG_HTML: case WN_TAG_IFRAME: case WN_TAG_IMG: case WN_TAG_INPUT:
    case WN_TAG_KEYGEN: case WN_TAG_LI: case WN_TAG_LINK: case WN_TAG_LISTING: case WN_TAG_MAIN:
    case WN_TAG_MARQUEE: case WN_TAG_MENU: case WN_TAG_META: case WN_TAG_NAV:
    case WN_TAG_NOEMBED: case WN_TAG_NOFRAMES: case WN_TAG_NOSCRIPT: case WN_TAG_OBJECT:
    case WN_TAG_OL: case WN_TAG_P: case WN_TAG_PARAM: case WN_TAG_PLAINTEXT: case WN_TAG_PRE:
    case WN_TAG_SCRIPT: case WN_TAG_SEARCH: case WN_TAG_SECTION:
    case WN_TAG_SOURCE: case WN_TAG_STYLE: case WN_TAG_SUMMARY: case WN_TAG_TABLE:
    case WN_TAG_TBODY: case WN_TAG_TD: case WN_TAG_TEMPLATE: case WN_TAG_TEXTAREA:
    case WN_TAG_TFOOT: case WN_TAG_TH: case WN_TAG_THEAD: case WN_TAG_TITLE: case WN_TAG_TR:
    case WN_TAG_TRACK: case WN_TAG_UL: case WN_TAG_WBR: case WN_TAG_XMP:
        return true;
    default:
        return false;
    }
}

/* MARK: Insertion -------------------------------------------------------------- */

/* Copy the token's attributes into the arena (values stay slices of the input when
 * they can). */
static wn_attr *copy_attrs(tb *t, const wn_token *tok)
{
    if (tok->nattrs == 0)
        return NULL;
    wn_attr *a = wn_arena_alloc(&t->d->arena, (size_t)tok->nattrs * sizeof *a);
    if (a == NULL) {
        fail_alloc(t);
        return NULL;
    }
    t->attr_bytes += (size_t)tok->nattrs * sizeof *a;
    for (uint32_t i = 0; i < tok->nattrs; i++) {
        a[i].name = keep_str(t, tok->attrs[i].name);
        a[i].value = keep_str(t, tok->attrs[i].value);
        a[i].ns = tok->attrs[i].ns;
    }
    return a;
}

/* spec: #create-an-element-for-the-token */
wn_node *tb_create_element(tb *t, const wn_token *tok, wn_ns ns)
{
    wn_str name;
    if (ns == WN_NS_HTML && tok->tag != WN_TAG_UNKNOWN) {
        const char *s = wn_tag_name(tok->tag);
        name = wn_str_make(s, strlen(s));
    } else {
        name = keep_str(t, tok->name);
    }
    wn_node *n = wn_dom_new_element(t->d, ns, tok->tag, name);
    if (n == NULL) {
        fail_alloc(t);
        return NULL;
    }
    n->attrs = copy_attrs(t, tok);
    n->nattrs = n->attrs ? tok->nattrs : 0;
    return n;
}

static wn_node *clone_element(tb *t, const wn_node *src)
{
    wn_node *n = wn_dom_new_element(t->d, (wn_ns)src->ns, src->tag, src->name);
    if (n == NULL) {
        fail_alloc(t);
        return NULL;
    }
    n->attrs = src->attrs;      /* attribute arrays are never edited in place */
    n->nattrs = src->nattrs;
    n->flags = src->flags & ~(TB_FLAG_OPEN | TB_FLAG_AFE);
    return n;
}

/* spec: #appropriate-place-for-inserting-a-node. Returns the parent; *ref is the
 * node to insert before (NULL = append). */
static wn_node *appropriate_place(tb *t, wn_node *target, wn_node **ref)
{
    *ref = NULL;
    if (target == NULL)
        target = tb_current(t);
    if (target == NULL)
        return t->d->root;
    if (t->foster && target->ns == WN_NS_HTML &&
        (target->tag == WN_TAG_TABLE || target->tag == WN_TAG_TBODY ||
         target->tag == WN_TAG_TFOOT || target->tag == WN_TAG_THEAD || target->tag == WN_TAG_TR)) {
        int last_table = tb_topmost(t, WN_TAG_TABLE);
        int last_template = tb_topmost(t, WN_TAG_TEMPLATE);
        if (last_template >= 0 && (last_table < 0 || last_template > last_table))
            return wn_template_content(t->stack[last_template]);
        if (last_table < 0)
            return t->stack[0];
        wn_node *table = t->stack[last_table];
        if (table->parent) {
            *ref = table;
            return table->parent;
        }
        target = t->stack[last_table - 1];
    }
    if (wn_template_content(target))
        return wn_template_content(target);
    return target;
}

void tb_insert_node_at(tb *t, wn_node *n)
{
    wn_node *ref;
    wn_node *parent = appropriate_place(t, NULL, &ref);
    wn_dom_insert_before(parent, n, ref);
}

static bool push_allowed(const tb *t, const wn_node *n)
{
    if (t->nstack < t->max_stack)
        return true;
    /* Raw text elements may go a few over: text mode pops them at once. */
    if (n->ns == WN_NS_HTML && t->nstack < t->max_stack + 4) {
        switch (n->tag) {
        case WN_TAG_TITLE: case WN_TAG_TEXTAREA: case WN_TAG_STYLE: case WN_TAG_SCRIPT:
        case WN_TAG_XMP: case WN_TAG_IFRAME: case WN_TAG_NOEMBED: case WN_TAG_NOFRAMES:
            return true;
        default:
            break;
        }
    }
    return false;
}

/* spec: #insert-a-foreign-element. Past max_depth the element is still inserted but
 * not pushed: it attaches at the depth limit and later content goes beside it. */
wn_node *tb_insert_element(tb *t, const wn_token *tok, wn_ns ns)
{
    wn_node *n = tb_create_element(t, tok, ns);
    if (n == NULL)
        return NULL;
    if (ns == WN_NS_HTML && tok->tag == WN_TAG_TEMPLATE) {
        wn_node *content = wn_dom_new_fragment(t->d);
        wn_template_set_content(n, content);
        if (content == NULL) {
            fail_alloc(t);
            return NULL;
        }
    }
    tb_insert_node_at(t, n);
    if (push_allowed(t, n))
        tb_push(t, n);
    return n;
}

wn_node *tb_insert_html(tb *t, const wn_token *tok)
{
    return tb_insert_element(t, tok, WN_NS_HTML);
}

wn_node *tb_insert_tag(tb *t, uint16_t tag)
{
    wn_token tok;
    memset(&tok, 0, sizeof tok);
    tok.type = WN_TOK_START_TAG;
    tok.tag = tag;
    tok.name = wn_str_make(wn_tag_name(tag), strlen(wn_tag_name(tag)));
    return tb_insert_element(t, &tok, WN_NS_HTML);
}

void tb_insert_void(tb *t, const wn_token *tok)
{
    wn_node *n = tb_insert_html(t, tok);
    if (n && tb_in_stack(n))
        tb_pop(t);
}

/* Append s to text node n: grow in place when it is contiguous input or when n owns
 * a buffer with room; else move it to a buffer twice the size (amortised O(1)). */
static void append_text(tb *t, wn_node *n, wn_str s)
{
    if (n->text.p + n->text.n == s.p && in_input(t, n->text.p) && in_input(t, s.p) &&
        s.p + s.n <= t->in_end) {
        n->text.n += s.n;
        return;
    }
    if (n == t->last_text && n->text.n + s.n <= t->text_cap) {
        memcpy((char *)n->text.p + n->text.n, s.p, s.n);
        n->text.n += s.n;
        return;
    }
    size_t need = n->text.n + s.n;
    size_t cap = need < 32 ? 64 : need * 2;
    char *p = wn_arena_alloc(&t->d->arena, cap);
    if (p == NULL) {
        fail_alloc(t);
        return;
    }
    memcpy(p, n->text.p, n->text.n);
    memcpy(p + n->text.n, s.p, s.n);
    n->text = wn_str_make(p, need);
    t->last_text = n;
    t->text_cap = cap;
}

/* spec: #insert-a-character, for a whole run. Adjacent text merges into one node. */
void tb_insert_chars(tb *t, wn_str s)
{
    if (s.n == 0)
        return;
    wn_node *ref;
    wn_node *parent = appropriate_place(t, NULL, &ref);
    if (parent->type == WN_NODE_DOCUMENT && parent == t->d->root)
        return;
    wn_node *prev = ref ? ref->prev : parent->last;
    if (prev && prev->type == WN_NODE_TEXT) {
        append_text(t, prev, s);
        return;
    }
    wn_node *n = wn_dom_new_text(t->d, keep_str(t, s));
    if (n == NULL) {
        fail_alloc(t);
        return;
    }
    wn_dom_insert_before(parent, n, ref);
}

void tb_insert_comment(tb *t, const wn_token *tok, wn_node *parent)
{
    wn_node *n = wn_dom_new_comment(t->d, keep_str(t, tok->data));
    if (n == NULL) {
        fail_alloc(t);
        return;
    }
    if (parent)
        wn_dom_append(parent, n);
    else
        tb_insert_node_at(t, n);
}

static uint32_t str_hash(wn_str s)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < s.n; i++)
        h = (h ^ (unsigned char)s.p[i]) * 16777619u;
    return h;
}

/* Which of tok's attributes el lacks: a hash set of el's names when both lists are
 * long, so a flood of <body a0.. a999> tags costs O(n) each, not O(n^2). */
static void mark_missing(tb *t, const wn_node *el, const wn_token *tok, bool *missing)
{
    if ((uint64_t)el->nattrs * tok->nattrs <= 256) {
        for (uint32_t i = 0; i < tok->nattrs; i++) {
            bool have = false;
            for (uint32_t j = 0; j < el->nattrs && !have; j++)
                have = el->attrs[j].name.n == tok->attrs[i].name.n &&
                       memcmp(el->attrs[j].name.p, tok->attrs[i].name.p, tok->attrs[i].name.n) == 0;
            missing[i] = !have;
        }
        return;
    }
    uint32_t size = 16;
    while (size < 2 * el->nattrs)
        size *= 2;
    int32_t *set = malloc(size * sizeof *set);
    if (set == NULL) {
        tb_fail(t, WN_ERR_NOMEM, "out of memory");
        memset(missing, 0, tok->nattrs * sizeof *missing);
        return;
    }
    for (uint32_t k = 0; k < size; k++)
        set[k] = -1;
    for (uint32_t j = 0; j < el->nattrs; j++) {
        uint32_t k = str_hash(el->attrs[j].name) & (size - 1);
        while (set[k] >= 0)
            k = (k + 1) & (size - 1);
        set[k] = (int32_t)j;
    }
    for (uint32_t i = 0; i < tok->nattrs; i++) {
        wn_str name = tok->attrs[i].name;
        bool have = false;
        for (uint32_t k = str_hash(name) & (size - 1); set[k] >= 0 && !have; k = (k + 1) & (size - 1))
            have = el->attrs[set[k]].name.n == name.n &&
                   memcmp(el->attrs[set[k]].name.p, name.p, name.n) == 0;
        missing[i] = !have;
    }
    free(set);
}

/* <html> or <body> again: add the attributes the element does not have yet. The
 * element keeps at most max_attrs of them (like a tag). */
void tb_add_attrs_if_missing(tb *t, wn_node *el, const wn_token *tok)
{
    if (tok->nattrs == 0 || (t->max_attrs && el->nattrs >= t->max_attrs))
        return;
    bool *missing = malloc(tok->nattrs * sizeof *missing);
    if (missing == NULL) {
        tb_fail(t, WN_ERR_NOMEM, "out of memory");
        return;
    }
    mark_missing(t, el, tok, missing);
    uint32_t extra = 0;
    for (uint32_t i = 0; i < tok->nattrs; i++)
        extra += missing[i];
    if (t->max_attrs && el->nattrs + extra > t->max_attrs)
        extra = t->max_attrs - el->nattrs;
    wn_attr *a = extra ? wn_arena_alloc(&t->d->arena, (size_t)(el->nattrs + extra) * sizeof *a)
                       : NULL;
    if (extra && a == NULL)
        fail_alloc(t);
    t->attr_bytes += (size_t)(el->nattrs + extra) * sizeof *a;
    if (a) {
        if (el->nattrs)
            memcpy(a, el->attrs, el->nattrs * sizeof *a);
        uint32_t k = el->nattrs;
        for (uint32_t i = 0; i < tok->nattrs && k < el->nattrs + extra; i++) {
            if (!missing[i])
                continue;
            a[k].name = keep_str(t, tok->attrs[i].name);
            a[k].value = keep_str(t, tok->attrs[i].value);
            a[k].ns = tok->attrs[i].ns;
            k++;
        }
        el->attrs = a;
        el->nattrs = k;
    }
    free(missing);
}

void tb_switch_tokenizer(tb *t, wn_tok_state st, const wn_token *tok)
{
    if (t->tok == NULL)
        return;
    if (tok)
        wn_tokenizer_set_last_start_tag(t->tok, tok->name.p, tok->name.n);
    wn_tokenizer_set_state(t->tok, st);
}

/* spec: #generic-raw-text-element-parsing-algorithm and the RCDATA one */
void tb_parse_text(tb *t, const wn_token *tok, wn_tok_state st)
{
    tb_insert_html(t, tok);
    tb_switch_tokenizer(t, st, tok);
    t->orig_mode = t->mode;
    t->mode = M_TEXT;
}

/* MARK: Active formatting elements ----------------------------------------------- */

/* Noah's Ark compares attribute sets. A hash of the set (sum of per-attribute
 * hashes, so order does not matter) rejects almost every pair at once; equal sets
 * are checked position by position, and only small permuted sets pairwise, so a
 * flood of tags with 1,024 shuffled attributes cannot make each push quadratic. */
static uint32_t attrs_hash(const wn_node *n)
{
    uint32_t sum = n->nattrs | 1u;   /* never 0: 0 means "not computed yet" */
    for (uint32_t i = 0; i < n->nattrs; i++) {
        uint32_t h = 2166136261u ^ n->attrs[i].ns;
        for (size_t k = 0; k < n->attrs[i].name.n; k++)
            h = (h ^ (unsigned char)n->attrs[i].name.p[k]) * 16777619u;
        h = (h ^ 0xFFu) * 16777619u;
        for (size_t k = 0; k < n->attrs[i].value.n; k++)
            h = (h ^ (unsigned char)n->attrs[i].value.p[k]) * 16777619u;
        sum += h & ~1u;
    }
    return sum;
}

static bool attr_eq(const wn_attr *x, const wn_attr *y)
{
    return x->ns == y->ns && x->name.n == y->name.n && x->value.n == y->value.n &&
           memcmp(x->name.p, y->name.p, x->name.n) == 0 &&
           memcmp(x->value.p, y->value.p, x->value.n) == 0;
}

static bool same_attrs(const wn_node *a, const wn_node *b)
{
    if (a->nattrs != b->nattrs)
        return false;
    uint32_t i = 0;
    while (i < a->nattrs && attr_eq(&a->attrs[i], &b->attrs[i]))
        i++;
    if (i == a->nattrs)
        return true;
    if (a->nattrs > 32)
        return false;   /* large permuted sets are taken as different: see above */
    for (i = 0; i < a->nattrs; i++) {
        bool found = false;
        for (uint32_t j = 0; j < b->nattrs && !found; j++)
            found = attr_eq(&a->attrs[i], &b->attrs[j]);
        if (!found)
            return false;
    }
    return true;
}

/* The list's edits all go through these three, which keep the element count and
 * the TB_FLAG_AFE membership bit in step. */
static void afe_remove_at(tb *t, uint32_t i)
{
    wn_node *e = t->afe[i];
    if (e) {
        e->flags &= ~TB_FLAG_AFE;
        t->nafe_elems--;
    }
    memmove(&t->afe[i], &t->afe[i + 1], (t->nafe - i - 1) * sizeof *t->afe);
    memmove(&t->afe_hash[i], &t->afe_hash[i + 1], (t->nafe - i - 1) * sizeof *t->afe_hash);
    t->nafe--;
}

static bool afe_insert_at(tb *t, uint32_t i, wn_node *n)
{
    uint32_t cap = t->cap_afe;
    if (t->nafe >= t->max_afe ||
        !grow(t, (void **)&t->afe, &t->cap_afe, t->nafe, t->max_afe, sizeof *t->afe))
        return false;
    if (t->cap_afe != cap) {
        uint32_t *h = realloc(t->afe_hash, (size_t)t->cap_afe * sizeof *h);
        if (h == NULL) {
            tb_fail(t, WN_ERR_NOMEM, "out of memory");
            return false;
        }
        t->afe_hash = h;
    }
    memmove(&t->afe[i + 1], &t->afe[i], (t->nafe - i) * sizeof *t->afe);
    memmove(&t->afe_hash[i + 1], &t->afe_hash[i], (t->nafe - i) * sizeof *t->afe_hash);
    t->afe[i] = n;
    t->afe_hash[i] = 0;             /* computed when Noah's Ark first needs it */
    t->nafe++;
    if (n) {
        n->flags |= TB_FLAG_AFE;
        t->nafe_elems++;
    }
    return true;
}

static void afe_replace_at(tb *t, uint32_t i, wn_node *n)
{
    t->afe[i]->flags &= ~TB_FLAG_AFE;
    t->afe[i] = n;
    n->flags |= TB_FLAG_AFE;
}

/* At most TB_AFE_MAX_ELEMENTS elements stay in the list: past it the oldest one is
 * forgotten (it will not be reconstructed). Every scan of the list is then short,
 * whatever the page does; real pages keep a handful of entries. */
static void afe_make_room(tb *t)
{
    if (t->nafe_elems < TB_AFE_MAX_ELEMENTS)
        return;
    for (uint32_t i = 0; i < t->nafe; i++) {
        if (t->afe[i]) {
            afe_remove_at(t, i);
            return;
        }
    }
}

/* spec: #push-onto-the-list-of-active-formatting-elements (with the Noah's Ark clause) */
static bool same_element_name(const wn_node *a, const wn_node *b)
{
    return a->tag == b->tag && a->ns == b->ns && a->name.n == b->name.n &&
           memcmp(a->name.p, b->name.p, a->name.n) == 0;
}

void tb_afe_push(tb *t, wn_node *n)
{
    int same = 0, earliest = -1, candidates = 0;
    uint32_t h = 0;
    /* Three entries with the same name are needed before attributes matter. */
    for (uint32_t i = t->nafe; i-- > 0 && t->afe[i];)
        candidates += same_element_name(t->afe[i], n);
    for (uint32_t i = t->nafe; candidates >= 3 && i-- > 0;) {
        wn_node *e = t->afe[i];
        if (e == NULL)
            break;
        if (!same_element_name(e, n))
            continue;
        if (h == 0)
            h = attrs_hash(n);
        if (t->afe_hash[i] == 0)
            t->afe_hash[i] = attrs_hash(e);
        if (t->afe_hash[i] == h && same_attrs(e, n)) {
            same++;
            earliest = (int)i;
        }
    }
    if (same >= 3)
        afe_remove_at(t, (uint32_t)earliest);
    afe_make_room(t);
    afe_insert_at(t, t->nafe, n);
}

void tb_afe_push_marker(tb *t)
{
    afe_insert_at(t, t->nafe, NULL);
}

void tb_afe_clear_to_marker(tb *t)
{
    while (t->nafe) {
        bool marker = t->afe[t->nafe - 1] == NULL;
        afe_remove_at(t, t->nafe - 1);
        if (marker)
            return;
    }
}

int tb_afe_index(const tb *t, const wn_node *n)
{
    if (!(n->flags & TB_FLAG_AFE))
        return -1;
    for (uint32_t i = t->nafe; i-- > 0;)
        if (t->afe[i] == n)
            return (int)i;
    return -1;
}

void tb_afe_remove(tb *t, wn_node *n)
{
    int i = tb_afe_index(t, n);
    if (i >= 0)
        afe_remove_at(t, (uint32_t)i);
}

/* spec: #reconstruct-the-active-formatting-elements */
void tb_reconstruct_afe(tb *t)
{
    if (t->nafe == 0)
        return;
    wn_node *last = t->afe[t->nafe - 1];
    if (last == NULL || tb_in_stack(last))
        return;
    uint32_t i = t->nafe - 1;
    /* rewind */
    while (i > 0) {
        wn_node *e = t->afe[i - 1];
        if (e == NULL || tb_in_stack(e))
            break;
        i--;
    }
    /* advance and create */
    for (; i < t->nafe; i++) {
        if (t->nstack >= t->max_stack || t->clone_budget == 0)
            return;
        t->clone_budget--;
        wn_node *n = clone_element(t, t->afe[i]);
        if (n == NULL)
            return;
        tb_insert_node_at(t, n);
        tb_push(t, n);
        afe_replace_at(t, i, n);
    }
}

/* spec: #adoption-agency-algorithm. Returns false when the caller must act as
 * described for "any other end tag". */
bool tb_adoption_agency(tb *t, const wn_token *tok)
{
    uint16_t subject = tok->tag;
    wn_node *cur = tb_current(t);
    if (cur && cur->ns == WN_NS_HTML && cur->tag == subject && tb_afe_index(t, cur) < 0) {
        tb_pop(t);
        return true;
    }
    for (int outer = 0; outer < 8; outer++) {
        int fi = -1;
        for (uint32_t i = t->nafe; i-- > 0;) {
            wn_node *e = t->afe[i];
            if (e == NULL)
                break;
            if (e->ns == WN_NS_HTML && e->tag == subject) {
                fi = (int)i;
                break;
            }
        }
        if (fi < 0)
            return false;
        wn_node *fe = t->afe[fi];
        if (!tb_in_stack(fe)) {
            tb_error(t);
            tb_afe_remove(t, fe);
            return true;
        }
        if (!tb_node_in_scope(t, fe, SCOPE_DEFAULT)) {
            tb_error(t);
            return true;
        }
        if (fe != tb_current(t))
            tb_error(t);
        int fs = tb_stack_index(t, fe);
        int fb = -1;
        for (uint32_t i = (uint32_t)fs + 1; i < t->nstack; i++) {
            if (tb_is_special(t->stack[i])) {
                fb = (int)i;
                break;
            }
        }
        if (fb < 0) {
            while (t->nstack > (uint32_t)fs)
                tb_pop(t);
            tb_afe_remove(t, fe);
            return true;
        }
        wn_node *furthest = t->stack[fb];
        wn_node *common = t->stack[fs - 1];
        int bookmark = fi;
        wn_node *last = furthest;
        int idx = fb;
        for (int inner = 1;; inner++) {
            idx--;
            wn_node *node = t->stack[idx];
            if (node == fe)
                break;
            int ni = tb_afe_index(t, node);
            if (inner > 3 && ni >= 0) {
                afe_remove_at(t, (uint32_t)ni);
                if (ni < bookmark)
                    bookmark--;
                ni = -1;
            }
            if (ni < 0) {
                tb_remove_from_stack(t, node);
                fb--;
                continue;
            }
            wn_node *nn = clone_element(t, node);
            if (nn == NULL)
                return true;
            afe_replace_at(t, (uint32_t)ni, nn);
            unmark(t, node);
            t->stack[idx] = nn;
            nn->flags |= TB_FLAG_OPEN;
            if (nn->ns == WN_NS_HTML)
                t->count[nn->tag]++;
            else
                t->foreign_on_stack++;
            node = nn;
            if (last == furthest)
                bookmark = ni + 1;
            wn_dom_append(node, last);
            last = node;
        }
        {
            wn_node *ref;
            wn_dom_remove(last);
            wn_node *parent = appropriate_place(t, common, &ref);
            wn_dom_insert_before(parent, last, ref);
        }
        wn_node *nf = clone_element(t, fe);
        if (nf == NULL)
            return true;
        wn_dom_move_children(furthest, nf);
        wn_dom_append(furthest, nf);
        /* formatting list: replace fe by nf at the bookmark */
        {
            int oi = tb_afe_index(t, fe);
            if (oi >= 0) {
                afe_remove_at(t, (uint32_t)oi);
                if (oi < bookmark)
                    bookmark--;
            }
            if (bookmark > (int)t->nafe)
                bookmark = (int)t->nafe;
            afe_insert_at(t, (uint32_t)bookmark, nf);
        }
        /* stack: remove fe, put nf just below (after) the furthest block */
        tb_remove_from_stack(t, fe);
        fb = tb_stack_index(t, furthest);
        unindex_from(t, (uint32_t)fb + 1);
        memmove(&t->stack[fb + 2], &t->stack[fb + 1], (t->nstack - (uint32_t)fb - 1) * sizeof *t->stack);
        t->stack[fb + 1] = nf;
        t->nstack++;
        reindex_from(t, (uint32_t)fb + 1);
        nf->flags |= TB_FLAG_OPEN;
        t->count[nf->tag]++;
    }
    return true;
}

/* MARK: Modes ------------------------------------------------------------------ */

/* The elements "reset the insertion mode appropriately" decides on (td, th and head
 * only when not the last node; the loop checks that itself). */
static bool is_mode_element(const wn_node *n)
{
    if (n->ns != WN_NS_HTML)
        return false;
    switch (n->tag) {
    case WN_TAG_TD: case WN_TAG_TH: case WN_TAG_TR: case WN_TAG_TBODY: case WN_TAG_THEAD:
    case WN_TAG_TFOOT: case WN_TAG_CAPTION: case WN_TAG_COLGROUP: case WN_TAG_TABLE:
    case WN_TAG_TEMPLATE: case WN_TAG_HEAD: case WN_TAG_BODY: case WN_TAG_FRAMESET:
    case WN_TAG_HTML:
        return true;
    default:
        return false;
    }
}

/* spec: #reset-the-insertion-mode-appropriately. Entries above the topmost element
 * the loop decides on would only fall through, so it starts there. */
void tb_reset_insertion_mode(tb *t)
{
    uint32_t from = t->nstack;
    if (from && t->slot[from - 1].mode_at >= 0)
        from = (uint32_t)t->slot[from - 1].mode_at + 1;
    for (uint32_t i = from; i-- > 0;) {
        wn_node *node = t->stack[i];
        bool last = i == 0;
        if (last && t->context)
            node = t->context;
        if (node->ns == WN_NS_HTML) {
            switch (node->tag) {
            case WN_TAG_TD:
            case WN_TAG_TH:
                if (!last) {
                    t->mode = M_IN_CELL;
                    return;
                }
                break;
            case WN_TAG_TR: t->mode = M_IN_ROW; return;
            case WN_TAG_TBODY: case WN_TAG_THEAD: case WN_TAG_TFOOT:
                t->mode = M_IN_TABLE_BODY;
                return;
            case WN_TAG_CAPTION: t->mode = M_IN_CAPTION; return;
            case WN_TAG_COLGROUP: t->mode = M_IN_COLUMN_GROUP; return;
            case WN_TAG_TABLE: t->mode = M_IN_TABLE; return;
            case WN_TAG_TEMPLATE:
                t->mode = t->ntmodes ? (tb_mode)t->tmodes[t->ntmodes - 1] : M_IN_BODY;
                return;
            case WN_TAG_HEAD:
                if (!last) {
                    t->mode = M_IN_HEAD;
                    return;
                }
                break;
            case WN_TAG_BODY: t->mode = M_IN_BODY; return;
            case WN_TAG_FRAMESET: t->mode = M_IN_FRAMESET; return;
            case WN_TAG_HTML:
                t->mode = t->head ? M_AFTER_HEAD : M_BEFORE_HEAD;
                return;
            default:
                break;
            }
        }
        if (last) {
            t->mode = M_IN_BODY;
            return;
        }
    }
    t->mode = M_IN_BODY;
}

const char *tb_check_tag_tables(void)
{
    for (unsigned tag = 0; tag < WN_TAG__COUNT; tag++) {
        wn_node n;
        memset(&n, 0, sizeof n);
        n.type = WN_NODE_ELEMENT;
        n.ns = WN_NS_HTML;
        n.tag = (uint16_t)tag;
        unsigned b = html_bits[tag];
        bool special = tb_is_special_html_tag((uint16_t)tag);
        if (((b & B_SPECIAL) != 0) != special)
            return "html_bits: special";
        bool li_stop = special && tag != WN_TAG_ADDRESS && tag != WN_TAG_DIV && tag != WN_TAG_P;
        if (((b & B_LI_STOP) != 0) != li_stop)
            return "html_bits: li stop";
        if (((b & B_MODE) != 0) != is_mode_element(&n))
            return "html_bits: mode";
        for (int sc = SCOPE_DEFAULT; sc <= SCOPE_TABLE; sc++)
            if (((b & (B_SCOPE << sc)) != 0) != is_scope_boundary(&n, sc))
                return "html_bits: scope";
    }
    return NULL;
}

void tb_tmode_push(tb *t, tb_mode m)
{
    /* capped like the stack: templates past it are not pushed either */
    if (!grow(t, (void **)&t->tmodes, &t->cap_tmodes, t->ntmodes, t->max_tmodes, 1))
        return;
    t->tmodes[t->ntmodes++] = (uint8_t)m;
}

void tb_tmode_pop(tb *t)
{
    if (t->ntmodes)
        t->ntmodes--;
}

void tb_stop_parsing(tb *t)
{
    while (t->nstack)
        tb_pop(t);
}

void tb_process(tb *t, wn_token *tok, tb_mode m)
{
    switch (m) {
    case M_INITIAL: mode_initial(t, tok); break;
    case M_BEFORE_HTML: mode_before_html(t, tok); break;
    case M_BEFORE_HEAD: mode_before_head(t, tok); break;
    case M_IN_HEAD: mode_in_head(t, tok); break;
    case M_IN_HEAD_NOSCRIPT: mode_in_head_noscript(t, tok); break;
    case M_AFTER_HEAD: mode_after_head(t, tok); break;
    case M_IN_BODY: mode_in_body(t, tok); break;
    case M_TEXT: mode_text(t, tok); break;
    case M_IN_TABLE: mode_in_table(t, tok); break;
    case M_IN_TABLE_TEXT: mode_in_table_text(t, tok); break;
    case M_IN_CAPTION: mode_in_caption(t, tok); break;
    case M_IN_COLUMN_GROUP: mode_in_column_group(t, tok); break;
    case M_IN_TABLE_BODY: mode_in_table_body(t, tok); break;
    case M_IN_ROW: mode_in_row(t, tok); break;
    case M_IN_CELL: mode_in_cell(t, tok); break;
    case M_IN_TEMPLATE: mode_in_template(t, tok); break;
    case M_AFTER_BODY: mode_after_body(t, tok); break;
    case M_IN_FRAMESET: mode_in_frameset(t, tok); break;
    case M_AFTER_FRAMESET: mode_after_frameset(t, tok); break;
    case M_AFTER_AFTER_BODY: mode_after_after_body(t, tok); break;
    case M_AFTER_AFTER_FRAMESET: mode_after_after_frameset(t, tok); break;
    }
}

/* spec: #tree-construction-dispatcher */
static void dispatch(tb *t, wn_token *tok)
{
    wn_node *acn = tb_adjusted_current(t);
    if (acn == NULL || acn->ns == WN_NS_HTML || tok->type == WN_TOK_EOF) {
        tb_process(t, tok, t->mode);
        return;
    }
    bool start = tok->type == WN_TOK_START_TAG, chars = tok->type == WN_TOK_CHARS;
    if (tb_is_mathml_text_ip(acn) &&
        ((start && tok->tag != WN_TAG_MGLYPH && tok->tag != WN_TAG_MALIGNMARK) || chars)) {
        tb_process(t, tok, t->mode);
        return;
    }
    if (acn->ns == WN_NS_MATHML && acn->tag == WN_TAG_ANNOTATION_XML && start &&
        tok->tag == WN_TAG_SVG) {
        tb_process(t, tok, t->mode);
        return;
    }
    if (tb_is_html_ip(acn) && (start || chars)) {
        tb_process(t, tok, t->mode);
        return;
    }
    tb_foreign_content(t, tok);
}

void tb_reprocess(tb *t, wn_token *tok)
{
    if (t->status != WN_OK)
        return;
    dispatch(t, tok);
}

/* Structure bytes so far: what the budget counts. Computed from counts, not from
 * the arena, so that it does not depend on how the input was split into chunks. */
static size_t tb_struct_bytes(const tb *t)
{
    return (size_t)t->d->node_count * sizeof(wn_node) + t->attr_bytes;
}

/* Once the structure budget is spent: whether to ignore tok. Characters and the
 * end of file always go on. A script, style or other raw-text start tag still
 * switches the tokenizer, so its contents are not read as markup, and those
 * contents are ignored (xmp's are shown, so they stay as text). Tags in foreign
 * content switch nothing. Only plaintext is kept: nothing after it is a tag. */
static bool text_only_ignores(tb *t, const wn_token *tok)
{
    if (t->skip_raw) {
        if (tok->type == WN_TOK_CHARS)
            return true;
        t->skip_raw = false;
        return tok->type == WN_TOK_END_TAG;
    }
    if (tok->type == WN_TOK_CHARS || tok->type == WN_TOK_EOF)
        return false;
    if (tok->type != WN_TOK_START_TAG || t->foreign_state)
        return true;
    wn_tok_state st;
    switch (tok->tag) {
    case WN_TAG_PLAINTEXT:
        return false;
    case WN_TAG_SCRIPT:
        st = WN_TOKST_SCRIPT_DATA;
        break;
    case WN_TAG_TITLE: case WN_TAG_TEXTAREA:
        st = WN_TOKST_RCDATA;
        break;
    case WN_TAG_STYLE: case WN_TAG_IFRAME: case WN_TAG_NOEMBED: case WN_TAG_NOFRAMES:
    case WN_TAG_XMP:
        st = WN_TOKST_RAWTEXT;
        break;
    default:
        return true;
    }
    tb_switch_tokenizer(t, st, tok);
    t->skip_raw = tok->tag != WN_TAG_XMP;
    return true;
}

static int on_token(void *ctx, wn_token *tok)
{
    tb *t = ctx;
    if (tok->type == WN_TOK_CHARS && tok->data.n == 0)
        return 0;       /* nothing to insert, and it must not use up skip_lf */
    if (t->skip_lf) {
        t->skip_lf = false;
        if (tok->type == WN_TOK_CHARS && tok->data.n && tok->data.p[0] == '\n') {
            tok->data.p++;
            tok->data.n--;
            if (tok->data.n == 0)
                return 0;
        }
    }
    if (!t->text_only && t->mode != M_TEXT && tb_struct_bytes(t) > t->struct_budget) {
        t->text_only = true;
        t->d->text_only = true;
        t->clone_budget = 0;
    }
    if (t->text_only && t->mode != M_TEXT && text_only_ignores(t, tok))
        return t->status != WN_OK;
    /* Reconstruction may clone one element per token on average (plus a bank):
     * "<b id=1><p><b id=2><p>..." would otherwise clone the whole list at every
     * <p>, a quadratic node bomb. Real pages never come near the bank. */
    if (t->clone_budget < (1u << 20) && !t->text_only)
        t->clone_budget++;
    dispatch(t, tok);
    if (t->tok) {
        wn_node *acn = tb_adjusted_current(t);
        bool foreign = acn && acn->ns != WN_NS_HTML;
        if (foreign != t->foreign_state) {
            wn_tokenizer_set_foreign(t->tok, foreign);
            t->foreign_state = foreign;
        }
    }
    if (wn_deadline_tick(&t->deadline, &t->ntokens))
        tb_fail(t, WN_ERR_TIMEOUT, "time limit reached while parsing (time_limit_ms)");
    return t->status != WN_OK;
}

/* MARK: Public entry ------------------------------------------------------------- */

/* Parse "td", "svg path", "math mi" into a context element. */
static wn_node *make_context(tb *t, const char *ctx)
{
    wn_ns ns = WN_NS_HTML;
    if (strncmp(ctx, "svg ", 4) == 0) {
        ns = WN_NS_SVG;
        ctx += 4;
    } else if (strncmp(ctx, "math ", 5) == 0) {
        ns = WN_NS_MATHML;
        ctx += 5;
    }
    size_t n = strlen(ctx);
    char *low = wn_arena_alloc(&t->d->arena, n + 1);
    if (low == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        low[i] = wn_ascii_lower(ctx[i]);
    low[n] = '\0';
    char *name = wn_arena_strdup(&t->d->arena, ctx, n);
    if (name == NULL)
        return NULL;
    wn_node *el = wn_dom_new_element(t->d, ns, wn_tag_lookup(low, n), wn_str_make(name, n));
    return el;
}

static void tb_fini(tb *t)
{
    free(t->stack);
    free(t->slot);
    free(t->afe);
    free(t->afe_hash);
    free(t->tmodes);
    free(t->pend);
    wn_tokenizer_free(t->tok);
}

static wn_status tb_init(tb *t, wn_doc *d, const char *utf8, size_t n, const wn_options *opt)
{
    memset(t, 0, sizeof *t);
    t->d = d;
    t->in = utf8;
    t->in_end = utf8 + n;
    t->frameset_ok = true;
    t->clone_budget = 4096;
    /* Per byte of the page as it came (wn_html_parse sets input_bytes before
     * decoding): a legacy encoding decodes to up to 3 UTF-8 bytes a byte, and
     * the budget must not grow with that. */
    size_t in = d->input_bytes && d->input_bytes < n ? d->input_bytes : n;
    t->struct_budget = TB_STRUCT_BANK + in * TB_STRUCT_PER_INPUT_BYTE;
    for (int k = 0; k < TB_KEYS; k++)
        t->last_key[k] = -1;
    /* max_depth 0 ("no limit") still gets a cap, so the stack scans stay bounded */
    uint32_t depth = opt && opt->max_depth ? opt->max_depth : 100000;
    if (depth < 8)
        depth = 8;
    if (depth > 10000000)
        depth = 10000000;
    t->max_stack = depth;
    t->max_afe = depth + TB_AFE_MAX_ELEMENTS + 16;   /* markers + elements */
    t->max_tmodes = depth;
    if (opt && opt->max_nodes)
        d->max_nodes = opt->max_nodes;
    t->max_attrs = opt ? opt->max_attrs : 0;
    wn_deadline_start(&t->deadline, opt ? opt->time_limit_ms : 0);
    t->tok = wn_tokenizer_new(on_token, t, opt ? opt->max_attrs : 0,
                              opt && opt->max_arena_bytes ? opt->max_arena_bytes : 0);
    if (t->tok == NULL)
        return WN_ERR_NOMEM;
    wn_tokenizer_set_stable(t->tok, utf8, n);   /* the input outlives the parse */
    return WN_OK;
}

/* spec: #parsing-html-fragments, steps that set up the parser. */
static wn_status setup_fragment(tb *t, const char *context)
{
    wn_node *ctx = make_context(t, context);
    if (ctx == NULL)
        return WN_ERR_NOMEM;
    t->context = ctx;
    if (ctx->ns == WN_NS_HTML) {
        switch (ctx->tag) {
        case WN_TAG_TITLE: case WN_TAG_TEXTAREA:
            wn_tokenizer_set_state(t->tok, WN_TOKST_RCDATA);
            break;
        case WN_TAG_STYLE: case WN_TAG_XMP: case WN_TAG_IFRAME: case WN_TAG_NOEMBED:
        case WN_TAG_NOFRAMES:
            wn_tokenizer_set_state(t->tok, WN_TOKST_RAWTEXT);
            break;
        case WN_TAG_SCRIPT:
            wn_tokenizer_set_state(t->tok, WN_TOKST_SCRIPT_DATA);
            break;
        case WN_TAG_PLAINTEXT:
            wn_tokenizer_set_state(t->tok, WN_TOKST_PLAINTEXT);
            break;
        default:
            break;
        }
    }
    wn_node *root = wn_dom_new_element(t->d, WN_NS_HTML, WN_TAG_HTML, WN_STR_LIT("html"));
    if (root == NULL)
        return WN_ERR_NOMEM;
    wn_dom_append(t->d->root, root);
    tb_push(t, root);
    if (wn_is_html(ctx, WN_TAG_TEMPLATE))
        tb_tmode_push(t, M_IN_TEMPLATE);
    tb_reset_insertion_mode(t);
    bool foreign = ctx->ns != WN_NS_HTML;
    wn_tokenizer_set_foreign(t->tok, foreign);
    t->foreign_state = foreign;
    return WN_OK;
}

/* Fragment result: the root html element's children become the document's. */
static void finish_fragment(tb *t)
{
    wn_node *root = t->d->root->first;
    if (root == NULL)
        return;
    wn_dom_remove(root);
    wn_dom_move_children(root, t->d->root);
}

/* Clear the parser's private flags so they never leak to later stages. */
static void clear_flags(tb *t)
{
    for (uint32_t i = 0; i < t->nstack; i++)
        t->stack[i]->flags &= ~TB_FLAG_OPEN;
    for (uint32_t i = 0; i < t->nafe; i++)
        if (t->afe[i])
            t->afe[i]->flags &= ~TB_FLAG_AFE;
}

wn_status wn_html_build_tree_chunked(wn_doc *d, const char *utf8, size_t n, size_t chunk,
                                     const wn_options *opt, const char *fragment_context,
                                     wn_error *err)
{
    tb t;
    wn_status st = tb_init(&t, d, utf8, n, opt);
    if (st == WN_OK && fragment_context)
        st = setup_fragment(&t, fragment_context);
    if (st != WN_OK) {
        tb_fini(&t);
        if (err) {
            err->status = st;
            err->msg = "out of memory";
            err->offset = 0;
        }
        return st;
    }
    if (chunk == 0)
        chunk = n ? n : 1;
    int rc = 0;
    for (size_t off = 0; off < n && rc == 0; off += chunk) {
        size_t k = n - off < chunk ? n - off : chunk;
        rc = wn_tokenizer_feed(t.tok, utf8 + off, k);
    }
    if (rc == 0)
        rc = wn_tokenizer_finish(t.tok);
    if (rc < 0 && t.status == WN_OK) {
        if (opt && opt->max_arena_bytes)
            tb_fail(&t, WN_ERR_LIMIT, "tokenizer buffer limit reached");
        else
            tb_fail(&t, WN_ERR_NOMEM, "out of memory in the tokenizer");
    }
    clear_flags(&t);
    if (t.status == WN_OK && fragment_context)
        finish_fragment(&t);
    d->parse_errors += wn_tokenizer_errors(t.tok) + t.errors;
    st = t.status;
    if (st != WN_OK && err) {
        err->status = st;
        err->msg = t.msg;
        err->offset = 0;
    }
    tb_fini(&t);
    return st;
}

wn_status wn_html_build_tree(wn_doc *d, const char *utf8, size_t n, const wn_options *opt,
                             const char *fragment_context, wn_error *err)
{
    return wn_html_build_tree_chunked(d, utf8, n, 0, opt, fragment_context, err);
}
