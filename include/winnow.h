/*
 * winnow.h — turn raw web pages into clean article records.
 *
 * The one public header of libwinnow. Everything here is prefixed wn_ / WN_.
 * Conventions, unless a function says otherwise:
 *   - strings are UTF-8; const char * results are NUL-terminated and owned by the
 *     object they came from (valid until that object is freed);
 *   - a wn_error * argument may be NULL; when given, it is filled on failure with a
 *     static message and, where it helps, the byte offset in the input (it is
 *     left untouched on success);
 *   - a pointer argument a function cannot do without (an object, an out
 *     parameter, a callback) is refused with WN_ERR_ARG when it is NULL, or is a
 *     no-op / an empty result where the function returns no status; each
 *     function says which;
 *   - *_free / *_close of NULL is a no-op;
 *   - the library never prints, never aborts and never exits;
 *   - objects are not shared between threads without locking; different objects
 *     may be used from different threads at the same time.
 */
#ifndef WINNOW_H
#define WINNOW_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define WN_API __attribute__((visibility("default")))
#else
#define WN_API
#endif

#define WN_VERSION_MAJOR 0
#define WN_VERSION_MINOR 2
#define WN_VERSION_PATCH 0
#define WN_VERSION (WN_VERSION_MAJOR * 10000 + WN_VERSION_MINOR * 100 + WN_VERSION_PATCH)
#define WN_VERSION_STRING "0.2.0"

/* MARK: Status, errors, sinks ------------------------------------------------ */

typedef enum wn_status {
    WN_OK = 0,
    WN_ERR_NOMEM,     /* out of memory */
    WN_ERR_LIMIT,     /* a cap in wn_options was exceeded (size, nodes, time...) */
    WN_ERR_INPUT,     /* input that cannot be processed (corrupt record, bad gzip...) */
    WN_ERR_IO,        /* reading or writing a file failed */
    WN_ERR_ARG,       /* invalid argument (NULL where not allowed, unknown name...) */
    WN_ERR_TIMEOUT,   /* the per-page time budget ran out */
    WN_END            /* no more items (iterators); not a failure */
} wn_status;

typedef struct wn_error {
    wn_status status;
    const char *msg;   /* static string; never NULL after a failure */
    uint64_t offset;   /* byte offset in the input the error refers to, when known */
} wn_error;

/* Output callback. Return 0 to continue; any other value stops the writer, which
 * then returns WN_ERR_IO. */
typedef int (*wn_sink_fn)(void *ctx, const char *p, size_t n);

/* A static description: "ok", "out of memory", ...; "unknown status" for a
 * value outside the enum. Never NULL. */
WN_API const char *wn_status_str(wn_status st);
/* The library's WN_VERSION (compare with the header's to catch a mismatch). */
WN_API unsigned     wn_version(void);

/* MARK: Options ---------------------------------------------------------------- */

typedef enum wn_favor {
    WN_FAVOR_BALANCED = 0,
    WN_FAVOR_PRECISION,   /* keep less: drop doubtful blocks */
    WN_FAVOR_RECALL       /* keep more: include doubtful blocks */
} wn_favor;

/* wn_options.flags. Links and images are always kept in the article; whether
 * they are written is a rendering choice (WN_RENDER_LINKS / WN_RENDER_IMAGES).
 * Bits 0x0002 and 0x0004 are unused (once links/images flags that did nothing). */
#define WN_OPT_COMMENTS   0x0001u  /* extract user comments (kept apart from the article) */
#define WN_OPT_NO_TABLES  0x0008u  /* drop tables from the article */

/*
 * What kind of page it is. Extraction adapts to it (a listing keeps every item
 * of its list, documentation keeps code and tables...). WN_PAGE_UNKNOWN in
 * wn_options.page_type means "classify the page" (the default).
 */
typedef enum wn_page_type {
    WN_PAGE_INVALID = -1,   /* wn_page_type_parse: not a type name */
    WN_PAGE_UNKNOWN = 0,
    WN_PAGE_ARTICLE,        /* news, blog post, essay, how-to */
    WN_PAGE_FORUM,          /* a forum thread or a Q&A page: posts and replies */
    WN_PAGE_PRODUCT,        /* one product with price, description, specification */
    WN_PAGE_COLLECTION,     /* a grid of products: category and shop pages */
    WN_PAGE_LISTING,        /* an index of content: news lists, catalogues, search results */
    WN_PAGE_DOCUMENTATION,  /* manuals, reference and guides with code and tables */
    WN_PAGE_SERVICE,        /* landing and company pages: offers in sections */
    WN_PAGE_OTHER,
    WN_PAGE__COUNT
} wn_page_type;

