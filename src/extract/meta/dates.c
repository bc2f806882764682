/*
 * dates.c: dates in the shapes pages write them, normalised to ISO 8601.
 * ISO with or without time and zone, RFC 822, numeric D.M.Y / M/D/Y / Y/M/D,
 * CJK 年月日, and "2 August 2019" / "August 2, 2019" with month names in
 * en/de/fr/es/it/pt/nl/pl/ru/uk. A scan is bounded (4 KiB) and never backtracks far.
 */
#include <string.h>
#include <time.h>

#include "extract/meta/meta_internal.h"
#include "extract/signals/lexicon_data.h"

#define SCAN_MAX 4096   /* bytes of free text examined for one date */
#define STRICT_LEAD 40  /* structured values: the date starts within this many bytes */

typedef struct dt {
    int y, m, d;
    int hh, mi, ss;
    bool has_time, has_zone;
    int zone_min;      /* offset east of UTC, minutes */
} dt;

/* Month names and abbreviations: the lexicon's month_name role
 * (data/lexicon/dates.tsv), its value the month. */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_alpha_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80;
}

/* Read a run of digits at s[*i] (at most maxd), returning its value and count. */
static int read_num(const char *s, size_t n, size_t *i, int maxd, int *ndig)
{
    int v = 0, k = 0;
    while (*i < n && is_digit(s[*i]) && k < maxd + 1) {
        v = v * 10 + (s[*i] - '0');
        (*i)++;
        k++;
    }
    *ndig = k;
    return v;
}

/* Month name at s[i..]: the word's length in *len, or 0 when it is no month.
 * ASCII is folded; Latin-1 capitals in UTF-8 (C3 80..9E) are folded too. */
static int read_month(const char *s, size_t n, size_t i, size_t *len)
{
    char w[32];
    size_t k = 0, j = i;
    while (j < n && is_alpha_byte((unsigned char)s[j]) && k < sizeof w - 1) {
        unsigned char c = (unsigned char)s[j];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c >= 0x80 && c <= 0xBF && k > 0 && (unsigned char)w[k - 1] == 0xC3 && c <= 0x9E)
            c = (unsigned char)(c + 0x20);
        w[k++] = (char)c;
        j++;
    }
    if (j < n && is_alpha_byte((unsigned char)s[j]))
        return 0;   /* a longer word than any month */
    w[k] = '\0';
    *len = j - i;
    if (k < 3)
        return 0;   /* every name has three letters or more */
    for (size_t m = 0; m < WN_LEX_MONTH_NAME_N; m++)
        if (wn_lex_month_name[m][0] == w[0] && strcmp(w, wn_lex_month_name[m]) == 0)
            return wn_lex_month_name_value[m];
    return 0;
}

static bool leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static bool valid(const dt *t, long max_ymd)
{
    static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    if (t->y < 1991 || t->m < 1 || t->m > 12 || t->d < 1)
        return false;
    if (t->d > mdays[t->m - 1] + (t->m == 2 && leap(t->y)))
        return false;
    if (max_ymd > 0 && (long)t->y * 10000 + t->m * 100 + t->d > max_ymd)
        return false;
    return true;
}

/* A time after a date: [T, ' ', ',', "at", "um", "à", "-", '|'] H:MM[:SS[.f]] [am|pm]
 * [Z | ±HH[:MM] | GMT/UTC[±HH[:MM]]]. */
static void read_time(const char *s, size_t n, size_t i, dt *t)
{
    size_t j = i, skipped = 0;
    int hh, mi, ss = 0, nd;

    while (j < n && skipped < 8 && !is_digit(s[j])) {
        unsigned char c = (unsigned char)s[j];
        if (!(c == 'T' || c == ' ' || c == ',' || c == '-' || c == '|' || c == 'a' ||
              c == 't' || c == 'u' || c == 'm' || c == '@' || c == 0xC3 || c == 0xA0 || c == '/'))
            return;
        j++;
        skipped++;
    }
    hh = read_num(s, n, &j, 2, &nd);
    if (nd < 1 || nd > 2 || j >= n || s[j] != ':')
        return;
    j++;
    mi = read_num(s, n, &j, 2, &nd);
    if (nd != 2)
        return;
    if (j < n && s[j] == ':') {
        j++;
        ss = read_num(s, n, &j, 2, &nd);
        if (nd != 2)
            return;
        if (j < n && (s[j] == '.' || s[j] == ',')) {
            j++;
            while (j < n && is_digit(s[j]))
                j++;
        }
    }
    {
        size_t k = j;
        while (k < n && s[k] == ' ')
            k++;
        if (k + 1 < n && (s[k] == 'p' || s[k] == 'P') && (s[k + 1] == 'm' || s[k + 1] == 'M')) {
            if (hh < 12)
                hh += 12;
            j = k + 2;
        } else if (k + 1 < n && (s[k] == 'a' || s[k] == 'A') && (s[k + 1] == 'm' || s[k + 1] == 'M')) {
            if (hh == 12)
                hh = 0;
            j = k + 2;
        }
    }
    if (hh > 23 || mi > 59 || ss > 60)
        return;
    t->hh = hh;
    t->mi = mi;
    t->ss = ss > 59 ? 59 : ss;
    t->has_time = true;
    /* Zone. */
    {
        size_t k = j;
        int sign = 0;
        while (k < n && s[k] == ' ' && k < j + 1)
            k++;
        if (k < n && s[k] == 'Z') {
            t->has_zone = true;
            t->zone_min = 0;
            return;
        }
        if (k + 2 < n && ((s[k] == 'G' && s[k + 1] == 'M' && s[k + 2] == 'T') ||
                          (s[k] == 'U' && s[k + 1] == 'T' && s[k + 2] == 'C'))) {
            t->has_zone = true;
            t->zone_min = 0;
            k += 3;
        }
        if (k < n && (s[k] == '+' || s[k] == '-'))
            sign = s[k] == '+' ? 1 : -1;
        if (sign) {
            int zh, zm = 0;
            k++;
            zh = read_num(s, n, &k, 4, &nd);
            if (nd == 4) {
                zm = zh % 100;
                zh /= 100;
            } else if (nd >= 1 && nd <= 2 && k + 2 < n && s[k] == ':' && is_digit(s[k + 1])) {
                k++;
                zm = read_num(s, n, &k, 2, &nd);
            } else if (nd < 1 || nd > 2) {
                return;
            }
            if (zh <= 14 && zm < 60) {
                t->has_zone = true;
                t->zone_min = sign * (zh * 60 + zm);
            }
        }
    }
}

