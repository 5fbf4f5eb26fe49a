/*
 * json_ahead.h - a json_cursor read ahead by a thread of its own.
 *
 * Taking a record's fields out of a JSON document (json_reader.c: SQLite's
 * JSON functions on the record's text) costs about as much as checking
 * and storing them; on two cores the two run side by side, as csv_ahead
 * does for CSV. Records come out exactly as json_cursor_next() gives them,
 * in order, with the same end and the same errors; without a thread they
 * are read in the caller's.
 *
 * While it runs, the cursor and its document belong to the thread: touch
 * them again only after json_ahead_stop().
 */
#ifndef CAREERS_JSON_AHEAD_H
#define CAREERS_JSON_AHEAD_H

#include <stddef.h>

#include "json_reader.h"
#include "status.h"

struct json_ahead;

/* The size of document from which a thread pays for itself. */
#define JSON_AHEAD_WORTH_IT (64u * 1024)

/* Start reading c (borrowed; `fields` values a record) from where it is. */
struct json_ahead *json_ahead_start(struct json_cursor *c, size_t fields, int thread);

/*
 * The next record's values (valid until the next call), its index in the
 * list and its line: STATUS_OK, STATUS_NOT_FOUND at the end, or the
 * cursor's error with json_ahead_error() set. After the end or an error,
 * the same answer again.
 */
enum status json_ahead_next(struct json_ahead *a, const char *const **values,
			    unsigned long *index, unsigned long *line);
const char *json_ahead_error(const struct json_ahead *a);

/* Stop the thread (if it is still reading) and free everything; NULL is fine. */
void json_ahead_stop(struct json_ahead *a);

#endif
