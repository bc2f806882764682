/*
 * batch.h: internals of the batch driver (src/batch/). pool.c is an ordered
 * thread pool: one producer submits jobs, N workers process them, one consumer
 * takes them back in submission order, with the jobs and bytes in flight capped.
 * pipeline.c drives WARC reader -> pool -> sink; stats.c and json.c help it.
 * Like the CLI, this directory uses only the public winnow.h API of the library.
 */
#ifndef WN_BATCH_BATCH_H
#define WN_BATCH_BATCH_H

#include <stddef.h>
#include <stdint.h>

#include "winnow.h"
#include "core/buf.h"
#include "core/json.h"

/* MARK: Ordered pool (pool.c) */

typedef struct wn_pool wn_pool;

/* Runs on a worker thread; worker_ctx is that worker's own context. */
typedef void (*wn_pool_work_fn)(void *worker_ctx, void *job);

typedef struct wn_pool_config {
    unsigned threads;          /* workers; 0: none, the producer does each job's work
                                  inside wn_pool_submit with worker_ctx[0] (one core,
                                  one busy thread) */
    unsigned max_jobs;         /* >= 1: submitted but not yet taken back */
    size_t max_bytes;          /* cap on the bytes of those jobs; one job always fits */
    wn_pool_work_fn work;
    void **worker_ctx;         /* threads entries, or NULL (every worker gets NULL) */
} wn_pool_config;

/* Start the workers. NULL when out of memory or a thread cannot be created. */
wn_pool *wn_pool_new(const wn_pool_config *cfg);

/*
 * Producer: queue a job of `bytes` bytes. With needs_work == 0 it skips the
 * workers and only keeps its place in the order. Blocks while the pool is full.
 * Returns 0, or -1 if the pool was cancelled (the job stays the caller's).
 */
int wn_pool_submit(wn_pool *p, void *job, size_t bytes, int needs_work);

/* Producer: no more jobs. Workers exit once the queue is empty. */
void wn_pool_close(wn_pool *p);

/*
 * Consumer: the next job in submission order, once processed. Returns 1 with
 * *job (now the caller's; its bytes leave the budget), 0 if timeout_ms passed
 * first, -1 when the pool is closed and drained, or cancelled.
 */
int wn_pool_next(wn_pool *p, unsigned timeout_ms, void **job);

/* Stop early: submit and next return -1 from now on; workers finish the job in
 * hand and exit. Safe from any thread. */
void wn_pool_cancel(wn_pool *p);

/* Join the workers (cancelling first if the pool is not drained) and hand every
 * job still inside to discard (may be NULL). NULL is a no-op. */
void wn_pool_free(wn_pool *p, void (*discard)(void *job));

/* MARK: JSON writing (json.c), into core/buf.h buffers */

/* A JSON string literal with quotes (core/json_write.c); NULL writes null. */
void wn_json_put_str(wn_buf *b, const char *s);
void wn_json_put_u64(wn_buf *b, uint64_t v);

/* MARK: Record filters (filter.c) */

/* Accepted HTTP statuses as a bitmap over 0..999. */
typedef struct wn_status_set {
    unsigned char bits[125];
} wn_status_set;

/* "200,301", "2xx", "2xx,304", "all"/"*"; NULL = "2xx". -1 if malformed. */
int wn_status_set_parse(wn_status_set *s, const char *spec);
int wn_status_set_has(const wn_status_set *s, int status);

/* Comma list of MIME types; "text/ *" (no space) matches a whole top level, "*" anything.
 * A NULL list means "text/html,application/xhtml+xml". mime NULL never matches. */
int wn_mime_match(const char *list, const char *mime);

#endif
