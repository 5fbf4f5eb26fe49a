#!/usr/bin/env bash
# bench_search_ab.sh - the learner filter before and after a change, interleaved in one run.
#
#	tests/bench/bench_search_ab.sh BASE_BENCH BASE_STORE NEW_BENCH NEW_STORE [ROUNDS] [QUERIES]
#
# Runs the baseline's bench_search on its store and this tree's on its own
# (each store built by its own `careers build` from the same bench_gen
# folder, as each reads its own index format), alternating A B A B ... for
# ROUNDS rounds (default 3) of QUERIES queries (default 1000, the same
# seed each time), so load on the machine falls on both alike. Prints each
# run's careers rows and the median p50/p99 of each side and their ratio.
set -u
[ $# -ge 4 ] || { sed -n '2,12p' "$0" >&2; exit 2; }
base_bench=$1 base_store=$2 new_bench=$3 new_store=$4
rounds=${5:-3} queries=${6:-1000}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for r in $(seq 1 "$rounds"); do
	for side in base new; do
		if [ $side = base ]; then b=$base_bench s=$base_store; else b=$new_bench s=$new_store; fi
		"$b" "$s" --queries "$queries" --runs 1 --no-naive > "$out/$side.$r" 2>&1 || { cat "$out/$side.$r" >&2; exit 1; }
		printf '%-5s round %d: ' "$side" "$r"
		grep -E '^careers \(match_run\)' "$out/$side.$r"
		grep -E '^  of which (without|with) free text' "$out/$side.$r" | sed 's/^/                /'
	done
done
# Median over rounds of each column (p50 p95 p99 max) for every query, without and with text.
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
for row in 'careers \(match_run\)' 'of which without free text' 'of which with free text'; do
	for col in 1 5; do	# p50, p99 (one run: "min median max | min median max | ...")
		for side in base new; do
			val=$(for r in $(seq 1 "$rounds"); do
				grep -E "$row" "$out/$side.$r" | sed -E 's/^.*(text|every query) +//' |
					awk -v c=$col '{print $c}'
			done | median)
			eval "${side}_$col=\$val"
		done
	done
	label=$(echo "$row" | sed 's/\\//g')
	printf '%-28s p50 base %6s new %6s (x%s)   p99 base %6s new %6s (x%s)\n' "$label" \
		"$base_1" "$new_1" "$(awk -v a="$new_1" -v b="$base_1" 'BEGIN {printf "%.2f", a / b}')" \
		"$base_5" "$new_5" "$(awk -v a="$new_5" -v b="$base_5" 'BEGIN {printf "%.2f", a / b}')"
done
