/*
 * plan.c - comparison facts and the pupil's action plan.
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
 * The plan. plan_write() is one pass over the session: a few section
 * functions, each writing Markdown or HTML through the small set of
 * writers below (heading, field, list, table). Text that came from the
 * adviser or the data is only ever written through md_text() or
 * html_text(), which escape it; the fixed words around it are ours.
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

int plan_format_parse(const char *name, enum plan_format *out)
{
	if (strcmp(name, "md") == 0 || strcmp(name, "markdown") == 0)
		*out = PLAN_MARKDOWN;
	else if (strcmp(name, "html") == 0)
		*out = PLAN_HTML;
	else
		return -1;
	return 0;
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

static void level_words(double level, char *out, size_t len)
{
	static const char *const words[] = {
		"Entry level (a first step)", "Level 1 (like GCSEs at 3 to 1)",
		"Level 2 (like GCSEs at 9 to 4)", "Level 3 (like A levels)",
		"Level 4 (higher technical)", "Level 5 (higher technical)",
		"Level 6 (like a degree)", "Level 7 (like a master's degree)",
		"Level 8 (like a doctorate)",
	};

	if (isnan(level))
		snprintf(out, len, "%s", PLAN_NOT_KNOWN);
	else if (level == 1.5)
		snprintf(out, len, "Level 1 or 2 (like GCSEs)");
	else if (level >= 0 && level <= 8 && level == floor(level))
		snprintf(out, len, "%s", words[(int)level]);
	else
		snprintf(out, len, "Level %g", level);
}

static void short_date(const char *iso, char out[16])
{
	struct civil_date d;

	if (iso && date_parse(iso, &d))
		date_short(d, out);
	else
		snprintf(out, 16, "%s", iso ? iso : "");
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

	level_words(c->o.level, out->level, sizeof(out->level));
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
	level_words(c->o.level, out->level, sizeof(out->level));
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
	level_words(c->o.level, out->level, sizeof(out->level));
	if (t->duration_text)
		set(out->qualify, "%s", t->duration_text);
	set(out->cost, "no fees - you earn a wage");
	set(out->demand, PLAN_NOT_APPLICABLE);

	short_date(c->o.closing_date, closes);
	if (c->o.closing_date && strcmp(c->o.closing_date, today) < 0) {
		set(out->start, "closed on %s", closes);
		return;
	}
	short_date(c->o.start_date, day);
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

/* --- writing: escaping ---------------------------------------------------------------- */

struct writer {
	enum plan_format format;
	struct strbuf *out;
};

/*
 * Markdown text: markup characters are backslash-escaped; a line break
 * becomes `newline` (a space in a table cell, a hard break in a list
 * item), and the start of each following line - and of the first, when
 * line_start is set - is made safe: no list, heading or code block can
 * begin there.
 */
static void md_text(struct strbuf *out, const char *s, const char *newline, int line_start)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '\r')
			continue;
		if (c == '\n') {
			while (s[1] == '\n' || s[1] == '\r')
				s++;
			if (s[1])
				strbuf_puts(out, newline);
			line_start = 1;
			continue;
		}
		if (c == '\t' || c < 0x20 || c == 0x7f)
			c = ' ';
		if (line_start) {
			size_t n = strspn(s, "0123456789");

			if (c == ' ')
				continue;
			line_start = 0;
			if (strchr("=~", c) || (strchr("-+", c) && (s[1] == ' ' || !s[1]))) {
				strbuf_putc(out, '\\');
			} else if (n && (s[n] == '.' || s[n] == ')') && (s[n + 1] == ' ' || !s[n + 1])) {
				/* "1. " would start a numbered list. */
				strbuf_add(out, s, n);
				strbuf_putc(out, '\\');
				s += n;
				c = (unsigned char)*s;
			}
		}
		if (strchr("\\`*_[]<>|#", c))
			strbuf_putc(out, '\\');
		else if (c == '&' && (isalpha((unsigned char)s[1]) || s[1] == '#'))
			strbuf_putc(out, '\\');
		strbuf_putc(out, (char)c);
	}
}

/* HTML text (also safe inside a quoted attribute); line breaks as <br> or spaces. */
static void html_text(struct strbuf *out, const char *s, int breaks)
{
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;

		switch (c) {
		case '&': strbuf_puts(out, "&amp;"); break;
		case '<': strbuf_puts(out, "&lt;"); break;
		case '>': strbuf_puts(out, "&gt;"); break;
		case '"': strbuf_puts(out, "&quot;"); break;
		case '\'': strbuf_puts(out, "&#39;"); break;
		case '\r': break;
		case '\n':
			strbuf_puts(out, breaks ? "<br>\n" : " ");
			break;
		default:
			strbuf_putc(out, c < 0x20 || c == 0x7f ? ' ' : (char)c);
		}
	}
}

