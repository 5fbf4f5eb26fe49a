#!/usr/bin/env bash
# e2e_package.sh - the Debian package, end to end, on this machine: build it
# with CPack, list it, lintian it, install it with dpkg -i, use it as a
# technician would (careers --version, man, the units, the PIN, the kiosk
# started from the installed unit's command line as its user, in tmux at
# 80x24), then remove and purge it and check that nothing is left but the
# adviser's records.
#
# It installs a package, so it runs only as root with CI=true (as .ci/run
# does, after the test suite); anywhere else it skips (77). It never runs
# under ctest.
#
#   CI=true bash tests/e2e_package.sh [BUILD_DIR]     (default: build-deb)
set -u
cd "$(dirname "$0")/.." || exit 1
src=$PWD
build=${1:-build-deb}
skip() { echo "e2e_package: skipped: $*"; exit 77; }
[ "${CI:-}" = true ] || skip "it installs a package on this machine: run it with CI=true (as .ci/run does)"
[ "$(id -u)" = 0 ] || skip "it installs a package: it must run as root"
command -v dpkg > /dev/null || skip "dpkg is not installed"
if dpkg -s careers > /dev/null 2>&1; then
	echo "e2e_package: careers is already installed here; remove it first" >&2
	exit 1
fi

work=$(mktemp -d /tmp/e2e_package.XXXXXX)
chmod 0711 "$work"
sock="careers-package-$$"
installed=0
t() { tmux -L "$sock" "$@"; }
cleanup() {
	t kill-server 2> /dev/null
	[ "$installed" = 1 ] && dpkg -P careers > /dev/null 2>&1
	rm -rf "$work"
}
trap cleanup EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
step() { echo; echo "=== $* ($((SECONDS))s)"; }
expect_in() { # file needle what
	grep -qF -- "$2" "$1" || { fail "$3: \"$2\" not in:"; sed 's/^/    /' "$1" >&2; }
}

# --- build, list, lintian ----------------------------------------------------------------
step "build the package"
cmake -S . -B "$build" -DCAREERS_PACKAGE=ON -DCAREERS_TESTS=OFF -DCAREERS_WERROR=ON > "$work/log" 2>&1 &&
	cmake --build "$build" -j"$(nproc)" >> "$work/log" 2>&1 &&
	(cd "$build" && rm -f careers_*.deb && cpack -G DEB) >> "$work/log" 2>&1 ||
	{ cat "$work/log"; echo "FAIL: the package did not build" >&2; exit 1; }
deb=$(ls "$build"/careers_*_*.deb)
echo "$deb"

step "what the package holds"
dpkg-deb --info "$deb" | tee "$work/info"
dpkg-deb --contents "$deb" > "$work/contents"
grep -v '/usr/share/careers/doncaster/.' "$work/contents"
echo "(and $(grep -c '/usr/share/careers/doncaster/.' "$work/contents") files of the sample data in /usr/share/careers/doncaster)"
for path in ./usr/bin/careers ./usr/share/careers/careers.db ./usr/share/careers/careers.db-index \
	./usr/share/careers/schema.sql \
	./usr/share/careers/doncaster/DATASET ./usr/share/man/man1/careers.1.gz \
	./usr/share/man/man7/careers-kiosk.7.gz ./usr/share/bash-completion/completions/careers \
	/careers-kiosk@.service /careers-update.service /careers-update.timer \
	./usr/lib/sysusers.d/careers.conf ./usr/lib/tmpfiles.d/careers.conf \
	./etc/careers/kiosk.conf ./etc/careers/update.conf \
	./usr/share/doc/careers/copyright ./usr/share/doc/careers/changelog.gz; do
	expect_in "$work/contents" "$path" "the package's contents"
done
dpkg-deb --field "$deb" Depends > "$work/depends"
for dep in libsqlite3-0 libncursesw6 libpcre2-8-0 libcsv3 libc6 systemd kbd; do
	expect_in "$work/depends" "$dep" "Depends (from the libraries linked)"
done
# Loaded only when needed (app/dynlib.c), so named by hand, with the version built against.
for lib in libcurl.so.4 libarchive.so.13; do
	owner=$(dpkg-query -S "*/$lib" 2> /dev/null | head -1 | cut -d: -f1)
	[ -n "$owner" ] || { fail "no package here has $lib"; continue; }
	expect_in "$work/depends" "$owner (>= $(dpkg-query -W -f='${Version}' "$owner" | sed 's/-[^-]*$//'))" \
		"Depends (the libraries loaded when needed)"
