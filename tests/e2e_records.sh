#!/usr/bin/env bash
# e2e_records.sh - `careers records`, run on the real binary: listing an
# empty or missing file, bad arguments (exit 2, naming the argument), where
# the file is made and with what mode, show/delete/purge and their
# messages, and files that are refused untouched.
#
# Sessions are made with the hidden testing aid `careers records add-sample`.
set -u
bin=${CAREERS_BIN:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_records.$$
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
expect_not_in() { # file needle what
	grep -qF -- "$2" "$1" && { fail "$3: \"$2\" should not be in output:"; sed 's/^/    /' "$1" >&2; }
	return 0
}
mode_of() { stat -c %a "$1"; }

rec="$work/records.db"
run() { # what expected-status args... (output in $work/out, $work/err)
	local what=$1 want=$2
	shift 2
	"$bin" "$@" > "$work/out" 2> "$work/err"
	expect_status "$want" $? "$what"
}

# --- help ---------------------------------------------------------------------------
run "help records" 0 help records
expect_in "$work/out" "usage: careers records list|show ID|delete ID|purge --older-than DAYS [--yes] [--records FILE]" "help records"
expect_in "$work/out" "add-sample PUPIL         a testing aid" "help names the testing aid"
run "--help" 0 --help
expect_in "$work/out" "records" "--help lists records"

# --- a missing file: nothing to list, nothing made --------------------------------------
run "list, no file" 0 records list --records "$rec"
expect_in "$work/out" "no sessions saved in $rec (the file does not exist yet)" "list, no file"
[ -e "$rec" ] && fail "list made the records file"
run "purge, no file" 0 records purge --older-than 30 --records "$rec"
expect_in "$work/out" "purged 0 sessions" "purge, no file"
run "show, no file" 1 records show 1 --records "$rec"
expect_in "$work/err" "careers: there is no session 1: $rec does not exist yet" "show, no file"
[ -e "$rec" ] && fail "show made the records file"

# --- bad arguments: exit 2, naming the argument ----------------------------------------------
run "no action" 2 records
expect_in "$work/err" "careers records: say what to do" "no action"
expect_in "$work/err" "usage: careers records" "usage line"
run "unknown action" 2 records frobnicate
expect_in "$work/err" 'unknown records command "frobnicate"' "unknown action"
run "show without ID" 2 records show
expect_in "$work/err" "show needs a session ID" "show without ID"
run "bad ID" 2 records show abc
expect_in "$work/err" 'ID "abc" is not a session number' "bad ID"
run "zero ID" 2 records delete 0
expect_in "$work/err" 'ID "0" is not a session number' "zero ID"
run "extra argument" 2 records show 3 4
expect_in "$work/err" 'unexpected argument "4"' "extra argument"
run "purge without days" 2 records purge
expect_in "$work/err" "purge needs --older-than DAYS" "purge without days"
run "bad days" 2 records purge --older-than soon
expect_in "$work/err" '--older-than "soon" is not a number of days' "bad days"
run "negative days" 2 records purge --older-than=-3
expect_in "$work/err" '--older-than "-3" is not a number of days' "negative days"
run "bad today" 2 records purge --older-than 3 --today 2026-02-30
expect_in "$work/err" '--today "2026-02-30": February 2026 has 28 days' "bad today"
run "days on list" 2 records list --older-than 3
expect_in "$work/err" "--older-than is only for purge" "days on list"
run "unknown option" 2 records list --colour
expect_in "$work/err" "unknown option --colour" "unknown option"
run "option without value" 2 records list --records
expect_in "$work/err" "--records needs a value" "option without value"
run "add-sample without pupil" 2 records add-sample
expect_in "$work/err" "add-sample needs PUPIL" "add-sample without pupil"
[ -e "$rec" ] && fail "a bad command made the records file"

# --- the default place, and modes -------------------------------------------------------------
XDG_DATA_HOME="$work/xdg" "$bin" records add-sample AB > "$work/out" 2> "$work/err"
expect_status 0 $? "add-sample under XDG_DATA_HOME"
expect_in "$work/out" "saved sample session 1 for AB" "add-sample"
[ -f "$work/xdg/careers/records.db" ] || fail "no records file under XDG_DATA_HOME"
[ "$(mode_of "$work/xdg/careers/records.db")" = 600 ] || fail "records file mode $(mode_of "$work/xdg/careers/records.db"), expected 600"
[ "$(mode_of "$work/xdg/careers")" = 700 ] || fail "records folder mode $(mode_of "$work/xdg/careers"), expected 700"
[ "$(mode_of "$work/xdg")" = 700 ] || fail "made folder mode $(mode_of "$work/xdg"), expected 700"
env -u XDG_DATA_HOME HOME="$work/home" "$bin" records add-sample CD > "$work/out" 2>&1
expect_status 0 $? "add-sample under HOME"
[ -f "$work/home/.local/share/careers/records.db" ] || fail "no records file under ~/.local/share"
env -u XDG_DATA_HOME -u HOME "$bin" records list > "$work/out" 2> "$work/err"
expect_status 1 $? "no HOME"
expect_in "$work/err" "careers: cannot tell where the records are kept" "no HOME"

# --- list, show, delete, purge -----------------------------------------------------------------
run "add-sample 1" 0 records add-sample ZX9Q --records "$rec"
run "add-sample 2" 0 records add-sample "KL 2041" --records "$rec"
[ "$(mode_of "$rec")" = 600 ] || fail "--records file mode $(mode_of "$rec"), expected 600"
run "list" 0 records list --records "$rec"
[ "$(wc -l < "$work/out")" = 2 ] || fail "list: expected 2 lines"
expect_in "$work/out" "ZX9Q        created " "list names the pupil"
expect_in "$work/out" "3 shortlisted, 2 notes, 2 open actions" "list counts"
head -1 "$work/out" | grep -q "KL 2041" || fail "list: latest first"
run "show" 0 records show 1 --records "$rec"
expect_in "$work/out" "session 1: ZX9Q" "show heading"
expect_in "$work/out" "place:        DN1 3BU (postcode)" "show profile"
expect_in "$work/out" "apprenticeship 42: Software developer  [compare]" "show shortlist"
expect_in "$work/out" "    Likes building things." "show continues a note's lines"
expect_in "$work/out" "[to do] the pupil, by 2027-03-12" "show actions"
expect_in "$work/out" "not for me:   vacancy 5" "show exclusions"
run "show missing" 1 records show 99 --records "$rec"
expect_in "$work/err" "careers: there is no session 99 in $rec" "show missing"

grep -qa "ZX9Q" "$rec" || fail "the pupil is not in the file before deleting (test is wrong)"
run "delete" 0 records delete 1 --records "$rec"
expect_in "$work/out" "deleted session 1 (ZX9Q) from $rec" "delete message"
grep -qa "ZX9Q" "$rec" && fail "the deleted pupil is still in the file's bytes"
[ -e "$rec-journal" ] && fail "a journal was left after delete"
run "delete again" 1 records delete 1 --records "$rec"
expect_in "$work/err" "careers: there is no session 1 in $rec" "delete again"
run "list after delete" 0 records list --records "$rec"
expect_not_in "$work/out" "ZX9Q" "list after delete"

run "purge none" 0 records purge --older-than 30 --records "$rec"
expect_in "$work/out" "purged 0 sessions last updated before" "purge none"
grep -qa "KL 2041" "$rec" || fail "purge of nothing removed a session"
tomorrow=$(date -d tomorrow +%F 2> /dev/null || date -v+1d +%F)
# Purge shows what it would delete and asks; anything but yes keeps it all.
echo no | "$bin" records purge --older-than 0 --today "$tomorrow" --records "$rec" > "$work/out" 2> "$work/err"
expect_status 1 $? "purge, answered no"
expect_in "$work/out" "KL 2041" "purge lists what it would delete"
expect_in "$work/out" "Delete this session for good? Type yes to delete:" "purge asks"
expect_in "$work/err" "nothing was deleted (to purge without being asked, as a script would, add --yes)" "purge, answered no"
grep -qa "KL 2041" "$rec" || fail "a purge answered no removed a session"
"$bin" records purge --older-than 0 --today "$tomorrow" --records "$rec" < /dev/null > "$work/out" 2> "$work/err"
expect_status 1 $? "purge with nobody to answer"
grep -qa "KL 2041" "$rec" || fail "a purge nobody answered removed a session"
run "purge all" 0 records purge --older-than 0 --today "$tomorrow" --yes --records "$rec"
expect_in "$work/out" "purged 1 session last updated before $tomorrow (more than 0 days ago)" "purge message"
grep -qa "KL 2041" "$rec" && fail "the purged pupil is still in the file's bytes"
run "list, empty file" 0 records list --records "$rec"
expect_in "$work/out" "no sessions saved in $rec" "list, empty file"

# --- refused untouched ---------------------------------------------------------------------------
printf 'pupil,notes\nAB,likes maths\n' > "$work/notes.csv"
before=$(sha256sum < "$work/notes.csv")
run "text file" 1 records list --records "$work/notes.csv"
expect_in "$work/err" "careers: $work/notes.csv is not a careers records file" "text file"
run "text file, add" 1 records add-sample AB --records "$work/notes.csv"
[ "$(sha256sum < "$work/notes.csv")" = "$before" ] || fail "a text file was changed"
run "folder" 1 records list --records "$work"
expect_in "$work/err" "not a regular file" "folder"

if command -v sqlite3 > /dev/null; then
	newer="$work/newer.db"
	run "add-sample for newer" 0 records add-sample AB --records "$newer"
	sqlite3 "$newer" "PRAGMA user_version = 4" || fail "sqlite3 could not set the version"
	before=$(sha256sum < "$newer")
	run "newer file" 1 records list --records "$newer"
	expect_in "$work/err" "was written by a newer version of careers" "newer file"
	run "newer file, add" 1 records add-sample CD --records "$newer"
	[ "$(sha256sum < "$newer")" = "$before" ] || fail "a newer records file was changed"
else
	echo "sqlite3 not found: skipping the newer-version check (test_records covers it)"
fi

if [ "$failures" -gt 0 ]; then
	echo "$failures check(s) failed" >&2
	exit 1
fi
echo "all records checks passed"
