/*
 * pack.c - the option index (see pack.h).
 *
 * The saved form, an image: the structures of pack.h as they are in
 * memory, so that a reader checks it and points into it. Numbers are in the
 * writer's byte order, which the head records; a reader on another refuses
 * the image and works the index out. Every section starts at a multiple of
 * eight bytes (the padding is zeros), in this order, with no gaps:
 *
 *	struct pack_head		magic "careers-pack", format 4, byte order,
 *					sizeof each structure, kinds, areas, the
 *					interest map's hash, identity, size, area
 *					ids, and how many of everything below
 *	struct pack_when[whens]
 *	struct pack_place[places]	every kind's, in entry order
 *	for each kind:
 *	  struct pack_entry[entries]	by id, ascending
 *	  double riasec[entries * 6]	careers only
 *	  u32 keys[cells], u32 starts[cells + 1], u32 grid[grid_entries], u32 many[many]
 *	  u64 fits[areas * (entries / 64 + 1)], u64 strongs[the same]
 *	char text[text]			titles, each ending in NUL
 *
 * The image is kept in the store (option_pack) and copied beside it as
 * STORE-index, the same bytes; a copy is used only when its head is the
 * store's image's head, which has the random identity pack_save made.
 *
 * Reading checks the head, that every section is there, every offset and
 * index against what it points into (titles, start rules and their kinds,
 * places, the grid's entries, the bitsets' last word), that ids ascend,
 * fits are tenths of at most 1 in areas that exist, the grid's cells ascend
 * and cover its entries, and start rules are ones the rules can take.
 * Values themselves (a place, a level, a pay) are taken as the store had
 * them, as the store's rows are.
 */
#include "pack.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "geo.h"
#include "match.h"
#include "mem.h"
#include "model.h"
#include "prefix_index.h"

#define PACK_MAGIC "careers-pack"
#define PACK_FORMAT 4

/* --- interest areas ----------------------------------------------------------------- */

static void area_done(struct pack_area *a)
{
	int w;

	free(a->ssa);
	free(a->soc_prefixes);
	for (w = 0; w < a->word_count; w++)
		free(a->words[w]);
	free(a->words);
	memset(a, 0, sizeof(*a));
}

static int collect_area(void *ctx, const struct store_interest *in)
{
	struct pack *p = ctx;
	struct pack_area *a;

	if (p->area_count >= PACK_MAX_AREAS)
		return 1;
	a = &p->areas[p->area_count++];
	memset(a, 0, sizeof(*a));
	a->id = in->id;
	snprintf(a->slug, sizeof(a->slug), "%s", in->slug);
	snprintf(a->name, sizeof(a->name), "%s", in->name);
	snprintf(a->examples, sizeof(a->examples), "%s", in->examples);
	a->route_id = in->route_id;
	snprintf(a->route_name, sizeof(a->route_name), "%s", in->route_name ? in->route_name : "");
	snprintf(a->riasec, sizeof(a->riasec), "%s", in->riasec ? in->riasec : "");
	a->ssa = xstrdup(in->ssa ? in->ssa : "");
	a->soc_prefixes = xstrdup(in->soc_prefixes ? in->soc_prefixes : "");
	for (const char *k = in->keywords ? in->keywords : ""; *k;) {
		size_t len = strcspn(k, "|");

		if (len) {
			char *w = xstrndup(k, len);

			for (char *c = w; *c; c++)
				*c = (char)tolower((unsigned char)*c);
			a->words = xrealloc(a->words, (size_t)(a->word_count + 1) * sizeof(*a->words));
			a->words[a->word_count++] = w;
		}
		k += len;
		if (*k == '|')
			k++;
	}
	return 0;
}

static int list_has(const char *list, const char *item)
{
	size_t n;

	if (!list || !item || !*item)
		return 0;
	n = strlen(item);
	while (*list) {
		size_t len = strcspn(list, "|");

		if (len == n && strncmp(list, item, n) == 0)
			return 1;
		list += len;
		if (*list == '|')
			list++;
	}
	return 0;
}

int pack_area_has_soc(const struct pack_area *a, const char *soc)
{
	const char *p = a->soc_prefixes;

	if (!p || !soc)
		return 0;
	while (*p) {
		size_t len = strcspn(p, "|");

		if (len && strncmp(soc, p, len) == 0)
			return 1;
		p += len;
		if (*p == '|')
			p++;
	}
	return 0;
}

int pack_area_has_word(const struct pack_area *a, const char *text)
{
	return match_has_any_phrase(text, a->words, a->word_count);
}

const char *pack_route_name(const struct pack *p, long long route_id)
{
	int a;

	for (a = 0; route_id && a < p->area_count; a++)
		if (p->areas[a].route_id == route_id && p->areas[a].route_name[0])
			return p->areas[a].route_name;
	return NULL;
}

int pack_area_index(const struct pack *p, long long area_id)
{
	int a;

	for (a = 0; a < p->area_count; a++)
		if (p->areas[a].id == area_id)
			return a;
	return -1;
}

/* A lower-case copy of s in out (cut to fit); NULL for NULL. */
static const char *lowered(const char *s, char *out, size_t outlen)
{
	size_t i;

	if (!s)
		return NULL;
	for (i = 0; s[i] && i + 1 < outlen; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
	return out;
}

/*
 * How well the option sits in an area: 1 by its code (a career's SOC
 * group, a standard's or vacancy's route, a course's subject area), 0.9
 * for an apprenticeship in a matching subject area or a course whose title
 * has one of the area's words, 0.8 for a course whose published subject
 * has one, 0.7 for anything else whose title has one; else 0.
 */
static double area_fit(const struct pack_area *a, const struct store_option *o,
		       const char *title, const char *subject)
{
	/* The curated map (data/interests.map) decides for the areas it has. */
	double mapped = match_interest_fit(a->slug, o, title, subject, NULL, 0);

	if (mapped >= 0)
		return mapped;
	switch (o->kind) {
	case OPTION_CAREER:
		if (pack_area_has_soc(a, o->ref))
			return 1;
		return pack_area_has_word(a, title) ? 0.7 : 0;
	case OPTION_APPRENTICESHIP:
	case OPTION_VACANCY:
		if (a->route_id && o->route_id == a->route_id)
			return 1;
		if (list_has(a->ssa, o->ssa2) || list_has(a->ssa, o->ssa1))
			return 0.9;
		return pack_area_has_word(a, title) ? 0.7 : 0;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		/* Many course sources carry no subject-area codes: then the words decide. */
		if (list_has(a->ssa, o->ssa2) || list_has(a->ssa, o->ssa1))
			return 1;
		if (pack_area_has_word(a, title))
			return 0.9;
		return pack_area_has_word(a, subject) ? 0.8 : 0;
	default:
		return 0;
	}
}

/* --- working it out ----------------------------------------------------------------- */

static double pay_per_week(const struct store_option *o)
{
	double pounds;

	if (o->wage_pence == MODEL_NO_INT)
		return NAN;
	pounds = (double)o->wage_pence / 100;
	if (!o->wage_unit || strcmp(o->wage_unit, "weekly") == 0)
		return pounds;
	if (strcmp(o->wage_unit, "annually") == 0)
		return pounds / 52;
	if (strcmp(o->wage_unit, "monthly") == 0)
		return pounds * 12 / 52;
	if (strcmp(o->wage_unit, "hourly") == 0 && !isnan(o->hours))
		return pounds * o->hours;
	return NAN;
}

static int clamp_age(long long age)
{
	if (age == MODEL_NO_INT)
		return PACK_NO_AGE;
	return age < 0 ? 0 : age > 255 ? 255 : (int)age;
}

/* Whens are shared: a small open-addressing table finds the one that is the same. */
struct when_table {
	uint32_t *slots;		/* index + 1, 0 empty */
	size_t size;			/* a power of two */
};

static int when_equal(const struct pack_when *a, const struct pack_when *b)
{
	return a->kind == b->kind && a->has_start == b->has_start && a->flexible == b->flexible &&
	       a->level4 == b->level4 && a->blocked == b->blocked &&
	       a->not_college == b->not_college && a->needs == b->needs && a->age_min == b->age_min &&
	       a->age_max == b->age_max && (!a->has_start || date_compare(a->start, b->start) == 0);
}

static uint64_t when_hash(const struct pack_when *w)
{
	uint64_t h = 1469598103934665603ULL;
	long v[] = { w->kind, w->has_start, w->flexible, w->level4, w->blocked, w->not_college,
		     w->needs, w->age_min, w->age_max, w->has_start ? date_days(w->start) : 0 };
	size_t i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		h ^= (uint64_t)v[i];
		h *= 1099511628211ULL;
	}
	return h ^ (h >> 29);
}

