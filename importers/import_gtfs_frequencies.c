/*
 * import_gtfs_frequencies.c - GTFS frequencies.txt: "every 10 minutes".
 *
 * trip_id, start_time, end_time, headway_secs and exact_times. The trip's
 * stop times become a pattern, run every headway_secs from start_time
 * until end_time (both "H:MM:SS"); runs are taken as exact either way.
 */
#include "gtfs_fields.h"

enum { TRIP, START, END, HEADWAY, EXACT };

static const struct import_column columns[] = {
	[TRIP] = { "trip_id", COLUMN_REQUIRED | COLUMN_KEY },
	[START] = { "start_time", COLUMN_REQUIRED },
	[END] = { "end_time", COLUMN_REQUIRED },
	[HEADWAY] = { "headway_secs", COLUMN_REQUIRED },
	[EXACT] = { "exact_times", 0 },
};

static enum status row(struct import_row *r)
{
	struct gtfs_frequency_rec f;
	long long headway = 0, exact = 0;

	f.feed = gtfs_feed(r);
	f.trip_id = gtfs_id(r, TRIP);
	f.start = f.end = -1;
	if (gtfs_time(r, START, &f.start) == 0)
		import_reject(r, START, "is empty, but every row needs one");
	if (gtfs_time(r, END, &f.end) == 0)
		import_reject(r, END, "is empty, but every row needs one");
	if (f.start >= 0 && f.end >= 0 && f.end <= f.start)
		import_reject(r, END, "is not after start_time");
	if (gtfs_int(r, HEADWAY, 30, 86400, &headway) == 0)
		import_reject(r, HEADWAY, "is empty, but every row needs one");
	gtfs_int(r, EXACT, 0, 1, &exact);
	f.headway = (int)headway;
	f.exact = (int)exact;
	f.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_FREQUENCY, &f);
}

const struct importer importer_gtfs_frequencies = {
	.name = "gtfs-frequencies",
	.title = "GTFS timetable: trips that run every so often (frequencies.txt)",
	.detection = "CSV whose header has trip_id, start_time, end_time and headway_secs",
	GTFS_IMPORTER_COMMON(columns, row),
};
