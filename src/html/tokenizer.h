/*
 * tokenizer.h: WHATWG HTML tokenizer (spec: #tokenization), scripting flag off.
 * Input is UTF-8 (already decoded and validated by encoding.c), fed in chunks of
 * any size with identical results; tokens go to a callback, usually the tree builder.
 */
#ifndef WN_HTML_TOKENIZER_H
#define WN_HTML_TOKENIZER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/buf.h"
#include "core/str.h"
#include "dom/dom.h"

typedef enum wn_tok_type {
    WN_TOK_DOCTYPE,
    WN_TOK_START_TAG,
    WN_TOK_END_TAG,
    WN_TOK_COMMENT,
    WN_TOK_CHARS,      /* a run of character data, UTF-8; may contain U+0000 */
    WN_TOK_EOF
} wn_tok_type;

/*
 * A token. All wn_str fields are valid only during the callback (they may point
 * into the tokenizer's scratch buffers or into the input); copy what you keep.
 */
typedef struct wn_token {
    wn_tok_type type;
    wn_str name;             /* tag name, ASCII-lowercased; doctype name */
    uint16_t tag;            /* wn_tag_lookup(name) for tags */
    bool self_closing;       /* start tag with "/>" */
    bool force_quirks;       /* doctype */
    bool name_missing;       /* doctype without a name */
    bool has_public_id, has_system_id;
    wn_str public_id, system_id;
    wn_attr *attrs;          /* start tags: duplicate names already dropped */
    uint32_t nattrs;
    wn_str data;             /* comment text, or character data */
} wn_token;

/* Tokenizer states the tree builder may switch to (spec names). */
typedef enum wn_tok_state {
    WN_TOKST_DATA = 0,
    WN_TOKST_RCDATA,
    WN_TOKST_RAWTEXT,
    WN_TOKST_SCRIPT_DATA,
    WN_TOKST_PLAINTEXT,
    WN_TOKST_CDATA_SECTION
    /* further states are private to tokenizer.c */
} wn_tok_state;

/* Receives each token. Return 0 to go on, non-zero to stop tokenizing (that value
 * is returned by wn_tokenizer_feed/finish). */
typedef int (*wn_token_fn)(void *ctx, wn_token *tok);

typedef struct wn_tokenizer wn_tokenizer;

/* max_attrs: attributes beyond it are dropped (0 = no limit).
 * limit: cap on the bytes one token's strings receive (tag and attribute names
 * and values, comment, DOCTYPE fields; not character data), 0 = none. Beyond
 * it, feed/finish return -1. NULL only when out of memory. */
wn_tokenizer *wn_tokenizer_new(wn_token_fn emit, void *ctx, uint32_t max_attrs, size_t limit);
void wn_tokenizer_free(wn_tokenizer *t);

/* Called by the tree builder (or tests) between tokens. */
void wn_tokenizer_set_state(wn_tokenizer *t, wn_tok_state st);
void wn_tokenizer_set_last_start_tag(wn_tokenizer *t, const char *name, size_t n);
/* Whether the adjusted current node is in a foreign namespace: decides if
 * "<![CDATA[" opens a CDATA section or a bogus comment. */
void wn_tokenizer_set_foreign(wn_tokenizer *t, bool foreign);

/* Feed UTF-8 bytes (any chunk size: the tokens, WN_TOK_CHARS boundaries
 * included, are the same as for the whole input in one call). Returns 0, the
 * callback's non-zero value, or -1 when the limit was exceeded or memory ran
 * out; the result is sticky. */
int wn_tokenizer_feed(wn_tokenizer *t, const char *p, size_t n);
/* Promise that the bytes in [p, p + n) stay valid and unchanged until the last
 * token has been handled (the tree builder parses one buffer it owns): token
 * strings in it stay slices of it, also across feeds and CRLF line ends,
 * instead of being copied. Chunks fed from elsewhere are treated as before. */
void wn_tokenizer_set_stable(wn_tokenizer *t, const char *p, size_t n);
/* End of input: flushes pending state, emits WN_TOK_EOF. Same return values. */
int wn_tokenizer_finish(wn_tokenizer *t);

size_t wn_tokenizer_errors(const wn_tokenizer *t);   /* parse errors seen so far */

/* Named character references (entities.c): exact match of `name` (no "&";
 * the trailing ";" is part of the name when present). Returns the UTF-8
 * replacement (static, *tlen bytes) or NULL. */
const char *wn_entity_lookup(const char *name, size_t n, size_t *tlen);
#define WN_ENTITY_MAX_NAME 32   /* longest name, ";" included */
#define WN_ENTITY_LEGACY_MAX 6  /* longest name that may appear without ";" */

#endif
