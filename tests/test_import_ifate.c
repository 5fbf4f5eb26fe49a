/* test_import_ifate.c - the IfATE standards CSV importer. */
#include "harness.h"

static void check_good_and_bad(const char *fixture, const char *encoding)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture(fixture)), STATUS_OK);
	CHECK_STR(c.format, "ifate-standards-csv");
	CHECK_STR(c.result.encoding, encoding);
	CHECK_STR(c.result.data_date, "2026-10-14");
	CHECK_INT(c.result.read, 7);
	CHECK_INT(c.result.loaded, 4);
	CHECK_INT(c.result.rejected, 3);
	CHECK_CONTAINS(c.records.buf,
		       "STANDARD reference=ST0116 lars_code=2 title=Software developer level=4 "
		       "route=Digital duration_months=24 status=approved for delivery "
		       "max_funding_pence=1800000 approved_date=2014-11-12 "
		       "url=https://example.org/software-developer/\n");
	/* Quoted comma in a title; version suffix split off the reference; TBC is blank. */
	CHECK_CONTAINS(c.records.buf, "reference=ST0228 lars_code=115 version=2 title=Chef, commis "
				      "level=2 route=Catering and hospitality duration_months=12 ");
	/* Level 0 and duration 0 mean "not known yet". */
	CHECK_CONTAINS(c.records.buf, "reference=ST0381 title=Hand engraver route=Creative and "
				      "design status=in development url=");
	CHECK_CONTAINS(c.records.buf, "reference=ST0466 title=Locksmith route=Engineering and "
				      "manufacturing status=withdrawn\n");
	/* Nothing from the contact column ever gets through. */
	CHECK_NOT_CONTAINS(c.records.buf, "@");
	/* Every bad field is named, with its line. */
	CHECK_CONTAINS(c.rejections.buf, "7: Reference: \"XX0001\" is not a standard reference");
	CHECK_CONTAINS(c.rejections.buf, "8: Approved for Delivery Date: \"31-02-2015\" is not a "
					 "real date");
	CHECK_CONTAINS(c.rejections.buf, "8: Level: \"level nine\" is not a qualification level");
	CHECK_CONTAINS(c.rejections.buf, "8: Maximum Funding (\xc2\xa3): \"lots\" is not an amount");
	CHECK_CONTAINS(c.rejections.buf, "8: Typical Duration: 240 is out of range");
	CHECK_CONTAINS(c.rejections.buf, "9: Name: is empty");
	CHECK_NOT_CONTAINS(c.records.buf, "ST0999");
	capture_done(&c);
}

TEST(utf8)
{
	check_good_and_bad("ifate/good_and_bad.csv", "UTF-8");
}

TEST(utf8_with_bom)
{
	check_good_and_bad("ifate/good_and_bad_bom.csv", "UTF-8");
}

TEST(utf16le_without_bom)
{
	check_good_and_bad("ifate/good_and_bad_utf16le.csv", "UTF-16LE");
}

TEST(missing_required_column_is_refused)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("ifate/missing_reference.csv")), STATUS_FORMAT);
	CHECK(c.near);
	CHECK_CONTAINS(c.why, "looks like IfATE apprenticeship standards");
	CHECK_CONTAINS(c.why, "line 2 has no \"Reference\" column");
	capture_done(&c);
}

TEST(real_file_both_encodings)
{
	static const char *const files[] = {
		"ifate-apprenticeship-standards/ApprenticeshipStandards_2018-05-08_utf8.csv",
		"ifate-apprenticeship-standards/ApprenticeshipStandards_2018-05-08_original-utf16le.csv",
	};
	size_t i;

	if (!check_refdata(files[0]))
		SKIP("../shared/refdata is not here");
	for (i = 0; i < 2; i++) {
		struct capture c;

		capture_init(&c);
		CHECK_INT(capture_file(&c, check_refdata(files[i])), STATUS_OK);
		CHECK_INT(c.result.read, 546);
		CHECK_INT(c.result.loaded, 546);
		CHECK_INT(c.result.rejected, 0);
		CHECK_STR(c.result.data_date, "2018-05-08");
		CHECK_CONTAINS(c.records.buf, "reference=ST0242 lars_code=");
		CHECK_CONTAINS(c.records.buf, "route=Legal  finance and accounting");
		CHECK_NOT_CONTAINS(c.records.buf, "@");
		capture_done(&c);
	}
}

TESTS(utf8, utf8_with_bom, utf16le_without_bom, missing_required_column_is_refused,
      real_file_both_encodings)
