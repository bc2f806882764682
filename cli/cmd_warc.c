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

/* Directory walks stop here: a crawl tree is shallow, a symlink loop is not. */
#define MAX_DIR_DEPTH 64
#define MAX_DIRS 1000000

typedef struct warc_args {
    wn_batch_options opt;
    const char *output;
    const char *stats_path;
    int progress;        /* -1 auto (terminal), 0 off, 1 on */
    int quiet;
} warc_args;

typedef struct path_list {
    char **v;
    size_t n, cap;
} path_list;

static void usage(FILE *f)
{
    fputs("usage: winnow warc [OPTIONS] FILE|DIR|-...\n"
          "Every HTML response record becomes one JSON line, in input order.\n"
          "DIR: the *.warc, *.warc.gz, *.warc.zst files below it; -: read paths from stdin.\n"
          "  -o, --output FILE     write the lines to FILE (FILE.gz: gzip); default stdout\n"
          "  -j, --jobs N          worker threads (default: number of online CPUs);\n"
          "                        -j 1: one thread reads and extracts (one busy core)\n"
          "  --readers N           files read at once, each with its share of the workers\n"
          "                        (default: 1 below 8 threads, else one per 6 threads)\n"
          "  --max-buffered MB     with several readers: output of later files held in\n"
          "                        memory until its turn (default 512)\n"
          "  --status LIST         HTTP statuses to extract: 200,301 | 2xx | all (default 2xx)\n"
          "  --mime LIST           MIME types to extract (default text/html,application/xhtml+xml;\n"
          "                        TYPE/* and * allowed)\n"
          "  --no-error-lines      count failed records in the stats only, no {\"error\":..} lines\n"
          "  --stats FILE          write the counters of the run as JSON to FILE\n"
          "  --progress            progress line on stderr even when it is not a terminal\n"
          "  -q, --quiet           no progress line and no summary\n"
          "  --time-limit MS       per-page time budget (default 10000; 0 = none)\n"
          "  --max-memory MB       per-page memory budget (default 512)\n"
          "  --max-in-flight MB    record bytes queued between reader and writer (default 256)\n"
          "  --comments            extract user comments (JSON \"comments\")\n"
          "  --with-markdown       add a \"markdown\" field\n"
          "  --with-html           add an \"html\" field\n"
          "exit status: 0 all records ok, 1 some records or files failed, 2 usage error,\n"
          "             3 output error\n",
          f);
}

/* MARK: Input list */

static int list_add(path_list *l, const char *p)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **nv = realloc(l->v, cap * sizeof *nv);
        if (nv == NULL)
            return -1;
        l->v = nv;
        l->cap = cap;
    }
    l->v[l->n] = strdup(p);
    if (l->v[l->n] == NULL)
        return -1;
    l->n++;
    return 0;
}

static void list_free(path_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i]);
    free(l->v);
}

static int ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcasecmp(s + n - k, suffix) == 0;
}

static int is_warc_name(const char *name)
{
    return ends_with(name, ".warc") || ends_with(name, ".warc.gz") || ends_with(name, ".warc.zst");
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir) + strlen(name) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", dir, name);
    return p;
}

/*
 * Add the WARC files below root, in name order, depth first: a directory's own
 * files, then its subdirectories in turn. An explicit stack, not recursion;
 * symlinked directories are not followed (loops), symlinked files are.
 */
