/*
 * test_safe_text.c - printed text carries no terminal controls and is
 * always UTF-8; JSON strings are always valid JSON.
 */
#include <unistd.h>

#include "format.h"
#include "harness.h"
#include "safe_text.h"

#define FFFD "\xef\xbf\xbd"

static char *made_safe(const char *s, size_t n)
{
	struct strbuf out;

	strbuf_init(&out);
	CHECK_INT(safe_text(&out, s, n, 1), 0);
	return strbuf_detach(&out);
}

#define SAFE(literal) made_safe(literal, sizeof(literal) - 1)

TEST(controls_and_bad_bytes_are_replaced)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{ "plain text, caf\xc3\xa9 \xe2\x82\xac", "plain text, caf\xc3\xa9 \xe2\x82\xac" },
		{ "lines\nand\ttabs\r\nstay", "lines\nand\ttabs\r\nstay" },
		{ "\x1b[2Jwiped", FFFD "[2Jwiped" },
		{ "over\rwrite", "over" FFFD "write" },
		{ "bell\x07", "bell" FFFD },
		{ "del\x7f", "del" FFFD },
		{ "csi \xc2\x9b" "31m", "csi " FFFD "31m" },	/* U+009B, a C1 control */
		{ "nbsp \xc2\xa0 ok", "nbsp \xc2\xa0 ok" },
		{ "latin1 caf\xe9", "latin1 caf" FFFD },
		{ "cut \xe2\x82", "cut " FFFD FFFD },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = made_safe(cases[i].in, strlen(cases[i].in));

		CHECK_STR(got, cases[i].want);
		free(got);
	}
}

/* Through the stream, a character split between two writes is whole. */
TEST(the_stream_joins_split_characters)
{
	int fds[2];
	FILE *f;
	char got[128];
	ssize_t n;

	CHECK_INT(pipe(fds), 0);
	f = safe_text_stream(fds[1]);
	CHECK(f != NULL);
	setvbuf(f, NULL, _IONBF, 0);
	fputs("\xe2\x82", f);		/* the first two bytes of the euro sign */
	fputs("\xac and \r", f);	/* ... its last, and a CR ... */
	fputs("\n\x1b!", f);		/* ... which is a CR LF after all */
	fclose(f);
	close(fds[1]);
	n = read(fds[0], got, sizeof(got) - 1);
	close(fds[0]);
	got[n > 0 ? n : 0] = '\0';
	CHECK_STR(got, "\xe2\x82\xac and \r\n" FFFD "!");
}

TEST(json_strings_are_always_json)
{
	struct strbuf out;

	strbuf_init(&out);
	format_json_string(&out, "a\"b\\c\n\x01 \x7f \xc2\x85 caf\xe9 \xc3\xa9 \xf0\x9f\x98\x80");
	CHECK_STR(out.buf, "\"a\\\"b\\\\c\\n\\u0001 \\u007f \\u0085 caf\\ufffd \xc3\xa9 "
			   "\xf0\x9f\x98\x80\"");
	strbuf_done(&out);
}

TESTS(controls_and_bad_bytes_are_replaced, the_stream_joins_split_characters,
      json_strings_are_always_json)
