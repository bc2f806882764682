/*
 * entities.c: exact lookup in the WHATWG named character reference table
 * (entity_data.h, generated). The tokenizer builds the spec's longest-prefix
 * match on top of it: one probe for "name;", then at most WN_ENT_LEGACY_MAX probes.
 */
#include "html/tokenizer.h"

#include <string.h>

#include "html/entity_data.h"

/* Same order as the generator's sort: bytes compared, then the shorter name first. */
static int cmp_name(const char *a, size_t an, const char *b, size_t bn)
{
    size_t m = an < bn ? an : bn;
    for (size_t i = 0; i < m; i++)   /* names are short: no memcmp call */
        if (a[i] != b[i])
            return (unsigned char)a[i] < (unsigned char)b[i] ? -1 : 1;
    return an < bn ? -1 : an > bn ? 1 : 0;
}

const char *wn_entity_lookup(const char *name, size_t n, size_t *tlen)
{
    unsigned char c0 = (unsigned char)name[0];

    if (n == 0 || n > WN_ENT_MAX_NAME || c0 >= 128)
        return NULL;
    /* The first byte narrows ~2,200 rows to at most a few hundred. */
    size_t lo = wn_ent_first[c0], hi = wn_ent_first[c0 + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct wn_ent_row *r = &wn_ent_rows[mid];
        int c = cmp_name(name, n, r->name, r->nlen);
        if (c == 0) {
            *tlen = r->tlen;
            return r->text;
        }
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

_Static_assert(WN_ENT_MAX_NAME == WN_ENTITY_MAX_NAME, "regenerate entity_data.h or fix tokenizer.h");
_Static_assert(WN_ENT_LEGACY_MAX == WN_ENTITY_LEGACY_MAX, "regenerate entity_data.h or fix tokenizer.h");
