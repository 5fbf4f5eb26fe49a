/*
 * test_ui_adviser.c - the adviser's screens on a virtual screen: golden
 * screens at 80x24 and 132x43, and the round trip a pupil's kiosk code
 * makes into an adviser's session (the shortlist and profile come back
 * exactly; a mistyped code is caught).
 */
#include <ctype.h>
#include <sys/stat.h>
#include <unistd.h>

#include "format.h"
#include "harness.h"
#include "records.h"
#include "ui/ui.h"

static char test_store[512], records_file[512], export_dir[512];

static void remove_files(void)
{
	char path[700];

	unlink(test_store);
	unlink(records_file);
	snprintf(path, sizeof(path), "%s/plan-JB-10Y-1.html", export_dir);
	unlink(path);
	snprintf(path, sizeof(path), "%s/plan-JB-10Y-1.md", export_dir);
	unlink(path);
	rmdir(export_dir);
}

static void setup(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");

	if (test_store[0])
		return;
	snprintf(test_store, sizeof(test_store), "%s/adviser-ui-%ld.db", tmp ? tmp : "/tmp",
		 (long)getpid());
	/* A short path for the records file, so the screen shows it whole wherever we build. */
	CHECK_INT(chdir(tmp ? tmp : "/tmp"), 0);
	snprintf(records_file, sizeof(records_file), "adviser-ui-records-%ld.db", (long)getpid());
	snprintf(export_dir, sizeof(export_dir), "%s/adviser-ui-plans-%ld", tmp ? tmp : "/tmp",
		 (long)getpid());
	atexit(remove_files);
	check_bundled_store(test_store);
}

static struct ui_headless *start(int cols, int lines, int adviser)
{
	struct ui_options o;
	struct ui_headless *h;
	char err[256];

	setup();
	memset(&o, 0, sizeof(o));
	o.db = test_store;
	o.today_fixed = 1;
	o.today = (struct civil_date){ 2026, 11, 30 };
	o.adviser = adviser;
	o.locked = !adviser;
	o.records_path = records_file;
	o.export_dir = export_dir;
	h = ui_headless_new(cols, lines, &o, err, sizeof(err));
	CHECK(h != NULL);
	if (!h)
		fprintf(stderr, "cannot start: %s\n", err);
	return h;
}

static char *screen(struct ui_headless *h)
{
	struct strbuf sb;

	strbuf_init(&sb);
	ui_headless_dump(h, &sb);
	return strbuf_detach(&sb);
}

/* Compare with tests/golden/adviser-NAME-COLSxLINES.txt (or rewrite it). */
static void golden(struct ui_headless *h, const char *name)
{
	struct ui *ui = ui_headless_ui(h);
	char file[256], *now = screen(h), *at = strstr(now, records_file);

	/* The records file's name holds the process id: name it instead. */
	if (at) {
		char *fixed = xasprintf("%.*s<records file>%s", (int)(at - now), now,
					at + strlen(records_file));

		free(now);
		now = fixed;
	}
	/* So do the times things were written: "2026-11-30 14:05" becomes "YYYY-MM-DD hh:mm". */
	for (char *p = now; p[0] && p[15]; p++)
		if (isdigit((unsigned char)p[0]) && p[4] == '-' && p[7] == '-' && p[10] == ' ' &&
		    p[13] == ':' && isdigit((unsigned char)p[14]) && isdigit((unsigned char)p[15]))
			memcpy(p, "YYYY-MM-DD hh:mm", 16);
	snprintf(file, sizeof(file), "adviser-%s-%dx%d.txt", name, ui->cols, ui->lines);
	check_golden(file, now);
	free(now);
}

/* The kiosk's code, read off its "take it with you" screen. */
static void kiosk_code(struct ui_headless *h, char *code, size_t len)
{
	char *s = screen(h), *at = strstr(s, "Your code:"), *line;

	code[0] = '\0';
	if (at && (line = strchr(at, '\n'))) {
		size_t n = 0;

		line++;
		while (*line == ' ')
			line++;
		while (line[n] && line[n] != ' ' && line[n] != '\n' && n + 1 < len)
			n++;
		memcpy(code, line, n);
		code[n] = '\0';
		/* A long code goes on over the next line, after a dash. */
		if (n && line[n - 1] == '-' && (line = strchr(line, '\n'))) {
			size_t m = 0;

			line++;
			while (*line == ' ')
				line++;
			while (line[m] && line[m] != ' ' && line[m] != '\n' && n + m + 1 < len)
				m++;
			memcpy(code + n, line, m);
			code[n + m] = '\0';
		}
	}
	free(s);
}

