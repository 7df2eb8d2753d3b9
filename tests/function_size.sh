#!/bin/sh
# function_size.sh: no function of the engine, the tools or the tests is
# longer than LIMIT lines (its body, from the brace that opens it to the one
# that closes it) unless the comment just above it gives the reason in a line
# that starts "Long:" (HACKING.md, "Conventions"). A long function hides the
# jobs it does; when one long sequence is the point (a table of steps, a test
# that walks one story), the reader is told why. Each offender is named with
# its file, line and length.
#
# Functions are found as this codebase writes them: the signature starts in
# column 0 and the body's braces stand alone in column 0.
set -eu
src=${1:?usage: function_size.sh SOURCE_DIR [LIMIT]}
limit=${2:-80}
cd "$src"
files=$(find engine tools tests -name '*.c' ! -path '*/node_modules/*' | LC_ALL=C sort)
# shellcheck disable=SC2086
report=$(awk -v limit="$limit" '
FNR == 1 { in_comment = 0; comment_end = -1; comment = ""; sig = 0; body = 0 }
body {
    if ($0 ~ /^\}/) {
        n = FNR - body - 1
        if (n > limit && why !~ /(^|\n)[ \t\/*]*Long:/)
            printf "%s:%d: %s is %d lines long, over %d, and its comment gives no \"Long:\" reason\n", FILENAME, sig_line, name, n, limit
        body = 0; sig = 0
    }
    next
}
in_comment {
    comment = comment "\n" $0
    if ($0 ~ /\*\//) { in_comment = 0; comment_end = FNR }
    next
}
/^[ \t]*\/\*/ {
    comment = $0
    if ($0 ~ /\*\//) comment_end = FNR; else in_comment = 1
    next
}
/^\{/ {
    if (sig) { body = FNR }
    next
}
# A brace closing at column 0 outside a body ends a table or a struct
# (`static const struct option x[] = {` ... `};`): what follows is not
# its signature going on.
/^\}/ { sig = 0; next }
/^[A-Za-z_]/ {
    if (!sig) {
        sig = 1; sig_line = FNR
        why = (comment_end == FNR - 1) ? comment : ""
        name = $0; sub(/\(.*/, "", name); k = split(name, w, /[ \t*]+/); name = w[k]
    }
    if ($0 ~ /;[ \t]*$/ || $0 ~ /\}[ \t]*;?[ \t]*$/) sig = 0
    next
}
/^[ \t]*$/ { sig = 0 }
' $files)
if [ -n "$report" ]; then
    echo "$report"
    echo "function_size: $(echo "$report" | wc -l) functions over $limit lines without a reason"
    exit 1
fi
echo "function_size: every function over $limit lines says why in a \"Long:\" line"
