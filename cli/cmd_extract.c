/*
 * cmd_extract.c: `winnow [extract]`: print the article of each input page, or
 * with -o DIR write one file per input and format. Directories are expanded to
 * the *.html / *.htm (optionally .gz) files inside them, in name order.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define MAX_FORMATS 4

typedef struct extract_args {
    wn_options opt;
    int formats[MAX_FORMATS];
    int nformats;
    unsigned render_flags;
    const char *url;
    const char *out_dir;
    int explain;
} extract_args;

static void usage(FILE *f)
{
    fputs("usage: winnow [extract] [OPTIONS] FILE|DIR|-...\n"
          "  -f, --format LIST  txt (default), md, json, html; with -o a comma list writes each\n"
          "  -o, --output DIR   write DIR/<name>.<ext> per input (name without .html/.htm/.gz)\n"
          "  --url URL          the page's address: base for relative links, metadata source\n"
          "  --comments         also extract user comments (after the text; JSON \"comments\")\n"
          "  --links            keep links in Markdown\n"
          "  --images           keep images in Markdown\n"
          "  --no-tables        leave tables out\n"
          "  --precision        prefer leaving doubtful blocks out\n"
          "  --recall           prefer keeping doubtful blocks\n"
          "  --with-markdown    JSON: add a \"markdown\" field\n"
          "  --with-html        JSON: add an \"html\" field\n"
          "  --charset NAME     decode pages as NAME instead of detecting the encoding\n"
          "  --time-limit MS    give up on a page after MS milliseconds\n"
          "  --page-type TYPE   treat every page as TYPE instead of classifying it: article,\n"
          "                     forum, product, collection, listing, documentation, service, other\n"
          "  --explain          show the page type and each block, kept or dropped, and why\n"
          "exit status: 0 ok, 1 some inputs failed, 2 usage error, 3 output error\n",
          f);
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

static int is_page_name(const char *name)
{
    size_t n = strlen(name);
    if (ends_with(name, n, ".gz"))
        n -= 3;
    return ends_with(name, n, ".html") || ends_with(name, n, ".htm");
}

/* DIR/<base of path without .gz, then without .html/.htm><ext> */
static char *output_path(const char *dir, const char *path, const char *ext)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (!strcmp(path, "-"))
        base = "stdin";
    size_t n = strlen(base);
    if (ends_with(base, n, ".gz"))
        n -= 3;
    if (ends_with(base, n, ".html"))
        n -= 5;
    else if (ends_with(base, n, ".htm"))
        n -= 4;
    size_t len = strlen(dir) + 1 + n + strlen(ext) + 1;
    char *out = malloc(len);
    if (out)
        snprintf(out, len, "%s/%.*s%s", dir, (int)n, base, ext);
    return out;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Remembers the last byte written so every output can end with exactly one newline. */
typedef struct tail_sink {
    FILE *f;
    char last;
    size_t total;
} tail_sink;

static int tail_write(void *ctx, const char *p, size_t n)
{
    tail_sink *t = ctx;
    if (n == 0)
        return 0;
    t->last = p[n - 1];
    t->total += n;
    return fwrite(p, 1, n, t->f) == n ? 0 : -1;
}

