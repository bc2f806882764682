/*
 * tree_foreign.c: SVG and MathML in the HTML parser: the rules for parsing tokens in
 * foreign content, integration points, and the tag/attribute case adjustments
 * (spec: #parsing-main-inforeign, #adjust-svg-attributes, #adjust-foreign-attributes).
 * Tables are sorted by the lowercase name so lookups are a binary search.
 */
#include "html/treebuilder_internal.h"

#include <stdlib.h>
#include <string.h>

typedef struct fix {
    const char *low, *fixed;
} fix;

/* spec: the table in "any other start tag" of #parsing-main-inforeign */
static const fix svg_tags[] = {
    { "altglyph", "altGlyph" }, { "altglyphdef", "altGlyphDef" },
    { "altglyphitem", "altGlyphItem" }, { "animatecolor", "animateColor" },
    { "animatemotion", "animateMotion" }, { "animatetransform", "animateTransform" },
    { "clippath", "clipPath" }, { "feblend", "feBlend" }, { "fecolormatrix", "feColorMatrix" },
    { "fecomponenttransfer", "feComponentTransfer" }, { "fecomposite", "feComposite" },
    { "feconvolvematrix", "feConvolveMatrix" }, { "fediffuselighting", "feDiffuseLighting" },
    { "fedisplacementmap", "feDisplacementMap" }, { "fedistantlight", "feDistantLight" },
    { "fedropshadow", "feDropShadow" }, { "feflood", "feFlood" }, { "fefunca", "feFuncA" },
    { "fefuncb", "feFuncB" }, { "fefuncg", "feFuncG" }, { "fefuncr", "feFuncR" },
    { "fegaussianblur", "feGaussianBlur" }, { "feimage", "feImage" }, { "femerge", "feMerge" },
    { "femergenode", "feMergeNode" }, { "femorphology", "feMorphology" },
    { "feoffset", "feOffset" }, { "fepointlight", "fePointLight" },
    { "fespecularlighting", "feSpecularLighting" }, { "fespotlight", "feSpotLight" },
    { "fetile", "feTile" }, { "feturbulence", "feTurbulence" },
    { "foreignobject", "foreignObject" }, { "glyphref", "glyphRef" },
    { "lineargradient", "linearGradient" }, { "radialgradient", "radialGradient" },
    { "textpath", "textPath" },
};

/* spec: #adjust-svg-attributes */
static const fix svg_attrs[] = {
    { "attributename", "attributeName" }, { "attributetype", "attributeType" },
    { "basefrequency", "baseFrequency" }, { "baseprofile", "baseProfile" },
    { "calcmode", "calcMode" }, { "clippathunits", "clipPathUnits" },
    { "diffuseconstant", "diffuseConstant" }, { "edgemode", "edgeMode" },
    { "filterunits", "filterUnits" }, { "glyphref", "glyphRef" },
    { "gradienttransform", "gradientTransform" }, { "gradientunits", "gradientUnits" },
    { "kernelmatrix", "kernelMatrix" }, { "kernelunitlength", "kernelUnitLength" },
    { "keypoints", "keyPoints" }, { "keysplines", "keySplines" }, { "keytimes", "keyTimes" },
    { "lengthadjust", "lengthAdjust" }, { "limitingconeangle", "limitingConeAngle" },
    { "markerheight", "markerHeight" }, { "markerunits", "markerUnits" },
    { "markerwidth", "markerWidth" }, { "maskcontentunits", "maskContentUnits" },
    { "maskunits", "maskUnits" }, { "numoctaves", "numOctaves" }, { "pathlength", "pathLength" },
    { "patterncontentunits", "patternContentUnits" }, { "patterntransform", "patternTransform" },
    { "patternunits", "patternUnits" }, { "pointsatx", "pointsAtX" },
    { "pointsaty", "pointsAtY" }, { "pointsatz", "pointsAtZ" },
    { "preservealpha", "preserveAlpha" }, { "preserveaspectratio", "preserveAspectRatio" },
    { "primitiveunits", "primitiveUnits" }, { "refx", "refX" }, { "refy", "refY" },
    { "repeatcount", "repeatCount" }, { "repeatdur", "repeatDur" },
    { "requiredextensions", "requiredExtensions" }, { "requiredfeatures", "requiredFeatures" },
    { "specularconstant", "specularConstant" }, { "specularexponent", "specularExponent" },
    { "spreadmethod", "spreadMethod" }, { "startoffset", "startOffset" },
    { "stddeviation", "stdDeviation" }, { "stitchtiles", "stitchTiles" },
    { "surfacescale", "surfaceScale" }, { "systemlanguage", "systemLanguage" },
    { "tablevalues", "tableValues" }, { "targetx", "targetX" }, { "targety", "targetY" },
    { "textlength", "textLength" }, { "viewbox", "viewBox" }, { "viewtarget", "viewTarget" },
    { "xchannelselector", "xChannelSelector" }, { "ychannelselector", "yChannelSelector" },
    { "zoomandpan", "zoomAndPan" },
};

