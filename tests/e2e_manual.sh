#!/usr/bin/env bash
# e2e_manual.sh - the manual pages and the bash completion say what --help
# says: every command of `careers --help` has its section in careers(1),
# every option `careers help COMMAND` shows is in that section and the other
# way round, careers-kiosk(7) has the kiosk's options, every environment
# variable the help names is under ENVIRONMENT, the pages format without
# warnings, and completing "--" offers each command's options exactly.
#
# The pages are the ones the build wrote (build/man), read through man(1)
# as a person reads them; without man-db, from their roff source.
set -u
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
man_dir=$(dirname "$bin")/man
work=${CAREERS_TEST_TMP:-/tmp}/e2e_manual.$$
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

for page in careers.1 careers-kiosk.7; do
	[ -s "$man_dir/$page" ] || { echo "FAIL: the build wrote no $man_dir/$page" >&2; exit 1; }
done

# A page as text, wide enough that no line is broken inside an option.
render() {
	if command -v man > /dev/null; then
		MANWIDTH=200 MAN_KEEP_FORMATTING='' man -l "$1" 2> "$work/warnings" | col -bx
	else
		sed -e 's/\\-/-/g; s/\\f[BIRP]//g; s/\\&//g; s/\\e/\\/g' \
			-e 's/^\.SS "\(.*\)"$/   \1/; s/^\.SH \(.*\)$/\1/; /^\.[A-Za-z]/d' "$1"
	fi
}
options() { grep -o -- '--[a-z][a-z0-9-]*' | sort -u; }
# The lines of one section of a rendered page: from its heading to the next.
section() { # text heading
	awk -v h="$2" '$0 == h { on = 1; next } on && /^(   )?[^ ]/ { exit } on' "$1"
}

render "$man_dir/careers.1" > "$work/careers.1.txt"
if [ -s "$work/warnings" ]; then
	fail "careers(1) does not format cleanly:"
	sed 's/^/    /' "$work/warnings" >&2
fi
render "$man_dir/careers-kiosk.7" > "$work/careers-kiosk.7.txt"
if [ -s "$work/warnings" ]; then
	fail "careers-kiosk(7) does not format cleanly:"
	sed 's/^/    /' "$work/warnings" >&2
fi

"$bin" --help > "$work/help" || fail "careers --help"
sed -n '/^commands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p' "$work/help" > "$work/commands"
[ -s "$work/commands" ] || fail "no commands in careers --help"
grep -o '^   careers [a-z-]*$' "$work/careers.1.txt" | sed 's/^   careers //' > "$work/man-commands"
diff "$work/commands" "$work/man-commands" > "$work/diff" ||
	{ fail "the commands of --help (<) and of careers(1) (>) differ:"; sed 's/^/    /' "$work/diff" >&2; }

# The options of each command, both ways.
: > "$work/all-help"
while read -r command; do
	"$bin" help "$command" > "$work/help-$command" || fail "careers help $command"
	cat "$work/help-$command" >> "$work/all-help"
	section "$work/careers.1.txt" "   careers $command" > "$work/man-$command"
	options < "$work/help-$command" > "$work/want"
	options < "$work/man-$command" > "$work/got"
	diff "$work/want" "$work/got" > "$work/diff" || {
		fail "careers help $command (<) and its section of careers(1) (>) differ:"
		sed 's/^/    /' "$work/diff" >&2
	}
done < "$work/commands"

# The general options, and nothing in the page that no help mentions
# (but --help itself).
for option in --version --db; do
	grep -q -- "$option" "$work/help" || fail "careers --help does not mention $option"
	grep -q -- "$option" "$work/careers.1.txt" || fail "careers(1) does not mention $option"
done
options < "$work/careers.1.txt" > "$work/got"
(cat "$work/help" "$work/all-help"; echo --help) | options > "$work/want"
comm -23 "$work/got" "$work/want" > "$work/extra"
[ -s "$work/extra" ] && fail "careers(1) has options no help shows: $(tr '\n' ' ' < "$work/extra")"

# Every environment variable the help names is explained.
section "$work/careers.1.txt" ENVIRONMENT > "$work/environment"
for var in $(cat "$work/help" "$work/all-help" | grep -o '\$[A-Z_][A-Z0-9_]*' | tr -d '$' | sort -u); do
	grep -q "^       $var\$" "$work/environment" || fail "careers(1) does not explain \$$var under ENVIRONMENT"
done

# careers-kiosk(7): the kiosk's options, and the settings it tells people to change.
options < "$work/help-kiosk" > "$work/want"
section "$work/careers-kiosk.7.txt" "   careers kiosk" | options > "$work/got"
diff "$work/want" "$work/got" > "$work/diff" ||
	{ fail "careers help kiosk (<) and careers-kiosk(7) (>) differ:"; sed 's/^/    /' "$work/diff" >&2; }
for word in "careers pin" "systemctl enable --now careers-kiosk@tty1" CAREERS_UPDATE_FROM; do
	grep -qF -- "$word" "$work/careers-kiosk.7.txt" || fail "careers-kiosk(7) does not say \"$word\""
done

# The completion offers each command's options, and the commands.
complete_words() {
	PATH="$(dirname "$bin"):$PATH" bash -c '
		source "$1"; shift
		COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
		_careers; [ ${#COMPREPLY[@]} -eq 0 ] || printf "%s\n" "${COMPREPLY[@]}" | sort -u' _ "$src/data/completion/careers" "$@"
}
complete_words careers "" > "$work/got"
(cat "$work/commands"; echo help) | sort -u > "$work/want"
diff "$work/want" "$work/got" > "$work/diff" ||
	{ fail "completing a command: --help (<) and the completion (>) differ:"; sed 's/^/    /' "$work/diff" >&2; }
while read -r command; do
	complete_words careers "$command" -- > "$work/got"
	options < "$work/help-$command" > "$work/want"
	diff "$work/want" "$work/got" > "$work/diff" || {
		fail "completing careers $command --: help (<) and the completion (>) differ:"
		sed 's/^/    /' "$work/diff" >&2
	}
done < "$work/commands"
complete_words careers search --sort "" | tr '\n' ' ' > "$work/got"
grep -q "distance" "$work/got" || fail "completing --sort offers \"$(cat "$work/got")\""

if [ "$failures" -gt 0 ]; then
	echo "$failures failure(s)"
	exit 1
fi
echo "the manual and the completion agree with --help"
