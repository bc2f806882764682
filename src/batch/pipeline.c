/*
 * pipeline.c: wn_batch_run(), WARC files -> JSON lines on all cores.
 * A lane is a reader thread plus its share of the workers (one wn_extractor
 * each): the reader takes the next file, filters records and copies accepted
 * payloads into jobs; the workers turn jobs into finished lines. With one lane
 * the calling thread writes the lines in input order straight from the pool;
 * with several, each lane's consumer thread files its lines under their input
 * file and the calling thread writes the files in order. Pool and buffer caps
 * keep memory flat whatever the file size.
 */
#include "batch/batch.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/error.h"

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
    wn_buf out;                 /* the finished line(s), newline included */
    size_t file_idx;             /* index of the input file */
    int eof;                     /* several lanes: marks the end of file_idx */
    struct job *next;            /* several lanes: the file's list of finished jobs */
} job;

static void job_free(void *vj)
{
    job *j = vj;
    if (j == NULL)
        return;
    free(j->meta);
    free(j->payload);
    wn_buf_fini(&j->out);
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

static void put_key(wn_buf *b, const char *key)
{
    wn_buf_put(b, ",\"", 2);
    wn_buf_puts(b, key);
    wn_buf_put(b, "\":", 2);
}

/* {"error":..,"reason":..,"file":..,"offset":N,"warc_record_id":..,"url":..} */
static void put_error_line(job *j, const char *msg)
{
    wn_buf *b = &j->out;
    b->n = 0;
    b->failed = 0;
    wn_buf_put(b, "{\"error\":", 9);
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
    wn_buf_put(b, "}\n", 2);
}

/* MARK: Run state ---------------------------------------------------------- */

/* Outcomes counted as jobs come back; output_bytes is the writer's own. */
typedef struct tally {
    uint64_t res[6];
    uint64_t truncated, html_bytes, error_lines;
} tally;

/* Several lanes: the finished jobs of one input file, waiting for its turn. */
typedef struct file_out {
    job *first, *last;
    int done;                    /* its end-of-file marker arrived */
} file_out;

struct run;

typedef struct lane {
    struct run *r;
    wn_pool *pool;
    pthread_t reader, consumer;
    int reader_started, consumer_started;
    tally t;                     /* one lane: the calling thread's; else under out_mu */
    atomic_uint_fast64_t cur_in; /* bytes read so far from the lane's current file */
} lane;

typedef struct run {
    const char *const *paths;
    size_t n_paths;
    uint64_t *sizes;             /* stat() sizes, 0 when unknown */
    uint64_t input_total;
    wn_batch_options opt;
    wn_status_set statuses;
    lane *lanes;
    unsigned n_lanes;
    atomic_size_t next_file;     /* the next file a reader takes */
    /* Written by the readers, read by the progress snapshot. */
    atomic_uint_fast64_t files, files_failed, seen;
    atomic_uint_fast64_t skipped_type, skipped_mime, skipped_status;
    atomic_uint_fast64_t done_bytes;   /* sizes of the files finished */
    atomic_int reader_nomem;
    /* Several lanes only. */
    pthread_mutex_t out_mu;
    pthread_cond_t out_ready;    /* the writer waits for lines of head_file */
    pthread_cond_t out_room;     /* consumers wait for buffer room */
    int out_sync;                /* the three above were initialised */
    file_out *outs;              /* one per input file */
    size_t buffered;             /* bytes of lines held in outs */
    size_t head_file;            /* the file the writer is writing */
    int out_cancelled;
} run;

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
    wn_buf art;                 /* the article object from wn_render */
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
static void put_members(wn_buf *b, const char *p, const char *end)
{
    int depth = 1, key_next = 1;

    wn_buf_reserve(b, (size_t)(end - p) + 16);
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
                wn_buf_puts(b, "\"canonical_url\"");
            else
                wn_buf_put(b, s, (size_t)(p - s));
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
        wn_buf_put(b, &c, 1);
    }
}

/* The article line: our record fields, then the members of the renderer's
 * object, spliced in after its opening brace. */
