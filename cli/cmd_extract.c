/*
 * cmd_extract.c: `winnow [extract]`: print the article of each input page, or
 * with -o DIR write one file per input and format. Directory operands follow
 * the common rule (walk.c). With -j N, N threads each with their own
 * wn_extractor read, extract and render pages, and the ordered pool of the
 * batch driver hands the results back in input order, so the output is the
 * same bytes whatever N.
 */
#include "cli.h"
#include "batch/batch.h"   /* the ordered pool; the tool links the static library */

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FORMATS 4
#define MAX_JOBS 4096
/* Pages queued per worker: enough to keep each busy while the writer waits on
 * a slow page, few enough that held outputs stay small. */
#define JOBS_PER_THREAD 4

enum {
    OPT_URL = 256, OPT_CHARSET, OPT_TIME_LIMIT, OPT_MAX_INPUT, OPT_SEPARATOR, OPT_SOURCE,
    OPT_EXPLAIN, OPT_VERSION
};

static const cli_option extract_options[] = {
    { 'f', 'f', "format", "LIST", "txt (default), md, json or html; with -o a comma list writes each" },
    { 'o', 'o', "output", "DIR", "write DIR/<name>.<ext> per input instead of standard output" },
    { 'j', 'j', "jobs", "N", "extract on N threads (default 1); the output order stays the input order" },
    { OPT_URL, 0, "url", "URL", "the page's address: base for relative links, a metadata source" },
    CLI_EXTRACTION_OPTIONS,
    { OPT_CHARSET, 0, "charset", "NAME", "decode pages as NAME instead of detecting the encoding" },
    { OPT_TIME_LIMIT, 0, "time-limit", "MS", "give up on a page after MS milliseconds" },
    { OPT_MAX_INPUT, 0, "max-input", "SIZE", "refuse inputs larger than SIZE bytes (K, M, G; default 256M)" },
    { OPT_SEPARATOR, 0, "separator", "LINE", "txt/md/html to stdout: LINE before each input, {} = its path" },
    { OPT_SOURCE, 0, "source", NULL, "JSON: add \"source\" (the input path) even for a single input" },
    { OPT_EXPLAIN, 0, "explain", NULL, "show the page type and each block, kept or dropped, and why" },
    { 'h', 'h', "help", NULL, "print this help" },
    { OPT_VERSION, 0, "version", NULL, "print the version" },
    { 0, 0, NULL, NULL, NULL }
};

typedef struct extract_args {
    wn_options opt;
    int formats[MAX_FORMATS];
    int nformats;
    unsigned render_flags;
    const char *url;
    const char *out_dir;
    const char *separator;
    int explain;
    int source;          /* JSON records carry "source" */
    unsigned threads;
} extract_args;

void cmd_extract_usage(FILE *f)
{
    fputs("usage: winnow [extract] [OPTIONS] FILE|DIR|-...\n"
          "Prints the article of each page (- reads standard input). A DIR gives the *.html,\n"
          "*.htm, *.xhtml files below it (also .gz), recursively, in byte order of their paths.\n",
          f);
    cli_print_options(f, extract_options);
    fputs("exit status: 0 ok, 1 some inputs failed, 2 usage error, 3 output error\n", f);
}

