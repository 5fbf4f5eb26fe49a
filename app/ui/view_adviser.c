/*
 * view_adviser.c - the adviser's screens: the start screen (new session,
 * a pupil's kiosk code, or a saved session), the session itself (profile,
 * shortlist, picks for comparison). Notes and agreed actions are in
 * view_notes.c.
 *
 * Every change to a session is saved at once, in one transaction
 * (records.c), so a session is never half-saved and nothing is lost if
 * the laptop dies.
 */
#include <ctype.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "format.h"
#include "handover.h"
#include "plan.h"
#include "safefile.h"
#include "records.h"
#include "ui.h"

/* --- the start screen ------------------------------------------------------------------------ */

enum home_step { HOME_MENU, HOME_PUPIL, HOME_CODE, HOME_CODE_PUPIL, HOME_SAVED, HOME_CODE_SEEN };

struct home {
	struct records_summary *saved;
	int saved_count, saved_alloc;
	struct handover decoded;
	int have_decoded;
	char code[HANDOVER_CODE_SIZE];	/* the decoded code, as the encoder writes it */
	long long seen_in;		/* a saved session began from this code: its id */
	unsigned changes_seen;		/* ui->records_changes when the list was read */
	char warning[200];
	char typed[ADVICE_PUPIL_MAX + 64];
};

static const enum key_mode home_modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action home_footer[] = {
	ACTION_UP, ACTION_DOWN, ACTION_SELECT, ACTION_BACK, ACTION_HELP, ACTION_LEAVE, ACTION_NONE
};

static int keep_title(void *ctx, const struct store_option *o)
{
	snprintf(ctx, 160, "%s", o->title ? o->title : "");
	return 1;
}

static int keep_summary(void *ctx, const struct records_summary *s)
{
	struct home *h = ctx;

	if (h->saved_count == h->saved_alloc) {
		h->saved_alloc = h->saved_alloc ? h->saved_alloc * 2 : 16;
		h->saved = xrealloc(h->saved, (size_t)h->saved_alloc * sizeof(*h->saved));
	}
	h->saved[h->saved_count++] = *s;
	return 0;
}

/* Read the saved sessions (again, when something was saved since). */
static void read_saved(struct ui *ui, struct home *h)
{
	h->saved_count = 0;
	h->changes_seen = ui->records_changes;
	if (ui->records)
		records_list(ui->records, keep_summary, h);
}

static void home_open(struct ui *ui, struct view *v)
{
	struct home *h = xcalloc(1, sizeof(*h));

	v->extra = h;
	read_saved(ui, h);
}

static const struct records_summary *saved_session(const struct home *h, long long id)
{
	for (int i = 0; i < h->saved_count; i++)
		if (h->saved[i].id == id)
			return &h->saved[i];
	return NULL;
}

static void home_close(struct ui *ui, struct view *v)
{
	struct home *h = v->extra;

	(void)ui;
	free(h->saved);
	memset(h, 0, sizeof(*h));
	free(h);
	v->extra = NULL;
}

static const char *const menu[] = {
	"New session", "From a pupil's kiosk code", "Open a saved session",
};
static const char *const menu_words[] = {
	"start from scratch with a pupil",
	"the \"take it with you\" code from the kiosk",
	"carry on with a session you saved",
};

static void field(struct ui *ui, int y, const char *label, const char *text, int width)
{
	char line[160];

	canvas_text(ui, y, 2, ui->cols - 4, PAINT_TEXT, label);
	snprintf(line, sizeof(line), " %s%s", text, canvas_symbol(ui, "\xE2\x96\x8F", "_"));
	canvas_text(ui, y + 1, 2, width, PAINT_FIELD, line);
}

