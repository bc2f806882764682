/*
 * type_docs.c: documentation pages. Their body is the content with its code
 * blocks and tables; the main region (type_list.c) already leaves out the
 * sidebars, tables of contents, edit links and prev/next links. What the
 * region alone misses:
 *
 *  - tabbed examples: the same step shown for several languages or systems,
 *    one tab panel visible and the others hidden until a tab is clicked. Each
 *    panel is part of the page's text, so on a page classified as
 *    documentation a hidden element that is a tab panel (ARIA role tabpanel)
 *    is read like a visible one.
 */
#include "extract/content/content_internal.h"
#include "extract/pagetype/pagetype.h"

bool wn_docs_shows_hidden(const wn_cctx *c, const wn_elattrs *at)
{
    return c->pt != NULL && c->pt->type == WN_PAGE_DOCUMENTATION && at->role.n &&
           wn_str_ieq(at->role, "tabpanel");
}
