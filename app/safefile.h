/*
 * safefile.h - small files written whole or not at all, and read back.
 *
 * safefile_write() writes a new temporary file beside path (created with
 * O_EXCL | O_NOFOLLOW and the mode given, so no link is followed and no
 * file left there by someone else is reused), syncs it, renames it over
 * path and syncs the folder: a reader sees the old file or the new one,
 * never a part, even after a crash or a full disk; a link at path is
 * replaced, not followed, and an old file there, whatever its mode, is
 * replaced by one with the mode given (0600 for anything about a pupil:
 * an action plan, an export). On failure the temporary file is removed,
 * path is as it was, and err names path. safefile_read() reads a file of
 * at most max bytes, NUL-terminated.
 */
#ifndef CAREERS_SAFEFILE_H
#define CAREERS_SAFEFILE_H

#include <stddef.h>

#include "mem.h"
#include "status.h"

enum status safefile_write(const char *path, const void *data, size_t len, int mode, char *err,
			   size_t errlen);
/* STATUS_NOT_FOUND when there is no such file; STATUS_FORMAT when it is bigger than max. */
enum status safefile_read(const char *path, size_t max, struct strbuf *out, char *err,
			  size_t errlen);
/* Sync the folder that holds path (after a rename in it). */
void safefile_sync_folder(const char *path);
/* Create the folder (and its parents) with mode when missing. */
enum status safefile_make_folder(const char *path, int mode, char *err, size_t errlen);

#endif
