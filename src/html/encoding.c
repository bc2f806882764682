/*
 * encoding.c: WHATWG encoding labels, sniffing (BOM, override, transport, <meta>
 * prescan, UTF-8 validity) and decoding to UTF-8. First stage of the pipeline:
 * everything after it sees valid UTF-8. UTF-8, UTF-16 and windows-1252 are
 * decoded here by hand; other single-byte encodings by tables built once from
 * glibc iconv; CJK encodings by iconv itself. See docs/internals/ENCODING.md.
 */
#include "html/encoding.h"

#include <errno.h>
#include <iconv.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* MARK: Encodings and labels (Private) -------------------------------------- */

typedef enum enc_kind {
    K_UTF8,
    K_UTF16LE,
    K_UTF16BE,
    K_SINGLE,        /* one byte per character: 128-entry table for 0x80..0xFF */
    K_ICONV,         /* multi-byte CJK encodings, through glibc iconv */
    K_REPLACEMENT,   /* spec: #replacement: the whole input becomes one U+FFFD */
} enc_kind;

typedef struct enc_info {
    const char *name;    /* canonical name: the spec's name, lowercased */
    enc_kind kind;
    const char *iconv;   /* glibc name (tables for K_SINGLE, the decoder for K_ICONV) */
    const char *iconv2;  /* fallback glibc name, or NULL */
    int c1_holes;        /* K_SINGLE: unmapped 0x80..0x9F bytes become U+0080..U+009F */
} enc_info;

enum {
    E_UTF8, E_IBM866, E_ISO2, E_ISO3, E_ISO4, E_ISO5, E_ISO6, E_ISO7, E_ISO8, E_ISO8I,
    E_ISO10, E_ISO13, E_ISO14, E_ISO15, E_ISO16, E_KOI8R, E_KOI8U, E_MAC, E_WIN874,
    E_WIN1250, E_WIN1251, E_WIN1252, E_WIN1253, E_WIN1254, E_WIN1255, E_WIN1256,
    E_WIN1257, E_WIN1258, E_XMACCYR, E_GBK, E_GB18030, E_BIG5, E_EUCJP, E_ISO2022JP,
    E_SJIS, E_EUCKR, E_REPLACEMENT, E_UTF16BE, E_UTF16LE, E_XUSER, E_COUNT
};

/*
 * spec: #names-and-labels. Shift_JIS uses CP932 (what the web means by it), GBK
 * is decoded as gb18030 (the spec's GBK decoder is the gb18030 one), Big5 as
 * BIG5-HKSCS and EUC-KR as CP949 (the spec's index is Windows' code page 949).
 */
static const enc_info encs[E_COUNT] = {
    [E_UTF8]        = { "utf-8", K_UTF8, NULL, NULL, 0 },
    [E_IBM866]      = { "ibm866", K_SINGLE, "IBM866", "CP866", 1 },
    [E_ISO2]        = { "iso-8859-2", K_SINGLE, "ISO-8859-2", NULL, 1 },
    [E_ISO3]        = { "iso-8859-3", K_SINGLE, "ISO-8859-3", NULL, 1 },
    [E_ISO4]        = { "iso-8859-4", K_SINGLE, "ISO-8859-4", NULL, 1 },
    [E_ISO5]        = { "iso-8859-5", K_SINGLE, "ISO-8859-5", NULL, 1 },
    [E_ISO6]        = { "iso-8859-6", K_SINGLE, "ISO-8859-6", NULL, 1 },
    [E_ISO7]        = { "iso-8859-7", K_SINGLE, "ISO-8859-7", NULL, 1 },
    [E_ISO8]        = { "iso-8859-8", K_SINGLE, "ISO-8859-8", NULL, 1 },
    [E_ISO8I]       = { "iso-8859-8-i", K_SINGLE, "ISO-8859-8", NULL, 1 },
    [E_ISO10]       = { "iso-8859-10", K_SINGLE, "ISO-8859-10", NULL, 1 },
    [E_ISO13]       = { "iso-8859-13", K_SINGLE, "ISO-8859-13", NULL, 1 },
    [E_ISO14]       = { "iso-8859-14", K_SINGLE, "ISO-8859-14", NULL, 1 },
    [E_ISO15]       = { "iso-8859-15", K_SINGLE, "ISO-8859-15", NULL, 1 },
    [E_ISO16]       = { "iso-8859-16", K_SINGLE, "ISO-8859-16", NULL, 1 },
    [E_KOI8R]       = { "koi8-r", K_SINGLE, "KOI8-R", NULL, 0 },
    [E_KOI8U]       = { "koi8-u", K_SINGLE, "KOI8-U", NULL, 0 },
    [E_MAC]         = { "macintosh", K_SINGLE, "MACINTOSH", NULL, 0 },
    [E_WIN874]      = { "windows-874", K_SINGLE, "WINDOWS-874", "CP874", 1 },
    [E_WIN1250]     = { "windows-1250", K_SINGLE, "WINDOWS-1250", "CP1250", 1 },
    [E_WIN1251]     = { "windows-1251", K_SINGLE, "WINDOWS-1251", "CP1251", 1 },
    [E_WIN1252]     = { "windows-1252", K_SINGLE, NULL, NULL, 1 },  /* typed below */
    [E_WIN1253]     = { "windows-1253", K_SINGLE, "WINDOWS-1253", "CP1253", 1 },
    [E_WIN1254]     = { "windows-1254", K_SINGLE, "WINDOWS-1254", "CP1254", 1 },
    [E_WIN1255]     = { "windows-1255", K_SINGLE, "WINDOWS-1255", "CP1255", 1 },
    [E_WIN1256]     = { "windows-1256", K_SINGLE, "WINDOWS-1256", "CP1256", 1 },
    [E_WIN1257]     = { "windows-1257", K_SINGLE, "WINDOWS-1257", "CP1257", 1 },
    [E_WIN1258]     = { "windows-1258", K_SINGLE, "WINDOWS-1258", "CP1258", 1 },
    [E_XMACCYR]     = { "x-mac-cyrillic", K_SINGLE, "MAC-CYRILLIC", "MACCYRILLIC", 0 },
    [E_GBK]         = { "gbk", K_ICONV, "GB18030", "GBK", 0 },
    [E_GB18030]     = { "gb18030", K_ICONV, "GB18030", NULL, 0 },
    [E_BIG5]        = { "big5", K_ICONV, "BIG5-HKSCS", "BIG5", 0 },
    [E_EUCJP]       = { "euc-jp", K_ICONV, "EUC-JP", NULL, 0 },
    [E_ISO2022JP]   = { "iso-2022-jp", K_ICONV, "ISO-2022-JP", NULL, 0 },
    [E_SJIS]        = { "shift_jis", K_ICONV, "CP932", "WINDOWS-31J", 0 },
    [E_EUCKR]       = { "euc-kr", K_ICONV, "CP949", "EUC-KR", 0 },
    [E_REPLACEMENT] = { "replacement", K_REPLACEMENT, NULL, NULL, 0 },
    [E_UTF16BE]     = { "utf-16be", K_UTF16BE, NULL, NULL, 0 },
    [E_UTF16LE]     = { "utf-16le", K_UTF16LE, NULL, NULL, 0 },
    /* spec: #x-user-defined: 0x80..0xFF map to U+F780..U+F7FF (table computed). */
    [E_XUSER]       = { "x-user-defined", K_SINGLE, NULL, NULL, 0 },
};

