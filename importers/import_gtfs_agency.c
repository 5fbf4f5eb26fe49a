/*
 * import_gtfs_agency.c - GTFS agency.txt: who runs the buses.
 *
 * agency_id (blank in a feed of one agency), agency_name, agency_url and
 * agency_timezone (Europe/London in BODS), agency_lang and agency_phone,
 * and BODS's agency_noc: the operator's National Operator Code. The name
 * is what a journey says ("First South Yorkshire").
 */
#include "gtfs_fields.h"

enum { ID, NAME, URL, TIMEZONE, PHONE, NOC };

static const struct import_column columns[] = {
	[ID] = { "agency_id", 0 },
	[NAME] = { "agency_name", COLUMN_REQUIRED },
	[URL] = { "agency_url", COLUMN_REQUIRED },
	[TIMEZONE] = { "agency_timezone", COLUMN_REQUIRED },
	[PHONE] = { "agency_phone", 0 },
	[NOC] = { "agency_noc", 0 },
};

static enum status row(struct import_row *r)
{
	struct gtfs_agency_rec a;

	a.feed = gtfs_feed(r);
	a.agency_id = gtfs_optional_id(r, ID);
	a.name = import_required(r, NAME);
	a.url = import_text(r, URL);
	a.timezone = import_text(r, TIMEZONE);
	a.phone = import_text(r, PHONE);
	a.noc = import_text(r, NOC);
	a.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_AGENCY, &a);
}

const struct importer importer_gtfs_agency = {
	.name = "gtfs-agency",
	.title = "GTFS timetable: agencies (agency.txt)",
	.detection = "CSV whose header has agency_name, agency_url and agency_timezone",
	GTFS_IMPORTER_COMMON(columns, row),
};
