/*
 * import_gtfs_stops.c - GTFS stops.txt: where the buses stop.
 *
 * stop_id (a NaPTAN ATCO code in BODS feeds), stop_name, stop_lat and
 * stop_lon, and stop_code, location_type (0 or blank a stop, 1 a station,
 * 2-4 entrances and the like), parent_station and platform_code. A stop
 * whose place the feed leaves out (blank, or 0,0) is kept: NaPTAN's place
 * for the same ATCO code fills it when the timetable is packed.
 */
#include <math.h>
#include <string.h>

#include "gtfs_fields.h"

enum { ID, NAME, LAT, LON, CODE, TYPE, PARENT, PLATFORM };

static const struct import_column columns[] = {
	[ID] = { "stop_id", COLUMN_REQUIRED | COLUMN_KEY },
	[NAME] = { "stop_name", COLUMN_REQUIRED },
	[LAT] = { "stop_lat", 0 },
	[LON] = { "stop_lon", 0 },
	[CODE] = { "stop_code", 0 },
	[TYPE] = { "location_type", 0 },
	[PARENT] = { "parent_station", 0 },
	[PLATFORM] = { "platform_code", 0 },
};

static enum status row(struct import_row *r)
{
	struct gtfs_stop_rec s;
	long long type = 0;
	int has_lat, has_lon;

	s.feed = gtfs_feed(r);
	s.stop_id = gtfs_id(r, ID);
	s.name = import_text(r, NAME);
	s.code = import_text(r, CODE);
	s.parent_id = gtfs_optional_id(r, PARENT);
	s.platform = import_text(r, PLATFORM);
	s.lat = s.lon = NAN;
	has_lat = import_get_decimal(r, LAT, -90, 90, &s.lat);
	has_lon = import_get_decimal(r, LON, -180, 180, &s.lon);
	if (has_lat == 1 && has_lon == 0)
		import_reject(r, LON, "is empty, but the latitude is given");
	if (has_lon == 1 && has_lat == 0)
		import_reject(r, LAT, "is empty, but the longitude is given");
	if (has_lat != 1 || has_lon != 1 || (s.lat == 0 && s.lon == 0))
		s.lat = s.lon = NAN;	/* NaPTAN may know */
	gtfs_int(r, TYPE, 0, 4, &type);
	s.location_type = (int)type;
	if (s.stop_id && s.parent_id && strcmp(s.stop_id, s.parent_id) == 0)
		import_reject(r, PARENT, "a stop cannot be its own parent_station");
	s.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_STOP, &s);
}

const struct importer importer_gtfs_stops = {
	.name = "gtfs-stops",
	.title = "GTFS timetable: stops (stops.txt)",
	.detection = "CSV whose header has stop_id and stop_name",
	GTFS_IMPORTER_COMMON(columns, row),
};
