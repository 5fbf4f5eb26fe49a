/* test_encoding.c - encoding detection and chunked conversion to UTF-8. */
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "encoding.h"
#include "mem.h"
#include "textfile.h"

static struct encoding_guess guess_of(const void *bytes, size_t n, int at_eof)
{
	struct encoding_guess g;

	encoding_detect(bytes, n, at_eof, &g);
	return g;
}

#define GUESS(literal, at_eof) guess_of(literal, sizeof(literal) - 1, at_eof)

TEST(byte_order_marks)
{
	struct encoding_guess g;

	g = GUESS("\xef\xbb\xbf" "a,b\n1,2\n", 1);
	CHECK_INT(g.encoding, ENCODING_UTF8);
	CHECK_INT(g.bom_length, 3);
	CHECK(!g.binary && !g.empty);

	g = GUESS("\xff\xfe" "a\0,\0b\0\n\0", 1);
	CHECK_INT(g.encoding, ENCODING_UTF16LE);
	CHECK_INT(g.bom_length, 2);
	CHECK(!g.binary && !g.empty);

	g = GUESS("\xfe\xff" "\0a\0,\0b\0\n", 1);
	CHECK_INT(g.encoding, ENCODING_UTF16BE);
	CHECK_INT(g.bom_length, 2);
	CHECK(!g.binary && !g.empty);

	/* A UTF-16 BOM decides even when the text is mostly not ASCII. */
	g = GUESS("\xff\xfe\x2d\x4e\x87\x65", 1);
	CHECK_INT(g.encoding, ENCODING_UTF16LE);
	CHECK(!g.binary);

	/* A BOM and nothing else, or only whitespace after it. */
	g = GUESS("\xef\xbb\xbf", 1);
	CHECK(g.empty);
	g = GUESS("\xef\xbb\xbf \r\n\t\n", 1);
	CHECK(g.empty);
	g = GUESS("\xff\xfe\r\0\n\0 \0", 1);
	CHECK(g.empty);
	CHECK_INT(g.encoding, ENCODING_UTF16LE);
}

TEST(utf16_without_bom)
{
	struct encoding_guess g;

	/* The IfATE download: UTF-16LE, no BOM. */
	g = GUESS("N\0a\0m\0e\0,\0 \0L\0e\0v\0e\0l\0\r\0\n\0C\0a\0f\0\xe9\0,\0003\0\r\0\n\0", 1);
	CHECK_INT(g.encoding, ENCODING_UTF16LE);
	CHECK_INT(g.bom_length, 0);
	CHECK(!g.binary && !g.empty);

	g = GUESS("\0N\0a\0m\0e\0,\0 \0L\0e\0v\0e\0l\0\r\0\n\0C\0a\0f\0\xe9\0,\0003\0\r\0\n", 1);
	CHECK_INT(g.encoding, ENCODING_UTF16BE);
	CHECK(!g.binary);

	/* Two characters are enough. */
	g = GUESS("a\0b\0", 1);
	CHECK_INT(g.encoding, ENCODING_UTF16LE);
	g = GUESS("\0a\0b", 1);
	CHECK_INT(g.encoding, ENCODING_UTF16BE);
}

TEST(binary)
{
	static const unsigned char png[] = {
		0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R',
		0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0, 0x5c, 0x72, 0xa8,
	};
	static const unsigned char zip[] = {
		'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0x4b, 0x5a, 0x6e, 0x58, 0, 0, 0, 0,
		'd', 'a', 't', 'a', '.', 'c', 's', 'v',
	};
	unsigned char controls[200];
	struct encoding_guess g;
	size_t i;

	g = guess_of(png, sizeof(png), 1);
	CHECK(g.binary);
	g = guess_of(zip, sizeof(zip), 1);
	CHECK(g.binary);

	/* Control characters but no zero bytes. */
	for (i = 0; i < sizeof(controls); i++)
		controls[i] = (unsigned char)(i % 3 ? 'a' + i % 26 : 1 + i % 8);
	g = guess_of(controls, sizeof(controls), 1);
	CHECK(g.binary);

	/* Text with a stray NUL byte is still text (its row is rejected later). */
	{
		static const char one_nul[] = "name,town\nDoncaster Minster,Doncaster\n"
					      "Sheffield\0 Cathedral,Sheffield\nYork Minster,York\n"
					      "Lincoln Cathedral,Lincoln\nBeverley Minster,Beverley\n";

		g = guess_of(one_nul, sizeof(one_nul) - 1, 1);
		CHECK(!g.binary);
		CHECK_INT(g.encoding, ENCODING_UTF8);
	}
	/* Text with a stray form feed or tab is still text. */
	g = GUESS("a,b\tc\f\n1,2\n", 1);
	CHECK(!g.binary);
	CHECK_INT(g.encoding, ENCODING_UTF8);
	/* One control character in a long line is not enough to call it binary. */
	g = GUESS("name,town\nDoncaster Minster\x01,Doncaster\nSheffield Cathedral,Sheffield\n", 1);
	CHECK(!g.binary);
}