done
dpkg-deb --ctrl-tarfile "$deb" | tar -xO ./conffiles > "$work/conffiles"
expect_in "$work/conffiles" /etc/careers/kiosk.conf "conffiles"
expect_in "$work/conffiles" /etc/careers/update.conf "conffiles"

step "lintian"
if command -v lintian > /dev/null; then
	lintian --display-info --pedantic --display-experimental --tag-display-limit 0 "$deb" 2>&1 |
		grep -v 'running with root privileges' | tee "$work/lintian"
	grep -E '^[EW]: ' "$work/lintian" && fail "lintian reports errors or warnings (above)"
else
	fail "lintian is not installed (apt-get install lintian)"
fi

# Every path on the machine, but those that change by themselves, to find
# what the package leaves behind. (CAREERS_SNAPSHOT_SKIP: more folders that
# other work changes meanwhile, on a machine shared with it.)
snapshot() {
	local skip=() path
	for path in ${CAREERS_SNAPSHOT_SKIP:-}; do skip+=(-o -path "$path"); done
	find / -xdev \( -path /proc -o -path /sys -o -path /dev -o -path /run -o -path /tmp \
		-o -path /var/tmp -o -path /var/log -o -path /var/cache -o -path /var/lib/dpkg \
		-o -path /var/lib/apt -o -path "$src" -o -path /root/.cache "${skip[@]}" \) -prune -o -print |
		grep -v -E '^/etc/(passwd|group|shadow|gshadow|subuid|subgid)-$' | sort
}
snapshot > "$work/before"

# --- install and use it --------------------------------------------------------------------
step "install with dpkg -i"
# (--path-include: a minimal image may be set to leave out manual pages.)
dpkg --path-include='/usr/share/man/man[17]/careers*' -i "$deb" || { fail "dpkg -i"; exit 1; }
installed=1
command -v careers > /dev/null && [ "$(command -v careers)" = /usr/bin/careers ] ||
	fail "careers is not /usr/bin/careers: $(command -v careers)"
careers --version > "$work/out" 2>&1 || fail "careers --version"
expect_in "$work/out" "careers $(dpkg-deb --field "$deb" Version)" "careers --version"
cat "$work/out"
man -w careers > "$work/out" 2>&1 || fail "man -w careers"
man -w careers-kiosk >> "$work/out" 2>&1 || fail "man -w careers-kiosk"
cat "$work/out"
expect_in "$work/out" /usr/share/man/man1/careers.1.gz "man -w careers"
expect_in "$work/out" /usr/share/man/man7/careers-kiosk.7.gz "man -w careers-kiosk"
MANWIDTH=80 man careers-kiosk 2> "$work/out" | col -bx > "$work/page" || fail "man careers-kiosk"
expect_in "$work/page" "systemctl enable --now careers-kiosk@tty1" "man careers-kiosk"

# libarchive and libcurl, loaded only when needed (app/dynlib.c), come with the package:
# a zip of the sample data imports, and a download gets as far as the network.
cp /usr/share/careers/careers.db "$work/zip.db"
careers import --db "$work/zip.db" /usr/share/careers/doncaster/ashe/*.zip > "$work/out" 2>&1 ||
	{ fail "careers import of a zip:"; sed 's/^/    /' "$work/out" >&2; }
printf '[nowhere]\ntitle = t\npublisher = t\nlicence = t\nchanges = weekly\nkind = csv\nurl = http://127.0.0.1:9/x.csv\n' \
	> "$work/sources.conf"
careers fetch --sources "$work/sources.conf" --to "$work/fetched" --retries 0 > "$work/out" 2>&1
expect_in "$work/out" "cannot connect to 127.0.0.1" "careers fetch from a closed port (libcurl loaded)"

# The kiosk's user, the stores' folder and the store, as postinst made them.
getent passwd careers-kiosk > "$work/out" || fail "no careers-kiosk user"
cat "$work/out"
case $(cut -d: -f7 "$work/out") in
*/nologin | */false) ;;
*) fail "careers-kiosk can log in: $(cat "$work/out")" ;;
esac
[ "$(readlink /var/lib/careers/careers.db)" = /usr/share/careers/careers.db ] ||
	fail "/var/lib/careers/careers.db does not lead to the bundled store"
