/*
 * bundle.c - the parts of a data file (see bundle.h).
 *
 * Design notes. A part remembers where it is: the zip member (or none)
 * and the sheet (or none). A workbook inside a zip archive is read into
 * memory (up to XLSX_MAX_SHEET) when one of its sheets is opened, and
 * kept while its sheets follow one another, which is the order the parts
 * are listed in.
 */
#include "bundle.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "encoding.h"
#include "mem.h"
#include "textfile.h"
#include "xlsx.h"
#include "zipfile.h"

struct place {
	char *zip_member;	/* NULL: the file itself */
	long sheet;		/* -1: not a sheet */
};

struct bundle {
	char *path;
	int fd;			/* the file itself, open, while it is one part not yet opened */
	int container;
	struct bundle_part *parts;
	struct place *places;
	size_t count;
	/* the workbook whose sheets are being opened */
	char *book_member;	/* zip member it came from, NULL for the file itself */
	struct strbuf book_bytes;
	struct zipfile_where book_where;
	struct xlsx *book;
	struct strbuf sheet_text;	/* the text of the part last opened, if a sheet */
};

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && strcasecmp(s + n - t, tail) == 0;
}

static void add_part(struct bundle *b, char *member, char *name, char *skip, const char *zip,
		     long sheet)
{
	b->parts = xrealloc(b->parts, (b->count + 1) * sizeof(*b->parts));
	b->places = xrealloc(b->places, (b->count + 1) * sizeof(*b->places));
	b->parts[b->count].member = member;
	b->parts[b->count].name = name;
	b->parts[b->count].skip = skip;
	b->places[b->count].zip_member = zip ? xstrdup(zip) : NULL;
	b->places[b->count].sheet = sheet;
	b->count++;
}

/* Drop the workbook being kept, if any. */
static void forget_book(struct bundle *b)
{
	xlsx_free(b->book);
	b->book = NULL;
	free(b->book_member);
	b->book_member = NULL;
	strbuf_reset(&b->book_bytes);
}

/* Open the workbook at zip member `member` (NULL: the file itself), keeping it. */
static enum status open_book(struct bundle *b, const char *member, char *err, size_t errlen)
{
	struct zipfile_where file = { b->path, NULL, 0 };
	enum status rc;

	if (b->book && ((!member && !b->book_member) ||
			(member && b->book_member && strcmp(member, b->book_member) == 0)))
		return STATUS_OK;
	forget_book(b);
	b->book_where = file;
	if (member) {
		rc = zipfile_read_member(&file, member, XLSX_MAX_SHEET, &b->book_bytes, err, errlen);
		if (rc != STATUS_OK)
			return rc;
		b->book_where.bytes = b->book_bytes.buf;
		b->book_where.size = b->book_bytes.len;
		b->book_where.path = member;
	}
	if ((rc = xlsx_open(&b->book_where, &b->book, err, errlen)) != STATUS_OK)
		return rc;
	b->book_member = member ? xstrdup(member) : NULL;
	return STATUS_OK;
}

/* One part per sheet of the workbook at `member` (NULL: the file itself). */
static enum status add_sheets(struct bundle *b, const char *member, char *err, size_t errlen)
{
	enum status rc = open_book(b, member, err, errlen);
	size_t i;

	if (rc != STATUS_OK) {
		/* A broken workbook inside an archive is one part that says why. */
		if (!member)
			return rc;
		add_part(b, xstrdup(member), xasprintf("%s/%s", b->path, member),
			 xasprintf("the workbook cannot be read: %s", err), member, -1);
		err[0] = '\0';
		return STATUS_OK;
	}
	for (i = 0; i < xlsx_sheet_count(b->book); i++) {
		const char *sheet = xlsx_sheet_name(b->book, i);

		add_part(b, member ? xasprintf("%s, sheet %s", member, sheet) :
			 xasprintf("sheet %s", sheet),
			 member ? xasprintf("%s/%s[%s]", b->path, member, sheet) :
			 xasprintf("%s[%s]", b->path, sheet), NULL, member, (long)i);
	}
	return STATUS_OK;
}

/*
 * "Data/multi_csv/NSPL_AUG_2026_UK_AB.csv" when the archive also has a
 * national file "Data/..._UK.csv": that file's name, else NULL.
 */
static const char *national_copy(const struct zipfile_list *list, const char *name)
{
	const char *at = strstr(name, "multi_csv/");
	size_t folder, i;

	if (!at || (at != name && at[-1] != '/'))
		return NULL;
	folder = (size_t)(at - name);
	for (i = 0; i < list->count; i++) {
		const char *other = list->entries[i].name;

		if (strncmp(other, name, folder) == 0 && !strchr(other + folder, '/') &&
		    ends_with(other, "_UK.csv"))
			return other;
	}
	return NULL;
}

static enum status list_archive(struct bundle *b, char *err, size_t errlen)
{
	struct zipfile_where where = { b->path, NULL, 0 };
	struct zipfile_list list;
	enum status rc;
	size_t i;

