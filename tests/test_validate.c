/* test_validate.c - the named rules and the normalisers of validate.h. */
#include "check.h"
#include "encoding.h"
#include "validate.h"

static int matches(enum rule rule, const char *s)
{
	return validate_match(rule, s, strlen(s));
}

/* Each rule with values it must take and values it must refuse. */
TEST(rules_good_and_bad)
{
	static const struct {
		enum rule rule;
		const char *good[6];
		const char *bad[6];
	} cases[] = {
		{ RULE_POSTCODE, { "DN13BU", "W1A1AA", "EC1A1BB", "M11AE", "GIR0AA", "dn13bu" },
		  { "DN13B", "DN13BUU", "1DN3BU", "DN1 3BU X", "QQ", "" } },
		{ RULE_OUTCODE, { "DN1", "DN55", "W1A", "EC1A", "GIR", "m1" },
		  { "DN", "1DN", "DNXX", "DN1 3BU", "EC1AB", "" } },
		{ RULE_STANDARD_REF, { "ST0116", "ST0242_03", "ST0006-02", "ST0417/01", "ST0001_1.2",
				       "st0116" },
		  { "XX0001", "ST116", "ST01160", "ST0116_123", "ST0116 03", "" } },
		{ RULE_LARS_CODE, { "2", "115", "999999", NULL },
		  { "0", "02", "1234567", "2a", "", NULL } },
		{ RULE_LEARN_AIM, { "60302089", "ZWRKX001", "z0001234", NULL },
		  { "6030208", "603020891", "6030-089", "", NULL } },
		{ RULE_SOC2020, { "2136", "1111", "9269", NULL },
		  { "0136", "213", "21366", "21a6", "", NULL } },
		{ RULE_SOC_GROUP, { "2", "21", "213", "2136", NULL },
		  { "0", "21365", "02", "", NULL } },
		{ RULE_ONET_SOC, { "15-1252.00", "11-1011.03", NULL },
		  { "15-1252", "151252.00", "15-1252.0", "", NULL } },
		{ RULE_URN, { "106653", "999999", "100000", NULL },
		  { "06653", "1066531", "10665", "10665a", "", NULL } },
		{ RULE_UKPRN, { "10001919", "19999999", NULL },
		  { "20001919", "1000191", "100019190", "", NULL } },
		{ RULE_DATE_DMY, { "12-11-2014", "1/2/2015", "31.12.1999", NULL },
		  { "12-11-14", "2014-11-12", "12 11 2014", "", NULL } },
		{ RULE_DATE_ISO, { "2014-11-12", "2014-11-12T09:30:00Z", "2014-11-12 09:30:00",
				   "2014-11-12T09:30:00.123+01:00", NULL },
		  { "2014-1-12", "14-11-12", "2014/11/12", "2014-11-12X", "", NULL } },
		{ RULE_DATE_TEXT, { "12 Nov 2014", "1 November 2014", "01 sept 2024", NULL },
		  { "Nov 12 2014", "12 Nov", "12-Nov-2014", "", NULL } },
		{ RULE_MONEY, { "\xc2\xa3" "1,234.50", "GBP 12", "12", "\xc2\xa3" "0.5", "gbp12",
				"1,234,567" },
		  { "1,23", "12.345", "-5", "\xc2\xa3", "5p", "" } },
		{ RULE_LEVEL, { "3", "Level 3", "L3", "1.5", "E", "entry level" },
		  { "9", "Level 9", "level nine", "3.4", "L", "" } },
		{ RULE_INTEGER, { "24", "-3", "+5", "000", "123456789012345", NULL },
		  { "1.5", "1,000", "1234567890123456", "2 4", "", NULL } },
		{ RULE_AGE_SPAN, { "aged 16 to 18", "16-18 year olds", "16 \xe2\x80\x93 19",
				   "19to24", NULL },
		  { "GCSE grades 4-9", "2024-25", "12-16", "16-25", "", NULL } },
		{ RULE_AGE_PLUS, { "19+", "aged 19 or over", "Adults", "age 16 and above", NULL },
		  { "Level 3+", "19", "100+", "", NULL } },
		{ RULE_DECIMAL, { "53.52299", "-1.1", ".5", "5.", "1e3", "-0.000001" },
		  { "1,5", "abc", "1e", "NaN", "inf", "" } },
	};
	size_t i, k;

	CHECK_INT(sizeof(cases) / sizeof(cases[0]), RULE_COUNT);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		for (k = 0; k < 6 && cases[i].good[k]; k++)
			if (!matches(cases[i].rule, cases[i].good[k])) {
				fprintf(stderr, "rule %s refuses \"%s\"\n",
					validate_rule_name(cases[i].rule), cases[i].good[k]);
				check_failures++;
			}
		for (k = 0; k < 6 && cases[i].bad[k]; k++)
			if (matches(cases[i].rule, cases[i].bad[k])) {
				fprintf(stderr, "rule %s takes \"%s\"\n",
					validate_rule_name(cases[i].rule), cases[i].bad[k]);
				check_failures++;
			}
	}
}

