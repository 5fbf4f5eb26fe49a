#!/usr/bin/env bash
# e2e_update.sh - `careers keygen`, `publish` and `update` on the real binary:
# from a folder (a file share, a USB stick) and from a local web server.
#
# Signatures are checked against the minisign tool both ways. Every fault
# (tampered store, wrong signature, another key, an older schema, a cut
# download, a full disk, ...) must leave the kiosk's store byte for byte as
# it was and say why.
set -u
bin=${CAREERS_BIN:?}
src=${CAREERS_SOURCE:?}
work=${CAREERS_TEST_TMP:-/tmp}/e2e_update.$$
rm -rf "$work" && mkdir -p "$work"
. "$src/tests/lib_http.sh"
trap 'stop_servers; rm -rf "$work"' EXIT
sum() { sha256sum < "$1" | cut -d' ' -f1; }
# The option index's copy beside a store is that store's: the same identity (bytes 48-63 of
# the image, app/pack.c) as the image in the store.
copy_is_its() {
	[ "$(od -An -tx1 -j48 -N16 "$1-index" 2> /dev/null | tr -d ' \n')" = \
	  "$(sqlite3 "$1" "SELECT lower(hex(substr(data, 49, 16))) FROM option_pack")" ]
}

for tool in python3 openssl minisign zstd sqlite3; do need_tool "$tool"; done
export CAREERS_KEYGEN_KDF=interactive	# 16 MB scrypt, not 1 GB: the format is the same
export CAREERS_HTTP_BACKOFF_MS=50
cd "$work"

