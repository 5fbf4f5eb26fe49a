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
	struct ahead_batch head;	/* first: its records, the caller's place, the end */
	struct strbuf text;	/* every value, NUL-terminated, one after another */
	size_t *offsets;	/* record r's value f starts at offsets[r * fields + f] */
	const char **values;	/* the same as pointers, set when the batch is full */
	unsigned long index[BATCH_RECORDS], line[BATCH_RECORDS];
};

struct json_ahead {
	struct json_cursor *c;
	size_t fields;
	struct ahead *ring;
	struct batch batches[AHEAD_BATCHES];
};

static int batch_fill(void *ahead, void *batch)
{
	struct json_ahead *a = ahead;
	struct batch *b = batch;
	size_t f, i;

	strbuf_reset(&b->text);
	ahead_batch_reset(&b->head);
	while (b->head.count < BATCH_RECORDS && b->text.len < BATCH_BYTES) {
		const char *const *values;
		size_t n = b->head.count;
		enum status st = json_cursor_next(a->c, &values, &b->index[n], &b->line[n]);

		if (st != STATUS_OK) {
			b->head.end = st;
			if (st != STATUS_NOT_FOUND)
				snprintf(b->head.error, sizeof(b->head.error), "%s",
					 json_cursor_error(a->c));
			break;
		}
		for (f = 0; f < a->fields; f++) {
			b->offsets[n * a->fields + f] = b->text.len;
			strbuf_add(&b->text, values[f], strlen(values[f]) + 1);
		}
		b->head.count++;
	}
	for (i = 0; i < b->head.count * a->fields; i++)
		b->values[i] = b->text.buf + b->offsets[i];
	return b->head.end != STATUS_OK;
}

struct json_ahead *json_ahead_start(struct json_cursor *c, size_t fields, int thread)
{
	struct json_ahead *a = xcalloc(1, sizeof(*a));
	void *batches[AHEAD_BATCHES];
	size_t i, per = BATCH_RECORDS * (fields ? fields : 1);

	a->c = c;
	a->fields = fields;
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
	size_t at;
	const struct batch *b = ahead_next(a->ring, &at);

	if (!b)
		return ahead_final(a->ring);
	*values = b->values + at * a->fields;
	*index = b->index[at];
	*line = b->line[at];
	return STATUS_OK;
}

const char *json_ahead_error(const struct json_ahead *a)
{
	return ahead_error(a->ring);
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
