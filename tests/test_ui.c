/*
 * test_ui.c - the kiosk on a virtual screen: every view at 80x24 and
 * 132x43 against golden screens, plus the behaviour a pupil relies on
 * (keys that must do nothing, the idle reset, clicks, resizing, garbage
 * typed into fields) and the key table itself.
 *
 * Golden screens live in tests/golden/NAME-COLSxLINES.txt. When the UI
 * changes on purpose, run with CAREERS_UPDATE_GOLDEN=1 to rewrite them,
 * then read every changed screen before committing it.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "format.h"
#include "harness.h"
#include "pin_guard.h"
#include "ui_harness.h"

static struct ui_headless *start(int cols, int lines)
{
	return ui_test_kiosk(cols, lines, NULL);
}

static char *screen(struct ui_headless *h)
{
	return ui_test_screen(h);
}

/* Compare the screen with tests/golden/NAME-COLSxLINES.txt (or write it). */
static void golden(struct ui_headless *h, const char *name)
{
	struct ui *ui = ui_headless_ui(h);
	char file[256], *now = screen(h);

	snprintf(file, sizeof(file), "%s-%dx%d.txt", name, ui->cols, ui->lines);
	check_golden(file, now);
	free(now);
}

/* Every line of the screen fits: nothing is drawn past the last column. */
static void fits(struct ui_headless *h)
{
	struct ui *ui = ui_headless_ui(h);
	char *s = screen(h), *line = s;
	int row = 0;

	while (*line) {
		char *end = strchr(line, '\n');
		size_t len = end ? (size_t)(end - line) : strlen(line);
		char *copy = xstrndup(line, len);

		if (format_width(copy) > ui->cols) {
			fprintf(stderr, "%s: row %d is wider than %d columns\n", check_current, row,
				ui->cols);
			check_failures++;
		}
		free(copy);
		row++;
		line += len + (end ? 1 : 0);
	}
	CHECK_INT(row, ui->lines);
	free(s);
}

/*
 * The QR code on the screen, as a terminal with a dark background shows
 * it, read by zbar: in every theme it must decode to the same text, the
 * golden NAME-qr-COLSxLINES.txt, and end with the code shown in words.
 */
static void qr_reads(struct ui_headless *h, const char *name)
{
	struct ui *ui = ui_headless_ui(h);
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char file[512], command[700], golden_name[256], *now = screen(h);
	struct strbuf decoded;

	if (system("zbarimg --version >/dev/null 2>&1") != 0) {
		fprintf(stderr, "%s: zbarimg not found (Debian: zbar-tools): the QR code is "
			"not read back\n", check_current);
		free(now);
		return;
	}
	strbuf_init(&decoded);
	for (int theme = 0; theme < THEME_COUNT; theme++) {
		struct strbuf pgm;
		FILE *f;
		char buf[4096];
		size_t n;

		strbuf_init(&pgm);
		ui_headless_image(h, &pgm, 4);
		snprintf(file, sizeof(file), "%s/%s-qr-%dx%d-theme%d.pgm", tmp ? tmp : "/tmp",
			 name, ui->cols, ui->lines, (int)ui->theme);
		f = fopen(file, "wb");
		CHECK(f != NULL);
		if (f) {
			fwrite(pgm.buf, 1, pgm.len, f);
			fclose(f);
		}
		strbuf_done(&pgm);
		snprintf(command, sizeof(command), "zbarimg --raw -q -Sdisable -Sqrcode.enable '%s' 2>/dev/null",
			 file);
		f = popen(command, "r");
		strbuf_reset(&decoded);
		while (f && (n = fread(buf, 1, sizeof(buf), f)) > 0)
			strbuf_add(&decoded, buf, n);
		if (f && pclose(f) != 0) {
			fprintf(stderr, "%s: zbar could not read the QR code in theme %d (%s)\n",
				check_current, (int)ui->theme, file);
			check_failures++;
		} else {
			unlink(file);	/* kept only when it could not be read */
		}
		while (decoded.len && decoded.buf[decoded.len - 1] == '\n')
			decoded.buf[--decoded.len] = '\0';
		if (theme == 0) {
			const char *code = strrchr(decoded.buf, ' ');

			snprintf(golden_name, sizeof(golden_name), "%s-qr-%dx%d.txt", name,
				 ui->cols, ui->lines);
			check_golden(golden_name, decoded.buf);
			CHECK(code && strstr(now, code + 1));
		} else {
			CHECK_CONTAINS(decoded.buf, "dviser code");
		}
		ui_headless_key(h, 'c');	/* the next theme */
	}
	strbuf_done(&decoded);
	free(now);
}

