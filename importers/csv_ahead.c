/*
 * csv_ahead.c - records read ahead by a thread, handed over in batches.
 *
 * Design notes. A small ring of batches: the thread fills the batch at
 * `write_at` while the caller reads the one at `read_at`; `full[i]` says
 * whose a batch is, and one lock with two conditions guards the ring. A
 * batch holds copies of its records' fields (csv_reader's own are only
 * valid until its next call), so the thread never writes what the caller
 * is reading. A batch is handed back only when the caller asks for the
 * record after its last, so the record handed out last stays valid until
 * the next call, as csv_reader promises. The batch that ends the file
 * carries the reader's last answer (the end, or its error and message).
 */
#include "csv_ahead.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

#define BATCHES 3
#define BATCH_RECORDS 1024
#define BATCH_BYTES (512 * 1024)

struct batch_record {
	size_t first;		/* its first field in the batch's lists */
	size_t count;
	unsigned long line;
	size_t nul_at, quote_at;	/* as csv_record */
};

struct batch {
	struct strbuf text;	/* every field, NUL-terminated, one after another */
	size_t *offsets;	/* per field: where it starts in text */
	size_t *lengths;
	char **fields;		/* per field: its text, filled when the batch is full */
	size_t field_count, field_alloc;
	struct batch_record *records;
	size_t count, record_alloc;
	size_t next;		/* the caller's place */
	enum status end;	/* STATUS_OK: more batches follow */
	char error[256];
};

struct csv_ahead {
	struct csv_reader *r;
	int threaded;
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t filled, emptied;
	struct batch ring[BATCHES];
	int full[BATCHES];
	int stop;
	size_t write_at, read_at;
	int reading;		/* the caller holds ring[read_at] */
	enum status final;	/* STATUS_OK until the end or an error is handed out */
	char error[256];
};

static void batch_reset(struct batch *b)
{
	strbuf_reset(&b->text);
	b->field_count = b->count = b->next = 0;
	b->end = STATUS_OK;
	b->error[0] = '\0';
}

static void batch_add(struct batch *b, const struct csv_record *rec)
{
	size_t i;

	if (b->count == b->record_alloc) {
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
	b->records[b->count].first = b->field_count;
	b->records[b->count].count = rec->count;
	b->records[b->count].line = rec->line;
	b->records[b->count].nul_at = rec->nul_at;
	b->records[b->count].quote_at = rec->quote_at;
	b->count++;
	for (i = 0; i < rec->count; i++) {
		b->offsets[b->field_count] = b->text.len;
		b->lengths[b->field_count] = rec->lengths[i];
		strbuf_add(&b->text, rec->fields[i], rec->lengths[i] + 1);
		b->field_count++;
	}
}

/* Fill b from the reader; the text has stopped moving, so point at it. */
static void batch_fill(struct batch *b, struct csv_reader *r)
{
	struct csv_record rec;
	size_t i;

	batch_reset(b);
	while (b->count < BATCH_RECORDS && b->text.len < BATCH_BYTES) {
		enum status st = csv_reader_next(r, &rec);

		if (st != STATUS_OK) {
			b->end = st;
			if (st != STATUS_NOT_FOUND)
				snprintf(b->error, sizeof(b->error), "%s", csv_reader_error(r));
			break;
		}
		batch_add(b, &rec);
	}
	for (i = 0; i < b->field_count; i++)
		b->fields[i] = b->text.buf + b->offsets[i];
}

static void *read_ahead(void *arg)
{
	struct csv_ahead *a = arg;

	for (;;) {
		struct batch *b;

		pthread_mutex_lock(&a->lock);
		while (a->full[a->write_at] && !a->stop)
			pthread_cond_wait(&a->emptied, &a->lock);
		if (a->stop) {
			pthread_mutex_unlock(&a->lock);
			break;
		}
		b = &a->ring[a->write_at];
		pthread_mutex_unlock(&a->lock);

		batch_fill(b, a->r);

		pthread_mutex_lock(&a->lock);
		a->full[a->write_at] = 1;
		a->write_at = (a->write_at + 1) % BATCHES;
		pthread_cond_signal(&a->filled);
		pthread_mutex_unlock(&a->lock);
		if (b->end != STATUS_OK)
			break;
	}
	return NULL;
}

struct csv_ahead *csv_ahead_start(struct csv_reader *r, int thread)
{
	struct csv_ahead *a = xcalloc(1, sizeof(*a));
	size_t i;

	a->r = r;
	a->final = STATUS_OK;
	for (i = 0; i < BATCHES; i++)
		strbuf_init(&a->ring[i].text);
	pthread_mutex_init(&a->lock, NULL);
	pthread_cond_init(&a->filled, NULL);
	pthread_cond_init(&a->emptied, NULL);
	a->threaded = thread && pthread_create(&a->thread, NULL, read_ahead, a) == 0;
	return a;
}

/* The batch to read from next: waited for, or (without a thread) read now. */
static struct batch *take(struct csv_ahead *a)
{
	struct batch *b = &a->ring[a->read_at];

	if (a->reading)
		return b;
	if (a->threaded) {
		pthread_mutex_lock(&a->lock);
		while (!a->full[a->read_at])
			pthread_cond_wait(&a->filled, &a->lock);
		pthread_mutex_unlock(&a->lock);
	} else {
		batch_fill(b, a->r);
	}
	a->reading = 1;
	return b;
}

static void give_back(struct csv_ahead *a)
{
	a->reading = 0;
	if (!a->threaded)
		return;
	pthread_mutex_lock(&a->lock);
	a->full[a->read_at] = 0;
	a->read_at = (a->read_at + 1) % BATCHES;
	pthread_cond_signal(&a->emptied);
	pthread_mutex_unlock(&a->lock);
}

enum status csv_ahead_next(struct csv_ahead *a, struct csv_record *rec)
{
	while (a->final == STATUS_OK) {
		struct batch *b = take(a);

		if (b->next < b->count) {
			const struct batch_record *br = &b->records[b->next++];

			rec->count = br->count;
			rec->fields = b->fields + br->first;
			rec->lengths = b->lengths + br->first;
			rec->line = br->line;
			rec->nul_at = br->nul_at;
			rec->quote_at = br->quote_at;
			return STATUS_OK;
		}
		if (b->end != STATUS_OK) {
			a->final = b->end;
			snprintf(a->error, sizeof(a->error), "%s", b->error);
			break;
		}
		give_back(a);
	}
	return a->final;
}

const char *csv_ahead_error(const struct csv_ahead *a)
{
	return a->error;
}

void csv_ahead_stop(struct csv_ahead *a)
{
	size_t i;

	if (!a)
		return;
	if (a->threaded) {
		pthread_mutex_lock(&a->lock);
		a->stop = 1;
		pthread_cond_signal(&a->emptied);
		pthread_mutex_unlock(&a->lock);
		pthread_join(a->thread, NULL);
	}
	pthread_mutex_destroy(&a->lock);
	pthread_cond_destroy(&a->filled);
	pthread_cond_destroy(&a->emptied);
	for (i = 0; i < BATCHES; i++) {
		struct batch *b = &a->ring[i];

		strbuf_done(&b->text);
		free(b->offsets);
		free(b->lengths);
		free(b->fields);
		free(b->records);
	}
	free(a);
}
