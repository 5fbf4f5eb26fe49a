/*
 * test_import_gtfs.c - timetables in: the GTFS files as BODS publishes them,
 * NaPTAN, and the timetable step's checks across files.
 *
 * Each file's own values are checked by its importer (times, dates, days,
 * numbers), each rejection naming its line and column; references between
 * files (a stop time of a trip that trips.txt does not have) are checked
 * when the timetable is packed, and rejected the same way, in provenance
 * with their file, line and column. NaPTAN places the stops a feed leaves
 * without a place; feed_info.txt's dates are kept and shown.
 */
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "harness.h"
#include "store.h"
#include "store_gtfs.h"
#include "travel.h"

static const char *tmp_dir(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");

	return tmp ? tmp : "/tmp";
}

TEST(each_file_is_recognised)
{
	static const struct {
		const char *name, *text, *format;
	} files[] = {
		{ "feed/agency.txt", "agency_id,agency_name,agency_url,agency_timezone,agency_lang,"
		  "agency_phone,agency_noc\nOP1,\"First\",\"https://f.example\",\"Europe/London\","
		  "\"EN\",\"\",\"FSYO\"\n", "gtfs-agency" },
		{ "feed/stops.txt", "stop_id,stop_code,stop_name,stop_lat,stop_lon,wheelchair_boarding,"
		  "location_type,parent_station,platform_code\n370020005,syd,\"De Warenne Academy\","
		  "53.48601,-1.22202,0,0,,\n", "gtfs-stops" },
		{ "feed/routes.txt", "route_id,agency_id,route_short_name,route_long_name,route_type\n"
		  "R1,OP1,\"X78\",,3\n", "gtfs-routes" },
		{ "feed/trips.txt", "route_id,service_id,trip_id,trip_headsign,block_id,shape_id,"
		  "wheelchair_accessible,vehicle_journey_code\nR1,S1,VJ0a1b,\"Rotherham\",,,1,"
		  "\"4021\"\n", "gtfs-trips" },
		{ "feed/stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,stop_sequence,"
		  "stop_headsign,pickup_type,drop_off_type,shape_dist_traveled,timepoint\n"
		  "VJ0a1b,24:10:00,24:11:30,370020005,1,,0,1,,1\n", "gtfs-stop-times" },
		{ "feed/calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,saturday,"
		  "sunday,start_date,end_date\nS1,1,1,1,1,1,0,0,20261101,20271231\n", "gtfs-calendar" },
		{ "feed/calendar_dates.txt", "service_id,date,exception_type\nS1,20261225,2\n",
		  "gtfs-calendar-dates" },
		{ "feed/frequencies.txt", "trip_id,start_time,end_time,headway_secs,exact_times\n"
		  "VJ0a1b,07:00:00,09:00:00,600,1\n", "gtfs-frequencies" },
		{ "feed/feed_info.txt", "feed_publisher_name,feed_publisher_url,feed_lang,"
		  "feed_start_date,feed_end_date,feed_version\n\"Bus Open Data Service (BODS)\","
		  "\"https://www.bus-data.dft.gov.uk/\",\"EN\",20261101,20271231,20261130_120000\n",
		  "gtfs-feed-info" },
		{ "naptan/Stops.csv", "\"ATCOCode\",\"NaptanCode\",\"CommonName\",\"Indicator\","
		  "\"LocalityName\",\"Easting\",\"Northing\",\"Longitude\",\"Latitude\",\"Status\"\n"
		  "\"370020005\",\"dnmgjwdg\",\"De Warenne Academy\",\"o/s\",\"Conisbrough\","
		  "\"450000\",\"398000\",\"-1.22202\",\"53.48601\",\"active\"\n", "naptan-stops-csv" },
	};
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct capture c;

		capture_init(&c);
		CHECK_INT(capture_text(&c, files[i].name, files[i].text), STATUS_OK);
		CHECK_STR(c.format, files[i].format);
		CHECK_INT(c.result.loaded, 1);
		CHECK_INT(c.rejection_count, 0);
		capture_done(&c);
	}
}

