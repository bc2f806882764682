/*
 * cli.h: shared pieces of the winnow tool. The tool is a client of winnow.h
 * (plus the batch driver's ordered pool for `winnow -j`); each subcommand lives
 * in its own cmd_*.c file, and opts.c (options), walk.c (directories), io.c
 * (reading inputs) and sniff.c (is it HTML?) are shared by all of them.
 * docs/internals/CLI.md describes how they fit.
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

/* The extract options, for `winnow --help` as well as `winnow extract --help`. */
void cmd_extract_usage(FILE *f);

/* "winnow X.Y.Z" on stdout. */
void cli_print_version(void);

/* Read a whole file ("-" = stdin) into a malloc'd buffer; transparently gunzips
 * when the data starts with the gzip magic. max = refuse larger (0 = no cap).
 * Returns 0, or -1 after printing "winnow: PATH: reason" to stderr. */
int cli_read_input(const char *path, size_t max, char **out, size_t *out_n);

/* The same, with the message ("PATH: reason") left in msg instead of printed. */
int cli_read_input_msg(const char *path, size_t max, char **out, size_t *out_n, char *msg,
                       size_t msg_n);

/* NULL when data may be a web page; else what it looks like ("PDF", "a PNG
 * image", "binary data") for "not HTML (looks like ...)". See sniff.c. */
const char *cli_not_html(const char *data, size_t n);

/* 1 if the library knows the encoding label (--charset), else 0. */
int cli_charset_known(const char *label);

/* A growing memory buffer; failed is sticky (out of memory). */
typedef struct cli_buf {
    char *p;
    size_t n, cap;
    int failed;
} cli_buf;

void cli_buf_put(cli_buf *b, const char *p, size_t n);
int cli_buf_sink(void *ctx, const char *p, size_t n);   /* a wn_sink_fn */
void cli_buf_free(cli_buf *b);
/* s as a JSON string literal; bytes that are not UTF-8 become U+FFFD. */
void cli_buf_json_str(cli_buf *b, const char *s);

/* A wn_sink_fn writing to a FILE *. */
int cli_file_sink(void *ctx, const char *p, size_t n);

/* Print "winnow: " + formatted message to stderr. */
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* MARK: Command line (opts.c) */

/* One option of a subcommand. Tables end with an entry whose id is 0; ids are
 * the short letter when there is one, else a value from 256 up. */
typedef struct cli_option {
    int id;
    char short_name;         /* 0: long form only */
    const char *long_name;   /* NULL: short form only */
    const char *arg;         /* the value's name in the help ("N", "DIR"), NULL: a flag */
    const char *help;        /* one line */
} cli_option;

enum { CLI_END = -1, CLI_ERROR = -2, CLI_OPERAND = -3 };

typedef struct cli_parser {
    const char *cmd;            /* "warc", or NULL for extraction; names it in messages */
    const cli_option *opts;
    int argc;
    char **argv;
    int i;                      /* next argv entry */
    int only_operands;          /* "--" seen */
    const char *short_rest;     /* the rest of a group of short options */
    char last[64];              /* the last option as written ("-j", "--jobs"), for messages */
} cli_parser;

void cli_parser_init(cli_parser *p, const char *cmd, const cli_option *opts, int argc, char **argv);

/* The next option (its id; *val = its value or NULL), CLI_OPERAND (*val = the
 * operand), CLI_END, or CLI_ERROR after printing why: unknown option, value
 * missing, or a value given to a flag. Options and operands may come in any
 * order; "--" makes the rest operands; "-" is an operand. */
int cli_next(cli_parser *p, const char **val);

/* The option table as help lines: "  -j, --jobs N   one line". */
void cli_print_options(FILE *f, const cli_option *opts);

/* The choices of what to extract and how to render it, shared by `winnow`
 * (extract) and `winnow warc` so that both accept and document them alike:
 * their ids, and the rows every such command puts in its option table. */
enum {
    CLI_OPT_COMMENTS = 512, CLI_OPT_LINKS, CLI_OPT_IMAGES, CLI_OPT_NO_TABLES, CLI_OPT_PRECISION,
    CLI_OPT_RECALL, CLI_OPT_PAGE_TYPE, CLI_OPT_WITH_MARKDOWN, CLI_OPT_WITH_HTML
};
#define CLI_EXTRACTION_OPTIONS                                                                     \
    { CLI_OPT_COMMENTS, 0, "comments", NULL, "also extract user comments (JSON \"comments\"; txt/md: after the text)" }, \
    { CLI_OPT_LINKS, 0, "links", NULL, "keep links: Markdown, HTML, and text as \"text <url>\"" },  \
    { CLI_OPT_IMAGES, 0, "images", NULL, "keep images: Markdown, HTML, and text as \"[image: alt <src>]\"" }, \
    { CLI_OPT_NO_TABLES, 0, "no-tables", NULL, "leave tables out" },                               \
    { CLI_OPT_PRECISION, 0, "precision", NULL, "prefer leaving doubtful blocks out" },             \
    { CLI_OPT_RECALL, 0, "recall", NULL, "prefer keeping doubtful blocks" },                       \
    { CLI_OPT_PAGE_TYPE, 0, "page-type", "TYPE", "treat every page as TYPE (article, forum, ...) instead of classifying it" }, \
    { CLI_OPT_WITH_MARKDOWN, 0, "with-markdown", NULL, "JSON: add a \"markdown\" field" },        \
    { CLI_OPT_WITH_HTML, 0, "with-html", NULL, "JSON: add an \"html\" field" }

/* Apply option id (value val) to the extraction options and the WN_RENDER_*
 * flags: 1 when it is one of CLI_EXTRACTION_OPTIONS, 0 when it is not, -1
 * after printing why its value is refused (an unknown page type, --precision
 * with --recall). */
int cli_extraction_option(int id, const char *val, wn_options *opt, unsigned *render_flags);

/* A decimal number <= max. 0, or -1 if s is not one. */
int cli_parse_uint(const char *s, unsigned long max, unsigned long *out);

/* A size in bytes: digits with an optional K, M or G (KiB, MiB, GiB: powers of
 * 1024; "64M", "64MiB", "64MB" alike). 0, or -1 if malformed or too large. */
int cli_parse_size(const char *s, unsigned long long *out);

/* "64M", "1G", or "1000 bytes": the largest unit that divides v exactly. */
void cli_format_size(char *buf, size_t n, unsigned long long v);

/* MARK: Input files (walk.c) */

typedef struct cli_file {
    char *path;   /* as opened */
    char *rel;    /* below the directory operand ("sub/a.html"); a file operand's own name */
} cli_file;

typedef struct cli_files {
    cli_file *v;
    size_t n, cap;
} cli_files;

/* The names each command takes from a directory (any letter case):
 * pages *.html, *.htm, *.xhtml and their .gz forms; WARC *.warc, *.warc.gz, *.warc.zst
 * and ARC *.arc, *.arc.gz. */
int cli_is_page_name(const char *name);
int cli_is_warc_name(const char *name);

/* One operand: a directory adds the accepted files below it (recursively, in
 * byte order of their paths below it, dot names skipped, links to directories
 * not followed); anything else is added as given. what names the files in the
 * message for a directory without any ("pages"). Returns 0; 1 when a
 * directory or part of one could not be read or held no such file (reported);
 * -1 out of memory (reported). */
int cli_expand(cli_files *out, const char *operand, int (*accept)(const char *name),
               const char *what);
int cli_files_add(cli_files *f, const char *path, const char *rel);
void cli_files_free(cli_files *f);

#endif
