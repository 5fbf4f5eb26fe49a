/*
 * json_reader.h - records out of a JSON document, using SQLite's JSON functions.
 *
 * The design brief asks for no JSON library beyond SQLite's own. This
 * module opens a private in-memory SQLite connection and uses it purely as
 * a JSON parser (json_valid, json_type, json_each, json_extract); it never
 * touches the store, which stays the only place with SQL about our data.
 *
 * A cursor walks the records at a path ("$" for a top-level array, or
 * "$.vacancies") and yields, for each record, one string per requested
 * field path, so JSON importers look exactly like CSV ones. A path whose
 * value is an array of scalars yields them joined with '|'; "a|b" tries
 * path a, then b. If the path holds a single object, it is one record.
 *
 * Line numbers of records come from a small scanner over the text (SQLite
 * does not report positions), which also locates syntax errors.
 */
#ifndef CAREERS_JSON_READER_H
#define CAREERS_JSON_READER_H

#include <stddef.h>

#include "status.h"

/*
 * Limits. SQLite's JSON parser takes 16 bytes a value besides the text,
 * so it is never given the whole document: only one record (or one value
 * looked up from the root) at a time, of at most these sizes. A whole
 * document is read into memory by its caller, at most JSON_MAX_DOCUMENT
 * bytes (import.c). Together they keep the memory a JSON import needs
 * near its text, whatever the text holds.
 */
#define JSON_MAX_DOCUMENT (128u * 1024 * 1024)
#define JSON_MAX_RECORD (16u * 1024 * 1024)
#define JSON_MAX_RECORD_VALUES 1000000u

struct json_doc;

/*
 * Take a document (text borrowed; it must outlive the doc, and text[len]
 * must be '\0', as a strbuf's or a C string's is). Invalid JSON gives
 * STATUS_FORMAT and a message with the line and column.
 */
enum status json_doc_open(const char *text, size_t len, struct json_doc **out,
			  char *err, size_t errlen);
void json_doc_free(struct json_doc *doc);

/*
 * "object", "array", "text", "integer", "real", "true", "false", "null", or
 * NULL if absent (or the path is malformed). Answers are remembered.
 */
const char *json_doc_type(struct json_doc *doc, const char *path);
/*
 * Look up the types at several paths with one parse of the document, so
 * that json_doc_type() (and json_doc_value() of an absent path) answer
 * them without another. Only a saving: nothing else changes.
 */
void json_doc_types(struct json_doc *doc, const char *const *paths, size_t count);
/* The value at path as text (arrays joined with '|'); heap string or NULL. */
char *json_doc_value(struct json_doc *doc, const char *path);
/* Number of records at path: array length, 1 for an object, 0 otherwise. */
size_t json_doc_count(struct json_doc *doc, const char *path);

struct json_cursor;

/*
 * Walk the records at `records`. paths[i] are relative to each record
 * unless root[i] is set (root may be NULL), in which case they are from
 * the document root. paths and root are not kept.
 */
enum status json_cursor_open(struct json_doc *doc, const char *records, const char *const *paths,
			     const int *root, size_t count, struct json_cursor **out,
			     char *err, size_t errlen);
/*
 * Next record: values[i] is "" when absent. *index is the 0-based record
 * number, *line the line it starts on (0 if unknown). Returns STATUS_OK,
 * STATUS_NOT_FOUND at the end, or STATUS_FORMAT.
 */
enum status json_cursor_next(struct json_cursor *c, const char *const **values,
			     unsigned long *index, unsigned long *line);
/* The next json_cursor_next() gives the record just read once more. */
void json_cursor_unread(struct json_cursor *c);
/* Why json_cursor_next() gave STATUS_FORMAT ("record 12 (line 40) has ..."). */
const char *json_cursor_error(const struct json_cursor *c);
void json_cursor_free(struct json_cursor *c);

#endif
