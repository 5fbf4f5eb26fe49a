/*
 * test_records.c - the adviser's records file: exact round trips at every
 * limit, list/delete/purge, deletion that leaves no trace in the file's
 * bytes, files that must be refused untouched (newer, damaged, not ours),
 * file modes, and sessions killed part way through a save.
 *
 * Files live in $CAREERS_TEST_TMP; the file is examined from outside with
 * plain SQLite and by reading its raw bytes, as an observer would.
 */
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "harness.h"
#include "records.h"
#include "store.h"

/* --- helpers -------------------------------------------------------------------- */

static char tmp_path[512];

/* A path under the test tmp folder, with nothing at it (nor its journal). */
static const char *fresh_path(const char *name)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char journal[600];

	snprintf(tmp_path, sizeof(tmp_path), "%s/records-%s.db", tmp && *tmp ? tmp : "/tmp", name);
	unlink(tmp_path);
	snprintf(journal, sizeof(journal), "%s-journal", tmp_path);
	unlink(journal);
	return tmp_path;
}

static int exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

static int journal_left(const char *path)
{
	char name[600];
	int any;

	snprintf(name, sizeof(name), "%s-journal", path);
	any = exists(name);
	snprintf(name, sizeof(name), "%s-wal", path);
	return any || exists(name);
}

/* The whole file; *len its size. Free the result. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f;
	struct stat st;
	char *buf;
	long n;

	*len = 0;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || !(f = fopen(path, "rb")))
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, f);
	fclose(f);
	return buf;
}

/* Does the file's raw content hold needle anywhere? */
static int file_has(const char *path, const char *needle)
{
	size_t len, n = strlen(needle), i;
	char *buf = slurp(path, &len);
	int found = 0;

	for (i = 0; buf && !found && i + n <= len; i++)
		found = memcmp(buf + i, needle, n) == 0;
	free(buf);
	return found;
}

static int same_bytes(const char *path, const char *before, size_t before_len)
{
	size_t len;
	char *now = slurp(path, &len);
	int same = now && len == before_len && memcmp(now, before, len) == 0;

	free(now);
	return same;
}

/* Run SQL on the file with a plain connection; 0 on success. */
static int raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;
	int rc;

	if (sqlite3_open(path, &db) != SQLITE_OK)
		return -1;
	rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
	sqlite3_close(db);
	return rc;
}

/* The first column of the first row of sql on the file, as an integer; -1 on error. */
static long long query_int(const char *path, const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;
	long long v = -1;

	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	return v;
}


static uint64_t rng_state = 88172645463325252ULL;

