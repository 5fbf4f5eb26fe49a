/*
 * say.h - one way to say each kind of figure, for every screen, the plan
 * and the command line: levels of qualification, money and dates in the
 * words a pupil of 11 to 15 reads. Pure functions: figures in, words out.
 */
#ifndef CAREERS_SAY_H
#define CAREERS_SAY_H

#include <stddef.h>

/*
 * A qualification level in words: "Entry level (a first step)", "Level 2
 * (like GCSEs at 9 to 4)", "Level 3 (like A levels)", ... "Level 1 or 2
 * (like GCSEs)" for 1.5, "not known" for NAN, "Level 4.5" for anything
 * else.
 */
void say_level(double level, char *out, size_t len);

/*
 * Money, one way everywhere: to the nearest pound. say_week: "£356 a
 * week"; say_week_and_year: "£312 a week (£16,224 a year)", the year
 * being 52 of the rounded weeks, so the two never disagree. "not known"
 * for NAN.
 */
void say_week(double pounds, char *out, size_t len);
void say_week_and_year(double pounds, char *out, size_t len);

/*
 * How a figure changed, in words a pupil reads: "pay has gone up by about
 * a fifth since 2019", "... gone down by about a tenth ...", "... stayed
 * about the same ...", "... about doubled ...". what is "pay", "jobs".
 */
void say_change(const char *what, double from, double to, long long since, char *out,
		size_t len);

/* "7 Sep 2027" from "2027-09-07"; anything else is copied as it is. */
void say_date(const char *iso, char out[16]);

#endif