static uint32_t add_when(struct pack *p, struct when_table *t, const struct pack_when *w)
{
	size_t i;

	if ((p->when_count + 1) * 2 > t->size) {
		size_t k, size = t->size ? t->size * 2 : 256;

		free(t->slots);
		t->slots = xcalloc(size, sizeof(*t->slots));
		t->size = size;
		for (k = 0; k < p->when_count; k++) {
			for (i = when_hash(&p->whens[k]) & (size - 1); t->slots[i]; i = (i + 1) & (size - 1))
				;
			t->slots[i] = (uint32_t)k + 1;
		}
	}
	for (i = when_hash(w) & (t->size - 1); t->slots[i]; i = (i + 1) & (t->size - 1))
		if (when_equal(&p->whens[t->slots[i] - 1], w))
			return t->slots[i] - 1;
	p->whens = xrealloc(p->whens, (p->when_count + 1) * sizeof(*p->whens));
	p->whens[p->when_count] = *w;
	t->slots[i] = (uint32_t)++p->when_count;
	return (uint32_t)(p->when_count - 1);
}

/*
 * A course's fits, under its provider's name: a sixth form or college sits
 * in an interest area as well as the best of its courses does (courses are
 * read before sixth forms, OPTION_INFO order).
 */
struct taught {
	uint64_t provider;		/* hash of the provider's name, lower case */
	uint64_t fit[PACK_MAX_AREAS / 16];
};

static uint64_t name_hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; s && *s; s++) {
		h ^= (unsigned char)tolower((unsigned char)*s);
		h *= 1099511628211ULL;
	}
	return h;
}

static int compare_taught(const void *a, const void *b)
{
	const struct taught *x = a, *y = b;

	return x->provider < y->provider ? -1 : x->provider > y->provider;
}

/* A place read with an option, before the options are sorted. */
struct loose_place {
	long long id;
	double lat, lon;
};

struct work {
	struct pack *p;
	struct when_table whens;
	struct strbuf text;
	size_t alloc[OPTION_KIND_COUNT];
	struct loose_place *places[OPTION_KIND_COUNT];
	size_t place_count[OPTION_KIND_COUNT], place_alloc[OPTION_KIND_COUNT];
	struct taught *taught;		/* every course's provider and fits, for the sixth forms */
	size_t taught_count, taught_alloc;
	int taught_sorted;
};

/* "53.52 -1.13;53.80 -1.55": the places an option is at, kept for after the sort. */
static void add_places(struct work *w, enum option_kind kind, long long id, const char *list)
{
	while (list && *list) {
		char *end;
		double lat = strtod(list, &end), lon;

		if (end == list)
			break;
		lon = strtod(end, &end);
		if (isfinite(lat) && isfinite(lon) && fabs(lat) <= 90 && fabs(lon) <= 180) {
			if (w->place_count[kind] == w->place_alloc[kind]) {
				w->place_alloc[kind] = w->place_alloc[kind] ? w->place_alloc[kind] * 2 : 64;
				w->places[kind] = xrealloc(w->places[kind], w->place_alloc[kind] *
							   sizeof(*w->places[kind]));
			}
			w->places[kind][w->place_count[kind]++] = (struct loose_place){ id, lat, lon };
		}
		list = strchr(end, ';');
		if (list)
			list++;
	}
}

