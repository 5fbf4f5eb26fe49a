/*
 * json_reader.c - JSON records through SQLite's JSON functions.
 *
 * Design notes. SQLite parses; we only scan. The scanner below checks the
 * syntax (so an error can name its line and column) and records where each
 * record of the requested array starts (so rejected rows can name their
 * line). Values are then pulled with one prepared statement over
 * json_each(), one result column per field path; paths are bound as
 * parameters, never spliced into SQL. Root-level fields are evaluated once
 * per cursor, not per record: SQLite would re-parse the whole document
 * for each.
 */
#include "json_reader.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define MAX_DEPTH 500
#define MAX_PATH_PARTS 8

struct json_doc {
	const char *text;	/* (borrowed) */
	size_t len;
	sqlite3 *db;
};

/* --- the scanner --------------------------------------------------------- */

struct scan {
	const char *s;
	size_t n, i;
	int depth;
	/* records path, split at dots: "$.a.b" -> {"a", "b"} */
	const char *part[MAX_PATH_PARTS];
	size_t part_len[MAX_PATH_PARTS];
	int parts;
	size_t *offsets;	/* record start offsets */
	size_t count, alloc;
	const char *error;	/* static message, NULL when fine */
};

static void skip_space(struct scan *sc)
{
	while (sc->i < sc->n && (sc->s[sc->i] == ' ' || sc->s[sc->i] == '\t' ||
				 sc->s[sc->i] == '\n' || sc->s[sc->i] == '\r'))
		sc->i++;
}

