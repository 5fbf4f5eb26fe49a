/*
 * test_ui_store_switch.c - a running kiosk takes a store that `careers
 * update` put in place at its next idle wipe, never in the middle of a
 * pupil's session, and carries on with the old one if the new one will
 * not open.
 */
#include <stdio.h>
#include <unistd.h>

#include "build.h"
#include "harness.h"
#include "ui/ui.h"

static char dir[400];

static void path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

/* A store of the bundled data without one folder (so its counts differ). */
static void build_without(const char *out)
{
	struct build_options o;
	FILE *devnull = fopen("/dev/null", "w");

	memset(&o, 0, sizeof(o));
	o.data_dir = CAREERS_SOURCE "/data/doncaster/ifate";
	o.out = out;
	o.quiet = 1;
	o.out_stream = devnull;
	o.err_stream = stderr;
	unlink(out);
	CHECK_INT(build_store(&o), STATUS_OK);
	fclose(devnull);
}

static long long standards(struct ui *ui)
{
	struct store_counts c;

	store_count(ui->store, &c);
	return c.standards + c.courses + c.vacancies;
}

TEST(switches_at_the_idle_wipe_only)
{
	char live[512], fresh[512], err[256];
	struct ui_options o;
	struct ui_headless *h;
	struct ui *ui;
	long long before;

	path(live, sizeof(live), "live.db");
	path(fresh, sizeof(fresh), "fresh.db");
	check_bundled_store(live);
	build_without(fresh);
	memset(&o, 0, sizeof(o));
	o.db = live;
	o.locked = 1;
	o.today_fixed = 1;
	o.today = (struct civil_date){ 2026, 11, 30 };
	o.idle_seconds = 90;
	o.warning_seconds = 20;
	h = ui_headless_new(80, 24, &o, err, sizeof(err));
	CHECK(h != NULL);
	if (!h)
		return;
	ui = ui_headless_ui(h);
	before = standards(ui);
	ui_headless_keys(h, "\n");	/* a pupil starts: the year question */
	CHECK(ui->depth > 1);
	/* careers update swaps the store in, mid-session */
	CHECK_INT(rename(fresh, live), 0);
	ui_headless_tick(h, 30);
	CHECK_INT(standards(ui), before);	/* not while the pupil is there */
	ui_headless_tick(h, 65);		/* 95 s: the warning */
	CHECK(ui->warning);
	CHECK_INT(standards(ui), before);
	ui_headless_tick(h, 25);		/* 120 s: the wipe */
	CHECK(!ui->warning);
	CHECK(standards(ui) != before);		/* the new store, from now on */
	CHECK(standards(ui) > 0);
	ui_headless_free(h);
	unlink(live);
}

TEST(keeps_the_old_store_if_the_new_one_is_broken)
{
	char live[512], junk[512], err[256];
	struct ui_options o;
	struct ui_headless *h;
	struct ui *ui;
	long long before;
	FILE *f;

	path(live, sizeof(live), "live2.db");
	path(junk, sizeof(junk), "junk.db");
	check_bundled_store(live);
	f = fopen(junk, "w");
	fputs("not a store", f);
	fclose(f);
	memset(&o, 0, sizeof(o));
	o.db = live;
	o.today_fixed = 1;
	o.today = (struct civil_date){ 2026, 11, 30 };
	h = ui_headless_new(80, 24, &o, err, sizeof(err));
	CHECK(h != NULL);
	if (!h)
		return;
	ui = ui_headless_ui(h);
	before = standards(ui);
	CHECK_INT(rename(junk, live), 0);
	ui_headless_keys(h, "\n");
	ui_headless_key(h, KEY_F(5));	/* start again (asked twice): also between pupils */
	ui_headless_key(h, KEY_F(5));
	CHECK_INT(ui->depth, 1);
	CHECK_INT(standards(ui), before);
	ui_headless_tick(h, 5000);
	CHECK_INT(standards(ui), before);
	ui_headless_free(h);
	unlink(live);
}

static void setup(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");

	snprintf(dir, sizeof(dir), "%s", tmp ? tmp : "/tmp");
}

TEST(start)
{
	setup();
}

TESTS(start, switches_at_the_idle_wipe_only, keeps_the_old_store_if_the_new_one_is_broken)
