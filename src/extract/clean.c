/*
 * clean.c: copy the article subtree out of the page DOM into the article's own
 * document, reduced to the safe vocabulary of clean.h (see docs/internals/RENDER.md).
 * Four passes, none recursive: copy (walk the source with an explicit stack),
 * group loose inline runs into paragraphs, trim whitespace, prune empty nodes.
 */
#include "extract/clean.h"

#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "winnow.h"

/* A private flag on nodes of the article document only: a paragraph boundary
 * left where a block wrapper (div, section...) was unwrapped. Pass 2 removes it. */
#define MARK_FLAG 0x40000000u

/* Source elements deeper than this below the article root are dropped, so the
 * copy stack stays bounded even when the parser's depth cap is switched off. */
#define MAX_STACK 100000

/* The inline-contains-block scan looks at this many nodes, then assumes "no"
 * (a block found later is flattened into the line instead). */
#define SCAN_LIMIT 2000

typedef enum action {
    ACT_DROP,      /* skip with all content */
    ACT_UNWRAP,    /* keep the children, no element */
    ACT_BLOCK,     /* keep the children, paragraph boundaries around them */
    ACT_KEEP       /* copy the element (maybe renamed) */
} action;

/* MARK: Vocabulary ----------------------------------------------------------- */

static bool is_inline_tag(unsigned tag)
{
    switch (tag) {
    case WN_TAG_A: case WN_TAG_EM: case WN_TAG_STRONG: case WN_TAG_B: case WN_TAG_I:
    case WN_TAG_U: case WN_TAG_S: case WN_TAG_SUB: case WN_TAG_SUP: case WN_TAG_CODE:
    case WN_TAG_BR: case WN_TAG_IMG:
        return true;
    default:
        return false;
    }
}

static bool inline_node(const wn_node *n)
{
    return n->type == WN_NODE_TEXT || (n->type == WN_NODE_ELEMENT && is_inline_tag(n->tag));
}

/* Elements whose content is a line of text: a block inside them is flattened. */
static bool is_phrasing_container(const wn_node *n)
{
    if (n->type != WN_NODE_ELEMENT)
        return false;
    switch (n->tag) {
    case WN_TAG_P: case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4:
    case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_PRE: case WN_TAG_CAPTION:
    case WN_TAG_FIGCAPTION: case WN_TAG_DT:
        return true;
    default:
        return is_inline_tag(n->tag);
    }
}

static bool is_table_part(unsigned tag)
{
    return tag == WN_TAG_TABLE || tag == WN_TAG_THEAD || tag == WN_TAG_TBODY ||
           tag == WN_TAG_TFOOT || tag == WN_TAG_TR;
}

/* What to do with a source element, before looking at context; *tag receives
 * the tag to create for ACT_KEEP (renames: strike -> s, tt -> code, ...). */
