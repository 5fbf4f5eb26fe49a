/*
 * store_gtfs_rows.c - the store's timetable tables read back, for the
 * timetable step of a build (see store_gtfs.h).
 *
 * Each reader steps one query and hands each row to its caller as a plain
 * record; the statements are kept with the store (store_gtfs_statement).
 */
#include <math.h>
#include <stdio.h>

#include "store_gtfs.h"
#include "store_int.h"

#define READER_INFO(_) \
	_(NAME_TEXT, "SELECT name FROM gtfs_name WHERE id = ?1") \
	_(NAME_MAX, "SELECT coalesce(max(id), 0) FROM gtfs_name") \
	_(HAS_ROWS, "SELECT EXISTS (SELECT 1 FROM gtfs_stop_time)") \
	_(FEEDS, \
	  "SELECT f.id, f.path, i.publisher, i.version, i.start_date, i.end_date, i.source_id, " \
	  "i.line FROM gtfs_feed f LEFT JOIN gtfs_feed_info i ON i.feed = f.id " \
	  "ORDER BY f.id, i.line") \
	_(STOPS, \
	  "SELECT s.stop, s.feed, s.parent, n.name, s.name, s.code, s.platform, s.lat, s.lon, " \
	  "s.location_type, p.lat, p.lon, p.name, p.indicator, s.source_id, s.line " \
	  "FROM gtfs_stop s JOIN gtfs_name n ON n.id = s.stop " \
	  "LEFT JOIN naptan_stop p ON p.atco = n.name ORDER BY s.stop, s.feed, s.line") \
	_(AGENCIES, \
	  "SELECT agency, feed, name, noc, source_id, line FROM gtfs_agency ORDER BY agency, line") \
	_(ROUTES, \
	  "SELECT route, feed, agency, short_name, long_name, type, source_id, line " \
	  "FROM gtfs_route ORDER BY route, line") \
	_(TRIPS, \
	  "SELECT trip, route, service, headsign, source_id, line FROM gtfs_trip ORDER BY trip, line") \
	_(STOP_TIMES, \
	  "SELECT trip, sequence, stop, arrival, departure, pickup, dropoff, source_id, line " \
	  "FROM gtfs_stop_time ORDER BY trip, sequence, source_id, line") \
	_(CALENDARS, \
	  "SELECT service, feed, days, start_date, end_date, source_id, line FROM gtfs_calendar " \
	  "ORDER BY service, line") \
	_(CALENDAR_DATES, \
	  "SELECT service, date, exception_type, source_id, line FROM gtfs_calendar_date " \
	  "ORDER BY service, date, line") \
	_(FREQUENCIES, \
	  "SELECT trip, start, end, headway, exact, source_id, line FROM gtfs_frequency " \
	  "ORDER BY trip, start, line") \
	_(SOURCE_NAME, \
	  "SELECT path || coalesce('/' || member, '') FROM source_file WHERE id = ?1") \
	_(FEED_DATES, \
	  "SELECT start_date, end_date FROM gtfs_feed_info WHERE source_id = ?1 ORDER BY line LIMIT 1")

enum reader_id {
#define READER_ENUM(id, sql) GS_##id,
	READER_INFO(READER_ENUM)
#undef READER_ENUM
	GS_READERS
};

_Static_assert(GS_READERS <= STORE_GTFS_READERS, "the store keeps room for every reader");

static const char *const reader_sql[] = {
#define READER_SQL(id, sql) sql,
	READER_INFO(READER_SQL)
#undef READER_SQL
};

static sqlite3_stmt *gstmt(struct store *s, enum reader_id id)
{
	return store_gtfs_statement(s, (int)id, reader_sql[id]);
}

