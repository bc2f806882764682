/*
 * reader.c: WARC records (ISO 28500, WARC/1.0 and 1.1) read from the byte
 * stream of stream.c: version line, header block, a content block of
 * Content-Length bytes, then CRLF CRLF. A corrupt record costs exactly one error
 * and the next call resynchronises; docs/internals/WARC.md has the rules and
 * the accounting. Public entry points of the "WARC reading" API live here.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* memmem */
#endif
#include "warc/warc_internal.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/error.h"

/* Why a record failed and how to find the next one. */
typedef struct rd_err {
    const char *msg;
    uint64_t off;
    int resync;
} rd_err;

/* MARK: Public: options, open, close ----------------------------------------- */

void wn_warc_options_init(wn_warc_options *o)
{
    if (o == NULL)
        return;
    memset(o, 0, sizeof *o);
    o->max_header_bytes = (size_t)64 << 10;
    o->max_payload_bytes = (size_t)64 << 20;
    o->max_record_bytes = (size_t)1 << 30;
    o->parse_http = 1;
}

static long fd_read(void *ctx, void *buf, size_t n)
{
    wn_warc *w = ctx;
    for (;;) {
        ssize_t r = read(w->fd, buf, n);
        if (r < 0 && errno == EINTR)
            continue;
        return (long)r;
    }
}

static wn_warc *warc_new(const wn_warc_options *opt, wn_error *err)
{
    wn_warc *w = calloc(1, sizeof *w);
    if (w == NULL) {
        wn_set_error(err, WN_ERR_NOMEM, "out of memory", 0);
        return NULL;
    }
    w->fd = -1;
    w->fail_dpos = UINT64_MAX;
    if (opt)
        w->opt = *opt;
    else
        wn_warc_options_init(&w->opt);
    /* Keep enough of a block for the HTTP header plus a full payload; the rest
     * streams past. 0 means no limit, as everywhere in wn_options. */
    size_t hmax = w->opt.max_header_bytes ? w->opt.max_header_bytes : SIZE_MAX / 4;
    size_t pmax = w->opt.max_payload_bytes ? w->opt.max_payload_bytes : SIZE_MAX / 4;
    w->keep_cap = hmax + pmax;
    wn_buf_init(&w->hdr, 0);
    wn_buf_init(&w->strs, 0);
    if (wn_ws_init(w) != 0) {
        wn_ws_fini(w);
        free(w);
        wn_set_error(err, WN_ERR_NOMEM, "out of memory", 0);
        return NULL;
    }
    return w;
}

static wn_warc *warc_start(wn_warc *w, wn_error *err)
{
    const char *msg;
    if (wn_ws_detect(w, &msg) != 0) {
        wn_set_error(err, w->sst == WN_ERR_IO ? WN_ERR_IO : WN_ERR_INPUT, msg ? msg : "read error", 0);
        wn_warc_close(w);
        return NULL;
    }
    return w;
}

wn_warc *wn_warc_open_file(const char *path, const wn_warc_options *opt, wn_error *err)
{
    if (path == NULL) {
        wn_set_error(err, WN_ERR_ARG, "no path", 0);
        return NULL;
    }
    wn_warc *w = warc_new(opt, err);
    if (w == NULL)
        return NULL;
    w->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (w->fd < 0) {
        wn_set_error(err, WN_ERR_IO, "cannot open file", 0);
        wn_warc_close(w);
        return NULL;
    }
    w->read = fd_read;
    w->ctx = w;
    return warc_start(w, err);
}

wn_warc *wn_warc_open_reader(wn_read_fn fn, void *ctx, const wn_warc_options *opt,
                             wn_error *err)
{
    if (fn == NULL) {
        wn_set_error(err, WN_ERR_ARG, "no read function", 0);
        return NULL;
    }
    wn_warc *w = warc_new(opt, err);
    if (w == NULL)
        return NULL;
    w->read = fn;
    w->ctx = ctx;
    return warc_start(w, err);
}

void wn_warc_close(wn_warc *w)
{
    if (w == NULL)
        return;
    wn_ws_fini(w);
    wn_warc_http_fini(w);
    wn_buf_fini(&w->hdr);
    wn_buf_fini(&w->strs);
    free(w->blk);
    free(w->pay);
    free(w);
}

uint64_t wn_warc_input_offset(const wn_warc *w)
{
    return w ? w->in_base + w->in_pos : 0;
}

/* MARK: Header block ------------------------------------------------------- */

static const char *const field_names[] = {
    "warc-type", "warc-target-uri", "warc-date", "warc-record-id",
    "content-type", "warc-truncated", "content-length",
};
enum { F_TYPE, F_URI, F_DATE, F_ID, F_CTYPE, F_TRUNC, F_LENGTH, F_COUNT };

static int field_index(const char *name, size_t n)
{
    while (n > 0 && (name[n - 1] == ' ' || name[n - 1] == '\t'))
        n--;
    for (int i = 0; i < F_COUNT; i++)
        if (wn_str_ieq(wn_str_make(name, n), field_names[i]))
            return i;
    return -1;
}

