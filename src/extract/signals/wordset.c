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

unsigned wn_wordset_tags(wn_wordset *ws, const char *low, size_t n)
{
    unsigned tags = 0;
    ready(ws);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)low[i];
        if (ch >= 128 || ws->count[ch] == 0)
            continue;
        if (i > 0 && low[i - 1] >= 'a' && low[i - 1] <= 'z')
            continue;
        for (unsigned k = ws->start[ch], e = k + ws->count[ch]; k < e; k++) {
            size_t len = ws->len[k];
            unsigned w = ws->order[k];
            if (i + len <= n && !memcmp(low + i, ws->words[w], len))
                tags |= 1u << (ws->tags ? ws->tags[w] : 0);
        }
    }
    return tags;
}

bool wn_wordset_hit(wn_wordset *ws, const char *low, size_t n)
{
    ready(ws);
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)low[i];
        if (ch >= 128 || ws->count[ch] == 0)
            continue;
        if (i > 0 && low[i - 1] >= 'a' && low[i - 1] <= 'z')
            continue;
        for (unsigned k = ws->start[ch], e = k + ws->count[ch]; k < e; k++) {
            size_t len = ws->len[k];
            if (i + len <= n && !memcmp(low + i, ws->words[ws->order[k]], len))
                return true;
        }
    }
    return false;
}
