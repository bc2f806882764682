/*
 * test_render.c: the text, Markdown, HTML and JSON renderers on cleaned trees
 * built by hand (E/T below), plus wn_json_escape. Every expectation was written
 * from the rules in docs/internals/RENDER.md, not copied from output.
 */
#include <stdarg.h>

#include "check.h"

#include "core/buf.h"
#include "dom/dom.h"
#include "extract/article.h"
#include "render/render.h"

static wn_doc *D;   /* the document the builders allocate in */

/* Element with attributes "name=value" strings before the children; the
 * argument list ends with NULL. Attribute strings start with '@'. */
static wn_node *E(const char *tag, ...)
{
    wn_node *el = wn_dom_new_element(D, WN_NS_HTML, wn_tag_lookup(tag, strlen(tag)),
                                     wn_str_make(tag, strlen(tag)));
    wn_attr attrs[4];
    uint32_t na = 0;
    va_list ap;
    va_start(ap, tag);
    for (;;) {
        void *arg = va_arg(ap, void *);
        if (arg == NULL)
            break;
        if (((const char *)arg)[0] == '@') {
            const char *s = (const char *)arg + 1;
            const char *eq = strchr(s, '=');
            attrs[na].name = wn_str_make(s, (size_t)(eq - s));
            attrs[na].value = wn_str_make(eq + 1, strlen(eq + 1));
            attrs[na].ns = 0;
            na++;
        } else {
            wn_dom_append(el, (wn_node *)arg);
        }
    }
    va_end(ap);
    if (na)
        wn_dom_set_attrs(D, el, attrs, na);
    return el;
}

/* Text nodes are told apart from attribute strings by their first byte, so a
 * text must not start with '@' (none here does). */
static wn_node *T(const char *s)
{
    return wn_dom_new_text(D, wn_str_make(s, strlen(s)));
}

static wn_node *frag(wn_node *first, ...)
{
    wn_node *f = wn_dom_new_fragment(D);
    va_list ap;
    va_start(ap, first);
    for (wn_node *n = first; n; n = va_arg(ap, wn_node *))
        wn_dom_append(f, n);
    va_end(ap);
    return f;
}

static int sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}

static wn_buf OUT;

static const char *txt(wn_node *f)
{
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_text(f, 0, sink, &OUT), WN_OK);
    return wn_buf_cstr(&OUT);
}

static const char *md(wn_node *f, unsigned flags)
{
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_markdown(f, flags, sink, &OUT), WN_OK);
    return wn_buf_cstr(&OUT);
}

static const char *txtf(wn_node *f, unsigned flags)
{
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_text(f, flags, sink, &OUT), WN_OK);
    return wn_buf_cstr(&OUT);
}

static const char *htmlf(wn_node *f, const wn_article *a, unsigned flags)
{
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_html(f, a, flags, sink, &OUT), WN_OK);
    return wn_buf_cstr(&OUT);
}

static const char *html(wn_node *f)
{
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_html(f, NULL, WN_RENDER_LINKS | WN_RENDER_IMAGES, sink, &OUT), WN_OK);
    return wn_buf_cstr(&OUT);
}

/* MARK: Text ------------------------------------------------------------------ */

static void test_text_blocks(void)
{
    wn_node *f = frag(E("h2", T("Title"), NULL),
                      E("p", T("One "), E("em", T("two"), NULL), T(" three."), NULL),
                      E("blockquote", E("p", T("Quoted."), NULL), NULL),
                      E("figure", E("img", "@src=x.jpg", NULL), E("figcaption", T("Cap"), NULL), NULL),
                      E("hr", NULL),
                      E("p", T("Line"), E("br", NULL), T("next"), NULL), NULL);
    CHECK_EQ_STR(txt(f), "Title\n\nOne two three.\n\nQuoted.\n\nCap\n\nLine\nnext\n");
}

static void test_text_lists_tables_pre(void)
{
    wn_node *f = frag(E("ul", E("li", T("a"), NULL),
                              E("li", T("b"), E("ol", E("li", T("c"), NULL), NULL), NULL), NULL),
                      E("table", E("tbody",
                          E("tr", E("th", T("h1"), NULL), E("th", T("h2"), NULL), NULL),
                          E("tr", E("td", T("x"), NULL), E("td", E("p", T("y1"), NULL),
                                                         E("p", T("y2"), NULL), NULL), NULL),
                          NULL), NULL),
                      E("pre", T("  keep   this\n\n  as is\n"), NULL),
                      E("p", T("end"), NULL), NULL);
    CHECK_EQ_STR(txt(f), "a\nb\nc\n\nh1 | h2\nx | y1 y2\n\n  keep   this\n\n  as is\n\nend\n");
}

