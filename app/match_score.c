/*
 * match_score.c - the score, the ranking, and the reasons for the options kept.
 *
 * Design notes.
 *
 * The score. Every option gets four fits between 0 and 1, and
 *
 *	score = 100 * (0.45 * interest + 0.25 * distance + 0.15 * level + 0.15 * timing)
 *
 *   interest  match_interest.c (or match_text.c for free text alone).
 *   distance  1 - miles / radius (0.5 when there is no place to measure
 *             from, or the option is not a place, such as a career); by bus
 *             with a limit in minutes, 1 - minutes / limit.
 *   level     how close the level is to the learner's next step (level 3
 *             after GCSEs; levels 4-6 after Year 13): 1, 0.8, 0.5 or 0.3;
 *             0.5 when the level is not known.
 *   timing    match_rules.c.
 *
 * Reasons are built from the same facts, in the order: interest,
 * distance, level, timing, then anything else worth saying (closing
 * date, pay). Nothing is canned: each phrase names the value it is about.
 * They are only written for the options a search keeps (run->explain):
 * the scan scores everything without words, then the kept ones are scored
 * again with them.
 */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match_int.h"
#include "mem.h"

void match_add_reason(struct run *run, struct match_result *r, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	if (!run->explain || r->reason_count >= MATCH_MAX_REASONS)
		return;
	strbuf_init(&sb);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	r->reasons[r->reason_count++] = strbuf_detach(&sb);
}

void match_set_brief(struct run *run, struct match_result *r, const char *fmt, ...)
{
	va_list ap;

	if (!run->explain)
		return;
	va_start(ap, fmt);
	vsnprintf(r->brief, sizeof(r->brief), fmt, ap);
	va_end(ap);
}

static void level_words(double level, char *out, size_t outlen)
{
	if (level == 0)
		snprintf(out, outlen, "Entry level");
	else if (level == 1.5)
		snprintf(out, outlen, "Level 1/2");
	else
		snprintf(out, outlen, "Level %g", level);
}

/* To the nearest of the places the option is at (an advert at several sites). */
double match_distance_to(const struct run *run, const struct pack_entry *e)
{
	double d = geo_miles_cos(run->place, run->cos_place, (struct geo_point){ e->lat, e->lon },
				 e->cos_lat);
	uint32_t k;

	for (k = 0; k < e->place_count; k++) {
		const struct pack_place *p = &pack_places(run->pack, e)[k];
		double other = geo_miles_cos(run->place, run->cos_place,
					     (struct geo_point){ p->lat, p->lon }, p->cos_lat);

		if (other < d || isnan(d))
			d = other;
	}
	return d;
}

/*
 * By bus (travel.h): the journey in words, and with a limit in minutes,
 * the distance fit in minutes (1 - minutes / limit) instead of miles.
 */
static void travel_reason(struct run *run, struct match_result *r)
{
	const struct travel_request *t = &run->p->travel;
	char words[96];

	if (!run->travel || !r->travel.applies)
		return;
	if (t->within_minutes > 0 && r->travel.found) {
		r->fit.distance = 1 - (double)r->travel.minutes / t->within_minutes;
		if (r->fit.distance < 0.05)
			r->fit.distance = 0.05;
	}
	if (!run->explain)
		return;
	travel_summary(&r->travel, t->arrive_by, words, sizeof(words));
	match_add_reason(run, r, "%s", words);
}

/* The distance fit for a distance in miles (finite). */
static double miles_fit(const struct run *run, double miles)
{
	double fit;

	if (run->radius > 0)
		fit = 1 - miles / run->radius;
	else
		fit = miles < 100 ? 1 - miles / 100 : 0.1;
	return fit < 0.05 ? 0.05 : fit;
}

/*
 * The best distance fit of an option at least `least` miles off: as
 * miles_fit(), which falls as the miles grow, except that with no radius
 * 100 miles or more fits 0.1, better than 95-99 miles (0.05).
 */
static double least_miles_fit(const struct run *run, double least)
{
	double fit = miles_fit(run, least);

	return run->radius <= 0 && fit < 0.1 ? 0.1 : fit;
}

