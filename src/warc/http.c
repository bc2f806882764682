/*
 * http.c: the HTTP response inside a WARC response record (RFC 9112 message
 * framing): status line, header fields, chunked transfer coding (undone in
 * place), and Content-Encoding gzip / x-gzip / deflate (zlib or raw) / br / zstd
 * decoded into a buffer capped at max_payload_bytes, so a bomb stops there.
 * Payload problems flag the record (payload_error); they never fail it.
 */
#include "warc/warc_internal.h"

#include <stdlib.h>
#include <string.h>

#include "core/str.h"

enum { CE_NONE, CE_GZIP, CE_DEFLATE, CE_BR, CE_ZSTD, CE_UNKNOWN };

static const char msg_cap[] = "decoded payload exceeds max_payload_bytes";

/* MARK: Small parsing helpers ------------------------------------------------ */

static int ci_contains(const char *s, size_t n, const char *lit)
{
    size_t m = strlen(lit);
    for (size_t i = 0; i + m <= n; i++)
        if (wn_str_ieq(wn_str_make(s + i, m), lit))
            return 1;
    return 0;
}

static wn_str trim(const char *p, size_t n)
{
    while (n > 0 && (*p == ' ' || *p == '\t')) {
        p++;
        n--;
    }
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r'))
        n--;
    return wn_str_make(p, n);
}

/* Append s lowercased (or as is) plus a NUL to strs; returns its offset. */
static size_t put_str(wn_buf *b, wn_str s, int lower)
{
    size_t o = b->n;
    if (wn_buf_put(b, s.p, s.n) == 0 && lower)
        for (size_t i = 0; i < s.n; i++)
            b->p[o + i] = wn_ascii_lower(b->p[o + i]);
    wn_buf_putc(b, '\0');
    return o;
}

static int coding_of(wn_str v)
{
    if (v.n == 0 || wn_str_ieq(v, "identity"))
        return CE_NONE;
    if (wn_str_ieq(v, "gzip") || wn_str_ieq(v, "x-gzip"))
        return CE_GZIP;
    if (wn_str_ieq(v, "deflate"))
        return CE_DEFLATE;
    if (wn_str_ieq(v, "br"))
        return CE_BR;
    if (wn_str_ieq(v, "zstd"))
        return CE_ZSTD;
    return CE_UNKNOWN;
}

static const char *const coding_name[] = { NULL, "gzip", "deflate", "br", "zstd", NULL };

/* MARK: Chunked -------------------------------------------------------------- */

/*
 * Undo chunked transfer coding in place (the output never outruns the input).
 * Returns the body length; *msg is set when the body is malformed (a bad chunk
 * size, or chunk data not followed by CRLF) or incomplete.
 */
static size_t dechunk(char *p, size_t n, const char **msg, int *incomplete)
{
    size_t r = 0, o = 0;

    *msg = NULL;
    *incomplete = 0;
    for (;;) {
        uint64_t size = 0;
        int digits = 0;
        while (r < n && (p[r] == ' ' || p[r] == '\t'))
            r++;
        for (; r < n; r++) {
            char c = p[r];
            int d = c >= '0' && c <= '9' ? c - '0'
                  : c >= 'a' && c <= 'f' ? c - 'a' + 10
                  : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0)
                break;
            if (++digits > 15) {   /* 2^60 bytes: no real chunk is that big */
                *msg = "bad chunk size in chunked HTTP body";
                return o;
            }
            size = size * 16 + (uint64_t)d;
        }
        if (r == n) {
            *incomplete = 1;
            return o;
        }
        /* After the digits: optional whitespace and ";extensions", then (CR)LF. */
        size_t e = r;
        while (e < n && (p[e] == ' ' || p[e] == '\t'))
            e++;
        if (digits == 0 || (e < n && p[e] != ';' && p[e] != '\r' && p[e] != '\n')) {
            *msg = "bad chunk size in chunked HTTP body";
            return o;
        }
        char *nl = memchr(p + e, '\n', n - e);
        if (nl == NULL) {
            *incomplete = 1;
            return o;
        }
        r = (size_t)(nl - p) + 1;
        if (size == 0)
            return o;   /* last chunk; trailer fields are ignored */
        if (size > n - r) {
            memmove(p + o, p + r, n - r);
            o += n - r;
            *incomplete = 1;
            return o;
        }
        memmove(p + o, p + r, (size_t)size);
        o += (size_t)size;
        r += (size_t)size;
        if (r < n && p[r] == '\r')
            r++;
        if (r == n) {
            *incomplete = 1;
            return o;
        }
        if (p[r] != '\n') {
            *msg = "bad chunk in chunked HTTP body: no CRLF after the chunk data";
            return o;
        }
        r++;
    }
}

