/*
 * store_gtfs.c - the store's timetable tables (see store_gtfs.h): GTFS
 * records in, rows out for the timetable step, rejections, the packed
 * timetable's bytes.
 *
 * Design notes. A region's feed has about a million stop times, each
 * naming a trip and a stop by id (a BODS trip id is some forty characters).
 * Kept as text they would make the store several times bigger, so each id
 * is given a number once (gtfs_name) and rows hold numbers. The numbers
 * given out are kept in memory in an open-addressing table, so a stop time
 * costs two look-ups there and one insert; on a store that already had
 * names (careers import), a name not in memory is looked up in the table
 * before a new number is given. After a rollback the numbers in memory may
 * name nothing: store_gtfs_forget() drops them.
 *
 * Rejections found by the timetable step wait in a temporary table and are
 * applied in a few statements at the end: the rows deleted, the first
 * 1000 per file recorded, the files' counts corrected. Reading the tables
 * back is in store_gtfs_rows.c.
 */
#include "store_gtfs.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "store_int.h"

enum name_kind { NAME_STOP = 1, NAME_ROUTE, NAME_TRIP, NAME_SERVICE, NAME_AGENCY };

#define GTFS_STMT_INFO(_) \
	_(FEED_FIND, "SELECT id FROM gtfs_feed WHERE path = ?1") \
	_(FEED_ADD, "INSERT INTO gtfs_feed(path) VALUES (?1)") \
	_(NAME_FIND, "SELECT id FROM gtfs_name WHERE feed = ?1 AND kind = ?2 AND name = ?3") \
	_(NAME_ADD, "INSERT INTO gtfs_name(feed, kind, name) VALUES (?1, ?2, ?3)") \
	_(NAME_ANY, "SELECT EXISTS (SELECT 1 FROM gtfs_name)") \
	_(FEED_INFO, \
	  "INSERT INTO gtfs_feed_info(feed, publisher, url, lang, version, start_date, end_date, " \
	  "source_id, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	_(AGENCY, \
	  "INSERT INTO gtfs_agency(agency, feed, name, url, timezone, phone, noc, source_id, line) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	_(STOP, \
	  "INSERT INTO gtfs_stop(stop, feed, code, name, lat, lon, location_type, parent, platform, " \
	  "source_id, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)") \
	_(ROUTE, \
	  "INSERT INTO gtfs_route(route, feed, agency, short_name, long_name, type, source_id, line) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") \
	_(TRIP, \
	  "INSERT INTO gtfs_trip(trip, route, service, headsign, block, vehicle_journey_code, " \
	  "direction, source_id, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	_(STOP_TIME, \
	  "INSERT OR IGNORE INTO gtfs_stop_time(trip, sequence, stop, arrival, departure, pickup, " \
	  "dropoff, source_id, line) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)") \
	_(CALENDAR, \
	  "INSERT INTO gtfs_calendar(service, feed, days, start_date, end_date, source_id, line) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
	_(CALENDAR_DATE, \
	  "INSERT INTO gtfs_calendar_date(service, date, exception_type, source_id, line) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5)") \
	_(FREQUENCY, \
	  "INSERT INTO gtfs_frequency(trip, start, end, headway, exact, source_id, line) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)") \
	_(NAPTAN, \
	  "INSERT INTO naptan_stop(atco, naptan_code, name, indicator, street, locality, lat, lon, " \
	  "status, source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) " \
	  "ON CONFLICT(atco) DO UPDATE SET naptan_code = excluded.naptan_code, " \
	  "name = excluded.name, indicator = excluded.indicator, street = excluded.street, " \
	  "locality = excluded.locality, lat = excluded.lat, lon = excluded.lon, " \
	  "status = excluded.status, source_id = excluded.source_id") \
	_(REJECT, \
	  "INSERT INTO temp.gtfs_rejected(tab, source_id, line, field, message) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5)") \
	_(TIMETABLE_GET, "SELECT id, length(data) FROM timetable_pack ORDER BY id DESC LIMIT 1") \
	_(TIMETABLE_ROOM, "INSERT INTO timetable_pack(data) VALUES (zeroblob(?1))")

enum gtfs_stmt {
#define GTFS_STMT_ENUM(id, sql) GS_##id,
	GTFS_STMT_INFO(GTFS_STMT_ENUM)
#undef GTFS_STMT_ENUM
	GS_COUNT
};

static const char *const gtfs_sql[] = {
#define GTFS_STMT_SQL(id, sql) sql,
	GTFS_STMT_INFO(GTFS_STMT_SQL)
#undef GTFS_STMT_SQL
};

/* The tables rejections can delete from, in enum store_gtfs_table order. */
static const char *const table_names[STORE_GTFS_TABLES] = {
	"gtfs_feed_info", "gtfs_agency", "gtfs_stop", "gtfs_route", "gtfs_trip",
	"gtfs_stop_time", "gtfs_calendar", "gtfs_calendar_date", "gtfs_frequency",
};

struct name_slot {
	long long id;			/* 0: empty */
	long long feed;
	uint32_t hash;
	int kind;
	char *name;
};

struct feed_slot {
	char *path;
	long long id;
};

struct store_gtfs {
	sqlite3_stmt *stmt[GS_COUNT];
	sqlite3_stmt *reader[STORE_GTFS_READERS];	/* store_gtfs_rows.c's */
	struct name_slot *names;
	size_t name_cap, name_used;
	int names_complete;		/* -1 unknown; 1: every name is in memory */
	struct feed_slot *feeds;
	size_t feed_count;
	int rejecting;			/* the temporary table is there */
	int touched;			/* a record has been stored */
	void *timetable;		/* store_set_timetable_cache */
	void (*timetable_free)(void *);
};

/* --- statements ------------------------------------------------------------------------- */

static sqlite3_stmt *gstmt(struct store *s, enum gtfs_stmt id)
{
	struct store_gtfs *g = store_gtfs_state(s);

	if (!g->stmt[id]) {
		if (sqlite3_prepare_v3(store_db(s), gtfs_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
				       &g->stmt[id], NULL) != SQLITE_OK)
			return NULL;
	} else {
		sqlite3_reset(g->stmt[id]);
		sqlite3_clear_bindings(g->stmt[id]);
	}
	return g->stmt[id];
}

sqlite3_stmt *store_gtfs_statement(struct store *s, int slot, const char *sql)
{
	struct store_gtfs *g = store_gtfs_state(s);

	if (slot < 0 || slot >= STORE_GTFS_READERS)
		return NULL;
	if (!g->reader[slot]) {
		if (sqlite3_prepare_v3(store_db(s), sql, -1, SQLITE_PREPARE_PERSISTENT,
				       &g->reader[slot], NULL) != SQLITE_OK)
			return NULL;
	} else {
		sqlite3_reset(g->reader[slot]);
		sqlite3_clear_bindings(g->reader[slot]);
	}
	return g->reader[slot];
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_real(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

static void bind_id(sqlite3_stmt *st, int i, long long v)
{
	if (v)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

static void bind_time(sqlite3_stmt *st, int i, int v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int(st, i, v);
}

static enum status step_done(struct store *s, sqlite3_stmt *st, const char *doing)
{
	int rc;

	if (!st)
		return store_db_fail(s, doing);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		enum status failed = store_db_fail(s, doing);

		sqlite3_reset(st);
		return failed;
	}
	sqlite3_reset(st);
	return STATUS_OK;
}

enum status store_gtfs_step_int(struct store *s, sqlite3_stmt *st, long long *out,
				const char *doing)
{
	int rc;

	*out = 0;
	if (!st)
		return store_db_fail(s, doing);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE) {
		enum status failed = store_db_fail(s, doing);

		sqlite3_reset(st);
		return failed;
	}
	sqlite3_reset(st);
	return STATUS_OK;
}

/* --- the per-store state ------------------------------------------------------------------- */

struct store_gtfs *store_gtfs_state(struct store *s)
{
	struct store_gtfs **slot = store_gtfs_slot(s);

	if (!*slot) {
		*slot = xcalloc(1, sizeof(**slot));
		(*slot)->names_complete = -1;
	}
	return *slot;
}

static void forget_names(struct store_gtfs *g)
{
	size_t i;

	for (i = 0; i < g->name_cap; i++)
		free(g->names[i].name);
	free(g->names);
	g->names = NULL;
	g->name_cap = g->name_used = 0;
	g->names_complete = -1;
	for (i = 0; i < g->feed_count; i++)
		free(g->feeds[i].path);
	free(g->feeds);
	g->feeds = NULL;
	g->feed_count = 0;
}

void store_gtfs_forget(struct store *s)
{
	struct store_gtfs **slot = store_gtfs_slot(s);

	if (*slot)
		forget_names(*slot);
}

void store_gtfs_free(struct store_gtfs *g)
{
	int i;

	if (!g)
		return;
	forget_names(g);
	for (i = 0; i < GS_COUNT; i++)
		sqlite3_finalize(g->stmt[i]);
	for (i = 0; i < STORE_GTFS_READERS; i++)
		sqlite3_finalize(g->reader[i]);
	if (g->timetable && g->timetable_free)
		g->timetable_free(g->timetable);
	free(g);
}

void store_set_timetable_cache(struct store *s, void *data, void (*free_fn)(void *))
{
	struct store_gtfs *g = store_gtfs_state(s);

	if (g->timetable && g->timetable_free)
		g->timetable_free(g->timetable);
	g->timetable = data;
	g->timetable_free = free_fn;
}

void *store_timetable_cache(const struct store *s)
{
	struct store_gtfs *const *slot = store_gtfs_slot((struct store *)s);

	return *slot ? (*slot)->timetable : NULL;
}

/* --- names ------------------------------------------------------------------------------ */

static uint32_t hash_name(long long feed, int kind, const char *name)
{
	uint32_t h = 2166136261u ^ (uint32_t)feed ^ ((uint32_t)kind << 24);

	while (*name)
		h = (h ^ (unsigned char)*name++) * 16777619u;
	return h;
}

static void grow_names(struct store_gtfs *g)
{
	struct name_slot *old = g->names;
	size_t old_cap = g->name_cap, i;

	g->name_cap = old_cap ? old_cap * 2 : 4096;
	g->names = xcalloc(g->name_cap, sizeof(*g->names));
	for (i = 0; i < old_cap; i++) {
		size_t k;

		if (!old[i].id)
			continue;
		for (k = old[i].hash & (g->name_cap - 1); g->names[k].id; k = (k + 1) & (g->name_cap - 1))
			;
		g->names[k] = old[i];
	}
	free(old);
}

/* The number for a name, given out now if it has none. */
static enum status name_id(struct store *s, long long feed, int kind, const char *name,
			   long long *out)
{
	struct store_gtfs *g = store_gtfs_state(s);
	uint32_t h;
	size_t k;
	sqlite3_stmt *st;
	enum status rc;
	long long id = 0;

	*out = 0;
	if (!name)
		return STATUS_OK;
	if (g->names_complete < 0) {
		long long any;

		if ((rc = store_gtfs_step_int(s, gstmt(s, GS_NAME_ANY), &any, "reading timetable ids")) != STATUS_OK)
			return rc;
		g->names_complete = !any;
	}
	if (g->name_used * 2 >= g->name_cap)
		grow_names(g);
	h = hash_name(feed, kind, name);
	for (k = h & (g->name_cap - 1); g->names[k].id; k = (k + 1) & (g->name_cap - 1))
		if (g->names[k].hash == h && g->names[k].feed == feed && g->names[k].kind == kind &&
		    strcmp(g->names[k].name, name) == 0) {
			*out = g->names[k].id;
			return STATUS_OK;
		}
	if (!g->names_complete) {
		st = gstmt(s, GS_NAME_FIND);
		if (st) {
			sqlite3_bind_int64(st, 1, feed);
			sqlite3_bind_int(st, 2, kind);
			bind_text(st, 3, name);
		}
		if ((rc = store_gtfs_step_int(s, st, &id, "reading timetable ids")) != STATUS_OK)
			return rc;
	}
	if (!id) {
		st = gstmt(s, GS_NAME_ADD);
		if (st) {
			sqlite3_bind_int64(st, 1, feed);
			sqlite3_bind_int(st, 2, kind);
			bind_text(st, 3, name);
		}
		if ((rc = step_done(s, st, "numbering timetable ids")) != STATUS_OK)
			return rc;
		id = sqlite3_last_insert_rowid(store_db(s));
	}
	g->names[k].id = id;
	g->names[k].feed = feed;
	g->names[k].kind = kind;
	g->names[k].hash = h;
	g->names[k].name = xstrdup(name);
	g->name_used++;
	*out = id;
	return STATUS_OK;
}

static enum status feed_id(struct store *s, const char *path, long long *out)
{
	struct store_gtfs *g = store_gtfs_state(s);
	sqlite3_stmt *st;
	enum status rc;
	size_t i;

	for (i = 0; i < g->feed_count; i++)
		if (strcmp(g->feeds[i].path, path) == 0) {
			*out = g->feeds[i].id;
			return STATUS_OK;
		}
	st = gstmt(s, GS_FEED_FIND);
	if (st)
		bind_text(st, 1, path);
	if ((rc = store_gtfs_step_int(s, st, out, "finding a timetable feed")) != STATUS_OK)
		return rc;
	if (!*out) {
		st = gstmt(s, GS_FEED_ADD);
		if (st)
			bind_text(st, 1, path);
		if ((rc = step_done(s, st, "adding a timetable feed")) != STATUS_OK)
			return rc;
		*out = sqlite3_last_insert_rowid(store_db(s));
	}
	g->feeds = xrealloc(g->feeds, (g->feed_count + 1) * sizeof(*g->feeds));
	g->feeds[g->feed_count].path = xstrdup(path);
	g->feeds[g->feed_count++].id = *out;
	return STATUS_OK;
}

/* --- records in ---------------------------------------------------------------------------- */

/* The last two bind parameters of every row: its source and line. */
static void bind_origin(struct store *s, sqlite3_stmt *st, int at, unsigned long line)
{
	sqlite3_bind_int64(st, at, store_source_id(s));
	sqlite3_bind_int64(st, at + 1, (long long)line);
}

/* One id a row refers to: its name interned in the feed (0: shared by all feeds, as stops are). */
struct row_name {
	enum name_kind kind;
	int shared;
	const char *name;	/* NULL: none (the id is 0) */
	long long *id;
};

/*
 * The start of storing one row: its feed's id, the ids of the names it
 * refers to, and its statement, ready to bind. NULL with *rc set on failure.
 */
static sqlite3_stmt *row_begin(struct store *s, const char *path, long long *feed,
			       const struct row_name *names, int count, enum gtfs_stmt id,
			       const char *doing, enum status *rc)
{
	sqlite3_stmt *st;
	int i;

	if ((*rc = feed_id(s, path, feed)) != STATUS_OK)
		return NULL;
	for (i = 0; i < count; i++) {
		*names[i].id = 0;
		if (names[i].name && (*rc = name_id(s, names[i].shared ? 0 : *feed, names[i].kind,
						    names[i].name, names[i].id)) != STATUS_OK)
			return NULL;
	}
	if (!(st = gstmt(s, id)))
		*rc = store_db_fail(s, doing);
	return st;
}

static enum status put_feed_info(struct store *s, const struct gtfs_feed_info_rec *r)
{
	long long feed;
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, NULL, 0, GS_FEED_INFO, "storing feed_info",
				     &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, feed);
	bind_text(st, 2, r->publisher);
	bind_text(st, 3, r->url);
	bind_text(st, 4, r->lang);
	bind_text(st, 5, r->version);
	bind_text(st, 6, r->start_date);
	bind_text(st, 7, r->end_date);
	bind_origin(s, st, 8, r->line);
	return step_done(s, st, "storing feed_info");
}

static enum status put_agency(struct store *s, const struct gtfs_agency_rec *r)
{
	long long feed, agency;
	const struct row_name names[] = {
		{ NAME_AGENCY, 0, r->agency_id ? r->agency_id : "", &agency },
	};
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, names, 1, GS_AGENCY, "storing an agency",
				     &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, agency);
	sqlite3_bind_int64(st, 2, feed);
	bind_text(st, 3, r->name);
	bind_text(st, 4, r->url);
	bind_text(st, 5, r->timezone);
	bind_text(st, 6, r->phone);
	bind_text(st, 7, r->noc);
	bind_origin(s, st, 8, r->line);
	return step_done(s, st, "storing an agency");
}