/* Every rule has a name and an example its normaliser accepts. */
TEST(rule_names_and_examples)
{
	int rule;

	for (rule = 0; rule < RULE_COUNT; rule++) {
		const char *example = validate_rule_example((enum rule)rule);

		CHECK(validate_rule_name((enum rule)rule)[0] != '\0');
		CHECK(example[0] != '\0');
		if (rule != RULE_POSTCODE)	/* the pattern sees postcodes without spaces */
			CHECK(matches((enum rule)rule, example));
	}
	CHECK_STR(validate_rule_name(RULE_POSTCODE), "UK postcode");
	CHECK_STR(validate_rule_example(RULE_STANDARD_REF), "ST0116");
}

TEST(postcodes)
{
	static const struct {
		const char *in, *out;
	} good[] = {
		{ "dn13bu", "DN1 3BU" },
		{ " DN1  3BU ", "DN1 3BU" },
		{ "DN1 3BU", "DN1 3BU" },
		{ "GIR 0AA", "GIR 0AA" },
		{ "gir0aa", "GIR 0AA" },
		{ "w1a1aa", "W1A 1AA" },
		{ "EC1A 1BB", "EC1A 1BB" },
		{ "M1 1AE", "M1 1AE" },
		{ "S1\t2HH", "S1 2HH" },
	};
	static const char *const bad[] = {
		"DN1 3B", "DN1 3BUX", "DN 3BU", "3BU", "", "D N 1 3 B", "ZZ99 9ZZZ",
		"this is far too long to be any postcode",
	};
	char out[9], why[VALIDATE_WHY];
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(out, 0, sizeof(out));
		CHECK_INT(validate_postcode(good[i].in, out, why), STATUS_OK);
		CHECK_STR(out, good[i].out);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_INT(validate_postcode(bad[i], out, why), STATUS_INVALID);
	validate_postcode("DN1 3B", out, why);
	CHECK_STR(why, "\"DN1 3B\" is not a UK postcode (expected something like DN1 3BU)");
}

