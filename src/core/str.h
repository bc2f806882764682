/*
 * str.h: wn_str, a non-owning byte slice (not NUL-terminated), and small helpers.
 * Text that appears unchanged in the input stays a slice into the caller's buffer.
 */
#ifndef WN_CORE_STR_H
#define WN_CORE_STR_H

#include <stddef.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef struct wn_str {
    const char *p;
    size_t n;
} wn_str;

#define WN_STR_LIT(s) ((wn_str){ (s), sizeof(s) - 1 })

static inline wn_str wn_str_make(const char *p, size_t n)
{
    wn_str s = { p, n };
    return s;
}

static inline bool wn_str_eq(wn_str a, const char *lit)
{
    size_t n = strlen(lit);
    return a.n == n && (n == 0 || memcmp(a.p, lit, n) == 0);
}

static inline char wn_ascii_lower(char c)
{
    return (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
}

/* ASCII case-insensitive comparison against a lowercase literal. */
static inline bool wn_str_ieq(wn_str a, const char *lit)
{
    size_t n = strlen(lit);
    if (a.n != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (wn_ascii_lower(a.p[i]) != lit[i])
            return false;
    return true;
}

/* FNV-1a, 32 bits: the hash of the tag table (dom/, tools/gen_tags.py) and of
 * the stop-word set. */
static inline uint32_t wn_fnv1a(const char *p, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 16777619u;
    }
    return h;
}

/* Does hay contain needle, ASCII case ignored? needle must be lowercase. */
static inline bool wn_str_icontains(wn_str hay, const char *needle)
{
    size_t m = strlen(needle);
    for (size_t i = 0; i + m <= hay.n; i++) {
        size_t k = 0;
        while (k < m && wn_ascii_lower(hay.p[i + k]) == needle[k])
            k++;
        if (k == m)
            return true;
    }
    return false;
}

static inline bool wn_is_space(unsigned char c)
{
    /* HTML ASCII whitespace: TAB, LF, FF, CR, SPACE */
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

/* The next whitespace-separated word of s from *pos (a class list's tokens):
 * true with *word set and *pos past it, false at the end.
 *     size_t pos = 0; wn_str w;
 *     while (wn_str_next_word(cls, &pos, &w)) ... */
static inline bool wn_str_next_word(wn_str s, size_t *pos, wn_str *word)
{
    size_t i = *pos;
    while (i < s.n && wn_is_space((unsigned char)s.p[i]))
        i++;
    size_t b = i;
    while (i < s.n && !wn_is_space((unsigned char)s.p[i]))
        i++;
    *pos = i;
    if (i == b)
        return false;   /* also an absent attribute: s.p is NULL, no offset on it */
    *word = wn_str_make(s.p + b, i - b);
    return true;
}

/* dst[0..n) = src[0..n) with ASCII capitals lowered, eight bytes per step
 * (class names and short texts are lowered on every element). */
static inline void wn_ascii_lower_n(char *dst, const char *src, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x, low7, above_z, from_a;
        memcpy(&x, src + i, 8);
        low7 = x & ~highs;
        above_z = low7 + ones * (0x7F - 'Z');   /* high bit: byte > 'Z' */
        from_a = low7 + ones * (0x80 - 'A');    /* high bit: byte >= 'A' */
        x |= ((from_a & ~above_z & ~x & highs) >> 2);   /* + 0x20 on 'A'..'Z' */
        memcpy(dst + i, &x, 8);
    }
    for (; i < n; i++)
        dst[i] = wn_ascii_lower(src[i]);
}

/* Whether p[0..n) holds no byte above 0x20: white space and controls only,
 * nothing to read. Eight bytes per step. */
static inline bool wn_all_blank(const char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        if (((x + ones * (0x7F - 0x20)) | x) & highs)
            return false;
    }
    for (; i < n; i++)
        if ((unsigned char)p[i] > 0x20)
            return false;
    return true;
}

#endif