static int compare_loose(const void *a, const void *b)
{
	const struct loose_place *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Give each sorted entry of a kind its places, after those of the kinds before it. */
static void settle_places(struct pack *p, struct pack_kind *k, struct loose_place *loose,
			  size_t n)
{
	size_t i = 0, j;

	if (!n)
		return;
	qsort(loose, n, sizeof(*loose), compare_loose);
	p->places = xrealloc(p->places, (p->place_count + n) * sizeof(*p->places));
	for (j = 0; j < k->count; j++) {
		struct pack_entry *e = &k->entries[j];

		while (i < n && loose[i].id < e->id)
			i++;
		e->place_first = (uint32_t)p->place_count;
		e->place_count = 0;
		while (i < n && loose[i].id == e->id) {
			p->places[p->place_count].lat = loose[i].lat;
			p->places[p->place_count].lon = loose[i].lon;
			p->place_count++;
			e->place_count++;
			i++;
		}
	}
}

static void set_fit(struct pack_entry *e, int a, double fit)
{
	uint64_t tenths = (uint64_t)lround(fit * 10);

	e->fit[a / 16] |= (tenths & 15) << (a % 16 * 4);
	if (fit >= 0.7)
		e->strong |= 1u << a;
}

/* A sixth form or college: in each area as well as the best of its courses. */
static void school_fits(struct work *w, struct pack_entry *e, const char *name)
{
	struct taught key;
	size_t lo = 0, hi = w->taught_count, i;
	int a;

	if (!w->taught_sorted) {
		if (w->taught_count > 1)
			qsort(w->taught, w->taught_count, sizeof(*w->taught), compare_taught);
		w->taught_sorted = 1;
	}
	key.provider = name_hash(name);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (w->taught[mid].provider < key.provider)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (a = 0; a < w->p->area_count; a++) {
		unsigned best = 0;

		for (i = lo; i < w->taught_count && w->taught[i].provider == key.provider; i++) {
			unsigned tenths = (unsigned)((w->taught[i].fit[a / 16] >> (a % 16 * 4)) & 15);

			if (tenths > best)
				best = tenths;
		}
		if (best)
			set_fit(e, a, best / 10.0);
	}
}

/* What the entry asks for, from its kind, level and lower-case title (pack.h). */
static enum pack_needs entry_needs(const struct store_option *o, const char *title)
{
	if ((o->kind == OPTION_COURSE || o->kind == OPTION_UNIVERSITY) &&
	    (strstr(title, "top-up") || strstr(title, "top up") || strstr(title, "topup")))
		return PACK_NEEDS_HND;
	if ((o->kind == OPTION_APPRENTICESHIP || o->kind == OPTION_VACANCY) && o->level == 5 &&
	    (strstr(title, "manager") || strstr(title, "management") || strstr(title, "leader")))
		return PACK_NEEDS_MANAGING;
	return PACK_NEEDS_NOTHING;
}

static int add_option(void *ctx, const struct store_option *o)
{
	struct work *w = ctx;
	struct pack *p = w->p;
	struct pack_kind *k = &p->kinds[o->kind];
	struct pack_entry *e;
	struct pack_when when;
	struct civil_date day;
	char title[256], subject[256];
	int a;

	if (k->count == w->alloc[o->kind]) {
		w->alloc[o->kind] = w->alloc[o->kind] ? w->alloc[o->kind] * 2 : 256;
		k->entries = xrealloc(k->entries, w->alloc[o->kind] * sizeof(*k->entries));
		if (o->kind == OPTION_CAREER)
			k->riasec = xrealloc(k->riasec, w->alloc[o->kind] * 6 * sizeof(double));
	}
	e = &k->entries[k->count];
	memset(e, 0, sizeof(*e));
	e->id = o->id;
	e->lat = o->lat;
	e->lon = o->lon;
	e->level = (float)o->level;
	e->pay = pay_per_week(o);
	e->title = (uint32_t)w->text.len;
	strbuf_add(&w->text, o->title ? o->title : "", strlen(o->title ? o->title : "") + 1);
	e->closes = o->closing_date && date_parse(o->closing_date, &day) ? (int32_t)date_days(day) :
		    PACK_NO_DAY;
	e->posted = o->posted_date && date_parse(o->posted_date, &day) ? (int32_t)date_days(day) :
		    PACK_NO_DAY;
	/* Shorter first, a length not known last. */
	if (o->kind == OPTION_APPRENTICESHIP)
		e->ways = o->duration_value != MODEL_NO_INT && o->duration_value > 0 &&
			  o->duration_value < 1000 ? -(float)o->duration_value : -10000;

	memset(&when, 0, sizeof(when));
	when.kind = (unsigned char)o->kind;
	when.has_start = (unsigned char)date_parse(o->start_date, &when.start);
	if (!when.has_start)
		when.start = (struct civil_date){ 0, 0, 0 };
	when.flexible = o->flexible_start != 0;
	when.level4 = !isnan(o->level) && o->level >= 4;
	when.blocked = o->kind == OPTION_APPRENTICESHIP && o->status &&
		       (strcmp(o->status, "in development") == 0 ||
			strcmp(o->status, "proposal in development") == 0 ||
			strcmp(o->status, "approved") == 0 ||
			strcmp(o->status, "retired") == 0 ||
			strcmp(o->status, "closed to new starters") == 0);
	when.not_college = o->provider_kind && strcmp(o->provider_kind, "college") != 0;
	when.age_min = clamp_age(o->age_min);
	when.age_max = clamp_age(o->age_max);
	lowered(o->title ? o->title : "", title, sizeof(title));
	when.needs = (unsigned char)entry_needs(o, title);
	e->when = add_when(p, &w->whens, &when);

	if (o->kind != OPTION_SCHOOL) {
		/* A vacancy knows its route by number only: the map reads names. */
		struct store_option named = *o;

		if (!named.route_name && (o->kind == OPTION_VACANCY || o->kind == OPTION_APPRENTICESHIP))
			named.route_name = pack_route_name(p, o->route_id);
		lowered(o->route_name, subject, sizeof(subject));
		for (a = 0; a < p->area_count; a++)
			set_fit(e, a, area_fit(&p->areas[a], &named, o->title ? title : NULL,
					       o->route_name ? subject : NULL));
	}
	if (o->kind == OPTION_COURSE && o->provider) {
		if (w->taught_count == w->taught_alloc) {
			w->taught_alloc = w->taught_alloc ? w->taught_alloc * 2 : 256;
			w->taught = xrealloc(w->taught, w->taught_alloc * sizeof(*w->taught));
		}
		w->taught[w->taught_count].provider = name_hash(o->provider);
		memcpy(w->taught[w->taught_count].fit, e->fit, sizeof(e->fit));
		w->taught_count++;
	}
	if (o->kind == OPTION_SCHOOL)
		school_fits(w, e, o->title);
	if (o->kind == OPTION_CAREER)
		memcpy(&k->riasec[k->count * 6], o->riasec, 6 * sizeof(double));
	add_places(w, o->kind, o->id, o->places);
	k->count++;
	return 0;
}

static int compare_entries(const void *a, const void *b)
{
	const struct pack_entry *x = a, *y = b;

	return x->id < y->id ? -1 : x->id > y->id;
}

/* Sort a kind by id, keeping the careers' scores beside their entries. */
static void sort_kind(struct pack_kind *k)
{
	size_t i;

	if (k->count < 2)
		return;
	if (!k->riasec) {
		qsort(k->entries, k->count, sizeof(*k->entries), compare_entries);
		return;
	}
	/* Careers are few: sort an index and move both. */
	for (i = 1; i < k->count; i++) {
		struct pack_entry e = k->entries[i];
		double r[6];
		size_t j = i;

		memcpy(r, &k->riasec[i * 6], sizeof(r));
		while (j > 0 && k->entries[j - 1].id > e.id) {
			k->entries[j] = k->entries[j - 1];
			memcpy(&k->riasec[j * 6], &k->riasec[(j - 1) * 6], sizeof(r));
			j--;
		}
		k->entries[j] = e;
		memcpy(&k->riasec[j * 6], r, sizeof(r));
	}
}

/* For each of 16 four-bit fits, the low bit of its nibble set when the fit is 7 or more. */
static uint64_t strong_nibbles(uint64_t v)
{
	return ((v >> 3) | (v >> 2 & v >> 1 & v)) & 0x1111111111111111ULL;
}

/* A nibble above 10 (0b1011 to 0b1111) is not a fit. */
static int bad_nibbles(uint64_t v)
{
	return ((v >> 3) & ((v >> 2) | (v >> 1 & v)) & 0x1111111111111111ULL) != 0;
}

/* --- the entries by where they are ----------------------------------------------------- */

#define CELLS_PER_DEGREE 10.0
/* A cell's key: its row (latitude) then column (longitude), both made positive. */
#define CELL_KEY(row, col) ((uint32_t)((row) + 1000) * 4096u + (uint32_t)((col) + 2000))

/*
 * A latitude's row or a longitude's column. Only order matters (an entry
 * and a search's box are put in cells by this same function, which never
 * decreases), so a cheap floor serves: shifted positive, then truncated.
 */
static int cell_of(double degrees)
{
	double c = degrees * CELLS_PER_DEGREE;

	if (!(c > -999.0))
		return -999;
	if (c > 2000.0)
		return 2000;
	return (int)(c + 4000.0) - 4000;
}

static void grid_free(struct pack_grid *g)
{
	free(g->keys);
	free(g->starts);
	free(g->entries);
	free(g->many);
	memset(g, 0, sizeof(*g));
}

static uint32_t entry_key(const struct pack_entry *e)
{
	return CELL_KEY(cell_of(e->lat), cell_of(e->lon));
}

/*
 * Sort the placed entries by cell (two passes of a radix sort on the 24-bit
 * key, the keys worked out once into an array of their own: the entries are
 * too big to visit in a random order) and index them.
 */
static void grid_build(struct pack_kind *k)
{
	struct pack_grid *g = &k->grid;
	uint32_t *a, *b, *key;
	size_t n = 0, many = 0, i, pass;

	grid_free(g);
	for (i = 0; i < k->count; i++) {
		const struct pack_entry *e = &k->entries[i];

		many += e->place_count > 0;
		n += !e->place_count && !isnan(e->lat) && !isnan(e->lon);
	}
	g->many = xmalloc((many + 1) * sizeof(*g->many));
	key = xmalloc((k->count + 1) * sizeof(*key));
	a = xmalloc((n + 1) * sizeof(*a));
	b = xmalloc((n + 1) * sizeof(*b));
	n = 0;
	for (i = 0; i < k->count; i++) {
		const struct pack_entry *e = &k->entries[i];

		if (e->place_count) {
			g->many[g->many_count++] = (uint32_t)i;
		} else if (!isnan(e->lat) && !isnan(e->lon)) {
			key[i] = entry_key(e);
			a[n++] = (uint32_t)i;
		}
	}
	for (pass = 0; pass < 2; pass++) {
		size_t count[4097] = { 0 };
		unsigned shift = pass ? 12 : 0;
		uint32_t *t;

		for (i = 0; i < n; i++)
			count[((key[a[i]] >> shift) & 4095u) + 1]++;
		for (i = 1; i <= 4096; i++)
			count[i] += count[i - 1];
		for (i = 0; i < n; i++)
			b[count[(key[a[i]] >> shift) & 4095u]++] = a[i];
		t = a;
		a = b;
		b = t;
	}
	free(b);
	g->entries = a;
	/* The cells: count them, then note where each starts. */
	for (i = 0; i < n; i++)
		g->cells += i == 0 || key[a[i]] != key[a[i - 1]];
	g->keys = xmalloc((g->cells + 1) * sizeof(*g->keys));
	g->starts = xmalloc((g->cells + 2) * sizeof(*g->starts));
	g->cells = 0;
	for (i = 0; i < n; i++)
		if (i == 0 || key[a[i]] != g->keys[g->cells - 1]) {
			g->keys[g->cells] = key[a[i]];
			g->starts[g->cells++] = (uint32_t)i;
		}
	g->starts[g->cells] = (uint32_t)n;
	free(key);
}

size_t pack_grid_candidates(const struct pack_kind *k, double min_lat, double max_lat,
			    double min_lon, double max_lon, uint32_t **out)
{
	const struct pack_grid *g = &k->grid;
	int row, row_to = cell_of(max_lat), col_from = cell_of(min_lon), col_to = cell_of(max_lon);
	size_t words = k->count / 64 + 1, n, i;
	uint64_t *seen = xcalloc(words, sizeof(*seen));

	/*
	 * A bit for each entry in the box's cells, then the entries read off
	 * in order: front to back, as the cache likes (a sort of the list
	 * cost a tenth of a search).
	 */
	for (i = 0; i < g->many_count; i++)
		seen[g->many[i] / 64] |= 1ULL << (g->many[i] % 64);
	for (row = cell_of(min_lat); row <= row_to; row++) {
		uint32_t from = CELL_KEY(row, col_from), to = CELL_KEY(row, col_to);
		size_t lo = 0, hi = g->cells;

		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (g->keys[mid] < from)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < g->cells && g->keys[lo] <= to; lo++)
			for (i = g->starts[lo]; i < g->starts[lo + 1]; i++)
				seen[g->entries[i] / 64] |= 1ULL << (g->entries[i] % 64);
	}
	n = pack_bits_list(seen, k->count, out);
	free(seen);
	return n;
}

