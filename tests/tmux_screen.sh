# tmux_screen.sh - reading the screen of a kiosk that runs in tmux, for the
# end-to-end scripts and the benchmarks. Source it after defining t() (tmux
# on the script's own server) and fail() (how the script reports a miss);
# the kiosk's window is "k".

# What the kiosk shows now.
screen() { t capture-pane -p -t k; }

# Wait until the screen shows TEXT (up to 5 s, or TENTHS tenths of a second).
wait_for() { # TEXT [TENTHS]
	for _ in $(seq 1 "${2:-50}"); do
		screen | grep -qF -- "$1" && return 0
		sleep 0.1
	done
	fail "the screen never showed \"$1\"; it shows:"
	screen | sed 's/^/    /' >&2
	return 1
}
