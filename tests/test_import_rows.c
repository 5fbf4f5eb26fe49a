/*
 * test_import_rows.c - CSV rows that are not what their header says:
 * each is rejected or warned about with its line and column, never
 * loaded without a word. (LARS sector subject areas, tier 1: five columns,
 * two of them read.)
 */
#include <fcntl.h>
#include <unistd.h>

#include "harness.h"
#include "json_reader.h"

#define HEADER "\"SectorSubjectAreaTier1\",\"SectorSubjectAreaTier1Desc\"," \
	       "\"SectorSubjectAreaTier1Desc2\",\"EffectiveFrom\",\"EffectiveTo\"\n"

TEST(rows_longer_or_shorter_than_the_header)
{
	struct capture c;

	capture_init(&c);
	capture_text(&c, "ssa.csv", HEADER
		     "\"1.00\",\"Health\",\"H\",\"01 Jan 2004\",\"\"\n"
		     "\"2.00\",\"Science\",\"S\",\"01 Jan 2004\",\"\",\n"	/* a trailing comma */
		     "\"3.00\",\"Agriculture\",\"A\",\"01 Jan 2004\",\"\",\"surprise\"\n"
		     "\"4.00\",\"Engineering\"\n"
		     "\"5.00\",Construction \"and\" planning,\"C\",\"01 Jan 2004\",\"\"\n");
	CHECK_INT(c.run_status, STATUS_OK);
	CHECK_STR(c.format, "lars-ssa-csv");
	CHECK_INT(c.result.read, 5);
	CHECK_INT(c.result.loaded, 5);
	CHECK_INT(c.result.rejected, 0);
	CHECK_INT(c.result.warnings, 3);
	/* A trailing comma is nothing; an extra value, a missing one or a stray quote is told. */
	CHECK_STR(c.warnings.buf,
		  "4: (row): the row has 6 values where the header has 5 columns; the extra ones "
		  "are not read (is there a comma in a value that is not in quotes?)\n"
		  "5: (row): the row has 2 values where the header has 5 columns; the missing "
		  "ones are read as empty\n"
		  "6: SectorSubjectAreaTier1Desc: a quote inside a value that is not in quotes; "
		  "check the value\n");
	CHECK_CONTAINS(c.records.buf, "name=Agriculture");
	CHECK_CONTAINS(c.records.buf, "name=Engineering");
	CHECK_CONTAINS(c.records.buf, "name=Construction \"and\" planning");
	capture_done(&c);
}

TEST(a_nul_byte_in_a_value)
{
	struct strbuf text;
	struct capture c;
	int i;

	strbuf_init(&text);
	strbuf_puts(&text, HEADER);
	/* Far enough in that the start of the file reads as text. */
	for (i = 0; i < 100; i++)
		strbuf_printf(&text, "\"%d.%02d\",\"Area %d\",\"A\",\"01 Jan 2004\",\"\"\n",
			      10 + i % 80, i % 10, i);
	strbuf_puts(&text, "\"7.00\",\"Retail and");
	strbuf_putc(&text, '\0');
	strbuf_puts(&text, " commerce\",\"R\",\"01 Jan 2004\",\"\"\n");
	capture_init(&c);
	capture_bytes(&c, "ssa.csv", text.buf, text.len);
	CHECK_INT(c.run_status, STATUS_OK);
	CHECK_INT(c.result.rejected, 1);
	CHECK_STR(c.rejections.buf, "102: SectorSubjectAreaTier1Desc: has a NUL byte in it, which "
				    "would cut the value short\n");
	CHECK_NOT_CONTAINS(c.records.buf, "Retail");
	capture_done(&c);
	strbuf_done(&text);
}

TEST(two_columns_with_one_name)
{
	struct capture c;

	capture_init(&c);
	capture_text(&c, "ssa.csv",
		     "\"SectorSubjectAreaTier1\",\"SectorSubjectAreaTier1Desc\","
		     "\"SectorSubjectAreaTier1Desc\"\n"
		     "\"1.00\",\"Health\",\"Other words\"\n");
	CHECK_INT(c.run_status, STATUS_OK);
	CHECK_INT(c.result.loaded, 1);
	CHECK_STR(c.warnings.buf, "1: SectorSubjectAreaTier1Desc: columns 2 and 3 are both "
				  "called this; column 2 is read\n");
	CHECK_CONTAINS(c.records.buf, "name=Health");
	capture_done(&c);
}

/*
 * A JSON document is read whole, so one larger than careers reads is
 * refused before it is read (a sparse file: the size costs no disk).
 */
TEST(a_json_document_too_big_to_read)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char *path = xasprintf("%s/huge-%ld.json", tmp ? tmp : "/tmp", (long)getpid());
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	struct capture c;

	CHECK(fd >= 0);
	if (fd >= 0) {
		static char start[128 * 1024];

		/* Text at the start (what detection reads), then a hole. */
		memset(start, ' ', sizeof(start));
		memcpy(start, "[ {\"a\": 1}", 10);
		CHECK_INT(write(fd, start, sizeof(start)), sizeof(start));
		CHECK_INT(ftruncate(fd, (off_t)JSON_MAX_DOCUMENT + 1), 0);
		close(fd);
	}
	capture_init(&c);
	capture_file(&c, path);
	CHECK(c.detect_status != STATUS_OK);
	CHECK(c.near);
	CHECK_CONTAINS(c.why, "the JSON document is larger than 128 MiB");
	capture_done(&c);
	unlink(path);
	free(path);
}

TESTS(a_json_document_too_big_to_read, rows_longer_or_shorter_than_the_header, a_nul_byte_in_a_value, two_columns_with_one_name)