typedef struct label_entry {
    const char *label;
    unsigned char enc;
} label_entry;

/* Every label of spec: #names-and-labels, lowercase. */
static const label_entry labels[] = {
    { "unicode-1-1-utf-8", E_UTF8 }, { "unicode11utf8", E_UTF8 },
    { "unicode20utf8", E_UTF8 }, { "utf-8", E_UTF8 }, { "utf8", E_UTF8 },
    { "x-unicode20utf8", E_UTF8 },
    { "866", E_IBM866 }, { "cp866", E_IBM866 }, { "csibm866", E_IBM866 },
    { "ibm866", E_IBM866 },
    { "csisolatin2", E_ISO2 }, { "iso-8859-2", E_ISO2 }, { "iso-ir-101", E_ISO2 },
    { "iso8859-2", E_ISO2 }, { "iso88592", E_ISO2 }, { "iso_8859-2", E_ISO2 },
    { "iso_8859-2:1987", E_ISO2 }, { "l2", E_ISO2 }, { "latin2", E_ISO2 },
    { "csisolatin3", E_ISO3 }, { "iso-8859-3", E_ISO3 }, { "iso-ir-109", E_ISO3 },
    { "iso8859-3", E_ISO3 }, { "iso88593", E_ISO3 }, { "iso_8859-3", E_ISO3 },
    { "iso_8859-3:1988", E_ISO3 }, { "l3", E_ISO3 }, { "latin3", E_ISO3 },
    { "csisolatin4", E_ISO4 }, { "iso-8859-4", E_ISO4 }, { "iso-ir-110", E_ISO4 },
    { "iso8859-4", E_ISO4 }, { "iso88594", E_ISO4 }, { "iso_8859-4", E_ISO4 },
    { "iso_8859-4:1988", E_ISO4 }, { "l4", E_ISO4 }, { "latin4", E_ISO4 },
    { "csisolatincyrillic", E_ISO5 }, { "cyrillic", E_ISO5 }, { "iso-8859-5", E_ISO5 },
    { "iso-ir-144", E_ISO5 }, { "iso8859-5", E_ISO5 }, { "iso88595", E_ISO5 },
    { "iso_8859-5", E_ISO5 }, { "iso_8859-5:1988", E_ISO5 },
    { "arabic", E_ISO6 }, { "asmo-708", E_ISO6 }, { "csiso88596e", E_ISO6 },
    { "csiso88596i", E_ISO6 }, { "csisolatinarabic", E_ISO6 }, { "ecma-114", E_ISO6 },
    { "iso-8859-6", E_ISO6 }, { "iso-8859-6-e", E_ISO6 }, { "iso-8859-6-i", E_ISO6 },
    { "iso-ir-127", E_ISO6 }, { "iso8859-6", E_ISO6 }, { "iso88596", E_ISO6 },
    { "iso_8859-6", E_ISO6 }, { "iso_8859-6:1987", E_ISO6 },
    { "csisolatingreek", E_ISO7 }, { "ecma-118", E_ISO7 }, { "elot_928", E_ISO7 },
    { "greek", E_ISO7 }, { "greek8", E_ISO7 }, { "iso-8859-7", E_ISO7 },
    { "iso-ir-126", E_ISO7 }, { "iso8859-7", E_ISO7 }, { "iso88597", E_ISO7 },
    { "iso_8859-7", E_ISO7 }, { "iso_8859-7:1987", E_ISO7 }, { "sun_eu_greek", E_ISO7 },
    { "csiso88598e", E_ISO8 }, { "csisolatinhebrew", E_ISO8 }, { "hebrew", E_ISO8 },
    { "iso-8859-8", E_ISO8 }, { "iso-8859-8-e", E_ISO8 }, { "iso-ir-138", E_ISO8 },
    { "iso8859-8", E_ISO8 }, { "iso88598", E_ISO8 }, { "iso_8859-8", E_ISO8 },
    { "iso_8859-8:1988", E_ISO8 }, { "visual", E_ISO8 },
    { "csiso88598i", E_ISO8I }, { "iso-8859-8-i", E_ISO8I }, { "logical", E_ISO8I },
    { "csisolatin6", E_ISO10 }, { "iso-8859-10", E_ISO10 }, { "iso-ir-157", E_ISO10 },
    { "iso8859-10", E_ISO10 }, { "iso885910", E_ISO10 }, { "l6", E_ISO10 },
    { "latin6", E_ISO10 },
    { "iso-8859-13", E_ISO13 }, { "iso8859-13", E_ISO13 }, { "iso885913", E_ISO13 },
    { "iso-8859-14", E_ISO14 }, { "iso8859-14", E_ISO14 }, { "iso885914", E_ISO14 },
    { "csisolatin9", E_ISO15 }, { "iso-8859-15", E_ISO15 }, { "iso8859-15", E_ISO15 },
    { "iso885915", E_ISO15 }, { "iso_8859-15", E_ISO15 }, { "l9", E_ISO15 },
    { "iso-8859-16", E_ISO16 },
    { "cskoi8r", E_KOI8R }, { "koi", E_KOI8R }, { "koi8", E_KOI8R }, { "koi8-r", E_KOI8R },
    { "koi8_r", E_KOI8R },
    { "koi8-ru", E_KOI8U }, { "koi8-u", E_KOI8U },
    { "csmacintosh", E_MAC }, { "mac", E_MAC }, { "macintosh", E_MAC },
    { "x-mac-roman", E_MAC },
    { "dos-874", E_WIN874 }, { "iso-8859-11", E_WIN874 }, { "iso8859-11", E_WIN874 },
    { "iso885911", E_WIN874 }, { "tis-620", E_WIN874 }, { "windows-874", E_WIN874 },
    { "cp1250", E_WIN1250 }, { "windows-1250", E_WIN1250 }, { "x-cp1250", E_WIN1250 },
    { "cp1251", E_WIN1251 }, { "windows-1251", E_WIN1251 }, { "x-cp1251", E_WIN1251 },
    { "ansi_x3.4-1968", E_WIN1252 }, { "ascii", E_WIN1252 }, { "cp1252", E_WIN1252 },
    { "cp819", E_WIN1252 }, { "csisolatin1", E_WIN1252 }, { "ibm819", E_WIN1252 },
    { "iso-8859-1", E_WIN1252 }, { "iso-ir-100", E_WIN1252 }, { "iso8859-1", E_WIN1252 },
    { "iso88591", E_WIN1252 }, { "iso_8859-1", E_WIN1252 },
    { "iso_8859-1:1987", E_WIN1252 }, { "l1", E_WIN1252 }, { "latin1", E_WIN1252 },
    { "us-ascii", E_WIN1252 }, { "windows-1252", E_WIN1252 }, { "x-cp1252", E_WIN1252 },
    { "cp1253", E_WIN1253 }, { "windows-1253", E_WIN1253 }, { "x-cp1253", E_WIN1253 },
    { "cp1254", E_WIN1254 }, { "csisolatin5", E_WIN1254 }, { "iso-8859-9", E_WIN1254 },
    { "iso-ir-148", E_WIN1254 }, { "iso8859-9", E_WIN1254 }, { "iso88599", E_WIN1254 },
    { "iso_8859-9", E_WIN1254 }, { "iso_8859-9:1989", E_WIN1254 }, { "l5", E_WIN1254 },
    { "latin5", E_WIN1254 }, { "windows-1254", E_WIN1254 }, { "x-cp1254", E_WIN1254 },
    { "cp1255", E_WIN1255 }, { "windows-1255", E_WIN1255 }, { "x-cp1255", E_WIN1255 },
    { "cp1256", E_WIN1256 }, { "windows-1256", E_WIN1256 }, { "x-cp1256", E_WIN1256 },
    { "cp1257", E_WIN1257 }, { "windows-1257", E_WIN1257 }, { "x-cp1257", E_WIN1257 },
    { "cp1258", E_WIN1258 }, { "windows-1258", E_WIN1258 }, { "x-cp1258", E_WIN1258 },
    { "x-mac-cyrillic", E_XMACCYR }, { "x-mac-ukrainian", E_XMACCYR },
    { "chinese", E_GBK }, { "csgb2312", E_GBK }, { "csiso58gb231280", E_GBK },
    { "gb2312", E_GBK }, { "gb_2312", E_GBK }, { "gb_2312-80", E_GBK }, { "gbk", E_GBK },
    { "iso-ir-58", E_GBK }, { "x-gbk", E_GBK },
    { "gb18030", E_GB18030 },
    { "big5", E_BIG5 }, { "big5-hkscs", E_BIG5 }, { "cn-big5", E_BIG5 },
    { "csbig5", E_BIG5 }, { "x-x-big5", E_BIG5 },
    { "cseucpkdfmtjapanese", E_EUCJP }, { "euc-jp", E_EUCJP }, { "x-euc-jp", E_EUCJP },
    { "csiso2022jp", E_ISO2022JP }, { "iso-2022-jp", E_ISO2022JP },
    { "csshiftjis", E_SJIS }, { "ms932", E_SJIS }, { "ms_kanji", E_SJIS },
    { "shift-jis", E_SJIS }, { "shift_jis", E_SJIS }, { "sjis", E_SJIS },
    { "windows-31j", E_SJIS }, { "x-sjis", E_SJIS },
    { "cseuckr", E_EUCKR }, { "csksc56011987", E_EUCKR }, { "euc-kr", E_EUCKR },
    { "iso-ir-149", E_EUCKR }, { "korean", E_EUCKR }, { "ks_c_5601-1987", E_EUCKR },
    { "ks_c_5601-1989", E_EUCKR }, { "ksc5601", E_EUCKR }, { "ksc_5601", E_EUCKR },
    { "windows-949", E_EUCKR },
    { "csiso2022kr", E_REPLACEMENT }, { "hz-gb-2312", E_REPLACEMENT },
    { "iso-2022-cn", E_REPLACEMENT }, { "iso-2022-cn-ext", E_REPLACEMENT },
    { "iso-2022-kr", E_REPLACEMENT }, { "replacement", E_REPLACEMENT },
    { "unicodefffe", E_UTF16BE }, { "utf-16be", E_UTF16BE },
    { "csunicode", E_UTF16LE }, { "iso-10646-ucs-2", E_UTF16LE }, { "ucs-2", E_UTF16LE },
    { "unicode", E_UTF16LE }, { "unicodefeff", E_UTF16LE }, { "utf-16", E_UTF16LE },
    { "utf-16le", E_UTF16LE },
    { "x-user-defined", E_XUSER },
};

