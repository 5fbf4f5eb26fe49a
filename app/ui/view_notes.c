/*
 * view_notes.c - the adviser's notes and agreed actions for a session,
 * and what the plan needs for a family to use it alone: the adviser's
 * name and how to reach them, the school, and the next meeting.
 *
 * Notes are "adviser only" until the adviser shares one (Space): only
 * shared notes go into the plan. Enter opens a note or an action to
 * change it. Actions are owned by anyone named (o: pupil, parent or
 * carer, adviser, school, employer) and dated as people type dates
 * (date_typed.h). Every change is saved at once (records.c).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "date_typed.h"
#include "records.h"
#include "ui.h"

enum notes_step {
	NOTES_LIST, NOTES_NOTE, NOTES_ACTION, NOTES_DUE,
	DETAILS_ADVISER, DETAILS_CONTACT, DETAILS_SCHOOL, DETAILS_MEETING,
};

static const char *const prompts[] = {
	[NOTES_NOTE] = "The note (Enter saves it, Esc cancels):",
	[NOTES_ACTION] = "What will be done? (Enter goes on, Esc cancels)",
	[NOTES_DUE] = "By when? Type it as you would say it (7/9/27, 7 Sep, next Monday), "
		      "or Enter for no date:",
	[DETAILS_ADVISER] = "Your name, as the family will read it (Enter goes on):",
	[DETAILS_CONTACT] = "How they can reach you: email, phone, room (Enter goes on):",
	[DETAILS_SCHOOL] = "The pupil's school or college (Enter goes on):",
	[DETAILS_MEETING] = "Next meeting, with a time if you like (12/1/27 10:30, next "
			    "Tuesday at 2pm), or Enter for none:",
};

struct notes {
	char text[ADVICE_TEXT_MAX];	/* what is being typed */
	int editing;			/* the note or action being changed; -1: a new one */
	char action_text[ADVICE_TEXT_MAX];	/* an action's words, while its date is typed */
	int deleting;			/* d pressed once on this row */
};

