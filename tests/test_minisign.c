/*
 * test_minisign.c - keys and signatures in minisign's formats, and the
 * published-store manifest they sign.
 *
 * The minisign tool itself is checked against these in e2e_update.sh; here
 * the formats' details: a known key and signature written by minisign
 * 0.11, tampering of each part, wrong passphrases, damaged files.
 */
#include "check.h"
#include "manifest.h"
#include "mem.h"
#include "minisign.h"

/* Made with `minisign -G -W` and `minisign -S -m m` (m = "hello\n"), minisign 0.11. */
static const char known_pub[] =
	"untrusted comment: minisign public key 7BC65139C5279B85\n"
	"RWSFmyfFOVHGe8yKO1IjEbfReTY1cKyCG70LrHWcKjuBLT75pN7+iD0x\n";
static const char known_sig[] =
	"untrusted comment: signature from minisign secret key\n"
	"RUSFmyfFOVHGe3/7n9ZP1SbAPNehoc9GBNTBm6/BFshQ66zfC9+5CKTRMqaSsdMWpmYYA7KZpWwFLsGg1IMf/y5gHr8+rpaCHwA=\n"
	"trusted comment: timestamp:1796669224\tfile:m\thashed\n"
	"yN/np4UOnkyqWMYxven8ssx5a1Xmvx3yA7s/AvNlxYXvLhdnf9uXsLBDAfrpTdzRA8d6mLi6lDRJq52RnFwtCw==\n";

static enum status verify_text(const struct minisign_public *pub, const char *sig_text,
			       const char *data, char *err)
{
	struct minisign_signature *sig = xmalloc(sizeof(*sig));
	enum status rc = minisign_signature_parse(sig_text, strlen(sig_text), sig, err, 300);

	if (rc == STATUS_OK)
		rc = minisign_verify(pub, sig, data, strlen(data), err, 300);
	free(sig);
	return rc;
}

TEST(verifies_what_minisign_wrote)
{
	struct minisign_public pub;
	char err[300], id[17];

	CHECK_INT(minisign_public_parse(known_pub, strlen(known_pub), &pub, err, sizeof(err)),
		  STATUS_OK);
	minisign_id_text(pub.id, id);
	CHECK_STR(id, "7BC65139C5279B85");
	CHECK_INT(verify_text(&pub, known_sig, "hello\n", err), STATUS_OK);
	CHECK_INT(verify_text(&pub, known_sig, "hello!\n", err), STATUS_INVALID);
	CHECK_CONTAINS(err, "the signature does not match");
}

TEST(trusted_comment_is_signed)
{
	struct minisign_public pub;
	char err[300], *sig = xstrdup(known_sig), *ts = strstr(sig, "1796669224");

	minisign_public_parse(known_pub, strlen(known_pub), &pub, err, sizeof(err));
	ts[0] = '2';
	CHECK_INT(verify_text(&pub, sig, "hello\n", err), STATUS_INVALID);
	CHECK_CONTAINS(err, "trusted comment was changed");
	free(sig);
}

