/*
 * tree_body.c: the "in body" insertion mode (spec: #parsing-main-inbody), where most
 * of a real page is built, including the customizable-select rules (select, option,
 * optgroup, hr and input are handled here; there is no "in select" mode any more).
 * Start and end tags dispatch on the tag id, never on strings.
 */
#include "html/treebuilder_internal.h"

#include <string.h>

static void insert_body_text(tb *t, wn_str s)
{
    tb_reconstruct_afe(t);
    if (t->frameset_ok && !tb_is_ws(s))   /* scan only while it can still change */
        t->frameset_ok = false;
    tb_insert_chars(t, s);
}

/* Character tokens in body: U+0000 is dropped, the rest inserted. */
void mode_in_body_chars(tb *t, wn_str s)
{
    if (s.n == 0)
        return;
    const char *z = memchr(s.p, '\0', s.n);
    if (z == NULL) {
        insert_body_text(t, s);
        return;
    }
    size_t start = 0;
    for (size_t i = 0; i <= s.n; i++) {
        if (i == s.n || s.p[i] == '\0') {
            if (i > start)
                insert_body_text(t, wn_str_make(s.p + start, i - start));
            if (i < s.n)
                tb_error(t);
            start = i + 1;
        }
    }
}

static bool same_name(const wn_node *n, const wn_token *tok)
{
    if (n->ns != WN_NS_HTML || n->tag != tok->tag)
        return false;
    if (tok->tag != WN_TAG_UNKNOWN)
        return true;
    return n->name.n == tok->name.n && memcmp(n->name.p, tok->name.p, tok->name.n) == 0;
}

/* spec: "any other end tag" in #parsing-main-inbody. The spec walks down the stack
 * until an element with the token's name (found) or a special element (ignored);
 * the key chain visits only same-key entries at or above the topmost special one. */
void tb_any_other_end_tag(tb *t, const wn_token *tok)
{
    if (t->nstack == 0 || t->count[tok->tag] == 0) {
        /* No element with that tag id (count[0]: unknown names) is open: the walk
         * would stop at a special element, html at the latest. */
        tb_error(t);
        return;
    }
    int32_t floor = t->slot[t->nstack - 1].special_at;
    int32_t j = t->last_key[tb_token_key(tok)];
    while (j >= 0 && j >= floor && !same_name(t->stack[j], tok))
        j = t->slot[j].prev_same;
    if (j < 0 || j < floor) {
        tb_error(t);
        return;
    }
    wn_node *node = t->stack[j];
    for (;;) {
        wn_node *c = tb_current(t);
        if (c == node || c->ns != WN_NS_HTML || !(
                c->tag == WN_TAG_DD || c->tag == WN_TAG_DT || c->tag == WN_TAG_LI ||
                c->tag == WN_TAG_OPTGROUP || c->tag == WN_TAG_OPTION || c->tag == WN_TAG_P ||
                c->tag == WN_TAG_RB || c->tag == WN_TAG_RP || c->tag == WN_TAG_RT ||
                c->tag == WN_TAG_RTC))
            break;
        tb_pop(t);
    }
    if (tb_current(t) != node)
        tb_error(t);
    while (t->nstack > (uint32_t)j)
        tb_pop(t);
}

static bool is_hidden_input(const wn_token *tok)
{
    for (uint32_t i = 0; i < tok->nattrs; i++)
        if (wn_str_eq(tok->attrs[i].name, "type"))
            return wn_str_ieq(tok->attrs[i].value, "hidden");
    return false;
}

static void close_if_in_scope(tb *t, uint16_t tag)
{
    if (!tb_in_scope(t, tag, SCOPE_DEFAULT)) {
        tb_error(t);
        return;
    }
    tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
    if (!tb_cur_is(t, tag))
        tb_error(t);
    tb_pop_until(t, tag);
}

static void start_formatting(tb *t, const wn_token *tok)
{
    tb_reconstruct_afe(t);
    wn_node *n = tb_insert_html(t, tok);
    if (n && tb_in_stack(n))
        tb_afe_push(t, n);
}

/* The spec walks down from the current node to the first li (or dd/dt) and gives up
 * at a special element other than address, div and p; li/dd/dt are special, so the
 * walk matches exactly when the topmost one is at or above the topmost stopper. */
