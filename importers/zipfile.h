/*
 * zipfile.h - the members of a zip archive, read with libarchive.
 *
 * Publishers ship their data zipped (Discover Uni, ONSPD/NSPL, the O*NET
 * text database, LARS) and Excel workbooks are zip archives too. This
 * module lists an archive's members and reads one of them, either as a
 * stream (a member may be far bigger than memory: the NSPL national CSV
 * is over a gigabyte) or whole into memory up to a limit (a workbook's
 * parts). The archive is a file on disk or bytes in memory (borrowed).
 *
 * Only regular files are listed; folders, links and names starting with
 * "__MACOSX/" or a "." in any part are left out. Names are given as the
 * archive has them, made safe to print (control characters become '?',
 * broken UTF-8 is dropped).
 *
 * Errors: STATUS_FORMAT when the bytes are not a zip archive or a member
 * cannot be decompressed (damaged, encrypted, an unsupported method),
 * STATUS_IO when the file cannot be read or libarchive cannot be loaded
 * (dynlib.h: err then says what to install), STATUS_NOT_FOUND for a member
 * that is not there; err says which and why.
 */
#ifndef CAREERS_ZIPFILE_H
#define CAREERS_ZIPFILE_H

#include <stddef.h>
#include <sys/types.h>

#include "mem.h"
#include "status.h"

/* Do these first bytes start a zip archive (or an empty one)? */
int zipfile_magic(const unsigned char *head, size_t n);

struct zipfile_entry {
	char *name;
	long long size;		/* uncompressed bytes, -1 when the archive does not say */
};

struct zipfile_list {
	struct zipfile_entry *entries;
	size_t count;
};

/* Where an archive is: a path, or bytes in memory (path then names it in messages). */
struct zipfile_where {
	const char *path;
	const void *bytes;	/* NULL: read the file at path */
	size_t size;
};

/* The regular files of an archive, in the order it holds them. */
enum status zipfile_list(const struct zipfile_where *where, struct zipfile_list *out,
			 char *err, size_t errlen);
void zipfile_list_done(struct zipfile_list *list);
/* Is name one of the list's members? */
int zipfile_list_has(const struct zipfile_list *list, const char *name);

/* One member being read as a stream. */
struct zipfile_member;

enum status zipfile_member_open(const struct zipfile_where *where, const char *name,
				struct zipfile_member **out, char *err, size_t errlen);
/* Up to n bytes; 0 at the end, -1 on error (zipfile_member_error says why). */
ssize_t zipfile_member_read(struct zipfile_member *m, void *buf, size_t n);
/* Start the member again from its first byte: 0, or -1 on error. */
int zipfile_member_rewind(struct zipfile_member *m);
const char *zipfile_member_error(const struct zipfile_member *m);
long long zipfile_member_size(const struct zipfile_member *m);
void zipfile_member_close(struct zipfile_member *m);

/*
 * A whole member into out (appended), refusing one that unpacks to more
 * than limit bytes (STATUS_FORMAT, "unpacks to more than ...").
 */
enum status zipfile_read_member(const struct zipfile_where *where, const char *name,
				size_t limit, struct strbuf *out, char *err, size_t errlen);

#endif
