/*
 * import_discover_uni_tariff_csv.c - Discover Uni TARIFF.csv: entrants' UCAS tariff points.
 *
 * One row per course: the percentage of entrants in each band of UCAS
 * tariff points: T001 under 48, T048 48 to 63, ... in bands of 16, up to
 * T240 240 or more; for the years TARAGGYEAR. Checked on the real file.
 * Each figure becomes an HE_OUTCOME (discover_uni.h); the store turns
 * them into words on the university course and in the adviser's
 * comparison. A row with no figures (too few students) is skipped.
 */
#include "discover_uni.h"

static const struct import_column columns[] = {
	DU_KEY_COLUMNS("TAR"),
	[DU_FIRST + 0] = { "T001", COLUMN_REQUIRED },
	[DU_FIRST + 1] = { "T048", 0 },
	[DU_FIRST + 2] = { "T064", 0 },
	[DU_FIRST + 3] = { "T080", 0 },
	[DU_FIRST + 4] = { "T096", 0 },
	[DU_FIRST + 5] = { "T112", 0 },
	[DU_FIRST + 6] = { "T128", 0 },
	[DU_FIRST + 7] = { "T144", 0 },
	[DU_FIRST + 8] = { "T160", 0 },
	[DU_FIRST + 9] = { "T176", 0 },
	[DU_FIRST + 10] = { "T192", 0 },
	[DU_FIRST + 11] = { "T208", 0 },
	[DU_FIRST + 12] = { "T224", 0 },
	[DU_FIRST + 13] = { "T240", COLUMN_REQUIRED },
};

static const struct du_measure measures[] = {
	{ DU_FIRST + 0, "tariff_000", 100 },
	{ DU_FIRST + 1, "tariff_048", 100 },
	{ DU_FIRST + 2, "tariff_064", 100 },
	{ DU_FIRST + 3, "tariff_080", 100 },
	{ DU_FIRST + 4, "tariff_096", 100 },
	{ DU_FIRST + 5, "tariff_112", 100 },
	{ DU_FIRST + 6, "tariff_128", 100 },
	{ DU_FIRST + 7, "tariff_144", 100 },
	{ DU_FIRST + 8, "tariff_160", 100 },
	{ DU_FIRST + 9, "tariff_176", 100 },
	{ DU_FIRST + 10, "tariff_192", 100 },
	{ DU_FIRST + 11, "tariff_208", 100 },
	{ DU_FIRST + 12, "tariff_224", 100 },
	{ DU_FIRST + 13, "tariff_240", 100 },
};

DU_OUTCOME_IMPORTER(discover_uni_tariff_csv, "discover-uni-tariff-csv",
		    "Discover Uni entrants' UCAS tariff points (TARIFF.csv)",
		    "CSV whose header has UKPRN, KISCOURSEID, KISMODE and T001, T240");
