/*
 * filter.c: which WARC records the batch driver extracts: the HTTP status set
 * ("2xx,304") and the MIME list ("text/html,text/..."). Parsed once per run;
 * matching is a bit test and a few string compares per record.
 */
#include "batch/batch.h"

#include <string.h>
#include <strings.h>

static void set_range(wn_status_set *s, int lo, int hi)
{
    for (int i = lo; i <= hi; i++)
        s->bits[i >> 3] |= (unsigned char)(1u << (i & 7));
}

int wn_status_set_parse(wn_status_set *s, const char *spec)
{
    memset(s, 0, sizeof *s);
    if (spec == NULL)
        spec = "2xx";
    if (!strcmp(spec, "all") || !strcmp(spec, "*")) {
        set_range(s, 0, 999);
        return 0;
    }
    const char *p = spec;
    for (;;) {
        /* One item: three digits, or a digit followed by "xx". */
        if (p[0] < '0' || p[0] > '9')
            return -1;
        if ((p[1] == 'x' || p[1] == 'X') && (p[2] == 'x' || p[2] == 'X')) {
            int d = p[0] - '0';
            set_range(s, d * 100, d * 100 + 99);
        } else if (p[1] >= '0' && p[1] <= '9' && p[2] >= '0' && p[2] <= '9') {
            int v = (p[0] - '0') * 100 + (p[1] - '0') * 10 + (p[2] - '0');
            set_range(s, v, v);
        } else
            return -1;
        p += 3;
        if (*p == '\0')
            return 0;
        if (*p != ',')
            return -1;
        p++;
    }
}

int wn_status_set_has(const wn_status_set *s, int status)
{
    if (status < 0 || status > 999)
        return 0;
    return (s->bits[status >> 3] >> (status & 7)) & 1;
}

/* Does the list item [it, it+n) accept mime? */
static int item_match(const char *it, size_t n, const char *mime)
{
    while (n && *it == ' ') {
        it++;
        n--;
    }
    while (n && it[n - 1] == ' ')
        n--;
    if (n == 1 && it[0] == '*')
        return 1;
    if (n >= 2 && it[n - 2] == '/' && it[n - 1] == '*')
        return strncasecmp(mime, it, n - 1) == 0;   /* "text/" prefix */
    return strlen(mime) == n && strncasecmp(mime, it, n) == 0;
}

int wn_mime_match(const char *list, const char *mime)
{
    if (mime == NULL)
        return 0;
    if (list == NULL)
        list = "text/html,application/xhtml+xml";
    const char *p = list;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t n = comma ? (size_t)(comma - p) : strlen(p);
        if (item_match(p, n, mime))
            return 1;
        if (comma == NULL)
            return 0;
        p = comma + 1;
    }
}
