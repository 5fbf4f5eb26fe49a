/*
 * transit_save.h - the timetable step of a build or import.
 *
 * Once every file is in, the timetable tables are checked as a whole: a
 * stop time must name a trip that trips.txt has and a stop that stops.txt
 * has, a trip a route and a service that exist, times must not go
 * backwards along a trip, a service must run on some day, and no id may be
 * given twice. Each row found wrong is rejected like an importer's
 * rejection - its file, line and column and why, printed (the first ten of
 * each file) and kept for `careers sources --rejected` - and deleted, and
 * what depends on it goes too (the stop times of a rejected trip). What is
 * left is packed (transit.h) and kept in the store.
 *
 * Stops without a place in their feed take NaPTAN's, else their station's;
 * a stop nobody can place is still ridden through, but no journey starts
 * or ends there. Blank times between timed stops are filled in evenly.
 * frequencies.txt trips run at each headway from start_time until
 * end_time.
 *
 * It is a step of its own, after the option index: nothing else in a
 * build depends on it (a later change may run it on the second core).
 */
#ifndef CAREERS_TRANSIT_SAVE_H
#define CAREERS_TRANSIT_SAVE_H

#include <stdio.h>

#include "status.h"
#include "store.h"

struct transit_save_report {
	int packed;			/* there was a timetable to pack */
	unsigned long feeds, stops, located_stops, trips, stop_times, hops, rejected;
	long first_day, last_day;	/* the days the feeds are good for (LONG_MIN unknown) */
	double seconds;			/* how long the step took */
	size_t bytes;			/* the packed timetable */
};

/*
 * Check, pack and keep the store's timetable (inside the caller's
 * transaction). Rejections go to err as "path:line: column: why"; unless
 * quiet, one summary line goes to out. A store without timetables loses
 * any packed one it had.
 */
enum status transit_save(struct store *s, FILE *out, FILE *err, int quiet,
			 struct transit_save_report *report);

#endif
