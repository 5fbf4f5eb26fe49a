/*
 * csv_ahead.h - a csv_reader read ahead by a thread of its own.
 *
 * Reading a big CSV is two jobs of about the same size: decoding,
 * hashing and splitting the text into fields (csv_reader), and checking
 * and storing each record (the importer and SQLite). On a machine with
 * two cores they can run side by side: a thread reads records into
 * batches while the caller works through the batch before. Records come
 * out exactly as csv_reader_next() gives them, in order, with the same
 * end and the same errors. If the thread cannot be started, the records
 * are read in the caller's thread instead.
 *
 * While it runs, the reader (and its textfile) belong to the thread:
 * touch them again only after csv_ahead_stop().
 */
#ifndef CAREERS_CSV_AHEAD_H
#define CAREERS_CSV_AHEAD_H

#include "csv_reader.h"
#include "status.h"

struct csv_ahead;

/* The size of file from which a thread pays for itself (it does not at ~100 KB). */
#define CSV_AHEAD_WORTH_IT (1024u * 1024)

/*
 * Start reading r (borrowed) from where it is: in a thread if `thread`
 * (a thread costs more than it saves on a small file), else in the
 * caller's, batch by batch.
 */
struct csv_ahead *csv_ahead_start(struct csv_reader *r, int thread);

/*
 * Next record into *rec, valid until the next call: STATUS_OK,
 * STATUS_NOT_FOUND at the end, or the reader's error with
 * csv_ahead_error() set. After the end or an error, the same answer again.
 */
enum status csv_ahead_next(struct csv_ahead *a, struct csv_record *rec);
const char *csv_ahead_error(const struct csv_ahead *a);

/* Stop the thread (if it is still reading) and free everything; NULL is fine. */
void csv_ahead_stop(struct csv_ahead *a);

#endif
