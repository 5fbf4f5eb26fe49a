/*
 * import_discover_uni_gosalary_csv.c - Discover Uni GOSALARY.csv: graduate salaries 15 months after the course.
 *
 * One row per course: the Graduate Outcomes survey's salaries of UK-domiciled
 * graduates in full-time paid work 15 months after the course, in pounds a
 * year: lower quartile, median and upper quartile (GOINSTLQ, GOINSTMED,
 * GOINSTUQ), for the years GOSALAGGYEAR, for the course or (GOSALSBJ
 * given) its subject across the provider.
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
	[DU_AGG_YEAR] = { "GOSALAGGYEAR", 0 },
	[DU_SUBJECT] = { "GOSALSBJ", 0 },
	[DU_FIRST + 0] = { "GOINSTLQ", COLUMN_REQUIRED },
	[DU_FIRST + 1] = { "GOINSTMED", COLUMN_REQUIRED },
	[DU_FIRST + 2] = { "GOINSTUQ", COLUMN_REQUIRED },
};

static const struct du_measure measures[] = {
	{ DU_FIRST + 0, "salary_15m_lq", 500000 },
	{ DU_FIRST + 1, "salary_15m_med", 500000 },
	{ DU_FIRST + 2, "salary_15m_uq", 500000 },
};

static enum status row(struct import_row *r)
{
	return du_outcome_row(r, measures, sizeof(measures) / sizeof(measures[0]));
}

const struct importer importer_discover_uni_gosalary_csv = {
	.name = "discover-uni-gosalary-csv",
	.title = "Discover Uni graduate salaries 15 months after the course (GOSALARY.csv)",
	.detection = "CSV whose header has UKPRN, KISCOURSEID, KISMODE and GOINSTLQ, GOINSTMED, GOINSTUQ",
	.edition = "Discover Uni 2025/26 (HESA C25061), checked on the real file",
	.licence = DU_LICENCE,
	.attribution = DU_ATTRIBUTION,
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