/* Text in running prose or a list item, after other words on its line. */
static void text(struct writer *w, const char *s)
{
	if (w->format == PLAN_HTML)
		html_text(w->out, s, 1);
	else
		md_text(w->out, s, "  \n  ", 0);
}

/* The same at the start of a line (of a paragraph or a list item). */
static void text_first(struct writer *w, const char *s)
{
	if (w->format == PLAN_HTML)
		html_text(w->out, s, 1);
	else
		md_text(w->out, s, "  \n  ", 1);
}

/* Text in a table cell. */
static void cell(struct writer *w, const char *s)
{
	if (w->format == PLAN_HTML)
		html_text(w->out, s, 1);
	else
		md_text(w->out, s, " ", 0);
}

static void heading(struct writer *w, int level, const char *s)
{
	if (w->format == PLAN_HTML) {
		strbuf_printf(w->out, "<h%d>", level);
		html_text(w->out, s, 0);
		strbuf_printf(w->out, "</h%d>\n", level);
	} else {
		strbuf_printf(w->out, "%s%.*s ", w->out->len ? "\n" : "", level, "######");
		md_text(w->out, s, " ", 0);
		strbuf_puts(w->out, "\n\n");
	}
}

static void para(struct writer *w, const char *s)
{
	if (w->format == PLAN_HTML) {
		strbuf_puts(w->out, "<p>");
		text(w, s);
		strbuf_puts(w->out, "</p>\n");
	} else {
		text_first(w, s);
		strbuf_puts(w->out, "\n\n");
	}
}

/* A boxed warning: sample data, data changed since the session. */
static void notice(struct writer *w, const char *s)
{
	if (w->format == PLAN_HTML) {
		strbuf_puts(w->out, "<p class=\"notice\"><strong>");
		text(w, s);
		strbuf_puts(w->out, "</strong></p>\n");
	} else {
		strbuf_puts(w->out, "> **");
		md_text(w->out, s, " ", 0);
		strbuf_puts(w->out, "**\n\n");
	}
}

static void list_begin(struct writer *w, const char *class)
{
	if (w->format == PLAN_HTML)
		strbuf_printf(w->out, "<ul class=\"%s\">\n", class);
}

static void list_end(struct writer *w)
{
	if (w->format == PLAN_HTML)
		strbuf_puts(w->out, "</ul>\n");
	else
		strbuf_putc(w->out, '\n');
}

static void item_begin(struct writer *w)
{
	strbuf_puts(w->out, w->format == PLAN_HTML ? "<li>" : "- ");
}

static void item_end(struct writer *w)
{
	strbuf_puts(w->out, w->format == PLAN_HTML ? "</li>\n" : "\n");
}

/* "Label:" in bold, then a space unless a list follows. */
static void label_only(struct writer *w, const char *s)
{
	if (w->format == PLAN_HTML) {
		strbuf_puts(w->out, "<strong>");
		html_text(w->out, s, 0);
		strbuf_puts(w->out, ":</strong>");
	} else {
		strbuf_puts(w->out, "**");
		md_text(w->out, s, " ", 0);
		strbuf_puts(w->out, ":**");
	}
}

static void label(struct writer *w, const char *s)
{
	label_only(w, s);
	strbuf_putc(w->out, ' ');
}

/* A list item "Label: value". */
static void field(struct writer *w, const char *name, const char *value)
{
	item_begin(w);
	label(w, name);
	text(w, value);
	item_end(w);
}

/* A web address the pupil can follow: http(s) and nothing that could break out. */
static int safe_url(const char *url)
{
	const char *p;

	if (!url || (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0))
		return 0;
	for (p = url; *p; p++)
		if ((unsigned char)*p <= ' ' || strchr("<>\"'`\\", *p) || (unsigned char)*p >= 0x7f)
			return 0;
	return 1;
}

static void link(struct writer *w, const char *url)
{
	if (w->format == PLAN_HTML) {
		strbuf_puts(w->out, "<a href=\"");
		html_text(w->out, url, 0);
		strbuf_puts(w->out, "\">");
		html_text(w->out, url, 0);
		strbuf_puts(w->out, "</a>");
	} else {
		strbuf_printf(w->out, "<%s>", url);
	}
}

