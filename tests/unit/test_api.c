/*
 * test_api.c: the contract of include/winnow.h as a library user sees it,
 * through the public functions only: NULL handling, error results, ownership
 * of list fields, format names, and that every render flag does what the
 * header says in every format.
 */
#include "check.h"

#include "winnow.h"

/* The flags that did nothing are gone: using one must not compile. */
#if defined(WN_OPT_LINKS) || defined(WN_OPT_IMAGES)
#error "WN_OPT_LINKS / WN_OPT_IMAGES were removed: links and images are render flags"
#endif

typedef struct out_buf {
    char p[8192];
    size_t n;
} out_buf;

static int sink(void *ctx, const char *p, size_t n)
{
    out_buf *b = ctx;
    if (b->n + n >= sizeof b->p)
        return 1;
    memcpy(b->p + b->n, p, n);
    b->n += n;
    b->p[b->n] = '\0';
    return 0;
}

static const char *render(const wn_article *a, wn_format fmt, unsigned flags)
{
    static out_buf b;
    b.n = 0;
    b.p[0] = '\0';
    CHECK_EQ_INT(wn_render(a, fmt, flags, sink, &b), WN_OK);
    return b.p;
}

static wn_article *extract(const char *html, const wn_options *opt)
{
    wn_extractor *ex = wn_extractor_new(opt);
    wn_article *a = NULL;
    CHECK(ex != NULL);
    CHECK_EQ_INT(wn_extract(ex, html, strlen(html), NULL, &a, NULL), WN_OK);
    wn_extractor_free(ex);
    return a;
}

static const char *const STORY =
    "<html lang=\"en\"><head><title>Night trains</title>"
    "<meta property=\"article:section\" content=\"Travel\"></head><body><article>"
    "<p>The first overnight train in ten years left the valley on Friday evening, with two "
    "hundred passengers on board and a brass band on the platform.</p>"
    "<p>The operator says the <a href=\"https://rail.example/timetable\">timetable</a> will be "
    "published next week, and that the service will run four nights a week.</p>"
    "<figure><img src=\"https://rail.example/train.jpg\" alt=\"The train\">"
    "<figcaption>The sleeper at dusk.</figcaption></figure>"
    "</article></body></html>";

static void test_null_arguments(void)
{
    wn_options_init(NULL);
    wn_warc_options_init(NULL);
    wn_batch_options_init(NULL);
    CHECK_EQ_STR(wn_status_str((wn_status)99), "unknown status");
    CHECK_EQ_INT(wn_version(), WN_VERSION);

    wn_parse_stats st;
    memset(&st, 0xff, sizeof st);
    CHECK_EQ_INT(wn_document_stats(NULL, &st), WN_ERR_ARG);
    CHECK(st.encoding == NULL && st.nodes == 0);
    wn_document *doc = NULL;
    CHECK_EQ_INT(wn_parse("<p>x", 4, NULL, &doc, NULL), WN_OK);
    CHECK_EQ_INT(wn_document_stats(doc, NULL), WN_ERR_ARG);
    CHECK_EQ_INT(wn_document_stats(doc, &st), WN_OK);
    CHECK(st.nodes > 0 && st.input_bytes == 4);
    CHECK_EQ_INT(wn_document_dump(doc, NULL, NULL), WN_ERR_ARG);
    wn_document_free(doc);
    CHECK_EQ_INT(wn_parse("<p>x", 4, NULL, NULL, NULL), WN_ERR_ARG);

    const char *const *list = (const char *const *)&st;   /* any non-NULL value */
    CHECK_EQ_INT(wn_article_categories(NULL, &list), 0);
    CHECK(list == NULL);
    list = (const char *const *)&st;
    CHECK_EQ_INT(wn_article_tags(NULL, &list), 0);
    CHECK(list == NULL);
    CHECK_EQ_INT(wn_article_categories(NULL, NULL), 0);
    CHECK_EQ_INT(wn_article_comment_count(NULL), 0);
    CHECK(wn_article_get(NULL, WN_FIELD_TITLE) == NULL);
    wn_article_free(NULL);
    wn_extractor_free(NULL);
    wn_document_free(NULL);
}

