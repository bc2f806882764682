/*
 * test_json.c: the JSON reader (src/core/json.c): values, escapes and surrogate
 * pairs, the leniencies JSON-LD needs (trailing comma, "<!-- -->"), errors with
 * offsets, and the depth cap on hostile nesting.
 */
#include "check.h"

#include "core/json.h"

static wn_arena A;

static wn_json *parse(const char *s)
{
    return wn_json_parse(&A, s, strlen(s), 0, NULL);
}

static void test_scalars(void)
{
    wn_json *v = parse("true");
    CHECK(v && v->type == WN_JSON_BOOL && v->boolean);
    v = parse(" false ");
    CHECK(v && v->type == WN_JSON_BOOL && !v->boolean);
    v = parse("null");
    CHECK(v && v->type == WN_JSON_NULL);
    v = parse("-12.5e1");
    CHECK(v && v->type == WN_JSON_NUMBER);
    CHECK(v && v->number == -125.0);
    CHECK(v && wn_str_eq(v->str, "-12.5e1"));
    v = parse("0");
    CHECK(v && v->number == 0.0);
    v = parse("\"a b\"");
    CHECK(v && v->type == WN_JSON_STRING && wn_str_eq(v->str, "a b"));
    CHECK(v && v->str.p[v->str.n] == '\0');
}

static void test_escapes(void)
{
    wn_json *v = parse("\"q\\\"b\\\\s\\/n\\nt\\t\"");
    CHECK(v && wn_str_eq(v->str, "q\"b\\s/n\nt\t"));
    /* U+00E9 is C3 A9; U+20AC is E2 82 AC; U+1F600 (D83D DE00) is F0 9F 98 80 */
    v = parse("\"\\u00e9\\u20AC\\ud83d\\ude00\"");
    CHECK(v && wn_str_eq(v->str, "\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"));
    /* Lone surrogates become U+FFFD (EF BF BD), the following text is kept. */
    v = parse("\"a\\ud800b\\udc00\"");
    CHECK(v && wn_str_eq(v->str, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD"));
    /* \u0000 is kept as a byte; the length says so. */
    v = parse("\"x\\u0000y\"");
    CHECK(v && v->str.n == 3 && v->str.p[1] == '\0');
    /* Raw UTF-8 passes through. */
    v = parse("\"caf\xC3\xA9\"");
    CHECK(v && wn_str_eq(v->str, "caf\xC3\xA9"));
    CHECK(parse("\"\\u12\"") == NULL);
}

static void test_containers(void)
{
    wn_json *v = parse("{\"a\": [1, 2, {\"b\": null}], \"c\": \"d\", \"a\": 3}");
    CHECK(v && v->type == WN_JSON_OBJECT && v->count == 3);
    const wn_json *a = wn_json_get(v, "a");
    CHECK(a && a->type == WN_JSON_ARRAY && a->count == 3);   /* first match wins */
    CHECK(a && a->first && a->first->number == 1.0);
    CHECK(a && a->first->next && a->first->next->number == 2.0);
    const wn_json *inner = a ? a->first->next->next : NULL;
    CHECK(inner && inner->type == WN_JSON_OBJECT);
    CHECK(wn_json_get(inner, "b") && wn_json_get(inner, "b")->type == WN_JSON_NULL);
    const wn_json *c = wn_json_get(v, "c");
    CHECK(c && wn_str_eq(c->key, "c") && wn_str_eq(c->str, "d"));
    CHECK(wn_json_get(v, "zz") == NULL);
    CHECK(wn_json_get(a, "a") == NULL);   /* not an object */
    v = parse("[]");
    CHECK(v && v->type == WN_JSON_ARRAY && v->count == 0 && v->first == NULL);
    v = parse("{ }");
    CHECK(v && v->type == WN_JSON_OBJECT && v->count == 0);
    v = parse("[[[]]]");
    CHECK(v && v->count == 1 && v->first->count == 1 && v->first->first->count == 0);
}

static void test_lenient(void)
{
    wn_json *v = parse("[1, 2,]");
    CHECK(v && v->count == 2);
    v = parse("{\"a\": 1,}");
    CHECK(v && v->count == 1);
    v = parse("  <!-- {\"@type\": \"NewsArticle\"} -->  ");
    CHECK(v && wn_str_eq(wn_json_get(v, "@type")->str, "NewsArticle"));
    v = parse("\xEF\xBB\xBF{\"x\":1}");
    CHECK(v && v->count == 1);
    v = parse("\"line\nbreak\"");          /* raw control characters: kept */
    CHECK(v && wn_str_eq(v->str, "line\nbreak"));
}

static void test_errors(void)
{
    size_t off = 99;
    CHECK(wn_json_parse(&A, "", 0, 0, NULL) == NULL);
    CHECK(parse("[1 2]") == NULL);
    CHECK(parse("[,]") == NULL);
    CHECK(parse("{\"a\" 1}") == NULL);
    CHECK(parse("{a: 1}") == NULL);
    CHECK(parse("[1,,2]") == NULL);
    CHECK(parse("tru") == NULL);
    CHECK(parse("01") == NULL);
    CHECK(parse("1.") == NULL);
    CHECK(parse("[1] x") == NULL);
    CHECK(parse("\"open") == NULL);
    CHECK(parse("[1}") == NULL);
    CHECK(wn_json_parse(&A, "[1, x]", 6, 0, &off) == NULL);
    CHECK_EQ_INT(off, 4);
}

static void test_depth(void)
{
    static char deep[100001];
    memset(deep, '[', 100000);
    CHECK(wn_json_parse(&A, deep, 100000, 0, NULL) == NULL);
    /* Exactly at the cap is fine, one more is not. */
    CHECK(wn_json_parse(&A, "[[[]]]", 6, 3, NULL) != NULL);
    CHECK(wn_json_parse(&A, "[[[[]]]]", 8, 3, NULL) == NULL);
    /* 512 levels (the default cap) parse. */
    for (int i = 0; i < 512; i++) {
        deep[i] = '[';
        deep[1023 - i] = ']';
    }
    CHECK(wn_json_parse(&A, deep, 1024, 0, NULL) != NULL);
}

static void test_arena_limit(void)
{
    wn_arena small;
    wn_arena_init(&small, 4096);
    static char big[20000];
    big[0] = '"';
    memset(big + 1, 'x', sizeof big - 2);
    big[sizeof big - 1] = '"';
    CHECK(wn_json_parse(&small, big, sizeof big, 0, NULL) == NULL);
    wn_arena_fini(&small);
}

int main(void)
{
    wn_arena_init(&A, 0);
    RUN(test_scalars);
    RUN(test_escapes);
    RUN(test_containers);
    RUN(test_lenient);
    RUN(test_errors);
    RUN(test_depth);
    RUN(test_arena_limit);
    wn_arena_fini(&A);
    CHECK_DONE();
}
