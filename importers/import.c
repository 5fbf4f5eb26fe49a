/*
 * import.c - the driver behind every importer.
 *
 * Design notes. A file is opened once. Its first few CSV records (or, for
 * JSON, the whole document) are kept as the "probe" that detection looks
 * at; the import then replays the probe records after the header and
 * carries on reading from the same csv_reader, so nothing is read twice
 * and SHA-256 is computed on the way through.
 *
 * Header matching compares names after folding case and runs of spaces or
 * line breaks (the ONS file's headers span lines; the IfATE file puts a
 * space after every comma). Detection picks the format whose columns
 * match best; a file that has some but not all of a format's required
 * columns is reported as "near" so it fails loudly instead of being
 * skipped as unrelated.
 */
#include "import.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alternatives.h"
#include "csv_ahead.h"
#include "json_ahead.h"
#include "csv_reader.h"
#include "json_reader.h"
#include "mem.h"
#include "registry.h"
#include "textfile.h"

#define PROBE_RECORDS 6
#define JSON_MAX_FIELDS 128	/* fields a JSON format may declare */

struct probe_record {
	unsigned long line;
	size_t count;
	char **fields;
	char **folded;		/* fields as fold() leaves them, once asked for */
	size_t nul_at, quote_at;	/* as csv_record */
};

struct import_source {
	char *path;
	struct textfile *tf;
	int is_json;
	int binary, empty;
	struct strbuf json_text;
	struct json_doc *doc;
	/* The winning format's cursor from detection, its first record unread again. */
	struct json_cursor *detected;
	const struct importer *detected_by;
	char json_error[256];
	struct csv_reader *csv;
	struct probe_record probe[PROBE_RECORDS];
	size_t probe_count;
	int probe_hit_end;		/* the file has no more records than the probe */
	enum status probe_status;	/* error met while reading the probe */
	char probe_error[256];
	int used;			/* import_run has consumed the reader */
};

struct import_probe {
	struct import_source *src;
	const struct importer *importer;
	const char *const *values;	/* JSON: first record */
};

struct colmap {
	size_t count;
	size_t *index;	/* header positions that feed this column */
};

struct import_file {
	struct import_source *src;
	const struct importer *importer;
	struct import_sink *sink;
	struct import_reporter *reporter;
	struct import_result *result;
	void *state;
	struct strbuf title;
	char **field_names;		/* per column, for messages */
	struct colmap *maps;		/* CSV: per column */
	const struct probe_record *header;	/* CSV with a header: its record (borrowed) */
	char fail_message[512];
	int failed;
};

struct import_row {
	struct import_file *file;
	unsigned long line;
	char location[96];
	const char **raw;		/* per column (borrowed) */
	struct strbuf *text;		/* per column scratch for import_text */
	struct strbuf *joined;		/* per column: repeated columns joined */
	const struct csv_record *csv;	/* CSV: the record as read (its shape is checked) */
	int rejected, emitted, skipped;
	enum status fatal;
};

/* --- opening ------------------------------------------------------------- */

static void probe_free(struct import_source *src)
{
	size_t i, k;

	for (i = 0; i < src->probe_count; i++) {
		for (k = 0; k < src->probe[i].count; k++) {
			free(src->probe[i].fields[k]);
			if (src->probe[i].folded)
				free(src->probe[i].folded[k]);
		}
		free(src->probe[i].fields);
		free(src->probe[i].folded);
	}
	src->probe_count = 0;
}

static void read_probe(struct import_source *src)
{
	struct csv_record rec;
	enum status rc;
	size_t k;

	src->csv = csv_reader_new(src->tf, 0);
	while (src->probe_count < PROBE_RECORDS) {
		struct probe_record *p = &src->probe[src->probe_count];

		rc = csv_reader_next(src->csv, &rec);
		if (rc == STATUS_NOT_FOUND) {
			src->probe_hit_end = 1;
			return;
		}
		if (rc != STATUS_OK) {
			src->probe_status = rc;
			snprintf(src->probe_error, sizeof(src->probe_error), "%s",
				 csv_reader_error(src->csv));
			return;
		}
		p->line = rec.line;
		p->count = rec.count;
		p->nul_at = rec.nul_at;
		p->quote_at = rec.quote_at;
		p->fields = xcalloc(rec.count ? rec.count : 1, sizeof(*p->fields));
		for (k = 0; k < rec.count; k++)
			p->fields[k] = xstrndup(rec.fields[k], rec.lengths[k]);
		src->probe_count++;
	}
}

static void start(struct import_source *src)
{
	const struct encoding_guess *guess = textfile_guess(src->tf);
	const char *head;
	size_t n, i;

	src->binary = guess->binary;
	src->empty = guess->empty;
	if (src->binary || src->empty)
		return;
	head = textfile_peek(src->tf, &n);
	for (i = 0; i < n && isspace((unsigned char)head[i]); i++)
		;
	if (i < n && (head[i] == '{' || head[i] == '[')) {
		char err[256];
		int eof = 0;

		src->is_json = 1;
		strbuf_init(&src->json_text);
		/* The whole document is read: at most JSON_MAX_DOCUMENT bytes of it. */
		if (textfile_size(src->tf) <= JSON_MAX_DOCUMENT)
			strbuf_grow(&src->json_text, textfile_size(src->tf) + 1);
		while (!eof && src->json_text.len <= JSON_MAX_DOCUMENT &&
		       textfile_size(src->tf) <= JSON_MAX_DOCUMENT)
			if (textfile_read(src->tf, &src->json_text, &eof, err, sizeof(err)) !=
			    STATUS_OK) {
				snprintf(src->json_error, sizeof(src->json_error), "%s", err);
				return;
			}
		if (!eof) {
			snprintf(src->json_error, sizeof(src->json_error), "the JSON document is "
				 "larger than %u MiB, more than careers reads in one go",
				 JSON_MAX_DOCUMENT / (1024 * 1024));
			return;
		}
		if (json_doc_open(src->json_text.buf, src->json_text.len, &src->doc,
				  src->json_error, sizeof(src->json_error)) != STATUS_OK)
			src->doc = NULL;
		return;
	}
	read_probe(src);
}

