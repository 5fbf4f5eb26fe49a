/*
 * import_lars_standard_csv.c - LARS apprenticeship standards, Standard.csv.
 *
 * One file of the ESFA Learning Aim Reference Service "CSV" download:
 * every field double-quoted, dates "01 Aug 2014", sector subject areas as
 * decimals ("6.00", "6.10"). A row is one standard, keyed by its LARS
 * code; LARS knows nothing of the ST reference, so the store matches
 * these rows to other sources by LARS code. The status is left unset: it
 * depends on today's date, and the store keeps LastDateStarts instead.
 *
 * ApprenticeshipStandardTypeCode (added in 2025 for foundation
 * apprenticeships; das-courses-api StandardCsv.cs) is a code whose values
 * were not seen: "F", "FA", "2" or anything naming a foundation
 * apprenticeship makes the row kind "foundation", as does a name that says
 * "Foundation apprenticeship"; other values leave the kind to other sources.
 *
 * Other LARS files also have a StandardCode column (StandardFunding.csv,
 * StandardCommonComponent.csv, ...); the name and level columns are
 * required too, so only this file matches.
 */
#include <string.h>
#include <strings.h>

#include "importer.h"

enum {
	CODE, VERSION, NAME, LEVEL, LAST_START, URL, SSA1, SSA2, INTEGRATED_DEGREE, TYPE_CODE,
};

static const struct import_column columns[] = {
	[CODE] = { "StandardCode", COLUMN_REQUIRED },
	[VERSION] = { "Version", 0 },
	[NAME] = { "StandardName", COLUMN_REQUIRED },
	[LEVEL] = { "NotionalEndLevel", COLUMN_REQUIRED },
	[LAST_START] = { "LastDateStarts", 0 },
	[URL] = { "URLLink", 0 },
	[SSA1] = { "SectorSubjectAreaTier1", 0 },
	[SSA2] = { "SectorSubjectAreaTier2", 0 },
	[INTEGRATED_DEGREE] = { "IntegratedDegreeStandard", 0 },
	[TYPE_CODE] = { "ApprenticeshipStandardTypeCode", 0 },
};

/*
 * A sector subject area code, normalised ("6.10" -> "6.1"). 1 = code in
 * out, 0 = blank or LARS's "unknown"/"not applicable" (-1, -2), -1 = bad.
 */
static int get_ssa(struct import_row *r, int column, char out[16])
{
	const char *v = import_value(r, column);

	if (validate_blank(v))
		return 0;
	if (!import_ssa_code(v, out)) {
		import_reject(r, column, "\"%.40s\" is not a sector subject area code (expected "
			      "something like 6.10)", v);
		return -1;
	}
	return out[0] == '-' ? 0 : 1;
}

/* Is tier 2 code "6.1" one of tier 1 code "6"? */
static int within(const char *tier2, const char *tier1)
{
	size_t n = strlen(tier1);

	return strncmp(tier2, tier1, n) == 0 && (tier2[n] == '\0' || tier2[n] == '.');
}

/* Does text contain the lower-case words, ignoring case? */
static int mentions(const char *text, const char *words)
{
	size_t n = strlen(words);

	for (; text && *text; text++)
		if (strncasecmp(text, words, n) == 0)
			return 1;
	return 0;
}

/* Is this a foundation apprenticeship, by its type code or its name? */
static int is_foundation(const char *type, const char *name)
{
	if (type && (strcasecmp(type, "F") == 0 || strcasecmp(type, "FA") == 0 ||
		     strcmp(type, "2") == 0 || mentions(type, "foundation")))
		return 1;
	return mentions(name, "foundation apprenticeship");
}

static enum status row(struct import_row *r)
{
	struct standard_rec s = STANDARD_REC_INIT;
	char last_start[11], ssa1[16], ssa2[16];
	long long code;
	double level;
	int degree = -1;

	if (validate_blank(import_value(r, CODE)))
		import_reject(r, CODE, "is empty, but every standard has a LARS code");
	else if (import_get_int(r, CODE, 1, 999999, &code) == 1)
		s.lars_code = code;
	s.title = import_required(r, NAME);
	s.version = import_text(r, VERSION);
	if (import_get_level(r, LEVEL, &level) == 1 && level >= 0)
		s.level = level;
	if (import_get_date(r, LAST_START, last_start) == 1)
		s.last_start_date = last_start;
	if (get_ssa(r, SSA1, ssa1) == 1)
		s.ssa1 = ssa1;
	if (get_ssa(r, SSA2, ssa2) == 1)
		s.ssa2 = ssa2;
	/* "N" says nothing about a degree (it may be a non-degree level 6). */
	if (import_get_flag(r, INTEGRATED_DEGREE, &degree) == 1 && degree == 1)
		s.integrated_degree = "integrated degree";
	s.url = import_text(r, URL);
	s.kind = is_foundation(import_text(r, TYPE_CODE), s.title) ? "foundation" : NULL;
	if (s.ssa1 && s.ssa2 && !within(s.ssa2, s.ssa1))
		import_reject(r, SSA2, "%s is not an area within tier 1 area %s", s.ssa2, s.ssa1);
	return import_emit(r, RECORD_STANDARD, &s);
}

const struct importer importer_lars_standard_csv = {
	.name = "lars-standard-csv",
	.title = "LARS apprenticeship standards (Standard.csv)",
	.detection = "CSV whose header has StandardCode, StandardName and NotionalEndLevel",
	.edition = "LARS Standard.csv, August 2020, with the 2025 ApprenticeshipStandardTypeCode",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from the Education and Skills "
		       "Funding Agency (Learning Aim Reference Service), licensed under the "
		       "Open Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
