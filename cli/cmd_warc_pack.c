/*
 * cmd_warc_pack.c: `winnow warc-pack`: wrap HTML files (.html.gz decompressed)
 * in HTTP/1.1 200 responses inside WARC/1.1 response records, after one
 * warcinfo record; one gzip member per record unless --no-gzip. Response
 * records depend only on the inputs (names, bytes, mtimes); the warcinfo date is
 * SOURCE_DATE_EPOCH when set, so packing twice can give the same bytes.
 * Uses winnow.h, libc and zlib only.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <zlib.h>


typedef struct pack_args {
    const char *out;
    int gzip;
    const char *url_prefix;
    const char *charset;
    size_t max_input;
} pack_args;

typedef struct pack_out {
    FILE *f;
    int gzip;
    z_stream z;
    int z_ready;
    int failed;
    unsigned char *zbuf;
    char info_id[64];
} pack_out;

enum { OPT_NO_GZIP = 256, OPT_URL_PREFIX, OPT_CHARSET, OPT_MAX_INPUT };

static const cli_option pack_options[] = {
    { 'o', 'o', "output", "OUT", "write to OUT (default: standard output)" },
    { OPT_NO_GZIP, 0, "no-gzip", NULL, "write an uncompressed WARC (default: one gzip member per record)" },
    { OPT_URL_PREFIX, 0, "url-prefix", "URL", "record URL: URL + the path below DIR, .gz removed (default http://localhost/)" },
    { OPT_CHARSET, 0, "charset", "NAME", "add \"; charset=NAME\" to the HTTP Content-Type" },
    { OPT_MAX_INPUT, 0, "max-input", "SIZE", "refuse inputs larger than SIZE bytes (K, M, G; default 256M)" },
    { 'h', 'h', "help", NULL, "print this help" },
    { 0, 0, NULL, NULL, NULL }
};

static void usage(FILE *f)
{
    fputs("usage: winnow warc-pack [OPTIONS] FILE|DIR...\n"
          "Wraps each page in a WARC/1.1 response record. A DIR gives the *.html, *.htm,\n"
          "*.xhtml files below it (also .gz), recursively, in byte order of their paths.\n",
          f);
    cli_print_options(f, pack_options);
    fputs("exit status: 0 ok, 1 some inputs failed, 2 usage error, 3 output error\n", f);
}

/* MARK: Output: one gzip member per record ------------------------------------ */

static void out_raw(pack_out *o, const void *p, size_t n)
{
    if (!o->failed && n > 0 && fwrite(p, 1, n, o->f) != n)
        o->failed = 1;
}

/* Write one record (given as pieces) as its own gzip member, or plain. */
static void out_record(pack_out *o, const void *const *parts, const size_t *lens, int nparts)
{
    if (!o->gzip) {
        for (int i = 0; i < nparts; i++)
            out_raw(o, parts[i], lens[i]);
        return;
    }
    deflateReset(&o->z);
    for (int i = 0; i < nparts; i++) {
        o->z.next_in = (unsigned char *)parts[i];
        o->z.avail_in = (uInt)lens[i];
        int flush = i == nparts - 1 ? Z_FINISH : Z_NO_FLUSH;
        int r;
        do {
            o->z.next_out = o->zbuf;
            o->z.avail_out = 65536;
            r = deflate(&o->z, flush);
            out_raw(o, o->zbuf, 65536 - o->z.avail_out);
        } while (o->z.avail_out == 0 || (flush == Z_FINISH && r != Z_STREAM_END));
    }
}

/* MARK: Deterministic names ----------------------------------------------------- */

/* A UUID from two FNV-1a 64 hashes of s (different offsets): stable per path,
 * marked version 8 (RFC 9562 custom) with the RFC 4122 variant. */
static void uuid_from(const char *s, char out[64])
{
    uint64_t h1 = 0xcbf29ce484222325u, h2 = 0x84222325cbf29ce4u;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        h1 = (h1 ^ *p) * 0x100000001b3u;
        h2 = (h2 ^ *p) * 0x100000001b3u;
        h2 ^= h2 >> 29;
    }
    unsigned char b[16];
    for (int i = 0; i < 8; i++) {
        b[i] = (unsigned char)(h1 >> (56 - 8 * i));
        b[8 + i] = (unsigned char)(h2 >> (56 - 8 * i));
    }
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x80);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, 64,
             "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x>",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
}

