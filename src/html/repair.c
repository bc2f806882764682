/*
 * repair.c: repairs of a parsed tree for reading, where parsing as the
 * standard says (scripting off) gives a tree unlike what browsers show.
 * Extraction applies them; the parser's own output stays conformant.
 */
#include "html/parser.h"

/* Browsers run with scripting on, so <noscript> holds raw text up to the
 * first </noscript>. The parser runs with scripting off (noscript images
 * become elements), and there an element left open inside the noscript
 * ("<noscript><div id=nojs></noscript>") keeps it open to the end of the page:
 * the whole page would be dropped with it. A noscript holding more than half
 * of the document's nodes is such a case, and its children take its place. */
void wn_html_unwrap_swallowing_noscript(wn_doc *d)
{
    size_t visited = 0;
    for (wn_node *x = d->root; x && visited < d->node_count; visited++) {
        bool skip = false;
        if (wn_is_html(x, WN_TAG_NOSCRIPT)) {
            const wn_node *last = wn_dom_last_descendant(x, 4096);
            if (last->id > x->id && (size_t)(last->id - x->id) * 2 > d->node_count) {
                wn_node *parent = x->parent, *first = x->first;
                wn_node *next = wn_dom_next(d->root, x, true);
                while (x->first)
                    wn_dom_insert_before(parent, x->first, x);
                wn_dom_remove(x);
                x = first ? first : next;   /* go on inside what it held */
                continue;
            }
            skip = true;   /* a small noscript: nothing inside can be large */
        }
        x = wn_dom_next(d->root, x, skip);
    }
}
