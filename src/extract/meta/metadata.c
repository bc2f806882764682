/*
 * metadata.c: wn_meta_extract. One walk over the DOM (capped) offers candidate
 * values from every source to per-field slots (meta_ctx.h) that keep the
 * highest priority; decide.c then chooses and cleans titles, authors and
 * dates. Sources and their priorities are in the tables of sources.c;
 * docs/internals/METADATA.md explains them.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "extract/meta/meta.h"
#include "extract/meta/meta_internal.h"
#include "extract/meta/meta_ctx.h"
#include "extract/signals/lexicon_data.h"


/* MARK: Walk ------------------------------------------------------------------ */

/* An element's class and id, lowercased once (capped), for the many marker
 * checks each element goes through. */
typedef struct elcls {
    const wn_node *el;
    size_t n;
    uint64_t pairs[11];   /* which letter pairs a-z,a-z occur: most markers are
                             rejected without a substring search */
    uint16_t first[26 * 26]; /* a pair's first place (read only when its bit is set) */
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
        if (k >= 0 && !(e->pairs[k >> 6] & ((uint64_t)1 << (k & 63)))) {
            e->pairs[k >> 6] |= (uint64_t)1 << (k & 63);
            e->first[k] = (uint16_t)i;
        }
    }
}

/* Whether the class/id holds w (m >= 2 bytes, opening with the letter pair k,
 * which occurs): no occurrence starts before the pair's first place. */
static bool has_from_pair(const elcls *e, int k, const char *w, size_t m)
{
    for (size_t i = e->first[k]; i + m <= e->n; i++)
        if (e->lc[i] == w[0] && e->lc[i + 1] == w[1] && !memcmp(e->lc + i + 2, w + 2, m - 2))
            return true;
    return false;
}
static bool marker_n(const elcls *e, const char *w, size_t wn)
{
    int k;
    if (e->n == 0)
        return false;
    k = pair_index(w[0], w[1]);
    if (k >= 0)
        return (e->pairs[k >> 6] & ((uint64_t)1 << (k & 63))) && has_from_pair(e, k, w, wn);
    return memmem(e->lc, e->n, w, wn) != NULL;
}
/* A lexicon role's words and the letter pairs they open with, built once: an
 * element whose class/id holds none of the pairs is answered at once. */
#define MARKSET_MAX 48   /* words per role */
typedef struct markset {
    const char *const *words;
    uint64_t mask[11];
    unsigned char len[MARKSET_MAX];
    short pair[MARKSET_MAX];   /* the word's opening pair, -1: none */
} markset;

static markset ms_noise = { .words = wn_lex_noise_box_class }, ms_comment = { .words = wn_lex_reader_comment_class };
static markset ms_featured = { .words = wn_lex_featured_image_class }, ms_date = { .words = wn_lex_date_class };
static markset ms_title = { .words = wn_lex_title_class }, ms_author = { .words = wn_lex_author_class };
static markset *const marksets[] = { &ms_noise, &ms_comment, &ms_featured, &ms_date, &ms_title,
                                     &ms_author };
static pthread_once_t ms_once = PTHREAD_ONCE_INIT;
_Static_assert(WN_LEX_NOISE_BOX_CLASS_N <= MARKSET_MAX && WN_LEX_DATE_CLASS_N <= MARKSET_MAX &&
               WN_LEX_AUTHOR_CLASS_N <= MARKSET_MAX, "raise MARKSET_MAX");

static void marksets_build(void)
{
    for (size_t i = 0; i < sizeof marksets / sizeof marksets[0]; i++) {
        markset *m = marksets[i];
        for (size_t k = 0; m->words[k] && k < MARKSET_MAX; k++) {
            int p = pair_index(m->words[k][0], m->words[k][1]);
            m->len[k] = (unsigned char)strlen(m->words[k]);   /* class words are short */
            m->pair[k] = (short)p;
            if (p >= 0)
                m->mask[p >> 6] |= (uint64_t)1 << (p & 63);
            else
                memset(m->mask, 0xFF, sizeof m->mask);   /* no filter for this role */
        }
    }
}

