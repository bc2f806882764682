/*
 * pipeline.c: wn_batch_run(), WARC files -> JSON lines on all cores.
 * A reader thread walks the files in turn, filters records and copies each
 * accepted payload into a job; the pool's workers (one wn_extractor each)
 * turn jobs into finished lines; the calling thread writes them in input order
 * and reports progress. The pool's job and byte caps keep memory flat whatever
 * the file size: the reader waits when the writer falls behind.
 */
#include "batch/batch.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* MARK: Jobs -------------------------------------------------------------- */

/* Outcome of one job, in the order of the stats counters. */
enum {
    RES_OK = 0,
    RES_READ,       /* the reader reported a corrupt record */
    RES_FILE,       /* a file could not be opened or read on: no record */
    RES_EXTRACT,
    RES_LIMIT,
    RES_TIMEOUT
};

static const char *const res_reason[] = {"ok", "read", "file", "extract", "limit", "timeout"};

/* A line as long as this is surely a bug or an attack: report it instead. */
#define MAX_LINE_BYTES ((size_t)1 << 30)
/* Per-worker buffers bigger than this are freed after use, not kept. */
#define KEEP_BUF_BYTES ((size_t)4 << 20)
/* Longest charset label kept for an extractor; the WHATWG labels are shorter. */
#define MAX_LABEL 40
#define EXTRACTOR_CACHE 4

typedef struct job {
    int result;
    int needs_work;
    int truncated;
    int http_status;
    uint64_t offset;             /* of the record (or failure) in its file */
    const char *file;            /* the caller's path string */
    char *meta;                  /* one block holding the strings below */
    const char *url, *record_id, *date, *charset;
    char *payload;
    size_t payload_len;
    size_t html_len;             /* payload_len, kept for the stats after free */
    wn_obuf out;                 /* the finished line(s), newline included */
} job;

static void job_free(void *vj)
{
    job *j = vj;
    if (j == NULL)
        return;
    free(j->meta);
    free(j->payload);
    wn_obuf_fini(&j->out);
    free(j);
}

/* Copy the record strings the line needs into one allocation. */
static int job_set_meta(job *j, const wn_warc_record *rec)
{
    const char *src[4] = {rec->target_uri, rec->record_id, rec->date, rec->charset};
    size_t len[4], total = 0;
    for (int i = 0; i < 4; i++) {
        len[i] = src[i] ? strlen(src[i]) + 1 : 0;
        total += len[i];
    }
    j->meta = malloc(total ? total : 1);
    if (j->meta == NULL)
        return -1;
    const char **dst[4] = {&j->url, &j->record_id, &j->date, &j->charset};
    char *p = j->meta;
    for (int i = 0; i < 4; i++) {
        *dst[i] = NULL;
        if (src[i]) {
            memcpy(p, src[i], len[i]);
            *dst[i] = p;
            p += len[i];
        }
    }
    return 0;
}

static void put_key(wn_obuf *b, const char *key)
{
    wn_obuf_put(b, ",\"", 2);
    wn_obuf_puts(b, key);
    wn_obuf_put(b, "\":", 2);
}

/* {"error":..,"reason":..,"file":..,"offset":N,"warc_record_id":..,"url":..} */
static void put_error_line(job *j, const char *msg)
{
    wn_obuf *b = &j->out;
    b->n = 0;
    b->failed = 0;
    wn_obuf_put(b, "{\"error\":", 9);
    wn_json_put_str(b, msg);
    put_key(b, "reason");
    wn_json_put_str(b, res_reason[j->result]);
    put_key(b, "file");
    wn_json_put_str(b, j->file);
    put_key(b, "offset");
    wn_json_put_u64(b, j->offset);
    put_key(b, "warc_record_id");
    wn_json_put_str(b, j->record_id);
    put_key(b, "url");
    wn_json_put_str(b, j->url);
    wn_obuf_put(b, "}\n", 2);
}

/* MARK: Run state ---------------------------------------------------------- */