static const char *text_at(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

static double real_at(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static int time_at(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : sqlite3_column_int(st, i);
}

static struct store_gtfs_origin origin_at(sqlite3_stmt *st, int i)
{
	struct store_gtfs_origin at = { sqlite3_column_int64(st, i), sqlite3_column_int64(st, i + 1) };

	return at;
}

/*
 * Step through a query, turning each row into a record with `row`, which
 * knows the record's type and hands it to `fn`.
 */
static enum status each_row(struct store *s, enum reader_id id, const char *doing,
			    int (*row)(sqlite3_stmt *st, void *fn, void *ctx), void *fn, void *ctx)
{
	sqlite3_stmt *st = gstmt(s, id);
	int rc;

	if (!st)
		return store_db_fail(s, doing);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (row(st, fn, ctx))
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		enum status failed = store_db_fail(s, doing);

		sqlite3_reset(st);
		return failed;
	}
	sqlite3_reset(st);
	return STATUS_OK;
}

static int feed_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_feed f;

	f.id = sqlite3_column_int64(st, 0);
	f.path = text_at(st, 1);
	f.publisher = text_at(st, 2);
	f.version = text_at(st, 3);
	f.start_date = text_at(st, 4);
	f.end_date = text_at(st, 5);
	f.at = origin_at(st, 6);
	return ((int (*)(void *, const struct store_gtfs_feed *))fn)(ctx, &f);
}

static int stop_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_stop x;

	x.stop = sqlite3_column_int64(st, 0);
	x.feed = sqlite3_column_int64(st, 1);
	x.parent = sqlite3_column_int64(st, 2);
	x.stop_id = text_at(st, 3);
	x.name = text_at(st, 4);
	x.code = text_at(st, 5);
	x.platform = text_at(st, 6);
	x.lat = real_at(st, 7);
	x.lon = real_at(st, 8);
	x.location_type = sqlite3_column_int(st, 9);
	x.naptan_lat = real_at(st, 10);
	x.naptan_lon = real_at(st, 11);
	x.naptan_name = text_at(st, 12);
	x.naptan_indicator = text_at(st, 13);
	x.at = origin_at(st, 14);
	return ((int (*)(void *, const struct store_gtfs_stop *))fn)(ctx, &x);
}

static int agency_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_agency x;

	x.agency = sqlite3_column_int64(st, 0);
	x.feed = sqlite3_column_int64(st, 1);
	x.name = text_at(st, 2);
	x.noc = text_at(st, 3);
	x.at = origin_at(st, 4);
	return ((int (*)(void *, const struct store_gtfs_agency *))fn)(ctx, &x);
}

static int route_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_route x;

	x.route = sqlite3_column_int64(st, 0);
	x.feed = sqlite3_column_int64(st, 1);
	x.agency = sqlite3_column_int64(st, 2);
	x.short_name = text_at(st, 3);
	x.long_name = text_at(st, 4);
	x.type = sqlite3_column_int(st, 5);
	x.at = origin_at(st, 6);
	return ((int (*)(void *, const struct store_gtfs_route *))fn)(ctx, &x);
}

static int trip_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_trip x;

	x.trip = sqlite3_column_int64(st, 0);
	x.route = sqlite3_column_int64(st, 1);
	x.service = sqlite3_column_int64(st, 2);
	x.headsign = text_at(st, 3);
	x.at = origin_at(st, 4);
	return ((int (*)(void *, const struct store_gtfs_trip *))fn)(ctx, &x);
}

static int stop_time_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_stop_time x;

	x.trip = sqlite3_column_int64(st, 0);
	x.sequence = sqlite3_column_int64(st, 1);
	x.stop = sqlite3_column_int64(st, 2);
	x.arrival = time_at(st, 3);
	x.departure = time_at(st, 4);
	x.pickup = sqlite3_column_int(st, 5);
	x.dropoff = sqlite3_column_int(st, 6);
	x.at = origin_at(st, 7);
	return ((int (*)(void *, const struct store_gtfs_stop_time *))fn)(ctx, &x);
}

static int calendar_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_calendar x;

	x.service = sqlite3_column_int64(st, 0);
	x.feed = sqlite3_column_int64(st, 1);
	x.days = (unsigned)sqlite3_column_int(st, 2);
	x.start_date = text_at(st, 3);
	x.end_date = text_at(st, 4);
	x.at = origin_at(st, 5);
	return ((int (*)(void *, const struct store_gtfs_calendar *))fn)(ctx, &x);
}

