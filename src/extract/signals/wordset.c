/*
 * wordset.c: word-start matching of class/id names against a word list (see
 * wordset.h). The index is built once per list under a lock.
 */
#include "extract/signals/wordset.h"

#include <pthread.h>
#include <string.h>

static pthread_mutex_t build_lock = PTHREAD_MUTEX_INITIALIZER;

static void build(wn_wordset *ws)
{
    size_t n = 0;
    while (ws->words[n] && n < WN_WORDSET_MAX)
        n++;
    size_t k = 0;
    for (unsigned ch = 1; ch < 128; ch++) {
        ws->start[ch] = (unsigned char)k;
        for (size_t w = 0; w < n; w++) {
            if ((unsigned char)ws->words[w][0] != ch)
                continue;
            ws->order[k] = (unsigned char)w;
            size_t len = strlen(ws->words[w]);
            ws->len[k] = (unsigned char)(len < 255 ? len : 255);
            unsigned char b = (unsigned char)ws->words[w][1];
            if (len < 2 || b >= 128)
                memset(ws->second[ch], 0xFF, sizeof ws->second[ch]);
            else
                ws->second[ch][b / 8] |= (unsigned char)(1u << (b % 8));
            k++;
        }
        ws->count[ch] = (unsigned char)(k - ws->start[ch]);
    }
}

static void ready(wn_wordset *ws)
{
    if (atomic_load_explicit(&ws->ready, memory_order_acquire))
        return;
    pthread_mutex_lock(&build_lock);
    if (!atomic_load_explicit(&ws->ready, memory_order_relaxed)) {
        build(ws);
        atomic_store_explicit(&ws->ready, 1, memory_order_release);
    }
    pthread_mutex_unlock(&build_lock);
}

/* The bit of every word of ws that starts at low[i] (i is a word start). The
 * first byte is known to match; the rest is compared byte by byte, since the
 * words are short and most fail at their second byte. */
static inline unsigned match_at(const wn_wordset *ws, const char *low, size_t n, size_t i,
                                bool first_only)
{
    unsigned char ch = (unsigned char)low[i];
    unsigned tags = 0;
    for (unsigned k = ws->start[ch], e = k + ws->count[ch]; k < e; k++) {
        size_t len = ws->len[k];
        unsigned w = ws->order[k];
        if (i + len > n)
            continue;
        const char *word = ws->words[w];
        size_t j = 1;
        while (j < len && low[i + j] == word[j])
            j++;
        if (j < len)
            continue;
        tags |= 1u << (ws->tags ? ws->tags[w] : 0);
        if (first_only)
            break;
    }
    return tags;
}

/* The pair filter: false when no word of ws starts with low[i], low[i + 1]. */
static inline bool second_may_match(const wn_wordset *ws, const char *low, size_t n, size_t i)
{
    if (i + 1 >= n)
        return true;
    unsigned char b = (unsigned char)low[i + 1];
    return b >= 128 || (ws->second[(unsigned char)low[i]][b / 8] >> (b % 8) & 1);
}

static bool is_lower(unsigned char ch)
{
    return ch >= 'a' && ch <= 'z';
}

/* One scan over the word starts of low: position 0 and every byte that follows
 * a byte other than a lowercase letter. A run of letters is stepped over at
 * once, and so is the byte after it (it follows a letter). */
static inline unsigned scan(const wn_wordset *ws, const char *low, size_t n, bool first_only)
{
    unsigned tags = 0;
    size_t i = 0;
    while (i < n) {
        unsigned char ch = (unsigned char)low[i];
        if (ch < 128 && ws->count[ch] && second_may_match(ws, low, n, i)) {
            tags |= match_at(ws, low, n, i, first_only);
            if (tags && first_only)
                return tags;
        }
        i++;
        if (is_lower(ch)) {
            while (i < n && is_lower((unsigned char)low[i]))
                i++;
            i++;
        }
    }
    return tags;
}

unsigned wn_wordset_tags(wn_wordset *ws, const char *low, size_t n)
{
    ready(ws);
    return scan(ws, low, n, false);
}

bool wn_wordset_hit(wn_wordset *ws, const char *low, size_t n)
{
    ready(ws);
    return scan(ws, low, n, true) != 0;
}

bool wn_wordset_names_hit(wn_wordset *ws, const wn_node *x)
{
    char low[192];
    wn_str cl = wn_dom_attr_value(x, "class"), id = wn_dom_attr_value(x, "id");
    if (cl.n == 0 && id.n == 0)
        return false;
    size_t n = cl.n < 120 ? cl.n : 120, m = id.n < 64 ? id.n : 64;
    wn_ascii_lower_n(low, cl.p, n);
    low[n] = ' ';
    wn_ascii_lower_n(low + n + 1, id.p, m);
    return wn_wordset_hit(ws, low, n + 1 + m);
}
