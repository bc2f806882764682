/*
 * type_list.c: collection and listing pages (a shop's grid, an index of
 * stories, a catalogue, search results). There the repeated items are the
 * content: every card's title, summary, price or date, not the one card the
 * article scorer would pick. So the article is the page's main region whole
 * (<main> or role=main, else the body), less its chrome: navigation, banners
 * and footers, filter and sort forms, pagination, breadcrumbs, cookie and
 * newsletter boxes. Runs after a walk with no name filtering (wn_walk with
 * attempt flags 0), on the shared side arrays; called from content.c.
 */
#include <string.h>

#include "extract/content/content_internal.h"
#include "extract/content/type_rules.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/wordset.h"

static wn_wordset ws_chrome = WN_WORDSET(wn_lex_list_chrome);
static wn_wordset ws_control = WN_WORDSET(wn_lex_list_control);
static wn_wordset ws_rail = WN_WORDSET(wn_lex_service_rail);

/* Whether x's role is one of a lexicon role's words (with bits: one that
 * carries a bit of want), ASCII case aside. */
static bool role_is(const wn_node *x, const char *const *roles, const unsigned short *bits,
                    unsigned want)
{
    wn_str r = wn_dom_attr_value(x, "role");
    if (r.n == 0)
        return false;
    for (size_t k = 0; roles[k]; k++)
        if ((bits == NULL || (bits[k] & want)) && wn_str_ieq(r, roles[k]))
            return true;
    return false;
}

/* The main region: the <main> (or role=main) with the most text, when it
 * holds enough of the page; else the body. */
static wn_node *main_region(wn_cctx *c)
{
    wn_node *best = NULL;
    for (uint32_t i = 0; i < c->norder; i++) {
        wn_node *x = c->order[i];
        if (x->type != WN_NODE_ELEMENT || (c->nf[x->id] & CN_IGNORED))
            continue;
        if (!wn_is_html(x, WN_TAG_MAIN) && !role_is(x, wn_lex_main_role, NULL, 0))
            continue;
        if (best == NULL || wn_st(c, x)->text > wn_st(c, best)->text)
            best = x;
    }
    wn_node *body = c->body;
    if (best && body && wn_st(c, best)->text * WN_TUNE.list.main_share_den >=
                            wn_st(c, body)->text * WN_TUNE.list.main_share_num)
        return best;
    return body;
}

/* A filter panel, a sort bar or a pager is links, labels and inputs. A block
 * named like one (wn_lex_list_control) that holds prose (long, few links,
 * no inputs) is content under an odd name: a buying guide in a facet row.
 * Other chrome names (cookie, newsletter, modal, feedback) hold prose by
 * nature and never pass. */
static bool named_chrome_is_prose(const wn_cctx *c, const wn_node *x, unsigned v)
{
    const wn_cstat *s = wn_st(c, x);
    if ((v & VC_BOILER) || s->input > 0 || s->text < WN_TUNE.list.chrome_prose_min_chars ||
        !wn_wordset_names_hit(&ws_control, x))
        return false;
    return wn_link_density(c, x) < wn_ld_limit(c, WN_TUNE.list.chrome_prose) && wn_is_prose(c, x);
}

/* A service page's sections are prose, and a product page's parts describe
 * the product; a block of either that is mostly links (a menu no tag gives
 * away, "other services" cards, a rail of other products' cards under no
 * rail name) is not, unless it holds most of the region. Lists and grids are
 * made of links: this is for service and product pages only (on wcxb-dev
 * product +0.004, listing and service level). */
static bool is_link_block(const wn_cctx *c, const wn_node *x, uint32_t root_text)
{
    const wn_cstat *s = wn_st(c, x);
    if (!wn_is_block_tag(x->tag) || (uint64_t)s->text * SERVICE_LINKS_MAX_SHARE_DEN >= root_text)
        return false;
    return s->a > 0 && s->text < s->a * SERVICE_LINKS_MAX_LABEL &&
           wn_link_density(c, x) > SERVICE_LINKS_MIN_LD;
}

static const wn_node *elem_sibling(const wn_node *x, bool forward)
{
    do
        x = forward ? x->next : x->prev;
    while (x && x->type != WN_NODE_ELEMENT);
    return x;
}

/* Items are small parts of the region: the columns of the page's layout
 * (a wide one with the list, narrow ones with the menus) are not items. */
