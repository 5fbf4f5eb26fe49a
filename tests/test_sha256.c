/* test_sha256.c - SHA-256 against the FIPS 180-4 examples, and textfile's running hash. */
#include "check.h"
#include "mem.h"
#include "sha256.h"
#include "textfile.h"

static const char *hash_of(const void *bytes, size_t n)
{
	static char hex[65];
	struct sha256 h;

	sha256_init(&h);
	sha256_update(&h, bytes, n);
	sha256_final_hex(&h, hex);
	return hex;
}

#define HASH(literal) hash_of(literal, sizeof(literal) - 1)

TEST(fips_180_4_examples)
{
	CHECK_STR(HASH(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	CHECK_STR(HASH("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	/* 448 bits */
	CHECK_STR(HASH("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* 896 bits */
	CHECK_STR(HASH("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmn"
		       "hijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu"),
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
}

/* One million 'a', fed in pieces of awkward sizes. */
TEST(million_a_in_odd_chunks)
{
	static const size_t pieces[] = { 1, 3, 7, 13, 55, 56, 63, 64, 65, 127, 4093, 1000000 };
	static const char want[] = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
	char *a = xmalloc(1000000);
	size_t i;

	memset(a, 'a', 1000000);
	for (i = 0; i < sizeof(pieces) / sizeof(pieces[0]); i++) {
		struct sha256 h;
		char hex[65];
		size_t at = 0, k = 0;

		sha256_init(&h);
		while (at < 1000000) {
			/* Vary the piece a little so every offset in a block is met. */
			size_t take = pieces[i] + (k++ % 3);

			if (take > 1000000 - at)
				take = 1000000 - at;
			sha256_update(&h, a + at, take);
			at += take;
		}
		sha256_final_hex(&h, hex);
		if (strcmp(hex, want) != 0) {
			fprintf(stderr, "pieces of %zu: %s\n", pieces[i], hex);
			check_failures++;
		}
	}
	free(a);
}

/* Lengths either side of the padding boundaries (bytes i % 251). */
TEST(padding_boundaries)
{
	static const struct {
		size_t n;
		const char *hex;
	} cases[] = {
		{ 55, "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59" },
		{ 56, "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562" },
		{ 63, "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488" },
		{ 64, "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108" },
		{ 65, "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781" },
		{ 119, "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6" },
		{ 120, "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c" },
		{ 128, "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5" },
	};
	unsigned char bytes[128];
	size_t i;

	for (i = 0; i < sizeof(bytes); i++)
		bytes[i] = (unsigned char)(i % 251);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_STR(hash_of(bytes, cases[i].n), cases[i].hex);
}

/* Empty updates change nothing. */
TEST(empty_updates)
{
	struct sha256 h;
	char hex[65];

	sha256_init(&h);
	sha256_update(&h, "", 0);
	sha256_update(&h, "ab", 2);
	sha256_update(&h, "", 0);
	sha256_update(&h, "c", 1);
	sha256_final_hex(&h, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

/* textfile hashes the raw bytes (BOM and all), whether or not it was read. */
TEST(textfile_hash)
{
	static const char raw[] = "\xef\xbb\xbf" "abc";
	struct textfile *tf;
	struct strbuf text;
	char hex[65], err[128];

	tf = textfile_open_memory("abc", 3);
	CHECK_INT(textfile_sha256(tf, hex), STATUS_OK);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	CHECK_INT(textfile_bytes(tf), 3);
	textfile_free(tf);

	tf = textfile_open_memory(raw, sizeof(raw) - 1);
	strbuf_init(&text);
	CHECK_INT(textfile_read_all(tf, &text, err, sizeof(err)), STATUS_OK);
	CHECK_STR(text.buf, "abc");
	CHECK_INT(textfile_sha256(tf, hex), STATUS_OK);
	CHECK_STR(hex, hash_of(raw, sizeof(raw) - 1));
	strbuf_done(&text);
	textfile_free(tf);

	tf = textfile_open_memory("", 0);
	CHECK_INT(textfile_sha256(tf, hex), STATUS_OK);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	textfile_free(tf);

	/* A file over several chunks, hashed without reading the text. */
	{
		char *a = xmalloc(1000000);

		memset(a, 'a', 1000000);
		tf = textfile_open_memory(a, 1000000);
		CHECK_INT(textfile_sha256(tf, hex), STATUS_OK);
		CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
		CHECK_INT(textfile_bytes(tf), 1000000);
		textfile_free(tf);
		free(a);
	}

	/* A real file, via read(2); `sha256sum tests/fixtures/core/lines.csv`. */
	CHECK_INT(textfile_open(check_fixture("core/lines.csv"), &tf, err, sizeof(err)), STATUS_OK);
	if (tf) {
		CHECK_INT(textfile_sha256(tf, hex), STATUS_OK);
		CHECK_STR(hex, "7ac5e73c0d0a5e644013999f9cde8aa8b987d3d1c12535260aab9049fc72df00");
		textfile_free(tf);
	}
}

/* The hardware and portable code agree on every length up to a few blocks. */
TEST(hardware_matches_portable)
{
	unsigned char data[700];
	char a[65], b[65];
	size_t n, i;

	if (!sha256_hardware_available())
		SKIP("this CPU has no SHA instructions");
	for (i = 0; i < sizeof(data); i++)
		data[i] = (unsigned char)(i * 131 + 7);
	for (n = 0; n <= sizeof(data); n += 13) {
		struct sha256 h;

		sha256_use_hardware(1);
		sha256_init(&h);
		sha256_update(&h, data, n);
		sha256_final_hex(&h, a);
		sha256_use_hardware(0);
		sha256_init(&h);
		sha256_update(&h, data, n);
		sha256_final_hex(&h, b);
		CHECK_STR(a, b);
	}
	sha256_use_hardware(1);
	CHECK_STR(HASH("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TESTS(fips_180_4_examples, million_a_in_odd_chunks, padding_boundaries, empty_updates,
      textfile_hash, hardware_matches_portable)
