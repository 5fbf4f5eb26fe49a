/*
 * import_discover_uni_gosalary_csv.c - Discover Uni GOSALARY.csv:
 * graduate salaries 15 months after the course.
 *
 * One row per course: the Graduate Outcomes survey's salaries of UK-domiciled
 * graduates in full-time paid work 15 months after the course, in pounds a
 * year: lower quartile, median and upper quartile (GOINSTLQ, GOINSTMED,
 * GOINSTUQ), for the years GOSALAGGYEAR, for the course or (GOSALSBJ
 * given) its subject across the provider. Checked on the real file.
 * Each figure becomes an HE_OUTCOME (discover_uni.h); the store turns
 * them into words on the university course and in the adviser's
 * comparison. A row with no figures (too few students) is skipped.
 */
#include "discover_uni.h"

static const struct import_column columns[] = {
	DU_KEY_COLUMNS("GOSAL"),
	[DU_FIRST + 0] = { "GOINSTLQ", COLUMN_REQUIRED },
	[DU_FIRST + 1] = { "GOINSTMED", COLUMN_REQUIRED },
	[DU_FIRST + 2] = { "GOINSTUQ", COLUMN_REQUIRED },
};

static const struct du_measure measures[] = {
	{ DU_FIRST + 0, "salary_15m_lq", 500000 },
	{ DU_FIRST + 1, "salary_15m_med", 500000 },
	{ DU_FIRST + 2, "salary_15m_uq", 500000 },
};

DU_OUTCOME_IMPORTER(discover_uni_gosalary_csv, "discover-uni-gosalary-csv",
		    "Discover Uni graduate salaries 15 months after the course (GOSALARY.csv)",
		    "CSV whose header has UKPRN, KISCOURSEID, KISMODE "
		    "and GOINSTLQ, GOINSTMED, GOINSTUQ");