static enum status put_stop(struct store *s, const struct gtfs_stop_rec *r)
{
	long long feed, stop, parent;
	const struct row_name names[] = {
		{ NAME_STOP, 1, r->stop_id, &stop },
		{ NAME_STOP, 1, r->parent_id, &parent },
	};
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, names, 2, GS_STOP, "storing a stop", &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, stop);
	sqlite3_bind_int64(st, 2, feed);
	bind_text(st, 3, r->code);
	bind_text(st, 4, r->name);
	bind_real(st, 5, r->lat);
	bind_real(st, 6, r->lon);
	sqlite3_bind_int(st, 7, r->location_type);
	bind_id(st, 8, parent);
	bind_text(st, 9, r->platform);
	bind_origin(s, st, 10, r->line);
	return step_done(s, st, "storing a stop");
}

static enum status put_route(struct store *s, const struct gtfs_route_rec *r)
{
	long long feed, route, agency;
	const struct row_name names[] = {
		{ NAME_ROUTE, 0, r->route_id, &route },
		{ NAME_AGENCY, 0, r->agency_id, &agency },
	};
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, names, 2, GS_ROUTE, "storing a route", &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, route);
	sqlite3_bind_int64(st, 2, feed);
	bind_id(st, 3, agency);
	bind_text(st, 4, r->short_name);
	bind_text(st, 5, r->long_name);
	sqlite3_bind_int(st, 6, r->type);
	bind_origin(s, st, 7, r->line);
	return step_done(s, st, "storing a route");
}

