/*
 * content.c: wn_content_find, the driver of main-content extraction.
 * One attempt = walk + score + pick the container + clean it (score.c,
 * boilerplate.c). A result shorter than WN_TUNE.attempt.min_article_chars
 * is retried with fewer filters, as a page may name its article like a sidebar. The chosen attempt's
 * decisions become WN_NODE_FLAG_DROPPED on the page's nodes; --explain prints them.
 */
#include <string.h>

#include "extract/content/content_internal.h"

static const char *const why_name[WHY__COUNT] = {
    [WHY_NONE] = "-", [WHY_TAG] = "tag", [WHY_HIDDEN] = "hidden", [WHY_ROLE] = "role",
    [WHY_UNLIKELY] = "unlikely-name", [WHY_BYLINE] = "byline", [WHY_HEADLINE] = "headline",
    [WHY_OUTSIDE] = "outside-article", [WHY_WEIGHT] = "negative-weight",
    [WHY_IMAGES] = "image-heavy", [WHY_LIST] = "list-heavy", [WHY_INPUTS] = "form-inputs",
    [WHY_SHORT] = "short", [WHY_LINKS] = "link-density", [WHY_EMBEDS] = "embeds",
    [WHY_SHARE] = "share-bar", [WHY_NEG_HEADER] = "negative-heading",
    [WHY_BOILER] = "boilerplate-name", [WHY_TEASER] = "teaser-rail", [WHY_COMMENTS] = "comments",
    [WHY_STOPWORDS] = "few-stopwords", [WHY_SEMANTIC] = "semantic",
    [WHY_REPEATED] = "repeated", [WHY_QUOTED] = "quoted-earlier",
    [WHY_THREAD_END] = "after-thread", [WHY_POST_CHROME] = "post-chrome",
    [WHY_WRAPS_LIST] = "wraps-the-list", [WHY_CARD_HEAD] = "card-header",
    [WHY_PAGE_NOTE] = "page-note", [WHY_UI_LABEL] = "ui-label",
};

/* Rows of the side tables (content_internal.h): one pass over the page
 * numbers the elements and the document 1.. for the element tables, the text
 * nodes 0.. for tx[]; comments, doctypes and nodes off the tree (template
 * contents) keep row 0. Returns the number of text rows, or -1. */
static int64_t number_rows(wn_cctx *c)
{
    c->row = wn_arena_calloc(&c->d->arena, (c->n ? c->n : 1) * sizeof *c->row);
    if (c->row == NULL)
        return -1;
    uint32_t rows = 1, texts = 0;
    for (const wn_node *x = c->d->root; x; x = wn_dom_next(c->d->root, x, false)) {
        if (x->type == WN_NODE_TEXT)
            c->row[x->id] = texts++;
        else if (x->type == WN_NODE_ELEMENT || x->type == WN_NODE_DOCUMENT)
            c->row[x->id] = rows++;
    }
    c->el.n = rows;
    return texts;
}

static int alloc_arrays(wn_cctx *c)
{
    wn_arena *a = &c->d->arena;
    size_t n = c->n ? c->n : 1;
    int64_t texts = number_rows(c);
    if (texts < 0)
        return -1;
    size_t rows = c->el.n, nt = texts ? (size_t)texts : 1;
    c->order = wn_arena_alloc(a, n * sizeof *c->order);
    c->pos = wn_arena_alloc(a, n * sizeof *c->pos);
    c->nf = wn_arena_alloc(a, n * sizeof *c->nf);
    c->why = wn_arena_alloc(a, n * sizeof *c->why);
    c->el.st = wn_arena_alloc(a, rows * sizeof *c->el.st);
    c->el.score = wn_arena_alloc(a, rows * sizeof *c->el.score);
    c->el.vc = wn_arena_calloc(a, rows * sizeof *c->el.vc);
    c->el.vc_cls = wn_arena_calloc(a, rows * sizeof *c->el.vc_cls);
    c->el.vc_id = wn_arena_calloc(a, rows * sizeof *c->el.vc_id);
    c->el.depth = wn_arena_alloc(a, rows * sizeof *c->el.depth);
    c->cands = wn_arena_alloc(a, rows * sizeof *c->cands);
    c->tx = wn_arena_alloc(a, nt * sizeof *c->tx);
    if (!c->order || !c->pos || !c->el.st || !c->el.score || !c->nf || !c->why || !c->el.vc ||
        !c->el.vc_cls || !c->el.vc_id || !c->el.depth || !c->cands || !c->tx)
        return -1;
    c->ntext = (uint32_t)texts;
    c->el.score[0] = 0.0f;   /* row 0 reads as zeros */
    c->el.depth[0] = 0;
    return 0;
}

