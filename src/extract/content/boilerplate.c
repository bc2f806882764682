/*
 * boilerplate.c: what is not article inside the chosen container: credit
 * and origin lines, datelines, "read also" links, teaser runs, orphan
 * headings. Each test flags blocks CN_DROPPED through wn_drop (prune.c).
 */
#include <string.h>

#include "extract/content/content_internal.h"
#include "extract/signals/lexicon_data.h"

/* MARK: Extra boilerplate ------------------------------------------------------ */

static bool is_heading(const wn_node *x)
{
    return x->type == WN_NODE_ELEMENT && x->tag >= WN_TAG_H1 && x->tag <= WN_TAG_H6;
}

/* Text blocks for edge trimming: elements whose content is one run of prose. */
static bool is_leaf_block(const wn_cctx *c, const wn_node *x)
{
    switch (x->tag) {
    case WN_TAG_P: case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4:
    case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_LI: case WN_TAG_PRE: case WN_TAG_DT:
    case WN_TAG_DD: case WN_TAG_FIGCAPTION: case WN_TAG_CAPTION: case WN_TAG_TD:
    case WN_TAG_TH: case WN_TAG_ADDRESS:
        return true;
    case WN_TAG_DIV: case WN_TAG_SECTION: case WN_TAG_SPAN: case WN_TAG_BLOCKQUOTE:
    case WN_TAG_HEADER: case WN_TAG_FOOTER: case WN_TAG_CENTER: case WN_TAG_FONT:
    case WN_TAG_TIME: case WN_TAG_A: case WN_TAG_STRONG: case WN_TAG_B: case WN_TAG_EM:
    case WN_TAG_I: case WN_TAG_SMALL:
        return !(c->nf[x->id] & CN_BLOCKDESC);
    default:
        return false;
    }
}

