/*
 * text.c: string cleanup for metadata fields. Values come from attributes,
 * JSON-LD strings and short text runs; they may hold leftover character
 * references, odd white space and byline decoration ("By ... | Site"). Everything
 * here works on bounded copies: no field may grow past its cap.
 */
#include <stdint.h>
#include <string.h>

#include "extract/meta/meta_internal.h"
#include "core/utf8.h"
#include "html/tokenizer.h"
#include "extract/signals/lexicon_data.h"

/* MARK: Character references --------------------------------------------------- */

/* Decode the reference starting at s[0] == '&'. Returns its length and sets *cp,
 * or 0 when it is not a reference we know. The parser already decoded the
 * single-escaped ones; these are the leftovers of double escaping (attributes,
 * JSON-LD written by CMS templates). Named ones are looked up in the HTML
 * standard's table (html/entity_data.h), with their ';'; one that stands for
 * two code points is left as written. */
static size_t decode_ref(const char *s, size_t n, uint32_t *cp)
{
    size_t i = 1;
    uint32_t v = 0;

    if (n < 3)
        return 0;
    if (s[1] == '#') {
        int hex = (s[2] == 'x' || s[2] == 'X');
        size_t digits = 0;
        i = hex ? 3 : 2;
        for (; i < n && digits < 8; i++, digits++) {
            char c = s[i];
            uint32_t dv;
            if (c >= '0' && c <= '9')
                dv = (uint32_t)(c - '0');
            else if (hex && c >= 'a' && c <= 'f')
                dv = (uint32_t)(c - 'a' + 10);
            else if (hex && c >= 'A' && c <= 'F')
                dv = (uint32_t)(c - 'A' + 10);
            else
                break;
            v = v * (hex ? 16u : 10u) + dv;
        }
        if (digits == 0 || i >= n || s[i] != ';')
            return 0;
        if (v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
            v = 0xFFFD;
        *cp = v;
        return i + 1;
    }
    while (i < n && i < WN_ENTITY_MAX_NAME &&
           ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') || (s[i] >= '0' && s[i] <= '9')))
        i++;
    if (i >= n || s[i] != ';' || i == 1)
        return 0;
    size_t tlen;
    const char *text = wn_entity_lookup(s + 1, i, &tlen);   /* the name and its ';' */
    if (text == NULL || wn_utf8_decode((const unsigned char *)text, tlen, cp) != tlen)
        return 0;
    return i + 1;
}

/* "&amp;#8230;" in a JSON-LD string: text escaped twice, the second time
 * by a template's HTML escaper, so the first decode leaves "&#8230;". Given
 * the bytes after such an "&amp;", decodes the reference they finish into
 * *cp and returns their length; 0 (and *cp untouched) when they finish none. */
static size_t decode_after_amp(const char *s, size_t n, uint32_t *cp)
{
    char ref[WN_ENTITY_MAX_NAME + 16];
    size_t m = n < sizeof ref - 1 ? n : sizeof ref - 1;
    ref[0] = '&';
    memcpy(ref + 1, s, m);
    size_t len = decode_ref(ref, m + 1, cp);
    return len ? len - 1 : 0;
}

static uint32_t utf8_decode(const unsigned char *s, size_t len)
{
    switch (len) {
    case 2: return ((uint32_t)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    case 3: return ((uint32_t)(s[0] & 0x0F) << 12) | ((uint32_t)(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    case 4: return ((uint32_t)(s[0] & 0x07) << 18) | ((uint32_t)(s[1] & 0x3F) << 12) |
                   ((uint32_t)(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    default: return s[0];
    }
}

static bool cp_is_space(uint32_t cp)
{
    return cp <= 0x20 || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0x85;
}

static bool cp_is_invisible(uint32_t cp)
{
    /* zero-width space/joiners, direction marks, BOM, soft hyphen, DEL */
    return (cp >= 0x200B && cp <= 0x200F) || cp == 0xFEFF || cp == 0xAD || cp == 0x7F ||
           (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x2064);
}

/* MARK: Public helpers ---------------------------------------------------------- */

char *wn_meta_clean(wn_arena *a, const char *s, size_t n, size_t cap)
{
    size_t room = (n < cap ? n : cap) + 4;
    char *out = wn_arena_alloc(a, room + 1);
    size_t o = 0, i = 0;
    bool pending_space = false;

    if (out == NULL)
        return NULL;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        uint32_t cp;
        size_t len;
        char enc[4];
        size_t elen;

        if (c == '&' && (len = decode_ref(s + i, n - i, &cp)) > 0) {
            i += len;
            if (cp == '&' && i < n)
                i += decode_after_amp(s + i, n - i, &cp);
        } else {
            len = wn_utf8_seq_len(c);
            if (i + len > n)
                len = 1;
            cp = len == 1 ? c : utf8_decode((const unsigned char *)s + i, len);
            i += len;
        }
        if (cp_is_space(cp)) {
            pending_space = o > 0;
            continue;
        }
        if (cp_is_invisible(cp))
            continue;
        elen = wn_utf8_encode(cp, enc);
        if (o + (pending_space ? 1 : 0) + elen > cap)
            break;
        if (pending_space)
            out[o++] = ' ';
        pending_space = false;
        memcpy(out + o, enc, elen);
        o += elen;
    }
    out[o] = '\0';
    return out;
}

/* Whether the UTF-8 sequence at s is punctuation for folding purposes: ASCII
 * punctuation, Latin-1 punctuation (U+00A1..U+00BF) and General Punctuation. */
static bool fold_sep(const unsigned char *s, size_t len)
{
    if (len == 1)
        return !((s[0] >= '0' && s[0] <= '9') || (s[0] >= 'a' && s[0] <= 'z') ||
                 (s[0] >= 'A' && s[0] <= 'Z'));
    if (len == 2)
        return s[0] == 0xC2 && s[1] >= 0xA0 && s[1] <= 0xBF;
    if (len == 3)
        return (s[0] == 0xE2 && (s[1] == 0x80 || s[1] == 0x81)) || (s[0] == 0xE3 && s[1] == 0x80);
    return false;
}

size_t wn_meta_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t o = 0, i = 0;
    bool gap = false;

    if (cap == 0)
        return 0;
    while (i < n) {
        size_t len = wn_utf8_seq_len((unsigned char)s[i]);
        if (i + len > n)
            len = 1;
        if (fold_sep((const unsigned char *)s + i, len)) {
            gap = o > 0;
            i += len;
            continue;
        }
        if (o + len + 1 >= cap)
            break;
        if (gap)
            out[o++] = ' ';
        gap = false;
        for (size_t k = 0; k < len; k++)
            out[o++] = len == 1 ? wn_ascii_lower(s[i + k]) : s[i + k];
        i += len;
    }
    out[o] = '\0';
    return o;
}

bool wn_meta_loose_eq(const char *a, size_t an, const char *b, size_t bn)
{
    char fa[512], fb[512];
    size_t na = wn_meta_fold(a, an, fa, sizeof fa);
    size_t nb = wn_meta_fold(b, bn, fb, sizeof fb);
    return na > 0 && na == nb && memcmp(fa, fb, na) == 0;
}

static bool has_prefix_ci(const char *s, size_t n, const char *lit)
{
    size_t k = strlen(lit);
    if (n < k)
        return false;
    for (size_t i = 0; i < k; i++)
        if (wn_ascii_lower(s[i]) != lit[i])
            return false;
    return true;
}

bool wn_meta_is_url(const char *s, size_t n)
{
    bool at = false, space = false;

    if (has_prefix_ci(s, n, "http:") || has_prefix_ci(s, n, "https:") ||
        has_prefix_ci(s, n, "www.") || (n > 0 && s[0] == '/'))
        return true;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '@' && i > 0)
            at = true;
        else if (s[i] == ' ')
            space = true;
        else if (s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/')
            return true;
    }
    return at && !space;
}

/* MARK: Bylines ----------------------------------------------------------------- */

/* The words around a name are the lexicon's (data/lexicon/byline.tsv):
 * byline_leadin, byline_stop, byline_cut, byline_reject, byline_role_word,
 * name_particle, name_join, byline_lowercase, byline_aside_coauthor. */

static bool word_is(const char *w, size_t n, const char *const *list, size_t count);
static bool word_is_marked(const char *w, size_t n, const char *const *list, size_t count,
                           const unsigned short *bits, unsigned want);

/* Cut s at the first word (after the first) found in list. */
static void cut_at_word(char *s, const char *const *list, size_t count)
{
    char *p = strchr(s, ' ');
    while (p) {
        char *w = p + 1, *e = strchr(w, ' ');
        size_t n = e ? (size_t)(e - w) : strlen(w);
        /* drop a trailing ':' before comparing ("Foto:") */
        size_t k = n;
        while (k > 0 && (w[k - 1] == ':' || w[k - 1] == ','))
            k--;
        if (word_is(w, k, list, count)) {
            *p = '\0';
            return;
        }
        p = e;
    }
}

static bool word_is(const char *w, size_t n, const char *const *list, size_t count)
{
    return word_is_marked(w, n, list, count, NULL, 0);
}

/* Whether w[0..n) (ASCII case aside) is a word of list that, when bits is
 * given, carries one of the bits in want. */
static bool word_is_marked(const char *w, size_t n, const char *const *list, size_t count,
                           const unsigned short *bits, unsigned want)
{
    for (size_t k = 0; k < count; k++) {
        if (bits && !(bits[k] & want))
            continue;
        size_t len = strlen(list[k]);
        if (len == n) {
            size_t i = 0;
            while (i < n && wn_ascii_lower(w[i]) == list[k][i])
                i++;
            if (i == n)
                return true;
        }
    }
    return false;
}

static bool is_trim_char(unsigned char c)
{
    return c == ' ' || c == ':' || c == ',' || c == ';' || c == '-' || c == '|' || c == '/' ||
           c == '.' || c == '(' || c == ')' || c == '[' || c == ']' || c == '*' || c == '@' ||
           c == '~' || c == '>' || c == '<' || c == '=' || c == '#' || c == '+' || c == '_';
}

/* Multi-byte separators that may surround a byline: • · – — | ‹ › « » */
static size_t trim_mb(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA2 || u[2] == 0x93 || u[2] == 0x94 ||
                                          u[2] == 0xB9 || u[2] == 0xBA))
        return 3;
    if (u[0] == 0xC2 && (u[1] == 0xB7 || u[1] == 0xAB || u[1] == 0xBB))
        return 2;
    if (u[0] == 0xEF && u[1] == 0xBD && u[2] == 0x9C)   /* fullwidth | */
        return 3;
    return 0;
}

static char *trim_both(char *s)
{
    size_t n;
    for (;;) {
        size_t k = trim_mb(s);
        if (k)
            s += k;
        else if (*s && is_trim_char((unsigned char)*s) && *s != '(' && *s != '@')
            s++;
        else
            break;
    }
    n = strlen(s);
    for (;;) {
        if (n >= 3 && trim_mb(s + n - 3) == 3)
            n -= 3;
        else if (n >= 2 && trim_mb(s + n - 2) == 2)
            n -= 2;
        else if (n > 0 && is_trim_char((unsigned char)s[n - 1]) && s[n - 1] != ')' &&
                 s[n - 1] != '.')
            n--;
        else if (n > 1 && s[n - 1] == '.' && s[n - 2] == ' ')
            n--;
        else
            break;
    }
    s[n] = '\0';
    return s;
}

static bool is_name_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c >= 0x80 || c == '_';
}

/* Whether the comma-separated segment at q (up to the next comma) has a role word. */
static bool has_role(const char *q)
{
    while (*q && *q != ',') {
        size_t n = strcspn(q, " ,");
        if (n && word_is(q, n, WN_LEX_LIST(byline_role_word)))
            return true;
        q += n;
        while (*q == ' ')
            q++;
    }
    return false;
}

/* "Uta Staschewski, Projektleiterin der HSS" -> "Uta Staschewski", but
 * "Rudolf Fischer, Simon Kohler" stays: after a comma, a name is at most three
 * words and starts with a capital (or a non-ASCII letter). */

static void cut_role(char *s)
{
    char *p = s;
    while ((p = strchr(p, ',')) != NULL) {
        char *q = p + 1;
        size_t words = 0;
        bool in = false;
        while (*q == ' ')
            q++;
        if (!((*q >= 'A' && *q <= 'Z') || (unsigned char)*q >= 0x80)) {
            *p = '\0';
            return;
        }
        /* Words of the longest name in the part: "Jan Lukas Strozyk und
         * Benedikt Strunz" is two names of three and two words. */
        size_t longest = 0;
        for (char *r = q; *r && *r != ','; r++) {
            if (*r == ' ') {
                in = false;
            } else if (!in) {
                size_t wl = strcspn(r, " ,");
                in = true;
                if (word_is_marked(r, wl, WN_LEX_LIST(name_join), wn_lex_name_join_bits, WN_LEX_NAME_JOIN_LIST)) {
                    words = 0;
                    continue;
                }
                if (++words > longest)
                    longest = words;
            }
        }
        if (longest > WN_TUNE.meta.role_words || has_role(q)) {
            *p = '\0';
            return;
        }
        p = q;
    }
}

char *wn_meta_clean_byline(char *s)
{
    size_t n;
    bool again = true;

    s = trim_both(s);
    /* Lead-ins may stack: "Posted by: Text von Jane". */
    for (int round = 0; again && round < 3; round++) {
        again = false;
        /* The longest lead-in that fits wins ("authors" over "author"). */
        size_t best = 0, best_k = 0;
        n = strlen(s);
        for (size_t k = 0; k < WN_LEX_BYLINE_LEADIN_N; k++) {
            unsigned bits = wn_lex_byline_leadin_bits[k];
            const char *lead = wn_lex_byline_leadin[k];
            size_t len = strlen(lead);
            if (!(bits & WN_LEX_BYLINE_LEADIN_CLEAN) || len <= best)
                continue;
            /* "Veröffentlicht vonChris Jung": inline elements glued without a
             * space still end the lead-in at a capital */
            if (!has_prefix_ci(s, n, lead) ||
                !(s[len] == ' ' || s[len] == ':' || s[len] == '\0' ||
                  (len > WN_TUNE.meta.glued_lead_bytes && s[len] >= 'A' && s[len] <= 'Z') ||
                  !strncmp(s + len, "\xEF\xBC\x9A", 3)))
                continue;
            /* "di Mario Rossi" is a byline, "De Niro" a name. */
            if ((bits & WN_LEX_BYLINE_LEADIN_LOWER_ONLY) && s[len] != '\0' &&
                (s[0] < 'a' || s[0] > 'z'))
                continue;
            best = len;
            best_k = k;
        }
        if (best == 0)
            break;
        /* "By" alone needs a following name; a lone "Redaktion" (the
         * newsroom) is how many pages sign */
        if (s[best] == '\0')
            return (wn_lex_byline_leadin_bits[best_k] & WN_LEX_BYLINE_LEADIN_SIGNS_ALONE) ? s : s + best;
        if (!strncmp(s + best, "\xEF\xBC\x9A", 3))
            best += 3;
        s = trim_both(s + best);
        again = true;
    }
    /* Cut at a separator ("Jane Doe | Site", "Jane Doe • 2 min read") or a digit
     * (a date or "3 comments"); then drop trailing stop words. */
    n = strlen(s);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        /* a digit starting a word ("2 min", "12.03."), not inside a name ("r23") */
        if ((c >= '0' && c <= '9' && (i == 0 || !is_name_byte((unsigned char)s[i - 1]))) ||
            c == '|' || c == '\n' ||
            (i > 0 && trim_mb(s + i) && s[i - 1] == ' ') ||
            (c == '-' && i > 0 && s[i - 1] == ' ' && s[i + 1] == ' ')) {
            s[i] = '\0';
            break;
        }
    }
    cut_at_word(s, WN_LEX_LIST(byline_cut));
    cut_role(s);
    /* "Eberhard Fuhr (Pressesprecher des EJW)": a trailing aside */
    {
        char *par = strrchr(s, '(');
        size_t len = strlen(s);
        /* but "(avec Damien Leloup)" names co-authors */
        bool coauthor = false;
        for (size_t k = 0; par && k < WN_LEX_BYLINE_ASIDE_COAUTHOR_N && !coauthor; k++)
            coauthor = strstr(par, wn_lex_byline_aside_coauthor[k]) != NULL;
        if (par && par > s + 2 && par[-1] == ' ' && len > 0 && s[len - 1] == ')' && !coauthor)
            par[-1] = '\0';
    }
    for (int round = 0; round < 8; round++) {
        char *sp;
        s = trim_both(s);
        sp = strrchr(s, ' ');
        if (sp == NULL)
            break;
        if (!word_is(sp + 1, strlen(sp + 1), WN_LEX_LIST(byline_stop)))
            break;
        *sp = '\0';
    }
    /* A lone stop word left over ("On") is no name, nor is a label. */
    n = strlen(s);
    if (word_is(s, n, WN_LEX_LIST(byline_stop)))
        s[0] = '\0';
    {
        size_t fw = strcspn(s, " :");
        if (word_is(s, fw, WN_LEX_LIST(byline_reject)) || word_is(s, strlen(s), WN_LEX_LIST(byline_reject)))
            s[0] = '\0';
    }
    return s;
}

