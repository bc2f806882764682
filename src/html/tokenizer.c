/*
 * tokenizer.c: WHATWG HTML tokenization (spec: #tokenization), scripting flag off.
 * One function per spec state, named after it. A state reads [p, end), sets
 * t->state and returns where it stopped, so input may arrive in any chunk size.
 * Token strings are spans: slices of the current input while they stay unchanged
 * and contiguous, copied into scratch only when transformed or when the chunk
 * ends. CR/CRLF are normalized before the states run, so no state sees U+000D.
 * Rarer state groups live in tokenizer_text.c, tokenizer_doctype.c and
 * tokenizer_charref.c; tokenizer_impl.h holds what they share.
 */
#include "html/tokenizer.h"

#include <stdlib.h>
#include <string.h>

#include "html/tokenizer_impl.h"

/* MARK: Private: tables ------------------------------------------------------- */

/* Stop tables: non-zero for the bytes a state's inner loop must look at. */
static const unsigned char stop_data[256] = { ['<'] = 1, ['&'] = 1, [0] = 1 };
static const unsigned char stop_rawtext[256] = { ['<'] = 1, [0] = 1 };
static const unsigned char stop_plaintext[256] = { [0] = 1 };
static const unsigned char stop_tag_name[256] = { SPACES(1), ['/'] = 1, ['>'] = 1, [0] = 1, UPPERS(1) };
static const unsigned char stop_attr_name[256] = {
    SPACES(1), ['/'] = 1, ['>'] = 1, ['='] = 1, [0] = 1, UPPERS(1)
};
static const unsigned char stop_value_dq[256] = { ['"'] = 1, ['&'] = 1, [0] = 1 };
static const unsigned char stop_value_sq[256] = { ['\''] = 1, ['&'] = 1, [0] = 1 };
static const unsigned char stop_value_unq[256] = { SPACES(1), ['&'] = 1, ['>'] = 1, [0] = 1 };
static const unsigned char stop_comment[256] = { ['<'] = 1, ['-'] = 1, [0] = 1 };
static const unsigned char stop_bogus_comment[256] = { ['>'] = 1, [0] = 1 };
static const unsigned char stop_cdata[256] = { [']'] = 1 };

/* MARK: Private: spans -------------------------------------------------------- */

void wn_tok_fail(wn_tokenizer *t)
{
    t->failed = true;
    t->halt = true;
}

static wn_str span_str(const span *s, const wn_buf *b)
{
    if (s->n == 0)
        return wn_str_make("", 0);
    return wn_str_make(s->inbuf ? b->p + s->off : s->p, s->n);
}

static void span_tobuf(wn_tokenizer *t, span *s, wn_buf *b)
{
    size_t off = b->n;
    if (wn_buf_put(b, s->p, s->n) != 0) {
        wn_tok_fail(t);
        return;
    }
    s->off = off;
    s->inbuf = true;
}

/* Append to a span already in its buffer; it moves to the end of the buffer
 * first when something else was appended after it. */
static void span_put(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n)
{
    if (s->off + s->n != b->n) {
        size_t off = b->n;
        if (wn_buf_reserve(b, s->n + n) != 0) {
            wn_tok_fail(t);
            return;
        }
        memcpy(b->p + off, b->p + s->off, s->n);
        b->n += s->n;
        s->off = off;
    }
    if (wn_buf_put(b, p, n) != 0) {
        wn_tok_fail(t);
        return;
    }
    s->n += n;
}

void wn_tok_span_in_slow(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n)
{
    if (!s->inbuf) {
        span_tobuf(t, s, b);
        if (t->failed)
            return;
    }
    span_put(t, s, b, p, n);
}

/* Append transformed bytes (lowercased, decoded, U+FFFD...): always copied. */
void wn_tok_span_lit(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n)
{
    token_bytes(t, b, n);
    if (t->failed)
        return;
    if (!s->inbuf) {
        span_tobuf(t, s, b);
        if (t->failed)
            return;
    }
    span_put(t, s, b, p, n);
}

/* A slice of this chunk must not outlive it: copy it into its buffer (unless
 * the chunk lies in input the caller keeps, see wn_tokenizer_set_stable). */
static void span_detach(wn_tokenizer *t, span *s, wn_buf *b)
{
    if (!s->inbuf && s->n && t->stable_lo && s->p >= t->stable_lo && s->p + s->n <= t->stable_hi)
        return;
    if (!s->inbuf) {
        if (s->n)
            span_tobuf(t, s, b);
        else
            s->p = NULL;
    }
}

/* MARK: Private: emitting tokens ---------------------------------------------- */

static void call(wn_tokenizer *t, wn_token *tok)
{
    if (t->stop || t->failed)
        return;
    int rc = t->emit(t->ctx, tok);
    if (rc != 0) {
        t->stop = rc;
        t->halt = true;
    }
}

/* Field by field: a memset of the whole token showed up in profiles. */
static inline void tok_init(wn_token *tok, wn_tok_type type)
{
    static const wn_str empty = { "", 0 };
    tok->type = type;
    tok->name = tok->public_id = tok->system_id = tok->data = empty;
    tok->tag = 0;
    tok->self_closing = tok->force_quirks = tok->name_missing = false;
    tok->has_public_id = tok->has_system_id = false;
    tok->attrs = NULL;
    tok->nattrs = 0;
}

static void flush_chars(wn_tokenizer *t)
{
    wn_token tok;

    if (t->chars.n == 0)
        return;
    tok_init(&tok, WN_TOK_CHARS);
    tok.data = span_str(&t->chars, &t->cb);
    t->chars = SPAN0;
    wn_buf_clear(&t->cb);    /* keeps the memory: tok.data stays readable */
    call(t, &tok);
}

/*
 * Character data leaves in tokens of at most CHARS_MAX bytes, cut where only the
 * text decides: before the last character start at or below CHARS_MAX bytes into
 * the run. So the tokens are the same whatever the chunk sizes (pending text is
 * carried over chunk ends, not flushed), each is whole UTF-8 characters, and the
 * copied part never needs more than CHARS_MAX + 1 bytes of scratch.
 */
static void chars_split(wn_tokenizer *t)
{
    wn_token tok;

    while (t->chars.n > CHARS_MAX && !t->stop && !t->failed) {
        span *s = &t->chars;
        const char *base = s->inbuf ? t->cb.p + s->off : s->p;
        size_t cut = CHARS_MAX;
        while (cut > CHARS_MAX - 3 && ((unsigned char)base[cut] & 0xC0) == 0x80)
            cut--;                   /* base[cut] continues a character: cut before it */
        size_t rest = s->n - cut;
        tok_init(&tok, WN_TOK_CHARS);
        tok.data = wn_str_make(base, cut);
        call(t, &tok);
        if (s->inbuf) {
            memmove(t->cb.p, base + cut, rest);
            t->cb.n = rest;
            s->off = 0;
        } else {
            s->p = base + cut;
        }
        s->n = rest;
    }
}

