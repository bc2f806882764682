/*
 * stopwords.c: stop-word membership for language-aware text density. One open-
 * addressing hash set over all languages, built once on first use: a page in
 * an unknown language is still judged, and a word costs one hash and a probe.
 */
#include <pthread.h>
#include <string.h>

#include "extract/signals/signals.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/stopwords_data.h"

#define NSTOP ((size_t)WN_LEX_STOPWORD_N)
#define SET_SIZE 4096u   /* power of two, over twice the number of words */

static uint16_t set[SET_SIZE];   /* index + 1 into wn_lex_stopword[], 0 = empty */
static pthread_once_t set_once = PTHREAD_ONCE_INIT;

static void set_build(void)
{
    for (size_t i = 0; i < NSTOP; i++) {
        size_t n = strlen(wn_lex_stopword[i]);
        uint32_t slot = wn_fnv1a(wn_lex_stopword[i], n) & (SET_SIZE - 1);
        while (set[slot]) {
            const char *w = wn_lex_stopword[set[slot] - 1];
            if (strlen(w) == n && memcmp(w, wn_lex_stopword[i], n) == 0)
                break;   /* shared by two languages */
            slot = (slot + 1) & (SET_SIZE - 1);
        }
        set[slot] = (uint16_t)(i + 1);
    }
}

bool wn_is_stopword(const char *w, size_t n)
{
    char low[32];
    if (n == 0 || n > sizeof low)
        return false;
    pthread_once(&set_once, set_build);
    for (size_t i = 0; i < n; i++)
        low[i] = wn_ascii_lower(w[i]);
    /* Two-byte UTF-8 capitals of Latin-1 and Cyrillic: lower the common ones so
     * sentence-initial "Über", "Él" or "Это" match. */
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char a = (unsigned char)low[i], b = (unsigned char)low[i + 1];
        if (a == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97)
            low[i + 1] = (char)(b + 0x20);
        else if (a == 0xD0 && b >= 0x90 && b <= 0x9F)
            low[i + 1] = (char)(b + 0x20);
        else if (a == 0xD0 && b >= 0xA0 && b <= 0xAF) {
            low[i] = (char)0xD1;
            low[i + 1] = (char)(b - 0x20);
        }
    }
    uint32_t slot = wn_fnv1a(low, n) & (SET_SIZE - 1);
    while (set[slot]) {
        const char *s = wn_lex_stopword[set[slot] - 1];
        if (strlen(s) == n && memcmp(s, low, n) == 0)
            return true;
        slot = (slot + 1) & (SET_SIZE - 1);
    }
    return false;
}

bool wn_is_cjk_stop(uint32_t cp)
{
    for (size_t i = 0; i < sizeof cjk_stop_chars / sizeof cjk_stop_chars[0]; i++)
        if (cjk_stop_chars[i] == cp)
            return true;
    return false;
}