static uint64_t rng_next(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

static int rng_below(int n)
{
	return (int)(rng_next() % (uint64_t)n);
}

/* Fill out[size] with exactly `want` bytes (< size) of awkward text: quotes, apostrophes,
 * line breaks, tabs and UTF-8, never cutting a character in two. */
static void awkward_text(char *out, size_t size, size_t want, int salt)
{
	static const char *const pieces[] = {
		"It's \"fine\"", " O'Neill's", " caf\xc3\xa9", " \xe2\x80\x94 ", "\n",
		"'; DROP TABLE note; --",
		" na\xc3\xafve", " \xf0\x9f\x8e\x93", " 100%", " \\n", "\t", " \"\"", " ''",
		" \xc5\x81\xc3\xb3\x64\xc5\xba",
	};
	size_t len = 0;
	int k = salt;

	memset(out, 0, size);
	while (len < want) {
		const char *p = pieces[(size_t)k++ % (sizeof(pieces) / sizeof(pieces[0]))];
		size_t n = strlen(p);

		if (len + n > want) {
			p = "x";
			n = 1;
		}
		memcpy(out + len, p, n);
		len += n;
	}
}

/* A session at every limit, each field different from its default. */
static void full_session(struct advice *a, int salt)
{
	struct match_profile *p = &a->profile;
	int i;

	advice_init(a);
	awkward_text(a->pupil, sizeof(a->pupil), 0, 0);
	memset(a->pupil, 'P', ADVICE_PUPIL_MAX - 1);
	memcpy(a->pupil, "O'Ne\xc3\xaf \"7\"", 10);
	a->data_fingerprint = 0xdeadbeefu ^ (unsigned)salt;
	p->school_year = 0;
	p->age = 17;
	p->today = (struct civil_date){ 2028, 2, 29 };
	for (i = 0; i < MATCH_MAX_INTERESTS; i++)
		p->interests[i] = i == 0 ? 9007199254740993LL : 100 + i * 7 + salt;
	p->interest_count = MATCH_MAX_INTERESTS;
	p->riasec[0] = 1.0 / 3.0;
	p->riasec[1] = 0.1;
	p->riasec[2] = 1e-300;
	p->riasec[3] = 1;
	p->riasec[4] = 0;
	p->riasec[5] = 0.7071067811865476;
	p->has_riasec = 1;
	snprintf(p->place, sizeof(p->place), "DN12 3BU");
	p->place_is_full = 1;
	p->radius = 12.345678901234567;
	p->level = 3.5;
	p->kinds = (1u << OPTION_COURSE) | (1u << OPTION_VACANCY);
	awkward_text(p->text, sizeof(p->text), sizeof(p->text) - 1, salt);
	for (i = 0; i < MATCH_MAX_EXCLUDED; i++) {
		p->excluded[i].kind = (enum option_kind)(i % OPTION_KIND_COUNT);
		p->excluded[i].id = 1000000LL * i + salt;
	}
	p->excluded_count = MATCH_MAX_EXCLUDED;
	p->show_not_for_age = 1;
	p->sort = SORT_PAY;
	p->limit = 7;
	for (i = 0; i < ADVICE_ITEMS_MAX; i++) {
		a->items[i].kind = (enum option_kind)((i + salt) % OPTION_KIND_COUNT);
		a->items[i].id = 5000 + i;
		awkward_text(a->items[i].title, sizeof(a->items[i].title),
			     sizeof(a->items[i].title) - 1 - (size_t)i, i + salt);
		a->items[i].compare = i % 3 == 0;
	}
	a->item_count = ADVICE_ITEMS_MAX;
	for (i = 0; i < ADVICE_NOTES_MAX; i++) {
		awkward_text(a->notes[i].text, sizeof(a->notes[i].text), ADVICE_TEXT_MAX - 1,
			     i * 3 + salt);
		snprintf(a->notes[i].written, sizeof(a->notes[i].written), "2027-01-%02d 09:%02d",
			 1 + i % 28, i);
	}
	a->note_count = ADVICE_NOTES_MAX;
	for (i = 0; i < ADVICE_ACTIONS_MAX; i++) {
		awkward_text(a->actions[i].text, sizeof(a->actions[i].text), ADVICE_TEXT_MAX - 1,
			     i * 5 + salt);
		a->actions[i].owner = i % 2 ? OWNER_ADVISER : OWNER_PUPIL;
		if (i % 4)
			snprintf(a->actions[i].due, sizeof(a->actions[i].due), "2027-%02d-%02d",
				 1 + i % 12, 1 + i % 28);
		a->actions[i].status = (enum action_status)(i % 3);
	}
	a->action_count = ADVICE_ACTIONS_MAX;
}

/* Check every field of got against want, saying which differs. */
static void check_same(const struct advice *got, const struct advice *want)
{
	const struct match_profile *g = &got->profile, *w = &want->profile;
	int i;

	CHECK_INT(got->id, want->id);
	CHECK_STR(got->pupil, want->pupil);
	CHECK_STR(got->created, want->created);
	CHECK_STR(got->updated, want->updated);
	CHECK_INT(got->data_fingerprint, want->data_fingerprint);
	CHECK_INT(g->school_year, w->school_year);
	CHECK_INT(g->age, w->age);
	CHECK(date_compare(g->today, w->today) == 0);
	CHECK_INT(g->interest_count, w->interest_count);
	CHECK(memcmp(g->interests, w->interests, sizeof(g->interests)) == 0);
	CHECK_INT(g->has_riasec, w->has_riasec);
	CHECK(memcmp(g->riasec, w->riasec, sizeof(g->riasec)) == 0);
	CHECK_STR(g->place, w->place);
	CHECK_INT(g->place_is_full, w->place_is_full);
	CHECK(memcmp(&g->radius, &w->radius, sizeof(double)) == 0);
	CHECK(memcmp(&g->level, &w->level, sizeof(double)) == 0 ||
	      (isnan(g->level) && isnan(w->level)));
	CHECK_INT(g->kinds, w->kinds);
	CHECK_STR(g->text, w->text);
	CHECK_INT(g->excluded_count, w->excluded_count);
	CHECK(memcmp(g->excluded, w->excluded, sizeof(g->excluded)) == 0);
	CHECK_INT(g->show_not_for_age, w->show_not_for_age);
	CHECK_INT(g->sort, w->sort);
	CHECK_INT(g->limit, w->limit);
	CHECK_INT(got->item_count, want->item_count);
	for (i = 0; i < want->item_count && i < got->item_count; i++) {
		CHECK_INT(got->items[i].kind, want->items[i].kind);
		CHECK_INT(got->items[i].id, want->items[i].id);
		CHECK_STR(got->items[i].title, want->items[i].title);
		CHECK_INT(got->items[i].compare, want->items[i].compare);
	}
	CHECK_INT(got->note_count, want->note_count);
	for (i = 0; i < want->note_count && i < got->note_count; i++) {
		CHECK_STR(got->notes[i].text, want->notes[i].text);
		CHECK_STR(got->notes[i].written, want->notes[i].written);
	}
	CHECK_INT(got->action_count, want->action_count);
	for (i = 0; i < want->action_count && i < got->action_count; i++) {
		CHECK_STR(got->actions[i].text, want->actions[i].text);
		CHECK_INT(got->actions[i].owner, want->actions[i].owner);
		CHECK_STR(got->actions[i].due, want->actions[i].due);
		CHECK_INT(got->actions[i].status, want->actions[i].status);
	}
}

static int is_stamp(const char *s)
{
	int y, mo, d, h, mi, n = 0;

	return sscanf(s, "%4d-%2d-%2d %2d:%2d%n", &y, &mo, &d, &h, &mi, &n) == 5 && n == 16 &&
	       !s[16];
}

/* --- round trips ---------------------------------------------------------------- */

TEST(round_trip_at_every_limit)
{
	const char *path = fresh_path("round-trip");
	struct advice *a = xcalloc(1, sizeof(*a)), *b = xcalloc(1, sizeof(*b));
	struct records *r = check_records_open(path);

	if (!r)
		return;
	full_session(a, 0);
	CHECK(strlen(a->notes[0].text) == ADVICE_TEXT_MAX - 1);
	CHECK(strlen(a->pupil) == ADVICE_PUPIL_MAX - 1);
	CHECK_INT(records_save(r, a), STATUS_OK);
	CHECK(a->id > 0);
	CHECK(is_stamp(a->created));
	CHECK_STR(a->updated, a->created);
	CHECK_INT(records_load(r, a->id, b), STATUS_OK);
	check_same(b, a);
	/* Every byte, even past each string's end (both start from advice_init). */
	CHECK(memcmp(a, b, sizeof(*a)) == 0);

	/* Save it again, smaller and changed: same id and created, every row replaced. */
	a->item_count = 3;
	a->note_count = 1;
	a->action_count = 0;
	a->items[1].compare = 0;
	snprintf(a->notes[0].text, sizeof(a->notes[0].text), "Changed his mind: wants a T Level.");
	a->notes[0].written[0] = '\0';
	a->profile.level = NAN;
	a->profile.radius = MATCH_ANYWHERE;
	a->profile.has_riasec = 0;
	a->profile.interest_count = 0;
	a->profile.excluded_count = 0;
	a->profile.today = (struct civil_date){ 0, 0, 0 };
	a->profile.place[0] = '\0';
	memset(a->profile.interests, 0, sizeof(a->profile.interests));
	memset(a->profile.excluded, 0, sizeof(a->profile.excluded));
	strcpy(a->created, "1999-01-01 00:00");
	{
		long long id = a->id;

		CHECK_INT(records_save(r, a), STATUS_OK);
		CHECK_INT(a->id, id);
	}
	CHECK_STR(a->created, b->created);
	CHECK(is_stamp(a->notes[0].written));
	CHECK_INT(records_load(r, a->id, b), STATUS_OK);
	check_same(b, a);
	CHECK(isnan(b->profile.level));
	CHECK_INT(b->profile.today.year, 0);

	/* A second session leaves the first alone. */
	full_session(b, 5);
	CHECK_INT(records_save(r, b), STATUS_OK);
	CHECK(b->id != a->id);
	{
		struct advice *c = xcalloc(1, sizeof(*c));

		CHECK_INT(records_load(r, a->id, c), STATUS_OK);
		CHECK_INT(c->item_count, 3);
		CHECK_INT(records_load(r, 9999, c), STATUS_NOT_FOUND);
		CHECK_CONTAINS(records_errmsg(r), "no session 9999");
		free(c);
	}
	records_close(r);
	free(a);
	free(b);
}

TEST(save_refuses_what_it_cannot_store)
{
	const char *path = fresh_path("invalid");
	struct advice *a = xcalloc(1, sizeof(*a));
	struct records *r = check_records_open(path);
	long long id;

	if (!r)
		return;
	advice_init(a);
	CHECK_INT(records_save(r, a), STATUS_INVALID);
	CHECK_CONTAINS(records_errmsg(r), "initials or school reference");
	CHECK_INT(a->id, 0);
	strcpy(a->pupil, "AB\n");
	CHECK_INT(records_save(r, a), STATUS_INVALID);
	strcpy(a->pupil, "AB");
	a->item_count = ADVICE_ITEMS_MAX + 1;
	CHECK_INT(records_save(r, a), STATUS_INVALID);
	CHECK_CONTAINS(records_errmsg(r), "item_count 25");
	a->item_count = 0;
	a->action_count = 1;
	strcpy(a->actions[0].due, "2027-02-30");
	CHECK_INT(records_save(r, a), STATUS_INVALID);
	CHECK_CONTAINS(records_errmsg(r), "2027-02-30");
	a->actions[0].due[0] = '\0';
	a->actions[0].status = (enum action_status)7;
	CHECK_INT(records_save(r, a), STATUS_INVALID);
	a->actions[0].status = ACTION_DONE;
	memset(a->notes[0].text, 'x', sizeof(a->notes[0].text));
	a->note_count = 1;
	CHECK_INT(records_save(r, a), STATUS_INVALID);
	a->note_count = 0;
	CHECK_INT(a->id, 0);
	CHECK_INT(records_save(r, a), STATUS_OK);

	/* A session deleted meanwhile is not brought back by saving it. */
	id = a->id;
	CHECK_INT(records_delete(r, id), STATUS_OK);
	CHECK_INT(records_save(r, a), STATUS_NOT_FOUND);
	CHECK_CONTAINS(records_errmsg(r), "no longer in");
	CHECK_INT(a->id, id);
	CHECK_INT(records_load(r, id, a), STATUS_NOT_FOUND);
	records_close(r);
	free(a);
}

/* --- list, delete, purge ------------------------------------------------------------- */

struct listing {
	int count;
	long long ids[8];
	struct records_summary first;
};

static int collect(void *ctx, const struct records_summary *s)
{
	struct listing *l = ctx;

	if (l->count == 0)
		l->first = *s;
	if (l->count < 8)
		l->ids[l->count] = s->id;
	l->count++;
	return 0;
}

static int stop_at_one(void *ctx, const struct records_summary *s)
{
	(void)s;
	(*(int *)ctx)++;
	return 1;
}

static void small_session(struct advice *a, const char *pupil, int items, int notes, int todo)
{
	int i;

	advice_init(a);
	snprintf(a->pupil, sizeof(a->pupil), "%s", pupil);
	for (i = 0; i < items; i++) {
		a->items[i].kind = OPTION_COURSE;
		a->items[i].id = i + 1;
		snprintf(a->items[i].title, sizeof(a->items[i].title), "Course %d", i + 1);
	}
	a->item_count = items;
	for (i = 0; i < notes; i++)
		snprintf(a->notes[i].text, sizeof(a->notes[i].text), "Note %d for %s", i + 1,
			 pupil);
	a->note_count = notes;
	for (i = 0; i < todo + 1; i++) {
		snprintf(a->actions[i].text, sizeof(a->actions[i].text), "Action %d", i + 1);
		a->actions[i].status = i < todo ? ACTION_TODO : ACTION_DONE;
	}
	a->action_count = todo + 1;
}

TEST(list_delete_and_purge)
{
	const char *path = fresh_path("list");
	struct advice *a = xcalloc(1, sizeof(*a));
	struct records *r = check_records_open(path);
	struct listing l;
	long long first, second, third;
	int deleted = -1, calls = 0;
	char err[300];

	if (!r)
		return;
	memset(&l, 0, sizeof(l));
	CHECK_INT(records_list(r, collect, &l), STATUS_OK);
	CHECK_INT(l.count, 0);
	small_session(a, "AB", 2, 1, 1);
	CHECK_INT(records_save(r, a), STATUS_OK);
	first = a->id;
	small_session(a, "CD-1234", 5, 3, 2);
	CHECK_INT(records_save(r, a), STATUS_OK);
	second = a->id;
	small_session(a, "EF", 0, 0, 0);
	CHECK_INT(records_save(r, a), STATUS_OK);
	third = a->id;

	memset(&l, 0, sizeof(l));
	CHECK_INT(records_list(r, collect, &l), STATUS_OK);
	CHECK_INT(l.count, 3);
	/* Latest first; saved in the same minute, so highest id first. */
	CHECK_INT(l.ids[0], third);
	CHECK_INT(l.ids[2], first);
	CHECK_STR(l.first.pupil, "EF");
	CHECK(is_stamp(l.first.created) && is_stamp(l.first.updated));
	CHECK_INT(records_list(r, stop_at_one, &calls), STATUS_OK);
	CHECK_INT(calls, 1);

	CHECK_INT(records_delete(r, second), STATUS_OK);
	CHECK_INT(records_delete(r, second), STATUS_NOT_FOUND);
	CHECK_CONTAINS(records_errmsg(r), "no session");
	CHECK_INT(records_load(r, second, a), STATUS_NOT_FOUND);
	memset(&l, 0, sizeof(l));
	records_list(r, collect, &l);
	CHECK_INT(l.count, 2);
	records_close(r);

	/* Child rows went with the session. */
	CHECK_INT(query_int(path, "SELECT count(*) FROM shortlist_item"), 2);
	CHECK_INT(query_int(path, "SELECT count(*) FROM note"), 1);
	CHECK_INT(query_int(path, "SELECT count(*) FROM agreed_action"), 3);

	/* Purge goes by the last update: 30 days means 31 days old goes, 30 stays. */
	CHECK_INT(raw_sql(path, "UPDATE session SET updated = '2026-01-31 23:59' WHERE id = 1; "
				"UPDATE session SET updated = '2026-02-01 00:00', "
				"created = '2025-01-01 00:00' WHERE id = 3"), 0);
	CHECK_INT(records_open(path, 0, &r, err, sizeof(err)), STATUS_OK);
	if (!r)
		return;
	CHECK_INT(records_purge(r, 30, (struct civil_date){ 2026, 3, 3 }, &deleted), STATUS_OK);
	CHECK_INT(deleted, 1);
	CHECK_INT(records_load(r, first, a), STATUS_NOT_FOUND);
	CHECK_INT(records_load(r, third, a), STATUS_OK);
	CHECK_INT(records_purge(r, 30, (struct civil_date){ 2026, 3, 3 }, &deleted), STATUS_OK);
	CHECK_INT(deleted, 0);
	CHECK_INT(records_purge(r, 2147483647, (struct civil_date){ 2026, 3, 3 }, &deleted),
		  STATUS_OK);
	CHECK_INT(deleted, 0);
	CHECK_INT(records_purge(r, 73000, (struct civil_date){ 2026, 3, 3 }, &deleted), STATUS_OK);
	CHECK_INT(deleted, 0);
	CHECK_INT(records_purge(r, -1, (struct civil_date){ 2026, 3, 3 }, &deleted),
		  STATUS_INVALID);
	CHECK_INT(records_purge(r, 5, (struct civil_date){ 2026, 2, 30 }, &deleted),
		  STATUS_INVALID);
	CHECK_INT(records_purge(r, 0, (struct civil_date){ 2026, 2, 2 }, NULL), STATUS_OK);
	CHECK_INT(records_load(r, third, a), STATUS_NOT_FOUND);
	records_close(r);
	CHECK(!journal_left(path));
	free(a);
}

/* A session id is never given twice: not after a delete, not after a purge. */
TEST(ids_never_reused)
{
	const char *path = fresh_path("ids");
	struct advice *a = xcalloc(1, sizeof(*a));
	struct records *r = check_records_open(path);
	long long last;
	int deleted = 0;

	if (!r)
		return;
	small_session(a, "AB", 1, 1, 1);
	CHECK_INT(records_save(r, a), STATUS_OK);
	small_session(a, "CD", 1, 1, 1);
	CHECK_INT(records_save(r, a), STATUS_OK);
	last = a->id;
	CHECK_INT(records_delete(r, last), STATUS_OK);
	small_session(a, "EF", 1, 1, 1);
	CHECK_INT(records_save(r, a), STATUS_OK);
	CHECK(a->id > last);
	last = a->id;
	CHECK_INT(records_purge(r, 0, (struct civil_date){ 2200, 1, 1 }, &deleted), STATUS_OK);
	CHECK_INT(deleted, 2);
	small_session(a, "GH", 1, 1, 1);
	CHECK_INT(records_save(r, a), STATUS_OK);
	CHECK(a->id > last);
	records_close(r);
	free(a);
}

/* What a family needs from the plan round-trips: the adviser, the school, the next meeting, shared notes. */
TEST(adviser_details_and_shared_notes)
{
	const char *path = fresh_path("details");
	struct advice *a = xcalloc(1, sizeof(*a)), *got = xcalloc(1, sizeof(*got));
	struct records *r = check_records_open(path);

	if (!r)
		goto done;
	small_session(a, "AB", 1, 2, 1);
	snprintf(a->adviser, sizeof(a->adviser), "Ms Patel");
	snprintf(a->contact, sizeof(a->contact), "careers@school.example, room 12");
	snprintf(a->school, sizeof(a->school), "Hall Cross Academy");
	snprintf(a->next_meeting, sizeof(a->next_meeting), "2027-01-12 10:30");
	snprintf(a->kiosk_code, sizeof(a->kiosk_code), "7QM-HCB-9T0-M7C-1HR-6Y4-2N");
	a->notes[1].shared = 1;
	a->actions[0].owner = OWNER_PARENT;
	a->actions[1].owner = OWNER_EMPLOYER;
	CHECK_INT(records_save(r, a), STATUS_OK);
	CHECK_INT(records_load(r, a->id, got), STATUS_OK);
	CHECK_STR(got->adviser, "Ms Patel");
	CHECK_STR(got->contact, "careers@school.example, room 12");
	CHECK_STR(got->school, "Hall Cross Academy");
	CHECK_STR(got->next_meeting, "2027-01-12 10:30");
	CHECK_STR(got->kiosk_code, "7QM-HCB-9T0-M7C-1HR-6Y4-2N");
	{
		long long found = 0;

		CHECK_INT(records_find_code(r, "7QM-HCB-9T0-M7C-1HR-6Y4-2N", &found), STATUS_OK);
		CHECK_INT(found, a->id);
		CHECK_INT(records_find_code(r, "7QM-HCB-9T0-M7C-1HR-6Y4-2P", &found), STATUS_NOT_FOUND);
		CHECK_INT(records_find_code(r, "", &found), STATUS_NOT_FOUND);
	}
	CHECK_INT(got->notes[0].shared, 0);
	CHECK_INT(got->notes[1].shared, 1);
	CHECK_INT(got->actions[0].owner, OWNER_PARENT);
	CHECK_INT(got->actions[1].owner, OWNER_EMPLOYER);
	snprintf(a->next_meeting, sizeof(a->next_meeting), "2027-02-30");
	CHECK_INT(records_save(r, a), STATUS_INVALID);
	CHECK_CONTAINS(records_errmsg(r), "next meeting");
	snprintf(a->next_meeting, sizeof(a->next_meeting), "2027-01-12 25:00");
	CHECK_INT(records_save(r, a), STATUS_INVALID);
	records_close(r);
done:
	free(a);
	free(got);
}

TEST(list_counts)
{
	const char *path = fresh_path("counts");
	struct advice *a = xcalloc(1, sizeof(*a));
	struct records *r = check_records_open(path);
	struct listing l;

	if (!r)
		return;
	small_session(a, "CD-1234", 5, 3, 2);
	CHECK_INT(records_save(r, a), STATUS_OK);
	memset(&l, 0, sizeof(l));
	CHECK_INT(records_list(r, collect, &l), STATUS_OK);
	CHECK_INT(l.count, 1);
	CHECK_INT(l.first.id, a->id);
	CHECK_STR(l.first.pupil, "CD-1234");
	CHECK_STR(l.first.created, a->created);
	CHECK_STR(l.first.updated, a->updated);
	CHECK_INT(l.first.items, 5);
	CHECK_INT(l.first.notes, 3);
	CHECK_INT(l.first.open_actions, 2);
	records_close(r);
	free(a);
}

/* --- deletion leaves no trace ---------------------------------------------------------- */

TEST(deletion_leaves_no_trace)
{
	const char *path = fresh_path("no-trace");
	struct advice *a = xcalloc(1, sizeof(*a)), *keep = xcalloc(1, sizeof(*keep));
	struct records *r = check_records_open(path);
	static const char pupil[] = "ZQ-7731-REF", note[] = "Zebra-confidential-note-4417",
			  action[] = "Quokka-action-text-9902", old[] = "Old-wording-5521";
	int deleted;

	if (!r)
		return;
	small_session(keep, "KEEP-9", 2, 4, 1);
	snprintf(keep->notes[3].text, sizeof(keep->notes[3].text), "%s: %0300d", old, 0);
	CHECK_INT(records_save(r, keep), STATUS_OK);
	full_session(a, 2);
	snprintf(a->pupil, sizeof(a->pupil), "%s", pupil);
	snprintf(a->notes[5].text, sizeof(a->notes[5].text), "%s", note);
	snprintf(a->actions[0].text, sizeof(a->actions[0].text), "%s", action);
	CHECK_INT(records_save(r, a), STATUS_OK);
	records_close(r);
	CHECK(file_has(path, pupil));
	CHECK(file_has(path, note));
	CHECK(file_has(path, action));
	CHECK(file_has(path, old));

	r = check_records_open(path);
	if (!r)
		return;
	/* An edited note's old words go too, straight away (secure_delete). */
	snprintf(keep->notes[3].text, sizeof(keep->notes[3].text), "New wording");
	CHECK_INT(records_save(r, keep), STATUS_OK);
	CHECK(!file_has(path, old));
	CHECK(file_has(path, pupil));
	CHECK_INT(records_delete(r, a->id), STATUS_OK);
	CHECK(!journal_left(path));
	CHECK(!file_has(path, pupil));
	CHECK(!file_has(path, note));
	CHECK(!file_has(path, action));
	CHECK(!file_has(path, old));
	CHECK(file_has(path, "New wording"));
	records_close(r);
	CHECK(!journal_left(path));
	CHECK(!file_has(path, pupil));
	CHECK(!file_has(path, note));

	/* Purge too. */
	r = check_records_open(path);
	if (!r)
		return;
	CHECK_INT(records_purge(r, 0, date_add_days(date_today(), 2), &deleted), STATUS_OK);
	CHECK_INT(deleted, 1);
	records_close(r);
	CHECK(!journal_left(path));
	CHECK(!file_has(path, "New wording"));
	CHECK(!file_has(path, "KEEP-9"));
	{
		struct stat st;

		/* Nothing but the empty tables is left. */
		CHECK(stat(path, &st) == 0 && st.st_size <= 8 * 4096);
	}
	free(a);
	free(keep);
}

/* --- files that must be refused untouched ---------------------------------------------- */

TEST(newer_version_refused_unchanged)
{
	const char *path = fresh_path("newer");
	struct advice *a = xcalloc(1, sizeof(*a));
	struct records *r = check_records_open(path);
	char err[300], *before;
	size_t len;

	if (!r)
		return;
	small_session(a, "AB", 1, 1, 1);
	CHECK_INT(records_save(r, a), STATUS_OK);
	records_close(r);
	CHECK_INT(raw_sql(path, "PRAGMA user_version = 4"), 0);
	before = slurp(path, &len);
	CHECK_INT(records_open(path, 1, &r, err, sizeof(err)), STATUS_VERSION);
	CHECK(r == NULL);
	CHECK_CONTAINS(err, "newer version of careers");
	CHECK_CONTAINS(err, "records version 4");
	CHECK_CONTAINS(err, path);
	CHECK(same_bytes(path, before, len));
	CHECK(!journal_left(path));
	free(before);
	free(a);
}

/* Overwrite page `page` (1-based) of the file with a pattern. */
static void spoil_page(const char *path, long page, long from, long to)
{
	size_t len;
	char *buf = slurp(path, &len), junk[65536];
	unsigned page_size;
	FILE *f;

	if (!buf)
		return;
	page_size = ((unsigned char)buf[16] << 8) | (unsigned char)buf[17];
	if (page_size == 1)
		page_size = 65536;
	free(buf);
	memset(junk, 0xa5, sizeof(junk));
	f = fopen(path, "r+b");
	if (!f)
		return;
	fseek(f, (page - 1) * (long)page_size + from, SEEK_SET);
	fwrite(junk, 1, (size_t)((to ? to : (long)page_size) - from), f);
	fclose(f);
}

static long page_count(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (long)(st.st_size / 4096) : 0;
}

TEST(damaged_file_detected)
{
	const char *path = fresh_path("damaged");
	struct advice *a = xcalloc(1, sizeof(*a));
	struct records *r = check_records_open(path);
	struct store *s = NULL;
	char err[300], store_path_[600], *before;
	size_t len;
	long pages;
	int i;

	if (!r)
		return;
	for (i = 0; i < 6; i++) {
		full_session(a, i);
		CHECK_INT(records_save(r, a), STATUS_OK);
	}
	records_close(r);
	pages = page_count(path);
	CHECK(pages > 20);
	spoil_page(path, pages / 2, 0, 0);
	before = slurp(path, &len);
	CHECK_INT(records_open(path, 1, &r, err, sizeof(err)), STATUS_CORRUPT);
	CHECK(r == NULL);
	CHECK_CONTAINS(err, "is damaged");
	CHECK_CONTAINS(err, path);
	CHECK(same_bytes(path, before, len));
	free(before);

	/* The data store is another file and carries on. */
	snprintf(store_path_, sizeof(store_path_), "%s.store", path);
	unlink(store_path_);
	CHECK_INT(store_create(store_path_, &s, err, sizeof(err)), STATUS_OK);
	store_close(s);
	s = NULL;
	CHECK_INT(store_open(store_path_, STORE_READ_ONLY, &s, err, sizeof(err)), STATUS_OK);
	store_close(s);
	unlink(store_path_);

	/* Damage to the first page (the schema) is caught too. */
	path = fresh_path("damaged-first");
	r = check_records_open(path);
	if (!r)
		return;
	full_session(a, 0);
	CHECK_INT(records_save(r, a), STATUS_OK);
	records_close(r);
	spoil_page(path, 1, 100, 0);
	before = slurp(path, &len);
	CHECK_INT(records_open(path, 0, &r, err, sizeof(err)), STATUS_CORRUPT);
	CHECK_CONTAINS(err, "damaged");
	CHECK(same_bytes(path, before, len));
	free(before);
	free(a);
}

static void check_refused(const char *path, enum status want, const char *message)
{
	struct records *r = NULL;
	char err[300], *before;
	size_t len;

	before = slurp(path, &len);
	CHECK_INT(records_open(path, 1, &r, err, sizeof(err)), want);
	CHECK(r == NULL);
	CHECK_CONTAINS(err, message);
	if (before)
		CHECK(same_bytes(path, before, len));
	CHECK(!journal_left(path));
	free(before);
}

TEST(not_a_records_file_refused)
{
	const char *path = fresh_path("not-records");
	struct records *r = NULL;
	struct store *s = NULL;
	char err[300];
	FILE *f;

	/* A text file. */
	f = fopen(path, "w");
	if (f) {
		fputs("pupil,notes\nAB,\"likes maths\"\n", f);
		fclose(f);
	}
	check_refused(path, STATUS_FORMAT, "is not a careers records file");

	/* The data store itself. */
	unlink(path);
	CHECK_INT(store_create(path, &s, err, sizeof(err)), STATUS_OK);
	store_close(s);
	check_refused(path, STATUS_FORMAT, "is not a careers records file");

	/* Another program's SQLite file, even one with the same table names and version. */
	path = fresh_path("not-records-sqlite");
	CHECK_INT(raw_sql(path, "PRAGMA user_version = 1; CREATE TABLE session(id INTEGER PRIMARY "
				"KEY, pupil TEXT); INSERT INTO session VALUES (1, 'AB')"), 0);
	check_refused(path, STATUS_FORMAT, "is not a careers records file");

	/* Ours by its id, but tables missing. */
	path = fresh_path("not-records-partial");
	CHECK_INT(raw_sql(path, "PRAGMA application_id = 1128354386; PRAGMA user_version = 1; "
				"CREATE TABLE session(id INTEGER PRIMARY KEY)"), 0);
	check_refused(path, STATUS_CORRUPT, "tables are not all there");

	/* A folder. */
	check_refused(getenv("CAREERS_TEST_TMP") ? getenv("CAREERS_TEST_TMP") : "/tmp",
		      STATUS_FORMAT, "not a regular file");

	/* Nothing there, and not asked to create: nothing is made. */
	path = fresh_path("not-there");
	CHECK_INT(records_open(path, 0, &r, err, sizeof(err)), STATUS_NOT_FOUND);
	CHECK_CONTAINS(err, "does not exist");
	CHECK(!exists(path));
	CHECK_INT(records_open("", 1, &r, err, sizeof(err)), STATUS_IO);
}

/* --- where and how the file is made ----------------------------------------------------- */

TEST(file_and_folder_modes)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char base[512], path[700], dir[600];
	struct records *r;
	struct advice *a = xcalloc(1, sizeof(*a));
	struct stat st;
	mode_t old = umask(0);

	snprintf(base, sizeof(base), "%s/records-modes-%ld", tmp && *tmp ? tmp : "/tmp",
		 (long)getpid());
	snprintf(dir, sizeof(dir), "%s/careers", base);
	snprintf(path, sizeof(path), "%s/records.db", dir);
	r = check_records_open(path);
	umask(old);
	if (!r)
		return;
	small_session(a, "AB", 1, 1, 1);
	CHECK_INT(records_save(r, a), STATUS_OK);
	records_close(r);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	CHECK(stat(dir, &st) == 0 && (st.st_mode & 0777) == 0700);
	CHECK(stat(base, &st) == 0 && (st.st_mode & 0777) == 0700);
	/* The schema's version matches the header's. */
	CHECK_INT(query_int(path, "PRAGMA user_version"), RECORDS_VERSION);
	CHECK_INT(query_int(path, "PRAGMA application_id"), RECORDS_APPLICATION_ID);
	CHECK_INT(query_int(path, "SELECT journal_mode = 'delete' FROM pragma_journal_mode"), 1);

	/* An existing empty file is laid out, and made 0600. */
	unlink(path);
	close(open(path, O_CREAT | O_WRONLY, 0644));
	chmod(path, 0644);
	r = check_records_open(path);
	records_close(r);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	unlink(path);
	rmdir(dir);
	rmdir(base);
	free(a);
}

