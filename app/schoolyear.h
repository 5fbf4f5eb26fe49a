/*
 * schoolyear.h - dates, and what a school year means in England.
 *
 * A learner is described by their school year (Year 7-13) or, once they
 * have left school, their age - never a date of birth. From that and
 * today's date this module works out the dates that decide what they can
 * start:
 *
 *   - the school year runs 1 September to 31 August; a pupil in Year N on
 *     31 August before the year began was N + 4 years old;
 *   - compulsory schooling ends on the last Friday in June of the school
 *     year in which they turn 16 (Year 11);
 *   - post-16 study starts in the September after Year 11; until 18 they
 *     must stay in education or training (which includes apprenticeships);
 *   - they turn 18 during Year 13 and 19 during the year after it, so
 *     university starts the September after Year 13, and adult (19+)
 *     courses are for those who have turned 19.
 */
#ifndef CAREERS_SCHOOLYEAR_H
#define CAREERS_SCHOOLYEAR_H

#include <stddef.h>

#include "status.h"

struct civil_date {
	int year, month, day;
};

/* Parse "YYYY-MM-DD" (a real date); 0 on failure. */
int date_parse(const char *iso, struct civil_date *out);
/*
 * A date a person typed: exactly YYYY-MM-DD. 1 and *out; or 0 and, in why,
 * what is wrong in words: "give a date as YYYY-MM-DD", "there is no month
 * 13", "February 2027 has 28 days", "careers works with dates from 1800 to
 * 2200".
 */
int date_read(const char *text, struct civil_date *out, char *why, size_t whylen);
/* "YYYY-MM-DD" into out[11]. */
void date_iso(struct civil_date d, char out[11]);
/* "7 Sep 2027" into out[16]. */
void date_short(struct civil_date d, char out[16]);
/* "Sep 2027" into out[16]. */
void date_month_year(struct civil_date d, char out[16]);
/* "Saturday" ... */
const char *date_weekday_name(struct civil_date d);
/* Days since 1970-01-01 (negative before). */
long date_days(struct civil_date d);
struct civil_date date_from_days(long days);
/* -1, 0, 1 */
int date_compare(struct civil_date a, struct civil_date b);
struct civil_date date_add_days(struct civil_date d, long days);
/* The same day n years later (29 Feb becomes 28 Feb). */
struct civil_date date_add_years(struct civil_date d, int years);
/* 0 = Monday .. 6 = Sunday. */
int date_weekday(struct civil_date d);
/* The last Friday in June of the year. */
struct civil_date date_last_friday_of_june(int year);
/* Today in the local time zone. */
struct civil_date date_today(void);

/* What a learner's school year or age means, as dates. */
struct learner_stage {
	int school_year;		/* 7-13, or 0 once they have left school */
	int age_given;			/* the age given for someone who has left school */
	struct civil_date today;
	int academic_year;		/* calendar year in which the current school year began */
	/* Date-of-birth window implied by the school year or age. */
	struct civil_date born_from, born_to;
	struct civil_date leave_school;	/* last Friday in June of Year 11 (may be past) */
	struct civil_date post16_start;	/* 1 September after Year 11 (may be past) */
	struct civil_date turn18_from, turn18_to;	/* when they turn 18 */
	struct civil_date turn19_from, turn19_to;
	struct civil_date he_start;	/* 1 September after Year 13 (may be past) */
};

/*
 * Work out the stage. Give school_year 7..13 (age ignored), or
 * school_year 0 and age 16..25 for someone who has left school.
 * STATUS_INVALID for anything else.
 */
enum status schoolyear_stage(int school_year, int age, struct civil_date today,
			     struct learner_stage *out);

/* Youngest and oldest the learner can be on a date. */
void schoolyear_age_on(const struct learner_stage *st, struct civil_date on, int *youngest,
		       int *oldest);

/* Has compulsory schooling ended by this date? */
int schoolyear_may_leave_by(const struct learner_stage *st, struct civil_date on);

/*
 * The school year or age a learner has on `to`, given what it is on
 * `from` (for "what if" dates): a new school year starts each 1
 * September, so Year 11 on 30 Nov 2026 is Year 12 on 1 Sep 2027; after
 * Year 13 they have left school, aged 18 on that 1 September, then a
 * year older each year. Ages stay within 16-25, years go no lower than
 * Year 7; a year and age both 0 ("not given") stay as they are.
 */
void schoolyear_move(int *school_year, int *age, struct civil_date from, struct civil_date to);

/* "Year 11", or "left school, aged 17". */
void schoolyear_describe(const struct learner_stage *st, char *out, size_t outlen);

#endif
