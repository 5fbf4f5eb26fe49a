/*
 * test_records_safety.c - the adviser's records when things go wrong
 * around them: two windows saving one session (no note lost), a deleted
 * session's words in the files SQLite throws away, a home folder that is a
 * symbolic link, a records file others could read.
 *
 * SQLite's own file operations are watched through a VFS that passes
 * everything to the real one and, before a file is deleted, reads it as
 * anyone with the disk could: what a deleted journal held stays in free
 * blocks unless it was overwritten first. That VFS must be the default
 * before the first records file is opened in the process, so its test
 * runs first.
 */
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "records.h"

static char tmp_folder[512];

/* A fresh folder of our own under the test tmp folder; paths are made in it. */
static const char *folder(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");

	if (!tmp_folder[0]) {
		snprintf(tmp_folder, sizeof(tmp_folder), "%s/records-safety-%ld",
			 tmp && *tmp ? tmp : "/tmp", (long)getpid());
		mkdir(tmp_folder, 0700);
	}
	return tmp_folder;
}

static char *path_in(const char *name)
{
	char *p = xasprintf("%s/%s", folder(), name), *journal = xasprintf("%s-journal", p);

	unlink(p);
	unlink(journal);
	free(journal);
	return p;
}


static void note(struct advice *a, const char *text)
{
	if (a->note_count < ADVICE_NOTES_MAX) {
		snprintf(a->notes[a->note_count].text, sizeof(a->notes[0].text), "%s", text);
		a->notes[a->note_count++].written[0] = '\0';
	}
}

static void action(struct advice *a, const char *text)
{
	if (a->action_count < ADVICE_ACTIONS_MAX) {
		memset(&a->actions[a->action_count], 0, sizeof(a->actions[0]));
		snprintf(a->actions[a->action_count++].text, sizeof(a->actions[0].text), "%s", text);
	}
}

static int has_note(const struct advice *a, const char *text)
{
	int i;

	for (i = 0; i < a->note_count; i++)
		if (strcmp(a->notes[i].text, text) == 0)
			return 1;
	return 0;
}

static int has_action(const struct advice *a, const char *text)
{
	int i;

	for (i = 0; i < a->action_count; i++)
		if (strcmp(a->actions[i].text, text) == 0)
			return 1;
	return 0;
}

/* --- a watched SQLite: what is in a file when SQLite deletes it -------------------------- */

static sqlite3_vfs watched;
static sqlite3_vfs *real_vfs;
static const char *const secrets[] = { "QX-4471-PUPIL", "Walrus-confidential-6620" };
static int deleted_files, leaked;

static int holds(const struct strbuf *bytes, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; i + n <= bytes->len; i++)
		if (memcmp(bytes->buf + i, needle, n) == 0)
			return 1;
	return 0;
}

