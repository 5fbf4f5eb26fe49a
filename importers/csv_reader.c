/*
 * csv_reader.c - libcsv, fed line by line, turned into a record iterator.
 *
 * Design notes. libcsv is push-style: csv_parse() calls back for every
 * field and record it completes. We cut the decoded text into physical
 * lines (each piece ends just after a CR or LF) and feed one piece at a
 * time. A record can only end at a line break, so each piece completes at
 * most one record, and the iterator returns as soon as one does; the
 * position in the text buffer is remembered for the next call.
 *
 * Line numbers: `line` counts line breaks fed so far (CR LF counts once).
 * When the first field of a record completes we know the current line and
 * the field's own line breaks, which gives the line the record began on.
 *
 * libcsv, not strict, reads a quote inside an unquoted value, or text
 * after a closing quote, as part of the value; so before a line is fed
 * it is looked over for such stray quotes (whether a quoted value is
 * still open is carried from line to line), and the record says in which
 * field the first one was. A NUL byte in a field is noted the same way:
 * the fields are C strings, so it would cut the value short.
 */
#include "csv_reader.h"

#include <csv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct csv_reader {
	struct textfile *tf;		/* (borrowed) */
	struct csv_parser parser;
	char delimiter;
	struct strbuf text;		/* decoded text not yet fed */
	size_t pos;			/* next byte of text to feed */
	int text_eof;			/* textfile has nothing more */
	int finished;			/* csv_fini done */
	unsigned long line;		/* current physical line, 1-based */
	int last_was_cr;
	/* the record being built */
	struct strbuf arena;		/* field bytes, each NUL-terminated */
	size_t *offsets;
	size_t *lengths;
	char **fields;
	size_t count, alloc;
	unsigned long record_line;
	int record_ready;
	int too_many_fields;
	size_t record_bytes;		/* of the fields of the record so far */
	unsigned long long_field_line;	/* line of a field over the limit, or 0 */
	int in_quotes;			/* the text fed so far ends inside a quoted value */
	int nul_fed;			/* a line of the record being built has a NUL byte */
	size_t nul_at, quote_at;	/* for the record being built, as csv_record */
	char error[256];
};

static int is_space(unsigned char c)
{
	return c == ' ';
}

/* Bytes before the first CR or LF of s[0..left). */
static size_t line_length(const char *s, size_t left)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	size_t n = 0;

	/*
	 * Eight bytes at a time while none is a CR or an LF: a word x has a
	 * zero byte exactly when (x - ones) & ~x & highs is not zero.
	 */
	while (left - n >= sizeof(uint64_t)) {
		uint64_t w, lf, cr;

		memcpy(&w, s + n, sizeof(w));
		lf = w ^ (ones * '\n');
		cr = w ^ (ones * '\r');
		if (((lf - ones) & ~lf & highs) || ((cr - ones) & ~cr & highs))
			break;
		n += sizeof(w);
	}
	while (n < left && s[n] != '\n' && s[n] != '\r')
		n++;
	return n;
}

static unsigned long line_breaks(const char *s, size_t n)
{
	unsigned long breaks = 0;
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == n || s[i + 1] != '\n')))
			breaks++;
	return breaks;
}

static void on_field(void *field, size_t len, void *ctx)
{
	struct csv_reader *r = ctx;

	if (r->count == 0)
		r->record_line = r->line - line_breaks(field, len);
	if (len > CSV_READER_MAX_FIELD && !r->long_field_line)
		r->long_field_line = r->line - line_breaks(field, len);
	if (r->count >= CSV_READER_MAX_FIELDS) {
		r->too_many_fields = 1;
		return;
	}
	r->record_bytes += len;
	if (r->record_bytes > CSV_READER_MAX_RECORD)
		return;	/* check_limits() stops the reader; keep no more of it */
	if (r->count == r->alloc) {
		r->alloc = r->alloc ? r->alloc * 2 : 32;
		r->offsets = xrealloc(r->offsets, r->alloc * sizeof(*r->offsets));
		r->lengths = xrealloc(r->lengths, r->alloc * sizeof(*r->lengths));
		r->fields = xrealloc(r->fields, r->alloc * sizeof(*r->fields));
	}
	r->offsets[r->count] = r->arena.len;
	r->lengths[r->count] = len;
	/* Looked for field by field only when a line fed for this record had one. */
	if (!r->nul_at && r->nul_fed && field && memchr(field, '\0', len))
		r->nul_at = r->count + 1;
	/* CSV_APPEND_NULL: the field comes with its terminator. */
	if (field)
		strbuf_add(&r->arena, field, len + 1);
	else
		strbuf_putc(&r->arena, '\0');
	r->count++;
}

