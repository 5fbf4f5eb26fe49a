/* test_import_lars.c - the LARS Standard, sector subject area and level importers. */
#include "harness.h"

/* A file that no format (or at least not ours) claims. */
static void check_not_detected(const char *path)
{
	struct capture c;

	capture_init(&c);
	capture_file(&c, path);
	if (c.detect_status == STATUS_OK)
		fprintf(stderr, "%s was detected as %s\n", path, c.format);
	CHECK_INT(c.detect_status, STATUS_FORMAT);
	capture_done(&c);
}

/* --- Standard.csv ----------------------------------------------------------- */

static void check_standards(const char *fixture)
{
	struct capture c;

	capture_expect(&c, fixture, "lars-standard-csv", -1, -1, -1);
	CHECK_STR(c.result.encoding, "UTF-8");
	CHECK_INT(c.result.read, 9);
	CHECK_INT(c.result.loaded, 4);
	CHECK_INT(c.result.rejected, 5);
	CHECK_CONTAINS(c.records.buf,
		       "STANDARD lars_code=2 version=1 title=Software Developer level=4 "
		       "ssa1=6 ssa2=6.2 url=https://example.org/software-developer/\n");
	CHECK_CONTAINS(c.records.buf,
		       "STANDARD lars_code=25 version=1 title=Digital and Technology Solutions "
		       "Professional (degree) level=6 integrated_degree=integrated degree "
		       "last_start_date=2020-07-31 ssa1=6 ssa2=6.1 url=https://example.org/dts/\n");
	/* A quoted comma; no status (it depends on today), no ST reference. */
	CHECK_CONTAINS(c.records.buf, "STANDARD lars_code=115 version=2 title=Chef, commis "
				      "level=2 ssa1=7 ssa2=7.4\n");
	/* Level X and SSA -1 ("unknown") say nothing. */
	CHECK_CONTAINS(c.records.buf, "STANDARD lars_code=999 version=1 "
				      "title=Unclassified standard\n");
	CHECK_NOT_CONTAINS(c.records.buf, "status=");
	CHECK_NOT_CONTAINS(c.records.buf, "reference=");
	CHECK_NOT_CONTAINS(c.records.buf, "loader");
	CHECK_CONTAINS(c.rejections.buf,
		       "6: StandardCode: is empty, but every standard has a LARS code\n");
	CHECK_CONTAINS(c.rejections.buf, "7: StandardCode: \"abc\" is not a whole number");
	CHECK_CONTAINS(c.rejections.buf, "7: NotionalEndLevel: \"nine\" is not a qualification "
					 "level");
	CHECK_CONTAINS(c.rejections.buf, "8: LastDateStarts: \"31 Feb 2021\" is not a real date\n");
	CHECK_CONTAINS(c.rejections.buf, "8: SectorSubjectAreaTier1: \"six\" is not a sector "
					 "subject area code (expected something like 6.10)\n");
	CHECK_CONTAINS(c.rejections.buf, "9: StandardName: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "9: SectorSubjectAreaTier2: 7.1 is not an area within "
					 "tier 1 area 6\n");
	CHECK_CONTAINS(c.rejections.buf, "10: StandardCode: 1000000 is out of range (expected 1 "
					 "to 999999)\n");
	CHECK_CONTAINS(c.rejections.buf, "10: IntegratedDegreeStandard: \"maybe\" is not yes or "
					 "no (expected Y or N)\n");
	CHECK_INT(c.rejection_count, 9);
	capture_done(&c);
}

TEST(standard_good_and_bad)
{
	check_standards("lars/Standard_good_and_bad.csv");
}

TEST(standard_bom_crlf)
{
	check_standards("lars/Standard_good_and_bad_bom_crlf.csv");
}

TEST(standard_neighbours_not_detected)
{
	check_not_detected(check_fixture("lars/standard_funding.csv"));
	if (!check_refdata("lars/StandardFunding.csv"))
		SKIP("../shared/refdata is not here");
	check_not_detected(check_refdata("lars/StandardFunding.csv"));
	check_not_detected(check_refdata("lars/StandardCommonComponent.head200.csv"));
	check_not_detected(check_refdata("lars/StandardSectorCode.csv"));
	check_not_detected(check_refdata("lars/ApprenticeshipFunding.head200.csv"));
}

TEST(standard_real_file)
{
	struct capture c;

	if (!check_refdata("lars/Standard.csv"))
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("lars/Standard.csv")), STATUS_OK);
	CHECK_STR(c.format, "lars-standard-csv");
	CHECK_INT(c.result.read, 589);
	CHECK_INT(c.result.loaded, 589);
	CHECK_INT(c.result.rejected, 0);
	CHECK_INT(c.record_count, 589);
	CHECK_INT(capture_count(&c, "integrated_degree=integrated degree"), 51);
	CHECK_CONTAINS(c.records.buf, "STANDARD lars_code=2 version=1 title=Software Developer "
				      "level=4 ssa1=6 ssa2=6.2 url=https://www.instituteforapprenti"
				      "ceships.org/apprenticeship-standards/software-developer/\n");
	CHECK_NOT_CONTAINS(c.records.buf, "status=");
	capture_done(&c);
}

