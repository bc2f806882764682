/*
 * measure.c: the page-type classifier's signals (see pagetype.h): one
 * pre-order walk of the page fills f[PTF_*]; runs of alike siblings (cards,
 * posts) are measured on the way, so no node is read twice. The thresholds
 * are in the tuning table (extract/tuning.h: WN_TUNE.pagetype).
 */
#include "extract/pagetype/pagetype.h"

#include <string.h>

#include "core/str.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/wordset.h"
#include "extract/tuning.h"

/* MARK: Word lists */

/* The words it measures with are rows of the lexicon (data/lexicon/pagetype.tsv:
 * pt_host_word, pt_path_segment, pt_post_class, pt_marker_class,
 * pt_schema_type; dates.tsv: month_abbrev3). The feature each marker word and
 * each schema.org type counts for is the row's flag, here as arrays parallel
 * to the words. */
static const unsigned char marker_tags[] = WN_LEX_PT_MARKER_CLASS_FLAGS;
static const unsigned char schema_features[] = WN_LEX_PT_SCHEMA_TYPE_FLAGS;
/* A wordset tag is a bit of an unsigned: the marker features must be under 32. */
_Static_assert(PTF_SERVICE_NAMES < 32 && PTF_CART < 32, "marker features are wordset tags");
_Static_assert(sizeof marker_tags == WN_LEX_PT_MARKER_CLASS_N + 1, "one tag per marker word");
_Static_assert(sizeof schema_features == WN_LEX_PT_SCHEMA_TYPE_N + 1, "one feature per schema type");
_Static_assert(PTF__COUNT < 256, "features fit the flag arrays");

static wn_wordset ws_post = WN_WORDSET(wn_lex_pt_post_class);
static wn_wordset ws_markers = WN_WORDSET_TAGGED(wn_lex_pt_marker_class, marker_tags);

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
    uint64_t x, t;
    if (n < 8) {
        for (size_t i = 0; i < n; i++)
            if (is_digit((unsigned char)p[i]))
                return true;
        return false;
    }
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        memcpy(&x, p + i, 8);
        t = x ^ (ones * '0');
        if ((t - ones * 10) & ~t & highs)
            return true;
    }
    if (i == n)
        return false;
    /* the last bytes: the word ending at n, overlapping the one before */
    memcpy(&x, p + n - 8, 8);
    t = x ^ (ones * '0');
    return ((t - ones * 10) & ~t & highs) != 0;
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
        /* the next key: memmem skips the script's other bytes in wide steps */
        const char *k = memmem(p + i, n - i, key, kl);
        if (k == NULL || (size_t)(k - p) + kl >= n)
            break;
        i = (size_t)(k - p);
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
    if (depth == 0 && hn > 0)
        f[PTF_URL_HOME] = 1;
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

/* MARK: The walk */

/* One pre-order walk measures everything: no part of the page is read twice.
 * Runs of alike siblings (cards, rows, posts) are found as the walk goes: a
 * frame per element with children watches its element children; each child is
 * an item whose subtree totals (text, link text, a link, a price, a date, an
 * image, a heading) collect in the innermost frame and join the enclosing
 * item when its frame closes. Links, paragraphs, headings and chrome are
 * tracked by the element that opened them, closed when the walk leaves it. */

/* What an item's subtree holds. */
enum { ACC_LINK = 1, ACC_PRICE = 2, ACC_DATE = 4, ACC_IMG = 8, ACC_HEADING = 16 };
typedef struct item_acc {
    uint32_t text, link_text;
    unsigned has;                /* ACC_* bits */
} item_acc;

typedef struct frame {
    const wn_node *parent;       /* whose element children this frame watches */
    bool chrome;                 /* parent is or sits in a nav, header, footer or select */
    bool run_chrome;             /* the current run of alike children starts in chrome */
    uint16_t item_tag;           /* the current child's tag and first class token: */
    const char *item_tok;        /* what makes siblings alike */
    size_t item_tok_n;
    const wn_node *item;         /* the current child, NULL before the first */
    const wn_node *run_first;    /* the current run's first child, while its post test waits */
    item_acc cur;                /* the current child's subtree */
    item_acc all;                /* the parent's subtree: finished children and loose text */
    uint32_t run_n, cards, price, date, img, text, posts;
} frame;

