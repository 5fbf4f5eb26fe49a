/*
 * minisign.c - minisign's key and signature formats on libsodium (see minisign.h).
 */
#include "minisign.h"

#include <sodium.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

_Static_assert(sizeof(crypto_generichash_state) <= sizeof(((struct minisign_hash *)0)->state),
	       "struct minisign_hash is too small for libsodium's BLAKE2b state");

#define SALT_BYTES crypto_pwhash_scryptsalsa208sha256_SALTBYTES
#define CHECKSUM_BYTES crypto_generichash_BYTES	/* 32 */
#define SIG_LINE_BYTES (2 + MINISIGN_ID_BYTES + 64)
#define PUB_BYTES (2 + MINISIGN_ID_BYTES + 32)

/* The part of a secret key file that is encrypted, in file order. */
struct keynum_secret {
	unsigned char id[MINISIGN_ID_BYTES];
	unsigned char sk[crypto_sign_SECRETKEYBYTES];
	unsigned char checksum[CHECKSUM_BYTES];
};

/* The whole secret key file, in file order (158 bytes, no padding). */
struct secret_file {
	unsigned char sig_alg[2];
	unsigned char kdf_alg[2];
	unsigned char chk_alg[2];
	unsigned char salt[SALT_BYTES];
	unsigned char opslimit_le[8];
	unsigned char memlimit_le[8];
	struct keynum_secret keynum;
};

_Static_assert(sizeof(struct secret_file) == 158, "the secret key layout has padding");

struct minisign_secret {
	struct keynum_secret keynum;	/* in sodium_malloc() memory */
};

static void start(void)
{
	if (sodium_init() < 0)
		mem_fatal("libsodium cannot start");
}

static void put_le64(unsigned char out[8], uint64_t v)
{
	int i;

	for (i = 0; i < 8; i++)
		out[i] = (unsigned char)(v >> (8 * i));
}

static uint64_t get_le64(const unsigned char in[8])
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = v << 8 | in[i];
	return v;
}

void minisign_id_text(const unsigned char id[MINISIGN_ID_BYTES], char out[17])
{
	snprintf(out, 17, "%016llX", (unsigned long long)get_le64(id));
}

static struct minisign_secret *secret_new(void)
{
	struct minisign_secret *s;

	start();
	s = sodium_malloc(sizeof(*s));
	if (!s)
		mem_fatal("out of memory");
	return s;
}

void minisign_secret_free(struct minisign_secret *secret)
{
	if (secret)
		sodium_free(secret);	/* wipes it */
}

enum status minisign_generate(struct minisign_secret **secret, struct minisign_public *pub)
{
	struct minisign_secret *s = secret_new();

	randombytes_buf(s->keynum.id, sizeof(s->keynum.id));
	if (crypto_sign_keypair(pub->key, s->keynum.sk) != 0) {
		minisign_secret_free(s);
		return STATUS_INVALID;
	}
	memcpy(pub->id, s->keynum.id, sizeof(pub->id));
	*secret = s;
	return STATUS_OK;
}

void minisign_secret_public(const struct minisign_secret *secret, struct minisign_public *pub)
{
	memcpy(pub->id, secret->keynum.id, sizeof(pub->id));
	/* An Ed25519 secret key ends with its public key. */
	memcpy(pub->key, secret->keynum.sk + crypto_sign_SECRETKEYBYTES - 32, 32);
}

static void checksum(const struct keynum_secret *k, unsigned char out[CHECKSUM_BYTES])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, CHECKSUM_BYTES);
	crypto_generichash_update(&st, (const unsigned char *)"Ed", 2);
	crypto_generichash_update(&st, k->id, sizeof(k->id));
	crypto_generichash_update(&st, k->sk, sizeof(k->sk));
	crypto_generichash_final(&st, out, CHECKSUM_BYTES);
}

/* --- base64 lines -------------------------------------------------------------- */

static char *base64(const void *bin, size_t len)
{
	size_t n = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_ORIGINAL);
	char *out = xmalloc(n);

	sodium_bin2base64(out, n, bin, len, sodium_base64_VARIANT_ORIGINAL);
	return out;
}

