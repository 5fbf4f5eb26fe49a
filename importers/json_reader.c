/*
 * json_reader.c - JSON records through SQLite's JSON functions.
 *
 * Design notes. SQLite parses values; we only scan. The scanner below
 * checks the whole document's syntax once (so an error can name its line
 * and column), and afterwards finds things in the text: the value at a
 * path ("$.results[0].title") is located by walking the text, the members
 * of each object walked into indexed once, and the records of a list are
 * taken one at a time, each as the span of text it occupies. SQLite only
 * ever sees one record (or one value looked up from the root): its parser
 * needs 16 bytes for every value of the text it is given, so handing it a
 * whole document of a hundred megabytes costs several hundred more; one
 * record of at most JSON_MAX_RECORD bytes and JSON_MAX_RECORD_VALUES
 * values costs little. Paths are bound as parameters, never spliced into
 * SQL.
 *
 * A cursor evaluates every field of a record in one statement bound to
 * the record's text, so each record is parsed once however many fields it
 * has; root-level fields are evaluated once per cursor, not per record.
 */
#include "json_reader.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alternatives.h"
#include "json_scan.h"
#include "mem.h"

/* --- finding values in the text -------------------------------------------- */

/* A value in the text: [start, end). */
struct span {
	size_t start, end;
};

/* An object walked into, with where each member is: built once, then looked up. */
struct member {
	size_t name, name_len;	/* the name's text inside its quotes */
	struct span value;
};

struct object_index {
	size_t start;
	struct member *members;
	size_t count;
};

/* What is at a path, remembered: the text never changes. */
struct known {
	char *path;
	int found;		/* 1: at span; 0: nothing there; -1: not a path */
	struct span span;
};

struct json_doc {
	const char *text;	/* (borrowed) */
	size_t len;
	struct span root;
	sqlite3 *db;		/* SQLite's JSON functions, on one record at a time */
	sqlite3_stmt *value_stmt;	/* a value's text, arrays of scalars joined */
	struct known *known;
	size_t known_count;
	struct object_index *objects;
	size_t object_count;
};

/* The span of the value starting at i (already checked by json_doc_open). */
static struct span value_at(const struct json_doc *doc, size_t i, size_t *values)
{
	struct json_scan sc;
	struct span v;

	json_scan_init(&sc, doc->text, doc->len, i);
	json_scan_space(&sc);
	v.start = sc.i;
	json_scan_value(&sc);
	v.end = sc.i;
	if (values)
		*values = sc.values;
	return v;
}

static struct object_index *index_object(struct json_doc *doc, size_t start)
{
	struct object_index *o;
	struct json_scan sc;
	size_t i, alloc = 0;

	for (i = 0; i < doc->object_count; i++)
		if (doc->objects[i].start == start)
			return &doc->objects[i];
	doc->objects = xrealloc(doc->objects, (doc->object_count + 1) * sizeof(*doc->objects));
	o = &doc->objects[doc->object_count++];
	memset(o, 0, sizeof(*o));
	o->start = start;
	json_scan_init(&sc, doc->text, doc->len, start + 1);
	for (;;) {
		struct member m;

		json_scan_space(&sc);
		if (sc.i >= sc.n || sc.s[sc.i] != '"')
			break;
		m.name = sc.i + 1;
		json_scan_string(&sc);
		m.name_len = sc.i - 1 - m.name;
		json_scan_space(&sc);
		sc.i++;	/* ':' */
		json_scan_space(&sc);
		m.value.start = sc.i;
		json_scan_value(&sc);
		m.value.end = sc.i;
		if (o->count == alloc) {
			alloc = alloc ? 2 * alloc : 16;
			o->members = xrealloc(o->members, alloc * sizeof(*o->members));
		}
		o->members[o->count++] = m;
		json_scan_space(&sc);
		if (sc.i < sc.n && sc.s[sc.i] == ',')
			sc.i++;
	}
	return o;
}

