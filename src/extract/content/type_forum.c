/*
 * type_forum.c: forum threads and Q&A pages. There the posts are the content:
 * the question or first post and every reply, in order, each with its author
 * and date line. The article rules see replies as user comments (named
 * "comment", "replies", "discussion") and keep only the best-scoring post; on
 * a page classified as a forum:
 *
 *  - comment names lose their negative weight and are not dropped
 *    (wn_forum_names, called by the walk when it matches names);
 *  - the thread is found as the largest run of alike sibling blocks (same tag,
 *    same first class word) that each hold text and their own author or date
 *    marker (a <time>, an author/date itemprop, an author/user/date name); the
 *    container grows to hold that run and the block first chosen (a question
 *    above its answers), and what lies beside them on the way is dropped
 *    (wn_forum_thread, called at the end of wn_pick_root).
 *
 * Inside each post its author/date line stays, its signature goes, and so do
 * remarks on it (a Q&A answer's comment list); other per-post chrome (vote
 * counts, reply links, badges) is left to the usual cleaning: it is short and
 * link-heavy. The posts' body block, found as the block that holds the text
 * in most posts, is kept in every post and not judged by its length, so a
 * two-word reply stays; outside it, the author panel keeps only the name and
 * the date, and the post's number and other short lines (edit notes, reply
 * buttons) go; and a post's text written with <br>
 * beside pictures is no image gallery (wn_forum_post_prose, asked by prune.c).
 */
#include <string.h>

#include "extract/content/content_internal.h"
#include "extract/content/type_rules.h"
#include "extract/meta/meta_internal.h"
#include "extract/pagetype/pagetype.h"
#include "extract/signals/lexicon_data.h"

unsigned wn_forum_names(const wn_cctx *c, unsigned v)
{
    if (c->pt == NULL || c->pt->type != WN_PAGE_FORUM || !(v & VC_COMMENT))
        return v;
    /* On a thread, "comments" and "replies" are the posts. */
    return v & ~(unsigned)(VC_COMMENT | VC_UNLIKELY | VC_NEG);
}

/* Does this element itself mark an author or a date? */
static bool is_marker(const wn_node *x)
{
    if (x->ns != WN_NS_HTML)
        return false;
    if (x->tag == WN_TAG_TIME)
        return true;
    if (x->nattrs == 0)
        return false;
    wn_str ip = wn_dom_attr_value(x, "itemprop");
    for (size_t i = 0; ip.n && i < WN_LEX_POST_MARKER_ITEMPROP_N; i++)
        if (wn_str_icontains(ip, wn_lex_post_marker_itemprop[i]))
            return true;
    wn_str cl = wn_dom_attr_value(x, "class"), id = wn_dom_attr_value(x, "id");
    for (size_t i = 0; i < WN_LEX_POST_MARKER_CLASS_N; i++)
        if ((cl.n && wn_str_icontains(cl, wn_lex_post_marker_class[i])) ||
            (id.n && wn_str_icontains(id, wn_lex_post_marker_class[i])))
            return true;
    return false;
}

/* The author or date of one post: a <time>, an author/date itemprop, or a
 * block named like a byline (author, byline, dateline). */
static bool is_line_marker(const wn_cctx *c, const wn_node *x)
{
    if (x->ns != WN_NS_HTML)
        return false;
    if (x->tag == WN_TAG_TIME || (wn_vc(c, x) & VC_BYLINE))
        return true;
    wn_str ip = x->nattrs ? wn_dom_attr_value(x, "itemprop") : wn_str_make(NULL, 0);
    for (size_t i = 0; ip.n && i < WN_LEX_POST_MARKER_ITEMPROP_N; i++)
        if (wn_str_icontains(ip, wn_lex_post_marker_itemprop[i]))
            return true;
    return false;
}

