#!/bin/sh
# layers.sh: the build's layers, as HACKING.md draws them. The engine core
# knows nothing of SDL, the terminal, the command line or the tools; the
# terminal front-end nothing of SDL or the window; the tools nothing of the
# front-ends; the command line nothing of the window or of the host's
# internals (they are modules it loads with dlopen, engine/cli/module.h: it
# may name host.h's plain configuration struct, no more). A forbidden
# #include fails the test and names the file.
set -eu
src=${1:?usage: layers.sh SOURCE_DIR}
failed=0
check() { # check FOLDER PATTERN WHAT
    hits=$(grep -rnE "^[[:space:]]*#[[:space:]]*include[[:space:]]*[<\"]($2)" "$src/$1" --include='*.c' --include='*.h' || true)
    if [ -n "$hits" ]; then
        echo "layers: $1 must not include $3:"
        echo "$hits"
        failed=1
    fi
}
check engine/core 'SDL|term/|cli/|window/|\.\./term|\.\./cli|\.\./window|lint/|report/|explore/' "SDL, front-end, command-line or tool headers"
check engine/term 'SDL|window/|\.\./window' "SDL or window headers"
check tools 'SDL|window/|term/|term\.h' "SDL, window or terminal headers"
check engine/cli 'SDL|microhttpd|qrencode|window/|host/host_internal' "SDL, libmicrohttpd, window or host internals' headers"
if [ "$failed" -ne 0 ]; then
    exit 1
fi
echo "layers: engine/core, engine/term, engine/cli and tools include only what their layer may"
