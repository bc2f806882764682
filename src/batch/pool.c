/*
 * pool.c: ordered thread pool. Jobs live in one ring, in submission order:
 * [head, claim) are in work or done, [claim, tail) wait for a worker (or are
 * pass-through jobs, already done). The consumer takes ring[head] once done, so
 * output order is input order whatever the worker timing. One mutex guards it
 * all: a job costs a few lock operations against milliseconds of extraction.
 */
#include "batch/batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

enum { SLOT_QUEUED = 1, SLOT_WORKING, SLOT_DONE };

typedef struct slot {
    void *job;
    size_t bytes;
    int state;
} slot;

struct wn_pool {
    pthread_mutex_t mu;
    pthread_cond_t can_submit;   /* producer waits for room */
    pthread_cond_t has_work;     /* workers wait for a queued job */
    pthread_cond_t head_done;    /* consumer waits for ring[head] */
    slot *ring;
    unsigned cap;                /* ring size == max_jobs */
    uint64_t head, claim, tail;  /* monotonic; slot = index % cap */
    size_t bytes, max_bytes;
    int closed, cancelled;
    wn_pool_work_fn work;
    void *inline_ctx;            /* threads == 0: the producer works with this */
    unsigned threads, started;
    pthread_t *tids;
    struct worker_arg *args;
};

struct worker_arg {
    wn_pool *pool;
    void *ctx;
};

static slot *at(wn_pool *p, uint64_t i)
{
    return &p->ring[i % p->cap];
}

/* Move claim past jobs that need no worker, so workers never rescan them. */
static void skip_done(wn_pool *p)
{
    while (p->claim < p->tail && at(p, p->claim)->state != SLOT_QUEUED)
        p->claim++;
}

static void *worker_main(void *arg)
{
    struct worker_arg *wa = arg;
    wn_pool *p = wa->pool;

    pthread_mutex_lock(&p->mu);
    for (;;) {
        skip_done(p);
        while (!p->cancelled && p->claim == p->tail && !p->closed) {
            pthread_cond_wait(&p->has_work, &p->mu);
            skip_done(p);
        }
        if (p->cancelled || p->claim == p->tail)
            break;   /* cancelled, or closed with nothing left to claim */
        uint64_t i = p->claim++;
        slot *s = at(p, i);
        s->state = SLOT_WORKING;
        pthread_mutex_unlock(&p->mu);

        p->work(wa->ctx, s->job);

        pthread_mutex_lock(&p->mu);
        s->state = SLOT_DONE;
        if (i == p->head)
            pthread_cond_signal(&p->head_done);
    }
    pthread_mutex_unlock(&p->mu);
    return NULL;
}

wn_pool *wn_pool_new(const wn_pool_config *cfg)
{
    if (cfg == NULL || cfg->max_jobs == 0 || cfg->work == NULL)
        return NULL;
    wn_pool *p = calloc(1, sizeof *p);
    if (p == NULL)
        return NULL;
    p->cap = cfg->max_jobs;
    p->max_bytes = cfg->max_bytes;
    p->work = cfg->work;
    p->threads = cfg->threads;
    p->inline_ctx = cfg->threads == 0 && cfg->worker_ctx ? cfg->worker_ctx[0] : NULL;
    p->ring = calloc(p->cap, sizeof *p->ring);
    p->tids = calloc(p->threads ? p->threads : 1, sizeof *p->tids);
    p->args = calloc(p->threads ? p->threads : 1, sizeof *p->args);
    if (p->ring == NULL || p->tids == NULL || p->args == NULL)
        goto fail_mem;

    /* The consumer's timed wait measures CLOCK_MONOTONIC: wall-clock jumps
     * must not stall the progress line. */
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_mutex_init(&p->mu, NULL);
    pthread_cond_init(&p->can_submit, NULL);
    pthread_cond_init(&p->has_work, NULL);
    pthread_cond_init(&p->head_done, &ca);
    pthread_condattr_destroy(&ca);

    for (unsigned i = 0; i < p->threads; i++) {
        p->args[i].pool = p;
        p->args[i].ctx = cfg->worker_ctx ? cfg->worker_ctx[i] : NULL;
        if (pthread_create(&p->tids[i], NULL, worker_main, &p->args[i]) != 0) {
            wn_pool_free(p, NULL);
            return NULL;
        }
        p->started++;
    }
    return p;

fail_mem:
    free(p->ring);
    free(p->tids);
    free(p->args);
    free(p);
    return NULL;
}

