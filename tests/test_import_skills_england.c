/* test_import_skills_england.c - the Skills England standards API (JSON) importer. */
#include "harness.h"

static void check_standards(const char *fixture)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture(fixture)), STATUS_OK);
	CHECK_STR(c.format, "skills-england-json");
	CHECK_STR(c.result.encoding, "UTF-8");
	CHECK_INT(c.result.read, 7);
	CHECK_INT(c.result.loaded, 3);
	CHECK_INT(c.result.rejected, 4);
	/* keywords and typicalJobTitles (arrays) are checked in arrays_are_joined. */
	CHECK_CONTAINS(c.records.buf,
		       "STANDARD reference=ST0116 lars_code=2 version=1.1 title=Software developer "
		       "level=4 route=Digital duration_months=24 status=approved for delivery ");
	CHECK_CONTAINS(c.records.buf,
		       " overview=Building and testing simple, high-quality code across the front "
		       "end, logic and database layers. max_funding_pence=1800000 "
		       "approved_date=2014-11-12 "
		       "url=https://skillsengland.education.gov.uk/apprenticeships/st0116-v1-1 "
		       "kind=standard earliest_start=2021-08-01\n");
	/* 0 means "not set yet"; the enum spelling of the status; a '|' string of titles. */
	CHECK_CONTAINS(c.records.buf,
		       "STANDARD reference=ST1473 version=1.0 title=Actuarial analyst level=6 "
		       "route=Legal, finance and accounting status=proposal in development "
		       "job_titles=Actuarial analyst|Trainee actuary "
		       "integrated_degree=non-degree qualification "
		       "url=https://skillsengland.education.gov.uk/apprenticeships/st1473-v1-0 "
		       "kind=standard\n");
	/* A yes/no approvedForDelivery has no date; the version comes from the reference. */
	CHECK_CONTAINS(c.records.buf,
		       "STANDARD reference=ST0228 lars_code=115 version=2 title=Chef, commis level=2 "
		       "route=Catering and hospitality duration_months=12 status=retired "
		       "max_funding_pence=900000 last_start_date=2021-07-31 kind=standard\n");
	/* People's contact details are never read. */
	CHECK_NOT_CONTAINS(c.records.buf, "@");
	CHECK_NOT_CONTAINS(c.records.buf, "Placeholder");
	CHECK_NOT_CONTAINS(c.records.buf, "Example Street");
	CHECK_CONTAINS(c.rejections.buf, "54: $[3]: referenceNumber: \"XX0001\" is not a standard "
					 "reference (expected something like ST0116)\n");
	CHECK_CONTAINS(c.rejections.buf, "59: $[4]: larsCode: \"abc\" is not a whole number");
	CHECK_CONTAINS(c.rejections.buf, "59: $[4]: level: \"nine\" is not a qualification level");
	CHECK_CONTAINS(c.rejections.buf, "59: $[4]: typicalDuration: 240 is out of range "
					 "(expected 0 to 120)\n");
	CHECK_CONTAINS(c.rejections.buf, "59: $[4]: maxFunding: \"lots\" is not an amount of "
					 "money");
	CHECK_CONTAINS(c.rejections.buf, "59: $[4]: approvedForDelivery: \"31-02-2015\" is not a "
					 "real date\n");
	CHECK_CONTAINS(c.rejections.buf, "59: $[4]: latestStartDate: \"soon\" is not a date");
	CHECK_CONTAINS(c.rejections.buf, "69: $[5]: title: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "74: $[6]: referenceNumber: is empty, but every standard "
					 "has a reference\n");
	CHECK_INT(c.rejection_count, 9);
	CHECK_NOT_CONTAINS(c.records.buf, "ST0999");
	CHECK_NOT_CONTAINS(c.records.buf, "ST0998");
	capture_done(&c);
}

TEST(good_and_bad)
{
	check_standards("skills-england/standards.json");
}

TEST(bom_crlf)
{
	check_standards("skills-england/standards_bom_crlf.json");
}

/* The driver joins arrays of strings with '|'. */
TEST(arrays_are_joined)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("skills-england/standards.json")), STATUS_OK);
	CHECK_CONTAINS(c.records.buf, "status=approved for delivery "
				      "keywords=software|coding|programming "
				      "job_titles=Software developer|Web developer overview=");
	/* An empty array is no value. */
	CHECK_CONTAINS(c.records.buf, "status=proposal in development job_titles=");
	capture_done(&c);
}

TEST(not_detected_without_st_reference)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("skills-england/not_standards.json")),
		  STATUS_FORMAT);
	CHECK_INT(c.detect_status, STATUS_FORMAT);
	capture_done(&c);
}

TEST(vacancies_are_not_standards)
{
	struct capture c;

	capture_init(&c);
	capture_file(&c, check_fixture("vacancies/vacancies.json"));
	CHECK_STR(c.format, "fav-vacancies-json");
	capture_done(&c);
}

TESTS(good_and_bad, bom_crlf, arrays_are_joined, not_detected_without_st_reference,
      vacancies_are_not_standards)
