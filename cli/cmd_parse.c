/*
 * cmd_parse.c: `winnow parse`: run the HTML5 parser alone. Prints a one-line
 * summary, or with --tree the html5lib-tests tree format, for checking
 * conformance by hand.
 */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: winnow parse [--tree] [--fragment CONTEXT] [--charset NAME] [--quiet] FILE|-\n"
          "  --tree              print the tree in the html5lib-tests format\n"
          "  --fragment CONTEXT  parse as a fragment in CONTEXT (\"td\", \"svg path\", \"math mi\")\n"
          "  --charset NAME      decode as NAME instead of detecting the encoding\n"
          "  --quiet             print nothing; the exit status tells success\n",
          f);
}

int cmd_parse(int argc, char **argv)
{
    int tree = 0, quiet = 0, status = EXIT_OK;
    const char *fragment = NULL;
    wn_options opt;
    wn_options_init(&opt);
    int i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--tree")) {
            tree = 1;
        } else if (!strcmp(a, "--quiet") || !strcmp(a, "-q")) {
            quiet = 1;
        } else if (!strcmp(a, "--fragment") && i + 1 < argc) {
            fragment = argv[++i];
        } else if (!strcmp(a, "--charset") && i + 1 < argc) {
            opt.charset = argv[++i];
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage(stdout);
            return EXIT_OK;
        } else if (!strcmp(a, "--")) {
            i++;
            break;
        } else if (a[0] == '-' && a[1] != '\0') {
            cli_error("parse: unknown or incomplete option '%s'", a);
            usage(stderr);
            return EXIT_USAGE;
        } else {
            break;
        }
    }
    if (i >= argc) {
        cli_error("parse: no input file (use - for stdin)");
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
    if (fflush(stdout) != 0)
        return EXIT_IO;
    return status;
}
