#!/usr/bin/env bash
# kiosk_memory.sh - how much memory the kiosk's cgroup needs: the figure
# behind MemoryMax= in careers-kiosk@.service. Run by hand, as root (it
# makes a memory cgroup); never by ctest.
#
#   tests/bench/kiosk_memory.sh STORE [--careers BIN] [--rounds N] [--limit SIZE]
#   tests/bench/kiosk_memory.sh STORE --bench-ui [--limit SIZE]
#
# It drops STORE's pages from the page cache (that file's and STORE-index's), starts the
# kiosk in tmux at 80x24 inside a cgroup of its own, lets it read the store
# in behind the welcome screen as it does at every start, and plays a
# pupil's journey N times (default 3, each one "start again": the
# questions, every section, details, search as you type, the shortlist and
# the take-away code). Then it prints the cgroup's peak - what MemoryMax=
# limits: the kiosk's own memory and the store's pages it read - with the
# split at the end, and the process's peak resident memory.
#
# With --limit SIZE (e.g. 512M) the same runs under that limit, as
# MemoryMax= would impose it, and it reports whether the journey still
# completed and whether the kernel had to kill anything. A limit below the
# store's size does not kill the kiosk: the kernel drops the store's pages
# instead, and searches wait for the disk. --bench-ui runs bench_ui (3 runs,
# from a cold cache) in the cgroup instead, to see what that costs per key.
set -u
store=${1:?usage: kiosk_memory.sh STORE [--careers BIN] [--rounds N] [--limit SIZE]}
shift
bin=$(cd "$(dirname "$0")/../.." && pwd)/build/careers
bench_ui=$(dirname "$bin")/tests/bench/bench_ui
rounds=3
limit=
mode=journey
while [ $# -gt 0 ]; do
	case $1 in
	--careers) bin=$2; shift 2 ;;
	--bench-ui) mode=bench_ui; shift ;;
	--rounds) rounds=$2; shift 2 ;;
	--limit) limit=$2; shift 2 ;;
	*) echo "kiosk_memory.sh: unknown option $1" >&2; exit 2 ;;
	esac
done
[ "$(id -u)" = 0 ] || { echo "kiosk_memory.sh: run it as root (it makes a memory cgroup)" >&2; exit 2; }
[ -x "$bin" ] || { echo "kiosk_memory.sh: no careers at $bin (--careers BIN)" >&2; exit 2; }
command -v tmux > /dev/null || { echo "kiosk_memory.sh: tmux is not installed" >&2; exit 2; }

# A cgroup: version 2 where the memory controller is there, else version 1.
if grep -qw memory /sys/fs/cgroup/cgroup.controllers 2> /dev/null; then
	cg=/sys/fs/cgroup/careers-kiosk-memory.$$
	mkdir "$cg" || exit 1
	peak_file=$cg/memory.peak
	limit_file=$cg/memory.max
	stat_file=$cg/memory.stat
	anon_key=anon
	file_key="file"
	oom() { awk '$1 == "oom_kill" { print $2 }' "$cg/memory.events"; }
elif [ -d /sys/fs/cgroup/memory ]; then
	cg=/sys/fs/cgroup/memory/careers-kiosk-memory.$$
	mkdir "$cg" || exit 1
	peak_file=$cg/memory.max_usage_in_bytes
	limit_file=$cg/memory.limit_in_bytes
	stat_file=$cg/memory.stat
	anon_key=total_rss
	file_key=total_cache
	oom() { awk '$1 == "oom_kill" { print $2 }' "$cg/memory.oom_control"; }
else
	echo "kiosk_memory.sh: no memory cgroup on this machine" >&2
	exit 2
fi
sock="careers-memory-$$"
work=$(mktemp -d)
t() { tmux -L "$sock" "$@"; }
cleanup() {
	t kill-server 2> /dev/null
	sleep 0.2
	rmdir "$cg" 2> /dev/null
	rm -rf "$work"
}
trap cleanup EXIT
[ -n "$limit" ] && { echo "$limit" | numfmt --from=iec > "$limit_file" || exit 1; }

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1048576 }'; }
stat_value() { awk -v k="$1" '$1 == k { print $2 }' "$stat_file"; }
fail() { echo "$*" >&2; }
. "$(dirname "$0")/../tmux_screen.sh"
keys() { for k in "$@"; do t send-keys -t k "$k"; sleep 0.05; done; }

# The store as at start-up: not in the page cache, nor the copy of its option index beside it.
dd if="$store" iflag=nocache count=0 status=none
[ -f "$store-index" ] && dd if="$store-index" iflag=nocache count=0 status=none

if [ "$mode" = bench_ui ]; then
	[ -x "$bench_ui" ] || { echo "kiosk_memory.sh: no bench_ui at $bench_ui" >&2; exit 2; }
	sh -c "echo \$\$ > $cg/cgroup.procs && exec $bench_ui $store --runs 3" > "$work/ui" 2>&1
	echo "store: $store ($(mb "$(stat -c %s "$store")")), limit: ${limit:-none}"
	grep -E '^(start to first screen|per key|peak resident)' "$work/ui"
	echo "cgroup peak (what MemoryMax= limits): $(mb "$(cat "$peak_file")")"
	echo "killed for lack of memory: $(oom)"
	exit 0
fi

t new-session -d -s k -x 80 -y 24 \
	"echo \$\$ > $cg/cgroup.procs && exec env LANG=C.UTF-8 TERM=xterm-256color $bin kiosk --unlocked --db $store"
completed=0
wait_for "What could you do next?" 100 || exit 1
pid=$(head -1 "$cg/cgroup.procs")
sleep 5 # the store is read in behind the welcome screen
for round in $(seq 1 "$rounds"); do
	keys Enter
	wait_for "Which year are you in at school?" || break
	keys Enter
	wait_for "What are you interested in?" || break
	keys j j j j j j Space j j Space Enter
	wait_for "What is your postcode?" || break
	keys d n 1 Space 3 b u Right Right Enter
	wait_for "Your options" || break
	keys j j j NPage Home Enter NPage NPage s Escape
	keys Tab j j Enter Escape s Tab Enter Escape Tab j Enter Escape Tab Tab
	keys x u o o o o / c y b e r Enter v t Escape Escape '?' Escape
	keys r r
	wait_for "What could you do next?" || break
	completed=$round
done
hwm=$(awk '/^VmHWM/ { print $2 * 1024 }' "/proc/$pid/status" 2> /dev/null)

echo "store: $store ($(mb "$(stat -c %s "$store")"))"
echo "careers: $bin"
[ -n "$limit" ] && echo "limit: $limit"
echo "journeys completed: $completed of $rounds"
echo "cgroup peak (what MemoryMax= limits): $(mb "$(cat "$peak_file")")"
echo "  at the end: the kiosk's own memory $(mb "$(stat_value $anon_key)"), the store's pages $(mb "$(stat_value $file_key)")"
echo "kiosk peak resident memory (VmHWM): $(mb "${hwm:-0}")"
echo "killed for lack of memory: $(oom)"
[ "$completed" = "$rounds" ] && [ "$(oom)" = 0 ]