/* r->distance already measured: NAN for no place, INFINITY for 100 miles or more. */
static void distance_part(struct run *run, const struct cand *c, struct match_result *r)
{
	if (isnan(r->distance)) {
		r->fit.distance = 0.5;
		return;
	}
	if (isinf(r->distance)) {
		r->fit.distance = 0.1;
		travel_reason(run, r);
		return;
	}
	(void)c;
	r->fit.distance = miles_fit(run, r->distance);
	match_add_reason(run, r, "%.1f miles from %s", r->distance, run->out->place.label);
	travel_reason(run, r);
}

/* The learner's next step: the levels that suit best now. */
static void next_levels(const struct learner_stage *st, double *lo, double *hi)
{
	int youngest, oldest;

	if (st->school_year && st->school_year <= 11) {
		*lo = *hi = 3;
		return;
	}
	if (st->school_year == 12) {
		*lo = 3;
		*hi = 3;
		return;
	}
	if (st->school_year == 13) {
		*lo = 4;
		*hi = 6;
		return;
	}
	schoolyear_age_on(st, st->today, &youngest, &oldest);
	*lo = youngest >= 18 ? 3 : 2;
	*hi = youngest >= 18 ? 6 : 3;
}

double match_level_fit(const struct run *run, enum option_kind kind, double level)
{
	double lo, hi, gap;

	if (isnan(level) || level < 0 || kind == OPTION_CAREER || kind == OPTION_SCHOOL)
		return 0.5;
	next_levels(&run->out->stage, &lo, &hi);
	gap = level < lo ? lo - level : level > hi ? level - hi : 0;
	return gap == 0 ? 1 : gap <= 1 ? 0.8 : gap <= 2 ? 0.5 : 0.3;
}

static void level_part(struct run *run, const struct cand *c, struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	double l = c->e->level;
	char words[24];

	r->level = l;
	r->fit.level = match_level_fit(run, c->kind, l);
	if (isnan(l) || l < 0 || c->kind == OPTION_CAREER || c->kind == OPTION_SCHOOL) {
		/* --level filters what has a level; say so for what has none. */
		if (!isnan(run->p->level) && c->kind == OPTION_CAREER)
			match_add_reason(run, r, "careers have no level: the Level %g you chose does "
					 "not narrow them (the ways in here have levels)", run->p->level);
		else if (!isnan(run->p->level) && c->kind == OPTION_SCHOOL)
			match_add_reason(run, r, "a sixth form or college teaches several levels: "
					 "the Level %g you chose does not narrow it", run->p->level);
		return;
	}
	if (!run->explain)
		return;
	level_words(l, words, sizeof(words));
	if (l == 3 && st->school_year && st->school_year <= 11)
		match_add_reason(run, r, "%s - the next step after GCSEs", words);
	else if (l >= 1.5 && l <= 2)
		match_add_reason(run, r, "%s - the same level as GCSEs at grades 9 to 4", words);
	else if (l == 1)
		match_add_reason(run, r, "%s - a first step, like GCSEs at grades 3 to 1", words);
	else if (l == 0)
		match_add_reason(run, r, "%s - a start, with no qualifications needed", words);
	else if (l == 3)
		match_add_reason(run, r, "%s - the level of A levels and T Levels", words);
	else if (l <= 5)
		match_add_reason(run, r, "%s - higher technical, beyond A levels", words);
	else if (l == 6)
		match_add_reason(run, r, "%s - degree level", words);
	else
		match_add_reason(run, r, "%s - master's degree level", words);
}
/*
 * The fits as one score, rounded to a tenth. Every bound on a score
 * (match_score_bound, match_score_most) comes through here too: the same
 * arithmetic, none of whose steps falls when a fit grows.
 */
static double combine(const struct match_fit *fit, int needs_first)
{
	double score = 100 * (0.45 * fit->interest + 0.25 * fit->distance +
			      0.15 * fit->level + 0.15 * fit->timing);

	/* Entry they cannot meet yet: below everything they can. */
	if (needs_first)
		score = score > 40 ? score - 40 : 0;
	return round(score * 10) / 10;
}

