/*
 * test_clean.c: wn_clean_clone on parsed snippets and on trees built by hand:
 * vocabulary reduction, dropped subtrees, attributes and URL safety, RFC 3986
 * resolution (the RFC's own examples), lazy images, whitespace, paragraphs,
 * pruning, deep trees. The cleaned tree is shown through the HTML renderer.
 */
#include "check.h"

#include "core/buf.h"
#include "dom/dom.h"
#include "extract/content/clean.h"
#include "html/parser.h"
#include "render/render.h"

static int sink(void *ctx, const char *p, size_t n)
{
    return wn_buf_put(ctx, p, n);
}

static wn_buf OUT;

/* The body element of a parsed page. */
static wn_node *body_of(wn_doc *d)
{
    for (wn_node *n = d->root; n; n = wn_dom_next(d->root, n, false))
        if (wn_is_html(n, WN_TAG_BODY))
            return n;
    return NULL;
}

/* Parse html, clean its body and return the cleaned tree as safe HTML (links
 * and images written) without
 * the <article> wrapper and newlines (easier to write by hand). */
static const char *clean(const char *html, const char *base, unsigned flags)
{
    wn_doc *page = wn_html_parse(html, strlen(html), NULL, NULL, NULL);
    wn_doc *dst = wn_doc_new(0);
    CHECK(page != NULL && dst != NULL);
    wn_node *f = wn_clean_clone(dst, body_of(page), base, flags);
    CHECK(f != NULL);
    wn_doc_free(page);   /* the clean tree must not point into the page */
    CHECK(wn_dom_check(dst) == NULL);
    wn_buf_clear(&OUT);
    CHECK_EQ_INT(wn_render_html(f, NULL, WN_RENDER_LINKS | WN_RENDER_IMAGES, sink, &OUT), WN_OK);
    wn_doc_free(dst);
    /* strip "<article>\n" ... "</article>\n" and the newlines after tags */
    size_t k = 0;
    const char *s = wn_buf_cstr(&OUT);
    size_t n = OUT.n;
    if (n >= 21) {
        s += 10;
        n -= 21;
    }
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == '\n' && i > 0 && s[i - 1] == '>'))
            OUT.p[k++] = s[i];
    OUT.n = k;
    return wn_buf_cstr(&OUT);
}

/* The href a link gets after cleaning, given the base. */
static const char *href(const char *base, const char *ref)
{
    static char res[512];
    char html[512];
    snprintf(html, sizeof html, "<a href=\"%s\">x</a>", ref);
    const char *s = clean(html, base, 0);
    const char *h = strstr(s, "href=\"");
    if (h == NULL)
        return "(dropped)";
    h += 6;
    const char *e = strchr(h, '"');
    snprintf(res, sizeof res, "%.*s", (int)(e - h), h);
    return res;
}

static void test_unwrap_and_paragraphs(void)
{
    CHECK_EQ_STR(clean("<div><span>a</span> <div>b</div>c</div>", NULL, 0), "<p>a</p><p>b</p><p>c</p>");
    CHECK_EQ_STR(clean("<section><p>x <font color=red>y</font></p><center>z</center></section>", NULL, 0),
                 "<p>x y</p><p>z</p>");
    /* old-style double breaks split paragraphs; a single one stays */
    CHECK_EQ_STR(clean("<div>one<br><br>two<br>three</div>", NULL, 0), "<p>one</p><p>two<br>three</p>");
    /* a custom element is a block, an unknown plain name inline */
    CHECK_EQ_STR(clean("<x-card>a</x-card><x-card>b</x-card><p>c<foo>d</foo>e</p>", NULL, 0),
                 "<p>a</p><p>b</p><p>cde</p>");
    /* several runs in a list item become paragraphs, one stays inline */
    CHECK_EQ_STR(clean("<ul><li><div>a</div><div>b</div></li><li><span>c</span></li></ul>", NULL, 0),
                 "<ul><li><p>a</p><p>b</p></li><li>c</li></ul>");
    /* blocks inside a link: the structure wins, the link goes */
    CHECK_EQ_STR(clean("<a href=\"/x\"><h3>T</h3><p>S</p></a>", NULL, 0), "<h3>T</h3><p>S</p>");
    /* a block inside a heading flattens to words */
    CHECK_EQ_STR(clean("<h2><div>A</div><div>B</div></h2>", NULL, 0), "<h2>A B</h2>");
}