/* The longest label ("csisolatincyrillic") has 18 bytes. */
#define MAX_LABEL 24

static int is_ws(unsigned char c)
{
    return c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D || c == 0x20;
}

/* spec: #concept-encoding-get. Returns an E_* index or -1. */
static int label_index(const char *label, size_t n)
{
    char low[MAX_LABEL];
    size_t i, k;

    if (label == NULL)
        return -1;
    while (n && is_ws((unsigned char)label[0])) {
        label++;
        n--;
    }
    while (n && is_ws((unsigned char)label[n - 1]))
        n--;
    if (n == 0 || n >= MAX_LABEL)
        return -1;
    for (i = 0; i < n; i++) {
        char c = label[i];
        low[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    low[n] = '\0';
    for (k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        if (strcmp(labels[k].label, low) == 0)
            return labels[k].enc;
    }
    return -1;
}

/* Index of a canonical name (or, leniently, of any label). */
static int enc_index(const char *name)
{
    int k;
    if (name == NULL)
        return -1;
    for (k = 0; k < E_COUNT; k++) {
        if (strcmp(encs[k].name, name) == 0)
            return k;
    }
    return label_index(name, strlen(name));
}

const char *wn_encoding_from_label(const char *label, size_t n)
{
    int k = label_index(label, n);
    return k < 0 ? NULL : encs[k].name;
}

/* MARK: UTF-8 validation (Private) ----------------------------------------- */

/*
 * Length of the longest valid UTF-8 prefix of [s, s+n). Runs on every page, so
 * ASCII is skipped 16 bytes per step, and a run of non-ASCII sequences (CJK
 * text) is decoded without going back to the ASCII test after each character.
 * A sequence cut by the end of the buffer ends the prefix before it.
 */
static size_t utf8_valid_prefix(const unsigned char *s, size_t n)
{
    const uint64_t hi = 0x8080808080808080ULL;
    size_t i = 0;

    for (;;) {
        while (i + 16 <= n) {
            uint64_t a, b;
            memcpy(&a, s + i, 8);
            memcpy(&b, s + i + 8, 8);
            if ((a | b) & hi)
                break;
            i += 16;
        }
        while (i < n && s[i] < 0x80)
            i++;
        if (i >= n)
            return n;
        /* Non-ASCII: the well-formed byte sequences of Unicode table 3-7. */
        while (i < n && s[i] >= 0x80) {
            unsigned c = s[i];
            if (c >= 0xC2 && c <= 0xDF) {
                if (i + 1 >= n || (s[i + 1] & 0xC0) != 0x80)
                    return i;
                i += 2;
            } else if (c >= 0xE0 && c <= 0xEF) {
                unsigned lo = 0x80, up = 0xBF;
                if (c == 0xE0)
                    lo = 0xA0;      /* no overlong 3-byte forms */
                else if (c == 0xED)
                    up = 0x9F;      /* no surrogates */
                if (i + 2 >= n || s[i + 1] < lo || s[i + 1] > up ||
                    (s[i + 2] & 0xC0) != 0x80)
                    return i;
                i += 3;
            } else if (c >= 0xF0 && c <= 0xF4) {
                unsigned lo = 0x80, up = 0xBF;
                if (c == 0xF0)
                    lo = 0x90;      /* no overlong 4-byte forms */
                else if (c == 0xF4)
                    up = 0x8F;      /* nothing above U+10FFFF */
                if (i + 3 >= n || s[i + 1] < lo || s[i + 1] > up ||
                    (s[i + 2] & 0xC0) != 0x80 || (s[i + 3] & 0xC0) != 0x80)
                    return i;
                i += 4;
            } else {
                return i;
            }
        }
    }
}

/* Whether [s, s+n) is a proper prefix of some well-formed sequence: a
 * character cut by the end of a truncated page. */
static int utf8_incomplete_tail(const unsigned char *s, size_t n)
{
    unsigned c, lo = 0x80, up = 0xBF;
    size_t need, i;

    if (n == 0)
        return 0;
    c = s[0];
    if (c >= 0xC2 && c <= 0xDF)
        need = 2;
    else if (c >= 0xE0 && c <= 0xEF)
        need = 3;
    else if (c >= 0xF0 && c <= 0xF4)
        need = 4;
    else
        return 0;
    if (n >= need)
        return 0;
    if (c == 0xE0)
        lo = 0xA0;
    else if (c == 0xED)
        up = 0x9F;
    else if (c == 0xF0)
        lo = 0x90;
    else if (c == 0xF4)
        up = 0x8F;
    if (n >= 2 && (s[1] < lo || s[1] > up))
        return 0;
    for (i = 2; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    }
    return 1;
}

/* MARK: <meta> prescan (Private) ------------------------------------------- */

typedef struct span {
    const unsigned char *p;
    size_t n;
} span;

static int span_ieq(span s, const char *lit)
{
    size_t k, n = strlen(lit);
    if (s.n != n)
        return 0;
    for (k = 0; k < n; k++) {
        unsigned char c = s.p[k];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lit[k])
            return 0;
    }
    return 1;
}

/* Case-insensitive match of lowercase literal lit at s[i..]. */
static int at_ieq(const unsigned char *s, size_t n, size_t i, const char *lit)
{
    size_t k, m = strlen(lit);
    if (n - i < m)
        return 0;
    for (k = 0; k < m; k++) {
        unsigned char c = s[i + k];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        if (c != (unsigned char)lit[k])
            return 0;
    }
    return 1;
}

static int is_alpha(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/*
 * spec: #concept-get-attributes-when-sniffing. Returns 1 with an attribute, 0
 * when none is left (*pos at the '>'), -1 when the input ran out. Name and value
 * are slices of the input: the spec lowercases them, but every comparison made
 * on them below is case-insensitive, so no copy is needed.
 */
static int get_attr(const unsigned char *s, size_t n, size_t *pos, span *name, span *value)
{
    size_t i = *pos, start;

    while (i < n && (is_ws(s[i]) || s[i] == '/'))
        i++;
    if (i >= n)
        return -1;
    if (s[i] == '>') {
        *pos = i;
        return 0;
    }
    value->p = s;
    value->n = 0;
    start = i;
    for (;;) {                                      /* attribute name */
        if (i >= n)
            return -1;
        if (s[i] == '=' && i > start) {             /* U+003D EQUALS SIGN */
            name->p = s + start;
            name->n = i - start;
            i++;
            goto value;
        }
        if (is_ws(s[i]))
            break;
        if (s[i] == '/' || s[i] == '>') {
            name->p = s + start;
            name->n = i - start;
            *pos = i;
            return 1;
        }
        i++;
    }
    name->p = s + start;
    name->n = i - start;
    while (i < n && is_ws(s[i]))                    /* spaces */
        i++;
    if (i >= n)
        return -1;
    if (s[i] != '=') {
        *pos = i;
        return 1;
    }
    i++;
value:
    while (i < n && is_ws(s[i]))
        i++;
    if (i >= n)
        return -1;
    if (s[i] == '"' || s[i] == '\'') {
        unsigned char q = s[i++];
        start = i;
        while (i < n && s[i] != q)
            i++;
        if (i >= n)
            return -1;
        value->p = s + start;
        value->n = i - start;
        *pos = i + 1;
        return 1;
    }
    if (s[i] == '>') {
        *pos = i;
        return 1;
    }
    start = i;
    while (i < n && !is_ws(s[i]) && s[i] != '>')
        i++;
    if (i >= n)
        return -1;
    value->p = s + start;
    value->n = i - start;
    *pos = i;
    return 1;
}

/* spec: #algorithm-for-extracting-a-character-encoding-from-a-meta-element.
 * Returns an E_* index or -1. */
static int charset_from_content(span v)
{
    size_t i = 0, start;

    for (;;) {
        while (i < v.n && !at_ieq(v.p, v.n, i, "charset"))
            i++;
        if (i >= v.n)
            return -1;
        i += 7;
        while (i < v.n && is_ws(v.p[i]))
            i++;
        if (i < v.n && v.p[i] == '=')
            break;
        /* not "charset=": look for the next occurrence from here */
    }
    i++;
    while (i < v.n && is_ws(v.p[i]))
        i++;
    if (i >= v.n)
        return -1;
    if (v.p[i] == '"' || v.p[i] == '\'') {
        unsigned char q = v.p[i++];
        start = i;
        while (i < v.n && v.p[i] != q)
            i++;
        if (i >= v.n)
            return -1;     /* unmatched quote */
        return label_index((const char *)v.p + start, i - start);
    }
    start = i;
    while (i < v.n && !is_ws(v.p[i]) && v.p[i] != ';')
        i++;
    return label_index((const char *)v.p + start, i - start);
}

/* The <meta> element's attributes: spec steps "attributes" and "processing". */
static int prescan_meta(const unsigned char *s, size_t n, size_t *pos)
{
    int seen_equiv = 0, seen_content = 0, seen_charset = 0;
    int got_pragma = 0, need_pragma = -1, charset = -1, r;
    span name, value;

    while ((r = get_attr(s, n, pos, &name, &value)) == 1) {
        if (span_ieq(name, "http-equiv")) {
            if (seen_equiv)
                continue;
            seen_equiv = 1;
            if (span_ieq(value, "content-type"))
                got_pragma = 1;
        } else if (span_ieq(name, "content")) {
            if (seen_content)
                continue;
            seen_content = 1;
            if (charset < 0) {
                int k = charset_from_content(value);
                if (k >= 0) {
                    charset = k;
                    need_pragma = 1;
                }
            }
        } else if (span_ieq(name, "charset")) {
            if (seen_charset)
                continue;
            seen_charset = 1;
            charset = label_index((const char *)value.p, value.n);
            need_pragma = 0;
        }
    }
    if (r < 0)
        return -2;                              /* input ran out: stop the prescan */
    if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) || charset < 0)
        return -1;
    if (charset == E_UTF16BE || charset == E_UTF16LE)
        return E_UTF8;
    if (charset == E_XUSER)
        return E_WIN1252;
    return charset;
}

