/*
 * test_warc.c: the streaming WARC reader. Fixtures are built here by code
 * (records, gzip members, zstd frames, deliberate damage), some written to
 * build/ to exercise wn_warc_open_file. Each test states the exact accounting
 * it expects: which records come back, which errors, at which offsets; and
 * every fixture must read the same whole, 1 byte at a time, and in odd sizes.
 */
#include "check.h"

#include <stdint.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>
#include <zdict.h>
#include <zstd.h>

#include <winnow.h>
#include "warc/warc_internal.h"

/* MARK: Fixture builder ----------------------------------------------------- */

typedef struct fx {
    char *p;
    size_t n, cap;
} fx;

static void fx_put(fx *f, const void *p, size_t n)
{
    if (f->n + n + 1 > f->cap) {
        size_t cap = f->cap ? f->cap : 4096;
        while (cap < f->n + n + 1)
            cap *= 2;
        f->p = realloc(f->p, cap);
        if (f->p == NULL)
            abort();
        f->cap = cap;
    }
    if (n)
        memcpy(f->p + f->n, p, n);
    f->n += n;
}

static void fx_puts(fx *f, const char *s)
{
    fx_put(f, s, strlen(s));
}

static void fx_free(fx *f)
{
    free(f->p);
    memset(f, 0, sizeof *f);
}

/* A WARC record with the given block; Content-Length is the true length plus
 * cl_lie. extra = more header lines ("Name: value\r\n"), or NULL. */
static void warc_record(fx *f, const char *type, const char *id, const char *uri,
                        const char *ctype, const char *extra, const void *block, size_t n,
                        long cl_lie)
{
    char h[1024];
    snprintf(h, sizeof h, "WARC/1.1\r\nWARC-Type: %s\r\n", type);
    fx_puts(f, h);
    if (uri) {
        snprintf(h, sizeof h, "WARC-Target-URI: %s\r\n", uri);
        fx_puts(f, h);
    }
    snprintf(h, sizeof h, "WARC-Date: 2024-05-01T10:00:00Z\r\nWARC-Record-ID: %s\r\n", id);
    fx_puts(f, h);
    if (ctype) {
        snprintf(h, sizeof h, "Content-Type: %s\r\n", ctype);
        fx_puts(f, h);
    }
    if (extra)
        fx_puts(f, extra);
    snprintf(h, sizeof h, "Content-Length: %ld\r\n\r\n", (long)n + cl_lie);
    fx_puts(f, h);
    fx_put(f, block, n);
    fx_puts(f, "\r\n\r\n");
}

/* A response record around an HTTP message: headers (each "Name: value\r\n")
 * and body. */
static void http_record(fx *f, const char *id, const char *uri, const char *headers,
                        const void *body, size_t n, long cl_lie)
{
    fx http = { 0 };
    fx_puts(&http, "HTTP/1.1 200 OK\r\n");
    fx_puts(&http, headers);
    fx_puts(&http, "\r\n");
    fx_put(&http, body, n);
    warc_record(f, "response", id, uri, "application/http; msgtype=response", NULL, http.p,
                http.n, cl_lie);
    fx_free(&http);
}

/* gzip (one member) of p. */
static void gz(fx *out, const void *p, size_t n)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    size_t cap = deflateBound(&z, (uLong)n) + 64;
    size_t at = out->n;
    fx_put(out, NULL, 0);
    while (out->cap < at + cap + 1) {
        out->cap *= 2;
        out->p = realloc(out->p, out->cap);
    }
    z.next_in = (unsigned char *)p;
    z.avail_in = (uInt)n;
    z.next_out = (unsigned char *)out->p + at;
    z.avail_out = (uInt)cap;
    if (deflate(&z, Z_FINISH) != Z_STREAM_END)
        abort();
    out->n = at + (cap - z.avail_out);
    deflateEnd(&z);
}

/* zlib-wrapped (bits 15) or raw (bits -15) deflate of p. */
static void zdeflate(fx *out, const void *p, size_t n, int bits)
{
    z_stream z;
    memset(&z, 0, sizeof z);
    if (deflateInit2(&z, 6, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        abort();
    unsigned char buf[4096];
    z.next_in = (unsigned char *)p;
    z.avail_in = (uInt)n;
    int r;
    do {
        z.next_out = buf;
        z.avail_out = sizeof buf;
        r = deflate(&z, Z_FINISH);
        fx_put(out, buf, sizeof buf - z.avail_out);
    } while (r != Z_STREAM_END);
    deflateEnd(&z);
}

static void zst(fx *out, const void *p, size_t n)
{
    size_t cap = ZSTD_compressBound(n);
    char *buf = malloc(cap);
    size_t r = ZSTD_compress(buf, cap, p, n, 3);
    if (ZSTD_isError(r))
        abort();
    fx_put(out, buf, r);
    free(buf);
}

/* Three records as separate pieces, so each test can compress or damage them. */
typedef struct three {
    fx r[3];
} three;

static void three_pages(three *t)
{
    memset(t, 0, sizeof *t);
    http_record(&t->r[0], "<urn:uuid:a>", "<http://example.com/a>",
                "Content-Type: text/html\r\n", "<p>page A</p>", 13, 0);
    http_record(&t->r[1], "<urn:uuid:b>", "http://example.com/b",
                "Content-Type: text/html; charset=utf-8\r\n", "<p>page B, longer</p>", 21, 0);
    http_record(&t->r[2], "<urn:uuid:c>", "http://example.com/c",
                "Content-Type: text/plain\r\n", "page C", 6, 0);
}

static void three_free(three *t)
{
    for (int i = 0; i < 3; i++)
        fx_free(&t->r[i]);
}

/* MARK: Running the reader ---------------------------------------------------- */

typedef struct event {
    int st;                 /* wn_status */
    uint64_t off;
    char id[64];            /* record id, or the error message */
    size_t payload_len;
    uint32_t payload_crc;
    int http_status, truncated;
} event;

typedef struct run {
    event ev[64];
    int n, ok, errors;
} run;

enum { MODE_WHOLE, MODE_ONE, MODE_ODD, MODE_FILE };

typedef struct src {
    const char *p;
    size_t n, at;
    int mode;
    unsigned seed;
    int fail_at;            /* read error once this many bytes were given (0 = never) */
} src;

static long src_read(void *ctx, void *buf, size_t n)
{
    src *s = ctx;
    size_t left = s->n - s->at;
    if (s->fail_at && s->at >= (size_t)s->fail_at)
        return -1;
    if (s->mode == MODE_ONE && n > 1)
        n = 1;
    if (s->mode == MODE_ODD) {
        s->seed = s->seed * 1103515245u + 12345u;
        size_t k = 1 + (s->seed >> 16) % 7919;
        if (n > k)
            n = k;
    }
    if (n > left)
        n = left;
    memcpy(buf, s->p + s->at, n);
    s->at += n;
    return (long)n;
}

static int file_seq;

/* Read all of p[0..n) with opt (NULL = defaults) in the given mode; the last
 * record's payload is kept in *last when last != NULL. */
static void read_all(const char *p, size_t n, const wn_warc_options *opt, int mode, run *r,
                     fx *last)
{
    src s = { p, n, 0, mode, 42, 0 };
    wn_error err = { 0 };
    wn_warc *w;
    char path[256] = "";

    memset(r, 0, sizeof *r);
    if (mode == MODE_FILE) {
        snprintf(path, sizeof path, "build/test_warc_%d_%d.warc", (int)getpid(), file_seq++);
        FILE *f = fopen(path, "wb");
        if (f == NULL || fwrite(p, 1, n, f) != n) {
            CHECK(!"cannot write fixture file under build/");
            if (f)
                fclose(f);
            return;
        }
        fclose(f);
        w = wn_warc_open_file(path, opt, &err);
    } else {
        w = wn_warc_open_reader(src_read, &s, opt, &err);
    }
    CHECK(w != NULL);
    if (w == NULL)
        return;
    for (int guard = 0; guard < 1000; guard++) {
        wn_warc_record rec;
        wn_status st = wn_warc_next(w, &rec, &err);
        if (st == WN_END)
            break;
        if (r->n == 64) {
            CHECK(!"too many events");
            break;
        }
        event *e = &r->ev[r->n++];
        e->st = st;
        if (st == WN_OK) {
            r->ok++;
            e->off = rec.offset;
            snprintf(e->id, sizeof e->id, "%s", rec.record_id ? rec.record_id : "(none)");
            e->payload_len = rec.payload_len;
            e->payload_crc = (uint32_t)crc32(0, (const unsigned char *)rec.payload,
                                             (uInt)rec.payload_len);
            e->http_status = rec.http_status;
            e->truncated = rec.payload_truncated;
            CHECK(rec.payload[rec.payload_len] == '\0');
            if (last) {
                last->n = 0;
                fx_put(last, rec.payload, rec.payload_len);
            }
        } else {
            r->errors++;
            e->off = err.offset;
            CHECK(err.msg != NULL);
            snprintf(e->id, sizeof e->id, "%s", err.msg ? err.msg : "");
            CHECK_EQ_INT(err.status, st);
            if (st == WN_ERR_IO)
                break;
        }
    }
    wn_warc_close(w);
    if (path[0])
        unlink(path);
}

/* The same fixture read whole, 1 byte at a time, in odd sizes and from a file
 * must give identical events. Returns the whole-read run in *r. */
static void read_every_way(const char *p, size_t n, const wn_warc_options *opt, run *r)
{
    static run other;
    read_all(p, n, opt, MODE_WHOLE, r, NULL);
    if (getenv("WARC_DEBUG") != NULL)
        for (int i = 0; i < r->n; i++)
            fprintf(stderr, "  [%d] st %d @%llu %s\n", i, r->ev[i].st,
                    (unsigned long long)r->ev[i].off, r->ev[i].id);
    for (int mode = MODE_ONE; mode <= MODE_FILE; mode++) {
        read_all(p, n, opt, mode, &other, NULL);
        if (getenv("WARC_DEBUG") != NULL && getenv("WARC_DEBUG")[0] == '2')
            for (int i = 0; i < other.n; i++)
                fprintf(stderr, "  mode %d [%d] st %d @%llu %s\n", mode, i, other.ev[i].st,
                        (unsigned long long)other.ev[i].off, other.ev[i].id);
        CHECK_EQ_INT(other.n, r->n);
        for (int i = 0; i < r->n && i < other.n; i++) {
            const event *a = &r->ev[i], *b = &other.ev[i];
            if (a->st != b->st || a->off != b->off || strcmp(a->id, b->id) != 0 ||
                a->payload_len != b->payload_len || a->payload_crc != b->payload_crc ||
                a->truncated != b->truncated) {
                fprintf(stderr, "  mode %d event %d differs: %d@%llu %s vs %d@%llu %s\n", mode,
                        i, a->st, (unsigned long long)a->off, a->id, b->st,
                        (unsigned long long)b->off, b->id);
                CHECK(!"reads differ between chunk sizes");
            }
        }
    }
}

static void expect_ok(const run *r, int i, uint64_t off, const char *id)
{
    if (i >= r->n) {
        fprintf(stderr, "  event %d missing (expected record %s)\n", i, id);
        CHECK(!"missing event");
        return;
    }
    CHECK_EQ_INT(r->ev[i].st, WN_OK);
    CHECK_EQ_INT(r->ev[i].off, off);
    if (r->ev[i].st == WN_OK)
        CHECK_EQ_STR(r->ev[i].id, id);
}

static void expect_err(const run *r, int i, int st, uint64_t off)
{
    if (i >= r->n) {
        fprintf(stderr, "  event %d missing (expected an error)\n", i);
        CHECK(!"missing event");
        return;
    }
    CHECK_EQ_INT(r->ev[i].st, st);
    CHECK_EQ_INT(r->ev[i].off, off);
}

/* MARK: Well-formed files ------------------------------------------------------- */

static void test_plain_three(void)
{
    three t;
    fx f = { 0 };
    run r;
    three_pages(&t);
    for (int i = 0; i < 3; i++)
        fx_put(&f, t.r[i].p, t.r[i].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 3);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_ok(&r, 1, t.r[0].n, "<urn:uuid:b>");
    expect_ok(&r, 2, t.r[0].n + t.r[1].n, "<urn:uuid:c>");
    CHECK_EQ_INT(r.ev[1].payload_len, 21);
    CHECK_EQ_INT(r.ev[1].http_status, 200);
    three_free(&t);
    fx_free(&f);
}

/* Every field of one record, from a per-record gzip file. */
static void test_gzip_members_fields(void)
{
    three t;
    fx f = { 0 };
    three_pages(&t);
    size_t m0;
    gz(&f, t.r[0].p, t.r[0].n);
    m0 = f.n;
    gz(&f, t.r[1].p, t.r[1].n);
    size_t m1 = f.n;
    gz(&f, t.r[2].p, t.r[2].n);

    run r;
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 3);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_ok(&r, 1, m0, "<urn:uuid:b>");
    expect_ok(&r, 2, m1, "<urn:uuid:c>");

    src s = { f.p, f.n, 0, MODE_WHOLE, 1, 0 };
    wn_warc *w = wn_warc_open_reader(src_read, &s, NULL, NULL);
    wn_warc_record rec;
    CHECK(w != NULL);
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);
    CHECK_EQ_STR(rec.version, "WARC/1.1");
    CHECK_EQ_STR(rec.type, "response");
    CHECK_EQ_STR(rec.target_uri, "http://example.com/a");   /* <> removed */
    CHECK_EQ_STR(rec.date, "2024-05-01T10:00:00Z");
    CHECK_EQ_STR(rec.content_type, "application/http; msgtype=response");
    CHECK(rec.truncated == NULL);
    CHECK_EQ_INT(rec.content_length, strlen("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n") + 13);
    CHECK_EQ_INT(rec.http_status, 200);
    CHECK_EQ_STR(rec.http_content_type, "text/html");
    CHECK_EQ_STR(rec.mime, "text/html");
    CHECK(rec.charset == NULL);
    CHECK(rec.content_encoding == NULL);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "<p>page A</p>");
    CHECK_EQ_INT(rec.payload_truncated, 0);
    CHECK(rec.payload_error == NULL);
    CHECK_EQ_MEM(rec.http_header, rec.http_header_len, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n");
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);
    CHECK_EQ_STR(rec.target_uri, "http://example.com/b");
    CHECK_EQ_STR(rec.charset, "utf-8");
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "<p>page B, longer</p>");
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);
    CHECK_EQ_STR(rec.mime, "text/plain");
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_END);
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_END);   /* stays at the end */
    CHECK_EQ_INT(wn_warc_input_offset(w), f.n);
    wn_warc_close(w);
    three_free(&t);
    fx_free(&f);
}