static void test_dropped_content(void)
{
    CHECK_EQ_STR(clean("<p>a<script>x()</script><style>p{}</style>b</p>"
                       "<iframe src=\"//evil\"></iframe><form><p>f</p><input></form>"
                       "<noscript><p>n</p></noscript><svg><script>y()</script><text>t</text></svg>"
                       "<video><p>v</p></video><template><p>t</p></template>"
                       "<!-- c --><button>B</button><select><option>o</select><textarea>ta</textarea>"
                       "<p>end</p>", NULL, 0),
                 "<p>ab</p><p>end</p>");
    CHECK_EQ_STR(clean("<table><tr><td>x</td></tr></table><p>y</p>", NULL, WN_OPT_NO_TABLES), "<p>y</p>");
}

/* isindex is an ordinary (non-void) unknown element today: what follows it is
 * inside it and must stay, as browsers show it. */
static void test_isindex_keeps_content(void)
{
    CHECK_EQ_STR(clean("<p>a</p><isindex><p>b</p><p>c</p>", NULL, 0), "<p>a</p><p>b</p><p>c</p>");
    CHECK_EQ_STR(clean("<p>x<isindex prompt=\"q\">y</isindex>z</p>", NULL, 0), "<p>xyz</p>");
}

/* A formula's symbols are text; its TeX or markup annotations are not. */
static void test_math_is_text(void)
{
    CHECK_EQ_STR(clean("<p>When <math><semantics><mrow><mi>a</mi><mo>\xE2\x89\xA0</mo><mn>0</mn>"
                       "</mrow><annotation encoding=\"application/x-tex\">a \\ne 0</annotation>"
                       "<annotation-xml encoding=\"MathML-Content\"><ci>a</ci></annotation-xml>"
                       "</semantics></math>, there are two roots.</p>", NULL, 0),
                 "<p>When a\xE2\x89\xA0" "0, there are two roots.</p>");
}

/* A heading's self-link mark (a pilcrow, "#", an icon) is no part of its
 * words; a self-link with words is, and so is a mark outside headings. */
static void test_heading_anchor_marks(void)
{
    CHECK_EQ_STR(clean("<h2>Install<a class=\"headerlink\" href=\"#install\">\xC2\xB6</a></h2>"
                       "<h3><a href=\"#usage\" aria-hidden=\"true\"><svg></svg></a>Usage</h3>"
                       "<h3><span><a href=\"#faq\"># </a></span>FAQ</h3>"
                       "<h3>Docs <a href=\"#d\">\xE2\x80\x8B</a></h3>", NULL, 0),
                 "<h2>Install</h2><h3>Usage</h3><h3>FAQ</h3><h3>Docs</h3>");
    CHECK_EQ_STR(clean("<h2><a href=\"#setup\">Setup</a> notes</h2>"
                       "<p>See the note<a href=\"#n1\">*</a>.</p>", NULL, WN_RENDER_LINKS),
                 "<h2><a href=\"#setup\">Setup</a> notes</h2><p>See the note<a href=\"#n1\">*</a>.</p>");
}

static void test_dropped_flag(void)
{
    const char *html = "<div><p>keep</p><div class=share><p>Share</p></div><p>too</p></div>";
    wn_doc *page = wn_html_parse(html, strlen(html), NULL, NULL, NULL);
    wn_doc *dst = wn_doc_new(0);
    for (wn_node *n = page->root; n; n = wn_dom_next(page->root, n, false))
        if (wn_is_html(n, WN_TAG_DIV) && wn_dom_attr(n, "class"))
            n->flags |= WN_NODE_FLAG_DROPPED;
    wn_node *f = wn_clean_clone(dst, body_of(page), NULL, 0);
    wn_buf_clear(&OUT);
    wn_render_text(f, 0, sink, &OUT);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "keep\n\ntoo\n");
    wn_doc_free(page);
    wn_doc_free(dst);
}

