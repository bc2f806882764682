/*
 * tokenizer_text.c: the less-than-sign, end tag and escape states of RCDATA,
 * RAWTEXT and script data (spec: #rcdata-less-than-sign-state through
 * #script-data-double-escape-end-state). "</name" is text until the name proves
 * to be the appropriate end tag; the temporary buffer is bounded by that name.
 */
#include "html/tokenizer_impl.h"

static const unsigned char stop_script_escaped[256] = { ['-'] = 1, ['<'] = 1, [0] = 1 };

static void tmp_put(wn_tokenizer *t, char c)
{
    if (wn_buf_putc(&t->tmp, c) != 0)
        wn_tok_fail(t);
}

/* spec: #appropriate-end-tag-token, tested on the temporary buffer (the tag name
 * is its lowercase copy). */
static bool appropriate_end_tag(const wn_tokenizer *t)
{
    if (t->tmp.n == 0 || t->tmp.n != t->last_start.n)
        return false;
    for (size_t i = 0; i < t->tmp.n; i++)
        if (wn_ascii_lower(t->tmp.p[i]) != t->last_start.p[i])
            return false;
    return true;
}

static bool tmp_is_script(const wn_tokenizer *t)
{
    return t->tmp.n == 6 && memcmp(t->tmp.p, "script", 6) == 0;
}

/* "</" seen in RCDATA, RAWTEXT or escaped script data. */
static const char *end_tag_open(wn_tokenizer *t, const char *p, int name_state, int text)
{
    if (is_alpha((unsigned char)*p)) {
        wn_buf_clear(&t->tmp);
        t->state = name_state;
        return p;
    }
    wn_tok_chars_from_mark(t, p, "</", 2, false);
    t->state = text;
    return p;
}

/* The end tag name states of RCDATA, RAWTEXT and script data. The name is kept
 * only in the temporary buffer until it proves appropriate; a name longer than
 * the last start tag's can never be, so the buffer stays that short. */
static const char *end_tag_name(wn_tokenizer *t, const char *p, const char *end, int text)
{
    while (p < end) {
        unsigned char c = (unsigned char)*p;
        if (is_alpha(c)) {
            if (t->tmp.n >= t->last_start.n)
                break;
            tmp_put(t, (char)c);
            p++;
            continue;
        }
        if (appropriate_end_tag(t) && (is_space(c) || c == '/' || c == '>')) {
            wn_tok_token_reset(t, WN_TOK_END_TAG);
            wn_tok_span_lit(t, &t->name, &t->sb, t->last_start.p, t->last_start.n);
            if (c == '>') {
                t->state = S_DATA;
                wn_tok_emit_tag(t);
            } else {
                t->state = c == '/' ? S_SELF_CLOSING_START_TAG : S_BEFORE_ATTR_NAME;
            }
            return p + 1;
        }
        break;
    }
    if (p == end)
        return p;
    wn_tok_chars_from_mark(t, p, "</", 2, true);
    t->state = text;
    return p;
}

/* spec: #rcdata-less-than-sign-state */
static const char *st_rcdata_lt(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '/') {
        t->state = S_RCDATA_END_TAG_OPEN;
        return p + 1;
    }
    wn_tok_chars_from_mark(t, p, "<", 1, false);
    t->state = S_RCDATA;
    return p;
}

/* spec: #rcdata-end-tag-open-state */
static const char *st_rcdata_end_tag_open(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return end_tag_open(t, p, S_RCDATA_END_TAG_NAME, S_RCDATA);
}

/* spec: #rcdata-end-tag-name-state */
static const char *st_rcdata_end_tag_name(wn_tokenizer *t, const char *p, const char *end)
{
    return end_tag_name(t, p, end, S_RCDATA);
}

/* spec: #rawtext-less-than-sign-state */
static const char *st_rawtext_lt(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '/') {
        t->state = S_RAWTEXT_END_TAG_OPEN;
        return p + 1;
    }
    wn_tok_chars_from_mark(t, p, "<", 1, false);
    t->state = S_RAWTEXT;
    return p;
}

