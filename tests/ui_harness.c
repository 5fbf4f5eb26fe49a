/* ui_harness.c - see ui_harness.h. */
#include "ui_harness.h"

#include <unistd.h>

#include "harness.h"

static char kiosk_store[512];

static void remove_store(void)
{
	unlink(kiosk_store);
}

struct ui_headless *ui_test_kiosk(int cols, int lines, struct pin_guard *guard)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	struct ui_options o;
	struct ui_headless *h;
	char err[256];

	if (!kiosk_store[0]) {
		/* One per process: valgrind_ui runs the same program alongside. */
		snprintf(kiosk_store, sizeof(kiosk_store), "%s/ui-%ld.db", tmp ? tmp : "/tmp",
			 (long)getpid());
		atexit(remove_store);
		check_bundled_store(kiosk_store);
	}
	memset(&o, 0, sizeof(o));
	o.db = kiosk_store;
	o.locked = 1;
	o.today_fixed = 1;
	o.today = (struct civil_date){ 2026, 11, 30 };
	o.idle_seconds = 90;
	o.warning_seconds = 20;
	o.pin_hash = "$6$careerstest$AJd0LylrfhhRETLIAxdvu4dRlw7zIhr2LfjeeTRyacVjfF1fg/2lqvJyeK62ro2T.wvhlLwA.RreribgymuRu0";	/* PIN 4321 */
	o.pin_guard = guard;
	h = ui_headless_new(cols, lines, &o, err, sizeof(err));
	CHECK(h != NULL);
	if (!h)
		fprintf(stderr, "cannot start the UI: %s\n", err);
	return h;
}

char *ui_test_screen(struct ui_headless *h)
{
	struct strbuf sb;

	strbuf_init(&sb);
	ui_headless_dump(h, &sb);
	return strbuf_detach(&sb);
}
