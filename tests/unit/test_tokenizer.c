/*
 * test_tokenizer.c: hand-written tokenizer cases (references in text and
 * attributes, RCDATA/RAWTEXT/script switches, CR/LF across chunks, U+0000,
 * duplicate attributes, max_attrs, the scratch limit, zero-copy, hostile sizes)
 * and a check that every chunk size gives the same tokens (character token
 * boundaries included) as the whole input.
 */
#include "check.h"

#include <time.h>

#include "html/tokenizer.h"

/* Tokens serialized as compact markup: text merged, "<a x="1"/>", "</a>",
 * "<!--c-->", "<!DOCTYPE name|public|system|quirks>". */
typedef struct sink {
    wn_tokenizer *t;
    wn_buf out;
    bool switch_states;      /* act like the tree builder for title/style/script... */
    bool mark_chars;         /* write each CHARS token as "[text]": token boundaries count */
    int stop_after;          /* return 7 from the callback after this many tokens (0: never) */
    int ntok;
    bool bad_utf8;           /* a CHARS token ended inside a UTF-8 sequence */
    bool all_zero_copy;      /* every string pointed into `input` */
    const char *input;
    size_t input_n;
} sink;

static bool in_input(const sink *s, wn_str v)
{
    return v.n == 0 || (v.p >= s->input && v.p + v.n <= s->input + s->input_n);
}

static bool utf8_complete(wn_str v)
{
    size_t i = 0;
    while (i < v.n) {
        unsigned char c = (unsigned char)v.p[i];
        size_t len = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        if (i + len > v.n)
            return false;
        i += len;
    }
    return true;
}

static int on_token(void *ctx, wn_token *tok)
{
    sink *s = ctx;
    wn_buf *b = &s->out;
    s->ntok++;
    switch (tok->type) {
    case WN_TOK_CHARS:
        if (!utf8_complete(tok->data))
            s->bad_utf8 = true;
        if (!in_input(s, tok->data))
            s->all_zero_copy = false;
        if (s->mark_chars)
            wn_buf_putc(b, '[');
        wn_buf_put(b, tok->data.p, tok->data.n);
        if (s->mark_chars)
            wn_buf_putc(b, ']');
        break;
    case WN_TOK_START_TAG:
        wn_buf_printf(b, "<%.*s", (int)tok->name.n, tok->name.p);
        if (!in_input(s, tok->name))
            s->all_zero_copy = false;
        for (uint32_t i = 0; i < tok->nattrs; i++) {
            wn_buf_printf(b, " %.*s=\"%.*s\"", (int)tok->attrs[i].name.n, tok->attrs[i].name.p,
                          (int)tok->attrs[i].value.n, tok->attrs[i].value.p);
            if (!in_input(s, tok->attrs[i].name) || !in_input(s, tok->attrs[i].value))
                s->all_zero_copy = false;
        }
        wn_buf_puts(b, tok->self_closing ? "/>" : ">");
        if (s->switch_states) {
            if (wn_str_eq(tok->name, "title") || wn_str_eq(tok->name, "textarea"))
                wn_tokenizer_set_state(s->t, WN_TOKST_RCDATA);
            else if (wn_str_eq(tok->name, "style") || wn_str_eq(tok->name, "xmp"))
                wn_tokenizer_set_state(s->t, WN_TOKST_RAWTEXT);
            else if (wn_str_eq(tok->name, "script"))
                wn_tokenizer_set_state(s->t, WN_TOKST_SCRIPT_DATA);
            else if (wn_str_eq(tok->name, "plaintext"))
                wn_tokenizer_set_state(s->t, WN_TOKST_PLAINTEXT);
        }
        break;
    case WN_TOK_END_TAG:
        wn_buf_printf(b, "</%.*s>", (int)tok->name.n, tok->name.p);
        break;
    case WN_TOK_COMMENT:
        if (!in_input(s, tok->data))
            s->all_zero_copy = false;
        wn_buf_printf(b, "<!--%.*s-->", (int)tok->data.n, tok->data.p);
        break;
    case WN_TOK_DOCTYPE:
        wn_buf_printf(b, "<!DOCTYPE %.*s|%.*s|%.*s|%d>", (int)tok->name.n, tok->name.p,
                      (int)tok->public_id.n, tok->public_id.p, (int)tok->system_id.n,
                      tok->system_id.p, tok->force_quirks);
        break;
    case WN_TOK_EOF:
        break;
    }
    if (s->stop_after && s->ntok >= s->stop_after)
        return 7;
    return 0;
}