static action classify(const wn_node *n, unsigned flags, unsigned *tag)
{
    *tag = n->tag;
    if (n->ns == WN_NS_MATHML) {
        /* A formula's words are text ("when a ≠ 0"); its annotations repeat
         * the formula as TeX or markup. */
        return wn_dom_is_math_annotation(n) ? ACT_DROP : ACT_UNWRAP;
    }
    if (n->ns != WN_NS_HTML)
        return ACT_DROP;   /* svg and whatever it contains */
    /* A form the content finder found holding the article (forum software and
     * ASP.NET wrap whole pages in one): its text stays, its controls go. */
    if ((n->flags & WN_NODE_FLAG_KEEP_FORM) && (n->tag == WN_TAG_FORM || n->tag == WN_TAG_FIELDSET))
        return ACT_BLOCK;
    switch (n->tag) {
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: case WN_TAG_P: case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_LI:
    case WN_TAG_BLOCKQUOTE: case WN_TAG_PRE: case WN_TAG_THEAD: case WN_TAG_TBODY:
    case WN_TAG_TFOOT: case WN_TAG_TR: case WN_TAG_TH: case WN_TAG_TD: case WN_TAG_CAPTION:
    case WN_TAG_FIGURE: case WN_TAG_FIGCAPTION: case WN_TAG_HR: case WN_TAG_DL:
    case WN_TAG_DT: case WN_TAG_DD:
    case WN_TAG_A: case WN_TAG_EM: case WN_TAG_STRONG: case WN_TAG_B: case WN_TAG_I:
    case WN_TAG_U: case WN_TAG_S: case WN_TAG_SUB: case WN_TAG_SUP: case WN_TAG_CODE:
    case WN_TAG_BR: case WN_TAG_IMG:
        return ACT_KEEP;
    case WN_TAG_TABLE:
        return (flags & WN_OPT_NO_TABLES) ? ACT_DROP : ACT_KEEP;
    case WN_TAG_STRIKE: case WN_TAG_DEL:
        *tag = WN_TAG_S;
        return ACT_KEEP;
    case WN_TAG_TT: case WN_TAG_KBD: case WN_TAG_SAMP:
        *tag = WN_TAG_CODE;
        return ACT_KEEP;
    case WN_TAG_DIR: case WN_TAG_MENU:
        *tag = WN_TAG_UL;
        return ACT_KEEP;
    case WN_TAG_LISTING: case WN_TAG_XMP: case WN_TAG_PLAINTEXT:
        *tag = WN_TAG_PRE;
        return ACT_KEEP;
    /* Executable, interactive, embedded or invisible: gone with their content. */
    case WN_TAG_SCRIPT: case WN_TAG_STYLE: case WN_TAG_IFRAME: case WN_TAG_OBJECT:
    case WN_TAG_EMBED: case WN_TAG_APPLET: case WN_TAG_FORM: case WN_TAG_INPUT:
    case WN_TAG_BUTTON: case WN_TAG_SELECT: case WN_TAG_TEXTAREA: case WN_TAG_OPTION:
    case WN_TAG_OPTGROUP: case WN_TAG_DATALIST: case WN_TAG_KEYGEN: case WN_TAG_OUTPUT:
    case WN_TAG_PROGRESS: case WN_TAG_METER: case WN_TAG_SVG: case WN_TAG_MATH:
    case WN_TAG_NOSCRIPT: case WN_TAG_TEMPLATE: case WN_TAG_CANVAS: case WN_TAG_AUDIO:
    case WN_TAG_VIDEO: case WN_TAG_SOURCE: case WN_TAG_TRACK: case WN_TAG_PARAM:
    case WN_TAG_HEAD: case WN_TAG_TITLE: case WN_TAG_META: case WN_TAG_LINK:
    case WN_TAG_BASE: case WN_TAG_BASEFONT: case WN_TAG_BGSOUND: case WN_TAG_FRAME:
    case WN_TAG_FRAMESET: case WN_TAG_NOFRAMES: case WN_TAG_NOEMBED: case WN_TAG_MAP:
    case WN_TAG_AREA: case WN_TAG_DIALOG: case WN_TAG_RP: case WN_TAG_RT:
    case WN_TAG_WBR: case WN_TAG_COL: case WN_TAG_COLGROUP: case WN_TAG_MENUITEM:
    case WN_TAG_SEARCH: case WN_TAG_IMAGE: case WN_TAG_SLOT:
    case WN_TAG_FIELDSET:
        return ACT_DROP;
    /* Block wrappers: their text must not run into the neighbours' text. */
    case WN_TAG_DIV: case WN_TAG_SECTION: case WN_TAG_ARTICLE: case WN_TAG_MAIN:
    case WN_TAG_HEADER: case WN_TAG_FOOTER: case WN_TAG_ASIDE: case WN_TAG_NAV:
    case WN_TAG_CENTER: case WN_TAG_ADDRESS: case WN_TAG_DETAILS: case WN_TAG_SUMMARY:
    case WN_TAG_LEGEND: case WN_TAG_HGROUP: case WN_TAG_BODY: case WN_TAG_HTML:
        return ACT_BLOCK;
    case WN_TAG_UNKNOWN:
        /* Custom elements (a hyphen in the name) are nearly always components,
         * i.e. blocks; other unknown names are treated as inline. */
        return memchr(n->name.p, '-', n->name.n) ? ACT_BLOCK : ACT_UNWRAP;
    default:
        /* span, font, abbr, mark, small, cite, time, label... and isindex: the
         * current HTML standard parses it as an ordinary unknown element (not
         * void), so it holds everything after it and browsers show that. */
        return ACT_UNWRAP;
    }
}

/* MARK: URLs (RFC 3986) ------------------------------------------------------- */

typedef struct url_parts {
    wn_str scheme, authority, path, query, fragment;
    bool has_scheme, has_authority, has_query, has_fragment;
} url_parts;

/* RFC 3986 appendix B, with a scheme only when it is syntactically valid. */
static void url_split(const char *p, size_t n, url_parts *u)
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
static bool scheme_allowed(const url_parts *u, bool image)
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

/* Scratch for url_resolve, reused across one clone: the base is split once
 * and the buffers keep their memory. */
typedef struct url_ctx {
    wn_buf raw, out, merged;
    url_parts base;
} url_ctx;

/* Resolve ref against the context's base and return the safe absolute (or,
 * without a usable base, relative) URL in dst's arena, or NULL when refused or
 * out of memory. */
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