size_t pack_bits_list(const uint64_t *bits, size_t count, uint32_t **out)
{
	size_t words = count / 64 + 1, n = 0, w;
	uint32_t *c;

	for (w = 0; w < words; w++)
		n += (size_t)__builtin_popcountll(bits[w]);
	c = xmalloc((n ? n : 1) * sizeof(*c));
	n = 0;
	for (w = 0; w < words; w++) {
		uint64_t b = bits[w];

		while (b) {
			c[n++] = (uint32_t)(w * 64 + (size_t)__builtin_ctzll(b));
			b &= b - 1;
		}
	}
	*out = c;
	return n;
}

uint64_t *pack_area_bits(const struct pack_kind *k, const int *areas, int n, const int *strong,
			 int ns)
{
	size_t words = k->count / 64 + 1, w;
	uint64_t *bits = xcalloc(words, sizeof(*bits));
	int i;

	for (i = 0; i < n + ns && k->fits; i++) {
		const uint64_t *area = i < n ? k->fits + (size_t)areas[i] * words :
				       k->strongs + (size_t)strong[i - n] * words;

		for (w = 0; w < words; w++)
			bits[w] |= area[w];
	}
	return bits;
}

static void fits_build(struct pack_kind *k, int area_count)
{
	size_t words = k->count / 64 + 1, i;
	int a;

	free(k->fits);
	free(k->strongs);
	k->fits = xcalloc((size_t)(area_count > 0 ? area_count : 1) * words, sizeof(*k->fits));
	k->strongs = xcalloc((size_t)(area_count > 0 ? area_count : 1) * words, sizeof(*k->fits));
	/* Four bits an area: 5 or more is the eights bit, or the fours with a two or a one. */
	for (i = 0; i < k->count; i++) {
		const struct pack_entry *e = &k->entries[i];
		uint32_t strong = e->strong;
		int half;

		for (half = 0; half < PACK_MAX_AREAS / 16; half++) {
			uint64_t x = e->fit[half], ones = 0x1111111111111111ULL;
			uint64_t bits = (x >> 3 & ones) | (x >> 2 & ones & ((x >> 1 | x) & ones));

			while (bits) {
				a = half * 16 + __builtin_ctzll(bits) / 4;
				bits &= bits - 1;
				if (a < area_count)
					k->fits[(size_t)a * words + i / 64] |= 1ULL << (i % 64);
			}
		}
		while (strong) {
			a = __builtin_ctz(strong);
			strong &= strong - 1;
			if (a < area_count)
				k->strongs[(size_t)a * words + i / 64] |= 1ULL << (i % 64);
		}
	}
}

/* Bit a set for each area a whose fit is 0.7 or more (pack_entry.strong). */
static uint32_t strong_bits(const uint64_t fit[PACK_MAX_AREAS / 16])
{
	uint32_t strong = 0;
	int half;

	for (half = 0; half < PACK_MAX_AREAS / 16; half++) {
		/* The low bit of each nibble, gathered: bits 0, 4, 8, ... to 0, 1, 2, ... */
		uint64_t x = strong_nibbles(fit[half]);

		x = (x | x >> 3) & 0x0303030303030303ULL;
		x = (x | x >> 6) & 0x000f000f000f000fULL;
		x = (x | x >> 12) & 0x000000ff000000ffULL;
		x = (x | x >> 24) & 0xffffULL;
		strong |= (uint32_t)x << (half * 16);
	}
	return strong;
}