static void start_li_dd_dt(tb *t, const wn_token *tok)
{
    t->frameset_ok = false;
    int j;
    if (tok->tag == WN_TAG_LI) {
        j = tb_topmost(t, WN_TAG_LI);
    } else {
        int dd = tb_topmost(t, WN_TAG_DD), dt = tb_topmost(t, WN_TAG_DT);
        j = dd > dt ? dd : dt;
    }
    if (j >= 0 && j >= t->slot[t->nstack - 1].li_stop_at) {
        uint16_t match = t->stack[j]->tag;
        tb_generate_implied_end_tags(t, match);
        if (!tb_cur_is(t, match))
            tb_error(t);
        tb_pop_until(t, match);
    }
    if (tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
        tb_close_p(t);
    tb_insert_html(t, tok);
}

static void start_tag(tb *t, wn_token *tok)
{
    switch (tok->tag) {
    case WN_TAG_HTML:
        tb_error(t);
        if (t->count[WN_TAG_TEMPLATE] == 0 && t->nstack)
            tb_add_attrs_if_missing(t, t->stack[0], tok);
        return;
    case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
    case WN_TAG_META: case WN_TAG_NOFRAMES: case WN_TAG_SCRIPT: case WN_TAG_STYLE:
    case WN_TAG_TEMPLATE: case WN_TAG_TITLE:
        mode_in_head(t, tok);
        return;
    case WN_TAG_BODY:
        tb_error(t);
        if (t->nstack < 2 || !wn_is_html(t->stack[1], WN_TAG_BODY) || t->count[WN_TAG_TEMPLATE])
            return;
        t->frameset_ok = false;
        tb_add_attrs_if_missing(t, t->stack[1], tok);
        return;
    case WN_TAG_FRAMESET:
        tb_error(t);
        if (t->nstack < 2 || !wn_is_html(t->stack[1], WN_TAG_BODY) || !t->frameset_ok)
            return;
        wn_dom_remove(t->stack[1]);
        while (t->nstack > 1)
            tb_pop(t);
        tb_insert_html(t, tok);
        t->mode = M_IN_FRAMESET;
        return;
    case WN_TAG_ADDRESS: case WN_TAG_ARTICLE: case WN_TAG_ASIDE: case WN_TAG_BLOCKQUOTE:
    case WN_TAG_CENTER: case WN_TAG_DETAILS: case WN_TAG_DIALOG: case WN_TAG_DIR:
    case WN_TAG_DIV: case WN_TAG_DL: case WN_TAG_FIELDSET: case WN_TAG_FIGCAPTION:
    case WN_TAG_FIGURE: case WN_TAG_FOOTER: case WN_TAG_HEADER: case WN_TAG_HGROUP:
    case WN_TAG_MAIN: case WN_TAG_MENU: case WN_TAG_NAV: case WN_TAG_OL: case WN_TAG_P:
    case WN_TAG_SEARCH: case WN_TAG_SECTION: case WN_TAG_SUMMARY: case WN_TAG_UL:
        if (tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
            tb_close_p(t);
        tb_insert_html(t, tok);
        return;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: {
        if (tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
            tb_close_p(t);
        wn_node *c = tb_current(t);
        if (c && c->ns == WN_NS_HTML && c->tag >= WN_TAG_H1 && c->tag <= WN_TAG_H6) {
            tb_error(t);
            tb_pop(t);
        }
        tb_insert_html(t, tok);
        return;
    }
    case WN_TAG_PRE: case WN_TAG_LISTING:
        if (tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
            tb_close_p(t);
        tb_insert_html(t, tok);
        t->skip_lf = true;
        t->frameset_ok = false;
        return;
    case WN_TAG_FORM: {
        bool tmpl = t->count[WN_TAG_TEMPLATE] != 0;
        if (t->form && !tmpl) {
            tb_error(t);
            return;
        }
        if (tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
            tb_close_p(t);
        wn_node *n = tb_insert_html(t, tok);
        if (!tmpl && n && tb_in_stack(n))
            t->form = n;
        return;
    }
    case WN_TAG_LI: case WN_TAG_DD: case WN_TAG_DT:
        start_li_dd_dt(t, tok);
        return;
    case WN_TAG_PLAINTEXT:
        if (tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
            tb_close_p(t);
        tb_insert_html(t, tok);
        tb_switch_tokenizer(t, WN_TOKST_PLAINTEXT, tok);
        return;
    case WN_TAG_BUTTON:
        if (tb_in_scope(t, WN_TAG_BUTTON, SCOPE_DEFAULT)) {
            tb_error(t);
            tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
            tb_pop_until(t, WN_TAG_BUTTON);
        }
        tb_reconstruct_afe(t);
        tb_insert_html(t, tok);
        t->frameset_ok = false;
        return;
    case WN_TAG_A:
        for (uint32_t i = t->nafe; i-- > 0;) {
            wn_node *e = t->afe[i];
            if (e == NULL)
                break;
            if (wn_is_html(e, WN_TAG_A)) {
                tb_error(t);
                wn_token end = *tok;
                end.type = WN_TOK_END_TAG;
                if (!tb_adoption_agency(t, &end))
                    tb_any_other_end_tag(t, &end);
                tb_afe_remove(t, e);
                tb_remove_from_stack(t, e);
                break;
            }
        }
        start_formatting(t, tok);
        return;
    case WN_TAG_B: case WN_TAG_BIG: case WN_TAG_CODE: case WN_TAG_EM: case WN_TAG_FONT:
    case WN_TAG_I: case WN_TAG_S: case WN_TAG_SMALL: case WN_TAG_STRIKE: case WN_TAG_STRONG:
    case WN_TAG_TT: case WN_TAG_U:
        start_formatting(t, tok);
        return;
    case WN_TAG_NOBR:
        tb_reconstruct_afe(t);
        if (tb_in_scope(t, WN_TAG_NOBR, SCOPE_DEFAULT)) {
            tb_error(t);
            wn_token end = *tok;
            end.type = WN_TOK_END_TAG;
            if (!tb_adoption_agency(t, &end))
                tb_any_other_end_tag(t, &end);
            tb_reconstruct_afe(t);
        }
        {
            wn_node *n = tb_insert_html(t, tok);
            if (n && tb_in_stack(n))
                tb_afe_push(t, n);
        }
        return;
    case WN_TAG_APPLET: case WN_TAG_MARQUEE: case WN_TAG_OBJECT: {
        tb_reconstruct_afe(t);
        wn_node *n = tb_insert_html(t, tok);
        if (n && tb_in_stack(n))
            tb_afe_push_marker(t);
        t->frameset_ok = false;
        return;
    }
    case WN_TAG_TABLE: {
        if (!t->d->quirks && tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
            tb_close_p(t);
        wn_node *n = tb_insert_html(t, tok);
        t->frameset_ok = false;
        if (n && tb_in_stack(n))
            t->mode = M_IN_TABLE;
        return;
    }
    case WN_TAG_AREA: case WN_TAG_BR: case WN_TAG_EMBED: case WN_TAG_IMG: case WN_TAG_KEYGEN:
    case WN_TAG_WBR:
        tb_reconstruct_afe(t);
        tb_insert_void(t, tok);
        t->frameset_ok = false;
        return;
    case WN_TAG_INPUT:
        if (t->context && wn_is_html(t->context, WN_TAG_SELECT)) {
            tb_error(t);
            return;
        }
        if (tb_in_scope(t, WN_TAG_SELECT, SCOPE_DEFAULT)) {
            tb_error(t);
            tb_pop_until(t, WN_TAG_SELECT);
        }
        tb_reconstruct_afe(t);
        tb_insert_void(t, tok);
        if (!is_hidden_input(tok))
            t->frameset_ok = false;
        return;
    case WN_TAG_PARAM: case WN_TAG_SOURCE: case WN_TAG_TRACK:
        tb_insert_void(t, tok);
        return;
    case WN_TAG_HR:
        if (tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
            tb_close_p(t);
        if (tb_in_scope(t, WN_TAG_SELECT, SCOPE_DEFAULT)) {
            tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
            if (tb_in_scope(t, WN_TAG_OPTION, SCOPE_DEFAULT) ||
                tb_in_scope(t, WN_TAG_OPTGROUP, SCOPE_DEFAULT))
                tb_error(t);
        }
        tb_insert_void(t, tok);
        t->frameset_ok = false;
        return;
    case WN_TAG_IMAGE:
        tb_error(t);
        tok->tag = WN_TAG_IMG;
        tok->name = WN_STR_LIT("img");
        tb_reprocess(t, tok);
        return;
    case WN_TAG_TEXTAREA:
        tb_insert_html(t, tok);
        t->skip_lf = true;
        tb_switch_tokenizer(t, WN_TOKST_RCDATA, tok);
        t->orig_mode = t->mode;
        t->frameset_ok = false;
        t->mode = M_TEXT;
        return;
    case WN_TAG_XMP:
        if (tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON))
            tb_close_p(t);
        tb_reconstruct_afe(t);
        t->frameset_ok = false;
        tb_parse_text(t, tok, WN_TOKST_RAWTEXT);
        return;
    case WN_TAG_IFRAME:
        t->frameset_ok = false;
        tb_parse_text(t, tok, WN_TOKST_RAWTEXT);
        return;
    case WN_TAG_NOEMBED:
        tb_parse_text(t, tok, WN_TOKST_RAWTEXT);
        return;
    case WN_TAG_SELECT:
        if (t->context && wn_is_html(t->context, WN_TAG_SELECT)) {
            tb_error(t);
            return;
        }
        if (tb_in_scope(t, WN_TAG_SELECT, SCOPE_DEFAULT)) {
            tb_error(t);
            tb_pop_until(t, WN_TAG_SELECT);
            return;
        }
        tb_reconstruct_afe(t);
        tb_insert_html(t, tok);
        t->frameset_ok = false;
        return;
    case WN_TAG_OPTION:
        if (tb_in_scope(t, WN_TAG_SELECT, SCOPE_DEFAULT)) {
            tb_generate_implied_end_tags(t, WN_TAG_OPTGROUP);
            if (tb_in_scope(t, WN_TAG_OPTION, SCOPE_DEFAULT))
                tb_error(t);
        } else if (tb_cur_is(t, WN_TAG_OPTION)) {
            tb_pop(t);
        }
        tb_reconstruct_afe(t);
        {
            wn_node *n = tb_insert_html(t, tok);
            if (n && t->count[WN_TAG_SELECT])
                tb_select_track(t, n);
        }
        return;
    case WN_TAG_OPTGROUP:
        if (tb_in_scope(t, WN_TAG_SELECT, SCOPE_DEFAULT)) {
            tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
            if (tb_in_scope(t, WN_TAG_OPTION, SCOPE_DEFAULT) ||
                tb_in_scope(t, WN_TAG_OPTGROUP, SCOPE_DEFAULT))
                tb_error(t);
        } else if (tb_cur_is(t, WN_TAG_OPTION)) {
            tb_pop(t);
        }
        tb_reconstruct_afe(t);
        tb_insert_html(t, tok);
        return;
    case WN_TAG_RB: case WN_TAG_RTC:
        if (tb_in_scope(t, WN_TAG_RUBY, SCOPE_DEFAULT)) {
            tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
            if (!tb_cur_is(t, WN_TAG_RUBY))
                tb_error(t);
        }
        tb_insert_html(t, tok);
        return;
    case WN_TAG_RP: case WN_TAG_RT:
        if (tb_in_scope(t, WN_TAG_RUBY, SCOPE_DEFAULT)) {
            tb_generate_implied_end_tags(t, WN_TAG_RTC);
            if (!tb_cur_is(t, WN_TAG_RTC) && !tb_cur_is(t, WN_TAG_RUBY))
                tb_error(t);
        }
        tb_insert_html(t, tok);
        return;
    case WN_TAG_MATH:
        tb_reconstruct_afe(t);
        tb_insert_foreign(t, tok, WN_NS_MATHML);
        return;
    case WN_TAG_SVG:
        tb_reconstruct_afe(t);
        tb_insert_foreign(t, tok, WN_NS_SVG);
        return;
    case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_FRAME:
    case WN_TAG_HEAD: case WN_TAG_TBODY: case WN_TAG_TD: case WN_TAG_TFOOT: case WN_TAG_TH:
    case WN_TAG_THEAD: case WN_TAG_TR:
        tb_error(t);
        return;
    default:
        tb_reconstruct_afe(t);
        {
            wn_node *n = tb_insert_html(t, tok);
            if (n && t->count[WN_TAG_SELECT] && tok->tag == WN_TAG_UNKNOWN)
                tb_select_track(t, n);
        }
        return;
    }
}

static void end_tag(tb *t, wn_token *tok)
{
    switch (tok->tag) {
    case WN_TAG_TEMPLATE:
        mode_in_head(t, tok);
        return;
    case WN_TAG_BODY:
        if (!tb_in_scope(t, WN_TAG_BODY, SCOPE_DEFAULT)) {
            tb_error(t);
            return;
        }
        t->mode = M_AFTER_BODY;
        return;
    case WN_TAG_HTML:
        if (!tb_in_scope(t, WN_TAG_BODY, SCOPE_DEFAULT)) {
            tb_error(t);
            return;
        }
        t->mode = M_AFTER_BODY;
        tb_reprocess(t, tok);
        return;
    case WN_TAG_ADDRESS: case WN_TAG_ARTICLE: case WN_TAG_ASIDE: case WN_TAG_BLOCKQUOTE:
    case WN_TAG_BUTTON: case WN_TAG_CENTER: case WN_TAG_DETAILS: case WN_TAG_DIALOG:
    case WN_TAG_DIR: case WN_TAG_DIV: case WN_TAG_DL: case WN_TAG_FIELDSET:
    case WN_TAG_FIGCAPTION: case WN_TAG_FIGURE: case WN_TAG_FOOTER: case WN_TAG_HEADER:
    case WN_TAG_HGROUP: case WN_TAG_LISTING: case WN_TAG_MAIN: case WN_TAG_MENU:
    case WN_TAG_NAV: case WN_TAG_OL: case WN_TAG_PRE: case WN_TAG_SEARCH: case WN_TAG_SECTION:
    case WN_TAG_SELECT: case WN_TAG_SUMMARY: case WN_TAG_UL:
        close_if_in_scope(t, tok->tag);
        return;
    case WN_TAG_FORM:
        if (t->count[WN_TAG_TEMPLATE] == 0) {
            wn_node *node = t->form;
            t->form = NULL;
            if (node == NULL || !tb_node_in_scope(t, node, SCOPE_DEFAULT)) {
                tb_error(t);
                return;
            }
            tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
            if (tb_current(t) != node)
                tb_error(t);
            tb_remove_from_stack(t, node);
        } else {
            close_if_in_scope(t, WN_TAG_FORM);
        }
        return;
    case WN_TAG_P:
        if (!tb_in_scope(t, WN_TAG_P, SCOPE_BUTTON)) {
            tb_error(t);
            tb_insert_tag(t, WN_TAG_P);
        }
        tb_close_p(t);
        return;
    case WN_TAG_LI:
        if (!tb_in_scope(t, WN_TAG_LI, SCOPE_LIST)) {
            tb_error(t);
            return;
        }
        tb_generate_implied_end_tags(t, WN_TAG_LI);
        if (!tb_cur_is(t, WN_TAG_LI))
            tb_error(t);
        tb_pop_until(t, WN_TAG_LI);
        return;
    case WN_TAG_DD: case WN_TAG_DT:
        if (!tb_in_scope(t, tok->tag, SCOPE_DEFAULT)) {
            tb_error(t);
            return;
        }
        tb_generate_implied_end_tags(t, tok->tag);
        if (!tb_cur_is(t, tok->tag))
            tb_error(t);
        tb_pop_until(t, tok->tag);
        return;
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: {
        static const uint16_t hs[] = { WN_TAG_H1, WN_TAG_H2, WN_TAG_H3, WN_TAG_H4, WN_TAG_H5,
                                       WN_TAG_H6 };
        if (!tb_heading_in_scope(t)) {
            tb_error(t);
            return;
        }
        tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
        if (!tb_cur_is(t, tok->tag))
            tb_error(t);
        tb_pop_until_one_of(t, hs, 6);
        return;
    }
    case WN_TAG_A: case WN_TAG_B: case WN_TAG_BIG: case WN_TAG_CODE: case WN_TAG_EM:
    case WN_TAG_FONT: case WN_TAG_I: case WN_TAG_NOBR: case WN_TAG_S: case WN_TAG_SMALL:
    case WN_TAG_STRIKE: case WN_TAG_STRONG: case WN_TAG_TT: case WN_TAG_U:
        if (!tb_adoption_agency(t, tok))
            tb_any_other_end_tag(t, tok);
        return;
    case WN_TAG_APPLET: case WN_TAG_MARQUEE: case WN_TAG_OBJECT:
        if (!tb_in_scope(t, tok->tag, SCOPE_DEFAULT)) {
            tb_error(t);
            return;
        }
        tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
        if (!tb_cur_is(t, tok->tag))
            tb_error(t);
        tb_pop_until(t, tok->tag);
        tb_afe_clear_to_marker(t);
        return;
    case WN_TAG_BR: {
        tb_error(t);
        wn_token br = *tok;
        br.type = WN_TOK_START_TAG;
        br.nattrs = 0;
        br.attrs = NULL;
        br.self_closing = false;
        tb_reconstruct_afe(t);
        tb_insert_void(t, &br);
        t->frameset_ok = false;
        return;
    }
    default:
        tb_any_other_end_tag(t, tok);
        return;
    }
}

/* MARK: selectedcontent ------------------------------------------------------- */

/* Copy the children of src (deeply, without recursion) to the end of dst. Each copy
 * spends the reconstruction clone budget, so mirroring stays linear in the input. */
static void clone_children(tb *t, const wn_node *src, wn_node *dst)
{
    const wn_node *n = src->first;
    wn_node *parent = dst;
    while (n) {
        if (t->clone_budget == 0)
            return;
        t->clone_budget--;
        wn_node *c = NULL;
        if (n->type == WN_NODE_ELEMENT) {
            c = wn_dom_new_element(t->d, (wn_ns)n->ns, n->tag, n->name);
            if (c) {
                c->attrs = n->attrs;
                c->nattrs = n->nattrs;
                c->flags = n->flags & ~(TB_FLAG_OPEN | TB_FLAG_AFE);
            }
        } else if (n->type == WN_NODE_TEXT) {
            c = wn_dom_new_text(t->d, n->text);
        } else {
            c = wn_dom_new_comment(t->d, n->text);
        }
        if (c == NULL) {
            tb_fail(t, WN_ERR_LIMIT, "too many nodes (max_nodes)");
            return;
        }
        wn_dom_append(parent, c);
        if (n->first) {
            parent = c;
            n = n->first;
            continue;
        }
        while (n != src && n->next == NULL) {
            n = n->parent;
            parent = parent->parent;
        }
        if (n == src)
            return;
        n = n->next;
    }
}

static bool is_ancestor(const wn_node *a, const wn_node *n)
{
    for (; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

/* Called for options and unknown elements inserted while a select is open: keeps
 * the select's first <selectedcontent>, first option and last option with a selected
 * attribute (the parser inserts in tree order, so no walk over the select is needed). */
void tb_select_track(tb *t, wn_node *el)
{
    int si = tb_topmost(t, WN_TAG_SELECT);
    if (si < 0)
        return;
    wn_node *select = t->stack[si];
    if (select != t->sel) {
        t->sel = select;
        t->sel_target = t->sel_first = t->sel_chosen = NULL;
    }
    if (wn_is_html(el, WN_TAG_OPTION)) {
        if (t->sel_first == NULL)
            t->sel_first = el;
        if (wn_dom_attr(el, "selected"))
            t->sel_chosen = el;
    } else if (t->sel_target == NULL && wn_str_eq(el->name, "selectedcontent")) {
        t->sel_target = el;
    }
}

/* spec: "maybe clone an option into selectedcontent", run when the parser pops an
 * option: the select's first <selectedcontent> mirrors the selected option (the last
 * one with a selected attribute, else the first). */
void tb_option_popped(tb *t, wn_node *option)
{
    wn_node *chosen = t->sel_chosen ? t->sel_chosen : t->sel_first;
    wn_node *target = t->sel_target;
    if (option != chosen || target == NULL || !is_ancestor(t->sel, option) ||
        !is_ancestor(t->sel, target) || is_ancestor(option, target) || is_ancestor(target, option))
        return;
    while (target->first)
        wn_dom_remove(target->first);
    clone_children(t, option, target);
}

/* spec: #parsing-main-inbody */
void mode_in_body(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS:
        mode_in_body_chars(t, tok->data);
        return;
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return;
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_START_TAG:
        start_tag(t, tok);
        return;
    case WN_TOK_END_TAG:
        end_tag(t, tok);
        return;
    case WN_TOK_EOF:
        if (t->ntmodes) {
            mode_in_template(t, tok);
            return;
        }
        tb_stop_parsing(t);
        return;
    }
}