/* Only the tables a walk reads before writing need clearing. */
static void reset_arrays(wn_cctx *c)
{
    c->stripped_prose = 0;
    size_t n = c->n;
    memset(c->el.st, 0, c->el.n * sizeof *c->el.st);
    memset(c->tx, 0, c->ntext * sizeof *c->tx);
    memset(c->nf, 0, n * sizeof *c->nf);
    memset(c->why, 0, n * sizeof *c->why);
    c->ncands = 0;
    c->headline_done = c->byline_done = false;
    c->top = c->root = NULL;
    c->thread_posts = 0;
}

/* How much of the main region's text the article path must keep for its
 * article to be taken rather than the region (WN_TUNE.region): on pages made of
 * many parts (lists, sections, docs) nearly all of it, on others half. */
static float region_ratio(wn_page_type t)
{
    switch (t) {
    case WN_PAGE_LISTING: case WN_PAGE_COLLECTION: case WN_PAGE_SERVICE:
    case WN_PAGE_DOCUMENTATION:
        return WN_TUNE.region.parts;
    case WN_PAGE_FORUM:
        return WN_TUNE.region.other;
    case WN_PAGE_PRODUCT:
        return WN_TUNE.region.product;
    default:
        return WN_TUNE.region.article;
    }
}

/* One attempt; returns the characters left in the article. With extra, the
 * beyond-Readability cleaning runs too and *before gets the length before it. */
static uint32_t attempt(wn_cctx *c, unsigned flags, bool extra, uint32_t *before)
{
    reset_arrays(c);
    c->flags = flags;
    wn_walk(c);
    if (c->want_region) {
        /* The main region, measured on this walk's totals: no walk of its own. */
        c->region_est = wn_type_list_estimate(c, region_ratio(c->pt->type) < WN_TUNE.region.parts);
        c->want_region = false;
    }
    wn_score(c);
    wn_pick_root(c);
    if (c->root == NULL)
        return 0;
    wn_prep_article(c);
    wn_forum_quotes(c);
    if (before)
        *before = wn_st(c, c->root)->text;
    if (extra)
        wn_extra_clean(c);
    return wn_st(c, c->root)->text;
}

/* The text that weighs in the article-or-region choice: on pages of many
 * parts all of it (their item titles are links); elsewhere only the text
 * outside links, so a long menu that no name gives away does not outweigh
 * the story. */
static uint32_t measure_text(const wn_cctx *c, const wn_node *x)
{
    const wn_cstat *s = wn_st(c, x);
    if (region_ratio(c->pt->type) >= WN_TUNE.region.parts)
        return s->text;
    uint32_t link = s->link10 / 10;
    return s->text > link ? s->text - link : 0;
}

/* The main-region path (type_list.c): its own walk, then c->root is the
 * page's main region less its chrome. Returns the region's text, 0 when it
 * found none (c->root is then unusable). */
static uint32_t region_path(wn_cctx *c)
{
    reset_arrays(c);
    c->flags = 0;
    wn_walk(c);
    if (!wn_type_list_choose(c))
        return 0;
    wn_product_root(c);   /* a product's rails and reviews go whatever their size */
    return measure_text(c, c->root);
}

/* The page's footer that holds x: the outermost <footer> or role=contentinfo
 * above x with no <article> or <main> above it (an article's own footer is
 * the article's); NULL when none. */
static const wn_node *page_footer(const wn_node *x)
{
    const wn_node *footer = NULL;
    for (const wn_node *a = x; a; a = a->parent) {
        if (a->type != WN_NODE_ELEMENT)
            continue;
        if (wn_is_html(a, WN_TAG_MAIN) || wn_article_like(a))
            return NULL;
        if (wn_is_html(a, WN_TAG_FOOTER)) {
            footer = a;
        } else if (a->nattrs) {
            wn_str r = wn_dom_attr_value(a, "role");
            if (r.n && wn_str_ieq(r, "contentinfo"))
                footer = a;
        }
    }
    return footer;
}

