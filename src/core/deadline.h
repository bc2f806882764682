/*
 * deadline.h: the per-page time budget (wn_options.time_limit_ms). A stage
 * starts it once and polls it every WN_DEADLINE_EVERY units of its own work
 * (tokens, nodes): the clock is read rarely, and a hot loop pays one counter
 * test per unit, on the path it already takes.
 */
#ifndef WN_CORE_DEADLINE_H
#define WN_CORE_DEADLINE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

/* Units of work between clock reads: a token or a node costs well under a
 * microsecond, so 4096 of them keep the overshoot to a few milliseconds. */
#define WN_DEADLINE_EVERY 4096u

typedef struct wn_deadline {
    struct timespec start;
    uint32_t limit_ms;   /* 0 = no budget */
    bool passed;         /* sticky once seen */
} wn_deadline;

static inline void wn_deadline_start(wn_deadline *d, uint32_t limit_ms)
{
    d->limit_ms = limit_ms;
    d->passed = false;
    if (limit_ms)
        clock_gettime(CLOCK_MONOTONIC, &d->start);
}

/* Reads the clock (when there is a budget): true once the budget is spent. */
static inline bool wn_deadline_passed(wn_deadline *d)
{
    if (d == NULL || d->limit_ms == 0)
        return false;
    if (!d->passed) {
        struct timespec now;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long ms = (long)(now.tv_sec - d->start.tv_sec) * 1000 +
                  (now.tv_nsec - d->start.tv_nsec) / 1000000;
        d->passed = ms > (long)d->limit_ms;
    }
    return d->passed;
}

/* For loops: true every WN_DEADLINE_EVERY-th call that finds the budget spent. */
static inline bool wn_deadline_tick(wn_deadline *d, uint32_t *counter)
{
    return d != NULL && d->limit_ms && (++*counter % WN_DEADLINE_EVERY) == 0 &&
           wn_deadline_passed(d);
}

#endif