static bool small_part(const wn_cctx *c, const wn_node *x, uint32_t root_text)
{
    return (uint64_t)wn_st(c, x)->text * WN_TUNE.list.item_share_den <= root_text;
}

/* An item of the list: one of a run of alike element siblings (a card of the
 * grid, a row of the index). Its parts are the content whatever their names
 * ("card__footer" holds the date, "subscription-eligible" marks a product),
 * so only tags and roles drop them. */
/* The first word of x's class, digits left out, into out (at most cap bytes);
 * returns its length. */
static size_t class_kind(const wn_node *x, char *out, size_t cap)
{
    wn_str v = wn_dom_attr_value(x, "class");
    size_t i = 0, n = 0;
    while (i < v.n && wn_is_space((unsigned char)v.p[i]))
        i++;
    for (; i < v.n && n < cap && !wn_is_space((unsigned char)v.p[i]); i++)
        if (v.p[i] < '0' || v.p[i] > '9')
            out[n++] = v.p[i];
    return n;
}

/* Siblings of one kind: the same tag and the same first class word, digits
 * aside, so a blog's "post-1021" and "post-988" are items of one list. */
static bool item_alike(const wn_node *a, const wn_node *b)
{
    char ka[64], kb[64];
    if (a->tag != b->tag || a->tag == WN_TAG_UNKNOWN)
        return false;
    size_t na = class_kind(a, ka, sizeof ka), nb = class_kind(b, kb, sizeof kb);
    return na == nb && memcmp(ka, kb, na) == 0;
}

static bool is_item(const wn_cctx *c, const wn_node *x, uint32_t root_text)
{
    /* Items are boxes; alike paragraphs or headings are a story's. */
    if (x->ns != WN_NS_HTML || (x->tag != WN_TAG_LI && x->tag != WN_TAG_DIV &&
                                x->tag != WN_TAG_ARTICLE && x->tag != WN_TAG_SECTION &&
                                x->tag != WN_TAG_TR))
        return false;
    if (!small_part(c, x, root_text))
        return false;
    uint32_t run = 1;
    for (const wn_node *s = elem_sibling(x, false);
         s && run < WN_TUNE.list.item_run && item_alike(s, x) && small_part(c, s, root_text);
         s = elem_sibling(s, false))
        run++;
    for (const wn_node *s = elem_sibling(x, true);
         s && run < WN_TUNE.list.item_run && item_alike(s, x) && small_part(c, s, root_text);
         s = elem_sibling(s, true))
        run++;
    return run >= WN_TUNE.list.item_run;
}

/* A service page names its sections by their layout: the hero is a
 * "banner", each section's opening a "header". Such a block that reads as
 * prose with few links is the page's content; a page header or a footer is
 * made of links. A collection's or listing's "header" holding the category's
 * introduction is the same. */
static bool service_named_prose(const wn_cctx *c, const wn_node *x)
{
    return (c->pt->type == WN_PAGE_SERVICE || c->pt->type == WN_PAGE_COLLECTION ||
            c->pt->type == WN_PAGE_LISTING) &&
           wn_link_density(c, x) < wn_ld_limit(c, WN_TUNE.service.named_prose) && wn_is_prose(c, x);
}

/* A collection's or listing's grid sits in a block whose name comes from
 * the layout around it ("off-canvas-wrap", "skip-link-target", "filtering-
 * and-pagination"): a block named like chrome that holds a large share of
 * the region wraps the list rather than sitting beside it. (A service page
 * whose wrapper is so named does better on the article path its empty
 * region falls back to.) */
static bool list_wrapper(const wn_cctx *c, const wn_node *x, uint32_t root_text)
{
    return (c->pt->type == WN_PAGE_COLLECTION || c->pt->type == WN_PAGE_LISTING) &&
           (uint64_t)wn_st(c, x)->text * WN_TUNE.list.wrapper_share_den > root_text;
}

/* Whether x's class holds a reader_only_class token (shown to screen
 * readers only), ASCII case aside. */
static bool reader_only(const wn_node *x)
{
    wn_str cl = wn_dom_attr_value(x, "class"), word;
    size_t pos = 0;
    while (wn_str_next_word(cl, &pos, &word))
        for (size_t k = 0; wn_lex_reader_only_class[k]; k++)
            if (wn_str_ieq(word, wn_lex_reader_only_class[k]))
                return true;
    return false;
}

/* A short reader-only element whose text holds no digit: a spoken label
 * ("Sale price"), not a spoken value ("Current price is: 21.00", which some
 * shops give only so, the shown price being hidden from readers). */
