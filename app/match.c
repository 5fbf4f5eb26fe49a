/*
 * match.c - the learner filter's run: set up, scan the option index, keep the best, explain them.
 *
 * A run looks at every option of the kinds wanted in the store's packed
 * option index (pack.h), first through the cheap filters (free text,
 * level, closing date, the travel box, "not for me"), then scoring each
 * one that passes (match_score.c, which asks match_rules.c when the
 * learner could start it and match_interest.c how well it fits their
 * interests). Each kind keeps its best in a heap; at the end the kept ones
 * are ranked together, cut to the limit and explained. A national store is
 * scanned on two threads. match_links() follows the store's link tables
 * from one option; match_journey() gives the bus journey to one.
 *
 * The files of the filter and what each owns are listed in match_int.h.
 */
#include "match.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match_int.h"
#include "mem.h"
#include "pack.h"

static const char *const kind_names[] = {
#define OPTION_NAME(id, name, heading) name,
	OPTION_INFO(OPTION_NAME)
#undef OPTION_NAME
};

static const char *const kind_headings[] = {
#define OPTION_HEADING(id, name, heading) heading,
	OPTION_INFO(OPTION_HEADING)
#undef OPTION_HEADING
};

static const char *const availability_names[] = {
#define AVAILABILITY_NAME(id, name, words) name,
	AVAILABILITY_INFO(AVAILABILITY_NAME)
#undef AVAILABILITY_NAME
};

static const char *const sort_names[] = {
#define SORT_NAME(id, name) name,
	SORT_INFO(SORT_NAME)
#undef SORT_NAME
};

const char *match_kind_name(enum option_kind kind)
{
	return (unsigned)kind < OPTION_KIND_COUNT ? kind_names[kind] : "?";
}

const char *match_kind_words(enum option_kind kind)
{
	static const char *const words[OPTION_KIND_COUNT] = {
		[OPTION_CAREER] = "career",
		[OPTION_COURSE] = "course",
		[OPTION_SCHOOL] = "sixth form or college",
		[OPTION_APPRENTICESHIP] = "apprenticeship",
		[OPTION_VACANCY] = "job with training",
		[OPTION_UNIVERSITY] = "university course",
	};

	return (unsigned)kind < OPTION_KIND_COUNT ? words[kind] : "?";
}

const char *match_kind_heading(enum option_kind kind)
{
	return (unsigned)kind < OPTION_KIND_COUNT ? kind_headings[kind] : "?";
}

int match_kind_parse(const char *name)
{
	int i;

	for (i = 0; i < OPTION_KIND_COUNT; i++)
		if (strcasecmp(name, kind_names[i]) == 0)
			return i;
	return -1;
}

const char *match_availability_name(enum availability a)
{
	return availability_names[a];
}

const char *match_sort_name(enum match_sort s)
{
	return sort_names[s];
}

int match_sort_parse(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(sort_names) / sizeof(sort_names[0]); i++)
		if (strcasecmp(name, sort_names[i]) == 0)
			return (int)i;
	return -1;
}

void match_profile_init(struct match_profile *p)
{
	memset(p, 0, sizeof(*p));
	p->school_year = 11;
	p->today = date_today();
	p->radius = 10;
	p->level = NAN;
	p->sort = SORT_RELEVANCE;
	p->limit = 20;
	travel_request_init(&p->travel);
}

static void result_free(struct match_result *r)
{
	int i;

	free(r->ref);
	free(r->title);
	free(r->where);
	free(r->summary);
	free(r->url);
	for (i = 0; i < r->reason_count; i++)
		free(r->reasons[i]);
}

static void run_done(struct run *run);

void match_list_done(struct match_list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		result_free(&l->results[i]);
	free(l->results);
	if (l->later) {
		run_done(&l->later->run);
		free(l->later->run.kept);
		free(l->later->done);
		free(l->later);
	}
	memset(l, 0, sizeof(*l));
}

const struct match_result *match_explain(struct match_list *l, size_t i)
{
	struct match_later *later = l->later;
	struct match_result *r = &l->results[i];

	if (later && i < later->count && !later->done[i]) {
		later->done[i] = 1;
		later->run.out = l;	/* the list may have moved since */
		result_free(r);
		match_explain_hit(&later->run, &later->run.kept[i], r);
	}
	return r;
}

/* --- looking at one option -------------------------------------------------------------- */

