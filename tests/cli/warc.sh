#!/bin/sh
# warc.sh TOOL: `winnow warc` end to end on WARC files built here by hand (and
# with `winnow warc-pack` when it exists), whole and broken (cut gzip member,
# lying Content-Length, junk): which records are extracted, skipped
# or failed, the exact counters in --stats, the JSON line fields, input order
# kept with any -j or --readers, gzip output, directories, stdin streams and lists,
# damage between records (nothing intact lost), ARC files, exit codes.
# Prints "warc: N passed, M failed"; exits non-zero on failure.
set -u
TOOL=${1:?usage: warc.sh PATH/TO/winnow}
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
expect_no_grep() {
    if grep -aq -- "$2" "$1"; then bad "$3: '$2' found"; else ok; fi
}
# expect_lines FILE N DESCRIPTION
expect_lines() {
    got=$(wc -l <"$1" | tr -d ' ')
    if [ "$got" = "$2" ]; then ok; else bad "$3: $got lines, want $2"; fi
}
# expect_stat FILE KEY VALUE: one counter in a --stats file
expect_stat() {
    if grep -aq "\"$2\":$3[,}]" "$1"; then ok; else bad "stats $2 should be $3: $(cat "$1")"; fi
}

# ---- building WARC records by hand ----------------------------------------
CRLF=$(printf '\r\n')
n_id=0
# http_block STATUS CONTENT-TYPE BODYFILE: an HTTP response message
http_block() {
    printf 'HTTP/1.1 %s X\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n' \
        "$1" "$2" "$(wc -c <"$3" | tr -d ' ')"
    cat "$3"
}
# record TYPE URI CONTENT-TYPE BLOCKFILE: one WARC/1.1 record
record() {
    n_id=$((n_id + 1))
    printf 'WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2024-05-01T10:00:%02dZ\r\n' \
        "$1" "$2" "$n_id"
    printf 'WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n' "$n_id"
    printf 'Content-Type: %s\r\nContent-Length: %s\r\n\r\n' "$3" "$(wc -c <"$4" | tr -d ' ')"
    cat "$4"
    printf '\r\n\r\n'
}
# response URI STATUS MIME BODYFILE
response() {
    http_block "$2" "$3" "$4" >"$TMP/block"
    record response "$1" "application/http; msgtype=response" "$TMP/block"
}
# page FILE TITLE SENTENCE: an article page whose text is easy to find
page() {
    {
        printf '<!DOCTYPE html><html><head><title>%s</title></head><body>' "$2"
        printf '<nav><a href="/">Home</a> <a href="/about">About</a></nav><article><h1>%s</h1>' "$2"
        for k in 1 2 3; do
            printf '<p>%s This paragraph number %s is long enough to count as article text.</p>' "$3" "$k"
        done
        printf '</article><footer>Footer links</footer></body></html>'
    } >"$1"
}

page "$TMP/a.html" "Alpha report" "Alpine lakes froze early this winter."
page "$TMP/b.html" "Beta report" "Bakers in the valley doubled their bread output."
page "$TMP/c.html" "Gamma report" "Geese returned to the marsh in record numbers."
page "$TMP/d.html" "Delta report" "Divers mapped the wreck over three long weekends."
page "$TMP/e.html" "Moved report" "Moving the office took the whole summer."
printf 'GET / HTTP/1.1\r\nHost: example.com\r\n\r\n' >"$TMP/req"
printf 'software: hand-built test\r\n' >"$TMP/info"
printf '\211PNG\r\n\032\n not really an image' >"$TMP/img"
printf '<html><body><p>Nothing here</p></body></html>' >"$TMP/notfound.html"
# latin-1 page: the charset comes only from the HTTP header
printf '<html><head><title>Caf\351 report</title></head><body><article><h1>Caf\351 report</h1><p>The caf\351 on the corner serves cr\350me br\373l\351e every morning of the week, and the queue reaches the bridge.</p><p>Its owner, a retired sailor, says the recipe came from his grandmother in Lyon.</p></article></body></html>' >"$TMP/latin1.html"

