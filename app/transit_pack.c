/*
 * transit_pack.c - the packed timetable's bytes: written into the store at the
 * end of a build, read back once by a search (see transit.h).
 *
 * The saved form, every number a little-endian 32-bit word:
 *
 *	"careers-transit" 00, then format version 1
 *	text: length, bytes		every name, each ending in NUL
 *	feeds: count, then path, publisher, first_day, last_day
 *	stops: count, then lat, lon (millionths of a degree), name
 *	routes: count, then short_name, long_name, agency, type
 *	services: count, then days, first_day, last_day, first exception,
 *		exception count, min_lat, min_lon, max_lat, max_lon
 *	exceptions: count, then day, type
 *	trips: count, then route, service, headsign
 *	hops: count, then dep, arr, from, to, trip (with its flags)
 *	links: stop_count + 1 firsts, then count, then stop, metres
 *
 * Reading checks every count against the bytes left, every index against
 * what it points into, every text offset, the hops' order and that no hop
 * arrives before it leaves; the stop grid is worked out again, not read.
 */
#include "transit_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define TRANSIT_MAGIC "careers-transit"
#define TRANSIT_FORMAT 1

/* --- keeping it --------------------------------------------------------------------- */

/* The bytes go out in pieces through `write`, so a region's timetable is never in memory twice. */
struct writer {
	enum status (*write)(void *ctx, const void *buf, size_t n, size_t offset);
	void *ctx;
	unsigned char piece[65536];
	size_t have, offset;
	enum status rc;
};

static void flush_piece(struct writer *w)
{
	if (w->have && w->rc == STATUS_OK)
		w->rc = w->write(w->ctx, w->piece, w->have, w->offset);
	w->offset += w->have;
	w->have = 0;
}

static void put_bytes(struct writer *w, const void *data, size_t n)
{
	const unsigned char *p = data;

	while (n) {
		size_t k = sizeof(w->piece) - w->have;

		if (k > n)
			k = n;
		memcpy(w->piece + w->have, p, k);
		w->have += k;
		p += k;
		n -= k;
		if (w->have == sizeof(w->piece))
			flush_piece(w);
	}
}

static void put32(struct writer *w, uint32_t v)
{
	unsigned char b[4] = { (unsigned char)(v & 255), (unsigned char)(v >> 8 & 255),
			       (unsigned char)(v >> 16 & 255), (unsigned char)(v >> 24 & 255) };

	put_bytes(w, b, 4);
}

size_t transit_encoded_size(const struct transit *t)
{
	return sizeof(TRANSIT_MAGIC) + 4 + 4 + t->text_len + 4 + (size_t)t->feed_count * 16 + 4 +
	       (size_t)t->stop_count * 12 + 4 + (size_t)t->route_count * 16 + 4 +
	       (size_t)t->service_count * 36 + 4 + (size_t)t->exception_count * 8 + 4 +
	       (size_t)t->trip_count * 12 + 4 + (size_t)t->hop_count * 20 +
	       ((size_t)t->stop_count + 1) * 4 + 4 + (size_t)t->link_count * 8;
}

enum status transit_write(const struct transit *t,
			  enum status (*write)(void *ctx, const void *buf, size_t n, size_t offset),
			  void *ctx)
{
	struct writer *w = xcalloc(1, sizeof(*w));
	enum status rc;
	uint32_t i;

	w->write = write;
	w->ctx = ctx;
	put_bytes(w, TRANSIT_MAGIC, sizeof(TRANSIT_MAGIC));
	put32(w, TRANSIT_FORMAT);
	put32(w, t->text_len);
	put_bytes(w, t->text, t->text_len);
	put32(w, t->feed_count);
	for (i = 0; i < t->feed_count; i++) {
		put32(w, t->feeds[i].path);
		put32(w, t->feeds[i].publisher);
		put32(w, (uint32_t)t->feeds[i].first_day);
		put32(w, (uint32_t)t->feeds[i].last_day);
	}
	put32(w, t->stop_count);
	for (i = 0; i < t->stop_count; i++) {
		put32(w, (uint32_t)t->stops[i].lat);
		put32(w, (uint32_t)t->stops[i].lon);
		put32(w, t->stops[i].name);
	}
	put32(w, t->route_count);
	for (i = 0; i < t->route_count; i++) {
		put32(w, t->routes[i].short_name);
		put32(w, t->routes[i].long_name);
		put32(w, t->routes[i].agency);
		put32(w, t->routes[i].type);
	}
	put32(w, t->service_count);
	for (i = 0; i < t->service_count; i++) {
		const struct transit_service *sv = &t->services[i];

		put32(w, sv->days);
		put32(w, (uint32_t)sv->first_day);
		put32(w, (uint32_t)sv->last_day);
		put32(w, sv->exceptions);
		put32(w, sv->exception_count);
		put32(w, (uint32_t)sv->min_lat);
		put32(w, (uint32_t)sv->min_lon);
		put32(w, (uint32_t)sv->max_lat);
		put32(w, (uint32_t)sv->max_lon);
	}
	put32(w, t->exception_count);
	for (i = 0; i < t->exception_count; i++) {
		put32(w, (uint32_t)t->exceptions[i].day);
		put32(w, t->exceptions[i].type);
	}
	put32(w, t->trip_count);
	for (i = 0; i < t->trip_count; i++) {
		put32(w, t->trips[i].route);
		put32(w, t->trips[i].service);
		put32(w, t->trips[i].headsign);
	}
	put32(w, t->hop_count);
	for (i = 0; i < t->hop_count; i++) {
		put32(w, (uint32_t)t->hops[i].dep);
		put32(w, (uint32_t)t->hops[i].arr);
		put32(w, t->hops[i].from);
		put32(w, t->hops[i].to);
		put32(w, t->hops[i].trip);
	}
	for (i = 0; i <= t->stop_count; i++)
		put32(w, t->link_first[i]);
	put32(w, t->link_count);
	for (i = 0; i < t->link_count; i++) {
		put32(w, t->links[i].stop);
		put32(w, t->links[i].metres);
	}
	flush_piece(w);
	rc = w->rc;
	free(w);
	return rc;
}