/* Append the UTF-8 of code point cp. */
static void put_utf8(struct strbuf *out, unsigned long cp)
{
	if (cp < 0x80) {
		strbuf_putc(out, (char)cp);
	} else if (cp < 0x800) {
		strbuf_putc(out, (char)(0xC0 | cp >> 6));
		strbuf_putc(out, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		strbuf_putc(out, (char)(0xE0 | cp >> 12));
		strbuf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
		strbuf_putc(out, (char)(0x80 | (cp & 0x3F)));
	} else {
		strbuf_putc(out, (char)(0xF0 | cp >> 18));
		strbuf_putc(out, (char)(0x80 | ((cp >> 12) & 0x3F)));
		strbuf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
		strbuf_putc(out, (char)(0x80 | (cp & 0x3F)));
	}
}

/* A member name as its text means it (escapes undone), into out. */
static void unescape_name(const char *s, size_t n, struct strbuf *out)
{
	static const char simple[] = "\"\"\\\\//b\bf\fn\nr\rt\t";
	size_t i;

	strbuf_reset(out);
	for (i = 0; i < n; i++) {
		const char *e;

		if (s[i] != '\\' || i + 1 >= n) {
			strbuf_putc(out, s[i]);
		} else if (s[i + 1] == 'u' && i + 5 < n) {
			unsigned long cp = strtoul((char[5]){ s[i + 2], s[i + 3], s[i + 4], s[i + 5], 0 },
						   NULL, 16);

			i += 5;
			if (cp >= 0xD800 && cp < 0xDC00 && i + 6 < n && s[i + 1] == '\\' &&
			    s[i + 2] == 'u') {
				unsigned long low = strtoul((char[5]){ s[i + 3], s[i + 4], s[i + 5],
								      s[i + 6], 0 }, NULL, 16);

				if (low >= 0xDC00 && low < 0xE000) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
					i += 6;
				}
			}
			put_utf8(out, cp);
		} else if ((e = strchr(simple, s[i + 1])) != NULL && (e - simple) % 2 == 0) {
			strbuf_putc(out, e[1]);
			i++;
		} else {
			strbuf_putc(out, s[i]);
		}
	}
}

/* Does member name (raw text) say name[0..len)? */
static int name_is(const struct json_doc *doc, const struct member *m, const char *name,
		   size_t len)
{
	const char *raw = doc->text + m->name;
	struct strbuf plain;
	int same;

	if (!memchr(raw, '\\', m->name_len))
		return m->name_len == len && memcmp(raw, name, len) == 0;
	strbuf_init(&plain);
	unescape_name(raw, m->name_len, &plain);
	same = plain.len == len && memcmp(plain.buf, name, len) == 0;
	strbuf_done(&plain);
	return same;
}

/*
 * One step of an SQLite JSON path from *p: ".name", ".\"quoted name\"" or
 * "[N]". 1 with the step, 0 at the end, -1 when it is not a path.
 */
static int next_step(const char **p, const char **name, size_t *len, long *index)
{
	const char *s = *p;

	if (!*s)
		return 0;
	*name = NULL;
	if (*s == '[') {
		char *end;

		*index = strtol(s + 1, &end, 10);
		if (end == s + 1 || *end != ']' || *index < 0 || s[1] == '-' || s[1] == '+')
			return -1;
		*p = end + 1;
		return 1;
	}
	if (*s != '.')
		return -1;
	s++;
	if (*s == '"') {
		const char *close = strchr(s + 1, '"');

		if (!close)
			return -1;
		*name = s + 1;
		*len = (size_t)(close - s - 1);
		*p = close + 1;
		return 1;
	}
	*name = s;
	*len = strcspn(s, ".[");
	if (!*len)
		return -1;
	*p = s + *len;
	return 1;
}

