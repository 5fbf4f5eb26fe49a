/*
 * transit_route.c - journeys: one learner's morning to every destination at
 * once (transit_run), and the per-destination baseline beside it.
 *
 * Design notes.
 *
 * The question is a latest-departure profile: for each destination, the
 * latest time to leave home and still arrive by T. It is answered by a
 * connection scan run forward over the morning's hops (those arriving
 * between T - window and T) in order of arrival, keeping for every stop the
 * pairs (arrive here at a, having left home at d) that nothing beats. A
 * pair is only added when its d is later than the last pair's at that stop;
 * since pairs come in order of arrival, each stop's list is then sorted by
 * a and by d at once, and "the latest d that is here by t" is found by
 * stepping back from its end (a step or two: only what arrived in the last
 * minutes is later than t).
 *
 * For each hop of trip k from u to v: the latest d with which one can be
 * on k at u is the best of staying on k (what k already carries), walking
 * from home to u (d = departure - walk), and changing at u from a pair
 * there (ready by the departure: arrived at least change_seconds before,
 * or on foot from a stop close by). If k then carries a d, getting off at v
 * gives the pair (arrival at v, d). Changes on foot to the stops near v
 * become pairs there too, but only at their time: they wait in buckets by
 * the second they are ready, and are put in their stop's list when the scan
 * reaches it, which keeps every list in order.
 *
 * Trips of the day before that run past midnight are scanned with their
 * times moved back a day; a trip's state is kept per day it runs.
 *
 * Each pair remembers how it came about (the hop boarded, the hop left, the
 * pair or walk before), so the journey to any destination can be read back
 * leg by leg. The baseline scans backwards from one destination, and must
 * agree with the profile on every latest departure (tests/test_transit.c).
 */
#include "transit_int.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define DAY TRANSIT_DAY_SECONDS
#define PREV_DAY (1u << 31)	/* a hop reference: the hop of the day before */
#define NO_TIME INT32_MIN

/* --- settings ------------------------------------------------------------------------ */

void transit_settings_init(struct transit_settings *s)
{
	s->walk_metres = 1000;
	s->walk_alone_metres = 2000;
	s->transfer_metres = 400;
	s->walk_kmh = 4.8;
	s->change_seconds = 180;
	s->window_seconds = 3 * 3600;
}

enum status transit_settings_check(const struct transit_settings *s, char *why, size_t whylen)
{
	const char *bad = NULL;

	if (s->walk_metres < 0 || s->walk_metres > 5000)
		bad = "the walk to and from stops must be 0 to 5000 metres";
	else if (s->walk_alone_metres < 0 || s->walk_alone_metres > 20000)
		bad = "the walk the whole way must be 0 to 20000 metres";
	else if (s->transfer_metres < 0 || s->transfer_metres > TRANSIT_TRANSFER_MAX_METRES)
		bad = "the walk between stops when changing must be 0 to 500 metres";
	else if (!(s->walk_kmh >= 1 && s->walk_kmh <= 10))
		bad = "the walking speed must be 1 to 10 km/h";
	else if (s->change_seconds < 0 || s->change_seconds > 3600)
		bad = "the time to change must be 0 to 60 minutes";
	else if (s->window_seconds < 600 || s->window_seconds > 6 * 3600)
		bad = "the longest journey must be 10 minutes to 6 hours";
	if (!bad)
		return STATUS_OK;
	snprintf(why, whylen, "%s", bad);
	return STATUS_INVALID;
}

/* --- the run's state ---------------------------------------------------------------- */

/* How one can be at a stop: by a trip (a "direct" pair), or on foot from one. */
struct pair {
	int32_t arr;			/* here at */
	int32_t ready;			/* may get on another trip from */
	int32_t dep;			/* left home at */
	uint32_t prev;			/* the pair before in this stop's list */
	uint32_t parent;		/* direct: the pair changed from, or TRANSIT_NONE
					   (walked from home); on foot: the direct pair walked from */
	uint32_t board, alight;		/* direct: the hops got on and off (hop references) */
	uint32_t stop;
	uint16_t changes;
	uint16_t on_foot;
	int32_t walk;			/* seconds walked so far */
};

/* What a trip carries: the best way to be on it so far. */
struct trip_state {
	int32_t dep;			/* NO_TIME: nobody is on it */
	uint32_t parent, board;
	uint16_t changes;
	int32_t walk;
};

