/*
 * runner.c: html5lib-tests conformance runner.
 *   html5lib-runner [--expected FILE] [--only tokenizer|tree] [-v] DIR
 * Runs DIR/tokenizer (tokenizer_tests.c) and DIR/tree-construction (tree_tests.c),
 * prints one pass-rate line per suite and exits non-zero on any unexpected failure.
 * A missing DIR is reported and is not a failure: the data lives in ../shared.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "runner.h"

static char **expected_ids;
static size_t n_expected;
static int verbose;

/* One id per line, optionally followed by "# reason"; blank and '#' lines skipped. */
static int load_expected(const char *path)
{
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    char line[4096];
    size_t cap = 0;
    while (fgets(line, sizeof line, f)) {
        char *p = line;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p == '#' || *p == '\n' || *p == '\0')
            continue;
        size_t len = strcspn(p, " \t\r\n#");
        if (len == 0)
            continue;
        if (n_expected == cap) {
            cap = cap ? cap * 2 : 64;
            char **v = realloc(expected_ids, cap * sizeof *v);
            if (v == NULL) {
                fclose(f);
                return -1;
            }
            expected_ids = v;
        }
        expected_ids[n_expected] = malloc(len + 1);
        if (expected_ids[n_expected] == NULL) {
            fclose(f);
            return -1;
        }
        memcpy(expected_ids[n_expected], p, len);
        expected_ids[n_expected][len] = '\0';
        n_expected++;
    }
    fclose(f);
    return 0;
}

bool h5_expected_failure(const char *case_id)
{
    for (size_t i = 0; i < n_expected; i++)
        if (strcmp(expected_ids[i], case_id) == 0)
            return true;
    return false;
}

void h5_record(h5_counts *c, const char *case_id, bool ok, const char *detail)
{
    bool expected = h5_expected_failure(case_id);
    c->total++;
    if (ok) {
        c->passed++;
        if (expected) {
            c->unexpected_pass++;
            printf("UNEXPECTED PASS %s (remove it from the expected failures)\n", case_id);
        }
        return;
    }
    if (expected) {
        c->expected_fail++;
        if (verbose > 1 && detail)
            printf("expected failure %s\n%s\n", case_id, detail);
        return;
    }
    c->unexpected_fail++;
    printf("FAIL %s\n", case_id);
    if (verbose && detail)
        printf("%s\n", detail);
}

static void summary(const char *suite, const h5_counts *c)
{
    double pct = c->total ? 100.0 * c->passed / c->total : 0.0;
    printf("%s: %d/%d passed (%.1f%%), %d expected failures, %d unexpected", suite, c->passed,
           c->total, pct, c->expected_fail, c->unexpected_fail);
    if (c->unexpected_pass)
        printf(", %d unexpected passes", c->unexpected_pass);
    if (c->skipped)
        printf(", %d skipped", c->skipped);
    printf("\n");
}

static int usage(void)
{
    fprintf(stderr, "usage: html5lib-runner [--expected FILE] [--only tokenizer|tree] [-v] DIR\n");
    return 2;
}

int main(int argc, char **argv)
{
    const char *expected = NULL, *only = NULL, *dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--expected") == 0 && i + 1 < argc)
            expected = argv[++i];
        else if (strcmp(argv[i], "--only") == 0 && i + 1 < argc)
            only = argv[++i];
        else if (strcmp(argv[i], "-v") == 0)
            verbose++;
        else if (strcmp(argv[i], "-vv") == 0)
            verbose += 2;
        else if (argv[i][0] == '-' || dir)
            return usage();
        else
            dir = argv[i];
    }
    if (dir == NULL)
        return usage();
    if (only && strcmp(only, "tokenizer") != 0 && strcmp(only, "tree") != 0)
        return usage();
    struct stat sb;
    if (stat(dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
        printf("html5lib-tests not found at %s: conformance not run (it needs ../shared)\n", dir);
        return 0;
    }
    if (expected && load_expected(expected) != 0) {
        fprintf(stderr, "html5lib-runner: cannot read %s\n", expected);
        return 2;
    }
    size_t dl = strlen(dir);
    char *sub = malloc(dl + 32);
    if (sub == NULL)
        return 2;
    h5_counts tok = { 0 }, tree = { 0 };
    if (only == NULL || strcmp(only, "tokenizer") == 0) {
        snprintf(sub, dl + 32, "%s/tokenizer", dir);
        h5_run_tokenizer(sub, &tok);
        summary("tokenizer", &tok);
    }
    if (only == NULL || strcmp(only, "tree") == 0) {
        snprintf(sub, dl + 32, "%s/tree-construction", dir);
        h5_run_tree(sub, &tree);
        summary("tree", &tree);
    }
    free(sub);
    for (size_t i = 0; i < n_expected; i++)
        free(expected_ids[i]);
    free(expected_ids);
    return tok.unexpected_fail || tree.unexpected_fail ? 1 : 0;
}
