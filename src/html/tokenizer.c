/*
 * tokenizer.c: WHATWG HTML tokenization (spec: #tokenization), scripting flag off.
 * One function per spec state, named after it. A state reads [p, end), sets
 * t->state and returns where it stopped, so input may arrive in any chunk size.
 * Token strings are spans: slices of the current input while they stay unchanged
 * and contiguous, copied into scratch only when transformed or when the chunk
 * ends. CR/CRLF are normalized before the states run, so no state sees U+000D.
 */
#include "html/tokenizer.h"

#include <stdlib.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/* MARK: Private: states and tables ------------------------------------------ */

enum {
    S_DATA = WN_TOKST_DATA,
    S_RCDATA = WN_TOKST_RCDATA,
    S_RAWTEXT = WN_TOKST_RAWTEXT,
    S_SCRIPT_DATA = WN_TOKST_SCRIPT_DATA,
    S_PLAINTEXT = WN_TOKST_PLAINTEXT,
    S_CDATA_SECTION = WN_TOKST_CDATA_SECTION,
    S_TAG_OPEN,
    S_END_TAG_OPEN,
    S_TAG_NAME,
    S_RCDATA_LT,
    S_RCDATA_END_TAG_OPEN,
    S_RCDATA_END_TAG_NAME,
    S_RAWTEXT_LT,
    S_RAWTEXT_END_TAG_OPEN,
    S_RAWTEXT_END_TAG_NAME,
    S_SCRIPT_LT,
    S_SCRIPT_END_TAG_OPEN,
    S_SCRIPT_END_TAG_NAME,
    S_SCRIPT_ESCAPE_START,
    S_SCRIPT_ESCAPE_START_DASH,
    S_SCRIPT_ESCAPED,
    S_SCRIPT_ESCAPED_DASH,
    S_SCRIPT_ESCAPED_DASH_DASH,
    S_SCRIPT_ESCAPED_LT,
    S_SCRIPT_ESCAPED_END_TAG_OPEN,
    S_SCRIPT_ESCAPED_END_TAG_NAME,
    S_SCRIPT_DOUBLE_ESCAPE_START,
    S_SCRIPT_DOUBLE_ESCAPED,
    S_SCRIPT_DOUBLE_ESCAPED_DASH,
    S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH,
    S_SCRIPT_DOUBLE_ESCAPED_LT,
    S_SCRIPT_DOUBLE_ESCAPE_END,
    S_BEFORE_ATTR_NAME,
    S_ATTR_NAME,
    S_AFTER_ATTR_NAME,
    S_BEFORE_ATTR_VALUE,
    S_ATTR_VALUE_DQ,
    S_ATTR_VALUE_SQ,
    S_ATTR_VALUE_UNQ,
    S_AFTER_ATTR_VALUE_QUOTED,
    S_SELF_CLOSING_START_TAG,
    S_BOGUS_COMMENT,
    S_MARKUP_DECLARATION_OPEN,
    S_COMMENT_START,
    S_COMMENT_START_DASH,
    S_COMMENT,
    S_COMMENT_LT,
    S_COMMENT_LT_BANG,
    S_COMMENT_LT_BANG_DASH,
    S_COMMENT_LT_BANG_DASH_DASH,
    S_COMMENT_END_DASH,
    S_COMMENT_END,
    S_COMMENT_END_BANG,
    S_DOCTYPE,
    S_BEFORE_DOCTYPE_NAME,
    S_DOCTYPE_NAME,
    S_AFTER_DOCTYPE_NAME,
    S_AFTER_DOCTYPE_PUBLIC_KEYWORD,
    S_BEFORE_DOCTYPE_PUBLIC_ID,
    S_DOCTYPE_PUBLIC_ID_DQ,
    S_DOCTYPE_PUBLIC_ID_SQ,
    S_AFTER_DOCTYPE_PUBLIC_ID,
    S_BETWEEN_DOCTYPE_IDS,
    S_AFTER_DOCTYPE_SYSTEM_KEYWORD,
    S_BEFORE_DOCTYPE_SYSTEM_ID,
    S_DOCTYPE_SYSTEM_ID_DQ,
    S_DOCTYPE_SYSTEM_ID_SQ,
    S_AFTER_DOCTYPE_SYSTEM_ID,
    S_BOGUS_DOCTYPE,
    S_CDATA_SECTION_BRACKET,
    S_CDATA_SECTION_END,
    S_CHAR_REF,
    S_NAMED_CHAR_REF,
    S_AMBIGUOUS_AMPERSAND,
    S_NUMERIC_CHAR_REF,
    S_HEX_CHAR_REF_START,
    S_DEC_CHAR_REF_START,
    S_HEX_CHAR_REF,
    S_DEC_CHAR_REF
};