static int parse_formats(extract_args *a, const char *list)
{
    char tmp[64];
    if (strlen(list) >= sizeof tmp)
        return -1;
    strcpy(tmp, list);
    a->nformats = 0;
    for (char *save = NULL, *tok = strtok_r(tmp, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        int f = wn_format_parse(tok);
        if (f < 0 || a->nformats == MAX_FORMATS)
            return -1;
        a->formats[a->nformats++] = f;
    }
    return a->nformats ? 0 : -1;
}

static const char *format_ext(int f)
{
    switch (f) {
    case WN_FMT_MARKDOWN: return ".md";
    case WN_FMT_JSON: return ".json";
    case WN_FMT_HTML: return ".html";
    default: return ".txt";
    }
}

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

/* The output name's stem: the path below the directory operand (or the file's
 * own name), without .gz and then .html/.htm/.xhtml: "sub/a.html.gz" -> "sub/a". */
static char *output_stem(const cli_file *in)
{
    const char *rel = strcmp(in->path, "-") == 0 ? "stdin" : in->rel;
    size_t n = strlen(rel);
    if (ends_with(rel, n, ".gz"))
        n -= 3;
    if (ends_with(rel, n, ".html"))
        n -= 5;
    else if (ends_with(rel, n, ".xhtml"))
        n -= 6;
    else if (ends_with(rel, n, ".htm"))
        n -= 4;
    char *s = malloc(n + 1);
    if (s) {
        memcpy(s, rel, n);
        s[n] = '\0';
    }
    return s;
}

/* MARK: One page */

/* With -o, each input's output name, decided for all inputs before the first
 * is extracted (a collision is known whatever the threads). */
typedef struct out_name {
    char *stem;               /* DIR/<stem>.<ext> */
    size_t owner;             /* with a collision: the input whose output it would replace */
    int collides;             /* not written: an earlier input has this stem */
} out_name;

/* One page in flight: made when it is submitted, freed once written, so memory
 * follows the jobs in flight, not the number of inputs. */
typedef struct page_job {
    const cli_file *in;
    const out_name *name;     /* with -o, else NULL */
    int status;
    char msg[1200];           /* for stderr, or "" */
    cli_buf out[MAX_FORMATS]; /* rendered outputs, in the order of a->formats */
} page_job;

typedef struct worker {
    const extract_args *a;
    wn_extractor *ex;
} worker;

static void page_fail(page_job *j, int status, const char *fmt, const char *path, const char *why)
{
    snprintf(j->msg, sizeof j->msg, fmt, path, why);
    j->status = status;
}

/* Worker side: read, check, extract and render one page into memory. */
static void page_work(void *ctx, void *job)
{
    const worker *w = ctx;
    const extract_args *a = w->a;
    page_job *j = job;
    const char *path = j->in->path;
    char *data = NULL;
    size_t n = 0;
    if (j->name && j->name->collides)
        return;
    if (cli_read_input_msg(path, a->opt.max_input_bytes, &data, &n, j->msg, sizeof j->msg) != 0) {
        j->status = EXIT_FAILURE_SOME;
        return;
    }
    if (n == 0) {
        page_fail(j, EXIT_FAILURE_SOME, "%s: %s", path, "empty input, nothing to extract");
        free(data);
        return;
    }
    const char *what = cli_not_html(data, n);
    if (what) {
        page_fail(j, EXIT_FAILURE_SOME, "%s: not HTML (looks like %s)", path, what);
        free(data);
        return;
    }
    wn_error err = { WN_OK, NULL, 0 };
    if (a->explain) {
        if (wn_explain(w->ex, data, n, a->url, cli_buf_sink, &j->out[0], &err) != WN_OK)
            page_fail(j, EXIT_FAILURE_SOME, "%s: %s", path, err.msg ? err.msg : "extraction failed");
        free(data);
        return;
    }
    wn_article *art = NULL;
    wn_status st = wn_extract(w->ex, data, n, a->url, &art, &err);
    free(data);
    if (st != WN_OK) {
        const char *why = err.msg ? err.msg : wn_status_str(st);
        if (err.offset)
            snprintf(j->msg, sizeof j->msg, "%s: offset %llu: %s", path,
                     (unsigned long long)err.offset, why);
        else
            snprintf(j->msg, sizeof j->msg, "%s: %s", path, why);
        j->status = EXIT_FAILURE_SOME;
        return;
    }
    for (int i = 0; i < a->nformats; i++) {
        cli_buf *b = &j->out[i];
        size_t start = 0;
        if (a->formats[i] == WN_FMT_JSON && a->source) {
            /* "source" leads the record: {"source":"a.html", + the renderer's members. */
            cli_buf_put(b, "{\"source\":", 10);
            cli_buf_json_str(b, path);
            start = b->n;
        }
        st = wn_render(art, (wn_format)a->formats[i], a->render_flags, cli_buf_sink, b);
        if (st == WN_OK && start) {
            /* Splice: drop the renderer's "{", add "," unless its object is empty. */
            char *p = b->p + start;
            size_t rest = b->n - start, k = 0;
            while (k < rest && (p[k] == ' ' || p[k] == '\n'))
                k++;
            if (k < rest && p[k] == '{') {
                int empty = k + 1 < rest && p[k + 1] == '}';
                memmove(p + !empty, p + k + 1, rest - k - 1);
                if (!empty)
                    p[0] = ',';
                b->n = start + !empty + rest - k - 1;
            }
        }
        /* Every non-empty output ends with one newline, so outputs concatenate cleanly. */
        if (st == WN_OK && b->n && b->p[b->n - 1] != '\n')
            cli_buf_put(b, "\n", 1);
        if (st != WN_OK || b->failed) {
            page_fail(j, EXIT_FAILURE_SOME, "%s: rendering failed: %s", path,
                      b->failed ? "out of memory" : wn_status_str(st));
            break;
        }
    }
    wn_article_free(art);
}

static void page_free(page_job *j)
{
    if (j == NULL)
        return;
    for (int i = 0; i < MAX_FORMATS; i++)
        cli_buf_free(&j->out[i]);
    free(j);
}

static void discard_job(void *job)
{
    page_free(job);
}

/* mkdir -p for the directories of path below out_dir. */
static int make_parents(char *path, size_t keep)
{
    for (char *s = path + keep + 1; (s = strchr(s, '/')) != NULL; s++) {
        *s = '\0';
        int rc = mkdir(path, 0777);
        int e = errno;
        *s = '/';
        if (rc != 0 && e != EEXIST)
            return -1;
    }
    return 0;
}

/* Writer side, in input order: messages, then the outputs. Returns the status. */
static int page_write(const extract_args *a, page_job *j, const cli_files *files)
{
    if (j->name && j->name->collides) {
        cli_error("%s: not written: %s/%s%s is already the output of %s (rename one of them)",
                  j->in->path, a->out_dir, j->name->stem, format_ext(a->formats[0]),
                  files->v[j->name->owner].path);
        return EXIT_FAILURE_SOME;
    }
    if (j->msg[0])
        cli_error("%s", j->msg);
    if (j->status != EXIT_OK)
        return j->status;
    if (a->explain) {
        return fwrite(j->out[0].p ? j->out[0].p : "", 1, j->out[0].n, stdout) == j->out[0].n
                   ? EXIT_OK : EXIT_IO;
    }
    for (int i = 0; i < a->nformats; i++) {
        const cli_buf *b = &j->out[i];
        if (a->out_dir == NULL) {
            if (a->separator) {
                /* The separator line, its {} replaced by the input's path; also
                 * before an empty output, which it then shows. */
                for (const char *s = a->separator; *s; s++) {
                    if (s[0] == '{' && s[1] == '}') {
                        fputs(j->in->path, stdout);
                        s++;
                    } else {
                        putchar(*s);
                    }
                }
                putchar('\n');
            }
            if (b->n && fwrite(b->p, 1, b->n, stdout) != b->n) {
                cli_error("(stdout): writing output failed: %s", strerror(errno));
                return EXIT_IO;
            }
            continue;
        }
        const char *ext = format_ext(a->formats[i]);
        size_t len = strlen(a->out_dir) + 1 + strlen(j->name->stem) + strlen(ext) + 1;
        char *out = malloc(len);
        if (out == NULL) {
            cli_error("out of memory");
            return EXIT_IO;
        }
        snprintf(out, len, "%s/%s%s", a->out_dir, j->name->stem, ext);
        FILE *f = make_parents(out, strlen(a->out_dir)) == 0 ? fopen(out, "wb") : NULL;
        if (f == NULL) {
            cli_error("%s: %s", out, strerror(errno));
            free(out);
            return EXIT_IO;
        }
        int bad = b->n && fwrite(b->p, 1, b->n, f) != b->n;
        if (fclose(f) != 0)
            bad = 1;
        if (bad) {
            cli_error("%s: writing output failed", out);
            free(out);
            return EXIT_IO;
        }
        free(out);
    }
    return EXIT_OK;
}

/* MARK: Output names */

typedef struct stem_ref {
    const char *stem;
    size_t index;
} stem_ref;

static int stem_cmp(const void *x, const void *y)
{
    const stem_ref *a = x, *b = y;
    int c = strcmp(a->stem, b->stem);
    return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* With -o: every input's stem, with each input whose stem an earlier input
 * already has (a.html, a.htm and a.html.gz all make "a") marked: those are not
 * written, so no output is ever replaced by another of the same run. NULL when
 * out of memory. */
static out_name *assign_names(const cli_files *files)
{
    size_t n = files->n;
    out_name *names = calloc(n ? n : 1, sizeof *names);
    stem_ref *refs = malloc((n ? n : 1) * sizeof *refs);
    int failed = names == NULL || refs == NULL;
    for (size_t i = 0; i < n && !failed; i++) {
        names[i].stem = output_stem(&files->v[i]);
        failed = names[i].stem == NULL;
        refs[i].stem = names[i].stem;
        refs[i].index = i;
    }
    if (!failed) {
        qsort(refs, n, sizeof *refs, stem_cmp);
        for (size_t i = 1; i < n; i++) {
            size_t first = i - 1;
            while (i < n && strcmp(refs[i].stem, refs[first].stem) == 0) {
                names[refs[i].index].collides = 1;
                names[refs[i].index].owner = refs[first].index;
                i++;
            }
        }
    }
    free(refs);
    if (failed && names) {
        for (size_t i = 0; i < n; i++)
            free(names[i].stem);
        free(names);
        names = NULL;
    }
    return names;
}

static void free_names(out_name *names, size_t n)
{
    for (size_t i = 0; names && i < n; i++)
        free(names[i].stem);
    free(names);
}

static page_job *job_new(const cli_files *files, const out_name *names, size_t i)
{
    page_job *j = calloc(1, sizeof *j);
    if (j) {
        j->in = &files->v[i];
        j->name = names ? &names[i] : NULL;
    }
    return j;
}

static int worse(int a, int b)
{
    return a > b ? a : b;
}

/* Run every input, on the pool when threads > 1; writes in input order. */
static int run_jobs(const extract_args *a, const cli_files *files, const out_name *names)
{
    unsigned nw = a->threads > 1 ? a->threads : 1;
    worker *ws = calloc(nw, sizeof *ws);
    void **ctx = calloc(nw, sizeof *ctx);
    int status = EXIT_OK;
    if (ws == NULL || ctx == NULL)
        goto nomem;
    for (unsigned i = 0; i < nw; i++) {
        ws[i].a = a;
        ws[i].ex = wn_extractor_new(&a->opt);
        ctx[i] = &ws[i];
        if (ws[i].ex == NULL)
            goto nomem;
    }
    if (nw == 1) {
        for (size_t i = 0; i < files->n && status != EXIT_IO; i++) {
            page_job *j = job_new(files, names, i);
            if (j == NULL)
                goto nomem;
            page_work(&ws[0], j);
            status = worse(status, page_write(a, j, files));
            page_free(j);
        }
    } else {
        unsigned max_jobs = nw * JOBS_PER_THREAD;
        wn_pool_config cfg = { nw, max_jobs, SIZE_MAX, page_work, ctx };
        wn_pool *pool = wn_pool_new(&cfg);
        if (pool == NULL)
            goto nomem;
        size_t taken = 0;
        void *done;
        for (size_t i = 0; i <= files->n && status != EXIT_IO; i++) {
            /* Keep at most max_jobs in the pool: take back (and write) the
             * oldest first, so submitting never blocks this thread. */
            while (taken < i && (i - taken >= max_jobs || i == files->n)) {
                int r = wn_pool_next(pool, 1000, &done);
                if (r == 0)
                    continue;
                if (r < 0)
                    break;
                taken++;
                status = worse(status, page_write(a, done, files));
                page_free(done);
                if (status == EXIT_IO)
                    break;
            }
            if (i == files->n || status == EXIT_IO)
                break;
            page_job *j = job_new(files, names, i);
            if (j == NULL) {
                cli_error("out of memory");
                status = EXIT_IO;
                break;
            }
            if (wn_pool_submit(pool, j, 0, 1) != 0) {
                page_free(j);
                break;
            }
        }
        wn_pool_close(pool);
        /* Jobs still inside (after an output error) are freed by the pool. */
        wn_pool_free(pool, discard_job);
    }
    goto out;
nomem:
    cli_error("out of memory");
    status = EXIT_IO;
out:
    if (ws)
        for (unsigned i = 0; i < nw; i++)
            wn_extractor_free(ws[i].ex);
    free(ws);
    free(ctx);
    return status;
}

/* MARK: Command */

int cmd_extract(int argc, char **argv)
{
    extract_args a;
    memset(&a, 0, sizeof a);
    wn_options_init(&a.opt);
    a.formats[0] = WN_FMT_TEXT;
    a.nformats = 1;
    a.threads = 1;
    const char *format_list = NULL;
    int dir_operand = 0, status = EXIT_OK;
    cli_files files = { 0 };
    char **operands = calloc((size_t)argc + 1, sizeof *operands);
    size_t nops = 0;
    if (operands == NULL) {
        cli_error("out of memory");
        return EXIT_FAILURE_SOME;
    }

    cli_parser p;
    cli_parser_init(&p, NULL, extract_options, argc, argv);
    const char *val;
    unsigned long ul;
    unsigned long long ull;
    for (int id; (id = cli_next(&p, &val)) != CLI_END;) {
        int shared = cli_extraction_option(id, val, &a.opt, &a.render_flags);
        if (shared < 0)
            goto usage;
        if (shared > 0)
            continue;
        switch (id) {
        case CLI_ERROR: goto usage;
        case CLI_OPERAND: operands[nops++] = (char *)val; break;
        case 'f': format_list = val; break;
        case 'o': a.out_dir = val; break;
        case 'j':
            if (cli_parse_uint(val, 4096, &ul) != 0 || ul == 0) {
                cli_error("--jobs needs a number of threads from 1 to 4096, got '%s'", val);
                goto usage;
            }
            a.threads = (unsigned)ul;
            break;
        case OPT_URL: a.url = val; break;
        case OPT_CHARSET: a.opt.charset = val; break;
        case OPT_TIME_LIMIT:
            if (cli_parse_uint(val, 86400000UL, &ul) != 0) {
                cli_error("--time-limit needs milliseconds, got '%s'", val);
                goto usage;
            }
            a.opt.time_limit_ms = (uint32_t)ul;
            break;
        case OPT_MAX_INPUT:
            if (cli_parse_size(val, &ull) != 0 || ull == 0 || ull > SIZE_MAX / 2) {
                cli_error("--max-input needs a size such as 64M or 2G, got '%s'", val);
                goto usage;
            }
            a.opt.max_input_bytes = (size_t)ull;
            break;
        case OPT_SEPARATOR: a.separator = val; break;
        case OPT_SOURCE: a.source = 1; break;
        case OPT_EXPLAIN: a.explain = 1; break;
        case 'h':
            cmd_extract_usage(stdout);
            free(operands);
            return EXIT_OK;
        case OPT_VERSION:
            cli_print_version();
            free(operands);
            return EXIT_OK;
        }
    }
    if (format_list && parse_formats(&a, format_list) != 0) {
        cli_error("--format: expected txt, md, json or html (comma-separated with -o), got '%s'",
                  format_list);
        goto usage;
    }
    if (a.nformats > 1 && a.out_dir == NULL) {
        cli_error("several formats need -o DIR");
        goto usage;
    }
    if (a.opt.charset && !cli_charset_known(a.opt.charset)) {
        cli_error("--charset: unknown encoding '%s' (a WHATWG label such as utf-8, "
                  "windows-1252, shift_jis)", a.opt.charset);
        goto usage;
    }
    if (a.separator && (a.out_dir || a.explain)) {
        cli_error("--separator is for several outputs on standard output, not with %s",
                  a.out_dir ? "-o" : "--explain");
        goto usage;
    }
    for (int i = 0; i < a.nformats; i++)
        if (a.separator && a.formats[i] == WN_FMT_JSON) {
            cli_error("--separator is for txt, md and html; JSON lines carry a \"source\" field");
            goto usage;
        }
    int json = 0;
    for (int i = 0; i < a.nformats; i++)
        json |= a.formats[i] == WN_FMT_JSON;
    if (a.source && (!json || a.explain)) {
        cli_error("--source is for JSON output (-f json); text takes --separator");
        goto usage;
    }
    if (nops == 0) {
        cli_error("no input (give FILE, DIR, or - for stdin)");
        goto usage;
    }
    for (size_t i = 0; i < nops; i++) {
        struct stat sb;
        dir_operand |= strcmp(operands[i], "-") != 0 && stat(operands[i], &sb) == 0 &&
                       S_ISDIR(sb.st_mode);
        int r = cli_expand(&files, operands[i], cli_is_page_name, "*.html, *.htm or *.xhtml files");
        if (r < 0) {
            free(operands);
            cli_files_free(&files);
            return EXIT_FAILURE_SOME;
        }
        if (r > 0)
            status = EXIT_FAILURE_SOME;
    }
    free(operands);
    operands = NULL;
    /* Like grep's file names: records name their input when there are several. */
    if (nops > 1 || dir_operand)
        a.source = 1;
    if (a.out_dir && mkdir(a.out_dir, 0777) != 0 && errno != EEXIST) {
        cli_error("%s: %s", a.out_dir, strerror(errno));
        cli_files_free(&files);
        return EXIT_IO;
    }

    out_name *names = a.out_dir ? assign_names(&files) : NULL;
    if (a.out_dir && names == NULL) {
        cli_error("out of memory");
        status = EXIT_FAILURE_SOME;
    } else {
        status = worse(status, run_jobs(&a, &files, names));
    }
    free_names(names, files.n);
    cli_files_free(&files);
    if (fflush(stdout) != 0) {
        cli_error("(stdout): writing output failed: %s", strerror(errno));
        status = EXIT_IO;
    }
    return status;

usage:
    free(operands);
    return EXIT_USAGE;
}
