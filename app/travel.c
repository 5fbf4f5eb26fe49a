/*
 * travel.c - bus journeys for the learner filter and the screens (see travel.h).
 *
 * The store's timetable is decoded once and kept with the store (in the
 * slot store_gtfs.h gives it), with the last plan worked out: a plan is a
 * profile scan from one place on one day, which costs a few tens of
 * milliseconds on a region's timetable; every option after that is a few
 * look-ups.
 */
#include "travel.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "holidays.h"
#include "mem.h"
#include "store_gtfs.h"

static const char *const mode_names[] = {
#define TRAVEL_NAME(id, name) name,
	TRAVEL_INFO(TRAVEL_NAME)
#undef TRAVEL_NAME
};

struct travel_plan {
	struct transit_query q;
	struct transit_run *run;
	struct travel_info info;
};

/* What is kept with the store. */
struct travel_cache {
	struct transit *timetable;	/* NULL: none, or damaged (see damaged) */
	int damaged;
	struct travel_plan *last;
};

void travel_request_init(struct travel_request *r)
{
	memset(r, 0, sizeof(*r));
	r->mode = TRAVEL_NONE;
	r->arrive_by = TRAVEL_DEFAULT_ARRIVE_BY;
	transit_settings_init(&r->settings);
}

const char *travel_mode_name(enum travel_mode m)
{
	return (unsigned)m < sizeof(mode_names) / sizeof(mode_names[0]) ? mode_names[m] : "?";
}

int travel_mode_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(mode_names) / sizeof(mode_names[0]); i++)
		if (strcasecmp(name, mode_names[i]) == 0)
			return (int)i;
	return -1;
}

int travel_parse_clock(const char *text)
{
	int h = 0, m = 0, n = 0;
	const char *p = text;

	while (isdigit((unsigned char)*p) && n < 2) {
		h = h * 10 + (*p++ - '0');
		n++;
	}
	if (!n || (*p != ':' && *p != '.'))
		return -1;
	p++;
	if (!isdigit((unsigned char)p[0]) || !isdigit((unsigned char)p[1]) || p[2])
		return -1;
	m = (p[0] - '0') * 10 + (p[1] - '0');
	if (h > 23 || m > 59)
		return -1;
	return h * 60 + m;
}

/* --- the timetable and the last plan, kept with the store ------------------------------- */

static void plan_free(struct travel_plan *p)
{
	if (!p)
		return;
	transit_run_free(p->run);
	free(p);
}

static void cache_free(void *data)
{
	struct travel_cache *c = data;

	transit_free(c->timetable);
	plan_free(c->last);
	free(c);
}

static enum status read_blob(void *ctx, void *buf, size_t n, size_t offset)
{
	return store_blob_read(ctx, buf, n, offset);
}

static enum status load(struct store *s, struct travel_cache **out)
{
	struct travel_cache *c = store_timetable_cache(s);
	struct store_blob *blob;
	size_t size;
	char err[160];
	enum status rc;

	if (c) {
		*out = c;
		return STATUS_OK;
	}
	c = xcalloc(1, sizeof(*c));
	rc = store_timetable_open(s, &blob, &size);
	if (rc == STATUS_OK) {
		/* A timetable that cannot be read is said so, and searches measure in miles. */
		if (transit_decode_from(read_blob, blob, size, &c->timetable, err, sizeof(err)) !=
		    STATUS_OK)
			c->damaged = 1;
		store_blob_close(blob);
	} else if (rc == STATUS_NOT_FOUND) {
		rc = STATUS_OK;
	}
	if (rc != STATUS_OK) {
		free(c);
		return rc;
	}
	store_set_timetable_cache(s, c, cache_free);
	*out = c;
	return STATUS_OK;
}

int travel_available(struct store *s)
{
	struct store_blob *blob;
	size_t size;

	if (store_timetable_cache(s))
		return ((struct travel_cache *)store_timetable_cache(s))->timetable != NULL;
	if (store_timetable_open(s, &blob, &size) != STATUS_OK)
		return 0;
	store_blob_close(blob);
	return size > 0;
}

