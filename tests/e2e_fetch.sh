#!/usr/bin/env bash
# e2e_fetch.sh - `careers fetch` and `careers build --fetch` against a local
# web server (tests/http_server.py) that misbehaves as real networks do.
#
# Every fault must leave the previous copy of a source exactly as it was
# and say what went wrong; keys must never show up in output or files.
set -u
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_fetch.$$
rm -rf "$work" && mkdir -p "$work"
. "$src/tests/lib_http.sh"
trap 'stop_servers; rm -rf "$work"' EXIT
not_in() { ! grep -qF -- "$2" "$1" || fail "$3: \"$2\" should not be in $1"; }
tree_sum() { (cd "$1" && find . -type f | sort | xargs sha256sum) 2> /dev/null | sha256sum; }

need_tool python3
need_tool openssl
export CAREERS_HTTP_BACKOFF_MS=50	# retries in milliseconds, not seconds
unset FAA_TEST_KEY CAREERS_KEYS CAREERS_SOURCES

# --- what the server holds ----------------------------------------------------------
root="$work/root"
mkdir -p "$root/files" "$root/onet"
today=$(date -u +%Y%m%d)
cp "$src"/data/doncaster/skills-england/*.json "$root/files/standards.json"
cp "$src/data/doncaster/gias/edubasealldata20261101.csv" "$root/files/edubasealldata$today.csv"
# (Text careers does not read yet: the monthly open data format comes with its importer.)
printf 'PROVIDER_UKPRN;COURSE_ID\n10000001;x\n' > "$root/files/LiveCoursesWithRegionsAndVenuesReport-20261201.csv"
echo "older" > "$root/files/LiveCoursesWithRegionsAndVenuesReport-20261101.csv"
head -c 400000 /dev/urandom | base64 > "$root/files/big.csv"	# ~540 KB
python3 -c "import zipfile,sys
for v in ('30_1', '30_3', '29_0'):
    with zipfile.ZipFile(sys.argv[1] + '/db_%s_text.zip' % v, 'w') as z: z.writestr('Read Me.txt', v)" "$root/onet"
cat > "$root/onet/database.html" <<'EOF'
<html><body><a href="/onet/db_29_0_text.zip">29.0</a>
<a class=x href='db_30_3_text.zip?x=1&amp;y=2'>30.3</a> <A HREF=/onet/db_30_1_text.zip>30.1</A>
<a href="/onet/db_30_3_excel.zip">not this</a></body></html>
EOF
start_server web "$root"
base="http://127.0.0.1:$web_port"
cat > "$root/files/index.json" <<EOF
{"title": "Course directory", "details": {"attachments": [
 {"attachment_type": "html", "id": "1", "url": "$base/nothing.html", "title": "About"},
 {"attachment_type": "file", "id": "2", "url": "$base/files/LiveCoursesWithRegionsAndVenuesReport-20261101.csv",
  "filename": "LiveCoursesWithRegionsAndVenuesReport-20261101.csv", "content_type": "text/csv"},
 {"attachment_type": "file", "id": "3", "url": "$base/files/LiveCoursesWithRegionsAndVenuesReport-20261201.csv",
  "filename": "LiveCoursesWithRegionsAndVenuesReport-20261201.csv", "content_type": "text/csv"}]}}
EOF

# One section per source; URL_<name> variables let a test point a source elsewhere.
section() { # name kind url [extra lines...]
	local name=$1 kind=$2 url=$3
	shift 3
	printf '[%s]\ntitle = %s test\npublisher = the test\nlicence = Test licence\nchanges = weekly\nkind = %s\nurl = %s\n' \
		"$name" "$name" "$kind" "$url"
	printf '%s\n' "$@"
	echo
}
write_sources() {
	{
		section standards json "${URL_standards:-$base/files/standards.json}"
		section gias csv "$base/files/edubasealldata{date}.csv" "dates = 3"
		section courses csv '{found}' "index = $base/files/index.json" \
			'find = json $.details.attachments url filename' \
			'match = ^LiveCoursesWithRegionsAndVenuesReport-[0-9]{8}\.csv$' 'pick = newest'
		section onet zip '{found}' "index = $base/onet/database.html" 'find = links' \
			'match = db_[0-9]+_[0-9]+_text\.zip' 'pick = newest'
		section vacancies json "$base/api/vacancies?PageNumber={page}" 'pages = $.totalPages' \
			'key = FAA_TEST_KEY' 'key_header = Ocp-Apim-Subscription-Key' 'header = X-Version: 2'
		section big csv "${URL_big:-$base/files/big.csv}" "max_size = ${MAX_big:-2M}"
	} > "$work/sources.conf"
}
write_sources
dl="$work/downloads"
fetch() { "$bin" fetch --sources "$work/sources.conf" --to "$dl" "$@" > "$work/out" 2>&1; }

# --- a dry run writes nothing ------------------------------------------------------------
fetch --dry-run; expect_status 3 $? "dry run (a key is missing)"
expect_in "$work/out" "newest: $base/files/LiveCoursesWithRegionsAndVenuesReport-20261201.csv" "dry run finds the newest attachment"
expect_in "$work/out" "API key FAA_TEST_KEY: MISSING" "dry run says a key is missing"
[ -e "$dl" ] && fail "a dry run created $dl"

# --- the first fetch: every kind of source ------------------------------------------------
printf 'FAA_TEST_KEY = test-secret-key\n' > "$work/keys.conf"
chmod 644 "$work/keys.conf"
fetch --only vacancies --keys "$work/keys.conf"; expect_status 1 $? "keys file others can read"
expect_in "$work/out" "can be read by other users" "keys file mode checked"
chmod 600 "$work/keys.conf"
fetch --keys "$work/keys.conf"; expect_status 0 $? "first fetch"
expect_in "$work/out" "standards                fetched: standards.json" "plain file"
expect_in "$work/out" "gias                     fetched: edubasealldata$today.csv" "dated file"
expect_in "$work/out" "courses                  fetched: LiveCoursesWithRegionsAndVenuesReport-20261201.csv" "newest GOV.UK attachment"
expect_in "$work/out" "onet                     fetched: db_30_3_text.zip" "newest link on a page"
expect_in "$work/out" "vacancies                fetched: 3 files" "every page of a paged API"
[ -f "$dl/vacancies/vacancies-page-0003.json" ] || fail "page 3 was not saved"
expect_in "$dl/courses/FETCHED" "url: $base/files/LiveCoursesWithRegionsAndVenuesReport-20261201.csv" "FETCHED has the address"
expect_in "$dl/courses/FETCHED" "fetched: " "FETCHED has the time"
[ "$(log_lines web '^/api/vacancies' | grep -c 'key=True')" = 3 ] || fail "the key was not sent with every page"
[ "$(log_lines web '^/(files|onet)/' | grep -c 'key=True')" = 0 ] || fail "the key went to a host that does not need it"

# --- the second fetch: unchanged sources cost one 304 each ---------------------------------
: > "$work/web.log"
FAA_TEST_KEY=test-secret-key fetch; expect_status 0 $? "second fetch"
expect_in "$work/out" "standards                unchanged (304): standards.json" "unchanged file"
expect_in "$work/out" "vacancies                unchanged: 3 files" "unchanged pages"
[ "$(log_lines web '^/files/standards.json$')" = "304 /files/standards.json range=None inm=$(log_lines web '^/files/standards.json$' | sed 's/.*inm=\(.*\) key.*/\1/') key=False" ] ||
	fail "an unchanged file should cost one 304: $(log_lines web 'standards')"
