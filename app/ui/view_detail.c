/*
 * view_detail.c - everything about one option, and what it links to.
 *
 * The page is built once, on open, as a list of blocks (headings,
 * paragraphs, label/value pairs, charts, links); draw() lays the blocks
 * out for the current width, so resizing just reflows. Links - the ways
 * into a career, the vacancies of an apprenticeship, the careers a course
 * leads to - are one key (Enter) or one tap away.
 */
#include <ctype.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "glossary.h"
#include "say.h"
#include "ui.h"

enum block_kind { BLOCK_HEADING, BLOCK_TEXT, BLOCK_PAIR, BLOCK_CHART, BLOCK_LINK, BLOCK_GAP };

#define CHART_MAX 24

struct block {
	enum block_kind kind;
	char *label, *text;
	double values[CHART_MAX];
	int value_count;
	int link;		/* index into links */
};

struct link {
	enum option_kind kind;
	long long id;
};

struct detail {
	struct block *blocks;
	int count, alloc;
	struct link *links;
	int link_count, link_alloc;
	char title[160];
	/* laid out for `width`: line -> block, and the line's text */
	int width;
	char **lines;
	int *line_block;
	enum paint *line_paint;
	int line_count;
};

static const enum key_mode modes[] = { MODE_RESULTS, MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action footer[] = {
	ACTION_SHORTLIST_ADD, ACTION_BACK, ACTION_PAGE_DOWN, ACTION_SHORTLIST, ACTION_TAKE_AWAY,
	ACTION_SELECT, ACTION_HELP, ACTION_NONE
};

static struct block *add(struct detail *d, enum block_kind kind, const char *label,
			 const char *text)
{
	struct block *b;

	if (d->count == d->alloc) {
		d->alloc = d->alloc ? d->alloc * 2 : 32;
		d->blocks = xrealloc(d->blocks, (size_t)d->alloc * sizeof(*d->blocks));
	}
	b = &d->blocks[d->count++];
	memset(b, 0, sizeof(*b));
	b->kind = kind;
	b->label = label ? xstrdup(label) : NULL;
	b->link = -1;
	if (text) {
		/* The data's terms in plain words: "n.e.c." -> "(other)" (glossary.h). */
		struct strbuf plain;

		strbuf_init(&plain);
		glossary_plain(text, &plain);
		b->text = strbuf_detach(&plain);
	}
	return b;
}

static void heading(struct detail *d, const char *text)
{
	if (d->count)
		add(d, BLOCK_GAP, NULL, NULL);
	add(d, BLOCK_HEADING, NULL, text);
}

static void pair(struct detail *d, const char *label, const char *text)
{
	if (text && *text)
		add(d, BLOCK_PAIR, label, text);
}

/* A label and an ISO date, written "6 Sep 2027". */
static void date_pair(struct detail *d, const char *label, const char *iso)
{
	struct civil_date day;
	char words[16];

	if (!iso || !date_parse(iso, &day))
		return;
	date_short(day, words);
	pair(d, label, words);
}

static void text(struct detail *d, const char *s)
{
	if (s && *s)
		add(d, BLOCK_TEXT, NULL, s);
}

/* A '|' list as one block of lines starting with "- ". */
static void bullets(struct detail *d, const char *list, int max)
{
	struct strbuf sb;
	int n = 0;

	if (!list || !*list)
		return;
	strbuf_init(&sb);
	while (*list && n < max) {
		size_t len = strcspn(list, "|");

		if (len) {
			strbuf_printf(&sb, "%s- %.*s", n ? "\n" : "", (int)len, list);
			n++;
		}
		list += len;
		if (*list == '|')
			list++;
	}
	text(d, sb.buf);
	strbuf_done(&sb);
}

/*
 * Entry requirements, cleanly: a list in the data ("GCSE English grade 4
 * (Essential)|GCSE Maths grade 4 (Desired)") becomes one line each, with
 * Essential and Desired in words; running text stays text.
 */
static void entry_requirements(struct detail *d, const char *entry)
{
	struct strbuf sb;

	if (!entry || !*entry)
		return;
	if (!strchr(entry, '|')) {
		text(d, entry);
		return;
	}
	strbuf_init(&sb);
	while (*entry) {
		size_t len = strcspn(entry, "|");
		const char *mark = NULL, *words = "";

		while (len && entry[0] == ' ') {
			entry++;
			len--;
		}
		if (len >= 12 && strncmp(entry + len - 12, " (Essential)", 12) == 0) {
			mark = entry + len - 12;
			words = " - you must have this";
		} else if (len >= 10 && strncmp(entry + len - 10, " (Desired)", 10) == 0) {
			mark = entry + len - 10;
			words = " - it helps";
		}
		if (len)
			strbuf_printf(&sb, "%s- %.*s%s", sb.len ? "\n" : "",
				      (int)(mark ? mark - entry : (long)len), entry, words);
		entry += len;
		if (*entry == '|')
			entry++;
	}
	text(d, sb.buf);
	strbuf_done(&sb);
}

static void add_link(struct detail *d, enum option_kind kind, long long id, const char *label,
		     const char *line)
{
	struct block *b;

	if (d->link_count == d->link_alloc) {
		d->link_alloc = d->link_alloc ? d->link_alloc * 2 : 16;
		d->links = xrealloc(d->links, (size_t)d->link_alloc * sizeof(*d->links));
	}
	d->links[d->link_count].kind = kind;
	d->links[d->link_count].id = id;
	b = add(d, BLOCK_LINK, label, line);
	b->link = d->link_count++;
}

/*
 * Is an earlier result the same to the eye (kind, title and place)? The
 * same course full-time and part-time would be two lines a pupil cannot
 * tell apart; the first one's detail says how it is studied.
 */
static int seen_before(const struct match_list *l, size_t i)
{
	const struct match_result *r = &l->results[i];
	size_t j;

	for (j = 0; j < i; j++) {
		const struct match_result *e = &l->results[j];

		if (e->kind == r->kind && strcmp(e->title, r->title) == 0 &&
		    strcmp(e->where, r->where) == 0)
			return 1;
	}
	return 0;
}

static void link_results(struct detail *d, const struct match_list *l, enum option_kind kind,
			 const char *heading_text, int max)
{
	size_t i;
	int shown = 0;

	for (i = 0; i < l->count && shown < max; i++) {
		const struct match_result *r = &l->results[i];
		char line[256];

		if (r->kind != kind || seen_before(l, i))
			continue;
		if (!shown++)
			heading(d, heading_text);
		if (!isnan(r->distance))
			snprintf(line, sizeof(line), "%s (%.1f miles%s%s)", r->title, r->distance,
				 r->where[0] ? ", " : "", r->where);
		else
			snprintf(line, sizeof(line), "%s%s%s%s", r->title, r->where[0] ? " (" : "",
				 r->where, r->where[0] ? ")" : "");
		add_link(d, r->kind, r->id, NULL, line);
	}
}

/* The options' own row from the store, by kind and id. */
struct one {
	struct store_option o;
	int found;
	char title[160], where[160], ref[32], start[11], closes[11], route[80], provider[120];
};

static int keep_one(void *ctx, const struct store_option *o)
{
	struct one *one = ctx;

	one->o = *o;
	one->found = 1;
	snprintf(one->title, sizeof(one->title), "%s", o->title ? o->title : "");
	snprintf(one->ref, sizeof(one->ref), "%s", o->ref ? o->ref : "");
	snprintf(one->start, sizeof(one->start), "%s", o->start_date ? o->start_date : "");
	snprintf(one->closes, sizeof(one->closes), "%s", o->closing_date ? o->closing_date : "");
	snprintf(one->route, sizeof(one->route), "%s", o->route_name ? o->route_name : "");
	snprintf(one->provider, sizeof(one->provider), "%s", o->provider ? o->provider : "");
	snprintf(one->where, sizeof(one->where), "%s%s%s", o->place ? o->place : "",
		 o->place && o->town ? ", " : "", o->town ? o->town : "");
	/* The borrowed strings die with the callback. */
	one->o.title = one->o.ref = one->o.start_date = one->o.route_name = NULL;
	one->o.provider = one->o.place = one->o.town = one->o.postcode = NULL;
	one->o.summary = one->o.url = one->o.qualification = one->o.status = NULL;
	one->o.closing_date = one->o.ssa1 = one->o.ssa2 = one->o.course_kind = NULL;
	one->o.provider_kind = one->o.wage_unit = one->o.duration_unit = NULL;
	one->o.study_mode = NULL;
	return 1;
}

static const struct match_result *reasons_from_below(struct ui *ui, enum option_kind kind,
						     long long id)
{
	int depth;
	size_t i;

	for (depth = ui->depth - 2; depth >= 0; depth--) {
		struct match_list *l = &ui->stack[depth].list;

		for (i = 0; i < l->count; i++)
			if (l->results[i].kind == kind && l->results[i].id == id)
				return match_explain(l, i);
	}
	return NULL;
}

static void money_per_week(char *out, size_t len, double pounds_week)
{
	say_week_and_year(pounds_week, out, len);
}

static void career_figures(struct ui *ui, struct detail *d, const char *soc)
{
	struct store_figure f[CHART_MAX];
	size_t n = 0, i;
	char group[8], line[400];
	struct block *b;

	if (store_figures(ui->store, soc, "weekly_pay", f, CHART_MAX, &n, group) == STATUS_OK && n) {
		heading(d, "Pay");
		money_per_week(line, sizeof(line), f[n - 1].value);
		pair(d, "Typical pay", line);
		if (n >= 2) {
			char from[40], to[40], reading[120];

			b = add(d, BLOCK_CHART, "Pay trend", NULL);
			for (i = 0; i < n; i++)
				b->values[i] = f[i].value;
			b->value_count = (int)n;
			/* A scale and a one-line reading, not just a shape. */
			say_week(f[0].value, from, sizeof(from));
			say_week(f[n - 1].value, to, sizeof(to));
			say_change("pay", f[0].value, f[n - 1].value, f[0].year, reading,
				   sizeof(reading));
			snprintf(line, sizeof(line), "%s in %lld, %s in %lld: %s. From a yearly "
				 "government survey of pay%s.", from, f[0].year, to, f[n - 1].year,
				 reading, strcmp(group, soc) ? " (for jobs like this one)" : "");
			b->text = xstrdup(line);
		} else {
			snprintf(line, sizeof(line), "%lld, full-time. From a yearly government survey "
				 "of pay%s.", f[0].year, strcmp(group, soc) ? " (for jobs like this one)" : "");
			pair(d, "", line);
		}
	}
	if (store_figures(ui->store, soc, "weekly_hours", f, CHART_MAX, &n, group) == STATUS_OK && n) {
		snprintf(line, sizeof(line), "about %.0f hours a week (%lld)", f[n - 1].value,
			 f[n - 1].year);
		pair(d, "Hours", line);
	}
	if (store_figures(ui->store, soc, "employment", f, CHART_MAX, &n, group) == STATUS_OK &&
	    n >= 2) {
		double change = f[0].value > 0 ? (f[n - 1].value - f[0].value) / f[0].value * 100 : 0;

		struct strbuf sb;

		heading(d, "Jobs in the future");
		strbuf_init(&sb);
		format_count(&sb, f[0].value);
		strbuf_printf(&sb, " people in %lld, ", f[0].year);
		format_count(&sb, f[n - 1].value);
		strbuf_printf(&sb, " by %lld (%s%.0f%%)", f[n - 1].year, change >= 0 ? "+" : "", change);
		pair(d, "Jobs", sb.buf);
		strbuf_done(&sb);
		b = add(d, BLOCK_CHART, "Jobs trend", NULL);
		for (i = 0; i < n && i < CHART_MAX; i++)
			b->values[i] = f[i].value;
		b->value_count = (int)n;
		{
			char reading[120];

			say_change("the number of jobs", f[0].value, f[n - 1].value, f[0].year,
				   reading, sizeof(reading));
			snprintf(line, sizeof(line), "%c%s (a forecast). From the Working Futures "
				 "forecasts, LMI for All.", toupper((unsigned char)reading[0]),
				 reading + 1);
		}
		b->text = xstrdup(line);
	}
}

/*
 * By bus (when the learner chose it): how to get there, in plain words -
 * when to leave, each leg, and what the times were worked out for.
 */
static void journey(struct ui *ui, struct view *v, struct detail *d)
{
	struct match_profile on_date = ui->session.profile, *p = &on_date;
	struct transit_leg legs[TRANSIT_MAX_LEGS];
	struct travel_answer a;
	struct travel_info info;
	char line[600], by[8], words[480];
	int n;

	session_what_if(&ui->session, p);
	if (p->travel.mode != TRAVEL_BUS || !p->place[0])
		return;
	n = match_journey(ui->store, p, v->kind, v->item_id, legs, TRANSIT_MAX_LEGS, &a, &info);
	if (!info.used)
		return;
	travel_clock(p->travel.arrive_by, by);
	heading(d, "Getting there");
	if (!a.found || !n) {
		snprintf(line, sizeof(line), "No bus gets you there by %s on a school day (%s).", by,
			 info.day_words);
		text(d, line);
	} else {
		char leave[8], there[8], changes[24];

		if (a.changes == 0)
			snprintf(changes, sizeof(changes), "no changes");
		else if (a.changes == 1)
			snprintf(changes, sizeof(changes), "1 change");
		else
			snprintf(changes, sizeof(changes), "%d changes", a.changes);
		travel_clock(a.depart, leave);
		travel_clock(a.arrive, there);
		if (a.walk_only)
			snprintf(line, sizeof(line), "To be there by %s on a school day (%s): it is "
				 "quickest to walk. Leave at %s; it takes about %d min.", by,
				 info.day_words, leave, a.minutes);
		else
			snprintf(line, sizeof(line), "To be there by %s on a school day (%s): leave "
				 "home at %s and you are there at %s - %d min, %s.", by,
				 info.day_words, leave, there, a.minutes, changes);
		text(d, line);
		if (!a.walk_only) {
			travel_journey_words(legs, n, words, sizeof(words));
			snprintf(line, sizeof(line), "%c%s.", toupper((unsigned char)words[0]), words + 1);
			text(d, line);
		}
	}
	if (info.approximate) {
		snprintf(line, sizeof(line), "These times are from the middle of %.*s: your whole "
			 "postcode gives better ones.", (int)sizeof(p->place), p->place);
		text(d, line);
	}
	if (info.valid_to != LONG_MIN) {
		char to[16];

		date_short(date_from_days(info.valid_to), to);
		snprintf(line, sizeof(line), "Bus times from the timetables valid to %s.", to);
		text(d, line);
	}
}

static void build(struct ui *ui, struct view *v, struct detail *d)
{
	struct store_filter f;
	struct one one;
	struct store_text t;
	struct match_list links;
	struct match_profile on_date = ui->session.profile;
	const struct match_result *r;
	char line[256];
	int i;

	session_what_if(&ui->session, &on_date);
	memset(&f, 0, sizeof(f));
	memset(&one, 0, sizeof(one));
	f.level = NAN;
	f.id = v->item_id;
	f.today = "0000-00-00";
	store_each_option(ui->store, v->kind, &f, keep_one, &one);
	if (!one.found) {
		snprintf(d->title, sizeof(d->title), "Not found");
		text(d, "This option is no longer in the data. Press Esc to go back.");
		return;
	}
	snprintf(d->title, sizeof(d->title), "%s", one.title);
	add(d, BLOCK_HEADING, NULL, one.title);
	if (store_option_text(ui->store, v->kind, v->item_id, &t) != STATUS_OK)
		memset(&t, 0, sizeof(t));

	r = reasons_from_below(ui, v->kind, v->item_id);
	if (r && r->reason_count) {
		struct strbuf sb;

		strbuf_init(&sb);
		for (i = 0; i < r->reason_count; i++)
			strbuf_printf(&sb, "%s- %s", i ? "\n" : "", r->reasons[i]);
		heading(d, "Why this is shown");
		text(d, sb.buf);
		strbuf_done(&sb);
	}

	if (v->kind != OPTION_CAREER && v->kind != OPTION_APPRENTICESHIP)
		journey(ui, v, d);
	switch (v->kind) {
	case OPTION_CAREER:
		heading(d, "What you would do");
		text(d, t.description);
		bullets(d, t.tasks, 8);
		career_figures(ui, d, one.ref);
		if (t.entry) {
			heading(d, "How to get in");
			entry_requirements(d, t.entry);
		}
		if (match_links(ui->store, &on_date, OPTION_CAREER, v->item_id, 4, &links,
				line, sizeof(line)) == STATUS_OK) {
			link_results(d, &links, OPTION_APPRENTICESHIP, "Ways in: apprenticeships", 4);
			link_results(d, &links, OPTION_COURSE, "Ways in: courses near you", 4);
			link_results(d, &links, OPTION_VACANCY, "Ways in: jobs with training near you", 4);
			link_results(d, &links, OPTION_UNIVERSITY, "Ways in: university", 4);
			match_list_done(&links);
		}
		if (t.job_titles) {
			heading(d, "Also called");
			bullets(d, t.job_titles, 8);
		}
		break;
	case OPTION_APPRENTICESHIP:
		if (!isnan(one.o.level)) {
			say_level(one.o.level, line, sizeof(line));
			pair(d, "Level", line);
		}
		pair(d, "Takes", t.duration_text);
		pair(d, "Area", one.route);
		pair(d, "Reference", one.ref);
		heading(d, "What you would do");
		text(d, t.description);
		if (t.job_titles) {
			heading(d, "Job titles");
			bullets(d, t.job_titles, 6);
		}
		if (match_links(ui->store, &on_date, OPTION_APPRENTICESHIP, v->item_id, 5,
				&links, line, sizeof(line)) == STATUS_OK) {
			link_results(d, &links, OPTION_VACANCY, "Live vacancies near you", 5);
			link_results(d, &links, OPTION_CAREER, "Careers it leads to", 5);
			match_list_done(&links);
		}
		heading(d, "Find out more");
		pair(d, "Web", t.apply_url);
		break;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		pair(d, "Where", one.provider);
		pair(d, "", one.where);
		pair(d, "Address", t.address);
		if (!isnan(one.o.level)) {
			say_level(one.o.level, line, sizeof(line));
			pair(d, "Level", line);
		}
		pair(d, "Qualification", t.qualifications);
		if (one.start[0])
			date_pair(d, "Starts", one.start);
		else if (one.o.flexible_start)
			pair(d, "Starts", "any time");
		pair(d, "Takes", t.duration_text);
		pair(d, "Cost", t.cost_text);
		if (one.o.cost_pence != MODEL_NO_INT && !t.cost_text) {
			struct strbuf sb;

			strbuf_init(&sb);
			if (one.o.cost_pence == 0)
				strbuf_puts(&sb, "free");
			else
				format_money(&sb, one.o.cost_pence);
			pair(d, "Cost", sb.buf);
			strbuf_done(&sb);
		}
		if (t.earnings_start || t.earnings_later) {
			heading(d, "What people earn after it");
			if (t.earnings_start)
				text(d, t.earnings_start);
			if (t.earnings_later)
				text(d, t.earnings_later);
		}
		if (t.who_for) {
			heading(d, "Who it is for");
			text(d, t.who_for);
		}
		if (t.entry) {
			heading(d, "What you need to get in");
			entry_requirements(d, t.entry);
		}
		if (t.description) {
			heading(d, "What you will learn");
			text(d, t.description);
		}
		if (t.where_next) {
			heading(d, "Where it can lead");
			text(d, t.where_next);
		}
		heading(d, "How to apply");
		pair(d, "Web", t.apply_url ? t.apply_url : t.website);
		pair(d, "Phone", t.phone);
		break;
	case OPTION_VACANCY:
		pair(d, "Employer", one.provider);
		pair(d, "Where", t.address);
		if (one.o.wage_pence != MODEL_NO_INT) {
			double week = r ? r->pay_per_week : NAN;

			if (!isnan(week)) {
				money_per_week(line, sizeof(line), week);
				pair(d, "Pay", line);
			}
		}
		pair(d, "", t.wage_text);
		pair(d, "Hours", t.working_week);
		date_pair(d, "Starts", one.start);
		date_pair(d, "Apply by", one.closes);
		pair(d, "Takes", t.duration_text);
		pair(d, "Training by", t.note);
		heading(d, "The job");
		text(d, t.description);
		if (t.training) {
			heading(d, "Training");
			text(d, t.training);
		}
		if (t.skills) {
			heading(d, "Skills they want");
			bullets(d, t.skills, 8);
		}
		if (t.qualifications) {
			heading(d, "What you need to get in");
			entry_requirements(d, t.qualifications);
		}
		if (t.things_to_consider) {
			heading(d, "Things to think about");
			text(d, t.things_to_consider);
		}
		heading(d, "How to apply");
		pair(d, "Web", t.apply_url);
		break;
	case OPTION_SCHOOL:
		pair(d, "Type", t.note);
		if (one.o.age_min != MODEL_NO_INT && one.o.age_max != MODEL_NO_INT) {
			snprintf(line, sizeof(line), "%lld to %lld", one.o.age_min, one.o.age_max);
			pair(d, "Ages", line);
		}
		pair(d, "Sixth form", one.o.has_sixth_form == 1 ? "yes" : NULL);
		pair(d, "Address", t.address);
		pair(d, "Phone", t.phone);
		pair(d, "Web", t.website);
		break;
	default:
		break;
	}
	store_text_done(&t);
}

static void detail_free_lines(struct detail *d)
{
	int i;

	for (i = 0; i < d->line_count; i++)
		free(d->lines[i]);
	free(d->lines);
	free(d->line_block);
	free(d->line_paint);
	d->lines = NULL;
	d->line_block = NULL;
	d->line_paint = NULL;
	d->line_count = 0;
}

static void put_line(struct detail *d, const char *s, size_t n, int block, enum paint p)
{
	d->lines = xrealloc(d->lines, (size_t)(d->line_count + 1) * sizeof(*d->lines));
	d->line_block = xrealloc(d->line_block, (size_t)(d->line_count + 1) * sizeof(int));
	d->line_paint = xrealloc(d->line_paint, (size_t)(d->line_count + 1) * sizeof(enum paint));
	d->lines[d->line_count] = xstrndup(s, n);
	d->line_block[d->line_count] = block;
	d->line_paint[d->line_count] = p;
	d->line_count++;
}

/* Lay the blocks out as lines of at most width columns. */
static void layout(struct detail *d, int width)
{
	struct strbuf sb;
	int i;

	detail_free_lines(d);
	d->width = width;
	strbuf_init(&sb);
	for (i = 0; i < d->count; i++) {
		const struct block *b = &d->blocks[i];
		const char *p;
		enum paint paint = PAINT_TEXT;

		strbuf_reset(&sb);
		switch (b->kind) {
		case BLOCK_GAP:
			put_line(d, "", 0, i, PAINT_TEXT);
			continue;
		case BLOCK_HEADING:
			format_wrap(&sb, b->text, width, "", "");
			paint = PAINT_TITLE;
			break;
		case BLOCK_TEXT:
			for (p = b->text; *p;) {
				size_t len = strcspn(p, "\n");
				char *para = xstrndup(p, len);

				format_wrap(&sb, para, width, "", para[0] == '-' ? "  " : "");
				free(para);
				p += len;
				if (*p == '\n')
					p++;
			}
			break;
		case BLOCK_PAIR: {
			char first[40];

			snprintf(first, sizeof(first), "%-14s", b->label && *b->label ? b->label : "");
			format_wrap(&sb, b->text, width, first, "              ");
			break;
		}
		case BLOCK_CHART:
			/* One line for the chart itself; the caption below it. */
			put_line(d, b->label ? b->label : "", b->label ? strlen(b->label) : 0, i,
				 PAINT_TEXT);
			if (b->text)
				format_wrap(&sb, b->text, width, "              ", "              ");
			paint = PAINT_DIM;
			break;
		case BLOCK_LINK:
			format_wrap(&sb, b->text, width - 2, "> ", "  ");
			paint = PAINT_ACCENT;
			break;
		}
		for (p = sb.buf; *p;) {
			size_t len = strcspn(p, "\n");

			put_line(d, p, len, i, paint);
			p += len;
			if (*p == '\n')
				p++;
		}
	}
	strbuf_done(&sb);
}

static void open(struct ui *ui, struct view *v)
{
	struct detail *d = xcalloc(1, sizeof(*d));

	v->extra = d;
	build(ui, v, d);
	v->cursor = -1;	/* no link picked yet */
}

static void close_view(struct ui *ui, struct view *v)
{
	struct detail *d = v->extra;
	int i;

	(void)ui;
	detail_free_lines(d);
	for (i = 0; i < d->count; i++) {
		free(d->blocks[i].label);
		free(d->blocks[i].text);
	}
	free(d->blocks);
	free(d->links);
	free(d);
	v->extra = NULL;
}

static int body_lines(struct ui *ui)
{
	return ui->lines - 4;
}

static void draw(struct ui *ui, struct view *v)
{
	struct detail *d = v->extra;
	int width = ui->cols - 4, y, i, picked_block = -1;
	const char *kind_label = match_kind_heading(v->kind);
	char title[200];

	if (d->width != width)
		layout(d, width);
	if (v->cursor >= 0)
		for (i = 0; i < d->count; i++)
			if (d->blocks[i].kind == BLOCK_LINK && d->blocks[i].link == v->cursor)
				picked_block = i;
	snprintf(title, sizeof(title), "%s%s", kind_label,
		 session_shortlisted(&ui->session, v->kind, v->item_id) ? " - on your shortlist" :
		 "");
	canvas_frame(ui, title, modes, footer);
	if (v->top > d->line_count - 1)
		v->top = d->line_count > 0 ? d->line_count - 1 : 0;
	for (y = 1, i = v->top; i < d->line_count && y <= body_lines(ui); i++, y++) {
		const struct block *b = &d->blocks[d->line_block[i]];
		int picked = d->line_block[i] == picked_block;

		if (b->kind == BLOCK_CHART && strcmp(d->lines[i], b->label ? b->label : "") == 0) {
			canvas_text(ui, y, 2, 14, PAINT_TEXT, d->lines[i]);
			canvas_sparkline(ui, y, 16, b->values, b->value_count, PAINT_GOOD);
			continue;
		}
		canvas_text(ui, y, 2, width, picked ? PAINT_SELECTED : d->line_paint[i], d->lines[i]);
		if (b->kind == BLOCK_LINK)
			canvas_hit(ui, y, 2, 1, width, ACTION_SELECT, b->link);
	}
	if (d->line_count > body_lines(ui)) {
		char more[40];

		snprintf(more, sizeof(more), "%d%%", (v->top + body_lines(ui)) * 100 / d->line_count >
			 100 ? 100 : (v->top + body_lines(ui)) * 100 / d->line_count);
		canvas_text(ui, ui->lines - 2, ui->cols - 6, 5, PAINT_DIM, more);
	}
}

/* Scroll so the picked link's first line is on screen. */
static void show_link(struct ui *ui, struct view *v, struct detail *d)
{
	int i;

	for (i = 0; i < d->line_count; i++) {
		const struct block *b = &d->blocks[d->line_block[i]];

		if (b->kind == BLOCK_LINK && b->link == v->cursor) {
			if (i < v->top)
				v->top = i;
			if (i >= v->top + body_lines(ui))
				v->top = i - body_lines(ui) + 1;
			return;
		}
	}
}

static enum outcome handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	struct detail *d = v->extra;
	int page = body_lines(ui) - 1, max_top = d->line_count - body_lines(ui);

	(void)key;
	if (max_top < 0)
		max_top = 0;
	switch (a) {
	case ACTION_BACK:
		return OUTCOME_POP;
	case ACTION_DOWN:
	case ACTION_UP:
		if (d->link_count) {
			if (a == ACTION_DOWN && v->cursor < d->link_count - 1)
				v->cursor++;
			else if (a == ACTION_UP && v->cursor > 0)
				v->cursor--;
			else if (a == ACTION_UP && v->cursor <= 0) {
				v->cursor = -1;
				v->top = 0;
				return OUTCOME_REDRAW;
			}
			show_link(ui, v, d);
			return OUTCOME_REDRAW;
		}
		v->top += a == ACTION_DOWN ? 1 : -1;
		break;
	case ACTION_PAGE_DOWN:
		v->top += page;
		break;
	case ACTION_PAGE_UP:
		v->top -= page;
		break;
	case ACTION_FIRST:
		v->top = 0;
		break;
	case ACTION_LAST:
		v->top = max_top;
		break;
	case ACTION_SELECT:
		if (arg >= 0)
			v->cursor = arg;
		if (v->cursor < 0 || v->cursor >= d->link_count)
			return OUTCOME_NONE;
		ui->next = VIEW_DETAIL;
		ui->next_kind = d->links[v->cursor].kind;
		ui->next_id = d->links[v->cursor].id;
		return OUTCOME_PUSH;
	case ACTION_SHORTLIST_ADD:
		switch (session_toggle_shortlist(&ui->session, v->kind, v->item_id, d->title, ui->shortlist_limit)) {
		case 1:
			snprintf(ui->status, sizeof(ui->status), "Added to your shortlist (%d).",
				 ui->session.shortlist_count);
			break;
		case 0:
			snprintf(ui->status, sizeof(ui->status), "Taken off your shortlist.");
			break;
		default:
			snprintf(ui->status, sizeof(ui->status), "Your shortlist is full.");
		}
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
	if (v->top > max_top)
		v->top = max_top;
	if (v->top < 0)
		v->top = 0;
	return OUTCOME_REDRAW;
}

const struct view_ops view_detail = {
	.name = "detail",
	.title = "One option in full",
	.modes = modes,
	.footer = footer,
	.open = open,
	.draw = draw,
	.handle = handle,
	.close = close_view,
};