TEST(empty_and_whitespace)
{
	struct encoding_guess g;

	g = guess_of("", 0, 1);
	CHECK(g.empty);
	CHECK(!g.binary);
	CHECK_INT(g.encoding, ENCODING_UTF8);
	g = GUESS(" \t\r\n\n   ", 1);
	CHECK(g.empty);
	g = GUESS(" \n x", 1);
	CHECK(!g.empty);
	/* Nothing but zero bytes is not an empty file: it is not text at all. */
	g = guess_of("\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", 16, 1);
	CHECK(!g.empty);
	CHECK(g.binary);
	/* A start that is all blank lines says nothing about the rest. */
	g = GUESS("\n\n\n\n", 0);
	CHECK(!g.empty);
}

TEST(windows_1252)
{
	struct encoding_guess g;

	g = GUESS("name,town\nCaf\xe9,Sheffield\n", 1);
	CHECK_INT(g.encoding, ENCODING_WINDOWS1252);
	CHECK_INT(g.bom_length, 0);
	CHECK(!g.binary);
	/* Valid UTF-8 stays UTF-8. */
	g = GUESS("name,town\nCaf\xc3\xa9,Sheffield\n", 1);
	CHECK_INT(g.encoding, ENCODING_UTF8);
	/* A pound sign in Latin-1 early in a sample that goes on. */
	g = GUESS("fee\n\xa3" "100\nmore text after it\n", 0);
	CHECK_INT(g.encoding, ENCODING_WINDOWS1252);
}

TEST(utf8_cut_at_sample_end)
{
	struct encoding_guess g;

	/* The sample stops inside a character: not evidence against UTF-8. */
	g = GUESS("name\nCaf\xc3", 0);
	CHECK_INT(g.encoding, ENCODING_UTF8);
	g = GUESS("price\n\xe2\x82", 0);
	CHECK_INT(g.encoding, ENCODING_UTF8);
	g = GUESS("smile\n\xf0\x9f\x98", 0);
	CHECK_INT(g.encoding, ENCODING_UTF8);
	/* ... unless that was the whole file. */
	g = GUESS("name\nCaf\xc3", 1);
	CHECK_INT(g.encoding, ENCODING_WINDOWS1252);
	g = GUESS("smile\n\xf0\x9f\x98", 1);
	CHECK_INT(g.encoding, ENCODING_WINDOWS1252);
	/* Bytes near the end that cannot begin any character are evidence. */
	g = GUESS("name\nCaf\xe9s", 0);
	CHECK_INT(g.encoding, ENCODING_WINDOWS1252);
	g = GUESS("name\nCaf\xe9", 0);
	CHECK_INT(g.encoding, ENCODING_UTF8);	/* could be the start of a 3-byte character */
	g = GUESS("name\nna\xefve", 0);
	CHECK_INT(g.encoding, ENCODING_WINDOWS1252);
	g = GUESS("x\n\x93q\x94", 0);
	CHECK_INT(g.encoding, ENCODING_WINDOWS1252);
}