static const char *find_fix(const fix *tab, size_t n, wn_str name)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        size_t ln = strlen(tab[mid].low);
        size_t m = ln < name.n ? ln : name.n;
        int c = memcmp(tab[mid].low, name.p, m);
        if (c == 0)
            c = ln < name.n ? -1 : ln > name.n ? 1 : 0;
        if (c == 0)
            return tab[mid].fixed;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

void tb_adjust_svg_tag(wn_token *tok)
{
    const char *f = find_fix(svg_tags, sizeof svg_tags / sizeof *svg_tags, tok->name);
    if (f)
        tok->name = wn_str_make(f, strlen(f));
}

void tb_adjust_svg_attrs(tb *t, wn_node *el)
{
    (void)t;
    for (uint32_t i = 0; i < el->nattrs; i++) {
        const char *f = find_fix(svg_attrs, sizeof svg_attrs / sizeof *svg_attrs, el->attrs[i].name);
        if (f)
            el->attrs[i].name = wn_str_make(f, strlen(f));
    }
}

/* spec: #adjust-mathml-attributes */
void tb_adjust_mathml_attrs(tb *t, wn_node *el)
{
    (void)t;
    for (uint32_t i = 0; i < el->nattrs; i++)
        if (wn_str_eq(el->attrs[i].name, "definitionurl"))
            el->attrs[i].name = WN_STR_LIT("definitionURL");
}

/* spec: #adjust-foreign-attributes */
void tb_adjust_foreign_attrs(tb *t, wn_node *el)
{
    (void)t;
    static const struct { const char *name, *local; uint8_t ns; } tab[] = {
        { "xlink:actuate", "actuate", WN_ATTR_NS_XLINK }, { "xlink:arcrole", "arcrole", WN_ATTR_NS_XLINK },
        { "xlink:href", "href", WN_ATTR_NS_XLINK }, { "xlink:role", "role", WN_ATTR_NS_XLINK },
        { "xlink:show", "show", WN_ATTR_NS_XLINK }, { "xlink:title", "title", WN_ATTR_NS_XLINK },
        { "xlink:type", "type", WN_ATTR_NS_XLINK }, { "xml:lang", "lang", WN_ATTR_NS_XML },
        { "xml:space", "space", WN_ATTR_NS_XML }, { "xmlns", "xmlns", WN_ATTR_NS_XMLNS },
        { "xmlns:xlink", "xlink", WN_ATTR_NS_XMLNS },
    };
    for (uint32_t i = 0; i < el->nattrs; i++) {
        wn_attr *a = &el->attrs[i];
        if (a->name.n < 5 || (a->name.p[0] != 'x'))
            continue;
        for (size_t k = 0; k < sizeof tab / sizeof *tab; k++) {
            if (wn_str_eq(a->name, tab[k].name)) {
                a->name = wn_str_make(tab[k].local, strlen(tab[k].local));
                a->ns = tab[k].ns;
                break;
            }
        }
    }
}

/* spec: #mathml-text-integration-point */
bool tb_is_mathml_text_ip(const wn_node *n)
{
    return n->ns == WN_NS_MATHML &&
           (n->tag == WN_TAG_MI || n->tag == WN_TAG_MO || n->tag == WN_TAG_MN ||
            n->tag == WN_TAG_MS || n->tag == WN_TAG_MTEXT);
}

/* spec: #html-integration-point */
bool tb_is_html_ip(const wn_node *n)
{
    if (n->ns == WN_NS_MATHML)
        return n->tag == WN_TAG_ANNOTATION_XML && (n->flags & WN_NODE_FLAG_MATHML_HTML_INTEGRATION);
    if (n->ns == WN_NS_SVG)
        return n->tag == WN_TAG_FOREIGNOBJECT || n->tag == WN_TAG_DESC || n->tag == WN_TAG_TITLE;
    return false;
}

/* Insert an SVG or MathML element for a start tag, with all adjustments. */
wn_node *tb_insert_foreign(tb *t, wn_token *tok, wn_ns ns)
{
    if (ns == WN_NS_SVG)
        tb_adjust_svg_tag(tok);
    wn_node *el = tb_create_element(t, tok, ns);
    if (el == NULL)
        return NULL;
    if (ns == WN_NS_MATHML)
        tb_adjust_mathml_attrs(t, el);
    else
        tb_adjust_svg_attrs(t, el);
    tb_adjust_foreign_attrs(t, el);
    if (ns == WN_NS_MATHML && el->tag == WN_TAG_ANNOTATION_XML) {
        wn_str enc = wn_dom_attr_value(el, "encoding");
        if (enc.p && (wn_str_ieq(enc, "text/html") || wn_str_ieq(enc, "application/xhtml+xml")))
            el->flags |= WN_NODE_FLAG_MATHML_HTML_INTEGRATION;
    }
    tb_insert_node_at(t, el);
    if (tok->self_closing)
        return el;                 /* acknowledged: never pushed */
    if (t->nstack < t->max_stack)
        tb_push(t, el);
    return el;
}

