/*
 * import_discover_uni_kisaim_csv.c - Discover Uni (Unistats) KISAIM.csv.
 *
 * The qualification list behind KISCOURSE.KISAIMCODE: two columns,
 * KISAIMCODE (three digits, "021") and KISAIMLABEL ("BSc"). Each row is a
 * CODE in list "kisaim", so the store can show "BSc" for a course whose
 * qualification is 021. Labels are HESA's own abbreviations and some
 * repeat under two codes (MA is 040 and 181).
 */
#include <ctype.h>

#include "importer.h"

enum { CODE, LABEL };

static const struct import_column columns[] = {
	[CODE] = { "KISAIMCODE", COLUMN_REQUIRED },
	[LABEL] = { "KISAIMLABEL", COLUMN_REQUIRED },
};

static enum status row(struct import_row *r)
{
	struct code_rec c = CODE_REC_INIT;
	const char *code = import_required(r, CODE);

	if (code && (!isdigit((unsigned char)code[0]) || !isdigit((unsigned char)code[1]) ||
		     !isdigit((unsigned char)code[2]) || code[3]))
		import_reject(r, CODE, "\"%.40s\" is not a KIS aim code (expected 3 digits, like "
			      "021)", code);
	c.name = import_required(r, LABEL);
	if (import_rejected(r))
		return STATUS_OK;
	c.list = "kisaim";
	c.code = code;
	return import_emit(r, RECORD_CODE, &c);
}

const struct importer importer_discover_uni_kisaim_csv = {
	.name = "discover-uni-kisaim-csv",
	.title = "Discover Uni qualification codes (KISAIM.csv)",
	.detection = "CSV whose header has KISAIMCODE and KISAIMLABEL",
	.edition = "Discover Uni 2025/26 (HESA C25061), checked on the real file",
	.licence = "Creative Commons Attribution 4.0 International (as commonly cited for "
		   "Discover Uni; not verified)",
	.attribution = "Contains Discover Uni data from the Office for Students and HESA "
		       "(Jisc), licensed under CC BY 4.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
