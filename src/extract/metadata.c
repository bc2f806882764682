/*
 * metadata.c: wn_meta_extract. One walk over the DOM (capped) offers candidate
 * values from every source to per-field slots (meta_ctx.h) that keep the
 * highest priority; meta_decide.c then chooses and cleans titles, authors and
 * dates. Sources and their priorities are in the tables below;
 * docs/internals/METADATA.md explains them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "extract/metadata.h"
#include "extract/metadata_internal.h"
#include "extract/meta_ctx.h"


static void offer_date(ctx *c, slot *s, const char *p, size_t n, unsigned flags, int prio)
{
    char buf[WN_META_DATE_LEN];
    /* a sidebar's date still beats no date at all: a smaller penalty than names */
    prio -= c->penalty * 2 / 3;
    if (prio <= s->prio || n == 0)
        return;
    if (wn_meta_parse_date(p, n, flags, c->max_ymd, buf))
        offer(s, wn_arena_strdup(c->scratch, buf, strlen(buf)), prio);
}

static void offer_author_words(ctx *c, const char *p, size_t n, int prio, size_t max_words);

static void offer_author(ctx *c, const char *p, size_t n, int prio)
{
    offer_author_words(c, p, n, prio, 12);
}

/* max_words: a byline found by its lead-in in running text must be short, or
 * it is prose ("von Sozialabgaben befreit sind ..."). */
static void offer_author_words(ctx *c, const char *p, size_t n, int prio, size_t max_words)
{
    char *s;
    /* Names in comment threads and forms are commenters, never the author. */
    if (c->no_names || n == 0 || wn_meta_is_url(p, n))
        return;
    prio -= c->penalty;
    if (prio <= c->author.prio && (prio >= 75 || prio <= c->byline.prio))
        return;
    s = wn_meta_clean(c->scratch, p, n, 4 * WN_META_MAX_NAME);
    if (s == NULL) {
        c->oom = true;
        return;
    }
    s = wn_meta_clean_byline(s);
    /* a name in the markup is capitalised; metadata may hold a login or a credit */
    if (prio < 75 && wn_meta_prose_like(s))
        return;
    if (wn_meta_author_ok(s) && (words_in(s) <= max_words || wn_meta_name_list(s, 4))) {
        offer(&c->author, s, prio);
        if (prio < 75)   /* markup, not metadata: see meta_keys */
            offer(&c->byline, s, prio);
    }
}

/* Replace a list when a better source offers one. */
static void offer_list(ctx *c, const char **items, size_t *count, int *lprio, const char *p,
                       size_t n, int prio, bool split)
{
    if (prio < *lprio)
        return;
    if (prio > *lprio) {
        *count = 0;
        *lprio = prio;
    }
    if (split) {
        *count = wn_meta_split_list(c->scratch, p, n, items, *count, WN_META_MAX_LIST);
    } else if (*count < WN_META_MAX_LIST) {
        const char *s = clean(c, p, n, WN_META_MAX_NAME);
        bool dup = false;
        for (size_t k = 0; s && k < *count; k++)
            if (strcmp(items[k], s) == 0)
                dup = true;
        if (s && *s && !dup)
            items[(*count)++] = s;
    }
}

/* MARK: <meta> names ---------------------------------------------------------- */

/* name= / property= / itemprop= keys, lowercase, and where they go. The order of
 * priorities encodes which sources publishers keep accurate: structured article
 * fields (OpenGraph article:*, Parse.ly, Dublin Core) above generic ones. The
 * bare "date" / "dc.date" often carry the generation or modification date: on
 * the trafilatura set they were right 13 times in 20, a <time> in the article
 * 17 in 17, so they rank just below it. */
static const struct { const char *key; uint8_t field; uint8_t prio; } meta_keys[] = {
    { "og:title", F_TITLE, 85 },           { "twitter:title", F_TITLE, 70 },
    { "parsely-title", F_TITLE, 80 },      { "sailthru.title", F_TITLE, 65 },
    { "dc.title", F_TITLE, 66 },           { "dcterms.title", F_TITLE, 66 },
    { "citation_title", F_TITLE, 78 },     { "headline", F_TITLE, 82 },
    { "title", F_TITLE, 60 },
    { "author", F_AUTHOR, 80 },            { "article:author", F_AUTHOR, 78 },
    { "og:article:author", F_AUTHOR, 78 }, { "article:author_name", F_AUTHOR, 79 },
    { "parsely-author", F_AUTHOR, 82 },    { "sailthru.author", F_AUTHOR, 80 },
    { "dc.creator", F_AUTHOR, 76 },        { "dcterms.creator", F_AUTHOR, 76 },
    { "citation_author", F_AUTHOR, 77 },   { "byl", F_AUTHOR, 75 },
    { "book:author", F_AUTHOR, 75 },       { "dc.creator.aut", F_AUTHOR, 75 },
    { "article:published_time", F_DATE, 86 }, { "og:article:published_time", F_DATE, 86 },
    { "article:published", F_DATE, 85 },   { "og:published_time", F_DATE, 85 },
    { "datepublished", F_DATE, 85 },       { "parsely-pub-date", F_DATE, 84 },
    { "sailthru.date", F_DATE, 80 },       { "citation_publication_date", F_DATE, 80 },
    { "citation_date", F_DATE, 78 },       { "dc.date.issued", F_DATE, 78 },
    { "dcterms.issued", F_DATE, 78 },      { "dc.date", F_DATE, 61 },
    { "dcterms.date", F_DATE, 61 },        { "dcterms.created", F_DATE, 74 },
    { "dc.date.created", F_DATE, 74 },     { "datecreated", F_DATE, 72 },
    { "pubdate", F_DATE, 80 },             { "publishdate", F_DATE, 80 },
    { "publish-date", F_DATE, 80 },        { "publish_date", F_DATE, 80 },
    { "publication_date", F_DATE, 80 },    { "published_time", F_DATE, 80 },
    { "published-date", F_DATE, 80 },      { "article.published", F_DATE, 80 },
    { "article_date_original", F_DATE, 80 }, { "original-publish-date", F_DATE, 82 },
    { "cxenseparse:recs:publishtime", F_DATE, 78 }, { "date", F_DATE, 61 },
    { "created", F_DATE, 60 },             { "date.created", F_DATE, 70 },
    { "releasedate", F_DATE, 66 },         { "og:pubdate", F_DATE, 80 },
    { "article:modified_time", F_DATEMOD, 85 }, { "og:updated_time", F_DATEMOD, 80 },
    { "datemodified", F_DATEMOD, 85 },     { "dcterms.modified", F_DATEMOD, 75 },
    { "last-modified", F_DATEMOD, 60 },    { "lastmod", F_DATEMOD, 60 },
    { "og:site_name", F_SITE, 90 },        { "application-name", F_SITE, 50 },
    { "apple-mobile-web-app-title", F_SITE, 45 }, { "publisher", F_SITE, 52 },
    { "dc.publisher", F_SITE, 55 },        { "dcterms.publisher", F_SITE, 55 },
    { "twitter:app:name:iphone", F_SITE, 20 },
    { "og:description", F_DESC, 85 },      { "description", F_DESC, 80 },
    { "twitter:description", F_DESC, 70 }, { "dc.description", F_DESC, 65 },
    { "dcterms.description", F_DESC, 65 }, { "dcterms.abstract", F_DESC, 60 },
    { "content-language", F_LANG, 80 },    { "language", F_LANG, 70 },
    { "dc.language", F_LANG, 70 },         { "dcterms.language", F_LANG, 70 },
    { "og:locale", F_LANG, 60 },           { "inlanguage", F_LANG, 70 },
    { "og:url", F_URL, 80 },               { "twitter:url", F_URL, 60 },
    { "og:image", F_IMAGE, 90 },           { "og:image:url", F_IMAGE, 89 },
    { "og:image:secure_url", F_IMAGE, 89 },{ "twitter:image", F_IMAGE, 80 },
    { "twitter:image:src", F_IMAGE, 80 },  { "thumbnailurl", F_IMAGE, 60 },
    { "image", F_IMAGE, 70 },
    { "dcterms.license", F_LICENSE, 70 },  { "dc.rights", F_LICENSE, 55 },
    { "dcterms.rights", F_LICENSE, 55 },   { "license", F_LICENSE, 65 },
    { "article:section", F_CAT, 80 },      { "og:article:section", F_CAT, 80 },
    { "parsely-section", F_CAT, 75 },      { "articlesection", F_CAT, 78 },
    { "category", F_CAT, 60 },
    { "article:tag", F_TAG, 80 },          { "og:article:tag", F_TAG, 80 },
    { "parsely-tags", F_TAG, 75 },         { "news_keywords", F_TAG, 70 },
    { "keywords", F_TAG, 60 },             { "dc.subject", F_TAG, 55 },
};

