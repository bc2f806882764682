/*
 * html.c: the safe HTML renderer. Writes the cleaned tree inside <article>,
 * one block per line; wn_render(WN_FMT_HTML) wraps that in a whole document
 * with the title, language and direction. It trusts nothing: only the cleaned
 * vocabulary and its attributes are written (anything else is reduced to its
 * text), URLs are checked again, and every text and attribute value is escaped.
 * Links and images are written only when asked for (WN_RENDER_LINKS / _IMAGES).
 */
#include <string.h>

#include "render/render.h"
#include "render/render_internal.h"

static bool allowed_tag(unsigned tag)
{
    switch (tag) {
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
    case WN_TAG_H6: case WN_TAG_P: case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_LI:
    case WN_TAG_BLOCKQUOTE: case WN_TAG_PRE: case WN_TAG_CODE: case WN_TAG_TABLE:
    case WN_TAG_THEAD: case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_TR: case WN_TAG_TH:
    case WN_TAG_TD: case WN_TAG_CAPTION: case WN_TAG_FIGURE: case WN_TAG_FIGCAPTION:
    case WN_TAG_IMG: case WN_TAG_A: case WN_TAG_EM: case WN_TAG_STRONG: case WN_TAG_B:
    case WN_TAG_I: case WN_TAG_U: case WN_TAG_S: case WN_TAG_SUB: case WN_TAG_SUP:
    case WN_TAG_BR: case WN_TAG_HR: case WN_TAG_DL: case WN_TAG_DT: case WN_TAG_DD:
        return true;
    default:
        return false;
    }
}

/* Containers whose start tag ends a line (their children are blocks). */
static bool opens_line(unsigned tag)
{
    switch (tag) {
    case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_BLOCKQUOTE: case WN_TAG_TABLE:
    case WN_TAG_THEAD: case WN_TAG_TBODY: case WN_TAG_TFOOT: case WN_TAG_TR:
    case WN_TAG_FIGURE: case WN_TAG_DL:
        return true;
    default:
        return false;
    }
}

static void escape(wn_out *o, const char *p, size_t n)
{
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        const char *rep;
        switch (p[i]) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: continue;
        }
        wn_out_put(o, p + run, i - run);
        wn_out_puts(o, rep);
        run = i + 1;
    }
    wn_out_put(o, p + run, n - run);
}

/* Second line of defence behind the cleaner: no script-capable URL. */
static bool safe_url(wn_str v, bool image)
{
    size_t i = 0;
    while (i < v.n && (unsigned char)v.p[i] <= 0x20)
        i++;
    size_t s = i;
    while (i < v.n && v.p[i] != ':' && v.p[i] != '/' && v.p[i] != '?' && v.p[i] != '#')
        i++;
    if (i == v.n || v.p[i] != ':' || i == s)
        return true;   /* relative */
    for (size_t k = s; k < i; k++) {
        char c = v.p[k];
        bool alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        if (!(alpha || (k > s && ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))))
            return true;   /* not a scheme (RFC 3986 section 3.1): a relative reference */
    }
    wn_str scheme = wn_str_make(v.p + s, i - s);
    if (wn_str_ieq(scheme, "http") || wn_str_ieq(scheme, "https"))
        return true;
    if (image && wn_str_ieq(scheme, "data")) {
        /* raster types only, as the cleaner allows */
        static const char *const types[] = { "image/png", "image/jpeg", "image/jpg", "image/gif",
                                             "image/webp", "image/avif", "image/bmp" };
        wn_str rest = wn_str_make(v.p + i + 1, v.n - i - 1);
        for (size_t t = 0; t < sizeof types / sizeof types[0]; t++) {
            size_t k = strlen(types[t]);
            if (rest.n > k && wn_str_ieq(wn_str_make(rest.p, k), types[t]) &&
                (rest.p[k] == ';' || rest.p[k] == ','))
                return true;
        }
        return false;
    }
    if (image)
        return false;
    return wn_str_ieq(scheme, "ftp") || wn_str_ieq(scheme, "mailto") || wn_str_ieq(scheme, "tel");
}

