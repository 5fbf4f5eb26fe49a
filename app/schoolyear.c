/*
 * schoolyear.c - civil dates and the English school-year rules.
 *
 * Dates are counted as days since 1970-01-01 in the proleptic Gregorian
 * calendar (the usual era-based conversion: a 400-year era has 146097
 * days; counting years from March puts the leap day last).
 */
#include "schoolyear.h"

#include <ctype.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int month_days(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return days[m - 1] + (m == 2 && leap(y));
}

long date_days(struct civil_date d)
{
	long y = d.year - (d.month <= 2);
	long era = (y >= 0 ? y : y - 399) / 400;
	long year_of_era = y - era * 400;
	long day_of_year = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
	long day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;

	return era * 146097 + day_of_era - 719468;
}

struct civil_date date_from_days(long days)
{
	long z = days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long day_of_era = z - era * 146097;
	long year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36524 -
			    day_of_era / 146096) / 365;
	long day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
	long mp = (5 * day_of_year + 2) / 153;
	struct civil_date d;

	d.day = (int)(day_of_year - (153 * mp + 2) / 5 + 1);
	d.month = (int)(mp < 10 ? mp + 3 : mp - 9);
	d.year = (int)(year_of_era + era * 400 + (d.month <= 2));
	return d;
}

int date_parse(const char *iso, struct civil_date *out)
{
	int y, m, d, n = 0;

	if (!iso || sscanf(iso, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10)
		return 0;
	if (iso[10] != '\0' && iso[10] != 'T' && iso[10] != ' ')
		return 0;
	if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return 0;
	out->year = y;
	out->month = m;
	out->day = d;
	return 1;
}

int date_read(const char *text, struct civil_date *out, char *why, size_t whylen)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
	};
	int y, m, d, n = 0;

	if (!text || strlen(text) != 10 || sscanf(text, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 ||
	    n != 10 || text[4] != '-' || text[7] != '-' || !isdigit((unsigned char)text[0]) ||
	    !isdigit((unsigned char)text[5]) || !isdigit((unsigned char)text[8])) {
		snprintf(why, whylen, "give a date as YYYY-MM-DD");
		return 0;
	}
	if (m < 1 || m > 12) {
		snprintf(why, whylen, "there is no month %d", m);
		return 0;
	}
	if (y < 1800 || y > 2200) {
		snprintf(why, whylen, "careers works with dates from 1800 to 2200");
		return 0;
	}
	if (d < 1 || d > month_days(y, m)) {
		snprintf(why, whylen, "%s %d has %d days", months[m - 1], y, month_days(y, m));
		return 0;
	}
	return date_parse(text, out);
}

void date_iso(struct civil_date d, char out[11])
{
	snprintf(out, 11, "%04u-%02u-%02u", (unsigned)d.year % 10000u, (unsigned)d.month % 100u,
		 (unsigned)d.day % 100u);
}

