/*
 * text_scan.c: the metadata walk's reading of text nodes: a date line
 * ("Published 12 March 2020"), a byline after a date, names that follow a
 * lead-in word.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/buf.h"
#include "extract/meta/meta_internal.h"
#include "extract/meta/meta_ctx.h"
#include "extract/signals/lexicon_data.h"

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

/* Words announcing a publication date in running text: the lexicon's
 * date_leadin words marked TEXT (data/lexicon/dates.tsv). */
#define NPUB ((size_t)WN_LEX_DATE_LEADIN_N)
static bool pub_first[256];   /* first bytes of the date_leadin words */
static size_t pub_len[NPUB];
static pthread_once_t pub_once = PTHREAD_ONCE_INIT;

static void pub_index(void)
{
    for (size_t k = 0; k < NPUB; k++) {
        if (!(wn_lex_date_leadin_bits[k] & WN_LEX_DATE_LEADIN_TEXT))
            continue;   /* pub_len 0: never compared */
        pub_first[(unsigned char)wn_lex_date_leadin[k][0]] = true;
        pub_len[k] = strlen(wn_lex_date_leadin[k]);
    }
}

/* Whether p[0..n) (n <= 160) holds a date_leadin word, case aside: one pass,
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
            if (pub_len[k] && wn_lex_date_leadin[k][0] == low[i] && pub_len[k] <= n - i &&
                memcmp(low + i, wn_lex_date_leadin[k], pub_len[k]) == 0)
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

    if (n < WN_TUNE.meta.text_date_min || c->date.prio >= WN_TUNE.prio.marked_date_below)
        return;
    int lead = w->article ? WN_TUNE.prio.text_date_lead_art : WN_TUNE.prio.text_date_lead;
    if (n > WN_TUNE.meta.text_long) {
        /* a long paragraph counts only when it opens with its date */
        if (c->date.prio < WN_TUNE.prio.text_date_lead_art &&
            memchr_digit(p, n < WN_TUNE.meta.text_lead_bytes ? n : WN_TUNE.meta.text_lead_bytes))
            offer_date(c, &c->date, p, n, c->dmy, lead);
        return;
    }
    if (memchr_digit(p, n) == NULL)
        return;
    hint = has_pub_word(p, n);
    if (hint)
        offer_date(c, &c->date, p, n, WN_DATE_LOOSE | c->dmy,
                   w->article ? WN_TUNE.prio.text_date_pub_art : WN_TUNE.prio.text_date_pub);
    else if (shown_len(p, n) <= WN_TUNE.meta.text_short_date &&
             c->date.prio < WN_TUNE.prio.text_date_short_art)
        offer_date(c, &c->date, p, n, WN_DATE_LOOSE | c->dmy,
                   w->article ? WN_TUNE.prio.text_date_short_art : WN_TUNE.prio.text_date_short);
    else if (c->date.prio < WN_TUNE.prio.text_date_lead_art)   /* a paragraph opening with its date */
        offer_date(c, &c->date, p, n, c->dmy, lead);
}

/* Lead-ins of a byline in running text: the byline_leadin words marked TEXT
 * (data/lexicon/byline.tsv); a name follows, in the same text or in the next
 * node ("<span>By</span> <a>Jane</a>"). */

/* The byline_leadin words are in byte order: those starting with byte b are
 * [lead_from[b], lead_to[b]), found once. */
static unsigned char lead_from[256], lead_to[256];
static pthread_once_t lead_once = PTHREAD_ONCE_INIT;

static void lead_index(void)
{
    _Static_assert(WN_LEX_BYLINE_LEADIN_N < 256, "lead_from holds 8-bit indices");
    for (size_t k = WN_LEX_BYLINE_LEADIN_N; k-- > 0;) {
        unsigned char b = (unsigned char)wn_lex_byline_leadin[k][0];
        if (lead_to[b] == 0)
            lead_to[b] = (unsigned char)(k + 1);
        lead_from[b] = (unsigned char)k;
    }
}

/* Length of the lead-in at p[0..n) (with a following ':' or '：'), or 0. *alone
 * tells whether nothing but spaces follows it. */
