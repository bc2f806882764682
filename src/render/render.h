/*
 * render.h: turn a cleaned article tree (see extract/clean.h) into text,
 * Markdown, JSON or HTML, writing through a sink. Renderers never recurse.
 */
#ifndef WN_RENDER_RENDER_H
#define WN_RENDER_RENDER_H

#include "winnow.h"
#include "core/buf.h"
#include "core/json.h"
#include "dom/dom.h"
#include "extract/article.h"

/* The whole article in any format, as wn_render (winnow.h) promises: with
 * WN_RENDER_COMMENTS, text and Markdown add the comments after a line
 * "Comments" / a heading "## Comments", with one blank line around it. */
wn_status wn_render_article(const wn_article *a, wn_format fmt, unsigned flags, wn_sink_fn sink,
                            void *ctx);

/* Plain text / Markdown of one cleaned fragment. flags: WN_RENDER_*. */
wn_status wn_render_text(const wn_node *frag, unsigned flags, wn_sink_fn sink, void *ctx);
wn_status wn_render_markdown(const wn_node *frag, unsigned flags, wn_sink_fn sink, void *ctx);
/* The <article> element alone (the JSON "html" field), with lang / dir from a
 * (may be NULL: none). */
wn_status wn_render_html(const wn_node *frag, const wn_article *a, unsigned flags,
                         wn_sink_fn sink, void *ctx);
/* wn_render(WN_FMT_HTML): a whole document around the article (and, with
 * WN_RENDER_COMMENTS, a comments section after it). */
wn_status wn_render_html_document(const wn_article *a, unsigned flags, wn_sink_fn sink,
                                  void *ctx);
/* The whole article as one JSON object (metadata + text, extras by flag). */
wn_status wn_render_json(const wn_article *a, unsigned flags, wn_sink_fn sink, void *ctx);

#endif
