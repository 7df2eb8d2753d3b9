#!/bin/sh
# test_install: `cmake --install` into a throw-away folder puts in place what
# Debian and freedesktop expect, and each file passes its validator:
# desktop-file-validate, appstreamcli validate, groff -ww -z and man -l, the
# shells' completions (run, not just read), the icons' sizes. The man page
# and the top-level help name every option and environment variable.
#
#   test_install.sh BUILD_DIR SOURCE_DIR
set -eu
build=$1
src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_install: FAILED: $*" >&2; exit 1; }
passed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }

DESTDIR="$tmp/root" cmake --install "$build" --prefix /usr >/dev/null
root=$tmp/root/usr
bin=$root/bin/scaleup
share=$root/share

for f in bin/scaleup share/scaleup/scenarios/tutorial/main.lua share/scaleup/assets/template/main.lua \
    share/applications/org.scaleup.ScaleUp.desktop share/metainfo/org.scaleup.ScaleUp.metainfo.xml \
    share/icons/hicolor/scalable/apps/scaleup.svg share/man/man1/scaleup.1.gz \
    share/man/man5/scaleup-scenario.5.gz share/bash-completion/completions/scaleup \
    share/zsh/vendor-completions/_scaleup share/fish/vendor_completions.d/scaleup.fish \
    share/doc/scaleup/README.md share/doc/scaleup/copyright share/doc/scaleup/changelog.gz \
    share/doc/scaleup/authoring.md share/doc/scaleup/workshop.md; do
    [ -f "$root/$f" ] || fail "cmake --install did not install /usr/$f"
done
ok "installed files in place"

