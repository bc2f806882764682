#!/bin/sh
# readme_example.sh OUT CC CFLAGS LDFLAGS LDLIBS SONAME: the library as a user
# meets it. Takes the C program under "## Using the library" in README.md (the
# first ```c block there), compiles it against include/winnow.h, links it
# statically (OUT/libwinnow.a) and dynamically (OUT/libwinnow.so, which must
# carry SONAME), and runs both on a page with a title and on a page without
# one. Prints "lib: N passed, M failed"; exits non-zero on failure.
set -u
OUT=${1:?usage: readme_example.sh OUT CC CFLAGS LDFLAGS LDLIBS SONAME}
CC=$2 CFLAGS=$3 LDFLAGS=$4 LDLIBS=$5 SONAME=$6
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/libtest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT INT TERM
pass=0
fail=0
ok()  { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

awk '/^## Using the library/ { on = 1; next }
     on && /^## / { exit }
     on && !code && /^```c$/ { code = 1; next }
     code && /^```$/ { exit }
     code { print }' "$ROOT/README.md" >"$TMP/example.c"
if grep -q 'int main' "$TMP/example.c"; then ok; else bad "no C program under '## Using the library' in README.md"; fi

# shellcheck disable=SC2086  # flag lists are words on purpose
if $CC $CFLAGS -o "$TMP/static" "$TMP/example.c" "$ROOT/$OUT/libwinnow.a" $LDFLAGS $LDLIBS 2>"$TMP/err"; then
    ok
else
    bad "the README example does not compile: $(head -c 600 "$TMP/err")"
fi
# shellcheck disable=SC2086
if $CC $CFLAGS -o "$TMP/shared" "$TMP/example.c" -L"$ROOT/$OUT" -lwinnow $LDFLAGS 2>"$TMP/err"; then
    ok
else
    bad "the README example does not link against libwinnow.so: $(head -c 600 "$TMP/err")"
fi

# The shared library names its major version, and programs record that name.
if readelf -d "$ROOT/$OUT/libwinnow.so" 2>/dev/null | grep -q "SONAME.*\[$SONAME\]"; then ok; else
    bad "libwinnow.so has no SONAME $SONAME"; fi
if readelf -d "$TMP/shared" 2>/dev/null | grep -q "NEEDED.*\[$SONAME\]"; then ok; else
    bad "a program linked with -lwinnow does not need $SONAME"; fi

cat >"$TMP/untitled.html" <<'HTML'
<html><body><article>
<p>No title element, no heading and no metadata: the example must still run and say so.</p>
<p>It reads a <a href="/next">second paragraph</a>, which it prints as Markdown with its link.</p>
</article></body></html>
HTML
for kind in static shared; do
    [ -x "$TMP/$kind" ] || continue
    if LD_LIBRARY_PATH="$ROOT/$OUT" "$TMP/$kind" "$TMP/untitled.html" >"$TMP/out" 2>"$TMP/err"; then ok; else
        bad "$kind example on a page without a title exited $?: $(head -c 300 "$TMP/err")"; fi
    if head -n 1 "$TMP/out" | grep -qx '# (no title)'; then ok; else bad "$kind: no '(no title)' line"; fi
    if grep -q '\[second paragraph\](https://example.org/next)' "$TMP/out"; then ok; else
        bad "$kind: the link is not in the Markdown: $(head -c 300 "$TMP/out")"; fi
    if LD_LIBRARY_PATH="$ROOT/$OUT" "$TMP/$kind" "$ROOT/examples/news-article.html" >"$TMP/out" 2>&1 &&
        head -n 1 "$TMP/out" | grep -qx '# Night trains return to the Alps'; then ok; else
        bad "$kind: the bundled page's title is not printed: $(head -c 300 "$TMP/out")"; fi
    if LD_LIBRARY_PATH="$ROOT/$OUT" "$TMP/$kind" "$TMP/missing.html" >/dev/null 2>&1; then
        bad "$kind: a missing file exits 0"; else ok; fi
done

echo "lib: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
