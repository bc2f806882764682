#!/bin/sh
# layers.sh: the shape of src/ that the code review cannot keep by eye.
#  1. The include graph between folders has no cycle: a folder includes only
#     folders below it (src/README.md draws the layers).
#     src/extract/tuning.h, which includes nothing of the project, counts as
#     its own layer below every extract/ folder.
#  2. No file in src/extract/ is over MAX_LINES lines.
# Run from the repository root (make test does).
set -eu
MAX_LINES=${MAX_LINES:-800}
fail=0
edges=$(mktemp)
trap 'rm -f "$edges"' EXIT

# One "from to" line per include of a header in another folder.
find src -name '*.[ch]' | sort | while read -r f; do
    from=$(dirname "$f")
    sed -n 's/^[ \t]*#[ \t]*include[ \t]*"\([^"]*\)".*/\1/p' "$f" | while read -r inc; do
        [ -f "src/$inc" ] || continue          # winnow.h, or a header beside the file
        to=$(dirname "src/$inc")
        # The tuning table is a leaf of numbers below every extract/ folder:
        # its own layer, though its file sits in src/extract/.
        [ "$inc" = extract/tuning.h ] && to=src/extract/tuning.h
        [ "$from" = "$to" ] || echo "$from $to $f"
    done
done >"$edges"

if ! cut -d' ' -f1,2 "$edges" | sort -u | tsort >/dev/null 2>&1; then
    echo "layers: the folders include each other in a cycle:"
    cut -d' ' -f1,2 "$edges" | sort -u | tsort 2>&1 >/dev/null | sed 's/^/  /'
    echo "  (which files: grep the pairs above in this list)"
    sort -u "$edges" | sed 's/^/  /'
    fail=1
fi

for f in $(find src/extract -name '*.[ch]' | sort); do
    n=$(wc -l <"$f")
    case $f in *_data.h) continue ;; esac    # generated tables
    if [ "$n" -gt "$MAX_LINES" ]; then
        echo "layers: $f has $n lines (at most $MAX_LINES in src/extract/): split it by concern"
        fail=1
    fi
done

[ $fail = 0 ] && echo "layers: folder includes acyclic, src/extract files within $MAX_LINES lines"
exit $fail