/*
 * A table: header cells, then rows. In HTML each data cell carries its
 * column's header as data-label, which the narrow-screen CSS shows above
 * the value when the table stacks.
 */
struct table {
	const char *const *head;
	int columns;
	int row_heads;		/* the first cell of each row is a header */
};

static void table_begin(struct writer *w, const struct table *t, const char *class)
{
	int i;

	if (w->format == PLAN_HTML) {
		strbuf_printf(w->out, "<table class=\"stack %s\">\n<thead><tr>", class);
		for (i = 0; i < t->columns; i++) {
			strbuf_puts(w->out, "<th scope=\"col\">");
			html_text(w->out, t->head[i], 0);
			strbuf_puts(w->out, "</th>");
		}
		strbuf_puts(w->out, "</tr></thead>\n<tbody>\n");
		return;
	}
	for (i = 0; i < t->columns; i++) {
		strbuf_puts(w->out, "| ");
		cell(w, t->head[i]);
		strbuf_puts(w->out, " ");
	}
	strbuf_puts(w->out, "|\n");
	for (i = 0; i < t->columns; i++)
		strbuf_puts(w->out, "|---");
	strbuf_puts(w->out, "|\n");
}

static void table_row(struct writer *w, const struct table *t, const char *const *cells)
{
	int i;

	if (w->format == PLAN_MARKDOWN) {
		for (i = 0; i < t->columns; i++) {
			strbuf_puts(w->out, i == 0 && t->row_heads ? "| **" : "| ");
			cell(w, cells[i]);
			strbuf_puts(w->out, i == 0 && t->row_heads ? "** " : " ");
		}
		strbuf_puts(w->out, "|\n");
		return;
	}
	strbuf_puts(w->out, "<tr>");
	for (i = 0; i < t->columns; i++) {
		if (i == 0 && t->row_heads) {
			strbuf_puts(w->out, "<th scope=\"row\">");
			cell(w, cells[i]);
			strbuf_puts(w->out, "</th>");
			continue;
		}
		strbuf_puts(w->out, "<td data-label=\"");
		html_text(w->out, t->head[i], 0);
		strbuf_puts(w->out, "\">");
		cell(w, cells[i]);
		strbuf_puts(w->out, "</td>");
	}
	strbuf_puts(w->out, "</tr>\n");
}

static void table_end(struct writer *w)
{
	strbuf_puts(w->out, w->format == PLAN_HTML ? "</tbody>\n</table>\n" : "\n");
}

/* --- writing: the sections ---------------------------------------------------------------- */

static const char html_head[] =
	"<!DOCTYPE html>\n"
	"<html lang=\"en-GB\">\n"
	"<head>\n"
	"<meta charset=\"utf-8\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
	"style-src 'unsafe-inline'\">\n"
	"<title>Your careers action plan</title>\n"
	"<style>\n"
	"body { margin: 0; background: #fff; color: #1a202c; line-height: 1.5;\n"
	"  font-family: system-ui, -apple-system, \"Segoe UI\", Roboto, Arial, sans-serif; }\n"
	"main { max-width: 56rem; margin: 0 auto; padding: 1rem; }\n"
	"h1 { font-size: 1.8rem; margin: 0.5rem 0 1rem; }\n"
	"h2 { font-size: 1.35rem; margin: 2rem 0 0.6rem; padding-bottom: 0.2rem;\n"
	"  border-bottom: 2px solid #2b6cb0; }\n"
	"h3 { font-size: 1.1rem; margin: 1.2rem 0 0.3rem; }\n"
	"ul { padding-left: 1.3rem; }\n"
	"ul.fields { list-style: none; padding-left: 0; }\n"
	"li { margin: 0.15rem 0; }\n"
	".notice { border-left: 5px solid #c05621; background: #fffaf0; padding: 0.5rem 0.8rem; }\n"
	"table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; }\n"
	"th, td { border: 1px solid #cbd5e0; padding: 0.4rem 0.5rem; text-align: left;\n"
	"  vertical-align: top; }\n"
	"thead th { background: #ebf4ff; }\n"
	"tbody th { background: #f7fafc; }\n"
	"a { color: #2b6cb0; overflow-wrap: anywhere; }\n"
	"@media screen and (max-width: 40rem) {\n"
	"  main { padding: 0.6rem; }\n"
	"  table.stack thead { display: none; }\n"
	"  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td {\n"
	"    display: block; width: auto; }\n"
	"  table.stack tr { margin-bottom: 0.8rem; border: 1px solid #cbd5e0; }\n"
	"  table.stack th, table.stack td { border: 0; border-top: 1px solid #e2e8f0; }\n"
	"  table.stack tr > :first-child { border-top: 0; }\n"
	"  table.stack td::before { content: attr(data-label); display: block;\n"
	"    font-size: 0.85rem; font-weight: 600; color: #4a5568; }\n"
	"}\n"
	"@media print {\n"
	"  body { font-size: 10.5pt; color: #000; }\n"
	"  main { max-width: none; padding: 0; }\n"
	"  h2 { break-after: avoid; page-break-after: avoid; }\n"
	"  tr, li, .option { break-inside: avoid; page-break-inside: avoid; }\n"
	"  thead th, tbody th { background: none; }\n"
	"  .notice { border: 1px solid #000; background: none; }\n"
	"  a { color: #000; text-decoration: none; }\n"
	"}\n"
	"</style>\n"
	"</head>\n"
	"<body>\n"
	"<main>\n";