static bool key_eq(wn_str k, const char *lit)
{
    return wn_str_ieq(k, lit);
}

static void take_value(ctx *c, int field, int prio, const char *p, size_t n)
{
    switch (field) {
    case F_TITLE:   offer(&c->title, clean(c, p, n, WN_META_MAX_TITLE), prio); break;
    case F_AUTHOR:  offer_author(c, p, n, prio); break;
    case F_DATE:    offer_date(c, &c->date, p, n, 0, prio); break;
    case F_DATEMOD: offer_date(c, &c->datemod, p, n, 0, prio); break;
    case F_SITE:    offer(&c->site, clean(c, p, n, WN_META_MAX_NAME), prio); break;
    case F_DESC:    offer(&c->desc, clean(c, p, n, WN_META_MAX_TEXT), prio); break;
    case F_LANG:    offer(&c->lang, clean(c, p, n, 32), prio); break;
    case F_URL:     offer_url(c, clean(c, p, n, WN_META_MAX_URL), prio); break;
    case F_IMAGE:   offer(&c->image, clean(c, p, n, WN_META_MAX_URL), prio); break;
    case F_LICENSE: offer(&c->license, clean(c, p, n, WN_META_MAX_URL), prio); break;
    case F_CAT:     offer_list(c, c->cats, &c->ncats, &c->cats_prio, p, n, prio, false); break;
    case F_TAG:     offer_list(c, c->tags, &c->ntags, &c->tags_prio, p, n, prio,
                               prio <= 70 || memchr(p, ',', n) != NULL);
                    break;
    default: break;
    }
}

/* Yoast writes the byline as a Twitter card label: twitter:label1 "Written
 * by" then twitter:data1 "Jane Doe". Returns true when name is such a label. */
static bool written_by_label(wn_str v)
{
    static const char *const labels[] = {
        "written by", "verfasst von", "geschrieben von", "écrit par", "escrito por",
        "scritto da", "geschreven door", "napisane przez", "auteur", "autor", "author",
    };
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++)
        if (wn_str_ieq(v, labels[k]))
            return true;
    return false;
}

/* in_other_work: inside a microdata item of another work, whose itemprop
 * values are not the page's. */
static void on_meta(ctx *c, const wn_node *el, bool in_other_work)
{
    wn_str content = wn_dom_attr_value(el, "content");
    wn_str keys[4];
    keys[0] = wn_dom_attr_value(el, "property");
    keys[1] = wn_dom_attr_value(el, "name");
    keys[2] = in_other_work ? wn_str_make(NULL, 0) : wn_dom_attr_value(el, "itemprop");
    keys[3] = wn_dom_attr_value(el, "http-equiv");

    /* twitter:labelN / twitter:dataN pairs */
    {
        wn_str key = keys[1].n ? keys[1] : keys[0];
        if (key.n == 14 && !memcmp(key.p, "twitter:label", 13) && written_by_label(content))
            c->label_digit = key.p[13];
        else if (key.n == 13 && !memcmp(key.p, "twitter:data", 12) && c->label_digit &&
                 key.p[12] == c->label_digit && content.n)
            offer_author(c, content.p, content.n, 76);
    }
    if (content.p == NULL) {
        wn_str dt = wn_dom_attr_value(el, "datetime");
        if (dt.p == NULL)
            return;
        content = dt;
    }
    for (int k = 0; k < 4; k++) {
        if (keys[k].n == 0 || keys[k].n > 64)
            continue;
        /* property="og:title twitter:title": several space-separated keys */
        size_t i = 0;
        while (i < keys[k].n) {
            size_t j = i;
            while (j < keys[k].n && keys[k].p[j] != ' ')
                j++;
            wn_str key = wn_str_make(keys[k].p + i, j - i);
            for (size_t t = 0; t < sizeof meta_keys / sizeof meta_keys[0]; t++) {
                if (key_eq(key, meta_keys[t].key)) {
                    int prio = meta_keys[t].prio;
                    /* itemprop inside the body is microdata: same weight as meta */
                    take_value(c, meta_keys[t].field, prio, content.p, content.n);
                    break;
                }
            }
            i = j + 1;
        }
    }
}

/* MARK: Element text ---------------------------------------------------------- */

static bool is_block(uint16_t tag)
{
    switch (tag) {
    case WN_TAG_A: case WN_TAG_B: case WN_TAG_I: case WN_TAG_EM: case WN_TAG_STRONG:
    case WN_TAG_SPAN: case WN_TAG_FONT: case WN_TAG_SMALL: case WN_TAG_U: case WN_TAG_ABBR:
    case WN_TAG_CITE: case WN_TAG_SUB: case WN_TAG_SUP: case WN_TAG_MARK: case WN_TAG_Q:
        return false;
    default:
        return true;
    }
}

/* Text of el's subtree, at most GATHER_MAX bytes, blocks separated by spaces;
 * script/style and ruby annotations skipped. Returns the length written to buf. */
static size_t gather(const wn_node *el, char *buf)
{
    size_t o = 0, visited = 0;
    for (const wn_node *n = el->first ? el->first : NULL; n && visited < GATHER_NODES;
         visited++) {
        bool skip = false;
        if (n->type == WN_NODE_TEXT) {
            size_t k = n->text.n;
            if (o + k > GATHER_MAX)
                k = GATHER_MAX - o;
            memcpy(buf + o, n->text.p, k);
            o += k;
            if (o >= GATHER_MAX)
                break;
        } else if (n->type == WN_NODE_ELEMENT) {
            if (n->tag == WN_TAG_SCRIPT || n->tag == WN_TAG_STYLE || n->tag == WN_TAG_NOSCRIPT ||
                n->tag == WN_TAG_TEMPLATE || n->tag == WN_TAG_SVG || n->tag == WN_TAG_SELECT ||
                n->tag == WN_TAG_RT || n->tag == WN_TAG_RP)
                skip = true;   /* ruby annotations (furigana) are no part of the words */
            else if (is_block(n->tag) && o > 0 && o < GATHER_MAX)
                buf[o++] = ' ';
        } else {
            skip = true;
        }
        n = wn_dom_next(el, n, skip);
    }
    return o;
}

static bool has_word(wn_str s, const char *w)
{
    size_t n = strlen(w);
    if (s.n < n)
        return false;
    for (size_t i = 0; i + n <= s.n; i++) {
        size_t k = 1;
        if (wn_ascii_lower(s.p[i]) != w[0])
            continue;
        while (k < n && wn_ascii_lower(s.p[i + k]) == w[k])
            k++;
        if (k == n)
            return true;
    }
    return false;
}

/* Whether a space-separated attribute (rel) holds the token tok. */
static bool has_token(wn_str s, const char *tok)
{
    size_t i = 0, n = strlen(tok);
    while (i < s.n) {
        size_t j = i;
        while (j < s.n && !wn_is_space((unsigned char)s.p[j]))
            j++;
        if (j - i == n && wn_str_ieq(wn_str_make(s.p + i, n), tok))
            return true;
        i = j + 1;
    }
    return false;
}

static bool looks_like_jsonld(wn_str t)
{
    size_t i = 0;
    while (i < t.n && wn_is_space((unsigned char)t.p[i]))
        i++;
    if (i >= t.n || t.p[i] != '{')
        return false;
    t.p += i;
    t.n -= i;
    if (t.n > 200)
        t.n = 200;
    return has_word(t, "\"@context\"") && has_word(t, "schema.org");
}

/* Compare two URLs ignoring scheme, "www.", a fragment and a trailing slash;
 * a root-relative href is compared with the path of the other. */
