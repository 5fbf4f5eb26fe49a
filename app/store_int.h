/*
 * store_int.h - what the store's own files share: store.c (the store, its
 * sources and options), store_finalize.c (what a build does once every file
 * is in) and store_gtfs.c (its timetable tables). Nothing
 * outside the store includes it; everyone else goes through store.h and
 * store_gtfs.h.
 */
#ifndef CAREERS_STORE_INT_H
#define CAREERS_STORE_INT_H

#include <sqlite3.h>
#include <stdio.h>

#include "model.h"
#include "store.h"

sqlite3 *store_db(struct store *s);
/* The source file being imported (store_source_begin), 0 when none. */
long long store_source_id(const struct store *s);
/* Set the store's message; returns rc. */
enum status store_fail(struct store *s, enum status rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The message from SQLite, with what was being done; returns the status it maps to. */
enum status store_db_fail(struct store *s, const char *doing);
enum status store_exec(struct store *s, const char *sql, const char *doing);
/* Open row `rowid` of table's `data` column for reading (or writing) in pieces. */
enum status store_blob_open(struct store *s, const char *table, long long rowid, int writable,
			    struct store_blob **out);

/* The step log (store_set_step_log), NULL when none. */
FILE *store_step_log(const struct store *s);
/* The part of schema.sql before (0) or after (1) its "-- section: indexes" line; free it. */
char *store_schema_part(int indexes);

/*
 * What the word index (search_text) holds for each option: its rowid
 * (kind << 32 | id), title and body. The same SELECTs feed the in-memory
 * word prefix index (store_each_search_text, app/prefix_index.c), so the
 * two always agree on what an option's words are.
 */
#define SEARCH_TEXT_CAREERS \
	"SELECT (1 << 32) + CAST(soc AS INTEGER), title, coalesce(job_titles, '') || ' '" \
	" || coalesce(description, '') || ' ' || coalesce(tasks, '') FROM occupation"
#define SEARCH_TEXT_STANDARDS \
	"SELECT (2 << 32) + id, title, coalesce(keywords, '') || ' ' || coalesce(job_titles, '')" \
	" || ' ' || coalesce(route_text, '') || ' ' || coalesce(overview, '') FROM standard"
#define SEARCH_TEXT_COURSES \
	"SELECT (3 << 32) + id, title, coalesce(qualification, '') || ' '" \
	" || coalesce(description, '') || ' ' || coalesce(provider_name, '') FROM course"
#define SEARCH_TEXT_VACANCIES \
	"SELECT (4 << 32) + id, title, coalesce(employer, '') || ' ' || coalesce(course_title, '')" \
	" || ' ' || coalesce(description, '') FROM vacancy"
#define SEARCH_TEXT_SCHOOLS \
	"SELECT (5 << 32) + id, name, coalesce(town, '') || ' ' || coalesce(type_name, '')" \
	" FROM provider"

/* --- store_gtfs.c ------------------------------------------------------------------------ */

struct store_gtfs;

/* Store one timetable record (a RECORD_GTFS_* or RECORD_NAPTAN_STOP). */
enum status store_gtfs_put(struct store *s, enum record_kind kind, const void *record);
/* Where the store keeps its timetable state (store.c). */
struct store_gtfs **store_gtfs_slot(struct store *s);
/* The per-store state (the ids already given to names), made on first use. */
struct store_gtfs *store_gtfs_state(struct store *s);
/* Forget the ids given out since the last commit (after a rollback). */
void store_gtfs_forget(struct store *s);
void store_gtfs_free(struct store_gtfs *g);
/* store_gtfs_rows.c's statements, kept with the store: prepared once per slot. */
#define STORE_GTFS_READERS 16
sqlite3_stmt *store_gtfs_statement(struct store *s, int slot, const char *sql);
/* Step a one-row query for one integer (0 when it gives none). */
enum status store_gtfs_step_int(struct store *s, sqlite3_stmt *st, long long *out,
				const char *doing);

#endif
