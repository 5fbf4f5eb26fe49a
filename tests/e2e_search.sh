#!/usr/bin/env bash
# e2e_search.sh - `careers search` on a store built from the bundled sample
# files: text, JSON and CSV output, the date rules seen from outside, and
# every kind of bad argument.
set -u
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_search.$$
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_in() { grep -qF -- "$2" "$1" || { fail "$3: \"$2\" not in:"; head -40 "$1" | sed 's/^/    /' >&2; }; }
expect_not_in() { grep -qF -- "$2" "$1" && fail "$3: \"$2\" should not be in the output"; }
# A value from the JSON output, with SQLite's own JSON functions.
json() { sqlite3 :memory: "SELECT json_extract(readfile('$1'), '$2')"; }

store="$work/store.db"
"$bin" build --quiet --data "$src/data/doncaster" --out "$store" > /dev/null || { echo "cannot build"; exit 1; }
search() { "$bin" search --db "$store" --today 2026-11-30 "$@"; }

# --- text ---------------------------------------------------------------------------------
search --year 11 --postcode dn13bu --interest digital --kind course > "$work/out" 2>&1
[ $? = 0 ] || fail "search exited non-zero"
expect_in "$work/out" "Year 11, on 30 Nov 2026, within 10 miles of DN1 3BU; interests: Computers and digital" "query echoed"
expect_in "$work/out" "A level Computer Science" "a digital course near DN1"
expect_in "$work/out" "- Computers and digital: \"computer\" in its title" "interest reason naming the link"
expect_in "$work/out" "miles from DN1 3BU" "distance reason"
expect_in "$work/out" "- Level 3 - the next step after GCSEs" "level reason"
expect_in "$work/out" "after you leave Year 11" "timing reason"
expect_in "$work/out" "not for your age left out (--show-all shows them)" "adult courses hidden and counted"

search --year 11 --postcode DN1 --interest digital --kind course --show-all > "$work/out" 2>&1
expect_in "$work/out" "for adults aged 19 and over" "--show-all explains"

# Prefix matching of free text.
search --year 10 --postcode DN1 --text mech --kind career > "$work/out" 2>&1
expect_in "$work/out" "\"mech\" is in its name" "prefix match reason"

# --- dates: "what about next September?" ------------------------------------------------------
search --year 11 --postcode DN1 --kind apprenticeship --interest engineering --limit 1 > "$work/now" 2>&1
expect_in "$work/now" "when you can leave school" "Year 11 in November: from leaving day"
"$bin" search --db "$store" --today 2027-07-01 --year 11 --postcode DN1 --kind apprenticeship \
	--interest engineering --limit 40 > "$work/later" 2>&1
expect_in "$work/later" "you can start an apprenticeship now" "after leaving day: now"

