/*
 * view_shortlist.c - the learner's shortlist, and "take it with you": a
 * handover code (and the same as a QR code) that carries the shortlist
 * and the answers away from the kiosk, which keeps nothing.
 */
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "glossary.h"
#include "handover.h"
#include "takeaway.h"
#include "ui.h"

static const enum key_mode list_modes[] = { MODE_RESULTS, MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action shortlist_footer[] = {
	ACTION_SELECT, ACTION_SHORTLIST_ADD, ACTION_TAKE_AWAY, ACTION_BACK, ACTION_HELP, ACTION_NONE
};

static void shortlist_draw(struct ui *ui, struct view *v)
{
	const struct session *s = &ui->session;
	int y = 2, i, visible = ui->lines - 8;
	char line[200], title[160];

	canvas_frame(ui, "Your shortlist", list_modes, shortlist_footer);
	if (!s->shortlist_count) {
		canvas_wrap(ui, y, 2, ui->cols - 4, 4, PAINT_TEXT,
			    "Your shortlist is empty. In your options, press s (or tap the star) "
			    "on anything you like, and it will be kept here until you finish.");
		return;
	}
	snprintf(line, sizeof(line), "%d thing%s you liked. Enter opens one; s takes it off.",
		 s->shortlist_count, s->shortlist_count == 1 ? "" : "s");
	canvas_text(ui, y++, 2, ui->cols - 4, PAINT_DIM, line);
	y++;
	if (v->cursor >= s->shortlist_count)
		v->cursor = s->shortlist_count - 1;
	if (v->cursor < v->top)
		v->top = v->cursor;
	if (v->cursor >= v->top + visible)
		v->top = v->cursor - visible + 1;
	for (i = v->top; i < s->shortlist_count && i < v->top + visible; i++, y++) {
		const struct shortlist_item *it = &s->shortlist[i];
		int on = i == v->cursor;

		glossary_plain_buf(it->title, title, sizeof(title));
		snprintf(line, sizeof(line), "%s%2d. %s (%s)", on ? ">" : " ", i + 1, title,
			 match_kind_words(it->kind));
		canvas_text(ui, y, 1, ui->cols - 2, on ? PAINT_SELECTED : PAINT_TEXT, line);
		canvas_hit(ui, y, 1, 1, ui->cols - 2, ACTION_SELECT, i);
	}
	canvas_button(ui, ui->lines - 4, 2, "Take it with you", ACTION_TAKE_AWAY, -1, 0);
}

static enum outcome shortlist_handle(struct ui *ui, struct view *v, enum action a, int key,
				     int arg)
{
	struct session *s = &ui->session;

	(void)key;
	if (ui_list_move(v, a, arg, s->shortlist_count, ui->lines - 8))
		return OUTCOME_REDRAW;
	switch (a) {
	case ACTION_BACK:
		return OUTCOME_POP;
	case ACTION_SELECT:
		if (v->cursor >= s->shortlist_count)
			return OUTCOME_NONE;
		ui->next = VIEW_DETAIL;
		ui->next_kind = s->shortlist[v->cursor].kind;
		ui->next_id = s->shortlist[v->cursor].id;
		return OUTCOME_PUSH;
	case ACTION_SHORTLIST_ADD:
	case ACTION_NOT_FOR_ME:
		if (v->cursor >= s->shortlist_count)
			return OUTCOME_NONE;
		session_toggle_shortlist(s, s->shortlist[v->cursor].kind, s->shortlist[v->cursor].id,
					 NULL, ui->shortlist_limit);
		snprintf(ui->status, sizeof(ui->status), "Taken off your shortlist.");
		if (v->cursor >= s->shortlist_count && v->cursor > 0)
			v->cursor--;
		return OUTCOME_REDRAW;
	default:
		return OUTCOME_NONE;
	}
}

const struct view_ops view_shortlist = {
	.name = "shortlist",
	.title = "Your shortlist",
	.modes = list_modes,
	.footer = shortlist_footer,
	.draw = shortlist_draw,
	.handle = shortlist_handle,
};

/* --- take it with you ------------------------------------------------------------------ */

/*
 * The QR code holds what a phone should show on its own (takeaway.h):
 * the shortlist in words and the code. It is drawn two modules per
 * character cell (half blocks), light modules as the glyph in the
 * PAINT_QR look, so dark modules are the dark background, with a light
 * quiet zone of its own round it, in every theme.
 */
struct takeaway {
	char code[HANDOVER_CODE_SIZE];
	int failed;		/* no code: the pupil is told in plain words */
	char **urls, **whens, **wheres;	/* per shortlist item, may be NULL */
	int item_count;
	QRcode *qr;		/* made for the screen size below */
	int qr_cols, qr_lines;
	int qr_whole;		/* the QR holds every line whole */
};

static const enum key_mode handover_modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action handover_footer[] = { ACTION_BACK, ACTION_RESTART, ACTION_HELP,
					       ACTION_NONE };

struct item_facts {
	char *url, *when, *where;
};

static int keep_facts(void *ctx, const struct store_option *o)
{
	struct item_facts *f = ctx;
	char when[64];
	struct strbuf where;

	if (o->url && *o->url)
		f->url = xstrdup(o->url);
	takeaway_when(o->kind, o->start_date, o->closing_date, when, sizeof(when));
	f->when = xstrdup(when);
	strbuf_init(&where);
	if (o->provider && *o->provider)
		strbuf_puts(&where, o->provider);
	if (o->town && *o->town && (!o->provider || !strstr(o->provider, o->town)))
		strbuf_printf(&where, "%s%s", where.len ? ", " : "", o->town);
	f->where = strbuf_detach(&where);
	return 1;
}

static void handover_open(struct ui *ui, struct view *v)
{
	struct takeaway *t = xcalloc(1, sizeof(*t));
	const struct session *s = &ui->session;
	struct handover h;
	struct match_profile p = s->profile;
	int i;

	v->extra = t;
	handover_init(&h);
	if (!s->year_answered) {	/* skipped: the code says "not given" */
		p.school_year = 0;
		p.age = 0;
	}
	handover_from_profile(&h, &p);
	if (!s->year_answered) {
		h.school_year = 0;
		h.age = 0;
	}
	h.fingerprint = store_fingerprint(ui->store) & HANDOVER_FINGERPRINT_MAX;
	for (i = 0; i < s->shortlist_count && i < HANDOVER_MAX_SHORTLIST; i++) {
		h.shortlist[i].kind = s->shortlist[i].kind;
		h.shortlist[i].id = s->shortlist[i].id;
	}
	h.shortlist_count = i;
	if (handover_encode(&h, t->code, sizeof(t->code)) != STATUS_OK) {
		/* The pupil gets plain words, not handover_check()'s. */
		t->failed = 1;
		t->code[0] = '\0';
	}
	t->item_count = s->shortlist_count;
	t->urls = xcalloc((size_t)t->item_count + 1, sizeof(*t->urls));
	t->whens = xcalloc((size_t)t->item_count + 1, sizeof(*t->whens));
	t->wheres = xcalloc((size_t)t->item_count + 1, sizeof(*t->wheres));
	for (i = 0; i < t->item_count; i++) {
		struct store_filter f;
		struct item_facts facts = { NULL, NULL, NULL };

		memset(&f, 0, sizeof(f));
		f.level = NAN;
		f.id = s->shortlist[i].id;
		f.today = "0000-00-00";
		store_each_option(ui->store, s->shortlist[i].kind, &f, keep_facts, &facts);
		t->urls[i] = facts.url;
		t->whens[i] = facts.when;
		t->wheres[i] = facts.where;
	}
}

static void handover_close(struct ui *ui, struct view *v)
{
	struct takeaway *t = v->extra;
	int i;

	(void)ui;
	if (t->qr)
		QRcode_free(t->qr);
	for (i = 0; i < t->item_count; i++) {
		free(t->urls[i]);
		free(t->whens[i]);
		free(t->wheres[i]);
	}
	free(t->urls);
	free(t->whens);
	free(t->wheres);
	/* The code holds the learner's answers: clear it. */
	memset(t, 0, sizeof(*t));
	free(t);
	v->extra = NULL;
}

/* Quiet zone round the code, in modules (zbar and phone cameras read it with 2). */
#define QR_QUIET_ACROSS 3
#define QR_QUIET_DOWN 2

/*
 * The QR code for a screen whose free area is cols x lines cells: the
 * smallest that holds the whole text, else the biggest that fits with
 * the lines shortened, else one with the code alone; NULL when none fits.
 */
static QRcode *make_qr(const struct ui *ui, const struct takeaway *t, int cols, int lines,
		       int *whole)
{
	int max_modules = 2 * lines - 2 * QR_QUIET_DOWN;
	struct takeaway_item *items = xcalloc((size_t)t->item_count + 1, sizeof(*items));
	char (*titles)[160] = xcalloc((size_t)t->item_count + 1, sizeof(*titles));
	struct strbuf text;
	size_t room = 4096;
	QRcode *qr = NULL;

	if (cols - 2 * QR_QUIET_ACROSS < max_modules)
		max_modules = cols - 2 * QR_QUIET_ACROSS;
	*whole = 0;
	if (max_modules < 21)
		goto done;
	for (int i = 0; i < t->item_count; i++) {
		items[i].kind = ui->session.shortlist[i].kind;
		glossary_plain_buf(ui->session.shortlist[i].title, titles[i], sizeof(titles[i]));
		items[i].title = titles[i];
		items[i].when = t->whens[i];
		items[i].where = t->wheres[i];
	}
	strbuf_init(&text);
	while (room > 0) {
		int fits = takeaway_text(&text, items, t->item_count, t->code, room);

		if (fits < 0)
			break;
		qr = QRcode_encodeString(text.buf, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
		if (qr && qr->width <= max_modules) {
			*whole = fits;
			break;
		}
		if (qr)
			QRcode_free(qr);
		qr = NULL;
		room = (text.len < room ? text.len : room) * 9 / 10;
	}
	if (!qr) {	/* the code alone, as an adviser would type it */
		qr = QRcode_encodeString(t->code, 0, QR_ECLEVEL_L, QR_MODE_8, 1);
		if (qr && qr->width > max_modules) {
			QRcode_free(qr);
			qr = NULL;
		}
	}
	strbuf_done(&text);
done:
	free(items);
	free(titles);
	return qr;
}

static int qr_dark(const QRcode *qr, int row, int col)
{
	return row >= 0 && row < qr->width && col >= 0 && col < qr->width &&
	       (qr->data[row * qr->width + col] & 1);
}

/* Two rows of modules per line; light modules are the (light) glyph. Returns lines used. */
static int draw_qr(struct ui *ui, const QRcode *qr, int y, int x)
{
	int across = qr->width + 2 * QR_QUIET_ACROSS, down = qr->width + 2 * QR_QUIET_DOWN;

	canvas_paint(ui, PAINT_QR);
	for (int row = 0; row < down; row += 2) {
		for (int col = 0; col < across; col++) {
			int c = col - QR_QUIET_ACROSS, r = row - QR_QUIET_DOWN;
			int top = !qr_dark(qr, r, c);
			int bottom = row + 1 < down ? !qr_dark(qr, r + 1, c) : 0;

			mvaddstr(y + row / 2, x + col,
				 top && bottom ? "\xE2\x96\x88" : top ? "\xE2\x96\x80" :
				 bottom ? "\xE2\x96\x84" : " ");
		}
	}
	canvas_paint(ui, PAINT_TEXT);
	return (down + 1) / 2;
}

/* The code, never cut: a long one breaks after a dash. Returns lines used. */
static int draw_code(struct ui *ui, int y, int x, int width, const char *code)
{
	size_t len = strlen(code), at = 0;
	int n = 0;

	while (at < len) {
		size_t take = len - at;

		if ((int)take > width) {
			take = 0;
			for (size_t i = at; i < len && (int)(i - at) < width; i++)
				if (code[i] == '-')
					take = i - at + 1;
			if (!take)
				take = (size_t)width;
		}
		{
			char *part = xstrndup(code + at, take);

			canvas_text(ui, y + n++, x, width, PAINT_TITLE, part);
			free(part);
		}
		at += take;
	}
	return n;
}

static void handover_draw(struct ui *ui, struct view *v)
{
	struct takeaway *t = v->extra;
	const struct session *s = &ui->session;
	int text_w = ui->cols - 4, y = 2, i, qr_cols = 0;
	char line[240], title[160];

	canvas_frame(ui, "Take it with you", handover_modes, handover_footer);
	if (t->failed) {
		y += canvas_wrap(ui, y, 2, text_w, 4, PAINT_WARNING,
				 "Sorry, this computer could not make your code. Write down the "
				 "names below, or ask a member of staff for help.");
		y++;
	} else if (ui->utf8 && (!t->qr || t->qr_cols != ui->cols || t->qr_lines != ui->lines)) {
		/* Room for the QR: the right-hand side, leaving 30 columns of words. */
		if (t->qr)
			QRcode_free(t->qr);
		t->qr = make_qr(ui, t, ui->cols - 32, ui->lines - 3, &t->qr_whole);
		t->qr_cols = ui->cols;
		t->qr_lines = ui->lines;
	}
	if (!t->failed && t->qr && ui->utf8) {
		qr_cols = t->qr->width + 2 * QR_QUIET_ACROSS;
		text_w = ui->cols - qr_cols - 5;
		draw_qr(ui, t->qr, 1, ui->cols - qr_cols - 1);
	}
	if (!t->failed) {
		canvas_text(ui, y++, 2, text_w, PAINT_TEXT, "Your code:");
		y += draw_code(ui, y, 4, text_w - 2, t->code);
		y++;
		y += canvas_wrap(ui, y, 2, text_w, 5, PAINT_TEXT, qr_cols ?
				 "Point a phone camera at the square to keep your list, or "
				 "write the code down. An adviser can type it in. Nothing is "
				 "kept on this computer." :
				 "Write the code down or take a photo of it. An adviser can type "
				 "it in to see your list; nothing is kept on this computer.");
		y++;
	}
	snprintf(line, sizeof(line), "Your shortlist (%d):", s->shortlist_count);
	y += canvas_wrap(ui, y, 2, text_w, 3, PAINT_DIM, s->shortlist_count ? line :
			 "Your shortlist is empty: the code holds your answers.");
	for (i = 0; i < s->shortlist_count && y < ui->lines - 2; i++) {
		struct strbuf sb;

		strbuf_init(&sb);
		glossary_plain_buf(s->shortlist[i].title, title, sizeof(title));
		strbuf_printf(&sb, "%d. %s", i + 1, title);
		if (t->whens[i] && *t->whens[i])
			strbuf_printf(&sb, " - %s", t->whens[i]);
		if (t->wheres[i] && *t->wheres[i])
			strbuf_printf(&sb, " - %s", t->wheres[i]);
		y += canvas_wrap(ui, y, 2, text_w, ui->lines - 2 - y, PAINT_TEXT, sb.buf);
		strbuf_done(&sb);
		/* A web address is only useful whole: wrap it rather than cut it. */
		if (!qr_cols && t->urls[i] && y < ui->lines - 2)
			y += canvas_wrap(ui, y, 5, text_w - 3, ui->lines - 2 - y, PAINT_DIM,
					 t->urls[i]);
	}
	if (!t->failed && !t->qr && y < ui->lines - 2)
		canvas_text(ui, ui->lines - 2, 2, ui->cols - 4, PAINT_DIM,
			    "(A bigger window shows the code as a QR code too.)");
}

static enum outcome handover_handle(struct ui *ui, struct view *v, enum action a, int key,
				    int arg)
{
	(void)ui;
	(void)v;
	(void)key;
	(void)arg;
	if (a == ACTION_BACK || a == ACTION_SELECT)
		return OUTCOME_POP;
	return OUTCOME_NONE;
}

const struct view_ops view_handover = {
	.name = "handover",
	.title = "Take it with you",
	.modes = handover_modes,
	.footer = handover_footer,
	.open = handover_open,
	.draw = handover_draw,
	.handle = handover_handle,
	.close = handover_close,
};