int wn_pool_submit(wn_pool *p, void *job, size_t bytes, int needs_work)
{
    int rc = 0;

    if (p->threads == 0 && needs_work) {
        /* No workers: the job is done here, then queued as done. */
        pthread_mutex_lock(&p->mu);
        int cancelled = p->cancelled;
        pthread_mutex_unlock(&p->mu);
        if (cancelled)
            return -1;
        p->work(p->inline_ctx, job);
        needs_work = 0;
    }
    pthread_mutex_lock(&p->mu);
    /* A job larger than the whole budget still goes in once the pool is
     * empty; otherwise one big record would block forever. */
    while (!p->cancelled &&
           (p->tail - p->head >= p->cap ||
            (p->tail > p->head && p->bytes + bytes > p->max_bytes)))
        pthread_cond_wait(&p->can_submit, &p->mu);
    if (p->cancelled) {
        rc = -1;
        goto out;
    }
    uint64_t i = p->tail++;
    slot *s = at(p, i);
    s->job = job;
    s->bytes = bytes;
    s->state = needs_work ? SLOT_QUEUED : SLOT_DONE;
    p->bytes += bytes;
    if (needs_work)
        pthread_cond_signal(&p->has_work);
    else if (i == p->head)
        pthread_cond_signal(&p->head_done);
out:
    pthread_mutex_unlock(&p->mu);
    return rc;
}

void wn_pool_close(wn_pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->closed = 1;
    pthread_cond_broadcast(&p->has_work);
    pthread_cond_broadcast(&p->head_done);
    pthread_mutex_unlock(&p->mu);
}

void wn_pool_cancel(wn_pool *p)
{
    pthread_mutex_lock(&p->mu);
    p->cancelled = 1;
    pthread_cond_broadcast(&p->has_work);
    pthread_cond_broadcast(&p->head_done);
    pthread_cond_broadcast(&p->can_submit);
    pthread_mutex_unlock(&p->mu);
}

int wn_pool_next(wn_pool *p, unsigned timeout_ms, void **job)
{
    struct timespec until;
    int rc;

    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_sec += timeout_ms / 1000;
    until.tv_nsec += (long)(timeout_ms % 1000) * 1000000L;
    if (until.tv_nsec >= 1000000000L) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000L;
    }

    pthread_mutex_lock(&p->mu);
    for (;;) {
        if (p->cancelled) {
            rc = -1;
            break;
        }
        if (p->head < p->tail && at(p, p->head)->state == SLOT_DONE) {
            slot *s = at(p, p->head);
            *job = s->job;
            p->bytes -= s->bytes;
            s->job = NULL;
            s->state = 0;
            p->head++;
            pthread_cond_signal(&p->can_submit);
            rc = 1;
            break;
        }
        if (p->closed && p->head == p->tail) {
            rc = -1;
            break;
        }
        if (pthread_cond_timedwait(&p->head_done, &p->mu, &until) == ETIMEDOUT) {
            rc = 0;
            break;
        }
    }
    pthread_mutex_unlock(&p->mu);
    return rc;
}

void wn_pool_free(wn_pool *p, void (*discard)(void *job))
{
    if (p == NULL)
        return;
    pthread_mutex_lock(&p->mu);
    int drained = p->closed && p->head == p->tail;
    pthread_mutex_unlock(&p->mu);
    if (!drained)
        wn_pool_cancel(p);
    for (unsigned i = 0; i < p->started; i++)
        pthread_join(p->tids[i], NULL);
    /* Workers are gone: whatever is left in the ring, queued or done, is ours. */
    for (uint64_t i = p->head; i < p->tail; i++) {
        slot *s = at(p, i);
        if (discard && s->job)
            discard(s->job);
    }
    pthread_cond_destroy(&p->can_submit);
    pthread_cond_destroy(&p->has_work);
    pthread_cond_destroy(&p->head_done);
    pthread_mutex_destroy(&p->mu);
    free(p->ring);
    free(p->tids);
    free(p->args);
    free(p);
}