void wn_tok_chars_in(wn_tokenizer *t, const char *p, size_t n)
{
    span *s = &t->chars;
    while (n && !t->stop && !t->failed) {
        size_t take = n;
        /* Copying: never more than the token can hold. A slice: any length. */
        bool copy = s->inbuf || (s->n && s->p + s->n != p);
        if (copy && take > CHARS_MAX + 1 - s->n)
            take = CHARS_MAX + 1 - s->n;
        span_in(t, s, &t->cb, p, take);
        if (s->n > CHARS_MAX)
            chars_split(t);
        p += take;
        n -= take;
    }
}

void wn_tok_chars_lit(wn_tokenizer *t, const char *p, size_t n)
{
    wn_tok_span_lit(t, &t->chars, &t->cb, p, n);   /* n is small: a reference, U+FFFD */
    if (t->chars.n > CHARS_MAX)
        chars_split(t);
}

/* Emit bytes of this buffer from t->mark to p when the mark is here; else `lit`
 * followed by the temporary buffer (used for "<", "</" + name, "]]"...). */
void wn_tok_chars_from_mark(wn_tokenizer *t, const char *p, const char *lit, size_t litn, bool with_tmp)
{
    if (t->mark) {
        wn_tok_chars_in(t, t->mark, (size_t)(p - t->mark));
        return;
    }
    wn_tok_chars_lit(t, lit, litn);
    if (with_tmp && t->tmp.n)
        wn_tok_chars_lit(t, t->tmp.p, t->tmp.n);
}

void wn_tok_token_reset(wn_tokenizer *t, wn_tok_type type)
{
    t->ttype = type;
    t->tok_bytes = 0;
    wn_buf_clear(&t->sb);
    t->name = t->data = t->pub = t->sys = SPAN0;
    t->nattrs = 0;
    t->detached = 0;
    t->cur = -1;
    t->ht_size = 0;
    t->self_closing = t->force_quirks = t->has_name = t->has_pub = t->has_sys = false;
}

/* After an emit the token's strings are dead: forget them, so that the end of
 * the chunk does not copy them. */
static void token_done(wn_tokenizer *t)
{
    t->name = t->data = t->pub = t->sys = SPAN0;
    t->nattrs = 0;
    t->detached = 0;
    t->cur = -1;
}

void wn_tok_emit_tag(wn_tokenizer *t)
{
    wn_token tok;

    flush_chars(t);
    tok_init(&tok, t->ttype);
    tok.name = span_str(&t->name, &t->sb);
    tok.tag = wn_tag_lookup(tok.name.p, tok.name.n);
    tok.self_closing = t->self_closing;
    if (t->nattrs) {
        if (t->nattrs > t->out_cap) {
            uint32_t cap = t->out_cap ? t->out_cap : 16;
            while (cap < t->nattrs)
                cap *= 2;
            wn_attr *o = realloc(t->out, cap * sizeof *o);
            if (o == NULL) {
                wn_tok_fail(t);
                return;
            }
            t->out = o;
            t->out_cap = cap;
        }
        for (uint32_t i = 0; i < t->nattrs; i++) {
            t->out[i].name = span_str(&t->attrs[i].name, &t->sb);
            t->out[i].value = span_str(&t->attrs[i].value, &t->sb);
            t->out[i].ns = WN_ATTR_NS_NONE;
        }
        tok.attrs = t->out;
        tok.nattrs = t->nattrs;
    }
    if (t->ttype == WN_TOK_START_TAG) {
        if (tok.name.n < t->last_start.cap) {
            memcpy(t->last_start.p, tok.name.p, tok.name.n);
            t->last_start.n = tok.name.n;
        } else {
            wn_buf_clear(&t->last_start);
            if (wn_buf_put(&t->last_start, tok.name.p, tok.name.n) != 0) {
                wn_tok_fail(t);
                return;
            }
        }
    }
    call(t, &tok);
    token_done(t);
}

static void emit_comment(wn_tokenizer *t)
{
    wn_token tok;

    flush_chars(t);
    tok_init(&tok, WN_TOK_COMMENT);
    tok.data = span_str(&t->data, &t->sb);
    call(t, &tok);
    token_done(t);
}

void wn_tok_emit_doctype(wn_tokenizer *t)
{
    wn_token tok;

    flush_chars(t);
    tok_init(&tok, WN_TOK_DOCTYPE);
    tok.name = span_str(&t->name, &t->sb);
    tok.name_missing = !t->has_name;
    tok.force_quirks = t->force_quirks;
    tok.has_public_id = t->has_pub;
    tok.has_system_id = t->has_sys;
    tok.public_id = span_str(&t->pub, &t->sb);
    tok.system_id = span_str(&t->sys, &t->sb);
    call(t, &tok);
    token_done(t);
}

/* MARK: Private: attributes ---------------------------------------------------- */

static uint32_t hash_name(wn_str s)
{
    uint32_t h = 2166136261u;   /* FNV-1a */
    for (size_t i = 0; i < s.n; i++)
        h = (h ^ (unsigned char)s.p[i]) * 16777619u;
    return h;
}

/* Attributes count against the scratch limit too, at sizeof(wn_attr) each:
 * 100,000 one-letter attributes cost little text but a lot of index memory. */
static bool over_limit(const wn_tokenizer *t, size_t bytes)
{
    return t->limit && bytes > t->limit;
}

static void attr_start(wn_tokenizer *t)
{
    t->cur = -1;
    if (t->max_attrs && t->nattrs >= t->max_attrs)
        return;                      /* over max_attrs: parsed, then dropped */
    if (over_limit(t, (size_t)(t->nattrs + 1) * sizeof(wn_attr))) {
        wn_tok_fail(t);
        return;
    }
    if (t->nattrs == t->attrs_cap) {
        uint32_t cap = t->attrs_cap ? t->attrs_cap * 2 : 16;
        if (cap < t->attrs_cap) {
            wn_tok_fail(t);
            return;
        }
        attr_span *a = realloc(t->attrs, cap * sizeof *a);
        if (a == NULL) {
            wn_tok_fail(t);
            return;
        }
        t->attrs = a;
        t->attrs_cap = cap;
    }
    t->attrs[t->nattrs].name = SPAN0;
    t->attrs[t->nattrs].value = SPAN0;
    t->cur = t->nattrs++;
}

static void ht_insert(wn_tokenizer *t, uint32_t i)
{
    uint32_t mask = t->ht_size - 1;
    uint32_t h = t->attrs[i].hash & mask;
    while (t->ht[h])
        h = (h + 1) & mask;
    t->ht[h] = i + 1;
}

/* Make the table hold attributes [0, n) with a load factor of at most 1/2. */
static int ht_grow(wn_tokenizer *t, uint32_t n)
{
    uint32_t size = t->ht_size ? t->ht_size : 32;
    while (size < 2 * (n + 1))
        size *= 2;
    if (size == t->ht_size)
        return 0;
    if (size > t->ht_cap) {
        uint32_t *h = realloc(t->ht, size * sizeof *h);
        if (h == NULL)
            return -1;
        t->ht = h;
        t->ht_cap = size;
    }
    bool first = t->ht_size == 0;   /* the linear phase computed no hashes */
    t->ht_size = size;
    memset(t->ht, 0, size * sizeof *t->ht);
    for (uint32_t i = 0; i < n; i++) {
        if (first)
            t->attrs[i].hash = hash_name(span_str(&t->attrs[i].name, &t->sb));
        ht_insert(t, i);
    }
    return 0;
}