[ "$(stat -c %U:%a /var/lib/careers)" = root:755 ] || fail "/var/lib/careers is $(stat -c %U:%a /var/lib/careers)"
careers sources > "$work/out" 2>&1 || fail "careers sources on the installed store"
expect_in "$work/out" "SAMPLE" "careers sources (the bundled store)"
careers --help > "$work/out"
expect_in "$work/out" "The store is /var/lib/careers/careers.db" "careers --help"
# Without the link (removed by hand, or tmpfiles never ran), the bundled store.
mv /var/lib/careers/careers.db "$work/link"
careers --help > "$work/out"
expect_in "$work/out" "The store is /usr/share/careers/careers.db" "careers --help with no store in /var/lib"
careers sources > /dev/null 2>&1 || fail "careers sources with no store in /var/lib"
mv "$work/link" /var/lib/careers/careers.db

step "systemd-analyze verify and security"
units="careers-kiosk@tty1.service careers-update.service careers-update.timer"
unit_dir=$(dirname "$(dpkg -L careers | grep '/careers-update.timer$')")
if command -v systemd-analyze > /dev/null; then
	for unit in $units; do
		systemd-analyze verify "$unit" > "$work/out" 2>&1 || {
			fail "systemd-analyze verify $unit:"
			sed 's/^/    /' "$work/out" >&2
		}
		# (The template cannot be verified without an instance; tty1 is it.)
		grep -v '^$' "$work/out" | sed "s/^/$unit: /"
	done
	echo "systemd-analyze verify: $units"
	systemd-analyze security --offline=true careers-kiosk@tty1.service > "$work/security" 2>&1
	grep -E '^✗|Overall exposure' "$work/security"
	# OK or better: an exposure level under 5.0 (50 on the --threshold scale).
	systemd-analyze security --offline=true --threshold=49 careers-kiosk@tty1.service > /dev/null 2>&1 ||
		fail "careers-kiosk@tty1.service is not rated OK or better: $(grep 'Overall' "$work/security")"
	systemd-analyze security --offline=true careers-update.service 2>&1 | grep 'Overall exposure'
else
	fail "systemd-analyze is not installed (apt-get install systemd)"
fi
unit_value() { sed -n "s/^$2=//p" "$unit_dir/$1"; }
unit_value careers-kiosk@.service ExecStart | grep -q '^/usr/bin/careers kiosk ' ||
	fail "the kiosk unit does not run /usr/bin/careers kiosk"
unit_value careers-kiosk@.service Conflicts | grep -q 'getty@%i.service' ||
	fail "the kiosk unit does not replace the getty on its terminal"
unit_value careers-kiosk@.service Restart | grep -qx always || fail "the kiosk unit does not restart"