/* A signature block: the same sign-off under each of a writer's posts. */
static bool is_signature(const wn_node *x)
{
    if (x->nattrs == 0)
        return false;
    wn_str cl = wn_dom_attr_value(x, "class"), id = wn_dom_attr_value(x, "id");
    for (size_t i = 0; i < WN_LEX_POST_SIGNATURE_CLASS_N; i++)
        if ((cl.n && wn_str_icontains(cl, wn_lex_post_signature_class[i])) ||
            (id.n && wn_str_icontains(id, wn_lex_post_signature_class[i])))
            return true;
    return false;
}

/* A sibling's kind: its tag and the first word of its class (digits left out,
 * so "post-17" and "post-18" are alike), else its id's letters. */
static uint32_t kind_of(const wn_node *x)
{
    uint32_t h = 2166136261u ^ x->tag;
    wn_str v = wn_dom_attr_value(x, "class");
    if (v.n == 0)
        v = wn_dom_attr_value(x, "id");
    size_t i = 0;
    while (i < v.n && wn_is_space((unsigned char)v.p[i]))
        i++;
    for (; i < v.n && !wn_is_space((unsigned char)v.p[i]); i++) {
        unsigned char ch = (unsigned char)v.p[i];
        if (ch >= '0' && ch <= '9')
            continue;
        h = (h ^ ch) * 16777619u;
    }
    return h;
}

static bool gone(const wn_cctx *c, const wn_node *x)
{
    return (c->nf[x->id] & (CN_IGNORED | CN_DROPPED)) != 0 || !(c->nf[x->id] & CN_VISITED);
}

static bool is_ancestor(const wn_node *a, const wn_node *x)
{
    for (const wn_node *p = x->parent; p; p = p->parent)
        if (p == a)
            return true;
    return false;
}

/* Undo a drop made while choosing the container: the block's totals go back
 * to its ancestors. */
static void undrop(wn_cctx *c, wn_node *x)
{
    if (!(c->nf[x->id] & CN_DROPPED))
        return;
    c->nf[x->id] &= (uint16_t)~CN_DROPPED;
    c->why[x->id] = WHY_NONE;
    const wn_cstat s = wn_totals(c, x);
    for (wn_node *a = x->parent; a; a = a->parent) {
        wn_cstat *t = wn_st(c, a);
        t->text += s.text; t->link10 += s.link10; t->commas += s.commas;
        t->words += s.words; t->head += s.head; t->list += s.list;
        t->p += s.p; t->img += s.img; t->li += s.li; t->input += s.input;
        t->embed += s.embed; t->a += s.a;
    }
}

/* The first post of a thread whose replies form the run under `run`: the
 * nearest earlier block, at most three levels up, that holds a marker and
 * reads as prose. NULL when there is none. */
static wn_node *first_post(const wn_cctx *c, const uint8_t *mk, wn_node *run)
{
    wn_node *a = run;
    for (int level = 0; level < WN_TUNE.forum.first_post_levels && a && a != c->body; level++, a = a->parent) {
        for (wn_node *s = a->prev; s; s = s->prev) {
            if (s->type != WN_NODE_ELEMENT || gone(c, s) || !mk[s->id])
                continue;
            if (wn_st(c, s)->text >= WN_TUNE.forum.first_post_min_chars && wn_is_prose(c, s))
                return s;
        }
    }
    return NULL;
}

/* Comments on one post (a Q&A answer's remarks) are not posts of the thread:
 * inside a post of the run, a comment-named block that is not the post's own
 * text (at most half of it) and holds comment-named items with a marker, of
 * another kind than the posts, goes. A block holding replies nested in a
 * reply (blocks of the posts' own kind) stays. */
static bool comment_named(const wn_node *x)
{
    if (x->nattrs == 0)
        return false;
    wn_str cl = wn_dom_attr_value(x, "class"), id = wn_dom_attr_value(x, "id");
    unsigned v = (cl.n ? wn_vocab_match(cl.p, cl.n) : 0) | (id.n ? wn_vocab_match(id.p, id.n) : 0);
    return (v & VC_COMMENT) && !(v & VC_MAYBE);
}