/* Decode exactly `want` bytes of base64; -1 when it is not that. */
static int unbase64(const char *text, size_t len, void *out, size_t want)
{
	size_t got = 0;

	start();
	if (sodium_base642bin(out, want, text, len, NULL, &got, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0 || got != want)
		return -1;
	return 0;
}

/*
 * The lines of a small text file: pointers into text, without the line
 * ending. Returns how many (at most max); a NUL byte ends the text.
 */
static size_t split_lines(const char *text, size_t len, const char **starts, size_t *lens,
			  size_t max)
{
	size_t n = 0, i = 0;

	while (i < len && text[i] && n < max) {
		size_t j = i;

		while (j < len && text[j] && text[j] != '\n')
			j++;
		starts[n] = text + i;
		lens[n] = j - i;
		if (lens[n] && starts[n][lens[n] - 1] == '\r')
			lens[n]--;
		n++;
		i = j < len && text[j] == '\n' ? j + 1 : j;
	}
	return n;
}

static int has_prefix(const char *line, size_t len, const char *prefix)
{
	size_t n = strlen(prefix);

	return len >= n && memcmp(line, prefix, n) == 0;
}

/* --- public keys ------------------------------------------------------------------ */

char *minisign_public_text(const struct minisign_public *pub)
{
	unsigned char bin[PUB_BYTES];
	char id[17], *b64, *out;

	start();
	memcpy(bin, "Ed", 2);
	memcpy(bin + 2, pub->id, MINISIGN_ID_BYTES);
	memcpy(bin + 2 + MINISIGN_ID_BYTES, pub->key, 32);
	b64 = base64(bin, sizeof(bin));
	minisign_id_text(pub->id, id);
	out = xasprintf("untrusted comment: minisign public key %s\n%s\n", id, b64);
	free(b64);
	return out;
}

enum status minisign_public_parse(const char *text, size_t len, struct minisign_public *pub,
				  char *err, size_t errlen)
{
	const char *lines[4];
	size_t lens[4], n = split_lines(text, len, lines, lens, 4), k = 0;
	unsigned char bin[PUB_BYTES];

	if (n && has_prefix(lines[0], lens[0], "untrusted comment:"))
		k = 1;
	if (k >= n) {
		snprintf(err, errlen, "not a minisign public key: no key line");
		return STATUS_FORMAT;
	}
	if (unbase64(lines[k], lens[k], bin, sizeof(bin)) != 0) {
		snprintf(err, errlen, "not a minisign public key: line %zu is not the base64 of "
			 "a key", k + 1);
		return STATUS_FORMAT;
	}
	if (memcmp(bin, "Ed", 2) != 0) {
		snprintf(err, errlen, "not an Ed25519 minisign public key (algorithm \"%c%c\")",
			 bin[0] >= ' ' && bin[0] < 127 ? bin[0] : '?',
			 bin[1] >= ' ' && bin[1] < 127 ? bin[1] : '?');
		return STATUS_FORMAT;
	}
	memcpy(pub->id, bin + 2, MINISIGN_ID_BYTES);
	memcpy(pub->key, bin + 2 + MINISIGN_ID_BYTES, 32);
	return STATUS_OK;
}

/* --- secret keys ------------------------------------------------------------------ */

/* XOR the secret part with scrypt(passphrase): encrypts and decrypts alike. */
static enum status apply_kdf(struct secret_file *f, const char *passphrase, char *err,
			     size_t errlen)
{
	unsigned char *stream = sodium_malloc(sizeof(f->keynum));
	unsigned char *k = (unsigned char *)&f->keynum;
	size_t i;

	if (!stream)
		mem_fatal("out of memory");
	if (crypto_pwhash_scryptsalsa208sha256(stream, sizeof(f->keynum), passphrase,
					       strlen(passphrase), f->salt,
					       get_le64(f->opslimit_le),
					       (size_t)get_le64(f->memlimit_le)) != 0) {
		sodium_free(stream);
		snprintf(err, errlen, "not enough memory to derive the key from the passphrase "
			 "(scrypt asks for %llu MB)",
			 (unsigned long long)(get_le64(f->memlimit_le) >> 20));
		return STATUS_NOMEM;
	}
	for (i = 0; i < sizeof(f->keynum); i++)
		k[i] ^= stream[i];
	sodium_free(stream);
	return STATUS_OK;
}

enum status minisign_secret_text(const struct minisign_secret *secret, const char *passphrase,
				 enum minisign_kdf kdf, char **out, char *err, size_t errlen)
{
	struct secret_file *f = sodium_malloc(sizeof(*f));
	int encrypt = passphrase && *passphrase;
	unsigned long long ops = kdf == MINISIGN_KDF_SENSITIVE ?
				 crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_SENSITIVE :
				 crypto_pwhash_scryptsalsa208sha256_OPSLIMIT_INTERACTIVE;
	size_t mem = kdf == MINISIGN_KDF_SENSITIVE ?
		     crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_SENSITIVE :
		     crypto_pwhash_scryptsalsa208sha256_MEMLIMIT_INTERACTIVE;
	enum status rc = STATUS_OK;
	char *b64;
	int tries;

	start();
	if (!f)
		mem_fatal("out of memory");
	memset(f, 0, sizeof(*f));
	memcpy(f->sig_alg, "Ed", 2);
	memcpy(f->chk_alg, "B2", 2);
	f->keynum = secret->keynum;
	checksum(&f->keynum, f->keynum.checksum);
	if (encrypt) {
		memcpy(f->kdf_alg, "Sc", 2);
		randombytes_buf(f->salt, sizeof(f->salt));
		/* As minisign does: with too little memory, halve the limits (twice at most). */
		for (tries = 0; tries < 3; tries++) {
			put_le64(f->opslimit_le, ops);
			put_le64(f->memlimit_le, mem);
			rc = apply_kdf(f, passphrase, err, errlen);
			if (rc != STATUS_NOMEM)
				break;
			ops /= 2;
			mem /= 2;
		}
	}
	if (rc == STATUS_OK) {
		b64 = base64(f, sizeof(*f));
		*out = xasprintf("untrusted comment: minisign %ssecret key (careers)\n%s\n",
				 encrypt ? "encrypted " : "", b64);
		sodium_memzero(b64, strlen(b64));
		free(b64);
	}
	sodium_free(f);
	return rc;
}

static enum status read_secret_file(const char *text, size_t len, struct secret_file *f,
				    char *err, size_t errlen)
{
	const char *lines[3];
	size_t lens[3], n = split_lines(text, len, lines, lens, 3), k = 0;

	if (n && has_prefix(lines[0], lens[0], "untrusted comment:"))
		k = 1;
	if (k >= n || unbase64(lines[k], lens[k], f, sizeof(*f)) != 0) {
		snprintf(err, errlen, "not a minisign secret key (line %zu is not the base64 of "
			 "one)", k + 1);
		return STATUS_FORMAT;
	}
	if (memcmp(f->sig_alg, "Ed", 2) != 0 || memcmp(f->chk_alg, "B2", 2) != 0) {
		snprintf(err, errlen, "not an Ed25519 minisign secret key");
		return STATUS_FORMAT;
	}
	if (memcmp(f->kdf_alg, "Sc", 2) != 0 && memcmp(f->kdf_alg, "\0\0", 2) != 0) {
		snprintf(err, errlen, "this secret key is protected in a way careers does not know");
		return STATUS_FORMAT;
	}
	return STATUS_OK;
}

int minisign_secret_encrypted(const char *text, size_t len)
{
	struct secret_file *f;
	char err[160];
	int encrypted;

	start();
	f = sodium_malloc(sizeof(*f));
	if (!f)
		mem_fatal("out of memory");
	encrypted = read_secret_file(text, len, f, err, sizeof(err)) != STATUS_OK ? -1 :
		    memcmp(f->kdf_alg, "Sc", 2) == 0;
	sodium_free(f);
	return encrypted;
}

enum status minisign_secret_parse(const char *text, size_t len, const char *passphrase,
				  struct minisign_secret **out, char *err, size_t errlen)
{
	struct secret_file *f;
	unsigned char sum[CHECKSUM_BYTES], zero[CHECKSUM_BYTES] = { 0 };
	enum status rc;

	start();
	*out = NULL;
	f = sodium_malloc(sizeof(*f));
	if (!f)
		mem_fatal("out of memory");
	rc = read_secret_file(text, len, f, err, errlen);
	if (rc == STATUS_OK && memcmp(f->kdf_alg, "Sc", 2) == 0) {
		if (!passphrase || !*passphrase) {
			snprintf(err, errlen, "this secret key needs its passphrase");
			rc = STATUS_INVALID;
		} else {
			rc = apply_kdf(f, passphrase, err, errlen);
		}
	}
	if (rc == STATUS_OK) {
		checksum(&f->keynum, sum);
		/* minisign leaves the checksum of an unencrypted key empty. */
		if (sodium_memcmp(sum, f->keynum.checksum, sizeof(sum)) != 0 &&
		    (memcmp(f->kdf_alg, "Sc", 2) == 0 ||
		     sodium_memcmp(zero, f->keynum.checksum, sizeof(zero)) != 0)) {
			snprintf(err, errlen, memcmp(f->kdf_alg, "Sc", 2) == 0 ?
				 "wrong passphrase for this secret key" :
				 "the secret key is damaged (its checksum does not match)");
			rc = STATUS_INVALID;
		}
	}
	if (rc == STATUS_OK) {
		*out = secret_new();
		(*out)->keynum = f->keynum;
	}
	sodium_memzero(sum, sizeof(sum));
	sodium_free(f);
	return rc;
}

/* --- signing ------------------------------------------------------------------------ */

void minisign_hash_init(struct minisign_hash *h)
{
	start();
	crypto_generichash_init((crypto_generichash_state *)(void *)h->state, NULL, 0,
				MINISIGN_DIGEST_BYTES);
}

void minisign_hash_update(struct minisign_hash *h, const void *bytes, size_t n)
{
	crypto_generichash_update((crypto_generichash_state *)(void *)h->state, bytes, n);
}

void minisign_hash_final(struct minisign_hash *h, unsigned char digest[MINISIGN_DIGEST_BYTES])
{
	crypto_generichash_final((crypto_generichash_state *)(void *)h->state, digest,
				 MINISIGN_DIGEST_BYTES);
}

static int one_line(const char *s)
{
	return !strpbrk(s, "\r\n");
}

enum status minisign_sign_digest(const struct minisign_secret *secret,
				 const unsigned char digest[MINISIGN_DIGEST_BYTES],
				 const char *untrusted_comment, const char *trusted_comment,
				 char **out, char *err, size_t errlen)
{
	unsigned char line[SIG_LINE_BYTES], global[64];
	size_t tlen = strlen(trusted_comment);
	unsigned char *signed_comment;
	char *sig64, *global64;

	start();
	if (!one_line(trusted_comment) || !one_line(untrusted_comment) ||
	    tlen >= sizeof(((struct minisign_signature *)0)->trusted_comment)) {
		snprintf(err, errlen, "a signature comment must be one line of under 8 KB");
		return STATUS_INVALID;
	}
	memcpy(line, "ED", 2);
	memcpy(line + 2, secret->keynum.id, MINISIGN_ID_BYTES);
	crypto_sign_detached(line + 2 + MINISIGN_ID_BYTES, NULL, digest, MINISIGN_DIGEST_BYTES,
			     secret->keynum.sk);
	signed_comment = xmalloc(64 + tlen);
	memcpy(signed_comment, line + 2 + MINISIGN_ID_BYTES, 64);
	memcpy(signed_comment + 64, trusted_comment, tlen);
	crypto_sign_detached(global, NULL, signed_comment, 64 + tlen, secret->keynum.sk);
	free(signed_comment);
	sig64 = base64(line, sizeof(line));
	global64 = base64(global, sizeof(global));
	*out = xasprintf("untrusted comment: %s\n%s\ntrusted comment: %s\n%s\n", untrusted_comment,
			 sig64, trusted_comment, global64);
	free(sig64);
	free(global64);
	return STATUS_OK;
}

enum status minisign_sign(const struct minisign_secret *secret, const void *data, size_t len,
			  const char *untrusted_comment, const char *trusted_comment, char **out,
			  char *err, size_t errlen)
{
	struct minisign_hash h;
	unsigned char digest[MINISIGN_DIGEST_BYTES];

	minisign_hash_init(&h);
	minisign_hash_update(&h, data, len);
	minisign_hash_final(&h, digest);
	return minisign_sign_digest(secret, digest, untrusted_comment, trusted_comment, out, err,
				    errlen);
}

/* --- verifying ------------------------------------------------------------------------ */

enum status minisign_signature_parse(const char *text, size_t len,
				     struct minisign_signature *sig, char *err, size_t errlen)
{
	const char *lines[5];
	size_t lens[5], n = split_lines(text, len, lines, lens, 5), tlen;
	unsigned char bin[SIG_LINE_BYTES];
	const char *prefix = "trusted comment: ";

	memset(sig, 0, sizeof(*sig));
	if (n < 4 || !has_prefix(lines[0], lens[0], "untrusted comment:")) {
		snprintf(err, errlen, "not a minisign signature (it has four lines, the first "
			 "\"untrusted comment: ...\")");
		return STATUS_FORMAT;
	}
	if (unbase64(lines[1], lens[1], bin, sizeof(bin)) != 0) {
		snprintf(err, errlen, "line 2 of the signature is not the base64 of a signature");
		return STATUS_FORMAT;
	}
	if (memcmp(bin, "ED", 2) == 0) {
		sig->prehashed = 1;
	} else if (memcmp(bin, "Ed", 2) != 0) {
		snprintf(err, errlen, "the signature uses an algorithm careers does not know");
		return STATUS_FORMAT;
	}
	memcpy(sig->id, bin + 2, MINISIGN_ID_BYTES);
	memcpy(sig->sig, bin + 2 + MINISIGN_ID_BYTES, 64);
	if (!has_prefix(lines[2], lens[2], prefix)) {
		snprintf(err, errlen, "line 3 of the signature is not its trusted comment");
		return STATUS_FORMAT;
	}
	tlen = lens[2] - strlen(prefix);
	if (tlen >= sizeof(sig->trusted_comment) ||
	    memchr(lines[2] + strlen(prefix), '\0', tlen)) {
		snprintf(err, errlen, "the signature's trusted comment is too long");
		return STATUS_FORMAT;
	}
	memcpy(sig->trusted_comment, lines[2] + strlen(prefix), tlen);
	sig->trusted_comment[tlen] = '\0';
	if (unbase64(lines[3], lens[3], sig->global_sig, sizeof(sig->global_sig)) != 0) {
		snprintf(err, errlen, "line 4 of the signature is not the base64 of a signature");
		return STATUS_FORMAT;
	}
	return STATUS_OK;
}

enum status minisign_verify(const struct minisign_public *pub,
			    const struct minisign_signature *sig, const void *data, size_t len,
			    char *err, size_t errlen)
{
	unsigned char digest[MINISIGN_DIGEST_BYTES], *signed_comment;
	size_t tlen = strlen(sig->trusted_comment);
	char want[17], got[17];
	int bad;

	start();
	if (memcmp(sig->id, pub->id, MINISIGN_ID_BYTES) != 0) {
		minisign_id_text(sig->id, got);
		minisign_id_text(pub->id, want);
		snprintf(err, errlen, "it was signed by another key (key %s, not %s)", got, want);
		return STATUS_INVALID;
	}
	if (sig->prehashed) {
		struct minisign_hash h;

		minisign_hash_init(&h);
		minisign_hash_update(&h, data, len);
		minisign_hash_final(&h, digest);
		bad = crypto_sign_verify_detached(sig->sig, digest, sizeof(digest), pub->key);
	} else {
		bad = crypto_sign_verify_detached(sig->sig, data, len, pub->key);
	}
	if (bad) {
		snprintf(err, errlen, "the signature does not match: the file was changed after it "
			 "was signed, or signed by someone else with the same key id");
		return STATUS_INVALID;
	}
	signed_comment = xmalloc(64 + tlen);
	memcpy(signed_comment, sig->sig, 64);
	memcpy(signed_comment + 64, sig->trusted_comment, tlen);
	bad = crypto_sign_verify_detached(sig->global_sig, signed_comment, 64 + tlen, pub->key);
	free(signed_comment);
	if (bad) {
		snprintf(err, errlen, "the signature's trusted comment was changed after signing");
		return STATUS_INVALID;
	}
	return STATUS_OK;
}