void match_count_hidden(struct run *run, const struct timing *t, size_t n)
{
	if (t->for_later)
		run->tally->for_later += n;
	else if (t->fit >= 0)
		run->tally->hidden_not_for_age += n;
}

double match_score_fixed_part(const struct run *run, double interest, double least)
{
	return 100 * (0.45 * interest + 0.25 * (isnan(least) ? 0.5 : least_miles_fit(run, least)));
}

double match_score_most(const struct run *run, double interest, double least, double level,
			double timing, int needs_first)
{
	struct match_fit fit;

	fit.interest = interest;
	/* An option with no place to measure from fits 0.5 for distance. */
	fit.distance = isnan(least) ? 0.5 : least_miles_fit(run, least);
	fit.level = level;
	fit.timing = timing;
	return combine(&fit, needs_first);
}

/*
 * The score, or with `least` (not NAN) a bound on it: the option is at
 * least that many miles off (distance is not used), and r->score is at
 * least what it would be at its real distance. Every part but distance is
 * worked out exactly, so whether it is for this learner (the return) and
 * what is counted are the same both ways; and every step below is the same
 * arithmetic on a distance fit that is no smaller, each step never falling
 * when its input grows (rounding included), so the bound holds exactly.
 */
static int score(struct run *run, const struct cand *c, struct match_result *r, double distance,
		 double least, struct timing *timing)
{
	const struct match_profile *p = run->p;
	struct timing t;
	char day[16];

	r->kind = c->kind;
	r->id = c->e->id;
	r->distance = distance;
	match_interest_part(run, c, r);
	if ((run->chosen_count || p->has_riasec) && r->fit.interest < 0.5 && !run->linked_soc)
		return 0;
	if (isnan(least))
		distance_part(run, c, r);
	else
		r->fit.distance = least_miles_fit(run, least);
	level_part(run, c, r);
	match_timing_part(run, c, r, &t);
	if (t.fit < 0 || (t.availability == AVAILABLE_NOT_FOR_AGE && !p->show_not_for_age)) {
		if (!run->explain && !run->counted_apart)
			match_count_hidden(run, &t, 1);
		return 0;
	}
	r->fit.timing = t.fit;
	r->availability = (enum availability)t.availability;
	r->starts_too_early = t.too_early;
	r->needs_first = t.needs_first;
	r->score = combine(&r->fit, t.needs_first);
	/* A standard's pay is its careers': for ranking ties, never shown as its own. */
	r->pay_per_week = c->kind == OPTION_APPRENTICESHIP ? NAN : c->e->pay;
	if (timing)
		*timing = t;
	if (!run->explain || !isnan(least))
		return 1;
	/* The dates as words and everything else worth saying, for the ones kept. */
	if (t.has_from)
		date_iso(t.from, r->available_from);
	if (c->w->has_start)
		date_iso(c->w->start, r->starts);
	if (c->kind == OPTION_VACANCY && c->e->closes != PACK_NO_DAY) {
		struct civil_date closes = date_from_days(c->e->closes);

		date_iso(closes, r->closes);
		date_short(closes, day);
		match_add_reason(run, r, "apply by %s", day);
	}
	if (c->kind == OPTION_VACANCY && !isnan(r->pay_per_week))
		match_add_reason(run, r, "pays about £%.0f a week", r->pay_per_week);
	if (c->kind == OPTION_CAREER && !isnan(r->pay_per_week))
		match_add_reason(run, r, "typical pay about £%.0f a week", r->pay_per_week);
	if (!r->brief[0] && r->reason_count)
		snprintf(r->brief, sizeof(r->brief), "%s", r->reasons[0]);
	return 1;
}

int match_score_option(struct run *run, const struct cand *c, struct match_result *r,
		       double distance, struct timing *timing)
{
	return score(run, c, r, distance, NAN, timing);
}

int match_score_bound(struct run *run, const struct cand *c, struct match_result *r,
		      double least)
{
	return score(run, c, r, NAN, least, NULL);
}

/* --- ranking ------------------------------------------------------------------------------ */

