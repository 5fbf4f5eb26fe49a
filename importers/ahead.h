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

#define AHEAD_BATCHES 3

/* Fill a batch from the source; nonzero when it is the last (the end or an error). */
typedef int (*ahead_fill)(void *source, void *batch);

struct ahead;

/* Start filling batches[0 .. AHEAD_BATCHES) (borrowed) from source (borrowed). */
struct ahead *ahead_start(void *source, ahead_fill fill, void *const *batches, int thread);

/* The next batch, filled: waited for, or filled now. The same one until given back. */
void *ahead_take(struct ahead *a);
void ahead_give_back(struct ahead *a);

/* Stop the thread (if it is still filling) and free the ring; NULL is fine. */
void ahead_stop(struct ahead *a);

#endif
