/*
 * test_csv_reader.c - the CSV reader: csv-spectrum, line numbers, chunking, limits, encodings.
 *
 * Most cases render every record of an input as "LINE:field|field|..."
 * lines (with CR and LF inside fields shown as \r and \n) and compare
 * the whole rendering, so a test reads like the file it describes.
 */
#include "check.h"
#include "csv_ahead.h"
#include "csv_reader.h"
#include "json_reader.h"
#include "mem.h"
#include "textfile.h"

#define CHUNK (64 * 1024)	/* textfile's read size */

struct reading {
	struct strbuf records;	/* "LINE:f1|f2\n" per record */
	unsigned long count;
	enum status status;	/* STATUS_OK when the end was reached cleanly */
	char error[256];
	char delimiter;
	size_t replaced;
};

static void render_field(struct strbuf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\0')
			strbuf_puts(out, "\\0");
		else if (s[i] == '\r')
			strbuf_puts(out, "\\r");
		else if (s[i] == '\n')
			strbuf_puts(out, "\\n");
		else
			strbuf_putc(out, s[i]);
	}
}

/* One record as "LINE:field|field\n", its lengths checked against its text. */
static void add_record(struct reading *r, const struct csv_record *rec)
{
	size_t k;

	strbuf_printf(&r->records, "%lu:", rec->line);
	for (k = 0; k < rec->count; k++) {
		if (k)
			strbuf_putc(&r->records, '|');
		if (!memchr(rec->fields[k], '\0', rec->lengths[k]))
			CHECK_INT(strlen(rec->fields[k]), rec->lengths[k]);
		render_field(&r->records, rec->fields[k], rec->lengths[k]);
	}
	/* What the reader noticed: a NUL in a field, a quote where none belongs (1-based). */
	if (rec->nul_at)
		strbuf_printf(&r->records, " [NUL in %zu]", rec->nul_at);
	if (rec->quote_at)
		strbuf_printf(&r->records, " [stray quote in %zu]", rec->quote_at);
	strbuf_putc(&r->records, '\n');
	r->count++;
}

/* Read every record from tf into r. */
static void read_textfile(struct textfile *tf, char delimiter, struct reading *r)
{
	struct csv_reader *reader = csv_reader_new(tf, delimiter);
	struct csv_record rec;
	enum status rc;

	strbuf_init(&r->records);
	r->count = 0;
	r->error[0] = '\0';
	while ((rc = csv_reader_next(reader, &rec)) == STATUS_OK)
		add_record(r, &rec);
	r->status = rc == STATUS_NOT_FOUND ? STATUS_OK : rc;
	if (rc != STATUS_NOT_FOUND)
		snprintf(r->error, sizeof(r->error), "%s", csv_reader_error(reader));
	r->delimiter = csv_reader_delimiter(reader);
	r->replaced = textfile_replaced(tf);
	csv_reader_free(reader);
}

static void read_bytes(const void *bytes, size_t n, char delimiter, struct reading *r)
{
	struct textfile *tf = textfile_open_memory(bytes, n);

	CHECK(tf != NULL);
	if (!tf) {
		strbuf_init(&r->records);
		r->status = STATUS_IO;
		return;
	}
	read_textfile(tf, delimiter, r);
	textfile_free(tf);
}

static void read_text(const char *text, struct reading *r)
{
	read_bytes(text, strlen(text), 0, r);
}

static void reading_done(struct reading *r)
{
	strbuf_done(&r->records);
}

/* --- csv-spectrum ------------------------------------------------------ */

/* The whole of a file as UTF-8 text. */
static int slurp(const char *path, struct strbuf *out)
{
	struct textfile *tf;
	char err[256];
	int ok;

	strbuf_init(out);
	if (textfile_open(path, &tf, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "%s: %s\n", path, err);
		return 0;
	}
	ok = textfile_read_all(tf, out, err, sizeof(err)) == STATUS_OK;
	textfile_free(tf);
	return ok;
}

/*
 * Read csvs/NAME.csv and compare it, field by field, with json/NAME.json
 * (an array of objects keyed by the header, or a single object). A column
 * named in `unreliable` is not compared (the upstream JSON is wrong there).
 */
