/* test_import_lmi.c - the LMI for All importers: soc, ashe and Working Futures. */
#include "harness.h"

TEST(soc_code_single_object)
{
	struct capture c;

	capture_expect(&c, "lmi/soc_code.json", "lmi-soc-json", 1, 1, 0);
	CHECK_STR(c.records.buf,
		  "SOC2010_OCCUPATION soc=5314 title=Plumbers and heating and ventilating engineers "
		  "description=Plumbers install and repair water, heating and drainage systems. "
		  "entry_routes=Most entrants take a Level 3 apprenticeship. "
		  "tasks=reads drawings to plan the layout of pipes|cuts and joins pipes|tests for "
		  "leaks and fixes them, etc. job_titles=Plumber|Engineer, heating|Installer, "
		  "bathroom\n");
	capture_done(&c);
}

TEST(soc_search_good_and_bad)
{
	struct capture c;

	capture_expect(&c, "lmi/soc_search.json", "lmi-soc-json", 7, 2, 5);
	/* Tasks split at ";" as well as line breaks. */
	CHECK_CONTAINS(c.records.buf, "OCCUPATION soc=2136 title=Programmers and software "
				      "development professionals description=Programmers write "
				      "software. entry_routes=Usually a degree. tasks=designs "
				      "programs|writes code|tests it job_titles=Developer, software\n");
	/* Empty strings, null and [] are "not given". */
	CHECK_CONTAINS(c.records.buf, "OCCUPATION soc=9999 title=Occupation without details\n");
	CHECK_CONTAINS(c.rejections.buf, "4: $[2]: soc: \"41\" is not a SOC unit group (expected "
					 "4 digits, like 4135)\n");
	CHECK_CONTAINS(c.rejections.buf, "5: $[3]: soc: \"21x6\" is not a SOC unit group "
					 "(expected 4 digits, like 4135)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: $[4]: soc: is empty, but every occupation has a SOC "
					 "code\n");
	CHECK_CONTAINS(c.rejections.buf, "7: $[5]: title: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "8: $[6]: add_titles: character 9 is a control character "
					 "(0x01)\n");
	CHECK_INT(c.rejection_count, 5);
	capture_done(&c);
}

TEST(ashe_pay_and_hours)
{
	struct capture c;

	capture_expect(&c, "lmi/ashe_pay.json", "lmi-ashe-json", 2, 2, 0);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=5314 measure=weekly_pay year=2013 value=540.5\n"
				 "SOC2010_FIGURE soc=5314 measure=weekly_pay year=2015 value=560\n");
	capture_done(&c);
	/* A 2-digit (coarse) code is kept as it is. */
	capture_expect(&c, "lmi/ashe_hours.json", "lmi-ashe-json", 1, 1, 0);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=53 measure=weekly_hours year=2015 value=41.2\n");
	capture_done(&c);
}

TEST(ashe_bad_rows)
{
	struct capture c;

	capture_expect(&c, "lmi/ashe_bad.json", "lmi-ashe-json", 8, 1, 7);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=5314 measure=weekly_pay year=2014 value=520\n");
	CHECK_STR(c.rejections.buf,
		  "3: $.series[1]: year: \"soon\" is not a whole number (expected something like "
		  "24)\n"
		  "4: $.series[2]: estpay: -5 is out of range (expected 0 to 50000)\n"
		  "5: $.series[3]: (row): has neither estpay nor hours\n"
		  "6: $.series[4]: year: is empty, but every figure needs a year\n"
		  "7: $.series[5]: estpay: \"lots\" is not a number (expected something like "
		  "53.52299)\n"
		  "8: $.series[6]: hours: 200 is out of range (expected 0 to 168)\n"
		  "9: $.series[7]: year: 1850 is out of range (expected 1990 to 2100)\n");
	capture_done(&c);
	/* A bad code at the root rejects every entry of the series. */
	capture_expect(&c, "lmi/ashe_bad_soc.json", "lmi-ashe-json", 2, 0, 2);
	CHECK_STR(c.rejections.buf,
		  "1: $.series[0]: soc: \"12345\" is not a SOC code (expected something like 21)\n"
		  "1: $.series[1]: soc: \"12345\" is not a SOC code (expected something like 21)\n");
	capture_done(&c);
}

TEST(predict_one_figure_per_year)
{
	struct capture c;

	capture_expect(&c, "lmi/predict.json", "lmi-predict-json", 1, 1, 0);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=5314 measure=employment year=2014 value=140112\n"
				 "SOC2010_FIGURE soc=5314 measure=employment year=2015 value=141250\n"
				 "SOC2010_FIGURE soc=5314 measure=employment year=2016 value=142000\n");
	capture_done(&c);
}