static void test_attributes(void)
{
    CHECK_EQ_STR(clean("<p id=a class=b style=\"color:red\" onclick=\"x()\">t</p>", NULL, 0), "<p>t</p>");
    CHECK_EQ_STR(clean("<img src=/i.png alt=\"An  image\" title=T width=5 onerror=\"x()\">", "http://h/d/", 0),
                 "<p><img src=\"http://h/i.png\" alt=\"An image\" title=\"T\"></p>");
    CHECK_EQ_STR(clean("<table><tr><td colspan=2 rowspan=x style=s>a</td><th colspan=\" 3\">b</th></tr></table>",
                       NULL, 0),
                 "<table><tbody><tr><td colspan=\"2\">a</td><th colspan=\"3\">b</th></tr></tbody></table>");
    CHECK_EQ_STR(clean("<ol start=4 reversed><li>a</ol><ol start=x><li>b</ol>", NULL, 0),
                 "<ol start=\"4\"><li>a</li></ol><ol><li>b</li></ol>");
    CHECK_EQ_STR(clean("<pre class=\"hl language-python x\"><code class=lang-js>1</code></pre>", NULL, 0),
                 "<pre class=\"language-python\"><code class=\"language-js\">1</code></pre>");
    CHECK_EQ_STR(clean("<pre class=\"language-\">2</pre><code class=\"language-a&quot;b\">3</code>", NULL, 0),
                 "<pre>2</pre><p><code class=\"language-a\">3</code></p>");
}

static void test_unsafe_urls(void)
{
    CHECK_EQ_STR(clean("<a href=\"javascript:alert(1)\">a</a> <a href=\" JaVa&#10;ScRipt:x\">b</a> "
                       "<a href=\"vbscript:x\">c</a> <a href=\"data:text/html,x\">d</a> "
                       "<a href=\"custom-app:x\">e</a> <a>f</a>", NULL, 0),
                 "<p>a b c d e f</p>");
    CHECK_EQ_STR(clean("<img src=\"data:image/png;base64,AAAA\"><img src=\"data:text/html;base64,AAAA\">"
                       "<img src=\"javascript:x\"><img src=\"data:image/svg+xml,<svg/>\"><img>", NULL, 0),
                 "<p><img src=\"data:image/png;base64,AAAA\"></p>");
    CHECK_EQ_STR(href(NULL, "mailto:a@b.c"), "mailto:a@b.c");
    CHECK_EQ_STR(href("http://h/", "HTTPS://x/y"), "HTTPS://x/y");
    /* characters that may not appear raw are percent-encoded */
    CHECK_EQ_STR(href("http://h/", "/a b&quot;&lt;c&gt;"), "http://h/a%20b%22%3Cc%3E");
    /* a hostile base cannot turn a relative link into script */
    CHECK_EQ_STR(href("javascript:x", "y"), "(dropped)");
    /* a colon with no scheme before it is a relative reference */
    CHECK_EQ_STR(href(NULL, ": http://x/"), ":%20http://x/");
    /* absolute http(s) links: kept as written, unless there is something to
     * normalise (dot segments, white space, bytes to encode) */
    CHECK_EQ_STR(href("http://h/", "https://x.org/a/b.html?q=1&amp;r=%20#top"),
                 "https://x.org/a/b.html?q=1&amp;r=%20#top");   /* as serialised */
    CHECK_EQ_STR(href("http://h/", "http://x.org/a/../b/./c"), "http://x.org/b/c");
    CHECK_EQ_STR(href("http://h/", "http://x.org/a b&quot;c"), "http://x.org/a%20b%22c");
    CHECK_EQ_STR(href("http://h/", "http://x.org/a/\n\tb"), "http://x.org/a/b");
    CHECK_EQ_STR(href("http://h/", "http://x.org/.well-known/x?a/./b"),
                 "http://x.org/.well-known/x?a/./b");
    /* without a base URL a relative reference stays as written, encoded */
    CHECK_EQ_STR(href(NULL, "/a/../b?x#y"), "/a/../b?x#y");
    CHECK_EQ_STR(href(NULL, "wiki/Help:Contents"), "wiki/Help:Contents");
    CHECK_EQ_STR(href(NULL, "a b"), "a%20b");
}

