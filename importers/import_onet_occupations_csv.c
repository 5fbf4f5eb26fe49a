/*
 * import_onet_occupations_csv.c - O*NET Occupation Data (code, title, description).
 *
 * The O*NET database's "Occupation Data.txt": tab-separated, header
 * O*NET-SOC Code, Title, Description, one row per occupation; also read
 * when saved comma-separated (the Excel download). Descriptions may be
 * quoted.
 *
 * Detection needs only O*NET-SOC Code and Description: every O*NET Excel
 * export has O*NET-SOC Code and Title, so requiring those two as well
 * would make the other exports (Skills, Tasks, ...) look like a broken
 * copy of this file. The Title column is checked when the rows are read.
 */
#include "importer.h"

enum { CODE, TITLE, DESCRIPTION };

static const struct import_column columns[] = {
	[CODE] = { "O*NET-SOC Code|ONET-SOC Code|O*NET SOC Code", COLUMN_REQUIRED },
	[TITLE] = { "Title", 0 },
	[DESCRIPTION] = { "Description", COLUMN_REQUIRED },
};

static enum status row(struct import_row *r)
{
	struct onet_occupation_rec o;
	char code[16];

	if (!import_has_column(r, TITLE))
		return import_fail(import_row_file(r), "the header has no \"Title\" column");
	if (import_get_code(r, CODE, RULE_ONET_SOC, code, sizeof(code)) == 0)
		import_reject(r, CODE, "is empty, but every occupation has an O*NET-SOC code");
	o.code = code;
	o.title = import_required(r, TITLE);
	o.description = import_text(r, DESCRIPTION);
	o.job_zone = MODEL_NO_INT;
	return import_emit(r, RECORD_ONET_OCCUPATION, &o);
}

const struct importer importer_onet_occupations_csv = {
	.name = "onet-occupations-csv",
	.title = "O*NET Occupation Data (tab- or comma-separated)",
	.detection = "CSV or tab-separated file whose header has O*NET-SOC Code and "
		     "Description (and Title)",
	.edition = "O*NET 30.1 text database (December 2025)",
	.licence = "Creative Commons Attribution 4.0 International (CC BY 4.0)",
	.attribution = "This product includes information from the O*NET Database by the U.S. "
		       "Department of Labor, Employment and Training Administration (USDOL/ETA). "
		       "Used under the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 1,
	.row = row,
};