static int compare_exclusions(const void *a, const void *b)
{
	const struct match_exclusion *x = a, *y = b;

	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static int is_excluded(const struct run *run, enum option_kind kind, long long id)
{
	struct match_exclusion key = { kind, id };

	return run->p->excluded_count > 0 &&
	       bsearch(&key, run->excluded, (size_t)run->p->excluded_count, sizeof(key),
		       compare_exclusions) != NULL;
}

struct cand match_make_cand(const struct run *run, enum option_kind kind,
			    const struct pack_entry *e)
{
	const struct pack_kind *k = &run->pack->kinds[kind];
	struct cand c;

	c.kind = kind;
	c.e = e;
	c.w = &run->pack->whens[e->when];
	c.riasec = k->riasec ? &k->riasec[(size_t)(e - k->entries) * 6] : NULL;
	c.title = pack_title(run->pack, e);
	return c;
}

/* Words of a career's title that name no particular work. */
static int generic_word(const char *w, size_t n)
{
	static const char *const generic[] = {
		"and", "the", "for", "other", "professionals", "professional", "occupations",
		"workers", "assistants", "technicians", "managers", "officers", "associate",
		"associates", "related", "elementary", "directors", "proprietors", "trades",
		"operatives", "staff", "clerks", "practitioners", "specialists", "nec",
		"senior", "supervisors",
	};
	size_t i;

	for (i = 0; i < sizeof(generic) / sizeof(generic[0]); i++)
		if (strlen(generic[i]) == n && strncasecmp(w, generic[i], n) == 0)
			return 1;
	return 0;
}

/* The next word (letters and digits) at or after *t, its length in *n; *t moves past it. */
static const char *next_word(const char **t, size_t *n)
{
	const char *w;

	while (**t && !isalnum((unsigned char)**t))
		(*t)++;
	for (w = *t; isalnum((unsigned char)**t); (*t)++)
		;
	*n = (size_t)(*t - w);
	return w;
}

/* The career's title words, as the stems shares_stem() looks for. */
static void title_stems(struct run *run, long long soc)
{
	const struct pack_entry *e = pack_find(run->pack, OPTION_CAREER, soc);
	const char *t = e ? pack_title(run->pack, e) : NULL;

	run->link_stem_count = 0;
	while (t && *t && run->link_stem_count < LINK_STEMS) {
		size_t n, k;
		const char *w = next_word(&t, &n);

		if (n < 3 || generic_word(w, n))
			continue;
		for (k = 0; k < n && k < 4; k++)
			run->link_stems[run->link_stem_count][k] = (char)tolower((unsigned char)w[k]);
		run->link_stems[run->link_stem_count][k] = '\0';
		run->link_stem_count++;
	}
}

/* Does a title have a word that starts with one of the career's stems? */
static int shares_stem(const struct run *run, const char *title)
{
	const char *t = title;
	int k;

	while (t && *t) {
		size_t n;
		const char *w = next_word(&t, &n);

		for (k = 0; k < run->link_stem_count; k++) {
			size_t len = strlen(run->link_stems[k]);

			if (n >= len && strncasecmp(w, run->link_stems[k], len) == 0)
				return 1;
		}
	}
	return 0;
}

/*
 * By bus: an option's journey, the best of its places (travel.h). 0 when
 * it is further than the learner asked (or no bus gets there in time).
 */
int match_travel_part(const struct run *run, const struct pack_entry *e,
		      struct travel_answer *out)
{
	int limit = run->p->travel.within_minutes;

	memset(out, 0, sizeof(*out));
	if (!run->travel || isnan(e->lat))
		return 1;		/* careers, and courses with no place: no journey to make */
	travel_plan_entry(run->travel, run->pack, e, out, NULL);
	return limit <= 0 || (out->found && out->minutes <= limit);
}

/*
 * Pruning. Once a kind's heap is full, an option whose score cannot
 * beat the worst one kept would be pushed out again at once. With no
 * radius (and ranked by relevance, not by bus), every part of the score
 * but distance costs little, and the distance has a cheap floor: a degree
 * of latitude is 69.09 miles (geo_miles_cos: 2R asin(sqrt(h)) is at least
 * R times the difference in latitude), 69 here to be safe from rounding.
 * match_score_bound() scores with that floor; an option whose bound is
 * below the worst kept score is only counted. The heap's order puts a
 * lower score below whatever its tie-breaks, so what is kept, and so every
 * result, is the same as scoring it in full. match_set_pruning(0) turns
 * this off (tests compare the two).
 */
static int pruning = 1;
static size_t last_pruned;

void match_set_pruning(int on)
{
	pruning = on;
}

size_t match_last_pruned(void)
{
	return last_pruned;
}

#define MILES_PER_DEGREE_AT_LEAST 69.0

/*
 * Could this option still enter its kind's heap? 0: no, and it has been
 * counted here (unless its kind was counted apart): nothing more to do.
 */
static int could_enter(struct run *run, const struct cand *c)
{
	const struct heap *h = &run->tally->heaps[c->kind];
	double least_lat;
	struct match_result r;
	uint32_t k;

	if (!run->prune || !h->cap || h->count < h->cap)
		return 1;
	/* At several places: the nearest in latitude (match_distance_to skips unknown ones). */
	least_lat = fabs(c->e->lat - run->place.lat);
	for (k = 0; k < c->e->place_count; k++) {
		const struct pack_place *pl = &pack_places(run->pack, c->e)[k];

		if (!isnan(pl->lat) && fabs(pl->lat - run->place.lat) < least_lat)
			least_lat = fabs(pl->lat - run->place.lat);
	}
	r.reason_count = 0;
	r.brief[0] = '\0';
	if (!match_score_bound(run, c, &r, least_lat * MILES_PER_DEGREE_AT_LEAST))
		return 0;	/* not for this learner: counted as scoring it would */
	if (r.score >= h->hits[0].score)
		return 1;
	run->tally->pruned++;
	if (!run->counted_apart) {
		run->tally->total_by_kind[c->kind]++;
		run->tally->total++;
	}
	return 0;
}

/*
 * Look at one option that the cheap filters let through; keep it if it is
 * for this learner.
 */
static void look_at(struct run *run, enum option_kind kind, const struct pack_entry *e)
{
	struct match_result r;
	struct timing t;
	struct cand c;
	struct hit h;
	double distance = NAN;

	if (run->prune && !isnan(e->lat)) {
		c = match_make_cand(run, kind, e);
		if (!could_enter(run, &c))
			return;
	}
	if (run->use_place && !isnan(e->lat)) {
		/*
		 * With no radius, everything 100 miles off scores the same: a
		 * difference in latitude alone can show that (a degree is at
		 * least 69.09 miles), and the exact distance waits until the
		 * option is kept.
		 */
		if (run->radius <= 0 && run->p->sort != SORT_DISTANCE && !e->place_count &&
		    fabs(e->lat - run->place.lat) * 69.09 > 100)
			distance = INFINITY;
		else
			distance = match_distance_to(run, e);
		if (run->radius > 0 && distance > run->radius)
			return;
	}
	c = match_make_cand(run, kind, e);
	if (run->link_filter_keywords) {
		char buf[256];
		const char *title = buf;
		int k, hit = 0;
		size_t i;

		for (i = 0; c.title[i] && i + 1 < sizeof(buf); i++)
			buf[i] = (char)tolower((unsigned char)c.title[i]);
		buf[i] = '\0';
		for (k = 0; k < run->link_area_count && !hit; k++)
			hit = pack_area_has_word(&run->pack->areas[run->link_areas[k]], title);
		if (!hit)
			return;
	}
	/* Only the fields scoring reads need a start; the words come later. */
	r.reason_count = 0;
	r.brief[0] = '\0';
	if (!match_travel_part(run, e, &r.travel))
		return;
	if (!match_score_option(run, &c, &r, distance, &t))
		return;
	h.e = e;
	h.kind = (unsigned char)kind;
	h.score = r.score;
	if (run->link_stem_count && shares_stem(run, c.title))
		h.score += LINK_CLOSE_BONUS;
	h.distance = r.distance;
	h.travel_minutes = r.travel.found ? r.travel.minutes : INT_MAX;
	h.level_fit = (float)r.fit.level;
	h.interest_fit = (float)r.fit.interest;
	h.tie = TIE_NONE;
	h.twin = NULL;
	/* By start: now first, then by the date they could start, unknown last. */
	h.start_key = t.availability == AVAILABLE_NOW ? INT32_MIN :
		      t.has_from ? (int32_t)date_days(t.from) :
		      c.w->has_start ? (int32_t)date_days(c.w->start) : INT32_MAX;
	match_heap_push(run, &run->tally->heaps[kind], &h);
	if (!run->counted_apart) {
		run->tally->total_by_kind[kind]++;
		run->tally->total++;
	}
}

static int in_box(const struct run *run, double lat, double lon)
{
	return !isnan(lat) && lat >= run->min_lat && lat <= run->max_lat && lon >= run->min_lon &&
	       lon <= run->max_lon;
}

/* The cheap filters, from the packed facts alone: text, level, closing date, box. */
static int passes(const struct run *run, enum option_kind kind, size_t i)
{
	const struct pack_entry *e;
	const struct match_profile *p = run->p;

	if (run->has_text && !run->text_hits[kind][i])
		return 0;
	e = &run->pack->kinds[kind].entries[i];
	if (!isnan(p->level) && kind != OPTION_CAREER && kind != OPTION_SCHOOL &&
	    (double)e->level != p->level)
		return 0;
	if (kind == OPTION_VACANCY && e->closes != PACK_NO_DAY && e->closes < run->today_days)
		return 0;
	/* Dates as on --today, both ways: an advert not yet posted is not there. */
	if (kind == OPTION_VACANCY && e->posted != PACK_NO_DAY && e->posted > run->today_days)
		return 0;
	if (run->use_box && kind != OPTION_CAREER && kind != OPTION_APPRENTICESHIP &&
	    !in_box(run, e->lat, e->lon)) {
		const struct pack_place *pl = pack_places(run->pack, e);
		uint32_t k;

		for (k = 0; k < e->place_count && !in_box(run, pl[k].lat, pl[k].lon); k++)
			;
		if (k == e->place_count)
			return 0;
	}
	return !run->p->excluded_count || !is_excluded(run, kind, e->id);
}

/* --- setting up a run ------------------------------------------------------------------- */

static void tally_init(struct tally *t, const struct pack *pack)
{
	memset(t, 0, sizeof(*t));
	t->timings = xcalloc(pack->when_count ? pack->when_count : 1, sizeof(*t->timings));
}

static void tally_done(struct tally *t)
{
	int k;

	for (k = 0; k < OPTION_KIND_COUNT; k++)
		free(t->heaps[k].hits);
	free(t->timings);
}

static void run_done(struct run *run)
{
	int k;

	for (k = 0; k < OPTION_KIND_COUNT; k++)
		free(run->text_hits[k]);
	free(run->excluded);
	tally_done(&run->own);
}

/*
 * By bus: the journeys from the learner's place (travel.h). With a limit
 * in minutes, the miles box becomes as far as anything goes in that time
 * (90 mph); without a plan (no timetable covers the place) miles rule as
 * ever, and out->travel.note says why.
 */
static enum status start_travel(struct run *run, struct store *s, const struct match_profile *p,
				struct match_list *out, char *err, size_t errlen)
{
	enum status rc = travel_plan_get(s, &p->travel, run->place,
					 out->place.approximate || !p->place_is_full,
					 out->place.label, p->today, &run->travel, &out->travel);

	if (rc != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return rc;
	}
	if (run->travel && p->travel.within_minutes > 0)
		run->radius = 1.5 * p->travel.within_minutes;
	return STATUS_OK;
}

static enum status start_run(struct run *run, struct store *s, const struct match_profile *p,
			     struct match_list *out, char *err, size_t errlen)
{
	enum status rc;
	int i;

	memset(out, 0, sizeof(*out));
	memset(run, 0, sizeof(*run));
	run->store = s;
	run->p = p;
	run->out = out;
	if (schoolyear_stage(p->school_year, p->age, p->today, &out->stage) != STATUS_OK) {
		snprintf(err, errlen, p->school_year ?
			 "school year %d is not one this program knows (Year 7 to Year 13)" :
			 "age %d: someone who has left school is between 16 and 25 here",
			 p->school_year ? p->school_year : p->age);
		return STATUS_INVALID;
	}
	run->today_days = date_days(p->today);
	if ((rc = pack_get(s, &run->pack)) != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return rc;
	}
	tally_init(&run->own, run->pack);
	run->tally = &run->own;
	for (i = 0; i < p->interest_count; i++) {
		int a = pack_area_index(run->pack, p->interests[i]);

		if (a >= 0 && run->chosen_count < PACK_MAX_AREAS)
			run->chosen[run->chosen_count++] = a;
	}
	if (p->excluded_count > 0) {
		run->excluded = xmalloc((size_t)p->excluded_count * sizeof(*run->excluded));
		memcpy(run->excluded, p->excluded, (size_t)p->excluded_count * sizeof(*run->excluded));
		qsort(run->excluded, (size_t)p->excluded_count, sizeof(*run->excluded),
		      compare_exclusions);
	}
	match_interest_start(run);

	/* Where are we measuring from? */
	out->place.given = p->place[0] != '\0';
	run->radius = p->radius;
	if (out->place.given) {
		int found;

		rc = store_find_place(s, p->place, p->place_is_full, &out->place.point, &found);
		if (rc != STATUS_OK) {
			snprintf(err, errlen, "%s", store_errmsg(s));
			return rc;
		}
		snprintf(out->place.label, sizeof(out->place.label), "%s", p->place);
		if (!found && p->place_is_full) {
			char district[9];

			snprintf(district, sizeof(district), "%.*s", (int)strcspn(p->place, " "),
				 p->place);
			rc = store_find_place(s, district, 0, &out->place.point, &found);
			if (rc != STATUS_OK) {
				snprintf(err, errlen, "%s", store_errmsg(s));
				return rc;
			}
			if (found) {
				out->place.approximate = 1;
				snprintf(out->place.label, sizeof(out->place.label), "%s", district);
				snprintf(out->place.note, sizeof(out->place.note),
					 "%s is not a postcode we know, so distances are from the "
					 "middle of %s", p->place, district);
			}
		}
		if (!found) {
			snprintf(err, errlen, "%s is not a postcode or postcode district we know",
				 p->place);
			snprintf(out->place.note, sizeof(out->place.note), "%s", err);
			return STATUS_NOT_FOUND;
		}
		/* A district alone is a place too, but only roughly: say so. */
		if (!p->place_is_full && !out->place.approximate) {
			out->place.approximate = 1;
			snprintf(out->place.note, sizeof(out->place.note), "distances are from the "
				 "middle of %s: give a full postcode for nearer figures", p->place);
		}
		out->place.found = 1;
		run->use_place = 1;
		run->place = out->place.point;
		run->cos_place = geo_cos_lat(run->place);
		if ((rc = start_travel(run, s, p, out, err, errlen)) != STATUS_OK)
			return rc;
		if (run->radius > 0) {
			run->use_box = 1;
			geo_box(run->place, run->radius, &run->min_lat, &run->max_lat, &run->min_lon,
				&run->max_lon);
		}
	}
	return STATUS_OK;
}

/* --- scanning ------------------------------------------------------------------------ */

/*
 * A share of the entries of every kind wanted: positions [from, to) of
 * each kind's list, in two parts (the near ones and the rest, when a
 * search with no radius looks at the near ones first), or, with no list,
 * of all. A search within a radius lists the entries of the grid cells
 * its box covers (pack_grid_candidates).
 */
struct share {
	struct run run;				/* a copy with its own tally */
	unsigned kinds;
	const uint32_t *lists[OPTION_KIND_COUNT];	/* (borrowed) NULL: every entry */
	size_t from[OPTION_KIND_COUNT][2], to[OPTION_KIND_COUNT][2];
};

static void scan(struct share *sh)
{
	int k, part;

	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_kind *pk = &sh->run.pack->kinds[k];
		const uint32_t *list = sh->lists[k];
		size_t j;

		if (!(sh->kinds & (1u << k)))
			continue;
		for (part = 0; part < 2; part++)
			for (j = sh->from[k][part]; j < sh->to[k][part]; j++) {
				size_t i = list ? list[j] : j;

				if (passes(&sh->run, (enum option_kind)k, i))
					look_at(&sh->run, (enum option_kind)k, &pk->entries[i]);
			}
	}
}

