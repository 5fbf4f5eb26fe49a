/*
 * canvas.c - drawing helpers shared by the views: themes, clipped and
 * wrapped text, the frame (title bar and key footer), buttons that a
 * click can press, and small charts.
 *
 * Nothing relies on colour alone: the picked row also has a marker and
 * reverse video, buttons have brackets, warnings have words. The plain
 * theme (also chosen by NO_COLOR) uses attributes only.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "ui.h"

struct look {
	short fg, bg;
	attr_t attr;
};

static const struct look looks[THEME_COUNT][PAINT_COUNT] = {
	[THEME_COLOUR] = {
		[PAINT_TEXT] = { COLOR_WHITE, COLOR_BLACK, A_NORMAL },
		[PAINT_BAR] = { COLOR_BLACK, COLOR_CYAN, A_NORMAL },
		[PAINT_TITLE] = { COLOR_CYAN, COLOR_BLACK, A_BOLD },
		[PAINT_DIM] = { COLOR_WHITE, COLOR_BLACK, A_DIM },
		[PAINT_SELECTED] = { COLOR_BLACK, COLOR_YELLOW, A_NORMAL },
		[PAINT_ACCENT] = { COLOR_YELLOW, COLOR_BLACK, A_BOLD },
		[PAINT_WARNING] = { COLOR_WHITE, COLOR_RED, A_BOLD },
		[PAINT_GOOD] = { COLOR_GREEN, COLOR_BLACK, A_BOLD },
		[PAINT_FIELD] = { COLOR_BLACK, COLOR_WHITE, A_NORMAL },
		[PAINT_QR] = { COLOR_WHITE, COLOR_BLACK, A_BOLD },
	},
	[THEME_CONTRAST] = {
		[PAINT_TEXT] = { COLOR_WHITE, COLOR_BLACK, A_BOLD },
		[PAINT_BAR] = { COLOR_BLACK, COLOR_WHITE, A_BOLD },
		[PAINT_TITLE] = { COLOR_YELLOW, COLOR_BLACK, A_BOLD | A_UNDERLINE },
		[PAINT_DIM] = { COLOR_WHITE, COLOR_BLACK, A_BOLD },
		[PAINT_SELECTED] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
		[PAINT_ACCENT] = { COLOR_YELLOW, COLOR_BLACK, A_BOLD },
		[PAINT_WARNING] = { COLOR_BLACK, COLOR_YELLOW, A_BOLD },
		[PAINT_GOOD] = { COLOR_WHITE, COLOR_BLACK, A_BOLD | A_UNDERLINE },
		[PAINT_FIELD] = { COLOR_BLACK, COLOR_WHITE, A_BOLD },
		[PAINT_QR] = { COLOR_WHITE, COLOR_BLACK, A_BOLD },
	},
	[THEME_PLAIN] = {
		[PAINT_TEXT] = { -1, -1, A_NORMAL },
		[PAINT_BAR] = { -1, -1, A_REVERSE },
		[PAINT_TITLE] = { -1, -1, A_BOLD },
		[PAINT_DIM] = { -1, -1, A_NORMAL },
		[PAINT_SELECTED] = { -1, -1, A_REVERSE },
		[PAINT_ACCENT] = { -1, -1, A_BOLD },
		[PAINT_WARNING] = { -1, -1, A_REVERSE | A_BOLD },
		[PAINT_GOOD] = { -1, -1, A_BOLD },
		[PAINT_FIELD] = { -1, -1, A_UNDERLINE },
		/* Light glyphs on the dark background; no underline or reverse. */
		[PAINT_QR] = { -1, -1, A_NORMAL },
	},
};

void canvas_setup_colours(struct ui *ui)
{
	int p;

	if (ui->theme != THEME_PLAIN && !has_colors())
		ui->theme = THEME_PLAIN;
	if (ui->theme == THEME_PLAIN)
		return;
	start_color();
	for (p = 0; p < PAINT_COUNT; p++)
		init_pair((short)(p + 1), looks[ui->theme][p].fg, looks[ui->theme][p].bg);
	bkgdset(COLOR_PAIR(PAINT_TEXT + 1));
}

void canvas_paint(struct ui *ui, enum paint p)
{
	attr_t attr = looks[ui->theme][p].attr;

	if (ui->theme != THEME_PLAIN)
		attr |= COLOR_PAIR(p + 1);
	attrset(attr);
}

void canvas_clear(struct ui *ui)
{
	canvas_paint(ui, PAINT_TEXT);
	erase();
	ui->hit_count = 0;
}

const char *canvas_symbol(struct ui *ui, const char *utf8, const char *ascii)
{
	return ui->utf8 ? utf8 : ascii;
}