static bool type_keeps_named_comments(const wn_cctx *c)
{
    switch (c->pt->type) {
    case WN_PAGE_LISTING: case WN_PAGE_COLLECTION: case WN_PAGE_SERVICE:
    case WN_PAGE_DOCUMENTATION:
        return true;
    default:
        return false;
    }
}

/* The outermost block named like a comment section with the most text, outside
 * the article or inside it (then it is dropped from the article). */
static wn_node *find_comments(wn_cctx *c)
{
    wn_node *best = NULL;
    uint32_t best_len = 0;
    wn_node *root = c->d->root;
    for (wn_node *x = root; x; ) {
        /* A code block's spans are named by token kind: a "comment" there is code. */
        bool skip = wn_is_html(x, WN_TAG_PRE) || wn_is_html(x, WN_TAG_CODE);
        if (!skip && x->type == WN_NODE_ELEMENT && x->nattrs) {
            unsigned v = wn_vc(c, x);
            if (!(v & VC_DONE)) {
                /* Not reached by the walk (inside a left-out block): match now. */
                wn_str cl = wn_dom_attr_value(x, "class"), id = wn_dom_attr_value(x, "id");
                v = (cl.n ? wn_vocab_match(cl.p, cl.n) : 0) | (id.n ? wn_vocab_match(id.p, id.n) : 0);
            }
            if ((v & VC_COMMENT) && !(v & VC_MAYBE) && !wn_node_hidden(x)) {
                /* Count its text once; inner comment-named blocks are part of it. */
                uint32_t len = 0;
                for (const wn_node *t = x; t; t = wn_dom_next(x, t, false))
                    if (t->type == WN_NODE_TEXT)
                        len += (uint32_t)t->text.n;
                if (len > best_len) {
                    best = x;
                    best_len = len;
                }
                skip = true;
            }
        }
        x = wn_dom_next(root, x, skip);
    }
    /* A comment block that contains the article is a page wrapper, not comments. */
    for (const wn_node *p = c->root; p; p = p->parent)
        if (p == best)
            return NULL;
    return best;
}

/* A form or fieldset left in the article (or the comments) holds text, not
 * just controls, when it holds the top block or reads as prose with few
 * inputs: the cleaner then copies its text. Any other one goes, as before. */
static void judge_forms(wn_cctx *c, wn_node *top)
{
    for (wn_node *x = top; x; ) {
        bool gone = (c->nf[x->id] & (CN_IGNORED | CN_DROPPED)) != 0;
        if (!gone && x->type == WN_NODE_ELEMENT && x->ns == WN_NS_HTML &&
            (x->tag == WN_TAG_FORM || x->tag == WN_TAG_FIELDSET) && (c->nf[x->id] & CN_VISITED)) {
            const wn_cstat *s = wn_st(c, x);
            if ((c->nf[x->id] & CN_KEEP) ||
                (s->text >= WN_TUNE.attempt.form_min_chars &&
                 s->input * WN_TUNE.attempt.form_chars_per_input <= s->text &&
                 wn_is_prose(c, x)) || wn_forum_keeps_form(c, x))
                x->flags |= WN_NODE_FLAG_KEEP_FORM;
        }
        x = wn_dom_next(top, x, gone);
    }
}

/* Indentation of an explain line: the element's depth in the document (up to
 * EXPLAIN_MAX_INDENT), counted here because blocks left out before scoring
 * have no depth of their own. */
#define EXPLAIN_MAX_INDENT 24