/* One gzip member for the whole file: offsets are in the decoded stream. */
static void test_whole_file_gzip(void)
{
    three t;
    fx plain = { 0 }, f = { 0 };
    run r;
    three_pages(&t);
    for (int i = 0; i < 3; i++)
        fx_put(&plain, t.r[i].p, t.r[i].n);
    gz(&f, plain.p, plain.n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 3);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_ok(&r, 1, t.r[0].n, "<urn:uuid:b>");
    expect_ok(&r, 2, t.r[0].n + t.r[1].n, "<urn:uuid:c>");
    three_free(&t);
    fx_free(&plain);
    fx_free(&f);
}

/* Whole-file gzip whose first record claims to run past the end of the file:
 * the records inside its "block" are found again. */
static void test_whole_file_gzip_liar(void)
{
    three t;
    fx plain = { 0 }, f = { 0 }, a = { 0 };
    run r;
    three_pages(&t);
    http_record(&a, "<urn:uuid:liar>", "http://example.com/liar", "Content-Type: text/html\r\n",
                "<p>x</p>", 8, 100000);
    fx_put(&plain, a.p, a.n);
    fx_put(&plain, t.r[1].p, t.r[1].n);
    fx_put(&plain, t.r[2].p, t.r[2].n);
    gz(&f, plain.p, plain.n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 0, WN_ERR_INPUT, 0);
    expect_ok(&r, 1, a.n, "<urn:uuid:b>");
    expect_ok(&r, 2, a.n + t.r[1].n, "<urn:uuid:c>");
    three_free(&t);
    fx_free(&plain);
    fx_free(&f);
    fx_free(&a);
}

/* A WARC cut into gzip members at arbitrary points (bgzip style: every 50
 * decoded bytes here, plus at B's start): records run across members. A and B
 * start members, so they get member offsets; C starts inside one, so it gets its
 * decoded offset. */
static void test_members_split_anywhere(void)
{
    three t;
    fx plain = { 0 }, f = { 0 };
    run r;
    three_pages(&t);
    for (int i = 0; i < 3; i++)
        fx_put(&plain, t.r[i].p, t.r[i].n);
    size_t b_start = t.r[0].n, c_start = t.r[0].n + t.r[1].n;
    uint64_t b_off = 0, c_off = c_start;
    size_t at = 0;
    while (at < plain.n) {
        size_t next = (at / 50 + 1) * 50;
        if (at < b_start && next > b_start)
            next = b_start;
        if (next > plain.n)
            next = plain.n;
        if (at == b_start)
            b_off = f.n;
        if (at == c_start)
            c_off = f.n;
        gz(&f, plain.p + at, next - at);
        at = next;
    }
    CHECK(c_start % 50 != 0);   /* the fixture needs C inside a member */
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 3);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_ok(&r, 1, b_off, "<urn:uuid:b>");
    expect_ok(&r, 2, c_off, "<urn:uuid:c>");
    three_free(&t);
    fx_free(&plain);
    fx_free(&f);
}

static void test_zstd_frames_and_whole(void)
{
    three t;
    fx f = { 0 }, plain = { 0 }, g = { 0 };
    run r;
    three_pages(&t);
    zst(&f, t.r[0].p, t.r[0].n);
    size_t m0 = f.n;
    zst(&f, t.r[1].p, t.r[1].n);
    size_t m1 = f.n;
    zst(&f, t.r[2].p, t.r[2].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 3);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_ok(&r, 1, m0, "<urn:uuid:b>");
    expect_ok(&r, 2, m1, "<urn:uuid:c>");

    for (int i = 0; i < 3; i++)
        fx_put(&plain, t.r[i].p, t.r[i].n);
    zst(&g, plain.p, plain.n);
    read_every_way(g.p, g.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 3);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 2, t.r[0].n + t.r[1].n, "<urn:uuid:c>");
    three_free(&t);
    fx_free(&f);
    fx_free(&plain);
    fx_free(&g);
}

/* A .warc.zst may open with a dictionary frame (IIPC WARC zstd format):
 * the skippable frame 0x184D2A5D holding a zstd dictionary, plain or itself
 * zstd-compressed, which every later frame needs. */
static void dict_frame(fx *out, const void *data, size_t n)
{
    unsigned char head[8] = { 0x5d, 0x2a, 0x4d, 0x18, (unsigned char)n, (unsigned char)(n >> 8),
                              (unsigned char)(n >> 16), (unsigned char)(n >> 24) };
    fx_put(out, head, sizeof head);
    fx_put(out, data, n);
}

