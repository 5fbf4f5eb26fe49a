/*
 * transit.c - the packed timetable: building it and looking in it (see
 * transit.h; its bytes are in transit_pack.c, journeys in transit_route.c).
 */
#include "transit_int.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define CELL_E6 9000		/* 0.009 degrees of latitude: a kilometre */

const char *transit_mode_word(int type)
{
	/* GTFS route types, and the extended (Google/HVT) ones BODS may carry. */
	if (type == 0 || type == 5 || (type >= 900 && type < 1000))
		return "tram";
	if (type == 1 || (type >= 400 && type < 500))
		return "underground";
	if (type == 2 || (type >= 100 && type < 200))
		return "train";
	if (type == 4 || (type >= 1000 && type < 1100) || type == 1200)
		return "ferry";
	if (type == 200 || (type > 200 && type < 300))
		return "coach";
	return "bus";
}

/* --- small things ------------------------------------------------------------------ */

double transit_metres(int32_t lat1, int32_t lon1, int32_t lat2, int32_t lon2)
{
	double mid = ((double)lat1 + (double)lat2) / 2 / TRANSIT_E6 * M_PI / 180;
	double dy = ((double)lat2 - (double)lat1) / TRANSIT_E6 * TRANSIT_METRES_PER_DEGREE;
	double dx = ((double)lon2 - (double)lon1) / TRANSIT_E6 * TRANSIT_METRES_PER_DEGREE *
		    cos(mid);

	return sqrt(dx * dx + dy * dy);
}

static int32_t to_e6(double degrees)
{
	return (int32_t)lround(degrees * TRANSIT_E6);
}

/* 0 Monday ... 6 Sunday for a day counted from 1970-01-01 (a Thursday). */
static int weekday_of(long day)
{
	long w = (day + 3) % 7;

	return (int)(w < 0 ? w + 7 : w);
}