static int put_article_line(job *j, const wn_article *a, const wn_buf *art)
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

    wn_buf *b = &j->out;
    const char *charset = wn_article_get(a, WN_FIELD_ENCODING);
    wn_buf_reserve(b, (size_t)(end - p) + 256);
    wn_buf_put(b, "{\"url\":", 7);
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
        wn_buf_put(b, ",", 1);
    put_members(b, p, end);
    wn_buf_put(b, "\n", 1);
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
        w->art.limit = MAX_LINE_BYTES;
        j->out.limit = MAX_LINE_BYTES;
        st = wn_render(a, WN_FMT_JSON, r->opt.render_flags, wn_buf_sink, &w->art);
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
            wn_buf_fini(&w->art);
    }
    if (st != WN_OK) {
        j->result = classify(st);
        wn_buf_fini(&j->out);
        if (r->opt.error_lines)
            put_error_line(j, msg);
    }
}

/* MARK: Reader threads ------------------------------------------------------ */

/* Stop the whole run for lack of memory: the writer sees the flag. */
static int reader_out_of_memory(lane *L)
{
    atomic_store(&L->r->reader_nomem, 1);
    wn_pool_cancel(L->pool);
    return -1;
}

/* Hand a job to the lane's pool; on cancel the job is dropped. -1 means stop. */
static int submit(lane *L, job *j, size_t bytes)
{
    if (wn_pool_submit(L->pool, j, bytes, j->needs_work) != 0) {
        job_free(j);
        return -1;
    }
    return 0;
}

/* A job that only carries a failure to the writer, in order. */
static int submit_failure(lane *L, size_t fi, int result, uint64_t offset,
                          const wn_warc_record *rec, const char *msg)
{
    job *j = calloc(1, sizeof *j);
    if (j == NULL)
        return reader_out_of_memory(L);
    j->result = result;
    j->file_idx = fi;
    j->file = L->r->paths[fi];
    j->offset = offset;
    if (rec && job_set_meta(j, rec) != 0) {
        free(j);
        return reader_out_of_memory(L);
    }
    if (L->r->opt.error_lines)
        put_error_line(j, msg);
    return submit(L, j, j->out.n + 64);
}

/* Filter one good record; queue it for extraction when it passes. */
static int take_record(lane *L, size_t fi, const wn_warc_record *rec)
{
    run *r = L->r;

    if (rec->type == NULL || strcmp(rec->type, "response") != 0) {
        atomic_fetch_add(&r->skipped_type, 1);
        return 0;
    }
    /* An HTTP header that could not be read (over max_header_bytes, cut,
     * malformed) leaves no MIME type to filter on: that page is a failed read
     * with the reason, not "not HTML". */
    if (rec->mime == NULL && rec->payload_error != NULL)
        return submit_failure(L, fi, RES_READ, rec->offset, rec, rec->payload_error);
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
        return submit_failure(L, fi, RES_READ, rec->offset, rec, rec->payload_error);
    /* wn_extract would refuse it anyway: do not copy it first. */
    size_t max_in = r->opt.extract.max_input_bytes;
    if (max_in && rec->payload_len > max_in)
        return submit_failure(L, fi, RES_LIMIT, rec->offset, rec, "page larger than max_input_bytes");

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
    j->file_idx = fi;
    j->file = r->paths[fi];
    j->offset = rec->offset;
    j->http_status = rec->http_status;
    j->truncated = rec->payload_truncated || rec->truncated != NULL;
    return submit(L, j, rec->payload_len + 256);
nomem:
    job_free(j);
    return reader_out_of_memory(L);
}

/* The input "-" with no stdin_read given: file descriptor 0. */
static long fd0_read(void *ctx, void *buf, size_t n)
{
    (void)ctx;
    for (;;) {
        ssize_t r = read(0, buf, n);
        if (r < 0 && errno == EINTR)
            continue;
        return (long)r;
    }
}