/* Leaving the attribute name state: drop the attribute if its name repeats
 * (spec: the later one is removed). Linear for few attributes, hashed for many,
 * so 100,000 attributes stay linear. */
static void attr_name_done(wn_tokenizer *t)
{
    bool dup = false;

    if (t->cur < 0)
        return;
    uint32_t i = (uint32_t)t->cur;
    attr_span *a = &t->attrs[i];
    wn_str nm = span_str(&a->name, &t->sb);
    if (i < HASH_FROM && t->ht_size == 0) {
        for (uint32_t j = 0; j < i && !dup; j++) {
            wn_str o = span_str(&t->attrs[j].name, &t->sb);
            dup = o.n == nm.n && o.p[0] == nm.p[0] && memcmp(o.p, nm.p, nm.n) == 0;
        }
    } else {
        a->hash = hash_name(nm);
        if (ht_grow(t, i) != 0) {
            wn_tok_fail(t);
            return;
        }
        uint32_t mask = t->ht_size - 1;
        for (uint32_t h = a->hash & mask; t->ht[h]; h = (h + 1) & mask) {
            const attr_span *o = &t->attrs[t->ht[h] - 1];
            if (o->hash == a->hash) {
                wn_str on = span_str(&o->name, &t->sb);
                if (on.n == nm.n && memcmp(on.p, nm.p, nm.n) == 0) {
                    dup = true;
                    break;
                }
            }
        }
        if (!dup)
            ht_insert(t, i);
    }
    if (dup) {
        t->errors++;
        t->nattrs--;
        t->cur = -1;
        if (t->detached > t->nattrs)
            t->detached = t->nattrs;
    }
}

static void attr_name_in(wn_tokenizer *t, const char *p, size_t n)
{
    if (t->cur >= 0)
        span_in(t, &t->attrs[t->cur].name, &t->sb, p, n);
}

static void attr_name_lit(wn_tokenizer *t, const char *p, size_t n)
{
    if (t->cur >= 0)
        wn_tok_span_lit(t, &t->attrs[t->cur].name, &t->sb, p, n);
}

void wn_tok_attr_value_in(wn_tokenizer *t, const char *p, size_t n)
{
    if (t->cur >= 0)
        span_in(t, &t->attrs[t->cur].value, &t->sb, p, n);
}

void wn_tok_attr_value_lit(wn_tokenizer *t, const char *p, size_t n)
{
    if (t->cur >= 0)
        wn_tok_span_lit(t, &t->attrs[t->cur].value, &t->sb, p, n);
}

/* MARK: Private: character reference output ------------------------------------ */

/* MARK: Private: helpers for the states ---------------------------------------- */

static void comment_new(wn_tokenizer *t)
{
    wn_tok_token_reset(t, WN_TOK_COMMENT);
}

/* MARK: Private: states: data and text ------------------------------------------ */

/*
 * Fast path for the usual shape of a tag, entered from the data state at "<" or
 * "</" followed by a letter: a lowercase name, then lowercase attribute names,
 * with or without values free of "&" and U+0000. It makes exactly the transitions
 * the tag states would, as plain jumps instead of one dispatch per state. At the
 * first byte it does not handle, or at the end of the buffer, it leaves t->state
 * at the spec state that continues from p.
 */
static const char *fast_tag(wn_tokenizer *t, const char *p, const char *end, bool end_tag)
{
    const char *s = p;
    unsigned char c, q;

    wn_tok_token_reset(t, end_tag ? WN_TOK_END_TAG : WN_TOK_START_TAG);
    t->state = S_TAG_NAME;
    p = scan(p, end, stop_tag_name);
    if (p > s)
        span_in(t, &t->name, &t->sb, s, (size_t)(p - s));
    if (p == end)
        return p;
    c = (unsigned char)*p;
    if (c == '>')
        goto emit;
    if (!is_space(c))
        return p;                    /* "/", uppercase, U+0000: tag name state */
    for (;;) {
        t->state = S_BEFORE_ATTR_NAME;
        p = skip_space(p, end);
        if (p == end)
            return p;
        c = (unsigned char)*p;
        if (c == '>')
            goto emit;
        if (stop_attr_name[c])
            return p;                /* "/", "=", uppercase, U+0000 */
        attr_start(t);
        t->state = S_ATTR_NAME;
        s = p;
        p = scan(p, end, stop_attr_name);
        attr_name_in(t, s, (size_t)(p - s));
        if (p == end || (c = (unsigned char)*p) != '=') {
            if (p == end || !(c == '>' || is_space(c)))
                return p;            /* "/", uppercase, U+0000: the states */
            attr_name_done(t);
            if (c == '>')
                goto emit;
            t->state = S_AFTER_ATTR_NAME;   /* a name without value, then space */
            p = skip_space(p, end);
            if (p == end)
                return p;
            c = (unsigned char)*p;
            if (c == '>')
                goto emit;
            if (stop_attr_name[c])
                return p;            /* "=", "/"...: after attribute name state */
            continue;                /* the next attribute's name */
        }
        attr_name_done(t);
        t->state = S_BEFORE_ATTR_VALUE;
        p++;
        if (p == end)
            return p;
        q = (unsigned char)*p;
        if (q != '"' && q != '\'') {
            if (is_space(q) || q == '>')
                return p;            /* the before attribute value state */
            t->state = S_ATTR_VALUE_UNQ;
            s = p;
            p = scan(p, end, stop_value_unq);
            if (p > s)
                wn_tok_attr_value_in(t, s, (size_t)(p - s));
            if (p == end)
                return p;
            c = (unsigned char)*p;
            if (c == '>')
                goto emit;
            if (!is_space(c))
                return p;            /* "&" or U+0000: the unquoted value state */
            continue;
        }
        t->state = q == '"' ? S_ATTR_VALUE_DQ : S_ATTR_VALUE_SQ;
        s = ++p;
        p = scan3(p, end, (char)q, '&', '\0', q == '"' ? stop_value_dq : stop_value_sq);
        if (p > s)
            wn_tok_attr_value_in(t, s, (size_t)(p - s));
        if (p == end || (unsigned char)*p != q)
            return p;                /* "&" or U+0000: the value state */
        t->state = S_AFTER_ATTR_VALUE_QUOTED;
        p++;
        if (p == end)
            return p;
        c = (unsigned char)*p;
        if (c == '>')
            goto emit;
        if (!is_space(c))
            return p;
    }
emit:
    t->state = S_DATA;
    wn_tok_emit_tag(t);
    return p + 1;
}

