/*
 * article.c: one entry point for a whole article in any format. Text and
 * Markdown share one line writer for the article and its comments, so the
 * separator between them is exactly one blank line on each side.
 */
#include "render/render.h"
#include "render/render_internal.h"

wn_status wn_render_article(const wn_article *a, wn_format fmt, unsigned flags, wn_sink_fn sink,
                            void *ctx)
{
    wn_out out;
    wn_lw lw;
    bool md = fmt == WN_FMT_MARKDOWN;

    if (a == NULL || sink == NULL)
        return WN_ERR_ARG;
    if (fmt == WN_FMT_JSON)
        return wn_render_json(a, flags, sink, ctx);
    if (fmt == WN_FMT_HTML)
        return wn_render_html_document(a, flags, sink, ctx);
    if (fmt != WN_FMT_TEXT && !md)
        return WN_ERR_ARG;

    wn_out_init(&out, sink, ctx);
    wn_lw_init(&lw, &out, md);
    if (a->body)
        (md ? wn_md_fragment : wn_text_fragment)(&lw, a->body, flags);
    if ((flags & WN_RENDER_COMMENTS) && a->comments && a->comments->first) {
        /* A heading of their own, so that a reader (or a corpus filter) can
         * always tell the comments from the article. */
        wn_lw_block(&lw, 2);
        wn_lw_line(&lw, md ? "## Comments" : "Comments", md ? 11 : 8);
        wn_lw_block(&lw, 2);
        (md ? wn_md_fragment : wn_text_fragment)(&lw, a->comments, flags);
    }
    wn_lw_finish(&lw);
    return wn_out_finish(&out);
}