/* Skip filler between a day and a month or a month and a year: spaces, '.', ',',
 * '-', '/', ordinal suffixes and the particles "de", "del", "of", "der". */
static size_t skip_filler(const char *s, size_t n, size_t i, bool after_day)
{
    for (int round = 0; round < 6 && i < n; round++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ' || c == '.' || c == ',' || c == '-' || c == '/' || c == 0xC2) {
            /* 0xC2 0xA0 is a no-break space; 0xC2 0xBA / 0xB0 ordinal marks */
            if (c == 0xC2) {
                if (i + 1 < n && ((unsigned char)s[i + 1] == 0xA0 || (unsigned char)s[i + 1] == 0xBA ||
                                  (unsigned char)s[i + 1] == 0xB0))
                    i++;
                else
                    break;
            }
            i++;
            continue;
        }
        if (after_day && i + 1 < n) {
            bool hit = false;
            for (size_t k = 0; k < WN_LEX_DAY_ORDINAL_SUFFIX_N; k++) {
                const char *sfx = wn_lex_day_ordinal_suffix[k];
                size_t len = strlen(sfx);
                if (i + len <= n && memcmp(s + i, sfx, len) == 0 &&
                    (i + len == n || !is_alpha_byte((unsigned char)s[i + len]))) {
                    i += len;
                    hit = true;
                    break;
                }
            }
            if (hit) {
                after_day = false;
                continue;
            }
        }
        {
            bool hit = false;
            for (size_t k = 0; k < WN_LEX_DATE_JOINER_N; k++) {
                const char *part = wn_lex_date_joiner[k];
                size_t len = strlen(part);
                if (i + len < n && memcmp(s + i, part, len) == 0 && s[i + len] == ' ') {
                    i += len;
                    hit = true;
                    break;
                }
            }
            if (!hit)
                break;
        }
    }
    return i;
}

/* Try every shape at s[i], which starts a digit run or a word. Returns the end
 * of the date (0 if none) and fills *t. */