static void test_text_empty_and_spaces(void)
{
    wn_node *f = frag(E("p", NULL), E("p", T(" lead"), E("b", T(" bold "), NULL), T("tail "), NULL), NULL);
    CHECK_EQ_STR(txt(f), "lead bold tail\n");
    CHECK_EQ_STR(txt(frag(NULL)), "");
}

/* Links and images appear in text only when asked for: "text <url>" and
 * "[image: alt <src>]"; a link that shows its own address or nothing gets none. */
static void test_text_links_images(void)
{
    wn_node *f = frag(E("p", T("Read "), E("a", "@href=https://x.example/a", T("the  story"), NULL),
                        T(" or "), E("a", "@href=https://x.example/b", T("https://x.example/b"), NULL),
                        T("."), NULL),
                      E("figure", E("img", "@src=https://x.example/i.png", "@alt=A\n lock", NULL),
                        E("figcaption", T("Cap"), NULL), NULL),
                      E("p", E("a", "@href=/home", E("img", "@src=/logo.png", NULL), NULL), NULL), NULL);
    CHECK_EQ_STR(txtf(f, 0), "Read the story or https://x.example/b.\n\nCap\n");
    CHECK_EQ_STR(txtf(f, WN_RENDER_LINKS),
                 "Read the story <https://x.example/a> or https://x.example/b.\n\nCap\n");
    CHECK_EQ_STR(txtf(f, WN_RENDER_IMAGES),
                 "Read the story or https://x.example/b.\n\n[image: A lock <https://x.example/i.png>]\n\n"
                 "Cap\n\n[image </logo.png>]\n");
    CHECK_EQ_STR(txtf(f, WN_RENDER_IMAGES | WN_RENDER_LINKS),
                 "Read the story <https://x.example/a> or https://x.example/b.\n\n"
                 "[image: A lock <https://x.example/i.png>]\n\nCap\n\n[image </logo.png>] </home>\n");
}

/* MARK: Markdown -------------------------------------------------------------- */

