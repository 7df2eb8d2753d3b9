#!/bin/sh
# xapi_setup.sh PREFIX: installs Learning Locker's xAPI validator
# (@learninglocker/xapi-validation, from the npm registry) into PREFIX, a
# folder of the build tree, for test_report. Nothing is committed; when the
# pinned version is already there, nothing is fetched (offline-safe).
set -eu
prefix=$1
package=@learninglocker/xapi-validation
version=3.0.0
installed="$prefix/node_modules/$package/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$version\"" "$installed"; then
    echo "xapi_setup: $package $version already in $prefix"
    exit 0
fi
for tool in node npm; do
    if ! command -v $tool >/dev/null 2>&1; then
        echo "xapi_setup: $tool is missing: run tools/setup --test" >&2
        exit 1
    fi
done
mkdir -p "$prefix"
npm install --prefix "$prefix" --no-audit --no-fund --no-save --loglevel=error "$package@$version"
test -f "$installed"
echo "xapi_setup: installed $package $version in $prefix"