static enum status put_trip(struct store *s, const struct gtfs_trip_rec *r)
{
	long long feed, trip, route, service;
	const struct row_name names[] = {
		{ NAME_TRIP, 0, r->trip_id, &trip },
		{ NAME_ROUTE, 0, r->route_id, &route },
		{ NAME_SERVICE, 0, r->service_id, &service },
	};
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, names, 3, GS_TRIP, "storing a trip", &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, trip);
	sqlite3_bind_int64(st, 2, route);
	sqlite3_bind_int64(st, 3, service);
	bind_text(st, 4, r->headsign);
	bind_text(st, 5, r->block_id);
	bind_text(st, 6, r->vehicle_journey_code);
	if (r->direction >= 0)
		sqlite3_bind_int(st, 7, r->direction);
	bind_origin(s, st, 8, r->line);
	return step_done(s, st, "storing a trip");
}

static enum status put_stop_time(struct store *s, const struct gtfs_stop_time_rec *r)
{
	long long feed, trip, stop;
	const struct row_name names[] = {
		{ NAME_TRIP, 0, r->trip_id, &trip },
		{ NAME_STOP, 1, r->stop_id, &stop },
	};
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, names, 2, GS_STOP_TIME,
				     "storing a stop time", &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, trip);
	sqlite3_bind_int64(st, 2, r->sequence);
	sqlite3_bind_int64(st, 3, stop);
	bind_time(st, 4, r->arrival);
	bind_time(st, 5, r->departure);
	sqlite3_bind_int(st, 6, r->pickup);
	sqlite3_bind_int(st, 7, r->dropoff);
	bind_origin(s, st, 8, r->line);
	return step_done(s, st, "storing a stop time");
}

