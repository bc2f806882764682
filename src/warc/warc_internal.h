/*
 * warc_internal.h: private state of the WARC reader, shared by stream.c (raw
 * input, gzip members / zstd frames, the decoded window, replay), reader.c
 * (records, resynchronisation, the public API) and http.c (status line,
 * headers, chunked, Content-Encoding). warc/ depends on core/ only.
 */
#ifndef WN_WARC_INTERNAL_H
#define WN_WARC_INTERNAL_H

#include <stddef.h>
#include <stdint.h>

#include <brotli/decode.h>
#include <isa-l/igzip_lib.h>
#include <zlib.h>
#include <zstd.h>

#include "core/buf.h"
#include "core/str.h"
#include <winnow.h>

enum { WN_COMP_PLAIN = 0, WN_COMP_GZIP, WN_COMP_ZSTD };

/* What the next wn_warc_next() must do before reading a record. */
enum {
    WN_RESYNC_NONE = 0,
    WN_RESYNC_SCAN,     /* scan decoded bytes for a version line (or a member start) */
    WN_RESYNC_MEMBER    /* scan compressed bytes for a member that decodes to one */
};

/* Input formats, told apart by the first decoded bytes. */
enum { WN_FMT_WARC = 0, WN_FMT_ARC };

/* A WARC version line ("WARC/" digits "." digits, CR? LF) is at most this long;
 * with this many bytes in view the test below always decides. */
#define WN_WARC_VERSION_MAX 32

/* Raw input buffer and decoded window. The window only ever has to hold a few
 * bytes of look-ahead; blocks are copied out of it as they stream past. */
#define WN_WARC_IN_CAP  ((size_t)1 << 20)
#define WN_WARC_WIN_CAP ((size_t)256 << 10)
#define WN_WARC_NO_KEEP SIZE_MAX
#define WN_WARC_BOUNDS  64
#define WN_WARC_TAINTS  16   /* stretches of unsound decoded bytes remembered */

struct wn_warc {
    wn_warc_options opt;
    size_t keep_cap;            /* most block bytes kept: max_payload + max_header */

    /* raw input */
    wn_read_fn read;
    void *ctx;
    int fd;                     /* >= 0 when opened by path */
    unsigned char *in;
    size_t in_pos, in_len;
    uint64_t in_base;           /* file offset of in[0] */
    int in_eof;

    /* compression: one gzip member / zstd frame at a time */
    int comp;
    struct inflate_state *gz;   /* ISA-L inflate (about 3x zlib's speed), set up at
                                   the first gzip member: 85 KiB, so not inline */
    ZSTD_DStream *zd;
    int mem_open;               /* inside a member whose end was not reached */
    int cut_eof;                /* the last stream failure: a member cut by the end of input */
    uint64_t fail_off;          /* file offset of the last stream failure (garbage or member) */
    uint64_t rec_moff;          /* offset of the member the current record started in */
    size_t mem_keep;            /* in[] index of the member start, kept for resync */
    uint64_t mem_off;           /* file offset of the current member */
    int cross;                  /* window fills may run into the next member */
    /* Member starts crossed inside a record (decoded offset -> file offset), so
     * a record found there by a rescan still gets its member's offset. */
    uint64_t bnd_dpos[WN_WARC_BOUNDS], bnd_off[WN_WARC_BOUNDS];
    unsigned bnd_next;
    const char *pend_err;       /* corrupt data found after output still to give */
    /* Reading a gzip member on past corrupt deflate data (stream.c, "Deflate
     * resynchronisation"). */
    struct wn_rescue *rescue;   /* the decoders past the damage, or NULL */
    uint64_t dmg_off;           /* file offset where inflate met corrupt data, or UINT64_MAX */
    uint64_t rescue_work;       /* search and trial work so far (bounded, see stream.c) */
    int rescued;                /* wn_ws_resync_member went on inside the broken member:
                                   the window is not at a record start, scan it */
    uint64_t zout;              /* decoded offset of the next byte produced */
    /* Decoded bytes that depend on history lost to the damage (merged ranges). */
    uint64_t taint_lo[WN_WARC_TAINTS], taint_hi[WN_WARC_TAINTS];
    unsigned ntaint;