TEST(default_path)
{
	char *saved_xdg = getenv("XDG_DATA_HOME") ? xstrdup(getenv("XDG_DATA_HOME")) : NULL;
	char *saved_home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
	char *p;

	setenv("XDG_DATA_HOME", "/data/adviser", 1);
	setenv("HOME", "/home/adviser", 1);
	p = records_default_path();
	CHECK_STR(p, "/data/adviser/careers/records.db");
	free(p);
	setenv("XDG_DATA_HOME", "relative/not/allowed", 1);
	p = records_default_path();
	CHECK_STR(p, "/home/adviser/.local/share/careers/records.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	p = records_default_path();
	CHECK_STR(p, "/home/adviser/.local/share/careers/records.db");
	free(p);
	unsetenv("HOME");
	CHECK(records_default_path() == NULL);
	if (saved_xdg)
		setenv("XDG_DATA_HOME", saved_xdg, 1);
	if (saved_home)
		setenv("HOME", saved_home, 1);
	free(saved_xdg);
	free(saved_home);
}

/* --- killed while saving ------------------------------------------------------------------ */

/* FNV-1a over everything a save writes except notes[0], which carries the result. */
static uint32_t fnv(uint32_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--)
		h = (h ^ *c++) * 16777619u;
	return h;
}

static uint32_t session_checksum(const struct advice *a)
{
	uint32_t h = 2166136261u;
	int i;

	h = fnv(h, a->pupil, strlen(a->pupil));
	h = fnv(h, a->profile.text, strlen(a->profile.text));
	h = fnv(h, &a->item_count, sizeof(int));
	h = fnv(h, &a->note_count, sizeof(int));
	h = fnv(h, &a->action_count, sizeof(int));
	for (i = 0; i < a->item_count; i++) {
		h = fnv(h, &a->items[i].id, sizeof(a->items[i].id));
		h = fnv(h, a->items[i].title, strlen(a->items[i].title));
	}
	for (i = 1; i < a->note_count; i++)
		h = fnv(h, a->notes[i].text, strlen(a->notes[i].text));
	for (i = 0; i < a->action_count; i++) {
		h = fnv(h, a->actions[i].text, strlen(a->actions[i].text));
		h = fnv(h, a->actions[i].due, strlen(a->actions[i].due));
	}
	return h;
}