static void *scan_thread(void *arg)
{
	scan(arg);
	return NULL;
}

/*
 * Look at every entry of the kinds wanted that could fit. A national store
 * has well over a hundred thousand: when a search must look at more than
 * scan_split_at, a second thread takes the second half of each kind's with
 * its own tally, merged after. The ranking is a total order, so the result
 * is the same however the work was shared.
 */
static size_t scan_split_at = 20000;

void match_set_split(size_t entries)
{
	scan_split_at = entries;
}

/*
 * With interests ticked or a quiz result, an option whose interest fit is
 * below 0.5 is left out (match_score_option), so a search need look only
 * at the entries that could reach it: those fitting a ticked area 0.5 or
 * more, and, with a quiz, those fitting 0.7 or more (match_interest_part:
 * "strong") an area whose leaning is near enough the learner's letters -
 * the union of the areas' bitsets, worked out when the index was read
 * (pack_area_bits). A career's quiz fit is its own, so careers are all
 * looked at then; a link search keeps what its career leads to whatever
 * the fit.
 */
static int only_fitting(const struct run *run)
{
	return (run->chosen_count > 0 || run->p->has_riasec) && !run->linked_soc;
}

/*
 * The entries of a kind that could fit well enough, as a bitset (to free);
 * NULL: all of them (careers with a quiz).
 */