/* A change on foot waiting for its time. */
struct pending {
	int32_t arr, ready, dep;
	uint32_t stop, from, next;
	uint16_t changes;
	int32_t walk;
};

struct transit_run {
	const struct transit *t;
	struct transit_query q;
	int32_t start;			/* the earliest a journey may leave home */
	double speed;			/* metres a second */
	unsigned char *runs_today, *runs_before;	/* per service */
	int32_t *access;		/* per stop: seconds to walk from home, or -1 */
	size_t access_count;
	struct pair *pairs;
	uint32_t pair_count, pair_alloc;
	uint32_t *direct_tail, *foot_tail;	/* per stop */
	size_t scanned;
	/* only while scanning */
	struct trip_state *trips;	/* per trip and day: [2 * trip + (day before)] */
	struct pending *pending;
	uint32_t pending_count, pending_alloc;
	uint32_t *bucket;		/* per second from start: first pending ready then */
	int32_t flushed;		/* buckets up to here are in the lists */
};

static int walk_seconds(const struct transit_run *r, double metres)
{
	return (int)ceil(metres / r->speed);
}

static const struct transit_hop *hop_of(const struct transit *t, uint32_t ref, int32_t *shift)
{
	*shift = ref & PREV_DAY ? -DAY : 0;
	return &t->hops[ref & ~PREV_DAY];
}

