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

/* MARK: Character references --------------------------------------------------- */

/* The named references that survive in metadata in practice (double-escaped
 * attributes, JSON-LD written by CMS templates). The parser already decoded the
 * single-escaped ones; this short table only cleans what is left over. */
static const struct { const char *name; uint32_t cp; } named_refs[] = {
    { "amp", '&' },      { "lt", '<' },        { "gt", '>' },        { "quot", '"' },
    { "apos", '\'' },    { "nbsp", 0xA0 },     { "ndash", 0x2013 },  { "mdash", 0x2014 },
    { "hellip", 0x2026 },{ "lsquo", 0x2018 },  { "rsquo", 0x2019 },  { "sbquo", 0x201A },
    { "ldquo", 0x201C }, { "rdquo", 0x201D },  { "bdquo", 0x201E },  { "laquo", 0xAB },
    { "raquo", 0xBB },   { "copy", 0xA9 },     { "reg", 0xAE },      { "trade", 0x2122 },
    { "middot", 0xB7 },  { "bull", 0x2022 },   { "auml", 0xE4 },     { "ouml", 0xF6 },
    { "uuml", 0xFC },    { "Auml", 0xC4 },     { "Ouml", 0xD6 },     { "Uuml", 0xDC },
    { "szlig", 0xDF },   { "eacute", 0xE9 },   { "egrave", 0xE8 },   { "ecirc", 0xEA },
    { "agrave", 0xE0 },  { "aacute", 0xE1 },   { "acirc", 0xE2 },    { "ccedil", 0xE7 },
    { "iacute", 0xED },  { "oacute", 0xF3 },   { "uacute", 0xFA },   { "ntilde", 0xF1 },
    { "Eacute", 0xC9 },  { "euro", 0x20AC },   { "deg", 0xB0 },      { "times", 0xD7 },
    { "shy", 0xAD },     { "ocirc", 0xF4 },    { "icirc", 0xEE },    { "ucirc", 0xFB },
    { "oslash", 0xF8 },  { "aring", 0xE5 },    { "atilde", 0xE3 },   { "otilde", 0xF5 },
};

/* Decode the reference starting at s[0] == '&'. Returns its length and sets *cp,
 * or 0 when it is not a reference we know. */
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
    while (i < n && i < 10 && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z')))
        i++;
    if (i >= n || s[i] != ';' || i == 1)
        return 0;
    for (size_t k = 0; k < sizeof named_refs / sizeof named_refs[0]; k++) {
        size_t len = strlen(named_refs[k].name);
        if (len == i - 1 && memcmp(s + 1, named_refs[k].name, len) == 0) {
            *cp = named_refs[k].cp;
            return i + 1;
        }
    }
    return 0;
}