/* Tokenize n bytes in chunks of `chunk` (0: whole). Returns the serialization
 * (static storage, valid until the next call); *rc gets the first non-zero return. */
static const char *tok_opts(const char *in, size_t n, size_t chunk, uint32_t max_attrs, size_t limit,
                            int *rc, sink *out_sink)
{
    static sink s;
    wn_buf_fini(&s.out);
    memset(&s, 0, sizeof s);
    wn_buf_init(&s.out, 0);
    s.switch_states = true;
    s.all_zero_copy = true;
    s.input = in;
    s.input_n = n;
    if (out_sink) {
        s.stop_after = out_sink->stop_after;
        s.mark_chars = out_sink->mark_chars;
    }
    s.t = wn_tokenizer_new(on_token, &s, max_attrs, limit);
    int r = 0;
    if (chunk == 0) {
        r = wn_tokenizer_feed(s.t, in, n);
    } else {
        for (size_t i = 0; i < n && r == 0; i += chunk)
            r = wn_tokenizer_feed(s.t, in + i, n - i < chunk ? n - i : chunk);
    }
    if (r == 0)
        r = wn_tokenizer_finish(s.t);
    wn_tokenizer_free(s.t);
    s.t = NULL;
    if (rc)
        *rc = r;
    if (out_sink)
        *out_sink = s;
    return wn_buf_cstr(&s.out);
}

static const char *tok(const char *in)
{
    return tok_opts(in, strlen(in), 0, 0, 0, NULL, NULL);
}

static const char *tok_chunked(const char *in, size_t chunk)
{
    return tok_opts(in, strlen(in), chunk, 0, 0, NULL, NULL);
}

static void test_plain(void)
{
    CHECK_EQ_STR(tok("<p class=\"a b\" id=x>Hi <b>there</b></p>"),
                 "<p class=\"a b\" id=\"x\">Hi <b>there</b></p>");
    CHECK_EQ_STR(tok("<DIV Data-X='1'><BR/></DiV>"), "<div data-x=\"1\"><br/></div>");
    CHECK_EQ_STR(tok("a < b && c <3 </>"), "a < b && c <3 ");
    CHECK_EQ_STR(tok("<!-- c --><!----><!--a-b--c--->"), "<!-- c --><!----><!--a-b--c--->");
    CHECK_EQ_STR(tok("<?xml version?><!x>"), "<!--?xml version?--><!--x-->");
    CHECK_EQ_STR(tok("<input disabled checked type=checkbox value=a&amp;b data-x = 'y'>"),
                 "<input disabled=\"\" checked=\"\" type=\"checkbox\" value=\"a&b\" data-x=\"y\">");
    CHECK_EQ_STR(tok("<a b =c d/ e=\"f\"g>"), "<a b=\"c\" d=\"\" e=\"f\" g=\"\">");
    CHECK_EQ_STR(tok("<td width=50>x</td >"), "<td width=\"50\">x</td>");
    CHECK_EQ_STR(tok("<!DOCTYPE html>"), "<!DOCTYPE html|||0>");
    CHECK_EQ_STR(tok("<!doctype html public \"-//W3C//DTD HTML 4.01//EN\" 'http://x/y.dtd'>"),
                 "<!DOCTYPE html|-//W3C//DTD HTML 4.01//EN|http://x/y.dtd|0>");
    CHECK_EQ_STR(tok("<!DOCTYPE>"), "<!DOCTYPE |||1>");
}