enum status travel_timetable_summary(struct store *s, struct transit_summary *out, int *present)
{
	struct travel_cache *c;
	enum status rc = load(s, &c);

	*present = rc == STATUS_OK && c->timetable;
	if (*present)
		transit_summarise(c->timetable, out);
	return rc;
}

void travel_forget(struct store *s)
{
	struct travel_cache *c = store_timetable_cache(s);

	if (c) {
		plan_free(c->last);
		c->last = NULL;
	}
}

/* --- a normal school day ------------------------------------------------------------------ */

static void day_words(struct civil_date d, char *out, size_t len)
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July", "August",
		"September", "October", "November", "December",
	};

	snprintf(out, len, "%s %d %s", date_weekday_name(d), d.day,
		 d.month >= 1 && d.month <= 12 ? months[d.month - 1] : "");
}

/*
 * The first weekday from today that is not a bank holiday, on which the
 * services near the place run and none of them is taken off. 1 found;
 * 0 with only a day the timetables run (a note says which); -1 none.
 */
static int school_day(const struct transit *t, struct civil_date today, struct geo_point at,
		      struct civil_date *out)
{
	struct civil_date d, fallback = today;
	int have_fallback = 0, i;

	for (i = 0; i < TRAVEL_LOOK_AHEAD_DAYS; i++) {
		size_t removed, running;

		d = date_add_days(today, i);
		if (date_weekday(d) >= 5 || holidays_name(d))
			continue;
		running = transit_services_on(t, date_days(d), at.lat, at.lon, TRAVEL_COVER_METRES,
					      &removed);
		if (!running)
			continue;
		if (!removed) {
			*out = d;
			return 1;
		}
		if (!have_fallback) {
			fallback = d;
			have_fallback = 1;
		}
	}
	*out = fallback;
	return have_fallback ? 0 : -1;
}

/* --- plans ----------------------------------------------------------------------------------- */

static void say(struct travel_info *info, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct travel_info *info, const char *fmt, ...)
{
	size_t n = strlen(info->note);
	va_list ap;

	if (n && n + 2 < sizeof(info->note)) {
		snprintf(info->note + n, sizeof(info->note) - n, "; ");
		n += 2;
	}
	va_start(ap, fmt);
	vsnprintf(info->note + n, sizeof(info->note) - n, fmt, ap);
	va_end(ap);
}

static int same_query(const struct transit_query *a, const struct transit_query *b)
{
	return a->lat == b->lat && a->lon == b->lon && a->day == b->day &&
	       a->arrive_by == b->arrive_by &&
	       memcmp(&a->settings, &b->settings, sizeof(a->settings)) == 0;
}

enum status travel_plan_get(struct store *s, const struct travel_request *req,
			    struct geo_point from, int approximate, const char *label,
			    struct civil_date today, const struct travel_plan **out,
			    struct travel_info *info)
{
	struct travel_cache *c;
	struct transit_summary sum;
	struct transit_query q;
	struct travel_plan *p;
	char words[16];
	enum status rc;
	int found;

