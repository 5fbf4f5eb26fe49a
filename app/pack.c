/*
 * pack.c - the option index (see pack.h).
 *
 * The saved form, every number little-endian:
 *
 *	"careers-pack" 00 01		magic, 12 bytes, then format version 1 (u16)
 *	u32 kinds			OPTION_KIND_COUNT when written
 *	u32 areas, then i64 id each	the interest areas the fits are in, in order
 *	u64 map				match_interest_map_hash() of the interest map
 *					the fits were worked out with
 *	u32 whens, then each:		u8 kind, u8 flags (has_start 1, flexible 2,
 *					level4 4, blocked 8, not_college 16,
 *					needs HND 32, needs managing 64),
 *					i16 year, u8 month, u8 day, i32 age_min, i32 age_max
 *	for each kind:			u32 count, then each entry:
 *					i64 id, f64 lat, f64 lon, f32 level, f64 pay,
 *					u32 title, u32 when, i32 closes, u64 fit[2]
 *					(careers: then six f64 RIASEC scores and
 *					f32 ways each; apprenticeships: then f32 ways;
 *					vacancies: then i32 posted)
 *					u32 places, then each: u32 entry index
 *					(ascending), f64 lat, f64 lon - the
 *					entries' other places
 *	u32 text length, the text	titles, each ending in NUL
 *
 * Reading checks every count against the bytes left, every offset and
 * index against what it points into, dates and ages against what the rules
 * can take, and that ids ascend. Values themselves (a place, a level) are
 * taken as the store had them.
 */
#include "pack.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "geo.h"
#include "match.h"
#include "mem.h"
#include "model.h"
#include "prefix_index.h"

#define PACK_MAGIC "careers-pack"
#define PACK_FORMAT 3

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
	int k;

	for (k = 0; text && k < a->word_count; k++)
		if (match_has_phrase(text, a->words[k]))
			return 1;
	return 0;
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

