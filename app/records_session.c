/*
 * records_session.c - saving and loading one adviser session (records.h),
 * in the records file records.c opened.
 *
 * A save replaces the session: the session row is inserted or updated
 * (RETURNING its id, creation time and version), its child rows are
 * deleted and written again in order. An update only happens WHERE the
 * version is the one the caller loaded; when another window saved in
 * between, the saved session is read back in the same transaction and
 * the two are merged (advice_merge), or nothing is saved. A load reads
 * the session and its rows in one read transaction, checking each value
 * against what a save would have written.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "records.h"
#include "records_int.h"

/* --- saving ------------------------------------------------------------------------ */

/* Why a cannot be saved, in why; 0 if it can. */
static int invalid(const struct advice *a, char *why, size_t whylen)
{
	const struct match_profile *p = &a->profile;
	const unsigned char *c;
	char today[11];
	struct civil_date d;
	int i;

#define BAD(...) return snprintf(why, whylen, __VA_ARGS__), 1
	if (!records_terminated(a->pupil, sizeof(a->pupil)) || !a->pupil[0])
		BAD("the session needs the pupil's initials or school reference");
	for (c = (const unsigned char *)a->pupil; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			BAD("the pupil's reference has a control character in it");
	if (a->item_count < 0 || a->item_count > ADVICE_ITEMS_MAX)
		BAD("item_count %d is not 0 to %d", a->item_count, ADVICE_ITEMS_MAX);
	if (a->note_count < 0 || a->note_count > ADVICE_NOTES_MAX)
		BAD("note_count %d is not 0 to %d", a->note_count, ADVICE_NOTES_MAX);
	if (a->action_count < 0 || a->action_count > ADVICE_ACTIONS_MAX)
		BAD("action_count %d is not 0 to %d", a->action_count, ADVICE_ACTIONS_MAX);
	if (p->interest_count < 0 || p->interest_count > MATCH_MAX_INTERESTS)
		BAD("interest_count %d is not 0 to %d", p->interest_count, MATCH_MAX_INTERESTS);
	if (p->excluded_count < 0 || p->excluded_count > MATCH_MAX_EXCLUDED)
		BAD("excluded_count %d is not 0 to %d", p->excluded_count, MATCH_MAX_EXCLUDED);
	if (!records_terminated(p->place, sizeof(p->place)) || !records_terminated(p->text, sizeof(p->text)))
		BAD("the profile's place or text is not terminated");
	if ((unsigned)p->sort >= (unsigned)SORT_COUNT)
		BAD("sort %d is not known", (int)p->sort);
	date_iso(p->today, today);
	if (p->today.year && !(date_parse(today, &d) && date_compare(d, p->today) == 0))
		BAD("the profile's date is not a real date");
	for (i = 0; i < p->excluded_count; i++)
		if ((unsigned)p->excluded[i].kind >= OPTION_KIND_COUNT)
			BAD("excluded option %d has kind %d", i + 1, (int)p->excluded[i].kind);
	for (i = 0; i < a->item_count; i++)
		if ((unsigned)a->items[i].kind >= OPTION_KIND_COUNT ||
		    !records_terminated(a->items[i].title, sizeof(a->items[i].title)))
			BAD("shortlist item %d has a bad kind or title", i + 1);
	if (!records_terminated(a->adviser, sizeof(a->adviser)) ||
	    !records_terminated(a->contact, sizeof(a->contact)) ||
	    !records_terminated(a->school, sizeof(a->school)) ||
	    !records_terminated(a->next_meeting, sizeof(a->next_meeting)) ||
	    !records_terminated(a->kiosk_code, sizeof(a->kiosk_code)))
		BAD("the adviser's details are not terminated");
	if (!records_one_line(a->adviser) || !records_one_line(a->contact) ||
	    !records_one_line(a->school) || !records_one_line(a->kiosk_code))
		BAD("the adviser's name, contact or school has a control character in it");
	if (a->next_meeting[0] && !records_is_meeting(a->next_meeting))
		BAD("the next meeting \"%s\" is not YYYY-MM-DD or YYYY-MM-DD HH:MM",
		    a->next_meeting);
	for (i = 0; i < a->note_count; i++)
		if (!records_terminated(a->notes[i].text, sizeof(a->notes[i].text)) ||
		    !records_terminated(a->notes[i].written, sizeof(a->notes[i].written)))
			BAD("note %d is not terminated", i + 1);
	for (i = 0; i < a->action_count; i++) {
		const struct advice_action *act = &a->actions[i];

		if (!records_terminated(act->text, sizeof(act->text)) ||
		    !records_terminated(act->due, sizeof(act->due)))
			BAD("action %d is not terminated", i + 1);
		if (act->due[0] && !records_is_real_date(act->due))
			BAD("action %d is due on \"%s\", not a YYYY-MM-DD date", i + 1, act->due);
		if (advice_owner_parse(advice_owner_word(act->owner)) != (int)act->owner ||
		    advice_status_parse(advice_status_word(act->status)) != (int)act->status)
			BAD("action %d has an unknown owner or status", i + 1);
	}
#undef BAD
	return 0;
}

/* "3 7 12" */
static void interests_text(const struct match_profile *p, struct strbuf *out)
{
	int i;

	for (i = 0; i < p->interest_count; i++)
		strbuf_printf(out, "%s%lld", i ? " " : "", p->interests[i]);
}

/* "course:17 vacancy:5" */
static void excluded_text(const struct match_profile *p, struct strbuf *out)
{
	int i;

	for (i = 0; i < p->excluded_count; i++)
		strbuf_printf(out, "%s%s:%lld", i ? " " : "", match_kind_name(p->excluded[i].kind),
			      p->excluded[i].id);
}

/* Bind ?1 pupil, ?2 now, ?3-?24 the profile and ?27-?30 the adviser's details. */
static void bind_session(sqlite3_stmt *st, const struct advice *a, const char *now,
			 const char *today, const struct strbuf *interests,
			 const struct strbuf *excluded)
{
	const struct match_profile *p = &a->profile;
	int i;

	records_bind_text(st, 1, a->pupil);
	records_bind_text(st, 2, now);
	sqlite3_bind_int64(st, 3, a->data_fingerprint);
	sqlite3_bind_int(st, 4, p->school_year);
	sqlite3_bind_int(st, 5, p->age);
	if (today)
		records_bind_text(st, 6, today);
	records_bind_text(st, 7, interests->buf);
	sqlite3_bind_int(st, 8, p->has_riasec);
	for (i = 0; i < 6; i++)
		records_bind_real(st, 9 + i, p->riasec[i]);
	records_bind_text(st, 15, p->place);
	sqlite3_bind_int(st, 16, p->place_is_full);
	records_bind_real(st, 17, p->radius);
	records_bind_real(st, 18, p->level);
	sqlite3_bind_int64(st, 19, p->kinds);
	records_bind_text(st, 20, p->text);
	records_bind_text(st, 21, excluded->buf);
	sqlite3_bind_int(st, 22, p->show_not_for_age);
	records_bind_text(st, 23, match_sort_name(p->sort));
	sqlite3_bind_int(st, 24, p->limit);
	records_bind_text(st, 27, a->adviser);
	records_bind_text(st, 28, a->contact);
	records_bind_text(st, 29, a->school);
	records_bind_text(st, 30, a->next_meeting);
	records_bind_text(st, 31, a->kiosk_code);
}

/* Is session id in the file? 1 yes, 0 no, -1 on an error (message set). */
static int session_exists(struct records *r, long long id)
{
	sqlite3_stmt *st = records_stmt(r, STMT_SESSION_VERSION);
	int step;

	if (!st) {
		records_db_fail(r, "saving the session");
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		records_db_fail(r, "saving the session");
	sqlite3_reset(st);
	return step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
}

/*
 * Insert or update the session row; *id, created[20] and *version from
 * RETURNING. STATUS_CONFLICT (no message) when the session was saved by
 * someone else since a->version.
 */
static enum status write_session(struct records *r, const struct advice *a, const char *now,
				 long long *id, char created[20], long long *version)
{
	sqlite3_stmt *st = records_stmt(r, a->id ? STMT_SESSION_UPDATE : STMT_SESSION_INSERT);
	struct strbuf interests, excluded;
	char today[11];
	enum status rc = STATUS_OK;
	int step;

	if (!st)
		return records_db_fail(r, "saving the session");
	strbuf_init(&interests);
	strbuf_init(&excluded);
	interests_text(&a->profile, &interests);
	excluded_text(&a->profile, &excluded);
	date_iso(a->profile.today, today);
	bind_session(st, a, now, a->profile.today.year ? today : NULL, &interests, &excluded);
	if (a->id) {
		sqlite3_bind_int64(st, 25, a->id);
		sqlite3_bind_int64(st, 26, a->version);
	}
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (!records_column_copy(st, 1, created, 20))
			snprintf(created, 20, "%s", now);
		*version = sqlite3_column_int64(st, 2);
	} else if (step != SQLITE_DONE) {
		rc = records_db_fail(r, "saving the session");
	}
	sqlite3_reset(st);
	if (step == SQLITE_ROW && !a->id) {
		/* Remember the id given, so it is never given again. */
		if ((st = records_stmt(r, STMT_SESSION_ID_GIVEN)) != NULL)
			sqlite3_bind_int64(st, 1, *id);
		rc = records_finish(r, st, "saving the session");
	}
	if (step == SQLITE_DONE) {
		int there = session_exists(r, a->id);

		rc = there > 0 ? STATUS_CONFLICT : there < 0 ? STATUS_DB :
		     records_fail(r, STATUS_NOT_FOUND,
			  "session %lld is no longer in %s (it was deleted); it was not saved",
			  a->id, r->path);
	}
	strbuf_done(&interests);
	strbuf_done(&excluded);
	return rc;
}

static enum status clear_children(struct records *r, long long id)
{
	static const enum stmt_id clears[] = { STMT_ITEMS_CLEAR, STMT_NOTES_CLEAR,
					       STMT_ACTIONS_CLEAR };
	enum status rc = STATUS_OK;
	size_t i;

	for (i = 0; i < sizeof(clears) / sizeof(clears[0]) && !rc; i++) {
		sqlite3_stmt *st = records_stmt(r, clears[i]);

		if (st)
			sqlite3_bind_int64(st, 1, id);
		rc = records_finish(r, st, "replacing the session");
	}
	return rc;
}

static enum status write_children(struct records *r, const struct advice *a, long long id,
				  const char *now)
{
	enum status rc = STATUS_OK;
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < a->item_count && !rc; i++) {
		if ((st = records_stmt(r, STMT_ITEM_INSERT)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, i);
			records_bind_text(st, 3, match_kind_name(a->items[i].kind));
			sqlite3_bind_int64(st, 4, a->items[i].id);
			records_bind_text(st, 5, a->items[i].title);
			sqlite3_bind_int(st, 6, a->items[i].compare);
		}
		rc = records_finish(r, st, "saving the shortlist");
	}
	for (i = 0; i < a->note_count && !rc; i++) {
		if ((st = records_stmt(r, STMT_NOTE_INSERT)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, i);
			records_bind_text(st, 3, a->notes[i].written[0] ? a->notes[i].written : now);
			records_bind_text(st, 4, a->notes[i].text);
			sqlite3_bind_int(st, 5, a->notes[i].shared ? 1 : 0);
		}
		rc = records_finish(r, st, "saving the notes");
	}
	for (i = 0; i < a->action_count && !rc; i++) {
		if ((st = records_stmt(r, STMT_ACTION_INSERT)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, i);
			records_bind_text(st, 3, a->actions[i].text);
			records_bind_text(st, 4, advice_owner_word(a->actions[i].owner));
			records_bind_text(st, 5, a->actions[i].due);
			records_bind_text(st, 6, advice_status_word(a->actions[i].status));
		}
		rc = records_finish(r, st, "saving the actions");
	}
	return rc;
}