static enum status put_calendar(struct store *s, const struct gtfs_calendar_rec *r)
{
	long long feed, service;
	const struct row_name names[] = { { NAME_SERVICE, 0, r->service_id, &service } };
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, names, 1, GS_CALENDAR,
				     "storing a calendar", &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, service);
	sqlite3_bind_int64(st, 2, feed);
	sqlite3_bind_int(st, 3, (int)r->days);
	bind_text(st, 4, r->start_date);
	bind_text(st, 5, r->end_date);
	bind_origin(s, st, 6, r->line);
	return step_done(s, st, "storing a calendar");
}

static enum status put_calendar_date(struct store *s, const struct gtfs_calendar_date_rec *r)
{
	long long feed, service;
	const struct row_name names[] = { { NAME_SERVICE, 0, r->service_id, &service } };
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, names, 1, GS_CALENDAR_DATE,
				     "storing a calendar date", &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, service);
	bind_text(st, 2, r->date);
	sqlite3_bind_int(st, 3, r->exception_type);
	bind_origin(s, st, 4, r->line);
	return step_done(s, st, "storing a calendar date");
}

static enum status put_frequency(struct store *s, const struct gtfs_frequency_rec *r)
{
	long long feed, trip;
	const struct row_name names[] = { { NAME_TRIP, 0, r->trip_id, &trip } };
	enum status rc;
	sqlite3_stmt *st = row_begin(s, r->feed, &feed, names, 1, GS_FREQUENCY,
				     "storing a frequency", &rc);

