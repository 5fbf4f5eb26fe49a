/*
 * records_int.h - what records.c (opening, listing, deleting) and
 * records_session.c (saving and loading one session) share: the one table
 * of SQL statements, the state of an open records file, and small helpers.
 * Not for use outside those two files; records.h is the interface.
 */
#ifndef CAREERS_RECORDS_INT_H
#define CAREERS_RECORDS_INT_H

#include <sqlite3.h>
#include <stddef.h>

#include "records.h"

/* More days than any session can be old (200 years). */
#define RECORDS_PURGE_DAYS_MAX 73000

#define SESSION_COLUMNS \
	"data_fingerprint, school_year, age, today, interests, has_riasec, riasec_r, riasec_i, " \
	"riasec_a, riasec_s, riasec_e, riasec_c, place, place_is_full, radius, level, kinds, " \
	"text, excluded, show_not_for_age, sort, result_limit, adviser, contact, school, " \
	"next_meeting, kiosk_code"
/* The parameters of SESSION_COLUMNS, in bind order (see bind_session). */
#define SESSION_PARAMS \
	"?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, " \
	"?21, ?22, ?23, ?24, ?27, ?28, ?29, ?30, ?31"

#define STMT_INFO(_) \
	_(FILE_KIND, \
	  "SELECT (SELECT application_id FROM pragma_application_id), " \
	  "(SELECT user_version FROM pragma_user_version), " \
	  "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN " \
	  "('session', 'shortlist_item', 'note', 'agreed_action'))") \
	_(QUICK_CHECK, "PRAGMA quick_check") \
	_(SECURE_DELETE, "PRAGMA secure_delete = ON") \
	_(FOREIGN_KEYS, "PRAGMA foreign_keys = ON") \
	_(JOURNAL_MODE, "PRAGMA journal_mode = DELETE") \
	_(SYNCHRONOUS, "PRAGMA synchronous = FULL") \
	_(TEMP_STORE, "PRAGMA temp_store = MEMORY") \
	_(BEGIN, "BEGIN IMMEDIATE") \
	_(BEGIN_READ, "BEGIN") \
	_(COMMIT, "COMMIT") \
	_(ROLLBACK, "ROLLBACK") \
	_(VACUUM, "VACUUM") \
	/* A new id: one more than any given before, even if since deleted. */ \
	_(SESSION_INSERT, \
	  "INSERT INTO session(id, pupil, created, updated, " SESSION_COLUMNS ", version) " \
	  "VALUES ((SELECT max(last_id, coalesce((SELECT max(id) FROM session), 0)) + 1 " \
	  "FROM session_ids), ?1, ?2, ?2, " SESSION_PARAMS ", 1) RETURNING id, created, version") \
	_(SESSION_ID_GIVEN, "UPDATE session_ids SET last_id = max(last_id, ?1)") \
	_(SESSION_UPDATE, \
	  "UPDATE session SET (pupil, updated, " SESSION_COLUMNS ") = " \
	  "(?1, ?2, " SESSION_PARAMS "), version = version + 1 WHERE id = ?25 AND version = ?26 " \
	  "RETURNING id, created, version") \
	_(SESSION_VERSION, "SELECT version FROM session WHERE id = ?1") \
	_(UPGRADE_1, \
	  "ALTER TABLE session ADD COLUMN version INTEGER NOT NULL DEFAULT 1") \
	_(UPGRADE_1_DONE, "PRAGMA user_version = 2") \
	_(UPGRADE_2_ADVISER, "ALTER TABLE session ADD COLUMN adviser TEXT NOT NULL DEFAULT ''") \
	_(UPGRADE_2_CONTACT, "ALTER TABLE session ADD COLUMN contact TEXT NOT NULL DEFAULT ''") \
	_(UPGRADE_2_SCHOOL, "ALTER TABLE session ADD COLUMN school TEXT NOT NULL DEFAULT ''") \
	_(UPGRADE_2_MEETING, \
	  "ALTER TABLE session ADD COLUMN next_meeting TEXT NOT NULL DEFAULT ''") \
	_(UPGRADE_2_CODE, "ALTER TABLE session ADD COLUMN kiosk_code TEXT NOT NULL DEFAULT ''") \
	_(UPGRADE_2_CODE_INDEX, \
	  "CREATE INDEX session_kiosk_code ON session(kiosk_code) WHERE kiosk_code <> ''") \
	_(UPGRADE_2_SHARED, "ALTER TABLE note ADD COLUMN shared INTEGER NOT NULL DEFAULT 0") \
	_(UPGRADE_2_IDS, "CREATE TABLE session_ids (last_id INTEGER NOT NULL) STRICT") \
	_(UPGRADE_2_IDS_ROW, \
	  "INSERT INTO session_ids SELECT coalesce(max(id), 0) FROM session") \
	_(UPGRADE_2_DONE, "PRAGMA user_version = 3") \
	_(ITEMS_CLEAR, "DELETE FROM shortlist_item WHERE session_id = ?1") \
	_(NOTES_CLEAR, "DELETE FROM note WHERE session_id = ?1") \
	_(ACTIONS_CLEAR, "DELETE FROM agreed_action WHERE session_id = ?1") \
	_(ITEM_INSERT, \
	  "INSERT INTO shortlist_item(session_id, position, kind, option_id, title, compare) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
	_(NOTE_INSERT, \
	  "INSERT INTO note(session_id, position, written, text, shared) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5)") \
	_(ACTION_INSERT, \
	  "INSERT INTO agreed_action(session_id, position, text, owner, due, status) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
	_(SESSION_GET, \
	  "SELECT pupil, created, updated, " SESSION_COLUMNS ", version FROM session WHERE id = ?1") \
	_(ITEMS_GET, \
	  "SELECT kind, option_id, title, compare FROM shortlist_item WHERE session_id = ?1 " \
	  "ORDER BY position") \
	_(NOTES_GET, \
	  "SELECT written, text, shared FROM note WHERE session_id = ?1 ORDER BY position") \
	_(ACTIONS_GET, \
	  "SELECT text, owner, due, status FROM agreed_action WHERE session_id = ?1 " \
	  "ORDER BY position") \
	_(LIST, \
	  "SELECT s.id, s.pupil, s.created, s.updated, " \
	  "(SELECT count(*) FROM shortlist_item WHERE session_id = s.id), " \
	  "(SELECT count(*) FROM note WHERE session_id = s.id), " \
	  "(SELECT count(*) FROM agreed_action WHERE session_id = s.id AND status = ?1) " \
	  "FROM session s ORDER BY s.updated DESC, s.id DESC") \
	_(DELETE, "DELETE FROM session WHERE id = ?1") \
	_(FIND_CODE, \
	  "SELECT id FROM session WHERE kiosk_code = ?1 AND kiosk_code <> '' " \
	  "ORDER BY updated DESC, id DESC LIMIT 1") \
	_(PURGE, "DELETE FROM session WHERE substr(updated, 1, 10) < ?1")

enum stmt_id {
#define STMT_ENUM(id, sql) STMT_##id,
	STMT_INFO(STMT_ENUM)
#undef STMT_ENUM
	STMT_COUNT
};


/* How many sorts there are (match.h lists them). */
enum {
	SORT_COUNT = 0
#define SORT_ONE(id, name) + 1
	SORT_INFO(SORT_ONE)
#undef SORT_ONE
};

struct records {
	sqlite3 *db;
	char *path;			/* as given: what messages say */
	char *open_path;		/* in the resolved folder: what SQLite opens */
	sqlite3_stmt *stmt[STMT_COUNT];
	char errmsg[512];
	char notice[300];
	int file_version;		/* user_version when it was opened */
};

/* --- helpers (records.c) --------------------------------------------------- */

/* Set r->errmsg from fmt and return rc. */
enum status records_fail(struct records *r, enum status rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The status for SQLite's last error on r, with "path: doing: what SQLite said". */
enum status records_db_fail(struct records *r, const char *doing);
/* The statement, reset and cleared; NULL (with sqlite3_errmsg set) if it cannot be prepared. */
sqlite3_stmt *records_stmt(struct records *r, enum stmt_id id);
/* Step a statement through to its end (rows, if any, are ignored). */
enum status records_finish(struct records *r, sqlite3_stmt *st, const char *doing);
enum status records_run(struct records *r, enum stmt_id id, const char *doing);
/* Roll back the transaction, if one is open. */
void records_rollback(struct records *r);
void records_bind_text(sqlite3_stmt *st, int i, const char *v);
/* NaN is stored as NULL (SQLite would do that anyway) and read back as NaN. */
void records_bind_real(sqlite3_stmt *st, int i, double v);
double records_column_real(sqlite3_stmt *st, int i);
/* Copy text column i into out[size]; 0 if it does not fit (or is not text). */
int records_column_copy(sqlite3_stmt *st, int i, char *out, size_t size);
/* "YYYY-MM-DD HH:MM", local time. */
void records_local_now(char out[20]);
/* Is s NUL-terminated within size bytes? */
int records_terminated(const char *s, size_t size);
int records_is_real_date(const char *iso);
int records_is_meeting(const char *text);
int records_one_line(const char *s);

#endif
