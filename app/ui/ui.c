/*
 * ui.c - the view stack, input, idle timeout, and the two ways to run:
 * on the real terminal (ui_run) and on a virtual screen (ui_headless_*).
 *
 * Kiosk rules enforced here: in locked mode the keys that would interrupt
 * or suspend a program do nothing (raw mode delivers them as plain
 * characters no table binds, and the signals are ignored besides);
 * leaving needs the adviser PIN; after options.idle_seconds without input
 * a warning counts down options.warning_seconds (WCAG 2.2.1), then the
 * session is wiped (ui_wipe) and the welcome screen returns. Any signal
 * that ends the program restores the terminal first (terminal.c). Keys
 * are taken in batches, one draw per batch (take_keys).
 */
#define _XOPEN_SOURCE_EXTENDED 1
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "format.h"
#include "handover.h"
#include "pack.h"
#include "pin_guard.h"
#include "records.h"
#include "ui.h"

const struct view_ops *const ui_view_table[VIEW_COUNT] = {
#define VIEW_ENTRY(id, name) [VIEW_##id] = &view_##name,
	VIEW_INFO(VIEW_ENTRY)
#undef VIEW_ENTRY
};

static const enum key_mode global_only[] = { MODE_GLOBAL, MODE_END };
/* While a view's text field is active, keys type into it. */
static const enum key_mode text_modes[] = { MODE_TEXT, MODE_END };

/* --- the session ------------------------------------------------------------------ */

void session_reset(struct session *s, struct civil_date today, int today_fixed)
{
	/* Wipe every byte of what the learner said before reusing the memory. */
	volatile unsigned char *p = (volatile unsigned char *)s;
	size_t i;

	for (i = 0; i < sizeof(*s); i++)
		p[i] = 0;
	match_profile_init(&s->profile);
	s->profile.school_year = 0;
	s->profile.age = 0;
	if (today_fixed)
		s->profile.today = today;
	s->profile.limit = 0;
}

void session_what_if(const struct session *s, struct match_profile *p)
{
	if (!s->what_if.year)
		return;
	schoolyear_move(&p->school_year, &p->age, s->profile.today, s->what_if);
	p->today = s->what_if;
}

int session_shortlisted(const struct session *s, enum option_kind kind, long long id)
{
	int i;

	for (i = 0; i < s->shortlist_count; i++)
		if (s->shortlist[i].kind == kind && s->shortlist[i].id == id)
			return 1;
	return 0;
}

int session_toggle_shortlist(struct session *s, enum option_kind kind, long long id,
			     const char *title, int limit)
{
	int i;

	for (i = 0; i < s->shortlist_count; i++) {
		if (s->shortlist[i].kind == kind && s->shortlist[i].id == id) {
			memmove(&s->shortlist[i], &s->shortlist[i + 1],
				(size_t)(s->shortlist_count - i - 1) * sizeof(s->shortlist[0]));
			s->shortlist_count--;
			return 0;
		}
	}
	if (s->shortlist_count >= limit || s->shortlist_count >= SHORTLIST_MAX)
		return -1;
	s->shortlist[s->shortlist_count].kind = kind;
	s->shortlist[s->shortlist_count].id = id;
	snprintf(s->shortlist[s->shortlist_count].title,
		 sizeof(s->shortlist[s->shortlist_count].title), "%s", title ? title : "");
	s->shortlist_count++;
	return 1;
}

/* --- the view stack ------------------------------------------------------------------ */

struct view *ui_top(struct ui *ui)
{
	return ui->depth ? &ui->stack[ui->depth - 1] : NULL;
}