/* Frames kept at once: deeper elements add to the deepest frame's current
 * item (they are inside it), so a deeper page loses only its deep runs. */
#define MAX_FRAMES 64

typedef struct walker {
    float *f;
    frame fr[MAX_FRAMES];
    unsigned nf;
    const wn_node *link, *para, *head, *chrome;   /* the open link, paragraph, heading, chrome box */
    bool head_linked;
    uint32_t text, link_text, p_text, p_chars, longest, best_items;
} walker;

static void acc_add(item_acc *to, const item_acc *a)
{
    to->text += a->text;
    to->link_text += a->link_text;
    to->has |= a->has;
}

static bool postlike_name(const wn_node *x)
{
    char low[128];
    wn_str cl = wn_dom_attr_value(x, "class");
    size_t n = cl.n < sizeof low ? cl.n : sizeof low;
    wn_ascii_lower_n(low, cl.p, n);
    return n && wn_wordset_hit(&ws_post, low, n);
}

/* The current child of fr is done: count it in its run. Whether it is named
 * like a post is asked only once the run has two items (most runs have one):
 * the first item's answer is taken then, when its text was long enough. */
static void item_close(frame *fr)
{
    if (fr->item == NULL)
        return;
    const item_acc *c = &fr->cur;
    uint32_t own = c->text - c->link_text;
    if ((c->has & ACC_LINK) && ((c->has & (ACC_HEADING | ACC_IMG | ACC_PRICE)) ||
                                own >= WN_TUNE.pagetype.card_min_own_chars)) {
        fr->cards++;
        fr->price += (c->has & ACC_PRICE) != 0;
        fr->date += (c->has & ACC_DATE) != 0;
        fr->img += (c->has & ACC_IMG) != 0;
        fr->text += c->text;
    }
    if (own >= WN_TUNE.pagetype.post_min_chars) {
        if (fr->run_n == 1)
            fr->run_first = fr->item;
        else if (postlike_name(fr->item))
            fr->posts++;
    }
    if (fr->run_n == 2 && fr->run_first) {
        fr->posts += postlike_name(fr->run_first);
        fr->run_first = NULL;
    }
    acc_add(&fr->all, c);
    fr->cur = (item_acc){ 0, 0, 0 };
    fr->item = NULL;
}

/* The run of alike children in fr ended: a list of items when long enough
 * and outside the page's chrome; the largest one describes the page's cards. */
static void run_close(walker *w, frame *fr)
{
    float *f = w->f;
    uint32_t cards = fr->cards;
    if (fr->run_n >= WN_TUNE.pagetype.run_min_items && !fr->run_chrome) {
        if (cards >= WN_TUNE.pagetype.run_min_items + 1)
            f[PTF_CARD_GROUPS] += 1;
        if (cards > w->best_items) {
            w->best_items = cards;
            f[PTF_CARD_ITEMS] = (float)cards;
            f[PTF_CARD_PRICE] = (float)fr->price / (float)cards;
            f[PTF_CARD_DATE] = (float)fr->date / (float)cards;
            f[PTF_CARD_IMG] = (float)fr->img / (float)cards;
            f[PTF_CARD_TEXT] = (float)fr->text / (float)cards;
            f[PTF_CARD_PRICED] = (float)fr->price;
            f[PTF_CARD_DATED] = (float)fr->date;
        }
        if (fr->posts > f[PTF_POST_ITEMS])
            f[PTF_POST_ITEMS] = (float)fr->posts;
    }
    fr->run_n = fr->cards = fr->price = fr->date = fr->img = fr->text = fr->posts = 0;
    fr->run_first = NULL;
}

/* x, an element child of the innermost frame's parent, starts a new item:
 * the same run when it is alike the previous child (same tag and first class
 * token), else a new run. */
