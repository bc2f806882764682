#!/bin/sh
# install-deps.sh: install the Debian packages winnow needs to build and test,
# if any are missing. Safe to run repeatedly; uses sudo when not root.
#   tools/install-deps.sh          build + test dependencies
#   tools/install-deps.sh --fuzz   also clang and its sanitizer/fuzzer runtime
set -eu

PKGS="gcc make libc6-dev zlib1g-dev libisal-dev libbrotli-dev libzstd-dev python3 time
      python3-dev python3-pytest python3-dask python3-distributed python3-setuptools
      python3-pip python3-venv python3-numpy"
if [ "${1:-}" = "--fuzz" ]; then
    PKGS="$PKGS clang libclang-rt-14-dev"
fi

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done
[ -z "$missing" ] && exit 0

echo "install-deps: installing:$missing"
SUDO=""
if [ "$(id -u)" != 0 ]; then
    SUDO="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q || true
# shellcheck disable=SC2086
$SUDO apt-get install -y -q --no-install-recommends $missing