static void home_draw(struct ui *ui, struct view *v)
{
	struct home *h = v->extra;
	int y = 2, i;
	char line[240];

	if (h->changes_seen != ui->records_changes)
		read_saved(ui, h);
	canvas_frame(ui, "careers - adviser", ui_current_modes(ui), home_footer);
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_TITLE, "One-to-one careers session");
	y++;
	switch ((enum home_step)v->step) {
	case HOME_MENU:
		for (i = 0; i < 3; i++, y += 2) {
			int on = i == v->cursor;

			snprintf(line, sizeof(line), "%s %-28s %s", on ? ">" : " ", menu[i],
				 i == 2 && h->saved_count ? "" : menu_words[i]);
			if (i == 2 && h->saved_count)
				snprintf(line, sizeof(line), "%s %-28s %d saved", on ? ">" : " ", menu[i],
					 h->saved_count);
			canvas_text(ui, y, 2, ui->cols - 4, on ? PAINT_SELECTED : PAINT_TEXT, line);
			canvas_hit(ui, y, 2, 1, ui->cols - 4, ACTION_SELECT, i);
		}
		break;
	case HOME_PUPIL:
	case HOME_CODE_PUPIL:
		if (h->have_decoded) {
			snprintf(line, sizeof(line), "Code read: %d shortlisted, %s.",
				 h->decoded.shortlist_count, h->decoded.school_year ? "with a school year" :
				 h->decoded.age ? "with an age" : "no school year given");
			canvas_text(ui, y++, 2, ui->cols - 4, PAINT_GOOD, line);
			if (h->warning[0])
				y += canvas_wrap(ui, y, 2, ui->cols - 4, 2, PAINT_WARNING, h->warning);
			y++;
		}
		field(ui, y, "Who is this session with? Initials or a school reference, not a name:",
		      v->input, 40);
		y += 3;
		canvas_wrap(ui, y, 2, ui->cols - 4, 2, PAINT_DIM,
			    "This is the only thing that identifies the pupil in your records.");
		break;
	case HOME_CODE:
		field(ui, y, "Type the pupil's code (dashes and spaces do not matter):", v->input,
		      ui->cols - 6 < 60 ? ui->cols - 6 : 60);
		break;
	case HOME_SAVED:
		canvas_text(ui, y++, 2, ui->cols - 4, PAINT_DIM, "Saved sessions, latest first:");
		if (v->cursor >= h->saved_count)
			v->cursor = h->saved_count - 1;
		for (i = v->top; i < h->saved_count && y < ui->lines - 4; i++, y++) {
			const struct records_summary *s = &h->saved[i];
			int on = i == v->cursor;

			snprintf(line, sizeof(line), "%s #%-3lld %-12.12s updated %s  %d on shortlist, "
				 "%d to do", on ? ">" : " ", s->id, s->pupil, s->updated, s->items,
				 s->open_actions);
			canvas_text(ui, y, 2, ui->cols - 4, on ? PAINT_SELECTED : PAINT_TEXT, line);
			canvas_hit(ui, y, 2, 1, ui->cols - 4, ACTION_SELECT, i);
		}
		if (!h->saved_count)
			canvas_text(ui, y, 2, ui->cols - 4, PAINT_TEXT, "No saved sessions yet.");
		break;
	case HOME_CODE_SEEN: {
		const struct records_summary *s = saved_session(h, h->seen_in);

		snprintf(line, sizeof(line), "This code was opened before: session #%lld with %s, "
			 "last changed %s.", h->seen_in, s ? s->pupil : "a pupil",
			 s ? s->updated : "before");
		y += canvas_wrap(ui, y, 2, ui->cols - 4, 2, PAINT_GOOD, line);
		y++;
		for (i = 0; i < 2; i++, y += 2) {
			int on = i == v->cursor;

			if (i == 0)
				snprintf(line, sizeof(line), "%s Carry on with session #%lld", on ? ">" : " ",
					 h->seen_in);
			else
				snprintf(line, sizeof(line), "%s Start a new session from the code", on ?
					 ">" : " ");
			canvas_text(ui, y, 2, ui->cols - 4, on ? PAINT_SELECTED : PAINT_TEXT, line);
			canvas_hit(ui, y, 2, 1, ui->cols - 4, ACTION_SELECT, i);
		}
		break;
	}
	}
	if (v->message[0])
		canvas_wrap(ui, ui->lines - 6, 2, ui->cols - 4, 2, PAINT_WARNING, v->message);
	canvas_wrap(ui, ui->lines - 4, 2, ui->cols - 4, 1, ui->records ? PAINT_DIM : PAINT_WARNING,
		    ui->records_note);
	snprintf(line, sizeof(line), "Data: %s.", ui->data_label);
	canvas_text(ui, ui->lines - 3, 2, ui->cols - 4, PAINT_DIM, line);
}