# one.warc.gz: gzip per record, the Common Crawl layout. 9 records:
#   warcinfo, request (type), A, png (mime), 404 (status), 301 (status),
#   B as xhtml, metadata (type), then a member that is not a WARC record.
W1=$TMP/one.warc.gz
: >"$W1"
# gz CMD...: append CMD's output to W1 as one gzip member. Not a pipeline: the
# record counter must advance in this shell, not in a subshell.
gz() {
    "$@" >"$TMP/member"
    gzip -c "$TMP/member" >>"$W1"
}
gz record warcinfo "" "application/warc-fields" "$TMP/info"
gz record request "http://example.com/a" "application/http; msgtype=request" "$TMP/req"
gz response "http://example.com/a" 200 "text/html; charset=utf-8" "$TMP/a.html"
gz response "http://example.com/logo.png" 200 "image/png" "$TMP/img"
gz response "http://example.com/missing" 404 "text/html" "$TMP/notfound.html"
gz response "http://example.com/old" 301 "text/html" "$TMP/e.html"
off_b=$(wc -c <"$W1" | tr -d ' ')   # where B's gzip member starts
gz response "http://example.com/b" 200 "application/xhtml+xml" "$TMP/b.html"
gz record metadata "http://example.com/b" "application/warc-fields" "$TMP/info"
printf 'this is not a WARC record\r\n\r\n' | gzip -c >>"$W1"

# two.warc: plain, uncompressed: C, the latin-1 page, D.
W2=$TMP/two.warc
{
    response "http://example.com/c" 200 "text/html" "$TMP/c.html"
    response "http://example.com/cafe" 200 "text/html; charset=ISO-8859-1" "$TMP/latin1.html"
    response "http://example.com/d" 200 "text/html" "$TMP/d.html"
} >"$W2"

# ---- accounting -------------------------------------------------------------
expect_status 1 "$TOOL" warc -j 2 --stats "$TMP/s.json" "$W1" "$W2"
cp "$TMP/out" "$TMP/base.jsonl"
# 12 records: 5 extracted (A, B, C, café, D), 3 not responses, 1 not HTML,
# 2 rejected statuses, 1 unreadable; lines: 5 articles + 1 error.
expect_stat "$TMP/s.json" files 2
expect_stat "$TMP/s.json" files_failed 0
expect_stat "$TMP/s.json" records_seen 12
expect_stat "$TMP/s.json" extracted 5
expect_stat "$TMP/s.json" skipped_type 3
expect_stat "$TMP/s.json" skipped_mime 1
expect_stat "$TMP/s.json" skipped_status 2
expect_stat "$TMP/s.json" failed_read 1
expect_stat "$TMP/s.json" failed 1
expect_stat "$TMP/s.json" error_lines 1
expect_stat "$TMP/s.json" threads 2
expect_stat "$TMP/s.json" input_total "$(( $(wc -c <"$W1") + $(wc -c <"$W2") ))"
expect_lines "$TMP/base.jsonl" 6 "5 article lines + 1 error line"

# input order: A, B, the bad record, C, café, D
order=$(sed -n 's/^{"url":"\([^"]*\)".*/\1/p; s/^{"error".*/ERROR/p' "$TMP/base.jsonl" | tr '\n' ' ')
want="http://example.com/a http://example.com/b ERROR http://example.com/c http://example.com/cafe http://example.com/d "
if [ "$order" = "$want" ]; then ok; else bad "line order: $order"; fi

# the fields of an article line
sed -n 1p "$TMP/base.jsonl" >"$TMP/a.line"
expect_grep "$TMP/a.line" '^{"url":"http://example.com/a","warc_record_id":"<urn:uuid:00000000-0000-4000-8000-000000000003>","warc_date":"2024-05-01T10:00:03Z","status":200,"charset":"' "leading record fields"
expect_grep "$TMP/a.line" '"title":"Alpha report"' "article title"
expect_grep "$TMP/a.line" 'Alpine lakes froze early this winter.' "article text"
expect_no_grep "$TMP/a.line" 'Footer links' "boilerplate left out"
expect_no_grep "$TMP/a.line" '"url":.*"url":' "no duplicate url key"
# the error line: reason, file, offset of the member that is not a record
sed -n 3p "$TMP/base.jsonl" >"$TMP/err.line"
expect_grep "$TMP/err.line" '^{"error":"' "error line"
expect_grep "$TMP/err.line" '"reason":"read","file":"'"$W1"'","offset":' "error reason and file"
# the HTTP charset decodes the latin-1 page
sed -n 5p "$TMP/base.jsonl" >"$TMP/cafe.line"
expect_grep "$TMP/cafe.line" '"charset":"windows-1252"' "charset from HTTP header (latin-1 is windows-1252)"
expect_grep "$TMP/cafe.line" 'The café on the corner serves crème brûlée' "latin-1 text decoded"

