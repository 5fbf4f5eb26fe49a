/*
 * import_gtfs_calendar.c - GTFS calendar.txt: the days of the week a service runs.
 *
 * service_id, monday ... sunday (1 runs, 0 does not), start_date and
 * end_date (YYYYMMDD, both days included). A service that runs on no day
 * at all, once calendar_dates.txt has been read too, is rejected when the
 * timetable is packed.
 */
#include <string.h>

#include "gtfs_fields.h"

enum { SERVICE, MON, TUE, WED, THU, FRI, SAT, SUN, START, END };

static const struct import_column columns[] = {
	[SERVICE] = { "service_id", COLUMN_REQUIRED | COLUMN_KEY },
	[MON] = { "monday", COLUMN_REQUIRED },
	[TUE] = { "tuesday", COLUMN_REQUIRED },
	[WED] = { "wednesday", COLUMN_REQUIRED },
	[THU] = { "thursday", COLUMN_REQUIRED },
	[FRI] = { "friday", COLUMN_REQUIRED },
	[SAT] = { "saturday", COLUMN_REQUIRED },
	[SUN] = { "sunday", COLUMN_REQUIRED },
	[START] = { "start_date", COLUMN_REQUIRED },
	[END] = { "end_date", COLUMN_REQUIRED },
};

static enum status row(struct import_row *r)
{
	struct gtfs_calendar_rec c;
	char start[11] = "", end[11] = "";
	int day;

	c.feed = gtfs_feed(r);
	c.service_id = gtfs_id(r, SERVICE);
	c.days = 0;
	for (day = MON; day <= SUN; day++) {
		long long v;
		int got = gtfs_int(r, day, 0, 1, &v);

		if (got == 0)
			import_reject(r, day, "is empty: give 1 when the service runs that day, else 0");
		else if (got == 1 && v)
			c.days |= 1u << (day - MON);
	}
	if (gtfs_date(r, START, start) == 0)
		import_reject(r, START, "is empty, but every service needs one");
	if (gtfs_date(r, END, end) == 0)
		import_reject(r, END, "is empty, but every service needs one");
	if (start[0] && end[0] && strcmp(end, start) < 0)
		import_reject(r, END, "%s is before start_date %s", end, start);
	c.start_date = start;
	c.end_date = end;
	c.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_CALENDAR, &c);
}

const struct importer importer_gtfs_calendar = {
	.name = "gtfs-calendar",
	.title = "GTFS timetable: days of the week (calendar.txt)",
	.detection = "CSV whose header has service_id, monday to sunday, start_date and end_date",
	GTFS_IMPORTER_COMMON(columns, row),
};
