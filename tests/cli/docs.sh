#!/bin/sh
# docs.sh TOOL: the documents agree with the tool. For each command, the options
# `winnow COMMAND --help` lists are exactly those docs/winnow.1 lists under that
# command's OPTIONS section, and every --option that README.md or docs/*.md
# mentions is an option of the tool (or of another program, listed in FOREIGN).
# Prints "docs: N passed, M failed"; exits non-zero on failure.
set -u
TOOL=${1:?usage: docs.sh PATH/TO/winnow}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MAN=$ROOT/docs/winnow.1
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pass=0
fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# Options of other programs that the documents name alone in backticks (Slurm,
# GNU parallel, Dask, the repository's scripts, pip and venv); any other must be winnow's.
FOREIGN="--array --cpus-per-task --mem --time --job-name --joblog --retry-failed --nthreads --fuzz --big"
FOREIGN="$FOREIGN --no-build-isolation --system-site-packages"

# The --options a Markdown document gives winnow: those on a winnow command line
# (up to a pipe, ;, &&, a comment or the closing backtick) and those named alone
# in backticks (`--readers N`). Other programs' command lines are left alone.
doc_options() {
    awk '{
        rest = $0
        while (match(rest, /`-[^`]*`/)) {
            print substr(rest, RSTART + 1, RLENGTH - 2)
            rest = substr(rest, RSTART + RLENGTH)
        }
        rest = $0
        while (match(rest, /(^|[^a-z_.\/-])winnow +[a-z-]/)) {
            seg = substr(rest, RSTART)
            sub(/^[^w]*/, "", seg)
            rest = substr(rest, RSTART + RLENGTH)
            if (match(seg, /[|;`#]|&&/))
                seg = substr(seg, 1, RSTART - 1)
            print seg
        }
    }' "$1" | grep -oE -- '(^|[ =(,"])--[a-z][a-z0-9-]*' | sed 's/^[^-]*//' | sort -u
}

# The options of a help text: the first column of its "  -x, --name ARG  text" lines.
help_options() {
    grep -E '^ +-' | cut -c1-27 | grep -oE '(^|[ ,])--?[a-z][a-z0-9-]*' | tr -d ' ,' | sort -u
}

# The options under one ".SH NAME OPTIONS" of the man page: the lines after .TP.
man_options() {
    awk -v sec=".SH $1 OPTIONS" '
        /^\.SH/ { inside = ($0 == sec) }
        inside && tp { print; tp = 0; next }
        inside && /^\.TP/ { tp = 1 }' "$MAN" |
        sed 's/\\-/-/g; s/\\f[BIR]//g; s/^\.[BIR]*  *//' |
        grep -oE '(^|[ ,"])--?[a-z][a-z0-9-]*' | tr -d ' ,"' | sort -u
}

for cmd in extract parse warc warc-pack; do
    sec=$(echo "$cmd" | tr 'a-z' 'A-Z')
    "$TOOL" "$cmd" --help | help_options >"$TMP/help.$cmd"
    man_options "$sec" >"$TMP/man.$cmd"
    if [ ! -s "$TMP/help.$cmd" ]; then bad "winnow $cmd --help lists no options"; continue; fi
    if cmp -s "$TMP/help.$cmd" "$TMP/man.$cmd"; then
        ok
    else
        bad "winnow $cmd --help and docs/winnow.1 ($sec OPTIONS) differ (< help only, > man page only):
$(diff "$TMP/help.$cmd" "$TMP/man.$cmd" | grep '^[<>]')"
    fi
done

# `winnow --help` shows the extract options too.
"$TOOL" --help | help_options >"$TMP/help.top"
if cmp -s "$TMP/help.top" "$TMP/help.extract"; then ok; else bad "winnow --help does not list the extract options"; fi

# Every option the Markdown documents name exists.
cat "$TMP"/help.* | sort -u >"$TMP/known"
for f in "$ROOT/README.md" "$ROOT"/docs/*.md; do
    for o in $(doc_options "$f"); do
        case " $FOREIGN " in *" $o "*) continue ;; esac
        if grep -qx -- "$o" "$TMP/known"; then ok; else bad "$(basename "$f") names $o, which no winnow command has"; fi
    done
done

echo "docs: $pass passed, $fail failed"
[ "$fail" = 0 ]