/*
 * Parse the header block in w->hdr in place: NUL-terminate the version line and
 * each known value, folding continuation lines (leading SP/HT) into one space.
 * Values are written at o, which never overtakes the line being read.
 */
static void parse_header(wn_warc *w, const char *val[F_COUNT], const char **version)
{
    char *s = w->hdr.p, *end = w->hdr.p + w->hdr.n;
    char *nl = memchr(s, '\n', (size_t)(end - s));
    char *o, *start = NULL;
    int cur = -1;

    for (int i = 0; i < F_COUNT; i++)
        val[i] = NULL;
    *version = s;
    char *ve = nl;
    if (ve > s && ve[-1] == '\r')
        ve--;
    *ve = '\0';
    s = nl + 1;
    o = s;
    while (s < end) {
        char *le = memchr(s, '\n', (size_t)(end - s));
        char *next = le ? le + 1 : end;
        char *e = le ? le : end;
        if (e > s && e[-1] == '\r')
            e--;
        if (s == e)
            break;   /* the blank line that ends the block */
        if ((*s == ' ' || *s == '\t') && cur >= 0) {
            while (s < e && (*s == ' ' || *s == '\t'))
                s++;
            if (s < e) {
                *o++ = ' ';
                memmove(o, s, (size_t)(e - s));
                o += e - s;
            }
        } else {
            if (cur >= 0) {
                while (o > start && (o[-1] == ' ' || o[-1] == '\t'))
                    o--;
                *o++ = '\0';
            }
            cur = -1;
            char *colon = memchr(s, ':', (size_t)(e - s));
            if (colon != NULL) {
                int f = field_index(s, (size_t)(colon - s));
                if (f >= 0 && val[f] == NULL) {
                    char *v = colon + 1;
                    while (v < e && (*v == ' ' || *v == '\t'))
                        v++;
                    start = o;
                    memmove(o, v, (size_t)(e - v));
                    o += e - v;
                    val[f] = start;
                    cur = f;
                }
            }
        }
        s = next;
    }
    if (cur >= 0) {
        while (o > start && (o[-1] == ' ' || o[-1] == '\t'))
            o--;
        *o = '\0';
    }
}

