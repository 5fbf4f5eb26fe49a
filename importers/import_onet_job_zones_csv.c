/*
 * import_onet_job_zones_csv.c - O*NET Job Zones (how much preparation an occupation needs).
 *
 * The O*NET database's Job Zones file: the official tab-separated
 * "Job Zones.txt" (O*NET-SOC Code, Job Zone, Date, Domain Source; no
 * Title in any release up to 30.1) or the Excel download saved as CSV,
 * which adds Title. An occupation without a title keeps the one
 * Occupation Data gives it, whichever file is read first. Job zones run from 1
 * (little or no preparation) to 5 (extensive preparation). Each row
 * becomes an O*NET occupation carrying its job zone; the store merges it
 * with the same occupation from Occupation Data.
 */
#include "importer.h"

enum { CODE, TITLE, JOB_ZONE };

static const struct import_column columns[] = {
	[CODE] = { "O*NET-SOC Code|ONET-SOC Code|O*NET SOC Code", COLUMN_REQUIRED },
	[TITLE] = { "Title", 0 },
	[JOB_ZONE] = { "Job Zone", COLUMN_REQUIRED },
};

static enum status row(struct import_row *r)
{
	struct onet_occupation_rec o;
	char code[16];
	long long zone = 0;

	if (import_get_code(r, CODE, RULE_ONET_SOC, code, sizeof(code)) == 0)
		import_reject(r, CODE, "is empty, but every row needs an O*NET-SOC code");
	if (import_get_int(r, JOB_ZONE, 1, 5, &zone) == 0)
		import_reject(r, JOB_ZONE, "is empty, but every row needs a job zone (1-5)");
	o.code = code;
	o.title = import_text(r, TITLE);
	o.description = NULL;
	o.job_zone = zone;
	return import_emit(r, RECORD_ONET_OCCUPATION, &o);
}

const struct importer importer_onet_job_zones_csv = {
	.name = "onet-job-zones-csv",
	.title = "O*NET Job Zones (Job Zones.txt or the Excel export as CSV)",
	.detection = "CSV or tab-separated file whose header has O*NET-SOC Code and Job Zone",
	.edition = "O*NET 30.1 text database (December 2025): no Title column",
	.licence = "Creative Commons Attribution 4.0 International (CC BY 4.0)",
	.attribution = "This product includes information from the O*NET Database by the U.S. "
		       "Department of Labor, Employment and Training Administration (USDOL/ETA). "
		       "Used under the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 1,
	.row = row,
};