static void journey(int cols, int lines)
{
	struct ui_headless *h = start(cols, lines);
	struct ui *ui;
	char *before, *after;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	golden(h, "welcome");
	fits(h);
	ui_headless_key(h, '\n');
	golden(h, "year");
	ui_headless_keys(h, "jjj");
	ui_headless_key(h, '\n');
	golden(h, "year-age");
	ui_headless_key(h, 27);
	ui_headless_keys(h, "kkk");
	ui_headless_key(h, '\n');
	golden(h, "interests");
	fits(h);
	ui_headless_keys(h, "jjjjjj ");	/* Computers and digital */
	ui_headless_keys(h, "q");
	golden(h, "quiz");
	ui_headless_keys(h, "ynmynmynnyyn");
	ui_headless_keys(h, "yynmnnyymmny");
	golden(h, "quiz-done");
	ui_headless_key(h, '\n');
	/* The quiz ticked the areas that fit (R, S: animals, engineering, care, sport). */
	golden(h, "interests-chosen");
	CHECK_INT(ui->session.profile.interest_count, 5);
	CHECK_INT(ui->session.quiz_ticked, 4);
	/* This pupil unticks them: Computers and digital is what they came for. */
	ui_headless_keys(h, "kkkkkk jj jjjjjj jjjjjjj ");
	CHECK_INT(ui->session.profile.interest_count, 1);
	ui_headless_key(h, '\n');
	golden(h, "place");
	ui_headless_keys(h, "zz9 9zz");
	ui_headless_key(h, '\n');
	golden(h, "place-unknown");
	fits(h);
	/* Clear it and type a real one, spaced oddly, in lower case. */
	ui_headless_keys(h, "\x7f\x7f\x7f\x7f\x7f\x7f\x7f");
	ui_headless_keys(h, "dn1  3");
	ui_headless_keys(h, "bu");
	ui_headless_key(h, KEY_RIGHT);
	ui_headless_key(h, KEY_RIGHT);
	golden(h, "place-filled");
	ui_headless_key(h, '\n');
	golden(h, "results-careers");
	fits(h);
	ui_headless_key(h, '\t');
	golden(h, "results-courses");
	ui_headless_key(h, 's');	/* shortlist the first course */
	ui_headless_key(h, '\n');
	golden(h, "detail-course");
	fits(h);
	ui_headless_key(h, 27);
	ui_headless_key(h, '\t');
	golden(h, "results-apprenticeships");
	ui_headless_key(h, '\n');
	golden(h, "detail-apprenticeship");
	ui_headless_key(h, 27);
	ui_headless_key(h, '\t');
	golden(h, "results-vacancies");
	ui_headless_key(h, 's');
	ui_headless_key(h, '\n');
	golden(h, "detail-vacancy");
	ui_headless_key(h, 27);
	ui_headless_key(h, '\t');
	golden(h, "results-university");
	ui_headless_key(h, '\n');
	golden(h, "detail-university");
	ui_headless_key(h, 27);
	ui_headless_key(h, '\t');	/* back round to careers */
	ui_headless_key(h, '\n');
	golden(h, "detail-career");
	fits(h);
	ui_headless_key(h, KEY_NPAGE);
	golden(h, "detail-career-more");
	ui_headless_key(h, 's');
	ui_headless_key(h, 27);
	/* Not for me: the first career goes and the count drops by one. */
	before = screen(h);
	ui_headless_key(h, 'x');
	after = screen(h);
	CHECK(strcmp(before, after) != 0);
	golden(h, "results-hidden");
	free(before);
	free(after);
	ui_headless_key(h, 'u');
	/* Search as you type, with prefix matching. */
	ui_headless_key(h, '/');
	ui_headless_keys(h, "cyb");
	golden(h, "results-search");
	ui_headless_key(h, '\n');
	ui_headless_key(h, 'v');
	golden(h, "shortlist");
	ui_headless_key(h, 't');
	golden(h, "handover");
	fits(h);
	qr_reads(h, "handover");
	CHECK_INT(ui->session.shortlist_count, 3);
	ui_headless_key(h, 27);
	ui_headless_key(h, '?');
	golden(h, "help");
	fits(h);
	ui_headless_key(h, 27);
	ui_headless_key(h, KEY_F(10));
	golden(h, "pin");
	ui_headless_keys(h, "0000");
	ui_headless_key(h, '\n');
	golden(h, "pin-wrong");
	CHECK(!ui->quit);
	ui_headless_key(h, 27);
	/* Idle: the warning, then everything is wiped. */
	ui_headless_tick(h, 91);
	golden(h, "idle-warning");
	ui_headless_tick(h, 21);
	CHECK_INT(ui->session.shortlist_count, 0);
	CHECK_INT(ui->session.profile.interest_count, 0);
	CHECK_INT(ui->session.place_typed[0], '\0');
	CHECK_INT(ui_top(ui)->id, VIEW_WELCOME);
	CHECK_INT(ui->depth, 1);
	ui_headless_free(h);
}

