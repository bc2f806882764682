/*
 * jsonld.c: schema.org metadata from <script type="application/ld+json">.
 * A script holds an object, an array of them or an "@graph"; authors and
 * publishers may be strings, objects, arrays or {"@id"} references to another
 * node of the graph. Walks the JSON tree with an explicit stack; the JSON
 * reader's depth cap bounds it.
 */
#include <string.h>

#include "extract/meta/meta_internal.h"
#include "extract/signals/lexicon_data.h"

#define JSONLD_MAX_DEPTH 64     /* nesting accepted from a page's JSON-LD */
#define JSONLD_MAX_IDS   128    /* "@id" definitions remembered for references */
#define JSONLD_MAX_NODES 20000  /* values visited per script */

typedef struct idmap {
    const wn_json *obj[JSONLD_MAX_IDS];
    size_t n;
} idmap;

static bool ends_with(wn_str s, const char *lit)
{
    size_t n = strlen(lit);
    return s.n >= n && memcmp(s.p + s.n - n, lit, n) == 0;
}

/* Rank of one @type name: article-like, page-like, other creative work, none. */
static int rank_name(wn_str t)
{
    /* Strip a "schema:" or "http://schema.org/" prefix. */
    for (size_t i = t.n; i > 0; i--) {
        if (t.p[i - 1] == '/' || t.p[i - 1] == ':') {
            t.p += i;
            t.n -= i;
            break;
        }
    }
    /* The highest rank of a schema_page_type that matches. */
    int best = 0;
    for (size_t k = 0; k < WN_LEX_SCHEMA_PAGE_TYPE_N; k++) {
        const char *name = wn_lex_schema_page_type[k];
        int rank = wn_lex_schema_page_type_value[k];
        if (rank > best &&
            ((wn_lex_schema_page_type_bits[k] & WN_LEX_SCHEMA_PAGE_TYPE_SUFFIX) ? ends_with(t, name)
                                                                                : wn_str_eq(t, name)))
            best = rank;
    }
    return best;
}

/* Whether type t is a schema_publisher_type carrying bit. */
static bool publisher_type(wn_str t, unsigned bit)
{
    for (size_t k = 0; k < WN_LEX_SCHEMA_PUBLISHER_TYPE_N; k++) {
        unsigned bits = wn_lex_schema_publisher_type_bits[k];
        const char *name = wn_lex_schema_publisher_type[k];
        if ((bits & bit) && ((bits & WN_LEX_SCHEMA_PUBLISHER_TYPE_ORG) ? ends_with(t, name)
                                                                       : wn_str_eq(t, name)))
            return true;
    }
    return false;
}

static int rank_of(const wn_json *obj, bool *website, bool *org)
{
    const wn_json *t = wn_json_get(obj, "@type");
    int best = 0;

    *website = *org = false;
    if (t == NULL)
        return 0;
    if (t->type == WN_JSON_STRING) {
        best = rank_name(t->str);
        *website = publisher_type(t->str, WN_LEX_SCHEMA_PUBLISHER_TYPE_SITE);
        *org = publisher_type(t->str, WN_LEX_SCHEMA_PUBLISHER_TYPE_ORG);
    } else if (t->type == WN_JSON_ARRAY) {
        for (const wn_json *e = t->first; e; e = e->next) {
            if (e->type != WN_JSON_STRING)
                continue;
            int r = rank_name(e->str);
            if (r > best)
                best = r;
            if (publisher_type(e->str, WN_LEX_SCHEMA_PUBLISHER_TYPE_SITE))
                *website = true;
            if (publisher_type(e->str, WN_LEX_SCHEMA_PUBLISHER_TYPE_ORG))
                *org = true;
        }
    }
    return best;
}

