/*
 * zstdfile.h - a whole file through zstd (libzstd), hashed on the way.
 *
 * Both directions stream: memory stays small whatever the file's size.
 * Each writes a new file (created with O_EXCL, mode 0644, synced before
 * returning) and hashes what it reads and what it writes, so the caller
 * can sign and check without reading the files again. On failure the
 * output file is removed and err says why (a full disk, damaged input,
 * more output than allowed).
 */
#ifndef CAREERS_ZSTDFILE_H
#define CAREERS_ZSTDFILE_H

#include <stddef.h>

#include "minisign.h"
#include "status.h"

struct zstdfile_digest {
	long long in_bytes, out_bytes;
	char in_sha256[65], out_sha256[65];
	unsigned char out_blake2b[MINISIGN_DIGEST_BYTES];	/* for a prehashed signature */
};

/* Compress in to out at level (1-19; 0: 19), using two threads when libzstd can. */
enum status zstdfile_compress(const char *in, const char *out, int level,
			      struct zstdfile_digest *d, char *err, size_t errlen);
/* Decompress in to out, refusing to write more than max_out bytes (a zstd bomb). */
enum status zstdfile_decompress(const char *in, const char *out, long long max_out,
				struct zstdfile_digest *d, char *err, size_t errlen);

#endif
