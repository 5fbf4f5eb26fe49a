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
	DU_KEY_COLUMNS("LEO5"),
	[DU_FIRST + 0] = { "LEO5INSTLQ", COLUMN_REQUIRED },
	[DU_FIRST + 1] = { "LEO5INSTMED", COLUMN_REQUIRED },
	[DU_FIRST + 2] = { "LEO5INSTUQ", COLUMN_REQUIRED },
};

static const struct du_measure measures[] = {
	{ DU_FIRST + 0, "leo5_lq", 500000 },
	{ DU_FIRST + 1, "leo5_med", 500000 },
	{ DU_FIRST + 2, "leo5_uq", 500000 },
};

DU_OUTCOME_IMPORTER(discover_uni_leo5_csv, "discover-uni-leo5-csv",
		    "Discover Uni graduate earnings 5 years after (LEO) (LEO5.csv)",
		    "CSV whose header has UKPRN, KISCOURSEID, KISMODE "
		    "and LEO5INSTLQ, LEO5INSTMED, LEO5INSTUQ");