[ "$(log_lines web '^/files/(standards|big|edubase)' | grep -vc '^304 ')" = 0 ] || fail "an unchanged file was downloaded again"

# --- the key never shows ----------------------------------------------------------------------
grep -rq "test-secret-key" "$dl" "$work/out" && fail "the API key was written somewhere"
fetch --only vacancies; expect_status 1 $? "no key"
expect_in "$work/out" "needs an API key: set FAA_TEST_KEY" "missing key named"
FAA_TEST_KEY=wrong-key fetch --only vacancies; expect_status 1 $? "wrong key"
expect_in "$work/out" "HTTP 401 Unauthorized" "refused key"
expect_in "$work/out" "is the API key right?" "refused key explained"
not_in "$work/out" "wrong-key" "a wrong key is not printed either"

# --- build keeps where each file came from ------------------------------------------------------
"$bin" build --data "$dl" --out "$work/store.db" > "$work/out" 2>&1; expect_status 0 $? "build from the downloads"
"$bin" sources --db "$work/store.db" > "$work/out" 2>&1
expect_in "$work/out" "fetched:     " "sources shows the fetch time"
expect_in "$work/out" "from $base/files/standards.json" "sources shows the address"
"$bin" import --db "$work/store.db" "$dl/standards/standards.json" > /dev/null 2>&1
"$bin" sources --db "$work/store.db" > "$work/out" 2>&1
expect_in "$work/out" "from $base/files/standards.json" "import keeps the address too"

# --- faults: each leaves the previous copy as it was ---------------------------------------------
fault() { # what url expected-message [fetch options...]
	local what=$1 url=$2 msg=$3 before
	shift 3
	URL_big=$url write_sources
	before=$(tree_sum "$dl/big")
	fetch --only big "$@"; expect_status 1 $? "$what"
	expect_in "$work/out" "$msg" "$what"
	expect_in "$work/out" "the copy fetched" "$what: says the old copy is kept"
	[ "$(tree_sum "$dl/big")" = "$before" ] || fail "$what changed the previous copy"
}
# A changed file on the server, so that a fetch would really replace it.
head -c 400000 /dev/urandom | base64 > "$root/files/big.csv"
fault "404" "$base/fault/404" "HTTP 404 Not Found from $base/fault/404"
fault "500" "$base/fault/500" "HTTP 500 Internal Server Error" --retries 2
expect_in "$work/out" "after 3 tries" "500 retried"
fault "cut every time" "$base/fault/cutalways/files/big.csv" "was cut" --retries 1
fault "short body" "$base/fault/short/files/big.csv" "was cut" --retries 0
fault "slow drip" "$base/fault/drip" "stalled: less than 1024 bytes a second for 2 s" --stall-timeout 2 --retries 0
fault "redirect loop" "$base/fault/loop" "more than 10 redirects"
fault "10 GB" "$base/fault/huge" "offers 10.7 GB, more than the limit of 2.1 MB"
fault "web page instead" "$base/fault/html/files/big.csv" "is a web page, not the data expected"
fault "no server" "http://127.0.0.1:1/big.csv" "cannot connect to 127.0.0.1" --retries 0
MAX_big=100K fault "bigger than allowed" "$base/files/big.csv" "more than the limit of 102.4 KB"
write_sources
( ulimit -f 200; fetch --only big ); expect_status 1 $? "full disk"
expect_in "$work/out" "no room to save the download" "full disk said"