static bool same_url(const char *href, size_t hn, const char *url)
{
    const char *u = url, *h = href, *he;
    size_t un;
    if (url == NULL || hn == 0)
        return false;
    if (strstr(u, "://"))
        u = strstr(u, "://") + 3;
    if (!strncmp(u, "www.", 4))
        u += 4;
    he = href + hn;
    if (h[0] == '/' && (hn < 2 || h[1] != '/')) {
        while (*u && *u != '/')
            u++;   /* url's path */
    } else {
        const char *q = memchr(h, ':', hn < 8 ? hn : 8);
        if (q && q + 2 < he && q[1] == '/' && q[2] == '/')
            h = q + 3;
        else if (hn >= 2 && h[0] == '/' && h[1] == '/')
            h += 2;
        else
            return false;   /* page-relative: not worth resolving here */
        if (he - h >= 4 && !strncmp(h, "www.", 4))
            h += 4;
    }
    for (const char *f = h; f < he; f++)
        if (*f == '#') {
            he = f;
            break;
        }
    un = strcspn(u, "#");
    while (he > h && he[-1] == '/')
        he--;
    while (un > 0 && u[un - 1] == '/')
        un--;
    return (size_t)(he - h) == un && memcmp(h, u, un) == 0;
}

/* What a heading's links say: +1 when one points at this page (a post title
 * linked to its permalink), -1 when its only link goes to the site's home (a
 * logo), else 0. */
static int heading_link(const ctx *c, const wn_node *el)
{
    int links = 0, home = 0;
    size_t visited = 0;
    for (const wn_node *k = el->first; k && visited < GATHER_NODES;
         k = wn_dom_next(el, k, false), visited++) {
        wn_str href;
        if (k->type != WN_NODE_ELEMENT || k->tag != WN_TAG_A)
            continue;
        href = wn_dom_attr_value(k, "href");
        links++;
        /* rel=bookmark alone proves nothing: teaser lists use it too */
        if (same_url(href.p, href.n, c->page_url) ||
            (c->url.v && same_url(href.p, href.n, c->url.v)))
            return 1;
        if (has_token(wn_dom_attr_value(k, "rel"), "home") || (href.n == 1 && href.p[0] == '/'))
            home++;
        else if (c->page_url && href.n > 8) {
            /* "https://host/" is the home page */
            wn_str h = wn_meta_url_host(c->page_url);
            const char *p = memchr(href.p, ':', 8);
            if (p && h.n && (size_t)(href.p + href.n - p) >= 3) {
                const char *hp = p + 3, *e = href.p + href.n;
                if (e - hp >= 4 && !strncmp(hp, "www.", 4))
                    hp += 4;
                while (e > hp && e[-1] == '/')
                    e--;
                if ((size_t)(e - hp) == h.n && memcmp(hp, h.p, h.n) == 0)
                    home++;
            }
        }
    }
    return links > 0 && home == links ? -1 : 0;
}

/* MARK: Walk ------------------------------------------------------------------ */

typedef struct walkstate {
    const wn_node *article;      /* innermost <article>/<main> we are inside, or NULL */
    const wn_node *skip_marks;   /* subtree (comments, nav...) where bylines/dates count less */
    const wn_node *form;         /* innermost <form> we are in: names there are commenters' */
    const wn_node *other_work;   /* microdata item of another work (a citation, a review):
                                    its author and dates are not the page's */
    int noise_kind;              /* is_noise_box() of skip_marks; nav/footer/aside: 1 */
    bool in_body;
    bool seen_title;
} walkstate;

/* An element's class and id, lowercased once (capped), for the many marker
 * checks each element goes through. */
typedef struct elcls {
    const wn_node *el;
    size_t n;
    uint64_t pairs[11];   /* which letter pairs a-z,a-z occur: most markers are
                             rejected without a substring search */
    char lc[320];
} elcls;

static int pair_index(char a, char b)
{
    if (a < 'a' || a > 'z' || b < 'a' || b > 'z')
        return -1;
    return (a - 'a') * 26 + (b - 'a');
}

static void elcls_init(elcls *e, const wn_node *el)
{
    wn_str v[2];
    e->el = el;
    e->n = 0;
    if (el->nattrs == 0)
        return;
    v[0] = wn_dom_attr_value(el, "class");
    v[1] = wn_dom_attr_value(el, "id");
    if (v[0].n == 0 && v[1].n == 0)
        return;   /* pairs are read only when n > 0 */
    memset(e->pairs, 0, sizeof e->pairs);
    for (int k = 0; k < 2; k++) {
        size_t m = v[k].n < sizeof e->lc - 1 - e->n ? v[k].n : sizeof e->lc - 1 - e->n;
        wn_ascii_lower_n(e->lc + e->n, v[k].p, m);
        e->n += m;
        if (e->n < sizeof e->lc - 1)
            e->lc[e->n++] = ' ';
    }
    for (size_t i = 0; i + 1 < e->n; i++) {
        int k = pair_index(e->lc[i], e->lc[i + 1]);
        if (k >= 0)
            e->pairs[k >> 6] |= (uint64_t)1 << (k & 63);
    }
}

static bool has_pair(const elcls *e, char a, char b)
{
    int k = pair_index(a, b);
    return e->n > 0 && k >= 0 && (e->pairs[k >> 6] & ((uint64_t)1 << (k & 63))) != 0;
}

static bool marker_n(const elcls *e, const char *w, size_t wn)
{
    int k;
    if (e->n == 0)
        return false;
    k = pair_index(w[0], w[1]);
    if (k >= 0 && !(e->pairs[k >> 6] & ((uint64_t)1 << (k & 63))))
        return false;
    return memmem(e->lc, e->n, w, wn) != NULL;
}

/* Whether the lowercased class/id holds the literal w (sized at compile time). */
#define marker(e, w) marker_n((e), "" w, sizeof(w) - 1)

/* Whether a class/id value has a part (split on space, '-' and '_') equal to
 * one of words: "comments-area" has "comments", "iz-pagebody--wsidebar" has no
 * "sidebar". */
static bool has_part(wn_str s, const char *const *words, size_t nwords)
{
    size_t i = 0;
    while (i < s.n) {
        size_t j = i;
        while (j < s.n && !wn_is_space((unsigned char)s.p[j]) && s.p[j] != '-' && s.p[j] != '_')
            j++;
        for (size_t k = 0; k < nwords && j > i; k++)
            if (wn_str_ieq(wn_str_make(s.p + i, j - i), words[k]))
                return true;
        i = j + 1;
    }
    return false;
}

/* Nodes in el's subtree, from creation ids: the last descendant was created
 * last unless the tree builder moved nodes, so this is an estimate. */
static uint32_t subtree_span(const wn_node *el)
{
    const wn_node *l = wn_dom_last_descendant(el, 4096);
    return l->id >= el->id ? l->id - el->id + 1 : 1;
}

/* subtree_span() descends the whole depth: on a page of 100,000 nested
 * "comments" boxes, measuring each would be quadratic. A page gets this many
 * measurements; after that a box is taken at its word. */
#define SPAN_BUDGET 64

static bool is_small(ctx *c, const wn_node *el, uint32_t node_count)
{
    if (c->spans >= SPAN_BUDGET)
        return true;
    c->spans++;
    return subtree_span(el) * 2 < node_count;
}

/* 0: no noise; 1: sidebar, related or recent items (other pages' dates and
 * names: they count less); 2: comment threads (commenters are never the
 * author). */
static int is_noise_box(ctx *c, const elcls *ec, uint32_t node_count)
{
    const wn_node *el = ec->el;
    /* Not "widget" or "footer": Blogger wraps the post in "widget Blog", and
     * themes put the byline in "entry-footer". */
    static const char *const noise[] = {
        "comment", "comments", "commentlist", "sidebar", "related", "reply", "recent", "respond",
    };
    static const char *const talk[] = { "comment", "comments", "commentlist", "reply", "respond" };
    /* the letter-pair filter answers most elements without splitting parts */
    if (!has_pair(ec, 'c', 'o') && !has_pair(ec, 's', 'i') && !has_pair(ec, 'r', 'e'))
        return 0;
    if (!marker(ec, "comment") && !marker(ec, "sidebar") && !marker(ec, "related") &&
        !marker(ec, "reply") && !marker(ec, "recent") && !marker(ec, "respond"))
        return 0;
    if (!has_part(wn_dom_attr_value(el, "class"), noise, sizeof noise / sizeof noise[0]) &&
        !has_part(wn_dom_attr_value(el, "id"), noise, sizeof noise / sizeof noise[0]))
        return 0;
    /* A box holding most of the page is a layout wrapper ("with-sidebar"). */
    if (!is_small(c, el, node_count))
        return 0;
    return has_part(wn_dom_attr_value(el, "class"), talk, sizeof talk / sizeof talk[0]) ||
           has_part(wn_dom_attr_value(el, "id"), talk, sizeof talk / sizeof talk[0]) ? 2 : 1;
}