# every line is one valid JSON object
if command -v python3 >/dev/null 2>&1; then
    if python3 -c 'import json,sys
for l in open(sys.argv[1]): json.loads(l)' "$TMP/base.jsonl"; then ok; else bad "invalid JSON line"; fi
fi

# --status and --mime widen or narrow the filters
expect_status 1 "$TOOL" warc -j 1 --status 200,301 --stats "$TMP/s2.json" "$W1" "$W2"
expect_stat "$TMP/s2.json" extracted 6
expect_stat "$TMP/s2.json" skipped_status 1
expect_grep "$TMP/out" '"url":"http://example.com/old","warc_record_id":"[^"]*","warc_date":"[^"]*","status":301' "301 extracted"
expect_status 1 "$TOOL" warc --mime text/html --stats "$TMP/s3.json" "$W1" "$W2"
expect_stat "$TMP/s3.json" extracted 4
expect_stat "$TMP/s3.json" skipped_mime 2
expect_status 2 "$TOOL" warc --status 2x -o "$TMP/never.jsonl" "$W1"
if [ -e "$TMP/never.jsonl" ]; then bad "a usage error created the output file"; else ok; fi

# identical output whatever the thread count
for j in 1 4 8; do
    "$TOOL" warc -j $j "$W1" "$W2" >"$TMP/j$j.jsonl" 2>/dev/null
    if cmp -s "$TMP/base.jsonl" "$TMP/j$j.jsonl"; then ok; else bad "-j $j output differs from -j 2"; fi
done

# several readers (files read at once): the same bytes and counters as one
"$TOOL" warc -j 4 --readers 1 --stats "$TMP/r1.json" "$W1" "$W2" "$W1" "$W2" >"$TMP/r1.jsonl" 2>/dev/null
for opts in "--readers 3" "--readers 3 --max-buffered 1" "--readers 4 -j 4"; do
    # shellcheck disable=SC2086
    "$TOOL" warc -j 4 $opts --stats "$TMP/r3.json" "$W1" "$W2" "$W1" "$W2" >"$TMP/r3.jsonl" 2>/dev/null
    if cmp -s "$TMP/r1.jsonl" "$TMP/r3.jsonl"; then ok; else bad "$opts output differs from --readers 1"; fi
    a=$(sed 's/"readers":[0-9]*,"elapsed_s":.*//' "$TMP/r1.json")
    b=$(sed 's/"readers":[0-9]*,"elapsed_s":.*//' "$TMP/r3.json")
    if [ "$a" = "$b" ]; then ok; else bad "$opts counters differ: $b"; fi
done
expect_stat "$TMP/r3.json" readers 4
expect_stat "$TMP/r1.json" records_seen 24

# --no-error-lines: the same counters, no error line
expect_status 1 "$TOOL" warc --no-error-lines --stats "$TMP/s4.json" "$W1" "$W2"
expect_lines "$TMP/out" 5 "no error line"
expect_stat "$TMP/s4.json" failed_read 1
expect_stat "$TMP/s4.json" error_lines 0

# all good input: exit 0
expect_status 0 "$TOOL" warc "$W2"
expect_lines "$TMP/out" 3 "three pages in two.warc"
cp "$TMP/out" "$TMP/w2.jsonl"

# -o FILE.gz gives the same lines, gzipped; -o FILE plain
expect_status 1 "$TOOL" warc -o "$TMP/o.jsonl.gz" "$W1" "$W2"
if gzip -dc "$TMP/o.jsonl.gz" | cmp -s - "$TMP/base.jsonl"; then ok; else bad "-o .gz content differs"; fi
expect_status 1 "$TOOL" warc -o "$TMP/o.jsonl" "$W1" "$W2"
if cmp -s "$TMP/o.jsonl" "$TMP/base.jsonl"; then ok; else bad "-o content differs"; fi

