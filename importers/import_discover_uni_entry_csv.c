/*
 * import_discover_uni_entry_csv.c - Discover Uni ENTRY.csv: entrants' qualifications.
 *
 * One row per course: the percentage of entrants who came with each kind
 * of qualification - A levels (ALEVEL), an Access to HE diploma (ACCESS),
 * the Welsh Baccalaureate (BACC), a degree (DEGREE), a foundation course
 * (FOUNDTN), none (NOQUALS), other qualifications (OTHER) and other
 * higher education (OTHERHE) - for the years ENTAGGYEAR.
 * Each figure becomes an HE_OUTCOME (discover_uni.h); the store turns
 * them into words on the university course and in the adviser's
 * comparison. A row with no figures (too few students) is skipped.
 */
#include "discover_uni.h"

static const struct import_column columns[] = {
	DU_KEY_COLUMNS("ENT"),
	[DU_FIRST + 0] = { "ALEVEL", COLUMN_REQUIRED },
	[DU_FIRST + 1] = { "ACCESS", COLUMN_REQUIRED },
	[DU_FIRST + 2] = { "BACC", COLUMN_REQUIRED },
	[DU_FIRST + 3] = { "DEGREE", 0 },
	[DU_FIRST + 4] = { "FOUNDTN", 0 },
	[DU_FIRST + 5] = { "NOQUALS", 0 },
	[DU_FIRST + 6] = { "OTHER", 0 },
	[DU_FIRST + 7] = { "OTHERHE", 0 },
};

static const struct du_measure measures[] = {
	{ DU_FIRST + 0, "entry_alevel_pct", 100 },
	{ DU_FIRST + 1, "entry_access_pct", 100 },
	{ DU_FIRST + 2, "entry_bacc_pct", 100 },
	{ DU_FIRST + 3, "entry_degree_pct", 100 },
	{ DU_FIRST + 4, "entry_foundation_pct", 100 },
	{ DU_FIRST + 5, "entry_noquals_pct", 100 },
	{ DU_FIRST + 6, "entry_other_pct", 100 },
	{ DU_FIRST + 7, "entry_otherhe_pct", 100 },
};

DU_OUTCOME_IMPORTER(discover_uni_entry_csv, "discover-uni-entry-csv",
		    "Discover Uni entrants' qualifications (ENTRY.csv)",
		    "CSV whose header has UKPRN, KISCOURSEID, KISMODE and ALEVEL, ACCESS, BACC");
