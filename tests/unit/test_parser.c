/*
 * test_parser.c: tree construction through wn_html_parse / wn_html_build_tree:
 * implied tags, foster parenting, the adoption agency, templates, SVG/MathML,
 * fragments, text merging, chunked = whole, and the limits (max_depth, max_nodes,
 * max_arena_bytes, max_input_bytes, time_limit_ms) on hostile 1,000,000-deep input.
 */
#include "check.h"

#include <time.h>

#include "core/buf.h"
#include "html/parser.h"
#include "html/treebuilder_internal.h"

/* Sanitizers and -O0 make everything several times slower; the bound is for -O2. */
#if defined(__SANITIZE_ADDRESS__) || defined(WN_DEBUG)
#define TIME_BOUND 4.0
#else
#define TIME_BOUND 1.0
#endif

static int buf_sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}

/* Parse (whole document or fragment) and return the dump; caller frees with free(). */
static char *dump_of(const char *html, const char *ctx)
{
    wn_options opt;
    wn_options_init(&opt);
    wn_error err;
    wn_doc *d = wn_html_parse(html, strlen(html), &opt, ctx, &err);
    if (d == NULL)
        return strdup("(parse failed)");
    wn_buf b;
    wn_buf_init(&b, 0);
    wn_html_dump_tree(d, buf_sink, &b);
    wn_doc_free(d);
    wn_buf_cstr(&b);
    return b.p ? b.p : strdup("");
}

#define CHECK_TREE(html, ctx, expected)        \
    do {                                       \
        char *got_ = dump_of((html), (ctx));   \
        CHECK_EQ_STR(got_, (expected));        \
        free(got_);                            \
    } while (0)

static double cpu_seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Deepest node below the document, walking like wn_dom_next but counting levels. */
static int tree_depth(const wn_doc *d)
{
    int depth = 0, maxd = 0;
    const wn_node *n = d->root;
    for (;;) {
        if (n->first) {
            n = n->first;
            depth++;
        } else {
            while (n != d->root && n->next == NULL) {
                n = n->parent;
                depth--;
            }
            if (n == d->root)
                break;
            n = n->next;
        }
        if (depth > maxd)
            maxd = depth;
    }
    return maxd;
}

static void test_tag_tables(void)
{
    const char *bad = tb_check_tag_tables();
    CHECK(bad == NULL);
    if (bad)
        fprintf(stderr, "%s\n", bad);
}

static void test_implied_tags(void)
{
    CHECK_TREE("<p>One<p>Two", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       \"One\"\n"
               "|     <p>\n|       \"Two\"\n");
    CHECK_TREE("<title>a&amp;b</title><li>x<li>y", NULL,
               "| <html>\n|   <head>\n|     <title>\n|       \"a&b\"\n|   <body>\n"
               "|     <li>\n|       \"x\"\n|     <li>\n|       \"y\"\n");
    CHECK_TREE("<!DOCTYPE html><!--c-->", NULL,
               "| <!DOCTYPE html>\n| <!-- c -->\n| <html>\n|   <head>\n|   <body>\n");
}

static void test_tables(void)
{
    /* "x" is foster-parented in front of the table; tbody is implied. */
    CHECK_TREE("<table>x<tr><td>y</td></tr></table>", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     \"x\"\n|     <table>\n"
               "|       <tbody>\n|         <tr>\n|           <td>\n|             \"y\"\n");
    /* A <div> inside a table is foster-parented too, and the cell closes on </table>. */
    CHECK_TREE("<table><div>d</div><tr><td>c</table>z", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <div>\n|       \"d\"\n|     <table>\n"
               "|       <tbody>\n|         <tr>\n|           <td>\n|             \"c\"\n"
               "|     \"z\"\n");
}

