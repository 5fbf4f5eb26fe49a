/*
 * import_outcodes_csv.c - postcode district (outcode) centroids.
 *
 * The widely copied freemaptools-style list, "id,outcode,latitude,
 * longitude," with a trailing comma on every line (an empty fifth
 * column) and CRLF. Districts place a learner who gives only "DN1", and
 * providers whose full postcode is not in the postcode table. Latitude
 * and longitude are found by prefix, as in the postcode lists; rows with
 * no coordinates are skipped, ones outside the UK rejected.
 */
#include "geo.h"
#include "importer.h"

enum { OUTCODE, LAT, LONG };

static const struct import_column columns[] = {
	[OUTCODE] = { "outcode|outward code|postcode district", COLUMN_REQUIRED },
	[LAT] = { "lat*", COLUMN_REQUIRED },
	[LONG] = { "long*|lng*", COLUMN_REQUIRED },
};

/* Reject coordinates outside the UK, naming the column at fault (see geo_in_uk). */
static void check_in_uk(struct import_row *r, double lat, double lon)
{
	struct geo_point at = { lat, lon }, lat_only = { lat, -2.0 }, lon_only = { 54.0, lon };
	int bad_lat, bad_lon;

	if (geo_in_uk(at))
		return;
	bad_lat = !geo_in_uk(lat_only);
	bad_lon = !geo_in_uk(lon_only);
	if (bad_lat)
		import_reject(r, LAT, "%.24s is not in the UK (expected a latitude like 53.5228)",
			      import_value(r, LAT));
	if (bad_lon)
		import_reject(r, LONG, "%.24s is not in the UK (expected a longitude like -1.1286)",
			      import_value(r, LONG));
	if (!bad_lat && !bad_lon)
		import_reject(r, LAT, "%.24s, %.24s is not in the UK", import_value(r, LAT),
			      import_value(r, LONG));
}

static enum status row(struct import_row *r)
{
	struct outcode_rec o;
	const char *code = import_value(r, OUTCODE), *lat = import_value(r, LAT);
	char why[VALIDATE_WHY];
	int has_lat, has_lon;

	if (validate_blank(code))
		import_reject(r, OUTCODE, "is empty, but every row needs a postcode district");
	else if (validate_outcode(code, o.outcode, why) != STATUS_OK)
		import_reject(r, OUTCODE, "%s", why);
	if (validate_blank(lat) && validate_blank(import_value(r, LONG))) {
		import_skip(r);
		return STATUS_OK;
	}
	has_lat = import_get_decimal(r, LAT, -90, 90, &o.lat);
	has_lon = import_get_decimal(r, LONG, -180, 180, &o.lon);
	if (has_lat == 0)
		import_reject(r, LAT, "is empty, but the longitude is given");
	if (has_lon == 0)
		import_reject(r, LONG, "is empty, but the latitude is given");
	if (has_lat == 1 && has_lon == 1)
		check_in_uk(r, o.lat, o.lon);
	return import_emit(r, RECORD_OUTCODE, &o);
}

const struct importer importer_outcodes_csv = {
	.name = "outcodes-csv",
	.title = "Postcode district (outcode) centroids CSV",
	.detection = "CSV whose header has outcode and columns named lat... and long... (or "
		     "lng...)",
	.edition = "freemaptools outcode centroid list (2015)",
	.licence = "Not stated by the publisher (the freemaptools.com outcode list; check "
		   "before redistributing)",
	.attribution = "Postcode district centroids from the freemaptools.com outcode list. "
		       "Contains OS data © Crown copyright and database right. Contains Royal "
		       "Mail data © Royal Mail copyright and database right.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