/* spec: #data-state */
static const char *st_data(wn_tokenizer *t, const char *p, const char *end)
{
    for (;;) {
        const char *s = p;
        for (;;) {
            p = scan3(p, end, '<', '&', '\0', stop_data);
            if (p < end && *p == '\0') {
                t->errors++;         /* U+0000 NULL: emitted as it is */
                p++;
                continue;
            }
            break;
        }
        if (p > s)
            wn_tok_chars_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        if (*p == '&') {             /* U+0026 AMPERSAND */
            t->amp = p;
            t->ret_state = S_DATA;
            t->state = S_CHAR_REF;
            return p + 1;
        }
        t->mark = p;                 /* U+003C LESS-THAN SIGN */
        if (end - p > 1 && is_alpha((unsigned char)p[1])) {
            p = fast_tag(t, p + 1, end, false);
        } else if (end - p > 2 && p[1] == '/' && is_alpha((unsigned char)p[2])) {
            p = fast_tag(t, p + 2, end, true);
        } else {
            t->state = S_TAG_OPEN;
            return p + 1;
        }
        /* Still in the data state (the tree builder may have switched it). */
        if (t->state != S_DATA || t->halt)
            return p;
    }
}

/* RCDATA, RAWTEXT, script data and PLAINTEXT share this loop: text up to the
 * state's stop bytes, U+0000 becomes U+FFFD. */
static const char *text_state(wn_tokenizer *t, const char *p, const char *end,
                              const unsigned char *stop, int lt_state)
{
    const char *s = p;
    char amp = stop['&'] ? '&' : '\0', lt = stop['<'] ? '<' : '\0';
    for (;;) {
        p = scan3(p, end, lt, amp, '\0', stop);
        if (p > s)
            wn_tok_chars_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        if (c == '\0') {             /* U+0000 NULL */
            t->errors++;
            wn_tok_chars_lit(t, FFFD, 3);
        } else if (c == '<') {       /* U+003C LESS-THAN SIGN */
            t->mark = p - 1;
            t->state = lt_state;
            return p;
        } else {                     /* U+0026 AMPERSAND (RCDATA only) */
            t->amp = p - 1;
            t->ret_state = t->state;
            t->state = S_CHAR_REF;
            return p;
        }
    }
}

/* spec: #rcdata-state */
static const char *st_rcdata(wn_tokenizer *t, const char *p, const char *end)
{
    return text_state(t, p, end, stop_data, S_RCDATA_LT);
}

/* spec: #rawtext-state */
static const char *st_rawtext(wn_tokenizer *t, const char *p, const char *end)
{
    return text_state(t, p, end, stop_rawtext, S_RAWTEXT_LT);
}

/* spec: #script-data-state */
static const char *st_script_data(wn_tokenizer *t, const char *p, const char *end)
{
    return text_state(t, p, end, stop_rawtext, S_SCRIPT_LT);
}

/* spec: #plaintext-state */
static const char *st_plaintext(wn_tokenizer *t, const char *p, const char *end)
{
    return text_state(t, p, end, stop_plaintext, S_PLAINTEXT);
}

/* MARK: Private: states: tags ----------------------------------------------------- */

/* spec: #tag-open-state */
static const char *st_tag_open(wn_tokenizer *t, const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    (void)end;
    if (c == '!') {                  /* U+0021 EXCLAMATION MARK */
        t->state = S_MARKUP_DECLARATION_OPEN;
        return p + 1;
    }
    if (c == '/') {                  /* U+002F SOLIDUS */
        t->state = S_END_TAG_OPEN;
        return p + 1;
    }
    if (is_alpha(c)) {
        wn_tok_token_reset(t, WN_TOK_START_TAG);
        t->state = S_TAG_NAME;
        return p;
    }
    t->errors++;
    if (c == '?') {                  /* U+003F QUESTION MARK */
        comment_new(t);
        t->state = S_BOGUS_COMMENT;
        return p;
    }
    wn_tok_chars_from_mark(t, p, "<", 1, false);
    t->state = S_DATA;
    return p;
}

/* spec: #end-tag-open-state */
static const char *st_end_tag_open(wn_tokenizer *t, const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    (void)end;
    if (is_alpha(c)) {
        wn_tok_token_reset(t, WN_TOK_END_TAG);
        t->state = S_TAG_NAME;
        return p;
    }
    t->errors++;
    if (c == '>') {                  /* U+003E GREATER-THAN SIGN: "</>" is dropped */
        t->state = S_DATA;
        return p + 1;
    }
    comment_new(t);
    t->state = S_BOGUS_COMMENT;
    return p;
}

/* spec: #tag-name-state */
static const char *st_tag_name(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan(p, end, stop_tag_name);
        if (p > s)
            span_in(t, &t->name, &t->sb, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        switch (c) {
        case '\t': case '\n': case '\f': case ' ':
            t->state = S_BEFORE_ATTR_NAME;
            return p;
        case '/':
            t->state = S_SELF_CLOSING_START_TAG;
            return p;
        case '>':
            t->state = S_DATA;
            wn_tok_emit_tag(t);
            return p;
        case '\0':
            t->errors++;
            wn_tok_span_lit(t, &t->name, &t->sb, FFFD, 3);
            break;
        default: {                   /* ASCII upper alpha */
            char l = (char)(c + 0x20);
            wn_tok_span_lit(t, &t->name, &t->sb, &l, 1);
            break;
        }
        }
    }
}

/* MARK: Private: states: script data -------------------------------------------- */

/* MARK: Private: states: attributes ----------------------------------------------- */

/* spec: #before-attribute-name-state */
static const char *st_before_attr_name(wn_tokenizer *t, const char *p, const char *end)
{
    p = skip_space(p, end);
    if (p == end)
        return p;
    unsigned char c = (unsigned char)*p;
    if (c == '/' || c == '>') {
        t->state = S_AFTER_ATTR_NAME;
        return p;
    }
    attr_start(t);
    t->state = S_ATTR_NAME;
    if (c == '=') {                  /* U+003D EQUALS SIGN starts the name */
        t->errors++;
        attr_name_in(t, p, 1);
        return p + 1;
    }
    return p;
}

/* spec: #attribute-name-state */
static const char *st_attr_name(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan(p, end, stop_attr_name);
        if (p > s)
            attr_name_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p;
        if (c == '=') {
            attr_name_done(t);
            t->state = S_BEFORE_ATTR_VALUE;
            return p + 1;
        }
        if (is_space(c) || c == '/' || c == '>') {
            attr_name_done(t);
            t->state = S_AFTER_ATTR_NAME;
            return p;
        }
        p++;
        s = p;
        if (c == '\0') {
            t->errors++;
            attr_name_lit(t, FFFD, 3);
        } else {                     /* ASCII upper alpha */
            char l = (char)(c + 0x20);
            attr_name_lit(t, &l, 1);
        }
    }
}

/* spec: #after-attribute-name-state */
static const char *st_after_attr_name(wn_tokenizer *t, const char *p, const char *end)
{
    p = skip_space(p, end);
    if (p == end)
        return p;
    switch (*p) {
    case '/':
        t->state = S_SELF_CLOSING_START_TAG;
        return p + 1;
    case '=':
        t->state = S_BEFORE_ATTR_VALUE;
        return p + 1;
    case '>':
        t->state = S_DATA;
        wn_tok_emit_tag(t);
        return p + 1;
    default:
        attr_start(t);
        t->state = S_ATTR_NAME;
        return p;
    }
}

