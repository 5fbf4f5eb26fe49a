/*
 * transit.h - the packed timetable, and journeys worked out from it.
 *
 * A timetable is what every GTFS feed in the store says, packed for
 * routing: stops (where, what they are called), routes, trips, the days
 * each service runs, and every hop of every trip from one stop to the next
 * (a "connection": depart A at t1, arrive B at t2) sorted by arrival time.
 * The timetable step of a build makes it (app/transit_save.c) with a
 * transit_builder and keeps its bytes in the store; a search reads it back
 * once (transit_decode) and keeps it while the store is open.
 *
 * The question a pupil asks is "could I get there by 9?": from one place
 * (their postcode), on one day, arriving by one time, to every option at
 * once. transit_run_new() answers it for every destination in one pass over
 * the morning's connections (a profile connection scan, see transit_route.c):
 * for each stop it keeps, as the connections go by in order of arrival, the
 * pairs (arrive here at a, having left home at d) that no other pair beats
 * (earlier or the same arrival with a later or the same departure). Any
 * destination is then a few look-ups: the stops within walking distance of
 * it, and for each the latest departure from home that arrives there in
 * time to walk the rest. Walking the whole way is compared, and wins when it
 * takes no longer.
 *
 * Rules, all in transit_settings: walk up to walk_metres to and from stops
 * and walk_alone_metres the whole way, at walk_kmh, in straight lines; a
 * change needs change_seconds (and the walk, when it is to another stop
 * within transfer_metres); nobody gets on where a trip does not pick up or
 * off where it does not set down; journeys start at most window_seconds
 * before the time they must arrive by. Times are seconds after midnight of
 * the day asked about; trips of the day before that run past midnight
 * (24:10:00 in the feed) are in it too.
 *
 * transit_baseline_latest() answers the same question for one destination
 * by itself (a latest-departure scan backwards from it): the named baseline
 * the benchmark runs beside the profile scan, and a check on it in tests.
 *
 * Errors: builder functions cannot fail (out of memory aborts); decoding
 * checks every count, index and order and says what was wrong.
 */
#ifndef CAREERS_TRANSIT_H
#define CAREERS_TRANSIT_H

#include <stddef.h>
#include <stdint.h>

#include "status.h"

#define TRANSIT_NONE UINT32_MAX
/* Stops this close are linked for changes; transfer_metres may not exceed it. */
#define TRANSIT_TRANSFER_MAX_METRES 500
#define TRANSIT_DAY_SECONDS 86400

/* GTFS route types, as words: "bus", "coach", "tram", "train", ... */
const char *transit_mode_word(int route_type);

struct transit;

/* --- building --------------------------------------------------------------------- */

struct transit_builder;

struct transit_builder *transit_builder_new(void);
void transit_builder_free(struct transit_builder *b);
/* A feed: its path, who publishes it, the days it is good for (date_days; LONG_MIN unknown). */
void transit_builder_feed(struct transit_builder *b, const char *path, const char *publisher,
			  long first_day, long last_day);
/* Feed i's days, once they are known (from its calendars when it does not say). */
void transit_builder_feed_days(struct transit_builder *b, size_t i, long first_day,
			       long last_day);
/* A stop; lat/lon NAN when nobody knows where it is (it is still ridden through). */
uint32_t transit_builder_stop(struct transit_builder *b, double lat, double lon, const char *name);
uint32_t transit_builder_route(struct transit_builder *b, const char *short_name,
			       const char *long_name, const char *agency, int type);
/* days: bit 0 Monday ... bit 6 Sunday, from first_day to last_day (date_days) inclusive. */
uint32_t transit_builder_service(struct transit_builder *b, unsigned days, long first_day,
				 long last_day);
/* type 1: runs on day as well; 2: does not run on day. */
void transit_builder_exception(struct transit_builder *b, uint32_t service, long day, int type);
uint32_t transit_builder_trip(struct transit_builder *b, uint32_t route, uint32_t service,
			      const char *headsign);
/* One hop of a trip: leave `from` at dep, reach `to` at arr (seconds, arr >= dep). */
void transit_builder_hop(struct transit_builder *b, uint32_t trip, uint32_t from, uint32_t to,
			 int dep, int arr, int no_pickup, int no_dropoff);
size_t transit_builder_hops(const struct transit_builder *b);
/* Sort, link stops that are close, work out where each service runs; b is freed. */
struct transit *transit_builder_finish(struct transit_builder *b);

/* --- keeping it --------------------------------------------------------------------- */

enum status transit_encode(const struct transit *t, char **out, size_t *len);
/* The same bytes (transit_encoded_size() of them) in pieces through write: never all at once. */
size_t transit_encoded_size(const struct transit *t);
enum status transit_write(const struct transit *t,
			  enum status (*write)(void *ctx, const void *buf, size_t n, size_t offset),
			  void *ctx);
