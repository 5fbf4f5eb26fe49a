/*
 * test_transit.c - journeys, minute by minute, on small hand-made timetables.
 *
 * The feed below is a BODS-shaped GTFS zip, read the way every real one is
 * (careers build -> importers -> the timetable step -> the packed
 * timetable). Its stops lie on one line north of home (H), so walks are
 * easy to work out: 4.8 km/h is 1.33 m a second, so 150 m is 113 s (2 min
 * rounded up), 70 m is 53 s, 230 m is 173 s.
 *
 *	H ---150 m--- A (Acorn Road) ---2.5 km--- M ---2.5 km--- B (Birch Street)
 *	B ---70 m--- D1 (a college)      B ---230 m--- C (Cedar Street)
 *	C ---8 km--- E (Elm Square) ---150 m--- D2
 *	H ---1150 m--- F (Fern Park) = D3        D4: 20 km east, no stop near
 *	H2 ---150 m--- P (Pine Road) ---3 km--- Q (Quarry Lane)
 *
 *	X1 A 07:40, 08:10, 08:40 -> M (no time given) -> B 25 min later
 *	Y2 C 08:05, 08:37, 08:40 -> E 15 min later
 *	W3 A 08:30 -> F 08:50 (slower than walking)
 *	N9 A 23:50 -> B 24:20 (runs on past midnight, Monday to Friday)
 *	F5 P -> Q 10 min, every 15 min from 07:00 to 09:00 (frequencies.txt)
 *
 * Weekdays from 1 Nov 2026; X1, Y2 and W3 do not run on Tuesday 8 December
 * 2026 (calendar_dates.txt).
 */
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "match.h"
#include "store.h"
#include "store_gtfs.h"
#include "transit.h"
#include "travel.h"

#define HOME_LAT 53.5
#define HOME_LON (-1.0)
#define D1_LAT 53.546945
#define D2_LAT 53.621678
#define D3_LAT 53.510342
#define M_LAT 53.523832

static const char *const feed_names[] = {
	"agency.txt", "stops.txt", "routes.txt", "calendar.txt", "calendar_dates.txt",
	"trips.txt", "stop_times.txt", "frequencies.txt", "feed_info.txt",
};

