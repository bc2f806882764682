/*
 * tree_modes.c: the insertion modes around the body: initial (with the quirks-mode
 * doctype tables), before html, before/in/after head, in head noscript (scripting is
 * off), text, in template, after body, the frameset modes. One function per mode,
 * named after the spec's section (spec: #parsing-main-initial and following).
 */
#include "html/treebuilder_internal.h"

#include <string.h>

/* MARK: initial ------------------------------------------------------------------ */

/* spec: #the-initial-insertion-mode, public identifier prefixes that mean quirks */
static const char *const quirky_public_prefixes[] = {
    "+//silmaril//dtd html pro v0r11 19970101//",
    "-//as//dtd html 3.0 aswedit + extensions//",
    "-//advasoft ltd//dtd html 3.0 aswedit + extensions//",
    "-//ietf//dtd html 2.0 level 1//",
    "-//ietf//dtd html 2.0 level 2//",
    "-//ietf//dtd html 2.0 strict level 1//",
    "-//ietf//dtd html 2.0 strict level 2//",
    "-//ietf//dtd html 2.0 strict//",
    "-//ietf//dtd html 2.0//",
    "-//ietf//dtd html 2.1e//",
    "-//ietf//dtd html 3.0//",
    "-//ietf//dtd html 3.2 final//",
    "-//ietf//dtd html 3.2//",
    "-//ietf//dtd html 3//",
    "-//ietf//dtd html level 0//",
    "-//ietf//dtd html level 1//",
    "-//ietf//dtd html level 2//",
    "-//ietf//dtd html level 3//",
    "-//ietf//dtd html strict level 0//",
    "-//ietf//dtd html strict level 1//",
    "-//ietf//dtd html strict level 2//",
    "-//ietf//dtd html strict level 3//",
    "-//ietf//dtd html strict//",
    "-//ietf//dtd html//",
    "-//metrius//dtd metrius presentational//",
    "-//microsoft//dtd internet explorer 2.0 html strict//",
    "-//microsoft//dtd internet explorer 2.0 html//",
    "-//microsoft//dtd internet explorer 2.0 tables//",
    "-//microsoft//dtd internet explorer 3.0 html strict//",
    "-//microsoft//dtd internet explorer 3.0 html//",
    "-//microsoft//dtd internet explorer 3.0 tables//",
    "-//netscape comm. corp.//dtd html//",
    "-//netscape comm. corp.//dtd strict html//",
    "-//o'reilly and associates//dtd html 2.0//",
    "-//o'reilly and associates//dtd html extended 1.0//",
    "-//o'reilly and associates//dtd html extended relaxed 1.0//",
    "-//sq//dtd html 2.0 hotmetal + extensions//",
    "-//softquad software//dtd hotmetal pro 6.0::19990601::extensions to html 4.0//",
    "-//softquad//dtd hotmetal pro 4.0::19971010::extensions to html 4.0//",
    "-//spyglass//dtd html 2.0 extended//",
    "-//sun microsystems corp.//dtd hotjava html//",
    "-//sun microsystems corp.//dtd hotjava strict html//",
    "-//w3c//dtd html 3 1995-03-24//",
    "-//w3c//dtd html 3.2 draft//",
    "-//w3c//dtd html 3.2 final//",
    "-//w3c//dtd html 3.2//",
    "-//w3c//dtd html 3.2s draft//",
    "-//w3c//dtd html 4.0 frameset//",
    "-//w3c//dtd html 4.0 transitional//",
    "-//w3c//dtd html experimental 19960712//",
    "-//w3c//dtd html experimental 970421//",
    "-//w3c//dtd w3 html//",
    "-//w3o//dtd w3 html 3.0//",
    "-//webtechs//dtd mozilla html 2.0//",
    "-//webtechs//dtd mozilla html//",
};

