/*
 * csv_reader.h - records from a CSV (or tab-separated) file, with line numbers.
 *
 * A thin pull-style wrapper round libcsv. It reads the text through a
 * struct textfile (so any encoding arrives as UTF-8), feeds libcsv one
 * physical line at a time, and hands back one record per call together
 * with the line on which that record starts, so every message about a
 * row can say "file:line". Fields that libcsv would trim (unquoted
 * leading/trailing spaces) are trimmed; quoted fields are kept exactly,
 * including embedded newlines. Blank lines are skipped.
 *
 * Limits keep hostile input from exhausting memory: a field over
 * CSV_READER_MAX_FIELD bytes, a record over CSV_READER_MAX_FIELDS fields
 * or over CSV_READER_MAX_RECORD bytes in all stops the reader with
 * STATUS_FORMAT and a message.
 */
#ifndef CAREERS_CSV_READER_H
#define CAREERS_CSV_READER_H

#include <stddef.h>

#include "status.h"
#include "textfile.h"

#define CSV_READER_MAX_FIELD (4u * 1024 * 1024)
#define CSV_READER_MAX_FIELDS 4096
#define CSV_READER_MAX_RECORD (16u * 1024 * 1024)	/* all its fields together */

/*
 * The fields lie one after another in one buffer, each followed by its
 * NUL: copying the bytes from fields[0] to the NUL of the last copies
 * them all.
 */
struct csv_record {
	size_t count;		/* number of fields */
	char **fields;		/* (borrowed) NUL-terminated UTF-8; valid until the next call */
	size_t *lengths;	/* (borrowed) */
	unsigned long line;	/* physical line (1-based) the record starts on */
	size_t nul_at;		/* 1 + the first field with a NUL byte in it, or 0 */
	size_t quote_at;	/* 1 + the first field with a stray quote in it, or 0 */
};

struct csv_reader;

/*
 * Read records from tf (borrowed; it must outlive the reader). delimiter
 * 0 means: tab if the first line has more tabs than commas, else comma.
 */
struct csv_reader *csv_reader_new(struct textfile *tf, char delimiter);
void csv_reader_free(struct csv_reader *r);

/*
 * Next record into *rec. Returns STATUS_OK, STATUS_NOT_FOUND at the end
 * of the file, or STATUS_FORMAT / STATUS_IO with csv_reader_error() set
 * (e.g. "line 12: the file ends inside a quoted field that starts there").
 */
enum status csv_reader_next(struct csv_reader *r, struct csv_record *rec);

const char *csv_reader_error(const struct csv_reader *r);
char csv_reader_delimiter(const struct csv_reader *r);
/* The physical line the reader has reached (1-based). */
unsigned long csv_reader_lines(const struct csv_reader *r);

#endif