/* "30 Nov 2026" from "YYYY-MM-DD HH:MM"; with the time when `with_time`. */
static void stamp_words(const char *stamp, int with_time, char *out, size_t len)
{
	char iso[11], day[16];
	struct civil_date d;

	snprintf(iso, sizeof(iso), "%.10s", stamp);
	if (!date_parse(iso, &d)) {
		snprintf(out, len, "%s", stamp);
		return;
	}
	date_short(d, day);
	if (with_time && strlen(stamp) >= 16)
		snprintf(out, len, "%s at %.5s", day, stamp + 11);
	else
		snprintf(out, len, "%s", day);
}

struct source_state {
	int samples;
};

static int note_sample(void *ctx, const struct store_source_info *info)
{
	struct source_state *st = ctx;

	st->samples |= info->is_sample;
	return 0;
}

static enum status write_top(struct store *s, struct writer *w, const struct advice *a,
			     char *err, size_t errlen)
{
	struct source_state st = { 0 };
	struct strbuf sb;
	char made[40], changed[40];
	enum status rc;

	if (w->format == PLAN_HTML)
		strbuf_puts(w->out, html_head);
	heading(w, 1, "Your careers action plan");
	strbuf_init(&sb);
	list_begin(w, "fields");
	field(w, "For", a->pupil[0] ? a->pupil : "(no name given)");
	stamp_words(a->created, 0, made, sizeof(made));
	stamp_words(a->updated, 0, changed, sizeof(changed));
	if (a->id)
		strbuf_printf(&sb, "%s (session %lld)", made[0] ? made : "not saved yet", a->id);
	else
		strbuf_printf(&sb, "%s", made[0] ? made : "not saved yet");
	field(w, "Session with your adviser", sb.buf);
	if (changed[0] && strcmp(changed, made) != 0)
		field(w, "Last changed", changed);
	list_end(w);
	strbuf_done(&sb);

	if ((rc = store_each_source(s, note_sample, &st)) != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		return rc;
	}
	if (st.samples)
		notice(w, "Some of the information in this plan is SAMPLE data, made up to try out "
			  "the careers program. It is not real: do not use it to make decisions.");
	if (a->data_fingerprint && a->data_fingerprint != store_fingerprint(s))
		notice(w, "The careers information has been updated since this plan was started, "
			  "so some details may be different from what you saw in your session.");
	return STATUS_OK;
}