static void push(struct ui *ui, enum view_id id, enum option_kind kind, long long item)
{
	struct view *v;

	if (ui->depth >= UI_MAX_DEPTH) {
		/* Deep enough: replace the top rather than refuse. */
		struct view *top = ui_top(ui);

		if (ui_view_table[top->id]->close)
			ui_view_table[top->id]->close(ui, top);
		match_list_done(&top->list);
		ui->depth--;
	}
	v = &ui->stack[ui->depth++];
	memset(v, 0, sizeof(*v));
	v->id = id;
	v->kind = kind;
	v->item_id = item;
	if (ui_view_table[id]->open)
		ui_view_table[id]->open(ui, v);
}

static void pop(struct ui *ui)
{
	struct view *v = ui_top(ui);

	if (!v)
		return;
	if (ui_view_table[v->id]->close)
		ui_view_table[v->id]->close(ui, v);
	match_list_done(&v->list);
	memset(v, 0, sizeof(*v));
	ui->depth--;
	if (!ui->depth)
		push(ui, ui->options.adviser ? VIEW_ADVISER : VIEW_WELCOME, OPTION_CAREER, 0);
}

void ui_wipe(struct ui *ui)
{
	/* Close every view (pop() of the last one opens the welcome screen). */
	while (ui->depth > 1)
		pop(ui);
	if (ui_top(ui)->id != (ui->options.adviser ? VIEW_ADVISER : VIEW_WELCOME))
		pop(ui);
	if (ui->options.adviser && ui->advice.pupil[0])
		ui_save_advice(ui);
	advice_init(&ui->advice);
	session_reset(&ui->session, ui->options.today, ui->options.today_fixed);
	/* What "nothing about a learner" looks like, for ui_learner_present(). */
	memcpy(&ui->blank, &ui->session, sizeof(ui->blank));
	travel_forget(ui->store);	/* the last journeys worked out: from the learner's place */
	ui->status[0] = '\0';
	ui->warning = 0;
	ui->restart_armed = 0;
	if (ui->theme != ui->options.theme) {
		ui->theme = ui->options.theme;
		canvas_setup_colours(ui);
	}
	/* Between pupils: take a store that careers update has put in place. */
	ui_follow_store(ui);
}

int ui_learner_present(const struct ui *ui)
{
	const struct view *v = ui->depth ? &ui->stack[ui->depth - 1] : NULL;

	return ui->depth != 1 || !v || v->id != VIEW_WELCOME ||
	       memcmp(&ui->session, &ui->blank, sizeof(ui->blank)) != 0 || ui->status[0] ||
	       ui->restart_armed || ui->theme != ui->options.theme;
}

static void apply(struct ui *ui, enum outcome o)
{
	switch (o) {
	case OUTCOME_NONE:
	case OUTCOME_REDRAW:
		break;
	case OUTCOME_PUSH:
		push(ui, ui->next, ui->next_kind, ui->next_id);
		break;
	case OUTCOME_REPLACE:
		pop(ui);
		if (ui_top(ui) && ui_top(ui)->id == VIEW_WELCOME && ui->next != VIEW_WELCOME &&
		    ui->depth == 1) {
			/* keep the welcome screen under the first question */
		}
		push(ui, ui->next, ui->next_kind, ui->next_id);
		break;
	case OUTCOME_POP:
		pop(ui);
		break;
	case OUTCOME_RESTART:
		ui_wipe(ui);
		break;
	case OUTCOME_QUIT:
		ui->quit = 1;
		break;
	}
}

int ui_list_move(struct view *v, enum action a, int arg, int count, int visible)
{
	int page = visible > 1 ? visible - 1 : 1;

	switch (a) {
	case ACTION_UP: v->cursor--; break;
	case ACTION_DOWN: v->cursor++; break;
	case ACTION_PAGE_UP: v->cursor -= page; break;
	case ACTION_PAGE_DOWN: v->cursor += page; break;
	case ACTION_FIRST: v->cursor = 0; break;
	case ACTION_LAST: v->cursor = count - 1; break;
	default:
		if (arg < 0 || (a != ACTION_SELECT && a != ACTION_TOGGLE))
			return 0;
		v->cursor = arg;
		break;
	}
	if (v->cursor >= count)
		v->cursor = count - 1;
	if (v->cursor < 0)
		v->cursor = 0;
	if (visible > 0) {
		if (v->cursor < v->top)
			v->top = v->cursor;
		if (v->cursor >= v->top + visible)
			v->top = v->cursor - visible + 1;
		if (v->top < 0)
			v->top = 0;
	}
	return a == ACTION_SELECT || a == ACTION_TOGGLE ? 0 : 1;
}

