/*
 * minisign.h - Ed25519 keys and signatures in the minisign tool's formats.
 *
 * Everything `careers publish` signs can be checked by hand with
 * `minisign -Vm FILE -p KEY.pub`, and a file signed with `minisign -S`
 * is accepted by `careers update`; secret keys are interchangeable too.
 * The formats (libsodium does the cryptography):
 *
 *	public key   "untrusted comment: minisign public key <ID>" and the
 *	             base64 of "Ed" || key id (8 bytes) || public key (32)
 *	secret key   an untrusted comment and the base64 of "Ed" || KDF
 *	             ("Sc" = scrypt, or two zero bytes = not encrypted) ||
 *	             "B2" || salt (32) || opslimit (8, LE) || memlimit (8, LE)
 *	             || [key id (8) || secret key (64) || checksum (32)], the
 *	             bracket XORed with scrypt(passphrase) when encrypted; the
 *	             checksum is BLAKE2b-256 of "Ed" || key id || secret key
 *	signature    an untrusted comment; the base64 of "ED" || key id ||
 *	             Ed25519(BLAKE2b-512(file)); "trusted comment: <text>";
 *	             the base64 of Ed25519(signature || trusted comment)
 *
 * Legacy signatures ("Ed": the file itself signed) are verified too.
 * <ID> is the key id as a 64-bit little-endian number in hex.
 *
 * Secret keys live in libsodium's guarded memory and are wiped when
 * freed. Errors are values; err says what was wrong, with the line.
 */
#ifndef CAREERS_MINISIGN_H
#define CAREERS_MINISIGN_H

#include <stddef.h>

#include "status.h"

#define MINISIGN_ID_BYTES 8
#define MINISIGN_DIGEST_BYTES 64	/* BLAKE2b-512 */

struct minisign_public {
	unsigned char id[MINISIGN_ID_BYTES];
	unsigned char key[32];
};

struct minisign_secret;

/* How hard the passphrase is to guess at: minisign's own limits (1 GB of
 * memory), or scrypt's "interactive" ones (16 MB) for small machines. */
enum minisign_kdf { MINISIGN_KDF_SENSITIVE, MINISIGN_KDF_INTERACTIVE };

/* A new key pair. */
enum status minisign_generate(struct minisign_secret **secret, struct minisign_public *pub);
void minisign_secret_free(struct minisign_secret *secret);
void minisign_secret_public(const struct minisign_secret *secret, struct minisign_public *pub);

/* "7BC65139C5279B85": the id as minisign prints it. */
void minisign_id_text(const unsigned char id[MINISIGN_ID_BYTES], char out[17]);

/* The public key file's text. Heap string. */
char *minisign_public_text(const struct minisign_public *pub);
/* Read a public key file's text (or the bare base64 line). */
enum status minisign_public_parse(const char *text, size_t len, struct minisign_public *pub,
				  char *err, size_t errlen);

/*
 * The secret key file's text, encrypted with passphrase unless it is NULL
 * or empty. STATUS_NOMEM when the KDF cannot get memory even at a quarter
 * of its limit. Heap string, to be wiped by the caller.
 */
enum status minisign_secret_text(const struct minisign_secret *secret, const char *passphrase,
				 enum minisign_kdf kdf, char **out, char *err, size_t errlen);
/* Does this secret key file need a passphrase? -1 when it is not a secret key. */
int minisign_secret_encrypted(const char *text, size_t len);
/* Read a secret key; passphrase is used only if the key is encrypted (wrong: STATUS_INVALID). */
enum status minisign_secret_parse(const char *text, size_t len, const char *passphrase,
				  struct minisign_secret **out, char *err, size_t errlen);

/* BLAKE2b-512, streamed, for prehashed signatures of large files. */
struct minisign_hash {
	unsigned char state[384];	/* crypto_generichash_state, aligned storage */
} __attribute__((aligned(64)));
void minisign_hash_init(struct minisign_hash *h);
void minisign_hash_update(struct minisign_hash *h, const void *bytes, size_t n);
void minisign_hash_final(struct minisign_hash *h, unsigned char digest[MINISIGN_DIGEST_BYTES]);

/*
 * A prehashed signature file's text for a file whose BLAKE2b-512 is
 * digest. trusted_comment has no line breaks (else STATUS_INVALID).
 */
enum status minisign_sign_digest(const struct minisign_secret *secret,
				 const unsigned char digest[MINISIGN_DIGEST_BYTES],
				 const char *untrusted_comment, const char *trusted_comment,
				 char **out, char *err, size_t errlen);
/* The same for bytes in memory. */
enum status minisign_sign(const struct minisign_secret *secret, const void *data, size_t len,
			  const char *untrusted_comment, const char *trusted_comment, char **out,
			  char *err, size_t errlen);

/* A signature file, read. */
struct minisign_signature {
	int prehashed;
	unsigned char id[MINISIGN_ID_BYTES];
	unsigned char sig[64];
	char trusted_comment[8192];
	unsigned char global_sig[64];
};

enum status minisign_signature_parse(const char *text, size_t len,
				     struct minisign_signature *sig, char *err, size_t errlen);
/*
 * Check sig over data with pub: the key id, the signature and the trusted
 * comment's signature. STATUS_INVALID with err saying which failed.
 */
enum status minisign_verify(const struct minisign_public *pub,
			    const struct minisign_signature *sig, const void *data, size_t len,
			    char *err, size_t errlen);

#endif