static void test_adoption_agency(void)
{
    CHECK_TREE("<b>1<p>2</b>3</p>", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <b>\n|       \"1\"\n|     <p>\n"
               "|       <b>\n|         \"2\"\n|       \"3\"\n");
    CHECK_TREE("<a href=x>1<div>2</a>3</div>", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <a>\n|       href=\"x\"\n|       \"1\"\n"
               "|     <div>\n|       <a>\n|         href=\"x\"\n|         \"2\"\n|       \"3\"\n");
    /* Unclosed <i> is reconstructed in the next paragraph. */
    CHECK_TREE("<p><i>a<p>b", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <p>\n|       <i>\n|         \"a\"\n"
               "|     <p>\n|       <i>\n|         \"b\"\n");
}

static void test_frameset(void)
{
    /* after </html> of a frameset document only whitespace survives, each piece kept */
    CHECK_TREE("<frameset></frameset></html> a b", NULL,
               "| <html>\n|   <head>\n|   <frameset>\n|   \"  \"\n");
}

static void test_template(void)
{
    CHECK_TREE("<template><td>x</td></template>", NULL,
               "| <html>\n|   <head>\n|     <template>\n|       content\n|         <td>\n"
               "|           \"x\"\n|   <body>\n");
}

static void test_foreign(void)
{
    CHECK_TREE("<svg viewbox=\"0 0 1 1\"><foreignobject><p>x</p></foreignobject></svg>"
               "<math><mi>y</mi></math>", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       viewBox=\"0 0 1 1\"\n"
               "|       <svg foreignObject>\n|         <p>\n|           \"x\"\n"
               "|     <math math>\n|       <math mi>\n|         \"y\"\n");
    CHECK_TREE("<svg><a xlink:href=u /></svg>", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       <svg a>\n"
               "|         xlink href=\"u\"\n");
    /* An HTML breakout tag leaves SVG. */
    CHECK_TREE("<svg><g><p>t", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <svg svg>\n|       <svg g>\n"
               "|     <p>\n|       \"t\"\n");
}

static void test_fragment(void)
{
    CHECK_TREE("<td>a", "tr", "| <td>\n|   \"a\"\n");
    CHECK_TREE("<b>x</b>", "div", "| <b>\n|   \"x\"\n");
    CHECK_TREE("<path/>", "svg svg", "| <svg path>\n");
}

static void test_text_merge_and_slices(void)
{
    static const char html[] = "<p>hello world</p><p>a&amp;b</p>";
    wn_options opt;
    wn_options_init(&opt);
    wn_doc *d = wn_doc_new(0);
    CHECK(wn_html_build_tree(d, html, sizeof html - 1, &opt, NULL, NULL) == WN_OK);
    wn_node *body = d->root->first->last;
    CHECK(wn_is_html(body, WN_TAG_BODY));
    wn_node *p1 = body->first, *p2 = p1->next;
    /* unchanged text stays a slice of the input */
    CHECK(p1->first->text.p >= html && p1->first->text.p < html + sizeof html);
    CHECK_EQ_MEM(p1->first->text.p, p1->first->text.n, "hello world");
    /* "a", "&amp;" and "b" merge into one text node */
    CHECK(p2->first == p2->last);
    CHECK_EQ_MEM(p2->first->text.p, p2->first->text.n, "a&b");
    CHECK(wn_dom_check(d) == NULL);
    wn_doc_free(d);
}

/* CRLF line ends: a CRLF reads as its LF alone, so attribute values and text
 * that hold no line end inside stay slices of the input instead of copies
 * (half the dev pages use CRLF); only text with a line end inside is copied. */
