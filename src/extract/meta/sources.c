/*
 * sources.c: what the metadata walk offers to the slots: <meta> names and
 * their priorities, and the text of elements (headings, bylines, links).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "extract/meta/meta_internal.h"
#include "extract/meta/meta_ctx.h"
#include "extract/signals/signals.h"
#include "extract/signals/lexicon_data.h"

void offer_date(ctx *c, slot *s, const char *p, size_t n, unsigned flags, int prio)
{
    char buf[WN_META_DATE_LEN];
    /* a sidebar's date still beats no date at all: a smaller penalty than names */
    prio -= c->penalty * WN_TUNE.prio.date_penalty_num / WN_TUNE.prio.date_penalty_den;
    if (prio <= s->prio || n == 0)
        return;
    if (wn_meta_parse_date(p, n, flags, c->max_ymd, buf))
        offer(s, wn_arena_strdup(c->scratch, buf, strlen(buf)), prio);
}

void offer_author(ctx *c, const char *p, size_t n, int prio)
{
    offer_author_words(c, p, n, prio, WN_TUNE.meta.author_words);
}

/* A picture credit, not a person: an author candidate opening with a
 * credit_label word marked NAME and a space or a colon ("Photo by", "Foto:
 * dpa", "Bild via"), or naming a platform pictures come from (credit_mark
 * words marked AUTHOR: "Photo from the band's Instagram", "via Getty Images"). */
bool wn_meta_credit_like(const char *s)
{
    char f[WN_META_MAX_NAME + 8];
    size_t n = 0;
    for (const char *p = s; *p && n < sizeof f - 1; p++)
        f[n++] = wn_ascii_lower(*p);
    f[n] = '\0';
    for (size_t k = 0; k < WN_LEX_CREDIT_LABEL_N; k++) {
        const char *lead = wn_lex_credit_label[k];
        size_t m = strlen(lead);
        if ((wn_lex_credit_label_bits[k] & WN_LEX_CREDIT_LABEL_NAME) && n > m &&
            memcmp(f, lead, m) == 0 && (f[m] == ' ' || f[m] == ':'))
            return true;
    }
    for (size_t k = 0; k < WN_LEX_CREDIT_MARK_N; k++) {
        if (!(wn_lex_credit_mark_bits[k] & WN_LEX_CREDIT_MARK_AUTHOR))
            continue;
        const char *q = strstr(f, wn_lex_credit_mark[k]);
        if (q && (q == f || q[-1] == ' ' || q[-1] == '/' || q[-1] == '('))
            return true;
    }
    return false;
}

/* max_words: a byline found by its lead-in in running text must be short, or
 * it is prose ("von Sozialabgaben befreit sind ..."). */
void offer_author_words(ctx *c, const char *p, size_t n, int prio, size_t max_words)
{
    char *s;
    /* Names in comment threads and forms are commenters, never the author. */
    if (c->no_names || n == 0 || wn_meta_is_url(p, n))
        return;
    prio -= c->penalty;
    if (prio <= c->author.prio && (prio >= WN_TUNE.prio.metadata_min || prio <= c->byline.prio))
        return;
    s = wn_meta_clean(c->scratch, p, n, 4 * WN_META_MAX_NAME);
    if (s == NULL) {
        c->oom = true;
        return;
    }
    s = wn_meta_clean_byline(s);
    /* a name in the markup is capitalised; metadata may hold a login or a credit */
    if (prio < WN_TUNE.prio.metadata_min && (wn_meta_prose_like(s) || wn_meta_credit_like(s)))
        return;
    if (wn_meta_author_ok(s) && (words_in(s) <= max_words || wn_meta_name_list(s, WN_TUNE.meta.name_list_words))) {
        offer(&c->author, s, prio);
        if (prio < WN_TUNE.prio.metadata_min)   /* markup, not metadata: see meta_keys */
            offer(&c->byline, s, prio);
    }
}