static void check_spectrum(const char *name, unsigned long want_records, const char *unreliable)
{
	char rel[256], err[256];
	const char *path;
	struct textfile *tf;
	struct csv_reader *reader;
	struct csv_record rec;
	struct strbuf json;
	struct json_doc *doc = NULL;
	struct json_cursor *cursor = NULL;
	char **header = NULL, **paths = NULL;
	size_t columns = 0, k;
	unsigned long records = 0;
	enum status rc;

	snprintf(rel, sizeof(rel), "csv-spectrum/json/%s.json", name);
	path = check_refdata(rel);
	if (!slurp(path, &json)) {
		CHECK(!"expected JSON is readable");
		strbuf_done(&json);
		return;
	}
	if (json_doc_open(json.buf, json.len, &doc, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "%s: %s\n", name, err);
		CHECK(!"expected JSON parses");
		strbuf_done(&json);
		return;
	}

	snprintf(rel, sizeof(rel), "csv-spectrum/csvs/%s.csv", name);
	path = check_refdata(rel);
	if (textfile_open(path, &tf, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "%s: %s\n", path, err);
		CHECK(!"the CSV is readable");
		json_doc_free(doc);
		strbuf_done(&json);
		return;
	}
	reader = csv_reader_new(tf, 0);
	CHECK_INT(csv_reader_delimiter(reader), ',');
	CHECK_INT(csv_reader_next(reader, &rec), STATUS_OK);
	CHECK_INT(rec.line, 1);
	columns = rec.count;
	header = xcalloc(columns, sizeof(*header));
	paths = xcalloc(columns, sizeof(*paths));
	for (k = 0; k < columns; k++) {
		header[k] = xstrdup(rec.fields[k]);
		paths[k] = xasprintf("$.\"%s\"", rec.fields[k]);
	}
	CHECK_INT(json_cursor_open(doc, "$", (const char *const *)paths, NULL, columns, &cursor,
				   err, sizeof(err)), STATUS_OK);

	while (cursor && (rc = csv_reader_next(reader, &rec)) == STATUS_OK) {
		const char *const *want;
		unsigned long index, line;

		records++;
		if (json_cursor_next(cursor, &want, &index, &line) != STATUS_OK) {
			fprintf(stderr, "%s: record %lu is not in the JSON\n", name, records);
			CHECK(!"as many records as the JSON");
			break;
		}
		CHECK_INT(rec.count, columns);
		for (k = 0; k < columns && k < rec.count; k++) {
			if (unreliable && strcmp(header[k], unreliable) == 0)
				continue;
			if (strcmp(rec.fields[k], want[k]) != 0) {
				fprintf(stderr, "%s: record %lu, %s: got \"%s\", expected \"%s\"\n",
					name, records, header[k], rec.fields[k], want[k]);
				check_failures++;
			}
		}
	}
	if (cursor) {
		const char *const *want;
		unsigned long index, line;

		CHECK_INT(rc, STATUS_NOT_FOUND);
		CHECK_INT(json_cursor_next(cursor, &want, &index, &line), STATUS_NOT_FOUND);
	}
	CHECK_INT(records, want_records);
	CHECK_INT(textfile_replaced(tf), 0);

	for (k = 0; k < columns; k++) {
		free(header[k]);
		free(paths[k]);
	}
	free(header);
	free(paths);
	json_cursor_free(cursor);
	csv_reader_free(reader);
	textfile_free(tf);
	json_doc_free(doc);
	strbuf_done(&json);
}

TEST(csv_spectrum)
{
	static const struct {
		const char *name;
		unsigned long records;
		const char *unreliable;
	} cases[] = {
		{ "comma_in_quotes", 1, NULL },
		{ "empty", 2, NULL },
		{ "empty_crlf", 2, NULL },
		{ "escaped_quotes", 2, NULL },
		{ "json", 1, NULL },
		/* Its JSON gives a different phone number from the CSV (see SOURCE.md). */
		{ "location_coordinates", 1, "Contact Phone Number" },
		{ "newlines", 3, NULL },
		{ "newlines_crlf", 3, NULL },
		{ "quotes_and_newlines", 2, NULL },
		{ "simple", 1, NULL },
		{ "simple_crlf", 1, NULL },
		{ "utf8", 2, NULL },
	};
	size_t i;

	if (!check_refdata("csv-spectrum/csvs/simple.csv"))
		SKIP("../shared/refdata is not here");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		check_spectrum(cases[i].name, cases[i].records, cases[i].unreliable);
}