/* A post's author and date line stays (the thread shows who wrote what and
 * when): short marker blocks inside a post, and the blocks that hold them up
 * to the post, are never dropped by the cleaning. */
static void keep_post_lines(wn_cctx *c, wn_node *post)
{
    for (wn_node *d = post->first; d; ) {
        bool skip = d->type != WN_NODE_ELEMENT || gone(c, d);
        if (!skip && is_signature(d)) {
            wn_drop(c, d, WHY_BOILER);   /* the writer's sign-off under every post */
            skip = true;
        } else if (!skip && is_line_marker(c, d) && wn_st(c, d)->text > 0 &&
            wn_st(c, d)->text <= WN_TUNE.forum.line_max_chars) {
            for (wn_node *p = d; p && p != post; p = p->parent)
                c->nf[p->id] |= CN_KEEP;
            skip = true;
        }
        d = wn_dom_next(post, d, skip);
    }
}

static void drop_post_comments(wn_cctx *c, const uint8_t *mk, wn_node *post, uint32_t kind)
{
    for (wn_node *d = post->first; d; ) {
        bool skip = d->type != WN_NODE_ELEMENT || gone(c, d);
        if (!skip && mk[d->id] && kind_of(d) != kind && comment_named(d) &&
            wn_st(c, d)->text * WN_TUNE.forum.comments_share_div <= wn_st(c, post)->text) {
            bool items = false, replies = false;
            for (wn_node *e = d->first; e && !replies; e = wn_dom_next(d, e, false)) {
                if (e->type != WN_NODE_ELEMENT)
                    continue;
                uint32_t k = kind_of(e);
                replies = k == kind;   /* replies to the reply: the thread goes on */
                items = items || (mk[e->id] && k != kind && comment_named(e));
            }
            if (items && !replies) {
                wn_drop(c, d, WHY_COMMENTS);
                skip = true;
            }
        }
        d = wn_dom_next(post, d, skip);
    }
}

typedef struct kind_tally {
    uint32_t kind, posts, text;
} kind_tally;

/* MARK: the posts' bodies */

/* Where one post's text lies: from the post down, the child holding over
 * body_share of its parent's text, as deep as that goes, and there the
 * deepest block with a class or id (a bare paragraph names no template). 0
 * when there is none below the post or it is no prose (a short reply beside
 * a longer author panel). */
static uint32_t body_kind(const wn_cctx *c, wn_node *post)
{
    wn_node *b = post, *named = NULL;
    for (;;) {
        wn_node *big = NULL;
        for (wn_node *ch = b->first; ch; ch = ch->next)
            if (ch->type == WN_NODE_ELEMENT && !gone(c, ch) &&
                (big == NULL || wn_st(c, ch)->text > wn_st(c, big)->text))
                big = ch;
        if (big == NULL ||
            (float)wn_st(c, big)->text <= WN_TUNE.forum.body_share * (float)wn_st(c, b)->text)
            break;
        b = big;
        if (b->nattrs)
            named = b;
    }
    return named == NULL || !wn_is_prose(c, named) ? 0 : kind_of(named);
}

/* MARK: a post's own chrome */

/* Whether the element's itemprop is one of the post_itemprop words with
 * these bits. */
static bool post_itemprop(const wn_node *x, unsigned bits)
{
    wn_str ip = x->nattrs ? wn_dom_attr_value(x, "itemprop") : wn_str_make(NULL, 0);
    for (size_t k = 0; ip.n && k < WN_LEX_POST_ITEMPROP_N; k++)
        if ((wn_lex_post_itemprop_bits[k] & bits) && wn_str_icontains(ip, wn_lex_post_itemprop[k]))
            return true;
    return false;
}

/* An element named for a post's author (post_author_class, or a schema.org
 * author) whose text is short enough to be a name. */