static void finish_entries(struct pack *p)
{
	int k;
	size_t i;

	for (i = 0; i < p->place_count; i++) {
		struct pack_place *pl = &p->places[i];

		pl->cos_lat = geo_cos_lat((struct geo_point){ pl->lat, pl->lon });
	}
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		for (i = 0; i < p->kinds[k].count; i++) {
			struct pack_entry *e = &p->kinds[k].entries[i];

			e->cos_lat = isnan(e->lat) ? NAN :
				     geo_cos_lat((struct geo_point){ e->lat, e->lon });
			e->strong = strong_bits(e->fit);
		}
		grid_build(&p->kinds[k]);
		fits_build(&p->kinds[k], p->area_count);
	}
}

/* A standard's pay: the best typical pay of the careers it leads to. */
struct standard_pay {
	const struct pack *p;
	double best;
};

static int linked_career_pay(void *ctx, long long id)
{
	struct standard_pay *sp = ctx;
	const struct pack_entry *c = pack_find(sp->p, OPTION_CAREER, id);

	if (c && !isnan(c->pay) && (isnan(sp->best) || c->pay > sp->best))
		sp->best = c->pay;
	return 0;
}

static int count_link(void *ctx, long long id)
{
	(void)id;
	(*(int *)ctx)++;
	return 0;
}

/* A career's ways in: how many apprenticeship standards lead to it. */
static enum status careers_ways_in(struct store *s, struct pack *p)
{
	struct pack_kind *k = &p->kinds[OPTION_CAREER];
	enum status rc = STATUS_OK;
	size_t i;

	for (i = 0; i < k->count && rc == STATUS_OK; i++) {
		int n = 0;

		rc = store_each_link(s, OPTION_CAREER, k->entries[i].id, OPTION_APPRENTICESHIP,
				     count_link, &n);
		k->entries[i].ways = (float)n;
	}
	return rc;
}

static enum status standards_pay(struct store *s, struct pack *p)
{
	struct pack_kind *k = &p->kinds[OPTION_APPRENTICESHIP];
	enum status rc = STATUS_OK;
	size_t i;

	for (i = 0; i < k->count && rc == STATUS_OK; i++) {
		struct standard_pay sp = { p, NAN };

		if (!isnan(k->entries[i].pay))
			continue;
		rc = store_each_link(s, OPTION_APPRENTICESHIP, k->entries[i].id, OPTION_CAREER,
				     linked_career_pay, &sp);
		k->entries[i].pay = sp.best;
	}
	return rc;
}

enum status pack_work_out(struct store *s, struct pack **out)
{
	struct pack *p = xcalloc(1, sizeof(*p));
	struct work w;
	struct store_filter f;
	enum status rc;
	int k;

	*out = NULL;
	memset(&w, 0, sizeof(w));
	w.p = p;
	strbuf_init(&w.text);
	rc = store_each_interest(s, collect_area, p);
	/* Everything, whatever the date: closing dates are checked at search time. */
	memset(&f, 0, sizeof(f));
	f.level = NAN;
	f.today = "0000-00-00";
	for (k = 0; k < OPTION_KIND_COUNT && rc == STATUS_OK; k++)
		rc = store_each_option(s, (enum option_kind)k, &f, add_option, &w);
	free(w.whens.slots);
	free(w.taught);
	p->text_len = w.text.len;
	p->text = strbuf_detach(&w.text);
	if (rc != STATUS_OK) {
		for (k = 0; k < OPTION_KIND_COUNT; k++)
			free(w.places[k]);
		pack_free(p);
		return rc;
	}
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		sort_kind(&p->kinds[k]);
		settle_places(p, &p->kinds[k], w.places[k], w.place_count[k]);
		free(w.places[k]);
	}
	rc = standards_pay(s, p);
	if (rc == STATUS_OK)
		rc = careers_ways_in(s, p);
	if (rc != STATUS_OK) {
		pack_free(p);
		return rc;
	}
	finish_entries(p);
	*out = p;
	return STATUS_OK;
}

void pack_free(struct pack *p)
{
	int k;

	if (!p)
		return;
	prefix_index_free(p->words);
	if (p->match_facts_free)
		p->match_facts_free(p->match_facts);
	for (k = 0; k < p->area_count; k++)
		area_done(&p->areas[k]);
	if (p->loaded) {
		/* The arrays are the image's. */
		if (p->mapped)
			munmap(p->image, p->image_len);
		else
			free(p->image);
		free(p);
		return;
	}
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		free(p->kinds[k].entries);
		grid_free(&p->kinds[k].grid);
		free(p->kinds[k].riasec);
		free(p->kinds[k].fits);
		free(p->kinds[k].strongs);
	}
	free(p->whens);
	free(p->places);
	free(p->text);
	free(p);
}