/* A {"@id": ...} with nothing else (or only @type) points at a node defined elsewhere. */
static const wn_json *deref(const idmap *ids, const wn_json *v)
{
    const wn_json *id;
    if (v == NULL || v->type != WN_JSON_OBJECT || v->count > 2)
        return v;
    id = wn_json_get(v, "@id");
    if (id == NULL || id->type != WN_JSON_STRING)
        return v;
    for (size_t i = 0; i < ids->n; i++) {
        const wn_json *other = wn_json_get(ids->obj[i], "@id");
        if (ids->obj[i] != v && other && other->str.n == id->str.n &&
            memcmp(other->str.p, id->str.p, id->str.n) == 0)
            return ids->obj[i];
    }
    return v;
}

static const char *clean_str(wn_arena *a, const wn_json *v, size_t cap)
{
    const char *s;
    if (v == NULL || v->type != WN_JSON_STRING || v->str.n == 0)
        return NULL;
    s = wn_meta_clean(a, v->str.p, v->str.n, cap);
    return (s && *s) ? s : NULL;
}

/* A name from a string or from an object's "name" (or given + family name). */
static const char *name_of(wn_arena *a, const idmap *ids, const wn_json *v)
{
    const wn_json *nm;
    v = deref(ids, v);
    if (v == NULL)
        return NULL;
    if (v->type == WN_JSON_STRING)
        return clean_str(a, v, WN_META_MAX_NAME);
    if (v->type != WN_JSON_OBJECT)
        return NULL;
    nm = wn_json_get(v, "name");
    if (nm && nm->type == WN_JSON_ARRAY)
        nm = nm->first;
    if (nm && nm->type == WN_JSON_STRING && nm->str.n)
        return clean_str(a, nm, WN_META_MAX_NAME);
    {
        const wn_json *g = wn_json_get(v, "givenName"), *f = wn_json_get(v, "familyName");
        if (g && f && g->type == WN_JSON_STRING && f->type == WN_JSON_STRING) {
            char buf[2 * WN_META_MAX_NAME + 2];
            size_t gn = g->str.n < WN_META_MAX_NAME ? g->str.n : WN_META_MAX_NAME;
            size_t fn = f->str.n < WN_META_MAX_NAME ? f->str.n : WN_META_MAX_NAME;
            memcpy(buf, g->str.p, gn);
            buf[gn] = ' ';
            memcpy(buf + gn + 1, f->str.p, fn);
            return wn_meta_clean(a, buf, gn + 1 + fn, WN_META_MAX_NAME);
        }
    }
    return NULL;
}

/* A URL from a string, or an object's url / contentUrl / @id; arrays: the first. */
static const char *url_of(wn_arena *a, const idmap *ids, const wn_json *v)
{
    if (v && v->type == WN_JSON_ARRAY)
        v = v->first;
    v = deref(ids, v);
    if (v == NULL)
        return NULL;
    if (v->type == WN_JSON_OBJECT) {
        const wn_json *u = wn_json_get(v, "url");
        if (u == NULL || u->type != WN_JSON_STRING)
            u = wn_json_get(v, "contentUrl");
        if (u == NULL || u->type != WN_JSON_STRING)
            u = wn_json_get(v, "@id");
        v = u;
    }
    return clean_str(a, v, WN_META_MAX_URL);
}

static void add_authors(wn_arena *a, const idmap *ids, const wn_json *v, wn_jsonld *ld)
{
    const wn_json *one = v;
    if (v == NULL)
        return;
    if (v->type == WN_JSON_ARRAY)
        one = v->first;
    for (; one && ld->nauthors < WN_META_MAX_AUTHORS; one = (v->type == WN_JSON_ARRAY ? one->next : NULL)) {
        const char *nm = name_of(a, ids, one);
        bool dup = false;
        if (nm == NULL || !*nm)
            continue;
        for (size_t i = 0; i < ld->nauthors; i++)
            if (strcmp(ld->authors[i], nm) == 0)
                dup = true;
        if (!dup)
            ld->authors[ld->nauthors++] = nm;
    }
}

