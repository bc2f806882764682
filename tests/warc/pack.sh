#!/bin/sh
# pack.sh TOOL: `winnow warc-pack` on pages made here: one gzip member per record
# (warcinfo first), the WARC and HTTP headers, URL naming from --url-prefix and
# the path under DIR (.gz dropped), .html.gz inputs decompressed, --charset,
# --no-gzip, byte-identical repeat runs, exit codes. Prints "warc-pack: N passed,
# M failed"; exits non-zero on failure. The reader's own tests are in
# tests/unit/test_warc.c, which builds its fixtures in code.
set -u
TOOL=${1:?usage: pack.sh PATH/TO/winnow}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
expect_status() {
    want=$1; shift
    "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$* exited $got, want $want: $(head -c 300 "$TMP/err")"; fi
}
expect_grep() {
    if grep -aq -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(head -c 400 "$1")"; fi
}
expect_count() {
    got=$(grep -ac -- "$2" "$1")
    if [ "$got" = "$3" ]; then ok; else bad "$4: '$2' $got times, want $3"; fi
}

mkdir -p "$TMP/site/sub" "$TMP/site/.hidden"
printf '<html><body><p>first page</p></body></html>\n' >"$TMP/site/a.html"
printf '<html><body><p>caf\351 page</p></body></html>\n' >"$TMP/site/sub/b.htm"
printf '<html><body><p>zipped page</p></body></html>\n' | gzip >"$TMP/site/sub/c.html.gz"
printf 'not html\n' >"$TMP/site/notes.txt"
printf '<p>spaced</p>\n' >"$TMP/site/two words.html"
printf '<p>hidden</p>\n' >"$TMP/site/.hidden/d.html"
ln -s .. "$TMP/site/sub/up"   # a loop: not followed

export SOURCE_DATE_EPOCH=1700000000
expect_status 0 "$TOOL" warc-pack -o "$TMP/out.warc.gz" --url-prefix http://example.org/x/ "$TMP/site"
gzip -t "$TMP/out.warc.gz" 2>/dev/null && ok || bad "output is not valid gzip"
gzip -dc "$TMP/out.warc.gz" >"$TMP/out.warc"
# warcinfo + a.html + sub/b.htm + sub/c.html.gz + "two words.html"; notes.txt and
# .hidden/ left out
expect_count "$TMP/out.warc" '^WARC/1.1' 5 "records"
expect_count "$TMP/out.warc" '^WARC-Type: warcinfo' 1 "warcinfo"
expect_count "$TMP/out.warc" '^WARC-Type: response' 4 "responses"
expect_grep "$TMP/out.warc" 'WARC-Target-URI: http://example.org/x/two%20words.html' "URL percent-encoded"
expect_grep "$TMP/out.warc" 'WARC-Date: 2023-11-14T22:13:20Z' "warcinfo date from SOURCE_DATE_EPOCH"
expect_grep "$TMP/out.warc" 'WARC-Target-URI: http://example.org/x/a.html' "URL of a.html"
expect_grep "$TMP/out.warc" 'WARC-Target-URI: http://example.org/x/sub/b.htm' "URL in a subdirectory"
expect_grep "$TMP/out.warc" 'WARC-Target-URI: http://example.org/x/sub/c.html' ".gz dropped from the URL"
expect_grep "$TMP/out.warc" '<p>zipped page</p>' ".html.gz decompressed"
expect_grep "$TMP/out.warc" 'Content-Type: application/http; msgtype=response' "WARC Content-Type"
expect_grep "$TMP/out.warc" 'WARC-Record-ID: <urn:uuid:[0-9a-f-]*>' "record id form"
expect_count "$TMP/out.warc" '^Content-Type: text/html.$' 4 "HTTP Content-Type without charset"
if grep -aq 'first page' "$TMP/out.warc" && ! grep -aq 'hidden' "$TMP/out.warc"; then ok; else bad "dot directories are skipped"; fi
# a.html's record: its two Content-Lengths are the block and the body, by hand:
# body 44 bytes (6+6+3+10+4+7+7+1); HTTP header "HTTP/1.1 200 OK\r\n" (17) +
# "Content-Type: text/html\r\n" (25) + "Content-Length: 44\r\n" (20) + "\r\n" (2) = 64;
# block 108.
expect_grep "$TMP/out.warc" 'Content-Length: 108' "WARC Content-Length of a.html"
expect_grep "$TMP/out.warc" 'Content-Length: 44' "HTTP Content-Length of a.html"
# one gzip member per record: 5 member magics (1f 8b 08) at record starts
members=$(od -An -v -tx1 "$TMP/out.warc.gz" | tr -d '\n' | grep -o '1f 8b 08' | wc -l | tr -d ' ')
if [ "$members" -ge 5 ]; then ok; else bad "gzip members: $members, want 5"; fi

# read back by the tool's own WARC reader: one JSON line per page, with its URL
if "$TOOL" warc "$TMP/out.warc.gz" >"$TMP/lines" 2>"$TMP/err"; then
    expect_count "$TMP/lines" '"url":"http://example.org/x/' 4 "pages read back by winnow warc"
else
    bad "winnow warc cannot read the packed file: $(head -c 300 "$TMP/err")"
fi

# same inputs, same output name (it is in the warcinfo record), same bytes
mkdir -p "$TMP/again"
"$TOOL" warc-pack -o "$TMP/again/out.warc.gz" --url-prefix http://example.org/x/ "$TMP/site" 2>/dev/null
cmp -s "$TMP/out.warc.gz" "$TMP/again/out.warc.gz" && ok || bad "two runs differ"

# --no-gzip and --charset, files given one by one (named by their base name)
expect_status 0 "$TOOL" warc-pack --no-gzip --charset windows-1252 -o "$TMP/plain.warc" \
    "$TMP/site/a.html" "$TMP/site/sub/b.htm"
expect_count "$TMP/plain.warc" '^WARC/1.1' 3 "plain records"
expect_count "$TMP/plain.warc" '^Content-Type: text/html; charset=windows-1252' 2 "charset"
expect_grep "$TMP/plain.warc" 'WARC-Target-URI: http://localhost/b.htm' "default prefix, base name"
# standard output when -o is absent
"$TOOL" warc-pack "$TMP/site/a.html" >"$TMP/stdout.warc.gz" 2>/dev/null
gzip -dc "$TMP/stdout.warc.gz" 2>/dev/null | grep -aq 'first page' && ok || bad "writes to stdout"

# exit codes: a missing input is 1 (the others still packed), usage is 2
expect_status 1 "$TOOL" warc-pack -o "$TMP/some.warc.gz" "$TMP/site/a.html" "$TMP/missing.html"
gzip -dc "$TMP/some.warc.gz" | grep -aq 'first page' && ok || bad "other inputs still packed"
# a binary file named .html is refused with the reason, not packed as a page
printf '%%PDF-1.7\n%%\342\343\317\323\n1 0 obj\n' >"$TMP/report.html"
expect_status 1 "$TOOL" warc-pack --no-gzip -o "$TMP/pdf.warc" "$TMP/report.html" "$TMP/site/a.html"
expect_grep "$TMP/err" 'report.html: not HTML (looks like PDF), not packed' "non-HTML input refused"
expect_count "$TMP/pdf.warc" '^WARC-Type: response' 1 "only the HTML input packed"
expect_status 2 "$TOOL" warc-pack --bogus "$TMP/site"
expect_status 2 "$TOOL" warc-pack
expect_status 0 "$TOOL" warc-pack --help
expect_status 3 "$TOOL" warc-pack -o "$TMP/no/such/dir/x.warc.gz" "$TMP/site"

echo "warc-pack: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
