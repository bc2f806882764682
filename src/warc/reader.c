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
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

static void set_err(wn_error *err, wn_status st, const char *msg, uint64_t off)
{
    if (err == NULL)
        return;
    err->status = st;
    err->msg = msg;
    err->offset = off;
}

static wn_warc *warc_new(const wn_warc_options *opt, wn_error *err)
{
    wn_warc *w = calloc(1, sizeof *w);
    if (w == NULL) {
        set_err(err, WN_ERR_NOMEM, "out of memory", 0);
        return NULL;
    }
    w->fd = -1;
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
        set_err(err, WN_ERR_NOMEM, "out of memory", 0);
        return NULL;
    }
    return w;
}

static wn_warc *warc_start(wn_warc *w, wn_error *err)
{
    const char *msg;
    if (wn_ws_detect(w, &msg) != 0) {
        set_err(err, w->sst == WN_ERR_IO ? WN_ERR_IO : WN_ERR_INPUT, msg ? msg : "read error", 0);
        wn_warc_close(w);
        return NULL;
    }
    return w;
}

wn_warc *wn_warc_open_file(const char *path, const wn_warc_options *opt, wn_error *err)
{
    if (path == NULL) {
        set_err(err, WN_ERR_ARG, "no path", 0);
        return NULL;
    }
    wn_warc *w = warc_new(opt, err);
    if (w == NULL)
        return NULL;
    w->fd = open(path, O_RDONLY | O_CLOEXEC);
    if (w->fd < 0) {
        set_err(err, WN_ERR_IO, "cannot open file", 0);
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
        set_err(err, WN_ERR_ARG, "no read function", 0);
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

static wn_status read_record(wn_warc *w, wn_warc_record *rec, rd_err *e)
{
    uint64_t off = 0;
    size_t n;

    w->sst = WN_OK;
    w->serr = NULL;
    e->resync = WN_RESYNC_SCAN;
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
        /* Blank lines between records are tolerated. */
        w->cross = 0;
        for (;;) {
            n = wn_ws_ensure(w, 1);
            if (n == 0 || (w->win[w->wpos] != '\r' && w->win[w->wpos] != '\n'))
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
    /* A record may run on into the next member (a file cut into members at
     * arbitrary points, bgzip style; or a Content-Length too long): the
     * checks after the block decide whether that was right. */
    w->cross = 1;
    rec->offset = off;
    e->off = off;

    /* Version line. */
    n = wn_ws_ensure(w, 8);
    if (w->sst != WN_OK)
        return stream_failed(w, e, off);
    if (n < 7 || memcmp(w->win + w->wpos, "WARC/1.", 7) != 0) {
        if (n < 7 && memcmp(w->win + w->wpos, "WARC/1.", n) == 0)
            e->msg = "truncated record: input ends in the version line";
        else
            e->msg = "not a WARC record: expected a WARC/1.x version line";
        return WN_ERR_INPUT;
    }

    /* Header block, up to and including the blank line. */
    size_t hmax = w->opt.max_header_bytes ? w->opt.max_header_bytes : SIZE_MAX / 4;
    size_t line_start = 0;
    wn_buf_clear(&w->hdr);
    w->hdr.failed = 0;
    for (;;) {
        n = wn_ws_avail(w);
        if (n == 0) {
            if (wn_ws_fill(w) <= 0) {
                if (w->sst != WN_OK)
                    return stream_failed(w, e, off);
                e->msg = "truncated record header (end of input)";
                return WN_ERR_INPUT;
            }
            continue;
        }
        const char *p = (const char *)w->win + w->wpos;
        const char *nl = memchr(p, '\n', n);
        size_t take = nl ? (size_t)(nl - p) + 1 : n;
        if (w->hdr.n + take > hmax) {
            e->msg = "WARC header block exceeds max_header_bytes";
            return WN_ERR_LIMIT;
        }
        if (wn_buf_put(&w->hdr, p, take) != 0) {
            e->msg = "out of memory";
            return WN_ERR_NOMEM;
        }
        wn_ws_consume(w, take);
        if (nl == NULL)
            continue;
        /* A line is complete: a blank one (after the version line) ends the block. */
        size_t len = w->hdr.n - line_start;
        const char *l = w->hdr.p + line_start;
        if (line_start > 0 &&
            ((len == 1 && l[0] == '\n') || (len == 2 && l[0] == '\r' && l[1] == '\n')))
            break;
        line_start = w->hdr.n;
    }
    wn_buf_cstr(&w->hdr);

    const char *val[F_COUNT], *version;
    uint64_t cl;
    parse_header(w, val, &version);
    if (val[F_LENGTH] == NULL) {
        e->msg = "record has no Content-Length";
        return WN_ERR_INPUT;
    }
    if (parse_length(val[F_LENGTH], &cl) != 0) {
        e->msg = "record has a malformed Content-Length";
        return WN_ERR_INPUT;
    }
    if (w->opt.max_record_bytes && cl > w->opt.max_record_bytes) {
        e->msg = "Content-Length exceeds max_record_bytes";
        return WN_ERR_INPUT;
    }

    /* Content block: keep the first keep_cap bytes, stream past the rest. */
    uint64_t left = cl, bstart = w->dpos;
    size_t kept = 0, keep = cl < w->keep_cap ? (size_t)cl : w->keep_cap;
    int cut = cl > w->keep_cap;
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
            if (r < 0)
                return stream_failed(w, e, off);
            if (r > 0) {
                kept += (size_t)r;
                left -= (uint64_t)r;
                continue;
            }
        }
        if (n == 0) {
            if (wn_ws_fill(w) <= 0) {
                if (w->sst != WN_OK)
                    return stream_failed(w, e, off);
                /* Rescan the block: it may hold the records a too-long
                 * Content-Length swallowed. */
                e->msg = "truncated record: input ends inside the block"
                         " (or Content-Length too long)";
                replay_block(w, e, kept != cl - left, kept, bstart);
                return WN_ERR_INPUT;
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

    /* CRLF CRLF, then the next record, more members, or the end. */
    n = wn_ws_ensure(w, 4);
    if (w->sst != WN_OK)
        return stream_failed(w, e, off);
    if (n < 4 || memcmp(w->win + w->wpos, "\r\n\r\n", 4) != 0) {
        e->msg = n < 4 ? "truncated record: no CRLF CRLF after the block"
                       : "Content-Length does not match the block: no CRLF CRLF after it";
        replay_block(w, e, kept != cl - left, kept, bstart);
        return WN_ERR_INPUT;
    }
    w->cross = 0;
    size_t i = 4;
    while (i < 4 + 64 && wn_ws_ensure(w, i + 1) > i &&
           (w->win[w->wpos + i] == '\r' || w->win[w->wpos + i] == '\n'))
        i++;
    n = wn_ws_ensure(w, i + 5);
    if (w->sst != WN_OK)
        return stream_failed(w, e, off);
    if (n != i && (n < i + 5 || memcmp(w->win + w->wpos + i, "WARC/", 5) != 0)) {
        e->msg = "Content-Length does not match the block: no WARC record after it";
        replay_block(w, e, kept != cl - left, kept, bstart);
        return WN_ERR_INPUT;
    }
    wn_ws_consume(w, i);

    rec->version = version;
    rec->type = val[F_TYPE];
    rec->date = val[F_DATE];
    rec->record_id = val[F_ID];
    rec->content_type = val[F_CTYPE];
    rec->truncated = val[F_TRUNC];
    rec->content_length = cl;
    if (val[F_URI] != NULL) {
        char *u = (char *)val[F_URI];
        size_t ul = strlen(u);
        if (ul >= 2 && u[0] == '<' && u[ul - 1] == '>') {   /* WARC 1.0 drafts wrote <uri> */
            u[ul - 1] = '\0';
            u++;
        }
        rec->target_uri = u;
    }
    if (rec->truncated != NULL)
        rec->payload_truncated = 1;
    wn_status st = wn_warc_http(w, rec, cut);
    if (st != WN_OK) {
        e->msg = "out of memory";
        e->resync = WN_RESYNC_NONE;
    }
    return st;
}

/* MARK: Resynchronisation ---------------------------------------------------- */

/*
 * Skip decoded bytes up to the next "WARC/1." at a line start, or to the end of
 * the current member (whose successor then starts a record) or of the input.
 */
static wn_status scan_for_record(wn_warc *w)
{
    int prev_nl = 1;

    w->cross = 0;
    for (;;) {
        w->sst = WN_OK;
        size_t n = wn_ws_ensure(w, 8);
        if (w->sst == WN_ERR_IO)
            return WN_ERR_IO;
        if (w->sst != WN_OK) {
            wn_status st = wn_ws_resync_member(w);
            if (st == WN_OK)
                w->aligned_next = 1;
            return st;
        }
        if (n == 0)
            return WN_OK;
        const unsigned char *p = w->win + w->wpos;
        if (prev_nl && n >= 7 && memcmp(p, "WARC/1.", 7) == 0)
            return WN_OK;
        if (n < 8) {
            wn_ws_consume(w, n);
            prev_nl = p[n - 1] == '\n';
            continue;
        }
        const unsigned char *q = memmem(p, n, "\nWARC/1.", 8);
        if (q != NULL) {
            wn_ws_consume(w, (size_t)(q - p) + 1);
            prev_nl = 1;
        } else {
            prev_nl = p[n - 8] == '\n';
            wn_ws_consume(w, n - 7);
        }
    }
}

static wn_status resync(wn_warc *w)
{
    int how = w->resync;
    w->resync = WN_RESYNC_NONE;
    if (how == WN_RESYNC_SCAN)
        return scan_for_record(w);
    if (how == WN_RESYNC_MEMBER && w->comp != WN_COMP_PLAIN) {
        wn_status st = wn_ws_resync_member(w);
        if (st == WN_OK)
            w->aligned_next = 1;
        return st;
    }
    if (how == WN_RESYNC_MEMBER)
        return scan_for_record(w);
    return WN_OK;
}

/* MARK: Public: next record ------------------------------------------------- */

wn_status wn_warc_next(wn_warc *w, wn_warc_record *rec, wn_error *err)
{
    rd_err e = { NULL, 0, WN_RESYNC_NONE };
    wn_status st;

    if (w == NULL || rec == NULL) {
        set_err(err, WN_ERR_ARG, "no reader or record", 0);
        return WN_ERR_ARG;
    }
    memset(rec, 0, sizeof *rec);
    if (w->final != WN_OK) {
        set_err(err, w->final, "read error", wn_warc_input_offset(w));
        return w->final;
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
    set_err(err, st, e.msg ? e.msg : "WARC read failed", e.off);
    return st;
}
