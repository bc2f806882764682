/*
 * meta_ctx.h: the state wn_meta_extract builds while it walks a page
 * (metadata.c, sources.c, text_scan.c) and decides from afterwards
 * (decide.c). Private to meta/. Every field is a slot: the best candidate
 * value so far and its priority; docs/internals/METADATA.md lists the sources
 * and priorities.
 */
#ifndef WN_EXTRACT_META_META_CTX_H
#define WN_EXTRACT_META_META_CTX_H

#include <stdbool.h>
#include <stddef.h>

#include "dom/dom.h"
#include "extract/meta/meta_internal.h"

#define WALK_MAX_NODES  300000   /* elements and texts examined per page */
#define MAX_SCRIPTS     24       /* JSON-LD scripts parsed per page */
#define SCRIPT_MAX      (1u << 20) /* bytes of one JSON-LD script */
#define GATHER_MAX      600      /* bytes of text gathered from one element */
#define GATHER_NODES    400      /* nodes visited to gather one element's text */
#define SCRATCH_LIMIT   (16u << 20) /* JSON-LD trees and cleaned strings */
#define MAX_H1          8        /* headings kept as title candidates */

typedef struct slot {
    const char *v;   /* cleaned, NUL-terminated, in the scratch arena */
    int prio;
} slot;

enum field {
    F_TITLE, F_AUTHOR, F_DATE, F_DATEMOD, F_SITE, F_DESC, F_LANG, F_URL, F_IMAGE,
    F_LICENSE, F_CAT, F_TAG, F_NONE
};

#define MAX_LOGOS       4        /* site logo images remembered (site_logo) */

/* Script text searched for a date when the page has no other (script_date). */
#define SCRIPT_SCAN_BYTES (8u << 20)

typedef struct ctx {
    wn_arena *scratch;
    const wn_node *root;             /* the document */
    const wn_node *first_h1;         /* the first <h1> outside noise, or NULL */
    long max_ymd;
    slot title, author, date, datemod, site, desc, lang, url, image, license;
    slot url_abs;                    /* the best absolute ("scheme://") canonical URL: the
                                        base for a relative one when the caller gives none */
    wn_str logos[MAX_LOGOS];         /* src of the site's logo images outside the article:
                                        never the article's lead image */
    size_t nlogos;
    slot byline;                     /* best author seen in the markup (not metadata) */
    slot title_tag;                  /* <title>, before stripping */
    const char *h1[MAX_H1];          /* headings: every h1, titled h2/h3 (see on_element) */
    int h1_prio[MAX_H1];             /* their scores */
    bool h1_is_h1[MAX_H1];           /* an <h1> (not a titled h2/h3) */
    slot h1_date[MAX_H1 + 1];        /* first date-marked element near each heading kept
                                        (WN_TUNE.meta.near_h1_elements); [MAX_H1]: after
                                        the first <h1> when it is not kept (hidden) */
    size_t last_h1;                  /* slot being filled, or MAX_H1 + 1 */
    size_t since_h1;                 /* elements walked since it */
    size_t n_real_h1;                /* <h1> elements outside noise, kept or not */
    size_t nh1;
    const char *cats[WN_META_MAX_LIST], *tags[WN_META_MAX_LIST];
    size_t ncats, ntags;
    int cats_prio, tags_prio;
    wn_jsonld ld;
    size_t nscripts;
    const char *page_url;            /* may be NULL */
    bool no_names;                   /* no author offers (comment threads, forms) */
    unsigned spans;                  /* subtree_span() calls made (SPAN_BUDGET) */
    unsigned dmy;                    /* WN_DATE_DMY unless the page is US English */
    char label_digit;                /* N of a twitter:labelN "Written by", or 0 */
    int penalty;                     /* subtracted from byline/date priorities in noise boxes */
    bool oom;
} ctx;

static inline void offer(slot *s, const char *v, int prio)
{
    if (v && *v && prio > s->prio) {
        s->v = v;
        s->prio = prio;
    }
}

/* A canonical URL from one of the page's sources (link rel=canonical, og:url,
 * JSON-LD url...). */
static inline void offer_url(ctx *c, const char *v, int prio)
{
    const char *s = v ? strstr(v, "://") : NULL;
    if (s && (s[3] == '/' || s[3] == '\0'))
        return;   /* "https:///path": no host, not an address */
    offer(&c->url, v, prio);
    if (s)
        offer(&c->url_abs, v, prio);
}

static inline size_t words_in(const char *s)
{
    size_t w = 0;
    bool in = false;
    for (; *s; s++) {
        if (*s == ' ')
            in = false;
        else if (!in) {
            in = true;
            w++;
        }
    }
    return w;
}

static inline const char *clean(ctx *c, const char *p, size_t n, size_t cap)
{
    char *s = wn_meta_clean(c->scratch, p, n, cap);
    if (s == NULL)
        c->oom = true;
    return s;
}

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

/* sources.c: offers to the slots, <meta> names, element text. */
void offer_date(ctx *c, slot *s, const char *p, size_t n, unsigned flags, int prio);
void offer_author(ctx *c, const char *p, size_t n, int prio);
void offer_author_words(ctx *c, const char *p, size_t n, int prio, size_t max_words);
void offer_list(ctx *c, const char **items, size_t *count, int *lprio, const char *p,
                size_t n, int prio, bool split);
void on_meta(ctx *c, const wn_node *el, bool in_other_work);
bool is_block(uint16_t tag);
size_t gather(const wn_node *el, char *buf);   /* buf: GATHER_MAX + 1 bytes */
bool has_word(wn_str s, const char *w);
bool has_token(wn_str s, const char *tok);
bool looks_like_jsonld(wn_str t);
int heading_link(const ctx *c, const wn_node *el);

/* text_scan.c: one text node of the walk. */
void on_text(ctx *c, const walkstate *w, const wn_node *t, char *buf);

/* decide.c: choose and clean the final title, authors, date and the
 * rest from what the walk collected. */
void wn_meta_decide(ctx *c, const char *page_url);

#endif
