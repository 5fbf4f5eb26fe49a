/*
 * import_postcodes_csv.c - postcode -> latitude/longitude lists.
 *
 * One importer for every layout that gives a postcode with its WGS84
 * latitude and longitude:
 *
 *	ONS NSPL / ONSPD	pcd,pcd2,pcds,dointr,doterm,...,lat,long,...
 *				(postcode column pcds, pcd8, pcd7 or pcd by year)
 *	odileeds Postcodes2LatLon	Postcode,lat,long
 *	freemaptools ukpostcodes.csv	id,postcode,latitude,longitude
 *
 * Columns are found by name; latitude and longitude by prefix ("lat*",
 * "long*" or "lng*"). A non-empty doterm (yyyymm) marks a terminated
 * postcode: it is kept, flagged, because old addresses still use it.
 * Postcodes without a grid reference (ONS writes lat 99.999999, long
 * 0.000000; odileeds leaves lat blank) are skipped, not rejected.
 *
 * This is the hot path of a national build (about 1.8 million live
 * postcodes, 2.7 million with terminated ones): the row function reads
 * only its four columns and copies no text.
 */
#include <string.h>

#include "geo.h"
#include "importer.h"

enum { POSTCODE, LAT, LONG, DOTERM };

static const struct import_column columns[] = {
	[POSTCODE] = { "pcds|pcd8|pcd7|pcd|postcode", COLUMN_REQUIRED },
	[LAT] = { "lat*", COLUMN_REQUIRED },
	[LONG] = { "long*|lng*", COLUMN_REQUIRED },
	[DOTERM] = { "doterm", 0 },
};

/* ONS: "no grid reference"; odileeds writes such rows with lat blank. */
static int no_grid_reference(const char *lat)
{
	return validate_blank(lat) || strncmp(lat, "99.999999", 9) == 0;
}

/* doterm: blank while the postcode is live, else the yyyymm it ended. */
static int terminated(struct import_row *r)
{
	const char *v = import_value(r, DOTERM);

	if (validate_blank(v))
		return 0;
	if (strspn(v, "0123456789") != 6 || v[6] != '\0' || v[0] < '1' || v[4] > '1')
		import_reject(r, DOTERM, "\"%.24s\" is not a year and month (expected yyyymm, "
			      "like 201506)", v);
	return 1;
}

/*
 * Reject coordinates outside the UK, naming the column at fault. The
 * box of geo_in_uk() is tested one axis at a time against a point
 * known to be inside (54, -2); the last case guards any other shape.
 */
static void check_in_uk(struct import_row *r, double lat, double lon)
{
	struct geo_point at = { lat, lon }, lat_only = { lat, -2.0 }, lon_only = { 54.0, lon };
	int bad_lat, bad_lon;

	if (geo_in_uk(at))
		return;
	bad_lat = !geo_in_uk(lat_only);
	bad_lon = !geo_in_uk(lon_only);
	if (bad_lat)
		import_reject(r, LAT, "%.24s is not in the UK (expected a latitude like 53.52299)",
			      import_value(r, LAT));
	if (bad_lon)
		import_reject(r, LONG, "%.24s is not in the UK (expected a longitude like "
			      "-1.13489)", import_value(r, LONG));
	if (!bad_lat && !bad_lon)
		import_reject(r, LAT, "%.24s, %.24s is not in the UK", import_value(r, LAT),
			      import_value(r, LONG));
}

static enum status row(struct import_row *r)
{
	struct postcode_rec p;
	int has_lat, has_lon;

	if (import_get_postcode(r, POSTCODE, p.postcode) == 0)
		import_reject(r, POSTCODE, "is empty, but every row needs a postcode");
	if (no_grid_reference(import_value(r, LAT))) {
		import_skip(r);
		return STATUS_OK;
	}
	has_lat = import_get_decimal(r, LAT, -90, 90, &p.lat);
	has_lon = import_get_decimal(r, LONG, -180, 180, &p.lon);
	if (has_lon == 0)
		import_reject(r, LONG, "is empty, but the latitude is given");
	if (has_lat == 1 && has_lon == 1)
		check_in_uk(r, p.lat, p.lon);
	p.terminated = terminated(r);
	return import_emit(r, RECORD_POSTCODE, &p);
}

const struct importer importer_postcodes_csv = {
	.name = "postcodes-csv",
	.title = "Postcode latitude/longitude list (ONS NSPL/ONSPD and similar CSV)",
	.detection = "CSV whose header has a postcode column (pcds, pcd8, pcd7, pcd or "
		     "Postcode) and columns named lat... and long... (or lng...)",
	.edition = "NSPL August 2026 header (35 columns); ONSPD and simple lists",
	.licence = "Open Government Licence v3.0",
	.attribution = "Source: Office for National Statistics licensed under the Open "
		       "Government Licence v3.0. Contains OS data © Crown copyright and database "
		       "right. Contains Royal Mail data © Royal Mail copyright and database right. "
		       "Contains GeoPlace data © Local Government Information House Limited "
		       "copyright and database right.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