/* The values the spectrum's JSON encodes, checked directly as well. */
TEST(csv_spectrum_exact_values)
{
	struct strbuf text;
	struct reading r;

	if (!check_refdata("csv-spectrum/csvs/simple.csv"))
		SKIP("../shared/refdata is not here");
	CHECK(slurp(check_refdata("csv-spectrum/csvs/newlines_crlf.csv"), &text));
	read_bytes(text.buf, text.len, 0, &r);
	CHECK_STR(r.records.buf, "1:a|b|c\n2:1|2|3\n3:Once upon \\r\\na time|5|6\n5:7|8|9\n");
	reading_done(&r);
	strbuf_done(&text);

	CHECK(slurp(check_refdata("csv-spectrum/csvs/quotes_and_newlines.csv"), &text));
	read_bytes(text.buf, text.len, 0, &r);
	CHECK_STR(r.records.buf, "1:a|b\n2:1|ha \\n\"ha\" \\nha\n5:3|4\n");
	reading_done(&r);
	strbuf_done(&text);

	CHECK(slurp(check_refdata("csv-spectrum/csvs/location_coordinates.csv"), &text));
	read_bytes(text.buf, text.len, 0, &r);
	CHECK_CONTAINS(r.records.buf, "2:2095257564|37\xef\xbf\xbd" "36'37.8\"N 121\xef\xbf\xbd"
				      "2'17.9\"W|Modesto|Stanislaus [stray quote in 2]\n");
	reading_done(&r);
	strbuf_done(&text);
}

/* --- line numbers ------------------------------------------------------ */

TEST(line_numbers)
{
	struct reading r;

	/* LF, quoted newlines, blank lines. */
	read_text("h1,h2\n"
		  "\"two\nlines\",x\n"
		  "\n"
		  "\n"
		  "a,\"b\n\nc\"\n"
		  "last,1",
		  &r);
	CHECK_INT(r.status, STATUS_OK);
	CHECK_STR(r.records.buf, "1:h1|h2\n2:two\\nlines|x\n6:a|b\\n\\nc\n9:last|1\n");
	reading_done(&r);

	/* CRLF throughout, CRLF inside a quoted field, a trailing blank line. */
	read_text("h1,h2\r\n"
		  "1,\"x\r\ny\"\r\n"
		  "\r\n"
		  "2,z\r\n"
		  "\r\n",
		  &r);
	CHECK_STR(r.records.buf, "1:h1|h2\n2:1|x\\r\\ny\n5:2|z\n");
	reading_done(&r);

	/* Old Mac line ends: a lone CR ends a line. */
	read_text("h1,h2\r1,2\r\r3,\"a\rb\"\r4,5", &r);
	CHECK_STR(r.records.buf, "1:h1|h2\n2:1|2\n4:3|a\\rb\n6:4|5\n");
	reading_done(&r);

	/* Mixed: LF, CR, CRLF, and a first field that spans lines. */
	read_text("a\n\"b\r\nc\nd\"\r\ne\rf\ng\r\rh\n\ni\r\n\rj", &r);
	CHECK_STR(r.records.buf, "1:a\n2:b\\r\\nc\\nd\n5:e\n6:f\n7:g\n9:h\n11:i\n13:j\n");
	reading_done(&r);

	/* Lines of spaces count as blank; lines of commas are records. */
	read_text("a,b\n   \n,\n c , d \n", &r);
	CHECK_STR(r.records.buf, "1:a|b\n3:|\n4:c|d\n");
	reading_done(&r);

	/* Leading blank lines. */
	read_text("\n\r\n\nx,y\n", &r);
	CHECK_STR(r.records.buf, "4:x|y\n");
	reading_done(&r);
}

TEST(quoting_and_spaces)
{
	struct reading r;

	/* Unquoted spaces are trimmed, quoted ones kept; "" is a quote. */
	read_text("  a  , \" b \" ,\"say \"\"hi\"\"\",\"\"\n", &r);
	CHECK_STR(r.records.buf, "1:a| b |say \"hi\"|\n");
	reading_done(&r);

	/* A stray quote inside an unquoted field is kept as it is, and marked. */
	read_text("6\" ruler,x\n", &r);
	CHECK_INT(r.status, STATUS_OK);
	CHECK_STR(r.records.buf, "1:6\" ruler|x [stray quote in 1]\n");
	reading_done(&r);

	/* Trailing commas give empty fields. */
	read_text("a,b,,\n1,2,,\n", &r);
	CHECK_STR(r.records.buf, "1:a|b||\n2:1|2||\n");
	reading_done(&r);

	/* Empty input and whitespace only: no records, no error. */
	read_text("", &r);
	CHECK_INT(r.status, STATUS_OK);
	CHECK_INT(r.count, 0);
	reading_done(&r);
	read_text(" \r\n\n \t\n", &r);
	CHECK_INT(r.status, STATUS_OK);
	CHECK_INT(r.count, 0);
	reading_done(&r);
}