static const char *const feed_files[] = {
	"agency_id,agency_name,agency_url,agency_timezone,agency_lang,agency_phone,agency_noc\n"
	"OP1,\"Test Buses\",\"https://buses.example\",\"Europe/London\",\"EN\",\"\",\"TSTB\"\n",

	"stop_id,stop_code,stop_name,stop_lat,stop_lon,wheelchair_boarding,location_type,"
	"parent_station,platform_code\n"
	"A,a,\"Acorn Road\",53.501349,-1.0,0,0,,\n"
	"M,m,\"Middle Lane\",53.523832,-1.0,0,0,,\n"
	"B,b,\"Birch Street\",53.546315,-1.0,0,0,,\n"
	"C,c,\"Cedar Street\",53.548383,-1.0,0,0,,\n"
	"E,e,\"Elm Square\",53.620329,-1.0,0,0,,\n"
	"F,f,\"Fern Park\",53.510342,-1.0,0,0,,\n"
	"P,p,\"Pine Road\",53.701349,-1.0,0,0,,\n"
	"Q,q,\"Quarry Lane\",53.728328,-1.0,0,0,,\n",

	"route_id,agency_id,route_short_name,route_long_name,route_type\n"
	"RX1,OP1,\"X1\",,3\nRY2,OP1,\"Y2\",,3\nRW3,OP1,\"W3\",,3\nRN9,OP1,\"N9\",,3\n"
	"RF5,OP1,\"F5\",,3\n",

	"service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,start_date,end_date\n"
	"WEEKDAY,1,1,1,1,1,0,0,20261101,20271231\n"
	"NIGHT,1,1,1,1,1,0,0,20261101,20271231\n",

	"service_id,date,exception_type\nWEEKDAY,20261208,2\n",

	"route_id,service_id,trip_id,trip_headsign,block_id,shape_id,wheelchair_accessible,"
	"vehicle_journey_code\n"
	"RX1,WEEKDAY,X1a,\"Birch Street\",,,1,\"VJ1\"\n"
	"RX1,WEEKDAY,X1b,\"Birch Street\",,,1,\"VJ2\"\n"
	"RX1,WEEKDAY,X1c,\"Birch Street\",,,1,\"VJ3\"\n"
	"RY2,WEEKDAY,Y2a,\"Elm Square\",,,1,\"VJ4\"\n"
	"RY2,WEEKDAY,Y2b,\"Elm Square\",,,1,\"VJ5\"\n"
	"RY2,WEEKDAY,Y2c,\"Elm Square\",,,1,\"VJ6\"\n"
	"RW3,WEEKDAY,W3a,\"Fern Park\",,,1,\"VJ7\"\n"
	"RN9,NIGHT,N9a,\"Birch Street\",,,1,\"VJ8\"\n"
	"RF5,WEEKDAY,F5a,\"Quarry Lane\",,,1,\"VJ9\"\n",

	"trip_id,arrival_time,departure_time,stop_id,stop_sequence,stop_headsign,pickup_type,"
	"drop_off_type,shape_dist_traveled,timepoint\n"
	"X1a,07:40:00,07:40:00,A,1,,0,1,,1\nX1a,,,M,2,,0,0,,0\nX1a,08:05:00,08:05:00,B,3,,1,0,,1\n"
	"X1b,08:10:00,08:10:00,A,1,,0,1,,1\nX1b,,,M,2,,0,0,,0\nX1b,08:35:00,08:35:00,B,3,,1,0,,1\n"
	"X1c,08:40:00,08:40:00,A,1,,0,1,,1\nX1c,,,M,2,,0,0,,0\nX1c,09:05:00,09:05:00,B,3,,1,0,,1\n"
	"Y2a,08:05:00,08:05:00,C,1,,0,1,,1\nY2a,08:20:00,08:20:00,E,2,,1,0,,1\n"
	"Y2b,08:37:00,08:37:00,C,1,,0,1,,1\nY2b,08:52:00,08:52:00,E,2,,1,0,,1\n"
	"Y2c,08:40:00,08:40:00,C,1,,0,1,,1\nY2c,08:55:00,08:55:00,E,2,,1,0,,1\n"
	"W3a,08:30:00,08:30:00,A,1,,0,1,,1\nW3a,08:50:00,08:50:00,F,2,,1,0,,1\n"
	"N9a,23:50:00,23:50:00,A,1,,0,1,,1\nN9a,24:20:00,24:20:00,B,2,,1,0,,1\n"
	"F5a,06:00:00,06:00:00,P,1,,0,1,,1\nF5a,06:10:00,06:10:00,Q,2,,1,0,,1\n",

	"trip_id,start_time,end_time,headway_secs,exact_times\nF5a,07:00:00,09:00:00,900,1\n",

	"feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,feed_end_date,"
	"feed_version\n\"Test feed\",\"https://feed.example\",\"EN\",20261101,20271231,"
	"20261101_060000\n",
};

static struct store *store;
static const struct transit *timetable;
static struct transit *decoded;

static const char *tmp_dir(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");

	return tmp ? tmp : "/tmp";
}

/* Build the hand-made feed (as a zip, as BODS ships it) into a store, once. */
static int open_feed(void)
{
	char dir[512], zip[600], db[600], err[256];
	struct store_blob *blob;
	size_t size;
	char *bytes;

	if (timetable)
		return 1;
	snprintf(dir, sizeof(dir), "%s/transit-feed", tmp_dir());
	mkdir(dir, 0755);
	snprintf(zip, sizeof(zip), "%s/test_gtfs.zip", dir);
	harness_write_zip(zip, feed_names, feed_files, NULL,
			  sizeof(feed_names) / sizeof(feed_names[0]));
	snprintf(db, sizeof(db), "%s/transit.db", tmp_dir());
	check_store_from(dir, db);
	if (store_open(db, STORE_READ_ONLY, &store, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "%s\n", err);
		check_failures++;
		return 0;
	}
	CHECK_INT(store_timetable_open(store, &blob, &size), STATUS_OK);
	if (!blob)
		return 0;
	bytes = xmalloc(size);
	CHECK_INT(store_blob_read(blob, bytes, size, 0), STATUS_OK);
	store_blob_close(blob);
	CHECK_INT(transit_decode(bytes, size, &decoded, err, sizeof(err)), STATUS_OK);
	free(bytes);
	timetable = decoded;
	return timetable != NULL;
}