const struct pack_entry *pack_find(const struct pack *p, enum option_kind kind, long long id)
{
	const struct pack_kind *k;
	size_t lo = 0, hi;

	if ((unsigned)kind >= OPTION_KIND_COUNT)
		return NULL;
	k = &p->kinds[kind];
	hi = k->count;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (k->entries[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < k->count && k->entries[lo].id == id ? &k->entries[lo] : NULL;
}

/* --- the image ----------------------------------------------------------------------- */

/* The start of an image. */
struct pack_head {
	char magic[12];			/* PACK_MAGIC */
	uint32_t format;		/* PACK_FORMAT */
	uint32_t byte_order;		/* PACK_BYTE_ORDER as the writer had it */
	uint32_t entry_size, when_size, place_size;
	uint32_t kinds;			/* OPTION_KIND_COUNT */
	uint32_t area_count;
	uint64_t map_hash;		/* match_interest_map_hash() the fits were made with */
	unsigned char identity[16];	/* random, made by pack_save */
	uint64_t size;			/* of the whole image */
	int64_t area_ids[PACK_MAX_AREAS];	/* the interest areas, in order; then zeros */
	uint64_t whens, places, text;	/* how many of each */
	struct {
		uint64_t entries, cells, grid_entries, many;
	} kind[OPTION_KIND_COUNT];
};

#define PACK_BYTE_ORDER 0x01020304u

/* The image is these structures as they are in memory: their layout is part of the format. */
_Static_assert(sizeof(struct pack_entry) == 96 && offsetof(struct pack_entry, fit) == 40 &&
		       offsetof(struct pack_entry, place_first) == 56 &&
		       offsetof(struct pack_entry, spare) == 92,
	       "pack_entry has the image's layout");
_Static_assert(sizeof(struct pack_when) == 28 && offsetof(struct pack_when, start) == 8,
	       "pack_when has the image's layout");
_Static_assert(sizeof(struct pack_place) == 24, "pack_place has the image's layout");
_Static_assert(sizeof(struct pack_head) % 8 == 0, "sections start eight-byte aligned");

/* Bytes, then zeros up to a multiple of eight. */
static void put_section(struct strbuf *b, const void *data, size_t bytes)
{
	static const char zeros[8];

	if (bytes)
		strbuf_add(b, data, bytes);
	if (b->len % 8)
		strbuf_add(b, zeros, 8 - b->len % 8);
}

enum status pack_encode(const struct pack *p, char **out, size_t *len)
{
	struct pack_head h;
	struct strbuf b;
	uint64_t size;
	int k;

	memset(&h, 0, sizeof(h));
	memcpy(h.magic, PACK_MAGIC, sizeof(h.magic));
	h.format = PACK_FORMAT;
	h.byte_order = PACK_BYTE_ORDER;
	h.entry_size = sizeof(struct pack_entry);
	h.when_size = sizeof(struct pack_when);
	h.place_size = sizeof(struct pack_place);
	h.kinds = OPTION_KIND_COUNT;
	h.area_count = (uint32_t)p->area_count;
	h.map_hash = match_interest_map_hash();
	memcpy(h.identity, p->identity, sizeof(h.identity));
	for (k = 0; k < p->area_count; k++)
		h.area_ids[k] = p->areas[k].id;
	h.whens = p->when_count;
	h.places = p->place_count;
	h.text = p->text_len;
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_grid *g = &p->kinds[k].grid;

		h.kind[k].entries = p->kinds[k].count;
		h.kind[k].cells = g->cells;
		h.kind[k].grid_entries = g->starts ? g->starts[g->cells] : 0;
		h.kind[k].many = g->many_count;
	}
	strbuf_init(&b);
	put_section(&b, &h, sizeof(h));
	put_section(&b, p->whens, p->when_count * sizeof(*p->whens));
	put_section(&b, p->places, p->place_count * sizeof(*p->places));
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_kind *pk = &p->kinds[k];
		const struct pack_grid *g = &pk->grid;
		size_t bits = (size_t)p->area_count * (pk->count / 64 + 1) * sizeof(uint64_t);
		uint32_t zero = 0;

		put_section(&b, pk->entries, pk->count * sizeof(*pk->entries));
		if (k == OPTION_CAREER)
			put_section(&b, pk->riasec, pk->count * 6 * sizeof(double));
		put_section(&b, g->keys, g->cells * sizeof(*g->keys));
		put_section(&b, g->starts ? g->starts : &zero, (g->cells + 1) * sizeof(uint32_t));
		put_section(&b, g->entries, (size_t)h.kind[k].grid_entries * sizeof(uint32_t));
		put_section(&b, g->many, g->many_count * sizeof(*g->many));
		put_section(&b, pk->fits, pk->fits ? bits : 0);
		put_section(&b, pk->strongs, pk->strongs ? bits : 0);
	}
	put_section(&b, p->text, p->text_len);
	size = b.len;
	memcpy(b.buf + offsetof(struct pack_head, size), &size, sizeof(size));
	*len = b.len;
	*out = strbuf_detach(&b);
	return STATUS_OK;
}

/* Walking an image's sections, each checked to be all there. */
struct cursor {
	const unsigned char *img;
	size_t len, at;
	const char *why;		/* set at the first thing wrong */
};

static int wrong(struct cursor *c, const char *why)
{
	if (!c->why)
		c->why = why;
	return 0;
}

/* The next section, count things of `each` bytes and zeros to eight; NULL when it is not there. */
static const void *section(struct cursor *c, uint64_t count, size_t each)
{
	const unsigned char *p;
	size_t pad;

	if (c->why)
		return NULL;
	if (count > (c->len - c->at) / each) {
		wrong(c, "it ends too soon");
		return NULL;
	}
	p = c->img + c->at;
	c->at += (size_t)count * each;
	pad = (8 - c->at % 8) % 8;
	if (pad > c->len - c->at) {
		wrong(c, "it ends too soon");
		return NULL;
	}
	for (; pad; pad--)
		if (c->img[c->at++])
			wrong(c, "padding is not zero");
	return c->why ? NULL : p;
}

static int when_ok(const struct pack_when *w)
{
	if (w->kind >= OPTION_KIND_COUNT || w->has_start > 1 || w->flexible > 1 || w->level4 > 1 ||
	    w->blocked > 1 || w->not_college > 1 || w->needs > PACK_NEEDS_MANAGING || w->spare)
		return 0;
	if (w->has_start && (w->start.month < 1 || w->start.month > 12 || w->start.day < 1 ||
			     w->start.day > 31 || w->start.year < 1800 || w->start.year > 2200))
		return 0;
	if (!w->has_start && (w->start.year || w->start.month || w->start.day))
		return 0;
	return w->age_min >= PACK_NO_AGE && w->age_min <= 255 && w->age_max >= PACK_NO_AGE &&
	       w->age_max <= 255;
}

/* A kind's entries, grid and bitsets, against the rest of the image. */
static int kind_ok(struct cursor *c, const struct pack *p, int k, const struct pack_kind *pk,
		   size_t grid_entries)
{
	const struct pack_grid *g = &pk->grid;
	uint64_t beyond[PACK_MAX_AREAS / 16] = { 0 };
	size_t i, words = pk->count / 64 + 1, half;
	int a;

	for (a = p->area_count; a < PACK_MAX_AREAS; a++)
		beyond[a / 16] |= 15ULL << (a % 16 * 4);
	for (i = 0; i < pk->count; i++) {
		const struct pack_entry *e = &pk->entries[i];

		if (i && e->id <= pk->entries[i - 1].id)
			return wrong(c, "options are out of order");
		if (e->when >= p->when_count || p->whens[e->when].kind != k)
			return wrong(c, "an option's start rule is missing");
		for (half = 0; half < PACK_MAX_AREAS / 16; half++)
			if (bad_nibbles(e->fit[half]) || (e->fit[half] & beyond[half]))
				return wrong(c, "an interest fit is out of range");
		if (e->strong != strong_bits(e->fit))
			return wrong(c, "an option's strong fits do not match its fits");
		if (e->title >= p->text_len)
			return wrong(c, "a title is outside the text");
		if (e->place_first > p->place_count || e->place_count > p->place_count - e->place_first)
			return wrong(c, "an option's places are outside the places");
		if (!isfinite(e->ways) || e->spare)
			return wrong(c, "a tie-break figure is not a number");
		if (!(isnan(e->cos_lat) || fabs(e->cos_lat) <= 1) ||
		    !((isnan(e->lat) && isnan(e->lon)) || (fabs(e->lat) <= 90 && fabs(e->lon) <= 180)))
			return wrong(c, "an option's place is not on the earth");
	}
	if (g->starts[0] != 0 || g->starts[g->cells] != grid_entries)
		return wrong(c, "the grid's cells do not cover its entries");
	for (i = 0; i < g->cells; i++)
		if ((i && g->keys[i] <= g->keys[i - 1]) || g->starts[i] > g->starts[i + 1])
			return wrong(c, "the grid's cells are out of order");
	for (i = 0; i < grid_entries; i++)
		if (g->entries[i] >= pk->count)
			return wrong(c, "the grid names an option that is not there");
	for (i = 0; i < g->many_count; i++)
		if (g->many[i] >= pk->count)
			return wrong(c, "the grid names an option that is not there");
	/* Bits past the last entry would name entries that are not there. */
	for (a = 0; a < p->area_count; a++) {
		uint64_t past = ~((1ULL << (pk->count % 64)) - 1);

		if ((pk->fits[(size_t)a * words + words - 1] & past) ||
		    (pk->strongs[(size_t)a * words + words - 1] & past))
			return wrong(c, "an interest area names an option that is not there");
	}
	return 1;
}