/* spec: #before-attribute-value-state */
static const char *st_before_attr_value(wn_tokenizer *t, const char *p, const char *end)
{
    p = skip_space(p, end);
    if (p == end)
        return p;
    switch (*p) {
    case '"':
        t->state = S_ATTR_VALUE_DQ;
        return p + 1;
    case '\'':
        t->state = S_ATTR_VALUE_SQ;
        return p + 1;
    case '>':                        /* missing-attribute-value */
        t->errors++;
        t->state = S_DATA;
        wn_tok_emit_tag(t);
        return p + 1;
    default:
        t->state = S_ATTR_VALUE_UNQ;
        return p;
    }
}

/* The quoted value states: text up to the quote, '&' or U+0000. */
static const char *attr_value_quoted(wn_tokenizer *t, const char *p, const char *end,
                                     const unsigned char *stop, char quote)
{
    const char *s = p;
    for (;;) {
        p = scan3(p, end, quote, '&', '\0', stop);
        if (p > s)
            wn_tok_attr_value_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        char c = *p++;
        s = p;
        if (c == quote) {
            t->state = S_AFTER_ATTR_VALUE_QUOTED;
            return p;
        }
        if (c == '&') {
            t->amp = p - 1;
            t->ret_state = t->state;
            t->state = S_CHAR_REF;
            return p;
        }
        t->errors++;                 /* U+0000 NULL */
        wn_tok_attr_value_lit(t, FFFD, 3);
    }
}

/* spec: #attribute-value-(double-quoted)-state */
static const char *st_attr_value_dq(wn_tokenizer *t, const char *p, const char *end)
{
    return attr_value_quoted(t, p, end, stop_value_dq, '"');
}

/* spec: #attribute-value-(single-quoted)-state */
static const char *st_attr_value_sq(wn_tokenizer *t, const char *p, const char *end)
{
    return attr_value_quoted(t, p, end, stop_value_sq, '\'');
}

/* spec: #attribute-value-(unquoted)-state */
static const char *st_attr_value_unq(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan(p, end, stop_value_unq);
        if (p > s)
            wn_tok_attr_value_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        switch (c) {
        case '\t': case '\n': case '\f': case ' ':
            t->state = S_BEFORE_ATTR_NAME;
            return p;
        case '&':
            t->amp = p - 1;
            t->ret_state = S_ATTR_VALUE_UNQ;
            t->state = S_CHAR_REF;
            return p;
        case '>':
            t->state = S_DATA;
            wn_tok_emit_tag(t);
            return p;
        default:                     /* U+0000 NULL */
            t->errors++;
            wn_tok_attr_value_lit(t, FFFD, 3);
            break;
        }
    }
}

/* spec: #after-attribute-value-(quoted)-state */
static const char *st_after_attr_value_quoted(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    unsigned char c = (unsigned char)*p;
    if (is_space(c)) {
        t->state = S_BEFORE_ATTR_NAME;
        return p + 1;
    }
    if (c == '/') {
        t->state = S_SELF_CLOSING_START_TAG;
        return p + 1;
    }
    if (c == '>') {
        t->state = S_DATA;
        wn_tok_emit_tag(t);
        return p + 1;
    }
    t->errors++;                     /* missing-whitespace-between-attributes */
    t->state = S_BEFORE_ATTR_NAME;
    return p;
}

/* spec: #self-closing-start-tag-state */
static const char *st_self_closing_start_tag(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '>') {
        t->self_closing = true;
        t->state = S_DATA;
        wn_tok_emit_tag(t);
        return p + 1;
    }
    t->errors++;                     /* unexpected-solidus-in-tag */
    t->state = S_BEFORE_ATTR_NAME;
    return p;
}

/* MARK: Private: states: comments ------------------------------------------------ */

/* Comment data waiting in "-", "--" or "--!" form: slice of the input when the
 * first dash is in this buffer (t->mark), else the literal. */
static void comment_pending(wn_tokenizer *t, const char *lit, size_t n)
{
    if (t->mark)
        span_in(t, &t->data, &t->sb, t->mark, n);
    else
        wn_tok_span_lit(t, &t->data, &t->sb, lit, n);
}

/* spec: #bogus-comment-state */
static const char *st_bogus_comment(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan3(p, end, '>', '\0', '\0', stop_bogus_comment);
        if (p > s)
            span_in(t, &t->data, &t->sb, s, (size_t)(p - s));
        if (p == end)
            return p;
        char c = *p++;
        s = p;
        if (c == '>') {
            t->state = S_DATA;
            emit_comment(t);
            return p;
        }
        t->errors++;                 /* U+0000 NULL */
        wn_tok_span_lit(t, &t->data, &t->sb, FFFD, 3);
    }
}

/* spec: #markup-declaration-open-state */
static const char *st_markup_declaration_open(wn_tokenizer *t, const char *p, const char *end)
{
    int dash = lookahead(p, end, "--", 2, false);
    if (dash == 1) {
        comment_new(t);
        t->state = S_COMMENT_START;
        return p + 2;
    }
    int doctype = lookahead(p, end, "doctype", 7, true);
    if (doctype == 1) {
        t->state = S_DOCTYPE;
        return p + 7;
    }
    int cdata = lookahead(p, end, "[CDATA[", 7, false);
    if (cdata == 1) {
        if (t->foreign) {
            t->state = S_CDATA_SECTION;
            return p + 7;
        }
        t->errors++;                 /* cdata-in-html-content */
        comment_new(t);
        span_in(t, &t->data, &t->sb, p, 7);
        t->state = S_BOGUS_COMMENT;
        return p + 7;
    }
    if ((dash < 0 || doctype < 0 || cdata < 0) && !t->eof)
        return need_more(t, p);
    t->errors++;                     /* incorrectly-opened-comment */
    comment_new(t);
    t->state = S_BOGUS_COMMENT;
    return p;
}

/* spec: #comment-start-state */
static const char *st_comment_start(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '-') {
        t->mark = p;
        t->state = S_COMMENT_START_DASH;
        return p + 1;
    }
    if (*p == '>') {                 /* abrupt-closing-of-empty-comment */
        t->errors++;
        t->state = S_DATA;
        emit_comment(t);
        return p + 1;
    }
    t->state = S_COMMENT;
    return p;
}

/* spec: #comment-start-dash-state */
static const char *st_comment_start_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '-') {
        t->state = S_COMMENT_END;
        return p + 1;
    }
    if (*p == '>') {
        t->errors++;
        t->state = S_DATA;
        emit_comment(t);
        return p + 1;
    }
    comment_pending(t, "-", 1);
    t->state = S_COMMENT;
    return p;
}

/* spec: #comment-state */
static const char *st_comment(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan3(p, end, '<', '-', '\0', stop_comment);
        if (p > s)
            span_in(t, &t->data, &t->sb, s, (size_t)(p - s));
        if (p == end)
            return p;
        char c = *p++;
        s = p;
        if (c == '<') {
            span_in(t, &t->data, &t->sb, p - 1, 1);
            t->state = S_COMMENT_LT;
            return p;
        }
        if (c == '-') {
            t->mark = p - 1;
            t->state = S_COMMENT_END_DASH;
            return p;
        }
        t->errors++;                 /* U+0000 NULL */
        wn_tok_span_lit(t, &t->data, &t->sb, FFFD, 3);
    }
}

