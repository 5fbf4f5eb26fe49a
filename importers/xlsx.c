/*
 * xlsx.c - workbook sheets as CSV (see xlsx.h).
 *
 * Design notes. Every part is streamed from the archive through expat in
 * 64 KiB pieces; nothing but the shared strings and the row being built
 * is kept. Element and attribute names are compared by their local part
 * (expat is told to join namespace and name with '|'), so workbooks whose
 * writers use prefixes ("x:c") read the same as Excel's own.
 *
 * One parse state serves the three kinds of part; its handlers look at
 * which part is being read. A handler that meets something it must
 * refuse (too big, a document type) records why and stops the parser.
 */
#include "xlsx.h"

#include <ctype.h>
#include <expat.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "encoding.h"

#define CHUNK (64 * 1024)
#define SEP '|'

struct sheet_ref {
	char *name, *rel_id, *part;
};

struct xlsx {
	struct zipfile_where where;	/* (borrowed) */
	struct sheet_ref *sheets;
	size_t sheet_count;
	struct strbuf strings;		/* shared strings, each ending in NUL */
	size_t *string_at;		/* offsets into strings */
	size_t string_count;
};

enum part { PART_WORKBOOK, PART_RELS, PART_STRINGS, PART_SHEET };

struct cell {
	unsigned column;
	size_t at;			/* offset of its text in row_text */
};

struct parse {
	struct xlsx *x;
	enum part part;
	XML_Parser xp;
	const char *part_name;
	char error[256];
	/* text being collected (a <t> or <v>) */
	int capture;
	int phonetic;			/* inside <rPh>: not part of the text */
	struct strbuf text;
	/* sheets */
	unsigned long row, next_row, lines;
	unsigned column, next_column;
	unsigned width;			/* the most cells a row has had so far */
	char type[8];
	struct strbuf row_text;
	struct cell *cells;
	size_t cell_count, cell_alloc;
	struct strbuf *out;
	size_t out_start;
};

static const char *local(const char *name)
{
	const char *bar = strrchr(name, SEP);

	return bar ? bar + 1 : name;
}