/* "author" in a class or id, but not "authority" ("authority-control"). */
static bool author_word(wn_str s)
{
    for (size_t i = 0; i + 6 <= s.n; i++) {
        size_t k = 0;
        while (k < 6 && wn_ascii_lower(s.p[i + k]) == "author"[k])
            k++;
        if (k == 6 && !(i + 8 <= s.n && wn_ascii_lower(s.p[i + 6]) == 'i' &&
                        wn_ascii_lower(s.p[i + 7]) == 't'))
            return true;
    }
    return false;
}

static bool author_marker(const elcls *ec)
{
    const wn_node *el = ec->el;
    wn_str rel = wn_dom_attr_value(el, "rel");
    if (has_token(rel, "author"))
        return true;
    /* every marker below opens with one of these letter pairs */
    if (!has_pair(ec, 'a', 'u') && !has_pair(ec, 'b', 'y') && !has_pair(ec, 'w', 'r') &&
        !has_pair(ec, 'p', 'o') && !has_pair(ec, 'v', 'e'))
        return false;
    if (marker(ec, "comment"))
        return false;   /* "comment-author" */
    if (!((marker(ec, "author") && author_word(wn_str_make(ec->lc, ec->n))) ||
          marker(ec, "byline") || marker(ec, "by-line") ||
          marker(ec, "autor") || marker(ec, "auteur") || marker(ec, "writer") ||
          marker(ec, "posted-by") || marker(ec, "postedby") || marker(ec, "verfasser")))
        return false;
    /* Parts of an author box that are not the name, as whole class parts:
     * "author-avatar" is excluded, "ng-sharekit__contributors--author" is not. */
    {
        static const char *const not_name[] = {
            "avatar", "bio", "biography", "description", "desc", "image", "img", "photo",
            "picture", "about", "social", "follow", "share", "title", "email", "mail", "more",
            "twitter", "facebook", "instagram", "linkedin", "link", "links", "icon", "box",
            "info", "text", "teaser", "posts",
        };
        static const char *const roots[] = { "author", "byline", "by-line", "autor", "auteur",
                                             "writer", "posted", "verfasser" };
        size_t nn = sizeof not_name / sizeof not_name[0];
        /* Only the parts from the author word on: "header-info__authors"
         * is the names' box, "author-info" the biography. */
        const char *from = NULL;
        for (size_t k = 0; k < sizeof roots / sizeof roots[0]; k++) {
            const char *q = memmem(ec->lc, ec->n, roots[k], strlen(roots[k]));
            if (q && (from == NULL || q < from))
                from = q;
        }
        if (from == NULL)
            from = ec->lc;
        return !has_part(wn_str_make(from, ec->n - (size_t)(from - ec->lc)), not_name, nn);
    }
}

static size_t count_spaces(const char *s, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] == ' ' && i > 0 && s[i - 1] != ' ')
            k++;
    return k;
}

/* Inside an author box: the element with the name (class fn/name/nickname or
 * itemprop=name), else the first link with text. */
static const wn_node *byline_name(const wn_node *el)
{
    const wn_node *link = NULL;
    size_t visited = 0;
    for (const wn_node *k = el->first; k && visited < GATHER_NODES; k = wn_dom_next(el, k, false), visited++) {
        if (k->type != WN_NODE_ELEMENT)
            continue;
        if (has_token(wn_dom_attr_value(k, "itemprop"), "name") ||
            has_token(wn_dom_attr_value(k, "class"), "fn") ||
            has_token(wn_dom_attr_value(k, "class"), "name") ||
            has_token(wn_dom_attr_value(k, "class"), "nickname"))
            return k;
        if (link == NULL && k->tag == WN_TAG_A && k->first)
            link = k;
    }
    return link;
}

static bool date_marker(const elcls *el)
{
    if (!has_pair(el, 'd', 'a') && !has_pair(el, 't', 'i') && !has_pair(el, 'p', 'o') &&
        !has_pair(el, 'p', 'u') && !has_pair(el, 'f', 'e') && !has_pair(el, 'm', 'e') &&
        !has_pair(el, 'b', 'y') && !has_pair(el, 'i', 'n'))
        return false;
    if (marker(el, "comment"))
        return false;   /* "comment-date": a reader's, not the article's */
    return marker(el, "date") || marker(el, "time") || marker(el, "posted") ||
           marker(el, "publish") || marker(el, "publication") || marker(el, "datum") || marker(el, "fecha") ||
           marker(el, "meta") || marker(el, "byline") || marker(el, "dateline") ||
           marker(el, "info") || marker(el, "data");
}

/* Hidden by the hidden attribute, an inline style or a class that CSS
 * frameworks use to hide things ("hidden", "sr-only", "visually-hidden"). */
static bool visually_hidden(const wn_node *el)
{
    static const char *const hide[] = { "hidden", "sr-only", "visually-hidden", "visuallyhidden",
                                        "screen-reader-text", "invisible", "d-none", "is-hidden" };
    wn_str cl;
    if (el->nattrs == 0)
        return false;
    if (wn_dom_attr(el, "hidden") != NULL)
        return true;
    cl = wn_dom_attr_value(el, "class");
    for (size_t k = 0; cl.n && k < sizeof hide / sizeof hide[0]; k++)
        if (has_token(cl, hide[k]))   /* whole tokens: "hidden-xs" hides on phones only */
            return true;
    wn_str st = wn_dom_attr_value(el, "style");
    return st.n && (has_word(st, "display:none") || has_word(st, "display: none"));
}

