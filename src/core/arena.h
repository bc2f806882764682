/*
 * arena.h: bump allocator, one per document. Nothing in it is freed one by one:
 * wn_arena_reset() keeps the first chunk for the next page, wn_arena_fini() frees all.
 * A limit (bytes, 0 = none) turns runaway input into a clean NULL, never a crash.
 */
#ifndef WN_CORE_ARENA_H
#define WN_CORE_ARENA_H

#include <stddef.h>
#include <stdint.h>

typedef struct wn_arena_chunk wn_arena_chunk;

typedef struct wn_arena {
    wn_arena_chunk *head;   /* newest chunk; allocations come from here */
    char *cur, *end;        /* free space in head */
    size_t used;            /* bytes handed out (plus alignment) since init/reset */
    size_t reserved;        /* bytes obtained from malloc, chunk headers included */
    size_t peak;            /* largest `used` seen since init */
    size_t limit;           /* 0 = unlimited; else wn_arena_alloc fails beyond it */
    size_t chunk_size;      /* default chunk size for small allocations */
} wn_arena;

void  wn_arena_init(wn_arena *a, size_t limit);
void *wn_arena_alloc(wn_arena *a, size_t n);          /* 8-byte aligned; NULL over limit/OOM */
void *wn_arena_calloc(wn_arena *a, size_t n);
char *wn_arena_strdup(wn_arena *a, const char *p, size_t n);  /* copies and NUL-terminates */
/* Grow the most recent allocation `p` (of `old` bytes) to `n` bytes in place if it is
 * the last one in the current chunk; otherwise allocate anew and copy. */
void *wn_arena_realloc(wn_arena *a, void *p, size_t old, size_t n);
void  wn_arena_reset(wn_arena *a);
void  wn_arena_fini(wn_arena *a);
size_t wn_arena_used(const wn_arena *a);

#endif