static long day_of(const char *iso)
{
	struct civil_date d;

	CHECK(date_parse(iso, &d));
	return date_days(d);
}

/* The answer from home (or lat0/lon0) to a point north of home, on day, by arrive_by. */
static struct transit_answer ask_from(double lat0, double lon0, double lat, double lon,
				      const char *day, int arrive_by,
				      const struct transit_settings *settings, char *words,
				      size_t wordslen)
{
	struct transit_query q;
	struct transit_run *run = NULL;
	struct transit_answer a;
	struct transit_leg legs[TRANSIT_MAX_LEGS];
	int n;

	memset(&a, 0, sizeof(a));
	memset(&q, 0, sizeof(q));
	q.lat = lat0;
	q.lon = lon0;
	q.day = day_of(day);
	q.arrive_by = arrive_by;
	if (settings)
		q.settings = *settings;
	else
		transit_settings_init(&q.settings);
	CHECK_INT(transit_run_new(timetable, &q, &run), STATUS_OK);
	if (!run)
		return a;
	transit_answer_to(run, lat, lon, &a);
	if (words) {
		n = transit_journey_to(run, lat, lon, legs, TRANSIT_MAX_LEGS);
		travel_journey_words(legs, n, words, wordslen);
	}
	transit_run_free(run);
	return a;
}

static struct transit_answer ask(double lat, double lon, const char *day, int arrive_by,
				 const struct transit_settings *settings, char *words,
				 size_t wordslen)
{
	return ask_from(HOME_LAT, HOME_LON, lat, lon, day, arrive_by, settings, words, wordslen);
}

#define H(h, m) ((h) * 3600 + (m) * 60)

TEST(the_feed_is_packed)
{
	struct transit_summary sum;

	if (!open_feed())
		return;
	transit_summarise(timetable, &sum);
	CHECK_INT(sum.feeds, 1);
	CHECK_INT(sum.stops, 8);
	CHECK_INT(sum.located_stops, 8);
	/* X1 3 trips x 2 hops, Y2 3, W3 1, N9 1, F5 8 runs (07:00 to 08:45). */
	CHECK_INT(sum.hops, 6 + 3 + 1 + 1 + 8);
	CHECK_INT(sum.first_day, day_of("2026-11-01"));
	CHECK_INT(sum.last_day, day_of("2027-12-31"));
}

TEST(one_bus)
{
	char words[512];
	struct transit_answer a;

	if (!open_feed())
		return;
	a = ask(D1_LAT, HOME_LON, "2026-12-09", H(9, 0), NULL, words, sizeof(words));
	CHECK_INT(a.found, 1);
	CHECK_INT(a.walk_only, 0);
	CHECK_INT(a.depart, H(8, 8));		/* 08:10 less the 113 s walk, to the minute */
	CHECK_INT(a.arrive, H(8, 36));		/* 08:35 and a 53 s walk */
	CHECK_INT(a.minutes, 28);
	CHECK_INT(a.changes, 0);
	CHECK_INT(a.walk_minutes, 3);		/* 166 s */
	CHECK_STR(words, "walk 2 min to Acorn Road stop, X1 at 08:10, 25 min to Birch Street stop, "
		  "walk 1 min");
	/* Arriving by 08:30 takes the 07:40. */
	a = ask(D1_LAT, HOME_LON, "2026-12-09", H(8, 30), NULL, NULL, 0);
	CHECK_INT(a.depart, H(7, 38));
	CHECK_INT(a.arrive, H(8, 6));
}

