#!/usr/bin/env bash
# bench_update.sh - a council's kiosks updating from one static web server.
#
#   tests/bench/bench_update.sh [--kiosks N] [--spread SECONDS] [--scale F] [--build DIR]
#
# N kiosks (default 200; each one a `careers update` process with a store of
# its own) take a store published with `careers publish` from one local
# static server (tests/http_server.py: files, ETag/Last-Modified, 304s,
# Range), all started at the same moment as a systemd timer would start
# them, each first waiting a random time up to SECONDS (RandomizedDelaySec)
# (default 60). The store is built from bench_gen's invented national-format
# files at scale F (default 0.05; 1 is a national store).
#
# Phases, each against a freshly started server (so its figures are its own):
#
#   first install       every kiosk takes store A
#   new store           B is published; every kiosk takes it (spread 0, then SECONDS)
#   unchanged week      nothing new; every kiosk asks (spread SECONDS)
#   baseline (naive)    every kiosk downloads the manifest and the whole store
#                       at the same moment, unconditionally (what a script of
#                       `curl -O` in cron would do)
#
# For each: requests, 304s, body bytes served, the server's peak number of
# open connections, the time until every kiosk was done (and p50/p95), and
# a check that every kiosk really holds the store it should.
set -u
kiosks=200 spread=60 scale=0.05
here=$(cd "$(dirname "$0")/../.." && pwd)
build="$here/build"
while [ $# -gt 0 ]; do
	case $1 in
	--kiosks) kiosks=$2; shift 2 ;;
	--spread) spread=$2; shift 2 ;;
	--scale) scale=$2; shift 2 ;;
	--build) build=$2; shift 2 ;;
	*) echo "usage: $0 [--kiosks N] [--spread SECONDS] [--scale F] [--build DIR]" >&2; exit 2 ;;
	esac
done
bin="$build/careers"
gen="$build/tests/bench/bench_gen"
[ -x "$bin" ] && [ -x "$gen" ] || { echo "build first: cmake --build $build" >&2; exit 1; }
work=$(mktemp -d "${TMPDIR:-/tmp}/bench_update.XXXXXX")
server_pid=
trap '[ -n "$server_pid" ] && kill "$server_pid" 2> /dev/null; rm -rf "$work"' EXIT
cd "$work"

now() { date +%s.%N; }

port=0
start_server() {	# on the same port each time: kiosks remember the address they asked
	rm -f port stats log
	python3 "$here/tests/http_server.py" pub --port-file port --port "$port" --stats stats \
		--log log &
	server_pid=$!
	while [ ! -s port ]; do sleep 0.05; done
	port=$(cat port)
	url="http://127.0.0.1:$port/"
}

stop_server() {
	kill "$server_pid"
	wait "$server_pid" 2> /dev/null
	server_pid=
}

# Run every kiosk at once; $1 = spread. Each writes its finish time and status.
run_kiosks() {
	local s=$1 i pids=()
	rm -rf done && mkdir done
	t0=$(now)
	for i in $(seq "$kiosks"); do
		( "$bin" update --from "$url" --pubkey key.pub --db "k/$i/careers.db" --spread "$s" \
			> "done/$i.out" 2>&1; echo "$? $(now)" > "done/$i" ) &
		pids+=($!)
	done
	wait "${pids[@]}"
}

naive() {
	local i store pids=()
	store=$(sed -n 's/^store: //p' pub/careers.manifest)
	rm -rf done && mkdir done
	t0=$(now)
	for i in $(seq "$kiosks"); do
		( python3 - "$url" "$store" <<'EOF'
import sys, urllib.request
for name in ("careers.manifest", sys.argv[2]):
    with urllib.request.urlopen(sys.argv[1] + name) as r:
        while r.read(1 << 16):
            pass
EOF
		  echo "$? $(now)" > "done/$i" ) &
		pids+=($!)
	done
	wait "${pids[@]}"
}

# One line of the table from the server's stats, its log and the kiosks' finish times.
report() { # phase expected-sha|-
	python3 - "$1" "$2" "$t0" "$kiosks" <<'EOF'
import glob, hashlib, json, os, sys
phase, want, t0, n = sys.argv[1], sys.argv[2], float(sys.argv[3]), int(sys.argv[4])
stats = json.load(open("stats"))
log = [json.loads(l) for l in open("log")] if os.path.exists("log") else []
ends, failed = [], 0
for f in glob.glob("done/[0-9]*"):
    if f.endswith(".out"):
        continue
    status, end = open(f).read().split()
    ends.append(float(end) - t0)
    failed += status != "0"
ends.sort()
wrong = 0
if want != "-":
    for i in range(1, n + 1):
        data = open("k/%d/careers.db" % i, "rb").read()
        wrong += hashlib.sha256(data).hexdigest() != want
def pct(p):
    return ends[min(len(ends) - 1, int(p * len(ends)))]
print("%-34s %8d %6d %12s %6d %9.1f %9.1f %9.1f %6s" % (
    phase, stats["requests"], sum(1 for e in log if e["status"] == 304),
    "{:,}".format(stats["bytes"]), stats["peak_connections"], pct(0.5), pct(0.95), ends[-1],
    "%d/%d" % (n - failed - wrong, n)))
EOF
}

echo "bench_update: $kiosks kiosks, spread up to $spread s, stores at scale $scale (2-CPU machine shared with other work: timings are noisy)"
"$gen" data --scale "$scale" > /dev/null
"$bin" build --quiet --data data --out A.db > /dev/null
rm -f data/vacancies/vacancies-page-0001.json	# next week: the first page of vacancies has changed
"$bin" build --quiet --data data --out B.db > /dev/null
"$bin" keygen --out key --no-passphrase > /dev/null
"$bin" publish --store A.db --key key.key --out pub > /dev/null
sha_a=$(sha256sum < A.db | cut -d' ' -f1)
sha_b=$(sha256sum < B.db | cut -d' ' -f1)
for i in $(seq "$kiosks"); do mkdir -p "k/$i"; done
printf 'store A: %s bytes, published as %s bytes (zstd -19)\n' "$(stat -c %s A.db)" \
	"$(sed -n 's/^compressed_size: //p' pub/careers.manifest)"
printf '\n%-34s %8s %6s %12s %6s %9s %9s %9s %6s\n' phase requests 304s "bytes served" peak \
	"p50 s" "p95 s" "all s" ok

start_server; run_kiosks 0; stop_server; report "first install, spread 0 s" "$sha_a"
sleep 1
"$bin" publish --store B.db --key key.key --out pub > /dev/null
cp -r k k-a	# every kiosk on A, twice over: once per spread
start_server; run_kiosks 0; stop_server; report "new store, spread 0 s" "$sha_b"
rm -rf k && mv k-a k
start_server; run_kiosks "$spread"; stop_server; report "new store, spread $spread s" "$sha_b"
start_server; run_kiosks "$spread"; stop_server; report "unchanged week, spread $spread s" "$sha_b"
start_server; naive; stop_server; report "baseline: naive download, no spread" -
printf '\nstore B: %s bytes, published as %s bytes\n' "$(stat -c %s B.db)" \
	"$(sed -n 's/^compressed_size: //p' pub/careers.manifest)"