# directories (recursive, name order, non-WARC files ignored) and stdin lists
mkdir -p "$TMP/dir/sub"
cp "$W1" "$TMP/dir/1.warc.gz"
cp "$W2" "$TMP/dir/sub/2.warc"
echo "notes" >"$TMP/dir/readme.txt"
expect_status 1 "$TOOL" warc "$TMP/dir"
# the error line names the copy, so compare everything else
grep -v '^{"error"' "$TMP/out" >"$TMP/dir.jsonl"
grep -v '^{"error"' "$TMP/base.jsonl" >"$TMP/base-ok.jsonl"
if cmp -s "$TMP/dir.jsonl" "$TMP/base-ok.jsonl"; then ok; else bad "directory output differs"; fi
expect_grep "$TMP/out" '"file":"'"$TMP/dir/1.warc.gz"'"' "error line names the file in the directory"
printf '%s\n\n%s\n' "$W1" "$W2" >"$TMP/list"
expect_status 1 "$TOOL" warc - <"$TMP/list"
if cmp -s "$TMP/out" "$TMP/base.jsonl"; then ok; else bad "stdin list output differs"; fi
# the list takes the place of "-" among the other inputs
printf '%s\n' "$W2" >"$TMP/list2"
expect_status 1 "$TOOL" warc "$W1" - <"$TMP/list2"
if cmp -s "$TMP/out" "$TMP/base.jsonl"; then ok; else bad "FILE - output differs"; fi

# a missing file: error line, files_failed, the rest still processed
expect_status 1 "$TOOL" warc --stats "$TMP/s5.json" "$TMP/nope.warc" "$W2"
expect_stat "$TMP/s5.json" files 2
expect_stat "$TMP/s5.json" files_failed 1
expect_stat "$TMP/s5.json" records_seen 3
expect_grep "$TMP/out" '^{"error":"[^"]*","reason":"file","file":"'"$TMP/nope.warc"'"' "file error line"
expect_grep "$TMP/out" 'Divers mapped the wreck' "later file still processed"

# per-page memory budget: a 3 MB page cannot fit in 1 MiB of arena
{
    printf '<html><body>'
    i=0
    while [ $i -lt 4000 ]; do
        printf '<div><p>%s</p></div>' "filler text for the budget test, repeated many times over and over again to grow the page xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
        i=$((i + 1))
    done
    printf '</body></html>'
} >"$TMP/big.html"
response "http://example.com/big" 200 "text/html" "$TMP/big.html" >"$TMP/big.warc"
cat "$W2" >>"$TMP/big.warc"
expect_status 1 "$TOOL" warc --max-memory 1 --stats "$TMP/s6.json" "$TMP/big.warc"
expect_stat "$TMP/s6.json" failed_limit 1
expect_stat "$TMP/s6.json" extracted 3
expect_grep "$TMP/out" '"reason":"limit"' "limit error line"

# per-page time budget: 300,000 elements take far more than 2 ms to parse and
# score. Only that line is checked: on a loaded machine a small page might be
# descheduled past 2 ms too.
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div><p>x %d</p></div>", i }' >"$TMP/slow.html"
response "http://example.com/slow" 200 "text/html" "$TMP/slow.html" >"$TMP/slow.warc"
cat "$W2" >>"$TMP/slow.warc"
expect_status 1 "$TOOL" warc -j 1 --time-limit 2 --stats "$TMP/s7.json" "$TMP/slow.warc"
sed -n 1p "$TMP/out" >"$TMP/slow.line"
expect_grep "$TMP/slow.line" '^{"error":"[^"]*","reason":"timeout","file":"'"$TMP/slow.warc"'","offset":0,' "timeout error line"
expect_stat "$TMP/s7.json" records_seen 4

