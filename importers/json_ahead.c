/*
 * json_ahead.c - records of a JSON document read ahead (json_ahead.h).
 *
 * Design notes. The ring and the thread are ahead.c's. A batch holds
 * copies of its records' values (the cursor's are only valid until its
 * next call), one after another in one buffer, and is handed back when the
 * caller asks for the record after its last, so the values handed out last
 * stay valid until the next call. The batch that ends the document carries
 * the cursor's last answer (the end, or its error and message).
 */
#include "json_ahead.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ahead.h"
#include "mem.h"

#define BATCH_RECORDS 64
#define BATCH_BYTES (256 * 1024)

struct batch {
	struct strbuf text;	/* every value, NUL-terminated, one after another */
	size_t *offsets;	/* record r's value f starts at offsets[r * fields + f] */
	const char **values;	/* the same as pointers, set when the batch is full */
	unsigned long index[BATCH_RECORDS], line[BATCH_RECORDS];
	size_t count, next;
	enum status end;	/* STATUS_OK: more batches follow */
	char error[256];
};

struct json_ahead {
	struct json_cursor *c;
	size_t fields;
	struct ahead *ring;
	struct batch batches[AHEAD_BATCHES];
	enum status final;
	char error[256];
};

static int batch_fill(void *ahead, void *batch)
{
	struct json_ahead *a = ahead;
	struct batch *b = batch;
	size_t f, i;

	strbuf_reset(&b->text);
	b->count = b->next = 0;
	b->end = STATUS_OK;
	b->error[0] = '\0';
	while (b->count < BATCH_RECORDS && b->text.len < BATCH_BYTES) {
		const char *const *values;
		enum status st = json_cursor_next(a->c, &values, &b->index[b->count],
						  &b->line[b->count]);

		if (st != STATUS_OK) {
			b->end = st;
			if (st != STATUS_NOT_FOUND)
				snprintf(b->error, sizeof(b->error), "%s", json_cursor_error(a->c));
			break;
		}
		for (f = 0; f < a->fields; f++) {
			b->offsets[b->count * a->fields + f] = b->text.len;
			strbuf_add(&b->text, values[f], strlen(values[f]) + 1);
		}
		b->count++;
	}
	for (i = 0; i < b->count * a->fields; i++)
		b->values[i] = b->text.buf + b->offsets[i];
	return b->end != STATUS_OK;
}

struct json_ahead *json_ahead_start(struct json_cursor *c, size_t fields, int thread)
{
	struct json_ahead *a = xcalloc(1, sizeof(*a));
	void *batches[AHEAD_BATCHES];
	size_t i, per = BATCH_RECORDS * (fields ? fields : 1);

	a->c = c;
	a->fields = fields;
	a->final = STATUS_OK;
	for (i = 0; i < AHEAD_BATCHES; i++) {
		strbuf_init(&a->batches[i].text);
		a->batches[i].offsets = xcalloc(per, sizeof(*a->batches[i].offsets));
		a->batches[i].values = xcalloc(per, sizeof(*a->batches[i].values));
		batches[i] = &a->batches[i];
	}
	a->ring = ahead_start(a, batch_fill, batches, thread);
	return a;
}

enum status json_ahead_next(struct json_ahead *a, const char *const **values,
			    unsigned long *index, unsigned long *line)
{
	while (a->final == STATUS_OK) {
		struct batch *b = ahead_take(a->ring);

		if (b->next < b->count) {
			size_t r = b->next++;

			*values = b->values + r * a->fields;
			*index = b->index[r];
			*line = b->line[r];
			return STATUS_OK;
		}
		if (b->end != STATUS_OK) {
			a->final = b->end;
			snprintf(a->error, sizeof(a->error), "%s", b->error);
			break;
		}
		ahead_give_back(a->ring);
	}
	return a->final;
}

const char *json_ahead_error(const struct json_ahead *a)
{
	return a->error;
}

void json_ahead_stop(struct json_ahead *a)
{
	size_t i;

	if (!a)
		return;
	ahead_stop(a->ring);
	for (i = 0; i < AHEAD_BATCHES; i++) {
		strbuf_done(&a->batches[i].text);
		free(a->batches[i].offsets);
		free(a->batches[i].values);
	}
	free(a);
}
