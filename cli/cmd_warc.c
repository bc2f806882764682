/*
 * cmd_warc.c: `winnow warc`: WARC archives to JSON lines, on all cores.
 * Expands directories and stdin path lists into a file list, opens the output
 * (plain or gzip), and runs wn_batch_run(); this file only does the I/O and the
 * progress line: the library neither prints nor decides exit codes.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

typedef struct warc_args {
    wn_batch_options opt;
    const char *output;
    const char *stats_path;
    int progress;        /* -1 auto (terminal), 0 off, 1 on */
    int quiet;
} warc_args;

enum {
    OPT_READERS = 256, OPT_MAX_BUFFERED, OPT_STATUS, OPT_MIME, OPT_NO_ERROR_LINES, OPT_STATS,
    OPT_PROGRESS, OPT_TIME_LIMIT, OPT_MAX_MEMORY, OPT_MAX_INPUT, OPT_MAX_IN_FLIGHT, OPT_PATHS_FROM
};

static const cli_option warc_options[] = {
    { 'o', 'o', "output", "FILE", "write the lines to FILE (FILE.gz: gzip); default stdout" },
    { 'j', 'j', "jobs", "N", "worker threads (default: online CPUs; 1: one thread reads and extracts)" },
    { OPT_READERS, 0, "readers", "N", "files read at once (default: 1 below 8 threads, else one per 6)" },
    { OPT_MAX_BUFFERED, 0, "max-buffered", "MB", "with several readers: later files' output held in memory (default 512)" },
    { OPT_PATHS_FROM, 0, "paths-from", "FILE", "read input paths from FILE, one a line (-: stdin)" },
    { OPT_STATUS, 0, "status", "LIST", "HTTP statuses to extract: 200,301 | 2xx | all (default 2xx)" },
    { OPT_MIME, 0, "mime", "LIST", "MIME types to extract, TYPE/* allowed (default text/html,application/xhtml+xml)" },
    { OPT_NO_ERROR_LINES, 0, "no-error-lines", NULL, "count failed records in the stats only, no {\"error\":..} lines" },
    { OPT_STATS, 0, "stats", "FILE", "write the counters of the run as JSON to FILE" },
    { OPT_PROGRESS, 0, "progress", NULL, "progress line and summary on stderr even when it is not a terminal" },
    { 'q', 'q', "quiet", NULL, "no progress line and no summary" },
    { OPT_TIME_LIMIT, 0, "time-limit", "MS", "per-page time budget (default 10000; 0 = none)" },
    { OPT_MAX_MEMORY, 0, "max-memory", "MB", "per-page memory budget (default 512)" },
    { OPT_MAX_INPUT, 0, "max-input", "SIZE", "records with a larger HTTP body fail (K, M, G; default 256M)" },
    { OPT_MAX_IN_FLIGHT, 0, "max-in-flight", "MB", "record bytes queued between reader and writer (default 256)" },
    CLI_EXTRACTION_OPTIONS,
    { 'h', 'h', "help", NULL, "print this help" },
    { 0, 0, NULL, NULL, NULL }
};

static void usage(FILE *f)
{
    fputs("usage: winnow warc [OPTIONS] FILE|DIR|-...\n"
          "Every HTML response record becomes one JSON line, in input order. A DIR gives the\n"
          "*.warc, *.warc.gz, *.warc.zst, *.arc, *.arc.gz files below it, recursively, in byte\n"
          "order of their paths; -: stdin, read as a WARC or ARC stream when it starts like\n"
          "one (gzip, zstd, WARC/, filedesc://), else as a list of paths, one a line.\n",
          f);
    cli_print_options(f, warc_options);
    fputs("exit status: 0 all records ok, 1 some records or files failed, 2 usage error,\n"
          "             3 output error\n",
          f);
}

/* MARK: Input list */

/* A directory gives its WARC files; a file is passed on as given (the library
 * counts one it cannot open, and the error line names it), but a missing one
 * is also said here, where a log shows it. */
