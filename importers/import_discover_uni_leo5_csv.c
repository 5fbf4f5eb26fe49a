/*
 * import_discover_uni_leo5_csv.c - Discover Uni LEO5.csv: graduate earnings 5 years after (LEO).
 *
 * One row per course: the Longitudinal Education Outcomes earnings (tax
 * records) of graduates five years after the course, in pounds a year:
 * lower quartile, median and upper quartile (LEO5INSTLQ, LEO5INSTMED,
 * LEO5INSTUQ), for the years LEO5AGGYEAR, for the course or (LEO5SBJ
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
	[DU_AGG_YEAR] = { "LEO5AGGYEAR", 0 },
	[DU_SUBJECT] = { "LEO5SBJ", 0 },
	[DU_FIRST + 0] = { "LEO5INSTLQ", COLUMN_REQUIRED },
	[DU_FIRST + 1] = { "LEO5INSTMED", COLUMN_REQUIRED },
	[DU_FIRST + 2] = { "LEO5INSTUQ", COLUMN_REQUIRED },
};

static const struct du_measure measures[] = {
	{ DU_FIRST + 0, "leo5_lq", 500000 },
	{ DU_FIRST + 1, "leo5_med", 500000 },
	{ DU_FIRST + 2, "leo5_uq", 500000 },
};

static enum status row(struct import_row *r)
{
	return du_outcome_row(r, measures, sizeof(measures) / sizeof(measures[0]));
}

const struct importer importer_discover_uni_leo5_csv = {
	.name = "discover-uni-leo5-csv",
	.title = "Discover Uni graduate earnings 5 years after (LEO) (LEO5.csv)",
	.detection = "CSV whose header has UKPRN, KISCOURSEID, KISMODE and LEO5INSTLQ, LEO5INSTMED, LEO5INSTUQ",
	.edition = "Discover Uni 2025/26 (HESA C25061)",
	.licence = DU_LICENCE,
	.attribution = DU_ATTRIBUTION,
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
