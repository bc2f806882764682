#!/bin/sh
# run.sh TOOL: command-line behaviour of the winnow tool: exit codes, error
# messages, -o naming, gzip and stdin input, directories, parse --tree output,
# determinism. Prints "cli: N passed, M failed"; exits non-zero on failure.
set -u
TOOL=${1:?usage: run.sh PATH/TO/winnow}
HERE=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0

ok()   { pass=$((pass + 1)); }
bad()  { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
# expect_status WANT CMD...: run CMD, compare its exit status
expect_status() {
    want=$1; shift
    "$@" >"$TMP/out" 2>"$TMP/err"
    got=$?
    if [ "$got" = "$want" ]; then ok; else bad "$* exited $got, want $want: $(head -c 300 "$TMP/err")"; fi
}
# expect_grep FILE PATTERN DESCRIPTION
expect_grep() {
    if grep -q -- "$2" "$1"; then ok; else bad "$3: '$2' not in $(head -c 300 "$1")"; fi
}
expect_no_grep() {
    if grep -qi -- "$2" "$1"; then bad "$3: '$2' found"; else ok; fi
}

PAGE="$TMP/story.html"
cat >"$PAGE" <<'HTML'
<!DOCTYPE html><html lang="en"><head><title>Quiet harbour | Coast Daily</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Quiet harbour</h1>
<p>The harbour master counted fewer boats this spring than in any year since records began in the village.</p>
<p>Fishermen blame the cold water and the price of diesel, and several crews have sold their boats to buyers abroad.</p>
<p>The council will meet next month to discuss a plan that would turn the old fish market into a museum and workshop.</p>
<script>alert(1)</script>
</article><footer>Copyright Coast Daily</footer></body></html>
HTML

# --version, --help, usage errors
expect_status 0 "$TOOL" --version
expect_grep "$TMP/out" "^winnow [0-9]*\.[0-9]*\.[0-9]*$" "--version prints the version"
expect_status 0 "$TOOL" --help
expect_grep "$TMP/out" "usage: winnow" "--help prints usage"
expect_status 2 "$TOOL"
expect_status 2 "$TOOL" --no-such-option "$PAGE"
expect_grep "$TMP/err" "winnow: unknown or incomplete option '--no-such-option'" "unknown option message"
expect_status 2 "$TOOL" --format pdf "$PAGE"
expect_grep "$TMP/err" "--format" "bad format message"
expect_status 2 "$TOOL" --format txt,json "$PAGE"
expect_grep "$TMP/err" "several formats need -o DIR" "several formats without -o"

# --page-type: a known name forces the type (JSON "page_type"), a bad one is a usage error
expect_status 2 "$TOOL" --page-type blog "$PAGE"
expect_grep "$TMP/err" "winnow: --page-type: expected article, forum, product, collection, listing, documentation, service or other, got 'blog'" "bad page type message"
expect_status 0 "$TOOL" --page-type listing -f json "$PAGE"
expect_grep "$TMP/out" '"page_type":"listing"' "forced page type in JSON"
expect_status 0 "$TOOL" -f json "$PAGE"
expect_grep "$TMP/out" '"page_type":"article"' "classified page type in JSON"
expect_status 0 "$TOOL" --page-type=service --explain "$PAGE"
expect_grep "$TMP/out" "^# page type: service (forced by the caller)" "forced type in --explain"
expect_status 0 "$TOOL" --explain "$PAGE"
expect_grep "$TMP/out" "^# page type: article (score" "classified type in --explain"

# a missing file: error naming the file, status 1, other inputs still processed
expect_status 1 "$TOOL" "$TMP/missing.html" "$PAGE"
expect_grep "$TMP/err" "winnow: $TMP/missing.html: No such file or directory" "missing file message"
expect_grep "$TMP/out" "harbour master counted" "later inputs still processed"

# extraction to stdout; script text and navigation never appear
expect_status 0 "$TOOL" "$PAGE"
expect_grep "$TMP/out" "Fishermen blame the cold water" "article text"
expect_no_grep "$TMP/out" "alert(1)" "script text left out"
expect_no_grep "$TMP/out" "Copyright Coast Daily" "footer left out"
cp "$TMP/out" "$TMP/plain.txt"

# determinism: same bytes twice
"$TOOL" "$PAGE" >"$TMP/again.txt" 2>/dev/null
if cmp -s "$TMP/plain.txt" "$TMP/again.txt"; then ok; else bad "two runs differ"; fi

# gzip input and stdin give the same output
gzip -c "$PAGE" >"$TMP/story.html.gz"
expect_status 0 "$TOOL" "$TMP/story.html.gz"
if cmp -s "$TMP/plain.txt" "$TMP/out"; then ok; else bad ".gz input output differs"; fi
"$TOOL" - <"$PAGE" >"$TMP/stdin.txt" 2>/dev/null
if cmp -s "$TMP/plain.txt" "$TMP/stdin.txt"; then ok; else bad "stdin output differs"; fi

# a corrupt gzip file is a clear error
head -c 40 "$TMP/story.html.gz" >"$TMP/broken.html.gz"
expect_status 1 "$TOOL" "$TMP/broken.html.gz"
expect_grep "$TMP/err" "broken.html.gz: corrupt or truncated gzip data" "truncated gzip message"

# -o DIR: names without .html/.htm/.gz, one file per format
mkdir "$TMP/in"
cp "$PAGE" "$TMP/in/a.html"
cp "$TMP/story.html.gz" "$TMP/in/b.html.gz"
cp "$PAGE" "$TMP/in/c.htm"
echo "not a page" >"$TMP/in/notes.txt"
expect_status 0 "$TOOL" -o "$TMP/outdir" --format txt,json "$TMP/in"
for f in a.txt a.json b.txt b.json c.txt c.json; do
    if [ -f "$TMP/outdir/$f" ]; then ok; else bad "-o did not write $f"; fi
done
if [ -e "$TMP/outdir/notes.txt" ]; then bad "-o wrote a file for a non-page"; else ok; fi
if cmp -s "$TMP/plain.txt" "$TMP/outdir/b.txt"; then ok; else bad "-o text differs from stdout text"; fi
expect_grep "$TMP/outdir/a.json" '"title": *"Quiet harbour"' "JSON title"
expect_grep "$TMP/outdir/a.json" '"language": *"en"' "JSON language"

# HTML output is safe
expect_status 0 "$TOOL" --format html "$PAGE"
expect_no_grep "$TMP/out" "<script" "no script in html output"

# parse: summary, --tree, --fragment, --charset, --quiet
printf '<p>caf\351</p>' >"$TMP/latin1.html"
expect_status 0 "$TOOL" parse "$TMP/latin1.html"
expect_grep "$TMP/out" "encoding=windows-1252" "windows-1252 default for non-UTF-8 bytes"
expect_status 0 "$TOOL" parse --tree "$TMP/latin1.html"
printf '| <html>\n|   <head>\n|   <body>\n|     <p>\n|       "caf\303\251"\n' >"$TMP/want.tree"
if cmp -s "$TMP/want.tree" "$TMP/out"; then ok; else bad "parse --tree output: $(cat "$TMP/out")"; fi
printf '<td>x</td><p>y' >"$TMP/frag.html"
expect_status 0 "$TOOL" parse --tree --fragment tr "$TMP/frag.html"
# in a tr context, <p> is foster-parented to the fragment's root (no table on the stack)
printf '| <td>\n|   "x"\n| <p>\n|   "y"\n' >"$TMP/want.tree"
if cmp -s "$TMP/want.tree" "$TMP/out"; then ok; else bad "parse --fragment tr output: $(cat "$TMP/out")"; fi
printf '<p>\320\277\321\200\320\270</p>' >"$TMP/koi.html"
expect_status 0 "$TOOL" parse --charset koi8-r "$TMP/koi.html"
expect_grep "$TMP/out" "encoding=KOI8-R\|encoding=koi8-r" "--charset override reported"
expect_status 0 "$TOOL" parse --quiet "$PAGE"
if [ -s "$TMP/out" ]; then bad "--quiet printed something"; else ok; fi

echo "cli: $pass passed, $fail failed"
[ "$fail" = 0 ]
