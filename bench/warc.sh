#!/bin/sh
# warc.sh [BUILD_DIR] [-j LIST] [--files N] [--plain] [--big]: WARC part of `make bench`.
# Packs every development page (../shared/data/extraction/*/pages) into one
# gzip-per-record WARC with `winnow warc-pack`, then times `winnow warc` at each
# -j in LIST (default "1 2"; e.g. -j "1 2 4 8 16" for a scaling curve) against
# `winnow extract` on the same pages, with peak RSS. --plain times the same WARC
# uncompressed (no gunzip in the reader thread). --files N packs the pages into N
# WARCs instead of one, for runs with several readers (they read files at once).
# --big also builds a >= 1 GB WARC from copies of the pages to show peak memory
# does not grow with file size.
set -u
B=build/release
JLIST="1 2"
BIG=0
PLAIN=0
FILES=1
REPEATS=${BENCH_REPEATS:-3}
while [ $# -gt 0 ]; do
    case $1 in
    -j) JLIST=${2:?-j needs a list}; shift 2 ;;
    --big) BIG=1; shift ;;
    --plain) PLAIN=1; shift ;;
    --files) FILES=${2:?--files needs a count}; shift 2 ;;
    -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) B=$1; shift ;;
    esac
done
TOOL=$B/winnow
DATA=../shared/data/extraction
[ -x "$TOOL" ] || { echo "warc.sh: no $TOOL (make BUILD=release all)"; exit 1; }
if [ ! -d "$DATA" ]; then
    echo "warc.sh: no development pages at $DATA: skipped"
    exit 0
