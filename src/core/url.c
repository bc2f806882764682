/*
 * url.c: URL references (RFC 3986): split, remove dot segments, resolve
 * against a base, refuse schemes a reader cannot follow, percent-encode what
 * may not stand raw. Every link the library writes goes through here.
 */
#include "core/url.h"

#include <string.h>

/* RFC 3986 appendix B, with a scheme only when it is syntactically valid. */
void wn_url_split(const char *p, size_t n, wn_url_parts *u)
{
    size_t i = 0;
    memset(u, 0, sizeof *u);
    while (i < n && p[i] != ':' && p[i] != '/' && p[i] != '?' && p[i] != '#')
        i++;
    if (i > 0 && i < n && p[i] == ':') {
        bool ok = (p[0] | 0x20) >= 'a' && (p[0] | 0x20) <= 'z';
        for (size_t k = 1; ok && k < i; k++) {
            char c = p[k];
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                 c == '+' || c == '-' || c == '.';
        }
        if (ok) {
            u->has_scheme = true;
            u->scheme = wn_str_make(p, i);
            p += i + 1;
            n -= i + 1;
        }
    }
    i = 0;
    if (n >= 2 && p[0] == '/' && p[1] == '/') {
        size_t k = 2;
        while (k < n && p[k] != '/' && p[k] != '?' && p[k] != '#')
            k++;
        u->has_authority = true;
        u->authority = wn_str_make(p + 2, k - 2);
        i = k;
    }
    size_t k = i;
    while (k < n && p[k] != '?' && p[k] != '#')
        k++;
    u->path = wn_str_make(p + i, k - i);
    if (k < n && p[k] == '?') {
        size_t q = k + 1;
        while (q < n && p[q] != '#')
            q++;
        u->has_query = true;
        u->query = wn_str_make(p + k + 1, q - k - 1);
        k = q;
    }
    if (k < n && p[k] == '#') {
        u->has_fragment = true;
        u->fragment = wn_str_make(p + k + 1, n - k - 1);
    }
}

/* RFC 3986 section 5.2.4, on a copy of the path in `in` (consumed), result appended to out. */
static int remove_dot_segments(const char *p, size_t n, wn_buf *out)
{
    size_t base = out->n;
    while (n > 0) {
        if (n >= 3 && memcmp(p, "../", 3) == 0) {
            p += 3, n -= 3;
        } else if (n >= 2 && memcmp(p, "./", 2) == 0) {
            p += 2, n -= 2;
        } else if (n >= 3 && memcmp(p, "/./", 3) == 0) {
            p += 2, n -= 2;
        } else if (n == 2 && memcmp(p, "/.", 2) == 0) {
            p = "/", n = 1;
        } else if ((n >= 4 && memcmp(p, "/../", 4) == 0) || (n == 3 && memcmp(p, "/..", 3) == 0)) {
            if (n == 3)
                p = "/", n = 1;
            else
                p += 3, n -= 3;
            while (out->n > base && out->p[out->n - 1] != '/')
                out->n--;
            if (out->n > base)
                out->n--;   /* the slash before the removed segment */
        } else if ((n == 1 && p[0] == '.') || (n == 2 && memcmp(p, "..", 2) == 0)) {
            n = 0;
        } else {
            size_t k = (p[0] == '/') ? 1 : 0;
            while (k < n && p[k] != '/')
                k++;
            if (wn_buf_put(out, p, k) != 0)
                return -1;
            p += k, n -= k;
        }
    }
    return 0;
}

static bool scheme_is(wn_str s, const char *lit)
{
    return wn_str_ieq(s, lit);
}

/* The media type of a data: URL (its "path": "image/png;base64,...") is a
 * raster image. SVG is refused: it can carry script, and Markdown renderers
 * refuse it too. */