TEST(journey_80x24)
{
	journey(80, 24);
}

TEST(journey_132x43)
{
	journey(132, 43);
}

/*
 * By bus: question 3's times, the minutes on each result, the journey on
 * the detail screen (the sample's buses: data/tools/dn_buses.py).
 */
static void bus_journey(int cols, int lines)
{
	struct ui_headless *h = start(cols, lines);

	if (!h)
		return;
	ui_headless_key(h, '\n');		/* welcome */
	ui_headless_key(h, '\n');		/* Year 11 */
	ui_headless_key(h, '\n');		/* no interests */
	ui_headless_keys(h, "dn12 3ef");
	ui_headless_key(h, '\t');		/* to the miles */
	ui_headless_key(h, '\t');		/* to the times by bus */
	ui_headless_key(h, KEY_RIGHT);		/* 45 min */
	golden(h, "place-bus");
	fits(h);
	ui_headless_key(h, '\n');
	ui_headless_key(h, '\t');		/* courses and sixth forms */
	golden(h, "results-bus");
	fits(h);
	ui_headless_key(h, 'o');		/* quickest to get to first */
	ui_headless_key(h, 'o');
	ui_headless_key(h, 'o');
	ui_headless_key(h, 'o');
	golden(h, "results-bus-quickest");
	ui_headless_key(h, '\n');
	golden(h, "detail-bus");
	fits(h);
	ui_headless_free(h);
}

TEST(bus_journey_80x24)
{
	bus_journey(80, 24);
}

TEST(bus_journey_132x43)
{
	bus_journey(132, 43);
}

TEST(keys_that_do_nothing)
{
	struct ui_headless *h = start(80, 24);
	static const int dead[] = { 3, 26, 28, 4, 17, 19, KEY_F(2), KEY_F(12) };
	char *before, *after;
	size_t i;

	if (!h)
		return;
	ui_headless_keys(h, "\n\n");
	before = screen(h);
	for (i = 0; i < sizeof(dead) / sizeof(dead[0]); i++)
		ui_headless_key(h, dead[i]);
	after = screen(h);
	CHECK_STR(after, before);
	CHECK(!ui_headless_ui(h)->quit);
	free(before);
	free(after);
	ui_headless_free(h);
}

TEST(warning_kept_by_a_key)
{
	struct ui_headless *h = start(80, 24);
	struct ui *ui;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	ui_headless_keys(h, "\n\n");
	CHECK(ui->session.year_answered);
	ui_headless_tick(h, 95);
	CHECK(ui->warning);
	CHECK_INT(ui->seconds_left, 15);
	ui_headless_key(h, 'z');	/* any key */
	CHECK(!ui->warning);
	CHECK(ui->session.year_answered);
	CHECK_INT(ui_top(ui)->id, VIEW_INTERESTS);
	/* The welcome screen alone never times out: there is nothing to clear. */
	ui_headless_key(h, 'r');
	ui_headless_key(h, 'r');
	CHECK_INT(ui_top(ui)->id, VIEW_WELCOME);
	ui_headless_tick(h, 500);
	CHECK(!ui->warning);
	ui_headless_free(h);
}

