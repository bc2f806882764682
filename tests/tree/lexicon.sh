#!/bin/sh
# lexicon.sh PYTHON HEADER: the lexicon's data holds together and the committed
# table is what tools/gen_lexicon.py makes of it. The generator's --check
# fails on a duplicate row, a role without entries or without a comment that
# says what it is, a row without a language, a role the code names that the
# data lacks, and a role the code never uses.
set -eu
PY=${1:-/usr/bin/python3}
H=${2:-src/extract/signals/lexicon_data.h}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
"$PY" tools/gen_lexicon.py --check "$tmp"
if ! cmp -s "$tmp" "$H"; then
    echo "lexicon: $H is stale; run make lexicon and commit it"
    diff -u "$H" "$tmp" | head -n 20
    exit 1
fi
echo "lexicon: data consistent, $H up to date ($(grep -c '^#define WN_LEX_.*_N ' "$H") roles)"

# The checks themselves: each bad sample must be refused with its reason.
bad=$(mktemp -d)
trap 'rm -f "$tmp"; rm -rf "$bad"' EXIT
expect_refused() {   # expect_refused WHAT TEXT-OF-THE-ERROR (the sample is $bad/x.tsv)
    if "$PY" tools/gen_lexicon.py --data "$bad" "$tmp" 2>"$bad/err"; then
        echo "lexicon: a sample with $1 was accepted"; exit 1
    fi
    grep -q "$2" "$bad/err" || { echo "lexicon: $1: wrong reason:"; cat "$bad/err"; exit 1; }
    rm -f "$bad"/*.tsv
}
printf '#@ r: a role\nword\tr\ten\nword\tr\ten\n' >"$bad/x.tsv"
expect_refused "a duplicate row" "duplicate of"
printf '#@ r: a role\n#@ empty: a role with no rows\nword\tr\ten\n' >"$bad/x.tsv"
expect_refused "a role without entries" "role empty has no entries"
printf 'word\tr\ten\n' >"$bad/x.tsv"
expect_refused "an undeclared role" "role r is not declared"
printf '#@ r: a role\nword\tr\n' >"$bad/x.tsv"
expect_refused "a row without a language" "want 3 or 4"
printf '#@ r: a role\nword\tr\tenglish\n' >"$bad/x.tsv"
expect_refused "a language that is no ISO 639-1 code" "is not an ISO 639-1 code"
printf '#@ r: a role\n by\tr\ten\n' >"$bad/x.tsv"
expect_refused "an unquoted edge space" "must be quoted"
printf '#@ r\nword\tr\ten\n' >"$bad/x.tsv"
expect_refused "a role without its explanation" "bad role line"
echo "lexicon: bad samples refused"
