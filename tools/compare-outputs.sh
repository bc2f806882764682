#!/bin/sh
# compare-outputs.sh: does a change alter what winnow writes? Builds the
# baseline revision (default: the merge base with main) in a scratch worktree,
# runs both binaries with `-o DIR -f txt,md,json,html` over the development
# sets, and prints `diff -r` per set. Exit 0 when every set is byte-identical.
#
#   tools/compare-outputs.sh [-b REV] [-n NEW_BINARY] [-s SETS_DIR] [-k]
#     -b REV     baseline revision (default: git merge-base HEAD main)
#     -n BINARY  the binary under test (default: build/release/winnow, rebuilt)
#     -s DIR     folder holding readability/ trafilatura/ wcxb-dev/ (each with pages/)
#                (default: ../shared/data/extraction)
#     -k         keep the output folders (printed at the end)
#     -o OPTS    extra winnow options for both runs (for example "--precision")
set -eu

root=$(git rev-parse --show-toplevel)
cd "$root"
base=""
new=""
sets="../shared/data/extraction"
keep=0
opts=""
while getopts b:n:s:ko: f; do
    case $f in
    b) base=$OPTARG ;;
    n) new=$OPTARG ;;
    s) sets=$OPTARG ;;
    k) keep=1 ;;
    o) opts=$OPTARG ;;
    *) sed -n '2,15p' "$0"; exit 2 ;;
    esac
done
if [ ! -d "$sets" ]; then
    echo "compare-outputs: no development sets at $sets (pass -s DIR); nothing compared" >&2
    exit 2
fi
[ -n "$base" ] || base=$(git merge-base HEAD main)
base_id=$(git rev-parse --short "$base")

work=$(mktemp -d "${TMPDIR:-/tmp}/winnow-compare.XXXXXX")
cleanup() {
    git worktree remove --force "$work/base-src" >/dev/null 2>&1 || true
    [ "$keep" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

# The baseline binary is cached per commit: rebuilding it for every run is slow.
cache="${TMPDIR:-/tmp}/winnow-compare-cache"
old="$cache/winnow-$base_id"
if [ ! -x "$old" ]; then
    echo "compare-outputs: building baseline $base_id" >&2
    git worktree add --detach "$work/base-src" "$base" >/dev/null 2>&1
    make -C "$work/base-src" -j2 build/release/winnow >/dev/null
    mkdir -p "$cache"
    cp "$work/base-src/build/release/winnow" "$old.tmp" && mv "$old.tmp" "$old"
fi
if [ -z "$new" ]; then
    make -j2 build/release/winnow >/dev/null
    new=build/release/winnow
fi

status=0
for s in readability trafilatura wcxb-dev; do
    [ -d "$sets/$s/pages" ] || { echo "$s: missing, skipped"; continue; }
    mkdir -p "$work/old/$s" "$work/new/$s"
    # shellcheck disable=SC2086
    "$old" $opts -o "$work/old/$s" -f txt,md,json,html "$sets/$s/pages" >/dev/null 2>"$work/$s.old.err" || true
    # shellcheck disable=SC2086
    "$new" $opts -o "$work/new/$s" -f txt,md,json,html "$sets/$s/pages" >/dev/null 2>"$work/$s.new.err" || true
    if diff -r "$work/old/$s" "$work/new/$s" >"$work/$s.diff" 2>&1; then
        echo "$s: identical ($(find "$work/new/$s" -type f | wc -l) files)"
    else
        status=1
        n=$(grep -c '^diff -r\|^Only in' "$work/$s.diff" || true)
        echo "$s: $n files differ"
        for e in txt md json html; do
            m=$(grep '^diff -r\|^Only in' "$work/$s.diff" | grep -c "\.$e\( \|$\)" || true)
            echo "  .$e: $m"
        done
        head -n 40 "$work/$s.diff" | sed 's/^/  /'
    fi
done
[ "$keep" = 1 ] && echo "outputs kept in $work/old and $work/new"
exit $status