/* A large session whose first note holds the checksum of the rest. */
static void checked_session(struct advice *a, long long id, unsigned salt)
{
	int i;

	full_session(a, (int)(salt % 1000));
	a->id = id;
	snprintf(a->pupil, sizeof(a->pupil), "K%u", salt);
	a->item_count = 1 + (int)(salt % ADVICE_ITEMS_MAX);
	a->action_count = (int)(salt % (ADVICE_ACTIONS_MAX + 1));
	for (i = 0; i < a->item_count; i++)
		a->items[i].id = (long long)salt * 100 + i;
	snprintf(a->notes[1].text, sizeof(a->notes[1].text), "salt %u", salt);
	snprintf(a->notes[0].text, sizeof(a->notes[0].text), "checksum %08x",
		 (unsigned)session_checksum(a));
}

#define SAVER_MAX_IDS 4096
static long long saver_ids[SAVER_MAX_IDS];
static int saver_count;

static int saver_known(void *ctx, const struct records_summary *s)
{
	(void)ctx;
	if (saver_count < SAVER_MAX_IDS)
		saver_ids[saver_count++] = s->id;
	return 0;
}

/* The child: save new sessions, re-save and delete old ones, until killed. */
static void saver(const char *path, unsigned seed) __attribute__((noreturn));
static void saver(const char *path, unsigned seed)
{
	struct advice *a = xcalloc(1, sizeof(*a));
	struct records *r;
	long long *ids = saver_ids;
	int n, i;
	char err[300];

	rng_state ^= (uint64_t)seed * 0x9e3779b97f4a7c15ULL;
	if (records_open(path, 0, &r, err, sizeof(err)) != STATUS_OK ||
	    records_list(r, saver_known, NULL) != STATUS_OK)
		_exit(3);
	n = saver_count;
	for (;;) {
		int roll = rng_below(8);

		if (roll < 4 || n == 0) {
			checked_session(a, 0, (unsigned)rng_next());
			if (records_save(r, a) != STATUS_OK)
				_exit(4);
			if (n < SAVER_MAX_IDS)
				ids[n++] = a->id;
		} else if (roll < 7) {
			long long version;

			/* Replacing a session means saying which version is replaced. */
			i = rng_below(n);
			if (records_load(r, ids[i], a) != STATUS_OK)
				_exit(7);
			version = a->version;
			checked_session(a, ids[i], (unsigned)rng_next());
			a->version = version;
			if (records_save(r, a) != STATUS_OK)
				_exit(5);
		} else {
			i = rng_below(n);
			if (records_delete(r, ids[i]) != STATUS_OK)
				_exit(6);
			ids[i] = ids[--n];
		}
	}
}

