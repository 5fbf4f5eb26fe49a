/* test_json_reader.c - JSON documents and record cursors over SQLite's JSON functions. */
#include "check.h"
#include "json_ahead.h"
#include "json_reader.h"
#include "mem.h"

/* The message for an invalid document, or "valid". */
static const char *syntax(const char *text)
{
	static char err[256];
	struct json_doc *doc;

	err[0] = '\0';
	if (json_doc_open(text, strlen(text), &doc, err, sizeof(err)) == STATUS_OK) {
		json_doc_free(doc);
		return "valid";
	}
	CHECK(doc == NULL);
	return err;
}

TEST(syntax_errors)
{
	CHECK_STR(syntax("{\n  \"a\": 1,\n  \"b\": tru\n}"),
		  "3:8: not valid JSON: an unexpected character");
	CHECK_STR(syntax("[1,2,]"), "1:6: not valid JSON: an unexpected character");
	CHECK_STR(syntax("[1 2]"), "1:4: not valid JSON: expected ',' or ']' in a list");
	CHECK_STR(syntax("{\"a\" 1}"), "1:6: not valid JSON: expected ':' after a name");
	CHECK_STR(syntax("{a: 1}"), "1:2: not valid JSON: expected a quoted name in an object");
	CHECK_STR(syntax("{\"a\": 1 \"b\": 2}"),
		  "1:9: not valid JSON: expected ',' or '}' in an object");
	CHECK_STR(syntax("{\"a\": 1"), "1:8: not valid JSON: the document ends inside an object");
	CHECK_STR(syntax("[1,\n2"), "2:2: not valid JSON: the document ends inside a list");
	CHECK_STR(syntax("{\"a\": \"abc"), "1:11: not valid JSON: a string that is never closed");
	CHECK_STR(syntax(""), "1:1: not valid JSON: the document ends where a value should be");
	CHECK_STR(syntax("  \n "), "2:2: not valid JSON: the document ends where a value should be");
	CHECK_STR(syntax("{} x"), "1:4: not valid JSON: more text after the end of the document");
	CHECK_STR(syntax("[01]"), "1:3: not valid JSON: expected ',' or ']' in a list");
	CHECK_STR(syntax("[-]"), "1:3: not valid JSON: a badly formed number");
	CHECK_STR(syntax("[1.]"), "1:4: not valid JSON: a badly formed number");
	CHECK_STR(syntax("[1e+]"), "1:5: not valid JSON: a badly formed number");
	CHECK_STR(syntax("[\"\\x\"]"), "1:3: not valid JSON: a bad escape in a string");
	CHECK_STR(syntax("[\"\\u12g4\"]"), "1:3: not valid JSON: a bad \\u escape");
	CHECK_STR(syntax("[\"tab\there\"]"), "1:6: not valid JSON: a control character inside a "
						 "string");
	CHECK_STR(syntax("[nul]"), "1:2: not valid JSON: an unexpected character");
	CHECK_STR(syntax("{'a': 1}"), "1:2: not valid JSON: expected a quoted name in an object");
	/* Columns count characters, not bytes. */
	CHECK_STR(syntax("[\"caf\xc3\xa9\", x]"), "1:10: not valid JSON: an unexpected character");
	/* CRLF line ends count once. */
	CHECK_STR(syntax("[\r\n1,\r\n?]"), "3:1: not valid JSON: an unexpected character");

	CHECK_STR(syntax("{}"), "valid");
	CHECK_STR(syntax(" [ ] "), "valid");
	CHECK_STR(syntax("\"just a string\""), "valid");
	CHECK_STR(syntax("-0.5e-3"), "valid");
	CHECK_STR(syntax("[true, false, null, 0, -1, 2.5E+10, \"\\u00e9\\n\\\"\"]"), "valid");
}

static char *nested(size_t depth)
{
	char *s = xmalloc(2 * depth + 1);

	memset(s, '[', depth);
	memset(s + depth, ']', depth);
	s[2 * depth] = '\0';
	return s;
}

