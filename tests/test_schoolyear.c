/* test_schoolyear.c - dates and the English school-year rules, at their boundaries. */
#include "check.h"
#include "schoolyear.h"

static struct civil_date day(int y, int m, int d)
{
	struct civil_date c = { y, m, d };

	return c;
}

static const char *iso(struct civil_date d)
{
	static char buf[4][11];
	static int next;
	char *b = buf[next++ % 4];

	date_iso(d, b);
	return b;
}

TEST(day_counting_round_trips)
{
	long k;

	CHECK_INT(date_days(day(1970, 1, 1)), 0);
	CHECK_INT(date_days(day(2000, 3, 1)), 11017);
	CHECK_INT(date_weekday(day(2026, 11, 30)), 0);	/* a Monday */
	CHECK_STR(date_weekday_name(day(2027, 6, 25)), "Friday");
	for (k = -800000; k < 800000; k += 997) {
		struct civil_date d = date_from_days(k);

		CHECK_INT(date_days(d), k);
	}
	CHECK_STR(iso(date_add_years(day(2024, 2, 29), 1)), "2025-02-28");
	CHECK_STR(iso(date_add_days(day(2026, 12, 31), 1)), "2027-01-01");
}

TEST(parse_and_print)
{
	struct civil_date d;
	char s[16];

	CHECK(date_parse("2027-09-07", &d));
	date_short(d, s);
	CHECK_STR(s, "7 Sep 2027");
	date_month_year(d, s);
	CHECK_STR(s, "Sep 2027");
	CHECK(date_parse("2027-09-07T08:00:00Z", &d));
	CHECK(!date_parse("2027-02-29", &d));
	CHECK(date_parse("2028-02-29", &d));
	CHECK(!date_parse("2027-13-01", &d));
	CHECK(!date_parse("7 Sep 2027", &d));
	CHECK(!date_parse("2027-9-7", &d));
	CHECK(!date_parse(NULL, &d));
}

TEST(last_friday_of_june)
{
	/* Published school leaving dates, and years where 30 June is itself a Friday. */
	CHECK_STR(iso(date_last_friday_of_june(2023)), "2023-06-30");
	CHECK_STR(iso(date_last_friday_of_june(2024)), "2024-06-28");
	CHECK_STR(iso(date_last_friday_of_june(2025)), "2025-06-27");
	CHECK_STR(iso(date_last_friday_of_june(2026)), "2026-06-26");
	CHECK_STR(iso(date_last_friday_of_june(2027)), "2027-06-25");
	CHECK_STR(iso(date_last_friday_of_june(2028)), "2028-06-30");
	CHECK_STR(iso(date_last_friday_of_june(2029)), "2029-06-29");
	for (int y = 2000; y < 2100; y++) {
		struct civil_date f = date_last_friday_of_june(y);

		CHECK_INT(date_weekday(f), 4);
		CHECK_INT(f.month, 6);
		CHECK(f.day > 23);
	}
}

TEST(year_11_this_year)
{
	struct learner_stage st;

	CHECK_INT(schoolyear_stage(11, 0, day(2026, 11, 30), &st), STATUS_OK);
	CHECK_INT(st.academic_year, 2026);
	CHECK_STR(iso(st.born_from), "2010-09-01");
	CHECK_STR(iso(st.born_to), "2011-08-31");
	CHECK_STR(iso(st.leave_school), "2027-06-25");
	CHECK_STR(iso(st.post16_start), "2027-09-01");
	CHECK_STR(iso(st.turn18_from), "2028-09-01");
	CHECK_STR(iso(st.turn18_to), "2029-08-31");
	CHECK_STR(iso(st.turn19_from), "2029-09-01");
	CHECK_STR(iso(st.he_start), "2029-09-01");
	CHECK(!schoolyear_may_leave_by(&st, day(2027, 6, 24)));
	CHECK(schoolyear_may_leave_by(&st, day(2027, 6, 25)));
}

TEST(school_year_changes_on_1_september)
{
	struct learner_stage st;

	/* The last day of a school year: Year 11 is the year that began in 2026. */
	schoolyear_stage(11, 0, day(2027, 8, 31), &st);
	CHECK_STR(iso(st.leave_school), "2027-06-25");
	CHECK(schoolyear_may_leave_by(&st, st.today));
	/* The next day a new Year 11 begins. */
	schoolyear_stage(11, 0, day(2027, 9, 1), &st);
	CHECK_STR(iso(st.leave_school), "2028-06-30");
	CHECK(!schoolyear_may_leave_by(&st, st.today));
	CHECK_STR(iso(st.born_from), "2011-09-01");
}

