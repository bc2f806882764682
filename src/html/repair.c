/*
 * repair.c: repairs of a parsed tree for reading, where parsing as the
 * standard says (scripting off) gives a tree unlike what browsers show.
 * Extraction applies them; the parser's own output stays conformant.
 */
#include <string.h>

#include "html/parser.h"

/* MARK: Streamed parts --------------------------------------------------------- */

/* Pages rendered by streaming servers (React's) send the page first with a
 * placeholder where a slow part goes, an empty <template id="B:0"> (or
 * "P:0"), and that part later at the end of the body in a
 * <div hidden id="S:0">, with a script call that moves it into place:
 * $RC("B:0","S:0") (or $RR with styles; $RS("S:1","P:1") for a segment).
 * Browsers run the script and show the part where the placeholder is; without
 * it the part stays hidden, and on many such pages it is the whole article.
 * The calls are read from the inline scripts; a page saved without them pairs
 * B:n with S:n, as the server numbers them on such pages. */

#define STREAM_MAX_PARTS 512   /* placeholders, and hidden parts, tracked per page */
#define STREAM_MAX_SCRIPTS 256 /* inline scripts with calls read per page */
#define STREAM_ID_MAX 32       /* longest "B:123" / "S:4a" id read from a call */

typedef struct stream_part {
    wn_str id;
    wn_node *node;
} stream_part;

typedef struct stream_parts {
    stream_part place[STREAM_MAX_PARTS];   /* <template id="B:n|P:n"> */
    stream_part part[STREAM_MAX_PARTS];    /* <div hidden id="S:n"> */
    wn_str script[STREAM_MAX_SCRIPTS];     /* inline script text holding "$R" */
    size_t nplace, npart, nscript;
} stream_parts;

static bool stream_id(wn_str id, char kind)
{
    return id.n >= 3 && id.n <= STREAM_ID_MAX && id.p[0] == kind && id.p[1] == ':';
}

static wn_node *stream_find(const stream_part *list, size_t n, wn_str id)
{
    for (size_t i = 0; i < n; i++)
        if (list[i].id.n == id.n && memcmp(list[i].id.p, id.p, id.n) == 0)
            return list[i].node;
    return NULL;
}

/* A comment that opens ("$", "$?", "$!") or closes ("/$") a streamed boundary. */
static int boundary_mark(const wn_node *x)
{
    if (x->type != WN_NODE_COMMENT || x->text.n == 0 || x->text.n > 2)
        return 0;
    if (x->text.p[0] == '$')
        return 1;
    return x->text.n == 2 && x->text.p[0] == '/' && x->text.p[1] == '$' ? -1 : 0;
}

/* Put the children of part where placeholder is. A boundary's fallback (a
 * loading skeleton between the placeholder and its closing comment) goes, as
 * the browser's script removes it. Refused when either was placed already or
 * the part holds the placeholder (moving it would make a cycle). */
static bool stream_place(wn_node *placeholder, wn_node *part, bool boundary)
{
    if (placeholder == NULL || part == NULL || placeholder->parent == NULL || part->parent == NULL)
        return false;
    for (const wn_node *a = placeholder; a; a = a->parent)
        if (a == part)
            return false;
    wn_node *parent = placeholder->parent, *end = NULL;
    if (boundary) {
        int depth = 0;
        for (wn_node *x = placeholder->next; x; x = x->next) {
            depth += boundary_mark(x);
            if (depth < 0) {
                end = x;
                break;
            }
        }
        while (end && placeholder->next != end)
            wn_dom_remove(placeholder->next);
    }
    while (part->first)
        wn_dom_insert_before(parent, part->first, placeholder);
    wn_dom_remove(placeholder);
    wn_dom_remove(part);
    return true;
}

/* The two quoted ids of a call at p ("(\"B:0\",\"S:0\""), in a and b. */
static const char *read_call(const char *p, const char *e, wn_str *a, wn_str *b)
{
    wn_str *out[2] = { a, b };
    for (int k = 0; k < 2; k++) {
        while (p < e && (*p == ' ' || *p == ',' || (k == 0 && *p == '(')))
            p++;
        if (p >= e || (*p != '"' && *p != '\''))
            return NULL;
        char q = *p++;
        const char *s = p;
        while (p < e && *p != q && p - s <= STREAM_ID_MAX)
            p++;
        if (p >= e || *p != q)
            return NULL;
        *out[k] = wn_str_make(s, (size_t)(p - s));
        p++;
    }
    return p;
}

