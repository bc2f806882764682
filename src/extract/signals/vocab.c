/*
 * vocab.c: the class/id vocabulary: substring patterns of class and id
 * values and the VC_* categories they name, matched through a pair index.
 */
#include <pthread.h>
#include <string.h>

#include "extract/signals/lexicon_data.h"
#include "extract/signals/signals.h"

/* MARK: Class/id vocabulary ---------------------------------------------------- */

/* The patterns and their VC_* bits are the lexicon's class_vocab role
 * (data/lexicon/classnames.tsv). BOUNDED ones must stand between
 * non-alphanumeric characters ("share" but not "shared"); the flag never
 * leaves this file. */
#define VC_BOUNDED 0x8000u
static const unsigned vocab_bits[WN_LEX_CLASS_VOCAB_N + 1] = WN_LEX_CLASS_VOCAB_FLAGS;

#define NVOCAB ((size_t)WN_LEX_CLASS_VOCAB_N)

/* Patterns grouped by their first two bytes, built once: scanning a class
 * string then costs a bitmap test per byte, and only the patterns that start
 * with the two bytes there are compared. bg_start is a prefix sum over the
 * 128 x 128 ASCII pairs into bg_list. */
static uint8_t vocab_len[NVOCAB];
static uint8_t bigram[128 * 128 / 8];       /* first two bytes of some pattern */
static uint16_t bg_start[128 * 128 + 1];
static uint8_t bg_list[NVOCAB];
/* Whether some class_styling_token starts with the pattern ("scroll-mt-"
 * with "scroll"): only a hit of such a pattern looks at the tokens. */
static uint8_t vocab_styled[NVOCAB];
static pthread_once_t vocab_once = PTHREAD_ONCE_INIT;

static unsigned pattern_pair(size_t i)
{
    return (unsigned)wn_lex_class_vocab[i][0] * 128u + (unsigned)wn_lex_class_vocab[i][1];
}

static void vocab_build(void)
{
    _Static_assert(NVOCAB <= 256, "bg_list holds 8-bit indices");
    for (size_t i = 0; i < NVOCAB; i++) {
        unsigned bg = pattern_pair(i);
        vocab_len[i] = (uint8_t)strlen(wn_lex_class_vocab[i]);
        for (size_t k = 0; k < WN_LEX_CLASS_STYLING_TOKEN_N; k++)
            if (strncmp(wn_lex_class_styling_token[k], wn_lex_class_vocab[i], vocab_len[i]) == 0)
                vocab_styled[i] = 1;
        bigram[bg / 8] |= (uint8_t)(1u << (bg % 8));
        bg_start[bg + 1]++;
    }
    for (size_t k = 0; k < 128 * 128; k++)
        bg_start[k + 1] += bg_start[k];
    {
        static uint16_t fill[128 * 128];   /* static: 32 KiB, and built once */
        memcpy(fill, bg_start, sizeof fill);
        for (size_t i = 0; i < NVOCAB; i++)
            bg_list[fill[pattern_pair(i)]++] = (uint8_t)i;
    }
}

/* Self-check for tests: how many patterns fail to match their own text (a
 * pattern lost from the pair index would be silently disabled). */
unsigned wn_vocab_check(void)
{
    unsigned bad = 0;
    for (size_t i = 0; i < NVOCAB; i++) {
        unsigned want = vocab_bits[i] & ~VC_BOUNDED;
        if ((wn_vocab_match(wn_lex_class_vocab[i], strlen(wn_lex_class_vocab[i])) & want) != want)
            bad++;
    }
    return bad;
}

/* Does low[0..i) end with a utility-class prefix (class_styling), so that the
 * word at i styles the element ("overflow-hidden") rather than names it? */
static bool after_styling_prefix(const char *low, size_t i)
{
    for (size_t k = 0; k < WN_LEX_CLASS_STYLING_N; k++) {
        size_t m = wn_lex_class_styling_len[k];
        if (m <= i && memcmp(low + i - m, wn_lex_class_styling[k], m) == 0)
            return true;
    }
    return false;
}

/* Does low[i..n) start a utility class that begins with a vocab word
 * (class_styling_token: "scroll-mt-24" styles an anchor target)? */
static bool styling_token(const char *low, size_t i, size_t n)
{
    for (size_t k = 0; k < WN_LEX_CLASS_STYLING_TOKEN_N; k++) {
        size_t m = wn_lex_class_styling_token_len[k];
        if (m <= n - i && memcmp(low + i, wn_lex_class_styling_token[k], m) == 0)
            return true;
    }
    return false;
}

unsigned wn_vocab_match(const char *p, size_t n)
{
    char low[256];
    unsigned bits = 0;

    pthread_once(&vocab_once, vocab_build);
    /* Long class lists are utility-class soup; the first 255 bytes decide. */
    if (n > sizeof low - 1)
        n = sizeof low - 1;
    wn_ascii_lower_n(low, p, n);
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char f = (unsigned char)low[i], g = (unsigned char)low[i + 1];
        if (f >= 128 || g >= 128)
            continue;
        unsigned bg = f * 128u + g;
        if (!(bigram[bg / 8] & (1u << (bg % 8))))
            continue;
        for (unsigned k = bg_start[bg]; k < bg_start[bg + 1]; k++) {
            const char *v = wn_lex_class_vocab[bg_list[k]];
            unsigned vbits = vocab_bits[bg_list[k]];
            size_t m = vocab_len[bg_list[k]], q = 2;
            if (m > n - i)
                continue;
            while (q < m && low[i + q] == v[q])
                q++;
            if (q < m)
                continue;
            if ((vbits & VC_BOUNDED) &&
                ((i > 0 && wn_word_byte((unsigned char)low[i - 1])) ||
                 (i + m < n && wn_word_byte((unsigned char)low[i + m]))))
                continue;
            if (after_styling_prefix(low, i) || (vocab_styled[bg_list[k]] && styling_token(low, i, n)))
                continue;
            bits |= vbits & ~VC_BOUNDED;
        }
    }
    return bits;
}