static void write_about(struct store *s, struct writer *w, const struct match_profile *p)
{
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	size_t count = match_interests(s, all, sizeof(all) / sizeof(all[0])), i;
	struct learner_stage st;
	struct strbuf sb;
	char words[80];
	int k, j;

	heading(w, 2, "About you");
	list_begin(w, "fields");
	strbuf_init(&sb);
	if (schoolyear_stage(p->school_year, p->age, p->today, &st) == STATUS_OK) {
		if (p->school_year)
			schoolyear_describe(&st, words, sizeof(words));
		else
			snprintf(words, sizeof(words), "%d (you have left school)", p->age);
		field(w, p->school_year ? "School year" : "Age", words);
	}
	for (k = 0; k < p->interest_count; k++)
		for (i = 0; i < count; i++)
			if (all[i].id == p->interests[k])
				strbuf_printf(&sb, "%s%s", sb.len ? ", " : "", all[i].name);
	field(w, "What you are interested in", sb.len ? sb.buf : "nothing picked yet");
	if (p->has_riasec) {
		int used[6] = { 0 };

		strbuf_reset(&sb);
		strbuf_puts(&sb, "you like ");
		for (j = 0; j < 3; j++) {
			int best = -1;

			for (k = 0; k < 6; k++)
				if (!used[k] && p->riasec[k] > 0 && (best < 0 ||
				    p->riasec[k] > p->riasec[best]))
					best = k;
			if (best < 0)
				break;
			used[best] = 1;
			strbuf_printf(&sb, "%s%s", j ? "; " : "", match_riasec_words(best));
		}
		field(w, "Your quiz answers", sb.buf);
	}
	strbuf_reset(&sb);
	if (p->place[0]) {
		strbuf_printf(&sb, "near %.*s", (int)strcspn(p->place, " "), p->place);
		if (p->travel.mode == TRAVEL_BUS && p->travel.within_minutes)
			strbuf_printf(&sb, ", up to %d minutes away by bus", p->travel.within_minutes);
		else if (p->radius > 0)
			strbuf_printf(&sb, ", up to %g miles away", p->radius);
		else
			strbuf_puts(&sb, ", any distance away");
	} else {
		strbuf_puts(&sb, "no postcode given, so options anywhere");
	}
	field(w, "Where", sb.buf);
	if (!isnan(p->level)) {
		level_words(p->level, words, sizeof(words));
		field(w, "Only this level", words);
	}
	if (p->text[0])
		field(w, "Words searched for", p->text);
	list_end(w);
	strbuf_done(&sb);
}

/* A reason with the pupil's full postcode put in words. */
static void reason_words(const struct match_profile *p, const char *reason, struct strbuf *out)
{
	const char *hit;
	char from[16];

	strbuf_reset(out);
	snprintf(from, sizeof(from), "from %s", p->place);
	if (p->place_is_full && p->place[0] && (hit = strstr(reason, from)) != NULL) {
		strbuf_add(out, reason, (size_t)(hit - reason));
		strbuf_puts(out, "from your postcode");
		strbuf_puts(out, hit + strlen(from));
	} else {
		strbuf_puts(out, reason);
	}
}

static const struct match_result *find_result(const struct match_list *l, enum option_kind kind,
					      long long id)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		if (l->results[i].kind == kind && l->results[i].id == id)
			return &l->results[i];
	return NULL;
}

static void write_option(struct writer *w, const struct match_profile *p, int n,
			 const struct advice_item *item, const struct plan_facts *f, int found,
			 const struct match_result *r)
{
	struct strbuf sb;
	int i;

	strbuf_init(&sb);
	strbuf_printf(&sb, "%d. %s", n, found ? f->title : item->title);
	if (w->format == PLAN_HTML)
		strbuf_puts(w->out, "<section class=\"option\">\n");
	heading(w, 3, sb.buf);
	if (!found) {
		strbuf_reset(&sb);
		strbuf_printf(&sb, "This %s is no longer in the careers information, so there is "
			      "nothing more to say about it. Ask your adviser what else is like it.",
			      match_kind_words(item->kind));
		para(w, sb.buf);
		if (w->format == PLAN_HTML)
			strbuf_puts(w->out, "</section>\n");
		strbuf_done(&sb);
		return;
	}
	list_begin(w, "fields");
	field(w, "What it is", f->what);
	strbuf_reset(&sb);
	if (item->kind == OPTION_APPRENTICESHIP) {
		strbuf_printf(&sb, "with an employer (%s)", f->demand);
		field(w, "Where", sb.buf);
	} else if (item->kind != OPTION_CAREER && f->where[0]) {
		strbuf_puts(&sb, f->where);
		if (strcmp(f->distance, PLAN_NOT_KNOWN) != 0)
			strbuf_printf(&sb, " (%s)", f->distance);
		field(w, "Where", sb.buf);
	}
	if (strcmp(f->travel, PLAN_NOT_KNOWN) != 0 && strcmp(f->travel, PLAN_NOT_APPLICABLE) != 0)
		field(w, "Getting there", f->travel);
	field(w, "When you could start", f->start);
	item_begin(w);
	label_only(w, "Why it was suggested");
	if (!r || !r->reason_count) {
		strbuf_putc(w->out, ' ');
		text(w, r ? "it is one of the options for your search" :
		     "it does not come up in your search now. It may have been found with a "
		     "different search, or the information about it has changed since.");
		item_end(w);
	} else {
		struct strbuf reason;

		strbuf_init(&reason);
		strbuf_puts(w->out, w->format == PLAN_HTML ? "\n<ul>\n" : "\n");
		for (i = 0; i < r->reason_count; i++) {
			reason_words(p, r->reasons[i], &reason);
			strbuf_puts(w->out, w->format == PLAN_HTML ? "<li>" : "  - ");
			text(w, reason.buf);
			strbuf_puts(w->out, w->format == PLAN_HTML ? "</li>\n" : "\n");
		}
		strbuf_puts(w->out, w->format == PLAN_HTML ? "</ul></li>\n" : "");
		strbuf_done(&reason);
	}
	if (r && safe_url(r->url)) {
		item_begin(w);
		label(w, "Find out more");
		link(w, r->url);
		item_end(w);
	}
	list_end(w);
	if (w->format == PLAN_HTML)
		strbuf_puts(w->out, "</section>\n");
	strbuf_done(&sb);
}

