/*
 * options.c: the defaults of wn_options. Defined below every layer that reads
 * options (html/ limits, extract/ preferences), so each can fill in defaults
 * for a NULL argument without calling up into the API glue.
 */
#include "winnow.h"

#include <string.h>

WN_API void wn_options_init(wn_options *opt)
{
    if (opt == NULL)
        return;
    memset(opt, 0, sizeof *opt);
    opt->max_input_bytes = (size_t)256 << 20;
    opt->max_arena_bytes = (size_t)2 << 30;
    opt->max_nodes = 20000000;
    opt->max_depth = 512;
    opt->max_attrs = 1024;
    opt->time_limit_ms = 0;
    opt->favor = WN_FAVOR_BALANCED;
}
