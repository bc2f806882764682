/*
 * tokenizer_charref.c: character references (spec: #character-reference-state
 * through #numeric-character-reference-end-state), in text and in attribute
 * values. Named references use the longest match in entity_data.h.
 */
#include "html/tokenizer_impl.h"
#include "core/utf8.h"

static bool ret_is_attr(const wn_tokenizer *t)
{
    return t->ret_state == S_ATTR_VALUE_DQ || t->ret_state == S_ATTR_VALUE_SQ ||
           t->ret_state == S_ATTR_VALUE_UNQ;
}

static void ref_out_in(wn_tokenizer *t, const char *p, size_t n)
{
    if (ret_is_attr(t))
        wn_tok_attr_value_in(t, p, n);
    else
        wn_tok_chars_in(t, p, n);
}

static void ref_out_lit(wn_tokenizer *t, const char *p, size_t n)
{
    if (ret_is_attr(t))
        wn_tok_attr_value_lit(t, p, n);
    else
        wn_tok_chars_lit(t, p, n);
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
    ref_out_lit(t, buf, wn_utf8_encode(cp, buf));
    t->state = t->ret_state;
}

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

const char *wn_tok_charref_states(wn_tokenizer *t, const char *p, const char *end)
{
    switch (t->state) {
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

/* EOF inside a character reference: flush what was consumed (or the code
 * point read so far) and go back to the return state. */
void wn_tok_charref_eof(wn_tokenizer *t)
{
    switch (t->state) {
    case S_CHAR_REF:
    case S_NAMED_CHAR_REF:
        ref_out_lit(t, "&", 1);
        break;
    case S_NUMERIC_CHAR_REF:
    case S_HEX_CHAR_REF_START:
    case S_DEC_CHAR_REF_START:
        ref_out_lit(t, t->reftmp, t->reftmp_n);
        break;
    case S_HEX_CHAR_REF:
    case S_DEC_CHAR_REF:
        st_numeric_char_ref_end(t);
        break;
    default:
        break;
    }
    t->state = t->ret_state;
}
