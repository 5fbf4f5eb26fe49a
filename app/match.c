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
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "validate.h"

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
}

/* --- interests ------------------------------------------------------------------- */

struct interest {
	long long id;
	char slug[32], name[64], examples[128];
	long long route_id;
	char route_name[64];
	char riasec[8];
	char *ssa, *soc_prefixes, *keywords;	/* '|' lists, owned */
	double affinity;			/* overlap with the learner's RIASEC */
};

struct interest_set {
	struct interest all[MATCH_MAX_INTERESTS * 2];
	size_t count;
};

static int collect_interest(void *ctx, const struct store_interest *in)
{
	struct interest_set *set = ctx;
	struct interest *i;

	if (set->count >= sizeof(set->all) / sizeof(set->all[0]))
		return 1;
	i = &set->all[set->count++];
	memset(i, 0, sizeof(*i));
	i->id = in->id;
	snprintf(i->slug, sizeof(i->slug), "%s", in->slug);
	snprintf(i->name, sizeof(i->name), "%s", in->name);
	snprintf(i->examples, sizeof(i->examples), "%s", in->examples);
	i->route_id = in->route_id;
	snprintf(i->route_name, sizeof(i->route_name), "%s", in->route_name ? in->route_name : "");
	snprintf(i->riasec, sizeof(i->riasec), "%s", in->riasec ? in->riasec : "");
	i->ssa = xstrdup(in->ssa ? in->ssa : "");
	i->soc_prefixes = xstrdup(in->soc_prefixes ? in->soc_prefixes : "");
	i->keywords = xstrdup(in->keywords ? in->keywords : "");
	return 0;
}

static void interest_set_done(struct interest_set *set)
{
	size_t k;

	for (k = 0; k < set->count; k++) {
		free(set->all[k].ssa);
		free(set->all[k].soc_prefixes);
		free(set->all[k].keywords);
	}
	set->count = 0;
}

