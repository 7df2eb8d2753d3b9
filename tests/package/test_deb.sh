#!/bin/sh
# test_deb: `cpack -G DEB` makes a package that lintian passes without an
# error or a warning, whose dependencies are Debian's library packages, and
# that works installed in a throw-away root (dpkg --instdir/--admindir) run
# from another folder with the source and build trees out of reach (hidden
# under an empty tmpfs in a private mount namespace): play --text to an
# ending, lint, report.
#
#   test_deb.sh BUILD_DIR SOURCE_DIR
set -eu
build=$(cd "$1" && pwd -P)
src=$(cd "$2" && pwd -P)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_deb: FAILED: $*" >&2; exit 1; }
passed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
if [ "$(id -u)" -ne 0 ] || ! unshare --mount true 2>/dev/null; then
    echo "test_deb: skipped: hiding the build tree needs root and mount namespaces"
    exit 77
fi

cpack -G DEB -B "$tmp/cpack" --config "$build/CPackConfig.cmake" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log"; fail "cpack -G DEB"; }
deb=$(ls "$tmp"/cpack/scaleup_*_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
# The modules' libraries too (dpkg-shlibdeps reads every ELF file).
for lib in libc6 liblua5.4-0 libcjson1 libsdl2-2.0-0 libsdl2-ttf-2.0-0 libsdl2-image-2.0-0 \
    libfontconfig1 fonts-dejavu-core; do
    echo "$depends" | grep -q "\\b$lib\\b" || fail "the package does not depend on $lib: $depends"
done
if dpkg-deb -c "$deb" | grep -q '/scaleup/host\.so$'; then
    echo "$depends" | grep -q '\blibmicrohttpd[0-9]' || fail "the package does not depend on libmicrohttpd: $depends"
fi
ok "cpack -G DEB, depends on Debian's library packages"

# lintian: no error, no warning (informational tags are advice).
lintian --tag-display-limit 0 "$deb" >"$tmp/lintian.log" 2>&1 || true
if grep -E '^(E|W): ' "$tmp/lintian.log"; then
    fail "lintian found errors or warnings"
fi
ok "lintian"

# Installed in a throw-away root.
root=$tmp/root
mkdir -p "$root/var/lib/dpkg/info" "$root/var/lib/dpkg/updates"
: >"$root/var/lib/dpkg/status"
dpkg --instdir="$root" --admindir="$root/var/lib/dpkg" --force-depends --force-not-root \
    -i "$deb" >"$tmp/dpkg.log" 2>&1 || { cat "$tmp/dpkg.log"; fail "dpkg -i"; }
[ -x "$root/usr/bin/scaleup" ] || fail "no /usr/bin/scaleup in the package"
[ -f "$root/usr/share/applications/org.scaleup.ScaleUp.desktop" ] || fail "no desktop entry"
ok "dpkg --instdir"

# Run from another folder, with the source and build trees hidden, in a
# home of its own.
mkdir -p "$tmp/elsewhere" "$tmp/home"
cat >"$tmp/run.sh" <<'SCRIPT'
set -eu
for d in "$BUILD" "$SRC"; do mount -t tmpfs none "$d"; done
[ -z "$(ls -A "$SRC")" ] || { echo "the source tree is still visible"; exit 1; }
cd "$TMP/elsewhere"
exe="$ROOT/usr/bin/scaleup"
"$exe" play tutorial --text --role po --seed 1 --choices 2,3,1,1,3,2,3,2,1 \
    --player Ana --results "$TMP/results" >"$TMP/play.txt"
"$exe" lint --no-tells tutorial >"$TMP/lint.txt" 2>&1
"$exe" report "$TMP/results" >"$TMP/report.txt"
"$exe" --version
# The window's module, from /usr/lib/<triplet>/scaleup: no display here.
code=0
SDL_VIDEODRIVER=none-such "$exe" play tutorial --role po --seed 1 2>"$TMP/window.txt" || code=$?
echo "window: $code"
# k on the installed, read-only scenario: a copy in the user's data folder.
code=0
printf '1\nk\nq\n' | "$exe" play tutorial --text --role po --seed 1 --player Ana >"$TMP/keep.txt" || code=$?
echo "quit: $code"
SCRIPT
env -i PATH=/usr/bin:/bin HOME="$tmp/home" SRC="$src" BUILD="$build" TMP="$tmp" ROOT="$root" \
    unshare --mount sh "$tmp/run.sh" >"$tmp/run.log" 2>&1 || { cat "$tmp/run.log"; fail "the installed scaleup"; }
grep -q '^Verdict: success' "$tmp/play.txt" || fail "play did not reach an ending: $(tail -5 "$tmp/play.txt")"
# The tells (content advice) are test_lint's to check; here: lint runs installed.
[ "$(cat "$tmp/lint.txt")" = "0 errors, 0 warnings in 1 scenario" ] || fail "lint: $(cat "$tmp/lint.txt")"
grep -q 'Ana' "$tmp/report.txt" || fail "report: $(cat "$tmp/report.txt")"
grep -qx 'scaleup [0-9.]*' "$tmp/run.log" || fail "--version: $(cat "$tmp/run.log")"
grep -qx 'window: 1' "$tmp/run.log" && grep -q 'play in the terminal with --text' "$tmp/window.txt" ||
    fail "the installed window module: $(grep window: "$tmp/run.log") $(cat "$tmp/window.txt")"
ok "the installed scaleup plays, lints and reports with the build tree out of reach"

copy=$tmp/home/.local/share/scaleup/scenarios/tutorial
# k appends the run after the installed tests.lua's last line.
kept_line=$(( $(wc -l <"$root/usr/share/scaleup/scenarios/tutorial/tests.lua") + 1 ))
grep -q "^Kept as a playthrough test: $copy/tests.lua:$kept_line, in your copy of the installed scenario" \
    "$tmp/keep.txt" || fail "k: $(grep -i kept "$tmp/keep.txt")"
grep -q '"Ana, 1 choice, to first_customer (unfinished)"' "$copy/tests.lua" || fail "k: no playthrough in the copy"
grep -q 'Ana' "$root/usr/share/scaleup/scenarios/tutorial/tests.lua" && fail "k wrote into the installed scenario"
grep -qx 'quit: 3' "$tmp/run.log" || fail "quitting before an ending: $(grep quit: "$tmp/run.log")"
ok "k on the installed scenario keeps the playthrough in a copy; quitting exits 3"
echo "$passed passed, 0 failed"
