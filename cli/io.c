/*
 * io.c: input reading (files, stdin, transparent gzip) and error printing
 * shared by the winnow subcommands.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>

void cli_error(const char *fmt, ...)
{
    va_list ap;
    fputs("winnow: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

int cli_file_sink(void *ctx, const char *p, size_t n)
{
    return fwrite(p, 1, n, (FILE *)ctx) == n ? 0 : -1;
}

/* The next buffer size: doubling, but never past max + 1 bytes, the one byte
 * that shows an input is over the limit. So a refused input costs at most the
 * limit, not the doubled buffer it would have grown into. */
static size_t grow_cap(size_t cap, size_t max)
{
    size_t nc = cap * 2;
    return max && nc > max + 1 ? max + 1 : nc;
}

/* Read f whole, refusing more than max bytes (0 = no limit). A regular file's
 * size is known: over the limit it is refused unread, else read into one buffer
 * of its size. A pipe grows its buffer as it comes. */
static int read_all(FILE *f, size_t max, char **out, size_t *out_n)
{
    size_t cap = 1 << 16, n = 0;
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0) {
        if (max && (uintmax_t)st.st_size > max)
            return EFBIG;
        cap = (size_t)st.st_size + 1;   /* + 1: the read that sees the end */
    }
    if (max && cap > max + 1)
        cap = max + 1;
    char *buf = malloc(cap);
    if (buf == NULL)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            if (max && n > max)
                break;
            size_t nc = grow_cap(cap, max);
            char *nb = realloc(buf, nc);
            if (nb == NULL) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap = nc;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (got == 0)
            break;
    }
    if (max && n > max) {
        free(buf);
        return EFBIG;
    }
    if (ferror(f)) {
        int e = errno ? errno : EIO;
        free(buf);
        return e;
    }
    *out = buf;
    *out_n = n;
    return 0;
}

/* Inflate every gzip member in turn (concatenated members are valid gzip).
 * Returns 0, EFBIG over max, or EINVAL for corrupt data. */
static int gunzip(const char *in, size_t in_n, size_t max, char **out, size_t *out_n)
{
    size_t cap = in_n * 4 + 4096, n = 0;
    if (max && cap > max + 1)
        cap = max + 1;
    char *buf = malloc(cap);
    if (buf == NULL)
        return ENOMEM;
    z_stream z;
    memset(&z, 0, sizeof z);
    if (inflateInit2(&z, 15 + 16) != Z_OK) {
        free(buf);
        return ENOMEM;
    }
    z.next_in = (Bytef *)in;
    int rc = Z_OK, err = 0;
    size_t left = in_n;
    while (left > 0) {
        /* zlib counts avail_in in uInt: feed at most 1 GiB at a time. */
        z.avail_in = left > (1u << 30) ? (1u << 30) : (uInt)left;
        size_t before = z.avail_in;
        while (z.avail_in > 0) {
            if (n == cap) {
                if (max && cap >= max + 1) {
                    err = EFBIG;
                    goto done;
                }
                size_t nc = grow_cap(cap, max);
                char *nb = realloc(buf, nc);
                if (nb == NULL) {
                    err = ENOMEM;
                    goto done;
                }
                buf = nb;
                cap = nc;
            }
            size_t room = cap - n;
            z.next_out = (Bytef *)buf + n;
            z.avail_out = room > (1u << 30) ? (1u << 30) : (uInt)room;
            size_t out_before = z.avail_out;
            rc = inflate(&z, Z_NO_FLUSH);
            n += out_before - z.avail_out;
            if (max && n > max) {
                err = EFBIG;
                goto done;
            }
            if (rc == Z_STREAM_END) {
                /* Another member may follow; skip trailing zero padding. */
                if (z.avail_in == 0 || *z.next_in == 0)
                    break;
                inflateReset(&z);
            } else if (rc == Z_BUF_ERROR && z.avail_out != 0) {
                err = EINVAL;      /* truncated input */
                goto done;
            } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
                err = EINVAL;
                goto done;
            }
        }
        left -= before - z.avail_in;
        if (rc == Z_STREAM_END && (z.avail_in == 0 || *z.next_in == 0))
            break;
    }
    if (rc != Z_STREAM_END)
        err = EINVAL;
done:
    inflateEnd(&z);
    if (err) {
        free(buf);
        return err;
    }
    *out = buf;
    *out_n = n;
    return 0;
}

