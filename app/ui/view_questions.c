/*
 * view_questions.c - the three quick questions: school year, interests,
 * and where (postcode and how far). Each can be skipped; each is answered
 * with a few keys or taps.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "quiz.h"
#include "ui.h"
#include "validate.h"

static const enum key_mode list_modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum key_mode interests_modes[] = { MODE_INTERESTS, MODE_LIST, MODE_GLOBAL, MODE_END };

/* --- Question 1: school year ------------------------------------------------------- */

#define YEAR_ROWS 9	/* Year 7..13, left school, skip */
#define AGE_ROWS 10	/* 16..25 */

static const enum action year_footer[] = {
	ACTION_UP, ACTION_DOWN, ACTION_SELECT, ACTION_BACK, ACTION_HELP, ACTION_NONE
};

static void year_open(struct ui *ui, struct view *v)
{
	const struct session *s = &ui->session;

	v->cursor = 4;	/* Year 11: the year most kiosk users are in */
	if (s->year_answered)
		v->cursor = s->profile.school_year ? s->profile.school_year - 7 : 7;
}

static void year_draw(struct ui *ui, struct view *v)
{
	int y = 2, i, rows = v->step ? AGE_ROWS : YEAR_ROWS;
	int visible = ui->lines - 7;

	canvas_frame(ui, "Question 1 of 3: your school year", list_modes, year_footer);
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_TITLE,
		    v->step ? "How old are you?" : "Which year are you in at school?");
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_DIM,
		    v->step ? "Pick your age, then press Enter." :
		    "Pick one with the arrow keys (or tap it), then press Enter.");
	y++;
	if (visible > rows)
		visible = rows;
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (v->cursor >= v->top + visible)
		v->top = v->cursor - visible + 1;
	for (i = v->top; i < rows && i < v->top + visible; i++, y++) {
		char label[64];
		int on = i == v->cursor;

		if (v->step)
			snprintf(label, sizeof(label), "%s %d", on ? ">" : " ", 16 + i);
		else if (i < 7)
			snprintf(label, sizeof(label), "%s Year %d", on ? ">" : " ", 7 + i);
		else
			snprintf(label, sizeof(label), "%s %s", on ? ">" : " ",
				 i == 7 ? "I have left school" : "Skip this question");
		canvas_text(ui, y, 2, 30, on ? PAINT_SELECTED : PAINT_TEXT, label);
		canvas_hit(ui, y, 2, 1, 30, ACTION_SELECT, i);
	}
}

static enum outcome year_handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	struct session *s = &ui->session;
	int rows = v->step ? AGE_ROWS : YEAR_ROWS;

	(void)key;
	if (ui_list_move(v, a, arg, rows, ui->lines - 7))
		return OUTCOME_REDRAW;
	if (a == ACTION_BACK) {
		if (v->step) {
			v->step = 0;
			v->cursor = 7;
			v->top = 0;
			return OUTCOME_REDRAW;
		}
		return OUTCOME_POP;
	}
	if (a != ACTION_SELECT)
		return OUTCOME_NONE;
	if (v->step) {
		s->profile.school_year = 0;
		s->profile.age = 16 + v->cursor;
		s->year_answered = 1;
	} else if (v->cursor < 7) {
		s->profile.school_year = 7 + v->cursor;
		s->profile.age = 0;
		s->year_answered = 1;
	} else if (v->cursor == 7) {
		v->step = 1;
		v->cursor = 1;
		v->top = 0;
		return OUTCOME_REDRAW;
	} else {
		s->year_answered = 0;
	}
	ui->next = VIEW_INTERESTS;
	return OUTCOME_PUSH;
}

const struct view_ops view_year = {
	.name = "year",
	.title = "Question 1: your school year",
	.modes = list_modes,
	.footer = year_footer,
	.open = year_open,
	.draw = year_draw,
	.handle = year_handle,
};

/* --- Question 2: interests ---------------------------------------------------------- */

struct interests_state {
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	int count;
};

static const enum action interests_footer[] = {
	ACTION_TOGGLE, ACTION_SELECT, ACTION_QUIZ, ACTION_BACK, ACTION_HELP, ACTION_NONE
};

static int chosen(const struct session *s, long long id)
{
	int i;

	for (i = 0; i < s->profile.interest_count; i++)
		if (s->profile.interests[i] == id)
			return 1;
	return 0;
}