TEST(delimiter_detection)
{
	struct reading r;

	read_text("name\ttown\tpostcode\nCaf\xc3\xa9, bar\tDoncaster\tDN1 3BU\n", &r);
	CHECK_INT(r.delimiter, '\t');
	CHECK_STR(r.records.buf, "1:name|town|postcode\n2:Caf\xc3\xa9, bar|Doncaster|DN1 3BU\n");
	reading_done(&r);

	/* More commas than tabs on the first line: comma. */
	read_text("a,b,c\td\n1,2,3\t4\n", &r);
	CHECK_INT(r.delimiter, ',');
	CHECK_STR(r.records.buf, "1:a|b|c\td\n2:1|2|3\t4\n");
	reading_done(&r);

	/* Tabs inside a quoted header do not count. */
	read_text("\"a\tb\tc\",d\n1,2\n", &r);
	CHECK_INT(r.delimiter, ',');
	reading_done(&r);

	/* With tab as the delimiter, leading tabs are empty fields, not space. */
	read_text("a\tb\tc\n\t2\t\n", &r);
	CHECK_INT(r.delimiter, '\t');
	CHECK_STR(r.records.buf, "1:a|b|c\n2:|2|\n");
	reading_done(&r);

	/* An explicit delimiter wins over the guess. */
	{
		static const char text[] = "a\tb,c\n1\t2,3\n";

		read_bytes(text, strlen(text), ';', &r);
		CHECK_INT(r.delimiter, ';');
		CHECK_STR(r.records.buf, "1:a\tb,c\n2:1\t2,3\n");
		reading_done(&r);
	}
}

/* --- chunking --------------------------------------------------------- */

/*
 * Over 200 KiB of rows whose quoted second field spans two lines, of
 * varying lengths, so rows, fields and CRLF pairs straddle the 64 KiB
 * chunks. Each record is checked for its content and its line.
 */
TEST(records_across_chunks)
{
	struct strbuf text, want;
	struct reading r;
	unsigned long line = 2, row = 0;
	int straddled = 0;

	strbuf_init(&text);
	strbuf_init(&want);
	strbuf_puts(&text, "id,notes,end\r\n");
	strbuf_puts(&want, "1:id|notes|end\n");
	while (text.len < 210 * 1024) {
		size_t start = text.len, pad = (row * 7919) % 300, k;

		strbuf_printf(&text, "%lu,\"row %lu ", row, row);
		strbuf_printf(&want, "%lu:%lu|row %lu ", line, row, row);
		for (k = 0; k < pad; k++) {
			strbuf_putc(&text, (char)('a' + k % 26));
			strbuf_putc(&want, (char)('a' + k % 26));
		}
		strbuf_puts(&text, "\r\nsecond line\",\"x,\"\"y\"\"\"\r\n");
		strbuf_puts(&want, "\\r\\nsecond line|x,\"y\"\n");
		if (start / CHUNK != (text.len - 1) / CHUNK)
			straddled++;
		line += 2;
		row++;
	}
	CHECK(straddled >= 3);
	read_bytes(text.buf, text.len, 0, &r);
	CHECK_INT(r.status, STATUS_OK);
	CHECK_INT(r.count, row + 1);
	CHECK(strcmp(r.records.buf, want.buf) == 0);
	reading_done(&r);

	/* The same with every possible cut of a CR LF pair at the first chunk end. */
	{
		size_t shift;

		for (shift = 0; shift < 4; shift++) {
			struct strbuf t;
			size_t k;

			strbuf_init(&t);
			/* Lines of 10 bytes; the filler moves the CR LF over the boundary. */
			for (k = 0; k < shift; k++)
				strbuf_putc(&t, 'z');
			strbuf_puts(&t, ",q\r\n");
			while (t.len < CHUNK + 100)
				strbuf_puts(&t, "abcd,efg\r\n");
			read_bytes(t.buf, t.len, 0, &r);
			CHECK_INT(r.status, STATUS_OK);
			CHECK_INT(r.count, 1 + (t.len - shift - 4) / 10);
			{
				char last[64];

				snprintf(last, sizeof(last), "%lu:abcd|efg\n", (unsigned long)r.count);
				CHECK_CONTAINS(r.records.buf, last);
			}
			reading_done(&r);
			strbuf_done(&t);
		}
	}
	strbuf_done(&text);
	strbuf_done(&want);
}