int cli_read_input_msg(const char *path, size_t max, char **out, size_t *out_n, char *msg,
                       size_t msg_n)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
    char limit[32];
    cli_format_size(limit, sizeof limit, max);
    if (f == NULL) {
        snprintf(msg, msg_n, "%s: %s", name, strerror(errno));
        return -1;
    }
    char *raw = NULL;
    size_t raw_n = 0;
    int e = read_all(f, max, &raw, &raw_n);
    if (f != stdin)
        fclose(f);
    if (e == EFBIG) {
        snprintf(msg, msg_n, "%s: input larger than the size limit of %s (--max-input SIZE raises it)",
                 name, limit);
        return -1;
    }
    if (e) {
        snprintf(msg, msg_n, "%s: %s", name, strerror(e));
        return -1;
    }
    if (raw_n >= 2 && (unsigned char)raw[0] == 0x1f && (unsigned char)raw[1] == 0x8b) {
        char *plain = NULL;
        size_t plain_n = 0;
        e = gunzip(raw, raw_n, max, &plain, &plain_n);
        free(raw);
        if (e == EFBIG)
            snprintf(msg, msg_n,
                     "%s: decompressed input larger than the size limit of %s (--max-input SIZE "
                     "raises it)", name, limit);
        else if (e)
            snprintf(msg, msg_n, "%s: %s", name,
                     e == EINVAL ? "corrupt or truncated gzip data" : strerror(e));
        if (e)
            return -1;
        raw = plain;
        raw_n = plain_n;
    }
    *out = raw;
    *out_n = raw_n;
    return 0;
}

int cli_read_input(const char *path, size_t max, char **out, size_t *out_n)
{
    char msg[1024];
    if (cli_read_input_msg(path, max, out, out_n, msg, sizeof msg) == 0)
        return 0;
    cli_error("%s", msg);
    return -1;
}

/* MARK: Encoding names */

/* The API has no label lookup, and a charset override the library does not
 * know is ignored (detection runs instead). So a label is known exactly when it
 * decides the encoding of two pages whose own declarations disagree. */
int cli_charset_known(const char *label)
{
    static const char *const pages[2] = { "<meta charset=utf-8>", "<meta charset=windows-1252>" };
    char enc[2][64];
    wn_options opt;
    wn_options_init(&opt);
    opt.charset = label;
    for (int i = 0; i < 2; i++) {
        wn_document *doc = NULL;
        wn_error err = { WN_OK, NULL, 0 };
        if (wn_parse(pages[i], strlen(pages[i]), &opt, &doc, &err) != WN_OK)
            return 0;
        wn_parse_stats st;
        wn_document_stats(doc, &st);
        snprintf(enc[i], sizeof enc[i], "%s", st.encoding ? st.encoding : "");
        wn_document_free(doc);
    }
    return strcmp(enc[0], enc[1]) == 0;
}

/* MARK: Memory buffer */

void cli_buf_put(cli_buf *b, const char *p, size_t n)
{
    if (b->failed || n == 0)
        return;
    if (b->cap - b->n < n) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->n < n) {
            if (cap > ((size_t)-1) / 2) {
                b->failed = 1;
                return;
            }
            cap *= 2;
        }
        char *np = realloc(b->p, cap);
        if (np == NULL) {
            b->failed = 1;
            return;
        }
        b->p = np;
        b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
}

int cli_buf_sink(void *ctx, const char *p, size_t n)
{
    cli_buf *b = ctx;
    cli_buf_put(b, p, n);
    return b->failed ? -1 : 0;
}

void cli_buf_free(cli_buf *b)
{
    free(b->p);
    memset(b, 0, sizeof *b);
}

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when it is not one. */
static size_t utf8_len(const unsigned char *p, size_t left)
{
    unsigned c = p[0];
    size_t n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3
             : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
    if (n == 0 || n > left)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((p[i] & 0xc0) != 0x80)
            return 0;
    /* Overlong forms, surrogates, and code points past U+10FFFF. */
    if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] > 0x9f) ||
        (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] > 0x8f))
        return 0;
    return n;
}

void cli_buf_json_str(cli_buf *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    size_t left = strlen(s);
    cli_buf_put(b, "\"", 1);
    while (left > 0) {
        size_t k = utf8_len(p, left);
        if (k == 0) {
            cli_buf_put(b, "\xef\xbf\xbd", 3);   /* a file name is bytes: U+FFFD */
            k = 1;
        } else if (*p == '"' || *p == '\\') {
            char esc[2] = { '\\', (char)*p };
            cli_buf_put(b, esc, 2);
        } else if (*p < 0x20) {
            char esc[8];
            snprintf(esc, sizeof esc, "\\u%04x", *p);
            cli_buf_put(b, esc, 6);
        } else {
            cli_buf_put(b, (const char *)p, k);
        }
        p += k;
        left -= k;
    }
    cli_buf_put(b, "\"", 1);
}
