#!/usr/bin/env bash
# e2e_quiz_crosswalk.sh - the quiz reaches careers through the published
# crosswalks. A store built the way real data is (SOC 2020 careers and O*NET,
# but no project-written SOC 2020 -> O*NET file) links its careers to O*NET
# through ONS's SOC 2020 -> ISCO-08, BLS's ISCO-08 -> 2018 SOC and O*NET's
# O*NET-SOC -> 2018 SOC files (the Doncaster samples of each), so a learner
# who only did the quiz gets careers with a quiz fit, saying how the link was
# made; without those files they get none.
set -u
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_quiz_crosswalk.$$
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_in() { grep -qF -- "$2" "$1" || { fail "$3: \"$2\" not in:"; head -30 "$1" | sed 's/^/    /' >&2; }; }
expect_not_in() { grep -qF -- "$2" "$1" && fail "$3: \"$2\" should not be in the output"; }
d=$src/data/doncaster

# Careers and O*NET only, as from ONS and O*NET's own downloads.
mkdir -p "$work/bare" "$work/chain"
cp -r "$d/ons-soc2020" "$d/onet" "$work/bare/"
rm "$work/bare/onet/2019_to_SOC_Crosswalk_doncaster_sample.csv"
cp -r "$d/ons-soc2020" "$d/onet" "$work/chain/"
cp "$d/crosswalk/soc2020_isco08_doncaster_sample.csv" "$d/crosswalk/isco08_soc2018_doncaster_sample.csv" \
   "$work/chain/"
"$bin" build --quiet --data "$work/bare" --out "$work/bare.db" > "$work/out" 2>&1 || fail "build bare"
"$bin" build --quiet --data "$work/chain" --out "$work/chain.db" > "$work/out" 2>&1 || fail "build chain"
"$bin" build --quiet --data "$d" --out "$work/bundled.db" > "$work/out" 2>&1 || fail "build bundled"

# Each file was read as its own format.
sqlite3 "$work/chain.db" "SELECT format FROM source_file" > "$work/formats"
for f in ons-soc2020-isco08 bls-isco08-soc2018 onet-soc2018-crosswalk; do
	expect_in "$work/formats" "$f" "the sample read as $f"
done

# Every career of the sample has a quiz profile through ISCO; none without the files.
careers=$(sqlite3 "$work/chain.db" "SELECT count(*) FROM occupation")
linked=$(sqlite3 "$work/chain.db" "SELECT count(*) FROM occupation WHERE riasec IS NOT NULL AND onet_link LIKE 'isco %'")
[ "$careers" -gt 50 ] && [ "$linked" = "$careers" ] || fail "careers linked through ISCO: $linked of $careers"
bare=$(sqlite3 "$work/bare.db" "SELECT count(*) FROM occupation WHERE riasec IS NOT NULL")
[ "$bare" = 0 ] || fail "without crosswalks $bare careers still had a quiz profile"
# Vehicle technicians: ISCO-08 7231 -> 49-3023 -> 49-3023.00, one occupation.
expect_in <(sqlite3 "$work/chain.db" "SELECT soc, onet_code, how, isco, us_soc FROM occupation_onet WHERE soc = '5231'") \
	"5231|49-3023.00|isco|7231|49-3023" "the chain recorded for vehicle technicians"
# Several O*NET occupations under one group are averaged, and said so.
avg=$(sqlite3 "$work/chain.db" "SELECT count(*) FROM occupation WHERE onet_link GLOB 'isco * [2-9]'")
[ "${avg:-0}" -gt 0 ] || fail "no career averaged over several O*NET occupations"
# The bundled store keeps the project's direct links where it has them.
direct=$(sqlite3 "$work/bundled.db" "SELECT count(*) FROM occupation WHERE onet_link LIKE 'direct %'")
[ "$direct" -gt 50 ] || fail "bundled store: only $direct direct links"

# A learner who only did the quiz.
search() { "$bin" search --db "$1" --today 2026-11-30 --age 16 --kind career "${@:2}"; }
search "$work/chain.db" --riasec RIC --limit 10 > "$work/out" 2>&1 || fail "search chain"
expect_in "$work/out" "like your quiz answers" "quiz fit on careers"
expect_in "$work/out" "quiz match found through the international job group ISCO-08" "the link named"
n=$(grep -c "like your quiz answers" "$work/out")
[ "$n" = 10 ] || fail "only $n of the top ten careers fit the quiz"
search "$work/bare.db" --riasec RIC --limit 10 > "$work/out" 2>&1
expect_not_in "$work/out" "like your quiz answers" "no quiz fit without the crosswalks"
search "$work/bundled.db" --riasec RIC --limit 10 > "$work/out" 2>&1
expect_not_in "$work/out" "international job group" "direct links are not said to be through ISCO"

# Ticked interests come before quiz-only fits.
search "$work/chain.db" --riasec RIC --interest animals --limit 10 --format csv > "$work/out" 2>&1
head -4 "$work/out" | tail -3 > "$work/top3"
expect_in "$work/top3" "Animal care services" "a ticked interest first"
expect_not_in "$work/top3" "quiz match" "no quiz-only fit above the ticked interest"

# A bad row names its file, line and column; the good rows are kept.
printf 'O*NET-SOC 2019 Code,O*NET-SOC 2019 Title,2018 SOC Code,2018 SOC Title\n49-3023.00,Automotive techs,49-3023,x\n49-3023.00,Automotive techs,49-30,x\n' \
	> "$work/xw.csv"
cp "$work/chain.db" "$work/imp.db"
"$bin" import --db "$work/imp.db" "$work/xw.csv" > "$work/out" 2>&1
expect_in "$work/out" "xw.csv:3: 2018 SOC Code: \"49-30\" is not a 2018 SOC code such as 15-1252" "bad row named"
expect_in "$work/out" "1 rows loaded, 1 rejected" "the good row kept"

# Real data: ONS's SOC 2020 and O*NET's interests from ../shared/refdata, with the three
# sample crosswalks beside them; the sample's careers reach the quiz.
refdata=${CAREERS_REFDATA:-}
if [ -n "$refdata" ] && [ -d "$refdata" ]; then
	mkdir -p "$work/real"
	cp -r "$refdata"/* "$work/real/"
	cp "$d/crosswalk/soc2020_isco08_doncaster_sample.csv" "$d/crosswalk/isco08_soc2018_doncaster_sample.csv" \
	   "$d/onet/2019_to_SOC_Crosswalk_doncaster_sample.csv" "$work/real/"
	"$bin" build --quiet --data "$work/real" --out "$work/real.db" > "$work/out" 2>&1 || fail "build real"
	real=$(sqlite3 "$work/real.db" "SELECT count(*) FROM occupation WHERE riasec IS NOT NULL AND onet_link LIKE 'isco %'")
	[ "$real" -ge 60 ] || fail "real data: only $real careers reach the quiz"
	search "$work/real.db" --riasec SAE --limit 10 > "$work/out" 2>&1
	n=$(grep -c "like your quiz answers" "$work/out")
	[ "$n" = 10 ] || fail "real data: only $n of the top ten careers fit the quiz"
	echo "real data: $real careers reach the quiz through ISCO-08"
else
	echo "no CAREERS_REFDATA folder: the real-data half is skipped"
fi

[ "$failures" = 0 ] && echo "e2e_quiz_crosswalk: all passed"
exit $((failures > 0))