/* "article", "forum", ... ("unknown" for WN_PAGE_UNKNOWN); NULL when out of range. */
WN_API const char *wn_page_type_name(wn_page_type t);
/* The type with that name (as wn_page_type_name writes it, any case);
 * WN_PAGE_INVALID for any other name or NULL. */
WN_API wn_page_type wn_page_type_parse(const char *name);

/*
 * Options and limits. Fill with wn_options_init() and then change fields; new
 * fields are only ever added at the end. A limit of 0 means "no limit".
 * Exceeding a limit is reported as WN_ERR_LIMIT (or documented degradation).
 */
typedef struct wn_options {
    size_t   max_input_bytes;     /* default 256 MiB: larger inputs are refused */
    size_t   max_arena_bytes;     /* default 2 GiB: memory one document may use */
    uint32_t max_nodes;           /* default 20,000,000 DOM nodes */
    uint32_t max_depth;           /* default 512: deeper elements attach at this depth */
    uint32_t max_attrs;           /* default 1024 attributes per tag; the rest are dropped */
    uint32_t time_limit_ms;       /* default 0 (none): per-page budget for parse + extract */
    const char *charset;          /* override encoding detection (label), or NULL */
    const char *transport_charset;/* charset from HTTP Content-Type, or NULL */
    unsigned flags;               /* WN_OPT_* */
    wn_favor favor;
    wn_page_type page_type;       /* default WN_PAGE_UNKNOWN: classify each page;
                                     another value forces that type */
} wn_options;

/* Fill *opt with the defaults above. NULL is a no-op. */
WN_API void wn_options_init(wn_options *opt);

/* MARK: Parsing (HTML5) -------------------------------------------------------- */

typedef struct wn_document wn_document;

typedef struct wn_parse_stats {
    const char *encoding;     /* WHATWG name of the encoding used, e.g. "windows-1252" */
    uint64_t input_bytes;
    uint64_t nodes;
    uint64_t parse_errors;
    uint64_t arena_bytes;     /* peak bytes held by the document's arena */
} wn_parse_stats;

/*
 * Parse a whole HTML document (raw bytes in any supported encoding; detection per
 * the WHATWG encoding sniffing algorithm, see wn_options.charset and
 * transport_charset). html must stay valid until the document is freed (unchanged
 * text is referenced, not copied); it may be NULL when len is 0. opt may be NULL
 * for defaults. Malformed HTML is never an error (the parser recovers as the
 * standard says). On success *out owns the document; free it with
 * wn_document_free(). On failure *out is NULL and the result is:
 *   WN_ERR_ARG     out is NULL, or html is NULL with len > 0;
 *   WN_ERR_LIMIT   len > max_input_bytes, more than max_nodes nodes, or the
 *                  document's memory over max_arena_bytes;
 *   WN_ERR_TIMEOUT parsing ran past time_limit_ms;
 *   WN_ERR_NOMEM   out of memory.
 */
WN_API wn_status wn_parse(const char *html, size_t len, const wn_options *opt,
                          wn_document **out, wn_error *err);

/* Parse a fragment in the context of an element, written as html5lib-tests write
 * it: "td", "svg path", "math mi". As wn_parse; also WN_ERR_ARG when context is
 * NULL or empty. */
WN_API wn_status wn_parse_fragment(const char *html, size_t len, const char *context,
                                   const wn_options *opt, wn_document **out, wn_error *err);

/* Fill *stats (its encoding string is owned by the library, static). WN_OK, or
 * WN_ERR_ARG when doc or stats is NULL (a non-NULL stats is then zeroed). */
WN_API wn_status wn_document_stats(const wn_document *doc, wn_parse_stats *stats);

/* Write the tree in the html5lib-tests format ("| <html>" lines, without the
 * "#document" header line). WN_OK, WN_ERR_ARG when doc or sink is NULL, WN_ERR_IO
 * when the sink stopped, WN_ERR_NOMEM. */
WN_API wn_status wn_document_dump(const wn_document *doc, wn_sink_fn sink, void *ctx);

WN_API void wn_document_free(wn_document *doc);  /* NULL is a no-op */

/* MARK: Extraction ------------------------------------------------------------- */

typedef struct wn_extractor wn_extractor;  /* reusable across pages; one per thread */
typedef struct wn_article   wn_article;    /* owns all its memory */

