/*
 * error.h: filling the caller's optional wn_error, the one way every layer
 * reports a failure (err may be NULL: the status is returned anyway).
 */
#ifndef WN_CORE_ERROR_H
#define WN_CORE_ERROR_H

#include <stdint.h>

#include "winnow.h"

static inline void wn_set_error(wn_error *err, wn_status st, const char *msg, uint64_t offset)
{
    if (err) {
        err->status = st;
        err->msg = msg;
        err->offset = offset;
    }
}

#endif