# --- the daily update ------------------------------------------------------------------------
step "careers-update.service"
# Its ExecCondition (what systemd runs first), with the settings as shipped.
condition=$(unit_value careers-update.service ExecCondition | sed "s/^[^']*'//; s/'\$//; s/\\\$\\\$/\$/g")
(set -a; . /etc/careers/update.conf; sh -c "$condition") > "$work/out" 2>&1
status=$?
[ "$status" = 1 ] || fail "with no address the update's condition ended $status, not 1 (skipped)"
expect_in "$work/out" "no address is set in /etc/careers/update.conf" "the update with no address"
cat "$work/out"
(set -a; . /etc/careers/update.conf; CAREERS_UPDATE_FROM=https://careers.example/store; sh -c "$condition") ||
	fail "with an address set the update's condition stops it"
unit_value careers-update.timer RandomizedDelaySec | grep -q . || fail "the timer has no random delay"
# What the unit asks `careers update` for, against what careers update takes.
exec_start=$(unit_value careers-update.service ExecStart)
echo "ExecStart=$exec_start"
if careers help update > "$work/update-help" 2>&1; then
	for option in $(grep -o -- '--[a-z-]*' <<< "$exec_start"); do
		expect_in "$work/update-help" "$option" "careers help update (the unit uses $option)"
	done
else
	echo "(careers update is not in this version yet: the unit's options are not checked)"
fi

# --- the kiosk, as systemd would start it --------------------------------------------------
step "the PIN, and the kiosk as careers-kiosk in tmux at 80x24"
printf '246813\n246813\n' | careers pin --config /etc/careers/kiosk.conf > "$work/out" 2>&1 || fail "careers pin"
cat "$work/out"
[ "$(stat -c %U:%a /etc/careers/kiosk.conf)" = root:600 ] ||
	fail "/etc/careers/kiosk.conf is $(stat -c %U:%a /etc/careers/kiosk.conf) after careers pin, not root:600"
grep -q '^pin_hash = ' /etc/careers/kiosk.conf || fail "careers pin wrote no pin_hash"
# Root with no settings of its own: careers pin changes the machine's.
printf '246813\n246813\n' | HOME=$work/root XDG_CONFIG_HOME='' careers pin > "$work/out" 2>&1 || fail "careers pin (no --config)"
expect_in "$work/out" "/etc/careers/kiosk.conf" "careers pin as root with no settings of its own"
# LoadCredential=: systemd gives the kiosk a copy only it can read.
mkdir "$work/credentials"
cp /etc/careers/kiosk.conf "$work/credentials/kiosk.conf"
chown -R careers-kiosk: "$work/credentials"
chmod 0500 "$work/credentials" && chmod 0400 "$work/credentials/kiosk.conf"
command=$(unit_value careers-kiosk@.service ExecStart | sed "s|\${CREDENTIALS_DIRECTORY}|$work/credentials|")
echo "ExecStart: $command"
. tests/tmux_screen.sh
t new-session -d -s k -x 80 -y 24 \
	"setpriv --reuid=careers-kiosk --regid=careers-kiosk --clear-groups --no-new-privs --reset-env \
	 env LANG=C.UTF-8 TERM=tmux-256color $command; echo \$? > $work/status; sleep 30"
wait_for "What could you do next?"
t send-keys -t k Enter
wait_for "Which year are you in at school?"
t send-keys -t k Enter
wait_for "What are you interested in?"
t send-keys -t k j j j j j j Space Enter
wait_for "What is your postcode?"
t send-keys -t k d n 1 Space 3 b u Enter
wait_for "Your options"
screen | tee "$work/screen"
[ "$(LC_ALL=C.UTF-8 wc -L < "$work/screen")" -le 80 ] || fail "the kiosk is wider than 80 columns"
# (From /proc: a minimal machine may have no ps.)
as_kiosk=0
for proc in /proc/[0-9]*; do
	[ "$(cat "$proc/comm" 2> /dev/null)" = careers ] &&
		[ "$(stat -c %u "$proc" 2> /dev/null)" = "$(id -u careers-kiosk)" ] && as_kiosk=1
done
[ "$as_kiosk" = 1 ] || fail "the kiosk does not run as careers-kiosk"
# Leaving: F10 and the PIN end it with status 0.
t send-keys -t k F10
wait_for "This is for careers advisers."
t send-keys -t k 2 4 6 8 1 3 Enter
for _ in $(seq 1 50); do [ -s "$work/status" ] && break; sleep 0.1; done
[ "$(cat "$work/status" 2> /dev/null)" = 0 ] ||
	fail "leaving with the PIN ended the kiosk with status $(cat "$work/status" 2> /dev/null), not 0"
t kill-server 2> /dev/null
# What the kiosk's user cannot do: change the store or the settings.
setpriv --reuid=careers-kiosk --regid=careers-kiosk --clear-groups sh -c \
	'test -w /var/lib/careers || test -w /usr/share/careers/careers.db || test -r /etc/careers/kiosk.conf' &&
	fail "careers-kiosk may change the store or read the PIN's hash"

# The adviser's records: theirs, in their own folder; removing careers keeps them.
adviser_home=$work/adviser
mkdir -p "$adviser_home"
HOME=$adviser_home XDG_DATA_HOME='' careers records add-sample AB > "$work/out" 2>&1 || fail "careers records add-sample"
records=$adviser_home/.local/share/careers/records.db
[ -s "$records" ] || fail "no adviser records at $records"

# --- remove, purge ---------------------------------------------------------------------------
step "remove and purge"
dpkg -r careers || fail "dpkg -r"
[ -e /usr/bin/careers ] && fail "/usr/bin/careers is still there after dpkg -r"
[ -f /etc/careers/kiosk.conf ] || fail "dpkg -r removed the settings (conffiles stay until purge)"
dpkg -P careers || fail "dpkg -P"
installed=0
snapshot > "$work/after"
diff "$work/before" "$work/after" > "$work/left" ||
	{ fail "after purging, the machine is not as before (> is left behind):"; sed 's/^/    /' "$work/left" >&2; }
getent passwd careers-kiosk > /dev/null && fail "the careers-kiosk user is still there"
getent group careers-kiosk > /dev/null && fail "the careers-kiosk group is still there"
[ -s "$records" ] || fail "purging careers removed the adviser's records"
echo "nothing left but the adviser's records: $records"

echo
if [ "$failures" -gt 0 ]; then
	echo "e2e_package: $failures failure(s) in ${SECONDS}s"
	exit 1
fi
echo "e2e_package: the package builds, installs, runs and goes cleanly, in ${SECONDS}s"
