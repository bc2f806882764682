/*
 * treebuilder_internal.h: state shared by the tree-construction files
 * (treebuilder.c: stack, insertion, formatting list, dispatch; tree_body.c: in body;
 * tree_table.c: table modes; tree_modes.c: the other modes; tree_foreign.c: SVG/MathML).
 * Private to src/html/. Spec: https://html.spec.whatwg.org/multipage/parsing.html
 */
#ifndef WN_HTML_TREEBUILDER_INTERNAL_H
#define WN_HTML_TREEBUILDER_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "winnow.h"
#include "core/deadline.h"
#include "dom/dom.h"
#include "html/tokenizer.h"

/* spec: #the-insertion-mode */
typedef enum tb_mode {
    M_INITIAL = 0,
    M_BEFORE_HTML,
    M_BEFORE_HEAD,
    M_IN_HEAD,
    M_IN_HEAD_NOSCRIPT,
    M_AFTER_HEAD,
    M_IN_BODY,
    M_TEXT,
    M_IN_TABLE,
    M_IN_TABLE_TEXT,
    M_IN_CAPTION,
    M_IN_COLUMN_GROUP,
    M_IN_TABLE_BODY,
    M_IN_ROW,
    M_IN_CELL,
    M_IN_TEMPLATE,
    M_AFTER_BODY,
    M_IN_FRAMESET,
    M_AFTER_FRAMESET,
    M_AFTER_AFTER_BODY,
    M_AFTER_AFTER_FRAMESET
} tb_mode;

/* Parser-private node flag: the element is on the stack of open elements. It makes
 * "is in the stack" O(1) for the formatting list and the adoption agency. Cleared on pop. */
#define TB_FLAG_OPEN 0x0100u
/* Parser-private node flag: the element is in the list of active formatting elements. */
#define TB_FLAG_AFE  0x0200u
/* Elements (markers aside) the list of active formatting elements keeps at most. */
#define TB_AFE_MAX_ELEMENTS 64

/* The tree's structure (nodes and attribute arrays, counted as tb_struct_bytes()
 * does) may use at most TB_STRUCT_PER_INPUT_BYTE bytes per input byte (as the
 * page came, before decoding), plus a
 * TB_STRUCT_BANK. Real pages use 2.1 on average and 8.3 at most (a 331 KB page,
 * far inside the bank; the dev sets' 2,478 pages); markup built to amplify (`<p>x`
 * runs, misnested formatting that reconstruction clones, attribute floods) uses
 * 20-80. Past the
 * budget the parser keeps every character but ignores tags and comments, as if
 * the rest of the page were plain text: memory stays bounded by the input size
 * instead of running into max_arena_bytes and losing the page. */
#define TB_STRUCT_PER_INPUT_BYTE 8
#define TB_STRUCT_BANK ((size_t)8 << 20)

/* Stack index by name: a key is the tag id, or for names not in the tag table a
 * hash of the lowercased name. Each entry links to the next entry down with the same
 * key and knows the topmost special / HTML element at or below it, so "any other end
 * tag" (HTML and foreign) finds its target without scanning the stack. */
#define TB_NAME_BUCKETS 256
#define TB_KEYS (WN_TAG__COUNT + TB_NAME_BUCKETS)

typedef struct tb_slot {
    int32_t prev_same;   /* next lower index with the same key, -1 if none */
    int32_t special_at;  /* topmost special element at or below this index, -1 if none */
    int32_t html_at;     /* topmost HTML element at or below this index, -1 if none */
    int32_t li_stop_at;  /* topmost special element other than address, div, p */
    int32_t mode_at;     /* topmost element that "reset the insertion mode" stops at */
    int32_t bound_at[4]; /* topmost scope boundary, per scope (SCOPE_DEFAULT..SCOPE_TABLE) */
    uint16_t key;
} tb_slot;

typedef struct tb tb;
struct tb {
    wn_doc *d;
    wn_tokenizer *tok;
    const char *in, *in_end;      /* decoded input: slices into it need no copy */

    tb_mode mode, orig_mode;
    uint8_t *tmodes;              /* stack of template insertion modes */
    uint32_t ntmodes, cap_tmodes, max_tmodes;

    wn_node **stack;              /* stack of open elements, [0] is the root element */
    uint32_t nstack, max_stack;   /* max_stack: wn_options.max_depth (at least 8) */
    uint32_t cap_stack;           /* allocated entries; grows by doubling up to max_stack + 8 */
    uint32_t count[WN_TAG__COUNT];/* HTML elements on the stack, per tag id */
    tb_slot *slot;                /* per stack entry, same indexes as stack */
    int32_t last_key[TB_KEYS];    /* topmost stack index per key, -1 if none */
    uint32_t foreign_on_stack;    /* SVG/MathML elements on the stack */