static void interests_open(struct ui *ui, struct view *v)
{
	struct interests_state *st = xcalloc(1, sizeof(*st));

	st->count = (int)match_interests(ui->store, st->all, sizeof(st->all) / sizeof(st->all[0]));
	v->extra = st;
	v->count = st->count + 1;	/* the areas, then "Continue" */
}

static void interests_close(struct ui *ui, struct view *v)
{
	(void)ui;
	free(v->extra);
	v->extra = NULL;
}

static void interests_draw(struct ui *ui, struct view *v)
{
	const struct interests_state *st = v->extra;
	const struct session *s = &ui->session;
	int y = 1, i, visible, examples;
	char line[256];

	canvas_frame(ui, "Question 2 of 3: what you like", interests_modes, interests_footer);
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_TITLE, "What are you interested in?");
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_DIM,
		    ui->cols >= 80 ? "Tick all you like (Space), then press Enter. Not sure? "
				     "Press q for a quiz." :
				     "Tick with Space, then Enter. q: quiz.");
	visible = ui->lines - 8;
	if (visible > st->count)
		visible = st->count;
	if (visible < 1)
		visible = 1;
	if (v->cursor < st->count) {
		if (v->cursor < v->top)
			v->top = v->cursor;
		if (v->cursor >= v->top + visible)
			v->top = v->cursor - visible + 1;
	}
	/* Examples in the rows only when every row fits whole; else below, for the picked one. */
	for (i = 0, examples = 1; i < st->count && examples; i++)
		examples = 7 + format_width(st->all[i].name) + format_width(st->all[i].examples) <=
			   ui->cols - 2;
	for (i = v->top; i < st->count && i < v->top + visible; i++, y++) {
		int on = i == v->cursor, ticked = chosen(s, st->all[i].id);

		if (examples)
			snprintf(line, sizeof(line), "%s[%s] %s - %s", on ? ">" : " ",
				 ticked ? "x" : " ", st->all[i].name, st->all[i].examples);
		else
			snprintf(line, sizeof(line), "%s[%s] %s", on ? ">" : " ", ticked ? "x" : " ",
				 st->all[i].name);
		canvas_text(ui, y, 1, ui->cols - 2, on ? PAINT_SELECTED : ticked ? PAINT_ACCENT :
			    PAINT_TEXT, line);
		canvas_hit(ui, y, 1, 1, ui->cols - 2, ACTION_TOGGLE, i);
	}
	if (v->cursor < st->count && !examples) {
		snprintf(line, sizeof(line), "%s: %s", st->all[v->cursor].name,
			 st->all[v->cursor].examples);
		canvas_wrap(ui, y, 2, ui->cols - 4, 1, PAINT_DIM, line);
	}
	y++;
	if (s->quiz_ticked) {
		canvas_wrap(ui, y, 2, ui->cols - 4, 2, PAINT_GOOD,
			    "We ticked the areas that fit your quiz: untick any you do not like.");
	} else if (s->quiz_code[0]) {
		int k;

		snprintf(line, sizeof(line), "Your quiz:");
		for (k = 0; s->quiz_code[k] && k < 2; k++) {
			const char *letter = strchr("RIASEC", s->quiz_code[k]);

			if (letter)
				snprintf(line + strlen(line), sizeof(line) - strlen(line), "%s %s",
					 k ? " and" : "", match_riasec_words((int)(letter - "RIASEC")));
		}
		canvas_text(ui, y, 2, ui->cols - 4, PAINT_GOOD, line);
	}
	y = ui->lines - 3;
	canvas_button(ui, y, 2, s->profile.interest_count || s->quiz_code[0] ? "Continue" :
		      "Continue without choosing", ACTION_SELECT, st->count,
		      v->cursor == st->count);
	canvas_button(ui, y, ui->cols >= 60 ? 40 : 2 + 30, "Take the quiz", ACTION_QUIZ, -1, 0);
}

static void remember_names(struct ui *ui, const struct interests_state *st)
{
	struct session *s = &ui->session;
	int i;

	s->interest_names[0] = '\0';
	for (i = 0; i < st->count; i++) {
		if (!chosen(s, st->all[i].id))
			continue;
		if (s->interest_names[0])
			strncat(s->interest_names, ", ",
				sizeof(s->interest_names) - strlen(s->interest_names) - 1);
		strncat(s->interest_names, st->all[i].name,
			sizeof(s->interest_names) - strlen(s->interest_names) - 1);
	}
}

