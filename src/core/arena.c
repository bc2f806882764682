/*
 * arena.c: chunked bump allocator. Big requests get a chunk of their own so a
 * 100 MB text node does not waste a default chunk. Under ASan the free tail of
 * each chunk is poisoned so use-after-reset is still caught.
 */
#include "core/arena.h"

#include <stdlib.h>
#include <string.h>

#if defined(__SANITIZE_ADDRESS__)
#define WN_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define WN_ASAN 1
#endif
#endif
#ifdef WN_ASAN
#include <sanitizer/asan_interface.h>
#define POISON(p, n) ASAN_POISON_MEMORY_REGION((p), (n))
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

/* 8: what the arena holds (nodes, attribute arrays, pointers, sizes, doubles)
 * needs no more, and most strings are short: 16 cost a page about 1 % more. */
#define ALIGN 8
#define DEFAULT_CHUNK (64 * 1024)

struct wn_arena_chunk {
    wn_arena_chunk *next;
    size_t size;                 /* usable bytes after the header */
    _Alignas(16) char data[];
};

void wn_arena_init(wn_arena *a, size_t limit)
{
    memset(a, 0, sizeof *a);
    a->limit = limit;
    a->chunk_size = DEFAULT_CHUNK;
}

static size_t align_up(size_t n)
{
    return (n + (ALIGN - 1)) & ~(size_t)(ALIGN - 1);
}

static int new_chunk(wn_arena *a, size_t need)
{
    size_t size = need > a->chunk_size ? need : a->chunk_size;
    /* Double the default chunk as the document grows: fewer mallocs on big pages. */
    if (a->reserved > 4 * a->chunk_size && a->chunk_size < 4 * 1024 * 1024)
        a->chunk_size *= 2;
    wn_arena_chunk *c = malloc(sizeof *c + size);
    if (c == NULL)
        return -1;
    c->size = size;
    c->next = a->head;
    a->head = c;
    a->cur = c->data;
    a->end = c->data + size;
    a->reserved += sizeof *c + size;
    POISON(a->cur, size);
    return 0;
}

void *wn_arena_alloc(wn_arena *a, size_t n)
{
    size_t need = align_up(n ? n : 1);
    if (need < n)
        return NULL;     /* overflow */
    if (a->limit && (a->used + need > a->limit || a->used + need < a->used))
        return NULL;
    if ((size_t)(a->end - a->cur) < need) {
        if (new_chunk(a, need) != 0)
            return NULL;
    }
    void *p = a->cur;
    a->cur += need;
    a->used += need;
    if (a->used > a->peak)
        a->peak = a->used;
    UNPOISON(p, n ? n : 1);
    return p;
}

void *wn_arena_calloc(wn_arena *a, size_t n)
{
    void *p = wn_arena_alloc(a, n);
    if (p)
        memset(p, 0, n);
    return p;
}

char *wn_arena_strdup(wn_arena *a, const char *p, size_t n)
{
    char *s = wn_arena_alloc(a, n + 1);
    if (s == NULL)
        return NULL;
    if (n)
        memcpy(s, p, n);
    s[n] = '\0';
    return s;
}

void *wn_arena_realloc(wn_arena *a, void *p, size_t old, size_t n)
{
    if (p == NULL)
        return wn_arena_alloc(a, n);
    size_t oldn = align_up(old ? old : 1);
    char *cp = p;
    if (cp + oldn == a->cur) {
        size_t newn = align_up(n ? n : 1);
        if (newn <= oldn) {
            return p;
        }
        size_t extra = newn - oldn;
        if ((size_t)(a->end - a->cur) >= extra &&
            !(a->limit && a->used + extra > a->limit)) {
            UNPOISON(p, n);
            a->cur += extra;
            a->used += extra;
            if (a->used > a->peak)
                a->peak = a->used;
            return p;
        }
    }
    if (n <= old)
        return p;
    void *q = wn_arena_alloc(a, n);
    if (q && old)
        memcpy(q, p, old);
    return q;
}

void wn_arena_reset(wn_arena *a)
{
    /* Keep the oldest chunk (the list's tail) if it has the default size; free the rest. */
    wn_arena_chunk *c = a->head, *keep = NULL;
    while (c) {
        wn_arena_chunk *next = c->next;
        if (next == NULL && keep == NULL && c->size <= 4 * 1024 * 1024)
            keep = c;
        else
            free(c);
        c = next;
    }
    a->head = keep;
    a->used = 0;
    a->reserved = 0;
    a->cur = a->end = NULL;
    if (keep) {
        keep->next = NULL;
        a->cur = keep->data;
        a->end = keep->data + keep->size;
        a->reserved = sizeof *keep + keep->size;
        POISON(a->cur, keep->size);
    }
}

void wn_arena_fini(wn_arena *a)
{
    wn_arena_chunk *c = a->head;
    while (c) {
        wn_arena_chunk *next = c->next;
        free(c);
        c = next;
    }
    a->head = NULL;
    a->cur = a->end = NULL;
    a->used = a->reserved = 0;
}

size_t wn_arena_used(const wn_arena *a)
{
    return a->used;
}