static bool raster_data(wn_str path)
{
    static const char *const types[] = { "image/png", "image/jpeg", "image/jpg", "image/gif",
                                         "image/webp", "image/avif", "image/bmp" };
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
        size_t k = strlen(types[i]);
        if (path.n > k && wn_str_ieq(wn_str_make(path.p, k), types[i]) &&
            (path.p[k] == ';' || path.p[k] == ','))
            return true;
    }
    return false;
}

/* Only schemes a reader can follow; everything else (javascript:, vbscript:,
 * data: outside images, custom app schemes) is refused. */
static bool scheme_allowed(const wn_url_parts *u, bool image)
{
    if (!u->has_scheme)
        return true;
    if (scheme_is(u->scheme, "http") || scheme_is(u->scheme, "https"))
        return true;
    if (image) {
        return scheme_is(u->scheme, "data") && raster_data(u->path);
    }
    return scheme_is(u->scheme, "ftp") || scheme_is(u->scheme, "mailto") ||
           scheme_is(u->scheme, "tel");
}

/* Whether resolving ref would return it unchanged, so the passes below can be
 * skipped: most links are plain absolute http(s) URLs, and without a base URL
 * a relative reference is kept as written. Either way there must be no white
 * space or control to strip and no byte to percent-encode; an absolute URL
 * must also hold no dot segment ("/." also catches ".well-known", which only
 * sends a few URLs down the full path). */
static bool resolves_to_itself(wn_str ref, bool have_base)
{
    size_t from;
    if (ref.n > 8 && memcmp(ref.p, "https://", 8) == 0) {
        from = 8;
    } else if (ref.n > 7 && memcmp(ref.p, "http://", 7) == 0) {
        from = 7;
    } else if (!have_base && ref.n > 0) {
        /* a relative reference: no scheme, so no ':' before the path starts */
        size_t i = 0;
        while (i < ref.n && ref.p[i] != ':' && ref.p[i] != '/' && ref.p[i] != '?' && ref.p[i] != '#')
            i++;
        if (i < ref.n && ref.p[i] == ':')
            return false;
        from = 0;
        for (size_t k = 0; k < ref.n; k++) {
            unsigned char c = (unsigned char)ref.p[k];
            if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`')
                return false;
        }
        return true;
    } else {
        return false;
    }
    for (size_t i = from; i < ref.n; i++) {
        unsigned char c = (unsigned char)ref.p[i];
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`' ||
            (c == '.' && ref.p[i - 1] == '/'))
            return false;
    }
    return true;
}