TEST(blank_times_are_filled_in_between)
{
	struct transit_answer a;

	if (!open_feed())
		return;
	/* Middle Lane has no time in the feed: halfway, 12.5 min after Acorn Road. */
	a = ask(M_LAT, HOME_LON, "2026-12-09", H(9, 0), NULL, NULL, 0);
	CHECK_INT(a.found, 1);
	CHECK_INT(a.depart, H(8, 38));		/* the 08:40, there at 08:52:30 */
	CHECK_INT(a.arrive, H(8, 53));
	CHECK_INT(a.minutes, 15);
}

TEST(a_change)
{
	char words[512];
	struct transit_answer a;
	struct transit_settings slow;

	if (!open_feed())
		return;
	a = ask(D2_LAT, HOME_LON, "2026-12-09", H(9, 0), NULL, words, sizeof(words));
	CHECK_INT(a.found, 1);
	CHECK_INT(a.depart, H(8, 8));
	CHECK_INT(a.arrive, H(8, 57));		/* Y2 at 08:55, then 113 s */
	CHECK_INT(a.minutes, 49);
	CHECK_INT(a.changes, 1);
	CHECK_INT(a.walk_minutes, 7);		/* 113 + 173 + 113 s */
	CHECK_STR(words, "walk 2 min to Acorn Road stop, X1 at 08:10, 25 min to Birch Street "
		  "stop, walk 3 min to Cedar Street stop, change to Y2 at 08:40, 15 min to Elm Square stop, "
		  "walk 2 min");
	/* Six minutes to change: 08:35 + 6 misses the 08:40, so the 07:40 and the 08:37. */
	transit_settings_init(&slow);
	slow.change_seconds = 360;
	a = ask(D2_LAT, HOME_LON, "2026-12-09", H(9, 0), &slow, NULL, 0);
	CHECK_INT(a.depart, H(7, 38));
	CHECK_INT(a.arrive, H(8, 54));
	CHECK_INT(a.minutes, 76);
	CHECK_INT(a.changes, 1);
	/* No walking between stops at all: no change to Y2 is possible. */
	slow.transfer_metres = 100;
	a = ask(D2_LAT, HOME_LON, "2026-12-09", H(9, 0), &slow, NULL, 0);
	CHECK_INT(a.found, 0);
}

TEST(a_night_bus_past_midnight)
{
	char words[512];
	struct transit_answer a;

	if (!open_feed())
		return;
	/* Tuesday 00:30: the N9 of Monday night, 23:50 to 24:20. */
	a = ask(D1_LAT, HOME_LON, "2026-12-15", 30 * 60, NULL, words, sizeof(words));
	CHECK_INT(a.found, 1);
	CHECK_INT(a.depart, -12 * 60);		/* 23:48 the evening before */
	CHECK_INT(a.arrive, 21 * 60);		/* 00:20:53 */
	CHECK_INT(a.minutes, 33);
	CHECK_STR(words, "walk 2 min to Acorn Road stop, N9 at 23:50, 30 min to Birch Street stop, "
		  "walk 1 min");
	/* By 00:10 it has not got there. */
	a = ask(D1_LAT, HOME_LON, "2026-12-15", 10 * 60, NULL, NULL, 0);
	CHECK_INT(a.found, 0);
	/* Sunday night: no N9 on Saturday, so nothing on Sunday at 00:30. */
	a = ask(D1_LAT, HOME_LON, "2026-12-13", 30 * 60, NULL, NULL, 0);
	CHECK_INT(a.found, 0);
}

TEST(a_removed_date)
{
	struct transit_answer a;

	if (!open_feed())
		return;
	/* calendar_dates.txt takes Tuesday 8 December away from X1, Y2 and W3. */
	a = ask(D1_LAT, HOME_LON, "2026-12-08", H(9, 0), NULL, NULL, 0);
	CHECK_INT(a.found, 0);
	a = ask(D1_LAT, HOME_LON, "2026-12-07", H(9, 0), NULL, NULL, 0);
	CHECK_INT(a.found, 1);
	CHECK_INT(a.depart, H(8, 8));
	/* Saturdays have no buses. */
	a = ask(D1_LAT, HOME_LON, "2026-12-12", H(9, 0), NULL, NULL, 0);
	CHECK_INT(a.found, 0);
}

