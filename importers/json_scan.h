/*
 * json_scan.h - a JSON scanner: checks syntax and finds the ends of values,
 * without building anything.
 *
 * json_reader.c checks a whole document with it once (so an error can
 * name its line and column), then walks the checked text with it to find
 * values by path and records one by one. It counts the values it passes
 * (member names too), which is what a parser would make nodes of: the
 * reader uses that to bound what it hands to SQLite.
 */
#ifndef CAREERS_JSON_SCAN_H
#define CAREERS_JSON_SCAN_H

#include <stddef.h>

#define JSON_SCAN_MAX_DEPTH 500

/* A place in a text (embedded: json_scan_init() sets it up; nothing to free). */
struct json_scan {
	const char *s;
	size_t n, i;
	int depth;
	size_t values;		/* values and member names scanned (what SQLite would make nodes of) */
	const char *error;	/* static message, NULL when fine */
};

/* Scan text[from..len). */
void json_scan_init(struct json_scan *sc, const char *text, size_t len, size_t from);
/*
 * Scan the whole text: 1 if it is one valid JSON value; else 0, and
 * sc->error and sc->i say what is wrong and where.
 */
int json_scan_document(struct json_scan *sc, const char *text, size_t len);
/* Step over the value at sc->i (after any space): 1, or 0 with sc->error. */
int json_scan_value(struct json_scan *sc);
/* Step over the string at sc->i (it starts with its quote): 1, or 0 with sc->error. */
int json_scan_string(struct json_scan *sc);
/* Step over spaces, tabs and line breaks. */
void json_scan_space(struct json_scan *sc);
/* Line and column (1-based, in characters) of position at of s. */
void json_scan_where(const char *s, size_t at, unsigned long *line, unsigned long *col);

#endif