/* --- input --------------------------------------------------------------------------- */

static enum outcome global_action(struct ui *ui, enum action a)
{
	struct view *v = ui_top(ui);

	switch (a) {
	case ACTION_HELP:
		if (v->id == VIEW_HELP)
			return OUTCOME_POP;
		ui->next = VIEW_HELP;
		return OUTCOME_PUSH;
	case ACTION_SHORTLIST:
		if (v->id == VIEW_SHORTLIST)
			return OUTCOME_NONE;
		ui->next = VIEW_SHORTLIST;
		return OUTCOME_PUSH;
	case ACTION_TAKE_AWAY:
		if (v->id == VIEW_HANDOVER)
			return OUTCOME_NONE;
		ui->next = VIEW_HANDOVER;
		return OUTCOME_PUSH;
	case ACTION_RESTART:
		if ((v->id == VIEW_WELCOME || v->id == VIEW_ADVISER) && ui->depth == 1)
			return OUTCOME_NONE;
		if (ui->restart_armed) {
			ui->restart_armed = 0;
			return OUTCOME_RESTART;
		}
		ui->restart_armed = 1;
		snprintf(ui->status, sizeof(ui->status),
			 "Press %s again to start again. This clears all your answers.",
			 ui_top(ui)->input_active ? "F5" : "r");
		return OUTCOME_REDRAW;
	case ACTION_THEME:
		ui->theme = (enum theme)((ui->theme + 1) % THEME_COUNT);
		canvas_setup_colours(ui);
		snprintf(ui->status, sizeof(ui->status), "Colours: %s",
			 ui->theme == THEME_COLOUR ? "colour" : ui->theme == THEME_CONTRAST ?
			 "high contrast" : "plain");
		return OUTCOME_REDRAW;
	case ACTION_LEAVE:
		if (!ui->options.locked)
			return OUTCOME_QUIT;
		if (v->id == VIEW_PIN)
			return OUTCOME_NONE;
		ui->next = VIEW_PIN;
		return OUTCOME_PUSH;
	default:
		return OUTCOME_NONE;
	}
}

static void dispatch(struct ui *ui, enum action a, int key, int arg)
{
	struct view *v = ui_top(ui);
	const struct view_ops *ops = ui_view_table[v->id];
	enum outcome o = OUTCOME_NONE;

	if (a != ACTION_RESTART)
		ui->restart_armed = 0;
	if (a != ACTION_NONE || key)
		ui->status[0] = a == ACTION_RESTART ? ui->status[0] : '\0';
	if (ops->handle)
		o = ops->handle(ui, v, a, key, arg);
	if (o == OUTCOME_NONE && a != ACTION_NONE)
		o = global_action(ui, a);
	apply(ui, o);
}

void ui_key(struct ui *ui, int key)
{
	struct view *v;
	enum action a;

	if (key == KEY_RESIZE) {
		/* The window changed, not the learner: not a sign anyone is there. */
		ui->lines = LINES;
		ui->cols = COLS;
		return;
	}
	if (ui->warning) {
		/* Any key keeps the session: it only dismisses the warning. */
		ui->warning = 0;
		return;
	}
	if (key == KEY_MOUSE) {
		MEVENT ev;

		if (getmouse(&ev) != OK)
			return;
		if (ev.bstate & BUTTON4_PRESSED) {
			dispatch(ui, ACTION_UP, 0, -1);
			return;
		}
#ifdef BUTTON5_PRESSED
		if (ev.bstate & BUTTON5_PRESSED) {
			dispatch(ui, ACTION_DOWN, 0, -1);
			return;
		}
#endif
		if (ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED))
			ui_click(ui, ev.y, ev.x);
		return;
	}
	v = ui_top(ui);
	a = keymap_lookup(v->input_active ? text_modes : ui_view_table[v->id]->modes, key);
	if (a == ACTION_NONE && !v->input_active)
		a = keymap_lookup(global_only, key);
	if (a == ACTION_NONE && key != ERR)
		return;	/* unbound keys (Ctrl-C, Ctrl-Z, ...) do nothing */
	dispatch(ui, a, key, -1);
}