# --- two stores: A (the bundled data) and B (the same without ASHE pay figures) -----------
"$bin" build --quiet --data "$src/data/doncaster" --out A.db > /dev/null 2>&1 || fail "build A"
mkdir datab && cp -r "$src"/data/doncaster/* datab/ && rm -r datab/ashe
"$bin" build --quiet --data datab --out B.db > /dev/null 2>&1 || fail "build B"

# --- keys ---------------------------------------------------------------------------------
"$bin" keygen --out plain --no-passphrase > out 2>&1; expect_status 0 $? "keygen"
expect_in out "NOT protected by a passphrase" "keygen says the key is unprotected"
[ "$(stat -c %a plain.key)" = 600 ] || fail "the secret key is not mode 0600"
"$bin" keygen --out plain --no-passphrase > out 2>&1; expect_status 1 $? "keygen again"
expect_in out "keygen never replaces a key" "keygen keeps an existing key"
printf 'correct horse\n' > pass
printf 'wrong horse\n' > badpass
"$bin" keygen --out e --passphrase-file pass > out 2>&1; expect_status 0 $? "keygen with a passphrase"
expect_in out "protected by your passphrase" "keygen with a passphrase says so"
head -1 e.key | grep -q "encrypted" || fail "the secret key file does not say it is encrypted"
# The encrypted key works in minisign (which asks for its password on stdin) ...
echo "some file" > f
printf 'correct horse\n' | minisign -S -s e.key -m f > out 2>&1 || fail "minisign cannot sign with our key"
minisign -Vm f -p e.pub > out 2>&1 || fail "minisign cannot verify with our public key"
printf 'wrong horse\n' | minisign -S -s e.key -m f > out 2>&1 && fail "minisign took a wrong password"
# ... and a key minisign made works in careers.
minisign -G -W -p m.pub -s m.key > /dev/null 2>&1 || fail "minisign -G"

# --- publish ---------------------------------------------------------------------------------
"$bin" publish --store A.db --key e.key --passphrase-file badpass --out pub > out 2>&1
expect_status 1 $? "publish with a wrong passphrase"
expect_in out "wrong passphrase" "wrong passphrase said"
[ -e pub/careers.manifest ] && fail "a failed publish left a manifest"
"$bin" publish --store A.db --key e.key --passphrase-file pass --out pub > out 2>&1
expect_status 0 $? "publish A"
expect_in out "published version" "publish says what it did"
minisign -Vm pub/careers.manifest -p e.pub > out 2>&1 || { fail "minisign rejects our manifest signature"; cat out >&2; }
expect_in out "Signature and comment signature verified" "minisign verifies the manifest"
minisign -Vm pub/careers-*.db.zst -p e.pub > out 2>&1 || fail "minisign rejects our store signature"
grep -q "^schema_version: $(sqlite3 A.db "PRAGMA user_version")$" pub/careers.manifest || fail "manifest schema version"
grep -q "^source: ifate-standards-csv files=1 loaded=" pub/careers.manifest || fail "manifest per-source summary"
"$bin" publish --store A.db --key e.key --passphrase-file pass --out pub > out 2>&1
expect_status 0 $? "publish the same data"
expect_in out "nothing published" "unchanged data is not published again"
cp -r pub pubA
sleep 1
"$bin" publish --store B.db --key e.key --passphrase-file pass --out pubB > out 2>&1
expect_status 0 $? "publish B"

# --- update from a folder ----------------------------------------------------------------------
mkdir k1
"$bin" update --from pubA --pubkey e.pub --db k1/careers.db > out 2>&1; expect_status 0 $? "first update"
expect_in out "k1/careers.db now holds version" "update says what it installed"
cmp -s A.db k1/careers.db || fail "the installed store is not the published one"
copy_is_its k1/careers.db || fail "update did not write the option index's copy for the kiosk"
"$bin" update --from pubA --pubkey e.pub --db k1/careers.db > out 2>&1; expect_status 0 $? "second update"
expect_in out "is up to date" "nothing new"
"$bin" sources --db k1/careers.db > /dev/null 2>&1 || fail "the installed store does not open"

# A manifest signed by the minisign tool (with minisign's own key) is accepted.
cp -r pubA pubm
minisign -S -s m.key -m pubm/careers.manifest -x pubm/careers.manifest.minisig > /dev/null 2>&1 ||
	fail "minisign -S"
mkdir k2
"$bin" update --from pubm --pubkey m.pub --db k2/careers.db > out 2>&1
expect_status 0 $? "update checked with a minisign key"

# --- update over HTTP: an unchanged manifest costs one 304 ---------------------------------------
cp -r pubA web
start_server web web
url="http://127.0.0.1:$web_port/"
mkdir k3
"$bin" update --from "$url" --pubkey e.pub --db k3/careers.db > out 2>&1; expect_status 0 $? "update over http"
: > web.log
"$bin" update --from "$url" --pubkey e.pub --db k3/careers.db > out 2>&1; expect_status 0 $? "unchanged over http"
[ "$(log_lines web . | cut -d' ' -f1,2)" = "304 /careers.manifest" ] ||
	fail "an unchanged week should cost one 304, not: $(log_lines web .)"
expect_in out "has not changed" "unchanged over http said"
rm -rf web/* && cp -r pubB/. web/
"$bin" update --from "$url" --pubkey e.pub --db k3/careers.db > out 2>&1; expect_status 0 $? "new version over http"
cmp -s B.db k3/careers.db || fail "the new store is not B"
"$bin" update --status --db k3/careers.db > out 2>&1
expect_in out "previous: version" "status shows the previous store"

# --- rollback ---------------------------------------------------------------------------------------
"$bin" update --rollback --db k3/careers.db > out 2>&1; expect_status 0 $? "rollback"
cmp -s A.db k3/careers.db || fail "rollback did not put A back"
copy_is_its k3/careers.db || fail "rollback did not write the option index's copy for A"
expect_in out "will not be taken again" "rollback says the version is skipped"
"$bin" update --from "$url" --pubkey e.pub --db k3/careers.db > out 2>&1; expect_status 0 $? "update after rollback"
cmp -s A.db k3/careers.db || fail "the rolled-back version came back"
expect_in out "rolled back" "update after rollback says why it waits"
"$bin" update --from "$url" --pubkey e.pub --db k3/careers.db --force > out 2>&1
cmp -s B.db k3/careers.db || fail "--force did not take the rolled-back version"
"$bin" update --rollback --db "$work/none.db" > out 2>&1; expect_status 1 $? "rollback with nothing before"

# --- faults: each leaves the store as it was -----------------------------------------------------------
mkdir kf
"$bin" update --from pubA --pubkey e.pub --db kf/careers.db > /dev/null 2>&1
fault() { # what from expected-message [options...]
	local what=$1 from=$2 msg=$3 before
	shift 3
	before=$(sum kf/careers.db)
	"$bin" update --from "$from" --pubkey e.pub --db kf/careers.db "$@" > out 2>&1
	expect_status 1 $? "$what"
	expect_in out "$msg" "$what"
	expect_in out "kf/careers.db was not changed" "$what: says the store is untouched"
	[ "$(sum kf/careers.db)" = "$before" ] || fail "$what changed the store"
	[ -z "$(ls kf | grep -e '\.new-' -e '\.tmp')" ] || fail "$what left temporary files: $(ls kf)"
}
sign_with_minisign() { printf 'correct horse\n' | minisign -S -s e.key -m "$1/careers.manifest" \
	-x "$1/careers.manifest.minisig" > /dev/null 2>&1 || fail "minisign -S $1"; }

# A publisher that has published nothing for weeks is pointed out.
cp -r pubA pubold
sed -i 's/^version: .*/version: 20200101000000/' pubold/careers.manifest
sign_with_minisign pubold
mkdir ko
"$bin" update --from pubold --pubkey e.pub --db ko/careers.db > /dev/null 2>&1 || fail "install an old version"
"$bin" update --from pubold --pubkey e.pub --db ko/careers.db > out 2>&1; expect_status 0 $? "up to date, but old"
expect_in out "is the publisher's weekly job still running?" "a stale publisher pointed out"