TEST(utf8_valid_prefix)
{
	static const struct {
		const char *s;
		size_t want;
	} cases[] = {
		{ "plain", 5 },
		{ "caf\xc3\xa9", 5 },
		{ "\xe2\x82\xac" "5", 4 },
		{ "\xf0\x9f\x98\x80!", 5 },
		{ "a\xc0\x80", 1 },		/* overlong NUL */
		{ "a\xc1\xbf", 1 },		/* overlong */
		{ "a\xe0\x80\xaf", 1 },		/* overlong 3-byte */
		{ "a\xf0\x80\x80\xaf", 1 },	/* overlong 4-byte */
		{ "a\xed\xa0\x80", 1 },		/* UTF-16 surrogate */
		{ "a\xf4\x90\x80\x80", 1 },	/* beyond U+10FFFF */
		{ "a\xf5\x80\x80\x80", 1 },
		{ "a\x80", 1 },			/* lone continuation byte */
		{ "a\xc3", 1 },			/* truncated */
		{ "a\xe2\x82", 1 },
		{ "ab\xc3(", 2 },
		{ "\xef\xbf\xbd", 3 },		/* U+FFFD itself */
		{ "\xf4\x8f\xbf\xbf", 4 },	/* U+10FFFF */
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		CHECK_INT(utf8_valid_prefix((const unsigned char *)cases[i].s, strlen(cases[i].s)),
			  cases[i].want);
}

/* --- conversion ------------------------------------------------------- */

/* Convert bytes in pieces of `piece` bytes (the last one final). */
static char *convert(enum encoding encoding, const char *bytes, size_t n, size_t piece,
		     size_t *replaced)
{
	struct decoder *d = decoder_new(encoding);
	struct strbuf out;
	size_t at = 0;

	strbuf_init(&out);
	CHECK(d != NULL);
	if (!d)
		return strbuf_detach(&out);
	do {
		size_t take = n - at < piece ? n - at : piece;

		decoder_convert(d, (const unsigned char *)bytes + at, take, at + take == n, &out);
		at += take;
	} while (at < n);
	*replaced = decoder_replaced(d);
	CHECK_INT(strlen(out.buf), out.len);
	decoder_free(d);
	return strbuf_detach(&out);
}

/* Convert whole, then split at every point in two, then byte by byte. */
static void check_conversion(enum encoding encoding, const char *bytes, size_t n,
			     const char *want, size_t want_replaced)
{
	size_t cut, replaced;
	char *got;

	got = convert(encoding, bytes, n, n ? n : 1, &replaced);
	CHECK_STR(got, want);
	CHECK_INT(replaced, want_replaced);
	free(got);

	for (cut = 1; cut < n; cut++) {
		struct decoder *d = decoder_new(encoding);
		struct strbuf out;

		strbuf_init(&out);
		decoder_convert(d, (const unsigned char *)bytes, cut, 0, &out);
		decoder_convert(d, (const unsigned char *)bytes + cut, n - cut, 1, &out);
		if (strcmp(out.buf, want) != 0 || decoder_replaced(d) != want_replaced) {
			fprintf(stderr, "%s: split at %zu: got \"%s\" (%zu replaced), expected \"%s\"\n",
				encoding_name(encoding), cut, out.buf, decoder_replaced(d), want);
			check_failures++;
		}
		strbuf_done(&out);
		decoder_free(d);
	}

	got = convert(encoding, bytes, n, 1, &replaced);
	CHECK_STR(got, want);
	CHECK_INT(replaced, want_replaced);
	free(got);
	got = convert(encoding, bytes, n, 3, &replaced);
	CHECK_STR(got, want);
	CHECK_INT(replaced, want_replaced);
	free(got);
}

#define CONVERSION(encoding, literal, want, replaced) \
	check_conversion(encoding, literal, sizeof(literal) - 1, want, replaced)

/* "Caf\u00e9 \u20ac5 \U0001F600" in UTF-8 */
#define SAMPLE_UTF8 "Caf\xc3\xa9 \xe2\x82\xac" "5 \xf0\x9f\x98\x80"

TEST(convert_every_encoding)
{
	CHECK_STR(encoding_name(ENCODING_UTF8), "UTF-8");
	CHECK_STR(encoding_name(ENCODING_UTF16LE), "UTF-16LE");
	CHECK_STR(encoding_name(ENCODING_UTF16BE), "UTF-16BE");
	CHECK_STR(encoding_name(ENCODING_WINDOWS1252), "Windows-1252");

	CONVERSION(ENCODING_UTF8, SAMPLE_UTF8, SAMPLE_UTF8, 0);
	CONVERSION(ENCODING_UTF16LE, "C\0a\0f\0\xe9\0 \0\xac\x20" "5\0 \0\x3d\xd8\x00\xde",
		   SAMPLE_UTF8, 0);
	CONVERSION(ENCODING_UTF16BE, "\0C\0a\0f\0\xe9\0 \x20\xac\0" "5\0 \xd8\x3d\xde\x00",
		   SAMPLE_UTF8, 0);
	CONVERSION(ENCODING_WINDOWS1252, "Caf\xe9 \x80" "5 \x93q\x94 \xa3" "1",
		   "Caf\xc3\xa9 \xe2\x82\xac" "5 \xe2\x80\x9cq\xe2\x80\x9d \xc2\xa3" "1", 0);
	/* Empty input gives empty output. */
	CONVERSION(ENCODING_UTF8, "", "", 0);
	CONVERSION(ENCODING_UTF16LE, "", "", 0);
}

TEST(convert_bad_bytes)
{
	/* UTF-8: each byte that is not part of a valid character becomes U+FFFD. */
	CONVERSION(ENCODING_UTF8, "a\xff" "b\xc0\x80" "c",
		   "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd" "c", 3);
	/* A character cut off by the end of the file. */
	CONVERSION(ENCODING_UTF8, "ab\xe2\x82", "ab\xef\xbf\xbd\xef\xbf\xbd", 2);
	CONVERSION(ENCODING_UTF8, "ab\xc3", "ab\xef\xbf\xbd", 1);
	/* UTF-16: an odd byte at the end, and surrogates without partners. */
	CONVERSION(ENCODING_UTF16LE, "a\0b", "a\xef\xbf\xbd", 1);
	CONVERSION(ENCODING_UTF16LE, "a\0\x3d\xd8" "b\0", "a\xef\xbf\xbd" "b", 1);
	CONVERSION(ENCODING_UTF16LE, "a\0\x00\xde" "b\0", "a\xef\xbf\xbd" "b", 1);
	CONVERSION(ENCODING_UTF16LE, "a\0\x3d\xd8", "a\xef\xbf\xbd", 1);
	CONVERSION(ENCODING_UTF16BE, "\0a\xd8\x3d\0b", "a\xef\xbf\xbd" "b", 1);
	/*
	 * Windows-1252: the five bytes it leaves unassigned are read as
	 * Latin-1 reads them (C1 controls), as browsers do; a single-byte
	 * file never gets U+FFFD.
	 */
	CONVERSION(ENCODING_WINDOWS1252, "[\x81\x8d\x8f\x90\x9d]",
		   "[\xc2\x81\xc2\x8d\xc2\x8f\xc2\x90\xc2\x9d]", 0);
}

/* A carried partial character and an empty final call. */
TEST(convert_final_flush)
{
	struct decoder *d = decoder_new(ENCODING_UTF8);
	struct strbuf out;

	strbuf_init(&out);
	decoder_convert(d, (const unsigned char *)"x\xe2\x82", 3, 0, &out);
	CHECK_STR(out.buf, "x");
	CHECK_INT(decoder_replaced(d), 0);
	decoder_convert(d, (const unsigned char *)"", 0, 1, &out);
	CHECK_STR(out.buf, "x\xef\xbf\xbd\xef\xbf\xbd");
	CHECK_INT(decoder_replaced(d), 2);
	decoder_free(d);
	strbuf_done(&out);

	d = decoder_new(ENCODING_UTF16LE);
	strbuf_init(&out);
	decoder_convert(d, (const unsigned char *)"x\0\x3d", 3, 0, &out);
	decoder_convert(d, (const unsigned char *)"\xd8", 1, 0, &out);
	CHECK_STR(out.buf, "x");
	decoder_convert(d, (const unsigned char *)"\x00\xde", 2, 1, &out);
	CHECK_STR(out.buf, "x\xf0\x9f\x98\x80");
	CHECK_INT(decoder_replaced(d), 0);
	decoder_free(d);
	strbuf_done(&out);
}

#define SPACES5 "     "
#define SPACES20 SPACES5 SPACES5 SPACES5 SPACES5
#define SPACES5_LE " \0 \0 \0 \0 \0"
#define SPACES20_LE SPACES5_LE SPACES5_LE SPACES5_LE SPACES5_LE
#define SPACES5_BE "\0 \0 \0 \0 \0 "
#define SPACES20_BE SPACES5_BE SPACES5_BE SPACES5_BE SPACES5_BE

/*
 * Large inputs through textfile: every chunk boundary lands somewhere
 * awkward. (UTF-16 without a BOM is recognised by its zero bytes; a
 * zero in the "wrong" half, as in U+DE00, must stay rare.)
 */
TEST(textfile_encodings)
{
	/* "caf\u00e9\U0001F600\n" then 20 spaces and a newline, in each encoding. */
	static const struct {
		enum encoding encoding;
		const char *unit;
		size_t size;
	} cases[] = {
		{ ENCODING_UTF8, "caf\xc3\xa9\xf0\x9f\x98\x80\n" SPACES20 "\n", 10 + 21 },
		{ ENCODING_UTF16LE, "c\0a\0f\0\xe9\0\x3d\xd8\x00\xde\n\0" SPACES20_LE "\n\0",
		  14 + 42 },
		{ ENCODING_UTF16BE, "\0c\0a\0f\0\xe9\xd8\x3d\xde\x00\0\n" SPACES20_BE "\0\n",
		  14 + 42 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct strbuf raw, text;
		struct textfile *tf;
		char err[128];
		size_t k, units = 30000;

		strbuf_init(&raw);
		strbuf_init(&text);
		for (k = 0; k < units; k++)
			strbuf_add(&raw, cases[i].unit, cases[i].size);
		tf = textfile_open_memory(raw.buf, raw.len);
		CHECK_INT(textfile_guess(tf)->encoding, cases[i].encoding);
		CHECK_INT(textfile_read_all(tf, &text, err, sizeof(err)), STATUS_OK);
		CHECK_INT(text.len, units * 31);
		CHECK_INT(textfile_replaced(tf), 0);
		CHECK_INT(textfile_bytes(tf), raw.len);
		CHECK(memcmp(text.buf + text.len - 31, "caf\xc3\xa9\xf0\x9f\x98\x80\n" SPACES20 "\n",
			     31) == 0);
		textfile_free(tf);
		strbuf_done(&raw);
		strbuf_done(&text);
	}
}

/* Windows-1252 through textfile: detection, conversion, nothing replaced. */
TEST(textfile_windows_1252)
{
	static const char raw[] = "name,fee\nCaf\xe9,\xa3" "5\nOdd \x81 byte,\x80" "3\n";
	struct textfile *tf = textfile_open_memory(raw, sizeof(raw) - 1);
	struct strbuf text;
	char err[128];
	int eof = 0;
	size_t n;

	CHECK_INT(textfile_guess(tf)->encoding, ENCODING_WINDOWS1252);
	CHECK_STR(textfile_peek(tf, &n), "name,fee\nCaf\xc3\xa9,\xc2\xa3" "5\nOdd \xc2\x81 byte,"
					 "\xe2\x82\xac" "3\n");
	strbuf_init(&text);
	CHECK_INT(textfile_read(tf, &text, &eof, err, sizeof(err)), STATUS_OK);
	CHECK(eof);
	CHECK_INT(text.len, n);
	CHECK_INT(textfile_replaced(tf), 0);
	/* Reading past the end stays at the end. */
	CHECK_INT(textfile_read(tf, &text, &eof, err, sizeof(err)), STATUS_OK);
	CHECK(eof);
	CHECK_INT(text.len, n);
	strbuf_done(&text);
	textfile_free(tf);
}

/* Only ordinary files are read: a named pipe would wait for ever, a device never ends. */
TEST(textfile_refuses_what_is_not_a_file)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char *fifo = xasprintf("%s/fifo-%ld.csv", tmp ? tmp : "/tmp", (long)getpid());
	struct textfile *tf = NULL;
	char err[256] = "";

	unlink(fifo);
	CHECK_INT(mkfifo(fifo, 0600), 0);
	CHECK_INT(textfile_open(fifo, &tf, err, sizeof(err)), STATUS_IO);	/* at once */
	CHECK(tf == NULL);
	CHECK_CONTAINS(err, "named pipe");
	unlink(fifo);
	free(fifo);
	CHECK_INT(textfile_open("/dev/zero", &tf, err, sizeof(err)), STATUS_IO);
	CHECK_CONTAINS(err, "device");
	CHECK_INT(textfile_open("/", &tf, err, sizeof(err)), STATUS_IO);
	CHECK_CONTAINS(err, "folder");
}

/* Text cut inside a character loses the piece; whole characters stay. */
TEST(mending_cut_text)
{
	char s[32];

	snprintf(s, sizeof(s), "caf\xc3");			/* é cut after its first byte */
	utf8_mend(s);
	CHECK_STR(s, "caf");
	snprintf(s, sizeof(s), "\xc2\xad\xc2\xad\xe2\x82");	/* two soft hyphens, then half a € */
	utf8_mend(s);
	CHECK_STR(s, "\xc2\xad\xc2\xad");
	snprintf(s, sizeof(s), "a\x80" "b\xff" "c");			/* stray bytes in the middle */
	utf8_mend(s);
	CHECK_STR(s, "abc");
	snprintf(s, sizeof(s), "Doncaster \xe2\x80\x93 centre");	/* nothing to mend */
	utf8_mend(s);
	CHECK_STR(s, "Doncaster \xe2\x80\x93 centre");
}

TESTS(mending_cut_text, textfile_refuses_what_is_not_a_file, byte_order_marks, utf16_without_bom, binary, empty_and_whitespace, windows_1252,
      utf8_cut_at_sample_end, utf8_valid_prefix, convert_every_encoding, convert_bad_bytes,
      convert_final_flush, textfile_encodings, textfile_windows_1252)
