/*
 * json.c: the JSON renderer (one object, keys in a fixed order, unknown
 * values as null and lists as []) and the string escaper shared with the
 * WARC JSON-lines writer. Output is one line without a trailing newline.
 */
#include <string.h>

#include "render/render.h"
#include "render/render_internal.h"

/* MARK: Article object ----------------------------------------------------------- */

static int buf_sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}

static void put_key(wn_buf *b, bool *first, const char *key)
{
    if (!*first)
        wn_buf_putc(b, ',');
    *first = false;
    wn_buf_putc(b, '"');
    wn_buf_puts(b, key);
    wn_buf_puts(b, "\":");
}

/* A string value, or null; trailing newlines are not part of a value. */
static void put_str(wn_buf *b, const char *s, size_t n, bool trim)
{
    if (s == NULL) {
        wn_buf_puts(b, "null");
        return;
    }
    while (trim && n > 0 && s[n - 1] == '\n')
        n--;
    wn_buf_putc(b, '"');
    wn_json_escape(b, s, n);
    wn_buf_putc(b, '"');
}

static void put_field(wn_buf *b, bool *first, const char *key, const char *v)
{
    put_key(b, first, key);
    put_str(b, v, v ? strlen(v) : 0, false);
}

static void put_list(wn_buf *b, bool *first, const char *key, const char **v, size_t n)
{
    put_key(b, first, key);
    wn_buf_putc(b, '[');
    for (size_t i = 0; i < n; i++) {
        if (i)
            wn_buf_putc(b, ',');
        put_str(b, v[i], v[i] ? strlen(v[i]) : 0, false);
    }
    wn_buf_putc(b, ']');
}

/* A rendering of frag as a string value (null when there is no fragment). */
static wn_status put_rendered(wn_buf *b, wn_buf *tmp, const wn_node *frag,
                              wn_status (*fn)(const wn_node *, unsigned, wn_sink_fn, void *),
                              unsigned flags)
{
    if (frag == NULL) {
        wn_buf_puts(b, "null");
        return WN_OK;
    }
    wn_buf_clear(tmp);
    wn_status st = fn(frag, flags, buf_sink, tmp);
    if (st != WN_OK)
        return st == WN_ERR_IO ? WN_ERR_NOMEM : st;
    put_str(b, tmp->p ? tmp->p : "", tmp->n, true);
    return WN_OK;
}

wn_status wn_render_json(const wn_article *a, unsigned flags, wn_sink_fn sink, void *ctx)
{
    wn_buf b, tmp;
    wn_status st = WN_OK;
    bool first = true;
    const wn_meta *m = &a->meta;

    wn_buf_init(&b, 0);
    wn_buf_init(&tmp, 0);
    wn_buf_putc(&b, '{');
    put_field(&b, &first, "title", m->title);
    put_field(&b, &first, "author", m->author);
    put_field(&b, &first, "date", m->date);
    put_field(&b, &first, "date_modified", m->date_modified);
    put_field(&b, &first, "sitename", m->sitename);
    put_field(&b, &first, "description", m->description);
    put_field(&b, &first, "language", m->language);
    put_field(&b, &first, "url", m->url);
    put_list(&b, &first, "categories", m->categories, m->ncategories);
    put_list(&b, &first, "tags", m->tags, m->ntags);
    put_field(&b, &first, "image", m->image);
    put_field(&b, &first, "license", m->license);
    put_field(&b, &first, "encoding", a->encoding);
    put_field(&b, &first, "page_type", a->page_type ? wn_page_type_name(a->page_type) : NULL);
    put_key(&b, &first, "text");
    if (a->text)
        put_str(&b, a->text, strlen(a->text), true);
    else if (a->body)
        st = put_rendered(&b, &tmp, a->body, wn_render_text, 0);
    else
        wn_buf_puts(&b, "\"\"");   /* no article: empty text, never null */
    if (st == WN_OK && (flags & WN_RENDER_JSON_MARKDOWN)) {
        put_key(&b, &first, "markdown");
        st = put_rendered(&b, &tmp, a->body, wn_render_markdown, flags);
    }
    if (st == WN_OK && (flags & WN_RENDER_JSON_HTML)) {
        put_key(&b, &first, "html");
        wn_buf_clear(&tmp);
        st = wn_render_html(a->body, a, flags, buf_sink, &tmp);
        if (st == WN_OK)
            put_str(&b, tmp.p ? tmp.p : "", tmp.n, true);
        else if (st == WN_ERR_IO)
            st = WN_ERR_NOMEM;
    }
    if (st == WN_OK && (flags & WN_RENDER_COMMENTS)) {
        /* No comments found is unknown, as every absent value: null, never "". */
        put_key(&b, &first, "comments");
        wn_buf_clear(&tmp);
        if (a->comments)
            st = wn_render_text(a->comments, 0, buf_sink, &tmp);
        size_t n = tmp.n;
        while (n > 0 && (tmp.p[n - 1] == '\n' || tmp.p[n - 1] == ' '))
            n--;
        if (st == WN_OK)
            put_str(&b, n ? tmp.p : NULL, n, false);
        else if (st == WN_ERR_IO)
            st = WN_ERR_NOMEM;
    }
    wn_buf_putc(&b, '}');
    if (st == WN_OK && b.failed)
        st = WN_ERR_NOMEM;
    if (st == WN_OK && sink(ctx, b.p, b.n) != 0)
        st = WN_ERR_IO;
    wn_buf_fini(&b);
    wn_buf_fini(&tmp);
    return st;
}