/* A new extractor with a copy of *opt (NULL = defaults; opt's charset strings are
 * referenced, not copied, and must outlive the extractor). NULL only when out of
 * memory. */
WN_API wn_extractor *wn_extractor_new(const wn_options *opt);
WN_API void          wn_extractor_free(wn_extractor *ex);  /* NULL is a no-op */

/*
 * Extract the article of one page. html need not outlive the call; it may be NULL
 * when len is 0. url (may be NULL) is the page's address: a base for relative
 * links and a metadata source. On success *out is a new article that the caller
 * owns (free with wn_article_free), possibly with an empty text when the page has
 * no article: a page without an article is not an error. On failure *out is NULL
 * (when out is not NULL) and the result is:
 *   WN_ERR_ARG     ex or out is NULL, or html is NULL with len > 0;
 *   WN_ERR_LIMIT   len > max_input_bytes, more than max_nodes nodes, or the
 *                  page's memory over max_arena_bytes;
 *   WN_ERR_TIMEOUT parsing and extraction ran past time_limit_ms (checked in
 *                  both: a page cheap to parse and slow to extract is stopped);
 *   WN_ERR_NOMEM   out of memory (or the article's own memory over max_arena_bytes).
 */
WN_API wn_status wn_extract(wn_extractor *ex, const char *html, size_t len, const char *url,
                            wn_article **out, wn_error *err);

/* Like wn_extract but writes, instead of an article, a table of every block with
 * kept/dropped and the signals that decided it (one line each, indented by
 * depth). The same errors, WN_ERR_ARG also when sink is NULL, and WN_ERR_IO when
 * the sink stopped. */
WN_API wn_status wn_explain(wn_extractor *ex, const char *html, size_t len, const char *url,
                            wn_sink_fn sink, void *ctx, wn_error *err);

typedef enum wn_field {
    WN_FIELD_TITLE = 0,
    WN_FIELD_AUTHOR,         /* authors joined with "; " */
    WN_FIELD_DATE,           /* published, ISO 8601 (YYYY-MM-DD or with time) */
    WN_FIELD_DATE_MODIFIED,
    WN_FIELD_SITENAME,
    WN_FIELD_DESCRIPTION,
    WN_FIELD_LANGUAGE,       /* BCP 47 tag, e.g. "en", "pt-BR" */
    WN_FIELD_URL,            /* canonical URL */
    WN_FIELD_IMAGE,          /* lead image URL */
    WN_FIELD_LICENSE,
    WN_FIELD_ENCODING,       /* encoding the page was decoded from */
    WN_FIELD_TEXT,           /* the article as plain text */
    WN_FIELD__COUNT
} wn_field;

/* A field's value, owned by the article, or NULL when unknown, when a is NULL
 * or when field is not a wn_field. WN_FIELD_TEXT is never NULL for an article
 * (an empty string when the page has no article). */
WN_API const char *wn_article_get(const wn_article *a, wn_field field);

/* List fields: the number of strings, and (when out is not NULL) *out set to an
 * array of that many strings owned by the article (NULL when there are none).
 * A NULL article has none: 0, and *out = NULL. */
WN_API size_t wn_article_categories(const wn_article *a, const char *const **out);
WN_API size_t wn_article_tags(const wn_article *a, const char *const **out);
/* Top-level comments found with WN_OPT_COMMENTS; 0 without it or for NULL. */
WN_API size_t wn_article_comment_count(const wn_article *a);
/* The page's type: wn_options.page_type when forced, else what the page was
 * classified as (never WN_PAGE_UNKNOWN for an extracted article; WN_PAGE_UNKNOWN
 * for NULL). */
WN_API wn_page_type wn_article_page_type(const wn_article *a);

WN_API void wn_article_free(wn_article *a);  /* NULL is a no-op */

/* MARK: Rendering -------------------------------------------------------------- */

typedef enum wn_format {
    WN_FMT_UNKNOWN = -1, /* wn_format_parse: not a format name */
    WN_FMT_TEXT = 0,     /* plain text, paragraphs separated by blank lines */
    WN_FMT_MARKDOWN,     /* CommonMark + GFM pipe tables */
    WN_FMT_JSON,         /* one JSON object: metadata fields + "text" (+ extras by flag) */
    WN_FMT_HTML          /* a complete, safe HTML document: <title>, and lang / dir
                            on <html> where known, around the <article> */
} wn_format;

