/*
 * test_ui_wipe.c - after the idle wipe, the kiosk is as if no pupil had
 * been there: a property, checked on random pupils.
 *
 * Each case is one seed. A pupil presses random keys from the kiosk's own
 * key tables (with some typing and some ticking), ending anywhere; the idle
 * warning runs out and the session is wiped. Then the wiped kiosk and a
 * kiosk that never saw anyone are walked in step through the same random
 * keys, long enough to reach every kiosk screen, and after every key the
 * two screens must be the same, line for line. Whatever the pupil typed or
 * chose (a postcode, search words, ticks, a shortlist, hidden options, a
 * take-away code, a scroll position) would show up as a difference; the
 * strings the pupil typed are also looked for on every screen by name, so
 * a failure says what leaked and where. A failure prints its seed.
 */
#include <unistd.h>

#include "format.h"
#include "harness.h"
#include "pin_guard.h"
#include "ui_harness.h"

/*
 * The count of wrong adviser PINs belongs to the kiosk, not to a pupil:
 * it outlives the wipe on purpose (see one_pupil()).
 */
static struct ui_headless *start(struct pin_guard *guard)
{
	return ui_test_kiosk(80, 24, guard);
}

static char *screen(struct ui_headless *h)
{
	return ui_test_screen(h);
}

/* --- random keys from the key tables ------------------------------------------------ */

static unsigned long long rng_state;

static unsigned rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

static int bound_keys[256];
static int bound_count;

/* Every key that any mode binds, once each. */
static void collect_keys(void)
{
	static const enum key_mode all[] = { MODE_TEXT, MODE_LIST, MODE_QUIZ, MODE_INTERESTS,
					     MODE_RESULTS, MODE_GLOBAL };
	size_t m;

	if (bound_count)
		return;
	for (m = 0; m < sizeof(all) / sizeof(all[0]); m++) {
		const struct binding *b;

		for (b = keymap_mode(all[m]); b->key; b++) {
			int k, seen = 0;

			for (k = 0; k < bound_count; k++)
				seen |= bound_keys[k] == b->key;
			/* Leaving is the adviser's business, with the PIN; not a pupil's key. */
			if (!seen && b->action != ACTION_LEAVE && bound_count < 256)
				bound_keys[bound_count++] = b->key;
		}
	}
}

/*
 * A key a pupil might press: mostly bound keys, with a bias to Enter,
 * Tab and Space so that walks get deep, some typing, and now and then
 * the adviser key (F10), whose PIN screen is one more place to look.
 */
static int pupil_key(void)
{
	static const char typing[] = "abcdefghijklmnopqrstuvwxyz0123456789 ";
	unsigned r = rnd(100);

	if (r < 14)
		return '\n';
	if (r < 20)
		return '\t';
	if (r < 26)
		return ' ';
	if (r < 42)
		return typing[rnd(sizeof(typing) - 1)];
	if (r < 43)
		return KEY_F(10);
	return bound_keys[rnd((unsigned)bound_count)];
}

/* --- what the pupil typed ------------------------------------------------------------- */

struct typed {
	char text[16][64];
	int count;
};

/* Remember what is in the text fields on the stack now (typed, not yet accepted). */
static void note_typed(struct ui *ui, struct typed *t)
{
	int i, k;

	for (i = 0; i < ui->depth; i++) {
		const char *s = ui->stack[i].input;

		if (strlen(s) < 3 || ui->stack[i].id == VIEW_PIN)
			continue;
		for (k = 0; k < t->count && strcmp(t->text[k], s) != 0; k++)
			;
		if (k == t->count && t->count < 16)
			snprintf(t->text[t->count++], sizeof(t->text[0]), "%s", s);
	}
	if (ui->session.place_typed[0] && t->count < 16)
		snprintf(t->text[t->count++], sizeof(t->text[0]), "%s", ui->session.place_typed);
}

/* Report the first difference between two screens, and any typed text on the wiped one. */
static void explain(const char *wiped, const char *fresh, const struct typed *t,
		    unsigned long long seed, int step)
{
	const char *a = wiped, *b = fresh;
	int line = 0, k;

	while (*a && *b) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");

		if (la != lb || memcmp(a, b, la) != 0) {
			fprintf(stderr, "seed %llu, key %d after the wipe, line %d:\n  wiped: %.*s\n"
				"  fresh: %.*s\n", seed, step, line, (int)la, a, (int)lb, b);
			break;
		}
		a += la + (a[la] ? 1 : 0);
		b += lb + (b[lb] ? 1 : 0);
		line++;
	}
	for (k = 0; k < t->count; k++)
		if (strstr(wiped, t->text[k]) && !strstr(fresh, t->text[k]))
			fprintf(stderr, "  the previous pupil typed \"%s\" and it is on the screen\n",
				t->text[k]);
}

/* --- the property ------------------------------------------------------------------------ */

#define PUPIL_KEYS 160
#define WALK_KEYS 1500

static const enum view_id kiosk_views[] = {
	VIEW_WELCOME, VIEW_YEAR, VIEW_INTERESTS, VIEW_QUIZ, VIEW_PLACE, VIEW_RESULTS,
	VIEW_DETAIL, VIEW_SHORTLIST, VIEW_HANDOVER, VIEW_HELP, VIEW_PIN,
};

