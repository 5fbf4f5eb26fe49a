/* view_welcome.c - the attract screen: what this is and one obvious way to start. */
#include "ui.h"

static const enum key_mode modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action footer[] = { ACTION_SELECT, ACTION_HELP, ACTION_THEME, ACTION_NONE };

static void draw(struct ui *ui, struct view *v)
{
	int w = ui->cols - 4, y = 2, x = 2;
	char label[200];

	(void)v;
	canvas_frame(ui, "careers - find out what you could do next", modes, footer);
	canvas_text(ui, y, x, w, PAINT_TITLE, "What could you do next?");
	y += 2;
	y += canvas_wrap(ui, y, x, w, 3, PAINT_TEXT,
			 "Find careers you might like, and the courses, sixth forms, "
			 "apprenticeships and jobs with training near you that you could start - "
			 "and when you could start them.");
	y++;
	canvas_text(ui, y++, x, w, PAINT_TEXT, "Three quick questions (you can skip any of them):");
	canvas_text(ui, y++, x + 2, w - 2, PAINT_TEXT, "1. Which year are you in at school?");
	canvas_text(ui, y++, x + 2, w - 2, PAINT_TEXT, "2. What are you interested in?");
	canvas_text(ui, y++, x + 2, w - 2, PAINT_TEXT,
		    "3. Where do you live, and how far could you travel?");
	y++;
	if (y < ui->lines - 5)
		canvas_button(ui, y, x, "Press Enter to start", ACTION_SELECT, -1, 1);
	y += 2;
	if (y < ui->lines - 4)
		canvas_text(ui, y, x, w, PAINT_DIM,
			    "Nothing you choose is saved on this computer.");
	snprintf(label, sizeof(label), "Data: %s.", ui->data_label);
	canvas_text(ui, ui->lines - 3, x, w, PAINT_DIM, label);
}

static enum outcome handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	(void)v;
	(void)key;
	(void)arg;
	if (a == ACTION_SELECT) {
		ui->next = VIEW_YEAR;
		return OUTCOME_PUSH;
	}
	return OUTCOME_NONE;
}

const struct view_ops view_welcome = {
	.name = "welcome",
	.title = "Welcome",
	.modes = modes,
	.footer = footer,
	.draw = draw,
	.handle = handle,
};