static enum status write_shortlist(struct store *s, struct writer *w, const struct advice *a,
				   int count, const struct plan_facts *facts, const int *found,
				   char *err, size_t errlen)
{
	struct match_profile q = a->profile;
	struct match_exclusion picked[ADVICE_ITEMS_MAX];
	struct match_list list;
	enum status rc;
	int i;

	heading(w, 2, "Your shortlist");
	if (!count) {
		para(w, "Nothing is on your shortlist yet.");
		return STATUS_OK;
	}
	/* Why each was suggested: the pupil's answers, nothing hidden, at any distance. */
	q.show_not_for_age = 1;
	q.kinds = 0;
	q.excluded_count = 0;
	q.radius = MATCH_ANYWHERE;
	q.travel.within_minutes = 0;
	for (i = 0; i < count && i < ADVICE_ITEMS_MAX; i++) {
		picked[i].kind = a->items[i].kind;
		picked[i].id = a->items[i].id;
	}
	rc = match_these(s, &q, picked, i, &list, err, errlen);
	if (rc == STATUS_INVALID || rc == STATUS_NOT_FOUND) {
		match_list_done(&list);
		memset(&list, 0, sizeof(list));
	} else if (rc != STATUS_OK) {
		match_list_done(&list);
		return rc;
	}
	para(w, "These are the options you picked, and why each one came up.");
	for (i = 0; i < count; i++) {
		const struct advice_item *item = &a->items[i];

		write_option(w, &a->profile, i + 1, item, &facts[i], found[i],
			     find_result(&list, item->kind, item->id));
	}
	match_list_done(&list);
	return STATUS_OK;
}

static void write_compare(struct writer *w, const struct advice *a, int count,
			  const struct plan_facts *facts, const int *found)
{
	const char *head[ADVICE_COMPARE_MAX + 1], *cells[ADVICE_COMPARE_MAX + 1];
	int pick[ADVICE_COMPARE_MAX], n = 0, i, f;
	struct table t;

	heading(w, 2, "Comparing your options");
	for (i = 0; i < count && n < ADVICE_COMPARE_MAX; i++)
		if (a->items[i].compare && found[i])
			pick[n++] = i;
	if (!n) {
		para(w, "You did not pick any options to compare side by side.");
		return;
	}
	para(w, "The same facts for each option you picked, side by side. \"Not known\" means "
		"the information does not say.");
	head[0] = "";
	for (i = 0; i < n; i++)
		head[i + 1] = facts[pick[i]].title;
	t.head = head;
	t.columns = n + 1;
	t.row_heads = 1;
	table_begin(w, &t, "compare");
	for (f = 0; f < PLAN_FACT_COUNT; f++) {
		cells[0] = plan_fact_label((enum plan_fact)f);
		for (i = 0; i < n; i++)
			cells[i + 1] = plan_fact_text(&facts[pick[i]], (enum plan_fact)f);
		table_row(w, &t, cells);
	}
	table_end(w);
}

static void write_notes(struct writer *w, const struct advice *a)
{
	int count = a->note_count > ADVICE_NOTES_MAX ? ADVICE_NOTES_MAX : a->note_count, i;
	char when[40];

	heading(w, 2, "Notes");
	if (count <= 0) {
		para(w, "No notes were written.");
		return;
	}
	list_begin(w, "notes");
	for (i = 0; i < count; i++) {
		item_begin(w);
		stamp_words(a->notes[i].written, 1, when, sizeof(when));
		if (when[0]) {
			label(w, when);
			text(w, a->notes[i].text);
		} else {
			text_first(w, a->notes[i].text);
		}
		item_end(w);
	}
	list_end(w);
}