static int parse_length(const char *s, uint64_t *out)
{
    uint64_t v = 0;
    if (s == NULL || *s == '\0')
        return -1;
    for (; *s; s++) {
        if (*s < '0' || *s > '9')
            return -1;
        if (v > (UINT64_MAX - 9) / 10)
            return -1;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return 0;
}

/* MARK: Record starts ------------------------------------------------------- */

/* Bytes tolerated between a block and the next record besides the CRLF CRLF the
 * standard asks for: more CR and LF (blank lines some writers add) and NUL
 * (padding), up to this many. */
#define PAD_MAX ((size_t)64 << 10)

/* An ARC header line is judged on at most this many bytes. */
#define ARC_LINE_MAX 4096

/* How much of the window a span keeps for judging it (see after_block). */
#define SPAN_HEAD 1024

int wn_warc_version_line(const unsigned char *p, size_t n)
{
    static const char lit[] = "WARC/";
    size_t i;
    for (i = 0; i < 5; i++) {
        if (i >= n)
            return -1;
        if (p[i] != (unsigned char)lit[i])
            return 0;
    }
    /* major "." minor, 1 to 3 digits each: 0.17, 0.18, 1.0, 1.1 */
    for (int part = 0; part < 2; part++) {
        size_t d = 0;
        for (;; i++) {
            if (i >= n)
                return -1;
            if (p[i] < '0' || p[i] > '9')
                break;
            if (++d > 3)
                return 0;
        }
        if (d == 0)
            return 0;
        if (part == 0) {
            if (p[i] != '.')
                return 0;
            i++;
        }
    }
    while (p[i] == ' ' || p[i] == '\t') {
        if (++i >= WN_WARC_VERSION_MAX - 2)
            return 0;
        if (i >= n)
            return -1;
    }
    if (p[i] == '\r' && ++i >= n)
        return -1;
    return p[i] == '\n' ? (int)i + 1 : 0;
}

static int is_digits(const unsigned char *p, size_t n, size_t lo, size_t hi)
{
    if (n < lo || n > hi)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (p[i] < '0' || p[i] > '9')
            return 0;
    return 1;
}

/* The fields of an ARC header line: URL IP-address Archive-date Content-type
 * [version 2: Result-code Checksum Location Offset Filename] Archive-length. */
typedef struct arc_fields {
    size_t url, url_n, date, date_n, type, type_n, len, len_n;
} arc_fields;

/* An archive date is 14 digits (YYYYMMDDhhmmss); some writers cut it short. */
static int arc_date(const unsigned char *p, size_t n)
{
    return is_digits(p, n, 8, 17);
}

/* URL schemes ARC files hold (the file record, crawled pages, DNS lookups):
 * a header line must start with one, so stray bytes before it are not taken
 * for part of its URL. */
static const char *const arc_schemes[] = { "http:", "https:", "ftp:", "dns:", "filedesc:" };

static int arc_scheme(const unsigned char *u, size_t n)
{
    for (size_t i = 0; i < sizeof arc_schemes / sizeof arc_schemes[0]; i++) {
        size_t k = strlen(arc_schemes[i]);
        if (n > k && wn_str_ieq(wn_str_make((const char *)u, k), arc_schemes[i]))
            return 1;
    }
    return 0;
}

/*
 * Is line[0..n) (no LF) an ARC record header line? Fills f when it is. URLs with
 * spaces happen in old files: then the date, type and length are taken from the
 * end of the line and the URL is everything before the IP field.
 */
static int arc_parse(const unsigned char *l, size_t n, arc_fields *f)
{
    size_t at[16], len[16], nf = 0, i = 0;
    if (n > 0 && l[n - 1] == '\r')
        n--;
    while (i < n) {
        size_t s = i;
        while (i < n && l[i] != ' ')
            i++;
        if (i == s || l[s] < 0x21)
            return 0;
        for (size_t k = s; k < i; k++)
            if (l[k] < 0x20 || l[k] == 0x7f)
                return 0;
        if (nf == 16)
            nf = 15;   /* keep the last field in the last slot */
        at[nf] = s;
        len[nf] = i - s;
        nf++;
        if (i < n)
            i++;
    }
    if (nf < 5 || !is_digits(l + at[nf - 1], len[nf - 1], 1, 19) || !arc_scheme(l + at[0], len[0]))
        return 0;
    if (arc_date(l + at[2], len[2])) {
        f->date = at[2], f->date_n = len[2];
        f->type = at[3], f->type_n = len[3];
        f->url_n = len[0];
    } else if (nf >= 6 && nf < 16 && arc_date(l + at[nf - 3], len[nf - 3])) {
        f->date = at[nf - 3], f->date_n = len[nf - 3];
        f->type = at[nf - 2], f->type_n = len[nf - 2];
        f->url_n = at[nf - 4] - 1;   /* up to the IP field */
    } else {
        return 0;
    }
    f->url = at[0];
    f->len = at[nf - 1], f->len_n = len[nf - 1];
    return 1;
}

/* An ARC header line at p[0..n): its length with the LF, 0 if not one, -1 when
 * no LF is in view yet. */
static int arc_line(const unsigned char *p, size_t n)
{
    size_t m = n < ARC_LINE_MAX ? n : ARC_LINE_MAX;
    const unsigned char *nl = memchr(p, '\n', m);
    arc_fields f;
    if (nl == NULL)
        return n < ARC_LINE_MAX ? -1 : 0;
    return arc_parse(p, (size_t)(nl - p), &f) ? (int)(nl - p) + 1 : 0;
}

static size_t lookahead(const wn_warc *w)
{
    return w->format == WN_FMT_ARC ? ARC_LINE_MAX : WN_WARC_VERSION_MAX;
}

/* Does a record start at p[0..n)? 1 yes, 0 no, -1 too few bytes to tell. */
int wn_warc_record_start(const wn_warc *w, const unsigned char *p, size_t n)
{
    int r = w->format == WN_FMT_ARC ? arc_line(p, n) : wn_warc_version_line(p, n);
    return r > 0 ? 1 : r;
}

/* Does a block hold the start of another record at a line start? Then its
 * Content-Length ran on into the records after it. */
static int block_has_record(const wn_warc *w, const char *b, size_t n)
{
    const char *p = b, *end = b + n;
    for (;;) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        if (nl == NULL)
            return 0;
        p = nl + 1;
        if (w->format != WN_FMT_ARC && (end - p < 5 || memcmp(p, "WARC/", 5) != 0))
            continue;
        int r = wn_warc_record_start(w, (const unsigned char *)p, (size_t)(end - p));
        if (r > 0 || (r < 0 && w->format != WN_FMT_ARC))
            return 1;   /* -1: the block ends inside a version line */
    }
}

/* MARK: Records ------------------------------------------------------------ */

static int grow_blk(wn_warc *w, size_t need)
{
    if (need + 1 <= w->blk_cap)
        return 0;
    size_t cap = w->blk_cap ? w->blk_cap : 64 * 1024;
    while (cap < need + 1)
        cap = cap > SIZE_MAX / 2 ? need + 1 : cap * 2;
    if (cap > w->keep_cap + 1 && need + 1 <= w->keep_cap + 1)
        cap = w->keep_cap + 1;   /* doubling stops at the most a block keeps */
    char *p = realloc(w->blk, cap);
    if (p == NULL)
        return -1;
    w->blk = p;
    w->blk_cap = cap;
    return 0;
}

/* A failure of the stream under a record: a read error is final; corrupt
 * compressed data means looking for the next good member. */
static wn_status stream_failed(wn_warc *w, rd_err *e, uint64_t off)
{
    e->msg = w->serr ? w->serr : "read error";
    e->off = off;
    e->resync = WN_RESYNC_MEMBER;
    return w->sst == WN_ERR_IO ? WN_ERR_IO : WN_ERR_INPUT;
}

/* The block of a record whose end is not where Content-Length says: give its
 * bytes back to the stream so the records hidden inside are found again. */
static void replay_block(wn_warc *w, rd_err *e, int skipped, size_t kept, uint64_t bstart)
{
    e->resync = WN_RESYNC_SCAN;
    if (!skipped)
        (void)wn_ws_replay(w, &w->blk, &w->blk_cap, kept, bstart);
}

