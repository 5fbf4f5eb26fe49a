/*
 * view_help.c - help made from the key tables: every action the screen
 * underneath understands, with its keys, in plain words.
 */
#include <string.h>

#include "format.h"
#include "glossary.h"
#include "ui.h"

static const enum key_mode modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action footer[] = { ACTION_BACK, ACTION_PAGE_DOWN, ACTION_NONE };

/* The modes of the view under the help screen. */
static const enum key_mode *below_modes(struct ui *ui)
{
	static const enum key_mode fallback[] = { MODE_LIST, MODE_GLOBAL, MODE_END };

	return ui->depth >= 2 ? ui_view_table[ui->stack[ui->depth - 2].id]->modes : fallback;
}

/* Lines of help: "keys   words". */
static int help_lines(struct ui *ui, char lines[][160], int max)
{
	const enum key_mode *list = below_modes(ui), *m;
	int seen[ACTION_COUNT] = { 0 }, n = 0, a;

	for (a = ACTION_NONE + 1; a < ACTION_COUNT && n < max; a++) {
		char keys[64] = "";
		int global_done = 0;

		for (m = list; *m != MODE_END; m++) {
			const struct binding *b;

			global_done |= *m == MODE_GLOBAL;
			for (b = keymap_mode(*m); b && b->key; b++) {
				if (b->action != (enum action)a || !b->key_name)
					continue;
				if (keys[0])
					strncat(keys, " ", sizeof(keys) - strlen(keys) - 1);
				strncat(keys, b->key_name, sizeof(keys) - strlen(keys) - 1);
			}
		}
		if (!global_done) {
			const struct binding *b;

			for (b = keymap_mode(MODE_GLOBAL); b->key; b++)
				if (b->action == (enum action)a && b->key_name && !strstr(keys, b->key_name)) {
					if (keys[0])
						strncat(keys, " ", sizeof(keys) - strlen(keys) - 1);
					strncat(keys, b->key_name, sizeof(keys) - strlen(keys) - 1);
				}
		}
		if (!keys[0] || !keymap_words((enum action)a)[0] || seen[a])
			continue;
		if (a == ACTION_LEAVE && !ui->options.locked)
			snprintf(lines[n++], 160, "%-16s %s", keys, "leave the program");
		else
			snprintf(lines[n++], 160, "%-16s %s", keys, keymap_words((enum action)a));
		seen[a] = 1;
	}
	return n;
}

struct words {
	char (*lines)[160];
	int n, max;
};

static void add_word(void *ctx, const char *term, const char *plain)
{
	struct words *w = ctx;

	if (w->n < w->max)
		snprintf(w->lines[w->n++], 160, "%s: %s", term, plain);
}

#define HELP_LINES (ACTION_COUNT + 40)

static void draw(struct ui *ui, struct view *v)
{
	char lines[HELP_LINES][160];
	int n = help_lines(ui, lines, ACTION_COUNT), y = 2, i, keys = n;
	const char *below = ui->depth >= 2 ? ui_view_table[ui->stack[ui->depth - 2].id]->name : "";
	struct words w = { lines, 0, HELP_LINES };

	/* Then the words this screen uses, in plain words (data/glossary.txt). */
	w.n = n + 2;
	if (glossary_each(below, add_word, &w) > 0) {
		snprintf(lines[n], 160, "%s", "");
		snprintf(lines[n + 1], 160, "%s", "Words you may see here");
		n = w.n;
	}

	canvas_frame(ui, "Help", modes, footer);
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_TITLE, "What the keys do here");
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_DIM,
		    "You can also tap or click anything in [brackets], and any row.");
	y++;
	if (v->top > n - 1)
		v->top = n > 0 ? n - 1 : 0;
	for (i = v->top; i < n && y < ui->lines - 2; i++) {
		if (i >= keys && !lines[i][0])
			y++;	/* the gap before the words */
		else if (i >= keys)	/* a word and its meaning may take two lines */
			y += canvas_wrap(ui, y, 2, ui->cols - 4, 2, i == keys + 1 ? PAINT_TITLE :
					 PAINT_TEXT, lines[i]);
		else
			canvas_text(ui, y++, 2, ui->cols - 4, PAINT_TEXT, lines[i]);
	}
	if (y < ui->lines - 2)
		canvas_text(ui, ui->lines - 3, 2, ui->cols - 4, PAINT_DIM,
			    "Press Esc or ? to go back to where you were.");
}

static enum outcome handle(struct ui *ui, struct view *v, enum action a, int key, int arg)
{
	(void)ui;
	(void)key;
	(void)arg;
	switch (a) {
	case ACTION_BACK:
	case ACTION_SELECT:
	case ACTION_HELP:
		return OUTCOME_POP;
	case ACTION_DOWN:
	case ACTION_PAGE_DOWN:
		v->top += a == ACTION_DOWN ? 1 : 5;
		return OUTCOME_REDRAW;
	case ACTION_UP:
	case ACTION_PAGE_UP:
		v->top -= a == ACTION_UP ? 1 : 5;
		if (v->top < 0)
			v->top = 0;
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_help = {
	.name = "help",
	.title = "Help",
	.modes = modes,
	.footer = footer,
	.draw = draw,
	.handle = handle,
};