static void test_md_inline(void)
{
    wn_node *f = frag(E("p", T("Use "), E("strong", T("bold"), NULL), T(", "), E("em", T("em "), NULL),
                           T("and "), E("code", T("a`b"), NULL), T(" or "), E("code", T("`x`"), NULL),
                           T(". "), E("a", "@href=http://x/a(1)", T("link"), NULL), NULL),
                      NULL);
    CHECK_EQ_STR(md(f, 0), "Use **bold**, *em* and ``a`b`` or `` `x` ``. link\n");
    CHECK_EQ_STR(md(f, WN_RENDER_LINKS),
                 "Use **bold**, *em* and ``a`b`` or `` `x` ``. [link](http://x/a\\(1\\))\n");
    /* emphasis around nothing vanishes */
    f = frag(E("p", T("a "), E("em", T(" "), NULL), T("b"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "a b\n");
}

/* CommonMark's flanking rules decide where * and ** may open and close. */
static void test_md_flanking(void)
{
    /* a run ending in punctuation closes before a space... */
    wn_node *f = frag(E("p", E("strong", T("Note:"), NULL), T(" text"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "**Note:** text\n");
    /* ...but not before a letter: then the emphasis goes, the text stays */
    f = frag(E("p", T("a"), E("strong", T("b:"), NULL), T("c"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "ab:c\n");
    /* an opener between a letter and punctuation cannot open */
    f = frag(E("p", T("x"), E("em", T("(y)"), NULL), T(" z"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "x(y) z\n");
    /* adjacent runs merge instead of touching */
    f = frag(E("p", E("em", T("a"), NULL), E("em", T("b"), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "*ab*\n");
    f = frag(E("p", E("em", E("strong", T("a"), NULL), NULL), E("em", E("strong", T("b"), NULL), NULL),
               NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "***ab***\n");
    /* a no-break space at the edge moves outside as a plain space */
    f = frag(E("p", E("strong", T("word\xc2\xa0"), NULL), T("next"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "**word** next\n");
    /* a # after a space in a heading would close it */
    f = frag(E("h2", T("Title "), E("a", "@href=#t", T("#"), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "## Title \\#\n");
}

/* Cases found by comparing Markdown (through a CommonMark parser) with text
 * on random markup. */
static void test_md_regressions(void)
{
    /* two code spans in a row would read as one: the second is plain text */
    wn_node *f = frag(E("p", E("code", T("a"), NULL), E("code", T("b"), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "`a`b\n");
    /* "~~" right after "**" follows punctuation: before a letter it cannot close */
    f = frag(E("p", E("s", E("strong", T("word"), NULL), NULL), T("\xc3\xa9" "a"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "**word**\xc3\xa9" "a\n");
    /* strong inside strong adds nothing */
    f = frag(E("p", E("strong", E("b", T("x"), NULL), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "**x**\n");
    /* openers at a line start that are taken back leave an escaped line start */
    f = frag(E("p", E("strong", T("- a:"), NULL), T("b"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "\\- a:b\n");
    /* a caption written after the rows still comes first */
    f = frag(E("table", E("tbody", E("tr", E("td", T("a"), NULL), NULL), NULL),
               E("caption", T("Cap"), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "Cap\n\n| a |\n| --- |\n");
    CHECK_EQ_STR(txt(f), "Cap\n\na\n");
}

static void test_md_escaping(void)
{
    wn_node *f = frag(E("p", T("2 * 3 = 6, snake_case, _x_, <b>, a\\b, AT&T, &amp; [n](u) [1]"), NULL),
                      E("p", T("# not a heading"), NULL),
                      E("p", T("1. not a list"), NULL),
                      E("p", T("- nor this"), NULL),
                      E("p", T("> nor a quote"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0),
                 "2 \\* 3 = 6, snake_case, \\_x\\_, \\<b>, a\\\\b, AT&T, \\&amp; [n\\](u) [1\\]\n\n"
                 "\\# not a heading\n\n1\\. not a list\n\n\\- nor this\n\n\\> nor a quote\n");
}

static void test_md_headings_breaks_hr(void)
{
    wn_node *f = frag(E("h1", T("One"), NULL), E("h3", T("Two"), E("br", NULL), T("lines"), NULL),
                      E("p", T("a"), E("br", NULL), T("b"), E("br", NULL), NULL),
                      E("hr", NULL), E("h6", T("Six"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "# One\n\n### Two lines\n\na\\\nb\n\n---\n\n###### Six\n");
}

static void test_md_lists(void)
{
    wn_node *f = frag(E("ul", E("li", T("one"), NULL),
                              E("li", T("two"),
                                E("ol", "@start=9", E("li", T("nine"), NULL),
                                  E("li", T("ten"), E("ul", E("li", T("deep"), NULL), NULL), NULL),
                                  NULL), NULL),
                              E("li", E("p", T("para 1"), NULL), E("p", T("para 2"), NULL), NULL),
                              NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "- one\n- two\n\n  9. nine\n  10. ten\n      - deep\n"
                           "- para 1\n\n  para 2\n");
    f = frag(E("p", T("Intro"), NULL), E("ol", E("li", T("a"), NULL), E("li", T("b"), NULL), NULL),
             NULL);
    CHECK_EQ_STR(md(f, 0), "Intro\n\n1. a\n2. b\n");
}

static void test_md_quotes(void)
{
    wn_node *f = frag(E("blockquote", E("p", T("outer 1"), NULL),
                        E("blockquote", E("p", T("inner"), NULL), E("p", T("inner 2"), NULL), NULL),
                        E("p", T("outer 2"), NULL), NULL),
                      E("p", T("after"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "> outer 1\n>\n> > inner\n> >\n> > inner 2\n>\n> outer 2\n\nafter\n");
    /* a quote inside a list item carries both prefixes */
    f = frag(E("ul", E("li", T("item"), E("blockquote", E("p", T("q"), NULL), NULL), NULL), NULL),
             NULL);
    CHECK_EQ_STR(md(f, 0), "- item\n\n  > q\n");
}

static void test_md_code_blocks(void)
{
    wn_node *f = frag(E("pre", E("code", "@class=language-python", T("def f():\n    return 1\n"), NULL),
                        NULL),
                      E("pre", T("a ``` fence\n\nend"), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "```python\ndef f():\n    return 1\n```\n\n````\na ``` fence\n\nend\n````\n");
    f = frag(E("blockquote", E("pre", T("x\n\ny"), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "> ```\n> x\n>\n> y\n> ```\n");
}

/* <br> inside inline code is a line break, not a space: one code span per
 * line with hard breaks between (one line in a table cell or a heading). */
static void test_md_code_span_breaks(void)
{
    wn_node *f = frag(E("p", T("Run "), E("code", T("a"), E("br", NULL), T("b"), E("br", NULL), T("c"), NULL),
                        T(" now."), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "Run `a`\\\n`b`\\\n`c` now.\n");
    CHECK_EQ_STR(txt(f), "Run a\nb\nc now.\n");
    /* the code's own newlines are spaces, as HTML shows them; empty lines go */
    f = frag(E("p", E("code", T("x\n  y"), E("br", NULL), E("br", NULL), T("z"), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "`x y`\\\n`z`\n");
    f = frag(E("h2", E("code", T("a"), E("br", NULL), T("b"), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "## `a b`\n");
    f = frag(E("table", E("tr", E("td", E("code", T("a"), E("br", NULL), T("b"), NULL), NULL), NULL), NULL),
             NULL);
    CHECK(strstr(md(f, 0), "| `a b` |") != NULL);
}

static void test_md_tables(void)
{
    /* header from th, pipes escaped, colspan padded */
    wn_node *f = frag(E("table", E("thead", E("tr", E("th", T("Name"), NULL), E("th", T("a|b"), NULL),
                                                E("th", T("C"), NULL), NULL), NULL),
                        E("tbody", E("tr", E("td", "@colspan=2", T("wide"), NULL),
                                       E("td", E("code", T("x|y"), NULL), NULL), NULL),
                                   E("tr", E("td", T("1"), NULL), NULL), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "| Name | a\\|b | C |\n| --- | --- | --- |\n| wide |  | `x\\|y` |\n"
                           "| 1 |  |  |\n");
    /* no header: the first row serves; a rowspan leaves empty cells below; a
     * line break in a cell is a space; a caption comes first */
    f = frag(E("table", E("caption", T("Cap"), NULL),
               E("tbody", E("tr", E("td", "@rowspan=2", T("r"), NULL), E("td", T("a"), NULL), NULL),
                 E("tr", E("td", T("b"), E("br", NULL), T("c"), NULL), NULL), NULL), NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "Cap\n\n| r | a |\n| --- | --- |\n|  | b c |\n");
}

/* A few bytes of spans must not become megabytes of grid: past the cap the
 * table is laid out without spans. */
static void test_md_table_span_bomb(void)
{
    wn_node *tbody = E("tbody", E("tr", E("td", "@rowspan=65534", "@colspan=1000", T("x"), NULL), NULL),
                       NULL);
    for (int i = 0; i < 5000; i++)
        wn_dom_append(tbody, E("tr", E("td", T("y"), NULL), NULL));
    wn_node *f = frag(E("table", tbody, NULL), NULL);
    const char *m = md(f, 0);
    CHECK(strncmp(m, "| x |\n| --- |\n| y |\n| y |\n", 26) == 0);
    CHECK_EQ_INT(strlen(m), 14 + 5000 * 6);
}

static void test_md_images_links(void)
{
    wn_node *f = frag(E("figure", E("img", "@src=http://x/i.png", "@alt=A [b]", NULL),
                        E("figcaption", T("Caption"), NULL), NULL),
                      E("p", E("a", "@href=/rel", E("img", "@src=/i (2).png", "@alt=", NULL), NULL),
                        NULL), NULL);
    CHECK_EQ_STR(md(f, 0), "Caption\n");
    CHECK_EQ_STR(md(f, WN_RENDER_IMAGES), "![A \\[b\\]](http://x/i.png)\n\nCaption\n\n![](/i%20\\(2\\).png)\n");
    CHECK_EQ_STR(md(f, WN_RENDER_IMAGES | WN_RENDER_LINKS),
                 "![A \\[b\\]](http://x/i.png)\n\nCaption\n\n[![](/i%20\\(2\\).png)](/rel)\n");
    /* a link with nothing to show (image not rendered) leaves no brackets */
    CHECK_EQ_STR(md(f, WN_RENDER_LINKS), "Caption\n");
}

/* MARK: HTML ------------------------------------------------------------------ */

static void test_html_escaping_and_whitelist(void)
{
    wn_node *f = frag(E("p", T("a < b & \"c\" 'd'"), E("a", "@href=javascript:alert(1)", T("x"), NULL),
                        E("a", "@href=/ok?a=1&b=2", "@onclick=evil()", T("y"), NULL),
                        E("script", T("alert(2)"), NULL), NULL),
                      E("figure", E("img", "@src=data:image/png;base64,AAAA", "@alt=\"q\"", NULL),
                        E("img", "@src=data:text/html,<b>", NULL), NULL),
                      E("pre", "@class=language-c", T("\nint x;"), NULL), NULL);
    CHECK_EQ_STR(html(f), "<article>\n"
                          "<p>a &lt; b &amp; &quot;c&quot; &#39;d&#39;<a>x</a>"
                          "<a href=\"/ok?a=1&amp;b=2\">y</a>alert(2)</p>\n"
                          "<figure>\n<img src=\"data:image/png;base64,AAAA\" alt=\"&quot;q&quot;\"><img></figure>\n"
                          "<pre class=\"language-c\">\n\nint x;</pre>\n"
                          "</article>\n");
}

/* Without WN_RENDER_LINKS / WN_RENDER_IMAGES a link is its text and an image
 * is gone; lang and dir go on <article> when the article knows them. */
static void test_html_flags_and_direction(void)
{
    wn_node *f = frag(E("p", T("See "), E("a", "@href=https://x.example/", T("this"), NULL), T("."), NULL),
                      E("figure", E("img", "@src=https://x.example/i.png", "@alt=I", NULL),
                        E("figcaption", T("Cap"), NULL), NULL), NULL);
    CHECK_EQ_STR(htmlf(f, NULL, 0), "<article>\n<p>See this.</p>\n<figure>\n<figcaption>Cap</figcaption>\n"
                                    "</figure>\n</article>\n");
    CHECK_EQ_STR(htmlf(f, NULL, WN_RENDER_LINKS),
                 "<article>\n<p>See <a href=\"https://x.example/\">this</a>.</p>\n<figure>\n"
                 "<figcaption>Cap</figcaption>\n</figure>\n</article>\n");
    CHECK_EQ_STR(htmlf(f, NULL, WN_RENDER_IMAGES),
                 "<article>\n<p>See this.</p>\n<figure>\n<img src=\"https://x.example/i.png\" alt=\"I\">"
                 "<figcaption>Cap</figcaption>\n</figure>\n</article>\n");

    wn_article a;
    memset(&a, 0, sizeof a);
    wn_node *p = frag(E("p", T("x"), NULL), NULL);
    struct { const char *lang, *dir, *want; } cases[] = {
        { "ar", NULL, "<article lang=\"ar\" dir=\"rtl\">\n" },
        { "he-IL", NULL, "<article lang=\"he-IL\" dir=\"rtl\">\n" },
        { "fa_IR", NULL, "<article lang=\"fa_IR\" dir=\"rtl\">\n" },
        { "az-Arab", NULL, "<article lang=\"az-Arab\" dir=\"rtl\">\n" },
        { "ku-Latn", NULL, "<article lang=\"ku-Latn\">\n" },
        { "sd-Deva-IN", NULL, "<article lang=\"sd-Deva-IN\">\n" },
        { "en", NULL, "<article lang=\"en\">\n" },
        { "art", NULL, "<article lang=\"art\">\n" },   /* a prefix of "ar" is not "ar" */
        { "en", "rtl", "<article lang=\"en\" dir=\"rtl\">\n" },   /* the page's own dir wins */
        { "ar", "ltr", "<article lang=\"ar\" dir=\"ltr\">\n" },
        { NULL, "rtl", "<article dir=\"rtl\">\n" },
        { "x\"y", NULL, "<article lang=\"x&quot;y\">\n" },
        { NULL, NULL, "<article>\n" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        a.meta.language = cases[i].lang;
        a.dir = cases[i].dir;
        const char *got = htmlf(p, &a, 0);
        CHECK(strncmp(got, cases[i].want, strlen(cases[i].want)) == 0);
        if (strncmp(got, cases[i].want, strlen(cases[i].want)) != 0)
            fprintf(stderr, "  case %zu: %s\n", i, got);
    }
}

/* wn_render(WN_FMT_HTML) is a whole document: UTF-8, title, lang / dir. */
static void test_html_document(void)
{
    wn_article a;
    memset(&a, 0, sizeof a);
    a.doc = D;
    a.body = frag(E("p", T("Body"), NULL), NULL);
    a.meta.title = "Tom & Jerry <3";
    a.meta.language = "ur";
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_article(&a, WN_FMT_HTML, 0, sink, &OUT), WN_OK);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "<!DOCTYPE html>\n<html lang=\"ur\" dir=\"rtl\">\n<head>\n"
                                    "<meta charset=\"utf-8\">\n<title>Tom &amp; Jerry &lt;3</title>\n"
                                    "</head>\n<body>\n<article>\n<p>Body</p>\n</article>\n"
                                    "</body>\n</html>\n");
    /* no title, no language: neither is made up; comments follow the article */
    a.meta.title = NULL;
    a.meta.language = NULL;
    a.comments = frag(E("p", T("First!"), NULL), NULL);
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_article(&a, WN_FMT_HTML, WN_RENDER_COMMENTS, sink, &OUT), WN_OK);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n"
                                    "</head>\n<body>\n<article>\n<p>Body</p>\n</article>\n"
                                    "<section class=\"comments\">\n<h2>Comments</h2>\n<p>First!</p>\n"
                                    "</section>\n</body>\n</html>\n");
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_article(&a, WN_FMT_HTML, 0, sink, &OUT), WN_OK);
    CHECK(strstr(wn_buf_cstr(&OUT), "First!") == NULL);
}

/* MARK: JSON ------------------------------------------------------------------ */

static void test_json_escape(void)
{
    wn_buf b;
    wn_buf_init(&b, 0);
    /* quote, backslash, newline, tab, U+0001, DEL, U+2028, valid é, invalid 0xFF,
     * truncated 3-byte sequence at the end */
    const char in[] = "\"\\\n\t\x01\x7f\xe2\x80\xa8\xc3\xa9\xff\xe2\x82";
    CHECK_EQ_INT(wn_json_escape(&b, in, sizeof in - 1), 0);
    CHECK_EQ_STR(wn_buf_cstr(&b), "\\\"\\\\\\n\\t\\u0001\\u007f\\u2028\xc3\xa9\\ufffd\\ufffd\\ufffd");
    wn_buf_clear(&b);
    /* surrogates encoded in UTF-8 and overlong forms are invalid */
    CHECK_EQ_INT(wn_json_escape(&b, "\xed\xa0\x80\xc0\xaf", 5), 0);
    CHECK_EQ_STR(wn_buf_cstr(&b), "\\ufffd\\ufffd\\ufffd\\ufffd\\ufffd");
    wn_buf_fini(&b);
}

static void test_json_article(void)
{
    wn_article a;
    const char *cats[] = { "News" };
    memset(&a, 0, sizeof a);
    a.doc = D;
    a.body = frag(E("p", T("Body \"text\""), NULL), NULL);
    a.meta.title = "T";
    a.meta.date = "2026-01-02";
    a.meta.categories = cats;
    a.meta.ncategories = 1;
    a.encoding = "utf-8";
    a.text = "Body \"text\"\n";
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_json(&a, 0, sink, &OUT), WN_OK);
    CHECK_EQ_STR(wn_buf_cstr(&OUT),
                 "{\"title\":\"T\",\"author\":null,\"date\":\"2026-01-02\",\"date_modified\":null,"
                 "\"sitename\":null,\"description\":null,\"language\":null,\"url\":null,"
                 "\"categories\":[\"News\"],\"tags\":[],\"image\":null,\"license\":null,"
                 "\"encoding\":\"utf-8\",\"page_type\":null,\"text\":\"Body \\\"text\\\"\"}");
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_json(&a, WN_RENDER_JSON_MARKDOWN | WN_RENDER_JSON_HTML | WN_RENDER_COMMENTS,
                                sink, &OUT), WN_OK);
    const char *s = wn_buf_cstr(&OUT);
    CHECK(strstr(s, ",\"text\":\"Body \\\"text\\\"\",\"markdown\":\"Body \\\"text\\\"\","
                    "\"html\":\"<article>\\n<p>Body &quot;text&quot;</p>\\n</article>\",\"comments\":null}") != NULL);
    /* a comment section that holds nothing is no comments: null, never "" */
    a.comments = frag(E("p", NULL), NULL);
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_json(&a, WN_RENDER_COMMENTS, sink, &OUT), WN_OK);
    CHECK(strstr(wn_buf_cstr(&OUT), ",\"comments\":null}") != NULL);
    a.comments = frag(E("p", T("Nice."), NULL), NULL);
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_json(&a, WN_RENDER_COMMENTS, sink, &OUT), WN_OK);
    CHECK(strstr(wn_buf_cstr(&OUT), ",\"comments\":\"Nice.\"}") != NULL);
    /* the html field carries the article's language */
    a.meta.language = "he";
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_json(&a, WN_RENDER_JSON_HTML, sink, &OUT), WN_OK);
    CHECK(strstr(wn_buf_cstr(&OUT), "\"html\":\"<article lang=\\\"he\\\" dir=\\\"rtl\\\">\\n") != NULL);
}

static void test_article_with_comments(void)
{
    wn_article a;
    memset(&a, 0, sizeof a);
    a.doc = D;
    a.body = frag(E("p", T("Body."), NULL), NULL);
    a.comments = frag(E("p", T("First comment."), NULL), E("p", T("Second."), NULL), NULL);
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_article(&a, WN_FMT_TEXT, WN_RENDER_COMMENTS, sink, &OUT), WN_OK);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "Body.\n\nComments\n\nFirst comment.\n\nSecond.\n");
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_article(&a, WN_FMT_MARKDOWN, WN_RENDER_COMMENTS, sink, &OUT), WN_OK);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "Body.\n\n## Comments\n\nFirst comment.\n\nSecond.\n");
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_article(&a, WN_FMT_TEXT, 0, sink, &OUT), WN_OK);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "Body.\n");
    /* an empty comment section adds nothing */
    a.comments = frag(NULL);
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_article(&a, WN_FMT_MARKDOWN, WN_RENDER_COMMENTS, sink, &OUT), WN_OK);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "Body.\n");
    CHECK_EQ_INT(wn_render_article(&a, (wn_format)9, 0, sink, &OUT), WN_ERR_ARG);
}

/* MARK: Sinks and depth -------------------------------------------------------- */

static int stop_sink(void *ctx, const char *p, size_t n)
{
    (void)ctx, (void)p, (void)n;
    return 1;
}

static void test_sink_stop_and_deep_tree(void)
{
    wn_node *f = frag(E("p", T("x"), NULL), NULL);
    CHECK_EQ_INT(wn_render_text(f, 0, stop_sink, NULL), WN_ERR_IO);
    CHECK_EQ_INT(wn_render_markdown(f, 0, stop_sink, NULL), WN_ERR_IO);
    CHECK_EQ_INT(wn_render_html(f, NULL, 0, stop_sink, NULL), WN_ERR_IO);

    /* 100,000 nested quotes and lists: no recursion, prefixes capped */
    wn_node *top = wn_dom_new_fragment(D), *cur = top;
    for (int i = 0; i < 100000; i++) {
        wn_node *q = E(i % 2 ? "blockquote" : "ul", NULL);
        wn_dom_append(cur, q);
        if (i % 2 == 0) {
            wn_node *li = E("li", NULL);
            wn_dom_append(q, li);
            q = li;
        }
        cur = q;
    }
    wn_dom_append(cur, E("p", T("bottom"), NULL));
    const char *t = txt(top);
    CHECK_EQ_STR(t, "bottom\n");
    const char *m = md(top, 0);
    CHECK(strstr(m, "bottom\n") != NULL && strlen(m) < 2000);
    CHECK(strstr(html(top), "<p>bottom</p>") != NULL);
}

int main(void)
{
    D = wn_doc_new(0);
    wn_buf_init(&OUT, 0);
    RUN(test_text_blocks);
    RUN(test_text_lists_tables_pre);
    RUN(test_text_empty_and_spaces);
    RUN(test_text_links_images);
    RUN(test_md_inline);
    RUN(test_md_flanking);
    RUN(test_md_regressions);
    RUN(test_md_escaping);
    RUN(test_md_headings_breaks_hr);
    RUN(test_md_lists);
    RUN(test_md_quotes);
    RUN(test_md_code_blocks);
    RUN(test_md_code_span_breaks);
    RUN(test_md_tables);
    RUN(test_md_table_span_bomb);
    RUN(test_md_images_links);
    RUN(test_html_escaping_and_whitelist);
    RUN(test_html_flags_and_direction);
    RUN(test_html_document);
    RUN(test_json_escape);
    RUN(test_json_article);
    RUN(test_article_with_comments);
    RUN(test_sink_stop_and_deep_tree);
    wn_buf_fini(&OUT);
    wn_doc_free(D);
    CHECK_DONE();
}