/* Stop words of a block (counted on demand: only edge blocks need them). */
static uint32_t count_stops(const wn_cctx *c, const wn_node *b)
{
    uint32_t stops = 0;
    for (const wn_node *x = b; x; ) {
        bool skip = x != b && (c->nf[x->id] & (CN_DROPPED | CN_IGNORED));
        if (!skip && x->type == WN_NODE_TEXT) {
            const char *p = x->text.p, *e = p + x->text.n;
            while (p < e) {
                while (p < e && !((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
                                  (*p >= 'A' && *p <= 'Z')))
                    p++;
                const char *w = p;
                while (p < e && ((unsigned char)*p >= 0x80 || (*p >= 'a' && *p <= 'z') ||
                                 (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9')))
                    p++;
                if (p > w) {
                    /* CJK runs: look at each character instead of the run. */
                    if ((unsigned char)w[0] >= 0xE3 && (unsigned char)w[0] <= 0xE9) {
                        for (const char *q = w; q + 2 < p; q += 3) {
                            uint32_t cp = ((uint32_t)(q[0] & 0x0F) << 12) |
                                          ((uint32_t)(q[1] & 0x3F) << 6) | (uint32_t)(q[2] & 0x3F);
                            stops += wn_is_cjk_stop(cp);
                        }
                    } else {
                        stops += wn_is_stopword(w, (size_t)(p - w));
                    }
                }
            }
        }
        x = wn_dom_next(b, x, skip);
    }
    return stops;
}

/* The text of block b as the phrase checks below read it: lowercased (ASCII),
 * runs of white space, no-break spaces included, as one space, no leading
 * space, at most cap bytes. skip_dropped also leaves out the text of dropped
 * or ignored elements inside b, not only dropped text nodes. */
static size_t block_text(const wn_cctx *c, const wn_node *b, char *buf, size_t cap,
                         bool skip_dropped)
{
    size_t n = 0;
    bool space = false;
    for (const wn_node *x = b; x && n < cap;
         x = wn_dom_next(b, x, skip_dropped && x != b &&
                                   (c->nf[x->id] & (CN_DROPPED | CN_IGNORED)))) {
        if (x->type != WN_NODE_TEXT || (c->nf[x->id] & (CN_DROPPED | CN_IGNORED)))
            continue;
        const unsigned char *t = (const unsigned char *)x->text.p;
        for (size_t i = 0; i < x->text.n && n < cap; i++) {
            if (wn_is_space(t[i]) || (t[i] == 0xC2 && i + 1 < x->text.n && t[i + 1] == 0xA0)) {
                i += t[i] == 0xC2;
                space = n > 0;
                continue;
            }
            if (space)
                buf[n++] = ' ';
            space = false;
            if (n < cap)
                buf[n++] = wn_ascii_lower((char)t[i]);
        }
    }
    return n;
}

/* Credit, source and date lines: "© Agency", "Photo: X", "Quelle: Y",
 * "Updated: 3 May", "12.05.2021". The labels are the lexicon's credit_label
 * words marked LINE: the common caption/source labels of the nine stop-word
 * languages. */
static bool credit_line(const wn_cctx *c, const wn_node *b)
{
    char head[40];
    size_t n = block_text(c, b, head, sizeof head, false), letters = 0, other = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)head[i];
        if (ch == ' ')
            continue;
        if ((ch >= 'a' && ch <= 'z') || ch >= 0x80)
            letters++;
        else
            other++;
    }
    if (n == 0)
        return false;
    if (n >= 2 && (unsigned char)head[0] == 0xC2 && (unsigned char)head[1] == 0xA9)
        return true;   /* U+00A9 COPYRIGHT SIGN */
    if (n >= 3 && memcmp(head, "(c)", 3) == 0)
        return true;
    /* Mostly digits and punctuation in a short line: a date or a time stamp. */
    if (wn_st(c, b)->text < WN_TUNE.boiler.date_line_chars && other > letters)
        return true;
    for (size_t k = 0; k < WN_LEX_CREDIT_LABEL_N; k++) {
        const char *label = wn_lex_credit_label[k];
        size_t m = wn_lex_credit_label_len[k];
        if (!(wn_lex_credit_label_bits[k] & WN_LEX_CREDIT_LABEL_LINE) || m >= n ||
            head[0] != label[0] || memcmp(head, label, m) != 0)
            continue;
        size_t q = m;
        if (q < n && head[q] == ' ')
            q++;
        if (q < n && head[q] == ':')
            return true;
    }
    return false;
}

/* A short caption that carries a photo credit somewhere in it: "The mayor at
 * the bridge. Photo: Jane Doe", "… (Foto: Agency)", "… © Agency". */
static bool has_credit(const wn_cctx *c, const wn_node *b, bool caption)
{
    char buf[256];
    size_t n = block_text(c, b, buf, sizeof buf, true), k = 0;
    /* Spaces before a colon are dropped: "Foto : X" reads "foto: x". */
    for (size_t i = 0; i < n; i++)
        if (!(buf[i] == ' ' && i + 1 < n && buf[i + 1] == ':'))
            buf[k++] = buf[i];
    n = k;
    /* Marks for captions only: there the picture agencies and "(c)" mark a
     * credit; in a paragraph "LONDON (Agency) -" or a list item "(c)" are text. */
    unsigned want = WN_LEX_CREDIT_MARK_ANYWHERE | (caption ? WN_LEX_CREDIT_MARK_CAPTION : 0);
    for (k = 0; k < WN_LEX_CREDIT_MARK_N; k++) {
        if ((wn_lex_credit_mark_bits[k] & want) &&
            wn_has_word_start_n(buf, n, wn_lex_credit_mark[k], wn_lex_credit_mark_len[k]))
            return true;
    }
    return false;
}

/* A republication note: "This article was originally published on X and is
 * republished here with permission", "Dieser Beitrag erschien zuerst bei Y",
 * in the common phrasings of English, German, French, Spanish, Portuguese,
 * Italian and Dutch. */
static bool origin_note(const wn_cctx *c, const wn_node *b)
{
    char buf[320];
    size_t n = block_text(c, b, buf, sizeof buf, true);
    for (size_t k = 0; k < WN_LEX_CLOSING_NOTE_N; k++)
        if (wn_has_word_start_n(buf, n, wn_lex_closing_note[k], wn_lex_closing_note_len[k]))
            return true;
    /* "Follow The Gazette on Twitter and Instagram": a call to follow that
     * names a social network */
    bool asks = false, names = false;
    for (size_t k = 0; k < WN_LEX_FOLLOW_CALL_N && !asks; k++)
        asks = wn_has_word_start_n(buf, n, wn_lex_follow_call[k], wn_lex_follow_call_len[k]);
    for (size_t k = 0; k < WN_LEX_SOCIAL_NETWORK_N && asks && !names; k++)
        names = wn_has_word_start_n(buf, n, wn_lex_social_network[k], wn_lex_social_network_len[k]);
    return asks && names;
}

/* A date stamp above the text, as an article's <header> carries it:
 * "Published 3 May 2021, updated 12:02", "Pubblicato il 19 Febbraio 2020",
 * "Ver\u00f6ffentlicht am 02.05.2022". A label, then a digit. */
static bool dateline(const wn_cctx *c, const wn_node *b)
{
    char buf[128];
    size_t n = 0;
    bool space = false, digit = false;
    for (const wn_node *x = b; x && n < sizeof buf;
         x = wn_dom_next(b, x, x != b && (c->nf[x->id] & (CN_DROPPED | CN_IGNORED)))) {
        if (x->type != WN_NODE_TEXT || (c->nf[x->id] & (CN_DROPPED | CN_IGNORED)))
            continue;
        for (size_t i = 0; i < x->text.n && n < sizeof buf; i++) {
            unsigned char ch = (unsigned char)x->text.p[i];
            if (wn_is_space(ch)) {
                space = n > 0;
                continue;
            }
            if (space && n < sizeof buf)
                buf[n++] = ' ';
            space = false;
            if (ch >= '0' && ch <= '9')
                digit = true;
            if (n < sizeof buf)
                buf[n++] = wn_ascii_lower((char)ch);
        }
    }
    if (!digit)
        return false;
    for (size_t k = 0; k < WN_LEX_DATE_LEADIN_N; k++) {
        size_t m = wn_lex_date_leadin_len[k];
        if ((wn_lex_date_leadin_bits[k] & WN_LEX_DATE_LEADIN_BLOCK) && m <= n &&
            memcmp(buf, wn_lex_date_leadin[k], m) == 0)
            return true;
    }
    return false;
}

/* Whether the class value holds one of the lexicon words (a NULL-terminated
 * role), ASCII case aside. */
static bool class_has(wn_str cl, const char *const *words)
{
    for (; *words; words++)
        if (wn_str_icontains(cl, *words))
            return true;
    return false;
}

/* An element named for the picture's credit (credit_class: "credit",
 * "photographer"...), or an author/byline name inside a caption. */
static bool credit_name(const wn_cctx *c, const wn_node *x)
{
    if (x->nattrs == 0 || !(c->nf[x->id] & CN_VISITED))
        return false;
    if (wn_vc(c, x) & VC_BYLINE)
        return true;
    wn_str cl = wn_dom_attr_value(x, "class");
    return class_has(cl, wn_lex_credit_class);
}

/* Inside a caption, an inline element that reads as a credit line
 * ("<span class=credit>Photo: Jane Doe</span>", "<small>© Agency</small>"):
 * the picture's label stays, the credit goes. */
static void drop_caption_credits(wn_cctx *c, wn_node *cap)
{
    for (wn_node *x = cap->first; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT) {
            if (c->nf[x->id] & (CN_DROPPED | CN_IGNORED)) {
                skip = true;
            } else if (wn_st(c, x)->text > 0 &&
                       wn_st(c, x)->text < WN_TUNE.boiler.caption_credit_chars &&
                       (credit_line(c, x) || credit_name(c, x))) {
                wn_drop(c, x, WHY_BOILER);
                skip = true;
            }
        }
        x = wn_dom_next(cap, x, skip);
    }
}

/* "Read also: …" and "You may also like" lines, in the nine languages: a
 * pointer to another page, whatever its link markup. */
static bool read_also_line(const wn_cctx *c, const wn_node *b)
{
    char head[48];
    size_t n = block_text(c, b, head, sizeof head, false);
    for (size_t k = 0; k < WN_LEX_READ_ALSO_LEAD_N; k++) {
        size_t m = wn_lex_read_also_lead_len[k];
        if (m <= n && head[0] == wn_lex_read_also_lead[k][0] &&
            memcmp(head, wn_lex_read_also_lead[k], m) == 0)
            return true;
    }
    return false;
}

/* A note about the page itself, not its subject: "Last updated: 3 May",
 * "Edit this page", "Was this page helpful?", "Except as otherwise noted,
 * the content of this page is licensed..." (page_note, at the block's start). */
bool wn_page_note(const wn_cctx *c, const wn_node *b)
{
    char head[48];
    size_t n = block_text(c, b, head, sizeof head, true);
    for (size_t k = 0; k < WN_LEX_PAGE_NOTE_N; k++) {
        size_t m = wn_lex_page_note_len[k];
        if (m <= n && head[0] == wn_lex_page_note[k][0] && memcmp(head, wn_lex_page_note[k], m) == 0)
            return true;
    }
    return false;
}

/* Whether the block's text names the article's (first) author: an author
 * box's portrait caption ("Written by Ann Lee"). */
static bool names_author(const wn_cctx *c, const wn_node *b)
{
    const char *a = c->meta ? c->meta->author : NULL;
    char buf[160], name[64];
    size_t n = 0, k = 0;
    if (a == NULL)
        return false;
    while (a[k] && a[k] != ';' && k < sizeof name - 1) {
        name[k] = wn_ascii_lower(a[k]);
        k++;
    }
    while (k > 0 && name[k - 1] == ' ')
        k--;
    name[k] = '\0';
    if (k < WN_TUNE.boiler.name_min_bytes)
        return false;
    n = block_text(c, b, buf, sizeof buf, true);
    return wn_has_word_start(buf, n, name);
}

/* The <figcaption> of a figure that shows a picture, saying something of its
 * own: not links, not an ad label or a "read also" pointer, not a credit line
 * or a byline, not a label that introduces what follows ("Hosting provided
 * by:" above a sponsor's logo). */
static bool picture_caption(const wn_cctx *c, const wn_node *b)
{
    if (b->tag != WN_TAG_FIGCAPTION || b->parent == NULL || !wn_is_html(b->parent, WN_TAG_FIGURE) ||
        wn_st(c, b)->text == 0 ||
        wn_link_density(c, b) >= wn_ld_limit(c, WN_TUNE.boiler.caption))
        return false;
    bool picture = false;
    for (const wn_node *x = b->parent->first; x && !picture; x = wn_dom_next(b->parent, x, x == b))
        picture = x != b && (wn_is_html(x, WN_TAG_IMG) || wn_is_html(x, WN_TAG_PICTURE) ||
                             wn_is_html(x, WN_TAG_VIDEO));
    if (!picture || read_also_line(c, b) || credit_line(c, b) || has_credit(c, b, true) ||
        names_author(c, b))
        return false;
    char buf[160];
    size_t n = block_text(c, b, buf, sizeof buf, true);
    if (n > 0 && n < sizeof buf && buf[n - 1] == ':')
        return false;
    for (const wn_node *x = b; x; x = wn_dom_next(b, x, false))
        if (x->type == WN_NODE_ELEMENT && (c->nf[x->id] & CN_VISITED) && (wn_vc(c, x) & VC_BYLINE))
            return false;
    return true;
}

/* Prose, in any language: long, or a sentence rich in function words, and not
 * mostly links. */
bool wn_is_prose(const wn_cctx *c, const wn_node *b)
{
    const wn_cstat *s = wn_st(c, b);
    float ld = wn_link_density(c, b);
    if (ld > wn_ld_limit(c, WN_TUNE.boiler.prose_max) || is_heading(b))
        return false;
    float limit = wn_ld_limit(c, WN_TUNE.boiler.prose);
    if (s->text >= WN_TUNE.boiler.prose_long_chars && ld < limit)
        return true;
    if (s->words < WN_TUNE.boiler.prose_min_words)
        return false;
    uint32_t stops = count_stops(c, b);
    return ld < limit && (float)stops / (float)s->words >= WN_TUNE.boiler.prose_stop_share;
}

/* An inline element inside a paragraph: its name styles words of the text
 * ("category" labels, "author" links) and never makes them boilerplate. */
static bool inline_in_text(const wn_node *x)
{
    switch (x->tag) {
    case WN_TAG_SPAN: case WN_TAG_A: case WN_TAG_EM: case WN_TAG_STRONG: case WN_TAG_B:
    case WN_TAG_I: case WN_TAG_SMALL: case WN_TAG_FONT: case WN_TAG_TIME: case WN_TAG_ABBR:
    case WN_TAG_CITE: case WN_TAG_CODE: case WN_TAG_SUP: case WN_TAG_SUB: case WN_TAG_MARK:
    case WN_TAG_U:
        break;
    default:
        return false;
    }
    for (const wn_node *p = x->parent; p && p->type == WN_NODE_ELEMENT; p = p->parent) {
        switch (p->tag) {
        case WN_TAG_P: case WN_TAG_LI: case WN_TAG_TD: case WN_TAG_TH: case WN_TAG_DD:
        case WN_TAG_DT: case WN_TAG_H1: case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4:
        case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_BLOCKQUOTE: case WN_TAG_FIGCAPTION:
        case WN_TAG_PRE:
            return true;
        case WN_TAG_SPAN: case WN_TAG_A: case WN_TAG_EM: case WN_TAG_STRONG: case WN_TAG_B:
        case WN_TAG_I: case WN_TAG_SMALL: case WN_TAG_FONT:
            continue;
        default:
            return false;
        }
    }
    return false;
}

/* A teaser: a short block with a linked heading (title, maybe a summary, a
 * date, an image). */
/* Whether x is a section of the text, not a card: its first heading (or x,
 * a <section>) is an anchor target, with an id of its own to link to. Cards
 * of a rail link out; they are not linked to (a blog's "post-1021" cards
 * are <article>s or <div>s, whose ids say nothing). */
static bool anchored_section(const wn_node *x)
{
    if (wn_is_html(x, WN_TAG_SECTION) && x->nattrs && wn_dom_attr(x, "id") != NULL)
        return true;
    for (const wn_node *h = x->first; h; h = wn_dom_next(x, h, false)) {
        if (h->type != WN_NODE_ELEMENT || h->ns != WN_NS_HTML || h->tag < WN_TAG_H1 || h->tag > WN_TAG_H6)
            continue;
        return h->nattrs && wn_dom_attr(h, "id") != NULL;
    }
    return false;
}

static bool teaser_like(const wn_cctx *c, const wn_node *x)
{
    if (x->type != WN_NODE_ELEMENT || (c->nf[x->id] & (CN_DROPPED | CN_IGNORED | CN_KEEP)))
        return false;
    const wn_cstat *s = wn_st(c, x);
    if (s->a == 0 || s->text == 0 || s->text > WN_TUNE.boiler.teaser_max_chars)
        return false;
    if (s->head > 0 && s->link10 >= WN_TUNE.boiler.teaser_link10)
        return !anchored_section(x);
    /* No heading: an image card whose text is mostly its link. */
    return s->img > 0 && s->text < WN_TUNE.boiler.teaser_image_chars &&
           wn_link_density(c, x) > wn_ld_limit(c, WN_TUNE.boiler.teaser_image);
}

static bool same_kind(const wn_node *a, const wn_node *b)
{
    if (a->tag != b->tag)
        return false;
    wn_str x = wn_dom_attr_value(a, "class"), y = wn_dom_attr_value(b, "class");
    return x.n == y.n && (x.n == 0 || memcmp(x.p, y.p, x.n) == 0);
}

/* Runs of a few alike sibling teasers ("more from", "related",
 * category listings under an article) go, with a short heading right above. */
static void drop_teaser_runs(wn_cctx *c)
{
    wn_node *root = c->root;
    for (wn_node *p = root; p; ) {
        bool skip = false;
        if (p->type != WN_NODE_ELEMENT || !(c->nf[p->id] & CN_VISITED) ||
            (c->nf[p->id] & (CN_DROPPED | CN_IGNORED))) {
            p = wn_dom_next(root, p, true);
            continue;
        }
        wn_node *run = NULL;
        uint32_t len = 0, run_text = 0;
        for (wn_node *ch = p->first;; ch = ch->next) {
            while (ch && ch->type != WN_NODE_ELEMENT)
                ch = ch->next;
            bool t = ch && teaser_like(c, ch);
            if (t && run && same_kind(run, ch)) {
                len++;
                run_text += wn_st(c, ch)->text;
                continue;
            }
            /* A run holding much of the article is the article (a list of
             * features, a glossary), not a rail beside it. */
            if (run && len >= WN_TUNE.boiler.teaser_run &&
                (float)run_text < WN_TUNE.boiler.teaser_run_share * (float)wn_st(c, root)->text) {
                /* The heading that announces the run goes with it. */
                wn_node *h = run->prev;
                while (h && h->type != WN_NODE_ELEMENT)
                    h = h->prev;
                if (h && is_heading(h) && wn_st(c, h)->text < WN_TUNE.boiler.run_heading_chars &&
                    !(c->nf[h->id] & CN_KEEP))
                    wn_drop(c, h, WHY_TEASER);
                for (wn_node *x = run; x != ch; x = x->next)
                    if (x->type == WN_NODE_ELEMENT)
                        wn_drop(c, x, WHY_TEASER);
            }
            run = t ? ch : NULL;
            len = t ? 1 : 0;
            run_text = t ? wn_st(c, ch)->text : 0;
            if (ch == NULL)
                break;
        }
        p = wn_dom_next(root, p, skip);
    }
}

static bool gone_in_root(const wn_cctx *c, const wn_node *x)
{
    for (const wn_node *a = x; a && a != c->root; a = a->parent)
        if (c->nf[a->id] & (CN_DROPPED | CN_IGNORED))
            return true;
    return false;
}

/* A heading whose section lost all its content ("More from us" above a
 * dropped rail) goes too: followed by nothing, or by a heading of the same or
 * a higher level. */
static void drop_orphan_headings(wn_cctx *c, wn_node **blocks, uint32_t nb)
{
    wn_node *open = NULL;
    for (uint32_t i = 0; i <= nb; i++) {
        wn_node *b = i < nb ? blocks[c->pos[c->cands[i]]] : NULL;
        if (b && gone_in_root(c, b))
            continue;
        if (open && (b == NULL || (is_heading(b) && b->tag <= open->tag)) &&
            !(c->nf[open->id] & CN_KEEP))
            wn_drop(c, open, WHY_TEASER);
        if (b == NULL)
            break;
        open = is_heading(b) ? b : NULL;
    }
}

/* The lines of the region before its first paragraph of prose that are
 * mostly links: a version picker, a language menu, a breadcrumb trail no
 * name gives away. (The main region's own trim on documentation pages; the
 * article path does the same in wn_extra_clean.) */
void wn_trim_leading_links(wn_cctx *c)
{
    wn_node *root = c->root;
    for (wn_node *x = root->first; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT) {
            if (!(c->nf[x->id] & CN_VISITED) || (c->nf[x->id] & (CN_DROPPED | CN_IGNORED | CN_GONE))) {
                skip = true;
            } else if (is_leaf_block(c, x) && wn_st(c, x)->text > 0) {
                if (wn_is_prose(c, x))
                    return;
                if (!is_heading(x) && !(c->nf[x->id] & CN_KEEP) &&
                    wn_link_density(c, x) > wn_ld_limit(c, WN_TUNE.boiler.leading))
                    wn_drop(c, x, WHY_LINKS);
                skip = true;
            }
        }
        x = wn_dom_next(root, x, skip);
    }
}