TEST(birthdays_on_31_august_and_1_september)
{
	struct learner_stage y10, y11;
	int young, old;

	schoolyear_stage(10, 0, day(2026, 11, 30), &y10);
	schoolyear_stage(11, 0, day(2026, 11, 30), &y11);
	/* Born 31 Aug 2011: the youngest in Year 11. Born 1 Sep 2011: the oldest in Year 10. */
	CHECK_STR(iso(y11.born_to), "2011-08-31");
	CHECK_STR(iso(y10.born_from), "2011-09-01");
	CHECK_STR(iso(y10.leave_school), "2028-06-30");
	/* On the last day of their Year 11 every one of them is 16 ... */
	schoolyear_age_on(&y11, day(2027, 8, 31), &young, &old);
	CHECK_INT(young, 16);
	CHECK_INT(old, 16);
	/* ... and on the first day of post-16 study the oldest turn 17. */
	schoolyear_age_on(&y11, y11.post16_start, &young, &old);
	CHECK_INT(young, 16);
	CHECK_INT(old, 17);
	/* At the start of Year 13 nobody is 18; by its end everybody is. */
	schoolyear_age_on(&y11, day(2028, 9, 1), &young, &old);
	CHECK_INT(young, 17);
	CHECK_INT(old, 18);
	schoolyear_age_on(&y11, day(2029, 8, 31), &young, &old);
	CHECK_INT(young, 18);
	CHECK_INT(old, 18);
}

TEST(every_year_7_to_13)
{
	int n;

	for (n = 7; n <= 13; n++) {
		struct learner_stage st;
		int young, old;

		CHECK_INT(schoolyear_stage(n, 0, day(2026, 11, 30), &st), STATUS_OK);
		/* Year N is N + 4 on the 31 August before the year began. */
		schoolyear_age_on(&st, day(2026, 8, 31), &young, &old);
		CHECK_INT(young, n + 4);
		CHECK_INT(old, n + 4);
		CHECK_INT(st.leave_school.year, 2027 + 11 - n);
		CHECK_INT(st.he_start.year, 2029 + 11 - n);
	}
}

TEST(left_school_by_age)
{
	struct learner_stage st;
	char words[40];

	CHECK_INT(schoolyear_stage(0, 17, day(2026, 11, 30), &st), STATUS_OK);
	CHECK_STR(iso(st.born_from), "2008-12-01");
	CHECK_STR(iso(st.born_to), "2009-11-30");
	CHECK_STR(iso(st.leave_school), "2025-06-27");
	CHECK(schoolyear_may_leave_by(&st, st.today));
	schoolyear_describe(&st, words, sizeof(words));
	CHECK_STR(words, "left school, aged 17");
	/* 16 on 15 October 2026: the oldest turned 16 in October 2025. */
	CHECK_INT(schoolyear_stage(0, 16, day(2026, 10, 15), &st), STATUS_OK);
	CHECK_STR(iso(st.leave_school), "2026-06-26");
	CHECK_INT(schoolyear_stage(0, 15, day(2026, 10, 15), &st), STATUS_INVALID);
	CHECK_INT(schoolyear_stage(0, 26, day(2026, 10, 15), &st), STATUS_INVALID);
	CHECK_INT(schoolyear_stage(6, 0, day(2026, 10, 15), &st), STATUS_INVALID);
	CHECK_INT(schoolyear_stage(14, 0, day(2026, 10, 15), &st), STATUS_INVALID);
}

/* What-if dates move the learner on a school year each 1 September. */
TEST(moving_to_another_date)
{
	struct civil_date now = { 2026, 11, 30 }, sep27 = { 2027, 9, 1 }, aug27 = { 2027, 8, 31 };
	struct civil_date sep29 = { 2029, 9, 1 }, sep20 = { 2020, 9, 1 };
	int year, age;

	year = 11, age = 0;
	schoolyear_move(&year, &age, now, aug27);
	CHECK_INT(year, 11);
	schoolyear_move(&year, &age, now, sep27);
	CHECK_INT(year, 12);
	year = 11, age = 0;
	schoolyear_move(&year, &age, now, sep29);
	CHECK_INT(year, 0);
	CHECK_INT(age, 18);
	year = 9, age = 0;
	schoolyear_move(&year, &age, now, sep20);
	CHECK_INT(year, 7);
	year = 0, age = 17;
	schoolyear_move(&year, &age, now, sep27);
	CHECK_INT(age, 18);
	year = 0, age = 0;
	schoolyear_move(&year, &age, now, sep29);
	CHECK_INT(year, 0);
	CHECK_INT(age, 0);
}

TESTS(moving_to_another_date, day_counting_round_trips, parse_and_print, last_friday_of_june, year_11_this_year,
      school_year_changes_on_1_september, birthdays_on_31_august_and_1_september,
      every_year_7_to_13, left_school_by_age)
