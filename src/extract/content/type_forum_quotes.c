/*
 * type_forum_quotes.c: on a forum thread, text quoted from earlier posts.
 * A reply that quotes an earlier post repeats its words, and so does a
 * preview of the post replied to: the thread shows each text once, where it
 * was first written (wn_forum_quotes, after the cleaning; the thread itself is
 * found in type_forum.c).
 */
#include <string.h>

#include "extract/content/content_internal.h"
#include "extract/content/type_rules.h"

static bool gone(const wn_cctx *c, const wn_node *x)
{
    return (c->nf[x->id] & (CN_IGNORED | CN_DROPPED)) != 0 || !(c->nf[x->id] & CN_VISITED);
}

/* MARK: text quoted from earlier in the thread */

/* A word's hash: ASCII letters lowered, digits and non-ASCII bytes as they
 * are; anything else ends the word. */
static bool word_byte(unsigned char ch)
{
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch >= 0x80;
}

typedef struct shingles {
    uint32_t *set;          /* open addressing; 0 is empty */
    uint32_t mask;
    uint32_t ring[QUOTE_SHINGLE_WORDS];     /* the last words' hashes */
    wn_node *at[QUOTE_SHINGLE_WORDS];       /* and the text each one lies in */
    uint32_t nwords;        /* words seen so far in the thread's text */
} shingles;

/* The nearest block holding both a and b (visited nodes), or NULL when that
 * is more than QUOTE_LCA_MAX_CLIMB steps up. */
static wn_node *common_block(const wn_cctx *c, wn_node *a, wn_node *b)
{
    for (int steps = 0; a != b; steps++) {
        if (a == NULL || b == NULL || steps > QUOTE_LCA_MAX_CLIMB)
            return NULL;
        if (wn_depth(c, a) >= wn_depth(c, b))
            a = a->parent;
        else
            b = b->parent;
    }
    return a;
}

/* Looks up, then adds, every run of QUOTE_SHINGLE_WORDS words that ends in
 * the text node x; each run counts (tot, and dup when it was seen before) for
 * the nearest block that holds all its words, so a block's sums hold only
 * runs read inside it. */
static void shingle_text(const wn_cctx *c, shingles *sh, wn_node *x, uint32_t *tot,
                         uint32_t *dup)
{
    wn_str t = x->text;
    size_t i = 0;
    while (i < t.n) {
        while (i < t.n && !word_byte((unsigned char)t.p[i]))
            i++;
        if (i >= t.n)
            break;
        uint32_t h = 2166136261u;
        for (; i < t.n && word_byte((unsigned char)t.p[i]); i++)
            h = (h ^ (unsigned char)wn_ascii_lower(t.p[i])) * 16777619u;
        sh->at[sh->nwords % QUOTE_SHINGLE_WORDS] = x;
        sh->ring[sh->nwords++ % QUOTE_SHINGLE_WORDS] = h;
        if (sh->nwords < QUOTE_SHINGLE_WORDS)
            continue;
        wn_node *owner = common_block(c, sh->at[sh->nwords % QUOTE_SHINGLE_WORDS], x);
        uint32_t g = 0;
        for (uint32_t k = 0; k < QUOTE_SHINGLE_WORDS; k++)
            g = (g ^ sh->ring[(sh->nwords + k) % QUOTE_SHINGLE_WORDS]) * 16777619u + k;
        g |= 1u;   /* never the empty slot */
        uint32_t j = g & sh->mask, probes = 0;
        while (sh->set[j] && sh->set[j] != g && probes++ <= sh->mask)
            j = (j + 1) & sh->mask;
        bool seen = sh->set[j] == g;
        if (!seen && !sh->set[j])
            sh->set[j] = g;
        if (owner) {
            tot[owner->id]++;
            dup[owner->id] += seen;
        }
    }
}

/* A reply that quotes an earlier post repeats its words; so does a preview of
 * the post replied to. The thread shows each text once: under the new root,
 * the outermost block whose runs of words were nearly all seen earlier in the
 * thread goes, unless it adds a sentence of its own (then its quote goes
 * alone); posts themselves and their author lines are kept whole (a post's
 * body is not: a preview of the post replied to takes the body's place). */
void wn_forum_quotes(wn_cctx *c)
{
    if (c->thread_posts == 0 || c->root == NULL)
        return;
    wn_node *r = c->root;
    uint64_t words = wn_st(c, r)->words;
    if (words < 2 * QUOTE_SHINGLE_WORDS || words > QUOTE_MAX_WORDS)
        return;
    uint32_t size = 64;
    while (size < 2 * words)
        size <<= 1;
    shingles sh = { .mask = size - 1 };
    sh.set = wn_arena_alloc(&c->d->arena, size * sizeof *sh.set);
    uint32_t *tot = wn_arena_alloc(&c->d->arena, c->n * sizeof *tot);
    uint32_t *dup = wn_arena_alloc(&c->d->arena, c->n * sizeof *dup);
    if (sh.set == NULL || tot == NULL || dup == NULL)
        return;
    memset(sh.set, 0, size * sizeof *sh.set);
    memset(tot, 0, c->n * sizeof *tot);
    memset(dup, 0, c->n * sizeof *dup);
    /* Pre-order over what is left under r: the text in reading order. */
    uint32_t first = c->pos[r->id], last = first;
    for (wn_node *x = r; x; ) {
        bool skip = gone(c, x);
        if (!skip) {
            if (x->type == WN_NODE_TEXT)
                shingle_text(c, &sh, x, tot, dup);
            last = c->pos[x->id] > last ? c->pos[x->id] : last;
        }
        x = wn_dom_next(r, x, skip);
    }
    /* Subtree sums: reverse pre-order sees children before parents. */
    for (uint32_t i = last + 1; i-- > first + 1;) {
        wn_node *x = c->order[i];
        if ((c->nf[x->id] & (CN_IGNORED | CN_DROPPED)) || x->parent == NULL)
            continue;
        tot[x->parent->id] += tot[x->id];
        dup[x->parent->id] += dup[x->id];
    }
    for (wn_node *x = r->first; x; ) {
        bool skip = x->type != WN_NODE_ELEMENT || gone(c, x);
        bool kept = (c->nf[x->id] & (CN_KEEP | CN_POSTBODY)) == CN_KEEP;   /* a post, an author line */
        if (!skip && !kept && tot[x->id] >= WN_TUNE.forum.quote_min_shingles &&
            (float)dup[x->id] >= WN_TUNE.forum.quote_min_seen * (float)tot[x->id] &&
            tot[x->id] - dup[x->id] <= WN_TUNE.forum.quote_max_new) {
            wn_drop(c, x, WHY_QUOTED);
            skip = true;
        }
        x = wn_dom_next(r, x, skip);
    }
}