TEST(sign_and_verify_round_trip)
{
	struct minisign_secret *secret, *again;
	struct minisign_public pub, other_pub, derived;
	struct minisign_secret *other;
	char err[300], *sig, *text, *pub_text;

	CHECK_INT(minisign_generate(&secret, &pub), STATUS_OK);
	minisign_secret_public(secret, &derived);
	CHECK(memcmp(&derived, &pub, sizeof(pub)) == 0);
	CHECK_INT(minisign_sign(secret, "data", 4, "untrusted", "timestamp:1\tfile:x\thashed", &sig,
				err, sizeof(err)), STATUS_OK);
	CHECK_CONTAINS(sig, "trusted comment: timestamp:1\tfile:x\thashed\n");
	CHECK_INT(verify_text(&pub, sig, "data", err), STATUS_OK);
	/* another key with the same data */
	minisign_generate(&other, &other_pub);
	CHECK_INT(verify_text(&other_pub, sig, "data", err), STATUS_INVALID);
	CHECK_CONTAINS(err, "signed by another key");
	/* the public key file reads back */
	pub_text = minisign_public_text(&pub);
	CHECK_INT(minisign_public_parse(pub_text, strlen(pub_text), &derived, err, sizeof(err)),
		  STATUS_OK);
	CHECK(memcmp(&derived, &pub, sizeof(pub)) == 0);
	/* an unencrypted secret key reads back and signs alike */
	CHECK_INT(minisign_secret_text(secret, NULL, MINISIGN_KDF_INTERACTIVE, &text, err,
				       sizeof(err)), STATUS_OK);
	CHECK_INT(minisign_secret_encrypted(text, strlen(text)), 0);
	CHECK_INT(minisign_secret_parse(text, strlen(text), NULL, &again, err, sizeof(err)),
		  STATUS_OK);
	minisign_secret_public(again, &derived);
	CHECK(memcmp(&derived, &pub, sizeof(pub)) == 0);
	free(text);
	free(sig);
	free(pub_text);
	minisign_secret_free(again);
	minisign_secret_free(secret);
	minisign_secret_free(other);
}

TEST(passphrases)
{
	struct minisign_secret *secret, *back = NULL;
	struct minisign_public pub, derived;
	char err[300], *text;

	minisign_generate(&secret, &pub);
	CHECK_INT(minisign_secret_text(secret, "correct horse", MINISIGN_KDF_INTERACTIVE, &text, err,
				       sizeof(err)), STATUS_OK);
	CHECK_INT(minisign_secret_encrypted(text, strlen(text)), 1);
	CHECK_INT(minisign_secret_parse(text, strlen(text), NULL, &back, err, sizeof(err)),
		  STATUS_INVALID);
	CHECK_CONTAINS(err, "needs its passphrase");
	CHECK_INT(minisign_secret_parse(text, strlen(text), "wrong horse", &back, err, sizeof(err)),
		  STATUS_INVALID);
	CHECK_CONTAINS(err, "wrong passphrase");
	CHECK(back == NULL);
	CHECK_INT(minisign_secret_parse(text, strlen(text), "correct horse", &back, err,
					sizeof(err)), STATUS_OK);
	minisign_secret_public(back, &derived);
	CHECK(memcmp(&derived, &pub, sizeof(pub)) == 0);
	free(text);
	minisign_secret_free(back);
	minisign_secret_free(secret);
}

TEST(damaged_files)
{
	struct minisign_public pub;
	struct minisign_signature *sig = xmalloc(sizeof(*sig));
	char err[300];

	CHECK_INT(minisign_public_parse("", 0, &pub, err, sizeof(err)), STATUS_FORMAT);
	CHECK_INT(minisign_public_parse("untrusted comment: x\nnot base64!\n", 32, &pub, err,
					sizeof(err)), STATUS_FORMAT);
	CHECK_CONTAINS(err, "line 2");
	CHECK_INT(minisign_signature_parse("untrusted comment: x\n", 21, sig, err, sizeof(err)),
		  STATUS_FORMAT);
	CHECK_INT(minisign_signature_parse(known_sig, strlen(known_sig) - 20, sig, err, sizeof(err)),
		  STATUS_FORMAT);
	CHECK_CONTAINS(err, "line 4");
	CHECK_INT(minisign_secret_encrypted("hello", 5), -1);
	free(sig);
}