enum status import_open_fd(int fd, const char *path, struct import_source **out, char *err,
			   size_t errlen)
{
	struct import_source *src = xcalloc(1, sizeof(*src));
	enum status rc;

	*out = NULL;
	if ((rc = textfile_open_fd(fd, &src->tf, err, errlen)) != STATUS_OK) {
		free(src);
		return rc;
	}
	src->path = xstrdup(path);
	start(src);
	*out = src;
	return STATUS_OK;
}

enum status import_open(const char *path, struct import_source **out, char *err, size_t errlen)
{
	int fd = textfile_open_input(path, err, errlen);

	*out = NULL;
	return fd < 0 ? STATUS_IO : import_open_fd(fd, path, out, err, errlen);
}

struct import_source *import_open_memory(const void *bytes, size_t n, const char *name)
{
	struct import_source *src = xcalloc(1, sizeof(*src));

	src->tf = textfile_open_memory(bytes, n);
	if (!src->tf) {
		free(src);
		return NULL;
	}
	src->path = xstrdup(name);
	start(src);
	return src;
}

enum status import_open_stream(const char *name, const struct textfile_stream *ops, void *ctx,
			       size_t size, struct import_source **out, char *err, size_t errlen)
{
	struct import_source *src = xcalloc(1, sizeof(*src));
	enum status rc;

	*out = NULL;
	if ((rc = textfile_open_stream(ops, ctx, size, &src->tf, err, errlen)) != STATUS_OK) {
		free(src);
		return rc;
	}
	src->path = xstrdup(name);
	start(src);
	*out = src;
	return STATUS_OK;
}

void import_close(struct import_source *src)
{
	if (!src)
		return;
	probe_free(src);
	csv_reader_free(src->csv);
	json_cursor_free(src->detected);	/* before its document */
	json_doc_free(src->doc);
	if (src->is_json)
		strbuf_done(&src->json_text);
	textfile_free(src->tf);
	free(src->path);
	free(src);
}

/* --- header matching ------------------------------------------------------ */

/* Fold case and squeeze every run of whitespace to one space; trim. */
static void fold(const char *s, size_t n, char *out, size_t outlen)
{
	size_t k = 0, i;
	int space = 0;

	for (i = 0; i < n && k + 2 < outlen; i++) {
		unsigned char c = (unsigned char)s[i];

		if (isspace(c)) {
			space = k > 0;
			continue;
		}
		if (space)
			out[k++] = ' ';
		space = 0;
		out[k++] = (char)tolower(c);
	}
	out[k] = '\0';
}

/*
 * A column's names folded, for comparing with every cell of a header:
 * each alternative as a flag ('*' for a prefix, '=' for the whole name),
 * its length (one byte) and its folded text, NUL-terminated, one after
 * another.
 */
static void fold_names(const char *names, struct strbuf *out)
{
	char want[128];
	const char *p = names;

	strbuf_reset(out);
	while (p) {
		size_t len;
		const char *alt = next_alternative(&p, &len);
		int prefix = len > 0 && alt[len - 1] == '*';

		fold(alt, prefix ? len - 1 : len, want, sizeof(want));
		strbuf_putc(out, prefix ? '*' : '=');
		/* Its length in a byte (fold() keeps it under 128), so matching needs no strlen. */
		strbuf_putc(out, (char)strlen(want));
		strbuf_add(out, want, strlen(want) + 1);
	}
}

/*
 * A column's folded names, worked out once per process: detection tries
 * every format on every file, and most of its time went to folding the
 * same names again. (Detection runs on one thread.)
 */
static const struct strbuf *folded_column(const struct importer *imp, size_t c)
{
	static struct {
		const struct importer *imp;
		struct strbuf *columns;
	} *cache;
	static size_t cached;
	size_t i, k;

	for (i = 0; i < cached && cache[i].imp != imp; i++)
		;
	if (i == cached) {
		cache = xrealloc(cache, (cached + 1) * sizeof(*cache));
		cache[i].imp = imp;
		cache[i].columns = xcalloc(imp->column_count ? imp->column_count : 1,
					   sizeof(*cache[i].columns));
		for (k = 0; k < imp->column_count; k++) {
			strbuf_init(&cache[i].columns[k]);
			fold_names(imp->columns[k].names, &cache[i].columns[k]);
		}
		cached++;
	}
	return &cache[i].columns[c];
}

/* Does a folded header cell match one of the folded names? */
static int name_matches(const struct strbuf *wanted, const char *got)
{
	const char *w = wanted->buf, *end = wanted->buf + wanted->len;

	while (w < end) {
		int prefix = *w++ == '*';
		size_t len = (unsigned char)*w++;

		/* Cheap first: the first letters must agree. */
		if ((len == 0 || got[0] == w[0]) &&
		    (prefix ? strncmp(got, w, len) == 0 : strcmp(got, w) == 0))
			return 1;
		w += len + 1;
	}
	return 0;
}

/* Header cells are folded once, however many formats are tried on them. */
static const char *const *folded_fields(struct probe_record *header)
{
	char got[128];
	size_t k;

	if (!header->folded) {
		header->folded = xcalloc(header->count ? header->count : 1, sizeof(*header->folded));
		for (k = 0; k < header->count; k++) {
			fold(header->fields[k], strlen(header->fields[k]), got, sizeof(got));
			header->folded[k] = xstrdup(got);
		}
	}
	return (const char *const *)header->folded;
}

/*
 * For a header record, count required and all matched columns. Required
 * key columns (COLUMN_KEY) count in *required and *required_hit, and are
 * also counted in *keys and *keys_hit when those are given.
 */
static void match_header_keys(const struct importer *imp, struct probe_record *header,
			      size_t *required, size_t *required_hit, size_t *hit,
			      const char **missing, size_t *keys, size_t *keys_hit)
{
	const char *const *got = folded_fields(header);
	size_t c, k;

	if (keys)
		*keys = *keys_hit = 0;
	*required = *required_hit = *hit = 0;
	*missing = NULL;
	for (c = 0; c < imp->column_count; c++) {
		const struct strbuf *wanted = folded_column(imp, c);
		int found = 0;

		for (k = 0; k < header->count && !found; k++)
			found = name_matches(wanted, got[k]);
		if (imp->columns[c].flags & COLUMN_REQUIRED) {
			(*required)++;
			if (found)
				(*required_hit)++;
			else if (!*missing)
				*missing = imp->columns[c].names;
			if (keys && (imp->columns[c].flags & COLUMN_KEY)) {
				(*keys)++;
				*keys_hit += found;
			}
		}
		if (found)
			(*hit)++;
	}
}