/* spec: #prescan-a-byte-stream-to-determine-its-encoding, over [s, s+n).
 * Returns an E_* index or -1. */
static int prescan(const unsigned char *s, size_t n)
{
    size_t i = 0;

    while (i < n) {
        if (s[i] != '<') {
            const unsigned char *lt = memchr(s + i, '<', n - i);
            if (lt == NULL)
                return -1;
            i = (size_t)(lt - s);
            continue;
        }
        if (at_ieq(s, n, i, "<!--")) {
            /* The '>' of "-->"; the dashes of "<!--" count, so "<!-->" closes. */
            size_t k = i + 4;
            while (k < n && !(s[k] == '>' && s[k - 1] == '-' && s[k - 2] == '-'))
                k++;
            if (k >= n)
                return -1;
            i = k + 1;
        } else if (at_ieq(s, n, i, "<meta") && n - i > 5 &&
                   (is_ws(s[i + 5]) || s[i + 5] == '/')) {
            int r;
            i += 5;
            r = prescan_meta(s, n, &i);
            if (r == -2)
                return -1;
            if (r >= 0)
                return r;
            i++;
        } else if ((n - i > 1 && is_alpha(s[i + 1])) ||
                   (n - i > 2 && s[i + 1] == '/' && is_alpha(s[i + 2]))) {
            span name, value;
            int r;
            while (i < n && !is_ws(s[i]) && s[i] != '>')
                i++;
            while ((r = get_attr(s, n, &i, &name, &value)) == 1)
                ;
            if (r < 0)
                return -1;
            i++;
        } else if (n - i > 1 && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
            const unsigned char *gt = memchr(s + i + 2, '>', n - i - 2);
            if (gt == NULL)
                return -1;
            i = (size_t)(gt - s) + 1;
        } else {
            i++;
        }
    }
    return -1;
}

