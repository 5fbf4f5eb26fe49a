# kiosk_kit.sh - what the end-to-end scripts that drive the kiosk in tmux
# share, besides reading its screen (tmux_screen.sh). Source it after
# setting $src (the source tree), $work (a scratch folder, removed at exit)
# and $sock (a tmux socket name of the script's own); it sets up $failures.
t() { tmux -L "$sock" "$@"; }
cleanup() { t kill-server 2> /dev/null; rm -rf "$work"; }
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
. "$src/tests/tmux_screen.sh"
# Stop the tmux server and wait until it has gone (a new session on a dying
# server fails with "no server running").
stop_tmux() {
	t kill-server 2> /dev/null
	for _ in $(seq 1 50); do t has-session 2> /dev/null || return 0; sleep 0.1; done
}
# End the script: its status from the failures counted.
finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$failures check(s) failed" >&2
		exit 1
	fi
	echo "$1"
}