static enum status load_rows(struct records *r, long long id, struct advice *a);

enum status records_save(struct records *r, struct advice *a)
{
	char now[20] = "", created[20] = "", why[200];
	struct advice *merged = NULL;
	const struct advice *saving = a;
	long long id = 0, version = 0;
	enum status rc;
	int i;

	r->errmsg[0] = '\0';
	r->notice[0] = '\0';
	if (invalid(a, why, sizeof(why)))
		return records_fail(r, STATUS_INVALID, "cannot save the session: %s", why);
	records_local_now(now);
	rc = records_run(r, STMT_BEGIN, "starting to save the session");
	if (!rc)
		rc = write_session(r, a, now, &id, created, &version);
	if (rc == STATUS_CONFLICT) {
		/* Saved by another window since a was loaded: merge, in this same transaction. */
		merged = xcalloc(1, sizeof(*merged));
		rc = load_rows(r, a->id, merged);
		if (!rc && !advice_merge(merged, a, why, sizeof(why)))
			rc = records_fail(r, STATUS_CONFLICT, "another window saved session %lld in %s at the "
				  "same time, and %s; nothing was saved: copy what you wrote, then open "
				  "the session again", a->id, r->path, why);
		saving = merged;
		if (!rc)
			rc = write_session(r, merged, now, &id, created, &version);
	}
	if (!rc && saving->id)
		rc = clear_children(r, id);
	if (!rc)
		rc = write_children(r, saving, id, now);
	if (!rc)
		rc = records_run(r, STMT_COMMIT, "saving the session");
	if (rc) {
		records_rollback(r);
		free(merged);
		return rc;
	}
	if (merged) {
		*a = *merged;
		snprintf(r->notice, sizeof(r->notice), "another window saved this session at the "
			 "same time: its notes and actions were kept with yours (anything deleted in "
			 "one window may be back)");
		free(merged);
	}
	a->id = id;
	a->version = version;
	memcpy(a->created, created, sizeof(a->created));
	memcpy(a->updated, now, sizeof(a->updated));
	for (i = 0; i < a->note_count; i++)
		if (!a->notes[i].written[0])
			memcpy(a->notes[i].written, now, sizeof(a->notes[i].written));
	return STATUS_OK;
}