/* Whether the class/id holds a letter pair that opens a word of m's role. */
static bool markset_may(const elcls *e, markset *m)
{
    if (e->n == 0)
        return false;
    pthread_once(&ms_once, marksets_build);
    uint64_t any = 0;
    for (int i = 0; i < 11; i++)
        any |= e->pairs[i] & m->mask[i];
    return any != 0;
}

/* Whether the lowercased class/id holds one of the words of m's role that
 * carries a bit of want (bits NULL: every word). */
static bool any_marker(const elcls *e, markset *m, const unsigned short *bits, unsigned want)
{
    if (!markset_may(e, m))
        return false;
    for (size_t k = 0; m->words[k] && k < MARKSET_MAX; k++) {
        int p = m->pair[k];
        if ((bits && !(bits[k] & want)) || (p >= 0 && !(e->pairs[p >> 6] & ((uint64_t)1 << (p & 63)))))
            continue;
        if (p >= 0 ? has_from_pair(e, p, m->words[k], m->len[k])
                   : memmem(e->lc, e->n, m->words[k], m->len[k]) != NULL)
            return true;
    }
    return false;
}

/* Whether a class/id value has a part (split on space, '-' and '_') equal to
 * one of words (a lexicon role; with bits, those carrying a bit of want):
 * "comments-area" has "comments", "iz-pagebody--wsidebar" has no "sidebar". */