static int calendar_date_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_calendar_date x;

	x.service = sqlite3_column_int64(st, 0);
	x.date = text_at(st, 1);
	x.exception_type = sqlite3_column_int(st, 2);
	x.at = origin_at(st, 3);
	return ((int (*)(void *, const struct store_gtfs_calendar_date *))fn)(ctx, &x);
}

static int frequency_row(sqlite3_stmt *st, void *fn, void *ctx)
{
	struct store_gtfs_frequency x;

	x.trip = sqlite3_column_int64(st, 0);
	x.start = sqlite3_column_int(st, 1);
	x.end = sqlite3_column_int(st, 2);
	x.headway = sqlite3_column_int(st, 3);
	x.exact = sqlite3_column_int(st, 4);
	x.at = origin_at(st, 5);
	return ((int (*)(void *, const struct store_gtfs_frequency *))fn)(ctx, &x);
}

#define EACH(name, type, id, reader, doing) \
	enum status store_gtfs_each_##name(struct store *s, \
					   int (*fn)(void *ctx, const struct type *x), void *ctx) \
	{ \
		return each_row(s, id, doing, reader, (void *)fn, ctx); \
	}

EACH(feed, store_gtfs_feed, GS_FEEDS, feed_row, "reading timetable feeds")
EACH(stop, store_gtfs_stop, GS_STOPS, stop_row, "reading stops")
EACH(agency, store_gtfs_agency, GS_AGENCIES, agency_row, "reading agencies")
EACH(route, store_gtfs_route, GS_ROUTES, route_row, "reading routes")
EACH(trip, store_gtfs_trip, GS_TRIPS, trip_row, "reading trips")
EACH(stop_time, store_gtfs_stop_time, GS_STOP_TIMES, stop_time_row, "reading stop times")
EACH(calendar, store_gtfs_calendar, GS_CALENDARS, calendar_row, "reading calendars")
EACH(calendar_date, store_gtfs_calendar_date, GS_CALENDAR_DATES, calendar_date_row,
     "reading calendar dates")
EACH(frequency, store_gtfs_frequency, GS_FREQUENCIES, frequency_row, "reading frequencies")

enum status store_gtfs_has_rows(struct store *s, int *yes)
{
	long long v;
	enum status rc = store_gtfs_step_int(s, gstmt(s, GS_HAS_ROWS), &v, "looking for timetables");

	*yes = v != 0;
	return rc;
}

enum status store_gtfs_name_count(struct store *s, long long *count)
{
	return store_gtfs_step_int(s, gstmt(s, GS_NAME_MAX), count, "counting timetable ids");
}

void store_gtfs_name(struct store *s, long long id, char *out, size_t outlen)
{
	sqlite3_stmt *st = gstmt(s, GS_NAME_TEXT);

	out[0] = '\0';
	if (!st)
		return;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && text_at(st, 0))
		snprintf(out, outlen, "%s", text_at(st, 0));
	sqlite3_reset(st);
}

void store_gtfs_source_name(struct store *s, long long source_id, char *out, size_t outlen)
{
	sqlite3_stmt *st = gstmt(s, GS_SOURCE_NAME);

	snprintf(out, outlen, "(file %lld)", source_id);
	if (!st)
		return;
	sqlite3_bind_int64(st, 1, source_id);
	if (sqlite3_step(st) == SQLITE_ROW && text_at(st, 0))
		snprintf(out, outlen, "%s", text_at(st, 0));
	sqlite3_reset(st);
}

enum status store_gtfs_feed_dates(struct store *s, long long source_id, char start[11],
				  char end[11])
{
	sqlite3_stmt *st = gstmt(s, GS_FEED_DATES);
	int rc;

	start[0] = end[0] = '\0';
	if (!st)
		return store_db_fail(s, "reading a feed's dates");
	sqlite3_bind_int64(st, 1, source_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (text_at(st, 0))
			snprintf(start, 11, "%s", text_at(st, 0));
		if (text_at(st, 1))
			snprintf(end, 11, "%s", text_at(st, 1));
	}
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STATUS_OK :
	       store_db_fail(s, "reading a feed's dates");
}