TEST(outcodes_and_place_codes)
{
	char out[9], why[VALIDATE_WHY];
	int full = -1;

	CHECK_INT(validate_outcode("dn1", out, why), STATUS_OK);
	CHECK_STR(out, "DN1");
	CHECK_INT(validate_outcode(" EC1A ", out, why), STATUS_OK);
	CHECK_STR(out, "EC1A");
	CHECK_INT(validate_outcode("GIR", out, why), STATUS_OK);
	CHECK_INT(validate_outcode("DN1 3BU", out, why), STATUS_INVALID);
	CHECK_INT(validate_outcode("DNXX", out, why), STATUS_INVALID);
	CHECK_STR(why, "\"DNXX\" is not a postcode district (expected something like DN1)");
	CHECK_INT(validate_outcode("", out, why), STATUS_INVALID);

	CHECK_INT(validate_place_code("dn1", out, &full, why), STATUS_OK);
	CHECK_STR(out, "DN1");
	CHECK_INT(full, 0);
	CHECK_INT(validate_place_code("dn1 3bu", out, &full, why), STATUS_OK);
	CHECK_STR(out, "DN1 3BU");
	CHECK_INT(full, 1);
	CHECK_INT(validate_place_code("s11", out, &full, why), STATUS_OK);
	CHECK_STR(out, "S11");
	CHECK_INT(full, 0);
	CHECK_INT(validate_place_code("Doncaster", out, &full, why), STATUS_INVALID);
	CHECK_STR(why, "\"Doncaster\" is not a postcode or postcode district (expected something "
		       "like DN1 3BU)");
	CHECK_INT(validate_place_code("", out, &full, why), STATUS_INVALID);
}

TEST(standard_refs)
{
	static const struct {
		const char *in, *ref, *version;
	} good[] = {
		{ "ST0242", "ST0242", "" },
		{ "ST0242_03", "ST0242", "3" },
		{ "ST0006-02", "ST0006", "2" },
		{ "ST0417/01", "ST0417", "1" },
		{ "ST0116_1.2", "ST0116", "1.2" },
		{ "ST0116_01.0", "ST0116", "1.0" },
		{ "ST0116_00", "ST0116", "0" },
		{ "ST0116-10", "ST0116", "10" },
		{ " ST0116 ", "ST0116", "" },
		{ "st0116", "ST0116", "" },
		{ "st0116_02", "ST0116", "2" },
	};
	char ref[7], version[8], why[VALIDATE_WHY];
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(ref, 'x', sizeof(ref));
		CHECK_INT(validate_standard_ref(good[i].in, ref, version, why), STATUS_OK);
		CHECK_STR(ref, good[i].ref);
		CHECK_STR(version, good[i].version);
	}
	CHECK_INT(validate_standard_ref("XX0001", ref, version, why), STATUS_INVALID);
	CHECK_STR(why, "\"XX0001\" is not a standard reference (expected something like ST0116)");
	CHECK_INT(validate_standard_ref("ST01", ref, version, why), STATUS_INVALID);
	CHECK_INT(validate_standard_ref("ST0116_100", ref, version, why), STATUS_INVALID);
	CHECK_INT(validate_standard_ref("", ref, version, why), STATUS_INVALID);
}

TEST(codes)
{
	char out[16], why[VALIDATE_WHY];

	CHECK_INT(validate_code(RULE_LEARN_AIM, " zwrkx001 ", out, sizeof(out), why), STATUS_OK);
	CHECK_STR(out, "ZWRKX001");
	CHECK_INT(validate_code(RULE_UKPRN, "10001919", out, sizeof(out), why), STATUS_OK);
	CHECK_STR(out, "10001919");
	CHECK_INT(validate_code(RULE_UKPRN, "1234", out, sizeof(out), why), STATUS_INVALID);
	CHECK_STR(why, "\"1234\" is not a UKPRN (expected something like 10001919)");
	CHECK_INT(validate_code(RULE_URN, "ABC123", out, sizeof(out), why), STATUS_INVALID);
	CHECK_STR(why, "\"ABC123\" is not a school URN (expected something like 106653)");
	CHECK_INT(validate_code(RULE_ONET_SOC, "15-1252.00", out, sizeof(out), why), STATUS_OK);
	CHECK_STR(out, "15-1252.00");
	CHECK_INT(validate_code(RULE_SOC2020, "2136", out, sizeof(out), why), STATUS_OK);
	/* A value that fits the rule but not the caller's buffer is refused, not cut. */
	CHECK_INT(validate_code(RULE_UKPRN, "10001919", out, 8, why), STATUS_INVALID);
	CHECK_INT(validate_code(RULE_UKPRN, "10001919", out, 9, why), STATUS_OK);
}

