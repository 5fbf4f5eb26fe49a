/*
 * store_gtfs.h - the store's timetable tables: GTFS feeds and NaPTAN stops.
 *
 * Importers write them through the store's sink (store.h) like every other
 * record. This is the rest: reading them back for the timetable step of a
 * build (app/transit_save.c), rejecting the rows that step finds wrong (a
 * stop time of a trip no trips.txt names, times that go backwards, a
 * service that runs on no day), keeping the packed timetable's bytes, and
 * what `careers sources` says about the feeds.
 *
 * Readers call fn once per row, in the order each function names; strings
 * are borrowed for the call; fn returns non-zero to stop. Names (the ids a
 * feed uses, stop ids included) are numbers here; store_gtfs_name() gives
 * the text back. Errors: enum status, with store_errmsg().
 */
#ifndef CAREERS_STORE_GTFS_H
#define CAREERS_STORE_GTFS_H

#include <stddef.h>

#include "status.h"
#include "store.h"

/* Where a row came from: its source file and line. */
struct store_gtfs_origin {
	long long source_id, line;
};

/* A feed (an archive or folder of GTFS files), with its feed_info.txt row if it has one. */
struct store_gtfs_feed {
	long long id;
	const char *path;
	const char *publisher, *version, *start_date, *end_date;	/* NULL without feed_info */
	struct store_gtfs_origin at;	/* of the feed_info row; source_id 0 without one */
};

struct store_gtfs_stop {
	long long stop, feed, parent;	/* parent: a station's stop name, 0 when none */
	const char *stop_id, *name, *code, *platform;
	double lat, lon;		/* NAN when the feed leaves them out */
	int location_type;
	/* NaPTAN's row for the same ATCO code, when there is one */
	double naptan_lat, naptan_lon;	/* NAN when none */
	const char *naptan_name, *naptan_indicator;
	struct store_gtfs_origin at;
};

struct store_gtfs_agency {
	long long agency, feed;
	const char *name, *noc;
	struct store_gtfs_origin at;
};

struct store_gtfs_route {
	long long route, feed, agency;	/* agency 0 when the row names none */
	const char *short_name, *long_name;
	int type;
	struct store_gtfs_origin at;
};

struct store_gtfs_trip {
	long long trip, route, service;
	const char *headsign;
	struct store_gtfs_origin at;
};

struct store_gtfs_stop_time {
	long long trip, sequence, stop;
	int arrival, departure;		/* -1 when not given */
	int pickup, dropoff;
	struct store_gtfs_origin at;
};

struct store_gtfs_calendar {
	long long service, feed;
	unsigned days;
	const char *start_date, *end_date;
	struct store_gtfs_origin at;
};

struct store_gtfs_calendar_date {
	long long service;
	const char *date;
	int exception_type;
	struct store_gtfs_origin at;
};

struct store_gtfs_frequency {
	long long trip;
	int start, end, headway, exact;
	struct store_gtfs_origin at;
};

/* Has a timetable record been stored since the store was opened? */
int store_gtfs_touched(struct store *s);
/* Any stop times at all: is there a timetable to pack? */
enum status store_gtfs_has_rows(struct store *s, int *yes);
/* The highest name number given (arrays indexed by name have this many + 1). */
enum status store_gtfs_name_count(struct store *s, long long *count);
/* A name's text ("" when there is no such name). */
void store_gtfs_name(struct store *s, long long id, char *out, size_t outlen);

/* Feeds by id; one call per feed_info row, or one without. */
enum status store_gtfs_each_feed(struct store *s,
				 int (*fn)(void *ctx, const struct store_gtfs_feed *f), void *ctx);
/* By stop, then feed, then line. */
enum status store_gtfs_each_stop(struct store *s,
				 int (*fn)(void *ctx, const struct store_gtfs_stop *x), void *ctx);
/* Agencies by id then line; routes likewise; trips likewise. */
enum status store_gtfs_each_agency(struct store *s,
				   int (*fn)(void *ctx, const struct store_gtfs_agency *x), void *ctx);
enum status store_gtfs_each_route(struct store *s,
				  int (*fn)(void *ctx, const struct store_gtfs_route *x), void *ctx);
enum status store_gtfs_each_trip(struct store *s,
				 int (*fn)(void *ctx, const struct store_gtfs_trip *x), void *ctx);
/* By trip, then sequence, then where they came from. */
enum status store_gtfs_each_stop_time(struct store *s,
				      int (*fn)(void *ctx, const struct store_gtfs_stop_time *x),
				      void *ctx);
enum status store_gtfs_each_calendar(struct store *s,
				     int (*fn)(void *ctx, const struct store_gtfs_calendar *x),
				     void *ctx);
/* By service, then date, then line. */
enum status store_gtfs_each_calendar_date(struct store *s,
					  int (*fn)(void *ctx, const struct store_gtfs_calendar_date *x),
					  void *ctx);
enum status store_gtfs_each_frequency(struct store *s,
				      int (*fn)(void *ctx, const struct store_gtfs_frequency *x),
				      void *ctx);

/* The tables whose rows can be rejected once every file is in. */
enum store_gtfs_table {
	STORE_GTFS_FEED_INFO, STORE_GTFS_AGENCY, STORE_GTFS_STOP, STORE_GTFS_ROUTE,
	STORE_GTFS_TRIP, STORE_GTFS_STOP_TIME, STORE_GTFS_CALENDAR, STORE_GTFS_CALENDAR_DATE,
	STORE_GTFS_FREQUENCY, STORE_GTFS_TABLES
};

/*
 * Reject a row found wrong: remembered now, applied by
 * store_gtfs_rejections_apply(), which deletes every such row, records why
 * (the first 1000 of each file, like an importer's rejections) and moves
 * the rows from loaded to rejected in their files' counts.
 */
enum status store_gtfs_reject(struct store *s, enum store_gtfs_table table,
			      struct store_gtfs_origin at, const char *field, const char *message);
enum status store_gtfs_rejections_apply(struct store *s);
/* "path" or "path/member" of a source file, for messages. */
void store_gtfs_source_name(struct store *s, long long source_id, char *out, size_t outlen);

/* The packed timetable's bytes (app/transit.c). */
enum status store_timetable_remove(struct store *s);
/* STATUS_NOT_FOUND when there is none. */
enum status store_timetable_open(struct store *s, struct store_blob **out, size_t *size);
/* Room for a new one of size bytes, open for store_blob_write() (in pieces; replaces the old). */
enum status store_timetable_open_write(struct store *s, size_t size, struct store_blob **out);

/* The days a feed_info.txt source says its feed is good for ("" when it does not say). */
enum status store_gtfs_feed_dates(struct store *s, long long source_id, char start[11],
				  char end[11]);

/*
 * The loaded timetable kept with the store (app/travel.c), freed with
 * free_fn when replaced, when the store is closed, or when a build or
 * import changes it.
 */
void store_set_timetable_cache(struct store *s, void *data, void (*free_fn)(void *));
void *store_timetable_cache(const struct store *s);

#endif