static const char *url_resolve(wn_doc *dst, url_ctx *u, wn_str ref, bool image, size_t *len)
{
    wn_buf *raw = &u->raw, *out = &u->out, *merged = &u->merged;
    url_parts r, t;
    const url_parts b = u->base;
    const char *res = NULL;
    int rc = 0;

    if (resolves_to_itself(ref, b.has_scheme)) {
        char *d = wn_arena_strdup(&dst->arena, ref.p, ref.n);
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
    url_split(raw->p ? raw->p : "", raw->n, &r);
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
    url_split(out->p ? out->p : "", out->n, &t);
    if (t.has_scheme && !scheme_allowed(&t, image))
        goto done;

    /* Percent-encode what may not appear raw in a URL (RFC 3986 section 2). */
    size_t extra = 0;
    for (size_t i = 0; i < out->n; i++) {
        unsigned char c = (unsigned char)out->p[i];
        if (c <= 0x20 || c == 0x7F || c == '"' || c == '<' || c == '>' || c == '`')
            extra += 2;
    }
    char *d = wn_arena_alloc(&dst->arena, out->n + extra + 1);
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

/* MARK: Attributes ------------------------------------------------------------ */

static bool contains_ci(wn_str s, const char *lit)
{
    size_t n = strlen(lit);
    for (size_t i = 0; i + n <= s.n; i++)
        if (wn_str_ieq(wn_str_make(s.p + i, n), lit))
            return true;
    return false;
}

/* First URL of a srcset ("a.jpg 1x, b.jpg 2x" -> "a.jpg"). */
static wn_str srcset_first(wn_str v)
{
    size_t i = 0;
    while (i < v.n && (wn_is_space((unsigned char)v.p[i]) || v.p[i] == ','))
        i++;
    size_t s = i;
    while (i < v.n && !wn_is_space((unsigned char)v.p[i]))
        i++;
    while (i > s && v.p[i - 1] == ',')
        i--;
    if (v.p == NULL)
        return v;   /* absent attribute: no arithmetic on NULL */
    return wn_str_make(v.p + s, i - s);
}

/* The image's real address: src, unless it is missing or a lazy-loading
 * placeholder (a data: URI, a blank/spacer gif) and a data-* attribute or a
 * srcset carries the real one. */
static wn_str image_source(const wn_node *img)
{
    static const char *const lazy[] = { "data-src", "data-lazy-src", "data-original",
                                        "data-url", "data-hi-res-src" };
    wn_str src = wn_dom_attr_value(img, "src");
    size_t s = 0;
    while (s < src.n && wn_is_space((unsigned char)src.p[s]))
        s++;
    /* src.p is NULL when there is no src: no pointer arithmetic on it. */
    wn_str trimmed = src.p ? wn_str_make(src.p + s, src.n - s) : src;
    bool placeholder = trimmed.n == 0 ||
                       (trimmed.n >= 5 && wn_str_ieq(wn_str_make(trimmed.p, 5), "data:")) ||
                       contains_ci(trimmed, "placeholder") || contains_ci(trimmed, "blank.") ||
                       contains_ci(trimmed, "spacer") || contains_ci(trimmed, "lazy") ||
                       contains_ci(trimmed, "pixel.") || contains_ci(trimmed, "transparent.");
    if (!placeholder)
        return src;
    for (size_t i = 0; i < sizeof lazy / sizeof lazy[0]; i++) {
        wn_str v = wn_dom_attr_value(img, lazy[i]);
        if (v.n)
            return v;
    }
    wn_str set = wn_dom_attr_value(img, "data-srcset");
    if (set.n == 0)
        set = wn_dom_attr_value(img, "srcset");
    set = srcset_first(set);
    return set.n ? set : src;
}

static wn_str copy_str(wn_doc *dst, wn_str s)
{
    if (s.n == 0)
        return wn_str_make("", 0);
    char *p = wn_arena_strdup(&dst->arena, s.p, s.n);
    return p ? wn_str_make(p, s.n) : wn_str_make(NULL, 0);
}

/* Text inside pre, verbatim but for line ends: a CR (from &#13;, which the
 * tokenizer's newline normalisation does not see) or CR LF becomes LF. */
static wn_str copy_pre(wn_doc *dst, wn_str s)
{
    if (memchr(s.p, '\r', s.n) == NULL)
        return copy_str(dst, s);
    char *p = wn_arena_alloc(&dst->arena, s.n + 1);
    size_t k = 0;
    if (p == NULL)
        return wn_str_make(NULL, 0);
    for (size_t i = 0; i < s.n; i++) {
        if (s.p[i] == '\r') {
            p[k++] = '\n';
            if (i + 1 < s.n && s.p[i + 1] == '\n')
                i++;
        } else {
            p[k++] = s.p[i];
        }
    }
    p[k] = '\0';
    return wn_str_make(p, k);
}

/* Collapse runs of ASCII whitespace to one space (text outside pre). */
static wn_str copy_collapsed(wn_doc *dst, wn_str s)
{
    char *p = wn_arena_alloc(&dst->arena, s.n + 1);
    size_t k = 0;
    bool sp = false;
    if (p == NULL)
        return wn_str_make(NULL, 0);
    for (size_t i = 0; i < s.n; i++) {
        unsigned char c = (unsigned char)s.p[i];
        if (c > ' ') {              /* the common case first: no space at all */
            p[k++] = (char)c;
            sp = false;
        } else if (wn_is_space(c)) {
            if (!sp)
                p[k++] = ' ';
            sp = true;
        } else {
            p[k++] = (char)c;
            sp = false;
        }
    }
    p[k] = '\0';
    return wn_str_make(p, k);
}

/* Digits only (an optional leading minus for ol start), at most 9 of them. */
static wn_str number_attr(const wn_node *el, const char *name, bool allow_minus)
{
    wn_str v = wn_dom_attr_value(el, name);
    size_t i = 0, s;
    while (i < v.n && wn_is_space((unsigned char)v.p[i]))
        i++;
    s = i;
    if (allow_minus && i < v.n && v.p[i] == '-')
        i++;
    size_t d = i;
    while (i < v.n && i - d < 9 && v.p[i] >= '0' && v.p[i] <= '9')
        i++;
    if (i == d)
        return wn_str_make(NULL, 0);
    return wn_str_make(v.p + s, i - s);
}

/* "language-X" from a class token language-X or lang-X. */
static int code_class(wn_doc *dst, const wn_node *el, wn_attr *a)
{
    wn_str cls = wn_dom_attr_value(el, "class");
    size_t i = 0;
    while (i < cls.n) {
        while (i < cls.n && wn_is_space((unsigned char)cls.p[i]))
            i++;
        size_t s = i;
        while (i < cls.n && !wn_is_space((unsigned char)cls.p[i]))
            i++;
        wn_str tok = wn_str_make(cls.p + s, i - s);
        size_t skip = 0;
        if (tok.n > 9 && memcmp(tok.p, "language-", 9) == 0)
            skip = 9;
        else if (tok.n > 5 && memcmp(tok.p, "lang-", 5) == 0)
            skip = 5;
        if (skip == 0)
            continue;
        size_t k = skip;
        while (k < tok.n && k - skip < 32) {
            char c = tok.p[k];
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                  c == '+' || c == '#' || c == '-' || c == '_' || c == '.'))
                break;
            k++;
        }
        if (k == skip)
            continue;
        size_t ln = k - skip;
        char *p = wn_arena_alloc(&dst->arena, 9 + ln + 1);
        if (p == NULL)
            return -1;
        memcpy(p, "language-", 9);
        memcpy(p + 9, tok.p + skip, ln);
        p[9 + ln] = '\0';
        a->name = WN_STR_LIT("class");
        a->value = wn_str_make(p, 9 + ln);
        a->ns = 0;
        return 1;
    }
    return 0;
}

