/*
 * sha256.c - SHA-256 as specified in FIPS 180-4, section 6.2.
 *
 * Two compression functions: the portable one below, and one using the
 * x86 SHA extensions (sha256rnds2 does two rounds at a time on the state
 * held as ABEF/CDGH halves; sha256msg1/msg2 extend the message schedule
 * four words at a time). The hardware one is chosen at run time when the
 * CPU reports SHA, SSSE3 and SSE4.1; the build of a national store hashes
 * gigabytes, and this is where that time goes.
 */
#include "sha256.h"

#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#define SHA256_X86 1
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t round_constants[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static uint32_t rotr(uint32_t x, unsigned n)
{
	return (x >> n) | (x << (32 - n));
}

static void compress(uint32_t state[8], const unsigned char block[64])
{
	uint32_t w[64], a, b, c, d, e, f, g, h;
	int i;

	for (i = 0; i < 16; i++)
		w[i] = (uint32_t)block[i * 4] << 24 | (uint32_t)block[i * 4 + 1] << 16 |
		       (uint32_t)block[i * 4 + 2] << 8 | block[i * 4 + 3];
	for (i = 16; i < 64; i++) {
		uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);

		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	a = state[0]; b = state[1]; c = state[2]; d = state[3];
	e = state[4]; f = state[5]; g = state[6]; h = state[7];
	for (i = 0; i < 64; i++) {
		uint32_t t1 = h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) +
			      round_constants[i] + w[i];
		uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));

		h = g; g = f; f = e; e = d + t1;
		d = c; c = b; b = a; a = t1 + t2;
	}
	state[0] += a; state[1] += b; state[2] += c; state[3] += d;
	state[4] += e; state[5] += f; state[6] += g; state[7] += h;
}

#ifdef SHA256_X86
__attribute__((target("sha,ssse3,sse4.1")))
static void compress_hardware(uint32_t state[8], const unsigned char *data, size_t blocks)
{
	const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
	__m128i st0, st1, tmp, save0, save1, w[4], msg;
	int g;

	/* state[] is A..H; the instructions want ABEF and CDGH. */
	tmp = _mm_loadu_si128((const __m128i *)&state[0]);
	st1 = _mm_loadu_si128((const __m128i *)&state[4]);
	tmp = _mm_shuffle_epi32(tmp, 0xB1);
	st1 = _mm_shuffle_epi32(st1, 0x1B);
	st0 = _mm_alignr_epi8(tmp, st1, 8);
	st1 = _mm_blend_epi16(st1, tmp, 0xF0);
	for (; blocks; blocks--, data += 64) {
		save0 = st0;
		save1 = st1;
		for (g = 0; g < 16; g++) {
			/* Words 4g .. 4g+3 of the schedule, in w[g % 4]. */
			if (g < 4) {
				w[g] = _mm_shuffle_epi8(
					_mm_loadu_si128((const __m128i *)(data + 16 * g)), byteswap);
			} else {
				__m128i x = _mm_sha256msg1_epu32(w[g % 4], w[(g + 1) % 4]);

				x = _mm_add_epi32(x, _mm_alignr_epi8(w[(g + 3) % 4], w[(g + 2) % 4], 4));
				w[g % 4] = _mm_sha256msg2_epu32(x, w[(g + 3) % 4]);
			}
			msg = _mm_add_epi32(w[g % 4],
					    _mm_loadu_si128((const __m128i *)&round_constants[4 * g]));
			st1 = _mm_sha256rnds2_epu32(st1, st0, msg);
			msg = _mm_shuffle_epi32(msg, 0x0E);
			st0 = _mm_sha256rnds2_epu32(st0, st1, msg);
		}
		st0 = _mm_add_epi32(st0, save0);
		st1 = _mm_add_epi32(st1, save1);
	}
	tmp = _mm_shuffle_epi32(st0, 0x1B);
	st1 = _mm_shuffle_epi32(st1, 0xB1);
	st0 = _mm_blend_epi16(tmp, st1, 0xF0);
	st1 = _mm_alignr_epi8(st1, tmp, 8);
	_mm_storeu_si128((__m128i *)&state[0], st0);
	_mm_storeu_si128((__m128i *)&state[4], st1);
}
#endif

int sha256_hardware_available(void)
{
#ifdef SHA256_X86
	unsigned a, b, c, d;

	if (!__get_cpuid(1, &a, &b, &c, &d) || !(c & (1u << 9)) || !(c & (1u << 19)))
		return 0;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d))
		return 0;
	return (b & (1u << 29)) != 0;
#else
	return 0;
#endif
}

static int use_hardware = -1;	/* -1: not decided yet */

int sha256_use_hardware(int on)
{
	int before = use_hardware < 0 ? sha256_hardware_available() : use_hardware;

	use_hardware = on && sha256_hardware_available();
	return before;
}

static void compress_blocks(uint32_t state[8], const unsigned char *data, size_t blocks)
{
	if (use_hardware < 0)
		use_hardware = sha256_hardware_available();
#ifdef SHA256_X86
	if (use_hardware) {
		compress_hardware(state, data, blocks);
		return;
	}
#endif
	for (; blocks; blocks--, data += 64)
		compress(state, data);
}

void sha256_init(struct sha256 *h)
{
	static const uint32_t initial[8] = {
		0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
		0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
	};

	memcpy(h->state, initial, sizeof(initial));
	h->length = 0;
	h->used = 0;
}

void sha256_update(struct sha256 *h, const void *bytes, size_t n)
{
	const unsigned char *p = bytes;

	h->length += n;
	if (h->used) {
		size_t take = 64 - h->used < n ? 64 - h->used : n;

		memcpy(h->block + h->used, p, take);
		h->used += take;
		p += take;
		n -= take;
		if (h->used < 64)
			return;
		compress_blocks(h->state, h->block, 1);
		h->used = 0;
	}
	compress_blocks(h->state, p, n / 64);
	p += n / 64 * 64;
	n %= 64;
	memcpy(h->block, p, n);
	h->used = n;
}

void sha256_final_hex(struct sha256 *h, char hex[65])
{
	static const char digits[] = "0123456789abcdef";
	uint64_t bits = h->length * 8;
	unsigned char tail[72];
	size_t pad = (h->used < 56 ? 56 : 120) - h->used;
	int i;

	memset(tail, 0, sizeof(tail));
	tail[0] = 0x80;
	for (i = 0; i < 8; i++)
		tail[pad + (size_t)i] = (unsigned char)(bits >> (56 - 8 * i));
	sha256_update(h, tail, pad + 8);
	for (i = 0; i < 32; i++) {
		unsigned char byte = (unsigned char)(h->state[i / 4] >> (24 - 8 * (i % 4)));

		hex[i * 2] = digits[byte >> 4];
		hex[i * 2 + 1] = digits[byte & 15];
	}
	hex[64] = '\0';
}