/* Beyond Readability: blocks named like newsletters, cookie banners, teaser
 * rails or share widgets, nav and forms inside the container, headings left
 * without content, and non-prose lines before the first and after the last
 * paragraph of prose (share bars, credits, "read more" links, tag lines). */
void wn_extra_clean(wn_cctx *c)
{
    wn_node *root = c->root;
    uint32_t root_text = wn_st(c, root)->text, teaser_text = 0;
    bool comment_root = false;

    for (const wn_node *p = root; p; p = p->parent)
        if (p->type == WN_NODE_ELEMENT && (wn_vc(c, p) & VC_COMMENT))
            comment_root = true;
    /* A page made of teasers (a section front) keeps them: the article is the list. */
    for (wn_node *x = root->first; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT && (c->nf[x->id] & CN_VISITED) &&
            !(c->nf[x->id] & (CN_DROPPED | CN_IGNORED | CN_GONE))) {
            if ((wn_vc(c, x) & VC_TEASER) && !(wn_vc(c, x) & VC_MAYBE)) {
                teaser_text += wn_st(c, x)->text;
                skip = true;
            }
        } else {
            skip = true;
        }
        x = wn_dom_next(root, x, skip);
    }
    bool keep_teasers = teaser_text * WN_TUNE.boiler.teasers_keep_div > root_text;

    for (wn_node *x = root->first; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT && (c->nf[x->id] & CN_VISITED) &&
            !(c->nf[x->id] & (CN_DROPPED | CN_IGNORED | CN_KEEP)) && !inline_in_text(x)) {
            unsigned v = wn_vc(c, x);
            const wn_cstat *s = wn_st(c, x);
            uint8_t why = WHY_NONE;
            if (x->tag == WN_TAG_NAV || (x->tag == WN_TAG_FORM && !wn_forum_keeps_form(c, x)))
                why = WHY_TAG;
            else if ((v & VC_COMMENT) && !(v & VC_MAYBE) && !comment_root)
                why = WHY_COMMENTS;
            else if ((v & VC_BOILER) && !(v & VC_MAYBE) && s->text < WN_TUNE.boiler.named_max_chars)
                why = WHY_BOILER;
            else if ((v & VC_TEASER) && !(v & VC_MAYBE) && !keep_teasers &&
                     (wn_link_density(c, x) > wn_ld_limit(c, WN_TUNE.boiler.named_teaser) ||
                      (s->head && s->link10 >= WN_TUNE.boiler.teaser_link10)))
                why = WHY_TEASER;   /* "teaser" also names lead paragraphs: links decide */
            else if ((v & (VC_META | VC_BYLINE)) && !(v & VC_MAYBE) &&
                     s->text < WN_TUNE.boiler.named_meta_chars)
                why = WHY_BOILER;
            if (why != WHY_NONE) {
                wn_drop(c, x, why);
                skip = true;
            }
        } else if (!(c->nf[x->id] & CN_KEEP)) {
            skip = true;
        }
        x = wn_dom_next(root, x, skip);
    }

    if (!keep_teasers)
        drop_teaser_runs(c);

    /* Collect the kept text blocks in order. cands[] is free after the choice. */
    uint32_t nb = 0;
    for (wn_node *x = root->first; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT) {
            if (!(c->nf[x->id] & CN_VISITED) || (c->nf[x->id] & (CN_DROPPED | CN_IGNORED))) {
                skip = true;
            } else if (is_leaf_block(c, x) && wn_st(c, x)->text > 0) {
                c->cands[nb++] = x->id;
                skip = true;
            }
        }
        x = wn_dom_next(root, x, skip);
    }
    if (nb == 0)
        return;
    wn_node **blocks = c->order;   /* ids -> nodes through pos[] */
    uint32_t first = nb, last = 0;
    for (uint32_t i = 0; i < nb; i++) {
        wn_node *b = blocks[c->pos[c->cands[i]]];
        if (wn_is_prose(c, b)) {
            first = i;
            break;
        }
    }
    if (first == nb)
        return;   /* no prose at all: a list or table page; leave it whole */
    /* Inside the text: "Read also: <link>" lines; anywhere: credit lines. */
    for (uint32_t i = 0; i < nb; i++) {
        wn_node *b = blocks[c->pos[c->cands[i]]];
        if (c->nf[b->id] & CN_KEEP)
            continue;
        bool caption = b->tag == WN_TAG_FIGCAPTION ||
                       class_has(wn_dom_attr_value(b, "class"), wn_lex_caption_class);
        if (i >= first && (b->tag == WN_TAG_P || b->tag == WN_TAG_DIV) &&
            wn_st(c, b)->text < WN_TUNE.boiler.link_line_chars &&
            wn_link_density(c, b) > wn_ld_limit(c, WN_TUNE.boiler.link_line))
            wn_drop(c, b, WHY_LINKS);
        else if (wn_st(c, b)->text < WN_TUNE.boiler.credit_chars && b->tag != WN_TAG_TD && b->tag != WN_TAG_TH &&
                 b->tag != WN_TAG_LI && credit_line(c, b))
            wn_drop(c, b, WHY_BOILER);
        else if (caption) {
            /* A caption is article text; only its credit element goes, or
             * the whole caption when the credit is part of its text. */
            drop_caption_credits(c, b);
            if (wn_st(c, b)->text < WN_TUNE.boiler.caption_chars && has_credit(c, b, true))
                wn_drop(c, b, WHY_BOILER);
        } else if (wn_st(c, b)->text < WN_TUNE.boiler.caption_chars && b->tag != WN_TAG_TD && b->tag != WN_TAG_TH &&
                 b->tag != WN_TAG_LI && has_credit(c, b, false))
            wn_drop(c, b, WHY_BOILER);
        else if (wn_st(c, b)->text < WN_TUNE.boiler.read_also_chars && read_also_line(c, b))
            wn_drop(c, b, WHY_TEASER);
    }
    /* Closing notes on where the story first ran, and notes about the page
     * itself (its last change, its licence), go before the last paragraph
     * is found: they read like prose. Only the last few lines. */
    for (uint32_t i = nb, seen = 0; i-- > first && seen < WN_TUNE.boiler.closing_lines;) {
        wn_node *b = blocks[c->pos[c->cands[i]]];
        if (gone_in_root(c, b) || (c->nf[b->id] & CN_KEEP))
            continue;
        seen++;
        if (wn_st(c, b)->text < WN_TUNE.boiler.closing_chars && origin_note(c, b))
            wn_drop(c, b, WHY_BOILER);
        else if (wn_st(c, b)->text < WN_TUNE.boiler.closing_chars && wn_page_note(c, b))
            wn_drop(c, b, WHY_PAGE_NOTE);
        else if (wn_is_prose(c, b))
            break;
    }
    for (uint32_t i = nb; i-- > first;) {
        wn_node *b = blocks[c->pos[c->cands[i]]];
        if (gone_in_root(c, b))
            continue;
        if (wn_is_prose(c, b)) {
            last = i;
            break;
        }
    }
    if (last < first)
        last = first;
    /* Leading lines: only link lines go (share bars, breadcrumbs, category links);
     * short lead lines like dates and timings are often part of the text. */
    for (uint32_t i = 0; i < first; i++) {
        wn_node *b = blocks[c->pos[c->cands[i]]];
        if (is_heading(b) || (c->nf[b->id] & CN_KEEP))
            continue;
        if (wn_link_density(c, b) > wn_ld_limit(c, WN_TUNE.boiler.leading))
            wn_drop(c, b, WHY_STOPWORDS);
        else if (wn_st(c, b)->text < WN_TUNE.boiler.dateline_chars && dateline(c, b))
            wn_drop(c, b, WHY_BYLINE);
    }
    /* Trailing lines: short or link-heavy non-prose after the last paragraph. */
    wn_node *lastb = blocks[c->pos[c->cands[last]]];
    for (uint32_t i = last + 1; i < nb; i++) {
        wn_node *b = blocks[c->pos[c->cands[i]]];
        if ((c->nf[b->id] & (CN_KEEP | CN_POSTBODY)))   /* a forum post's text: a short reply is one */
            continue;
        /* An image's caption is short by nature ("Night falls."): it stays,
         * as the article promises captions, unless it is a label or a credit. */
        if (picture_caption(c, b))
            continue;
        /* Items of a closing list or table are content unless they are links;
         * code is never judged by its stop words. */
        if ((b->tag == WN_TAG_LI || b->tag == WN_TAG_TD || b->tag == WN_TAG_TH ||
             b->tag == WN_TAG_DD || b->tag == WN_TAG_DT || b->tag == WN_TAG_PRE ||
             b->tag == WN_TAG_CODE || wn_in_recipe(c, b)) &&
            wn_link_density(c, b) < wn_ld_limit(c, WN_TUNE.boiler.trailing_item))
            continue;
        /* A heading is judged by what follows it (drop_orphan_headings). */
        if (is_heading(b))
            continue;
        /* A closing line in the same run of paragraphs ("Be there!") stays. */
        if (b->tag == WN_TAG_P && b->parent == lastb->parent &&
            wn_link_density(c, b) < wn_ld_limit(c, WN_TUNE.boiler.trailing_para))
            continue;
        if (wn_st(c, b)->text < WN_TUNE.boiler.trailing_chars ||
            wn_link_density(c, b) > wn_ld_limit(c, WN_TUNE.boiler.trailing))
            wn_drop(c, b, WHY_STOPWORDS);
    }
    drop_orphan_headings(c, blocks, nb);
}