static int is_hex(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static int scan_string(struct scan *sc)
{
	sc->i++;	/* opening quote */
	while (sc->i < sc->n) {
		unsigned char c = (unsigned char)sc->s[sc->i];

		if (c == '"') {
			sc->i++;
			return 1;
		}
		if (c < 0x20) {
			sc->error = "a control character inside a string";
			return 0;
		}
		if (c == '\\') {
			char e = sc->i + 1 < sc->n ? sc->s[sc->i + 1] : 0;

			if (e == 'u') {
				int k;

				for (k = 2; k < 6; k++)
					if (sc->i + (size_t)k >= sc->n || !is_hex(sc->s[sc->i + (size_t)k])) {
						sc->error = "a bad \\u escape";
						return 0;
					}
				sc->i += 6;
				continue;
			}
			if (!e || !strchr("\"\\/bfnrt", e)) {
				sc->error = "a bad escape in a string";
				return 0;
			}
			sc->i += 2;
			continue;
		}
		sc->i++;
	}
	sc->error = "a string that is never closed";
	return 0;
}

static int scan_digits(struct scan *sc)
{
	size_t start = sc->i;

	while (sc->i < sc->n && sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')
		sc->i++;
	return sc->i > start;
}

static int scan_number(struct scan *sc)
{
	if (sc->s[sc->i] == '-')
		sc->i++;
	if (sc->i < sc->n && sc->s[sc->i] == '0')
		sc->i++;
	else if (!scan_digits(sc))
		goto bad;
	if (sc->i < sc->n && sc->s[sc->i] == '.') {
		sc->i++;
		if (!scan_digits(sc))
			goto bad;
	}
	if (sc->i < sc->n && (sc->s[sc->i] == 'e' || sc->s[sc->i] == 'E')) {
		sc->i++;
		if (sc->i < sc->n && (sc->s[sc->i] == '+' || sc->s[sc->i] == '-'))
			sc->i++;
		if (!scan_digits(sc))
			goto bad;
	}
	return 1;
bad:
	sc->error = "a badly formed number";
	return 0;
}

static void record_offset(struct scan *sc, size_t at)
{
	if (sc->count == sc->alloc) {
		sc->alloc = sc->alloc ? sc->alloc * 2 : 64;
		sc->offsets = xrealloc(sc->offsets, sc->alloc * sizeof(*sc->offsets));
	}
	sc->offsets[sc->count++] = at;
}

/* on_path: how many leading parts of the records path this value sits under, or -1. */
static int scan_value(struct scan *sc, int on_path);

static int scan_array(struct scan *sc, int on_path)
{
	int target = on_path == sc->parts;

	sc->i++;
	skip_space(sc);
	if (sc->i < sc->n && sc->s[sc->i] == ']') {
		sc->i++;
		return 1;
	}
	for (;;) {
		skip_space(sc);
		if (target)
			record_offset(sc, sc->i);
		if (!scan_value(sc, -1))
			return 0;
		skip_space(sc);
		if (sc->i >= sc->n)
			break;
		if (sc->s[sc->i] == ',') {
			sc->i++;
			continue;
		}
		if (sc->s[sc->i] == ']') {
			sc->i++;
			return 1;
		}
		sc->error = "expected ',' or ']' in a list";
		return 0;
	}
	sc->error = "the document ends inside a list";
	return 0;
}

static int scan_object(struct scan *sc, int on_path)
{
	sc->i++;
	skip_space(sc);
	if (sc->i < sc->n && sc->s[sc->i] == '}') {
		sc->i++;
		return 1;
	}
	for (;;) {
		size_t key_start;
		int child = -1;

		skip_space(sc);
		if (sc->i >= sc->n || sc->s[sc->i] != '"') {
			sc->error = "expected a quoted name in an object";
			return 0;
		}
		key_start = sc->i + 1;
		if (!scan_string(sc))
			return 0;
		if (on_path >= 0 && on_path < sc->parts &&
		    sc->i - 1 - key_start == sc->part_len[on_path] &&
		    memcmp(sc->s + key_start, sc->part[on_path], sc->part_len[on_path]) == 0)
			child = on_path + 1;
		skip_space(sc);
		if (sc->i >= sc->n || sc->s[sc->i] != ':') {
			sc->error = "expected ':' after a name";
			return 0;
		}
		sc->i++;
		skip_space(sc);
		if (!scan_value(sc, child))
			return 0;
		skip_space(sc);
		if (sc->i >= sc->n)
			break;
		if (sc->s[sc->i] == ',') {
			sc->i++;
			continue;
		}
		if (sc->s[sc->i] == '}') {
			sc->i++;
			return 1;
		}
		sc->error = "expected ',' or '}' in an object";
		return 0;
	}
	sc->error = "the document ends inside an object";
	return 0;
}

static int scan_literal(struct scan *sc, const char *word)
{
	size_t len = strlen(word);

	if (sc->n - sc->i >= len && memcmp(sc->s + sc->i, word, len) == 0) {
		sc->i += len;
		return 1;
	}
	sc->error = "an unexpected character";
	return 0;
}

static int scan_value(struct scan *sc, int on_path)
{
	int ok;

	skip_space(sc);
	if (sc->i >= sc->n) {
		sc->error = "the document ends where a value should be";
		return 0;
	}
	if (++sc->depth > MAX_DEPTH) {
		sc->error = "lists and objects nested too deeply";
		return 0;
	}
	switch (sc->s[sc->i]) {
	case '{':
		if (on_path == sc->parts)
			record_offset(sc, sc->i);
		ok = scan_object(sc, on_path);
		break;
	case '[':
		ok = scan_array(sc, on_path);
		break;
	case '"':
		ok = scan_string(sc);
		break;
	case 't':
		ok = scan_literal(sc, "true");
		break;
	case 'f':
		ok = scan_literal(sc, "false");
		break;
	case 'n':
		ok = scan_literal(sc, "null");
		break;
	default:
		if (sc->s[sc->i] == '-' || (sc->s[sc->i] >= '0' && sc->s[sc->i] <= '9')) {
			ok = scan_number(sc);
		} else {
			sc->error = "an unexpected character";
			ok = 0;
		}
	}
	sc->depth--;
	return ok;
}

static void split_path(struct scan *sc, const char *path)
{
	const char *p = path;

	sc->parts = 0;
	if (!path || strcmp(path, "$") == 0)
		return;
	if (p[0] == '$' && p[1] == '.')
		p += 2;
	while (*p && sc->parts < MAX_PATH_PARTS) {
		const char *dot = strchr(p, '.');
		size_t len = dot ? (size_t)(dot - p) : strlen(p);

		sc->part[sc->parts] = p;
		sc->part_len[sc->parts] = len;
		sc->parts++;
		p += len;
		if (*p == '.')
			p++;
	}
}

/* Scan the whole text; 1 if it is one valid JSON value. */
static int scan_document(struct scan *sc, const char *text, size_t len, const char *records)
{
	memset(sc, 0, sizeof(*sc));
	sc->s = text;
	sc->n = len;
	split_path(sc, records);
	if (!scan_value(sc, records ? 0 : -1))
		return 0;
	skip_space(sc);
	if (sc->i < sc->n) {
		sc->error = "more text after the end of the document";
		return 0;
	}
	return 1;
}

static void where(const char *s, size_t at, unsigned long *line, unsigned long *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < at; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* --- documents ----------------------------------------------------------- */

enum status json_doc_open(const char *text, size_t len, struct json_doc **out,
			  char *err, size_t errlen)
{
	struct json_doc *doc;
	struct scan sc;
	sqlite3_stmt *stmt;
	int valid = 0;

	*out = NULL;
	if (!scan_document(&sc, text, len, NULL)) {
		unsigned long line, col;

		where(text, sc.i, &line, &col);
		snprintf(err, errlen, "%lu:%lu: not valid JSON: %s", line, col, sc.error);
		free(sc.offsets);
		return STATUS_FORMAT;
	}
	free(sc.offsets);
	doc = xcalloc(1, sizeof(*doc));
	doc->text = text;
	doc->len = len;
	if (sqlite3_open_v2(":memory:", &doc->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
		mem_fatal("cannot open an in-memory database");
	if (sqlite3_prepare_v2(doc->db, "SELECT json_valid(?1)", -1, &stmt, NULL) == SQLITE_OK) {
		sqlite3_bind_text(stmt, 1, text, (int)len, SQLITE_STATIC);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			valid = sqlite3_column_int(stmt, 0);
		sqlite3_finalize(stmt);
	}
	if (!valid) {
		snprintf(err, errlen, "not valid JSON (%s)", sqlite3_errmsg(doc->db));
		json_doc_free(doc);
		return STATUS_FORMAT;
	}
	*out = doc;
	return STATUS_OK;
}

void json_doc_free(struct json_doc *doc)
{
	if (!doc)
		return;
	sqlite3_close(doc->db);
	free(doc);
}

/*
 * SQL for one field: the value at path ?p of `subject` (a column name or
 * a parameter), with arrays of scalars joined by '|'. Alternatives in
 * `names` ("a|b") become COALESCE over the parameters from *next_param.
 */
static void field_sql(struct strbuf *sql, const char *subject, const char *names,
		      int *next_param)
{
	int alternatives = 1, k;
	const char *p;

	for (p = names; *p; p++)
		alternatives += *p == '|';
	if (alternatives > 1)
		strbuf_puts(sql, "COALESCE(");
	for (k = 0; k < alternatives; k++) {
		int n = (*next_param)++;

		if (k)
			strbuf_puts(sql, ", ");
		strbuf_printf(sql,
			      "CASE json_type(%s, ?%d) WHEN 'array' THEN "
			      "(SELECT group_concat(j.value, '|') FROM json_each(%s, ?%d) AS j "
			      "WHERE j.type NOT IN ('object', 'array', 'null')) "
			      "ELSE json_extract(%s, ?%d) END",
			      subject, n, subject, n, subject, n);
	}
	if (alternatives > 1)
		strbuf_puts(sql, ")");
}

/* Bind each '|'-separated alternative of names from parameter *next. */
static void bind_paths(sqlite3_stmt *stmt, const char *names, int *next)
{
	const char *p = names;

	for (;;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		sqlite3_bind_text(stmt, (*next)++, p, (int)len, SQLITE_TRANSIENT);
		if (!bar)
			break;
		p = bar + 1;
	}
}

char *json_doc_value(struct json_doc *doc, const char *path)
{
	struct strbuf sql;
	sqlite3_stmt *stmt;
	char *value = NULL;
	int param = 2;

	strbuf_init(&sql);
	strbuf_puts(&sql, "SELECT ");
	field_sql(&sql, "?1", path, &param);
	if (sqlite3_prepare_v2(doc->db, sql.buf, -1, &stmt, NULL) == SQLITE_OK) {
		param = 2;
		sqlite3_bind_text(stmt, 1, doc->text, (int)doc->len, SQLITE_STATIC);
		bind_paths(stmt, path, &param);
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
			value = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	strbuf_done(&sql);
	return value;
}

const char *json_doc_type(struct json_doc *doc, const char *path)
{
	static const char *const types[] = {
		"object", "array", "text", "integer", "real", "true", "false", "null",
	};
	sqlite3_stmt *stmt;
	const char *type = NULL;
	size_t i;

	if (sqlite3_prepare_v2(doc->db, "SELECT json_type(?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	sqlite3_bind_text(stmt, 1, doc->text, (int)doc->len, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		const char *got = (const char *)sqlite3_column_text(stmt, 0);

		for (i = 0; i < sizeof(types) / sizeof(types[0]); i++)
			if (strcmp(got, types[i]) == 0)
				type = types[i];
	}
	sqlite3_finalize(stmt);
	return type;
}

size_t json_doc_count(struct json_doc *doc, const char *path)
{
	const char *type = json_doc_type(doc, path);
	sqlite3_stmt *stmt;
	size_t n = 0;

	if (!type)
		return 0;
	if (strcmp(type, "object") == 0)
		return 1;
	if (strcmp(type, "array") != 0)
		return 0;
	if (sqlite3_prepare_v2(doc->db, "SELECT json_array_length(?1, ?2)", -1, &stmt, NULL) !=
	    SQLITE_OK)
		return 0;
	sqlite3_bind_text(stmt, 1, doc->text, (int)doc->len, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* --- cursors ------------------------------------------------------------- */

struct json_cursor {
	struct json_doc *doc;	/* (borrowed) */
	sqlite3_stmt *stmt;
	size_t count;
	const int *root;	/* (borrowed) */
	char **root_values;	/* evaluated once */
	const char **values;	/* handed out per record */
	size_t *offsets;	/* record start offsets from the scanner */
	size_t records;
	unsigned long index;
	size_t line_pos;	/* text position counted up to */
	unsigned long line_at;	/* line number at line_pos */
};

enum status json_cursor_open(struct json_doc *doc, const char *records, const char *const *paths,
			     const int *root, size_t count, struct json_cursor **out,
			     char *err, size_t errlen)
{
	struct json_cursor *c = xcalloc(1, sizeof(*c));
	const char *type = json_doc_type(doc, records);
	struct strbuf sql;
	struct scan sc;
	size_t i;
	int param = 3, any = 0;

	*out = NULL;
	c->doc = doc;
	c->count = count;
	c->root = root;
	c->root_values = xcalloc(count ? count : 1, sizeof(*c->root_values));
	c->values = xcalloc(count ? count : 1, sizeof(*c->values));
	c->line_at = 1;
	for (i = 0; i < count; i++)
		if (root && root[i])
			c->root_values[i] = json_doc_value(doc, paths[i]);

	if (!type || (strcmp(type, "array") != 0 && strcmp(type, "object") != 0)) {
		snprintf(err, errlen, "no list of records at %s", records);
		json_cursor_free(c);
		return STATUS_FORMAT;
	}
	if (scan_document(&sc, doc->text, doc->len, records)) {
		c->offsets = sc.offsets;
		c->records = sc.count;
	} else {
		free(sc.offsets);
	}

	strbuf_init(&sql);
	strbuf_puts(&sql, "SELECT ");
	for (i = 0; i < count; i++) {
		if (root && root[i])
			continue;
		if (any++)
			strbuf_puts(&sql, ", ");
		/* Qualified: inside field_sql's subquery a bare "value" is json_each's own. */
		field_sql(&sql, "rec.value", paths[i], &param);
	}
	if (!any)
		strbuf_puts(&sql, "1");
	if (strcmp(type, "array") == 0)
		strbuf_puts(&sql, " FROM json_each(?1, ?2) AS rec");
	else
		strbuf_puts(&sql, " FROM json_each(json_array(json(json_extract(?1, ?2)))) AS rec");
	if (sqlite3_prepare_v2(doc->db, sql.buf, -1, &c->stmt, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "internal error reading JSON: %s", sqlite3_errmsg(doc->db));
		strbuf_done(&sql);
		json_cursor_free(c);
		return STATUS_FORMAT;
	}
	strbuf_done(&sql);
	sqlite3_bind_text(c->stmt, 1, doc->text, (int)doc->len, SQLITE_STATIC);
	sqlite3_bind_text(c->stmt, 2, records, -1, SQLITE_TRANSIENT);
	param = 3;
	for (i = 0; i < count; i++)
		if (!(root && root[i]))
			bind_paths(c->stmt, paths[i], &param);
	*out = c;
	return STATUS_OK;
}

enum status json_cursor_next(struct json_cursor *c, const char *const **values,
			     unsigned long *index, unsigned long *line)
{
	int rc = sqlite3_step(c->stmt), col = 0;
	size_t i;

	if (rc == SQLITE_DONE)
		return STATUS_NOT_FOUND;
	if (rc != SQLITE_ROW)
		return STATUS_FORMAT;
	for (i = 0; i < c->count; i++) {
		const char *v;

		if (c->root && c->root[i]) {
			v = c->root_values[i];
		} else {
			v = (const char *)sqlite3_column_text(c->stmt, col++);
		}
		c->values[i] = v ? v : "";
	}
	*values = c->values;
	*index = c->index;
	*line = 0;
	if (c->index < c->records) {
		size_t to = c->offsets[c->index];

		for (; c->line_pos < to; c->line_pos++)
			if (c->doc->text[c->line_pos] == '\n')
				c->line_at++;
		*line = c->line_at;
	}
	c->index++;
	return STATUS_OK;
}

void json_cursor_free(struct json_cursor *c)
{
	size_t i;

	if (!c)
		return;
	sqlite3_finalize(c->stmt);
	for (i = 0; i < c->count; i++)
		free(c->root_values[i]);
	free(c->root_values);
	free(c->values);
	free(c->offsets);
	free(c);
}