TEST(what_the_importers_make)
{
	struct capture c;

	capture_init(&c);
	capture_text(&c, "bods/itm_yorkshire_gtfs.zip/stop_times.txt",
		     "trip_id,arrival_time,departure_time,stop_id,stop_sequence,stop_headsign,"
		     "pickup_type,drop_off_type,shape_dist_traveled,timepoint\n"
		     "VJ1,08:10:00,08:10:30,370020005,1,,0,1,,1\n"
		     "VJ1,,,370020006,2,,,,,0\n"
		     "VJ1,24:20:00,24:20:00,370020007,3,,1,0,,1\n");
	CHECK_CONTAINS(c.records.buf, "GTFS_STOP_TIME feed=bods/itm_yorkshire_gtfs.zip line=2 "
		       "trip_id=VJ1 stop_id=370020005 seq=1 arr=29400 dep=29430 pickup=0 dropoff=1\n");
	CHECK_CONTAINS(c.records.buf, "line=3 trip_id=VJ1 stop_id=370020006 seq=2 arr=-1 dep=-1");
	CHECK_CONTAINS(c.records.buf, "seq=3 arr=87600 dep=87600 pickup=1 dropoff=0");
	capture_done(&c);

	capture_init(&c);
	capture_text(&c, "bods/agency.txt", "agency_id,agency_name,agency_url,agency_timezone,"
		     "agency_lang,agency_phone,agency_noc\nOP2500,\"First South Yorkshire\","
		     "\"https://www.firstbus.co.uk\",\"Europe/London\",\"EN\",\"\",\"FSYO\"\n");
	CHECK_STR(c.records.buf, "GTFS_AGENCY feed=bods line=2 agency_id=OP2500 name=First South "
		  "Yorkshire timezone=Europe/London noc=FSYO\n");
	capture_done(&c);

	capture_init(&c);
	capture_text(&c, "bods/trips.txt", "route_id,service_id,trip_id,trip_headsign,block_id,"
		     "shape_id,wheelchair_accessible,vehicle_journey_code,direction_id\n"
		     "R1,S1,VJ1,\"Rotherham\",,,1,\"4021\",1\n");
	CHECK_STR(c.records.buf, "GTFS_TRIP feed=bods line=2 trip_id=VJ1 route_id=R1 service_id=S1 "
		  "headsign=Rotherham vehicle_journey_code=4021 direction=1\n");
	capture_done(&c);

	/* A stop at 0,0 has no place: NaPTAN's is used when the timetable is packed. */
	capture_init(&c);
	capture_text(&c, "bods/stops.txt", "stop_id,stop_name,stop_lat,stop_lon,location_type,"
		     "parent_station\n370020008,\"Hooton Road\",0,0,,\nS1,\"Station\",53.4,-1.3,1,\n");
	CHECK_CONTAINS(c.records.buf, "GTFS_STOP feed=bods line=2 stop_id=370020008 name=Hooton "
		       "Road type=0\n");
	CHECK_CONTAINS(c.records.buf, "stop_id=S1 name=Station lat=53.400000 lon=-1.300000 type=1");
	capture_done(&c);

	/* NaPTAN without latitude and longitude: from the grid reference. */
	capture_init(&c);
	capture_text(&c, "naptan/Stops.csv", "ATCOCode,CommonName,Indicator,Easting,Northing,"
		     "Longitude,Latitude\n370020008,Hooton Road,adj,446900,396200,,\n");
	CHECK_CONTAINS(c.records.buf, "NAPTAN_STOP atco=370020008 name=Hooton Road indicator=adj "
		       "lat=53.46");
	capture_done(&c);
}

