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
# Stop the tmux server and go on with a server of a new name: a new session
# asked of a server that is still exiting fails ("server exited
# unexpectedly"), and on a busy machine a server can take a while to go.
tmux_servers=0
stop_tmux() {
	t kill-server 2> /dev/null
	tmux_servers=$((tmux_servers + 1))
	sock="${sock%%.*}.$tmux_servers"
}
# End the script: its status from the failures counted.
finish() {
	if [ "$failures" -gt 0 ]; then
		echo "$failures check(s) failed" >&2
		exit 1
	fi
	echo "$1"
}
