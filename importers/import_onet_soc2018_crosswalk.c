/*
 * import_onet_soc2018_crosswalk.c - O*NET's crosswalk from O*NET-SOC 2019 to the 2018 US SOC.
 *
 * The O*NET Resource Center publishes "O*NET-SOC 2019 to 2018 SOC
 * Crosswalk" (CSV and Excel): every O*NET-SOC 2019 occupation with the
 * 2018 SOC detailed occupation it belongs to. Columns (as read by public
 * code that uses the CSV):
 *
 *	O*NET-SOC 2019 Code,O*NET-SOC 2019 Title,2018 SOC Code,2018 SOC Title
 *	15-1252.00,Software Developers,15-1252,Software Developers
 *
 * The Excel edition (also inside O*NET's OccupationalListings.zip) has
 * three title lines above the header; up to five are allowed. A row with
 * no 2018 SOC code (blank, or words such as a "no match" note) is skipped.
 * Several O*NET occupations can share one 2018 SOC code (15-1299.01 ..
 * .09 under 15-1299): a SOC 2020 career reached through it averages their
 * interest profiles.
 */
#include <stdio.h>
#include <string.h>

#include "importer.h"

enum { ONET, USSOC };

static const struct import_column columns[] = {
	[ONET] = { "O*NET-SOC 2019 Code|O*NET-SOC Code 2019", COLUMN_REQUIRED },
	[USSOC] = { "2018 SOC Code|SOC 2018 Code", COLUMN_REQUIRED },
};

static enum status row(struct import_row *r)
{
	struct onet_ussoc_rec x;
	const char *soc = import_text(r, USSOC);
	char onet[16], b[8];

	if (import_get_code(r, ONET, RULE_ONET_SOC, onet, sizeof(onet)) != 1) {
		if (!import_rejected(r))
			import_reject(r, ONET, "is empty, but every row needs an O*NET-SOC code");
		return STATUS_OK;
	}
	if (!soc || !strpbrk(soc, "0123456789")) {
		import_skip(r);		/* no 2018 SOC for it (blank or a "no match" note) */
		return STATUS_OK;
	}
	if (strlen(soc) != 7 || soc[2] != '-' || strspn(soc, "0123456789") != 2 ||
	    strspn(soc + 3, "0123456789") != 4) {
		import_reject(r, USSOC, "\"%s\" is not a 2018 SOC code such as 15-1252",
			      soc ? soc : "");
		return STATUS_OK;
	}
	memcpy(b, soc, 8);
	x.onet_code = onet;
	x.us_soc = b;
	return import_emit(r, RECORD_ONET_USSOC, &x);
}

const struct importer importer_onet_soc2018_crosswalk = {
	.name = "onet-soc2018-crosswalk",
	.title = "O*NET-SOC 2019 to 2018 SOC crosswalk (CSV or Excel sheet)",
	.detection = "CSV or workbook sheet whose header has \"O*NET-SOC 2019 Code\" and "
		     "\"2018 SOC Code\"",
	.edition = "O*NET-SOC 2019 taxonomy (O*NET 25.1 and later)",
	.licence = "CC BY 4.0",
	.attribution = "O*NET-SOC 2019 to 2018 SOC crosswalk from the O*NET Resource Center by "
		       "the U.S. Department of Labor, Employment and Training Administration "
		       "(USDOL/ETA), used under the CC BY 4.0 license.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 5,
	.row = row,
};