static void test_zstd_dictionary(void)
{
    enum { NSAMPLES = 200 };
    fx samples = { 0 }, dict_fx = { 0 };
    size_t sizes[NSAMPLES];
    char dict[4096];
    three t;
    run r;

    /* train a dictionary on records like the ones below */
    for (int i = 0; i < NSAMPLES; i++) {
        fx one = { 0 };
        char id[64], uri[64], body[64];
        snprintf(id, sizeof id, "<urn:uuid:sample-%d>", i);
        snprintf(uri, sizeof uri, "http://example.com/page/%d", i * 7919);
        int bn = snprintf(body, sizeof body, "<p>sample page number %d</p>", i);
        http_record(&one, id, uri, "Content-Type: text/html\r\n", body, (size_t)bn, 0);
        fx_put(&samples, one.p, one.n);
        sizes[i] = one.n;
        fx_free(&one);
    }
    size_t dn = ZDICT_trainFromBuffer(dict, sizeof dict, samples.p, sizes, NSAMPLES);
    CHECK(!ZDICT_isError(dn));
    if (ZDICT_isError(dn)) {
        fx_free(&samples);
        return;
    }

    three_pages(&t);
    for (int packed = 0; packed < 2; packed++) {
        fx f = { 0 };
        ZSTD_CCtx *cc = ZSTD_createCCtx();
        if (packed) {
            /* the dictionary itself zstd-compressed inside the frame */
            fx_free(&dict_fx);
            zst(&dict_fx, dict, dn);
            dict_frame(&f, dict_fx.p, dict_fx.n);
        } else {
            dict_frame(&f, dict, dn);
        }
        size_t first = f.n, offs[3];
        for (int i = 0; i < 3; i++) {
            size_t cap = ZSTD_compressBound(t.r[i].n);
            char *buf = malloc(cap);
            size_t z = ZSTD_compress_usingDict(cc, buf, cap, t.r[i].p, t.r[i].n, dict, dn, 3);
            CHECK(!ZSTD_isError(z));
            offs[i] = f.n;
            fx_put(&f, buf, z);
            free(buf);
        }
        ZSTD_freeCCtx(cc);
        read_every_way(f.p, f.n, NULL, &r);
        CHECK_EQ_INT(r.ok, 3);
        CHECK_EQ_INT(r.errors, 0);
        expect_ok(&r, 0, first, "<urn:uuid:a>");
        expect_ok(&r, 1, offs[1], "<urn:uuid:b>");
        expect_ok(&r, 2, offs[2], "<urn:uuid:c>");

        /* without the dictionary frame the same frames cannot be read, and
         * the error says why */
        read_all(f.p + first, f.n - first, NULL, MODE_WHOLE, &r, NULL);
        CHECK_EQ_INT(r.ok, 0);
        CHECK(r.n > 0 && r.ev[0].st != WN_OK && strstr(r.ev[0].id, "dictionary") != NULL);
        fx_free(&f);
    }

    /* broken dictionary frames: clear errors at open */
    {
        static const unsigned char not_dict[] = { 0x5d, 0x2a, 0x4d, 0x18, 4, 0, 0, 0, 1, 2, 3, 4 };
        static const unsigned char huge[] = { 0x5d, 0x2a, 0x4d, 0x18, 0, 0, 0, 0x10, 1, 2, 3, 4 };
        static const unsigned char cut[] = { 0x5d, 0x2a, 0x4d, 0x18, 64, 0, 0, 0, 0x37, 0xa4 };
        static const unsigned char ext[] = { 0x50, 0x2a, 0x4d, 0x18, 4, 0, 0, 0, 1, 2, 3, 4 };
        const struct { const unsigned char *p; size_t n; const char *msg; } bad[] = {
            { not_dict, sizeof not_dict, "no dictionary" },
            { huge, sizeof huge, "8 MiB" },
            { cut, sizeof cut, "truncated" },
            { ext, sizeof ext, "must not begin" },
        };
        for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
            src s = { (const char *)bad[i].p, bad[i].n, 0, MODE_WHOLE, 1, 0 };
            wn_error err = { 0 };
            wn_warc *w = wn_warc_open_reader(src_read, &s, NULL, &err);
            CHECK(w == NULL);
            CHECK_EQ_INT(err.status, WN_ERR_INPUT);
            CHECK(err.msg != NULL && strstr(err.msg, bad[i].msg) != NULL);
            if (err.msg == NULL || strstr(err.msg, bad[i].msg) == NULL)
                fprintf(stderr, "  case %zu: message \"%s\"\n", i, err.msg ? err.msg : "(none)");
            wn_warc_close(w);
        }
    }
    three_free(&t);
    fx_free(&samples);
    fx_free(&dict_fx);
}

/* WARC/1.0, lower-case names, a continuation line, blank lines between records,
 * and non-HTTP records (payload = block). */
static void test_header_syntax(void)
{
    fx f = { 0 };
    const char *a = "WARC/1.0\r\n"
                    "warc-type: warcinfo\r\n"
                    "WARC-RECORD-ID: <urn:uuid:x>\r\n"
                    "Content-Type: application/warc-fields\r\n"
                    "WARC-Target-URI: http://example.com/a\r\n"
                    "  /continued\r\n"
                    "content-length: 5\r\n"
                    "\r\n"
                    "hello\r\n\r\n";
    fx_puts(&f, a);
    fx_puts(&f, "\r\n");   /* an extra blank line between records */
    warc_record(&f, "request", "<urn:uuid:y>", "http://example.com/b", "application/http; msgtype=request",
                NULL, "GET / HTTP/1.1\r\n\r\n", 18, 0);
    run r;
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 0, 0, "<urn:uuid:x>");
    expect_ok(&r, 1, strlen(a) + 2, "<urn:uuid:y>");

    src s = { f.p, f.n, 0, MODE_WHOLE, 1, 0 };
    wn_warc *w = wn_warc_open_reader(src_read, &s, NULL, NULL);
    wn_warc_record rec;
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);
    CHECK_EQ_STR(rec.version, "WARC/1.0");
    CHECK_EQ_STR(rec.type, "warcinfo");
    CHECK_EQ_STR(rec.target_uri, "http://example.com/a /continued");
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "hello");
    CHECK_EQ_INT(rec.http_status, 0);
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);
    CHECK_EQ_STR(rec.type, "request");
    CHECK_EQ_INT(rec.http_status, 0);   /* requests are not parsed as responses */
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "GET / HTTP/1.1\r\n\r\n");
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_END);
    wn_warc_close(w);
    fx_free(&f);
}

static void test_empty_file(void)
{
    run r;
    read_every_way("", 0, NULL, &r);
    CHECK_EQ_INT(r.n, 0);
}

/* MARK: Damage and resynchronisation -------------------------------------------- */

/* B's gzip member loses its second half: A ok, one error at B's member, C ok. */
static void test_truncated_gzip_member(void)
{
    three t;
    fx f = { 0 }, mb = { 0 };
    run r;
    three_pages(&t);
    gz(&f, t.r[0].p, t.r[0].n);
    size_t m0 = f.n;
    gz(&mb, t.r[1].p, t.r[1].n);
    fx_put(&f, mb.p, mb.n / 2);
    size_t m1 = f.n;
    gz(&f, t.r[2].p, t.r[2].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_err(&r, 1, WN_ERR_INPUT, m0);
    expect_ok(&r, 2, m1, "<urn:uuid:c>");
    three_free(&t);
    fx_free(&f);
    fx_free(&mb);
}

/* A flipped byte inside B's compressed data. */
static void test_corrupt_gzip_member(void)
{
    three t;
    fx f = { 0 };
    run r;
    three_pages(&t);
    gz(&f, t.r[0].p, t.r[0].n);
    size_t m0 = f.n;
    gz(&f, t.r[1].p, t.r[1].n);
    size_t m1 = f.n;
    gz(&f, t.r[2].p, t.r[2].n);
    f.p[m0 + (m1 - m0) / 2] ^= 0x55;
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_err(&r, 1, WN_ERR_INPUT, m0);
    expect_ok(&r, 2, m1, "<urn:uuid:c>");
    three_free(&t);
    fx_free(&f);
}

/* A's Content-Length is `lie` bytes off; B and C must still be read. */
static void lying_length(long lie, int gzip)
{
    fx a = { 0 }, f = { 0 };
    three t;
    run r;
    three_pages(&t);
    http_record(&a, "<urn:uuid:liar>", "http://example.com/liar", "Content-Type: text/html\r\n",
                "<p>this block is not as long as it says</p>", 43, lie);
    if (gzip) {
        gz(&f, a.p, a.n);
    } else {
        fx_put(&f, a.p, a.n);
    }
    size_t b_off = f.n;
    if (gzip)
        gz(&f, t.r[1].p, t.r[1].n);
    else
        fx_put(&f, t.r[1].p, t.r[1].n);
    size_t c_off = f.n;
    if (gzip)
        gz(&f, t.r[2].p, t.r[2].n);
    else
        fx_put(&f, t.r[2].p, t.r[2].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 0, WN_ERR_INPUT, 0);
    expect_ok(&r, 1, b_off, "<urn:uuid:b>");
    expect_ok(&r, 2, c_off, "<urn:uuid:c>");
    fx_free(&a);
    fx_free(&f);
    three_free(&t);
}

static void test_lying_length_long_plain(void) { lying_length(60, 0); }
static void test_lying_length_short_plain(void) { lying_length(-20, 0); }
static void test_lying_length_long_gzip(void) { lying_length(60, 1); }
static void test_lying_length_short_gzip(void) { lying_length(-20, 1); }

/* A Content-Length that ends exactly at the HTTP header's blank line: CRLF CRLF
 * is there, but no WARC record follows it. */
static void test_lying_length_lands_on_crlf(void)
{
    fx f = { 0 };
    three t;
    run r;
    three_pages(&t);
    const char *hdr = "HTTP/1.1 200 OK\r\nContent-Type: text/html";
    const char *body = "\r\n\r\n<p>x</p>";
    fx blk = { 0 };
    fx_puts(&blk, hdr);
    fx_puts(&blk, body);
    warc_record(&f, "response", "<urn:uuid:liar>", "http://example.com/liar",
                "application/http; msgtype=response", NULL, blk.p, blk.n,
                -(long)strlen(body));
    size_t b_off = f.n;
    fx_put(&f, t.r[1].p, t.r[1].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 1);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 0, WN_ERR_INPUT, 0);
    expect_ok(&r, 1, b_off, "<urn:uuid:b>");
    fx_free(&f);
    fx_free(&blk);
    three_free(&t);
}

/* 30,000 tiny records that all claim to run past the end of a 1.9 MB file: each
 * would make the reader rescan the rest of the file. The replay budget (twice
 * the bytes read, plus 8 MiB) stops that after a few rounds, so this takes
 * milliseconds, not hours; the swallowed records are lost, as documented. */
