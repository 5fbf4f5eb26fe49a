#!/usr/bin/env bash
# e2e_dynlib.sh - libcurl and libarchive are loaded only by the commands that
# need them (app/dynlib.h): careers is not linked with them, a search or the
# import of a CSV file never loads them, a zip import and a fetch do; and
# when one cannot be loaded, the command that needs it fails saying what to
# install, changing nothing, while every other command still works.
#
# What a process loads is read from the dynamic loader itself (LD_DEBUG=files
# names every library it opens, dlopen'ed ones included); each check that a
# library is absent is paired with one that the same log shows it when it is
# loaded, so a loader that printed nothing could not pass the test.
# CAREERS_LIBCURL and CAREERS_LIBARCHIVE (dynlib.h) name a file to load instead.
set -u
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_dynlib.$$
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
expect_status() { [ "$1" = "$2" ] || fail "$3: exit status $2, expected $1"; }
expect_in() { grep -qF -- "$2" "$1" || { fail "$3: \"$2\" not in:"; head -40 "$1" | sed 's/^/    /' >&2; }; }
expect_not_in() { grep -qF -- "$2" "$1" && { fail "$3: \"$2\" should not be in:"; grep -F -- "$2" "$1" | head -5 | sed 's/^/    /' >&2; }; }
sum() { sha256sum < "$1" | cut -d' ' -f1; }
# The libraries the dynamic loader opened for a command: "careers ..." with LD_DEBUG=files.
loaded() { # LOG careers-arguments...
	local log=$1
	shift
	LD_DEBUG=files "$bin" "$@" > "$log.out" 2> "$log"
}
export CAREERS_KEYGEN_KDF=interactive	# 16 MB scrypt, not 1 GB: the format is the same
unset CAREERS_LIBCURL CAREERS_LIBARCHIVE CAREERS_SOURCES
cd "$work" || exit 1
data=$src/data/doncaster
zip=$(ls "$data"/ashe/*.zip)
csv=$(ls "$data"/gias/*.csv)

# --- not linked ------------------------------------------------------------------------------
ldd "$bin" > ldd.txt 2>&1 || fail "ldd $bin"
expect_in ldd.txt libsqlite3.so "ldd (the libraries careers is linked with)"
expect_not_in ldd.txt libcurl "careers linked with libcurl (ldd)"
expect_not_in ldd.txt libarchive "careers linked with libarchive (ldd)"

# --- a search loads neither; a build with zips loads libarchive only --------------------------
loaded build.log build --quiet --data "$data" --out store.db
expect_status 0 $? "build of the bundled data"
expect_in build.log "file=libarchive.so" "the build of a folder with zips loads libarchive (LD_DEBUG)"
expect_not_in build.log "file=libcurl" "a build without --fetch loads libcurl"

loaded search.log search --db store.db --today 2026-11-30 --year 11 --postcode DN1 --interest digital
expect_status 0 $? "search"
expect_in search.log.out "A level Computer Science" "search's results"
expect_in search.log "file=libsqlite3.so" "the loader's log of a search (LD_DEBUG=files)"
expect_not_in search.log "file=libcurl" "a search loads libcurl"
expect_not_in search.log "file=libarchive" "a search loads libarchive"

cp store.db csv.db
loaded csv.log import --db csv.db "$csv"
expect_status 0 $? "import of a CSV file"
expect_in csv.log "file=libsqlite3.so" "the loader's log of an import (LD_DEBUG=files)"
expect_not_in csv.log "file=libarchive" "the import of a CSV file loads libarchive"
expect_not_in csv.log "file=libcurl" "the import of a CSV file loads libcurl"

cp store.db zip.db
loaded zip.log import --db zip.db "$zip"
expect_status 0 $? "import of a zip archive"
expect_in zip.log "file=libarchive.so" "the import of a zip archive loads libarchive (LD_DEBUG)"
expect_not_in zip.log "file=libcurl" "the import of a zip archive loads libcurl"

# --- without libarchive ----------------------------------------------------------------------
cp store.db noarchive.db
before=$(sum noarchive.db)
CAREERS_LIBARCHIVE=/nonexistent/libarchive.so.13 "$bin" import --db noarchive.db "$zip" > out 2>&1
expect_status 1 $? "import of a zip without libarchive"
expect_in out "reading zip archives and Excel workbooks needs libarchive (libarchive.so." "the zip import without libarchive"
expect_in out "which cannot be loaded (/nonexistent/libarchive.so.13: cannot open shared object file" "the zip import without libarchive"
expect_in out "install it (" "the zip import without libarchive says what to install"
expect_in out "$(basename "$zip")" "the zip import without libarchive names the file"
[ "$(sum noarchive.db)" = "$before" ] || fail "a failed zip import changed the store"
# A library that is not libarchive (the C library is always there): a function is missing.
CAREERS_LIBARCHIVE=libc.so.6 "$bin" import --db noarchive.db "$zip" > out 2>&1
expect_status 1 $? "import of a zip with a library that is not libarchive"
expect_in out "needs libarchive (libarchive.so." "the zip import with the wrong library"
expect_in out "but the one found has no archive_read_new()" "the zip import with the wrong library"
[ "$(sum noarchive.db)" = "$before" ] || fail "a failed zip import changed the store"
# A build that meets a zip fails the same way and keeps the old store; --keep-going leaves it out.
cp store.db kept.db
before=$(sum kept.db)
CAREERS_LIBARCHIVE=/nonexistent/libarchive.so.13 "$bin" build --quiet --data "$data" --out kept.db > out 2>&1
expect_status 1 $? "build of a folder with zips without libarchive"
expect_in out "needs libarchive (libarchive.so." "the build without libarchive"
[ "$(sum kept.db)" = "$before" ] || fail "a failed build changed the store"
CAREERS_LIBARCHIVE=/nonexistent/libarchive.so.13 "$bin" build --quiet --keep-going --data "$data" --out kept.db > out 2>&1
expect_status 0 $? "build --keep-going without libarchive"
# Everything that needs no archive still works.
CAREERS_LIBARCHIVE=/nonexistent/libarchive.so.13 CAREERS_LIBCURL=/nonexistent/libcurl.so.4 \
	"$bin" import --db noarchive.db "$csv" > out 2>&1
expect_status 0 $? "import of a CSV file without libarchive and libcurl"
CAREERS_LIBARCHIVE=/nonexistent/libarchive.so.13 CAREERS_LIBCURL=/nonexistent/libcurl.so.4 \
	"$bin" search --db noarchive.db --today 2026-11-30 --year 11 --postcode DN1 --interest digital > out 2>&1
expect_status 0 $? "search without libarchive and libcurl"
expect_in out "A level Computer Science" "search without libarchive and libcurl"

# --- without libcurl -------------------------------------------------------------------------
# Nothing listens on port 9 here: the fetch fails, but only after libcurl is loaded.
printf '[nowhere]\ntitle = nowhere test\npublisher = the test\nlicence = Test licence\nchanges = weekly\nkind = csv\nurl = http://127.0.0.1:9/file.csv\n' > sources.conf
loaded fetch.log fetch --sources sources.conf --to fetched --retries 0 --connect-timeout 5
expect_status 1 $? "fetch from a closed port"
expect_in fetch.log "file=libcurl.so" "fetch loads libcurl (LD_DEBUG)"
expect_not_in fetch.log "file=libarchive" "fetch loads libarchive"
rm -rf fetched
CAREERS_LIBCURL=/nonexistent/libcurl.so.4 "$bin" fetch --sources sources.conf --to fetched > out 2>&1
expect_status 1 $? "fetch without libcurl"
expect_in out "careers: downloading needs libcurl (libcurl.so." "fetch without libcurl"
expect_in out "which cannot be loaded (/nonexistent/libcurl.so.4: cannot open shared object file" "fetch without libcurl"
expect_in out "install it (" "fetch without libcurl says what to install"
[ -e fetched ] && fail "fetch without libcurl made its folder"
CAREERS_LIBCURL=libc.so.6 "$bin" fetch --sources sources.conf --to fetched --dry-run > out 2>&1
expect_status 1 $? "fetch --dry-run with a library that is not libcurl"
expect_in out "needs libcurl (libcurl.so." "fetch with the wrong library"
expect_in out "but the one found has no curl_easy_init()" "fetch with the wrong library"
CAREERS_LIBCURL=/nonexistent/libcurl.so.4 CAREERS_SOURCES=sources.conf "$bin" build --fetch \
	--data fetched --out fetched.db > out 2>&1
expect_status 1 $? "build --fetch without libcurl"
expect_in out "downloading needs libcurl (libcurl.so." "build --fetch without libcurl"
[ -e fetched.db ] && fail "build --fetch without libcurl made a store"

# An update from a web address needs libcurl; from a folder it does not.
"$bin" keygen --out key --no-passphrase > out 2>&1 || { cat out; fail "keygen"; }
"$bin" publish --store store.db --key key.key --out pub > out 2>&1 || { cat out; fail "publish"; }
cp csv.db kiosk.db
before=$(sum kiosk.db)
CAREERS_LIBCURL=/nonexistent/libcurl.so.4 "$bin" update --from http://127.0.0.1:9/pub \
	--pubkey key.pub --db kiosk.db > out 2>&1
expect_status 1 $? "update from a web address without libcurl"
expect_in out "careers: downloading needs libcurl (libcurl.so." "update without libcurl"
expect_in out "kiosk.db was not changed" "update without libcurl"
[ "$(sum kiosk.db)" = "$before" ] || fail "a failed update changed the store"
CAREERS_LIBCURL=/nonexistent/libcurl.so.4 LD_DEBUG=files "$bin" update --from pub \
	--pubkey key.pub --db kiosk.db > out 2> update.log
expect_status 0 $? "update from a folder without libcurl"
expect_in out "kiosk.db now holds version" "update from a folder without libcurl"
expect_not_in update.log "file=libcurl" "an update from a folder loads libcurl"
expect_in update.log "file=libsodium.so" "the loader's log of an update (LD_DEBUG=files)"

if [ "$failures" -gt 0 ]; then
	echo "e2e_dynlib: $failures failure(s)"
	exit 1
fi
echo "e2e_dynlib: all passed"