static void test_crlf_slices(void)
{
    static const char html[] = "<p class=\"a b\">\r\n  x\r\ny</p>\r\n<p title=z>\r\n\tz</p>\r";
    wn_options opt;
    wn_options_init(&opt);
    char *whole = NULL;
    size_t chunks[] = { 0, 1, 2, 3, 5, 8 };
    for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
        wn_doc *d = wn_doc_new(0);
        CHECK(wn_html_build_tree_chunked(d, html, sizeof html - 1, chunks[i], &opt, NULL, NULL) ==
              WN_OK);
        wn_node *body = d->root->first->last;
        CHECK(wn_is_html(body, WN_TAG_BODY));
        wn_node *p1 = body->first, *sep = p1->next, *p2 = sep->next;
        CHECK(wn_is_html(p1, WN_TAG_P) && sep->type == WN_NODE_TEXT && wn_is_html(p2, WN_TAG_P));
        CHECK_EQ_MEM(p1->attrs[0].value.p, p1->attrs[0].value.n, "a b");
        CHECK(p1->attrs[0].value.p > html && p1->attrs[0].value.p < html + sizeof html);
        CHECK_EQ_MEM(p1->first->text.p, p1->first->text.n, "\n  x\ny");
        CHECK_EQ_MEM(sep->text.p, sep->text.n, "\n");
        CHECK(sep->text.p > html && sep->text.p < html + sizeof html);
        CHECK_EQ_MEM(p2->first->text.p, p2->first->text.n, "\n\tz");
        CHECK(p2->first->text.p > html && p2->first->text.p < html + sizeof html);
        CHECK_EQ_MEM(p2->next->text.p, p2->next->text.n, "\n");   /* the lone CR at the end */
        CHECK(wn_dom_check(d) == NULL);
        wn_buf b;
        wn_buf_init(&b, 0);
        wn_html_dump_tree(d, buf_sink, &b);
        wn_buf_cstr(&b);
        if (whole == NULL)
            whole = strdup(b.p);
        else
            CHECK_EQ_STR(b.p, whole);
        wn_buf_fini(&b);
        wn_doc_free(d);
    }
    free(whole);
}

static void test_chunked_equals_whole(void)
{
    static const char html[] =
        "<!DOCTYPE html><html><head><title>T</title><style>p{}</style></head><body>"
        "<table><tr><td>a<b>b<i>c</b>d</i></td></tr></table><svg><desc>x</desc></svg>"
        "<textarea>\nq</textarea><pre>\n\nr</pre>x&notin;y&amp z<script>a<b</script>";
    wn_options opt;
    wn_options_init(&opt);
    char *whole = NULL;
    size_t chunks[] = { 0, 1, 2, 3, 7, 64 };
    for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
        wn_doc *d = wn_doc_new(0);
        CHECK(wn_html_build_tree_chunked(d, html, sizeof html - 1, chunks[i], &opt, NULL, NULL) ==
              WN_OK);
        wn_buf b;
        wn_buf_init(&b, 0);
        wn_html_dump_tree(d, buf_sink, &b);
        wn_buf_cstr(&b);
        if (whole == NULL)
            whole = strdup(b.p);
        else
            CHECK_EQ_STR(b.p, whole);
        wn_buf_fini(&b);
        wn_doc_free(d);
    }
    free(whole);
}

static char *repeat(const char *unit, int times, size_t *len)
{
    size_t u = strlen(unit);
    char *p = malloc(u * (size_t)times + 1);
    for (int i = 0; i < times; i++)
        memcpy(p + u * (size_t)i, unit, u);
    p[u * (size_t)times] = '\0';
    *len = u * (size_t)times;
    return p;
}

/* 1,000,000 nested start tags: bounded depth, every element kept, fast. */
static void deep(const char *unit, uint32_t expect_nodes, int expect_max_depth)
{
    size_t n;
    char *html = repeat(unit, 1000000, &n);
    wn_options opt;
    wn_options_init(&opt);
    double t0 = cpu_seconds();
    wn_error err;
    wn_doc *d = wn_html_parse(html, n, &opt, NULL, &err);
    double dt = cpu_seconds() - t0;
    CHECK(d != NULL);
    if (d) {
        CHECK_EQ_INT(d->node_count, expect_nodes);
        int depth = tree_depth(d);
        CHECK(depth <= expect_max_depth);
        CHECK(wn_dom_check(d) == NULL);
        wn_doc_free(d);
    }
    if (dt >= TIME_BOUND)
        fprintf(stderr, "%s x 1e6 took %.3f s\n", unit, dt);
    CHECK(dt < TIME_BOUND);
    free(html);
}