	*out = NULL;
	memset(info, 0, sizeof(*info));
	info->asked = req->mode == TRAVEL_BUS;
	info->arrive_by = req->arrive_by;
	info->valid_to = LONG_MIN;
	if (!info->asked)
		return STATUS_OK;
	if ((rc = load(s, &c)) != STATUS_OK)
		return rc;
	if (!c->timetable) {
		say(info, c->damaged ? "the bus timetable in this data is damaged (rebuild it), so "
			  "distances are in miles" : "there are no bus timetables in this data, so "
			  "distances are in miles");
		return STATUS_OK;
	}
	transit_summarise(c->timetable, &sum);
	info->valid_to = sum.last_day;
	if (!transit_covers(c->timetable, from.lat, from.lon, TRAVEL_COVER_METRES)) {
		say(info, "no bus timetable covers %s, so distances are in miles", label);
		return STATUS_OK;
	}
	found = school_day(c->timetable, today, from, &info->day);
	if (found < 0) {
		if (sum.last_day != LONG_MIN && sum.last_day < date_days(today)) {
			date_short(date_from_days(sum.last_day), words);
			say(info, "the bus timetables ran out on %s, so distances are in miles", words);
		} else {
			say(info, "no buses run near %s in the next %d weeks, so distances are in "
			    "miles", label, TRAVEL_LOOK_AHEAD_DAYS / 7);
		}
		return STATUS_OK;
	}
	info->used = 1;
	info->approximate = approximate;
	day_words(info->day, info->day_words, sizeof(info->day_words));
	if (!found)
		say(info, "no normal school day in the timetables in the next %d weeks: bus times "
		    "are for %s", TRAVEL_LOOK_AHEAD_DAYS / 7, info->day_words);
	if (approximate)
		say(info, "bus times are from the middle of %s, not your door", label);
	if (!transit_covers(c->timetable, from.lat, from.lon, req->settings.walk_metres))
		say(info, "there is no bus stop within %d metres of %s", req->settings.walk_metres,
		    label);
	memset(&q, 0, sizeof(q));
	q.lat = from.lat;
	q.lon = from.lon;
	q.day = date_days(info->day);
	q.arrive_by = req->arrive_by * 60;
	q.settings = req->settings;
	if (c->last && same_query(&c->last->q, &q)) {
		c->last->info = *info;
		*out = c->last;
		return STATUS_OK;
	}
	p = xcalloc(1, sizeof(*p));
	p->q = q;
	p->info = *info;
	if ((rc = transit_run_new(c->timetable, &q, &p->run)) != STATUS_OK) {
		free(p);
		memset(info, 0, sizeof(*info));
		info->asked = 1;
		say(info, "the travel settings are not ones that work (see careers help search), so "
			  "distances are in miles");
		return STATUS_OK;
	}
	plan_free(c->last);
	c->last = p;
	*out = p;
	return STATUS_OK;
}

static void answer_in_minutes(const struct transit_answer *a, struct travel_answer *out)
{
	memset(out, 0, sizeof(*out));
	if (!a->found)
		return;
	out->found = 1;
	out->walk_only = a->walk_only;
	out->minutes = a->minutes;
	out->changes = a->changes;
	out->walk_minutes = a->walk_minutes;
	out->depart = (int)floor(a->depart / 60.0);
	out->arrive = (int)ceil(a->arrive / 60.0);
}

void travel_plan_answer(const struct travel_plan *p, double lat, double lon,
			struct travel_answer *out)
{
	struct transit_answer a;

	transit_answer_to(p->run, lat, lon, &a);
	answer_in_minutes(&a, out);
	out->applies = 1;
}

/* Keep the better of two answers in *best: latest departure, then quickest. 1 when a was. */
static int keep_best(struct travel_answer *best, const struct travel_answer *a)
{
	if (a->found && (!best->found || a->depart > best->depart ||
			 (a->depart == best->depart && a->minutes < best->minutes))) {
		*best = *a;
		return 1;
	}
	return 0;
}

void travel_plan_entry(const struct travel_plan *p, const struct pack *pack,
		       const struct pack_entry *e, struct travel_answer *out,
		       struct geo_point *where)
{
	const struct pack_place *places = pack_places(pack, e);
	struct geo_point at = { e->lat, e->lon };
	uint32_t k;

	memset(out, 0, sizeof(*out));
	if (isnan(e->lat))
		return;
	travel_plan_answer(p, e->lat, e->lon, out);
	for (k = 0; k < e->place_count; k++) {
		struct travel_answer other;

		travel_plan_answer(p, places[k].lat, places[k].lon, &other);
		if (keep_best(out, &other)) {
			at.lat = places[k].lat;
			at.lon = places[k].lon;
		}
	}
	if (where)
		*where = at;
}

int travel_plan_journey(const struct travel_plan *p, double lat, double lon,
			struct transit_leg *legs, int max)
{
	return transit_journey_to(p->run, lat, lon, legs, max);
}

/* --- words ------------------------------------------------------------------------------------ */

void travel_clock(int minutes, char out[8])
{
	int m = ((minutes % 1440) + 1440) % 1440;

	snprintf(out, 8, "%02d:%02d", m / 60, m % 60);
}