static void test_refs_in_text(void)
{
    /* &copy2 is a legacy name without ";" (decoded), &notit; takes "not" and
     * keeps "it;", &#0; / &#x110000; / &#xD800; are U+FFFD, &#128; is the
     * Windows-1252 euro sign. */
    CHECK_EQ_STR(tok("a &amp; b &lt;c&gt; &copy2 &notin; &notit; &#65;&#x42;"),
                 "a & b <c> \xC2\xA9" "2 \xE2\x88\x89 \xC2\xAC" "it; AB");
    CHECK_EQ_STR(tok("&#0;|&#x110000;|&#xD800;|&#128;|&#x9F;|&#99999999999999999;"),
                 "\xEF\xBF\xBD|\xEF\xBF\xBD|\xEF\xBF\xBD|\xE2\x82\xAC|\xC5\xB8|\xEF\xBF\xBD");
    CHECK_EQ_STR(tok("&#;&#x;&#xg;&;&nosuch;&"), "&#;&#x;&#xg;&;&nosuch;&");
    CHECK_EQ_STR(tok("&CounterClockwiseContourIntegral;"), "\xE2\x88\xB3");
    CHECK_EQ_STR(tok("&am"), "&am");
    CHECK_EQ_STR(tok("&amp"), "&");
    CHECK_EQ_STR(tok("&#x41"), "A");
    CHECK_EQ_STR(tok("&#"), "&#");
}

static void test_refs_in_attributes(void)
{
    /* In attributes a legacy name followed by "=" or an alphanumeric stays text. */
    CHECK_EQ_STR(tok("<a href=\"?x=1&copy=2&amp;y=&lt\" t='&quot;q&quot;' u=&gt v=&ampx w=&amp;x>"),
                 "<a href=\"?x=1&copy=2&y=<\" t=\"\"q\"\" u=\">\" v=\"&ampx\" w=\"&x\">");
    CHECK_EQ_STR(tok("<a b='&notit;' c='&not;it' d='&#x26;'>"),
                 "<a b=\"&notit;\" c=\"\xC2\xAC" "it\" d=\"&\">");
}

static void test_text_states(void)
{
    CHECK_EQ_STR(tok("<title>a<b>&amp;</title>x"), "<title>a<b>&</title>x");
    CHECK_EQ_STR(tok("<title>x</titlex></TITLE >"), "<title>x</titlex></title>");
    CHECK_EQ_STR(tok("<textarea></textare</textarea/>"), "<textarea></textare</textarea>");
    CHECK_EQ_STR(tok("<style>a&amp;</b></style>"), "<style>a&amp;</b></style>");
    CHECK_EQ_STR(tok("<script>if(a<b)x='</scr'+'ipt>'</script>"),
                 "<script>if(a<b)x='</scr'+'ipt>'</script>");
    /* Escaped and double-escaped script text: "</script>" inside "<!--<script>" does not end it. */
    CHECK_EQ_STR(tok("<script><!--<script>a</script>b--></script>c"),
                 "<script><!--<script>a</script>b--></script>c");
    CHECK_EQ_STR(tok("<script><!--a</script>"), "<script><!--a</script>");
    CHECK_EQ_STR(tok("<plaintext></plaintext>&amp;"), "<plaintext></plaintext>&amp;");
    CHECK_EQ_STR(tok("<xmp><p></xmp>"), "<xmp><p></xmp>");
}

static void test_cdata(void)
{
    sink s;
    memset(&s, 0, sizeof s);
    CHECK_EQ_STR(tok("<![CDATA[x]]>"), "<!--[CDATA[x]]-->");
    /* In foreign content CDATA is text; "]]]>" keeps one bracket. */
    wn_buf out;
    wn_buf_init(&out, 0);
    s.all_zero_copy = true;
    wn_buf_init(&s.out, 0);
    s.t = wn_tokenizer_new(on_token, &s, 0, 0);
    wn_tokenizer_set_foreign(s.t, true);
    const char *in = "<![CDATA[a<b]]c]]]>d";
    for (size_t i = 0; in[i]; i++)
        wn_tokenizer_feed(s.t, in + i, 1);
    wn_tokenizer_finish(s.t);
    CHECK_EQ_STR(wn_buf_cstr(&s.out), "a<b]]c]d");
    wn_tokenizer_free(s.t);
    wn_buf_fini(&s.out);
    wn_buf_fini(&out);
}

