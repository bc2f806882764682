/*
 * test_batch.c: the batch driver. The ordered pool must hand jobs back in
 * submission order whatever the workers' timing, never hold more than its job
 * and byte caps, and stop cleanly when cancelled. Also the status/MIME filters,
 * the JSON string writer, the stats object, and wn_batch_run() itself on WARC
 * files written here: order under tight caps, sink failure, progress calls.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "batch/batch.h"
#include "check.h"

/* MARK: Pool */

typedef struct tjob {
    uint64_t seq;
    unsigned delay_us;
    int worked;
    size_t bytes;
} tjob;

static atomic_int in_work, max_in_work;

static void sleep_us(unsigned us)
{
    struct timespec ts = {us / 1000000, (long)(us % 1000000) * 1000};
    nanosleep(&ts, NULL);
}

static void tjob_work(void *ctx, void *vj)
{
    tjob *j = vj;
    (void)ctx;
    int now = atomic_fetch_add(&in_work, 1) + 1;
    int seen = atomic_load(&max_in_work);
    while (now > seen && !atomic_compare_exchange_weak(&max_in_work, &seen, now))
        ;
    sleep_us(j->delay_us);
    j->worked++;
    atomic_fetch_sub(&in_work, 1);
}

/* Producer thread state: submits `count` jobs, tracking the peak of
 * submitted-but-not-yet-taken jobs and bytes as seen from outside. */
typedef struct producer {
    wn_pool *pool;
    unsigned count;
    size_t job_bytes;
    int pass_every;              /* every Nth job skips the workers (0: none) */
    atomic_uint_fast64_t submitted;
    int failed_submit;
} producer;

static void *producer_main(void *arg)
{
    producer *pr = arg;
    unsigned seed = 12345;
    for (unsigned i = 0; i < pr->count; i++) {
        tjob *j = calloc(1, sizeof *j);
        j->seq = i;
        seed = seed * 1103515245u + 12345u;
        /* 0..2 ms: enough spread that later jobs often finish first */
        j->delay_us = (seed >> 16) % 2000;
        j->bytes = pr->job_bytes;
        int needs = !(pr->pass_every && i % (unsigned)pr->pass_every == 0);
        if (wn_pool_submit(pr->pool, j, j->bytes, needs) != 0) {
            free(j);
            pr->failed_submit = 1;
            break;
        }
        atomic_fetch_add(&pr->submitted, 1);
    }
    wn_pool_close(pr->pool);
    return NULL;
}

static void run_order(unsigned threads, unsigned max_jobs, size_t max_bytes, size_t job_bytes,
                      int pass_every)
{
    wn_pool_config cfg = {threads, max_jobs, max_bytes, tjob_work, NULL};
    wn_pool *p = wn_pool_new(&cfg);
    CHECK(p != NULL);
    if (p == NULL)
        return;
    atomic_store(&in_work, 0);
    atomic_store(&max_in_work, 0);
    producer pr = {.pool = p, .count = 400, .job_bytes = job_bytes, .pass_every = pass_every};
    pthread_t tid;
    pthread_create(&tid, NULL, producer_main, &pr);

    uint64_t expect = 0, taken = 0, peak_outstanding = 0;
    int order_ok = 1, work_ok = 1;
    void *vj;
    int rc;
    while ((rc = wn_pool_next(p, 1000, &vj)) != -1) {
        if (rc == 0)
            continue;
        tjob *j = vj;
        taken++;
        uint64_t outstanding = atomic_load(&pr.submitted) - taken + 1;
        if (outstanding > peak_outstanding)
            peak_outstanding = outstanding;
        if (j->seq != expect)
            order_ok = 0;
        int needs = !(pass_every && j->seq % (unsigned)pass_every == 0);
        if (j->worked != needs)
            work_ok = 0;
        expect++;
        free(j);
    }
    pthread_join(tid, NULL);
    wn_pool_free(p, free);
    CHECK(order_ok);
    CHECK(work_ok);
    CHECK_EQ_INT(taken, 400);
    CHECK(!pr.failed_submit);
    CHECK(atomic_load(&max_in_work) <= (int)(threads ? threads : 1));
    /* Never more outstanding than the job cap, nor than the byte cap allows.
     * Seen from outside, the job just taken and a new one the producer slipped
     * into its slot can both count: one job of slack. */
    CHECK(peak_outstanding <= max_jobs + 1);
    if (job_bytes)
        CHECK(peak_outstanding * job_bytes <=
              (max_bytes > job_bytes ? max_bytes : job_bytes) + job_bytes);
}

