/*
 * io.c: input reading (files, stdin, transparent gzip) and error printing
 * shared by the winnow subcommands.
 */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
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

static int read_all(FILE *f, size_t max, char **out, size_t *out_n)
{
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    if (buf == NULL)
        return ENOMEM;
    for (;;) {
        if (n == cap) {
            char *nb = realloc(buf, cap * 2);
            if (nb == NULL) {
                free(buf);
                return ENOMEM;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n, f);
        n += got;
        if (max && n > max) {
            free(buf);
            return EFBIG;
        }
        if (got == 0)
            break;
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
                char *nb = realloc(buf, cap * 2);
                if (nb == NULL) {
                    err = ENOMEM;
                    goto done;
                }
                buf = nb;
                cap *= 2;
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

int cli_read_input(const char *path, size_t max, char **out, size_t *out_n)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
    const char *name = strcmp(path, "-") == 0 ? "(stdin)" : path;
    if (f == NULL) {
        cli_error("%s: %s", name, strerror(errno));
        return -1;
    }
    char *raw = NULL;
    size_t raw_n = 0;
    int e = read_all(f, max, &raw, &raw_n);
    if (f != stdin)
        fclose(f);
    if (e) {
        cli_error("%s: %s", name, e == EFBIG ? "input larger than the size limit" : strerror(e));
        return -1;
    }
    if (raw_n >= 2 && (unsigned char)raw[0] == 0x1f && (unsigned char)raw[1] == 0x8b) {
        char *plain = NULL;
        size_t plain_n = 0;
        e = gunzip(raw, raw_n, max, &plain, &plain_n);
        free(raw);
        if (e) {
            cli_error("%s: %s", name,
                      e == EFBIG ? "decompressed input larger than the size limit"
                      : e == EINVAL ? "corrupt or truncated gzip data" : strerror(e));
            return -1;
        }
        raw = plain;
        raw_n = plain_n;
    }
    *out = raw;
    *out_n = raw_n;
    return 0;
}