TEST(walking_is_quicker)
{
	char words[512];
	struct transit_answer a;
	struct transit_settings slow;

	if (!open_feed())
		return;
	/* Fern Park: 1150 m, 863 s on foot; the W3 would take 22 min door to door. */
	a = ask(D3_LAT, HOME_LON, "2026-12-09", H(9, 0), NULL, words, sizeof(words));
	CHECK_INT(a.found, 1);
	CHECK_INT(a.walk_only, 1);
	CHECK_INT(a.depart, H(8, 45));
	CHECK_INT(a.arrive, H(9, 0));
	CHECK_INT(a.minutes, 15);
	CHECK_INT(a.walk_minutes, 15);
	CHECK_STR(words, "walk 15 min");
	/* At 2 km/h walking takes 35 min, and the bus is quicker: leave 08:25, there 08:50. */
	transit_settings_init(&slow);
	slow.walk_kmh = 2;
	a = ask(D3_LAT, HOME_LON, "2026-12-09", H(9, 0), &slow, words, sizeof(words));
	CHECK_INT(a.walk_only, 0);
	CHECK_INT(a.depart, H(8, 25));
	CHECK_INT(a.arrive, H(8, 50));
	CHECK_INT(a.minutes, 25);
	CHECK_STR(words, "walk 5 min to Acorn Road stop, W3 at 08:30, 20 min to Fern Park stop");
}

TEST(no_bus_reaches_it)
{
	struct transit_answer a;

	if (!open_feed())
		return;
	/* 20 km east: no stop within 1 km, too far to walk. */
	a = ask(HOME_LAT, HOME_LON + 0.3, "2026-12-09", H(9, 0), NULL, NULL, 0);
	CHECK_INT(a.found, 0);
	/* Birch Street by 08:00: the first X1 gets there at 08:05. */
	a = ask(D1_LAT, HOME_LON, "2026-12-09", H(8, 0), NULL, NULL, 0);
	CHECK_INT(a.found, 0);
}

TEST(frequencies_run_every_headway)
{
	char words[512];
	struct transit_answer a;

	if (!open_feed())
		return;
	/* From 150 m south of Pine Road to Quarry Lane: the 08:45 run, there 08:55. */
	a = ask_from(53.7, HOME_LON, 53.728328, HOME_LON, "2026-12-09", H(9, 0), NULL, words,
		     sizeof(words));
	CHECK_INT(a.found, 1);
	CHECK_INT(a.depart, H(8, 43));
	CHECK_INT(a.arrive, H(8, 55));
	CHECK_STR(words, "walk 2 min to Pine Road stop, F5 at 08:45, 10 min to Quarry Lane stop");
	/* By 07:05 none has got there (the first run is 07:00, there 07:10). */
	a = ask_from(53.7, HOME_LON, 53.728328, HOME_LON, "2026-12-09", H(7, 5), NULL, NULL, 0);
	CHECK_INT(a.found, 0);
}

/* --- the normal school day, and the plan for a learner --------------------------------- */

static void school_day(const char *today, const char *want, const char *want_words)
{
	struct travel_request req;
	struct travel_info info;
	const struct travel_plan *plan;
	struct civil_date t;
	char iso[11];

	travel_request_init(&req);
	req.mode = TRAVEL_BUS;
	CHECK(date_parse(today, &t));
	CHECK_INT(travel_plan_get(store, &req, (struct geo_point){ HOME_LAT, HOME_LON }, 0,
				  "XX1 1XX", t, &plan, &info), STATUS_OK);
	CHECK(plan != NULL);
	CHECK_INT(info.used, 1);
	date_iso(info.day, iso);
	CHECK_STR(iso, want);
	CHECK_STR(info.day_words, want_words);
	CHECK_STR(info.note, "");
}

TEST(a_normal_school_day)
{
	if (!open_feed())
		return;
	/* A Monday is one. */
	school_day("2026-12-07", "2026-12-07", "Monday 7 December");
	/* Tuesday 8th has a calendar_dates removal near home: not normal. */
	school_day("2026-12-08", "2026-12-09", "Wednesday 9 December");
	/* A Saturday: the Monday after. */
	school_day("2026-12-12", "2026-12-14", "Monday 14 December");
	/* Christmas Day (Friday), then Boxing Day's substitute (Monday 28th): Tuesday 29th. */
	school_day("2026-12-25", "2026-12-29", "Tuesday 29 December");
}