static uint64_t *fitting_bits(const struct run *run, int kind, const struct pack_kind *pk)
{
	int strong[PACK_MAX_AREAS], ns = 0, a;

	if (run->p->has_riasec && kind == OPTION_CAREER)
		return NULL;
	/* As match_interest_part counts the quiz: at 0.8 of its value beside ticked interests. */
	for (a = 0; a < run->pack->area_count && run->p->has_riasec; a++)
		if (run->chosen_count ? run->affinity[a] * 0.8 >= 0.5 : run->affinity[a] >= 0.5)
			strong[ns++] = a;
	return pack_area_bits(pk, run->chosen, run->chosen_count, strong, ns);
}

/*
 * The entries of *list (count of them; NULL: every entry of the kind) that
 * could fit well enough, in the same order, as a new *list; the new count.
 */
static size_t keep_fitting(const struct run *run, int kind, const struct pack_kind *pk,
			   uint32_t **list, size_t count)
{
	uint64_t *fit = fitting_bits(run, kind, pk);
	size_t j, n = 0;

	if (!fit)
		return count;
	if (!*list) {
		n = pack_bits_list(fit, pk->count, list);
	} else {
		for (j = 0; j < count; j++)
			if (fit[(*list)[j] / 64] >> ((*list)[j] % 64) & 1)
				(*list)[n++] = (*list)[j];
	}
	free(fit);
	return n;
}

/*
 * Near ones first, for pruning (could_enter): the heaps fill with the
 * options close to the learner, whose scores the far ones then mostly
 * cannot beat. The entries of *list (count of them; NULL: every entry of
 * the kind) in the grid cells within NEAR_MILES, then the rest, each part
 * in entry order, as a new *list; how many are near in *near. The order
 * changes nothing kept: the heap keeps the best by a total order.
 */
#define NEAR_MILES 15

static void near_first(const struct run *run, const struct pack_kind *pk, uint32_t **list,
		       size_t count, size_t *near)
{
	size_t words = pk->count / 64 + 1, n, j, at = 0;
	double min_lat, max_lat, min_lon, max_lon;
	uint64_t *wanted = NULL, *is_near = xcalloc(words, sizeof(*is_near));
	uint32_t *close, *out = xmalloc((count ? count : 1) * sizeof(*out));

	if (*list) {
		wanted = xcalloc(words, sizeof(*wanted));
		for (j = 0; j < count; j++)
			wanted[(*list)[j] / 64] |= 1ULL << ((*list)[j] % 64);
	}
	geo_box(run->place, NEAR_MILES, &min_lat, &max_lat, &min_lon, &max_lon);
	n = pack_grid_candidates(pk, min_lat, max_lat, min_lon, max_lon, &close);
	for (j = 0; j < n; j++)
		if (!wanted || (wanted[close[j] / 64] >> (close[j] % 64) & 1)) {
			out[at++] = close[j];
			is_near[close[j] / 64] |= 1ULL << (close[j] % 64);
		}
	*near = at;
	for (j = 0; j < count; j++) {
		uint32_t i = *list ? (*list)[j] : (uint32_t)j;

		if (!(is_near[i / 64] >> (i % 64) & 1))
			out[at++] = i;
	}
	free(close);
	free(wanted);
	free(is_near);
	free(*list);
	*list = out;
}

/*
 * Counting apart. A search with no radius need not look at an option that
 * it could never keep (could_enter), but it counts every one that is for
 * the learner. For courses, sixth forms, university courses and
 * vacancies, with no free text and nothing marked "not for me", that is
 * decided by the scan's list (which, with interests or a quiz, holds
 * exactly the entries whose interest fit reaches 0.5: only_fitting), the
 * level asked for and the shared timing of the option's pack_when (and a
 * vacancy's closing and posting days): four bytes an entry (its pack_when
 * and a code for its level; a vacancy eight more), worked out once for the
 * index, about 1.2 MB nationally, count them without reading the entries,
 * and with every entry wanted, the sums of each code count them at once.
 * Then only the entries near enough to be kept need to be looked at
 * (scan_rings).
 */
#define FACT_NO_LEVEL 127
#define FACT_NO_PLACE 128

struct scan_facts {
	uint32_t *codes[OPTION_KIND_COUNT];	/* pack_when << 8 | FACT_NO_PLACE if it has no
						   place | level code; NULL: none */
	float levels[FACT_NO_LEVEL];		/* each code's level */
	int level_count;
	uint32_t *placeless[OPTION_KIND_COUNT];	/* the entries with no place */
	size_t placeless_count[OPTION_KIND_COUNT];
	/* How many entries have each pack_when and level: (when << 8 | level code, count). */
	uint32_t (*sums[OPTION_KIND_COUNT])[2];
	size_t sum_count[OPTION_KIND_COUNT];
	/* Vacancies: each one's closing and posting days (pack_entry.closes, .posted). */
	int32_t (*days[OPTION_KIND_COUNT])[2];
};

static int counted_kind(int k)
{
	return k == OPTION_COURSE || k == OPTION_SCHOOL || k == OPTION_UNIVERSITY ||
	       k == OPTION_VACANCY;
}

static void facts_free(void *data)
{
	struct scan_facts *f = data;
	int k;

	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		free(f->codes[k]);
		free(f->placeless[k]);
		free(f->sums[k]);
		free(f->days[k]);
	}
	free(f);
}

/* The level's code, a new one if need be; -1 when there are too many. */
static int level_code(struct scan_facts *f, float level)
{
	int c;

	if (isnan(level))
		return FACT_NO_LEVEL;
	for (c = 0; c < f->level_count; c++)
		if (f->levels[c] == level)
			return c;
	if (f->level_count == FACT_NO_LEVEL)
		return -1;
	f->levels[f->level_count] = level;
	return f->level_count++;
}