/* Give each sorted entry its places. */
static void settle_places(struct pack_kind *k, struct loose_place *loose, size_t n)
{
	size_t i = 0, j;

	if (!n)
		return;
	qsort(loose, n, sizeof(*loose), compare_loose);
	k->places = xcalloc(n, sizeof(*k->places));
	for (j = 0; j < k->count; j++) {
		struct pack_entry *e = &k->entries[j];

		while (i < n && loose[i].id < e->id)
			i++;
		e->place_count = 0;
		while (i < n && loose[i].id == e->id) {
			k->places[k->place_count].lat = loose[i].lat;
			k->places[k->place_count].lon = loose[i].lon;
			if (!e->place_count)
				e->places = &k->places[k->place_count];
			k->place_count++;
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

static void finish_entries(struct pack *p)
{
	int k, half;
	size_t i;

	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		for (i = 0; i < p->kinds[k].place_count; i++) {
			struct pack_place *pl = &p->kinds[k].places[i];

			pl->cos_lat = geo_cos_lat((struct geo_point){ pl->lat, pl->lon });
		}
		for (i = 0; i < p->kinds[k].count; i++) {
			struct pack_entry *e = &p->kinds[k].entries[i];

			e->cos_lat = isnan(e->lat) ? NAN :
				     geo_cos_lat((struct geo_point){ e->lat, e->lon });
			if (!e->place_count)
				e->places = NULL;
			e->strong = 0;
			for (half = 0; half < PACK_MAX_AREAS / 16; half++) {
				uint64_t bits = strong_nibbles(e->fit[half]);

				while (bits) {
					e->strong |= 1u << (half * 16 + __builtin_ctzll(bits) / 4);
					bits &= bits - 1;
				}
			}
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
		settle_places(&p->kinds[k], w.places[k], w.place_count[k]);
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
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		free(p->kinds[k].entries);
		grid_free(&p->kinds[k].grid);
		free(p->kinds[k].riasec);
		free(p->kinds[k].places);
		free(p->kinds[k].fits);
		free(p->kinds[k].strongs);
	}
	free(p->whens);
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

/* --- writing ------------------------------------------------------------------------- */

static void put_u8(struct strbuf *b, unsigned v)
{
	strbuf_putc(b, (char)(v & 0xff));
}

static void put_u16(struct strbuf *b, unsigned v)
{
	put_u8(b, v);
	put_u8(b, v >> 8);
}

static void put_u32(struct strbuf *b, uint32_t v)
{
	put_u16(b, v & 0xffff);
	put_u16(b, v >> 16);
}

static void put_u64(struct strbuf *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static void put_f64(struct strbuf *b, double v)
{
	uint64_t bits;

	memcpy(&bits, &v, sizeof(bits));
	put_u64(b, bits);
}

static void put_f32(struct strbuf *b, float v)
{
	uint32_t bits;

	memcpy(&bits, &v, sizeof(bits));
	put_u32(b, bits);
}

enum status pack_encode(const struct pack *p, char **out, size_t *len)
{
	struct strbuf b;
	size_t i;
	int k;

	strbuf_init(&b);
	strbuf_add(&b, PACK_MAGIC, strlen(PACK_MAGIC));
	put_u16(&b, PACK_FORMAT);
	put_u32(&b, OPTION_KIND_COUNT);
	put_u32(&b, (uint32_t)p->area_count);
	for (k = 0; k < p->area_count; k++)
		put_u64(&b, (uint64_t)p->areas[k].id);
	put_u64(&b, match_interest_map_hash());
	put_u32(&b, (uint32_t)p->when_count);
	for (i = 0; i < p->when_count; i++) {
		const struct pack_when *w = &p->whens[i];

		put_u8(&b, w->kind);
		put_u8(&b, (unsigned)(w->has_start | w->flexible << 1 | w->level4 << 2 |
				      w->blocked << 3 | w->not_college << 4 |
				      (w->needs == PACK_NEEDS_HND) << 5 |
				      (w->needs == PACK_NEEDS_MANAGING) << 6));
		put_u16(&b, (unsigned)(uint16_t)(int16_t)w->start.year);
		put_u8(&b, (unsigned)w->start.month);
		put_u8(&b, (unsigned)w->start.day);
		put_u32(&b, (uint32_t)(int32_t)w->age_min);
		put_u32(&b, (uint32_t)(int32_t)w->age_max);
	}
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_kind *pk = &p->kinds[k];

		put_u32(&b, (uint32_t)pk->count);
		for (i = 0; i < pk->count; i++) {
			const struct pack_entry *e = &pk->entries[i];

			put_u64(&b, (uint64_t)e->id);
			put_f64(&b, e->lat);
			put_f64(&b, e->lon);
			put_f32(&b, e->level);
			put_f64(&b, e->pay);
			put_u32(&b, e->title);
			put_u32(&b, e->when);
			put_u32(&b, (uint32_t)e->closes);
			put_u64(&b, e->fit[0]);
			put_u64(&b, e->fit[1]);
			if (k == OPTION_CAREER) {
				int r;

				for (r = 0; r < 6; r++)
					put_f64(&b, pk->riasec[i * 6 + (size_t)r]);
			}
			if (k == OPTION_VACANCY)
				put_u32(&b, (uint32_t)e->posted);
			if (k == OPTION_CAREER || k == OPTION_APPRENTICESHIP)
				put_f32(&b, e->ways);
		}
		put_u32(&b, (uint32_t)pk->place_count);
		for (i = 0; i < pk->count; i++) {
			const struct pack_entry *e = &pk->entries[i];
			uint32_t j;

			for (j = 0; j < e->place_count; j++) {
				put_u32(&b, (uint32_t)i);
				put_f64(&b, e->places[j].lat);
				put_f64(&b, e->places[j].lon);
			}
		}
	}
	put_u32(&b, (uint32_t)p->text_len);
	strbuf_add(&b, p->text, p->text_len);
	*len = b.len;
	*out = strbuf_detach(&b);
	return STATUS_OK;
}

/* --- reading ------------------------------------------------------------------------- */

/* Bytes come from memory or, a piece at a time, from the store. */
struct reader {
	const unsigned char *data;	/* all of it, or NULL to read from blob */
	struct store_blob *blob;
	size_t size, off;
	unsigned char buf[65536];
	size_t buf_start, buf_len;
	char *err;
	size_t errlen;
	int failed;
};

static int bad(struct reader *r, const char *what)
{
	if (!r->failed)
		snprintf(r->err, r->errlen, "the option index is damaged: %s (at byte %zu)", what,
			 r->off);
	r->failed = 1;
	return 0;
}

static int get(struct reader *r, void *dst, size_t n)
{
	unsigned char *d = dst;

	if (r->failed)
		return 0;
	if (n > r->size - r->off)
		return bad(r, "it ends too soon");
	if (r->data) {
		memcpy(d, r->data + r->off, n);
		r->off += n;
		return 1;
	}
	while (n) {
		size_t in, take;

		if (r->off < r->buf_start || r->off >= r->buf_start + r->buf_len) {
			r->buf_start = r->off;
			r->buf_len = r->size - r->off < sizeof(r->buf) ? r->size - r->off :
				     sizeof(r->buf);
			if (store_blob_read(r->blob, r->buf, r->buf_len, r->buf_start) != STATUS_OK) {
				r->buf_len = 0;
				return bad(r, "it could not be read");
			}
		}
		in = r->off - r->buf_start;
		take = r->buf_len - in < n ? r->buf_len - in : n;
		memcpy(d, r->buf + in, take);
		d += take;
		n -= take;
		r->off += take;
	}
	return 1;
}

/* Little-endian numbers of 1, 2, 4 or 8 bytes. */
static inline uint64_t le(const unsigned char *b, int bytes)
{
	uint64_t v = 0;
	int i;

	for (i = bytes - 1; i >= 0; i--)
		v = v << 8 | b[i];
	return v;
}

static inline uint64_t le64(const unsigned char *b)
{
	return (uint64_t)b[0] | (uint64_t)b[1] << 8 | (uint64_t)b[2] << 16 |
	       (uint64_t)b[3] << 24 | (uint64_t)b[4] << 32 | (uint64_t)b[5] << 40 |
	       (uint64_t)b[6] << 48 | (uint64_t)b[7] << 56;
}

static inline uint32_t le32(const unsigned char *b)
{
	return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

static double le_f64(const unsigned char *b)
{
	uint64_t bits = le64(b);
	double v;

	memcpy(&v, &bits, sizeof(v));
	return v;
}

static float le_f32(const unsigned char *b)
{
	uint32_t bits = le32(b);
	float v;

	memcpy(&v, &bits, sizeof(v));
	return v;
}

static uint64_t get_le(struct reader *r, int bytes)
{
	unsigned char b[8];

	if (!get(r, b, (size_t)bytes))
		return 0;
	return le(b, bytes);
}

/* A count of things of `each` bytes, no more than the bytes left allow. */
static size_t get_count(struct reader *r, size_t each, const char *what)
{
	size_t n = (size_t)get_le(r, 4);

	if (!r->failed && n > (r->size - r->off) / each)
		bad(r, what);
	return r->failed ? 0 : n;
}

/* A kind's places: each names an entry, in ascending order. */
static void decode_places(struct reader *r, struct pack_kind *pk)
{
	size_t n = r->failed ? 0 : get_count(r, 20, "too many places"), i;
	long long last = -1;

	if (!n)
		return;
	pk->places = xcalloc(n, sizeof(*pk->places));
	for (i = 0; i < n && !r->failed; i++) {
		unsigned char b[20];
		uint32_t at;
		struct pack_entry *e;
		struct pack_place *pl = &pk->places[i];

		if (!get(r, b, sizeof(b)))
			break;
		at = le32(b);
		pl->lat = le_f64(b + 4);
		pl->lon = le_f64(b + 12);
		if (at >= pk->count || (long long)at < last) {
			bad(r, "a place names an option out of order");
			break;
		}
		if (!(fabs(pl->lat) <= 90 && fabs(pl->lon) <= 180)) {
			bad(r, "a place is not on the earth");
			break;
		}
		e = &pk->entries[at];
		if (!e->place_count)
			e->places = pl;
		e->place_count++;
		last = at;
		pk->place_count++;
	}
}

static enum status decode(struct reader *r, struct pack **out)
{
	struct pack *p = xcalloc(1, sizeof(*p));
	char magic[sizeof(PACK_MAGIC) - 1];
	uint64_t beyond[PACK_MAX_AREAS / 16] = { 0 };
	long long max_title = -1;
	size_t i, n;
	int k;

	*out = NULL;
	if (!get(r, magic, sizeof(magic)) || memcmp(magic, PACK_MAGIC, sizeof(magic)) != 0)
		bad(r, "it does not start as one");
	else if (get_le(r, 2) != PACK_FORMAT)
		bad(r, "it is in a format this program does not read");
	else if (get_le(r, 4) != OPTION_KIND_COUNT)
		bad(r, "it has a different number of kinds of option");
	n = r->failed ? 0 : get_count(r, 8, "too many interest areas");
	if (n > PACK_MAX_AREAS)
		bad(r, "too many interest areas");
	for (i = 0; i < n && !r->failed; i++)
		p->areas[p->area_count++].id = (long long)get_le(r, 8);
	if (!r->failed && get_le(r, 8) != match_interest_map_hash())
		bad(r, "it was made with another interest map");
	/* Fits in areas past the last must be empty. */
	for (i = (size_t)p->area_count; i < PACK_MAX_AREAS; i++)
		beyond[i / 16] |= 15ULL << (i % 16 * 4);
	n = r->failed ? 0 : get_count(r, 14, "too many start rules");
	if (n)
		p->whens = xcalloc(n, sizeof(*p->whens));
	for (i = 0; i < n && !r->failed; i++) {
		struct pack_when *w = &p->whens[i];
		unsigned flags;

		w->kind = (unsigned char)get_le(r, 1);
		flags = (unsigned)get_le(r, 1);
		w->start.year = (int16_t)(uint16_t)get_le(r, 2);
		w->start.month = (int)get_le(r, 1);
		w->start.day = (int)get_le(r, 1);
		w->age_min = (int32_t)(uint32_t)get_le(r, 4);
		w->age_max = (int32_t)(uint32_t)get_le(r, 4);
		w->has_start = flags & 1;
		w->flexible = (flags >> 1) & 1;
		w->level4 = (flags >> 2) & 1;
		w->blocked = (flags >> 3) & 1;
		w->not_college = (flags >> 4) & 1;
		w->needs = flags & 32 ? PACK_NEEDS_HND : flags & 64 ? PACK_NEEDS_MANAGING :
			   PACK_NEEDS_NOTHING;
		if (w->kind >= OPTION_KIND_COUNT || flags > 127 || (flags & 96) == 96)
			bad(r, "a start rule is not one this program knows");
		else if (w->has_start && (w->start.month < 1 || w->start.month > 12 ||
					  w->start.day < 1 || w->start.day > 31 ||
					  w->start.year < 1800 || w->start.year > 2200))
			bad(r, "a start date is not a date");
		else if (w->age_min < PACK_NO_AGE || w->age_min > 255 || w->age_max < PACK_NO_AGE ||
			 w->age_max > 255)
			bad(r, "an age limit is out of range");
		p->when_count++;
	}
	for (k = 0; k < OPTION_KIND_COUNT && !r->failed; k++) {
		struct pack_kind *pk = &p->kinds[k];
		size_t each = 64 + (k == OPTION_CAREER ? 52 : 0) + (k == OPTION_VACANCY ? 4 : 0) +
			      (k == OPTION_APPRENTICESHIP ? 4 : 0);

		n = get_count(r, each, "too many options");
		if (!n) {
			decode_places(r, pk);
			continue;
		}
		pk->entries = xcalloc(n, sizeof(*pk->entries));
		if (k == OPTION_CAREER)
			pk->riasec = xcalloc(n * 6, sizeof(double));
		for (i = 0; i < n && !r->failed; i++) {
			struct pack_entry *e = &pk->entries[i];
			unsigned char b[64 + 52];

			if (!get(r, b, each))
				break;
			e->id = (long long)le64(b);
			e->lat = le_f64(b + 8);
			e->lon = le_f64(b + 16);
			e->level = le_f32(b + 24);
			e->pay = le_f64(b + 28);
			e->title = le32(b + 36);
			e->when = le32(b + 40);
			e->closes = (int32_t)le32(b + 44);
			e->fit[0] = le64(b + 48);
			e->fit[1] = le64(b + 56);
			e->posted = k == OPTION_VACANCY ? (int32_t)le32(b + 64) : PACK_NO_DAY;
			e->ways = k == OPTION_CAREER ? le_f32(b + 112) :
				  k == OPTION_APPRENTICESHIP ? le_f32(b + 64) : 0;
			if (!isfinite(e->ways))
				bad(r, "a tie-break figure is not a number");
			if (k == OPTION_CAREER) {
				int j;

				for (j = 0; j < 6; j++)
					pk->riasec[i * 6 + (size_t)j] = le_f64(b + 64 + 8 * j);
			}
			if ((long long)e->title > max_title)
				max_title = e->title;
			if (i && e->id <= pk->entries[i - 1].id)
				bad(r, "options are out of order");
			else if (e->when >= p->when_count || p->whens[e->when].kind != k)
				bad(r, "an option's start rule is missing");
			else if (bad_nibbles(e->fit[0]) || bad_nibbles(e->fit[1]) ||
				 (e->fit[0] & beyond[0]) || (e->fit[1] & beyond[1]))
				bad(r, "an interest fit is out of range");
			pk->count++;
		}
		decode_places(r, pk);
	}
	n = r->failed ? 0 : get_count(r, 1, "the titles are cut short");
	if (!r->failed) {
		p->text = xmalloc(n + 1);
		p->text_len = n;
		if (get(r, p->text, n) && (n == 0 || p->text[n - 1] != '\0'))
			bad(r, "the titles are cut short");
		p->text[n] = '\0';
	}
	if (!r->failed && r->off != r->size)
		bad(r, "there is more after the end");
	if (!r->failed && max_title >= (long long)p->text_len)
		bad(r, "a title is outside the text");
	if (r->failed) {
		pack_free(p);
		return STATUS_CORRUPT;
	}
	finish_entries(p);
	p->loaded = 1;
	*out = p;
	return STATUS_OK;
}

enum status pack_decode(const void *data, size_t len, struct pack **out, char *err,
			size_t errlen)
{
	struct reader *r = xcalloc(1, sizeof(*r));
	enum status rc;

	r->data = data;
	r->size = len;
	r->err = err;
	r->errlen = errlen;
	rc = decode(r, out);
	free(r);
	return rc;
}

/* --- keeping it with the store -------------------------------------------------------- */

static void free_cached(void *p)
{
	pack_free(p);
}

/* Read the saved index; it must be for the store's interest areas, in order. */
static enum status load(struct store *s, struct pack **out)
{
	struct reader *r;
	struct pack *areas;
	size_t size;
	enum status rc;
	char err[160];
	int a;

	*out = NULL;
	r = xcalloc(1, sizeof(*r));
	if ((rc = store_pack_open(s, &r->blob, &size)) != STATUS_OK) {
		free(r);
		return rc;
	}
	r->size = size;
	r->err = err;
	r->errlen = sizeof(err);
	rc = decode(r, out);
	store_blob_close(r->blob);
	free(r);
	if (rc != STATUS_OK)
		return rc;
	areas = xcalloc(1, sizeof(*areas));
	rc = store_each_interest(s, collect_area, areas);
	if (rc == STATUS_OK && areas->area_count != (*out)->area_count)
		rc = STATUS_CORRUPT;
	for (a = 0; a < areas->area_count && rc == STATUS_OK; a++)
		if (areas->areas[a].id != (*out)->areas[a].id)
			rc = STATUS_CORRUPT;
	if (rc == STATUS_OK) {
		memcpy((*out)->areas, areas->areas, sizeof(areas->areas));
		areas->area_count = 0;	/* the strings moved */
	} else {
		pack_free(*out);
		*out = NULL;
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
	pack_encode(p, &bytes, &len);
	rc = store_pack_put(s, bytes, len);
	free(bytes);
	if (rc == STATUS_OK)
		rc = prefix_index_save(s, p);
	if (rc != STATUS_OK) {
		pack_free(p);
		return rc;
	}
	store_set_cache(s, p, free_cached);
	return STATUS_OK;
}