static void item_open(walker *w, frame *fr, const wn_node *x, wn_str cl)
{
    size_t n = 0;
    while (n < cl.n && !wn_is_space((unsigned char)cl.p[n]))
        n++;
    bool alike = fr->run_n > 0 && x->tag == fr->item_tag && x->tag != WN_TAG_UNKNOWN &&
                 n == fr->item_tok_n && (n == 0 || !memcmp(cl.p, fr->item_tok, n));
    item_close(fr);
    if (!alike) {
        run_close(w, fr);
        fr->run_chrome = w->chrome != NULL;
    }
    fr->run_n++;
    fr->item = x;
    fr->item_tag = x->tag;
    fr->item_tok = cl.p;
    fr->item_tok_n = n;
}

/* Leaving x's subtree: close what x opened. */
static inline void leave(walker *w, const wn_node *x)
{
    if (w->nf && w->fr[w->nf - 1].parent == x) {
        frame *fr = &w->fr[--w->nf];
        item_close(fr);
        run_close(w, fr);
        if (w->nf)
            acc_add(&w->fr[w->nf - 1].cur, &fr->all);
    }
    if (x == w->link)
        w->link = NULL;
    if (x == w->head)
        w->head = NULL;
    if (x == w->chrome)
        w->chrome = NULL;
    if (x == w->para) {
        w->para = NULL;
        if (w->p_chars >= WN_TUNE.pagetype.long_p_chars)
            w->f[PTF_LONG_P] += 1;
        if (w->p_chars > w->longest)
            w->longest = w->p_chars;
        w->p_text += w->p_chars;
    }
}

/* Whether el has at least n element children (a run needs that many). */
static bool element_children(const wn_node *el, uint32_t n)
{
    uint32_t k = 0;
    for (const wn_node *c = el->first; c; c = c->next)
        if (c->type == WN_NODE_ELEMENT && ++k >= n)
            return true;
    return false;
}

/* The marker tags of recent class names: alike elements (cards, rows, posts)
 * repeat theirs, and a lookup costs less than a scan. Keyed by the name's
 * length and a few bytes; a hit is confirmed by comparing the strings, so the
 * tags are always those a scan would give. Ids are unique: scanned each time. */
#define NAME_CACHE_SIZE 128
/* The bytes of a class and of an id looked into: the words that say what a
 * box is come first, and utility classes pile up behind them. */
#define NAME_SCAN_BYTES 64
#define ID_SCAN_BYTES 32
typedef struct name_cache {
    struct { wn_str cl; unsigned tags; } e[NAME_CACHE_SIZE];
} name_cache;

static unsigned name_tags(wn_str v, size_t max)
{
    char low[NAME_SCAN_BYTES];
    size_t n = v.n < max ? v.n : max;
    wn_ascii_lower_n(low, v.p, n);
    return wn_wordset_tags(&ws_markers, low, n);
}

static void element_names(wn_str cl, wn_str id, float *f, name_cache *cache)
{
    unsigned tags = 0;
    if (cl.n) {
        unsigned h = (unsigned)cl.n * 131u + (unsigned char)cl.p[0] * 7u +
                     (unsigned char)cl.p[cl.n - 1] + (unsigned char)cl.p[cl.n / 2] * 17u;
        unsigned slot = (h ^ (h >> 7)) % NAME_CACHE_SIZE;
        wn_str c = cache->e[slot].cl;
        if (c.n == cl.n && (c.p == cl.p || !memcmp(c.p, cl.p, cl.n))) {
            tags = cache->e[slot].tags;
        } else {
            tags = name_tags(cl, NAME_SCAN_BYTES);
            cache->e[slot].cl = cl;
            cache->e[slot].tags = tags;
        }
    }
    if (id.n)
        tags |= name_tags(id, ID_SCAN_BYTES);
    for (int t = 0; tags; t++, tags >>= 1)
        if (tags & 1)
            f[t] += 1;
}

/* The attributes the walk reads, in one pass over the element's list. */
typedef struct el_attrs {
    wn_str cl, id, itemtype;
    bool href;
} el_attrs;