/*
 * Between two options of the same score, what a learner would care about:
 * the level that suits their next step, then the nearer, then the one they
 * could start sooner, then the better paid, then a career with more
 * apprenticeships into it or the shorter apprenticeship. <0 when a goes first, >0 when
 * b does, 0 when none of these tells them apart; *why gets which one did.
 */
static int tie_break(const struct hit *a, const struct hit *b, enum match_tie *why)
{
	double x, y;
	enum match_tie t = TIE_NONE;
	int c = 0;

	if (a->level_fit != b->level_fit) {
		t = TIE_LEVEL;
		c = a->level_fit > b->level_fit ? -1 : 1;
	} else if ((x = isnan(a->distance) ? 1e9 : a->distance) !=
		   (y = isnan(b->distance) ? 1e9 : b->distance)) {
		t = TIE_NEARER;
		c = x < y ? -1 : 1;
	} else if (a->start_key != b->start_key) {
		t = TIE_SOONER;
		c = a->start_key < b->start_key ? -1 : 1;
	} else if ((x = isnan(a->e->pay) ? -1 : a->e->pay) != (y = isnan(b->e->pay) ? -1 :
								 b->e->pay)) {
		t = TIE_PAY;
		c = x > y ? -1 : 1;
	} else if (a->e->ways != b->e->ways) {
		t = TIE_WAYS;
		c = a->e->ways > b->e->ways ? -1 : 1;
	}
	if (why)
		*why = t;
	return c;
}

int match_compare_hits(const struct run *run, const struct hit *a, const struct hit *b)
{
	double x, y;
	int c;

	switch (run->p->sort) {
	case SORT_DISTANCE:
		x = isnan(a->distance) ? 1e9 : a->distance;
		y = isnan(b->distance) ? 1e9 : b->distance;
		if (x != y)
			return x < y ? -1 : 1;
		break;
	case SORT_START:
		if (a->start_key != b->start_key)
			return a->start_key < b->start_key ? -1 : 1;
		break;
	case SORT_PAY:
		x = isnan(a->e->pay) || a->kind == OPTION_APPRENTICESHIP ? -1 : a->e->pay;
		y = isnan(b->e->pay) || b->kind == OPTION_APPRENTICESHIP ? -1 : b->e->pay;
		if (x != y)
			return x > y ? -1 : 1;
		break;
	case SORT_TRAVEL:
		if (a->travel_minutes != b->travel_minutes)
			return a->travel_minutes < b->travel_minutes ? -1 : 1;
		break;
	case SORT_RELEVANCE:
		break;
	}
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if ((c = tie_break(a, b, NULL)) != 0)
		return c;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	c = strcmp(pack_title(run->pack, a->e), pack_title(run->pack, b->e));
	if (c)
		return c;
	/* Same title: the order they were added, so every run ranks alike. */
	return a->e->id < b->e->id ? -1 : a->e->id > b->e->id;
}

/* The heap keeps its worst hit at the root, to be pushed out by a better one. */
void match_heap_push(const struct run *run, struct heap *h, const struct hit *hit)
{
	size_t i, parent, child;

	if (!h->cap || h->count < h->cap) {
		if (h->count == h->alloc) {
			h->alloc = h->alloc ? h->alloc * 2 : 64;
			h->hits = xrealloc(h->hits, h->alloc * sizeof(*h->hits));
		}
		if (!h->cap) {
			h->hits[h->count++] = *hit;
			return;
		}
		for (i = h->count++; i > 0; i = parent) {
			parent = (i - 1) / 2;
			if (match_compare_hits(run, &h->hits[parent], hit) >= 0)
				break;
			h->hits[i] = h->hits[parent];
		}
		h->hits[i] = *hit;
		return;
	}
	if (match_compare_hits(run, hit, &h->hits[0]) >= 0)
		return;
	for (i = 0;; i = child) {
		child = 2 * i + 1;
		if (child >= h->count)
			break;
		if (child + 1 < h->count && match_compare_hits(run, &h->hits[child + 1], &h->hits[child]) > 0)
			child++;
		if (match_compare_hits(run, &h->hits[child], hit) <= 0)
			break;
		h->hits[i] = h->hits[child];
	}
	h->hits[i] = *hit;
}

static const struct run *sorting_run;

