/* test_import_onet.c - the O*NET importers and the SOC 2020 to O*NET crosswalk. */
#include "harness.h"

TEST(interests_excel_export)
{
	struct capture c;

	capture_expect(&c, "onet/interests_excel.csv", "onet-interests-csv", 22, 9, 13);
	CHECK_STR(c.records.buf,
		  "ONET_INTEREST code=15-1252.00 scale=OI element=R value=1.5\n"
		  "ONET_INTEREST code=15-1252.00 scale=OI element=I value=6.33\n"
		  "ONET_INTEREST code=15-1252.00 scale=OI element=A value=3\n"
		  "ONET_INTEREST code=15-1252.00 scale=OI element=S value=2\n"
		  "ONET_INTEREST code=15-1252.00 scale=OI element=E value=3.33\n"
		  "ONET_INTEREST code=15-1252.00 scale=OI element=C value=5.67\n"
		  "ONET_INTEREST code=15-1252.00 scale=IH element=1 value=2\n"
		  "ONET_INTEREST code=15-1252.00 scale=IH element=2 value=6\n"
		  "ONET_INTEREST code=15-1252.00 scale=IH element=3 value=0\n");
	CHECK_STR(c.rejections.buf,
		  "11: O*NET-SOC Code: \"15-1252\" is not an O*NET-SOC code (expected something like "
		  "15-1252.00)\n"
		  "12: Element ID: \"1.B.2.a\" is not an interest element (expected 1.B.1.a to "
		  "1.B.1.i)\n"
		  "13: Element Name: \"Artistic\" does not match Element ID 1.B.1.a (Realistic)\n"
		  "14: Scale ID: \"LV\" is not an interest scale (expected OI or IH)\n"
		  "15: Scale ID: IH does not go with element 1.B.1.a (Realistic is on scale OI)\n"
		  "16: Data Value: 7.5 is out of range (expected 1 to 7)\n"
		  "17: Data Value: 0.5 is out of range (expected 1 to 7)\n"
		  "18: Data Value: 7 is out of range (expected 0 to 6)\n"
		  "19: Data Value: 2.5 is not a high-point (expected a whole number, 1-6 for R..C "
		  "or 0 for none)\n"
		  "20: Data Value: is empty, but every interest row needs a value\n"
		  "21: Data Value: \"high\" is not a number (expected something like 53.52299)\n"
		  "22: O*NET-SOC Code: is empty, but every row needs an O*NET-SOC code\n"
		  "23: Element ID: is empty, but every interest row names its element\n");
	capture_done(&c);
}

TEST(interests_official_text_file)
{
	struct capture c;

	/* Tab-separated, no Title or Scale Name, values written "1.00". */
	capture_expect(&c, "onet/Interests.txt", "onet-interests-csv", 9, 9, 0);
	CHECK_CONTAINS(c.records.buf, "ONET_INTEREST code=47-2152.00 scale=OI element=R "
				      "value=6.67\n");
	CHECK_CONTAINS(c.records.buf, "ONET_INTEREST code=47-2152.00 scale=IH element=1 value=1\n"
				      "ONET_INTEREST code=47-2152.00 scale=IH element=2 value=4\n"
				      "ONET_INTEREST code=47-2152.00 scale=IH element=3 value=0\n");
	capture_done(&c);
}

TEST(interests_by_element_name)
{
	struct capture c;

	capture_expect(&c, "onet/interests_names.csv", "onet-interests-csv", 10, 9, 1);
	CHECK_CONTAINS(c.records.buf, "ONET_INTEREST code=29-1141.00 scale=OI element=S "
				      "value=6.5\n");
	CHECK_CONTAINS(c.records.buf, "ONET_INTEREST code=29-1141.00 scale=IH element=1 "
				      "value=4\n");
	CHECK_STR(c.rejections.buf, "11: Element Name: \"Realism\" is not an interest element "
				    "(expected Realistic, Investigative, Artistic, Social, "
				    "Enterprising, Conventional or First/Second/Third Interest "
				    "High-Point)\n");
	capture_done(&c);
}

