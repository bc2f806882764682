/*
 * stream.c: the WARC reader's byte source. Raw input arrives in a fixed buffer;
 * gzip members and zstd frames are decoded one at a time into a fixed window
 * from which reader.c takes lines and blocks. Bytes handed back by wn_ws_replay
 * (a block after a lying Content-Length) come out before anything else.
 * Memory is constant: IN_CAP + WIN_CAP, plus whatever replay holds.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE   /* memmem */
#endif
#include "warc/warc_internal.h"

#include <zstd_errors.h>

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* MARK: Raw input ----------------------------------------------------------- */

/*
 * Read more raw input. Keeps the current member's first bytes when they are
 * within half a buffer, so that a broken member can be rescanned from its
 * start + 1 for the next member (see wn_ws_resync_member). Returns the bytes
 * added, 0 at end of input, -1 on a read error (w->sst set).
 */
static long in_more(wn_warc *w)
{
    size_t keep = w->in_pos;

    if (w->in_eof)
        return 0;
    if (w->mem_keep != WN_WARC_NO_KEEP && w->mem_keep <= w->in_pos &&
        w->in_pos - w->mem_keep <= WN_WARC_IN_CAP / 2)
        keep = w->mem_keep;
    else
        w->mem_keep = WN_WARC_NO_KEEP;
    if (keep > 0) {
        memmove(w->in, w->in + keep, w->in_len - keep);
        w->in_base += keep;
        w->in_pos -= keep;
        w->in_len -= keep;
        if (w->mem_keep != WN_WARC_NO_KEEP)
            w->mem_keep -= keep;
    }
    if (w->in_len == WN_WARC_IN_CAP)
        return 0;   /* cannot happen: callers only ask for a few bytes ahead */
    long r = w->read(w->ctx, w->in + w->in_len, WN_WARC_IN_CAP - w->in_len);
    if (r < 0) {
        w->sst = WN_ERR_IO;
        w->serr = "read error";
        return -1;
    }
    if (r == 0) {
        w->in_eof = 1;
        return 0;
    }
    if ((size_t)r > WN_WARC_IN_CAP - w->in_len)
        r = (long)(WN_WARC_IN_CAP - w->in_len);   /* a read function that lies */
    w->in_len += (size_t)r;
    return r;
}

/* Make at least n raw bytes available at in_pos, if the input has them. */
static int in_need(wn_warc *w, size_t n)
{
    while (w->in_len - w->in_pos < n) {
        long r = in_more(w);
        if (r < 0)
            return -1;
        if (r == 0)
            break;
    }
    return 0;
}

/* Consume n raw bytes from in_pos, copied to dst unless it is NULL. Returns
 * the bytes consumed (fewer at the end of the input), or -1 on a read error. */
static long in_take(wn_warc *w, unsigned char *dst, uint64_t n)
{
    uint64_t got = 0;
    while (got < n) {
        size_t have = w->in_len - w->in_pos;
        if (have == 0) {
            long r = in_more(w);
            if (r < 0)
                return -1;
            if (r == 0)
                break;
            continue;
        }
        size_t take = have < n - got ? have : (size_t)(n - got);
        if (dst)
            memcpy(dst + got, w->in + w->in_pos, take);
        w->in_pos += take;
        got += take;
    }
    return (long)got;
}

/* MARK: Members ------------------------------------------------------------- */

