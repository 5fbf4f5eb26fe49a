/*
 * sha256.h - SHA-256 (FIPS 180-4), for the provenance table's file hashes.
 *
 * Embed a struct sha256, _init it, _update it with the file's bytes in
 * any chunk sizes, then _final_hex writes 64 lowercase hex digits + NUL.
 */
#ifndef CAREERS_SHA256_H
#define CAREERS_SHA256_H

#include <stddef.h>
#include <stdint.h>

struct sha256 {
	uint32_t state[8];
	uint64_t length;	/* bytes hashed so far */
	unsigned char block[64];
	size_t used;		/* bytes waiting in block */
};

void sha256_init(struct sha256 *h);
void sha256_update(struct sha256 *h, const void *bytes, size_t n);
void sha256_final_hex(struct sha256 *h, char hex[65]);

/*
 * Whether the x86 SHA instructions are used (when the CPU has them; they
 * make hashing several times faster). 0 forces the portable code, for
 * tests that compare the two. Returns the previous setting.
 */
int sha256_use_hardware(int on);
/* 1 when this CPU can hash in hardware. */
int sha256_hardware_available(void);

#endif