/* document + html + head + body + 1e6 elements; depth capped at max_depth (512) + 1.
 * Each tag is padded to 13+ bytes: one 96-byte node per 13 bytes stays inside the
 * structure budget (8 bytes per input byte), which test_structure_budget tests. */
#define PAD "             "
static void test_deep_div(void) { deep("<div" PAD ">", 1000004, 513); }
static void test_deep_b(void) { deep("<b" PAD ">", 1000004, 513); }
/* <table><table> closes the first: 1e6 sibling tables at depth 3 */
static void test_deep_table(void) { deep("<table" PAD ">", 1000004, 3); }
/* each <a> closes the previous one (adoption agency): siblings */
static void test_deep_a(void) { deep("<a" PAD ">", 1000004, 3); }

/* 100,000 distinct formatting elements, each closed by a <p> and so reconstructed at
 * the next one: a reconstruction bomb. Nodes stay linear in the input. */
static void test_many_formatting(void)
{
    wn_buf b;
    wn_buf_init(&b, 0);
    for (int i = 0; i < 100000; i++)
        wn_buf_printf(&b, "<b id=%d><p>", i);
    wn_buf_puts(&b, "x");
    wn_options opt;
    wn_options_init(&opt);
    double t0 = cpu_seconds();
    wn_doc *d = wn_html_parse(b.p, b.n, &opt, NULL, NULL);
    double dt = cpu_seconds() - t0;
    CHECK(d != NULL);
    if (d) {
        CHECK(tree_depth(d) <= 513);
        CHECK(d->node_count < 5u * 200000u);
        wn_doc_free(d);
    }
    CHECK(dt < TIME_BOUND);
    wn_buf_fini(&b);
    /* and 100,000 distinct ones left open: the list is capped at the depth limit */
    wn_buf_init(&b, 0);
    for (int i = 0; i < 100000; i++)
        wn_buf_printf(&b, "<i class=c%d>", i);
    wn_buf_puts(&b, "</i>x");
    t0 = cpu_seconds();
    d = wn_html_parse(b.p, b.n, &opt, NULL, NULL);
    dt = cpu_seconds() - t0;
    CHECK(d != NULL);
    if (d) {
        CHECK_EQ_INT(d->node_count, 100000 + 4 + 1);
        CHECK(tree_depth(d) <= 513);
        wn_doc_free(d);
    }
    CHECK(dt < TIME_BOUND);
    wn_buf_fini(&b);
}

/* Token floods against a stack kept just under the depth limit: each token must cost
 * O(1), not a walk over the 500 open elements (which would be 5e8 steps here). */
static void flood(const char *head, const char *pre, int npre, const char *unit, int n,
                  uint32_t expect_nodes)
{
    wn_buf b;
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, head);
    for (int i = 0; i < npre; i++)
        wn_buf_printf(&b, pre, i);
    for (int i = 0; i < n; i++)
        wn_buf_puts(&b, unit);
    wn_options opt;
    wn_options_init(&opt);
    double t0 = cpu_seconds();
    wn_doc *d = wn_html_parse(b.p, b.n, &opt, NULL, NULL);
    double dt = cpu_seconds() - t0;
    CHECK(d != NULL);
    if (d) {
        CHECK_EQ_INT(d->node_count, expect_nodes);
        wn_doc_free(d);
    }
    if (dt >= TIME_BOUND)
        fprintf(stderr, "flood %s%s...%s took %.3f s\n", head, pre, unit, dt);
    CHECK(dt < TIME_BOUND);
    wn_buf_fini(&b);
}

