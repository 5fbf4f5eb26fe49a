/*
 * origin.h - FETCHED files: where each downloaded file came from, and when.
 *
 * `careers fetch` writes one FETCHED file into each source's folder,
 * beside the files it downloaded; `careers build` and `careers import`
 * read it and keep each file's address and fetch time in the store, so
 * `careers sources` can show them. Plain text, one block per file:
 *
 *	file: LiveCoursesWithRegionsAndVenuesReport-20261201.csv
 *	url: https://assets.publishing.service.gov.uk/media/.../...csv
 *	fetched: 2026-12-05T10:15:00Z     when these bytes were downloaded
 *	checked: 2026-12-12T10:15:02Z     when the publisher last said they are current
 *	etag: "5f3c-61a"                  validators for the next conditional request
 *	last_modified: Mon, 01 Dec 2026 09:00:00 GMT
 *	bytes: 27104622
 *	sha256: <64 hex>
 *
 * API keys are never written here: they travel in headers, not addresses.
 */
#ifndef CAREERS_ORIGIN_H
#define CAREERS_ORIGIN_H

#include <stdio.h>

#include "mem.h"
#include "status.h"

#define ORIGIN_FILE "FETCHED"

struct origin {
	char *file, *url, *fetched, *checked, *etag, *last_modified, *sha256;
	long long bytes;
};

struct origin_list {
	struct origin *items;
	size_t count;
};

/* STATUS_NOT_FOUND when there is no such file; err names a bad line. */
enum status origin_read(const char *path, struct origin_list *list, char *err, size_t errlen);
enum status origin_parse(const char *name, const char *text, struct origin_list *list, char *err,
			 size_t errlen);
void origin_write(const struct origin_list *list, const char *source, struct strbuf *out);
/* Add a copy of o (replacing an earlier one for the same file). */
void origin_put(struct origin_list *list, const struct origin *o);
const struct origin *origin_find(const struct origin_list *list, const char *file);
void origin_list_free(struct origin_list *list);

/* Is this path a FETCHED file (by its name)? */
int origin_is_file(const char *path);

struct store;
/*
 * Record, in the store, the address and fetch time of every file the
 * FETCHED file at path describes (files of its folder that were imported).
 * A FETCHED file that cannot be read is reported to err and skipped.
 */
enum status origin_apply(struct store *s, const char *path, FILE *err);
/* The same for the FETCHED file in the folder of file (careers import). */
enum status origin_apply_beside(struct store *s, const char *file, FILE *err);

#endif
