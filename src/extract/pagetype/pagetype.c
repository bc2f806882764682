/*
 * pagetype.c: the page-type classifier (see pagetype.h). Two parts:
 *   measure(): one pre-order walk of the page fills the signal vector f[];
 *              runs of alike siblings (cards, posts) are looked into with a
 *              bounded scan, so the whole stays linear in the page;
 *   decide():  the rules of pagetype_rules.h add weights to each type; the
 *              best total wins, article when nothing beats its prior.
 */
#include "extract/pagetype/pagetype.h"

#include <math.h>
#include <string.h>

#include "core/str.h"
#include "extract/signals/signals.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/wordset.h"
#include "extract/tuning.h"

static const char *const feature_names[PTF__COUNT] = {
    [PTF_SCHEMA_ARTICLE] = "schema_article", [PTF_SCHEMA_TECH] = "schema_tech",
    [PTF_SCHEMA_FORUM] = "schema_forum", [PTF_SCHEMA_PRODUCT] = "schema_product",
    [PTF_SCHEMA_LIST] = "schema_list", [PTF_SCHEMA_SERVICE] = "schema_service",
    [PTF_SCHEMA_WEBPAGE] = "schema_webpage", [PTF_SCHEMA_FAQ] = "schema_faq",
    [PTF_CARD_ITEMS] = "card_items", [PTF_CARD_GROUPS] = "card_groups",
    [PTF_CARD_PRICE] = "card_price", [PTF_CARD_DATE] = "card_date", [PTF_CARD_IMG] = "card_img",
    [PTF_CARD_TEXT] = "card_text", [PTF_POST_ITEMS] = "post_items",
    [PTF_CARD_PRICED] = "card_priced", [PTF_CARD_DATED] = "card_dated", [PTF_PRICES] = "prices",
    [PTF_CART] = "cart", [PTF_PRODUCT_NAMES] = "product_names", [PTF_FORUM_NAMES] = "forum_names",
    [PTF_DOC_NAMES] = "doc_names", [PTF_LIST_NAMES] = "list_names",
    [PTF_ARTICLE_NAMES] = "article_names", [PTF_SERVICE_NAMES] = "service_names",
    [PTF_PRE] = "pre", [PTF_CODE] = "code", [PTF_TABLES] = "tables", [PTF_HEADINGS] = "headings",
    [PTF_ARTICLES] = "articles", [PTF_TIMES] = "times", [PTF_LONG_P] = "long_p",
    [PTF_LONGEST_P] = "longest_p", [PTF_TEXT_K] = "text_k", [PTF_LINK_DENSITY] = "link_density",
    [PTF_FORMS] = "forms", [PTF_BUTTONS] = "buttons", [PTF_HAS_DATE] = "has_date",
    [PTF_HAS_AUTHOR] = "has_author", [PTF_URL_ARTICLE] = "url_article",
    [PTF_URL_FORUM] = "url_forum", [PTF_URL_PRODUCT] = "url_product",
    [PTF_URL_COLLECTION] = "url_collection", [PTF_URL_DOCS] = "url_docs",
    [PTF_URL_INDEX] = "url_index", [PTF_URL_SLUG] = "url_slug", [PTF_URL_DEPTH] = "url_depth",
};

const char *wn_pagetype_feature_name(int f)
{
    return f >= 0 && f < PTF__COUNT ? feature_names[f] : NULL;
}

#include "extract/pagetype/pagetype_rules.h"
#include "extract/pagetype/pagetype_model.h"

_Static_assert(PT_MODEL_SIGNALS == PTF__COUNT && PT_MODEL_RULES == N_RULES,
               "pagetype_model.h was trained on other inputs: retrain (tools/train_pagetype.py)");
_Static_assert(PT_MODEL_TYPES == WN_PAGE__COUNT - WN_PAGE_ARTICLE, "one model row per page type");

/* MARK: Small text tests */

static bool is_digit(unsigned char ch)
{
    return ch >= '0' && ch <= '9';
}

/* The size of a text, in bytes: the classifier's measures are coarse on
 * purpose, and counting characters would cost a pass over every byte. */