/* wn_render flags. Links and images are left out unless asked for; their text
 * (link text, nothing for an image) stays. */
#define WN_RENDER_LINKS         0x0001u  /* keep links: Markdown [t](u), HTML <a href>,
                                            text "t <u>" */
#define WN_RENDER_IMAGES        0x0002u  /* keep images: Markdown ![alt](src), HTML
                                            <img>, text "[image: alt <src>]" */
#define WN_RENDER_COMMENTS      0x0004u  /* include comments (text/md: after the article;
                                            JSON: "comments", null when none) */
#define WN_RENDER_JSON_MARKDOWN 0x0008u  /* JSON: add "markdown" (rendered with these flags) */
#define WN_RENDER_JSON_HTML     0x0010u  /* JSON: add "html": the <article> element alone,
                                            with lang / dir where known */

/* Parse a format name: "txt"/"text", "md"/"markdown", "json", "html" (exact,
 * lowercase). WN_FMT_UNKNOWN for any other name or NULL. */
WN_API wn_format wn_format_parse(const char *name);

/* Render the article through sink. Deterministic: same article, same bytes.
 * WN_OK, WN_ERR_ARG when a or sink is NULL or fmt is not a format, WN_ERR_IO when
 * the sink stopped, WN_ERR_NOMEM. The sink may have received part of the output
 * before a failure. */
WN_API wn_status wn_render(const wn_article *a, wn_format fmt, unsigned flags,
                           wn_sink_fn sink, void *ctx);

/* The user comments alone (extracted with WN_OPT_COMMENTS) in WN_FMT_TEXT,
 * WN_FMT_MARKDOWN or WN_FMT_HTML (an <article> element, as the JSON "html"
 * field); WN_ERR_ARG for JSON, another fmt, or a NULL a or sink. Writes nothing
 * when the article has no comments. Otherwise as wn_render. */
WN_API wn_status wn_render_comments(const wn_article *a, wn_format fmt, unsigned flags,
                                    wn_sink_fn sink, void *ctx);

/* MARK: WARC reading (ISO 28500, WARC 1.0 / 1.1) ------------------------------ */

typedef struct wn_warc wn_warc;

/* Caller's read function: fill up to n bytes, return the count, 0 at end of
 * input, or -1 on a read error. */
typedef long (*wn_read_fn)(void *ctx, void *buf, size_t n);

typedef struct wn_warc_options {
    size_t max_header_bytes;    /* default 64 KiB per WARC or HTTP header block */
    size_t max_payload_bytes;   /* default 64 MiB decoded body; larger bodies are
                                   truncated and flagged (rec->payload_truncated) */
    size_t max_record_bytes;    /* default 1 GiB: a Content-Length beyond it is corrupt */
    int    parse_http;          /* default 1: parse HTTP in response records */
} wn_warc_options;

/* Fill *o with the defaults above. NULL is a no-op. */
WN_API void wn_warc_options_init(wn_warc_options *o);

/*
 * One record. Strings are NUL-terminated and valid until the next wn_warc_next()
 * or wn_warc_close(); absent headers are NULL.
 */
typedef struct wn_warc_record {
    uint64_t offset;              /* offset of the record (or its gzip member) in the file */
    const char *version;          /* "WARC/1.1" */
    const char *type;             /* WARC-Type: "response", "request", "warcinfo", ... */
    const char *target_uri;       /* WARC-Target-URI, angle brackets removed */
    const char *date;             /* WARC-Date */
    const char *record_id;        /* WARC-Record-ID */
    const char *content_type;     /* WARC Content-Type */
    const char *truncated;        /* WARC-Truncated reason, or NULL; "end-of-input"
                                     when the input ends inside the block: the record
                                     comes back with the part that is there */
    uint64_t content_length;      /* WARC Content-Length */
    /* HTTP, for response records with an application/http content type */
    int http_status;              /* 0 when not an HTTP response */
    const char *http_content_type;/* full header value */
    const char *mime;             /* lowercased MIME type from http_content_type */
    const char *charset;          /* charset parameter, or NULL */
    const char *content_encoding; /* what was undone: "gzip", "br", ... or NULL */
    /* The payload: the HTTP body with chunking and Content-Encoding undone (or
     * the whole block for non-HTTP records). */
    const char *payload;
    size_t payload_len;
    int payload_truncated;        /* cut at max_payload_bytes or WARC-Truncated */
    /* Why the payload is incomplete or still encoded (static text: a bad chunk
     * size, a corrupt or over-cap Content-Encoding, an unsupported coding), or NULL.
     * The record itself is still WN_OK: only its payload is affected. */
    const char *payload_error;
    /* The HTTP status line and header fields as received (line ends kept, the
     * blank line that ends them left out), for response records whose HTTP
     * header was parsed; NULL otherwise. Not NUL-terminated: http_header_len bytes. */
    const char *http_header;
    size_t http_header_len;
} wn_warc_record;

