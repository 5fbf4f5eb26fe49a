#!/usr/bin/env bash
# e2e_refdata.sh - build a store from every real sample in ../shared/refdata
# and check what each file loads. Skips (77) when that folder is absent.
set -u
bin=${CAREERS_BIN:?}
refdata=${CAREERS_REFDATA:?}
[ -d "$refdata" ] || { echo "no $refdata: skipping"; exit 77; }
work=${CAREERS_TEST_TMP:-/tmp}/e2e_refdata.$$
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

"$bin" build --data "$refdata" --out "$work/store.db" > "$work/out" 2> "$work/err"
[ $? = 0 ] || { fail "building from refdata failed"; cat "$work/err" >&2; }

# file, format, read, loaded, rejected - as the build's table prints them.
loads() {
	grep -qE "^$1 +$2 +$3 +$4 +$5\$" "$work/out" || {
		fail "$1: expected $2 with $3 read, $4 loaded, $5 rejected; got:"
		grep -F "$1" "$work/out" | sed 's/^/    /' >&2
	}
}
loads ifate-apprenticeship-standards/ApprenticeshipStandards_2018-05-08_utf8.csv ifate-standards-csv 546 546 0
loads ifate-apprenticeship-standards/ApprenticeshipStandards_2018-05-08_original-utf16le.csv ifate-standards-csv 546 546 0
loads lars/Standard.csv lars-standard-csv 589 589 0
loads lars/SectorSubjectAreaTier1.csv lars-ssa-csv 17 15 0
loads lars/SectorSubjectAreaTier2.csv lars-ssa-csv 67 65 0
loads lars/NotionalNVQLevelv2.csv lars-level-csv 13 13 0
loads discover-uni/INSTITUTION.csv discover-uni-institution-csv 509 509 0
loads discover-uni/KISCOURSE.excerpt.csv discover-uni-kiscourse-csv 6 6 0
loads gias-edubase/edubase_sample_claim-additional-payments_latin1.csv gias-csv 4 4 0
loads ons-soc2020/soc2020_volume1_descriptions_16102024.csv ons-soc2020-csv 551 551 0
loads onet/Interests_excel-export.csv onet-interests-csv 7866 7866 0
loads "onet/Occupation Data.txt" onet-occupations-csv 1110 1110 0
loads onet/Job_Zones_excel-export.csv onet-job-zones-csv 923 923 0
loads lmi-for-all/soc_search_q_driving.json lmi-soc-json 10 10 0
loads lmi-for-all/ashe_estimatePay_coarse_true_soc_4135.json lmi-ashe-json 2 2 0
# 28,552 DN postcodes; 14 of them have no grid reference and cannot be placed.
loads postcodes/nspl-may2025-latlong-DN/DN.csv postcodes-csv 28552 28538 0
loads postcodes/codepoint-open-2014/dn.csv codepoint-open-csv 21483 21483 0
loads postcodes/outcode-centroids/postcode-outcodes.csv outcodes-csv 2973 2973 0

grep -qF "skipped lmi-for-all/soc_search_q_EMPTY.json: this is an error message from the service, not data" "$work/out" ||
	fail "the API error response is not skipped with its reason"
grep -qF "skipped lars/StandardFunding.csv: not a format this program reads" "$work/out" ||
	fail "unrelated LARS files are not listed as skipped"

q() { sqlite3 "$work/store.db" "$1"; }
[ "$(q "SELECT count(*) FROM standard WHERE reference IS NOT NULL")" = 545 ] ||
	fail "545 distinct IfATE references (ST0313 appears twice in the file)"
[ "$(q "SELECT count(*) FROM postcode WHERE postcode LIKE 'DN%'")" = 28538 ] || fail "DN postcodes in the store"
[ "$(q "SELECT count(*) FROM occupation")" -ge 412 ] || fail "all 412 SOC 2020 unit groups"
[ "$(q "SELECT count(*) FROM provider WHERE kind IN ('university', 'college', 'sixth_form') AND ukprn IS NOT NULL")" -ge 470 ] || fail "universities and colleges from INSTITUTION.csv"
# Latin-1 arrived as UTF-8.
[ "$(q "SELECT count(*) FROM provider WHERE name = 'St Thomas à Becket Church of England Aided Primary School'")" = 1 ] ||
	fail "Latin-1 school name not converted"
# Personal data never reaches the store.
[ "$(q "SELECT count(*) FROM standard WHERE url LIKE '%@%' OR title LIKE '%@%'")" = 0 ] || fail "e-mail addresses stored"
"$bin" sources --db "$work/store.db" | grep -qF "sha256:" || fail "sources lists hashes"

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed" >&2
	exit 1
fi
echo "all refdata checks passed"
