/*
 * main.c: the winnow tool's entry point: dispatches to a subcommand.
 * `winnow FILE...` is short for `winnow extract FILE...`.
 */
#include "cli.h"

#include <string.h>

static void usage(FILE *f)
{
    fputs("usage: winnow [extract] [OPTIONS] FILE|DIR|-...   print the article of each page\n"
          "       winnow parse [OPTIONS] FILE|-...             run the HTML parser alone\n"
          "       winnow warc [OPTIONS] FILE|DIR|-...          WARC archives to JSON lines\n"
          "       winnow warc-pack [OPTIONS] FILE|DIR...       wrap HTML files in a WARC\n"
          "       winnow --version | --help | COMMAND --help\n"
          "Options may come before or after the inputs; -- ends them.\n"
          "\n",
          f);
    cmd_extract_usage(f);
    fputs("The options of parse, warc and warc-pack: winnow COMMAND --help; all of them:\n"
          "man docs/winnow.1\n",
          f);
}

void cli_print_version(void)
{
    unsigned v = wn_version();
    printf("winnow %u.%u.%u\n", v / 10000, v / 100 % 100, v % 100);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (!strcmp(cmd, "--help") || !strcmp(cmd, "-h") || !strcmp(cmd, "help")) {
        usage(stdout);
        return EXIT_OK;
    }
    if (!strcmp(cmd, "extract"))
        return cmd_extract(argc - 1, argv + 1);
    if (!strcmp(cmd, "parse"))
        return cmd_parse(argc - 1, argv + 1);
    if (!strcmp(cmd, "warc"))
        return cmd_warc(argc - 1, argv + 1);
    if (!strcmp(cmd, "warc-pack"))
        return cmd_warc_pack(argc - 1, argv + 1);
    /* No subcommand: extraction; argv[0] stands in for the subcommand name. */
    return cmd_extract(argc, argv);
}