void travel_clock_short(int minutes, char out[8])
{
	int m = ((minutes % 1440) + 1440) % 1440;

	if (m % 60)
		snprintf(out, 8, "%d:%02d", m / 60, m % 60);
	else
		snprintf(out, 8, "%d", m / 60);
}

void travel_brief(const struct travel_answer *a, int arrive_by, char *out, size_t len)
{
	char by[8];

	if (!a->found) {
		travel_clock_short(arrive_by, by);
		snprintf(out, len, "no bus before %s", by);
	} else if (a->walk_only) {
		snprintf(out, len, "about %d min walk", a->minutes);
	} else {
		snprintf(out, len, "about %d min by bus", a->minutes);
	}
}

void travel_summary(const struct travel_answer *a, int arrive_by, char *out, size_t len)
{
	char leave[8], there[8], by[8], changes[24];

	if (!a->found) {
		travel_clock(arrive_by, by);
		snprintf(out, len, "no bus gets there by %s", by);
		return;
	}
	travel_clock(a->depart, leave);
	travel_clock(a->arrive, there);
	if (a->walk_only) {
		snprintf(out, len, "%d min walk: leave at %s", a->minutes, leave);
		return;
	}
	if (a->changes == 0)
		snprintf(changes, sizeof(changes), "no changes");
	else if (a->changes == 1)
		snprintf(changes, sizeof(changes), "1 change");
	else
		snprintf(changes, sizeof(changes), "%d changes", a->changes);
	snprintf(out, len, "%d min by bus: leave at %s, there at %s, %s", a->minutes, leave, there,
		 changes);
}

/* Does text have word in it, ignoring case? */
static int has_word(const char *text, const char *word)
{
	size_t n = strlen(word);

	for (; *text; text++)
		if (strncasecmp(text, word, n) == 0)
			return 1;
	return 0;
}

/* "De Warenne Academy stop"; a station or stand says so itself. */
static void stop_words(const char *name, char *out, size_t len)
{
	static const char *const itself[] = { "station", "interchange", "stop", "stand", "bay",
					      "platform", "terminus" };
	size_t i;

	for (i = 0; i < sizeof(itself) / sizeof(itself[0]); i++)
		if (has_word(name, itself[i])) {
			snprintf(out, len, "%s", name);
			return;
		}
	snprintf(out, len, "%s stop", name);
}

static void route_words(const struct transit_leg *l, char *out, size_t len)
{
	const char *mode = transit_mode_word(l->route_type);

	if (strcmp(mode, "bus") == 0 && l->route[0] && strlen(l->route) <= 8)
		snprintf(out, len, "%s", l->route);
	else if (l->route[0])
		snprintf(out, len, "%s %s", mode, l->route);
	else
		snprintf(out, len, "%s", mode);
}

void travel_journey_words(const struct transit_leg *legs, int n, char *out, size_t len)
{
	struct strbuf sb;
	char stop[200], route[96], at[8];
	int i, rides = 0;

	strbuf_init(&sb);
	for (i = 0; i < n; i++) {
		const struct transit_leg *l = &legs[i];
		int minutes = (l->end - l->start + 59) / 60;

		if (sb.len)
			strbuf_puts(&sb, ", ");
		if (l->kind == TRANSIT_WALK && l->to) {
			stop_words(l->to, stop, sizeof(stop));
			strbuf_printf(&sb, "walk %d min to %s", minutes, stop);
		} else if (l->kind == TRANSIT_WALK) {
			strbuf_printf(&sb, "walk %d min", minutes);
		} else {
			route_words(l, route, sizeof(route));
			travel_clock((int)floor(l->start / 60.0), at);
			strbuf_printf(&sb, "%s%s at %s, %d min", rides++ ? "change to " : "", route, at,
				      (l->end - l->start) / 60);
			/* Where to get off. */
			stop_words(l->to, stop, sizeof(stop));
			strbuf_printf(&sb, " to %s", stop);
		}
	}
	snprintf(out, len, "%s", sb.buf);
	strbuf_done(&sb);
}
