/*
 * store.h - the local SQLite store: the only module that speaks SQL.
 *
 * A store is one SQLite file laid out by data/schema.sql (version
 * STORE_VERSION, kept in PRAGMA user_version). Three ways in:
 *
 *	store_create()	a new, empty file for a bulk build: tables only,
 *			no journal, indexes left for store_finalize()
 *	store_open()	an existing file, read-only (kiosk) or read-write
 *			(careers import); a store of another version, or a
 *			file that is not a store, is refused untouched
 *
 * Writing goes through store_sink(): importers hand it model records
 * (model.h), it merges them into the tables (a standard named by both
 * the IfATE file and LARS becomes one row). Every record belongs to the
 * source file opened with store_source_begin(). store_finalize() then
 * links and locates everything (providers from UKPRNs, places from
 * postcodes, RIASEC profiles from O*NET) and rebuilds the full-text and
 * spatial indexes.
 *
 * Errors: functions return enum status; store_errmsg() gives the detail.
 */
#ifndef CAREERS_STORE_H
#define CAREERS_STORE_H

#include <stddef.h>

#include "import.h"
#include "status.h"

#define STORE_VERSION 1

struct store;

enum store_mode {
	STORE_READ_ONLY,
	STORE_READ_WRITE,
};

/* Create a new store at path (which must not exist). */
enum status store_create(const char *path, struct store **out, char *err, size_t errlen);
/* Open an existing store. On failure *out is NULL and err says why. */
enum status store_open(const char *path, enum store_mode mode, struct store **out,
		       char *err, size_t errlen);
void store_close(struct store *s);
const char *store_errmsg(const struct store *s);
const char *store_path(const struct store *s);

/* Transactions for `careers import` and builds. */
enum status store_begin(struct store *s);
enum status store_commit(struct store *s);
void store_rollback(struct store *s);

/* What is known about a file before it is imported. */
struct store_source {
	const char *path;
	const char *format, *format_title;
	const char *licence, *attribution;
	int is_sample;
};

/*
 * Start a source file: earlier imports of the same path are removed with
 * every row they brought, so importing a file again replaces it. The
 * sink then tags records with this source.
 */
enum status store_source_begin(struct store *s, const struct store_source *src);
/* Record a rejected row of the current source (the first 1000 are kept). */
enum status store_source_reject(struct store *s, const struct import_rejection *r);
/* Finish the current source with its counts, hash and encoding. */
enum status store_source_end(struct store *s, const struct import_result *result);
/* Set licence, attribution and sample flag of every source whose path starts with
 * prefix, and its data date where the file itself did not give one. */
enum status store_source_relabel(struct store *s, const char *prefix, const char *licence,
				 const char *attribution, int is_sample, const char *data_date);

/* The sink that importers write through (valid while s is open). */
struct import_sink store_sink(struct store *s);

/*
 * Link, locate and index. with_indexes: also create the secondary indexes
 * of the schema's "indexes" section (a fresh build) and ANALYZE.
 */
enum status store_finalize(struct store *s, int with_indexes);

/* --- reading --------------------------------------------------------------- */

struct store_source_info {
	long long id;
	const char *path, *format, *format_title, *encoding, *sha256;
	long long bytes;
	const char *licence, *attribution;
	int is_sample;
	const char *data_date, *imported_at;
	long long rows_read, rows_loaded, rows_rejected;
};

/* Call fn for each source file, oldest first; stops early if fn returns non-zero. */
enum status store_each_source(struct store *s,
			      int (*fn)(void *ctx, const struct store_source_info *info),
			      void *ctx);

struct store_rejection_info {
	const char *path;
	long long line;
	const char *location, *field, *message;
};

/* Rejected rows kept for sources whose path contains `filter` (NULL: all). */
enum status store_each_rejection(struct store *s, const char *filter,
				 int (*fn)(void *ctx, const struct store_rejection_info *info),
				 void *ctx);

struct store_counts {
	long long occupations, standards, courses, he_courses, vacancies;
	long long providers, schools, colleges, universities, training_providers;
	long long postcodes, outcodes, figures, onet_occupations, sources, samples;
	long long rejected;
};

enum status store_count(struct store *s, struct store_counts *counts);

#endif
