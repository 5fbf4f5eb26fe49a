#!/usr/bin/env bash
# e2e_kiosk.sh - the real kiosk in a real terminal (tmux): the journey a
# pupil takes, keys that must do nothing, resizing, garbage input, the
# idle reset, leaving with the adviser PIN, and the terminal restored
# after a crash. Skips (77) when tmux is not installed.
set -u
command -v tmux > /dev/null || { echo "tmux is not installed: skipping"; exit 77; }
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_kiosk.$$
sock="careers-e2e-$$"
rm -rf "$work" && mkdir -p "$work"
. "$src/tests/kiosk_kit.sh"
alive() { t has-session -t k 2> /dev/null; }
# The widest line on screen, in characters (the QR code is multi-byte).
width() { screen | LC_ALL=C.UTF-8 wc -L; }

"$bin" build --quiet --data "$src/data/doncaster" --out "$work/store.db" > /dev/null || { echo "cannot build the store"; exit 1; }

# The adviser PIN: stored only as a hash, in a file only its owner reads.
printf '246813\n246813\n' | "$bin" pin --config "$work/kiosk.conf" > "$work/out" 2>&1 || fail "careers pin"
grep -q '^pin_hash = \$' "$work/kiosk.conf" || fail "no pin_hash in the config"
grep -q 246813 "$work/kiosk.conf" && fail "the PIN itself is in the config file"
[ "$(stat -c %a "$work/kiosk.conf")" = 600 ] || fail "config file is not mode 0600"
printf '246813\n135799\n' | "$bin" pin --config "$work/other.conf" > "$work/out" 2>&1 && fail "different PINs accepted"
grep -q "different" "$work/out" || fail "mismatched PINs not explained"


start() { # cols lines extra-args
	stop_tmux
	t new-session -d -s k -x "$1" -y "$2" \
		"env LANG=C.UTF-8 TERM=xterm-256color $bin kiosk --db $work/store.db --config $work/kiosk.conf --today 2026-11-30 $3"
	wait_for "What could you do next?"
}

# --- the journey at 80x24 ---------------------------------------------------------------
start 80 24 ""
t send-keys -t k Enter
wait_for "Which year are you in at school?"
t send-keys -t k Enter
wait_for "What are you interested in?"
t send-keys -t k j j j j j j Space Enter
wait_for "What is your postcode?"
t send-keys -t k d n 1 Space 3 b u Enter
wait_for "Your options"
wait_for "10 miles from DN1 3BU"
wait_for "Cyber security professionals"
before=$(screen)
# Keys that would interrupt, suspend or quit a program do nothing.
t send-keys -t k C-c
t send-keys -t k C-z
t send-keys -t k 'C-\'
sleep 0.5
alive || fail "Ctrl-C, Ctrl-Z or Ctrl-\\ ended the kiosk"
[ "$(screen)" = "$before" ] || fail "Ctrl-C, Ctrl-Z or Ctrl-\\ changed the screen"
# Tab through the sections, open one, shortlist it, take it away.
t send-keys -t k Tab
wait_for "[Courses"
t send-keys -t k Enter
wait_for "Why this is shown"
t send-keys -t k s Escape v
wait_for "Your shortlist"
t send-keys -t k t
wait_for "Your code:"
screen | grep -qE '[0-9A-Z]{3}-[0-9A-Z]{3}-' || fail "no handover code on screen"

# --- resizing ------------------------------------------------------------------------------
t resize-window -t k -x 132 -y 43
sleep 0.5
[ "$(screen | wc -l)" -ge 43 ] || fail "did not redraw for 43 lines"
[ "$(width)" -gt 90 ] || fail "did not use the wider window"
t resize-window -t k -x 80 -y 24
sleep 0.5
[ "$(width)" -le 80 ] || fail "lines wider than 80 after shrinking"
alive || fail "resizing ended the kiosk"

# --- garbage and very long input ----------------------------------------------------------------
t send-keys -t k Escape Escape
wait_for "Your options"
t send-keys -t k r r
wait_for "What could you do next?"
t send-keys -t k Enter Enter Enter
wait_for "What is your postcode?"
t send-keys -t k -l '!!!@@@###$$$%%%^^^&&&***((()))___+++'
t send-keys -t k -l "$(head -c 3000 /dev/zero | tr '\0' 'Q')"
t send-keys -t k Enter
sleep 0.3
alive || fail "garbage input ended the kiosk"
screen | grep -qF "is not a postcode" || fail "garbage postcode not explained"
# F5 starts again even from inside a text box.
t send-keys -t k F5 F5
wait_for "What could you do next?"
t send-keys -t k Enter Enter Enter
wait_for "What is your postcode?"
[ "$(width)" -le 80 ] || fail "long input drew past the edge"

# --- leaving needs the PIN ------------------------------------------------------------------------
t send-keys -t k F10
wait_for "This is for careers advisers."
t send-keys -t k 1 1 1 1 1 1 Enter
wait_for "That PIN is not right."
alive || fail "a wrong PIN left the kiosk"
t send-keys -t k 2 4 6 8 1 3 Enter
sleep 0.5
alive && fail "the right PIN did not leave the kiosk"

# --- the idle reset: warning, then everything cleared ---------------------------------------------
start 80 24 "--idle 5"
t send-keys -t k Enter Enter j j j j j j Space Enter
wait_for "What is your postcode?"
sleep 6
wait_for "Are you still there?"
sleep 21
wait_for "What could you do next?"
t send-keys -t k Enter Enter
wait_for "What are you interested in?"
screen | grep -qF "[x]" && fail "an interest survived the idle reset"

# --- a crash restores the terminal ------------------------------------------------------------------
stop_tmux
sleep 0.5
t new-session -d -s k -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=xterm-256color $bin kiosk --db $work/store.db --config $work/kiosk.conf; stty -a > $work/stty.txt; sleep 30"
wait_for "What could you do next?"
pkill -SEGV -f -- "^$bin kiosk --db $work/store.db" 2> /dev/null
for _ in $(seq 1 50); do [ -s "$work/stty.txt" ] && break; sleep 0.1; done
[ -s "$work/stty.txt" ] || fail "no terminal settings after the crash"
grep -qw -- "-icanon" "$work/stty.txt" && fail "terminal left in raw mode after a crash"
grep -qw -- "-echo" "$work/stty.txt" && fail "terminal left without echo after a crash"

finish "all kiosk checks passed"