static void test_floods(void)
{
    /* document, html, head, body, <x>, 500 spans; every </y> is ignored */
    flood("<x>", "<span>", 500, "</y>", 1000000, 4 + 1 + 500);
    /* the same inside SVG: each </y> goes through foreign content, then in body */
    flood("<svg>", "<g>", 500, "</y>", 1000000, 4 + 1 + 500);
    /* </b> with 500 distinct <i> open: the formatting list holds 64 of them */
    flood("", "<i class=%d>", 500, "</b>", 1000000, 4 + 500);
    /* "has a p in button scope" with p and button open below 500 spans, then 500
     * divs nest up to the depth limit and the rest attach there */
    flood("<p><button>", "<span>", 500, "<div" PAD ">", 1000000, 4 + 2 + 500 + 1000000);
    /* <li> after </li>: the walk for an open li stops at <section> under 500 spans */
    flood("<section>", "<span>", 500, "<li" PAD "></li>", 500000, 4 + 1 + 500 + 500000);
}

/* <selectedcontent> mirrors the selected option; 100,000 options must not make the
 * mirroring quadratic, and a selectedcontent inside an option must not copy itself. */
static void test_selectedcontent(void)
{
    CHECK_TREE("<select><button><selectedcontent></button><option>A<option selected>B</select>", NULL,
               "| <html>\n|   <head>\n|   <body>\n|     <select>\n|       <button>\n"
               "|         <selectedcontent>\n|           \"B\"\n|       <option>\n|         \"A\"\n"
               "|       <option>\n|         selected=\"\"\n|         \"B\"\n");
    wn_buf b;
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, "<select><button><selectedcontent></button>");
    for (int i = 0; i < 100000; i++)
        wn_buf_puts(&b, "<option>x<b>y</b>");
    wn_options opt;
    wn_options_init(&opt);
    double t0 = cpu_seconds();
    wn_doc *d = wn_html_parse(b.p, b.n, &opt, NULL, NULL);
    CHECK(cpu_seconds() - t0 < TIME_BOUND);
    CHECK(d != NULL);
    if (d) {
        /* html > body > select > button > selectedcontent: "x", <b>"y" of option 1 */
        wn_node *sc = d->root->first->last->first->first->first;
        CHECK(sc && sc->first && sc->first->type == WN_NODE_TEXT && sc->first->next &&
              wn_is_html(sc->first->next, WN_TAG_B) && sc->first->next->next == NULL);
        wn_doc_free(d);
    }
    wn_buf_fini(&b);
    /* nested options around a selectedcontent: no self-copy, bounded size */
    wn_buf_init(&b, 0);
    wn_buf_puts(&b, "<select><option><selectedcontent>");
    for (int i = 0; i < 200; i++)
        wn_buf_puts(&b, "<div><option>z");
    d = wn_html_parse(b.p, b.n, &opt, NULL, NULL);
    CHECK(d != NULL);
    if (d) {
        CHECK(d->node_count < 10000);
        wn_doc_free(d);
    }
    wn_buf_fini(&b);
}

/* Tags with 1,000 attributes, repeated: Noah's Ark (formatting elements) and the
 * <html>/<body> attribute merge must not compare attribute lists pairwise. */
static void test_attribute_floods(void)
{
    const char *tags[] = { "b", "body" };
    for (int k = 0; k < 2; k++) {
        wn_buf b;
        wn_buf_init(&b, 0);
        for (int n = 0; n < 1000; n++) {
            wn_buf_printf(&b, "<%s", tags[k]);
            for (int i = 0; i < 1000; i++)
                wn_buf_printf(&b, " a%d=v", (i * 7 + n) % 1000);   /* shuffled per tag */
            wn_buf_puts(&b, ">x");
        }
        wn_options opt;
        wn_options_init(&opt);
        double t0 = cpu_seconds();
        wn_doc *d = wn_html_parse(b.p, b.n, &opt, NULL, NULL);
        double dt = cpu_seconds() - t0;
        CHECK(d != NULL);
        if (d) {
            wn_node *body = d->root->first->last;
            CHECK(wn_is_html(body, WN_TAG_BODY));
            if (k == 1)
                CHECK_EQ_INT(body->nattrs, 1000);   /* merged: every name once */
            wn_doc_free(d);
        }
        CHECK(dt < TIME_BOUND);
        wn_buf_fini(&b);
    }
}

