/*
 * type_rules.h: work bounds of the type-specific content rules (type_list.c,
 * type_forum.c, type_product.c and the other type_*.c). Each says why it is
 * there. Their thresholds are in the tuning table (extract/tuning.h:
 * WN_TUNE.region, .list, .forum, .product); their words are in the lexicon
 * (data/lexicon/listpages.tsv and typedpages.tsv: list_chrome,
 * post_marker_class, product_desc_class, ...).
 */
#ifndef WN_EXTRACT_TYPE_RULES_H
#define WN_EXTRACT_TYPE_RULES_H

/* MARK: Collection and listing pages (type_list.c) */

/* On a service page a block under 1/DEN of the region whose link density
 * is above this is a menu or a rail of links to other pages. */
#define SERVICE_LINKS_MIN_LD 0.5f
#define SERVICE_LINKS_MAX_SHARE_DEN 2
#define SERVICE_LINKS_MAX_LABEL 30

/* A button's or a badge's text is read over at most this many nodes below it
 * (type_list_labels.c): a label is a few; without a bound, a long chain of
 * wrappers around one short text would be read once per wrapper. */
#define LABEL_MAX_NODES 256

/* MARK: Forum threads (type_forum.c) */

/* Distinct sibling kinds tracked per parent (more are rare and not posts). */
#define KINDS_PER_PARENT 16
/* Runs compared per page (a page with more is not a thread). */
#define MAX_RUNS 512
/* Quoted text: runs of this many words are compared with the thread's text
 * before them (an array size; the shares that make a block a quote are
 * WN_TUNE.forum.quote_*). Threads of more words than QUOTE_MAX_WORDS are not
 * compared (memory: two words' worth of slots per word). */
#define QUOTE_SHINGLE_WORDS 6
#define QUOTE_MAX_WORDS     (1u << 22)
/* A run of words counts for the nearest block holding all of it, looked for at
 * most this many steps up (further: the run spans unrelated blocks). */
#define QUOTE_LCA_MAX_CLIMB 64

/* MARK: Product pages (type_product.c) */

/* The JSON-LD walk: nesting and values looked at, at most. */
#define DESC_MAX_DEPTH 32
#define DESC_MAX_NODES 20000
/* Scratch memory for parsing the page's JSON-LD. */
#define DESC_SCRATCH_BYTES (8u << 20)

#endif
