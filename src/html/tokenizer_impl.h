/*
 * tokenizer_impl.h: private to tokenizer*.c. The state list, the tokenizer
 * struct, the span helpers every state needs (inline: they are on the hot path)
 * and the entry points of the state groups split out of tokenizer.c
 * (tokenizer_text.c, tokenizer_doctype.c, tokenizer_charref.c).
 */
#ifndef WN_HTML_TOKENIZER_IMPL_H
#define WN_HTML_TOKENIZER_IMPL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "html/tokenizer.h"

/* MARK: States and constants ---------------------------------------------------- */

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
#define CHARS_MAX   65536   /* largest CHARS token (bytes); see chars_split */
#define MIX_TAKE    64      /* new bytes joined to pending lookahead bytes per step */
#define PEND_MAX    (WN_ENTITY_MAX_NAME + 8)
#define HASH_FROM   8       /* duplicate-attribute check: linear below, hash table from here */

#define FFFD "\xEF\xBF\xBD"   /* U+FFFD REPLACEMENT CHARACTER in UTF-8 (3 bytes) */

#define UPPERS(v) ['A'] = v, ['B'] = v, ['C'] = v, ['D'] = v, ['E'] = v, ['F'] = v, ['G'] = v, \
    ['H'] = v, ['I'] = v, ['J'] = v, ['K'] = v, ['L'] = v, ['M'] = v, ['N'] = v, ['O'] = v,    \
    ['P'] = v, ['Q'] = v, ['R'] = v, ['S'] = v, ['T'] = v, ['U'] = v, ['V'] = v, ['W'] = v,    \
    ['X'] = v, ['Y'] = v, ['Z'] = v
#define SPACES(v) ['\t'] = v, ['\n'] = v, ['\f'] = v, [' '] = v

/* MARK: The tokenizer -------------------------------------------------------------- */

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
    size_t tok_bytes;        /* bytes appended to the current token's strings */

    int state, ret_state;    /* ret_state: the spec's return state for char refs */
    bool halt;               /* leave the run loop: stop, failure or need_more */
    bool need_more;          /* a lookahead could not be decided: keep the bytes */
    bool eof;                /* finish() runs: lookaheads decide with what is there */
    bool failed;
    bool foreign;
    bool cr_last;            /* the last byte fed was CR: drop a following LF */
    /* Input the caller keeps unchanged until the last token (wn_tokenizer_set_stable):
     * spans in it stay slices at a buffer's end instead of being copied. */
    const char *stable_lo, *stable_hi;
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

#define SPAN0 ((span){ NULL, 0, 0, false })

/* MARK: Cross-file helpers (tokenizer.c) ------------------------------------------- */

void wn_tok_fail(wn_tokenizer *t);
void wn_tok_span_in_slow(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n);
void wn_tok_span_lit(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n);
void wn_tok_chars_in(wn_tokenizer *t, const char *p, size_t n);
void wn_tok_chars_lit(wn_tokenizer *t, const char *p, size_t n);
void wn_tok_chars_from_mark(wn_tokenizer *t, const char *p, const char *lit, size_t litn, bool with_tmp);
void wn_tok_token_reset(wn_tokenizer *t, wn_tok_type type);
void wn_tok_emit_tag(wn_tokenizer *t);
void wn_tok_emit_doctype(wn_tokenizer *t);
void wn_tok_attr_value_in(wn_tokenizer *t, const char *p, size_t n);
void wn_tok_attr_value_lit(wn_tokenizer *t, const char *p, size_t n);

/* MARK: State groups: run one state of the group; the EOF branches of the group --- */

/* RCDATA/RAWTEXT/script data less-than, end tag and escape states (tokenizer_text.c). */
const char *wn_tok_text_states(wn_tokenizer *t, const char *p, const char *end);
void wn_tok_text_eof(wn_tokenizer *t);
/* DOCTYPE states (tokenizer_doctype.c). */
const char *wn_tok_doctype_states(wn_tokenizer *t, const char *p, const char *end);
void wn_tok_doctype_eof(wn_tokenizer *t);
/* Character reference states (tokenizer_charref.c); eof flushes and returns to
 * the return state. */
const char *wn_tok_charref_states(wn_tokenizer *t, const char *p, const char *end);
void wn_tok_charref_eof(wn_tokenizer *t);

/* MARK: Inline helpers ---------------------------------------------------------------- */

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

static inline const char *skip_space(const char *p, const char *end)
{
    while (p < end && is_space((unsigned char)*p))
        p++;
    return p;
}

/* 1: p starts with word; 0: it cannot; -1: the bytes so far agree but end early. */
static inline int lookahead(const char *p, const char *end, const char *word, size_t n, bool ci)
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

static inline const char *need_more(wn_tokenizer *t, const char *p)
{
    t->need_more = true;
    t->halt = true;
    return p;
}

/*
 * The limit counts the bytes a token's strings receive, copied or not: the
 * same count for any chunking, so whole and chunked input fail alike (what is
 * copied differs). Character data (buffer t->cb) is not a token.
 */
static inline void token_bytes(wn_tokenizer *t, const wn_buf *b, size_t n)
{
    if (b == &t->sb) {
        t->tok_bytes += n;
        if (t->limit && t->tok_bytes > t->limit)
            wn_tok_fail(t);
    }
}

/* Append input bytes: extends the slice when contiguous, copies otherwise. */
static inline void span_in(wn_tokenizer *t, span *s, wn_buf *b, const char *p, size_t n)
{
    token_bytes(t, b, n);
    if (!s->inbuf && (s->n == 0 || s->p + s->n == p)) {
        if (s->n == 0)
            s->p = p;
        s->n += n;
        return;
    }
    wn_tok_span_in_slow(t, s, b, p, n);
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

#endif
