#!/usr/bin/env bash
# e2e_build.sh - `careers build`, `import`, `sources`, `formats` and the
# command-line conventions, run on the real binary.
#
# The store must never be damaged: a failed build, an interrupted one and
# one killed with SIGKILL all leave the previous store byte for byte.
set -u
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_build.$$
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
failures=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_status() { # expected actual what
	[ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"
}
expect_in() { # file needle what
	grep -qF -- "$2" "$1" || { fail "$3: \"$2\" not in output:"; sed 's/^/    /' "$1" >&2; }
}

# --- command-line conventions -------------------------------------------------
"$bin" --version > "$work/out" 2>&1; expect_status 0 $? "--version"
expect_in "$work/out" "careers " "--version"
"$bin" --help > "$work/out" 2>&1; expect_status 0 $? "--help"
expect_in "$work/out" "build" "--help lists build"
"$bin" help import > "$work/out" 2>&1; expect_status 0 $? "help import"
expect_in "$work/out" "usage: careers import" "help import"
"$bin" frobnicate > "$work/out" 2>&1; expect_status 2 $? "unknown command"
expect_in "$work/out" 'careers: no command "frobnicate"' "unknown command"
"$bin" build --colour > "$work/out" 2>&1; expect_status 2 $? "unknown option"
expect_in "$work/out" "unknown option --colour" "unknown option"
"$bin" build --data > "$work/out" 2>&1; expect_status 2 $? "option without value"
expect_in "$work/out" "--data needs a value" "option without value"
"$bin" import --db "$work/none.db" > "$work/out" 2>&1; expect_status 2 $? "import without files"

# --- a folder with good, bad and unrelated files ---------------------------------
data="$work/data"
mkdir -p "$data/standards" "$data/other"
cp "$src/tests/fixtures/ifate/good_and_bad.csv" "$data/standards/"
cp "$src/tests/fixtures/ifate/good_and_bad_utf16le.csv" "$data/standards/"
printf '# Notes\nThese are the files we downloaded.\n' > "$data/README.md"
printf 'URN,LinkURN,LinkName\n1,2,x\n' > "$data/other/unrelated.csv"
head -c 3000 /dev/urandom > "$data/other/picture.png"
: > "$data/other/empty.csv"
cat > "$data/DATASET" <<'EOF'
name: test data
licence: Test licence 1.0
attribution: Written for the careers tests.
sample: yes
date: 2026-10-01
EOF

store="$work/store.db"
"$bin" build --data "$data" --out "$store" > "$work/out" 2> "$work/err"
expect_status 0 $? "build"
expect_in "$work/out" "good_and_bad.csv" "build lists each file"
expect_in "$work/out" "ifate-standards-csv" "build names the format"
expect_in "$work/out" "skipped README.md" "build lists skipped files"
expect_in "$work/out" "skipped other/picture.png: binary data" "binary skipped"
expect_in "$work/out" "skipped other/empty.csv: the file is empty" "empty skipped"
expect_in "$work/out" "skipped other/unrelated.csv: not a format this program reads" "unrelated skipped"
expect_in "$work/err" "good_and_bad.csv:7: Reference: \"XX0001\" is not a standard reference" "rejection names file:line: column"
[ -f "$store" ] || fail "build did not create the store"
ls "$work" | grep -q building && fail "build left a temporary file"

"$bin" sources --db "$store" > "$work/out" 2>&1; expect_status 0 $? "sources"
expect_in "$work/out" "[SAMPLE: written by the careers project]" "sources marks samples"
expect_in "$work/out" "licence:     Test licence 1.0" "DATASET licence applied"
expect_in "$work/out" "data date:   2026-10-14" "data date from the file's title line"
expect_in "$work/out" "rows:        7 read, 4 loaded, 3 rejected" "sources counts"
expect_in "$work/out" "UTF-16LE" "sources encoding"
"$bin" sources --db "$store" --rejected utf16 > "$work/out" 2>&1; expect_status 0 $? "sources --rejected"
expect_in "$work/out" "good_and_bad_utf16le.csv:9: Name: is empty" "kept rejections"
CAREERS_DB="$store" "$bin" > "$work/out" 2>&1; expect_status 0 $? "careers with no arguments"
expect_in "$work/out" "4 apprenticeship standards" "summary counts"

# --- failures never touch the existing store --------------------------------------
before=$(sha256sum < "$store")
bad="$work/bad"
mkdir -p "$bad"
cp "$src/tests/fixtures/ifate/good_and_bad.csv" "$bad/"
cp "$src/tests/fixtures/ifate/missing_reference.csv" "$bad/"
# A near miss fails the build only with --strict; otherwise it is skipped with a warning.
"$bin" build --strict --data "$bad" --out "$store" > "$work/out" 2> "$work/err"
expect_status 1 $? "--strict build with a near miss"
expect_in "$work/err" "missing_reference.csv: looks like IfATE apprenticeship standards (CSV download), but the header on line 2 has no \"Reference\" column" "near miss named"
expect_in "$work/err" "was not changed" "failure says the store is unchanged"
[ "$(sha256sum < "$store")" = "$before" ] || fail "failed build changed the store"
ls "$work" | grep -q building && fail "failed build left a temporary file"
"$bin" build --data "$bad" --out "$work/near.db" > "$work/out" 2> "$work/err"
expect_status 0 $? "build with a near miss"
expect_in "$work/err" "warning: skipped missing_reference.csv: looks like IfATE apprenticeship standards" "near miss skipped with a warning"
expect_in "$work/out" "1 of them near misses" "summary counts the near miss"

# A recognised file broken as a whole fails the build, unless --keep-going.
cp "$src/tests/fixtures/ifate/good_and_bad.csv" "$bad/broken.csv"
printf 'ST0999,"Unfinished quote,2\n' >> "$bad/broken.csv"
"$bin" build --data "$bad" --out "$store" > "$work/out" 2> "$work/err"
expect_status 1 $? "build with a broken file"
expect_in "$work/err" "broken.csv: line" "broken file named"
[ "$(sha256sum < "$store")" = "$before" ] || fail "failed build changed the store"
"$bin" build --keep-going --data "$bad" --out "$work/kept.db" > "$work/out" 2> "$work/err"
expect_status 0 $? "--keep-going build with a broken file"
expect_in "$work/err" "broken.csv: left out of the build (--keep-going)" "broken file left out"
expect_in "$work/out" "1 left out as broken" "summary counts the broken file"
"$bin" sources --db "$work/kept.db" > "$work/out" 2>&1
expect_in "$work/out" "FAILED (left out of the build)" "provenance records the broken file"
rm -f "$bad/broken.csv"

"$bin" build --data "$work/no-such-folder" --out "$store" > "$work/out" 2> "$work/err"
expect_status 1 $? "build from a missing folder"
expect_in "$work/err" "cannot read the folder" "missing folder"
[ "$(sha256sum < "$store")" = "$before" ] || fail "build from a missing folder changed the store"

# A file name with terminal controls in it is not played to the terminal by any listing.
evil_dir="$work/evil"
mkdir -p "$evil_dir"
cp "$src/tests/fixtures/ifate/good_and_bad.csv" "$evil_dir/$(printf 'std\033[2J\302\233x\377.csv')"
"$bin" build --data "$evil_dir" --out "$work/evil.db" > "$work/out" 2> "$work/err"
expect_status 0 $? "build of a file with controls in its name"
"$bin" sources --db "$work/evil.db" >> "$work/out" 2>> "$work/err"
"$bin" sources --db "$work/evil.db" --rejected >> "$work/out" 2>> "$work/err"
LC_ALL=C grep -q "$(printf '\033')" "$work/out" "$work/err" && fail "a file name's escape sequence was printed"
LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$work/out" "$work/err" && fail "a file name's C1 control was printed"

# A DATASET line of any length is one line: a long attribution is read whole, and a
# mistake after it is reported on the line it is on.
long=$(head -c 1500 /dev/zero | tr '\0' 'a')
dsdata="$work/dsdata"
mkdir -p "$dsdata"
cp "$src/tests/fixtures/ifate/good_and_bad.csv" "$dsdata/"
printf 'licence: Test licence 1.0\nattribution: Credit %s.\n' "$long" > "$dsdata/DATASET"
"$bin" build --quiet --data "$dsdata" --out "$work/ds.db" > "$work/out" 2> "$work/err"
expect_status 0 $? "build with a long DATASET line"
"$bin" sources --db "$work/ds.db" > "$work/out" 2>&1
grep -q "attribution: Credit a\{1500\}\." "$work/out" || fail "the long attribution was not read whole"
printf '# %s\nlicence: L\nattribution: A\nsomething wrong\n' "$long" > "$dsdata/DATASET"
"$bin" build --quiet --data "$dsdata" --out "$work/ds2.db" > "$work/out" 2> "$work/err"
expect_status 1 $? "build with a bad DATASET line"
expect_in "$work/err" "DATASET:4: expected \"key: value\"" "a DATASET mistake is on its real line"

# kill -9 in the middle of a build: make one big enough to take a while.
big="$work/big"
mkdir -p "$big"
{
	echo "Apprenticeship Standards accurate as of 08 May 2018"
	echo "Name, Reference, Standard Approved, Assessment Plan Approved, Approved for Delivery Date, Route, Level, Integrated Degree, Maximum Funding (£), Funding Band, Typical Duration, Trailblazer Contact, LARS code for providers only, Link"
	awk 'BEGIN { for (i = 0; i < 800000; i++) printf "Standard number %d,ST%04d,Y,Y,12-11-2014,Digital,%d,,18000,12,24,,%d,https://example.org/%d/\n", i, i % 10000, 2 + i % 6, 1 + i % 900000, i }'
} > "$big/standards.csv"
"$bin" build --quiet --data "$big" --out "$store" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 100); do
	ls "$work" | grep -q "store.db.building-$pid" && break
	sleep 0.02
