/*
 * import_gtfs_routes.c - GTFS routes.txt: the services people know by number.
 *
 * route_id, route_type (3 bus and 200 coach in BODS; 0 tram, 1 metro,
 * 2 rail, 4 ferry, and the extended types 100-1700 other feeds use),
 * agency_id, route_short_name ("X78") and route_long_name; one of the two
 * names is needed, for a journey to say which bus.
 */
#include "gtfs_fields.h"

enum { ID, TYPE, AGENCY, SHORT, LONG };

static const struct import_column columns[] = {
	[ID] = { "route_id", COLUMN_REQUIRED | COLUMN_KEY },
	[TYPE] = { "route_type", COLUMN_REQUIRED },
	[AGENCY] = { "agency_id", 0 },
	[SHORT] = { "route_short_name", 0 },
	[LONG] = { "route_long_name", 0 },
};

static enum status row(struct import_row *r)
{
	struct gtfs_route_rec x;
	long long type = 3;

	x.feed = gtfs_feed(r);
	x.route_id = gtfs_id(r, ID);
	x.agency_id = gtfs_optional_id(r, AGENCY);
	x.short_name = import_text(r, SHORT);
	x.long_name = import_text(r, LONG);
	if (!x.short_name && !x.long_name && !import_rejected(r))
		import_reject(r, SHORT, "is empty, and so is route_long_name: a route needs a name");
	if (gtfs_int(r, TYPE, 0, 1799, &type) == 0)
		import_reject(r, TYPE, "is empty, but every route needs one (3 for a bus)");
	x.type = (int)type;
	x.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_ROUTE, &x);
}

const struct importer importer_gtfs_routes = {
	.name = "gtfs-routes",
	.title = "GTFS timetable: routes (routes.txt)",
	.detection = "CSV whose header has route_id and route_type",
	GTFS_IMPORTER_COMMON(columns, row),
};