/* spec: #comment-less-than-sign-state */
static const char *st_comment_lt(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '!') {
        span_in(t, &t->data, &t->sb, p, 1);
        t->state = S_COMMENT_LT_BANG;
        return p + 1;
    }
    if (*p == '<') {
        span_in(t, &t->data, &t->sb, p, 1);
        return p + 1;
    }
    t->state = S_COMMENT;
    return p;
}

/* spec: #comment-less-than-sign-bang-state */
static const char *st_comment_lt_bang(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '-') {
        t->mark = p;
        t->state = S_COMMENT_LT_BANG_DASH;
        return p + 1;
    }
    t->state = S_COMMENT;
    return p;
}

/* spec: #comment-less-than-sign-bang-dash-state */
static const char *st_comment_lt_bang_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '-') {
        t->state = S_COMMENT_LT_BANG_DASH_DASH;
        return p + 1;
    }
    t->state = S_COMMENT_END_DASH;
    return p;
}

/* spec: #comment-less-than-sign-bang-dash-dash-state */
static const char *st_comment_lt_bang_dash_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p != '>')
        t->errors++;                 /* nested-comment */
    t->state = S_COMMENT_END;
    return p;
}

/* spec: #comment-end-dash-state */
static const char *st_comment_end_dash(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '-') {
        t->state = S_COMMENT_END;
        return p + 1;
    }
    comment_pending(t, "-", 1);
    t->state = S_COMMENT;
    return p;
}

/* spec: #comment-end-state */
static const char *st_comment_end(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    switch (*p) {
    case '>':
        t->state = S_DATA;
        emit_comment(t);
        return p + 1;
    case '!':
        t->state = S_COMMENT_END_BANG;
        return p + 1;
    case '-':                        /* "---": the first dash is data */
        comment_pending(t, "-", 1);
        if (t->mark)
            t->mark++;
        return p + 1;
    default:
        comment_pending(t, "--", 2);
        t->state = S_COMMENT;
        return p;
    }
}

/* spec: #comment-end-bang-state */
static const char *st_comment_end_bang(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '>') {                 /* incorrectly-closed-comment */
        t->errors++;
        t->state = S_DATA;
        emit_comment(t);
        return p + 1;
    }
    comment_pending(t, "--!", 3);
    if (*p == '-') {
        t->mark = p;
        t->state = S_COMMENT_END_DASH;
        return p + 1;
    }
    t->state = S_COMMENT;
    return p;
}

/* MARK: Private: states: DOCTYPE ------------------------------------------------- */

/* MARK: Private: states: CDATA --------------------------------------------------- */

/* spec: #cdata-section-state */
static const char *st_cdata_section(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    p = scan3(p, end, ']', ']', ']', stop_cdata);
    if (p > s)
        wn_tok_chars_in(t, s, (size_t)(p - s));
    if (p == end)
        return p;
    t->mark = p;                     /* U+005D RIGHT SQUARE BRACKET */
    t->state = S_CDATA_SECTION_BRACKET;
    return p + 1;
}

/* spec: #cdata-section-bracket-state */
static const char *st_cdata_section_bracket(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == ']') {
        t->state = S_CDATA_SECTION_END;
        return p + 1;
    }
    wn_tok_chars_from_mark(t, p, "]", 1, false);
    t->state = S_CDATA_SECTION;
    return p;
}

/* spec: #cdata-section-end-state */
static const char *st_cdata_section_end(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == ']') {                 /* "]]]": the first bracket is data */
        if (t->mark) {
            wn_tok_chars_in(t, t->mark, 1);
            t->mark++;
        } else {
            wn_tok_chars_lit(t, "]", 1);
        }
        return p + 1;
    }
    if (*p == '>') {
        t->state = S_DATA;
        return p + 1;
    }
    wn_tok_chars_from_mark(t, p, "]]", 2, false);
    t->state = S_CDATA_SECTION;
    return p;
}

/* MARK: Private: states: character references ------------------------------------ */

/* MARK: Private: driver ------------------------------------------------------------ */

static const char *dispatch(wn_tokenizer *t, const char *p, const char *end)
{
    switch (t->state) {
    case S_DATA: return st_data(t, p, end);
    case S_RCDATA: return st_rcdata(t, p, end);
    case S_RAWTEXT: return st_rawtext(t, p, end);
    case S_SCRIPT_DATA: return st_script_data(t, p, end);
    case S_PLAINTEXT: return st_plaintext(t, p, end);
    case S_CDATA_SECTION: return st_cdata_section(t, p, end);
    case S_TAG_OPEN: return st_tag_open(t, p, end);
    case S_END_TAG_OPEN: return st_end_tag_open(t, p, end);
    case S_TAG_NAME: return st_tag_name(t, p, end);
    case S_BEFORE_ATTR_NAME: return st_before_attr_name(t, p, end);
    case S_ATTR_NAME: return st_attr_name(t, p, end);
    case S_AFTER_ATTR_NAME: return st_after_attr_name(t, p, end);
    case S_BEFORE_ATTR_VALUE: return st_before_attr_value(t, p, end);
    case S_ATTR_VALUE_DQ: return st_attr_value_dq(t, p, end);
    case S_ATTR_VALUE_SQ: return st_attr_value_sq(t, p, end);
    case S_ATTR_VALUE_UNQ: return st_attr_value_unq(t, p, end);
    case S_AFTER_ATTR_VALUE_QUOTED: return st_after_attr_value_quoted(t, p, end);
    case S_SELF_CLOSING_START_TAG: return st_self_closing_start_tag(t, p, end);
    case S_BOGUS_COMMENT: return st_bogus_comment(t, p, end);
    case S_MARKUP_DECLARATION_OPEN: return st_markup_declaration_open(t, p, end);
    case S_COMMENT_START: return st_comment_start(t, p, end);
    case S_COMMENT_START_DASH: return st_comment_start_dash(t, p, end);
    case S_COMMENT: return st_comment(t, p, end);
    case S_COMMENT_LT: return st_comment_lt(t, p, end);
    case S_COMMENT_LT_BANG: return st_comment_lt_bang(t, p, end);
    case S_COMMENT_LT_BANG_DASH: return st_comment_lt_bang_dash(t, p, end);
    case S_COMMENT_LT_BANG_DASH_DASH: return st_comment_lt_bang_dash_dash(t, p, end);
    case S_COMMENT_END_DASH: return st_comment_end_dash(t, p, end);
    case S_COMMENT_END: return st_comment_end(t, p, end);
    case S_COMMENT_END_BANG: return st_comment_end_bang(t, p, end);
    case S_CDATA_SECTION_BRACKET: return st_cdata_section_bracket(t, p, end);
    case S_CDATA_SECTION_END: return st_cdata_section_end(t, p, end);
    case S_RCDATA_LT:
    case S_RCDATA_END_TAG_OPEN:
    case S_RCDATA_END_TAG_NAME:
    case S_RAWTEXT_LT:
    case S_RAWTEXT_END_TAG_OPEN:
    case S_RAWTEXT_END_TAG_NAME:
    case S_SCRIPT_LT:
    case S_SCRIPT_END_TAG_OPEN:
    case S_SCRIPT_END_TAG_NAME:
    case S_SCRIPT_ESCAPE_START:
    case S_SCRIPT_ESCAPE_START_DASH:
    case S_SCRIPT_ESCAPED:
    case S_SCRIPT_ESCAPED_DASH:
    case S_SCRIPT_ESCAPED_DASH_DASH:
    case S_SCRIPT_ESCAPED_LT:
    case S_SCRIPT_ESCAPED_END_TAG_OPEN:
    case S_SCRIPT_ESCAPED_END_TAG_NAME:
    case S_SCRIPT_DOUBLE_ESCAPE_START:
    case S_SCRIPT_DOUBLE_ESCAPED:
    case S_SCRIPT_DOUBLE_ESCAPED_DASH:
    case S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH:
    case S_SCRIPT_DOUBLE_ESCAPED_LT:
    case S_SCRIPT_DOUBLE_ESCAPE_END:
        return wn_tok_text_states(t, p, end);
    case S_DOCTYPE:
    case S_BEFORE_DOCTYPE_NAME:
    case S_DOCTYPE_NAME:
    case S_AFTER_DOCTYPE_NAME:
    case S_AFTER_DOCTYPE_PUBLIC_KEYWORD:
    case S_BEFORE_DOCTYPE_PUBLIC_ID:
    case S_DOCTYPE_PUBLIC_ID_DQ:
    case S_DOCTYPE_PUBLIC_ID_SQ:
    case S_AFTER_DOCTYPE_PUBLIC_ID:
    case S_BETWEEN_DOCTYPE_IDS:
    case S_AFTER_DOCTYPE_SYSTEM_KEYWORD:
    case S_BEFORE_DOCTYPE_SYSTEM_ID:
    case S_DOCTYPE_SYSTEM_ID_DQ:
    case S_DOCTYPE_SYSTEM_ID_SQ:
    case S_AFTER_DOCTYPE_SYSTEM_ID:
    case S_BOGUS_DOCTYPE:
        return wn_tok_doctype_states(t, p, end);
    case S_CHAR_REF:
    case S_NAMED_CHAR_REF:
    case S_AMBIGUOUS_AMPERSAND:
    case S_NUMERIC_CHAR_REF:
    case S_HEX_CHAR_REF_START:
    case S_DEC_CHAR_REF_START:
    case S_HEX_CHAR_REF:
    case S_DEC_CHAR_REF:
        return wn_tok_charref_states(t, p, end);
    default: return end;
    }
}