TEST(nesting_limit)
{
	char *s;

	s = nested(500);
	CHECK_STR(syntax(s), "valid");
	free(s);
	s = nested(501);
	CHECK_STR(syntax(s), "1:501: not valid JSON: lists and objects nested too deeply");
	free(s);
	/* Far deeper than any stack would take by recursion. */
	s = nested(200000);
	CHECK_CONTAINS(syntax(s), "nested too deeply");
	free(s);
}

/* All records of text at `records` as "LINE:v1|v2...\n"; the status of the open. */
static enum status records_of(const char *text, const char *records, const char *const *paths,
			      const int *root, size_t count, struct strbuf *out, char *err,
			      size_t errlen)
{
	struct json_doc *doc;
	struct json_cursor *c;
	enum status rc;
	const char *const *values;
	unsigned long index, line, expect = 0;

	strbuf_init(out);
	rc = json_doc_open(text, strlen(text), &doc, err, errlen);
	if (rc != STATUS_OK)
		return rc;
	rc = json_cursor_open(doc, records, paths, root, count, &c, err, errlen);
	if (rc != STATUS_OK) {
		json_doc_free(doc);
		return rc;
	}
	while ((rc = json_cursor_next(c, &values, &index, &line)) == STATUS_OK) {
		size_t k;

		CHECK_INT(index, expect);
		expect++;
		strbuf_printf(out, "%lu:", line);
		for (k = 0; k < count; k++)
			strbuf_printf(out, "%s%s", k ? "/" : "", values[k]);
		strbuf_putc(out, '\n');
	}
	CHECK_INT(rc, STATUS_NOT_FOUND);
	json_cursor_free(c);
	json_doc_free(doc);
	return STATUS_OK;
}

TEST(records_at_root)
{
	static const char *const paths[] = { "$.name", "$.level" };
	struct strbuf out;
	char err[256];

	CHECK_INT(records_of("[\n"
			     "  {\"name\": \"Chef\", \"level\": 2},\n"
			     "  {\"name\": \"Baker\",\n"
			     "   \"level\": 3.5},\n"
			     "  {\"level\": null}, {\"name\": \"Software developer\", \"level\": \"4\"}\n"
			     "]",
			     "$", paths, NULL, 2, &out, err, sizeof(err)),
		  STATUS_OK);
	CHECK_STR(out.buf, "2:Chef/2\n3:Baker/3.5\n5:/\n5:Software developer/4\n");
	strbuf_done(&out);

	/* A single object at the root is one record. */
	CHECK_INT(records_of("\n\n{\"name\": \"Chef\", \"level\": 2}", "$", paths, NULL, 2, &out,
			     err, sizeof(err)),
		  STATUS_OK);
	CHECK_STR(out.buf, "3:Chef/2\n");
	strbuf_done(&out);

	/* An empty list: no records, not an error. */
	CHECK_INT(records_of("[]", "$", paths, NULL, 2, &out, err, sizeof(err)), STATUS_OK);
	CHECK_STR(out.buf, "");
	strbuf_done(&out);

	/* Scalars are not records. */
	CHECK_INT(records_of("\"text\"", "$", paths, NULL, 2, &out, err, sizeof(err)),
		  STATUS_FORMAT);
	CHECK_STR(err, "no list of records at $");
	strbuf_done(&out);
}

