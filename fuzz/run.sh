#!/bin/sh
# run.sh SECONDS TARGET...: run each libFuzzer target (built by `make fuzz-build`
# into build/fuzz/) for SECONDS. Seeds come from fuzz/corpus/<target>/ (read
# only); new inputs go to build/fuzz/corpus-<target>/. Dictionary: fuzz/<name>.dict,
# else fuzz/html.dict for HTML-based targets. Exits non-zero if any target crashed.
# FUZZ_MAX_LEN (default 32768) caps an input; FUZZ_LEN_CONTROL (default 20, libFuzzer's
# own is 100) is how slowly inputs may grow: with the default, inputs stayed under 200
# bytes for minutes, so the tree builder never saw a real page's depth.
# FUZZ_TIMEOUT (default 10) is the wall-clock seconds one input may take; long
# runs at nice 19 on a busy machine need more (an input that runs in 0.2 s was
# reported as a 10 s timeout while compilers held both cores).
set -u
if [ $# -lt 2 ]; then
    echo "usage: sh fuzz/run.sh SECONDS TARGET..." >&2
    exit 2
fi
secs=$1
shift
status=0
# The fuzz build keeps UBSan recoverable; make any undefined behaviour a failure.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
export UBSAN_OPTIONS
for t in "$@"; do
    bin=build/fuzz/$t
    name=${t#fuzz_}
    work=build/fuzz/corpus-$t
    seeds=fuzz/corpus/$t
    if [ ! -x "$bin" ]; then
        echo "$t: $bin not built (make fuzz-build)" >&2
        status=1
        continue
    fi
    mkdir -p "$work"
    set --
    if [ -f "fuzz/$name.dict" ]; then
        set -- "-dict=fuzz/$name.dict"
    elif [ "$name" != warc ] && [ -f fuzz/html.dict ]; then
        set -- "-dict=fuzz/html.dict"
    fi
    [ -d "$seeds" ] && set -- "$@" "$work" "$seeds" || set -- "$@" "$work"
    echo "== $t: ${secs}s"
    log=build/fuzz/$t.$$.log     # per run: concurrent runs must not share a log
    # -entropic=0: with tens of thousands of features (the extraction target has
    # ~50k) the entropic schedule spends ~90 % of the time updating its feature
    # frequencies; the plain schedule runs ~8x more inputs and covers more.
    "$bin" -max_total_time="$secs" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=4096 -entropic=0 \
        -max_len="${FUZZ_MAX_LEN:-32768}" -len_control="${FUZZ_LEN_CONTROL:-20}" \
        -print_final_stats=1 -artifact_prefix="build/fuzz/$t-" "$@" > "$log" 2>&1
    rc=$?
    echo "$t: corpus $(ls "$work" | wc -l) files, $(du -sk "$work" | cut -f1) KiB in $work"
    grep -a -E '^#[0-9]+ +DONE|^stat::(number_of_executed_units|peak_rss_mb)|ERROR|SUMMARY|Test unit written|^fuzz_[a-z]+: ' "$log"
    if [ $rc -ne 0 ]; then
        echo "$t: FAILED (exit $rc), log in $log"
        status=1
    fi
done
exit $status