const enum key_mode *ui_current_modes(struct ui *ui)
{
	struct view *v = ui_top(ui);

	return v && v->input_active ? text_modes : v ? ui_view_table[v->id]->modes : global_only;
}

void ui_click(struct ui *ui, int y, int x)
{
	int i;

	if (ui->warning) {
		ui->warning = 0;
		return;
	}
	/* Later regions are drawn on top: search from the end. */
	for (i = ui->hit_count - 1; i >= 0; i--) {
		const struct hit *h = &ui->hits[i];

		if (y >= h->y && y < h->y + h->h && x >= h->x && x < h->x + h->w) {
			dispatch(ui, h->action, 0, h->arg);
			return;
		}
	}
}

void ui_tick(struct ui *ui, time_t now)
{
	int idle = ui->options.idle_seconds, warn = ui->options.warning_seconds;

	ui->now = now;
	if (idle < 0)
		return;
	if (!ui_learner_present(ui)) {
		ui->last_input = now;	/* nothing to clear */
		return;
	}
	if (!ui->warning && now - ui->last_input >= idle) {
		ui->warning = 1;
		ui->seconds_left = warn;
	}
	if (ui->warning) {
		ui->seconds_left = warn - (int)(now - ui->last_input - idle);
		if (ui->seconds_left <= 0) {
			ui_wipe(ui);
			ui->last_input = now;
		}
	}
}

/* --- drawing ------------------------------------------------------------------------- */

static void draw_warning(struct ui *ui)
{
	char line[120];
	int w = ui->cols < 64 ? ui->cols - 4 : 60, h = 7, y = (ui->lines - h) / 2;
	int x = (ui->cols - w) / 2, i;

	canvas_paint(ui, PAINT_WARNING);
	for (i = 0; i < h; i++)
		mvhline(y + i, x, ' ', w);
	canvas_text(ui, y + 1, x + 2, w - 4, PAINT_WARNING, "Are you still there?");
	snprintf(line, sizeof(line), "Your answers will be cleared in %d second%s.",
		 ui->seconds_left, ui->seconds_left == 1 ? "" : "s");
	canvas_text(ui, y + 3, x + 2, w - 4, PAINT_WARNING, line);
	canvas_text(ui, y + 5, x + 2, w - 4, PAINT_WARNING, "Press any key to keep going.");
	canvas_paint(ui, PAINT_TEXT);
}

void ui_draw(struct ui *ui)
{
	struct view *v = ui_top(ui);

	canvas_clear(ui);
	ui->ticking = 0;
	if (ui->lines < 10 || ui->cols < 40) {
		canvas_wrap(ui, 0, 0, ui->cols, ui->lines, PAINT_TEXT,
			    "This window is too small. Please make it bigger (at least 40 x 10).");
		return;
	}
	ui_view_table[v->id]->draw(ui, v);
	if (ui->warning)
		draw_warning(ui);
}

static void open_records(struct ui *ui);

/* --- starting and stopping ------------------------------------------------------------------ */

enum status ui_start(struct ui *ui, const struct ui_options *o, char *err, size_t errlen)
{
	enum status rc;