enum status transit_decode(const void *data, size_t len, struct transit **out, char *err,
			   size_t errlen);
/* The same, reading the len bytes in pieces through read (a store's blob): never all at once. */
enum status transit_decode_from(enum status (*read)(void *ctx, void *buf, size_t n, size_t offset),
				void *ctx, size_t len, struct transit **out, char *err,
				size_t errlen);
void transit_free(struct transit *t);

/* --- what it holds ------------------------------------------------------------------ */

struct transit_summary {
	size_t feeds, stops, located_stops, routes, trips, services, hops;
	long first_day, last_day;	/* the days the feeds are good for (LONG_MIN unknown) */
	size_t bytes;			/* in memory */
};

void transit_summarise(const struct transit *t, struct transit_summary *out);
/* Feed i's path and publisher (i < feeds). */
void transit_feed(const struct transit *t, size_t i, const char **path, const char **publisher,
		  long *first_day, long *last_day);
/* Is there a located stop within metres of the place? */
int transit_covers(const struct transit *t, double lat, double lon, double metres);
/*
 * The services that run on day and have a stop within `metres` of the
 * place; *removed (when not NULL) gets those of them that would run by
 * their weekly pattern but are taken off that day by an exception.
 */
size_t transit_services_on(const struct transit *t, long day, double lat, double lon,
			   double metres, size_t *removed);

/* --- journeys ------------------------------------------------------------------------ */

struct transit_settings {
	int walk_metres;		/* to and from stops (default 1000) */
	int walk_alone_metres;		/* walking the whole way (default 2000) */
	int transfer_metres;		/* between stops, changing (default 400) */
	double walk_kmh;		/* default 4.8 */
	int change_seconds;		/* the least time to change (default 180) */
	int window_seconds;		/* how long before arrive_by a journey may start
					   (default 3 hours) */
};

void transit_settings_init(struct transit_settings *s);
/* STATUS_INVALID with a message naming the setting when one is out of range. */
enum status transit_settings_check(const struct transit_settings *s, char *why, size_t whylen);

struct transit_query {
	double lat, lon;		/* where the journeys start */
	long day;			/* date_days of the day of travel */
	int arrive_by;			/* seconds after midnight */
	struct transit_settings settings;
};

struct transit_run;

enum status transit_run_new(const struct transit *t, const struct transit_query *q,
			    struct transit_run **out);
void transit_run_free(struct transit_run *r);
/* Stops within walking distance of where the journeys start. */
size_t transit_run_access_stops(const struct transit_run *r);
/* Connections looked at (for benchmarks). */
size_t transit_run_scanned(const struct transit_run *r);

struct transit_answer {
	int found;			/* a way there in time */
	int walk_only;			/* walking the whole way */
	int depart, arrive;		/* seconds after midnight (whole minutes: depart rounded
					   down, arrive up) */
	int minutes;			/* door to door: (arrive - depart) / 60 */
	int changes;
	int walk_minutes;		/* all the walking, rounded up */
};

/* The best way to lat/lon: the latest departure that arrives in time. */
void transit_answer_to(const struct transit_run *r, double lat, double lon,
		       struct transit_answer *out);

enum transit_leg_kind { TRANSIT_WALK, TRANSIT_RIDE };

struct transit_leg {
	enum transit_leg_kind kind;
	int start, end;			/* seconds after midnight */
	const char *from, *to;		/* stop names (borrowed from the timetable);
					   NULL: the start or the destination */
	const char *route;		/* rides: the route's short name (or long name) */
	int route_type;
	const char *headsign;		/* rides: where the bus says it is going, or "" */
};

#define TRANSIT_MAX_LEGS 16

/* The legs of the answer transit_answer_to gives; returns how many (0: none). */
int transit_journey_to(const struct transit_run *r, double lat, double lon,
		       struct transit_leg *legs, int max);

/*
 * The baseline: the latest time to leave the query's start and still reach
 * lat/lon by bus in time, found by one scan backwards from that destination
 * alone (the morning's hops in order of departure, latest first, marking
 * the trips and stops from which it can still be reached). _new collects
 * and orders the morning's hops once; each _latest is a scan of its own.
 * INT32_MIN when there is none; walking the whole way is not considered.
 */
struct transit_baseline;

enum status transit_baseline_new(const struct transit *t, const struct transit_query *q,
				 struct transit_baseline **out);
int transit_baseline_latest(struct transit_baseline *b, double lat, double lon, size_t *scanned);
void transit_baseline_free(struct transit_baseline *b);

#endif