/* End of a buffer: nothing may keep pointing into it. */
static void detach(wn_tokenizer *t)
{
    t->mark = NULL;
    t->amp = NULL;
    span_detach(t, &t->chars, &t->cb);
    span_detach(t, &t->name, &t->sb);
    span_detach(t, &t->data, &t->sb);
    span_detach(t, &t->pub, &t->sb);
    span_detach(t, &t->sys, &t->sb);
    /* Attributes before the last one were detached already and are closed. */
    for (uint32_t i = t->detached ? t->detached - 1 : 0; i < t->nattrs; i++) {
        span_detach(t, &t->attrs[i].name, &t->sb);
        span_detach(t, &t->attrs[i].value, &t->sb);
    }
    t->detached = t->nattrs;
}

/* Tokenize one buffer of normalized input. */
static void run(wn_tokenizer *t, const char *p, const char *end)
{
    while (p < end && !t->halt)
        p = dispatch(t, p, end);
    if (t->need_more) {
        size_t k = (size_t)(end - p);
        memmove(t->pend, p, k);      /* k <= PEND_MAX: lookaheads are short */
        t->pend_n = k;
        t->need_more = false;
        t->halt = t->failed || t->stop;
    }
    detach(t);
}

/* Normalized input: bytes kept from an undecided lookahead go first. They are
 * joined with at most MIX_TAKE new bytes at a time, never the whole chunk. */
static void process(wn_tokenizer *t, const char *p, size_t n)
{
    while (t->pend_n && n && !t->halt) {
        size_t k = n < MIX_TAKE ? n : MIX_TAKE;
        size_t m = t->pend_n;
        memcpy(t->mix, t->pend, m);
        memcpy(t->mix + m, p, k);
        t->pend_n = 0;
        run(t, t->mix, t->mix + m + k);
        p += k;
        n -= k;
    }
    if (n && !t->halt)
        run(t, p, p + n);
}

static int result(const wn_tokenizer *t)
{
    return t->stop ? t->stop : t->failed ? -1 : 0;
}

/* MARK: Public (internal API) ---------------------------------------------------- */

wn_tokenizer *wn_tokenizer_new(wn_token_fn emit, void *ctx, uint32_t max_attrs, size_t limit)
{
    wn_tokenizer *t = calloc(1, sizeof *t);
    if (t == NULL)
        return NULL;
    t->emit = emit;
    t->ctx = ctx;
    t->max_attrs = max_attrs;
    t->limit = limit;
    t->state = S_DATA;
    t->cur = -1;
    wn_buf_init(&t->sb, 0);          /* bounded through tok_bytes */
    wn_buf_init(&t->cb, 0);          /* bounded by CHARS_MAX + 1 (chars_split) */
    wn_buf_init(&t->last_start, limit);
    wn_buf_init(&t->tmp, limit);
    return t;
}

void wn_tokenizer_free(wn_tokenizer *t)
{
    if (t == NULL)
        return;
    wn_buf_fini(&t->sb);
    wn_buf_fini(&t->cb);
    wn_buf_fini(&t->last_start);
    wn_buf_fini(&t->tmp);
    free(t->attrs);
    free(t->ht);
    free(t->out);
    free(t->norm);
    free(t);
}

void wn_tokenizer_set_state(wn_tokenizer *t, wn_tok_state st)
{
    t->state = (int)st;
}

void wn_tokenizer_set_last_start_tag(wn_tokenizer *t, const char *name, size_t n)
{
    wn_buf_clear(&t->last_start);
    for (size_t i = 0; i < n; i++)
        if (wn_buf_putc(&t->last_start, wn_ascii_lower(name[i])) != 0)
            wn_tok_fail(t);
}

void wn_tokenizer_set_stable(wn_tokenizer *t, const char *p, size_t n)
{
    t->stable_lo = p;
    t->stable_hi = p ? p + n : NULL;
}

void wn_tokenizer_set_foreign(wn_tokenizer *t, bool foreign)
{
    t->foreign = foreign;
}

size_t wn_tokenizer_errors(const wn_tokenizer *t)
{
    return t->errors;
}

/* spec: #preprocessing-the-input-stream. Chunks without CR are tokenized in
 * place; from the first CR on, blocks are copied with CRLF and CR turned into
 * LF. A CR ending a chunk is remembered so that an LF opening the next is dropped. */