static void on_element(ctx *c, walkstate *w, const elcls *ec, char *buf)
{
    const wn_node *el = ec->el;
    wn_str v;
    size_t n;
    bool in_art = w->article != NULL;
    bool marks_ok = w->skip_marks == NULL;

    switch (el->tag) {
    case WN_TAG_HTML:
        v = wn_dom_attr_value(el, "lang");
        if (v.n == 0)
            v = wn_dom_attr_value(el, "xml:lang");
        if (v.n)
            offer(&c->lang, clean(c, v.p, v.n, 32), 90);
        /* numeric dates in text: day first, except in US English */
        c->dmy = WN_DATE_DMY;
        if (v.n >= 2 && wn_ascii_lower(v.p[0]) == 'e' && wn_ascii_lower(v.p[1]) == 'n' &&
            (v.n == 2 || wn_str_ieq(v, "en-us")))
            c->dmy = 0;
        return;
    case WN_TAG_TITLE:
        if (!w->seen_title && el->parent && !wn_is_html(el->parent, WN_TAG_SVG)) {
            w->seen_title = true;
            n = gather(el, buf);
            offer(&c->title_tag, clean(c, buf, n, WN_META_MAX_TITLE), 1);
            /* "08.11.2021 | Event": a title opening with a date, a last resort */
            offer_date(c, &c->date, buf, n, WN_DATE_DMY, 20);
        }
        return;
    case WN_TAG_META:
        on_meta(c, el, w->other_work != NULL);
        return;
    case WN_TAG_LINK:
        v = wn_dom_attr_value(el, "rel");
        if (has_token(v, "canonical")) {
            wn_str h = wn_dom_attr_value(el, "href");
            offer_url(c, clean(c, h.p, h.n, WN_META_MAX_URL), 90);
        } else if (has_token(v, "license")) {
            wn_str h = wn_dom_attr_value(el, "href");
            offer(&c->license, clean(c, h.p, h.n, WN_META_MAX_URL), 80);
        }
        v = wn_dom_attr_value(el, "itemprop");
        if (v.n) {
            wn_str h = wn_dom_attr_value(el, "href");
            if (wn_str_ieq(v, "image") || wn_str_ieq(v, "thumbnailurl"))
                offer(&c->image, clean(c, h.p, h.n, WN_META_MAX_URL), 65);
            else if (wn_str_ieq(v, "license"))
                offer(&c->license, clean(c, h.p, h.n, WN_META_MAX_URL), 75);
        }
        return;
    case WN_TAG_SCRIPT:
        v = wn_dom_attr_value(el, "type");
        /* Some CMSs leave out the type: accept an untyped script that is a
         * schema.org object. */
        if (c->nscripts < MAX_SCRIPTS && el->first && el->first->type == WN_NODE_TEXT &&
            (has_word(v, "ld+json") ||
             (v.n == 0 && looks_like_jsonld(el->first->text)))) {
            wn_str t = el->first->text;
            c->nscripts++;
            if (t.n <= SCRIPT_MAX && wn_meta_jsonld(c->scratch, t.p, t.n, c->max_ymd, &c->ld) < 0)
                c->oom = true;
        }
        return;
    default:
        break;
    }
    if (!w->in_body)
        return;

    /* Microdata. */
    v = wn_dom_attr_value(el, "itemprop");
    if (v.n && w->other_work == NULL) {
        wn_str content = wn_dom_attr_value(el, "content");
        wn_str dt = wn_dom_attr_value(el, "datetime");
        if (has_token(v, "headline")) {
            n = content.p ? content.n : gather(el, buf);
            offer(&c->title, clean(c, content.p ? content.p : buf, n, WN_META_MAX_TITLE), 80);
        } else if (has_token(v, "author") || has_token(v, "creator")) {
            /* <span itemprop=author><span itemprop=name>Jane</span></span> */
            const wn_node *src = el;
            size_t seen = 0;
            for (const wn_node *k = el->first; k && seen < GATHER_NODES;
                 k = wn_dom_next(el, k, false), seen++) {
                if (k->type == WN_NODE_ELEMENT && has_token(wn_dom_attr_value(k, "itemprop"), "name")) {
                    src = k;
                    break;
                }
            }
            wn_str cn = wn_dom_attr_value(src, "content");
            if (cn.p)
                offer_author(c, cn.p, cn.n, in_art ? 74 : 72);
            else {
                n = gather(src, buf);
                offer_author(c, buf, n, in_art ? 74 : 72);
            }
        } else if (has_token(v, "datepublished") || has_token(v, "datecreated")) {
            if (dt.p)
                offer_date(c, &c->date, dt.p, dt.n, 0, 84);
            else if (content.p)
                offer_date(c, &c->date, content.p, content.n, 0, 84);
            else {
                n = gather(el, buf);
                offer_date(c, &c->date, buf, n, WN_DATE_LOOSE, 82);
            }
        } else if (has_token(v, "datemodified")) {
            wn_str src = dt.p ? dt : content;
            if (src.p)
                offer_date(c, &c->datemod, src.p, src.n, 0, 80);
        }
    }

    switch (el->tag) {
    case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3:
        if (el->tag == WN_TAG_H1 && c->first_h1 == NULL && w->in_body) {
            c->first_h1 = el;
            c->last_h1 = MAX_H1;
            c->since_h1 = 0;
        }
        if (el->tag == WN_TAG_H1 && marks_ok)
            c->n_real_h1++;
        /* Headings: every h1, and h2/h3 marked as a title (blog themes put the
         * site name in h1 and the post title in h2.entry-title). */
        /* A heading classed as the post's own title ("entry-title", hAtom)
         * counts even inside a box named like a sidebar: themes do wrap the
         * whole post in one. */
        /* A heading hidden from view (<h1 class="pagetitle hidden">News</h1>
         * above the story's own) names a section, not this page. */
        if (c->nh1 < MAX_H1 && !visually_hidden(el) &&
            (marks_ok || marker(ec, "entry-title") || marker(ec, "post-title") ||
             marker(ec, "article-title"))) {
            bool titled = marker(ec, "title") || marker(ec, "headline");
            int link = heading_link(c, el);
            int score = el->tag == WN_TAG_H1 ? 3 : 1;
            if ((el->tag != WN_TAG_H1 && !titled && link <= 0) || link < 0 ||
                marker(ec, "widget") || marker(ec, "sidebar"))
                break;
            n = gather(el, buf);
            const char *h = clean(c, buf, n, WN_META_MAX_TITLE);
            if (h && *h) {
                c->h1_prio[c->nh1] = score + (in_art ? 2 : 0) + (titled ? 1 : 0) + (link > 0 ? 5 : 0);
                c->h1_is_h1[c->nh1] = el->tag == WN_TAG_H1;
                c->last_h1 = c->nh1;
                c->since_h1 = 0;
                c->h1[c->nh1++] = h;
            }
        }
        break;
    case WN_TAG_TIME:
        if (w->other_work)
            break;   /* a review's or a cited work's date */
        v = wn_dom_attr_value(el, "datetime");
        {
            bool pub = wn_dom_attr(el, "pubdate") != NULL || marker(ec, "publish") ||
                       marker(ec, "entry-date") || marker(ec, "post-date");
            bool upd = marker(ec, "update") || marker(ec, "modif");
            int prio = pub ? 70 : (in_art ? 62 : 58);
            slot *s = upd ? &c->datemod : &c->date;
            if (upd)
                prio = 60;
            if (v.n)
                offer_date(c, s, v.p, v.n, 0, prio);
            else {
                n = gather(el, buf);
                offer_date(c, s, buf, n, WN_DATE_LOOSE, prio - 2);
            }
        }
        break;
    case WN_TAG_ABBR:
        if (marker(ec, "published") || marker(ec, "date")) {
            v = wn_dom_attr_value(el, "title");
            if (v.n)
                offer_date(c, &c->date, v.p, v.n, 0, 66);
        }
        break;
    case WN_TAG_A:
        v = wn_dom_attr_value(el, "rel");
        if (v.n) {
            if (has_token(v, "license")) {
                wn_str h = wn_dom_attr_value(el, "href");
                offer(&c->license, clean(c, h.p, h.n, WN_META_MAX_URL), 78);
            }
            if (has_token(v, "tag") && marks_ok) {
                n = gather(el, buf);
                if (has_token(v, "category"))
                    offer_list(c, c->cats, &c->ncats, &c->cats_prio, buf, n, 40, false);
                else
                    offer_list(c, c->tags, &c->ntags, &c->tags_prio, buf, n, 40, false);
            }
        }
        break;
    default:
        break;
    }

    if (author_marker(ec)) {
        n = gather(el, buf);
        if (n > 0 && n < 300)
            offer_author_words(c, buf, n, in_art ? 58 : 54, 6);
        else if (n == 0) {
            /* an author link holding only the portrait: its alt text */
            size_t seen = 0;
            for (const wn_node *k = el->first; k && seen < 32; k = wn_dom_next(el, k, false), seen++) {
                if (wn_is_html(k, WN_TAG_IMG)) {
                    wn_str alt = wn_dom_attr_value(k, "alt");
                    offer_author_words(c, alt.p, alt.n, in_art ? 56 : 52, 4);
                    break;
                }
            }
        }
        else if (n >= 300)
            offer_author(c, buf, 0, 0);
        /* A long author box: its name element or first link holds the name. */
        if (n > 0 && count_spaces(buf, n) > 5) {
            const wn_node *nm = byline_name(el);
            if (nm) {
                size_t k = gather(nm, buf);
                offer_author(c, buf, k, in_art ? 57 : 53);
            }
        }
    }
    /* Dates in date-marked elements (<time>, class date/time/meta...): the
     * date printed under a heading (for choose_date()), and a page date when
     * no better one is known. Marker test and gathered text serve both. */
    bool under_head = c->last_h1 <= MAX_H1 && c->since_h1 <= NEAR_H1_ELEMENTS && marks_ok &&
                      !w->other_work && c->h1_date[c->last_h1].v == NULL;
    bool page_date = el->tag != WN_TAG_TIME && c->date.prio < 56;
    if (!(under_head || page_date) || !(el->tag == WN_TAG_TIME || date_marker(ec)))
        return;
    bool gathered = false;
    n = 0;
    if (under_head) {
        slot *s = &c->h1_date[c->last_h1];
        v = wn_dom_attr_value(el, "datetime");
        if (el->tag == WN_TAG_TIME && v.n) {
            offer_date(c, s, v.p, v.n, 0, 1);
        } else {
            n = gather(el, buf);
            gathered = true;
            if (n > 0 && n < 200)
                offer_date(c, s, buf, n, WN_DATE_LOOSE | c->dmy, 1);
        }
    }
    if (page_date) {
        if (!gathered)
            n = gather(el, buf);
        if (n > 0 && n < 200)
            offer_date(c, &c->date, buf, n, WN_DATE_LOOSE, in_art ? 52 : 48);
    }
}