TEST(kiosk_code_to_adviser_session)
{
	struct ui_headless *kiosk = start(80, 24, 0), *adviser;
	struct ui *k, *a;
	char code[256], typo[256];
	int i;

	if (!kiosk)
		return;
	unlink(records_file);
	k = ui_headless_ui(kiosk);
	/* A Year 10 pupil: digital and engineering, DN4 within 15 miles; three shortlisted. */
	ui_headless_keys(kiosk, "\nk\n");
	ui_headless_keys(kiosk, "jjjjjj jj \n");
	ui_headless_keys(kiosk, "dn4 5hx");
	ui_headless_key(kiosk, KEY_RIGHT);
	ui_headless_key(kiosk, KEY_RIGHT);
	ui_headless_key(kiosk, KEY_RIGHT);
	ui_headless_key(kiosk, '\n');
	CHECK_INT(ui_top(k)->id, VIEW_RESULTS);
	ui_headless_key(kiosk, '\t');	/* past "What to do now" (Year 10) to Careers */
	ui_headless_keys(kiosk, "sjs\ts");
	CHECK_INT(k->session.shortlist_count, 3);
	ui_headless_key(kiosk, 't');
	kiosk_code(kiosk, code, sizeof(code));
	CHECK(strlen(code) > 9);

	adviser = start(80, 24, 1);
	a = ui_headless_ui(adviser);
	golden(adviser, "home");
	ui_headless_keys(adviser, "j\n");
	/* First with one character changed: the check character catches it. */
	snprintf(typo, sizeof(typo), "%s", code);
	typo[2] = typo[2] == 'A' ? 'B' : 'A';
	ui_headless_keys(adviser, typo);
	golden(adviser, "code-typed");
	ui_headless_key(adviser, '\n');
	CHECK_CONTAINS(ui_top(a)->message, "typing mistake");
	golden(adviser, "code-typo");
	for (i = 0; i < 80; i++)
		ui_headless_key(adviser, 127);
	/* Lower case and without dashes is fine. */
	for (i = 0; code[i]; i++)
		if (code[i] != '-')
			ui_headless_key(adviser, tolower((unsigned char)code[i]));
	ui_headless_key(adviser, '\n');
	golden(adviser, "code-read");
	ui_headless_keys(adviser, "JB 10Y");
	ui_headless_key(adviser, '\n');
	CHECK_INT(ui_top(a)->id, VIEW_SESSION);
	golden(adviser, "session");
	/* The profile and shortlist came back exactly. */
	CHECK_INT(a->session.profile.school_year, k->session.profile.school_year);
	CHECK_INT(a->session.profile.interest_count, k->session.profile.interest_count);
	for (i = 0; i < a->session.profile.interest_count; i++)
		CHECK_INT(a->session.profile.interests[i], k->session.profile.interests[i]);
	CHECK_STR(a->session.profile.place, "DN4");
	CHECK_NEAR(a->session.profile.radius, k->session.profile.radius, 0);
	CHECK_INT(a->session.shortlist_count, k->session.shortlist_count);
	for (i = 0; i < a->session.shortlist_count; i++) {
		CHECK_INT(a->session.shortlist[i].kind, k->session.shortlist[i].kind);
		CHECK_INT(a->session.shortlist[i].id, k->session.shortlist[i].id);
		CHECK_STR(a->session.shortlist[i].title, k->session.shortlist[i].title);
	}
	CHECK_STR(a->advice.pupil, "JB 10Y");
	/* Compare two, write a note and an action, export. */
	ui_headless_keys(adviser, "pjp");
	ui_headless_key(adviser, 'C');
	golden(adviser, "compare");
	ui_headless_key(adviser, 27);
	ui_headless_key(adviser, 'n');
	ui_headless_key(adviser, 'n');
	ui_headless_keys(adviser, "Likes making things; ask about T Levels & <apprenticeships>.");
	ui_headless_key(adviser, '\n');
	ui_headless_key(adviser, 'a');
	ui_headless_keys(adviser, "Book a taster day at the college");
	ui_headless_key(adviser, '\n');
	/* Dates as people type them; a date that does not exist says why. */
	ui_headless_keys(adviser, "30 Feb 27");
	ui_headless_key(adviser, '\n');
	CHECK_CONTAINS(ui_top(a)->message, "February 2027 has 28 days");
	for (i = 0; i < 9; i++)
		ui_headless_key(adviser, 127);
	ui_headless_keys(adviser, "14/2/27");
	ui_headless_key(adviser, '\n');
	ui_headless_keys(adviser, "j oo");	/* the action: done, and the adviser does it */
	/* The note: shared with the pupil, then changed. */
	ui_headless_keys(adviser, "k ");
	CHECK_INT(a->advice.notes[0].shared, 1);
	ui_headless_key(adviser, '\n');
	ui_headless_keys(adviser, " Mum can come.");
	ui_headless_key(adviser, '\n');
	CHECK_CONTAINS(a->advice.notes[0].text, "<apprenticeships>. Mum can come.");
	/* What the family needs to act alone. */
	ui_headless_key(adviser, 'm');
	ui_headless_keys(adviser, "Ms Patel\ncareers@school.example\nHall Cross Academy\n");
	ui_headless_keys(adviser, "next Tuesday at 2pm\n");
	CHECK_STR(a->advice.adviser, "Ms Patel");
	CHECK_STR(a->advice.contact, "careers@school.example");
	CHECK_STR(a->advice.school, "Hall Cross Academy");
	CHECK_STR(a->advice.next_meeting, "2026-12-01 14:00");
	golden(adviser, "notes");
	CHECK_INT(a->advice.note_count, 1);
	CHECK_INT(a->advice.action_count, 1);
	CHECK_INT(a->advice.actions[0].status, ACTION_DONE);
	CHECK_INT(a->advice.actions[0].owner, OWNER_ADVISER);
	CHECK_STR(a->advice.actions[0].due, "2027-02-14");
	ui_headless_key(adviser, 27);
	ui_headless_key(adviser, 'f');
	golden(adviser, "filters");
	/*
	 * "Dates as on" next September is a what-if: the Year 10 pupil is
	 * searched for as Year 11, the screen says so, and nothing is saved.
	 */
	ui_headless_keys(adviser, "kkk\n");
	for (i = 0; i < 12; i++)
		ui_headless_key(adviser, 127);
	ui_headless_keys(adviser, "2027-09-01\n");
	ui_headless_keys(adviser, "jjj\n");
	golden(adviser, "what-if");
	{
		char *s = screen(adviser);

		CHECK_CONTAINS(s, "WHAT IF 1 Sep 2027: Year 11");
		free(s);
	}
	CHECK_INT(a->session.profile.school_year, 10);
	ui_save_advice(a);
	CHECK_INT(a->advice.profile.school_year, 10);
	CHECK_INT(a->advice.profile.today.year, 2026);
	while (ui_top(a)->id != VIEW_SESSION && a->depth > 1)
		ui_headless_key(adviser, 27);
	/*
	 * Someone has left a link where the plan will go, pointing at a file of
	 * theirs, and an old plan anyone can read: the link is replaced, not
	 * followed, and the old plan becomes private.
	 */
	{
		char link[700], target[700], old_plan[700];
		FILE *f;

		snprintf(link, sizeof(link), "%s/plan-JB-10Y-1.md", export_dir);
		snprintf(target, sizeof(target), "%s-target", export_dir);
		snprintf(old_plan, sizeof(old_plan), "%s/plan-JB-10Y-1.html", export_dir);
		mkdir(export_dir, 0700);
		if ((f = fopen(target, "w")) != NULL) {
			fputs("not yours\n", f);
			fclose(f);
		}
		CHECK_INT(symlink(target, link), 0);
		if ((f = fopen(old_plan, "w")) != NULL) {
			fputs("old plan\n", f);
			fclose(f);
		}
		CHECK_INT(chmod(old_plan, 0644), 0);
		ui_headless_key(adviser, 'e');
		CHECK_CONTAINS(a->status, "Plan written");
		if ((f = fopen(target, "r")) != NULL) {
			char line[64] = "";

			CHECK(fgets(line, sizeof(line), f) != NULL);
			CHECK_STR(line, "not yours\n");
			fclose(f);
		}
		{
			struct stat st;

			CHECK(lstat(link, &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600);
		}
		unlink(target);
	}
	/*
	 * Back at the start: the list of saved sessions is up to date, and the
	 * same code typed again offers the session it began, not a second one.
	 */
	while (a->depth > 1)
		ui_headless_key(adviser, 27);
	{
		char *s = screen(adviser);

		CHECK_CONTAINS(s, "1 saved");
		free(s);
	}
	ui_headless_keys(adviser, "kkj\n");
	ui_headless_keys(adviser, code);
	ui_headless_key(adviser, '\n');
	golden(adviser, "code-seen");
	{
		char *s = screen(adviser);

		CHECK_CONTAINS(s, "This code was opened before: session #1 with JB 10Y");
		free(s);
	}
	ui_headless_key(adviser, '\n');
	CHECK_INT(ui_top(a)->id, VIEW_SESSION);
	CHECK_INT(a->advice.id, 1);
	ui_headless_free(adviser);
	ui_headless_free(kiosk);

	/* Everything was saved: open the records file and look. */
	{
		struct records *r;
		struct advice saved;
		char err[256];

		CHECK_INT(records_open(records_file, 0, &r, err, sizeof(err)), STATUS_OK);
		CHECK_INT(records_load(r, 1, &saved), STATUS_OK);
		CHECK_STR(saved.pupil, "JB 10Y");
		CHECK_INT(saved.item_count, 3);
		CHECK_INT(saved.items[0].compare + saved.items[1].compare, 2);
		CHECK_STR(saved.notes[0].text,
			  "Likes making things; ask about T Levels & <apprenticeships>. Mum can come.");
		CHECK_INT(saved.notes[0].shared, 1);
		CHECK_STR(saved.adviser, "Ms Patel");
		CHECK_STR(saved.next_meeting, "2026-12-01 14:00");
		CHECK_STR(saved.actions[0].text, "Book a taster day at the college");
		records_close(r);
	}
	{
		struct stat st;
		char path[700];

		snprintf(path, sizeof(path), "%s/plan-JB-10Y-1.html", export_dir);
		CHECK_INT(stat(path, &st), 0);
		CHECK_INT(st.st_mode & 0777, 0600);
		snprintf(path, sizeof(path), "%s/plan-JB-10Y-1.md", export_dir);
		CHECK_INT(stat(path, &st), 0);
	}
}

TEST(saved_session_reopens_at_132x43)
{
	struct ui_headless *h = start(132, 43, 1);
	struct ui *ui;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	golden(h, "home");
	ui_headless_keys(h, "jj\n");
	golden(h, "saved");
	ui_headless_key(h, '\n');
	CHECK_INT(ui_top(ui)->id, VIEW_SESSION);
	CHECK_STR(ui->advice.pupil, "JB 10Y");
	CHECK_INT(ui->advice.note_count, 1);
	golden(h, "session");
	ui_headless_key(h, 'C');
	golden(h, "compare");
	ui_headless_free(h);
}

TEST(no_idle_wipe_for_advisers)
{
	struct ui_headless *h = start(80, 24, 1);
	struct ui *ui;

	if (!h)
		return;
	ui = ui_headless_ui(h);
	ui_headless_keys(h, "\nAB\n");
	CHECK_INT(ui_top(ui)->id, VIEW_SESSION);
	ui_headless_tick(h, 3600);
	CHECK(!ui->warning);
	CHECK_INT(ui_top(ui)->id, VIEW_SESSION);
	ui_headless_free(h);
}

TESTS(kiosk_code_to_adviser_session, saved_session_reopens_at_132x43, no_idle_wipe_for_advisers)