static int is_gzip_magic(const unsigned char *p)
{
    return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

static int is_zstd_magic(const unsigned char *p)
{
    return p[0] == 0x28 && p[1] == 0xb5 && p[2] == 0x2f && p[3] == 0xfd;
}

static int is_zstd_skippable(const unsigned char *p)
{
    return (p[0] & 0xf0) == 0x50 && p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18;
}

/* The WARC zstd format's dictionary frame: the skippable frame 0x184D2A5D. */
static int is_zstd_dict_frame(const unsigned char *p)
{
    return p[0] == 0x5d && p[1] == 0x2a && p[2] == 0x4d && p[3] == 0x18;
}

static uint32_t le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

/* The largest dictionary, compressed or not, the WARC zstd format asks
 * decoders to support; larger ones are refused with a message. */
#define ZSTD_DICT_MAX ((size_t)8 << 20)

/*
 * Read the dictionary frame at in_pos (IIPC "Zstandard Compression for WARC
 * Files" 1.0: the frame's data is a zstd dictionary, or a zstd frame holding
 * one) and load it into w->zd for every later frame. Returns 0, or -1 with
 * *msg set.
 */
static int load_dictionary(wn_warc *w, const char **msg)
{
    unsigned char *data = NULL, *plain = NULL;
    int rc = -1;

    if (in_need(w, 8) != 0 || w->in_len - w->in_pos < 8) {
        *msg = w->serr ? w->serr : "truncated zstd dictionary frame";
        return -1;
    }
    size_t size = le32(w->in + w->in_pos + 4);
    if (size > ZSTD_DICT_MAX) {
        *msg = "zstd dictionary frame over 8 MiB (the WARC zstd format's limit)";
        return -1;
    }
    if (size < 4) {
        *msg = "zstd dictionary frame too short to hold a dictionary";
        return -1;
    }
    w->in_pos += 8;
    w->mem_keep = WN_WARC_NO_KEEP;
    data = malloc(size);
    if (data == NULL) {
        *msg = "out of memory";
        return -1;
    }
    long got = in_take(w, data, size);
    if (got < 0) {
        *msg = w->serr;
        goto done;
    }
    if ((size_t)got < size) {
        *msg = "truncated zstd dictionary frame (end of input)";
        goto done;
    }
    const unsigned char *dict = data;
    size_t dict_len = size;
    if (is_zstd_magic(data)) {
        /* a compressed dictionary: one frame that states its size */
        unsigned long long n = ZSTD_getFrameContentSize(data, size);
        if (n == ZSTD_CONTENTSIZE_UNKNOWN || n == ZSTD_CONTENTSIZE_ERROR || n > ZSTD_DICT_MAX ||
            n < 4) {
            *msg = "compressed zstd dictionary without a usable content size (8 MiB at most)";
            goto done;
        }
        plain = malloc((size_t)n);
        if (plain == NULL) {
            *msg = "out of memory";
            goto done;
        }
        size_t r = ZSTD_decompress(plain, (size_t)n, data, size);
        if (ZSTD_isError(r) || r != n) {
            *msg = "corrupt compressed zstd dictionary";
            goto done;
        }
        dict = plain;
        dict_len = (size_t)n;
    }
    if (le32(dict) != 0xEC30A437u) {
        *msg = "zstd dictionary frame holds no dictionary (magic 0xEC30A437)";
        goto done;
    }
    if (ZSTD_isError(ZSTD_DCtx_loadDictionary(w->zd, dict, dict_len))) {
        *msg = "zstd dictionary rejected by the decoder";
        goto done;
    }
    rc = 0;
done:
    free(plain);
    free(data);
    return rc;
}

int wn_ws_detect(wn_warc *w, const char **msg)
{
    *msg = NULL;
    if (in_need(w, 4) != 0) {
        *msg = w->serr;
        return -1;
    }
    size_t have = w->in_len - w->in_pos;
    const unsigned char *p = w->in + w->in_pos;
    w->comp = WN_COMP_PLAIN;
    if (have >= 3 && is_gzip_magic(p)) {
        w->comp = WN_COMP_GZIP;
    } else if (have >= 4 && is_zstd_magic(p)) {
        w->comp = WN_COMP_ZSTD;
    } else if (have >= 4 && is_zstd_dict_frame(p)) {
        w->comp = WN_COMP_ZSTD;   /* a dictionary first, loaded below */
    } else if (have >= 4 && is_zstd_skippable(p)) {
        *msg = "a .warc.zst must not begin with a skippable frame other than a dictionary";
        return -1;
    }
    if (w->comp == WN_COMP_GZIP && w->gz == NULL) {
        w->gz = malloc(sizeof *w->gz);
        if (w->gz == NULL) {
            *msg = "out of memory";
            return -1;
        }
    } else if (w->comp == WN_COMP_ZSTD && w->zd == NULL) {
        w->zd = ZSTD_createDStream();
        if (w->zd == NULL) {
            *msg = "out of memory";
            return -1;
        }
    }
    if (w->comp == WN_COMP_ZSTD && have >= 4 && is_zstd_dict_frame(p))
        return load_dictionary(w, msg);
    return 0;
}

int wn_ws_at_boundary(const wn_warc *w)
{
    return w->comp != WN_COMP_PLAIN && !w->mem_open && w->wpos == w->wlen &&
           w->rpos == w->rlen;
}

/* Skip one zstd skippable frame at in_pos (4-byte magic, 4-byte LE size). */
static int skip_zstd_skippable(wn_warc *w)
{
    if (in_need(w, 8) != 0)
        return -1;
    if (w->in_len - w->in_pos < 8) {
        w->in_pos = w->in_len;
        return 0;
    }
    uint64_t left = 8 + (uint64_t)le32(w->in + w->in_pos + 4);
    w->mem_keep = WN_WARC_NO_KEEP;
    return in_take(w, NULL, left) < 0 ? -1 : 0;
}

/* MARK: Deflate resynchronisation -------------------------------------------- */

/*
 * Corrupt deflate data inside a gzip member would end the member there, and in
 * a whole-file gzip every record after it. Instead, the compressed bytes after
 * the damage are searched for the start of a deflate block: a bit offset where
 * a dynamic-Huffman block header is valid and a raw inflate, given a window of
 * stand-in history, decodes RESYNC_PROOF_BLOCKS whole blocks and at least
 * RESYNC_PROOF_BYTES without an error (or the member's last block, followed by
 * its trailer and the end of the input or the next member). The real history
 * (the 32 KiB before that block) is lost, so from there two decoders run side
 * by side, one given zeros as the history and one 0xFF bytes: a byte on which
 * they disagree was copied from the lost history. Such bytes are noted by
 * their decoded offset (taint, wn_ws_tainted); the reader fails a record that
 * holds one. Once the decoders agree on a whole window they can no longer
 * disagree and the second one is freed. The member's CRC-32 cannot be checked
 * any more; its trailer is skipped.
 *
 * Bounds: the search looks at RESYNC_SEARCH_BYTES compressed bytes at most and
 * stops at a later member's header (the member scan takes that one); the
 * search and trial work of a reader stays under RESYNC_WORK_BASE plus
 * RESYNC_WORK_PER_BYTE per compressed byte read. Past a bound the member is
 * given up as before: the member scan goes on from there. Until they agree,
 * the two decoders cost twice the decoding, at most to the member's end.
 */
#define RESYNC_WINDOW        32768                /* deflate's history */
#define RESYNC_SEARCH_BYTES  ((size_t)256 << 10)  /* compressed bytes searched past the damage */
#define RESYNC_PROOF_BLOCKS  2                    /* whole blocks a candidate must decode... */
#define RESYNC_PROOF_BYTES   ((size_t)16 << 10)   /* ...making at least this much output */
#define RESYNC_PROOF_IN      ((size_t)256 << 10)  /* a trial sees half: 128 KiB of input */
#define RESYNC_PROOF_OUT     ((size_t)1 << 20)    /* a trial making more output is refused */
#define RESYNC_TAINT_JOIN    64                   /* tainted stretches this close are one */
/* Work units: a byte scanned costs RESYNC_SCAN_COST, a trial RESYNC_TRIAL_COST
 * plus its output; a reader may spend RESYNC_WORK_BASE plus RESYNC_WORK_PER_BYTE
 * per compressed byte read. */
#define RESYNC_WORK_BASE     ((uint64_t)16 << 20)
#define RESYNC_WORK_PER_BYTE 32
#define RESYNC_SCAN_COST     16
#define RESYNC_TRIAL_COST    4096   /* setting up a trial (the stand-in history) */
#define GZIP_TRAILER         8                    /* CRC-32 and size after the last block */

struct wn_rescue {
    z_stream z[2];        /* [0]: history taken as zeros, [1]: as 0xFF bytes */
    int ready[2];         /* inflateInit2 done */
    int agreed;           /* the decoders agreed on a whole window: [1] is gone */
    size_t clean;         /* bytes since their last disagreement */
    size_t trailer;       /* trailer bytes still to skip after the last block */
    unsigned char other[RESYNC_WINDOW];   /* decoder [1]'s output */
    unsigned char ones[RESYNC_WINDOW];
};

static const unsigned char zero_window[RESYNC_WINDOW];

/* A gzip member header (RFC 1952) at p (10 bytes readable): the magic, no
 * reserved flag, an XFL and OS that compressors write. Compressed data holds
 * the 3-byte magic by chance about once per 16 MiB; this rarely. */
static int member_header(const unsigned char *p)
{
    return is_gzip_magic(p) && (p[3] & 0xE0) == 0 && (p[8] == 0 || p[8] == 2 || p[8] == 4) &&
           (p[9] <= 13 || p[9] == 255);
}

/* Is there a member header in p[0..n)? */
static int has_member_header(const unsigned char *p, size_t n)
{
    static const unsigned char gz[3] = { 0x1f, 0x8b, 8 };
    const unsigned char *q = p, *end = p + n;
    while (end - q >= 10 && (q = memmem(q, (size_t)(end - q), gz, 3)) != NULL) {
        if (end - q >= 10 && member_header(q))
            return 1;
        q++;
    }
    return 0;
}

static void rescue_end(wn_warc *w)
{
    struct wn_rescue *rs = w->rescue;
    if (rs == NULL)
        return;
    for (int k = 0; k < 2; k++)
        if (rs->ready[k])
            inflateEnd(&rs->z[k]);
    free(rs);
    w->rescue = NULL;
}

static struct wn_rescue *rescue_new(void)
{
    struct wn_rescue *rs = calloc(1, sizeof *rs);
    if (rs == NULL)
        return NULL;
    for (int k = 0; k < 2; k++) {
        if (inflateInit2(&rs->z[k], -15) != Z_OK) {
            for (int j = 0; j < k; j++)
                inflateEnd(&rs->z[j]);
            free(rs);
            return NULL;
        }
        rs->ready[k] = 1;
    }
    memset(rs->ones, 0xFF, sizeof rs->ones);
    return rs;
}

static uint64_t le64(const unsigned char *p)
{
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* Could a dynamic-Huffman block start at bit `bit` of p (16 bytes readable)?
 * Its type bits, its code counts, and a complete code-length code, as inflate
 * demands: most offsets fail here, before any decoding. */
static int maybe_block(const unsigned char *p, unsigned bit)
{
    uint64_t v = le64(p) >> bit;
    if (((v >> 1) & 3) != 2)
        return 0;
    unsigned hlit = (unsigned)(v >> 3) & 31, hdist = (unsigned)(v >> 8) & 31;
    unsigned hclen = ((unsigned)(v >> 13) & 15) + 4;
    if (hlit > 29 || hdist > 29)
        return 0;
    unsigned at = bit + 17, kraft = 0;
    uint64_t c = le64(p + at / 8) >> (at % 8);
    for (unsigned i = 0; i < hclen; i++) {
        unsigned len = (unsigned)(c >> (3 * i)) & 7;
        if (len)
            kraft += 128u >> len;
    }
    return kraft == 128;
}

/* Point decoder z at bit `bit` of p with the given stand-in history. */
static int z_start(z_stream *z, const unsigned char *p, unsigned bit, const unsigned char *hist)
{
    if (inflateReset(z) != Z_OK)
        return -1;
    if (bit && inflatePrime(z, (int)(8 - bit), p[0] >> bit) != Z_OK)
        return -1;
    return inflateSetDictionary(z, hist, RESYNC_WINDOW) == Z_OK ? 0 : -1;
}

/* Does a block start at bit `bit` of p[0..n)? See the bounds above. at_end:
 * the input ends at p + n. */
static int trial(wn_warc *w, const unsigned char *p, size_t n, unsigned bit, int at_end)
{
    struct wn_rescue *rs = w->rescue;
    z_stream *z = &rs->z[0];
    size_t skip = bit ? 1 : 0, out = 0;
    int blocks = 0;
    if (n <= skip || z_start(z, p, bit, zero_window) != 0)
        return 0;
    z->next_in = (Bytef *)(uintptr_t)(p + skip);
    z->avail_in = (uInt)(n - skip);
    w->rescue_work += RESYNC_TRIAL_COST;
    for (;;) {
        z->next_out = rs->other;
        z->avail_out = sizeof rs->other;
        int r = inflate(z, Z_BLOCK);
        size_t got = sizeof rs->other - z->avail_out;
        out += got;
        w->rescue_work += got;
        if (r == Z_STREAM_END) {
            /* The member's last block, ended cleanly, if its trailer is
             * followed by the end of the input or by the next member: a few
             * random bits can end like a block, but rarely right there. */
            const unsigned char *t = z->next_in;
            return (z->avail_in == GZIP_TRAILER && at_end) ||
                   (z->avail_in >= GZIP_TRAILER + 3 && is_gzip_magic(t + GZIP_TRAILER));
        }
        if (r != Z_OK)
            return 0;   /* corrupt, or out of input before the proof */
        if (z->data_type & 128)
            blocks++;
        if (blocks >= RESYNC_PROOF_BLOCKS && out >= RESYNC_PROOF_BYTES)
            return 1;
        if (out > RESYNC_PROOF_OUT)
            return 0;
    }
}

/*
 * After corrupt data in a gzip member: set up the rescue decoders at the first
 * block start past the damage. 0: done, in_pos past the bytes they took. 1:
 * none found, in_pos where the member scan should go on. -1: read error.
 */
static int rescue_search(wn_warc *w)
{
    uint64_t dmg = w->dmg_off;
    w->dmg_off = UINT64_MAX;
    if (dmg < w->in_base || dmg > w->in_base + w->in_len)
        return 1;
    size_t at = (size_t)(dmg - w->in_base);
    /* A member starting before the damage (this one was cut short): the member
     * scan finds it; decoding on would pass over its first record. */
    size_t from = w->mem_keep != WN_WARC_NO_KEEP && w->mem_keep < at ? w->mem_keep + 1 : 0;
    size_t upto = at + 16 < w->in_len ? at + 16 : w->in_len;
    if (upto > from && has_member_header(w->in + from, upto - from))
        return 1;
    w->in_pos = at;
    w->mem_keep = WN_WARC_NO_KEEP;
    if (w->rescue == NULL && (w->rescue = rescue_new()) == NULL)
        return 1;
    for (size_t scanned = 0; scanned < RESYNC_SEARCH_BYTES; scanned++) {
        uint64_t budget = RESYNC_WORK_BASE + RESYNC_WORK_PER_BYTE * (w->in_base + w->in_pos);
        if (w->rescue_work > budget)
            break;
        if (w->in_len - w->in_pos < RESYNC_PROOF_IN / 2 && in_need(w, RESYNC_PROOF_IN) != 0) {
            rescue_end(w);
            return -1;
        }
        size_t have = w->in_len - w->in_pos;
        const unsigned char *p = w->in + w->in_pos;
        if (have < 16)
            break;   /* too near the end for a block worth finding */
        /* The same view whatever the read sizes: half the trial input, or
         * (when in_need could not get that) all that is left. */
        int at_end = have < RESYNC_PROOF_IN / 2;
        size_t view = at_end ? have : RESYNC_PROOF_IN / 2;
        if (member_header(p))
            break;   /* a later member: the member scan takes it */
        for (unsigned bit = 0; bit < 8; bit++) {
            if (!maybe_block(p, bit) || !trial(w, p, view, bit, at_end))
                continue;
            struct wn_rescue *rs = w->rescue;
            if (z_start(&rs->z[0], p, bit, zero_window) != 0 ||
                z_start(&rs->z[1], p, bit, rs->ones) != 0)
                break;
            rs->agreed = 0;
            rs->trailer = 0;
            rs->clean = 0;
            w->in_pos += bit ? 1 : 0;
            return 0;
        }
        w->in_pos++;
        w->rescue_work += RESYNC_SCAN_COST;
    }
    rescue_end(w);
    return 1;
}

/* The rescue's side of failure: corrupt again. */
static long rescue_fail(wn_warc *w, const char *msg)
{
    w->pend_err = msg;
    w->dmg_off = w->in_base + w->in_pos;
    rescue_end(w);
    return 0;
}

/* Remember that decoded bytes [lo, hi) depend on the lost history. Ranges that
 * do not fit are merged with their neighbour: a record is then judged on more
 * bytes than needed, never fewer. */
static void taint(wn_warc *w, uint64_t lo, uint64_t hi)
{
    unsigned n = w->ntaint;
    if (n && lo <= w->taint_hi[n - 1] + RESYNC_TAINT_JOIN) {
        if (hi > w->taint_hi[n - 1])
            w->taint_hi[n - 1] = hi;
        return;
    }
    if (n == WN_WARC_TAINTS) {
        /* full: fold the oldest two together */
        w->taint_hi[0] = w->taint_hi[1];
        memmove(w->taint_lo + 1, w->taint_lo + 2, (n - 2) * sizeof *w->taint_lo);
        memmove(w->taint_hi + 1, w->taint_hi + 2, (n - 2) * sizeof *w->taint_hi);
        n--;
    }
    w->taint_lo[n] = lo;
    w->taint_hi[n] = hi;
    w->ntaint = n + 1;
}

int wn_ws_tainted(const wn_warc *w, uint64_t lo, uint64_t hi)
{
    for (unsigned i = 0; i < w->ntaint; i++)
        if (w->taint_lo[i] < hi && lo < w->taint_hi[i])
            return 1;
    return 0;
}

/*
 * gz_step's counterpart past the damage: decodes the member on with the rescue
 * decoders. Same contract: the bytes decoded (mem_open cleared at the member's
 * end), 0 with pend_err set on failure, 0 when it needs input. Until the two
 * decoders agree, the bytes they disagree on are noted (taint) at their decoded
 * offsets, w->zout on.
 */
static long rescue_step(wn_warc *w, unsigned char *dst, size_t cap)
{
    struct wn_rescue *rs = w->rescue;
    size_t avail = w->in_len - w->in_pos;
    if (rs->trailer) {
        size_t k = avail < rs->trailer ? avail : rs->trailer;
        w->in_pos += k;
        rs->trailer -= k;
        if (rs->trailer == 0) {
            rescue_end(w);
            w->mem_open = 0;
        }
        return 0;
    }
    z_stream *a = &rs->z[0], *b = &rs->z[1];
    if (!rs->agreed && cap > sizeof rs->other)
        cap = sizeof rs->other;
    a->next_in = w->in + w->in_pos;
    a->avail_in = avail > UINT32_MAX ? UINT32_MAX : (uInt)avail;
    a->next_out = dst;
    a->avail_out = cap > UINT32_MAX ? UINT32_MAX : (uInt)cap;
    size_t out_cap = a->avail_out;
    int r = inflate(a, Z_NO_FLUSH);
    size_t n = out_cap - a->avail_out;
    if (!rs->agreed) {
        b->next_in = w->in + w->in_pos;
        b->avail_in = a->avail_in + (uInt)(a->next_in - (w->in + w->in_pos));
        b->next_out = rs->other;
        b->avail_out = (uInt)out_cap;
        int rb = inflate(b, Z_NO_FLUSH);
        /* The history only changes bytes, never the bits read: the decoders
         * step alike, or something is badly wrong. */
        if (rb != r || b->next_in != a->next_in || b->avail_out != a->avail_out)
            return rescue_fail(w, "corrupt gzip data");
        uint64_t at = w->zout;
        size_t i = 0;
        while (i < n) {
            if (dst[i] == rs->other[i]) {
                rs->clean++;
                i++;
                continue;
            }
            size_t j = i;
            while (j < n && dst[j] != rs->other[j])
                j++;
            taint(w, at + i, at + j);
            rs->clean = 0;
            i = j;
        }
        if (rs->clean >= RESYNC_WINDOW || r == Z_STREAM_END) {
            /* a whole window alike: no byte can depend on the lost history now */
            rs->agreed = 1;
            inflateEnd(b);
            rs->ready[1] = 0;
        }
    }
    w->in_pos = (size_t)(a->next_in - w->in);
    w->zout += n;
    if (r == Z_STREAM_END) {
        rs->trailer = GZIP_TRAILER;
    } else if (r != Z_OK && r != Z_BUF_ERROR) {
        w->pend_err = "corrupt gzip data";
        w->dmg_off = w->in_base + w->in_pos;
        rescue_end(w);
    }
    return (long)n;
}

/*
 * Start the member at in_pos. WN_END when the input is exhausted, WN_ERR_INPUT
 * (w->serr) when the bytes there are not a member, WN_ERR_IO on a read error.
 */
wn_status wn_ws_begin_member(wn_warc *w)
{
    rescue_end(w);   /* a new member is read by ISA-L again */
    for (;;) {
        if (in_need(w, 4) != 0)
            return WN_ERR_IO;
        size_t have = w->in_len - w->in_pos;
        const unsigned char *p = w->in + w->in_pos;
        if (have == 0)
            return WN_END;
        w->mem_keep = w->in_pos;
        w->mem_off = w->in_base + w->in_pos;
        if (w->comp == WN_COMP_GZIP && have >= 3 && is_gzip_magic(p)) {
            isal_inflate_init(w->gz);
            w->gz->crc_flag = ISAL_GZIP;   /* parse the header, check CRC and size */
            break;
        }
        if (w->comp == WN_COMP_ZSTD && have >= 4 && is_zstd_magic(p)) {
            ZSTD_DCtx_reset(w->zd, ZSTD_reset_session_only);
            break;
        }
        if (w->comp == WN_COMP_ZSTD && have >= 4 && is_zstd_skippable(p)) {
            if (skip_zstd_skippable(w) != 0)
                return WN_ERR_IO;
            continue;
        }
        w->sst = WN_ERR_INPUT;
        w->serr = w->comp == WN_COMP_GZIP ? "garbage where a gzip member should start"
                                          : "garbage where a zstd frame should start";
        w->fail_off = w->in_base + w->in_pos;
        return WN_ERR_INPUT;
    }
    w->mem_open = 1;
    w->pend_err = NULL;
    return WN_OK;
}

/*
 * One isal_inflate call on the raw input left. Returns the bytes decoded
 * (mem_open cleared at the member's end); 0 with pend_err set on corrupt data.
 */
static long gz_step(wn_warc *w, unsigned char *dst, size_t cap)
{
    struct inflate_state *st = w->gz;
    size_t avail = w->in_len - w->in_pos;
    st->next_in = w->in + w->in_pos;
    st->avail_in = avail > UINT32_MAX ? UINT32_MAX : (uint32_t)avail;
    st->next_out = dst;
    st->avail_out = cap > UINT32_MAX ? UINT32_MAX : (uint32_t)cap;
    size_t out_cap = st->avail_out;
    int r = isal_inflate(st);
    w->in_pos = (size_t)(st->next_in - w->in);
    size_t n = out_cap - st->avail_out;
    if (r < 0) {
        /* output decoded before the fault goes out first (see produce) */
        w->pend_err = r == ISAL_INCORRECT_CHECKSUM ? "gzip member fails its CRC-32 or size check"
                                                   : "corrupt gzip data";
        if (r != ISAL_INCORRECT_CHECKSUM) {
            /* where the decoder stood: its bit buffer holds bytes it has not used */
            size_t ahead = (size_t)(st->read_in_length > 0 ? st->read_in_length : 0) / 8 + 1;
            w->dmg_off = w->in_base + (w->in_pos > ahead ? w->in_pos - ahead : 0);
        }
        return (long)n;
    }
    if (st->block_state == ISAL_BLOCK_FINISH)
        w->mem_open = 0;
    return (long)n;
}

/*
 * Decode up to cap bytes of the current member into dst. Returns the count
 * (> 0), 0 when the member ended without output (mem_open cleared), -1 on
 * corrupt or truncated data or a read error (w->sst, w->serr).
 */
static long produce(wn_warc *w, unsigned char *dst, size_t cap)
{
    if (w->pend_err != NULL) {
        /* Output decoded before the failure went out first, so the bytes
         * seen before an error do not depend on the read sizes. */
        w->mem_open = 0;
        w->sst = WN_ERR_INPUT;
        w->serr = w->pend_err;
        w->fail_off = w->mem_off;
        w->pend_err = NULL;
        return -1;
    }
    for (;;) {
        size_t before = w->in_pos;
        long n;
        if (w->comp == WN_COMP_GZIP) {
            /* ISA-L may hold decoded bytes with no input left: it goes first,
             * and asks for input only when it made no progress. */
            n = w->rescue ? rescue_step(w, dst, cap) : gz_step(w, dst, cap);
            if (n > 0 || !w->mem_open)
                return n;
            if (w->pend_err != NULL)
                return produce(w, dst, cap);
        } else if (w->in_pos < w->in_len) {
            ZSTD_inBuffer ib = { w->in + w->in_pos, w->in_len - w->in_pos, 0 };
            ZSTD_outBuffer ob = { dst, cap, 0 };
            size_t r = ZSTD_decompressStream(w->zd, &ob, &ib);
            w->in_pos += ib.pos;
            n = (long)ob.pos;
            if (ZSTD_isError(r)) {
                w->pend_err = ZSTD_getErrorCode(r) == ZSTD_error_dictionary_wrong
                                  ? "zstd frame needs a dictionary the file does not open with"
                                  : "corrupt zstd data";
                return n > 0 ? n : produce(w, dst, cap);
            }
            if (r == 0) {
                w->mem_open = 0;
                return n;
            }
            if (n > 0)
                return n;
        }
        if (w->in_pos == w->in_len || (w->comp == WN_COMP_GZIP && w->in_pos == before)) {
            long r = in_more(w);
            if (r < 0)
                return -1;
            if (r == 0) {
                w->mem_open = 0;
                w->sst = WN_ERR_INPUT;
                w->serr = w->comp == WN_COMP_GZIP ? "truncated gzip member (end of input)"
                                                  : "truncated zstd frame (end of input)";
                w->fail_off = w->mem_off;
                w->cut_eof = 1;
                return -1;
            }
        }
    }
}

/* MARK: Decoded window ------------------------------------------------------ */

/*
 * Add bytes to the window: replay first, then the raw input (plain) or the
 * current member. At a member end, continue into the next member only when
 * w->cross is set. Returns the bytes added, 0 at the end, -1 on failure.
 */
long wn_ws_fill(wn_warc *w)
{
    if (w->wpos == w->wlen) {
        w->wpos = w->wlen = 0;
    } else if (w->wpos > 0 && WN_WARC_WIN_CAP - w->wlen < WN_WARC_WIN_CAP / 4) {
        memmove(w->win, w->win + w->wpos, w->wlen - w->wpos);
        w->wlen -= w->wpos;
        w->wpos = 0;
    }
    size_t space = WN_WARC_WIN_CAP - w->wlen;
    if (space == 0)
        return 0;
    if (w->rpos < w->rlen) {
        size_t n = w->rlen - w->rpos;
        if (n > space)
            n = space;
        memcpy(w->win + w->wlen, w->rep + w->rpos, n);
        w->wlen += n;
        w->rpos += n;
        if (w->rpos == w->rlen) {
            w->rpos = w->rlen = 0;
            if (w->rcap > ((size_t)1 << 20)) {   /* do not sit on a big block */
                free(w->rep);
                w->rep = NULL;
                w->rcap = 0;
            }
        }
        return (long)n;
    }
    if (w->comp == WN_COMP_PLAIN) {
        if (w->in_pos == w->in_len) {
            long r = in_more(w);
            if (r <= 0)
                return r;
        }
        size_t n = w->in_len - w->in_pos;
        if (n > space)
            n = space;
        memcpy(w->win + w->wlen, w->in + w->in_pos, n);
        w->in_pos += n;
        w->wlen += n;
        return (long)n;
    }
    for (;;) {
        if (!w->mem_open) {
            if (!w->cross)
                return 0;
            wn_status st = wn_ws_begin_member(w);
            if (st == WN_END)
                return 0;
            if (st != WN_OK)
                return -1;
            unsigned b = w->bnd_next++ % WN_WARC_BOUNDS;
            w->bnd_dpos[b] = w->dpos + (w->wlen - w->wpos);
            w->bnd_off[b] = w->mem_off;
        }
        w->zout = w->dpos + (w->wlen - w->wpos);   /* where the bytes produced go */
        long r = produce(w, w->win + w->wlen, space);
        if (r < 0)
            return -1;
        if (r > 0) {
            w->wlen += (size_t)r;
            return r;
        }
    }
}

/*
 * With the window and replay empty, put up to cap stream bytes straight into
 * dst (a block buffer), saving the copy through the window. Returns the count,
 * 0 when the caller should use the window path (member end, end of input), -1
 * on failure. dpos advances here; in plain mode a large read bypasses the
 * input buffer entirely.
 */
long wn_ws_read_direct(wn_warc *w, void *dst, size_t cap)
{
    long r;
    if (w->wpos != w->wlen || w->rpos != w->rlen || cap == 0)
        return 0;
    if (w->comp == WN_COMP_PLAIN) {
        size_t have = w->in_len - w->in_pos;
        if (have > 0) {
            r = (long)(have < cap ? have : cap);
            memcpy(dst, w->in + w->in_pos, (size_t)r);
            w->in_pos += (size_t)r;
        } else {
            if (w->in_eof)
                return 0;
            r = w->read(w->ctx, dst, cap);
            if (r < 0) {
                w->sst = WN_ERR_IO;
                w->serr = "read error";
                return -1;
            }
            if (r == 0) {
                w->in_eof = 1;
                return 0;
            }
            if ((size_t)r > cap)
                r = (long)cap;
            w->in_base += w->in_len + (size_t)r;   /* the buffer is empty: restart it */
            w->in_pos = w->in_len = 0;
        }
    } else {
        if (!w->mem_open)
            return 0;
        w->zout = w->dpos;
        r = produce(w, dst, cap);
        if (r <= 0)
            return r;
    }
    w->dpos += (uint64_t)r;
    if (w->dpos > w->hw)
        w->hw = w->dpos;
    return r;
}

/* Fill until n bytes are available or the stream ends; returns what is there.
 * A failure leaves w->sst set (the caller clears it before each use). */
size_t wn_ws_ensure(wn_warc *w, size_t n)
{
    while (wn_ws_avail(w) < n) {
        if (wn_ws_fill(w) <= 0)
            break;
    }
    return wn_ws_avail(w);
}

/* Did a member crossed inside a record start at decoded offset dpos? */
int wn_ws_member_at(const wn_warc *w, uint64_t dpos, uint64_t *off)
{
    unsigned n = w->bnd_next < WN_WARC_BOUNDS ? w->bnd_next : WN_WARC_BOUNDS;
    for (unsigned i = 0; i < n; i++) {
        if (w->bnd_dpos[i] == dpos) {
            *off = w->bnd_off[i];
            return 1;
        }
    }
    return 0;
}

void wn_ws_consume(wn_warc *w, size_t n)
{
    w->wpos += n;
    w->dpos += n;
    if (w->dpos > w->hw)
        w->hw = w->dpos;
}

/*
 * Hand the n bytes in *buf (a block that turned out not to end where its
 * Content-Length said) back to the stream, followed by the window's unread
 * bytes, so they are scanned again. *buf is swapped with the replay buffer;
 * off is the decoded offset of the block's first byte. Returns -1 when out of
 * memory (nothing replayed).
 */
int wn_ws_replay(wn_warc *w, char **buf, size_t *cap, size_t n, uint64_t off)
{
    size_t tail = wn_ws_avail(w);
    /* Records that all claim to run to the end of the file would each be
     * rescanned: a budget of twice the furthest point read (plus 8 MiB) keeps
     * the total work linear. Past it, the scan goes on from here instead. */
    if (w->replayed + n > 2 * w->hw + ((uint64_t)8 << 20))
        return -1;
    w->replayed += n;
    if (n + tail + 1 > *cap) {
        char *p = realloc(*buf, n + tail + 1);
        if (p == NULL)
            return -1;
        *buf = p;
        *cap = n + tail + 1;
    }
    memcpy(*buf + n, w->win + w->wpos, tail);
    char *old = w->rep;
    size_t old_cap = w->rcap;
    w->rep = *buf;
    w->rcap = *cap;
    w->rpos = 0;
    w->rlen = n + tail;
    *buf = old;
    *cap = old_cap;
    w->wpos = w->wlen = 0;
    w->dpos = off;
    return 0;
}

/*
 * After corrupt compressed data: find the next member that decodes to a
 * record start (a WARC version line, or an ARC header line), starting one byte after the failed member's start when that is
 * still in the buffer, else at the current input position. On WN_OK the window
 * holds the member's first decoded bytes and the member is open.
 */
wn_status wn_ws_resync_member(wn_warc *w)
{
    static const unsigned char gz[3] = { 0x1f, 0x8b, 8 };
    static const unsigned char zs[4] = { 0x28, 0xb5, 0x2f, 0xfd };
    const unsigned char *magic = w->comp == WN_COMP_GZIP ? gz : zs;
    size_t mlen = w->comp == WN_COMP_GZIP ? 3 : 4;
    size_t unread = w->wlen - w->wpos;   /* decoded bytes dropped with the window */

    w->wpos = w->wlen = 0;
    w->rpos = w->rlen = 0;
    w->mem_open = 0;
    w->pend_err = NULL;
    w->bnd_next = 0;   /* decoded offsets lose their meaning across the gap */
    w->rescued = 0;
    rescue_end(w);
    if (w->comp == WN_COMP_GZIP && w->dmg_off != UINT64_MAX) {
        /* Corrupt deflate data: go on inside this member past the damage. */
        int r = rescue_search(w);
        if (r < 0)
            return WN_ERR_IO;
        if (r == 0) {
            w->dpos += unread;   /* the member goes on: its decoded offsets too */
            w->mem_open = 1;
            w->rescued = 1;
            w->sst = WN_OK;
            return WN_OK;
        }
    }
    if (w->mem_keep != WN_WARC_NO_KEEP && w->mem_keep < w->in_len)
        w->in_pos = w->mem_keep + 1;
    w->mem_keep = WN_WARC_NO_KEEP;
    for (;;) {
        w->sst = WN_OK;
        if (in_need(w, mlen) != 0)
            return WN_ERR_IO;
        size_t have = w->in_len - w->in_pos;
        if (have < mlen) {
            w->in_pos = w->in_len;
            return WN_END;
        }
        const unsigned char *p = memmem(w->in + w->in_pos, have, magic, mlen);
        if (p == NULL) {
            w->in_pos = w->in_len - (mlen - 1);
            if (in_more(w) < 0)
                return WN_ERR_IO;
            continue;
        }
        w->in_pos = (size_t)(p - w->in);
        size_t cand = w->in_pos;
        wn_status st = wn_ws_begin_member(w);
        if (st == WN_ERR_IO)
            return st;
        if (st == WN_OK) {
            w->wpos = w->wlen = 0;
            while (w->wlen < 4096 && wn_warc_record_start(w, w->win, w->wlen) < 0) {
                /* a little output is enough to judge a candidate */
                long r = w->mem_open ? produce(w, w->win + w->wlen, 4096 - w->wlen) : 0;
                if (r <= 0)
                    break;
                w->wlen += (size_t)r;
            }
            if (w->sst == WN_ERR_IO)
                return WN_ERR_IO;
            if (wn_warc_record_start(w, w->win, w->wlen) == 1) {
                w->sst = WN_OK;
                return WN_OK;
            }
        }
        /* Not a record: try again one byte further on. */
        w->wpos = w->wlen = 0;
        w->mem_open = 0;
        if (w->mem_keep != WN_WARC_NO_KEEP)
            w->in_pos = w->mem_keep + 1;
        else if (w->in_pos <= cand)
            w->in_pos = cand + 1;
        w->mem_keep = WN_WARC_NO_KEEP;
    }
}

/* MARK: Setup --------------------------------------------------------------- */

int wn_ws_init(wn_warc *w)
{
    w->in = malloc(WN_WARC_IN_CAP);
    w->win = malloc(WN_WARC_WIN_CAP);
    w->mem_keep = WN_WARC_NO_KEEP;
    w->dmg_off = UINT64_MAX;
    return (w->in && w->win) ? 0 : -1;
}

void wn_ws_fini(wn_warc *w)
{
    rescue_end(w);
    free(w->gz);
    ZSTD_freeDStream(w->zd);
    free(w->in);
    free(w->win);
    free(w->rep);
    if (w->fd >= 0)
        close(w->fd);
}