/* First ASCII digit in p[0..n), or NULL: no digit, no date. */
static const char *memchr_digit(const char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t i = 0;
    /* eight bytes at a time: after XOR 0x30 a digit is a byte below 10 */
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        x ^= ones * 0x30;
        if (((x - ones * 10) & ~x & highs) != 0)
            break;
    }
    for (; i < n; i++)
        if (p[i] >= '0' && p[i] <= '9')
            return p + i;
    return NULL;
}

/* Length of a text as shown: runs of white space count as one character
 * (templates indent "( \n      2012-06-04 09:20:26 \n )"). */
static size_t shown_len(const char *p, size_t n)
{
    size_t len = 0;
    bool space = true;
    for (size_t i = 0; i < n; i++) {
        bool sp = wn_is_space((unsigned char)p[i]);
        len += !(sp && space);
        space = sp;
    }
    return len;
}

/* Words announcing a publication date in running text, lowercase. */
static const char *const pub_words[] = {
    "published", "posted", "veröffentlicht", "erschienen", "gepostet", "publié", "publicado",
    "pubblicato", "gepubliceerd", "opublikowano", "datum:", "date:", "erstellt am",
    "stand:",
};

#define NPUB (sizeof pub_words / sizeof pub_words[0])
static bool pub_first[256];   /* first bytes of pub_words */
static size_t pub_len[NPUB];
static pthread_once_t pub_once = PTHREAD_ONCE_INIT;

static void pub_index(void)
{
    for (size_t k = 0; k < NPUB; k++) {
        pub_first[(unsigned char)pub_words[k][0]] = true;
        pub_len[k] = strlen(pub_words[k]);
    }
}

/* Whether p[0..n) (n <= 160) holds one of pub_words, case aside: one pass,
 * comparing only where a word's first letter stands. */
static bool has_pub_word(const char *p, size_t n)
{
    char low[160];
    pthread_once(&pub_once, pub_index);
    if (n > sizeof low)
        n = sizeof low;
    wn_ascii_lower_n(low, p, n);
    for (size_t i = 0; i < n; i++) {
        if (!pub_first[(unsigned char)low[i]])
            continue;
        for (size_t k = 0; k < NPUB; k++)
            if (pub_words[k][0] == low[i] && pub_len[k] <= n - i &&
                memcmp(low + i, pub_words[k], pub_len[k]) == 0)
                return true;
    }
    return false;
}

/* Dates in short text runs: after a word like "Published" (a strong hint), or
 * alone ("April 19, 2019" under the headline; a last resort). */
static void text_date(ctx *c, const walkstate *w, const wn_node *t)
{
    const char *p = t->text.p;
    size_t n = t->text.n;
    bool hint = false;

    if (n < 6 || c->date.prio >= 56)
        return;
    if (n > 160) {
        /* a long paragraph counts only when it opens with its date */
        if (c->date.prio < 28 && memchr_digit(p, n < 48 ? n : 48))
            offer_date(c, &c->date, p, n, c->dmy, w->article ? 28 : 24);
        return;
    }
    if (memchr_digit(p, n) == NULL)
        return;
    hint = has_pub_word(p, n);
    if (hint)
        offer_date(c, &c->date, p, n, WN_DATE_LOOSE | c->dmy, w->article ? 56 : 50);
    else if (shown_len(p, n) <= 60 && c->date.prio < 30)
        offer_date(c, &c->date, p, n, WN_DATE_LOOSE | c->dmy, w->article ? 30 : 26);
    else if (c->date.prio < 28)   /* a paragraph opening with its date */
        offer_date(c, &c->date, p, n, c->dmy, w->article ? 28 : 24);
}

/* Lead-ins of a byline in running text, lowercase; a name follows, in the
 * same text or in the next node ("<span>By</span> <a>Jane</a>"). */
static const char *const text_leads[] = {
    "by", "von", "par", "por", "door", "written by", "posted by", "geschrieben von",
    "eingestellt von", "veröffentlicht von", "verfasst von", "beitrag von", "autor", "autorin",
    "author", "text", "text von", "publié par", "escrito por", "scritto da", "redaktion",
    "autoren", "erstellt von", "gespeichert von", "submitted by", "verfasst", "geschrieben",
    /* "Eine Kolumne von Nils Pickert", "A column by Jane Doe" */
    "ein beitrag von", "ein gastbeitrag von", "gastbeitrag von", "ein kommentar von",
    "kommentar von", "eine kolumne von", "kolumne von", "ein essay von", "eine analyse von",
    "a column by", "an essay by", "an analysis by", "a commentary by", "opinion by",
    /* German gender-inclusive forms: "Autor*In", "Autor:innen" */
    "autor*in", "autor:in", "autor_in", "autor*innen", "autor:innen", "autor_innen",
    "autorinnen",
    "un article de", "una columna de",
    "\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91",   /* 责任编辑 (editor in charge) */
    "\xE4\xBD\x9C\xE8\x80\x85",                     /* 作者 (author) */
};

/* Length of the lead-in at p[0..n) (with a following ':' or '：'), or 0. *alone
 * tells whether nothing but spaces follows it. */
static size_t match_lead(const char *p, size_t n, bool *alone)
{
    size_t best = 0;
    char first = n ? wn_ascii_lower(p[0]) : 0;
    for (size_t k = 0; k < sizeof text_leads / sizeof text_leads[0]; k++) {
        size_t ln, j = 0;
        if (text_leads[k][0] != first)
            continue;
        ln = strlen(text_leads[k]);
        while (j < ln && j < n && wn_ascii_lower(p[j]) == text_leads[k][j])
            j++;
        if (j != ln || ln <= best)
            continue;
        /* a whole word: followed by space, ':' or the end */
        if (j < n && p[j] == ':')
            j++;
        else if (j + 3 <= n && !memcmp(p + j, "\xEF\xBC\x9A", 3))   /* fullwidth colon */
            j += 3;
        else if (j < n && !wn_is_space((unsigned char)p[j]) && (unsigned char)p[j] < 0x80)
            continue;
        best = j;
    }
    if (best) {
        size_t e = best;
        for (;;) {
            if (e < n && wn_is_space((unsigned char)p[e]))
                e++;
            else if (e + 1 < n && (unsigned char)p[e] == 0xC2 && (unsigned char)p[e + 1] == 0xA0)
                e += 2;   /* no-break space */
            else
                break;
        }
        *alone = e == n;
    }
    return best;
}

/* The next node with text after t: its sibling, or its parent's when t is
 * the parent's only content ("<h5>Autor:</h5>Peter Maahn"). */
static const wn_node *next_named(const wn_node *t)
{
    for (int up = 0; t && up < 3; up++) {
        const wn_node *nx = t->next;
        /* skip indentation and line breaks: "<b>Von:</b><br><br>Götz Warnke" */
        while (nx && ((nx->type == WN_NODE_TEXT && nx->text.n < 256) || wn_is_html(nx, WN_TAG_BR))) {
            size_t k = 0;
            if (nx->type == WN_NODE_TEXT) {
                while (k < nx->text.n && wn_is_space((unsigned char)nx->text.p[k]))
                    k++;
                if (k < nx->text.n)
                    break;
            }
            nx = nx->next;
        }
        if (nx)
            return nx;
        if (t->prev != NULL)
            return NULL;   /* the lead-in is not all its parent holds */
        t = t->parent;
        if (t == NULL || t->type != WN_NODE_ELEMENT || t->tag == WN_TAG_BODY)
            return NULL;
    }
    return NULL;
}

/* "06.11.2023 13:30 von Olga", "(last edited 2019-11-10 by <a>Mats</a>": a
 * date, then a lead-in, then the name (in the text or the next node). Only in
 * short texts that hold a digit before the lead-in. */