typedef struct run {
    const char *const *paths;
    size_t n_paths;
    uint64_t *sizes;             /* stat() sizes, 0 when unknown */
    wn_batch_options opt;
    wn_status_set statuses;
    wn_pool *pool;
    /* Written by the reader thread, read by the progress snapshot. */
    atomic_uint_fast64_t files, files_failed, seen;
    atomic_uint_fast64_t skipped_type, skipped_mime, skipped_status;
    atomic_uint_fast64_t input_bytes;
    atomic_int reader_nomem;
} run;

/* Counters only the writer (calling thread) touches. */
typedef struct tally {
    uint64_t res[6];
    uint64_t truncated, html_bytes, output_bytes, error_lines;
} tally;

/* MARK: Workers ------------------------------------------------------------- */

typedef struct worker {
    const run *r;
    struct {
        int used;
        int has_label;
        char label[MAX_LABEL + 1];
        wn_extractor *ex;
    } cache[EXTRACTOR_CACHE];
    unsigned evict;
    wn_obuf art;                 /* the article object from wn_render */
} worker;

/*
 * The transport charset (HTTP Content-Type) is an extractor option, so each
 * worker keeps a few extractors keyed by label: crawls use a handful of labels,
 * and creating an extractor per page would defeat its reuse of memory.
 */