static bool breaks_out(const wn_token *tok)
{
    switch (tok->tag) {
    case WN_TAG_B: case WN_TAG_BIG: case WN_TAG_BLOCKQUOTE: case WN_TAG_BODY: case WN_TAG_BR:
    case WN_TAG_CENTER: case WN_TAG_CODE: case WN_TAG_DD: case WN_TAG_DIV: case WN_TAG_DL:
    case WN_TAG_DT: case WN_TAG_EM: case WN_TAG_EMBED: case WN_TAG_H1: case WN_TAG_H2:
    case WN_TAG_H3: case WN_TAG_H4: case WN_TAG_H5: case WN_TAG_H6: case WN_TAG_HEAD:
    case WN_TAG_HR: case WN_TAG_I: case WN_TAG_IMG: case WN_TAG_LI: case WN_TAG_LISTING:
    case WN_TAG_MENU: case WN_TAG_META: case WN_TAG_NOBR: case WN_TAG_OL: case WN_TAG_P:
    case WN_TAG_PRE: case WN_TAG_RUBY: case WN_TAG_S: case WN_TAG_SMALL: case WN_TAG_SPAN:
    case WN_TAG_STRONG: case WN_TAG_STRIKE: case WN_TAG_SUB: case WN_TAG_SUP: case WN_TAG_TABLE:
    case WN_TAG_TT: case WN_TAG_U: case WN_TAG_UL: case WN_TAG_VAR:
        return true;
    case WN_TAG_FONT:
        for (uint32_t i = 0; i < tok->nattrs; i++)
            if (wn_str_eq(tok->attrs[i].name, "color") || wn_str_eq(tok->attrs[i].name, "face") ||
                wn_str_eq(tok->attrs[i].name, "size"))
                return true;
        return false;
    default:
        return false;
    }
}

static bool name_ieq(wn_str a, wn_str b)
{
    if (a.n != b.n)
        return false;
    for (size_t i = 0; i < a.n; i++)
        if (wn_ascii_lower(a.p[i]) != wn_ascii_lower(b.p[i]))
            return false;
    return true;
}

/* spec: #parsing-main-inforeign */
void tb_foreign_content(tb *t, wn_token *tok)
{
    switch (tok->type) {
    case WN_TOK_CHARS: {
        wn_str s = tok->data;
        size_t start = 0;
        for (size_t i = 0; i < s.n; i++) {
            if (s.p[i] == '\0') {
                tb_error(t);
                tb_insert_chars(t, wn_str_make(s.p + start, i - start));
                tb_insert_chars(t, WN_STR_LIT("\xEF\xBF\xBD"));   /* U+FFFD */
                start = i + 1;
            } else if (!wn_is_space((unsigned char)s.p[i])) {
                t->frameset_ok = false;
            }
        }
        tb_insert_chars(t, wn_str_make(s.p + start, s.n - start));
        return;
    }
    case WN_TOK_COMMENT:
        tb_insert_comment(t, tok, NULL);
        return;
    case WN_TOK_DOCTYPE:
        tb_error(t);
        return;
    case WN_TOK_START_TAG:
        if (breaks_out(tok)) {
            tb_error(t);
            for (;;) {
                wn_node *c = tb_current(t);
                if (c == NULL || c->ns == WN_NS_HTML || tb_is_mathml_text_ip(c) || tb_is_html_ip(c))
                    break;
                tb_pop(t);
            }
            /* in the insertion mode, not via the dispatcher: in a fragment the
             * context element would send the token back here forever */
            tb_process(t, tok, t->mode);
            return;
        }
        {
            wn_node *acn = tb_adjusted_current(t);
            tb_insert_foreign(t, tok, (wn_ns)acn->ns);
        }
        return;
    case WN_TOK_END_TAG: {
        if (tok->tag == WN_TAG_BR || tok->tag == WN_TAG_P) {
            tb_error(t);
            for (;;) {
                wn_node *c = tb_current(t);
                if (c == NULL || c->ns == WN_NS_HTML || tb_is_mathml_text_ip(c) || tb_is_html_ip(c))
                    break;
                tb_pop(t);
            }
            tb_process(t, tok, t->mode);
            return;
        }
        /* The spec walks down from the current node: a foreign element with the
         * token's name (ASCII case-insensitively) is popped to; reaching an HTML
         * element hands the token to the insertion mode. The key chain jumps
         * straight to the same-name candidates above the topmost HTML element. */
        if (t->nstack <= 1)
            return;
        uint32_t top = t->nstack - 1;
        if (!name_ieq(t->stack[top]->name, tok->name))
            tb_error(t);
        int32_t floor = t->slot[top].html_at;
        int32_t j = t->last_key[tb_token_key(tok)];
        while (j >= 0 && j > floor && !name_ieq(t->stack[j]->name, tok->name))
            j = t->slot[j].prev_same;
        if (j >= 1 && j > floor) {
            while (t->nstack > (uint32_t)j)
                tb_pop(t);
            return;
        }
        tb_process(t, tok, t->mode);
        return;
    }
    case WN_TOK_EOF:
        return;
    }
}