/* --- sector subject areas ----------------------------------------------------- */

static void check_tier1(const char *fixture)
{
	struct capture c;

	capture_expect(&c, fixture, "lars-ssa-csv", -1, -1, -1);
	CHECK_INT(c.result.read, 7);
	CHECK_INT(c.result.loaded, 3);
	CHECK_INT(c.result.skipped, 2);
	CHECK_INT(c.result.rejected, 2);
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa1 code=1 name=Health, Public Services and "
				      "Care\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa1 code=6 name=Information and Communication "
				      "Technology\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa1 code=15 name=Business, Administration and "
				      "Law\n");
	CHECK_NOT_CONTAINS(c.records.buf, "Unknown");
	CHECK_NOT_CONTAINS(c.records.buf, "Not Applicable");
	CHECK_CONTAINS(c.rejections.buf, "7: SectorSubjectAreaTier1: \"x.00\" is not a sector "
					 "subject area code (expected something like 6.10)\n");
	CHECK_CONTAINS(c.rejections.buf, "8: SectorSubjectAreaTier1Desc: is empty, but every "
					 "row needs it\n");
	CHECK_INT(c.rejection_count, 2);
	capture_done(&c);
}

TEST(ssa_tier1)
{
	check_tier1("lars/ssa_tier1.csv");
}

TEST(ssa_tier1_bom_crlf)
{
	check_tier1("lars/ssa_tier1_bom_crlf.csv");
}

TEST(ssa_tier2)
{
	struct capture c;

	capture_expect(&c, "lars/ssa_tier2.csv", "lars-ssa-csv", -1, -1, -1);
	CHECK_INT(c.result.read, 7);
	CHECK_INT(c.result.loaded, 4);
	CHECK_INT(c.result.skipped, 1);
	CHECK_INT(c.result.rejected, 2);
	/* Without tier 1 columns, the parent comes from the code. */
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa2 code=6 name=Information and Communication "
				      "Technology parent=6\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa2 code=6.1 name=ICT Practitioners "
				      "parent=6\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa2 code=6.2 name=ICT for Users parent=6\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa2 code=10.1 name=History parent=10\n");
	CHECK_NOT_CONTAINS(c.records.buf, "list=ssa1");
	CHECK_CONTAINS(c.rejections.buf, "7: SectorSubjectAreaTier2: \"6.1.1\" is not a sector "
					 "subject area code");
	CHECK_CONTAINS(c.rejections.buf, "8: SectorSubjectAreaTier2: is empty, but every row "
					 "needs a sector subject area code\n");
	capture_done(&c);
}

TEST(ssa_combined)
{
	struct capture c;

	capture_expect(&c, "lars/ssa_combined.csv", "lars-ssa-csv", -1, -1, -1);
	CHECK_INT(c.result.read, 9);
	CHECK_INT(c.result.loaded, 4);
	CHECK_INT(c.result.skipped, 2);
	CHECK_INT(c.result.rejected, 3);
	/* Each tier 1 area once, then each tier 2 area with its parent. */
	CHECK_INT(capture_count(&c, "list=ssa1 code=6 "), 1);
	CHECK_INT(capture_count(&c, "list=ssa1 code=7 "), 1);
	CHECK_INT(capture_count(&c, "list=ssa1"), 2);
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa1 code=6 name=Information and Communication "
				      "Technology\nCODE list=ssa2 code=6 name=Information and "
				      "Communication Technology parent=6\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa2 code=6.1 name=ICT Practitioners parent=6\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa2 code=6.2 name=ICT for Users parent=6\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=ssa1 code=7 name=Retail and Commercial "
				      "Enterprise\nCODE list=ssa2 code=7.1 name=Retailing and "
				      "Wholesaling parent=7\n");
	CHECK_CONTAINS(c.rejections.buf, "8: SectorSubjectAreaTier2: 6.3 is not an area within "
					 "tier 1 area 7\n");
	CHECK_CONTAINS(c.rejections.buf, "9: SectorSubjectAreaTier2: 1.1 is not an area within "
					 "tier 1 area -1\n");
	CHECK_CONTAINS(c.rejections.buf, "10: SectorSubjectAreaTier2Desc: is empty, but every "
					 "row needs it\n");
	CHECK_NOT_CONTAINS(c.records.buf, "Misfiled");
	capture_done(&c);
}

TEST(ssa_tier_without_its_desc_is_refused)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("lars/ssa_tier2_without_desc.csv")),
		  STATUS_FORMAT);
	CHECK_STR(c.format, "lars-ssa-csv");
	CHECK_STR(c.result.message, "the header has a \"SectorSubjectAreaTier2\" column but no "
				    "\"SectorSubjectAreaTier2Desc\" column");
	capture_done(&c);
}