TEST(dates)
{
	static const struct {
		const char *in, *iso;
	} good[] = {
		{ "12-11-2014", "2014-11-12" },
		{ "12/11/2014", "2014-11-12" },
		{ "12.11.2014", "2014-11-12" },
		{ "1/2/2015", "2015-02-01" },
		{ "2014-11-12", "2014-11-12" },
		{ "2014-11-12T09:30:00Z", "2014-11-12" },
		{ "2014-11-12T09:30:00.000+01:00", "2014-11-12" },
		{ "2014-11-12 09:30:00", "2014-11-12" },
		{ "12 Nov 2014", "2014-11-12" },
		{ "1 November 2014", "2014-11-01" },
		{ "30 sept 2024", "2024-09-30" },
		{ " 29-02-2024 ", "2024-02-29" },
		{ "29-02-2000", "2000-02-29" },
		{ "31-12-1999", "1999-12-31" },
	};
	static const char *const unreal[] = {
		"31-02-2015", "29-02-2023", "29-02-1900", "31-04-2020", "00-01-2020", "12-13-2014",
		"2014-02-30", "2014-00-10", "32 Jan 2014", "01-01-1200",
	};
	static const char *const bad[] = {
		"", "yesterday", "12 Foo 2014", "12-11-14", "2014/11/12", "Nov 12 2014", "12 Anf 2014",
	};
	char iso[11], why[VALIDATE_WHY];
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		memset(iso, 0, sizeof(iso));
		if (validate_date(good[i].in, iso, why) != STATUS_OK) {
			fprintf(stderr, "date \"%s\" refused: %s\n", good[i].in, why);
			check_failures++;
		}
		CHECK_STR(iso, good[i].iso);
	}
	for (i = 0; i < sizeof(unreal) / sizeof(unreal[0]); i++) {
		char want[64];

		CHECK_INT(validate_date(unreal[i], iso, why), STATUS_INVALID);
		snprintf(want, sizeof(want), "\"%s\" is not a real date", unreal[i]);
		CHECK_STR(why, want);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_INT(validate_date(bad[i], iso, why), STATUS_INVALID);
		CHECK_CONTAINS(why, "is not a date (expected something like");
	}
	validate_date("yesterday", iso, why);
	CHECK_STR(why, "\"yesterday\" is not a date (expected something like 12-11-2014)");

	CHECK(validate_real_date(2024, 2, 29));
	CHECK(!validate_real_date(2023, 2, 29));
	CHECK(!validate_real_date(2100, 2, 29));
	CHECK(validate_real_date(2400 - 400, 2, 29));
	CHECK(!validate_real_date(2024, 4, 31));
	CHECK(!validate_real_date(2024, 0, 1));
	CHECK(!validate_real_date(2024, 13, 1));
	CHECK(!validate_real_date(2024, 1, 0));
}

TEST(money)
{
	static const struct {
		const char *in;
		long long pence;
	} good[] = {
		{ "\xc2\xa3" "1,234.5", 123450 },
		{ "\xc2\xa3" "1,234.50", 123450 },
		{ "GBP 12", 1200 },
		{ "gbp12", 1200 },
		{ "12", 1200 },
		{ "\xc2\xa3 0.99", 99 },
		{ "0.05", 5 },
		{ "1,234,567.89", 123456789 },
		{ "27000", 2700000 },
		{ " \xc2\xa3" "18000 ", 1800000 },
		{ "999999999999", 99999999999900LL },
	};
	static const char *const bad[] = {
		"1,23", "12.345", "-5", "\xc2\xa3", "5p", "", "lots", "1.2.3", ("\xe2\x82\xac" "5"),
		"1,2345", "12,34.00",
	};
	char why[VALIDATE_WHY];
	long long pence;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		pence = -1;
		if (validate_money(good[i].in, &pence, why) != STATUS_OK) {
			fprintf(stderr, "money \"%s\" refused: %s\n", good[i].in, why);
			check_failures++;
		}
		CHECK_INT(pence, good[i].pence);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_INT(validate_money(bad[i], &pence, why), STATUS_INVALID);
	validate_money("lots", &pence, why);
	CHECK_STR(why, "\"lots\" is not an amount of money (expected something like \xc2\xa3"
		       "1,234.50)");
	CHECK_INT(validate_money("1234567890123", &pence, why), STATUS_INVALID);
	CHECK_CONTAINS(why, "is not a believable amount of money");
	CHECK_INT(validate_money("12345678901234567890123456789012345", &pence, why),
		  STATUS_INVALID);
}