static void match_header(const struct importer *imp, struct probe_record *header,
			 size_t *required, size_t *required_hit, size_t *hit, const char **missing)
{
	match_header_keys(imp, header, required, required_hit, hit, missing, NULL, NULL);
}

/* --- probes for detect() --------------------------------------------------- */

const char *import_probe_field(const struct import_probe *probe, size_t record, size_t index)
{
	const struct import_source *src = probe->src;

	if (record >= src->probe_count || index >= src->probe[record].count)
		return NULL;
	return src->probe[record].fields[index];
}

size_t import_probe_fields(const struct import_probe *probe, size_t record)
{
	return record < probe->src->probe_count ? probe->src->probe[record].count : 0;
}

size_t import_probe_records(const struct import_probe *probe)
{
	return probe->src->probe_count;
}

const char *import_probe_value(const struct import_probe *probe, size_t column)
{
	return probe->values && column < probe->importer->column_count ? probe->values[column]
								      : "";
}

const char *import_probe_path(const struct import_probe *probe)
{
	return probe->src->path;
}

/* --- detection ------------------------------------------------------------- */

static void json_paths(const struct importer *imp, const char **paths, int *root)
{
	size_t c;

	for (c = 0; c < imp->column_count; c++) {
		paths[c] = imp->columns[c].names;
		root[c] = (imp->columns[c].flags & COLUMN_ROOT) != 0;
	}
}

/*
 * Where alternative `alt` (len bytes, "$.title") of a field is in the
 * document: from the root, or in the first record at `records` (its
 * element [0] when the records are a list). 0 if it does not fit in out.
 */
static int first_record_path(const char *records, int list, const char *alt, size_t len,
			     int from_root, char *out, size_t outlen)
{
	int n;

	if (from_root || len == 0 || alt[0] != '$')
		n = snprintf(out, outlen, "%.*s", (int)len, alt);
	else
		n = snprintf(out, outlen, "%s%s%.*s", records, list ? "[0]" : "", (int)len - 1,
			     alt + 1);
	return n >= 0 && (size_t)n < outlen;
}

/*
 * Could the first record of this format have a value in every required
 * field? Asked of the document's types before any cursor is opened, so a
 * file of another kind is turned away for the price of a few lookups
 * (after json_doc_types(), without parsing it again). A "no" is certain:
 * json_score() would find an empty required field; a "yes" is a maybe.
 */
static int json_may_be(struct json_doc *doc, const struct importer *imp)
{
	const char *type = json_doc_type(doc, imp->records);
	char path[512];
	int list;
	size_t c;

	if (!type || (strcmp(type, "array") != 0 && strcmp(type, "object") != 0))
		return 0;
	list = strcmp(type, "array") == 0;
	/* An empty list has no first record. */
	if (list && (first_record_path(imp->records, 1, "$", 1, 0, path, sizeof(path)) ?
		     !json_doc_type(doc, path) : !json_doc_count(doc, imp->records)))
		return 0;
	for (c = 0; c < imp->column_count; c++) {
		const char *p = imp->columns[c].names;
		int root = (imp->columns[c].flags & COLUMN_ROOT) != 0, found = 0;

		if (!(imp->columns[c].flags & COLUMN_REQUIRED))
			continue;
		while (p && !found) {
			size_t len;
			const char *alt = next_alternative(&p, &len), *got;

			/* Absent or null reads as "", but a path too long to test might not. */
			if (!first_record_path(imp->records, list, alt, len, root, path, sizeof(path)))
				found = 1;
			else if ((got = json_doc_type(doc, path)) && strcmp(got, "null") != 0)
				found = 1;
		}
		if (!found)
			return 0;
	}
	return 1;
}

struct path_list {
	char **paths;
	size_t count;
};

static void path_add(struct path_list *l, const char *path)
{
	l->paths = xrealloc(l->paths, (l->count + 1) * sizeof(*l->paths));
	l->paths[l->count++] = xstrdup(path);
}

/* The paths json_may_be() looks at, for records in a list or a single object. */
static void json_may_be_paths(const struct importer *imp, struct path_list *out)
{
	char path[512];
	int list;
	size_t c;

	path_add(out, imp->records);
	if (first_record_path(imp->records, 1, "$", 1, 0, path, sizeof(path)))
		path_add(out, path);
	for (c = 0; c < imp->column_count; c++) {
		const char *p = imp->columns[c].names;
		int root = (imp->columns[c].flags & COLUMN_ROOT) != 0;

		if (!(imp->columns[c].flags & COLUMN_REQUIRED))
			continue;
		while (p) {
			size_t len;
			const char *alt = next_alternative(&p, &len);

			for (list = 0; list < 2; list++)
				if (first_record_path(imp->records, list, alt, len, root, path,
						      sizeof(path)))
					path_add(out, path);
		}
	}
}

/*
 * Score a JSON format: -1 if it cannot be, else the fields its first
 * record has. With a score, *kept is the cursor that read that record.
 */
static int json_score(struct import_source *src, const struct importer *imp,
		      struct json_cursor **kept)
{
	const char *paths[JSON_MAX_FIELDS];
	int root[JSON_MAX_FIELDS], score = 0;
	struct json_cursor *cursor;
	const char *const *values;
	unsigned long index, line;
	char err[128];
	size_t c;

	*kept = NULL;
	if (imp->column_count > JSON_MAX_FIELDS || !json_may_be(src->doc, imp))
		return -1;
	json_paths(imp, paths, root);
	if (json_cursor_open(src->doc, imp->records, paths, root, imp->column_count, &cursor, err,
			     sizeof(err)) != STATUS_OK)
		return -1;
	if (json_cursor_next(cursor, &values, &index, &line) != STATUS_OK) {
		json_cursor_free(cursor);
		return -1;
	}
	for (c = 0; c < imp->column_count; c++) {
		if (values[c][0])
			score++;
		else if (imp->columns[c].flags & COLUMN_REQUIRED)
			score = -1000;
	}
	if (score > 0 && imp->detect) {
		struct import_probe probe = { src, imp, values };

		if (!imp->detect(&probe))
			score = -1;
	}
	if (score < 0) {
		json_cursor_free(cursor);
		return -1;
	}
	*kept = cursor;
	return score;
}