static int compare_for_qsort(const void *a, const void *b)
{
	return match_compare_hits(sorting_run, a, b);
}

/* --- explaining the kept ones ----------------------------------------------------------- */

static char *text_or_empty(const char *s)
{
	return xstrdup(s ? s : "");
}

static char *where_text(const struct store_option *o)
{
	const char *a = NULL, *b = NULL;

	switch (o->kind) {
	case OPTION_CAREER:
		return xstrdup("");
	case OPTION_APPRENTICESHIP:
		if (!isnan(o->level) && o->level > 0)
			return o->duration_value != MODEL_NO_INT ?
				xasprintf("Level %g apprenticeship, about %lld months", o->level,
					  o->duration_value) :
				xasprintf("Level %g apprenticeship", o->level);
		return text_or_empty(o->route_name);
	case OPTION_SCHOOL:
		a = o->town;
		break;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		a = o->provider;
		b = o->place ? o->place : o->town;
		/* "Hall Cross Academy, Hall Cross Academy Sixth Form": the venue says it all. */
		if (a && b && strncasecmp(a, b, strlen(a)) == 0) {
			a = b;
			b = NULL;
		}
		break;
	case OPTION_VACANCY:
		a = o->provider;
		b = o->town;
		break;
	default:
		break;
	}
	if (a && b && *b && strcasecmp(a, b) != 0)
		return xasprintf("%s, %s", a, b);
	return text_or_empty(a ? a : b);
}

struct explaining {
	struct run *run;
	const struct hit *hit;
	struct match_result *r;
	int found;
	char mode[24];			/* its study mode, for a twin's reason */
};

static int explain_row(void *ctx, const struct store_option *o)
{
	struct explaining *x = ctx;

	x->found = 1;
	x->r->ref = text_or_empty(o->ref);
	x->r->where = where_text(o);
	x->r->summary = text_or_empty(o->summary);
	x->r->url = text_or_empty(o->url);
	match_interest_links(x->run, o);
	return 1;
}

/* --- the list as a whole: twins, a mix of kinds and places, ties said ---------------------- */

/* Is b the same option as a in another row: same kind, title and place? */
static int twins(const struct run *run, const struct hit *a, const struct hit *b)
{
	const struct pack_entry *x = a->e, *y = b->e;

	if (a->kind != b->kind || a->kind == OPTION_CAREER || a->kind == OPTION_SCHOOL)
		return 0;
	if (!(isnan(x->lat) && isnan(y->lat)) && (x->lat != y->lat || x->lon != y->lon))
		return 0;
	return strcasecmp(pack_title(run->pack, x), pack_title(run->pack, y)) == 0;
}

/*
 * One course in two rows (full-time and part-time), one standard from two
 * sources: the better placed row stays, the other is collapsed into it.
 * The list is in order; twins have the same title, so a table of title
 * hashes finds them without comparing every pair.
 */
static size_t collapse_twins(const struct run *run, struct hit *all, size_t n)
{
	size_t size = 16, i, kept = 0;
	size_t *slots;

	while (size < n * 2)
		size *= 2;
	slots = xcalloc(size, sizeof(*slots));
	for (i = 0; i < n; i++) {
		const char *t = pack_title(run->pack, all[i].e);
		uint64_t h = 1469598103934665603ULL ^ all[i].kind;
		size_t at, dup = 0;

		for (; *t; t++) {
			h ^= (unsigned char)tolower((unsigned char)*t);
			h *= 1099511628211ULL;
		}
		for (at = h & (size - 1); slots[at]; at = (at + 1) & (size - 1))
			if (twins(run, &all[slots[at] - 1], &all[i])) {
				dup = slots[at];
				break;
			}
		if (dup) {
			if (!all[dup - 1].twin)
				all[dup - 1].twin = all[i].e;
			continue;
		}
		all[kept] = all[i];
		slots[at] = ++kept;
	}
	free(slots);
	return kept;
}

#define MIX_BLOCK 10		/* a screenful: the top ten, the next ten ... */
#define MIX_KIND 4		/* at most this many of one kind in a block (all kinds wanted) */
#define MIX_PLACE 3		/* at most this many at one place in a block */
#define MIX_CAREERS 6		/* Years 7-9: careers first, this many a block */