/* Start a session for the pupil typed, from the decoded code when there is one. */
static int first_id(void *ctx, const struct records_summary *s)
{
	*(long long *)ctx = s->id;
	return 1;	/* the latest is first: stop */
}

/* The adviser's name and contact and the school from the latest saved session, if any. */
static void latest_details(struct ui *ui, char adviser[ADVICE_NAME_MAX],
			   char contact[ADVICE_CONTACT_MAX], char school[ADVICE_NAME_MAX])
{
	struct advice *last;
	long long id = 0;

	if (!ui->records || records_list(ui->records, first_id, &id) != STATUS_OK || !id)
		return;
	last = xcalloc(1, sizeof(*last));
	if (records_load(ui->records, id, last) == STATUS_OK) {
		memcpy(adviser, last->adviser, ADVICE_NAME_MAX);
		memcpy(contact, last->contact, ADVICE_CONTACT_MAX);
		memcpy(school, last->school, ADVICE_NAME_MAX);
	}
	memset(last, 0, sizeof(*last));
	free(last);
}

static enum outcome start_session(struct ui *ui, struct view *v)
{
	struct home *h = v->extra;
	char *p = v->input;
	size_t n;

	while (*p == ' ')
		p++;
	n = strlen(p);
	while (n && p[n - 1] == ' ')
		p[--n] = '\0';
	if (!n) {
		snprintf(v->message, sizeof(v->message), "Type initials or a school reference first.");
		return OUTCOME_REDRAW;
	}
	{
		/* The adviser and the school carry on from the last session. */
		char adviser[ADVICE_NAME_MAX], contact[ADVICE_CONTACT_MAX], school[ADVICE_NAME_MAX];

		memcpy(adviser, ui->advice.adviser, sizeof(adviser));
		memcpy(contact, ui->advice.contact, sizeof(contact));
		memcpy(school, ui->advice.school, sizeof(school));
		if (!adviser[0])
			latest_details(ui, adviser, contact, school);
		advice_init(&ui->advice);
		memcpy(ui->advice.adviser, adviser, sizeof(adviser));
		memcpy(ui->advice.contact, contact, sizeof(contact));
		memcpy(ui->advice.school, school, sizeof(school));
	}
	snprintf(ui->advice.pupil, sizeof(ui->advice.pupil), "%s", p);
	ui->advice.profile.today = ui->options.today_fixed ? ui->options.today : date_today();
	ui->advice.profile.school_year = 11;
	if (h->have_decoded) {
		int i;

		snprintf(ui->advice.kiosk_code, sizeof(ui->advice.kiosk_code), "%s", h->code);
		handover_to_profile(&h->decoded, &ui->advice.profile);
		for (i = 0; i < h->decoded.shortlist_count && i < ADVICE_ITEMS_MAX; i++) {
			struct advice_item *it = &ui->advice.items[i];
			struct store_filter f;
			char title[160] = "";

			it->kind = h->decoded.shortlist[i].kind;
			it->id = h->decoded.shortlist[i].id;
			memset(&f, 0, sizeof(f));
			f.level = NAN;
			f.id = it->id;
			f.today = "0000-00-00";
			store_each_option(ui->store, it->kind, &f, keep_title, title);
			snprintf(it->title, sizeof(it->title), "%s", title[0] ? title :
				 "(not in this computer's data)");
		}
		ui->advice.item_count = i;
	}
	ui_use_advice(ui);
	if (!h->decoded.school_year && !h->decoded.age && h->have_decoded)
		ui->session.year_answered = 0;
	ui_save_advice(ui);
	memset(v->input, 0, sizeof(v->input));
	v->input_active = 0;
	v->step = HOME_MENU;
	h->have_decoded = 0;
	ui->next = VIEW_SESSION;
	return OUTCOME_PUSH;
}

