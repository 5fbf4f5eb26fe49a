/*
 * import_discover_uni_courselocation_csv.c - Discover Uni COURSELOCATION.csv.
 *
 * Which teaching location (LOCATION.csv) each course is taught at:
 * PUBUKPRN, UKPRN, KISCOURSEID, KISMODE and LOCID, one row per course
 * and location. The location is the UKPRN's (the provider that lists
 * it). UCASCOURSEID.csv has the same columns and UCASCOURSEID besides
 * (the course's UCAS code at each location): it is read the same way.
 * Each row becomes an HE_COURSE_LOCATION; at finalize a course is
 * placed at its locations, so a learner's distance is to the nearest
 * campus where it is taught, not to the university's head office.
 */
#include "discover_uni.h"

enum { PUBUKPRN, UKPRN, COURSE_ID, MODE, LOCID };

static const struct import_column columns[] = {
	[PUBUKPRN] = { "PUBUKPRN", 0 },
	[UKPRN] = { "UKPRN", COLUMN_REQUIRED | COLUMN_KEY },
	[COURSE_ID] = { "KISCOURSEID", COLUMN_REQUIRED | COLUMN_KEY },
	[MODE] = { "KISMODE", COLUMN_REQUIRED | COLUMN_KEY },
	[LOCID] = { "LOCID", COLUMN_REQUIRED },
};

static enum status row(struct import_row *r)
{
	struct he_course_location_rec l;
	char pub[9] = "", ukprn[9] = "", ref[128];

	if (!du_course_key(r, PUBUKPRN, UKPRN, COURSE_ID, MODE, pub, ukprn, ref))
		return STATUS_OK;
	l.pubukprn = pub;
	l.ukprn = ukprn;
	l.course_ref = ref;
	if (!(l.locid = import_required(r, LOCID)))
		return STATUS_OK;
	return import_emit(r, RECORD_HE_COURSE_LOCATION, &l);
}

const struct importer importer_discover_uni_courselocation_csv = {
	.name = "discover-uni-courselocation-csv",
	.title = "Discover Uni course locations (COURSELOCATION.csv; UCASCOURSEID.csv too)",
	.detection = "CSV whose header has UKPRN, KISCOURSEID, KISMODE and LOCID",
	.edition = "Discover Uni 2025/26 (HESA C25061)",
	.licence = DU_LICENCE,
	.attribution = DU_ATTRIBUTION,
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