static int add_dir(path_list *out, const char *root)
{
    path_list stack = {0};
    int rc = 0;
    size_t visited = 0;
    int *depth = NULL;
    size_t depth_cap = 0;

    if (list_add(&stack, root) != 0)
        return -1;
    depth_cap = 64;
    depth = malloc(depth_cap * sizeof *depth);
    if (depth == NULL) {
        list_free(&stack);
        return -1;
    }
    depth[0] = 0;
    while (stack.n > 0 && rc == 0) {
        char *dir = stack.v[--stack.n];
        int d = depth[stack.n];
        path_list names = {0};
        DIR *dh = opendir(dir);
        if (dh == NULL) {
            cli_error("%s: %s", dir, strerror(errno));
            free(dir);
            rc = 1;
            break;
        }
        struct dirent *e;
        while ((e = readdir(dh)) != NULL) {
            if (e->d_name[0] == '.')
                continue;
            if (list_add(&names, e->d_name) != 0) {
                rc = -1;
                break;
            }
        }
        closedir(dh);
        if (names.n)
            qsort(names.v, names.n, sizeof *names.v, name_cmp);
        size_t first_sub = stack.n;
        for (size_t i = 0; i < names.n && rc == 0; i++) {
            char *full = join(dir, names.v[i]);
            struct stat sb;
            if (full == NULL) {
                rc = -1;
                break;
            }
            if (lstat(full, &sb) == 0 && S_ISLNK(sb.st_mode) && stat(full, &sb) == 0 &&
                S_ISDIR(sb.st_mode)) {
                free(full);   /* a symlinked directory */
                continue;
            }
            if (stat(full, &sb) == 0 && S_ISDIR(sb.st_mode)) {
                if (d + 1 < MAX_DIR_DEPTH && ++visited < MAX_DIRS) {
                    if (stack.n == depth_cap) {
                        int *nd = realloc(depth, depth_cap * 2 * sizeof *nd);
                        if (nd == NULL) {
                            free(full);
                            rc = -1;
                            break;
                        }
                        depth = nd;
                        depth_cap *= 2;
                    }
                    if (list_add(&stack, full) != 0)
                        rc = -1;
                    else
                        depth[stack.n - 1] = d + 1;
                }
            } else if (is_warc_name(names.v[i]) && list_add(out, full) != 0)
                rc = -1;
            free(full);
        }
        /* Subdirectories were pushed in name order; pop them in name order. */
        for (size_t a = first_sub, b = stack.n; b > a + 1; a++, b--) {
            char *t = stack.v[a];
            stack.v[a] = stack.v[b - 1];
            stack.v[b - 1] = t;
        }
        list_free(&names);
        free(dir);
    }
    list_free(&stack);
    free(depth);
    if (rc < 0)
        cli_error("out of memory listing %s", root);
    return rc;
}

static int add_path(path_list *out, const char *p)
{
    struct stat sb;
    if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        size_t before = out->n;
        int rc = add_dir(out, p);
        if (rc == 0 && out->n == before)
            cli_error("%s: no *.warc, *.warc.gz or *.warc.zst files", p);
        return rc;
    }
    /* Files are passed on as given: the library reports those it cannot open. */
    return list_add(out, p) == 0 ? 0 : -1;
}

