/*
 * tokenizer_doctype.c: the DOCTYPE states (spec: #doctype-state through
 * #bogus-doctype-state). Rare on a page, so kept apart from the hot states;
 * the name and identifiers are spans like every other token string.
 */
#include "html/tokenizer_impl.h"

static const unsigned char stop_doctype_name[256] = { SPACES(1), ['>'] = 1, [0] = 1, UPPERS(1) };
static const unsigned char stop_id_dq[256] = { ['"'] = 1, ['>'] = 1, [0] = 1 };
static const unsigned char stop_id_sq[256] = { ['\''] = 1, ['>'] = 1, [0] = 1 };

static void doctype_new(wn_tokenizer *t)
{
    wn_tok_token_reset(t, WN_TOK_DOCTYPE);
}

static const char *doctype_bogus(wn_tokenizer *t, const char *p, bool quirks)
{
    t->errors++;
    if (quirks)
        t->force_quirks = true;
    t->state = S_BOGUS_DOCTYPE;
    return p;
}

static const char *doctype_close(wn_tokenizer *t, const char *p, bool quirks)
{
    if (quirks) {
        t->errors++;
        t->force_quirks = true;
    }
    t->state = S_DATA;
    wn_tok_emit_doctype(t);
    return p + 1;
}

/* spec: #doctype-state */
static const char *st_doctype(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    t->state = S_BEFORE_DOCTYPE_NAME;
    if (is_space((unsigned char)*p))
        return p + 1;
    if (*p != '>')
        t->errors++;                 /* missing-whitespace-before-doctype-name */
    return p;
}

/* spec: #before-doctype-name-state */
static const char *st_before_doctype_name(wn_tokenizer *t, const char *p, const char *end)
{
    p = skip_space(p, end);
    if (p == end)
        return p;
    doctype_new(t);
    if (*p == '>')
        return doctype_close(t, p, true);
    t->has_name = true;
    t->state = S_DOCTYPE_NAME;
    return p;
}

/* spec: #doctype-name-state */
static const char *st_doctype_name(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan(p, end, stop_doctype_name);
        if (p > s)
            span_in(t, &t->name, &t->sb, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        if (is_space(c)) {
            t->state = S_AFTER_DOCTYPE_NAME;
            return p;
        }
        if (c == '>')
            return doctype_close(t, p - 1, false);
        if (c == '\0') {
            t->errors++;
            wn_tok_span_lit(t, &t->name, &t->sb, FFFD, 3);
        } else {
            char l = (char)(c + 0x20);
            wn_tok_span_lit(t, &t->name, &t->sb, &l, 1);
        }
    }
}

/* spec: #after-doctype-name-state */
static const char *st_after_doctype_name(wn_tokenizer *t, const char *p, const char *end)
{
    p = skip_space(p, end);
    if (p == end)
        return p;
    if (*p == '>')
        return doctype_close(t, p, false);
    int pub = lookahead(p, end, "public", 6, true);
    if (pub == 1) {
        t->state = S_AFTER_DOCTYPE_PUBLIC_KEYWORD;
        return p + 6;
    }
    int sys = lookahead(p, end, "system", 6, true);
    if (sys == 1) {
        t->state = S_AFTER_DOCTYPE_SYSTEM_KEYWORD;
        return p + 6;
    }
    if ((pub < 0 || sys < 0) && !t->eof)
        return need_more(t, p);
    return doctype_bogus(t, p, true);
}

/* Opening quote of an identifier: the id exists (possibly empty) from here. */
static const char *doctype_id_open(wn_tokenizer *t, const char *p, bool system)
{
    bool dq = *p == '"';
    if (system) {
        t->has_sys = true;
        t->sys = SPAN0;
        t->state = dq ? S_DOCTYPE_SYSTEM_ID_DQ : S_DOCTYPE_SYSTEM_ID_SQ;
    } else {
        t->has_pub = true;
        t->pub = SPAN0;
        t->state = dq ? S_DOCTYPE_PUBLIC_ID_DQ : S_DOCTYPE_PUBLIC_ID_SQ;
    }
    return p + 1;
}

