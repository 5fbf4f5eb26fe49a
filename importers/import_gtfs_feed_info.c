/*
 * import_gtfs_feed_info.c - GTFS feed_info.txt: who publishes the feed, and for when.
 *
 * feed_publisher_name ("Bus Open Data Service (BODS)"), feed_publisher_url,
 * feed_lang, feed_start_date and feed_end_date (YYYYMMDD: the days the
 * timetables are good for, shown as "timetables valid to 31 Dec 2027"),
 * feed_version (BODS: when it was made, YYYYMMDD_HHMMSS, which becomes the
 * file's data date).
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "gtfs_fields.h"

enum { PUBLISHER, URL, LANG, START, END, VERSION };

static const struct import_column columns[] = {
	[PUBLISHER] = { "feed_publisher_name", COLUMN_REQUIRED },
	[URL] = { "feed_publisher_url", COLUMN_REQUIRED },
	[LANG] = { "feed_lang", COLUMN_REQUIRED },
	[START] = { "feed_start_date", 0 },
	[END] = { "feed_end_date", 0 },
	[VERSION] = { "feed_version", 0 },
};

static enum status row(struct import_row *r)
{
	struct gtfs_feed_info_rec f;
	char start[11] = "", end[11] = "", made[11];
	int i;

	f.feed = gtfs_feed(r);
	f.publisher = import_required(r, PUBLISHER);
	f.url = import_text(r, URL);
	f.lang = import_text(r, LANG);
	f.version = import_text(r, VERSION);
	gtfs_date(r, START, start);
	gtfs_date(r, END, end);
	if (start[0] && end[0] && strcmp(end, start) < 0)
		import_reject(r, END, "%s is before feed_start_date %s", end, start);
	f.start_date = start[0] ? start : NULL;
	f.end_date = end[0] ? end : NULL;
	/* BODS's version is when the feed was made: the file's date. */
	for (i = 0; f.version && i < 8 && isdigit((unsigned char)f.version[i]); i++)
		;
	if (i == 8 && !import_rejected(r)) {
		snprintf(made, sizeof(made), "%.4s-%.2s-%.2s", f.version, f.version + 4, f.version + 6);
		import_file_set_data_date(import_row_file(r), made);
	} else if (start[0] && !import_rejected(r)) {
		import_file_set_data_date(import_row_file(r), start);
	}
	f.line = import_row_line(r);
	return import_emit(r, RECORD_GTFS_FEED_INFO, &f);
}

const struct importer importer_gtfs_feed_info = {
	.name = "gtfs-feed-info",
	.title = "GTFS timetable: about the feed (feed_info.txt)",
	.detection = "CSV whose header has feed_publisher_name, feed_publisher_url and feed_lang",
	GTFS_IMPORTER_COMMON(columns, row),
};