/* The facts, worked out on first use and kept with the index (it is the store's own). */
static const struct scan_facts *scan_facts(const struct run *run)
{
	struct pack *pack = (struct pack *)run->pack;
	struct scan_facts *f = pack->match_facts;
	int k;

	if (f)
		return f;
	f = xcalloc(1, sizeof(*f));
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_kind *pk = &pack->kinds[k];
		uint32_t *codes;
		size_t i;

		if (!counted_kind(k))
			continue;
		codes = xmalloc((pk->count ? pk->count : 1) * sizeof(*codes));
		for (i = 0; i < pk->count; i++) {
			int code = level_code(f, pk->entries[i].level);

			if (code < 0 || pk->entries[i].when >= 1u << 24)
				break;
			codes[i] = pk->entries[i].when << 8 | (uint32_t)code |
				   (isnan(pk->entries[i].lat) ? FACT_NO_PLACE : 0);
		}
		if (i < pk->count) {
			free(codes);	/* cannot be said in four bytes: looked at one by one */
			continue;
		}
		f->codes[k] = codes;
		if (k == OPTION_VACANCY) {
			f->days[k] = xmalloc((pk->count ? pk->count : 1) * sizeof(*f->days[k]));
			for (i = 0; i < pk->count; i++) {
				f->days[k][i][0] = pk->entries[i].closes;
				f->days[k][i][1] = pk->entries[i].posted;
			}
		}
		for (i = 0; i < pk->count; i++)
			f->placeless_count[k] += (codes[i] & FACT_NO_PLACE) != 0;
		f->placeless[k] = xmalloc((f->placeless_count[k] ? f->placeless_count[k] : 1) *
					  sizeof(**f->placeless));
		f->placeless_count[k] = 0;
		for (i = 0; i < pk->count; i++)
			if (codes[i] & FACT_NO_PLACE)
				f->placeless[k][f->placeless_count[k]++] = (uint32_t)i;
	}
	/* Then the sums, now that every level has its code. */
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		size_t levels = (size_t)f->level_count + 1, i, n = 0;
		uint32_t *per;

		if (!f->codes[k])
			continue;
		per = xcalloc(pack->when_count * levels + 1, sizeof(*per));
		for (i = 0; i < pack->kinds[k].count; i++) {
			uint32_t code = f->codes[k][i], level = code & FACT_NO_LEVEL;

			per[(code >> 8) * levels + (level == FACT_NO_LEVEL ? levels - 1 : level)]++;
		}
		for (i = 0; i < pack->when_count * levels; i++)
			n += per[i] > 0;
		f->sums[k] = xmalloc((n ? n : 1) * sizeof(*f->sums[k]));
		for (i = 0; i < pack->when_count * levels; i++) {
			size_t level = i % levels;

			if (!per[i])
				continue;
			f->sums[k][f->sum_count[k]][0] = (uint32_t)(i / levels) << 8 |
				(level == levels - 1 ? FACT_NO_LEVEL : (uint32_t)level);
			f->sums[k][f->sum_count[k]++][1] = per[i];
		}
		free(per);
	}
	pack->match_facts = f;
	pack->match_facts_free = facts_free;
	return f;
}

/*
 * Count n entries of kind k with this code as scoring each would; for a
 * vacancy (n 1), `days` are its closing and posting days.
 */
static void count_code(struct run *run, int k, const struct scan_facts *f, uint32_t code,
		       size_t n, const int32_t *days)
{
	const struct match_profile *p = run->p;
	uint32_t level = code & FACT_NO_LEVEL;
	const struct timing *t;
	struct timing later;

	/* As passes(): a vacancy closed, or not yet posted, on the day searched. */
	if (days && ((days[0] != PACK_NO_DAY && days[0] < run->today_days) ||
		     (days[1] != PACK_NO_DAY && days[1] > run->today_days)))
		return;
	/* As passes(): a level asked for, sixth forms aside. */
	if (!isnan(p->level) && k != OPTION_SCHOOL &&
	    (level == FACT_NO_LEVEL || (double)f->levels[level] != p->level))
		return;
	/* As match_score_option: the timing decides. */
	t = match_timing_of(run, code >> 8);
	/* As match_timing_part: a job with no start date closing before they may start. */
	if (days && t->fit >= 0 && !run->pack->whens[code >> 8].has_start &&
	    days[0] != PACK_NO_DAY && days[0] < t->earliest) {
		later = *t;
		later.for_later = 1;
		later.fit = -1;
		t = &later;
	}
	if (t->fit < 0 || (t->availability == AVAILABLE_NOT_FOR_AGE && !p->show_not_for_age)) {
		match_count_hidden(run, t, n);
		return;
	}
	run->tally->total_by_kind[k] += n;
	run->tally->total += n;
}

/* Count the entries of kind k in wanted (NULL: all) as scoring each would. */
static void count_apart(struct run *run, int k, const struct scan_facts *f,
			const uint64_t *wanted)
{
	const uint32_t *codes = f->codes[k];
	size_t count = run->pack->kinds[k].count, w;

	if (!wanted && !f->days[k]) {
		for (w = 0; w < f->sum_count[k]; w++)
			count_code(run, k, f, f->sums[k][w][0], f->sums[k][w][1], NULL);
		return;
	}
	for (w = 0; w < count / 64 + 1; w++) {
		uint64_t bits = wanted ? wanted[w] : ~0ULL;

		while (bits) {
			size_t i = w * 64 + (size_t)__builtin_ctzll(bits);

			bits &= bits - 1;
			if (i >= count)
				break;
			count_code(run, k, f, codes[i], 1, f->days[k] ? f->days[k][i] : NULL);
		}
	}
}

/*
 * Look at the entries of kind k in wanted (NULL: all), counted apart, from
 * near to far: those of the grid cells of the box around the learner's
 * place for each distance in rings[], then the rest (and those with no
 * place). An entry outside a ring's box is more than its miles off (a
 * search within a radius relies on the same: geo_box). Once the heap is
 * full, an entry is looked at only if, that far off (or with no place),
 * its level and timing (from its facts, without reading the entry) could
 * still beat the worst kept; and when not even a perfect fit could, the
 * scan stops.
 */
struct rings {
	struct run *run;
	int kind;
	const uint32_t *codes;
	uint64_t *seen;
	double level_part[FACT_NO_LEVEL + 1];	/* by level code: 15 * the level fit; -1: not
						   the level asked for */
	/*
	 * How well it can fit the ticked interests: an entry in `top` (fits
	 * one 0.7 or more) up to 1, in `some` (0.5 or more, so 0.5 or 0.6:
	 * fits are tenths) up to 0.6, else only through the quiz, which
	 * beside ticked interests counts at most 0.55 (match_interest_part).
	 * NULL: every entry up to interest[0].
	 */
	const uint64_t *top, *some;
	double interest[3];
	/* The most the interest and distance parts can add, for each of those
	   three, those left with a place and those with none. */
	double fixed[3], fixed_placeless[3];
};

