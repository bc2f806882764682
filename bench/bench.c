/*
 * bench.c: in-process stage timer over the development page sets. For every
 * page (.html or .html.gz) it times decode, tokenize, tree, extract, the text
 * render and the Markdown + JSON renders, each the median of N repeats, and
 * reports per dataset MB/s, pages/s per core
 * and the document arena's peak bytes per input byte. With --memory it reports
 * only memory: the arena's peak per input byte after parsing and after
 * extraction, for the dev sets' pages and for generated pathological pages
 * (bench_memory). Links the static library, so it calls internal stage
 * functions; bench/run.sh builds and runs it.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <zlib.h>

#include "winnow.h"
#include "core/arena.h"
#include "dom/dom.h"
#include "extract/article.h"
#include "extract/pagetype/pagetype.h"
#include "html/encoding.h"
#include "html/parser.h"
#include "html/tokenizer.h"

#define MAX_PAGE (64u << 20)     /* pages over 64 MiB are skipped, not truncated */
#define MAX_REPEATS 101

enum { S_DECODE, S_TOKENIZE, S_PARSE, S_EXTRACT_ALL, S_RENDER_TEXT, S_RENDER_OTHER, S_PAGETYPE,
       S_COUNT };

typedef struct page {
    char *name;
    char *data;
    size_t n;
} page;

typedef struct dataset {
    const char *dir;
    page *pages;
    size_t npages, cap;
    size_t bytes;
} dataset;

/* Thread CPU time, not wall time: the development box is two cores shared by
 * many processes, and CPU time per stage is what "pages/s per core" means. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* MARK: loading pages */