/* Offsets: a record that starts at a gzip member / zstd frame start (one member
 * per record, the Common Crawl layout) has the member's offset in the file; a
 * plain file gives the file offset of its first byte; a record inside a larger member
 * (whole-file gzip) gives its offset in the decoded stream. payload[payload_len]
 * is always a NUL byte. See docs/internals/WARC.md. */

/* Open a file (plain, gzip per record, whole-file gzip, or .zst with or without a
 * leading dictionary frame; detected from the content). ARC files (the Internet
 * Archive's older format, .arc / .arc.gz) are read too, detected by their first
 * bytes: each record comes back with version "ARC/1", type "warcinfo" (the file
 * record), "response" (an HTTP message) or "resource", target_uri, date (as
 * ISO 8601), no record_id, and the payload as for WARC. WARC/0.17 and 0.18
 * files read like 1.0 and 1.1. opt may be NULL for defaults. Returns a reader
 * the caller owns (wn_warc_close), or NULL with err filled: WN_ERR_ARG (path
 * NULL), WN_ERR_IO (cannot open or read), WN_ERR_INPUT (not a readable WARC
 * stream), WN_ERR_NOMEM. */
WN_API wn_warc *wn_warc_open_file(const char *path, const wn_warc_options *opt, wn_error *err);
/* Read from a caller's function instead; ctx is passed back to fn and must
 * outlive the reader. As wn_warc_open_file; WN_ERR_ARG when fn is NULL. */
WN_API wn_warc *wn_warc_open_reader(wn_read_fn fn, void *ctx, const wn_warc_options *opt,
                                    wn_error *err);

/*
 * Next record. Returns WN_OK with *rec filled, WN_END at the end of input, or an
 * error for a corrupt/truncated record: err (may be NULL) gives the reason and
 * the record's offset, and the next call resynchronises at the next record.
 * WN_ERR_IO (a read failure) is final. WN_ERR_ARG when w or rec is NULL.
 */
WN_API wn_status wn_warc_next(wn_warc *w, wn_warc_record *rec, wn_error *err);

/* Bytes consumed from the underlying (compressed) input so far: for progress.
 * 0 for NULL. */
WN_API uint64_t wn_warc_input_offset(const wn_warc *w);

WN_API void wn_warc_close(wn_warc *w);   /* NULL is a no-op */

/* MARK: Batch (WARC files -> JSON lines on all cores) ------------------------- */

/*
 * Counters of one wn_batch_run(). Every record read is counted once:
 *   records_seen == extracted + skipped_type + skipped_mime + skipped_status
 *                   + failed_read + failed_extract + failed_limit + failed_timeout
 * Files that cannot be opened (or fail with a read error) count in files_failed
 * and add no records.
 */
typedef struct wn_batch_stats {
    uint64_t files;              /* input files started */
    uint64_t files_failed;       /* could not be opened, or a read error stopped them */
    uint64_t records_seen;
    uint64_t extracted;          /* became an article line */
    uint64_t skipped_type;       /* not a WARC response record */
    uint64_t skipped_mime;       /* response, but not an accepted MIME type */
    uint64_t skipped_status;     /* HTML response with a rejected HTTP status */
    uint64_t failed_read;        /* corrupt or truncated record reported by the reader */
    uint64_t failed_extract;     /* wn_extract failed for another reason */
    uint64_t failed_limit;       /* over a size or memory cap (WN_ERR_LIMIT / NOMEM) */
    uint64_t failed_timeout;     /* over the per-page time budget */
    uint64_t truncated;          /* extracted from a truncated payload (also in extracted) */
    uint64_t input_bytes;        /* bytes consumed from the input files (compressed) */
    uint64_t input_total;        /* sum of the input file sizes, for an ETA; 0 if unknown */
    uint64_t html_bytes;         /* payload bytes handed to the extractor */
    uint64_t output_bytes;       /* bytes given to the sink */
    uint64_t error_lines;        /* error lines written (0 with error_lines off) */
    double   elapsed_s;          /* wall time since the run started */
    unsigned threads;            /* worker threads used */
    unsigned readers;            /* reader threads (files read at once) */
} wn_batch_stats;