/* An error found after a good record, for the next call to report. */
static void set_pending(wn_warc *w, const char *msg, uint64_t off, int how)
{
    w->pend_msg = msg;
    w->pend_off = off;
    w->pend_resync = how;
}

/* Up to the record's first byte: a member start, or past blank lines. */
static wn_status find_start(wn_warc *w, rd_err *e, uint64_t *offp)
{
    uint64_t off;
    size_t n;
again:
    if (w->aligned_next) {
        w->aligned_next = 0;
        off = w->mem_off;
        w->cross = 0;
    } else if (wn_ws_at_boundary(w)) {
        for (;;) {
            wn_status st = wn_ws_begin_member(w);
            if (st == WN_END)
                return WN_END;
            if (st != WN_OK)
                return stream_failed(w, e, w->in_base + w->in_pos);
            w->cross = 0;
            if (wn_ws_ensure(w, 1) > 0)
                break;
            if (w->sst != WN_OK)
                return stream_failed(w, e, w->mem_off);
            /* an empty member: nothing to read, try the next one */
        }
        off = w->mem_off;
    } else {
        /* Blank lines (and NUL padding) between records are tolerated. */
        w->cross = 0;
        for (;;) {
            n = wn_ws_ensure(w, 1);
            if (n == 0 || (w->win[w->wpos] != '\r' && w->win[w->wpos] != '\n' &&
                           w->win[w->wpos] != '\0'))
                break;
            wn_ws_consume(w, 1);
        }
        if (w->sst != WN_OK)
            return stream_failed(w, e, w->dpos);
        if (n == 0) {
            if (w->comp != WN_COMP_PLAIN && wn_ws_at_boundary(w))
                goto again;
            return WN_END;
        }
        off = w->dpos;
        if (w->comp != WN_COMP_PLAIN)
            (void)wn_ws_member_at(w, off, &off);   /* found inside, but starts a member */
    }
    *offp = off;
    return WN_OK;
}

/* The first record decides the format: ARC files open with "filedesc://" (or,
 * without their file record, with an ARC header line). */
static void detect_format(wn_warc *w)
{
    /* What the window holds (a fill is usually far more than this) decides:
     * asking for more could run into damage that belongs to a later record. */
    (void)wn_ws_ensure(w, 11);
    size_t n = wn_ws_avail(w);
    const unsigned char *p = w->win + w->wpos;
    w->started = 1;
    if ((n >= 11 && memcmp(p, "filedesc://", 11) == 0) ||
        (wn_warc_version_line(p, n) == 0 && arc_line(p, n) > 0))
        w->format = WN_FMT_ARC;
}

/* What a header reader says when its input ends or grows past the limit. */
typedef struct header_msgs {
    const char *truncated, *too_long;
} header_msgs;

/* Append one line, up to and including its '\n', to w->hdr, within
 * max_header_bytes for the whole header block. */
static wn_status read_header_line(wn_warc *w, rd_err *e, const header_msgs *m)
{
    size_t hmax = w->opt.max_header_bytes ? w->opt.max_header_bytes : SIZE_MAX / 4;
    for (;;) {
        size_t n = wn_ws_avail(w);
        if (n == 0) {
            if (wn_ws_fill(w) <= 0) {
                if (w->sst != WN_OK)
                    return stream_failed(w, e, e->off);
                e->msg = m->truncated;
                return WN_ERR_INPUT;
            }
            continue;
        }
        const char *p = (const char *)w->win + w->wpos;
        const char *nl = memchr(p, '\n', n);
        size_t take = nl ? (size_t)(nl - p) + 1 : n;
        if (w->hdr.n + take > hmax) {
            e->msg = m->too_long;
            return WN_ERR_LIMIT;
        }
        if (wn_buf_put(&w->hdr, p, take) != 0) {
            e->msg = "out of memory";
            return WN_ERR_NOMEM;
        }
        wn_ws_consume(w, take);
        if (nl != NULL)
            return WN_OK;
    }
}

