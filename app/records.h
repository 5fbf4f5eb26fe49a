/*
 * records.h - the adviser's records: saved sessions, in a file of their own.
 *
 * Each one-to-one session (struct advice, advice.h) is saved to a local
 * SQLite file laid out by data/records.sql (version RECORDS_VERSION, in
 * PRAGMA user_version; PRAGMA application_id RECORDS_APPLICATION_ID says
 * the file is a records file). It is never the data store: the store is
 * public open data that can be rebuilt, this file is what an adviser
 * typed about a pupil. So:
 *
 *   - the file is created with mode 0600, and the folders made for it
 *     with mode 0700; an existing file's mode is left as it is;
 *   - a pupil is only what the adviser typed (initials or a school
 *     reference); nothing else about them is asked for or added;
 *   - deleting is real: PRAGMA secure_delete overwrites deleted rows and
 *     replaced rows (an edited note) with zeros, and VACUUM after a
 *     delete or purge rebuilds the file without free pages, so the
 *     deleted text is in none of the file's bytes. The default rollback
 *     journal is used (deleted when each transaction ends) and VACUUM's
 *     temporary copy is kept in memory, so no other file keeps it either;
 *   - a save is one transaction that replaces the session's rows: if the
 *     program is killed part way, the session is either saved whole or as
 *     it was before (SQLite rolls the journal back on the next open);
 *   - a file that is not a records file (the data store, a text file), or
 *     one from a newer careers, is refused and not changed; a damaged file
 *     (PRAGMA quick_check) is reported and left alone, so the caller can
 *     carry on without records - nothing here touches the data store.
 *
 * Errors: functions return enum status (status.h). records_open() writes
 * the reason to err; after that, records_errmsg() gives the detail of the
 * last failure. STATUS_NOMEM never comes back: out of memory aborts (mem.h).
 */
#ifndef CAREERS_RECORDS_H
#define CAREERS_RECORDS_H

#include <stddef.h>

#include "advice.h"
#include "schoolyear.h"
#include "status.h"

#define RECORDS_VERSION 3
#define RECORDS_APPLICATION_ID 0x43415252	/* "CARR" */

/*
 * Sessions not updated for this many days are purged at start when the
 * kiosk config sets no records_retention_days: a school year, so a
 * pupil's record lasts from one annual review to the next.
 */
#define RECORDS_RETENTION_DAYS_DEFAULT 365

struct records;

/*
 * Open the records file at path.
 *
 * When path does not exist (or is an empty file):
 *   create != 0: make it - missing folders with mode 0700, the file with
 *		mode 0600 - and lay out the schema in one transaction;
 *		STATUS_IO if it cannot be made.
 *   create == 0: STATUS_NOT_FOUND, nothing is made (`careers records list`
 *		uses this to say there are no sessions yet).
 *
 * An existing file is checked before anything is written to it:
 *   STATUS_IO		cannot be opened or read (permissions; busy for
 *			more than 2 seconds with another writer; path "")
 *   STATUS_FORMAT	not a careers records file: not a regular file, not
 *			SQLite, or SQLite with another application id
 *   STATUS_VERSION	written by a newer careers (user_version greater
 *			than RECORDS_VERSION)
 *   STATUS_CORRUPT	damaged: PRAGMA quick_check failed, SQLite said so,
 *			or it is marked as ours but its tables are missing
 * In each case the file is left exactly as it was (its bytes are not
 * changed) and err says what was wrong with the file's path in it. (The
 * one write before these checks is SQLite's own: rolling back a save
 * that was interrupted, from the journal it left beside the file.)
 *
 * On success *out is the open records (close with records_close); on
 * failure *out is NULL.
 */
enum status records_open(const char *path, int create, struct records **out, char *err,
			 size_t errlen);
/* Close; NULL is fine. */
void records_close(struct records *r);
/* The detail of the last failure ("" when none). */
const char *records_errmsg(const struct records *r);
/*
 * Something the adviser should know about the last records_open() or
 * records_save() that succeeded ("" when nothing): the file was made
 * private, or another window's changes were merged into the save.
 */