static bool reader_label(const wn_cctx *c, const wn_node *x)
{
    if (x->nattrs == 0 || wn_st(c, x)->text > WN_TUNE.list.reader_label_max_chars || !reader_only(x))
        return false;
    for (const wn_node *t = x; t; t = wn_dom_next(x, t, false))
        if (t->type == WN_NODE_TEXT)
            for (size_t i = 0; i < t->text.n; i++)
                if (t->text.p[i] >= '0' && t->text.p[i] <= '9')
                    return false;
    return true;
}

/* The reasons list_chrome gives for keeping a block that a rule of page
 * chrome would have dropped. */
static bool keep_reason(uint8_t why)
{
    return why == WHY_WRAPS_LIST || why == WHY_CARD_HEAD;
}

/* A documentation page opens its main region with a block named by its
 * layout ("page-header": no negative name such as footer or related) that
 * holds the title, a prev/next bar and the introduction before the first
 * section. Reading as prose, it stays; its bars go by their own names. */
static bool docs_named_head(const wn_cctx *c, const wn_node *x, unsigned v)
{
    return c->pt->type == WN_PAGE_DOCUMENTATION && !(v & VC_NEG) &&
           wn_link_density(c, x) < wn_ld_limit(c, WN_TUNE.docs.named_head) && wn_is_prose(c, x);
}

/* Whether x lies within a few levels of an element with one of the tags. */
static bool near_tag(const wn_node *x, uint16_t first, uint16_t last)
{
    int depth = 0;
    for (const wn_node *a = x->parent; a && depth < WN_TUNE.walk.table_levels; a = a->parent, depth++)
        if (a->type == WN_NODE_ELEMENT && a->ns == WN_NS_HTML && a->tag >= first && a->tag <= last)
            return true;
    return false;
}

/* Whether x holds a letter or a digit (ASCII or any non-ASCII byte): a
 * heading's anchor mark ("#", a pilcrow) holds neither. */