static void after_date_byline(ctx *c, const walkstate *w, const wn_node *t, char *buf)
{
    static const char *const mid[] = { " by ", " von ", " par ", " por ", " door " };
    const char *p = t->text.p;
    size_t n = t->text.n;
    /* templates indent: "\n    Posted on May 2, 2020  by Jane Doe\n    " */
    while (n > 0 && wn_is_space((unsigned char)*p)) {
        p++;
        n--;
    }
    size_t len = n;   /* without trailing space, which " by " may need */
    while (len > 0 && wn_is_space((unsigned char)p[len - 1]))
        len--;
    if (len > 80 || memchr_digit(p, n) == NULL)
        return;
    /* "25.10.2022 - Reiner Nagel", "04.02.2022 | 13:10 Uhr | Uta Helkenberg":
     * a text opening with a date whose last part is a capitalised name */
    {
        char d[WN_META_DATE_LEN];
        size_t e = n, b;
        while (e > 0 && wn_is_space((unsigned char)p[e - 1]))
            e--;
        b = e;
        while (b > 0 && p[b - 1] != '|' && p[b - 1] != '-' && p[b - 1] != '\xB7' &&
               (unsigned char)p[b - 1] != 0x93)   /* | - · – */
            b--;
        if (b > 0 && b < e && wn_meta_parse_date(p, b, 0, c->max_ymd, d) &&
            memchr_digit(p + b, e - b) == NULL) {
            size_t words = 0, caps = 0;
            for (size_t i = b; i < e; i++) {
                if (!wn_is_space((unsigned char)p[i]) && (i == b || wn_is_space((unsigned char)p[i - 1]))) {
                    words++;
                    if ((p[i] >= 'A' && p[i] <= 'Z') || (unsigned char)p[i] >= 0x80)
                        caps++;
                }
            }
            if (words >= 2 && words <= 3 && caps == words) {
                memcpy(buf, p + b, e - b);
                offer_author_words(c, buf, e - b, w->article ? 42 : 38, 3);
                return;
            }
        }
    }
    for (size_t k = 0; k < sizeof mid / sizeof mid[0]; k++) {
        size_t ln = strlen(mid[k]);
        for (size_t i = 1; i + ln <= n; i++) {
            size_t j = 0, rest;
            while (j < ln && wn_ascii_lower(p[i + j]) == mid[k][j])
                j++;
            if (j < ln || memchr_digit(p, i) == NULL)
                continue;
            rest = i + ln;
            while (rest < n && wn_is_space((unsigned char)p[rest]))
                rest++;
            if (rest < n) {
                memcpy(buf, p + rest, n - rest);
                offer_author_words(c, buf, n - rest, w->article ? 44 : 40, 4);
            } else {
                const wn_node *nx = next_named(t);
                if (nx && nx->type == WN_NODE_ELEMENT && !is_block(nx->tag)) {
                    size_t m = gather(nx, buf);
                    offer_author_words(c, buf, m, w->article ? 44 : 40, 4);
                }
            }
            return;
        }
    }
}

/* Co-authors in sibling elements after the first name: "Von <a>A</a> und
 * <a>B</a>", "<a>A</a>, <a>B</a> & <a>C</a>". Appends " und B" etc. to buf[0..m)
 * while a joining text (a comma, "und", "and", "&"...) links inline elements. */
static size_t more_names(const wn_node *first, char *buf, size_t m)
{
    static const char *const joins[] = { ",", "&", "and", "und", "y", "et", ", and", ", und" };
    const wn_node *x = first;
    for (int names = 1; names < WN_META_MAX_AUTHORS; names++) {
        const wn_node *j = x->next, *nx = j ? j->next : NULL;
        if (j == NULL || j->type != WN_NODE_TEXT || nx == NULL || nx->type != WN_NODE_ELEMENT ||
            is_block(nx->tag))
            return m;
        size_t b = 0, e = j->text.n;
        while (b < e && wn_is_space((unsigned char)j->text.p[b]))
            b++;
        while (e > b && wn_is_space((unsigned char)j->text.p[e - 1]))
            e--;
        bool ok = false;
        for (size_t k = 0; k < sizeof joins / sizeof joins[0] && !ok; k++)
            ok = e - b == strlen(joins[k]) && wn_str_ieq(wn_str_make(j->text.p + b, e - b), joins[k]);
        if (!ok)
            return m;
        char name[GATHER_MAX + 1];
        size_t k = gather(nx, name);
        if (k == 0 || m + (e - b) + k + 2 > GATHER_MAX)
            return m;
        if (j->text.p[b] != ',')
            buf[m++] = ' ';
        memcpy(buf + m, j->text.p + b, e - b);
        m += e - b;
        buf[m++] = ' ';
        memcpy(buf + m, name, k);
        m += k;
        x = nx;
    }
    return m;
}

/* Words that make "X by Y" a credit for the site's making, not a byline. */
static const char *const credit_words[] = {
    "theme", "design", "designed", "powered", "template", "templates", "hosted", "developed",
    "webdesign", "icons", "logo", "realisiert", "gestaltet", "entwickelt", "umsetzung",
};

/* Whether the text of t's two previous siblings holds one of credit_words
 * ("Theme: <a>Graphy</a>" before " by Themegraphy"). */
static bool credit_before(const wn_node *t)
{
    char text[2 * (GATHER_MAX + 1)], low[sizeof text];
    size_t n = 0;
    const wn_node *x = t->prev;
    for (int k = 0; k < 2 && x; k++, x = x->prev) {
        char one[GATHER_MAX + 1];
        size_t m = x->type == WN_NODE_TEXT ? (x->text.n < GATHER_MAX ? x->text.n : GATHER_MAX)
                 : x->type == WN_NODE_ELEMENT ? gather(x, one) : 0;
        if (x->type == WN_NODE_TEXT)
            memcpy(one, x->text.p, m);
        memmove(text + m + 1, text, n);   /* prepend: siblings come backwards */
        memcpy(text, one, m);
        text[m] = ' ';
        n += m + 1;
    }
    wn_ascii_lower_n(low, text, n);
    for (size_t k = 0; k < sizeof credit_words / sizeof credit_words[0]; k++)
        if (has_word(wn_str_make(low, n), credit_words[k]))
            return true;
    return false;
}

/* "By Jane Doe" as plain text, or "By" followed by the name in the next node. */
static void on_text(ctx *c, const walkstate *w, const wn_node *t, char *buf)
{
    const char *p = t->text.p;
    size_t n = t->text.n, i = 0, lead;
    bool alone = false;
    int prio = w->article ? 44 : 40;

    /* Reading the text costs a cache miss per node: first ask whether a
     * date or a byline is still wanted at all. */
    bool want_name = n >= 2 && n <= 120 && !c->no_names &&
                     (c->author.prio < 45 || c->byline.prio < 45);
    if (c->date.prio >= 56 && !want_name)
        return;
    /* most text nodes are the indentation between tags: nothing to read */
    if (wn_all_blank(p, n))
        return;
    text_date(c, w, t);
    if (!want_name)
        return;
    /* "| By ", "- Redaktion:": separators before the lead-in */
    for (;;) {
        if (i < n && (wn_is_space((unsigned char)p[i]) || p[i] == '|' || p[i] == '-' ||
                      p[i] == '/' || p[i] == '(' || p[i] == '*'))
            i++;
        else if (i + 1 < n && (unsigned char)p[i] == 0xC2 && (unsigned char)p[i + 1] == 0xA0)
            i += 2;
        else
            break;
    }
    if (n - i < 2)
        return;
    lead = match_lead(p + i, n - i, &alone);
    if (lead == 0) {
        after_date_byline(c, w, t, buf);
        return;
    }
    if (credit_before(t))
        return;   /* "Theme: <a>Graphy</a> by Themegraphy" */
    /* Prose also says "by phasing out": after a plain word lead-in, the name
     * must start with a capital (or a non-ASCII letter). */
    if (!alone && lead <= 5 && p[i + lead - 1] != ':') {
        size_t k = i + lead;
        while (k < n && wn_is_space((unsigned char)p[k]))
            k++;
        if (k < n && (unsigned char)p[k] < 0x80 && !(p[k] >= 'A' && p[k] <= 'Z'))
            return;
    }
    if (alone) {
        const wn_node *nx = next_named(t);
        size_t m;
        if (nx == NULL)
            return;
        if (nx->type == WN_NODE_TEXT) {
            m = nx->text.n < GATHER_MAX ? nx->text.n : GATHER_MAX;
            memcpy(buf, nx->text.p, m);
        } else if (nx->type == WN_NODE_ELEMENT) {
            /* a block after a heading "Autor" holds the name alone, or it is
             * something else: the word limit tells */
            m = gather(nx, buf);
            if (is_block(nx->tag)) {
                offer_author_words(c, buf, m, prio, 4);
                return;
            }
            m = more_names(nx, buf, m);
        } else {
            return;
        }
        offer_author_words(c, buf, m, prio, 5);
        return;
    }
    /* Text starting "By " may continue in the following inline element. */
    {
        size_t m = n - i < GATHER_MAX ? n - i : GATHER_MAX;
        memcpy(buf, p + i, m);
        if (m < 3 || buf[m - 1] == ' ') {
            const wn_node *nx = t->next;
            if (nx && nx->type == WN_NODE_ELEMENT && !is_block(nx->tag)) {
                char tmp[GATHER_MAX + 1];
                size_t k = gather(nx, tmp);
                if (m + k > GATHER_MAX)
                    k = GATHER_MAX - m;
                memcpy(buf + m, tmp, k);
                m += k;
            }
        }
        offer_author_words(c, buf, m, prio, 5);
    }
}