/* WARC: version line and header block into w->hdr, parsed into rec; *cl. */
static wn_status warc_header(wn_warc *w, wn_warc_record *rec, rd_err *e, uint64_t *clp)
{
    size_t n = wn_ws_ensure(w, WN_WARC_VERSION_MAX);
    if (w->sst != WN_OK)
        return stream_failed(w, e, e->off);
    if (wn_warc_version_line(w->win + w->wpos, n) <= 0) {
        if (n > 0 && wn_warc_version_line(w->win + w->wpos, n) < 0)
            e->msg = "truncated record: input ends in the version line";
        else
            e->msg = "not a WARC record: expected a WARC/x.y version line";
        return WN_ERR_INPUT;
    }

    /* Header block, up to and including the blank line. */
    static const header_msgs msgs = { "truncated record header (end of input)",
                                       "WARC header block exceeds max_header_bytes" };
    size_t line_start = 0;
    wn_buf_clear(&w->hdr);
    w->hdr.failed = 0;
    for (;;) {
        wn_status st = read_header_line(w, e, &msgs);
        if (st != WN_OK)
            return st;
        /* A blank line (after the version line) ends the block. */
        size_t len = w->hdr.n - line_start;
        const char *l = w->hdr.p + line_start;
        if (line_start > 0 &&
            ((len == 1 && l[0] == '\n') || (len == 2 && l[0] == '\r' && l[1] == '\n')))
            break;
        line_start = w->hdr.n;
    }
    wn_buf_cstr(&w->hdr);

    const char *val[F_COUNT], *version;
    parse_header(w, val, &version);
    if (val[F_LENGTH] == NULL) {
        e->msg = "record has no Content-Length";
        return WN_ERR_INPUT;
    }
    if (parse_length(val[F_LENGTH], clp) != 0) {
        e->msg = "record has a malformed Content-Length";
        return WN_ERR_INPUT;
    }
    rec->version = version;
    rec->type = val[F_TYPE];
    rec->date = val[F_DATE];
    rec->record_id = val[F_ID];
    rec->content_type = val[F_CTYPE];
    rec->truncated = val[F_TRUNC];
    if (val[F_URI] != NULL) {
        char *u = (char *)val[F_URI];
        size_t ul = strlen(u);
        if (ul >= 2 && u[0] == '<' && u[ul - 1] == '>') {   /* WARC 1.0 drafts wrote <uri> */
            u[ul - 1] = '\0';
            u++;
        }
        rec->target_uri = u;
    }
    return WN_OK;
}

/* ARC: the header line into w->hdr, parsed into rec; *cl. The record type is
 * WARC's: the file record is "warcinfo", an HTTP message "response", anything
 * else (dns: lookups, ...) "resource". */
static wn_status arc_header(wn_warc *w, wn_warc_record *rec, rd_err *e, uint64_t *clp)
{
    static const header_msgs msgs = { "truncated ARC record header line (end of input)",
                                       "ARC header line exceeds max_header_bytes" };
    wn_buf_clear(&w->hdr);
    w->hdr.failed = 0;
    wn_status st = read_header_line(w, e, &msgs);
    if (st != WN_OK)
        return st;
    wn_buf_cstr(&w->hdr);
    arc_fields f;
    char *l = w->hdr.p;
    if (!arc_parse((const unsigned char *)l, w->hdr.n - 1, &f)) {
        e->msg = "not an ARC record: expected URL IP-address date type length";
        return WN_ERR_INPUT;
    }
    l[f.url + f.url_n] = '\0';
    l[f.type + f.type_n] = '\0';
    l[f.len + f.len_n] = '\0';
    l[f.date + f.date_n] = '\0';
    if (parse_length(l + f.len, clp) != 0) {
        e->msg = "ARC record length out of range";
        return WN_ERR_INPUT;
    }
    const char *url = l + f.url, *d = l + f.date;
    if (f.date_n >= 14)
        snprintf(w->date_iso, sizeof w->date_iso, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", d, d + 4,
                 d + 6, d + 8, d + 10, d + 12);
    else
        snprintf(w->date_iso, sizeof w->date_iso, "%s", d);
    rec->version = "ARC/1";
    rec->target_uri = url;
    rec->date = w->date_iso;
    if (strncmp(url, "filedesc://", 11) == 0) {
        rec->type = "warcinfo";
        rec->content_type = l + f.type;
    } else {
        rec->type = NULL;   /* set from the block, once read */
        rec->content_type = l + f.type;
    }
    return WN_OK;
}

/*
 * What follows a block decides whether its Content-Length was right: padding,
 * then the next record, the end, or damage. On damage the span up to the next
 * record start is scanned: if it looks like the rest of this block (it ends
 * with the blank line a record ends with, and does not look like a record
 * header), the Content-Length was too short and this record is the error;
 * otherwise this record is whole and the span is the next call's one error.
 */
typedef struct span {
    unsigned char head[SPAN_HEAD];
    size_t head_n;
    unsigned char tail[3];   /* the last bytes, tail[2] the very last */
    uint64_t len;
} span;

static void span_eat(span *sp, const unsigned char *p, size_t k)
{
    if (sp == NULL || k == 0)
        return;
    size_t h = SPAN_HEAD - sp->head_n < k ? SPAN_HEAD - sp->head_n : k;
    memcpy(sp->head + sp->head_n, p, h);
    sp->head_n += h;
    for (size_t i = k > 3 ? k - 3 : 0; i < k; i++) {
        sp->tail[0] = sp->tail[1];
        sp->tail[1] = sp->tail[2];
        sp->tail[2] = p[i];
    }
    sp->len += k;
}

static void eat(wn_warc *w, span *sp, size_t k)
{
    span_eat(sp, w->win + w->wpos, k);
    wn_ws_consume(w, k);
}

/* A damaged header: a "WARC-..." field at a line start near the span's head. */
static int span_header_like(const span *sp)
{
    for (size_t i = 0; i + 6 <= sp->head_n; i++)
        if (sp->head[i] == '\n' && wn_ascii_lower((char)sp->head[i + 1]) == 'w' &&
            wn_str_ieq(wn_str_make((const char *)sp->head + i + 1, 5), "warc-"))
            return 1;
    return 0;
}