size_t match_interests(struct store *s, struct match_interest *out, size_t max)
{
	struct interest_set set;
	size_t k, n = 0;

	set.count = 0;
	if (store_each_interest(s, collect_interest, &set) != STATUS_OK)
		return 0;
	for (k = 0; k < set.count && n < max; k++, n++) {
		out[n].id = set.all[k].id;
		snprintf(out[n].slug, sizeof(out[n].slug), "%s", set.all[k].slug);
		snprintf(out[n].name, sizeof(out[n].name), "%s", set.all[k].name);
		snprintf(out[n].examples, sizeof(out[n].examples), "%s", set.all[k].examples);
		snprintf(out[n].riasec, sizeof(out[n].riasec), "%s", set.all[k].riasec);
	}
	interest_set_done(&set);
	return n;
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

/* --- helpers ------------------------------------------------------------------------ */

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

static int list_has_prefix_of(const char *prefixes, const char *code)
{
	if (!prefixes || !code)
		return 0;
	while (*prefixes) {
		size_t len = strcspn(prefixes, "|");

		if (len && strncmp(code, prefixes, len) == 0)
			return 1;
		prefixes += len;
		if (*prefixes == '|')
			prefixes++;
	}
	return 0;
}

/* Does text contain one of the '|' keywords as whole words (any case, plural allowed)? */
static int has_keyword(const char *keywords, const char *text)
{
	if (!keywords || !text)
		return 0;
	while (*keywords) {
		size_t len = strcspn(keywords, "|");
		const char *t;

		for (t = text; len && *t; t++) {
			const char *after = t + len;

			if ((t > text && isalnum((unsigned char)t[-1])) ||
			    strncasecmp(t, keywords, len) != 0)
				continue;
			if (*after == 's' || *after == 'S')
				after++;
			if (!isalnum((unsigned char)*after))
				return 1;
		}
		keywords += len;
		if (*keywords == '|')
			keywords++;
	}
	return 0;
}

static void add_reason(struct match_result *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void add_reason(struct match_result *r, const char *fmt, ...)
{
	struct strbuf sb;
	va_list ap;

	if (r->reason_count >= MATCH_MAX_REASONS)
		return;
	strbuf_init(&sb);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	r->reasons[r->reason_count++] = strbuf_detach(&sb);
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

/* --- the run ------------------------------------------------------------------------- */

struct run {
	struct store *store;
	const struct match_profile *p;
	struct match_list *out;
	struct interest_set interests;		/* every area, with affinity set */
	int chosen[MATCH_MAX_INTERESTS * 2];	/* indexes into interests.all */
	int chosen_count;
	int learner_letters[3];			/* strongest RIASEC letters, -1 when fewer */
	int use_place;
	double radius;
	char today_iso[11];
	enum option_kind kind;
	long long linked_soc;			/* match_links: career being linked */
	int link_filter_keywords;		/* university courses linked by keywords */
	struct interest *link_areas[MATCH_MAX_INTERESTS * 2];
	int link_area_count;
};

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

/* How well the option sits in interest area `a`: 0, 0.7, 0.9 or 1. */
static double area_fit(const struct interest *a, const struct store_option *o)
{
	char code[8];

	switch (o->kind) {
	case OPTION_CAREER:
		snprintf(code, sizeof(code), "%s", o->ref ? o->ref : "");
		if (list_has_prefix_of(a->soc_prefixes, code))
			return 1;
		return has_keyword(a->keywords, o->title) ? 0.7 : 0;
	case OPTION_APPRENTICESHIP:
	case OPTION_VACANCY:
		if (a->route_id && o->route_id == a->route_id)
			return 1;
		if (list_has(a->ssa, o->ssa2) || list_has(a->ssa, o->ssa1))
			return 0.9;
		return has_keyword(a->keywords, o->title) ? 0.7 : 0;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		/* Many course sources carry no subject-area codes: then the words decide. */
		if (list_has(a->ssa, o->ssa2) || list_has(a->ssa, o->ssa1))
			return 1;
		if (has_keyword(a->keywords, o->title))
			return 0.9;
		return has_keyword(a->keywords, o->route_name) ? 0.8 : 0;
	default:
		return 0;
	}
}

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

static void interest_part(struct run *run, const struct store_option *o, struct match_result *r)
{
	const struct match_profile *p = run->p;
	double best = 0, fit, quiz = -1;
	const struct interest *best_area = NULL;
	int i;

	if (p->text[0]) {
		char hit[48];
		double t = text_fit(p->text, o->title, hit, sizeof(hit));

		if (!run->chosen_count && !p->has_riasec) {
			r->fit.interest = t;
			if (hit[0])
				add_reason(r, "\"%s\" is in its name", hit);
			else
				add_reason(r, "mentions \"%s\"", p->text);
			snprintf(r->brief, sizeof(r->brief), "%s", r->reasons[r->reason_count - 1]);
			return;
		}
	}
	if (o->kind == OPTION_SCHOOL || (!run->chosen_count && !p->has_riasec)) {
		r->fit.interest = 0.5;
		return;
	}
	for (i = 0; i < run->chosen_count; i++) {
		const struct interest *a = &run->interests.all[run->chosen[i]];

		fit = area_fit(a, o);
		if (fit > best) {
			best = fit;
			best_area = a;
		}
	}
	if (p->has_riasec) {
		if (o->kind == OPTION_CAREER) {
			quiz = riasec_fit(p, o->riasec);
		} else {
			/* Through the interest areas the option belongs to. */
			size_t k;

			for (k = 0; k < run->interests.count; k++) {
				const struct interest *a = &run->interests.all[k];

				if (a->affinity > quiz && area_fit(a, o) >= 0.7)
					quiz = a->affinity;
			}
		}
	}
	/* What the learner picked comes first; the quiz suggests, a little lower. */
	if (run->chosen_count && quiz > 0)
		quiz *= 0.8;
	r->fit.interest = best > quiz ? best : quiz > 0 ? quiz : 0;
	if (best_area && best >= quiz) {
		add_reason(r, "%s - one of your interests", best_area->name);
		snprintf(r->brief, sizeof(r->brief), "you like %.50s", best_area->name);
	} else if (quiz >= 0.4) {
		int top = run->learner_letters[0];

		add_reason(r, "suits people who like %s (%c), like your quiz answers",
			   match_riasec_words(top), riasec_letters[top]);
		snprintf(r->brief, sizeof(r->brief), "fits your quiz: %s", riasec_brief[top]);
	}
}

static void distance_part(struct run *run, const struct store_option *o, struct match_result *r)
{
	r->distance = NAN;
	if (!run->use_place || isnan(o->lat)) {
		r->fit.distance = 0.5;
		return;
	}
	r->distance = geo_miles(run->out->place.point, (struct geo_point){ o->lat, o->lon });
	if (run->radius > 0)
		r->fit.distance = 1 - r->distance / run->radius;
	else
		r->fit.distance = r->distance < 100 ? 1 - r->distance / 100 : 0.1;
	if (r->fit.distance < 0.05)
		r->fit.distance = 0.05;
	add_reason(r, "%.1f miles from %s", r->distance, run->out->place.label);
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

static void level_part(struct run *run, const struct store_option *o, struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	double lo, hi, l = o->level, gap;
	char words[24];

	r->level = l;
	if (isnan(l) || l < 0 || o->kind == OPTION_CAREER || o->kind == OPTION_SCHOOL) {
		r->fit.level = 0.5;
		return;
	}
	next_levels(st, &lo, &hi);
	gap = l < lo ? lo - l : l > hi ? l - hi : 0;
	r->fit.level = gap == 0 ? 1 : gap <= 1 ? 0.8 : gap <= 2 ? 0.5 : 0.3;
	level_words(l, words, sizeof(words));
	if (l == 3 && st->school_year && st->school_year <= 11)
		add_reason(r, "%s - the next step after GCSEs", words);
	else if (l >= 1.5 && l <= 2)
		add_reason(r, "%s - the same level as GCSEs at grades 9 to 4", words);
	else if (l == 1)
		add_reason(r, "%s - a first step, like GCSEs at grades 3 to 1", words);
	else if (l == 0)
		add_reason(r, "%s - a start, with no qualifications needed", words);
	else if (l == 3)
		add_reason(r, "%s - the level of A levels and T Levels", words);
	else if (l <= 5)
		add_reason(r, "%s - higher technical, beyond A levels", words);
	else if (l == 6)
		add_reason(r, "%s - degree level", words);
	else
		add_reason(r, "%s - master's degree level", words);
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

static void set_available(struct match_result *r, enum availability a, struct civil_date when)
{
	r->availability = a;
	if (a == AVAILABLE_FROM || a == AVAILABLE_AT_18)
		date_iso(when, r->available_from);
}

/* Decide when (and whether) the learner could start; sets the timing fit and reason. */
static void timing_part(struct run *run, const struct store_option *o, struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	struct civil_date start, earliest, when;
	char day[16], day2[16];
	int has_start = date_parse(o->start_date, &start), youngest, oldest;
	int post16 = st->school_year == 0 || st->school_year >= 12;

	if (has_start)
		date_iso(start, r->starts);
	switch (o->kind) {
	case OPTION_CAREER:
		r->availability = AVAILABLE_NOW;
		r->fit.timing = 1;
		return;

	case OPTION_SCHOOL:
		schoolyear_age_on(st, post16 ? st->today : st->post16_start, &youngest, &oldest);
		if (o->age_max != MODEL_NO_INT && youngest > o->age_max) {
			set_available(r, AVAILABLE_NOT_FOR_AGE, st->today);
			add_reason(r, "for students up to %lld; you would be %d", o->age_max,
				   youngest);
			r->fit.timing = 0;
			return;
		}
		if (youngest >= 19 && o->provider_kind && strcmp(o->provider_kind, "college") != 0) {
			set_available(r, AVAILABLE_NOT_FOR_AGE, st->today);
			add_reason(r, "sixth forms are for 16 to 18 year olds");
			r->fit.timing = 0;
			return;
		}
		if (post16) {
			r->availability = AVAILABLE_NOW;
			r->fit.timing = 1;
			add_reason(r, "you could apply now");
			return;
		}
		set_available(r, AVAILABLE_FROM, st->post16_start);
		r->fit.timing = timing_fit(st, st->post16_start);
		date_month_year(st->post16_start, day);
		add_reason(r, "for sixth form or college from %s%s", day,
			   after_words(st, st->post16_start));
		return;

	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		earliest = o->kind == OPTION_UNIVERSITY ? st->he_start :
			   post16 ? st->today : st->post16_start;
		if (o->kind == OPTION_UNIVERSITY && st->school_year == 0 &&
		    date_compare(st->turn18_from, st->today) <= 0)
			earliest = st->today;
		if (o->flexible_start || !has_start) {
			when = date_compare(earliest, st->today) > 0 ? earliest : st->today;
			if (date_compare(when, st->today) > 0 && o->kind == OPTION_COURSE) {
				set_available(r, AVAILABLE_FROM, when);
				r->fit.timing = timing_fit(st, when);
				date_month_year(when, day);
				add_reason(r, "you could start any time from %s%s", day,
					   after_words(st, when));
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
		if (o->age_min != MODEL_NO_INT && o->age_min >= 19 && oldest < 19) {
			set_available(r, AVAILABLE_NOT_FOR_AGE, when);
			add_reason(r, "for adults aged %lld and over", o->age_min);
			r->fit.timing = 0;
			return;
		}
		if (o->age_max != MODEL_NO_INT && youngest > o->age_max) {
			set_available(r, AVAILABLE_NOT_FOR_AGE, when);
			add_reason(r, "for ages up to %lld; you would be %d", o->age_max, youngest);
			r->fit.timing = 0;
			return;
		}
		if (o->age_min != MODEL_NO_INT && oldest < o->age_min && o->age_min < 19) {
			/* Wait until old enough: the same intake a year later. */
			set_available(r, AVAILABLE_NOT_FOR_AGE, when);
			add_reason(r, "for ages %lld and over; you would be %d", o->age_min, oldest);
			r->fit.timing = 0;
			return;
		}
		date_short(when, day);
		if (date_compare(when, st->today) <= 0) {
			r->availability = AVAILABLE_NOW;
			r->fit.timing = 1;
			add_reason(r, o->flexible_start ? "you can start any time" :
				   "you can start now");
			return;
		}
		if (o->kind == OPTION_UNIVERSITY && date_compare(when, st->he_start) >= 0 &&
		    st->school_year && st->school_year <= 12) {
			set_available(r, AVAILABLE_AT_18, when);
			r->fit.timing = 0.5;
			date_month_year(when, day);
			add_reason(r, "at 18: you could start in %s", day);
			return;
		}
		set_available(r, AVAILABLE_FROM, when);
		r->fit.timing = timing_fit(st, when);
		if (has_start && date_compare(when, start) != 0)
			add_reason(r, "the next start you could join is %s%s", day,
				   after_words(st, when));
		else
			add_reason(r, "starts %s%s", day, after_words(st, when));
		return;

	case OPTION_APPRENTICESHIP:
		/* Standards not yet approved for delivery cannot be started by anyone. */
		if (o->status && (strcmp(o->status, "in development") == 0 ||
				  strcmp(o->status, "approved") == 0 ||
				  strcmp(o->status, "closed to new starters") == 0)) {
			r->fit.timing = -1;
			return;
		}
		if (o->closing_date && date_parse(o->closing_date, &when) &&
		    date_compare(when, st->today) < 0) {
			set_available(r, AVAILABLE_NOT_FOR_AGE, st->today);
			r->fit.timing = -1;	/* closed: dropped by the caller */
			return;
		}
		if (!isnan(o->level) && o->level >= 4 && !(st->school_year == 0 &&
		    date_compare(st->turn18_from, st->today) <= 0)) {
			set_available(r, AVAILABLE_AT_18, st->he_start);
			r->fit.timing = 0.5;
			date_month_year(st->he_start, day);
			add_reason(r, "at 18, after a Level 3 such as A levels or a T Level "
				   "(from %s)", day);
			return;
		}
		if (schoolyear_may_leave_by(st, st->today)) {
			r->availability = AVAILABLE_NOW;
			r->fit.timing = 1;
			add_reason(r, "you can start an apprenticeship now");
			return;
		}
		set_available(r, AVAILABLE_FROM, st->leave_school);
		r->fit.timing = timing_fit(st, st->leave_school);
		date_short(st->leave_school, day);
		add_reason(r, "from %s, when you can leave school", day);
		return;

	case OPTION_VACANCY:
		earliest = !isnan(o->level) && o->level >= 4 && !(st->school_year == 0 &&
			   date_compare(st->turn18_from, st->today) <= 0) ? st->he_start :
			   st->leave_school;
		if (date_compare(earliest, st->today) < 0)
			earliest = st->today;
		if (o->closing_date && date_parse(o->closing_date, &when))
			date_iso(when, r->closes);
		if (has_start && date_compare(start, earliest) < 0) {
			set_available(r, AVAILABLE_FROM, earliest);
			r->starts_too_early = 1;
			r->fit.timing = 0.2;
			date_short(start, day);
			date_short(earliest, day2);
			add_reason(r, "starts %s - before you can start an apprenticeship (%s)", day,
				   day2);
			return;
		}
		when = has_start ? start : earliest;
		date_short(when, day);
		if (date_compare(when, st->today) <= 0) {
			r->availability = AVAILABLE_NOW;
			r->fit.timing = 1;
			add_reason(r, "you can start now");
		} else {
			set_available(r, AVAILABLE_FROM, when);
			r->fit.timing = timing_fit(st, when);
			add_reason(r, "starts %s%s", day, after_words(st, when));
		}
		return;

	default:
		r->availability = AVAILABLE_NOW;
		r->fit.timing = 0.5;
	}
}

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

static int is_excluded(const struct match_profile *p, enum option_kind kind, long long id)
{
	int i;

	for (i = 0; i < p->excluded_count; i++)
		if (p->excluded[i].kind == kind && p->excluded[i].id == id)
			return 1;
	return 0;
}

static void push(struct match_list *l, struct match_result *r)
{
	if (l->count == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 64;
		l->results = xrealloc(l->results, l->alloc * sizeof(*l->results));
	}
	l->results[l->count++] = *r;
}

static int consider(void *ctx, const struct store_option *o)
{
	struct run *run = ctx;
	const struct match_profile *p = run->p;
	struct match_result r;

	if (is_excluded(p, o->kind, o->id))
		return 0;
	if (run->use_place && run->radius > 0 && !isnan(o->lat) &&
	    geo_miles(run->out->place.point, (struct geo_point){ o->lat, o->lon }) > run->radius)
		return 0;
	if (run->link_filter_keywords) {
		int k, hit = 0;

		for (k = 0; k < run->link_area_count && !hit; k++)
			hit = has_keyword(run->link_areas[k]->keywords, o->title);
		if (!hit)
			return 0;
	}
	memset(&r, 0, sizeof(r));
	r.kind = o->kind;
	r.id = o->id;
	interest_part(run, o, &r);
	if ((run->chosen_count || p->has_riasec) && o->kind != OPTION_SCHOOL && r.fit.interest < 0.5 &&
	    !run->linked_soc) {
		result_free(&r);
		return 0;
	}
	distance_part(run, o, &r);
	level_part(run, o, &r);
	timing_part(run, o, &r);
	if (r.fit.timing < 0 || (r.availability == AVAILABLE_NOT_FOR_AGE && !p->show_not_for_age)) {
		if (r.fit.timing >= 0)
			run->out->hidden_not_for_age++;
		result_free(&r);
		return 0;
	}
	r.score = 100 * (0.45 * r.fit.interest + 0.25 * r.fit.distance + 0.15 * r.fit.level +
			 0.15 * r.fit.timing);
	r.score = round(r.score * 10) / 10;
	r.pay_per_week = pay_per_week(o);
	if (o->kind == OPTION_VACANCY && r.closes[0]) {
		struct civil_date c;
		char day[16];

		date_parse(r.closes, &c);
		date_short(c, day);
		add_reason(&r, "apply by %s", day);
	}
	if (o->kind == OPTION_VACANCY && !isnan(r.pay_per_week))
		add_reason(&r, "pays about £%.0f a week", r.pay_per_week);
	if (o->kind == OPTION_CAREER && !isnan(r.pay_per_week))
		add_reason(&r, "typical pay about £%.0f a week", r.pay_per_week);
	if (!r.brief[0] && r.reason_count)
		snprintf(r.brief, sizeof(r.brief), "%s", r.reasons[0]);
	r.ref = text_or_empty(o->ref);
	r.title = text_or_empty(o->title);
	r.where = where_text(o);
	r.summary = text_or_empty(o->summary);
	r.url = text_or_empty(o->url);
	push(run->out, &r);
	run->out->total_by_kind[o->kind]++;
	return 0;
}

/* --- sorting ------------------------------------------------------------------------- */

static enum match_sort sort_key;

static int compare_results(const void *pa, const void *pb)
{
	const struct match_result *a = pa, *b = pb;
	double x, y;

	switch (sort_key) {
	case SORT_DISTANCE:
		x = isnan(a->distance) ? 1e9 : a->distance;
		y = isnan(b->distance) ? 1e9 : b->distance;
		if (x != y)
			return x < y ? -1 : 1;
		break;
	case SORT_START: {
		const char *sa = a->availability == AVAILABLE_NOW ? "0" : a->available_from[0] ?
				 a->available_from : a->starts[0] ? a->starts : "9";
		const char *sb = b->availability == AVAILABLE_NOW ? "0" : b->available_from[0] ?
				 b->available_from : b->starts[0] ? b->starts : "9";
		int c = strcmp(sa, sb);

		if (c)
			return c;
		break;
	}
	case SORT_PAY:
		x = isnan(a->pay_per_week) ? -1 : a->pay_per_week;
		y = isnan(b->pay_per_week) ? -1 : b->pay_per_week;
		if (x != y)
			return x > y ? -1 : 1;
		break;
	case SORT_RELEVANCE:
		break;
	}
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->title, b->title);
}

static void rank(struct match_list *l, enum match_sort sort, int limit)
{
	size_t i;

	sort_key = sort;
	if (l->count > 1)
		qsort(l->results, l->count, sizeof(*l->results), compare_results);
	l->total = l->count;
	if (limit > 0 && l->count > (size_t)limit) {
		for (i = (size_t)limit; i < l->count; i++)
			result_free(&l->results[i]);
		l->count = (size_t)limit;
	}
}

/* --- setting up a run ------------------------------------------------------------------- */

static enum status start_run(struct run *run, struct store *s, const struct match_profile *p,
			     struct match_list *out, char *err, size_t errlen)
{
	enum status rc;
	size_t k;
	int i, j;

	memset(out, 0, sizeof(*out));
	memset(run, 0, sizeof(*run));
	run->store = s;
	run->p = p;
	run->out = out;
	date_iso(p->today, run->today_iso);
	if (schoolyear_stage(p->school_year, p->age, p->today, &out->stage) != STATUS_OK) {
		snprintf(err, errlen, p->school_year ?
			 "school year %d is not one this program knows (Year 7 to Year 13)" :
			 "age %d: someone who has left school is between 16 and 25 here",
			 p->school_year ? p->school_year : p->age);
		return STATUS_INVALID;
	}
	if ((rc = store_each_interest(s, collect_interest, &run->interests)) != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return rc;
	}
	for (i = 0; i < p->interest_count; i++)
		for (k = 0; k < run->interests.count; k++)
			if (run->interests.all[k].id == p->interests[i] &&
			    run->chosen_count < (int)(sizeof(run->chosen) / sizeof(run->chosen[0])))
				run->chosen[run->chosen_count++] = (int)k;
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
	for (k = 0; k < run->interests.count && p->has_riasec; k++) {
		struct interest *a = &run->interests.all[k];
		double sum = 0, total = 0;

		for (i = 0; i < 6; i++) {
			total += p->riasec[i];
			if (strchr(a->riasec, riasec_letters[i]))
				sum += p->riasec[i];
		}
		/* Leaning fully matched by the strongest letters scores near 1. */
		a->affinity = total > 0 ? 0.4 + 0.6 * sum / (p->riasec[run->learner_letters[0]] *
							   (double)strlen(a->riasec) + 1e-9) : 0;
		if (a->affinity > 1)
			a->affinity = 1;
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
	}
	return STATUS_OK;
}

static void fill_filter(struct run *run, struct store_filter *f, char *text, size_t textlen)
{
	const struct match_profile *p = run->p;

	memset(f, 0, sizeof(*f));
	f->level = p->level;
	f->today = run->today_iso;
	if (p->text[0] && store_text_query(p->text, text, textlen) == STATUS_OK)
		f->text = text;
	if (run->use_place && run->radius > 0) {
		f->use_box = 1;
		geo_box(run->out->place.point, run->radius, &f->min_lat, &f->max_lat, &f->min_lon,
			&f->max_lon);
	}
}

enum status match_run(struct store *s, const struct match_profile *p, struct match_list *out,
		      char *err, size_t errlen)
{
	struct run run;
	struct store_filter f;
	char text[512];
	enum status rc;
	int k;

	err[0] = '\0';
	if ((rc = start_run(&run, s, p, out, err, errlen)) != STATUS_OK) {
		interest_set_done(&run.interests);
		return rc;
	}
	fill_filter(&run, &f, text, sizeof(text));
	for (k = 0; k < OPTION_KIND_COUNT && rc == STATUS_OK; k++) {
		if (p->kinds && !(p->kinds & (1u << k)))
			continue;
		rc = store_each_option(s, (enum option_kind)k, &f, consider, &run);
	}
	if (rc != STATUS_OK)
		snprintf(err, errlen, "%s", store_errmsg(s));
	rank(out, p->sort, p->limit);
	interest_set_done(&run.interests);
	return rc;
}

enum status match_links(struct store *s, const struct match_profile *p, enum option_kind kind,
			long long id, int per_kind, struct match_list *out, char *err,
			size_t errlen)
{
	struct match_profile q = *p;
	struct match_list part;
	struct run run;
	struct store_filter f;
	char text[512], soc[8];
	enum status rc;
	size_t k, i;
	int n;

	/* Links ignore the learner's interests and text: they follow the data. */
	q.interest_count = 0;
	q.has_riasec = 0;
	q.text[0] = '\0';
	q.limit = 0;
	memset(out, 0, sizeof(*out));
	if (kind != OPTION_CAREER && kind != OPTION_APPRENTICESHIP)
		return STATUS_OK;
	for (n = 0; n < OPTION_KIND_COUNT; n++) {
		enum option_kind target = (enum option_kind)n;

		if (target == OPTION_SCHOOL || target == kind ||
		    (kind == OPTION_APPRENTICESHIP && target != OPTION_VACANCY &&
		     target != OPTION_CAREER))
			continue;
		if ((rc = start_run(&run, s, &q, &part, err, errlen)) != STATUS_OK) {
			interest_set_done(&run.interests);
			match_list_done(out);
			return rc;
		}
		fill_filter(&run, &f, text, sizeof(text));
		if (kind == OPTION_CAREER) {
			snprintf(soc, sizeof(soc), "%04lld", id);
			f.soc = soc;
			run.linked_soc = id;
			if (target == OPTION_UNIVERSITY) {
				/* No subject codes on university courses: use the words. */
				for (k = 0; k < run.interests.count; k++)
					if (list_has_prefix_of(run.interests.all[k].soc_prefixes, soc))
						run.link_areas[run.link_area_count++] =
							&run.interests.all[k];
				run.link_filter_keywords = 1;
				if (!run.link_area_count) {
					interest_set_done(&run.interests);
					match_list_done(&part);
					continue;
				}
			}
		} else {
			f.standard_id = id;
		}
		rc = store_each_option(s, target, &f, consider, &run);
		interest_set_done(&run.interests);
		if (rc != STATUS_OK) {
			snprintf(err, errlen, "%s", store_errmsg(s));
			match_list_done(&part);
			match_list_done(out);
			return rc;
		}
		rank(&part, p->sort, per_kind);
		out->place = part.place;
		out->stage = part.stage;
		out->total += part.total;
		out->total_by_kind[target] = part.total;
		out->hidden_not_for_age += part.hidden_not_for_age;
		for (i = 0; i < part.count; i++)
			push(out, &part.results[i]);
		free(part.results);
	}
	return STATUS_OK;
}