TEST(predict_bad)
{
	struct capture c;

	capture_expect(&c, "lmi/predict_bad.json", "lmi-predict-json", 6, 1, 5);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=2136 measure=employment year=2020 value=1000\n"
				 "SOC2010_FIGURE soc=2136 measure=employment year=2021 value=1100\n");
	/* One bad year rejects the whole prediction: no series with holes. */
	CHECK_NOT_CONTAINS(c.records.buf, "soc=2137");
	CHECK_STR(c.rejections.buf,
		  "3: $[1]: predictedEmployment: [1].year: \"next\" is not a whole number "
		  "(expected something like 24)\n"
		  "3: $[1]: predictedEmployment: [1].employment: \"lots\" is not a number "
		  "(expected something like 53.52299)\n"
		  "3: $[1]: predictedEmployment: [2]: has no year\n"
		  "3: $[1]: predictedEmployment: [3]: has no employment total\n"
		  "4: $[2]: predictedEmployment: is an empty list, but a prediction needs its "
		  "years\n"
		  "5: $[3]: soc: is empty, but every figure needs a SOC code\n"
		  "6: $[4]: predictedEmployment: is not a list of years\n"
		  "7: $[5]: predictedEmployment: [0].employment: -3 is out of range (expected 0 to "
		  "1e+09)\n");
	capture_done(&c);
}

TEST(replacement_demand)
{
	struct capture c;

	capture_expect(&c, "lmi/replacement.json", "lmi-predict-json", 1, 1, 0);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=5314 measure=replacement_rate year=2024 "
				 "value=0.41\n");
	capture_done(&c);
}

TEST(replacement_demand_bad)
{
	struct capture c;

	capture_expect(&c, "lmi/replacement_bad.json", "lmi-predict-json", 8, 1, 7);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=5314 measure=replacement_rate year=2024 "
				 "value=0.41\n");
	CHECK_STR(c.rejections.buf,
		  "3: $[1]: start_year: 2024 is after end_year 2014\n"
		  "4: $[2]: rate: \"high\" is not a number (expected something like 53.52299)\n"
		  "5: $[3]: end_year: \"2x\" is not a whole number (expected something like 24)\n"
		  "6: $[4]: end_year: is empty, but a replacement demand needs its end year\n"
		  "7: $[5]: rate: is empty, but a replacement demand needs its rate\n"
		  "8: $[6]: (row): has neither predictedEmployment nor end_year and rate\n"
		  "9: $[7]: rate: 250 is out of range (expected 0 to 100)\n");
	capture_done(&c);
}

/* The API's error answer is not data: not detected, not "near", and says why. */
TEST(error_response_is_refused)
{
	const char *real = check_refdata("lmi-for-all/soc_search_q_EMPTY.json");
	const char *paths[2];
	size_t i;

	paths[0] = check_fixture("lmi/error.json");
	paths[1] = real;
	for (i = 0; i < 2 && paths[i]; i++) {
		struct capture c;

		capture_init(&c);
		CHECK_INT(capture_file(&c, paths[i]), STATUS_FORMAT);
		CHECK(!c.near);
		CHECK(c.format == NULL);
		CHECK_STR(c.why, "this is an error message from the service, not data: \"Please "
				 "give a string to search for.\"");
		capture_done(&c);
	}
}

TEST(real_files)
{
	static const struct {
		const char *file, *format;
		unsigned long rows, records;
	} files[] = {
		{ "lmi-for-all/soc_code_4135.json", "lmi-soc-json", 1, 1 },
		{ "lmi-for-all/soc_search_q_library.json", "lmi-soc-json", 8, 8 },
		{ "lmi-for-all/soc_search_q_plumber.json", "lmi-soc-json", 3, 3 },
		{ "lmi-for-all/soc_search_q_driving.json", "lmi-soc-json", 10, 10 },
		{ "lmi-for-all/ashe_estimatePay_coarse_true_soc_4135.json", "lmi-ashe-json", 2, 2 },
		{ "lmi-for-all/ashe_estimateHours_coarse_true_soc_4135.json", "lmi-ashe-json", 1, 1 },
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
		CHECK_INT(c.record_count, files[i].records);
		capture_done(&c);
	}
}

TEST(real_file_contents)
{
	const char *code = check_refdata("lmi-for-all/soc_code_4135.json");
	struct capture c;

	if (!code)
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, code), STATUS_OK);
	CHECK_CONTAINS(c.records.buf,
		       "OCCUPATION soc=4135 title=Library clerks and assistants description=Library "
		       "clerks and assistants classify, sort and file publications");
	CHECK_CONTAINS(c.records.buf, " entry_routes=There are no minimum academic requirements");
	CHECK_CONTAINS(c.records.buf, " tasks=sorts, catalogues and maintains library "
				      "records|locates and retrieves material on request for "
				      "borrowers|issues library material");
	CHECK_CONTAINS(c.records.buf, "|performs simple repairs on old books job_titles=Assistant "
				      "(library)|Assistant, library|");
	CHECK_CONTAINS(c.records.buf, "|Clipper, press (press cutting agency)\n");
	capture_done(&c);

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("lmi-for-all/"
						 "ashe_estimatePay_coarse_true_soc_4135.json")),
		  STATUS_OK);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=41 measure=weekly_pay year=2013 value=710\n"
				 "SOC2010_FIGURE soc=41 measure=weekly_pay year=2015 value=490\n");
	capture_done(&c);

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("lmi-for-all/"
						 "ashe_estimateHours_coarse_true_soc_4135.json")),
		  STATUS_OK);
	CHECK_STR(c.records.buf, "SOC2010_FIGURE soc=41 measure=weekly_hours year=2015 value=39\n");
	capture_done(&c);
}

TESTS(soc_code_single_object, soc_search_good_and_bad, ashe_pay_and_hours, ashe_bad_rows,
      predict_one_figure_per_year, predict_bad, replacement_demand, replacement_demand_bad,
      error_response_is_refused, real_files, real_file_contents)