	if (!st)
		return rc;
	sqlite3_bind_int64(st, 1, trip);
	sqlite3_bind_int(st, 2, r->start);
	sqlite3_bind_int(st, 3, r->end);
	sqlite3_bind_int(st, 4, r->headway);
	sqlite3_bind_int(st, 5, r->exact);
	bind_origin(s, st, 6, r->line);
	return step_done(s, st, "storing a frequency");
}

static enum status put_naptan(struct store *s, const struct naptan_stop_rec *r)
{
	sqlite3_stmt *st = gstmt(s, GS_NAPTAN);

	if (!st)
		return store_db_fail(s, "storing a NaPTAN stop");
	bind_text(st, 1, r->atco);
	bind_text(st, 2, r->naptan_code);
	bind_text(st, 3, r->name);
	bind_text(st, 4, r->indicator);
	bind_text(st, 5, r->street);
	bind_text(st, 6, r->locality);
	bind_real(st, 7, r->lat);
	bind_real(st, 8, r->lon);
	bind_text(st, 9, r->status);
	sqlite3_bind_int64(st, 10, store_source_id(s));
	return step_done(s, st, "storing a NaPTAN stop");
}

int store_gtfs_touched(struct store *s)
{
	struct store_gtfs **slot = store_gtfs_slot(s);

	return *slot && (*slot)->touched;
}