int canvas_text(struct ui *ui, int y, int x, int width, enum paint p, const char *s)
{
	struct strbuf sb;
	int used;

	if (y < 0 || y >= ui->lines || x >= ui->cols || width <= 0 || !s)
		return 0;
	if (x + width > ui->cols)
		width = ui->cols - x;
	strbuf_init(&sb);
	format_fit(&sb, s, width);
	used = format_width(sb.buf);
	canvas_paint(ui, p);
	mvaddstr(y, x, sb.buf);
	strbuf_done(&sb);
	canvas_paint(ui, PAINT_TEXT);
	return used;
}

int canvas_wrap(struct ui *ui, int y, int x, int width, int max_lines, enum paint p,
		const char *s)
{
	struct strbuf sb;
	const char *line;
	int n = 0;

	if (width < 8 || max_lines <= 0 || !s)
		return 0;
	strbuf_init(&sb);
	format_wrap(&sb, s, width, "", "");
	for (line = sb.buf; *line && n < max_lines; n++) {
		const char *end = strchr(line, '\n');
		char *copy = xstrndup(line, end ? (size_t)(end - line) : strlen(line));

		/* The last line that fits shows "..." if there is more. */
		if (n == max_lines - 1 && end && end[1]) {
			struct strbuf cut;

			strbuf_init(&cut);
			strbuf_puts(&cut, copy);
			strbuf_puts(&cut, " ...");
			canvas_text(ui, y + n, x, width, p, cut.buf);
			strbuf_done(&cut);
		} else {
			canvas_text(ui, y + n, x, width, p, copy);
		}
		free(copy);
		line = end ? end + 1 : line + strlen(line);
	}
	strbuf_done(&sb);
	return n;
}

void canvas_hit(struct ui *ui, int y, int x, int h, int w, enum action a, int arg)
{
	struct hit *hit;

	if (ui->hit_count >= UI_MAX_HITS)
		return;
	hit = &ui->hits[ui->hit_count++];
	hit->y = y;
	hit->x = x;
	hit->h = h;
	hit->w = w;
	hit->action = a;
	hit->arg = arg;
}

int canvas_button(struct ui *ui, int y, int x, const char *label, enum action a, int arg,
		  int focused)
{
	char text[96];
	int w;

	snprintf(text, sizeof(text), "[ %s ]", label);
	w = canvas_text(ui, y, x, ui->cols - x, focused ? PAINT_SELECTED : PAINT_ACCENT, text);
	canvas_hit(ui, y, x, 1, w, a, arg);
	return w;
}

/*
 * Footer layouts, tried in order until every key fits: the long words
 * (wide screens), the short words three spaces apart, then two apart,
 * then the least important keys (the end of the list) as the key alone.
 * Help and start again are in the title bar ("? help  r start again",
 * or "F1 help  F5 start again" while typing), so they are not repeated. Only a screen too narrow for every key alone drops any.
 */
static int footer_try(const enum key_mode *first, const enum key_mode *modes,
		      const enum action *footer, int cols, int long_words, int gap, int bare_from,
		      struct footer_cell *cells, int max)
{
	int n = 0, x = 1, k = 0;

	for (int i = 0; footer && footer[i] != ACTION_NONE; i++) {
		const char *key = first ? keymap_key_name(first, footer[i]) : NULL;
		struct footer_cell *c;
		int pair;

		/* While typing, a key that would be typed does nothing else: leave it out. */
		if (!key && first && first[0] == MODE_TEXT)
			continue;
		if (!key)
			key = keymap_key_name(modes, footer[i]);
		/* The title bar names the keys for help and start again. */
		if (footer[i] == ACTION_HELP || (footer[i] == ACTION_RESTART && cols >= 60))
			continue;
		if (!key || n == max)
			continue;
		c = &cells[n];
		c->action = footer[i];
		pair = (footer[i] == ACTION_UP && footer[i + 1] == ACTION_DOWN) ||
		       (footer[i] == ACTION_LEFT && footer[i + 1] == ACTION_RIGHT);
		if (pair) {
			/* One hint for the pair: "Up/Down move", "Left/Right change". */
			const char *other = keymap_key_name(modes, footer[i + 1]);

			snprintf(c->text, sizeof(c->text), "%s/%s%s", key, other ? other : "",
				 k >= bare_from ? "" : footer[i] == ACTION_UP ? " move" : " change");
			i++;
		} else if (k >= bare_from) {
			snprintf(c->text, sizeof(c->text), "%s", key);
		} else {
			snprintf(c->text, sizeof(c->text), "%s %s", key, long_words ?
				 keymap_words(footer[i]) : keymap_short_words(footer[i]));
		}
		c->width = format_width(c->text);
		c->x = x;
		x += c->width + gap;
		n++;
		k++;
	}
	/* Fits when the last one ends before the final column. */
	return n && cells[n - 1].x + cells[n - 1].width > cols - 1 ? -1 : n;
}