static uint32_t text_size(const wn_node *t)
{
    return (uint32_t)t->text.n;
}

/* Whether p[0..n) holds an ASCII digit. Every price and date has one and most
 * short texts (the whitespace between tags, words) have none, so this runs
 * first, eight bytes a step: after x ^ '0'.., a digit is a byte under 10, and
 * "some byte under 10" is the exact borrow test (bytes of 0x80 and up, which
 * are no digits, never set it). */
static bool has_digit(const char *p, size_t n)
{
    const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t x;
        memcpy(&x, p + i, 8);
        uint64_t t = x ^ (ones * '0');
        if ((t - ones * 10) & ~t & highs)
            return true;
    }
    for (; i < n; i++)
        if (is_digit((unsigned char)p[i]))
            return true;
    return false;
}

/* Bytes of a currency sign at p (dollar, pound, yen, euro, rupee), or 0. */
static size_t currency_sign(const char *p, size_t n)
{
    unsigned char ch = (unsigned char)p[0];
    if (ch == '$')
        return 1;
    if (ch == 0xC2 && n >= 2 && ((unsigned char)p[1] == 0xA3 || (unsigned char)p[1] == 0xA5))
        return 2;
    if (ch == 0xE2 && n >= 3 && (unsigned char)p[1] == 0x82 &&
        ((unsigned char)p[2] == 0xAC || (unsigned char)p[2] == 0xB9))
        return 3;
    return 0;
}

/* A price as shops print it, alone in its element: a currency sign then a
 * number ("$12", "£ 5.00"), or a number ending in one ("12,99 €"). Texts
 * that start with anything else are rejected at their first byte. */
static bool has_price(const char *p, size_t n)
{
    size_t i = 0;
    while (i < n && wn_is_space((unsigned char)p[i]))
        i++;
    if (i == n)
        return false;
    size_t sign = currency_sign(p + i, n - i);
    if (sign) {
        i += sign;
        while (i < n && p[i] == ' ')
            i++;
        return i < n && is_digit((unsigned char)p[i]);
    }
    if (!is_digit((unsigned char)p[i]))
        return false;
    while (i < n && (is_digit((unsigned char)p[i]) || p[i] == '.' || p[i] == ',' || p[i] == ' '))
        i++;
    return i < n && currency_sign(p + i, n - i) != 0;
}

/* A date as pages print them: "12 March 2024", "Mar 3, 2024", "2024-03-12",
 * "03/12/2024". Loose on purpose: it marks items of a list that carry dates. */
static bool has_date(const char *p, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++) {
        unsigned char ch = (unsigned char)p[i];
        if (ch >= 'A' && ch <= 'Z' && (i == 0 || !((unsigned char)p[i - 1] >= 'a' && (unsigned char)p[i - 1] <= 'z'))) {
            for (size_t m = 0; m < WN_LEX_MONTH_ABBREV3_N; m++) {
                const char *w = wn_lex_month_abbrev3[m];   /* lowercase: the capital folded */
                if ((ch | 0x20) != (unsigned char)w[0] || p[i + 1] != w[1] || p[i + 2] != w[2])
                    continue;
                /* a digit within the next 12 bytes, after the word */
                size_t j = i + 3;
                while (j < n && j < i + 10 && ((unsigned char)p[j] | 0x20) >= 'a' && ((unsigned char)p[j] | 0x20) <= 'z')
                    j++;
                for (size_t k = j; k < n && k < j + 3; k++)
                    if (is_digit((unsigned char)p[k]))
                        return true;
                /* or a day number right before it: "12 March" */
                if (i >= 2 && p[i - 1] == ' ' && is_digit((unsigned char)p[i - 2]))
                    return true;
            }
        }
        if (i + 10 <= n && is_digit(ch) && is_digit((unsigned char)p[i + 1]) &&
            is_digit((unsigned char)p[i + 2]) && is_digit((unsigned char)p[i + 3]) &&
            (p[i + 4] == '-' || p[i + 4] == '/') && is_digit((unsigned char)p[i + 5]))
            return true;
        if (i + 10 <= n && is_digit(ch) && is_digit((unsigned char)p[i + 1]) && p[i + 2] == '/' &&
            is_digit((unsigned char)p[i + 3]) && is_digit((unsigned char)p[i + 4]) && p[i + 5] == '/' &&
            is_digit((unsigned char)p[i + 6]) && is_digit((unsigned char)p[i + 9]))
            return true;
    }
    return false;
}

