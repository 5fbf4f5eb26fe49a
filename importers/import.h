/*
 * import.h - the import driver: open a file, recognise it, run its importer.
 *
 *	import_open()    read the start of the file (encoding, first records)
 *	import_detect()  which registered format is it, or why not
 *	import_run()     stream every record through the importer's row()
 *	import_close()
 *
 * Records go to an import_sink (the store provides one; tests provide a
 * recorder). Rejected rows go to an import_reporter. The driver never
 * writes anywhere itself, so a failed file is rolled back by whoever owns
 * the sink's transaction.
 */
#ifndef CAREERS_IMPORT_H
#define CAREERS_IMPORT_H

#include <stddef.h>

#include "importer.h"

struct import_sink {
	void *ctx;
	/* Store one record; on failure return non-OK and set message(). */
	enum status (*put)(void *ctx, enum record_kind kind, const void *record);
	const char *(*message)(void *ctx);
};

struct import_rejection {
	const char *path;
	unsigned long line;	/* 0 when unknown */
	const char *location;	/* JSON: "$.vacancies[12]"; NULL for CSV */
	const char *field;	/* column header or JSON field, NULL for the whole row */
	const char *message;
};

struct import_reporter {
	void *ctx;
	void (*reject)(void *ctx, const struct import_rejection *rejection);
	/* Optional: something odd about a row that still loads (a short row, a stray quote). */
	void (*warn)(void *ctx, const struct import_rejection *warning);
};

struct import_result {
	const struct importer *importer;
	const char *encoding;
	char sha256[65];
	size_t bytes;
	unsigned long read;	/* data records seen */
	unsigned long loaded;	/* records that reached the store */
	unsigned long rejected;	/* records refused, each reported */
	unsigned long skipped;	/* spacer/heading records, neither */
	unsigned long warnings;	/* reported through the reporter's warn() */
	unsigned long replaced;	/* loaded, then written over by a later row of the file with
				 * the same key (counted by the store: build.c) */
	char data_date[11];	/* "" when the file does not say */
	char message[512];	/* why the file failed, when it did */
};

struct import_source;

/*
 * Open a file and read its start. STATUS_IO with err on failure; only
 * ordinary files are read (textfile_open()).
 */
enum status import_open(const char *path, struct import_source **out, char *err, size_t errlen);
/* The same from a descriptor textfile_open_input() gave for path (owned from now on). */
enum status import_open_fd(int fd, const char *path, struct import_source **out, char *err,
			   size_t errlen);
/* The same from memory (for tests and fuzzing); bytes are borrowed. */
struct import_source *import_open_memory(const void *bytes, size_t n, const char *name);
/*
 * The same from a stream (a zip member; see textfile.h). name is how
 * messages name it. On failure ops->close has been called.
 */
struct textfile_stream;
enum status import_open_stream(const char *name, const struct textfile_stream *ops, void *ctx,
			       size_t size, struct import_source **out, char *err, size_t errlen);
void import_close(struct import_source *src);

/*
 * Recognise the file. STATUS_OK sets *importer. STATUS_FORMAT means it is
 * not one of ours and `why` says what it looked like; *near is set when it
 * resembles a format but cannot be that format (a required column is
 * missing, broken JSON): callers treat that as an error rather than an
 * unrelated file. An API error response saved as a file ({"error": ...})
 * is not near: it holds no data.
 */
enum status import_detect(struct import_source *src, const struct importer **importer,
			  int *near, char *why, size_t whylen);

/*
 * Import every record with `importer` (normally the detected one). Fills
 * *result. STATUS_OK even when some rows were rejected; any other status
 * means the file as a whole failed (result->message says why) and
 * whatever reached the sink must be rolled back.
 */
enum status import_run(struct import_source *src, const struct importer *importer,
		       struct import_sink *sink, struct import_reporter *reporter,
		       struct import_result *result);

#endif