static void test_pool_order_1_thread(void)
{
    run_order(1, 8, SIZE_MAX, 0, 0);
}

/* No worker threads (-j 1): the producer does the work inside submit. */
static void test_pool_order_inline(void)
{
    run_order(0, 8, SIZE_MAX, 0, 0);
    run_order(0, 4, SIZE_MAX, 0, 3);   /* with pass-through jobs between */
}

static void test_pool_order_4_threads(void)
{
    run_order(4, 16, SIZE_MAX, 0, 0);
}

static void test_pool_order_8_threads_small_ring(void)
{
    /* A ring smaller than the thread count: workers must still all progress. */
    run_order(8, 3, SIZE_MAX, 0, 0);
}

static void test_pool_byte_cap(void)
{
    /* 1000-byte jobs under a 3500-byte cap: at most 3 in flight. */
    run_order(4, 64, 3500, 1000, 0);
}

static void test_pool_job_bigger_than_cap(void)
{
    /* Each job alone exceeds the cap: they must pass one at a time, not hang. */
    run_order(2, 64, 100, 1000, 0);
}

static void test_pool_pass_through(void)
{
    /* Every third job skips the workers but keeps its place. */
    run_order(3, 10, SIZE_MAX, 0, 3);
}

static void test_pool_timeout_and_empty(void)
{
    wn_pool_config cfg = {2, 4, 0, tjob_work, NULL};
    cfg.max_bytes = SIZE_MAX;
    wn_pool *p = wn_pool_new(&cfg);
    void *vj = NULL;
    CHECK(p != NULL);
    /* Nothing submitted, not closed: a short wait times out. */
    CHECK_EQ_INT(wn_pool_next(p, 20, &vj), 0);
    wn_pool_close(p);
    CHECK_EQ_INT(wn_pool_next(p, 20, &vj), -1);
    wn_pool_free(p, free);
}

static void test_pool_cancel(void)
{
    wn_pool_config cfg = {2, 4, SIZE_MAX, tjob_work, NULL};
    wn_pool *p = wn_pool_new(&cfg);
    CHECK(p != NULL);
    producer pr = {.pool = p, .count = 1000, .job_bytes = 1};
    pthread_t tid;
    pthread_create(&tid, NULL, producer_main, &pr);
    void *vj;
    int got = 0;
    while (got < 5) {
        if (wn_pool_next(p, 1000, &vj) == 1) {
            free(vj);
            got++;
        }
    }
    /* The producer is blocked on the full ring; cancel must release it. */
    wn_pool_cancel(p);
    pthread_join(tid, NULL);
    CHECK(pr.failed_submit);
    CHECK_EQ_INT(wn_pool_next(p, 10, &vj), -1);
    wn_pool_free(p, free);   /* frees what is left in the ring; ASan checks leaks */
}

/* MARK: Filters */

static void test_status_set(void)
{
    wn_status_set s;
    CHECK_EQ_INT(wn_status_set_parse(&s, NULL), 0);
    CHECK(wn_status_set_has(&s, 200));
    CHECK(wn_status_set_has(&s, 204));
    CHECK(wn_status_set_has(&s, 299));
    CHECK(!wn_status_set_has(&s, 199));
    CHECK(!wn_status_set_has(&s, 300));
    CHECK(!wn_status_set_has(&s, 0));

    CHECK_EQ_INT(wn_status_set_parse(&s, "200,301"), 0);
    CHECK(wn_status_set_has(&s, 200));
    CHECK(wn_status_set_has(&s, 301));
    CHECK(!wn_status_set_has(&s, 302));
    CHECK(!wn_status_set_has(&s, 201));

    CHECK_EQ_INT(wn_status_set_parse(&s, "3xx,404"), 0);
    CHECK(wn_status_set_has(&s, 300));
    CHECK(wn_status_set_has(&s, 399));
    CHECK(wn_status_set_has(&s, 404));
    CHECK(!wn_status_set_has(&s, 200));

    CHECK_EQ_INT(wn_status_set_parse(&s, "all"), 0);
    CHECK(wn_status_set_has(&s, 0));
    CHECK(wn_status_set_has(&s, 999));
    CHECK(!wn_status_set_has(&s, 1000));
    CHECK(!wn_status_set_has(&s, -1));

    CHECK_EQ_INT(wn_status_set_parse(&s, ""), -1);
    CHECK_EQ_INT(wn_status_set_parse(&s, "20"), -1);
    CHECK_EQ_INT(wn_status_set_parse(&s, "2000"), -1);
    CHECK_EQ_INT(wn_status_set_parse(&s, "200,"), -1);
    CHECK_EQ_INT(wn_status_set_parse(&s, "x00"), -1);
}