TEST(start_again_asks_first)
{
	struct ui_headless *h = start(80, 24);
	struct ui *ui;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	ui_headless_keys(h, "\n\n ");
	ui_headless_key(h, 'r');
	CHECK_CONTAINS(ui->status, "Press r again");
	CHECK_INT(ui_top(ui)->id, VIEW_INTERESTS);
	ui_headless_key(h, 'j');	/* anything else cancels */
	ui_headless_key(h, 'r');
	CHECK_INT(ui_top(ui)->id, VIEW_INTERESTS);
	ui_headless_key(h, 'r');
	CHECK_INT(ui_top(ui)->id, VIEW_WELCOME);
	CHECK(!ui->session.year_answered);
	ui_headless_free(h);
}

TEST(mouse_and_resize)
{
	struct ui_headless *h = start(80, 24);
	struct ui *ui;
	int i;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	/* Tap the start button, then "Year 9", then Computers and digital's row. */
	for (i = 0; i < ui->hit_count && ui->hits[i].action != ACTION_SELECT; i++)
		;
	CHECK(i < ui->hit_count);
	ui_headless_click(h, ui->hits[i].y, ui->hits[i].x + 1);
	CHECK_INT(ui_top(ui)->id, VIEW_YEAR);
	ui_headless_click(h, 7, 4);	/* rows start on line 5: Year 7, 8, 9 */
	CHECK_INT(ui->session.profile.school_year, 9);
	CHECK_INT(ui_top(ui)->id, VIEW_INTERESTS);
	ui_headless_click(h, 9, 4);	/* the seventh area */
	CHECK_INT(ui->session.profile.interest_count, 1);
	/* Grow the window: everything is redrawn to the new size. */
	ui_headless_resize(h, 132, 43);
	CHECK_INT(ui->cols, 132);
	CHECK_INT(ui->lines, 43);
	fits(h);
	ui_headless_resize(h, 30, 8);
	{
		char *s = screen(h);

		CHECK_CONTAINS(s, "This window is too");
		free(s);
	}
	ui_headless_resize(h, 80, 24);
	fits(h);
	ui_headless_free(h);
}

TEST(garbage_in_every_field)
{
	struct ui_headless *h = start(80, 24);
	struct ui *ui;
	int i;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	ui_headless_keys(h, "\n\n\n");	/* year 11, no interests, to the postcode */
	CHECK_INT(ui_top(ui)->id, VIEW_PLACE);
	for (i = 0; i < 500; i++)
		ui_headless_key(h, "!@#$%^&*()_+{}|:<>~`\xff\x80"[i % 22] & 0xff);
	for (i = 0; i < 500; i++)
		ui_headless_key(h, 'A' + i % 26);
	CHECK(strlen(ui_top(ui)->input) <= 10);
	fits(h);
	ui_headless_key(h, '\n');
	CHECK_INT(ui_top(ui)->id, VIEW_PLACE);
	CHECK_CONTAINS(ui_top(ui)->message, "is not a postcode");
	/* The PIN field takes long input without harm. */
	ui_headless_key(h, KEY_F(10));
	for (i = 0; i < 300; i++)
		ui_headless_key(h, '7');
	CHECK(strlen(ui_top(ui)->input) <= PIN_MAX_LENGTH);
	ui_headless_key(h, '\n');
	CHECK(!ui->quit);
	ui_headless_key(h, 27);
	/* Search with every printable character, then far too much. */
	ui_headless_keys(h, "\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f");
	ui_headless_key(h, '\n');
	CHECK_INT(ui_top(ui)->id, VIEW_RESULTS);
	ui_headless_key(h, '/');
	for (i = 32; i < 127; i++)
		ui_headless_key(h, i);
	for (i = 0; i < 300; i++)
		ui_headless_key(h, 'e');
	CHECK(strlen(ui_top(ui)->input) <= 40);
	fits(h);
	ui_headless_free(h);
}