TEST(records_at_a_path)
{
	static const char *const paths[] = { "$.title", "$.wage.wageAmount" };
	static const char text[] =
		"{\n"
		"  \"total\": 3,\n"
		"  \"title\": \"not a record\",\n"
		"  \"data\": {\n"
		"    \"vacancies\": [\n"
		"      {\"title\": \"Apprentice chef\", \"wage\": {\"wageAmount\": 12000.5}},\n"
		"      {\"title\": \"Apprentice baker\",\n"
		"       \"wage\": {\"wageType\": \"NationalMinimumWage\"}},\n"
		"      {\"title\": \"Apprentice [list] {not} \\\"nested\\\"\", \"wage\": {\"wageAmount\": 0}}\n"
		"    ],\n"
		"    \"other\": [{\"title\": \"not a record either\"}]\n"
		"  }\n"
		"}\n";
	struct strbuf out;
	char err[256];

	CHECK_INT(records_of(text, "$.data.vacancies", paths, NULL, 2, &out, err, sizeof(err)),
		  STATUS_OK);
	CHECK_STR(out.buf, "6:Apprentice chef/12000.5\n7:Apprentice baker/\n"
			   "9:Apprentice [list] {not} \"nested\"/0\n");
	strbuf_done(&out);

	/* An object at the path is one record. */
	CHECK_INT(records_of("{\"a\": {\"b\": {\"title\": \"only\"}}}", "$.a.b", paths, NULL, 2, &out,
			     err, sizeof(err)),
		  STATUS_OK);
	CHECK_STR(out.buf, "1:only/\n");
	strbuf_done(&out);

	/* Nothing at the path. */
	CHECK_INT(records_of(text, "$.data.missing", paths, NULL, 2, &out, err, sizeof(err)),
		  STATUS_FORMAT);
	CHECK_STR(err, "no list of records at $.data.missing");
	strbuf_done(&out);
	CHECK_INT(records_of(text, "$.total", paths, NULL, 2, &out, err, sizeof(err)),
		  STATUS_FORMAT);
	strbuf_done(&out);
}

TEST(alternatives_and_arrays)
{
	static const char *const paths[] = { "$.code|$.reference|$.ref", "$.tags", "$.place" };
	static const char text[] =
		"[{\"code\": \"A1\", \"reference\": \"R1\", \"tags\": [\"x\", \"y\", 3, null, {\"o\": 1}, [2]]},\n"
		" {\"reference\": \"R2\", \"tags\": [], \"place\": {\"town\": \"Doncaster\"}},\n"
		" {\"ref\": 7, \"tags\": \"single\", \"place\": [1, 2]},\n"
		" {\"code\": null, \"ref\": \"R4\", \"tags\": [true, false, 1.5]},\n"
		" {}]";
	struct strbuf out;
	char err[256];

	CHECK_INT(records_of(text, "$", paths, NULL, 3, &out, err, sizeof(err)), STATUS_OK);
	CHECK_STR(out.buf, "1:A1/x|y|3/\n"
			   "2:R2//{\"town\":\"Doncaster\"}\n"
			   "3:7/single/1|2\n"
			   "4:R4/1|0|1.5/\n"
			   "5://\n");
	strbuf_done(&out);
}

TEST(root_fields)
{
	static const char *const paths[] = { "$.name", "$.meta.published", "$.meta.licence|$.licence" };
	static const int root[] = { 0, 1, 1 };
	static const char text[] =
		"{\"meta\": {\"published\": \"2026-10-14\"}, \"licence\": \"OGL\",\n"
		" \"items\": [{\"name\": \"a\", \"meta\": {\"published\": \"not this\"}}, {\"name\": \"b\"}]}";
	struct strbuf out;
	char err[256];

	CHECK_INT(records_of(text, "$.items", paths, root, 3, &out, err, sizeof(err)), STATUS_OK);
	CHECK_STR(out.buf, "2:a/2026-10-14/OGL\n2:b/2026-10-14/OGL\n");
	strbuf_done(&out);
}

TEST(text_values)
{
	static const char *const paths[] = { "$.s" };
	struct strbuf out;
	char err[256];

	CHECK_INT(records_of("[{\"s\": \"caf\\u00e9 \\ud83d\\ude00\\ttab\\/slash\"}]", "$", paths, NULL,
			     1, &out, err, sizeof(err)),
		  STATUS_OK);
	CHECK_STR(out.buf, "1:caf\xc3\xa9 \xf0\x9f\x98\x80\ttab/slash\n");
	strbuf_done(&out);

	CHECK_INT(records_of("[{\"s\": \"line\\none\"}, {\"s\": -12}, {\"s\": 1e2}]", "$", paths, NULL,
			     1, &out, err, sizeof(err)),
		  STATUS_OK);
	CHECK_STR(out.buf, "1:line\none\n1:-12\n1:100.0\n");
	strbuf_done(&out);
}