/* A microdata item that is a property of the page's item and names another
 * work: the references of a paper (itemprop=citation), reviews, comments,
 * parts and listed items. */
static bool other_work_item(const wn_node *el)
{
    static const char *const props[] = { "citation", "review", "reviews", "comment", "hasPart",
                                         "mentions", "itemListElement", "isBasedOn", "workExample" };
    wn_str v;
    if (wn_dom_attr(el, "itemscope") == NULL || (v = wn_dom_attr_value(el, "itemprop")).n == 0)
        return false;
    for (size_t k = 0; k < sizeof props / sizeof props[0]; k++)
        if (has_token(v, props[k]))
            return true;
    return false;
}

static void walk(ctx *c, const wn_doc *d)
{
    walkstate w;
    elcls ec;
    char buf[GATHER_MAX + 1];
    size_t visited = 0;
    const wn_node *n = d->root;
    /* The node a pre-order walk reaches right after a marked subtree: meeting
     * it means the subtree is left (no ancestor climbing per node). */
    const wn_node *article_exit = NULL, *marks_exit = NULL, *form_exit = NULL, *work_exit = NULL;
    bool form_small = false;

    memset(&w, 0, sizeof w);
    while (n && visited++ < WALK_MAX_NODES && !c->oom) {
        bool skip = false;
        if (w.article && n == article_exit)
            w.article = NULL;
        if (w.skip_marks && n == marks_exit)
            w.skip_marks = NULL;
        if (w.form && n == form_exit)
            w.form = NULL;
        if (w.other_work && n == work_exit)
            w.other_work = NULL;
        if (n->type == WN_NODE_ELEMENT && n->ns == WN_NS_HTML) {
            const wn_node *marks_before = w.skip_marks;
            switch (n->tag) {
            case WN_TAG_BODY:
                w.in_body = true;
                break;
            case WN_TAG_STYLE: case WN_TAG_NOSCRIPT: case WN_TAG_TEMPLATE: case WN_TAG_SELECT:
            case WN_TAG_IFRAME: case WN_TAG_TEXTAREA: case WN_TAG_OPTION:
                skip = true;
                break;
            case WN_TAG_ARTICLE: case WN_TAG_MAIN:
                if (w.article == NULL) {
                    w.article = n;
                    article_exit = wn_dom_next(d->root, n, true);
                }
                break;
            case WN_TAG_FORM:
                /* a form wrapping the whole page (ASP.NET) is no comment form */
                if (w.form == NULL) {
                    w.form = n;
                    form_exit = wn_dom_next(d->root, n, true);
                    form_small = is_small(c, n, d->node_count);
                }
                break;
            case WN_TAG_NAV:
                if (w.skip_marks == NULL && w.in_body) {
                    w.skip_marks = n;
                    w.noise_kind = 1;
                }
                break;
            case WN_TAG_FOOTER: case WN_TAG_ASIDE:
                /* the page's footer or sidebar, not an article's byline box */
                if (w.skip_marks == NULL && w.in_body && w.article == NULL) {
                    w.skip_marks = n;
                    w.noise_kind = 1;
                }
                break;
            default:
                break;
            }
            if (!skip) {
                elcls_init(&ec, n);
                /* <body class="has-sidebar"> says nothing about its contents */
                if (w.in_body && w.skip_marks == NULL && n->nattrs && n->tag != WN_TAG_BODY &&
                    n->tag != WN_TAG_ARTICLE && n->tag != WN_TAG_MAIN &&
                    (w.noise_kind = is_noise_box(c, &ec, d->node_count)) > 0)
                    w.skip_marks = n;
                if (w.skip_marks != marks_before)
                    marks_exit = wn_dom_next(d->root, n, true);
                c->penalty = w.skip_marks ? 30 : 0;
                c->no_names = (w.skip_marks && w.noise_kind == 2) || (w.form && form_small);
                c->since_h1++;
                if (w.other_work == NULL && n->nattrs && other_work_item(n)) {
                    w.other_work = n;
                    work_exit = wn_dom_next(d->root, n, true);
                }
                on_element(c, &w, &ec, buf);
            }
            if (n->tag == WN_TAG_SCRIPT)
                skip = true;
        } else if (n->type == WN_NODE_ELEMENT) {
            skip = true;   /* svg, math */
        } else if (n->type == WN_NODE_TEXT && w.in_body) {
            c->penalty = w.skip_marks ? 30 : 0;
            c->no_names = (w.skip_marks && w.noise_kind == 2) || (w.form && form_small);
            on_text(c, &w, n, buf);
        }
        n = wn_dom_next(d->root, n, skip);
    }
    c->penalty = 0;
    c->no_names = false;
}

/* MARK: Entry point ----------------------------------------------------------- */

static const char *keep(wn_arena *out, const char *s, bool *oom)
{
    char *r;
    if (s == NULL || *s == '\0')
        return NULL;
    r = wn_arena_strdup(out, s, strlen(s));
    if (r == NULL)
        *oom = true;
    return r;
}

static const char **keep_list(wn_arena *out, const char *const *items, size_t n, bool *oom)
{
    const char **arr;
    if (n == 0)
        return NULL;
    arr = wn_arena_alloc(out, n * sizeof *arr);
    if (arr == NULL) {
        *oom = true;
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        arr[i] = keep(out, items[i], oom);
    return arr;
}

int wn_meta_extract(const wn_doc *d, const char *page_url, wn_arena *out, wn_meta *m)
{
    wn_arena scratch;
    ctx c;
    bool oom = false;

    memset(m, 0, sizeof *m);
    if (d == NULL || d->root == NULL)
        return 0;
    wn_arena_init(&scratch, SCRATCH_LIMIT);
    memset(&c, 0, sizeof c);
    c.scratch = &scratch;
    c.root = d->root;
    c.max_ymd = wn_meta_date_bound();
    c.last_h1 = MAX_H1 + 1;
    c.page_url = page_url;
    c.dmy = WN_DATE_DMY;
    walk(&c, d);
    if (!c.oom)
        wn_meta_decide(&c, page_url);

    m->title = keep(out, c.title.v, &oom);
    m->author = keep(out, c.author.v, &oom);
    m->date = keep(out, c.date.v, &oom);
    m->date_modified = keep(out, c.datemod.v, &oom);
    m->sitename = keep(out, c.site.v, &oom);
    m->description = keep(out, c.desc.v, &oom);
    m->language = keep(out, c.lang.v, &oom);
    m->url = keep(out, c.url.v, &oom);
    m->image = keep(out, c.image.v, &oom);
    m->license = keep(out, c.license.v, &oom);
    m->categories = keep_list(out, c.cats, c.ncats, &oom);
    m->ncategories = m->categories ? c.ncats : 0;
    m->tags = keep_list(out, c.tags, c.ntags, &oom);
    m->ntags = m->tags ? c.ntags : 0;
    wn_arena_fini(&scratch);
    /* Running out of scratch on a hostile page degrades to fewer fields; only
     * failing to store the result is an error. */
    return oom ? -1 : 0;
}
