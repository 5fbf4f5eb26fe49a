/* private_file.c - see private_file.h. */
#include "private_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "mem.h"

/* A new temporary file beside path; its name in *tmp (free it). -1 on failure. */
static int make_temporary(const char *path, char **tmp)
{
	static unsigned counter;
	int attempt, fd = -1;

	for (attempt = 0; attempt < 100 && fd < 0; attempt++) {
		*tmp = xasprintf("%s.new-%ld-%u", path, (long)getpid(), counter++);
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0) {
			free(*tmp);
			*tmp = NULL;
			if (errno != EEXIST)
				return -1;	/* something is there already: try another name */
		}
	}
	return fd;
}

enum status private_file_write(const char *path, const char *bytes, size_t n, char *err,
			       size_t errlen)
{
	char *tmp = NULL;
	int fd = make_temporary(path, &tmp), ok, saved = 0;
	size_t done = 0;

	if (fd < 0) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		return STATUS_IO;
	}
	while (done < n) {
		ssize_t w = write(fd, bytes + done, n - done);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	ok = done == n && fsync(fd) == 0;
	if (!ok)
		saved = errno ? errno : EIO;
	if (close(fd) != 0 && ok) {
		ok = 0;
		saved = errno;
	}
	if (ok && rename(tmp, path) != 0) {
		ok = 0;
		saved = errno;
	}
	if (!ok) {
		unlink(tmp);
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(saved));
	}
	free(tmp);
	return ok ? STATUS_OK : STATUS_IO;
}
