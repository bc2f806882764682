/*
 * runner.h: html5lib-tests conformance runner. runner.c owns main(), the
 * expected-failures list and the summary; tokenizer_tests.c and tree_tests.c
 * each run one half of the suite.
 */
#ifndef WN_H5_RUNNER_H
#define WN_H5_RUNNER_H

#include <stdbool.h>

typedef struct h5_counts {
    int total;             /* cases run (each case counts once; it must pass whole and byte-by-byte) */
    int passed;
    int expected_fail;     /* failed and listed in the expected-failures file */
    int unexpected_fail;   /* failed and not listed: makes the runner exit non-zero */
    int unexpected_pass;   /* listed but passed: reported so the list stays honest */
    int skipped;           /* not run (tree: #script-on cases; the scripting flag is off) */
} h5_counts;

/* A case id is "FILE:INDEX" (e.g. "test1.test:12", "tests1.dat:3"), INDEX 0-based. */
bool h5_expected_failure(const char *case_id);
/* Record one case's outcome (updates counts, prints unexpected results). */
void h5_record(h5_counts *c, const char *case_id, bool ok, const char *detail);

void h5_run_tokenizer(const char *tokenizer_dir, h5_counts *c);
void h5_run_tree(const char *tree_dir, h5_counts *c);

#endif