static void check_occupation_data(const char *fixture)
{
	struct capture c;

	capture_expect(&c, fixture, "onet-occupations-csv", 7, 3, 4);
	CHECK_STR(c.records.buf,
		  "ONET_OCCUPATION code=15-1252.00 title=Software Developers description=Research, "
		  "design, and develop computer and network software or specialized utility "
		  "programs.\n"
		  "ONET_OCCUPATION code=47-2152.00 title=Plumbers, Pipefitters, and Steamfitters "
		  "description=Assemble, install, alter, and repair pipelines or pipe systems that "
		  "carry water, steam, air, or other liquids or gases.\n"
		  "ONET_OCCUPATION code=29-1141.00 title=Registered Nurses\n");
	CHECK_STR(c.rejections.buf,
		  "5: O*NET-SOC Code: \"151252.00\" is not an O*NET-SOC code (expected something "
		  "like 15-1252.00)\n"
		  "6: Title: is empty, but every row needs it\n"
		  "7: O*NET-SOC Code: is empty, but every occupation has an O*NET-SOC code\n"
		  "8: Description: character 7 is a control character (0x02)\n");
	capture_done(&c);
}

TEST(occupation_data_tab_and_comma)
{
	check_occupation_data("onet/Occupation Data.txt");
	check_occupation_data("onet/occupation_data.csv");
}

TEST(occupation_data_without_title_is_refused)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("onet/occupation_data_no_title.txt")),
		  STATUS_FORMAT);
	CHECK_STR(c.result.message, "the header has no \"Title\" column");
	CHECK_INT(c.record_count, 0);
	capture_done(&c);
}

TEST(job_zones)
{
	struct capture c;

	capture_expect(&c, "onet/job_zones_excel.csv", "onet-job-zones-csv", 7, 2, 5);
	CHECK_STR(c.records.buf,
		  "ONET_OCCUPATION code=15-1252.00 title=Software Developers job_zone=4\n"
		  "ONET_OCCUPATION code=47-2152.00 title=Plumbers, Pipefitters, and Steamfitters "
		  "job_zone=3\n");
	CHECK_STR(c.rejections.buf,
		  "4: Job Zone: 6 is out of range (expected 1 to 5)\n"
		  "5: Job Zone: \"one\" is not a whole number (expected something like 24)\n"
		  "6: Job Zone: is empty, but every row needs a job zone (1-5)\n"
		  "7: O*NET-SOC Code: \"35-3031\" is not an O*NET-SOC code (expected something like "
		  "15-1252.00)\n"
		  "8: Job Zone: 0 is out of range (expected 1 to 5)\n");
	capture_done(&c);
	/* The official text file has no Title column. */
	capture_expect(&c, "onet/Job Zones.txt", "onet-job-zones-csv", 2, 2, 0);
	CHECK_STR(c.records.buf, "ONET_OCCUPATION code=15-1252.00 job_zone=4\n"
				 "ONET_OCCUPATION code=47-2152.00 job_zone=3\n");
	capture_done(&c);
}

TEST(crosswalk)
{
	struct capture c;

	capture_expect(&c, "onet/crosswalk.csv", "soc-onet-crosswalk-csv", 9, 3, 6);
	/* Several O*NET codes per SOC; "15-1251" means "15-1251.00". */
	CHECK_STR(c.records.buf, "CROSSWALK soc=2134 onet_code=15-1252.00\n"
				 "CROSSWALK soc=2134 onet_code=15-1251.00\n"
				 "CROSSWALK soc=5314 onet_code=47-2152.00\n");
	CHECK_STR(c.rejections.buf,
		  "5: SOC2020: \"213\" is not a SOC 2020 unit group (expected something like "
		  "2136)\n"
		  "6: ONET_SOC: \"15-125\" is not an O*NET-SOC code (expected something like "
		  "15-1252.00)\n"
		  "7: ONET_SOC: is empty, but every row needs an O*NET-SOC code\n"
		  "8: SOC2020: is empty, but every row needs a SOC 2020 unit group\n"
		  "9: ONET_SOC: \"15-1252.0\" is not an O*NET-SOC code (expected something like "
		  "15-1252.00)\n"
		  "10: SOC2020: \"21345\" is not a SOC 2020 unit group (expected something like "
		  "2136)\n"
		  "10: ONET_SOC: \"nurse\" is not an O*NET-SOC code (expected something like "
		  "15-1252.00)\n");
	capture_done(&c);
	/* Header aliases, and extra columns for people that are not read. */
	capture_expect(&c, "onet/crosswalk_aliases.csv", "soc-onet-crosswalk-csv", 2, 2, 0);
	CHECK_STR(c.records.buf, "CROSSWALK soc=2231 onet_code=29-1141.00\n"
				 "CROSSWALK soc=2231 onet_code=29-1171.00\n");
	capture_done(&c);
}

