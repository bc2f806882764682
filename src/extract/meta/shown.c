/*
 * shown.c: whether a day is written in the page's visible text. Readers
 * take a story's date from what the page shows, not from its metadata: when
 * the declared publication date appears nowhere in the text but the
 * modification date is printed under the headline ("Updated Mar 12, 2020"),
 * the printed one is the date people cite. metadata.c asks only when the two
 * declared dates differ, so this plain search costs nothing on most pages.
 */
#include <stdio.h>
#include <string.h>

#include "dom/dom.h"
#include "extract/meta/meta_internal.h"
#include "extract/signals/lexicon_data.h"

#define MAX_FORMS 16
#define FORM_LEN  40
#define MAX_TEXT  4096   /* longer text nodes are prose, not date lines */

/* The full name of month m (1-12) that carries bit (WRITTEN_EN or WRITTEN_DE)
 * in the lexicon's month_name role. */
static const char *month_written(int m, unsigned bit)
{
    for (size_t k = 0; k < WN_LEX_MONTH_NAME_N; k++)
        if (wn_lex_month_name_value[k] == m && (wn_lex_month_name_bits[k] & bit))
            return wn_lex_month_name[k];
    return "";
}

/* The written forms of y-m-d pages commonly print, lowercase. Returns the count. */
static size_t day_forms(int y, int m, int d, char out[MAX_FORMS][FORM_LEN])
{
    const char *en = month_written(m, WN_LEX_MONTH_NAME_WRITTEN_EN);
    const char *de = month_written(m, WN_LEX_MONTH_NAME_WRITTEN_DE);
    size_t k = 0;
    snprintf(out[k++], FORM_LEN, "%04d-%02d-%02d", y, m, d);
    snprintf(out[k++], FORM_LEN, "%d.%d.%d", d, m, y);
    snprintf(out[k++], FORM_LEN, "%02d.%02d.%d", d, m, y);
    snprintf(out[k++], FORM_LEN, "%02d.%02d.%02d", d, m, y % 100);
    snprintf(out[k++], FORM_LEN, "%02d/%02d/%d", m, d, y);
    snprintf(out[k++], FORM_LEN, "%d/%d/%d", m, d, y);
    snprintf(out[k++], FORM_LEN, "%02d/%02d/%d", d, m, y);
    snprintf(out[k++], FORM_LEN, "%04d/%02d/%02d", y, m, d);
    snprintf(out[k++], FORM_LEN, "%s %d, %d", en, d, y);
    snprintf(out[k++], FORM_LEN, "%d %s %d", d, en, y);
    snprintf(out[k++], FORM_LEN, "%.3s %d, %d", en, d, y);
    snprintf(out[k++], FORM_LEN, "%d. %s %d", d, de, y);
    snprintf(out[k++], FORM_LEN, "%d %s %d", d, de, y);
    return k;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* form in s[0..n) with no digit right before or after it ("2.1.2022" is not
 * in "12.1.2022"). */
static bool has_form(const char *s, size_t n, const char *form)
{
    size_t m = strlen(form);
    const char *p = s, *end = s + n;
    while ((size_t)(end - p) >= m) {
        const char *q = memmem(p, (size_t)(end - p), form, m);
        if (q == NULL)
            return false;
        if ((q == s || !is_digit(q[-1])) && (q + m == end || !is_digit(q[m])))
            return true;
        p = q + 1;
    }
    return false;
}

static bool skipped(const wn_node *x)
{
    if (x->type != WN_NODE_ELEMENT)   /* comments and doctypes; the document is entered */
        return x->type != WN_NODE_TEXT && x->type != WN_NODE_DOCUMENT;
    if (x->ns != WN_NS_HTML)
        return true;
    switch (x->tag) {
    case WN_TAG_SCRIPT: case WN_TAG_STYLE: case WN_TAG_NOSCRIPT: case WN_TAG_TEMPLATE:
        return true;
    default:
        return false;
    }
}

bool wn_meta_day_shown(const wn_node *root, const wn_node *from, size_t max_elements,
                       const char *iso)
{
    char forms[MAX_FORMS][FORM_LEN], low[MAX_TEXT];
    int y, m, d;
    size_t nforms, elements = 0, visited = 0;

    if (iso == NULL || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31)
        return false;
    nforms = day_forms(y, m, d, forms);
    for (const wn_node *x = from; x && visited < WN_META_SHOWN_MAX_NODES; visited++) {
        bool skip = skipped(x);
        if (x->type == WN_NODE_ELEMENT && max_elements && ++elements > max_elements)
            break;
        if (!skip && x->type == WN_NODE_TEXT && x->text.n >= 6 && x->text.n <= MAX_TEXT) {
            size_t n = x->text.n;
            for (size_t i = 0; i < n; i++)
                low[i] = wn_ascii_lower(x->text.p[i]);
            /* collapse runs of white space, as readers see them */
            size_t k = 0;
            for (size_t i = 0; i < n; i++) {
                bool sp = low[i] == ' ' || low[i] == '\n' || low[i] == '\t' || low[i] == '\r';
                if (sp && k > 0 && low[k - 1] == ' ')
                    continue;
                low[k++] = sp ? ' ' : low[i];
            }
            for (size_t f = 0; f < nforms; f++)
                if (has_form(low, k, forms[f]))
                    return true;
        }
        x = wn_dom_next(root, x, skip);
    }
    return false;
}