	memset(ui, 0, sizeof(*ui));
	ui->options = *o;
	if (!ui->options.idle_seconds)
		ui->options.idle_seconds = 90;
	if (!ui->options.travel.walk_kmh)
		transit_settings_init(&ui->options.travel);
	if (!ui->options.warning_seconds)
		ui->options.warning_seconds = 20;
	ui->theme = o->theme;
	ui->shortlist_limit = o->adviser ? SHORTLIST_MAX : HANDOVER_MAX_SHORTLIST;
	if (o->adviser)
		ui->options.idle_seconds = -1;	/* an adviser's session is saved, not wiped */
	ui->lines = LINES;
	ui->cols = COLS;
	storewatch_init(&ui->store_watch, o->db);
	ui->pin_guard = o->pin_guard;
	if (!ui->pin_guard) {
		ui->pin_guard = pin_guard_new(NULL);
		ui->owns_pin_guard = 1;
	}
	rc = store_open(o->db, STORE_READ_ONLY, &ui->store, err, errlen);
	if (rc != STATUS_OK) {
		if (ui->owns_pin_guard)
			pin_guard_free(ui->pin_guard);
		return rc;
	}
	ui_label_data(ui);
	canvas_setup_colours(ui);
	session_reset(&ui->session, o->today, o->today_fixed);
	advice_init(&ui->advice);
	if (o->adviser)
		open_records(ui);
	push(ui, o->adviser ? VIEW_ADVISER : VIEW_WELCOME, OPTION_CAREER, 0);
	ui_wipe(ui);
	return STATUS_OK;
}

void ui_stop(struct ui *ui)
{
	ui->theme = ui->options.theme;	/* nothing is drawn again: no colours to set up */
	ui_wipe(ui);	/* an adviser's session is saved first */
	while (ui->depth) {
		struct view *v = ui_top(ui);

		if (ui_view_table[v->id]->close)
			ui_view_table[v->id]->close(ui, v);
		match_list_done(&v->list);
		ui->depth--;
	}
	session_reset(&ui->session, ui->options.today, 0);
	memset(&ui->advice, 0, sizeof(ui->advice));
	if (ui->records)
		records_close(ui->records);
	ui->records = NULL;
	store_close(ui->store);
	ui->store = NULL;
	if (ui->owns_pin_guard)
		pin_guard_free(ui->pin_guard);
	ui->pin_guard = NULL;
}

/* --- adviser records ------------------------------------------------------------------------- */

static void open_records(struct ui *ui)
{
	char *path = ui->options.records_path ? xstrdup(ui->options.records_path) :
		     records_default_path();
	char err[300];
	int purged = 0;

	if (!path) {
		ui->records = NULL;
		snprintf(ui->records_note, sizeof(ui->records_note),
			 "Sessions cannot be saved: no home folder to keep them in (use --records FILE)");
		return;
	}
	if (records_open(path, 1, &ui->records, err, sizeof(err)) != STATUS_OK) {
		ui->records = NULL;
		snprintf(ui->records_note, sizeof(ui->records_note),
			 "Sessions cannot be saved: %.200s", err);
	} else {
		if (ui->options.retention_days > 0)
			records_purge(ui->records, ui->options.retention_days,
				      ui->options.today_fixed ? ui->options.today : date_today(),
				      &purged);
		snprintf(ui->records_note, sizeof(ui->records_note), "Sessions are saved in %.150s%s",
			 path, purged ? " (older ones were removed, as set)" : "");
		if (records_notice(ui->records)[0])
			snprintf(ui->status, sizeof(ui->status), "%.159s", records_notice(ui->records));
	}
	free(path);
}

enum status ui_save_advice(struct ui *ui)
{
	struct advice *a = &ui->advice;
	int i, k;