int canvas_footer_layout(const enum key_mode *first, const enum key_mode *modes,
			 const enum action *footer, int cols, struct footer_cell *cells, int max)
{
	int n, count = footer_try(NULL, modes, footer, 100000, 0, 3, 1000, cells, max);

	if (cols >= 120 && (n = footer_try(first, modes, footer, cols, 1, 3, 1000, cells, max)) >= 0)
		return n;
	if ((n = footer_try(first, modes, footer, cols, 0, 3, 1000, cells, max)) >= 0)
		return n;
	for (int bare = count; bare >= 0; bare--)
		if ((n = footer_try(first, modes, footer, cols, 0, 2, bare, cells, max)) >= 0)
			return n;
	/* Too narrow for every key: as many as fit, most important first. */
	n = footer_try(first, modes, footer, 100000, 0, 2, 0, cells, max);
	while (n > 0 && cells[n - 1].x + cells[n - 1].width > cols - 1)
		n--;
	return n;
}

void canvas_frame(struct ui *ui, const char *title, const enum key_mode *modes,
		  const enum action *footer)
{
	struct footer_cell cells[FOOTER_MAX];
	const char *help = keymap_key_name(ui_current_modes(ui), ACTION_HELP);
	const char *restart = keymap_key_name(ui_current_modes(ui), ACTION_RESTART);
	char right[64];
	int i, n;

	snprintf(right, sizeof(right), ui->cols >= 60 ? "%s help  %s start again" : "%s help",
		 help ? help : "?", restart ? restart : "r");

	canvas_paint(ui, PAINT_BAR);
	mvhline(0, 0, ' ', ui->cols);
	canvas_text(ui, 0, 1, ui->cols - 2 - format_width(right) - 1, PAINT_BAR, title);
	canvas_text(ui, 0, ui->cols - format_width(right) - 1, format_width(right), PAINT_BAR,
		    right);
	{
		int help_w = format_width(help ? help : "?") + 5;	/* "? help" */
		int at = ui->cols - format_width(right) - 1;

		canvas_hit(ui, 0, at, 1, help_w, ACTION_HELP, 0);
		if (ui->cols >= 60)
			canvas_hit(ui, 0, at + help_w + 2, 1, format_width(right) - help_w - 2,
				   ACTION_RESTART, 0);
	}

	/* Footer: the view's keys, from the key tables, most important first. */
	canvas_paint(ui, PAINT_BAR);
	mvhline(ui->lines - 1, 0, ' ', ui->cols);
	n = canvas_footer_layout(ui_current_modes(ui), modes, footer, ui->cols, cells,
				 FOOTER_MAX);
	for (i = 0; i < n; i++) {
		canvas_text(ui, ui->lines - 1, cells[i].x, cells[i].width, PAINT_BAR, cells[i].text);
		canvas_hit(ui, ui->lines - 1, cells[i].x, 1, cells[i].width, cells[i].action, -1);
	}
	if (ui->status[0] && ui->lines > 3)
		canvas_text(ui, ui->lines - 2, 1, ui->cols - 2, PAINT_WARNING, ui->status);
	canvas_paint(ui, PAINT_TEXT);
}

void canvas_sparkline(struct ui *ui, int y, int x, const double *values, int count,
		      enum paint p)
{
	static const char *const blocks[] = {
		"\xE2\x96\x81", "\xE2\x96\x82", "\xE2\x96\x83", "\xE2\x96\x84",
		"\xE2\x96\x85", "\xE2\x96\x86", "\xE2\x96\x87", "\xE2\x96\x88",
	};
	static const char ascii[] = "_.-:=+*#";
	double lo = INFINITY, hi = -INFINITY;
	int i;

	for (i = 0; i < count; i++) {
		if (isnan(values[i]))
			continue;
		if (values[i] < lo)
			lo = values[i];
		if (values[i] > hi)
			hi = values[i];
	}
	canvas_paint(ui, p);
	for (i = 0; i < count && x + i < ui->cols; i++) {
		int level = 0;

		if (isnan(values[i])) {
			mvaddstr(y, x + i, " ");
			continue;
		}
		if (hi > lo)
			level = (int)round((values[i] - lo) / (hi - lo) * 7);
		if (ui->utf8) {
			mvaddstr(y, x + i, blocks[level]);
		} else {
			char c[2] = { ascii[level], 0 };

			mvaddstr(y, x + i, c);
		}
	}
	canvas_paint(ui, PAINT_TEXT);
}

void canvas_bar(struct ui *ui, int y, int x, int width, double value, double max, enum paint p)
{
	int filled, i;

	if (width <= 0 || !(max > 0))
		return;
	filled = (int)round(value / max * width);
	if (filled > width)
		filled = width;
	if (filled < 0)
		filled = 0;
	canvas_paint(ui, p);
	for (i = 0; i < width && x + i < ui->cols; i++)
		mvaddstr(y, x + i, i < filled ? canvas_symbol(ui, "\xE2\x96\x88", "#") :
			 canvas_symbol(ui, "\xE2\x96\x91", "."));
	canvas_paint(ui, PAINT_TEXT);
}