static const enum key_mode notes_modes[] = { MODE_ADVISER, MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action notes_footer[] = {
	ACTION_NOTES, ACTION_ADD_ACTION, ACTION_SELECT, ACTION_TOGGLE, ACTION_OWNER, ACTION_DETAILS,
	ACTION_DELETE, ACTION_BACK, ACTION_NONE
};

static int notes_rows(struct ui *ui)
{
	return ui->advice.note_count + ui->advice.action_count;
}

static void notes_open(struct ui *ui, struct view *v)
{
	struct notes *n = xcalloc(1, sizeof(*n));

	(void)ui;
	n->editing = -1;
	v->extra = n;
}

static void notes_close(struct ui *ui, struct view *v)
{
	(void)ui;
	memset(v->extra, 0, sizeof(struct notes));
	free(v->extra);
	v->extra = NULL;
}

static void now_words(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(out, 20, "%Y-%m-%d %H:%M", &tm);
}

static struct civil_date real_today(const struct ui *ui)
{
	return ui->options.today_fixed ? ui->options.today : date_today();
}

/* "Ms Patel (careers@school, room 12) | Hall Cross | next meeting Tue 12 Jan 2027 10:30" */
static void details_line(const struct advice *a, char *out, size_t len)
{
	struct civil_date d;
	char day[11], when[40] = "none";
	size_t n;

	snprintf(day, sizeof(day), "%.10s", a->next_meeting);
	if (a->next_meeting[0] && date_parse(day, &d)) {
		char words[16];

		date_short(d, words);
		snprintf(when, sizeof(when), "%.3s %s%s%s", date_weekday_name(d), words,
			 a->next_meeting[10] ? " " : "", a->next_meeting + 10 + (a->next_meeting[10] != 0));
	}
	snprintf(out, len, "For the plan: %s", a->adviser[0] ? a->adviser : "your name not given");
	n = strlen(out);
	if (a->contact[0])
		snprintf(out + n, len - n, " (%s)", a->contact);
	n = strlen(out);
	snprintf(out + n, len - n, " | %s | next meeting %s", a->school[0] ? a->school :
		 "school not given", when);
}

static void notes_draw(struct ui *ui, struct view *v)
{
	struct notes *n = v->extra;
	const struct advice *a = &ui->advice;
	int y = 1, i, row = 0;
	char line[ADVICE_TEXT_MAX + 120];

	snprintf(line, sizeof(line), "Notes and agreed actions - session #%lld, %s", a->id, a->pupil);
	canvas_frame(ui, line, ui_current_modes(ui), notes_footer);
	if (v->step != NOTES_LIST) {
		y++;
		y += canvas_wrap(ui, y, 2, ui->cols - 4, 2, PAINT_TITLE, prompts[v->step]);
		snprintf(line, sizeof(line), "%s%s", n->text, canvas_symbol(ui, "\xE2\x96\x8F", "_"));
		y += canvas_wrap(ui, y, 2, ui->cols - 4, 8, PAINT_FIELD, line);
		if (v->message[0])
			canvas_wrap(ui, y + 1, 2, ui->cols - 4, 3, PAINT_WARNING, v->message);
		return;
	}
	details_line(a, line, sizeof(line));
	y += canvas_wrap(ui, y, 2, ui->cols - 4, 2, PAINT_DIM, line);
	y++;
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_TITLE,
		    "Notes (only those shared with the pupil go in the plan)");
	if (!a->note_count)
		canvas_text(ui, y++, 4, ui->cols - 6, PAINT_DIM, "none yet - press n to write one");
	for (i = 0; i < a->note_count && y < ui->lines - 4; i++, row++) {
		int on = row == v->cursor;

		snprintf(line, sizeof(line), "%s %s %.16s  %s", on ? ">" : " ",
			 a->notes[i].shared ? "[shared]      " : "[adviser only]",
			 a->notes[i].written, a->notes[i].text);
		y += canvas_wrap(ui, y, 2, ui->cols - 4, 2, on ? PAINT_SELECTED : PAINT_TEXT, line);
	}
	y++;
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_TITLE, "What we agreed");
	if (!a->action_count)
		canvas_text(ui, y++, 4, ui->cols - 6, PAINT_DIM, "none yet - press a to add one");
	for (i = 0; i < a->action_count && y < ui->lines - 3; i++, row++) {
		const struct advice_action *act = &a->actions[i];
		int on = row == v->cursor;
		char due[16];
		struct civil_date d;

		if (date_parse(act->due, &d))
			date_short(d, due);
		else
			snprintf(due, sizeof(due), "no date");
		snprintf(line, sizeof(line), "%s [%s] %s - %s, by %s", on ? ">" : " ",
			 act->status == ACTION_DONE ? "x" : act->status == ACTION_NO_LONGER ? "-" : " ",
			 act->text, advice_owner_words(act->owner), due);
		y += canvas_wrap(ui, y, 2, ui->cols - 4, 2, on ? PAINT_SELECTED : PAINT_TEXT, line);
	}
	if (n->deleting)
		canvas_text(ui, ui->lines - 3, 2, ui->cols - 4, PAINT_WARNING,
			    "Press d again to delete it, anything else to keep it.");
	else
		canvas_text(ui, ui->lines - 3, 2, ui->cols - 4, PAINT_DIM,
			    v->cursor < a->note_count ? "Space: shared / adviser only.  Enter: change it." :
			    "Space: to do / done / no longer.  o: who.  Enter: change it.");
}

static enum outcome notes_type(struct view *v, char *buf, size_t max, int key)
{
	size_t len = strlen(buf);

	if (key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_DC) {
		if (len)
			buf[len - 1] = '\0';
	} else if (len + 1 < max && ((key >= ' ' && key < 127))) {
		buf[len] = (char)key;
		buf[len + 1] = '\0';
	}
	v->message[0] = '\0';
	return OUTCOME_REDRAW;
}

/* Start typing at step, the field starting as `from`. */
static enum outcome ask(struct view *v, struct notes *n, enum notes_step step, const char *from)
{
	snprintf(n->text, sizeof(n->text), "%s", from);
	v->step = step;
	v->input_active = 1;
	v->message[0] = '\0';
	return OUTCOME_REDRAW;
}

static enum outcome done_typing(struct ui *ui, struct view *v, struct notes *n)
{
	memset(n->text, 0, sizeof(n->text));
	memset(n->action_text, 0, sizeof(n->action_text));
	n->editing = -1;
	v->step = NOTES_LIST;
	v->input_active = 0;
	ui_save_advice(ui);
	return OUTCOME_REDRAW;
}

