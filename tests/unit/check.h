/*
 * check.h: a tiny test harness. Each test file defines test functions, lists them
 * in main() with RUN(), and ends with CHECK_DONE(), which prints
 * "N passed, M failed" and returns non-zero on failure. CI reads that line.
 */
#ifndef WN_TEST_CHECK_H
#define WN_TEST_CHECK_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int check_passed, check_failed, check_cur_failed;
static const char *check_cur_name;

#define CHECK(cond)                                                                 \
    do {                                                                            \
        if (!(cond)) {                                                              \
            fprintf(stderr, "%s:%d: %s: CHECK(%s) failed\n", __FILE__, __LINE__,    \
                    check_cur_name, #cond);                                         \
            check_cur_failed = 1;                                                   \
        }                                                                           \
    } while (0)

#define CHECK_EQ_INT(a, b)                                                          \
    do {                                                                            \
        long long a_ = (long long)(a), b_ = (long long)(b);                         \
        if (a_ != b_) {                                                             \
            fprintf(stderr, "%s:%d: %s: %s == %s failed: %lld != %lld\n", __FILE__, \
                    __LINE__, check_cur_name, #a, #b, a_, b_);                      \
            check_cur_failed = 1;                                                   \
        }                                                                           \
    } while (0)

#define CHECK_EQ_STR(a, b)                                                          \
    do {                                                                            \
        const char *a_ = (a), *b_ = (b);                                            \
        if (a_ == NULL || b_ == NULL || strcmp(a_, b_) != 0) {                      \
            fprintf(stderr, "%s:%d: %s: %s == %s failed:\n  got:      \"%s\"\n"     \
                    "  expected: \"%s\"\n", __FILE__, __LINE__, check_cur_name, #a, \
                    #b, a_ ? a_ : "(null)", b_ ? b_ : "(null)");                    \
            check_cur_failed = 1;                                                   \
        }                                                                           \
    } while (0)

/* Compare n bytes with a NUL-terminated expectation. */
#define CHECK_EQ_MEM(p, n, lit)                                                     \
    do {                                                                            \
        const char *p_ = (const char *)(p), *l_ = (lit);                            \
        size_t n_ = (n);                                                            \
        if (n_ != strlen(l_) || (n_ && memcmp(p_, l_, n_) != 0)) {                  \
            fprintf(stderr, "%s:%d: %s: got \"%.*s\", expected \"%s\"\n", __FILE__, \
                    __LINE__, check_cur_name, (int)(n_ > 2000 ? 2000 : n_), p_, l_); \
            check_cur_failed = 1;                                                   \
        }                                                                           \
    } while (0)

#define RUN(fn)                                                                     \
    do {                                                                            \
        check_cur_name = #fn;                                                       \
        check_cur_failed = 0;                                                       \
        fn();                                                                       \
        if (check_cur_failed) {                                                     \
            check_failed++;                                                         \
            fprintf(stderr, "FAIL %s\n", #fn);                                      \
        } else {                                                                    \
            check_passed++;                                                         \
        }                                                                           \
    } while (0)

#define CHECK_DONE()                                                                \
    do {                                                                            \
        printf("%d passed, %d failed\n", check_passed, check_failed);               \
        return check_failed ? 1 : 0;                                                \
    } while (0)

#endif