static void iso_date(time_t t, char out[32])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* MARK: Records -------------------------------------------------------------------- */

static void write_warcinfo(pack_out *o, const char *out_name, time_t when)
{
    char date[32], head[1024], body[256];
    iso_date(when, date);
    char key[512];
    snprintf(key, sizeof key, "warcinfo:%s", out_name);
    uuid_from(key, o->info_id);
    int bn = snprintf(body, sizeof body,
                      "software: winnow/%s\r\nformat: WARC File Format 1.1\r\n"
                      "conformsTo: https://iipc.github.io/warc-specifications/specifications/"
                      "warc-format/warc-1.1/\r\n",
                      WN_VERSION_STRING);
    int hn = snprintf(head, sizeof head,
                      "WARC/1.1\r\nWARC-Type: warcinfo\r\nWARC-Date: %s\r\n"
                      "WARC-Filename: %s\r\nWARC-Record-ID: %s\r\n"
                      "Content-Type: application/warc-fields\r\nContent-Length: %d\r\n\r\n",
                      date, out_name, o->info_id, bn);
    const void *parts[3] = { head, body, "\r\n\r\n" };
    size_t lens[3] = { (size_t)hn, (size_t)bn, 4 };
    out_record(o, parts, lens, 3);
}

static void write_response(pack_out *o, const pack_args *a, const char *rel, const char *html,
                           size_t n, time_t mtime)
{
    char date[32], id[64], http[512];
    size_t ul = strlen(a->url_prefix) + 3 * strlen(rel) + 1;
    char *url = malloc(ul);
    char *head = malloc(ul + 1024);
    if (url == NULL || head == NULL) {
        free(url);
        free(head);
        o->failed = 1;
        return;
    }
    /* The path goes into a URL: bytes other than unreserved ones and '/' are
     * percent-encoded (RFC 3986), so "a b.html" becomes "a%20b.html". */
    size_t k = (size_t)snprintf(url, ul, "%s", a->url_prefix);
    size_t rl = strlen(rel);
    if (rl > 3 && strcmp(rel + rl - 3, ".gz") == 0)
        rl -= 3;
    for (size_t i = 0; i < rl; i++) {
        unsigned char c = (unsigned char)rel[i];
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            url[k++] = (char)c;
        } else {
            k += (size_t)snprintf(url + k, ul - k, "%%%02X", c);
        }
    }
    url[k] = '\0';
    iso_date(mtime, date);
    uuid_from(rel, id);
    int hn = snprintf(http, sizeof http,
                      "HTTP/1.1 200 OK\r\nContent-Type: text/html%s%s\r\n"
                      "Content-Length: %zu\r\n\r\n",
                      a->charset ? "; charset=" : "", a->charset ? a->charset : "", n);
    if (hn < 0 || (size_t)hn >= sizeof http)
        hn = 0;
    int wn = snprintf(head, ul + 1024,
                      "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
                      "WARC-Date: %s\r\nWARC-Record-ID: %s\r\nWARC-Warcinfo-ID: %s\r\n"
                      "Content-Type: application/http; msgtype=response\r\n"
                      "Content-Length: %zu\r\n\r\n",
                      url, date, id, o->info_id, (size_t)hn + n);
    const void *parts[4] = { head, http, html, "\r\n\r\n" };
    size_t lens[4] = { (size_t)wn, (size_t)hn, n, 4 };
    out_record(o, parts, lens, 4);
    free(url);
    free(head);
}

/* MARK: Inputs --------------------------------------------------------------------- */

/* Pack one file; rel is its name in the URL and the record id. */
static int pack_file(pack_out *o, const pack_args *a, const char *path, const char *rel)
{
    struct stat st;
    char *data = NULL;
    size_t n = 0;
    if (stat(path, &st) != 0) {
        cli_error("%s: %s", path, strerror(errno));
        return -1;
    }
    if (cli_read_input(path, a->max_input, &data, &n) != 0)
        return -1;
    /* A binary file named *.html would become a text/html record that every
     * reader of the archive then extracts as a page of noise. */
    const char *what = cli_not_html(data, n);
    if (what) {
        cli_error("%s: not HTML (looks like %s), not packed", path, what);
        free(data);
        return -1;
    }
    write_response(o, a, rel, data, n, st.st_mtime);
    free(data);
    return 0;
}