/* --- loading ------------------------------------------------------------------------ */

static int parse_interests(const char *text, struct match_profile *p)
{
	char *end;

	p->interest_count = 0;
	while (*text) {
		long long v;

		errno = 0;
		v = strtoll(text, &end, 10);
		if (end == text || errno || (*end && *end != ' ') ||
		    p->interest_count == MATCH_MAX_INTERESTS)
			return 0;
		p->interests[p->interest_count++] = v;
		text = *end ? end + 1 : end;
	}
	return 1;
}

static int parse_excluded(const char *text, struct match_profile *p)
{
	char kind[32], *end;

	p->excluded_count = 0;
	while (*text) {
		size_t n = strcspn(text, ":");
		int k;

		if (n >= sizeof(kind) || text[n] != ':' || p->excluded_count == MATCH_MAX_EXCLUDED)
			return 0;
		memcpy(kind, text, n);
		kind[n] = '\0';
		if ((k = match_kind_parse(kind)) < 0)
			return 0;
		text += n + 1;
		errno = 0;
		p->excluded[p->excluded_count].kind = (enum option_kind)k;
		p->excluded[p->excluded_count++].id = strtoll(text, &end, 10);
		if (end == text || errno || (*end && *end != ' '))
			return 0;
		text = *end ? end + 1 : end;
	}
	return 1;
}