TEST(each_value_is_checked)
{
	struct capture c;

	capture_init(&c);
	capture_text(&c, "f/stop_times.txt",
		     "trip_id,arrival_time,departure_time,stop_id,stop_sequence,pickup_type,"
		     "drop_off_type\n"
		     "T1,8:5:00,08:05:00,A,1,0,0\n"
		     "T1,08:10:00,08:10:00,B,,0,0\n"
		     "T1,08:20:00,08:20:00,C,3,7,0\n"
		     ",08:30:00,08:30:00,D,4,0,0\n"
		     "T1,08:40:00,08:99:00,E,5,0,0\n");
	CHECK_INT(c.result.rejected, 5);
	CHECK_CONTAINS(c.rejections.buf, "2: arrival_time: \"8:5:00\" is not a time like 08:05:00 "
		       "(hours may pass 24 for a trip that runs on after midnight)\n");
	CHECK_CONTAINS(c.rejections.buf, "3: stop_sequence: is empty, but every stop time needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "4: pickup_type: 7 is out of range (expected 0 to 3)\n");
	CHECK_CONTAINS(c.rejections.buf, "5: trip_id: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "6: departure_time: \"08:99:00\" is not a time");
	capture_done(&c);

	capture_init(&c);
	capture_text(&c, "f/calendar.txt",
		     "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,"
		     "start_date,end_date\n"
		     "S1,1,1,1,1,1,0,0,20271231,20261101\n"
		     "S2,yes,1,1,1,1,0,0,20261101,20271231\n"
		     "S3,1,1,1,1,1,0,0,2026-11-01,20271231\n");
	CHECK_INT(c.result.rejected, 3);
	CHECK_CONTAINS(c.rejections.buf, "2: end_date: 2026-11-01 is before start_date 2027-12-31\n");
	CHECK_CONTAINS(c.rejections.buf, "3: monday: \"yes\" is not a whole number\n");
	CHECK_CONTAINS(c.rejections.buf, "4: start_date: \"2026-11-01\" is not a date like 20261207 "
		       "(YYYYMMDD)\n");
	capture_done(&c);

	capture_init(&c);
	capture_text(&c, "f/calendar_dates.txt", "service_id,date,exception_type\nS1,20261225,3\n");
	CHECK_CONTAINS(c.rejections.buf, "2: exception_type: 3 is out of range (expected 1 to 2)\n");
	capture_done(&c);

	capture_init(&c);
	capture_text(&c, "f/stops.txt", "stop_id,stop_name,stop_lat,stop_lon\nA,Alpha,53.5,\n"
		     "B,Beta,north,-1\n");
	CHECK_CONTAINS(c.rejections.buf, "2: stop_lon: is empty, but the latitude is given\n");
	CHECK_CONTAINS(c.rejections.buf, "3: stop_lat: \"north\" is not a number");
	capture_done(&c);

	capture_init(&c);
	capture_text(&c, "f/routes.txt", "route_id,route_short_name,route_long_name,route_type\n"
		     "R1,,,3\nR2,2,,bus\n");
	CHECK_CONTAINS(c.rejections.buf, "2: route_short_name: is empty, and so is "
		       "route_long_name: a route needs a name\n");
	CHECK_CONTAINS(c.rejections.buf, "3: route_type: \"bus\" is not a whole number\n");
	capture_done(&c);

	capture_init(&c);
	capture_text(&c, "f/frequencies.txt", "trip_id,start_time,end_time,headway_secs\n"
		     "T1,09:00:00,08:00:00,600\nT1,07:00:00,08:00:00,5\n");
	CHECK_CONTAINS(c.rejections.buf, "2: end_time: is not after start_time\n");
	CHECK_CONTAINS(c.rejections.buf, "3: headway_secs: 5 is out of range (expected 30 to 86400)\n");
	capture_done(&c);
}

TEST(near_misses)
{
	struct capture c;

	capture_init(&c);
	capture_text(&c, "f/trips.txt", "route_id,trip_id,trip_headsign\nR1,T1,North\n");
	CHECK(c.format == NULL);
	CHECK_INT(c.near, 1);
	CHECK_CONTAINS(c.why, "looks like GTFS timetable: trips (trips.txt), but the header on line "
		       "1 has no \"service_id\" column");
	capture_done(&c);
}

/* --- the timetable step: references across files ---------------------------------------- */

static void write_file(const char *dir, const char *name, const char *text)
{
	char path[1024];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	CHECK(f != NULL);
	if (!f)
		return;
	fputs(text, f);
	fclose(f);
}

struct rejections {
	struct strbuf text;
};

static int keep_rejection(void *ctx, const struct store_rejection_info *r)
{
	struct rejections *x = ctx;
	const char *base = strrchr(r->path, '/');

	strbuf_printf(&x->text, "%s:%lld: %s: %s\n", base ? base + 1 : r->path, r->line, r->field,
		      r->message);
	return 0;
}

struct counts {
	long long read, loaded, rejected;
	char stop_times[64];
	char feed_dates[64];
	char data_date[16];
	struct store *s;
};

static int keep_counts(void *ctx, const struct store_source_info *i)
{
	struct counts *c = ctx;

	if (strstr(i->path, "stop_times.txt")) {
		c->read = i->rows_read;
		c->loaded = i->rows_loaded;
		c->rejected = i->rows_rejected;
	}
	if (strcmp(i->format, "gtfs-feed-info") == 0) {
		char start[11], end[11];

		store_gtfs_feed_dates(c->s, i->id, start, end);
		snprintf(c->feed_dates, sizeof(c->feed_dates), "%s to %s", start, end);
		snprintf(c->data_date, sizeof(c->data_date), "%s", i->data_date ? i->data_date : "");
	}
	return 0;
}

TEST(references_across_files)
{
	char dir[512], db[600], err[256];
	struct store *s;
	struct rejections x;
	struct counts counts;
	struct transit_summary sum;
	int present;

	snprintf(dir, sizeof(dir), "%s/gtfs-references", tmp_dir());
	mkdir(dir, 0755);
	write_file(dir, "agency.txt", "agency_id,agency_name,agency_url,agency_timezone\n"
		   "OP1,Buses,https://b.example,Europe/London\n"
		   "OP1,Buses again,https://b.example,Europe/London\n");
	write_file(dir, "stops.txt", "stop_id,stop_name,stop_lat,stop_lon,location_type,"
		   "parent_station\n"
		   "A,Alpha,53.5,-1.0,0,\n"
		   "A,Alpha again,53.5,-1.0,0,\n"
		   "B,Beta,,,0,S\n"
		   "S,Station,53.51,-1.01,1,\n"
		   "N,Nowhere,,,0,\n"
		   "H,Hooton Road,,,0,\n");
	write_file(dir, "naptan.csv", "ATCOCode,CommonName,Indicator,Longitude,Latitude\n"
		   "H,Hooton Road,Stand C4,-1.02,53.52\n");
	write_file(dir, "routes.txt", "route_id,agency_id,route_short_name,route_long_name,"
		   "route_type\nR1,OP1,1,,3\nR2,OPX,2,,3\nR1,OP1,1b,,3\n");
	write_file(dir, "calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,"
		   "saturday,sunday,start_date,end_date\n"
		   "W,1,1,1,1,1,0,0,20261101,20271231\n"
		   "Z,0,0,0,0,0,0,0,20261101,20271231\n"
		   "Q,0,0,0,0,0,1,0,20261102,20261103\n");
	write_file(dir, "calendar_dates.txt", "service_id,date,exception_type\n"
		   "W,20261208,2\nW,20261208,1\nONLY,20261209,2\n");
	write_file(dir, "trips.txt", "route_id,service_id,trip_id,trip_headsign\n"
		   "R1,W,T1,North\nR2,W,T2,North\nR1,Z,T3,North\nR1,NONE,T4,North\n"
		   "R9,W,T5,North\nR1,W,T1,Again\n");
	write_file(dir, "stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,"
		   "stop_sequence,pickup_type,drop_off_type\n"
		   "T1,08:00:00,08:00:00,A,1,0,1\n"		/* 2 */
		   "T1,07:50:00,07:55:00,B,2,0,0\n"		/* 3: back in time */
		   "T1,08:30:00,08:20:00,B,3,0,0\n"		/* 4: leaves before it arrives */
		   "T1,08:40:00,08:40:00,X,4,0,0\n"		/* 5: no such stop */
		   "T1,08:50:00,08:50:00,B,5,0,0\n"		/* 6 */
		   "T1,08:51:00,08:51:00,H,5,0,0\n"		/* 7: sequence 5 again */
		   "T2,08:00:00,08:00:00,A,1,0,0\n"		/* 8: its route was rejected */
		   "TX,08:00:00,08:00:00,A,1,0,0\n"		/* 9: no such trip */
		   "T1,09:00:00,09:00:00,H,6,1,0\n"		/* 10 */
		   "T1,,,N,7,0,0\n");			/* 11: last stop with no time */
	write_file(dir, "feed_info.txt", "feed_publisher_name,feed_publisher_url,feed_lang,"
		   "feed_start_date,feed_end_date,feed_version\n"
		   "Test,https://t.example,EN,20261101,20271231,20261130_120000\n");
	snprintf(db, sizeof(db), "%s/gtfs-references.db", tmp_dir());
	check_store_from(dir, db);
	if (store_open(db, STORE_READ_ONLY, &s, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "%s\n", err);
		check_failures++;
		return;
	}
	/* A store with timetables passes the check every published store must (publish.c). */
	CHECK_INT(store_quick_check(s), STATUS_OK);
	strbuf_init(&x.text);
	CHECK_INT(store_each_rejection(s, NULL, keep_rejection, &x), STATUS_OK);
	CHECK_CONTAINS(x.text.buf, "agency.txt:3: agency_id: agency_id OP1 is already in agency.txt\n");
	CHECK_CONTAINS(x.text.buf, "stops.txt:3: stop_id: stop_id A is already in stops.txt (line 2)\n");
	CHECK_CONTAINS(x.text.buf, "routes.txt:3: agency_id: agency_id OPX is not in agency.txt\n");
	CHECK_CONTAINS(x.text.buf, "routes.txt:4: route_id: route_id R1 is already in routes.txt\n");
	CHECK_CONTAINS(x.text.buf, "calendar.txt:3: monday: service_id Z runs on no day: monday to "
		       "sunday are all 0, and calendar_dates.txt adds none\n");
	CHECK_CONTAINS(x.text.buf, "calendar.txt:4: start_date: service_id Q runs on no day: none of "
		       "its days of the week falls between start_date and end_date, and "
		       "calendar_dates.txt adds none\n");
	CHECK_CONTAINS(x.text.buf, "calendar_dates.txt:3: date: service_id W already has 2026-12-08 "
		       "in calendar_dates.txt (line 2)\n");
	CHECK_CONTAINS(x.text.buf, "calendar_dates.txt:4: service_id: service_id ONLY never runs: it "
		       "is not in calendar.txt and calendar_dates.txt only takes days away\n");
	CHECK_CONTAINS(x.text.buf, "trips.txt:3: route_id: route_id R2 was rejected in routes.txt\n");
	CHECK_CONTAINS(x.text.buf, "trips.txt:4: service_id: service_id Z never runs (see its "
		       "calendar rows)\n");
	CHECK_CONTAINS(x.text.buf, "trips.txt:5: service_id: service_id NONE is in neither "
		       "calendar.txt nor calendar_dates.txt\n");
	CHECK_CONTAINS(x.text.buf, "trips.txt:6: route_id: route_id R9 is not in routes.txt\n");
	CHECK_CONTAINS(x.text.buf, "trips.txt:7: trip_id: trip_id T1 is already in trips.txt\n");
	CHECK_CONTAINS(x.text.buf, "stop_times.txt:3: arrival_time: 07:50:00 is before the departure "
		       "from the stop before (08:00:00, line 2): times may not go backwards along a "
		       "trip\n");
	CHECK_CONTAINS(x.text.buf, "stop_times.txt:4: departure_time: 08:20:00 is before this stop's "
		       "arrival_time (08:30:00)\n");
	CHECK_CONTAINS(x.text.buf, "stop_times.txt:5: stop_id: stop_id X is not in stops.txt\n");
	CHECK_CONTAINS(x.text.buf, "stop_times.txt:7: stop_sequence: stop_sequence 5 comes twice in "
		       "trip T1 (line 6 has it too)\n");
	CHECK_CONTAINS(x.text.buf, "stop_times.txt:8: trip_id: trip_id T2 was rejected in trips.txt\n");
	CHECK_CONTAINS(x.text.buf, "stop_times.txt:9: trip_id: trip_id TX is not in trips.txt\n");
	CHECK_CONTAINS(x.text.buf, "stop_times.txt:11: arrival_time: the last stop of a trip needs an "
		       "arrival_time or departure_time\n");
	strbuf_done(&x.text);

	/* The counts of each file moved from loaded to rejected. */
	memset(&counts, 0, sizeof(counts));
	counts.s = s;
	CHECK_INT(store_each_source(s, keep_counts, &counts), STATUS_OK);
	CHECK_INT(counts.read, 10);
	CHECK_INT(counts.rejected, 7);
	CHECK_INT(counts.loaded, 3);
	/* The feed's validity and when it was made, in provenance. */
	CHECK_STR(counts.feed_dates, "2026-11-01 to 2027-12-31");
	CHECK_STR(counts.data_date, "2026-11-30");

	/* What is left: T1's A 08:00, B 08:50, Hooton Road 09:00. NaPTAN places Hooton Road;
	 * Beta takes its station's place; Nowhere has none. */
	CHECK_INT(travel_timetable_summary(s, &sum, &present), STATUS_OK);
	CHECK_INT(present, 1);
	CHECK_INT(sum.hops, 2);
	CHECK_INT(sum.stops, 3);
	CHECK_INT(sum.located_stops, 3);
	CHECK_INT(sum.trips, 1);
	{
		struct travel_request req;
		struct travel_info info;
		const struct travel_plan *plan;
		struct travel_answer a;
		struct transit_leg legs[TRANSIT_MAX_LEGS];
		char words[400];
		int n;

		travel_request_init(&req);
		req.mode = TRAVEL_BUS;
		CHECK_INT(travel_plan_get(s, &req, (struct geo_point){ 53.5, -1.0 }, 0, "HOME",
					  (struct civil_date){ 2026, 12, 9 }, &plan, &info), STATUS_OK);
		CHECK(plan != NULL);
		if (plan) {
			/* To Hooton Road (placed by NaPTAN, named with its stand). */
			travel_plan_answer(plan, 53.52, -1.02, &a);
			CHECK_INT(a.found, 1);
			CHECK_INT(a.arrive, 9 * 60);
			n = travel_plan_journey(plan, 53.52, -1.02, legs, TRANSIT_MAX_LEGS);
			travel_journey_words(legs, n, words, sizeof(words));
			CHECK_STR(words, "1 at 08:00, 60 min to Hooton Road, Stand C4");
			CHECK_STR(legs[0].to, "Hooton Road, Stand C4");
		}
	}
	store_close(s);
}

TEST(importing_a_feed_again_replaces_it)
{
	char dir[512], db[600], err[256], path[600];
	char *files[1];
	struct build_options o;
	struct store *s;
	struct transit_summary sum;
	int present;
	FILE *devnull = fopen("/dev/null", "w");

	snprintf(dir, sizeof(dir), "%s/gtfs-again", tmp_dir());
	mkdir(dir, 0755);
	write_file(dir, "stops.txt", "stop_id,stop_name,stop_lat,stop_lon\nA,Alpha,53.5,-1.0\n"
		   "B,Beta,53.52,-1.0\n");
	write_file(dir, "routes.txt", "route_id,route_short_name,route_type\nR1,1,3\n");
	write_file(dir, "calendar.txt", "service_id,monday,tuesday,wednesday,thursday,friday,"
		   "saturday,sunday,start_date,end_date\nW,1,1,1,1,1,0,0,20261101,20271231\n");
	write_file(dir, "trips.txt", "route_id,service_id,trip_id\nR1,W,T1\nR1,W,T2\n");
	write_file(dir, "stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,"
		   "stop_sequence\nT1,08:00:00,08:00:00,A,1\nT1,08:10:00,08:10:00,B,2\n"
		   "T2,09:00:00,09:00:00,A,1\nT2,09:10:00,09:10:00,B,2\n");
	snprintf(db, sizeof(db), "%s/gtfs-again.db", tmp_dir());
	check_store_from(dir, db);
	/* The same stop_times.txt, with a third trip's times: replaced, not added to. */
	write_file(dir, "stop_times.txt", "trip_id,arrival_time,departure_time,stop_id,"
		   "stop_sequence\nT1,08:00:00,08:00:00,A,1\nT1,08:10:00,08:10:00,B,2\n");
	snprintf(path, sizeof(path), "%s/stop_times.txt", dir);
	files[0] = path;
	memset(&o, 0, sizeof(o));
	o.db = db;
	o.files = files;
	o.file_count = 1;
	o.quiet = 1;
	o.out_stream = devnull;
	o.err_stream = stderr;
	CHECK_INT(build_import(&o), STATUS_OK);
	fclose(devnull);
	CHECK_INT(store_open(db, STORE_READ_ONLY, &s, err, sizeof(err)), STATUS_OK);
	CHECK_INT(travel_timetable_summary(s, &sum, &present), STATUS_OK);
	CHECK_INT(present, 1);
	CHECK_INT(sum.hops, 1);
	store_close(s);
}

TESTS(each_file_is_recognised, what_the_importers_make, each_value_is_checked, near_misses,
      references_across_files, importing_a_feed_again_replaces_it)
