/*
 * decide.c: the decisions after the walk. From the candidates metadata.c
 * collected, choose the title (the visible heading when the metadata agrees),
 * the authors (a byline over a metadata author that names the site), the date
 * readers see, the site name, language and URLs, and clean them.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "core/url.h"
#include "extract/meta/meta_ctx.h"
#include "extract/signals/lexicon_data.h"

static const char *join_authors(ctx *c, const char *const *a, size_t n)
{
    wn_buf b;
    const char *r = NULL;
    size_t used = 0;
    wn_buf_init(&b, WN_META_MAX_AUTHORS * (WN_META_MAX_NAME + 2));
    for (size_t i = 0; i < n; i++) {
        char *s = wn_arena_strdup(c->scratch, a[i], strlen(a[i]));
        if (s == NULL)
            break;
        s = wn_meta_clean_byline(s);
        if (!wn_meta_author_ok(s))
            continue;
        if (used++)
            wn_buf_puts(&b, "; ");
        wn_buf_puts(&b, s);
    }
    if (b.n && !b.failed)
        r = wn_arena_strdup(c->scratch, b.p, b.n);
    wn_buf_fini(&b);
    return r;
}

/* The page's main heading: the best-marked one (h1, in the article, class
 * title), not the site name. */
static const char *main_h1(const ctx *c)
{
    const char *best = NULL;
    int bp = 0;
    for (size_t i = 0; i < c->nh1; i++) {
        if (c->site.v && wn_meta_loose_eq(c->h1[i], strlen(c->h1[i]), c->site.v, strlen(c->site.v)))
            continue;
        if (c->h1_prio[i] > bp) {
            bp = c->h1_prio[i];
            best = c->h1[i];
        }
    }
    return best;
}

/* Whether heading h and metadata title m name the same thing: equal, one
 * containing the other (the heading may drop a kicker or the site name), or
 * mostly the same words. Returns 0 (no), 1 (yes: use the heading) or 2 (yes,
 * but the heading holds more than the title: use m). */
static int title_agrees(const char *h, const char *m)
{
    char fh[1024], fm[1024];
    size_t nh = wn_meta_fold(h, strlen(h), fh, sizeof fh);
    size_t nm = wn_meta_fold(m, strlen(m), fm, sizeof fm);
    size_t common = 0, words_h = 0, words_m = 0;

    if (nh < WN_TUNE.meta.title_exact_below || nm < WN_TUNE.meta.title_exact_below)
        return nh == nm && nh > 0 && memcmp(fh, fm, nh) == 0;
    if (nh == nm && memcmp(fh, fm, nh) == 0)
        return true;
    if (strstr(fm, fh) && nh * WN_TUNE.meta.heading_in_title_den >= nm * WN_TUNE.meta.heading_in_title_num)
        return true;
    if (strstr(fh, fm) && nm * WN_TUNE.meta.title_in_heading_den >= nh)
        return 2;
    /* word overlap (Jaccard on word multisets is close enough here) */
    for (char *w = fh; *w;) {
        char *e = strchr(w, ' ');
        size_t len = e ? (size_t)(e - w) : strlen(w);
        char key[256];
        words_h++;
        if (len + 2 < sizeof key) {
            key[0] = ' ';
            memcpy(key + 1, w, len);
            key[len + 1] = ' ';
            key[len + 2] = '\0';
            char padded[1030];
            snprintf(padded, sizeof padded, " %s ", fm);
            if (strstr(padded, key))
                common++;
        }
        w = e ? e + 1 : w + len;
    }
    for (char *w = fm; *w; w++)
        if (*w == ' ')
            words_m++;
    words_m++;
    return common * WN_TUNE.meta.words_agree_den >=
           (words_h + words_m - common) * WN_TUNE.meta.words_agree_num;
}

/* Defined below. */
static bool author_is_site(const ctx *c, const char *a, const char *page_url);

/* Titles that name a kind of page, not a page: the lexicon's generic_title
 * words (lowercase, folded). */
static bool generic_title(const char *t)
{
    char f[64];
    size_t n = wn_meta_fold(t, strlen(t), f, sizeof f);
    for (size_t k = 0; n && k < WN_LEX_GENERIC_TITLE_N; k++)
        if (strcmp(f, wn_lex_generic_title[k]) == 0)
            return true;
    return false;
}

