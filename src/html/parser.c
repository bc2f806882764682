/*
 * parser.c: wn_html_parse, the whole pipeline for one document: refuse oversized
 * input, sniff the encoding (BOM, override, transport, <meta> prescan), decode into
 * the document's arena (valid UTF-8 is used in place), then build the tree.
 */
#include "html/parser.h"

#include "core/error.h"
#include "html/encoding.h"

wn_doc *wn_html_parse(const char *bytes, size_t n, const wn_options *opt,
                      const char *fragment_context, wn_error *err)
{
    wn_options defaults;
    if (opt == NULL) {
        wn_options_init(&defaults);
        opt = &defaults;
    }
    if (bytes == NULL && n) {
        wn_set_error(err, WN_ERR_ARG, "NULL input with a non-zero length", 0);
        return NULL;
    }
    if (opt->max_input_bytes && n > opt->max_input_bytes) {
        wn_set_error(err, WN_ERR_LIMIT, "input larger than max_input_bytes", 0);
        return NULL;
    }
    wn_doc *d = wn_doc_new(opt->max_arena_bytes);
    if (d == NULL) {
        wn_set_error(err, WN_ERR_NOMEM, "out of memory", 0);
        return NULL;
    }
    d->input_bytes = n;
    size_t bom = 0;
    const char *enc = wn_encoding_sniff(bytes ? bytes : "", n, opt->charset,
                                        opt->transport_charset, &bom);
    d->encoding = enc;
    const char *utf8 = "";
    size_t un = 0;
    if (n > bom && wn_encoding_decode(&d->arena, enc, bytes + bom, n - bom, &utf8, &un) != 0) {
        wn_status st = opt->max_arena_bytes ? WN_ERR_LIMIT : WN_ERR_NOMEM;
        wn_set_error(err, st, st == WN_ERR_LIMIT ? "document memory limit reached while decoding"
                                                : "out of memory while decoding", 0);
        wn_doc_free(d);
        return NULL;
    }
    if (wn_html_build_tree(d, utf8, un, opt, fragment_context, err) != WN_OK) {
        wn_doc_free(d);
        return NULL;
    }
#ifdef WN_DEBUG
    {
        const char *bad = wn_dom_check(d);
        if (bad) {
            wn_set_error(err, WN_ERR_INPUT, bad, 0);
            wn_doc_free(d);
            return NULL;
        }
    }
#endif
    return d;
}