/* Process one page; returns EXIT_OK, EXIT_FAILURE_SOME or EXIT_IO. */
static int extract_one(extract_args *a, wn_extractor *ex, const char *path)
{
    char *data = NULL;
    size_t n = 0;
    int status = EXIT_OK;
    if (cli_read_input(path, a->opt.max_input_bytes, &data, &n) != 0)
        return EXIT_FAILURE_SOME;
    wn_error err = { WN_OK, NULL, 0 };
    if (a->explain) {
        if (wn_explain(ex, data, n, a->url, cli_file_sink, stdout, &err) != WN_OK) {
            cli_error("%s: %s", path, err.msg ? err.msg : "extraction failed");
            status = EXIT_FAILURE_SOME;
        }
        free(data);
        return status;
    }
    wn_article *art = NULL;
    wn_status st = wn_extract(ex, data, n, a->url, &art, &err);
    free(data);
    if (st != WN_OK) {
        if (err.offset)
            cli_error("%s: offset %llu: %s", path, (unsigned long long)err.offset,
                      err.msg ? err.msg : wn_status_str(st));
        else
            cli_error("%s: %s", path, err.msg ? err.msg : wn_status_str(st));
        return EXIT_FAILURE_SOME;
    }
    for (int i = 0; i < a->nformats; i++) {
        FILE *f = stdout;
        char *out = NULL;
        if (a->out_dir) {
            out = output_path(a->out_dir, path, format_ext(a->formats[i]));
            f = out ? fopen(out, "wb") : NULL;
            if (f == NULL) {
                cli_error("%s: %s", out ? out : a->out_dir, strerror(errno));
                free(out);
                status = EXIT_IO;
                break;
            }
        }
        tail_sink t = { f, '\n', 0 };
        st = wn_render(art, (wn_format)a->formats[i], a->render_flags, tail_write, &t);
        /* Every non-empty output ends with one newline, so outputs concatenate cleanly. */
        if (st == WN_OK && t.total && t.last != '\n' && fputc('\n', f) == EOF)
            st = WN_ERR_IO;
        if (a->out_dir && fclose(f) != 0)
            st = WN_ERR_IO;
        if (st != WN_OK) {
            cli_error("%s: writing output failed", out ? out : "(stdout)");
            status = EXIT_IO;
        }
        free(out);
        if (status == EXIT_IO)
            break;
    }
    wn_article_free(art);
    return status;
}

static int worse(int a, int b)
{
    return a > b ? a : b;
}

static int extract_path(extract_args *a, wn_extractor *ex, const char *path)
{
    struct stat sb;
    if (strcmp(path, "-") == 0 || stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return extract_one(a, ex, path);
    DIR *dir = opendir(path);
    if (dir == NULL) {
        cli_error("%s: %s", path, strerror(errno));
        return EXIT_FAILURE_SOME;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    int status = EXIT_OK;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        if (e->d_name[0] == '.' || !is_page_name(e->d_name))
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **nn = realloc(names, cap * sizeof *nn);
            if (nn == NULL) {
                status = EXIT_FAILURE_SOME;
                break;
            }
            names = nn;
        }
        size_t len = strlen(path) + strlen(e->d_name) + 2;
        names[n] = malloc(len);
        if (names[n] == NULL) {
            status = EXIT_FAILURE_SOME;
            break;
        }
        snprintf(names[n++], len, "%s/%s", path, e->d_name);
    }
    closedir(dir);
    if (n)
        qsort(names, n, sizeof *names, name_cmp);
    for (size_t i = 0; i < n; i++) {
        if (status != EXIT_IO)
            status = worse(status, extract_one(a, ex, names[i]));
        free(names[i]);
    }
    free(names);
    return status;
}

