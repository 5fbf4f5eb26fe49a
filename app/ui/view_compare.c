/*
 * view_compare.c - the adviser's tools on the search itself: every filter
 * of `careers search` on one screen (including "what about next
 * September?" and options not for this age), and two to four picked
 * options side by side.
 */
#include <ctype.h>
#include <math.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "plan.h"
#include "ui.h"
#include "validate.h"

/* --- side by side ----------------------------------------------------------------------------- */

struct comparison {
	struct plan_facts facts[ADVICE_COMPARE_MAX];
	char titles[ADVICE_COMPARE_MAX][160];
	enum option_kind kinds[ADVICE_COMPARE_MAX];
	int count;
};

static const enum key_mode compare_modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action compare_footer[] = { ACTION_BACK, ACTION_PAGE_DOWN, ACTION_HELP,
					      ACTION_NONE };

static void compare_open(struct ui *ui, struct view *v)
{
	struct comparison *c = xcalloc(1, sizeof(*c));
	struct match_profile on_date = ui->session.profile;
	int k;

	session_what_if(&ui->session, &on_date);
	v->extra = c;
	for (k = 0; k < ui->advice.item_count && c->count < ADVICE_COMPARE_MAX; k++) {
		const struct advice_item *it = &ui->advice.items[k];

		if (!it->compare)
			continue;
		snprintf(c->titles[c->count], sizeof(c->titles[0]), "%s", it->title);
		c->kinds[c->count] = it->kind;
		if (plan_facts(ui->store, &on_date, it->kind, it->id,
			       &c->facts[c->count]) != STATUS_OK)
			memset(&c->facts[c->count], 0, sizeof(c->facts[0]));
		c->count++;
	}
}

static void compare_close(struct ui *ui, struct view *v)
{
	(void)ui;
	free(v->extra);
	v->extra = NULL;
}

static void compare_draw(struct ui *ui, struct view *v)
{
	struct comparison *c = v->extra;
	int label_w = 16, col_w, y = 1, r, k, max_lines;
	struct strbuf sb;

	canvas_frame(ui, "Side by side", compare_modes, compare_footer);
	if (c->count < 2) {
		canvas_wrap(ui, 2, 2, ui->cols - 4, 3, PAINT_TEXT,
			    "Pick two to four options in the session (p), then compare them.");
		return;
	}
	col_w = (ui->cols - 2 - label_w) / c->count - 1;
	strbuf_init(&sb);
	/* Titles, two lines each. */
	for (k = 0; k < c->count; k++) {
		int x = 1 + label_w + k * (col_w + 1);

		canvas_wrap(ui, y, x, col_w, 2, PAINT_TITLE, c->titles[k]);
		canvas_text(ui, y + 2, x, col_w, PAINT_DIM, match_kind_words(c->kinds[k]));
	}
	y += 4;
	/* One row per fact, from plan.h's list; the first (what it is) is in the titles. */
	for (r = PLAN_FACT_WHAT + 1 + v->top; r < PLAN_FACT_COUNT && y < ui->lines - 2; r++) {
		int used = 1;

		max_lines = r == PLAN_FACT_ENTRY ? 6 : 3;
		canvas_wrap(ui, y, 1, label_w - 1, 2, PAINT_ACCENT, plan_fact_label((enum plan_fact)r));
		for (k = 0; k < c->count; k++) {
			const char *value = plan_fact_text(&c->facts[k], (enum plan_fact)r);
			int x = 1 + label_w + k * (col_w + 1), n;

			n = canvas_wrap(ui, y, x, col_w, max_lines < ui->lines - 2 - y ? max_lines :
					ui->lines - 2 - y, PAINT_TEXT, value && value[0] ? value : "not known");
			if (n > used)
				used = n;
		}
		y += used + 1;
	}
	strbuf_done(&sb);
}