static void attr(wn_out *o, const wn_node *n, const char *name)
{
    const wn_attr *a = wn_dom_attr(n, name);
    if (a == NULL)
        return;
    if ((!strcmp(name, "href") || !strcmp(name, "src")) &&
        !safe_url(a->value, n->tag == WN_TAG_IMG))
        return;
    wn_out_putc(o, ' ');
    wn_out_puts(o, name);
    wn_out_puts(o, "=\"");
    escape(o, a->value.p, a->value.n);
    wn_out_putc(o, '"');
}

/* A lang / dir attribute; nothing when v is NULL or empty. */
static void attr_value(wn_out *o, const char *name, const char *v)
{
    if (v == NULL || *v == '\0')
        return;
    wn_out_putc(o, ' ');
    wn_out_puts(o, name);
    wn_out_puts(o, "=\"");
    escape(o, v, strlen(v));
    wn_out_putc(o, '"');
}

/* Primary language subtags whose usual script is written right to left (Arabic,
 * Hebrew, Thaana, Syriac and N'Ko scripts), for pages that state a language but
 * no dir: without dir="rtl" a browser lays their text out backwards. */
static const char *const rtl_languages[] = {
    "ar", "arc", "azb", "bal", "ckb", "dv", "fa", "glk", "he", "iw", "ji", "khw",
    "ks", "lrc", "mzn", "nqo", "pnb", "prs", "ps", "sd", "skr", "syr", "ug", "ur", "yi",
};

/* Script subtags (ISO 15924) written right to left; a script subtag decides
 * over the language ("az-Arab" is rtl, "ku-Latn" is not). */
static const char *const rtl_scripts[] = {
    "adlm", "arab", "hebr", "mand", "nkoo", "rohg", "samr", "syrc", "thaa",
};

static bool in_list(wn_str v, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (wn_str_ieq(v, list[i]))
            return true;
    return false;
}

/* "rtl" when a BCP 47 tag names a right-to-left script or language, else NULL. */
static const char *direction_of_language(const char *tag)
{
    if (tag == NULL)
        return NULL;
    wn_str primary = wn_str_make(NULL, 0);
    for (const char *p = tag; *p;) {
        size_t k = strcspn(p, "-_");
        wn_str sub = wn_str_make(p, k);
        if (primary.p == NULL)
            primary = sub;
        else if (k == 4)   /* the script subtag: it decides */
            return in_list(sub, rtl_scripts, sizeof rtl_scripts / sizeof *rtl_scripts) ? "rtl" : NULL;
        p += k;
        if (*p)
            p++;
    }
    return primary.n && in_list(primary, rtl_languages, sizeof rtl_languages / sizeof *rtl_languages)
               ? "rtl" : NULL;
}

static const char *direction(const wn_article *a)
{
    return a->dir ? a->dir : direction_of_language(a->meta.language);
}

static void start_tag(wn_out *o, const wn_node *n)
{
    wn_out_putc(o, '<');
    wn_out_puts(o, wn_tag_name(n->tag));
    switch (n->tag) {
    case WN_TAG_A:
        attr(o, n, "href");
        break;
    case WN_TAG_IMG:
        attr(o, n, "src");
        attr(o, n, "alt");
        attr(o, n, "title");
        break;
    case WN_TAG_TD: case WN_TAG_TH:
        attr(o, n, "colspan");
        attr(o, n, "rowspan");
        break;
    case WN_TAG_OL:
        attr(o, n, "start");
        break;
    case WN_TAG_PRE: case WN_TAG_CODE: {
        wn_str c = wn_dom_attr_value(n, "class");
        if (c.n > 9 && memcmp(c.p, "language-", 9) == 0)
            attr(o, n, "class");
        break;
    }
    default:
        break;
    }
    wn_out_putc(o, '>');
}