#define NORM_BLOCK  65536   /* CR normalization works in blocks: bounded extra memory */
#define CHARS_FLUSH 65536   /* copied character data is emitted once it grows past this */
#define MIX_TAKE    64      /* new bytes joined to pending lookahead bytes per step */
#define PEND_MAX    (WN_ENTITY_MAX_NAME + 8)
#define HASH_FROM   8       /* duplicate-attribute check: linear below, hash table from here */

static const char FFFD[3] = { (char)0xEF, (char)0xBF, (char)0xBD };  /* U+FFFD in UTF-8 */

#define UPPERS(v) ['A'] = v, ['B'] = v, ['C'] = v, ['D'] = v, ['E'] = v, ['F'] = v, ['G'] = v, \
    ['H'] = v, ['I'] = v, ['J'] = v, ['K'] = v, ['L'] = v, ['M'] = v, ['N'] = v, ['O'] = v,    \
    ['P'] = v, ['Q'] = v, ['R'] = v, ['S'] = v, ['T'] = v, ['U'] = v, ['V'] = v, ['W'] = v,    \
    ['X'] = v, ['Y'] = v, ['Z'] = v
#define SPACES(v) ['\t'] = v, ['\n'] = v, ['\f'] = v, [' '] = v

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
static const unsigned char stop_doctype_name[256] = { SPACES(1), ['>'] = 1, [0] = 1, UPPERS(1) };
static const unsigned char stop_id_dq[256] = { ['"'] = 1, ['>'] = 1, [0] = 1 };
static const unsigned char stop_id_sq[256] = { ['\''] = 1, ['>'] = 1, [0] = 1 };
static const unsigned char stop_script_escaped[256] = { ['-'] = 1, ['<'] = 1, [0] = 1 };
static const unsigned char stop_cdata[256] = { [']'] = 1 };

/* MARK: Private: the tokenizer ----------------------------------------------- */

/* A string under construction: a slice of the current input (inbuf false) or
 * bytes at offset `off` of a scratch buffer (inbuf true). */
typedef struct span {
    const char *p;
    size_t off, n;
    bool inbuf;
} span;

typedef struct attr_span {
    span name, value;
    uint32_t hash;
} attr_span;

struct wn_tokenizer {
    wn_token_fn emit;
    void *ctx;
    uint32_t max_attrs;
    size_t limit;

    int state, ret_state;    /* ret_state: the spec's return state for char refs */
    bool halt;               /* leave the run loop: stop, failure or need_more */
    bool need_more;          /* a lookahead could not be decided: keep the bytes */
    bool eof;                /* finish() runs: lookaheads decide with what is there */
    bool failed;
    bool foreign;
    bool cr_last;            /* the last byte fed was CR: drop a following LF */
    int stop;                /* the callback's non-zero return, sticky */
    size_t errors;

    /* the token under construction */
    wn_tok_type ttype;
    bool self_closing, force_quirks, has_name, has_pub, has_sys;
    span name, data, pub, sys;
    attr_span *attrs;
    uint32_t nattrs, attrs_cap, detached;
    int64_t cur;             /* index of the attribute being built, -1 when dropped */
    uint32_t *ht;            /* open addressing, attribute index + 1; 0 = empty */
    uint32_t ht_size, ht_cap;
    wn_attr *out;
    uint32_t out_cap;
    wn_buf sb;               /* scratch for the token's copied strings */

    span chars;              /* pending character data */
    wn_buf cb;               /* scratch for copied character data */

    const char *mark;        /* '<', first '-' or ']' of a pending sequence in this buffer */
    const char *amp;         /* '&' of the current char ref, in this buffer */
    char reftmp[3];
    uint8_t reftmp_n;
    uint32_t code;           /* numeric character reference code, capped at 0x110000 */

    wn_buf last_start;       /* name of the last start tag emitted: "appropriate end tag" */
    wn_buf tmp;              /* the spec's temporary buffer (bounded, see end_tag_name) */

    char pend[PEND_MAX];     /* undecided lookahead bytes kept between feeds */
    size_t pend_n;
    char mix[PEND_MAX + MIX_TAKE];
    char *norm;              /* NORM_BLOCK bytes, allocated at the first CR */
};

static const span SPAN0 = { NULL, 0, 0, false };

/* MARK: Private: spans -------------------------------------------------------- */

static void fail(wn_tokenizer *t)
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
        fail(t);
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
            fail(t);
            return;
        }
        memcpy(b->p + off, b->p + s->off, s->n);
        b->n += s->n;
        s->off = off;
    }
    if (wn_buf_put(b, p, n) != 0) {
        fail(t);
        return;
    }
    s->n += n;
}

