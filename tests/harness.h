/*
 * harness.h - run importers in tests without a store.
 *
 * capture_file() opens a file, detects its format, checks it is the one
 * expected, and imports it into a recording sink that renders every
 * record as one line of text ("STANDARD reference=ST0116 title=... ")
 * with only the fields that are set, in model.h order. Rejections are
 * rendered as "LINE: FIELD: MESSAGE" lines. Tests then look for lines.
 */
#ifndef CAREERS_HARNESS_H
#define CAREERS_HARNESS_H

#include "check.h"
#include "import.h"
#include "mem.h"

struct records;

struct capture {
	struct strbuf records;		/* one line per record */
	struct strbuf rejections;	/* one line per rejection */
	struct strbuf warnings;		/* one line per warning, as rejections */
	unsigned long record_count;
	unsigned long rejection_count;
	struct import_result result;
	enum status detect_status;	/* STATUS_OK when recognised */
	int near;
	char why[600];			/* detection message */
	enum status run_status;
	const char *format;		/* detected importer name, or NULL */
};

void capture_init(struct capture *c);
void capture_done(struct capture *c);

/*
 * Detect and import. Returns the run status (or the detection status if
 * the file was not recognised). Fills c either way.
 */
enum status capture_file(struct capture *c, const char *path);
enum status capture_bytes(struct capture *c, const char *name, const void *bytes, size_t n);
/* Same with a NUL-terminated string. */
enum status capture_text(struct capture *c, const char *name, const char *text);

/* Render one record as capture would (for store tests). */
void capture_render(struct strbuf *out, enum record_kind kind, const void *record);

/*
 * capture_file() on tests/fixtures/FIXTURE, checking it is recognised as
 * `format` and imports without failing. Counts (read, loaded, rejected)
 * are checked too unless given as -1.
 */
void capture_expect(struct capture *c, const char *fixture, const char *format, long read,
		    long loaded, long rejected);

/*
 * Compare text with the file tests/golden/NAME. With CAREERS_UPDATE_GOLDEN
 * set in the environment, write the file instead (for a change made on
 * purpose: read every changed file before committing it).
 */
void check_golden(const char *name, const char *text);

/* Build the bundled Doncaster dataset into a store at path, quietly; checked. */
void check_bundled_store(const char *path);
/* The same from any data folder. */
void check_store_from(const char *data_dir, const char *path);

/*
 * Write a zip archive at path holding n members: names[i] with contents[i]
 * (sizes[i] bytes, or a C string when sizes is NULL). With libarchive; checked.
 */
void harness_write_zip(const char *path, const char *const *names, const char *const *contents,
		       const size_t *sizes, size_t n);
/*
 * Write an Excel workbook (.xlsx) at path with n sheets: names[i] is sheet
 * i's name and rows[i] its cells, one line per row (an empty line: a row
 * left out), cells separated by tabs, "\\n" (backslash n) for a line break
 * inside a cell. Numbers are written as numbers, text as shared strings.
 */
void harness_write_xlsx(const char *path, const char *const *names, const char *const *rows,
			size_t n);
/* The whole of a file into out (appended); checked. */
void harness_read_file(const char *path, struct strbuf *out);

/* records_open(path, create), checked to succeed (else the message is printed and NULL). */
struct records *check_records_open(const char *path);

/* Count lines of c->records that contain needle. */
unsigned long capture_count(const struct capture *c, const char *needle);

#endif
