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
	DU_KEY_COLUMNS("LEO3"),
	[DU_FIRST + 0] = { "LEO3INSTLQ", COLUMN_REQUIRED },
	[DU_FIRST + 1] = { "LEO3INSTMED", COLUMN_REQUIRED },
	[DU_FIRST + 2] = { "LEO3INSTUQ", COLUMN_REQUIRED },
};

static const struct du_measure measures[] = {
	{ DU_FIRST + 0, "leo3_lq", 500000 },
	{ DU_FIRST + 1, "leo3_med", 500000 },
	{ DU_FIRST + 2, "leo3_uq", 500000 },
};

DU_OUTCOME_IMPORTER(discover_uni_leo3_csv, "discover-uni-leo3-csv",
		    "Discover Uni graduate earnings 3 years after (LEO) (LEO3.csv)",
		    "CSV whose header has UKPRN, KISCOURSEID, KISMODE "
		    "and LEO3INSTLQ, LEO3INSTMED, LEO3INSTUQ");