bool wn_meta_name_list(const char *s, size_t max_words)
{
    size_t names = 0, words = 0;
    bool agency = false;
    const char *p = s;

    for (;;) {
        while (*p == ' ')
            p++;
        size_t wl = strcspn(p, " ,;");
        bool sep = *p == ',' || *p == ';';
        bool join = !sep && *p != '\0' &&
                    word_is_marked(p, wl, WN_LEX_LIST(name_join), wn_lex_name_join_bits, WN_LEX_NAME_JOIN_LIST);
        if (*p == '\0' || sep || join) {
            /* a name ends here */
            if (words > 0) {
                if (agency)
                    return false;          /* the agency comes last */
                if (words == 1 && names >= 2)
                    agency = true;         /* "..., NDR" */
                else if (words < 2 || words > max_words)
                    return false;
                names++;
            }
            words = 0;
            if (*p == '\0')
                return names >= 2;
            p += sep ? 1 : wl;
            continue;
        }
        unsigned char f = (unsigned char)*p;
        if (!((f >= 'A' && f <= 'Z') || f >= 0x80) &&
            !word_is(p, wl, WN_LEX_LIST(name_particle)))
            return false;
        words++;
        p += wl;
    }
}

bool wn_meta_author_ok(const char *s)
{
    size_t n = strlen(s), words = 1, letters = 0;

    if (n < 2 || n > WN_META_MAX_NAME || wn_meta_is_url(s, n))
        return false;
    /* A name does not open with a joining sign: "& Themen" is what is left of
     * a heading ("Autoren & Themen") once its lead word went as a byline label. */
    if (strchr("&+,;:/|", s[0]))
        return false;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == ' ')
            words++;
        else if (c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
            letters++;
        else if (c == '!' || c == '?' || c == '{' || c == '}' || c == '<' || c == '>' || c == '=')
            return false;
    }
    /* Names are short; a list of names may reach a dozen words. */
    return letters >= 2 && words <= WN_TUNE.meta.author_max_words;
}