static size_t utf8_len(unsigned char c)
{
    if (c < 0x80)
        return 1;
    if (c >= 0xF0 && c < 0xF8)
        return 4;
    if (c >= 0xE0)
        return 3;
    if (c >= 0xC0)
        return 2;
    return 1;   /* stray continuation byte: taken alone */
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
        } else {
            len = utf8_len(c);
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
        size_t len = utf8_len((unsigned char)s[i]);
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

/* Lead-ins before an author's name, lowercase, longest first where one is a
 * prefix of another. Each must be followed by a space, ':' or the end. */
static const char *const byline_lead[] = {
    "profilbild von", "foto von", "bild von", "photo of", "picture of", "avatar of",
    "view all posts by", "zeige alle beiträge von", "alle beiträge von", "more posts by",
    "all posts by", "posts by", "articles by", "eingestellt von", "veröffentlicht von",
    "artikel von", "beitrag von", "beitragvon", "publiziert von", "mehr von", "a post by",
    "written and edited by", "written by", "posted by", "published by", "reported by",
    "story by", "words by", "text by", "article by", "geschrieben von", "verfasst von",
    "ein beitrag von", "beitrag von", "gepostet von", "erstellt von", "autor/in", "autorin",
    "autoren", "autor", "author", "authors", "auteur", "auteurs", "écrit par", "publié par",
    "rédigé par", "escrito por", "publicado por", "scritto da", "pubblicato da",
    "geschreven door", "door", "redaktion", "text", "von", "from", "by", "par", "por",
    "gespeichert von", "submitted by",
    "ein gastbeitrag von", "gastbeitrag von", "ein kommentar von", "kommentar von",
    "eine kolumne von", "kolumne von", "ein essay von", "eine analyse von", "a column by",
    "an essay by", "an analysis by", "a commentary by", "opinion by", "un article de",
    "una columna de",
    "di", "de", "av", "af", "napisał", "napisała", "autorzy",
    "\xE8\xB4\xA3\xE4\xBB\xBB\xE7\xBC\x96\xE8\xBE\x91",   /* 责任编辑 */
    "\xE4\xBD\x9C\xE8\x80\x85",                     /* 作者 */
};

/* Words that end a byline when they follow the name: what comes next is a date,
 * a role or the site. Lowercase. */
static const char *const byline_stop[] = {
    "on", "am", "um", "le", "el", "il", "op", "the", "at", "published", "updated",
    "posted", "veröffentlicht", "aktualisiert", "publié", "publicado", "pubblicato",
    "last", "zuletzt", "stand", "in", "im", "for", "für", "pour", "para", "per",
    "share", "teilen", "follow", "folgen", "read", "lesen", "email", "e-mail", "publiziert",
    "sagt", "says", "schreibt", "writes", "antworten", "reply",
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "januar", "februar", "märz",
    "mai", "juni", "juli", "oktober", "dezember", "monday", "tuesday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "montag", "dienstag", "mittwoch",
    "donnerstag", "freitag", "samstag", "sonntag", "photo", "photos", "foto", "fotos",
    "bild", "bilder", "video", "min", "minutes", "minuten", "comments", "kommentare",
};

/* Words that end a name wherever they appear after it: the rest of an author
 * box ("Jil Schuller Alle Artikel Kontakt", "Jane Doe Foto: ..."). Lowercase. */
static const char *const byline_cut[] = {
    "über", "alle", "kontakt", "contact", "foto", "fotos", "photo", "photos", "bild",
    "bilder", "illustration", "illustrationen", "mehr", "weitere", "view", "profil",
    "profile", "schließen", "close", "follow", "folgen", "twitter", "email", "e-mail",
    "mail", "share", "teilen", "more", "see", "read", "lesen", "zum", "zur", "under", "unter",
    "filed",
};

/* Words that are no name at all when they come first. */
static const char *const byline_reject[] = {
    "weitere", "alle", "datum", "date", "zuletzt", "no", "the", "some", "foto", "fotos",
    "photo", "bild", "share", "teilen", "kommentare", "comments", "name", "author",
    "autor", "unknown author", "anonymous",
};

static bool word_is(const char *w, size_t n, const char *const *list, size_t count);

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
    for (size_t k = 0; k < count; k++) {
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

/* Words of a job title after a name, lowercase. */
static const char *const role_words[] = {
    "editor", "writer", "reporter", "correspondent", "staff", "senior", "chief", "director",
    "professor", "technologist", "contributor", "columnist", "analyst", "producer", "intern",
    "redakteur", "redakteurin", "korrespondent", "korrespondentin", "leiter", "leiterin",
    "chefredakteur", "chefredakteurin", "autor", "autorin", "journalist", "journalistin",
    "of", "der", "des", "für", "at", "de", "du", "del", "di",
};

/* Whether the comma-separated segment at q (up to the next comma) has a role word. */
static bool has_role(const char *q)
{
    while (*q && *q != ',') {
        size_t n = strcspn(q, " ,");
        if (n && word_is(q, n, role_words, sizeof role_words / sizeof role_words[0]))
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
/* Words joining the last names of a list: "A, B und C", "A, B & C". */
static const char *const name_joins[] = { "&", "and", "und", "y", "et", "e", "i", "en" };

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
                if (word_is(r, wl, name_joins, sizeof name_joins / sizeof name_joins[0])) {
                    words = 0;
                    continue;
                }
                if (++words > longest)
                    longest = words;
            }
        }
        if (longest > 3 || has_role(q)) {
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
        for (size_t k = 0; k < sizeof byline_lead / sizeof byline_lead[0]; k++) {
            size_t len = strlen(byline_lead[k]);
            n = strlen(s);
            /* "Veröffentlicht vonChris Jung": inline elements glued without a
             * space still end the lead-in at a capital */
            if (has_prefix_ci(s, n, byline_lead[k]) &&
                (s[len] == ' ' || s[len] == ':' || s[len] == '\0' ||
                 (len > 3 && s[len] >= 'A' && s[len] <= 'Z') ||
                 !strncmp(s + len, "\xEF\xBC\x9A", 3))) {
                /* "By" alone or "De" starting a name ("De Niro") needs a following name. */
                /* a lone "By" is no name, but a lone "Redaktion" (the
                 * newsroom) is how many pages sign */
                if (s[len] == '\0')
                    return strcmp(byline_lead[k], "redaktion") == 0 ? s : s + len;
                /* "di Mario Rossi" is a byline, "De Niro" a name. */
                if ((!strcmp(byline_lead[k], "de") || !strcmp(byline_lead[k], "di")) &&
                    (s[0] < 'a' || s[0] > 'z'))
                    continue;
                if (!strncmp(s + len, "\xEF\xBC\x9A", 3))
                    len += 3;
                s = trim_both(s + len);
                again = true;
                break;
            }
        }
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
    cut_at_word(s, byline_cut, sizeof byline_cut / sizeof byline_cut[0]);
    cut_role(s);
    /* "Eberhard Fuhr (Pressesprecher des EJW)": a trailing aside */
    {
        char *par = strrchr(s, '(');
        size_t len = strlen(s);
        /* but "(avec Damien Leloup)" names co-authors */
        if (par && par > s + 2 && par[-1] == ' ' && len > 0 && s[len - 1] == ')' &&
            !strstr(par, "avec ") && !strstr(par, "with ") && !strstr(par, "mit ") &&
            !strstr(par, " and ") && !strstr(par, " und ") && !strstr(par, " et "))
            par[-1] = '\0';
    }
    for (int round = 0; round < 8; round++) {
        char *sp;
        s = trim_both(s);
        sp = strrchr(s, ' ');
        if (sp == NULL)
            break;
        if (!word_is(sp + 1, strlen(sp + 1), byline_stop, sizeof byline_stop / sizeof byline_stop[0]))
            break;
        *sp = '\0';
    }
    /* A lone stop word left over ("On") is no name, nor is a label. */
    n = strlen(s);
    if (word_is(s, n, byline_stop, sizeof byline_stop / sizeof byline_stop[0]))
        s[0] = '\0';
    {
        size_t fw = strcspn(s, " :");
        if (word_is(s, fw, byline_reject, sizeof byline_reject / sizeof byline_reject[0]) ||
            word_is(s, strlen(s), byline_reject, sizeof byline_reject / sizeof byline_reject[0]))
            s[0] = '\0';
    }
    return s;
}

/* Lowercase words that may sit inside a name ("Ursula von der Leyen"). */
static const char *const name_particles[] = {
    "von", "van", "der", "den", "de", "da", "di", "del", "la", "le", "du", "dos", "bin", "al",
};

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
                    word_is(p, wl, name_joins, sizeof name_joins / sizeof name_joins[0]);
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
            !word_is(p, wl, name_particles, sizeof name_particles / sizeof name_particles[0]))
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
    return letters >= 2 && words <= 12;
}

