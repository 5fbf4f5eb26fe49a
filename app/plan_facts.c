/*
 * plan_facts.c - the facts that compare options, for the adviser's
 * compare screen and the plan (plan.h).
 *
 * Design notes.
 *
 * Facts. plan_facts() reads the option's own row (store_each_option by
 * id, with no date so a closed vacancy is still found), its long text,
 * and runs the learner filter on it alone (match_run with this kind, the
 * title as the search words, no interests and no radius) for the start
 * and the distance, so "when you could start" follows the same rules as
 * every other screen. Careers and apprenticeship standards also follow
 * their links near the learner (match_links) for vacancy wages and the
 * nearest way in. Every string goes through set(), which cuts it to
 * PLAN_FACT_SHORT characters: the compare screen puts four side by side.
 *
 */
#include "plan.h"

#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "match.h"
#include "plan_int.h"
#include "say.h"
#include "schoolyear.h"

#define ENTRY_CHARACTERS 300	/* entry requirements are cut here, at a word */
#define LINK_MAX 1000		/* linked options looked at per kind */
#define FIGURES_MAX 64

static const char *const fact_labels[] = {
#define FACT_LABEL(id, field, label) label,
	PLAN_FACT_INFO(FACT_LABEL)
#undef FACT_LABEL
};

static const size_t fact_offsets[] = {
#define FACT_OFFSET(id, field, label) offsetof(struct plan_facts, field),
	PLAN_FACT_INFO(FACT_OFFSET)
#undef FACT_OFFSET
};

const char *plan_fact_label(enum plan_fact f)
{
	return (unsigned)f < PLAN_FACT_COUNT ? fact_labels[f] : "?";
}

const char *plan_fact_text(const struct plan_facts *facts, enum plan_fact f)
{
	return (unsigned)f < PLAN_FACT_COUNT ? (const char *)facts + fact_offsets[f] : "";
}

/* --- small words ------------------------------------------------------------------ */

