/*
 * import_discover_uni_leo3_csv.c - Discover Uni LEO3.csv: graduate earnings 3 years after (LEO).
 *
 * One row per course: the Longitudinal Education Outcomes earnings (tax
 * records) of graduates three years after the course, in pounds a year:
 * lower quartile, median and upper quartile (LEO3INSTLQ, LEO3INSTMED,
 * LEO3INSTUQ), for the years LEO3AGGYEAR, for the course or (LEO3SBJ
 * given) its subject.
 * Each figure becomes an HE_OUTCOME (discover_uni.h); the store turns
 * them into words on the university course and in the adviser's
 * comparison. A row with no figures (too few students) is skipped.
 */
#include "discover_uni.h"

static const struct import_column columns[] = {
	[DU_PUBUKPRN] = { "PUBUKPRN", 0 },
	[DU_UKPRN] = { "UKPRN", COLUMN_REQUIRED | COLUMN_KEY },
	[DU_COURSE_ID] = { "KISCOURSEID", COLUMN_REQUIRED | COLUMN_KEY },
	[DU_MODE] = { "KISMODE", COLUMN_REQUIRED | COLUMN_KEY },
	[DU_AGG_YEAR] = { "LEO3AGGYEAR", 0 },
	[DU_SUBJECT] = { "LEO3SBJ", 0 },
	[DU_FIRST + 0] = { "LEO3INSTLQ", COLUMN_REQUIRED },
	[DU_FIRST + 1] = { "LEO3INSTMED", COLUMN_REQUIRED },
	[DU_FIRST + 2] = { "LEO3INSTUQ", COLUMN_REQUIRED },
};

static const struct du_measure measures[] = {
	{ DU_FIRST + 0, "leo3_lq", 500000 },
	{ DU_FIRST + 1, "leo3_med", 500000 },
	{ DU_FIRST + 2, "leo3_uq", 500000 },
};

static enum status row(struct import_row *r)
{
	return du_outcome_row(r, measures, sizeof(measures) / sizeof(measures[0]));
}

const struct importer importer_discover_uni_leo3_csv = {
	.name = "discover-uni-leo3-csv",
	.title = "Discover Uni graduate earnings 3 years after (LEO) (LEO3.csv)",
	.detection = "CSV whose header has UKPRN, KISCOURSEID, KISMODE and LEO3INSTLQ, LEO3INSTMED, LEO3INSTUQ",
	.edition = "Discover Uni 2025/26 (HESA C25061)",
	.licence = DU_LICENCE,
	.attribution = DU_ATTRIBUTION,
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
