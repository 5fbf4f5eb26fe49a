/*
 * import_bls_isco08_soc2018.c - the BLS crosswalk from ISCO-08 to the 2018 US SOC.
 *
 * The U.S. Bureau of Labor Statistics publishes, with the 2018 Standard
 * Occupational Classification, a crosswalk between the ILO's ISCO-08 and
 * the US SOC (a spreadsheet, "ISCO-08 to 2018 SOC"). Its sheets open with
 * some title lines, then the header; this reads that sheet, or a CSV saved
 * from it:
 *
 *	ISCO-08 Code,ISCO-08 Title EN,part,2018 SOC Code,2018 SOC Title,Comment
 *	2512,Software developers,,15-1252,Software Developers,
 *	2512,Software developers,*,15-1253,Software Quality Assurance Analysts and Testers,
 *
 * The header names are those of BLS's ISCO-08 to 2010 SOC crosswalk, seen
 * in public code that reads it ("ISCO-08 Code", "ISCO-08 Title EN", "part",
 * "2010 SOC Code"); the 2018 edition is taken to name its SOC columns
 * "2018 SOC Code" and "2018 SOC Title" - not checked against the file.
 * "part" holds "*" when only part of the ISCO group is in the SOC
 * occupation; it is kept. Rows without a 4-digit ISCO-08 code and a SOC
 * code "15-1252" are skipped (notes, spacer lines); up to ten title lines
 * may stand above the header.
 */
#include <string.h>

#include "importer.h"

enum { ISCO, PART, USSOC };

static const struct import_column columns[] = {
	[ISCO] = { "ISCO-08 Code|ISCO 08 Code|ISCO08 Code", COLUMN_REQUIRED },
	[PART] = { "part", 0 },
	[USSOC] = { "2018 SOC Code|SOC 2018 Code|2018 SOC", COLUMN_REQUIRED },
};

/* "15-1252" (trailing spaces as published trimmed); 0 when it is not one. */
static int us_soc(const char *v, char out[8])
{
	if (!v || strlen(v) != 7 || v[2] != '-' || strspn(v, "0123456789") != 2 ||
	    strspn(v + 3, "0123456789") != 4)
		return 0;
	memcpy(out, v, 8);
	return 1;
}

static enum status row(struct import_row *r)
{
	struct isco_ussoc_rec x;
	const char *isco = import_text(r, ISCO), *part = import_text(r, PART);
	char a[8], b[8];

	if (!isco || strlen(isco) != 4 || strspn(isco, "0123456789") != 4 ||
	    !us_soc(import_text(r, USSOC), b)) {
		import_skip(r);
		return STATUS_OK;
	}
	memcpy(a, isco, 5);
	x.isco = a;
	x.us_soc = b;
	x.part = part && strchr(part, '*') ? 1 : 0;
	return import_emit(r, RECORD_ISCO_USSOC, &x);
}

const struct importer importer_bls_isco08_soc2018 = {
	.name = "bls-isco08-soc2018",
	.title = "BLS crosswalk from ISCO-08 to the 2018 US SOC (sheet or CSV)",
	.detection = "CSV or workbook sheet whose header has \"ISCO-08 Code\" and \"2018 SOC Code\"",
	.edition = "BLS ISCO-08 to 2018 SOC crosswalk (header names from the 2010 edition; "
		   "2018 column names not checked against the file)",
	.licence = "Public domain (U.S. Government work)",
	.attribution = "Source: U.S. Bureau of Labor Statistics, ISCO-08 to 2018 SOC crosswalk "
		       "(public domain).",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 10,
	.row = row,
};