/* MARK: Content-Encoding ------------------------------------------------------ */

/* Make room in w->pay for more output: returns the usable capacity, at most
 * lim (one byte more is kept for a NUL), or 0 when out of memory. Growth
 * doubles, so a bomb costs at most lim bytes, never its claimed size. */
static size_t pay_room(wn_warc *w, size_t have, size_t lim, size_t n_in)
{
    size_t usable = w->pay_cap ? w->pay_cap - 1 : 0;
    if (usable > lim)
        usable = lim;
    if (w->pay_cap > 0 && (have < usable || usable == lim))
        return usable;
    size_t hint = n_in < lim / 4 ? n_in * 4 : lim;
    size_t want = w->pay_cap ? (w->pay_cap > SIZE_MAX / 2 ? SIZE_MAX : w->pay_cap * 2)
                             : (hint > 65536 ? hint : 65536);
    if (want > lim + 1)
        want = lim + 1;
    if (want > w->pay_cap) {
        char *p = realloc(w->pay, want);
        if (p == NULL)
            return 0;
        w->pay = p;
        w->pay_cap = want;
    }
    usable = w->pay_cap - 1;
    return usable > lim ? lim : usable;
}

/* The state a decoder leaves: how much it wrote and what went wrong. */
typedef struct dec_out {
    size_t len;
    const char *msg;
    int nomem;
} dec_out;

static void dec_zlib_bits(wn_warc *w, int kind, int bits, const unsigned char *in, size_t n,
                          size_t lim, dec_out *d);

static void dec_zlib(wn_warc *w, int kind, const unsigned char *in, size_t n, size_t lim,
                     dec_out *d)
{
    if (kind != CE_DEFLATE) {
        dec_zlib_bits(w, kind, 16 + 15, in, n, lim, d);
        return;
    }
    /* "deflate" is meant to be zlib-wrapped, but servers often send raw
     * deflate: a zlib header is CMF/FLG with method 8 and a multiple of 31.
     * Raw data passes that test 1 time in 500 or so: if the zlib reading fails
     * before any output, read it raw instead. */
    int zlib = n >= 2 && (in[0] & 0x0f) == 8 && ((in[0] << 8) | in[1]) % 31 == 0;
    dec_zlib_bits(w, kind, zlib ? 15 : -15, in, n, lim, d);
    if (zlib && d->len == 0 && d->msg != NULL && !d->nomem) {
        d->msg = NULL;
        dec_zlib_bits(w, kind, -15, in, n, lim, d);
    }
}