done
sleep 0.3
kill -9 "$pid" 2> /dev/null
wait "$pid" 2> /dev/null
[ "$(sha256sum < "$store")" = "$before" ] || fail "kill -9 during a build changed the store"
"$bin" sources --db "$store" > /dev/null 2>&1 || fail "store unreadable after kill -9 of a build"
# The next build tidies up what the killed one left.
"$bin" build --quiet --data "$data" --out "$store" > /dev/null 2>&1
expect_status 0 $? "build after a killed build"
ls "$work" | grep -q "building-$pid" && fail "stale temporary file of the killed build not removed"

# SIGTERM is caught: the build stops at once (not at the end of the file it is
# reading, which takes seconds), tidies up, and says so.
before=$(sha256sum < "$store")
"$bin" build --quiet --data "$big" --out "$store" > /dev/null 2> "$work/err" &
pid=$!
sleep 0.5
kill -TERM "$pid" 2> /dev/null
killed_at=$(date +%s%N)
wait "$pid"
status=$?
took=$((($(date +%s%N) - killed_at) / 1000000))
[ "$took" -lt 1500 ] || fail "the build took $took ms to stop after SIGTERM"
if [ "$status" != 0 ]; then
	expect_status 1 "$status" "interrupted build"
	expect_in "$work/err" "build interrupted" "interrupted build says so"