/* Characters in text nodes, whole tree. */
static size_t text_bytes(const wn_doc *d)
{
    size_t n = 0;
    for (const wn_node *x = d->root; x; x = wn_dom_next(d->root, x, false))
        if (x->type == WN_NODE_TEXT)
            n += x->text.n;
    return n;
}

static bool tree_has_text(const wn_doc *d, const char *s)
{
    for (const wn_node *x = d->root; x; x = wn_dom_next(d->root, x, false))
        if (x->type == WN_NODE_TEXT && memmem(x->text.p, x->text.n, s, strlen(s)))
            return true;
    return false;
}

/* Markup built to amplify memory: past TB_STRUCT_BANK + 8 bytes per input byte of
 * nodes and attributes, tags are ignored and text kept, so the arena stays a
 * small multiple of the input whatever the markup; real pages never get there. */
static void test_structure_budget(void)
{
    static const char *const units[] = {
        "<p>x",                       /* 2 nodes per 4 bytes */
        "<b><i><p>x",                 /* misnested: reconstruction clones b and i */
        "<a href=x>x",                /* unclosed links: adoption agency at each one */
        "<br a b c d e f g h>x",      /* 8 attributes per 21 bytes */
    };
    wn_options opt;
    wn_options_init(&opt);
    for (size_t k = 0; k < sizeof units / sizeof *units; k++) {
        size_t n;
        char *html = repeat(units[k], 3000000 / (int)strlen(units[k]), &n);
        wn_doc *d = wn_html_parse(html, n, &opt, NULL, NULL);
        CHECK(d != NULL);
        if (d) {
            CHECK(d->text_only);
            /* every "x" is kept: one per unit */
            CHECK_EQ_INT(text_bytes(d), n / strlen(units[k]));
            /* 8 per byte for the structure, the input-sized rest (merged text) and
             * the bank: under 12 per byte at 3 MB */
            CHECK(d->arena.peak < 12 * n);
            CHECK(wn_dom_check(d) == NULL);
            wn_doc_free(d);
        }
        free(html);
    }

    /* The budget counts the page's bytes as they came, not decoded: in
     * windows-1252 each 0x80 byte is U+20AC, three bytes of UTF-8, and the
     * structure may not grow with them (17.8x here when it did, 13.8x now). */
    {
        size_t un;
        char *euros = repeat("<p>\x80", 750000, &un);
        wn_buf page;
        wn_buf_init(&page, 0);
        wn_buf_puts(&page, "<meta charset=windows-1252>");
        wn_buf_put(&page, euros, un);
        wn_doc *d = wn_html_parse(page.p, page.n, &opt, NULL, NULL);
        CHECK(d != NULL);
        if (d) {
            CHECK(d->text_only);
            /* 8 per byte, the bank (2.8 per byte at 3 MB), the decoded text (1.5
             * per byte) and what the tree builder copies of it */
            CHECK(d->arena.peak < 15 * page.n);
            wn_doc_free(d);
        }
        wn_buf_fini(&page);
        free(euros);
    }

    /* After the budget: script and style contents are still not text (the
     * tokenizer is switched as usual), xmp contents are, and tags are ignored. */
    size_t n;
    char *flood = repeat("<p>x", 1000000, &n);
    wn_buf b;
    wn_buf_init(&b, 0);
    wn_buf_put(&b, flood, n);
    wn_buf_puts(&b, "<script>hidden('<p>')</script><style>p{}</style><xmp><b>shown</b></xmp>"
                    "<title>t</title><p>end<!-- c -->");
    wn_doc *d = wn_html_parse(b.p, b.n, &opt, NULL, NULL);
    CHECK(d != NULL);
    if (d) {
        CHECK(d->text_only);
        CHECK(tree_has_text(d, "x<b>shown</b>end"));
        CHECK(!tree_has_text(d, "hidden"));
        CHECK(!tree_has_text(d, "p{}"));
        CHECK(!tree_has_text(d, "t"));
        CHECK(wn_dom_check(d) == NULL);
        wn_doc_free(d);
    }
    /* whole and chunked input give the same tree past the budget too */
    {
        wn_doc *d1 = wn_doc_new(0), *d2 = wn_doc_new(0);
        CHECK(wn_html_build_tree_chunked(d1, b.p, b.n, 0, &opt, NULL, NULL) == WN_OK);
        CHECK(wn_html_build_tree_chunked(d2, b.p, b.n, 61, &opt, NULL, NULL) == WN_OK);
        CHECK_EQ_INT(d1->node_count, d2->node_count);
        CHECK_EQ_INT(text_bytes(d1), text_bytes(d2));
        CHECK(d1->text_only && d2->text_only);
        wn_doc_free(d1);
        wn_doc_free(d2);
    }
    wn_buf_fini(&b);
    free(flood);

    /* a page under the bank is never touched */
    flood = repeat("<p>x", 30000, &n);
    d = wn_html_parse(flood, n, &opt, NULL, NULL);
    CHECK(d != NULL);
    if (d) {
        CHECK(!d->text_only);
        CHECK_EQ_INT(d->node_count, 4 + 2 * 30000);
        wn_doc_free(d);
    }
    free(flood);
}