static bool is_author_name(const wn_cctx *c, const wn_node *x)
{
    if (x->type != WN_NODE_ELEMENT || x->nattrs == 0 || wn_st(c, x)->text == 0 ||
        wn_st(c, x)->text > WN_TUNE.forum.name_max_chars)
        return false;
    if (post_itemprop(x, WN_LEX_POST_ITEMPROP_AUTHOR))
        return true;
    const wn_str v[] = { wn_dom_attr_value(x, "class"), wn_dom_attr_value(x, "id") };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        for (size_t k = 0; v[i].n && k < WN_LEX_POST_AUTHOR_CLASS_N; k++)
            if (wn_str_icontains(v[i], wn_lex_post_author_class[k]))
                return true;
    return false;
}

/* A post's date: a <time> or a schema.org date. */
static bool is_post_date(const wn_node *x)
{
    if (x->type != WN_NODE_ELEMENT || x->ns != WN_NS_HTML)
        return false;
    return x->tag == WN_TAG_TIME || post_itemprop(x, WN_LEX_POST_ITEMPROP_DATE);
}

/* Whether the element's text is a post's number and nothing else ("#12"). */
static bool is_post_number(const wn_cctx *c, const wn_node *x)
{
    if (wn_text(c, x) == 0 || wn_text(c, x) > WN_TUNE.forum.number_max_chars)
        return false;
    enum { BEFORE, HASH, DIGITS } state = BEFORE;
    for (const wn_node *t = x; t; t = wn_dom_next(x, t, false)) {
        if (t->type != WN_NODE_TEXT)
            continue;
        for (size_t i = 0; i < t->text.n; i++) {
            unsigned char ch = (unsigned char)t->text.p[i];
            if (wn_is_space(ch))
                continue;
            if (state == BEFORE && ch == '#')
                state = HASH;
            else if (state != BEFORE && ch >= '0' && ch <= '9')
                state = DIGITS;
            else
                return false;
        }
    }
    return state == DIGITS;
}

/* x and all it holds stay. */
static void keep_whole(wn_cctx *c, wn_node *x)
{
    for (wn_node *e = x; e; e = wn_dom_next(x, e, false))
        c->nf[e->id] |= CN_KEEP;
}

/* Whether x holds a text longer than a field of chrome. */
static bool has_long_line(const wn_cctx *c, const wn_node *x)
{
    for (const wn_node *t = x; t; t = wn_dom_next(x, t, false))
        if (t->type == WN_NODE_TEXT && wn_text(c, t) > WN_TUNE.forum.field_max_chars)
            return true;
    return false;
}

/* A short block whose text opens with a date ("Feb 14, 2026 | 9:05 pm"):
 * a post's date written without markup. */
static bool date_line(const wn_cctx *c, const wn_node *x)
{
    if (wn_text(c, x) == 0 || wn_text(c, x) > WN_TUNE.forum.field_max_chars)
        return false;
    char buf[WN_META_DATE_LEN * 4], out[WN_META_DATE_LEN];
    size_t n = 0;
    for (const wn_node *t = x; t && n < sizeof buf; t = wn_dom_next(x, t, false))
        if (t->type == WN_NODE_TEXT)
            for (size_t i = 0; i < t->text.n && n < sizeof buf; i++)
                buf[n++] = t->text.p[i];
    size_t i = 0;
    while (i < n && wn_is_space((unsigned char)buf[i]))
        i++;
    return wn_meta_parse_date(buf + i, n - i, 0, wn_meta_date_bound(), out);
}

/* The author panel around a post's author name, outside the post's body
 * (rank, post count, join date, avatar, badges): the name stays, and so does
 * a date in it; everything else in it goes. The name is the first schema.org
 * name inside the marked element when it holds one (a handle shown twice).
 * The panel is the largest block around the name below the post, outside
 * the body and short. Returns the panel. */