/* Whether the word w[0..n) starts with a lowercase letter: ASCII a-z, or a
 * Latin-1 lowercase letter in UTF-8 (C3 9F..BF: ß, à..ÿ). */
static bool starts_lower(const unsigned char *w, size_t n)
{
    if (w[0] >= 'a' && w[0] <= 'z')
        return true;
    return n >= 2 && w[0] == 0xC3 && w[1] >= 0x9F && w[1] <= 0xBF;
}

bool wn_meta_prose_like(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t words = 0;
    bool lower = false;

    while (*p) {
        const unsigned char *w = p;
        bool handle = false;
        while (*p && *p != ' ') {
            handle |= *p == '.' || *p == '/' || *p == '@' || *p == '-' || (*p >= '0' && *p <= '9');
            p++;
        }
        size_t n = (size_t)(p - w);
        while (*p == ' ')
            p++;
        if (n == 0)
            continue;
        words++;
        if (handle || !starts_lower(w, n))
            continue;
        lower |= !word_is((const char *)w, n, WN_LEX_LIST(name_particle)) &&
                 !word_is((const char *)w, n, WN_LEX_LIST(byline_lowercase)) &&
                 !word_is_marked((const char *)w, n, WN_LEX_LIST(name_join), wn_lex_name_join_bits,
                                 WN_LEX_NAME_JOIN_BYLINE);
    }
    return words >= 2 && lower;
}

