/*
 * cli.h: shared pieces of the winnow tool. The tool is only a client of
 * winnow.h; each subcommand lives in its own cmd_*.c file.
 */
#ifndef WN_CLI_H
#define WN_CLI_H

#include <stddef.h>
#include <stdio.h>

#include <winnow.h>

/* Exit codes, documented in README.md and `winnow --help`. */
enum {
    EXIT_OK = 0,
    EXIT_FAILURE_SOME = 1,   /* some inputs failed (others were processed) */
    EXIT_USAGE = 2,          /* bad command line */
    EXIT_IO = 3              /* could not write output */
};

int cmd_parse(int argc, char **argv);
int cmd_extract(int argc, char **argv);
int cmd_warc(int argc, char **argv);
int cmd_warc_pack(int argc, char **argv);

/* Read a whole file ("-" = stdin) into a malloc'd buffer; transparently gunzips
 * when the data starts with the gzip magic. max = refuse larger (0 = no cap).
 * Returns 0, or -1 after printing "winnow: PATH: reason" to stderr. */
int cli_read_input(const char *path, size_t max, char **out, size_t *out_n);

/* A wn_sink_fn writing to a FILE *. */
int cli_file_sink(void *ctx, const char *p, size_t n);

/* Print "winnow: " + formatted message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