static bool istarts(wn_str s, const char *prefix)
{
    size_t n = strlen(prefix);
    if (s.n < n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (wn_ascii_lower(s.p[i]) != prefix[i])
            return false;
    return true;
}

static void set_quirks(tb *t, const wn_token *tok)
{
    wn_str pub = tok->has_public_id ? tok->public_id : wn_str_make("", 0);
    wn_str sys = tok->has_system_id ? tok->system_id : wn_str_make("", 0);
    if (tok->force_quirks || tok->name_missing || !wn_str_eq(tok->name, "html") ||
        (tok->has_public_id && (wn_str_ieq(pub, "-//w3o//dtd w3 html strict 3.0//en//") ||
                                wn_str_ieq(pub, "-/w3c/dtd html 4.0 transitional/en") ||
                                wn_str_ieq(pub, "html"))) ||
        (tok->has_system_id &&
         wn_str_ieq(sys, "http://www.ibm.com/data/dtd/v11/ibmxhtml1-transitional.dtd"))) {
        t->d->quirks = true;
        return;
    }
    if (tok->has_public_id) {
        for (size_t i = 0; i < sizeof quirky_public_prefixes / sizeof *quirky_public_prefixes; i++) {
            if (istarts(pub, quirky_public_prefixes[i])) {
                t->d->quirks = true;
                return;
            }
        }
        bool html401 = istarts(pub, "-//w3c//dtd html 4.01 frameset//") ||
                       istarts(pub, "-//w3c//dtd html 4.01 transitional//");
        if (html401 && !tok->has_system_id) {
            t->d->quirks = true;
            return;
        }
        if (istarts(pub, "-//w3c//dtd xhtml 1.0 frameset//") ||
            istarts(pub, "-//w3c//dtd xhtml 1.0 transitional//") || html401)
            t->d->limited_quirks = true;
    }
}

static wn_str copy_str(tb *t, wn_str s)
{
    if (s.n == 0)
        return wn_str_make("", 0);
    char *p = wn_arena_strdup(&t->d->arena, s.p, s.n);
    if (p == NULL) {
        tb_fail(t, WN_ERR_NOMEM, "out of memory");
        return wn_str_make("", 0);
    }
    return wn_str_make(p, s.n);
}

/* spec: #the-initial-insertion-mode */
void mode_initial(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS: {
        tb_split_ws(tok);            /* whitespace is ignored */
        if (tok->data.n == 0)
            return;
        break;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, t->d->root);
        return;
    case WN_TOK_DOCTYPE: {
        wn_node *n = wn_dom_new_doctype(t->d, copy_str(t, tok->name));
        if (n == NULL) {
            tb_fail(t, WN_ERR_LIMIT, "too many nodes");
            return;
        }
        if (tok->has_public_id) {
            wn_doctype_set_public_id(n, copy_str(t, tok->public_id));
            n->flags |= WN_NODE_FLAG_DOCTYPE_HAS_PUBLIC;
        }
        if (tok->has_system_id) {
            wn_doctype_set_system_id(n, copy_str(t, tok->system_id));
            n->flags |= WN_NODE_FLAG_DOCTYPE_HAS_SYSTEM;
        }
        wn_dom_append(t->d->root, n);
        set_quirks(t, tok);
        t->mode = M_BEFORE_HTML;
        return;
    }
    default:
        break;
    }
    tb_error(t);
    t->d->quirks = true;
    t->mode = M_BEFORE_HTML;
    tb_reprocess(t, tok);
}

/* MARK: before html, before head, in head -------------------------------------------- */

static void insert_html_root(tb *t, const wn_token *tok)
{
    wn_token synth;
    if (tok == NULL) {
        memset(&synth, 0, sizeof synth);
        synth.type = WN_TOK_START_TAG;
        synth.tag = WN_TAG_HTML;
        synth.name = WN_STR_LIT("html");
        tok = &synth;
    }
    wn_node *n = tb_create_element(t, tok, WN_NS_HTML);
    if (n == NULL)
        return;
    wn_dom_append(t->d->root, n);
    tb_push(t, n);
    t->mode = M_BEFORE_HEAD;
}

/* spec: #the-before-html-insertion-mode */
void mode_before_html(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, t->d->root);
        return;
    case WN_TOK_CHARS: {
        tb_split_ws(tok);            /* whitespace is ignored */
        if (tok->data.n == 0)
            return;
        break;
    }
    case WN_TOK_START_TAG:
        if (tok->tag == WN_TAG_HTML) {
            insert_html_root(t, tok);
            return;
        }
        break;
    case WN_TOK_END_TAG:
        if (tok->tag != WN_TAG_HEAD && tok->tag != WN_TAG_BODY && tok->tag != WN_TAG_HTML &&
            tok->tag != WN_TAG_BR) {
            tb_error(t);
            return;
        }
        break;
    case WN_TOK_EOF:
        break;
    }
    insert_html_root(t, NULL);
    tb_reprocess(t, tok);
}