static void test_nested_liars_are_linear(void)
{
    fx f = { 0 };
    for (int i = 0; i < 30000; i++)
        fx_puts(&f, "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 900000000\r\n\r\nxx\r\n\r\n");
    clock_t t0 = clock();
    run r;
    read_all(f.p, f.n, NULL, MODE_WHOLE, &r, NULL);
    double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
    /* By hand: records are 66 bytes (10 + 21 + 27 + 2 + 2 + 4), blocks start 60
     * bytes in, S = 1,980,000. Record k's failed block hands back S - 60 - 66k
     * bytes; the budget is 2S + 8 MiB = 12,348,608. Rounds 0..5 fit (11,878,650
     * bytes in all), round 6 would reach 13,858,194: records 0..6 fail, then the
     * scan ends. */
    CHECK_EQ_INT(r.ok, 0);
    CHECK_EQ_INT(r.errors, 7);
    for (int i = 0; i < 7; i++)
        expect_err(&r, i, WN_ERR_INPUT, 66u * (unsigned)i);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK(secs < 5.0);
    fx_free(&f);
}

/* A 100-byte file claiming a 900 MB block costs kilobytes, not the claim. The
 * file ends inside that block and the block holds no other record: it is read
 * as a record cut by the end of the file, partial and marked truncated. */
static void test_claimed_length_not_allocated(void)
{
    fx f = { 0 };
    fx_puts(&f, "WARC/1.1\r\nWARC-Type: resource\r\nContent-Length: 900000000\r\n\r\nxx\r\n\r\n");
    src s = { f.p, f.n, 0, MODE_WHOLE, 1, 0 };
    wn_warc *w = wn_warc_open_reader(src_read, &s, NULL, NULL);
    wn_warc_record rec;
    wn_error err;
    CHECK_EQ_INT(wn_warc_next(w, &rec, &err), WN_OK);
    CHECK_EQ_INT(rec.offset, 0);
    CHECK_EQ_INT(rec.payload_len, 6);
    CHECK_EQ_INT(rec.payload_truncated, 1);
    CHECK_EQ_STR(rec.truncated, "end-of-input");
    CHECK(w->blk_cap <= ((size_t)1 << 20) && w->rcap <= ((size_t)1 << 20));
    CHECK_EQ_INT(wn_warc_next(w, &rec, &err), WN_END);
    wn_warc_close(w);
    fx_free(&f);
}

/* Garbage: before the first record, between gzip members, between plain records. */
static void test_garbage(void)
{
    three t;
    fx f = { 0 };
    run r;
    /* Ends with a newline: a record is looked for at line starts only. */
    static const char junk[] = "\x01\x02junk junk\nWARC/0.9 not this\n\x1f\x8b\x08 fake magic\n";
    three_pages(&t);

    /* plain, junk first: one error for the junk, then A and B */
    fx_put(&f, junk, sizeof junk - 1);
    fx_put(&f, t.r[0].p, t.r[0].n);
    fx_put(&f, t.r[1].p, t.r[1].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 0, WN_ERR_INPUT, 0);
    expect_ok(&r, 1, sizeof junk - 1, "<urn:uuid:a>");
    expect_ok(&r, 2, sizeof junk - 1 + t.r[0].n, "<urn:uuid:b>");

    /* gzip members with junk between A's and B's: A ok, junk error, B ok */
    f.n = 0;
    gz(&f, t.r[0].p, t.r[0].n);
    size_t j = f.n;
    fx_put(&f, junk, sizeof junk - 1);
    size_t b = f.n;
    gz(&f, t.r[1].p, t.r[1].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_err(&r, 1, WN_ERR_INPUT, j);
    expect_ok(&r, 2, b, "<urn:uuid:b>");

    /* plain, junk between A and B: A ends with its CRLF CRLF and the junk does
     * not end like a block, so A is whole; the junk is one error at its own
     * offset, and B is read */
    f.n = 0;
    fx_put(&f, t.r[0].p, t.r[0].n);
    j = f.n;
    fx_put(&f, junk, sizeof junk - 1);
    b = f.n;
    fx_put(&f, t.r[1].p, t.r[1].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_err(&r, 1, WN_ERR_INPUT, j);
    expect_ok(&r, 2, b, "<urn:uuid:b>");
    three_free(&t);
    fx_free(&f);
}

/* The input stops inside the second record's header. */
static void test_ends_mid_header(void)
{
    three t;
    fx f = { 0 };
    run r;
    three_pages(&t);
    fx_put(&f, t.r[0].p, t.r[0].n);
    fx_put(&f, t.r[1].p, 40);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 1);
    CHECK_EQ_INT(r.errors, 1);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_err(&r, 1, WN_ERR_INPUT, t.r[0].n);

    /* the same with gzip: the second member is cut inside the header */
    f.n = 0;
    gz(&f, t.r[0].p, t.r[0].n);
    size_t m = f.n;
    fx g = { 0 };
    gz(&g, t.r[1].p, t.r[1].n);
    fx_put(&f, g.p, 30);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 1);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 1, WN_ERR_INPUT, m);

    /* ... and a file that stops inside the version line */
    f.n = 0;
    fx_put(&f, t.r[0].p, t.r[0].n);
    fx_puts(&f, "WARC/");
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 1);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 1, WN_ERR_INPUT, t.r[0].n);
    three_free(&t);
    fx_free(&f);
    fx_free(&g);
}

/* A header block over max_header_bytes is WN_ERR_LIMIT, and the next record is read. */
static void test_header_cap(void)
{
    fx f = { 0 }, extra = { 0 };
    three t;
    run r;
    wn_warc_options o;
    three_pages(&t);
    wn_warc_options_init(&o);
    o.max_header_bytes = 1024;
    for (int i = 0; i < 100; i++)
        fx_puts(&extra, "X-Padding: 0123456789\r\n");
    fx_put(&extra, "", 1);
    warc_record(&f, "metadata", "<urn:uuid:fat>", NULL, "text/plain", extra.p, "x", 1, 0);
    size_t b = f.n;
    fx_put(&f, t.r[1].p, t.r[1].n);
    read_every_way(f.p, f.n, &o, &r);
    CHECK_EQ_INT(r.ok, 1);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 0, WN_ERR_LIMIT, 0);
    expect_ok(&r, 1, b, "<urn:uuid:b>");
    three_free(&t);
    fx_free(&f);
    fx_free(&extra);
}

static void test_missing_or_bad_length(void)
{
    fx f = { 0 };
    three t;
    run r;
    three_pages(&t);
    fx_puts(&f, "WARC/1.1\r\nWARC-Type: metadata\r\nWARC-Record-ID: <urn:uuid:n>\r\n\r\nabc\r\n\r\n");
    size_t b = f.n;
    fx_put(&f, t.r[1].p, t.r[1].n);
    fx_puts(&f, "WARC/1.1\r\nWARC-Type: metadata\r\nContent-Length: 12x\r\n\r\nabc\r\n\r\n");
    size_t c = f.n;
    fx_put(&f, t.r[2].p, t.r[2].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 2);
    expect_err(&r, 0, WN_ERR_INPUT, 0);
    expect_ok(&r, 1, b, "<urn:uuid:b>");
    expect_err(&r, 2, WN_ERR_INPUT, b + t.r[1].n);
    expect_ok(&r, 3, c, "<urn:uuid:c>");
    three_free(&t);
    fx_free(&f);
}

/* A read error is WN_ERR_IO, and it is final. */
static void test_read_error(void)
{
    three t;
    fx f = { 0 };
    three_pages(&t);
    for (int i = 0; i < 3; i++)
        fx_put(&f, t.r[i].p, t.r[i].n);
    src s = { f.p, f.n, 0, MODE_ONE, 1, (int)(t.r[0].n + 10) };
    wn_error err;
    wn_warc *w = wn_warc_open_reader(src_read, &s, NULL, &err);
    wn_warc_record rec;
    CHECK_EQ_INT(wn_warc_next(w, &rec, &err), WN_OK);
    CHECK_EQ_INT(wn_warc_next(w, &rec, &err), WN_ERR_IO);
    CHECK_EQ_INT(err.status, WN_ERR_IO);
    CHECK_EQ_INT(wn_warc_next(w, &rec, &err), WN_ERR_IO);
    wn_warc_close(w);
    three_free(&t);
    fx_free(&f);
}

/* MARK: Resynchronisation after damage --------------------------------------- */

/* Four records A, B, C, D as one plain file, with `between` inserted after A
 * (after its CRLF CRLF, or in place of it when replace_crlf). */
static void four_with(fx *f, three *t, const void *between, size_t n, int replace_crlf,
                      size_t *b_off)
{
    f->n = 0;
    fx_put(f, t->r[0].p, t->r[0].n - (replace_crlf ? 4 : 0));
    fx_put(f, between, n);
    *b_off = f->n;
    fx_put(f, t->r[1].p, t->r[1].n);
    fx_put(f, t->r[2].p, t->r[2].n);
    fx_put(f, t->r[0].p, t->r[0].n);   /* D: A again */
}

/* One stray byte (or a BOM) between two records: A is whole, the stray bytes
 * are one error at their own offset, B, C and D are read. A NUL there is
 * padding, as some writers leave it: no error at all. */
static void test_resync_stray_bytes(void)
{
    static const struct { const char *p; size_t n; int error; } cases[] = {
        { "X", 1, 1 }, { "\xEF\xBB\xBF", 3, 1 }, { "\0", 1, 0 }, { "\0\0\0X", 4, 1 },
    };
    three t;
    fx f = { 0 };
    run r;
    three_pages(&t);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        size_t b;
        four_with(&f, &t, cases[k].p, cases[k].n, 0, &b);
        read_every_way(f.p, f.n, NULL, &r);
        int e = cases[k].error;
        CHECK_EQ_INT(r.ok, 4);
        CHECK_EQ_INT(r.errors, e);
        CHECK_EQ_INT(r.n, 4 + e);   /* seen = ok + errors: nothing vanishes */
        expect_ok(&r, 0, 0, "<urn:uuid:a>");
        if (e)   /* the error is where the stray bytes start (after any NUL padding) */
            expect_err(&r, 1, WN_ERR_INPUT, t.r[0].n + (cases[k].n == 4 ? 3 : 0));
        expect_ok(&r, 1 + e, b, "<urn:uuid:b>");
        expect_ok(&r, 2 + e, b + t.r[1].n, "<urn:uuid:c>");
        expect_ok(&r, 3 + e, b + t.r[1].n + t.r[2].n, "<urn:uuid:a>");
    }
    three_free(&t);
    fx_free(&f);
}

