/*
 * view_results.c - what fits the learner, in sections with counts.
 *
 * One match_run() fills every section; the sections are views of that
 * list. "Not for me" adds the option to the profile's exclusions and runs
 * again, so counts and order adapt. "/" narrows the list as the learner
 * types (prefix matching in the store's word index).
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "glossary.h"
#include "guide.h"
#include "say.h"
#include "ui.h"

struct section {
	const char *name, *short_name;
	unsigned kinds;
};

/* The first, with no kinds, is the guide for Years 7 to 10 (guide.h): what to do now. */
#define GUIDE_TAB 0
static const struct section sections[] = {
	{ "What to do now", "Now", 0 },
	{ "Careers", "Careers", 1u << OPTION_CAREER },
	{ "Courses & sixth forms", "Courses", (1u << OPTION_COURSE) | (1u << OPTION_SCHOOL) },
	{ "Apprenticeships", "Apprenticeships", 1u << OPTION_APPRENTICESHIP },
	{ "Jobs with training", "Jobs", 1u << OPTION_VACANCY },
	{ "University", "University", 1u << OPTION_UNIVERSITY },
};
#define SECTIONS (int)(sizeof(sections) / sizeof(sections[0]))

/*
 * Each section lists at most its best this many; the tabs still count
 * every match. Nobody reads further down a list on a kiosk, and explaining
 * each one costs time on a national store.
 */
#define LIST_PER_KIND 50

struct results_state {
	int *rows[SECTIONS];		/* indexes into v->list.results */
	int count[SECTIONS];		/* listed */
	size_t total[SECTIONS];		/* matched */
	int cursor[SECTIONS], top[SECTIONS];
	struct match_profile profile;	/* what was run */
	int year_assumed;
	int bus;			/* journeys by bus were worked out */
	int young;			/* Years 7 to 10: the guide tab is shown, first */
	int guide_top;			/* the guide's first line on screen */
};