static void ring_fixed(struct rings *g, double least)
{
	int c;

	for (c = 0; c < 3; c++) {
		g->fixed[c] = match_score_fixed_part(g->run, g->interest[c], least);
		g->fixed_placeless[c] = match_score_fixed_part(g->run, g->interest[c], NAN);
	}
}

/*
 * Look at entry i if it could be kept. The bound here is the score's sum
 * in another order and not rounded: rounding to a tenth adds at most 0.05,
 * the order changes it by far less than the other 0.05 of the margin.
 */
static void ring_look(struct rings *g, size_t i)
{
	struct run *run = g->run;
	const struct heap *h = &run->tally->heaps[g->kind];
	const struct match_profile *p = run->p;
	uint32_t code = g->codes[i], level = code & FACT_NO_LEVEL;
	const struct timing *t;
	double most;

	g->seen[i / 64] |= 1ULL << (i % 64);
	if (g->level_part[level] < 0)
		return;		/* not the level asked for (passes() would say so) */
	t = match_timing_of(run, code >> 8);
	if (t->fit < 0 || (t->availability == AVAILABLE_NOT_FOR_AGE && !p->show_not_for_age))
		return;		/* never shown (scoring would say so) */
	if (h->count == h->cap) {
		int c = !g->top || (g->top[i / 64] >> (i % 64) & 1) ? 0 :
			(g->some[i / 64] >> (i % 64) & 1) ? 1 : 2;

		most = (code & FACT_NO_PLACE ? g->fixed_placeless[c] : g->fixed[c]) +
		       g->level_part[level] + 15 * t->fit;
		if (t->needs_first)
			most = most > 40 ? most - 40 : 0;
		if (most + 0.1 < h->hits[0].score) {
			run->tally->pruned++;
			return;
		}
	}
	if (passes(run, (enum option_kind)g->kind, i))
		look_at(run, (enum option_kind)g->kind, &run->pack->kinds[g->kind].entries[i]);
}

static void scan_rings(struct run *run, int k, const struct scan_facts *f, const uint64_t *wanted)
{
	static const double rings[] = { 5, 12, 25, 50, 100, 200 };	/* miles */
	const int ring_count = (int)(sizeof(rings) / sizeof(rings[0]));
	const struct pack_kind *pk = &run->pack->kinds[k];
	const struct heap *h = &run->tally->heaps[k];
	size_t words = pk->count / 64 + 1, n, j, w;
	double interest = 0.5, least = 0;
	uint64_t *top = NULL, *some = NULL;
	struct rings g;
	int ring, c;

	g.run = run;
	g.kind = k;
	g.codes = f->codes[k];
	g.seen = xcalloc(words, sizeof(*g.seen));
	if (run->chosen_count) {
		interest = 1;
		top = pack_area_bits(pk, NULL, 0, run->chosen, run->chosen_count);
		some = pack_area_bits(pk, run->chosen, run->chosen_count, NULL, 0);
	} else if (run->p->has_riasec) {
		/* The quiz alone: the best leaning of an area the option is strong in. */
		interest = 0;
		for (c = 0; c < run->pack->area_count; c++)
			if (run->affinity[c] > interest)
				interest = run->affinity[c];
	}
	g.top = top;
	g.some = some;
	g.interest[0] = interest;
	g.interest[1] = top ? 0.6 : interest;
	g.interest[2] = top ? 0.55 : interest;
	/* As passes(): with a level asked for, the others are left out (sixth forms aside). */
	for (c = 0; c <= FACT_NO_LEVEL; c++) {
		float level = c < f->level_count ? f->levels[c] : NAN;

		g.level_part[c] = !isnan(run->p->level) && k != OPTION_SCHOOL &&
				  (double)level != run->p->level ? -1 :
				  15 * match_level_fit(run, (enum option_kind)k, level);
	}
	run->counted_apart = 1;
	/* The ones with a place, ring by ring, while one that far could still be kept. */
	for (ring = 0; ring < ring_count; ring++) {
		double min_lat, max_lat, min_lon, max_lon;
		uint32_t *list;

		least = ring > 0 ? rings[ring - 1] : 0;
		if (h->count == h->cap &&
		    match_score_most(run, interest, least, 1, 1, 0) < h->hits[0].score) {
			run->tally->pruned++;	/* at least: the rest are not even tried */
			break;
		}
		ring_fixed(&g, least);
		geo_box(run->place, rings[ring], &min_lat, &max_lat, &min_lon, &max_lon);
		n = pack_grid_candidates(pk, min_lat, max_lat, min_lon, max_lon, &list);
		for (j = 0; j < n; j++) {
			uint32_t i = list[j];

			if (!(g.seen[i / 64] >> (i % 64) & 1) &&
			    (!wanted || (wanted[i / 64] >> (i % 64) & 1)))
				ring_look(&g, i);
		}
		free(list);
	}
	least = rings[ring_count - 1];
	ring_fixed(&g, least);
	if (ring == ring_count && (h->count < h->cap ||
				   match_score_most(run, interest, least, 1, 1, 0) >= h->hits[0].score)) {
		/* Beyond the last ring: every entry wanted not looked at yet. */
		for (w = 0; w < words; w++) {
			uint64_t bits = (wanted ? wanted[w] : ~0ULL) & ~g.seen[w];

			while (bits) {
				size_t i = w * 64 + (size_t)__builtin_ctzll(bits);

				bits &= bits - 1;
				if (i >= pk->count)
					break;
				ring_look(&g, i);
			}
		}
	} else if (h->count < h->cap ||
		   match_score_most(run, interest, NAN, 1, 1, 0) >= h->hits[0].score) {
		/* Only those with no place could still be kept. */
		for (j = 0; j < f->placeless_count[k]; j++) {
			uint32_t i = f->placeless[k][j];

			if (!wanted || (wanted[i / 64] >> (i % 64) & 1))
				ring_look(&g, i);
		}
	}
	run->counted_apart = 0;
	free(g.seen);
	free(top);
	free(some);
}

/*
 * The kinds that a search counts apart and looks at from near to far, in
 * kinds, done here: the rest are left for scan_all.
 */
static unsigned scan_counted_apart(struct run *run, unsigned kinds)
{
	const struct scan_facts *f;
	int k;

	if (!run->prune || run->has_text || run->p->excluded_count)
		return kinds;
	f = scan_facts(run);
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_kind *pk = &run->pack->kinds[k];
		uint64_t *wanted = NULL;

		if (!(kinds & (1u << k)) || !counted_kind(k) || !f->codes[k] ||
		    !run->tally->heaps[k].cap || !pk->grid.cells)
			continue;
		if (only_fitting(run) && !(wanted = fitting_bits(run, k, pk)))
			continue;
		count_apart(run, k, f, wanted);
		scan_rings(run, k, f, wanted);
		free(wanted);
		kinds &= ~(1u << k);
	}
	return kinds;
}

