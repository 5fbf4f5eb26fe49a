/*
 * import_discover_uni_location_csv.c - Discover Uni LOCATION.csv: teaching locations.
 *
 * One row per place a provider teaches (a campus, or a partner college
 * for franchised courses): UKPRN (the provider that lists it), LOCID,
 * LOCNAME, LATITUDE, LONGITUDE, LOCUKPRN (the provider at that place,
 * when another), LOCCOUNTRY, and accommodation and students' union links
 * (ACCOMURL, SUURL and their Welsh ...W twins, not read). Checked against
 * a real LOCATION.csv of the 2025/26 dataset. Each row becomes an
 * HE_LOCATION; COURSELOCATION.csv says which course is taught where, and
 * the store places each course at its campus.
 */
#include "discover_uni.h"

enum { UKPRN, LOCID, NAME, LATITUDE, LONGITUDE, LOC_UKPRN, COUNTRY };

static const struct import_column columns[] = {
	[UKPRN] = { "UKPRN", COLUMN_REQUIRED | COLUMN_KEY },
	[LOCID] = { "LOCID", COLUMN_REQUIRED },
	[NAME] = { "LOCNAME", COLUMN_REQUIRED },
	[LATITUDE] = { "LATITUDE", COLUMN_REQUIRED },
	[LONGITUDE] = { "LONGITUDE", COLUMN_REQUIRED },
	[LOC_UKPRN] = { "LOCUKPRN", 0 },
	[COUNTRY] = { "LOCCOUNTRY", 0 },
};

static enum status row(struct import_row *r)
{
	struct he_location_rec l = { NULL, NULL, NULL, NULL, NAN, NAN };
	char ukprn[9] = "", loc_ukprn[9];
	int has_lat, has_lon;

	if (du_provider(r, UKPRN, ukprn) == 0)
		import_reject(r, UKPRN, "is empty, but every location belongs to a provider");
	l.locid = import_required(r, LOCID);
	l.name = import_text(r, NAME);
	if (du_provider(r, LOC_UKPRN, loc_ukprn) == 1)
		l.loc_ukprn = loc_ukprn;
	has_lat = import_get_decimal(r, LATITUDE, 49, 61, &l.lat);
	has_lon = import_get_decimal(r, LONGITUDE, -9, 2, &l.lon);
	if (has_lat != 1 || has_lon != 1)
		l.lat = l.lon = NAN;
	l.ukprn = ukprn;
	return import_emit(r, RECORD_HE_LOCATION, &l);
}

const struct importer importer_discover_uni_location_csv = {
	.name = "discover-uni-location-csv",
	.title = "Discover Uni teaching locations (LOCATION.csv)",
	.detection = "CSV whose header has UKPRN, LOCID, LOCNAME, LATITUDE and LONGITUDE",
	.edition = "Discover Uni 2025/26 (HESA C25061), checked on the real LOCATION.csv",
	.licence = DU_LICENCE,
	.attribution = DU_ATTRIBUTION,
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
