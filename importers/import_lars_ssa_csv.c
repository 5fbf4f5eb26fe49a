/*
 * import_lars_ssa_csv.c - LARS sector subject areas, three files in one format.
 *
 * The LARS download lists the sector subject areas (SSAs) three ways:
 * SectorSubjectAreaTier1.csv (code and Desc), SectorSubjectAreaTier2.csv
 * (the same for tier 2) and SectorSubjectArea.csv (one row per tier 2
 * area, with its tier 1 area alongside). All three are this format; the
 * columns a file has decide what each row gives:
 *
 *	tier 1 columns    CODE list=ssa1
 *	tier 2 columns    CODE list=ssa2, parent = the tier 1 code
 *
 * Codes are decimals ("6.00", "6.10") stored without trailing zeros ("6",
 * "6.1"). The rows -1 "Unknown" and -2 "Not Applicable" are not areas
 * and are skipped. A tier 2 file without tier 1 columns takes the parent
 * from the code itself: 6.1 is under 6.
 */
#include <stdio.h>
#include <string.h>

#include "importer.h"

enum {
	ANY_CODE, ANY_NAME, TIER1, TIER1_NAME, TIER2, TIER2_NAME,
};

/* The first two are for detection only: each file has one tier or both. */
static const struct import_column columns[] = {
	[ANY_CODE] = { "SectorSubjectAreaTier1|SectorSubjectAreaTier2", COLUMN_REQUIRED },
	[ANY_NAME] = { "SectorSubjectAreaTier1Desc|SectorSubjectAreaTier2Desc", COLUMN_REQUIRED },
	[TIER1] = { "SectorSubjectAreaTier1", 0 },
	[TIER1_NAME] = { "SectorSubjectAreaTier1Desc", 0 },
	[TIER2] = { "SectorSubjectAreaTier2", 0 },
	[TIER2_NAME] = { "SectorSubjectAreaTier2Desc", 0 },
};

struct ssa_state {
	int checked;		/* the header has been checked */
	char last_tier1[16];	/* the combined file repeats each tier 1 area */
};

/* Each tier needs both its code and its Desc column, or neither. */
static enum status check_header(struct import_row *r)
{
	static const int tiers[][2] = { { TIER1, TIER1_NAME }, { TIER2, TIER2_NAME } };
	size_t i;

	for (i = 0; i < sizeof(tiers) / sizeof(tiers[0]); i++) {
		int has_code = import_has_column(r, tiers[i][0]);
		const char *have = columns[tiers[i][has_code ? 0 : 1]].names;
		const char *lack = columns[tiers[i][has_code ? 1 : 0]].names;

		if (has_code != import_has_column(r, tiers[i][1]))
			return import_fail(import_row_file(r), "the header has a \"%s\" column but "
					   "no \"%s\" column", have, lack);
	}
	return STATUS_OK;
}

/*
 * A code, normalised. 1 = code in out, 0 = one of LARS's "unknown" /
 * "not applicable" rows (negative codes), -1 = bad and reported.
 */
static int get_code(struct import_row *r, int column, char out[16])
{
	const char *v = import_value(r, column);

	if (validate_blank(v)) {
		import_reject(r, column, "is empty, but every row needs a sector subject area code");
		return -1;
	}
	if (!import_ssa_code(v, out)) {
		import_reject(r, column, "\"%.40s\" is not a sector subject area code (expected "
			      "something like 6.10)", v);
		return -1;
	}
	return out[0] == '-' ? 0 : 1;
}

/* The tier 1 code a tier 2 code sits under: "6.1" -> "6". */
static void parent_of(const char *tier2, char out[16])
{
	snprintf(out, 16, "%.*s", (int)strcspn(tier2, "."), tier2);
}

static enum status row(struct import_row *r)
{
	struct ssa_state *st = import_state(r);
	struct code_rec tier1 = { "ssa1", NULL, NULL, NULL };
	struct code_rec tier2 = { "ssa2", NULL, NULL, NULL };
	char code1[16], code2[16], parent[16];
	int has1 = import_has_column(r, TIER1), has2 = import_has_column(r, TIER2);
	int got1 = 0, got2 = 0;
	enum status rc;

	if (!st->checked++ && (rc = check_header(r)) != STATUS_OK)
		return rc;
	if (has1) {
		got1 = get_code(r, TIER1, code1);
		tier1.name = import_required(r, TIER1_NAME);
	}
	if (has2) {
		got2 = get_code(r, TIER2, code2);
		tier2.name = import_required(r, TIER2_NAME);
	}
	if (import_rejected(r))
		return STATUS_OK;
	if (!(has2 ? got2 : got1)) {
		import_skip(r);	/* "Unknown", "Not Applicable" */
		return STATUS_OK;
	}
	if (got2)
		parent_of(code2, parent);
	if (got2 && has1 && (!got1 || strcmp(parent, code1) != 0)) {
		import_reject(r, TIER2, "%s is not an area within tier 1 area %s", code2, code1);
		return STATUS_OK;
	}
	if (got1 && (!has2 || strcmp(code1, st->last_tier1) != 0)) {
		tier1.code = code1;
		if ((rc = import_emit(r, RECORD_CODE, &tier1)) != STATUS_OK)
			return rc;
		snprintf(st->last_tier1, sizeof(st->last_tier1), "%s", code1);
	}
	if (got2) {
		tier2.code = code2;
		tier2.parent = parent;
		return import_emit(r, RECORD_CODE, &tier2);
	}
	return STATUS_OK;
}

const struct importer importer_lars_ssa_csv = {
	.name = "lars-ssa-csv",
	.title = "LARS sector subject areas (SectorSubjectArea*.csv)",
	.detection = "CSV whose header has SectorSubjectAreaTier1 and SectorSubjectAreaTier1Desc, "
		     "or SectorSubjectAreaTier2 and SectorSubjectAreaTier2Desc, or all four",
	.edition = "LARS CSV download, schema 7 (August 2020); same files in 2026",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from the Education and Skills "
		       "Funding Agency (Learning Aim Reference Service), licensed under the "
		       "Open Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
	.state_size = sizeof(struct ssa_state),
};