/* RFC 3986 section 5.4: reference resolution examples. */
static void test_rfc3986(void)
{
    static const char *const cases[][2] = {
        { "g", "http://a/b/c/g" }, { "./g", "http://a/b/c/g" }, { "g/", "http://a/b/c/g/" },
        { "/g", "http://a/g" }, { "//g", "http://g" }, { "?y", "http://a/b/c/d;p?y" },
        { "g?y", "http://a/b/c/g?y" }, { "#s", "http://a/b/c/d;p?q#s" }, { "g#s", "http://a/b/c/g#s" },
        { "g?y#s", "http://a/b/c/g?y#s" }, { ";x", "http://a/b/c/;x" }, { "g;x", "http://a/b/c/g;x" },
        { "g;x?y#s", "http://a/b/c/g;x?y#s" }, { "", "http://a/b/c/d;p?q" }, { ".", "http://a/b/c/" },
        { "./", "http://a/b/c/" }, { "..", "http://a/b/" }, { "../", "http://a/b/" },
        { "../g", "http://a/b/g" }, { "../..", "http://a/" }, { "../../", "http://a/" },
        { "../../g", "http://a/g" },
        /* 5.4.2 abnormal examples */
        { "../../../g", "http://a/g" }, { "../../../../g", "http://a/g" }, { "/./g", "http://a/g" },
        { "/../g", "http://a/g" }, { "g.", "http://a/b/c/g." }, { ".g", "http://a/b/c/.g" },
        { "g..", "http://a/b/c/g.." }, { "..g", "http://a/b/c/..g" }, { "./../g", "http://a/b/g" },
        { "./g/.", "http://a/b/c/g/" }, { "g/./h", "http://a/b/c/g/h" }, { "g/../h", "http://a/b/c/h" },
        { "g;x=1/./y", "http://a/b/c/g;x=1/y" }, { "g;x=1/../y", "http://a/b/c/y" },
        { "g?y/./x", "http://a/b/c/g?y/./x" }, { "g?y/../x", "http://a/b/c/g?y/../x" },
        { "g#s/./x", "http://a/b/c/g#s/./x" }, { "g#s/../x", "http://a/b/c/g#s/../x" },
        { "http:g", "http:g" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *got = href("http://a/b/c/d;p?q", cases[i][0]);
        if (strcmp(got, cases[i][1]) != 0)
            fprintf(stderr, "  resolving \"%s\": got %s, expected %s\n", cases[i][0], got, cases[i][1]);
        CHECK_EQ_STR(got, cases[i][1]);
    }
    /* without a base, references stay as written */
    CHECK_EQ_STR(href(NULL, "../x?y#z"), "../x?y#z");
    /* a base with an authority and an empty path */
    CHECK_EQ_STR(href("http://h", "x"), "http://h/x");
}

static void test_lazy_images(void)
{
    CHECK_EQ_STR(clean("<img src=\"data:image/gif;base64,R0lGOD\" data-src=\"/real.jpg\">", "http://h/", 0),
                 "<p><img src=\"http://h/real.jpg\"></p>");
    CHECK_EQ_STR(clean("<img srcset=\" a.jpg 1x, b.jpg 2x\">", "http://h/p/", 0),
                 "<p><img src=\"http://h/p/a.jpg\"></p>");
    CHECK_EQ_STR(clean("<img src=\"/img/blank.gif\" data-lazy-src=\"/x.jpg\">", "http://h/", 0),
                 "<p><img src=\"http://h/x.jpg\"></p>");
    /* a real src wins over data-src */
    CHECK_EQ_STR(clean("<img src=\"/a.jpg\" data-src=\"/b.jpg\">", "http://h/", 0),
                 "<p><img src=\"http://h/a.jpg\"></p>");
    /* picture: the img stays, sources go */
    CHECK_EQ_STR(clean("<picture><source srcset=\"/s.webp\"><img src=\"/p.jpg\"></picture>", "http://h/", 0),
                 "<p><img src=\"http://h/p.jpg\"></p>");
}

static void test_whitespace(void)
{
    CHECK_EQ_STR(clean("<p>  a \n\t b  <em> c </em> d </p>", NULL, 0), "<p>a b <em>c </em>d</p>");
    CHECK_EQ_STR(clean("<pre>  x\n   y  </pre>", NULL, 0), "<pre>  x\n   y  </pre>");
    CHECK_EQ_STR(clean("<pre><span>a</span>\n<b>b</b><br>c</pre>", NULL, 0), "<pre>a\nb\nc</pre>");
    CHECK_EQ_STR(clean("<p>a <br> b</p>", NULL, 0), "<p>a<br>b</p>");
    /* a CR from a character reference: a line end inside pre, a space outside */
    CHECK_EQ_STR(clean("<pre>x&#13;&#10;y&#13;z</pre><p>u&#13;v</p>", NULL, 0), "<pre>x\ny\nz</pre><p>u v</p>");
    /* breaks at either end of a block go, however many */
    CHECK_EQ_STR(clean("<p><br><br>a<br><br><br></p><div>b<br><br>   <br></div>", NULL, 0), "<p>a</p><p>b</p>");
}

static void test_pruning(void)
{
    CHECK_EQ_STR(clean("<p> </p><p><br></p><ul><li> </li><li>x</li></ul><ol><li></ol><h2> </h2>"
                       "<blockquote> </blockquote><p><em> </em>y<br></p><figure></figure>", NULL, 0),
                 "<ul><li>x</li></ul><p>y</p>");
    /* empty cells keep their place in a row */
    CHECK_EQ_STR(clean("<table><tr><td></td><td>b</td></tr></table>", NULL, 0),
                 "<table><tbody><tr><td></td><td>b</td></tr></tbody></table>");
}

static void test_structure_repair(void)
{
    /* li outside a list is a paragraph; stray content in a list becomes an item;
     * a nested list directly in a list joins the item before it */
    CHECK_EQ_STR(clean("<li>a</li><ul><li>b</li><ul><li>c</li></ul><div>d</div></ul>", NULL, 0),
                 "<p>a</p><ul><li>b<ul><li>c</li></ul></li><li>d</li></ul>");
    /* dir/menu are lists, strike is s, tt is code, listing is pre */
    CHECK_EQ_STR(clean("<dir><li>a</li></dir><p><strike>s</strike><tt>t</tt></p><listing>l</listing>",
                       NULL, 0),
                 "<ul><li>a</li></ul><p><s>s</s><code>t</code></p><pre>l</pre>");
    /* figcaption outside a figure, cells outside a table */
    CHECK_EQ_STR(clean("<figcaption>f</figcaption><blockquote>q<div>r</div></blockquote>", NULL, 0),
                 "<p>f</p><blockquote><p>q</p><p>r</p></blockquote>");
}

/* Cleaning the cleaner's own HTML output changes nothing. */
static void test_idempotent(void)
{
    static const char *const pages[] = {
        "<div>a<div>b</div><br><br>c<table><caption>t</caption><tr><td colspan=2>x<p>y</td></tr></table></div>",
        "<ul><li>a<ul><li>b</li></ul><div>c</div></li></ul><pre>\n x\n</pre><p>1 &lt; 2 &amp; \"q\"</p>",
        "<blockquote>q<blockquote><p>r</p></blockquote></blockquote><figure><img src=\"/i.png\" alt=\"a&quot;\">"
        "<figcaption>c</figcaption></figure><a href=\"/l?a=1&amp;b=2\"><em>l</em></a>",
    };
    for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
        char once[4096];
        snprintf(once, sizeof once, "%s", clean(pages[i], "http://h/", 0));
        CHECK_EQ_STR(clean(once, "http://h/", 0), once);
    }
}

