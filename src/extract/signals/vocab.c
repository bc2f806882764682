/*
 * vocab.c: the class/id vocabulary: substring patterns of class and id
 * values and the VC_* categories they name, matched through a pair index.
 */
#include <pthread.h>
#include <string.h>

#include "extract/signals/signals.h"

/* MARK: Class/id vocabulary ---------------------------------------------------- */

/* Substring patterns of class and id values (lowercased). BOUNDED ones must
 * stand between non-alphanumeric characters ("share" but not "shared"). */
#define BOUNDED 0x8000u
static const struct vocab { const char *s; unsigned bits; } vocab[] = {
    { "-ad-", VC_UNLIKELY | VC_NEG | VC_BOILER },
    { "ad-break", VC_UNLIKELY | VC_BOILER },
    { "ads", VC_BOILER | BOUNDED },
    { "ad", VC_BOILER | BOUNDED },
    { "advert", VC_BOILER },
    { "agegate", VC_UNLIKELY },
    { "ai2html", VC_UNLIKELY },
    { "and", VC_MAYBE },
    { "article", VC_MAYBE | VC_POS },
    { "author", VC_BYLINE },
    { "banner", VC_UNLIKELY | VC_NEG },
    { "blog", VC_POS },
    { "body", VC_MAYBE | VC_POS },
    { "breadcrumb", VC_UNLIKELY | VC_BOILER },
    { "byline", VC_BYLINE },
    { "bio", VC_BYLINE | BOUNDED },
    { "column", VC_MAYBE },
    { "combx", VC_UNLIKELY | VC_NEG },
    { "com-", VC_NEG },
    { "comment", VC_UNLIKELY | VC_NEG | VC_COMMENT },
    { "community", VC_UNLIKELY },
    { "comentario", VC_COMMENT },
    { "commentaire", VC_COMMENT },
    { "consent", VC_BOILER },
    { "categor", VC_META },
    { "contact", VC_NEG },
    { "content", VC_MAYBE | VC_POS },
    { "cookie", VC_BOILER },
    { "copyright", VC_BOILER },
    { "cover-wrap", VC_UNLIKELY },
    { "credit", VC_BOILER },
    { "dateline", VC_BYLINE },
    { "deck", VC_LEAD | BOUNDED },
    { "dek", VC_LEAD | BOUNDED },
    { "discussion", VC_COMMENT },
    { "disqus", VC_UNLIKELY | VC_COMMENT },
    { "donat", VC_BOILER },
    { "entry", VC_POS },
    { "excerpt", VC_LEAD },
    { "entry-meta", VC_META },
    { "extra", VC_UNLIKELY },
    { "footer", VC_UNLIKELY | VC_NEG },
    { "gdpr", VC_UNLIKELY | VC_NEG | VC_BOILER },
    { "header", VC_UNLIKELY },
    { "hidden", VC_NEG },
    { "intro", VC_LEAD },
    { "hid", VC_NEG | BOUNDED },
    { "lead", VC_LEAD | BOUNDED },
    { "komentar", VC_COMMENT },
    { "kommentar", VC_COMMENT },
    { "legends", VC_UNLIKELY },
    { "main", VC_MAYBE | VC_POS },
    { "masthead", VC_NEG },
    { "mathjax", VC_MAYBE },
    { "media", VC_NEG },
    { "menu", VC_UNLIKELY },
    { "meta", VC_NEG },
    { "more-from", VC_TEASER },
    { "newsletter", VC_BOILER },
    { "optin", VC_BOILER },
    { "opt-in", VC_BOILER },
    { "outbrain", VC_NEG | VC_TEASER },
    { "page", VC_POS },
    { "pager", VC_UNLIKELY },
    { "pagination", VC_UNLIKELY | VC_POS },
    { "paywall", VC_BOILER },
    { "popup", VC_UNLIKELY | VC_BOILER },
    { "post", VC_POS },
    { "postmeta", VC_META },
    { "post-meta", VC_META },
    { "print", VC_BOILER | BOUNDED },
    { "promo", VC_NEG | VC_TEASER },
    { "recommend", VC_TEASER },
    { "related", VC_UNLIKELY | VC_NEG | VC_TEASER },
    { "remark", VC_UNLIKELY },
    { "replies", VC_UNLIKELY | VC_COMMENT },
    { "rss", VC_UNLIKELY },
    { "read-more", VC_TEASER },
    { "readmore", VC_TEASER },
    { "rating", VC_META },
    { "screen-reader", VC_BOILER },
    { "scroll", VC_NEG },
    { "see-also", VC_TEASER },
    { "shadow", VC_MAYBE },
    { "signup", VC_BOILER },
    { "sign-up", VC_BOILER },
    { "share", VC_NEG },
    { "share", VC_SHARE | BOUNDED },
    { "sharedaddy", VC_SHARE | BOUNDED },
    { "sharing", VC_BOILER },
    { "shopping", VC_NEG },
    { "shoutbox", VC_UNLIKELY | VC_NEG },
    { "sidebar", VC_UNLIKELY | VC_NEG },
    { "skyscraper", VC_UNLIKELY | VC_NEG },
    { "social", VC_UNLIKELY | VC_BOILER },
    { "sponsor", VC_UNLIKELY | VC_NEG | VC_BOILER },
    { "sr-only", VC_BOILER },
    { "standfirst", VC_LEAD },
    { "story", VC_POS },
    { "subheadline", VC_LEAD },
    { "sub-headline", VC_LEAD },
    { "subtitle", VC_LEAD },
    { "summary", VC_LEAD },
    { "subscri", VC_BOILER },
    { "supplemental", VC_UNLIKELY },
    { "taboola", VC_TEASER },
    { "tags", VC_NEG | VC_META },
    { "tagcloud", VC_META },
    { "tag-cloud", VC_META },
    { "toolbar", VC_BOILER },
    { "teaser", VC_TEASER },
    { "text", VC_POS },
    { "visually-hidden", VC_BOILER },
    { "visuallyhidden", VC_BOILER },
    { "widget", VC_NEG },
    { "writtenby", VC_BYLINE },
    /* recipes: "135 g butter" is a line of the recipe, however short */
    { "ingredient", VC_RECIPE },
    { "ingrediente", VC_RECIPE },
    { "zutat", VC_RECIPE },
    { "recipe-step", VC_RECIPE },
    { "recipe-instruction", VC_RECIPE },
    { "zubereitung", VC_RECIPE },
    { "yom-remote", VC_UNLIKELY },
};
#define NVOCAB (sizeof vocab / sizeof vocab[0])