/* One path per line; blank lines are ignored. */
static int add_stdin_list(path_list *out)
{
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int rc = 0;
    while (rc >= 0 && (len = getline(&line, &cap, stdin)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0)
            continue;
        int r = add_path(out, line);
        if (r < 0 || (r > 0 && rc == 0))
            rc = r;
    }
    free(line);
    return rc;
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

static int parse_uint(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    if (s == NULL || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v > max)
        return -1;
    *out = v;
    return 0;
}

int cmd_warc(int argc, char **argv)
{
    warc_args a;
    path_list inputs = {0};
    int status = EXIT_OK, used_stdin = 0;
    unsigned long v;

    memset(&a, 0, sizeof a);
    wn_batch_options_init(&a.opt);
    a.progress = -1;
    for (int i = 1; i < argc; i++) {
        const char *arg = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        int takes = 1;
        if (!strcmp(arg, "-h") || !strcmp(arg, "--help")) {
            usage(stdout);
            list_free(&inputs);
            return EXIT_OK;
        } else if (!strcmp(arg, "-o") || !strcmp(arg, "--output")) {
            a.output = val;
        } else if (!strcmp(arg, "-j") || !strcmp(arg, "--jobs")) {
            if (parse_uint(val, 4096, &v) != 0 || v == 0)
                goto bad_value;
            a.opt.threads = (unsigned)v;
        } else if (!strcmp(arg, "--status")) {
            a.opt.statuses = val;
        } else if (!strcmp(arg, "--mime")) {
            a.opt.mimes = val;
        } else if (!strcmp(arg, "--stats")) {
            a.stats_path = val;
        } else if (!strcmp(arg, "--time-limit")) {
            if (parse_uint(val, 86400000UL, &v) != 0)
                goto bad_value;
            a.opt.extract.time_limit_ms = (uint32_t)v;
        } else if (!strcmp(arg, "--max-memory")) {
            if (parse_uint(val, 1UL << 20, &v) != 0 || v == 0)
                goto bad_value;
            a.opt.extract.max_arena_bytes = (size_t)v << 20;
        } else if (!strcmp(arg, "--readers")) {
            if (parse_uint(val, 1024, &v) != 0 || v == 0)
                goto bad_value;
            a.opt.readers = (unsigned)v;
        } else if (!strcmp(arg, "--max-buffered")) {
            if (parse_uint(val, 1UL << 20, &v) != 0 || v == 0)
                goto bad_value;
            a.opt.max_buffered_output = (size_t)v << 20;
        } else if (!strcmp(arg, "--max-in-flight")) {
            if (parse_uint(val, 1UL << 20, &v) != 0 || v == 0)
                goto bad_value;
            a.opt.max_bytes_in_flight = (size_t)v << 20;
        } else {
            takes = 0;
            if (!strcmp(arg, "--no-error-lines"))
                a.opt.error_lines = 0;
            else if (!strcmp(arg, "--progress"))
                a.progress = 1;
            else if (!strcmp(arg, "-q") || !strcmp(arg, "--quiet"))
                a.quiet = 1;
            else if (!strcmp(arg, "--comments")) {
                a.opt.extract.flags |= WN_OPT_COMMENTS;
                a.opt.render_flags |= WN_RENDER_COMMENTS;
            } else if (!strcmp(arg, "--with-markdown"))
                a.opt.render_flags |= WN_RENDER_JSON_MARKDOWN;
            else if (!strcmp(arg, "--with-html"))
                a.opt.render_flags |= WN_RENDER_JSON_HTML;
            else if (!strcmp(arg, "-")) {
                /* The list takes the place of the "-" in the input order. */
                int r = used_stdin ? 0 : add_stdin_list(&inputs);
                used_stdin = 1;
                if (r < 0) {
                    list_free(&inputs);
                    return EXIT_FAILURE_SOME;
                }
                if (r > 0)
                    status = EXIT_FAILURE_SOME;
            } else if (arg[0] == '-') {
                cli_error("warc: unknown option %s (see winnow warc --help)", arg);
                list_free(&inputs);
                return EXIT_USAGE;
            } else {
                int r = add_path(&inputs, arg);
                if (r < 0) {
                    list_free(&inputs);
                    return EXIT_FAILURE_SOME;
                }
                if (r > 0)
                    status = EXIT_FAILURE_SOME;
            }
        }
        if (takes) {
            if (val == NULL) {
                cli_error("warc: %s needs a value", arg);
                list_free(&inputs);
                return EXIT_USAGE;
            }
            i++;
        }
        continue;
bad_value:
        cli_error("warc: bad value for %s: %s", arg, val ? val : "(none)");
        list_free(&inputs);
        return EXIT_USAGE;
    }
    if (inputs.n == 0 && status == EXIT_OK) {
        usage(stderr);
        return EXIT_USAGE;
    }

    wn_error err = {WN_OK, NULL, 0};
    if (wn_batch_options_check(&a.opt, &err) != WN_OK) {
        cli_error("warc: %s", err.msg);
        list_free(&inputs);
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
            list_free(&inputs);
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
    wn_status st = wn_batch_run((const char *const *)inputs.v, inputs.n, &a.opt, out_write, &out,
                                &stats, &err);
    int out_failed = st == WN_ERR_IO;
    if (out.gz) {
        if (gzclose(out.gz) != Z_OK)
            out_failed = 1;
    } else if (out.f == stdout) {
        if (fflush(stdout) != 0)
            out_failed = 1;
    } else if (out.f && fclose(out.f) != 0)
        out_failed = 1;

    if (show)
        print_summary(&stats);
    if (a.stats_path && write_stats(a.stats_path, &stats) != 0 && status < EXIT_FAILURE_SOME)
        status = EXIT_FAILURE_SOME;
    if (out_failed) {
        cli_error("%s: writing output failed", a.output ? a.output : "(stdout)");
        status = EXIT_IO;
    } else if (st != WN_OK) {
        cli_error("warc: %s", err.msg ? err.msg : wn_status_str(st));
        status = st == WN_ERR_ARG ? EXIT_USAGE : EXIT_FAILURE_SOME;
    } else if (stats.files_failed || stats.failed_read || stats.failed_extract ||
               stats.failed_limit || stats.failed_timeout) {
        if (status < EXIT_FAILURE_SOME)
            status = EXIT_FAILURE_SOME;
    }
    list_free(&inputs);
    return status;
}