TEST(manifest_round_trip)
{
	struct manifest m, back;
	struct strbuf text;
	char err[300];

	manifest_init(&m);
	memcpy(m.version, "20261205101500", 15);
	snprintf(m.store, sizeof(m.store), "careers-20261205101500.db.zst");
	m.schema_version = 3;
	m.size = 1331200;
	m.compressed_size = 196320;
	memset(m.sha256, 'a', 64);
	memset(m.compressed_sha256, 'b', 64);
	memset(m.data_sha256, 'c', 64);
	snprintf(m.built_at, sizeof(m.built_at), "2026-12-05T10:10:00Z");
	manifest_add_drop(&m, "lmi-ashe-json");
	m.sources = xcalloc(1, sizeof(*m.sources));
	m.source_count = 1;
	snprintf(m.sources[0].format, sizeof(m.sources[0].format), "gias-csv");
	m.sources[0].files = 1;
	m.sources[0].rows_loaded = 27;
	strbuf_init(&text);
	manifest_write(&m, &text);
	CHECK_INT(manifest_parse(text.buf, text.len, &back, err, sizeof(err)), STATUS_OK);
	CHECK_STR(back.version, "20261205101500");
	CHECK_INT(back.size, 1331200);
	CHECK_INT(back.source_count, 1);
	CHECK_INT(manifest_find_source(&back, "gias-csv")->rows_loaded, 27);
	CHECK(manifest_allows_drop(&back, "lmi-ashe-json"));
	manifest_done(&back);
	manifest_done(&m);
	strbuf_done(&text);
}

TEST(manifest_errors_name_the_line)
{
	struct manifest m;
	char err[300];
	const char *bad_store = "careers-store-manifest: 1\nversion: 20261205101500\n"
				"store: ../../etc/passwd\n";
	const char *newer = "careers-store-manifest: 2\nversion: 20261205101500\nstore: x.zst\n"
			    "schema_version: 3\nsize: 1\ncompressed_size: 1\nsha256: "
			    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n"
			    "compressed_sha256: "
			    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\n";

	CHECK_INT(manifest_parse(bad_store, strlen(bad_store), &m, err, sizeof(err)), STATUS_FORMAT);
	CHECK_STR(err, "line 3 of the manifest: store is not a plain file name");
	CHECK_INT(manifest_parse("version: 1\n", 11, &m, err, sizeof(err)), STATUS_FORMAT);
	CHECK_CONTAINS(err, "line 1 of the manifest: version is not 14 digits");
	CHECK_INT(manifest_parse("careers-store-manifest: 1\n", 26, &m, err, sizeof(err)),
		  STATUS_FORMAT);
	CHECK_CONTAINS(err, "has no version line");
	CHECK_INT(manifest_parse(newer, strlen(newer), &m, err, sizeof(err)), STATUS_VERSION);
	CHECK_CONTAINS(err, "made by a newer careers");
}

TEST(shrink_check)
{
	struct manifest before, after, published;
	char err[300];

	manifest_init(&before);
	manifest_init(&after);
	manifest_init(&published);
	before.sources = xcalloc(2, sizeof(*before.sources));
	before.source_count = 2;
	snprintf(before.sources[0].format, 64, "postcodes-csv");
	before.sources[0].rows_loaded = 1800000;
	snprintf(before.sources[1].format, 64, "tiny");
	before.sources[1].rows_loaded = 20;	/* too few to count */
	after.sources = xcalloc(1, sizeof(*after.sources));
	after.source_count = 1;
	snprintf(after.sources[0].format, 64, "postcodes-csv");
	after.sources[0].rows_loaded = 190000;	/* more than a tenth: fine */
	CHECK_INT(manifest_check_shrink(&before, &after, &published, 1000, err, sizeof(err)),
		  STATUS_OK);
	after.sources[0].rows_loaded = 12;
	CHECK_INT(manifest_check_shrink(&before, &after, &published, 1000, err, sizeof(err)),
		  STATUS_INVALID);
	CHECK_CONTAINS(err, "postcodes-csv went from 1800000 rows to 12");
	manifest_add_drop(&published, "postcodes-csv");
	CHECK_INT(manifest_check_shrink(&before, &after, &published, 1000, err, sizeof(err)),
		  STATUS_OK);
	manifest_done(&before);
	manifest_done(&after);
	manifest_done(&published);
}

TESTS(verifies_what_minisign_wrote, trusted_comment_is_signed, sign_and_verify_round_trip,
      passphrases, damaged_files, manifest_round_trip, manifest_errors_name_the_line, shrink_check)
