#!/usr/bin/env bash
# e2e_kiosk_hardening.sh - the real kiosk under attack, in a real terminal
# (tmux): every signal that ends it restores the terminal first, and
# SIGTERM/SIGHUP end it with a status that is not the PIN's 0; a 1 MB paste
# is taken in one go and the kiosk answers the next key; wrong adviser PINs
# make the next try wait, and a restarted kiosk still waits; nothing is
# written to the kiosk's home. `careers pin` refuses short PINs. Skips (77)
# when tmux is not installed.
set -u
command -v tmux > /dev/null || { echo "tmux is not installed: skipping"; exit 77; }
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_hardening.$$
sock="careers-e2e-hard-$$"
rm -rf "$work" && mkdir -p "$work/home" "$work/run"
chmod 700 "$work/run"
. "$src/tests/kiosk_kit.sh"

"$bin" build --quiet --data "$src/data/doncaster" --out "$work/store.db" > /dev/null || { echo "cannot build the store"; exit 1; }

# --- what a PIN must be ----------------------------------------------------------------------
printf '2468\n2468\n' | "$bin" pin --config "$work/short.conf" > "$work/out" 2>&1 && fail "a 4-digit PIN was accepted"
grep -q "at least 6 digits" "$work/out" || fail "a short PIN is not explained: $(cat "$work/out")"
[ -e "$work/short.conf" ] && fail "a refused PIN still wrote the config"
printf '111111\n111111\n' | "$bin" pin --config "$work/short.conf" > /dev/null 2>&1 && fail "111111 was accepted"
printf '246813\n246813\n' | "$bin" pin --config "$work/kiosk.conf" > /dev/null 2>&1 || fail "careers pin 246813"

# The kiosk in a shell that, once it has ended, writes its exit status and the
# terminal's settings, and says so on the screen.
run_kiosk() {
	stop_tmux
	rm -f "$work/status" "$work/stty.txt"
	t new-session -d -s k -x 80 -y 24 \
		"env HOME=$work/home XDG_RUNTIME_DIR=$work/run LANG=C.UTF-8 TERM=xterm-256color $bin kiosk --db $work/store.db --config $work/kiosk.conf --today 2026-11-30; echo \$? > $work/status; stty -a > $work/stty.txt; echo KIOSK-ENDED; sleep 60"
	wait_for "What could you do next?"
}
kiosk_pid() { pgrep -P "$(t display -p -t k '#{pane_pid}')" -x careers; }
ended() {
	for _ in $(seq 1 50); do [ -s "$work/stty.txt" ] && return 0; sleep 0.1; done
	return 1
}

# --- a settings file with a long comment starts, and a mistake names its real line --------------
long=$(head -c 600 /dev/zero | tr '\0' 'c')
{ printf '# %s\n' "$long"; cat "$work/kiosk.conf"; printf 'idle_seconds = 90\n'; } > "$work/long.conf"
t new-session -d -s k -x 80 -y 24 \
	"env LANG=C.UTF-8 TERM=xterm-256color $bin kiosk --db $work/store.db --config $work/long.conf; sleep 30"
wait_for "What could you do next?" || fail "a kiosk.conf with a long comment stops the kiosk starting"
stop_tmux
printf '# %s\nidle_seconds = 5\n' "$long" > "$work/bad.conf"
"$bin" kiosk --db "$work/store.db" --config "$work/bad.conf" > "$work/out" 2>&1 < /dev/null
grep -q "bad.conf:2: idle_seconds must be 10 to 3600" "$work/out" || fail "kiosk.conf mistake not on its real line: $(cat "$work/out")"

# --- signals ---------------------------------------------------------------------------------
for sig in USR1 USR2 ALRM PIPE XCPU VTALRM SYS TERM HUP; do
	run_kiosk
	t send-keys -t k Enter
	wait_for "Which year are you in at school?"
	pid=$(kiosk_pid)
	[ -n "$pid" ] || { fail "SIG$sig: cannot find the kiosk's process"; continue; }
	kill -s "$sig" "$pid"
	if ! ended; then
		fail "SIG$sig did not end the kiosk"
		continue
	fi
	grep -qw -- "-icanon" "$work/stty.txt" && fail "SIG$sig left the terminal in raw mode"
	grep -qw -- "-echo" "$work/stty.txt" && fail "SIG$sig left the terminal without echo"
	[ "$(t display -p -t k '#{alternate_on}')" = 0 ] || fail "SIG$sig left the kiosk's screen up"
	status=$(cat "$work/status")
	[ "$status" = 0 ] && fail "SIG$sig ended the kiosk with status 0, as the adviser PIN does"
	case $sig in
	TERM) [ "$status" = 143 ] || fail "SIGTERM: status $status, expected 143" ;;
	HUP) [ "$status" = 129 ] || fail "SIGHUP: status $status, expected 129" ;;
	esac
done

# --- a 1 MB paste ------------------------------------------------------------------------------
run_kiosk
t send-keys -t k Enter Enter Enter
wait_for "What is your postcode?"
head -c 1048576 /dev/zero | tr '\0' 'q' > "$work/paste.txt"
t load-buffer "$work/paste.txt"
t paste-buffer -p -t k
# The field keeps ten letters, the kiosk says so, and answers the next key.
t send-keys -t k Escape
wait_for "What are you interested in?" 200 || fail "the kiosk did not answer a key within 20 s of a 1 MB paste"
[ "$(screen | LC_ALL=C.UTF-8 wc -L)" -le 80 ] || fail "the paste drew past the edge"

# --- wrong PINs wait, even across a restart; nothing lands in the home folder --------------------
run_kiosk
t send-keys -t k F10
wait_for "This is for careers advisers."
for _ in 1 2 3 4; do
	t send-keys -t k 0 0 0 0 0 0 Enter
	sleep 0.3
done
wait_for "Please wait" 100
# The right PIN while waiting is thrown away.
t send-keys -t k 2 4 6 8 1 3 Enter
sleep 0.5
[ -s "$work/status" ] && fail "the right PIN left the kiosk during the wait"
pid=$(kiosk_pid)
kill -TERM "$pid"
ended || fail "SIGTERM did not end the kiosk"
run_kiosk
t send-keys -t k F10
wait_for "Please wait" 100 || fail "a restarted kiosk forgot the wrong PINs"
[ -z "$(find "$work/home" -mindepth 1 | head -1)" ] || fail "the kiosk wrote into its home folder: $(find "$work/home" -mindepth 1)"
[ -f "$work/run/careers-pin-guard" ] || fail "no count of wrong PINs in \$XDG_RUNTIME_DIR"

finish "all kiosk hardening checks passed"