TEST(no_timetable_covers_the_place)
{
	struct travel_request req;
	struct travel_info info;
	const struct travel_plan *plan;
	struct civil_date t = { 2026, 12, 7 };

	if (!open_feed())
		return;
	travel_request_init(&req);
	req.mode = TRAVEL_BUS;
	/* Fifty miles away: no stop within 5 km. */
	CHECK_INT(travel_plan_get(store, &req, (struct geo_point){ 52.8, -1.0 }, 0, "NG1", t,
				  &plan, &info), STATUS_OK);
	CHECK(plan == NULL);
	CHECK_INT(info.used, 0);
	CHECK_STR(info.note, "no bus timetable covers NG1, so distances are in miles");
	/* The timetables have run out by 2028. */
	t = (struct civil_date){ 2028, 3, 1 };
	CHECK_INT(travel_plan_get(store, &req, (struct geo_point){ HOME_LAT, HOME_LON }, 0, "XX1",
				  t, &plan, &info), STATUS_OK);
	CHECK(plan == NULL);
	CHECK_STR(info.note, "the bus timetables ran out on 31 Dec 2027, so distances are in miles");
	/* From the middle of a district: said so. */
	t = (struct civil_date){ 2026, 12, 7 };
	CHECK_INT(travel_plan_get(store, &req, (struct geo_point){ HOME_LAT, HOME_LON }, 1, "XX1",
				  t, &plan, &info), STATUS_OK);
	CHECK(plan != NULL);
	CHECK_STR(info.note, "bus times are from the middle of XX1, not your door");
}

/* --- the packed timetable's bytes ------------------------------------------------------------ */

TEST(pack_round_trip_and_damage)
{
	char *bytes, *again, err[200];
	size_t len, len2, cut;
	struct transit *t;
	int refused = 0;

	if (!open_feed())
		return;
	CHECK_INT(transit_encode(timetable, &bytes, &len), STATUS_OK);
	CHECK_INT(transit_decode(bytes, len, &t, err, sizeof(err)), STATUS_OK);
	CHECK_INT(transit_encode(t, &again, &len2), STATUS_OK);
	CHECK_INT(len2, len);
	CHECK(memcmp(bytes, again, len) == 0);
	transit_free(t);
	free(again);
	/* Every cut short is refused, with a reason. */
	for (cut = 0; cut < len; cut += 7) {
		err[0] = '\0';
		if (transit_decode(bytes, cut, &t, err, sizeof(err)) != STATUS_OK && err[0] && !t)
			refused++;
		else
			transit_free(t);
	}
	CHECK_INT(refused, (int)((len + 6) / 7));
	/* A hop made to arrive before it leaves. */
	{
		char *bad = xmalloc(len);
		size_t i;
		int caught = 0;

		/* Flip each byte in turn: decoding never crashes; most flips are caught. */
		for (i = 20; i < len; i += 3) {
			memcpy(bad, bytes, len);
			bad[i] ^= 0x5a;
			if (transit_decode(bad, len, &t, err, sizeof(err)) != STATUS_OK)
				caught++;
			else
				transit_free(t);
		}
		CHECK(caught > 0);
		free(bad);
	}
	free(bytes);
}

/* --- the profile scan against the baseline, on random timetables -------------------------- */

static unsigned long long seed_state;

static unsigned rnd(unsigned n)
{
	seed_state = seed_state * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((seed_state >> 33) % n);
}

