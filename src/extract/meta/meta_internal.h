/*
 * meta_internal.h: helpers shared by the files of meta/ (metadata.c drives,
 * text.c cleans strings, dates.c parses dates, url.c reads URLs, jsonld.c
 * reads schema.org JSON-LD). Not part of any other module's contract.
 */
#ifndef WN_EXTRACT_META_META_INTERNAL_H
#define WN_EXTRACT_META_META_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/arena.h"
#include "core/json.h"
#include "core/str.h"
#include "extract/tuning.h"

/* Caps on what one field may hold (bytes, after cleaning). */
#define WN_META_MAX_TITLE    512
#define WN_META_MAX_NAME     128    /* one author or site name */
#define WN_META_MAX_AUTHORS  8
#define WN_META_MAX_TEXT     1024   /* description */
#define WN_META_MAX_URL      2048
#define WN_META_MAX_LIST     32     /* categories, tags */
#define WN_META_DATE_LEN     32     /* buffer for a normalised date */

/* MARK: text.c ------------------------------------------------------------------ */

/* Clean s[0..n): decode leftover character references (&amp; &#8217; ...),
 * collapse white space (ASCII, NBSP and the Unicode spaces) to single spaces,
 * drop control and zero-width characters, trim, and cut at most cap bytes on a
 * character boundary. Returns a NUL-terminated copy in a, "" for blank input,
 * NULL when out of memory. */
char *wn_meta_clean(wn_arena *a, const char *s, size_t n, size_t cap);

/* Lowercased letters and digits of s, one space between words, into out (cap
 * bytes, NUL-terminated; ASCII folded, other bytes kept). For loose comparisons. */
size_t wn_meta_fold(const char *s, size_t n, char *out, size_t cap);

/* Whether two strings are equal after wn_meta_fold. */
bool wn_meta_loose_eq(const char *a, size_t an, const char *b, size_t bn);

/* Whether s looks like a URL or an e-mail address rather than a name. */
bool wn_meta_is_url(const char *s, size_t n);

/* Byline cleanup in place on a cleaned NUL-terminated string: strips a leading
 * "By"/"Von"/"Par"/"Por"/"Di"/"Door"/"Written by"..., a trailing date, role or
 * "| Site" part, and surrounding punctuation. Returns the (possibly empty) result,
 * which points into s. */
char *wn_meta_clean_byline(char *s);

/* Whether a cleaned author candidate is plausible: a few words, not a date, not a
 * sentence, not a URL. */
bool wn_meta_author_ok(const char *s);

/* Whether a cleaned byline of two words or more reads as prose, not a name: a
 * word that starts with a lowercase letter and is no name particle ("von",
 * "de", "van"...) nor a handle ("dpa/lno", "t.online"). "Sozialabgaben
 * befreit sind Beiträge" is prose; "Ludwig van Beethoven" is a name. */
bool wn_meta_prose_like(const char *s);
/* Whether a cleaned author candidate is a picture credit, not a person:
 * it opens with a picture label ("Photo from ...", "Foto: ...", "Image via
 * ...") or names a photo or social platform as its source ("... Instagram"). */
bool wn_meta_credit_like(const char *s);
/* Whether href points at a site's home page: "/", "//host/", "https://host". */
bool wn_meta_home_href(wn_str href);
/* Whether s is a list of two or more personal names ("A B, C D und E F"):
 * each of 2..max_words capitalised words; a one-word agency may close it. */
bool wn_meta_name_list(const char *s, size_t max_words);

/* MARK: shown.c ----------------------------------------------------------------- */

struct wn_node;

#define WN_META_SHOWN_MAX_NODES 300000   /* nodes one search visits at most */

/* Whether the day of iso ("YYYY-MM-DD...") is written in the page's text
 * (scripts and styles left out) in a common form ("2020-03-12", "12.03.2020",
 * "March 12, 2020", "12. März 2020"...): from node `from` on in document order
 * under root, over at most max_elements elements (0 = no limit). */
