/*
 * import_ons_soc2010_soc2020.c - ONS relationship between SOC 2010 and SOC 2020.
 *
 * ONS's user guide "The relationship between Standard Occupational
 * Classification 2010 and Standard Occupational Classification 2020"
 * publishes, from data coded to both (the Labour Force Survey 2014-16 and
 * a 1% sample of the 2011 Census), the percentage of the cases of each
 * SOC 2010 group found in each SOC 2020 group. Its workbook was not seen:
 * this reads such a table in long form (a sheet of the workbook or a CSV
 * saved from it) - one row per pair, with the SOC 2010 unit group's code,
 * the SOC 2020 unit group's code and the percentage; titles and counts
 * beside them are ignored. Columns are found by name: "SOC 2010 ..." and
 * "SOC 2020 ..." (the first of each: the code comes before the title) and
 * "Percentage" (or "%", "Per cent"). Rows for groups above unit groups,
 * totals and notes (no 4-digit codes) are skipped.
 *
 * It is what lets the store carry LMI for All's SOC 2010 figures over to
 * SOC 2020 occupations, weighted by these shares (schema.sql).
 */
#include <string.h>

#include "importer.h"

enum { SOC2010, SOC2020, SHARE };

static const struct import_column columns[] = {
	[SOC2010] = { "SOC 2010*|SOC2010*", COLUMN_REQUIRED },
	[SOC2020] = { "SOC 2020*|SOC2020*", COLUMN_REQUIRED },
	[SHARE] = { "Percentage*|Per cent*|Percent*|%*", COLUMN_REQUIRED },
};

static int unit_group(const char *v)
{
	return v && strlen(v) == 4 && validate_match(RULE_SOC2020, v, 4);
}

static enum status row(struct import_row *r)
{
	struct soc_relation_rec rel;
	const char *from = import_text(r, SOC2010), *to = import_text(r, SOC2020);
	char a[8], b[8];
	double percent;

	if (!unit_group(from) || !unit_group(to)) {
		import_skip(r);
		return STATUS_OK;
	}
	if (import_get_decimal(r, SHARE, 0, 100, &percent) != 1) {
		if (!import_rejected(r))
			import_skip(r);
		return STATUS_OK;
	}
	memcpy(a, from, 5);
	memcpy(b, to, 5);
	rel.soc2010 = a;
	rel.soc2020 = b;
	rel.share = percent / 100;
	return import_emit(r, RECORD_SOC_RELATION, &rel);
}

const struct importer importer_ons_soc2010_soc2020 = {
	.name = "ons-soc2010-soc2020",
	.title = "ONS relationship between SOC 2010 and SOC 2020 unit groups (sheet or CSV)",
	.detection = "CSV or workbook sheet whose header has a SOC 2010 code, a SOC 2020 code "
		     "and a percentage",
	.edition = "ONS SOC 2010 to SOC 2020 relationship tables (workbook not seen: long form assumed)",
	.licence = "Open Government Licence v3.0",
	.attribution = "Source: Office for National Statistics, the relationship between SOC 2010 "
		       "and SOC 2020, licensed under the Open Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 2,
	.row = row,
};
