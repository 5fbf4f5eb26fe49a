/*
 * gtfs_fields.h - what the GTFS importers share (import_gtfs_*.c).
 *
 * GTFS is a folder of CSV files (agency.txt, stops.txt, routes.txt,
 * trips.txt, stop_times.txt, calendar.txt, calendar_dates.txt,
 * frequencies.txt, feed_info.txt), shipped as one zip; the Bus Open Data
 * Service publishes one per region of England and one for Great Britain,
 * with its own extra columns (agency_noc, vehicle_journey_code). A file's
 * feed is the archive or folder it is in: ids are only compared within a
 * feed, except stop ids, which in BODS are NaPTAN ATCO codes and shared.
 *
 * The values are read here as GTFS writes them: times "H:MM:SS" (past
 * 24:00:00 for a trip that runs on after midnight), dates YYYYMMDD, ids as
 * given (trimmed, and "NA" is an id like any other).
 */
#ifndef CAREERS_GTFS_FIELDS_H
#define CAREERS_GTFS_FIELDS_H

#include "importer.h"

#define GTFS_LICENCE "Open Government Licence v3.0"
#define GTFS_ATTRIBUTION "Contains public sector information licensed under the Open " \
	"Government Licence v3.0: timetables from the Bus Open Data Service (Department for " \
	"Transport)."
#define GTFS_EDITION "GTFS as the Bus Open Data Service publishes it (regional zips, 2024-2026, " \
	"with agency_noc and vehicle_journey_code)"

/* Every GTFS importer's per-file state: the feed its file belongs to. */
struct gtfs_file {
	char feed[1024];
};

/* begin() of every GTFS importer: works out the file's feed. */
enum status gtfs_begin(struct import_file *file);

/* What every GTFS file's importer shares (the rest of its struct importer: name, title, detection). */
#define GTFS_IMPORTER_COMMON(cols, row_fn) \
	.edition = GTFS_EDITION, .licence = GTFS_LICENCE, .attribution = GTFS_ATTRIBUTION, \
	.shape = IMPORT_CSV, .columns = COLUMNS(cols), .begin = gtfs_begin, .row = (row_fn), \
	.state_size = sizeof(struct gtfs_file)

/* The feed of the row's file. */
const char *gtfs_feed(struct import_row *r);

/* An id: trimmed text, not empty (rejected, naming the column, when it is). */
const char *gtfs_id(struct import_row *r, int column);
/* The same, but blank is allowed: NULL. */
const char *gtfs_optional_id(struct import_row *r, int column);

/*
 * A time of day "H:MM:SS" as seconds after midnight of the service day:
 * 1 read, 0 blank, -1 bad (reported).
 */
int gtfs_time(struct import_row *r, int column, int *seconds);
/* A date YYYYMMDD as ISO "YYYY-MM-DD": 1, 0 blank, -1 bad (reported). */
int gtfs_date(struct import_row *r, int column, char iso[11]);
/* A whole number from min to max: 1, 0 blank, -1 bad (reported). */
int gtfs_int(struct import_row *r, int column, long long min, long long max, long long *out);

#endif
