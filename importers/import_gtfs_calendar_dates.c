/*
 * import_gtfs_calendar_dates.c - GTFS calendar_dates.txt: days added or taken away.
 *
 * service_id, date (YYYYMMDD) and exception_type: 1 the service runs that
 * day as well, 2 it does not (bank holidays, school holidays for school
 * buses). A weekday on which a service near the learner is taken away is
 * not a normal school day (app/travel.c).
 */
#include "gtfs_fields.h"

enum { SERVICE, DATE, TYPE };

static const struct import_column columns[] = {
	[SERVICE] = { "service_id", COLUMN_REQUIRED | COLUMN_KEY },
	[DATE] = { "date", COLUMN_REQUIRED },
	[TYPE] = { "exception_type", COLUMN_REQUIRED },
};

static enum status row(struct import_row *r)
{
	struct gtfs_calendar_date_rec c;
	char date[11] = "";
	long long type = 0;

	c.feed = gtfs_feed(r);
	c.service_id = gtfs_id(r, SERVICE);
	if (gtfs_date(r, DATE, date) == 0)
		import_reject(r, DATE, "is empty, but every row needs one");
	if (gtfs_int(r, TYPE, 1, 2, &type) == 0)
		import_reject(r, TYPE, "is empty: give 1 (runs that day too) or 2 (does not)");
	c.date = date;
	c.exception_type = (int)type;
	c.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_CALENDAR_DATE, &c);
}

const struct importer importer_gtfs_calendar_dates = {
	.name = "gtfs-calendar-dates",
	.title = "GTFS timetable: days added and taken away (calendar_dates.txt)",
	.detection = "CSV whose header has service_id, date and exception_type",
	GTFS_IMPORTER_COMMON(columns, row),
};
