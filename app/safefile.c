/* safefile.c - write-whole-or-nothing small files (see safefile.h). */
#include "safefile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void safefile_sync_folder(const char *path)
{
	char *dir = xstrdup(path), *slash = strrchr(dir, '/');
	int fd;

	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	fd = open(slash ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/*
 * A new temporary file beside path: O_EXCL | O_NOFOLLOW, so no link is
 * followed and nothing already there (left by someone else) is reused.
 */
static int make_temporary(const char *path, int mode, char **tmp)
{
	static unsigned counter;
	int attempt, fd = -1;

	for (attempt = 0; attempt < 100 && fd < 0; attempt++) {
		*tmp = xasprintf("%s.new-%ld-%u", path, (long)getpid(), counter++);
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
		if (fd < 0) {
			free(*tmp);
			*tmp = NULL;
			if (errno != EEXIST)
				return -1;	/* something is there already: try another name */
		}
	}
	return fd;
}

enum status safefile_write(const char *path, const void *data, size_t len, int mode, char *err,
			   size_t errlen)
{
	char *tmp = NULL;
	const char *p = data;
	size_t left = len;
	int fd = make_temporary(path, mode, &tmp), ok, saved = 0;

	if (fd < 0) {
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
		return STATUS_IO;
	}
	fchmod(fd, (mode_t)mode);	/* whatever the umask */
	while (left) {
		ssize_t w = write(fd, p, left);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		p += w;
		left -= (size_t)w;
	}
	ok = left == 0 && fsync(fd) == 0;
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
		snprintf(err, errlen, "cannot write %s: %s", path, strerror(saved));
		unlink(tmp);
		free(tmp);
		return STATUS_IO;
	}
	safefile_sync_folder(path);
	free(tmp);
	return STATUS_OK;
}

enum status safefile_read(const char *path, size_t max, struct strbuf *out, char *err,
			  size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char buf[8192];
	size_t n;

	strbuf_reset(out);
	if (!f) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return errno == ENOENT ? STATUS_NOT_FOUND : STATUS_IO;
	}
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0) {
		if (out->len + n > max) {
			snprintf(err, errlen, "%s is too big (more than %zu bytes)", path, max);
			fclose(f);
			return STATUS_FORMAT;
		}
		strbuf_add(out, buf, n);
	}
	if (ferror(f)) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		fclose(f);
		return STATUS_IO;
	}
	fclose(f);
	return STATUS_OK;
}

enum status safefile_make_folder(const char *path, int mode, char *err, size_t errlen)
{
	char *copy = xstrdup(path), *p;
	struct stat st;

	for (p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, (mode_t)mode) != 0 && errno != EEXIST) {
			snprintf(err, errlen, "cannot create the folder %s: %s", copy, strerror(errno));
			free(copy);
			return STATUS_IO;
		}
		*p = '/';
	}
	if (mkdir(copy, (mode_t)mode) != 0 && errno != EEXIST) {
		snprintf(err, errlen, "cannot create the folder %s: %s", copy, strerror(errno));
		free(copy);
		return STATUS_IO;
	}
	free(copy);
	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s is not a folder", path);
		return STATUS_IO;
	}
	return STATUS_OK;
}