/* MARK: Sniffing (Public within the library) -------------------------------- */

/* spec: #prescan-a-byte-stream-to-determine-its-encoding looks at 1024 bytes. */
#define PRESCAN_BYTES 1024
/* Our stand-in for the tree builder's "change the encoding" (a <meta> found
 * later while parsing): when the first 1024 bytes say nothing, look further.
 * Pages with 5-20 KiB of inline script and style before the <meta> are common. */
#define PRESCAN_EXTENDED_BYTES (64 * 1024)

/* Valid UTF-8 (a character cut by the end allowed) with at least one
 * multi-byte character. */
static int looks_utf8(const unsigned char *s, size_t n)
{
    size_t v = utf8_valid_prefix(s, n), j;
    if (v != n && !utf8_incomplete_tail(s + v, n - v))
        return 0;
    for (j = 0; j < v; j++) {
        if (s[j] >= 0x80)
            return 1;
    }
    return 0;
}

/* A declared legacy encoding: one whose bytes could be mistaken for UTF-8. */
static int is_legacy(int k)
{
    return encs[k].kind == K_SINGLE || encs[k].kind == K_ICONV;
}

const char *wn_encoding_sniff(const char *p, size_t n, const char *override,
                              const char *transport, size_t *bom_len)
{
    const unsigned char *s = (const unsigned char *)p;
    size_t bl = 0;
    int k = -1;

    if (s == NULL)
        n = 0;
    /* spec: #decode (BOM sniff) */
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
        k = E_UTF8;
        bl = 3;
    } else if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
        k = E_UTF16BE;
        bl = 2;
    } else if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
        k = E_UTF16LE;
        bl = 2;
    }
    if (bom_len)
        *bom_len = bl;
    if (k >= 0)
        return encs[k].name;
    if (override && (k = label_index(override, strlen(override))) >= 0)
        return encs[k].name;
    k = transport ? label_index(transport, strlen(transport)) : -1;
    if (k < 0) {
        k = prescan(s, n < PRESCAN_BYTES ? n : PRESCAN_BYTES);
        if (k < 0 && n > PRESCAN_BYTES)
            k = prescan(s, n < PRESCAN_EXTENDED_BYTES ? n : PRESCAN_EXTENDED_BYTES);
    }
    if (k >= 0) {
        /* Ours: a page declared (by HTTP or <meta>) in a legacy encoding whose
         * bytes are valid UTF-8 with multi-byte characters in them is UTF-8
         * mislabelled (servers defaulting to ISO-8859-1, pages converted to
         * UTF-8 with their old <meta> kept). Legacy text almost never forms
         * valid multi-byte UTF-8 by chance. The caller's override is obeyed. */
        if (is_legacy(k) && looks_utf8(s, n))
            return encs[E_UTF8].name;
        return encs[k].name;
    }
    /* Our stand-in for spec: #determining-the-character-encoding step
     * "autodetection": bytes that are valid UTF-8 almost never are meant as
     * anything else. A character cut by the end of a truncated page is allowed
     * when UTF-8 characters came before it: alone, a final 0xE9 is likelier
     * a windows-1252 "é". */
    if (utf8_valid_prefix(s, n) == n || looks_utf8(s, n))
        return encs[E_UTF8].name;
    return encs[E_WIN1252].name;
}