    wn_node **afe;                /* active formatting elements; NULL entries are markers */
    uint32_t *afe_hash;           /* per entry: order-independent hash of the attributes */
    uint32_t nafe, max_afe, cap_afe;
    uint32_t nafe_elems;          /* non-marker entries, at most TB_AFE_MAX_ELEMENTS */
    uint32_t clone_budget;        /* elements reconstruction may still create (see on_token) */

    /* structure budget (TB_STRUCT_PER_INPUT_BYTE): attribute array bytes so far, the
     * limit, and the state once it is spent */
    size_t attr_bytes, struct_budget;
    bool text_only;               /* budget spent: tags and comments are ignored */
    bool skip_raw;                /* text_only: inside an ignored script/style/... */

    wn_node *head, *form;
    wn_node *context;             /* fragment case: the context element, else NULL */
    bool frameset_ok;
    bool foster;                  /* foster parenting enabled */
    bool skip_lf;                 /* drop a LF that starts the next token (pre, textarea) */
    bool foreign_state;           /* what was last told to the tokenizer */
    /* customizable select: the select being filled, its first <selectedcontent>, its
     * first option and its last option with a selected attribute */
    wn_node *sel, *sel_target, *sel_first, *sel_chosen;

    /* in table text: pending character tokens */
    char *pend;
    size_t npend, cap_pend;
    bool pend_nonspace;

    /* the text node that may grow in place: its buffer has text_cap bytes */
    wn_node *last_text;
    size_t text_cap;

    uint32_t max_attrs;           /* wn_options.max_attrs (0 = none) */
    size_t errors;
    uint32_t ntokens;             /* counts for the deadline's polling */
    wn_deadline deadline;         /* wn_options.time_limit_ms */
    wn_status status;             /* first failure; WN_OK while parsing goes on */
    const char *msg;
};

/* MARK: treebuilder.c -------------------------------------------------------- */

void tb_error(tb *t);
void tb_fail(tb *t, wn_status st, const char *msg);
wn_node *tb_current(const tb *t);
wn_node *tb_adjusted_current(const tb *t);
bool tb_cur_is(const tb *t, uint16_t tag);

/* stack */
void tb_push(tb *t, wn_node *n);
wn_node *tb_pop(tb *t);
void tb_pop_until(tb *t, uint16_t tag);              /* pops through an HTML element `tag` */
void tb_pop_until_one_of(tb *t, const uint16_t *tags, int ntags);
void tb_remove_from_stack(tb *t, wn_node *n);
int  tb_stack_index(const tb *t, const wn_node *n);   /* -1 if absent */
int  tb_topmost(const tb *t, uint16_t tag);           /* topmost HTML `tag` index, -1 if none */
bool tb_in_stack(const wn_node *n);
uint16_t tb_token_key(const wn_token *tok);

/* scopes: spec #has-an-element-in-the-specific-scope */
enum { SCOPE_DEFAULT, SCOPE_LIST, SCOPE_BUTTON, SCOPE_TABLE };
bool tb_in_scope(const tb *t, uint16_t tag, int scope);
bool tb_node_in_scope(const tb *t, const wn_node *n, int scope);
bool tb_heading_in_scope(const tb *t);
void tb_generate_implied_end_tags(tb *t, uint16_t except);
void tb_generate_all_implied_end_tags(tb *t);
void tb_close_p(tb *t);
bool tb_is_special(const wn_node *n);
bool tb_is_special_html_tag(uint16_t tag);   /* the spec's list, for tb_check_tag_tables */
const char *tb_check_tag_tables(void);        /* NULL if the per-tag table is consistent */

/* insertion */
wn_node *tb_create_element(tb *t, const wn_token *tok, wn_ns ns);
wn_node *tb_insert_element(tb *t, const wn_token *tok, wn_ns ns);
wn_node *tb_insert_html(tb *t, const wn_token *tok);
wn_node *tb_insert_tag(tb *t, uint16_t tag);          /* synthesized HTML element, no attrs */
void tb_insert_void(tb *t, const wn_token *tok);       /* insert + pop */
void tb_insert_node_at(tb *t, wn_node *n);             /* appropriate place for inserting */
void tb_insert_chars(tb *t, wn_str s);
void tb_insert_comment(tb *t, const wn_token *tok, wn_node *parent); /* parent NULL = appropriate place */
void tb_add_attrs_if_missing(tb *t, wn_node *el, const wn_token *tok);
void tb_switch_tokenizer(tb *t, wn_tok_state st, const wn_token *tok);
void tb_parse_text(tb *t, const wn_token *tok, wn_tok_state st); /* generic raw text / RCDATA */