/* A UTF-8 character cut by a chunk boundary arrives whole. */
TEST(utf8_across_chunks)
{
	size_t cut;

	for (cut = 1; cut <= 3; cut++) {
		struct strbuf text;
		struct reading r;
		static const char smile[] = "\xf0\x9f\x98\x80";	/* U+1F600, 4 bytes */
		char want[64];

		strbuf_init(&text);
		strbuf_puts(&text, "a,b\n");
		/* One long field, ending so the next character is cut `cut` bytes in. */
		strbuf_puts(&text, "1,");
		while (text.len < CHUNK - cut)
			strbuf_putc(&text, 'x');
		strbuf_puts(&text, smile);
		strbuf_puts(&text, "\xc3\xa9\n2,\xc3\xa9");
		while (text.len < 2 * CHUNK - 1)
			strbuf_putc(&text, 'y');
		/* The two bytes of e-acute either side of the second boundary. */
		strbuf_puts(&text, "\xc3\xa9,end\n");
		read_bytes(text.buf, text.len, 0, &r);
		CHECK_INT(r.status, STATUS_OK);
		CHECK_INT(r.count, 3);
		CHECK_INT(r.replaced, 0);
		snprintf(want, sizeof(want), "x%s\xc3\xa9\n3:2|\xc3\xa9y", smile);
		CHECK_CONTAINS(r.records.buf, want);
		CHECK_CONTAINS(r.records.buf, "y\xc3\xa9|end\n");
		reading_done(&r);
		strbuf_done(&text);
	}
}

/* --- errors and limits ------------------------------------------------- */

TEST(unterminated_quote)
{
	struct reading r;

	/* The quote opens in the second field of line 3; the file ends at line 5. */
	read_text("a,b\n1,2\n3,\"never\nclosed\nat all", &r);
	CHECK_INT(r.status, STATUS_FORMAT);
	CHECK_STR(r.records.buf, "1:a|b\n2:1|2\n");
	CHECK_CONTAINS(r.error, "line 3");
	CHECK_CONTAINS(r.error, "quoted field");
	reading_done(&r);

	/* ... in the first field of a record. */
	read_text("a,b\n\"open\n\nstill open,", &r);
	CHECK_INT(r.status, STATUS_FORMAT);
	CHECK_STR(r.records.buf, "1:a|b\n");
	CHECK_CONTAINS(r.error, "line 2");
	reading_done(&r);

	/* ... after a multi-line field that did close: the open quote's own line. */
	read_text("a,b,c\n\"x\ny\",\"z\nw\", \"open\n", &r);
	CHECK_INT(r.status, STATUS_FORMAT);
	CHECK_CONTAINS(r.error, "line 4");
	reading_done(&r);

	/* A closing quote as the very last byte is fine. */
	read_text("a,b\n1,\"two\nlines\"", &r);
	CHECK_INT(r.status, STATUS_OK);
	CHECK_STR(r.records.buf, "1:a|b\n2:1|two\\nlines\n");
	reading_done(&r);
	read_text("a,b\n1,\"closed\"  ", &r);
	CHECK_INT(r.status, STATUS_OK);
	CHECK_STR(r.records.buf, "1:a|b\n2:1|closed\n");
	reading_done(&r);
}