/* spec: #rawtext-end-tag-open-state */
static const char *st_rawtext_end_tag_open(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return end_tag_open(t, p, S_RAWTEXT_END_TAG_NAME, S_RAWTEXT);
}

/* spec: #rawtext-end-tag-name-state */
static const char *st_rawtext_end_tag_name(wn_tokenizer *t, const char *p, const char *end)
{
    return end_tag_name(t, p, end, S_RAWTEXT);
}

/* spec: #script-data-less-than-sign-state */
static const char *st_script_lt(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '/') {
        t->state = S_SCRIPT_END_TAG_OPEN;
        return p + 1;
    }
    if (*p == '!') {                 /* "<!" is emitted, then maybe "<!--" */
        wn_tok_chars_from_mark(t, p + 1, "<!", 2, false);
        t->state = S_SCRIPT_ESCAPE_START;
        return p + 1;
    }
    wn_tok_chars_from_mark(t, p, "<", 1, false);
    t->state = S_SCRIPT_DATA;
    return p;
}

/* spec: #script-data-end-tag-open-state */
static const char *st_script_end_tag_open(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return end_tag_open(t, p, S_SCRIPT_END_TAG_NAME, S_SCRIPT_DATA);
}

/* spec: #script-data-end-tag-name-state */
static const char *st_script_end_tag_name(wn_tokenizer *t, const char *p, const char *end)
{
    return end_tag_name(t, p, end, S_SCRIPT_DATA);
}

/* spec: #script-data-escape-start-state */
static const char *st_script_escape_start(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '-') {
        wn_tok_chars_in(t, p, 1);
        t->state = S_SCRIPT_ESCAPE_START_DASH;
        return p + 1;
    }
    t->state = S_SCRIPT_DATA;
    return p;
}

/* spec: #script-data-escape-start-dash-state */
static const char *st_script_escape_start_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '-') {
        wn_tok_chars_in(t, p, 1);
        t->state = S_SCRIPT_ESCAPED_DASH_DASH;
        return p + 1;
    }
    t->state = S_SCRIPT_DATA;
    return p;
}

/* spec: #script-data-escaped-state */
static const char *st_script_escaped(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan3(p, end, '-', '<', '\0', stop_script_escaped);
        if (p > s)
            wn_tok_chars_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        if (c == '-') {
            wn_tok_chars_in(t, p - 1, 1);
            t->state = S_SCRIPT_ESCAPED_DASH;
            return p;
        }
        if (c == '<') {
            t->mark = p - 1;
            t->state = S_SCRIPT_ESCAPED_LT;
            return p;
        }
        t->errors++;                 /* U+0000 NULL */
        wn_tok_chars_lit(t, FFFD, 3);
    }
}

/* spec: #script-data-escaped-dash-state and #script-data-escaped-dash-dash-state */
static const char *escaped_dash(wn_tokenizer *t, const char *p, bool dash_dash)
{
    unsigned char c = (unsigned char)*p;
    switch (c) {
    case '-':
        wn_tok_chars_in(t, p, 1);
        t->state = S_SCRIPT_ESCAPED_DASH_DASH;
        break;
    case '<':
        t->mark = p;
        t->state = S_SCRIPT_ESCAPED_LT;
        break;
    case '\0':
        t->errors++;
        wn_tok_chars_lit(t, FFFD, 3);
        t->state = S_SCRIPT_ESCAPED;
        break;
    case '>':
        wn_tok_chars_in(t, p, 1);
        t->state = dash_dash ? S_SCRIPT_DATA : S_SCRIPT_ESCAPED;
        break;
    default:
        wn_tok_chars_in(t, p, 1);
        t->state = S_SCRIPT_ESCAPED;
        break;
    }
    return p + 1;
}

/* spec: #script-data-escaped-dash-state */
static const char *st_script_escaped_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return escaped_dash(t, p, false);
}

/* spec: #script-data-escaped-dash-dash-state */
static const char *st_script_escaped_dash_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return escaped_dash(t, p, true);
}

