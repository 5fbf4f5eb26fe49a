/*
 * ahead.h - a reader run ahead by a thread of its own, in batches.
 *
 * Reading a big file is often two jobs of about the same size: turning
 * the text into records (a CSV reader, a JSON cursor), and checking and
 * storing each record (the importer and SQLite). On a machine with two
 * cores they can run side by side: a thread fills batches of records while
 * the caller works through the batch before. This is the ring both
 * csv_ahead and json_ahead use; what a batch holds and how it is filled
 * is theirs.
 *
 * The caller takes the batches in order with ahead_take() and hands each
 * back with ahead_give_back() when done with it; the thread never writes a
 * batch the caller holds. If the thread cannot be started (or `thread` is
 * 0), ahead_take() fills the batch in the caller's thread instead.
 */
#ifndef CAREERS_AHEAD_H
#define CAREERS_AHEAD_H

#include <stddef.h>

#include "status.h"

#define AHEAD_BATCHES 3

/*
 * What every batch begins with (its first member): how many records it
 * holds, the caller's place among them, and how the reading went - a
 * batch that ends the input carries the reader's last answer.
 */
struct ahead_batch {
	size_t count, next;
	enum status end;	/* STATUS_OK: more batches follow */
	char error[256];
};

/* Make a batch empty before it is filled again. */
void ahead_batch_reset(struct ahead_batch *b);

/* Fill a batch from the source; nonzero when it is the last (the end or an error). */
typedef int (*ahead_fill)(void *source, void *batch);

struct ahead;

/* Start filling batches[0 .. AHEAD_BATCHES) (borrowed) from source (borrowed). */
struct ahead *ahead_start(void *source, ahead_fill fill, void *const *batches, int thread);

/*
 * The batch holding the next record, with the record's place in it in
 * *at; batches are handed back as their records run out. NULL at the end
 * or after an error: ahead_final() says which (STATUS_NOT_FOUND, or the
 * reader's error with ahead_error() set), and the same ever after.
 */
void *ahead_next(struct ahead *a, size_t *at);
enum status ahead_final(const struct ahead *a);
const char *ahead_error(const struct ahead *a);

/* Stop the thread (if it is still filling) and free the ring; NULL is fine. */
void ahead_stop(struct ahead *a);

#endif