	if ((rc = zipfile_list(&where, &list, err, errlen)) != STATUS_OK)
		return rc;
	b->container = 1;
	if (xlsx_is_workbook(&list)) {
		zipfile_list_done(&list);
		return add_sheets(b, NULL, err, errlen);
	}
	for (i = 0; i < list.count && rc == STATUS_OK; i++) {
		const char *name = list.entries[i].name, *national;
		char *shown = xasprintf("%s/%s", b->path, name);

		if (ends_with(name, ".xlsx")) {
			free(shown);
			rc = add_sheets(b, name, err, errlen);
		} else if (ends_with(name, ".zip")) {
			add_part(b, xstrdup(name), shown, xstrdup("an archive inside the archive "
				 "(unpack it to read it)"), name, -1);
		} else if ((national = national_copy(&list, name)) != NULL) {
			add_part(b, xstrdup(name), shown, xasprintf("the same rows as %s, which is "
				 "read instead", national), name, -1);
		} else {
			add_part(b, xstrdup(name), shown, NULL, name, -1);
		}
	}
	forget_book(b);
	zipfile_list_done(&list);
	return rc;
}

enum status bundle_open_fd(int fd, const char *path, struct bundle **out, char *err,
			   size_t errlen)
{
	struct bundle *b = xcalloc(1, sizeof(*b));
	unsigned char head[4];
	ssize_t got = 0;
	enum status rc = STATUS_OK;

	*out = NULL;
	b->path = xstrdup(path);
	b->fd = -1;
	strbuf_init(&b->book_bytes);
	strbuf_init(&b->sheet_text);
	if (fd >= 0)
		got = pread(fd, head, sizeof(head), 0);
	/* A file that cannot be read is one part: opening it says why. */
	if (got == (ssize_t)sizeof(head) && zipfile_magic(head, sizeof(head))) {
		close(fd);
		rc = list_archive(b, err, errlen);
	} else {
		b->fd = fd;
		add_part(b, NULL, xstrdup(path), NULL, NULL, -1);
	}
	if (rc != STATUS_OK) {
		bundle_free(b);
		return rc;
	}
	*out = b;
	return STATUS_OK;
}

enum status bundle_open(const char *path, struct bundle **out, char *err, size_t errlen)
{
	char why[256];

	/* Only an ordinary file is opened: a named pipe must not keep the build waiting. */
	return bundle_open_fd(textfile_open_input(path, why, sizeof(why)), path, out, err, errlen);
}

void bundle_free(struct bundle *b)
{
	size_t i;

	if (!b)
		return;
	for (i = 0; i < b->count; i++) {
		free(b->parts[i].member);
		free(b->parts[i].name);
		free(b->parts[i].skip);
		free(b->places[i].zip_member);
	}
	free(b->parts);
	free(b->places);
	if (b->fd >= 0)
		close(b->fd);
	forget_book(b);
	strbuf_done(&b->book_bytes);
	strbuf_done(&b->sheet_text);
	free(b->path);
	free(b);
}

size_t bundle_count(const struct bundle *b)
{
	return b->count;
}

const struct bundle_part *bundle_part(const struct bundle *b, size_t i)
{
	return i < b->count ? &b->parts[i] : NULL;
}

int bundle_is_container(const struct bundle *b)
{
	return b->container;
}

/* A zip member as a textfile stream. */
static ssize_t member_read(void *ctx, void *buf, size_t n)
{
	return zipfile_member_read(ctx, buf, n);
}

static int member_rewind(void *ctx)
{
	return zipfile_member_rewind(ctx);
}

static const char *member_error(void *ctx)
{
	return zipfile_member_error(ctx);
}

static void member_close(void *ctx)
{
	zipfile_member_close(ctx);
}

static const struct textfile_stream member_stream = {
	member_read, member_rewind, member_error, member_close,
};

enum status bundle_open_part(struct bundle *b, size_t i, struct import_source **out, char *err,
			     size_t errlen)
{
	const struct place *at;
	struct zipfile_where where = { b->path, NULL, 0 };
	struct zipfile_member *m;
	enum status rc;
	long long size;

	*out = NULL;
	if (i >= b->count)
		return STATUS_NOT_FOUND;
	at = &b->places[i];
	if (at->sheet >= 0) {
		if ((rc = open_book(b, at->zip_member, err, errlen)) != STATUS_OK)
			return rc;
		strbuf_reset(&b->sheet_text);
		rc = xlsx_sheet_csv(b->book, (size_t)at->sheet, &b->sheet_text, err, errlen);
		if (rc != STATUS_OK)
			return rc;
		*out = import_open_memory(b->sheet_text.buf, b->sheet_text.len, b->parts[i].name);
		return *out ? STATUS_OK : STATUS_IO;
	}
	if (!at->zip_member && b->fd >= 0) {
		int fd = b->fd;

		b->fd = -1;	/* import_open_fd() takes it, and closes it even when it fails */
		return import_open_fd(fd, b->path, out, err, errlen);
	}
	if (!at->zip_member)
		return import_open(b->path, out, err, errlen);
	if ((rc = zipfile_member_open(&where, at->zip_member, &m, err, errlen)) != STATUS_OK)
		return rc;
	size = zipfile_member_size(m);
	return import_open_stream(b->parts[i].name, &member_stream, m, size > 0 ? (size_t)size : 0,
				  out, err, errlen);
}