/* spec: #script-data-escaped-less-than-sign-state */
static const char *st_script_escaped_lt(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '/') {
        t->state = S_SCRIPT_ESCAPED_END_TAG_OPEN;
        return p + 1;
    }
    wn_tok_chars_from_mark(t, p, "<", 1, false);
    if (is_alpha((unsigned char)*p)) {
        wn_buf_clear(&t->tmp);
        t->state = S_SCRIPT_DOUBLE_ESCAPE_START;
    } else {
        t->state = S_SCRIPT_ESCAPED;
    }
    return p;
}

/* spec: #script-data-escaped-end-tag-open-state */
static const char *st_script_escaped_end_tag_open(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return end_tag_open(t, p, S_SCRIPT_ESCAPED_END_TAG_NAME, S_SCRIPT_ESCAPED);
}

/* spec: #script-data-escaped-end-tag-name-state */
static const char *st_script_escaped_end_tag_name(wn_tokenizer *t, const char *p, const char *end)
{
    return end_tag_name(t, p, end, S_SCRIPT_ESCAPED);
}

/* Double escape start/end: letters go to the temporary buffer (only "script"
 * matters, so at most 7 are kept); a delimiter decides the next state. */
static const char *double_escape_edge(wn_tokenizer *t, const char *p, int if_script, int otherwise)
{
    unsigned char c = (unsigned char)*p;
    if (is_space(c) || c == '/' || c == '>') {
        t->state = tmp_is_script(t) ? if_script : otherwise;
        wn_tok_chars_in(t, p, 1);
        return p + 1;
    }
    if (is_alpha(c)) {
        if (t->tmp.n < 7)
            tmp_put(t, wn_ascii_lower((char)c));
        wn_tok_chars_in(t, p, 1);
        return p + 1;
    }
    t->state = otherwise;
    return p;
}

/* spec: #script-data-double-escape-start-state */
static const char *st_script_double_escape_start(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return double_escape_edge(t, p, S_SCRIPT_DOUBLE_ESCAPED, S_SCRIPT_ESCAPED);
}

/* spec: #script-data-double-escaped-state */
static const char *st_script_double_escaped(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan3(p, end, '-', '<', '\0', stop_script_escaped);
        if (p > s)
            wn_tok_chars_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        if (c == '-') {
            wn_tok_chars_in(t, p - 1, 1);
            t->state = S_SCRIPT_DOUBLE_ESCAPED_DASH;
            return p;
        }
        if (c == '<') {
            wn_tok_chars_in(t, p - 1, 1);
            t->state = S_SCRIPT_DOUBLE_ESCAPED_LT;
            return p;
        }
        t->errors++;                 /* U+0000 NULL */
        wn_tok_chars_lit(t, FFFD, 3);
    }
}

static const char *double_escaped_dash(wn_tokenizer *t, const char *p, bool dash_dash)
{
    unsigned char c = (unsigned char)*p;
    switch (c) {
    case '-':
        wn_tok_chars_in(t, p, 1);
        t->state = S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH;
        break;
    case '<':
        wn_tok_chars_in(t, p, 1);
        t->state = S_SCRIPT_DOUBLE_ESCAPED_LT;
        break;
    case '\0':
        t->errors++;
        wn_tok_chars_lit(t, FFFD, 3);
        t->state = S_SCRIPT_DOUBLE_ESCAPED;
        break;
    case '>':
        wn_tok_chars_in(t, p, 1);
        t->state = dash_dash ? S_SCRIPT_DATA : S_SCRIPT_DOUBLE_ESCAPED;
        break;
    default:
        wn_tok_chars_in(t, p, 1);
        t->state = S_SCRIPT_DOUBLE_ESCAPED;
        break;
    }
    return p + 1;
}

/* spec: #script-data-double-escaped-dash-state */
static const char *st_script_double_escaped_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return double_escaped_dash(t, p, false);
}

/* spec: #script-data-double-escaped-dash-dash-state */
static const char *st_script_double_escaped_dash_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return double_escaped_dash(t, p, true);
}

/* spec: #script-data-double-escaped-less-than-sign-state */
static const char *st_script_double_escaped_lt(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '/') {
        wn_buf_clear(&t->tmp);
        wn_tok_chars_in(t, p, 1);
        t->state = S_SCRIPT_DOUBLE_ESCAPE_END;
        return p + 1;
    }
    t->state = S_SCRIPT_DOUBLE_ESCAPED;
    return p;
}