/* Progress callback: called from the thread that called wn_batch_run(), about
 * every progress_ms and once at the end (final != 0). *s is a snapshot. */
typedef void (*wn_batch_progress_fn)(void *ctx, const wn_batch_stats *s, int final);

typedef struct wn_batch_options {
    wn_options extract;          /* per page; defaults: time_limit_ms 10,000 and
                                    max_arena_bytes 512 MiB instead of 0 and 2 GiB */
    wn_warc_options warc;
    unsigned threads;            /* worker threads; 0 = number of online CPUs. With 1
                                    the reader thread extracts too: one busy thread */
    size_t   max_bytes_in_flight;/* default 256 MiB of payload copies between the
                                    reader and the writer; 1 record always fits */
    unsigned max_jobs_in_flight; /* default 64 x threads records queued or in work */
    const char *statuses;        /* accepted HTTP statuses: "200,301", "2xx", "all";
                                    NULL = "2xx" */
    const char *mimes;           /* accepted MIME types, comma separated; NULL =
                                    "text/html,application/xhtml+xml" */
    unsigned render_flags;       /* WN_RENDER_* passed to wn_render(WN_FMT_JSON) */
    int      error_lines;        /* default 1: failed records also become
                                    {"error": ...} lines in the output */
    wn_batch_progress_fn progress;  /* may be NULL */
    void    *progress_ctx;
    unsigned progress_ms;        /* default 250 */
    unsigned readers;            /* files read at once, each by its own thread with its
                                    share of the workers; 0 = auto: 1 below 8 threads,
                                    else one per 6 threads (one reader's gunzip feeds
                                    about 6 workers). Never more than the files. */
    size_t   max_buffered_output;/* readers > 1: lines of later files held in memory
                                    until their turn in the output, default 512 MiB;
                                    a reader past it waits */
    /* The path "-" is a stream, not a file: it is read through stdin_read
     * (ctx stdin_ctx), or from file descriptor 0 when stdin_read is NULL. A
     * file really named "-" can be given as "./-". */
    wn_read_fn stdin_read;
    void    *stdin_ctx;
} wn_batch_options;

/* Fill *o with the defaults above. NULL is a no-op. */
WN_API void wn_batch_options_init(wn_batch_options *o);

/* WN_OK, or WN_ERR_ARG with a message in err when an option cannot be used (an
 * unparsable statuses list). wn_batch_run() checks the same; calling this first
 * lets a tool refuse a bad command line before it creates any output. WN_ERR_ARG
 * also when o is NULL. */
WN_API wn_status wn_batch_options_check(const wn_batch_options *o, wn_error *err);

/*
 * Read every WARC file in paths[0..n) in turn and write one JSON line per HTML
 * response record through sink, in input order whatever the thread count:
 *   {"url":..,"warc_record_id":..,"warc_date":..,"status":200,"charset":.., <the
 *    members of the wn_render(WN_FMT_JSON) object, its "url" renamed "canonical_url">}
 * Failed records become {"error":..,"reason":..,"file":..,"offset":N,
 * "warc_record_id":..,"url":..} lines (unless opt->error_lines is 0), reason one
 * of "read", "extract", "limit", "timeout", "file" (docs/CRAWL.md). sink and
 * the progress callback run only on the calling thread. stats (may be NULL) is
 * filled even on failure. Returns WN_OK when the run completed (records or files
 * may still have failed: see stats), WN_ERR_IO when the sink stopped the run,
 * WN_ERR_NOMEM, or WN_ERR_ARG for bad options (unparsable statuses), a NULL sink,
 * or paths NULL with n > 0. opt may be NULL for defaults; paths and their strings
 * must stay valid until it returns.
 */
WN_API wn_status wn_batch_run(const char *const *paths, size_t n, const wn_batch_options *opt,
                              wn_sink_fn sink, void *sink_ctx, wn_batch_stats *stats,
                              wn_error *err);

/* Write stats as one JSON object (with a trailing newline) through sink. WN_OK,
 * WN_ERR_ARG when s or sink is NULL, WN_ERR_IO when the sink stopped,
 * WN_ERR_NOMEM. */
WN_API wn_status wn_batch_stats_json(const wn_batch_stats *s, wn_sink_fn sink, void *ctx);

#ifdef __cplusplus
}
#endif
#endif /* WINNOW_H */