static void explain_line(wn_cctx *c, wn_buf *b, const wn_node *x, bool kept)
{
    int depth = 0;
    for (const wn_node *p = x->parent; p && depth < EXPLAIN_MAX_INDENT; p = p->parent)
        depth++;
    wn_buf_printf(b, "%*s%s", depth, "", wn_tag_name(x->tag));
    wn_str id = wn_dom_attr_value(x, "id"), cl = wn_dom_attr_value(x, "class");
    if (id.n)
        wn_buf_printf(b, "#%.*s", (int)(id.n > 24 ? 24 : id.n), id.p);
    if (cl.n) {
        size_t k = 0;
        while (k < cl.n && k < 24 && !wn_is_space((unsigned char)cl.p[k]))
            k++;
        wn_buf_printf(b, ".%.*s", (int)k, cl.p);
    }
    const wn_cstat *s = wn_st(c, x);
    wn_buf_printf(b, " text=%u ld=%.2f", s->text, (double)wn_link_density(c, x));
    if (c->nf[x->id] & CN_SCORED)
        wn_buf_printf(b, " score=%.1f", (double)*wn_score_of(c, x));
    const char *why = why_name[c->why[x->id] < WHY__COUNT ? c->why[x->id] : 0];
    if (x == c->root)
        wn_buf_printf(b, " ARTICLE%s", c->merged ? " (siblings merged)" : "");
    else
        wn_buf_printf(b, " %s %s", kept ? "kept" : "dropped",
                      !kept ? why : x == c->top ? "top-candidate" : c->why[x->id] != WHY_NONE ? why : "-");
    /* A short excerpt, so a reader can find the block on the page. */
    char ex[48];
    size_t n = 0;
    bool space = true;
    unsigned visited = 0;   /* bounded: explain stays linear on empty wrappers */
    for (const wn_node *t = x; t && n < sizeof ex - 4 && visited++ < 200;
         t = wn_dom_next(x, t, false)) {
        if (t->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < t->text.n && n < sizeof ex - 4; i++) {
            unsigned char ch = (unsigned char)t->text.p[i];
            if (wn_is_space(ch)) {
                if (!space)
                    ex[n++] = ' ';
                space = true;
            } else {
                ex[n++] = (char)ch;
                space = false;
            }
        }
    }
    /* Cut on a UTF-8 boundary. */
    while (n > 0 && ((unsigned char)ex[n - 1] & 0xC0) == 0x80)
        n--;
    if (n > 0 && (unsigned char)ex[n - 1] >= 0xC0)
        n--;
    if (n)
        wn_buf_printf(b, "  \"%.*s\"", (int)n, ex);
    wn_buf_putc(b, '\n');
}

static bool is_block_for_explain(const wn_node *x)
{
    switch (x->tag) {
    case WN_TAG_DIV: case WN_TAG_SECTION: case WN_TAG_ARTICLE: case WN_TAG_MAIN: case WN_TAG_P:
    case WN_TAG_UL: case WN_TAG_OL: case WN_TAG_DL: case WN_TAG_TABLE: case WN_TAG_H1:
    case WN_TAG_H2: case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5: case WN_TAG_H6:
    case WN_TAG_PRE: case WN_TAG_BLOCKQUOTE: case WN_TAG_FIGURE: case WN_TAG_ASIDE:
    case WN_TAG_NAV: case WN_TAG_HEADER: case WN_TAG_FOOTER: case WN_TAG_FORM: case WN_TAG_BODY:
        return true;
    default:
        return false;
    }
}

/* One line per block of <body>: inside the article, kept or dropped with the
 * deciding signal; outside it, "outside-article" unless left out earlier. */
static void explain(wn_cctx *c, wn_buf *b)
{
    wn_node *start = c->body ? c->body : c->d->root;
    for (wn_node *x = start; x; ) {
        bool skip = false;
        if (x->type == WN_NODE_ELEMENT && (is_block_for_explain(x) || (c->nf[x->id] & (CN_IGNORED | CN_DROPPED)))) {
            bool inside = false;
            for (const wn_node *p = x; p && !inside; p = p->parent)
                inside = p == c->root;
            bool gone = (c->nf[x->id] & (CN_IGNORED | CN_DROPPED)) != 0;
            if (!inside && !gone && c->why[x->id] == WHY_NONE && x != c->root) {
                bool above = false;
                for (const wn_node *p = c->root; p && !above; p = p->parent)
                    above = p == x;
                if (!above)
                    c->why[x->id] = WHY_OUTSIDE;
            }
            bool above_root = false;
            for (const wn_node *p = c->root; p && !above_root; p = p->parent)
                above_root = p == x && p != c->root;
            explain_line(c, b, x, (inside && !gone) || above_root);
            skip = gone || (!inside && !above_root);
        }
        x = wn_dom_next(start, x, skip);
    }
}

