/*
 * wordset.h: "does this class or id name hold one of these words, at a word
 * start?" asked of every element, so it must be cheap: each list is indexed
 * once (on first use, thread-safe) by its words' first letter, and a name is
 * scanned once, comparing only the words that start with the letter there.
 */
#ifndef WN_EXTRACT_SIGNALS_WORDSET_H
#define WN_EXTRACT_SIGNALS_WORDSET_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "dom/dom.h"

#define WN_WORDSET_MAX 128  /* words per list */

typedef struct wn_wordset {
    const char *const *words;          /* lowercase, NULL-terminated */
    const unsigned char *tags;         /* a tag (0-31) per word, or NULL: all 0 */
    atomic_int ready;
    unsigned char order[WN_WORDSET_MAX];  /* word indexes grouped by first byte */
    unsigned char len[WN_WORDSET_MAX];
    unsigned char start[128], count[128]; /* bucket of each ASCII first byte */
    /* second[a][b / 8] bit b % 8: some word starts with bytes a, b (all bits
     * of a first byte that ends a word): most word starts stop at this test */
    unsigned char second[128][16];
} wn_wordset;

#define WN_WORDSET(list) { (list), NULL, 0, { 0 }, { 0 }, { 0 }, { 0 }, { { 0 } } }
#define WN_WORDSET_TAGGED(list, tags) { (list), (tags), 0, { 0 }, { 0 }, { 0 }, { 0 }, { { 0 } } }

/* Whether low[0..n) (already lowercased) holds a word of ws starting at 0 or
 * after a byte that is not a lowercase letter. */
bool wn_wordset_hit(wn_wordset *ws, const char *low, size_t n);

/* Whether x's class or id (lowercased; the first 120 and 64 bytes) holds a
 * word of ws at a word start. */
bool wn_wordset_names_hit(wn_wordset *ws, const wn_node *x);

/* All the word-start hits at once: bit t set when a word tagged t is there. */
unsigned wn_wordset_tags(wn_wordset *ws, const char *low, size_t n);

#endif
