/*
 * match.c - rank and explain the options that fit a learner.
 *
 * Design notes.
 *
 * The score. Every option gets four fits between 0 and 1, and
 *
 *	score = 100 * (0.45 * interest + 0.25 * distance + 0.15 * level + 0.15 * timing)
 *
 *   interest  1 when the option is in one of the learner's interest areas
 *             by its code (a career's SOC group, a standard's or vacancy's
 *             route, a course's sector subject area), 0.9 for an
 *             apprenticeship in a matching subject area or a course whose
 *             title has one of the area's words (most course sources carry
 *             no subject-area codes), 0.8 for a course whose published
 *             subject has one, 0.7 for other options matched only by a
 *             word of their title. With a RIASEC
 *             quiz result: for careers, the occupation's O*NET scores on
 *             the learner's letters (weighted by the learner's strengths);
 *             for other options, how far the learner's letters overlap the
 *             leaning of the interest areas the option belongs to. The
 *             higher of the two counts, the quiz's at 0.8 of its value when
 *             the learner also picked interests (what they chose comes
 *             first). Nothing given: 0.5 for everything.
 *             When the learner has given interests, options below 0.5 are
 *             left out: they are not what was asked for. Free text (already
 *             required by the store's word index) gives 1 when every word
 *             starts a word of the title, 0.8 when some do, 0.6 when the
 *             words are only in the description; it stands in for interest
 *             when no interests were given.
 *   distance  1 - miles / radius (0.5 when there is no place to measure
 *             from, or the option is not a place, such as a career).
 *   level     how close the level is to the learner's next step (level 3
 *             after GCSEs; levels 4-6 after Year 13): 1, 0.8, 0.5 or 0.3;
 *             0.5 when the level is not known.
 *   timing    1 can start now; 0.9 starts within 9 months; 0.7 within two
 *             years; 0.5 later or at 18; 0.2 for a vacancy that starts
 *             before the learner may leave school; 0 not for their age.
 *
 * Reasons are built from the same facts, in the order: interest,
 * distance, level, timing, then anything else worth saying (closing
 * date, pay). Nothing is canned: each phrase names the value it is about.
 */
#include "match.h"

#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "pack.h"
#include "prefix_index.h"

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

static const char riasec_letters[] = "RIASEC";

static const char *const riasec_brief[] = {
	"hands-on", "finding out", "creative", "helping people", "leading", "organising",
};