static void test_limits(void)
{
    size_t n;
    char *html = repeat("<p>x", 10000, &n);
    wn_options opt;
    wn_error err;

    wn_options_init(&opt);
    opt.max_nodes = 1000;
    CHECK(wn_html_parse(html, n, &opt, NULL, &err) == NULL);
    CHECK_EQ_INT(err.status, WN_ERR_LIMIT);

    wn_options_init(&opt);
    opt.max_arena_bytes = 64 * 1024;
    CHECK(wn_html_parse(html, n, &opt, NULL, &err) == NULL);
    CHECK_EQ_INT(err.status, WN_ERR_LIMIT);

    wn_options_init(&opt);
    opt.max_input_bytes = 100;
    CHECK(wn_html_parse(html, n, &opt, NULL, &err) == NULL);
    CHECK_EQ_INT(err.status, WN_ERR_LIMIT);

    wn_options_init(&opt);
    opt.max_depth = 10;
    free(html);
    html = repeat("<div>", 1000, &n);
    wn_doc *d = wn_html_parse(html, n, &opt, NULL, &err);
    CHECK(d != NULL);
    if (d) {
        CHECK_EQ_INT(d->node_count, 1004);
        CHECK(tree_depth(d) <= 11);
        wn_doc_free(d);
    }
    free(html);

    /* 1 ms cannot parse 40 MB of markup. */
    html = repeat("<i>a</i>", 5000000, &n);
    wn_options_init(&opt);
    opt.time_limit_ms = 1;
    opt.max_nodes = 0;
    CHECK(wn_html_parse(html, n, &opt, NULL, &err) == NULL);
    CHECK_EQ_INT(err.status, WN_ERR_TIMEOUT);
    free(html);
}

int main(void)
{
    RUN(test_tag_tables);
    RUN(test_implied_tags);
    RUN(test_tables);
    RUN(test_adoption_agency);
    RUN(test_frameset);
    RUN(test_template);
    RUN(test_foreign);
    RUN(test_fragment);
    RUN(test_text_merge_and_slices);
    RUN(test_crlf_slices);
    RUN(test_chunked_equals_whole);
    RUN(test_deep_div);
    RUN(test_deep_b);
    RUN(test_deep_table);
    RUN(test_deep_a);
    RUN(test_many_formatting);
    RUN(test_floods);
    RUN(test_selectedcontent);
    RUN(test_attribute_floods);
    RUN(test_structure_budget);
    RUN(test_limits);
    CHECK_DONE();
}
