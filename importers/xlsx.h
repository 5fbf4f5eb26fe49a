/*
 * xlsx.h - the sheets of an Excel workbook (.xlsx), as CSV text.
 *
 * Some sources are published only as workbooks: the ONS SOC 2020 volume 1
 * "structure and descriptions of unit groups" and ONS ASHE Table 14. A
 * workbook is a zip archive of XML parts (ECMA-376 SpreadsheetML); the
 * container is read with zipfile.h (libarchive) and the XML with expat.
 *
 * xlsx_open() reads the workbook's list of sheets (xl/workbook.xml and
 * its relationships) and its shared strings; xlsx_sheet_csv() turns one
 * sheet into CSV text that the ordinary CSV import path reads: one line
 * per sheet row, empty lines for rows the sheet leaves out (so while no
 * cell above holds a line break, line N of the text is row N of the
 * sheet), cells quoted where they need it, a cell's value as the
 * workbook stores it (shared or inline strings as their text, numbers as
 * written, TRUE/FALSE for booleans, errors such as #N/A as written).
 *
 * Limits keep a hostile workbook from exhausting memory: the workbook
 * part and relationships up to 8 MB, shared strings up to 64 MB of text
 * and 4 million strings, one cell up to 1 MB, a sheet up to 64 MB of CSV
 * and 1,024 columns (cells further right are left out). A document type
 * declaration is refused (workbooks have none), which also keeps expat
 * from expanding entities.
 *
 * Errors: STATUS_FORMAT with a message naming the part ("xl/workbook.xml
 * line 3: not well-formed"), STATUS_IO when the file cannot be read.
 */
#ifndef CAREERS_XLSX_H
#define CAREERS_XLSX_H

#include <stddef.h>

#include "mem.h"
#include "status.h"
#include "zipfile.h"

#define XLSX_MAX_PART (8u << 20)
#define XLSX_MAX_STRINGS_BYTES (64u << 20)
#define XLSX_MAX_STRINGS (4u << 20)
#define XLSX_MAX_CELL (1u << 20)
#define XLSX_MAX_SHEET (64u << 20)
#define XLSX_MAX_COLUMNS 1024

struct xlsx;

/* Is this list of archive members a workbook's? */
int xlsx_is_workbook(const struct zipfile_list *members);

/* Open a workbook (where is borrowed: it must outlive the xlsx). */
enum status xlsx_open(const struct zipfile_where *where, struct xlsx **out, char *err,
		      size_t errlen);
void xlsx_free(struct xlsx *x);

size_t xlsx_sheet_count(const struct xlsx *x);
/* The sheet's name as the workbook's tabs show it. */
const char *xlsx_sheet_name(const struct xlsx *x, size_t i);

/* Sheet i as CSV text, appended to out. */
enum status xlsx_sheet_csv(struct xlsx *x, size_t i, struct strbuf *out, char *err,
			   size_t errlen);

#endif
