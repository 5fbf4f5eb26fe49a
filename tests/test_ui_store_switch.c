/*
 * test_ui_store_switch.c - a running kiosk takes a store that `careers
 * update` put in place at its next idle wipe, never in the middle of a
 * pupil's session, and carries on with the old one if the new one will
 * not open.
 */
#include <stdio.h>
#include <unistd.h>

#include "harness.h"
#include "ui/ui.h"

/* A file in the tests' scratch folder, named for this process. */
static void path(char *out, size_t n, const char *name)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");

	snprintf(out, n, "%s/switch-%ld-%s", tmp ? tmp : "/tmp", (long)getpid(), name);
}

static long long standards(struct ui *ui)
{
	struct store_counts c;

	store_count(ui->store, &c);
	return c.standards + c.courses + c.vacancies;
}

/* The kiosk on a virtual screen, on the store at db. */
static struct ui_headless *start(const char *db)
{
	struct ui_options o;
	struct ui_headless *h;
	char err[256];

	memset(&o, 0, sizeof(o));
	o.db = db;
	o.locked = 1;
	o.today_fixed = 1;
	o.today = (struct civil_date){ 2026, 11, 30 };
	o.idle_seconds = 90;
	o.warning_seconds = 20;
	h = ui_headless_new(80, 24, &o, err, sizeof(err));
	CHECK(h != NULL);
	if (!h)
		fprintf(stderr, "cannot start the kiosk: %s\n", err);
	return h;
}

TEST(switches_at_the_idle_wipe_only)
{
	char live[512], fresh[512];
	struct ui_headless *h;
	struct ui *ui;
	long long before;

	path(live, sizeof(live), "live.db");
	path(fresh, sizeof(fresh), "fresh.db");
	check_bundled_store(live);
	/* a store of part of the bundled data, so that its counts differ */
	check_store_from(CAREERS_SOURCE "/data/doncaster/ifate", fresh);
	if (!(h = start(live)))
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
	char live[512], junk[512];
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
	if (!(h = start(live)))
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

TESTS(switches_at_the_idle_wipe_only, keeps_the_old_store_if_the_new_one_is_broken)