# --- retried and resumed: these succeed -------------------------------------------------------------
: > "$work/web.log"
URL_big="$base/fault/429/files/big.csv" write_sources
fetch --only big; expect_status 0 $? "429 then fine"
[ "$(log_lines web '/fault/429/' | cut -d' ' -f1 | tr '\n' ' ')" = "429 200 " ] || fail "429 not retried: $(log_lines web 429)"
URL_big="$base/fault/flaky/2/files/big.csv" write_sources
fetch --only big --retries 2; expect_status 0 $? "500 twice then fine"
head -c 400000 /dev/urandom | base64 > "$root/files/big.csv"
URL_big="$base/fault/cut/files/big.csv" write_sources
fetch --only big --retries 0; expect_status 1 $? "cut, no retries"
ls "$work/downloads/.big.partial/"*.part > /dev/null 2>&1 || fail "the part download was not kept"
fetch --only big --retries 0; expect_status 0 $? "resumed in the next run"
log_lines web '/fault/cut/' | grep -q "^206 .*range=bytes=" || fail "the second run did not resume with Range"
cmp -s "$root/files/big.csv" "$dl/big/big.csv" || fail "the resumed file differs from the original"

# A "part" that is in fact the whole file (a run killed just before keeping it): the server
# answers 416 to its Range, and the file is fetched whole instead of failing for ever.
mkdir -p "$dl/.big.partial" && cp "$dl/big/big.csv" "$dl/.big.partial/big.csv.part"
printf '%s\n%s\n\n' "$base/fault/cut/files/big.csv" "$(sed -n 's/^etag: //p' "$dl/big/FETCHED")" \
	> "$dl/.big.partial/big.csv.part.validator"
: > "$work/web.log"
fetch --only big --retries 0; expect_status 0 $? "a complete part"
log_lines web '/fault/cut/' | grep -q "^416 " || fail "the complete part was not asked for with Range"

# --- HTTPS: a self-signed certificate is refused (and trusted with --cacert) -----------------------------
make_cert
start_server tls "$root" tls
URL_big="https://127.0.0.1:$tls_port/files/big.csv" write_sources
fault "self-signed certificate" "https://127.0.0.1:$tls_port/files/big.csv" "could not prove who it is"
URL_big="https://127.0.0.1:$tls_port/files/big.csv" write_sources
fetch --only big --cacert "$work/cert.pem"; expect_status 0 $? "trusted with --cacert"
fault "https to http" "https://127.0.0.1:$tls_port/fault/downgrade/files/big.csv" "from https to plain http" --cacert "$work/cert.pem"

# --- exit status: everything, something, nothing ------------------------------------------------------------
URL_standards="$base/fault/404" URL_big="$base/files/big.csv" write_sources
fetch --only standards,big; expect_status 3 $? "some failed"
fetch --only standards; expect_status 1 $? "all failed"
fetch --only nonesuch; expect_status 2 $? "unknown source"
expect_in "$work/out" 'lists no source "nonesuch"' "unknown source named"

# --- a broken list of sources is refused with its line ----------------------------------------------------------
printf '[ok]\ntitle = t\nkind = jsn\n' > "$work/bad.conf"
"$bin" fetch --sources "$work/bad.conf" --to "$dl" > "$work/out" 2>&1; expect_status 1 $? "bad list"
expect_in "$work/out" "bad.conf:3: kind is csv, json, zip, xlsx or text" "bad list names the line"
"$bin" fetch --dry-run --sources "$src/data/sources.conf" --to "$dl" --connect-timeout 1 --retries 0 > "$work/out" 2>&1
expect_in "$work/out" "course-directory" "the shipped list reads"

# --- build --fetch in one command -------------------------------------------------------------------------------
write_sources
CAREERS_SOURCES="$work/sources.conf" FAA_TEST_KEY=test-secret-key "$bin" build --fetch --data "$dl" \
	--out "$work/store2.db" > "$work/out" 2>&1; expect_status 0 $? "build --fetch"
expect_in "$work/out" "careers fetch: 0 fetched, 6 unchanged" "build --fetch fetched first"
expect_in "$work/out" "built $work/store2.db" "build --fetch built"

[ "$failures" = 0 ] || { echo "$failures failures" >&2; exit 1; }
echo "e2e_fetch: all passed"