# The front-end modules, in the library folder's scaleup/ (Debian's multiarch
# one under /usr), not executable (lintian), and loaded from there: the
# window says there is no display, the host that the address is wrong.
modules=$(sed -n 's/^SCALEUP_INSTALL_MODULE_DIR:STRING=//p' "$build/CMakeCache.txt")
case $modules in
lib/*/scaleup | lib/scaleup | lib64/scaleup) ;;
*) fail "the modules' folder is $modules, not the library folder's scaleup/" ;;
esac
wanted=""
grep -q '^SCALEUP_WINDOW:BOOL=ON' "$build/CMakeCache.txt" && wanted="window"
"$bin" help host >/dev/null 2>&1 && wanted="$wanted host"
for m in $wanted; do
    f=$tmp/root/usr/$modules/$m.so
    [ -f "$f" ] || fail "cmake --install did not install /usr/$modules/$m.so"
    [ ! -x "$f" ] || fail "/usr/$modules/$m.so is executable"
    code=0
    case $m in
    window) SDL_VIDEODRIVER=none-such "$bin" play tutorial --role po --seed 1 >/dev/null 2>"$tmp/err" || code=$?
        expect='play in the terminal with --text' ;;
    host) "$bin" host tutorial --results "$tmp/results" --bind none-such >/dev/null 2>"$tmp/err" || code=$?
        expect='--bind takes an IPv4 address' ;;
    esac
    [ "$code" = 1 ] && grep -q -- "$expect" "$tmp/err" || fail "the installed $m.so: exit $code: $(cat "$tmp/err")"
done
ok "modules installed in /usr/$modules and loaded from there:$wanted"

# The desktop entry: valid (hints are advice, not errors), and names the icon.
out=$(desktop-file-validate "$share/applications/org.scaleup.ScaleUp.desktop" 2>&1) ||
    fail "desktop-file-validate: $out"
echo "$out" | grep -E 'error|warning' && fail "desktop-file-validate: $out"
grep -qx 'Icon=scaleup' "$share/applications/org.scaleup.ScaleUp.desktop" || fail "no Icon=scaleup"
grep -qx 'Exec=scaleup' "$share/applications/org.scaleup.ScaleUp.desktop" || fail "no Exec=scaleup"
ok "desktop-file-validate"

out=$(appstreamcli validate --no-net "$share/metainfo/org.scaleup.ScaleUp.metainfo.xml" 2>&1) ||
    fail "appstreamcli validate: $out"
[ "$(grep -c '<caption>' "$share/metainfo/org.scaleup.ScaleUp.metainfo.xml")" -eq 3 ] ||
    fail "metainfo: every screenshot needs a caption"
grep -q '<project_license>MIT</project_license>' "$share/metainfo/org.scaleup.ScaleUp.metainfo.xml" ||
    fail "metainfo: no MIT project_license"
ok "appstreamcli validate"

# Icons: each PNG in hicolor/NxN is N by N (its IHDR's width and height).
for size in 16 24 32 48 64 128 256; do
    png=$share/icons/hicolor/${size}x${size}/apps/scaleup.png
    wh=$(od -An -tu1 -j16 -N8 "$png" | awk '{print $3*256+$4 "x" $7*256+$8}')
    [ "$wh" = "${size}x${size}" ] || fail "$png is $wh, not ${size}x${size}"
done
ok "icon sizes"

# Man pages: no groff warning, no man warning.
for page in man1/scaleup.1.gz man5/scaleup-scenario.5.gz; do
    out=$(zcat "$share/man/$page" | groff -ww -z -man 2>&1)
    [ -z "$out" ] || fail "groff -ww -z $page: $out"
    out=$(MANWIDTH=80 man --warnings -E UTF-8 -l "$share/man/$page" 2>&1 >/dev/null)
    [ -z "$out" ] || fail "man -l $page: $out"
done
ok "groff -ww -z and man -l"

# Every command's options in the man page and in the completions; every
# environment variable the sources read in --help and the man page.
man_text=$(MANWIDTH=200 man -E ascii -l "$share/man/man1/scaleup.1.gz" 2>/dev/null | sed 's/.\x08//g')
help_all=$("$bin" --help)
commands="play lint explore test map lsp new report"
# scaleup host is built when libmicrohttpd is there (tools/setup installs it).
if "$bin" help host >/dev/null 2>&1; then
    commands="$commands host"
fi
for cmd in $commands; do
    echo "$man_text" | grep -q "^ *$cmd " || echo "$man_text" | grep -q "^   $cmd" ||
        fail "the man page has no section for $cmd"
    for opt in $("$bin" help "$cmd" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        echo "$man_text" | grep -q -- "$opt" || fail "the man page does not name $cmd $opt"
    done
done
for var in $(grep -rhoE 'getenv\("[A-Z_]+"\)' "$src/engine" "$src/tools" --include=*.c --exclude-dir=bench |
    sed 's/getenv("\(.*\)")/\1/' | sort -u); do
    echo "$help_all" | grep -q "^  $var " || fail "scaleup --help does not document $var"
    echo "$man_text" | grep -q "$var" || fail "the man page does not document $var"
done
ok "man page and --help name every option and environment variable"

# bash: the completion function offers the commands, each command's options,
# the bundled ids and the roles.
ids=$(ls "$src/scenarios" | tr '\n' ' ')
complete_bash() {
    bash -c '. "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _scaleup; printf "%s\n" "${COMPREPLY[@]}"' \
        _ "$share/bash-completion/completions/scaleup" "$@"
}
for cmd in $commands; do
    complete_bash scaleup "" | grep -qx "$cmd" || fail "bash does not complete the command $cmd"
    got=$(complete_bash scaleup "$cmd" "-")
    for opt in $("$bin" help "$cmd" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        echo "$got" | grep -qx -- "$opt" || fail "bash does not complete $cmd $opt"
    done
done
for id in $ids; do
    complete_bash scaleup play "" | grep -qx "$id" || fail "bash does not complete the id $id"
done
[ "$(complete_bash scaleup play --role "" | sort | tr '\n' ' ')" = "pm po " ] || fail "bash roles"
[ "$(complete_bash scaleup play --timers "" | sort | tr '\n' ' ')" = "off on slow " ] || fail "bash timers"
ok "bash completion"

# fish: the same, with fish's own completion engine.
complete_fish() {
    fish --no-config -c "source '$share/fish/vendor_completions.d/scaleup.fish'; complete -C '$1'" | cut -f1
}
for cmd in $commands; do
    complete_fish "scaleup " | grep -qx "$cmd" || fail "fish does not complete the command $cmd"
    got=$(complete_fish "scaleup $cmd --")
    for opt in $("$bin" help "$cmd" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        echo "$got" | grep -qx -- "$opt" || fail "fish does not complete $cmd $opt"
    done
done
for id in $ids; do
    complete_fish "scaleup play " | grep -qx "$id" || fail "fish does not complete the id $id"
done
[ "$(complete_fish "scaleup play --role " | sort | tr '\n' ' ')" = "pm po " ] || fail "fish roles"
ok "fish completion"

# zsh: the file parses, and names every option, id and role.
zsh -n "$share/zsh/vendor-completions/_scaleup" || fail "zsh cannot parse _scaleup"
for cmd in $commands; do
    for opt in $("$bin" help "$cmd" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
        grep -q -- "'$opt\[" "$share/zsh/vendor-completions/_scaleup" ||
            [ "$opt" = --help ] || [ "$opt" = --version ] ||
            fail "zsh does not complete $cmd $opt"
    done
done
for id in $ids po pm; do
    grep -qw -- "$id" "$share/zsh/vendor-completions/_scaleup" || fail "zsh does not know $id"
done
ok "zsh completion"

# A reproducible build: neither the source nor the build folder is in the
# binary, whose data comes from the install prefix.
# (A sanitizer build is a test build: AddressSanitizer's metadata names each
# source file by its full path, whatever -ffile-prefix-map says.)
if [ "${3:-plain}" = sanitized ]; then
    echo "test_install: the path check is for release builds, not the sanitizer build"
elif grep -qF "$(cd "$src" && pwd -P)" "$bin" || grep -qF "$(cd "$build" && pwd -P)" "$bin"; then
    fail "the binary holds the source or build folder's path"
fi
ok "no build path in the binary"
echo "$passed passed, 0 failed"