/* n copies of byte c on the end of sb. */
static void add_bytes(struct strbuf *sb, int c, size_t n)
{
	strbuf_grow(sb, n + 1);
	memset(sb->buf + sb->len, c, n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

static void check_field_limit(int quoted, size_t size, int ok)
{
	struct strbuf text;
	struct reading r;

	strbuf_init(&text);
	strbuf_puts(&text, "a,b\n1,");
	if (quoted)
		strbuf_putc(&text, '"');
	add_bytes(&text, quoted ? '\n' : 'x', size);
	if (quoted)
		strbuf_putc(&text, '"');
	strbuf_puts(&text, ",after\n2,3\n");
	read_bytes(text.buf, text.len, 0, &r);
	if (ok) {
		CHECK_INT(r.status, STATUS_OK);
		CHECK_INT(r.count, 3);
	} else {
		CHECK_INT(r.status, STATUS_FORMAT);
		CHECK_CONTAINS(r.error, "line 2: a field runs on for more than 4 MiB");
		CHECK_INT(r.count, 1);
	}
	reading_done(&r);
	strbuf_done(&text);
}

TEST(field_size_limit)
{
	check_field_limit(0, CSV_READER_MAX_FIELD, 1);
	check_field_limit(0, CSV_READER_MAX_FIELD + 1, 0);
	check_field_limit(1, CSV_READER_MAX_FIELD, 1);
	check_field_limit(1, CSV_READER_MAX_FIELD + 1, 0);
	check_field_limit(0, CSV_READER_MAX_FIELD + 300000, 0);
}

/* A record of several big fields: bounded as a whole, so memory is too. */
static void check_record_limit(size_t fields, int ok)
{
	size_t each = CSV_READER_MAX_FIELD, k;
	struct strbuf text;
	struct reading r;

	strbuf_init(&text);
	strbuf_puts(&text, "a,b\n");
	for (k = 0; k < fields; k++) {
		if (k)
			strbuf_putc(&text, ',');
		add_bytes(&text, 'y', each);
	}
	strbuf_puts(&text, "\nc,d\n");
	read_bytes(text.buf, text.len, 0, &r);
	if (ok) {
		CHECK_INT(r.status, STATUS_OK);
		CHECK_INT(r.count, 3);
	} else {
		CHECK_INT(r.status, STATUS_FORMAT);
		CHECK_STR(r.error, "line 2: a record runs to more than 16 MiB");
		CHECK_INT(r.count, 1);
	}
	reading_done(&r);
	strbuf_done(&text);
}

TEST(record_size_limit)
{
	check_record_limit(CSV_READER_MAX_RECORD / CSV_READER_MAX_FIELD, 1);
	check_record_limit(CSV_READER_MAX_RECORD / CSV_READER_MAX_FIELD + 1, 0);
}

static void check_fields_limit(size_t fields, int ok)
{
	struct strbuf text;
	struct reading r;
	size_t k;

	strbuf_init(&text);
	strbuf_puts(&text, "a,b\n\n");
	for (k = 0; k < fields; k++)
		strbuf_puts(&text, k ? ",f" : "f");
	strbuf_puts(&text, "\nc,d\n");
	read_bytes(text.buf, text.len, 0, &r);
	if (ok) {
		CHECK_INT(r.status, STATUS_OK);
		CHECK_INT(r.count, 3);
	} else {
		CHECK_INT(r.status, STATUS_FORMAT);
		CHECK_STR(r.error, "line 3: more than 4096 fields in one record");
		CHECK_INT(r.count, 1);
	}
	reading_done(&r);
	strbuf_done(&text);
}

TEST(fields_per_record_limit)
{
	check_fields_limit(CSV_READER_MAX_FIELDS, 1);
	check_fields_limit(CSV_READER_MAX_FIELDS + 1, 0);
	check_fields_limit(3 * CSV_READER_MAX_FIELDS, 0);
}

/* --- encodings --------------------------------------------------------- */

/* text (ASCII plus U+00E9 written as "\xc3\xa9") as UTF-16, each unit in byte order. */
static void to_utf16(const char *text, int big_endian, int bom, struct strbuf *out)
{
	const unsigned char *p = (const unsigned char *)text;

	strbuf_init(out);
	if (bom)
		strbuf_add(out, big_endian ? "\xfe\xff" : "\xff\xfe", 2);
	while (*p) {
		unsigned unit = *p;

		if (p[0] == 0xc3) {
			unit = 0xc0 | (p[1] & 0x3f);
			p++;
		}
		p++;
		strbuf_putc(out, (char)(big_endian ? unit >> 8 : unit & 0xff));
		strbuf_putc(out, (char)(big_endian ? unit & 0xff : unit >> 8));
	}
}

TEST(encodings)
{
	static const char utf8[] = "name,town\r\n\"Caf\xc3\xa9\nBar\",Sheffield\r\nNa\xc3\xafve,Doncaster\r\n";
	static const char want[] = "1:name|town\n2:Caf\xc3\xa9\\nBar|Sheffield\n4:Na\xc3\xafve|Doncaster\n";
	static const char latin1[] = "name,town\r\n\"Caf\xe9\nBar\",Sheffield\r\nNa\xefve,Doncaster\r\n";
	struct reading r;
	struct strbuf b;
	int be, bom;

	read_text(utf8, &r);
	CHECK_STR(r.records.buf, want);
	reading_done(&r);

	read_text(latin1, &r);
	CHECK_STR(r.records.buf, want);
	CHECK_INT(r.replaced, 0);
	reading_done(&r);

	for (be = 0; be < 2; be++)
		for (bom = 0; bom < 2; bom++) {
			struct textfile *tf;

			to_utf16(utf8, be, bom, &b);
			tf = textfile_open_memory(b.buf, b.len);
			CHECK_INT(textfile_guess(tf)->encoding, be ? ENCODING_UTF16BE : ENCODING_UTF16LE);
			CHECK_INT(textfile_guess(tf)->bom_length, bom ? 2 : 0);
			read_textfile(tf, 0, &r);
			CHECK_STR(r.records.buf, want);
			CHECK_INT(r.replaced, 0);
			reading_done(&r);
			textfile_free(tf);
			strbuf_done(&b);
		}

	/* UTF-16 over several chunks, tab-separated. */
	{
		struct strbuf text, want_big;
		unsigned long i;

		strbuf_init(&text);
		strbuf_init(&want_big);
		for (i = 0; i < 20000; i++) {
			strbuf_printf(&text, "%lu\tcaf\xc3\xa9 %lu\n", i, i);
			strbuf_printf(&want_big, "%lu:%lu|caf\xc3\xa9 %lu\n", i + 1, i, i);
		}
		to_utf16(text.buf, 0, 0, &b);
		CHECK(b.len > 3 * CHUNK);
		read_bytes(b.buf, b.len, 0, &r);
		CHECK_INT(r.delimiter, '\t');
		CHECK_INT(r.count, 20000);
		CHECK(strcmp(r.records.buf, want_big.buf) == 0);
		CHECK_INT(r.replaced, 0);
		reading_done(&r);
		strbuf_done(&b);
		strbuf_done(&text);
		strbuf_done(&want_big);
	}
}

/* A UTF-8 BOM is not part of the first header name. */
TEST(bom_is_not_data)
{
	struct reading r;

	read_text("\xef\xbb\xbf" "Name,Level\nChef,2\n", &r);
	CHECK_STR(r.records.buf, "1:Name|Level\n2:Chef|2\n");
	reading_done(&r);
}

/* The reader works the same on a real file as from memory. */
TEST(from_a_file)
{
	struct textfile *tf;
	struct reading r;
	char err[256];

	CHECK_INT(textfile_open(check_fixture("core/lines.csv"), &tf, err, sizeof(err)), STATUS_OK);
	if (!tf)
		return;
	read_textfile(tf, 0, &r);
	CHECK_INT(r.status, STATUS_OK);
	CHECK_STR(r.records.buf, "1:code,name|note\n2:1|Caf\xc3\xa9\\r\\non two lines\n"
				 "5:2|after a blank line\n");
	reading_done(&r);
	textfile_free(tf);

	CHECK_INT(textfile_open(check_fixture("core"), &tf, err, sizeof(err)), STATUS_IO);
	CHECK_STR(err, "is a folder, not a file");
	CHECK_INT(textfile_open(check_fixture("core/no-such-file.csv"), &tf, err, sizeof(err)),
		  STATUS_IO);
	CHECK_CONTAINS(err, "cannot open");
}

/*
 * The same bytes read through csv_ahead: every record (over many
 * batches), its line and fields as csv_reader gives them, the same end,
 * and the same error for a file that ends inside a quoted field.
 */
static void read_ahead(const char *bytes, size_t n, struct reading *r, size_t stop_after,
		       int thread)
{
	struct textfile *tf = textfile_open_memory(bytes, n);
	struct csv_reader *reader = csv_reader_new(tf, 0);
	struct csv_ahead *a = csv_ahead_start(reader, thread);
	struct csv_record rec;
	enum status rc;

	strbuf_init(&r->records);
	r->count = 0;
	r->error[0] = '\0';
	while ((stop_after == 0 || r->count < stop_after) &&
	       (rc = csv_ahead_next(a, &rec)) == STATUS_OK)
		add_record(r, &rec);
	if (stop_after == 0) {
		r->status = rc == STATUS_NOT_FOUND ? STATUS_OK : rc;
		if (rc != STATUS_NOT_FOUND)
			snprintf(r->error, sizeof(r->error), "%s", csv_ahead_error(a));
		/* The end, or the error, is said again. */
		CHECK_INT(csv_ahead_next(a, &rec), rc);
	}
	csv_ahead_stop(a);
	csv_reader_free(reader);
	textfile_free(tf);
}

static void check_read_ahead(int thread)
{
	struct strbuf text;
	struct reading direct, ahead;
	int i;

	strbuf_init(&text);
	strbuf_puts(&text, "id,name,notes\r\n");
	for (i = 0; i < 5000; i++)
		strbuf_printf(&text, "%d,\"Name %d\",%s\r\n", i, i,
			      i % 97 ? "plain" : "\"two\nlines, and \"\"quotes\"\"\"");
	read_bytes(text.buf, text.len, 0, &direct);
	read_ahead(text.buf, text.len, &ahead, 0, thread);
	CHECK_INT(ahead.status, STATUS_OK);
	CHECK_INT(ahead.count, 5001);
	CHECK_INT(ahead.count, direct.count);
	CHECK(strcmp(ahead.records.buf, direct.records.buf) == 0);
	strbuf_done(&direct.records);
	strbuf_done(&ahead.records);

	/* Stopped early, with the thread still reading: nothing leaks or hangs. */
	read_ahead(text.buf, text.len, &ahead, 10, thread);
	CHECK_INT(ahead.count, 10);
	strbuf_done(&ahead.records);

	/* An error after several batches: the records before it, then the same message. */
	strbuf_puts(&text, "5000,\"never closed\n");
	read_bytes(text.buf, text.len, 0, &direct);
	read_ahead(text.buf, text.len, &ahead, 0, thread);
	CHECK_INT(ahead.status, STATUS_FORMAT);
	CHECK_INT(ahead.status, direct.status);
	CHECK_STR(ahead.error, direct.error);
	CHECK_INT(ahead.count, direct.count);
	CHECK(strcmp(ahead.records.buf, direct.records.buf) == 0);
	strbuf_done(&direct.records);
	strbuf_done(&ahead.records);
	strbuf_done(&text);
}

TEST(read_ahead)
{
	check_read_ahead(1);
	check_read_ahead(0);
}

/* A NUL byte would cut a value short; a stray quote changes it: both are marked. */
TEST(nul_and_stray_quotes_are_marked)
{
	static const char nul[] = "a,b\0c,d\ne,f,g\n";
	/* A NUL on the first line of a value that runs on to the next, then one in a later field. */
	static const char nul_on[] = "a,\"b\0\nc\",d\ne,f,g\0\nh,i,j\n";
	struct reading r;

	read_bytes(nul, sizeof(nul) - 1, ',', &r);
	CHECK_STR(r.records.buf, "1:a|b\\0c|d [NUL in 2]\n2:e|f|g\n");
	reading_done(&r);
	read_bytes(nul_on, sizeof(nul_on) - 1, ',', &r);
	CHECK_STR(r.records.buf, "1:a|b\\0\\nc|d [NUL in 2]\n3:e|f|g\\0 [NUL in 3]\n4:h|i|j\n");
	reading_done(&r);
	read_text("a,b\"c,d\n"		/* a quote inside a value without quotes */
		  "12\" pipe,x\n"
		  "\"a\"\"b\",c\n"		/* a doubled quote is fine */
		  "\"multi\nline\",\"x\"\n"	/* and so is a line break inside quotes */
		  "a,\"b\"\n"
		  " \"sp\" ,y\n"		/* spaces around quotes are trimmed */
		  "\"x\" \"y\",z\n"		/* text after a closing quote */
		  "p,q,\"r\"\"\"\n"
		  "\"ab\"c,d\n"		/* and here it swallows the next line: */
		  "e,f\"\n", &r);		/* libcsv reads on inside the quotes */
	CHECK_STR(r.records.buf,
		  "1:a|b\"c|d [stray quote in 2]\n"
		  "2:12\" pipe|x [stray quote in 1]\n"
		  "3:a\"b|c\n"
		  "4:multi\\nline|x\n"
		  "6:a|b\n"
		  "7:sp|y\n"
		  "8:x\" \"y|z [stray quote in 1]\n"
		  "9:p|q|r\"\n"
		  "10:ab\"c,d\\ne,f [stray quote in 1]\n");
	reading_done(&r);
	/* Tab-separated: a quote in the third field. */
	read_bytes("a\tb\tc\"d\n", 8, '\t', &r);
	CHECK_STR(r.records.buf, "1:a|b|c\"d [stray quote in 3]\n");
	reading_done(&r);
}

TESTS(csv_spectrum, nul_and_stray_quotes_are_marked, record_size_limit, csv_spectrum_exact_values, line_numbers, quoting_and_spaces,
      delimiter_detection, records_across_chunks, utf8_across_chunks, unterminated_quote,
      field_size_limit, fields_per_record_limit, encodings, bom_is_not_data, from_a_file,
      read_ahead)