	a->profile = ui->session.profile;
	a->data_fingerprint = store_fingerprint(ui->store);
	for (i = 0; i < ui->session.shortlist_count && i < ADVICE_ITEMS_MAX; i++) {
		const struct shortlist_item *s = &ui->session.shortlist[i];
		int compare = 0;

		for (k = 0; k < a->item_count; k++)
			if (a->items[k].kind == s->kind && a->items[k].id == s->id)
				compare = a->items[k].compare;
		a->items[i].kind = s->kind;
		a->items[i].id = s->id;
		snprintf(a->items[i].title, sizeof(a->items[i].title), "%s", s->title);
		a->items[i].compare = compare;
	}
	a->item_count = i;
	if (!ui->records)
		return STATUS_IO;
	if (records_save(ui->records, a) != STATUS_OK) {
		snprintf(ui->status, sizeof(ui->status), "Not saved: %.140s",
			 records_errmsg(ui->records));
		return STATUS_IO;
	}
	ui->records_changes++;
	if (records_notice(ui->records)[0]) {
		/* Merged with another window's save: show the pupil's session as it is now. */
		ui_use_advice(ui);
		snprintf(ui->status, sizeof(ui->status), "Saved. Another window saved this session "
			 "too: its notes and actions are kept with yours.");
	}
	return STATUS_OK;
}

void ui_use_advice(struct ui *ui)
{
	struct session *s = &ui->session;
	int i;

	session_reset(s, ui->options.today, ui->options.today_fixed);
	s->profile = ui->advice.profile;
	s->year_answered = s->profile.school_year || s->profile.age;
	s->interests_answered = 1;
	s->place_answered = 1;
	snprintf(s->place_typed, sizeof(s->place_typed), "%s", s->profile.place);
	for (i = 0; i < ui->advice.item_count && i < SHORTLIST_MAX; i++) {
		s->shortlist[i].kind = ui->advice.items[i].kind;
		s->shortlist[i].id = ui->advice.items[i].id;
		snprintf(s->shortlist[i].title, sizeof(s->shortlist[i].title), "%s",
			 ui->advice.items[i].title);
	}
	s->shortlist_count = i;
}

void ui_warm(struct ui *ui)
{
	const struct pack *p;

	/* The rows the first searches explain come from all over the file. */
	store_prefetch(ui->store);
	/* A failure here shows up, with its message, at the first search. */
	pack_get(ui->store, &p);
}

enum status ui_match(struct ui *ui, const struct match_profile *p, struct match_list *out)
{
	char err[256];
	enum status rc = match_run(ui->store, p, out, err, sizeof(err));

	if (rc != STATUS_OK && rc != STATUS_NOT_FOUND)
		snprintf(ui->status, sizeof(ui->status), "Sorry, something went wrong: %.120s", err);
	return rc;
}

/* --- the real terminal ----------------------------------------------------------------------- */

static void restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

/* Seconds since boot: the idle timer and the PIN guard's clock (it goes on in suspend). */
static time_t monotonic(void)
{
	return (time_t)pin_guard_now();
}

static long long milliseconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Input is taken in batches: every key already waiting is handled before
 * the screen is drawn again, so a paste of a megabyte costs one draw, not
 * one per character. A long flood is drawn every BATCH_MS so the screen
 * still moves. Returns how many keys were handled (0: none came within
 * the getch() timeout).
 */
#define BATCH_MS 100

static int take_keys(struct ui *ui)
{
	long long started = 0;
	int ch = getch(), n = 0;

	if (ch == ERR)
		return 0;
	timeout(0);
	do {
		ui->now = monotonic();
		if (ch != KEY_RESIZE)
			ui->last_input = ui->now;
		ui_key(ui, ch);
		if (++n % 256 == 0) {
			if (!started)
				started = milliseconds();
			else if (milliseconds() - started >= BATCH_MS)
				break;
		}
	} while (!ui->quit && !terminal_stop_signal() && (ch = getch()) != ERR);
	timeout(250);
	return n;
}