/* Lowercase words a byline holds besides name particles: the joins of
 * co-author lists and credit lines ("FR mit dpa", "James Lynch from ..."),
 * and news agencies written in lowercase ("dpa", "red" for the newsroom). */
static const char *const byline_joins[] = {
    "vom", "della", "das", "y", "e", "und", "and", "et", "zu", "zur", "ten", "ter", "ibn",
    "el", "mit", "with", "from", "of", "aus", "for",
    "dpa", "afp", "apa", "epd", "kna", "sda", "ddp", "ap", "red", "ots", "sid",
};

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
        lower |= !word_is((const char *)w, n, name_particles,
                          sizeof name_particles / sizeof name_particles[0]) &&
                 !word_is((const char *)w, n, byline_joins,
                          sizeof byline_joins / sizeof byline_joins[0]);
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
        if ((rw <= 4 && rw < lw && right * 2 <= left + 4) ||
            (pipe && rw <= 8 && lw >= 2 && right <= left * 2)) {
            if (site_out)
                *site_out = wn_arena_strdup(a, last + sl, right);
            return wn_arena_strdup(a, title, left);
        }
        if (flw <= 3 && flw < frw && fleft * 3 <= fright) {
            if (site_out)
                *site_out = wn_arena_strdup(a, title, fleft);
            return wn_arena_strdup(a, first + fl, fright);
        }
    }
    return wn_arena_strdup(a, title, n);
}