static void scan_all(struct run *run, unsigned kinds)
{
	struct share *mine = xcalloc(1, sizeof(*mine)), *theirs = NULL;
	uint32_t *lists[OPTION_KIND_COUNT] = { NULL };
	size_t entries = 0, count[OPTION_KIND_COUNT] = { 0 }, near[OPTION_KIND_COUNT] = { 0 };
	pthread_t helper;
	int k, threaded = 0;
	size_t i;

	kinds = scan_counted_apart(run, kinds);
	mine->run = *run;
	mine->kinds = kinds;
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_kind *pk = &run->pack->kinds[k];

		count[k] = pk->count;
		if (!(kinds & (1u << k)))
			continue;
		if (run->use_box && k != OPTION_CAREER && k != OPTION_APPRENTICESHIP) {
			count[k] = pack_grid_candidates(pk, run->min_lat, run->max_lat, run->min_lon,
							run->max_lon, &lists[k]);
		}
		if (only_fitting(run))
			count[k] = keep_fitting(run, k, pk, &lists[k], count[k]);
		if (run->prune && pk->grid.cells && run->tally->heaps[k].cap &&
		    count[k] > run->tally->heaps[k].cap)
			near_first(run, pk, &lists[k], count[k], &near[k]);
		mine->lists[k] = lists[k];
		entries += count[k];
	}
	/* The near part, then the rest. */
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		mine->to[k][0] = near[k];
		mine->from[k][1] = near[k];
		mine->to[k][1] = count[k];
	}
	if (entries >= scan_split_at) {
		/* Half of each part each, so that both threads start near. */
		theirs = xcalloc(1, sizeof(*theirs));
		*theirs = *mine;
		tally_init(&theirs->run.own, run->pack);
		for (k = 0; k < OPTION_KIND_COUNT; k++)
			theirs->run.own.heaps[k].cap = run->tally->heaps[k].cap;
		theirs->run.tally = &theirs->run.own;
		for (k = 0; k < OPTION_KIND_COUNT; k++) {
			theirs->from[k][0] = near[k] / 2;
			mine->to[k][0] = theirs->from[k][0];
			theirs->from[k][1] = near[k] + (count[k] - near[k]) / 2;
			mine->to[k][1] = theirs->from[k][1];
		}
		threaded = pthread_create(&helper, NULL, scan_thread, theirs) == 0;
		if (!threaded) {
			/* No thread to be had: do it all here. */
			for (k = 0; k < OPTION_KIND_COUNT; k++) {
				mine->to[k][0] = theirs->to[k][0];
				mine->to[k][1] = theirs->to[k][1];
			}
		}
	}
	scan(mine);
	if (threaded) {
		struct tally *t = &theirs->run.own;

		pthread_join(helper, NULL);
		run->tally->total += t->total;
		run->tally->hidden_not_for_age += t->hidden_not_for_age;
		run->tally->for_later += t->for_later;
		run->tally->pruned += t->pruned;
		for (k = 0; k < OPTION_KIND_COUNT; k++) {
			run->tally->total_by_kind[k] += t->total_by_kind[k];
			for (i = 0; i < t->heaps[k].count; i++)
				match_heap_push(run, &run->tally->heaps[k], &t->heaps[k].hits[i]);
		}
	}
	if (theirs)
		tally_done(&theirs->run.own);
	free(theirs);
	free(mine);
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		free(lists[k]);
}

/* Each kind keeps at most this many before the final cut (0: all). */
static size_t kind_cap(const struct match_profile *p)
{
	if (p->per_kind > 0 && p->limit > 0)
		return (size_t)(p->per_kind < p->limit ? p->per_kind : p->limit);
	return (size_t)(p->per_kind > 0 ? p->per_kind : p->limit > 0 ? p->limit : 0);
}

/* Start a run and find the learner's words; on failure the run is already done. */
static enum status begin_run(struct run *run, struct store *s, const struct match_profile *p,
			     struct match_list *out, unsigned kinds, char *err, size_t errlen)
{
	enum status rc;

	err[0] = '\0';
	if ((rc = start_run(run, s, p, out, err, errlen)) != STATUS_OK) {
		run_done(run);
		return rc;
	}
	if ((rc = match_find_text(run, kinds)) != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		run_done(run);
	}
	return rc;
}

static enum status run_all(struct store *s, const struct match_profile *p, struct match_list *out,
			   char *err, size_t errlen)
{
	struct run run;
	enum status rc;
	unsigned kinds = p->kinds ? p->kinds : (1u << OPTION_KIND_COUNT) - 1;
	int k;

	if ((rc = begin_run(&run, s, p, out, kinds, err, errlen)) != STATUS_OK)
		return rc;
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		run.tally->heaps[k].cap = kinds & (1u << k) ? kind_cap(p) : 0;
	run.prune = pruning && run.use_place && run.radius <= 0 && !run.travel &&
		    p->sort == SORT_RELEVANCE;
	scan_all(&run, kinds);
	last_pruned = run.tally->pruned;
	run.later = p->explain_later;
	if ((rc = match_finish(&run)) != STATUS_OK)
		snprintf(err, errlen, "%s", store_errmsg(s));
	if (run.later && rc == STATUS_OK) {
		/* The run lives on with the list, to explain its rows when shown. */
		struct match_later *later = xcalloc(1, sizeof(*later));

		for (k = 0; k < OPTION_KIND_COUNT; k++) {
			free(run.text_hits[k]);
			run.text_hits[k] = NULL;
		}
		later->run = run;
		later->p = *p;
		later->run.p = &later->p;
		later->run.tally = &later->run.own;
		later->count = out->count;
		later->done = xcalloc(out->count ? out->count : 1, 1);
		out->later = later;
		return rc;
	}
	free(run.kept);
	run_done(&run);
	return rc;
}

static enum status run_these(struct store *s, const struct match_profile *p,
			     const struct match_exclusion *items, int count,
			     struct match_list *out, char *err, size_t errlen)
{
	struct match_profile q = *p;
	struct run run;
	enum status rc;
	unsigned kinds = p->kinds ? p->kinds : (1u << OPTION_KIND_COUNT) - 1;
	int i;

	q.limit = 0;
	q.per_kind = 0;
	if ((rc = begin_run(&run, s, &q, out, kinds, err, errlen)) != STATUS_OK)
		return rc;
	for (i = 0; i < count; i++) {
		enum option_kind kind = items[i].kind;
		const struct pack_entry *e;

		if ((unsigned)kind >= OPTION_KIND_COUNT || !(kinds & (1u << kind)) ||
		    !(e = pack_find(run.pack, kind, items[i].id)))
			continue;
		if (passes(&run, kind, (size_t)(e - run.pack->kinds[kind].entries)))
			look_at(&run, kind, e);
	}
	if ((rc = match_finish(&run)) != STATUS_OK)
		snprintf(err, errlen, "%s", store_errmsg(s));
	run_done(&run);
	return rc;
}

/* Linked options: ids from the store's link tables, scored from the pack. */
struct linking {
	struct run *run;
	enum option_kind target;
};

static int look_at_linked(void *ctx, long long id)
{
	struct linking *l = ctx;
	const struct pack_entry *e = pack_find(l->run->pack, l->target, id);

	if (e && passes(l->run, l->target, (size_t)(e - l->run->pack->kinds[l->target].entries)))
		look_at(l->run, l->target, e);
	return 0;
}

