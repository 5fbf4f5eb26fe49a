# lib_http.sh - shared by the end-to-end tests that need a web server:
# sourced after $work and $src are set. Starts tests/http_server.py (a
# static host with the faults of a real network) and stops it again, and
# gives the checks those tests share.
#
#   fail WHAT, expect_status WANT GOT WHAT, expect_in FILE TEXT WHAT
#                         checks that count into $failures and go on
#   need_tool NAME        skip the test (exit 77) when NAME is missing
#   make_cert             a self-signed certificate for 127.0.0.1 in $work
#   start_server NAME ROOT [tls]   sets NAME_port; its log is $work/NAME.log
#   log_lines NAME PATTERN         requests in NAME's log whose path matches
#   stop_servers          (run by the EXIT trap)

server_pids=()
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_status() { [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"; }
expect_in() { grep -qF -- "$2" "$1" || { fail "$3: \"$2\" not in output:"; sed 's/^/    /' "$1" >&2; }; }

need_tool() {
	command -v "$1" > /dev/null 2>&1 || { echo "SKIP: $1 is not installed (.ci/run installs it)"; exit 77; }
}

make_cert() {
	openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=127.0.0.1" \
		-addext "subjectAltName=IP:127.0.0.1" \
		-keyout "$work/key.pem" -out "$work/cert.pem" > /dev/null 2>&1
}

start_server() { # NAME ROOT [tls]
	local name=$1 root=$2 portfile="$work/$1.port" i
	rm -f "$portfile"
	if [ "${3:-}" = tls ]; then
		python3 "$src/tests/http_server.py" "$root" --port-file "$portfile" \
			--log "$work/$name.log" --tls "$work/cert.pem" "$work/key.pem" &
	else
		python3 "$src/tests/http_server.py" "$root" --port-file "$portfile" \
			--log "$work/$name.log" &
	fi
	server_pids+=($!)
	for i in $(seq 200); do [ -s "$portfile" ] && break; sleep 0.05; done
	[ -s "$portfile" ] || { echo "FAIL: the test web server did not start" >&2; exit 1; }
	printf -v "${name}_port" '%s' "$(cat "$portfile")"
}

stop_servers() {
	local pid
	for pid in "${server_pids[@]}"; do
		kill "$pid" 2> /dev/null
		wait "$pid" 2> /dev/null
	done
	server_pids=()
}

# The requests NAME has logged so far whose path matches PATTERN, one per
# line as "STATUS PATH range=R inm=I key=K".
log_lines() {
	python3 - "$work/$1.log" "$2" <<'EOF'
import json, re, sys
pattern = re.compile(sys.argv[2])
try:
    lines = open(sys.argv[1]).read().splitlines()
except FileNotFoundError:
    lines = []
for line in lines:
    d = json.loads(line)
    if pattern.search(d["path"]):
        print(d["status"], d["path"], "range=%s" % d["range"], "inm=%s" % d["if_none_match"],
              "key=%s" % d["key"])
EOF
}