static wn_extractor *extractor_for(worker *w, const char *charset)
{
    char label[MAX_LABEL + 1];
    int has = 0;

    if (charset && strlen(charset) <= MAX_LABEL) {
        size_t i;
        for (i = 0; charset[i]; i++) {
            char c = charset[i];
            label[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
        }
        label[i] = '\0';
        has = 1;
    }
    for (unsigned i = 0; i < EXTRACTOR_CACHE; i++) {
        if (w->cache[i].used && w->cache[i].has_label == has &&
            (!has || !strcmp(w->cache[i].label, label)))
            return w->cache[i].ex;
    }
    unsigned k = EXTRACTOR_CACHE;
    for (unsigned i = 0; i < EXTRACTOR_CACHE; i++)
        if (!w->cache[i].used) {
            k = i;
            break;
        }
    if (k == EXTRACTOR_CACHE) {
        k = w->evict++ % EXTRACTOR_CACHE;
        wn_extractor_free(w->cache[k].ex);
        w->cache[k].used = 0;
    }
    wn_options o = w->r->opt.extract;
    w->cache[k].has_label = has;
    if (has) {
        memcpy(w->cache[k].label, label, strlen(label) + 1);
        o.transport_charset = w->cache[k].label;  /* stable: lives in the worker */
    } else
        o.transport_charset = NULL;
    w->cache[k].ex = wn_extractor_new(&o);
    if (w->cache[k].ex == NULL)
        return NULL;
    w->cache[k].used = 1;
    return w->cache[k].ex;
}

static int classify(wn_status st)
{
    switch (st) {
    case WN_ERR_TIMEOUT: return RES_TIMEOUT;
    case WN_ERR_LIMIT:
    case WN_ERR_NOMEM: return RES_LIMIT;
    default: return RES_EXTRACT;
    }
}

static int is_ws(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

/*
 * Append the members [p, end) of the renderer's object without the whitespace
 * between tokens (a JSON line must not span lines; whitespace inside strings is
 * escaped, so strings are copied as they are). The article's own top-level
 * "url" (the canonical URL) becomes "canonical_url": "url" is the record's.
 */
static void put_members(wn_obuf *b, const char *p, const char *end)
{
    int depth = 1, key_next = 1;

    wn_obuf_reserve(b, (size_t)(end - p) + 16);
    while (p < end && !b->failed) {
        char c = *p;
        if (c == '"') {
            const char *s = p;
            for (p++; p < end && *p != '"'; p++)
                if (*p == '\\' && p + 1 < end)
                    p++;
            if (p < end)
                p++;   /* the closing quote */
            if (depth == 1 && key_next && p - s == 5 && memcmp(s, "\"url\"", 5) == 0)
                wn_obuf_puts(b, "\"canonical_url\"");
            else
                wn_obuf_put(b, s, (size_t)(p - s));
            key_next = 0;
            continue;
        }
        p++;
        if (is_ws(c))
            continue;
        if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']')
            depth--;
        else if (c == ',' && depth == 1)
            key_next = 1;
        wn_obuf_put(b, &c, 1);
    }
}

/* The article line: our record fields, then the members of the renderer's
 * object, spliced in after its opening brace. */
static int put_article_line(job *j, const wn_article *a, const wn_obuf *art)
{
    const char *p = art->p, *end = art->p + art->n;
    while (p < end && is_ws(*p))
        p++;
    while (end > p && is_ws(end[-1]))
        end--;
    if (end - p < 2 || *p != '{' || end[-1] != '}')
        return -1;
    p++;
    while (p < end && is_ws(*p))
        p++;

    wn_obuf *b = &j->out;
    const char *charset = wn_article_get(a, WN_FIELD_ENCODING);
    wn_obuf_reserve(b, (size_t)(end - p) + 256);
    wn_obuf_put(b, "{\"url\":", 7);
    wn_json_put_str(b, j->url);
    put_key(b, "warc_record_id");
    wn_json_put_str(b, j->record_id);
    put_key(b, "warc_date");
    wn_json_put_str(b, j->date);
    put_key(b, "status");
    wn_json_put_u64(b, (uint64_t)(j->http_status > 0 ? j->http_status : 0));
    put_key(b, "charset");
    wn_json_put_str(b, charset ? charset : j->charset);
    if (*p != '}')
        wn_obuf_put(b, ",", 1);
    put_members(b, p, end);
    wn_obuf_put(b, "\n", 1);
    return b->failed ? -1 : 0;
}

static void work(void *ctx, void *vj)
{
    worker *w = ctx;
    job *j = vj;
    const run *r = w->r;
    wn_error err = {0};
    wn_article *a = NULL;
    wn_status st;

    wn_extractor *ex = extractor_for(w, j->charset);
    if (ex == NULL)
        st = WN_ERR_NOMEM;
    else
        st = wn_extract(ex, j->payload, j->payload_len, j->url, &a, &err);
    free(j->payload);   /* give the memory back before rendering */
    j->payload = NULL;

    const char *msg = st != WN_OK && err.msg ? err.msg : wn_status_str(st);
    if (st == WN_OK) {
        w->art.n = 0;
        w->art.failed = 0;
        w->art.max = MAX_LINE_BYTES;
        j->out.max = MAX_LINE_BYTES;
        st = wn_render(a, WN_FMT_JSON, r->opt.render_flags, wn_obuf_sink, &w->art);
        if (st == WN_OK && !w->art.failed && put_article_line(j, a, &w->art) == 0)
            j->result = RES_OK;
        else if (st != WN_OK || w->art.failed) {
            st = w->art.failed ? WN_ERR_LIMIT : st;
            msg = "rendering the article failed";
        } else {
            st = j->out.failed ? WN_ERR_LIMIT : WN_ERR_INPUT;
            msg = "the JSON renderer did not produce an object";
        }
        wn_article_free(a);
        if (w->art.cap > KEEP_BUF_BYTES)
            wn_obuf_fini(&w->art);
    }
    if (st != WN_OK) {
        j->result = classify(st);
        wn_obuf_fini(&j->out);
        if (r->opt.error_lines)
            put_error_line(j, msg);
    }
}

/* MARK: Reader thread ------------------------------------------------------- */

/* Hand a job to the pool; on cancel the job is dropped. -1 means stop. */
static int submit(run *r, job *j, size_t bytes)
{
    if (wn_pool_submit(r->pool, j, bytes, j->needs_work) != 0) {
        job_free(j);
        return -1;
    }
    return 0;
}

/* A job that only carries a failure to the writer, in order. */
static int submit_failure(run *r, int result, const char *file, uint64_t offset,
                          const wn_warc_record *rec, const char *msg)
{
    job *j = calloc(1, sizeof *j);
    if (j == NULL)
        goto nomem;
    j->result = result;
    j->file = file;
    j->offset = offset;
    if (rec && job_set_meta(j, rec) != 0) {
        free(j);
        goto nomem;
    }
    if (r->opt.error_lines)
        put_error_line(j, msg);
    return submit(r, j, j->out.n + 64);
nomem:
    atomic_store(&r->reader_nomem, 1);
    wn_pool_cancel(r->pool);
    return -1;
}

/* Filter one good record; queue it for extraction when it passes. */
static int take_record(run *r, const char *file, const wn_warc_record *rec)
{
    if (rec->type == NULL || strcmp(rec->type, "response") != 0) {
        atomic_fetch_add(&r->skipped_type, 1);
        return 0;
    }
    if (!wn_mime_match(r->opt.mimes, rec->mime)) {
        atomic_fetch_add(&r->skipped_mime, 1);
        return 0;
    }
    if (!wn_status_set_has(&r->statuses, rec->http_status)) {
        atomic_fetch_add(&r->skipped_status, 1);
        return 0;
    }
    /* A payload error without truncation means the body is unusable as it is
     * (e.g. left in an unknown Content-Encoding); a truncated one is still a
     * page worth extracting, and is counted in stats.truncated. */
    if (rec->payload_error && !rec->payload_truncated)
        return submit_failure(r, RES_READ, file, rec->offset, rec, rec->payload_error);
    /* wn_extract would refuse it anyway: do not copy it first. */
    size_t max_in = r->opt.extract.max_input_bytes;
    if (max_in && rec->payload_len > max_in)
        return submit_failure(r, RES_LIMIT, file, rec->offset, rec, "page larger than max_input_bytes");

    job *j = calloc(1, sizeof *j);
    if (j == NULL || job_set_meta(j, rec) != 0)
        goto nomem;
    /* NUL-terminated like the reader's own buffer, for extractors that peek. */
    j->payload = malloc(rec->payload_len + 1);
    if (j->payload == NULL)
        goto nomem;
    memcpy(j->payload, rec->payload, rec->payload_len);
    j->payload[rec->payload_len] = '\0';
    j->payload_len = j->html_len = rec->payload_len;
    j->needs_work = 1;
    j->file = file;
    j->offset = rec->offset;
    j->http_status = rec->http_status;
    j->truncated = rec->payload_truncated || rec->truncated != NULL;
    return submit(r, j, rec->payload_len + 256);
nomem:
    job_free(j);
    atomic_store(&r->reader_nomem, 1);
    wn_pool_cancel(r->pool);
    return -1;
}

static void *reader_main(void *arg)
{
    run *r = arg;
    uint64_t done_bytes = 0;

    for (size_t i = 0; i < r->n_paths; i++) {
        const char *path = r->paths[i];
        wn_error err = {0};
        int stop = 0;

        atomic_fetch_add(&r->files, 1);
        wn_warc *w = wn_warc_open_file(path, &r->opt.warc, &err);
        if (w == NULL) {
            atomic_fetch_add(&r->files_failed, 1);
            stop = submit_failure(r, RES_FILE, path, 0, NULL,
                                  err.msg ? err.msg : "cannot open file") != 0;
        }
        /* A reader that reports the same failure twice without moving is stuck:
         * give up on the file instead of looping. */
        uint64_t last_fail_rec = UINT64_MAX, last_fail_in = UINT64_MAX;
        while (w && !stop) {
            wn_warc_record rec;
            memset(&rec, 0, sizeof rec);
            memset(&err, 0, sizeof err);
            wn_status st = wn_warc_next(w, &rec, &err);
            uint64_t in = wn_warc_input_offset(w);
            atomic_store(&r->input_bytes, done_bytes + in);
            if (st == WN_END)
                break;
            if (st == WN_ERR_IO || (st != WN_OK && err.offset == last_fail_rec &&
                                    in == last_fail_in)) {
                atomic_fetch_add(&r->files_failed, 1);
                stop = submit_failure(r, RES_FILE, path, err.offset, NULL,
                                      err.msg ? err.msg : wn_status_str(st)) != 0;
                break;
            }
            atomic_fetch_add(&r->seen, 1);
            if (st != WN_OK) {
                last_fail_rec = err.offset;
                last_fail_in = in;
                stop = submit_failure(r, RES_READ, path, err.offset, NULL,
                                      err.msg ? err.msg : wn_status_str(st)) != 0;
                continue;
            }
            stop = take_record(r, path, &rec) != 0;
        }
        wn_warc_close(w);
        done_bytes += r->sizes[i];
        atomic_store(&r->input_bytes, done_bytes);
        if (stop)
            break;
    }
    wn_pool_close(r->pool);
    return NULL;
}

/* MARK: Writer (calling thread) --------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void snapshot(run *r, const tally *t, double t0, unsigned threads, wn_batch_stats *s)
{
    memset(s, 0, sizeof *s);
    s->files = atomic_load(&r->files);
    s->files_failed = atomic_load(&r->files_failed);
    s->records_seen = atomic_load(&r->seen);
    s->skipped_type = atomic_load(&r->skipped_type);
    s->skipped_mime = atomic_load(&r->skipped_mime);
    s->skipped_status = atomic_load(&r->skipped_status);
    s->input_bytes = atomic_load(&r->input_bytes);
    for (size_t i = 0; r->sizes && i < r->n_paths; i++)
        s->input_total += r->sizes[i];
    s->extracted = t->res[RES_OK];
    s->failed_read = t->res[RES_READ];
    s->failed_extract = t->res[RES_EXTRACT];
    s->failed_limit = t->res[RES_LIMIT];
    s->failed_timeout = t->res[RES_TIMEOUT];
    s->truncated = t->truncated;
    s->html_bytes = t->html_bytes;
    s->output_bytes = t->output_bytes;
    s->error_lines = t->error_lines;
    s->elapsed_s = now_s() - t0;
    s->threads = threads;
}

#define BAD_STATUSES "bad status list (want e.g. \"200,301\", \"2xx\" or \"all\")"

static void set_err(wn_error *err, wn_status st, const char *msg)
{
    if (err) {
        err->status = st;
        err->msg = msg;
        err->offset = 0;
    }
}

WN_API void wn_batch_options_init(wn_batch_options *o)
{
    memset(o, 0, sizeof *o);
    wn_options_init(&o->extract);
    /* A crawl must not stall on one hostile page, nor let N workers each take
     * the 2 GiB a single interactive document may use. */
    o->extract.time_limit_ms = 10000;
    o->extract.max_arena_bytes = (size_t)512 << 20;
    wn_warc_options_init(&o->warc);
    o->max_bytes_in_flight = (size_t)256 << 20;
    o->error_lines = 1;
    o->progress_ms = 250;
}