/* Enter while typing: keep what was typed and go on, or say what is wrong. */
static enum outcome notes_enter(struct ui *ui, struct view *v, struct notes *n)
{
	struct advice *ad = &ui->advice;
	struct civil_date d;
	char why[120];

	switch ((enum notes_step)v->step) {
	case NOTES_NOTE:
		if (n->editing >= 0 && n->editing < ad->note_count) {
			if (!n->text[0])
				return OUTCOME_NONE;	/* d deletes a note; empty is a slip */
			snprintf(ad->notes[n->editing].text, sizeof(ad->notes[0].text), "%s", n->text);
		} else if (n->text[0] && ad->note_count < ADVICE_NOTES_MAX) {
			struct advice_note *note = &ad->notes[ad->note_count++];

			snprintf(note->text, sizeof(note->text), "%s", n->text);
			now_words(note->written);
			note->shared = 0;
		}
		return done_typing(ui, v, n);
	case NOTES_ACTION:
		if (!n->text[0])
			return OUTCOME_NONE;
		snprintf(n->action_text, sizeof(n->action_text), "%s", n->text);
		return ask(v, n, NOTES_DUE, n->editing >= 0 ? ad->actions[n->editing].due : "");
	case NOTES_DUE:
		if (n->text[0] && !date_typed(n->text, real_today(ui), &d, why, sizeof(why))) {
			snprintf(v->message, sizeof(v->message), "\"%.40s\": %.110s.", n->text, why);
			return OUTCOME_REDRAW;
		}
		if (n->editing < 0 && ad->action_count < ADVICE_ACTIONS_MAX) {
			n->editing = ad->action_count++;
			ad->actions[n->editing].owner = OWNER_PUPIL;
			ad->actions[n->editing].status = ACTION_TODO;
		}
		if (n->editing >= 0 && n->editing < ad->action_count) {
			struct advice_action *act = &ad->actions[n->editing];

			snprintf(act->text, sizeof(act->text), "%s", n->action_text);
			if (n->text[0])
				date_iso(d, act->due);
			else
				act->due[0] = '\0';
		}
		return done_typing(ui, v, n);
	case DETAILS_ADVISER:
		snprintf(ad->adviser, sizeof(ad->adviser), "%.*s", ADVICE_NAME_MAX - 1, n->text);
		return ask(v, n, DETAILS_CONTACT, ad->contact);
	case DETAILS_CONTACT:
		snprintf(ad->contact, sizeof(ad->contact), "%.*s", ADVICE_CONTACT_MAX - 1, n->text);
		return ask(v, n, DETAILS_SCHOOL, ad->school);
	case DETAILS_SCHOOL:
		snprintf(ad->school, sizeof(ad->school), "%.*s", ADVICE_NAME_MAX - 1, n->text);
		return ask(v, n, DETAILS_MEETING, ad->next_meeting);
	case DETAILS_MEETING: {
		char when[17];

		if (n->text[0] &&
		    !date_typed_meeting(n->text, real_today(ui), when, why, sizeof(why))) {
			snprintf(v->message, sizeof(v->message), "\"%.40s\": %.110s.", n->text, why);
			return OUTCOME_REDRAW;
		}
		snprintf(ad->next_meeting, sizeof(ad->next_meeting), "%s", n->text[0] ? when : "");
		return done_typing(ui, v, n);
	}
	case NOTES_LIST:
		break;
	}
	return OUTCOME_NONE;
}

static size_t field_size(enum notes_step step)
{
	switch (step) {
	case DETAILS_ADVISER:
	case DETAILS_SCHOOL:
		return ADVICE_NAME_MAX;
	case DETAILS_CONTACT:
		return ADVICE_CONTACT_MAX;
	case NOTES_DUE:
	case DETAILS_MEETING:
		return 48;
	default:
		return ADVICE_TEXT_MAX;
	}
}

