/*
 * json_reader.c - JSON records through SQLite's JSON functions.
 *
 * Design notes. SQLite parses; we only scan. The scanner below checks the
 * syntax (so an error can name its line and column) and records where each
 * record of the requested array starts (so rejected rows can name their
 * line). Paths are bound as parameters, never spliced into SQL.
 *
 * What costs time is SQLite parsing text again. Within one run of one
 * statement its JSON functions share a small cache of parsed documents,
 * but every new statement, and every new value handed to them, means a
 * new parse. So: questions about the document are asked together in one
 * statement (json_doc_types) and their answers remembered; a cursor takes
 * each record's text once from json_each() and evaluates every field of
 * it in a second statement, bound to that text, so each record is parsed
 * once however many fields it has; and root-level fields are evaluated
 * once per cursor, not per record.
 */
#include "json_reader.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alternatives.h"
#include "mem.h"

#define MAX_DEPTH 500
#define MAX_PATH_PARTS 8

/* The type found at a path, remembered: the text never changes. */
struct known_type {
	char *path;
	const char *type;	/* one of types[] below, or NULL when absent */
};

struct json_doc {
	const char *text;	/* (borrowed) */
	size_t len;
	sqlite3 *db;
	struct known_type *known;
	size_t known_count;
};

static const char *const types[] = {
	"object", "array", "text", "integer", "real", "true", "false", "null",
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

/*
 * Bind the document by its terminator, not its length: SQLite then knows
 * it ends in a NUL and its JSON functions use it in place, where a length
 * makes each call copy the whole text first. The same text: the scanner
 * has made sure there is no NUL inside it.
 */
static void bind_doc(sqlite3_stmt *stmt, int i, const struct json_doc *doc)
{
	sqlite3_bind_text(stmt, i, doc->text, -1, SQLITE_STATIC);
}

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
		bind_doc(stmt, 1, doc);
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
	size_t i;

	if (!doc)
		return;
	sqlite3_close(doc->db);
	for (i = 0; i < doc->known_count; i++)
		free(doc->known[i].path);
	free(doc->known);
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

/*
 * Bind each '|'-separated alternative of names from parameter *next. Each
 * is bound as a C string (copied with its NUL) for the reason in
 * bind_doc(): otherwise every function call copies it again.
 */
static void bind_paths(sqlite3_stmt *stmt, const char *names, int *next)
{
	const char *p = names;

	while (p) {
		size_t len;
		const char *alt = next_alternative(&p, &len);
		char *path = xstrndup(alt, len);

		sqlite3_bind_text(stmt, (*next)++, path, -1, SQLITE_TRANSIENT);
		free(path);
	}
}

/* The remembered type at path: 1 and *type if known, else 0. */
static int known(const struct json_doc *doc, const char *path, const char **type)
{
	size_t i;

	for (i = 0; i < doc->known_count; i++)
		if (strcmp(doc->known[i].path, path) == 0) {
			*type = doc->known[i].type;
			return 1;
		}
	return 0;
}

static const char *remember(struct json_doc *doc, const char *path, const char *got)
{
	const char *type = NULL;
	size_t i;

	for (i = 0; got && i < sizeof(types) / sizeof(types[0]); i++)
		if (strcmp(got, types[i]) == 0)
			type = types[i];
	doc->known = xrealloc(doc->known, (doc->known_count + 1) * sizeof(*doc->known));
	doc->known[doc->known_count].path = xstrdup(path);
	doc->known[doc->known_count].type = type;
	doc->known_count++;
	return type;
}

/* 1 if every '|'-separated alternative of names is known to be absent. */
static int known_absent(const struct json_doc *doc, const char *names)
{
	char path[256];
	const char *p = names, *type;

	while (p) {
		size_t len;
		const char *alt = next_alternative(&p, &len);

		if (len >= sizeof(path))
			return 0;
		memcpy(path, alt, len);
		path[len] = '\0';
		if (!known(doc, path, &type) || type)
			return 0;
	}
	return 1;
}

char *json_doc_value(struct json_doc *doc, const char *path)
{
	struct strbuf sql;
	sqlite3_stmt *stmt;
	char *value = NULL;
	int param = 2;

	/* Nothing there: the query below would answer NULL, after a parse. */
	if (known_absent(doc, path))
		return NULL;
	strbuf_init(&sql);
	strbuf_puts(&sql, "SELECT ");
	field_sql(&sql, "?1", path, &param);
	if (sqlite3_prepare_v2(doc->db, sql.buf, -1, &stmt, NULL) == SQLITE_OK) {
		param = 2;
		bind_doc(stmt, 1, doc);
		bind_paths(stmt, path, &param);
		if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL)
			value = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	strbuf_done(&sql);
	return value;
}

/* At most this many paths per statement (each is a result column). */
#define TYPES_AT_ONCE 100

void json_doc_types(struct json_doc *doc, const char *const *paths, size_t count)
{
	const char *todo[TYPES_AT_ONCE], *type;
	struct strbuf sql;
	sqlite3_stmt *stmt;
	size_t i = 0, n, k;

	strbuf_init(&sql);
	while (i < count) {
		for (n = 0; i < count && n < TYPES_AT_ONCE; i++) {
			for (k = 0; k < n && strcmp(todo[k], paths[i]) != 0; k++)
				;
			if (k == n && !known(doc, paths[i], &type))
				todo[n++] = paths[i];
		}
		if (!n)
			continue;
		strbuf_reset(&sql);
		strbuf_puts(&sql, "SELECT ");
		for (k = 0; k < n; k++)
			strbuf_printf(&sql, "%sjson_type(?1, ?%zu)", k ? ", " : "", k + 2);
		if (sqlite3_prepare_v2(doc->db, sql.buf, -1, &stmt, NULL) != SQLITE_OK)
			continue;
		bind_doc(stmt, 1, doc);
		for (k = 0; k < n; k++)
			sqlite3_bind_text(stmt, (int)k + 2, todo[k], -1, SQLITE_STATIC);
		/* A malformed path fails the whole statement: those are left to json_doc_type. */
		if (sqlite3_step(stmt) == SQLITE_ROW)
			for (k = 0; k < n; k++)
				remember(doc, todo[k], (const char *)sqlite3_column_text(stmt, (int)k));
		sqlite3_finalize(stmt);
	}
	strbuf_done(&sql);
}

const char *json_doc_type(struct json_doc *doc, const char *path)
{
	sqlite3_stmt *stmt;
	const char *type = NULL;

	if (known(doc, path, &type))
		return type;
	if (sqlite3_prepare_v2(doc->db, "SELECT json_type(?1, ?2)", -1, &stmt, NULL) != SQLITE_OK)
		return NULL;
	bind_doc(stmt, 1, doc);
	sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC);
	/* A malformed path is an error, not an answer: not remembered. */
	if (sqlite3_step(stmt) == SQLITE_ROW)
		type = remember(doc, path, (const char *)sqlite3_column_text(stmt, 0));
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
	bind_doc(stmt, 1, doc);
	sqlite3_bind_text(stmt, 2, path, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = (size_t)sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* --- cursors ------------------------------------------------------------- */

/*
 * The fields of a record come from one json_extract() with every path
 * (each alternative of "a|b" is a path of its own), which answers with a
 * list of their values, read back with json_each(): one lookup of the
 * record per path instead of a json_type() and a json_extract() per path
 * and alternative. The values are those the single-path functions give:
 * each element is the value at its path, null where there is none.
 */
#define PATHS_AT_ONCE 100	/* well under SQLite's 127 arguments a function */
#define NO_VALUE ((size_t)-1)

struct json_cursor {
	struct json_doc *doc;	/* (borrowed) */
	sqlite3_stmt *records;	/* one row per record: its text */
	sqlite3_stmt *fields;	/* values at the paths of the record bound to ?1 */
	size_t count;
	int *root;		/* per field: from the document root */
	char **root_values;	/* evaluated once */
	const char **values;	/* handed out per record */
	size_t *first_path;	/* per field: its first path (and alternative) */
	size_t *path_count;	/* per field: how many; 0 for a root field */
	size_t paths;
	size_t *at;		/* per path: where its value is in `found`, or NO_VALUE */
	struct strbuf found;	/* the record's values, each ending in a NUL */
	size_t *offsets;	/* record start offsets from the scanner */
	size_t records_found;
	unsigned long index;
	unsigned long line;	/* of the record handed out last */
	int again;		/* json_cursor_unread(): hand it out once more */
	size_t line_pos;	/* text position counted up to */
	unsigned long line_at;	/* line number at line_pos */
};

/* How many '|'-separated alternatives names has. */
static size_t alternatives(const char *names)
{
	size_t n = 1;

	for (; *names; names++)
		n += *names == '|';
	return n;
}

/*
 * SQL for the values at paths ?2.. of the record ?1, as rows (path
 * number, value). A list of one would be answered as the value itself,
 * so a lone path is asked twice; the second answer is past the end.
 */
static void fields_sql(struct strbuf *sql, size_t paths)
{
	size_t start, k, n;

	for (start = 0; start < paths; start += n) {
		n = paths - start < PATHS_AT_ONCE ? paths - start : PATHS_AT_ONCE;
		if (start)
			strbuf_puts(sql, " UNION ALL ");
		strbuf_printf(sql, "SELECT e.key + %zu, CASE e.type WHEN 'array' THEN "
			      "(SELECT group_concat(j.value, '|') FROM json_each(e.value) AS j "
			      "WHERE j.type NOT IN ('object', 'array', 'null')) "
			      "WHEN 'object' THEN e.value ELSE e.atom END "
			      "FROM json_each(json_extract(?1", start);
		for (k = 0; k < n; k++)
			strbuf_printf(sql, ", ?%zu", start + k + 2);
		if (n == 1)
			strbuf_printf(sql, ", ?%zu", start + 2);
		strbuf_puts(sql, ")) AS e");
	}
}

enum status json_cursor_open(struct json_doc *doc, const char *records, const char *const *paths,
			     const int *root, size_t count, struct json_cursor **out,
			     char *err, size_t errlen)
{
	struct json_cursor *c = xcalloc(1, sizeof(*c));
	const char *type = json_doc_type(doc, records);
	const char *records_sql;
	struct strbuf sql;
	struct scan sc;
	size_t i;
	int param = 2;

	*out = NULL;
	c->doc = doc;
	c->count = count;
	c->root = xcalloc(count ? count : 1, sizeof(*c->root));
	for (i = 0; root && i < count; i++)
		c->root[i] = root[i];
	c->root_values = xcalloc(count ? count : 1, sizeof(*c->root_values));
	c->values = xcalloc(count ? count : 1, sizeof(*c->values));
	c->first_path = xcalloc(count ? count : 1, sizeof(*c->first_path));
	c->path_count = xcalloc(count ? count : 1, sizeof(*c->path_count));
	strbuf_init(&c->found);
	c->line_at = 1;
	for (i = 0; i < count; i++) {
		if (c->root[i]) {
			c->root_values[i] = json_doc_value(doc, paths[i]);
			continue;
		}
		c->first_path[i] = c->paths;
		c->path_count[i] = alternatives(paths[i]);
		c->paths += c->path_count[i];
	}
	c->at = xcalloc(c->paths ? c->paths : 1, sizeof(*c->at));

	if (!type || (strcmp(type, "array") != 0 && strcmp(type, "object") != 0)) {
		snprintf(err, errlen, "no list of records at %s", records);
		json_cursor_free(c);
		return STATUS_FORMAT;
	}
	if (scan_document(&sc, doc->text, doc->len, records)) {
		c->offsets = sc.offsets;
		c->records_found = sc.count;
	} else {
		free(sc.offsets);
	}

	/* An object at the path is the one record. */
	if (strcmp(type, "array") == 0)
		records_sql = "SELECT value FROM json_each(?1, ?2)";
	else
		records_sql = "SELECT json_extract(?1, ?2)";
	strbuf_init(&sql);
	fields_sql(&sql, c->paths);
	if (sqlite3_prepare_v2(doc->db, records_sql, -1, &c->records, NULL) != SQLITE_OK ||
	    (c->paths && sqlite3_prepare_v2(doc->db, sql.buf, -1, &c->fields, NULL) != SQLITE_OK)) {
		snprintf(err, errlen, "internal error reading JSON: %s", sqlite3_errmsg(doc->db));
		strbuf_done(&sql);
		json_cursor_free(c);
		return STATUS_FORMAT;
	}
	strbuf_done(&sql);
	bind_doc(c->records, 1, doc);
	sqlite3_bind_text(c->records, 2, records, -1, SQLITE_TRANSIENT);
	for (i = 0; i < count; i++)
		if (!c->root[i])
			bind_paths(c->fields, paths[i], &param);
	*out = c;
	return STATUS_OK;
}

/*
 * Hand the record json_each gave to the field statement as it is (NULL,
 * number or text). Text without a NUL inside is bound in place by its
 * terminator, as bind_doc() does and for the same reason; it stays valid
 * until `records` steps again, and `fields` is reset before that.
 */
static void bind_record(struct json_cursor *c)
{
	const char *text;
	int n;

	if (sqlite3_column_type(c->records, 0) == SQLITE_TEXT) {
		text = (const char *)sqlite3_column_text(c->records, 0);
		n = sqlite3_column_bytes(c->records, 0);
		if (text && !memchr(text, '\0', (size_t)n)) {
			sqlite3_bind_text(c->fields, 1, text, -1, SQLITE_STATIC);
			return;
		}
	}
	sqlite3_bind_value(c->fields, 1, sqlite3_column_value(c->records, 0));
}

/* Collect the values at every path of the current record; 0 on an SQL error. */
static int read_fields(struct json_cursor *c)
{
	size_t i;
	int rc;

	for (i = 0; i < c->paths; i++)
		c->at[i] = NO_VALUE;
	strbuf_reset(&c->found);
	if (!c->fields)
		return 1;
	bind_record(c);
	while ((rc = sqlite3_step(c->fields)) == SQLITE_ROW) {
		sqlite3_int64 k = sqlite3_column_int64(c->fields, 0);
		const char *v;
		int n;

		if (k < 0 || (size_t)k >= c->paths || sqlite3_column_type(c->fields, 1) == SQLITE_NULL)
			continue;
		v = (const char *)sqlite3_column_text(c->fields, 1);
		n = sqlite3_column_bytes(c->fields, 1);
		if (!v)
			continue;
		c->at[k] = c->found.len;
		strbuf_add(&c->found, v, (size_t)n);
		strbuf_putc(&c->found, '\0');
	}
	return rc == SQLITE_DONE;
}

enum status json_cursor_next(struct json_cursor *c, const char *const **values,
			     unsigned long *index, unsigned long *line)
{
	size_t i, k;
	int rc;

	if (c->again) {
		c->again = 0;
		*values = c->values;
		*index = c->index - 1;
		*line = c->line;
		return STATUS_OK;
	}
	*index = c->index;
	*line = 0;
	if (c->fields)
		sqlite3_reset(c->fields);
	rc = sqlite3_step(c->records);
	if (rc == SQLITE_DONE)
		return STATUS_NOT_FOUND;
	if (rc != SQLITE_ROW || !read_fields(c))
		return STATUS_FORMAT;
	for (i = 0; i < c->count; i++) {
		const char *v = NULL;

		if (c->root[i])
			v = c->root_values[i];
		/* The first alternative with a value, as COALESCE would. */
		for (k = 0; !v && k < c->path_count[i]; k++)
			if (c->at[c->first_path[i] + k] != NO_VALUE)
				v = c->found.buf + c->at[c->first_path[i] + k];
		c->values[i] = v ? v : "";
	}
	*values = c->values;
	if (c->index < c->records_found) {
		size_t to = c->offsets[c->index];
		const char *nl;

		while (c->line_pos < to &&
		       (nl = memchr(c->doc->text + c->line_pos, '\n', to - c->line_pos)) != NULL) {
			c->line_at++;
			c->line_pos = (size_t)(nl - c->doc->text) + 1;
		}
		if (c->line_pos < to)
			c->line_pos = to;
		*line = c->line_at;
	}
	c->line = *line;
	c->index++;
	return STATUS_OK;
}

void json_cursor_unread(struct json_cursor *c)
{
	if (c->index > 0)
		c->again = 1;
}

void json_cursor_free(struct json_cursor *c)
{
	size_t i;

	if (!c)
		return;
	sqlite3_finalize(c->records);
	sqlite3_finalize(c->fields);
	for (i = 0; i < c->count; i++)
		free(c->root_values[i]);
	free(c->root_values);
	free(c->root);
	free(c->values);
	free(c->first_path);
	free(c->path_count);
	free(c->at);
	strbuf_done(&c->found);
	free(c->offsets);
	free(c);
}