static int span_is_rest(const wn_warc *w, const span *sp)
{
    if (sp->len == 0 || span_header_like(sp))
        return 0;
    if (w->format == WN_FMT_ARC)
        return sp->tail[2] == '\n';
    return sp->tail[2] == '\n' &&
           (sp->tail[1] == '\n' || (sp->tail[1] == '\r' && sp->tail[0] == '\n'));
}

static wn_status scan_for_record(wn_warc *w, span *sp);
static const unsigned char *arc_candidate(const unsigned char *p, size_t n);

/* The current member's bytes are all in the window (nothing replayed follows). */
static int member_ended(const wn_warc *w)
{
    return w->comp != WN_COMP_PLAIN && !w->mem_open && w->rpos == w->rlen;
}

static wn_status after_block(wn_warc *w, rd_err *e, int whole, size_t kept, uint64_t bstart)
{
    size_t i = 0, n;
    /* The CRLF CRLF may straddle a member boundary (members cut anywhere); a
     * member that ends after it ends the record, and the next one starts a
     * record (checked when it is read). */
    size_t crlf = w->format == WN_FMT_ARC ? 1 : 4;   /* ARC records end with one LF */
    while (i < PAD_MAX && !(i >= crlf && wn_ws_avail(w) == i && member_ended(w)) &&
           wn_ws_ensure(w, i + 1) > i) {
        unsigned char c = w->win[w->wpos + i];
        if (c != '\r' && c != '\n' && c != '\0')
            break;
        i++;
    }
    n = wn_ws_avail(w);
    if (w->sst == WN_OK && !(i >= crlf && n == i && member_ended(w))) {
        /* Look only as far as judging the next record start needs: a look
         * further ahead could cross several small members and run into
         * damage that belongs to a later record. */
        for (size_t want = i + (w->format == WN_FMT_ARC ? 64 : WN_WARC_VERSION_MAX);; want *= 2) {
            n = wn_ws_ensure(w, want);
            if (n < want || w->sst != WN_OK || want >= i + lookahead(w) ||
                wn_warc_record_start(w, w->win + w->wpos + i, n - i) >= 0)
                break;
        }
    }
    if (w->sst != WN_OK) {
        /* The record's own member fails its check (CRC-32, size): its bytes
         * cannot be trusted. Any other failure after the block is the next
         * call's error (a read error stays final): this record is whole. A
         * failure inside a member that holds more records is reported where
         * reading stopped (decoded offset), a later member's at that member. */
        if (w->sst != WN_ERR_IO && w->fail_off == e->off)
            return stream_failed(w, e, e->off);
        if (w->sst == WN_ERR_IO)
            w->final = WN_ERR_IO;
        else
            set_pending(w, w->serr, w->fail_off == w->rec_moff ? w->dpos + i : w->fail_off,
                        WN_RESYNC_MEMBER);
        w->sst = WN_OK;
        return WN_OK;
    }
    int s = n > i ? wn_warc_record_start(w, w->win + w->wpos + i, n - i) : 1;
    /* The usual case, decided without looking into the block. */
    if (s != 0 && i > 0) {
        wn_ws_consume(w, i);
        return WN_OK;
    }
    int swallowed = whole && block_has_record(w, w->blk, kept);
    if (s != 0 && !swallowed) {
        wn_ws_consume(w, i);
        return WN_OK;
    }
    if (swallowed) {
        e->msg = "Content-Length does not match the block: it runs into the next record";
        replay_block(w, e, 0, kept, bstart);
        return WN_ERR_INPUT;
    }
    wn_ws_consume(w, i);
    uint64_t at = w->dpos;
    if (w->comp != WN_COMP_PLAIN)
        (void)wn_ws_member_at(w, at, &at);
    span sp;
    memset(&sp, 0, sizeof sp);
    wn_status st = scan_for_record(w, &sp);
    if (st == WN_ERR_IO) {
        e->msg = "read error";
        e->resync = WN_RESYNC_NONE;
        return WN_ERR_IO;
    }
    if (span_is_rest(w, &sp)) {
        e->msg = "Content-Length does not match the block: the block goes on after it";
        e->resync = WN_RESYNC_NONE;   /* the scan is already at the next record */
        return WN_ERR_INPUT;
    }
    set_pending(w, span_header_like(&sp) ? "damaged record: no valid version line"
                                         : "stray bytes between records",
                at, WN_RESYNC_NONE);
    return WN_OK;
}