/* Walk both in step; 0 on the first difference. Marks the views reached. */
static int walk_in_step(struct ui_headless *wiped, struct ui_headless *fresh,
			const struct typed *t, unsigned long long seed, int seen[VIEW_COUNT])
{
	int step;

	for (step = 0; step < WALK_KEYS; step++) {
		int key = pupil_key();
		char *a, *b;
		int same;

		/* A walk that wanders off to the far end of a list comes back now and then. */
		if (step % 150 == 149) {
			ui_headless_keys(wiped, "rr");
			ui_headless_keys(fresh, "rr");
		}
		ui_headless_key(wiped, key);
		ui_headless_key(fresh, key);
		seen[ui_top(ui_headless_ui(wiped))->id] = 1;
		a = screen(wiped);
		b = screen(fresh);
		same = strcmp(a, b) == 0;
		if (!same)
			explain(a, b, t, seed, step);
		free(a);
		free(b);
		if (!same)
			return 0;
	}
	return 1;
}

static void one_pupil(unsigned long long seed, int seen[VIEW_COUNT])
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char *guard_file = xasprintf("%s/ui-wipe-guard-%ld", tmp ? tmp : "/tmp", (long)getpid());
	struct pin_guard *pupils_guard, *fresh_guard = NULL;
	struct ui_headless *wiped, *fresh = NULL;
	struct typed t;
	struct ui *ui;
	int i;

	unlink(guard_file);
	pupils_guard = pin_guard_new(guard_file);
	wiped = start(pupils_guard);
	if (!wiped)
		goto done;
	memset(&t, 0, sizeof(t));
	rng_state = seed * 2654435761u + 1;
	ui = ui_headless_ui(wiped);
	for (i = 0; i < PUPIL_KEYS; i++) {
		ui_headless_key(wiped, pupil_key());
		note_typed(ui, &t);
	}
	/* Half the pupils go back to the first screen before walking away. */
	if (seed % 2)
		for (i = 0; i < 12; i++)
			ui_headless_key(wiped, 27);
	note_typed(ui, &t);
	ui_headless_tick(wiped, 90);
	ui_headless_tick(wiped, 20);
	CHECK_INT(ui->depth, 1);
	CHECK_INT(ui_top(ui)->id, VIEW_WELCOME);
	/*
	 * The fresh kiosk starts now, with the wrong PINs counted so far (read
	 * from the guard's file, as a restarted kiosk would) and the same time.
	 */
	fresh_guard = pin_guard_new(guard_file);
	fresh = start(fresh_guard);
	if (!fresh)
		goto done;
	ui_headless_tick(fresh, 110);
	if (!walk_in_step(wiped, fresh, &t, seed, seen)) {
		fprintf(stderr, "seed %llu: the wiped kiosk is not like a fresh one\n", seed);
		check_failures++;
	}
done:
	/* Last made, first freed: ncurses keeps track of its screens in a list. */
	ui_headless_free(fresh);
	ui_headless_free(wiped);
	pin_guard_free(fresh_guard);
	pin_guard_free(pupils_guard);
	unlink(guard_file);
	free(guard_file);
}

TEST(wiped_kiosk_is_like_a_fresh_one)
{
	int seen[VIEW_COUNT] = { 0 };
	unsigned long long seed;
	size_t v;

	collect_keys();
	for (seed = 1; seed <= 12; seed++)
		one_pupil(seed, seen);
	/* The walks looked at every kiosk screen. */
	for (v = 0; v < sizeof(kiosk_views) / sizeof(kiosk_views[0]); v++)
		if (!seen[kiosk_views[v]]) {
			fprintf(stderr, "the walks never reached the %s screen\n",
				ui_view_table[kiosk_views[v]]->name);
			check_failures++;
		}
}

/* The case the review found: no school year, but interests and a postcode. */
TEST(skipped_year_is_wiped_too)
{
	struct ui_headless *h = start(NULL);
	struct ui *ui;
	char *s;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	ui_headless_key(h, '\n');		/* start */
	ui_headless_key(h, KEY_END);		/* "Skip this question" */
	ui_headless_key(h, '\n');
	ui_headless_keys(h, "jjjjjj ");		/* tick an interest */
	ui_headless_key(h, KEY_END);
	ui_headless_key(h, '\n');		/* Continue */
	ui_headless_keys(h, "dn1 3bu");		/* typed, not yet accepted */
	ui_headless_keys(h, "\x1b\x1b\x1b");	/* back to the welcome screen */
	CHECK_INT(ui_top(ui)->id, VIEW_WELCOME);
	CHECK_INT(ui->session.year_answered, 0);
	CHECK_INT(ui->session.profile.interest_count, 1);
	ui_headless_tick(h, 90);
	CHECK(ui->warning);
	ui_headless_tick(h, 20);
	CHECK_INT(ui->session.profile.interest_count, 0);
	ui_headless_key(h, '\n');
	ui_headless_key(h, '\n');
	s = screen(h);
	CHECK(!strstr(s, "[x]"));
	free(s);
	ui_headless_free(h);
}

/* The first screen with nothing on it never warns: there is nothing to clear. */
TEST(nothing_to_wipe_no_warning)
{
	struct ui_headless *h = start(NULL);
	struct ui *ui;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	ui_headless_tick(h, 500);
	CHECK(!ui->warning);
	/* Opening help and coming back leaves nothing either. */
	ui_headless_key(h, '?');
	ui_headless_key(h, 27);
	ui_headless_tick(h, 500);
	CHECK(!ui->warning);
	ui_headless_free(h);
}

TESTS(wiped_kiosk_is_like_a_fresh_one, skipped_year_is_wiped_too, nothing_to_wipe_no_warning)