TEST(profile_scan_agrees_with_the_baseline)
{
	int seed, checked = 0, found = 0, mismatches = 0;

	for (seed = 0; seed < 60; seed++) {
		struct transit_builder *b = transit_builder_new();
		struct transit *t;
		uint32_t services[2];
		int stops, routes, r, k, q;

		seed_state = (unsigned long long)seed * 7919 + 1;
		stops = 20 + (int)rnd(60);
		for (k = 0; k < stops; k++)
			transit_builder_stop(b, 53.5 + rnd(2000) / 20000.0, -1.1 + rnd(3000) / 20000.0,
					     "stop");
		services[0] = transit_builder_service(b, 0x1f, day_of("2026-11-01"),
						      day_of("2027-12-31"));
		services[1] = transit_builder_service(b, 0x7f, day_of("2026-11-01"),
						      day_of("2027-12-31"));
		transit_builder_exception(b, services[0], day_of("2026-12-10"), 2);
		routes = 3 + (int)rnd(10);
		for (r = 0; r < routes; r++) {
			uint32_t route = transit_builder_route(b, "R", "", "A", 3);
			int len = 3 + (int)rnd(10), seq[16], trips = 2 + (int)rnd(15);

			for (k = 0; k < len; k++)
				seq[k] = (int)rnd((unsigned)stops);
			for (k = 0; k < trips; k++) {
				uint32_t trip = transit_builder_trip(b, route, services[rnd(2)], "");
				int time = 5 * 3600 + (int)rnd(5 * 3600), s;

				if (rnd(6) == 0)
					time = 22 * 3600 + (int)rnd(3 * 3600);	/* past midnight */
				for (s = 0; s + 1 < len; s++) {
					int dep = time + (int)rnd(3) * 60, arr = dep + 60 + (int)rnd(600);

					transit_builder_hop(b, trip, (uint32_t)seq[s], (uint32_t)seq[s + 1],
							    dep, arr, rnd(12) == 0, rnd(12) == 0);
					time = arr;
				}
			}
		}
		t = transit_builder_finish(b);
		for (q = 0; q < 4; q++) {
			struct transit_query query;
			struct transit_run *run;
			struct transit_baseline *base;
			int d;

			transit_settings_init(&query.settings);
			query.settings.walk_alone_metres = 0;	/* the baseline does not walk all the way */
			query.settings.change_seconds = 60 + (int)rnd(240);
			query.settings.transfer_metres = (int)rnd(500);
			query.lat = 53.5 + rnd(2000) / 20000.0;
			query.lon = -1.1 + rnd(3000) / 20000.0;
			query.day = day_of(q == 3 ? "2026-12-10" : "2026-12-09");
			query.arrive_by = rnd(3) == 0 ? 30 * 60 + (int)rnd(3600) : 7 * 3600 + (int)rnd(4 * 3600);
			CHECK_INT(transit_run_new(t, &query, &run), STATUS_OK);
			CHECK_INT(transit_baseline_new(t, &query, &base), STATUS_OK);
			for (d = 0; d < 30; d++) {
				double lat = 53.5 + rnd(2000) / 20000.0, lon = -1.1 + rnd(3000) / 20000.0;
				struct transit_answer a;
				int latest = transit_baseline_latest(base, lat, lon, NULL);
				int want = latest == INT32_MIN ? INT32_MIN : (int)(floor(latest / 60.0) * 60);

				transit_answer_to(run, lat, lon, &a);
				checked++;
				found += a.found;
				if ((a.found ? a.depart : INT32_MIN) != want && mismatches++ < 5)
					fprintf(stderr, "seed %d query %d destination %d: profile %d, "
						"baseline %d\n", seed, q, d, a.found ? a.depart : INT32_MIN, want);
			}
			transit_baseline_free(base);
			transit_run_free(run);
		}
		transit_free(t);
	}
	CHECK_INT(mismatches, 0);
	CHECK(found > checked / 10);	/* the test must find journeys to mean anything */
}

TEST(close_the_feed)
{
	transit_free(decoded);
	decoded = NULL;
	timetable = NULL;
	store_close(store);
	store = NULL;
}

TESTS(the_feed_is_packed, one_bus, blank_times_are_filled_in_between, a_change,
      a_night_bus_past_midnight, a_removed_date, walking_is_quicker, no_bus_reaches_it,
      frequencies_run_every_headway, a_normal_school_day, no_timetable_covers_the_place,
      pack_round_trip_and_damage, profile_scan_agrees_with_the_baseline, close_the_feed)
