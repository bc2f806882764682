#!/bin/sh
# pagetype_heldout.sh [BUILD_DIR]: the page-type work's honest end-to-end
# figure. In-sample wcxb-dev numbers use a model trained on those very pages;
# this gives every page the type a model trained without its site picks
# (tools/train_pagetype.py cv, 5 folds grouped by site), extracts each page
# forced to that type (--page-type), and scores the result with WCXB's metric.
# Needs ../shared (wcxb-dev and its scorer) and numpy; says so when absent.
set -eu
B=${1:-build/release}
DS=../shared/data/extraction/wcxb-dev
METRIC=../shared/bench/wcxb_metric.py
PY=${PYTHON:-/usr/bin/python3}
if [ ! -f "$DS/truth.jsonl" ] || [ ! -f "$METRIC" ]; then
    echo "pagetype_heldout: $DS or $METRIC not found (../shared is absent): skipped"
    exit 0
fi
[ -x "$B/winnow" ] || { echo "pagetype_heldout: build $B/winnow first (make all)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$PY" tools/train_pagetype.py cv --winnow "$B/winnow" --types-out "$work/types" "$DS" |
    grep '^model (grouped'
# One run per held-out type over that type's pages.
mkdir "$work/out"
for t in $(cut -d' ' -f2 "$work/types" | sort -u); do
    awk -v t="$t" -v d="$DS/pages" '$2 == t { print d "/" $1 ".html.gz" }' "$work/types" |
        xargs "$B/winnow" -o "$work/out" -f txt --page-type "$t" 2>>"$work/log"
done
echo "wcxb-dev, each page extracted under its held-out type:"
"$PY" "$METRIC" "$DS" "$work/out"
