#!/bin/sh
# run.sh TOOL: golden tests for the whole pipeline (parse, extract, clean, render).
# Each case is NAME.html; NAME.txt / NAME.md / NAME.json / NAME.out.html hold the
# hand-written expected output of `TOOL --format F [ARGS] NAME.html` (ARGS from
# NAME.args), and NAME.forbid lists strings (one a line) that the HTML output must
# not contain, whatever its case. Prints "golden: N passed, M failed".
set -u
TOOL=${1:?usage: run.sh TOOL}
DIR=$(cd "$(dirname "$0")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/golden.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0

check() {   # check NAME FORMAT EXPECTED
    name=$1 fmt=$2 exp=$3
    args=""
    [ -f "$DIR/$name.args" ] && args=$(cat "$DIR/$name.args")
    # shellcheck disable=SC2086  # ARGS are words on purpose
    if ! "$TOOL" --format "$fmt" $args "$DIR/$name.html" >"$TMP/out" 2>"$TMP/err"; then
        echo "FAIL $name ($fmt): exit status $?"
        sed 's/^/    /' "$TMP/err" | head -5
        fail=$((fail + 1))
        return
    fi
    if diff -u "$exp" "$TMP/out" >"$TMP/diff"; then
        pass=$((pass + 1))
    else
        echo "FAIL $name ($fmt): output differs from $(basename "$exp")"
        sed 's/^/    /' "$TMP/diff" | cut -c1-400 | head -40
        fail=$((fail + 1))
    fi
}

for html in "$DIR"/*.html; do
    case $html in *.out.html) continue ;; esac
    name=$(basename "$html" .html)
    [ -f "$DIR/$name.txt" ] && check "$name" txt "$DIR/$name.txt"
    [ -f "$DIR/$name.md" ] && check "$name" md "$DIR/$name.md"
    [ -f "$DIR/$name.json" ] && check "$name" json "$DIR/$name.json"
    [ -f "$DIR/$name.out.html" ] && check "$name" html "$DIR/$name.out.html"
    if [ -f "$DIR/$name.forbid" ]; then
        args=""
        [ -f "$DIR/$name.args" ] && args=$(cat "$DIR/$name.args")
        # shellcheck disable=SC2086
        "$TOOL" --format html $args "$html" >"$TMP/out" 2>/dev/null
        bad=0
        while IFS= read -r s; do
            [ -z "$s" ] && continue
            if grep -qiF -- "$s" "$TMP/out"; then
                echo "FAIL $name (html): output contains forbidden \"$s\""
                bad=1
            fi
        done <"$DIR/$name.forbid"
        if [ $bad -eq 0 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
    fi
done

echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
