/*
 * str.h: wn_str, a non-owning byte slice (not NUL-terminated), and small helpers.
 * Text that appears unchanged in the input stays a slice into the caller's buffer.
 */
#ifndef WN_CORE_STR_H
#define WN_CORE_STR_H

#include <stddef.h>
#include <stdbool.h>
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

static inline bool wn_is_space(unsigned char c)
{
    /* HTML ASCII whitespace: TAB, LF, FF, CR, SPACE */
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

#endif