static enum outcome compare_handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	int n = PLAN_FACT_COUNT - 1;

	(void)ui;
	(void)key;
	(void)arg;
	switch (a) {
	case ACTION_BACK:
		return OUTCOME_POP;
	case ACTION_DOWN:
	case ACTION_PAGE_DOWN:
		v->top = v->top + (a == ACTION_DOWN ? 1 : 4) < n ? v->top + (a == ACTION_DOWN ? 1 : 4) :
			 n - 1;
		return OUTCOME_REDRAW;
	case ACTION_UP:
	case ACTION_PAGE_UP:
		v->top -= a == ACTION_UP ? 1 : 4;
		if (v->top < 0)
			v->top = 0;
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_compare = {
	.name = "compare",
	.title = "Adviser: side by side",
	.modes = compare_modes,
	.footer = compare_footer,
	.open = compare_open,
	.draw = compare_draw,
	.handle = compare_handle,
	.close = compare_close,
};

/* --- every filter ------------------------------------------------------------------------------ */

enum filter_row {
	ROW_STAGE, ROW_POSTCODE, ROW_RADIUS, ROW_INTERESTS, ROW_QUIZ, ROW_KINDS, ROW_LEVEL,
	ROW_WORDS, ROW_TODAY, ROW_SHOW_ALL, ROW_SORT, ROW_SEARCH, ROW_COUNT
};

static const char *const row_labels[] = {
	"School year", "Postcode", "How far", "Interests", "Quiz letters", "Show", "Level",
	"Words", "Dates as on", "Not for this age", "Order", "",
};

static const double radius_steps[] = { 2, 5, 10, 15, 20, 30, 50, MATCH_ANYWHERE };
#define RADIUS_STEPS (int)(sizeof(radius_steps) / sizeof(radius_steps[0]))
/* After the miles, times by bus (arriving by 9 on a school day, travel.h). */
static const int minute_steps[] = { 20, 30, 45, 60, 90 };
#define MINUTE_STEPS (int)(sizeof(minute_steps) / sizeof(minute_steps[0]))

struct filters {
	char postcode[16], quiz[16], words[64], today[16];
	int kind;	/* the kind Left/Right moves between on the Show row */
};

static const enum key_mode filters_modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action filters_footer[] = {
	ACTION_UP, ACTION_DOWN, ACTION_LEFT, ACTION_RIGHT, ACTION_SELECT, ACTION_BACK, ACTION_NONE
};

static int is_text_row(int row)
{
	return row == ROW_POSTCODE || row == ROW_QUIZ || row == ROW_WORDS || row == ROW_TODAY;
}

static char *row_text(struct filters *f, int row)
{
	switch (row) {
	case ROW_POSTCODE: return f->postcode;
	case ROW_QUIZ: return f->quiz;
	case ROW_WORDS: return f->words;
	default: return f->today;
	}
}

static size_t row_max(int row)
{
	return row == ROW_WORDS ? 60 : row == ROW_TODAY ? 10 : row == ROW_QUIZ ? 12 : 10;
}

static void filters_open(struct ui *ui, struct view *v)
{
	struct filters *f = xcalloc(1, sizeof(*f));
	const struct match_profile *p = &ui->session.profile;

	v->extra = f;
	snprintf(f->postcode, sizeof(f->postcode), "%s", p->place);
	snprintf(f->quiz, sizeof(f->quiz), "%s", ui->session.quiz_code);
	snprintf(f->words, sizeof(f->words), "%.60s", p->text);
	date_iso(ui->session.what_if.year ? ui->session.what_if : p->today, f->today);
	v->cursor = ROW_SEARCH;
}

static void filters_close(struct ui *ui, struct view *v)
{
	(void)ui;
	free(v->extra);
	v->extra = NULL;
}

static void stage_words(const struct ui *ui, char *out, size_t len)
{
	const struct match_profile *p = &ui->session.profile;
	struct match_profile moved = *p;
	size_t n;

	if (!ui->session.year_answered)
		snprintf(out, len, "not given (dates as for Year 11)");
	else if (p->school_year)
		snprintf(out, len, "Year %d", p->school_year);
	else
		snprintf(out, len, "left school, aged %d", p->age);
	if (!ui->session.what_if.year || !ui->session.year_answered)
		return;
	session_what_if(&ui->session, &moved);
	n = strlen(out);
	if (moved.school_year)
		snprintf(out + n, len - n, " now; Year %d on the what-if date", moved.school_year);
	else
		snprintf(out + n, len - n, " now; left school, %d on the what-if date", moved.age);
}

static void filters_draw(struct ui *ui, struct view *v)
{
	struct filters *f = v->extra;
	const struct match_profile *p = &ui->session.profile;
	int y = 1, r, k;
	char value[320];

	canvas_frame(ui, "Search with every filter", filters_modes, filters_footer);
	for (r = 0; r < ROW_COUNT && y < ui->lines - 3; r++, y++) {
		int on = r == v->cursor;

		value[0] = '\0';
		switch (r) {
		case ROW_STAGE:
			stage_words(ui, value, sizeof(value));
			break;
		case ROW_RADIUS:
			if (p->travel.mode == TRAVEL_BUS && p->travel.within_minutes)
				snprintf(value, sizeof(value), "%d min by bus, there by 9 on a school day",
					 p->travel.within_minutes);
			else if (p->radius > 0)
				snprintf(value, sizeof(value), "%g miles", p->radius);
			else
				snprintf(value, sizeof(value), "anywhere");
			break;
		case ROW_INTERESTS:
			snprintf(value, sizeof(value), "%s (Enter to change)",
				 ui->session.interest_names[0] ? ui->session.interest_names : "none");
			break;
		case ROW_KINDS:
			if (on) {
				/* Editing: one kind at a time, Left/Right to move, Space to switch. */
				snprintf(value, sizeof(value), "< %s > %s (Space switches)",
					 match_kind_heading((enum option_kind)f->kind),
					 !p->kinds || (p->kinds & (1u << f->kind)) ? "shown" : "hidden");
				break;
			}
			if (!p->kinds)
				snprintf(value, sizeof(value), "everything");
			for (k = 0; k < OPTION_KIND_COUNT && p->kinds; k++) {
				size_t n = strlen(value);

				if (p->kinds & (1u << k))
					snprintf(value + n, sizeof(value) - n, "%s%s", n ? ", " : "",
						 match_kind_heading((enum option_kind)k));
			}
			break;
		case ROW_LEVEL:
			if (isnan(p->level))
				snprintf(value, sizeof(value), "any");
			else if (p->level == 0)
				snprintf(value, sizeof(value), "entry");
			else
				snprintf(value, sizeof(value), "%g only", p->level);
			break;
		case ROW_SHOW_ALL:
			snprintf(value, sizeof(value), "[%s] show them too, saying why",
				 p->show_not_for_age ? "x" : " ");
			break;
		case ROW_SORT:
			snprintf(value, sizeof(value), "%s", match_sort_name(p->sort));
			break;
		case ROW_SEARCH:
			y++;
			canvas_button(ui, y, 2, "Search", ACTION_SELECT, ROW_SEARCH, on);
			continue;
		default:
			snprintf(value, sizeof(value), "%s%s", row_text(f, r),
				 on && v->input_active ? canvas_symbol(ui, "\xE2\x96\x8F", "_") : "");
		}
		canvas_text(ui, y, 2, 18, on ? PAINT_SELECTED : PAINT_ACCENT, row_labels[r]);
		canvas_text(ui, y, 21, ui->cols - 23, is_text_row(r) ? PAINT_FIELD : PAINT_TEXT, value);
		canvas_hit(ui, y, 2, 1, ui->cols - 4, ACTION_TOGGLE, r);
	}
	if (v->message[0]) {
		canvas_wrap(ui, ui->lines - 3, 2, ui->cols - 4, 1, PAINT_WARNING, v->message);
	} else {
		struct civil_date sep = { p->today.year + (p->today.month >= 9), 9, 1 };
		char iso[11];

		date_iso(sep, iso);
		snprintf(value, sizeof(value), "Enter: type. What if next September? Dates as "
			 "on %s (not saved).", iso);
		canvas_text(ui, ui->lines - 3, 2, ui->cols - 4, PAINT_DIM, value);
	}
}

/* Step the school year/age: Year 7..13, then left school at 16..25. */
static void step_stage(struct ui *ui, int dir)
{
	struct match_profile *p = &ui->session.profile;
	int pos = !ui->session.year_answered ? 4 : p->school_year ? p->school_year - 7 : 7 + p->age - 16;

	pos += dir;
	if (pos < 0)
		pos = 0;
	if (pos > 16)
		pos = 16;
	ui->session.year_answered = 1;
	if (pos < 7) {
		p->school_year = 7 + pos;
		p->age = 0;
	} else {
		p->school_year = 0;
		p->age = 16 + pos - 7;
	}
}

static void step_value(struct ui *ui, struct filters *f, int row, int dir)
{
	struct match_profile *p = &ui->session.profile;
	int i;

	switch (row) {
	case ROW_STAGE:
		step_stage(ui, dir);
		break;
	case ROW_RADIUS:
		/* One scale: the miles, then the times by bus. */
		if (p->travel.mode == TRAVEL_BUS && p->travel.within_minutes) {
			for (i = 0; i < MINUTE_STEPS && minute_steps[i] != p->travel.within_minutes; i++)
				;
			i = RADIUS_STEPS + (i == MINUTE_STEPS ? 2 : i);
		} else {
			for (i = 0; i < RADIUS_STEPS && radius_steps[i] != p->radius; i++)
				;
			if (i == RADIUS_STEPS)
				i = 2;
		}
		i += dir;
		if (i < 0)
			i = 0;
		if (i >= RADIUS_STEPS + (travel_available(ui->store) ? MINUTE_STEPS : 0))
			i--;
		if (i >= RADIUS_STEPS) {
			p->travel.mode = TRAVEL_BUS;
			p->travel.settings = ui->options.travel;
			p->travel.within_minutes = minute_steps[i - RADIUS_STEPS];
		} else {
			p->travel.mode = TRAVEL_NONE;
			p->travel.within_minutes = 0;
			p->radius = radius_steps[i];
		}
		break;
	case ROW_KINDS:
		f->kind = (f->kind + dir + OPTION_KIND_COUNT) % OPTION_KIND_COUNT;
		break;
	case ROW_LEVEL:
		if (isnan(p->level))
			p->level = dir > 0 ? 0 : 8;
		else if ((p->level <= 0 && dir < 0) || (p->level >= 8 && dir > 0))
			p->level = NAN;
		else
			p->level = floor(p->level) + dir;
		break;
	case ROW_SORT:
		p->sort = (enum match_sort)((p->sort + SORT_TRAVEL + 1 + dir) % (SORT_TRAVEL + 1));
		break;
	case ROW_SHOW_ALL:
		p->show_not_for_age = !p->show_not_for_age;
		break;
	default:
		break;
	}
}

/* Check and take the typed boxes; 0 with v->message when one is wrong. */
static int take_boxes(struct ui *ui, struct view *v)
{
	struct filters *f = v->extra;
	struct match_profile *p = &ui->session.profile;
	char code[9], why[VALIDATE_WHY];
	struct civil_date d;
	int full;

	if (!f->postcode[0]) {
		p->place[0] = '\0';
	} else if (validate_place_code(f->postcode, code, &full, why) != STATUS_OK) {
		snprintf(v->message, sizeof(v->message), "Postcode: \"%s\" is not a postcode or district.",
			 f->postcode);
		v->cursor = ROW_POSTCODE;
		return 0;
	} else {
		snprintf(p->place, sizeof(p->place), "%s", code);
		p->place_is_full = full;
	}
	if (!f->quiz[0]) {
		p->has_riasec = 0;
		ui->session.quiz_code[0] = '\0';
	} else if (match_parse_riasec(f->quiz, p->riasec, why, sizeof(why)) != STATUS_OK) {
		snprintf(v->message, sizeof(v->message), "Quiz letters: use up to three of R I A S E C, "
			 "strongest first, like SAI.");
		v->cursor = ROW_QUIZ;
		return 0;
	} else {
		p->has_riasec = 1;
		snprintf(ui->session.quiz_code, sizeof(ui->session.quiz_code), "%.3s", f->quiz);
		for (char *c = ui->session.quiz_code; *c; c++)
			*c = (char)toupper((unsigned char)*c);
	}
	snprintf(p->text, sizeof(p->text), "%s", f->words);
	if (!date_parse(f->today, &d) || strlen(f->today) != 10) {
		snprintf(v->message, sizeof(v->message),
			 "Dates as on: \"%s\" is not a date. Type it as YYYY-MM-DD, like 2027-09-01.",
			 f->today);
		v->cursor = ROW_TODAY;
		return 0;
	}
	/* A what-if, never saved: the real date stays in the profile. */
	if (date_compare(d, p->today) == 0)
		memset(&ui->session.what_if, 0, sizeof(ui->session.what_if));
	else
		ui->session.what_if = d;
	v->message[0] = '\0';
	return 1;
}

static enum outcome filters_handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	struct filters *f = v->extra;
	struct match_profile *p = &ui->session.profile;

	if (v->input_active) {
		char *text = row_text(f, v->cursor);
		size_t len = strlen(text);

		switch (a) {
		case ACTION_TYPE:
			if (key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_DC) {
				if (len)
					text[len - 1] = '\0';
			} else if (len < row_max(v->cursor) && key >= ' ' && key < 127) {
				text[len] = (char)key;
				text[len + 1] = '\0';
			}
			return OUTCOME_REDRAW;
		case ACTION_SELECT:
		case ACTION_BACK:
		case ACTION_NEXT_TAB:
		case ACTION_DOWN:
		case ACTION_UP:
			v->input_active = 0;
			if (a == ACTION_DOWN || a == ACTION_NEXT_TAB)
				v->cursor++;
			if (a == ACTION_UP && v->cursor > 0)
				v->cursor--;
			return OUTCOME_REDRAW;
		default:
			return OUTCOME_NONE;
		}
	}
	if (a == ACTION_TOGGLE && arg >= 0) {
		v->cursor = arg;
		a = ACTION_SELECT;
	}
	if (ui_list_move(v, a, -1, ROW_COUNT, ROW_COUNT))
		return OUTCOME_REDRAW;
	switch (a) {
	case ACTION_BACK:
		if (!take_boxes(ui, v))
			return OUTCOME_REDRAW;
		ui_save_advice(ui);
		return OUTCOME_POP;
	case ACTION_LEFT:
	case ACTION_RIGHT:
		step_value(ui, f, v->cursor, a == ACTION_LEFT ? -1 : 1);
		return OUTCOME_REDRAW;
	case ACTION_TOGGLE:
		if (v->cursor == ROW_KINDS) {
			unsigned all = (1u << OPTION_KIND_COUNT) - 1;

			if (!p->kinds)
				p->kinds = all;
			p->kinds ^= 1u << f->kind;
			if (p->kinds == all || !p->kinds)
				p->kinds = 0;
			return OUTCOME_REDRAW;
		}
		step_value(ui, f, v->cursor, 1);
		return OUTCOME_REDRAW;
	case ACTION_SELECT:
		if (is_text_row(v->cursor)) {
			v->input_active = 1;
			return OUTCOME_REDRAW;
		}
		if (v->cursor == ROW_INTERESTS) {
			ui->next = VIEW_INTERESTS;
			return OUTCOME_PUSH;
		}
		if (v->cursor != ROW_SEARCH) {
			step_value(ui, f, v->cursor, 1);
			return OUTCOME_REDRAW;
		}
		if (!take_boxes(ui, v))
			return OUTCOME_REDRAW;
		ui_save_advice(ui);
		ui->next = VIEW_RESULTS;
		return OUTCOME_PUSH;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_filters = {
	.name = "filters",
	.title = "Adviser: every filter",
	.modes = filters_modes,
	.footer = filters_footer,
	.open = filters_open,
	.draw = filters_draw,
	.handle = filters_handle,
	.close = filters_close,
};