/* The bits of the pt_host_word words the lowercased host s holds at a word
 * start (after a non-letter or at 0): "docs.example.org" and "example-docs.org"
 * both hold "docs". */
static unsigned host_bits(const char *s, size_t n)
{
    unsigned bits = 0;
    for (size_t w = 0; w < WN_LEX_PT_HOST_WORD_N; w++) {
        const char *word = wn_lex_pt_host_word[w];
        size_t wl = wn_lex_pt_host_word_len[w];
        for (size_t i = 0; i + wl <= n; i++) {
            if (i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z')
                continue;
            if (s[i] == word[0] && !memcmp(s + i, word, wl)) {
                bits |= wn_lex_pt_host_word_bits[w];
                break;
            }
        }
    }
    return bits;
}

/* MARK: Declared types */

/* Add the votes of one schema.org type name (a bare name or a URL ending in it). */
static void schema_vote(const char *p, size_t n, float *f)
{
    for (size_t i = n; i > 0; i--) {
        if (p[i - 1] == '/' || p[i - 1] == ':' || p[i - 1] == '#') {
            p += i;
            n -= i;
            break;
        }
    }
    for (size_t k = 0; k < WN_LEX_PT_SCHEMA_TYPE_N; k++) {
        if (wn_lex_pt_schema_type_len[k] == n && !memcmp(wn_lex_pt_schema_type[k], p, n)) {
            f[schema_features[k]] += 1;
            return;
        }
    }
}

/* Every "@type" value of a JSON-LD script: a string or an array of strings.
 * A plain scan (no JSON parse): types are what is wanted, wherever they sit. */
static void jsonld_types(const char *p, size_t n, float *f)
{
    static const char key[] = "\"@type\"";
    const size_t kl = sizeof key - 1;
    unsigned found = 0;
    for (size_t i = 0; i + kl < n && found < 256; i++) {
        if (p[i] != '"' || memcmp(p + i, key, kl) != 0)
            continue;
        size_t j = i + kl;
        while (j < n && (wn_is_space((unsigned char)p[j]) || p[j] == ':'))
            j++;
        bool array = j < n && p[j] == '[';
        if (array)
            j++;
        for (;;) {
            while (j < n && (wn_is_space((unsigned char)p[j]) || p[j] == ','))
                j++;
            if (j >= n || p[j] != '"')
                break;
            size_t s = ++j;
            while (j < n && p[j] != '"' && j - s < 80)
                j++;
            if (j >= n || p[j] != '"')
                break;
            schema_vote(p + s, j - s, f);
            found++;
            j++;
            if (!array)
                break;
        }
        i = j > i ? j - 1 : i;
    }
}

/* MARK: The address */

/* The bits of the pt_path_segment row that is the whole segment s, or 0. */
static unsigned seg_bits(const char *s, size_t n)
{
    for (size_t w = 0; w < WN_LEX_PT_PATH_SEGMENT_N; w++)
        if (wn_lex_pt_path_segment_len[w] == n && !memcmp(s, wn_lex_pt_path_segment[w], n))
            return wn_lex_pt_path_segment_bits[w];
    return 0;
}

static void measure_url(const char *url, float *f)
{
    if (url == NULL || *url == '\0')
        return;
    const char *p = strstr(url, "://");
    p = p ? p + 3 : url;
    const char *host = p;
    while (*p && *p != '/' && *p != '?' && *p != '#')
        p++;
    size_t hn = (size_t)(p - host);
    char low[256];
    /* Host: the first label names a site's part ("docs.", "forum."). */
    size_t ln = hn < sizeof low ? hn : sizeof low - 1;
    wn_ascii_lower_n(low, host, ln);
    unsigned host_words = host_bits(low, ln);
    if (host_words & WN_LEX_PT_HOST_WORD_DOCS)
        f[PTF_URL_DOCS] = 1;
    if (host_words & WN_LEX_PT_HOST_WORD_FORUM)
        f[PTF_URL_FORUM] = 1;
    /* Path segments. */
    int depth = 0, year_seen = 0;
    const char *last = NULL;
    size_t last_n = 0;
    while (*p == '/') {
        const char *s = ++p;
        while (*p && *p != '/' && *p != '?' && *p != '#')
            p++;
        size_t n = (size_t)(p - s);
        if (n == 0)
            continue;
        depth++;
        ln = n < sizeof low ? n : sizeof low - 1;
        wn_ascii_lower_n(low, s, ln);
        unsigned seg = seg_bits(low, ln);
        if (seg & WN_LEX_PT_PATH_SEGMENT_DOCS)
            f[PTF_URL_DOCS] = 1;
        if (seg & WN_LEX_PT_PATH_SEGMENT_FORUM)
            f[PTF_URL_FORUM] = 1;
        if (seg & WN_LEX_PT_PATH_SEGMENT_PRODUCT)
            f[PTF_URL_PRODUCT] = 1;
        if (seg & WN_LEX_PT_PATH_SEGMENT_COLLECTION)
            f[PTF_URL_COLLECTION] = 1;
        if (seg & WN_LEX_PT_PATH_SEGMENT_ARTICLE)
            year_seen |= 2;
        if (n == 4 && is_digit((unsigned char)s[0]) && (s[0] == '1' || s[0] == '2') &&
            is_digit((unsigned char)s[1]) && is_digit((unsigned char)s[2]) && is_digit((unsigned char)s[3]))
            year_seen |= 1;
        last = s;
        last_n = n;
    }
    f[PTF_URL_DEPTH] = (float)depth;
    if (last) {
        ln = last_n < sizeof low ? last_n : sizeof low - 1;
        wn_ascii_lower_n(low, last, ln);
        if (seg_bits(low, ln) & WN_LEX_PT_PATH_SEGMENT_INDEX)
            f[PTF_URL_INDEX] = 1;
        int words = 1;
        for (size_t i = 0; i < ln; i++)
            words += low[i] == '-' || low[i] == '_';
        f[PTF_URL_SLUG] = (float)words;
        /* A dated path, or a news/blog section, ending in a long slug. */
        if (year_seen && words >= WN_TUNE.pagetype.slug_min_words && !f[PTF_URL_INDEX])
            f[PTF_URL_ARTICLE] = 1;
    }
}

/* MARK: Runs of alike siblings */

typedef struct item_info {
    bool link, price, date, img, heading, postname;
    uint32_t text, link_text;
} item_info;

/* Look into one item, up to budget nodes (shared by the whole page). */
static void scan_item(const wn_node *item, item_info *ii, uint32_t *budget)
{
    memset(ii, 0, sizeof *ii);
    for (const wn_node *x = item; x && *budget > 0; (*budget)--) {
        bool skip = false;
        if (x->type == WN_NODE_TEXT) {
            uint32_t k = text_size(x);
            ii->text += k;
            if (k <= WN_TUNE.pagetype.marker_max_bytes && has_digit(x->text.p, x->text.n)) {
                if (!ii->price && has_price(x->text.p, x->text.n))
                    ii->price = true;
                if (!ii->date && has_date(x->text.p, x->text.n))
                    ii->date = true;
            }
            int up = 0;
            for (const wn_node *a = x->parent; a && a != item->parent && up < WN_TUNE.pagetype.link_levels;
                 a = a->parent, up++)
                if (wn_is_html(a, WN_TAG_A)) {
                    ii->link_text += k;
                    break;
                }
        } else if (x->type == WN_NODE_ELEMENT) {
            switch (x->tag) {
            case WN_TAG_A:
                if (wn_dom_attr(x, "href"))
                    ii->link = true;
                break;
            case WN_TAG_IMG: case WN_TAG_PICTURE: ii->img = true; break;
            case WN_TAG_TIME: ii->date = true; break;
            case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5:
            case WN_TAG_H6:
                ii->heading = true;
                break;
            case WN_TAG_SCRIPT: case WN_TAG_STYLE: case WN_TAG_SVG: case WN_TAG_TEMPLATE:
                skip = true;
                break;
            default:
                break;
            }
        }
        x = wn_dom_next(item, x, skip);
    }
}

static bool in_chrome(const wn_node *x)
{
    for (const wn_node *p = x; p; p = p->parent)
        if (wn_is_html(p, WN_TAG_NAV) || wn_is_html(p, WN_TAG_HEADER) ||
            wn_is_html(p, WN_TAG_FOOTER) || wn_is_html(p, WN_TAG_SELECT))
            return true;
    return false;
}

static bool postlike_name(const wn_node *x)
{
    char low[128];
    wn_str cl = wn_dom_attr_value(x, "class");
    size_t n = cl.n < sizeof low ? cl.n : sizeof low;
    wn_ascii_lower_n(low, cl.p, n);
    return n && wn_wordset_hit(&ws_post, low, n);
}

/* A run of alike element siblings starting at first (count items). Items that
 * hold a link and more than a menu entry's text are cards. */
static void measure_run(const wn_node *first, uint32_t count, float *f, uint32_t *budget,
                        uint32_t *best_items)
{
    if (count < WN_TUNE.pagetype.run_min_items || in_chrome(first))
        return;
    uint32_t cards = 0, price = 0, date = 0, img = 0, text = 0, posts = 0, seen = 0;
    for (const wn_node *x = first; x && seen < count; x = x->next) {
        if (x->type != WN_NODE_ELEMENT)
            continue;
        seen++;
        item_info ii;
        scan_item(x, &ii, budget);
        uint32_t own = ii.text - ii.link_text;
        if (ii.link && (ii.heading || ii.img || own >= WN_TUNE.pagetype.card_min_own_chars || ii.price)) {
            cards++;
            price += ii.price;
            date += ii.date;
            img += ii.img;
            text += ii.text;
        }
        if (own >= WN_TUNE.pagetype.post_min_chars && postlike_name(x))
            posts++;
    }
    if (cards >= WN_TUNE.pagetype.run_min_items + 1)
        f[PTF_CARD_GROUPS] += 1;
    if (cards > *best_items) {
        *best_items = cards;
        f[PTF_CARD_ITEMS] = (float)cards;
        f[PTF_CARD_PRICE] = (float)price / (float)cards;
        f[PTF_CARD_DATE] = (float)date / (float)cards;
        f[PTF_CARD_IMG] = (float)img / (float)cards;
        f[PTF_CARD_TEXT] = (float)text / (float)cards;
        f[PTF_CARD_PRICED] = (float)price;
        f[PTF_CARD_DATED] = (float)date;
    }
    if (posts > f[PTF_POST_ITEMS])
        f[PTF_POST_ITEMS] = (float)posts;
}

/* Runs among the children of el, each measured once. */
static void measure_children(const wn_node *el, float *f, uint32_t *budget, uint32_t *best)
{
    const wn_node *start = NULL, *prev = NULL;
    uint32_t count = 0;
    for (const wn_node *x = el->first; x; x = x->next) {
        if (x->type != WN_NODE_ELEMENT)
            continue;
        if (prev && wn_alike(prev, x)) {
            count++;
        } else {
            if (start)
                measure_run(start, count, f, budget, best);
            start = x;
            count = 1;
        }
        prev = x;
    }
    if (start)
        measure_run(start, count, f, budget, best);
}

/* MARK: The walk */

/* The marker tags of recent class/id pairs: alike elements (cards, rows,
 * posts) repeat theirs, and a lookup costs less than a scan. Keyed by the
 * strings' lengths and a few bytes; a hit is confirmed by comparing the
 * strings, so the tags are always those a scan would give. */
#define NAME_CACHE_SIZE 64
typedef struct name_cache {
    struct { wn_str cl, id; unsigned tags; bool used; } e[NAME_CACHE_SIZE];
} name_cache;

static unsigned name_slot(wn_str cl, wn_str id)
{
    unsigned h = (unsigned)cl.n * 31u + (unsigned)id.n;
    if (cl.n)
        h = h * 131u + (unsigned char)cl.p[0] * 7u + (unsigned char)cl.p[cl.n - 1] +
            (unsigned char)cl.p[cl.n / 2] * 17u;
    if (id.n)
        h = h * 131u + (unsigned char)id.p[0] * 5u + (unsigned char)id.p[id.n - 1];
    return (h ^ (h >> 7)) % NAME_CACHE_SIZE;
}

static bool str_same(wn_str a, wn_str b)
{
    return a.n == b.n && (a.n == 0 || a.p == b.p || !memcmp(a.p, b.p, a.n));
}

static void element_names(const wn_node *x, float *f, name_cache *cache)
{
    wn_str cl = wn_dom_attr_value(x, "class"), id = wn_dom_attr_value(x, "id");
    if (cl.n == 0 && id.n == 0)
        return;
    unsigned slot = name_slot(cl, id), tags;
    if (cache->e[slot].used && str_same(cache->e[slot].cl, cl) && str_same(cache->e[slot].id, id)) {
        tags = cache->e[slot].tags;
    } else {
        char low[160];
        size_t n = cl.n < 100 ? cl.n : 100;
        wn_ascii_lower_n(low, cl.p, n);
        size_t m = id.n < 59 ? id.n : 59;
        low[n] = ' ';
        wn_ascii_lower_n(low + n + 1, id.p, m);
        n += 1 + m;
        tags = wn_wordset_tags(&ws_markers, low, n);
        cache->e[slot].cl = cl;
        cache->e[slot].id = id;
        cache->e[slot].tags = tags;
        cache->e[slot].used = true;
    }
    for (int t = 0; tags; t++, tags >>= 1)
        if (tags & 1)
            f[t] += 1;
}

static uint32_t subtree_chars(const wn_node *el)
{
    uint32_t k = 0;
    for (const wn_node *t = el; t; t = wn_dom_next(el, t, false))
        if (t->type == WN_NODE_TEXT)
            k += text_size(t);
    return k;
}

static void measure(const wn_doc *d, const wn_meta *meta, const char *url, float *f)
{
    uint32_t text = 0, link_text = 0, longest = 0, best_items = 0;
    uint32_t budget = d->node_count * SCAN_BUDGET_PER_NODE + 1000, visited = 0;
    name_cache names;
    memset(&names, 0, sizeof names);
    for (const wn_node *x = d->root; x; ) {
        /* the page's time budget (extract.c fails the page once it is spent) */
        if (++visited % WN_DEADLINE_EVERY == 0 && wn_deadline_passed(d->deadline))
            break;
        bool skip = false;
        if (x->type == WN_NODE_TEXT) {
            text += text_size(x);
            if (x->text.n <= WN_TUNE.pagetype.marker_max_bytes && f[PTF_PRICES] < 1000 &&
                has_digit(x->text.p, x->text.n) && has_price(x->text.p, x->text.n))
                f[PTF_PRICES] += 1;
        } else if (x->type == WN_NODE_ELEMENT && x->ns == WN_NS_HTML) {
            switch (x->tag) {
            case WN_TAG_SCRIPT: {
                wn_str ty = wn_dom_attr_value(x, "type");
                if (ty.n >= 7 && ty.n < 40) {
                    char low[40];
                    wn_ascii_lower_n(low, ty.p, ty.n);
                    if (memmem(low, ty.n, "ld+json", 7))
                        for (const wn_node *t = x->first; t; t = t->next)
                            if (t->type == WN_NODE_TEXT)
                                jsonld_types(t->text.p, t->text.n, f);
                }
                skip = true;
                break;
            }
            case WN_TAG_STYLE: case WN_TAG_TEMPLATE: case WN_TAG_NOSCRIPT: case WN_TAG_TITLE:
                skip = true;
                break;
            case WN_TAG_META: {
                wn_str prop = wn_dom_attr_value(x, "property");
                if (wn_str_ieq(prop, "og:type")) {
                    wn_str v = wn_dom_attr_value(x, "content");
                    char low[32];
                    size_t n = v.n < sizeof low ? v.n : sizeof low;
                    wn_ascii_lower_n(low, v.p, n);
                    if (n >= 7 && !memcmp(low, "article", 7))
                        f[PTF_SCHEMA_ARTICLE] += 1;
                    else if (n >= 7 && !memcmp(low, "product", 7))
                        f[PTF_SCHEMA_PRODUCT] += 1;
                }
                break;
            }
            case WN_TAG_A: {
                uint32_t k = subtree_chars(x);   /* links do not nest: linear */
                link_text += k;
                break;
            }
            case WN_TAG_P: {
                uint32_t k = subtree_chars(x);   /* nor do paragraphs */
                if (k >= WN_TUNE.pagetype.long_p_chars)
                    f[PTF_LONG_P] += 1;
                if (k > longest)
                    longest = k;
                break;
            }
            case WN_TAG_PRE: f[PTF_PRE] += 1; skip = true; break;
            case WN_TAG_CODE: f[PTF_CODE] += 1; break;
            case WN_TAG_TABLE: f[PTF_TABLES] += 1; break;
            case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: f[PTF_HEADINGS] += 1; break;
            case WN_TAG_ARTICLE: f[PTF_ARTICLES] += 1; break;
            case WN_TAG_TIME: f[PTF_TIMES] += 1; break;
            case WN_TAG_FORM: f[PTF_FORMS] += 1; break;
            case WN_TAG_BUTTON: f[PTF_BUTTONS] += 1; break;
            default:
                break;
            }
            if (x->nattrs) {
                element_names(x, f, &names);
                wn_str it = wn_dom_attr_value(x, "itemtype");
                if (it.n)
                    schema_vote(it.p, it.n, f);
            }
            if (!skip && x->first && x->first->next)
                measure_children(x, f, &budget, &best_items);
        }
        x = wn_dom_next(d->root, x, skip);
    }
    f[PTF_LONGEST_P] = (float)longest;
    f[PTF_TEXT_K] = (float)text / 1000.0f;
    f[PTF_LINK_DENSITY] = text ? (float)link_text / (float)text : 0;
    if (meta) {
        f[PTF_HAS_DATE] = meta->date != NULL;
        f[PTF_HAS_AUTHOR] = meta->author != NULL;
    }
    measure_url(url && *url ? url : meta ? meta->url : NULL, f);
}

/* MARK: Deciding */

static bool rule_fires(const wn_pt_rule *r, const float *f)
{
    if (f[r->feature] < r->min || f[r->feature] >= r->max)
        return false;
    if (r->and_feature >= 0 && (f[r->and_feature] < r->and_min || f[r->and_feature] >= r->and_max))
        return false;
    return true;
}

/* The model's inputs: the signals as log1p, then 1 for each hand rule that
 * fired, each standardised as in training (pagetype_model.h). */
static void model_inputs(const float *f, float *z)
{
    for (int j = 0; j < PT_MODEL_SIGNALS; j++)
        z[j] = log1pf(f[j] > 0 ? f[j] : 0);
    for (size_t r = 0; r < N_RULES; r++)
        z[PT_MODEL_SIGNALS + r] = rule_fires(&rules[r], f) ? 1.0f : 0.0f;
    for (int j = 0; j < PT_MODEL_INPUTS; j++)
        z[j] = (z[j] - pt_model_mean[j]) * pt_model_inv_sd[j];
}

static void decide(wn_pagetype *pt)
{
    for (int k = 0; k < 4; k++)
        pt->why[k] = -1;
    float z[PT_MODEL_INPUTS];
    model_inputs(pt->f, z);
    int best = WN_PAGE_ARTICLE;
    for (int t = WN_PAGE_ARTICLE; t < WN_PAGE__COUNT; t++) {
        const float *w = pt_model_weight[t - WN_PAGE_ARTICLE];
        float s = pt_model_bias[t - WN_PAGE_ARTICLE] + (t == WN_PAGE_ARTICLE ? WN_TUNE.pagetype.article_margin : 0);
        for (int j = 0; j < PT_MODEL_INPUTS; j++)
            s += w[j] * z[j];
        pt->score[t] = s;
        if (s > pt->score[best])
            best = t;
    }
    /* Too little text to tell and no declared type: the article path, as
     * before page types (the model learned from full pages). */
    bool declared = false;
    for (int j = PTF_SCHEMA_ARTICLE; j <= PTF_SCHEMA_FAQ; j++)
        declared |= pt->f[j] > 0;
    if (!declared && pt->f[PTF_TEXT_K] < WN_TUNE.pagetype.tiny_page_text_k) {
        pt->type = WN_PAGE_ARTICLE;
        pt->tiny = true;
        return;
    }
    pt->type = (wn_page_type)best;
    /* For --explain: the inputs that pushed the winner furthest above its
     * average page (weight times standardised input), strongest first. */
    const float *w = pt_model_weight[best - WN_PAGE_ARTICLE];
    float top[4] = { 0, 0, 0, 0 };
    for (int j = 0; j < PT_MODEL_INPUTS; j++) {
        float c = w[j] * z[j];
        if (c <= 0)
            continue;
        for (int k = 0; k < 4; k++) {
            if (pt->why[k] < 0 || c > top[k]) {
                for (int m = 3; m > k; m--) {
                    pt->why[m] = pt->why[m - 1];
                    top[m] = top[m - 1];
                }
                pt->why[k] = j;
                top[k] = c;
                break;
            }
        }
    }
}

/* The name of model input j: a signal with its value, or a hand rule (one
 * that did not fire counts too, when the winner's weight on it is negative). */
static void input_name(const wn_pagetype *pt, int j, wn_buf *b)
{
    if (j < PT_MODEL_SIGNALS) {
        wn_buf_printf(b, "%s=%g", feature_names[j], (double)pt->f[j]);
        return;
    }
    const wn_pt_rule *r = &rules[j - PT_MODEL_SIGNALS];
    wn_buf_printf(b, "%s%s", rule_fires(r, pt->f) ? "" : "not: ", r->name);
}

void wn_pagetype_classify(const wn_doc *d, const wn_meta *meta, const char *url,
                          wn_page_type forced, wn_pagetype *out)
{
    memset(out, 0, sizeof *out);
    for (int k = 0; k < 4; k++)
        out->why[k] = -1;
    if (forced > WN_PAGE_UNKNOWN && forced < WN_PAGE__COUNT) {
        out->type = forced;
        out->forced = true;
        return;
    }
    if (d && d->root)
        measure(d, meta, url, out->f);
    decide(out);
}

void wn_pagetype_explain(const wn_pagetype *pt, wn_buf *b)
{
    const char *name = wn_page_type_name(pt->type);
    if (pt->forced) {
        wn_buf_printf(b, "# page type: %s (forced by the caller)\n", name);
        return;
    }
    if (pt->tiny) {
        wn_buf_printf(b, "# page type: %s (under %g characters of text and no declared type: "
                         "too little to tell)\n", name, (double)(WN_TUNE.pagetype.tiny_page_text_k * 1000));
    } else {
        wn_buf_printf(b, "# page type: %s (score %.1f; signals:", name, (double)pt->score[pt->type]);
        bool any = false;
        for (int k = 0; k < 4; k++) {
            if (pt->why[k] < 0)
                break;
            wn_buf_puts(b, any ? ", " : " ");
            input_name(pt, pt->why[k], b);
            any = true;
        }
        wn_buf_printf(b, "%s)\n", any ? "" : " none above the average page");
    }
    /* The runners-up, so a reader sees how close it was. */
    wn_buf_puts(b, "# page type scores:");
    for (int t = WN_PAGE_ARTICLE; t < WN_PAGE__COUNT; t++)
        wn_buf_printf(b, " %s=%.1f", wn_page_type_name((wn_page_type)t), (double)pt->score[t]);
    wn_buf_puts(b, "\n# page signals:");
    for (int f = 0; f < PTF__COUNT; f++)
        if (pt->f[f] != 0)
            wn_buf_printf(b, " %s=%g", feature_names[f], (double)pt->f[f]);
    /* The hand rules that fired, by index into rules[] (the training tool reads them). */
    wn_buf_puts(b, "\n# page rules:");
    for (size_t r = 0; r < N_RULES; r++)
        if (rule_fires(&rules[r], pt->f))
            wn_buf_printf(b, " %zu", r);
    wn_buf_putc(b, '\n');
}