/* B's version line damaged in its first bytes: A whole, B is one error at its
 * offset, C and D read. */
static void test_resync_damaged_version_line(void)
{
    static const char *const bad[] = { "XARC/1.1", "WXRC/1.1", "\0ARC/1.1", "WARC/1.q", "WARC1.1\r" };
    three t;
    fx f = { 0 };
    run r;
    three_pages(&t);
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        size_t b;
        four_with(&f, &t, "", 0, 0, &b);
        memcpy(f.p + b, bad[k], 8);
        read_every_way(f.p, f.n, NULL, &r);
        CHECK_EQ_INT(r.ok, 3);
        CHECK_EQ_INT(r.errors, 1);
        CHECK_EQ_INT(r.n, 4);
        expect_ok(&r, 0, 0, "<urn:uuid:a>");
        /* a NUL is padding: the damaged span starts after it */
        expect_err(&r, 1, WN_ERR_INPUT, b + (bad[k][0] == '\0'));
        expect_ok(&r, 2, b + t.r[1].n, "<urn:uuid:c>");
        expect_ok(&r, 3, b + t.r[1].n + t.r[2].n, "<urn:uuid:a>");
    }
    three_free(&t);
    fx_free(&f);
}

/* A's block followed directly by B's version line (no CRLF CRLF), or by NUL
 * padding before or after its CRLF CRLF: every record is read, no error. */
static void test_resync_missing_or_padded_crlf(void)
{
    static const struct { const char *p; size_t n; int replace; } cases[] = {
        { "", 0, 1 },                          /* no CRLF CRLF at all */
        { "\r\n", 2, 1 },                      /* half of it */
        { "\0\0\0\0\r\n\r\n", 8, 1 },          /* NULs before it */
        { "\0\0\0\0\0\0", 6, 0 },              /* NULs after it */
        { "\r\n\r\n\r\n\n\n", 7, 0 },          /* extra blank lines */
    };
    three t;
    fx f = { 0 };
    run r;
    three_pages(&t);
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        size_t b;
        four_with(&f, &t, cases[k].p, cases[k].n, cases[k].replace, &b);
        read_every_way(f.p, f.n, NULL, &r);
        CHECK_EQ_INT(r.ok, 4);
        CHECK_EQ_INT(r.errors, 0);
        expect_ok(&r, 0, 0, "<urn:uuid:a>");
        expect_ok(&r, 1, b, "<urn:uuid:b>");
        expect_ok(&r, 2, b + t.r[1].n, "<urn:uuid:c>");
        CHECK_EQ_INT(r.ev[0].payload_len, 13);   /* A's payload did not take the padding */
    }
    three_free(&t);
    fx_free(&f);
}

/* A plain WARC cut into two gzip members at every point from inside A's
 * CRLF CRLF to past B's version line: the cut never costs a record. */
static void test_resync_members_misaligned(void)
{
    three t;
    fx plain = { 0 }, f = { 0 };
    run r;
    three_pages(&t);
    for (int i = 0; i < 3; i++)
        fx_put(&plain, t.r[i].p, t.r[i].n);
    size_t b_start = t.r[0].n, c_start = b_start + t.r[1].n;
    for (size_t cut = b_start - 6; cut <= b_start + 12; cut++) {
        f.n = 0;
        gz(&f, plain.p, cut);
        size_t m1 = f.n;
        gz(&f, plain.p + cut, plain.n - cut);
        read_every_way(f.p, f.n, NULL, &r);
        CHECK_EQ_INT(r.ok, 3);
        CHECK_EQ_INT(r.errors, 0);
        expect_ok(&r, 0, 0, "<urn:uuid:a>");
        /* B starts a member only when the cut is at its first byte */
        expect_ok(&r, 1, cut == b_start ? m1 : b_start, "<urn:uuid:b>");
        expect_ok(&r, 2, c_start, "<urn:uuid:c>");
    }
    three_free(&t);
    fx_free(&plain);
    fx_free(&f);
}

/* Whole-file gzip (stored blocks, so compressed bytes track plain ones) with
 * one flipped byte in B's version line: the data still decodes, A is whole, B
 * is one error, C and D are read, and the member's CRC-32 failure is the last
 * error, at the decoded offset where reading stopped. */
static void test_resync_whole_gzip_flip(void)
{
    three t;
    fx plain = { 0 }, f = { 0 };
    run r;
    size_t b;
    three_pages(&t);
    four_with(&plain, &t, "", 0, 0, &b);
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 0, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
    unsigned char out[8192];
    z.next_in = (unsigned char *)plain.p;
    z.avail_in = (uInt)plain.n;
    z.next_out = out;
    z.avail_out = sizeof out;
    CHECK_EQ_INT(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t total = sizeof out - z.avail_out;
    deflateEnd(&z);
    /* 10-byte gzip header, 5-byte stored block header: plain byte k is at 15 + k */
    CHECK(memcmp(out + 15 + b, "WARC/1.1", 8) == 0);
    out[15 + b + 2] ^= 0x20;   /* WARC -> WArC */
    fx_put(&f, out, total);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 3);
    CHECK_EQ_INT(r.errors, 2);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_err(&r, 1, WN_ERR_INPUT, b);
    expect_ok(&r, 2, b + t.r[1].n, "<urn:uuid:c>");
    expect_ok(&r, 3, b + t.r[1].n + t.r[2].n, "<urn:uuid:a>");
    expect_err(&r, 4, WN_ERR_INPUT, plain.n);   /* where reading stopped */
    three_free(&t);
    fx_free(&plain);
    fx_free(&f);
}

/* The deflate stream of a whole-file gzip broken at about 30%: the damaged
 * record is one error, and reading goes on inside the member from the next
 * deflate block (docs/internals/WARC.md, "Deflate resynchronisation"). 21
 * records of 48 KiB of random letters (no back-references reach from one
 * record's header to the last: they are over 32 KiB apart), compressed with a
 * block ended every 8 KiB of input and at every record start; the flipped byte
 * is in the code tables of the block that opens record 6. The next block
 * starts 8 KiB into record 6, and record 7 starts 40 KiB after that: beyond
 * the 32 KiB of history lost with the damage, so it decodes soundly. The
 * decoded offsets after the gap lack the 8 KiB that could not be decoded. */
static void test_resync_whole_gzip_deflate(void)
{
    enum { NREC = 21, PAY = 48 << 10, STEP = 8 << 10 };
    static const char alpha[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVXYZ0123456789 .";
    fx plain = { 0 }, f = { 0 };
    size_t off[NREC], zoff[NREC];
    char *pay = malloc(PAY);
    uint32_t seed = 12345;
    for (int i = 0; i < NREC; i++) {
        char id[32];
        for (size_t k = 0; k < PAY; k++) {
            seed = seed * 1103515245u + 12345u;
            pay[k] = alpha[(seed >> 16) % (sizeof alpha - 1)];
        }
        snprintf(id, sizeof id, "<urn:uuid:r%02d>", i);
        off[i] = plain.n;
        warc_record(&plain, "resource", id, "http://example.com/r", "text/plain", NULL, pay, PAY,
                    0);
    }
    free(pay);
    z_stream z;
    memset(&z, 0, sizeof z);
    CHECK_EQ_INT(deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY), Z_OK);
    size_t cap = deflateBound(&z, (uLong)plain.n) + 4096;
    unsigned char *out = malloc(cap);
    z.next_out = out;
    z.avail_out = (uInt)cap;
    for (int i = 0; i < NREC; i++) {
        size_t end = i + 1 < NREC ? off[i + 1] : plain.n;
        zoff[i] = z.total_out;   /* record i's first block begins in this byte or the next */
        for (size_t at = off[i]; at < end; at += STEP) {
            z.next_in = (unsigned char *)plain.p + at;
            z.avail_in = (uInt)(end - at < STEP ? end - at : STEP);
            CHECK_EQ_INT(deflate(&z, i + 1 == NREC && at + STEP >= end ? Z_FINISH : Z_BLOCK),
                         i + 1 == NREC && at + STEP >= end ? Z_STREAM_END : Z_OK);
        }
    }
    size_t total = z.total_out;
    deflateEnd(&z);
    int k = 6;
    CHECK(zoff[k] * 100 / total >= 25 && zoff[k] * 100 / total <= 35);   /* "at about 30%" */
    out[zoff[k] + 3] ^= 0x55;   /* inside the block header: code lengths */
    fx_put(&f, out, total);
    free(out);

    run r;
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, NREC - 1);
    CHECK_EQ_INT(r.errors, 1);
    CHECK_EQ_INT(r.n, NREC);   /* seen = read + failed: none lost unaccounted */
    for (int i = 0; i < NREC; i++) {
        char id[32];
        snprintf(id, sizeof id, "<urn:uuid:r%02d>", i);
        if (i == k)
            expect_err(&r, i, WN_ERR_INPUT, off[k]);
        else
            expect_ok(&r, i, i < k ? off[i] : off[i] - STEP, id);
    }
    for (int i = 0; i < r.n; i++)
        if (r.ev[i].st == WN_OK)
            CHECK_EQ_INT(r.ev[i].payload_len, PAY);
    fx_free(&plain);
    fx_free(&f);
}

/* WARC/0.18 (ClueWeb09) and WARC/1.0 read like 1.1. */
static void test_versions(void)
{
    static const char *const v[] = { "WARC/0.18", "WARC/0.17", "WARC/1.0", "WARC/1.1" };
    three t;
    fx f = { 0 }, rec = { 0 };
    run r;
    three_pages(&t);
    for (size_t k = 0; k < 4; k++) {
        f.n = 0;
        for (int i = 0; i < 3; i++) {
            rec.n = 0;
            fx_puts(&rec, v[k]);
            fx_put(&rec, t.r[i].p + 8, t.r[i].n - 8);   /* after "WARC/1.1" */
            fx_put(&f, rec.p, rec.n);
        }
        size_t d = strlen(v[k]) - 8;
        read_every_way(f.p, f.n, NULL, &r);
        CHECK_EQ_INT(r.ok, 3);
        CHECK_EQ_INT(r.errors, 0);
        expect_ok(&r, 1, t.r[0].n + d, "<urn:uuid:b>");
        expect_ok(&r, 2, t.r[0].n + t.r[1].n + 2 * d, "<urn:uuid:c>");
        CHECK_EQ_INT(r.ev[1].payload_len, 21);
    }
    three_free(&t);
    fx_free(&f);
    fx_free(&rec);
}