static int same_place(const struct pack_entry *a, const struct pack_entry *b)
{
	return !isnan(a->lat) && a->lat == b->lat && a->lon == b->lon;
}

/*
 * Mix the list so that no one kind or place fills a screen: each block of
 * ten takes the best option that keeps within MIX_KIND of its kind (when
 * every kind was asked for) and MIX_PLACE at its place, and the best of the
 * rest when none does. Years 7 to 9 are exploring: careers come first.
 */
static void mix(const struct run *run, struct hit *all, size_t n)
{
	const struct match_profile *p = run->p;
	int all_kinds = !p->kinds || p->kinds == (1u << OPTION_KIND_COUNT) - 1;
	int explorer = p->school_year >= 7 && p->school_year <= 9 && all_kinds;
	size_t shown = (size_t)p->limit < n ? (size_t)p->limit : n, pos, i, j;
	int kinds[OPTION_KIND_COUNT], careers_left = 0;
	float want = run->chosen_count ? 0.6f : 0.5f;

	/* Careers on what they ticked (or anything, when they ticked nothing). */
	for (i = 0; i < n; i++)
		careers_left += all[i].kind == OPTION_CAREER && all[i].interest_fit >= want;
	for (pos = 0; pos < shown; pos++) {
		size_t pick = n, block = pos - pos % MIX_BLOCK;

		if (pos % MIX_BLOCK == 0)
			memset(kinds, 0, sizeof(kinds));
		for (i = pos; i < n && pick == n; i++) {
			size_t at_place = 0;

			if (explorer && careers_left && kinds[OPTION_CAREER] < MIX_CAREERS &&
			    !(all[i].kind == OPTION_CAREER && all[i].interest_fit >= want))
				continue;
			if (all_kinds && kinds[all[i].kind] >= MIX_KIND &&
			    !(explorer && all[i].kind == OPTION_CAREER))
				continue;
			for (j = block; j < pos; j++)
				at_place += same_place(all[j].e, all[i].e);
			if (at_place < MIX_PLACE)
				pick = i;
		}
		if (pick == n)
			pick = pos;
		if (pick != pos) {
			struct hit h = all[pick];

			memmove(&all[pos + 1], &all[pos], (pick - pos) * sizeof(*all));
			all[pos] = h;
		}
		kinds[all[pos].kind]++;
		careers_left -= all[pos].kind == OPTION_CAREER && all[pos].interest_fit >= want;
	}
}

/* Where two neighbours have the same score, what put the first above the second. */
static void mark_ties(const struct run *run, struct hit *all, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++) {
		enum match_tie why = TIE_NONE;

		if (all[i].score != all[i + 1].score)
			continue;
		if (run->p->sort == SORT_RELEVANCE && tie_break(&all[i], &all[i + 1], &why) < 0)
			all[i].tie = (unsigned char)why;
		else if (run->p->sort == SORT_RELEVANCE && all[i].kind == all[i + 1].kind)
			all[i].tie = TIE_NAME;
	}
}

static int twin_mode(void *ctx, const struct store_option *o)
{
	snprintf(ctx, 24, "%s", o->study_mode ? o->study_mode : "");
	return 1;
}