    /* decoded window */
    unsigned char *win;
    size_t wpos, wlen;
    uint64_t dpos;              /* decoded-stream offset of win[wpos] */

    /* replay: a failed record's block, read again before anything else */
    char *rep;
    size_t rpos, rlen, rcap;
    uint64_t hw;                /* furthest decoded offset consumed (replay budget) */
    uint64_t replayed;          /* bytes handed back for rescanning */

    /* last stream failure (fill returned -1) */
    wn_status sst;
    const char *serr;

    /* record state */
    wn_buf hdr;                 /* WARC header block, parsed in place */
    char *blk;                  /* content block (first keep_cap bytes) */
    size_t blk_len, blk_cap;
    char *pay;                  /* decoded HTTP body when a coding was undone */
    size_t pay_cap;
    wn_buf strs;                /* HTTP strings handed out in the record */
    z_stream zc;                /* Content-Encoding gzip / deflate */
    int zc_ready;
    BrotliDecoderState *br;
    ZSTD_DStream *zcd;

    int format;                 /* WN_FMT_*: decided at the first record */
    int resync;                 /* WN_RESYNC_* */
    uint64_t fail_dpos;         /* decoded offset of the record that failed (a scan
                                   must not stop there again), or UINT64_MAX */
    /* A damaged span found after a good record: reported by the next call. */
    const char *pend_msg;
    uint64_t pend_off;
    int pend_resync;
    char date_iso[24];          /* ARC: the record date as ISO 8601 */
    int aligned_next;           /* resync left the window at a member start */
    int done;                   /* WN_END was returned */
    wn_status final;            /* sticky WN_ERR_IO */
    int started;                /* any byte was looked at */
};

/* reader.c: length of the version line at p[0..n) ("WARC/1.1\r\n": 10); 0 when
 * it is not one; -1 when n is too short to tell (never with n >= WN_WARC_VERSION_MAX). */
int wn_warc_version_line(const unsigned char *p, size_t n);
/* Does a record of w's format start at p[0..n)? 1 yes, 0 no, -1 too few bytes. */
int wn_warc_record_start(const wn_warc *w, const unsigned char *p, size_t n);

/* stream.c */
int    wn_ws_init(wn_warc *w);
void   wn_ws_fini(wn_warc *w);
int    wn_ws_detect(wn_warc *w, const char **msg);
long   wn_ws_fill(wn_warc *w);
long   wn_ws_read_direct(wn_warc *w, void *dst, size_t cap);
size_t wn_ws_ensure(wn_warc *w, size_t n);
void   wn_ws_consume(wn_warc *w, size_t n);
int    wn_ws_member_at(const wn_warc *w, uint64_t dpos, uint64_t *off);
int    wn_ws_at_boundary(const wn_warc *w);
wn_status wn_ws_begin_member(wn_warc *w);
wn_status wn_ws_resync_member(wn_warc *w);
int    wn_ws_replay(wn_warc *w, char **buf, size_t *cap, size_t n, uint64_t off);
/* Does any decoded byte in [lo, hi) depend on data lost to a gzip break? */
int    wn_ws_tainted(const wn_warc *w, uint64_t lo, uint64_t hi);

static inline size_t wn_ws_avail(const wn_warc *w)
{
    return w->wlen - w->wpos;
}

/* http.c: decode the kept block of a record into rec's HTTP fields and payload.
 * cut = the block was longer than what was kept. Returns WN_OK or WN_ERR_NOMEM;
 * payload problems are flagged in the record, not returned. */
wn_status wn_warc_http(wn_warc *w, wn_warc_record *rec, int cut);
void wn_warc_http_fini(wn_warc *w);

#endif
