/*
 * import_ons_soc2020_isco08.c - ONS relationship between SOC 2020 and ISCO-08.
 *
 * ONS publishes, with SOC 2020, how its unit groups relate to the
 * International Standard Classification of Occupations (ISCO-08) of the
 * ILO: each SOC 2020 unit group against the ISCO-08 unit group(s) it
 * corresponds to. The published workbook's layout could not be checked
 * here (no copy was found), so this reads the table in long form - a
 * sheet of the workbook or a CSV saved from it - one row per pair:
 *
 *	SOC 2020 unit group,SOC 2020 title,ISCO-08 unit group,ISCO-08 title
 *	2134,Programmers and software development professionals,2512,Software developers
 *
 * Columns are found by name: the first whose header starts "SOC 2020" (or
 * "SOC2020") and the first starting "ISCO-08" ("ISCO 08", "ISCO08"): the
 * code comes before the title. Rows without two 4-digit unit group codes
 * (group headings, totals, notes) are skipped; up to five title lines may
 * stand above the header.
 *
 * With the BLS ISCO-08 to 2018 SOC crosswalk and O*NET's 2018 SOC to
 * O*NET-SOC crosswalk, it links SOC 2020 careers to O*NET's interest
 * profiles where the project's own crosswalk has no direct link
 * (store_finalize.c, "linking careers to O*NET").
 */
#include <string.h>

#include "importer.h"

enum { SOC, ISCO };

static const struct import_column columns[] = {
	[SOC] = { "SOC 2020*|SOC2020*", COLUMN_REQUIRED },
	[ISCO] = { "ISCO-08*|ISCO 08*|ISCO08*", COLUMN_REQUIRED },
};

static int four_digits(const char *v)
{
	return v && strlen(v) == 4 && strspn(v, "0123456789") == 4;
}

static enum status row(struct import_row *r)
{
	struct soc_isco_rec x;
	const char *soc = import_text(r, SOC), *isco = import_text(r, ISCO);
	char a[8], b[8];

	if (!four_digits(soc) || !four_digits(isco)) {
		import_skip(r);
		return STATUS_OK;
	}
	if (!validate_match(RULE_SOC2020, soc, 4)) {
		import_reject(r, SOC, "\"%s\" is not a SOC 2020 unit group (4 digits, not 0 first)", soc);
		return STATUS_OK;
	}
	memcpy(a, soc, 5);
	memcpy(b, isco, 5);
	x.soc = a;
	x.isco = b;
	return import_emit(r, RECORD_SOC_ISCO, &x);
}

const struct importer importer_ons_soc2020_isco08 = {
	.name = "ons-soc2020-isco08",
	.title = "ONS relationship between SOC 2020 and ISCO-08 unit groups (sheet or CSV)",
	.detection = "CSV or workbook sheet whose header has a SOC 2020 code and an ISCO-08 code",
	.edition = "ONS SOC 2020 to ISCO-08 relationship (workbook not seen: long form assumed)",
	.licence = "Open Government Licence v3.0",
	.attribution = "Source: Office for National Statistics, the relationship between SOC 2020 "
		       "and ISCO-08, licensed under the Open Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 5,
	.row = row,
};
