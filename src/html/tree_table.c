/*
 * tree_table.c: the table insertion modes: in table, in table text (pending
 * character tokens and foster parenting), in caption, in column group, in table
 * body, in row, in cell (spec: #parsing-main-intable and following).
 */
#include "html/treebuilder_internal.h"

#include <stdlib.h>
#include <string.h>

static bool cur_in(const tb *t, const uint16_t *tags, int n)
{
    wn_node *c = tb_current(t);
    if (c == NULL)
        return true;
    if (c->ns != WN_NS_HTML)
        return false;
    for (int i = 0; i < n; i++)
        if (c->tag == tags[i])
            return true;
    return false;
}

/* spec: #clear-the-stack-back-to-a-table-context */
void tb_clear_stack_to_table_context(tb *t)
{
    static const uint16_t ctx[] = { WN_TAG_TABLE, WN_TAG_TEMPLATE, WN_TAG_HTML };
    while (t->nstack > 1 && !cur_in(t, ctx, 3))
        tb_pop(t);
}

static void clear_to_table_body_context(tb *t)
{
    static const uint16_t ctx[] = { WN_TAG_TBODY, WN_TAG_TFOOT, WN_TAG_THEAD, WN_TAG_TEMPLATE,
                                    WN_TAG_HTML };
    while (t->nstack > 1 && !cur_in(t, ctx, 5))
        tb_pop(t);
}

static void clear_to_row_context(tb *t)
{
    static const uint16_t ctx[] = { WN_TAG_TR, WN_TAG_TEMPLATE, WN_TAG_HTML };
    while (t->nstack > 1 && !cur_in(t, ctx, 3))
        tb_pop(t);
}

/* "anything else" of in table: in body with foster parenting */
static void table_anything_else(tb *t, wn_token *tok)
{
    tb_error(t);
    t->foster = true;
    mode_in_body(t, tok);
    t->foster = false;
}

static bool is_hidden_input(const wn_token *tok)
{
    for (uint32_t i = 0; i < tok->nattrs; i++)
        if (wn_str_eq(tok->attrs[i].name, "type"))
            return wn_str_ieq(tok->attrs[i].value, "hidden");
    return false;
}

static void enter(tb *t, const wn_token *tok, tb_mode m)
{
    wn_node *n = tb_insert_html(t, tok);
    if (n && tb_in_stack(n))
        t->mode = m;
}