/* wn_extract's errors, each as the header lists them, with and without err. */
static void test_extract_errors(void)
{
    wn_article *a = (wn_article *)&a;   /* must be reset to NULL on failure */
    wn_error err = { WN_OK, NULL, 0 };
    wn_extractor *ex = wn_extractor_new(NULL);
    CHECK_EQ_INT(wn_extract(NULL, "x", 1, NULL, &a, &err), WN_ERR_ARG);
    CHECK(a == NULL && err.status == WN_ERR_ARG && err.msg != NULL);
    CHECK_EQ_INT(wn_extract(ex, "x", 1, NULL, NULL, &err), WN_ERR_ARG);
    a = (wn_article *)&a;
    CHECK_EQ_INT(wn_extract(ex, NULL, 5, NULL, &a, NULL), WN_ERR_ARG);
    CHECK(a == NULL);
    /* NULL with length 0 is an empty page: an article with an empty text */
    CHECK_EQ_INT(wn_extract(ex, NULL, 0, NULL, &a, NULL), WN_OK);
    CHECK(a != NULL);
    CHECK_EQ_STR(wn_article_get(a, WN_FIELD_TEXT), "");
    CHECK(wn_article_get(a, WN_FIELD_TITLE) == NULL);
    CHECK(wn_article_get(a, (wn_field)99) == NULL);
    wn_article_free(a);
    wn_extractor_free(ex);

    /* a limit is WN_ERR_LIMIT, also when the caller gives no wn_error */
    wn_options opt;
    wn_options_init(&opt);
    opt.max_input_bytes = 16;
    ex = wn_extractor_new(&opt);
    a = (wn_article *)&a;
    CHECK_EQ_INT(wn_extract(ex, STORY, strlen(STORY), NULL, &a, NULL), WN_ERR_LIMIT);
    CHECK(a == NULL);
    CHECK_EQ_INT(wn_extract(ex, STORY, strlen(STORY), NULL, &a, &err), WN_ERR_LIMIT);
    CHECK(err.status == WN_ERR_LIMIT && err.msg != NULL);
    CHECK_EQ_INT(wn_explain(ex, STORY, 4, NULL, NULL, NULL, NULL), WN_ERR_ARG);
    wn_extractor_free(ex);
}

static void test_format_names(void)
{
    CHECK_EQ_INT(wn_format_parse("txt"), WN_FMT_TEXT);
    CHECK_EQ_INT(wn_format_parse("text"), WN_FMT_TEXT);
    CHECK_EQ_INT(wn_format_parse("md"), WN_FMT_MARKDOWN);
    CHECK_EQ_INT(wn_format_parse("markdown"), WN_FMT_MARKDOWN);
    CHECK_EQ_INT(wn_format_parse("json"), WN_FMT_JSON);
    CHECK_EQ_INT(wn_format_parse("html"), WN_FMT_HTML);
    CHECK_EQ_INT(wn_format_parse("HTML"), WN_FMT_UNKNOWN);
    CHECK_EQ_INT(wn_format_parse("pdf"), WN_FMT_UNKNOWN);
    CHECK_EQ_INT(wn_format_parse(""), WN_FMT_UNKNOWN);
    CHECK_EQ_INT(wn_format_parse(NULL), WN_FMT_UNKNOWN);
    wn_format f = wn_format_parse("nope");   /* the return type is the enum */
    CHECK(f == WN_FMT_UNKNOWN);
    wn_page_type t = wn_page_type_parse("Forum");
    CHECK(t == WN_PAGE_FORUM);
    CHECK_EQ_INT(wn_page_type_parse("nope"), WN_PAGE_INVALID);
    CHECK_EQ_INT(wn_page_type_parse(NULL), WN_PAGE_INVALID);
    CHECK_EQ_INT(wn_article_page_type(NULL), WN_PAGE_UNKNOWN);

    wn_article *a = extract(STORY, NULL);
    out_buf b = { { 0 }, 0 };
    CHECK_EQ_INT(wn_render(a, WN_FMT_UNKNOWN, 0, sink, &b), WN_ERR_ARG);
    CHECK_EQ_INT(wn_render(a, WN_FMT_TEXT, 0, NULL, NULL), WN_ERR_ARG);
    CHECK_EQ_INT(wn_render(NULL, WN_FMT_TEXT, 0, sink, &b), WN_ERR_ARG);
    wn_article_free(a);
}

/* List fields: the count, the array when asked, owned by the article. */
static void test_list_fields(void)
{
    wn_article *a = extract(STORY, NULL);
    const char *const *cats = NULL;
    CHECK_EQ_INT(wn_article_categories(a, &cats), 1);
    CHECK(cats != NULL);
    if (cats)
        CHECK_EQ_STR(cats[0], "Travel");
    CHECK_EQ_INT(wn_article_categories(a, NULL), 1);
    const char *const *tags = (const char *const *)&a;
    CHECK_EQ_INT(wn_article_tags(a, &tags), 0);
    CHECK(tags == NULL);
    wn_article_free(a);
}

/* WN_RENDER_LINKS and WN_RENDER_IMAGES act on text, Markdown and HTML alike. */
static void test_render_flags_every_format(void)
{
    wn_article *a = extract(STORY, NULL);
    const wn_format fmts[] = { WN_FMT_TEXT, WN_FMT_MARKDOWN, WN_FMT_HTML };
    for (size_t i = 0; i < 3; i++) {
        const char *plain = render(a, fmts[i], 0);
        CHECK(strstr(plain, "timetable") != NULL);
        CHECK(strstr(plain, "rail.example") == NULL);
        const char *links = render(a, fmts[i], WN_RENDER_LINKS);
        CHECK(strstr(links, "https://rail.example/timetable") != NULL);
        CHECK(strstr(links, "train.jpg") == NULL);
        const char *images = render(a, fmts[i], WN_RENDER_IMAGES);
        CHECK(strstr(images, "https://rail.example/train.jpg") != NULL);
        CHECK(strstr(images, "rail.example/timetable") == NULL);
    }
    wn_article_free(a);
}