/* Where the value at path is: 1 (and *v), 0 when there is none, -1 for a malformed path. */
static int walk(struct json_doc *doc, const char *path, struct span *v)
{
	const char *p = path, *name;
	size_t len;
	long index;
	int step;

	if (!path || path[0] != '$')
		return -1;
	p++;
	*v = doc->root;
	while ((step = next_step(&p, &name, &len, &index)) > 0) {
		char open = doc->text[v->start];

		if (name) {
			struct object_index *o;
			size_t k;

			if (open != '{')
				return 0;
			o = index_object(doc, v->start);
			for (k = 0; k < o->count && !name_is(doc, &o->members[k], name, len); k++)
				;
			if (k == o->count)
				return 0;
			*v = o->members[k].value;
		} else {
			struct json_scan sc;
			long k;

			if (open != '[')
				return 0;
			json_scan_init(&sc, doc->text, v->end, v->start + 1);
			for (k = 0;; k++) {
				json_scan_space(&sc);
				if (sc.i >= sc.n || sc.s[sc.i] == ']')
					return 0;
				if (k == index)
					break;
				json_scan_value(&sc);
				json_scan_space(&sc);
				sc.i++;	/* ',' */
			}
			*v = value_at(doc, sc.i, NULL);
		}
	}
	return step < 0 ? -1 : 1;
}

/* walk(), remembered. */
static int find(struct json_doc *doc, const char *path, struct span *v)
{
	struct known *k;
	size_t i;

	for (i = 0; i < doc->known_count; i++)
		if (strcmp(doc->known[i].path, path) == 0) {
			*v = doc->known[i].span;
			return doc->known[i].found;
		}
	doc->known = xrealloc(doc->known, (doc->known_count + 1) * sizeof(*doc->known));
	k = &doc->known[doc->known_count++];
	k->path = xstrdup(path);
	memset(&k->span, 0, sizeof(k->span));
	k->found = walk(doc, path, &k->span);
	*v = k->span;
	return k->found;
}

/* SQLite's name for the type of the value at v. */
static const char *type_of(const struct json_doc *doc, struct span v)
{
	const char *t = doc->text + v.start;

	switch (*t) {
	case '{': return "object";
	case '[': return "array";
	case '"': return "text";
	case 't': return "true";
	case 'f': return "false";
	case 'n': return "null";
	}
	return memchr(t, '.', v.end - v.start) || memchr(t, 'e', v.end - v.start) ||
	       memchr(t, 'E', v.end - v.start) ? "real" : "integer";
}

/* --- documents ----------------------------------------------------------- */

/* The text of a value, as a field gives it: arrays of scalars joined with '|', null as NULL. */
static const char value_sql[] =
	"SELECT CASE json_type(?1) WHEN 'array' THEN "
	"(SELECT group_concat(j.value, '|') FROM json_each(?1) AS j "
	"WHERE j.type NOT IN ('object', 'array', 'null')) ELSE json_extract(?1, '$') END";