static enum outcome open_saved(struct ui *ui, struct view *v, long long id)
{
	if (!ui->records)
		return OUTCOME_NONE;
	if (records_load(ui->records, id, &ui->advice) != STATUS_OK) {
		snprintf(v->message, sizeof(v->message), "Cannot open session #%lld: %.120s", id,
			 records_errmsg(ui->records));
		return OUTCOME_REDRAW;
	}
	ui_use_advice(ui);
	v->step = HOME_MENU;
	v->cursor = 0;
	ui->next = VIEW_SESSION;
	return OUTCOME_PUSH;
}

static enum outcome home_type(struct view *v, int key, size_t max)
{
	size_t len = strlen(v->input);

	if (key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_DC) {
		if (len)
			v->input[len - 1] = '\0';
	} else if (len < max && key >= ' ' && key < 127) {
		v->input[len] = (char)key;
		v->input[len + 1] = '\0';
	}
	v->message[0] = '\0';
	return OUTCOME_REDRAW;
}

static enum outcome home_handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	struct home *h = v->extra;
	char why[200];

	switch ((enum home_step)v->step) {
	case HOME_MENU:
		if (ui_list_move(v, a, arg, 3, 3))
			return OUTCOME_REDRAW;
		if (a != ACTION_SELECT)
			return OUTCOME_NONE;
		memset(v->input, 0, sizeof(v->input));
		v->message[0] = '\0';
		if (v->cursor == 2) {
			v->step = HOME_SAVED;
			v->cursor = 0;
			v->top = 0;
			return OUTCOME_REDRAW;
		}
		v->step = v->cursor == 0 ? HOME_PUPIL : HOME_CODE;
		v->input_active = 1;
		return OUTCOME_REDRAW;
	case HOME_PUPIL:
	case HOME_CODE_PUPIL:
		if (a == ACTION_TYPE)
			return home_type(v, key, ADVICE_PUPIL_MAX - 1);
		if (a == ACTION_SELECT)
			return start_session(ui, v);
		if (a == ACTION_BACK) {
			v->step = HOME_MENU;
			v->input_active = 0;
			h->have_decoded = 0;
			return OUTCOME_REDRAW;
		}
		return OUTCOME_NONE;
	case HOME_CODE:
		if (a == ACTION_TYPE)
			return home_type(v, key, sizeof(v->input) - 1);
		if (a == ACTION_BACK) {
			v->step = HOME_MENU;
			v->input_active = 0;
			return OUTCOME_REDRAW;
		}
		if (a != ACTION_SELECT)
			return OUTCOME_NONE;
		if (handover_decode(v->input, &h->decoded, why, sizeof(why)) != STATUS_OK) {
			snprintf(v->message, sizeof(v->message), "%.150s", why);
			return OUTCOME_REDRAW;
		}
		h->have_decoded = 1;
		h->warning[0] = '\0';
		if (handover_encode(&h->decoded, h->code, sizeof(h->code)) != STATUS_OK)
			h->code[0] = '\0';
		h->seen_in = 0;
		if (ui->records && h->code[0] &&
		    records_find_code(ui->records, h->code, &h->seen_in) == STATUS_OK) {
			read_saved(ui, h);
			memset(v->input, 0, sizeof(v->input));
			v->input_active = 0;
			v->cursor = 0;
			v->step = HOME_CODE_SEEN;
			return OUTCOME_REDRAW;
		}
		if (h->decoded.fingerprint !=
		    (store_fingerprint(ui->store) & HANDOVER_FINGERPRINT_MAX))
			snprintf(h->warning, sizeof(h->warning),
				 "This code was made with different data from this computer's, so "
				 "some shortlisted items may be missing or different.");
		memset(v->input, 0, sizeof(v->input));
		v->step = HOME_CODE_PUPIL;
		return OUTCOME_REDRAW;
	case HOME_CODE_SEEN:
		if (ui_list_move(v, a, arg, 2, 2))
			return OUTCOME_REDRAW;
		if (a == ACTION_BACK) {
			v->step = HOME_MENU;
			v->cursor = 1;
			h->have_decoded = 0;
			return OUTCOME_REDRAW;
		}
		if (a != ACTION_SELECT)
			return OUTCOME_NONE;
		if (v->cursor == 1) {	/* a new session all the same */
			v->step = HOME_CODE_PUPIL;
			v->input_active = 1;
			return OUTCOME_REDRAW;
		}
		h->have_decoded = 0;
		return open_saved(ui, v, h->seen_in);
	case HOME_SAVED:
		if (ui_list_move(v, a, arg, h->saved_count, ui->lines - 10))
			return OUTCOME_REDRAW;
		if (a == ACTION_BACK) {
			v->step = HOME_MENU;
			v->cursor = 2;
			return OUTCOME_REDRAW;
		}
		if (a != ACTION_SELECT || v->cursor >= h->saved_count)
			return OUTCOME_NONE;
		return open_saved(ui, v, h->saved[v->cursor].id);
	}
	return OUTCOME_NONE;
}