static wn_status read_record(wn_warc *w, wn_warc_record *rec, rd_err *e)
{
    uint64_t off = 0, cl = 0;
    size_t n;
    wn_status st;

    w->sst = WN_OK;
    w->serr = NULL;
    w->cut_eof = 0;
    e->resync = WN_RESYNC_SCAN;
    st = find_start(w, e, &off);
    if (st != WN_OK)
        return st;
    uint64_t d0 = w->dpos;   /* decoded offset of the record's first byte */
    /* A record may run on into the next member (a file cut into members at
     * arbitrary points, bgzip style; or a Content-Length too long): the
     * checks after the block decide whether that was right. */
    w->cross = 1;
    rec->offset = off;
    e->off = off;
    w->rec_moff = w->comp == WN_COMP_PLAIN ? UINT64_MAX : w->mem_off;
    w->fail_dpos = w->dpos;   /* a failure here: the scan must move past this byte */
    if (!w->started)
        detect_format(w);

    st = w->format == WN_FMT_ARC ? arc_header(w, rec, e, &cl) : warc_header(w, rec, e, &cl);
    if (st != WN_OK)
        return st;
    if (w->opt.max_record_bytes && cl > w->opt.max_record_bytes) {
        e->msg = "Content-Length exceeds max_record_bytes";
        return WN_ERR_INPUT;
    }

    /* Content block: keep the first keep_cap bytes, stream past the rest. */
    uint64_t left = cl, bstart = w->dpos;
    size_t kept = 0, keep = cl < w->keep_cap ? (size_t)cl : w->keep_cap;
    int cut = cl > w->keep_cap, ended = 0;
    if (grow_blk(w, keep < 65536 ? keep : 65536) != 0) {
        e->msg = "out of memory";
        return WN_ERR_NOMEM;
    }
    while (left > 0) {
        n = wn_ws_avail(w);
        if (n == 0 && keep - kept >= 65536 && left >= 65536) {
            /* Big stretch still to keep: decode straight into the block. */
            size_t want = keep - kept < left ? keep - kept : (size_t)left;
            size_t step = kept > ((size_t)256 << 10) ? kept : ((size_t)256 << 10) - 1;
            if (want > step)
                want = step;   /* grow with the data, not with what the header claims */
            if (grow_blk(w, kept + want) != 0) {
                e->msg = "out of memory";
                return WN_ERR_NOMEM;
            }
            long r = wn_ws_read_direct(w, w->blk + kept, want);
            if (r > 0) {
                kept += (size_t)r;
                left -= (uint64_t)r;
                continue;
            }
            if (r < 0 && !w->cut_eof)
                return stream_failed(w, e, off);
            if (r < 0) {
                ended = 1;
                break;
            }
        }
        if (n == 0) {
            if (wn_ws_fill(w) <= 0) {
                if (w->sst != WN_OK && !w->cut_eof)
                    return stream_failed(w, e, off);
                ended = 1;
                break;
            }
            continue;
        }
        size_t take = n < left ? n : (size_t)left;
        size_t k = keep - kept < take ? keep - kept : take;
        if (k > 0) {
            if (grow_blk(w, kept + k) != 0) {
                e->msg = "out of memory";
                return WN_ERR_NOMEM;
            }
            memcpy(w->blk + kept, w->win + w->wpos, k);
            kept += k;
        }
        wn_ws_consume(w, take);
        left -= take;
    }
    w->blk_len = kept;
    w->blk[kept] = '\0';
    int whole = kept == cl - left;   /* nothing streamed past uncopied */

    if (ended) {
        /* The input ends inside the block. A block that holds another record
         * had a Content-Length too long: rescan it. Otherwise the file was
         * cut: the partial record is returned, marked truncated. */
        w->sst = WN_OK;
        if (whole && block_has_record(w, w->blk, kept)) {
            e->msg = "truncated record: input ends inside the block (or Content-Length too long)";
            replay_block(w, e, 0, kept, bstart);
            return WN_ERR_INPUT;
        }
    } else {
        st = after_block(w, e, whole, kept, bstart);
        if (st != WN_OK)
            return st;
    }
    w->cross = 0;
    w->fail_dpos = UINT64_MAX;
    /* Read on past a gzip break, some bytes may have been copied from what
     * could not be decoded (they read as NUL): in the header, the record's
     * fields cannot be trusted; in the block, the record is flagged below. */
    int block_taint = 0;
    if (w->ntaint && wn_ws_tainted(w, d0, bstart)) {
        e->msg = "record damaged by the broken gzip data before it";
        e->resync = WN_RESYNC_NONE;
        return WN_ERR_INPUT;
    }
    if (w->ntaint)
        block_taint = wn_ws_tainted(w, bstart, w->dpos);

    rec->content_length = cl;
    if (w->format == WN_FMT_ARC && rec->type == NULL) {
        int http = kept >= 5 && memcmp(w->blk, "HTTP/", 5) == 0;
        rec->type = http ? "response" : "resource";
        if (http)
            rec->content_type = "application/http; msgtype=response";
    }
    if (rec->truncated != NULL)
        rec->payload_truncated = 1;
    st = wn_warc_http(w, rec, cut);
    if (st != WN_OK) {
        e->msg = "out of memory";
        e->resync = WN_RESYNC_NONE;
        return st;
    }
    if (ended) {
        rec->payload_truncated = 1;
        if (rec->truncated == NULL)
            rec->truncated = "end-of-input";
        if (rec->payload_error == NULL)
            rec->payload_error = "input ends inside the record: partial block";
    }
    if (block_taint && rec->payload_error == NULL)
        rec->payload_error = "some bytes depend on gzip data lost before the record (read as NUL)";
    return WN_OK;
}

/* MARK: Resynchronisation ---------------------------------------------------- */