/* Read a file whole; gunzips when the name ends in .gz. NULL on failure. */
static char *read_page(const char *path, size_t *out_n)
{
    gzFile f = gzopen(path, "rb");   /* reads plain files as they are, too */
    size_t cap = 1 << 16, n = 0;
    char *buf;
    if (f == NULL)
        return NULL;
    buf = malloc(cap);
    while (buf) {
        int r;
        if (n == cap) {
            char *nb = cap < MAX_PAGE ? realloc(buf, cap * 2) : NULL;
            if (nb == NULL) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
        r = gzread(f, buf + n, (unsigned)(cap - n));
        if (r < 0) {
            free(buf);
            buf = NULL;
            break;
        }
        if (r == 0)
            break;
        n += (size_t)r;
    }
    gzclose(f);
    *out_n = n;
    return buf;
}

static int ends_with(const char *s, const char *suf)
{
    size_t a = strlen(s), b = strlen(suf);
    return a >= b && strcmp(s + a - b, suf) == 0;
}

static int cmp_name(const void *a, const void *b)
{
    return strcmp(((const page *)a)->name, ((const page *)b)->name);
}

static int load_dataset(dataset *ds)
{
    DIR *d = opendir(ds->dir);
    struct dirent *e;
    if (d == NULL)
        return -1;
    while ((e = readdir(d)) != NULL) {
        char path[4096];
        page pg;
        if (!ends_with(e->d_name, ".html") && !ends_with(e->d_name, ".html.gz") &&
            !ends_with(e->d_name, ".htm"))
            continue;
        snprintf(path, sizeof path, "%s/%s", ds->dir, e->d_name);
        pg.data = read_page(path, &pg.n);
        if (pg.data == NULL) {
            fprintf(stderr, "bench: %s: unreadable or over %u bytes, skipped\n", path, MAX_PAGE);
            continue;
        }
        pg.name = strdup(e->d_name);
        if (ds->npages == ds->cap) {
            size_t nc = ds->cap ? ds->cap * 2 : 256;
            page *np = realloc(ds->pages, nc * sizeof *np);
            if (np == NULL || pg.name == NULL) {
                closedir(d);
                return -1;
            }
            ds->pages = np;
            ds->cap = nc;
        }
        ds->pages[ds->npages++] = pg;
        ds->bytes += pg.n;
    }
    closedir(d);
    qsort(ds->pages, ds->npages, sizeof *ds->pages, cmp_name);
    return 0;
}

/* MARK: stages */

/* The tokenizer alone: the callback plays the tree builder's one part that
 * changes tokenizing work, switching to RAWTEXT/RCDATA/script states. */
static int tok_cb(void *ctx, wn_token *tok)
{
    wn_tokenizer *t = *(wn_tokenizer **)ctx;
    if (tok->type != WN_TOK_START_TAG || tok->self_closing)
        return 0;
    if (wn_str_eq(tok->name, "script")) {
        wn_tokenizer_set_state(t, WN_TOKST_SCRIPT_DATA);
    } else if (wn_str_eq(tok->name, "style") || wn_str_eq(tok->name, "xmp") ||
               wn_str_eq(tok->name, "iframe") || wn_str_eq(tok->name, "noembed") ||
               wn_str_eq(tok->name, "noframes")) {
        wn_tokenizer_set_state(t, WN_TOKST_RAWTEXT);
    } else if (wn_str_eq(tok->name, "title") || wn_str_eq(tok->name, "textarea")) {
        wn_tokenizer_set_state(t, WN_TOKST_RCDATA);
    } else if (wn_str_eq(tok->name, "plaintext")) {
        wn_tokenizer_set_state(t, WN_TOKST_PLAINTEXT);
    } else {
        return 0;
    }
    wn_tokenizer_set_last_start_tag(t, tok->name.p, tok->name.n);
    return 0;
}

static int null_sink(void *ctx, const char *p, size_t n)
{
    (void)p;
    *(size_t *)ctx += n;
    return 0;
}

typedef struct totals {
    double t[S_COUNT];          /* sum over pages of the per-page median */
    double arena_max, arena_sum;   /* after parsing */
    double ext_max, ext_sum;       /* after extraction (the page's arena, freed after) */
    size_t parsed, extracted, failed;
} totals;

static void bench_page(const page *pg, int repeats, wn_extractor *ex, wn_arena *scratch,
                       totals *tot)
{
    double v[S_COUNT][MAX_REPEATS];
    const char *enc, *utf8 = NULL;
    size_t bom = 0, utf8_n = 0, sunk = 0;
    wn_options opt;
    wn_article *art = NULL;
    int r, ok_parse = 1, ok_extract = 1;

    wn_options_init(&opt);
    for (r = 0; r < repeats; r++) {
        double t0 = now(), t1;
        wn_arena_reset(scratch);
        enc = wn_encoding_sniff(pg->data, pg->n, NULL, NULL, &bom);
        if (wn_encoding_decode(scratch, enc, pg->data + bom, pg->n - bom, &utf8, &utf8_n) != 0) {
            utf8 = "";
            utf8_n = 0;
        }
        v[S_DECODE][r] = now() - t0;

        {
            wn_tokenizer *t = NULL;
            t0 = now();
            t = wn_tokenizer_new(tok_cb, &t, opt.max_attrs, 0);
            if (t) {
                wn_tokenizer_feed(t, utf8, utf8_n);
                wn_tokenizer_finish(t);
                wn_tokenizer_free(t);
            }
            v[S_TOKENIZE][r] = now() - t0;
        }

        {
            wn_error err = { WN_OK, NULL, 0 };
            wn_doc *d;
            t0 = now();
            d = wn_html_parse(pg->data, pg->n, &opt, NULL, &err);
            t1 = now();
            v[S_PARSE][r] = t1 - t0;
            if (d == NULL) {
                ok_parse = 0;
            }
            /* The page-type classifier alone (inside extract too): one walk of the tree. */
            v[S_PAGETYPE][r] = 0;
            if (d != NULL) {
                wn_pagetype pt;
                t0 = now();
                wn_pagetype_classify(d, NULL, NULL, WN_PAGE_UNKNOWN, &pt);
                v[S_PAGETYPE][r] = now() - t0;
            }
            if (d != NULL && r == 0) {
                double per = pg->n ? (double)d->arena.peak / (double)pg->n : 0;
                if (per > tot->arena_max)
                    tot->arena_max = per;
                tot->arena_sum += per;
            }
            wn_doc_free(d);
        }

        {
            wn_article *a = NULL;
            t0 = now();
            if (wn_extract(ex, pg->data, pg->n, NULL, &a, NULL) != WN_OK)
                ok_extract = 0;
            v[S_EXTRACT_ALL][r] = now() - t0;
            if (r == 0 && a != NULL && pg->n) {
                double per = (double)a->page_arena_peak / (double)pg->n;
                if (per > tot->ext_max)
                    tot->ext_max = per;
                tot->ext_sum += per;
            }
            if (r == 0)
                art = a;
            else
                wn_article_free(a);
        }
    }
    for (r = 0; r < repeats; r++) {
        double t0 = now();
        if (art)
            wn_render(art, WN_FMT_TEXT, 0, null_sink, &sunk);
        v[S_RENDER_TEXT][r] = now() - t0;
        t0 = now();
        if (art) {
            wn_render(art, WN_FMT_MARKDOWN, 0, null_sink, &sunk);
            wn_render(art, WN_FMT_JSON, 0, null_sink, &sunk);
        }
        v[S_RENDER_OTHER][r] = now() - t0;
    }
    wn_article_free(art);
    for (r = 0; r < S_COUNT; r++)
        tot->t[r] += median(v[r], repeats);
    tot->parsed += (size_t)ok_parse;
    tot->extracted += (size_t)ok_extract;
    if (!ok_parse || !ok_extract)
        tot->failed++;
}

static void report(const dataset *ds, const totals *tot, int repeats)
{
    double mb = (double)ds->bytes / 1e6;
    double decode = tot->t[S_DECODE], tok = tot->t[S_TOKENIZE];
    double tree = tot->t[S_PARSE] - decode - tok;
    double extract = tot->t[S_EXTRACT_ALL] - tot->t[S_PARSE];
    double text = tot->t[S_RENDER_TEXT], other = tot->t[S_RENDER_OTHER];
    /* The headline figure is page to text, what the pages/s goal is about;
     * the Markdown and JSON renders are timed apart and added in the last row. */
    struct { const char *name; double s; } rows[] = {
        { "decode", decode }, { "tokenize", tok }, { "tree", tree },
        { "extract", extract }, { "  of which page type (classifier)", tot->t[S_PAGETYPE] },
        { "render text", text },
        { "render markdown + json", other },
        { "parse (decode+tokenize+tree)", tot->t[S_PARSE] },
        { "page to text (parse+extract+text)", tot->t[S_EXTRACT_ALL] + text },
        { "all (+ markdown + json)", tot->t[S_EXTRACT_ALL] + text + other },
    };
    size_t i, np = ds->npages;

    printf("dataset %s: %zu pages, %.1f MB, median of %d repeats per page, CPU time, 1 core\n", ds->dir,
           np, mb, repeats);
    printf("  %-34s %10s %10s %12s\n", "stage", "seconds", "MB/s", "pages/s");
    for (i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        double s = rows[i].s > 0 ? rows[i].s : 1e-9;
        printf("  %-34s %10.4f %10.1f %12.1f\n", rows[i].name, rows[i].s, mb / s,
               (double)np / s);
    }
    /* The budget for the classifier: 5% of page to text. Its row above
     * is a second, separate pass (extract classifies too), timed alone. */
    if (tot->t[S_EXTRACT_ALL] + text > 0)
        printf("  page-type classifier: %.1f%% of page to text (budget 5%%)\n",
               100.0 * tot->t[S_PAGETYPE] / (tot->t[S_EXTRACT_ALL] + text));
    printf("  arena peak bytes per input byte: parse max %.2f, mean %.2f; parse+extract max %.2f, "
           "mean %.2f\n", tot->arena_max, np ? tot->arena_sum / (double)np : 0, tot->ext_max,
           np ? tot->ext_sum / (double)np : 0);
    if (tot->failed)
        printf("  pages with a parse or extract error: %zu\n", tot->failed);
}

/* MARK: decoders alone */

/* Throughput of each decoder path on fixed inputs: the dataset's bytes as
 * UTF-8 (validation, no copy) and as windows-1252, and a synthetic 8 MiB of
 * markup around two-byte CJK pairs for the table and iconv paths. Best of 5. */
static void bench_decoders(const dataset *ds)
{
    static const char *const encs[] = { "koi8-r", "windows-1251", "gbk", "shift_jis",
                                        "euc-kr", "big5", "utf-16le" };
    size_t k, n = 0, syn_n = 8u << 20;
    char *all = malloc(ds->bytes ? ds->bytes : 1), *syn = malloc(syn_n);
    wn_arena a;
    if (all == NULL || syn == NULL) {
        free(all);
        free(syn);
        return;
    }
    for (k = 0; k < ds->npages; k++) {
        memcpy(all + n, ds->pages[k].data, ds->pages[k].n);
        n += ds->pages[k].n;
    }
    for (k = 0; k + 8 <= syn_n; k += 8)
        memcpy(syn + k, "\xD6\xD0<p>\xCE\xC4 ", 8);
    wn_arena_init(&a, 0);
    printf("  decoders alone (best of 5, CPU time):\n");
    for (k = 0; k < 2 + sizeof encs / sizeof encs[0]; k++) {
        const char *enc = k == 0 ? "utf-8" : k == 1 ? "windows-1252" : encs[k - 2];
        const char *src = k < 2 ? all : syn, *out;
        size_t sn = k < 2 ? n : syn_n, on;
        double best = 1e30;
        int r;
        for (r = 0; r < 5; r++) {
            double t0 = now(), t;
            wn_encoding_decode(&a, enc, src, sn, &out, &on);
            t = now() - t0;
            if (t < best)
                best = t;
            wn_arena_reset(&a);
        }
        printf("    %-14s %-26s %9.1f MB/s\n", enc,
               k < 2 ? "(dataset bytes)" : "(8 MiB synthetic CJK/markup)",
               best > 0 ? (double)sn / best / 1e6 : 0);
    }
    wn_arena_fini(&a);
    free(all);
    free(syn);
}

/* MARK: memory */

/* Pages built to amplify memory, each a unit repeated to about 24 MB: the
 * formatting-heavy and tiny-element markup the parser's structure budget is for.
 * %d in a unit is replaced by the repeat index (distinct attribute names). */
static const struct {
    const char *name, *unit, *head;   /* head: written once before the units */
} mem_cases[] = {
    { "misnested formatting", "<b><i><p>x", "" },
    { "unclosed links", "<a href=x>link ", "" },
    { "tiny elements", "<i>x</i>", "" },
    { "empty paragraphs", "<p>", "" },
    { "attribute flood", "<br a b c d e f g h>", "" },
    { "deep nesting", "<div>", "" },
    { "body attribute merges", "<body a%d>", "" },
    { "comments", "<!---->x", "" },
    /* a legacy encoding: each 0x80 byte decodes to the 3 UTF-8 bytes of U+20AC */
    { "paragraphs, windows-1252", "<p>\x80", "<meta charset=windows-1252>" },
    { "misnested, windows-1252", "<b><i><p>\x80", "<meta charset=windows-1252>" },
};
#define MEM_CASE_BYTES ((size_t)24 << 20)

static char *make_case(const char *head, const char *unit, size_t target, size_t *out_n)
{
    size_t n = strlen(head), cap = target + n + 64;
    char *p = malloc(cap);
    if (p == NULL)
        return NULL;
    memcpy(p, head, n);
    for (int i = 0; n < target; i++) {
        int k = strstr(unit, "%d") ? snprintf(p + n, cap - n, unit, i)
                                   : snprintf(p + n, cap - n, "%s", unit);
        if (k < 0 || (size_t)k >= cap - n)
            break;
        n += (size_t)k;
    }
    *out_n = n;
    return p;
}

/* Arena peak per input byte of one page: after parsing, and after extraction. */
static void page_memory(wn_extractor *ex, const char *p, size_t n, double *parse, double *ext,
                        int *text_only)
{
    wn_doc *d = wn_html_parse(p, n, NULL, NULL, NULL);
    wn_article *a = NULL;
    *parse = d && n ? (double)d->arena.peak : -1;
    *text_only = d ? d->text_only : 0;
    wn_doc_free(d);
    *ext = wn_extract(ex, p, n, NULL, &a, NULL) == WN_OK && n ? (double)a->page_arena_peak : -1;
    wn_article_free(a);
}

/* Peaks of a set of pages: the mean of the per-page ratios (every page
 * counts alike, so small pages weigh as much as large ones) and the ratio of
 * the summed peaks to the summed input bytes (large pages dominate). */
typedef struct mem_sum {
    double ratio_parse, ratio_ext, max_parse, max_ext, peak_parse, peak_ext, bytes;
    size_t pages;
} mem_sum;

static void mem_add(mem_sum *m, double parse_peak, double ext_peak, size_t n)
{
    double p = parse_peak / (double)n, e = ext_peak / (double)n;
    m->ratio_parse += p;
    m->ratio_ext += e;
    m->max_parse = p > m->max_parse ? p : m->max_parse;
    m->max_ext = e > m->max_ext ? e : m->max_ext;
    m->peak_parse += parse_peak;
    m->peak_ext += ext_peak;
    m->bytes += (double)n;
    m->pages++;
}

static void mem_print(const char *name, const mem_sum *m)
{
    double k = m->pages ? (double)m->pages : 1, b = m->bytes > 0 ? m->bytes : 1;
    printf("  %-44s mean page %5.2f / %5.2f   all bytes %5.2f / %5.2f   max %5.2f / %5.2f"
           "  (%zu pages)\n",
           name, m->ratio_parse / k, m->ratio_ext / k, m->peak_parse / b, m->peak_ext / b,
           m->max_parse, m->max_ext, m->pages);
}

static void bench_memory(const char *const *dirs, int ndirs, wn_extractor *ex, int generated)
{
    mem_sum all;
    memset(&all, 0, sizeof all);
    printf("memory: document arena peak bytes per input byte (after parse / after extract);\n"
           "  mean page = mean of the per-page ratios, all bytes = summed peaks / summed input\n");
    for (int i = 0; i < ndirs; i++) {
        dataset ds = { dirs[i], NULL, 0, 0, 0 };
        mem_sum set;
        memset(&set, 0, sizeof set);
        if (load_dataset(&ds) != 0)
            continue;
        for (size_t k = 0; k < ds.npages; k++) {
            double p, e;
            int t;
            page_memory(ex, ds.pages[k].data, ds.pages[k].n, &p, &e, &t);
            if (ds.pages[k].n > 0 && p >= 0 && e >= 0) {
                mem_add(&set, p, e, ds.pages[k].n);
                mem_add(&all, p, e, ds.pages[k].n);
            }
            free(ds.pages[k].name);
            free(ds.pages[k].data);
        }
        mem_print(ds.dir, &set);
        free(ds.pages);
    }
    if (all.pages)
        mem_print("all dev sets", &all);
    for (size_t c = 0; generated && c < sizeof mem_cases / sizeof mem_cases[0]; c++) {
        size_t n;
        double p, e;
        int t;
        char *html = make_case(mem_cases[c].head, mem_cases[c].unit, MEM_CASE_BYTES, &n);
        if (html == NULL)
            continue;
        page_memory(ex, html, n, &p, &e, &t);
        char shown[64];   /* the unit, bytes over 0x7F as \xNN */
        size_t k = 0;
        for (const unsigned char *u = (const unsigned char *)mem_cases[c].unit;
             *u && k + 5 < sizeof shown; u++)
            k += (size_t)snprintf(shown + k, sizeof shown - k, *u < 0x80 ? "%c" : "\\x%02X", *u);
        printf("  %-24s %-22s %5.1f MB  %6.2f / %6.2f%s\n", mem_cases[c].name, shown,
               (double)n / 1e6, p / (double)n, e / (double)n,
               t ? "  (structure budget reached)" : "");
        free(html);
    }
}

static void usage(void)
{
    fputs("usage: bench [-n REPEATS] [--no-decoders] [--memory|--memory-dev] [DATASET_PAGES_DIR...]\n"
          "  default: every ../shared/data/extraction/*/pages\n"
          "  --no-decoders: skip the decoder throughput section (for callgrind)\n"
          "  --memory: only the arena peak per input byte, dev pages and generated cases\n"
          "  --memory-dev: the same for the dev pages only\n",
          stderr);
}

int main(int argc, char **argv)
{
    const char *defaults[] = { "../shared/data/extraction/readability/pages",
                               "../shared/data/extraction/trafilatura/pages",
                               "../shared/data/extraction/wcxb-dev/pages" };
    const char *dirs[64];
    int ndirs = 0, repeats = 5, decoders = 1, memory = 0, i;
    wn_extractor *ex;
    wn_arena scratch;
    struct stat st;

    for (i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "-n") && i + 1 < argc) {
            repeats = atoi(argv[++i]);
            if (repeats < 1 || repeats > MAX_REPEATS) {
                usage();
                return 2;
            }
        } else if (!strcmp(argv[i], "--no-decoders")) {
            decoders = 0;
        } else if (!strcmp(argv[i], "--memory")) {
            memory = 1;
        } else if (!strcmp(argv[i], "--memory-dev")) {
            memory = 2;
        } else if (argv[i][0] == '-') {
            usage();
            return 2;
        } else if (ndirs < 64) {
            dirs[ndirs++] = argv[i];
        }
    }
    if (ndirs == 0) {
        if (stat("../shared/data/extraction", &st) != 0) {
            printf("no development pages at ../shared/data/extraction: %s\n",
                   memory ? "generated pages only" : "bench skipped");
            if (!memory)
                return 0;
        }
        /* timing: the first two sets; memory: all three */
        for (i = 0; i < (memory ? 3 : 2); i++) {
            if (stat(defaults[i], &st) == 0)
                dirs[ndirs++] = defaults[i];
        }
    }
    ex = wn_extractor_new(NULL);
    if (ex == NULL)
        return 1;
    if (memory) {
        bench_memory(dirs, ndirs, ex, memory == 1);
        wn_extractor_free(ex);
        return 0;
    }
    wn_arena_init(&scratch, 0);
    for (i = 0; i < ndirs; i++) {
        dataset ds = { dirs[i], NULL, 0, 0, 0 };
        totals tot;
        size_t k;
        memset(&tot, 0, sizeof tot);
        if (load_dataset(&ds) != 0) {
            fprintf(stderr, "bench: %s: cannot read\n", dirs[i]);
            continue;
        }
        for (k = 0; k < ds.npages; k++)
            bench_page(&ds.pages[k], repeats, ex, &scratch, &tot);
        report(&ds, &tot, repeats);
        if (i == 0 && decoders)
            bench_decoders(&ds);
        for (k = 0; k < ds.npages; k++) {
            free(ds.pages[k].name);
            free(ds.pages[k].data);
        }
        free(ds.pages);
    }
    wn_arena_fini(&scratch);
    wn_extractor_free(ex);
    return 0;
}