/* Read every record of file fi into the lane's pool. Returns -1 to stop. */
static int read_file(lane *L, size_t fi)
{
    run *r = L->r;
    const char *path = r->paths[fi];
    wn_error err = {0};
    int stop = 0;

    atomic_fetch_add(&r->files, 1);
    atomic_store(&L->cur_in, 0);
    wn_warc *w;
    if (strcmp(path, "-") == 0)
        w = wn_warc_open_reader(r->opt.stdin_read ? r->opt.stdin_read : fd0_read,
                                r->opt.stdin_read ? r->opt.stdin_ctx : NULL, &r->opt.warc, &err);
    else
        w = wn_warc_open_file(path, &r->opt.warc, &err);
    if (w == NULL) {
        atomic_fetch_add(&r->files_failed, 1);
        stop = submit_failure(L, fi, RES_FILE, 0, NULL, err.msg ? err.msg : "cannot open file") != 0;
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
        atomic_store(&L->cur_in, in);
        if (st == WN_END)
            break;
        if (st == WN_ERR_IO || (st != WN_OK && err.offset == last_fail_rec && in == last_fail_in)) {
            atomic_fetch_add(&r->files_failed, 1);
            stop = submit_failure(L, fi, RES_FILE, err.offset, NULL,
                                  err.msg ? err.msg : wn_status_str(st)) != 0;
            break;
        }
        atomic_fetch_add(&r->seen, 1);
        if (st != WN_OK) {
            last_fail_rec = err.offset;
            last_fail_in = in;
            stop = submit_failure(L, fi, RES_READ, err.offset, NULL,
                                  err.msg ? err.msg : wn_status_str(st)) != 0;
            continue;
        }
        stop = take_record(L, fi, &rec) != 0;
    }
    wn_warc_close(w);
    /* In this order a progress snapshot may miss the file for a moment, but
     * never counts it twice. */
    atomic_store(&L->cur_in, 0);
    atomic_fetch_add(&r->done_bytes, r->sizes[fi]);
    if (!stop && r->n_lanes > 1) {
        /* Several lanes: tell the consumer the file is complete. */
        job *eof = calloc(1, sizeof *eof);
        if (eof == NULL)
            return reader_out_of_memory(L);
        eof->eof = 1;
        eof->file_idx = fi;
        stop = submit(L, eof, 0) != 0;
    }
    return stop ? -1 : 0;
}

/* Files are taken in input order from one counter, so with one lane they are
 * read in turn and with several each lane gets the next file free. */
static void *reader_main(void *arg)
{
    lane *L = arg;
    run *r = L->r;
    for (;;) {
        size_t fi = atomic_fetch_add(&r->next_file, 1);
        if (fi >= r->n_paths || read_file(L, fi) != 0)
            break;
    }
    wn_pool_close(L->pool);
    return NULL;
}

static void tally_job(tally *t, const job *j)
{
    t->res[j->result]++;
    if (j->result == RES_OK) {
        t->html_bytes += j->html_len;
        t->truncated += j->truncated != 0;
    } else if (j->out.n)
        t->error_lines++;
}

/* Several lanes: move the lane's finished jobs, in order, under their file.
 * Lines of a file that is not yet being written wait in memory up to
 * max_buffered_output; the file being written never waits, so the run always
 * moves on: its lane is never blocked by the cap. */
static void *consumer_main(void *arg)
{
    lane *L = arg;
    run *r = L->r;
    size_t max = r->opt.max_buffered_output ? r->opt.max_buffered_output : (size_t)512 << 20;

    for (;;) {
        void *vj = NULL;
        int rc = wn_pool_next(L->pool, 1000, &vj);
        if (rc == 0)
            continue;
        if (rc < 0)
            break;
        job *j = vj;
        pthread_mutex_lock(&r->out_mu);
        if (!j->eof)
            tally_job(&L->t, j);
        size_t n = j->out.n;
        while (!r->out_cancelled && j->file_idx != r->head_file && n > 0 && r->buffered > 0 &&
               r->buffered + n > max)
            pthread_cond_wait(&r->out_room, &r->out_mu);
        if (r->out_cancelled) {
            pthread_mutex_unlock(&r->out_mu);
            job_free(j);
            break;
        }
        size_t fi = j->file_idx;
        file_out *fo = &r->outs[fi];
        if (j->eof) {
            fo->done = 1;
            job_free(j);
        } else {
            j->next = NULL;
            if (fo->last)
                fo->last->next = j;
            else
                fo->first = j;
            fo->last = j;
            r->buffered += n;
        }
        if (fi == r->head_file)
            pthread_cond_signal(&r->out_ready);
        pthread_mutex_unlock(&r->out_mu);
    }
    pthread_mutex_lock(&r->out_mu);
    pthread_cond_broadcast(&r->out_ready);
    pthread_mutex_unlock(&r->out_mu);
    return NULL;
}