/* spec: #parsing-main-intable */
void mode_in_table(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS: {
        static const uint16_t tt[] = { WN_TAG_TABLE, WN_TAG_TBODY, WN_TAG_TEMPLATE, WN_TAG_TFOOT,
                                       WN_TAG_THEAD, WN_TAG_TR };
        if (t->nstack && cur_in(t, tt, 6)) {
            t->npend = 0;
            t->pend_nonspace = false;
            t->orig_mode = t->mode;
            t->mode = M_IN_TABLE_TEXT;
            tb_reprocess(t, tok);
            return;
        }
        table_anything_else(t, tok);
        return;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return;
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_START_TAG:
        switch (tok->tag) {
        case WN_TAG_CAPTION:
            tb_clear_stack_to_table_context(t);
            tb_afe_push_marker(t);
            enter(t, tok, M_IN_CAPTION);
            return;
        case WN_TAG_COLGROUP:
            tb_clear_stack_to_table_context(t);
            enter(t, tok, M_IN_COLUMN_GROUP);
            return;
        case WN_TAG_COL:
            tb_clear_stack_to_table_context(t);
            tb_insert_tag(t, WN_TAG_COLGROUP);
            t->mode = M_IN_COLUMN_GROUP;
            tb_reprocess(t, tok);
            return;
        case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
            tb_clear_stack_to_table_context(t);
            enter(t, tok, M_IN_TABLE_BODY);
            return;
        case WN_TAG_TD: case WN_TAG_TH: case WN_TAG_TR:
            tb_clear_stack_to_table_context(t);
            tb_insert_tag(t, WN_TAG_TBODY);
            t->mode = M_IN_TABLE_BODY;
            tb_reprocess(t, tok);
            return;
        case WN_TAG_TABLE:
            tb_error(t);
            if (!tb_in_scope(t, WN_TAG_TABLE, SCOPE_TABLE))
                return;
            tb_pop_until(t, WN_TAG_TABLE);
            tb_reset_insertion_mode(t);
            tb_reprocess(t, tok);
            return;
        case WN_TAG_STYLE: case WN_TAG_SCRIPT: case WN_TAG_TEMPLATE:
            mode_in_head(t, tok);
            return;
        case WN_TAG_INPUT:
            if (!is_hidden_input(tok))
                break;
            tb_error(t);
            tb_insert_void(t, tok);
            return;
        case WN_TAG_FORM:
            tb_error(t);
            if (t->count[WN_TAG_TEMPLATE] || t->form)
                return;
            t->form = tb_insert_html(t, tok);
            if (t->form && tb_in_stack(t->form))
                tb_pop(t);
            return;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        switch (tok->tag) {
        case WN_TAG_TABLE:
            if (!tb_in_scope(t, WN_TAG_TABLE, SCOPE_TABLE)) {
                tb_error(t);
                return;
            }
            tb_pop_until(t, WN_TAG_TABLE);
            tb_reset_insertion_mode(t);
            return;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML: case WN_TAG_TBODY: case WN_TAG_TD: case WN_TAG_TFOOT: case WN_TAG_TH:
        case WN_TAG_THEAD: case WN_TAG_TR:
            tb_error(t);
            return;
        case WN_TAG_TEMPLATE:
            mode_in_head(t, tok);
            return;
        default:
            break;
        }
        break;
    case WN_TOK_EOF:
        mode_in_body(t, tok);
        return;
    }
    table_anything_else(t, tok);
}

/* Foster-parent pending text through the in-body rules (spec: "anything else" of in table). */
static void foster_chars(tb *t, wn_str s)
{
    t->foster = true;
    mode_in_body_chars(t, s);
    t->foster = false;
}

/* spec: #parsing-main-intabletext. Only whitespace is ever held back: once a
 * non-whitespace character arrives, the outcome for the whole run is known (all of
 * it is foster-parented), so it is flushed at once and later characters go straight
 * through. A run of whitespace waits in a heap buffer capped by max_arena_bytes. */
void mode_in_table_text(tb *t, wn_token *tok)
{
    if (tok->type == WN_TOK_CHARS) {
        wn_str s = tok->data;
        if (t->pend_nonspace) {
            foster_chars(t, s);     /* U+0000 is dropped there too */
            return;
        }
        if (tb_is_ws(s) || memchr(s.p, '\0', s.n) == NULL) {
            if (!tb_is_ws(s)) {
                tb_error(t);
                t->pend_nonspace = true;
                if (t->npend)
                    foster_chars(t, wn_str_make(t->pend, t->npend));
                t->npend = 0;
                foster_chars(t, s);
                return;
            }
        } else {
            /* NULs are dropped; what is left decides like any other run */
            for (size_t i = 0; i < s.n; i++) {
                if (s.p[i] == '\0') {
                    tb_error(t);
                    continue;
                }
                wn_token one = *tok;
                one.data = wn_str_make(s.p + i, 1);
                mode_in_table_text(t, &one);
            }
            return;
        }
        size_t limit = t->d->arena.limit;
        if (limit && t->npend + s.n > limit) {
            tb_fail(t, WN_ERR_LIMIT, "whitespace run in a table over max_arena_bytes");
            return;
        }
        if (t->npend + s.n > t->cap_pend) {
            size_t cap = t->cap_pend ? t->cap_pend : 256;
            while (cap < t->npend + s.n)
                cap *= 2;
            char *p = realloc(t->pend, cap);
            if (p == NULL) {
                tb_fail(t, WN_ERR_NOMEM, "out of memory");
                return;
            }
            t->pend = p;
            t->cap_pend = cap;
        }
        memcpy(t->pend + t->npend, s.p, s.n);
        t->npend += s.n;
        return;
    }
    if (t->npend) {
        tb_insert_chars(t, wn_str_make(t->pend, t->npend));
        t->npend = 0;
    }
    t->pend_nonspace = false;
    t->mode = t->orig_mode;
    tb_reprocess(t, tok);
}

static bool close_caption(tb *t)
{
    if (!tb_in_scope(t, WN_TAG_CAPTION, SCOPE_TABLE)) {
        tb_error(t);
        return false;
    }
    tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
    if (!tb_cur_is(t, WN_TAG_CAPTION))
        tb_error(t);
    tb_pop_until(t, WN_TAG_CAPTION);
    tb_afe_clear_to_marker(t);
    t->mode = M_IN_TABLE;
    return true;
}

/* spec: #parsing-main-incaption */
void mode_in_caption(tb *t, wn_token *tok)
{
    if (tok->type == WN_TOK_END_TAG && tok->tag == WN_TAG_CAPTION) {
        close_caption(t);
        return;
    }
    if ((tok->type == WN_TOK_START_TAG &&
         (tok->tag == WN_TAG_CAPTION || tok->tag == WN_TAG_COL || tok->tag == WN_TAG_COLGROUP ||
          tok->tag == WN_TAG_TBODY || tok->tag == WN_TAG_TD || tok->tag == WN_TAG_TFOOT ||
          tok->tag == WN_TAG_TH || tok->tag == WN_TAG_THEAD || tok->tag == WN_TAG_TR)) ||
        (tok->type == WN_TOK_END_TAG && tok->tag == WN_TAG_TABLE)) {
        if (close_caption(t))
            tb_reprocess(t, tok);
        return;
    }
    if (tok->type == WN_TOK_END_TAG &&
        (tok->tag == WN_TAG_BODY || tok->tag == WN_TAG_COL || tok->tag == WN_TAG_COLGROUP ||
         tok->tag == WN_TAG_HTML || tok->tag == WN_TAG_TBODY || tok->tag == WN_TAG_TD ||
         tok->tag == WN_TAG_TFOOT || tok->tag == WN_TAG_TH || tok->tag == WN_TAG_THEAD ||
         tok->tag == WN_TAG_TR)) {
        tb_error(t);
        return;
    }
    mode_in_body(t, tok);
}

/* spec: #parsing-main-incolgroup */
void mode_in_column_group(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS: {
        tb_insert_chars(t, tb_split_ws(tok));
        if (tok->data.n == 0)
            return;
        break;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return;
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_START_TAG:
        if (tok->tag == WN_TAG_HTML) {
            mode_in_body(t, tok);
            return;
        }
        if (tok->tag == WN_TAG_COL) {
            tb_insert_void(t, tok);
            return;
        }
        if (tok->tag == WN_TAG_TEMPLATE) {
            mode_in_head(t, tok);
            return;
        }
        break;
    case WN_TOK_END_TAG:
        if (tok->tag == WN_TAG_COLGROUP) {
            if (!tb_cur_is(t, WN_TAG_COLGROUP)) {
                tb_error(t);
                return;
            }
            tb_pop(t);
            t->mode = M_IN_TABLE;
            return;
        }
        if (tok->tag == WN_TAG_COL) {
            tb_error(t);
            return;
        }
        if (tok->tag == WN_TAG_TEMPLATE) {
            mode_in_head(t, tok);
            return;
        }
        break;
    case WN_TOK_EOF:
        mode_in_body(t, tok);
        return;
    }
    if (!tb_cur_is(t, WN_TAG_COLGROUP)) {
        tb_error(t);
        return;
    }
    tb_pop(t);
    t->mode = M_IN_TABLE;
    tb_reprocess(t, tok);
}

static bool tbody_in_table_scope(const tb *t)
{
    return tb_in_scope(t, WN_TAG_TBODY, SCOPE_TABLE) || tb_in_scope(t, WN_TAG_THEAD, SCOPE_TABLE) ||
           tb_in_scope(t, WN_TAG_TFOOT, SCOPE_TABLE);
}

/* spec: #parsing-main-intbody */
void mode_in_table_body(tb *t, wn_token *tok)
{
    if (tok->type == WN_TOK_START_TAG) {
        switch (tok->tag) {
        case WN_TAG_TR:
            clear_to_table_body_context(t);
            enter(t, tok, M_IN_ROW);
            return;
        case WN_TAG_TH: case WN_TAG_TD:
            tb_error(t);
            clear_to_table_body_context(t);
            tb_insert_tag(t, WN_TAG_TR);
            t->mode = M_IN_ROW;
            tb_reprocess(t, tok);
            return;
        case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_TBODY:
        case WN_TAG_TFOOT: case WN_TAG_THEAD:
            if (!tbody_in_table_scope(t)) {
                tb_error(t);
                return;
            }
            clear_to_table_body_context(t);
            tb_pop(t);
            t->mode = M_IN_TABLE;
            tb_reprocess(t, tok);
            return;
        default:
            break;
        }
    } else if (tok->type == WN_TOK_END_TAG) {
        switch (tok->tag) {
        case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
            if (!tb_in_scope(t, tok->tag, SCOPE_TABLE)) {
                tb_error(t);
                return;
            }
            clear_to_table_body_context(t);
            tb_pop(t);
            t->mode = M_IN_TABLE;
            return;
        case WN_TAG_TABLE:
            if (!tbody_in_table_scope(t)) {
                tb_error(t);
                return;
            }
            clear_to_table_body_context(t);
            tb_pop(t);
            t->mode = M_IN_TABLE;
            tb_reprocess(t, tok);
            return;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML: case WN_TAG_TD: case WN_TAG_TH: case WN_TAG_TR:
            tb_error(t);
            return;
        default:
            break;
        }
    }
    mode_in_table(t, tok);
}

static bool close_row(tb *t)
{
    if (!tb_in_scope(t, WN_TAG_TR, SCOPE_TABLE)) {
        tb_error(t);
        return false;
    }
    clear_to_row_context(t);
    tb_pop(t);
    t->mode = M_IN_TABLE_BODY;
    return true;
}

/* spec: #parsing-main-intr */
void mode_in_row(tb *t, wn_token *tok)
{
    if (tok->type == WN_TOK_START_TAG) {
        switch (tok->tag) {
        case WN_TAG_TH: case WN_TAG_TD: {
            clear_to_row_context(t);
            wn_node *n = tb_insert_html(t, tok);
            if (n && tb_in_stack(n)) {
                t->mode = M_IN_CELL;
                tb_afe_push_marker(t);
            }
            return;
        }
        case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_TBODY:
        case WN_TAG_TFOOT: case WN_TAG_THEAD: case WN_TAG_TR:
            if (close_row(t))
                tb_reprocess(t, tok);
            return;
        default:
            break;
        }
    } else if (tok->type == WN_TOK_END_TAG) {
        switch (tok->tag) {
        case WN_TAG_TR:
            close_row(t);
            return;
        case WN_TAG_TABLE:
            if (close_row(t))
                tb_reprocess(t, tok);
            return;
        case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
            if (!tb_in_scope(t, tok->tag, SCOPE_TABLE)) {
                tb_error(t);
                return;
            }
            if (close_row(t))
                tb_reprocess(t, tok);
            return;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML: case WN_TAG_TD: case WN_TAG_TH:
            tb_error(t);
            return;
        default:
            break;
        }
    }
    mode_in_table(t, tok);
}

/* spec: #close-the-cell */
static void close_cell(tb *t)
{
    static const uint16_t cells[] = { WN_TAG_TD, WN_TAG_TH };
    tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
    if (!tb_cur_is(t, WN_TAG_TD) && !tb_cur_is(t, WN_TAG_TH))
        tb_error(t);
    tb_pop_until_one_of(t, cells, 2);
    tb_afe_clear_to_marker(t);
    t->mode = M_IN_ROW;
}

/* spec: #parsing-main-intd */
void mode_in_cell(tb *t, wn_token *tok)
{
    if (tok->type == WN_TOK_END_TAG) {
        switch (tok->tag) {
        case WN_TAG_TD: case WN_TAG_TH:
            if (!tb_in_scope(t, tok->tag, SCOPE_TABLE)) {
                tb_error(t);
                return;
            }
            tb_generate_implied_end_tags(t, WN_TAG_UNKNOWN);
            if (!tb_cur_is(t, tok->tag))
                tb_error(t);
            tb_pop_until(t, tok->tag);
            tb_afe_clear_to_marker(t);
            t->mode = M_IN_ROW;
            return;
        case WN_TAG_BODY: case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP:
        case WN_TAG_HTML:
            tb_error(t);
            return;
        case WN_TAG_TABLE: case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_THEAD:
        case WN_TAG_TR:
            if (!tb_in_scope(t, tok->tag, SCOPE_TABLE)) {
                tb_error(t);
                return;
            }
            close_cell(t);
            tb_reprocess(t, tok);
            return;
        default:
            break;
        }
    } else if (tok->type == WN_TOK_START_TAG) {
        switch (tok->tag) {
        case WN_TAG_CAPTION: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_TBODY:
        case WN_TAG_TD: case WN_TAG_TFOOT: case WN_TAG_TH: case WN_TAG_THEAD: case WN_TAG_TR:
            if (!tb_in_scope(t, WN_TAG_TD, SCOPE_TABLE) && !tb_in_scope(t, WN_TAG_TH, SCOPE_TABLE)) {
                tb_error(t);
                return;
            }
            close_cell(t);
            tb_reprocess(t, tok);
            return;
        default:
            break;
        }
    }
    mode_in_body(t, tok);
}