static void test_mime_match(void)
{
    CHECK(wn_mime_match(NULL, "text/html"));
    CHECK(wn_mime_match(NULL, "application/xhtml+xml"));
    CHECK(!wn_mime_match(NULL, "text/plain"));
    CHECK(!wn_mime_match(NULL, "text/htmlx"));
    CHECK(!wn_mime_match(NULL, NULL));
    CHECK(wn_mime_match("text/*", "text/plain"));
    CHECK(!wn_mime_match("text/*", "textual/plain"));
    CHECK(wn_mime_match("image/png, Text/HTML", "text/html"));
    CHECK(wn_mime_match("*", "application/octet-stream"));
    CHECK(!wn_mime_match("", "text/html"));
}

/* MARK: JSON */

static void test_json_strings(void)
{
    wn_buf b = {0};
    wn_json_put_str(&b, "a\"b\\c\nd\x01");
    CHECK_EQ_MEM(b.p, b.n, "\"a\\\"b\\\\c\\nd\\u0001\"");
    b.n = 0;
    wn_json_put_str(&b, NULL);
    CHECK_EQ_MEM(b.p, b.n, "null");
    b.n = 0;
    /* Valid UTF-8 (é, €, U+1F600) passes; a lone continuation byte, an
     * overlong "/" and an encoded surrogate each become \ufffd per byte. */
    wn_json_put_str(&b, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80");
    CHECK_EQ_MEM(b.p, b.n, "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"");
    b.n = 0;
    wn_json_put_str(&b, "\x80");
    CHECK_EQ_MEM(b.p, b.n, "\"\\ufffd\"");
    b.n = 0;
    wn_json_put_str(&b, "\xC0\xAF");
    CHECK_EQ_MEM(b.p, b.n, "\"\\ufffd\\ufffd\"");
    b.n = 0;
    wn_json_put_str(&b, "\xED\xA0\x80");
    CHECK_EQ_MEM(b.p, b.n, "\"\\ufffd\\ufffd\\ufffd\"");
    b.n = 0;
    /* A sequence cut by the end of the string. */
    wn_json_put_string(&b, "x\xE2\x82", 3);
    CHECK_EQ_MEM(b.p, b.n, "\"x\\ufffd\\ufffd\"");
    b.n = 0;
    wn_json_put_u64(&b, 0);
    wn_buf_put(&b, " ", 1);
    wn_json_put_u64(&b, UINT64_MAX);
    CHECK_EQ_MEM(b.p, b.n, "0 18446744073709551615");
    wn_buf_fini(&b);
}

/* A WARC JSON line holds the record's fields (written here) and the article's
 * members (written by the renderer): both escape alike, DEL and U+2028/U+2029
 * included, which the batch writer used to copy raw. */
static void test_json_escapes_like_the_article(void)
{
    static const char in[] = "a\x7f\xE2\x80\xA8\xE2\x80\xA9\x80z";
    wn_buf b = {0}, art = {0};
    wn_json_put_str(&b, in);
    CHECK_EQ_MEM(b.p, b.n, "\"a\\u007f\\u2028\\u2029\\ufffdz\"");
    wn_buf_putc(&art, '"');
    wn_json_escape(&art, in, sizeof in - 1);
    wn_buf_putc(&art, '"');
    CHECK_EQ_MEM(art.p, art.n, "\"a\\u007f\\u2028\\u2029\\ufffdz\"");
    wn_buf_fini(&b);
    wn_buf_fini(&art);
}

static void test_buf_cap(void)
{
    wn_buf b = {0};
    b.limit = 10;
    wn_buf_puts(&b, "12345678");
    CHECK(!b.failed);
    wn_buf_puts(&b, "abc");
    CHECK(b.failed);
    CHECK_EQ_INT(b.n, 8);
    CHECK_EQ_INT(wn_buf_sink(&b, "z", 1), -1);
    wn_buf_fini(&b);
}

static void test_stats_json(void)
{
    wn_batch_stats s;
    memset(&s, 0, sizeof s);
    s.files = 2;
    s.records_seen = 10;
    s.extracted = 4;
    s.skipped_type = 3;
    s.skipped_mime = 1;
    s.failed_read = 1;
    s.failed_timeout = 1;
    s.threads = 4;
    s.readers = 2;
    s.elapsed_s = 1.5;
    wn_buf b = {0};
    CHECK_EQ_INT(wn_batch_stats_json(&s, wn_buf_sink, &b), WN_OK);
    CHECK_EQ_MEM(b.p, b.n,
                 "{\"files\":2,\"files_failed\":0,\"records_seen\":10,\"extracted\":4,"
                 "\"skipped\":4,\"skipped_type\":3,\"skipped_mime\":1,\"skipped_status\":0,"
                 "\"failed\":2,\"failed_read\":1,\"failed_extract\":0,\"failed_limit\":0,"
                 "\"failed_timeout\":1,\"truncated\":0,\"input_bytes\":0,\"input_total\":0,"
                 "\"html_bytes\":0,\"output_bytes\":0,\"error_lines\":0,\"threads\":4,"
                 "\"readers\":2,\"elapsed_s\":1.500}\n");
    wn_buf_fini(&b);
}

/* MARK: wn_batch_run */

static char *make_warc_at(char *path, int n, int first);

/* Append one response record with an HTTP 200 text/html block to f. */
static void put_response(FILE *f, const char *uri, const char *html)
{
    char http[256];
    int hn = snprintf(http, sizeof http,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %zu\r\n\r\n",
                      strlen(html));
    fprintf(f, "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
               "WARC-Date: 2024-01-02T03:04:05Z\r\nWARC-Record-ID: <urn:test:%s>\r\n"
               "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n",
            uri, uri, (size_t)hn + strlen(html));
    fputs(http, f);
    fputs(html, f);
    fputs("\r\n\r\n", f);
}

/* A WARC of n article pages titled "Page 0".."Page n-1"; returns its path. */
static char *make_warc(int n)
{
    static char path[64];
    return make_warc_at(path, n, 0);
}

/* The same into path (at least 32 bytes), pages numbered from first. */
static char *make_warc_at(char *path, int n, int first)
{
    strcpy(path, "/tmp/test_batch_XXXXXX");
    int fd = mkstemp(path);
    FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (f == NULL)
        return NULL;
    for (int k = first; k < first + n; k++) {
        char uri[64], html[1024];
        int i = k;
        snprintf(uri, sizeof uri, "http://t.example/%d", i);
        snprintf(html, sizeof html,
                 "<html><head><title>Page %d</title></head><body><article><h1>Page %d</h1>"
                 "<p>Paragraph one of page %d has enough words to be taken for article text.</p>"
                 "<p>Paragraph two of page %d also has enough words to be kept as text.</p>"
                 "</article></body></html>", i, i, i, i);
        put_response(f, uri, html);
    }
    fclose(f);
    return path;
}

typedef struct capture {
    wn_buf out;
    int calls, fail_at;   /* fail_at: sink call that fails (0: never) */
} capture;

static int capture_sink(void *ctx, const char *p, size_t n)
{
    capture *c = ctx;
    c->calls++;
    if (c->fail_at && c->calls >= c->fail_at)
        return -1;
    return wn_buf_sink(&c->out, p, n);
}

static void test_run_order_tight_caps(void)
{
    const char *path = make_warc(200);
    CHECK(path != NULL);
    if (path == NULL)
        return;
    const char *paths[1] = {path};
    wn_batch_options o;
    wn_batch_options_init(&o);
    o.threads = 4;
    o.max_jobs_in_flight = 2;    /* fewer slots than workers */
    o.max_bytes_in_flight = 1;   /* every record alone exceeds the budget */
    capture c = {{0}, 0, 0};
    wn_batch_stats st;
    CHECK_EQ_INT(wn_batch_run(paths, 1, &o, capture_sink, &c, &st, NULL), WN_OK);
    CHECK_EQ_INT(st.records_seen, 200);
    CHECK_EQ_INT(st.extracted, 200);
    CHECK_EQ_INT(st.threads, 4);
    CHECK_EQ_INT(c.calls, 200);
    /* Lines in input order: the n-th line names page n. */
    int in_order = 1, line = 0;
    const char *p = c.out.p, *end = c.out.p + c.out.n;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        char want[64];
        snprintf(want, sizeof want, "{\"url\":\"http://t.example/%d\",", line);
        if (nl == NULL || strncmp(p, want, strlen(want)) != 0)
            in_order = 0;
        line++;
        p = nl ? nl + 1 : end;
    }
    CHECK(in_order);
    CHECK_EQ_INT(line, 200);
    wn_buf_fini(&c.out);
    unlink(path);
}

static void test_run_sink_failure(void)
{
    const char *path = make_warc(100);
    CHECK(path != NULL);
    if (path == NULL)
        return;
    const char *paths[1] = {path};
    wn_batch_options o;
    wn_batch_options_init(&o);
    o.threads = 2;
    o.max_jobs_in_flight = 4;
    capture c = {{0}, 0, 3};
    wn_batch_stats st;
    wn_error err = {WN_OK, NULL, 0};
    /* The third line fails: the run stops with WN_ERR_IO, without hanging,
     * and the two lines before it were delivered. */
    CHECK_EQ_INT(wn_batch_run(paths, 1, &o, capture_sink, &c, &st, &err), WN_ERR_IO);
    CHECK_EQ_INT(err.status, WN_ERR_IO);
    CHECK(err.msg != NULL);
    CHECK_EQ_INT(c.calls, 3);
    CHECK_EQ_INT(st.output_bytes, c.out.n);
    CHECK(st.records_seen < 100);   /* the reader was stopped early */
    wn_buf_fini(&c.out);
    unlink(path);
}

typedef struct prog_log {
    int calls, finals;
    wn_batch_stats last;
} prog_log;

static void on_prog(void *ctx, const wn_batch_stats *s, int final)
{
    prog_log *l = ctx;
    l->calls++;
    l->finals += final != 0;
    l->last = *s;
}

static void test_run_progress_and_args(void)
{
    const char *path = make_warc(20);
    CHECK(path != NULL);
    if (path == NULL)
        return;
    const char *paths[2] = {path, "/nonexistent/dir/x.warc"};
    wn_batch_options o;
    wn_batch_options_init(&o);
    o.threads = 2;
    prog_log l = {0, 0, {0}};
    o.progress = on_prog;
    o.progress_ctx = &l;
    capture c = {{0}, 0, 0};
    wn_batch_stats st;
    CHECK_EQ_INT(wn_batch_run(paths, 2, &o, capture_sink, &c, &st, NULL), WN_OK);
    /* exactly one final call, with the same counters as the result */
    CHECK_EQ_INT(l.finals, 1);
    CHECK_EQ_INT(l.last.extracted, 20);
    CHECK_EQ_INT(st.extracted, 20);
    CHECK_EQ_INT(st.files, 2);
    CHECK_EQ_INT(st.files_failed, 1);
    CHECK_EQ_INT(st.error_lines, 1);
    CHECK_EQ_INT(c.calls, 21);
    wn_buf_fini(&c.out);

    /* bad arguments are refused before anything runs */
    CHECK_EQ_INT(wn_batch_options_check(&o, NULL), WN_OK);
    o.statuses = "2x";
    wn_error e2 = {WN_OK, NULL, 0};
    CHECK_EQ_INT(wn_batch_options_check(&o, &e2), WN_ERR_ARG);
    CHECK(e2.msg != NULL);
    CHECK_EQ_INT(wn_batch_run(paths, 1, &o, capture_sink, &c, &st, NULL), WN_ERR_ARG);
    o.statuses = NULL;
    CHECK_EQ_INT(wn_batch_run(paths, 1, &o, NULL, NULL, &st, NULL), WN_ERR_ARG);
    /* no paths: nothing to do, nothing written */
    capture e = {{0}, 0, 0};
    CHECK_EQ_INT(wn_batch_run(NULL, 0, &o, capture_sink, &e, &st, NULL), WN_OK);
    CHECK_EQ_INT(st.records_seen, 0);
    CHECK_EQ_INT(e.calls, 0);
    unlink(path);
}

/* Several readers: the same bytes and counters as one, whatever the buffer
 * cap, with a missing file in the middle; and a sink failure stops them all. */
static void test_run_readers(void)
{
    enum { NF = 6 };
    char p[NF][32];
    const char *paths[NF + 1];
    int sizes[NF] = {40, 3, 25, 0, 60, 12};
    int first = 0, total = 0;
    for (int i = 0; i < NF; i++) {
        CHECK(make_warc_at(p[i], sizes[i], first) != NULL);
        first += sizes[i];
        total += sizes[i];
    }
    for (int i = 0; i < 3; i++)
        paths[i] = p[i];
    paths[3] = "/nonexistent/dir/y.warc";   /* in place of the empty file */
    for (int i = 4; i < NF; i++)
        paths[i] = p[i];
    total -= sizes[3];

    wn_batch_options o;
    wn_batch_options_init(&o);
    o.threads = 4;
    o.readers = 1;
    capture one = {{0}, 0, 0};
    wn_batch_stats s1;
    CHECK_EQ_INT(wn_batch_run(paths, NF, &o, capture_sink, &one, &s1, NULL), WN_OK);
    CHECK_EQ_INT(s1.readers, 1);
    CHECK_EQ_INT(s1.extracted, total);
    CHECK_EQ_INT(s1.files_failed, 1);

    size_t caps[2] = {(size_t)512 << 20, 1};   /* ample, and a 1-byte cap */
    for (int c = 0; c < 2; c++) {
        o.readers = 3;
        o.max_buffered_output = caps[c];
        capture many = {{0}, 0, 0};
        wn_batch_stats s3;
        CHECK_EQ_INT(wn_batch_run(paths, NF, &o, capture_sink, &many, &s3, NULL), WN_OK);
        CHECK_EQ_INT(s3.readers, 3);
        CHECK_EQ_INT(s3.threads, 4);
        CHECK_EQ_INT(s3.records_seen, s1.records_seen);
        CHECK_EQ_INT(s3.extracted, s1.extracted);
        CHECK_EQ_INT(s3.files, NF);
        CHECK_EQ_INT(s3.files_failed, 1);
        CHECK_EQ_INT(s3.error_lines, 1);
        CHECK_EQ_INT(s3.output_bytes, s1.output_bytes);
        CHECK_EQ_INT(s3.input_bytes, s1.input_bytes);
        CHECK(many.out.n == one.out.n && memcmp(many.out.p, one.out.p, one.out.n) == 0);
        wn_buf_fini(&many.out);
    }

    /* readers are capped by the files */
    o.readers = 50;
    capture few = {{0}, 0, 0};
    wn_batch_stats s4;
    CHECK_EQ_INT(wn_batch_run(paths, 2, &o, capture_sink, &few, &s4, NULL), WN_OK);
    CHECK_EQ_INT(s4.readers, 2);
    wn_buf_fini(&few.out);

    /* a sink failure with several readers: no hang, WN_ERR_IO */
    o.readers = 3;
    o.max_buffered_output = 1;
    capture bad = {{0}, 0, 10};
    CHECK_EQ_INT(wn_batch_run(paths, NF, &o, capture_sink, &bad, &s4, NULL), WN_ERR_IO);
    CHECK_EQ_INT(bad.calls, 10);
    wn_buf_fini(&bad.out);

    wn_buf_fini(&one.out);
    for (int i = 0; i < NF; i++)
        unlink(p[i]);
}

int main(void)
{
    RUN(test_pool_order_1_thread);
    RUN(test_pool_order_inline);
    RUN(test_pool_order_4_threads);
    RUN(test_pool_order_8_threads_small_ring);
    RUN(test_pool_byte_cap);
    RUN(test_pool_job_bigger_than_cap);
    RUN(test_pool_pass_through);
    RUN(test_pool_timeout_and_empty);
    RUN(test_pool_cancel);
    RUN(test_status_set);
    RUN(test_mime_match);
    RUN(test_json_strings);
    RUN(test_json_escapes_like_the_article);
    RUN(test_buf_cap);
    RUN(test_stats_json);
    RUN(test_run_order_tight_caps);
    RUN(test_run_sink_failure);
    RUN(test_run_progress_and_args);
    RUN(test_run_readers);
    CHECK_DONE();
}
