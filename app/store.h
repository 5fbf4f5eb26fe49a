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
#include <stdio.h>

#include "import.h"
#include "status.h"

#define STORE_VERSION 8

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

/*
 * Many reads as one: the file is locked and checked once, not for every
 * statement (inside a write transaction too). Pair every begin with an end.
 */
enum status store_read_begin(struct store *s);
void store_read_end(struct store *s);
void store_rollback(struct store *s);

/* What is known about a file before it is imported. */
struct store_source {
	const char *path;
	const char *format, *format_title;
	const char *licence, *attribution;
	int is_sample;
	const char *member;		/* inside an archive or workbook, else NULL */
};

/*
 * Start a source file: earlier imports of the same path are removed with
 * every row they brought, so importing a file again replaces it. The
 * sink then tags records with this source.
 */
enum status store_source_begin(struct store *s, const struct store_source *src);
/*
 * One file's work as a unit inside the build's transaction: undo() takes
 * back everything since begin() (its rows and its source_file row), keep()
 * ends the unit. For `careers build --keep-going`.
 */
enum status store_file_begin(struct store *s);
enum status store_file_undo(struct store *s);
enum status store_file_keep(struct store *s);
/* Record a file left out of a build (--keep-going): no rows, and why. */
enum status store_source_failed(struct store *s, const struct store_source *src,
				const char *why);
/* Record a rejected row of the current source (the first 1000 are kept). */
enum status store_source_reject(struct store *s, const struct import_rejection *r);
/* Finish the current source with its counts, hash and encoding. */
enum status store_source_end(struct store *s, const struct import_result *result);
/*
 * Rows of the current source that a later row of the same source, with
 * the same key, wrote over (a postcode or course that comes twice in one
 * file): what the file "loaded" that does not remain.
 */
unsigned long store_source_replaced(const struct store *s);
/* Set licence, attribution and sample flag of every source whose path starts with
 * prefix, and its data date where the file itself did not give one; except_json is a
 * JSON array of longer prefixes left out (folders with a DATASET of their own), or NULL. */
enum status store_source_relabel(struct store *s, const char *prefix, const char *licence,
				 const char *attribution, int is_sample, const char *data_date,
				 const char *except_json);

/* Where the file at path (and the files read out of it, path/...) was
 * downloaded from and when, as careers fetch recorded it. */
enum status store_source_origin(struct store *s, const char *path, const char *url,
				const char *fetched_at);

/* The sink that importers write through (valid while s is open). */
struct import_sink store_sink(struct store *s);

/*
 * Link, locate and index. with_indexes: also create the secondary indexes
 * of the schema's "indexes" section (a fresh build) and ANALYZE.
 */
enum status store_finalize(struct store *s, int with_indexes);

/*
 * Where store_finalize() writes each step it takes and its time
 * ("finishing: indexing words for search 1.23 s"); NULL: nowhere.
 */
void store_set_step_log(struct store *s, FILE *f);

/* --- reading --------------------------------------------------------------- */

