/*
 * url.c: what a page's address says about it (the date in /2019/08/02/,
 * the host, whether a link goes to the site's home page). Resolving canonical
 * and image references is core/url.c's job.
 */
#include <stdio.h>
#include <string.h>

#include "extract/meta/meta_internal.h"

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Start of the path: after "scheme://host", or the whole string when relative. */
static const char *path_start(const char *url)
{
    const char *p = strstr(url, "://");
    if (p == NULL)
        return url;
    p += 3;
    while (*p && *p != '/' && *p != '?' && *p != '#')
        p++;
    return p;
}

static int num(const char *p, int len)
{
    int v = 0;
    for (int i = 0; i < len; i++) {
        if (!is_digit(p[i]))
            return -1;
        v = v * 10 + (p[i] - '0');
    }
    return v;
}

static bool url_sep(char c)
{
    return c == '/' || c == '-' || c == '_' || c == '.';
}

bool wn_meta_url_date(const char *url, long max_ymd, char out[WN_META_DATE_LEN])
{
    const char *p;
    size_t n;

    if (url == NULL)
        return false;
    p = path_start(url);
    n = strnlen(p, WN_META_MAX_URL);
    for (size_t i = 0; i + 8 <= n; i++) {
        char buf[16];
        const char *q = p + i;
        int y, m, d;

        if (p[i] == '?' || p[i] == '#')
            break;
        if (!(i > 0 && url_sep(p[i - 1])) || !is_digit(*q))
            continue;
        if (i + 10 <= n && q[2] == '-' && q[5] == '-' && (i + 10 == n || !is_digit(q[10])) &&
            num(q, 2) >= 0 && num(q + 3, 2) >= 0 && num(q + 6, 4) >= 0) {
            /* /29-10-2021: day first, as the countries that write it do */
            d = num(q, 2);
            m = num(q + 3, 2);
            y = num(q + 6, 4);
        } else if (i + 10 <= n && url_sep(q[4]) && is_digit(q[5]) && is_digit(q[6]) &&
                   url_sep(q[7]) && is_digit(q[8]) && is_digit(q[9]) &&
                   (i + 10 == n || !is_digit(q[10]))) {
            y = num(q, 4);
            m = num(q + 5, 2);
            d = num(q + 8, 2);
        } else if (num(q, 8) >= 0 && (i + 8 == n || !is_digit(q[8]))) {
            y = num(q, 4);
            m = num(q + 4, 2);
            d = num(q + 6, 2);
        } else {
            continue;
        }
        if (y < 1991 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31)
            continue;
        /* Let the date parser check the calendar and the upper bound. */
        snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        if (wn_meta_parse_date(buf, 10, 0, max_ymd, out))
            return true;
    }
    return false;
}

wn_str wn_meta_url_host(const char *url)
{
    wn_str r = { NULL, 0 };
    const char *p, *e;

    if (url == NULL || (p = strstr(url, "://")) == NULL)
        return r;
    p += 3;
    e = p;
    while (*e && *e != '/' && *e != ':' && *e != '?' && *e != '#')
        e++;
    if (e - p > 4 && memcmp(p, "www.", 4) == 0)
        p += 4;
    r.p = p;
    r.n = (size_t)(e - p);
    return r;
}

bool wn_meta_home_href(wn_str h)
{
    if (h.p == NULL)   /* no href attribute */
        return false;
    while (h.n && wn_is_space((unsigned char)h.p[0]))
        h.p++, h.n--;
    while (h.n && wn_is_space((unsigned char)h.p[h.n - 1]))
        h.n--;
    if (h.n == 1 && h.p[0] == '/')
        return true;
    const char *e = h.p + h.n, *q = NULL;
    for (const char *p = h.p; p + 1 < e && p < h.p + 12; p++)
        if (p[0] == '/' && p[1] == '/') {
            q = p + 2;   /* "//host" or "scheme://host" */
            break;
        }
    if (q == NULL || (q > h.p + 2 && q[-3] != ':'))
        return false;
    while (q < e && *q != '/' && *q != '?' && *q != '#')
        q++;
    return q == e || (q + 1 == e && *q == '/');
}
