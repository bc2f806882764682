#!/bin/sh
# run.sh BUILD_DIR: what `make bench` runs. Builds bench/bench.c against
# BUILD_DIR/libwinnow.a, times every stage in-process over the development page
# sets, then runs the winnow tool over each set and scores it with
# ../shared/bench/score.py. Set BENCH_REPEATS (default 5) for more repeats.
set -u
B=${1:-build/release}
CC=${CC:-cc}
DATA=../shared/data/extraction
LIBS="-lisal -lz -lbrotlidec -lzstd -lpthread -lm"

$CC -O2 -std=c11 -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
    -Iinclude -Isrc -o "$B/bench" bench/bench.c "$B/libwinnow.a" $LIBS || exit 1

if [ ! -d "$DATA" ]; then
    echo "no development pages at $DATA: bench skipped"
    exit 0
fi

echo "== in-process stages ($(date -u +%Y-%m-%dT%H:%MZ), $(uname -m))"
nice "$B/bench" -n "${BENCH_REPEATS:-5}" || exit 1

echo "== memory ($(date -u +%Y-%m-%dT%H:%MZ))"
nice "$B/bench" --memory || exit 1

# Whole-tool runs: wall time minus an empty-input baseline, then the scores.
empty=$(mktemp) && : > "$empty"
t0=$(date +%s.%N)
"$B/winnow" "$empty" > /dev/null 2>&1
base=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
rm -f "$empty"
status=0
for ds in "$DATA"/*/; do
    ds=${ds%/}
    name=$(basename "$ds")
    [ -f "$ds/truth.jsonl" ] || continue
    out="$B/bench-out/$name"
    rm -rf "$out" && mkdir -p "$out"
    t0=$(date +%s.%N)
    nice "$B/winnow" -o "$out" -f txt,json "$ds/pages" 2> "$B/bench-out/$name.stderr"
    rc=$?
    secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" -v c="$base" 'BEGIN { printf "%.2f", b - a - c }')
    pages=$(ls "$ds/pages" | wc -l)
    echo "== winnow over $name: $pages pages in ${secs}s (exit $rc; empty-input baseline ${base}s subtracted)"
    python3 ../shared/bench/score.py "$ds" "$out" || status=1
    # Datasets labelled with page types (wcxb-dev): WCXB's metric per type and
    # the classifier's accuracy with its confusion matrix.
    if grep -q '"type"' "$ds/truth.jsonl" 2>/dev/null; then
        if [ -f ../shared/bench/wcxb_metric.py ]; then
            /usr/bin/python3 ../shared/bench/wcxb_metric.py "$ds" "$out" || status=1
        fi
        /usr/bin/python3 bench/pagetype_eval.py "$ds" "$out" || status=1
    fi
done

# The same per type for unseen sites: each wcxb-dev page under the type a
# model trained without its site gives it (bench/pagetype_heldout.sh, ~30 s).
if [ -d "$DATA/wcxb-dev" ]; then
    echo "== page types held out (grouped cross-validation, end to end)"
    sh bench/pagetype_heldout.sh "$B" || status=1
fi
# And what typing costs on unseen sets that are nearly all articles
# (bench/pagetype_articles.sh: classified against every page forced article).
if [ -d "$DATA/trafilatura" ]; then
    echo "== page types on the article sets (classified vs all as article)"
    sh bench/pagetype_articles.sh "$B" || status=1
fi

# ---- WARC / batch section: owned by the WARC engineer (bench/warc.sh). ----
if [ -f bench/warc.sh ]; then
    echo "== WARC batch"
    sh bench/warc.sh "$B" || status=1
fi
exit $status