/* Copy the allowed attributes of src onto the new element el. Returns 0, -1 on
 * OOM, or 1 when the element cannot be kept (a link or image without a safe URL). */
static int copy_attrs(wn_doc *dst, wn_node *el, const wn_node *src, url_ctx *urls)
{
    wn_attr at[3];
    uint32_t n = 0;
    size_t len = 0;
    const char *u;
    wn_str v;

    switch (el->tag) {
    case WN_TAG_A:
        if (wn_dom_attr(src, "href") == NULL)
            return 1;
        v = wn_dom_attr_value(src, "href");
        u = url_resolve(dst, urls, v, false, &len);
        if (u == NULL)
            return 1;
        at[n++] = (wn_attr){ WN_STR_LIT("href"), wn_str_make(u, len), 0 };
        break;
    case WN_TAG_IMG:
        v = image_source(src);
        if (v.n == 0)
            return 1;
        u = url_resolve(dst, urls, v, true, &len);
        if (u == NULL)
            return 1;
        at[n++] = (wn_attr){ WN_STR_LIT("src"), wn_str_make(u, len), 0 };
        for (int i = 0; i < 2; i++) {
            const char *name = i ? "title" : "alt";
            const wn_attr *a = wn_dom_attr(src, name);
            if (a == NULL)
                continue;
            wn_str c = copy_collapsed(dst, a->value);
            if (c.p == NULL)
                return -1;
            at[n++] = (wn_attr){ wn_str_make(name, strlen(name)), c, 0 };
        }
        break;
    case WN_TAG_TD: case WN_TAG_TH:
        for (int i = 0; i < 2; i++) {
            const char *name = i ? "rowspan" : "colspan";
            v = number_attr(src, name, false);
            if (v.n == 0)
                continue;
            wn_str c = copy_str(dst, v);
            if (c.p == NULL)
                return -1;
            at[n++] = (wn_attr){ wn_str_make(name, strlen(name)), c, 0 };
        }
        break;
    case WN_TAG_OL:
        v = number_attr(src, "start", true);
        if (v.n) {
            wn_str c = copy_str(dst, v);
            if (c.p == NULL)
                return -1;
            at[n++] = (wn_attr){ WN_STR_LIT("start"), c, 0 };
        }
        break;
    case WN_TAG_PRE: case WN_TAG_CODE: {
        int rc = code_class(dst, src, &at[n]);
        if (rc < 0)
            return -1;
        n += (uint32_t)rc;
        break;
    }
    default:
        break;
    }
    if (n && wn_dom_set_attrs(dst, el, at, n) != 0)
        return -1;
    return 0;
}

