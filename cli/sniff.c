/*
 * sniff.c: is this input a web page at all? Extraction takes any bytes, so a
 * PDF or a PNG given by mistake would be "extracted" into pages of binary. The
 * check is cheap and conservative: the first bytes against the signatures of
 * common non-HTML formats, then the share of control bytes in the first KiB.
 * Legacy encodings (Latin-1, Shift_JIS, ISO-2022-JP's escapes) and UTF-16 pages
 * pass, since their bytes are text.
 */
#include "cli.h"

#include <string.h>

typedef struct signature {
    size_t offset;        /* where the magic bytes sit */
    const char *magic;
    size_t len;
    const char *name;     /* "not HTML (looks like NAME)" */
} signature;

#define SIG(off, m, name) { off, m, sizeof m - 1, name }

/* Formats a page-extraction command is plausibly handed by mistake: documents,
 * images, media, fonts, archives and compressors (gzip is opened before this
 * check), executables, databases, and crawl archives (those go to winnow warc).
 * Only signatures no text page starts with: two- or three-letter ones ("MZ",
 * "BZh") are left to the control-byte count, which catches those formats too. */
static const signature signatures[] = {
    SIG(0, "%PDF-", "PDF"),
    SIG(0, "%!PS", "PostScript"),
    SIG(0, "\x89PNG\r\n\x1a\n", "a PNG image"),
    SIG(0, "\xff\xd8\xff", "a JPEG image"),
    SIG(0, "GIF87a", "a GIF image"),
    SIG(0, "GIF89a", "a GIF image"),
    SIG(8, "WEBP", "a WebP image"),
    SIG(0, "II*\0", "a TIFF image"),
    SIG(0, "MM\0*", "a TIFF image"),
    SIG(0, "\0\0\1\0", "an icon"),
    SIG(4, "ftyp", "an MP4/QuickTime file"),
    SIG(0, "OggS", "an Ogg file"),
    SIG(0, "fLaC", "a FLAC file"),
    SIG(0, "ID3\x03", "an MP3 file"),
    SIG(0, "ID3\x04", "an MP3 file"),
    SIG(0, "\x1a\x45\xdf\xa3", "a Matroska/WebM file"),
    SIG(0, "wOFF", "a WOFF font"),
    SIG(0, "wOF2", "a WOFF2 font"),
    SIG(0, "PK\3\4", "a ZIP archive (or an office document)"),
    SIG(0, "PK\5\6", "a ZIP archive"),
    SIG(0, "Rar!\x1a\x07", "a RAR archive"),
    SIG(0, "7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    SIG(257, "ustar", "a tar archive"),
    SIG(0, "\xfd" "7zXZ\0", "xz data"),
    SIG(0, "\x28\xb5\x2f\xfd", "zstd data"),
    SIG(0, "\x7f" "ELF", "an ELF executable"),
    SIG(0, "\xcf\xfa\xed\xfe", "a Mach-O executable"),
    SIG(0, "\xce\xfa\xed\xfe", "a Mach-O executable"),
    SIG(0, "\xca\xfe\xba\xbe", "a Mach-O or Java class file"),
    SIG(0, "\0asm", "WebAssembly"),
    SIG(0, "SQLite format 3\0", "an SQLite database"),
    SIG(0, "WARC/", "a WARC archive (use winnow warc)"),
};

/* Bytes that text never has: C0 controls other than tab, line feed, vertical
 * tab, form feed, carriage return and escape (ISO-2022 encodings use it). */
static int is_binary_byte(unsigned char c)
{
    return c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1b;
}

/* How much of the start is looked at, and the share of binary bytes there
 * (percent) from which it is not text. Random bytes have about 10%; a page with
 * a stray control character or two has well under 1%. */
#define SNIFF_WINDOW 1024
#define SNIFF_BINARY_PERCENT 3
/* UTF-16 text without a byte order mark: of ASCII-range characters, every
 * second byte is 0. At least this share (percent) of the bytes at one parity
 * are NUL, and almost none at the other. */
#define SNIFF_UTF16_NUL_PERCENT 40
#define SNIFF_UTF16_OTHER_PERCENT 5

const char *cli_not_html(const char *data, size_t n)
{
    const unsigned char *p = (const unsigned char *)data;
    /* A byte order mark means text, whatever follows. */
    if ((n >= 2 && ((p[0] == 0xfe && p[1] == 0xff) || (p[0] == 0xff && p[1] == 0xfe))) ||
        (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf))
        return NULL;
    for (size_t i = 0; i < sizeof signatures / sizeof signatures[0]; i++) {
        const signature *s = &signatures[i];
        if (n >= s->offset + s->len && memcmp(p + s->offset, s->magic, s->len) == 0)
            return s->name;
    }
    size_t w = n < SNIFF_WINDOW ? n : SNIFF_WINDOW;
    size_t binary = 0, nul[2] = { 0, 0 };
    for (size_t i = 0; i < w; i++) {
        binary += is_binary_byte(p[i]);
        nul[i & 1] += p[i] == 0;
    }
    size_t half = w / 2;
    for (int k = 0; k < 2 && half > 0; k++)
        if (nul[k] * 100 >= half * SNIFF_UTF16_NUL_PERCENT &&
            nul[!k] * 100 <= half * SNIFF_UTF16_OTHER_PERCENT)
            return NULL;
    if (w > 0 && binary * 100 > w * SNIFF_BINARY_PERCENT)
        return "binary data";
    return NULL;
}