/* After the PUBLIC or SYSTEM keyword (whitespace expected before the quote). */
static const char *after_keyword(wn_tokenizer *t, const char *p, bool system)
{
    unsigned char c = (unsigned char)*p;
    if (is_space(c)) {
        t->state = system ? S_BEFORE_DOCTYPE_SYSTEM_ID : S_BEFORE_DOCTYPE_PUBLIC_ID;
        return p + 1;
    }
    if (c == '"' || c == '\'') {
        t->errors++;                 /* missing whitespace after the keyword */
        return doctype_id_open(t, p, system);
    }
    if (c == '>')
        return doctype_close(t, p, true);
    return doctype_bogus(t, p, true);
}

/* Before an identifier: whitespace skipped, a quote expected. */
static const char *before_id(wn_tokenizer *t, const char *p, const char *end, bool system)
{
    p = skip_space(p, end);
    if (p == end)
        return p;
    if (*p == '"' || *p == '\'')
        return doctype_id_open(t, p, system);
    if (*p == '>')
        return doctype_close(t, p, true);
    return doctype_bogus(t, p, true);
}

/* Inside a quoted identifier. */
static const char *doctype_id(wn_tokenizer *t, const char *p, const char *end,
                              const unsigned char *stop, char quote, bool system)
{
    span *id = system ? &t->sys : &t->pub;
    const char *s = p;
    for (;;) {
        p = scan(p, end, stop);
        if (p > s)
            span_in(t, id, &t->sb, s, (size_t)(p - s));
        if (p == end)
            return p;
        char c = *p++;
        s = p;
        if (c == quote) {
            t->state = system ? S_AFTER_DOCTYPE_SYSTEM_ID : S_AFTER_DOCTYPE_PUBLIC_ID;
            return p;
        }
        if (c == '>')                /* abrupt-doctype-*-identifier */
            return doctype_close(t, p - 1, true);
        t->errors++;                 /* U+0000 NULL */
        wn_tok_span_lit(t, id, &t->sb, FFFD, 3);
    }
}

/* spec: #after-doctype-public-keyword-state */
static const char *st_after_doctype_public_keyword(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return after_keyword(t, p, false);
}

/* spec: #before-doctype-public-identifier-state */
static const char *st_before_doctype_public_id(wn_tokenizer *t, const char *p, const char *end)
{
    return before_id(t, p, end, false);
}

/* spec: #doctype-public-identifier-(double-quoted)-state */
static const char *st_doctype_public_id_dq(wn_tokenizer *t, const char *p, const char *end)
{
    return doctype_id(t, p, end, stop_id_dq, '"', false);
}

/* spec: #doctype-public-identifier-(single-quoted)-state */
static const char *st_doctype_public_id_sq(wn_tokenizer *t, const char *p, const char *end)
{
    return doctype_id(t, p, end, stop_id_sq, '\'', false);
}

/* spec: #after-doctype-public-identifier-state */
static const char *st_after_doctype_public_id(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    unsigned char c = (unsigned char)*p;
    if (is_space(c)) {
        t->state = S_BETWEEN_DOCTYPE_IDS;
        return p + 1;
    }
    if (c == '>')
        return doctype_close(t, p, false);
    if (c == '"' || c == '\'') {
        t->errors++;
        return doctype_id_open(t, p, true);
    }
    return doctype_bogus(t, p, true);
}

/* spec: #between-doctype-public-and-system-identifiers-state */
static const char *st_between_doctype_ids(wn_tokenizer *t, const char *p, const char *end)
{
    p = skip_space(p, end);
    if (p == end)
        return p;
    if (*p == '>')
        return doctype_close(t, p, false);
    if (*p == '"' || *p == '\'')
        return doctype_id_open(t, p, true);
    return doctype_bogus(t, p, true);
}

