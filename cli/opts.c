/*
 * opts.c: the command-line parser every subcommand shares. GNU style: options
 * and operands may come in any order, "--" ends the options, long options take
 * their value as "--name VALUE" or "--name=VALUE", short ones as "-j 4" or
 * "-j4", and short flags may be grouped ("-qj4"). The same option table prints
 * the help, so `--help` lists exactly what the parser accepts.
 */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

void cli_parser_init(cli_parser *p, const char *cmd, const cli_option *opts, int argc, char **argv)
{
    memset(p, 0, sizeof *p);
    p->cmd = cmd;
    p->opts = opts;
    p->argc = argc;
    p->argv = argv;
    p->i = 1;
}

/* "winnow: " or "winnow: warc: " before a message about the command line. */
static void opt_error(const cli_parser *p, const char *fmt, const char *a, const char *b)
{
    char msg[512];
    snprintf(msg, sizeof msg, fmt, a, b);
    if (p->cmd)
        cli_error("%s: %s (see winnow %s --help)", p->cmd, msg, p->cmd);
    else
        cli_error("%s (see winnow --help)", msg);
}

static const cli_option *find_long(const cli_option *o, const char *name, size_t n)
{
    for (; o->id; o++)
        if (o->long_name && strlen(o->long_name) == n && !strncmp(o->long_name, name, n))
            return o;
    return NULL;
}

static const cli_option *find_short(const cli_option *o, char c)
{
    for (; o->id; o++)
        if (o->short_name == c)
            return o;
    return NULL;
}

int cli_next(cli_parser *p, const char **val)
{
    *val = NULL;
    if (p->short_rest && *p->short_rest) {
        /* Inside a group of short options: "-qj4" gives q, then j with "4". */
        char c = *p->short_rest++;
        const cli_option *o = find_short(p->opts, c);
        if (o == NULL) {
            char s[3] = { '-', c, '\0' };
            opt_error(p, "unknown option '%s'%s", s, "");
            return CLI_ERROR;
        }
        snprintf(p->last, sizeof p->last, "-%c", c);
        if (o->arg) {
            if (*p->short_rest) {
                *val = p->short_rest;
            } else if (p->i < p->argc) {
                *val = p->argv[p->i++];
            } else {
                char s[3] = { '-', c, '\0' };
                opt_error(p, "option '%s' needs a value (%s)", s, o->arg);
                return CLI_ERROR;
            }
            p->short_rest = NULL;
        }
        return o->id;
    }
    p->short_rest = NULL;
    if (p->i >= p->argc)
        return CLI_END;
    char *a = p->argv[p->i++];
    if (p->only_operands || a[0] != '-' || a[1] == '\0') {
        *val = a;    /* a name, or "-" (standard input) */
        return CLI_OPERAND;
    }
    if (a[1] == '-' && a[2] == '\0') {
        p->only_operands = 1;
        return cli_next(p, val);
    }
    if (a[1] == '-') {
        const char *name = a + 2, *eq = strchr(name, '=');
        size_t n = eq ? (size_t)(eq - name) : strlen(name);
        const cli_option *o = find_long(p->opts, name, n);
        if (o == NULL) {
            char s[128];
            snprintf(s, sizeof s, "--%.*s", (int)(n > 100 ? 100 : n), name);
            opt_error(p, "unknown option '%s'%s", s, "");
            return CLI_ERROR;
        }
        snprintf(p->last, sizeof p->last, "--%s", o->long_name);
        if (o->arg == NULL) {
            if (eq) {
                opt_error(p, "option '--%s' takes no value%s", o->long_name, "");
                return CLI_ERROR;
            }
        } else if (eq) {
            *val = eq + 1;
        } else if (p->i < p->argc) {
            *val = p->argv[p->i++];
        } else {
            opt_error(p, "option '--%s' needs a value (%s)", o->long_name, o->arg);
            return CLI_ERROR;
        }
        return o->id;
    }
    p->short_rest = a + 1;
    return cli_next(p, val);
}