enum status store_gtfs_put(struct store *s, enum record_kind kind, const void *record)
{
	store_gtfs_state(s)->touched = 1;
	switch (kind) {
	case RECORD_GTFS_FEED_INFO:
		return put_feed_info(s, record);
	case RECORD_GTFS_AGENCY:
		return put_agency(s, record);
	case RECORD_GTFS_STOP:
		return put_stop(s, record);
	case RECORD_GTFS_ROUTE:
		return put_route(s, record);
	case RECORD_GTFS_TRIP:
		return put_trip(s, record);
	case RECORD_GTFS_STOP_TIME:
		return put_stop_time(s, record);
	case RECORD_GTFS_CALENDAR:
		return put_calendar(s, record);
	case RECORD_GTFS_CALENDAR_DATE:
		return put_calendar_date(s, record);
	case RECORD_GTFS_FREQUENCY:
		return put_frequency(s, record);
	case RECORD_NAPTAN_STOP:
		return put_naptan(s, record);
	default:
		return store_fail(s, STATUS_USAGE, "not a timetable record");
	}
}

/* --- rejections ------------------------------------------------------------------------------ */

enum status store_gtfs_reject(struct store *s, enum store_gtfs_table table,
			      struct store_gtfs_origin at, const char *field, const char *message)
{
	struct store_gtfs *g = store_gtfs_state(s);
	sqlite3_stmt *st;
	enum status rc;

	if (!g->rejecting) {
		rc = store_exec(s, "CREATE TEMP TABLE IF NOT EXISTS gtfs_rejected (tab INTEGER, "
			       "source_id INTEGER, line INTEGER, field TEXT, message TEXT); "
			       "DELETE FROM temp.gtfs_rejected", "noting rejected rows");
		if (rc != STATUS_OK)
			return rc;
		g->rejecting = 1;
	}
	if (!(st = gstmt(s, GS_REJECT)))
		return store_db_fail(s, "noting a rejected row");
	sqlite3_bind_int(st, 1, (int)table);
	sqlite3_bind_int64(st, 2, at.source_id);
	sqlite3_bind_int64(st, 3, at.line);
	bind_text(st, 4, field);
	bind_text(st, 5, message);
	return step_done(s, st, "noting a rejected row");
}