static const enum key_mode modes[] = { MODE_RESULTS, MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action footer[] = {
	ACTION_SELECT, ACTION_SHORTLIST_ADD, ACTION_SHORTLIST, ACTION_TAKE_AWAY, ACTION_SEARCH,
	ACTION_NEXT_TAB, ACTION_NOT_FOR_ME, ACTION_SORT, ACTION_BACK, ACTION_HELP, ACTION_NONE
};

static void split(struct view *v)
{
	struct results_state *st = v->extra;
	size_t i;
	int k;

	for (k = 0; k < SECTIONS; k++) {
		free(st->rows[k]);
		st->rows[k] = xcalloc(v->list.count ? v->list.count : 1, sizeof(int));
		st->count[k] = 0;
		st->total[k] = 0;
		for (i = 0; i < OPTION_KIND_COUNT; i++)
			if (sections[k].kinds & (1u << i))
				st->total[k] += v->list.total_by_kind[i];
	}
	/* Each kind kept its best LIST_PER_KIND, so the first of a section's rows are its best. */
	for (i = 0; i < v->list.count; i++)
		for (k = 0; k < SECTIONS; k++)
			if ((sections[k].kinds & (1u << v->list.results[i].kind)) &&
			    st->count[k] < LIST_PER_KIND)
				st->rows[k][st->count[k]++] = (int)i;
	for (k = 0; k < SECTIONS; k++) {
		if (st->cursor[k] >= st->count[k])
			st->cursor[k] = st->count[k] ? st->count[k] - 1 : 0;
		if (st->top[k] > st->cursor[k])
			st->top[k] = st->cursor[k];
	}
}

static void run(struct ui *ui, struct view *v)
{
	struct results_state *st = v->extra;
	struct match_profile p = ui->session.profile;

	st->year_assumed = !ui->session.year_answered;
	if (st->year_assumed) {
		p.school_year = 11;
		p.age = 0;
	}
	session_what_if(&ui->session, &p);
	p.limit = 0;
	p.per_kind = LIST_PER_KIND;
	p.explain_later = 1;	/* the rows on screen are explained as they are drawn */
	if (v->input[0] || !ui->options.adviser)
		snprintf(p.text, sizeof(p.text), "%s", v->input);
	if (v->input[0]) {
		/*
		 * A search looks through everything the learner may take: not
		 * only their interests or within their distance (the age rules
		 * still apply; distances are still shown from their place).
		 */
		p.interest_count = 0;
		p.has_riasec = 0;
		p.radius = MATCH_ANYWHERE;
		p.travel.within_minutes = 0;
		p.kinds = 0;
	}
	st->profile = p;
	match_list_done(&v->list);
	if (ui_match(ui, &p, &v->list) == STATUS_NOT_FOUND) {
		/* The place went missing (it was checked when typed): drop it. */
		p.place[0] = '\0';
		ui_match(ui, &p, &v->list);
	}
	/* By bus, but no timetable covers the place (or the like): say so; miles it is. */
	if (v->list.travel.asked && v->list.travel.note[0] && !ui->status[0])
		snprintf(ui->status, sizeof(ui->status), "%c%.150s.",
			 toupper((unsigned char)v->list.travel.note[0]), v->list.travel.note + 1);
	st->bus = v->list.travel.used;
	st->young = !st->year_assumed && p.school_year >= 7 && p.school_year <= 10;
	split(v);
	if (!st->young && v->tab == GUIDE_TAB)
		v->tab = GUIDE_TAB + 1;
	/* A search with nothing in this section goes to the first section that has some. */
	if (v->input[0] && !st->count[v->tab])
		for (int k = GUIDE_TAB + 1; k < SECTIONS; k++)
			if (st->count[k]) {
				v->tab = k;
				break;
			}
}

static void open(struct ui *ui, struct view *v)
{
	struct results_state *st = xcalloc(1, sizeof(*st));
	int k;

	v->extra = st;
	run(ui, v);
	/* Years 7 to 10 start with what to do now; others on the first section with anything. */
	for (k = GUIDE_TAB + 1; k < SECTIONS && !st->count[k]; k++)
		;
	v->tab = st->young ? GUIDE_TAB : k < SECTIONS ? k : GUIDE_TAB + 1;
}

/* The section after (dir 1) or before (-1) tab; the guide only for Years 7 to 10. */
static int step_tab(const struct results_state *st, int tab, int dir)
{
	do
		tab = (tab + dir + SECTIONS) % SECTIONS;
	while (tab == GUIDE_TAB && !st->young);
	return tab;
}

static void close_view(struct ui *ui, struct view *v)
{
	struct results_state *st = v->extra;
	int k;

	(void)ui;
	for (k = 0; k < SECTIONS; k++)
		free(st->rows[k]);
	free(st);
	v->extra = NULL;
}

/* "now", "Jun 2027", "at 18", for the right-hand column. */
static void when_words(const struct match_result *r, char *out, size_t outlen)
{
	struct civil_date d;
	char my[16];

	switch (r->availability) {
	case AVAILABLE_NOW:
		snprintf(out, outlen, "now");
		return;
	case AVAILABLE_NOT_FOR_AGE:
		snprintf(out, outlen, "not for you");
		return;
	case AVAILABLE_FROM:
	case AVAILABLE_AT_18:
		if (date_parse(r->available_from, &d)) {
			date_month_year(d, my);
			if (r->availability == AVAILABLE_AT_18)
				snprintf(out, outlen, "at 18");
			else if (r->starts_too_early)
				snprintf(out, outlen, "starts too soon");
			else
				snprintf(out, outlen, "%s", my);
			return;
		}
	}
	out[0] = '\0';
}

/*
 * "Year 11 | 10 miles from DN1 3BU | Computers and digital, ...": the
 * interests last, as the part that can run past the edge of the screen.
 */
static void summary_line(struct ui *ui, const struct results_state *st, char *out, size_t len)
{
	const struct session *s = &ui->session;
	const struct match_profile *p = &st->profile;
	char who[48], where[64];

	if (ui->session.what_if.year) {
		char on[16];

		/* An adviser's what-if: said first, so nobody takes it for today. */
		date_short(ui->session.what_if, on);
		if (p->school_year)
			snprintf(who, sizeof(who), "WHAT IF %s: Year %d", on, p->school_year);
		else
			snprintf(who, sizeof(who), "WHAT IF %s: left school, %d", on, p->age);
	} else if (st->year_assumed)
		snprintf(who, sizeof(who), "Year not given (as Year 11)");
	else if (p->school_year)
		snprintf(who, sizeof(who), "Year %d", p->school_year);
	else
		snprintf(who, sizeof(who), "Left school, %d", p->age);
	if (p->text[0] && p->radius == MATCH_ANYWHERE && !p->interest_count) {
		/* A search: everything the learner may take, whatever they like. */
		snprintf(out, len, "%s | searching everything you could do%s%s", who,
			 p->place[0] ? ", nearest from " : "", p->place);
		return;
	}
	if (!p->place[0])
		snprintf(where, sizeof(where), "no postcode");
	else if (st->bus && p->travel.within_minutes)
		snprintf(where, sizeof(where), "%d min by bus from %s", p->travel.within_minutes,
			 p->place);
	else if (p->radius > 0)
		snprintf(where, sizeof(where), "%g miles from %s", p->radius, p->place);
	else
		snprintf(where, sizeof(where), "anywhere from %s", p->place);
	const char *likes = s->interest_names[0] ? s->interest_names :
			    s->quiz_code[0] ? "quiz answers" : "all interests";
	size_t n, k;

	snprintf(out, len, "%s | %s | ", who, where);
	n = strlen(out);
	k = strlen(likes);
	if (k > len - n - 1)
		k = len - n - 1;
	memcpy(out + n, likes, k);
	out[n + k] = '\0';
}

/*
 * The guide for Years 7 to 10: for each interest they ticked (or, with
 * none, the two everyone needs), the GCSE subjects that help and things
 * to try now; then the routes at 16 and 18. Scrolls with Up and Down.
 */
static void draw_guide(struct ui *ui, struct results_state *st, int y)
{
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	size_t count = match_interests(ui->store, all, sizeof(all) / sizeof(all[0]));
	const struct match_profile *p = &st->profile;
	struct strbuf text;
	int shown = 0, skip = st->guide_top, rows = ui->lines - 2 - y;
	const char *line;

	strbuf_init(&text);
	strbuf_printf(&text, "In Year %d the best thing to do is find out what you like. "
		      "Careers to explore are in the next tab (Tab).\n\n", p->school_year);
	strbuf_puts(&text, p->school_year <= 9 ? "GCSE subjects that help (you choose them in "
		    "Year 9):\n" : "GCSE subjects that help (work hardest on these):\n");
	for (size_t i = 0; i < count; i++) {
		const struct guide_area *g;
		int ticked = 0;

		for (int k = 0; k < p->interest_count; k++)
			ticked |= p->interests[k] == all[i].id;
		if (!ticked || !(g = guide_for(all[i].slug)))
			continue;
		strbuf_printf(&text, "- %s: %s.\n  Try now: %s.\n", all[i].name, g->subjects,
			      g->try_now);
		shown++;
	}
	if (!shown)
		strbuf_puts(&text, "- English and maths, at grade 4 or above: almost every course "
			    "and apprenticeship after 16 asks for them. Tick some interests "
			    "(Esc, then Esc) to see what else helps.\n");
	strbuf_printf(&text, "\n%s\n\n%s\n", guide_at_16, guide_at_18);
	/* Each line wrapped to the screen (list items indented), then shown from guide_top. */
	{
		struct strbuf wrapped;
		int total = 0, first = y;

		strbuf_init(&wrapped);
		for (line = text.buf; *line;) {
			size_t len = strcspn(line, "\n");
			char *one = xstrndup(line, len);

			if (!one[0])
				strbuf_putc(&wrapped, '\n');
			else
				format_wrap(&wrapped, one, ui->cols - 4, "",
					    one[0] == '-' || one[0] == ' ' ? "    " : "");
			free(one);
			line += len + (line[len] ? 1 : 0);
		}
		for (line = wrapped.buf; *line; total++)
			line += strcspn(line, "\n") + (line[strcspn(line, "\n")] ? 1 : 0);
		if (skip > total - rows)
			skip = st->guide_top = total - rows > 0 ? total - rows : 0;
		line = wrapped.buf;
		for (int n = 0; *line && y < first + rows; n++) {
			size_t len = strcspn(line, "\n");
			char *copy = xstrndup(line, len);

			if (n >= skip)
				canvas_text(ui, y++, 2, ui->cols - 4, copy[0] == '-' || copy[0] == ' ' ?
					    PAINT_TEXT : PAINT_TITLE, copy);
			free(copy);
			line += len + (line[len] ? 1 : 0);
		}
		if (skip + rows < total)
			canvas_text(ui, ui->lines - 2, ui->cols - 22, 20, PAINT_DIM,
				    "(Down: there is more)");
		strbuf_done(&wrapped);
	}
	strbuf_done(&text);
}

static int rows_visible(struct ui *ui)
{
	int v = (ui->lines - 7) / 2;

	return v < 1 ? 1 : v;
}

static void draw(struct ui *ui, struct view *v)
{
	struct results_state *st = v->extra;
	int y = 1, x = 1, k, i, visible = rows_visible(ui);
	char line[320], when[32], plain_title[200];
	int wide = ui->cols >= 100;

	canvas_frame(ui, "Your options", modes, footer);
	summary_line(ui, st, line, sizeof(line));
	canvas_text(ui, y++, 1, ui->cols - 2, PAINT_DIM, line);

	/* Section tabs with counts. */
	for (k = 0; k < SECTIONS; k++) {
		int on = k == v->tab, w;
		const char *name = wide ? sections[k].name : sections[k].short_name;

		if (k == GUIDE_TAB && !st->young)
			continue;
		/* For Years 7 to 10 jobs are for later: they cannot start one yet. */
		if (st->young && sections[k].kinds == 1u << OPTION_VACANCY)
			name = wide ? "Jobs for later" : "Later";
		if (k == GUIDE_TAB)
			snprintf(line, sizeof(line), "%s%s%s", on ? "[" : " ", name, on ? "]" : " ");
		else
			snprintf(line, sizeof(line), "%s%s %zu%s", on ? "[" : " ", name, st->total[k],
				 on ? "]" : " ");
		w = canvas_text(ui, y, x, ui->cols - x - 1, on ? PAINT_SELECTED : PAINT_ACCENT, line);
		canvas_hit(ui, y, x, 1, w, ACTION_NEXT_TAB, k);
		x += w + 1;
	}
	y++;
	if (v->input_active || v->input[0]) {
		snprintf(line, sizeof(line), "Search: %s%s", v->input,
			 v->input_active ? canvas_symbol(ui, "\xE2\x96\x8F", "_") : "");
		canvas_text(ui, y, 1, ui->cols - 2, v->input_active ? PAINT_FIELD : PAINT_ACCENT,
			    line);
	} else if (v->tab == GUIDE_TAB) {
		canvas_text(ui, y, 1, ui->cols - 2, PAINT_DIM, "What you can do now, and next");
	} else {
		snprintf(line, sizeof(line), "%s first%s%s", st->profile.sort == SORT_DISTANCE ?
			 "Nearest" : st->profile.sort == SORT_START ? "Soonest" :
			 st->profile.sort == SORT_PAY ? "Best paid" :
			 st->profile.sort == SORT_TRAVEL ? "Quickest to get to" : "Best match",
			 st->profile.show_not_for_age ? " - showing options not for your age too" :
			 "", st->profile.excluded_count ? " - some hidden (u brings them back)" : "");
		canvas_text(ui, y, 1, ui->cols - 2, PAINT_DIM, line);
	}
	y++;
	if (v->tab == GUIDE_TAB) {
		draw_guide(ui, st, y);
		return;
	}
	if (!st->count[v->tab]) {
		y++;
		canvas_wrap(ui, y, 2, ui->cols - 4, 4, PAINT_TEXT,
			    v->input[0] ? "Nothing you can do matches what you typed. Press / "
					  "and change it, or Esc to clear it." :
			    "Nothing in this section fits yet. Try another section (Tab), a "
			    "bigger distance, or fewer interests (press r to start again).");
		return;
	}
	for (i = st->top[v->tab]; i < st->count[v->tab] && i < st->top[v->tab] + visible; i++) {
		const struct match_result *r = match_explain(&v->list, (size_t)st->rows[v->tab][i]);
		int on = i == st->cursor[v->tab], right_w;
		char right[48];
		const char *star = session_shortlisted(&ui->session, r->kind, r->id) ?
				   canvas_symbol(ui, "\xE2\x98\x85", "*") : " ";

		when_words(r, when, sizeof(when));
		if (r->kind == OPTION_CAREER) {
			/* Careers can be explored now: the column shows typical pay instead. */
			if (isnan(r->pay_per_week))
				when[0] = '\0';
			else
				say_week(r->pay_per_week, when, sizeof(when));
		}
		if (st->bus && r->travel.applies && r->travel.found)
			snprintf(right, sizeof(right), "%3d min  %-11s", r->travel.minutes, when);
		else if (st->bus && r->travel.applies)
			snprintf(right, sizeof(right), " no bus  %-11s", when);
		else if (!isnan(r->distance))
			snprintf(right, sizeof(right), "%4.1f mi  %-11s", r->distance, when);
		else
			snprintf(right, sizeof(right), "%-11s", when);
		right_w = format_width(right);
		glossary_plain_buf(r->title, plain_title, sizeof(plain_title));
		snprintf(line, sizeof(line), "%s%s %s", on ? ">" : " ", star, plain_title);
		if (on) {
			canvas_paint(ui, PAINT_SELECTED);
			mvhline(y, 0, ' ', ui->cols);
		}
		canvas_text(ui, y, 0, ui->cols - right_w - 2, on ? PAINT_SELECTED : PAINT_TITLE, line);
		canvas_text(ui, y, ui->cols - right_w - 1, right_w, on ? PAINT_SELECTED : PAINT_TEXT,
			    right);
		/* Where, kept to part of the line so the top reason (by bus: the journey) shows too. */
		{
			struct strbuf where;
			char brief[96];
			int room;

			if (st->bus && r->travel.applies)
				travel_brief(&r->travel, st->profile.travel.arrive_by, brief, sizeof(brief));
			else
				snprintf(brief, sizeof(brief), "%s", r->brief);
			room = ui->cols - 8 - (brief[0] ? format_width(brief) + 3 : 0);
			strbuf_init(&where);
			format_fit(&where, r->where, room < 16 ? 16 : room);
			snprintf(line, sizeof(line), "    %s%s%s", where.buf, where.len &&
				 brief[0] ? " - " : "", brief);
			strbuf_done(&where);
		}
		canvas_text(ui, y + 1, 0, ui->cols - 1, PAINT_DIM, line);
		canvas_hit(ui, y, 0, 2, ui->cols, ACTION_SELECT, i);
		y += 2;
	}
	if (i == st->count[v->tab] && st->total[v->tab] > (size_t)st->count[v->tab] &&
	    y < ui->lines - 2) {
		int placed = (sections[v->tab].kinds & ~((1u << OPTION_CAREER) |
						      (1u << OPTION_APPRENTICESHIP))) != 0;

		snprintf(line, sizeof(line), "These are the best %d of %zu. Choosing interests%s "
			 "(r starts again) narrows them down.", st->count[v->tab], st->total[v->tab],
			 placed ? " or a smaller distance" : "");
		canvas_wrap(ui, y, 4, ui->cols - 6, 2, PAINT_DIM, line);
	}
	if (st->count[v->tab] > visible) {
		snprintf(line, sizeof(line), "%d-%d of %s%d", st->top[v->tab] + 1,
			 st->top[v->tab] + visible < st->count[v->tab] ? st->top[v->tab] + visible :
			 st->count[v->tab], st->total[v->tab] > (size_t)st->count[v->tab] ?
			 "the best " : "", st->count[v->tab]);
		canvas_text(ui, 3, ui->cols - format_width(line) - 1, format_width(line), PAINT_DIM,
			    line);
	}
}

static const struct match_result *current(struct view *v)
{
	struct results_state *st = v->extra;

	if (!st->count[v->tab])
		return NULL;
	return match_explain(&v->list, (size_t)st->rows[v->tab][st->cursor[v->tab]]);
}

static enum outcome search_key(struct ui *ui, struct view *v, enum action a, int key)
{
	size_t len = strlen(v->input);

	switch (a) {
	case ACTION_TYPE:
		if (key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_DC) {
			if (len)
				v->input[len - 1] = '\0';
		} else if (len < 40 && (isalnum(key) || key == ' ' || key == '-')) {
			v->input[len] = (char)key;
			v->input[len + 1] = '\0';
		} else {
			return OUTCOME_NONE;
		}
		run(ui, v);
		return OUTCOME_REDRAW;
	case ACTION_SELECT:
	case ACTION_NEXT_TAB:
	case ACTION_DOWN:
		v->input_active = 0;
		return OUTCOME_REDRAW;
	case ACTION_BACK:
		v->input_active = 0;
		v->input[0] = '\0';
		run(ui, v);
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
}

static enum outcome handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	struct results_state *st = v->extra;
	struct match_profile *p = &ui->session.profile;
	const struct match_result *r;
	struct view sub;

	if (v->input_active)
		return search_key(ui, v, a, key);
	switch (a) {
	case ACTION_NEXT_TAB:
	case ACTION_RIGHT:
		v->tab = arg >= 0 && arg < SECTIONS ? arg : step_tab(st, v->tab, 1);
		return OUTCOME_REDRAW;
	case ACTION_PREV_TAB:
	case ACTION_LEFT:
		v->tab = step_tab(st, v->tab, -1);
		return OUTCOME_REDRAW;
	case ACTION_BACK:
		if (v->input[0]) {
			v->input[0] = '\0';
			run(ui, v);
			return OUTCOME_REDRAW;
		}
		return OUTCOME_POP;
	case ACTION_SEARCH:
		v->input_active = 1;
		return OUTCOME_REDRAW;
	case ACTION_SORT:
		/* Quickest to get to is one of the orders when journeys are by bus. */
		p->sort = (enum match_sort)((p->sort + 1) % (st->bus ? SORT_TRAVEL + 1 : SORT_TRAVEL));
		/* Courses, sixth forms and university pay nobody: no "best paid" there. */
		if (p->sort == SORT_PAY && !(sections[v->tab].kinds & ((1u << OPTION_CAREER) |
		    (1u << OPTION_APPRENTICESHIP) | (1u << OPTION_VACANCY))))
			p->sort = (enum match_sort)((p->sort + 1) %
						    (st->bus ? SORT_TRAVEL + 1 : SORT_TRAVEL));
		run(ui, v);
		return OUTCOME_REDRAW;
	case ACTION_SHOW_ALL:
		p->show_not_for_age = !p->show_not_for_age;
		run(ui, v);
		return OUTCOME_REDRAW;
	case ACTION_UNDO_HIDE:
		if (!p->excluded_count)
			return OUTCOME_NONE;
		p->excluded_count = 0;
		snprintf(ui->status, sizeof(ui->status), "Everything you hid is back.");
		run(ui, v);
		return OUTCOME_REDRAW;
	default:
		break;
	}
	if (v->tab == GUIDE_TAB) {	/* the guide scrolls */
		if (a == ACTION_DOWN || a == ACTION_PAGE_DOWN)
			st->guide_top += a == ACTION_DOWN ? 1 : rows_visible(ui);
		else if (a == ACTION_UP || a == ACTION_PAGE_UP)
			st->guide_top -= a == ACTION_UP ? 1 : rows_visible(ui);
		else if (a == ACTION_FIRST)
			st->guide_top = 0;
		else
			return OUTCOME_NONE;
		if (st->guide_top < 0)
			st->guide_top = 0;
		return OUTCOME_REDRAW;
	}
	/* Movement within the section. */
	memset(&sub, 0, sizeof(sub));
	sub.cursor = st->cursor[v->tab];
	sub.top = st->top[v->tab];
	if (ui_list_move(&sub, a, arg, st->count[v->tab], rows_visible(ui))) {
		st->cursor[v->tab] = sub.cursor;
		st->top[v->tab] = sub.top;
		return OUTCOME_REDRAW;
	}
	if (st->count[v->tab]) {
		st->cursor[v->tab] = sub.cursor;
		st->top[v->tab] = sub.top;
	}
	r = current(v);
	if (!r)
		return OUTCOME_NONE;
	switch (a) {
	case ACTION_SELECT:
		ui->next = VIEW_DETAIL;
		ui->next_kind = r->kind;
		ui->next_id = r->id;
		return OUTCOME_PUSH;
	case ACTION_SHORTLIST_ADD:
		switch (session_toggle_shortlist(&ui->session, r->kind, r->id, r->title, ui->shortlist_limit)) {
		case 1:
			snprintf(ui->status, sizeof(ui->status),
				 "Added to your shortlist (%d). Press v to see it.",
				 ui->session.shortlist_count);
			break;
		case 0:
			snprintf(ui->status, sizeof(ui->status), "Taken off your shortlist.");
			break;
		default:
			snprintf(ui->status, sizeof(ui->status),
				 "Your shortlist is full (%d). Take something off first.",
				 ui->shortlist_limit);
		}
		return OUTCOME_REDRAW;
	case ACTION_NOT_FOR_ME:
		if (p->excluded_count >= MATCH_MAX_EXCLUDED)
			return OUTCOME_NONE;
		p->excluded[p->excluded_count].kind = r->kind;
		p->excluded[p->excluded_count++].id = r->id;
		snprintf(ui->status, sizeof(ui->status), "Hidden: %.100s. Press u to bring it back.",
			 r->title);
		run(ui, v);
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_results = {
	.name = "results",
	.title = "Your options",
	.modes = modes,
	.footer = footer,
	.open = open,
	.draw = draw,
	.handle = handle,
	.close = close_view,
};