/* Replace a list when a better source offers one. */
void offer_list(ctx *c, const char **items, size_t *count, int *lprio, const char *p,
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

/* name= / property= / itemprop= keys, lowercase, the field each fills and its
 * priority, a named field of WN_TUNE.meta_name (extract/tuning.h says why
 * each ranks where it does). */
#define MK(key, field, prio) { key, sizeof key - 1, field, &WN_TUNE.meta_name.prio }
static const struct { const char *key; uint8_t len, field; const int *prio; } meta_keys[] = {
    MK("og:title", F_TITLE, title_og),
    MK("twitter:title", F_TITLE, title_twitter),
    MK("parsely-title", F_TITLE, title_parsely),
    MK("sailthru.title", F_TITLE, title_sailthru),
    MK("dc.title", F_TITLE, title_dc),
    MK("dcterms.title", F_TITLE, title_dc),
    MK("citation_title", F_TITLE, title_citation),
    MK("headline", F_TITLE, title_headline),
    MK("title", F_TITLE, title_meta),
    MK("author", F_AUTHOR, author_meta),
    MK("article:author", F_AUTHOR, author_og),
    MK("og:article:author", F_AUTHOR, author_og),
    MK("article:author_name", F_AUTHOR, author_og_name),
    MK("parsely-author", F_AUTHOR, author_parsely),
    MK("sailthru.author", F_AUTHOR, author_sailthru),
    MK("dc.creator", F_AUTHOR, author_dc),
    MK("dcterms.creator", F_AUTHOR, author_dc),
    MK("citation_author", F_AUTHOR, author_citation),
    MK("byl", F_AUTHOR, author_other),
    MK("book:author", F_AUTHOR, author_other),
    MK("dc.creator.aut", F_AUTHOR, author_other),
    MK("article:published_time", F_DATE, date_og_time),
    MK("og:article:published_time", F_DATE, date_og_time),
    MK("article:published", F_DATE, date_published),
    MK("og:published_time", F_DATE, date_published),
    MK("datepublished", F_DATE, date_published),
    MK("parsely-pub-date", F_DATE, date_parsely),
    MK("sailthru.date", F_DATE, date_publish_named),
    MK("citation_publication_date", F_DATE, date_publish_named),
    MK("citation_date", F_DATE, date_issued),
    MK("dc.date.issued", F_DATE, date_issued),
    MK("dcterms.issued", F_DATE, date_issued),
    MK("dc.date", F_DATE, date_bare),
    MK("dcterms.date", F_DATE, date_bare),
    MK("dcterms.created", F_DATE, date_dc_created),
    MK("dc.date.created", F_DATE, date_dc_created),
    MK("datecreated", F_DATE, date_created),
    MK("pubdate", F_DATE, date_publish_named),
    MK("publishdate", F_DATE, date_publish_named),
    MK("publish-date", F_DATE, date_publish_named),
    MK("publish_date", F_DATE, date_publish_named),
    MK("publication_date", F_DATE, date_publish_named),
    MK("published_time", F_DATE, date_publish_named),
    MK("published-date", F_DATE, date_publish_named),
    MK("article.published", F_DATE, date_publish_named),
    MK("article_date_original", F_DATE, date_publish_named),
    MK("original-publish-date", F_DATE, date_original),
    MK("cxenseparse:recs:publishtime", F_DATE, date_issued),
    MK("date", F_DATE, date_bare),
    MK("created", F_DATE, date_created_bare),
    MK("date.created", F_DATE, date_created_dotted),
    MK("releasedate", F_DATE, date_release),
    MK("og:pubdate", F_DATE, date_publish_named),
    MK("article:modified_time", F_DATEMOD, datemod_declared),
    MK("og:updated_time", F_DATEMOD, datemod_og_updated),
    MK("datemodified", F_DATEMOD, datemod_declared),
    MK("dcterms.modified", F_DATEMOD, datemod_dc),
    MK("last-modified", F_DATEMOD, datemod_bare),
    MK("lastmod", F_DATEMOD, datemod_bare),
    MK("og:site_name", F_SITE, site_og),
    MK("application-name", F_SITE, site_app_name),
    MK("apple-mobile-web-app-title", F_SITE, site_apple_title),
    MK("publisher", F_SITE, site_publisher),
    MK("dc.publisher", F_SITE, site_dc_publisher),
    MK("dcterms.publisher", F_SITE, site_dc_publisher),
    MK("twitter:app:name:iphone", F_SITE, site_app_store),
    MK("og:description", F_DESC, desc_og),
    MK("description", F_DESC, desc_meta),
    MK("twitter:description", F_DESC, desc_twitter),
    MK("dc.description", F_DESC, desc_dc),
    MK("dcterms.description", F_DESC, desc_dc),
    MK("dcterms.abstract", F_DESC, desc_abstract),
    MK("content-language", F_LANG, lang_http_equiv),
    MK("language", F_LANG, lang_named),
    MK("dc.language", F_LANG, lang_named),
    MK("dcterms.language", F_LANG, lang_named),
    MK("og:locale", F_LANG, lang_og_locale),
    MK("inlanguage", F_LANG, lang_named),
    MK("og:url", F_URL, url_og),
    MK("twitter:url", F_URL, url_twitter),
    MK("og:image", F_IMAGE, image_og),
    MK("og:image:url", F_IMAGE, image_og_url),
    MK("og:image:secure_url", F_IMAGE, image_og_url),
    MK("twitter:image", F_IMAGE, image_twitter),
    MK("twitter:image:src", F_IMAGE, image_twitter),
    MK("thumbnailurl", F_IMAGE, image_thumbnail),
    MK("image", F_IMAGE, image_itemprop),
    MK("dcterms.license", F_LICENSE, license_dc),
    MK("dc.rights", F_LICENSE, license_rights),
    MK("dcterms.rights", F_LICENSE, license_rights),
    MK("license", F_LICENSE, license_meta),
    MK("article:section", F_CAT, cat_og_section),
    MK("og:article:section", F_CAT, cat_og_section),
    MK("parsely-section", F_CAT, cat_parsely),
    MK("articlesection", F_CAT, cat_articlesection),
    MK("category", F_CAT, cat_meta),
    MK("article:tag", F_TAG, tag_og),
    MK("og:article:tag", F_TAG, tag_og),
    MK("parsely-tags", F_TAG, tag_parsely),
    MK("news_keywords", F_TAG, tag_news_keywords),
    MK("keywords", F_TAG, tag_keywords),
    MK("dc.subject", F_TAG, tag_dc_subject),
};
#undef MK

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
                               prio <= WN_TUNE.prio.tags_split_max || memchr(p, ',', n) != NULL);
                    break;
    default: break;
    }
}