static void choose_title(ctx *c)
{
    const char *h1 = main_h1(c);
    const char *site = c->site.v;
    const char *t = NULL;
    const char *metas[3];
    char *derived_site = NULL;

    if (c->ld.title && c->ld.rank == WN_LD_ARTICLE)
        offer(&c->title, c->ld.title, WN_TUNE.prio.ld_title_article);
    else if (c->ld.title && c->ld.rank == WN_LD_PAGE)
        offer(&c->title, c->ld.title, WN_TUNE.prio.ld_title_page);
    t = c->title.v;
    /* A site-wide title (og:title = site name) says nothing about the page. */
    if (t && site && wn_meta_loose_eq(t, strlen(t), site, strlen(site)))
        t = NULL;
    metas[0] = t;
    metas[1] = c->title_tag.v;
    metas[2] = c->ld.title;
    /* The visible heading, when the metadata confirms it, is what readers see
     * as the title: social titles and <title> often reword or decorate it. */
    for (int best = 1; best >= 0; best--) {
        /* the declared titles in their order of trust, each against every heading */
        for (int k = 0; k < 3; k++) {
            if (metas[k] == NULL)
                continue;
            for (size_t i = 0; i < c->nh1; i++) {
                const char *h = c->h1[i];
                if (best && h != h1)
                    continue;
                if (site && wn_meta_loose_eq(h, strlen(h), site, strlen(site)))
                    continue;
                int a = title_agrees(h, metas[k]);
                if (a) {
                    /* a heading that adds a kicker or subtitle to the title
                     * yields the metadata's shorter form */
                    c->title.v = a == 2 ? metas[k] : h;
                    goto site_from_title;
                }
            }
        }
    }
    /* A heading marked beyond doubt (an h1 in the article and classed as a
     * title, or linked to the page itself), or the page's only <h1> when it
     * is a phrase (4+ words), beats metadata that disagrees: social titles
     * are often rewritten for sharing. Measured: the sole-h1 rule gains 8 of
     * 845 titles on the trafilatura set (human annotations) and loses 5 of
     * 127 on the readability set (Readability.js output, which prefers
     * metadata); trusting any h1 in <article> loses 20 there. */
    if (h1) {
        for (size_t i = 0; i < c->nh1; i++) {
            if (c->h1[i] == h1 && (c->h1_prio[i] >= WN_TUNE.meta.heading_trust ||
                                   (c->n_real_h1 == 1 && c->h1_is_h1[i] && words_in(h1) >= WN_TUNE.meta.sole_h1_words))) {
                c->title.v = h1;
                goto site_from_title;
            }
        }
    }
    if (t == NULL)
        t = c->title_tag.v;
    if (t == NULL) {
        c->title.v = h1;
        return;
    }
    t = wn_meta_strip_title(c->scratch, t, site, h1, &derived_site);
    /* A title that only names the site ("Nalas Löwenseiten" on nalas-
     * loewenseiten.info) or the section ("Home", "News"): the page's heading
     * says more. */
    if (h1 && t && !wn_meta_loose_eq(t, strlen(t), h1, strlen(h1)) &&
        (author_is_site(c, t, c->page_url) || generic_title(t)))
        t = h1;
    c->title.v = t;
site_from_title:
    if (c->site.v == NULL && c->title_tag.v) {
        if (derived_site == NULL)
            wn_meta_strip_title(c->scratch, c->title_tag.v, NULL, c->title.v, &derived_site);
        if (derived_site && wn_meta_author_ok(derived_site))
            offer(&c->site, derived_site, WN_TUNE.prio.site_from_title);
    }
}

/* s[0..n) without its spaces into out (NUL-terminated); returns the length. */
static size_t without_spaces(const char *s, size_t n, char *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            out[k++] = s[i];
    out[k] = '\0';
    return k;
}

/* Whether an author (or title) string names the site: equal to the site or
 * publisher name, containing the host's main label ("Riverside Times" on
 * riversidetimes.example), or contained in it ("Ridge" on ridgenews.example). */
