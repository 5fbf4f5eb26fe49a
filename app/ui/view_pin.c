/*
 * view_pin.c - leaving kiosk mode: only with the adviser PIN.
 *
 * The PIN is never stored: the config file holds its crypt(3) hash, and
 * what is typed is hashed the same way and compared. What is typed is
 * shown as stars and wiped as soon as it has been checked. Wrong PINs are
 * counted by the UI's pin_guard (pin_guard.h), which outlives this screen:
 * while it says to wait, keys typed here are thrown away and the screen
 * says, calmly, how long is left.
 */
#include <crypt.h>
#include <ctype.h>
#include <string.h>

#include "pin_guard.h"
#include "ui.h"

static const enum key_mode modes[] = { MODE_TEXT, MODE_GLOBAL, MODE_END };
static const enum action footer[] = { ACTION_SELECT, ACTION_BACK, ACTION_NONE };

#define PIN_SHOWN 20	/* stars shown at most */

static void open(struct ui *ui, struct view *v)
{
	(void)ui;
	v->input_active = 1;
}

/* "45 seconds", "2 minutes" */
static void wait_words(long seconds, char *out, size_t outlen)
{
	if (seconds > 90)
		snprintf(out, outlen, "%ld minutes", (seconds + 59) / 60);
	else
		snprintf(out, outlen, "%ld second%s", seconds, seconds == 1 ? "" : "s");
}

static void draw(struct ui *ui, struct view *v)
{
	char stars[PIN_SHOWN + 4], line[160], words[32];
	size_t n = strlen(v->input);
	long wait = pin_guard_wait(ui->pin_guard, ui->now);

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
	if (wait > 0) {
		/* A countdown: the UI draws this screen again every second. */
		ui->ticking = 1;
		wait_words(wait, words, sizeof(words));
		snprintf(line, sizeof(line), "That PIN was not right too many times. Please wait %s, "
			 "then try again.", words);
		canvas_wrap(ui, 5, 2, ui->cols - 4, 2, PAINT_WARNING, line);
		return;
	}
	memset(stars, '*', n < PIN_SHOWN ? n : PIN_SHOWN);
	strcpy(stars + (n < PIN_SHOWN ? n : PIN_SHOWN), n > PIN_SHOWN ? "..." : "");
	canvas_text(ui, 5, 2, 6, PAINT_TEXT, "PIN:");
	canvas_text(ui, 5, 8, PIN_SHOWN + 3, PAINT_FIELD, stars);
	if (v->message[0])
		canvas_text(ui, 7, 2, ui->cols - 4, PAINT_WARNING, v->message);
}

static enum outcome handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	size_t n = strlen(v->input);

	(void)arg;
	if ((a == ACTION_TYPE || a == ACTION_SELECT) && ui->options.pin_hash &&
	    pin_guard_wait(ui->pin_guard, ui->now) > 0) {
		/* Keys typed while waiting are thrown away, Enter too. */
		memset(v->input, 0, sizeof(v->input));
		return OUTCOME_REDRAW;
	}
	switch (a) {
	case ACTION_TYPE:
		if (key == KEY_BACKSPACE || key == 127 || key == 8 || key == KEY_DC) {
			if (n)
				v->input[n - 1] = '\0';
		} else if (n < PIN_MAX_LENGTH && n + 1 < sizeof(v->input) && isprint(key)) {
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
		if (ok) {
			pin_guard_passed(ui->pin_guard);
			return OUTCOME_QUIT;
		}
		pin_guard_failed(ui->pin_guard, ui->now);
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
	.footer = footer,
	.open = open,
	.draw = draw,
	.handle = handle,
};