TEST(document_queries)
{
	static const char text[] = "{\"a\": {\"b\": [1, 2, 3], \"c\": \"x\", \"d\": null, \"e\": true,"
				   " \"f\": 1.5, \"g\": {}}, \"list\": [\"p\", \"q\"]}";
	struct json_doc *doc;
	char err[256], *v;

	CHECK_INT(json_doc_open(text, strlen(text), &doc, err, sizeof(err)), STATUS_OK);
	if (!doc)
		return;
	CHECK_STR(json_doc_type(doc, "$"), "object");
	CHECK_STR(json_doc_type(doc, "$.a.b"), "array");
	CHECK_STR(json_doc_type(doc, "$.a.b[0]"), "integer");
	CHECK_STR(json_doc_type(doc, "$.a.c"), "text");
	CHECK_STR(json_doc_type(doc, "$.a.d"), "null");
	CHECK_STR(json_doc_type(doc, "$.a.e"), "true");
	CHECK_STR(json_doc_type(doc, "$.a.f"), "real");
	CHECK_STR(json_doc_type(doc, "$.missing"), NULL);
	CHECK_STR(json_doc_type(doc, "not a path"), NULL);

	CHECK_INT(json_doc_count(doc, "$.a.b"), 3);
	CHECK_INT(json_doc_count(doc, "$.a"), 1);
	CHECK_INT(json_doc_count(doc, "$.a.c"), 0);
	CHECK_INT(json_doc_count(doc, "$.missing"), 0);

	v = json_doc_value(doc, "$.a.b");
	CHECK_STR(v, "1|2|3");
	free(v);
	v = json_doc_value(doc, "$.a.c");
	CHECK_STR(v, "x");
	free(v);
	v = json_doc_value(doc, "$.nothing|$.list");
	CHECK_STR(v, "p|q");
	free(v);
	CHECK_STR(json_doc_value(doc, "$.a.d"), NULL);
	CHECK_STR(json_doc_value(doc, "$.missing"), NULL);
	json_doc_free(doc);
}

/* Many records: every line number right, counted incrementally. */
TEST(many_records)
{
	static const char *const paths[] = { "$.n" };
	struct strbuf text, want, out;
	char err[256];
	unsigned long i;

	strbuf_init(&text);
	strbuf_init(&want);
	strbuf_puts(&text, "{\"results\": [\n");
	for (i = 0; i < 5000; i++) {
		strbuf_printf(&text, "%s{\"n\": %lu%s}", i ? ",\n" : "", i, i % 3 ? "" : ",\n\"x\": 0");
		/* Records before this one took a line each, and every third one two. */
		strbuf_printf(&want, "%lu:%lu\n", 2 + i + (i + 2) / 3, i);
	}
	strbuf_puts(&text, "\n]}\n");
	CHECK_INT(records_of(text.buf, "$.results", paths, NULL, 1, &out, err, sizeof(err)),
		  STATUS_OK);
	CHECK(strcmp(out.buf, want.buf) == 0);
	strbuf_done(&out);
	strbuf_done(&text);
	strbuf_done(&want);
}

/*
 * What the build's detection leans on: types asked together and
 * remembered, an absent path answered without a parse, and a record
 * handed out again after json_cursor_unread().
 */