/* Fill a from SESSION_GET's row; 0 (and the column's name in *bad) if something is wrong. */
static int read_session(sqlite3_stmt *st, struct advice *a, const char **bad)
{
	struct match_profile *p = &a->profile;
	const char *text;
	int i, sort;

#define NEED(cond, what) do { if (!(cond)) { *bad = what; return 0; } } while (0)
	NEED(records_column_copy(st, 0, a->pupil, sizeof(a->pupil)), "pupil");
	NEED(records_column_copy(st, 1, a->created, sizeof(a->created)), "created");
	NEED(records_column_copy(st, 2, a->updated, sizeof(a->updated)), "updated");
	a->data_fingerprint = (unsigned)sqlite3_column_int64(st, 3);
	p->school_year = sqlite3_column_int(st, 4);
	p->age = sqlite3_column_int(st, 5);
	text = (const char *)sqlite3_column_text(st, 6);
	memset(&p->today, 0, sizeof(p->today));
	NEED(!text || date_parse(text, &p->today), "today");
	NEED(parse_interests((const char *)sqlite3_column_text(st, 7), p), "interests");
	p->has_riasec = sqlite3_column_int(st, 8);
	for (i = 0; i < 6; i++)
		p->riasec[i] = records_column_real(st, 9 + i);
	NEED(records_column_copy(st, 15, p->place, sizeof(p->place)), "place");
	p->place_is_full = sqlite3_column_int(st, 16);
	p->radius = records_column_real(st, 17);
	p->level = records_column_real(st, 18);
	p->kinds = (unsigned)sqlite3_column_int64(st, 19);
	NEED(records_column_copy(st, 20, p->text, sizeof(p->text)), "text");
	NEED(parse_excluded((const char *)sqlite3_column_text(st, 21), p), "excluded");
	p->show_not_for_age = sqlite3_column_int(st, 22);
	text = (const char *)sqlite3_column_text(st, 23);
	NEED(text && (sort = match_sort_parse(text)) >= 0, "sort");
	p->sort = (enum match_sort)sort;
	p->limit = sqlite3_column_int(st, 24);
	NEED(records_column_copy(st, 25, a->adviser, sizeof(a->adviser)), "adviser");
	NEED(records_column_copy(st, 26, a->contact, sizeof(a->contact)), "contact");
	NEED(records_column_copy(st, 27, a->school, sizeof(a->school)), "school");
	NEED(records_column_copy(st, 28, a->next_meeting, sizeof(a->next_meeting)) &&
	     (!a->next_meeting[0] || records_is_meeting(a->next_meeting)), "next meeting");
	NEED(records_column_copy(st, 29, a->kiosk_code, sizeof(a->kiosk_code)), "kiosk code");
	a->version = sqlite3_column_int64(st, 30);
	return 1;
}