/* spec: #the-before-head-insertion-mode */
void mode_before_head(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS: {
        tb_split_ws(tok);            /* whitespace is ignored */
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
        if (tok->tag == WN_TAG_HEAD) {
            t->head = tb_insert_html(t, tok);
            t->mode = M_IN_HEAD;
            return;
        }
        break;
    case WN_TOK_END_TAG:
        if (tok->tag != WN_TAG_HEAD && tok->tag != WN_TAG_BODY && tok->tag != WN_TAG_HTML &&
            tok->tag != WN_TAG_BR) {
            tb_error(t);
            return;
        }
        break;
    case WN_TOK_EOF:
        break;
    }
    t->head = tb_insert_tag(t, WN_TAG_HEAD);
    t->mode = M_IN_HEAD;
    tb_reprocess(t, tok);
}

/* spec: #parsing-main-inhead */
void mode_in_head(tb *t, wn_token *tok)
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
        switch (tok->tag) {
        case WN_TAG_HTML:
            mode_in_body(t, tok);
            return;
        case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
        case WN_TAG_META:
            tb_insert_void(t, tok);
            return;
        case WN_TAG_TITLE:
            tb_parse_text(t, tok, WN_TOKST_RCDATA);
            return;
        case WN_TAG_NOFRAMES: case WN_TAG_STYLE:
            tb_parse_text(t, tok, WN_TOKST_RAWTEXT);
            return;
        case WN_TAG_NOSCRIPT:
            tb_insert_html(t, tok);
            t->mode = M_IN_HEAD_NOSCRIPT;
            return;
        case WN_TAG_SCRIPT:
            tb_parse_text(t, tok, WN_TOKST_SCRIPT_DATA);
            return;
        case WN_TAG_TEMPLATE: {
            wn_node *n = tb_insert_html(t, tok);
            if (n == NULL || !tb_in_stack(n))
                return;
            tb_afe_push_marker(t);
            t->frameset_ok = false;
            t->mode = M_IN_TEMPLATE;
            tb_tmode_push(t, M_IN_TEMPLATE);
            return;
        }
        case WN_TAG_HEAD:
            tb_error(t);
            return;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        switch (tok->tag) {
        case WN_TAG_HEAD:
            tb_pop(t);
            t->mode = M_AFTER_HEAD;
            return;
        case WN_TAG_BODY: case WN_TAG_HTML: case WN_TAG_BR:
            break;
        case WN_TAG_TEMPLATE:
            if (t->count[WN_TAG_TEMPLATE] == 0) {
                tb_error(t);
                return;
            }
            tb_generate_all_implied_end_tags(t);
            if (!tb_cur_is(t, WN_TAG_TEMPLATE))
                tb_error(t);
            tb_pop_until(t, WN_TAG_TEMPLATE);
            tb_afe_clear_to_marker(t);
            tb_tmode_pop(t);
            tb_reset_insertion_mode(t);
            return;
        default:
            tb_error(t);
            return;
        }
        break;
    case WN_TOK_EOF:
        break;
    }
    tb_pop(t);
    t->mode = M_AFTER_HEAD;
    tb_reprocess(t, tok);
}

/* spec: #parsing-main-inheadnoscript */
void mode_in_head_noscript(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_CHARS: {
        tb_insert_chars(t, tb_split_ws(tok));
        if (tok->data.n == 0)
            return;
        break;
    }
    case WN_TOK_COMMENT:
        mode_in_head(t, tok);
        return;
    case WN_TOK_START_TAG:
        switch (tok->tag) {
        case WN_TAG_HTML:
            mode_in_body(t, tok);
            return;
        case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK: case WN_TAG_META:
        case WN_TAG_NOFRAMES: case WN_TAG_STYLE:
            mode_in_head(t, tok);
            return;
        case WN_TAG_HEAD: case WN_TAG_NOSCRIPT:
            tb_error(t);
            return;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        if (tok->tag == WN_TAG_NOSCRIPT) {
            tb_pop(t);
            t->mode = M_IN_HEAD;
            return;
        }
        if (tok->tag != WN_TAG_BR) {
            tb_error(t);
            return;
        }
        break;
    case WN_TOK_EOF:
        break;
    }
    tb_error(t);
    tb_pop(t);
    t->mode = M_IN_HEAD;
    tb_reprocess(t, tok);
}