static int watched_delete(sqlite3_vfs *vfs, const char *path, int sync_dir)
{
	FILE *f = fopen(path, "rb");
	struct strbuf bytes;
	char buf[4096];
	size_t got, i;

	(void)vfs;
	strbuf_init(&bytes);
	while (f && (got = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&bytes, buf, got);
	if (f)
		fclose(f);
	deleted_files++;
	for (i = 0; i < sizeof(secrets) / sizeof(secrets[0]); i++)
		if (holds(&bytes, secrets[i])) {
			fprintf(stderr, "%s still held \"%s\" when SQLite deleted it\n", path,
				secrets[i]);
			leaked++;
		}
	strbuf_done(&bytes);
	return real_vfs->xDelete(real_vfs, path, sync_dir);
}

TEST(deleted_journals_hold_nothing)
{
	char *path = path_in("journal.db");
	struct advice *a = xcalloc(1, sizeof(*a)), *b = xcalloc(1, sizeof(*b));
	struct records *r;

	real_vfs = sqlite3_vfs_find(NULL);
	watched = *real_vfs;
	watched.zName = "watched";
	watched.xDelete = watched_delete;
	CHECK_INT(sqlite3_vfs_register(&watched, 1), SQLITE_OK);
	r = check_records_open(path);
	if (r) {
		advice_init(a);
		snprintf(a->pupil, sizeof(a->pupil), "%s", secrets[0]);
		note(a, secrets[1]);
		CHECK_INT(records_save(r, a), STATUS_OK);
		advice_init(b);
		snprintf(b->pupil, sizeof(b->pupil), "KEEP");
		note(b, "kept");
		CHECK_INT(records_save(r, b), STATUS_OK);
		/* Editing the note: its old words were in the journal of that save. */
		snprintf(a->notes[0].text, sizeof(a->notes[0].text), "changed");
		CHECK_INT(records_save(r, a), STATUS_OK);
		CHECK_INT(records_delete(r, a->id), STATUS_OK);
		records_close(r);
	}
	CHECK(deleted_files > 0);
	CHECK_INT(leaked, 0);
	sqlite3_vfs_unregister(&watched);
	unlink(path);
	free(path);
	free(a);
	free(b);
}

/* --- two windows, one session -------------------------------------------------------------- */

TEST(two_windows_lose_no_note)
{
	char *path = path_in("windows.db");
	struct records *one = check_records_open(path), *two = check_records_open(path);
	struct advice *a = xcalloc(1, sizeof(*a)), *w1 = xcalloc(1, sizeof(*w1));
	struct advice *w2 = xcalloc(1, sizeof(*w2)), *got = xcalloc(1, sizeof(*got));

	if (!one || !two)
		goto done;
	advice_init(a);
	snprintf(a->pupil, sizeof(a->pupil), "AB-12");
	note(a, "First meeting");
	CHECK_INT(records_save(one, a), STATUS_OK);
	CHECK_INT(records_load(one, a->id, w1), STATUS_OK);
	CHECK_INT(records_load(two, a->id, w2), STATUS_OK);

	note(w1, "From window one");
	CHECK_INT(records_save(one, w1), STATUS_OK);
	CHECK_STR(records_notice(one), "");
	/* The second window saves what it loaded before the first one saved. */
	note(w2, "From window two");
	action(w2, "Visit the college open day");
	CHECK_INT(records_save(two, w2), STATUS_OK);
	CHECK_CONTAINS(records_notice(two), "another window");
	/* Its copy now holds both, as the file does. */
	CHECK(has_note(w2, "From window one"));
	CHECK(has_note(w2, "From window two"));
	CHECK_INT(records_load(one, a->id, got), STATUS_OK);
	CHECK(has_note(got, "First meeting"));
	CHECK(has_note(got, "From window one"));
	CHECK(has_note(got, "From window two"));
	CHECK(has_action(got, "Visit the college open day"));
	CHECK_INT(got->note_count, 3);

	/* And once more the other way round, with the first window now behind. */
	note(w1, "One again");
	CHECK_INT(records_save(one, w1), STATUS_OK);
	CHECK_CONTAINS(records_notice(one), "another window");
	CHECK_INT(records_load(two, a->id, got), STATUS_OK);
	CHECK_INT(got->note_count, 4);
	CHECK(has_note(got, "One again"));
	CHECK(has_action(got, "Visit the college open day"));
	/* Saving again without a change from anyone else merges nothing. */
	CHECK_INT(records_save(one, w1), STATUS_OK);
	CHECK_STR(records_notice(one), "");
done:
	records_close(one);
	records_close(two);
	unlink(path);
	free(path);
	free(a);
	free(w1);
	free(w2);
	free(got);
}

/* When both windows together hold more notes than a session can, nothing is saved or lost. */
TEST(a_merge_that_does_not_fit_is_refused)
{
	char *path = path_in("full.db");
	struct records *one = check_records_open(path), *two = check_records_open(path);
	struct advice *a = xcalloc(1, sizeof(*a)), *w2 = xcalloc(1, sizeof(*w2));
	struct advice *got = xcalloc(1, sizeof(*got));
	char text[64];
	int i;

	if (!one || !two)
		goto done;
	advice_init(a);
	snprintf(a->pupil, sizeof(a->pupil), "CD-34");
	CHECK_INT(records_save(one, a), STATUS_OK);
	CHECK_INT(records_load(two, a->id, w2), STATUS_OK);
	for (i = 0; i < ADVICE_NOTES_MAX; i++) {
		snprintf(text, sizeof(text), "window one, note %d", i);
		note(a, text);
	}
	CHECK_INT(records_save(one, a), STATUS_OK);
	note(w2, "window two's note");
	CHECK_INT(records_save(two, w2), STATUS_CONFLICT);
	CHECK_CONTAINS(records_errmsg(two), "another window");
	CHECK(has_note(w2, "window two's note"));	/* still there to copy or keep */
	CHECK_INT(records_load(one, a->id, got), STATUS_OK);
	CHECK_INT(got->note_count, ADVICE_NOTES_MAX);
done:
	records_close(one);
	records_close(two);
	unlink(path);
	free(path);
	free(a);
	free(w2);
	free(got);
}

/* --- where the file is -------------------------------------------------------------------- */

TEST(a_linked_home_folder_is_fine_a_linked_file_is_not)
{
	char *home = path_in("real-home"), *link = path_in("linked-home");
	char *path = xasprintf("%s/.local/share/careers/records.db", link);
	char *target = path_in("target.db"), *file_link = path_in("link.db");
	struct records *r;
	struct advice *a = xcalloc(1, sizeof(*a));
	char err[400];

	mkdir(home, 0700);
	CHECK(symlink(home, link) == 0);
	/* Made through the link, and opened through it again. */
	r = check_records_open(path);
	if (r) {
		advice_init(a);
		snprintf(a->pupil, sizeof(a->pupil), "EF");
		CHECK_INT(records_save(r, a), STATUS_OK);
		records_close(r);
	}
	r = check_records_open(path);
	records_close(r);

	/* The records file itself may not be a link: its path is named, with why. */
	r = check_records_open(target);
	records_close(r);
	CHECK(symlink(target, file_link) == 0);
	CHECK_INT(records_open(file_link, 1, &r, err, sizeof(err)), STATUS_IO);
	CHECK(r == NULL);
	CHECK_CONTAINS(err, file_link);
	CHECK_CONTAINS(err, "symbolic link");

	/* A path that cannot be a file names the file, not just SQLite's words. */
	{
		char *under_file = xasprintf("%s/records.db", target);

		CHECK(records_open(under_file, 1, &r, err, sizeof(err)) != STATUS_OK);
		CHECK_CONTAINS(err, under_file);
		free(under_file);
	}
	unlink(file_link);
	unlink(target);
	unlink(path);
	free(path);
	free(home);
	free(link);
	free(target);
	free(file_link);
	free(a);
}

TEST(a_file_others_can_read_is_made_private)
{
	char *path = path_in("open.db");
	struct records *r = check_records_open(path);
	struct stat st;

	records_close(r);
	CHECK(chmod(path, 0644) == 0);
	r = check_records_open(path);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	if (r) {
		CHECK_CONTAINS(records_notice(r), "0644");
		CHECK_CONTAINS(records_notice(r), "only you");
	}
	records_close(r);
	/* Already private: nothing to say. */
	r = check_records_open(path);
	if (r)
		CHECK_STR(records_notice(r), "");
	records_close(r);
	unlink(path);
	free(path);
}

/* A file from before sessions had versions is brought up to date when opened. */
TEST(version_1_files_are_upgraded)
{
	char *path = path_in("v1.db");
	struct records *r = check_records_open(path);
	struct advice *a = xcalloc(1, sizeof(*a)), *got = xcalloc(1, sizeof(*got));
	sqlite3 *db = NULL;
	sqlite3_stmt *st;

	if (!r)
		goto done;
	advice_init(a);
	snprintf(a->pupil, sizeof(a->pupil), "GH");
	note(a, "from before");
	CHECK_INT(records_save(r, a), STATUS_OK);
	records_close(r);
	/* What a version 1 file looked like: no version column, none of version 3's. */
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "ALTER TABLE session DROP COLUMN version; "
			       "ALTER TABLE session DROP COLUMN adviser; "
			       "ALTER TABLE session DROP COLUMN contact; "
			       "ALTER TABLE session DROP COLUMN school; "
			       "ALTER TABLE session DROP COLUMN next_meeting; "
			       "DROP INDEX session_kiosk_code; "
			       "ALTER TABLE session DROP COLUMN kiosk_code; "
			       "ALTER TABLE note DROP COLUMN shared; DROP TABLE session_ids; "
			       "PRAGMA user_version = 1", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	r = check_records_open(path);
	if (!r)
		goto done;
	CHECK_INT(records_load(r, a->id, got), STATUS_OK);
	CHECK_INT(got->version, 1);
	CHECK(has_note(got, "from before"));
	note(got, "after");
	CHECK_INT(records_save(r, got), STATUS_OK);
	CHECK_INT(got->version, 2);
	records_close(r);
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL), SQLITE_OK);
	CHECK_INT(sqlite3_step(st), SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(st, 0), RECORDS_VERSION);
	sqlite3_finalize(st);
	sqlite3_close(db);
done:
	unlink(path);
	free(path);
	free(a);
	free(got);
}

TESTS(deleted_journals_hold_nothing, version_1_files_are_upgraded, two_windows_lose_no_note, a_merge_that_does_not_fit_is_refused,
      a_linked_home_folder_is_fine_a_linked_file_is_not, a_file_others_can_read_is_made_private)
