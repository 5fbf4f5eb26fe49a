/*
 * import_naptan_stops_csv.c - NaPTAN: every bus stop, station and tram stop in Great Britain.
 *
 * The CSV the NaPTAN API gives (access-nodes?dataFormat=csv, once
 * Stops.csv): ATCOCode, NaptanCode, CommonName, Indicator ("opp", "Stand
 * C4"), Street, LocalityName, Easting and Northing (OS National Grid),
 * Longitude and Latitude, StopType, Status, and some thirty more not
 * needed here. Where a timetable leaves a stop's place out, NaPTAN's place
 * for the same ATCO code fills it; a stand at a bus station is named with
 * its indicator. Latitude and longitude are taken when given, else worked
 * out from the grid reference.
 */
#include <math.h>

#include "geo.h"
#include "importer.h"

enum { ATCO, CODE, NAME, INDICATOR, STREET, LOCALITY, EASTING, NORTHING, LON, LAT, STATUS };

static const struct import_column columns[] = {
	[ATCO] = { "ATCOCode", COLUMN_REQUIRED },
	[CODE] = { "NaptanCode", 0 },
	[NAME] = { "CommonName", COLUMN_REQUIRED },
	[INDICATOR] = { "Indicator", 0 },
	[STREET] = { "Street", 0 },
	[LOCALITY] = { "LocalityName", 0 },
	[EASTING] = { "Easting", 0 },
	[NORTHING] = { "Northing", 0 },
	[LON] = { "Longitude", COLUMN_REQUIRED },
	[LAT] = { "Latitude", COLUMN_REQUIRED },
	[STATUS] = { "Status", 0 },
};

static enum status row(struct import_row *r)
{
	struct naptan_stop_rec n;
	double e = NAN, no = NAN;
	int has_lat, has_lon, has_e, has_n;

	n.atco = import_required(r, ATCO);
	n.naptan_code = import_text(r, CODE);
	n.name = import_text(r, NAME);
	n.indicator = import_text(r, INDICATOR);
	n.street = import_text(r, STREET);
	n.locality = import_text(r, LOCALITY);
	n.status = import_text(r, STATUS);
	n.lat = n.lon = NAN;
	has_lat = import_get_decimal(r, LAT, 49, 61, &n.lat);
	has_lon = import_get_decimal(r, LON, -9, 2.5, &n.lon);
	if (has_lat != 1 || has_lon != 1) {
		n.lat = n.lon = NAN;
		has_e = import_get_decimal(r, EASTING, 0, 700000, &e);
		has_n = import_get_decimal(r, NORTHING, 0, 1300000, &no);
		if (has_e == 1 && has_n == 1) {
			struct geo_point p = geo_from_grid(e, no);

			n.lat = p.lat;
			n.lon = p.lon;
		}
	}
	return import_emit(r, RECORD_NAPTAN_STOP, &n);
}

const struct importer importer_naptan_stops_csv = {
	.name = "naptan-stops-csv",
	.title = "NaPTAN stops (CSV from the NaPTAN API)",
	.detection = "CSV whose header has ATCOCode, CommonName, Longitude and Latitude",
	.edition = "NaPTAN API access-nodes CSV (2024-2026; 43 columns)",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information licensed under the Open Government "
		       "Licence v3.0: NaPTAN (Department for Transport).",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