enum status json_doc_open(const char *text, size_t len, struct json_doc **out,
			  char *err, size_t errlen)
{
	struct json_doc *doc;
	struct json_scan sc;

	*out = NULL;
	if (!json_scan_document(&sc, text, len)) {
		unsigned long line, col;

		json_scan_where(text, sc.i, &line, &col);
		snprintf(err, errlen, "%lu:%lu: not valid JSON: %s", line, col, sc.error);
		return STATUS_FORMAT;
	}
	doc = xcalloc(1, sizeof(*doc));
	doc->text = text;
	doc->len = len;
	doc->root = value_at(doc, 0, NULL);
	if (sqlite3_open_v2(":memory:", &doc->db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(doc->db, value_sql, -1, &doc->value_stmt, NULL) != SQLITE_OK)
		mem_fatal("cannot open an in-memory database");
	*out = doc;
	return STATUS_OK;
}

void json_doc_free(struct json_doc *doc)
{
	size_t i;

	if (!doc)
		return;
	sqlite3_finalize(doc->value_stmt);
	sqlite3_close(doc->db);
	for (i = 0; i < doc->known_count; i++)
		free(doc->known[i].path);
	free(doc->known);
	for (i = 0; i < doc->object_count; i++)
		free(doc->objects[i].members);
	free(doc->objects);
	free(doc);
}

/* Is a value of `values` values (0: count them) small enough to hand to SQLite's parser? */
static int parseable(const struct json_doc *doc, struct span v, size_t values)
{
	if (v.end - v.start > JSON_MAX_RECORD)
		return 0;
	if (!values)
		value_at(doc, v.start, &values);
	return values <= JSON_MAX_RECORD_VALUES;
}

char *json_doc_value(struct json_doc *doc, const char *path)
{
	const char *p = path;
	char *value = NULL;

	while (p && !value) {
		size_t len;
		const char *alt = next_alternative(&p, &len);
		char *one = xstrndup(alt, len);
		struct span v;

		if (find(doc, one, &v) > 0 && doc->text[v.start] != 'n' && parseable(doc, v, 0)) {
			sqlite3_stmt *st = doc->value_stmt;

			sqlite3_reset(st);
			sqlite3_bind_text(st, 1, doc->text + v.start, (int)(v.end - v.start),
					  SQLITE_STATIC);
			if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL)
				value = xstrdup((const char *)sqlite3_column_text(st, 0));
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
		}
		free(one);
	}
	return value;
}

void json_doc_types(struct json_doc *doc, const char *const *paths, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		json_doc_type(doc, paths[i]);
}

const char *json_doc_type(struct json_doc *doc, const char *path)
{
	struct span v;

	return find(doc, path, &v) > 0 ? type_of(doc, v) : NULL;
}

size_t json_doc_count(struct json_doc *doc, const char *path)
{
	struct span v;
	struct json_scan sc;
	size_t n = 0;

	if (find(doc, path, &v) <= 0)
		return 0;
	if (doc->text[v.start] == '{')
		return 1;
	if (doc->text[v.start] != '[')
		return 0;
	json_scan_init(&sc, doc->text, v.end, v.start + 1);
	for (;;) {
		json_scan_space(&sc);
		if (sc.i >= sc.n || sc.s[sc.i] == ']')
			return n;
		json_scan_value(&sc);
		n++;
		json_scan_space(&sc);
		sc.i++;	/* ',' */
	}
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
	struct span list;	/* the records: a list, or the one object */
	int one_object;
	size_t next_at;		/* where the next record of the list starts */
	int ended;
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
	unsigned long index;
	unsigned long line;	/* of the record handed out last */
	int again;		/* json_cursor_unread(): hand it out once more */
	size_t line_pos;	/* text position counted up to */
	unsigned long line_at;	/* line number at line_pos */
	char error[200];
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

/*
 * Bind each '|'-separated alternative of names from parameter *next (as a
 * C string with its NUL, so SQLite's JSON functions need not copy it).
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

enum status json_cursor_open(struct json_doc *doc, const char *records, const char *const *paths,
			     const int *root, size_t count, struct json_cursor **out,
			     char *err, size_t errlen)
{
	struct json_cursor *c = xcalloc(1, sizeof(*c));
	struct strbuf sql;
	size_t i;
	int param = 2, found = find(doc, records, &c->list);

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

	if (found <= 0 || (doc->text[c->list.start] != '[' && doc->text[c->list.start] != '{')) {
		snprintf(err, errlen, "no list of records at %s", records);
		json_cursor_free(c);
		return STATUS_FORMAT;
	}
	/* An object at the path is the one record. */
	c->one_object = doc->text[c->list.start] == '{';
	c->next_at = c->list.start + (c->one_object ? 0 : 1);
	strbuf_init(&sql);
	fields_sql(&sql, c->paths);
	if (c->paths && sqlite3_prepare_v2(doc->db, sql.buf, -1, &c->fields, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "internal error reading JSON: %s", sqlite3_errmsg(doc->db));
		strbuf_done(&sql);
		json_cursor_free(c);
		return STATUS_FORMAT;
	}
	strbuf_done(&sql);
	for (i = 0; i < count; i++)
		if (!c->root[i])
			bind_paths(c->fields, paths[i], &param);
	*out = c;
	return STATUS_OK;
}

