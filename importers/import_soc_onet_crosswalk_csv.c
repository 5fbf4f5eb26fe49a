/*
 * import_soc_onet_crosswalk_csv.c - the project's SOC 2020 to O*NET-SOC crosswalk.
 *
 * No public crosswalk between the UK's SOC 2020 and the US O*NET-SOC
 * taxonomy exists, so this is the project's own format. It links each
 * SOC 2020 unit group to the O*NET occupations whose interest profiles
 * and job zones describe it:
 *
 *	SOC2020,ONET_SOC
 *	2134,15-1252.00
 *	2134,15-1251.00
 *	5314,47-2152.00
 *
 * - UTF-8 CSV (tab-separated also read), one header row, one row per pair.
 * - SOC2020: a 4-digit SOC 2020 unit group. ONET_SOC: an O*NET-SOC code,
 *   "15-1252.00"; the 6-digit form "15-1252" means "15-1252.00".
 * - A SOC code may appear on several rows (one per O*NET occupation), and
 *   an O*NET code under several SOC codes. Repeated pairs are harmless.
 * - Other columns (titles, notes) may be added for people; they are not read.
 * Header aliases: "SOC 2020" for SOC2020; "O*NET-SOC Code" or "O*NET-SOC"
 * for ONET_SOC.
 */
#include <stdio.h>
#include <string.h>

#include "importer.h"

enum { SOC, ONET };

static const struct import_column columns[] = {
	[SOC] = { "SOC2020|SOC 2020", COLUMN_REQUIRED },
	[ONET] = { "ONET_SOC|O*NET-SOC|O*NET-SOC Code|ONET-SOC Code", COLUMN_REQUIRED },
};

/* "15-1252" or "15-1252.00" as "15-1252.00"; 0 (reported) when it is neither. */
static int onet_code(struct import_row *r, char out[16])
{
	const char *v = import_value(r, ONET);
	char why[VALIDATE_WHY], full[16];
	size_t n;

	while (*v == ' ')
		v++;
	n = strcspn(v, " ");
	if (validate_blank(v)) {
		import_reject(r, ONET, "is empty, but every row needs an O*NET-SOC code");
		return 0;
	}
	snprintf(full, sizeof(full), "%.*s.00", (int)(n < 8 ? n : 8), v);
	if (n == 7 && validate_match(RULE_ONET_SOC, full, strlen(full)))
		v = full;
	if (validate_code(RULE_ONET_SOC, v, out, 16, why) != STATUS_OK) {
		import_reject(r, ONET, "%s", why);
		return 0;
	}
	return 1;
}

static enum status row(struct import_row *r)
{
	struct crosswalk_rec x;
	char soc[8], onet[16];

	if (import_get_code(r, SOC, RULE_SOC2020, soc, sizeof(soc)) == 0)
		import_reject(r, SOC, "is empty, but every row needs a SOC 2020 unit group");
	onet_code(r, onet);
	x.soc = soc;
	x.onet_code = onet;
	return import_emit(r, RECORD_CROSSWALK, &x);
}

const struct importer importer_soc_onet_crosswalk_csv = {
	.name = "soc-onet-crosswalk-csv",
	.title = "SOC 2020 to O*NET-SOC crosswalk (this project's CSV)",
	.detection = "CSV whose header has SOC2020 and ONET_SOC",
	.edition = "this project's own format",
	.licence = "The careers project's own compilation; O*NET-SOC codes CC BY 4.0",
	.attribution = "SOC 2020 to O*NET-SOC crosswalk compiled by the careers project. "
		       "O*NET-SOC codes from the O*NET Database by the U.S. Department of Labor, "
		       "Employment and Training Administration (USDOL/ETA), used under the CC BY "
		       "4.0 license.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 1,
	.row = row,
};