TEST(detection_helpers)
{
	static const char text[] = "{\"items\": [{\"t\": \"A\", \"o\": {\"k\": 1}, \"b\": true},"
				   " {\"t\": \"B\", \"n\": null}]}";
	static const char *const ask[] = { "$.items", "$.items[0].t", "$.nope", "$.items" };
	static const char *const paths[] = { "$.t", "$.o", "$.b", "$.n|$.t" };
	struct json_doc *doc;
	struct json_cursor *c;
	const char *const *values;
	unsigned long index, line;
	char err[256];

	CHECK_INT(json_doc_open(text, strlen(text), &doc, err, sizeof(err)), STATUS_OK);
	json_doc_types(doc, ask, 4);
	CHECK_STR(json_doc_type(doc, "$.items"), "array");
	CHECK_STR(json_doc_type(doc, "$.items[0].t"), "text");
	CHECK_STR(json_doc_type(doc, "$.nope"), NULL);
	CHECK_STR(json_doc_value(doc, "$.nope"), NULL);
	CHECK_STR(json_doc_type(doc, "$.items[1].n"), "null");
	CHECK_INT(json_cursor_open(doc, "$.items", paths, NULL, 4, &c, err, sizeof(err)), STATUS_OK);
	CHECK_INT(json_cursor_next(c, &values, &index, &line), STATUS_OK);
	CHECK_STR(values[0], "A");
	CHECK_STR(values[1], "{\"k\":1}");
	CHECK_STR(values[2], "1");
	CHECK_STR(values[3], "A");
	json_cursor_unread(c);
	CHECK_INT(json_cursor_next(c, &values, &index, &line), STATUS_OK);
	CHECK_INT(index, 0);
	CHECK_STR(values[0], "A");
	CHECK_INT(json_cursor_next(c, &values, &index, &line), STATUS_OK);
	CHECK_INT(index, 1);
	CHECK_STR(values[0], "B");
	CHECK_STR(values[1], "");
	/* A null in the first alternative falls through to the second. */
	CHECK_STR(values[3], "B");
	CHECK_INT(json_cursor_next(c, &values, &index, &line), STATUS_NOT_FOUND);
	json_cursor_free(c);
	json_doc_free(doc);
}

/* More paths than one SQL function call takes: every value still in its place. */
TEST(many_paths)
{
	struct strbuf text, out, want;
	char *names[250];
	const char *paths[250];
	char err[256];
	size_t i;

	strbuf_init(&text);
	strbuf_init(&want);
	strbuf_puts(&text, "[{");
	for (i = 0; i < 250; i++) {
		if (i % 7 != 3)
			strbuf_printf(&text, "%s\"f%zu\": %zu", text.len > 2 ? ", " : "", i, i * 3);
		names[i] = xasprintf("$.f%zu", i);
		paths[i] = names[i];
		strbuf_printf(&want, "%s", i ? "/" : "1:");
		if (i % 7 != 3)
			strbuf_printf(&want, "%zu", i * 3);
	}
	strbuf_puts(&text, "}]");
	strbuf_putc(&want, '\n');
	CHECK_INT(records_of(text.buf, "$", paths, NULL, 250, &out, err, sizeof(err)), STATUS_OK);
	CHECK_STR(out.buf, want.buf);
	for (i = 0; i < 250; i++)
		free(names[i]);
	strbuf_done(&out);
	strbuf_done(&text);
	strbuf_done(&want);
}

/*
 * A record (or a value looked at from the root) too big to hand to
 * SQLite's parser, which needs 16 bytes a value: refused with where it is,
 * so no JSON document costs more memory than its own text and one record.
 */