/* The HTML document's direction: the page's own dir (body before html),
 * else the language's. */
static void test_html_direction_from_page(void)
{
    struct { const char *page, *want; } cases[] = {
        { "<html lang=\"en\"><body dir=\"rtl\"><p>Some words here for a page body.</p>",
          "<html lang=\"en\" dir=\"rtl\">" },
        { "<html dir=\" RTL \"><body><p>Some words here for a page body.</p>", "<html dir=\"rtl\">" },
        { "<html dir=\"ltr\"><body dir=\"auto\"><p>Some words here for a page body.</p>",
          "<html dir=\"ltr\">" },
        { "<html lang=\"fa\"><body><p>Some words here for a page body.</p>",
          "<html lang=\"fa\" dir=\"rtl\">" },
        { "<html><body><p>Some words here for a page body.</p>", "<html>" },
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        wn_article *a = extract(cases[i].page, NULL);
        const char *h = render(a, WN_FMT_HTML, 0);
        CHECK(strstr(h, cases[i].want) != NULL);
        if (strstr(h, cases[i].want) == NULL)
            fprintf(stderr, "  case %zu: %s\n", i, h);
        wn_article_free(a);
    }
}

/* --comments on a page without comments: "comments" is null, as README says
 * every unknown value is. */
static void test_json_comments_unknown_is_null(void)
{
    wn_options opt;
    wn_options_init(&opt);
    opt.flags |= WN_OPT_COMMENTS;
    wn_article *a = extract(STORY, &opt);
    CHECK_EQ_INT(wn_article_comment_count(a), 0);
    const char *j = render(a, WN_FMT_JSON, WN_RENDER_COMMENTS);
    CHECK(strstr(j, "\"comments\":null") != NULL);
    wn_article_free(a);
    /* a comment section whose comments load by script holds only a button:
     * no comments either */
    a = extract("<html><body><article><p>The first overnight train in ten years left the valley "
                "on Friday evening, with two hundred passengers on board and a band.</p>"
                "<p>The operator says the timetable will be published next week, and that the "
                "service will run four nights a week until the spring.</p></article>"
                "<section class=\"comments-area\"><button type=\"button\">Expand Comments +</button>"
                "<div id=\"comments_thread\"></div></section></body></html>", &opt);
    j = render(a, WN_FMT_JSON, WN_RENDER_COMMENTS);
    CHECK(strstr(j, "\"comments\":null") != NULL);
    wn_article_free(a);
}

/* Leading spaces of the --explain line that starts with tag (after them). */
static long indent_of(const char *text, const char *tag)
{
    size_t k = strlen(tag);
    for (const char *line = text; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        size_t sp = strspn(line, " ");
        if (strncmp(line + sp, tag, k) == 0 && line[sp + k] == ' ')
            return (long)sp;
    }
    return -1;
}

/* --explain is a tree: every block is indented by its depth, blocks left out
 * before scoring (the site header, the headline, the footer) too. */
static void test_explain_indentation(void)
{
    FILE *f = fopen("examples/news-article.html", "rb");
    CHECK(f != NULL);
    if (f == NULL)
        return;
    static char html[65536];
    size_t n = fread(html, 1, sizeof html, f);
    fclose(f);
    static out_buf b;
    b.n = 0;
    wn_extractor *ex = wn_extractor_new(NULL);
    CHECK_EQ_INT(wn_explain(ex, html, n, NULL, sink, &b, NULL), WN_OK);
    wn_extractor_free(ex);
    long body = indent_of(b.p, "body"), article = indent_of(b.p, "article.post");
    CHECK(body >= 0 && article > body);
    CHECK_EQ_INT(indent_of(b.p, "header.site-header"), body + 1);
    CHECK_EQ_INT(indent_of(b.p, "footer.site-footer"), body + 1);
    CHECK_EQ_INT(indent_of(b.p, "h1"), article + 1);
    CHECK_EQ_INT(indent_of(b.p, "div.byline"), article + 1);
    CHECK_EQ_INT(indent_of(b.p, "p.standfirst"), article + 1);
}

int main(void)
{
    RUN(test_null_arguments);
    RUN(test_extract_errors);
    RUN(test_format_names);
    RUN(test_list_fields);
    RUN(test_render_flags_every_format);
    RUN(test_html_direction_from_page);
    RUN(test_json_comments_unknown_is_null);
    RUN(test_explain_indentation);
    CHECK_DONE();
}