/* MARK: Single-byte tables (Private) --------------------------------------- */

/* UTF-8 form of the character each byte 0x80..0xFF stands for. */
typedef struct sb_char {
    unsigned char len;
    unsigned char b[3];
} sb_char;

/* spec: index-windows-1252.txt, 0x80..0x9F; 0xA0..0xFF are U+00A0..U+00FF. */
static const uint16_t win1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static sb_char sb_tables[E_COUNT][128];
static pthread_once_t sb_once = PTHREAD_ONCE_INIT;

static void sb_set(sb_char *e, uint32_t cp)
{
    if (cp < 0x800) {
        e->len = 2;
        e->b[0] = (unsigned char)(0xC0 | (cp >> 6));
        e->b[1] = (unsigned char)(0x80 | (cp & 0x3F));
        e->b[2] = 0;
    } else {
        e->len = 3;
        e->b[0] = (unsigned char)(0xE0 | (cp >> 12));
        e->b[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        e->b[2] = (unsigned char)(0x80 | (cp & 0x3F));
    }
}

/* One byte through iconv; 0 when the byte is unmapped. */
static uint32_t iconv_one(iconv_t cd, unsigned char byte)
{
    char in[1], out[8];
    char *ip = in, *op = out;
    size_t il = 1, ol = sizeof out;
    uint32_t cp;
    const unsigned char *u = (const unsigned char *)out;

    in[0] = (char)byte;
    iconv(cd, NULL, NULL, NULL, NULL);
    if (iconv(cd, &ip, &il, &op, &ol) == (size_t)-1 || il != 0)
        return 0;
    /* Flush: glibc's windows-1258 holds a base letter back, waiting to compose
     * it with a following accent (the spec's decoder never composes). */
    if (iconv(cd, NULL, NULL, &op, &ol) == (size_t)-1)
        return 0;
    switch (sizeof out - ol) {
    case 1: cp = u[0]; break;
    case 2: cp = ((uint32_t)(u[0] & 0x1F) << 6) | (u[1] & 0x3F); break;
    case 3: cp = ((uint32_t)(u[0] & 0x0F) << 12) | ((uint32_t)(u[1] & 0x3F) << 6) | (u[2] & 0x3F); break;
    default: return 0;   /* nothing outside the BMP is in a single-byte table */
    }
    return cp;
}

/* Where the spec's indexes differ from glibc's tables (spec: index-koi8-u.txt,
 * index-macintosh.txt, index-x-mac-cyrillic.txt, index-windows-1255.txt). */
static const struct { unsigned char enc, byte; uint16_t cp; } sb_patches[] = {
    { E_KOI8U, 0xAE, 0x045E },     /* CYRILLIC SMALL LETTER SHORT U */
    { E_KOI8U, 0xBE, 0x040E },     /* CYRILLIC CAPITAL LETTER SHORT U */
    { E_MAC, 0xC6, 0x2206 },       /* INCREMENT, not GREEK CAPITAL LETTER DELTA */
    { E_MAC, 0xF0, 0xF8FF },       /* the Apple logo, a private-use code point */
    { E_XMACCYR, 0xFF, 0x20AC },   /* EURO SIGN (Mac OS 9 and later) */
    { E_WIN1255, 0xCA, 0x05BA },   /* HEBREW POINT HOLAM HASER FOR VAV */
};

/*
 * Build every single-byte table once per process. glibc's tables are the
 * vendors' ones; where they leave 0x80..0x9F unmapped the spec's indexes
 * have the C1 controls, and elsewhere a hole decodes to U+FFFD as in the spec.
 */
static void sb_init(void)
{
    int k, b;

    for (b = 0; b < 128; b++) {
        uint32_t cp = b < 32 ? win1252_c1[b] : (uint32_t)(0x80 + b);
        sb_set(&sb_tables[E_WIN1252][b], cp);
        sb_set(&sb_tables[E_XUSER][b], 0xF780u + (uint32_t)b);
    }
    for (k = 0; k < E_COUNT; k++) {
        iconv_t cd;
        if (encs[k].kind != K_SINGLE || encs[k].iconv == NULL)
            continue;
        cd = iconv_open("UTF-8", encs[k].iconv);
        if (cd == (iconv_t)-1 && encs[k].iconv2)
            cd = iconv_open("UTF-8", encs[k].iconv2);
        for (b = 0; b < 128; b++) {
            uint32_t cp = cd == (iconv_t)-1 ? 0 : iconv_one(cd, (unsigned char)(0x80 + b));
            if (cp == 0 || cp < 0x80)
                cp = (encs[k].c1_holes && b < 32) ? (uint32_t)(0x80 + b) : 0xFFFD;
            sb_set(&sb_tables[k][b], cp);
        }
        if (cd != (iconv_t)-1)
            iconv_close(cd);
    }
    for (k = 0; k < (int)(sizeof sb_patches / sizeof sb_patches[0]); k++)
        sb_set(&sb_tables[sb_patches[k].enc][sb_patches[k].byte - 0x80], sb_patches[k].cp);
}

/* MARK: Decoders (Private) ------------------------------------------------- */

static const unsigned char fffd[3] = { 0xEF, 0xBF, 0xBD };

/* Output size of the single-byte decode: ASCII bytes stay, others grow. */
static size_t sb_count(const sb_char *t, const unsigned char *s, size_t n)
{
    size_t i = 0, k, m = n;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        if (!(w & 0x8080808080808080ULL))
            continue;           /* 8 ASCII bytes: one output byte each */
        for (k = i; k < i + 8; k++) {
            if (s[k] >= 0x80)
                m += (size_t)t[s[k] - 0x80].len - 1;
        }
    }
    for (; i < n; i++) {
        if (s[i] >= 0x80)
            m += (size_t)t[s[i] - 0x80].len - 1;
    }
    return m;
}

