/*
 * import_codepoint_open_csv.c - Ordnance Survey Code-Point Open, CSV.
 *
 * One file per postcode area (dn.csv, ...), with NO header row: ten
 * columns that the product's Code-Point_Open_Column_Headers.csv names
 *
 *	PC Postcode, PQ Positional_quality_indicator, EA Eastings,
 *	NO Northings, CY Country_code, RH/LH NHS codes, CC/DC/WC admin codes
 *
 * so columns are taken by position, and detect() recognises the file by
 * its first record: ten fields, a postcode, and eastings/northings that
 * are whole metres on the National Grid. The headers file itself starts
 * "PC,PQ,..." and is not taken for data. Coordinates are converted to
 * WGS84 with geo_from_grid(). Quality 90 means "no coordinates" (they
 * are 0,0): such rows are skipped, not rejected; any other quality needs
 * both coordinates.
 */
#include "geo.h"
#include "importer.h"

enum { PC, PQ, EA, NO };

#define CODEPOINT_FIELDS 10
#define NO_COORDINATES 90
#define MAX_EASTING 700000
#define MAX_NORTHING 1300000

/* Names for messages: the long names of the column headers file. */
static const struct import_column columns[] = {
	[PC] = { "Postcode", 0 },
	[PQ] = { "Positional_quality_indicator", 0 },
	[EA] = { "Eastings", 0 },
	[NO] = { "Northings", 0 },
};

static int grid_metres(const char *s, long long max)
{
	char why[VALIDATE_WHY];
	long long v;

	return s && validate_integer(s, 0, max, &v, why) == STATUS_OK;
}

static int detect(const struct import_probe *probe)
{
	char postcode[9], why[VALIDATE_WHY];
	const char *pc = import_probe_field(probe, 0, PC);

	return import_probe_fields(probe, 0) == CODEPOINT_FIELDS && pc &&
	       validate_postcode(pc, postcode, why) == STATUS_OK &&
	       grid_metres(import_probe_field(probe, 0, EA), MAX_EASTING) &&
	       grid_metres(import_probe_field(probe, 0, NO), MAX_NORTHING);
}

/* Eastings or northings: whole metres, present unless the quality says "none". */
static void grid(struct import_row *r, int column, long long max, long long *out)
{
	if (import_get_int(r, column, 1, max, out) == 0)
		import_reject(r, column, "is empty, but the positional quality says the postcode "
			      "has coordinates");
}

static enum status row(struct import_row *r)
{
	struct postcode_rec p = { .terminated = 0 };
	long long quality = 0, easting = 0, northing = 0;
	struct geo_point at;

	if (import_get_postcode(r, PC, p.postcode) == 0)
		import_reject(r, PC, "is empty, but every row needs a postcode");
	if (import_get_int(r, PQ, 0, 99, &quality) == 1 && quality == NO_COORDINATES) {
		import_skip(r);
		return STATUS_OK;
	}
	grid(r, EA, MAX_EASTING, &easting);
	grid(r, NO, MAX_NORTHING, &northing);
	if (import_rejected(r))
		return STATUS_OK;
	at = geo_from_grid((double)easting, (double)northing);
	p.lat = at.lat;
	p.lon = at.lon;
	return import_emit(r, RECORD_POSTCODE, &p);
}

const struct importer importer_codepoint_open_csv = {
	.name = "codepoint-open-csv",
	.title = "OS Code-Point Open postcodes (CSV, no header)",
	.detection = "CSV without a header whose first record has 10 fields: a postcode, a "
		     "quality, then eastings and northings in National Grid range",
	.edition = "Code-Point Open (OS), layout of the August 2014 release; unchanged in 2026",
	.licence = "Open Government Licence v3.0 (OS OpenData)",
	.attribution = "Contains OS data © Crown copyright and database right. Contains Royal "
		       "Mail data © Royal Mail copyright and database right. Contains National "
		       "Statistics data © Crown copyright and database right.",
	.shape = IMPORT_CSV_HEADERLESS,
	.columns = COLUMNS(columns),
	.detect = detect,
	.row = row,
};