/* spec: #script-data-double-escape-end-state */
static const char *st_script_double_escape_end(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return double_escape_edge(t, p, S_SCRIPT_ESCAPED, S_SCRIPT_DOUBLE_ESCAPED);
}

const char *wn_tok_text_states(wn_tokenizer *t, const char *p, const char *end)
{
    switch (t->state) {
    case S_RCDATA_LT: return st_rcdata_lt(t, p, end);
    case S_RCDATA_END_TAG_OPEN: return st_rcdata_end_tag_open(t, p, end);
    case S_RCDATA_END_TAG_NAME: return st_rcdata_end_tag_name(t, p, end);
    case S_RAWTEXT_LT: return st_rawtext_lt(t, p, end);
    case S_RAWTEXT_END_TAG_OPEN: return st_rawtext_end_tag_open(t, p, end);
    case S_RAWTEXT_END_TAG_NAME: return st_rawtext_end_tag_name(t, p, end);
    case S_SCRIPT_LT: return st_script_lt(t, p, end);
    case S_SCRIPT_END_TAG_OPEN: return st_script_end_tag_open(t, p, end);
    case S_SCRIPT_END_TAG_NAME: return st_script_end_tag_name(t, p, end);
    case S_SCRIPT_ESCAPE_START: return st_script_escape_start(t, p, end);
    case S_SCRIPT_ESCAPE_START_DASH: return st_script_escape_start_dash(t, p, end);
    case S_SCRIPT_ESCAPED: return st_script_escaped(t, p, end);
    case S_SCRIPT_ESCAPED_DASH: return st_script_escaped_dash(t, p, end);
    case S_SCRIPT_ESCAPED_DASH_DASH: return st_script_escaped_dash_dash(t, p, end);
    case S_SCRIPT_ESCAPED_LT: return st_script_escaped_lt(t, p, end);
    case S_SCRIPT_ESCAPED_END_TAG_OPEN: return st_script_escaped_end_tag_open(t, p, end);
    case S_SCRIPT_ESCAPED_END_TAG_NAME: return st_script_escaped_end_tag_name(t, p, end);
    case S_SCRIPT_DOUBLE_ESCAPE_START: return st_script_double_escape_start(t, p, end);
    case S_SCRIPT_DOUBLE_ESCAPED: return st_script_double_escaped(t, p, end);
    case S_SCRIPT_DOUBLE_ESCAPED_DASH: return st_script_double_escaped_dash(t, p, end);
    case S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH: return st_script_double_escaped_dash_dash(t, p, end);
    case S_SCRIPT_DOUBLE_ESCAPED_LT: return st_script_double_escaped_lt(t, p, end);
    case S_SCRIPT_DOUBLE_ESCAPE_END: return st_script_double_escape_end(t, p, end);
    default: return end;
    }
}

/* EOF in one of these states: what was consumed comes out as text. */
void wn_tok_text_eof(wn_tokenizer *t)
{
    switch (t->state) {
    case S_RCDATA_LT:
    case S_RAWTEXT_LT:
    case S_SCRIPT_LT:
    case S_SCRIPT_ESCAPED_LT:
        wn_tok_chars_lit(t, "<", 1);
        break;
    case S_RCDATA_END_TAG_OPEN:
    case S_RAWTEXT_END_TAG_OPEN:
    case S_SCRIPT_END_TAG_OPEN:
    case S_SCRIPT_ESCAPED_END_TAG_OPEN:
        wn_tok_chars_lit(t, "</", 2);
        break;
    case S_RCDATA_END_TAG_NAME:
    case S_RAWTEXT_END_TAG_NAME:
    case S_SCRIPT_END_TAG_NAME:
    case S_SCRIPT_ESCAPED_END_TAG_NAME:
        wn_tok_chars_lit(t, "</", 2);
        if (t->tmp.n)
            wn_tok_chars_lit(t, t->tmp.p, t->tmp.n);
        break;
    default:
        break;                       /* escape states: nothing pending */
    }
}