TEST(levels)
{
	static const struct {
		const char *in;
		double level;
	} good[] = {
		{ "3", 3 },
		{ "Level 3", 3 },
		{ "level 3", 3 },
		{ "L3", 3 },
		{ "l 4", 4 },
		{ "Lvl 6", 6 },
		{ "1.5", 1.5 },
		{ "Level 2.5", 2.5 },
		{ "0", 0 },
		{ "8", 8 },
		{ "E", 0 },
		{ "e", 0 },
		{ "Entry", 0 },
		{ "entry level", 0 },
		{ "Level E", 0 },
		{ "H", -1 },
		{ "M", -1 },
		{ "X", -1 },
		{ " 4 ", 4 },
	};
	static const char *const bad[] = {
		"9", "Level 9", "level nine", "3.4", "L", "", "Level", "three", "-1", "10",
	};
	char why[VALIDATE_WHY];
	double level;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		level = -99;
		if (validate_level(good[i].in, &level, why) != STATUS_OK) {
			fprintf(stderr, "level \"%s\" refused: %s\n", good[i].in, why);
			check_failures++;
		}
		CHECK_NEAR(level, good[i].level, 1e-9);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_INT(validate_level(bad[i], &level, why), STATUS_INVALID);
	validate_level("level nine", &level, why);
	CHECK_STR(why, "\"level nine\" is not a qualification level (expected something like 3)");
}

TEST(integers_and_decimals)
{
	char why[VALIDATE_WHY];
	long long n = 0;
	double d = 0;

	CHECK_INT(validate_integer("24", 0, 100, &n, why), STATUS_OK);
	CHECK_INT(n, 24);
	CHECK_INT(validate_integer(" -3 ", -10, 10, &n, why), STATUS_OK);
	CHECK_INT(n, -3);
	CHECK_INT(validate_integer("+5", 0, 10, &n, why), STATUS_OK);
	CHECK_INT(n, 5);
	CHECK_INT(validate_integer("0", 0, 0, &n, why), STATUS_OK);
	CHECK_INT(validate_integer("123456789012345", 0, 999999999999999LL, &n, why), STATUS_OK);
	CHECK_INT(n, 123456789012345LL);
	n = 77;
	CHECK_INT(validate_integer("240", 0, 120, &n, why), STATUS_INVALID);
	CHECK_STR(why, "240 is out of range (expected 0 to 120)");
	CHECK_INT(n, 77);
	CHECK_INT(validate_integer("-1", 0, 120, &n, why), STATUS_INVALID);
	CHECK_STR(why, "-1 is out of range (expected 0 to 120)");
	CHECK_INT(validate_integer("two", 0, 120, &n, why), STATUS_INVALID);
	CHECK_STR(why, "\"two\" is not a whole number (expected something like 24)");
	CHECK_INT(validate_integer("1.5", 0, 120, &n, why), STATUS_INVALID);
	CHECK_INT(validate_integer("1,000", 0, 9999, &n, why), STATUS_INVALID);
	CHECK_INT(validate_integer("", 0, 9999, &n, why), STATUS_INVALID);
	CHECK_INT(validate_integer("1234567890123456", 0, 1, &n, why), STATUS_INVALID);

	CHECK_INT(validate_decimal("53.52299", -90, 90, &d, why), STATUS_OK);
	CHECK_NEAR(d, 53.52299, 1e-12);
	CHECK_INT(validate_decimal("-1.1387", -180, 180, &d, why), STATUS_OK);
	CHECK_NEAR(d, -1.1387, 1e-12);
	CHECK_INT(validate_decimal(".5", 0, 1, &d, why), STATUS_OK);
	CHECK_NEAR(d, 0.5, 1e-12);
	CHECK_INT(validate_decimal("1e3", 0, 1000, &d, why), STATUS_OK);
	CHECK_NEAR(d, 1000, 1e-9);
	CHECK_INT(validate_decimal(" 7 ", 0, 10, &d, why), STATUS_OK);
	CHECK_NEAR(d, 7, 0);
	d = 42;
	CHECK_INT(validate_decimal("91.5", -90, 90, &d, why), STATUS_INVALID);
	CHECK_STR(why, "91.5 is out of range (expected -90 to 90)");
	CHECK_NEAR(d, 42, 0);
	CHECK_INT(validate_decimal("1e999", 0, 1e300, &d, why), STATUS_INVALID);
	CHECK_INT(validate_decimal("NaN", -1, 1, &d, why), STATUS_INVALID);
	CHECK_INT(validate_decimal("inf", -1, 1, &d, why), STATUS_INVALID);
	CHECK_INT(validate_decimal("1,5", 0, 10, &d, why), STATUS_INVALID);
	CHECK_STR(why, "\"1,5\" is not a number (expected something like 53.52299)");
	CHECK_INT(validate_decimal("", 0, 10, &d, why), STATUS_INVALID);
}