# ---- broken files ---------------------------------------------------------------
# cut inside B's gzip member: the 6 records before it are read as usual, B is one
# failed record at its member's offset, and the file ends there
head -c $((off_b + 20)) "$W1" >"$TMP/cut.warc.gz"
expect_status 1 "$TOOL" warc --stats "$TMP/s8.json" "$TMP/cut.warc.gz"
expect_stat "$TMP/s8.json" records_seen 7
expect_stat "$TMP/s8.json" extracted 1
expect_stat "$TMP/s8.json" skipped 5
expect_stat "$TMP/s8.json" failed_read 1
expect_stat "$TMP/s8.json" files_failed 0
expect_grep "$TMP/out" '"reason":"read","file":"'"$TMP/cut.warc.gz"'","offset":'"$off_b"',' "truncated member error line"
# a Content-Length 10 bytes too long: that record fails, the reader finds the
# next record and the two after it are extracted
http_block 200 text/html "$TMP/c.html" >"$TMP/block"
{
    # the header claims 10 bytes more than the block has
    len=$(( $(wc -c <"$TMP/block") + 10 ))
    printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.com/c\r\n'
    printf 'WARC-Record-ID: <urn:test:lying>\r\nContent-Type: application/http; msgtype=response\r\n'
    printf 'Content-Length: %s\r\n\r\n' "$len"
    cat "$TMP/block"
    printf '\r\n\r\n'
    response "http://example.com/cafe" 200 "text/html; charset=ISO-8859-1" "$TMP/latin1.html"
    response "http://example.com/d" 200 "text/html" "$TMP/d.html"
} >"$TMP/lying.warc"
expect_status 1 "$TOOL" warc --stats "$TMP/s9.json" "$TMP/lying.warc"
expect_stat "$TMP/s9.json" records_seen 3
expect_stat "$TMP/s9.json" extracted 2
expect_stat "$TMP/s9.json" failed_read 1
expect_grep "$TMP/out" '^{"error":"[^"]*","reason":"read","file":"'"$TMP/lying.warc"'","offset":0,' "lying Content-Length error line"
expect_grep "$TMP/out" 'Divers mapped the wreck' "record after the lying one extracted"
# junk between records: whatever the reader blames, every record is accounted
# for and the record after the junk is extracted
{
    response "http://example.com/c" 200 "text/html" "$TMP/c.html"
    printf 'junk junk junk\r\n'
    response "http://example.com/d" 200 "text/html" "$TMP/d.html"
} >"$TMP/junk.warc"
"$TOOL" warc --stats "$TMP/s10.json" "$TMP/junk.warc" >"$TMP/out" 2>/dev/null
seen=$(sed -n 's/.*"records_seen":\([0-9]*\).*/\1/p' "$TMP/s10.json")
sum=$(sed -n 's/.*"extracted":\([0-9]*\),"skipped":\([0-9]*\),.*"failed":\([0-9]*\),.*/\1 \2 \3/p' "$TMP/s10.json" |
      awk '{ print $1 + $2 + $3 }')
if [ -n "$seen" ] && [ "$seen" = "$sum" ]; then ok; else bad "junk: seen $seen != extracted + skipped + failed $sum"; fi
expect_grep "$TMP/out" 'Divers mapped the wreck' "record after junk extracted"

