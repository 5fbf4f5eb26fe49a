/*
 * fuzz_archive.c - any bytes as a zip archive and as an Excel workbook, for libFuzzer.
 *
 * The containers publishers ship (zipfile.h, libarchive) and the workbook
 * parts inside them (xlsx.h, expat) are read from untrusted downloads.
 * One input is taken as an archive in memory: its members are listed and
 * each is read (up to 1 MB) as bytes and through the stream a build uses;
 * then the input is opened as a workbook and every sheet is turned into
 * CSV text, which goes through the import path like a downloaded sheet.
 * Besides the sanitizers, it checks what the readers promise:
 *
 *	- member names and every message are valid UTF-8 with no control
 *	  characters in names;
 *	- a sheet's CSV text is valid UTF-8 and within the sheet limit;
 *	- reading a member whole and as a stream gives the same bytes.
 *
 * Built with -DCAREERS_FUZZING it is a libFuzzer target; without it, main()
 * runs each file of the corpus once (corpus.h), as ctest does on every build.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "encoding.h"
#include "harness.h"
#include "import.h"
#include "xlsx.h"
#include "zipfile.h"

#define MEMBER_LIMIT (1u << 20)

static void broken_promise(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_archive: %s\n%s\n", what, detail ? detail : "");
	abort();
}

static void check_text(const char *what, const char *s, int names)
{
	size_t n = strlen(s), i;

	if (utf8_valid_prefix((const unsigned char *)s, n) != n)
		broken_promise(what, s);
	for (i = 0; names && i < n; i++)
		if ((unsigned char)s[i] < 0x20)
			broken_promise("a member name with a control character", s);
}

/* A member as a stream, to the end; the bytes compared with the whole read. */
static void stream_member(const struct zipfile_where *where, const char *name,
			  const struct strbuf *whole)
{
	struct zipfile_member *m;
	struct strbuf got;
	char buf[4096], err[256];
	ssize_t n;

	if (zipfile_member_open(where, name, &m, err, sizeof(err)) != STATUS_OK) {
		check_text("a message that is not valid UTF-8", err, 0);
		return;
	}
	strbuf_init(&got);
	while ((n = zipfile_member_read(m, buf, sizeof(buf))) > 0 && got.len <= MEMBER_LIMIT)
		strbuf_add(&got, buf, (size_t)n);
	if (n == 0 && whole && got.len <= MEMBER_LIMIT &&
	    (got.len != whole->len || memcmp(got.buf, whole->buf, got.len) != 0))
		broken_promise("a member read as a stream differs from the member read whole", name);
	if (zipfile_member_rewind(m) == 0 && zipfile_member_read(m, buf, 1) < 0)
		check_text("a message that is not valid UTF-8", zipfile_member_error(m), 0);
	strbuf_done(&got);
	zipfile_member_close(m);
}

static void members(const struct zipfile_where *where)
{
	struct zipfile_list list;
	struct strbuf whole;
	char err[256];
	size_t i;

	if (zipfile_list(where, &list, err, sizeof(err)) != STATUS_OK) {
		check_text("a message that is not valid UTF-8", err, 0);
		return;
	}
	for (i = 0; i < list.count && i < 16; i++) {
		enum status rc;

		check_text("a member name that is not valid UTF-8", list.entries[i].name, 1);
		strbuf_init(&whole);
		rc = zipfile_read_member(where, list.entries[i].name, MEMBER_LIMIT, &whole, err,
					 sizeof(err));
		if (rc != STATUS_OK)
			check_text("a message that is not valid UTF-8", err, 0);
		stream_member(where, list.entries[i].name, rc == STATUS_OK ? &whole : NULL);
		strbuf_done(&whole);
	}
	zipfile_list_done(&list);
}

static void sheets(const struct zipfile_where *where)
{
	struct xlsx *x;
	struct strbuf csv;
	char err[256];
	size_t i;

	if (xlsx_open(where, &x, err, sizeof(err)) != STATUS_OK) {
		check_text("a message that is not valid UTF-8", err, 0);
		return;
	}
	for (i = 0; i < xlsx_sheet_count(x) && i < 8; i++) {
		struct import_source *src;
		const struct importer *imp;
		char why[600];
		int near;

		check_text("a sheet name that is not valid UTF-8", xlsx_sheet_name(x, i), 0);
		strbuf_init(&csv);
		if (xlsx_sheet_csv(x, i, &csv, err, sizeof(err)) != STATUS_OK) {
			check_text("a message that is not valid UTF-8", err, 0);
		} else {
			check_text("sheet text that is not valid UTF-8", csv.buf, 0);
			/* The limit is checked after each row, and a row is at most the limit (quoted: twice). */
			if (csv.len > 3 * (size_t)XLSX_MAX_SHEET)
				broken_promise("a sheet over its limit", NULL);
			/* As a build reads a sheet: recognise it (the runs are fuzz_import's). */
			if ((src = import_open_memory(csv.buf, csv.len, "fuzz.xlsx[Sheet]")) != NULL) {
				if (import_detect(src, &imp, &near, why, sizeof(why)) != STATUS_OK)
					check_text("a message that is not valid UTF-8", why, 0);
				import_close(src);
			}
		}
		strbuf_done(&csv);
	}
	xlsx_free(x);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct zipfile_where where = { "fuzz.zip", data, size };

	members(&where);
	sheets(&where);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, "fuzz_archive");
}
#endif
