/*
 * zipfile.c - zip archives through libarchive (see zipfile.h).
 *
 * libarchive reads an archive forwards, one entry after another, so
 * opening a member walks the entries to it, and rewinding a member opens
 * the archive again. Listing skips every entry's data.
 *
 * libarchive is loaded the first time an archive is opened (dynlib.h),
 * not when the program starts: only a build or an import of a zip or a
 * workbook needs it.
 */
#include "zipfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dynlib.h"
#include "encoding.h"

#define BLOCK (64 * 1024)

int zipfile_magic(const unsigned char *head, size_t n)
{
	return n >= 4 && head[0] == 'P' && head[1] == 'K' &&
	       ((head[2] == 3 && head[3] == 4) || (head[2] == 5 && head[3] == 6));
}

/* libarchive, or NULL with err saying what to install. */
static const struct dynlib_archive *library(char *err, size_t errlen, enum status *rc)
{
	const struct dynlib_archive *lib = dynlib_archive(err, errlen);

	if (!lib)
		*rc = STATUS_IO;
	return lib;
}

static struct archive *open_archive(const struct dynlib_archive *lib,
				    const struct zipfile_where *where, char *err, size_t errlen,
				    enum status *rc)
{
	struct archive *a = lib->read_new();
	int r;

	if (!a) {
		snprintf(err, errlen, "out of memory opening the archive");
		*rc = STATUS_IO;
		return NULL;
	}
	lib->read_support_format_zip(a);
	if (where->bytes)
		r = lib->read_open_memory(a, where->bytes, where->size);
	else
		r = lib->read_open_filename(a, where->path, BLOCK);
	if (r != ARCHIVE_OK) {
		const char *why = lib->error_string(a);

		snprintf(err, errlen, "not a zip archive this program can read (%s)",
			 why ? why : "unknown error");
		utf8_mend(err);
		*rc = STATUS_FORMAT;
		lib->read_free(a);
		return NULL;
	}
	return a;
}

/* The entry's name, safe to print; "" when it has none. */
static void entry_name(const struct dynlib_archive *lib, struct archive_entry *e,
		       struct strbuf *out)
{
	const char *name = lib->entry_pathname_utf8(e);
	size_t i;

	if (!name)
		name = lib->entry_pathname(e);
	strbuf_reset(out);
	strbuf_puts(out, name ? name : "");
	for (i = 0; i < out->len; i++)
		if ((unsigned char)out->buf[i] < 0x20 || out->buf[i] == 0x7f)
			out->buf[i] = '?';
	utf8_mend(out->buf);
	out->len = strlen(out->buf);
}

/* Folders, links, resource forks and hidden files are not data. */
static int listed(const struct dynlib_archive *lib, struct archive_entry *e, const char *name)
{
	const char *p;

	if (lib->entry_filetype(e) != AE_IFREG || !*name)
		return 0;
	if (strncmp(name, "__MACOSX/", 9) == 0)
		return 0;
	for (p = name; p; p = strchr(p, '/')) {
		if (*p == '/')
			p++;
		if (*p == '.')
			return 0;
	}
	return 1;
}

static void archive_message(const struct dynlib_archive *lib, struct archive *a, const char *doing,
			    char *err, size_t errlen)
{
	const char *why = lib->error_string(a);

	snprintf(err, errlen, "%s: %s", doing, why ? why : "the archive is damaged");
	utf8_mend(err);
}

