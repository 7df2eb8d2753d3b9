#!/bin/sh
# test_modules: the window and the browser host are modules (engine/cli/
# module.h) that only their commands load. The executable links neither SDL
# nor libmicrohttpd; lint, play --text and --version map neither (the
# dynamic loader's own log, LD_DEBUG=files); play in the window and host load
# theirs. A module that is missing, broken or from another version gives one
# line, "scaleup: error: ..." naming the file, and exit 2; play --text
# works without any. The executable is copied into a folder of its own for
# those, so that the modules beside it are the test's.
#
#   test_modules.sh SCALEUP SOURCE_DIR RELATIVE_MODULE_DIR STALE_MODULE WINDOW HOST
#   (WINDOW, HOST: 1 when built)
set -eu
bin=$1
src=$2
rel=$3
stale=$4
window=$5
host=$6
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_modules: FAILED: $*" >&2; exit 1; }
passed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
export NO_COLOR=1 HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config" XDG_CACHE_HOME="$tmp/cache" \
    XDG_DATA_HOME="$tmp/data"
tutorial=$src/scenarios/tutorial
play_text="play $tutorial --text --role po --seed 1 --player Ana --choices 2,3,1,1,3,2,3,2,1"
heavy='SDL|microhttpd|gnutls|qrencode|fontconfig|freetype|window\.so|host\.so'

needed=$(readelf -d "$bin" | grep NEEDED) || fail "readelf -d $bin"
echo "$needed" | grep -Ei "$heavy" && fail "the executable links a front-end's libraries"
ok "the executable links no SDL, libmicrohttpd, GnuTLS or fontconfig"

# LD_DEBUG=files logs every object the loader maps, at start and by dlopen.
loaded() { # loaded LOG: the objects' names the loader mapped
    grep -o 'file=[^ ;]*' "$1" | sed 's/file=//' | sort -u
}
for cmd in "--version" "lint --no-tells $tutorial" "$play_text" "map $tutorial"; do
    # shellcheck disable=SC2086
    LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld" "$bin" $cmd >/dev/null 2>&1 || fail "scaleup $cmd"
    if cat "$tmp"/ld.* | loaded /dev/stdin | grep -Ei "$heavy"; then
        fail "scaleup $cmd loads a front-end's libraries"
    fi
    rm -f "$tmp"/ld.*
done
ok "--version, lint, play --text and map load neither module"

if [ "$window" = 1 ]; then
    # No display: the window's own message, so the module was loaded.
    code=0
    SDL_VIDEODRIVER=none-such LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld" \
        "$bin" play "$tutorial" --role po --seed 1 >/dev/null 2>"$tmp/err" || code=$?
    [ "$code" = 1 ] || fail "play without a display exits $code: $(cat "$tmp/err")"
    grep -q 'play in the terminal with --text' "$tmp/err" || fail "play without a display: $(cat "$tmp/err")"
    cat "$tmp"/ld.* | loaded /dev/stdin | grep -q '/window\.so$' || fail "play did not load window.so"
    cat "$tmp"/ld.* | loaded /dev/stdin | grep -q 'libSDL2' || fail "play did not load SDL"
    rm -f "$tmp"/ld.*
    ok "play in the window loads window.so and SDL"
fi
if [ "$host" = 1 ]; then
    code=0
    LD_DEBUG=files LD_DEBUG_OUTPUT="$tmp/ld" \
        "$bin" host "$tutorial" --results "$tmp/r" --bind none-such >/dev/null 2>"$tmp/err" || code=$?
    [ "$code" = 1 ] || fail "host --bind none-such exits $code: $(cat "$tmp/err")"
    grep -q -- '--bind takes an IPv4 address' "$tmp/err" || fail "host --bind: $(cat "$tmp/err")"
    cat "$tmp"/ld.* | loaded /dev/stdin | grep -q '/host\.so$' || fail "host did not load host.so"
    cat "$tmp"/ld.* | loaded /dev/stdin | grep -q 'libmicrohttpd' || fail "host did not load libmicrohttpd"
    rm -f "$tmp"/ld.*
    ok "host loads host.so and libmicrohttpd"
fi

# The executable alone in a folder: no module where it looks.
mkdir -p "$tmp/prefix/bin"
cp "$bin" "$tmp/prefix/bin/scaleup"
lone=$tmp/prefix/bin/scaleup
mkdir -p "$tmp/prefix/bin/$rel"
dir=$(cd "$tmp/prefix/bin/$rel" && pwd -P)
# refused WHAT FILE PATTERN: the command exits 2 with one line on stderr,
# naming the module's file, matching PATTERN.
refused() {
    code=0
    case $1 in
    window) "$lone" play "$tutorial" --role po --seed 1 >"$tmp/out" 2>"$tmp/err" || code=$? ;;
    host) "$lone" host "$tutorial" --results "$tmp/r" >"$tmp/out" 2>"$tmp/err" || code=$? ;;
    esac
    [ "$code" = 2 ] || fail "$1 with $3: exit $code, not 2: $(cat "$tmp/err")"
    [ "$(wc -l <"$tmp/err")" = 1 ] || fail "$1 with $3: not one line: $(cat "$tmp/err")"
    [ ! -s "$tmp/out" ] || fail "$1 with $3: output: $(cat "$tmp/out")"
    grep -q "^scaleup: error: .*$2" "$tmp/err" || fail "$1 with $3: the file is not named: $(cat "$tmp/err")"
    grep -Eq "$3" "$tmp/err" || fail "$1 with $3: $(cat "$tmp/err")"
}
for m in window host; do
    [ "$(eval echo \$$m)" = 1 ] || continue
    refused $m "$dir/$m.so" "cannot load .*No such file or directory"
    echo "not a module" >"$dir/$m.so"
    refused $m "$dir/$m.so" "cannot load .*(invalid ELF header|file too short)"
    cp "$stale" "$dir/$m.so"
    if [ $m = window ]; then
        refused $m "$dir/$m.so" "is from scaleup 0\\.0 \\(module ABI 0\\), not from this scaleup"
    else
        refused $m "$dir/$m.so" "cannot load .*undefined symbol: scaleup_host_module"
    fi
    rm -f "$dir/$m.so"
done
ok "a missing, broken or stale module: one line naming the file, exit 2"

code=0
# shellcheck disable=SC2086
"$lone" $play_text >"$tmp/out" 2>"$tmp/err" || code=$?
[ "$code" = 0 ] || fail "play --text without the modules exits $code: $(cat "$tmp/err")"
grep -q '^Verdict: success' "$tmp/out" || fail "play --text without the modules: $(tail -3 "$tmp/out")"
ok "play --text needs no module"
echo "$passed passed, 0 failed"