/* spec: #the-after-head-insertion-mode */
void mode_after_head(tb *t, wn_token *tok)
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
        switch (tok->tag) {
        case WN_TAG_HTML:
            mode_in_body(t, tok);
            return;
        case WN_TAG_BODY:
            tb_insert_html(t, tok);
            t->frameset_ok = false;
            t->mode = M_IN_BODY;
            return;
        case WN_TAG_FRAMESET:
            tb_insert_html(t, tok);
            t->mode = M_IN_FRAMESET;
            return;
        case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
        case WN_TAG_META: case WN_TAG_NOFRAMES: case WN_TAG_SCRIPT: case WN_TAG_STYLE:
        case WN_TAG_TEMPLATE: case WN_TAG_TITLE:
            tb_error(t);
            if (t->head == NULL)
                return;
            tb_push(t, t->head);
            mode_in_head(t, tok);
            tb_remove_from_stack(t, t->head);
            return;
        case WN_TAG_HEAD:
            tb_error(t);
            return;
        default:
            break;
        }
        break;
    case WN_TOK_END_TAG:
        if (tok->tag == WN_TAG_TEMPLATE) {
            mode_in_head(t, tok);
            return;
        }
        if (tok->tag != WN_TAG_BODY && tok->tag != WN_TAG_HTML && tok->tag != WN_TAG_BR) {
            tb_error(t);
            return;
        }
        break;
    case WN_TOK_EOF:
        break;
    }
    tb_insert_tag(t, WN_TAG_BODY);
    t->mode = M_IN_BODY;
    tb_reprocess(t, tok);
}

/* MARK: text, template ---------------------------------------------------------- */

/* spec: #parsing-main-incdata */
void mode_text(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS:
        tb_insert_chars(t, tok->data);
        return;
    case WN_TOK_EOF:
        tb_error(t);
        tb_pop(t);
        t->mode = t->orig_mode;
        tb_reprocess(t, tok);
        return;
    case WN_TOK_END_TAG:
        tb_pop(t);
        t->mode = t->orig_mode;
        return;
    default:
        return;
    }
}

/* spec: #parsing-main-intemplate */
void mode_in_template(tb *t, wn_token *tok)
{
    tb_mode next;
    switch (tok->type) {
    case WN_TOK_CHARS: case WN_TOK_COMMENT: case WN_TOK_DOCTYPE:
        mode_in_body(t, tok);
        return;
    case WN_TOK_START_TAG:
        switch (tok->tag) {
        case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_LINK:
        case WN_TAG_META: case WN_TAG_NOFRAMES: case WN_TAG_SCRIPT: case WN_TAG_STYLE:
        case WN_TAG_TEMPLATE: case WN_TAG_TITLE:
            mode_in_head(t, tok);
            return;
        case WN_TAG_CAPTION: case WN_TAG_COLGROUP: case WN_TAG_TBODY: case WN_TAG_TFOOT:
        case WN_TAG_THEAD:
            next = M_IN_TABLE;
            break;
        case WN_TAG_COL:
            next = M_IN_COLUMN_GROUP;
            break;
        case WN_TAG_TR:
            next = M_IN_TABLE_BODY;
            break;
        case WN_TAG_TD: case WN_TAG_TH:
            next = M_IN_ROW;
            break;
        default:
            next = M_IN_BODY;
            break;
        }
        tb_tmode_pop(t);
        tb_tmode_push(t, next);
        t->mode = next;
        tb_reprocess(t, tok);
        return;
    case WN_TOK_END_TAG:
        if (tok->tag == WN_TAG_TEMPLATE)
            mode_in_head(t, tok);
        else
            tb_error(t);
        return;
    case WN_TOK_EOF:
        if (t->count[WN_TAG_TEMPLATE] == 0) {
            tb_stop_parsing(t);
            return;
        }
        tb_error(t);
        tb_pop_until(t, WN_TAG_TEMPLATE);
        tb_afe_clear_to_marker(t);
        tb_tmode_pop(t);
        tb_reset_insertion_mode(t);
        tb_reprocess(t, tok);
        return;
    }
}

/* MARK: after body, frameset ----------------------------------------------------- */

/* spec: #parsing-main-afterbody */
void mode_after_body(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS: {
        wn_token ws = *tok;
        ws.data = tb_split_ws(tok);
        if (ws.data.n)
            mode_in_body(t, &ws);
        if (tok->data.n == 0)
            return;
        break;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, t->nstack ? t->stack[0] : t->d->root);
        return;
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_START_TAG:
        if (tok->tag == WN_TAG_HTML) {
            mode_in_body(t, tok);
            return;
        }
        break;
    case WN_TOK_END_TAG:
        if (tok->tag == WN_TAG_HTML) {
            if (t->context)
                tb_error(t);
            else
                t->mode = M_AFTER_AFTER_BODY;
            return;
        }
        break;
    case WN_TOK_EOF:
        tb_stop_parsing(t);
        return;
    }
    tb_error(t);
    t->mode = M_IN_BODY;
    tb_reprocess(t, tok);
}

