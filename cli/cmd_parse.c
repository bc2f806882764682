/*
 * cmd_parse.c: `winnow parse`: run the HTML5 parser alone. Prints a one-line
 * summary, or with --tree the html5lib-tests tree format, for checking
 * conformance by hand.
 */
#include "cli.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { OPT_TREE = 256, OPT_FRAGMENT, OPT_CHARSET, OPT_MAX_INPUT };

static const cli_option parse_options[] = {
    { OPT_TREE, 0, "tree", NULL, "print the tree in the html5lib-tests format" },
    { OPT_FRAGMENT, 0, "fragment", "CONTEXT", "parse as a fragment in CONTEXT (\"td\", \"svg path\", \"math mi\")" },
    { OPT_CHARSET, 0, "charset", "NAME", "decode as NAME instead of detecting the encoding" },
    { OPT_MAX_INPUT, 0, "max-input", "SIZE", "refuse inputs larger than SIZE bytes (K, M, G; default 256M)" },
    { 'q', 'q', "quiet", NULL, "print nothing; the exit status tells success" },
    { 'h', 'h', "help", NULL, "print this help" },
    { 0, 0, NULL, NULL, NULL }
};

static void usage(FILE *f)
{
    fputs("usage: winnow parse [OPTIONS] FILE|-...\n"
          "Parses each input with the HTML5 parser alone and prints a summary line.\n", f);
    cli_print_options(f, parse_options);
}

int cmd_parse(int argc, char **argv)
{
    int tree = 0, quiet = 0, status = EXIT_OK;
    const char *fragment = NULL;
    wn_options opt;
    wn_options_init(&opt);
    char **ops = calloc((size_t)argc + 1, sizeof *ops);
    int nops = 0;
    if (ops == NULL) {
        cli_error("out of memory");
        return EXIT_FAILURE_SOME;
    }
    cli_parser p;
    cli_parser_init(&p, "parse", parse_options, argc, argv);
    const char *val;
    unsigned long long size;
    for (int id; (id = cli_next(&p, &val)) != CLI_END;) {
        switch (id) {
        case CLI_ERROR:
            free(ops);
            return EXIT_USAGE;
        case CLI_OPERAND: ops[nops++] = (char *)val; break;
        case OPT_TREE: tree = 1; break;
        case 'q': quiet = 1; break;
        case OPT_FRAGMENT: fragment = val; break;
        case OPT_CHARSET: opt.charset = val; break;
        case OPT_MAX_INPUT:
            if (cli_parse_size(val, &size) != 0 || size == 0 || size > SIZE_MAX / 2) {
                cli_error("parse: --max-input needs a size such as 64M or 2G, got '%s'", val);
                free(ops);
                return EXIT_USAGE;
            }
            opt.max_input_bytes = (size_t)size;
            break;
        case 'h':
            usage(stdout);
            free(ops);
            return EXIT_OK;
        }
    }
    if (opt.charset && !cli_charset_known(opt.charset)) {
        cli_error("parse: --charset: unknown encoding '%s'", opt.charset);
        free(ops);
        return EXIT_USAGE;
    }
    argv = ops;
    argc = nops;
    int i = 0;
    if (i >= argc) {
        cli_error("parse: no input file (use - for stdin)");
        free(ops);
        return EXIT_USAGE;
    }
    for (; i < argc; i++) {
        char *data = NULL;
        size_t n = 0;
        if (cli_read_input(argv[i], opt.max_input_bytes, &data, &n) != 0) {
            status = EXIT_FAILURE_SOME;
            continue;
        }
        wn_document *doc = NULL;
        wn_error err = { WN_OK, NULL, 0 };
        wn_status st = fragment ? wn_parse_fragment(data, n, fragment, &opt, &doc, &err)
                                : wn_parse(data, n, &opt, &doc, &err);
        if (st != WN_OK) {
            cli_error("%s: %s", argv[i], err.msg ? err.msg : wn_status_str(st));
            status = EXIT_FAILURE_SOME;
        } else if (!quiet) {
            if (tree) {
                if (wn_document_dump(doc, cli_file_sink, stdout) != WN_OK) {
                    cli_error("writing output failed");
                    status = EXIT_IO;
                }
            } else {
                wn_parse_stats s;
                wn_document_stats(doc, &s);
                printf("%s: encoding=%s nodes=%llu bytes=%llu parse_errors=%llu arena=%llu\n",
                       argv[i], s.encoding, (unsigned long long)s.nodes,
                       (unsigned long long)s.input_bytes, (unsigned long long)s.parse_errors,
                       (unsigned long long)s.arena_bytes);
            }
        }
        wn_document_free(doc);
        free(data);
    }
    free(ops);
    if (fflush(stdout) != 0)
        return EXIT_IO;
    return status;
}