static const char *const month_names[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

void date_short(struct civil_date d, char out[16])
{
	snprintf(out, 16, "%d %s %d", d.day % 100, month_names[(d.month + 11) % 12],
		 d.year % 10000);
}

void date_month_year(struct civil_date d, char out[16])
{
	snprintf(out, 16, "%s %d", month_names[(d.month + 11) % 12], d.year % 10000);
}

int date_weekday(struct civil_date d)
{
	long days = date_days(d);

	/* 1970-01-01 was a Thursday (3). */
	return (int)(((days % 7) + 7 + 3) % 7);
}

const char *date_weekday_name(struct civil_date d)
{
	static const char *const names[] = {
		"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
	};

	return names[date_weekday(d)];
}

int date_compare(struct civil_date a, struct civil_date b)
{
	long x = date_days(a), y = date_days(b);

	return x < y ? -1 : x > y;
}

struct civil_date date_add_days(struct civil_date d, long days)
{
	return date_from_days(date_days(d) + days);
}

struct civil_date date_add_years(struct civil_date d, int years)
{
	d.year += years;
	if (d.month == 2 && d.day == 29 && !leap(d.year))
		d.day = 28;
	return d;
}

struct civil_date date_last_friday_of_june(int year)
{
	struct civil_date d = { year, 6, 30 };

	return date_add_days(d, -(long)((date_weekday(d) - 4 + 7) % 7));
}

struct civil_date date_today(void)
{
	time_t now = time(NULL);
	struct tm tm;
	struct civil_date d;

	localtime_r(&now, &tm);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	return d;
}

static struct civil_date ymd(int y, int m, int d)
{
	struct civil_date c = { y, m, d };

	return c;
}

enum status schoolyear_stage(int school_year, int age, struct civil_date today,
			     struct learner_stage *st)
{
	int year11;	/* calendar year in which the learner's Year 11 began */

	memset(st, 0, sizeof(*st));
	st->today = today;
	st->academic_year = today.month >= 9 ? today.year : today.year - 1;
	if (school_year >= 7 && school_year <= 13) {
		st->school_year = school_year;
		/* Year N this year: N + 4 on the 31 August before it began. */
		st->born_from = ymd(st->academic_year - school_year - 5, 9, 1);
		st->born_to = ymd(st->academic_year - school_year - 4, 8, 31);
	} else if (school_year == 0 && age >= 16 && age <= 25) {
		st->age_given = age;
		/* Exactly `age` today: born in the year up to today, age years back. */
		st->born_to = date_add_years(today, -age);
		st->born_from = date_add_days(date_add_years(today, -age - 1), 1);
	} else {
		return STATUS_INVALID;
	}
	/*
	 * Year 11 is the school year in which they turn 16. For a left-school age
	 * the birth window may straddle 1 September; take the oldest birthday,
	 * which gives the earliest leaving date.
	 */
	year11 = st->born_from.year + (st->born_from.month >= 9 ? 16 : 15);
	st->leave_school = date_last_friday_of_june(year11 + 1);
	st->post16_start = ymd(year11 + 1, 9, 1);
	st->turn18_from = date_add_years(st->born_from, 18);
	st->turn18_to = date_add_years(st->born_to, 18);
	st->turn19_from = date_add_years(st->born_from, 19);
	st->turn19_to = date_add_years(st->born_to, 19);
	st->he_start = ymd(year11 + 3, 9, 1);
	return STATUS_OK;
}

void schoolyear_age_on(const struct learner_stage *st, struct civil_date on, int *youngest,
		       int *oldest)
{
	/* Age on `on` of someone born on b. */
	struct civil_date b;
	int age;

	b = st->born_to;
	age = on.year - b.year - (on.month < b.month || (on.month == b.month && on.day < b.day));
	*youngest = age;
	b = st->born_from;
	age = on.year - b.year - (on.month < b.month || (on.month == b.month && on.day < b.day));
	*oldest = age;
}

int schoolyear_may_leave_by(const struct learner_stage *st, struct civil_date on)
{
	return date_compare(on, st->leave_school) >= 0;
}

void schoolyear_describe(const struct learner_stage *st, char *out, size_t outlen)
{
	if (st->school_year)
		snprintf(out, outlen, "Year %d", st->school_year);
	else
		snprintf(out, outlen, "left school, aged %d", st->age_given);
}

/* The calendar year in which the school year holding d began (it starts in September). */
static int academic_year_of(struct civil_date d)
{
	return d.year - (d.month < 9);
}

void schoolyear_move(int *school_year, int *age, struct civil_date from, struct civil_date to)
{
	int years = academic_year_of(to) - academic_year_of(from);

	if (*school_year >= 7 && *school_year <= 13) {
		int n = *school_year + years;

		if (n <= 13) {
			*school_year = n < 7 ? 7 : n;
			*age = 0;
			return;
		}
		/* On 1 September after Year 13 a learner is 18. */
		*school_year = 0;
		*age = n + 4;
	} else if (*school_year == 0 && *age) {
		*age += years;
	} else {
		return;		/* not given: nothing to move */
	}
	if (*age < 16)
		*age = 16;
	if (*age > 25)
		*age = 25;
}