/*
 * Skip decoded bytes up to the next record start (a WARC version line anywhere,
 * so that stray bytes before one do not hide it; an ARC header line at a line
 * start), or to the end of the input. Bytes skipped go to sp when not NULL. A
 * record start at fail_dpos is the record that just failed: it is passed over.
 */
static wn_status scan_for_record(wn_warc *w, span *sp)
{
    size_t look = lookahead(w);
    w->cross = 1;
    for (;;) {
        w->sst = WN_OK;
        size_t n = wn_ws_ensure(w, look);
        if (w->sst == WN_ERR_IO)
            return WN_ERR_IO;
        if (w->sst != WN_OK) {
            /* The window holds what decoded before the fault: part of the span. */
            eat(w, sp, wn_ws_avail(w));
            wn_status st = wn_ws_resync_member(w);
            if (st == WN_OK && w->rescued) {
                w->rescued = 0;
                continue;   /* the member goes on past the damage: scan what it holds */
            }
            if (st == WN_OK)
                w->aligned_next = 1;
            return st == WN_END ? WN_OK : st;
        }
        if (n == 0)
            return WN_OK;
        const unsigned char *p = w->win + w->wpos;
        if (w->dpos != w->fail_dpos && wn_warc_record_start(w, p, n) != 0)
            return WN_OK;   /* -1: the input ends in it; reading it says so */
        const unsigned char *q;
        if (w->format == WN_FMT_ARC)
            q = arc_candidate(p, n);
        else
            q = n > 5 ? memmem(p + 1, n - 1, "WARC/", 5) : NULL;
        if (q != NULL)
            eat(w, sp, (size_t)(q - p));
        else if (n < look)
            eat(w, sp, n);   /* the input ends here */
        else
            eat(w, sp, n - 15);   /* "WARC", "filedesc:" may go on in the next bytes */
    }
}

/* The first place after p[0] where a URL with an ARC scheme starts (stray
 * bytes may come before a header line, as before a WARC version line). */
static const unsigned char *arc_candidate(const unsigned char *p, size_t n)
{
    const unsigned char *c = p + 1, *end = p + n;
    while ((c = memchr(c, ':', (size_t)(end - c))) != NULL) {
        const unsigned char *best = NULL;
        for (size_t i = 0; i < sizeof arc_schemes / sizeof arc_schemes[0]; i++) {
            size_t k = strlen(arc_schemes[i]) - 1;   /* letters before the colon */
            if ((size_t)(c - p) >= k + 1 && (best == NULL || c - k < best) &&
                wn_str_ieq(wn_str_make((const char *)c - k, k + 1), arc_schemes[i]))
                best = c - k;
        }
        if (best != NULL)
            return best;
        c++;
    }
    return NULL;
}

static wn_status resync(wn_warc *w)
{
    int how = w->resync;
    w->resync = WN_RESYNC_NONE;
    if (how == WN_RESYNC_SCAN)
        return scan_for_record(w, NULL);
    if (how == WN_RESYNC_MEMBER && w->comp != WN_COMP_PLAIN) {
        wn_status st = wn_ws_resync_member(w);
        if (st == WN_OK && w->rescued) {
            /* Read on inside the broken member, from the next record start. */
            w->rescued = 0;
            return scan_for_record(w, NULL);
        }
        if (st == WN_OK)
            w->aligned_next = 1;
        return st;
    }
    if (how == WN_RESYNC_MEMBER)
        return scan_for_record(w, NULL);
    return WN_OK;
}

/* MARK: Public: next record ------------------------------------------------- */

wn_status wn_warc_next(wn_warc *w, wn_warc_record *rec, wn_error *err)
{
    rd_err e = { NULL, 0, WN_RESYNC_NONE };
    wn_status st;

    if (w == NULL || rec == NULL) {
        wn_set_error(err, WN_ERR_ARG, "no reader or record", 0);
        return WN_ERR_ARG;
    }
    memset(rec, 0, sizeof *rec);
    if (w->final != WN_OK) {
        wn_set_error(err, w->final, "read error", wn_warc_input_offset(w));
        return w->final;
    }
    if (w->pend_msg != NULL) {
        /* damage found after the last record, reported on its own */
        rec->offset = w->pend_off;
        wn_set_error(err, WN_ERR_INPUT, w->pend_msg, w->pend_off);
        w->resync = w->pend_resync;
        w->pend_msg = NULL;
        return WN_ERR_INPUT;
    }
    if (w->done)
        return WN_END;
    if (w->resync != WN_RESYNC_NONE) {
        st = resync(w);
        if (st == WN_ERR_IO) {
            e.msg = "read error";
            e.off = wn_warc_input_offset(w);
            goto fail;
        }
        if (st == WN_END) {
            w->done = 1;
            return WN_END;
        }
    }
    st = read_record(w, rec, &e);
    if (st == WN_OK)
        return WN_OK;
    if (st == WN_END) {
        w->done = 1;
        return WN_END;
    }
    w->resync = e.resync;
fail:
    if (st == WN_ERR_IO)
        w->final = WN_ERR_IO;
    memset(rec, 0, sizeof *rec);
    rec->offset = e.off;
    wn_set_error(err, st, e.msg ? e.msg : "WARC read failed", e.off);
    return st;
}