static void read_attrs(const wn_node *x, el_attrs *a)
{
    for (uint32_t i = 0; i < x->nattrs; i++) {
        const wn_attr *at = &x->attrs[i];
        wn_str nm = at->name;
        switch (nm.n) {
        case 2:
            if (nm.p[0] == 'i' && nm.p[1] == 'd' && a->id.p == NULL)
                a->id = at->value;
            break;
        case 4:
            if (!memcmp(nm.p, "href", 4))
                a->href = true;
            break;
        case 5:
            if (!memcmp(nm.p, "class", 5) && a->cl.p == NULL)
                a->cl = at->value;
            break;
        case 8:
            if (!memcmp(nm.p, "itemtype", 8) && a->itemtype.p == NULL)
                a->itemtype = at->value;
            break;
        default:
            break;
        }
    }
}

static inline void visit_text(walker *w, const wn_node *x, item_acc *acc, bool item)
{
    uint32_t k = text_size(x);
    w->text += k;
    acc->text += k;
    if (w->link) {
        w->link_text += k;
        acc->link_text += k;
    }
    if (w->para)
        w->p_chars += k;
    if (x->text.n > WN_TUNE.pagetype.marker_max_bytes)
        return;
    /* Most short texts are the spaces between tags: prices and dates hold a
     * digit, which eight bytes at a time rule out. */
    const char *p = x->text.p;
    size_t n = x->text.n;
    if (!has_digit(p, n))
        return;
    if (has_price(p, n)) {
        if (w->f[PTF_PRICES] < 1000)
            w->f[PTF_PRICES] += 1;
        acc->has |= ACC_PRICE;
    }
    /* dates matter in items only (loose text adds to no item's count) */
    if (item && !(acc->has & ACC_DATE) && has_date(p, n))
        acc->has |= ACC_DATE;
}

/* An HTML element: its tag's counts and what it opens. Returns whether the
 * walk skips its children. */
static bool visit_element(walker *w, const wn_node *x, const el_attrs *at, item_acc *acc)
{
    float *f = w->f;
    switch (x->tag) {
    case WN_TAG_SCRIPT: {
        wn_str ty = x->nattrs ? wn_dom_attr_value(x, "type") : wn_str_make(NULL, 0);
        if (ty.n >= 7 && ty.n < 40) {
            char low[40];
            wn_ascii_lower_n(low, ty.p, ty.n);
            if (memmem(low, ty.n, "ld+json", 7))
                for (const wn_node *t = x->first; t; t = t->next)
                    if (t->type == WN_NODE_TEXT)
                        jsonld_types(t->text.p, t->text.n, f);
        }
        return true;
    }
    case WN_TAG_STYLE: case WN_TAG_TEMPLATE: case WN_TAG_NOSCRIPT: case WN_TAG_TITLE:
        return true;
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
        return false;
    }
    case WN_TAG_A:
        if (at->href) {
            acc->has |= ACC_LINK;
            /* a heading that holds a link, or sits in one: a teaser's title */
            if (w->head && !w->head_linked) {
                w->head_linked = true;
                f[PTF_LINKED_HEADINGS] += 1;
            }
        }
        if (w->link == NULL)
            w->link = x;
        return false;
    case WN_TAG_P:
        if (w->para == NULL) {
            w->para = x;
            w->p_chars = 0;
        }
        return false;
    case WN_TAG_PRE: f[PTF_PRE] += 1; return true;
    case WN_TAG_CODE: f[PTF_CODE] += 1; return false;
    case WN_TAG_TABLE: f[PTF_TABLES] += 1; return false;
    case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4:
        f[PTF_HEADINGS] += 1;
        /* fall through */
    case WN_TAG_H1: case WN_TAG_H5: case WN_TAG_H6:
        acc->has |= ACC_HEADING;
        if (w->head == NULL) {
            w->head = x;
            w->head_linked = w->link != NULL;
            if (w->head_linked)
                f[PTF_LINKED_HEADINGS] += 1;
        }
        return false;
    case WN_TAG_IMG: case WN_TAG_PICTURE: acc->has |= ACC_IMG; return false;
    case WN_TAG_ARTICLE: f[PTF_ARTICLES] += 1; return false;
    case WN_TAG_TIME: f[PTF_TIMES] += 1; acc->has |= ACC_DATE; return false;
    case WN_TAG_FORM: f[PTF_FORMS] += 1; return false;
    case WN_TAG_BUTTON: f[PTF_BUTTONS] += 1; return false;
    case WN_TAG_NAV: case WN_TAG_FOOTER: case WN_TAG_SELECT: case WN_TAG_ASIDE:
        /* the page's menus, sidebars and footer: not what the page is */
        return true;
    case WN_TAG_HEADER:
        if (w->chrome == NULL)
            w->chrome = x;
        return false;
    case WN_TAG_SVG:
        return true;
    default:
        return false;
    }
}