/*
 * Check an image (eight-byte aligned, len bytes) and point p's arrays into
 * it; NULL when it is all right, else what is wrong. The image stays the
 * caller's until this succeeds.
 */
static const char *image_use(struct pack *p, const void *image, size_t len)
{
	struct cursor c = { image, len, 0, NULL };
	struct pack_head h;
	size_t i;
	int k, a;

	if (len < sizeof(h))
		return "it ends too soon";
	memcpy(&h, image, sizeof(h));
	if (memcmp(h.magic, PACK_MAGIC, sizeof(h.magic)) != 0)
		return "it does not start as one";
	if (h.format != PACK_FORMAT || h.byte_order != PACK_BYTE_ORDER ||
	    h.entry_size != sizeof(struct pack_entry) || h.when_size != sizeof(struct pack_when) ||
	    h.place_size != sizeof(struct pack_place))
		return "it is in a format this program does not read";
	if (h.kinds != OPTION_KIND_COUNT)
		return "it has a different number of kinds of option";
	if (h.area_count > PACK_MAX_AREAS)
		return "too many interest areas";
	if (h.map_hash != match_interest_map_hash())
		return "it was made with another interest map";
	if (h.size != len)
		return "it is not as long as it says";
	for (a = (int)h.area_count; a < PACK_MAX_AREAS; a++)
		if (h.area_ids[a])
			return "too many interest areas";
	memset(p, 0, sizeof(*p));
	p->area_count = (int)h.area_count;
	for (a = 0; a < p->area_count; a++)
		p->areas[a].id = h.area_ids[a];
	memcpy(p->identity, h.identity, sizeof(p->identity));
	c.at = sizeof(h);
	p->whens = (struct pack_when *)section(&c, h.whens, sizeof(*p->whens));
	p->when_count = (size_t)h.whens;
	p->places = (struct pack_place *)section(&c, h.places, sizeof(*p->places));
	p->place_count = (size_t)h.places;
	/* A place's number must fit an entry's u32. */
	if (!c.why && h.places > UINT32_MAX)
		wrong(&c, "too many places");
	for (k = 0; k < OPTION_KIND_COUNT && !c.why; k++) {
		struct pack_kind *pk = &p->kinds[k];
		struct pack_grid *g = &pk->grid;
		uint64_t words;

		pk->entries = (struct pack_entry *)section(&c, h.kind[k].entries, sizeof(*pk->entries));
		pk->count = (size_t)h.kind[k].entries;
		if (k == OPTION_CAREER)
			pk->riasec = (double *)section(&c, h.kind[k].entries, 6 * sizeof(double));
		g->keys = (uint32_t *)section(&c, h.kind[k].cells, sizeof(uint32_t));
		g->cells = (size_t)h.kind[k].cells;
		/* cells is below the image's size now, so one more does not wrap */
		g->starts = (uint32_t *)section(&c, c.why ? 0 : h.kind[k].cells + 1, sizeof(uint32_t));
		g->entries = (uint32_t *)section(&c, h.kind[k].grid_entries, sizeof(uint32_t));
		g->many = (uint32_t *)section(&c, h.kind[k].many, sizeof(uint32_t));
		g->many_count = (size_t)h.kind[k].many;
		words = h.kind[k].entries / 64 + 1;
		pk->fits = (uint64_t *)section(&c, c.why ? 0 : words * h.area_count, sizeof(uint64_t));
		pk->strongs = (uint64_t *)section(&c, c.why ? 0 : words * h.area_count,
						  sizeof(uint64_t));
		if (!c.why && (h.kind[k].entries >= (1u << 28) || h.kind[k].grid_entries > UINT32_MAX))
			wrong(&c, "too many options");
	}
	p->text = (char *)section(&c, h.text, 1);
	p->text_len = (size_t)h.text;
	if (!c.why && c.at != len)
		wrong(&c, "there is more after the end");
	if (!c.why && p->text_len && p->text[p->text_len - 1] != '\0')
		wrong(&c, "the titles are cut short");
	for (i = 0; i < p->when_count && !c.why; i++)
		if (!when_ok(&p->whens[i]))
			wrong(&c, "a start rule is not one this program knows");
	for (i = 0; i < p->place_count && !c.why; i++) {
		const struct pack_place *pl = &p->places[i];

		if (!(fabs(pl->lat) <= 90 && fabs(pl->lon) <= 180 && pl->cos_lat >= 0 &&
		      pl->cos_lat <= 1))
			wrong(&c, "a place is not on the earth");
	}
	for (k = 0; k < OPTION_KIND_COUNT && !c.why; k++)
		kind_ok(&c, p, k, &p->kinds[k], (size_t)h.kind[k].grid_entries);
	if (c.why) {
		memset(p, 0, sizeof(*p));
		return c.why;
	}
	p->loaded = 1;
	return NULL;
}

/* An image's bytes, copied to memory of its own (aligned as malloc aligns). */
enum status pack_decode(const void *data, size_t len, struct pack **out, char *err,
			size_t errlen)
{
	struct pack *p = xcalloc(1, sizeof(*p));
	void *copy = xmalloc(len ? len : 1);
	const char *why;

	*out = NULL;
	if (len)
		memcpy(copy, data, len);
	if ((why = image_use(p, copy, len)) != NULL) {
		snprintf(err, errlen, "the option index is damaged: %s", why);
		free(copy);
		free(p);
		return STATUS_CORRUPT;
	}
	p->image = copy;
	p->image_len = len;
	*out = p;
	return STATUS_OK;
}

char *pack_index_path(const char *store_path)
{
	return xasprintf("%s-index", store_path);
}

/*
 * Map a file read-only. STATUS_NOT_FOUND when there is none, STATUS_CORRUPT
 * when it is empty or cannot be mapped; *len its size.
 *
 * A mapping is not a copy: what is written into the file later shows in
 * it, after image_use() has checked it. So only a file that nobody but
 * this user or root can write is mapped - one owned by either, with no
 * write permission for group or others (our writers only ever replace the
 * file whole, by rename, which leaves a mapping as it was). Any other is
 * refused, and the index is read from the store instead. O_NONBLOCK: a
 * FIFO in its place must not hang the kiosk (it is refused as not a file).
 */
static enum status map_file(const char *path, void **out, size_t *len)
{
	struct stat st;
	void *m;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	*out = NULL;
	if (fd < 0)
		return STATUS_NOT_FOUND;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
	    (uintmax_t)st.st_size > SIZE_MAX ||
	    (st.st_uid != geteuid() && st.st_uid != 0) || (st.st_mode & (S_IWGRP | S_IWOTH))) {
		close(fd);
		return STATUS_CORRUPT;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return STATUS_CORRUPT;
	*out = m;
	*len = (size_t)st.st_size;
	return STATUS_OK;
}

enum status pack_map(const char *path, struct pack **out, char *err, size_t errlen)
{
	struct pack *p;
	void *m;
	size_t len;
	const char *why;
	enum status rc = map_file(path, &m, &len);

