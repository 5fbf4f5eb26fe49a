/*
 * transit_int.h - the packed timetable's layout, shared by transit.c (building,
 * the stop grid), transit_pack.c (its bytes) and transit_route.c (journeys).
 * Nothing else includes it (but the fuzz target that checks it).
 */
#ifndef CAREERS_TRANSIT_INT_H
#define CAREERS_TRANSIT_INT_H

#include <stdint.h>

#include "transit.h"

#define TRANSIT_NO_PLACE INT32_MIN	/* a stop's lat when nobody knows where it is */
#define TRANSIT_NO_PICKUP (1u << 31)	/* hop flags, in the top bits of its trip */
#define TRANSIT_NO_DROPOFF (1u << 30)
#define TRANSIT_TRIP_MASK (TRANSIT_NO_DROPOFF - 1)
#define TRANSIT_E6 1e6			/* coordinates are kept in millionths of a degree */
#define TRANSIT_METRES_PER_DEGREE 111195.0

struct transit_feed_entry {
	uint32_t path, publisher;	/* offsets into text */
	int32_t first_day, last_day;	/* INT32_MIN: not known */
};

struct transit_stop {
	int32_t lat, lon;		/* millionths of a degree; lat TRANSIT_NO_PLACE: unknown */
	uint32_t name;
};

struct transit_route {
	uint32_t short_name, long_name, agency;
	uint32_t type;
};

struct transit_service {
	uint32_t days;			/* bit 0 Monday ... bit 6 Sunday */
	int32_t first_day, last_day;
	uint32_t exceptions, exception_count;	/* its run of transit.exceptions */
	int32_t min_lat, min_lon, max_lat, max_lon;	/* where its trips stop */
};

struct transit_exception {
	int32_t day;
	uint32_t type;			/* 1 added, 2 removed */
};

struct transit_trip {
	uint32_t route, service, headsign;
};

/* One hop: leave `from` at dep, reach `to` at arr. Sorted by arr, then dep. */
struct transit_hop {
	int32_t dep, arr;
	uint32_t from, to;
	uint32_t trip;			/* with TRANSIT_NO_PICKUP / TRANSIT_NO_DROPOFF */
};

/* A stop close to another, for changes on foot. */
struct transit_link {
	uint32_t stop, metres;
};

/* Located stops by grid cell (about a kilometre square), for "what is near here". */
struct transit_cell {
	uint64_t key;
	uint32_t stop;
};

struct transit {
	char *text;
	uint32_t text_len;
	struct transit_feed_entry *feeds;
	uint32_t feed_count;
	struct transit_stop *stops;
	uint32_t stop_count;
	struct transit_route *routes;
	uint32_t route_count;
	struct transit_service *services;
	uint32_t service_count;
	struct transit_exception *exceptions;
	uint32_t exception_count;
	struct transit_trip *trips;
	uint32_t trip_count;
	struct transit_hop *hops;
	uint32_t hop_count;
	uint32_t *link_first;		/* stop_count + 1 */
	struct transit_link *links;
	uint32_t link_count;
	/* worked out when read, not kept */
	struct transit_cell *cells;
	uint32_t cell_count;
	double cell_cos;		/* cos of the latitude the grid's columns are measured at */
};

static inline const char *transit_text(const struct transit *t, uint32_t offset)
{
	return t->text + offset;
}

/* Metres between two points given in millionths of a degree (straight line; short distances). */
double transit_metres(int32_t lat1, int32_t lon1, int32_t lat2, int32_t lon2);

/*
 * Call fn for each located stop within `metres` of lat/lon (degrees), with
 * its distance; fn returns non-zero to stop.
 */
void transit_near(const struct transit *t, double lat, double lon, double metres,
		  int (*fn)(void *ctx, uint32_t stop, double metres), void *ctx);

/* Work out the stop grid (transit.cells) from the stops: after building, and after reading. */
void transit_build_grid(struct transit *t);

/* Does service s run on day (date_days)? */
int transit_service_runs(const struct transit *t, uint32_t s, long day);

#endif