/* Apply the $RC / $RR / $RS calls of one inline script, in order. */
static size_t stream_calls(stream_parts *s, wn_str code)
{
    size_t placed = 0;
    const char *p = code.p, *e = code.p + code.n;
    while ((p = memchr(p, '$', (size_t)(e - p))) != NULL) {
        if (e - p < 4 || p[1] != 'R' || p[3] != '(' || (p[2] != 'C' && p[2] != 'R' && p[2] != 'S')) {
            p++;
            continue;
        }
        bool segment = p[2] == 'S';
        wn_str a, b;
        const char *next = read_call(p + 3, e, &a, &b);
        if (next == NULL) {
            p += 4;
            continue;
        }
        /* $RC / $RR (boundary, part); $RS (part, placeholder) */
        wn_str place = segment ? b : a, part = segment ? a : b;
        if (stream_id(part, 'S') && stream_id(place, segment ? 'P' : 'B'))
            placed += stream_place(stream_find(s->place, s->nplace, place),
                                   stream_find(s->part, s->npart, part), !segment);
        p = next;
    }
    return placed;
}

/* Note x when it is a placeholder or a hidden part; s is allocated at the
 * first one (most pages have none). */
static void stream_note(wn_doc *d, stream_parts **sp, wn_node *x)
{
    bool tmpl = x->tag == WN_TAG_TEMPLATE;
    if (x->type != WN_NODE_ELEMENT || x->ns != WN_NS_HTML || (!tmpl && x->tag != WN_TAG_DIV))
        return;
    wn_str id = wn_dom_attr_value(x, "id");
    if (!(tmpl ? stream_id(id, 'B') || stream_id(id, 'P')
               : stream_id(id, 'S') && wn_dom_attr(x, "hidden")))
        return;
    stream_parts *s = *sp;
    if (s == NULL) {
        if ((s = *sp = wn_arena_alloc(&d->arena, sizeof *s)) == NULL)
            return;
        s->nplace = s->npart = s->nscript = 0;   /* arena memory is not zeroed */
    }
    if (tmpl && s->nplace < STREAM_MAX_PARTS)
        s->place[s->nplace++] = (stream_part){ id, x };
    else if (!tmpl && s->npart < STREAM_MAX_PARTS)
        s->part[s->npart++] = (stream_part){ id, x };
}

static size_t stream_place_all(wn_doc *d, stream_parts *s)
{
    if (s == NULL || s->npart == 0 || s->nplace == 0)
        return 0;

    /* The calls, read before any node moves. */
    size_t visited = 0;
    for (wn_node *x = d->root; x && visited < d->node_count; visited++) {
        bool script = wn_is_html(x, WN_TAG_SCRIPT);
        for (wn_node *t = script ? x->first : NULL; t && s->nscript < STREAM_MAX_SCRIPTS; t = t->next)
            if (t->type == WN_NODE_TEXT && memmem(t->text.p, t->text.n, "$R", 2))
                s->script[s->nscript++] = t->text;
        x = wn_dom_next(d->root, x, script);
    }
    size_t placed = 0;
    for (size_t i = 0; i < s->nscript; i++)
        placed += stream_calls(s, s->script[i]);
    if (s->nscript > 0)
        return placed;
    /* A page saved without its scripts: B:n takes S:n. */
    for (size_t i = 0; i < s->npart; i++) {
        char want[STREAM_ID_MAX];
        wn_str id = s->part[i].id;
        memcpy(want, id.p, id.n);
        want[0] = 'B';
        placed += stream_place(stream_find(s->place, s->nplace, wn_str_make(want, id.n)),
                               s->part[i].node, true);
    }
    return placed;
}

/* MARK: The repairs, in one walk ----------------------------------------------- */

/* Browsers run with scripting on, so <noscript> holds raw text up to the
 * first </noscript>. The parser runs with scripting off (noscript images
 * become elements), and there an element left open inside the noscript
 * ("<noscript><div id=nojs></noscript>") keeps it open to the end of the page:
 * the whole page would be dropped with it. A noscript holding more than half
 * of the document's nodes is such a case, and its children take its place. */
size_t wn_html_repair(wn_doc *d)
{
    stream_parts *s = NULL;
    size_t visited = 0;
    for (wn_node *x = d->root; x && visited < d->node_count; visited++) {
        bool skip = false;
        if (wn_is_html(x, WN_TAG_NOSCRIPT)) {
            const wn_node *last = wn_dom_last_descendant(x, 4096);
            if (last->id > x->id && (size_t)(last->id - x->id) * 2 > d->node_count) {
                wn_node *parent = x->parent, *first = x->first;
                wn_node *next = wn_dom_next(d->root, x, true);
                while (x->first)
                    wn_dom_insert_before(parent, x->first, x);
                wn_dom_remove(x);
                x = first ? first : next;   /* go on inside what it held */
                continue;
            }
            skip = true;   /* a small noscript: nothing inside can be large */
        }
        stream_note(d, &s, x);
        x = wn_dom_next(d->root, x, skip);
    }
    return stream_place_all(d, s);
}