	*out = NULL;
	if (rc != STATUS_OK) {
		snprintf(err, errlen, "the option index file %s cannot be read", path);
		return rc;
	}
	p = xcalloc(1, sizeof(*p));
	if ((why = image_use(p, m, len)) != NULL) {
		snprintf(err, errlen, "the option index is damaged: %s", why);
		munmap(m, len);
		free(p);
		return STATUS_CORRUPT;
	}
	p->image = m;
	p->image_len = len;
	p->mapped = 1;
	*out = p;
	return STATUS_OK;
}

/*
 * Write the copy of an image beside the store: to a name of its own first,
 * then renamed over the old one, so a reader sees the old copy or the new,
 * never part of one. Done when the folder can be written; a copy that is
 * not there costs only speed, so failing to write one is not an error.
 */
static void write_copy(const char *store_path, const void *image, size_t len)
{
	char *path = pack_index_path(store_path);
	char *tmp = xasprintf("%s.new-%ld", path, (long)getpid());
	const char *at = image;
	size_t left = len;
	struct stat st;
	int fd = -1;

	/*
	 * A file or a link (the package links the bundled store's copy) is
	 * replaced; anything else by that name (a folder) is left as it is.
	 */
	if (lstat(path, &st) != 0 ? errno == ENOENT : S_ISREG(st.st_mode) || S_ISLNK(st.st_mode))
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOCTTY, 0644);

	while (fd >= 0 && left) {
		ssize_t n = write(fd, at, left);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		at += n;
		left -= (size_t)n;
	}
	if (fd >= 0) {
		if (close(fd) != 0 || left || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(tmp);
	free(path);
}

/* A new image's identity: random, so no other store's index has it. */
static void new_identity(unsigned char id[16])
{
	ssize_t n = getrandom(id, 16, 0);

	if (n != 16) {
		/* No randomness to be had: the time and the process, which are unlikely to recur. */
		struct timespec ts;
		uint64_t a, b;

		clock_gettime(CLOCK_REALTIME, &ts);
		a = (uint64_t)ts.tv_sec * 1000000007ULL ^ (uint64_t)ts.tv_nsec;
		b = (uint64_t)getpid() << 32 ^ (uint64_t)(uintptr_t)id;
		memcpy(id, &a, 8);
		memcpy(id + 8, &b, 8);
	}
}

/* --- keeping it with the store -------------------------------------------------------- */

static void free_cached(void *p)
{
	pack_free(p);
}

/*
 * The store's image: its copy beside the store when that is a copy of it
 * (the same head, so the same identity, and the same length), else read
 * from the store, and then the copy written for the next process.
 */
static enum status load_image(struct store *s, struct pack *p)
{
	struct store_blob *blob;
	struct pack_head head;
	size_t size;
	void *m = NULL, *bytes;
	size_t mlen = 0;
	char *path;
	enum status rc;

	if ((rc = store_pack_open(s, &blob, &size)) != STATUS_OK)
		return rc;
	if (size < sizeof(head)) {
		store_blob_close(blob);
		return STATUS_CORRUPT;
	}
	if ((rc = store_blob_read(blob, &head, sizeof(head), 0)) != STATUS_OK) {
		store_blob_close(blob);
		return rc;
	}
	/* An index in an older format (a store built before) is not read whole only to be refused. */
	if (memcmp(head.magic, PACK_MAGIC, sizeof(head.magic)) != 0 || head.format != PACK_FORMAT ||
	    head.size != size) {
		store_blob_close(blob);
		return STATUS_CORRUPT;
	}
	path = pack_index_path(store_path(s));
	if (map_file(path, &m, &mlen) == STATUS_OK) {
		if (mlen == size && memcmp(m, &head, sizeof(head)) == 0 && !image_use(p, m, mlen)) {
			p->image = m;
			p->image_len = mlen;
			p->mapped = 1;
			store_blob_close(blob);
			free(path);
			return STATUS_OK;
		}
		munmap(m, mlen);
	}
	free(path);
	bytes = xmalloc(size);
	rc = store_blob_read(blob, bytes, size, 0);
	store_blob_close(blob);
	if (rc == STATUS_OK && image_use(p, bytes, size) != NULL)
		rc = STATUS_CORRUPT;
	if (rc != STATUS_OK) {
		free(bytes);
		return rc;
	}
	p->image = bytes;
	p->image_len = size;
	write_copy(store_path(s), bytes, size);
	return STATUS_OK;
}

/* Read the saved index; it must be for the store's interest areas, in order. */
static enum status load(struct store *s, struct pack **out)
{
	struct pack *p = xcalloc(1, sizeof(*p)), *areas;
	enum status rc;
	int a;

	*out = NULL;
	if ((rc = load_image(s, p)) != STATUS_OK) {
		free(p);
		return rc;
	}
	areas = xcalloc(1, sizeof(*areas));
	rc = store_each_interest(s, collect_area, areas);
	if (rc == STATUS_OK && areas->area_count != p->area_count)
		rc = STATUS_CORRUPT;
	for (a = 0; a < areas->area_count && rc == STATUS_OK; a++)
		if (areas->areas[a].id != p->areas[a].id)
			rc = STATUS_CORRUPT;
	if (rc == STATUS_OK) {
		memcpy(p->areas, areas->areas, sizeof(areas->areas));
		areas->area_count = 0;	/* the strings moved */
		*out = p;
	} else {
		p->area_count = 0;	/* only their ids were set */
		pack_free(p);
	}
	pack_free(areas);
	return rc;
}

enum status pack_get(struct store *s, const struct pack **out)
{
	struct pack *p = store_cache(s);
	enum status rc;

	if (p) {
		*out = p;
		return STATUS_OK;
	}
	rc = load(s, &p);
	if (rc == STATUS_NOT_FOUND || rc == STATUS_CORRUPT)
		rc = pack_work_out(s, &p);
	if (rc != STATUS_OK)
		return rc;
	store_set_cache(s, p, free_cached);
	*out = p;
	return STATUS_OK;
}

const struct prefix_index *pack_words(struct store *s)
{
	struct pack *p = store_cache(s);

	if (!p)
		return NULL;
	if (!p->words_tried) {
		p->words_tried = 1;
		if (prefix_index_load(s, p, &p->words) != STATUS_OK)
			p->words = NULL;
	}
	return p->words;
}

enum status pack_save(struct store *s)
{
	struct pack *p;
	char *bytes;
	size_t len;
	enum status rc = pack_work_out(s, &p);

	if (rc != STATUS_OK)
		return rc;
	new_identity(p->identity);
	pack_encode(p, &bytes, &len);
	rc = store_pack_put(s, bytes, len);
	if (rc == STATUS_OK)
		rc = prefix_index_save(s, p);
	/*
	 * The copy is written now, before the store's transaction ends: if it
	 * does not, no store has this identity and the copy is never used.
	 */
	if (rc == STATUS_OK)
		write_copy(store_path(s), bytes, len);
	free(bytes);
	if (rc != STATUS_OK) {
		pack_free(p);
		return rc;
	}
	store_set_cache(s, p, free_cached);
	return STATUS_OK;
}

void pack_index_refresh(const char *path)
{
	struct store *s;
	const struct pack *p;
	char err[256];

	/* Reading the index writes the copy when the one there is not this store's. */
	if (store_open(path, STORE_READ_ONLY, &s, err, sizeof(err)) != STATUS_OK)
		return;
	pack_get(s, &p);
	store_close(s);
}
