#!/bin/sh
# setup.sh SOURCE PREFIX: the browser test's set-up. Installs Debian's
# chromium when it is missing (as tools/setup --test does), and puppeteer-core
# (pinned by SOURCE's package-lock.json, from the npm registry) with `npm ci`
# into PREFIX, a folder of the build tree: node_modules is never in the
# sources. When PREFIX already holds what this lock file pins, nothing is
# fetched (offline-safe).
set -eu
src=$1
prefix=$2

if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1 && sudo="sudo -n"
    echo "browser setup: installing chromium"
    # Not fatal: without chromium the browser test says why and is skipped.
    if ! { DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
        chromium >/dev/null; }; then
        echo "browser setup: warning: chromium could not be installed (run tools/setup --test)" >&2
    fi
fi

for tool in node npm; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "browser setup: $tool is missing: run tools/setup --test" >&2
        exit 1
    fi
done
mkdir -p "$prefix"
stamp="$prefix/node_modules/.scaleup-lock"
if [ -f "$stamp" ] && cmp -s "$stamp" "$src/package-lock.json"; then
    echo "browser setup: puppeteer-core already in $prefix"
    exit 0
fi
cp "$src/package.json" "$src/package-lock.json" "$prefix/"
# The browser is Debian's chromium: puppeteer-core downloads none.
(cd "$prefix" && npm ci --no-audit --no-fund --loglevel=error)
cp "$src/package-lock.json" "$stamp"
echo "browser setup: installed puppeteer-core in $prefix"