/* A file that ends inside its last record's block, headers complete: the
 * partial record comes back marked truncated, with the bytes that are there
 * (plain; per-record gzip with B's member cut; whole-file gzip cut). */
static void test_truncated_final_record(void)
{
    three t;
    fx plain = { 0 }, f = { 0 }, last = { 0 }, g = { 0 };
    run r;
    three_pages(&t);
    /* B loses its CRLF CRLF and the last 8 bytes of its body "<p>page B, longer</p>" */
    size_t b_len = t.r[1].n - 12;
    fx_put(&plain, t.r[0].p, t.r[0].n);
    fx_put(&plain, t.r[1].p, b_len);
    for (int mode = 0; mode < 3; mode++) {
        uint64_t b_off = t.r[0].n;
        f.n = 0;
        g.n = 0;
        if (mode == 0) {
            fx_put(&f, plain.p, plain.n);
        } else if (mode == 1) {
            gz(&f, t.r[0].p, t.r[0].n);
            b_off = f.n;
            /* stored (level 0): gzip header 10 + block header 5, then B's bytes */
            z_stream z;
            memset(&z, 0, sizeof z);
            deflateInit2(&z, 0, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
            unsigned char out[4096];
            z.next_in = (unsigned char *)t.r[1].p;
            z.avail_in = (uInt)t.r[1].n;
            z.next_out = out;
            z.avail_out = sizeof out;
            CHECK_EQ_INT(deflate(&z, Z_FINISH), Z_STREAM_END);
            deflateEnd(&z);
            fx_put(&f, out, 15 + b_len);
        } else {
            gz(&g, plain.p, plain.n);
            fx_put(&f, g.p, g.n - 8);   /* no trailer: every byte decodes, then the end */
        }
        read_every_way(f.p, f.n, NULL, &r);
        read_all(f.p, f.n, NULL, MODE_WHOLE, &r, &last);
        CHECK_EQ_INT(r.ok, 2);
        CHECK_EQ_INT(r.errors, 0);
        expect_ok(&r, 0, 0, "<urn:uuid:a>");
        expect_ok(&r, 1, b_off, "<urn:uuid:b>");
        CHECK_EQ_INT(r.ev[1].truncated, 1);
        CHECK_EQ_INT(r.ev[1].http_status, 200);
        CHECK_EQ_MEM(last.p, last.n, "<p>page B, lo");
    }
    /* the reason: "end-of-input" in rec.truncated, unless the record had one */
    src s = { plain.p, plain.n, 0, MODE_WHOLE, 1, 0 };
    wn_warc_record rec;
    wn_warc *w = wn_warc_open_reader(src_read, &s, NULL, NULL);
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);
    CHECK(rec.truncated == NULL);
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);
    CHECK_EQ_STR(rec.truncated, "end-of-input");
    CHECK(rec.payload_error != NULL);
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_END);
    wn_warc_close(w);
    three_free(&t);
    fx_free(&plain);
    fx_free(&f);
    fx_free(&last);
    fx_free(&g);
}

/* MARK: ARC files ------------------------------------------------------------ */

/* One ARC v1 record: header line, block, LF. */
static void arc_record(fx *f, const char *url, const char *date, const char *type,
                       const char *block)
{
    char h[512];
    snprintf(h, sizeof h, "%s 192.0.2.1 %s %s %zu\n", url, date, type, strlen(block));
    fx_puts(f, h);
    fx_puts(f, block);
    fx_puts(f, "\n");
}

/* An ARC v1 file: the file record, two HTTP responses (one URL with a space,
 * one header line in the 10-field version 2 layout) and a DNS record. */
static void arc_file(fx *f, fx rec[5])
{
    static const char version[] = "1 0 winnow test\nURL IP-address Archive-date Content-type Archive-length\n";
    for (int i = 0; i < 5; i++)
        rec[i].n = 0;
    char h[256];
    snprintf(h, sizeof h, "filedesc://test.arc 0.0.0.0 20240501100000 text/plain %zu\n",
             strlen(version));
    fx_puts(&rec[0], h);
    fx_puts(&rec[0], version);
    fx_puts(&rec[0], "\n");
    arc_record(&rec[1], "http://example.com/a", "20240501100001", "text/html",
               "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page A</p>");
    arc_record(&rec[2], "http://example.com/a b", "20240501100002", "text/html",
               "HTTP/1.0 404 Not Found\r\nContent-Type: text/html\r\n\r\ngone");
    fx_puts(&rec[3], "http://example.com/c 192.0.2.3 20240501100003 text/html 200 - - 0 test.arc 57\n"
                     "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>page C</p>\n");
    arc_record(&rec[4], "dns:example.com", "20240501100004", "text/dns",
               "20240501100004\nexample.com. 300 IN A 192.0.2.1\n");
    f->n = 0;
    for (int i = 0; i < 5; i++)
        fx_put(f, rec[i].p, rec[i].n);
}

static void test_arc(void)
{
    fx f = { 0 }, rec[5] = { { 0 } }, g = { 0 };
    run r;
    arc_file(&f, rec);
    uint64_t off[5] = { 0 };
    for (int i = 1; i < 5; i++)
        off[i] = off[i - 1] + rec[i - 1].n;

    /* the fields, read once */
    src s = { f.p, f.n, 0, MODE_WHOLE, 1, 0 };
    wn_warc *w = wn_warc_open_reader(src_read, &s, NULL, NULL);
    wn_warc_record x;
    CHECK_EQ_INT(wn_warc_next(w, &x, NULL), WN_OK);
    CHECK_EQ_STR(x.version, "ARC/1");
    CHECK_EQ_STR(x.type, "warcinfo");
    CHECK_EQ_STR(x.target_uri, "filedesc://test.arc");
    CHECK_EQ_STR(x.date, "2024-05-01T10:00:00Z");
    CHECK_EQ_INT(wn_warc_next(w, &x, NULL), WN_OK);
    CHECK_EQ_STR(x.type, "response");
    CHECK_EQ_STR(x.target_uri, "http://example.com/a");
    CHECK_EQ_STR(x.date, "2024-05-01T10:00:01Z");
    CHECK(x.record_id == NULL);
    CHECK_EQ_INT(x.offset, off[1]);
    CHECK_EQ_INT(x.http_status, 200);
    CHECK_EQ_STR(x.mime, "text/html");
    CHECK_EQ_MEM(x.payload, x.payload_len, "<p>page A</p>");
    CHECK_EQ_INT(wn_warc_next(w, &x, NULL), WN_OK);
    CHECK_EQ_STR(x.target_uri, "http://example.com/a b");
    CHECK_EQ_INT(x.http_status, 404);
    CHECK_EQ_MEM(x.payload, x.payload_len, "gone");
    CHECK_EQ_INT(wn_warc_next(w, &x, NULL), WN_OK);
    CHECK_EQ_STR(x.target_uri, "http://example.com/c");
    CHECK_EQ_STR(x.date, "2024-05-01T10:00:03Z");
    CHECK_EQ_MEM(x.payload, x.payload_len, "<p>page C</p>");
    CHECK_EQ_INT(wn_warc_next(w, &x, NULL), WN_OK);
    CHECK_EQ_STR(x.type, "resource");
    CHECK_EQ_STR(x.target_uri, "dns:example.com");
    CHECK_EQ_STR(x.content_type, "text/dns");
    CHECK_EQ_INT(x.http_status, 0);
    CHECK_EQ_INT(wn_warc_next(w, &x, NULL), WN_END);
    wn_warc_close(w);

    /* every way of reading it, plain and as .arc.gz (one member per record) */
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 5);
    CHECK_EQ_INT(r.errors, 0);
    for (int i = 0; i < 5; i++)
        CHECK_EQ_INT(r.ev[i].off, off[i]);
    uint64_t goff[5];
    for (int i = 0; i < 5; i++) {
        goff[i] = g.n;
        gz(&g, rec[i].p, rec[i].n);
    }
    read_every_way(g.p, g.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 5);
    CHECK_EQ_INT(r.errors, 0);
    for (int i = 0; i < 5; i++)
        CHECK_EQ_INT(r.ev[i].off, goff[i]);

    /* damage: a stray byte before B's header line is one error; a corrupt
     * member (B's, flipped) is one error and C is found by the member scan */
    f.n = 0;
    fx_put(&f, rec[0].p, rec[0].n);
    fx_put(&f, rec[1].p, rec[1].n);
    fx_puts(&f, "X");
    fx_put(&f, rec[2].p, rec[2].n);
    fx_put(&f, rec[3].p, rec[3].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 4);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 2, WN_ERR_INPUT, off[2]);
    g.p[goff[2] + (goff[3] - goff[2]) / 2] ^= 0x55;
    read_every_way(g.p, g.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 4);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 2, WN_ERR_INPUT, goff[2]);
    CHECK_EQ_INT(r.ev[3].off, goff[3]);
    for (int i = 0; i < 5; i++)
        fx_free(&rec[i]);
    fx_free(&f);
    fx_free(&g);
}

/* MARK: HTTP payloads ------------------------------------------------------------- */

/* Read the single record in f (whole), checking it is WN_OK. */
static wn_warc *one_record(fx *f, const wn_warc_options *o, src *s, wn_warc_record *rec)
{
    s->p = f->p;
    s->n = f->n;
    s->at = 0;
    s->mode = MODE_WHOLE;
    s->fail_at = 0;
    wn_warc *w = wn_warc_open_reader(src_read, s, o, NULL);
    CHECK(w != NULL);
    CHECK_EQ_INT(wn_warc_next(w, rec, NULL), WN_OK);
    return w;
}

