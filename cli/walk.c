/*
 * walk.c: the one rule by which every subcommand turns a directory operand into
 * files. A directory is searched recursively; its files whose names the command
 * accepts (pages: .html .htm .xhtml, WARC: .warc .warc.gz .warc.zst .arc .arc.gz; any letter
 * case) are taken in byte order of their paths below it. Names starting with a
 * dot are skipped, symbolic links to directories are not followed (two links
 * back up the tree would make the walk exponential), links to files are.
 */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

/* A crawl or site tree is shallow; deeper nesting is a loop or an attack. */
#define WALK_MAX_DEPTH 64
#define WALK_MAX_DIRS 1000000

static int ends_with(const char *s, size_t n, const char *suffix)
{
    size_t k = strlen(suffix);
    return n >= k && strncasecmp(s + n - k, suffix, k) == 0;
}

int cli_is_page_name(const char *name)
{
    size_t n = strlen(name);
    if (ends_with(name, n, ".gz"))
        n -= 3;
    return ends_with(name, n, ".html") || ends_with(name, n, ".htm") ||
           ends_with(name, n, ".xhtml");
}

int cli_is_warc_name(const char *name)
{
    size_t n = strlen(name);
    return ends_with(name, n, ".warc") || ends_with(name, n, ".warc.gz") ||
           ends_with(name, n, ".warc.zst") || ends_with(name, n, ".arc") ||
           ends_with(name, n, ".arc.gz");
}

static int str_add(char ***v, size_t *n, size_t *cap, char *s)
{
    if (s == NULL)
        return -1;
    if (*n == *cap) {
        size_t c = *cap ? *cap * 2 : 64;
        char **nv = realloc(*v, c * sizeof *nv);
        if (nv == NULL) {
            free(s);
            return -1;
        }
        *v = nv;
        *cap = c;
    }
    (*v)[(*n)++] = s;
    return 0;
}

static char *join(const char *a, const char *sep, const char *b)
{
    size_t n = strlen(a) + strlen(sep) + strlen(b) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s%s%s", a, sep, b);
    return p;
}

int cli_files_add(cli_files *f, const char *path, const char *rel)
{
    if (f->n == f->cap) {
        size_t c = f->cap ? f->cap * 2 : 64;
        cli_file *nv = realloc(f->v, c * sizeof *nv);
        if (nv == NULL)
            return -1;
        f->v = nv;
        f->cap = c;
    }
    char *p = strdup(path), *r = strdup(rel);
    if (p == NULL || r == NULL) {
        free(p);
        free(r);
        return -1;
    }
    f->v[f->n].path = p;
    f->v[f->n].rel = r;
    f->n++;
    return 0;
}

void cli_files_free(cli_files *f)
{
    for (size_t i = 0; i < f->n; i++) {
        free(f->v[i].path);
        free(f->v[i].rel);
    }
    free(f->v);
    memset(f, 0, sizeof *f);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(cli_files *out, const char *root, int (*accept)(const char *name))
{
    char **todo = NULL, **found = NULL;   /* relative paths: "" and "sub/" / "sub/a.html" */
    size_t nt = 0, ct = 0, nf = 0, cf = 0;
    int rc = 0;
    size_t rl = strlen(root);
    /* "dir/" and "dir" both give "dir/x.html". */
    const char *sep = rl && root[rl - 1] == '/' ? "" : "/";

    if (str_add(&todo, &nt, &ct, strdup("")) != 0)
        rc = -1;
    for (size_t t = 0; t < nt && rc >= 0; t++) {
        const char *sub = todo[t];
        size_t depth = 0;
        for (const char *p = sub; *p; p++)
            depth += *p == '/';
        char *dpath = join(root, *sub ? sep : "", sub);
        DIR *d = dpath ? opendir(dpath) : NULL;
        if (dpath == NULL) {
            rc = -1;
            break;
        }
        if (d == NULL) {
            cli_error("%s: %s", dpath, strerror(errno));
            free(dpath);
            rc = 1;   /* the rest of the tree is still taken */
            continue;
        }
        for (struct dirent *e; rc >= 0 && (e = readdir(d)) != NULL;) {
            if (e->d_name[0] == '.')
                continue;
            char *rel = join(sub, "", e->d_name);
            char *full = rel ? join(root, sep, rel) : NULL;
            struct stat st, lst;
            if (full == NULL) {
                free(rel);
                rc = -1;
            } else if (lstat(full, &lst) != 0 || stat(full, &st) != 0) {
                free(rel);   /* vanished, or a dangling link */
            } else if (S_ISDIR(st.st_mode)) {
                if (!S_ISLNK(lst.st_mode) && depth + 1 < WALK_MAX_DEPTH && nt < WALK_MAX_DIRS) {
                    if (str_add(&todo, &nt, &ct, join(rel, "", "/")) != 0)
                        rc = -1;
                }
                free(rel);
            } else if (S_ISREG(st.st_mode) && accept(e->d_name)) {
                if (str_add(&found, &nf, &cf, rel) != 0)
                    rc = -1;
            } else {
                free(rel);
            }
            free(full);
        }
        closedir(d);
        free(dpath);
    }
    if (nf)
        qsort(found, nf, sizeof *found, cmp_str);
    for (size_t i = 0; i < nf; i++) {
        if (rc >= 0) {
            char *full = join(root, sep, found[i]);
            if (full == NULL || cli_files_add(out, full, found[i]) != 0)
                rc = -1;
            free(full);
        }
        free(found[i]);
    }
    for (size_t i = 0; i < nt; i++)
        free(todo[i]);
    free(todo);
    free(found);
    if (rc < 0)
        cli_error("%s: out of memory listing the directory", root);
    return rc;
}

int cli_expand(cli_files *out, const char *operand, int (*accept)(const char *name),
               const char *what)
{
    struct stat sb;
    if (strcmp(operand, "-") != 0 && stat(operand, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        size_t before = out->n;
        int rc = walk(out, operand, accept);
        if (rc == 0 && out->n == before) {
            cli_error("%s: no %s below this directory", operand, what);
            rc = 1;
        }
        return rc;
    }
    /* Files are taken as given, whatever their names; the command reports
     * those it cannot open. */
    const char *base = strrchr(operand, '/');
    return cli_files_add(out, operand, base && base[1] ? base + 1 : operand) == 0 ? 0 : -1;
}