static size_t add_list(wn_arena *a, const wn_json *v, const char **items, size_t count)
{
    if (v == NULL)
        return count;
    if (v->type == WN_JSON_STRING)
        return wn_meta_split_list(a, v->str.p, v->str.n, items, count, WN_META_MAX_LIST);
    if (v->type == WN_JSON_ARRAY)
        for (const wn_json *e = v->first; e; e = e->next)
            if (e->type == WN_JSON_STRING)
                count = wn_meta_split_list(a, e->str.p, e->str.n, items, count, WN_META_MAX_LIST);
    return count;
}

static const char *date_of(wn_arena *a, const wn_json *v, long max_ymd)
{
    char buf[WN_META_DATE_LEN];
    if (v && v->type == WN_JSON_ARRAY)
        v = v->first;
    if (v == NULL || v->type != WN_JSON_STRING)
        return NULL;
    if (!wn_meta_parse_date(v->str.p, v->str.n, 0, max_ymd, buf))
        return NULL;
    return wn_arena_strdup(a, buf, strlen(buf));
}

/* Fill the empty fields of ld from one object of the given rank. */
static void take(wn_arena *a, const idmap *ids, const wn_json *o, int rank, long max_ymd,
                 wn_jsonld *ld)
{
    const wn_json *v;

    if (ld->title == NULL) {
        ld->title = clean_str(a, wn_json_get(o, "headline"), WN_META_MAX_TITLE);
        if (ld->title == NULL)
            ld->title = clean_str(a, wn_json_get(o, "name"), WN_META_MAX_TITLE);
    }
    if (ld->date == NULL) {
        ld->date = date_of(a, wn_json_get(o, "datePublished"), max_ymd);
        if (ld->date == NULL)
            ld->date = date_of(a, wn_json_get(o, "dateCreated"), max_ymd);
        if (ld->date == NULL)
            ld->date = date_of(a, wn_json_get(o, "uploadDate"), max_ymd);
    }
    if (ld->date_modified == NULL)
        ld->date_modified = date_of(a, wn_json_get(o, "dateModified"), max_ymd);
    if (ld->nauthors == 0) {
        add_authors(a, ids, wn_json_get(o, "author"), ld);
        if (ld->nauthors == 0)
            add_authors(a, ids, wn_json_get(o, "creator"), ld);
    }
    if (ld->publisher == NULL) {
        v = wn_json_get(o, "publisher");
        if (v && v->type == WN_JSON_ARRAY)
            v = v->first;
        ld->publisher = name_of(a, ids, v);
    }
    if (ld->sitename == NULL) {
        v = deref(ids, wn_json_get(o, "isPartOf"));
        bool ws = false, org = false;
        if (v && v->type == WN_JSON_OBJECT && (rank_of(v, &ws, &org), ws))
            ld->sitename = name_of(a, ids, v);
    }
    if (ld->description == NULL)
        ld->description = clean_str(a, wn_json_get(o, "description"), WN_META_MAX_TEXT);
    if (ld->url == NULL) {
        ld->url = url_of(a, ids, wn_json_get(o, "url"));
        if (ld->url == NULL)
            ld->url = url_of(a, ids, wn_json_get(o, "mainEntityOfPage"));
    }
    if (ld->image == NULL) {
        ld->image = url_of(a, ids, wn_json_get(o, "image"));
        if (ld->image == NULL)
            ld->image = url_of(a, ids, wn_json_get(o, "thumbnailUrl"));
    }
    if (ld->license == NULL)
        ld->license = url_of(a, ids, wn_json_get(o, "license"));
    if (ld->language == NULL) {
        v = wn_json_get(o, "inLanguage");
        if (v && v->type == WN_JSON_OBJECT) {
            const wn_json *alt = wn_json_get(v, "alternateName");
            v = alt ? alt : wn_json_get(v, "name");
        }
        ld->language = clean_str(a, v, 32);
    }
    if (ld->nsections == 0)
        ld->nsections = add_list(a, wn_json_get(o, "articleSection"), ld->sections, 0);
    if (ld->nkeywords == 0)
        ld->nkeywords = add_list(a, wn_json_get(o, "keywords"), ld->keywords, 0);
    if (rank > ld->rank)
        ld->rank = rank;
}