/* MARK: Writer (calling thread) --------------------------------------------- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void snapshot(run *r, uint64_t out_bytes, double t0, unsigned threads, wn_batch_stats *s)
{
    tally t;

    memset(&t, 0, sizeof t);
    if (r->out_sync)
        pthread_mutex_lock(&r->out_mu);
    for (unsigned l = 0; r->lanes && l < r->n_lanes; l++) {
        const tally *lt = &r->lanes[l].t;
        for (int i = 0; i < 6; i++)
            t.res[i] += lt->res[i];
        t.truncated += lt->truncated;
        t.html_bytes += lt->html_bytes;
        t.error_lines += lt->error_lines;
    }
    if (r->out_sync)
        pthread_mutex_unlock(&r->out_mu);

    memset(s, 0, sizeof *s);
    s->files = atomic_load(&r->files);
    s->files_failed = atomic_load(&r->files_failed);
    s->records_seen = atomic_load(&r->seen);
    s->skipped_type = atomic_load(&r->skipped_type);
    s->skipped_mime = atomic_load(&r->skipped_mime);
    s->skipped_status = atomic_load(&r->skipped_status);
    s->input_bytes = atomic_load(&r->done_bytes);
    for (unsigned l = 0; r->lanes && l < r->n_lanes; l++)
        s->input_bytes += atomic_load(&r->lanes[l].cur_in);
    s->input_total = r->input_total;
    s->extracted = t.res[RES_OK];
    s->failed_read = t.res[RES_READ];
    s->failed_extract = t.res[RES_EXTRACT];
    s->failed_limit = t.res[RES_LIMIT];
    s->failed_timeout = t.res[RES_TIMEOUT];
    s->truncated = t.truncated;
    s->html_bytes = t.html_bytes;
    s->output_bytes = out_bytes;
    s->error_lines = t.error_lines;
    s->elapsed_s = now_s() - t0;
    s->threads = threads;
    s->readers = r->n_lanes;
}

/* Progress pacing for the writer loops. */
typedef struct pacer {
    run *r;
    double t0, next;
    unsigned every_ms, threads;
    const uint64_t *out_bytes;
} pacer;

/* Milliseconds until the next progress call (1000 when there is no callback). */
static unsigned pace_wait(const pacer *pc)
{
    if (pc->r->opt.progress == NULL)
        return 1000;
    double left = pc->next - now_s();
    return left <= 0 ? 0 : (unsigned)(left * 1000) + 1;
}

static void pace_tick(pacer *pc)
{
    if (pc->r->opt.progress == NULL || now_s() < pc->next)
        return;
    wn_batch_stats s;
    snapshot(pc->r, *pc->out_bytes, pc->t0, pc->threads, &s);
    pc->r->opt.progress(pc->r->opt.progress_ctx, &s, 0);
    pc->next = now_s() + pc->every_ms / 1000.0;
}

/* One lane: lines come out of its pool already in input order. */
static wn_status write_single(run *r, wn_sink_fn sink, void *ctx, uint64_t *out_bytes, pacer *pc)
{
    lane *L = &r->lanes[0];
    for (;;) {
        void *vj = NULL;
        int rc = wn_pool_next(L->pool, pace_wait(pc), &vj);
        if (rc == 1) {
            job *j = vj;
            tally_job(&L->t, j);
            if (j->out.n) {
                if (sink(ctx, j->out.p, j->out.n) != 0) {
                    job_free(j);
                    return WN_ERR_IO;
                }
                *out_bytes += j->out.n;
            }
            job_free(j);
        } else if (rc < 0)
            return WN_OK;
        pace_tick(pc);
    }
}

