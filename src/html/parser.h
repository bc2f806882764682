/*
 * parser.h: the whole HTML pipeline for one document: sniff + decode
 * (encoding.c) -> tokenize (tokenizer.c) -> tree construction (treebuilder.c).
 */
#ifndef WN_HTML_PARSER_H
#define WN_HTML_PARSER_H

#include <stddef.h>

#include "winnow.h"
#include "dom/dom.h"

/* fragment_context: NULL for a whole document, else "td", "svg path", "math mi".
 * Returns a new document (free with wn_doc_free) or NULL with *err set. */
wn_doc *wn_html_parse(const char *bytes, size_t n, const wn_options *opt,
                      const char *fragment_context, wn_error *err);

/* Tree construction over already-decoded UTF-8 (used by wn_html_parse and the
 * benchmark). d is a fresh document from wn_doc_new(). Returns WN_OK or an error. */
wn_status wn_html_build_tree(wn_doc *d, const char *utf8, size_t n, const wn_options *opt,
                             const char *fragment_context, wn_error *err);

/* The same, with the input fed to the tokenizer chunk bytes at a time (0 = whole).
 * The result must not depend on chunk: the conformance runner checks chunk = 1. */
wn_status wn_html_build_tree_chunked(wn_doc *d, const char *utf8, size_t n, size_t chunk,
                                     const wn_options *opt, const char *fragment_context,
                                     wn_error *err);

/* repair.c: the tree as browsers show it, in one walk: a <noscript> that
 * swallowed most of the page (an element left open inside it) is replaced by
 * its children, and parts a streaming server sent late, in hidden
 * <div id="S:n"> that a script moves into <template id="B:n"> placeholders,
 * are moved there. Returns how many such parts were placed. */
size_t wn_html_repair(wn_doc *d);

/* Writes the tree in the html5lib-tests format, one "| " line per node. */
wn_status wn_html_dump_tree(const wn_doc *d, wn_sink_fn sink, void *ctx);

#endif