static bool has_part(wn_str s, const char *const *words, const unsigned short *bits,
                     unsigned want)
{
    size_t i = 0;
    while (i < s.n) {
        size_t j = i;
        while (j < s.n && !wn_is_space((unsigned char)s.p[j]) && s.p[j] != '-' && s.p[j] != '_')
            j++;
        for (size_t k = 0; words[k] && j > i; k++)
            if ((bits == NULL || (bits[k] & want)) &&
                wn_str_ieq(wn_str_make(s.p + i, j - i), words[k]))
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
    return subtree_span(el) * WN_TUNE.meta.noise_box_div < node_count;
}

/* 0: no noise; 1: sidebar, related or recent items (other pages' dates and
 * names: they count less); 2: comment threads (commenters are never the
 * author). */
static int is_noise_box(ctx *c, const elcls *ec, uint32_t node_count)
{
    const wn_node *el = ec->el;
    /* noise_box_class (data/lexicon/classnames.tsv). Not "widget" or
     * "footer": Blogger wraps the post in "widget Blog", and themes put the
     * byline in "entry-footer". */
    if (!any_marker(ec, &ms_noise, NULL, 0))
        return 0;
    if (!has_part(wn_dom_attr_value(el, "class"), wn_lex_noise_box_class, NULL, 0) &&
        !has_part(wn_dom_attr_value(el, "id"), wn_lex_noise_box_class, NULL, 0))
        return 0;
    /* A box holding most of the page is a layout wrapper ("with-sidebar"). */
    if (!is_small(c, el, node_count))
        return 0;
    return has_part(wn_dom_attr_value(el, "class"), wn_lex_noise_box_class,
                    wn_lex_noise_box_class_bits, WN_LEX_NOISE_BOX_CLASS_TALK) ||
           has_part(wn_dom_attr_value(el, "id"), wn_lex_noise_box_class,
                    wn_lex_noise_box_class_bits, WN_LEX_NOISE_BOX_CLASS_TALK) ? 2 : 1;
}

/* Whether s holds w somewhere that does not start an author_class_false word
 * ("author" in a class or id, but not in "authority-control"). */
static bool marker_not_false(wn_str s, const char *w)
{
    size_t wn = strlen(w);
    for (const char *q = s.p; (q = memmem(q, s.n - (size_t)(q - s.p), w, wn)) != NULL; q++) {
        size_t rest = s.n - (size_t)(q - s.p);
        bool is_false = false;
        for (size_t k = 0; k < WN_LEX_AUTHOR_CLASS_FALSE_N && !is_false; k++) {
            const char *f = wn_lex_author_class_false[k];
            size_t fn = strlen(f);
            is_false = fn <= rest && memcmp(q, f, fn) == 0;
        }
        if (!is_false)
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
    if (!markset_may(ec, &ms_author))
        return false;
    if (any_marker(ec, &ms_comment, NULL, 0))
        return false;   /* "comment-author" */
    bool named = false;
    for (size_t k = 0; k < WN_LEX_AUTHOR_CLASS_N && !named; k++)
        named = (wn_lex_author_class_bits[k] & WN_LEX_AUTHOR_CLASS_MARKER) &&
                marker_n(ec, wn_lex_author_class[k], wn_lex_author_class_len[k]) &&
                marker_not_false(wn_str_make(ec->lc, ec->n), wn_lex_author_class[k]);
    if (!named)
        return false;
    /* Parts of an author box that are not the name, as whole class parts:
     * "author-avatar" is excluded, "ng-sharekit__contributors--author" is not.
     * Only the parts from the author word on: "header-info__authors" is the
     * names' box, "author-info" the biography. */
    const char *from = NULL;
    for (size_t k = 0; k < WN_LEX_AUTHOR_CLASS_N; k++) {
        const char *root = wn_lex_author_class[k];
        if (!(wn_lex_author_class_bits[k] & WN_LEX_AUTHOR_CLASS_ROOT))
            continue;
        const char *q = memmem(ec->lc, ec->n, root, strlen(root));
        if (q && (from == NULL || q < from))
            from = q;
    }
    if (from == NULL)
        from = ec->lc;
    return !has_part(wn_str_make(from, ec->n - (size_t)(from - ec->lc)), wn_lex_author_box_part, NULL, 0);
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
        if (has_token(wn_dom_attr_value(k, "itemprop"), "name"))
            return k;
        for (size_t i = 0; i < WN_LEX_AUTHOR_NAME_CLASS_N; i++)
            if (has_token(wn_dom_attr_value(k, "class"), wn_lex_author_name_class[i]))
                return k;
        if (link == NULL && k->tag == WN_TAG_A && k->first)
            link = k;
    }
    return link;
}

/* An "author" element that is no person: inside a figure (a picture's
 * credit, class "author" or not), or one whose name links to a site's home
 * page (a blog's name in a vcard banner: <h1 class="vcard author"><a
 * class=fn href="/">Site</a></h1>). */
static bool site_or_picture_author(const wn_node *el)
{
    int depth = 0;
    for (const wn_node *p = el; p && depth < WN_TUNE.meta.figure_levels; p = p->parent, depth++)
        if (wn_is_html(p, WN_TAG_FIGURE) || wn_is_html(p, WN_TAG_FIGCAPTION))
            return true;
    const wn_node *nm = byline_name(el);
    if (el->tag == WN_TAG_A)
        nm = el;
    return nm && nm->tag == WN_TAG_A && wn_meta_home_href(wn_dom_attr_value(nm, "href"));
}

/* A site's logo image: named so (class, id or alt text "logo"), or the
 * picture of a link to the home page (the banner) unless the CMS marks it as
 * the post's own picture (a theme showing the featured image as the header). */
static bool site_logo(const elcls *ec)
{
    const wn_node *img = ec->el;
    wn_str alt = wn_dom_attr_value(img, "alt");
    /* a short alt text ("Example Times logo"); a long one describes a picture */
    bool short_alt = alt.n > 0 && alt.n <= WN_TUNE.meta.logo_alt_max;
    for (size_t k = 0; k < WN_LEX_LOGO_CLASS_N; k++) {
        const char *w = wn_lex_logo_class[k];
        size_t wl = wn_lex_logo_class_len[k];
        char cap[32];
        if (marker_n(ec, w, wl))
            return true;
        if (!short_alt || wl >= sizeof cap)
            continue;
        memcpy(cap, w, wl);
        cap[0] = (char)(cap[0] >= 'a' && cap[0] <= 'z' ? cap[0] - 32 : cap[0]);
        if (memmem(alt.p, alt.n, w, wl) || memmem(alt.p, alt.n, cap, wl))
            return true;
    }
    if (any_marker(ec, &ms_featured, NULL, 0))
        return false;
    int depth = 0;
    for (const wn_node *p = img->parent; p && depth < WN_TUNE.meta.logo_levels; p = p->parent, depth++)
        if (p->tag == WN_TAG_A)
            return wn_meta_home_href(wn_dom_attr_value(p, "href"));
    return false;
}
static bool date_marker(const elcls *el)
{
    if (any_marker(el, &ms_comment, NULL, 0))
        return false;   /* "comment-date": a reader's, not the article's */
    return any_marker(el, &ms_date, wn_lex_date_class_bits, WN_LEX_DATE_CLASS_LINE);
}

/* Hidden by the hidden attribute, an inline style or a class that CSS
 * frameworks use to hide things (hidden_class: "sr-only", "d-none"...). */
static bool visually_hidden(const wn_node *el)
{
    wn_str cl;
    if (el->nattrs == 0)
        return false;
    if (wn_dom_attr(el, "hidden") != NULL)
        return true;
    cl = wn_dom_attr_value(el, "class");
    for (size_t k = 0; cl.n && k < WN_LEX_HIDDEN_CLASS_N; k++)
        if (has_token(cl, wn_lex_hidden_class[k]))   /* whole tokens: "hidden-xs" hides on phones only */
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
            offer(&c->lang, clean(c, v.p, v.n, 32), WN_TUNE.prio.html_lang);
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
            offer(&c->title_tag, clean(c, buf, n, WN_META_MAX_TITLE), WN_TUNE.prio.title_tag);
            /* "08.11.2021 | Event": a title opening with a date, a last resort */
            offer_date(c, &c->date, buf, n, WN_DATE_DMY, WN_TUNE.prio.title_tag_date);
        }
        return;
    case WN_TAG_META:
        on_meta(c, el, w->other_work != NULL);
        return;
    case WN_TAG_LINK:
        v = wn_dom_attr_value(el, "rel");
        if (has_token(v, "canonical")) {
            wn_str h = wn_dom_attr_value(el, "href");
            offer_url(c, clean(c, h.p, h.n, WN_META_MAX_URL), WN_TUNE.prio.canonical);
        } else if (has_token(v, "license")) {
            wn_str h = wn_dom_attr_value(el, "href");
            offer(&c->license, clean(c, h.p, h.n, WN_META_MAX_URL), WN_TUNE.prio.license_link);
        }
        v = wn_dom_attr_value(el, "itemprop");
        if (v.n) {
            wn_str h = wn_dom_attr_value(el, "href");
            if (wn_str_ieq(v, "image") || wn_str_ieq(v, "thumbnailurl"))
                offer(&c->image, clean(c, h.p, h.n, WN_META_MAX_URL), WN_TUNE.prio.image_link);
            else if (wn_str_ieq(v, "license"))
                offer(&c->license, clean(c, h.p, h.n, WN_META_MAX_URL), WN_TUNE.prio.license_itemprop);
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
    if (el->tag == WN_TAG_IMG && !in_art && c->nlogos < MAX_LOGOS && site_logo(ec)) {
        wn_str src = wn_dom_attr_value(el, "src");
        if (src.n)
            c->logos[c->nlogos++] = src;
    }
    /* Microdata. */
    v = wn_dom_attr_value(el, "itemprop");
    if (v.n && w->other_work == NULL) {
        wn_str content = wn_dom_attr_value(el, "content");
        wn_str dt = wn_dom_attr_value(el, "datetime");
        if (has_token(v, "headline")) {
            n = content.p ? content.n : gather(el, buf);
            offer(&c->title, clean(c, content.p ? content.p : buf, n, WN_META_MAX_TITLE), WN_TUNE.prio.headline);
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
            int prio = in_art ? WN_TUNE.prio.author_itemprop_art : WN_TUNE.prio.author_itemprop;
            if (cn.p)
                offer_author(c, cn.p, cn.n, prio);
            else {
                n = gather(src, buf);
                offer_author(c, buf, n, prio);
            }
        } else if (has_token(v, "datepublished") || has_token(v, "datecreated")) {
            if (dt.p)
                offer_date(c, &c->date, dt.p, dt.n, 0, WN_TUNE.prio.date_itemprop);
            else if (content.p)
                offer_date(c, &c->date, content.p, content.n, 0, WN_TUNE.prio.date_itemprop);
            else {
                n = gather(el, buf);
                offer_date(c, &c->date, buf, n, WN_DATE_LOOSE, WN_TUNE.prio.date_itemprop_text);
            }
        } else if (has_token(v, "datemodified")) {
            wn_str src = dt.p ? dt : content;
            if (src.p)
                offer_date(c, &c->datemod, src.p, src.n, 0, WN_TUNE.prio.datemod_itemprop);
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
            (marks_ok || any_marker(ec, &ms_title, wn_lex_title_class_bits,
                                    WN_LEX_TITLE_CLASS_OWN))) {
            bool titled = any_marker(ec, &ms_title, wn_lex_title_class_bits,
                                     WN_LEX_TITLE_CLASS_TITLED);
            int link = heading_link(c, el);
            int score = el->tag == WN_TAG_H1 ? WN_TUNE.meta.heading_h1 : WN_TUNE.meta.heading_other;
            if ((el->tag != WN_TAG_H1 && !titled && link <= 0) || link < 0 ||
                any_marker(ec, &ms_title, wn_lex_title_class_bits, WN_LEX_TITLE_CLASS_WIDGET))
                break;
            n = gather(el, buf);
            const char *h = clean(c, buf, n, WN_META_MAX_TITLE);
            if (h && *h) {
                c->h1_prio[c->nh1] = score + (in_art ? WN_TUNE.meta.heading_in_article : 0) +
                    (titled ? WN_TUNE.meta.heading_titled : 0) + (link > 0 ? WN_TUNE.meta.heading_linked : 0);
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
            bool pub = wn_dom_attr(el, "pubdate") != NULL ||
                       any_marker(ec, &ms_date, wn_lex_date_class_bits,
                                  WN_LEX_DATE_CLASS_PUBLISHED);
            bool upd = any_marker(ec, &ms_date, wn_lex_date_class_bits,
                                  WN_LEX_DATE_CLASS_UPDATED);
            int prio = pub ? WN_TUNE.prio.time_pub : in_art ? WN_TUNE.prio.time_art : WN_TUNE.prio.time;
            slot *s = upd ? &c->datemod : &c->date;
            if (upd)
                prio = WN_TUNE.prio.time_modified;
            if (v.n)
                offer_date(c, s, v.p, v.n, 0, prio);
            else {
                n = gather(el, buf);
                offer_date(c, s, buf, n, WN_DATE_LOOSE, prio - WN_TUNE.prio.time_text_less);
            }
        }
        break;
    case WN_TAG_ABBR:
        if (any_marker(ec, &ms_date, wn_lex_date_class_bits, WN_LEX_DATE_CLASS_ABBR)) {
            v = wn_dom_attr_value(el, "title");
            if (v.n)
                offer_date(c, &c->date, v.p, v.n, 0, WN_TUNE.prio.abbr_date);
        }
        break;
    case WN_TAG_A:
        v = wn_dom_attr_value(el, "rel");
        if (v.n) {
            if (has_token(v, "license")) {
                wn_str h = wn_dom_attr_value(el, "href");
                offer(&c->license, clean(c, h.p, h.n, WN_META_MAX_URL), WN_TUNE.prio.license_rel);
            }
            if (has_token(v, "tag") && marks_ok) {
                n = gather(el, buf);
                if (has_token(v, "category"))
                    offer_list(c, c->cats, &c->ncats, &c->cats_prio, buf, n, WN_TUNE.prio.rel_tag, false);
                else
                    offer_list(c, c->tags, &c->ntags, &c->tags_prio, buf, n, WN_TUNE.prio.rel_tag, false);
            }
        }
        break;
    default:
        break;
    }
    if (author_marker(ec) && !site_or_picture_author(el)) {
        n = gather(el, buf);
        if (n > 0 && n < WN_TUNE.meta.author_box_chars)
            offer_author_words(c, buf, n, in_art ? WN_TUNE.prio.byline_art : WN_TUNE.prio.byline,
                               WN_TUNE.meta.byline_words);
        else if (n == 0) {
            /* an author link holding only the portrait: its alt text */
            size_t seen = 0;
            for (const wn_node *k = el->first; k && seen < 32; k = wn_dom_next(el, k, false), seen++) {
                if (wn_is_html(k, WN_TAG_IMG)) {
                    wn_str alt = wn_dom_attr_value(k, "alt");
                    offer_author_words(c, alt.p, alt.n, in_art ? WN_TUNE.prio.byline_alt_art : WN_TUNE.prio.byline_alt,
                                       WN_TUNE.meta.alt_words);
                    break;
                }
            }
        }
        else if (n >= WN_TUNE.meta.author_box_chars)
            offer_author(c, buf, 0, 0);
        /* A long author box: its name element or first link holds the name. */
        if (n > 0 && count_spaces(buf, n) > WN_TUNE.meta.author_box_spaces) {
            const wn_node *nm = byline_name(el);
            if (nm) {
                size_t k = gather(nm, buf);
                offer_author(c, buf, k, in_art ? WN_TUNE.prio.byline_box_art : WN_TUNE.prio.byline_box);
            }
        }
    }
    /* Dates in date-marked elements (<time>, class date/time/meta...): the
     * date printed under a heading (for choose_date()), and a page date when
     * no better one is known. Marker test and gathered text serve both. */
    bool under_head = c->last_h1 <= MAX_H1 && c->since_h1 <= WN_TUNE.meta.near_h1_elements && marks_ok &&
                      !w->other_work && c->h1_date[c->last_h1].v == NULL;
    bool page_date = el->tag != WN_TAG_TIME && c->date.prio < WN_TUNE.prio.marked_date_below;
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
            if (n > 0 && n < WN_TUNE.meta.marked_date_chars)
                offer_date(c, s, buf, n, WN_DATE_LOOSE | c->dmy, 1);
        }
    }
    if (page_date) {
        if (!gathered)
            n = gather(el, buf);
        if (n > 0 && n < WN_TUNE.meta.marked_date_chars)
            offer_date(c, &c->date, buf, n, WN_DATE_LOOSE, in_art ? WN_TUNE.prio.marked_date_art : WN_TUNE.prio.marked_date);
    }
}

/* A microdata item that is a property of the page's item and names another
 * work (other_work_itemprop): the references of a paper (itemprop=citation),
 * reviews, comments, parts and listed items. */
static bool other_work_item(const wn_node *el)
{
    wn_str v;
    if (wn_dom_attr(el, "itemscope") == NULL || (v = wn_dom_attr_value(el, "itemprop")).n == 0)
        return false;
    for (size_t k = 0; k < WN_LEX_OTHER_WORK_ITEMPROP_N; k++)
        if (has_token(v, wn_lex_other_work_itemprop[k]))
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
                c->penalty = w.skip_marks ? WN_TUNE.prio.noise_penalty : 0;
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
            c->penalty = w.skip_marks ? WN_TUNE.prio.noise_penalty : 0;
            c->no_names = (w.skip_marks && w.noise_kind == 2) || (w.form && form_small);
            on_text(c, &w, n, buf);
        }
        /* the page's time budget (extract.c fails the page once it is spent) */
        if (visited % WN_DEADLINE_EVERY == 0 && wn_deadline_passed(d->deadline))
            break;
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
