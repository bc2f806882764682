#!/bin/sh
# pagetype_articles.sh [BUILD_DIR]: what the page-type classifier costs on
# sets of unseen pages that are nearly all articles (readability and
# trafilatura: no type labels, other sites than wcxb-dev). Every page that is
# typed anything but article goes down another path; this counts those pages
# by type and scores the set twice, as classified and with every page forced
# to article (--page-type article). A gap means that typing unseen articles
# as listings, services or docs costs more than it gains.
# Needs ../shared (the sets and score.py); says so when absent.
set -eu
B=${1:-build/release}
DATA=../shared/data/extraction
SCORE=../shared/bench/score.py
PY=${PYTHON:-/usr/bin/python3}
if [ ! -f "$SCORE" ]; then
    echo "pagetype_articles: $SCORE not found (../shared is absent): skipped"
    exit 0
fi
[ -x "$B/winnow" ] || { echo "pagetype_articles: build $B/winnow first (make all)" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for name in readability trafilatura; do
    ds=$DATA/$name
    [ -f "$ds/truth.jsonl" ] || { echo "pagetype_articles: $ds not found: skipped"; continue; }
    mkdir -p "$work/$name-typed" "$work/$name-article"
    "$B/winnow" -o "$work/$name-typed" -f txt,json "$ds/pages" 2>>"$work/log"
    "$B/winnow" -o "$work/$name-article" -f txt,json --page-type article "$ds/pages" 2>>"$work/log"
    types=$("$PY" -c '
import collections, glob, json, sys
n = collections.Counter()
for p in glob.glob(sys.argv[1] + "/*.json"):
    with open(p, encoding="utf-8") as f:
        n[json.load(f).get("page_type", "?")] += 1
print(" ".join("%s %d" % kv for kv in sorted(n.items(), key=lambda kv: -kv[1])))
' "$work/$name-typed")
    echo "$name: page types $types"
    printf '  classified:     '
    "$PY" "$SCORE" "$ds" "$work/$name-typed" | head -1 | cut -d'|' -f1-2
    printf '  all as article: '
    "$PY" "$SCORE" "$ds" "$work/$name-article" | head -1 | cut -d'|' -f1-2
done