/* MARK: Pass 1: copy ---------------------------------------------------------- */

typedef struct frame {
    const wn_node *src;
    wn_node *saved_cur;   /* where copying continues after src */
    uint8_t act;
    uint8_t saved_pre;
    uint8_t scanned;      /* an inline element whose subtree holds no block */
} frame;

typedef struct copier {
    wn_doc *dst;
    url_ctx url;
    unsigned flags;
    wn_node *cur;         /* dst node receiving copies */
    bool in_pre;
    size_t scanned;       /* open inline elements known to hold no block */
    frame *stack;
    size_t depth, cap;
} copier;

static wn_node *new_el(wn_doc *d, unsigned tag)
{
    const char *name = wn_tag_name((uint16_t)tag);
    return wn_dom_new_element(d, WN_NS_HTML, (uint16_t)tag, wn_str_make(name, strlen(name)));
}

static int append_text(copier *c, const char *p, size_t n)
{
    wn_node *t = wn_dom_new_text(c->dst, wn_str_make(p, n));
    if (t == NULL)
        return -1;
    wn_dom_append(c->cur, t);
    return 0;
}

/* A paragraph boundary: a marker in block context, a space inside a line, a
 * newline inside pre. */
static int boundary(copier *c)
{
    if (c->in_pre)
        return append_text(c, "\n", 1);
    if (is_phrasing_container(c->cur))
        return append_text(c, " ", 1);
    if (c->cur->type == WN_NODE_ELEMENT && is_table_part(c->cur->tag))
        return 0;
    if (c->cur->last && (c->cur->last->flags & MARK_FLAG))
        return 0;
    wn_node *m = wn_dom_new_element(c->dst, WN_NS_HTML, WN_TAG_UNKNOWN, wn_str_make("", 0));
    if (m == NULL)
        return -1;
    m->flags |= MARK_FLAG;
    wn_dom_append(c->cur, m);
    return 0;
}

/* Does the inline element n hold a block (after cleaning)? Bounded scan; not
 * repeated below an inline element already scanned, whose subtree contains
 * this one's (so nesting costs nothing more). */
static bool holds_block(const wn_node *n, unsigned flags)
{
    size_t seen = 0;
    for (const wn_node *x = n->first ? n->first : NULL; x; ) {
        bool skip = false;
        if (++seen > SCAN_LIMIT)
            return false;
        if (x->type == WN_NODE_ELEMENT) {
            unsigned tag;
            action a = classify(x, flags, &tag);
            if ((x->flags & WN_NODE_FLAG_DROPPED) || a == ACT_DROP)
                skip = true;
            else if (a == ACT_BLOCK || (a == ACT_KEEP && !is_inline_tag(tag)))
                return true;
        }
        x = wn_dom_next(n, x, skip);
    }
    return false;
}

/* Is a kept block element allowed directly in c->cur? */
static bool block_fits(const copier *c, unsigned tag)
{
    const wn_node *cur = c->cur;
    unsigned ct = cur->type == WN_NODE_ELEMENT ? cur->tag : 0;
    if (c->in_pre || is_phrasing_container(cur))
        return false;
    switch (tag) {
    case WN_TAG_LI:
        return ct == WN_TAG_UL || ct == WN_TAG_OL;
    case WN_TAG_DT: case WN_TAG_DD:
        return ct == WN_TAG_DL;
    case WN_TAG_TR:
        return ct == WN_TAG_TABLE || ct == WN_TAG_THEAD || ct == WN_TAG_TBODY || ct == WN_TAG_TFOOT;
    case WN_TAG_TD: case WN_TAG_TH:
        return ct == WN_TAG_TR;
    case WN_TAG_THEAD: case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_CAPTION:
        return ct == WN_TAG_TABLE;
    case WN_TAG_FIGCAPTION:
        return ct == WN_TAG_FIGURE;
    default:
        return !is_table_part(ct);
    }
}

static int push(copier *c, const wn_node *src, action act)
{
    if (c->depth == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 64;
        frame *s = realloc(c->stack, cap * sizeof *s);
        if (s == NULL)
            return -1;
        c->stack = s;
        c->cap = cap;
    }
    c->stack[c->depth++] = (frame){ src, c->cur, (uint8_t)act, (uint8_t)c->in_pre, 0 };
    return 0;
}