TEST(records_too_big_to_parse)
{
	static const char *const paths[] = { "$" };
	struct json_doc *doc;
	struct json_cursor *c;
	const char *const *values;
	unsigned long index, line;
	struct strbuf text;
	char err[256];
	size_t i;

	strbuf_init(&text);
	strbuf_puts(&text, "[{\"ok\": 1},\n{\"many\": [");
	for (i = 0; i <= JSON_MAX_RECORD_VALUES; i++)
		strbuf_puts(&text, i ? ",0" : "0");
	strbuf_puts(&text, "]}, {\"ok\": 2}]");
	CHECK_INT(json_doc_open(text.buf, text.len, &doc, err, sizeof(err)), STATUS_OK);
	CHECK_INT(json_cursor_open(doc, "$", paths, NULL, 1, &c, err, sizeof(err)), STATUS_OK);
	CHECK_INT(json_cursor_next(c, &values, &index, &line), STATUS_OK);
	CHECK_INT(json_cursor_next(c, &values, &index, &line), STATUS_FORMAT);
	CHECK_CONTAINS(json_cursor_error(c), "record 2 (line 2) has more than 1000000 values");
	/* The whole document is never handed to SQLite: a root value that big is not read. */
	CHECK_STR(json_doc_value(doc, "$[1].many"), NULL);
	CHECK_STR(json_doc_type(doc, "$[1].many"), "array");
	json_cursor_free(c);
	json_doc_free(doc);
	strbuf_done(&text);
}

/*
 * Records read ahead (json_ahead), in a thread or not: the same values,
 * indexes and lines as the cursor gives, over many batches, and the same
 * error where a record cannot be read, after the records before it.
 */
static void read_all(const char *text, int ahead, int thread, struct strbuf *out)
{
	static const char *const paths[] = { "$.n", "$.t", "$.list" };
	struct json_doc *doc;
	struct json_cursor *c;
	struct json_ahead *a = NULL;
	const char *const *values;
	unsigned long index, line;
	char err[256];
	enum status rc;

	CHECK_INT(json_doc_open(text, strlen(text), &doc, err, sizeof(err)), STATUS_OK);
	CHECK_INT(json_cursor_open(doc, "$", paths, NULL, 3, &c, err, sizeof(err)), STATUS_OK);
	if (ahead)
		a = json_ahead_start(c, 3, thread);
	while ((rc = a ? json_ahead_next(a, &values, &index, &line) :
		     json_cursor_next(c, &values, &index, &line)) == STATUS_OK)
		strbuf_printf(out, "%lu@%lu:%s|%s|%s\n", index, line, values[0], values[1], values[2]);
	strbuf_printf(out, "end %d: %s\n", (int)rc,
		      rc == STATUS_NOT_FOUND ? "" : a ? json_ahead_error(a) : json_cursor_error(c));
	if (a) {
		/* The same answer again after the end. */
		CHECK_INT(json_ahead_next(a, &values, &index, &line), rc);
		json_ahead_stop(a);
	}
	json_cursor_free(c);
	json_doc_free(doc);
}

TEST(read_ahead)
{
	struct strbuf text, want, got;
	size_t i, bad;

	for (bad = 0; bad < 2; bad++) {
		strbuf_init(&text);
		strbuf_puts(&text, "[");
		for (i = 0; i < 1000; i++) {
			strbuf_printf(&text, "%s{\"n\": %zu, \"t\": \"r\\u00e9cord %zu\", "
				      "\"list\": [%zu, \"x\"]}", i ? ",\n" : "", i, i, i % 7);
			if (bad && i == 700) {
				size_t k;

				strbuf_puts(&text, ",\n{\"many\": [");
				for (k = 0; k <= JSON_MAX_RECORD_VALUES; k++)
					strbuf_puts(&text, k ? ",0" : "0");
				strbuf_puts(&text, "]}");
			}
		}
		strbuf_puts(&text, "]");
		strbuf_init(&want);
		read_all(text.buf, 0, 0, &want);
		CHECK_CONTAINS(want.buf, bad ? "has more than" : "999@1000:999|r\xc3\xa9" "cord 999|5|x");
		for (i = 0; i < 2; i++) {
			strbuf_init(&got);
			read_all(text.buf, 1, (int)i, &got);
			CHECK_STR(got.buf, want.buf);
			strbuf_done(&got);
		}
		strbuf_done(&want);
		strbuf_done(&text);
	}
}

TESTS(syntax_errors, nesting_limit, records_at_root, records_at_a_path, alternatives_and_arrays,
      root_fields, text_values, document_queries, many_records,
      detection_helpers, many_paths, records_too_big_to_parse, read_ahead)
