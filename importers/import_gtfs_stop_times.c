/*
 * import_gtfs_stop_times.c - GTFS stop_times.txt: when each trip is at each stop.
 *
 * trip_id, arrival_time, departure_time, stop_id and stop_sequence, and
 * pickup_type and drop_off_type (0 or blank regular, 1 none, 2 phone the
 * operator, 3 ask the driver); stop_headsign, shape_dist_traveled and
 * timepoint are not needed. Times are "H:MM:SS" and pass 24:00:00 for a
 * trip that runs on after midnight; both may be blank between timed stops.
 * Checked here: each value. Checked once every file is in (transit_save.c):
 * the trip and stop exist, each sequence comes once, times never go back.
 */
#include "gtfs_fields.h"

enum { TRIP, ARRIVAL, DEPARTURE, STOP, SEQUENCE, PICKUP, DROPOFF };

static const struct import_column columns[] = {
	[TRIP] = { "trip_id", COLUMN_REQUIRED | COLUMN_KEY },
	[ARRIVAL] = { "arrival_time", COLUMN_REQUIRED },
	[DEPARTURE] = { "departure_time", COLUMN_REQUIRED },
	[STOP] = { "stop_id", COLUMN_REQUIRED },
	[SEQUENCE] = { "stop_sequence", COLUMN_REQUIRED },
	[PICKUP] = { "pickup_type", 0 },
	[DROPOFF] = { "drop_off_type", 0 },
};

static enum status row(struct import_row *r)
{
	struct gtfs_stop_time_rec x;
	long long pickup = 0, dropoff = 0;

	x.feed = gtfs_feed(r);
	x.trip_id = gtfs_id(r, TRIP);
	x.stop_id = gtfs_id(r, STOP);
	x.arrival = x.departure = -1;
	gtfs_time(r, ARRIVAL, &x.arrival);
	gtfs_time(r, DEPARTURE, &x.departure);
	if (gtfs_int(r, SEQUENCE, 0, 1000000000, &x.sequence) == 0)
		import_reject(r, SEQUENCE, "is empty, but every stop time needs it");
	gtfs_int(r, PICKUP, 0, 3, &pickup);
	gtfs_int(r, DROPOFF, 0, 3, &dropoff);
	x.pickup = (int)pickup;
	x.dropoff = (int)dropoff;
	x.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_STOP_TIME, &x);
}

const struct importer importer_gtfs_stop_times = {
	.name = "gtfs-stop-times",
	.title = "GTFS timetable: stop times (stop_times.txt)",
	.detection = "CSV whose header has trip_id, arrival_time, departure_time, stop_id and "
		     "stop_sequence",
	GTFS_IMPORTER_COMMON(columns, row),
};