/* Strip what templates wrap JSON-LD in: white space, "<![CDATA[" ... "]]>",
 * "<!--" ... "-->", and "//" before either marker. */
static void unwrap(const char **pp, size_t *pn)
{
    const char *p = *pp, *e = p + *pn;
    static const char *const open[] = { "<![CDATA[", "<!--", "//" };
    static const char *const close[] = { "]]>", "-->", "//" };
    for (int round = 0; round < 4; round++) {
        bool cut = false;
        while (p < e && wn_is_space((unsigned char)*p))
            p++;
        while (e > p && wn_is_space((unsigned char)e[-1]))
            e--;
        for (int k = 0; k < 3; k++) {
            size_t lo = strlen(open[k]), lc = strlen(close[k]);
            if ((size_t)(e - p) >= lo && !memcmp(p, open[k], lo)) {
                p += lo;
                cut = true;
            }
            if ((size_t)(e - p) >= lc && !memcmp(e - lc, close[k], lc)) {
                e -= lc;
                cut = true;
            }
        }
        if (!cut)
            break;
    }
    *pp = p;
    *pn = (size_t)(e - p);
}

int wn_meta_jsonld(wn_arena *scratch, const char *p, size_t n, long max_ymd, wn_jsonld *ld)
{
    wn_json *root;

    unwrap(&p, &n);
    root = wn_json_parse(scratch, p, n, JSONLD_MAX_DEPTH, NULL);
    /* Templates paste text with raw line breaks and tabs into strings, which
     * strict JSON refuses; as spaces they change nothing we read. */
    if (root == NULL && (memchr(p, '\n', n) || memchr(p, '\t', n) || memchr(p, '\r', n))) {
        char *copy = wn_arena_alloc(scratch, n + 1);
        if (copy == NULL)
            return -1;
        for (size_t i = 0; i < n; i++)
            copy[i] = (unsigned char)p[i] < 0x20 ? ' ' : p[i];
        copy[n] = '\0';
        root = wn_json_parse(scratch, copy, n, JSONLD_MAX_DEPTH, NULL);
    }
    const wn_json *stack[JSONLD_MAX_DEPTH + 2];
    const wn_json *best[WN_LD_ARTICLE + 1] = { NULL, NULL, NULL, NULL };
    const wn_json *website = NULL, *org = NULL;
    idmap ids;
    size_t depth = 0, visited = 0;

    if (root == NULL)
        return 0;   /* invalid JSON-LD is common and harmless */
    ids.n = 0;
    /* Pre-order walk: stack[depth] is the value being visited at that depth. */
    stack[0] = root;
    while (depth < JSONLD_MAX_DEPTH + 1 && visited++ < JSONLD_MAX_NODES) {
        const wn_json *v = stack[depth];
        if (v->type == WN_JSON_OBJECT) {
            bool ws, og;
            int r = rank_of(v, &ws, &og);
            const wn_json *id = wn_json_get(v, "@id");
            if (id && id->type == WN_JSON_STRING && v->count > 2 && ids.n < JSONLD_MAX_IDS)
                ids.obj[ids.n++] = v;
            if (r > 0 && best[r] == NULL)
                best[r] = v;
            if (ws && website == NULL)
                website = v;
            if (og && org == NULL)
                org = v;
        }
        if ((v->type == WN_JSON_OBJECT || v->type == WN_JSON_ARRAY) && v->first &&
            depth + 1 < JSONLD_MAX_DEPTH + 1) {
            stack[++depth] = v->first;
            continue;
        }
        /* next sibling, climbing as needed */
        while (depth > 0 && stack[depth]->next == NULL)
            depth--;
        if (depth == 0)
            break;
        stack[depth] = stack[depth]->next;
    }
    for (int r = WN_LD_ARTICLE; r >= WN_LD_WORK; r--) {
        if (best[r] == NULL)
            continue;
        /* A later script may add an article to a page that so far only had a
         * WebPage: its fields then win, so start over. */
        if (r > ld->rank && ld->rank > 0 && r == WN_LD_ARTICLE) {
            wn_jsonld fresh;
            memset(&fresh, 0, sizeof fresh);
            fresh.sitename = ld->sitename;
            take(scratch, &ids, best[r], r, max_ymd, &fresh);
            /* keep what the page-level object had that the article lacks */
            if (!fresh.date) fresh.date = ld->date;
            if (!fresh.date_modified) fresh.date_modified = ld->date_modified;
            if (!fresh.nauthors) {
                memcpy(fresh.authors, ld->authors, sizeof ld->authors);
                fresh.nauthors = ld->nauthors;
            }
            if (!fresh.publisher) fresh.publisher = ld->publisher;
            if (!fresh.description) fresh.description = ld->description;
            if (!fresh.image) fresh.image = ld->image;
            if (!fresh.language) fresh.language = ld->language;
            if (!fresh.url) fresh.url = ld->url;
            *ld = fresh;
            continue;
        }
        take(scratch, &ids, best[r], r, max_ymd, ld);
    }
    if (ld->sitename == NULL && website)
        ld->sitename = name_of(scratch, &ids, website);
    if (ld->publisher == NULL && org)
        ld->publisher = name_of(scratch, &ids, org);
    return 0;
}

