#!/bin/sh
# test_conventions: the command line as a Linux user expects it: help on
# every command (-h, --help, scaleup help CMD) within 80 columns, --version
# everywhere, "did you mean" for a mistyped command, exit 3 for quitting
# before an ending; TERM=dumb and NO_COLOR; COLUMNS and narrow terminals;
# --plain for screen readers; --timers.
#
#   test_conventions.sh SCALEUP
set -eu
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "test_conventions: FAILED: $*" >&2; exit 1; }
passed=0
ok() { echo "ok - $*"; passed=$((passed + 1)); }
unset COLUMNS NO_COLOR
export TERM=xterm
solo="play tutorial --text --role po --seed 1 --player Ana"
choices=2,3,1,1,3,2,3,2,1

# Help: the same text three ways, within 79 columns; --version everywhere.
"$bin" --help >"$tmp/top"
awk 'length($0) > 79 { print; bad = 1 } END { exit bad }' "$tmp/top" || fail "scaleup --help is wider than 79 columns"
for cmd in play lint explore test map new report; do
    "$bin" help "$cmd" >"$tmp/a" || fail "scaleup help $cmd"
    "$bin" "$cmd" -h >"$tmp/b" || fail "scaleup $cmd -h"
    "$bin" "$cmd" tutorial --help >"$tmp/c" || fail "scaleup $cmd tutorial --help"
    cmp -s "$tmp/a" "$tmp/b" && cmp -s "$tmp/a" "$tmp/c" || fail "$cmd: help, -h and --help differ"
    head -1 "$tmp/a" | grep -q "^Usage: scaleup $cmd" || fail "$cmd: no usage line"
    awk 'length($0) > 79 { print; bad = 1 } END { exit bad }' "$tmp/a" || fail "$cmd --help is wider than 79 columns"
    [ "$("$bin" "$cmd" --version)" = "$("$bin" --version)" ] || fail "$cmd --version"
done
ok "help and version on every command, within 79 columns"

code=0
"$bin" pley tutorial 2>"$tmp/err" || code=$?
[ "$code" = 2 ] || fail "a mistyped command exits $code"
[ "$(cat "$tmp/err")" = "scaleup: error: unknown command 'pley'; did you mean 'play'? (try scaleup --help)" ] ||
    fail "did you mean: $(cat "$tmp/err")"
code=0
"$bin" help frobnicate 2>"$tmp/err" || code=$?
[ "$code" = 2 ] && [ "$(cat "$tmp/err")" = "scaleup: error: unknown command 'frobnicate' (try scaleup --help)" ] ||
    fail "help frobnicate: $code $(cat "$tmp/err")"
ok "did you mean"

# Quitting before an ending exits 3; an ending exits 0.
code=0
printf '1\nq\n' | "$bin" $solo >/dev/null || code=$?
[ "$code" = 3 ] || fail "quitting before an ending exits $code"
"$bin" $solo --choices $choices >/dev/null || fail "an ending does not exit 0"
ok "exit 3 for quitting before an ending"

# Colour on a terminal (script gives a pseudo-terminal), none with
# TERM=dumb, none with NO_COLOR.
esc=$(printf '\033')
on_tty() { script -qec "$*" /dev/null; }
on_tty "$bin $solo --choices $choices" >"$tmp/tty" </dev/null
grep -q "$esc\[" "$tmp/tty" || fail "no colour on a terminal (the test's control)"
TERM=dumb on_tty "$bin $solo --choices $choices" >"$tmp/dumb" </dev/null
grep -q "$esc\[" "$tmp/dumb" && fail "TERM=dumb gets colour"
NO_COLOR=1 on_tty "$bin $solo --choices $choices" >"$tmp/nocolor" </dev/null
grep -q "$esc\[" "$tmp/nocolor" && fail "NO_COLOR gets colour"
ok "TERM=dumb and NO_COLOR: no colour"

# Plain: ASCII only, no rules or bars, scores in words; TERM=dumb too.
"$bin" $solo --choices $choices --plain >"$tmp/plain"
TERM=dumb "$bin" $solo --choices $choices >"$tmp/dumbplain"
for f in plain dumbplain; do
    LC_ALL=C grep -n '[^ -~]' "$tmp/$f" && fail "$f: not ASCII"
    grep -qx '  Vision: 9 of 9 points (100%)' "$tmp/$f" || fail "$f: no scores in words"
    grep -qx 'Startup: The Whiteboard' "$tmp/$f" || fail "$f: no plain heading"
done
cmp -s "$tmp/plain" "$tmp/dumbplain" || fail "TERM=dumb is not --plain"
"$bin" play tug-of-war --text --duet --seed 1 --choices 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 \
    --plain >"$tmp/duet" 2>/dev/null || true
LC_ALL=C grep -n '[^ -~]' "$tmp/duet" && fail "a plain duet is not ASCII"
ok "--plain and TERM=dumb: ASCII, no rules or bars, scores in words"

# COLUMNS: no line wider than the terminal, down to 20 columns (debrief,
# timer and change lines included); 80 when piped without it.
# The widest line in display columns (wc -L counts characters, not bytes).
width() { [ "$(LC_ALL=C.UTF-8 wc -L <"$2")" -le "$1" ]; }
for w in 60 39 30 20; do
    COLUMNS=$w "$bin" $solo --choices $choices >"$tmp/w$w"
    width "$w" "$tmp/w$w" || fail "COLUMNS=$w: lines wider than $w"
    grep -q 'Timed decision' "$tmp/w$w" || fail "COLUMNS=$w: no timer line"
    COLUMNS=$w "$bin" play tutorial --text --duet --seed 1 --choices 1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1 \
        >"$tmp/d$w" 2>/dev/null || true
    width "$w" "$tmp/d$w" || fail "COLUMNS=$w: duet lines wider than $w"
done
grep -q '█' "$tmp/w60" || fail "COLUMNS=60: the debrief lost its bars"
grep -qx '  Vision: 9 of 9 points' "$tmp/w30" || fail "COLUMNS=30: no scores in words"
"$bin" $solo --choices $choices >"$tmp/w80"
width 80 "$tmp/w80" || fail "piped: lines wider than 80"
ok "COLUMNS honoured down to 20 columns"

# Timers: slow gives ten times the time; off never forces the timeout
# choice (a scripted t is refused) and says so.
"$bin" $solo --choices $choices --timers slow | grep -qx \
    'Timed decision: 600 seconds (slowed). When time runs out, choice 1 is taken.' || fail "--timers slow"
"$bin" $solo --choices $choices --timers off | grep -qx \
    'Timed decision, but timers are off: take your time.' || fail "--timers off"
code=0
"$bin" $solo --choices 2,3,1,1,3,2,t,2,1 --timers off >/dev/null 2>"$tmp/err" || code=$?
[ "$code" = 2 ] || fail "--timers off took a time-out: exit $code"
code=0
"$bin" $solo --timers sometimes 2>"$tmp/err" || code=$?
[ "$code" = 2 ] && [ "$(cat "$tmp/err")" = "scaleup: error: --timers takes on, slow or off" ] ||
    fail "--timers sometimes: $(cat "$tmp/err")"
"$bin" $solo --choices $choices --timers off --results "$tmp/results" >/dev/null
grep -q '"timers":[[:space:]]*"off"' "$tmp"/results/*.json || fail "the result file does not say timers were off"
rm -r "$tmp/results"
"$bin" $solo --choices $choices --results "$tmp/results" >/dev/null
grep -q '"timers"' "$tmp"/results/*.json && fail "timers as written are recorded"
ok "--timers slow and off; the result file records them"
echo "$passed passed, 0 failed"