/* The page's menus, sidebars and footer: the walk passes them by, names and all. */
static bool chrome_box(uint16_t tag)
{
    return tag == WN_TAG_NAV || tag == WN_TAG_FOOTER || tag == WN_TAG_SELECT || tag == WN_TAG_ASIDE;
}

void wn_pagetype_measure(const wn_doc *d, const wn_meta *meta, const char *url, float *f)
{
    walker *w = &(walker){ .f = f };
    uint32_t visited = 0;
    name_cache names;
    memset(&names, 0, sizeof names);
    const wn_node *root = d->root;
    for (const wn_node *x = root; x; ) {
        /* the page's time budget (extract.c fails the page once it is spent) */
        if (++visited % WN_DEADLINE_EVERY == 0 && wn_deadline_passed(d->deadline))
            break;
        bool skip = false;
        frame *top = w->nf ? &w->fr[w->nf - 1] : NULL;
        bool child = top && x->parent == top->parent;
        if (x->type == WN_NODE_TEXT) {
            if (top)
                visit_text(w, x, child ? &top->all : &top->cur, !child);
            else
                visit_text(w, x, &(item_acc){ 0, 0, 0 }, false);
        } else if (x->type == WN_NODE_ELEMENT && x->ns == WN_NS_HTML) {
            el_attrs at = { { NULL, 0 }, { NULL, 0 }, { NULL, 0 }, false };
            if (x->nattrs)
                read_attrs(x, &at);
            if (child)
                item_open(w, top, x, at.cl);
            skip = visit_element(w, x, &at, top ? &top->cur : &(item_acc){ 0, 0, 0 });
            if ((at.cl.n || at.id.n) && !(skip && chrome_box(x->tag)))
                element_names(at.cl, at.id, f, &names);
            if (at.itemtype.n)
                schema_vote(at.itemtype.p, at.itemtype.n, f);
        } else if (x->type == WN_NODE_ELEMENT) {
            skip = true;   /* svg, math: drawings and formulas */
            if (child)
                item_open(w, top, x, wn_str_make(NULL, 0));
        }
        /* An element with enough element children for a run gets a frame. */
        if (!skip && x->first && x->first->next && w->nf < MAX_FRAMES &&
            (x->type == WN_NODE_ELEMENT || x->type == WN_NODE_DOCUMENT) &&
            element_children(x, WN_TUNE.pagetype.run_min_items)) {
            frame *fr = &w->fr[w->nf++];
            memset(fr, 0, sizeof *fr);
            fr->parent = x;
            fr->chrome = w->chrome != NULL;
        }
        /* Next in pre-order, leaving each subtree as the walk climbs out of it. */
        if (!skip && x->first) {
            x = x->first;
            continue;
        }
        while (x) {
            if (x->type != WN_NODE_TEXT)   /* a text node opens nothing */
                leave(w, x);
            if (x == root) {
                x = NULL;
                break;
            }
            if (x->next) {
                x = x->next;
                break;
            }
            x = x->parent;
        }
    }
    /* A walk cut short by the deadline leaves frames open: close them. */
    while (w->nf)
        leave(w, w->fr[w->nf - 1].parent);
    f[PTF_LONGEST_P] = (float)w->longest;
    f[PTF_TEXT_K] = (float)w->text / 1000.0f;
    f[PTF_LINK_DENSITY] = w->text ? (float)w->link_text / (float)w->text : 0;
    f[PTF_P_SHARE] = w->text ? (float)w->p_text / (float)w->text : 0;
    if (meta) {
        f[PTF_HAS_DATE] = meta->date != NULL;
        f[PTF_HAS_AUTHOR] = meta->author != NULL;
    }
    measure_url(url && *url ? url : meta ? meta->url : NULL, f);
}