/* Enter source node n. Returns 1 to descend into its children, 0 to skip them, -1 on OOM. */
static int enter(copier *c, const wn_node *n)
{
    unsigned tag;
    action act;

    if (n->flags & WN_NODE_FLAG_DROPPED)
        return 0;
    if (n->type == WN_NODE_TEXT) {
        if (n->text.n == 0)
            return 0;
        wn_str s = c->in_pre ? copy_pre(c->dst, n->text) : copy_collapsed(c->dst, n->text);
        if (s.p == NULL)
            return -1;
        return append_text(c, s.p, s.n) ? -1 : 0;
    }
    if (n->type == WN_NODE_DOCUMENT)
        return n->first ? (push(c, n, ACT_UNWRAP) ? -1 : 1) : 0;
    if (n->type != WN_NODE_ELEMENT)
        return 0;   /* comments, doctypes */
    if (c->depth >= MAX_STACK)
        return 0;

    act = classify(n, c->flags, &tag);
    if (act == ACT_DROP)
        return 0;
    if (c->in_pre && act == ACT_KEEP) {
        /* Inside pre only the text matters (and code's language class). */
        if (tag == WN_TAG_BR)
            return append_text(c, "\n", 1) ? -1 : 0;
        if (tag == WN_TAG_IMG)
            return 0;
        if (!(tag == WN_TAG_CODE && wn_is_html(c->cur, WN_TAG_PRE)))
            act = is_inline_tag(tag) ? ACT_UNWRAP : ACT_BLOCK;
    } else if (act == ACT_KEEP && is_inline_tag(tag)) {
        if (tag != WN_TAG_BR && tag != WN_TAG_IMG && c->scanned == 0 && holds_block(n, c->flags))
            act = ACT_UNWRAP;   /* <a><h3>..</h3><p>..</p></a>: keep the structure, lose the link */
    } else if (act == ACT_KEEP && !block_fits(c, tag)) {
        act = ACT_BLOCK;
    }

    if (act == ACT_KEEP) {
        wn_node *el = new_el(c->dst, tag);
        if (el == NULL)
            return -1;
        int rc = copy_attrs(c->dst, el, n, &c->url);
        if (rc < 0)
            return -1;
        if (rc > 0) {
            if (tag == WN_TAG_IMG)
                return 0;       /* no safe source: nothing to show */
            act = ACT_UNWRAP;   /* a link without a safe href: keep its text */
        } else {
            wn_dom_append(c->cur, el);
            if (tag == WN_TAG_BR || tag == WN_TAG_IMG || tag == WN_TAG_HR || n->first == NULL)
                return 0;
            if (push(c, n, act))
                return -1;
            c->cur = el;
            if (tag == WN_TAG_PRE)
                c->in_pre = true;
            if (is_inline_tag(tag)) {
                c->stack[c->depth - 1].scanned = 1;
                c->scanned++;
            }
            return 1;
        }
    }
    if (n->first == NULL)
        return 0;
    if (act == ACT_BLOCK && boundary(c))
        return -1;
    if (push(c, n, act))
        return -1;
    return 1;
}

static int leave(copier *c, const wn_node *n)
{
    if (c->depth == 0 || c->stack[c->depth - 1].src != n)
        return 0;
    frame f = c->stack[--c->depth];
    c->cur = f.saved_cur;
    c->scanned -= f.scanned;
    c->in_pre = f.saved_pre;
    if (f.act == ACT_BLOCK)
        return boundary(c);
    return 0;
}