static wn_node *trim_author_panel(wn_cctx *c, wn_node *post, wn_node *name)
{
    /* The innermost marked element: a box named for the author holds the
     * name's own element. */
    for (bool deeper = true; deeper; ) {
        deeper = false;
        for (wn_node *e = name->first; e && !deeper; e = wn_dom_next(name, e, false))
            if (e->type == WN_NODE_ELEMENT && !gone(c, e) && is_author_name(c, e)) {
                name = e;
                deeper = true;
            }
    }
    for (wn_node *e = name->first; e; e = wn_dom_next(name, e, false))
        if (e->type == WN_NODE_ELEMENT && !gone(c, e) && wn_st(c, e)->text &&
            post_itemprop(e, WN_LEX_POST_ITEMPROP_NAME)) {
            name = e;
            break;
        }
    wn_node *panel = name;
    while (panel->parent && panel->parent != post && !(c->nf[panel->parent->id] & CN_POSTBODY) &&
           wn_st(c, panel->parent)->text <= WN_TUNE.forum.panel_max_chars)
        panel = panel->parent;
    /* A panel is short fields; a line of text longer than one is a remark
     * signed by its writer (a comment under a post), which stays whole. */
    if (has_long_line(c, panel))
        return panel;
    /* What stays: the name, the dates, and the blocks holding them. */
    for (wn_node *d = panel; d; ) {
        bool keep = d == name || is_post_date(d);
        if (keep)
            for (wn_node *p = d; p && p != panel->parent; p = p->parent)
                c->nf[p->id] |= CN_KEEP;
        if (d == name)
            keep_whole(c, d);
        d = wn_dom_next(panel, d, keep);
    }
    for (wn_node *d = panel; d; ) {
        bool skip = gone(c, d) || d == name || is_post_date(d);
        if (!skip && !(c->nf[d->id] & CN_KEEP)) {
            if (d->type == WN_NODE_ELEMENT || wn_text(c, d))
                wn_drop(c, d, WHY_POST_CHROME);
            skip = true;
        }
        d = wn_dom_next(panel, d, skip);
    }
    return panel;
}

/* Outside its body, a post's author panel is trimmed to the name and date,
 * and its number ("#12", a link to the post) goes. */
static void trim_post_chrome(wn_cctx *c, wn_node *post, uint32_t body)
{
    bool has_body = false;
    for (wn_node *d = post->first; d; ) {
        bool is_body = d->type == WN_NODE_ELEMENT && !gone(c, d) &&
                       (c->nf[d->id] & CN_POSTBODY) && d->nattrs && kind_of(d) == body;
        has_body = has_body || is_body;
        bool skip = d->type != WN_NODE_ELEMENT || gone(c, d) || is_body;
        if (!skip && !(c->nf[d->id] & CN_POSTBODY) && is_author_name(c, d)) {
            d = trim_author_panel(c, post, d);
            skip = true;
        } else if (!skip && is_post_number(c, d)) {
            wn_drop(c, d, WHY_POST_CHROME);
            skip = true;
        }
        d = wn_dom_next(post, d, skip);
    }
    /* What is left outside the body, the author panels, the author and date
     * lines and the dates is the post's own chrome: reply and quote buttons,
     * edit notes, reactions, the thread's title repeated. Its short lines go;
     * a longer line (over field_max_chars) is text and stays. A post
     * without the body block keeps them: its text may be among them. */
    for (wn_node *d = has_body ? post->first : NULL; d; ) {
        bool skip = gone(c, d);
        if (!skip && d->type == WN_NODE_ELEMENT && (c->nf[d->id] & CN_POSTBODY) && d->nattrs &&
            kind_of(d) == body) {
            skip = true;   /* the body */
        } else if (!skip && !(c->nf[d->id] & CN_KEEP)) {
            skip = true;
            if (is_post_date(d) || date_line(c, d))
                ;   /* left to the usual cleaning */
            else if (wn_text(c, d) && !has_long_line(c, d))
                wn_drop(c, d, WHY_POST_CHROME);
            else
                skip = false;   /* a long line inside: look closer */
        }
        d = wn_dom_next(post, d, skip);
    }
}