int transit_service_runs(const struct transit *t, uint32_t s, long day)
{
	const struct transit_service *sv = &t->services[s];
	const struct transit_exception *e = t->exceptions + sv->exceptions;
	uint32_t lo = 0, hi = sv->exception_count;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (e[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < sv->exception_count && e[lo].day == day)
		return e[lo].type == 1;
	return day >= sv->first_day && day <= sv->last_day &&
	       (sv->days & (1u << weekday_of(day)));
}

/* --- the stop grid ------------------------------------------------------------------ */

static uint64_t cell_key(int64_t cy, int64_t cx)
{
	return ((uint64_t)(uint32_t)(cy + INT32_MAX) << 32) | (uint32_t)(cx + INT32_MAX);
}

static int64_t cell_row(int32_t lat)
{
	return (int64_t)floor((double)lat / CELL_E6);
}

static int64_t cell_column(const struct transit *t, int32_t lon)
{
	return (int64_t)floor((double)lon * t->cell_cos / CELL_E6);
}

static int compare_cells(const void *a, const void *b)
{
	const struct transit_cell *x = a, *y = b;

	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->stop < y->stop ? -1 : x->stop > y->stop;
}

void transit_build_grid(struct transit *t)
{
	double sum = 0;
	uint32_t i, n = 0;

	free(t->cells);
	for (i = 0; i < t->stop_count; i++)
		if (t->stops[i].lat != TRANSIT_NO_PLACE) {
			sum += t->stops[i].lat;
			n++;
		}
	t->cell_cos = n ? cos(sum / n / TRANSIT_E6 * M_PI / 180) : 1;
	if (t->cell_cos < 0.1)
		t->cell_cos = 0.1;
	t->cells = xmalloc((n ? n : 1) * sizeof(*t->cells));
	t->cell_count = 0;
	for (i = 0; i < t->stop_count; i++) {
		const struct transit_stop *s = &t->stops[i];

		if (s->lat == TRANSIT_NO_PLACE)
			continue;
		t->cells[t->cell_count].key = cell_key(cell_row(s->lat), cell_column(t, s->lon));
		t->cells[t->cell_count++].stop = i;
	}
	if (t->cell_count > 1)
		qsort(t->cells, t->cell_count, sizeof(*t->cells), compare_cells);
}

void transit_near(const struct transit *t, double lat, double lon, double metres,
		  int (*fn)(void *ctx, uint32_t stop, double metres), void *ctx)
{
	int32_t la = to_e6(lat), lo = to_e6(lon);
	double cos_here = cos(lat * M_PI / 180), height, width;
	int64_t cy = cell_row(la), cx = cell_column(t, lo), dy, dx, ry, rx;

	if (!t->cell_count || !(metres >= 0) || fabs(lat) > 89)
		return;
	height = (double)CELL_E6 / TRANSIT_E6 * TRANSIT_METRES_PER_DEGREE;
	width = height * cos_here / t->cell_cos;
	ry = (int64_t)ceil(metres / height);
	rx = (int64_t)ceil(metres / width);
	if (rx > 1000 || ry > 1000)
		return;
	for (dy = -ry; dy <= ry; dy++)
		for (dx = -rx; dx <= rx; dx++) {
			uint64_t key = cell_key(cy + dy, cx + dx);
			uint32_t a = 0, b = t->cell_count;

			while (a < b) {
				uint32_t mid = a + (b - a) / 2;

				if (t->cells[mid].key < key)
					a = mid + 1;
				else
					b = mid;
			}
			for (; a < t->cell_count && t->cells[a].key == key; a++) {
				const struct transit_stop *s = &t->stops[t->cells[a].stop];
				double d = transit_metres(la, lo, s->lat, s->lon);

				if (d <= metres && fn(ctx, t->cells[a].stop, d))
					return;
			}
		}
}

static int found_one(void *ctx, uint32_t stop, double metres)
{
	(void)stop;
	(void)metres;
	*(int *)ctx = 1;
	return 1;
}

int transit_covers(const struct transit *t, double lat, double lon, double metres)
{
	int found = 0;

	transit_near(t, lat, lon, metres, found_one, &found);
	return found;
}

size_t transit_services_on(const struct transit *t, long day, double lat, double lon,
			   double metres, size_t *removed)
{
	int32_t la = to_e6(lat), lo = to_e6(lon);
	double dlat = metres / TRANSIT_METRES_PER_DEGREE * TRANSIT_E6;
	double dlon = dlat / fmax(cos(lat * M_PI / 180), 0.1);
	size_t n = 0, off = 0;
	uint32_t s;

	for (s = 0; s < t->service_count; s++) {
		const struct transit_service *sv = &t->services[s];

		if (sv->min_lat > sv->max_lat || la < sv->min_lat - dlat || la > sv->max_lat + dlat ||
		    lo < sv->min_lon - dlon || lo > sv->max_lon + dlon)
			continue;
		if (transit_service_runs(t, s, day))
			n++;
		else if (day >= sv->first_day && day <= sv->last_day &&
			 (sv->days & (1u << weekday_of(day))))
			off++;
	}
	if (removed)
		*removed = off;
	return n;
}

/* --- building ------------------------------------------------------------------------- */

struct text_slot {
	uint32_t offset, hash;
};

struct builder_exception {
	uint32_t service;
	struct transit_exception e;
};

struct transit_builder {
	struct strbuf text;
	struct text_slot *slots;		/* interned text, open addressing */
	uint32_t slot_count, slot_used;
	struct transit_feed_entry *feeds;
	uint32_t feed_count;
	struct transit_stop *stops;
	uint32_t stop_count, stop_alloc;
	struct transit_route *routes;
	uint32_t route_count, route_alloc;
	struct transit_service *services;
	uint32_t service_count, service_alloc;
	struct builder_exception *exceptions;
	uint32_t exception_count, exception_alloc;
	struct transit_trip *trips;
	uint32_t trip_count, trip_alloc;
	struct transit_hop *hops;
	size_t hop_count, hop_alloc;
};

#define GROW(ptr, count, alloc) do { \
	if ((count) == (alloc)) { \
		(alloc) = (alloc) ? (alloc) * 2 : 64; \
		(ptr) = xrealloc((ptr), (size_t)(alloc) * sizeof(*(ptr))); \
	} \
} while (0)