/* Frameset modes keep only the whitespace of a character run. */
static void insert_ws_only(tb *t, wn_str s)
{
    size_t start = 0;
    for (size_t i = 0; i <= s.n; i++) {
        if (i == s.n || !wn_is_space((unsigned char)s.p[i])) {
            if (i > start)
                tb_insert_chars(t, wn_str_make(s.p + start, i - start));
            start = i + 1;
        }
    }
}

/* spec: #parsing-main-inframeset */
void mode_in_frameset(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS:
        insert_ws_only(t, tok->data);
        return;
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return;
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_START_TAG:
        switch (tok->tag) {
        case WN_TAG_HTML:
            mode_in_body(t, tok);
            return;
        case WN_TAG_FRAMESET:
            tb_insert_html(t, tok);
            return;
        case WN_TAG_FRAME:
            tb_insert_void(t, tok);
            return;
        case WN_TAG_NOFRAMES:
            mode_in_head(t, tok);
            return;
        default:
            tb_error(t);
            return;
        }
    case WN_TOK_END_TAG:
        if (tok->tag == WN_TAG_FRAMESET) {
            if (t->nstack <= 1) {
                tb_error(t);
                return;
            }
            tb_pop(t);
            if (!t->context && !tb_cur_is(t, WN_TAG_FRAMESET))
                t->mode = M_AFTER_FRAMESET;
            return;
        }
        tb_error(t);
        return;
    case WN_TOK_EOF:
        if (t->nstack > 1)
            tb_error(t);
        tb_stop_parsing(t);
        return;
    }
}

/* spec: #parsing-main-afterframeset */
void mode_after_frameset(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS:
        insert_ws_only(t, tok->data);
        return;
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return;
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_START_TAG:
        if (tok->tag == WN_TAG_HTML)
            mode_in_body(t, tok);
        else if (tok->tag == WN_TAG_NOFRAMES)
            mode_in_head(t, tok);
        else
            tb_error(t);
        return;
    case WN_TOK_END_TAG:
        if (tok->tag == WN_TAG_HTML)
            t->mode = M_AFTER_AFTER_FRAMESET;
        else
            tb_error(t);
        return;
    case WN_TOK_EOF:
        tb_stop_parsing(t);
        return;
    }
}

/* spec: #the-after-after-body-insertion-mode */
void mode_after_after_body(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, t->d->root);
        return;
    case WN_TOK_DOCTYPE:
        mode_in_body(t, tok);
        return;
    case WN_TOK_CHARS: {
        wn_token ws = *tok;
        ws.data = tb_split_ws(tok);
        if (ws.data.n)
            mode_in_body(t, &ws);
        if (tok->data.n == 0)
            return;
        break;
    }
    case WN_TOK_START_TAG:
        if (tok->tag == WN_TAG_HTML) {
            mode_in_body(t, tok);
            return;
        }
        break;
    case WN_TOK_EOF:
        tb_stop_parsing(t);
        return;
    default:
        break;
    }
    tb_error(t);
    t->mode = M_IN_BODY;
    tb_reprocess(t, tok);
}

/* spec: #the-after-after-frameset-insertion-mode */
void mode_after_after_frameset(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, t->d->root);
        return;
    case WN_TOK_DOCTYPE:
        mode_in_body(t, tok);
        return;
    case WN_TOK_CHARS: {
        /* each whitespace character goes to in body; the others are ignored */
        wn_str s = tok->data;
        size_t start = 0;
        for (size_t i = 0; i <= s.n; i++) {
            if (i == s.n || !wn_is_space((unsigned char)s.p[i])) {
                if (i > start) {
                    wn_token ws = *tok;
                    ws.data = wn_str_make(s.p + start, i - start);
                    mode_in_body(t, &ws);
                }
                if (i < s.n)
                    tb_error(t);
                start = i + 1;
            }
        }
        return;
    }
    case WN_TOK_START_TAG:
        if (tok->tag == WN_TAG_HTML)
            mode_in_body(t, tok);
        else if (tok->tag == WN_TAG_NOFRAMES)
            mode_in_head(t, tok);
        else
            tb_error(t);
        return;
    case WN_TOK_EOF:
        tb_stop_parsing(t);
        return;
    default:
        tb_error(t);
        return;
    }
}