static void span_in_slow(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n)
{
    if (!s->inbuf) {
        span_tobuf(t, s, b);
        if (t->failed)
            return;
    }
    span_put(t, s, b, p, n);
}

/* Append input bytes: extends the slice when contiguous, copies otherwise. */
static inline void span_in(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n)
{
    if (!s->inbuf && (s->n == 0 || s->p + s->n == p)) {
        if (s->n == 0)
            s->p = p;
        s->n += n;
        /* A token string obeys the limit even when it is never copied, so
         * whole and chunked input fail alike. Text runs are not tokens. */
        if (t->limit && s->n > t->limit && b == &t->sb)
            fail(t);
        return;
    }
    span_in_slow(t, s, b, p, n);
}

/* Append transformed bytes (lowercased, decoded, U+FFFD...): always copied. */
static void span_lit(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n)
{
    if (!s->inbuf) {
        span_tobuf(t, s, b);
        if (t->failed)
            return;
    }
    span_put(t, s, b, p, n);
}

/* A slice of this chunk must not outlive it: copy it into its buffer. */
static void span_detach(wn_tokenizer *t, span *s, wn_buf *b)
{
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

/* Bytes at the end of p[0..n) that start a UTF-8 sequence not complete yet. */
static size_t utf8_tail(const char *p, size_t n)
{
    for (size_t k = 1; k <= 4 && k <= n; k++) {
        unsigned char c = (unsigned char)p[n - k];
        if ((c & 0xC0) == 0x80)
            continue;                      /* continuation byte: look further back */
        size_t need = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        return need > k ? k : 0;
    }
    return 0;
}

/* Emit pending characters now, except an incomplete UTF-8 sequence at the end:
 * every CHARS token is valid UTF-8 whatever the chunk boundaries. */
static void flush_chars_partial(wn_tokenizer *t)
{
    span *s = &t->chars;
    char tail[4];

    if (s->n == 0)
        return;
    const char *base = s->inbuf ? t->cb.p + s->off : s->p;
    size_t keep = utf8_tail(base, s->n);
    if (keep == s->n) {
        span_detach(t, s, &t->cb);
        return;
    }
    memcpy(tail, base + s->n - keep, keep);
    s->n -= keep;
    flush_chars(t);
    if (keep)
        span_lit(t, &t->chars, &t->cb, tail, keep);
}

static void chars_in(wn_tokenizer *t, const char *p, size_t n)
{
    span_in(t, &t->chars, &t->cb, p, n);
    if (t->chars.inbuf && t->cb.n > CHARS_FLUSH)
        flush_chars_partial(t);
}

static void chars_lit(wn_tokenizer *t, const char *p, size_t n)
{
    span_lit(t, &t->chars, &t->cb, p, n);
    if (t->cb.n > CHARS_FLUSH)
        flush_chars_partial(t);
}

/* Emit bytes of this buffer from t->mark to p when the mark is here; else `lit`
 * followed by the temporary buffer (used for "<", "</" + name, "]]"...). */
static void chars_from_mark(wn_tokenizer *t, const char *p, const char *lit, size_t litn, bool with_tmp)
{
    if (t->mark) {
        chars_in(t, t->mark, (size_t)(p - t->mark));
        return;
    }
    chars_lit(t, lit, litn);
    if (with_tmp && t->tmp.n)
        chars_lit(t, t->tmp.p, t->tmp.n);
}

static void token_reset(wn_tokenizer *t, wn_tok_type type)
{
    t->ttype = type;
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

static void emit_tag(wn_tokenizer *t)
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
                fail(t);
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
                fail(t);
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

static void emit_doctype(wn_tokenizer *t)
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
        fail(t);
        return;
    }
    if (t->nattrs == t->attrs_cap) {
        uint32_t cap = t->attrs_cap ? t->attrs_cap * 2 : 16;
        if (cap < t->attrs_cap) {
            fail(t);
            return;
        }
        attr_span *a = realloc(t->attrs, cap * sizeof *a);
        if (a == NULL) {
            fail(t);
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
            fail(t);
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
        span_lit(t, &t->attrs[t->cur].name, &t->sb, p, n);
}

static void attr_value_in(wn_tokenizer *t, const char *p, size_t n)
{
    if (t->cur >= 0)
        span_in(t, &t->attrs[t->cur].value, &t->sb, p, n);
}

static void attr_value_lit(wn_tokenizer *t, const char *p, size_t n)
{
    if (t->cur >= 0)
        span_lit(t, &t->attrs[t->cur].value, &t->sb, p, n);
}

/* MARK: Private: character reference output ------------------------------------ */

static bool ret_is_attr(const wn_tokenizer *t)
{
    return t->ret_state == S_ATTR_VALUE_DQ || t->ret_state == S_ATTR_VALUE_SQ ||
           t->ret_state == S_ATTR_VALUE_UNQ;
}

static void ref_out_in(wn_tokenizer *t, const char *p, size_t n)
{
    if (ret_is_attr(t))
        attr_value_in(t, p, n);
    else
        chars_in(t, p, n);
}

static void ref_out_lit(wn_tokenizer *t, const char *p, size_t n)
{
    if (ret_is_attr(t))
        attr_value_lit(t, p, n);
    else
        chars_lit(t, p, n);
}

/* spec: #flush-code-points-consumed-as-a-character-reference, for the n bytes
 * starting at the '&' (kept as a slice of the input when it is still here). */
static void ref_flush_consumed(wn_tokenizer *t, const char *lit, size_t n)
{
    if (t->amp)
        ref_out_in(t, t->amp, n);
    else
        ref_out_lit(t, lit, n);
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xE0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        out[2] = (char)(0x80 | (cp & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* spec: #numeric-character-reference-end-state (consumes nothing). */
static void st_numeric_char_ref_end(wn_tokenizer *t)
{
    /* Windows-1252 meanings of 0x80..0x9F, 0 where the code point stays. */
    static const uint16_t c1[32] = {
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
    };
    uint32_t cp = t->code;
    char buf[4];

    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        t->errors++;                 /* null, out of range, surrogate */
        cp = 0xFFFD;
    } else if ((cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE) {
        t->errors++;                 /* noncharacter: kept */
    } else if (cp >= 0x80 && cp <= 0x9F) {
        t->errors++;
        if (c1[cp - 0x80])
            cp = c1[cp - 0x80];
    } else if (cp == 0x0D || (cp < 0x20 && cp != 0x09 && cp != 0x0A && cp != 0x0C) || cp == 0x7F) {
        t->errors++;                 /* control: kept */
    }
    ref_out_lit(t, buf, utf8_encode(cp, buf));
    t->state = t->ret_state;
}

/* MARK: Private: helpers for the states ---------------------------------------- */

static inline bool is_alpha(unsigned c)
{
    return (unsigned)((c | 0x20) - 'a') < 26u;
}

static inline bool is_digit(unsigned c)
{
    return c - '0' < 10u;
}

static inline bool is_alnum(unsigned c)
{
    return is_alpha(c) || is_digit(c);
}

static inline bool is_space(unsigned c)
{
    return c == '\t' || c == '\n' || c == '\f' || c == ' ';
}

/* Table scan for short runs (names) and for the tail of the vector scans. */
static inline const char *scan(const char *p, const char *end, const unsigned char *stop)
{
    while (end - p >= 4) {
        if (stop[(unsigned char)p[0]])
            return p;
        if (stop[(unsigned char)p[1]])
            return p + 1;
        if (stop[(unsigned char)p[2]])
            return p + 2;
        if (stop[(unsigned char)p[3]])
            return p + 3;
        p += 4;
    }
    while (p < end && !stop[(unsigned char)*p])
        p++;
    return p;
}

/*
 * Long runs (text, script, style, attribute values, comments): 16 bytes at a
 * time for any of three bytes, then the table for the tail. Text is most of a
 * page's bytes, so this loop sets the tokenizer's speed. Pass a == b == c for
 * fewer than three stop bytes.
 */
#if defined(__SSE2__)
static inline const char *scan3(const char *p, const char *end, char a, char b, char c,
                                const unsigned char *stop)
{
    const __m128i va = _mm_set1_epi8(a), vb = _mm_set1_epi8(b), vc = _mm_set1_epi8(c);
    while (end - p >= 16) {
        __m128i x = _mm_loadu_si128((const __m128i *)(const void *)p);
        __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, va), _mm_cmpeq_epi8(x, vb)),
                                 _mm_cmpeq_epi8(x, vc));
        unsigned bits = (unsigned)_mm_movemask_epi8(m);
        if (bits)
            return p + __builtin_ctz(bits);
        p += 16;
    }
    return scan(p, end, stop);
}
#else
static inline const char *scan3(const char *p, const char *end, char a, char b, char c,
                                const unsigned char *stop)
{
    (void)a;
    (void)b;
    (void)c;
    return scan(p, end, stop);
}
#endif

static inline const char *skip_space(const char *p, const char *end)
{
    while (p < end && is_space((unsigned char)*p))
        p++;
    return p;
}

/* 1: p starts with word; 0: it cannot; -1: the bytes so far agree but end early. */
static int lookahead(const char *p, const char *end, const char *word, size_t n, bool ci)
{
    size_t avail = (size_t)(end - p);
    size_t m = avail < n ? avail : n;
    for (size_t i = 0; i < m; i++) {
        char c = ci ? wn_ascii_lower(p[i]) : p[i];
        if (c != word[i])
            return 0;
    }
    return m == n ? 1 : -1;
}

static const char *need_more(wn_tokenizer *t, const char *p)
{
    t->need_more = true;
    t->halt = true;
    return p;
}

static void comment_new(wn_tokenizer *t)
{
    token_reset(t, WN_TOK_COMMENT);
}

static void doctype_new(wn_tokenizer *t)
{
    token_reset(t, WN_TOK_DOCTYPE);
}

static void tmp_put(wn_tokenizer *t, char c)
{
    if (wn_buf_putc(&t->tmp, c) != 0)
        fail(t);
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

/* MARK: Private: states: data and text ------------------------------------------ */

/* spec: #data-state */
static const char *st_data(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    for (;;) {
        p = scan3(p, end, '<', '&', '\0', stop_data);
        if (p < end && *p == '\0') {
            t->errors++;             /* U+0000 NULL: emitted as it is */
            p++;
            continue;
        }
        break;
    }
    if (p > s)
        chars_in(t, s, (size_t)(p - s));
    if (p == end)
        return p;
    if (*p == '<') {                 /* U+003C LESS-THAN SIGN */
        t->mark = p;
        t->state = S_TAG_OPEN;
    } else {                         /* U+0026 AMPERSAND */
        t->amp = p;
        t->ret_state = S_DATA;
        t->state = S_CHAR_REF;
    }
    return p + 1;
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
            chars_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        if (c == '\0') {             /* U+0000 NULL */
            t->errors++;
            chars_lit(t, FFFD, 3);
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
        token_reset(t, WN_TOK_START_TAG);
        t->state = S_TAG_NAME;
        return p;
    }
    t->errors++;
    if (c == '?') {                  /* U+003F QUESTION MARK */
        comment_new(t);
        t->state = S_BOGUS_COMMENT;
        return p;
    }
    chars_from_mark(t, p, "<", 1, false);
    t->state = S_DATA;
    return p;
}

/* spec: #end-tag-open-state */
static const char *st_end_tag_open(wn_tokenizer *t, const char *p, const char *end)
{
    unsigned char c = (unsigned char)*p;
    (void)end;
    if (is_alpha(c)) {
        token_reset(t, WN_TOK_END_TAG);
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
            emit_tag(t);
            return p;
        case '\0':
            t->errors++;
            span_lit(t, &t->name, &t->sb, FFFD, 3);
            break;
        default: {                   /* ASCII upper alpha */
            char l = (char)(c + 0x20);
            span_lit(t, &t->name, &t->sb, &l, 1);
            break;
        }
        }
    }
}

/* "</" seen in RCDATA, RAWTEXT or escaped script data. */
static const char *end_tag_open(wn_tokenizer *t, const char *p, int name_state, int text)
{
    if (is_alpha((unsigned char)*p)) {
        wn_buf_clear(&t->tmp);
        t->state = name_state;
        return p;
    }
    chars_from_mark(t, p, "</", 2, false);
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
            token_reset(t, WN_TOK_END_TAG);
            span_lit(t, &t->name, &t->sb, t->last_start.p, t->last_start.n);
            if (c == '>') {
                t->state = S_DATA;
                emit_tag(t);
            } else {
                t->state = c == '/' ? S_SELF_CLOSING_START_TAG : S_BEFORE_ATTR_NAME;
            }
            return p + 1;
        }
        break;
    }
    if (p == end)
        return p;
    chars_from_mark(t, p, "</", 2, true);
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
    chars_from_mark(t, p, "<", 1, false);
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
    chars_from_mark(t, p, "<", 1, false);
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

/* MARK: Private: states: script data -------------------------------------------- */

/* spec: #script-data-less-than-sign-state */
static const char *st_script_lt(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == '/') {
        t->state = S_SCRIPT_END_TAG_OPEN;
        return p + 1;
    }
    if (*p == '!') {                 /* "<!" is emitted, then maybe "<!--" */
        chars_from_mark(t, p + 1, "<!", 2, false);
        t->state = S_SCRIPT_ESCAPE_START;
        return p + 1;
    }
    chars_from_mark(t, p, "<", 1, false);
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
        chars_in(t, p, 1);
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
        chars_in(t, p, 1);
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
            chars_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        if (c == '-') {
            chars_in(t, p - 1, 1);
            t->state = S_SCRIPT_ESCAPED_DASH;
            return p;
        }
        if (c == '<') {
            t->mark = p - 1;
            t->state = S_SCRIPT_ESCAPED_LT;
            return p;
        }
        t->errors++;                 /* U+0000 NULL */
        chars_lit(t, FFFD, 3);
    }
}