/* Other O*NET exports share the columns; they are neither read nor "nearly" ours. */
TEST(other_onet_exports_are_not_ours)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("onet/skills_excel.csv")), STATUS_FORMAT);
	CHECK(c.format == NULL);
	CHECK(!c.near);
	CHECK_CONTAINS(c.why, "not a format this program reads");
	capture_done(&c);
}

/* Every O*NET file, real or fixture, is detected as its own format and no other. */
/* The three published crosswalks that link SOC 2020 to O*NET through ISCO-08. */
TEST(onet_soc2018_crosswalk_excel_layout)
{
	struct capture c;

	/* Three title lines above the header, as in O*NET's workbook. */
	capture_expect(&c, "onet/soc2018_crosswalk_excel.csv", "onet-soc2018-crosswalk", 6, 3, 2);
	CHECK_STR(c.records.buf,
		  "ONET_USSOC onet_code=15-1252.00 us_soc=15-1252\n"
		  "ONET_USSOC onet_code=15-1299.05 us_soc=15-1299\n"
		  "ONET_USSOC onet_code=15-1299.08 us_soc=15-1299\n");
	CHECK_STR(c.rejections.buf,
		  "9: 2018 SOC Code: \"47-215\" is not a 2018 SOC code such as 15-1252\n"
		  "10: O*NET-SOC 2019 Code: \"15-125\" is not an O*NET-SOC code (expected something "
		  "like 15-1252.00)\n");
	capture_done(&c);
}

TEST(bls_isco08_soc2018)
{
	struct capture c;

	capture_expect(&c, "onet/bls_isco08_soc2018.csv", "bls-isco08-soc2018", 4, 4, 0);
	CHECK_STR(c.records.buf,
		  "ISCO_USSOC isco=2512 us_soc=15-1252 part=1\n"
		  "ISCO_USSOC isco=2512 us_soc=15-1299 part=1\n"
		  "ISCO_USSOC isco=7126 us_soc=47-2152 part=0\n"
		  "ISCO_USSOC isco=0310 us_soc=55-3016 part=0\n");
	capture_done(&c);
}

TEST(ons_soc2020_isco08)
{
	struct capture c;

	capture_expect(&c, "onet/ons_soc2020_isco08.csv", "ons-soc2020-isco08", 5, 3, 1);
	CHECK_STR(c.records.buf,
		  "SOC_ISCO soc=2134 isco=2512\n"
		  "SOC_ISCO soc=2134 isco=2514\n"
		  "SOC_ISCO soc=5315 isco=7126\n");
	CHECK_STR(c.rejections.buf,
		  "7: SOC 2020 Unit Group: \"0315\" is not a SOC 2020 unit group (4 digits, not 0 "
		  "first)\n");
	capture_done(&c);
}