enum status zipfile_list(const struct zipfile_where *where, struct zipfile_list *out,
			 char *err, size_t errlen)
{
	const struct dynlib_archive *lib;
	struct archive_entry *e;
	struct strbuf name;
	enum status rc = STATUS_OK;
	struct archive *a;
	int r;

	memset(out, 0, sizeof(*out));
	if (!(lib = library(err, errlen, &rc)) || !(a = open_archive(lib, where, err, errlen, &rc)))
		return rc;
	strbuf_init(&name);
	while ((r = lib->read_next_header(a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
		entry_name(lib, e, &name);
		if (listed(lib, e, name.buf)) {
			out->entries = xrealloc(out->entries, (out->count + 1) * sizeof(*out->entries));
			out->entries[out->count].name = xstrdup(name.buf);
			out->entries[out->count].size = lib->entry_size_is_set(e) ?
							(long long)lib->entry_size(e) : -1;
			out->count++;
		}
		if (lib->read_data_skip(a) != ARCHIVE_OK) {
			r = ARCHIVE_FATAL;
			break;
		}
	}
	if (r != ARCHIVE_EOF) {
		archive_message(lib, a, "the archive's list of files cannot be read", err, errlen);
		rc = STATUS_FORMAT;
		zipfile_list_done(out);
	}
	strbuf_done(&name);
	lib->read_free(a);
	return rc;
}

void zipfile_list_done(struct zipfile_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		free(list->entries[i].name);
	free(list->entries);
	memset(list, 0, sizeof(*list));
}

int zipfile_list_has(const struct zipfile_list *list, const char *name)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (strcmp(list->entries[i].name, name) == 0)
			return 1;
	return 0;
}

struct zipfile_member {
	const struct dynlib_archive *lib;
	struct zipfile_where where;	/* path and bytes borrowed */
	char *name;
	struct archive *a;
	long long size;
	char error[256];
};

/* Walk a freshly opened archive to the member. */
static enum status seek_member(struct zipfile_member *m, char *err, size_t errlen)
{
	const struct dynlib_archive *lib = m->lib;
	struct archive_entry *e;
	struct strbuf name;
	enum status rc = STATUS_OK;
	int r;

	if (!(m->a = open_archive(lib, &m->where, err, errlen, &rc)))
		return rc;
	strbuf_init(&name);
	while ((r = lib->read_next_header(m->a, &e)) == ARCHIVE_OK || r == ARCHIVE_WARN) {
		entry_name(lib, e, &name);
		if (listed(lib, e, name.buf) && strcmp(name.buf, m->name) == 0) {
			m->size = lib->entry_size_is_set(e) ? (long long)lib->entry_size(e) : -1;
			strbuf_done(&name);
			return STATUS_OK;
		}
		if (lib->read_data_skip(m->a) != ARCHIVE_OK) {
			r = ARCHIVE_FATAL;
			break;
		}
	}
	strbuf_done(&name);
	if (r == ARCHIVE_EOF) {
		snprintf(err, errlen, "the archive has no member \"%.200s\"", m->name);
		utf8_mend(err);
		rc = STATUS_NOT_FOUND;
	} else {
		archive_message(lib, m->a, "the archive cannot be read", err, errlen);
		rc = STATUS_FORMAT;
	}
	lib->read_free(m->a);
	m->a = NULL;
	return rc;
}

enum status zipfile_member_open(const struct zipfile_where *where, const char *name,
				struct zipfile_member **out, char *err, size_t errlen)
{
	const struct dynlib_archive *lib;
	struct zipfile_member *m;
	enum status rc = STATUS_OK;

	*out = NULL;
	if (!(lib = library(err, errlen, &rc)))
		return rc;
	m = xcalloc(1, sizeof(*m));
	m->lib = lib;
	m->where = *where;
	m->name = xstrdup(name);
	if ((rc = seek_member(m, err, errlen)) != STATUS_OK) {
		free(m->name);
		free(m);
		*out = NULL;
		return rc;
	}
	*out = m;
	return STATUS_OK;
}

ssize_t zipfile_member_read(struct zipfile_member *m, void *buf, size_t n)
{
	la_ssize_t got;

	if (!m->a)
		return -1;
	got = m->lib->read_data(m->a, buf, n);
	if (got < 0) {
		archive_message(m->lib, m->a, "cannot unpack", m->error, sizeof(m->error));
		return -1;
	}
	return (ssize_t)got;
}

int zipfile_member_rewind(struct zipfile_member *m)
{
	if (m->a)
		m->lib->read_free(m->a);
	m->a = NULL;
	return seek_member(m, m->error, sizeof(m->error)) == STATUS_OK ? 0 : -1;
}

const char *zipfile_member_error(const struct zipfile_member *m)
{
	return m->error[0] ? m->error : "cannot unpack";
}

long long zipfile_member_size(const struct zipfile_member *m)
{
	return m->size;
}

void zipfile_member_close(struct zipfile_member *m)
{
	if (!m)
		return;
	if (m->a)
		m->lib->read_free(m->a);
	free(m->name);
	free(m);
}

enum status zipfile_read_member(const struct zipfile_where *where, const char *name,
				size_t limit, struct strbuf *out, char *err, size_t errlen)
{
	struct zipfile_member *m;
	char *buf;
	enum status rc;
	size_t total = 0;
	ssize_t got;

	if ((rc = zipfile_member_open(where, name, &m, err, errlen)) != STATUS_OK)
		return rc;
	buf = xmalloc(BLOCK);
	while ((got = zipfile_member_read(m, buf, BLOCK)) > 0) {
		total += (size_t)got;
		if (total > limit) {
			snprintf(err, errlen, "%.200s unpacks to more than %zu MB", name,
				 limit >> 20);
			utf8_mend(err);
			rc = STATUS_FORMAT;
			break;
		}
		strbuf_add(out, buf, (size_t)got);
	}
	if (got < 0 && rc == STATUS_OK) {
		snprintf(err, errlen, "%.200s: %s", name, zipfile_member_error(m));
		utf8_mend(err);
		rc = STATUS_FORMAT;
	}
	free(buf);
	zipfile_member_close(m);
	return rc;
}