/* The posts of a thread come from one template: the block that holds the
 * text in most posts that read as prose holds it in all of them, even where a
 * reply is a few words beside a longer author panel. That block and the
 * blocks above it up to the post are kept from the cleaning, and what lies
 * inside it is not judged by its length (a two-word reply is no "short"
 * widget and no trailing line); the other rules clean it as usual. All of
 * them are CN_POSTBODY: a quote check may still drop them. */
static uint32_t keep_post_bodies(wn_cctx *c, wn_node *run, uint32_t post_kind)
{
    kind_tally votes[KINDS_PER_PARENT];
    size_t nv = 0;
    uint32_t posts = 0;
    for (wn_node *ch = run->first; ch; ch = ch->next) {
        if (ch->type != WN_NODE_ELEMENT || gone(c, ch) || kind_of(ch) != post_kind)
            continue;
        uint32_t k = body_kind(c, ch);
        if (k == 0)
            continue;
        posts++;
        size_t j = 0;
        while (j < nv && votes[j].kind != k)
            j++;
        if (j == nv) {
            if (nv == KINDS_PER_PARENT)
                continue;
            votes[nv++] = (kind_tally){ k, 0, 0 };
        }
        votes[j].posts++;
    }
    uint32_t body = 0;
    for (size_t j = 0; j < nv; j++)
        if (votes[j].posts >= WN_TUNE.forum.thread_min_posts &&
            (float)votes[j].posts > WN_TUNE.forum.body_votes * (float)posts)
            body = votes[j].kind;
    if (body == 0)
        return 0;
    for (wn_node *post = run->first; post; post = post->next) {
        if (post->type != WN_NODE_ELEMENT || gone(c, post) || kind_of(post) != post_kind)
            continue;
        for (wn_node *d = post->first; d; ) {
            bool skip = d->type != WN_NODE_ELEMENT || gone(c, d) || is_signature(d);
            if (!skip && d->nattrs && kind_of(d) == body) {
                for (wn_node *p = d; p && p != post; p = p->parent)
                    c->nf[p->id] |= CN_KEEP | CN_POSTBODY;
                for (wn_node *e = d->first; e; e = wn_dom_next(d, e, false))
                    c->nf[e->id] |= CN_POSTBODY;
                skip = true;
            }
            d = wn_dom_next(post, d, skip);
        }
    }
    return body;
}

/* Posts are written text: a run whose blocks are mostly link text is a list
 * of teasers or a menu. */
static bool link_run(const wn_cctx *c, const wn_node *p, uint32_t kind)
{
    uint64_t text = 0, link10 = 0;
    for (const wn_node *ch = p->first; ch; ch = ch->next)
        if (ch->type == WN_NODE_ELEMENT && !gone(c, ch) && kind_of(ch) == kind) {
            text += wn_st(c, ch)->text;
            link10 += wn_st(c, ch)->link10;
        }
    return text == 0 || (float)link10 / (10.0f * (float)text) > wn_ld_limit(c, WN_TUNE.forum.run_links);
}

typedef struct thread_run {
    wn_node *parent;
    uint32_t kind, posts, text;
} thread_run;

