/*
 * visible.c: visibility and roles: the attributes the extractor reads from
 * one element, and whether they hide it or give it a boilerplate role.
 */
#include <string.h>

#include "core/utf8.h"
#include "extract/signals/lexicon_data.h"
#include "extract/signals/signals.h"
#include "extract/tuning.h"

/* MARK: Visibility and roles -------------------------------------------------- */

/* style="display: none" or "visibility:hidden", spaces allowed around ':'. */
static bool style_hides(wn_str s)
{
    static const char *const props[2][2] = { { "display", "none" }, { "visibility", "hidden" } };
    for (int k = 0; k < 2; k++) {
        size_t pl = strlen(props[k][0]), vl = strlen(props[k][1]);
        for (size_t i = 0; i + pl <= s.n; i++) {
            size_t j = 0;
            while (j < pl && wn_ascii_lower(s.p[i + j]) == props[k][0][j])
                j++;
            if (j < pl || (i > 0 && (wn_word_byte((unsigned char)wn_ascii_lower(s.p[i - 1])) ||
                                     s.p[i - 1] == '-')))
                continue;
            size_t q = i + pl;
            while (q < s.n && wn_is_space((unsigned char)s.p[q]))
                q++;
            if (q >= s.n || s.p[q] != ':')
                continue;
            q++;
            while (q < s.n && wn_is_space((unsigned char)s.p[q]))
                q++;
            j = 0;
            while (j < vl && q + j < s.n && wn_ascii_lower(s.p[q + j]) == props[k][1][j])
                j++;
            if (j == vl)
                return true;
        }
    }
    return false;
}

void wn_attrs_scan(const wn_node *el, wn_elattrs *a)
{
    memset(a, 0, sizeof *a);
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const wn_attr *at = &el->attrs[i];
        wn_str v = at->value;
        const char *n = at->name.p;
        switch (at->name.n) {
        case 2:
            if (memcmp(n, "id", 2) == 0)
                a->id = v;
            break;
        case 3:
            if (memcmp(n, "rel", 3) == 0)
                a->rel = v;
            break;
        case 4:
            if (memcmp(n, "role", 4) == 0)
                a->role = v;
            break;
        case 5:
            if (memcmp(n, "class", 5) == 0)
                a->cls = v;
            else if (memcmp(n, "style", 5) == 0)
                a->style = v;
            break;
        case 6:
            if (memcmp(n, "hidden", 6) == 0)
                a->hidden = true;
            break;
        case 8:
            if (memcmp(n, "itemprop", 8) == 0)
                a->itemprop = v;
            break;
        case 10:
            if (memcmp(n, "aria-modal", 10) == 0)
                a->aria_modal = v;
            break;
        case 11:
            if (memcmp(n, "aria-hidden", 11) == 0)
                a->aria_hidden = v;
            break;
        case 15:
            if (memcmp(n, "aria-labelledby", 15) == 0)
                a->labelled = true;
            break;
        default:
            break;
        }
    }
}
/* Whether the class holds a shown_fallback_class word. */
static bool shown_fallback(wn_str cls)
{
    for (size_t k = 0; k < WN_LEX_SHOWN_FALLBACK_CLASS_N; k++)
        if (wn_str_icontains(cls, wn_lex_shown_fallback_class[k]))
            return true;
    return false;
}


bool wn_attrs_hidden(const wn_elattrs *a)
{
    if (a->hidden)
        return true;
    /* Some sites mark the lazy-load fallback image aria-hidden; it is the real one. */
    if (a->aria_hidden.p && wn_str_ieq(a->aria_hidden, "true") && !shown_fallback(a->cls))
        return true;
    return a->style.n && style_hides(a->style);
}

bool wn_node_hidden(const wn_node *el)
{
    wn_elattrs a;
    wn_attrs_scan(el, &a);
    return wn_attrs_hidden(&a);
}

bool wn_attrs_role_unlikely(const wn_elattrs *a)
{
    if (a->role.n == 0)
        return false;
    for (size_t i = 0; i < WN_LEX_CHROME_ROLE_N; i++)
        if ((wn_lex_chrome_role_bits[i] & WN_LEX_CHROME_ROLE_UNLIKELY) &&
            wn_str_ieq(a->role, wn_lex_chrome_role[i]))
            return true;
    return false;
}

/* A box over the page (role dialog): a consent notice, a sign-in prompt. */
bool wn_attrs_role_overlay(const wn_elattrs *a)
{
    if (a->role.n == 0)
        return false;
    for (size_t i = 0; i < WN_LEX_CHROME_ROLE_N; i++)
        if ((wn_lex_chrome_role_bits[i] & WN_LEX_CHROME_ROLE_OVERLAY) &&
            wn_str_ieq(a->role, wn_lex_chrome_role[i]))
            return true;
    return false;
}

/* A disclosure panel: the body of a tab or an accordion item, which a page
 * hides until its trigger is clicked. It says so by its role (panel_role), or
 * by being labelled by another element (its trigger) without a role: a
 * labelled dialog or menu is chrome, and a modal never counts. */
bool wn_attrs_panel(const wn_elattrs *a)
{
    if (a->aria_modal.n && wn_str_ieq(a->aria_modal, "true"))
        return false;
    if (a->role.n == 0)
        return a->labelled;
    for (size_t i = 0; i < WN_LEX_PANEL_ROLE_N; i++)
        if (wn_str_ieq(a->role, wn_lex_panel_role[i]))
            return true;
    return false;
}

/* MARK: Anchor marks ---------------------------------------------------------- */

bool wn_anchor_mark(const wn_node *a)
{
    if (!wn_is_html(a, WN_TAG_A))
        return false;
    wn_str href = wn_dom_attr_value(a, "href");
    if (href.n == 0 || href.p[0] != '#')
        return false;
    size_t signs = 0;
    for (const wn_node *t = a->first; t; t = wn_dom_next(a, t, false)) {
        if (t->type != WN_NODE_TEXT)
            continue;
        const unsigned char *p = (const unsigned char *)t->text.p;
        for (size_t i = 0; i < t->text.n;) {
            uint32_t cp = p[i];
            size_t len = 1;
            if (cp >= 0x80 && (len = wn_utf8_decode(p + i, t->text.n - i, &cp)) == 0)
                return false;
            i += len;
            if (cp == 0xA0 || (cp < 0x80 && wn_is_space((unsigned char)cp)))
                continue;
            bool sign = cp < 0x80 ? !((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z') && !(cp >= '0' && cp <= '9')
                                  : wn_cp_is_sign(cp);
            if (!sign || ++signs > WN_TUNE.walk.anchor_mark_max_signs)
                return false;
        }
    }
    return true;
}