/* spec: #script-data-escaped-dash-state and #script-data-escaped-dash-dash-state */
static const char *escaped_dash(wn_tokenizer *t, const char *p, bool dash_dash)
{
    unsigned char c = (unsigned char)*p;
    switch (c) {
    case '-':
        chars_in(t, p, 1);
        t->state = S_SCRIPT_ESCAPED_DASH_DASH;
        break;
    case '<':
        t->mark = p;
        t->state = S_SCRIPT_ESCAPED_LT;
        break;
    case '\0':
        t->errors++;
        chars_lit(t, FFFD, 3);
        t->state = S_SCRIPT_ESCAPED;
        break;
    case '>':
        chars_in(t, p, 1);
        t->state = dash_dash ? S_SCRIPT_DATA : S_SCRIPT_ESCAPED;
        break;
    default:
        chars_in(t, p, 1);
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
    chars_from_mark(t, p, "<", 1, false);
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
        chars_in(t, p, 1);
        return p + 1;
    }
    if (is_alpha(c)) {
        if (t->tmp.n < 7)
            tmp_put(t, wn_ascii_lower((char)c));
        chars_in(t, p, 1);
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
            chars_in(t, s, (size_t)(p - s));
        if (p == end)
            return p;
        unsigned char c = (unsigned char)*p++;
        s = p;
        if (c == '-') {
            chars_in(t, p - 1, 1);
            t->state = S_SCRIPT_DOUBLE_ESCAPED_DASH;
            return p;
        }
        if (c == '<') {
            chars_in(t, p - 1, 1);
            t->state = S_SCRIPT_DOUBLE_ESCAPED_LT;
            return p;
        }
        t->errors++;                 /* U+0000 NULL */
        chars_lit(t, FFFD, 3);
    }
}