static wn_node *el(wn_doc *d, const char *name)
{
    return wn_dom_new_element(d, WN_NS_HTML, wn_tag_lookup(name, strlen(name)),
                              wn_str_make(name, strlen(name)));
}

static void test_deep_tree(void)
{
    /* 50,000 nested divs and spans built by hand: no recursion anywhere */
    wn_doc *page = wn_doc_new(0), *dst = wn_doc_new(0);
    wn_node *top = el(page, "div"), *cur = top;
    for (int i = 0; i < 50000; i++) {
        wn_node *x = el(page, i % 2 ? "span" : "div");
        wn_dom_append(cur, x);
        cur = x;
    }
    wn_dom_append(cur, wn_dom_new_text(page, WN_STR_LIT("deep text")));
    wn_node *f = wn_clean_clone(dst, top, NULL, 0);
    CHECK(f != NULL);
    wn_buf_clear(&OUT);
    wn_render_text(f, 0, sink, &OUT);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "deep text\n");
    wn_doc_free(dst);

    /* beyond the copy stack's cap (100,000 levels) the rest is dropped, cleanly */
    for (int i = 0; i < 100000; i++) {
        wn_node *x = el(page, "div");
        wn_dom_append(cur, x);
        cur = x;
    }
    wn_dom_append(cur, wn_dom_new_text(page, WN_STR_LIT("too deep")));
    dst = wn_doc_new(0);
    f = wn_clean_clone(dst, top, NULL, 0);
    CHECK(f != NULL);
    wn_buf_clear(&OUT);
    wn_render_text(f, 0, sink, &OUT);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "deep text\n");
    wn_doc_free(dst);

    /* 60,000 nested links and emphasis with a paragraph at the bottom: the
     * block scan is not repeated per level (this would take minutes if it were) */
    wn_node *deep = el(page, "div"), *at = deep;
    for (int i = 0; i < 60000; i++) {
        wn_node *x = el(page, i % 2 ? "em" : "b");
        wn_dom_append(at, x);
        at = x;
    }
    wn_node *para = el(page, "p");
    wn_dom_append(para, wn_dom_new_text(page, WN_STR_LIT("inner")));
    wn_dom_append(at, para);
    dst = wn_doc_new(0);
    f = wn_clean_clone(dst, deep, NULL, 0);
    CHECK(f != NULL);
    wn_buf_clear(&OUT);
    wn_render_text(f, 0, sink, &OUT);
    CHECK_EQ_STR(wn_buf_cstr(&OUT), "inner\n");
    wn_doc_free(dst);

    /* an arena too small for the copy: NULL, not a crash */
    wn_node *many = el(page, "div");
    for (int i = 0; i < 2000; i++) {
        wn_node *p = el(page, "p");
        wn_dom_append(p, wn_dom_new_text(page, WN_STR_LIT("some paragraph text")));
        wn_dom_append(many, p);
    }
    dst = wn_doc_new(16384);
    CHECK(dst != NULL && wn_clean_clone(dst, many, NULL, 0) == NULL);
    wn_doc_free(dst);
    wn_doc_free(page);
}

int main(void)
{
    wn_buf_init(&OUT, 0);
    RUN(test_unwrap_and_paragraphs);
    RUN(test_dropped_content);
    RUN(test_isindex_keeps_content);
    RUN(test_math_is_text);
    RUN(test_dropped_flag);
    RUN(test_attributes);
    RUN(test_unsafe_urls);
    RUN(test_rfc3986);
    RUN(test_lazy_images);
    RUN(test_whitespace);
    RUN(test_pruning);
    RUN(test_structure_repair);
    RUN(test_heading_anchor_marks);
    RUN(test_idempotent);
    RUN(test_deep_tree);
    wn_buf_fini(&OUT);
    CHECK_DONE();
}
