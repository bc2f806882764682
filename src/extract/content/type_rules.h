/*
 * type_rules.h: thresholds and word lists of the type-specific content rules
 * (type_list.c, type_service.c, type_docs.c). Each says why it is there.
 */
#ifndef WN_EXTRACT_TYPE_RULES_H
#define WN_EXTRACT_TYPE_RULES_H

/* MARK: Main region or article */

/* The article path's article is taken when it keeps at least this share of
 * the main region's text outside links (the region, less its chrome,
 * otherwise): a path that keeps less found one card, one section or one post
 * of many. On list, service and documentation pages the region is always
 * taken (a ratio no article reaches): they are made of many parts. Forum
 * threads and products: half. Articles: a fifth, so that a long story with a
 * busy page around it keeps the article path's precision. */
#define REGION_RATIO_ARTICLE 0.2f
#define REGION_RATIO_OTHER 0.5f
#define REGION_RATIO_PARTS 1000.0f

/* MARK: Collection and listing pages */

/* A <main> is the list's region when it holds at least NUM/DEN of the body's
 * text; a smaller one is a banner that calls itself main. */
#define LIST_MAIN_MIN_SHARE_NUM 1
#define LIST_MAIN_MIN_SHARE_DEN 4
/* Below this many characters the region is not a list: the article path runs. */
#define LIST_MIN_TEXT 200
/* A header or footer with this many links is a menu, not a card's head. */
#define LIST_CHROME_MIN_LINKS 3
/* Blocks named like boilerplate (newsletter, cookie...) or like page furniture
 * (sidebar, footer...) go when they hold less than 1/DEN of the region: a
 * wrapper named so that holds the whole list stays. */
#define LIST_BOILER_MAX_SHARE_DEN 2
#define LIST_UNLIKELY_MAX_SHARE_DEN 3

/* Names of a list page's controls and furniture (word starts of class/id). */
static const char *const list_chrome_names[] = {
    "pagination", "pager", "paging", "breadcrumb", "filter", "facet", "sort", "toolbar",
    "refine", "skip-link", "skiplink", "cookie", "newsletter", "subscribe", "modal", "popup",
    "drawer", "offcanvas", "off-canvas", "megamenu", "mega-menu", "navbar", "site-header",
    "site-footer", "announcement",
    /* documentation furniture: tables of contents, edit links, version pickers, prev/next */
    "toc", "table-of-contents", "tableofcontents", "edit-this", "edit-page", "editpage",
    "version-switch", "version-select", "versions", "prev-next", "docs-pagination",
    "feedback", "was-this-helpful", NULL
};

#endif