size_t wn_meta_split_list(wn_arena *a, const char *s, size_t n, const char **items,
                          size_t count, size_t cap)
{
    size_t i = 0;
    while (i < n && count < cap) {
        size_t j = i;
        const char *item;
        bool dup = false;
        while (j < n && s[j] != ',' && s[j] != ';')
            j++;
        item = wn_meta_clean(a, s + i, j - i, WN_META_MAX_NAME);
        if (item == NULL)
            return count;
        for (size_t k = 0; k < count; k++)
            if (strcmp(items[k], item) == 0)
                dup = true;
        if (*item && !dup)
            items[count++] = item;
        i = j + 1;
    }
    return count;
}

/* MARK: Dates in other scripts ------------------------------------------------ */

#define MAX_KEY 24   /* longer than any script_date_key (lexicon) */

static bool key_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

/* Whether p[start..end) is a script_date_key. */
static bool pub_key_at(const char *p, size_t start, size_t end)
{
    for (size_t i = 0; i < WN_LEX_SCRIPT_DATE_KEY_N; i++) {
        size_t n = strlen(wn_lex_script_date_key[i]);
        if (end - start == n && memcmp(p + start, wn_lex_script_date_key[i], n) == 0)
            return true;
    }
    return false;
}

bool wn_meta_script_date(const char *p, size_t n, long max_ymd, char out[WN_META_DATE_LEN])
{
    /* every key holds "ublish": find that, then check the whole key */
    const char *s = p, *end = p + n;
    while ((size_t)(end - s) >= 6) {
        const char *h = memmem(s, (size_t)(end - s), "ublish", 6);
        size_t a, b, v;
        if (h == NULL)
            return false;
        s = h + 6;
        a = (size_t)(h - p);
        /* keys are short: a long run of letters is no key (and walking it
         * back for every "ublish" in it would be quadratic) */
        while (a > 0 && key_char(p[a - 1]) && (size_t)(h - p) - a < MAX_KEY)
            a--;
        b = (size_t)(s - p);
        while (b < n && key_char(p[b]) && b - a < MAX_KEY)
            b++;
        if (a == 0 || p[a - 1] != '"' || !pub_key_at(p, a, b))
            continue;
        if (b + 1 < n && p[b] == '\\')
            b++;
        if (b >= n || p[b] != '"')
            continue;
        /* "key" : "value", or \"key\":\"value\" inside a JSON string */
        v = b + 1;
        while (v < n && (p[v] == ' ' || p[v] == ':' || p[v] == '\\'))
            v++;
        if (v >= n || p[v] != '"')
            continue;
        v++;
        if (wn_meta_parse_date(p + v, n - v < 40 ? n - v : 40, 0, max_ymd, out))
            return true;
    }
    return false;
}