static void test_crlf(void)
{
    const char *in = "a\r\nb\r\rc\r<p title='x\r\ny\rz'>\r\n";
    const char *want = "a\nb\n\nc\n<p title=\"x\ny\nz\">\n";
    CHECK_EQ_STR(tok(in), want);
    for (size_t c = 1; c <= 4; c++)
        CHECK_EQ_STR(tok_chunked(in, c), want);
    /* CR at the very end, LF in the next chunk. */
    sink s;
    memset(&s, 0, sizeof s);
    wn_buf_init(&s.out, 0);
    s.t = wn_tokenizer_new(on_token, &s, 0, 0);
    wn_tokenizer_feed(s.t, "x\r", 2);
    wn_tokenizer_feed(s.t, "", 0);
    wn_tokenizer_feed(s.t, "\n\ny", 3);
    wn_tokenizer_finish(s.t);
    CHECK_EQ_STR(wn_buf_cstr(&s.out), "x\n\ny");
    wn_tokenizer_free(s.t);
    wn_buf_fini(&s.out);
}

static void test_nul(void)
{
    int rc;
    /* Data state keeps U+0000; RCDATA, names, values and comments use U+FFFD. */
    const char *out = tok_opts("a\0b", 3, 0, 0, 0, &rc, NULL);
    CHECK(memcmp(out, "a\0b", 4) == 0);
    CHECK_EQ_STR(tok_opts("<title>\0</title>", 16, 0, 0, 0, &rc, NULL),
                 "<title>\xEF\xBF\xBD</title>");
    CHECK_EQ_STR(tok_opts("<a\0 b\0='\0'><!--\0-->", 20, 0, 0, 0, &rc, NULL),
                 "<a\xEF\xBF\xBD b\xEF\xBF\xBD=\"\xEF\xBF\xBD\"><!--\xEF\xBF\xBD-->");
}

static void test_duplicate_attrs(void)
{
    CHECK_EQ_STR(tok("<p a=1 b=2 A=3 a=4 c>"), "<p a=\"1\" b=\"2\" c=\"\">");
    /* Many attributes take the hashed path: 300 names, each written twice. */
    wn_buf in, want;
    wn_buf_init(&in, 0);
    wn_buf_init(&want, 0);
    wn_buf_puts(&in, "<p");
    wn_buf_puts(&want, "<p");
    for (int i = 0; i < 300; i++) {
        wn_buf_printf(&in, " x%d=%d", i, i);
        wn_buf_printf(&want, " x%d=\"%d\"", i, i);
    }
    for (int i = 299; i >= 0; i--)
        wn_buf_printf(&in, " X%d=dup", i);
    wn_buf_puts(&in, ">");
    wn_buf_puts(&want, ">");
    CHECK_EQ_STR(tok(wn_buf_cstr(&in)), wn_buf_cstr(&want));
    CHECK_EQ_STR(tok_chunked(wn_buf_cstr(&in), 5), wn_buf_cstr(&want));
    wn_buf_fini(&in);
    wn_buf_fini(&want);
}

static void test_max_attrs(void)
{
    const char *in = "<p a=1 b=2 a=3 c=4 d=5>x";
    CHECK_EQ_STR(tok_opts(in, strlen(in), 0, 2, 0, NULL, NULL), "<p a=\"1\" b=\"2\">x");
    CHECK_EQ_STR(tok_opts(in, strlen(in), 1, 3, 0, NULL, NULL), "<p a=\"1\" b=\"2\" c=\"4\">x");
}

static void test_scratch_limit(void)
{
    int rc;
    char in[200];
    memcpy(in, "<!--", 4);
    memset(in + 4, 'x', 150);
    memcpy(in + 154, "-->", 4);
    /* A 150-byte comment against a 64-byte limit fails, whole or chunked. */
    tok_opts(in, 157, 0, 0, 64, &rc, NULL);
    CHECK_EQ_INT(rc, -1);
    tok_opts(in, 157, 10, 0, 64, &rc, NULL);
    CHECK_EQ_INT(rc, -1);
    /* Under the limit is fine. */
    CHECK_EQ_STR(tok_opts("<!--short--><a b=c>", 19, 3, 0, 64, &rc, NULL), "<!--short--><a b=\"c\">");
    CHECK_EQ_INT(rc, 0);
    /* The limit counts a token's bytes (name, attribute name and value: 1 + 30
     * + 30 here), copied or not, so whole and chunked input agree. */
    const char *tag = "<p aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa=\"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbb\">";
    for (size_t c = 0; c <= 7; c++) {
        tok_opts(tag, strlen(tag), c, 0, 60, &rc, NULL);
        CHECK_EQ_INT(rc, -1);
        tok_opts(tag, strlen(tag), c, 0, 61, &rc, NULL);
        CHECK_EQ_INT(rc, 0);
    }
    /* Text is not a token: long text passes any limit. */
    char text[1000];
    memset(text, 't', sizeof text);
    tok_opts(text, sizeof text, 7, 0, 64, &rc, NULL);
    CHECK_EQ_INT(rc, 0);
}