static const char *double_escaped_dash(wn_tokenizer *t, const char *p, bool dash_dash)
{
    unsigned char c = (unsigned char)*p;
    switch (c) {
    case '-':
        chars_in(t, p, 1);
        t->state = S_SCRIPT_DOUBLE_ESCAPED_DASH_DASH;
        break;
    case '<':
        chars_in(t, p, 1);
        t->state = S_SCRIPT_DOUBLE_ESCAPED_LT;
        break;
    case '\0':
        t->errors++;
        chars_lit(t, FFFD, 3);
        t->state = S_SCRIPT_DOUBLE_ESCAPED;
        break;
    case '>':
        chars_in(t, p, 1);
        t->state = dash_dash ? S_SCRIPT_DATA : S_SCRIPT_DOUBLE_ESCAPED;
        break;
    default:
        chars_in(t, p, 1);
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
        chars_in(t, p, 1);
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
        emit_tag(t);
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
        emit_tag(t);
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
            attr_value_in(t, s, (size_t)(p - s));
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
        attr_value_lit(t, FFFD, 3);
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
            attr_value_in(t, s, (size_t)(p - s));
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
            emit_tag(t);
            return p;
        default:                     /* U+0000 NULL */
            t->errors++;
            attr_value_lit(t, FFFD, 3);
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
        emit_tag(t);
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
        emit_tag(t);
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
        span_lit(t, &t->data, &t->sb, lit, n);
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
        span_lit(t, &t->data, &t->sb, FFFD, 3);
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
        span_lit(t, &t->data, &t->sb, FFFD, 3);
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
    emit_doctype(t);
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
            span_lit(t, &t->name, &t->sb, FFFD, 3);
        } else {
            char l = (char)(c + 0x20);
            span_lit(t, &t->name, &t->sb, &l, 1);
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
        span_lit(t, id, &t->sb, FFFD, 3);
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
    emit_doctype(t);
    return gt + 1;
}

/* MARK: Private: states: CDATA --------------------------------------------------- */

/* spec: #cdata-section-state */
static const char *st_cdata_section(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    p = scan3(p, end, ']', ']', ']', stop_cdata);
    if (p > s)
        chars_in(t, s, (size_t)(p - s));
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
    chars_from_mark(t, p, "]", 1, false);
    t->state = S_CDATA_SECTION;
    return p;
}

/* spec: #cdata-section-end-state */
static const char *st_cdata_section_end(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (*p == ']') {                 /* "]]]": the first bracket is data */
        if (t->mark) {
            chars_in(t, t->mark, 1);
            t->mark++;
        } else {
            chars_lit(t, "]", 1);
        }
        return p + 1;
    }
    if (*p == '>') {
        t->state = S_DATA;
        return p + 1;
    }
    chars_from_mark(t, p, "]]", 2, false);
    t->state = S_CDATA_SECTION;
    return p;
}

/* MARK: Private: states: character references ------------------------------------ */

/* spec: #character-reference-state */
static const char *st_char_ref(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    unsigned char c = (unsigned char)*p;
    if (is_alnum(c)) {
        t->state = S_NAMED_CHAR_REF;
        return p;
    }
    if (c == '#') {
        t->reftmp[0] = '&';
        t->reftmp[1] = '#';
        t->reftmp_n = 2;
        t->state = S_NUMERIC_CHAR_REF;
        return p + 1;
    }
    ref_flush_consumed(t, "&", 1);
    t->state = t->ret_state;
    return p;
}

/*
 * spec: #named-character-reference-state. The longest name in the table that
 * prefixes the input wins. Names with ";" end at the first ";", so one probe
 * covers them; only legacy names (at most WN_ENTITY_LEGACY_MAX long) can match
 * without it. Undecided (input ends inside the run of letters): wait for more.
 */
static const char *st_named_char_ref(wn_tokenizer *t, const char *p, const char *end)
{
    size_t avail = (size_t)(end - p), a = 0, mlen = 0, tlen = 0;
    const char *text = NULL;

    while (a < avail && a < WN_ENTITY_MAX_NAME && is_alnum((unsigned char)p[a]))
        a++;
    if (a == avail && a < WN_ENTITY_MAX_NAME && !t->eof)
        return need_more(t, p);
    if (a < avail && p[a] == ';') {
        text = wn_entity_lookup(p, a + 1, &tlen);
        if (text)
            mlen = a + 1;
    }
    for (size_t len = a < WN_ENTITY_LEGACY_MAX ? a : WN_ENTITY_LEGACY_MAX; !text && len > 0; len--) {
        text = wn_entity_lookup(p, len, &tlen);
        if (text)
            mlen = len;
    }
    if (text == NULL) {
        ref_flush_consumed(t, "&", 1);
        t->state = S_AMBIGUOUS_AMPERSAND;
        return p;
    }
    if (p[mlen - 1] != ';') {
        /* Legacy name without ";": inside an attribute, "&amp=" and "&ampx"
         * stay text (historical URL query strings). */
        unsigned char next = mlen < avail ? (unsigned char)p[mlen] : 0;
        if (ret_is_attr(t) && mlen < avail && (next == '=' || is_alnum(next))) {
            if (t->amp && t->amp + 1 == p) {
                ref_out_in(t, t->amp, mlen + 1);
            } else {
                ref_out_lit(t, "&", 1);
                ref_out_in(t, p, mlen);
            }
            t->state = t->ret_state;
            return p + mlen;
        }
        t->errors++;                 /* missing-semicolon-after-character-reference */
    }
    ref_out_lit(t, text, tlen);
    t->state = t->ret_state;
    return p + mlen;
}

/* spec: #ambiguous-ampersand-state */
static const char *st_ambiguous_ampersand(wn_tokenizer *t, const char *p, const char *end)
{
    const char *s = p;
    while (p < end && is_alnum((unsigned char)*p))
        p++;
    if (p > s)
        ref_out_in(t, s, (size_t)(p - s));
    if (p == end)
        return p;
    if (*p == ';')
        t->errors++;                 /* unknown-named-character-reference */
    t->state = t->ret_state;
    return p;
}

/* spec: #numeric-character-reference-state */
static const char *st_numeric_char_ref(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    t->code = 0;
    if (*p == 'x' || *p == 'X') {
        t->reftmp[2] = *p;
        t->reftmp_n = 3;
        t->state = S_HEX_CHAR_REF_START;
        return p + 1;
    }
    t->state = S_DEC_CHAR_REF_START;
    return p;
}

static int hex_value(unsigned c)
{
    if (is_digit(c))
        return (int)(c - '0');
    c |= 0x20;
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    return -1;
}

/* spec: #hexadecimal-character-reference-start-state */
static const char *st_hex_char_ref_start(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (hex_value((unsigned char)*p) >= 0) {
        t->state = S_HEX_CHAR_REF;
        return p;
    }
    t->errors++;                     /* absence-of-digits-in-numeric-character-reference */
    ref_flush_consumed(t, t->reftmp, t->reftmp_n);
    t->state = t->ret_state;
    return p;
}

/* spec: #decimal-character-reference-start-state */
static const char *st_dec_char_ref_start(wn_tokenizer *t, const char *p, const char *end)
{
    (void)end;
    if (is_digit((unsigned char)*p)) {
        t->state = S_DEC_CHAR_REF;
        return p;
    }
    t->errors++;
    ref_flush_consumed(t, t->reftmp, t->reftmp_n);
    t->state = t->ret_state;
    return p;
}

/* Digits of a numeric reference; the code saturates above U+10FFFF so that
 * "&#99999999999999;" cannot overflow. */
static const char *char_ref_digits(wn_tokenizer *t, const char *p, const char *end, unsigned base)
{
    while (p < end) {
        int v = base == 16 ? hex_value((unsigned char)*p) : is_digit((unsigned char)*p) ? *p - '0' : -1;
        if (v < 0)
            break;
        t->code = t->code * base + (uint32_t)v;
        if (t->code > 0x10FFFF)
            t->code = 0x110000;
        p++;
    }
    if (p == end)
        return p;
    if (*p == ';')
        p++;
    else
        t->errors++;                 /* missing-semicolon-after-character-reference */
    st_numeric_char_ref_end(t);
    return p;
}

/* spec: #hexadecimal-character-reference-state */
static const char *st_hex_char_ref(wn_tokenizer *t, const char *p, const char *end)
{
    return char_ref_digits(t, p, end, 16);
}

/* spec: #decimal-character-reference-state */
static const char *st_dec_char_ref(wn_tokenizer *t, const char *p, const char *end)
{
    return char_ref_digits(t, p, end, 10);
}

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
    case S_CDATA_SECTION_BRACKET: return st_cdata_section_bracket(t, p, end);
    case S_CDATA_SECTION_END: return st_cdata_section_end(t, p, end);
    case S_CHAR_REF: return st_char_ref(t, p, end);
    case S_NAMED_CHAR_REF: return st_named_char_ref(t, p, end);
    case S_AMBIGUOUS_AMPERSAND: return st_ambiguous_ampersand(t, p, end);
    case S_NUMERIC_CHAR_REF: return st_numeric_char_ref(t, p, end);
    case S_HEX_CHAR_REF_START: return st_hex_char_ref_start(t, p, end);
    case S_DEC_CHAR_REF_START: return st_dec_char_ref_start(t, p, end);
    case S_HEX_CHAR_REF: return st_hex_char_ref(t, p, end);
    case S_DEC_CHAR_REF: return st_dec_char_ref(t, p, end);
    default: return end;
    }
}

