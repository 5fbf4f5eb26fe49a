/*
 * date_typed.h - dates (and times of day) as people type them, for the
 * adviser's screens and the command line: "7/9/27", "07/09/2027",
 * "7-9-2027", "7 Sep 2027", "7th September", "Sep 7", "2027-09-07",
 * "today", "tomorrow", "Monday", "next Monday", "in 2 weeks", "in 3 days".
 *
 * Numbers are day first, month second (as in the UK). A year of two
 * digits is 20YY. A date without a year is the next one on or after
 * today. "Monday" and "next Monday" are the first Monday after today.
 * A base layer check (schoolyear.h's calendar), used by every caller.
 */
#ifndef CAREERS_DATE_TYPED_H
#define CAREERS_DATE_TYPED_H

#include <stddef.h>

#include "schoolyear.h"

/*
 * Read a date typed by a person, relative to today. 1 and *out; or 0 and,
 * in why, what is wrong in words: "there is no month 13", "February 2027
 * has 28 days", "\"Smarch\" is not a month", or how to type a date.
 * Spaces round the text and case do not matter.
 */
int date_typed(const char *text, struct civil_date today, struct civil_date *out, char *why,
	       size_t whylen);

/*
 * A date with an optional time of day after it: "12/1/27 10:30",
 * "next Tuesday at 2pm", "7 Sep 2.30pm". out gets "YYYY-MM-DD" or
 * "YYYY-MM-DD HH:MM" (out must hold 17 bytes). 1 on success; 0 and why.
 */
int date_typed_meeting(const char *text, struct civil_date today, char out[17], char *why,
		       size_t whylen);

#endif