void cli_print_options(FILE *f, const cli_option *o)
{
    for (; o->id; o++) {
        char head[64];
        int n = 0;
        if (o->short_name && o->long_name)
            n = snprintf(head, sizeof head, "-%c, --%s", o->short_name, o->long_name);
        else if (o->short_name)
            n = snprintf(head, sizeof head, "-%c", o->short_name);
        else
            n = snprintf(head, sizeof head, "    --%s", o->long_name);
        if (o->arg && n > 0 && (size_t)n < sizeof head)
            snprintf(head + n, sizeof head - (size_t)n, " %s", o->arg);
        fprintf(f, "  %-24s %s\n", head, o->help);
    }
}

int cli_parse_uint(const char *s, unsigned long max, unsigned long *out)
{
    char *end;
    if (s == NULL || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long v = strtoul(s, &end, 10);
    if (errno || *end || v > max)
        return -1;
    *out = v;
    return 0;
}

int cli_parse_size(const char *s, unsigned long long *out)
{
    char *end;
    if (s == NULL || *s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, 10);
    if (errno)
        return -1;
    unsigned shift = 0;
    switch (*end) {
    case '\0': break;
    case 'k': case 'K': shift = 10; break;
    case 'm': case 'M': shift = 20; break;
    case 'g': case 'G': shift = 30; break;
    default: return -1;
    }
    if (*end && end[1] != '\0' && strcmp(end + 1, "iB") != 0 && strcmp(end + 1, "B") != 0)
        return -1;
    if (v > (~0ULL >> shift))
        return -1;
    *out = v << shift;
    return 0;
}

void cli_format_size(char *buf, size_t n, unsigned long long v)
{
    static const char unit[] = { 'G', 'M', 'K' };
    for (int i = 0; i < 3; i++) {
        unsigned shift = 30 - 10 * (unsigned)i;
        if (v >= (1ULL << shift) && v % (1ULL << shift) == 0) {
            snprintf(buf, n, "%llu%c", v >> shift, unit[i]);
            return;
        }
    }
    snprintf(buf, n, "%llu bytes", v);
}

/* MARK: Extraction options ------------------------------------------------------------- */

int cli_extraction_option(int id, const char *val, wn_options *opt, unsigned *render_flags)
{
    switch (id) {
    case CLI_OPT_COMMENTS:
        opt->flags |= WN_OPT_COMMENTS;
        *render_flags |= WN_RENDER_COMMENTS;
        return 1;
    case CLI_OPT_LINKS: *render_flags |= WN_RENDER_LINKS; return 1;
    case CLI_OPT_IMAGES: *render_flags |= WN_RENDER_IMAGES; return 1;
    case CLI_OPT_NO_TABLES: opt->flags |= WN_OPT_NO_TABLES; return 1;
    case CLI_OPT_PRECISION:
    case CLI_OPT_RECALL: {
        wn_favor f = id == CLI_OPT_PRECISION ? WN_FAVOR_PRECISION : WN_FAVOR_RECALL;
        if (opt->favor != WN_FAVOR_BALANCED && opt->favor != f) {
            cli_error("--precision and --recall pull opposite ways: give one of them");
            return -1;
        }
        opt->favor = f;
        return 1;
    }
    case CLI_OPT_PAGE_TYPE: {
        wn_page_type t = wn_page_type_parse(val);
        if (t <= WN_PAGE_UNKNOWN) {
            cli_error("--page-type: expected article, forum, product, collection, listing, "
                      "documentation, service or other, got '%s'", val);
            return -1;
        }
        opt->page_type = t;
        return 1;
    }
    case CLI_OPT_WITH_MARKDOWN: *render_flags |= WN_RENDER_JSON_MARKDOWN; return 1;
    case CLI_OPT_WITH_HTML: *render_flags |= WN_RENDER_JSON_HTML; return 1;
    default: return 0;
    }
}