static void sb_decode(const sb_char *t, const unsigned char *s, size_t n, unsigned char *o)
{
    size_t i = 0;
    while (i < n) {
        /* Copy runs of ASCII 8 bytes at a time: markup is mostly ASCII. */
        while (i + 8 <= n) {
            uint64_t w;
            memcpy(&w, s + i, 8);
            if (w & 0x8080808080808080ULL)
                break;
            memcpy(o, &w, 8);
            o += 8;
            i += 8;
        }
        if (i >= n)
            break;
        if (s[i] < 0x80) {
            *o++ = s[i++];
        } else {
            /* Always 3 bytes stored, len kept: the caller leaves 2 bytes of slack. */
            const sb_char *e = &t[s[i++] - 0x80];
            memcpy(o, e->b, 3);
            o += e->len;
        }
    }
}

/*
 * spec: #utf-8-decoder, error handling by maximal subparts: a byte that cannot
 * continue the sequence ends it with one U+FFFD and is read again. With o NULL
 * only counts the output bytes.
 */
static size_t utf8_repair(const unsigned char *s, size_t n, unsigned char *o)
{
    size_t i = 0, m = 0;

    while (i < n) {
        size_t v = utf8_valid_prefix(s + i, n - i);
        unsigned c;
        size_t need, got;
        unsigned lo = 0x80, up = 0xBF;

        if (o)
            memcpy(o + m, s + i, v);
        m += v;
        i += v;
        if (i >= n)
            break;
        /* s[i] starts an ill-formed or truncated sequence. */
        c = s[i];
        if (c >= 0xC2 && c <= 0xDF)
            need = 1;
        else if (c >= 0xE0 && c <= 0xEF)
            need = 2;
        else if (c >= 0xF0 && c <= 0xF4)
            need = 3;
        else
            need = 0;
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            up = 0x9F;
        else if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            up = 0x8F;
        got = 0;
        i++;
        /* Consume the continuation bytes that were valid so far. */
        while (got < need && i < n) {
            unsigned char d = s[i];
            if (got == 0 ? (d < lo || d > up) : ((d & 0xC0) != 0x80))
                break;
            got++;
            i++;
        }
        if (o)
            memcpy(o + m, fffd, 3);
        m += 3;
    }
    return m;
}