static void dec_zlib_bits(wn_warc *w, int kind, int bits, const unsigned char *in, size_t n,
                          size_t lim, dec_out *d)
{
    if (!w->zc_ready) {
        memset(&w->zc, 0, sizeof w->zc);
        if (inflateInit2(&w->zc, bits) != Z_OK) {
            d->nomem = 1;
            return;
        }
        w->zc_ready = 1;
    } else if (inflateReset2(&w->zc, bits) != Z_OK) {
        d->msg = "cannot decode Content-Encoding";
        return;
    }
    w->zc.next_in = (unsigned char *)in;
    w->zc.avail_in = n > 0x40000000u ? 0x40000000u : (uInt)n;
    size_t fed = w->zc.avail_in;
    for (;;) {
        size_t cap = pay_room(w, d->len, lim, n);
        if (cap == 0) {
            d->nomem = 1;
            return;
        }
        unsigned char probe;
        int probing = d->len >= cap;
        /* At the cap, one more byte of output tells a bomb from a stream that
         * ends exactly there. */
        w->zc.next_out = probing ? &probe : (unsigned char *)w->pay + d->len;
        w->zc.avail_out = probing ? 1 : (uInt)((cap - d->len) > 0x40000000u ? 0x40000000u
                                                                            : cap - d->len);
        size_t before = w->zc.avail_out;
        int r = inflate(&w->zc, Z_NO_FLUSH);
        size_t made = before - w->zc.avail_out;
        if (probing && made > 0) {
            d->msg = msg_cap;
            return;
        }
        d->len += probing ? 0 : made;
        if (w->zc.avail_in == 0 && fed < n) {
            size_t more = n - fed > 0x40000000u ? 0x40000000u : n - fed;
            w->zc.avail_in = (uInt)more;
            fed += more;
        }
        if (r == Z_STREAM_END) {
            /* gzip allows several members back to back */
            if (kind == CE_GZIP && w->zc.avail_in >= 3 && w->zc.next_in[0] == 0x1f &&
                w->zc.next_in[1] == 0x8b) {
                inflateReset(&w->zc);
                continue;
            }
            return;
        }
        if (r == Z_OK)
            continue;
        if (r == Z_BUF_ERROR && w->zc.avail_in == 0) {
            d->msg = "truncated Content-Encoding stream";
            return;
        }
        if (r == Z_BUF_ERROR)
            continue;
        d->msg = kind == CE_GZIP ? "corrupt gzip Content-Encoding" : "corrupt deflate Content-Encoding";
        return;
    }
}

static void dec_br(wn_warc *w, const unsigned char *in, size_t n, size_t lim, dec_out *d)
{
    if (w->br != NULL)
        BrotliDecoderDestroyInstance(w->br);   /* 1.0.x has no reset */
    w->br = BrotliDecoderCreateInstance(NULL, NULL, NULL);
    if (w->br == NULL) {
        d->nomem = 1;
        return;
    }
    size_t avail_in = n;
    const uint8_t *next_in = in;
    for (;;) {
        size_t cap = pay_room(w, d->len, lim, n);
        if (cap == 0) {
            d->nomem = 1;
            return;
        }
        uint8_t probe;
        int probing = d->len >= cap;
        size_t avail_out = probing ? 1 : cap - d->len;
        uint8_t *next_out = probing ? &probe : (uint8_t *)w->pay + d->len;
        BrotliDecoderResult r =
            BrotliDecoderDecompressStream(w->br, &avail_in, &next_in, &avail_out, &next_out, NULL);
        size_t made = (size_t)(next_out - (probing ? &probe : (uint8_t *)w->pay + d->len));
        if (probing && made > 0) {
            d->msg = msg_cap;
            return;
        }
        d->len += probing ? 0 : made;
        if (r == BROTLI_DECODER_RESULT_SUCCESS)
            return;
        if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT)
            continue;
        if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
            d->msg = "truncated Content-Encoding stream";
            return;
        }
        d->msg = "corrupt br Content-Encoding";
        return;
    }
}

static void dec_zstd(wn_warc *w, const unsigned char *in, size_t n, size_t lim, dec_out *d)
{
    if (w->zcd == NULL) {
        w->zcd = ZSTD_createDStream();
        if (w->zcd == NULL) {
            d->nomem = 1;
            return;
        }
    }
    ZSTD_DCtx_reset(w->zcd, ZSTD_reset_session_only);
    ZSTD_inBuffer ib = { in, n, 0 };
    size_t last = 1;
    for (;;) {
        size_t cap = pay_room(w, d->len, lim, n);
        if (cap == 0) {
            d->nomem = 1;
            return;
        }
        char probe;
        int probing = d->len >= cap;
        ZSTD_outBuffer ob = { probing ? &probe : w->pay + d->len, probing ? 1 : cap - d->len, 0 };
        size_t r = ZSTD_decompressStream(w->zcd, &ob, &ib);
        if (ZSTD_isError(r)) {
            d->msg = "corrupt zstd Content-Encoding";
            return;
        }
        if (probing && ob.pos > 0) {
            d->msg = msg_cap;
            return;
        }
        d->len += probing ? 0 : ob.pos;
        last = r;
        if (r == 0 && ib.pos == ib.size)
            return;   /* frame complete, nothing after it */
        if (ib.pos == ib.size && ob.pos < ob.size) {
            if (last != 0)
                d->msg = "truncated Content-Encoding stream";
            return;
        }
    }
}