/* Patterns grouped by their first two bytes, built once: scanning a class
 * string then costs a bitmap test per byte, and only the patterns that start
 * with the two bytes there are compared. bg_start is a prefix sum over the
 * 128 x 128 ASCII pairs into bg_list. */
static uint8_t vocab_len[NVOCAB];
static uint8_t bigram[128 * 128 / 8];       /* first two bytes of some pattern */
static uint16_t bg_start[128 * 128 + 1];
static uint8_t bg_list[NVOCAB];
static pthread_once_t vocab_once = PTHREAD_ONCE_INIT;

static unsigned pattern_pair(size_t i)
{
    return (unsigned)vocab[i].s[0] * 128u + (unsigned)vocab[i].s[1];
}

static void vocab_build(void)
{
    _Static_assert(NVOCAB <= 256, "bg_list holds 8-bit indices");
    for (size_t i = 0; i < NVOCAB; i++) {
        unsigned bg = pattern_pair(i);
        vocab_len[i] = (uint8_t)strlen(vocab[i].s);
        bigram[bg / 8] |= (uint8_t)(1u << (bg % 8));
        bg_start[bg + 1]++;
    }
    for (size_t k = 0; k < 128 * 128; k++)
        bg_start[k + 1] += bg_start[k];
    {
        static uint16_t fill[128 * 128];   /* static: 32 KiB, and built once */
        memcpy(fill, bg_start, sizeof fill);
        for (size_t i = 0; i < NVOCAB; i++)
            bg_list[fill[pattern_pair(i)]++] = (uint8_t)i;
    }
}

/* Self-check for tests: how many patterns fail to match their own text (a
 * pattern lost from the pair index would be silently disabled). */
unsigned wn_vocab_check(void)
{
    unsigned bad = 0;
    for (size_t i = 0; i < NVOCAB; i++) {
        unsigned want = vocab[i].bits & ~BOUNDED;
        if ((wn_vocab_match(vocab[i].s, strlen(vocab[i].s)) & want) != want)
            bad++;
    }
    return bad;
}

unsigned wn_vocab_match(const char *p, size_t n)
{
    char low[256];
    unsigned bits = 0;

    pthread_once(&vocab_once, vocab_build);
    /* Long class lists are utility-class soup; the first 255 bytes decide. */
    if (n > sizeof low - 1)
        n = sizeof low - 1;
    wn_ascii_lower_n(low, p, n);
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char f = (unsigned char)low[i], g = (unsigned char)low[i + 1];
        if (f >= 128 || g >= 128)
            continue;
        unsigned bg = f * 128u + g;
        if (!(bigram[bg / 8] & (1u << (bg % 8))))
            continue;
        for (unsigned k = bg_start[bg]; k < bg_start[bg + 1]; k++) {
            const struct vocab *v = &vocab[bg_list[k]];
            size_t m = vocab_len[bg_list[k]], q = 2;
            if (m > n - i)
                continue;
            while (q < m && low[i + q] == v->s[q])
                q++;
            if (q < m)
                continue;
            if ((v->bits & BOUNDED) &&
                ((i > 0 && wn_word_byte((unsigned char)low[i - 1])) ||
                 (i + m < n && wn_word_byte((unsigned char)low[i + m]))))
                continue;
            bits |= v->bits & ~BOUNDED;
        }
    }
    return bits;
}