void wn_forum_thread(wn_cctx *c)
{
    if (c->pt == NULL || c->pt->type != WN_PAGE_FORUM || c->root == NULL || c->body == NULL)
        return;
    /* Which blocks hold a marker: one bottom-up pass over the visited nodes. */
    uint8_t *mk = wn_arena_alloc(&c->d->arena, c->n ? c->n : 1);
    if (mk == NULL)
        return;
    memset(mk, 0, c->n);
    for (uint32_t i = c->norder; i-- > 0;) {
        wn_node *x = c->order[i];
        if (x->type != WN_NODE_ELEMENT || gone(c, x))
            continue;
        if (!mk[x->id] && is_marker(x))
            mk[x->id] = 1;
        if (mk[x->id] && x->parent)
            mk[x->parent->id] = 1;
    }

    /* Every run of alike marked children, then the one with the most text;
     * a run inside one of its blocks with more posts and two fifths of
     * its text is finer (layout rows hold the posts; the posts are the run). */
    thread_run *runs = wn_arena_alloc(&c->d->arena, MAX_RUNS * sizeof *runs);
    if (runs == NULL)
        return;
    size_t nruns = 0;
    for (uint32_t i = 0; i < c->norder && nruns < MAX_RUNS; i++) {
        wn_node *p = c->order[i];
        if (p->type != WN_NODE_ELEMENT || gone(c, p) || !mk[p->id] ||
            wn_st(c, p)->text < WN_TUNE.forum.thread_min_posts * WN_TUNE.forum.post_min_chars)
            continue;
        kind_tally tally[KINDS_PER_PARENT];
        size_t nt = 0;
        for (wn_node *ch = p->first; ch; ch = ch->next) {
            if (ch->type != WN_NODE_ELEMENT || gone(c, ch) || !mk[ch->id] ||
                wn_st(c, ch)->text < WN_TUNE.forum.post_min_chars)
                continue;
            uint32_t k = kind_of(ch);
            size_t j = 0;
            while (j < nt && tally[j].kind != k)
                j++;
            if (j == nt) {
                if (nt == KINDS_PER_PARENT)
                    continue;
                tally[nt++] = (kind_tally){ k, 0, 0 };
            }
            tally[j].posts++;
            tally[j].text += wn_st(c, ch)->text;
        }
        size_t bj = nt;
        for (size_t j = 0; j < nt; j++)
            if (tally[j].posts >= WN_TUNE.forum.thread_min_posts && (bj == nt || tally[j].text > tally[bj].text))
                bj = j;
        if (bj < nt && !link_run(c, p, tally[bj].kind))
            runs[nruns++] = (thread_run){ p, tally[bj].kind, tally[bj].posts, tally[bj].text };
    }
    const thread_run *run = NULL;
    for (size_t j = 0; j < nruns; j++)
        if (run == NULL || runs[j].text > run->text)
            run = &runs[j];
    for (bool finer = run != NULL; finer; ) {
        finer = false;
        for (size_t j = 0; j < nruns; j++)
            if (is_ancestor(run->parent, runs[j].parent) && runs[j].posts > run->posts &&
                runs[j].text * WN_TUNE.forum.finer_share_den >= run->text * WN_TUNE.forum.finer_share_num) {
                run = &runs[j];
                finer = true;
                break;
            }
    }
    wn_node *best = run ? run->parent : NULL;
    uint32_t best_kind = run ? run->kind : 0;
    if (best == NULL || best == c->body || !is_ancestor(c->body, best))
        return;

    /* The new container: the run's parent, grown to hold the first post when
     * that lies before the run in another kind of block (a question above its
     * answers, a story above its comments); or the block chosen first, when
     * that already holds the run. */
    wn_node *top = c->top ? c->top : c->root, *r = best, *first = NULL;
    if (is_ancestor(top, best)) {
        r = top;
        first = first_post(c, mk, best);   /* for its author line only */
        if (first && !is_ancestor(r, first))
            first = NULL;
    } else {
        first = first_post(c, mk, best);
        if (first)
            for (r = best->parent; r && !is_ancestor(r, first); r = r->parent)
                ;
        top = first ? first : best;
    }
    if (r == NULL || r->type != WN_NODE_ELEMENT)
        return;
    /* The block chosen first stays in, or is outweighed: a run elsewhere that
     * is smaller than it is a side list, not the thread. */
    wn_node *chosen = c->top ? c->top : c->root;
    if (r != chosen && !is_ancestor(r, chosen) &&
        (float)run->text < WN_TUNE.forum.run_over_chosen * (float)wn_st(c, chosen)->text)
        return;

    /* Drops made while choosing (siblings "outside the article") are undone
     * inside the new container, then everything off the paths from it to the
     * run and to the first block goes. */
    for (wn_node *x = r; x; ) {
        bool skip = (c->nf[x->id] & CN_IGNORED) != 0;
        if ((c->nf[x->id] & CN_DROPPED) && c->why[x->id] == WHY_OUTSIDE)
            undrop(c, x);
        x = wn_dom_next(r, x, skip);
    }
    if (r != best && r != top) {
        for (wn_node *a = r; a; ) {
            wn_node *next = NULL;
            for (wn_node *ch = a->first; ch; ch = ch->next) {
                if (gone(c, ch))
                    continue;
                bool path_best = ch == best || (ch->type == WN_NODE_ELEMENT && is_ancestor(ch, best));
                bool path_top = ch == top || (ch->type == WN_NODE_ELEMENT && is_ancestor(ch, top));
                if (path_best && !path_top)
                    continue;   /* the run's side: kept whole, cleaned as usual */
                if (path_top && !path_best)
                    continue;   /* the first block's side */
                if (path_best && path_top) {
                    next = ch;
                    continue;
                }
                if (ch->type == WN_NODE_ELEMENT || wn_text(c, ch))
                    wn_drop(c, ch, WHY_OUTSIDE);
            }
            a = next;
        }
    }
    uint32_t body = keep_post_bodies(c, best, best_kind);
    wn_node *last_post = NULL;
    for (wn_node *ch = best->first; ch; ch = ch->next)
        if (ch->type == WN_NODE_ELEMENT && !gone(c, ch) && kind_of(ch) == best_kind) {
            c->nf[ch->id] |= CN_KEEP;
            drop_post_comments(c, mk, ch, best_kind);
            keep_post_lines(c, ch);
            if (body)
                trim_post_chrome(c, ch, body);
            last_post = ch;
        }
    /* After the last post the thread's own furniture follows: the reply form,
     * "ask a question" notices, pagination, links to other threads. Blocks
     * there that are no post and hold no author or date go. */
    for (wn_node *ch = last_post ? last_post->next : NULL; ch; ch = ch->next)
        if (ch->type == WN_NODE_ELEMENT && !gone(c, ch) && !mk[ch->id] &&
            kind_of(ch) != best_kind)
            wn_drop(c, ch, WHY_THREAD_END);
    /* The same below the thread's block, up to the new container. */
    for (wn_node *a = best; last_post && a && a != r; a = a->parent)
        for (wn_node *ch = a->next; ch; ch = ch->next)
            if (ch->type == WN_NODE_ELEMENT && !gone(c, ch) && !mk[ch->id])
                wn_drop(c, ch, WHY_THREAD_END);
    if (first) {
        drop_post_comments(c, mk, first, best_kind);
        keep_post_lines(c, first);
    }
    for (wn_node *p = r; p; p = p->parent)
        c->nf[p->id] |= CN_KEEP;
    c->root = r;
    c->merged = r != top;
    c->thread_posts = run->posts;
}

/* Forum software puts each post's text in a form of its own (for in-place
 * editing): a short reply is still a post. */
bool wn_forum_keeps_form(const wn_cctx *c, const wn_node *form)
{
    if (c->pt == NULL || c->pt->type != WN_PAGE_FORUM)
        return false;
    const wn_cstat *s = wn_st(c, form);
    return s->text >= WN_TUNE.forum.post_min_chars && s->input <= WN_TUNE.forum.form_max_inputs &&
           wn_link_density(c, form) < wn_ld_limit(c, WN_TUNE.forum.form_links);
}

/* A post's text is often lines broken by <br>, no <p>, beside the writer's
 * avatar and badges: in a thread a block that reads as prose is no gallery,
 * whatever its pictures. */
bool wn_forum_post_prose(const wn_cctx *c, const wn_node *x)
{
    return c->thread_posts > 0 && wn_is_prose(c, x);
}
