/*
 * view_pin.c - leaving kiosk mode: only with the adviser PIN.
 *
 * The PIN is never stored: the config file holds its crypt(3) hash, and
 * what is typed is hashed the same way and compared. What is typed is
 * shown as stars and wiped as soon as it has been checked.
 */
#include <crypt.h>
#include <ctype.h>
#include <string.h>

#include "ui.h"

static const enum key_mode modes[] = { MODE_TEXT, MODE_GLOBAL, MODE_END };
static const enum action footer[] = { ACTION_SELECT, ACTION_BACK, ACTION_NONE };

#define PIN_MAX 16

static void open(struct ui *ui, struct view *v)
{
	(void)ui;
	v->input_active = 1;
}

static void draw(struct ui *ui, struct view *v)
{
	char stars[PIN_MAX + 1];
	size_t n = strlen(v->input);

	canvas_frame(ui, "Adviser: leave kiosk mode", modes, footer);
	canvas_text(ui, 2, 2, ui->cols - 4, PAINT_TITLE, "This is for careers advisers.");
	canvas_text(ui, 3, 2, ui->cols - 4, PAINT_DIM,
		    "If you are a pupil, press Esc to go back to where you were.");
	if (!ui->options.pin_hash) {
		canvas_wrap(ui, 5, 2, ui->cols - 4, 4, PAINT_WARNING,
			    "No adviser PIN has been set on this computer, so anyone can leave. "
			    "To lock the kiosk, set one with: careers pin");
		canvas_button(ui, 9, 2, "Leave now", ACTION_SELECT, -1, 1);
		return;
	}
	memset(stars, '*', n);
	stars[n] = '\0';
	canvas_text(ui, 5, 2, 6, PAINT_TEXT, "PIN:");
	canvas_text(ui, 5, 8, PIN_MAX + 2, PAINT_FIELD, stars);
	if (v->message[0])
		canvas_text(ui, 7, 2, ui->cols - 4, PAINT_WARNING, v->message);
}

static enum outcome handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	size_t n = strlen(v->input);

	(void)arg;
	switch (a) {
	case ACTION_TYPE:
		if (key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_DC) {
			if (n)
				v->input[n - 1] = '\0';
		} else if (n < PIN_MAX && isprint(key)) {
			v->input[n] = (char)key;
			v->input[n + 1] = '\0';
		}
		return OUTCOME_REDRAW;
	case ACTION_SELECT: {
		struct crypt_data data;
		const char *hash;
		int ok;

		if (!ui->options.pin_hash)
			return OUTCOME_QUIT;
		memset(&data, 0, sizeof(data));
		hash = crypt_r(v->input, ui->options.pin_hash, &data);
		ok = hash && hash[0] != '*' && strcmp(hash, ui->options.pin_hash) == 0;
		memset(v->input, 0, sizeof(v->input));
		memset(&data, 0, sizeof(data));
		if (ok)
			return OUTCOME_QUIT;
		snprintf(v->message, sizeof(v->message), "That PIN is not right.");
		return OUTCOME_REDRAW;
	}
	case ACTION_BACK:
		memset(v->input, 0, sizeof(v->input));
		return OUTCOME_POP;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_pin = {
	.name = "pin",
	.title = "Leave kiosk mode",
	.modes = modes,
	.open = open,
	.draw = draw,
	.handle = handle,
};