TEST(flags)
{
	static const struct {
		const char *in;
		int value;
	} good[] = {
		{ "Y", 1 }, { "y", 1 }, { "Yes", 1 }, { "TRUE", 1 }, { "true", 1 }, { "1", 1 },
		{ "N", 0 }, { "n", 0 }, { "No", 0 }, { "FALSE", 0 }, { "false", 0 }, { "0", 0 },
		{ " Y", 1 }, { "N ", 0 }, { " yes ", 1 },
	};
	static const char *const bad[] = { "maybe", "", "2", "yes!", "T", "ye s" };
	char why[VALIDATE_WHY];
	int v;
	size_t i;

	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++) {
		v = -1;
		if (validate_flag(good[i].in, &v, why) != STATUS_OK) {
			fprintf(stderr, "flag \"%s\" refused: %s\n", good[i].in, why);
			check_failures++;
		}
		CHECK_INT(v, good[i].value);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		CHECK_INT(validate_flag(bad[i], &v, why), STATUS_INVALID);
	validate_flag("maybe", &v, why);
	CHECK_STR(why, "\"maybe\" is not yes or no (expected Y or N)");
}

TEST(text)
{
	char why[VALIDATE_WHY];

	CHECK_INT(validate_text("Software developer", why), STATUS_OK);
	CHECK_INT(validate_text("", why), STATUS_OK);
	CHECK_INT(validate_text("two\tcolumns\nand lines\r\n", why), STATUS_OK);
	CHECK_INT(validate_text("Caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80", why), STATUS_OK);
	CHECK_INT(validate_text("Caf\xe9", why), STATUS_INVALID);
	CHECK_STR(why, "byte 4 is not valid UTF-8 text");
	CHECK_INT(validate_text("ab\xc0\x80", why), STATUS_INVALID);
	CHECK_STR(why, "byte 3 is not valid UTF-8 text");
	CHECK_INT(validate_text("bell\x07", why), STATUS_INVALID);
	CHECK_STR(why, "character 5 is a control character (0x07)");
	CHECK_INT(validate_text("\x1b[31mred", why), STATUS_INVALID);
	CHECK_STR(why, "character 1 is a control character (0x1B)");
}