TEST(ssa_neighbours_not_detected)
{
	if (!check_refdata("lars/StandardSectorCode.csv"))
		SKIP("../shared/refdata is not here");
	check_not_detected(check_refdata("lars/StandardSectorCode.csv"));
	check_not_detected(check_refdata("lars/LearnDirectClassSystemCode.csv"));
}

TEST(ssa_real_files)
{
	static const struct {
		const char *file;
		unsigned long read, loaded, records, ssa1, ssa2;
	} files[] = {
		{ "lars/SectorSubjectAreaTier1.csv", 17, 15, 15, 15, 0 },
		{ "lars/SectorSubjectAreaTier2.csv", 67, 65, 65, 0, 65 },
		{ "lars/SectorSubjectArea.csv", 67, 65, 80, 15, 65 },
	};
	size_t i;

	if (!check_refdata(files[0].file))
		SKIP("../shared/refdata is not here");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct capture c;

		capture_init(&c);
		CHECK_INT(capture_file(&c, check_refdata(files[i].file)), STATUS_OK);
		CHECK_STR(c.format, "lars-ssa-csv");
		CHECK_INT(c.result.read, files[i].read);
		CHECK_INT(c.result.loaded, files[i].loaded);
		CHECK_INT(c.result.skipped, 2);
		CHECK_INT(c.result.rejected, 0);
		CHECK_INT(c.record_count, files[i].records);
		CHECK_INT(capture_count(&c, "list=ssa1"), files[i].ssa1);
		CHECK_INT(capture_count(&c, "list=ssa2"), files[i].ssa2);
		if (files[i].ssa2)
			CHECK_CONTAINS(c.records.buf, "CODE list=ssa2 code=14.2 name=Preparation "
						      "for Work parent=14\n");
		CHECK_NOT_CONTAINS(c.records.buf, "code=-");
		capture_done(&c);
	}
}

/* --- notional NVQ levels -------------------------------------------------------- */

static void check_levels(const char *fixture)
{
	struct capture c;

	capture_expect(&c, fixture, "lars-level-csv", -1, -1, -1);
	CHECK_INT(c.result.read, 10);
	CHECK_INT(c.result.loaded, 6);
	CHECK_INT(c.result.rejected, 4);
	CHECK_CONTAINS(c.records.buf, "CODE list=level code=1 name=Level 1\n"
				      "CODE list=level code=1.5 name=Level 1/2\n"
				      "CODE list=level code=8 name=Level 8\n"
				      "CODE list=level code=E name=Entry Level\n"
				      "CODE list=level code=H name=Higher Level\n"
				      "CODE list=level code=X name=Not Applicable/ Not Known\n");
	CHECK_CONTAINS(c.rejections.buf, "8: NotionalNVQLevelV2: \"9\" is not a qualification "
					 "level (expected something like 3)\n");
	CHECK_CONTAINS(c.rejections.buf, "9: NotionalNVQLevelV2: \"Level 3\" is a level, but not "
					 "as LARS writes it (expected 1, 1.5, E, H, M or X)\n");
	CHECK_CONTAINS(c.rejections.buf, "10: NotionalNVQLevelV2: is empty, but every row needs "
					 "a level code\n");
	CHECK_CONTAINS(c.rejections.buf, "11: NotionalNVQLevelV2Desc: is empty, but every row "
					 "needs it\n");
	CHECK_INT(c.rejection_count, 4);
	capture_done(&c);
}

TEST(level_good_and_bad)
{
	check_levels("lars/level_v2.csv");
}

TEST(level_bom_crlf)
{
	check_levels("lars/level_v2_bom_crlf.csv");
}

TEST(level_v1_not_detected)
{
	check_not_detected(check_fixture("lars/level_v1.csv"));
	if (!check_refdata("lars/NotionalNVQLevel.csv"))
		SKIP("../shared/refdata is not here");
	check_not_detected(check_refdata("lars/NotionalNVQLevel.csv"));
}

TEST(level_real_file)
{
	struct capture c;

	if (!check_refdata("lars/NotionalNVQLevelv2.csv"))
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("lars/NotionalNVQLevelv2.csv")), STATUS_OK);
	CHECK_STR(c.format, "lars-level-csv");
	CHECK_INT(c.result.read, 13);
	CHECK_INT(c.result.loaded, 13);
	CHECK_INT(c.result.rejected, 0);
	CHECK_INT(c.record_count, 13);
	CHECK_CONTAINS(c.records.buf, "CODE list=level code=1.5 name=Level 1/2\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=level code=E name=Entry Level\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=level code=M name=Mixed Level\n");
	capture_done(&c);
}

TESTS(standard_good_and_bad, standard_bom_crlf, standard_neighbours_not_detected,
      standard_real_file, ssa_tier1, ssa_tier1_bom_crlf, ssa_tier2, ssa_combined,
      ssa_tier_without_its_desc_is_refused, ssa_neighbours_not_detected, ssa_real_files,
      level_good_and_bad, level_bom_crlf, level_v1_not_detected, level_real_file)