static bool author_is_site(const ctx *c, const char *a, const char *page_url)
{
    char fa[256], fh[256];
    size_t na = wn_meta_fold(a, strlen(a), fa, sizeof fa), nh;
    wn_str host = wn_meta_url_host(page_url);
    const char *names[3] = { c->site.v, c->ld.publisher, c->ld.sitename };
    for (int k = 0; k < 3; k++)
        if (names[k] && wn_meta_loose_eq(a, strlen(a), names[k], strlen(names[k])))
            return true;
    if (host.n == 0)
        return false;
    /* main label: the part before the last dot */
    {
        size_t e = host.n, b;
        while (e > 0 && host.p[e - 1] != '.')
            e--;
        if (e == 0)
            return false;
        e--;
        b = e;
        while (b > 0 && host.p[b - 1] != '.')
            b--;
        nh = wn_meta_fold(host.p + b, e - b, fh, sizeof fh);
    }
    /* compare without spaces: "Jobs & Hire" ~ "jobsnhire" is too loose, so
     * require the label itself to appear */
    {
        char sa[256], sh[256];
        size_t k = without_spaces(fa, na, sa), j = without_spaces(fh, nh, sh);
        /* a short brand inside the host ("Ridge" on ridgenews.example) names the site too */
        return (j >= WN_TUNE.meta.site_label_min && strstr(sa, sh) != NULL) ||
               (k >= WN_TUNE.meta.site_name_min && strstr(sh, sa) != NULL);
    }
}

/* Whether the single word w opens the longer name s ("Pamela" of "Pamela
 * Anderson"), case aside. */
static bool first_word_of(const char *w, const char *s)
{
    size_t n = strlen(w);
    return n > 0 && strlen(s) > n && s[n] == ' ' && strchr(w, ' ') == NULL &&
           strncasecmp(s, w, n) == 0;
}

/* The date readers see. Pages declare one date in their metadata and print
 * another under the headline; people cite the printed one. Both rules apply
 * only when the declared publication date is written nowhere in the text. */
/* "2017-11-03" and "2017-03-11": one is the other read with day and month
 * swapped ("11.03.17" on a US page), so they do not disagree. */
static bool day_month_swapped(const char *a, const char *b)
{
    return strlen(a) >= 10 && strlen(b) >= 10 && memcmp(a, b, 5) == 0 &&
           memcmp(a + 5, b + 8, 2) == 0 && memcmp(a + 8, b + 5, 2) == 0;
}

/* No date declared, printed or in the URL: the JSON state some frameworks
 * embed in scripts may still hold one (shops, review sites, app pages). */
static void script_date(ctx *c)
{
    char buf[WN_META_DATE_LEN];
    size_t visited = 0, bytes = 0;
    for (const wn_node *x = c->root; x && visited < WALK_MAX_NODES && bytes < SCRIPT_SCAN_BYTES;
         visited++) {
        if (wn_is_html(x, WN_TAG_SCRIPT) && x->first && x->first->type == WN_NODE_TEXT) {
            wn_str t = x->first->text;
            bytes += t.n;
            if (wn_meta_script_date(t.p, t.n, c->max_ymd, buf)) {
                offer(&c->date, wn_arena_strdup(c->scratch, buf, strlen(buf)), WN_TUNE.prio.script_date);
                return;
            }
        }
        x = wn_dom_next(c->root, x, false);
    }
}