static void test_zero_copy(void)
{
    sink s;
    memset(&s, 0, sizeof s);
    const char *in = "<div class=\"main\" id=a>Some text<!-- note --><br></div>";
    tok_opts(in, strlen(in), 0, 0, 0, NULL, &s);
    CHECK(s.all_zero_copy);
    /* A reference forces a copy of that value only. */
    memset(&s, 0, sizeof s);
    in = "<a href=\"x&amp;y\">t</a>";
    tok_opts(in, strlen(in), 0, 0, 0, NULL, &s);
    CHECK(!s.all_zero_copy);
}

static void test_callback_stop(void)
{
    sink s;
    int rc;
    memset(&s, 0, sizeof s);
    s.stop_after = 2;
    const char *out = tok_opts("<a>b<c>d", 8, 0, 0, 0, &rc, &s);
    CHECK_EQ_INT(rc, 7);
    CHECK_EQ_STR(out, "<a>b");
}

static void test_eof(void)
{
    CHECK_EQ_STR(tok("<!--x"), "<!--x-->");
    CHECK_EQ_STR(tok("<!--x--"), "<!--x-->");
    CHECK_EQ_STR(tok("a<a href='x"), "a");
    CHECK_EQ_STR(tok("a<"), "a<");
    CHECK_EQ_STR(tok("a</"), "a</");
    CHECK_EQ_STR(tok("<!"), "<!---->");
    CHECK_EQ_STR(tok("<!DOCTYPE html PUB"), "<!DOCTYPE html|||1>");
    CHECK_EQ_STR(tok("<title>a</tit"), "<title>a</tit");
}

/* Varied inputs: every chunk size must give the same tokens, and every CHARS
 * token must end on a UTF-8 character boundary. */
static void test_chunked_equivalence(void)
{
    static const char *inputs[] = {
        "<!DOCTYPE html><html><head><title>T &amp; t</title></head><body>",
        "<p class=\"x\" data-a='1&amp;2' b=c&d=e>caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80 &eacute;</p>",
        "<script>var s = '<!--<script>x</script>-->'; if (a<b && c>d) {}</script><style>p>a{}</style>",
        "<!-- a -- b --!> <!---x---> <![CDATA[c]]> <?pi?> </ x> <a/b> <a =b>",
        "&notin; &notit; &#x1F600; &#128; &CounterClockwiseContourIntegral; &amp &ampx &#99",
        "<textarea>&lt;b&gt;</textarea><xmp>&amp;</xmp><plaintext>& <b>",
        "line1\r\nline2\rline3\n\r\n<a title='x\r\ny'>\r</a>",
        "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\" \"http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd\">",
        "<!doctype html system 'about:legacy-compat'><!DOCTYPE x PUBLIC 'a'>",
        "<a href=\"https://example.com/?a=1&b=2&copy=3&lang=en\">\xE4\xB8\xAD\xE6\x96\x87</a>",
    };
    for (size_t i = 0; i < sizeof inputs / sizeof *inputs; i++) {
        const char *in = inputs[i];
        sink w;
        memset(&w, 0, sizeof w);
        w.mark_chars = true;
        char *whole = strdup(tok_opts(in, strlen(in), 0, 0, 0, NULL, &w));
        for (size_t c = 1; c <= 9; c++) {
            sink s;
            memset(&s, 0, sizeof s);
            s.mark_chars = true;
            const char *got = tok_opts(in, strlen(in), c, 0, 0, NULL, &s);
            CHECK_EQ_STR(got, whole);
            CHECK(!s.bad_utf8);
        }
        free(whole);
    }
}