static size_t match_lead(const char *p, size_t n, bool *alone)
{
    size_t best = 0;
    char first = n ? wn_ascii_lower(p[0]) : 0;
    pthread_once(&lead_once, lead_index);
    for (size_t k = lead_from[(unsigned char)first]; k < lead_to[(unsigned char)first]; k++) {
        const char *lead = wn_lex_byline_leadin[k];
        size_t ln, j = 0;
        if (!(wn_lex_byline_leadin_bits[k] & WN_LEX_BYLINE_LEADIN_TEXT))
            continue;
        ln = wn_lex_byline_leadin_len[k];
        while (j < ln && j < n && wn_ascii_lower(p[j]) == lead[j])
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
    for (int up = 0; t && up < WN_TUNE.meta.next_levels; up++) {
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
    if (len > WN_TUNE.meta.date_byline_chars || memchr_digit(p, n) == NULL)
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
            if (words >= 2 && words <= WN_TUNE.meta.date_byline_words && caps == words) {
                memcpy(buf, p + b, e - b);
                offer_author_words(c, buf, e - b,
                                   w->article ? WN_TUNE.prio.date_byline_art : WN_TUNE.prio.date_byline,
                                   WN_TUNE.meta.date_byline_words);
                return;
            }
        }
    }
    /* The first lead-in marked AFTER_DATE, between spaces, with a digit before it. */
    pthread_once(&lead_once, lead_index);
    for (size_t i = 1; i < n; i++) {
        if (p[i] != ' ' || i + 1 >= n)
            continue;
        unsigned char f = (unsigned char)wn_ascii_lower(p[i + 1]);
        size_t ln = 0;
        for (size_t k = lead_from[f]; k < lead_to[f] && ln == 0; k++) {
            const char *lead = wn_lex_byline_leadin[k];
            size_t m = wn_lex_byline_leadin_len[k], j = 0;
            if (!(wn_lex_byline_leadin_bits[k] & WN_LEX_BYLINE_LEADIN_AFTER_DATE) || i + m + 2 > n)
                continue;
            while (j < m && wn_ascii_lower(p[i + 1 + j]) == lead[j])
                j++;
            if (j == m && p[i + 1 + m] == ' ')
                ln = m + 2;
        }
        if (ln && memchr_digit(p, i) == NULL)
            ln = 0;
        if (ln == 0)
            continue;
        size_t rest = i + ln;
        while (rest < n && wn_is_space((unsigned char)p[rest]))
            rest++;
        if (rest < n) {
            memcpy(buf, p + rest, n - rest);
            offer_author_words(c, buf, n - rest,
                               w->article ? WN_TUNE.prio.text_byline_art : WN_TUNE.prio.text_byline,
                               WN_TUNE.meta.date_lead_words);
        } else {
            const wn_node *nx = next_named(t);
            if (nx && nx->type == WN_NODE_ELEMENT && !is_block(nx->tag)) {
                size_t m = gather(nx, buf);
                offer_author_words(c, buf, m,
                                   w->article ? WN_TUNE.prio.text_byline_art : WN_TUNE.prio.text_byline,
                                   WN_TUNE.meta.date_lead_words);
            }
        }
        return;
    }
}

/* Co-authors in sibling elements after the first name: "Von <a>A</a> und
 * <a>B</a>", "<a>A</a>, <a>B</a> & <a>C</a>". Appends " und B" etc. to buf[0..m)
 * while a joining text (a comma, "und", "and", "&"...) links inline elements. */
static size_t more_names(const wn_node *first, char *buf, size_t m)
{
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
        for (size_t k = 0; k < WN_LEX_NAME_JOIN_N && !ok; k++)
            ok = (wn_lex_name_join_bits[k] & WN_LEX_NAME_JOIN_SIBLINGS) &&
                 e - b == strlen(wn_lex_name_join[k]) &&
                 wn_str_ieq(wn_str_make(j->text.p + b, e - b), wn_lex_name_join[k]);
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

/* Whether the text of t's two previous siblings holds a site_credit_word
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
    for (size_t k = 0; k < WN_LEX_SITE_CREDIT_WORD_N; k++)
        if (has_word(wn_str_make(low, n), wn_lex_site_credit_word[k]))
            return true;
    return false;
}

/* "By Jane Doe" as plain text, or "By" followed by the name in the next node. */
void on_text(ctx *c, const walkstate *w, const wn_node *t, char *buf)
{
    const char *p = t->text.p;
    size_t n = t->text.n, i = 0, lead;
    bool alone = false;
    int prio = w->article ? WN_TUNE.prio.text_byline_art : WN_TUNE.prio.text_byline;

    /* Reading the text costs a cache miss per node: first ask whether a
     * date or a byline is still wanted at all. */
    bool want_name = n >= 2 && n <= WN_TUNE.meta.text_byline_max && !c->no_names &&
                     (c->author.prio < WN_TUNE.prio.text_byline_wanted ||
                      c->byline.prio < WN_TUNE.prio.text_byline_wanted);
    if (c->date.prio >= WN_TUNE.prio.marked_date_below && !want_name)
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
    if (!alone && lead <= WN_TUNE.meta.lead_word_max && p[i + lead - 1] != ':') {
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
                offer_author_words(c, buf, m, prio, WN_TUNE.meta.block_words);
                return;
            }
            m = more_names(nx, buf, m);
        } else {
            return;
        }
        offer_author_words(c, buf, m, prio, WN_TUNE.meta.next_words);
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
        offer_author_words(c, buf, m, prio, WN_TUNE.meta.text_words);
    }
}