static enum status detect_json(struct import_source *src, const struct importer **found,
			       int *near, char *why, size_t whylen)
{
	const struct importer *const *list;
	struct path_list ask = { NULL, 0 };
	size_t count, i;
	int best = 0;
	char *error;

	if (!src->doc) {
		*near = 1;
		snprintf(why, whylen, "%s", src->json_error);
		return STATUS_FORMAT;
	}
	list = registry_importers(&count);
	/* Every type the tests below look at, found in one parse of the document. */
	path_add(&ask, "$.error");
	for (i = 0; i < count; i++)
		if (list[i]->shape == IMPORT_JSON)
			json_may_be_paths(list[i], &ask);
	json_doc_types(src->doc, (const char *const *)ask.paths, ask.count);
	for (i = 0; i < ask.count; i++)
		free(ask.paths[i]);
	free(ask.paths);

	error = json_doc_value(src->doc, "$.error");
	if (error) {
		/* Not data: skipped in a folder, refused when named (see import.h). */
		snprintf(why, whylen, "this is an error message from the service, not data: \"%.200s\"",
			 error);
		free(error);
		return STATUS_FORMAT;
	}
	for (i = 0; i < count; i++) {
		struct json_cursor *cursor;
		int score;

		if (list[i]->shape != IMPORT_JSON)
			continue;
		score = json_score(src, list[i], &cursor);
		if (score > best) {
			best = score;
			*found = list[i];
			/* The import starts where detection did, without a second parse. */
			json_cursor_free(src->detected);
			src->detected = cursor;
			src->detected_by = list[i];
			json_cursor_unread(cursor);
		} else {
			json_cursor_free(cursor);
		}
	}
	if (*found)
		return STATUS_OK;
	/*
	 * A page with no records ({"vacancies": []}, the last page of a list)
	 * is its format with nothing in it: records at a named path are enough
	 * to tell which (a bare [] could be anything).
	 */
	for (i = 0; i < count; i++) {
		const char *type;

		if (list[i]->shape != IMPORT_JSON || strcmp(list[i]->records, "$") == 0)
			continue;
		type = json_doc_type(src->doc, list[i]->records);
		if (type && strcmp(type, "array") == 0 && !json_doc_count(src->doc, list[i]->records)) {
			*found = list[i];
			return STATUS_OK;
		}
	}
	snprintf(why, whylen, "JSON, but not a kind this program reads (see careers formats)");
	return STATUS_FORMAT;
}

static void quote_start(const struct import_source *src, char *out, size_t outlen)
{
	struct strbuf sb;
	size_t k;

	strbuf_init(&sb);
	for (k = 0; src->probe_count && k < src->probe[0].count && sb.len < 70; k++) {
		if (k)
			strbuf_puts(&sb, ",");
		strbuf_puts(&sb, src->probe[0].fields[k]);
	}
	for (k = 0; k < sb.len; k++)
		if ((unsigned char)sb.buf[k] < 0x20)
			sb.buf[k] = ' ';
	snprintf(out, outlen, "%.70s%s", sb.buf, sb.len > 70 ? "..." : "");
	utf8_mend(out);
	strbuf_done(&sb);
}

/* The first names of the required columns a header lacks: "\"A\", \"B\" and \"C\" columns". */
static void missing_columns(const struct importer *imp, struct probe_record *header,
			    struct strbuf *out)
{
	const char *const *got = folded_fields(header);
	struct strbuf wanted;
	size_t c, k, count = 0, done = 0;

	strbuf_init(&wanted);
	for (int pass = 0; pass < 2; pass++) {
		for (c = 0; c < imp->column_count; c++) {
			const char *rest = imp->columns[c].names;
			size_t len;
			int found = 0;

			if (!(imp->columns[c].flags & COLUMN_REQUIRED))
				continue;
			fold_names(imp->columns[c].names, &wanted);
			for (k = 0; k < header->count && !found; k++)
				found = name_matches(&wanted, got[k]);
			if (found)
				continue;
			if (pass == 0) {
				count++;
				continue;
			}
			next_alternative(&rest, &len);
			if (done)
				strbuf_puts(out, done + 1 == count ? " or " : ", ");
			strbuf_printf(out, "\"%.*s\"", (int)len, imp->columns[c].names);
			done++;
		}
	}
	strbuf_puts(out, count == 1 ? " column" : " columns");
	strbuf_done(&wanted);
}

static enum status detect_csv(struct import_source *src, const struct importer **found,
			      int *near, char *why, size_t whylen)
{
	const struct importer *const *list;
	const struct importer *nearest = NULL;
	const char *nearest_missing = NULL;
	struct probe_record *nearest_header = NULL;
	unsigned long nearest_line = 0;
	double best = 0, nearest_share = 0;
	size_t count, i, h;
	char start_text[96];

	if (src->probe_count == 0) {
		*near = src->probe_status != STATUS_OK;
		snprintf(why, whylen, "%s", src->probe_status != STATUS_OK ? src->probe_error :
			 "no records in the file");
		return STATUS_FORMAT;
	}
	list = registry_importers(&count);
	for (i = 0; i < count; i++) {
		const struct importer *imp = list[i];

		if (imp->shape == IMPORT_CSV_HEADERLESS) {
			struct import_probe probe = { src, imp, NULL };

			if (best < 0.5 && imp->detect && imp->detect(&probe)) {
				best = 0.5;
				*found = imp;
			}
			continue;
		}
		if (imp->shape != IMPORT_CSV)
			continue;
		for (h = 0; h <= imp->title_lines && h < src->probe_count; h++) {
			size_t required, required_hit, hit, keys, keys_hit, others, others_hit;
			const char *missing;
			double score;

			match_header_keys(imp, &src->probe[h], &required, &required_hit, &hit, &missing,
					  &keys, &keys_hit);
			/* A family's shared key alone makes nothing near. */
			others = required - keys;
			others_hit = required_hit - keys_hit;
			if (keys && required_hit < required && (others_hit == 0 || others_hit * 2 < others))
				continue;
			if (required_hit == required && required > 0) {
				struct import_probe probe = { src, imp, NULL };

				/* Prefer the fullest match, then the earliest header. */
				score = (double)hit - 0.01 * (double)h;
				if (score > best && (!imp->detect || imp->detect(&probe))) {
					best = score;
					*found = imp;
				}
			} else if (required_hit >= 2 && required_hit * 2 >= required &&
				   (double)required_hit / (double)required > nearest_share) {
				nearest_share = (double)required_hit / (double)required;
				nearest = imp;
				nearest_missing = missing;
				nearest_line = src->probe[h].line;
				nearest_header = &src->probe[h];
			}
		}
	}
	if (*found)
		return STATUS_OK;
	if (nearest) {
		struct strbuf names;

		strbuf_init(&names);
		missing_columns(nearest, nearest_header, &names);
		*near = 1;
		snprintf(why, whylen, "looks like %s, but the header on line %lu has no %s",
			 nearest->title, nearest_line, names.buf);
		utf8_mend(why);
		strbuf_done(&names);
		(void)nearest_missing;
		return STATUS_FORMAT;
	}
	quote_start(src, start_text, sizeof(start_text));
	snprintf(why, whylen, "not a format this program reads (it starts \"%s\")", start_text);
	return STATUS_FORMAT;
}

