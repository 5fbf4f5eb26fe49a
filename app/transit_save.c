/*
 * transit_save.c - the timetable step: check the timetable tables as a
 * whole, reject what is wrong, pack the rest (see transit_save.h).
 *
 * Design notes. Every id is a number by now (store_gtfs.h), so what is
 * known about each is kept in arrays indexed by that number: `state` says
 * whether a name was seen in its own file (1) or rejected there (2), `pack`
 * what it became. Files are read in the order their references need:
 * feeds, stops, agencies, routes, calendars and calendar dates (services),
 * trips, frequencies, and last the stop times, a trip at a time in
 * sequence order, each trip checked and turned into hops. Stops and trips
 * go into the timetable only when a stop time uses them.
 */
#include "transit_save.h"

#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mem.h"
#include "schoolyear.h"
#include "store_gtfs.h"
#include "transit.h"

#define SHOWN_PER_FILE 10	/* rejections printed for each file */
#define KEPT_PER_FILE 1000	/* and kept (store.c keeps as many) */
#define MAX_INSTANCES 2000	/* runs of one frequencies.txt row */

enum { UNSEEN, SEEN, REJECTED };

struct stop_info {
	double lat, lon;
	char *name;
	long long parent, feed;
	uint32_t pack;
	struct store_gtfs_origin at;
};

struct trip_info {
	uint32_t route, service;
	char *headsign;
};

struct calendar {
	long long service, feed;
	unsigned days;
	long first, last;
	struct store_gtfs_origin at;
};

struct exception {
	long long service;
	long day;
	int type;
	struct store_gtfs_origin at;
};

struct agency {
	long long agency;
	char *name;
};

struct source_count {
	long long id;
	unsigned long count;
	char name[512];
};

struct row {
	long long sequence, stop;
	int arr, dep, pickup, dropoff;
	int dropped;
	struct store_gtfs_origin at;
};

struct saver {
	struct store *s;
	FILE *err;
	enum status rc;
	long long names;
	unsigned char *state;		/* per name */
	uint32_t *pack;			/* per name: what it became (or TRANSIT_NONE) */
	struct stop_info *stops;	/* per name (stops only) */
	struct transit_builder *b;
	struct trip_info *trips;
	uint32_t trip_count;
	struct agency *agencies;
	size_t agency_count;
	struct calendar *calendars;
	size_t calendar_count;
	struct exception *exceptions;
	size_t exception_count;
	struct store_gtfs_frequency *frequencies;
	size_t frequency_count;
	struct source_count *sources;
	size_t source_count;
	unsigned long rejected, stop_times;
	/* the feeds */
	long long *feed_ids;
	long *feed_first, *feed_last;
	size_t feed_count;
	/* the trip whose stop times are being read */
	long long trip;
	struct row *rows;
	size_t row_count, row_alloc;
	/* previous row read, for duplicates */
	long long last_id, last_key;
	long last_day;
	struct store_gtfs_origin last_at;
};

/* --- words ------------------------------------------------------------------------------ */

static struct source_count *source_of(struct saver *sv, long long id)
{
	size_t i;

	for (i = 0; i < sv->source_count; i++)
		if (sv->sources[i].id == id)
			return &sv->sources[i];
	sv->sources = xrealloc(sv->sources, (sv->source_count + 1) * sizeof(*sv->sources));
	sv->sources[i].id = id;
	sv->sources[i].count = 0;
	store_gtfs_source_name(sv->s, id, sv->sources[i].name, sizeof(sv->sources[i].name));
	sv->source_count++;
	return &sv->sources[i];
}

/* Is this file's next rejection still one to say in words (printed or kept)? */
static int worded(struct saver *sv, struct store_gtfs_origin at)
{
	return source_of(sv, at.source_id)->count < KEPT_PER_FILE;
}