static size_t try_at(const char *s, size_t n, size_t i, unsigned flags, dt *t)
{
    size_t j = i;
    int a, b, c, na, nb, nc;

    memset(t, 0, sizeof *t);
    if (is_digit(s[i])) {
        a = read_num(s, n, &j, 8, &na);
        if (na == 8 && !(flags & WN_DATE_LOOSE) && (j == n || !is_digit(s[j]))) {
            /* YYYYMMDD as a whole structured value */
            t->y = a / 10000;
            t->m = a / 100 % 100;
            t->d = a % 100;
            return j;
        }
        if (na == 4 && j + 1 < n && (s[j] == '-' || s[j] == '/' || s[j] == '.')) {
            char sep = s[j];
            size_t k = j + 1;
            b = read_num(s, n, &k, 2, &nb);
            if (nb >= 1 && nb <= 2 && k + 1 < n && s[k] == sep) {
                k++;
                c = read_num(s, n, &k, 2, &nc);
                if (nc >= 1 && nc <= 2) {
                    t->y = a;
                    t->m = b;
                    t->d = c;
                    return k;
                }
            }
        }
        /* YYYY年M月D日 (CJK): 年 E5 B9 B4, 月 E6 9C 88, 日 E6 97 A5 */
        if (na == 4 && j + 3 <= n && memcmp(s + j, "\xE5\xB9\xB4", 3) == 0) {
            size_t k = j + 3;
            b = read_num(s, n, &k, 2, &nb);
            if (nb >= 1 && nb <= 2 && k + 3 <= n && memcmp(s + k, "\xE6\x9C\x88", 3) == 0) {
                k += 3;
                c = read_num(s, n, &k, 2, &nc);
                if (nc >= 1 && nc <= 2) {
                    t->y = a;
                    t->m = b;
                    t->d = c;
                    if (k + 3 <= n && memcmp(s + k, "\xE6\x97\xA5", 3) == 0)
                        k += 3;
                    return k;
                }
            }
        }
        if (na >= 1 && na <= 2 && j + 1 < n && (s[j] == '.' || s[j] == '/' || s[j] == '-')) {
            /* D.M.Y, M/D/Y, D-M-Y */
            char sep = s[j];
            size_t k = j + 1;
            while (sep == '.' && k < n && s[k] == ' ')
                k++;
            b = read_num(s, n, &k, 2, &nb);
            if (nb >= 1 && nb <= 2 && k + 1 < n && s[k] == sep) {
                k++;
                while (sep == '.' && k < n && s[k] == ' ')
                    k++;
                c = read_num(s, n, &k, 4, &nc);
                if (nc == 4 || (nc == 2 && sep == '.')) {
                    t->y = nc == 2 ? 2000 + c : c;
                    if (sep == '/' && a <= 12 && (b > 12 || !(flags & WN_DATE_DMY))) {
                        t->m = a;
                        t->d = b;
                    } else {
                        t->d = a;
                        t->m = b;
                    }
                    return k;
                }
            }
        }
        if (na >= 1 && na <= 2) {
            /* D Month YYYY */
            size_t k = skip_filler(s, n, j, true), ml;
            int m = k < n ? read_month(s, n, k, &ml) : 0;
            if (m && k > j) {
                k = skip_filler(s, n, k + ml, false);
                c = read_num(s, n, &k, 4, &nc);
                if (nc == 4) {
                    t->y = c;
                    t->m = m;
                    t->d = a;
                    return k;
                }
            }
        }
        return 0;
    }
    {
        /* Month D, YYYY */
        size_t ml, k;
        int m = read_month(s, n, i, &ml);
        if (!m)
            return 0;
        k = i + ml;
        if (k < n && s[k] == '.')
            k++;
        while (k < n && (s[k] == ' ' || s[k] == '-'))
            k++;
        a = read_num(s, n, &k, 2, &na);
        if (na < 1 || na > 2)
            return 0;
        k = skip_filler(s, n, k, true);
        c = read_num(s, n, &k, 4, &nc);
        if (nc != 4)
            return 0;
        t->y = c;
        t->m = m;
        t->d = a;
        return k;
    }
}

/* Write v (0..99, or 0..9999 when width 4) as fixed-width digits. */
static char *put_num(char *o, int v, int width)
{
    for (int k = width - 1; k >= 0; k--) {
        o[k] = (char)('0' + v % 10);
        v /= 10;
    }
    return o + width;
}

/* "YYYY-MM-DD", then "THH:MM:SS" and "Z" or "+HH:MM" when known (at most 26 bytes). */
static void format(const dt *t, char out[WN_META_DATE_LEN])
{
    char *o = out;
    o = put_num(o, t->y, 4);
    *o++ = '-';
    o = put_num(o, t->m, 2);
    *o++ = '-';
    o = put_num(o, t->d, 2);
    if (t->has_time) {
        *o++ = 'T';
        o = put_num(o, t->hh, 2);
        *o++ = ':';
        o = put_num(o, t->mi, 2);
        *o++ = ':';
        o = put_num(o, t->ss, 2);
        if (t->has_zone && t->zone_min == 0) {
            *o++ = 'Z';
        } else if (t->has_zone) {
            int z = t->zone_min < 0 ? -t->zone_min : t->zone_min;
            *o++ = t->zone_min < 0 ? '-' : '+';
            o = put_num(o, z / 60, 2);
            *o++ = ':';
            o = put_num(o, z % 60, 2);
        }
    }
    *o = '\0';
}

bool wn_meta_parse_date(const char *s, size_t n, unsigned flags, long max_ymd,
                        char out[WN_META_DATE_LEN])
{
    size_t limit;

    if (n > SCAN_MAX)
        n = SCAN_MAX;
    limit = (flags & WN_DATE_LOOSE) ? n : (n < STRICT_LEAD ? n : STRICT_LEAD);
    for (size_t i = 0; i < limit; i++) {
        unsigned char c = (unsigned char)s[i];
        bool word_start = is_alpha_byte(c) && (i == 0 || !is_alpha_byte((unsigned char)s[i - 1]));
        bool num_start = is_digit((char)c) && (i == 0 || !is_digit(s[i - 1]));
        dt t;
        size_t end;

        if (!word_start && !num_start)
            continue;
        end = try_at(s, n, i, flags, &t);
        if (end == 0 || (end < n && is_digit(s[end])))
            continue;
        if (!valid(&t, max_ymd))
            continue;
        read_time(s, n, end, &t);
        format(&t, out);
        return true;
    }
    return false;
}

long wn_meta_date_bound(void)
{
    time_t now = time(NULL) + 86400;
    struct tm tm;
    if (gmtime_r(&now, &tm) == NULL)
        return 0;
    return (long)(tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
}