int wn_content_find(wn_doc *d, const wn_meta *meta, const wn_pagetype *pt,
                    const wn_options *opt, wn_content *out, wn_buf *explain_out)
{
    wn_options defaults;
    wn_pagetype article_type;
    wn_cctx c;

    out->root = out->comments = NULL;
    if (d == NULL || d->root == NULL)
        return 0;
    if (opt == NULL) {
        wn_options_init(&defaults);
        opt = &defaults;
    }
    if (pt == NULL) {
        wn_pagetype_classify(NULL, NULL, NULL, WN_PAGE_ARTICLE, &article_type);
        pt = &article_type;
    }
    memset(&c, 0, sizeof c);
    c.d = d;
    c.pt = pt;
    c.meta = meta;
    c.opt = opt;
    c.n = d->node_count;
    c.ld_shift = opt->favor == WN_FAVOR_PRECISION ? WN_TUNE.attempt.precision_shift :
                 opt->favor == WN_FAVOR_RECALL ? WN_TUNE.attempt.recall_shift : 0.0f;
    if (alloc_arrays(&c) != 0)
        return -1;

    /* Each retry drops one more filter; if none reaches the minimum, the longest wins. */
    static const unsigned tries[4] = {
        CN_STRIP_UNLIKELY | CN_WEIGHT_CLASSES | CN_CLEAN_COND,
        CN_WEIGHT_CLASSES | CN_CLEAN_COND,
        CN_CLEAN_COND,
        0,
    };
    uint32_t best_len = 0;
    int best = 0, chosen = -1, last = 0;
    /* Pages of many parts take the main region whenever there is one; other
     * pages measure it on the first attempt's walk, to weigh the article
     * path's result against. */
    bool parts = region_ratio(pt->type) >= WN_TUNE.region.parts;
    uint32_t region = 0, article = 0, posts = 0;
    bool teasers = false;
    float ratio = region_ratio(pt->type);
    if (parts && (region = region_path(&c)) > 0) {
        chosen = -1;
        goto decided;
    }
    c.want_region = !parts;
    c.region_est = 0;
    for (int i = 0; i < 4; i++) {
        uint32_t len = attempt(&c, tries[i], false, NULL);
        last = i;
        /* A block left out for a layout name holding many times the text
         * found: the names were wrong for this page (its content sits in a
         * "header-wrapper"); the next attempt keeps such blocks. */
        bool blind = (uint64_t)c.stripped_prose > (uint64_t)len * WN_TUNE.attempt.stripped_over_found;
        if (len >= WN_TUNE.attempt.min_article_chars && !blind) {
            chosen = i;
            break;
        }
        if (len > best_len) {
            best_len = len;
            best = i;
        }
    }
    if (chosen < 0)
        chosen = best;
    /* The extra cleaning is trusted to trim, not to gut: when it would remove
     * most of the article, the names it went by were wrong for this page. */
    bool extra = opt->favor != WN_FAVOR_RECALL;
    uint32_t before = 0, after = 0;
    if (chosen == last && c.root) {
        /* The state of the chosen attempt is still here: clean on top of it. */
        before = wn_st(&c, c.root)->text;
        if (extra)
            wn_extra_clean(&c);
        after = wn_st(&c, c.root)->text;
    } else {
        after = attempt(&c, tries[chosen], extra, &before);
    }
    if (after * WN_TUNE.attempt.gut_keep_den < before * WN_TUNE.attempt.gut_keep_num)
        attempt(&c, tries[chosen], false, NULL);

    /* An article path that keeps only a part of the main region picked one
     * card, one section or one post of a page made of many: the region wins. */
    article = c.root ? measure_text(&c, c.root) : 0;
    region = c.region_est;
    /* No attempt found an article, and the region's links are teasers wrapped
     * whole (a title and its summary in one link): an index whose every word
     * is a link. Their text is the region's, so the index can win. */
    teasers = !parts && article < WN_TUNE.attempt.min_article_chars && c.region_teasers > 0 &&
              region > 0;
    if (teasers)
        region += c.region_teasers;
    posts = c.thread_posts;
    if (posts > 0)
        ratio = WN_TUNE.region.thread;
    if (!parts && region > 0 && (float)article < ratio * (float)region) {
        if (region_path(&c) > 0)
            chosen = -1;
        else   /* no region after all: the article path again */
            attempt(&c, tries[chosen], extra, NULL);
    }

decided:;
    /* The best block lies in the page's footer, and the footer holds most of
     * the page's text: the page is a shell (its content filled in by a
     * script, or a blocked page) showing its legal and contact lines. The
     * footer is no article: the text is empty. */
    const wn_node *footer = c.root ? page_footer(c.root) : NULL;
    const wn_node *page = c.body ? c.body : d->root;
    bool footer_only = footer && (uint64_t)wn_st(&c, footer)->text * WN_TUNE.attempt.footer_share_div >=
                                         wn_st(&c, page)->text;
    if (footer_only)
        c.root = NULL;
    wn_node *comments = find_comments(&c);
    if (comments && !(c.nf[comments->id] & (CN_IGNORED | CN_DROPPED))) {
        bool inside = false;
        for (const wn_node *p = comments; p && !inside; p = p->parent)
            inside = p == c.root;
        /* On list, service and documentation pages a block named like comments
         * that holds most of the article is the content under an odd name. */
        bool whole = type_keeps_named_comments(&c) && c.root &&
                     (uint64_t)wn_st(&c, comments)->text * WN_TUNE.attempt.comments_share_div >
                         wn_st(&c, c.root)->text;
        /* On any page, one that holds all the article's text (a story under a
         * highlight-to-comment wrapper): without it the text would be empty. */
        if (inside && c.root && wn_st(&c, c.root)->text <
                                    wn_st(&c, comments)->text + WN_TUNE.attempt.comments_rest_chars)
            whole = true;
        if (inside && !whole)
            wn_drop(&c, comments, WHY_COMMENTS);
    }
    if (comments)
        c.why[comments->id] = WHY_COMMENTS;

    if (c.root) {
        wn_list_labels(&c);
        wn_product_dedupe(&c);
    }

    /* Forms that hold article text are copied; the rest are dropped by the cleaner. */
    if (c.root)
        judge_forms(&c, c.root);
    if ((opt->flags & WN_OPT_COMMENTS) && comments)
        judge_forms(&c, comments);

    /* Hand the decisions over to the DOM. */
    if (c.root) {
        for (wn_node *x = c.root; x; ) {
            bool gone = (c.nf[x->id] & (CN_IGNORED | CN_DROPPED)) != 0;
            if (gone)
                x->flags |= WN_NODE_FLAG_DROPPED | ((uint32_t)c.why[x->id] << WN_CONTENT_WHY_SHIFT);
            x = wn_dom_next(c.root, x, gone);
        }
    }
    out->root = c.root;
    if (opt->flags & WN_OPT_COMMENTS)
        out->comments = comments;
    if (explain_out) {
        if (region_ratio(pt->type) >= WN_TUNE.region.parts)
            wn_buf_printf(explain_out, "# main region %u chars (a %s page: the region whenever "
                          "there is one)\n", region, wn_page_type_name(pt->type));
        else
            wn_buf_printf(explain_out, "# main region %u chars%s, article path %u chars (needs "
                          "%.0f%% of the region as a %s%s): %s\n", region,
                          teasers ? " (with its teaser links: the article path found no article)" : "",
                          article, (double)(ratio * 100.0f), wn_page_type_name(pt->type),
                          posts ? " whose thread was found" : "",
                          chosen < 0 ? "the region is the article" : "the article path's article");
        if (footer_only)
            wn_buf_printf(explain_out, "# the best block lies in the page footer: no article\n");
        else if (chosen < 0)
            wn_buf_printf(explain_out, "# main region, article text %u chars\n",
                          c.root ? wn_st(&c, c.root)->text : 0);
        else
            wn_buf_printf(explain_out, "# attempt %d of 4, article text %u chars\n", chosen + 1,
                          c.root ? wn_st(&c, c.root)->text : 0);
        explain(&c, explain_out);
    }
    return 0;
}