# expect_identity FILE WHAT: records_seen = extracted + skipped + failed
expect_identity() {
    seen=$(sed -n 's/.*"records_seen":\([0-9]*\).*/\1/p' "$1")
    sum=$(sed -n 's/.*"extracted":\([0-9]*\),"skipped":\([0-9]*\),.*"failed":\([0-9]*\),.*/\1 \2 \3/p' "$1" |
          awk '{ print $1 + $2 + $3 }')
    if [ -n "$seen" ] && [ "$seen" = "$sum" ]; then ok; else bad "$2: seen $seen != extracted + skipped + failed $sum"; fi
}
# ---- damage between records: nothing intact is lost ----------------------------
# C, then DAMAGE, then the latin-1 page and D. Each case by hand: C, café and D
# are extracted; a stray byte or a damaged version line is one failed read at its
# offset (C's record length); NUL padding and a missing CRLF CRLF cost nothing.
response "http://example.com/c" 200 "text/html" "$TMP/c.html" >"$TMP/rc"
response "http://example.com/cafe" 200 "text/html; charset=ISO-8859-1" "$TMP/latin1.html" >"$TMP/rcafe"
response "http://example.com/d" 200 "text/html" "$TMP/d.html" >"$TMP/rd"
len_c=$(wc -c <"$TMP/rc" | tr -d ' ')
damaged() {   # damaged NAME FAILED: the file built above, its expected failures
    expect_status $(( $2 > 0 )) "$TOOL" warc --stats "$TMP/$1.json" "$TMP/$1.warc"
    expect_stat "$TMP/$1.json" records_seen $((3 + $2))
    expect_stat "$TMP/$1.json" extracted 3
    expect_stat "$TMP/$1.json" failed_read "$2"
    expect_identity "$TMP/$1.json" "$1"
    expect_grep "$TMP/out" 'Geese returned' "$1: the record before the damage"
    expect_grep "$TMP/out" 'retired sailor' "$1: the record after the damage"
}
{ cat "$TMP/rc"; printf 'X'; cat "$TMP/rcafe" "$TMP/rd"; } >"$TMP/stray.warc"
damaged stray 1
expect_grep "$TMP/out" '"reason":"read","file":"'"$TMP/stray.warc"'","offset":'"$len_c"',' "stray byte error line at its offset"
{ cat "$TMP/rc"; printf '\357\273\277'; cat "$TMP/rcafe" "$TMP/rd"; } >"$TMP/bom.warc"
damaged bom 1
{ cat "$TMP/rc"; printf 'WXRC'; tail -c +5 "$TMP/rcafe"; cat "$TMP/rd"; } >"$TMP/version.warc"
# the damaged record is the café page itself here: it cannot be read, D is
expect_status 1 "$TOOL" warc --stats "$TMP/version.json" "$TMP/version.warc"
expect_stat "$TMP/version.json" records_seen 3
expect_stat "$TMP/version.json" extracted 2
expect_stat "$TMP/version.json" failed_read 1
expect_identity "$TMP/version.json" "damaged version line"
expect_grep "$TMP/out" '"offset":'"$len_c"',' "damaged version line error at the record's offset"
{ head -c $((len_c - 4)) "$TMP/rc"; cat "$TMP/rcafe" "$TMP/rd"; } >"$TMP/nocrlf.warc"
damaged nocrlf 0
{ cat "$TMP/rc"; printf '\000\000\000\000'; cat "$TMP/rcafe" "$TMP/rd"; } >"$TMP/nul.warc"
damaged nul 0
# the same three records as gzip members cut at arbitrary points (bgzip style)
cat "$TMP/rc" "$TMP/rcafe" "$TMP/rd" >"$TMP/three.warc"
: >"$TMP/split.warc.gz"
size=$(wc -c <"$TMP/three.warc" | tr -d ' ')
at=0
while [ $at -lt "$size" ]; do
    tail -c +$((at + 1)) "$TMP/three.warc" | head -c 997 | gzip -c >>"$TMP/split.warc.gz"
    at=$((at + 997))
done
cp "$TMP/split.warc.gz" "$TMP/split.warc"
damaged split 0

# an HTTP header block over 64 KiB: a failed read with the reason, not "not HTML"
{
    printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n'
    i=0
    while [ $i -lt 1200 ]; do
        printf 'X-Padding-%04d: 0123456789012345678901234567890123456789012345\r\n' $i
        i=$((i + 1))
    done
    printf '\r\n'
    cat "$TMP/c.html"
} >"$TMP/fat.block"
{ record response "http://example.com/fat" "application/http; msgtype=response" "$TMP/fat.block"; cat "$TMP/rd"; } >"$TMP/fat.warc"
expect_status 1 "$TOOL" warc --stats "$TMP/fat.json" "$TMP/fat.warc"
expect_stat "$TMP/fat.json" records_seen 2
expect_stat "$TMP/fat.json" extracted 1
expect_stat "$TMP/fat.json" skipped_mime 0
expect_stat "$TMP/fat.json" failed_read 1
expect_grep "$TMP/out" '"error":"HTTP header exceeds max_header_bytes","reason":"read".*"url":"http://example.com/fat"' "oversized HTTP header error line"