static void reject(struct saver *sv, enum store_gtfs_table table, struct store_gtfs_origin at,
		   const char *field, const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void reject(struct saver *sv, enum store_gtfs_table table, struct store_gtfs_origin at,
		   const char *field, const char *fmt, ...)
{
	struct source_count *src = source_of(sv, at.source_id);
	char message[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (src->count++ < SHOWN_PER_FILE)
		fprintf(sv->err, "%s:%lld: %s: %s\n", src->name, at.line, field, message);
	sv->rejected++;
	if (sv->rc == STATUS_OK)
		sv->rc = store_gtfs_reject(sv->s, table, at, field, message);
}

/* A name's text, for a message ("?" once the file has had its fill of them). */
static const char *name_of(struct saver *sv, long long id, struct store_gtfs_origin at, char *buf,
			   size_t buflen)
{
	if (!worded(sv, at)) {
		snprintf(buf, buflen, "?");
		return buf;
	}
	store_gtfs_name(sv->s, id, buf, buflen);
	return buf;
}

static void clock_words(int seconds, char out[16])
{
	if (seconds < 0)
		snprintf(out, 16, "no time");
	else
		snprintf(out, 16, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

/* An ISO date as a day count; LONG_MIN when not a date. */
static long day_of(const char *iso)
{
	struct civil_date d;

	return iso && date_parse(iso, &d) ? date_days(d) : LONG_MIN;
}

/* --- feeds and stops ---------------------------------------------------------------------- */

static int take_feed(void *ctx, const struct store_gtfs_feed *f)
{
	struct saver *sv = ctx;
	size_t i = sv->feed_count;

	if (i && sv->feed_ids[i - 1] == f->id) {
		/* A second feed_info row: the first one stands. */
		reject(sv, STORE_GTFS_FEED_INFO, f->at, "feed_publisher_name",
		       "feed_info.txt has one row; this is another (the first is used)");
		return 0;
	}
	sv->feed_ids = xrealloc(sv->feed_ids, (i + 1) * sizeof(*sv->feed_ids));
	sv->feed_first = xrealloc(sv->feed_first, (i + 1) * sizeof(*sv->feed_first));
	sv->feed_last = xrealloc(sv->feed_last, (i + 1) * sizeof(*sv->feed_last));
	sv->feed_ids[i] = f->id;
	sv->feed_first[i] = day_of(f->start_date);
	sv->feed_last[i] = day_of(f->end_date);
	sv->feed_count++;
	/* Kept until the calendars have been read, for feeds that do not say. */
	transit_builder_feed(sv->b, f->path, f->publisher ? f->publisher : "", LONG_MIN, LONG_MIN);
	return 0;
}

/* A NaPTAN indicator worth saying: the stand or bay of a bus station. */
static int stand_like(const char *indicator)
{
	static const char *const words[] = { "stand", "stance", "bay", "platform", "gate", "stop " };
	size_t i;

	if (!indicator)
		return 0;
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (strncasecmp(indicator, words[i], strlen(words[i])) == 0)
			return 1;
	return 0;
}

static int take_stop(void *ctx, const struct store_gtfs_stop *x)
{
	struct saver *sv = ctx;
	struct stop_info *info;
	const char *name;

	if (x->stop <= 0 || x->stop > sv->names)
		return 0;
	info = &sv->stops[x->stop];
	if (sv->state[x->stop] == SEEN) {
		char id[128];

		if (info->feed == x->feed) {
			reject(sv, STORE_GTFS_STOP, x->at, "stop_id",
			       "stop_id %s is already in stops.txt (line %lld)",
			       name_of(sv, x->stop, x->at, id, sizeof(id)), info->at.line);
			return 0;
		}
		/* The same stop in another feed: it may know where it is. */
		if (isnan(info->lat) && !isnan(x->lat)) {
			info->lat = x->lat;
			info->lon = x->lon;
		}
		return 0;
	}
	sv->state[x->stop] = SEEN;
	info->feed = x->feed;
	info->at = x->at;
	info->parent = x->parent;
	info->lat = x->lat;
	info->lon = x->lon;
	if (isnan(info->lat) || isnan(info->lon)) {
		info->lat = x->naptan_lat;
		info->lon = x->naptan_lon;
	}
	name = x->name && *x->name ? x->name : x->naptan_name && *x->naptan_name ? x->naptan_name :
	       x->stop_id;
	info->name = stand_like(x->naptan_indicator) ?
		     xasprintf("%s, %s", name, x->naptan_indicator) : xstrdup(name ? name : "");
	return 0;
}

/* A stop without a place of its own takes its station's. */
static void place_from_stations(struct saver *sv)
{
	long long i;

	for (i = 1; i <= sv->names; i++) {
		struct stop_info *info = &sv->stops[i];
		long long p = info->parent;

		if (sv->state[i] == SEEN && isnan(info->lat) && p > 0 && p <= sv->names &&
		    sv->state[p] == SEEN && !isnan(sv->stops[p].lat)) {
			info->lat = sv->stops[p].lat;
			info->lon = sv->stops[p].lon;
		}
	}
}

static uint32_t pack_stop(struct saver *sv, long long stop)
{
	struct stop_info *info = &sv->stops[stop];

	if (info->pack == TRANSIT_NONE)
		info->pack = transit_builder_stop(sv->b, info->lat, info->lon, info->name);
	return info->pack;
}

/* --- agencies and routes -------------------------------------------------------------------- */

static int take_agency(void *ctx, const struct store_gtfs_agency *x)
{
	struct saver *sv = ctx;

	if (x->agency <= 0 || x->agency > sv->names)
		return 0;
	if (sv->state[x->agency] == SEEN) {
		char id[128];

		reject(sv, STORE_GTFS_AGENCY, x->at, "agency_id",
		       "agency_id %s is already in agency.txt",
		       name_of(sv, x->agency, x->at, id, sizeof(id)));
		return 0;
	}
	sv->state[x->agency] = SEEN;
	sv->agencies = xrealloc(sv->agencies, (sv->agency_count + 1) * sizeof(*sv->agencies));
	sv->agencies[sv->agency_count].agency = x->agency;
	sv->agencies[sv->agency_count++].name = xstrdup(x->name ? x->name : "");
	return 0;
}

static const char *agency_name(const struct saver *sv, long long agency)
{
	size_t i;

	for (i = 0; i < sv->agency_count; i++)
		if (sv->agencies[i].agency == agency)
			return sv->agencies[i].name;
	return "";
}

static int take_route(void *ctx, const struct store_gtfs_route *x)
{
	struct saver *sv = ctx;
	char id[128];

	if (x->route <= 0 || x->route > sv->names)
		return 0;
	if (sv->state[x->route] != UNSEEN) {
		reject(sv, STORE_GTFS_ROUTE, x->at, "route_id", "route_id %s is already in routes.txt",
		       name_of(sv, x->route, x->at, id, sizeof(id)));
		return 0;
	}
	if (x->agency > 0 && x->agency <= sv->names && sv->state[x->agency] != SEEN) {
		sv->state[x->route] = REJECTED;
		reject(sv, STORE_GTFS_ROUTE, x->at, "agency_id", "agency_id %s is not in agency.txt",
		       name_of(sv, x->agency, x->at, id, sizeof(id)));
		return 0;
	}
	sv->state[x->route] = SEEN;
	sv->pack[x->route] = transit_builder_route(sv->b, x->short_name, x->long_name,
						   agency_name(sv, x->agency), x->type);
	return 0;
}

/* --- services ------------------------------------------------------------------------------- */

static int take_calendar(void *ctx, const struct store_gtfs_calendar *x)
{
	struct saver *sv = ctx;
	struct calendar *c;

	if (sv->calendar_count && sv->calendars[sv->calendar_count - 1].service == x->service) {
		char id[128];

		reject(sv, STORE_GTFS_CALENDAR, x->at, "service_id",
		       "service_id %s is already in calendar.txt (line %lld)",
		       name_of(sv, x->service, x->at, id, sizeof(id)),
		       sv->calendars[sv->calendar_count - 1].at.line);
		return 0;
	}
	sv->calendars = xrealloc(sv->calendars, (sv->calendar_count + 1) * sizeof(*sv->calendars));
	c = &sv->calendars[sv->calendar_count++];
	c->service = x->service;
	c->feed = x->feed;
	c->days = x->days & 127;
	c->first = day_of(x->start_date);
	c->last = day_of(x->end_date);
	c->at = x->at;
	return 0;
}

static int take_calendar_date(void *ctx, const struct store_gtfs_calendar_date *x)
{
	struct saver *sv = ctx;
	struct exception *e;
	long day = day_of(x->date);

	if (sv->exception_count && sv->exceptions[sv->exception_count - 1].service == x->service &&
	    sv->exceptions[sv->exception_count - 1].day == day) {
		char id[128];

		reject(sv, STORE_GTFS_CALENDAR_DATE, x->at, "date",
		       "service_id %s already has %s in calendar_dates.txt (line %lld)",
		       name_of(sv, x->service, x->at, id, sizeof(id)), x->date,
		       sv->exceptions[sv->exception_count - 1].at.line);
		return 0;
	}
	sv->exceptions = xrealloc(sv->exceptions, (sv->exception_count + 1) * sizeof(*sv->exceptions));
	e = &sv->exceptions[sv->exception_count++];
	e->service = x->service;
	e->day = day;
	e->type = x->exception_type;
	e->at = x->at;
	return 0;
}

/* Does a weekly pattern fall on any day from first to last? */
static int pattern_runs(unsigned days, long first, long last)
{
	long d;

	if (first == LONG_MIN || last == LONG_MIN || last < first || !days)
		return 0;
	if (last - first >= 6)
		return 1;
	for (d = first; d <= last; d++)
		if (days & (1u << (((d + 3) % 7 + 7) % 7)))
			return 1;
	return 0;
}

static void widen_feed(struct saver *sv, long long feed, long first, long last)
{
	size_t i;

	for (i = 0; i < sv->feed_count; i++) {
		if (sv->feed_ids[i] != feed)
			continue;
		if (first != LONG_MIN && (sv->feed_first[i] == LONG_MIN || first < sv->feed_first[i]))
			sv->feed_first[i] = first;
		if (last != LONG_MIN && (sv->feed_last[i] == LONG_MIN || last > sv->feed_last[i]))
			sv->feed_last[i] = last;
	}
}

/* Each service once: its calendar row (if any), its dates, and a check that it ever runs. */
static void make_services(struct saver *sv)
{
	size_t c = 0, e = 0, k;
	long long *said = xcalloc(sv->feed_count ? sv->feed_count : 1, sizeof(*said));

	/* Feeds with feed_info dates keep them; the others learn theirs from their calendars. */
	for (k = 0; k < sv->feed_count; k++)
		said[k] = sv->feed_first[k] != LONG_MIN || sv->feed_last[k] != LONG_MIN;
	while (c < sv->calendar_count || e < sv->exception_count) {
		long long service = c < sv->calendar_count &&
				    (e >= sv->exception_count ||
				     sv->calendars[c].service <= sv->exceptions[e].service) ?
				    sv->calendars[c].service : sv->exceptions[e].service;
		const struct calendar *cal = c < sv->calendar_count &&
					     sv->calendars[c].service == service ? &sv->calendars[c] : NULL;
		size_t from = e, adds = 0;
		uint32_t pack;
		char id[128];

		while (e < sv->exception_count && sv->exceptions[e].service == service)
			adds += sv->exceptions[e++].type == 1;
		if (cal)
			c++;
		if (service <= 0 || service > sv->names)
			continue;
		if (cal && !adds && !pattern_runs(cal->days, cal->first, cal->last)) {
			sv->state[service] = REJECTED;
			reject(sv, STORE_GTFS_CALENDAR, cal->at, cal->days ? "start_date" : "monday",
			       "service_id %s runs on no day: %s, and calendar_dates.txt adds none",
			       name_of(sv, service, cal->at, id, sizeof(id)),
			       cal->days ? "none of its days of the week falls between start_date and "
			       "end_date" : "monday to sunday are all 0");
			continue;
		}
		if (!cal && !adds) {
			for (k = from; k < e; k++)
				reject(sv, STORE_GTFS_CALENDAR_DATE, sv->exceptions[k].at, "service_id",
				       "service_id %s never runs: it is not in calendar.txt and "
				       "calendar_dates.txt only takes days away",
				       name_of(sv, service, sv->exceptions[k].at, id, sizeof(id)));
			sv->state[service] = REJECTED;
			continue;
		}
		sv->state[service] = SEEN;
		pack = transit_builder_service(sv->b, cal ? cal->days : 0, cal ? cal->first : LONG_MIN,
					       cal ? cal->last : LONG_MIN);
		sv->pack[service] = pack;
		for (k = from; k < e; k++)
			transit_builder_exception(sv->b, pack, sv->exceptions[k].day,
						  sv->exceptions[k].type);
		if (cal) {
			for (k = 0; k < sv->feed_count; k++)
				if (sv->feed_ids[k] == cal->feed && !said[k])
					widen_feed(sv, cal->feed, cal->first, cal->last);
		}
	}
	free(said);
}

/* --- trips and frequencies -------------------------------------------------------------------- */

static int take_trip(void *ctx, const struct store_gtfs_trip *x)
{
	struct saver *sv = ctx;
	struct trip_info *info;
	char id[128];

	if (x->trip <= 0 || x->trip > sv->names)
		return 0;
	if (sv->state[x->trip] != UNSEEN) {
		reject(sv, STORE_GTFS_TRIP, x->at, "trip_id", "trip_id %s is already in trips.txt",
		       name_of(sv, x->trip, x->at, id, sizeof(id)));
		return 0;
	}
	if (x->route <= 0 || x->route > sv->names || sv->state[x->route] != SEEN) {
		sv->state[x->trip] = REJECTED;
		reject(sv, STORE_GTFS_TRIP, x->at, "route_id", "route_id %s %s",
		       name_of(sv, x->route, x->at, id, sizeof(id)),
		       x->route > 0 && x->route <= sv->names && sv->state[x->route] == REJECTED ?
		       "was rejected in routes.txt" : "is not in routes.txt");
		return 0;
	}
	if (x->service <= 0 || x->service > sv->names || sv->state[x->service] != SEEN) {
		sv->state[x->trip] = REJECTED;
		reject(sv, STORE_GTFS_TRIP, x->at, "service_id", "service_id %s %s",
		       name_of(sv, x->service, x->at, id, sizeof(id)),
		       x->service > 0 && x->service <= sv->names && sv->state[x->service] == REJECTED ?
		       "never runs (see its calendar rows)" :
		       "is in neither calendar.txt nor calendar_dates.txt");
		return 0;
	}
	sv->state[x->trip] = SEEN;
	sv->trips = xrealloc(sv->trips, (sv->trip_count + 1) * sizeof(*sv->trips));
	info = &sv->trips[sv->trip_count];
	info->route = sv->pack[x->route];
	info->service = sv->pack[x->service];
	info->headsign = xstrdup(x->headsign ? x->headsign : "");
	sv->pack[x->trip] = sv->trip_count++;
	return 0;
}

static int take_frequency(void *ctx, const struct store_gtfs_frequency *x)
{
	struct saver *sv = ctx;
	char id[128];

	if (x->trip <= 0 || x->trip > sv->names || sv->state[x->trip] != SEEN) {
		reject(sv, STORE_GTFS_FREQUENCY, x->at, "trip_id", "trip_id %s %s",
		       name_of(sv, x->trip, x->at, id, sizeof(id)),
		       x->trip > 0 && x->trip <= sv->names && sv->state[x->trip] == REJECTED ?
		       "was rejected in trips.txt" : "is not in trips.txt");
		return 0;
	}
	sv->frequencies = xrealloc(sv->frequencies,
				   (sv->frequency_count + 1) * sizeof(*sv->frequencies));
	sv->frequencies[sv->frequency_count++] = *x;
	return 0;
}

/* --- stop times, a trip at a time -------------------------------------------------------------- */

static void drop(struct saver *sv, struct row *r, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void drop(struct saver *sv, struct row *r, const char *field, const char *fmt, ...)
{
	char message[400];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	r->dropped = 1;
	reject(sv, STORE_GTFS_STOP_TIME, r->at, field, "%s", message);
}

/* References: the trip, each stop, each sequence once. 0 when nothing is left. */
static int check_references(struct saver *sv, struct row *rows, size_t n)
{
	char id[128];
	size_t i, kept = 0;

	if (sv->trip <= 0 || sv->trip > sv->names || sv->state[sv->trip] != SEEN) {
		int was_rejected = sv->trip > 0 && sv->trip <= sv->names &&
				   sv->state[sv->trip] == REJECTED;

		for (i = 0; i < n; i++)
			drop(sv, &rows[i], "trip_id", "trip_id %s %s",
			     name_of(sv, sv->trip, rows[i].at, id, sizeof(id)),
			     was_rejected ? "was rejected in trips.txt" : "is not in trips.txt");
		return 0;
	}
	for (i = 0; i < n; i++) {
		struct row *r = &rows[i];

		if (i && r->sequence == rows[i - 1].sequence) {
			drop(sv, r, "stop_sequence", "stop_sequence %lld comes twice in trip %s "
			     "(line %lld has it too)", r->sequence,
			     name_of(sv, sv->trip, r->at, id, sizeof(id)), rows[i - 1].at.line);
			continue;
		}
		if (r->stop <= 0 || r->stop > sv->names || sv->state[r->stop] != SEEN) {
			drop(sv, r, "stop_id", "stop_id %s is not in stops.txt",
			     name_of(sv, r->stop, r->at, id, sizeof(id)));
			continue;
		}
		kept++;
	}
	return kept > 0;
}

/* Times: each row's own, then along the trip; blank times filled in evenly. */
static size_t check_times(struct saver *sv, struct row *rows, size_t n, struct row **kept)
{
	char a[16], b[16];
	size_t i, k = 0, first, last;
	int last_dep = -1;
	long long last_line = 0;

	for (i = 0; i < n; i++) {
		struct row *r = &rows[i];

		if (r->dropped)
			continue;
		if (r->arr < 0)
			r->arr = r->dep;
		if (r->dep < 0)
			r->dep = r->arr;
		if (r->dep < r->arr) {
			clock_words(r->dep, a);
			clock_words(r->arr, b);
			drop(sv, r, "departure_time", "%s is before this stop's arrival_time (%s)", a, b);
			continue;
		}
		if (r->arr >= 0 && last_dep >= 0 && r->arr < last_dep) {
			clock_words(r->arr, a);
			clock_words(last_dep, b);
			drop(sv, r, "arrival_time", "%s is before the departure from the stop before "
			     "(%s, line %lld): times may not go backwards along a trip", a, b, last_line);
			continue;
		}
		if (r->dep >= 0) {
			last_dep = r->dep;
			last_line = r->at.line;
		}
		kept[k++] = r;
	}
	/* A trip must start and end at a time. */
	for (first = 0; first < k && kept[first]->arr < 0; first++)
		drop(sv, kept[first], "arrival_time",
		     "the first stop of a trip needs an arrival_time or departure_time");
	for (last = k; last > first && kept[last - 1]->arr < 0; last--)
		drop(sv, kept[last - 1], "arrival_time",
		     "the last stop of a trip needs an arrival_time or departure_time");
	if (last <= first)
		return 0;
	memmove(kept, kept + first, (last - first) * sizeof(*kept));
	k = last - first;
	for (i = 1; i < k; i++) {
		size_t j, gap;

		if (kept[i]->arr >= 0)
			continue;
		for (j = i; j < k && kept[j]->arr < 0; j++)
			;
		gap = j - i + 1;
		for (size_t m = i; m < j; m++) {
			int t = kept[i - 1]->dep + (int)((long long)(kept[j]->arr - kept[i - 1]->dep) *
						       (long long)(m - i + 1) / (long long)gap);

			kept[m]->arr = kept[m]->dep = t;
		}
		i = j;
	}
	return k;
}

/* One run of the trip, `shift` seconds later than its stop times say. */
static void add_run(struct saver *sv, const struct trip_info *info, struct row **kept, size_t k,
		    int shift)
{
	uint32_t trip = transit_builder_trip(sv->b, info->route, info->service, info->headsign);
	size_t i;

	for (i = 0; i + 1 < k; i++)
		transit_builder_hop(sv->b, trip, pack_stop(sv, kept[i]->stop),
				    pack_stop(sv, kept[i + 1]->stop), kept[i]->dep + shift,
				    kept[i + 1]->arr + shift, kept[i]->pickup == 1,
				    kept[i + 1]->dropoff == 1);
}

static void finish_trip(struct saver *sv)
{
	struct row **kept;
	size_t k, f;
	const struct trip_info *info;

	if (!sv->row_count)
		return;
	if (!check_references(sv, sv->rows, sv->row_count)) {
		sv->row_count = 0;
		return;
	}
	kept = xmalloc(sv->row_count * sizeof(*kept));
	k = check_times(sv, sv->rows, sv->row_count, kept);
	info = &sv->trips[sv->pack[sv->trip]];
	/* frequencies.txt: this trip's times are a pattern, run at each headway. */
	{
		size_t lo = 0, hi = sv->frequency_count;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (sv->frequencies[mid].trip < sv->trip)
				lo = mid + 1;
			else
				hi = mid;
		}
		f = lo;
	}
	if (k >= 2 && (f == sv->frequency_count || sv->frequencies[f].trip != sv->trip)) {
		add_run(sv, info, kept, k, 0);
	} else if (k >= 2) {
		for (; f < sv->frequency_count && sv->frequencies[f].trip == sv->trip; f++) {
			const struct store_gtfs_frequency *x = &sv->frequencies[f];
			int t, runs = 0;

			for (t = x->start; t < x->end && runs < MAX_INSTANCES; t += x->headway, runs++)
				add_run(sv, info, kept, k, t - kept[0]->dep);
		}
	}
	free(kept);
	sv->row_count = 0;
}

static int take_stop_time(void *ctx, const struct store_gtfs_stop_time *x)
{
	struct saver *sv = ctx;
	struct row *r;

	sv->stop_times++;
	if (x->trip != sv->trip) {
		finish_trip(sv);
		sv->trip = x->trip;
	}
	if (sv->row_count == sv->row_alloc) {
		sv->row_alloc = sv->row_alloc ? sv->row_alloc * 2 : 64;
		sv->rows = xrealloc(sv->rows, sv->row_alloc * sizeof(*sv->rows));
	}
	r = &sv->rows[sv->row_count++];
	r->sequence = x->sequence;
	r->stop = x->stop;
	r->arr = x->arrival;
	r->dep = x->departure;
	r->pickup = x->pickup;
	r->dropoff = x->dropoff;
	r->dropped = 0;
	r->at = x->at;
	return sv->rc != STATUS_OK;
}

/* --- the step -------------------------------------------------------------------------------------- */

static void saver_done(struct saver *sv)
{
	long long i;
	size_t k;

	if (sv->stops)
		for (i = 0; i <= sv->names; i++)
			free(sv->stops[i].name);
	for (k = 0; k < sv->trip_count; k++)
		free(sv->trips[k].headsign);
	for (k = 0; k < sv->agency_count; k++)
		free(sv->agencies[k].name);
	free(sv->state);
	free(sv->pack);
	free(sv->stops);
	free(sv->trips);
	free(sv->agencies);
	free(sv->calendars);
	free(sv->exceptions);
	free(sv->frequencies);
	free(sv->sources);
	free(sv->feed_ids);
	free(sv->feed_first);
	free(sv->feed_last);
	free(sv->rows);
	transit_builder_free(sv->b);
}

static enum status read_all(struct saver *sv)
{
	struct store *s = sv->s;
	enum status rc = STATUS_OK;
	long long i;

	if ((rc = store_gtfs_name_count(s, &sv->names)) != STATUS_OK)
		return rc;
	sv->state = xcalloc((size_t)sv->names + 1, 1);
	sv->pack = xmalloc(((size_t)sv->names + 1) * sizeof(*sv->pack));
	sv->stops = xcalloc((size_t)sv->names + 1, sizeof(*sv->stops));
	for (i = 0; i <= sv->names; i++) {
		sv->pack[i] = TRANSIT_NONE;
		sv->stops[i].pack = TRANSIT_NONE;
	}
	rc = store_gtfs_each_feed(s, take_feed, sv);
	if (rc == STATUS_OK)
		rc = store_gtfs_each_stop(s, take_stop, sv);
	if (rc == STATUS_OK) {
		place_from_stations(sv);
		rc = store_gtfs_each_agency(s, take_agency, sv);
	}
	if (rc == STATUS_OK)
		rc = store_gtfs_each_route(s, take_route, sv);
	if (rc == STATUS_OK)
		rc = store_gtfs_each_calendar(s, take_calendar, sv);
	if (rc == STATUS_OK)
		rc = store_gtfs_each_calendar_date(s, take_calendar_date, sv);
	if (rc == STATUS_OK) {
		make_services(sv);
		rc = store_gtfs_each_trip(s, take_trip, sv);
	}
	if (rc == STATUS_OK)
		rc = store_gtfs_each_frequency(s, take_frequency, sv);
	if (rc == STATUS_OK)
		rc = store_gtfs_each_stop_time(s, take_stop_time, sv);
	if (rc == STATUS_OK)
		finish_trip(sv);
	return rc != STATUS_OK ? rc : sv->rc;
}

static enum status write_blob(void *ctx, const void *buf, size_t n, size_t offset)
{
	return store_blob_write(ctx, buf, n, offset);
}

/* The packed timetable into the store, a piece at a time. */
static enum status keep(struct store *s, const struct transit *t, size_t *len)
{
	struct store_blob *blob;
	enum status rc;

	*len = transit_encoded_size(t);
	if ((rc = store_timetable_open_write(s, *len, &blob)) != STATUS_OK)
		return rc;
	rc = transit_write(t, write_blob, blob);
	store_blob_close(blob);
	return rc;
}

static double seconds_since(const struct timespec *t0)
{
	struct timespec t1;

	clock_gettime(CLOCK_MONOTONIC, &t1);
	return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void summary_line(FILE *out, const struct transit_save_report *r)
{
	struct civil_date d;
	char first[16] = "", last[16] = "";

	if (r->first_day != LONG_MIN)
		date_short(date_from_days(r->first_day), first);
	if (r->last_day != LONG_MIN) {
		d = date_from_days(r->last_day);
		date_short(d, last);
	}
	fprintf(out, "timetable: %lu feed%s, %lu stops (%lu placed), %lu stop times as %lu hops",
		r->feeds, r->feeds == 1 ? "" : "s", r->stops, r->located_stops, r->stop_times,
		r->hops);
	if (r->rejected)
		fprintf(out, ", %lu rows rejected", r->rejected);
	if (first[0] && last[0])
		fprintf(out, "; valid %s to %s", first, last);
	fprintf(out, "; packed (%.1f MB) in %.1f s\n", (double)r->bytes / 1e6, r->seconds);
}

enum status transit_save(struct store *s, FILE *out, FILE *err, int quiet,
			 struct transit_save_report *report)
{
	struct saver sv;
	struct transit *t = NULL;
	struct transit_summary sum;
	struct timespec t0;
	enum status rc;
	size_t len = 0, i;
	int any;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	memset(report, 0, sizeof(*report));
	report->first_day = report->last_day = LONG_MIN;
	store_set_timetable_cache(s, NULL, NULL);
	if ((rc = store_gtfs_has_rows(s, &any)) != STATUS_OK)
		return rc;
	if (!any)
		return store_timetable_remove(s);
	memset(&sv, 0, sizeof(sv));
	sv.s = s;
	sv.err = err;
	sv.b = transit_builder_new();
	rc = read_all(&sv);
	if (rc == STATUS_OK) {
		for (i = 0; i < sv.feed_count; i++)
			transit_builder_feed_days(sv.b, i, sv.feed_first[i], sv.feed_last[i]);
		report->stop_times = sv.stop_times;
		report->rejected = sv.rejected;
		t = transit_builder_finish(sv.b);
		sv.b = NULL;
		transit_summarise(t, &sum);
		rc = keep(s, t, &len);
	}
	if (rc == STATUS_OK)
		rc = store_gtfs_rejections_apply(s);
	for (i = 0; i < sv.source_count; i++)
		if (sv.sources[i].count > SHOWN_PER_FILE)
			fprintf(err, "%s: ... and %lu more rejected rows (careers sources --rejected "
				"lists them)\n", sv.sources[i].name, sv.sources[i].count - SHOWN_PER_FILE);
	if (rc == STATUS_OK) {
		report->packed = 1;
		report->feeds = sum.feeds;
		report->stops = sum.stops;
		report->located_stops = sum.located_stops;
		report->trips = sum.trips;
		report->hops = sum.hops;
		report->first_day = sum.first_day;
		report->last_day = sum.last_day;
		report->bytes = len;
		report->seconds = seconds_since(&t0);
		if (!quiet)
			summary_line(out, report);
	}
	transit_free(t);
	saver_done(&sv);
	return rc;
}