/* formatting */
void tb_afe_push(tb *t, wn_node *n);
void tb_afe_push_marker(tb *t);
void tb_afe_clear_to_marker(tb *t);
void tb_afe_remove(tb *t, wn_node *n);
int  tb_afe_index(const tb *t, const wn_node *n);
void tb_reconstruct_afe(tb *t);
bool tb_adoption_agency(tb *t, const wn_token *tok);   /* false: act as "any other end tag" */

void tb_reset_insertion_mode(tb *t);
void tb_tmode_push(tb *t, tb_mode m);
void tb_tmode_pop(tb *t);
void tb_stop_parsing(tb *t);

/* process a token in a given mode (the "using the rules for" of the spec) */
void tb_process(tb *t, wn_token *tok, tb_mode m);
void tb_reprocess(tb *t, wn_token *tok);               /* in the current mode, via the dispatcher */

/* MARK: modes (tree_body.c, tree_table.c, tree_modes.c) --------------------- */

void mode_in_body(tb *t, wn_token *tok);
void tb_option_popped(tb *t, wn_node *option);
void tb_select_track(tb *t, wn_node *el);
void mode_in_body_chars(tb *t, wn_str s);
void tb_any_other_end_tag(tb *t, const wn_token *tok);
void mode_in_table(tb *t, wn_token *tok);
void mode_in_table_text(tb *t, wn_token *tok);
void mode_in_caption(tb *t, wn_token *tok);
void mode_in_column_group(tb *t, wn_token *tok);
void mode_in_table_body(tb *t, wn_token *tok);
void mode_in_row(tb *t, wn_token *tok);
void mode_in_cell(tb *t, wn_token *tok);
void tb_clear_stack_to_table_context(tb *t);
void mode_initial(tb *t, wn_token *tok);
void mode_before_html(tb *t, wn_token *tok);
void mode_before_head(tb *t, wn_token *tok);
void mode_in_head(tb *t, wn_token *tok);
void mode_in_head_noscript(tb *t, wn_token *tok);
void mode_after_head(tb *t, wn_token *tok);
void mode_text(tb *t, wn_token *tok);
void mode_in_template(tb *t, wn_token *tok);
void mode_after_body(tb *t, wn_token *tok);
void mode_in_frameset(tb *t, wn_token *tok);
void mode_after_frameset(tb *t, wn_token *tok);
void mode_after_after_body(tb *t, wn_token *tok);
void mode_after_after_frameset(tb *t, wn_token *tok);

/* MARK: tree_foreign.c ------------------------------------------------------- */

void tb_foreign_content(tb *t, wn_token *tok);
void tb_adjust_svg_tag(wn_token *tok);
void tb_adjust_svg_attrs(tb *t, wn_node *el);
void tb_adjust_mathml_attrs(tb *t, wn_node *el);
void tb_adjust_foreign_attrs(tb *t, wn_node *el);
bool tb_is_mathml_text_ip(const wn_node *n);
bool tb_is_html_ip(const wn_node *n);
wn_node *tb_insert_foreign(tb *t, wn_token *tok, wn_ns ns);

/* helpers */
static inline bool tb_is_ws(wn_str s)
{
    for (size_t i = 0; i < s.n; i++)
        if (!wn_is_space((unsigned char)s.p[i]))
            return false;
    return true;
}

/* Splits a character token's leading run of HTML whitespace off: returns the
 * run and leaves the rest in tok. Many insertion modes treat the two parts
 * differently (spec: "A character token that is one of U+0009 ..."); once
 * tok->data.n is 0 the token was whitespace only. */
static inline wn_str tb_split_ws(wn_token *tok)
{
    size_t i = 0;
    while (i < tok->data.n && wn_is_space((unsigned char)tok->data.p[i]))
        i++;
    wn_str ws = wn_str_make(tok->data.p, i);
    tok->data.p += i;
    tok->data.n -= i;
    return ws;
}

static inline bool tb_tok_is(const wn_token *tok, wn_tok_type type, uint16_t tag)
{
    return tok->type == type && tok->tag == tag;
}

#endif