const struct view_ops view_adviser = {
	.name = "adviser",
	.title = "Adviser: start",
	.modes = home_modes,
	.footer = home_footer,
	.open = home_open,
	.draw = home_draw,
	.handle = home_handle,
	.close = home_close,
};

/* --- the session -------------------------------------------------------------------------------- */

static const enum key_mode session_modes[] = { MODE_ADVISER, MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action session_footer[] = {
	ACTION_FILTERS, ACTION_SELECT, ACTION_PICK, ACTION_COMPARE, ACTION_NOTES, ACTION_EXPORT,
	ACTION_BACK, ACTION_NONE
};

static struct advice_item *item_for(struct ui *ui, int index)
{
	const struct shortlist_item *s = &ui->session.shortlist[index];
	int k;

	for (k = 0; k < ui->advice.item_count; k++)
		if (ui->advice.items[k].kind == s->kind && ui->advice.items[k].id == s->id)
			return &ui->advice.items[k];
	return NULL;
}

static void profile_words(struct ui *ui, char *out, size_t len)
{
	const struct match_profile *p = &ui->session.profile;
	char day[16];
	size_t n;

	if (!ui->session.year_answered)
		snprintf(out, len, "year not given");
	else if (p->school_year)
		snprintf(out, len, "Year %d", p->school_year);
	else
		snprintf(out, len, "left school, %d", p->age);
	n = strlen(out);
	snprintf(out + n, len - n, " | %s", ui->session.interest_names[0] ?
		 ui->session.interest_names : p->interest_count ? "interests chosen" :
		 "no interests chosen");
	n = strlen(out);
	if (p->has_riasec)
		snprintf(out + n, len - n, " | quiz %s", ui->session.quiz_code[0] ?
			 ui->session.quiz_code : "given");
	n = strlen(out);
	if (p->place[0] && p->travel.mode == TRAVEL_BUS && p->travel.within_minutes)
		snprintf(out + n, len - n, " | within %d min by bus of %s", p->travel.within_minutes,
			 p->place);
	else if (p->place[0] && p->radius > 0)
		snprintf(out + n, len - n, " | within %g miles of %s", p->radius, p->place);
	else if (p->place[0])
		snprintf(out + n, len - n, " | anywhere from %s", p->place);
	n = strlen(out);
	if (ui->session.what_if.year) {
		struct match_profile moved = *p;

		session_what_if(&ui->session, &moved);
		date_short(ui->session.what_if, day);
		if (moved.school_year)
			snprintf(out + n, len - n, " | WHAT IF %s (Year %d then; not saved)", day,
				 moved.school_year);
		else
			snprintf(out + n, len - n, " | WHAT IF %s (left school, %d then; not saved)",
				 day, moved.age);
	} else {
		date_short(p->today, day);
		snprintf(out + n, len - n, " | dates as on %s", day);
	}
}

static void session_draw(struct ui *ui, struct view *v)
{
	const struct session *s = &ui->session;
	int y = 1, i, todo = 0, visible;
	char line[320];

	if (ui->advice.id)
		snprintf(line, sizeof(line), "Session #%lld with %s", ui->advice.id, ui->advice.pupil);
	else
		snprintf(line, sizeof(line), "Session with %s (not saved yet)", ui->advice.pupil);
	canvas_frame(ui, line, session_modes, session_footer);
	profile_words(ui, line, sizeof(line));
	y += canvas_wrap(ui, y, 2, ui->cols - 4, 2, PAINT_DIM, line);
	y++;
	snprintf(line, sizeof(line), "Shortlist (%d) - p picks up to %d to compare side by side",
		 s->shortlist_count, ADVICE_COMPARE_MAX);
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_TITLE, line);
	visible = ui->lines - y - 7;
	if (!s->shortlist_count) {
		canvas_wrap(ui, y, 4, ui->cols - 6, 2, PAINT_TEXT,
			    "Nothing yet. Press f to search with every filter, then s to add options.");
		y += 2;
	}
	if (v->cursor >= s->shortlist_count)
		v->cursor = s->shortlist_count ? s->shortlist_count - 1 : 0;
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (visible > 0 && v->cursor >= v->top + visible)
		v->top = v->cursor - visible + 1;
	for (i = v->top; i < s->shortlist_count && i < v->top + visible; i++, y++) {
		const struct advice_item *it = item_for(ui, i);
		int on = i == v->cursor;

		snprintf(line, sizeof(line), "%s [%s] %s (%s)", on ? ">" : " ",
			 it && it->compare ? "c" : " ", s->shortlist[i].title,
			 match_kind_words(s->shortlist[i].kind));
		canvas_text(ui, y, 2, ui->cols - 4, on ? PAINT_SELECTED : PAINT_TEXT, line);
		canvas_hit(ui, y, 2, 1, ui->cols - 4, ACTION_SELECT, i);
	}
	y++;
	for (i = 0; i < ui->advice.action_count; i++)
		todo += ui->advice.actions[i].status == ACTION_TODO;
	snprintf(line, sizeof(line), "Notes: %d    Agreed actions: %d (%d to do)    press n to add",
		 ui->advice.note_count, ui->advice.action_count, todo);
	canvas_text(ui, ui->lines - 5, 2, ui->cols - 4, PAINT_TEXT, line);
	canvas_wrap(ui, ui->lines - 4, 2, ui->cols - 4, 1, ui->records ? PAINT_DIM : PAINT_WARNING,
		    ui->records ? "Saved after every change." : ui->records_note);
	(void)y;
}

