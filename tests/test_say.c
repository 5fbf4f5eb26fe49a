/* test_say.c - one way to say money, levels, changes and dates. */
#include <math.h>

#include "check.h"
#include "say.h"

TEST(money_one_value)
{
	char out[80];

	say_week(355.6, out, sizeof(out));
	CHECK_STR(out, "\xC2\xA3" "356 a week");
	/* The year is 52 of the rounded weeks: the two figures never disagree. */
	say_week_and_year(311.9, out, sizeof(out));
	CHECK_STR(out, "\xC2\xA3" "312 a week (\xC2\xA3" "16,224 a year)");
	say_week(NAN, out, sizeof(out));
	CHECK_STR(out, "not known");
}

TEST(levels_in_words)
{
	char out[80];

	say_level(0, out, sizeof(out));
	CHECK_STR(out, "Entry level (a first step)");
	say_level(2, out, sizeof(out));
	CHECK_STR(out, "Level 2 (like GCSEs at 9 to 4)");
	say_level(3, out, sizeof(out));
	CHECK_STR(out, "Level 3 (like A levels)");
	say_level(NAN, out, sizeof(out));
	CHECK_STR(out, "not known");
}

TEST(changes_in_words)
{
	char out[120];

	say_change("pay", 420, 500, 2019, out, sizeof(out));
	CHECK_STR(out, "pay has gone up by about a fifth since 2019");
	say_change("pay", 500, 450, 2019, out, sizeof(out));
	CHECK_STR(out, "pay has gone down by about a tenth since 2019");
	say_change("jobs", 1000, 1020, 2022, out, sizeof(out));
	CHECK_STR(out, "jobs has stayed about the same since 2022");
	say_change("pay", 100, 205, 2010, out, sizeof(out));
	CHECK_STR(out, "pay has about doubled since 2010");
	say_change("pay", 0, 205, 2010, out, sizeof(out));
	CHECK_CONTAINS(out, "not known");
}

TEST(dates)
{
	char out[16];

	say_date("2027-09-07", out);
	CHECK_STR(out, "7 Sep 2027");
	say_date("soon", out);
	CHECK_STR(out, "soon");
}

TESTS(money_one_value, levels_in_words, changes_in_words, dates)