# --- JSON -------------------------------------------------------------------------------------------
search --year 11 --postcode "DN1 3BU" --interest digital --format json --limit 5 > "$work/out.json" 2> "$work/err"
[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$work/out.json'))")" = 1 ] || fail "JSON output is not valid JSON"
[ "$(json "$work/out.json" '$.query.school_year')" = 11 ] || fail "query.school_year"
[ "$(json "$work/out.json" '$.query.postcode')" = "DN1 3BU" ] || fail "query.postcode"
[ "$(json "$work/out.json" '$.query.interests[0]')" = digital ] || fail "query.interests"
[ "$(json "$work/out.json" "json_array_length(\$.results)")" != "" ] || true
[ "$(sqlite3 :memory: "SELECT json_array_length(readfile('$work/out.json'), '\$.results')")" = 5 ] || fail "limit 5"
total=$(json "$work/out.json" '$.total')
[ "$total" -gt 5 ] 2> /dev/null || fail "total should count past the limit ($total)"
for field in kind id title where distance_miles level starts availability score reasons url; do
	[ "$(sqlite3 :memory: "SELECT json_type(readfile('$work/out.json'), '\$.results[0].$field') IS NOT NULL")" = 1 ] ||
		fail "results[0] has no \"$field\""
done
[ "$(json "$work/out.json" '$.results[0].reasons[0]')" != "" ] || fail "results carry reasons"

# --- CSV ------------------------------------------------------------------------------------------------
search --year 11 --postcode DN1 --interest digital --format csv --limit 3 > "$work/out.csv" 2>&1
head -1 "$work/out.csv" | grep -q "^kind,id,ref,title,where,distance_miles,level,starts,availability,available_from,score,reasons,url" || fail "CSV header"
[ "$(wc -l < "$work/out.csv")" = 4 ] || fail "CSV has a header and 3 rows"

# --- not for me, and sorting --------------------------------------------------------------------------
search --year 11 --postcode DN1 --interest digital --kind course --format csv --limit 1 > "$work/first.csv"
first=$(sed -n 2p "$work/first.csv" | cut -d, -f2)
search --year 11 --postcode DN1 --interest digital --kind course --format csv --limit 1 --not-for-me "course:$first" > "$work/second.csv"
[ "$(sed -n 2p "$work/second.csv" | cut -d, -f2)" != "$first" ] || fail "--not-for-me did not remove course:$first"
search --year 11 --postcode DN1 --within 30 --kind school --sort distance --format csv --limit 0 > "$work/near.csv"
[ "$(tail -n +2 "$work/near.csv" | wc -l)" -ge 3 ] || fail "too few schools to check the order"
tail -n +2 "$work/near.csv" | awk -F, '$6 + 0 < last { bad = 1 } { last = $6 + 0 } END { exit bad }' ||
	fail "--sort distance is not nearest first"

# --- places --------------------------------------------------------------------------------------------
search --year 11 --postcode "DN4 9ZZ" --kind school > "$work/out" 2>&1
[ $? = 0 ] || fail "unknown postcode in a known district should still search"
expect_in "$work/out" "Note: DN4 9ZZ is not a postcode we know, so distances are from the middle of DN4." "district note"
search --year 11 --postcode "ZZ99 9ZZ" > "$work/out" 2>&1
[ $? = 1 ] || fail "a postcode nowhere known should fail"
expect_in "$work/out" "ZZ99 9ZZ is not a postcode or postcode district we know" "unknown place"

# --- bad arguments: exit 2, naming the argument and what is accepted -------------------------------------
bad() { # expected-message args...
	local want=$1
	shift
	search "$@" > "$work/bad" 2>&1
	local rc=$?
	[ "$rc" = 2 ] || fail "search $* exited $rc, expected 2"
	expect_in "$work/bad" "$want" "search $*"
}
bad '--interest "astronomy": no such interest; choose from: animals, business' --interest astronomy
bad '--year "14": school years are 7 to 13' --year 14
bad '--year "eleven": school years are 7 to 13' --year eleven
bad '--age "12": give the age of someone who has left school, 16 to 25' --age 12
bad '--within "ten": give a number of miles (e.g. 10) or anywhere' --within ten
bad '--kind "jobs": choose from career, course, school, apprenticeship, vacancy, university' --kind jobs
bad '--sort "fun": choose from relevance, distance, start, pay' --sort fun
bad '--format "xml": choose from text, json, csv' --format xml
bad '--postcode "12345": not a postcode or postcode district' --postcode 12345
bad '--riasec "ABC" is not a RIASEC result' --riasec ABC
bad '--today "31/12/2026": give a date as YYYY-MM-DD' --today 31/12/2026
# A real date outside what careers can work with, or one that does not exist, says which.
bad '--today "9999-12-31": careers works with dates from 1800 to 2200' --today 9999-12-31
bad '--today "2027-02-30": February 2027 has 28 days' --today 2027-02-30
bad '--today "2027-13-01": there is no month 13' --today 2027-13-01
bad '--limit "1000000": at most 100000 results are listed; --limit 0 lists them all' --limit 1000000
bad '--limit "-3": give a whole number, 0 for all' --limit -3
bad 'give --year (at school) or --age (left school), not both' --year 11 --age 17
bad 'unknown option --colour' --colour red
bad '--travel "car": choose from bus, none' --travel car
bad '--within-minutes "2": give a number of minutes door to door, 5 to 240' --within-minutes 2
bad '--arrive-by "9am": give a time of day such as 09:00' --arrive-by 9am
bad '--within-minutes, --arrive-by and --sort travel are about travel by bus: leave out --travel none' --travel none --within-minutes 30
bad '--walk-metres "9000"' --walk-metres 9000

# --- by bus: the sample's buses (data/tools/dn_buses.py) ---------------------------------------------
search --year 11 --postcode "DN12 3EF" --travel bus --within-minutes 45 --arrive-by 09:00 \
	--sort travel --kind course --format json --limit 5 > "$work/bus.json" 2> "$work/err"
[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$work/bus.json'))")" = 1 ] || fail "bus JSON is not valid JSON"
[ "$(json "$work/bus.json" '$.travel.mode')" = bus ] || fail "travel.mode"
[ "$(json "$work/bus.json" '$.travel.used')" = 1 ] || fail "travel.used"
[ "$(json "$work/bus.json" '$.travel.day')" = 2026-11-30 ] || fail "travel.day (a Monday, a normal school day)"
[ "$(json "$work/bus.json" '$.travel.arrive_by')" = 09:00 ] || fail "travel.arrive_by"
[ "$(json "$work/bus.json" '$.travel.within_minutes')" = 45 ] || fail "travel.within_minutes"
[ "$(json "$work/bus.json" '$.travel.timetables_valid_to')" = 2027-12-31 ] || fail "travel.timetables_valid_to"
[ "$(json "$work/bus.json" '$.query.sort')" = travel ] || fail "query.sort travel"
for field in mode minutes changes walk_minutes depart arrive; do
	[ "$(sqlite3 :memory: "SELECT json_type(readfile('$work/bus.json'), '\$.results[0].travel.$field') IS NOT NULL")" = 1 ] ||
		fail "results[0].travel has no \"$field\""
done
[ "$(json "$work/bus.json" '$.results[0].travel.mode')" = bus ] || fail "results[0].travel.mode"
[ "$(json "$work/bus.json" '$.results[0].travel.depart')" = 08:36 ] || fail "results[0].travel.depart: $(json "$work/bus.json" '$.results[0].travel.depart')"
[ "$(json "$work/bus.json" '$.results[0].travel.arrive')" = 08:58 ] || fail "results[0].travel.arrive"
[ "$(json "$work/bus.json" '$.results[0].travel.minutes')" = 22 ] || fail "results[0].travel.minutes"
# Sorted by minutes door to door, none more than 45.
sqlite3 :memory: "SELECT json_extract(value, '\$.travel.minutes') FROM json_each(readfile('$work/bus.json'), '\$.results')" > "$work/minutes"
sort -n -c "$work/minutes" || fail "--sort travel: not quickest first"
awk '$1 > 45 { bad = 1 } END { exit bad }' "$work/minutes" || fail "--within-minutes 45 let a longer journey through"
# Text: the journey in the reasons; the day and time in the query line.
search --year 11 --postcode "DN12 3EF" --within-minutes 45 --kind course --limit 3 > "$work/out" 2>&1
expect_in "$work/out" "within 45 min by bus of DN12 3EF, arriving by 09:00 on Monday 30 November" "bus query echoed"
expect_in "$work/out" "min by bus: leave at " "journey reason"
expect_in "$work/out" "Bus times from the timetables valid to 31 Dec 2027." "the timetables' validity shown"
# Outside the timetables: said so, and miles as ever.
search --year 11 --postcode HU1 --travel bus --within-minutes 30 --format json --limit 3 > "$work/hull.json" 2>&1
[ "$(json "$work/hull.json" '$.travel.used')" = 0 ] || fail "no timetable covers HU1"
[ "$(json "$work/hull.json" '$.travel.note')" = "no bus timetable covers HU1, so distances are in miles" ] ||
	fail "the note when no timetable covers the place: $(json "$work/hull.json" '$.travel.note')"
# No journey in time: travel is null.
search --year 11 --postcode "DN12 3EF" --travel bus --arrive-by 06:00 --kind school --format json --limit 1 > "$work/early.json" 2>&1
[ "$(json "$work/early.json" '$.results[0].kind')" = school ] || fail "a school near DN12 by 06:00"
[ "$(sqlite3 :memory: "SELECT json_type(readfile('$work/early.json'), '\$.results[0].travel')")" = null ] ||
	fail "a school no bus reaches by 06:00 has travel null"
expect_in "$work/early.json" '"no bus gets there by 06:00"' "the reason says no bus gets there"
# CSV gains the minutes.
search --year 11 --postcode "DN12 3EF" --within-minutes 45 --kind course --format csv --limit 2 > "$work/bus.csv" 2>&1
head -1 "$work/bus.csv" | grep -q ',url,travel_minutes' || fail "CSV header has travel_minutes"

# --- free text finds what people type ---------------------------------------------------------------------
# Word forms: "nurse" finds nursing, and a nursery is not a nurse.
search --age 19 --text nurse --postcode dn1 --within 30 --limit 0 > "$work/nurse" 2>&1
expect_in "$work/nurse" "Nursing associate" "nurse finds the nursing associate standard"
expect_in "$work/nurse" "Nursing (Adult)" "nurse finds Nursing (Adult)"
expect_not_in "$work/nurse" "Nursery" "a nursery is not a nurse"
# Spelling put right from the store's own words, and said.
search --age 19 --text electrision --limit 5 > "$work/spell" 2>&1
expect_in "$work/spell" 'Note: "electrision" is in no title here: showing "electrician".' "spelling suggestion said"
expect_in "$work/spell" "lectrician" "results for the suggestion"
# Synonyms pupils use.
search --age 19 --text vet --limit 0 > "$work/vet" 2>&1
expect_in "$work/vet" "Veterinary nurse" "vet finds veterinary"
# A district alone is an approximate place.
search --postcode dn1 --format json > "$work/district.json" 2>&1
[ "$(json "$work/district.json" '$.query.approximate_location')" = 1 ] || fail "--postcode dn1 is not approximate_location"
expect_in "$work/district.json" "distances are from the middle of DN1" "district note"

# --- what is printed is text: no terminal controls, and JSON stays JSON --------------------------------------
# Invalid UTF-8, an escape sequence, a C1 control (CSI, U+009B) and a bell in the words looked for.
evil=$(printf 'mech\377\376\033[2J\302\233\007x')
search --text "$evil" --format json > "$work/evil.json" 2>&1
[ "$(sqlite3 :memory: "SELECT json_valid(readfile('$work/evil.json'))")" = 1 ] || fail "--text with invalid UTF-8 made invalid JSON"
for format in text json csv; do
	search --text "$evil" --format "$format" > "$work/evil.out" 2>&1
	LC_ALL=C grep -q "$(printf '[\001-\010\013-\014\016-\037\177]')" "$work/evil.out" && fail "--format $format printed a control character"
	LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$work/evil.out" && fail "--format $format printed a C1 control"
	iconv -f UTF-8 -t UTF-8 "$work/evil.out" > /dev/null 2>&1 || fail "--format $format printed invalid UTF-8"
done
search --sort "$evil" > "$work/evil.out" 2>&1
LC_ALL=C grep -q "$(printf '\033')" "$work/evil.out" && fail "an argument's escape sequence reached the terminal in a message"

# --- learner text never reaches SQL as SQL ------------------------------------------------------------------
before=$(sha256sum < "$store")
search --text "x'); DROP TABLE course; --" > "$work/out" 2>&1
search --text '"*" OR title:* NEAR(' > "$work/out" 2>&1
[ $? = 0 ] || fail "search text with FTS syntax in it failed"
[ "$(sha256sum < "$store")" = "$before" ] || fail "searching changed the store"
search --year 11 --postcode DN1 --interest digital --kind course > "$work/out" 2>&1
expect_in "$work/out" "A level Computer Science" "store intact after hostile text"

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed" >&2
	exit 1
fi
echo "all search checks passed"
