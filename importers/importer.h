/*
 * importer.h - the contract between one source format and the import driver.
 *
 * Each format is one file in importers/ defining a const struct importer:
 * its name, how its files are recognised, the columns (CSV) or field paths
 * (JSON) it reads, and a row() function that checks one record and emits
 * model records (model.h) to the store. The driver (import.c) does
 * everything else: encodings, finding the header, mapping columns by name,
 * line numbers, counting, and reporting rejected rows as
 *
 *	path:line: column: what was wrong
 *
 * A new format is one new file, importers/import_<id>.c, defining
 * `const struct importer importer_<id>`; the build registers it (registry.h).
 *
 * Row functions read fields with the import_get_* helpers below. Each
 * helper validates with a named rule (validate.h) and, when the value is
 * bad, reports it against that column and marks the row rejected; the row
 * function carries on so every problem in the row is reported, and
 * import_emit() does nothing for a rejected row. Nothing from a rejected
 * row reaches the store.
 */
#ifndef CAREERS_IMPORTER_H
#define CAREERS_IMPORTER_H

#include <stddef.h>

#include "model.h"
#include "status.h"
#include "validate.h"

enum import_shape {
	IMPORT_CSV,		/* header row found by column names */
	IMPORT_CSV_HEADERLESS,	/* columns by position; detect() decides */
	IMPORT_JSON,		/* records at a JSON path */
};

/* Column flags. */
#define COLUMN_REQUIRED 1u	/* the file is refused without it (CSV) / not detected (JSON) */
#define COLUMN_REPEATED 2u	/* CSV: several columns share the name; values joined with '|' */
#define COLUMN_ROOT	4u	/* JSON: path from the document root, not the record */
#define COLUMN_KEY	8u	/* CSV, with REQUIRED: a key many files of a family share
				   (Discover Uni's UKPRN, KISCOURSEID, KISMODE): a file
				   with the key but none of the other required columns is
				   unrelated, not a near miss */

/*
 * CSV: header names, '|'-separated alternatives, compared ignoring case,
 * spaces and line breaks; a trailing '*' matches by prefix ("lat*").
 * Headerless CSV: ignored (columns are by position).
 * JSON: a path such as "$.wage.wageAmount"; '|' separates alternatives,
 * the first present one is used; arrays of scalars are joined with '|'.
 */
struct import_column {
	const char *names;
	unsigned flags;
};

struct import_probe;	/* the start of a file, for detect() */
struct import_file;	/* one file being imported */
struct import_row;	/* one record being imported */

struct importer {
	const char *name;	/* stable id, e.g. "ifate-standards-csv" */
	const char *title;	/* "IfATE apprenticeship standards (CSV download)" */
	const char *detection;	/* how files are recognised, for `careers formats` */
	const char *licence;	/* e.g. "Open Government Licence v3.0" */
	const char *edition;	/* the publisher's edition it was checked against */
	const char *attribution;	/* the credit line the licence asks for */
	enum import_shape shape;
	const struct import_column *columns;
	size_t column_count;
	unsigned title_lines;	/* CSV: lines that may stand above the header */
	const char *records;	/* JSON: path of the records ("$" = whole document) */
	/* Optional extra test once the columns match; 1 = yes, this format. */
	int (*detect)(const struct import_probe *probe);
	/* Optional: per-file setup (may refuse the file with import_fail). */
	enum status (*begin)(struct import_file *file);
	/* Check one record and emit what it holds. STATUS_OK unless fatal. */
	enum status (*row)(struct import_row *row);
	size_t state_size;	/* bytes of zeroed per-file state, see import_state() */
	/* Optional: free what the per-file state holds (called once, whatever happened). */
	void (*end)(void *state);
};

#define COLUMNS(array) (array), (sizeof(array) / sizeof((array)[0]))

/* --- detection ---------------------------------------------------------- */

/* Field `index` of record `record` (0-based) of the start of the file; NULL if absent. */
const char *import_probe_field(const struct import_probe *probe, size_t record, size_t index);
size_t import_probe_fields(const struct import_probe *probe, size_t record);
size_t import_probe_records(const struct import_probe *probe);
/* JSON: value of column `column` in the first record ("" if absent). */
const char *import_probe_value(const struct import_probe *probe, size_t column);
const char *import_probe_path(const struct import_probe *probe);

/* --- per file ---------------------------------------------------------- */

const char *import_file_path(const struct import_file *file);
/* The lines above the header (CSV title lines), joined by newlines. */
const char *import_file_title(const struct import_file *file);
/* Record the date the publisher gives the data (ISO yyyy-mm-dd). */
void import_file_set_data_date(struct import_file *file, const char *iso);
/* Refuse the whole file; returns STATUS_FORMAT for the caller to return. */
enum status import_fail(struct import_file *file, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void *import_file_state(struct import_file *file);

/* --- per row ------------------------------------------------------------ */

/* Raw value of a column, "" when the column is absent. Never NULL. */
const char *import_value(const struct import_row *row, int column);
/* Does the file have this column at all? */
int import_has_column(const struct import_row *row, int column);
/* Trimmed text, or NULL when blank (see validate_blank). Bad UTF-8 or
 * control characters reject the row. The pointer lives until the next row. */
const char *import_text(struct import_row *row, int column);
/* As import_text, but a blank value rejects the row ("... is empty"). */
const char *import_required(struct import_row *row, int column);

/*
 * Typed getters: 1 = value written to *out, 0 = blank (nothing written),
 * -1 = bad value, already reported and the row marked rejected.
 */
int import_get_int(struct import_row *row, int column, long long min, long long max,
		   long long *out);
int import_get_decimal(struct import_row *row, int column, double min, double max, double *out);
int import_get_date(struct import_row *row, int column, char iso[11]);
int import_get_money(struct import_row *row, int column, long long *pence);
int import_get_level(struct import_row *row, int column, double *level);
int import_get_flag(struct import_row *row, int column, int *out);
int import_get_postcode(struct import_row *row, int column, char out[9]);
/* A code checked against a rule and upper-cased (outlen includes the NUL). */
int import_get_code(struct import_row *row, int column, enum rule rule, char *out,
		    size_t outlen);

/* Reject the row with a message about one column (column -1: the row). */
void import_reject(struct import_row *row, int column, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int import_rejected(const struct import_row *row);
/* Hand a record to the store; ignored when the row has been rejected. */
enum status import_emit(struct import_row *row, enum record_kind kind, const void *record);
/* The row is neither data nor an error (e.g. a spacer line): not counted. */
void import_skip(struct import_row *row);

void *import_state(struct import_row *row);
struct import_file *import_row_file(struct import_row *row);
unsigned long import_row_line(const struct import_row *row);

/* Shared helpers for importers. */

/* Normalise an SSA code: "6.00" -> "6", "6.10" -> "6.1". */
int import_ssa_code(const char *in, char out[16]);
/* Read age limits from wording such as "19+", "aged 16 to 18", "16-18 year olds". */
void import_age_range(const char *text, long long *age_min, long long *age_max);

#endif