# WARC/0.18 (ClueWeb09) reads like 1.1
sed 's#^WARC/1\.1\r$#WARC/0.18\r#' "$TMP/three.warc" >"$TMP/old.warc"
expect_grep "$TMP/old.warc" 'WARC/0.18' "0.18 fixture"
damaged old 0

# a file cut inside its last record's body: the page comes back, truncated
len3=$(wc -c <"$TMP/three.warc" | tr -d ' ')
head -c $((len3 - 60)) "$TMP/three.warc" >"$TMP/cut3.warc"
expect_status 0 "$TOOL" warc --stats "$TMP/cut3.json" "$TMP/cut3.warc"
expect_stat "$TMP/cut3.json" extracted 3
expect_stat "$TMP/cut3.json" truncated 1
expect_grep "$TMP/out" 'Divers mapped the wreck' "partial last record extracted"

# ARC files (.arc, .arc.gz): the file record, then URL IP date type length lines
arc_rec() {   # arc_rec URL DATE BLOCKFILE
    printf '%s 192.0.2.1 %s text/html %s\n' "$1" "$2" "$(wc -c <"$3" | tr -d ' ')"
    cat "$3"
    printf '\n'
}
printf '1 0 test\nURL IP-address Archive-date Content-type Archive-length\n' >"$TMP/arcv"
{
    printf 'filedesc://x.arc 0.0.0.0 20240501100000 text/plain %s\n' "$(wc -c <"$TMP/arcv" | tr -d ' ')"
    cat "$TMP/arcv"
    printf '\n'
} >"$TMP/arc0"
http_block 200 text/html "$TMP/c.html" >"$TMP/hc"
http_block 200 text/html "$TMP/d.html" >"$TMP/hd"
arc_rec http://example.com/c 20240501100001 "$TMP/hc" >"$TMP/arc1"
arc_rec http://example.com/d 20240501100002 "$TMP/hd" >"$TMP/arc2"
cat "$TMP/arc0" "$TMP/arc1" "$TMP/arc2" >"$TMP/x.arc"
for f in arc0 arc1 arc2; do gzip -c "$TMP/$f"; done >"$TMP/x.arc.gz"
for f in x.arc x.arc.gz; do
    expect_status 0 "$TOOL" warc --stats "$TMP/$f.json" "$TMP/$f"
    expect_stat "$TMP/$f.json" records_seen 3
    expect_stat "$TMP/$f.json" extracted 2
    expect_stat "$TMP/$f.json" skipped_type 1
    expect_grep "$TMP/out" '^{"url":"http://example.com/c","warc_record_id":null,"warc_date":"2024-05-01T10:00:01Z","status":200' "$f: ARC record line"
done
mkdir -p "$TMP/arcdir"
cp "$TMP/x.arc.gz" "$TMP/arcdir/"
expect_status 0 "$TOOL" warc "$TMP/arcdir"
expect_lines "$TMP/out" 2 "a directory gives its .arc.gz files"

# stdin: a WARC or ARC stream (detected by its first bytes), or a list of paths
expect_status 0 "$TOOL" warc - <"$W2"
if cmp -s "$TMP/out" "$TMP/w2.jsonl"; then ok; else bad "plain WARC on stdin differs from the file"; fi
gzip -c "$W2" >"$TMP/w2.warc.gz"
cat "$TMP/w2.warc.gz" | "$TOOL" warc - >"$TMP/out" 2>"$TMP/err"
if cmp -s "$TMP/out" "$TMP/w2.jsonl"; then ok; else bad "gzip WARC piped on stdin differs: $(head -c 200 "$TMP/err")"; fi
cat "$TMP/x.arc.gz" | "$TOOL" warc - >"$TMP/out" 2>/dev/null
expect_lines "$TMP/out" 2 "ARC stream on stdin"
expect_status 1 "$TOOL" warc --paths-from "$TMP/list"
if cmp -s "$TMP/out" "$TMP/base.jsonl"; then ok; else bad "--paths-from FILE output differs"; fi
expect_status 1 "$TOOL" warc --paths-from - <"$TMP/list"
if cmp -s "$TMP/out" "$TMP/base.jsonl"; then ok; else bad "--paths-from - output differs"; fi

# output errors: exit 3
if [ -w /dev/full ]; then
    expect_status 3 "$TOOL" warc "$W2" -o /dev/full
