/*
 * import_gtfs_trips.c - GTFS trips.txt: each run of a route.
 *
 * route_id, service_id (the days it runs: calendar.txt and
 * calendar_dates.txt), trip_id, and trip_headsign, block_id, direction_id
 * (0 or 1), and BODS's vehicle_journey_code (the TransXChange journey).
 * That the route and service exist is checked once every file is in.
 */
#include "gtfs_fields.h"

enum { ROUTE, SERVICE, TRIP, HEADSIGN, BLOCK, DIRECTION, JOURNEY };

static const struct import_column columns[] = {
	[ROUTE] = { "route_id", COLUMN_REQUIRED },
	[SERVICE] = { "service_id", COLUMN_REQUIRED },
	[TRIP] = { "trip_id", COLUMN_REQUIRED | COLUMN_KEY },
	[HEADSIGN] = { "trip_headsign", 0 },
	[BLOCK] = { "block_id", 0 },
	[DIRECTION] = { "direction_id", 0 },
	[JOURNEY] = { "vehicle_journey_code", 0 },
};

static enum status row(struct import_row *r)
{
	struct gtfs_trip_rec t;
	long long direction = -1;

	t.feed = gtfs_feed(r);
	t.route_id = gtfs_id(r, ROUTE);
	t.service_id = gtfs_id(r, SERVICE);
	t.trip_id = gtfs_id(r, TRIP);
	t.headsign = import_text(r, HEADSIGN);
	t.block_id = import_text(r, BLOCK);
	t.vehicle_journey_code = import_text(r, JOURNEY);
	gtfs_int(r, DIRECTION, 0, 1, &direction);
	t.direction = (int)direction;
	t.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_TRIP, &t);
}

const struct importer importer_gtfs_trips = {
	.name = "gtfs-trips",
	.title = "GTFS timetable: trips (trips.txt)",
	.detection = "CSV whose header has route_id, service_id and trip_id",
	GTFS_IMPORTER_COMMON(columns, row),
};