/* Several lanes: write file after file, each as its lines arrive. */
static wn_status write_lanes(run *r, wn_sink_fn sink, void *ctx, uint64_t *out_bytes, pacer *pc)
{
    wn_status st = WN_OK;
    size_t k = 0;

    while (k < r->n_paths) {
        pthread_mutex_lock(&r->out_mu);
        file_out *fo = &r->outs[k];
        while (fo->first == NULL && !fo->done && !r->out_cancelled &&
               !atomic_load(&r->reader_nomem)) {
            unsigned ms = pace_wait(pc);
            if (ms == 0)
                break;
            struct timespec until;
            clock_gettime(CLOCK_MONOTONIC, &until);
            until.tv_sec += ms / 1000;
            until.tv_nsec += (long)(ms % 1000) * 1000000L;
            if (until.tv_nsec >= 1000000000L) {
                until.tv_sec++;
                until.tv_nsec -= 1000000000L;
            }
            if (pthread_cond_timedwait(&r->out_ready, &r->out_mu, &until) == ETIMEDOUT)
                break;
        }
        job *list = fo->first;
        fo->first = fo->last = NULL;
        size_t bytes = 0;
        for (job *j = list; j; j = j->next)
            bytes += j->out.n;
        r->buffered -= bytes;
        if (list == NULL && fo->done) {
            r->head_file = ++k;   /* the next file's lane may stop waiting */
            pthread_cond_broadcast(&r->out_room);
        } else if (bytes)
            pthread_cond_broadcast(&r->out_room);
        int stop = r->out_cancelled || atomic_load(&r->reader_nomem);
        pthread_mutex_unlock(&r->out_mu);

        while (list) {
            job *j = list;
            list = j->next;
            if (st == WN_OK && j->out.n) {
                if (sink(ctx, j->out.p, j->out.n) != 0)
                    st = WN_ERR_IO;
                else
                    *out_bytes += j->out.n;
            }
            job_free(j);
        }
        if (st != WN_OK || stop)
            break;
        pace_tick(pc);
    }
    return st;
}

/* Stop every lane: readers, workers and consumers return promptly. */
static void cancel_all(run *r)
{
    if (r->out_sync) {
        pthread_mutex_lock(&r->out_mu);
        r->out_cancelled = 1;
        pthread_cond_broadcast(&r->out_room);
        pthread_cond_broadcast(&r->out_ready);
        pthread_mutex_unlock(&r->out_mu);
    }
    for (unsigned l = 0; r->lanes && l < r->n_lanes; l++)
        if (r->lanes[l].pool)
            wn_pool_cancel(r->lanes[l].pool);
}

#define BAD_STATUSES "bad status list (want e.g. \"200,301\", \"2xx\" or \"all\")"

WN_API void wn_batch_options_init(wn_batch_options *o)
{
    if (o == NULL)
        return;
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
    o->max_buffered_output = (size_t)512 << 20;
}