/* Every view's footer keeps every key at 80 and 132 columns, most important first. */
TEST(footers_keep_every_key)
{
	for (size_t v = 0; v < VIEW_COUNT; v++) {
		const struct view_ops *ops = ui_view_table[v];
		struct footer_cell all[FOOTER_MAX], cells[FOOTER_MAX];
		int want, got;

		CHECK(ops->footer != NULL);
		if (!ops->footer)
			continue;
		want = canvas_footer_layout(NULL, ops->modes, ops->footer, 100000, all, FOOTER_MAX);
		CHECK(want > 0);
		for (int cols = 80; cols <= 132; cols += 52) {
			got = canvas_footer_layout(NULL, ops->modes, ops->footer, cols, cells,
						   FOOTER_MAX);
			if (got != want)
				fprintf(stderr, "%s at %d columns: %d keys of %d\n", ops->name, cols,
					got, want);
			CHECK_INT(got, want);
			/* The first key always has its words. */
			CHECK(got > 0 && strchr(cells[0].text, ' ') != NULL);
			for (int i = 0; i < got; i++)
				CHECK_INT(cells[i].action, all[i].action);
		}
	}
}

TEST(key_table)
{
	static const enum key_mode all[] = { MODE_TEXT, MODE_LIST, MODE_QUIZ, MODE_INTERESTS,
					     MODE_RESULTS, MODE_ADVISER, MODE_GLOBAL };
	size_t m, v;

	/* Within a mode, a key means one thing; every bound action has help words. */
	for (m = 0; m < sizeof(all) / sizeof(all[0]); m++) {
		const struct binding *a, *b;

		for (a = keymap_mode(all[m]); a->key; a++) {
			CHECK(keymap_words(a->action)[0] != '\0');
			CHECK(keymap_short_words(a->action)[0] != '\0');
			for (b = a + 1; b->key; b++)
				if (a->key == b->key) {
					fprintf(stderr, "mode %zu: key %d bound twice\n", m, a->key);
					check_failures++;
				}
		}
	}
	/* Within a view, modes do not disagree about a key. */
	for (v = 0; v < VIEW_COUNT; v++) {
		const enum key_mode *modes = ui_view_table[v]->modes, *x, *y;

		CHECK(ui_view_table[v]->draw != NULL);
		CHECK(ui_view_table[v]->title && ui_view_table[v]->title[0]);
		for (x = modes; *x != MODE_END; x++)
			for (y = x + 1; *y != MODE_END; y++) {
				const struct binding *a, *b;

				for (a = keymap_mode(*x); a->key; a++)
					for (b = keymap_mode(*y); b->key; b++)
						if (a->key == b->key && a->action != b->action) {
							fprintf(stderr, "view %s: key %d is %s in one "
								"mode and %s in another\n",
								ui_view_table[v]->name, a->key,
								keymap_words(a->action),
								keymap_words(b->action));
							check_failures++;
						}
			}
	}
	/* The keys that suspend or interrupt a program are bound to nothing. */
	for (m = 0; m < sizeof(all) / sizeof(all[0]); m++) {
		const struct binding *a;

		for (a = keymap_mode(all[m]); a->key; a++)
			CHECK(a->key != 3 && a->key != 26 && a->key != 28);
	}
}

/* Type a PIN and press Enter. */
static void try_pin(struct ui_headless *h, const char *pin)
{
	ui_headless_keys(h, pin);
	ui_headless_key(h, '\n');
}

/* Let time pass on the PIN screen, with a key now and then so the idle wipe does not come. */
static void pass_time(struct ui_headless *h, int seconds)
{
	while (seconds > 0) {
		int step = seconds > 60 ? 60 : seconds;

		ui_headless_tick(h, step);
		ui_headless_key(h, KEY_LEFT);
		seconds -= step;
	}
}