static enum status write_strbuf(void *ctx, const void *buf, size_t n, size_t offset)
{
	(void)offset;
	strbuf_add(ctx, buf, n);
	return STATUS_OK;
}

enum status transit_encode(const struct transit *t, char **out, size_t *len)
{
	struct strbuf sb;
	enum status rc;

	strbuf_init(&sb);
	strbuf_grow(&sb, transit_encoded_size(t));
	rc = transit_write(t, write_strbuf, &sb);
	*len = sb.len;
	*out = strbuf_detach(&sb);
	return rc;
}

/*
 * The bytes are read in pieces of READ_PIECE through `read`, so that a
 * timetable read from the store is never in memory twice.
 */
#define READ_PIECE 65536

struct reader {
	enum status (*read)(void *ctx, void *buf, size_t n, size_t offset);
	void *ctx;
	unsigned char piece[READ_PIECE];
	size_t at, have;		/* the next byte in piece, and how many it holds */
	size_t offset;			/* where piece[have] comes from */
	size_t left;			/* bytes not yet taken */
	char *err;
	size_t errlen;
	int failed;
};

/* At least n (<= READ_PIECE) bytes in the piece, or failed. */
static int fill(struct reader *r, size_t n)
{
	size_t want;

	if (r->failed)
		return 0;
	if (r->have - r->at >= n)
		return 1;
	if (r->left < n) {
		if (!r->failed)
			snprintf(r->err, r->errlen, "it ends too soon");
		r->failed = 1;
		return 0;
	}
	memmove(r->piece, r->piece + r->at, r->have - r->at);
	r->have -= r->at;
	r->at = 0;
	want = READ_PIECE - r->have;
	if (want > r->left - r->have)
		want = r->left - r->have;
	if (r->read(r->ctx, r->piece + r->have, want, r->offset) != STATUS_OK) {
		snprintf(r->err, r->errlen, "it cannot be read");
		r->failed = 1;
		return 0;
	}
	r->have += want;
	r->offset += want;
	return 1;
}

static uint32_t get32(struct reader *r)
{
	const unsigned char *p;
	uint32_t v;

	if (!fill(r, 4))
		return 0;
	p = r->piece + r->at;
	v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
	r->at += 4;
	r->left -= 4;
	return v;
}

/* n bytes into out (any n). */
static void get_bytes(struct reader *r, void *out, size_t n)
{
	unsigned char *o = out;

	while (n && !r->failed) {
		size_t k = n < READ_PIECE ? n : READ_PIECE;

		if (!fill(r, k))
			return;
		memcpy(o, r->piece + r->at, k);
		r->at += k;
		r->left -= k;
		o += k;
		n -= k;
	}
}

static int bad(struct reader *r, const char *what)
{
	if (!r->failed)
		snprintf(r->err, r->errlen, "%s", what);
	r->failed = 1;
	return 0;
}

/* A count of records of `size` bytes each that the bytes left can hold. */
static uint32_t get_count(struct reader *r, size_t size, const char *what)
{
	uint32_t n = get32(r);

	if (!r->failed && (size_t)n > r->left / size) {
		char why[96];

		snprintf(why, sizeof(why), "it says %u %s, more than it holds", n, what);
		bad(r, why);
		return 0;
	}
	return n;
}

