#!/usr/bin/env bash
# bench_start.sh - what a careers process costs as a whole, before and after a change,
# interleaved in one run.
#
#	tests/bench/bench_start.sh BASE_CAREERS NEW_CAREERS STORE [ROUNDS] [-- SEARCH ARGUMENTS]
#
# Each round runs, for each binary in turn (A B, then B A, ...): `careers --version`
# 100 times and a one-shot `careers search --db STORE` 20 times (by default
# `--year 11 --postcode "LS1 1AA"`, a national store's first query), timing each
# loop, then the search once more under /usr/bin/time for its peak resident size.
# Prints each round, the min / median / max over rounds of each figure, the
# libraries each binary loads at start (ldd) and whether the machine was busy:
# the load average before and after, and the CPU other processes used (from
# /proc/stat, less this script's and its children's), marked BUSY MACHINE above
# a quarter of a CPU, as bench_machine.c does for the other benchmarks.
set -u
[ $# -ge 3 ] || { sed -n '2,16p' "$0" >&2; exit 2; }
base=$1 new=$2 store=$3
shift 3
rounds=5
if [ $# -gt 0 ] && [ "$1" != -- ]; then rounds=$1; shift; fi
[ "${1:-}" = -- ] && shift
if [ $# -gt 0 ]; then search=("$@"); else search=(--year 11 --postcode "LS1 1AA"); fi
command -v /usr/bin/time > /dev/null || { echo "bench_start: /usr/bin/time is needed (apt-get install time)" >&2; exit 1; }
for b in "$base" "$new"; do
	"$b" search --db "$store" "${search[@]}" > /dev/null || { echo "bench_start: $b search failed" >&2; exit 1; }
done

# Busy time of the whole machine in clock ticks, and this script's own (with children).
machine_busy() { awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat; }
own_ticks() { # utime stime cutime cstime of this shell
	awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat
}
now_ns() { date +%s%N; }
# Milliseconds per process of COUNT runs of the command.
per_process() { # COUNT command...
	local count=$1 i t0 t1
	shift
	t0=$(now_ns)
	for ((i = 0; i < count; i++)); do "$@" > /dev/null 2>&1; done
	t1=$(now_ns)
	awk -v a="$t0" -v b="$t1" -v n="$count" 'BEGIN {printf "%.2f", (b - a) / n / 1e6}'
}

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
busy0=$(machine_busy) own0=$(own_ticks) t0=$(now_ns)
for r in $(seq 1 "$rounds"); do
	if [ $((r % 2)) = 1 ]; then order="base new"; else order="new base"; fi
	for side in $order; do
		if [ $side = base ]; then b=$base; else b=$new; fi
		v=$(per_process 100 "$b" --version)
		s=$(per_process 20 "$b" search --db "$store" "${search[@]}")
		m=$(/usr/bin/time -f %M "$b" search --db "$store" "${search[@]}" 2>&1 > /dev/null | tail -1)
		echo "$v $s $m" >> "$out/$side"
		printf '%-4s round %d: --version %6s ms   search %7s ms   peak RSS %6s KB\n' \
			"$side" "$r" "$v" "$s" "$m"
	done
done
busy1=$(machine_busy) own1=$(own_ticks) t1=$(now_ns)
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

echo
summary() { # file column
	awk -v c="$2" '{print $c}' "$1" | sort -n |
		awk '{v[NR] = $1} END {printf "%s %s %s", v[1], v[int((NR + 1) / 2)], v[NR]}'
}
printf '%-28s %-26s %-26s %s\n' "min median max" "base" "new" "new/base (medians)"
col=1
for what in "--version, ms a process" "one-shot search, ms" "search peak RSS, KB"; do
	a=$(summary "$out/base" $col) b=$(summary "$out/new" $col)
	printf '%-28s %-26s %-26s x%s\n' "$what" "$a" "$b" \
		"$(awk -v x="$(echo "$b" | cut -d' ' -f2)" -v y="$(echo "$a" | cut -d' ' -f2)" 'BEGIN {printf "%.2f", x / y}')"
	col=$((col + 1))
done
printf '%-28s %-26s %-26s\n' "libraries at start (ldd)" "$(ldd "$base" | wc -l)" "$(ldd "$new" | wc -l)"

hz=$(getconf CLK_TCK)
awk -v busy=$((busy1 - busy0)) -v own=$((own1 - own0)) -v ns=$((t1 - t0)) -v hz="$hz" \
	-v cpus="$(nproc)" -v before="$load_before" -v after="$load_after" 'BEGIN {
	secs = ns / 1e9
	others = (busy - own) / hz / secs
	if (others < 0)
		others = 0
	split(before, lb, " ")
	verdict = others > 0.25 || lb[1] > cpus / 2 ? "BUSY MACHINE" : "quiet"
	printf "machine: %d CPUs, load average %s before and %s after; other processes used %.2f CPUs on average over %.1f s: %s\n",
		cpus, lb[1], substr(after, 1, index(after, " ") - 1), others, secs, verdict
}'