int wn_tokenizer_feed(wn_tokenizer *t, const char *p, size_t n)
{
    if (t->stop || t->failed)
        return result(t);
    if (n == 0)
        return result(t);
    if (t->cr_last && *p == '\n') {
        p++;
        n--;
    }
    t->cr_last = false;
    if (n == 0)
        return result(t);
    const char *cr = memchr(p, '\r', n);
    if (cr == NULL) {
        process(t, p, n);
        return result(t);
    }
    process(t, p, (size_t)(cr - p));
    n -= (size_t)(cr - p);
    p = cr;
    if (t->stable_lo && p >= t->stable_lo && p + n <= t->stable_hi) {
        /* Kept input: a CRLF is its LF alone, so the bytes between CRs are
         * tokenized in place; only a lone CR becomes a literal LF. */
        while (n && !t->halt) {
            p++, n--;   /* the CR */
            if (n == 0) {
                /* The chunk ends at the CR: a CRLF's LF opens the next chunk
                 * (same buffer) and stands for the pair there. */
                if (p < t->stable_hi && *p == '\n')
                    break;
                process(t, "\n", 1);
                t->cr_last = true;
                break;
            }
            if (*p != '\n')
                process(t, "\n", 1);
            if (*p == '\r')
                continue;   /* CR CR: the next one is handled alike */
            cr = memchr(p, '\r', n);
            size_t run_n = cr ? (size_t)(cr - p) : n;
            process(t, p, run_n);
            p += run_n;
            n -= run_n;
        }
        return result(t);
    }
    if (t->norm == NULL && (t->norm = malloc(NORM_BLOCK)) == NULL) {
        wn_tok_fail(t);
        return result(t);
    }
    while (n && !t->halt) {
        size_t k = n < NORM_BLOCK ? n : NORM_BLOCK, m = 0, i = 0;
        while (i < k) {
            if (t->cr_last) {
                t->cr_last = false;
                if (p[i] == '\n') {     /* the LF of a CRLF */
                    i++;
                    continue;
                }
            }
            const char *next = memchr(p + i, '\r', k - i);
            size_t run = (next ? (size_t)(next - p) : k) - i;
            memcpy(t->norm + m, p + i, run);
            m += run;
            i += run;
            if (next) {
                t->norm[m++] = '\n';
                t->cr_last = true;
                i++;
            }
        }
        process(t, t->norm, m);
        p += k;
        n -= k;
    }
    return result(t);
}

/* What each state does at end of file (the spec's "EOF" branches). */
static void eof_state(wn_tokenizer *t)
{
    for (;;) {
        switch (t->state) {
        case S_TAG_OPEN:
            wn_tok_chars_lit(t, "<", 1);
            return;
        case S_END_TAG_OPEN:
            wn_tok_chars_lit(t, "</", 2);
            return;
        case S_RCDATA_LT:
        case S_RCDATA_END_TAG_OPEN:
        case S_RCDATA_END_TAG_NAME:
        case S_RAWTEXT_LT:
        case S_RAWTEXT_END_TAG_OPEN:
        case S_RAWTEXT_END_TAG_NAME:
        case S_SCRIPT_LT:
        case S_SCRIPT_END_TAG_OPEN:
        case S_SCRIPT_END_TAG_NAME:
        case S_SCRIPT_ESCAPE_START:
        case S_SCRIPT_ESCAPE_START_DASH:
        case S_SCRIPT_ESCAPED:
        case S_SCRIPT_ESCAPED_DASH:
        case S_SCRIPT_ESCAPED_DASH_DASH:
        case S_SCRIPT_ESCAPED_LT:
        case S_SCRIPT_ESCAPED_END_TAG_OPEN:
        case S_SCRIPT_ESCAPED_END_TAG_NAME:
        case S_SCRIPT_DOUBLE_ESCAPE_START:
        case S_SCRIPT_DOUBLE_ESCAPED:
        case S_SCRIPT_DOUBLE_ESCAPED_DASH:
        case S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH:
        case S_SCRIPT_DOUBLE_ESCAPED_LT:
        case S_SCRIPT_DOUBLE_ESCAPE_END:
            wn_tok_text_eof(t);
            return;
        case S_MARKUP_DECLARATION_OPEN:
            comment_new(t);
            emit_comment(t);
            return;
        case S_BOGUS_COMMENT:
        case S_COMMENT_START:
        case S_COMMENT_START_DASH:
        case S_COMMENT:
        case S_COMMENT_LT:
        case S_COMMENT_LT_BANG:
        case S_COMMENT_LT_BANG_DASH:
        case S_COMMENT_LT_BANG_DASH_DASH:
        case S_COMMENT_END_DASH:
        case S_COMMENT_END:
        case S_COMMENT_END_BANG:
            emit_comment(t);
            return;
        case S_DOCTYPE:
        case S_BEFORE_DOCTYPE_NAME:
        case S_DOCTYPE_NAME:
        case S_AFTER_DOCTYPE_NAME:
        case S_AFTER_DOCTYPE_PUBLIC_KEYWORD:
        case S_BEFORE_DOCTYPE_PUBLIC_ID:
        case S_DOCTYPE_PUBLIC_ID_DQ:
        case S_DOCTYPE_PUBLIC_ID_SQ:
        case S_AFTER_DOCTYPE_PUBLIC_ID:
        case S_BETWEEN_DOCTYPE_IDS:
        case S_AFTER_DOCTYPE_SYSTEM_KEYWORD:
        case S_BEFORE_DOCTYPE_SYSTEM_ID:
        case S_DOCTYPE_SYSTEM_ID_DQ:
        case S_DOCTYPE_SYSTEM_ID_SQ:
        case S_AFTER_DOCTYPE_SYSTEM_ID:
        case S_BOGUS_DOCTYPE:
            wn_tok_doctype_eof(t);
            return;
        case S_CDATA_SECTION_BRACKET:
            wn_tok_chars_lit(t, "]", 1);
            return;
        case S_CDATA_SECTION_END:
            wn_tok_chars_lit(t, "]]", 2);
            return;
        case S_CHAR_REF:
        case S_NAMED_CHAR_REF:
        case S_AMBIGUOUS_AMPERSAND:
        case S_NUMERIC_CHAR_REF:
        case S_HEX_CHAR_REF_START:
        case S_DEC_CHAR_REF_START:
        case S_HEX_CHAR_REF:
        case S_DEC_CHAR_REF:
            wn_tok_charref_eof(t);   /* back in the return state: EOF again */
            continue;
        default:
            return;                  /* text states; tags in progress are dropped */
        }
    }
}

int wn_tokenizer_finish(wn_tokenizer *t)
{
    wn_token tok;

    if (t->stop || t->failed)
        return result(t);
    t->eof = true;
    if (t->pend_n) {
        size_t m = t->pend_n;
        memcpy(t->mix, t->pend, m);
        t->pend_n = 0;
        run(t, t->mix, t->mix + m);
    }
    if (!t->halt)
        eof_state(t);
    flush_chars(t);
    if (!t->halt) {
        tok_init(&tok, WN_TOK_EOF);
        call(t, &tok);
    }
    return result(t);
}