/* Yoast writes the byline as a Twitter card label: twitter:label1 "Written
 * by" then twitter:data1 "Jane Doe". Returns true when name is such a label
 * (a byline_leadin word marked LABEL). */
static bool written_by_label(wn_str v)
{
    for (size_t k = 0; k < WN_LEX_BYLINE_LEADIN_N; k++)
        if ((wn_lex_byline_leadin_bits[k] & WN_LEX_BYLINE_LEADIN_LABEL) &&
            wn_str_ieq(v, wn_lex_byline_leadin[k]))
            return true;
    return false;
}

/* in_other_work: inside a microdata item of another work, whose itemprop
 * values are not the page's. */
void on_meta(ctx *c, const wn_node *el, bool in_other_work)
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
            offer_author(c, content.p, content.n, WN_TUNE.prio.twitter_data_author);
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
                if (key.n == meta_keys[t].len && wn_str_ieq(key, meta_keys[t].key)) {
                    int prio = *meta_keys[t].prio;
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

bool is_block(uint16_t tag)
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
size_t gather(const wn_node *el, char *buf)
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
            else if (n->tag == WN_TAG_A && wn_anchor_mark(n))
                skip = true;   /* a heading's "¶" link: no part of its words */
            else if (is_block(n->tag) && o > 0 && o < GATHER_MAX)
                buf[o++] = ' ';
        } else {
            skip = true;
        }
        n = wn_dom_next(el, n, skip);
    }
    return o;
}

bool has_word(wn_str s, const char *w)
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
bool has_token(wn_str s, const char *tok)
{
    if (s.n == 0)
        return false;   /* most elements lack the attribute: no strlen */
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

bool looks_like_jsonld(wn_str t)
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
int heading_link(const ctx *c, const wn_node *el)
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