static int read_item(sqlite3_stmt *st, struct advice_item *item)
{
	const char *kind = (const char *)sqlite3_column_text(st, 0);
	int k = kind ? match_kind_parse(kind) : -1;

	item->kind = (enum option_kind)k;
	item->id = sqlite3_column_int64(st, 1);
	item->compare = sqlite3_column_int(st, 3);
	return k >= 0 && records_column_copy(st, 2, item->title, sizeof(item->title));
}

static int read_note(sqlite3_stmt *st, struct advice_note *note)
{
	note->shared = sqlite3_column_int(st, 2) != 0;
	return records_column_copy(st, 0, note->written, sizeof(note->written)) &&
	       records_column_copy(st, 1, note->text, sizeof(note->text));
}

static int read_action(sqlite3_stmt *st, struct advice_action *act)
{
	const char *owner = (const char *)sqlite3_column_text(st, 1);
	const char *status = (const char *)sqlite3_column_text(st, 3);
	int o = owner ? advice_owner_parse(owner) : -1;
	int s = status ? advice_status_parse(status) : -1;

	act->owner = (enum action_owner)o;
	act->status = (enum action_status)s;
	return o >= 0 && s >= 0 && records_column_copy(st, 0, act->text, sizeof(act->text)) &&
	       records_column_copy(st, 2, act->due, sizeof(act->due));
}

/* Read the child rows of one kind; CORRUPT when there are more than max or one is bad. */
static enum status read_children(struct records *r, enum stmt_id id, long long session,
				 struct advice *a, int max, int *count, const char *what)
{
	sqlite3_stmt *st = records_stmt(r, id);
	enum status rc = STATUS_OK;
	int step = SQLITE_DONE, ok = 1;

	*count = 0;
	if (!st)
		return records_db_fail(r, "loading the session");
	sqlite3_bind_int64(st, 1, session);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*count == max)
			rc = records_fail(r, STATUS_CORRUPT, "%s: session %lld has more than %d %s",
				  r->path, session, max, what);
		else if (id == STMT_ITEMS_GET)
			ok = read_item(st, &a->items[*count]);
		else if (id == STMT_NOTES_GET)
			ok = read_note(st, &a->notes[*count]);
		else
			ok = read_action(st, &a->actions[*count]);
		if (!rc && !ok)
			rc = records_fail(r, STATUS_CORRUPT,
				  "%s: session %lld has a damaged entry in its %s", r->path,
				  session, what);
		(*count)++;
	}
	if (!rc && step != SQLITE_DONE)
		rc = records_db_fail(r, "loading the session");
	sqlite3_reset(st);
	return rc;
}

/* Read session id into a, inside a transaction the caller holds. */
static enum status load_rows(struct records *r, long long id, struct advice *a)
{
	sqlite3_stmt *st;
	const char *bad = NULL;
	enum status rc = STATUS_OK;
	int step;

	advice_init(a);
	if (!(st = records_stmt(r, STMT_SESSION_GET)))
		return records_db_fail(r, "loading the session");
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		rc = records_fail(r, STATUS_NOT_FOUND, "there is no session %lld in %s", id, r->path);
	else if (step != SQLITE_ROW)
		rc = records_db_fail(r, "loading the session");
	else if (!read_session(st, a, &bad))
		rc = records_fail(r, STATUS_CORRUPT, "%s: session %lld has a damaged %s", r->path, id, bad);
	sqlite3_reset(st);
	a->id = id;
	if (!rc)
		rc = read_children(r, STMT_ITEMS_GET, id, a, ADVICE_ITEMS_MAX, &a->item_count,
				   "shortlist");
	if (!rc)
		rc = read_children(r, STMT_NOTES_GET, id, a, ADVICE_NOTES_MAX, &a->note_count,
				   "notes");
	if (!rc)
		rc = read_children(r, STMT_ACTIONS_GET, id, a, ADVICE_ACTIONS_MAX,
				   &a->action_count, "actions");
	if (rc)
		advice_init(a);
	return rc;
}

enum status records_load(struct records *r, long long id, struct advice *a)
{
	enum status rc;

	r->errmsg[0] = '\0';
	advice_init(a);
	/* One read transaction, so the rows come from one save. */
	if ((rc = records_run(r, STMT_BEGIN_READ, "loading the session")) != STATUS_OK)
		return rc;
	rc = load_rows(r, id, a);
	records_rollback(r);
	return rc;
}
