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

/* "7 Sep 2027" from "2027-09-07"; anything else is copied as it is. */
void say_date(const char *iso, char out[16]);

#endif