bool wn_meta_day_shown(const struct wn_node *root, const struct wn_node *from,
                       size_t max_elements, const char *iso);

/* Title without a " | Site" / " - Site" part. site (may be NULL) is the known site
 * name; h1 (may be NULL) the page's main heading. Returns a copy in a. */
char *wn_meta_strip_title(wn_arena *a, const char *title, const char *site, const char *h1,
                          char **site_out);

/* MARK: dates.c ----------------------------------------------------------------- */

/* Date parsing flags. */
#define WN_DATE_DMY   0x1u   /* prefer day/month/year when a numeric date is ambiguous */
#define WN_DATE_LOOSE 0x2u   /* free text: the date may sit anywhere in s */

/* Parse the first date in s[0..n) into out: "YYYY-MM-DD", or
 * "YYYY-MM-DDTHH:MM:SS" with "Z" or "+HH:MM" when s carries a time (and a zone).
 * Without WN_DATE_LOOSE the date must start within the first few characters.
 * Dates before 1991 or after max_ymd (YYYYMMDD; 0 = no bound) are rejected.
 * Returns true when a valid date was found. */
bool wn_meta_parse_date(const char *s, size_t n, unsigned flags, long max_ymd,
                        char out[WN_META_DATE_LEN]);

/* Today + 1 day as YYYYMMDD (UTC), the default upper bound for dates. */
long wn_meta_date_bound(void);

/* MARK: url.c ------------------------------------------------------------------- */

/* A date in a URL path: /2019/08/02/, /2019-08-02-, /20190802/. */
bool wn_meta_url_date(const char *url, long max_ymd, char out[WN_META_DATE_LEN]);

/* Host of an absolute URL (without "www."), as a slice of url; {NULL,0} if none. */
wn_str wn_meta_url_host(const char *url);


/* MARK: jsonld.c ---------------------------------------------------------------- */

/* Which kind of schema.org object supplied the values (wn_jsonld.rank):
 * higher ranks win. */
enum { WN_LD_NONE, WN_LD_WORK, WN_LD_PAGE, WN_LD_ARTICLE };

/* What the schema.org objects of a page say. Values are cleaned strings in the
 * scratch arena, or NULL. rank: WN_LD_ARTICLE = an Article-like object
 * supplied them, WN_LD_PAGE = a WebPage-like one, WN_LD_WORK = another
 * CreativeWork, WN_LD_NONE = nothing found. */
typedef struct wn_jsonld {
    int rank;
    const char *title, *date, *date_modified, *description, *url, *image, *license;
    const char *language, *sitename, *publisher;
    const char *authors[WN_META_MAX_AUTHORS];
    size_t nauthors;
    const char *sections[WN_META_MAX_LIST];
    size_t nsections;
    const char *keywords[WN_META_MAX_LIST];
    size_t nkeywords;
} wn_jsonld;

/* Parse one <script type="application/ld+json"> body and merge what it says
 * into *ld (the first Article-like object wins over lower ranks and later
 * scripts). Invalid JSON is ignored. Returns 0, or -1 when out of memory. */
int wn_meta_jsonld(wn_arena *scratch, const char *p, size_t n, long max_ymd, wn_jsonld *ld);

/* A publication date under a common key ("datePublished", "published_at",
 * "publishedDate"...) in the JSON of any script (application state, not
 * schema.org): the first that parses. A last resort for pages that print no
 * date and declare none. */
bool wn_meta_script_date(const char *p, size_t n, long max_ymd, char out[WN_META_DATE_LEN]);

/* Split a list ("a, b; c") into cleaned items appended to items (up to cap, no
 * duplicates). Returns the new count. */
size_t wn_meta_split_list(wn_arena *a, const char *s, size_t n, const char **items,
                          size_t count, size_t cap);

#endif
