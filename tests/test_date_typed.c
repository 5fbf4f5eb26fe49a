/* test_date_typed.c - dates and meeting times as people type them. */
#include "check.h"
#include "date_typed.h"

/* Monday 30 Nov 2026, as in the UI tests. */
static const struct civil_date today = { 2026, 11, 30 };

static void reads(const char *text, const char *want)
{
	struct civil_date d;
	char why[200], iso[11];

	if (!date_typed(text, today, &d, why, sizeof(why))) {
		fprintf(stderr, "%s: \"%s\" refused: %s\n", check_current, text, why);
		check_failures++;
		return;
	}
	date_iso(d, iso);
	if (strcmp(iso, want) != 0) {
		fprintf(stderr, "%s: \"%s\" read as %s, expected %s\n", check_current, text, iso, want);
		check_failures++;
	}
}

static void refused(const char *text, const char *why_part)
{
	struct civil_date d;
	char why[200];

	CHECK(!date_typed(text, today, &d, why, sizeof(why)));
	CHECK_CONTAINS(why, why_part);
}

TEST(the_ways_people_type_dates)
{
	reads("7/9/27", "2027-09-07");
	reads("07/09/2027", "2027-09-07");
	reads("7-9-2027", "2027-09-07");
	reads("7.9.27", "2027-09-07");
	reads("2027-09-07", "2027-09-07");
	reads("7 Sep 2027", "2027-09-07");
	reads("7th September 2027", "2027-09-07");
	reads("  7 SEPT 27 ", "2027-09-07");
	reads("Sep 7, 2027", "2027-09-07");
	reads("Tuesday 7 Sep 2027", "2027-09-07");
	/* No year: the next one. */
	reads("7 Sep", "2027-09-07");
	reads("1 Dec", "2026-12-01");
	reads("30 Nov", "2026-11-30");
	reads("29 Nov", "2027-11-29");
	reads("7/9", "2027-09-07");
	reads("today", "2026-11-30");
	reads("Tomorrow", "2026-12-01");
	reads("next Monday", "2026-12-07");
	reads("monday", "2026-12-07");
	reads("fri", "2026-12-04");
	reads("next Friday", "2026-12-04");
	reads("in 2 weeks", "2026-12-14");
	reads("in 3 days", "2026-12-03");
	reads("29/2/28", "2028-02-29");
}

TEST(mistakes_say_what_is_wrong)
{
	refused("31/2/27", "February 2027 has 28 days");
	refused("29 Feb 2027", "February 2027 has 28 days");
	refused("7/13/27", "there is no month 13");
	refused("7 Smarch 2027", "\"smarch\" is not a month");
	refused("", "type a date like 7/9/27");
	refused("soon", "type a date like 7/9/27");
	refused("7/9/1750", "from 1800 to 2200");
	refused("in 9999 weeks", "more than ten years");
	refused("1 2 3 4 5 6 7 8 9", "type a date like");
}

TEST(meetings_with_a_time)
{
	char out[17], why[200];

	CHECK(date_typed_meeting("12/1/27 10:30", today, out, why, sizeof(why)));
	CHECK_STR(out, "2027-01-12 10:30");
	CHECK(date_typed_meeting("next Tuesday at 2pm", today, out, why, sizeof(why)));
	CHECK_STR(out, "2026-12-01 14:00");
	CHECK(date_typed_meeting("7 Sep 2.30pm", today, out, why, sizeof(why)));
	CHECK_STR(out, "2027-09-07 14:30");
	CHECK(date_typed_meeting("7 Sep 12am", today, out, why, sizeof(why)));
	CHECK_STR(out, "2027-09-07 00:00");
	CHECK(date_typed_meeting("12/1/27", today, out, why, sizeof(why)));
	CHECK_STR(out, "2027-01-12");
	CHECK(!date_typed_meeting("12/1/27 25:00", today, out, why, sizeof(why)));
	CHECK(!date_typed_meeting("31/2/27 10:00", today, out, why, sizeof(why)));
	CHECK_CONTAINS(why, "28 days");
}

TESTS(the_ways_people_type_dates, mistakes_say_what_is_wrong, meetings_with_a_time)