static void choose_date(ctx *c)
{
    const slot *shown = NULL;
    bool by_mod, by_shown;

    for (size_t i = 0; i < c->nh1 && shown == NULL; i++)
        if (c->h1[i] == c->title.v)
            shown = &c->h1_date[i];
    if (shown == NULL && c->nh1 > 0) {
        const char *h = main_h1(c);
        for (size_t i = 0; i < c->nh1 && shown == NULL; i++)
            if (c->h1[i] == h)
                shown = &c->h1_date[i];
    }
    if (shown == NULL || shown->v == NULL)
        shown = &c->h1_date[MAX_H1];   /* "<h1 class=sr-only>Details</h1>" over the story */
    if (c->date.v == NULL) {
        script_date(c);
        return;
    }
    /* "Updated Mar 12, 2020" under the heading: the modification date. On the
     * trafilatura set this held for 7 pages of 7 (human annotations);
     * Readability's output, which the readability set holds, follows the
     * metadata instead (1 page there). */
    by_mod = c->datemod.v && c->first_h1 && strncmp(c->date.v, c->datemod.v, 10) != 0 &&
             wn_meta_day_shown(c->root, c->first_h1, WN_TUNE.meta.near_h1_elements, c->datemod.v);
    /* A date-marked element (<time>, class "date", "meta"...) under the
     * heading that disagrees with the declared date: trafilatura set +5
     * pages, no loss; readability set -1. */
    by_shown = shown && shown->v && c->date.prio >= WN_TUNE.prio.declared_date_min && strncmp(c->date.v, shown->v, 10) != 0 &&
               !day_month_swapped(c->date.v, shown->v);
    /* the text search last: it reads the whole page */
    if ((by_mod || by_shown) && !wn_meta_day_shown(c->root, c->root, 0, c->date.v)) {
        c->date = by_mod ? c->datemod : *shown;
        return;
    }
    /* No declared date, only one read from the markup somewhere on the page
     * (a teaser's, as often as not): the one under the heading wins.
     * Trafilatura set +1, no loss; readability unchanged. */
    if (shown && shown->v && c->date.prio < WN_TUNE.prio.declared_date_min && strncmp(c->date.v, shown->v, 10) != 0)
        c->date = *shown;
}

/* The path of a URL (from the first '/' after the host; the whole of a
 * relative reference), without its query or fragment. */
static wn_str url_path(wn_str u)
{
    const char *e = u.p + u.n, *p = u.p;
    const char *s = memmem(u.p, u.n, "//", 2);
    if (s && (s == u.p || (s > u.p && s[-1] == ':'))) {
        p = s + 2;
        while (p < e && *p != '/')
            p++;
    }
    const char *q = p;
    while (q < e && *q != '?' && *q != '#')
        q++;
    return wn_str_make(p, (size_t)(q - p));
}

/* Whether the lead image is the logo image src (absolute or relative). */
static bool same_image(const char *image, wn_str logo)
{
    wn_str a = url_path(wn_str_make(image, strlen(image))), b = url_path(logo);
    if (a.n == 0 || b.n == 0)
        return false;
    if (a.n == b.n)
        return memcmp(a.p, b.p, a.n) == 0;
    /* "img/logo.png" against "/theme/img/logo.png": the relative one ends the other */
    const wn_str *lng = a.n > b.n ? &a : &b, *sht = a.n > b.n ? &b : &a;
    return sht->p[0] != '/' && lng->p[lng->n - sht->n - 1] == '/' &&
           memcmp(lng->p + lng->n - sht->n, sht->p, sht->n) == 0;
}

/* A canonical or image reference made absolute by the one URL resolver of
 * core/ (RFC 3986 with dot segments, queries and fragments); NULL, so the
 * field stays unknown, when it is too long or its scheme is refused
 * ("javascript:", or a data: URL that is no raster image). */
static const char *resolve(ctx *c, wn_url_resolver *r, const char *ref, bool image)
{
    size_t n, len;

    if (ref == NULL || (n = strlen(ref)) > WN_META_MAX_URL)
        return NULL;
    return wn_url_resolve(r, c->scratch, wn_str_make(ref, n), image, &len);
}