static int picked(struct ui *ui)
{
	int k, n = 0;

	for (k = 0; k < ui->advice.item_count; k++)
		n += ui->advice.items[k].compare;
	return n;
}

/* Write the plan as Markdown and HTML into the export folder. */
static void export_plan(struct ui *ui)
{
	const char *dir = ui->options.export_dir ? ui->options.export_dir : ".";
	static const enum plan_format formats[] = { PLAN_MARKDOWN, PLAN_HTML };
	static const char *const ext[] = { "md", "html" };
	char name[ADVICE_PUPIL_MAX], err[200], *path = NULL;
	size_t i, k = 0;

	for (i = 0; ui->advice.pupil[i] && k + 1 < sizeof(name); i++)
		name[k++] = isalnum((unsigned char)ui->advice.pupil[i]) ? ui->advice.pupil[i] : '-';
	name[k] = '\0';
	mkdir(dir, 0700);
	for (i = 0; i < 2; i++) {
		struct strbuf out;

		strbuf_init(&out);
		free(path);
		path = xasprintf("%s/plan-%s-%lld.%s", dir, name, ui->advice.id, ext[i]);
		err[0] = '\0';
		if (plan_write(ui->store, &ui->advice, formats[i], &out, err, sizeof(err)) != STATUS_OK ||
		    safefile_write(path, out.buf, out.len, 0600, err, sizeof(err)) != STATUS_OK) {
			snprintf(ui->status, sizeof(ui->status), "Could not write the plan: %.120s",
				 err[0] ? err : path);
			strbuf_done(&out);
			free(path);
			return;
		}
		strbuf_done(&out);
	}
	snprintf(ui->status, sizeof(ui->status), "Plan written: %.130s (and .md)", path);
	free(path);
}