/* Write a fact: printf, cut to PLAN_FACT_SHORT characters. */
static void set(char field[PLAN_FACT_LEN], const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void set(char field[PLAN_FACT_LEN], const char *fmt, ...)
{
	struct strbuf sb, cut;
	va_list ap;

	strbuf_init(&sb);
	strbuf_init(&cut);
	va_start(ap, fmt);
	strbuf_vprintf(&sb, fmt, ap);
	va_end(ap);
	format_fit(&cut, sb.buf, PLAN_FACT_SHORT);
	snprintf(field, PLAN_FACT_LEN, "%s", cut.buf);
	strbuf_done(&cut);
	strbuf_done(&sb);
}

/* Whole pounds: "£327". */
static void pounds(struct strbuf *out, double value)
{
	format_money(out, (long long)llround(value) * 100);
}

/* "£300 a week" or "£300 to £365 a week", into a strbuf. */
static void weekly_range(struct strbuf *out, double lo, double hi)
{
	pounds(out, lo);
	if (llround(hi) != llround(lo)) {
		strbuf_puts(out, " to ");
		pounds(out, hi);
	}
	strbuf_puts(out, " a week");
}


/* "2 years", "1 year", "30 hours". */
static void duration_words(long long value, const char *unit, char *out, size_t len)
{
	size_t n = unit ? strlen(unit) : 0;

	if (value == MODEL_NO_INT || !n)
		snprintf(out, len, "%s", PLAN_NOT_KNOWN);
	else if (value == 1 && unit[n - 1] == 's')
		snprintf(out, len, "1 %.*s", (int)(n - 1), unit);
	else
		snprintf(out, len, "%lld %s", value, unit);
}

/* Pounds a week from a wage as advertised; NAN when it cannot be worked out. */
static double weekly_pay(long long pence, const char *unit, double hours)
{
	double amount = (double)pence / 100;

	if (pence == MODEL_NO_INT)
		return NAN;
	if (!unit || strcmp(unit, "weekly") == 0)
		return amount;
	if (strcmp(unit, "annually") == 0)
		return amount / 52;
	if (strcmp(unit, "monthly") == 0)
		return amount * 12 / 52;
	if (strcmp(unit, "hourly") == 0 && !isnan(hours))
		return amount * hours;
	return NAN;
}

/* Entry requirements: one line, cut at a word after ENTRY_CHARACTERS characters. */
static void set_entry(char out[PLAN_ENTRY_LEN], const char *text, int list)
{
	struct strbuf sb;
	const char *p;
	int chars = 0;
	size_t last_space = 0;

	if (!text || !*text) {
		snprintf(out, PLAN_ENTRY_LEN, "%s", PLAN_NOT_KNOWN);
		return;
	}
	strbuf_init(&sb);
	for (p = text; *p; p++) {
		char c = *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p;

		if (list && c == '|') {
			strbuf_puts(&sb, "; ");
			last_space = sb.len - 1;
			chars += 2;
			continue;
		}
		if (c == ' ' && (sb.len == 0 || sb.buf[sb.len - 1] == ' '))
			continue;
		if (((unsigned char)c & 0xC0) != 0x80) {
			if (chars == ENTRY_CHARACTERS)
				break;
			chars++;
		}
		if (c == ' ')
			last_space = sb.len;
		strbuf_putc(&sb, c);
	}
	if (*p) {
		sb.len = last_space ? last_space : sb.len;
		while (sb.len && (sb.buf[sb.len - 1] == ' ' || sb.buf[sb.len - 1] == ';' ||
				  sb.buf[sb.len - 1] == ','))
			sb.len--;
		sb.buf[sb.len] = '\0';
		strbuf_puts(&sb, "...");
	}
	snprintf(out, PLAN_ENTRY_LEN, "%s", sb.buf);
	strbuf_done(&sb);
}

/* --- the option itself -------------------------------------------------------------- */

/* One option's row with its strings copied out of the callback. */
struct option_copy {
	struct store_option o;
	int found;
	char title[160], ref[32], provider[160], place[160], town[80], start[11], closes[11],
	     status[48], wage_unit[16], duration_unit[16], study_mode[24], course_kind[12],
	     provider_kind[24];
};

static const char *copy(char *to, size_t len, const char *from)
{
	if (!from)
		return NULL;
	snprintf(to, len, "%s", from);
	return to;
}

static int keep_option(void *ctx, const struct store_option *o)
{
	struct option_copy *c = ctx;

	c->o = *o;
	c->found = 1;
	c->o.title = copy(c->title, sizeof(c->title), o->title);
	c->o.ref = copy(c->ref, sizeof(c->ref), o->ref);
	c->o.provider = copy(c->provider, sizeof(c->provider), o->provider);
	c->o.place = copy(c->place, sizeof(c->place), o->place);
	c->o.town = copy(c->town, sizeof(c->town), o->town);
	c->o.start_date = copy(c->start, sizeof(c->start), o->start_date);
	c->o.closing_date = copy(c->closes, sizeof(c->closes), o->closing_date);
	c->o.status = copy(c->status, sizeof(c->status), o->status);
	c->o.wage_unit = copy(c->wage_unit, sizeof(c->wage_unit), o->wage_unit);
	c->o.duration_unit = copy(c->duration_unit, sizeof(c->duration_unit), o->duration_unit);
	c->o.study_mode = copy(c->study_mode, sizeof(c->study_mode), o->study_mode);
	c->o.course_kind = copy(c->course_kind, sizeof(c->course_kind), o->course_kind);
	c->o.provider_kind = copy(c->provider_kind, sizeof(c->provider_kind), o->provider_kind);
	/* Borrowed strings not copied die with the callback. */
	c->o.postcode = c->o.route_name = c->o.ssa1 = c->o.ssa2 = NULL;
	c->o.qualification = c->o.summary = c->o.url = NULL;
	return 1;
}

static void blank_filter(struct store_filter *f)
{
	memset(f, 0, sizeof(*f));
	f->level = NAN;
	f->today = "0000-00-00";	/* closed vacancies too */
}

static enum status load_option(struct store *s, enum option_kind kind, long long id,
			       struct option_copy *c)
{
	struct store_filter f;

	memset(c, 0, sizeof(*c));
	blank_filter(&f);
	f.id = id;
	return store_each_option(s, kind, &f, keep_option, c);
}

/* "Provider, venue or town" as the results list says it; "" when not a place. */
static void where_words(const struct option_copy *c, char *out, size_t len)
{
	const char *a = c->o.provider, *b = c->o.place ? c->o.place : c->o.town;

	out[0] = '\0';
	switch (c->o.kind) {
	case OPTION_SCHOOL:
		a = c->o.town;
		b = NULL;
		break;
	case OPTION_VACANCY:
		b = c->o.town;
		break;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		if (a && b && strncmp(a, b, strlen(a)) == 0) {
			a = b;
			b = NULL;
		}
		break;
	default:
		return;
	}
	if (a && *a && b && *b && strcmp(a, b) != 0)
		snprintf(out, len, "%s, %s", a, b);
	else
		snprintf(out, len, "%s", a && *a ? a : b ? b : "");
}

static void what_words(const struct option_copy *c, char out[PLAN_FACT_LEN])
{
	const char *ck = c->o.course_kind, *pk = c->o.provider_kind;

	if (c->o.kind == OPTION_COURSE && ck && strcmp(ck, "tlevel") == 0)
		set(out, "T Level course");
	else if (c->o.kind == OPTION_COURSE)
		set(out, "college or sixth form course");
	else if (c->o.kind == OPTION_SCHOOL && pk && strcmp(pk, "college") == 0)
		set(out, "college");
	else if (c->o.kind == OPTION_SCHOOL)
		set(out, "sixth form");
	else
		set(out, "%s", match_kind_words(c->o.kind));
}

/*
 * The learner filter on this one option: its start and distance for this
 * learner. *found is 0 when the filter leaves it out (a closed vacancy, a
 * standard not open to starters). Free list with match_list_done.
 */
static enum status match_self(struct store *s, const struct match_profile *p,
			      const struct option_copy *c, struct match_list *list,
			      const struct match_result **found)
{
	struct match_profile q = *p;
	struct match_exclusion self = { c->o.kind, c->o.id };
	char err[256];
	enum status rc;

	*found = NULL;
	q.interest_count = 0;
	q.has_riasec = 0;
	q.excluded_count = 0;
	q.show_not_for_age = 1;
	q.kinds = 1u << c->o.kind;
	q.radius = MATCH_ANYWHERE;
	q.level = NAN;
	q.text[0] = '\0';
	q.sort = SORT_RELEVANCE;
	/* Getting there by bus is a fact whatever the search was (no limit on it here). */
	q.travel.mode = TRAVEL_BUS;
	q.travel.within_minutes = 0;
	rc = match_these(s, &q, &self, 1, list, err, sizeof(err));
	if (rc == STATUS_NOT_FOUND && q.place[0]) {
		/* A place the store no longer knows: start times still count. */
		match_list_done(list);
		q.place[0] = '\0';
		rc = match_these(s, &q, &self, 1, list, err, sizeof(err));
	}
	if (rc != STATUS_OK) {
		match_list_done(list);
		memset(list, 0, sizeof(*list));
		/* A profile the filter refuses (a bad school year) just has no start. */
		return rc == STATUS_INVALID ? STATUS_OK : rc;
	}
	if (list->count)
		*found = &list->results[0];
	return STATUS_OK;
}

/* What match_links found near the learner, summed up. */
struct links {
	struct match_list list;
	int near;			/* measured from the learner's place, within a radius */
	int vacancies;			/* open vacancies near the learner */
	double pay_lo, pay_hi;		/* their weekly wages, NAN when none */
	double nearest;			/* miles to the nearest way in, NAN when none */
	int start_now;			/* some way in can be started now */
	struct civil_date soonest;	/* else the soonest date one can be */
	int has_soonest;
	double hours_lo, hours_hi;	/* of the vacancies, NAN when none */
};

static void links_sum(struct links *k)
{
	size_t i;

	k->pay_lo = k->pay_hi = k->nearest = k->hours_lo = k->hours_hi = NAN;
	for (i = 0; i < k->list.count; i++) {
		const struct match_result *r = &k->list.results[i];
		struct civil_date d;

		if (r->kind == OPTION_CAREER || r->kind == OPTION_APPRENTICESHIP)
			continue;
		if (r->kind == OPTION_VACANCY) {
			k->vacancies++;
			if (!isnan(r->pay_per_week)) {
				if (isnan(k->pay_lo) || r->pay_per_week < k->pay_lo)
					k->pay_lo = r->pay_per_week;
				if (isnan(k->pay_hi) || r->pay_per_week > k->pay_hi)
					k->pay_hi = r->pay_per_week;
			}
		}
		if (!isnan(r->distance) && (isnan(k->nearest) || r->distance < k->nearest))
			k->nearest = r->distance;
		if (r->availability == AVAILABLE_NOW)
			k->start_now = 1;
		else if ((r->availability == AVAILABLE_FROM || r->availability == AVAILABLE_AT_18) &&
			 date_parse(r->available_from, &d) &&
			 (!k->has_soonest || date_compare(d, k->soonest) < 0)) {
			k->soonest = d;
			k->has_soonest = 1;
		}
	}
}

struct hours_ctx {
	const struct match_list *near;
	double lo, hi;
};

static int vacancy_hours(void *ctx, const struct store_option *o)
{
	struct hours_ctx *h = ctx;
	size_t i;

	if (isnan(o->hours))
		return 0;
	for (i = 0; i < h->near->count; i++)
		if (h->near->results[i].kind == OPTION_VACANCY && h->near->results[i].id == o->id) {
			if (isnan(h->lo) || o->hours < h->lo)
				h->lo = o->hours;
			if (isnan(h->hi) || o->hours > h->hi)
				h->hi = o->hours;
			break;
		}
	return 0;
}

/* Follow the links of a career or standard near the learner. */
static enum status links_load(struct store *s, const struct match_profile *p,
			      const struct option_copy *c, const char *today, struct links *k)
{
	struct match_profile q = *p;
	struct store_filter f;
	struct hours_ctx h;
	char err[256];
	enum status rc;

	memset(k, 0, sizeof(*k));
	q.excluded_count = 0;
	q.show_not_for_age = 1;
	rc = match_links(s, &q, c->o.kind, c->o.id, LINK_MAX, &k->list, err, sizeof(err));
	if (rc == STATUS_NOT_FOUND && q.place[0]) {
		q.place[0] = '\0';
		rc = match_links(s, &q, c->o.kind, c->o.id, LINK_MAX, &k->list, err, sizeof(err));
	}
	if (rc == STATUS_INVALID) {
		memset(&k->list, 0, sizeof(k->list));
		rc = STATUS_OK;
	}
	if (rc != STATUS_OK)
		return rc;
	k->near = q.place[0] && q.radius > 0;
	links_sum(k);
	if (c->o.kind != OPTION_APPRENTICESHIP || !k->vacancies)
		return STATUS_OK;
	/* Hours are not in a match result: read them for the vacancies found. */
	blank_filter(&f);
	f.today = today;
	f.standard_id = c->o.id;
	h.near = &k->list;
	h.lo = h.hi = NAN;
	if ((rc = store_each_option(s, OPTION_VACANCY, &f, vacancy_hours, &h)) != STATUS_OK)
		return rc;
	k->hours_lo = h.lo;
	k->hours_hi = h.hi;
	return STATUS_OK;
}

/* --- labour-market figures --------------------------------------------------------- */

/* The latest figure of a measure: *year 0 when none. *wider: for a wider SOC group. */
static enum status latest_figure(struct store *s, const char *soc, const char *measure,
				 double *value, long long *year, int *wider)
{
	struct store_figure f[FIGURES_MAX];
	size_t n = 0;
	char group[8] = "";
	enum status rc;

	*year = 0;
	*value = NAN;
	if ((rc = store_figures(s, soc, measure, f, FIGURES_MAX, &n, group)) != STATUS_OK || !n)
		return rc;
	*value = f[n - 1].value;
	*year = f[n - 1].year;
	if (wider)
		*wider = strcmp(group, soc) != 0;
	return STATUS_OK;
}

/* "about 21% more jobs by 2035 nationally"; *done = 0 when there is no projection. */
static enum status growth_words(struct store *s, const char *soc, int this_year,
				char out[PLAN_FACT_LEN], int *done)
{
	struct store_figure f[FIGURES_MAX];
	size_t n = 0, i, base = 0;
	char group[8];
	double change;
	enum status rc;

	*done = 0;
	if ((rc = store_figures(s, soc, "employment", f, FIGURES_MAX, &n, group)) != STATUS_OK ||
	    n < 2)
		return rc;
	for (i = 0; i < n; i++)
		if (f[i].year <= this_year)
			base = i;
	if (f[base].year >= f[n - 1].year || f[base].value <= 0)
		return STATUS_OK;
	change = (f[n - 1].value - f[base].value) / f[base].value * 100;
	if (change >= 0.5)
		set(out, "about %.0f%% more jobs by %lld nationally", change, f[n - 1].year);
	else if (change <= -0.5)
		set(out, "about %.0f%% fewer jobs by %lld nationally", -change, f[n - 1].year);
	else
		set(out, "about as many jobs in %lld nationally", f[n - 1].year);
	*done = 1;
	return STATUS_OK;
}

/* --- facts by kind ------------------------------------------------------------------- */

static void distance_words(double miles, const char *what, char out[PLAN_FACT_LEN])
{
	char nearest[40] = "";

	if (what)
		snprintf(nearest, sizeof(nearest), "nearest %s is ", what);
	if (isnan(miles))
		set(out, "%s", PLAN_NOT_KNOWN);
	else if (miles < 0.05)
		set(out, "%sunder 0.1 miles away", nearest);
	else
		set(out, "%s%.1f miles away", nearest, miles);
}

/* "32 min by bus, leave 08:05", "12 min walk, leave 08:48", "no bus before 9". */
static void travel_words(const struct travel_answer *a, int arrive_by, char out[PLAN_FACT_LEN])
{
	char leave[8];

	if (!a->found) {
		travel_brief(a, arrive_by, out, PLAN_FACT_LEN);
		return;
	}
	travel_clock(a->depart, leave);
	set(out, "%d min %s, leave %s", a->minutes, a->walk_only ? "walk" : "by bus", leave);
}

static void start_words(const struct match_result *r, char out[PLAN_FACT_LEN])
{
	struct civil_date d;
	char day[16];

	switch (r ? r->availability : AVAILABLE_NOT_FOR_AGE) {
	case AVAILABLE_NOW:
		set(out, "you could start now");
		return;
	case AVAILABLE_FROM:
		date_parse(r->available_from, &d);
		date_short(d, day);
		set(out, "from %s", day);
		return;
	case AVAILABLE_AT_18:
		date_parse(r->available_from, &d);
		date_month_year(d, day);
		set(out, "at 18 (from %s)", day);
		return;
	default:
		set(out, "%s", r ? "not for your age" : PLAN_NOT_KNOWN);
	}
}

/* "3 open vacancies within 10 miles". */
static void demand_words(const struct match_profile *p, const struct links *k,
			 char out[PLAN_FACT_LEN])
{
	char within[40] = "";
	int count = k->vacancies;

	if (k->near)
		snprintf(within, sizeof(within), " within %g miles", p->radius);
	if (count == 0)
		set(out, "none%s right now", within);
	else
		set(out, "%d open %s%s", count, count == 1 ? "vacancy" : "vacancies", within);
}

struct standard_span {
	int count;
	double level_lo, level_hi;
	long long months_lo, months_hi;
};

static int open_to_starters(const char *status)
{
	return !status || (strcmp(status, "in development") != 0 &&
			   strcmp(status, "proposal in development") != 0 &&
			   strcmp(status, "approved") != 0 &&
			   strcmp(status, "retired") != 0 &&
			   strcmp(status, "closed to new starters") != 0);
}

static int span_standard(void *ctx, const struct store_option *o)
{
	struct standard_span *sp = ctx;

	if (!open_to_starters(o->status))
		return 0;
	if (!isnan(o->level)) {
		if (isnan(sp->level_lo) || o->level < sp->level_lo)
			sp->level_lo = o->level;
		if (isnan(sp->level_hi) || o->level > sp->level_hi)
			sp->level_hi = o->level;
	}
	if (o->duration_value != MODEL_NO_INT && o->duration_value > 0) {
		if (!sp->months_lo || o->duration_value < sp->months_lo)
			sp->months_lo = o->duration_value;
		if (o->duration_value > sp->months_hi)
			sp->months_hi = o->duration_value;
	}
	sp->count++;
	return 0;
}

static enum status career_facts(struct store *s, const struct match_profile *p,
				const struct option_copy *c, const struct store_text *t,
				const char *today, struct plan_facts *out)
{
	struct standard_span sp = { 0, NAN, NAN, 0, 0 };
	struct store_filter f;
	struct links k;
	struct strbuf sb;
	double value;
	long long year;
	int wider = 0, done;
	enum status rc;

	if ((rc = latest_figure(s, c->ref, "weekly_pay", &value, &year, &wider)) != STATUS_OK)
		return rc;
	if (year) {
		strbuf_init(&sb);
		pounds(&sb, value);
		set(out->pay_experienced, "about %s a week (%lld%s)", sb.buf, year,
		    wider ? ", similar jobs" : "");
		strbuf_done(&sb);
	}
	if ((rc = latest_figure(s, c->ref, "weekly_hours", &value, &year, NULL)) != STATUS_OK)
		return rc;
	if (year)
		set(out->hours, "about %.0f hours a week", value);
	if ((rc = growth_words(s, c->ref, p->today.year, out->growth, &done)) != STATUS_OK)
		return rc;

	blank_filter(&f);
	f.soc = c->ref;
	if ((rc = store_each_option(s, OPTION_APPRENTICESHIP, &f, span_standard, &sp)) !=
	    STATUS_OK)
		return rc;
	if (sp.count && !isnan(sp.level_lo)) {
		if (sp.level_lo == sp.level_hi)
			set(out->level, "an apprenticeship at Level %g", sp.level_lo);
		else
			set(out->level, "apprenticeships at Level %g to %g", sp.level_lo,
			    sp.level_hi);
	}
	if (sp.count && sp.months_lo) {
		if (sp.months_lo == sp.months_hi)
			set(out->qualify, "about %lld months as an apprentice", sp.months_lo);
		else
			set(out->qualify, "%lld to %lld months as an apprentice", sp.months_lo,
			    sp.months_hi);
	}
	if (sp.count)
		set(out->cost, "no fees as an apprentice");

	if ((rc = links_load(s, p, c, today, &k)) != STATUS_OK) {
		match_list_done(&k.list);
		return rc;
	}
	if (!isnan(k.pay_lo)) {
		strbuf_init(&sb);
		weekly_range(&sb, k.pay_lo, k.pay_hi);
		set(out->pay_start, "%s as an apprentice", sb.buf);
		strbuf_done(&sb);
	}
	distance_words(k.nearest, "way in", out->distance);
	if (k.start_now) {
		set(out->start, "a way in you could start now");
	} else if (k.has_soonest) {
		char day[16];

		date_short(k.soonest, day);
		set(out->start, "first way in from %s", day);
	}
	demand_words(p, &k, out->demand);
	set_entry(out->entry, t->entry, 0);
	match_list_done(&k.list);
	return STATUS_OK;
}

struct career_pay {
	struct store *s;
	double lo, hi;
	long long year;
	int this_year;
	char growth[PLAN_FACT_LEN];
	int has_growth;
	enum status rc;
};

static int career_of_standard(void *ctx, const struct store_option *o)
{
	struct career_pay *cp = ctx;
	double value;
	long long year;

	if ((cp->rc = latest_figure(cp->s, o->ref, "weekly_pay", &value, &year, NULL)) !=
	    STATUS_OK)
		return 1;
	if (year) {
		if (isnan(cp->lo) || value < cp->lo)
			cp->lo = value;
		if (isnan(cp->hi) || value > cp->hi)
			cp->hi = value;
		if (year > cp->year)
			cp->year = year;
	}
	if (!cp->has_growth)
		cp->rc = growth_words(cp->s, o->ref, cp->this_year, cp->growth, &cp->has_growth);
	return cp->rc != STATUS_OK;
}

static enum status standard_facts(struct store *s, const struct match_profile *p,
				  const struct option_copy *c, const char *today,
				  struct plan_facts *out)
{
	struct career_pay cp;
	struct store_filter f;
	struct links k;
	struct strbuf sb;
	enum status rc;

	say_level(c->o.level, out->level, sizeof(out->level));
	if (c->o.duration_value != MODEL_NO_INT && c->o.duration_value > 0)
		set(out->qualify, "about %lld months", c->o.duration_value);
	set(out->cost, "no fees - you earn a wage");

	memset(&cp, 0, sizeof(cp));
	cp.s = s;
	cp.lo = cp.hi = NAN;
	cp.this_year = p->today.year;
	blank_filter(&f);
	f.standard_id = c->o.id;
	if ((rc = store_each_option(s, OPTION_CAREER, &f, career_of_standard, &cp)) != STATUS_OK)
		return rc;
	if (cp.rc != STATUS_OK)
		return cp.rc;
	if (cp.year) {
		strbuf_init(&sb);
		weekly_range(&sb, cp.lo, cp.hi);
		set(out->pay_experienced, "about %s (%lld)", sb.buf, cp.year);
		strbuf_done(&sb);
	}
	if (cp.has_growth)
		set(out->growth, "%s", cp.growth);

	if ((rc = links_load(s, p, c, today, &k)) != STATUS_OK) {
		match_list_done(&k.list);
		return rc;
	}
	if (!isnan(k.pay_lo)) {
		strbuf_init(&sb);
		weekly_range(&sb, k.pay_lo, k.pay_hi);
		set(out->pay_start, "%s", sb.buf);
		strbuf_done(&sb);
	}
	if (!isnan(k.hours_lo)) {
		if (k.hours_lo == k.hours_hi)
			set(out->hours, "%g hours a week", k.hours_lo);
		else
			set(out->hours, "%g to %g hours a week", k.hours_lo, k.hours_hi);
	}
	if (k.vacancies)
		distance_words(k.nearest, "vacancy", out->distance);
	demand_words(p, &k, out->demand);
	match_list_done(&k.list);
	return STATUS_OK;
}

/* "£28,000 a year 15 months after (most between ...), 2021-23": the length before the detail. */
static size_t up_to_detail(const char *s)
{
	const char *at;

	if (!s)
		return 0;
	if ((at = strstr(s, " (")) != NULL || (at = strstr(s, ", ")) != NULL)
		return (size_t)(at - s);
	return strlen(s);
}

static void trim_end(char *s)
{
	size_t n = strlen(s);

	while (n && s[n - 1] == ' ')
		s[--n] = '\0';
}

static void course_facts(const struct option_copy *c, const struct store_text *t,
			 struct plan_facts *out)
{
	char words[64];

	set(out->pay_start, PLAN_NOT_APPLICABLE);
	set(out->pay_experienced, PLAN_NOT_APPLICABLE);
	/* University courses: what graduates earn (Discover Uni), up to the detail. */
	if (c->o.kind == OPTION_UNIVERSITY) {
		set(out->pay_start, "%.*s", (int)up_to_detail(t->earnings_start),
		    t->earnings_start ? t->earnings_start : "");
		set(out->pay_experienced, "%.*s", t->earnings_later ?
		    (int)strcspn(t->earnings_later, ";") : 0, t->earnings_later ?
		    t->earnings_later : "");
		trim_end(out->pay_start);
		trim_end(out->pay_experienced);
		if (!out->pay_start[0])
			set(out->pay_start, PLAN_NOT_KNOWN);
		if (!out->pay_experienced[0])
			set(out->pay_experienced, PLAN_NOT_KNOWN);
	}
	set(out->demand, PLAN_NOT_APPLICABLE);
	set(out->growth, PLAN_NOT_APPLICABLE);
	if (c->o.study_mode) {
		char *dash;

		snprintf(words, sizeof(words), "%s", c->o.study_mode);
		while ((dash = strchr(words, '-')) != NULL)
			*dash = ' ';
		if (t->note && *t->note)
			set(out->hours, "%s, %s", words, t->note);
		else
			set(out->hours, "%s", words);
	}
	say_level(c->o.level, out->level, sizeof(out->level));
	duration_words(c->o.duration_value, c->o.duration_unit, out->qualify,
		       sizeof(out->qualify));
	if (t->cost_text && format_width(t->cost_text) <= PLAN_FACT_SHORT)
		set(out->cost, "%s", t->cost_text);
	else if (c->o.cost_pence == 0)
		set(out->cost, "free");
	else if (c->o.cost_pence != MODEL_NO_INT) {
		struct strbuf sb;

		strbuf_init(&sb);
		format_money(&sb, c->o.cost_pence);
		set(out->cost, "%s", sb.buf);
		strbuf_done(&sb);
	} else if (t->cost_text)
		set(out->cost, "%s", t->cost_text);
	set_entry(out->entry, t->entry, 0);
}

static void vacancy_facts(const struct option_copy *c, const struct store_text *t,
			  const struct match_result *r, const char *today, struct plan_facts *out)
{
	double week = weekly_pay(c->o.wage_pence, c->o.wage_unit, c->o.hours);
	const char *unit = c->o.wage_unit ? c->o.wage_unit : "weekly";
	struct strbuf sb;
	char day[16], closes[16];

	strbuf_init(&sb);
	if (c->o.wage_pence != MODEL_NO_INT) {
		format_money(&sb, c->o.wage_pence);
		if (strcmp(unit, "weekly") == 0)
			set(out->pay_start, "%s a week", sb.buf);
		else if (!isnan(week)) {
			struct strbuf w;

			strbuf_init(&w);
			pounds(&w, week);
			set(out->pay_start, "about %s a week (%s %s)", w.buf, sb.buf,
			    strcmp(unit, "annually") == 0 ? "a year" :
			    strcmp(unit, "monthly") == 0 ? "a month" : "an hour");
			strbuf_done(&w);
		} else if (strcmp(unit, "hourly") == 0)
			set(out->pay_start, "%s an hour", sb.buf);
	} else if (t->wage_text) {
		set(out->pay_start, "%s", t->wage_text);
	}
	strbuf_done(&sb);
	if (!isnan(c->o.hours))
		set(out->hours, "%g hours a week", c->o.hours);
	else if (t->working_week)
		set(out->hours, "%s", t->working_week);
	say_level(c->o.level, out->level, sizeof(out->level));
	if (t->duration_text)
		set(out->qualify, "%s", t->duration_text);
	set(out->cost, "no fees - you earn a wage");
	set(out->demand, PLAN_NOT_APPLICABLE);

	say_date(c->o.closing_date, closes);
	if (c->o.closing_date && strcmp(c->o.closing_date, today) < 0) {
		set(out->start, "closed on %s", closes);
		return;
	}
	say_date(c->o.start_date, day);
	if (r && r->starts_too_early)
		set(out->start, "starts %s - too soon for you", day);
	else if (c->o.start_date && c->o.start_date[0] && c->o.closing_date)
		set(out->start, "%s (apply by %s)", day, closes);
	else if (c->o.start_date && c->o.start_date[0])
		set(out->start, "starts %s", day);
	else if (c->o.closing_date)
		set(out->start, "apply by %s", closes);
}

enum status plan_facts(struct store *s, const struct match_profile *p, enum option_kind kind,
		       long long id, struct plan_facts *out)
{
	struct option_copy c;
	struct store_text t;
	struct match_list self;
	const struct match_result *r = NULL;
	char today[11];
	enum status rc;
	int i;

	memset(out, 0, sizeof(*out));
	out->kind = kind;
	out->id = id;
	for (i = 0; i < PLAN_FACT_COUNT; i++)
		snprintf((char *)out + fact_offsets[i], PLAN_FACT_LEN, "%s", PLAN_NOT_KNOWN);
	if ((rc = load_option(s, kind, id, &c)) != STATUS_OK)
		return rc;
	if (!c.found)
		return STATUS_NOT_FOUND;
	snprintf(out->title, sizeof(out->title), "%s", c.title);
	where_words(&c, out->where, sizeof(out->where));
	what_words(&c, out->what);
	date_iso(p->today, today);
	if ((rc = store_option_text(s, kind, id, &t)) != STATUS_OK)
		return rc;
	memset(&self, 0, sizeof(self));
	if ((rc = match_self(s, p, &c, &self, &r)) != STATUS_OK) {
		store_text_done(&t);
		return rc;
	}
	if (kind != OPTION_CAREER) {
		start_words(r, out->start);
		distance_words(r ? r->distance : NAN, NULL, out->distance);
	}
	if (kind == OPTION_CAREER || kind == OPTION_APPRENTICESHIP)
		set(out->travel, PLAN_NOT_APPLICABLE);
	else if (r && r->travel.applies)
		travel_words(&r->travel, p->travel.arrive_by, out->travel);
	switch (kind) {
	case OPTION_CAREER:
		rc = career_facts(s, p, &c, &t, today, out);
		break;
	case OPTION_APPRENTICESHIP:
		if (!r && !open_to_starters(c.o.status))
			set(out->start, "not open to new starters");
		rc = standard_facts(s, p, &c, today, out);
		break;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		course_facts(&c, &t, out);
		break;
	case OPTION_VACANCY:
		vacancy_facts(&c, &t, r, today, out);
		set_entry(out->entry, t.qualifications, 1);
		break;
	case OPTION_SCHOOL:
		set(out->pay_start, PLAN_NOT_APPLICABLE);
		set(out->pay_experienced, PLAN_NOT_APPLICABLE);
		set(out->demand, PLAN_NOT_APPLICABLE);
		set(out->growth, PLAN_NOT_APPLICABLE);
		break;
	default:
		break;
	}
	match_list_done(&self);
	store_text_done(&t);
	return rc;
}