static uint32_t hash_text(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

static uint32_t intern(struct transit_builder *b, const char *s)
{
	uint32_t h, i, offset;

	if (!s)
		s = "";
	h = hash_text(s);
	if (b->slot_used * 2 >= b->slot_count) {
		uint32_t old_count = b->slot_count, k;
		struct text_slot *old = b->slots;

		b->slot_count = old_count ? old_count * 2 : 1024;
		b->slots = xmalloc(b->slot_count * sizeof(*b->slots));
		for (k = 0; k < b->slot_count; k++)
			b->slots[k].offset = UINT32_MAX;
		for (k = 0; k < old_count; k++) {
			if (old[k].offset == UINT32_MAX)
				continue;
			for (i = old[k].hash & (b->slot_count - 1); b->slots[i].offset != UINT32_MAX;
			     i = (i + 1) & (b->slot_count - 1))
				;
			b->slots[i] = old[k];
		}
		free(old);
	}
	for (i = h & (b->slot_count - 1); b->slots[i].offset != UINT32_MAX;
	     i = (i + 1) & (b->slot_count - 1))
		if (b->slots[i].hash == h && strcmp(b->text.buf + b->slots[i].offset, s) == 0)
			return b->slots[i].offset;
	offset = (uint32_t)b->text.len;
	strbuf_add(&b->text, s, strlen(s) + 1);
	b->slots[i].offset = offset;
	b->slots[i].hash = h;
	b->slot_used++;
	return offset;
}

struct transit_builder *transit_builder_new(void)
{
	struct transit_builder *b = xcalloc(1, sizeof(*b));

	strbuf_init(&b->text);
	intern(b, "");
	return b;
}

void transit_builder_free(struct transit_builder *b)
{
	if (!b)
		return;
	strbuf_done(&b->text);
	free(b->slots);
	free(b->feeds);
	free(b->stops);
	free(b->routes);
	free(b->services);
	free(b->exceptions);
	free(b->trips);
	free(b->hops);
	free(b);
}

static int32_t day_or_none(long day)
{
	return day == LONG_MIN || day < INT32_MIN + 1 || day > INT32_MAX ? INT32_MIN : (int32_t)day;
}

void transit_builder_feed(struct transit_builder *b, const char *path, const char *publisher,
			  long first_day, long last_day)
{
	b->feeds = xrealloc(b->feeds, (b->feed_count + 1) * sizeof(*b->feeds));
	b->feeds[b->feed_count].path = intern(b, path);
	b->feeds[b->feed_count].publisher = intern(b, publisher);
	b->feeds[b->feed_count].first_day = day_or_none(first_day);
	b->feeds[b->feed_count].last_day = day_or_none(last_day);
	b->feed_count++;
}

void transit_builder_feed_days(struct transit_builder *b, size_t i, long first_day,
			       long last_day)
{
	if (i >= b->feed_count)
		return;
	b->feeds[i].first_day = day_or_none(first_day);
	b->feeds[i].last_day = day_or_none(last_day);
}

uint32_t transit_builder_stop(struct transit_builder *b, double lat, double lon, const char *name)
{
	struct transit_stop *s;

	GROW(b->stops, b->stop_count, b->stop_alloc);
	s = &b->stops[b->stop_count];
	if (isnan(lat) || isnan(lon) || fabs(lat) > 90 || fabs(lon) > 180) {
		s->lat = TRANSIT_NO_PLACE;
		s->lon = 0;
	} else {
		s->lat = to_e6(lat);
		s->lon = to_e6(lon);
	}
	s->name = intern(b, name);
	return b->stop_count++;
}

uint32_t transit_builder_route(struct transit_builder *b, const char *short_name,
			       const char *long_name, const char *agency, int type)
{
	struct transit_route *r;

	GROW(b->routes, b->route_count, b->route_alloc);
	r = &b->routes[b->route_count];
	r->short_name = intern(b, short_name);
	r->long_name = intern(b, long_name);
	r->agency = intern(b, agency);
	r->type = type < 0 ? 3 : (uint32_t)type;
	return b->route_count++;
}

uint32_t transit_builder_service(struct transit_builder *b, unsigned days, long first_day,
				 long last_day)
{
	struct transit_service *s;

	GROW(b->services, b->service_count, b->service_alloc);
	s = &b->services[b->service_count];
	memset(s, 0, sizeof(*s));
	s->days = days & 127;
	s->first_day = first_day == LONG_MIN ? INT32_MIN : day_or_none(first_day);
	s->last_day = last_day == LONG_MIN ? INT32_MIN : day_or_none(last_day);
	s->min_lat = s->min_lon = INT32_MAX;
	s->max_lat = s->max_lon = INT32_MIN;
	return b->service_count++;
}

void transit_builder_exception(struct transit_builder *b, uint32_t service, long day, int type)
{
	GROW(b->exceptions, b->exception_count, b->exception_alloc);
	b->exceptions[b->exception_count].service = service;
	b->exceptions[b->exception_count].e.day = day_or_none(day);
	b->exceptions[b->exception_count].e.type = type == 1 ? 1 : 2;
	b->exception_count++;
}

uint32_t transit_builder_trip(struct transit_builder *b, uint32_t route, uint32_t service,
			      const char *headsign)
{
	struct transit_trip *t;

	GROW(b->trips, b->trip_count, b->trip_alloc);
	t = &b->trips[b->trip_count];
	t->route = route;
	t->service = service;
	t->headsign = intern(b, headsign);
	return b->trip_count++;
}

void transit_builder_hop(struct transit_builder *b, uint32_t trip, uint32_t from, uint32_t to,
			 int dep, int arr, int no_pickup, int no_dropoff)
{
	struct transit_hop *h;

	GROW(b->hops, b->hop_count, b->hop_alloc);
	h = &b->hops[b->hop_count++];
	h->dep = dep;
	h->arr = arr < dep ? dep : arr;
	h->from = from;
	h->to = to;
	h->trip = (trip & TRANSIT_TRIP_MASK) | (no_pickup ? TRANSIT_NO_PICKUP : 0) |
		  (no_dropoff ? TRANSIT_NO_DROPOFF : 0);
}

size_t transit_builder_hops(const struct transit_builder *b)
{
	return b->hop_count;
}

/* Hops in order of arrival, then departure; ties keep the order they were given in
 * (a trip's hops one after another), so a trip is always followed in order. */
static const struct transit_hop *sorting_hops;

static int compare_hops(const void *a, const void *b)
{
	uint32_t i = *(const uint32_t *)a, j = *(const uint32_t *)b;
	const struct transit_hop *x = &sorting_hops[i], *y = &sorting_hops[j];

	if (x->arr != y->arr)
		return x->arr < y->arr ? -1 : 1;
	if (x->dep != y->dep)
		return x->dep < y->dep ? -1 : 1;
	return i < j ? -1 : i > j;
}

static int compare_keys(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * A region's million hops sort as 64-bit keys - arrival (20 bits), departure
 * (20 bits), place in the list (24 bits) - and are then moved into place
 * along the permutation's cycles: no second copy of the hops. Times outside
 * what the key holds, or more hops than it can count, take the slower way
 * with a copy.
 */
#define KEY_TIME_LIMIT (1 << 20)
#define KEY_INDEX_LIMIT (1 << 24)

static int keys_fit(const struct transit_builder *b)
{
	size_t i;

	if (b->hop_count >= KEY_INDEX_LIMIT)
		return 0;
	for (i = 0; i < b->hop_count; i++)
		if (b->hops[i].dep < 0 || b->hops[i].arr >= KEY_TIME_LIMIT)
			return 0;
	return 1;
}

static void sort_hops(struct transit_builder *b)
{
	size_t n = b->hop_count, i;

	if (n < 2)
		return;
	if (keys_fit(b)) {
		uint64_t *keys = xmalloc(n * sizeof(*keys));
		unsigned char *placed = xcalloc(n / 8 + 1, 1);

		for (i = 0; i < n; i++)
			keys[i] = (uint64_t)b->hops[i].arr << 44 | (uint64_t)b->hops[i].dep << 24 | i;
		qsort(keys, n, sizeof(*keys), compare_keys);
		/* Position p takes the hop that was at keys[p]'s index: follow each cycle once. */
		for (i = 0; i < n; i++) {
			struct transit_hop first;
			size_t at = i, from;

			if (placed[i / 8] & (1u << (i % 8)))
				continue;
			first = b->hops[i];
			for (;;) {
				placed[at / 8] |= (unsigned char)(1u << (at % 8));
				from = (size_t)(keys[at] & (KEY_INDEX_LIMIT - 1));
				if (from == i)
					break;
				b->hops[at] = b->hops[from];
				at = from;
			}
			b->hops[at] = first;
		}
		free(placed);
		free(keys);
	} else {
		uint32_t *order = xmalloc(n * sizeof(*order));
		struct transit_hop *sorted = xmalloc(n * sizeof(*sorted));

		for (i = 0; i < n; i++)
			order[i] = (uint32_t)i;
		sorting_hops = b->hops;
		qsort(order, n, sizeof(*order), compare_hops);
		sorting_hops = NULL;
		for (i = 0; i < n; i++)
			sorted[i] = b->hops[order[i]];
		free(order);
		free(b->hops);
		b->hops = sorted;
	}
	/* Keep only what is used. */
	b->hops = xrealloc(b->hops, n * sizeof(*b->hops));
	b->hop_alloc = n;
}

static int compare_exceptions(const void *a, const void *b)
{
	const struct builder_exception *x = a, *y = b;

	if (x->service != y->service)
		return x->service < y->service ? -1 : 1;
	return x->e.day < y->e.day ? -1 : x->e.day > y->e.day;
}

static void widen(struct transit_service *s, const struct transit_stop *p)
{
	if (p->lat == TRANSIT_NO_PLACE)
		return;
	if (p->lat < s->min_lat)
		s->min_lat = p->lat;
	if (p->lat > s->max_lat)
		s->max_lat = p->lat;
	if (p->lon < s->min_lon)
		s->min_lon = p->lon;
	if (p->lon > s->max_lon)
		s->max_lon = p->lon;
}

struct link_work {
	struct transit *t;
	uint32_t self;
	struct transit_link *links;
	uint32_t count, alloc;
};

static int add_link(void *ctx, uint32_t stop, double metres)
{
	struct link_work *w = ctx;

	if (stop == w->self)
		return 0;
	GROW(w->links, w->count, w->alloc);
	w->links[w->count].stop = stop;
	w->links[w->count].metres = (uint32_t)ceil(metres);
	w->count++;
	return 0;
}

static int compare_links(const void *a, const void *b)
{
	const struct transit_link *x = a, *y = b;

	return x->stop < y->stop ? -1 : x->stop > y->stop;
}

/* Every located stop's neighbours within TRANSIT_TRANSFER_MAX_METRES. */
static void build_links(struct transit *t)
{
	struct link_work w = { t, 0, NULL, 0, 0 };
	uint32_t i;

	t->link_first = xmalloc(((size_t)t->stop_count + 1) * sizeof(*t->link_first));
	for (i = 0; i < t->stop_count; i++) {
		const struct transit_stop *s = &t->stops[i];
		uint32_t from = w.count;

		t->link_first[i] = from;
		if (s->lat == TRANSIT_NO_PLACE)
			continue;
		w.self = i;
		transit_near(t, s->lat / TRANSIT_E6, s->lon / TRANSIT_E6, TRANSIT_TRANSFER_MAX_METRES,
			     add_link, &w);
		if (w.count > from)
			qsort(w.links + from, w.count - from, sizeof(*w.links), compare_links);
	}
	t->link_first[t->stop_count] = w.count;
	t->links = w.links;
	t->link_count = w.count;
}

struct transit *transit_builder_finish(struct transit_builder *b)
{
	struct transit *t = xcalloc(1, sizeof(*t));
	uint32_t i, k;
	size_t h;

	/* Each service's exceptions together, by day; one per day (the last said wins). */
	if (b->exception_count > 1)
		qsort(b->exceptions, b->exception_count, sizeof(*b->exceptions),
		      compare_exceptions);
	t->exceptions = xmalloc((b->exception_count ? b->exception_count : 1) *
				sizeof(*t->exceptions));
	for (i = 0, k = 0; i < b->exception_count; i++) {
		struct transit_service *s = &b->services[b->exceptions[i].service];

		if (k && s->exception_count && t->exceptions[k - 1].day == b->exceptions[i].e.day) {
			t->exceptions[k - 1] = b->exceptions[i].e;
			continue;
		}
		if (!s->exception_count)
			s->exceptions = k;
		s->exception_count++;
		t->exceptions[k++] = b->exceptions[i].e;
	}
	t->exception_count = k;
	for (h = 0; h < b->hop_count; h++) {
		const struct transit_hop *hop = &b->hops[h];
		struct transit_service *s = &b->services[b->trips[hop->trip & TRANSIT_TRIP_MASK].service];

		widen(s, &b->stops[hop->from]);
		widen(s, &b->stops[hop->to]);
	}
	sort_hops(b);

	t->text_len = (uint32_t)b->text.len;
	t->text = strbuf_detach(&b->text);
	t->feeds = b->feeds;
	t->feed_count = b->feed_count;
	t->stops = b->stops;
	t->stop_count = b->stop_count;
	t->routes = b->routes;
	t->route_count = b->route_count;
	t->services = b->services;
	t->service_count = b->service_count;
	t->trips = b->trips;
	t->trip_count = b->trip_count;
	t->hops = b->hops;
	t->hop_count = (uint32_t)b->hop_count;
	b->feeds = NULL;
	b->stops = NULL;
	b->routes = NULL;
	b->services = NULL;
	b->trips = NULL;
	b->hops = NULL;
	transit_builder_free(b);
	transit_build_grid(t);
	build_links(t);
	return t;
}

void transit_free(struct transit *t)
{
	if (!t)
		return;
	free(t->text);
	free(t->feeds);
	free(t->stops);
	free(t->routes);
	free(t->services);
	free(t->exceptions);
	free(t->trips);
	free(t->hops);
	free(t->link_first);
	free(t->links);
	free(t->cells);
	free(t);
}

/* --- what it holds ------------------------------------------------------------------ */

void transit_summarise(const struct transit *t, struct transit_summary *out)
{
	uint32_t i;

	memset(out, 0, sizeof(*out));
	out->feeds = t->feed_count;
	out->stops = t->stop_count;
	out->located_stops = t->cell_count;
	out->routes = t->route_count;
	out->trips = t->trip_count;
	out->services = t->service_count;
	out->hops = t->hop_count;
	out->first_day = out->last_day = LONG_MIN;
	for (i = 0; i < t->feed_count; i++) {
		const struct transit_feed_entry *f = &t->feeds[i];

		if (f->first_day != INT32_MIN &&
		    (out->first_day == LONG_MIN || f->first_day < out->first_day))
			out->first_day = f->first_day;
		if (f->last_day != INT32_MIN && (out->last_day == LONG_MIN || f->last_day > out->last_day))
			out->last_day = f->last_day;
	}
	out->bytes = sizeof(*t) + t->text_len + (size_t)t->feed_count * sizeof(*t->feeds) +
		     (size_t)t->stop_count * (sizeof(*t->stops) + sizeof(*t->link_first)) +
		     (size_t)t->route_count * sizeof(*t->routes) +
		     (size_t)t->service_count * sizeof(*t->services) +
		     (size_t)t->exception_count * sizeof(*t->exceptions) +
		     (size_t)t->trip_count * sizeof(*t->trips) +
		     (size_t)t->hop_count * sizeof(*t->hops) +
		     (size_t)t->link_count * sizeof(*t->links) +
		     (size_t)t->cell_count * sizeof(*t->cells);
}

void transit_feed(const struct transit *t, size_t i, const char **path, const char **publisher,
		  long *first_day, long *last_day)
{
	const struct transit_feed_entry *f = &t->feeds[i];

	*path = transit_text(t, f->path);
	*publisher = transit_text(t, f->publisher);
	*first_day = f->first_day == INT32_MIN ? LONG_MIN : f->first_day;
	*last_day = f->last_day == INT32_MIN ? LONG_MIN : f->last_day;
}