static void test_chunked(void)
{
    fx f = { 0 };
    src s;
    wn_warc_record rec;
    const char *good = "5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n";
    http_record(&f, "<urn:uuid:ch>", "http://example.com/", "Transfer-Encoding: chunked\r\n", good,
                strlen(good), 0);
    wn_warc *w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "hello world");
    CHECK_EQ_INT(rec.payload_truncated, 0);
    CHECK(rec.payload_error == NULL);
    /* the header block as received, untouched by undoing the chunking after it */
    CHECK_EQ_MEM(rec.http_header, rec.http_header_len,
                 "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n");
    wn_warc_close(w);

    /* "ZZ" is not a chunk size: keep what came before, flag the record */
    const char *bad = "5\r\nhello\r\nZZ\r\nworld\r\n0\r\n\r\n";
    f.n = 0;
    http_record(&f, "<urn:uuid:bad>", "http://example.com/", "Transfer-Encoding: chunked\r\n", bad,
                strlen(bad), 0);
    fx copy = { 0 };
    fx_put(&copy, f.p, f.n);
    fx_put(&f, copy.p, copy.n);   /* a second copy: the reader goes on normally */
    fx_free(&copy);
    run r;
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 0);
    w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "hello");
    CHECK_EQ_INT(rec.payload_truncated, 1);
    CHECK_EQ_STR(rec.payload_error, "bad chunk size in chunked HTTP body");
    wn_warc_close(w);

    /* a size larger than the data left: cut short */
    const char *cut = "5\r\nhello\r\n100\r\nshort";
    f.n = 0;
    http_record(&f, "<urn:uuid:cut>", "http://example.com/", "Transfer-Encoding: chunked\r\n", cut,
                strlen(cut), 0);
    w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "helloshort");
    CHECK_EQ_INT(rec.payload_truncated, 1);
    CHECK(rec.payload_error != NULL);
    wn_warc_close(w);

    /* a 64-bit overflow of the size */
    const char *huge = "fffffffffffffffffff\r\nx\r\n0\r\n\r\n";
    f.n = 0;
    http_record(&f, "<urn:uuid:h>", "http://example.com/", "Transfer-Encoding: chunked\r\n", huge,
                strlen(huge), 0);
    w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_INT(rec.payload_len, 0);
    CHECK_EQ_STR(rec.payload_error, "bad chunk size in chunked HTTP body");
    wn_warc_close(w);
    fx_free(&f);
}

/* ISO-8859-1 bytes, labelled only in the HTTP Content-Type. */
static void test_charset_from_http(void)
{
    fx f = { 0 };
    src s;
    wn_warc_record rec;
    const char body[] = "<p>caf\xe9 na\xefve</p>";
    http_record(&f, "<urn:uuid:l1>", "http://example.com/",
                "Content-Type: Text/HTML ; Charset=\"ISO-8859-1\"\r\n", body, sizeof body - 1, 0);
    wn_warc *w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_STR(rec.http_content_type, "Text/HTML ; Charset=\"ISO-8859-1\"");
    CHECK_EQ_STR(rec.mime, "text/html");
    CHECK_EQ_STR(rec.charset, "iso-8859-1");
    CHECK_EQ_INT(rec.payload_len, sizeof body - 1);
    CHECK(memcmp(rec.payload, body, sizeof body - 1) == 0);
    wn_warc_close(w);
    fx_free(&f);
}

static void test_content_encodings(void)
{
    fx f = { 0 }, enc = { 0 };
    src s;
    wn_warc_record rec;
    const char *text = "<p>The same page, five ways.</p><p>The same page, five ways.</p>";
    size_t tn = strlen(text);
    const char *names[] = { "gzip", "x-gzip", "deflate", "deflate", "zstd" };
    for (int i = 0; i < 5; i++) {
        enc.n = 0;
        if (i < 2)
            gz(&enc, text, tn);
        else if (i == 2)
            zdeflate(&enc, text, tn, 15);    /* zlib-wrapped, as RFC 9110 says */
        else if (i == 3)
            zdeflate(&enc, text, tn, -15);   /* raw, as many servers send */
        else
            zst(&enc, text, tn);
        char hdr[128];
        snprintf(hdr, sizeof hdr, "Content-Type: text/html\r\nContent-Encoding: %s\r\n", names[i]);
        f.n = 0;
        http_record(&f, "<urn:uuid:e>", "http://example.com/", hdr, enc.p, enc.n, 0);
        wn_warc *w = one_record(&f, NULL, &s, &rec);
        CHECK_EQ_MEM(rec.payload, rec.payload_len, text);
        CHECK_EQ_STR(rec.content_encoding, i == 1 ? "gzip" : names[i]);
        CHECK(rec.payload_error == NULL);
        wn_warc_close(w);
    }

    /* br: one uncompressed meta-block holding "hello" (RFC 7932 section 9.2):
     * WBITS=16 (bit 0), ISLAST=0, MNIBBLES=4, MLEN-1=4, ISUNCOMPRESSED=1, then
     * padding, the bytes, and an empty last meta-block (ISLAST=1, ISLASTEMPTY=1). */
    static const char br[] = "\x40\x00\x10hello\x03";
    f.n = 0;
    http_record(&f, "<urn:uuid:br>", "http://example.com/", "Content-Encoding: br\r\n", br,
                sizeof br - 1, 0);
    wn_warc *w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "hello");
    CHECK_EQ_STR(rec.content_encoding, "br");
    CHECK(rec.payload_error == NULL);
    wn_warc_close(w);

    /* a corrupt gzip body: the record is still ok, its payload flagged */
    enc.n = 0;
    gz(&enc, text, tn);
    enc.p[12] ^= 0xff;
    f.n = 0;
    http_record(&f, "<urn:uuid:e>", "http://example.com/", "Content-Encoding: gzip\r\n", enc.p, enc.n, 0);
    w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_INT(rec.payload_truncated, 1);
    CHECK(rec.payload_error != NULL);
    wn_warc_close(w);

    /* an unknown coding is left as it is */
    f.n = 0;
    http_record(&f, "<urn:uuid:e>", "http://example.com/", "Content-Encoding: compress\r\n", "xyz", 3, 0);
    w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "xyz");
    CHECK(rec.content_encoding == NULL);
    CHECK(rec.payload_error != NULL);
    wn_warc_close(w);
    fx_free(&f);
    fx_free(&enc);
}

/* 100 MB of zeros gzipped (about 100 KB) against a 1 MB cap: the payload stops
 * at exactly 1 MB, flagged, and the reader never holds more than that. */
static void test_gzip_bomb(void)
{
    fx bomb = { 0 }, f = { 0 };
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 9, Z_DEFLATED, 16 + 15, 9, Z_DEFAULT_STRATEGY);
    static unsigned char zero[1 << 20], out[1 << 16];
    for (int i = 0; i < 100; i++) {
        z.next_in = zero;
        z.avail_in = sizeof zero;
        int r;
        do {
            z.next_out = out;
            z.avail_out = sizeof out;
            r = deflate(&z, i == 99 ? Z_FINISH : Z_NO_FLUSH);
            fx_put(&bomb, out, sizeof out - z.avail_out);
        } while (z.avail_out == 0 || (i == 99 && r != Z_STREAM_END));
    }
    deflateEnd(&z);
    CHECK(bomb.n < 200000);
    http_record(&f, "<urn:uuid:bomb>", "http://example.com/", "Content-Encoding: gzip\r\n", bomb.p,
                bomb.n, 0);
    three t;
    three_pages(&t);
    fx_put(&f, t.r[2].p, t.r[2].n);

    wn_warc_options o;
    wn_warc_options_init(&o);
    o.max_payload_bytes = 1 << 20;
    src s;
    wn_warc_record rec;
    wn_warc *w = one_record(&f, &o, &s, &rec);
    CHECK_EQ_INT(rec.payload_len, 1 << 20);
    CHECK_EQ_INT(rec.payload_truncated, 1);
    CHECK_EQ_STR(rec.payload_error, "decoded payload exceeds max_payload_bytes");
    CHECK_EQ_STR(rec.content_encoding, "gzip");
    CHECK(rec.payload[0] == 0 && rec.payload[(1 << 20) - 1] == 0);
    CHECK(w->pay_cap <= (1u << 20) + 1);
    CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);   /* the next record is fine */
    CHECK_EQ_STR(rec.record_id, "<urn:uuid:c>");
    wn_warc_close(w);
    fx_free(&bomb);
    fx_free(&f);
    three_free(&t);
}

/* A 20 MB page in per-record gzip: whole under the default cap; cut at 1 MB
 * (flagged, the rest skipped) under a smaller one; the next record is fine. */
static void test_big_page(void)
{
    size_t big = (size_t)20 << 20;
    char *body = malloc(big);
    for (size_t i = 0; i < big; i++)
        body[i] = (char)('a' + (i * 7 + i / 1000) % 26);
    fx rec0 = { 0 }, f = { 0 };
    three t;
    three_pages(&t);
    http_record(&rec0, "<urn:uuid:big>", "http://example.com/big", "Content-Type: text/html\r\n",
                body, big, 0);
    gz(&f, rec0.p, rec0.n);
    size_t m = f.n;
    gz(&f, t.r[2].p, t.r[2].n);

    run r;
    fx last = { 0 };
    read_all(f.p, f.n, NULL, MODE_ODD, &r, NULL);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 0, 0, "<urn:uuid:big>");
    expect_ok(&r, 1, m, "<urn:uuid:c>");
    CHECK_EQ_INT(r.ev[0].payload_len, big);
    CHECK_EQ_INT(r.ev[0].payload_crc, crc32(0, (const unsigned char *)body, (uInt)big));
    CHECK_EQ_INT(r.ev[0].truncated, 0);

    wn_warc_options o;
    wn_warc_options_init(&o);
    o.max_payload_bytes = 1 << 20;
    read_all(f.p, f.n, &o, MODE_WHOLE, &r, &last);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 0);
    CHECK_EQ_INT(r.ev[0].payload_len, 1 << 20);
    CHECK_EQ_INT(r.ev[0].truncated, 1);
    CHECK_EQ_INT(r.ev[0].payload_crc, crc32(0, (const unsigned char *)body, 1u << 20));
    expect_ok(&r, 1, m, "<urn:uuid:c>");

    /* memory stays at the cap: the block buffer never grows past what a block
     * keeps (payload cap + header cap), whatever the record's length */
    {
        src s2 = { f.p, f.n, 0, MODE_ODD, 7, 0 };
        wn_warc *w = wn_warc_open_reader(src_read, &s2, &o, NULL);
        wn_warc_record rec;
        CHECK_EQ_INT(wn_warc_next(w, &rec, NULL), WN_OK);
        CHECK(w->blk_cap <= (1u << 20) + o.max_header_bytes + 1);
        CHECK(w->pay_cap == 0);   /* identity body: handed out in place */
        wn_warc_close(w);
    }

    /* the same in a plain file: a single copy of the block, in the same places */
    f.n = 0;
    fx_put(&f, rec0.p, rec0.n);
    fx_put(&f, t.r[2].p, t.r[2].n);
    read_all(f.p, f.n, &o, MODE_WHOLE, &r, NULL);
    CHECK_EQ_INT(r.ok, 2);
    expect_ok(&r, 1, rec0.n, "<urn:uuid:c>");
    free(body);
    fx_free(&rec0);
    fx_free(&f);
    fx_free(&last);
    three_free(&t);
}