/* The words for a tie and a twin, for a kept result. */
static void tie_and_twin_reasons(struct run *run, const struct hit *h, struct match_result *r,
				 const char *mode)
{
	static const char *const why[] = {
		[TIE_LEVEL] = "its level suits your next step better",
		[TIE_NEARER] = "it is nearer",
		[TIE_SOONER] = "you could start it sooner",
		[TIE_PAY] = "it pays more",
	};

	if (h->tie == TIE_PAY && h->kind == OPTION_APPRENTICESHIP)
		match_add_reason(run, r, "the same score as the next one; shown first because the "
				 "careers it leads to pay more");
	else if (h->tie == TIE_WAYS)
		match_add_reason(run, r, "the same score as the next one; shown first because %s",
				 h->kind == OPTION_CAREER ? "more apprenticeships lead to it" :
				 "it takes less time");
	else if (h->tie && h->tie != TIE_NAME)
		match_add_reason(run, r, "the same score as the next one; shown first because %s",
				 why[h->tie]);
	if (h->twin && h->kind == OPTION_APPRENTICESHIP) {
		match_add_reason(run, r, "listed by two sources: shown once");
	} else if (h->twin) {
		struct store_filter f;
		char other[24] = "";

		memset(&f, 0, sizeof(f));
		f.level = NAN;
		f.today = "0000-00-00";
		f.id = h->twin->id;
		store_each_option(run->store, (enum option_kind)h->kind, &f, twin_mode, other);
		if (mode[0] && other[0] && strcmp(mode, other) != 0)
			match_add_reason(run, r, "%s or %s: shown once", mode, other);
		else
			match_add_reason(run, r, "offered twice here (another start or way of "
					 "studying): shown once");
	}
}

/* The kept hit as a full result: its reasons, and its words from the store. */
enum status match_explain_hit(struct run *run, const struct hit *h, struct match_result *r)
{
	struct cand c = match_make_cand(run, (enum option_kind)h->kind, h->e);
	struct explaining x = { run, h, r, 0, "" };
	struct store_filter f;
	enum status rc;

	memset(r, 0, sizeof(*r));
	memset(&f, 0, sizeof(f));
	f.level = NAN;
	f.today = "0000-00-00";
	f.id = h->e->id;
	/* The store's row first: the interest reasons name what links it. */
	memset(run->link_why, 0, sizeof(run->link_why));
	rc = store_each_option(run->store, c.kind, &f, explain_row, &x);
	if (!x.found) {
		r->ref = xstrdup("");
		r->where = xstrdup("");
		r->summary = xstrdup("");
		r->url = xstrdup("");
	}
	run->explain = 1;
	match_travel_part(run, h->e, &r->travel);
	match_score_option(run, &c, r, isinf(h->distance) ? match_distance_to(run, h->e) :
			   h->distance, NULL);
	tie_and_twin_reasons(run, h, r, x.mode);
	run->explain = 0;
	r->title = xstrdup(c.title);
	return rc;
}

enum status match_finish(struct run *run)
{
	const struct match_profile *p = run->p;
	struct match_list *out = run->out;
	struct hit *all;
	size_t n = 0, i;
	enum status rc = STATUS_OK;
	int k;

	out->total = run->tally->total;
	memcpy(out->total_by_kind, run->tally->total_by_kind, sizeof(out->total_by_kind));
	out->hidden_not_for_age = run->tally->hidden_not_for_age;
	out->for_later = run->tally->for_later;
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		n += run->tally->heaps[k].count;
	all = xmalloc((n ? n : 1) * sizeof(*all));
	n = 0;
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		if (run->tally->heaps[k].count == 0)
			continue;
		memcpy(all + n, run->tally->heaps[k].hits, run->tally->heaps[k].count * sizeof(*all));
		n += run->tally->heaps[k].count;
	}
	sorting_run = run;
	if (n > 1)
		qsort(all, n, sizeof(*all), compare_for_qsort);
	sorting_run = NULL;
	n = collapse_twins(run, all, n);
	if (p->sort == SORT_RELEVANCE && p->limit > 0)
		mix(run, all, n);
	if (p->limit > 0 && n > (size_t)p->limit)
		n = (size_t)p->limit;
	mark_ties(run, all, n);
	out->results = xcalloc(n ? n : 1, sizeof(*out->results));
	out->alloc = n ? n : 1;
	if (run->later) {
		/* Explained when shown: only what finds a row and names it, for now. */
		for (i = 0; i < n; i++) {
			out->results[i].kind = (enum option_kind)all[i].kind;
			out->results[i].id = all[i].e->id;
			out->results[i].title = xstrdup(pack_title(run->pack, all[i].e));
		}
		out->count = n;
		run->kept = all;
		return STATUS_OK;
	}
	for (i = 0; i < n && rc == STATUS_OK; i++) {
		rc = match_explain_hit(run, &all[i], &out->results[i]);
		out->count++;
	}
	free(all);
	return rc;
}
