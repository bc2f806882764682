/*
 * fuzz_warc.c: libFuzzer target for the WARC reader. The first 4 bytes choose
 * the limits, HTTP parsing, a seed for read sizes, and whether the rest is
 * first cut into gzip members (at seed-chosen points, sometimes with one byte
 * flipped) so member handling and resync get exercised too. The file is handed
 * over through wn_warc_open_reader in random-sized reads (the reader tells WARC
 * from ARC by the bytes: the seeds hold both, and damage between records for
 * the resync paths). Every string and payload byte of each record is touched
 * so ASan sees bad pointers.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>
#include <winnow.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct feed {
    const uint8_t *p;
    size_t n, at;
    uint32_t seed;
} feed;

static long feed_read(void *ctx, void *buf, size_t n)
{
    feed *f = ctx;
    f->seed = f->seed * 1664525u + 1013904223u;
    size_t k = 1 + (f->seed >> 20) % 300;   /* 1..300 bytes: boundaries land everywhere */
    if (k < n)
        n = k;
    if (n > f->n - f->at)
        n = f->n - f->at;
    memcpy(buf, f->p + f->at, n);
    f->at += n;
    return (long)n;
}

/* Gzip p[0..n) as several members cut at pseudo-random points. */
static uint8_t *gzip_members(const uint8_t *p, size_t n, uint32_t seed, size_t *out_n)
{
    size_t cap = n + 64 + (n / 16 + 1) * 64, len = 0;
    uint8_t *out = malloc(cap);
    z_stream z;
    memset(&z, 0, sizeof z);
    if (out == NULL || deflateInit2(&z, 1, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
        free(out);
        return NULL;
    }
    size_t at = 0;
    while (at < n) {
        seed = seed * 1664525u + 1013904223u;
        size_t piece = 1 + (seed >> 16) % 512;
        if (piece > n - at)
            piece = n - at;
        deflateReset(&z);
        z.next_in = (Bytef *)(p + at);
        z.avail_in = (uInt)piece;
        z.next_out = out + len;
        z.avail_out = (uInt)(cap - len);
        if (deflate(&z, Z_FINISH) != Z_STREAM_END)
            break;
        len = cap - z.avail_out;
        at += piece;
        if (cap - len < 1024)
            break;
    }
    deflateEnd(&z);
    *out_n = len;
    return out;
}

static size_t touch(const char *s)
{
    return s ? strlen(s) : 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const size_t caps[4] = { 0, 16, 200, 4096 };
    volatile size_t sink = 0;

    if (size < 4)
        return 0;
    wn_warc_options o;
    wn_warc_options_init(&o);
    o.max_payload_bytes = caps[data[0] & 3] ? caps[data[0] & 3] : (size_t)1 << 20;
    o.max_header_bytes = (data[0] & 4) ? 64 : 4096;
    o.max_record_bytes = (data[0] & 8) ? 100 : (size_t)1 << 24;
    o.parse_http = !(data[0] & 16);
    uint32_t seed = (uint32_t)data[1] | (uint32_t)data[2] << 8 | (uint32_t)data[3] << 16;
    feed f = { data + 4, size - 4, 0, seed };
    uint8_t *packed = NULL;
    if (data[0] & 32) {
        size_t pn = 0;
        packed = gzip_members(data + 4, size - 4, seed, &pn);
        if (packed == NULL)
            return 0;
        if ((data[0] & 64) && pn > 0)
            packed[seed % pn] ^= (uint8_t)(1u << (seed >> 29));
        f.p = packed;
        f.n = pn;
    }

    wn_warc *w = wn_warc_open_reader(feed_read, &f, &o, NULL);
    if (w == NULL) {
        free(packed);
        return 0;
    }
    /* Each call either returns a record, an error, or the end, and always moves
     * forward, so the number of calls is bounded by the input size. */
    for (size_t calls = 0; calls < 4 * size + 16; calls++) {
        wn_warc_record rec;
        wn_error err;
        wn_status st = wn_warc_next(w, &rec, &err);
        if (st == WN_END || st == WN_ERR_IO)
            break;
        if (st != WN_OK) {
            sink += touch(err.msg);
            continue;
        }
        sink += touch(rec.version) + touch(rec.type) + touch(rec.target_uri) + touch(rec.date) +
                touch(rec.record_id) + touch(rec.content_type) + touch(rec.truncated) +
                touch(rec.http_content_type) + touch(rec.mime) + touch(rec.charset) +
                touch(rec.content_encoding) + touch(rec.payload_error);
        for (size_t i = 0; i <= rec.payload_len; i++)
            sink += (unsigned char)rec.payload[i];
        if (rec.payload[rec.payload_len] != 0)
            __builtin_trap();
    }
    wn_warc_close(w);
    free(packed);
    (void)sink;
    return 0;
}