WN_API wn_status wn_batch_options_check(const wn_batch_options *o, wn_error *err)
{
    wn_status_set set;
    if (o == NULL) {
        wn_set_error(err, WN_ERR_ARG, "no options", 0);
        return WN_ERR_ARG;
    }
    if (wn_status_set_parse(&set, o->statuses) != 0) {
        wn_set_error(err, WN_ERR_ARG, BAD_STATUSES, 0);
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

/* Readers for a run: one reader's gunzip feeds about six workers (see
 * docs/internals/BATCH.md), and more readers than files would idle. */
static unsigned pick_readers(unsigned asked, unsigned threads, size_t files)
{
    unsigned n = asked ? asked : threads >= 8 ? (threads + 5) / 6 : 1;
    if (n > threads)
        n = threads;
    if (files < n)
        n = files ? (unsigned)files : 1;
    return n ? n : 1;
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
    uint64_t out_bytes = 0;
    double t0 = now_s();

    if (stats)
        memset(stats, 0, sizeof *stats);
    if ((paths == NULL && n > 0) || sink == NULL) {
        wn_set_error(err, WN_ERR_ARG, "no paths or no sink", 0);
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
        wn_set_error(err, st, BAD_STATUSES, 0);
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
        r->input_total += r->sizes[i];
    }

    threads = r->opt.threads ? r->opt.threads : online_cpus();
    r->n_lanes = pick_readers(r->opt.readers, threads, n);
    workers = calloc(threads, sizeof *workers);
    ctxs = calloc(threads, sizeof *ctxs);
    r->lanes = calloc(r->n_lanes, sizeof *r->lanes);
    if (workers == NULL || ctxs == NULL || r->lanes == NULL)
        goto nomem;
    for (unsigned i = 0; i < threads; i++) {
        workers[i].r = r;
        ctxs[i] = &workers[i];
    }
    if (r->n_lanes > 1) {
        r->outs = calloc(n, sizeof *r->outs);
        if (r->outs == NULL)
            goto nomem;
        pthread_condattr_t ca;
        pthread_condattr_init(&ca);
        pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
        pthread_mutex_init(&r->out_mu, NULL);
        pthread_cond_init(&r->out_ready, &ca);
        pthread_cond_init(&r->out_room, NULL);
        pthread_condattr_destroy(&ca);
        r->out_sync = 1;
    }

    /* The job and byte budgets are shared out between the lanes. 64 queued
     * records per worker hide the jitter of page costs; the byte cap, not
     * this, is what bounds memory on big pages. */
    size_t jobs = r->opt.max_jobs_in_flight ? r->opt.max_jobs_in_flight
                                            : (size_t)threads * 64;
    size_t bytes = r->opt.max_bytes_in_flight ? r->opt.max_bytes_in_flight : SIZE_MAX;
    unsigned first = 0;
    for (unsigned l = 0; l < r->n_lanes; l++) {
        lane *L = &r->lanes[l];
        unsigned nw = threads / r->n_lanes + (l < threads % r->n_lanes);
        size_t lj = jobs / r->n_lanes;
        L->r = r;
        /* -j 1: the reader extracts too, so a one-core task keeps to one
         * busy thread (a second thread would only compete for that core). */
        wn_pool_config pc = {
            .threads = threads == 1 ? 0 : nw,
            .max_jobs = lj == 0 ? 1 : lj > 65536 ? 65536 : (unsigned)lj,
            .max_bytes = bytes == SIZE_MAX ? SIZE_MAX : bytes / r->n_lanes,
            .work = work,
            .worker_ctx = ctxs + first,
        };
        first += nw;
        L->pool = wn_pool_new(&pc);
        if (L->pool == NULL)
            goto nomem;
    }
    for (unsigned l = 0; l < r->n_lanes; l++) {
        lane *L = &r->lanes[l];
        if (pthread_create(&L->reader, NULL, reader_main, L) != 0)
            goto nomem;
        L->reader_started = 1;
        if (r->n_lanes > 1) {
            if (pthread_create(&L->consumer, NULL, consumer_main, L) != 0)
                goto nomem;
            L->consumer_started = 1;
        }
    }

    pacer pc = {r, t0, 0, r->opt.progress_ms ? r->opt.progress_ms : 250, threads, &out_bytes};
    pc.next = t0 + pc.every_ms / 1000.0;
    if (r->n_lanes == 1)
        st = write_single(r, sink, sink_ctx, &out_bytes, &pc);
    else
        st = write_lanes(r, sink, sink_ctx, &out_bytes, &pc);
    if (st == WN_ERR_IO)
        wn_set_error(err, st, "the output sink failed", 0);
    goto done;

nomem:
    st = WN_ERR_NOMEM;
    wn_set_error(err, st, "out of memory starting the batch", 0);
done:
    /* A failed run, or a reader out of memory, leaves other lanes blocked on
     * full pools or on buffer room: release them before joining. */
    if (r && (st != WN_OK || atomic_load(&r->reader_nomem)))
        cancel_all(r);
    for (unsigned l = 0; r && r->lanes && l < r->n_lanes; l++) {
        lane *L = &r->lanes[l];
        if (L->reader_started)
            pthread_join(L->reader, NULL);
        if (L->consumer_started)
            pthread_join(L->consumer, NULL);
    }
    for (unsigned l = 0; r && r->lanes && l < r->n_lanes; l++)
        wn_pool_free(r->lanes[l].pool, job_free);
    if (r && st == WN_OK && atomic_load(&r->reader_nomem)) {
        st = WN_ERR_NOMEM;
        wn_set_error(err, st, "out of memory reading records", 0);
    }
    for (size_t i = 0; r && r->outs && i < n; i++) {
        while (r->outs[i].first) {
            job *j = r->outs[i].first;
            r->outs[i].first = j->next;
            job_free(j);
        }
    }
    for (unsigned i = 0; workers && i < threads; i++) {
        for (unsigned k = 0; k < EXTRACTOR_CACHE; k++)
            if (workers[i].cache[k].used)
                wn_extractor_free(workers[i].cache[k].ex);
        wn_buf_fini(&workers[i].art);
    }
    if (r) {
        wn_batch_stats s;
        snapshot(r, out_bytes, t0, threads, &s);
        if (stats)
            *stats = s;
        if (r->opt.progress && r->sizes)
            r->opt.progress(r->opt.progress_ctx, &s, 1);
        if (r->out_sync) {
            pthread_cond_destroy(&r->out_ready);
            pthread_cond_destroy(&r->out_room);
            pthread_mutex_destroy(&r->out_mu);
        }
        free(r->outs);
        free(r->lanes);
        free(r->sizes);
    }
    free(workers);
    free(ctxs);
    free(r);
    return st;
}
