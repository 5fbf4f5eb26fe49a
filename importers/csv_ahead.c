/*
 * csv_ahead.c - records read ahead by a thread, handed over in batches.
 *
 * Design notes. The ring and the thread are ahead.c's. A batch holds
 * copies of its records' fields (csv_reader's own are only valid until its
 * next call), so the thread never writes what the caller is reading. A
 * batch is handed back only when the caller asks for the record after its
 * last, so the record handed out last stays valid until the next call, as
 * csv_reader promises. The batch that ends the file carries the reader's
 * last answer (the end, or its error and message).
 */
#include "csv_ahead.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ahead.h"
#include "mem.h"

#define BATCH_RECORDS 1024
#define BATCH_BYTES (512 * 1024)

struct batch_record {
	size_t first;		/* its first field in the batch's lists */
	size_t count;
	unsigned long line;
	size_t nul_at, quote_at;	/* as csv_record */
};

struct batch {
	struct ahead_batch head;	/* first: its records, the caller's place, the end */
	struct strbuf text;	/* every field, NUL-terminated, one after another */
	size_t *offsets;	/* per field: where it starts in text */
	size_t *lengths;
	char **fields;		/* per field: its text, filled when the batch is full */
	size_t field_count, field_alloc;
	struct batch_record *records;
	size_t record_alloc;
};

struct csv_ahead {
	struct ahead *ring;
	struct batch batches[AHEAD_BATCHES];
};

static void batch_reset(struct batch *b)
{
	strbuf_reset(&b->text);
	b->field_count = 0;
	ahead_batch_reset(&b->head);
}

static void batch_add(struct batch *b, const struct csv_record *rec)
{
	size_t i;

	if (b->head.count == b->record_alloc) {
		b->record_alloc = b->record_alloc ? 2 * b->record_alloc : 64;
		b->records = xrealloc(b->records, b->record_alloc * sizeof(*b->records));
	}
	if (b->field_count + rec->count > b->field_alloc) {
		while (b->field_count + rec->count > b->field_alloc)
			b->field_alloc = b->field_alloc ? 2 * b->field_alloc : 1024;
		b->offsets = xrealloc(b->offsets, b->field_alloc * sizeof(*b->offsets));
		b->lengths = xrealloc(b->lengths, b->field_alloc * sizeof(*b->lengths));
		b->fields = xrealloc(b->fields, b->field_alloc * sizeof(*b->fields));
	}
	b->records[b->head.count].first = b->field_count;
	b->records[b->head.count].count = rec->count;
	b->records[b->head.count].line = rec->line;
	b->records[b->head.count].nul_at = rec->nul_at;
	b->records[b->head.count].quote_at = rec->quote_at;
	b->head.count++;
	if (rec->count) {
		/* The fields are one after another (csv_record): one copy takes them all. */
		const char *base = rec->fields[0];
		size_t at = b->text.len;

		strbuf_add(&b->text, base, (size_t)(rec->fields[rec->count - 1] - base) +
			   rec->lengths[rec->count - 1] + 1);
		for (i = 0; i < rec->count; i++) {
			b->offsets[b->field_count] = at + (size_t)(rec->fields[i] - base);
			b->lengths[b->field_count] = rec->lengths[i];
			b->field_count++;
		}
	}
}

/* Fill a batch from the reader; the text has stopped moving, so point at it. */
static int batch_fill(void *reader, void *batch)
{
	struct csv_reader *r = reader;
	struct batch *b = batch;
	struct csv_record rec;
	size_t i;

	batch_reset(b);
	while (b->head.count < BATCH_RECORDS && b->text.len < BATCH_BYTES) {
		enum status st = csv_reader_next(r, &rec);

		if (st != STATUS_OK) {
			b->head.end = st;
			if (st != STATUS_NOT_FOUND)
				snprintf(b->head.error, sizeof(b->head.error), "%s",
					 csv_reader_error(r));
			break;
		}
		batch_add(b, &rec);
	}
	for (i = 0; i < b->field_count; i++)
		b->fields[i] = b->text.buf + b->offsets[i];
	return b->head.end != STATUS_OK;
}

struct csv_ahead *csv_ahead_start(struct csv_reader *r, int thread)
{
	struct csv_ahead *a = xcalloc(1, sizeof(*a));
	void *batches[AHEAD_BATCHES];
	size_t i;

	for (i = 0; i < AHEAD_BATCHES; i++) {
		strbuf_init(&a->batches[i].text);
		batches[i] = &a->batches[i];
	}
	a->ring = ahead_start(r, batch_fill, batches, thread);
	return a;
}

enum status csv_ahead_next(struct csv_ahead *a, struct csv_record *rec)
{
	size_t at;
	const struct batch *b = ahead_next(a->ring, &at);
	const struct batch_record *br;

	if (!b)
		return ahead_final(a->ring);
	br = &b->records[at];
	rec->count = br->count;
	rec->fields = b->fields + br->first;
	rec->lengths = b->lengths + br->first;
	rec->line = br->line;
	rec->nul_at = br->nul_at;
	rec->quote_at = br->quote_at;
	return STATUS_OK;
}

const char *csv_ahead_error(const struct csv_ahead *a)
{
	return ahead_error(a->ring);
}

void csv_ahead_stop(struct csv_ahead *a)
{
	size_t i;

	if (!a)
		return;
	ahead_stop(a->ring);
	for (i = 0; i < AHEAD_BATCHES; i++) {
		struct batch *b = &a->batches[i];

		strbuf_done(&b->text);
		free(b->offsets);
		free(b->lengths);
		free(b->fields);
		free(b->records);
	}
	free(a);
}