static void on_record(int terminator, void *ctx)
{
	struct csv_reader *r = ctx;

	(void)terminator;
	r->record_ready = 1;
}

static char guess_delimiter(const char *s, size_t n)
{
	size_t tabs = 0, commas = 0, i;
	int quoted = 0;

	for (i = 0; i < n && (quoted || (s[i] != '\n' && s[i] != '\r')); i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (!quoted && s[i] == '\t')
			tabs++;
		else if (!quoted && s[i] == ',')
			commas++;
	}
	return tabs > commas ? '\t' : ',';
}

struct csv_reader *csv_reader_new(struct textfile *tf, char delimiter)
{
	struct csv_reader *r = xcalloc(1, sizeof(*r));

	r->tf = tf;
	if (csv_init(&r->parser, CSV_APPEND_NULL | CSV_STRICT_FINI) != 0)
		mem_fatal("out of memory");
	if (!delimiter) {
		size_t n;
		const char *head = textfile_peek(tf, &n);

		delimiter = guess_delimiter(head, n);
	}
	r->delimiter = delimiter;
	/*
	 * libcsv grows its field buffer by a fixed block (128 bytes unless
	 * told), so a long field costs quadratic copying; grow by 64 KiB.
	 */
	csv_set_blk_size(&r->parser, 64 * 1024);
	csv_set_delim(&r->parser, (unsigned char)delimiter);
	/* Spaces and tabs around fields are trimmed; libcsv's own test does that inline. */
	if (delimiter == '\t')
		csv_set_space_func(&r->parser, is_space);
	strbuf_init(&r->text);
	strbuf_init(&r->arena);
	r->line = 1;
	return r;
}

void csv_reader_free(struct csv_reader *r)
{
	if (!r)
		return;
	csv_free(&r->parser);
	strbuf_done(&r->text);
	strbuf_done(&r->arena);
	free(r->offsets);
	free(r->lengths);
	free(r->fields);
	free(r);
}

const char *csv_reader_error(const struct csv_reader *r)
{
	return r->error;
}

char csv_reader_delimiter(const struct csv_reader *r)
{
	return r->delimiter;
}

unsigned long csv_reader_lines(const struct csv_reader *r)
{
	return r->line;
}

static void deliver(struct csv_reader *r, struct csv_record *rec)
{
	size_t i;

	for (i = 0; i < r->count; i++)
		r->fields[i] = r->arena.buf + r->offsets[i];
	rec->count = r->count;
	rec->fields = r->fields;
	rec->lengths = r->lengths;
	rec->line = r->record_line;
	rec->nul_at = r->nul_at;
	rec->quote_at = r->quote_at;
	r->nul_at = r->quote_at = 0;
	r->nul_fed = 0;
	r->record_ready = 0;
}

static int is_blank(char c, char delimiter)
{
	return (c == ' ' || c == '\t') && c != delimiter;
}

/* Which field of the record s[at] is in: fields done, and delimiters outside quotes before it. */
static size_t field_of(const struct csv_reader *r, const char *s, size_t at, int quoted)
{
	size_t i, field = r->count;

	for (i = 0; i < at; i++) {
		if (s[i] == '"')
			quoted = !quoted;
		else if (s[i] == r->delimiter && !quoted)
			field++;
	}
	return field;
}

/*
 * Look one physical line over before it is fed: note the field of the
 * first stray quote, and whether the line ends inside quotes. Lines
 * without a quote (most) cost one memchr.
 */
static void check_quotes(struct csv_reader *r, const char *s, size_t n)
{
	int quoted = r->in_quotes, at_start = r->in_quotes;
	size_t p = 0;
	const char *q;

	while (p < n && (q = memchr(s + p, '"', n - p)) != NULL) {
		size_t j = (size_t)(q - s), k;

		if (quoted) {
			if (j + 1 < n && s[j + 1] == '"') {
				p = j + 2;	/* a doubled quote inside quotes */
				continue;
			}
			/*
			 * The closing quote: only blanks, then the end of the value, may
			 * follow. Anything else, and libcsv takes the quote as part of the
			 * value and goes on as if still inside quotes: so do we.
			 */
			for (k = j + 1; k < n && is_blank(s[k], r->delimiter); k++)
				;
			quoted = k < n && s[k] != r->delimiter && s[k] != '\r' && s[k] != '\n';
			if (quoted && !r->quote_at)
				r->quote_at = field_of(r, s, k, at_start) + 1;
			p = k;
			continue;
		}
		/* An opening quote starts a value, after blanks at most. */
		for (k = j; k > 0 && is_blank(s[k - 1], r->delimiter); k--)
			;
		if (k == 0 || s[k - 1] == r->delimiter)
			quoted = 1;
		else if (!r->quote_at)
			r->quote_at = field_of(r, s, j, at_start) + 1;
		p = j + 1;
	}
	r->in_quotes = quoted;
}