static enum outcome session_handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	struct session *s = &ui->session;
	struct advice_item *it;

	(void)key;
	if (ui_list_move(v, a, arg, s->shortlist_count, ui->lines - 12))
		return OUTCOME_REDRAW;
	switch (a) {
	case ACTION_BACK:
		ui_save_advice(ui);
		return OUTCOME_POP;
	case ACTION_FILTERS:
		ui->next = VIEW_FILTERS;
		return OUTCOME_PUSH;
	case ACTION_NOTES:
		ui->next = VIEW_NOTES;
		return OUTCOME_PUSH;
	case ACTION_COMPARE:
		if (picked(ui) < 2) {
			snprintf(ui->status, sizeof(ui->status),
				 "Pick two to four options first (p on each).");
			return OUTCOME_REDRAW;
		}
		ui->next = VIEW_COMPARE;
		return OUTCOME_PUSH;
	case ACTION_EXPORT:
		ui_save_advice(ui);
		export_plan(ui);
		return OUTCOME_REDRAW;
	case ACTION_SELECT:
		if (!s->shortlist_count)
			return OUTCOME_NONE;
		ui->next = VIEW_DETAIL;
		ui->next_kind = s->shortlist[v->cursor].kind;
		ui->next_id = s->shortlist[v->cursor].id;
		return OUTCOME_PUSH;
	case ACTION_PICK:
		if (!s->shortlist_count)
			return OUTCOME_NONE;
		ui_save_advice(ui);	/* make sure every shortlisted item has its record */
		it = item_for(ui, v->cursor);
		if (!it)
			return OUTCOME_NONE;
		if (!it->compare && picked(ui) >= ADVICE_COMPARE_MAX) {
			snprintf(ui->status, sizeof(ui->status), "At most %d can be compared.",
				 ADVICE_COMPARE_MAX);
			return OUTCOME_REDRAW;
		}
		it->compare = !it->compare;
		ui_save_advice(ui);
		return OUTCOME_REDRAW;
	case ACTION_SHORTLIST_ADD:
	case ACTION_NOT_FOR_ME:
		if (!s->shortlist_count)
			return OUTCOME_NONE;
		session_toggle_shortlist(s, s->shortlist[v->cursor].kind, s->shortlist[v->cursor].id,
					 NULL, ui->shortlist_limit);
		ui_save_advice(ui);
		snprintf(ui->status, sizeof(ui->status), "Taken off the shortlist.");
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
}

static void session_open(struct ui *ui, struct view *v)
{
	struct match_interest all[MATCH_MAX_INTERESTS * 2];
	size_t n = match_interests(ui->store, all, sizeof(all) / sizeof(all[0])), i;
	struct session *s = &ui->session;
	int k;

	(void)v;
	/* Names of the chosen interests, and the quiz letters, for the summary. */
	s->interest_names[0] = '\0';
	for (k = 0; k < s->profile.interest_count; k++)
		for (i = 0; i < n; i++)
			if (all[i].id == s->profile.interests[k]) {
				if (s->interest_names[0])
					strncat(s->interest_names, ", ",
						sizeof(s->interest_names) - strlen(s->interest_names) - 1);
				strncat(s->interest_names, all[i].name,
					sizeof(s->interest_names) - strlen(s->interest_names) - 1);
			}
	if (s->profile.has_riasec) {
		struct handover h;

		handover_init(&h);
		handover_from_profile(&h, &s->profile);
		snprintf(s->quiz_code, sizeof(s->quiz_code), "%s", h.riasec);
	}
}

const struct view_ops view_session = {
	.name = "session",
	.title = "Adviser: the session",
	.modes = session_modes,
	.footer = session_footer,
	.open = session_open,
	.draw = session_draw,
	.handle = session_handle,
};