const char *records_notice(const struct records *r);
/* The path given to records_open (borrowed). */
const char *records_path(const struct records *r);

/*
 * Where records live when no --records FILE is given:
 * $XDG_DATA_HOME/careers/records.db when XDG_DATA_HOME is an absolute
 * path, else $HOME/.local/share/careers/records.db. A heap string (free
 * it), or NULL when neither variable is set.
 */
char *records_default_path(void);

/*
 * Save a session in one transaction.
 *
 * a->id == 0: a new session; a->id is set to its number and a->created
 * and a->updated to now ("YYYY-MM-DD HH:MM", local time).
 * a->id != 0: that session's row and all its shortlist items, notes and
 * actions are replaced by a's; a->updated is set to now and a->created
 * to the time it was first saved (a's own created is not used).
 * STATUS_NOT_FOUND when that session is no longer in the file (deleted
 * or purged meanwhile): it is not recreated; save it with id 0 to
 * start it again.
 *
 * Notes with an empty `written` get the time of this save.
 *
 * STATUS_INVALID (nothing saved, a unchanged) when a cannot be stored
 * as it is: an empty pupil or one with control characters, a string not
 * terminated inside its array, a count outside 0..its _MAX, an unknown
 * option kind, owner, status or sort, a due date or profile date that is
 * not a real date.
 *
 * Any other failure (STATUS_IO when the disk is full, STATUS_DB) rolls
 * the transaction back: the file holds the session as it was before the
 * call, and a's id, created, updated and note times are as they were.
 */
enum status records_save(struct records *r, struct advice *a);

/*
 * Load session id into a (every field of a is overwritten).
 * STATUS_NOT_FOUND when there is none; STATUS_CORRUPT when a row holds
 * something records_save would not have written (a text too long for
 * its array, an unknown kind or status, too many items).
 */
enum status records_load(struct records *r, long long id, struct advice *a);

/* One line of `careers records list`. */
struct records_summary {
	long long id;
	char pupil[ADVICE_PUPIL_MAX];
	char created[20], updated[20];	/* "YYYY-MM-DD HH:MM" */
	int items;			/* shortlist items */
	int notes;
	int open_actions;		/* actions still "to do" */
};

/*
 * Call fn for each session, most recently updated first (then highest
 * id); the summary is valid only during the call, so copy what you keep.
 * fn must not call other records_ functions on r (copy the ids, then
 * load). Stops early, with STATUS_OK, when fn returns non-zero.
 */
enum status records_list(struct records *r,
			 int (*fn)(void *ctx, const struct records_summary *s), void *ctx);

/*
 * Delete session id with its shortlist, notes and actions, then VACUUM.
 * STATUS_NOT_FOUND when there is none. If the delete succeeded but the
 * VACUUM did not (e.g. no room for the temporary copy), the session is
 * gone and its rows were overwritten, but the status is an error and
 * records_errmsg() says the file could not be compacted.
 */
enum status records_delete(struct records *r, long long id);

/*
 * Delete every session last updated more than older_than_days days
 * before today (its updated date is earlier than today minus that many
 * days: with 30, a session updated 30 days ago stays, 31 days ago goes),
 * then VACUUM if any went. *deleted (may be NULL) is how many. A number
 * of days beyond any possible age (more than 200 years) deletes nothing.
 * STATUS_INVALID for a negative number of days or a today that is not a
 * real date. Called at start with the configured records_retention_days
 * (RECORDS_RETENTION_DAYS_DEFAULT when none) and by `careers records
 * purge`.
 */
enum status records_purge(struct records *r, int older_than_days, struct civil_date today,
			  int *deleted);

/*
 * The latest saved session that began from this take-away code (as
 * advice.kiosk_code holds it): STATUS_OK and *id; STATUS_NOT_FOUND when
 * none did (or code is ""); a database error otherwise.
 */
enum status records_find_code(struct records *r, const char *code, long long *id);

#endif