/* The next record's span and how many values it has; 0 at the end of the list. */
static int next_record(struct json_cursor *c, struct span *r, size_t *values)
{
	struct json_scan sc;

	if (c->ended)
		return 0;
	if (c->one_object) {
		c->ended = 1;
		*r = value_at(c->doc, c->list.start, values);
		return 1;
	}
	json_scan_init(&sc, c->doc->text, c->list.end, c->next_at);
	json_scan_space(&sc);
	if (sc.i >= sc.n || sc.s[sc.i] == ']') {
		c->ended = 1;
		return 0;
	}
	*r = value_at(c->doc, sc.i, values);
	sc.i = r->end;
	json_scan_space(&sc);
	if (sc.i < sc.n && sc.s[sc.i] == ',')
		sc.i++;
	c->next_at = sc.i;
	return 1;
}

/* The line a text position is on, counting on from the last one asked (positions only grow). */
static unsigned long line_of(struct json_cursor *c, size_t to)
{
	const char *nl;

	while (c->line_pos < to &&
	       (nl = memchr(c->doc->text + c->line_pos, '\n', to - c->line_pos)) != NULL) {
		c->line_at++;
		c->line_pos = (size_t)(nl - c->doc->text) + 1;
	}
	if (c->line_pos < to)
		c->line_pos = to;
	return c->line_at;
}

/* Collect the values at every path of record r; 0 on an SQL error. */
static int read_fields(struct json_cursor *c, struct span r)
{
	size_t i;
	int rc;

	for (i = 0; i < c->paths; i++)
		c->at[i] = NO_VALUE;
	strbuf_reset(&c->found);
	if (!c->fields)
		return 1;
	sqlite3_reset(c->fields);
	sqlite3_bind_text(c->fields, 1, c->doc->text + r.start, (int)(r.end - r.start),
			  SQLITE_STATIC);
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
	sqlite3_reset(c->fields);
	return rc == SQLITE_DONE;
}

enum status json_cursor_next(struct json_cursor *c, const char *const **values,
			     unsigned long *index, unsigned long *line)
{
	struct span r;
	size_t i, k, count = 0;

	if (c->again) {
		c->again = 0;
		*values = c->values;
		*index = c->index - 1;
		*line = c->line;
		return STATUS_OK;
	}
	*index = c->index;
	*line = 0;
	if (!next_record(c, &r, &count))
		return STATUS_NOT_FOUND;
	c->line = *line = line_of(c, r.start);
	if (!parseable(c->doc, r, count)) {
		snprintf(c->error, sizeof(c->error), r.end - r.start > JSON_MAX_RECORD ?
			 "record %lu (line %lu) is larger than %u MiB" :
			 "record %lu (line %lu) has more than %u values", c->index + 1, c->line,
			 r.end - r.start > JSON_MAX_RECORD ? JSON_MAX_RECORD / (1024 * 1024) :
			 JSON_MAX_RECORD_VALUES);
		return STATUS_FORMAT;
	}
	if (!read_fields(c, r)) {
		snprintf(c->error, sizeof(c->error), "record %lu (line %lu) could not be read: %s",
			 c->index + 1, c->line, sqlite3_errmsg(c->doc->db));
		return STATUS_FORMAT;
	}
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
	c->index++;
	return STATUS_OK;
}

void json_cursor_unread(struct json_cursor *c)
{
	if (c->index > 0)
		c->again = 1;
}

const char *json_cursor_error(const struct json_cursor *c)
{
	return c->error;
}

void json_cursor_free(struct json_cursor *c)
{
	size_t i;

	if (!c)
		return;
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
	free(c);
}