int cmd_extract(int argc, char **argv)
{
    extract_args a;
    memset(&a, 0, sizeof a);
    wn_options_init(&a.opt);
    a.formats[0] = WN_FMT_TEXT;
    a.nformats = 1;
    const char *format_list = NULL;
    int i = 1;
    for (; i < argc; i++) {
        const char *s = argv[i];
        const char *val = i + 1 < argc ? argv[i + 1] : NULL;
        if ((!strcmp(s, "--format") || !strcmp(s, "-f")) && val) {
            format_list = val;
            i++;
        } else if (!strncmp(s, "--format=", 9)) {
            format_list = s + 9;
        } else if ((!strcmp(s, "--output") || !strcmp(s, "-o")) && val) {
            a.out_dir = val;
            i++;
        } else if (!strcmp(s, "--url") && val) {
            a.url = val;
            i++;
        } else if (!strncmp(s, "--url=", 6)) {
            a.url = s + 6;
        } else if (!strcmp(s, "--charset") && val) {
            a.opt.charset = val;
            i++;
        } else if (!strcmp(s, "--time-limit") && val) {
            char *end;
            unsigned long ms = strtoul(val, &end, 10);
            if (*end || end == val || ms > 86400000UL) {
                cli_error("--time-limit needs milliseconds, got '%s'", val);
                return EXIT_USAGE;
            }
            a.opt.time_limit_ms = (uint32_t)ms;
            i++;
        } else if (!strcmp(s, "--comments")) {
            a.opt.flags |= WN_OPT_COMMENTS;
            a.render_flags |= WN_RENDER_COMMENTS;
        } else if (!strcmp(s, "--links")) {
            a.opt.flags |= WN_OPT_LINKS;
            a.render_flags |= WN_RENDER_LINKS;
        } else if (!strcmp(s, "--images")) {
            a.opt.flags |= WN_OPT_IMAGES;
            a.render_flags |= WN_RENDER_IMAGES;
        } else if (!strcmp(s, "--no-tables")) {
            a.opt.flags |= WN_OPT_NO_TABLES;
        } else if (!strcmp(s, "--precision")) {
            a.opt.favor = WN_FAVOR_PRECISION;
        } else if (!strcmp(s, "--recall")) {
            a.opt.favor = WN_FAVOR_RECALL;
        } else if (!strcmp(s, "--with-markdown")) {
            a.render_flags |= WN_RENDER_JSON_MARKDOWN;
        } else if (!strcmp(s, "--with-html")) {
            a.render_flags |= WN_RENDER_JSON_HTML;
        } else if ((!strcmp(s, "--page-type") && val) || !strncmp(s, "--page-type=", 12)) {
            const char *name = s[11] == '=' ? s + 12 : val;
            int t = wn_page_type_parse(name);
            if (t <= WN_PAGE_UNKNOWN) {
                cli_error("--page-type: expected article, forum, product, collection, listing, "
                          "documentation, service or other, got '%s'", name);
                return EXIT_USAGE;
            }
            a.opt.page_type = (wn_page_type)t;
            if (s[11] != '=')
                i++;
        } else if (!strcmp(s, "--explain")) {
            a.explain = 1;
        } else if (!strcmp(s, "--help") || !strcmp(s, "-h")) {
            usage(stdout);
            return EXIT_OK;
        } else if (!strcmp(s, "--")) {
            i++;
            break;
        } else if (s[0] == '-' && s[1] != '\0') {
            cli_error("unknown or incomplete option '%s' (see winnow --help)", s);
            return EXIT_USAGE;
        } else {
            break;
        }
    }
    if (format_list && parse_formats(&a, format_list) != 0) {
        cli_error("--format: expected txt, md, json or html (comma-separated with -o), got '%s'",
                  format_list);
        return EXIT_USAGE;
    }
    if (a.nformats > 1 && a.out_dir == NULL) {
        cli_error("several formats need -o DIR");
        return EXIT_USAGE;
    }
    if (i >= argc) {
        cli_error("no input (give FILE, DIR, or - for stdin)");
        usage(stderr);
        return EXIT_USAGE;
    }
    if (a.out_dir && mkdir(a.out_dir, 0777) != 0 && errno != EEXIST) {
        cli_error("%s: %s", a.out_dir, strerror(errno));
        return EXIT_IO;
    }
    wn_extractor *ex = wn_extractor_new(&a.opt);
    if (ex == NULL) {
        cli_error("out of memory");
        return EXIT_FAILURE_SOME;
    }
    int status = EXIT_OK;
    for (; i < argc && status != EXIT_IO; i++)
        status = worse(status, extract_path(&a, ex, argv[i]));
    wn_extractor_free(ex);
    if (fflush(stdout) != 0)
        status = EXIT_IO;
    return status;
}