enum status import_detect(struct import_source *src, const struct importer **found, int *near,
			  char *why, size_t whylen)
{
	*found = NULL;
	*near = 0;
	why[0] = '\0';
	if (src->empty) {
		snprintf(why, whylen, "the file is empty");
		return STATUS_FORMAT;
	}
	if (src->binary) {
		snprintf(why, whylen, "binary data, not a text file");
		return STATUS_FORMAT;
	}
	return src->is_json ? detect_json(src, found, near, why, whylen)
			    : detect_csv(src, found, near, why, whylen);
}

/* --- the file and row API for importers ------------------------------------ */

const char *import_file_path(const struct import_file *file)
{
	return file->src->path;
}

const char *import_file_title(const struct import_file *file)
{
	return file->title.buf;
}

void import_file_set_data_date(struct import_file *file, const char *iso)
{
	snprintf(file->result->data_date, sizeof(file->result->data_date), "%s", iso);
}

enum status import_fail(struct import_file *file, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(file->fail_message, sizeof(file->fail_message), fmt, ap);
	va_end(ap);
	file->failed = 1;
	return STATUS_FORMAT;
}

void *import_file_state(struct import_file *file)
{
	return file->state;
}

void *import_state(struct import_row *row)
{
	return row->file->state;
}

struct import_file *import_row_file(struct import_row *row)
{
	return row->file;
}

unsigned long import_row_line(const struct import_row *row)
{
	return row->line;
}

const char *import_value(const struct import_row *row, int column)
{
	if (column < 0 || (size_t)column >= row->file->importer->column_count)
		return "";
	return row->raw[column] ? row->raw[column] : "";
}

int import_has_column(const struct import_row *row, int column)
{
	const struct import_file *file = row->file;

	if (file->importer->shape != IMPORT_CSV)
		return 1;
	return file->maps[column].count > 0;
}

/* Reject the row, or only warn about it, naming a field (NULL: the row). */
static void report(struct import_row *row, const char *field, int warning, const char *fmt,
		   va_list ap)
{
	struct import_file *file = row->file;
	void (*to)(void *, const struct import_rejection *) =
		!file->reporter ? NULL : warning ? file->reporter->warn : file->reporter->reject;
	struct import_rejection r;
	char message[512];

	vsnprintf(message, sizeof(message), fmt, ap);
	utf8_mend(message);
	if (warning)
		file->result->warnings++;
	else
		row->rejected = 1;
	if (!to)
		return;
	r.path = file->src->path;
	r.line = row->line;
	r.location = row->location[0] ? row->location : NULL;
	r.field = field;
	r.message = message;
	to(file->reporter->ctx, &r);
}

void import_reject(struct import_row *row, int column, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(row, column >= 0 ? row->file->field_names[column] : NULL, 0, fmt, ap);
	va_end(ap);
}