enum status store_gtfs_rejections_apply(struct store *s)
{
	struct store_gtfs *g = store_gtfs_state(s);
	enum status rc;
	int t;

	if (!g->rejecting)
		return STATUS_OK;
	rc = store_exec(s,
		"CREATE INDEX temp.gtfs_rejected_at ON gtfs_rejected(tab, source_id, line);"
		"UPDATE source_file SET rows_loaded = max(rows_loaded - r.n, 0), "
		"rows_rejected = rows_rejected + r.n FROM (SELECT source_id, count(*) AS n "
		"FROM temp.gtfs_rejected GROUP BY source_id) AS r WHERE source_file.id = r.source_id;"
		"INSERT INTO rejected_row(source_id, line, location, field, message) "
		"SELECT x.source_id, x.line, NULL, x.field, x.message FROM (SELECT g.*, "
		"row_number() OVER (PARTITION BY g.source_id ORDER BY g.line, g.rowid) AS k "
		"FROM temp.gtfs_rejected g) AS x LEFT JOIN (SELECT source_id, count(*) AS kept "
		"FROM rejected_row GROUP BY source_id) AS r ON r.source_id = x.source_id "
		"WHERE x.k + coalesce(r.kept, 0) <= 1000;",
		"recording rejected rows");
	for (t = 0; t < STORE_GTFS_TABLES && rc == STATUS_OK; t++) {
		char sql[400];

		snprintf(sql, sizeof(sql),
			 "DELETE FROM %s WHERE EXISTS (SELECT 1 FROM temp.gtfs_rejected g WHERE "
			 "g.tab = %d AND g.source_id = %s.source_id AND g.line = %s.line) AND "
			 "EXISTS (SELECT 1 FROM temp.gtfs_rejected WHERE tab = %d)",
			 table_names[t], t, table_names[t], table_names[t], t);
		rc = store_exec(s, sql, "removing rejected rows");
	}
	if (rc == STATUS_OK)
		rc = store_exec(s, "DROP TABLE temp.gtfs_rejected", "removing rejected rows");
	g->rejecting = 0;
	return rc;
}

/* --- the packed timetable ---------------------------------------------------------------------- */

enum status store_timetable_remove(struct store *s)
{
	return store_exec(s, "DELETE FROM timetable_pack", "removing the timetable");
}

enum status store_timetable_open_write(struct store *s, size_t size, struct store_blob **out)
{
	sqlite3_stmt *st;
	enum status rc = store_exec(s, "DELETE FROM timetable_pack", "replacing the timetable");

	*out = NULL;
	if (rc != STATUS_OK)
		return rc;
	if (!(st = gstmt(s, GS_TIMETABLE_ROOM)))
		return store_db_fail(s, "saving the timetable");
	sqlite3_bind_int64(st, 1, (sqlite3_int64)size);
	if ((rc = step_done(s, st, "saving the timetable")) != STATUS_OK)
		return rc;
	return store_blob_open(s, "timetable_pack", sqlite3_last_insert_rowid(store_db(s)), 1, out);
}

enum status store_timetable_open(struct store *s, struct store_blob **out, size_t *size)
{
	sqlite3_stmt *st = gstmt(s, GS_TIMETABLE_GET);
	long long id;
	int rc;

	*out = NULL;
	*size = 0;
	if (!st)
		return store_db_fail(s, "reading the timetable");
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return STATUS_NOT_FOUND;
	}
	if (rc != SQLITE_ROW) {
		enum status failed = store_db_fail(s, "reading the timetable");

		sqlite3_reset(st);
		return failed;
	}
	id = sqlite3_column_int64(st, 0);
	*size = (size_t)sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return store_blob_open(s, "timetable_pack", id, 0, out);
}
