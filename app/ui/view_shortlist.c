/*
 * view_shortlist.c - the learner's shortlist, and "take it with you": a
 * handover code (and the same as a QR code) that carries the shortlist
 * and the answers away from the kiosk, which keeps nothing.
 */
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>

#include "format.h"
#include "handover.h"
#include "ui.h"

static const enum key_mode list_modes[] = { MODE_RESULTS, MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action shortlist_footer[] = {
	ACTION_SELECT, ACTION_SHORTLIST_ADD, ACTION_TAKE_AWAY, ACTION_BACK, ACTION_HELP, ACTION_NONE
};

static void shortlist_draw(struct ui *ui, struct view *v)
{
	const struct session *s = &ui->session;
	int y = 2, i, visible = ui->lines - 8;
	char line[200];

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

		snprintf(line, sizeof(line), "%s%2d. %s (%s)", on ? ">" : " ", i + 1, it->title,
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
	.draw = shortlist_draw,
	.handle = shortlist_handle,
};

/* --- take it with you ------------------------------------------------------------------ */

struct takeaway {
	char code[HANDOVER_CODE_SIZE];
	char error[200];
	QRcode *qr;
	char **urls;		/* per shortlist item, may be NULL */
	int url_count;
};

static const enum key_mode handover_modes[] = { MODE_LIST, MODE_GLOBAL, MODE_END };
static const enum action handover_footer[] = { ACTION_BACK, ACTION_RESTART, ACTION_HELP,
					       ACTION_NONE };

static int keep_url(void *ctx, const struct store_option *o)
{
	char **url = ctx;

	if (o->url && *o->url)
		*url = xstrdup(o->url);
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
	if (!s->year_answered) {
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
		handover_check(&h, t->error, sizeof(t->error));
		t->code[0] = '\0';
	} else {
		t->qr = QRcode_encodeString(t->code, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	}
	t->urls = xcalloc((size_t)(s->shortlist_count + 1), sizeof(*t->urls));
	t->url_count = s->shortlist_count;
	for (i = 0; i < s->shortlist_count; i++) {
		struct store_filter f;

		memset(&f, 0, sizeof(f));
		f.level = NAN;
		f.id = s->shortlist[i].id;
		f.today = "0000-00-00";
		store_each_option(ui->store, s->shortlist[i].kind, &f, keep_url, &t->urls[i]);
	}
}

static void handover_close(struct ui *ui, struct view *v)
{
	struct takeaway *t = v->extra;
	int i;

	(void)ui;
	if (t->qr)
		QRcode_free(t->qr);
	for (i = 0; i < t->url_count; i++)
		free(t->urls[i]);
	free(t->urls);
	/* The code holds the learner's answers: clear it. */
	memset(t, 0, sizeof(*t));
	free(t);
	v->extra = NULL;
}

/* Two rows of modules per line, light modules drawn, with a quiet zone. */
static int draw_qr(struct ui *ui, const QRcode *qr, int y, int x)
{
	int quiet = 2, size = qr->width + 2 * quiet, row, col;

	canvas_paint(ui, PAINT_FIELD);
	for (row = 0; row < size; row += 2) {
		for (col = 0; col < size; col++) {
			int top, bottom;
			int r1 = row - quiet, r2 = row + 1 - quiet, c = col - quiet;

			top = r1 >= 0 && r1 < qr->width && c >= 0 && c < qr->width &&
			      (qr->data[r1 * qr->width + c] & 1);
			bottom = r2 >= 0 && r2 < qr->width && c >= 0 && c < qr->width &&
				 (qr->data[r2 * qr->width + c] & 1);
			if (row + 1 >= size)
				bottom = 0;
			/* A dark module is a space; light ones are drawn. */
			mvaddstr(y + row / 2, x + col,
				 !top && !bottom ? "\xE2\x96\x88" : !top ? "\xE2\x96\x80" :
				 !bottom ? "\xE2\x96\x84" : " ");
		}
	}
	canvas_paint(ui, PAINT_TEXT);
	return (size + 1) / 2;
}

static void handover_draw(struct ui *ui, struct view *v)
{
	const struct takeaway *t = v->extra;
	const struct session *s = &ui->session;
	int qr_width = t->qr ? t->qr->width + 4 : 0, text_w = ui->cols - 4, y = 2, i;
	int qr_beside = t->qr && ui->utf8 && ui->cols >= 44 + qr_width;
	char line[240];

	canvas_frame(ui, "Take it with you", handover_modes, handover_footer);
	if (!t->code[0]) {
		canvas_wrap(ui, y, 2, text_w, 4, PAINT_WARNING, t->error[0] ? t->error :
			    "Sorry, a code could not be made.");
		return;
	}
	if (qr_beside)
		text_w = ui->cols - qr_width - 6;
	canvas_text(ui, y++, 2, text_w, PAINT_TEXT, "Your code:");
	canvas_text(ui, y++, 4, text_w - 2, PAINT_TITLE, t->code);
	y++;
	y += canvas_wrap(ui, y, 2, text_w, 4, PAINT_TEXT,
			 "Write it down or take a photo of the code. A careers adviser can type "
			 "it in to see your shortlist and answers. Nothing is kept on this "
			 "computer.");
	y++;
	snprintf(line, sizeof(line), "Your shortlist (%d):", s->shortlist_count);
	canvas_text(ui, y++, 2, text_w, PAINT_DIM, s->shortlist_count ? line :
		    "Your shortlist is empty: the code holds your answers.");
	for (i = 0; i < s->shortlist_count && y < ui->lines - 3; i++) {
		snprintf(line, sizeof(line), "%d. %s", i + 1, s->shortlist[i].title);
		canvas_text(ui, y++, 2, text_w, PAINT_TEXT, line);
		/* A web address is only useful whole: wrap it rather than cut it. */
		if (t->urls[i] && y < ui->lines - 3)
			y += canvas_wrap(ui, y, 5, text_w - 3, ui->lines - 3 - y, PAINT_DIM,
					 t->urls[i]);
	}
	if (qr_beside)
		draw_qr(ui, t->qr, 2, ui->cols - qr_width - 2);
	else if (t->qr && ui->utf8 && y + (qr_width + 1) / 2 < ui->lines - 2)
		draw_qr(ui, t->qr, y + 1, 2);
	else if (t->qr)
		canvas_text(ui, ui->lines - 3, 2, ui->cols - 4, PAINT_DIM,
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
	.open = handover_open,
	.draw = handover_draw,
	.handle = handover_handle,
	.close = handover_close,
};