TEST(pin_guessing_is_throttled)
{
	struct ui_headless *h = start(80, 24);
	struct ui *ui;
	char *s;
	int i;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	ui_headless_key(h, KEY_F(10));
	/* Three wrong PINs cost nothing; the fourth makes the next one wait. */
	for (i = 0; i < 4; i++)
		try_pin(h, "0000");
	CHECK(!ui->quit);
	s = screen(h);
	CHECK_CONTAINS(s, "Please wait 10 seconds");
	free(s);
	/* The right PIN, typed while waiting, is thrown away. */
	try_pin(h, "4321");
	CHECK(!ui->quit);
	CHECK_STR(ui_top(ui)->input, "");
	/* Leaving the PIN screen and coming back does not start the count again. */
	ui_headless_key(h, 27);
	ui_headless_key(h, KEY_F(10));
	s = screen(h);
	CHECK_CONTAINS(s, "Please wait");
	free(s);
	try_pin(h, "4321");
	CHECK(!ui->quit);
	/* Keep guessing: the waits grow to a lock-out of five minutes. */
	for (i = 0; i < 4; i++) {
		pass_time(h, 130);
		try_pin(h, "1111");
	}
	s = screen(h);
	CHECK_CONTAINS(s, "Please wait 5 minutes");
	free(s);
	/* The idle wipe clears the pupil's answers, not the count of wrong PINs. */
	ui_headless_tick(h, 90);
	ui_headless_tick(h, 20);
	ui_headless_key(h, KEY_F(10));
	try_pin(h, "4321");
	CHECK(!ui->quit);
	/* Once the time is up, the right PIN leaves. */
	pass_time(h, 300);
	ui_headless_key(h, 27);
	ui_headless_key(h, KEY_F(10));
	try_pin(h, "4321");
	CHECK(ui->quit);
	ui_headless_free(h);
}

/* The screen shows `want` and never `never`. */
static void shows(struct ui_headless *h, const char *want, const char *never)
{
	char *s = screen(h);

	CHECK_CONTAINS(s, want);
	if (strstr(s, never)) {
		fprintf(stderr, "%s: the screen shows \"%s\":\n%s\n", check_current, never, s);
		check_failures++;
	}
	free(s);
}

/*
 * Every question is skippable: skipping the school year (End jumps to
 * "I'd rather not say"), shortlisting and taking it away makes a code
 * that says "not given", and no internal message reaches the pupil; nor
 * from the welcome screen with nothing answered.
 */
TEST(take_away_after_skipping)
{
	struct ui_headless *h = start(80, 24);

	if (!h)
		return;
	ui_headless_key(h, '\n');
	ui_headless_key(h, KEY_END);
	ui_headless_keys(h, "\n\n\n");
	ui_headless_keys(h, "st");
	shows(h, "Your code:", "cannot go in a code");
	shows(h, "Your code:", "school year 0");
	qr_reads(h, "handover-skipped");
	ui_headless_key(h, 'r');
	ui_headless_key(h, 'r');
	ui_headless_key(h, 't');
	shows(h, "Your code:", "cannot go in a code");
	golden(h, "handover-welcome");
	ui_headless_free(h);
}

/*
 * Search looks through everything the pupil may take, not just what they
 * ticked or how far they said: /vet with Computers ticked finds the vets,
 * and a search with nothing in this section moves to one that has some.
 */
TEST(search_everything)
{
	struct ui_headless *h = start(80, 24);
	struct view *v;

	if (!h)
		return;
	ui_headless_key(h, '\n');
	ui_headless_key(h, '\n');	/* Year 11 */
	ui_headless_keys(h, "jjjjjj ");	/* Computers and digital */
	ui_headless_key(h, '\n');
	ui_headless_keys(h, "dn1 3bu");
	ui_headless_key(h, '\n');
	v = ui_top(ui_headless_ui(h));
	CHECK_INT(v->id, VIEW_RESULTS);
	ui_headless_keys(h, "/vet");
	shows(h, "searching everything", "Nothing");
	golden(h, "search-vet");
	ui_headless_key(h, 27);	/* clears the search */
	ui_headless_keys(h, "\t\t\t\t");	/* to University: no vets there */
	ui_headless_keys(h, "/vet");
	shows(h, "[Careers 1]", "Nothing");
	golden(h, "search-moves-tab");
	ui_headless_free(h);
}