struct verify {
	struct records *r;
	struct advice *a;
	int sessions, whole;
};

static int verify_one(void *ctx, const struct records_summary *s)
{
	struct verify *v = ctx;
	char want[32];

	v->sessions++;
	if (records_load(v->r, s->id, v->a) != STATUS_OK) {
		fprintf(stderr, "session %lld does not load: %s\n", s->id, records_errmsg(v->r));
		return 0;
	}
	snprintf(want, sizeof(want), "checksum %08x", (unsigned)session_checksum(v->a));
	if (strcmp(v->a->notes[0].text, want) == 0 && s->items == v->a->item_count)
		v->whole++;
	else
		fprintf(stderr, "session %lld is not whole: \"%s\", expected \"%s\"\n", s->id,
			v->a->notes[0].text, want);
	return 0;
}

/* Kill a process that is saving at random moments; the file is sound after each. */
TEST(killed_while_saving)
{
	const char *path = fresh_path("killed");
	struct verify v;
	struct records *r = check_records_open(path);
	int round, rounds = 12, journals = 0, total = 0;
	char err[300];

	if (!r)
		return;
	records_close(r);
	v.a = xcalloc(1, sizeof(*v.a));
	srand((unsigned)time(NULL));
	for (round = 0; round < rounds; round++) {
		pid_t pid;
		int status = 0;

		fflush(NULL);
		pid = fork();
		if (pid < 0) {
			CHECK(pid >= 0);
			break;
		}
		if (pid == 0)
			saver(path, (unsigned)rand() ^ (unsigned)round);
		usleep(20000 + (useconds_t)(rand() % 200000));
		kill(pid, SIGKILL);
		waitpid(pid, &status, 0);
		CHECK(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
		if (WIFEXITED(status))
			fprintf(stderr, "saver exited with %d\n", WEXITSTATUS(status));
		journals += journal_left(path);

		CHECK_INT(records_open(path, 0, &v.r, err, sizeof(err)), STATUS_OK);
		if (!v.r) {
			fprintf(stderr, "round %d: %s\n", round, err);
			break;
		}
		v.sessions = v.whole = 0;
		CHECK_INT(records_list(v.r, verify_one, &v), STATUS_OK);
		CHECK_INT(v.whole, v.sessions);
		total = v.sessions;
		records_close(v.r);
	}
	CHECK_INT(query_int(path, "SELECT integrity_check = 'ok' FROM pragma_integrity_check"), 1);
	CHECK(total > 0);
	fprintf(stderr, "killed_while_saving: %d rounds, %d killed mid-transaction, %d sessions\n",
		rounds, journals, total);
	free(v.a);
}

TESTS(ids_never_reused, adviser_details_and_shared_notes, round_trip_at_every_limit, save_refuses_what_it_cannot_store, list_delete_and_purge,
      list_counts, deletion_leaves_no_trace, newer_version_refused_unchanged,
      damaged_file_detected, not_a_records_file_refused, file_and_folder_modes, default_path,
      killed_while_saving)