static int add_path(cli_files *out, const char *p)
{
    struct stat sb;
    if (stat(p, &sb) != 0)
        cli_error("%s: %s", p, strerror(errno));
    return cli_expand(out, p, cli_is_warc_name, "*.warc, *.warc.gz, *.warc.zst, *.arc or *.arc.gz files");
}

/* The first bytes of stdin, read to tell a stream from a list of paths; they
 * are handed out again before the rest. */
typedef struct stdin_peek {
    unsigned char b[16];
    size_t n, at;
} stdin_peek;

static long read_fd0(void *buf, size_t n)
{
    for (;;) {
        ssize_t r = read(STDIN_FILENO, buf, n);
        if (r < 0 && errno == EINTR)
            continue;
        return (long)r;
    }
}

static long stdin_stream_read(void *ctx, void *buf, size_t n)
{
    stdin_peek *pk = ctx;
    if (pk->at < pk->n) {
        size_t k = pk->n - pk->at < n ? pk->n - pk->at : n;
        memcpy(buf, pk->b + pk->at, k);
        pk->at += k;
        return (long)k;
    }
    return read_fd0(buf, n);
}

/* Does stdin start like a WARC or ARC stream? gzip or zstd magic (a zstd
 * skippable frame too: the dictionary of a .warc.zst), "WARC/", "filedesc://". */
static int peek_is_stream(stdin_peek *pk)
{
    while (pk->n < 11) {
        long r = read_fd0(pk->b + pk->n, 11 - pk->n);
        if (r <= 0)
            break;
        pk->n += (size_t)r;
    }
    const unsigned char *b = pk->b;
    size_t n = pk->n;
    return (n >= 2 && b[0] == 0x1f && b[1] == 0x8b) ||
           (n >= 4 && b[0] == 0x28 && b[1] == 0xb5 && b[2] == 0x2f && b[3] == 0xfd) ||
           (n >= 4 && (b[0] & 0xf0) == 0x50 && b[1] == 0x2a && b[2] == 0x4d && b[3] == 0x18) ||
           (n >= 5 && memcmp(b, "WARC/", 5) == 0) ||
           (n >= 11 && memcmp(b, "filedesc://", 11) == 0);
}

/* One path per line from f (after the bytes in pk, when given); blank lines
 * are ignored. */
static int add_list(cli_files *out, FILE *f, const stdin_peek *pk)
{
    char *line = NULL;
    size_t cap = 0, len = 0;
    int rc = 0, c;
    size_t at = 0;
    for (;;) {
        if (pk != NULL && at < pk->n)
            c = pk->b[at++];
        else
            c = getc(f);
        if (c != EOF && c != '\n') {
            if (len + 2 > cap) {
                char *nl = realloc(line, cap ? cap * 2 : 256);
                if (nl == NULL) {
                    free(line);
                    cli_error("out of memory reading a list of paths");
                    return -1;
                }
                line = nl;
                cap = cap ? cap * 2 : 256;
            }
            line[len++] = (char)c;
            continue;
        }
        while (len > 0 && line[len - 1] == '\r')
            len--;
        if (len > 0) {
            line[len] = '\0';
            int r = add_path(out, line);
            if (r < 0 || (r > 0 && rc == 0))
                rc = r;
            if (r < 0)
                break;
        }
        len = 0;
        if (c == EOF)
            break;
    }
    free(line);
    return rc;
}