/*
 * A career's courses: those in a subject area of an interest area the
 * career's SOC group belongs to (a fit of 1 there is exactly that);
 * university courses carry no subject codes, so their titles' words decide.
 */
static void career_courses(struct run *run, enum option_kind target, const char *soc)
{
	const struct pack_kind *pk = &run->pack->kinds[target];
	uint32_t areas = 0, *list = NULL;
	size_t count = pk->count, j;
	int k;
	const struct pack_entry *career = pack_find(run->pack, OPTION_CAREER, run->linked_soc);

	/* The career's areas: by the interest map, as its fits say (the store's groups without one). */
	for (k = 0; k < run->pack->area_count; k++)
		if (career ? pack_fit(career, k) == 1 : pack_area_has_soc(&run->pack->areas[k], soc)) {
			areas |= 1u << k;
			run->link_areas[run->link_area_count++] = k;
		}
	run->link_filter_keywords = target == OPTION_UNIVERSITY;
	title_stems(run, run->linked_soc);
	if (!areas)
		return;
	/*
	 * Courses: only those fitting one of the career's areas 0.7 or more
	 * can fit one fully, so the areas' bitsets (pack_area_bits) name the
	 * few to look at, in the same order as walking them all (a career's
	 * screen asks this of 165,000 courses nationally). University courses
	 * are all looked at (their titles decide, in look_at).
	 */
	if (target != OPTION_UNIVERSITY && pk->fits) {
		uint64_t *bits = pack_area_bits(pk, NULL, 0, run->link_areas, run->link_area_count);

		count = pack_bits_list(bits, pk->count, &list);
		free(bits);
	}
	for (j = 0; j < count; j++) {
		size_t i = list ? list[j] : j;
		const struct pack_entry *e = &pk->entries[i];
		int linked = target == OPTION_UNIVERSITY;

		for (k = 0; k < run->pack->area_count && !linked; k++)
			linked = (areas & (1u << k)) && pack_fit(e, k) == 1;
		if (linked && passes(run, target, i))
			look_at(run, target, e);
	}
	free(list);
}

static enum status run_links(struct store *s, const struct match_profile *p,
			     enum option_kind kind, long long id, int per_kind,
			     struct match_list *out, char *err, size_t errlen)
{
	struct match_profile q = *p;
	struct match_list part;
	struct run run;
	char soc[8];
	enum status rc;
	size_t i;
	int n;

	/* Links ignore the learner's interests and text: they follow the data. */
	q.interest_count = 0;
	q.has_riasec = 0;
	q.text[0] = '\0';
	q.limit = per_kind;
	q.per_kind = 0;
	memset(out, 0, sizeof(*out));
	if (kind != OPTION_CAREER && kind != OPTION_APPRENTICESHIP)
		return STATUS_OK;
	snprintf(soc, sizeof(soc), "%04lld", id);
	for (n = 0; n < OPTION_KIND_COUNT; n++) {
		enum option_kind target = (enum option_kind)n;
		struct linking l;

		if (target == OPTION_SCHOOL || target == kind ||
		    (kind == OPTION_APPRENTICESHIP && target != OPTION_VACANCY &&
		     target != OPTION_CAREER))
			continue;
		if ((rc = start_run(&run, s, &q, &part, err, errlen)) != STATUS_OK) {
			run_done(&run);
			match_list_done(out);
			return rc;
		}
		run.tally->heaps[target].cap = per_kind > 0 ? (size_t)per_kind : 0;
		l.run = &run;
		l.target = target;
		if (kind == OPTION_CAREER)
			run.linked_soc = id;
		if (kind == OPTION_CAREER && (target == OPTION_COURSE || target == OPTION_UNIVERSITY))
			career_courses(&run, target, soc);
		else
			rc = store_each_link(s, kind, id, target, look_at_linked, &l);
		if (rc == STATUS_OK)
			rc = match_finish(&run);
		run_done(&run);
		if (rc != STATUS_OK) {
			snprintf(err, errlen, "%s", store_errmsg(s));
			match_list_done(&part);
			match_list_done(out);
			return rc;
		}
		out->place = part.place;
		out->stage = part.stage;
		out->total += part.total;
		out->total_by_kind[target] = part.total;
		out->hidden_not_for_age += part.hidden_not_for_age;
		out->for_later += part.for_later;
		for (i = 0; i < part.count; i++) {
			if (out->count == out->alloc) {
				out->alloc = out->alloc ? out->alloc * 2 : 16;
				out->results = xrealloc(out->results, out->alloc * sizeof(*out->results));
			}
			out->results[out->count++] = part.results[i];
		}
		free(part.results);
	}
	return STATUS_OK;
}

/* --- the entry points: each one read of the store -------------------------------------- */

static enum status read_fail(struct store *s, struct match_list *out, char *err, size_t errlen)
{
	memset(out, 0, sizeof(*out));
	snprintf(err, errlen, "%s", store_errmsg(s));
	return STATUS_DB;
}

enum status match_run(struct store *s, const struct match_profile *p, struct match_list *out,
		      char *err, size_t errlen)
{
	enum status rc;

	if (store_read_begin(s) != STATUS_OK)
		return read_fail(s, out, err, errlen);
	rc = run_all(s, p, out, err, errlen);
	store_read_end(s);
	return rc;
}

enum status match_these(struct store *s, const struct match_profile *p,
			const struct match_exclusion *items, int count, struct match_list *out,
			char *err, size_t errlen)
{
	enum status rc;

	if (store_read_begin(s) != STATUS_OK)
		return read_fail(s, out, err, errlen);
	rc = run_these(s, p, items, count, out, err, errlen);
	store_read_end(s);
	return rc;
}

int match_journey(struct store *s, const struct match_profile *p, enum option_kind kind,
		  long long id, struct transit_leg *legs, int max, struct travel_answer *answer,
		  struct travel_info *info)
{
	struct match_list out;
	const struct pack_entry *e;
	struct run run;
	char err[256];
	int n = 0;

	memset(answer, 0, sizeof(*answer));
	memset(info, 0, sizeof(*info));
	if (store_read_begin(s) != STATUS_OK)
		return 0;
	if (start_run(&run, s, p, &out, err, sizeof(err)) == STATUS_OK && run.travel &&
	    (e = pack_find(run.pack, kind, id)) && !isnan(e->lat)) {
		struct geo_point at;

		travel_plan_entry(run.travel, run.pack, e, answer, &at);
		n = travel_plan_journey(run.travel, at.lat, at.lon, legs, max);
	}
	*info = out.travel;
	run_done(&run);
	match_list_done(&out);
	store_read_end(s);
	return n;
}

enum status match_links(struct store *s, const struct match_profile *p, enum option_kind kind,
			long long id, int per_kind, struct match_list *out, char *err,
			size_t errlen)
{
	enum status rc;

	if (store_read_begin(s) != STATUS_OK)
		return read_fail(s, out, err, errlen);
	rc = run_links(s, p, kind, id, per_kind, out, err, errlen);
	store_read_end(s);
	return rc;
}