static const char *attribute(const char **atts, const char *name)
{
	size_t i;

	for (i = 0; atts[i]; i += 2)
		if (strcmp(local(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

static void stop(struct parse *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void stop(struct parse *p, const char *fmt, ...)
{
	va_list ap;

	if (!p->error[0]) {
		va_start(ap, fmt);
		vsnprintf(p->error, sizeof(p->error), fmt, ap);
		va_end(ap);
		utf8_mend(p->error);
	}
	XML_StopParser(p->xp, XML_FALSE);
}

/* --- the workbook and its relationships ------------------------------------------- */

static void workbook_start(struct parse *p, const char *name, const char **atts)
{
	struct xlsx *x = p->x;
	const char *sheet_name, *id;

	if (strcmp(name, "sheet") != 0)
		return;
	sheet_name = attribute(atts, "name");
	id = attribute(atts, "id");
	if (!sheet_name || !id)
		return;
	if (x->sheet_count >= 4096) {
		stop(p, "%s: more than 4096 sheets", p->part_name);
		return;
	}
	x->sheets = xrealloc(x->sheets, (x->sheet_count + 1) * sizeof(*x->sheets));
	x->sheets[x->sheet_count].name = xstrdup(sheet_name);
	x->sheets[x->sheet_count].rel_id = xstrdup(id);
	x->sheets[x->sheet_count].part = NULL;
	x->sheet_count++;
}

static void rels_start(struct parse *p, const char *name, const char **atts)
{
	struct xlsx *x = p->x;
	const char *id, *target;
	size_t i;

	if (strcmp(name, "Relationship") != 0)
		return;
	id = attribute(atts, "Id");
	target = attribute(atts, "Target");
	if (!id || !target)
		return;
	for (i = 0; i < x->sheet_count; i++) {
		if (x->sheets[i].part || strcmp(x->sheets[i].rel_id, id) != 0)
			continue;
		/* Targets are relative to xl/, or from the root when they start with '/'. */
		x->sheets[i].part = target[0] == '/' ? xstrdup(target + 1) :
				    xasprintf("xl/%s", target);
	}
}

/* --- text: shared strings, inline strings and values ------------------------------- */

static void text_start(struct parse *p, const char *name)
{
	if (strcmp(name, "rPh") == 0)
		p->phonetic++;
	else if (!p->phonetic && (strcmp(name, "t") == 0 || strcmp(name, "v") == 0))
		p->capture = 1;
}

static void text_end(struct parse *p, const char *name)
{
	if (strcmp(name, "rPh") == 0 && p->phonetic)
		p->phonetic--;
	else if (strcmp(name, "t") == 0 || strcmp(name, "v") == 0)
		p->capture = 0;
}

static void XMLCALL on_chars(void *ctx, const XML_Char *s, int len)
{
	struct parse *p = ctx;

	if (!p->capture || len <= 0)
		return;
	if (p->text.len + (size_t)len > XLSX_MAX_CELL) {
		stop(p, "%s line %lu: a cell holds more than 1 MB of text", p->part_name,
		     (unsigned long)XML_GetCurrentLineNumber(p->xp));
		return;
	}
	strbuf_add(&p->text, s, (size_t)len);
}

/* Excel writes some characters as _xHHHH_ ("_x000D_" for a carriage return). */
static void unescape(struct strbuf *sb)
{
	size_t i, k = 0;

	for (i = 0; i < sb->len; i++) {
		unsigned v;
		char *end;

		if (sb->buf[i] == '_' && i + 7 <= sb->len && sb->buf[i + 1] == 'x' &&
		    sb->buf[i + 6] == '_' && isxdigit((unsigned char)sb->buf[i + 2])) {
			char hex[5];

			memcpy(hex, sb->buf + i + 2, 4);
			hex[4] = '\0';
			v = (unsigned)strtoul(hex, &end, 16);
			if (*end == '\0' && v < 0x20) {
				if (v != '\r')
					sb->buf[k++] = (char)v;
				i += 6;
				continue;
			}
		}
		sb->buf[k++] = sb->buf[i];
	}
	sb->len = k;
	sb->buf[k] = '\0';
}

static void strings_end(struct parse *p, const char *name)
{
	struct xlsx *x = p->x;

	text_end(p, name);
	if (strcmp(name, "si") != 0)
		return;
	unescape(&p->text);
	if (x->string_count >= XLSX_MAX_STRINGS ||
	    x->strings.len + p->text.len + 1 > XLSX_MAX_STRINGS_BYTES) {
		stop(p, "%s: more shared strings than this program reads (over %u MB or %u strings)",
		     p->part_name, XLSX_MAX_STRINGS_BYTES >> 20, XLSX_MAX_STRINGS);
		return;
	}
	if ((x->string_count & (x->string_count - 1)) == 0)
		x->string_at = xrealloc(x->string_at, (x->string_count ? x->string_count * 2 : 1) *
						       sizeof(*x->string_at));
	x->string_at[x->string_count++] = x->strings.len;
	strbuf_add(&x->strings, p->text.buf, p->text.len + 1);
	strbuf_reset(&p->text);
}

/* --- sheets --------------------------------------------------------------------------- */

/* "BC12" -> column 54 (0-based) and row 12; 0 when it is not a reference. */
static int cell_ref(const char *ref, unsigned *column, unsigned long *row)
{
	unsigned long c = 0, r = 0;
	const char *s = ref;

	while (isupper((unsigned char)*s) && c <= XLSX_MAX_COLUMNS)
		c = c * 26 + (unsigned long)(*s++ - 'A' + 1);
	if (s == ref || !isdigit((unsigned char)*s))
		return 0;
	while (isdigit((unsigned char)*s) && r < 100000000)
		r = r * 10 + (unsigned long)(*s++ - '0');
	if (*s || r == 0)
		return 0;
	*column = c > XLSX_MAX_COLUMNS ? XLSX_MAX_COLUMNS : (unsigned)(c - 1);
	*row = r;
	return 1;
}

static void sheet_start(struct parse *p, const char *name, const char **atts)
{
	const char *v;
	unsigned column;
	unsigned long row;

	if (strcmp(name, "row") == 0) {
		v = attribute(atts, "r");
		p->row = v && strspn(v, "0123456789") == strlen(v) && *v ? strtoul(v, NULL, 10) :
			 p->next_row;
		if (p->row < p->next_row)
			p->row = p->next_row;
		p->next_column = 0;
		p->cell_count = 0;
		strbuf_reset(&p->row_text);
	} else if (strcmp(name, "c") == 0) {
		v = attribute(atts, "r");
		p->column = v && cell_ref(v, &column, &row) ? column : p->next_column;
		v = attribute(atts, "t");
		snprintf(p->type, sizeof(p->type), "%s", v ? v : "n");
		strbuf_reset(&p->text);
	} else {
		text_start(p, name);
	}
}

/* The text of a finished cell, by its type. */
static const char *cell_value(struct parse *p)
{
	struct xlsx *x = p->x;
	char *end;
	unsigned long index;

	if (strcmp(p->type, "s") == 0) {
		index = strtoul(p->text.buf, &end, 10);
		if (end == p->text.buf || *end || index >= x->string_count) {
			stop(p, "%s line %lu: a cell names shared string \"%.20s\", which the "
			     "workbook does not have", p->part_name,
			     (unsigned long)XML_GetCurrentLineNumber(p->xp), p->text.buf);
			return "";
		}
		return x->strings.buf + x->string_at[index];
	}
	if (strcmp(p->type, "b") == 0)
		return strcmp(p->text.buf, "1") == 0 ? "TRUE" : "FALSE";
	unescape(&p->text);
	return p->text.buf;
}

static void add_cell(struct parse *p, const char *value)
{
	size_t n = strlen(value);

	if (p->column >= XLSX_MAX_COLUMNS || !n)
		return;
	if (p->row_text.len + n > XLSX_MAX_SHEET) {
		stop(p, "%s line %lu: a row is bigger than %u MB", p->part_name,
		     (unsigned long)XML_GetCurrentLineNumber(p->xp), XLSX_MAX_SHEET >> 20);
		return;
	}
	if (p->cell_count == p->cell_alloc) {
		p->cell_alloc = p->cell_alloc ? p->cell_alloc * 2 : 32;
		p->cells = xrealloc(p->cells, p->cell_alloc * sizeof(*p->cells));
	}
	p->cells[p->cell_count].column = p->column;
	p->cells[p->cell_count].at = p->row_text.len;
	p->cell_count++;
	strbuf_add(&p->row_text, value, n + 1);
}

static void put_field(struct strbuf *out, const char *s)
{
	if (!strpbrk(s, ",\"\r\n")) {
		strbuf_puts(out, s);
		return;
	}
	strbuf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_putc(out, '"');
		strbuf_putc(out, *s);
	}
	strbuf_putc(out, '"');
}

static int by_column(const void *a, const void *b)
{
	const struct cell *x = a, *y = b;

	return x->column < y->column ? -1 : x->column > y->column;
}

static void emit_row(struct parse *p)
{
	unsigned column = 0;
	size_t i;
	const char *s;

	p->next_row = p->row + 1;
	if (!p->cell_count)
		return;
	qsort(p->cells, p->cell_count, sizeof(*p->cells), by_column);
	/* Line N is row N while no cell has broken a line. */
	while (p->lines + 1 < p->row) {
		strbuf_putc(p->out, '\n');
		p->lines++;
	}
	for (i = 0; i < p->cell_count; i++) {
		if (i && p->cells[i].column == p->cells[i - 1].column)
			continue;
		while (column < p->cells[i].column) {
			strbuf_putc(p->out, ',');
			column++;
		}
		s = p->row_text.buf + p->cells[i].at;
		put_field(p->out, s);
		for (; *s; s++)
			p->lines += *s == '\n';
	}
	/*
	 * A workbook keeps no empty cells, so a row whose last cells are empty
	 * is as wide as the rows above it (the header), not a short row.
	 */
	for (column++; column < p->width; column++)
		strbuf_putc(p->out, ',');
	if (column > p->width)
		p->width = column;
	strbuf_putc(p->out, '\n');
	p->lines++;
	if (p->out->len - p->out_start > XLSX_MAX_SHEET)
		stop(p, "%s: the sheet is bigger than %u MB as text", p->part_name,
		     XLSX_MAX_SHEET >> 20);
}

static void sheet_end(struct parse *p, const char *name)
{
	if (strcmp(name, "c") == 0) {
		add_cell(p, cell_value(p));
		p->next_column = p->column + 1;
		strbuf_reset(&p->text);
	} else if (strcmp(name, "row") == 0) {
		emit_row(p);
	} else {
		text_end(p, name);
	}
}

/* --- expat ----------------------------------------------------------------------------- */

static void XMLCALL on_start(void *ctx, const XML_Char *full, const XML_Char **atts)
{
	struct parse *p = ctx;
	const char *name = local(full);

	switch (p->part) {
	case PART_WORKBOOK: workbook_start(p, name, atts); break;
	case PART_RELS: rels_start(p, name, atts); break;
	case PART_STRINGS: text_start(p, name); break;
	case PART_SHEET: sheet_start(p, name, atts); break;
	}
}

static void XMLCALL on_end(void *ctx, const XML_Char *full)
{
	struct parse *p = ctx;
	const char *name = local(full);

	if (p->part == PART_STRINGS)
		strings_end(p, name);
	else if (p->part == PART_SHEET)
		sheet_end(p, name);
}

static void XMLCALL on_doctype(void *ctx, const XML_Char *name, const XML_Char *sysid,
			       const XML_Char *pubid, int has_internal)
{
	struct parse *p = ctx;

	(void)name, (void)sysid, (void)pubid, (void)has_internal;
	stop(p, "%s has a document type declaration, which a workbook never has", p->part_name);
}

/* Stream one part of the workbook through the parser. limit: most bytes of XML read. */
static enum status parse_part(struct parse *p, const char *part, size_t limit, char *err,
			      size_t errlen)
{
	struct zipfile_member *m;
	enum status rc;
	size_t total = 0;
	ssize_t got;
	char *buf;
	int done = 0;

	if ((rc = zipfile_member_open(&p->x->where, part, &m, err, errlen)) != STATUS_OK)
		return rc;
	p->part_name = part;
	p->xp = XML_ParserCreateNS(NULL, SEP);
	if (!p->xp)
		mem_fatal("out of memory");
	XML_SetUserData(p->xp, p);
	XML_SetElementHandler(p->xp, on_start, on_end);
	XML_SetCharacterDataHandler(p->xp, on_chars);
	XML_SetStartDoctypeDeclHandler(p->xp, on_doctype);
	buf = xmalloc(CHUNK);
	while (!done && rc == STATUS_OK) {
		got = zipfile_member_read(m, buf, CHUNK);
		if (got < 0) {
			snprintf(err, errlen, "%s: %s", part, zipfile_member_error(m));
			rc = STATUS_FORMAT;
			break;
		}
		total += (size_t)got;
		if (total > limit) {
			snprintf(err, errlen, "%s is bigger than %zu MB", part, limit >> 20);
			rc = STATUS_FORMAT;
			break;
		}
		done = got == 0;
		if (XML_Parse(p->xp, buf, (int)got, done) != XML_STATUS_OK) {
			if (p->error[0])
				snprintf(err, errlen, "%s", p->error);
			else
				snprintf(err, errlen, "%s line %lu: %s", part,
					 (unsigned long)XML_GetCurrentLineNumber(p->xp),
					 XML_ErrorString(XML_GetErrorCode(p->xp)));
			rc = STATUS_FORMAT;
		}
	}
	if (rc != STATUS_OK)
		utf8_mend(err);
	free(buf);
	XML_ParserFree(p->xp);
	p->xp = NULL;
	zipfile_member_close(m);
	return rc;
}

static void parse_init(struct parse *p, struct xlsx *x, enum part part)
{
	memset(p, 0, sizeof(*p));
	p->x = x;
	p->part = part;
	p->next_row = 1;
	strbuf_init(&p->text);
	strbuf_init(&p->row_text);
}

static void parse_done(struct parse *p)
{
	strbuf_done(&p->text);
	strbuf_done(&p->row_text);
	free(p->cells);
}

/* --- the workbook ------------------------------------------------------------------------ */

int xlsx_is_workbook(const struct zipfile_list *members)
{
	return zipfile_list_has(members, "xl/workbook.xml");
}

enum status xlsx_open(const struct zipfile_where *where, struct xlsx **out, char *err,
		      size_t errlen)
{
	struct xlsx *x = xcalloc(1, sizeof(*x));
	struct parse p;
	enum status rc;
	size_t i;

	*out = NULL;
	x->where = *where;
	strbuf_init(&x->strings);
	parse_init(&p, x, PART_WORKBOOK);
	rc = parse_part(&p, "xl/workbook.xml", XLSX_MAX_PART, err, errlen);
	parse_done(&p);
	if (rc == STATUS_OK) {
		parse_init(&p, x, PART_RELS);
		rc = parse_part(&p, "xl/_rels/workbook.xml.rels", XLSX_MAX_PART, err, errlen);
		parse_done(&p);
	}
	if (rc == STATUS_OK) {
		parse_init(&p, x, PART_STRINGS);
		/* A workbook of numbers alone has no shared strings. */
		rc = parse_part(&p, "xl/sharedStrings.xml", (size_t)XLSX_MAX_STRINGS_BYTES * 4, err,
				errlen);
		parse_done(&p);
		if (rc == STATUS_NOT_FOUND) {
			rc = STATUS_OK;
			err[0] = '\0';
		}
	}
	for (i = 0; rc == STATUS_OK && i < x->sheet_count; i++) {
		if (!x->sheets[i].part) {
			snprintf(err, errlen, "xl/_rels/workbook.xml.rels does not say where sheet "
				 "\"%.100s\" is", x->sheets[i].name);
			utf8_mend(err);
			rc = STATUS_FORMAT;
		}
	}
	if (rc != STATUS_OK) {
		xlsx_free(x);
		return rc == STATUS_NOT_FOUND ? STATUS_FORMAT : rc;
	}
	*out = x;
	return STATUS_OK;
}

void xlsx_free(struct xlsx *x)
{
	size_t i;

	if (!x)
		return;
	for (i = 0; i < x->sheet_count; i++) {
		free(x->sheets[i].name);
		free(x->sheets[i].rel_id);
		free(x->sheets[i].part);
	}
	free(x->sheets);
	free(x->string_at);
	strbuf_done(&x->strings);
	free(x);
}

size_t xlsx_sheet_count(const struct xlsx *x)
{
	return x->sheet_count;
}

const char *xlsx_sheet_name(const struct xlsx *x, size_t i)
{
	return i < x->sheet_count ? x->sheets[i].name : NULL;
}

enum status xlsx_sheet_csv(struct xlsx *x, size_t i, struct strbuf *out, char *err,
			   size_t errlen)
{
	struct parse p;
	enum status rc;

	if (i >= x->sheet_count) {
		snprintf(err, errlen, "the workbook has no sheet %zu", i + 1);
		return STATUS_NOT_FOUND;
	}
	parse_init(&p, x, PART_SHEET);
	p.out = out;
	p.out_start = out->len;
	/* The XML of a sheet is several times its text; the text's limit is what counts. */
	rc = parse_part(&p, x->sheets[i].part, (size_t)XLSX_MAX_SHEET * 8, err, errlen);
	parse_done(&p);
	return rc;
}