static void *get_array(uint32_t n, size_t size)
{
	return xmalloc((n ? n : 1) * size);
}

static int text_ok(const struct transit *t, uint32_t offset)
{
	return offset < t->text_len;
}

static void read_tables(struct reader *r, struct transit *t)
{
	uint32_t i;

	t->feed_count = get_count(r, 16, "feeds");
	t->feeds = get_array(t->feed_count, sizeof(*t->feeds));
	for (i = 0; i < t->feed_count && !r->failed; i++) {
		t->feeds[i].path = get32(r);
		t->feeds[i].publisher = get32(r);
		t->feeds[i].first_day = (int32_t)get32(r);
		t->feeds[i].last_day = (int32_t)get32(r);
		if (!text_ok(t, t->feeds[i].path) || !text_ok(t, t->feeds[i].publisher))
			bad(r, "a feed's name is outside the text");
	}
	t->stop_count = get_count(r, 12, "stops");
	t->stops = get_array(t->stop_count, sizeof(*t->stops));
	for (i = 0; i < t->stop_count && !r->failed; i++) {
		struct transit_stop *s = &t->stops[i];

		s->lat = (int32_t)get32(r);
		s->lon = (int32_t)get32(r);
		s->name = get32(r);
		if (!text_ok(t, s->name))
			bad(r, "a stop's name is outside the text");
		if (s->lat != TRANSIT_NO_PLACE &&
		    (s->lat < -90000000 || s->lat > 90000000 || s->lon < -180000000 ||
		     s->lon > 180000000))
			bad(r, "a stop is not on the Earth");
	}
	t->route_count = get_count(r, 16, "routes");
	t->routes = get_array(t->route_count, sizeof(*t->routes));
	for (i = 0; i < t->route_count && !r->failed; i++) {
		struct transit_route *x = &t->routes[i];

		x->short_name = get32(r);
		x->long_name = get32(r);
		x->agency = get32(r);
		x->type = get32(r);
		if (!text_ok(t, x->short_name) || !text_ok(t, x->long_name) || !text_ok(t, x->agency))
			bad(r, "a route's name is outside the text");
	}
	t->service_count = get_count(r, 36, "services");
	t->services = get_array(t->service_count, sizeof(*t->services));
	for (i = 0; i < t->service_count && !r->failed; i++) {
		struct transit_service *s = &t->services[i];

		s->days = get32(r);
		if (s->days > 127)
			bad(r, "a service runs on a day of the week that is not one");
		s->first_day = (int32_t)get32(r);
		s->last_day = (int32_t)get32(r);
		s->exceptions = get32(r);
		s->exception_count = get32(r);
		s->min_lat = (int32_t)get32(r);
		s->min_lon = (int32_t)get32(r);
		s->max_lat = (int32_t)get32(r);
		s->max_lon = (int32_t)get32(r);
	}
	t->exception_count = get_count(r, 8, "exceptions");
	t->exceptions = get_array(t->exception_count, sizeof(*t->exceptions));
	for (i = 0; i < t->exception_count && !r->failed; i++) {
		t->exceptions[i].day = (int32_t)get32(r);
		t->exceptions[i].type = get32(r);
		if (t->exceptions[i].type != 1 && t->exceptions[i].type != 2)
			bad(r, "an exception is neither an added nor a removed day");
	}
	for (i = 0; i < t->service_count && !r->failed; i++) {
		const struct transit_service *s = &t->services[i];
		uint32_t k;

		if (s->exceptions > t->exception_count ||
		    s->exception_count > t->exception_count - s->exceptions) {
			bad(r, "a service's exceptions are outside the list");
			break;
		}
		for (k = 1; k < s->exception_count; k++)
			if (t->exceptions[s->exceptions + k].day <= t->exceptions[s->exceptions + k - 1].day)
				bad(r, "a service's exceptions are not in order of day");
	}
	t->trip_count = get_count(r, 12, "trips");
	t->trips = get_array(t->trip_count, sizeof(*t->trips));
	for (i = 0; i < t->trip_count && !r->failed; i++) {
		struct transit_trip *x = &t->trips[i];

		x->route = get32(r);
		x->service = get32(r);
		x->headsign = get32(r);
		if (x->route >= t->route_count || x->service >= t->service_count)
			bad(r, "a trip names a route or service that is not there");
		if (!text_ok(t, x->headsign))
			bad(r, "a trip's headsign is outside the text");
		if (t->trip_count > TRANSIT_TRIP_MASK)
			bad(r, "too many trips");
	}
}