static void write_actions(struct writer *w, const struct advice *a)
{
	static const char *const head[] = { "What", "Who", "By when", "Status" };
	const char *cells[4];
	char due[16];
	struct table t = { head, 4, 0 };
	int count = a->action_count > ADVICE_ACTIONS_MAX ? ADVICE_ACTIONS_MAX : a->action_count, i;

	heading(w, 2, "What we agreed");
	if (count <= 0) {
		para(w, "Nothing was agreed yet.");
		return;
	}
	table_begin(w, &t, "actions");
	for (i = 0; i < count; i++) {
		const struct advice_action *act = &a->actions[i];

		cells[0] = act->text;
		cells[1] = act->owner == OWNER_PUPIL ? "You" : "Your adviser";
		if (act->due[0])
			short_date(act->due, due);
		cells[2] = act->due[0] ? due : "no date";
		cells[3] = advice_status_word(act->status);
		table_row(w, &t, cells);
	}
	table_end(w);
}

/* --- where it comes from ----------------------------------------------------------------- */

struct source_group {
	char *format, *title, *licence, *attribution;
	int files, is_sample, licence_number;
	char first[11], last[11];	/* data dates, "" when none */
};

struct source_groups {
	struct source_group *all;
	int count, alloc;
};

static int same(const char *a, const char *b)
{
	return strcmp(a ? a : "", b ? b : "") == 0;
}

static int group_source(void *ctx, const struct store_source_info *info)
{
	struct source_groups *gs = ctx;
	struct source_group *g = NULL;
	char day[11] = "";
	int i;

	for (i = 0; i < gs->count && !g; i++)
		if (same(gs->all[i].format, info->format) && same(gs->all[i].licence, info->licence) &&
		    same(gs->all[i].attribution, info->attribution) &&
		    gs->all[i].is_sample == info->is_sample)
			g = &gs->all[i];
	if (!g) {
		if (gs->count == gs->alloc) {
			gs->alloc = gs->alloc ? gs->alloc * 2 : 16;
			gs->all = xrealloc(gs->all, (size_t)gs->alloc * sizeof(*gs->all));
		}
		g = &gs->all[gs->count++];
		memset(g, 0, sizeof(*g));
		g->format = xstrdup(info->format ? info->format : "");
		g->title = xstrdup(info->format_title ? info->format_title : info->format ?
				   info->format : "");
		g->licence = xstrdup(info->licence ? info->licence : "");
		g->attribution = xstrdup(info->attribution ? info->attribution : "");
		g->is_sample = info->is_sample;
	}
	g->files++;
	/* The data's own date, else the day it was added to the store. */
	snprintf(day, sizeof(day), "%.10s", info->data_date ? info->data_date :
		 info->imported_at ? info->imported_at : "");
	if (day[0] && (!g->first[0] || strcmp(day, g->first) < 0))
		memcpy(g->first, day, sizeof(day));
	if (day[0] && strcmp(day, g->last) > 0)
		memcpy(g->last, day, sizeof(day));
	return 0;
}

static int by_title(const void *pa, const void *pb)
{
	const struct source_group *a = pa, *b = pb;
	int c = strcmp(a->title, b->title);

	return c ? c : strcmp(a->format, b->format);
}

static enum status write_sources(struct store *s, struct writer *w, char *err, size_t errlen)
{
	struct source_groups gs = { NULL, 0, 0 };
	struct strbuf sb;
	char d1[16], d2[16];
	enum status rc;
	int i, j, licences = 0, samples = 0;