/* Text longer than one CHARS token (64 KiB) is cut at the same places whatever
 * the chunk sizes, never inside a character: here a 3-byte character straddles
 * offset 65536 (bytes 65535..65537), so the first token is 65535 bytes. */
static void test_long_text_tokens(void)
{
    size_t n = 200000;
    char *in = malloc(n + 1);
    CHECK(in != NULL);
    if (in == NULL)
        return;
    memset(in, 'a', n);
    memcpy(in + 65535, "\xE2\x82\xAC", 3);
    memcpy(in + 100000, "&amp;", 5);
    in[n] = '\0';
    sink w;
    memset(&w, 0, sizeof w);
    w.mark_chars = true;
    char *whole = strdup(tok_opts(in, n, 0, 0, 0, NULL, &w));
    CHECK(whole[0] == '[' && whole[65536] == ']');   /* "[" + 65535 bytes + "]" */
    CHECK(!w.bad_utf8);
    static const size_t chunks[] = { 1, 7, 4096, 65536, 70000 };
    for (size_t i = 0; i < sizeof chunks / sizeof *chunks; i++) {
        sink s;
        memset(&s, 0, sizeof s);
        s.mark_chars = true;
        const char *got = tok_opts(in, n, chunks[i], 0, 0, NULL, &s);
        CHECK(strcmp(got, whole) == 0);
        CHECK(!s.bad_utf8);
    }
    free(whole);
    free(in);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

typedef struct counter {
    size_t chars, attrs, tags;
} counter;

static int count_tokens(void *ctx, wn_token *tok)
{
    counter *c = ctx;
    if (tok->type == WN_TOK_CHARS)
        c->chars += tok->data.n;
    if (tok->type == WN_TOK_START_TAG) {
        c->tags++;
        c->attrs += tok->nattrs;
    }
    return 0;
}

/* 100,000 attributes (distinct, then all the same) and a 100 MB text run with a
 * reference in the middle: linear, so each finishes well within seconds. */
static void test_hostile_sizes(void)
{
    wn_buf in;
    counter c;
    wn_buf_init(&in, 0);
    wn_buf_puts(&in, "<p");
    for (int i = 0; i < 100000; i++)
        wn_buf_printf(&in, " a%d", i);
    wn_buf_puts(&in, "><q");
    for (int i = 0; i < 100000; i++)
        wn_buf_puts(&in, " a=1");
    wn_buf_puts(&in, ">");
    double t0 = now();
    memset(&c, 0, sizeof c);
    wn_tokenizer *t = wn_tokenizer_new(count_tokens, &c, 0, 0);
    CHECK_EQ_INT(wn_tokenizer_feed(t, in.p, in.n), 0);
    CHECK_EQ_INT(wn_tokenizer_finish(t), 0);
    wn_tokenizer_free(t);
    CHECK_EQ_INT(c.tags, 2);
    CHECK_EQ_INT(c.attrs, 100001);
    CHECK(now() - t0 < 10.0);
    wn_buf_fini(&in);

    size_t n = 100u << 20;
    char *big = malloc(n);
    CHECK(big != NULL);
    if (big == NULL)
        return;
    memset(big, 'x', n);
    memcpy(big + n / 2, "&amp;", 5);
    t0 = now();
    memset(&c, 0, sizeof c);
    t = wn_tokenizer_new(count_tokens, &c, 0, 1 << 20);
    CHECK_EQ_INT(wn_tokenizer_feed(t, big, n), 0);
    CHECK_EQ_INT(wn_tokenizer_finish(t), 0);
    wn_tokenizer_free(t);
    CHECK_EQ_INT(c.chars, n - 4);
    CHECK(now() - t0 < 20.0);
    free(big);
}

int main(void)
{
    RUN(test_plain);
    RUN(test_refs_in_text);
    RUN(test_refs_in_attributes);
    RUN(test_text_states);
    RUN(test_cdata);
    RUN(test_crlf);
    RUN(test_nul);
    RUN(test_duplicate_attrs);
    RUN(test_max_attrs);
    RUN(test_scratch_limit);
    RUN(test_zero_copy);
    RUN(test_callback_stop);
    RUN(test_eof);
    RUN(test_chunked_equivalence);
    RUN(test_long_text_tokens);
    RUN(test_hostile_sizes);
    CHECK_DONE();
}