static enum outcome interests_handle(struct ui *ui, struct view *v, enum action a, int key,
				     int arg)
{
	struct interests_state *st = v->extra;
	struct session *s = &ui->session;
	int i;

	(void)key;
	if (ui_list_move(v, a, arg, st->count + 1, ui->lines - 7))
		return OUTCOME_REDRAW;
	switch (a) {
	case ACTION_BACK:
		return OUTCOME_POP;
	case ACTION_QUIZ:
		ui->next = VIEW_QUIZ;
		return OUTCOME_PUSH;
	case ACTION_TOGGLE:
	case ACTION_SELECT:
		if (v->cursor < st->count && (a == ACTION_TOGGLE || arg >= 0)) {
			long long id = st->all[v->cursor].id;

			if (chosen(s, id)) {
				for (i = 0; i < s->profile.interest_count; i++)
					if (s->profile.interests[i] == id)
						s->profile.interests[i] =
							s->profile.interests[--s->profile.interest_count];
			} else if (s->profile.interest_count < MATCH_MAX_INTERESTS) {
				s->profile.interests[s->profile.interest_count++] = id;
			}
			remember_names(ui, st);
			return OUTCOME_REDRAW;
		}
		if (a == ACTION_TOGGLE)
			return OUTCOME_NONE;
		s->interests_answered = 1;
		remember_names(ui, st);
		if (ui->options.adviser)
			return OUTCOME_POP;	/* back to the filters */
		ui->next = VIEW_PLACE;
		return OUTCOME_PUSH;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_interests = {
	.name = "interests",
	.title = "Question 2: what you like",
	.modes = interests_modes,
	.footer = interests_footer,
	.open = interests_open,
	.draw = interests_draw,
	.handle = interests_handle,
	.close = interests_close,
};

/* --- the quiz --------------------------------------------------------------------------- */

static const enum key_mode quiz_modes[] = { MODE_QUIZ, MODE_GLOBAL, MODE_END };
static const enum action quiz_footer[] = {
	ACTION_ANSWER_YES, ACTION_ANSWER_MAYBE, ACTION_ANSWER_NO, ACTION_FINISH, ACTION_BACK,
	ACTION_NONE
};

/*
 * Tick (never untick) the interest areas that fit a quiz code: for each of
 * the pupil's two strongest letters, up to two areas led by that letter,
 * those whose second letter is also one of the pupil's first. Returns how
 * many were newly ticked.
 */
static int tick_quiz_areas(struct ui *ui, const char *code)
{
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	struct match_profile *p = &ui->session.profile;
	size_t count = match_interests(ui->store, all, sizeof(all) / sizeof(all[0]));
	int ticked = 0;

	for (int k = 0; k < 2 && code[k]; k++) {
		int taken = 0;

		for (int pass = 0; pass < 2; pass++)
			for (size_t i = 0; i < count && taken < 2; i++) {
				const char *r = all[i].riasec;
				int already = 0, second = r[0] && r[1] && strchr(code, r[1]);

				if (r[0] != code[k] || (pass == 0) != (second != 0))
					continue;
				for (int j = 0; j < p->interest_count; j++)
					already |= p->interests[j] == all[i].id;
				taken++;
				if (already || p->interest_count >= MATCH_MAX_INTERESTS)
					continue;
				p->interests[p->interest_count++] = all[i].id;
				ticked++;
			}
	}
	return ticked;
}

static void quiz_open(struct ui *ui, struct view *v)
{
	size_t i;

	(void)ui;
	for (i = 0; i < sizeof(v->answers) / sizeof(v->answers[0]); i++)
		v->answers[i] = -1;
	v->cursor = 0;	/* the highlighted answer button */
}

static void quiz_draw(struct ui *ui, struct view *v)
{
	int n = (int)quiz_count(), y = 2, x = 2;
	char line[160];
	static const char *const answers[] = { "Yes (y)", "Not sure (m)", "No (n)" };
	static const enum action answer_actions[] = {
		ACTION_ANSWER_YES, ACTION_ANSWER_MAYBE, ACTION_ANSWER_NO
	};

	if (v->step >= n) {
		static const enum action done_footer[] = { ACTION_SELECT, ACTION_BACK, ACTION_NONE };

		canvas_frame(ui, "A quick quiz", quiz_modes, done_footer);
		double scores[6];
		char code[4];
		int k;

		canvas_text(ui, y, x, ui->cols - 4, PAINT_TITLE, "Thank you!");
		y += 2;
		if (quiz_score(v->answers, (size_t)n, scores, code) != STATUS_OK) {
			size_t answered = quiz_answered(v->answers, (size_t)n);

			if (answered >= QUIZ_MIN_ANSWERS)
				canvas_wrap(ui, y, x, ui->cols - 4, 4, PAINT_TEXT,
					    "You said no to everything. That is fine: lots of people "
					    "only find out what they like by trying things. Press Enter "
					    "and tick the areas you would like to find out about.");
			else {
				snprintf(line, sizeof(line), "You answered %zu question%s. Answer at "
					 "least %d for the quiz to tell what you like - or press "
					 "Enter and tick what you like yourself.", answered,
					 answered == 1 ? "" : "s", QUIZ_MIN_ANSWERS);
				canvas_wrap(ui, y, x, ui->cols - 4, 4, PAINT_TEXT, line);
			}
		} else {
			int bar_x = x + 4, words_w = 0;

			canvas_text(ui, y++, x, ui->cols - 4, PAINT_TEXT, "You seem to like:");
			for (k = 0; code[k]; k++) {
				const char *letter = strchr("RIASEC", code[k]);

				if (letter && format_width(match_riasec_words((int)(letter - "RIASEC"))) >
				    words_w)
					words_w = format_width(match_riasec_words((int)(letter - "RIASEC")));
			}
			if (bar_x + words_w + 14 > ui->cols)
				words_w = ui->cols - bar_x - 14;
			for (k = 0; code[k]; k++) {
				const char *letter = strchr("RIASEC", code[k]);
				int i;

				if (!letter)
					continue;
				i = (int)(letter - "RIASEC");
				snprintf(line, sizeof(line), "%d.", k + 1);
				canvas_text(ui, ++y, x, 3, PAINT_GOOD, line);
				canvas_text(ui, y, bar_x, words_w, PAINT_GOOD, match_riasec_words(i));
				/* How strongly, against the strongest: a bar of ten. */
				canvas_bar(ui, y, bar_x + words_w + 2, 10, scores[i], 1, PAINT_ACCENT);
			}
			y += 2;
			canvas_wrap(ui, y, x, ui->cols - 4, 3, PAINT_DIM,
				    "Press Enter: we will tick the areas that fit, for you to check. "
				    "What you tick yourself comes first.");
		}
		canvas_button(ui, ui->lines - 4, x, "Continue", ACTION_SELECT, -1, 1);
		return;
	}
	canvas_frame(ui, "A quick quiz", quiz_modes, quiz_footer);
	snprintf(line, sizeof(line), "Question %d of %d", v->step + 1, n);
	canvas_text(ui, y, x, ui->cols - 4, PAINT_DIM, line);
	y += 2;
	y += canvas_wrap(ui, y, x, ui->cols - 4, 3, PAINT_TITLE, quiz_item((size_t)v->step)->text);
	y += 2;
	for (int k = 0; k < 3; k++) {
		int w = canvas_button(ui, y, x, answers[k], answer_actions[k], -1, v->cursor == k);

		x += w + 2;
		if (x > ui->cols - 20) {
			x = 2;
			y += 2;
		}
	}
	canvas_text(ui, ui->lines - 3, 2, ui->cols - 4, PAINT_DIM,
		    "There are no wrong answers. Esc goes back a question; f finishes now.");
}

static enum outcome quiz_handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	int n = (int)quiz_count();
	int answer = -1;

	(void)key;
	(void)arg;
	if (v->step >= n) {
		if (a == ACTION_SELECT) {
			double scores[6];
			char code[4];
			struct session *s = &ui->session;

			if (quiz_score(v->answers, (size_t)n, scores, code) == STATUS_OK) {
				memcpy(s->profile.riasec, scores, sizeof(scores));
				s->profile.has_riasec = 1;
				snprintf(s->quiz_code, sizeof(s->quiz_code), "%s", code);
				s->quiz_ticked = tick_quiz_areas(ui, code);
			}
			return OUTCOME_POP;
		}
		if (a == ACTION_BACK) {
			v->step = n - 1;
			return OUTCOME_REDRAW;
		}
		return OUTCOME_NONE;
	}
	switch (a) {
	case ACTION_ANSWER_YES: answer = 2; break;
	case ACTION_ANSWER_MAYBE: answer = 1; break;
	case ACTION_ANSWER_NO: answer = 0; break;
	case ACTION_LEFT:
		v->cursor = v->cursor > 0 ? v->cursor - 1 : 0;
		return OUTCOME_REDRAW;
	case ACTION_RIGHT:
		v->cursor = v->cursor < 2 ? v->cursor + 1 : 2;
		return OUTCOME_REDRAW;
	case ACTION_SELECT:
		answer = 2 - v->cursor;
		break;
	case ACTION_BACK:
		if (v->step == 0)
			return OUTCOME_POP;
		v->step--;
		return OUTCOME_REDRAW;
	case ACTION_FINISH:
		v->step = n;
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
	v->answers[v->step++] = answer;
	v->cursor = 0;
	return OUTCOME_REDRAW;
}

const struct view_ops view_quiz = {
	.name = "quiz",
	.title = "The quiz",
	.modes = quiz_modes,
	.footer = quiz_footer,
	.open = quiz_open,
	.draw = quiz_draw,
	.handle = quiz_handle,
};

/* --- Question 3: where ----------------------------------------------------------------- */

static const double radius_steps[] = { 2, 5, 10, 15, 20, 30, 50, MATCH_ANYWHERE };
#define RADIUS_STEPS (int)(sizeof(radius_steps) / sizeof(radius_steps[0]))
/* By bus, arriving by 9 on a school day: minutes door to door (travel.h). */
static const int minute_steps[] = { 20, 30, 45, 60, 90 };
#define MINUTE_STEPS (int)(sizeof(minute_steps) / sizeof(minute_steps[0]))
#define POSTCODE_MAX 10

/*
 * Focus (v->step): 0 the postcode field, 1 the miles, 2 the minutes by
 * bus (only when the data has bus timetables), 3 Continue. v->cursor is
 * the choice: 0.. a distance in miles, RADIUS_STEPS.. a time by bus.
 */
enum { FOCUS_POSTCODE, FOCUS_MILES, FOCUS_BUS, FOCUS_CONTINUE };
static const enum key_mode place_modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action place_footer[] = {
	ACTION_NEXT_TAB, ACTION_SELECT, ACTION_BACK, ACTION_HELP, ACTION_NONE
};

static int radius_index(double r)
{
	int i;

	for (i = 0; i < RADIUS_STEPS; i++)
		if (radius_steps[i] == r)
			return i;
	return 2;
}

static int minutes_index(int minutes)
{
	int i;

	for (i = 0; i < MINUTE_STEPS; i++)
		if (minute_steps[i] == minutes)
			return RADIUS_STEPS + i;
	return RADIUS_STEPS + 2;
}

/* Is there a bus choice to make? (The store has timetables.) */
static int has_bus(const struct view *v)
{
	return v->count > 0;
}

/* The focus after (dir 1) or before (dir -1) f, skipping the bus row when there is none. */
static int next_focus(const struct view *v, int f, int dir)
{
	do
		f = (f + dir + 4) % 4;
	while (f == FOCUS_BUS && !has_bus(v));
	return f;
}

static void place_open(struct ui *ui, struct view *v)
{
	const struct session *s = &ui->session;

	snprintf(v->input, sizeof(v->input), "%s", s->place_typed);
	v->input_active = 1;
	v->step = FOCUS_POSTCODE;
	v->count = travel_available(ui->store);
	if (s->place_answered && s->profile.travel.mode == TRAVEL_BUS && has_bus(v))
		v->cursor = minutes_index(s->profile.travel.within_minutes);
	else
		v->cursor = radius_index(s->place_answered ? s->profile.radius : 10);
}

/* One row of choices; returns the next free line. */
static int choice_row(struct ui *ui, struct view *v, int y, int first, int count, int focus)
{
	char line[48];
	int i, x = 2;

	for (i = first; i < first + count; i++) {
		int on = i == v->cursor, w, mins = i >= RADIUS_STEPS ? minute_steps[i - RADIUS_STEPS] : 0;

		if (i < RADIUS_STEPS && radius_steps[i] < 0)
			snprintf(line, sizeof(line), "%sanywhere%s", on ? "[" : " ", on ? "]" : " ");
		else if (i < RADIUS_STEPS)
			snprintf(line, sizeof(line), "%s%g%s%s", on ? "[" : " ", radius_steps[i],
				 i == 0 ? " miles" : "", on ? "]" : " ");
		else if (mins >= 60)
			snprintf(line, sizeof(line), "%s%d hour%s%s%s", on ? "[" : " ", mins / 60,
				 mins >= 120 ? "s" : "", mins % 60 ? " 30" : "", on ? "]" : " ");
		else
			snprintf(line, sizeof(line), "%s%d min%s", on ? "[" : " ", mins, on ? "]" : " ");
		if (x + format_width(line) >= ui->cols - 1) {
			x = 2;
			y++;
		}
		w = canvas_text(ui, y, x, ui->cols - x - 1, on ? (v->step == focus ? PAINT_SELECTED :
			    PAINT_ACCENT) : PAINT_TEXT, line);
		canvas_hit(ui, y, x, 1, w, ACTION_TOGGLE, i);
		x += w + 1;
	}
	return y + 1;
}

static void place_draw(struct ui *ui, struct view *v)
{
	int y = 2, x = 2;
	char line[96];

	canvas_frame(ui, "Question 3 of 3: where you are", place_modes, place_footer);
	canvas_text(ui, y, x, ui->cols - 4, PAINT_TITLE, "What is your postcode?");
	y += 1;
	canvas_text(ui, y, x, ui->cols - 4, PAINT_DIM,
		    "The whole postcode (like DN1 3BU) or just the first part (like DN1).");
	y += 2;
	canvas_text(ui, y, x, 10, PAINT_TEXT, "Postcode:");
	snprintf(line, sizeof(line), " %-*s ", POSTCODE_MAX, v->input);
	canvas_text(ui, y, x + 10, POSTCODE_MAX + 2, v->step == FOCUS_POSTCODE ? PAINT_SELECTED :
		    PAINT_FIELD, line);
	canvas_hit(ui, y, x + 10, 1, POSTCODE_MAX + 2, ACTION_NEXT_TAB, FOCUS_POSTCODE);
	if (v->step == FOCUS_POSTCODE && v->input_active)
		canvas_text(ui, y, x + 11 + (int)strlen(v->input), 1, PAINT_SELECTED,
			    canvas_symbol(ui, "\xE2\x96\x8F", "_"));
	y += 1;
	if (v->message[0])
		canvas_wrap(ui, y, x + 10, ui->cols - x - 12, 2, PAINT_WARNING, v->message);
	y += has_bus(v) ? 2 : 3;
	canvas_text(ui, y, x, ui->cols - 4, PAINT_TITLE, "How far could you travel?");
	y += 1;
	canvas_text(ui, y, x, ui->cols - 4, PAINT_DIM, has_bus(v) ?
		    "Pick a distance, or a time by bus (Left, Right, Tab; or tap one)." :
		    "Use Left and Right to choose (or tap one).");
	y += 1;
	y = choice_row(ui, v, y, 0, RADIUS_STEPS, FOCUS_MILES);
	if (has_bus(v)) {
		canvas_text(ui, y, x, ui->cols - 4, PAINT_TEXT,
			    "Or by bus, to be there by 9 on a school day:");
		choice_row(ui, v, y + 1, RADIUS_STEPS, MINUTE_STEPS, FOCUS_BUS);
	}
	y = ui->lines - 4;
	canvas_button(ui, y, 2, v->input[0] ? "Show my options" : "Skip and show my options",
		      ACTION_SELECT, FOCUS_CONTINUE, v->step == FOCUS_CONTINUE);
}

/* Check the typed postcode. 1: fine (or blank), 0: the learner must fix it. */
static int place_accept(struct ui *ui, struct view *v)
{
	struct session *s = &ui->session;
	char code[9], why[VALIDATE_WHY], district[9];
	struct geo_point p;
	int full, found;

	v->message[0] = '\0';
	if (!v->input[strspn(v->input, " ")]) {
		s->profile.place[0] = '\0';
		s->place_typed[0] = '\0';
		return 1;
	}
	if (validate_place_code(v->input, code, &full, why) != STATUS_OK) {
		snprintf(v->message, sizeof(v->message),
			 "\"%.12s\" is not a postcode. Try one like DN1 3BU, or just DN1.", v->input);
		return 0;
	}
	if (store_find_place(ui->store, code, full, &p, &found) != STATUS_OK)
		found = 0;
	if (!found && full) {
		snprintf(district, sizeof(district), "%.*s", (int)strcspn(code, " "), code);
		if (store_find_place(ui->store, district, 0, &p, &found) == STATUS_OK && found)
			snprintf(ui->status, sizeof(ui->status),
				 "We do not know %s, so we used the middle of %s.", code, district);
	}
	if (!found) {
		snprintf(v->message, sizeof(v->message),
			 "We do not know %s. Check it, or leave it empty to skip.", code);
		return 0;
	}
	snprintf(s->profile.place, sizeof(s->profile.place), "%s", code);
	s->profile.place_is_full = full;
	snprintf(s->place_typed, sizeof(s->place_typed), "%s", code);
	return 1;
}

/* Left or Right in the row that has the focus (the miles when it is elsewhere). */
static void step_choice(struct view *v, int dir)
{
	int first = 0, count = RADIUS_STEPS;

	if (v->step == FOCUS_BUS) {
		first = RADIUS_STEPS;
		count = MINUTE_STEPS;
	} else {
		v->step = FOCUS_MILES;
	}
	if (v->cursor < first || v->cursor >= first + count)
		v->cursor = first + (first ? 2 : radius_index(10));
	else
		v->cursor += dir;
	if (v->cursor < first)
		v->cursor = first;
	if (v->cursor >= first + count)
		v->cursor = first + count - 1;
	v->input_active = 0;
}

static enum outcome place_handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	struct session *s = &ui->session;
	size_t len = strlen(v->input);

	switch (a) {
	case ACTION_TYPE:
		if (v->step != FOCUS_POSTCODE)
			return OUTCOME_NONE;
		if (key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_DC) {
			if (len)
				v->input[len - 1] = '\0';
		} else if (!isalnum(key) && key != ' ') {
			snprintf(v->message, sizeof(v->message),
				 "Postcodes have only letters, numbers and a space.");
		} else if (len >= POSTCODE_MAX) {
			snprintf(v->message, sizeof(v->message), "That is too long for a postcode.");
		} else {
			v->input[len] = (char)toupper(key);
			v->input[len + 1] = '\0';
			v->message[0] = '\0';
		}
		return OUTCOME_REDRAW;
	case ACTION_NEXT_TAB:
	case ACTION_DOWN:
		v->step = arg >= 0 ? arg : next_focus(v, v->step, 1);
		v->input_active = v->step == FOCUS_POSTCODE;
		return OUTCOME_REDRAW;
	case ACTION_PREV_TAB:
	case ACTION_UP:
		v->step = next_focus(v, v->step, -1);
		v->input_active = v->step == FOCUS_POSTCODE;
		return OUTCOME_REDRAW;
	case ACTION_LEFT:
	case ACTION_RIGHT:
		step_choice(v, a == ACTION_LEFT ? -1 : 1);
		return OUTCOME_REDRAW;
	case ACTION_TOGGLE:
		if (arg >= 0) {
			v->cursor = arg;
			v->step = arg >= RADIUS_STEPS ? FOCUS_BUS : FOCUS_MILES;
			v->input_active = 0;
			return OUTCOME_REDRAW;
		}
		return OUTCOME_NONE;
	case ACTION_SELECT:
		if (!place_accept(ui, v)) {
			v->step = FOCUS_POSTCODE;
			v->input_active = 1;
			return OUTCOME_REDRAW;
		}
		if (v->cursor >= RADIUS_STEPS) {
			s->profile.travel.mode = TRAVEL_BUS;
			s->profile.travel.settings = ui->options.travel;
			s->profile.travel.within_minutes = minute_steps[v->cursor - RADIUS_STEPS];
		} else {
			s->profile.travel.mode = TRAVEL_NONE;
			s->profile.travel.within_minutes = 0;
			s->profile.radius = radius_steps[v->cursor];
		}
		s->place_answered = 1;
		ui->next = VIEW_RESULTS;
		return OUTCOME_PUSH;
	case ACTION_BACK:
		return OUTCOME_POP;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_place = {
	.name = "place",
	.title = "Question 3: where you are",
	.modes = place_modes,
	.footer = place_footer,
	.open = place_open,
	.draw = place_draw,
	.handle = place_handle,
};