/* MARK: Titles ------------------------------------------------------------------ */

/* Separators between a title and the site name, longest first. */
static const char *const title_seps[] = {
    " | ", " || ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " :: ", " \xC2\xBB ",
    " \xC2\xAB ", " \xC2\xB7 ", " \xE2\x80\xA2 ", " / ", " ~ ", " > ", " \xEF\xBD\x9C ",
};

/* Find the first (last=false) or last separator in s; sets *sep_len. */
static const char *find_sep(const char *s, bool last, size_t *sep_len)
{
    const char *best = NULL;
    for (size_t k = 0; k < sizeof title_seps / sizeof title_seps[0]; k++) {
        const char *p = s, *q;
        while ((q = strstr(p, title_seps[k])) != NULL) {
            if (best == NULL || (last ? q > best : q < best)) {
                best = q;
                *sep_len = strlen(title_seps[k]);
            }
            if (!last)
                break;
            p = q + 1;
        }
    }
    return best;
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ')
            in = false;
        else if (!in) {
            in = true;
            w++;
        }
    }
    return w;
}

char *wn_meta_strip_title(wn_arena *a, const char *title, const char *site, const char *h1,
                          char **site_out)
{
    size_t n = strlen(title), sl = 0, fl = 0;
    const char *last = find_sep(title, true, &sl);
    const char *first = find_sep(title, false, &fl);

    if (site_out)
        *site_out = NULL;
    if (last == NULL)
        return wn_arena_strdup(a, title, n);
    /* The heading the page shows is the best judge of where the title ends. */
    if (h1 && *h1) {
        size_t hn = strlen(h1);
        if (wn_meta_loose_eq(title, (size_t)(last - title), h1, hn)) {
            if (site_out)
                *site_out = wn_arena_strdup(a, last + sl, n - (size_t)(last + sl - title));
            return wn_arena_strdup(a, title, (size_t)(last - title));
        }
        if (wn_meta_loose_eq(first + fl, n - (size_t)(first + fl - title), h1, hn)) {
            if (site_out)
                *site_out = wn_arena_strdup(a, title, (size_t)(first - title));
            return wn_arena_strdup(a, first + fl, n - (size_t)(first + fl - title));
        }
        if (wn_meta_loose_eq(title, (size_t)(first - title), h1, hn))
            return wn_arena_strdup(a, title, (size_t)(first - title));
    }
    if (site && *site) {
        size_t sn = strlen(site);
        if (wn_meta_loose_eq(last + sl, n - (size_t)(last + sl - title), site, sn))
            return wn_arena_strdup(a, title, (size_t)(last - title));
        if (wn_meta_loose_eq(title, (size_t)(first - title), site, sn))
            return wn_arena_strdup(a, first + fl, n - (size_t)(first + fl - title));
    }
    /* No outside help: the site is the short side, at the end or at the start. */
    {
        size_t left = (size_t)(last - title), right = n - left - sl;
        size_t lw = count_words(title, left), rw = count_words(last + sl, right);
        size_t fleft = (size_t)(first - title), fright = n - fleft - fl;
        size_t flw = count_words(title, fleft), frw = count_words(first + fl, fright);
        /* " | " almost always precedes a site name, even a long one */
        bool pipe = sl == 3 && last[1] == '|';
        if ((rw <= WN_TUNE.meta.site_side_words && rw < lw &&
             right * 2 <= left + WN_TUNE.meta.site_side_slack) ||
            (pipe && rw <= WN_TUNE.meta.site_pipe_words && lw >= 2 &&
             right <= left * WN_TUNE.meta.site_pipe_ratio)) {
            if (site_out)
                *site_out = wn_arena_strdup(a, last + sl, right);
            return wn_arena_strdup(a, title, left);
        }
        if (flw <= WN_TUNE.meta.site_first_words && flw < frw &&
            fleft * WN_TUNE.meta.site_first_ratio <= fright) {
            if (site_out)
                *site_out = wn_arena_strdup(a, title, fleft);
            return wn_arena_strdup(a, first + fl, fright);
        }
    }
    return wn_arena_strdup(a, title, n);
}