static const char *const riasec_descriptions[] = {
	"practical, hands-on work",
	"investigating and solving problems",
	"being creative",
	"helping and looking after people",
	"leading and persuading",
	"organising and keeping things in order",
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

const char *match_riasec_words(int letter)
{
	return letter >= 0 && letter < 6 ? riasec_descriptions[letter] : "";
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

/* --- interests ------------------------------------------------------------------- */

struct interest_copy {
	struct match_interest *out;
	size_t max, n;
};

static int copy_interest(void *ctx, const struct store_interest *in)
{
	struct interest_copy *c = ctx;
	struct match_interest *m;

	if (c->n >= c->max)
		return 1;
	m = &c->out[c->n++];
	m->id = in->id;
	snprintf(m->slug, sizeof(m->slug), "%s", in->slug);
	snprintf(m->name, sizeof(m->name), "%s", in->name);
	snprintf(m->examples, sizeof(m->examples), "%s", in->examples);
	snprintf(m->riasec, sizeof(m->riasec), "%s", in->riasec ? in->riasec : "");
	return 0;
}

size_t match_interests(struct store *s, struct match_interest *out, size_t max)
{
	struct interest_copy c = { out, max, 0 };

	if (store_each_interest(s, copy_interest, &c) != STATUS_OK)
		return 0;
	return c.n;
}

struct interest_lookup {
	const char *words;
	long long id;
	int exact, partial;
};

static int find_interest(void *ctx, const struct store_interest *in)
{
	struct interest_lookup *l = ctx;
	size_t n = strlen(l->words);

	if (strcasecmp(l->words, in->slug) == 0 || strcasecmp(l->words, in->name) == 0) {
		l->id = in->id;
		l->exact = 1;
	} else if (!l->exact && n &&
		   (strncasecmp(l->words, in->slug, n) == 0 ||
		    strncasecmp(l->words, in->name, n) == 0)) {
		l->partial++;
		l->id = in->id;
	}
	return 0;
}

enum status match_find_interest(struct store *s, const char *words, long long *id)
{
	struct interest_lookup l = { words, 0, 0, 0 };
	enum status rc = store_each_interest(s, find_interest, &l);

	if (rc != STATUS_OK)
		return rc;
	if (!l.exact && l.partial > 1)
		return STATUS_INVALID;
	if (!l.exact && l.partial == 0)
		return STATUS_NOT_FOUND;
	*id = l.id;
	return STATUS_OK;
}
enum status match_parse_riasec(const char *text, double out[6], char *why, size_t whylen)
{
	double v[6];
	int i, n = 0, used[6] = { 0 };
	const char *p = text;
	double max = 0;

	while (*p == ' ')
		p++;
	if (isalpha((unsigned char)*p)) {
		/* Letters, strongest first: weights 1, 5/6, 4/6 ... */
		size_t len = strlen(p);

		while (len && p[len - 1] == ' ')
			len--;
		if (len > 6)
			goto bad;
		for (i = 0; i < 6; i++)
			out[i] = 0;
		for (size_t k = 0; k < len; k++) {
			const char *hit = strchr(riasec_letters, toupper((unsigned char)p[k]));

			if (!hit || !p[k] || used[hit - riasec_letters])
				goto bad;
			used[hit - riasec_letters] = 1;
			out[hit - riasec_letters] = (6.0 - (double)k) / 6.0;
		}
		return STATUS_OK;
	}
	while (*p && n < 6) {
		char *end;

		v[n] = strtod(p, &end);
		if (end == p || v[n] < 0 || !isfinite(v[n]))
			goto bad;
		if (v[n] > max)
			max = v[n];
		n++;
		p = end;
		while (*p == ' ' || *p == ',')
			p++;
	}
	if (n != 6 || *p || max <= 0)
		goto bad;
	for (i = 0; i < 6; i++)
		out[i] = v[i] / max;
	return STATUS_OK;
bad:
	snprintf(why, whylen, "\"%.40s\" is not a RIASEC result: give up to six of the letters "
		 "R I A S E C strongest first (e.g. SAI), or six scores in that order (e.g. "
		 "5,3,1,4,2,2)", text);
	return STATUS_INVALID;
}

/* --- the run ------------------------------------------------------------------------- */

/* When a learner could start an option, decided once for each pack_when. */
struct timing {
	signed char known;
	unsigned char availability;	/* enum availability */
	unsigned char too_early;	/* a vacancy that starts before they may */
	unsigned char has_from;		/* from is the date for FROM and AT_18 */
	double fit;			/* -1: never shown */
	struct civil_date from;
};

/* An option that passed, with what ranking needs; explained only if kept. */
struct hit {
	const struct pack_entry *e;
	double score, distance;
	int32_t start_key;		/* for SORT_START: day, INT32_MIN now, INT32_MAX unknown */
	int travel_minutes;		/* for SORT_TRAVEL: by bus, INT_MAX when no journey */
	unsigned char kind;
};

/* The best hits of one kind so far: all of them, or the best `cap` in a heap. */
struct heap {
	struct hit *hits;
	size_t count, alloc, cap;	/* cap 0: keep all */
};

/* What a scan keeps and counts: one per thread scanning. */
struct tally {
	struct heap heaps[OPTION_KIND_COUNT];
	struct timing *timings;			/* per pack_when, worked out on first use */
	size_t total, total_by_kind[OPTION_KIND_COUNT], hidden_not_for_age;
};

/*
 * A career's courses that share a word of its title (the first four
 * letters: "nurs" for nurses and nursing) come first in its links, this
 * far ahead in score: more than distance can make up within any radius.
 */
#define LINK_STEMS 6
#define LINK_CLOSE_BONUS 30

struct run {
	struct store *store;
	const struct pack *pack;
	const struct match_profile *p;
	struct match_list *out;
	int explain;				/* reasons wanted (else only the fits) */
	int chosen[PACK_MAX_AREAS];		/* indexes into pack->areas */
	int chosen_count;
	double affinity[PACK_MAX_AREAS];	/* each area's overlap with the quiz */
	int learner_letters[3];			/* strongest RIASEC letters, -1 when fewer */
	int use_place, use_box;
	struct geo_point place;
	double cos_place, radius;
	double min_lat, max_lat, min_lon, max_lon;
	long today_days;
	unsigned char *text_hits[OPTION_KIND_COUNT];	/* per entry, when there is text */
	int has_text;
	struct match_exclusion *excluded;	/* sorted copy */
	struct tally own, *tally;		/* tally is &own but in a helper thread's copy */
	long long linked_soc;			/* match_links: career being linked */
	int link_filter_keywords;		/* university courses linked by keywords */
	int link_areas[PACK_MAX_AREAS];
	int link_area_count;
	char link_stems[LINK_STEMS][5];		/* the career's title words, first 4 letters */
	int link_stem_count;
	const struct travel_plan *travel;	/* by bus: every journey from the learner's place */
};

/* One option being looked at: its packed facts. */
struct cand {
	enum option_kind kind;
	const struct pack_entry *e;
	const struct pack_when *w;
	const double *riasec;		/* careers */
	const char *title;
};

static void add_reason(struct run *run, struct match_result *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void add_reason(struct run *run, struct match_result *r, const char *fmt, ...)
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

static void set_brief(struct run *run, struct match_result *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void set_brief(struct run *run, struct match_result *r, const char *fmt, ...)
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

void match_list_done(struct match_list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		result_free(&l->results[i]);
	free(l->results);
	memset(l, 0, sizeof(*l));
}

/* --- the four fits --------------------------------------------------------------- */

/* Weighted mean of a career's O*NET scores on the learner's letters, 0-1. */
static double riasec_fit(const struct match_profile *p, const double scores[6])
{
	double sum = 0, weight = 0;
	int i;

	for (i = 0; i < 6; i++) {
		if (p->riasec[i] <= 0)
			continue;
		if (isnan(scores[i]))
			return -1;
		sum += p->riasec[i] * (scores[i] - 1) / 6;
		weight += p->riasec[i];
	}
	return weight > 0 ? sum / weight : -1;
}

/*
 * How well the title answers the learner's words: 1 when every word
 * starts a word of the title, 0.8 when some do, 0.6 when the words were
 * found only in the description (the store already required them).
 */
static double text_fit(const char *text, const char *title, char *first_hit, size_t hitlen)
{
	const char *p = text;
	int words = 0, hits = 0;

	first_hit[0] = '\0';
	while (*p) {
		const char *start, *t;
		size_t len;
		int hit = 0;

		while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			p++;
		start = p;
		while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		len = (size_t)(p - start);
		if (!len)
			continue;
		words++;
		for (t = title; t && *t && !hit; t++)
			hit = (t == title || !isalnum((unsigned char)t[-1])) &&
			      strncasecmp(t, start, len) == 0;
		if (hit) {
			hits++;
			if (!first_hit[0])
				snprintf(first_hit, hitlen, "%.*s", (int)len, start);
		}
	}
	if (!words)
		return 0;
	return hits == words ? 1 : hits ? 0.8 : 0.6;
}

static void interest_part(struct run *run, const struct cand *c, struct match_result *r)
{
	const struct match_profile *p = run->p;
	const struct pack_area *best_area = NULL;
	double best = 0, fit, quiz = -1;
	int i;

	if (p->text[0] && !run->chosen_count && !p->has_riasec) {
		char hit[48];

		r->fit.interest = text_fit(p->text, c->title, hit, sizeof(hit));
		if (hit[0])
			add_reason(run, r, "\"%s\" is in its name", hit);
		else
			add_reason(run, r, "mentions \"%s\"", p->text);
		if (r->reason_count)
			set_brief(run, r, "%s", r->reasons[r->reason_count - 1]);
		return;
	}
	if (c->kind == OPTION_SCHOOL || (!run->chosen_count && !p->has_riasec)) {
		r->fit.interest = 0.5;
		return;
	}
	for (i = 0; i < run->chosen_count; i++) {
		fit = pack_fit(c->e, run->chosen[i]);
		if (fit > best) {
			best = fit;
			best_area = &run->pack->areas[run->chosen[i]];
		}
	}
	if (p->has_riasec) {
		if (c->kind == OPTION_CAREER) {
			quiz = riasec_fit(p, c->riasec);
		} else {
			/* Through the interest areas the option belongs to. */
			uint32_t strong = c->e->strong;

			while (strong) {
				int a = __builtin_ctz(strong);

				strong &= strong - 1;
				if (run->affinity[a] > quiz)
					quiz = run->affinity[a];
			}
		}
	}
	/* What the learner picked comes first; the quiz suggests, a little lower. */
	if (run->chosen_count && quiz > 0)
		quiz *= 0.8;
	r->fit.interest = best > quiz ? best : quiz > 0 ? quiz : 0;
	if (best_area && best >= quiz) {
		add_reason(run, r, "%s - one of your interests", best_area->name);
		set_brief(run, r, "you like %.50s", best_area->name);
	} else if (quiz >= 0.4) {
		int top = run->learner_letters[0];

		add_reason(run, r, "suits people who like %s (%c), like your quiz answers",
			   match_riasec_words(top), riasec_letters[top]);
		set_brief(run, r, "fits your quiz: %s", riasec_brief[top]);
	}
}

/* To the nearest of the places the option is at (an advert at several sites). */
static double distance_to(const struct run *run, const struct pack_entry *e)
{
	double d = geo_miles_cos(run->place, run->cos_place, (struct geo_point){ e->lat, e->lon },
				 e->cos_lat);
	uint32_t k;

	for (k = 0; k < e->place_count; k++) {
		const struct pack_place *p = &e->places[k];
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
	add_reason(run, r, "%s", words);
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
	if (run->radius > 0)
		r->fit.distance = 1 - r->distance / run->radius;
	else
		r->fit.distance = r->distance < 100 ? 1 - r->distance / 100 : 0.1;
	if (r->fit.distance < 0.05)
		r->fit.distance = 0.05;
	add_reason(run, r, "%.1f miles from %s", r->distance, run->out->place.label);
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

static void level_part(struct run *run, const struct cand *c, struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	double lo, hi, l = c->e->level, gap;
	char words[24];

	r->level = l;
	if (isnan(l) || l < 0 || c->kind == OPTION_CAREER || c->kind == OPTION_SCHOOL) {
		r->fit.level = 0.5;
		return;
	}
	next_levels(st, &lo, &hi);
	gap = l < lo ? lo - l : l > hi ? l - hi : 0;
	r->fit.level = gap == 0 ? 1 : gap <= 1 ? 0.8 : gap <= 2 ? 0.5 : 0.3;
	if (!run->explain)
		return;
	level_words(l, words, sizeof(words));
	if (l == 3 && st->school_year && st->school_year <= 11)
		add_reason(run, r, "%s - the next step after GCSEs", words);
	else if (l >= 1.5 && l <= 2)
		add_reason(run, r, "%s - the same level as GCSEs at grades 9 to 4", words);
	else if (l == 1)
		add_reason(run, r, "%s - a first step, like GCSEs at grades 3 to 1", words);
	else if (l == 0)
		add_reason(run, r, "%s - a start, with no qualifications needed", words);
	else if (l == 3)
		add_reason(run, r, "%s - the level of A levels and T Levels", words);
	else if (l <= 5)
		add_reason(run, r, "%s - higher technical, beyond A levels", words);
	else if (l == 6)
		add_reason(run, r, "%s - degree level", words);
	else
		add_reason(run, r, "%s - master's degree level", words);
}

/* How long until a date, as a timing fit. */
static double timing_fit(const struct learner_stage *st, struct civil_date when)
{
	long days = date_days(when) - date_days(st->today);

	if (days <= 0)
		return 1;
	if (days <= 274)
		return 0.9;
	if (days <= 730)
		return 0.7;
	return 0.5;
}

/* "after you leave Year 11" and the like, for a start date; "" when nothing to add. */
static const char *after_words(const struct learner_stage *st, struct civil_date when)
{
	if (!st->school_year || st->school_year > 11)
		return st->school_year == 12 && date_compare(when, st->he_start) >= 0 ?
			       ", after Year 13" : st->school_year == 13 &&
			       date_compare(when, st->he_start) >= 0 ? ", after you finish Year 13" : "";
	if (date_compare(when, st->he_start) >= 0)
		return ", after Year 13";
	if (date_compare(when, st->leave_school) >= 0)
		return st->school_year == 11 ? ", after you leave Year 11" : ", after Year 11";
	return "";
}

static void available(struct timing *t, enum availability a, struct civil_date when)
{
	t->availability = (unsigned char)a;
	t->has_from = a == AVAILABLE_FROM || a == AVAILABLE_AT_18;
	if (t->has_from)
		t->from = when;
}

/*
 * An apprenticeship with an upper age (a foundation apprenticeship is for
 * 16 to 21 year olds) that the learner is past by the time they could
 * start: not for their age. 1 when so (t and the reason are set).
 */
static int too_old(struct run *run, const struct pack_when *w, struct timing *t,
		   struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	struct civil_date when = date_compare(st->leave_school, st->today) > 0 ? st->leave_school :
				 st->today;
	int youngest, oldest;

	if (w->age_max == PACK_NO_AGE)
		return 0;
	schoolyear_age_on(st, when, &youngest, &oldest);
	if (youngest <= w->age_max)
		return 0;
	available(t, AVAILABLE_NOT_FOR_AGE, when);
	if (w->age_min != PACK_NO_AGE)
		add_reason(run, r, "for ages %d to %d; you would be %d", w->age_min, w->age_max,
			   youngest);
	else
		add_reason(run, r, "for ages up to %d; you would be %d", w->age_max, youngest);
	return 1;
}

/*
 * Decide when (and whether) the learner could start an option with these
 * start facts; the reason goes to r when explaining. Everything here
 * depends only on the pack_when and the learner, so a search does it once
 * for each pack_when.
 */
static void timing_rules(struct run *run, const struct pack_when *w, struct timing *t,
			 struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	struct civil_date start = w->start, earliest, when;
	char day[16], day2[16];
	int youngest, oldest;
	int post16 = st->school_year == 0 || st->school_year >= 12;

	memset(t, 0, sizeof(*t));
	t->known = 1;
	t->availability = AVAILABLE_NOW;
	switch ((enum option_kind)w->kind) {
	case OPTION_CAREER:
		t->fit = 1;
		return;

	case OPTION_SCHOOL:
		schoolyear_age_on(st, post16 ? st->today : st->post16_start, &youngest, &oldest);
		if (w->age_max != PACK_NO_AGE && youngest > w->age_max) {
			available(t, AVAILABLE_NOT_FOR_AGE, st->today);
			add_reason(run, r, "for students up to %d; you would be %d", w->age_max,
				   youngest);
			return;
		}
		if (youngest >= 19 && w->not_college) {
			available(t, AVAILABLE_NOT_FOR_AGE, st->today);
			add_reason(run, r, "sixth forms are for 16 to 18 year olds");
			return;
		}
		if (post16) {
			t->fit = 1;
			add_reason(run, r, "you could apply now");
			return;
		}
		available(t, AVAILABLE_FROM, st->post16_start);
		t->fit = timing_fit(st, st->post16_start);
		if (run->explain) {
			date_month_year(st->post16_start, day);
			add_reason(run, r, "for sixth form or college from %s%s", day,
				   after_words(st, st->post16_start));
		}
		return;

	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		earliest = w->kind == OPTION_UNIVERSITY ? st->he_start :
			   post16 ? st->today : st->post16_start;
		if (w->kind == OPTION_UNIVERSITY && st->school_year == 0 &&
		    date_compare(st->turn18_from, st->today) <= 0)
			earliest = st->today;
		if (w->flexible || !w->has_start) {
			when = date_compare(earliest, st->today) > 0 ? earliest : st->today;
			if (date_compare(when, st->today) > 0 && w->kind == OPTION_COURSE) {
				available(t, AVAILABLE_FROM, when);
				t->fit = timing_fit(st, when);
				if (run->explain) {
					date_month_year(when, day);
					add_reason(run, r, "you could start any time from %s%s", day,
						   after_words(st, when));
				}
				return;
			}
		}
		else if (date_compare(start, earliest) >= 0)
			when = start;
		else	/* This intake is too soon; courses run every year. */
			when = (struct civil_date){ earliest.year + (earliest.month > start.month ||
				(earliest.month == start.month && earliest.day > start.day)),
				start.month, start.day };
		schoolyear_age_on(st, when, &youngest, &oldest);
		if (w->age_min != PACK_NO_AGE && w->age_min >= 19 && oldest < 19) {
			available(t, AVAILABLE_NOT_FOR_AGE, when);
			add_reason(run, r, "for adults aged %d and over", w->age_min);
			return;
		}
		if (w->age_max != PACK_NO_AGE && youngest > w->age_max) {
			available(t, AVAILABLE_NOT_FOR_AGE, when);
			add_reason(run, r, "for ages up to %d; you would be %d", w->age_max, youngest);
			return;
		}
		if (w->age_min != PACK_NO_AGE && oldest < w->age_min && w->age_min < 19) {
			/* Wait until old enough: the same intake a year later. */
			available(t, AVAILABLE_NOT_FOR_AGE, when);
			add_reason(run, r, "for ages %d and over; you would be %d", w->age_min,
				   oldest);
			return;
		}
		if (date_compare(when, st->today) <= 0) {
			t->fit = 1;
			add_reason(run, r, w->flexible ? "you can start any time" :
				   "you can start now");
			return;
		}
		if (w->kind == OPTION_UNIVERSITY && date_compare(when, st->he_start) >= 0 &&
		    st->school_year && st->school_year <= 12) {
			available(t, AVAILABLE_AT_18, when);
			t->fit = 0.5;
			if (run->explain) {
				date_month_year(when, day);
				add_reason(run, r, "at 18: you could start in %s", day);
			}
			return;
		}
		available(t, AVAILABLE_FROM, when);
		t->fit = timing_fit(st, when);
		if (run->explain) {
			date_short(when, day);
			if (w->has_start && date_compare(when, start) != 0)
				add_reason(run, r, "the next start you could join is %s%s", day,
					   after_words(st, when));
			else
				add_reason(run, r, "starts %s%s", day, after_words(st, when));
		}
		return;

	case OPTION_APPRENTICESHIP:
		/* Standards not yet approved for delivery cannot be started by anyone. */
		if (w->blocked) {
			t->fit = -1;
			return;
		}
		if (too_old(run, w, t, r))
			return;
		if (w->level4 && !(st->school_year == 0 &&
				   date_compare(st->turn18_from, st->today) <= 0)) {
			available(t, AVAILABLE_AT_18, st->he_start);
			t->fit = 0.5;
			if (run->explain) {
				date_month_year(st->he_start, day);
				add_reason(run, r, "at 18, after a Level 3 such as A levels or a T "
					   "Level (from %s)", day);
			}
			return;
		}
		if (schoolyear_may_leave_by(st, st->today)) {
			t->fit = 1;
			add_reason(run, r, "you can start an apprenticeship now");
			return;
		}
		available(t, AVAILABLE_FROM, st->leave_school);
		t->fit = timing_fit(st, st->leave_school);
		if (run->explain) {
			date_short(st->leave_school, day);
			add_reason(run, r, "from %s, when you can leave school", day);
		}
		return;

	case OPTION_VACANCY:
		if (too_old(run, w, t, r))
			return;
		earliest = w->level4 && !(st->school_year == 0 &&
			   date_compare(st->turn18_from, st->today) <= 0) ? st->he_start :
			   st->leave_school;
		if (date_compare(earliest, st->today) < 0)
			earliest = st->today;
		if (w->has_start && date_compare(start, earliest) < 0) {
			available(t, AVAILABLE_FROM, earliest);
			t->too_early = 1;
			t->fit = 0.2;
			if (run->explain) {
				date_short(start, day);
				date_short(earliest, day2);
				add_reason(run, r, "starts %s - before you can start an apprenticeship "
					   "(%s)", day, day2);
			}
			return;
		}
		when = w->has_start ? start : earliest;
		if (date_compare(when, st->today) <= 0) {
			t->fit = 1;
			add_reason(run, r, "you can start now");
		} else {
			available(t, AVAILABLE_FROM, when);
			t->fit = timing_fit(st, when);
			if (run->explain) {
				date_short(when, day);
				add_reason(run, r, "starts %s%s", day, after_words(st, when));
			}
		}
		return;

	default:
		t->fit = 0.5;
	}
}

/* The timing for an option: shared, or (explaining) worked out with its words. */
static void timing_part(struct run *run, const struct cand *c, struct match_result *r,
			struct timing *out)
{
	if (c->kind == OPTION_APPRENTICESHIP && c->e->closes != PACK_NO_DAY &&
	    c->e->closes < run->today_days) {
		/* A standard closed to new starts: never shown. */
		memset(out, 0, sizeof(*out));
		out->availability = AVAILABLE_NOT_FOR_AGE;
		out->fit = -1;
		return;
	}
	if (run->explain) {
		timing_rules(run, c->w, out, r);
		return;
	}
	if (!run->tally->timings[c->e->when].known)
		timing_rules(run, c->w, &run->tally->timings[c->e->when], NULL);
	*out = run->tally->timings[c->e->when];
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

static struct cand make_cand(const struct run *run, enum option_kind kind, const struct pack_entry *e)
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

/*
 * Score an option, with its reasons when explaining. Returns 0 when it is
 * not for this learner (and counts those hidden for their age).
 */
static int score(struct run *run, const struct cand *c, struct match_result *r, double distance,
		 struct timing *timing)
{
	const struct match_profile *p = run->p;
	struct timing t;
	char day[16];

	r->kind = c->kind;
	r->id = c->e->id;
	r->distance = distance;
	interest_part(run, c, r);
	if ((run->chosen_count || p->has_riasec) && c->kind != OPTION_SCHOOL &&
	    r->fit.interest < 0.5 && !run->linked_soc)
		return 0;
	distance_part(run, c, r);
	level_part(run, c, r);
	timing_part(run, c, r, &t);
	if (t.fit < 0 || (t.availability == AVAILABLE_NOT_FOR_AGE && !p->show_not_for_age)) {
		if (t.fit >= 0 && !run->explain)
			run->tally->hidden_not_for_age++;
		return 0;
	}
	r->fit.timing = t.fit;
	r->availability = (enum availability)t.availability;
	r->starts_too_early = t.too_early;
	r->score = 100 * (0.45 * r->fit.interest + 0.25 * r->fit.distance +
			  0.15 * r->fit.level + 0.15 * r->fit.timing);
	r->score = round(r->score * 10) / 10;
	r->pay_per_week = c->e->pay;
	if (timing)
		*timing = t;
	if (!run->explain)
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
		add_reason(run, r, "apply by %s", day);
	}
	if (c->kind == OPTION_VACANCY && !isnan(r->pay_per_week))
		add_reason(run, r, "pays about £%.0f a week", r->pay_per_week);
	if (c->kind == OPTION_CAREER && !isnan(r->pay_per_week))
		add_reason(run, r, "typical pay about £%.0f a week", r->pay_per_week);
	if (!r->brief[0] && r->reason_count)
		snprintf(r->brief, sizeof(r->brief), "%s", r->reasons[0]);
	return 1;
}

/* --- ranking ------------------------------------------------------------------------------ */

static int compare_hits(const struct run *run, const struct hit *a, const struct hit *b)
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
		x = isnan(a->e->pay) ? -1 : a->e->pay;
		y = isnan(b->e->pay) ? -1 : b->e->pay;
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
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	c = strcmp(pack_title(run->pack, a->e), pack_title(run->pack, b->e));
	if (c)
		return c;
	/* Same title: the order they were added, so every run ranks alike. */
	return a->e->id < b->e->id ? -1 : a->e->id > b->e->id;
}

/* The heap keeps its worst hit at the root, to be pushed out by a better one. */
static void heap_push(const struct run *run, struct heap *h, const struct hit *hit)
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
			if (compare_hits(run, &h->hits[parent], hit) >= 0)
				break;
			h->hits[i] = h->hits[parent];
		}
		h->hits[i] = *hit;
		return;
	}
	if (compare_hits(run, hit, &h->hits[0]) >= 0)
		return;
	for (i = 0;; i = child) {
		child = 2 * i + 1;
		if (child >= h->count)
			break;
		if (child + 1 < h->count && compare_hits(run, &h->hits[child + 1], &h->hits[child]) > 0)
			child++;
		if (compare_hits(run, &h->hits[child], hit) <= 0)
			break;
		h->hits[i] = h->hits[child];
	}
	h->hits[i] = *hit;
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

static const struct run *sorting_run;

static int compare_for_qsort(const void *a, const void *b)
{
	return compare_hits(sorting_run, a, b);
}

/*
 * By bus: an option's journey, the best of its places (travel.h). 0 when
 * it is further than the learner asked (or no bus gets there in time).
 */
static int travel_part(const struct run *run, const struct pack_entry *e, struct travel_answer *out)
{
	int limit = run->p->travel.within_minutes;

	memset(out, 0, sizeof(*out));
	if (!run->travel || isnan(e->lat))
		return 1;		/* careers, and courses with no place: no journey to make */
	travel_plan_entry(run->travel, e, out, NULL);
	return limit <= 0 || (out->found && out->minutes <= limit);
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
			distance = distance_to(run, e);
		if (run->radius > 0 && distance > run->radius)
			return;
	}
	c = make_cand(run, kind, e);
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
	if (!travel_part(run, e, &r.travel))
		return;
	if (!score(run, &c, &r, distance, &t))
		return;
	h.e = e;
	h.kind = (unsigned char)kind;
	h.score = r.score;
	if (run->link_stem_count && shares_stem(run, c.title))
		h.score += LINK_CLOSE_BONUS;
	h.distance = r.distance;
	h.travel_minutes = r.travel.found ? r.travel.minutes : INT_MAX;
	/* Sorting by start: now first, then by the date they could start, unknown last. */
	h.start_key = 0;
	if (run->p->sort == SORT_START)
		h.start_key = t.availability == AVAILABLE_NOW ? INT32_MIN :
			      t.has_from ? (int32_t)date_days(t.from) :
			      c.w->has_start ? (int32_t)date_days(c.w->start) : INT32_MAX;
	heap_push(run, &run->tally->heaps[kind], &h);
	run->tally->total_by_kind[kind]++;
	run->tally->total++;
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
	if (run->use_box && kind != OPTION_CAREER && kind != OPTION_APPRENTICESHIP &&
	    !in_box(run, e->lat, e->lon)) {
		uint32_t k;

		for (k = 0; k < e->place_count && !in_box(run, e->places[k].lat, e->places[k].lon); k++)
			;
		if (k == e->place_count)
			return 0;
	}
	return !run->p->excluded_count || !is_excluded(run, kind, e->id);
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
};

static int explain_row(void *ctx, const struct store_option *o)
{
	struct explaining *x = ctx;

	x->found = 1;
	x->r->ref = text_or_empty(o->ref);
	x->r->where = where_text(o);
	x->r->summary = text_or_empty(o->summary);
	x->r->url = text_or_empty(o->url);
	return 1;
}

/* The kept hit as a full result: its reasons, and its words from the store. */
static enum status explain(struct run *run, const struct hit *h, struct match_result *r)
{
	struct cand c = make_cand(run, (enum option_kind)h->kind, h->e);
	struct explaining x = { run, h, r, 0 };
	struct store_filter f;
	enum status rc;

	memset(r, 0, sizeof(*r));
	run->explain = 1;
	travel_part(run, h->e, &r->travel);
	score(run, &c, r, isinf(h->distance) ? distance_to(run, h->e) : h->distance, NULL);
	run->explain = 0;
	r->title = xstrdup(c.title);
	memset(&f, 0, sizeof(f));
	f.level = NAN;
	f.today = "0000-00-00";
	f.id = h->e->id;
	rc = store_each_option(run->store, c.kind, &f, explain_row, &x);
	if (!x.found) {
		r->ref = xstrdup("");
		r->where = xstrdup("");
		r->summary = xstrdup("");
		r->url = xstrdup("");
	}
	return rc;
}

/* Put every kind's kept hits in order, cut to the limit, and explain them. */
static enum status finish(struct run *run)
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
	if (p->limit > 0 && n > (size_t)p->limit)
		n = (size_t)p->limit;
	out->results = xcalloc(n ? n : 1, sizeof(*out->results));
	out->alloc = n ? n : 1;
	for (i = 0; i < n && rc == STATUS_OK; i++) {
		rc = explain(run, &all[i], &out->results[i]);
		out->count++;
	}
	free(all);
	return rc;
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
	int i, j, k;

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
	/* The learner's strongest letters, and each area's overlap with them. */
	for (j = 0; j < 3; j++) {
		int best = -1;

		run->learner_letters[j] = -1;
		for (i = 0; i < 6; i++) {
			int taken = 0, m;

			for (m = 0; m < j; m++)
				taken |= run->learner_letters[m] == i;
			if (!taken && p->riasec[i] > 0 && (best < 0 || p->riasec[i] > p->riasec[best]))
				best = i;
		}
		run->learner_letters[j] = best;
	}
	for (k = 0; k < run->pack->area_count && p->has_riasec; k++) {
		const struct pack_area *a = &run->pack->areas[k];
		double sum = 0, total = 0;

		for (i = 0; i < 6; i++) {
			total += p->riasec[i];
			if (strchr(a->riasec, riasec_letters[i]))
				sum += p->riasec[i];
		}
		/* Leaning fully matched by the strongest letters scores near 1. */
		run->affinity[k] = total > 0 ? 0.4 + 0.6 * sum /
				   (p->riasec[run->learner_letters[0]] * (double)strlen(a->riasec) +
				    1e-9) : 0;
		if (run->affinity[k] > 1)
			run->affinity[k] = 1;
	}

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

/*
 * Which entries have the learner's words: one pass over the word index.
 * Its rowids (kind code << 32 | id) come in order, as do each kind's
 * entries, so one cursor per kind walks along beside them.
 */
struct text_marks {
	const struct pack *pack;
	unsigned char **hits;
	unsigned kinds;
	size_t at[OPTION_KIND_COUNT];
};

static int mark_text(void *ctx, long long rowid)
{
	/* The word index's kind codes: 1 careers ... 5 sixth forms (schema.sql). */
	static const enum option_kind by_code[6][2] = {
		[1] = { OPTION_CAREER, OPTION_CAREER },
		[2] = { OPTION_APPRENTICESHIP, OPTION_APPRENTICESHIP },
		[3] = { OPTION_COURSE, OPTION_UNIVERSITY },
		[4] = { OPTION_VACANCY, OPTION_VACANCY },
		[5] = { OPTION_SCHOOL, OPTION_SCHOOL },
	};
	struct text_marks *m = ctx;
	long long code = rowid >> 32, id = rowid & 0xffffffffLL;
	int j;

	if (code < 1 || code > 5)
		return 0;
	for (j = 0; j < 2; j++) {
		enum option_kind kind = by_code[code][j];
		const struct pack_kind *k = &m->pack->kinds[kind];
		size_t *at = &m->at[kind];

		if (!(m->kinds & (1u << kind)))
			continue;
		while (*at < k->count && k->entries[*at].id < id)
			(*at)++;
		if (*at < k->count && k->entries[*at].id == id)
			m->hits[kind][*at] = 1;
	}
	return 0;
}

static enum status find_text(struct run *run, unsigned kinds)
{
	struct text_marks m;
	char query[512];
	int k;

	if (!run->p->text[0] || store_text_query(run->p->text, query, sizeof(query)) != STATUS_OK)
		return STATUS_OK;
	run->has_text = 1;
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		run->text_hits[k] = xcalloc(run->pack->kinds[k].count ? run->pack->kinds[k].count : 1, 1);
	memset(&m, 0, sizeof(m));
	m.pack = run->pack;
	/* issue 14 hook: the word prefix index answers in memory when it can (prefix_index.h). */
	if (prefix_index_mark(pack_words(run->store), run->store, run->p->text, kinds,
			      run->text_hits) == STATUS_OK)
		return STATUS_OK;
	m.hits = run->text_hits;
	m.kinds = kinds;
	return store_each_text_match(run->store, query, mark_text, &m);
}

/* --- scanning ------------------------------------------------------------------------ */

/*
 * A share of the entries of every kind wanted: positions [from, to) of
 * each kind's list (a search within a radius: the entries of the grid
 * cells its box covers, pack_grid_candidates) or, with no list, of all.
 */
struct share {
	struct run run;				/* a copy with its own tally */
	unsigned kinds;
	const uint32_t *lists[OPTION_KIND_COUNT];	/* (borrowed) NULL: every entry */
	size_t from[OPTION_KIND_COUNT], to[OPTION_KIND_COUNT];
};

static void scan(struct share *sh)
{
	int k;

	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_kind *pk = &sh->run.pack->kinds[k];
		const uint32_t *list = sh->lists[k];
		size_t j;

		if (!(sh->kinds & (1u << k)))
			continue;
		for (j = sh->from[k]; j < sh->to[k]; j++) {
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

static void scan_all(struct run *run, unsigned kinds)
{
	struct share *mine = xcalloc(1, sizeof(*mine)), *theirs = NULL;
	uint32_t *lists[OPTION_KIND_COUNT] = { NULL };
	size_t entries = 0;
	pthread_t helper;
	int k, threaded = 0;
	size_t i;

	mine->run = *run;
	mine->kinds = kinds;
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct pack_kind *pk = &run->pack->kinds[k];

		mine->to[k] = pk->count;
		if (!(kinds & (1u << k)))
			continue;
		if (run->use_box && k != OPTION_CAREER && k != OPTION_APPRENTICESHIP) {
			mine->to[k] = pack_grid_candidates(pk, run->min_lat, run->max_lat, run->min_lon,
							   run->max_lon, &lists[k]);
			mine->lists[k] = lists[k];
		}
		entries += mine->to[k];
	}
	if (entries >= scan_split_at) {
		theirs = xcalloc(1, sizeof(*theirs));
		*theirs = *mine;
		tally_init(&theirs->run.own, run->pack);
		for (k = 0; k < OPTION_KIND_COUNT; k++)
			theirs->run.own.heaps[k].cap = run->tally->heaps[k].cap;
		theirs->run.tally = &theirs->run.own;
		for (k = 0; k < OPTION_KIND_COUNT; k++) {
			theirs->from[k] = mine->to[k] / 2;
			mine->to[k] = theirs->from[k];
		}
		threaded = pthread_create(&helper, NULL, scan_thread, theirs) == 0;
		if (!threaded) {
			/* No thread to be had: do it all here. */
			for (k = 0; k < OPTION_KIND_COUNT; k++)
				mine->to[k] = theirs->to[k];
		}
	}
	scan(mine);
	if (threaded) {
		struct tally *t = &theirs->run.own;

		pthread_join(helper, NULL);
		run->tally->total += t->total;
		run->tally->hidden_not_for_age += t->hidden_not_for_age;
		for (k = 0; k < OPTION_KIND_COUNT; k++) {
			run->tally->total_by_kind[k] += t->total_by_kind[k];
			for (i = 0; i < t->heaps[k].count; i++)
				heap_push(run, &run->tally->heaps[k], &t->heaps[k].hits[i]);
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
	if ((rc = find_text(run, kinds)) != STATUS_OK) {
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
	scan_all(&run, kinds);
	if ((rc = finish(&run)) != STATUS_OK)
		snprintf(err, errlen, "%s", store_errmsg(s));
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
	if ((rc = finish(&run)) != STATUS_OK)
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
	uint32_t areas = 0;
	size_t i;
	int k;

	for (k = 0; k < run->pack->area_count; k++)
		if (pack_area_has_soc(&run->pack->areas[k], soc)) {
			areas |= 1u << k;
			run->link_areas[run->link_area_count++] = k;
		}
	run->link_filter_keywords = target == OPTION_UNIVERSITY;
	title_stems(run, run->linked_soc);
	for (i = 0; i < pk->count && areas; i++) {
		const struct pack_entry *e = &pk->entries[i];
		int linked = target == OPTION_UNIVERSITY;

		for (k = 0; k < run->pack->area_count && !linked; k++)
			linked = (areas & (1u << k)) && pack_fit(e, k) == 1;
		if (linked && passes(run, target, i))
			look_at(run, target, e);
	}
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
			rc = finish(&run);
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

		travel_plan_entry(run.travel, e, answer, &at);
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