static void read_hops(struct reader *r, struct transit *t)
{
	uint32_t i;

	t->hop_count = get_count(r, 20, "hops");
	t->hops = get_array(t->hop_count, sizeof(*t->hops));
	for (i = 0; i < t->hop_count && !r->failed; i++) {
		struct transit_hop *h = &t->hops[i];

		h->dep = (int32_t)get32(r);
		h->arr = (int32_t)get32(r);
		h->from = get32(r);
		h->to = get32(r);
		h->trip = get32(r);
		if (h->from >= t->stop_count || h->to >= t->stop_count ||
		    (h->trip & TRANSIT_TRIP_MASK) >= t->trip_count)
			bad(r, "a hop names a stop or trip that is not there");
		else if (h->arr < h->dep || h->dep < -TRANSIT_DAY_SECONDS ||
			 h->arr > 8 * TRANSIT_DAY_SECONDS)
			bad(r, "a hop arrives before it leaves, or at no time of day");
		else if (i && (h->arr < t->hops[i - 1].arr ||
			       (h->arr == t->hops[i - 1].arr && h->dep < t->hops[i - 1].dep)))
			bad(r, "the hops are not in order of arrival");
	}
}

static void read_links(struct reader *r, struct transit *t)
{
	uint32_t i;

	if (r->failed)
		return;
	if ((size_t)t->stop_count + 1 > r->left / 4) {
		bad(r, "it ends before the links");
		return;
	}
	t->link_first = xmalloc(((size_t)t->stop_count + 1) * sizeof(*t->link_first));
	for (i = 0; i <= t->stop_count; i++) {
		t->link_first[i] = get32(r);
		if (i && t->link_first[i] < t->link_first[i - 1])
			bad(r, "the links are not in order");
	}
	t->link_count = get_count(r, 8, "links");
	if (!r->failed && (t->link_first[0] != 0 || t->link_first[t->stop_count] != t->link_count))
		bad(r, "the links do not add up");
	t->links = get_array(t->link_count, sizeof(*t->links));
	for (i = 0; i < t->link_count && !r->failed; i++) {
		t->links[i].stop = get32(r);
		t->links[i].metres = get32(r);
		if (t->links[i].stop >= t->stop_count ||
		    t->links[i].metres > TRANSIT_TRANSFER_MAX_METRES)
			bad(r, "a link names a stop that is not there");
	}
}

struct memory {
	const unsigned char *bytes;
	size_t len;
};

static enum status read_memory(void *ctx, void *buf, size_t n, size_t offset)
{
	const struct memory *m = ctx;

	if (offset > m->len || n > m->len - offset)
		return STATUS_CORRUPT;
	memcpy(buf, m->bytes + offset, n);
	return STATUS_OK;
}

enum status transit_decode(const void *data, size_t len, struct transit **out, char *err,
			   size_t errlen)
{
	struct memory m = { data, len };

	return transit_decode_from(read_memory, &m, len, out, err, errlen);
}

enum status transit_decode_from(enum status (*read)(void *ctx, void *buf, size_t n, size_t offset),
				void *ctx, size_t len, struct transit **out, char *err,
				size_t errlen)
{
	struct reader *r = xcalloc(1, sizeof(*r));
	char magic[sizeof(TRANSIT_MAGIC)];
	struct transit *t;
	enum status rc = STATUS_OK;

	*out = NULL;
	r->read = read;
	r->ctx = ctx;
	r->left = len;
	r->err = err;
	r->errlen = errlen;
	get_bytes(r, magic, sizeof(magic));
	if (r->failed || memcmp(magic, TRANSIT_MAGIC, sizeof(magic)) != 0) {
		snprintf(err, errlen, "not a packed timetable");
		free(r);
		return STATUS_CORRUPT;
	}
	if (get32(r) != TRANSIT_FORMAT) {
		snprintf(err, errlen, "a packed timetable of another format");
		free(r);
		return STATUS_VERSION;
	}
	t = xcalloc(1, sizeof(*t));
	t->text_len = get_count(r, 1, "bytes of text");
	if (!r->failed) {
		t->text = xmalloc(t->text_len ? t->text_len : 1);
		get_bytes(r, t->text, t->text_len);
		if (!r->failed && (t->text_len == 0 || t->text[t->text_len - 1] != '\0'))
			bad(r, "its text does not end");
	}
	read_tables(r, t);
	read_hops(r, t);
	read_links(r, t);
	if (!r->failed && r->left)
		bad(r, "there is more after its end");
	if (r->failed) {
		transit_free(t);
		rc = STATUS_CORRUPT;
	} else {
		transit_build_grid(t);
		*out = t;
	}
	free(r);
	return rc;
}