/* --paths-from FILE (or - for stdin). */
static int add_paths_from(cli_files *out, const char *path)
{
    if (strcmp(path, "-") == 0)
        return add_list(out, stdin, NULL);
    FILE *f = fopen(path, "rb");
    if (f == NULL) {
        cli_error("%s: %s", path, strerror(errno));
        return 1;
    }
    int rc = add_list(out, f, NULL);
    if (ferror(f) && rc == 0) {
        cli_error("%s: read error", path);
        rc = 1;
    }
    fclose(f);
    return rc;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

/* MARK: Output */

typedef struct out_sink {
    FILE *f;
    gzFile gz;
} out_sink;

static int out_write(void *ctx, const char *p, size_t n)
{
    out_sink *o = ctx;
    if (o->gz) {
        /* gzwrite takes an unsigned count: feed large lines in pieces. */
        while (n > 0) {
            unsigned k = n > (1u << 30) ? (1u << 30) : (unsigned)n;
            if (gzwrite(o->gz, p, k) != (int)k)
                return -1;
            p += k;
            n -= k;
        }
        return 0;
    }
    return fwrite(p, 1, n, o->f) == n ? 0 : -1;
}

static int write_stats(const char *path, const wn_batch_stats *s)
{
    FILE *f = fopen(path, "wb");
    if (f == NULL) {
        cli_error("%s: %s", path, strerror(errno));
        return -1;
    }
    wn_status st = wn_batch_stats_json(s, cli_file_sink, f);
    if (fclose(f) != 0 || st != WN_OK) {
        cli_error("%s: writing the stats failed", path);
        return -1;
    }
    return 0;
}

/* MARK: Progress */

typedef struct progress {
    int tty;
    double last_line;
} progress;

static void fmt_eta(char *buf, size_t n, const wn_batch_stats *s)
{
    if (s->input_total == 0 || s->input_bytes == 0 || s->input_bytes >= s->input_total) {
        snprintf(buf, n, "--:--");
        return;
    }
    double left = s->elapsed_s * (double)(s->input_total - s->input_bytes) / (double)s->input_bytes;
    unsigned long t = (unsigned long)(left + 0.5);
    if (t >= 3600)
        snprintf(buf, n, "%lu:%02lu:%02lu", t / 3600, t / 60 % 60, t % 60);
    else
        snprintf(buf, n, "%lu:%02lu", t / 60, t % 60);
}

static void on_progress(void *ctx, const wn_batch_stats *s, int final)
{
    progress *p = ctx;
    if (final) {
        if (p->tty)
            fputs("\r\033[K", stderr);
        return;
    }
    /* On a terminal the line is redrawn in place 4 times a second; in a log
     * file a fresh line every 10 s is plenty. */
    if (!p->tty && s->elapsed_s - p->last_line < 10.0)
        return;
    p->last_line = s->elapsed_s;
    double el = s->elapsed_s > 0.001 ? s->elapsed_s : 0.001;
    uint64_t failed = s->failed_read + s->failed_extract + s->failed_limit + s->failed_timeout;
    /* Records done, not read: the reader runs ahead by what is in flight. */
    uint64_t done = s->extracted + failed + s->skipped_type + s->skipped_mime + s->skipped_status;
    char eta[32];
    fmt_eta(eta, sizeof eta, s);
    fprintf(stderr, "%s%llu records  %.1f MB  %.0f rec/s  %.1f MB/s  %llu failed  ETA %s%s",
            p->tty ? "\r" : "", (unsigned long long)done, s->input_bytes / 1e6, done / el,
            s->input_bytes / 1e6 / el, (unsigned long long)failed, eta, p->tty ? "\033[K" : "\n");
    fflush(stderr);
}

static void print_summary(const wn_batch_stats *s)
{
    uint64_t skipped = s->skipped_type + s->skipped_mime + s->skipped_status;
    uint64_t failed = s->failed_read + s->failed_extract + s->failed_limit + s->failed_timeout;
    double el = s->elapsed_s > 0.001 ? s->elapsed_s : 0.001;
    fprintf(stderr,
            "winnow: %llu records: %llu extracted, %llu skipped (%llu not response, %llu MIME, "
            "%llu status), %llu failed (%llu read, %llu extract, %llu limit, %llu timeout); "
            "%llu files (%llu failed); %.1f MB in %.2f s: %.0f rec/s, %.1f MB/s, %u threads, "
            "%u readers\n",
            (unsigned long long)s->records_seen, (unsigned long long)s->extracted,
            (unsigned long long)skipped, (unsigned long long)s->skipped_type,
            (unsigned long long)s->skipped_mime, (unsigned long long)s->skipped_status,
            (unsigned long long)failed, (unsigned long long)s->failed_read,
            (unsigned long long)s->failed_extract, (unsigned long long)s->failed_limit,
            (unsigned long long)s->failed_timeout, (unsigned long long)s->files,
            (unsigned long long)s->files_failed, s->input_bytes / 1e6, s->elapsed_s,
            s->records_seen / el, s->input_bytes / 1e6 / el, s->threads, s->readers);
}

/* MARK: Command */

int cmd_warc(int argc, char **argv)
{
    warc_args a;
    cli_files inputs = {0};
    int status = EXIT_OK, used_stdin = 0;
    stdin_peek peek = {{0}, 0, 0};
    unsigned long v;
    unsigned long long size;

    memset(&a, 0, sizeof a);
    wn_batch_options_init(&a.opt);
    a.progress = -1;
    cli_parser p;
    cli_parser_init(&p, "warc", warc_options, argc, argv);
    const char *val;
    for (int id; (id = cli_next(&p, &val)) != CLI_END;) {
        int bad = 0;
        int shared = cli_extraction_option(id, val, &a.opt.extract, &a.opt.render_flags);
        if (shared < 0) {
            cli_files_free(&inputs);
            return EXIT_USAGE;
        }
        if (shared > 0)
            continue;
        switch (id) {
        case CLI_ERROR:
            cli_files_free(&inputs);
            return EXIT_USAGE;
        case 'h':
            usage(stdout);
            cli_files_free(&inputs);
            return EXIT_OK;
        case 'o': a.output = val; break;
        case 'j':
            bad = cli_parse_uint(val, 4096, &v) != 0 || v == 0;
            a.opt.threads = (unsigned)v;
            break;
        case OPT_STATUS: a.opt.statuses = val; break;
        case OPT_MIME: a.opt.mimes = val; break;
        case OPT_STATS: a.stats_path = val; break;
        case OPT_TIME_LIMIT:
            bad = cli_parse_uint(val, 86400000UL, &v) != 0;
            a.opt.extract.time_limit_ms = (uint32_t)v;
            break;
        case OPT_MAX_MEMORY:
            bad = cli_parse_uint(val, 1UL << 20, &v) != 0 || v == 0;
            a.opt.extract.max_arena_bytes = (size_t)v << 20;
            break;
        case OPT_MAX_INPUT:
            bad = cli_parse_size(val, &size) != 0 || size == 0 || size > SIZE_MAX / 2;
            a.opt.extract.max_input_bytes = (size_t)size;
            break;
        case OPT_READERS:
            bad = cli_parse_uint(val, 1024, &v) != 0 || v == 0;
            a.opt.readers = (unsigned)v;
            break;
        case OPT_MAX_BUFFERED:
            bad = cli_parse_uint(val, 1UL << 20, &v) != 0 || v == 0;
            a.opt.max_buffered_output = (size_t)v << 20;
            break;
        case OPT_MAX_IN_FLIGHT:
            bad = cli_parse_uint(val, 1UL << 20, &v) != 0 || v == 0;
            a.opt.max_bytes_in_flight = (size_t)v << 20;
            break;
        case OPT_NO_ERROR_LINES: a.opt.error_lines = 0; break;
        case OPT_PROGRESS: a.progress = 1; break;
        case 'q': a.quiet = 1; break;
        case OPT_PATHS_FROM:
        case CLI_OPERAND: {
            int r;
            if (id == OPT_PATHS_FROM) {
                if (!strcmp(val, "-") && used_stdin++)
                    break;
                r = add_paths_from(&inputs, val);
            } else if (!strcmp(val, "-")) {
                /* stdin is read once: a stream, or a list of paths that takes
                 * the place of the "-" in the input order. */
                if (used_stdin++)
                    break;
                if (peek_is_stream(&peek)) {
                    a.opt.stdin_read = stdin_stream_read;
                    a.opt.stdin_ctx = &peek;
                    r = cli_files_add(&inputs, "-", "-") == 0 ? 0 : -1;
                } else {
                    /* read(2) took the first bytes; stdio reads the rest */
                    r = add_list(&inputs, stdin, &peek);
                }
            } else {
                r = add_path(&inputs, val);
            }
            if (r < 0) {
                cli_files_free(&inputs);
                return EXIT_FAILURE_SOME;
            }
            if (r > 0)
                status = EXIT_FAILURE_SOME;
            break;
        }
        }
        if (bad) {
            cli_error("warc: bad value for %s: %s", p.last, val);
            cli_files_free(&inputs);
            return EXIT_USAGE;
        }
    }
    if (inputs.n == 0) {
        if (status != EXIT_OK)
            return status;
        cli_error("warc: no input (give FILE, DIR, - for stdin, or --paths-from FILE)");
        return EXIT_USAGE;
    }
    const char **paths = malloc(inputs.n * sizeof *paths);
    if (paths == NULL) {
        cli_error("out of memory");
        cli_files_free(&inputs);
        return EXIT_FAILURE_SOME;
    }
    for (size_t k = 0; k < inputs.n; k++)
        paths[k] = inputs.v[k].path;

    wn_error err = {WN_OK, NULL, 0};
    if (wn_batch_options_check(&a.opt, &err) != WN_OK) {
        cli_error("warc: %s", err.msg);
        free(paths);
        cli_files_free(&inputs);
        return EXIT_USAGE;
    }

    out_sink out = {stdout, NULL};
    if (a.output && strcmp(a.output, "-") != 0) {
        if (ends_with(a.output, ".gz"))
            out.gz = gzopen(a.output, "wb6");
        else
            out.f = fopen(a.output, "wb");
        if (out.gz == NULL && (out.f == NULL || out.f == stdout)) {
            cli_error("%s: %s", a.output, strerror(errno ? errno : EIO));
            free(paths);
            cli_files_free(&inputs);
            return EXIT_IO;
        }
        if (out.gz)
            out.f = NULL;
    }

    progress pg = {0};
    pg.tty = isatty(STDERR_FILENO);
    int show = a.quiet ? 0 : a.progress == 1 ? 1 : pg.tty;
    if (show) {
        a.opt.progress = on_progress;
        a.opt.progress_ctx = &pg;
    }

    wn_batch_stats stats;
    wn_status st = wn_batch_run(paths, inputs.n, &a.opt, out_write, &out, &stats, &err);
    int out_failed = st == WN_ERR_IO;
    if (out.gz) {
        if (gzclose(out.gz) != Z_OK)
            out_failed = 1;
    } else if (out.f == stdout) {
        if (fflush(stdout) != 0)
            out_failed = 1;
    } else if (out.f && fclose(out.f) != 0)
        out_failed = 1;

    /* Failures always get the summary (unless -q): without a terminal there is
     * no progress line, and a log must still say that records were lost. */
    int failed = stats.files_failed || stats.failed_read || stats.failed_extract ||
                 stats.failed_limit || stats.failed_timeout;
    if (show || (failed && !a.quiet))
        print_summary(&stats);
    if (a.stats_path && write_stats(a.stats_path, &stats) != 0 && status < EXIT_FAILURE_SOME)
        status = EXIT_FAILURE_SOME;
    if (out_failed) {
        cli_error("%s: writing output failed", a.output ? a.output : "(stdout)");
        status = EXIT_IO;
    } else if (st != WN_OK) {
        cli_error("warc: %s", err.msg ? err.msg : wn_status_str(st));
        status = st == WN_ERR_ARG ? EXIT_USAGE : EXIT_FAILURE_SOME;
    } else if (failed) {
        if (status < EXIT_FAILURE_SOME)
            status = EXIT_FAILURE_SOME;
    }
    free(paths);
    cli_files_free(&inputs);
    return status;
}