static int copy_tree(copier *c, const wn_node *src)
{
    const wn_node *n = src;
    while (n) {
        int rc = enter(c, n);
        if (rc < 0)
            return -1;
        if (rc > 0 && n->first) {
            n = n->first;
            continue;
        }
        for (;;) {
            if (leave(c, n))
                return -1;
            if (n == src)
                return 0;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
    return 0;
}

/* MARK: Pass 2: paragraphs --------------------------------------------------- */

static bool is_mark(const wn_node *n)
{
    return n->type == WN_NODE_ELEMENT && (n->flags & MARK_FLAG);
}

static bool blank_text(const wn_node *n)
{
    if (n->type != WN_NODE_TEXT)
        return false;
    for (size_t i = 0; i < n->text.n; i++)
        if (!wn_is_space((unsigned char)n->text.p[i]))
            return false;
    return true;
}

/* A br followed (past blank text) by another br: an old-style paragraph break. */
static bool double_br(const wn_node *n)
{
    if (!wn_is_html(n, WN_TAG_BR))
        return false;
    const wn_node *x = n->next;
    while (x && blank_text(x))
        x = x->next;
    return x && wn_is_html(x, WN_TAG_BR);
}

/* Is this child a run boundary? Blocks and markers; double br too. */
static bool breaks_run(const wn_node *n)
{
    return is_mark(n) || !inline_node(n) || double_br(n);
}

/* Does the run [a, b) have visible content (text or an image)? */
static bool run_has_content(const wn_node *a, const wn_node *b)
{
    for (const wn_node *x = a; x != b; x = x->next)
        for (const wn_node *y = x; y; y = wn_dom_next(x, y, false)) {
            if (y->type == WN_NODE_TEXT && !blank_text(y))
                return true;
            if (wn_is_html(y, WN_TAG_IMG))
                return true;
        }
    return false;
}

/* Remove the boundary at n (a marker, or a br br pair with blanks between);
 * returns the node after it. */
static wn_node *drop_boundary(wn_node *n)
{
    wn_node *next = n->next;
    if (is_mark(n)) {
        wn_dom_remove(n);
        return next;
    }
    while (n && (wn_is_html(n, WN_TAG_BR) || blank_text(n))) {
        next = n->next;
        wn_dom_remove(n);
        n = next;
    }
    return n;
}

/* Does x belong to a run? For paragraphs: inline nodes; for lists: anything
 * but li. Markers and br br pairs end runs in both. */
static bool run_member(const wn_node *x, unsigned wrap_tag)
{
    if (is_mark(x) || double_br(x))
        return false;
    if (wrap_tag == WN_TAG_LI)
        return !wn_is_html(x, WN_TAG_LI);
    return inline_node(x);
}

/* Group the inline children of a flow container into paragraphs (wrap_tag =
 * p), or the stray children of a list into items (wrap_tag = li). Blank runs
 * disappear. */
static int wrap_runs(wn_doc *d, wn_node *box, unsigned wrap_tag)
{
    wn_node *x = box->first;
    while (x) {
        if (!run_member(x, wrap_tag)) {
            x = (is_mark(x) || double_br(x)) ? drop_boundary(x) : x->next;
            continue;
        }
        wn_node *end = x;
        while (end && run_member(end, wrap_tag))
            end = end->next;
        if (!run_has_content(x, end)) {
            while (x != end) {
                wn_node *nx = x->next;
                wn_dom_remove(x);
                x = nx;
            }
            continue;
        }
        wn_node *p;
        if (wrap_tag == WN_TAG_LI && x->prev && wn_is_html(x->prev, WN_TAG_LI) &&
            (wn_is_html(x, WN_TAG_UL) || wn_is_html(x, WN_TAG_OL))) {
            p = x->prev;   /* <ul><li>a</li><ul>..</ul></ul>: the sublist belongs to a */
        } else {
            p = new_el(d, wrap_tag);
            if (p == NULL)
                return -1;
            wn_dom_insert_before(box, p, x);
        }
        while (x != end) {
            wn_node *nx = x->next;
            wn_dom_append(p, x);
            x = nx;
        }
    }
    return 0;
}

/* In li/dd: several separated inline runs become paragraphs; one stays inline. */
static int item_runs(wn_doc *d, wn_node *box)
{
    int runs = 0;
    bool in_run = false;
    wn_node *start = NULL;
    for (wn_node *x = box->first; x; x = x->next) {
        if (breaks_run(x)) {
            if (in_run && run_has_content(start, x))
                runs++;
            in_run = false;
        } else if (!in_run) {
            in_run = true;
            start = x;
        }
    }
    if (in_run && run_has_content(start, NULL))
        runs++;
    if (runs >= 2)
        return wrap_runs(d, box, WN_TAG_P);
    for (wn_node *x = box->first; x;) {
        wn_node *nx = x->next;
        if (is_mark(x))
            wn_dom_remove(x);
        x = nx;
    }
    return 0;
}

/* Elsewhere (cells, figures, table parts) a marker just separates words. */
static int marks_to_spaces(wn_doc *d, wn_node *box)
{
    for (wn_node *x = box->first; x;) {
        wn_node *nx = x->next;
        if (is_mark(x)) {
            wn_node *t = wn_dom_new_text(d, WN_STR_LIT(" "));
            if (t == NULL)
                return -1;
            wn_dom_insert_before(box, t, x);
            wn_dom_remove(x);
        }
        x = nx;
    }
    return 0;
}

static int paragraphs(wn_doc *d, wn_node *root)
{
    for (wn_node *n = root; n; n = wn_dom_next(root, n, false)) {
        int rc = 0;
        if (n->type == WN_NODE_DOCUMENT || wn_is_html(n, WN_TAG_BLOCKQUOTE))
            rc = wrap_runs(d, n, WN_TAG_P);
        else if (wn_is_html(n, WN_TAG_UL) || wn_is_html(n, WN_TAG_OL))
            rc = wrap_runs(d, n, WN_TAG_LI);
        else if (wn_is_html(n, WN_TAG_LI) || wn_is_html(n, WN_TAG_DD))
            rc = item_runs(d, n);
        else if (n->type == WN_NODE_ELEMENT && n->first)
            rc = marks_to_spaces(d, n);
        if (rc)
            return -1;
    }
    return 0;
}

/* MARK: Pass 3: whitespace --------------------------------------------------- */

typedef struct trim_state {
    bool space_ok;      /* a space here would separate two visible things */
    wn_node *tail;      /* last text, when it ends with a space */
} trim_state;

static void line_break(trim_state *s)
{
    if (s->tail) {
        s->tail->text.n--;   /* its last byte is the collapsed space */
        s->tail = NULL;
    }
    s->space_ok = false;
}

static void trim_spaces(wn_node *root)
{
    trim_state s = { false, NULL };
    wn_node *n = root->first;
    while (n) {
        bool descend = true;
        if (n->type == WN_NODE_TEXT) {
            if (n->text.n && n->text.p[0] == ' ' && !s.space_ok) {
                n->text.p++;
                n->text.n--;
            }
            if (n->text.n) {
                bool sp = n->text.p[n->text.n - 1] == ' ';
                s.tail = sp ? n : NULL;
                s.space_ok = !sp;
            }
        } else if (wn_is_html(n, WN_TAG_IMG)) {
            s.tail = NULL;
            s.space_ok = true;
        } else if (n->type == WN_NODE_ELEMENT && (!inline_node(n) || n->tag == WN_TAG_BR)) {
            line_break(&s);
            descend = !wn_is_html(n, WN_TAG_PRE);   /* pre text stays verbatim */
        }
        if (descend && n->first) {
            n = n->first;
            continue;
        }
        for (;;) {   /* leaving n, and then each ancestor without a next sibling */
            if (n->type == WN_NODE_ELEMENT && !inline_node(n))
                line_break(&s);
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
            if (n == NULL || n == root) {
                n = NULL;
                break;
            }
        }
    }
    line_break(&s);
}

/* MARK: Pass 4: prune ---------------------------------------------------------- */

static bool only_breaks(const wn_node *n)
{
    for (const wn_node *c = n->first; c; c = c->next)
        if (!wn_is_html(c, WN_TAG_BR) && !(c->type == WN_NODE_TEXT && c->text.n == 0) && !is_mark(c))
            return false;
    return true;
}

static bool prunable(const wn_node *n)
{
    if (n->type == WN_NODE_TEXT)
        return n->text.n == 0;
    if (n->type != WN_NODE_ELEMENT)
        return true;
    if (is_mark(n))
        return true;
    switch (n->tag) {
    case WN_TAG_IMG: case WN_TAG_HR: case WN_TAG_TD: case WN_TAG_TH:
        return false;
    case WN_TAG_BR:
        return false;   /* trim_breaks handles the ends of blocks */
    default:
        return n->first == NULL || only_breaks(n);
    }
}

static wn_node *deepest_first(wn_node *n)
{
    while (n->first)
        n = n->first;
    return n;
}

/* Breaks (and emptied text) at either end of a block show nothing. */
static void trim_breaks(wn_node *block)
{
    for (int end = 0; end < 2; end++) {
        for (;;) {
            wn_node *x = end ? block->last : block->first;
            if (x == NULL || !(wn_is_html(x, WN_TAG_BR) || is_mark(x) ||
                               (x->type == WN_NODE_TEXT && x->text.n == 0)))
                break;
            wn_dom_remove(x);
        }
    }
}

static void prune(wn_node *root)
{
    if (root->first == NULL)
        return;
    wn_node *n = deepest_first(root->first);
    while (n != root) {
        wn_node *next = n->next ? deepest_first(n->next) : n->parent;
        if (n->type == WN_NODE_ELEMENT && !inline_node(n))
            trim_breaks(n);
        if (prunable(n))
            wn_dom_remove(n);
        n = next;
    }
}

/* MARK: Entry point ---------------------------------------------------------- */

wn_node *wn_clean_clone(wn_doc *dst, const wn_node *src, const char *base_url, unsigned flags)
{
    copier c;
    wn_node *frag = wn_dom_new_fragment(dst);
    if (frag == NULL)
        return NULL;
    if (src == NULL)
        return frag;
    memset(&c, 0, sizeof c);
    c.dst = dst;
    if (base_url != NULL)
        url_split(base_url, strlen(base_url), &c.url.base);
    c.flags = flags;
    c.cur = frag;
    int rc = copy_tree(&c, src);
    free(c.stack);
    wn_buf_fini(&c.url.raw);
    wn_buf_fini(&c.url.out);
    wn_buf_fini(&c.url.merged);
    if (rc != 0)
        return NULL;
    if (paragraphs(dst, frag) != 0)
        return NULL;
    trim_spaces(frag);
    prune(frag);
    return frag;
}