int ui_run(const struct ui_options *o)
{
	struct ui ui;
	char err[512];
	int dirty = 1, last_left = -1, warmed = 0;
	time_t drawn_at = 0;

	setlocale(LC_ALL, "");
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "careers: the kiosk needs a terminal (try careers search for a "
				"scriptable version)\n");
		return 1;
	}
	terminal_save();
	if (initscr() == NULL) {
		fprintf(stderr, "careers: cannot start the screen\n");
		return 1;
	}
	mem_set_fatal_hook(restore_terminal);
	terminal_guard(o->locked);
	if (o->locked)
		raw();
	else
		cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	curs_set(0);
	set_escdelay(25);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
		  | BUTTON5_PRESSED
#endif
		  , NULL);
	mouseinterval(0);
	timeout(250);
	if (ui_start(&ui, o, err, sizeof(err)) != STATUS_OK) {
		endwin();
		terminal_release();
		fprintf(stderr, "careers: %s\n", err);
		return 1;
	}
	ui.utf8 = MB_CUR_MAX > 1;
	ui.last_input = ui.now = monotonic();
	while (!ui.quit && !terminal_stop_signal()) {
		if (dirty) {
			ui_draw(&ui);
			refresh();
			dirty = 0;
			drawn_at = ui.now;
		}
		if (!warmed) {
			/* The welcome screen is up: get the search ready behind it. */
			ui_warm(&ui);
			warmed = 1;
		}
		if (take_keys(&ui))
			dirty = 1;
		ui_tick(&ui, monotonic());
		if (ui.ticking && ui.now != drawn_at)
			dirty = 1;	/* a countdown on screen */
		if (ui.warning && ui.seconds_left != last_left) {
			last_left = ui.seconds_left;
			dirty = 1;
		}
		if (!ui.warning && last_left != -1) {
			last_left = -1;
			dirty = 1;
		}
	}
	ui_stop(&ui);
	endwin();
	mem_set_fatal_hook(NULL);
	terminal_release();
	return 0;
}

/* --- the virtual screen ------------------------------------------------------------------------ */

struct ui_headless {
	SCREEN *screen;
	FILE *out, *in;
	struct ui ui;
	time_t clock;
};

struct ui_headless *ui_headless_new(int cols, int lines, const struct ui_options *o,
				    char *err, size_t errlen)
{
	struct ui_headless *h = xcalloc(1, sizeof(*h));
	char size[16];

	setlocale(LC_ALL, "C.UTF-8");
	snprintf(size, sizeof(size), "%d", lines);
	setenv("LINES", size, 1);
	snprintf(size, sizeof(size), "%d", cols);
	setenv("COLUMNS", size, 1);
	use_env(TRUE);
	h->out = fopen("/dev/null", "w");
	h->in = fopen("/dev/null", "r");
	if (!h->out || !h->in ||
	    !(h->screen = newterm("xterm-256color", h->out, h->in))) {
		snprintf(err, errlen, "cannot make a virtual screen");
		if (h->out)
			fclose(h->out);
		if (h->in)
			fclose(h->in);
		free(h);
		return NULL;
	}
	set_term(h->screen);
	noecho();
	keypad(stdscr, TRUE);
	if (ui_start(&h->ui, o, err, errlen) != STATUS_OK) {
		endwin();
		delscreen(h->screen);
		fclose(h->out);
		fclose(h->in);
		free(h);
		return NULL;
	}
	h->ui.utf8 = 1;
	h->ui.last_input = h->clock;
	ui_draw(&h->ui);
	return h;
}

struct ui *ui_headless_ui(struct ui_headless *h)
{
	return &h->ui;
}

void ui_headless_key(struct ui_headless *h, int key)
{
	set_term(h->screen);	/* tests may run two kiosks side by side */
	h->ui.last_input = h->ui.now = h->clock;
	ui_key(&h->ui, key);
	ui_draw(&h->ui);
}

void ui_headless_keys(struct ui_headless *h, const char *keys)
{
	for (; *keys; keys++)
		ui_headless_key(h, (unsigned char)*keys);
}