TEST(blanks)
{
	static const char *const blank[] = {
		"", " ", " \t\r\n", "TBC", "tbc", " TBC ", "TBA", "N/A", "n/a", "NA", "NULL", "null",
		"-", " - ", "<blank>", "<BLANK>", "none", "None", "01-01-0001", "0001-01-01",
		"01/01/0001",
	};
	static const char *const value[] = {
		"0", "TBC later", "N/A/B", "--", "NAN", "nothing", "01-01-2001", "<blank", "x", ".",
	};
	size_t i;

	for (i = 0; i < sizeof(blank) / sizeof(blank[0]); i++)
		if (!validate_blank(blank[i])) {
			fprintf(stderr, "\"%s\" should be blank\n", blank[i]);
			check_failures++;
		}
	for (i = 0; i < sizeof(value) / sizeof(value[0]); i++)
		if (validate_blank(value[i])) {
			fprintf(stderr, "\"%s\" should not be blank\n", value[i]);
			check_failures++;
		}
}

static void check_ages(const char *text, long long want_min, long long want_max)
{
	long long lo = -1, hi = -1;

	validate_age_range(text, &lo, &hi);
	if (lo != want_min || hi != want_max) {
		fprintf(stderr, "ages in \"%s\": got %lld..%lld, expected %lld..%lld\n", text, lo, hi,
			want_min, want_max);
		check_failures++;
	}
}

TEST(age_ranges)
{
	check_ages("aged 16 to 18", 16, 18);
	check_ages("For 16-18 year olds", 16, 18);
	check_ages("16 - 19", 16, 19);
	check_ages("ages 14\xe2\x80\x93" "16", 14, 16);
	check_ages("18-16", 16, 18);
	check_ages("19+", 19, -1);
	check_ages("Adult learners (19+ only)", 19, -1);
	check_ages("aged 19 or over", 19, -1);
	check_ages("age 21 and above", 21, -1);
	check_ages("Adults", 19, -1);
	check_ages("an adult course", 19, -1);
	check_ages("16+ study programme", 16, -1);
	/* Not ages. */
	check_ages("GCSE grades 4-9", -1, -1);
	check_ages("2024-25", -1, -1);
	check_ages("Academic year 2023/24 starting 2024-09-01", -1, -1);
	check_ages("Level 3+ courses", -1, -1);
	check_ages("Year 10-11", -1, -1);
	check_ages("", -1, -1);
	check_ages("Software developer", -1, -1);
}

/* Messages quote at most 40 bytes of the value, cut between characters. */
TEST(long_values_in_messages)
{
	char why[VALIDATE_WHY], value[128];
	int v;

	memset(value, 'x', 100);
	value[100] = '\0';
	validate_postcode(value, (char[9]){ 0 }, why);
	CHECK_STR(why, "\"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...\" is not a UK postcode "
		       "(expected something like DN1 3BU)");

	/* 39 ASCII bytes then e-acute: the cut must not split the e-acute. */
	memset(value, 'y', 39);
	strcpy(value + 39, "\xc3\xa9\xc3\xa9\xc3\xa9");
	validate_level(value, &(double){ 0 }, why);
	CHECK_CONTAINS(why, "yyy...\" is not a qualification level");
	CHECK_INT(strlen(why), strlen("\"...\" is not a qualification level (expected something "
				      "like 3)") + 39);

	/* The same for yes/no values. */
	strcpy(value, "a");
	for (v = 0; v < 15; v++)
		strcat(value, "\xc3\xa9");
	validate_flag(value, &v, why);
	CHECK_INT(utf8_valid_prefix((const unsigned char *)why, strlen(why)), strlen(why));
	CHECK_CONTAINS(why, "is not yes or no");
}

TESTS(rules_good_and_bad, rule_names_and_examples, postcodes, outcodes_and_place_codes,
      standard_refs, codes, dates, money, levels, integers_and_decimals, flags, text, blanks,
      age_ranges, long_values_in_messages)