/* MARK: Command ---------------------------------------------------------------------- */

int cmd_warc_pack(int argc, char **argv)
{
    wn_options defaults;
    wn_options_init(&defaults);
    pack_args a = { NULL, 1, "http://localhost/", NULL, defaults.max_input_bytes };
    int status = EXIT_OK;
    cli_files files = { 0 };
    cli_parser p;
    cli_parser_init(&p, "warc-pack", pack_options, argc, argv);
    const char *val;
    unsigned long long size;
    for (int id; (id = cli_next(&p, &val)) != CLI_END;) {
        switch (id) {
        case CLI_ERROR:
            cli_files_free(&files);
            return EXIT_USAGE;
        case CLI_OPERAND:
            if (cli_expand(&files, val, cli_is_page_name, "*.html, *.htm or *.xhtml files") != 0)
                status = EXIT_FAILURE_SOME;
            break;
        case 'o': a.out = val; break;
        case OPT_NO_GZIP: a.gzip = 0; break;
        case OPT_URL_PREFIX: a.url_prefix = val; break;
        case OPT_CHARSET: a.charset = val; break;
        case OPT_MAX_INPUT:
            if (cli_parse_size(val, &size) != 0 || size == 0 || size > SIZE_MAX / 2) {
                cli_error("warc-pack: --max-input needs a size such as 64M or 2G, got '%s'", val);
                cli_files_free(&files);
                return EXIT_USAGE;
            }
            a.max_input = (size_t)size;
            break;
        case 'h':
            usage(stdout);
            cli_files_free(&files);
            return EXIT_OK;
        }
    }
    if (files.n == 0 && status == EXIT_OK) {
        cli_error("warc-pack: no input files");
        return EXIT_USAGE;
    }
    if (a.charset != NULL && (strpbrk(a.charset, "\r\n;") != NULL || !cli_charset_known(a.charset))) {
        cli_error("warc-pack: --charset: unknown encoding '%s'", a.charset);
        cli_files_free(&files);
        return EXIT_USAGE;
    }

    pack_out o;
    memset(&o, 0, sizeof o);
    o.gzip = a.gzip;
    o.f = (a.out == NULL || !strcmp(a.out, "-")) ? stdout : fopen(a.out, "wb");
    if (o.f == NULL) {
        cli_error("%s: %s", a.out, strerror(errno));
        cli_files_free(&files);
        return EXIT_IO;
    }
    if (o.gzip) {
        o.zbuf = malloc(65536);
        if (o.zbuf == NULL || deflateInit2(&o.z, 6, Z_DEFLATED, 16 + 15, 8,
                                           Z_DEFAULT_STRATEGY) != Z_OK) {
            cli_error("out of memory");
            free(o.zbuf);
            if (o.f != stdout)
                fclose(o.f);
            cli_files_free(&files);
            return EXIT_IO;
        }
        o.z_ready = 1;
    }

    /* warcinfo date: SOURCE_DATE_EPOCH when set (reproducible builds), else now. */
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t when = sde ? (time_t)strtoll(sde, NULL, 10) : time(NULL);
    const char *out_name = a.out ? strrchr(a.out, '/') : NULL;
    out_name = out_name ? out_name + 1 : (a.out ? a.out : "-");
    write_warcinfo(&o, out_name, when);

    /* Files that cannot be read are reported by pack_file, and the rest packed. */
    for (size_t k = 0; k < files.n && !o.failed; k++)
        if (pack_file(&o, &a, files.v[k].path, files.v[k].rel) != 0)
            status = EXIT_FAILURE_SOME;
    cli_files_free(&files);

    if (o.z_ready)
        deflateEnd(&o.z);
    free(o.zbuf);
    if (fflush(o.f) != 0)
        o.failed = 1;
    if (o.f != stdout && fclose(o.f) != 0)
        o.failed = 1;
    if (o.failed) {
        cli_error("%s: write failed", a.out ? a.out : "(stdout)");
        return EXIT_IO;
    }
    return status;
}