/* No to all 24 is an answer, not "not enough"; stopping early says how many to answer. */
TEST(quiz_all_no)
{
	struct ui_headless *h = start(80, 24);
	struct ui *ui;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	ui_headless_keys(h, "\n\nq");
	for (int i = 0; i < 24; i++)
		ui_headless_key(h, 'n');
	shows(h, "You said no to everything", "did not answer enough");
	golden(h, "quiz-all-no");
	ui_headless_key(h, '\n');
	CHECK_INT(ui->session.profile.interest_count, 0);
	CHECK_INT(ui->session.profile.has_riasec, 0);
	ui_headless_keys(h, "qyynf");
	shows(h, "You answered 3 questions. Answer at least 6", "did not answer enough");
	ui_headless_free(h);
}

/*
 * A Year 9 who likes animals gets things to act on first: the GCSE subjects
 * that help, things to try now, the routes at 16 and 18; careers next; jobs
 * they cannot take yet are "for later".
 */
static void year_9(int cols, int lines)
{
	struct ui_headless *h = start(cols, lines);

	if (!h)
		return;
	ui_headless_key(h, '\n');
	ui_headless_keys(h, "kk\n");		/* Year 9 */
	ui_headless_keys(h, " \n");		/* Animals, plants and the outdoors */
	ui_headless_keys(h, "dn1 3bu\n");
	CHECK_INT(ui_top(ui_headless_ui(h))->id, VIEW_RESULTS);
	shows(h, "Biology or Combined", "starts too soon");
	shows(h, "Try now: volunteer at an animal rescue", "Nothing in this section");
	golden(h, "year9-now");
	fits(h);
	ui_headless_keys(h, "jjjjjjjjjjjj");
	shows(h, "At 18", "Nothing in this section");
	/* ? explains the words this screen uses. */
	ui_headless_key(h, '?');
	ui_headless_keys(h, "jjjjjjjjjjjjjjjjjjjj");
	shows(h, "Words you may see here", "Nothing in this section");
	shows(h, "T Level: a two-year course after GCSEs", "Nothing in this section");
	ui_headless_key(h, 27);
	ui_headless_key(h, '\t');
	shows(h, "[Careers", "Biology or Combined");
	shows(h, "(other)", "n.e.c");
	golden(h, "year9-careers");
	ui_headless_free(h);
}

TEST(year_9_80x24)
{
	year_9(80, 24);
}

TEST(year_9_132x43)
{
	year_9(132, 43);
}

/*
 * Entry requirements are shown cleanly: one line each, Essential and
 * Desired in words, no raw "|"; and no web address is cut mid-word.
 */
TEST(entry_requirements_cleanly)
{
	struct ui_headless *h = start(80, 24);
	struct ui *ui;
	char *s;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	/*
	 * Left school at 17, no interests: the barber's apprenticeship starts in
	 * March, before a pupil in Year 11 may leave, so only a school leaver sees it.
	 */
	ui_headless_key(h, '\n');
	for (int down = 0; down < 3; down++)
		ui_headless_key(h, KEY_DOWN);
	ui_headless_keys(h, "\n\n\n");
	ui_headless_keys(h, "dn1 3bu\n");
	ui_headless_keys(h, "/barber\n");
	for (int tab = 0; tab < 6; tab++) {
		int jobs;

		s = screen(h);
		jobs = strstr(s, "[Jobs") != NULL;
		free(s);
		if (jobs)
			break;
		ui_headless_key(h, '\t');
	}
	ui_headless_key(h, '\n');
	CHECK_INT(ui_top(ui)->id, VIEW_DETAIL);
	ui_headless_key(h, KEY_NPAGE);
	shows(h, "GCSE English grade 4 - you must have this", "(Essential)");
	shows(h, "GCSE Maths grade 4 - it helps", "|");
	golden(h, "detail-entry");
	ui_headless_free(h);
}

TESTS(journey_80x24, journey_132x43, quiz_all_no, entry_requirements_cleanly, year_9_80x24, year_9_132x43, take_away_after_skipping, search_everything,
      bus_journey_80x24, bus_journey_132x43,
      pin_guessing_is_throttled, keys_that_do_nothing, warning_kept_by_a_key,
      start_again_asks_first, mouse_and_resize, garbage_in_every_field, key_table,
      footers_keep_every_key)