WN_API wn_status wn_batch_options_check(const wn_batch_options *o, wn_error *err)
{
    wn_status_set set;
    if (o == NULL) {
        set_err(err, WN_ERR_ARG, "no options");
        return WN_ERR_ARG;
    }
    if (wn_status_set_parse(&set, o->statuses) != 0) {
        set_err(err, WN_ERR_ARG, BAD_STATUSES);
        return WN_ERR_ARG;
    }
    return WN_OK;
}

static unsigned online_cpus(void)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        return 1;
    return n > 1024 ? 1024 : (unsigned)n;
}

WN_API wn_status wn_batch_run(const char *const *paths, size_t n, const wn_batch_options *opt,
                              wn_sink_fn sink, void *sink_ctx, wn_batch_stats *stats,
                              wn_error *err)
{
    wn_status st = WN_OK;
    run *r = NULL;
    worker *workers = NULL;
    void **ctxs = NULL;
    unsigned threads = 0;
    int reader_started = 0;
    pthread_t reader;
    tally t;
    double t0 = now_s();

    memset(&t, 0, sizeof t);
    if (stats)
        memset(stats, 0, sizeof *stats);
    if ((paths == NULL && n > 0) || sink == NULL) {
        set_err(err, WN_ERR_ARG, "no paths or no sink");
        return WN_ERR_ARG;
    }
    r = calloc(1, sizeof *r);
    if (r == NULL)
        goto nomem;
    if (opt)
        r->opt = *opt;
    else
        wn_batch_options_init(&r->opt);
    if (wn_status_set_parse(&r->statuses, r->opt.statuses) != 0) {
        st = WN_ERR_ARG;
        set_err(err, st, BAD_STATUSES);
        goto done;
    }
    r->paths = paths;
    r->n_paths = n;
    r->sizes = calloc(n ? n : 1, sizeof *r->sizes);
    if (r->sizes == NULL)
        goto nomem;
    for (size_t i = 0; i < n; i++) {
        struct stat sb;
        if (paths[i] && stat(paths[i], &sb) == 0 && S_ISREG(sb.st_mode))
            r->sizes[i] = (uint64_t)sb.st_size;
    }

    threads = r->opt.threads ? r->opt.threads : online_cpus();
    workers = calloc(threads, sizeof *workers);
    ctxs = calloc(threads, sizeof *ctxs);
    if (workers == NULL || ctxs == NULL)
        goto nomem;
    for (unsigned i = 0; i < threads; i++) {
        workers[i].r = r;
        ctxs[i] = &workers[i];
    }
    /* 64 queued records per worker hide the jitter of page costs; the byte
     * cap, not this, is what bounds memory on big pages. */
    unsigned max_jobs = r->opt.max_jobs_in_flight;
    if (max_jobs == 0)
        max_jobs = threads > 1024 ? 65536 : threads * 64;
    wn_pool_config pc = {
        .threads = threads,
        .max_jobs = max_jobs,
        .max_bytes = r->opt.max_bytes_in_flight ? r->opt.max_bytes_in_flight : SIZE_MAX,
        .work = work,
        .worker_ctx = ctxs,
    };
    r->pool = wn_pool_new(&pc);
    if (r->pool == NULL)
        goto nomem;
    if (pthread_create(&reader, NULL, reader_main, r) != 0)
        goto nomem;
    reader_started = 1;

    unsigned every = r->opt.progress_ms ? r->opt.progress_ms : 250;
    double next_progress = t0 + every / 1000.0;
    for (;;) {
        unsigned wait = 1000;
        if (r->opt.progress) {
            double left = next_progress - now_s();
            wait = left <= 0 ? 0 : (unsigned)(left * 1000) + 1;
        }
        void *vj = NULL;
        int rc = wn_pool_next(r->pool, wait, &vj);
        if (rc == 1) {
            job *j = vj;
            t.res[j->result]++;
            if (j->result == RES_OK) {
                t.html_bytes += j->html_len;
                t.truncated += j->truncated != 0;
            } else if (j->out.n)
                t.error_lines++;
            if (j->out.n) {
                if (sink(sink_ctx, j->out.p, j->out.n) != 0) {
                    job_free(j);
                    st = WN_ERR_IO;
                    set_err(err, st, "the output sink failed");
                    wn_pool_cancel(r->pool);
                    break;
                }
                t.output_bytes += j->out.n;
            }
            job_free(j);
        } else if (rc < 0)
            break;
        if (r->opt.progress && now_s() >= next_progress) {
            wn_batch_stats s;
            snapshot(r, &t, t0, threads, &s);
            r->opt.progress(r->opt.progress_ctx, &s, 0);
            next_progress = now_s() + every / 1000.0;
        }
    }
    goto done;

nomem:
    st = WN_ERR_NOMEM;
    set_err(err, st, "out of memory starting the batch");
done:
    if (reader_started)
        pthread_join(reader, NULL);
    if (r && r->pool)
        wn_pool_free(r->pool, job_free);
    if (r && st == WN_OK && atomic_load(&r->reader_nomem)) {
        st = WN_ERR_NOMEM;
        set_err(err, st, "out of memory reading records");
    }
    for (unsigned i = 0; workers && i < threads; i++) {
        for (unsigned k = 0; k < EXTRACTOR_CACHE; k++)
            if (workers[i].cache[k].used)
                wn_extractor_free(workers[i].cache[k].ex);
        wn_obuf_fini(&workers[i].art);
    }
    if (r) {
        wn_batch_stats s;
        snapshot(r, &t, t0, threads, &s);
        if (stats)
            *stats = s;
        if (r->opt.progress && r->sizes)
            r->opt.progress(r->opt.progress_ctx, &s, 1);
    }
    free(workers);
    free(ctxs);
    if (r)
        free(r->sizes);
    free(r);
    return st;
}
