/* test_dom.c: tree edits, traversal, tag lookup and the invariant checker. */
#include "check.h"

#include "core/buf.h"
#include "dom/dom.h"

static wn_node *el(wn_doc *d, const char *name)
{
    return wn_dom_new_element(d, WN_NS_HTML, wn_tag_lookup(name, strlen(name)),
                              wn_str_make(name, strlen(name)));
}

static void test_tag_lookup(void)
{
    CHECK_EQ_INT(wn_tag_lookup("div", 3), WN_TAG_DIV);
    CHECK_EQ_INT(wn_tag_lookup("annotation-xml", 14), WN_TAG_ANNOTATION_XML);
    CHECK_EQ_INT(wn_tag_lookup("custom-thing", 12), WN_TAG_UNKNOWN);
    CHECK_EQ_INT(wn_tag_lookup("DIV", 3), WN_TAG_UNKNOWN);  /* callers lowercase first */
    CHECK_EQ_STR(wn_tag_name(WN_TAG_BLOCKQUOTE), "blockquote");
    for (int t = 1; t < WN_TAG__COUNT; t++) {
        const char *n = wn_tag_name((uint16_t)t);
        CHECK_EQ_INT(wn_tag_lookup(n, strlen(n)), t);
    }
}

static void test_edits_and_walk(void)
{
    wn_doc *d = wn_doc_new(0);
    wn_node *html = el(d, "html"), *body = el(d, "body"), *p = el(d, "p");
    wn_node *t1 = wn_dom_new_text(d, WN_STR_LIT("one"));
    wn_node *t2 = wn_dom_new_text(d, WN_STR_LIT("two"));
    wn_dom_append(d->root, html);
    wn_dom_append(html, body);
    wn_dom_append(body, p);
    wn_dom_append(p, t2);
    wn_dom_insert_before(p, t1, t2);
    CHECK(p->first == t1 && p->last == t2 && t1->next == t2 && t2->prev == t1);
    CHECK(wn_dom_check(d) == NULL);

    wn_buf b;
    wn_buf_init(&b, 0);
    wn_dom_text_content(d->root, &b);
    CHECK_EQ_STR(wn_buf_cstr(&b), "onetwo");

    int count = 0;
    for (wn_node *n = d->root; n; n = wn_dom_next(d->root, n, false))
        count++;
    CHECK_EQ_INT(count, 6);

    wn_dom_remove(t1);
    CHECK(p->first == t2 && t2->prev == NULL);
    wn_dom_move_children(p, body);
    CHECK(p->first == NULL && body->last == t2);
    CHECK(wn_dom_check(d) == NULL);
    wn_buf_fini(&b);
    wn_doc_free(d);
}

static void test_check_detects_broken_links(void)
{
    wn_doc *d = wn_doc_new(0);
    wn_node *a = el(d, "div"), *b = el(d, "span");
    wn_dom_append(d->root, a);
    wn_dom_append(a, b);
    b->parent = d->root;          /* corrupt on purpose */
    CHECK(wn_dom_check(d) != NULL);
    b->parent = a;
    CHECK(wn_dom_check(d) == NULL);
    wn_doc_free(d);
}

static void test_attrs_and_node_cap(void)
{
    wn_doc *d = wn_doc_new(0);
    wn_node *a = el(d, "a");
    wn_attr attrs[2] = { { WN_STR_LIT("href"), WN_STR_LIT("/x"), 0 },
                         { WN_STR_LIT("class"), WN_STR_LIT("c"), 0 } };
    CHECK(wn_dom_set_attrs(d, a, attrs, 2) == 0);
    CHECK(wn_str_eq(wn_dom_attr_value(a, "href"), "/x"));
    CHECK(wn_dom_attr(a, "id") == NULL);
    d->max_nodes = d->node_count + 1;
    CHECK(el(d, "b") != NULL);
    CHECK(el(d, "i") == NULL);    /* over max_nodes */
    wn_doc_free(d);
}

int main(void)
{
    RUN(test_tag_lookup);
    RUN(test_edits_and_walk);
    RUN(test_check_detects_broken_links);
    RUN(test_attrs_and_node_cap);
    CHECK_DONE();
}