struct store_source_info {
	long long id;
	const char *path, *member, *format, *format_title, *encoding, *sha256;
	long long bytes;
	const char *failed;		/* why it was left out (--keep-going), or NULL */
	const char *licence, *attribution;
	int is_sample;
	const char *data_date, *imported_at;
	long long rows_read, rows_loaded, rows_rejected;
	const char *origin_url, *fetched_at;	/* NULL unless careers fetch downloaded it */
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

/* SQLite's PRAGMA quick_check: STATUS_CORRUPT with the first problem in store_errmsg(). */
enum status store_quick_check(struct store *s);

/* --- queries for the learner filter ---------------------------------------- */

#include "geo.h"
#include "model.h"

/*
 * Where is this postcode or postcode district? code is canonical ("DN1
 * 3BU" or "DN1"). For a district the outcode table is used, else the
 * centre of its postcodes. *found = 0 when unknown.
 */
enum status store_find_place(struct store *s, const char *code, int is_full,
			     struct geo_point *p, int *found);

struct store_interest {
	long long id;
	const char *slug, *name, *examples;
	long long route_id;		/* 0 when none */
	const char *route_name;		/* NULL when none */
	const char *riasec;		/* leaning, e.g. "IRC" */
	const char *ssa;		/* '|' list of SSA codes */
	const char *soc_prefixes;	/* '|' list */
	const char *keywords;		/* '|' list */
};

enum status store_each_interest(struct store *s,
				int (*fn)(void *ctx, const struct store_interest *interest),
				void *ctx);

/*
 * Turn a learner's words into a safe full-text query: every run of
 * letters and digits becomes a quoted prefix term ("mech"*), all must
 * match. STATUS_NOT_FOUND if there are no words. The result is bound as a
 * parameter, never spliced into SQL.
 */
enum status store_text_query(const char *words, char *out, size_t outlen);

/*
 * What narrows a query for options. Everything else, distance included, is
 * decided in match.c over the option index (app/pack.c), which has every
 * option's places in memory: the store keeps no map index.
 */
struct store_filter {
	const char *text;		/* from store_text_query, or NULL */
	double level;			/* NAN: any */
	const char *today;		/* ISO date: vacancies closed before it are left out */
	const char *soc;		/* only options that lead to this occupation */
	long long standard_id;		/* 0, or only options linked to this standard */
	long long id;			/* 0, or only this option (found by its id) */
};

/* One option as the store has it. Strings are borrowed for the callback. */
struct store_option {
	enum option_kind kind;
	long long id;
	const char *ref;		/* SOC code, ST reference, course ref, vacancy ref, URN */
	const char *title;
	const char *provider;		/* provider, employer or university */
	const char *place;		/* venue name */
	const char *town, *postcode;
	double lat, lon;		/* NAN when unknown */
	double level;			/* NAN when unknown */
	const char *start_date, *closing_date;
	int flexible_start;
	long long age_min, age_max;	/* MODEL_NO_INT when no limit */
	long long route_id;		/* 0 when unknown */
	const char *route_name;		/* courses: the subject area as the source words it */
	const char *ssa1, *ssa2;
	double riasec[6];		/* careers: O*NET interest scores 1-7, NAN when unknown */
	const char *course_kind;	/* fe | tlevel | he */
	const char *provider_kind;
	int has_sixth_form;
	long long wage_pence;
	const char *wage_unit;
	double hours;
	long long duration_value;
	const char *duration_unit;	/* "months" for standards */
	const char *status;
	const char *study_mode;
	long long cost_pence;
	const char *qualification;
	const char *summary;		/* the start of the description */
	const char *url;
	const char *places;		/* every place it is at when more than one (an advert
					   at several sites, a course at several campuses):
					   "lat lon;lat lon"; else NULL */
	const char *posted_date;	/* vacancies: the day the advert was posted, or NULL */
};

/* The long text of one option, for its detail screen. Owned strings, NULL when none. */
struct store_text {
	char *description, *tasks, *entry, *who_for, *where_next, *training, *skills,
	     *qualifications, *things_to_consider, *address, *phone, *website, *apply_url,
	     *cost_text, *duration_text, *wage_text, *working_week, *keywords, *job_titles,
	     *note;
	char *earnings_start, *earnings_later;	/* university courses: graduates' pay */
};

enum status store_option_text(struct store *s, enum option_kind kind, long long id,
			      struct store_text *out);
void store_text_done(struct store_text *t);

struct store_figure {
	long long year;
	double value;
};

/*
 * A labour-market series for an occupation, oldest first: the figures for
 * its own SOC code, or for the smallest group above it that has some.
 * *count is how many were written; group gets the code used.
 */
/*
 * How a career (SOC 2020 unit group) is linked to O*NET's interest
 * profiles, as finalize wrote it (occupation.onet_link): "direct 1",
 * "direct 3", "isco 2512,2513 4" (the ISCO-08 groups gone through, then how
 * many O*NET occupations were averaged); "" when it is not linked.
 */
enum status store_onet_link(struct store *s, const char *soc, char *out, size_t outlen);

enum status store_figures(struct store *s, const char *soc, const char *measure,
			  struct store_figure *out, size_t max, size_t *count, char group[8]);

/* A short number that changes when the store's data changes (for handover codes). */
unsigned store_fingerprint(struct store *s);

/* Every option of a kind that passes the filter; fn returns non-zero to stop. */
enum status store_each_option(struct store *s, enum option_kind kind,
			      const struct store_filter *filter,
			      int (*fn)(void *ctx, const struct store_option *option), void *ctx);

/*
 * The ids of the options of kind `to` that the store links to option `id`
 * of kind `from`: a career's apprenticeship standards and vacancies, a
 * standard's careers and vacancies (nothing for other pairs).
 */
enum status store_each_link(struct store *s, enum option_kind from, long long id,
			    enum option_kind to, int (*fn)(void *ctx, long long id), void *ctx);

/*
 * The rowids of search_text (kind << 32 | id) that match a query from
 * store_text_query(), in ascending order, of the option kinds in the
 * mask `kinds` (1 << enum option_kind each; rows of other kinds may come
 * too, as courses and university courses share theirs); fn returns
 * non-zero to stop.
 */
enum status store_each_text_match(struct store *s, const char *query, unsigned kinds,
				  int (*fn)(void *ctx, long long rowid), void *ctx);

/*
 * The option kinds a search_text rowid (kind code << 32 | id) can stand for:
 * how many (0 for none, 2 for a course row, which is a course or a
 * university course), into kinds, and the option's id into *id.
 */
int store_search_text_kinds(long long rowid, enum option_kind kinds[2], long long *id);

/*
 * What the word index holds for every option, for the word prefix index
 * (app/prefix_index.c) to be worked out from: rowid (kind << 32 | id, as
 * in search_text), title and body (either may be NULL). fn returns
 * non-zero to stop.
 */
enum status store_each_search_text(struct store *s, int (*fn)(void *ctx, long long rowid,
			const char *title, const char *body), void *ctx);

/*
 * The word prefix index's pieces (app/prefix_index.c), rows of the
 * word_index table: put with id 0 first (which forgets the old pieces),
 * then 1, 2, ...; store_word_index_open() opens one for store_blob_read
 * and gives its size, or STATUS_NOT_FOUND. store_finalize() forgets them.
 */
struct store_blob;
enum status store_word_index_put(struct store *s, long long id, const void *data, size_t len);
enum status store_word_index_open(struct store *s, long long id, struct store_blob **out,
				  size_t *size);

/*
 * The option index's bytes (app/pack.c): saved whole with store_pack_put()
 * after store_finalize() (which forgets the old one), read back in pieces.
 * store_pack_open() gives STATUS_NOT_FOUND when there is none.
 */
struct store_blob;
enum status store_pack_put(struct store *s, const void *data, size_t len);
enum status store_pack_open(struct store *s, struct store_blob **out, size_t *size);
enum status store_blob_read(struct store_blob *b, void *buf, size_t n, size_t offset);
/* Into a blob opened for writing (store_timetable_open_write, store_gtfs.h). */
enum status store_blob_write(struct store_blob *b, const void *buf, size_t n, size_t offset);
void store_blob_close(struct store_blob *b);

/*
 * Ask the system to read the whole store file into its cache, in the
 * background, so that the first searches of a kiosk that has just started
 * do not wait for the disk. Nothing changes if it cannot: it is a hint.
 */
void store_prefetch(const struct store *s);

/*
 * One thing worked out from the store and kept with it (the option index),
 * freed with free_fn when replaced, when the store is closed, or when
 * store_finalize() changes what it was worked out from.
 */
void store_set_cache(struct store *s, void *data, void (*free_fn)(void *));
void *store_cache(const struct store *s);

#endif