TEST(detection_does_not_collide)
{
	static const struct {
		int real;
		const char *file, *format;
	} files[] = {
		{ 1, "onet/Interests_excel-export.csv", "onet-interests-csv" },
		{ 1, "onet/Job_Zones_excel-export.csv", "onet-job-zones-csv" },
		{ 1, "onet/Occupation Data.txt", "onet-occupations-csv" },
		{ 0, "onet/interests_excel.csv", "onet-interests-csv" },
		{ 0, "onet/Interests.txt", "onet-interests-csv" },
		{ 0, "onet/interests_names.csv", "onet-interests-csv" },
		{ 0, "onet/job_zones_excel.csv", "onet-job-zones-csv" },
		{ 0, "onet/Job Zones.txt", "onet-job-zones-csv" },
		{ 0, "onet/Occupation Data.txt", "onet-occupations-csv" },
		{ 0, "onet/occupation_data.csv", "onet-occupations-csv" },
		{ 0, "onet/crosswalk.csv", "soc-onet-crosswalk-csv" },
		{ 0, "onet/crosswalk_aliases.csv", "soc-onet-crosswalk-csv" },
		{ 0, "ons/descriptions.csv", "ons-soc2020-csv" },
		{ 0, "onet/soc2018_crosswalk_excel.csv", "onet-soc2018-crosswalk" },
		{ 0, "onet/bls_isco08_soc2018.csv", "bls-isco08-soc2018" },
		{ 0, "onet/ons_soc2020_isco08.csv", "ons-soc2020-isco08" },
		{ 1, "ons-soc2020/soc2020_volume1_descriptions_16102024.csv", "ons-soc2020-csv" },
	};
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		const char *path = files[i].real ? check_refdata(files[i].file)
						 : check_fixture(files[i].file);
		struct capture c;

		if (!path)
			continue;
		capture_init(&c);
		capture_file(&c, path);
		if (!c.format || strcmp(c.format, files[i].format) != 0)
			fprintf(stderr, "%s: detected as %s\n", files[i].file,
				c.format ? c.format : c.why);
		CHECK_STR(c.format, files[i].format);
		capture_done(&c);
	}
}

TEST(real_files)
{
	static const struct {
		const char *file, *format;
		unsigned long rows;
	} files[] = {
		{ "onet/Interests_excel-export.csv", "onet-interests-csv", 7866 },
		{ "onet/Occupation Data.txt", "onet-occupations-csv", 1110 },
		{ "onet/Job_Zones_excel-export.csv", "onet-job-zones-csv", 923 },
	};
	size_t i;

	if (!check_refdata(files[0].file))
		SKIP("../shared/refdata is not here");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct capture c;

		capture_init(&c);
		CHECK_INT(capture_file(&c, check_refdata(files[i].file)), STATUS_OK);
		CHECK_STR(c.format, files[i].format);
		CHECK_INT(c.result.read, files[i].rows);
		CHECK_INT(c.result.loaded, files[i].rows);
		CHECK_INT(c.result.rejected, 0);
		CHECK_INT(c.record_count, files[i].rows);
		if (i == 0) {
			/* 874 occupations, six RIASEC levels and three high-points each. */
			CHECK_INT(capture_count(&c, " scale=OI element=R "), 874);
			CHECK_INT(capture_count(&c, " scale=IH element=3 "), 874);
			CHECK_CONTAINS(c.records.buf, "ONET_INTEREST code=11-1011.00 scale=OI "
						      "element=R value=1.33\n");
			CHECK_CONTAINS(c.records.buf, "ONET_INTEREST code=11-1011.00 scale=IH "
						      "element=1 value=5\n");
		} else if (i == 1) {
			CHECK_CONTAINS(c.records.buf, "ONET_OCCUPATION code=11-1011.00 title=Chief "
						      "Executives description=Determine and "
						      "formulate policies");
		} else {
			CHECK_CONTAINS(c.records.buf, "ONET_OCCUPATION code=11-1011.00 title=Chief "
						      "Executives job_zone=5\n");
		}
		capture_done(&c);
	}
}

TESTS(interests_excel_export, interests_official_text_file, interests_by_element_name,
      occupation_data_tab_and_comma, occupation_data_without_title_is_refused, job_zones,
      crosswalk, onet_soc2018_crosswalk_excel_layout, bls_isco08_soc2018, ons_soc2020_isco08,
      other_onet_exports_are_not_ours, detection_does_not_collide, real_files)