void wn_meta_decide(ctx *c, const char *page_url)
{
    char buf[WN_META_DATE_LEN];
    const wn_jsonld *ld = &c->ld;

    /* JSON-LD from an Article outranks <meta>; from a WebPage it fills gaps. */
    int lp = ld->rank == WN_LD_ARTICLE ? WN_TUNE.prio.ld_article :
             (ld->rank == WN_LD_PAGE ? WN_TUNE.prio.ld_page : WN_TUNE.prio.ld_other);
    if (ld->nauthors && ld->rank >= WN_LD_PAGE) {
        const char *a = join_authors(c, ld->authors, ld->nauthors);
        offer(&c->author, a, ld->rank == WN_LD_ARTICLE ? WN_TUNE.prio.ld_author_article : WN_TUNE.prio.ld_author_page);
    }
    /* Metadata naming the site or publisher as author: a byline in the page
     * names a person. */
    if (c->author.v && c->byline.v && c->author.v != c->byline.v &&
        !first_word_of(c->byline.v, c->author.v) && author_is_site(c, c->author.v, page_url))
        c->author = c->byline;
    /* A one-word metadata author (a login or first name: "Todd") that a byline
     * spells out in full ("Todd Bates") yields the byline. */
    if (c->author.v && c->byline.v && words_in(c->author.v) == 1 &&
        words_in(c->byline.v) >= WN_TUNE.meta.byline_full_min &&
        words_in(c->byline.v) <= WN_TUNE.meta.byline_full_max &&
        first_word_of(c->author.v, c->byline.v))
        c->author = c->byline;
    /* An article's JSON-LD date ranks just below OpenGraph's
     * article:published_time: where the two disagree (6 pages of the
     * trafilatura set), the OpenGraph date was the visible one 5 times, the
     * JSON-LD date 2 times. */
    offer(&c->date, ld->date, lp > WN_TUNE.prio.ld_date_max ? WN_TUNE.prio.ld_date_max : lp);
    offer(&c->datemod, ld->date_modified, lp);
    offer(&c->desc, ld->description, lp - WN_TUNE.prio.ld_desc_less);
    offer(&c->image, ld->image, lp - WN_TUNE.prio.ld_desc_less);
    offer(&c->license, ld->license, lp);
    offer(&c->lang, ld->language, WN_TUNE.prio.ld_lang);
    offer_url(c, ld->url, WN_TUNE.prio.ld_url);
    offer(&c->site, ld->sitename, WN_TUNE.prio.ld_sitename);
    offer(&c->site, ld->publisher,
          ld->rank == WN_LD_ARTICLE ? WN_TUNE.prio.ld_publisher_article : WN_TUNE.prio.ld_publisher);
    if (ld->nsections && c->cats_prio < WN_TUNE.prio.ld_sections) {
        c->ncats = 0;
        for (size_t i = 0; i < ld->nsections; i++)
            c->cats[c->ncats++] = ld->sections[i];
        c->cats_prio = WN_TUNE.prio.ld_sections;
    }
    if (ld->nkeywords && c->tags_prio < WN_TUNE.prio.ld_sections) {
        c->ntags = 0;
        for (size_t i = 0; i < ld->nkeywords; i++)
            c->tags[c->ntags++] = ld->keywords[i];
        c->tags_prio = WN_TUNE.prio.ld_sections;
    }

    /* The URL's date is reliable when present (CMS permalinks); it ranks above
     * markup guesses but below declared publication dates. */
    if (wn_meta_url_date(page_url, c->max_ymd, buf) ||
        (c->url.v && wn_meta_url_date(c->url.v, c->max_ymd, buf)))
        offer(&c->date, wn_arena_strdup(c->scratch, buf, strlen(buf)), WN_TUNE.prio.url_date);


    /* og:locale "en_US" -> "en-US" */
    if (c->lang.v) {
        char *l = wn_arena_strdup(c->scratch, c->lang.v, strlen(c->lang.v));
        if (l) {
            for (char *q = l; *q; q++)
                if (*q == '_')
                    *q = '-';
            c->lang.v = l;
        }
    }
    /* Relative references ("//host/path", "/path") resolve against the caller's
     * address, else against the page's own absolute canonical URL (a page may
     * give a protocol-relative rel=canonical and an absolute og:url). */
    const char *base = page_url ? page_url : c->url_abs.v;
    if (base && (c->url.v || c->image.v)) {
        wn_url_resolver r;
        wn_url_resolver_init(&r, base);
        c->url.v = resolve(c, &r, c->url.v, false);
        c->image.v = resolve(c, &r, c->image.v, true);
        wn_url_resolver_fini(&r);
    }
    /* The site's own logo (og:image left at the site default, a publisher
     * logo in JSON-LD) is no picture of the article: unknown is better. */
    for (size_t i = 0; c->image.v && i < c->nlogos; i++)
        if (same_image(c->image.v, c->logos[i]))
            c->image.v = NULL;
    if (c->url.v == NULL && page_url && strstr(page_url, "://"))
        c->url.v = clean(c, page_url, strlen(page_url), WN_META_MAX_URL);
    choose_title(c);
    choose_date(c);
}

