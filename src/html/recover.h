/*
 * recover.h: whole-page recoveries run between parsing and extraction.
 */
#ifndef WN_HTML_RECOVER_H
#define WN_HTML_RECOVER_H

#include <stddef.h>

#include "winnow.h"
#include "dom/dom.h"

/* A page whose <title> is never closed parses (as the standard says) into a
 * title holding the rest of the page and an empty body. When page looks so
 * (no text in the body, markup in the title), parse html again with the
 * title ended at its first tag and return that document; *bytes then owns the
 * corrected input, which the document references: free it after the
 * document. NULL (and *bytes NULL) when the page needs no recovery or the
 * second parse fails. */
wn_doc *wn_recover_unclosed_title(const wn_doc *page, const char *html, size_t len,
                                  const wn_options *opt, char **bytes);

#endif