cp -r pubB t1
python3 -c "import sys,glob; p=glob.glob(sys.argv[1]+'/*.db.zst')[0]; b=bytearray(open(p,'rb').read()); b[len(b)//2]^=1; open(p,'wb').write(b)" t1
fault "a tampered store" t1 "does not match the signed manifest"
cp -r pubB t2
sed -i 's/^published_at: .*/published_at: 2026-01-01T00:00:00Z/' t2/careers.manifest
fault "a changed manifest" t2 "the signature does not match"
cp -r pubB t3
minisign -S -s m.key -m t3/careers.manifest -x t3/careers.manifest.minisig > /dev/null 2>&1
fault "a manifest signed by another key" t3 "signed by another key"
cp -r pubB t4
sed -i 's/^schema_version: .*/schema_version: 2/' t4/careers.manifest
sign_with_minisign t4
fault "an older schema (in the manifest)" t4 "has schema version 2, and this careers reads version 8"
cp -r pubB t6
sed -i 's/^size: .*/size: 1000/' t6/careers.manifest
sign_with_minisign t6
fault "a store bigger than its manifest says" t6 "expands to more than the 1000 bytes expected"
# A store of an older schema under a manifest that claims the current one.
cp -r pubB t5 && cp B.db old.db && sqlite3 old.db "PRAGMA user_version = 2"
rm t5/*.db.zst* && zstd -q -19 old.db -o t5/old.db.zst
python3 - t5 old.db <<'EOF'
import hashlib, os, re, sys
d, db = sys.argv[1], sys.argv[2]
z = d + "/old.db.zst"
m = open(d + "/careers.manifest").read()
for key, value in (("store", "old.db.zst"), ("size", os.path.getsize(db)),
                   ("sha256", hashlib.sha256(open(db, "rb").read()).hexdigest()),
                   ("compressed_size", os.path.getsize(z)),
                   ("compressed_sha256", hashlib.sha256(open(z, "rb").read()).hexdigest())):
    m = re.sub(r"(?m)^%s: .*$" % key, "%s: %s" % (key, value), m)
open(d + "/careers.manifest", "w").write(m)
EOF
sign_with_minisign t5
fault "an older schema (in the store)" t5 "made by a different version of careers"
"$bin" update --from pubB --pubkey e.pub --db kf/careers.db > /dev/null 2>&1
fault "an older version" pubA "is older than the one installed"
"$bin" update --rollback --db kf/careers.db > /dev/null 2>&1
rm -f kf/careers.db.update	# forget the rolled-back version
size_kb=$(( $(stat -c %s B.db) / 1024 / 2 ))
before=$(sum kf/careers.db)
( ulimit -f "$size_kb"; "$bin" update --from pubB --pubkey e.pub --db kf/careers.db > out 2>&1 )
expect_status 1 $? "a full disk"
expect_in out "not enough room" "a full disk said"
[ "$(sum kf/careers.db)" = "$before" ] || fail "a full disk changed the store"
fault "no such folder" "$work/nothing" "cannot read $work/nothing/careers.manifest"
fault "404" "http://127.0.0.1:$web_port/nothing/" "HTTP 404 Not Found"
fault "no key file" pubB "cannot read" --pubkey "$work/none.pub"

# Sources that collapse: the bundled store (every DN postcode), then one without them.
mkdir datac && cp -r "$src"/data/doncaster/* datac/ && rm -r datac/postcodes-dn
"$bin" build --quiet --data datac --out C.db > /dev/null 2>&1 || fail "build C"
"$bin" publish --store A.db --key plain.key --out pubC > /dev/null 2>&1
mkdir kc
"$bin" update --from pubC --pubkey plain.pub --db kc/careers.db > /dev/null 2>&1 || fail "install A"
sleep 1
"$bin" publish --store C.db --key plain.key --out pubC > /dev/null 2>&1
before=$(sum kc/careers.db)
"$bin" update --from pubC --pubkey plain.pub --db kc/careers.db > out 2>&1; expect_status 1 $? "a collapsed source"
expect_in out "postcodes-csv went from " "the collapsed source named"
expect_in out " rows to 15: a source is missing or broken" "the collapse counted"
[ "$(sum kc/careers.db)" = "$before" ] || fail "a collapsed source changed the store"
sleep 1
"$bin" publish --store C.db --key plain.key --out pubC --force --allow-drop postcodes-csv > /dev/null 2>&1
"$bin" update --from pubC --pubkey plain.pub --db kc/careers.db > out 2>&1
expect_status 0 $? "a drop the publisher allowed"

# --- a cut download resumes; https needs a certificate it can check ---------------------------------
mkdir kr
cut_update() { "$bin" update --from "http://127.0.0.1:$web_port/fault/cut/" --pubkey e.pub \
	--db kr/careers.db --retries 0 > out 2>&1; }
# The server cuts the first answer for each file: the manifest, its signature, the store.
cut_update; expect_status 1 $? "a cut manifest, no retries"
cut_update; expect_status 1 $? "a cut signature, no retries"
cut_update; expect_status 1 $? "a cut store, no retries"
expect_in out "was cut" "a cut download said"
[ -s kr/careers.db.download ] || fail "the part of the store was not kept"
cut_update; expect_status 0 $? "resumed"
log_lines web '/fault/cut/careers-.*\.db\.zst$' | grep -q "^206 .*range=bytes=" || fail "the store did not resume with Range"
cmp -s B.db kr/careers.db || fail "the resumed store is not B"
make_cert
start_server tls web tls
mkdir kt
"$bin" update --from "https://127.0.0.1:$tls_port/" --pubkey e.pub --db kt/careers.db > out 2>&1
expect_status 1 $? "a self-signed certificate"
expect_in out "could not prove who it is" "a self-signed certificate refused"
[ -e kt/careers.db ] && fail "a refused server left a store"
printf 'from = https://127.0.0.1:%s/\npubkey = %s/e.pub\ndb = %s/kt/careers.db\ncacert = %s/cert.pem\n' \
	"$tls_port" "$work" "$work" "$work" > update.conf
"$bin" update --config update.conf > out 2>&1; expect_status 0 $? "https with the settings file"
printf 'colour = blue\n' >> update.conf
"$bin" update --config update.conf > out 2>&1; expect_status 1 $? "a bad settings file"
expect_in out "update.conf:5: unknown setting \"colour\"" "a bad setting named with its line"
"$bin" update --pubkey e.pub > out 2>&1; expect_status 2 $? "no --from"

[ "$failures" = 0 ] || { echo "$failures failures" >&2; exit 1; }
echo "e2e_update: all passed"