static bool has_word_char(const wn_node *x)
{
    for (const wn_node *t = x; t; t = wn_dom_next(x, t, false)) {
        if (t->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < t->text.n; i++) {
            unsigned char ch = (unsigned char)t->text.p[i];
            if ((ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
                return true;
        }
    }
    return false;
}

/* Names that style text, not a part of the page: inside a code block a
 * highlighter names its spans by token kind ("comment", "meta"); inside a
 * heading the link that holds its words is named for the heading
 * ("header", "toc-backref"). Neither drops by its name. */
static bool names_style_text(const wn_node *x)
{
    if (near_tag(x, WN_TAG_CODE, WN_TAG_CODE) || near_tag(x, WN_TAG_PRE, WN_TAG_PRE))
        return true;
    return near_tag(x, WN_TAG_H1, WN_TAG_H6) && has_word_char(x);
}

/* Is x chrome of a list page? Returns the reason, or WHY_NONE, or a reason
 * to keep it (keep_reason). in_item: x is an item of the list or inside one
 * (names do not drop it). */
static uint8_t list_chrome(wn_cctx *c, const wn_node *x, uint32_t root_text, bool in_item)
{
    const wn_cstat *s = wn_st(c, x);
    switch (x->tag) {
    case WN_TAG_NAV: case WN_TAG_ASIDE:
        return WHY_TAG;
    case WN_TAG_HEADER: case WN_TAG_FOOTER:
        /* A card's own header holds its title link (and its author's, its
         * comment count's); the page's holds menus. */
        if (s->li > 0 || s->a >= (in_item ? WN_TUNE.list.item_chrome_links : WN_TUNE.list.chrome_links))
            return WHY_TAG;
        if (in_item && s->a >= WN_TUNE.list.chrome_links)
            return WHY_CARD_HEAD;
        break;
    case WN_TAG_FORM: case WN_TAG_FIELDSET:
        /* Filter and sort forms, not a form that wraps the whole page. */
        if ((uint64_t)s->text * WN_TUNE.list.form_share_div < root_text)
            return WHY_INPUTS;
        break;
    default:
        break;
    }
    if ((c->pt->type == WN_PAGE_SERVICE || c->pt->type == WN_PAGE_PRODUCT) &&
        is_link_block(c, x, root_text))
        return WHY_LINKS;
    if (x->nattrs == 0)
        return WHY_NONE;
    if (role_is(x, wn_lex_chrome_role, wn_lex_chrome_role_bits, WN_LEX_CHROME_ROLE_LIST))
        return WHY_ROLE;
    if (in_item)   /* a card's spoken labels ("Sale price") are no part of its text */
        return reader_label(c, x) ? WHY_HIDDEN : WHY_NONE;
    if (names_style_text(x))
        return WHY_NONE;
    unsigned v = wn_vc(c, x);
    if (wn_wordset_names_hit(&ws_chrome, x) && !named_chrome_is_prose(c, x, v))
        return list_wrapper(c, x, root_text) ? WHY_WRAPS_LIST : WHY_BOILER;
    /* A service page's rail of its latest posts or insights points to other
     * pages, however much of a summary each card shows. */
    if (c->pt->type == WN_PAGE_SERVICE && wn_wordset_names_hit(&ws_rail, x) &&
        (uint64_t)s->text * WN_TUNE.service.rail_share_den < root_text)
        return WHY_TEASER;
    if ((v & VC_BOILER) && s->text * WN_TUNE.list.boiler_share_den < root_text)
        return WHY_BOILER;
    if ((v & VC_UNLIKELY) && !(v & VC_MAYBE) &&
        (uint64_t)s->text * WN_TUNE.list.unlikely_share_den < root_text &&
        !service_named_prose(c, x) && !docs_named_head(c, x, v))
        return WHY_UNLIKELY;
    return WHY_NONE;
}

/* The end (exclusive) of x's subtree in order[]. */
static uint32_t subtree_end(const wn_cctx *c, const wn_node *x)
{
    uint32_t end = c->pos[x->id] + 1;
    while (end < c->norder && wn_depth(c, c->order[end]) > wn_depth(c, x))
        end++;
    return end;
}

uint32_t wn_type_list_estimate(wn_cctx *c, bool links_out)
{
    wn_node *root = main_region(c);
    if (root == NULL || !(c->nf[root->id] & CN_VISITED))
        return 0;
    const wn_cstat *rs = wn_st(c, root);
    uint64_t text = rs->text, link = rs->link10 / 10;
    uint32_t end = subtree_end(c, root);
    uint64_t teasers = 0;
    c->region_teasers = 0;
    for (uint32_t i = c->pos[root->id] + 1; i < end; i++) {
        wn_node *x = c->order[i];
        /* A link this long wraps a teaser whole (its title and summary): a
         * menu's labels are a few words. */
        if (wn_is_html(x, WN_TAG_A) && wn_st(c, x)->text >= WN_TUNE.list.teaser_link_chars) {
            teasers += wn_st(c, x)->text;
            i = subtree_end(c, x) - 1;
            continue;
        }
        if (x->type != WN_NODE_ELEMENT)
            continue;
        uint8_t why = list_chrome(c, x, rs->text, false);
        if (why == WHY_NONE || keep_reason(why))
            continue;
        const wn_cstat *xs = wn_st(c, x);
        uint64_t xlink = xs->link10 / 10;   /* link10 is link text times ten */
        text -= xs->text;
        link -= xlink < link ? xlink : link;
        i = subtree_end(c, x) - 1;   /* its inner blocks are gone with it */
    }
    if (text < WN_TUNE.list.min_chars)
        return 0;
    c->region_teasers = (uint32_t)(teasers < link ? teasers : link);
    return (uint32_t)(links_out ? (text > link ? text - link : 0) : text);
}

/* Prose outside the <main>: a category's description or buying guide that
 * the page sets after (or before) the <main> holding the grid. A block of
 * its own, long, link-poor, reading as prose and no chrome. */
static bool prose_beside(wn_cctx *c, const wn_node *x, uint32_t root_text)
{
    if (x->type != WN_NODE_ELEMENT || !(c->nf[x->id] & CN_VISITED) ||
        (c->nf[x->id] & CN_IGNORED) || !wn_is_block_tag(x->tag))
        return false;
    const wn_cstat *s = wn_st(c, x);
    /* Paragraphs of its own: a bare run of text (a font probe, an ad bait) is no guide. */
    if (s->text < WN_TUNE.list.beside_min_chars || s->input > 0 || s->p == 0 ||
        wn_link_density(c, x) >= wn_ld_limit(c, WN_TUNE.list.chrome_prose) ||
        list_chrome(c, x, root_text, false) != WHY_NONE)   /* beside main, nothing wraps the list */
        return false;
    return wn_is_prose(c, x);
}

/* The region grows from its <main> to the ancestor (up to the body) whose
 * children hold prose beside it; that prose is marked CN_JOINED. Returns the
 * region's new root (main when there is none). */
static wn_node *widen_to_prose(wn_cctx *c, wn_node *main)
{
    wn_node *top = main;
    uint32_t main_text = wn_st(c, main)->text;
    for (wn_node *a = main->parent; a && a != c->body->parent; a = a->parent) {
        for (wn_node *ch = a->first; ch; ch = ch->next) {
            /* The child on the way down to main is CN_KEEP already. */
            if ((c->nf[ch->id] & CN_KEEP) || !prose_beside(c, ch, main_text))
                continue;
            c->nf[ch->id] |= CN_JOINED;
            top = a;
        }
        c->nf[a->id] |= CN_KEEP;   /* main's ancestors are never dropped */
    }
    return top;
}

bool wn_type_list_choose(wn_cctx *c)
{
    wn_node *root = main_region(c);
    if (root == NULL || wn_st(c, root)->text < WN_TUNE.list.min_chars)
        return false;
    wn_node *main = root;
    uint32_t root_text = wn_st(c, main)->text, item_end = 0;
    c->nf[main->id] |= CN_KEEP;
    if (main != c->body && c->body && (c->pt->type == WN_PAGE_COLLECTION || c->pt->type == WN_PAGE_LISTING))
        root = widen_to_prose(c, main);
    c->root = c->top = root;
    c->nf[root->id] |= CN_KEEP;
    for (wn_node *p = root->parent; p; p = p->parent)
        c->nf[p->id] |= CN_KEEP;
    /* Collections and listings are made of items; a service or docs page's
     * alike boxes are sections, judged by their names as before. */
    bool items = c->pt->type == WN_PAGE_COLLECTION || c->pt->type == WN_PAGE_LISTING;
    uint32_t start = c->pos[root->id], end = start + 1;
    while (end < c->norder && wn_depth(c, c->order[end]) > wn_depth(c, root))
        end++;
    for (uint32_t i = start + 1; i < end; i++) {
        wn_node *x = c->order[i];
        if (c->nf[x->parent->id] & (CN_DROPPED | CN_GONE | CN_IGNORED)) {
            c->nf[x->id] |= CN_GONE;
            continue;
        }
        /* Beside the way from a widened root down to main only the prose stays. */
        if (root != main && wn_depth(c, x) <= wn_depth(c, main) &&
            (c->nf[x->parent->id] & CN_KEEP) && !(c->nf[x->id] & (CN_KEEP | CN_JOINED))) {
            wn_drop(c, x, WHY_OUTSIDE);
            continue;
        }
        if (x->type != WN_NODE_ELEMENT || (c->nf[x->id] & CN_IGNORED))
            continue;
        if (c->nf[x->id] & CN_KEEP) {   /* main and the way up to it */
            if (x->ns == WN_NS_HTML && (x->tag == WN_TAG_FORM || x->tag == WN_TAG_FIELDSET))
                x->flags |= WN_NODE_FLAG_KEEP_FORM;
            continue;
        }
        if (items && i >= item_end && is_item(c, x, root_text))
            item_end = subtree_end(c, x);
        uint8_t why = list_chrome(c, x, root_text, i < item_end);
        /* A documentation page's notes about itself (last change, edit and
         * feedback links, licence) go when short. */
        if (why == WHY_NONE && c->pt->type == WN_PAGE_DOCUMENTATION &&
            wn_st(c, x)->text < WN_TUNE.docs.note_max_chars && wn_st(c, x)->text > 0 &&
            wn_page_note(c, x))
            why = WHY_PAGE_NOTE;
        if (why != WHY_NONE && !keep_reason(why)) {
            wn_drop(c, x, why);
            continue;
        }
        c->why[x->id] = why;   /* WHY_NONE, or why --explain says it was kept */
        if (x->ns == WN_NS_HTML && (x->tag == WN_TAG_FORM || x->tag == WN_TAG_FIELDSET))
            /* Not a filter or sort form: one that wraps the list (a page
             * built as one form) is copied, its controls aside. */
            x->flags |= WN_NODE_FLAG_KEEP_FORM;
    }
    /* A documentation page's version picker or language menu above its text. */
    if (c->pt->type == WN_PAGE_DOCUMENTATION)
        wn_trim_leading_links(c);
    return wn_st(c, root)->text >= WN_TUNE.list.min_chars;
}