/* A report about field k of a CSV record (0-based), named by its header cell; ROW: the row. */
#define ROW ((size_t)-1)
static void about_field(struct import_row *row, size_t k, int warning, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void about_field(struct import_row *row, size_t k, int warning, const char *fmt, ...)
{
	const struct probe_record *h = row->file->header;
	char name[128];
	va_list ap;

	if (h && k < h->count)
		snprintf(name, sizeof(name), "%s", h->fields[k]);
	else
		snprintf(name, sizeof(name), "column %zu", k + 1);
	utf8_mend(name);	/* a long header name cut to fit */
	va_start(ap, fmt);
	report(row, k == ROW ? NULL : name, warning, fmt, ap);
	va_end(ap);
}

/*
 * A CSV record that does not fit its header: a NUL byte in a value
 * rejects it (the value would be cut short); more values than columns
 * (unless the extra ones are empty: a trailing comma), fewer, or a stray
 * quote are warned about, and the row still loads as read by header name
 * (real GIAS rows have carried extra values at the end). A headerless
 * format has nothing to compare with.
 */
static void check_shape(struct import_row *row)
{
	const struct csv_record *rec = row->csv;
	const struct probe_record *h = row->file->header;
	size_t k;

	if (!rec)
		return;
	if (rec->nul_at)
		about_field(row, rec->nul_at - 1, 0, "has a NUL byte in it, which would cut the "
			    "value short");
	if (h && rec->count > h->count) {
		for (k = h->count; k < rec->count && validate_blank(rec->fields[k]); k++)
			;
		if (k < rec->count)
			about_field(row, ROW, 1, "the row has %zu values where the header has %zu "
				    "columns; the extra ones are not read (is there a comma in a value "
				    "that is not in quotes?)", rec->count, h->count);
	}
	if (h && rec->count < h->count)
		about_field(row, ROW, 1, "the row has %zu values where the header has %zu "
			    "columns; the missing ones are read as empty", rec->count, h->count);
	if (rec->quote_at)
		about_field(row, rec->quote_at - 1, 1, "a quote inside a value that is not in "
			    "quotes; check the value");
}

int import_rejected(const struct import_row *row)
{
	return row->rejected;
}

void import_skip(struct import_row *row)
{
	row->skipped = 1;
}

enum status import_emit(struct import_row *row, enum record_kind kind, const void *record)
{
	struct import_sink *sink = row->file->sink;
	enum status rc;

	if (row->rejected)
		return STATUS_OK;
	rc = sink->put(sink->ctx, kind, record);
	if (rc != STATUS_OK) {
		snprintf(row->file->fail_message, sizeof(row->file->fail_message),
			 "line %lu: %s", row->line, sink->message ? sink->message(sink->ctx) :
			 status_message(rc));
		row->file->failed = 1;
		row->fatal = rc;
		return rc;
	}
	row->emitted = 1;
	return STATUS_OK;
}

const char *import_text(struct import_row *row, int column)
{
	const char *v = import_value(row, column);
	struct strbuf *sb = &row->text[column];
	char why[VALIDATE_WHY];
	size_t n;

	if (validate_blank(v))
		return NULL;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	n = strlen(v);
	while (n && (v[n - 1] == ' ' || v[n - 1] == '\t' || v[n - 1] == '\r' || v[n - 1] == '\n'))
		n--;
	strbuf_reset(sb);
	strbuf_add(sb, v, n);
	if (validate_text(sb->buf, why) != STATUS_OK) {
		import_reject(row, column, "%s", why);
		return NULL;
	}
	return sb->buf;
}

const char *import_required(struct import_row *row, int column)
{
	const char *v = import_text(row, column);

	if (!v && validate_blank(import_value(row, column)))
		import_reject(row, column, "is empty, but every row needs it");
	return v;
}

/* Common tail of the typed getters. */
static int got(struct import_row *row, int column, enum status rc, const char *why)
{
	if (rc == STATUS_OK)
		return 1;
	import_reject(row, column, "%s", why);
	return -1;
}

int import_get_int(struct import_row *row, int column, long long min, long long max,
		   long long *out)
{
	const char *v = import_value(row, column);
	char why[VALIDATE_WHY];

	if (validate_blank(v))
		return 0;
	return got(row, column, validate_integer(v, min, max, out, why), why);
}

int import_get_decimal(struct import_row *row, int column, double min, double max, double *out)
{
	const char *v = import_value(row, column);
	char why[VALIDATE_WHY];

	if (validate_blank(v))
		return 0;
	return got(row, column, validate_decimal(v, min, max, out, why), why);
}

int import_get_date(struct import_row *row, int column, char iso[11])
{
	const char *v = import_value(row, column);
	char why[VALIDATE_WHY];

	if (validate_blank(v))
		return 0;
	return got(row, column, validate_date(v, iso, why), why);
}

int import_get_money(struct import_row *row, int column, long long *pence)
{
	const char *v = import_value(row, column);
	char why[VALIDATE_WHY];

	if (validate_blank(v))
		return 0;
	return got(row, column, validate_money(v, pence, why), why);
}

int import_get_level(struct import_row *row, int column, double *level)
{
	const char *v = import_value(row, column);
	char why[VALIDATE_WHY];

	if (validate_blank(v))
		return 0;
	return got(row, column, validate_level(v, level, why), why);
}

int import_get_flag(struct import_row *row, int column, int *out)
{
	const char *v = import_value(row, column);
	char why[VALIDATE_WHY];

	if (validate_blank(v))
		return 0;
	return got(row, column, validate_flag(v, out, why), why);
}

int import_get_postcode(struct import_row *row, int column, char out[9])
{
	const char *v = import_value(row, column);
	char why[VALIDATE_WHY];

	if (validate_blank(v))
		return 0;
	return got(row, column, validate_postcode(v, out, why), why);
}

int import_get_code(struct import_row *row, int column, enum rule rule, char *out, size_t outlen)
{
	const char *v = import_value(row, column);
	char why[VALIDATE_WHY];

	if (validate_blank(v))
		return 0;
	return got(row, column, validate_code(rule, v, out, outlen, why), why);
}

/* --- running ---------------------------------------------------------------- */

static void file_init(struct import_file *file, struct import_source *src,
		      const struct importer *imp, struct import_sink *sink,
		      struct import_reporter *reporter, struct import_result *result)
{
	size_t c;

	memset(file, 0, sizeof(*file));
	file->src = src;
	file->importer = imp;
	file->sink = sink;
	file->reporter = reporter;
	file->result = result;
	file->state = imp->state_size ? xcalloc(1, imp->state_size) : NULL;
	strbuf_init(&file->title);
	file->field_names = xcalloc(imp->column_count ? imp->column_count : 1,
				    sizeof(*file->field_names));
	file->maps = xcalloc(imp->column_count ? imp->column_count : 1, sizeof(*file->maps));
	for (c = 0; c < imp->column_count; c++) {
		const char *names = imp->columns[c].names, *rest = names;
		size_t len;

		next_alternative(&rest, &len);	/* the first name is the field's */

		if (len && names[len - 1] == '*')
			len--;
		if (imp->shape == IMPORT_JSON && len > 2 && names[0] == '$' && names[1] == '.') {
			names += 2;
			len -= 2;
		}
		file->field_names[c] = xstrndup(names, len);
	}
}

static void file_done(struct import_file *file)
{
	size_t c;

	for (c = 0; c < file->importer->column_count; c++) {
		free(file->field_names[c]);
		free(file->maps[c].index);
	}
	free(file->field_names);
	free(file->maps);
	if (file->state && file->importer->end)
		file->importer->end(file->state);
	free(file->state);
	strbuf_done(&file->title);
}

static void row_init(struct import_row *row, struct import_file *file)
{
	size_t c, n = file->importer->column_count;

	memset(row, 0, sizeof(*row));
	row->file = file;
	row->raw = xcalloc(n ? n : 1, sizeof(*row->raw));
	row->text = xcalloc(n ? n : 1, sizeof(*row->text));
	row->joined = xcalloc(n ? n : 1, sizeof(*row->joined));
	for (c = 0; c < n; c++) {
		strbuf_init(&row->text[c]);
		strbuf_init(&row->joined[c]);
	}
}

static void row_done(struct import_row *row)
{
	size_t c;

	for (c = 0; c < row->file->importer->column_count; c++) {
		strbuf_done(&row->text[c]);
		strbuf_done(&row->joined[c]);
	}
	free(row->text);
	free(row->joined);
	free(row->raw);
}

/* Run row() on the values now in row->raw; count the outcome. */
static enum status run_row(struct import_row *row)
{
	struct import_file *file = row->file;
	enum status rc;

	row->rejected = row->emitted = row->skipped = 0;
	row->fatal = STATUS_OK;
	file->result->read++;
	check_shape(row);
	rc = file->importer->row(row);
	if (row->fatal != STATUS_OK)
		return row->fatal;
	if (rc != STATUS_OK && rc != STATUS_INVALID) {
		if (!file->failed)
			snprintf(file->fail_message, sizeof(file->fail_message), "line %lu: %s",
				 row->line, status_message(rc));
		file->failed = 1;
		return rc;
	}
	if (row->rejected || rc == STATUS_INVALID)
		file->result->rejected++;
	else if (row->emitted)
		file->result->loaded++;
	else
		file->result->skipped++;
	return STATUS_OK;
}

static int record_blank(char **fields, size_t count)
{
	size_t k;

	for (k = 0; k < count; k++)
		if (fields[k][0] && strspn(fields[k], " \t\r\n") != strlen(fields[k]))
			return 0;
	return 1;
}

/* Map a CSV record's fields onto the importer's columns. */
static void fill_csv(struct import_row *row, char **fields, size_t count)
{
	struct import_file *file = row->file;
	const struct importer *imp = file->importer;
	size_t c, k;

	for (c = 0; c < imp->column_count; c++) {
		const struct colmap *m = &file->maps[c];
		struct strbuf *join = &row->joined[c];

		row->raw[c] = "";
		if (imp->shape == IMPORT_CSV_HEADERLESS) {
			if (c < count)
				row->raw[c] = fields[c];
		} else if (m->count > 1 && (imp->columns[c].flags & COLUMN_REPEATED)) {
			strbuf_reset(join);
			for (k = 0; k < m->count; k++) {
				if (m->index[k] >= count || validate_blank(fields[m->index[k]]))
					continue;
				if (join->len)
					strbuf_putc(join, '|');
				strbuf_puts(join, fields[m->index[k]]);
			}
			row->raw[c] = join->buf;
		} else if (m->count && m->index[0] < count) {
			row->raw[c] = fields[m->index[0]];
		}
	}
}

static void map_header(struct import_file *file, struct probe_record *header)
{
	const struct importer *imp = file->importer;
	const char *const *got = folded_fields(header);
	struct strbuf wanted;
	size_t c, k;

	strbuf_init(&wanted);
	for (c = 0; c < imp->column_count; c++) {
		struct colmap *m = &file->maps[c];

		fold_names(imp->columns[c].names, &wanted);
		for (k = 0; k < header->count; k++) {
			if (!name_matches(&wanted, got[k]))
				continue;
			m->index = xrealloc(m->index, (m->count + 1) * sizeof(*m->index));
			m->index[m->count++] = k;
			if (m->count == 1) {
				free(file->field_names[c]);
				file->field_names[c] = xstrdup(header->fields[k]);
				/* Header cells may span lines (ONS); name them on one. */
				for (char *p = file->field_names[c]; *p; p++)
					if (*p == '\n' || *p == '\r')
						*p = ' ';
			}
		}
	}
	strbuf_done(&wanted);
}

/*
 * Two header cells with the same name where the importer reads one column
 * by that name: only the first is read, so say so, once, on the header's
 * line. (Different names that are alternatives for one column are fine.)
 */
static void warn_same_names(struct import_row *row)
{
	struct import_file *file = row->file;
	const char *const *folded = folded_fields((struct probe_record *)file->header);
	size_t c, k;

	row->line = file->header->line;
	for (c = 0; c < file->importer->column_count; c++) {
		const struct colmap *m = &file->maps[c];
		size_t earlier;
		int told = 0;

		if (file->importer->columns[c].flags & COLUMN_REPEATED || !m->count)
			continue;
		/* Said already for another column read from the same header cell? */
		for (earlier = 0; earlier < c && !told; earlier++)
			told = file->maps[earlier].count > 1 &&
			       file->maps[earlier].index[0] == m->index[0];
		for (k = 1; k < m->count && !told; k++)
			if (strcmp(folded[m->index[0]], folded[m->index[k]]) == 0) {
				about_field(row, m->index[0], 1, "columns %zu and %zu are both called "
					    "this; column %zu is read", m->index[0] + 1,
					    m->index[k] + 1, m->index[0] + 1);
				break;
			}
	}
}

static enum status run_csv(struct import_source *src, struct import_file *file)
{
	const struct importer *imp = file->importer;
	struct csv_ahead *ahead = NULL;
	struct import_row row;
	struct csv_record rec;
	size_t first = 0, i, c;
	enum status rc = STATUS_OK;

	if (src->probe_status != STATUS_OK && src->probe_count == 0)
		return import_fail(file, "%s", src->probe_error);
	if (imp->shape == IMPORT_CSV) {
		size_t h, best_h = 0, best_hit = 0;

		/* The header is the first candidate line that has every required column. */
		for (h = 0; h <= imp->title_lines && h < src->probe_count; h++) {
			size_t required, required_hit, hit;
			const char *missing;

			match_header(imp, &src->probe[h], &required, &required_hit, &hit, &missing);
			if (required_hit == required && hit > best_hit) {
				best_hit = hit;
				best_h = h;
				break;
			}
		}
		if (!best_hit) {
			size_t required, required_hit, hit;
			const char *missing = NULL;

			match_header(imp, &src->probe[0], &required, &required_hit, &hit, &missing);
			return import_fail(file, "line %lu: the header has no \"%s\" column",
					   src->probe[0].line, missing ? missing : "?");
		}
		for (h = 0; h < best_h; h++) {
			for (c = 0; c < src->probe[h].count; c++) {
				if (c)
					strbuf_putc(&file->title, ',');
				strbuf_puts(&file->title, src->probe[h].fields[c]);
			}
			strbuf_putc(&file->title, '\n');
		}
		map_header(file, &src->probe[best_h]);
		file->header = &src->probe[best_h];
		first = best_h + 1;
	}
	if (imp->begin && (rc = imp->begin(file)) != STATUS_OK)
		return rc;

	row_init(&row, file);
	if (file->header)
		warn_same_names(&row);
	for (i = first; i < src->probe_count && rc == STATUS_OK; i++) {
		const struct probe_record *p = &src->probe[i];
		struct csv_record probed = { p->count, p->fields, NULL, p->line, p->nul_at,
					     p->quote_at };

		if (record_blank(p->fields, p->count))
			continue;
		row.line = p->line;
		row.csv = &probed;
		fill_csv(&row, p->fields, p->count);
		rc = run_row(&row);
		row.csv = NULL;
	}
	if (src->probe_status != STATUS_OK && rc == STATUS_OK)
		rc = import_fail(file, "%s", src->probe_error);
	/*
	 * The rest of a big file is read by a thread of its own while the rows
	 * are stored.
	 */
	if (rc == STATUS_OK && !src->probe_hit_end && src->probe_status == STATUS_OK)
		ahead = csv_ahead_start(src->csv, textfile_size(src->tf) >= CSV_AHEAD_WORTH_IT);
	while (ahead && rc == STATUS_OK) {
		enum status next = csv_ahead_next(ahead, &rec);

		if (next == STATUS_NOT_FOUND)
			break;
		if (next != STATUS_OK) {
			rc = import_fail(file, "%s", csv_ahead_error(ahead));
			break;
		}
		if (record_blank(rec.fields, rec.count))
			continue;
		row.line = rec.line;
		row.csv = &rec;
		fill_csv(&row, rec.fields, rec.count);
		rc = run_row(&row);
	}
	csv_ahead_stop(ahead);
	row_done(&row);
	return rc;
}

static enum status run_json(struct import_source *src, struct import_file *file)
{
	const struct importer *imp = file->importer;
	const char *paths[JSON_MAX_FIELDS];
	int root[JSON_MAX_FIELDS];
	struct json_cursor *cursor;
	struct json_ahead *ahead;
	struct import_row row;
	const char *const *values;
	unsigned long index, line;
	char err[256];
	enum status rc = STATUS_OK, next;
	const char *type;
	int one_object;
	size_t c;

	if (!src->doc)
		return import_fail(file, "%s", src->json_error);
	if (imp->column_count > JSON_MAX_FIELDS)
		return import_fail(file, "internal error: too many fields");
	json_paths(imp, paths, root);
	if (src->detected && src->detected_by == imp) {
		cursor = src->detected;
		src->detected = NULL;
	} else if (json_cursor_open(src->doc, imp->records, paths, root, imp->column_count,
				    &cursor, err, sizeof(err)) != STATUS_OK) {
		return import_fail(file, "%s", err);
	}
	if (imp->begin && (rc = imp->begin(file)) != STATUS_OK) {
		json_cursor_free(cursor);
		return rc;
	}
	type = json_doc_type(src->doc, imp->records);
	one_object = type && strcmp(type, "object") == 0;
	row_init(&row, file);
	/* From here on the cursor and the document are the read-ahead's. */
	ahead = json_ahead_start(cursor, imp->column_count,
				 src->json_text.len >= JSON_AHEAD_WORTH_IT);
	while (rc == STATUS_OK) {
		next = json_ahead_next(ahead, &values, &index, &line);
		if (next == STATUS_NOT_FOUND)
			break;
		if (next != STATUS_OK) {
			rc = import_fail(file, "%s", json_ahead_error(ahead)[0] ?
					 json_ahead_error(ahead) : "a record could not be read");
			break;
		}
		for (c = 0; c < imp->column_count; c++)
			row.raw[c] = values[c];
		row.line = line;
		/* "$.vacancies[3]"; a lone record (an object) is where it is, "$". */
		if (one_object)
			snprintf(row.location, sizeof(row.location), "%.80s", imp->records);
		else if (strcmp(imp->records, "$") == 0)
			snprintf(row.location, sizeof(row.location), "$[%lu]", index);
		else
			snprintf(row.location, sizeof(row.location), "%.80s[%lu]", imp->records, index);
		rc = run_row(&row);
	}
	json_ahead_stop(ahead);
	row_done(&row);
	json_cursor_free(cursor);
	return rc;
}

enum status import_run(struct import_source *src, const struct importer *imp,
		       struct import_sink *sink, struct import_reporter *reporter,
		       struct import_result *result)
{
	struct import_file file;
	enum status rc;

	memset(result, 0, sizeof(*result));
	result->importer = imp;
	result->encoding = encoding_name(textfile_guess(src->tf)->encoding);
	if (src->used) {
		snprintf(result->message, sizeof(result->message), "the file was already imported");
		return STATUS_USAGE;
	}
	src->used = 1;
	file_init(&file, src, imp, sink, reporter, result);
	if (imp->shape == IMPORT_JSON)
		rc = run_json(src, &file);
	else
		rc = run_csv(src, &file);
	if (rc == STATUS_OK && file.failed)
		rc = STATUS_FORMAT;
	if (rc != STATUS_OK)
		snprintf(result->message, sizeof(result->message), "%s",
			 file.fail_message[0] ? file.fail_message : status_message(rc));
	if (textfile_sha256(src->tf, result->sha256) != STATUS_OK && rc == STATUS_OK) {
		snprintf(result->message, sizeof(result->message), "cannot read to the end");
		rc = STATUS_IO;
	}
	result->bytes = textfile_bytes(src->tf);
	file_done(&file);
	return rc;
}

/* --- shared helpers ----------------------------------------------------------- */

int import_ssa_code(const char *in, char out[16])
{
	char why[VALIDATE_WHY];
	double v;
	int tenths;

	if (validate_blank(in) || validate_decimal(in, -9, 99, &v, why) != STATUS_OK)
		return 0;
	tenths = (int)(v * 10 + (v < 0 ? -0.5 : 0.5));
	if (tenths % 10 == 0)
		snprintf(out, 16, "%d", tenths / 10);
	else
		snprintf(out, 16, "%d.%d", tenths / 10, abs(tenths % 10));
	return 1;
}

void import_age_range(const char *text, long long *age_min, long long *age_max)
{
	if (text)
		validate_age_range(text, age_min, age_max);
}