const char *wn_url_resolve(wn_url_resolver *u, wn_arena *a, wn_str ref, bool image, size_t *len)
{
    wn_buf *raw = &u->raw, *out = &u->out, *merged = &u->merged;
    wn_url_parts r, t;
    const wn_url_parts b = u->base;
    const char *res = NULL;
    int rc = 0;

    if (resolves_to_itself(ref, b.has_scheme)) {
        char *d = wn_arena_strdup(a, ref.p, ref.n);
        if (d)
            *len = ref.n;
        return d;
    }
    wn_buf_clear(raw);
    wn_buf_clear(out);
    wn_buf_clear(merged);

    /* WHATWG URL parsing trims C0 controls and spaces and ignores tab/LF/CR
     * anywhere: "java\nscript:" is javascript:, so normalise first. */
    size_t s = 0, e = ref.n;
    while (s < e && (unsigned char)ref.p[s] <= 0x20)
        s++;
    while (e > s && (unsigned char)ref.p[e - 1] <= 0x20)
        e--;
    size_t from = s;
    for (size_t i = s; i < e; i++) {
        char c = ref.p[i];
        if (c == '\t' || c == '\n' || c == '\r') {
            rc |= wn_buf_put(raw, ref.p + from, i - from);
            from = i + 1;
        }
    }
    rc |= wn_buf_put(raw, ref.p + from, e - from);
    if (rc || (raw->n == 0 && image))
        goto done;
    wn_url_split(raw->p ? raw->p : "", raw->n, &r);
    if (r.has_scheme && !scheme_allowed(&r, image))
        goto done;

    if (r.has_scheme) {
        rc |= wn_buf_put(out, r.scheme.p, r.scheme.n) | wn_buf_putc(out, ':');
        if (r.has_authority)
            rc |= wn_buf_puts(out, "//") | wn_buf_put(out, r.authority.p, r.authority.n);
        rc |= remove_dot_segments(r.path.p, r.path.n, out);
    } else if (!b.has_scheme) {
        /* no usable base: keep the reference as written */
        rc |= wn_buf_put(out, raw->p, raw->n);
        r.has_query = r.has_fragment = false;
    } else {
        /* RFC 3986 section 5.2.2 */
        rc |= wn_buf_put(out, b.scheme.p, b.scheme.n) | wn_buf_putc(out, ':');
        if (r.has_authority) {
            rc |= wn_buf_puts(out, "//") | wn_buf_put(out, r.authority.p, r.authority.n);
            rc |= remove_dot_segments(r.path.p, r.path.n, out);
        } else {
            if (b.has_authority)
                rc |= wn_buf_puts(out, "//") | wn_buf_put(out, b.authority.p, b.authority.n);
            if (r.path.n == 0) {
                rc |= wn_buf_put(out, b.path.p, b.path.n);
                if (!r.has_query && b.has_query)
                    rc |= wn_buf_putc(out, '?') | wn_buf_put(out, b.query.p, b.query.n);
            } else if (r.path.p[0] == '/') {
                rc |= remove_dot_segments(r.path.p, r.path.n, out);
            } else {
                /* merge (5.2.3), then remove dot segments */
                if (b.has_authority && b.path.n == 0) {
                    rc |= wn_buf_putc(merged, '/');
                } else {
                    size_t k = b.path.n;
                    while (k > 0 && b.path.p[k - 1] != '/')
                        k--;
                    rc |= wn_buf_put(merged, b.path.p, k);
                }
                rc |= wn_buf_put(merged, r.path.p, r.path.n);
                if (!rc)
                    rc |= remove_dot_segments(merged->p, merged->n, out);
            }
        }
    }
    if (r.has_query)
        rc |= wn_buf_putc(out, '?') | wn_buf_put(out, r.query.p, r.query.n);
    if (r.has_fragment)
        rc |= wn_buf_putc(out, '#') | wn_buf_put(out, r.fragment.p, r.fragment.n);
    if (rc)
        goto done;

    /* Check again: a base with an odd scheme must not make a relative link unsafe. */
    wn_url_split(out->p ? out->p : "", out->n, &t);
    if (t.has_scheme && !scheme_allowed(&t, image))
        goto done;

    /* Percent-encode what may not appear raw in a URL (RFC 3986 section 2). */
    size_t extra = 0;
    for (size_t i = 0; i < out->n; i++) {
        unsigned char c = (unsigned char)out->p[i];
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`')
            extra += 2;
    }
    char *d = wn_arena_alloc(a, out->n + extra + 1);
    if (d == NULL)
        goto done;
    size_t k = 0;
    for (size_t i = 0; i < out->n; i++) {
        unsigned char c = (unsigned char)out->p[i];
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`') {
            static const char hex[] = "0123456789ABCDEF";
            d[k++] = '%';
            d[k++] = hex[c >> 4];
            d[k++] = hex[c & 15];
        } else {
            d[k++] = (char)c;
        }
    }
    d[k] = '\0';
    *len = k;
    res = d;
done:
    return res;
}

void wn_url_resolver_init(wn_url_resolver *r, const char *base)
{
    memset(r, 0, sizeof *r);
    if (base != NULL)
        wn_url_split(base, strlen(base), &r->base);
}

void wn_url_resolver_fini(wn_url_resolver *r)
{
    wn_buf_fini(&r->raw);
    wn_buf_fini(&r->out);
    wn_buf_fini(&r->merged);
}