/* MARK: The record ----------------------------------------------------------- */

static void set_payload(wn_warc_record *rec, char *p, size_t n, size_t lim, int cut)
{
    if (n > lim) {
        n = lim;
        cut = 1;
    }
    p[n] = '\0';
    rec->payload = p;
    rec->payload_len = n;
    if (cut) {
        rec->payload_truncated = 1;
        rec->payload_error = msg_cap;
    }
}

wn_status wn_warc_http(wn_warc *w, wn_warc_record *rec, int cut)
{
    char *b = w->blk;
    size_t n = w->blk_len;
    size_t lim = w->opt.max_payload_bytes ? w->opt.max_payload_bytes : SIZE_MAX / 4;
    size_t hmax = w->opt.max_header_bytes ? w->opt.max_header_bytes : SIZE_MAX / 4;

    wn_buf_clear(&w->strs);
    w->strs.failed = 0;
    int is_resp = rec->type != NULL && wn_str_ieq(wn_str_make(rec->type, strlen(rec->type)), "response");
    int looks_http = n >= 5 && memcmp(b, "HTTP/", 5) == 0;
    int ct_http = rec->content_type != NULL &&
                  ci_contains(rec->content_type, strlen(rec->content_type), "application/http");
    if (!w->opt.parse_http || !is_resp || !(looks_http || ct_http)) {
        set_payload(rec, b, n, lim, cut);
        return WN_OK;
    }
    if (!looks_http) {
        set_payload(rec, b, n, lim, cut);
        rec->payload_error = "not an HTTP response: no HTTP/ status line";
        return WN_OK;
    }

    /* Status line: HTTP-version SP 3DIGIT [SP reason] */
    size_t scan = n < hmax ? n : hmax;
    char *eol = memchr(b, '\n', scan);
    size_t i = 5;
    while (i < n && b[i] != ' ' && b[i] != '\n')
        i++;
    while (i < n && b[i] == ' ')
        i++;
    if (eol == NULL || i + 3 > (size_t)(eol - b) || b[i] < '1' || b[i] > '9' ||
        b[i + 1] < '0' || b[i + 1] > '9' || b[i + 2] < '0' || b[i + 2] > '9') {
        set_payload(rec, b, n, lim, cut);
        rec->payload_error = eol == NULL ? "HTTP header exceeds max_header_bytes or is cut"
                                         : "malformed HTTP status line";
        return WN_OK;
    }
    rec->http_status = (b[i] - '0') * 100 + (b[i + 1] - '0') * 10 + (b[i + 2] - '0');

    /* Header fields up to the blank line. */
    wn_str ctype = { NULL, 0 }, cenc = { NULL, 0 };
    int chunked = 0;
    size_t p = (size_t)(eol - b) + 1, body = 0;
    for (;;) {
        char *le = p < scan ? memchr(b + p, '\n', scan - p) : NULL;
        if (le == NULL) {
            rec->payload = b + n;   /* the NUL after the kept block */
            rec->payload_len = 0;
            rec->payload_truncated = 1;
            rec->payload_error = n >= hmax ? "HTTP header exceeds max_header_bytes"
                                           : "HTTP header block is cut short";
            b[n] = '\0';
            return WN_OK;
        }
        size_t e = (size_t)(le - b);
        wn_str line = wn_str_make(b + p, e - p);
        if (line.n > 0 && line.p[line.n - 1] == '\r')
            line.n--;
        size_t line_start = p;
        p = e + 1;
        if (line.n == 0) {
            body = p;
            rec->http_header = b;   /* chunking and codings are undone after it, in place */
            rec->http_header_len = line_start;
            break;
        }
        const char *colon = memchr(line.p, ':', line.n);
        if (colon == NULL)
            continue;
        wn_str name = trim(line.p, (size_t)(colon - line.p));
        wn_str value = trim(colon + 1, line.n - (size_t)(colon - line.p) - 1);
        if (wn_str_ieq(name, "content-type") && ctype.p == NULL)
            ctype = value;
        else if (wn_str_ieq(name, "content-encoding") && cenc.p == NULL)
            cenc = value;
        else if (wn_str_ieq(name, "transfer-encoding") && ci_contains(value.p, value.n, "chunked"))
            chunked = 1;
    }

    /* Strings: the Content-Type value, its MIME type and charset. */
    size_t o_ct = 0, o_mime = 0, o_cs = 0;
    int has_mime = 0, has_cs = 0;
    if (ctype.p != NULL) {
        o_ct = put_str(&w->strs, ctype, 0);
        const char *semi = memchr(ctype.p, ';', ctype.n);
        wn_str mime = trim(ctype.p, semi ? (size_t)(semi - ctype.p) : ctype.n);
        if (mime.n > 0) {
            o_mime = put_str(&w->strs, mime, 1);
            has_mime = 1;
        }
        while (semi != NULL) {
            const char *ps = semi + 1, *pe = ctype.p + ctype.n;
            semi = memchr(ps, ';', (size_t)(pe - ps));
            wn_str param = trim(ps, (size_t)((semi ? semi : pe) - ps));
            const char *eq = memchr(param.p, '=', param.n);
            if (eq == NULL || !wn_str_ieq(trim(param.p, (size_t)(eq - param.p)), "charset"))
                continue;
            wn_str v = trim(eq + 1, param.n - (size_t)(eq - param.p) - 1);
            if (v.n >= 2 && v.p[0] == '"' && v.p[v.n - 1] == '"') {
                v.p++;
                v.n -= 2;
            }
            if (v.n > 0 && !has_cs) {
                o_cs = put_str(&w->strs, v, 1);
                has_cs = 1;
            }
        }
    }
    if (w->strs.failed)
        return WN_ERR_NOMEM;
    if (ctype.p != NULL)
        rec->http_content_type = w->strs.p + o_ct;
    if (has_mime)
        rec->mime = w->strs.p + o_mime;
    if (has_cs)
        rec->charset = w->strs.p + o_cs;

    /* Body: undo chunking in place, then the Content-Encoding. */
    char *bp = b + body;
    size_t bn = n - body;
    const char *why = NULL;
    int incomplete = 0;
    if (chunked)
        bn = dechunk(bp, bn, &why, &incomplete);
    if (incomplete && !cut && why == NULL)
        why = "chunked HTTP body is cut short";
    int coding = cenc.p ? coding_of(cenc) : CE_NONE;
    if (coding == CE_NONE || coding == CE_UNKNOWN) {
        set_payload(rec, bp, bn, lim, cut);
        if (coding == CE_UNKNOWN && rec->payload_error == NULL)
            rec->payload_error = "unsupported Content-Encoding (payload left encoded)";
    } else {
        dec_out d = { 0, NULL, 0 };
        if (coding == CE_BR)
            dec_br(w, (const unsigned char *)bp, bn, lim, &d);
        else if (coding == CE_ZSTD)
            dec_zstd(w, (const unsigned char *)bp, bn, lim, &d);
        else
            dec_zlib(w, coding, (const unsigned char *)bp, bn, lim, &d);
        if (d.nomem)
            return WN_ERR_NOMEM;
        if (w->pay == NULL && pay_room(w, 0, lim, 1) == 0)
            return WN_ERR_NOMEM;
        w->pay[d.len] = '\0';
        rec->payload = w->pay;
        rec->payload_len = d.len;
        rec->content_encoding = coding_name[coding];
        if (d.msg != NULL || cut) {
            rec->payload_truncated = 1;
            rec->payload_error = cut ? msg_cap : d.msg;
        }
    }
    if (why != NULL) {
        rec->payload_truncated = 1;
        rec->payload_error = why;
    } else if (incomplete) {
        rec->payload_truncated = 1;
    }
    return WN_OK;
}

void wn_warc_http_fini(wn_warc *w)
{
    if (w->zc_ready)
        inflateEnd(&w->zc);
    if (w->br != NULL)
        BrotliDecoderDestroyInstance(w->br);
    ZSTD_freeDStream(w->zcd);
}