static enum status check_limits(struct csv_reader *r)
{
	if (r->record_bytes > CSV_READER_MAX_RECORD) {
		snprintf(r->error, sizeof(r->error), "line %lu: a record runs to more than %u MiB",
			 r->record_line, CSV_READER_MAX_RECORD / (1024 * 1024));
		return STATUS_FORMAT;
	}
	if (r->too_many_fields) {
		snprintf(r->error, sizeof(r->error),
			 "line %lu: more than %d fields in one record", r->record_line,
			 CSV_READER_MAX_FIELDS);
		return STATUS_FORMAT;
	}
	/* A field still growing is measured after each line fed, a finished one exactly. */
	if (!r->long_field_line && r->parser.entry_pos > CSV_READER_MAX_FIELD)
		r->long_field_line = r->line - line_breaks((const char *)r->parser.entry_buf,
							   r->parser.entry_pos);
	if (r->long_field_line) {
		snprintf(r->error, sizeof(r->error),
			 "line %lu: a field runs on for more than %u MiB (a quote that is never closed?)",
			 r->long_field_line, CSV_READER_MAX_FIELD / (1024 * 1024));
		return STATUS_FORMAT;
	}
	return STATUS_OK;
}

enum status csv_reader_next(struct csv_reader *r, struct csv_record *rec)
{
	enum status rc;

	memset(rec, 0, sizeof(*rec));
	r->count = 0;
	r->record_bytes = 0;
	strbuf_reset(&r->arena);
	for (;;) {
		const char *s = r->text.buf + r->pos;
		size_t left = r->text.len - r->pos;
		size_t n = 0;

		if (left == 0) {
			int eof;

			if (r->text_eof) {
				if (r->finished)
					return STATUS_NOT_FOUND;
				r->finished = 1;
				/*
				 * libcsv reports an unclosed quote at the end only
				 * in strict mode, which would also refuse stray
				 * quotes mid-field; so be strict for the end alone.
				 */
				csv_set_opts(&r->parser,
					     (unsigned char)(csv_get_opts(&r->parser) | CSV_STRICT));
				if (csv_fini(&r->parser, on_field, on_record, r) != 0) {
					snprintf(r->error, sizeof(r->error),
						 "line %lu: the file ends inside a quoted field that starts there",
						 r->line - line_breaks((const char *)r->parser.entry_buf,
								       r->parser.entry_pos));
					return STATUS_FORMAT;
				}
				if ((rc = check_limits(r)) != STATUS_OK)
					return rc;
				if (r->record_ready) {
					deliver(r, rec);
					return STATUS_OK;
				}
				return STATUS_NOT_FOUND;
			}
			strbuf_reset(&r->text);
			r->pos = 0;
			rc = textfile_read(r->tf, &r->text, &eof, r->error, sizeof(r->error));
			if (rc != STATUS_OK)
				return rc;
			r->text_eof = eof;
			continue;
		}

		/*
		 * One physical line: up to and including the next CR or LF, and
		 * the LF of a CR LF pair with its CR (it completes nothing).
		 */
		n = line_length(s, left);
		if (n < left) {
			n++;
			if (s[n - 1] == '\r' && n < left && s[n] == '\n')
				n++;
		}
		check_quotes(r, s, n);
		if (!r->nul_fed && memchr(s, '\0', n))
			r->nul_fed = 1;
		if (csv_parse(&r->parser, s, n, on_field, on_record, r) != n) {
			snprintf(r->error, sizeof(r->error), "line %lu: %s", r->line,
				 csv_strerror(csv_error(&r->parser)));
			return STATUS_FORMAT;
		}
		r->pos += n;
		if (s[n - 1] == '\n') {
			/* The LF of a CR LF pair split between two reads comes alone, after the CR. */
			if (!(r->last_was_cr && n == 1))
				r->line++;
			r->last_was_cr = 0;
		} else if (s[n - 1] == '\r') {
			r->line++;
			r->last_was_cr = 1;
		} else {
			r->last_was_cr = 0;
		}
		if ((rc = check_limits(r)) != STATUS_OK)
			return rc;
		if (r->record_ready) {
			deliver(r, rec);
			return STATUS_OK;
		}
	}
}
