/*
 * stats.c: wn_batch_stats as one JSON object, for `winnow warc --stats FILE`
 * and other callers that log runs. Field names are the struct's, plus the
 * derived "skipped" and "failed" sums, so a reader can check the accounting.
 */
#include "batch/batch.h"

#include <stdio.h>

static void put_field(wn_buf *b, const char *key, uint64_t v, int first)
{
    if (!first)
        wn_buf_put(b, ",", 1);
    wn_json_put_str(b, key);
    wn_buf_put(b, ":", 1);
    wn_json_put_u64(b, v);
}

WN_API wn_status wn_batch_stats_json(const wn_batch_stats *s, wn_sink_fn sink, void *ctx)
{
    wn_buf b = {0};
    char tmp[64];
    wn_status st = WN_OK;

    if (s == NULL || sink == NULL)
        return WN_ERR_ARG;
    uint64_t skipped = s->skipped_type + s->skipped_mime + s->skipped_status;
    uint64_t failed = s->failed_read + s->failed_extract + s->failed_limit + s->failed_timeout;

    wn_buf_put(&b, "{", 1);
    put_field(&b, "files", s->files, 1);
    put_field(&b, "files_failed", s->files_failed, 0);
    put_field(&b, "records_seen", s->records_seen, 0);
    put_field(&b, "extracted", s->extracted, 0);
    put_field(&b, "skipped", skipped, 0);
    put_field(&b, "skipped_type", s->skipped_type, 0);
    put_field(&b, "skipped_mime", s->skipped_mime, 0);
    put_field(&b, "skipped_status", s->skipped_status, 0);
    put_field(&b, "failed", failed, 0);
    put_field(&b, "failed_read", s->failed_read, 0);
    put_field(&b, "failed_extract", s->failed_extract, 0);
    put_field(&b, "failed_limit", s->failed_limit, 0);
    put_field(&b, "failed_timeout", s->failed_timeout, 0);
    put_field(&b, "truncated", s->truncated, 0);
    put_field(&b, "input_bytes", s->input_bytes, 0);
    put_field(&b, "input_total", s->input_total, 0);
    put_field(&b, "html_bytes", s->html_bytes, 0);
    put_field(&b, "output_bytes", s->output_bytes, 0);
    put_field(&b, "error_lines", s->error_lines, 0);
    put_field(&b, "threads", s->threads, 0);
    put_field(&b, "readers", s->readers, 0);
    /* Three decimals: milliseconds are all a run time needs. */
    snprintf(tmp, sizeof tmp, ",\"elapsed_s\":%.3f}\n", s->elapsed_s >= 0 ? s->elapsed_s : 0.0);
    wn_buf_puts(&b, tmp);
    if (b.failed)
        st = WN_ERR_NOMEM;
    else if (sink(ctx, b.p, b.n) != 0)
        st = WN_ERR_IO;
    wn_buf_fini(&b);
    return st;
}
