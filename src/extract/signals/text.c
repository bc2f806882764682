/*
 * text.c: text measures: characters (white space runs counted once),
 * words, commas, in any script; CJK counted by characters.
 */
#include <string.h>

#include "extract/signals/signals.h"

/* MARK: Signs ------------------------------------------------------------------ */

bool wn_cp_is_sign(uint32_t cp)
{
    return (cp >= 0x00A0 && cp <= 0x00BF) || (cp >= 0x2000 && cp <= 0x2BFF) ||
           (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xE000 && cp <= 0xF8FF) ||
           (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || (cp >= 0x1F000 && cp <= 0x1FAFF);
}

/* MARK: Text measures ---------------------------------------------------------- */

/* Decode one UTF-8 sequence leniently (the parser already produced valid UTF-8). */
static uint32_t utf8_next(const unsigned char *p, size_t n, size_t *len)
{
    unsigned c = p[0];
    if (c < 0x80 || n < 2) {
        *len = 1;
        return c;
    }
    if (c < 0xE0) {
        *len = 2;
        return ((c & 0x1Fu) << 6) | (p[1] & 0x3Fu);
    }
    if (c < 0xF0 || n < 4) {
        if (n < 3) {
            *len = n;
            return 0xFFFD;
        }
        *len = 3;
        return ((c & 0x0Fu) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
    }
    *len = 4;
    return ((c & 0x07u) << 18) | ((p[1] & 0x3Fu) << 12) | ((p[2] & 0x3Fu) << 6) | (p[3] & 0x3Fu);
}

static bool is_cjk(uint32_t cp)
{
    return (cp >= 0x3040 && cp <= 0x30FF) || (cp >= 0x3400 && cp <= 0x9FFF) ||
           (cp >= 0xAC00 && cp <= 0xD7AF) || (cp >= 0xF900 && cp <= 0xFAFF);
}

static bool is_word_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    /* Latin-1 letters and everything past the general punctuation block count as
     * letters; the quotes, dashes and spaces of U+2000-U+206F do not. */
    if (cp < 0xC0)
        return false;
    if (cp >= 0x2000 && cp <= 0x206F)
        return false;
    if (cp >= 0x3000 && cp <= 0x303F)
        return false;
    if (cp >= 0xFF00 && cp <= 0xFF20)
        return false;
    return true;
}

/* What an ASCII byte is to the text measures: most page text is ASCII, and
 * one table look-up replaces a chain of range tests on that path. */
enum { AK_OTHER, AK_SPACE, AK_WORD, AK_COMMA };
#define AK_ROW_DIGITS AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, \
                      AK_WORD, AK_WORD
#define AK_ROW_LETTERS AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, \
                       AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, \
                       AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, AK_WORD, \
                       AK_WORD, AK_WORD
static const unsigned char ascii_kind[128] = {
    ['\t'] = AK_SPACE, ['\n'] = AK_SPACE, ['\f'] = AK_SPACE, ['\r'] = AK_SPACE,
    [' '] = AK_SPACE, [','] = AK_COMMA,
    ['0'] = AK_ROW_DIGITS,
    ['A'] = AK_ROW_LETTERS,
    ['a'] = AK_ROW_LETTERS,
};

/* Commas of the scripts the text measures know. */
static bool is_comma_cp(uint32_t cp)
{
    return cp == ',' || cp == 0x060C || cp == 0xFE50 || cp == 0xFE10 || cp == 0xFE11 ||
           cp == 0x2E41 || cp == 0x2E34 || cp == 0x2E32 || cp == 0xFF0C;
}

void wn_text_stats(const char *text, size_t n, wn_tstat *s)
{
    const unsigned char *p = (const unsigned char *)text;
    bool seen = false, in_space = false, in_word = false;
    size_t i = 0;

    while (i < n) {
        unsigned k;
        bool comma, cjk = false;
        if (p[i] < 0x80 && ascii_kind[p[i]] == AK_WORD) {
            /* the common case, a run of ASCII letters and digits, in one step */
            size_t j = i + 1;
            while (j < n && p[j] < 0x80 && ascii_kind[p[j]] == AK_WORD)
                j++;
            s->text += (uint32_t)(j - i);
            s->words += !in_word;
            seen = in_word = true;
            in_space = false;
            i = j;
            continue;
        }
        if (p[i] < 0x80 && ascii_kind[p[i]] == AK_SPACE) {
            /* indentation between tags: a run of white space is one character */
            while (i < n && p[i] < 0x80 && ascii_kind[p[i]] == AK_SPACE)
                i++;
            s->text += seen && !in_space;
            in_space = true;
            in_word = false;
            continue;
        }
        if (p[i] < 0x80) {
            k = ascii_kind[p[i++]];
            comma = k == AK_COMMA;
        } else {
            size_t len;
            uint32_t cp = utf8_next(p + i, n - i, &len);
            i += len;
            comma = is_comma_cp(cp);
            cjk = is_cjk(cp);
            k = cp == 0xA0 ? AK_SPACE : is_word_cp(cp) ? AK_WORD : AK_OTHER;
        }
        if (k == AK_SPACE) {
            /* A run of whitespace counts as one character, and not at the start. */
            s->text += seen && !in_space;
            in_space = true;
            in_word = false;
            continue;
        }
        seen = true;
        in_space = false;
        s->text++;
        s->commas += comma;
        if (cjk) {
            /* No spaces between CJK words: count characters, about 1.5 per word. */
            s->words++;
            in_word = false;
        } else {
            s->words += k == AK_WORD && !in_word;
            in_word = k == AK_WORD;
        }
    }
}

/* MARK: Searching ----------------------------------------------------------- */

/* Does NEEDLE occur in BUF[0..N) where no letter or digit precedes it?
 * memchr on the first byte keeps the many-phrase scans linear in practice. */
bool wn_has_word_start(const char *buf, size_t n, const char *needle)
{
    return wn_has_word_start_n(buf, n, needle, strlen(needle));
}

bool wn_has_word_start_n(const char *buf, size_t n, const char *needle, size_t m)
{
    const char *p = buf, *end = buf + n;
    while (m <= (size_t)(end - p)) {
        p = memchr(p, needle[0], (size_t)(end - p) - m + 1);
        if (p == NULL)
            return false;
        if (memcmp(p, needle, m) == 0 && (p == buf || !wn_word_byte((unsigned char)p[-1])))
            return true;
        p++;
    }
    return false;
}