static enum outcome notes_handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	struct notes *n = v->extra;
	struct advice *ad = &ui->advice;
	int row = v->cursor, action_row = row - ad->note_count;

	if (v->step != NOTES_LIST) {
		switch (a) {
		case ACTION_TYPE:
			return notes_type(v, n->text, field_size((enum notes_step)v->step), key);
		case ACTION_BACK:
			/* Details typed so far are kept; a note or action is not. */
			if (v->step >= DETAILS_ADVISER)
				ui_save_advice(ui);
			memset(n->text, 0, sizeof(n->text));
			n->editing = -1;
			v->step = NOTES_LIST;
			v->input_active = 0;
			return OUTCOME_REDRAW;
		case ACTION_SELECT:
			return notes_enter(ui, v, n);
		default:
			return OUTCOME_NONE;
		}
	}
	if (a != ACTION_DELETE)
		n->deleting = 0;
	if (ui_list_move(v, a, arg, notes_rows(ui), notes_rows(ui)))
		return OUTCOME_REDRAW;
	switch (a) {
	case ACTION_BACK:
		return OUTCOME_POP;
	case ACTION_NOTES:
		if (ad->note_count >= ADVICE_NOTES_MAX) {
			snprintf(ui->status, sizeof(ui->status), "A session holds %d notes at most.",
				 ADVICE_NOTES_MAX);
			return OUTCOME_REDRAW;
		}
		n->editing = -1;
		return ask(v, n, NOTES_NOTE, "");
	case ACTION_ADD_ACTION:
		if (ad->action_count >= ADVICE_ACTIONS_MAX) {
			snprintf(ui->status, sizeof(ui->status), "A session holds %d actions at most.",
				 ADVICE_ACTIONS_MAX);
			return OUTCOME_REDRAW;
		}
		n->editing = -1;
		return ask(v, n, NOTES_ACTION, "");
	case ACTION_DETAILS:
		return ask(v, n, DETAILS_ADVISER, ad->adviser);
	case ACTION_SELECT:
		if (row < ad->note_count) {
			n->editing = row;
			return ask(v, n, NOTES_NOTE, ad->notes[row].text);
		}
		if (action_row < 0 || action_row >= ad->action_count)
			return OUTCOME_NONE;
		n->editing = action_row;
		return ask(v, n, NOTES_ACTION, ad->actions[action_row].text);
	case ACTION_TOGGLE:
		if (row < ad->note_count) {
			ad->notes[row].shared = !ad->notes[row].shared;
			snprintf(ui->status, sizeof(ui->status), ad->notes[row].shared ?
				 "Shared with the pupil: it goes in the plan." :
				 "Adviser only: it stays out of the plan.");
		} else if (action_row < ad->action_count) {
			ad->actions[action_row].status = (enum action_status)
				((ad->actions[action_row].status + 1) % 3);
		} else {
			return OUTCOME_NONE;
		}
		ui_save_advice(ui);
		return OUTCOME_REDRAW;
	case ACTION_OWNER:
		if (action_row < 0 || action_row >= ad->action_count)
			return OUTCOME_NONE;
		/* pupil, parent or carer, adviser, school, employer, and round again */
		ad->actions[action_row].owner = (enum action_owner)
			((ad->actions[action_row].owner + 1) % (OWNER_EMPLOYER + 1));
		ui_save_advice(ui);
		return OUTCOME_REDRAW;
	case ACTION_DELETE:
		if (row >= notes_rows(ui))
			return OUTCOME_NONE;
		if (!n->deleting) {
			n->deleting = 1;
			return OUTCOME_REDRAW;
		}
		n->deleting = 0;
		if (row < ad->note_count) {
			memmove(&ad->notes[row], &ad->notes[row + 1],
				(size_t)(ad->note_count - row - 1) * sizeof(ad->notes[0]));
			memset(&ad->notes[--ad->note_count], 0, sizeof(ad->notes[0]));
		} else {
			memmove(&ad->actions[action_row], &ad->actions[action_row + 1],
				(size_t)(ad->action_count - action_row - 1) * sizeof(ad->actions[0]));
			memset(&ad->actions[--ad->action_count], 0, sizeof(ad->actions[0]));
		}
		ui_save_advice(ui);
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_notes = {
	.name = "notes",
	.title = "Adviser: notes and agreed actions",
	.modes = notes_modes,
	.footer = notes_footer,
	.open = notes_open,
	.draw = notes_draw,
	.handle = notes_handle,
	.close = notes_close,
};
