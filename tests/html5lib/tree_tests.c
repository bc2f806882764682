/*
 * tree_tests.c: runs every html5lib tree-construction .dat case through
 * wn_html_build_tree twice, on the whole input and fed one byte at a time, and
 * compares both dumps with the expected tree. #script-on cases are skipped (the
 * scripting flag is off); case ids are "FILE:INDEX", INDEX counted from 0.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/buf.h"
#include "html/parser.h"
#include "runner.h"

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return NULL;
    wn_buf b;
    wn_buf_init(&b, 0);
    char tmp[65536];
    size_t k;
    while ((k = fread(tmp, 1, sizeof tmp, f)) > 0)
        wn_buf_put(&b, tmp, k);
    fclose(f);
    if (b.failed) {
        wn_buf_fini(&b);
        return NULL;
    }
    wn_buf_cstr(&b);
    *len = b.n;
    return b.p ? b.p : calloc(1, 1);
}

static int buf_sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}

static void strip_trailing_newlines(wn_buf *b)
{
    while (b->n && b->p[b->n - 1] == '\n')
        b->n--;
}

/* Parse and dump; returns the dump (caller frees) in out. */
static void run_one(const char *data, size_t n, const char *ctx, size_t chunk, wn_buf *out)
{
    wn_options opt;
    wn_options_init(&opt);
    wn_doc *d = wn_doc_new(0);
    wn_error err = { 0 };
    if (d == NULL) {
        wn_buf_puts(out, "(out of memory)");
        return;
    }
    if (wn_html_build_tree_chunked(d, data, n, chunk, &opt, ctx, &err) != WN_OK) {
        wn_buf_printf(out, "(parse failed: %s)", err.msg ? err.msg : "?");
    } else {
        const char *bad = wn_dom_check(d);
        if (bad)
            wn_buf_printf(out, "(wn_dom_check: %s)\n", bad);
        wn_html_dump_tree(d, buf_sink, out);
    }
    wn_doc_free(d);
    strip_trailing_newlines(out);
}

static const char *find_line(const char *p, const char *end, const char *line)
{
    size_t n = strlen(line);
    for (const char *q = p; q + n <= end; q++) {
        if ((q == p || q[-1] == '\n') && memcmp(q, line, n) == 0 && (q + n == end || q[n] == '\n'))
            return q;
    }
    return NULL;
}

static void run_case(const char *file, int index, const char *p, const char *end, h5_counts *c)
{
    char id[512];
    snprintf(id, sizeof id, "%s:%d", file, index);
    /* p points just past "#data\n" */
    const char *errs = find_line(p, end, "#errors");
    const char *doc = find_line(p, end, "#document");
    if (errs == NULL || doc == NULL) {
        h5_record(c, id, false, "malformed test case");
        return;
    }
    size_t dn = (size_t)(errs - p);
    if (dn)
        dn--;                                     /* the final newline is not data */
    if (find_line(errs, doc, "#script-on")) {
        c->skipped++;
        return;
    }
    char ctxbuf[128];
    const char *ctx = NULL;
    const char *frag = find_line(errs, doc, "#document-fragment");
    if (frag) {
        const char *l = frag + strlen("#document-fragment\n");
        const char *e = memchr(l, '\n', (size_t)(end - l));
        size_t ln = e ? (size_t)(e - l) : (size_t)(end - l);
        if (ln >= sizeof ctxbuf)
            ln = sizeof ctxbuf - 1;
        memcpy(ctxbuf, l, ln);
        ctxbuf[ln] = '\0';
        ctx = ctxbuf;
    }
    const char *exp = doc + strlen("#document\n");
    size_t en = exp <= end ? (size_t)(end - exp) : 0;
    while (en && exp[en - 1] == '\n')
        en--;
    char *data = malloc(dn + 1);
    if (data == NULL)
        return;
    memcpy(data, p, dn);
    data[dn] = '\0';
    wn_buf whole, bytes;
    wn_buf_init(&whole, 0);
    wn_buf_init(&bytes, 0);
    run_one(data, dn, ctx, 0, &whole);
    run_one(data, dn, ctx, 1, &bytes);
    bool ok_whole = whole.n == en && memcmp(whole.p ? whole.p : "", exp, en) == 0;
    bool ok_bytes = bytes.n == en && memcmp(bytes.p ? bytes.p : "", exp, en) == 0;
    wn_buf detail;
    wn_buf_init(&detail, 0);
    if (!ok_whole || !ok_bytes) {
        wn_buf_printf(&detail, "  data: %s\n", data);
        if (ctx)
            wn_buf_printf(&detail, "  context: %s\n", ctx);
        wn_buf_printf(&detail, "  expected:\n%.*s\n", (int)en, exp);
        if (!ok_whole)
            wn_buf_printf(&detail, "  got (whole):\n%.*s\n", (int)whole.n, whole.p ? whole.p : "");
        if (!ok_bytes)
            wn_buf_printf(&detail, "  got (byte by byte):\n%.*s\n", (int)bytes.n,
                          bytes.p ? bytes.p : "");
    }
    h5_record(c, id, ok_whole && ok_bytes, wn_buf_cstr(&detail));
    wn_buf_fini(&detail);
    wn_buf_fini(&whole);
    wn_buf_fini(&bytes);
    free(data);
}

static void run_file(const char *dir, const char *name, h5_counts *c)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    size_t len;
    char *text = read_file(path, &len);
    if (text == NULL) {
        h5_record(c, name, false, "cannot read file");
        return;
    }
    const char *end = text + len;
    /* A case starts at "#data" at the top of the file or after a blank line. */
    const char *p = text;
    int index = 0;
    while (p < end) {
        const char *start = find_line(p, end, "#data");
        if (start == NULL)
            break;
        const char *body = start + strlen("#data\n");
        const char *next = body;
        const char *stop = end;
        for (;;) {
            const char *q = find_line(next, end, "#data");
            if (q == NULL)
                break;
            const char *errs = find_line(body, end, "#errors");
            if (q > body + 1 && q[-2] == '\n' && errs && q > errs) {
                stop = q;
                break;
            }
            next = q + 1;
        }
        run_case(name, index++, body, stop, c);
        p = stop;
    }
    free(text);
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

void h5_run_tree(const char *tree_dir, h5_counts *c)
{
    DIR *dir = opendir(tree_dir);
    if (dir == NULL) {
        printf("tree: cannot open %s\n", tree_dir);
        return;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(dir)) != NULL) {
        size_t l = strlen(e->d_name);
        if (l < 5 || strcmp(e->d_name + l - 4, ".dat") != 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 64;
            char **v = realloc(names, cap * sizeof *v);
            if (v == NULL)
                break;
            names = v;
        }
        names[n++] = strdup(e->d_name);
    }
    closedir(dir);
    qsort(names, n, sizeof *names, cmp_names);
    for (size_t i = 0; i < n; i++) {
        run_file(tree_dir, names[i], c);
        free(names[i]);
    }
    free(names);
}
