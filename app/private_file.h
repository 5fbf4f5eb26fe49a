/*
 * private_file.h - write a file about a pupil so that only its owner can read it.
 *
 * An action plan or an export is about a pupil, and the folder it goes
 * into may be shared or may hold something left there by someone else.
 * private_file_write() never opens the destination itself: it writes a new
 * temporary file beside it (O_CREAT | O_EXCL | O_NOFOLLOW, mode 0600, so
 * no link is followed and no existing file is reused), syncs it, and
 * renames it over the destination. A link at the destination is replaced,
 * not followed; an old file there, whatever its mode, is replaced by one
 * with mode 0600; a reader sees the old file or the new one, never half.
 */
#ifndef CAREERS_PRIVATE_FILE_H
#define CAREERS_PRIVATE_FILE_H

#include <stddef.h>

#include "status.h"

/*
 * Write n bytes to path as described above. STATUS_IO with a message
 * naming the path in err when it cannot be written (the temporary file is
 * removed; the destination is as it was).
 */
enum status private_file_write(const char *path, const char *bytes, size_t n, char *err,
			       size_t errlen);

#endif