/* spec: #after-doctype-system-keyword-state */
static const char *st_after_doctype_system_keyword(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    return after_keyword(t, p, true);
}

/* spec: #before-doctype-system-identifier-state */
static const char *st_before_doctype_system_id(wn_tokenizer *t, const char *p, const char *end)
{
    return before_id(t, p, end, true);
}

/* spec: #doctype-system-identifier-(double-quoted)-state */
static const char *st_doctype_system_id_dq(wn_tokenizer *t, const char *p, const char *end)
{
    return doctype_id(t, p, end, stop_id_dq, '"', true);
}

/* spec: #doctype-system-identifier-(single-quoted)-state */
static const char *st_doctype_system_id_sq(wn_tokenizer *t, const char *p, const char *end)
{
    return doctype_id(t, p, end, stop_id_sq, '\'', true);
}

/* spec: #after-doctype-system-identifier-state */
static const char *st_after_doctype_system_id(wn_tokenizer *t, const char *p, const char *end)
{
    p = skip_space(p, end);
    if (p == end)
        return p;
    if (*p == '>')
        return doctype_close(t, p, false);
    return doctype_bogus(t, p, false);   /* not quirks: only the junk is ignored */
}

/* spec: #bogus-doctype-state */
static const char *st_bogus_doctype(wn_tokenizer *t, const char *p, const char *end)
{
    const char *gt = memchr(p, '>', (size_t)(end - p));
    if (gt == NULL)
        return end;                  /* everything up to '>' is ignored, U+0000 too */
    t->state = S_DATA;
    wn_tok_emit_doctype(t);
    return gt + 1;
}

const char *wn_tok_doctype_states(wn_tokenizer *t, const char *p, const char *end)
{
    switch (t->state) {
    case S_DOCTYPE: return st_doctype(t, p, end);
    case S_BEFORE_DOCTYPE_NAME: return st_before_doctype_name(t, p, end);
    case S_DOCTYPE_NAME: return st_doctype_name(t, p, end);
    case S_AFTER_DOCTYPE_NAME: return st_after_doctype_name(t, p, end);
    case S_AFTER_DOCTYPE_PUBLIC_KEYWORD: return st_after_doctype_public_keyword(t, p, end);
    case S_BEFORE_DOCTYPE_PUBLIC_ID: return st_before_doctype_public_id(t, p, end);
    case S_DOCTYPE_PUBLIC_ID_DQ: return st_doctype_public_id_dq(t, p, end);
    case S_DOCTYPE_PUBLIC_ID_SQ: return st_doctype_public_id_sq(t, p, end);
    case S_AFTER_DOCTYPE_PUBLIC_ID: return st_after_doctype_public_id(t, p, end);
    case S_BETWEEN_DOCTYPE_IDS: return st_between_doctype_ids(t, p, end);
    case S_AFTER_DOCTYPE_SYSTEM_KEYWORD: return st_after_doctype_system_keyword(t, p, end);
    case S_BEFORE_DOCTYPE_SYSTEM_ID: return st_before_doctype_system_id(t, p, end);
    case S_DOCTYPE_SYSTEM_ID_DQ: return st_doctype_system_id_dq(t, p, end);
    case S_DOCTYPE_SYSTEM_ID_SQ: return st_doctype_system_id_sq(t, p, end);
    case S_AFTER_DOCTYPE_SYSTEM_ID: return st_after_doctype_system_id(t, p, end);
    case S_BOGUS_DOCTYPE: return st_bogus_doctype(t, p, end);
    default: return end;
    }
}

/* EOF inside a DOCTYPE: emitted, in quirks mode unless already bogus. */
void wn_tok_doctype_eof(wn_tokenizer *t)
{
    if (t->state == S_DOCTYPE || t->state == S_BEFORE_DOCTYPE_NAME)
        doctype_new(t);
    if (t->state != S_BOGUS_DOCTYPE)
        t->force_quirks = true;
    wn_tok_emit_doctype(t);
}