/* HTTP edge cases: header over the cap, parse_http off, an HTTP response with
 * another Content-Type, application/http that is not HTTP, a bad status line. */
static void test_http_edges(void)
{
    fx f = { 0 }, hdr = { 0 };
    src s;
    wn_warc_record rec;
    wn_warc_options o;
    wn_warc *w;

    wn_warc_options_init(&o);
    o.max_header_bytes = 1024;
    for (int i = 0; i < 60; i++)
        fx_puts(&hdr, "X-Padding: 0123456789012345678901234567890123456789\r\n");
    fx_put(&hdr, "", 1);
    http_record(&f, "<urn:uuid:h>", "http://example.com/", hdr.p, "<p>body</p>", 11, 0);
    w = one_record(&f, &o, &s, &rec);
    CHECK_EQ_INT(rec.http_status, 200);
    CHECK_EQ_INT(rec.payload_len, 0);
    CHECK_EQ_INT(rec.payload_truncated, 1);
    CHECK_EQ_STR(rec.payload_error, "HTTP header exceeds max_header_bytes");
    wn_warc_close(w);

    /* parse_http = 0: the payload is the whole block */
    f.n = 0;
    http_record(&f, "<urn:uuid:h>", "http://example.com/", "Content-Type: text/html\r\n", "<p>b</p>", 8, 0);
    wn_warc_options_init(&o);
    o.parse_http = 0;
    w = one_record(&f, &o, &s, &rec);
    CHECK_EQ_INT(rec.http_status, 0);
    CHECK(rec.mime == NULL);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>b</p>");
    wn_warc_close(w);

    /* a response record that starts with HTTP/ under another Content-Type; LF-only lines */
    f.n = 0;
    warc_record(&f, "response", "<urn:uuid:h>", "http://example.com/", "text/plain", NULL,
                "HTTP/1.0 404 Not Found\nContent-Type: text/html\n\nmissing", 55, 0);
    w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_INT(rec.http_status, 404);
    CHECK_EQ_STR(rec.mime, "text/html");
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "missing");
    wn_warc_close(w);

    /* application/http whose block is not HTTP */
    f.n = 0;
    warc_record(&f, "response", "<urn:uuid:h>", "http://example.com/",
                "application/http; msgtype=response", NULL, "garbage", 7, 0);
    w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_INT(rec.http_status, 0);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "garbage");
    CHECK_EQ_STR(rec.payload_error, "not an HTTP response: no HTTP/ status line");
    wn_warc_close(w);

    /* a status line without a 3-digit code */
    f.n = 0;
    warc_record(&f, "response", "<urn:uuid:h>", "http://example.com/",
                "application/http; msgtype=response", NULL, "HTTP/1.1 OK\r\n\r\nx", 16, 0);
    w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_INT(rec.http_status, 0);
    CHECK_EQ_STR(rec.payload_error, "malformed HTTP status line");
    wn_warc_close(w);
    fx_free(&f);
    fx_free(&hdr);
}

/* zstd damage: a corrupt frame, garbage between frames, a skippable frame. */
static void test_zstd_damage(void)
{
    three t;
    fx f = { 0 };
    run r;
    static const unsigned char skip[] = { 0x50, 0x2a, 0x4d, 0x18, 3, 0, 0, 0, 9, 9, 9 };
    three_pages(&t);
    zst(&f, t.r[0].p, t.r[0].n);
    size_t m0 = f.n;
    fx_put(&f, skip, sizeof skip);   /* skippable frames between frames are fine */
    size_t m1 = f.n;
    zst(&f, t.r[1].p, t.r[1].n);
    size_t m2 = f.n;
    zst(&f, t.r[2].p, t.r[2].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 3);
    CHECK_EQ_INT(r.errors, 0);
    expect_ok(&r, 1, m1, "<urn:uuid:b>");
    expect_ok(&r, 2, m2, "<urn:uuid:c>");

    /* B's frame loses its last 10 bytes: one error at B, C is found */
    f.n = 0;
    zst(&f, t.r[0].p, t.r[0].n);
    fx g = { 0 };
    zst(&g, t.r[1].p, t.r[1].n);
    fx_put(&f, g.p, g.n - 10);
    m1 = f.n;
    zst(&f, t.r[2].p, t.r[2].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_err(&r, 1, WN_ERR_INPUT, m0);
    expect_ok(&r, 2, m1, "<urn:uuid:c>");

    /* junk between frames */
    f.n = 0;
    zst(&f, t.r[0].p, t.r[0].n);
    fx_puts(&f, "junk between frames");
    m1 = f.n;
    zst(&f, t.r[1].p, t.r[1].n);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_err(&r, 1, WN_ERR_INPUT, m0);
    expect_ok(&r, 2, m1, "<urn:uuid:b>");
    three_free(&t);
    fx_free(&f);
    fx_free(&g);
}

/* A whole-file gzip cut in the middle of its third record. */
static void test_whole_file_gzip_cut(void)
{
    three t;
    fx plain = { 0 }, f = { 0 };
    run r;
    three_pages(&t);
    for (int i = 0; i < 3; i++)
        fx_put(&plain, t.r[i].p, t.r[i].n);
    /* level 0 (stored blocks): compressed bytes track the plain ones, so a cut
     * 40 bytes into record C's part lands inside record C */
    z_stream z;
    memset(&z, 0, sizeof z);
    deflateInit2(&z, 0, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
    unsigned char out[8192];
    z.next_in = (unsigned char *)plain.p;
    z.avail_in = (uInt)plain.n;
    z.next_out = out;
    z.avail_out = sizeof out;
    CHECK_EQ_INT(deflate(&z, Z_FINISH), Z_STREAM_END);
    size_t total = sizeof out - z.avail_out;
    deflateEnd(&z);
    size_t cut = total - 8 - t.r[2].n + 40;   /* 8 = gzip trailer */
    fx_put(&f, out, cut);
    read_every_way(f.p, f.n, NULL, &r);
    CHECK_EQ_INT(r.ok, 2);
    CHECK_EQ_INT(r.errors, 1);
    expect_ok(&r, 0, 0, "<urn:uuid:a>");
    expect_ok(&r, 1, t.r[0].n, "<urn:uuid:b>");
    expect_err(&r, 2, WN_ERR_INPUT, t.r[0].n + t.r[1].n);
    three_free(&t);
    fx_free(&plain);
    fx_free(&f);
}

/* WARC-Truncated marks the payload truncated even when it is all there. */
static void test_warc_truncated_header(void)
{
    fx f = { 0 };
    src s;
    wn_warc_record rec;
    warc_record(&f, "resource", "<urn:uuid:t>", "http://example.com/", "text/plain",
                "WARC-Truncated: length\r\n", "abc", 3, 0);
    wn_warc *w = one_record(&f, NULL, &s, &rec);
    CHECK_EQ_STR(rec.truncated, "length");
    CHECK_EQ_INT(rec.payload_truncated, 1);
    CHECK_EQ_MEM(rec.payload, rec.payload_len, "abc");
    wn_warc_close(w);
    fx_free(&f);
}

int main(void)
{
    RUN(test_plain_three);
    RUN(test_gzip_members_fields);
    RUN(test_whole_file_gzip);
    RUN(test_whole_file_gzip_liar);
    RUN(test_members_split_anywhere);
    RUN(test_zstd_frames_and_whole);
    RUN(test_zstd_dictionary);
    RUN(test_header_syntax);
    RUN(test_empty_file);
    RUN(test_truncated_gzip_member);
    RUN(test_corrupt_gzip_member);
    RUN(test_lying_length_long_plain);
    RUN(test_lying_length_short_plain);
    RUN(test_lying_length_long_gzip);
    RUN(test_lying_length_short_gzip);
    RUN(test_lying_length_lands_on_crlf);
    RUN(test_nested_liars_are_linear);
    RUN(test_claimed_length_not_allocated);
    RUN(test_garbage);
    RUN(test_ends_mid_header);
    RUN(test_header_cap);
    RUN(test_missing_or_bad_length);
    RUN(test_read_error);
    RUN(test_chunked);
    RUN(test_charset_from_http);
    RUN(test_content_encodings);
    RUN(test_gzip_bomb);
    RUN(test_big_page);
    RUN(test_warc_truncated_header);
    RUN(test_http_edges);
    RUN(test_zstd_damage);
    RUN(test_whole_file_gzip_cut);
    RUN(test_resync_stray_bytes);
    RUN(test_resync_damaged_version_line);
    RUN(test_resync_missing_or_padded_crlf);
    RUN(test_resync_members_misaligned);
    RUN(test_resync_whole_gzip_flip);
    RUN(test_resync_whole_gzip_deflate);
    RUN(test_versions);
    RUN(test_truncated_final_record);
    RUN(test_arc);
    CHECK_DONE();
}