/* spec: #shared-utf-16-decoder. With o NULL only counts the output bytes. */
static size_t utf16_decode(const unsigned char *s, size_t n, int be, unsigned char *o)
{
    size_t i = 0, m = 0;
    uint32_t lead = 0;      /* pending lead surrogate, 0 if none */

    for (; i + 1 < n; i += 2) {
        uint32_t u = be ? ((uint32_t)s[i] << 8 | s[i + 1]) : ((uint32_t)s[i + 1] << 8 | s[i]);
        uint32_t cp;
        if (lead) {
            if (u >= 0xDC00 && u <= 0xDFFF) {
                cp = 0x10000 + ((lead - 0xD800) << 10) + (u - 0xDC00);
                lead = 0;
                if (o) {
                    o[m] = (unsigned char)(0xF0 | (cp >> 18));
                    o[m + 1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
                    o[m + 2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
                    o[m + 3] = (unsigned char)(0x80 | (cp & 0x3F));
                }
                m += 4;
                continue;
            }
            /* A lead not followed by a trail: U+FFFD, and u is read again. */
            lead = 0;
            if (o)
                memcpy(o + m, fffd, 3);
            m += 3;
        }
        if (u >= 0xD800 && u <= 0xDBFF) {
            lead = u;
            continue;
        }
        cp = (u >= 0xDC00 && u <= 0xDFFF) ? 0xFFFD : u;   /* lone trail */
        if (cp < 0x80) {
            if (o)
                o[m] = (unsigned char)cp;
            m += 1;
        } else if (cp < 0x800) {
            if (o) {
                o[m] = (unsigned char)(0xC0 | (cp >> 6));
                o[m + 1] = (unsigned char)(0x80 | (cp & 0x3F));
            }
            m += 2;
        } else {
            if (o) {
                o[m] = (unsigned char)(0xE0 | (cp >> 12));
                o[m + 1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
                o[m + 2] = (unsigned char)(0x80 | (cp & 0x3F));
            }
            m += 3;
        }
    }
    /* End of input with a lead surrogate or an odd byte pending: one U+FFFD. */
    if (lead || i < n) {
        if (o)
            memcpy(o + m, fffd, 3);
        m += 3;
    }
    return m;
}

/* Room in the arena before its limit (SIZE_MAX when unlimited). */
static size_t arena_room(const wn_arena *a)
{
    if (a->limit == 0)
        return SIZE_MAX;
    return a->used >= a->limit ? 0 : a->limit - a->used;
}

/* Double a heap scratch buffer. */
static int grow(char **buf, size_t *cap)
{
    size_t ncap = *cap * 2;
    char *nb = ncap > *cap ? realloc(*buf, ncap) : NULL;
    if (nb == NULL)
        return -1;
    *buf = nb;
    *cap = ncap;
    return 0;
}

/*
 * Decode through glibc iconv into a heap scratch buffer, then copy the exact
 * result into the arena. Invalid input: U+FFFD, skip one byte, go on (a lead
 * byte followed by ASCII thus leaves the ASCII byte to be read again, as the
 * spec's decoders do). A cut sequence at the end: one U+FFFD.
 */
static int iconv_decode(wn_arena *a, const enc_info *e, const unsigned char *s, size_t n,
                        const char **out, size_t *out_n)
{
    iconv_t cd = iconv_open("UTF-8", e->iconv);
    size_t cap, len = 0, room = arena_room(a), il = n, r;
    char *buf = NULL, *ip = (char *)s, *op, *dst;
    size_t ol;
    int rc = -1;

    if (cd == (iconv_t)-1 && e->iconv2)
        cd = iconv_open("UTF-8", e->iconv2);
    if (cd == (iconv_t)-1)
        return -2;              /* no converter in this libc: caller falls back */
    /* Two input bytes make at most three output bytes in these encodings. */
    cap = n / 2 * 3 + 64;
    if (room < cap)
        cap = room + 64;
    buf = malloc(cap);
    if (buf == NULL)
        goto done;
    while (il > 0) {
        if (cap - len < 16 && grow(&buf, &cap) != 0)
            goto done;
        op = buf + len;
        ol = cap - len;
        r = iconv(cd, &ip, &il, &op, &ol);
        len = (size_t)(op - buf);
        if (len > room)
            goto done;          /* over the arena limit: stop early */
        if (r != (size_t)-1)
            continue;
        if (errno == E2BIG) {
            if (grow(&buf, &cap) != 0)
                goto done;
        } else if (errno == EILSEQ || errno == EINVAL) {
            if (cap - len < 16 && grow(&buf, &cap) != 0)
                goto done;
            memcpy(buf + len, fffd, 3);
            len += 3;
            if (errno == EILSEQ) {
                ip++;
                il--;
            } else {
                il = 0;         /* a sequence cut by the end of input */
            }
        } else {
            goto done;
        }
    }
    for (;;) {                  /* return a stateful decoder to its initial state */
        if (cap - len < 16 && grow(&buf, &cap) != 0)
            goto done;
        op = buf + len;
        ol = cap - len;
        r = iconv(cd, NULL, NULL, &op, &ol);
        len = (size_t)(op - buf);
        if (r != (size_t)-1 || errno != E2BIG)
            break;
        if (grow(&buf, &cap) != 0)
            goto done;
    }
    if (len > room)
        goto done;
    dst = wn_arena_alloc(a, len ? len : 1);
    if (dst == NULL)
        goto done;
    memcpy(dst, buf, len);
    *out = dst;
    *out_n = len;
    rc = 0;
done:
    free(buf);
    iconv_close(cd);
    return rc;
}

/* MARK: Decoding (Public within the library) ------------------------------- */

int wn_encoding_decode(wn_arena *a, const char *enc, const char *p, size_t n,
                       const char **out, size_t *out_n)
{
    const unsigned char *s = (const unsigned char *)p;
    int k = enc_index(enc);
    unsigned char *dst;
    size_t m;

    if (k < 0)
        k = E_WIN1252;          /* the spec's default for unknown labels */
    if (n == 0 || s == NULL) {
        *out = "";
        *out_n = 0;
        return 0;
    }
    switch (encs[k].kind) {
    case K_UTF8: {
        size_t v = utf8_valid_prefix(s, n);
        if (v == n) {
            *out = p;           /* the common case: valid, no copy */
            *out_n = n;
            return 0;
        }
        m = v + utf8_repair(s + v, n - v, NULL);
        dst = wn_arena_alloc(a, m);
        if (dst == NULL)
            return -1;
        memcpy(dst, s, v);
        utf8_repair(s + v, n - v, dst + v);
        break;
    }
    case K_UTF16LE:
    case K_UTF16BE: {
        int be = encs[k].kind == K_UTF16BE;
        m = utf16_decode(s, n, be, NULL);
        dst = wn_arena_alloc(a, m ? m : 1);
        if (dst == NULL)
            return -1;
        utf16_decode(s, n, be, dst);
        break;
    }
    case K_ICONV: {
        int r = iconv_decode(a, &encs[k], s, n, out, out_n);
        if (r != -2)
            return r;
        /* A libc without this converter (not glibc): windows-1252 keeps the
         * ASCII markup readable instead of failing the whole document. */
        k = E_WIN1252;
    }
        /* fall through */
    case K_SINGLE: {
        const sb_char *t;
        pthread_once(&sb_once, sb_init);
        t = sb_tables[k];
        m = sb_count(t, s, n);
        dst = wn_arena_alloc(a, m + 2);
        if (dst == NULL)
            return -1;
        sb_decode(t, s, n, dst);
        break;
    }
    case K_REPLACEMENT:
    default:
        *out = (const char *)fffd;
        *out_n = 3;
        return 0;
    }
    *out = (const char *)dst;
    *out_n = m;
    return 0;
}