	heading(w, 2, "Where this information comes from");
	if ((rc = store_each_source(s, group_source, &gs)) != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		goto done;
	}
	if (gs.count)
		qsort(gs.all, (size_t)gs.count, sizeof(*gs.all), by_title);
	for (i = 0; i < gs.count; i++) {
		samples |= gs.all[i].is_sample;
		for (j = 0; j < i && !gs.all[i].licence_number; j++)
			if (same(gs.all[j].licence, gs.all[i].licence) &&
			    same(gs.all[j].attribution, gs.all[i].attribution))
				gs.all[i].licence_number = gs.all[j].licence_number;
		if (!gs.all[i].licence_number)
			gs.all[i].licence_number = ++licences;
	}
	if (!gs.count) {
		para(w, "The careers information has no files in it.");
		goto done;
	}
	para(w, "The options, dates, pay and job figures in this plan come from these public "
		"data files. Each one is shared under the licence named by its number below.");
	if (samples)
		notice(w, "Files marked SAMPLE were made up to try out the careers program. They "
			  "are not real courses, jobs, pay or figures.");
	strbuf_init(&sb);
	list_begin(w, "sources");
	for (i = 0; i < gs.count; i++) {
		const struct source_group *g = &gs.all[i];

		strbuf_reset(&sb);
		strbuf_printf(&sb, "%d file%s", g->files, g->files == 1 ? "" : "s");
		short_date(g->first, d1);
		short_date(g->last, d2);
		if (g->first[0] && strcmp(g->first, g->last) != 0)
			strbuf_printf(&sb, ", dated %s to %s", d1, d2);
		else if (g->first[0])
			strbuf_printf(&sb, ", dated %s", d1);
		if (g->is_sample)
			strbuf_puts(&sb, ". SAMPLE - not real");
		strbuf_printf(&sb, ". Licence %d.", g->licence_number);
		item_begin(w);
		label(w, g->title);
		text(w, sb.buf);
		item_end(w);
	}
	list_end(w);
	heading(w, 3, "Licences");
	for (j = 1; j <= licences; j++)
		for (i = 0; i < gs.count; i++)
			if (gs.all[i].licence_number == j) {
				strbuf_reset(&sb);
				strbuf_printf(&sb, "Licence %d", j);
				if (w->format == PLAN_HTML)
					strbuf_puts(w->out, "<p>");
				label(w, sb.buf);
				text(w, gs.all[i].licence[0] ? gs.all[i].licence : "not given");
				if (gs.all[i].attribution[0]) {
					strbuf_puts(w->out, w->format == PLAN_HTML ? "<br>\n" : "  \n");
					text(w, gs.all[i].attribution);
				}
				strbuf_puts(w->out, w->format == PLAN_HTML ? "</p>\n" : "\n\n");
				break;
			}
	strbuf_done(&sb);
	rc = STATUS_OK;
done:
	for (i = 0; i < gs.count; i++) {
		free(gs.all[i].format);
		free(gs.all[i].title);
		free(gs.all[i].licence);
		free(gs.all[i].attribution);
	}
	free(gs.all);
	return rc;
}

enum status plan_write(struct store *s, const struct advice *a, enum plan_format format,
		       struct strbuf *out, char *err, size_t errlen)
{
	struct writer w = { format, out };
	struct plan_facts *facts = xcalloc(ADVICE_ITEMS_MAX, sizeof(*facts));
	int found[ADVICE_ITEMS_MAX] = { 0 }, i, count = a->item_count;
	enum status rc = STATUS_OK;
	struct advice *pupil = xmalloc(sizeof(*pupil));

	/*
	 * The plan is the pupil's: their answers and shortlist, not the
	 * adviser's last search (its words, kinds and level are dropped).
	 */
	*pupil = *a;
	pupil->profile.text[0] = '\0';
	pupil->profile.kinds = 0;
	pupil->profile.level = NAN;
	a = pupil;
	err[0] = '\0';
	if (count < 0 || count > ADVICE_ITEMS_MAX)
		count = count < 0 ? 0 : ADVICE_ITEMS_MAX;
	for (i = 0; i < count && rc == STATUS_OK; i++) {
		rc = plan_facts(s, &a->profile, a->items[i].kind, a->items[i].id, &facts[i]);
		found[i] = rc == STATUS_OK;
		if (rc == STATUS_NOT_FOUND)
			rc = STATUS_OK;
	}
	if (rc != STATUS_OK)
		snprintf(err, errlen, "%s", store_errmsg(s));
	if (rc == STATUS_OK)
		rc = write_top(s, &w, a, err, errlen);
	if (rc == STATUS_OK) {
		write_about(s, &w, &a->profile);
		rc = write_shortlist(s, &w, a, count, facts, found, err, errlen);
		if (rc == STATUS_OK) {
			write_compare(&w, a, count, facts, found);
			write_notes(&w, a);
			write_actions(&w, a);
			rc = write_sources(s, &w, err, errlen);
		}
	}
	if (rc == STATUS_OK && format == PLAN_HTML)
		strbuf_puts(out, "</main>\n</body>\n</html>\n");
	free(facts);
	free(pupil);
	return rc;
}