fi
dirs=$(ls -d "$DATA"/*/pages)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/winnow-warc-bench.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT INT TERM

# measure CMD...: run CMD; $TMP/rusage gets "CPU-SECONDS PEAK-RSS-KiB" of the child
# (user + system time: on a shared machine CPU time is steadier than wall time).
# GNU time when present, else Python's getrusage.
if [ -x /usr/bin/time ] && /usr/bin/time -f %M -o "$TMP/probe" true 2>/dev/null; then
    measure() { /usr/bin/time -f "%U %S %M" -o "$TMP/ru" "$@"; rc=$?
        awk '{ printf "%.2f %d\n", $1 + $2, $3 }' "$TMP/ru" >"$TMP/rusage"; return $rc; }
else
    measure() {
        python3 -c 'import resource, subprocess, sys
rc = subprocess.call(sys.argv[2:])
r = resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1], "w").write("%.2f %d\n" % (r.ru_utime + r.ru_stime, r.ru_maxrss))
sys.exit(rc)' "$TMP/rusage" "$@"
    }
fi
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"$1\", ($2) }"; }
stat_field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p" "$2"; }

# ---- the corpus ---------------------------------------------------------------
pages=$(find $dirs -type f | wc -l | tr -d ' ')
# HTML bytes as extracted: the .gz pages count decompressed.
html=$( (find $dirs -type f ! -name '*.gz' -exec cat {} +
         find $dirs -type f -name '*.gz' -exec gzip -dc {} +) | wc -c | tr -d ' ')
# shellcheck disable=SC2086
if ! "$TOOL" warc-pack -o "$TMP/dev.warc.gz" $dirs >"$TMP/pack.out" 2>&1; then
    echo "warc.sh: warc-pack failed: $(head -c 300 "$TMP/pack.out")"
    exit 1
fi
warc=$(wc -c <"$TMP/dev.warc.gz" | tr -d ' ')
# INPUTS: the timed files (paths under TMP, no spaces).
INPUTS=$TMP/dev.warc.gz
if [ "$FILES" -gt 1 ]; then
    # shellcheck disable=SC2086
    find $dirs -type f | sort >"$TMP/pages.list"
    split -n "l/$FILES" -d "$TMP/pages.list" "$TMP/pages.part."
    INPUTS=
    for part in "$TMP"/pages.part.*; do
        # shellcheck disable=SC2046
        "$TOOL" warc-pack -o "$part.warc.gz" $(cat "$part") >/dev/null 2>&1 || exit 1
        INPUTS="$INPUTS $part.warc.gz"
    done
fi
if [ "$PLAIN" = 1 ]; then
    plain=
    for f in $INPUTS; do
        gzip -dc "$f" >"${f%.gz}"
        plain="$plain ${f%.gz}"
    done
    INPUTS=$plain
fi
cpus=$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo "?")
echo "== WARC batch ($(date -u +%Y-%m-%dT%H:%MZ), $(uname -m), $cpus CPUs online, best of $REPEATS)"
echo "corpus: $pages pages, $(calc %.1f "$html / 1e6") MB HTML; packed: $(calc %.1f "$warc / 1e6") MB gzip-per-record WARC"
# shellcheck disable=SC2086
fbytes=$(cat $INPUTS | wc -c | tr -d ' ')
echo "timing $(echo $INPUTS | wc -w | tr -d ' ') $( [ "$PLAIN" = 1 ] && echo uncompressed || echo gzip-per-record) WARC file(s), $(calc %.1f "$fbytes / 1e6") MB"

# ---- timed runs ----------------------------------------------------------------
# The repeats are interleaved (extract, -j A, -j B, extract, ...) so that every
# variant gets the same chances at the quiet moments of a shared machine; each
# keeps its best wall time and its lowest CPU time.
keep_min() { eval "cur=\${$1:-}"; if [ -z "$cur" ] || [ "$(calc %d "$2 < $cur")" = 1 ]; then eval "$1=$2"; fi; }
keep_max() { eval "cur=\${$1:-0}"; if [ "$(calc %d "$2 > $cur")" = 1 ]; then eval "$1=$2"; fi; }

# one_extract: the same pages through `winnow extract`, one thread; sets t c
one_extract() {
    t0=$(now)
    # shellcheck disable=SC2086
    measure nice "$TOOL" extract -f json $dirs >/dev/null 2>&1
    t=$(calc %.3f "$(now) - $t0")
    c=$(cut -d' ' -f1 "$TMP/rusage")
}

# one_warc J FILE...: one `winnow warc` run; sets el (from --stats) c rss recs
# failed hbytes readers. Returns 1 when the tool failed (exit status above 1).
one_warc() {
    jj=$1
    shift
    measure nice "$TOOL" warc -q -j "$jj" --stats "$TMP/st.json" "$@" >/dev/null 2>"$TMP/err"
    rc=$?
    if [ $rc -gt 1 ]; then
        echo "warc.sh: winnow warc -j $jj exited $rc: $(head -c 300 "$TMP/err")"
        return 1
    fi
    el=$(stat_field elapsed_s "$TMP/st.json")
    c=$(cut -d' ' -f1 "$TMP/rusage")
    rss=$(cut -d' ' -f2 "$TMP/rusage")
    recs=$(stat_field extracted "$TMP/st.json")
    failed=$(stat_field failed "$TMP/st.json")
    hbytes=$(stat_field html_bytes "$TMP/st.json")
    readers=$(stat_field readers "$TMP/st.json")
}

status=0
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
for r in $(seq "$REPEATS"); do
    one_extract
    keep_min best_x "$t"
    keep_min cpu_x "$c"
    for j in $JLIST; do
        # shellcheck disable=SC2086
        one_warc "$j" $INPUTS || { status=1; continue; }
        eval "r_j$j=$readers"
        keep_min "t_j$j" "$el"
        keep_min "c_j$j" "$c"
        keep_max "rss_j$j" "$rss"
    done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
[ -n "${best_x:-}" ] || exit 1
echo "extract alone (winnow extract -f json, 1 thread): ${best_x} s wall, ${cpu_x} s CPU, $(calc %.0f "$pages / $best_x") pages/s"
# speedup: wall time against the first -j of the list; vs extract: against
# extract alone; CPU: user + system seconds of the whole process; rd: readers.
printf '%-4s %3s %8s %8s %10s %10s %10s %8s %10s %9s\n' "-j" "rd" "wall s" "CPU s" "records/s" "MB/s HTML" "MB/s WARC" "speedup" "vs extract" "peak RSS"
t1=
for j in $JLIST; do
    eval "best=\${t_j$j:-} cpu=\${c_j$j:-} rss_max=\${rss_j$j:-0} rd=\${r_j$j:-1}"
    [ -n "$best" ] || continue
    [ -n "$t1" ] || t1=$best
    printf '%-4s %3s %8s %8s %10s %10s %10s %7sx %9sx %6s MB\n' "$j" "$rd" "$best" "$cpu" \
        "$(calc %.0f "$recs / $best")" "$(calc %.1f "$hbytes / 1e6 / $best")" \
        "$(calc %.1f "$fbytes / 1e6 / $best")" "$(calc %.2f "$t1 / $best")" \
        "$(calc %.2f "$best_x / $best")" "$(calc %.1f "$rss_max / 1024")"
done
echo "records: $recs extracted, $failed failed per run"
if [ -n "${t_j1:-}" ]; then
    echo "goal: -j 1 within 10% of extract alone: wall $(calc %+.1f "($t_j1 / $best_x - 1) * 100")%, CPU $(calc %+.1f "($c_j1 / $cpu_x - 1) * 100")% ($( [ "$(calc %d "$t_j1 <= $best_x * 1.10")" = 1 ] && echo met || echo missed) on wall time)"
fi
if [ -n "${t_j1:-}" ] && [ -n "${t_j2:-}" ]; then
    echo "goal: -j 2 >= 1.8x -j 1: $(calc %.2f "$t_j1 / $t_j2")x wall ($( [ "$(calc %d "$t_j1 / $t_j2 >= 1.8")" = 1 ] && echo met || echo missed)); CPU -j 2 / -j 1 = $(calc %.2f "$c_j2 / $c_j1") (1.00 = no parallel overhead)"
fi

# ---- --big: memory must not follow the file size -----------------------------
if [ "$BIG" = 1 ]; then
    jmax=$(for j in $JLIST; do echo "$j"; done | sort -n | tail -n 1)
    gzip -dc "$TMP/dev.warc.gz" >"$TMP/dev.warc"
    one=$(wc -c <"$TMP/dev.warc" | tr -d ' ')
    copies=$(( (1073741824 + one - 1) / one ))
    : >"$TMP/big.warc"
    i=0
    while [ $i -lt $copies ]; do
        cat "$TMP/dev.warc" >>"$TMP/big.warc"
        i=$((i + 1))
    done
    bigsz=$(wc -c <"$TMP/big.warc" | tr -d ' ')
    one_warc "$jmax" "$TMP/dev.warc" || status=1
    small_rss=$rss small_t=$el
    one_warc "$jmax" "$TMP/big.warc" || status=1
    echo "big: -j $jmax, plain WARC of $(calc %.1f "$one / 1e6") MB: peak RSS $(calc %.1f "$small_rss / 1024") MB in $small_t s"
    echo "big: -j $jmax, plain WARC of $(calc %.1f "$bigsz / 1e6") MB ($copies copies): peak RSS $(calc %.1f "$rss / 1024") MB in $el s, $(calc %.0f "$recs / $el") records/s, $(calc %.1f "$bigsz / 1e6 / $el") MB/s"
    rm -f "$TMP/big.warc" "$TMP/dev.warc"
fi
exit $status