fi
[ "$(sha256sum < "$store")" = "$before" ] || [ "$status" = 0 ] || fail "interrupted build changed the store"
ls "$work" | grep -q "building-$pid" && fail "interrupted build left its temporary file"

# --- import: all or nothing -----------------------------------------------------------
before=$(sha256sum < "$store")
"$bin" import --db "$store" "$src/tests/fixtures/ifate/good_and_bad.csv" "$data/README.md" > "$work/out" 2> "$work/err"
expect_status 1 $? "import with an unrecognised file"
expect_in "$work/err" "README.md: not a format this program reads" "import names the unrecognised file"
expect_in "$work/err" "nothing was imported" "import failure says nothing changed"
[ "$(sha256sum < "$store")" = "$before" ] || fail "failed import changed the store"

cp "$src/tests/fixtures/ifate/good_and_bad.csv" "$work/extra.csv"
sed -i 's/ST0116/ST0777/' "$work/extra.csv"
"$bin" import --db "$store" "$work/extra.csv" > "$work/out" 2> "$work/err"
expect_status 0 $? "import"
expect_in "$work/out" "imported 1 files" "import summary"
"$bin" sources --db "$store" > "$work/out" 2>&1
expect_in "$work/out" "$work/extra.csv" "imported file listed"
CAREERS_DB="$store" "$bin" > "$work/out" 2>&1
expect_in "$work/out" "5 apprenticeship standards" "import added the new standard"
# A named pipe (or a device) is refused at once, not read: it would hold the store locked.
mkfifo "$work/pipe.csv"
before=$(sha256sum < "$store")
timeout 10 "$bin" import --db "$store" "$work/pipe.csv" > "$work/out" 2> "$work/err"
status=$?
[ "$status" = 124 ] && fail "import of a named pipe hung"
expect_status 1 "$status" "import of a named pipe"
expect_in "$work/err" "pipe.csv: is a named pipe (FIFO), not an ordinary file" "a named pipe is named"
"$bin" import --db "$store" /dev/zero > "$work/out" 2> "$work/err"
expect_status 1 $? "import of /dev/zero"
expect_in "$work/err" "/dev/zero: is a device, not an ordinary file" "/dev/zero is not called empty"
# Every input is open before the store is locked: a missing one stops the import first.
"$bin" import --db "$store" "$work/extra.csv" "$work/missing.csv" > "$work/out" 2> "$work/err"
expect_status 1 $? "import with a missing input"
grep -q "^file " "$work/out" && fail "the store was opened for writing before every input was open"
expect_in "$work/err" "missing.csv: cannot open" "the missing input is named"
[ "$(sha256sum < "$store")" = "$before" ] || fail "a refused input changed the store"
# A key that comes again replaces the row before it: what is loaded is what remains.
{
	echo "id,postcode,latitude,longitude"
	for i in $(seq 1 500); do echo "$i,DN1 3BU,53.52$i,-1.13$i"; done
	echo "501,DN1 3EX,53.5,-1.1"
} > "$work/same_key.csv"
"$bin" import --db "$store" "$work/same_key.csv" > "$work/out" 2> "$work/err"
expect_status 0 $? "import of repeated keys"
grep -qE "same_key.csv +[a-z-]+ +501 +2 +0$" "$work/out" || fail "repeated keys counted as loaded: $(cat "$work/out")"
expect_in "$work/out" "499 rows had the same key as an earlier row of this file" "repeated keys explained"
"$bin" sources --db "$store" > "$work/out" 2>&1
expect_in "$work/out" "501 read, 2 loaded, 0 rejected" "sources counts what remains"
# A store that cannot be written is named as the culprit, not the input file.
cp "$store" "$work/ro.db"
chmod 444 "$work/ro.db"
as_nobody=""
[ "$(id -u)" = 0 ] && as_nobody="setpriv --reuid=65534 --regid=65534 --clear-groups"
if [ -n "$as_nobody" ] && ! command -v setpriv > /dev/null; then
	echo "setpriv is not installed: skipping the read-only store check (root can write anywhere)"
else
	chmod o+rx "$work"
	$as_nobody "$bin" import --db "$work/ro.db" "$work/extra.csv" > "$work/out" 2> "$work/err"
	expect_status 1 $? "import into a read-only store"
	expect_in "$work/err" "cannot write to the store $work/ro.db" "a read-only store is named"
	grep -q "^careers: $work/extra.csv" "$work/err" && fail "a read-only store blamed the input: $(cat "$work/err")"
fi
"$bin" import --db "$work/missing.db" "$work/extra.csv" > "$work/out" 2>&1
expect_status 1 $? "import into a missing store"
expect_in "$work/out" "cannot open the store" "import into a missing store"

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed" >&2
	exit 1
fi
echo "all build checks passed"
