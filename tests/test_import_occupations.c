/* test_import_occupations.c - the ONS SOC 2020 volume 1 descriptions importer. */
#include "harness.h"

TEST(groups_and_unit_groups)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("ons/descriptions.csv")), STATUS_OK);
	CHECK_STR(c.format, "ons-soc2020-csv");
	CHECK_INT(c.result.read, 12);
	CHECK_INT(c.result.loaded, 5);
	CHECK_INT(c.result.rejected, 6);
	CHECK_INT(c.result.skipped, 1);
	/* Major, sub-major and minor groups; multi-line descriptions kept (\n shown as ~). */
	CHECK_CONTAINS(c.records.buf, "SOC_GROUP code=2 title=Professional occupations "
				      "description=This major group covers occupations whose main "
				      "tasks need a high level of knowledge.~The main tasks apply a "
				      "body of theory.\n");
	CHECK_CONTAINS(c.records.buf, "SOC_GROUP code=21 title=Science, research, engineering "
				      "and technology professionals description=Job holders in this "
				      "sub-major group do research and apply it.\n");
	CHECK_CONTAINS(c.records.buf, "SOC_GROUP code=213 title=Information technology "
				      "professionals description=");
	/* Unit groups: lists lose their marks, blank lines and closing full stops. */
	CHECK_CONTAINS(c.records.buf,
		       "OCCUPATION soc=2134 title=Programmers and software development "
		       "professionals description=Programmers and software development "
		       "professionals design, develop, test and maintain software. "
		       "entry_routes=Entrants usually have a degree or a Level 3 apprenticeship. "
		       "tasks=designs and writes programs|tests programs, finds faults and fixes "
		       "them|keeps records of versions, changes, etc. "
		       "job_titles=Developer, software|Programmer, computer|Web developer\n");
	/* No tasks; bullet marks; a '|' inside an item cannot split it. */
	CHECK_CONTAINS(c.records.buf, "OCCUPATION soc=2135 title=Cyber security professionals "
				      "description=Cyber security professionals protect systems. "
				      "job_titles=Analyst, security|Penetration tester/ethical "
				      "hacker\n");
	CHECK_NOT_CONTAINS(c.records.buf, "<blank>");
	CHECK_NOT_CONTAINS(c.records.buf, "21345");
	CHECK_NOT_CONTAINS(c.records.buf, "2136");
	CHECK_NOT_CONTAINS(c.records.buf, "2137");
	CHECK_NOT_CONTAINS(c.records.buf, "2139");
	/* Every bad row is named, with its line and column. */
	CHECK_CONTAINS(c.rejections.buf, "32: SOC 2020 Unit Group: \"21345\" is not a SOC code "
					 "(expected something like 21)\n");
	CHECK_CONTAINS(c.rejections.buf, "33: SOC 2020 Minor Group: \"21\" is not a minor group "
					 "code (expected 3 digits, like 213)\n");
	CHECK_CONTAINS(c.rejections.buf, "34: (row): has no code in any of the Major, Sub-Major, "
					 "Minor or Unit Group columns\n");
	CHECK_CONTAINS(c.rejections.buf, "35: SOC 2020  Group Title: is empty, but every row "
					 "needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "36: SOC 2020 Major Group: \"3\" is not the major group "
					 "of 2137 (expected 2)\n");
	CHECK_CONTAINS(c.rejections.buf, "37: Group  Description: character 9 is a control "
					 "character (0x01)\n");
	CHECK_INT(c.rejection_count, 6);
	capture_done(&c);
}

/*
 * The workbook's other sheet, the framework, is not this format, nor
 * nearly, nor any of the other occupation formats.
 */
static void check_not_descriptions(const char *path)
{
	static const char *const ours[] = {
		"ons-soc2020-csv", "soc-onet-crosswalk-csv", "onet-occupations-csv",
		"onet-job-zones-csv", "onet-interests-csv",
	};
	struct capture c;
	size_t i;

	capture_init(&c);
	capture_file(&c, path);
	for (i = 0; i < sizeof(ours) / sizeof(ours[0]); i++)
		CHECK(!c.format || strcmp(c.format, ours[i]) != 0);
	CHECK_NOT_CONTAINS(c.why, "SOC 2020 volume 1");
	CHECK_NOT_CONTAINS(c.why, "O*NET");
	capture_done(&c);
}

TEST(framework_is_not_descriptions)
{
	check_not_descriptions(check_fixture("ons/framework.csv"));
}

TEST(real_descriptions)
{
	const char *path = check_refdata("ons-soc2020/soc2020_volume1_descriptions_16102024.csv");
	struct capture c;

	if (!path)
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, path), STATUS_OK);
	CHECK_STR(c.format, "ons-soc2020-csv");
	CHECK_INT(c.result.read, 551);
	CHECK_INT(c.result.loaded, 551);
	CHECK_INT(c.result.rejected, 0);
	CHECK_INT(capture_count(&c, "OCCUPATION soc="), 412);
	CHECK_INT(capture_count(&c, "SOC_GROUP code="), 139);
	CHECK_INT(capture_count(&c, "SOC_GROUP code=1 "), 1);
	CHECK_CONTAINS(c.records.buf, "SOC_GROUP code=1 title=Managers, directors and senior "
				      "officials description=This major group covers");
	CHECK_CONTAINS(c.records.buf,
		       "OCCUPATION soc=1111 title=Chief executives and senior officials "
		       "description=Chief executives and senior officials head large enterprises");
	CHECK_CONTAINS(c.records.buf, "tasks=analyses economic, social, legal and other data, "
				      "and plans, formulates and directs at strategic level the "
				      "operation of a company or organisation|consults with");
	CHECK_CONTAINS(c.records.buf, "job_titles=Chairman|Chief executive|Civil servant (grade 5 "
				      "& above)|Diplomat|Vice President\n");
	CHECK_NOT_CONTAINS(c.records.buf, "<blank>");
	CHECK_NOT_CONTAINS(c.records.buf, "|~");
	CHECK_NOT_CONTAINS(c.records.buf, "=~");
	capture_done(&c);
}

TEST(real_framework_is_not_descriptions)
{
	const char *path = check_refdata("ons-soc2020/soc2020_volume1_framework_16102024.csv");

	if (!path)
		SKIP("../shared/refdata is not here");
	check_not_descriptions(path);
}

TESTS(groups_and_unit_groups, framework_is_not_descriptions, real_descriptions,
      real_framework_is_not_descriptions)