/* End of a buffer: nothing may keep pointing into it. */
static void detach(wn_tokenizer *t)
{
    t->mark = NULL;
    t->amp = NULL;
    flush_chars_partial(t);
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
    wn_buf_init(&t->sb, limit);
    wn_buf_init(&t->cb, 0);          /* bounded by CHARS_FLUSH */
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
            fail(t);
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
    if (t->norm == NULL && (t->norm = malloc(NORM_BLOCK)) == NULL) {
        fail(t);
        return result(t);
    }
    while (n && !t->halt) {
        size_t k = n < NORM_BLOCK ? n : NORM_BLOCK, m = 0;
        for (size_t i = 0; i < k; i++) {
            char c = p[i];
            if (c == '\r') {
                t->norm[m++] = '\n';
                t->cr_last = true;
            } else if (c == '\n' && t->cr_last) {
                t->cr_last = false;
            } else {
                t->norm[m++] = c;
                t->cr_last = false;
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
        case S_RCDATA_LT:
        case S_RAWTEXT_LT:
        case S_SCRIPT_LT:
        case S_SCRIPT_ESCAPED_LT:
            chars_lit(t, "<", 1);
            return;
        case S_END_TAG_OPEN:
        case S_RCDATA_END_TAG_OPEN:
        case S_RAWTEXT_END_TAG_OPEN:
        case S_SCRIPT_END_TAG_OPEN:
        case S_SCRIPT_ESCAPED_END_TAG_OPEN:
            chars_lit(t, "</", 2);
            return;
        case S_RCDATA_END_TAG_NAME:
        case S_RAWTEXT_END_TAG_NAME:
        case S_SCRIPT_END_TAG_NAME:
        case S_SCRIPT_ESCAPED_END_TAG_NAME:
            chars_lit(t, "</", 2);
            if (t->tmp.n)
                chars_lit(t, t->tmp.p, t->tmp.n);
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
            doctype_new(t);
            t->force_quirks = true;
            emit_doctype(t);
            return;
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
            t->force_quirks = true;
            emit_doctype(t);
            return;
        case S_BOGUS_DOCTYPE:
            emit_doctype(t);
            return;
        case S_CDATA_SECTION_BRACKET:
            chars_lit(t, "]", 1);
            return;
        case S_CDATA_SECTION_END:
            chars_lit(t, "]]", 2);
            return;
        case S_CHAR_REF:
        case S_NAMED_CHAR_REF:
            ref_out_lit(t, "&", 1);
            t->state = t->ret_state;
            continue;
        case S_NUMERIC_CHAR_REF:
        case S_HEX_CHAR_REF_START:
        case S_DEC_CHAR_REF_START:
            ref_out_lit(t, t->reftmp, t->reftmp_n);
            t->state = t->ret_state;
            continue;
        case S_HEX_CHAR_REF:
        case S_DEC_CHAR_REF:
            st_numeric_char_ref_end(t);
            continue;
        case S_AMBIGUOUS_AMPERSAND:
            t->state = t->ret_state;
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