void ui_headless_click(struct ui_headless *h, int y, int x)
{
	set_term(h->screen);
	h->ui.last_input = h->ui.now = h->clock;
	ui_click(&h->ui, y, x);
	ui_draw(&h->ui);
}

void ui_headless_resize(struct ui_headless *h, int cols, int lines)
{
	set_term(h->screen);
	resizeterm(lines, cols);
	ui_key(&h->ui, KEY_RESIZE);
	ui_draw(&h->ui);
}

void ui_headless_tick(struct ui_headless *h, time_t seconds)
{
	set_term(h->screen);
	h->clock += seconds;
	ui_tick(&h->ui, h->clock);
	ui_draw(&h->ui);
}

void ui_headless_dump(struct ui_headless *h, struct strbuf *out)
{
	wchar_t line[512];
	char bytes[2048];
	int y;

	set_term(h->screen);
	for (y = 0; y < h->ui.lines; y++) {
		size_t n;

		line[0] = L'\0';
		mvinnwstr(y, 0, line, h->ui.cols < 511 ? h->ui.cols : 511);
		n = wcstombs(bytes, line, sizeof(bytes) - 1);
		if (n == (size_t)-1)
			n = 0;
		bytes[n] = '\0';
		while (n && bytes[n - 1] == ' ')
			bytes[--n] = '\0';
		strbuf_puts(out, bytes);
		strbuf_putc(out, '\n');
	}
}

/* The grey a terminal with a dark background shows for a curses colour. */
static int grey_of(short colour, int is_fg, int bold)
{
	static const int greys[8] = { 0, 80, 150, 200, 40, 100, 180, 229 };

	if (colour < 0)
		return is_fg ? 229 : 0;
	if (colour == COLOR_WHITE && bold)
		return 255;
	return greys[colour % 8];
}

void ui_headless_image(struct ui_headless *h, struct strbuf *out, int scale)
{
	int width = h->ui.cols * scale, height = h->ui.lines * 2 * scale;
	unsigned char *grey = xcalloc((size_t)width * (size_t)height + 1, 1);

	set_term(h->screen);
	for (int y = 0; y < h->ui.lines; y++) {
		for (int x = 0; x < h->ui.cols; x++) {
			cchar_t cell;
			wchar_t wch[CCHARW_MAX + 1] = { 0 };
			attr_t attrs = 0;
			short pair = 0, fg = -1, bg = -1;
			int top, bottom, light, dark;

			if (mvin_wch(y, x, &cell) == ERR)
				continue;
			getcchar(&cell, wch, &attrs, &pair, NULL);
			if (pair > 0 && h->ui.theme != THEME_PLAIN)
				pair_content(pair, &fg, &bg);
			light = grey_of(fg, 1, (attrs & A_BOLD) != 0);
			dark = grey_of(bg, 0, 0);
			if (attrs & A_REVERSE) {
				int swap = light;

				light = dark;
				dark = swap;
			}
			top = wch[0] == 0x2588 || wch[0] == 0x2580 ? light : dark;
			bottom = wch[0] == 0x2588 || wch[0] == 0x2584 ? light : dark;
			for (int dy = 0; dy < 2 * scale; dy++) {
				/* An underline is a line of the text colour along the cell's foot. */
				int shade = (attrs & A_UNDERLINE) && dy == 2 * scale - 1 ? light :
					    dy < scale ? top : bottom;

				memset(grey + (size_t)(y * 2 * scale + dy) * (size_t)width +
				       (size_t)x * (size_t)scale, shade, (size_t)scale);
			}
		}
	}
	strbuf_printf(out, "P5\n%d %d\n255\n", width, height);
	strbuf_add(out, (const char *)grey, (size_t)width * (size_t)height);
	free(grey);
}

void ui_headless_free(struct ui_headless *h)
{
	if (!h)
		return;
	set_term(h->screen);
	ui_stop(&h->ui);
	endwin();
	delscreen(h->screen);
	fclose(h->out);
	fclose(h->in);
	free(h);
}