fi
# usage errors: exit 2
expect_status 2 "$TOOL" warc
expect_status 2 "$TOOL" warc -j 0 "$W2"
expect_status 2 "$TOOL" warc --no-such-option "$W2"
expect_status 0 "$TOOL" warc --help
expect_grep "$TMP/out" "usage: winnow warc" "--help text"
# the extraction options are extract's: --links/--images reach the markdown field,
# --page-type is reported, --precision with --recall or an unknown type is refused
printf '<html><body><article><h1>Linked report</h1><p>Rivers rose along the <a href="https://example.org/valley">valley road</a> after a week of rain in the hills.</p><p>Farmers moved the herds to higher ground before the bridge closed for the night.</p><p><img src="https://example.org/flood.jpg" alt="The flooded road"> Crews cleared the road by morning, and the school opened again.</p></article></body></html>' >"$TMP/linked.html"
response "http://example.com/l" 200 "text/html" "$TMP/linked.html" >"$TMP/three.warc"
expect_status 0 "$TOOL" warc --with-markdown "$TMP/three.warc"
expect_grep "$TMP/out" '"markdown":"Rivers rose along the valley road after' "markdown field"
expect_no_grep "$TMP/out" '(https://example.org/valley)' "no link without --links"
expect_status 0 "$TOOL" warc --with-markdown --links --images --page-type forum "$TMP/three.warc"
expect_grep "$TMP/out" '\[valley road\](https://example.org/valley)' "--links in markdown"
expect_grep "$TMP/out" '!\[The flooded road\](https://example.org/flood.jpg)' "--images in markdown"
expect_grep "$TMP/out" '"page_type":"forum"' "--page-type forced"
expect_status 2 "$TOOL" warc --precision --recall "$TMP/three.warc"
expect_grep "$TMP/err" 'pull opposite ways' "--precision with --recall"
expect_status 2 "$TOOL" warc --page-type blog "$TMP/three.warc"
expect_grep "$TMP/err" "got 'blog'" "unknown --page-type"
# not a terminal: no progress and no summary unless asked
expect_status 0 "$TOOL" warc "$W2"
if [ -s "$TMP/err" ]; then bad "stderr not quiet: $(head -c 200 "$TMP/err")"; else ok; fi
expect_status 0 "$TOOL" warc --progress "$W2"
expect_grep "$TMP/err" "^winnow: 3 records: 3 extracted, 0 skipped" "summary line with --progress"

# ---- with warc-pack: many pages, order and equality across -j ---------------
if "$TOOL" warc-pack --help >/dev/null 2>&1; then
    mkdir -p "$TMP/pages"
    i=0
    while [ $i -lt 60 ]; do
        page "$TMP/pages/p$(printf %03d $i).html" "Page $i" "Sentence number $i of the packed set."
        i=$((i + 1))
    done
    if "$TOOL" warc-pack -o "$TMP/packed.warc.gz" "$TMP/pages" >"$TMP/out" 2>"$TMP/err"; then
        ok
        "$TOOL" warc -j 1 --stats "$TMP/p1.json" "$TMP/packed.warc.gz" >"$TMP/p1.jsonl" 2>/dev/null
        expect_stat "$TMP/p1.json" extracted 60
        expect_lines "$TMP/p1.jsonl" 60 "one line per packed page"
        n=$(grep -o '"title":"Page [0-9]*"' "$TMP/p1.jsonl" | sed 's/[^0-9]//g' | tr '\n' ' ')
        want=$(i=0; while [ $i -lt 60 ]; do printf '%s ' $i; i=$((i + 1)); done)
        if [ "$n" = "$want" ]; then ok; else bad "packed order: $n"; fi
        for j in 2 4 8; do
            "$TOOL" warc -j $j "$TMP/packed.warc.gz" >"$TMP/pj.jsonl" 2>/dev/null
            if cmp -s "$TMP/p1.jsonl" "$TMP/pj.jsonl"; then ok; else bad "packed -j $j differs from -j 1"; fi
        done
    else
        bad "warc-pack failed: $(head -c 300 "$TMP/err")"
    fi
fi

echo "warc: $pass passed, $fail failed"
[ "$fail" = 0 ]