/* The first hop arriving at or after `when`. */
static uint32_t first_arriving(const struct transit *t, int32_t when)
{
	uint32_t lo = 0, hi = t->hop_count;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (t->hops[mid].arr < when)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Which services run on the day asked about, and the day before. */
static void mark_services(struct transit_run *r)
{
	const struct transit *t = r->t;
	uint32_t s;

	r->runs_today = xcalloc(t->service_count ? t->service_count : 1, 1);
	r->runs_before = xcalloc(t->service_count ? t->service_count : 1, 1);
	for (s = 0; s < t->service_count; s++) {
		r->runs_today[s] = (unsigned char)transit_service_runs(t, s, r->q.day);
		r->runs_before[s] = (unsigned char)transit_service_runs(t, s, r->q.day - 1);
	}
}

static int note_access(void *ctx, uint32_t stop, double metres)
{
	struct transit_run *r = ctx;

	r->access[stop] = walk_seconds(r, metres);
	r->access_count++;
	return 0;
}

/*
 * The hops of the window in order of arrival: today's [a, a_end) and the
 * day before's [b, b_end) (times a day later in the pack), merged. Calls
 * fn with a hop reference, its departure and arrival on the day asked about.
 */
struct window {
	uint32_t a, a_end, b, b_end;
};

static void window_open(const struct transit *t, int32_t start, int32_t end, struct window *w)
{
	w->a = first_arriving(t, start);
	w->a_end = first_arriving(t, end + 1);
	w->b = first_arriving(t, start + DAY);
	w->b_end = first_arriving(t, end + DAY + 1);
}

/* The next hop of the window (1), or none left (0). */
static int window_next(const struct transit *t, struct window *w, uint32_t *ref)
{
	int take_a;

	if (w->a >= w->a_end && w->b >= w->b_end)
		return 0;
	take_a = w->b >= w->b_end ||
		 (w->a < w->a_end && t->hops[w->a].arr <= t->hops[w->b].arr - DAY);
	*ref = take_a ? w->a++ : (w->b++ | PREV_DAY);
	return 1;
}

/* --- pairs ----------------------------------------------------------------------------- */

static uint32_t new_pair(struct transit_run *r)
{
	if (r->pair_count == r->pair_alloc) {
		r->pair_alloc = r->pair_alloc ? r->pair_alloc * 2 : 4096;
		r->pairs = xrealloc(r->pairs, r->pair_alloc * sizeof(*r->pairs));
	}
	return r->pair_count++;
}

/* The pair in a stop's list with the latest departure that is ready by `when`. */
static uint32_t ready_by(const struct transit_run *r, uint32_t tail, int32_t when)
{
	while (tail != TRANSIT_NONE && r->pairs[tail].ready > when)
		tail = r->pairs[tail].prev;
	return tail;
}

/* Put the changes on foot that are ready by `when` into their stops' lists. */
static void flush(struct transit_run *r, int32_t when)
{
	int32_t last = r->q.arrive_by;

	if (when > last)
		when = last;
	while (r->flushed < when) {
		uint32_t i;

		r->flushed++;
		for (i = r->bucket[r->flushed - r->start]; i != TRANSIT_NONE; i = r->pending[i].next) {
			const struct pending *p = &r->pending[i];
			uint32_t tail = r->foot_tail[p->stop], n;
			struct pair *x;

			if (tail != TRANSIT_NONE && r->pairs[tail].dep >= p->dep)
				continue;
			n = new_pair(r);
			x = &r->pairs[n];
			x->arr = p->arr;
			x->ready = p->ready;
			x->dep = p->dep;
			x->prev = tail;
			x->parent = p->from;
			x->board = x->alight = TRANSIT_NONE;
			x->stop = p->stop;
			x->changes = p->changes;
			x->on_foot = 1;
			x->walk = p->walk;
			r->foot_tail[p->stop] = n;
		}
	}
}

/* From a new pair at a stop, the changes on foot to the stops close by. */
static void walk_on(struct transit_run *r, uint32_t from)
{
	const struct transit *t = r->t;
	const struct pair *p = &r->pairs[from];
	uint32_t k;

	for (k = t->link_first[p->stop]; k < t->link_first[p->stop + 1]; k++) {
		const struct transit_link *l = &t->links[k];
		int w;
		int32_t ready;
		struct pending *x;

		if ((int)l->metres > r->q.settings.transfer_metres)
			continue;
		w = walk_seconds(r, l->metres);
		ready = p->arr + (w > r->q.settings.change_seconds ? w : r->q.settings.change_seconds);
		if (ready > r->q.arrive_by)
			continue;
		if (r->pending_count == r->pending_alloc) {
			r->pending_alloc = r->pending_alloc ? r->pending_alloc * 2 : 4096;
			r->pending = xrealloc(r->pending, r->pending_alloc * sizeof(*r->pending));
		}
		x = &r->pending[r->pending_count];
		x->arr = p->arr + w;
		x->ready = ready;
		x->dep = p->dep;
		x->stop = l->stop;
		x->from = from;
		x->changes = p->changes;
		x->walk = p->walk + w;
		x->next = r->bucket[ready - r->start];
		r->bucket[ready - r->start] = r->pending_count++;
	}
}

/* Is candidate (dep, changes, walk) better than what the trip carries? */
static int better(int32_t dep, int changes, int32_t walk, const struct trip_state *s)
{
	if (dep != s->dep)
		return dep > s->dep;
	if (changes != s->changes)
		return changes < s->changes;
	return walk < s->walk;
}

static void consider(struct trip_state *s, int32_t dep, int changes, int32_t walk,
		     uint32_t parent, uint32_t board)
{
	if (dep < INT32_MIN + 1 || !better(dep, changes, walk, s))
		return;
	s->dep = dep;
	s->changes = (uint16_t)(changes > 65535 ? 65535 : changes);
	s->walk = walk;
	s->parent = parent;
	s->board = board;
}

static void scan_hop(struct transit_run *r, uint32_t ref)
{
	const struct transit *t = r->t;
	int32_t shift, dep, arr;
	const struct transit_hop *h = hop_of(t, ref, &shift);
	uint32_t trip = h->trip & TRANSIT_TRIP_MASK;
	const unsigned char *runs = shift ? r->runs_before : r->runs_today;
	struct trip_state *s;

	if (!runs[t->trips[trip].service])
		return;
	dep = h->dep + shift;
	arr = h->arr + shift;
	if (dep < r->start)
		return;
	r->scanned++;
	flush(r, dep);
	s = &r->trips[2 * (size_t)trip + (shift != 0)];
	if (!(h->trip & TRANSIT_NO_PICKUP)) {
		uint32_t p;

		if (r->access[h->from] >= 0 && dep - r->access[h->from] >= r->start)
			consider(s, dep - r->access[h->from], 0, r->access[h->from], TRANSIT_NONE, ref);
		p = ready_by(r, r->direct_tail[h->from], dep);
		if (p != TRANSIT_NONE)
			consider(s, r->pairs[p].dep, r->pairs[p].changes + 1, r->pairs[p].walk, p, ref);
		p = ready_by(r, r->foot_tail[h->from], dep);
		if (p != TRANSIT_NONE)
			consider(s, r->pairs[p].dep, r->pairs[p].changes + 1, r->pairs[p].walk, p, ref);
	}
	if (s->dep != NO_TIME && !(h->trip & TRANSIT_NO_DROPOFF)) {
		uint32_t tail = r->direct_tail[h->to], n;
		struct pair *x;

		if (tail != TRANSIT_NONE && r->pairs[tail].dep >= s->dep)
			return;
		n = new_pair(r);
		x = &r->pairs[n];
		x->arr = arr;
		x->ready = arr + r->q.settings.change_seconds;
		x->dep = s->dep;
		x->prev = tail;
		x->parent = s->parent;
		x->board = s->board;
		x->alight = ref;
		x->stop = h->to;
		x->changes = s->changes;
		x->on_foot = 0;
		x->walk = s->walk;
		r->direct_tail[h->to] = n;
		walk_on(r, n);
	}
}

enum status transit_run_new(const struct transit *t, const struct transit_query *q,
			    struct transit_run **out)
{
	struct transit_run *r;
	struct window w;
	uint32_t i, ref;
	char why[128];

	*out = NULL;
	if (transit_settings_check(&q->settings, why, sizeof(why)) != STATUS_OK ||
	    q->arrive_by < 0 || q->arrive_by > 2 * DAY)
		return STATUS_INVALID;
	r = xcalloc(1, sizeof(*r));
	r->t = t;
	r->q = *q;
	r->start = q->arrive_by - q->settings.window_seconds;
	r->speed = q->settings.walk_kmh / 3.6;
	mark_services(r);
	r->access = xmalloc((t->stop_count ? t->stop_count : 1) * sizeof(*r->access));
	r->direct_tail = xmalloc((t->stop_count ? t->stop_count : 1) * sizeof(*r->direct_tail));
	r->foot_tail = xmalloc((t->stop_count ? t->stop_count : 1) * sizeof(*r->foot_tail));
	for (i = 0; i < t->stop_count; i++) {
		r->access[i] = -1;
		r->direct_tail[i] = r->foot_tail[i] = TRANSIT_NONE;
	}
	transit_near(t, q->lat, q->lon, q->settings.walk_metres, note_access, r);
	if (r->access_count) {
		r->trips = xmalloc((t->trip_count ? 2 * (size_t)t->trip_count : 1) * sizeof(*r->trips));
		for (i = 0; i < 2 * t->trip_count; i++)
			r->trips[i].dep = NO_TIME;
		r->bucket = xmalloc(((size_t)(q->arrive_by - r->start) + 1) * sizeof(*r->bucket));
		for (i = 0; i <= (uint32_t)(q->arrive_by - r->start); i++)
			r->bucket[i] = TRANSIT_NONE;
		r->flushed = r->start - 1;
		window_open(t, r->start, q->arrive_by, &w);
		while (window_next(t, &w, &ref))
			scan_hop(r, ref);
		free(r->trips);
		free(r->pending);
		free(r->bucket);
		r->trips = NULL;
		r->pending = NULL;
		r->bucket = NULL;
	}
	*out = r;
	return STATUS_OK;
}

void transit_run_free(struct transit_run *r)
{
	if (!r)
		return;
	free(r->runs_today);
	free(r->runs_before);
	free(r->access);
	free(r->pairs);
	free(r->direct_tail);
	free(r->foot_tail);
	free(r);
}

size_t transit_run_access_stops(const struct transit_run *r)
{
	return r->access_count;
}

size_t transit_run_scanned(const struct transit_run *r)
{
	return r->scanned;
}

/* --- answers ----------------------------------------------------------------------------- */

/* The best way found so far to one destination. */
struct best {
	const struct transit_run *r;
	int found;
	int32_t dep, arrive;
	int changes;
	int32_t walk;
	uint32_t pair;			/* the pair got off at */
	int32_t egress;			/* seconds walked from it */
};

static int consider_stop(void *ctx, uint32_t stop, double metres)
{
	struct best *b = ctx;
	const struct transit_run *r = b->r;
	int32_t e = walk_seconds(r, metres);
	uint32_t p = r->direct_tail[stop];
	const struct pair *x;
	int32_t arrive;

	while (p != TRANSIT_NONE && r->pairs[p].arr + e > r->q.arrive_by)
		p = r->pairs[p].prev;
	if (p == TRANSIT_NONE)
		return 0;
	x = &r->pairs[p];
	arrive = x->arr + e;
	if (b->found && (x->dep < b->dep || (x->dep == b->dep && (arrive > b->arrive ||
	    (arrive == b->arrive && (x->changes > b->changes ||
	     (x->changes == b->changes && x->walk + e >= b->walk)))))))
		return 0;
	b->found = 1;
	b->dep = x->dep;
	b->arrive = arrive;
	b->changes = x->changes;
	b->walk = x->walk + e;
	b->pair = p;
	b->egress = e;
	return 0;
}

static int32_t floor_minute(int32_t s)
{
	return (int32_t)(floor((double)s / 60) * 60);
}

static int32_t ceil_minute(int32_t s)
{
	return (int32_t)(ceil((double)s / 60) * 60);
}

/* Walking the whole way: its seconds, or -1 when it is too far. */
static int32_t walk_alone(const struct transit_run *r, double lat, double lon)
{
	double m = transit_metres((int32_t)lround(r->q.lat * TRANSIT_E6),
				  (int32_t)lround(r->q.lon * TRANSIT_E6),
				  (int32_t)lround(lat * TRANSIT_E6), (int32_t)lround(lon * TRANSIT_E6));

	return m <= r->q.settings.walk_alone_metres ? walk_seconds(r, m) : -1;
}

/* The best way by bus (b), and whether walking the whole way wins (*walk seconds, or -1). */
static int choose(const struct transit_run *r, double lat, double lon, struct best *b,
		  int32_t *walk)
{
	memset(b, 0, sizeof(*b));
	b->r = r;
	if (!isnan(lat) && !isnan(lon) && r->access_count)
		transit_near(r->t, lat, lon, r->q.settings.walk_metres, consider_stop, b);
	*walk = isnan(lat) || isnan(lon) ? -1 : walk_alone(r, lat, lon);
	if (*walk >= 0 && b->found) {
		int bus = ceil_minute(b->arrive) - floor_minute(b->dep);
		int foot = r->q.arrive_by - floor_minute(r->q.arrive_by - *walk);

		if (foot > bus)
			*walk = -1;
	}
	return *walk >= 0 || b->found;
}

void transit_answer_to(const struct transit_run *r, double lat, double lon,
		       struct transit_answer *out)
{
	struct best b;
	int32_t walk;

	memset(out, 0, sizeof(*out));
	if (!choose(r, lat, lon, &b, &walk))
		return;
	out->found = 1;
	if (walk >= 0) {
		out->walk_only = 1;
		out->depart = floor_minute(r->q.arrive_by - walk);
		out->arrive = r->q.arrive_by;
		out->walk_minutes = (walk + 59) / 60;
	} else {
		out->depart = floor_minute(b.dep);
		out->arrive = ceil_minute(b.arrive);
		out->changes = b.changes;
		out->walk_minutes = (b.walk + 59) / 60;
	}
	out->minutes = (out->arrive - out->depart) / 60;
}

/* --- the journey, leg by leg ---------------------------------------------------------------- */

static const char *stop_name(const struct transit *t, uint32_t stop)
{
	return transit_text(t, t->stops[stop].name);
}

static void leg_walk(struct transit_leg *l, int start, int end, const char *from, const char *to)
{
	memset(l, 0, sizeof(*l));
	l->kind = TRANSIT_WALK;
	l->start = start;
	l->end = end;
	l->from = from;
	l->to = to;
	l->headsign = "";
	l->route = "";
}

static void leg_ride(const struct transit *t, struct transit_leg *l, uint32_t board,
		     uint32_t alight)
{
	int32_t s1, s2;
	const struct transit_hop *on = hop_of(t, board, &s1), *off = hop_of(t, alight, &s2);
	const struct transit_trip *trip = &t->trips[on->trip & TRANSIT_TRIP_MASK];
	const struct transit_route *route = &t->routes[trip->route];

	memset(l, 0, sizeof(*l));
	l->kind = TRANSIT_RIDE;
	l->start = on->dep + s1;
	l->end = off->arr + s2;
	l->from = stop_name(t, on->from);
	l->to = stop_name(t, off->to);
	l->route = transit_text(t, route->short_name)[0] ? transit_text(t, route->short_name) :
		   transit_text(t, route->long_name);
	l->route_type = (int)route->type;
	l->headsign = transit_text(t, trip->headsign);
}

int transit_journey_to(const struct transit_run *r, double lat, double lon,
		       struct transit_leg *legs, int max)
{
	const struct transit *t = r->t;
	struct transit_leg rev[TRANSIT_MAX_LEGS];
	struct best b;
	int32_t walk;
	uint32_t p;
	int n = 0, i;

	if (max <= 0 || !choose(r, lat, lon, &b, &walk))
		return 0;
	if (walk >= 0) {
		leg_walk(&legs[0], r->q.arrive_by - walk, r->q.arrive_by, NULL, NULL);
		return 1;
	}
	if (b.egress > 0)
		leg_walk(&rev[n++], b.arrive - b.egress, b.arrive, stop_name(t, r->pairs[b.pair].stop),
			 NULL);
	for (p = b.pair; p != TRANSIT_NONE;) {
		const struct pair *x = &r->pairs[p];
		int32_t shift;
		const struct transit_hop *on;

		if (n + 2 > TRANSIT_MAX_LEGS)
			return 0;	/* too long a journey to tell */
		if (x->on_foot) {
			const struct pair *from = &r->pairs[x->parent];

			leg_walk(&rev[n++], from->arr, x->arr, stop_name(t, from->stop),
				 stop_name(t, x->stop));
			p = x->parent;
			continue;
		}
		leg_ride(t, &rev[n++], x->board, x->alight);
		if (x->parent == TRANSIT_NONE) {
			on = hop_of(t, x->board, &shift);
			if (r->access[on->from] > 0)
				leg_walk(&rev[n++], x->dep, x->dep + r->access[on->from], NULL,
					 stop_name(t, on->from));
			break;
		}
		p = x->parent;
	}
	for (i = 0; i < n && i < max; i++)
		legs[i] = rev[n - 1 - i];
	return i;
}

/* --- the baseline: one destination at a time --------------------------------------------- */

struct transit_baseline {
	const struct transit *t;
	struct transit_query q;
	int32_t start;
	double speed;
	uint32_t *order;		/* the window's hop references, latest departure first */
	uint32_t count;
	int32_t *access;		/* per stop, seconds or -1 */
	int32_t *egress;		/* per stop, for the destination being scanned */
	int32_t *latest;		/* per stop: the latest useful departure there */
	unsigned char *reach;		/* per trip and day: reaches the destination */
};

static const struct transit *sorting_t;

static int by_departure(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	int32_t sx, sy;
	const struct transit_hop *hx = hop_of(sorting_t, x, &sx), *hy = hop_of(sorting_t, y, &sy);
	int32_t dx = hx->dep + sx, dy = hy->dep + sy, ax = hx->arr + sx, ay = hy->arr + sy;

	if (dx != dy)
		return dx > dy ? -1 : 1;
	if (ax != ay)
		return ax > ay ? -1 : 1;
	/* The same times: a trip's later hop first (the pack keeps a trip's hops in order). */
	if (sx != sy)
		return sx > sy ? -1 : 1;
	return (x & ~PREV_DAY) > (y & ~PREV_DAY) ? -1 : 1;
}

static int baseline_access(void *ctx, uint32_t stop, double metres)
{
	struct transit_baseline *b = ctx;

	b->access[stop] = (int32_t)ceil(metres / b->speed);
	return 0;
}

enum status transit_baseline_new(const struct transit *t, const struct transit_query *q,
				 struct transit_baseline **out)
{
	struct transit_baseline *b;
	struct window w;
	uint32_t ref, i, n = 0;
	unsigned char *today, *before;
	char why[128];

	*out = NULL;
	if (transit_settings_check(&q->settings, why, sizeof(why)) != STATUS_OK)
		return STATUS_INVALID;
	b = xcalloc(1, sizeof(*b));
	b->t = t;
	b->q = *q;
	b->start = q->arrive_by - q->settings.window_seconds;
	b->speed = q->settings.walk_kmh / 3.6;
	today = xcalloc(t->service_count ? t->service_count : 1, 1);
	before = xcalloc(t->service_count ? t->service_count : 1, 1);
	for (i = 0; i < t->service_count; i++) {
		today[i] = (unsigned char)transit_service_runs(t, i, q->day);
		before[i] = (unsigned char)transit_service_runs(t, i, q->day - 1);
	}
	window_open(t, b->start, q->arrive_by, &w);
	b->order = xmalloc(((size_t)(w.a_end - w.a) + (w.b_end - w.b) + 1) * sizeof(*b->order));
	while (window_next(t, &w, &ref)) {
		int32_t shift;
		const struct transit_hop *h = hop_of(t, ref, &shift);
		uint32_t service = t->trips[h->trip & TRANSIT_TRIP_MASK].service;

		if ((shift ? before : today)[service] && h->dep + shift >= b->start)
			b->order[n++] = ref;
	}
	b->count = n;
	free(today);
	free(before);
	sorting_t = t;
	if (n > 1)
		qsort(b->order, n, sizeof(*b->order), by_departure);
	sorting_t = NULL;
	b->access = xmalloc((t->stop_count ? t->stop_count : 1) * sizeof(*b->access));
	b->egress = xmalloc((t->stop_count ? t->stop_count : 1) * sizeof(*b->egress));
	b->latest = xmalloc((t->stop_count ? t->stop_count : 1) * sizeof(*b->latest));
	for (i = 0; i < t->stop_count; i++)
		b->access[i] = b->egress[i] = -1;
	b->reach = xmalloc(t->trip_count ? 2 * (size_t)t->trip_count : 1);
	transit_near(t, q->lat, q->lon, q->settings.walk_metres, baseline_access, b);
	*out = b;
	return STATUS_OK;
}

static int baseline_egress(void *ctx, uint32_t stop, double metres)
{
	struct transit_baseline *b = ctx;

	b->egress[stop] = (int32_t)ceil(metres / b->speed);
	return 0;
}

static int baseline_clear(void *ctx, uint32_t stop, double metres)
{
	(void)metres;
	((struct transit_baseline *)ctx)->egress[stop] = -1;
	return 0;
}

/* Can someone who gets off at stop v at arr still make it? */
static int onward(const struct transit_baseline *b, uint32_t v, int32_t arr)
{
	const struct transit *t = b->t;
	int change = b->q.settings.change_seconds;
	uint32_t k;

	if (b->egress[v] >= 0 && arr + b->egress[v] <= b->q.arrive_by)
		return 1;
	if (b->latest[v] != NO_TIME && arr + change <= b->latest[v])
		return 1;
	for (k = t->link_first[v]; k < t->link_first[v + 1]; k++) {
		const struct transit_link *l = &t->links[k];
		int32_t w;

		if ((int)l->metres > b->q.settings.transfer_metres || b->latest[l->stop] == NO_TIME)
			continue;
		w = (int32_t)ceil(l->metres / b->speed);
		if (arr + (w > change ? w : change) <= b->latest[l->stop])
			return 1;
	}
	return 0;
}

int transit_baseline_latest(struct transit_baseline *b, double lat, double lon, size_t *scanned)
{
	const struct transit *t = b->t;
	uint32_t i;
	int32_t best = NO_TIME;

	for (i = 0; i < t->stop_count; i++)
		b->latest[i] = NO_TIME;
	memset(b->reach, 0, t->trip_count ? 2 * (size_t)t->trip_count : 1);
	transit_near(t, lat, lon, b->q.settings.walk_metres, baseline_egress, b);
	for (i = 0; i < b->count; i++) {
		int32_t shift;
		const struct transit_hop *h = hop_of(t, b->order[i], &shift);
		size_t k = 2 * (size_t)(h->trip & TRANSIT_TRIP_MASK) + (shift != 0);
		int32_t dep = h->dep + shift;

		if (!b->reach[k] && !(h->trip & TRANSIT_NO_DROPOFF) && onward(b, h->to, h->arr + shift))
			b->reach[k] = 1;
		if (b->reach[k] && !(h->trip & TRANSIT_NO_PICKUP) && dep > b->latest[h->from])
			b->latest[h->from] = dep;
	}
	if (scanned)
		*scanned = b->count;
	transit_near(t, lat, lon, b->q.settings.walk_metres, baseline_clear, b);
	for (i = 0; i < t->stop_count; i++)
		if (b->access[i] >= 0 && b->latest[i] != NO_TIME &&
		    b->latest[i] - b->access[i] >= b->start && b->latest[i] - b->access[i] > best)
			best = b->latest[i] - b->access[i];
	return best;
}

void transit_baseline_free(struct transit_baseline *b)
{
	if (!b)
		return;
	free(b->order);
	free(b->access);
	free(b->egress);
	free(b->latest);
	free(b->reach);
	free(b);
}