/* The cleaned tree's elements, one block per line, without a wrapper. */
static void write_tree(wn_out *o, const wn_node *frag, unsigned flags)
{
    wn_walk w;
    wn_walk_init(&w, frag);
    while (frag && wn_walk_next(&w)) {
        const wn_node *n = w.node;
        if (n->type == WN_NODE_TEXT) {
            if (w.entering)
                escape(o, n->text.p, n->text.n);
            continue;
        }
        if (n->type != WN_NODE_ELEMENT || n->ns != WN_NS_HTML || !allowed_tag(n->tag))
            continue;   /* unknown: its text only */
        if (n->tag == WN_TAG_A && !(flags & WN_RENDER_LINKS))
            continue;   /* the link's text only */
        if (n->tag == WN_TAG_IMG && !(flags & WN_RENDER_IMAGES)) {
            if (w.entering)
                wn_walk_skip(&w);
            continue;
        }
        bool is_void = n->tag == WN_TAG_BR || n->tag == WN_TAG_IMG || n->tag == WN_TAG_HR;
        if (w.entering) {
            start_tag(o, n);
            if (n->tag == WN_TAG_PRE) {
                /* the parser drops a newline right after <pre>: double it */
                const wn_node *t = n->first;
                while (t && t->type == WN_NODE_ELEMENT && t->first)
                    t = t->first;
                if (t && t->type == WN_NODE_TEXT && t->text.n && t->text.p[0] == '\n')
                    wn_out_putc(o, '\n');
            }
            if (opens_line(n->tag) || n->tag == WN_TAG_HR)
                wn_out_putc(o, '\n');
            if (is_void)
                wn_walk_skip(&w);
        } else if (!is_void) {
            wn_out_puts(o, "</");
            wn_out_puts(o, wn_tag_name(n->tag));
            wn_out_putc(o, '>');
            if (!wn_render_is_inline(n))
                wn_out_putc(o, '\n');
        }
    }
}

wn_status wn_render_html(const wn_node *frag, const wn_article *a, unsigned flags,
                         wn_sink_fn sink, void *ctx)
{
    wn_out o;
    wn_out_init(&o, sink, ctx);
    wn_out_puts(&o, "<article");
    if (a) {
        attr_value(&o, "lang", a->meta.language);
        attr_value(&o, "dir", direction(a));
    }
    wn_out_puts(&o, ">\n");
    write_tree(&o, frag, flags);
    wn_out_puts(&o, "</article>\n");
    return wn_out_finish(&o);
}

wn_status wn_render_html_document(const wn_article *a, unsigned flags, wn_sink_fn sink,
                                  void *ctx)
{
    wn_out o;
    wn_out_init(&o, sink, ctx);
    wn_out_puts(&o, "<!DOCTYPE html>\n<html");
    attr_value(&o, "lang", a->meta.language);
    attr_value(&o, "dir", direction(a));
    /* The output is UTF-8 whatever the page was: say so, or a browser opening
     * the file guesses a legacy encoding. */
    wn_out_puts(&o, ">\n<head>\n<meta charset=\"utf-8\">\n");
    if (a->meta.title && *a->meta.title) {
        wn_out_puts(&o, "<title>");
        escape(&o, a->meta.title, strlen(a->meta.title));
        wn_out_puts(&o, "</title>\n");
    }
    wn_out_puts(&o, "</head>\n<body>\n<article>\n");
    write_tree(&o, a->body, flags);
    wn_out_puts(&o, "</article>\n");
    if ((flags & WN_RENDER_COMMENTS) && a->comments && a->comments->first) {
        wn_out_puts(&o, "<section class=\"comments\">\n<h2>Comments</h2>\n");
        write_tree(&o, a->comments, flags);
        wn_out_puts(&o, "</section>\n");
    }
    wn_out_puts(&o, "</body>\n</html>\n");
    return wn_out_finish(&o);
}
