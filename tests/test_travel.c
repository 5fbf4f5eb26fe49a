/*
 * test_travel.c - bus journeys in the learner filter: bank holidays, the
 * words on screen, and searches by bus on the bundled Doncaster sample
 * (its sample bus network: data/tools/dn_buses.py).
 */
#include <limits.h>

#include "harness.h"
#include "holidays.h"
#include "match.h"
#include "store.h"
#include "travel.h"

static struct store *store;

static int open_store(void)
{
	char path[512], err[256];
	const char *tmp = getenv("CAREERS_TEST_TMP");

	if (store)
		return 1;
	snprintf(path, sizeof(path), "%s/travel.db", tmp ? tmp : "/tmp");
	check_bundled_store(path);
	if (store_open(path, STORE_READ_ONLY, &store, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "%s\n", err);
		check_failures++;
		return 0;
	}
	return 1;
}

TEST(bank_holidays)
{
	struct civil_date d;
	int year, n = 0;

	CHECK_STR(holidays_name((struct civil_date){ 2026, 12, 25 }), "Christmas Day");
	CHECK_STR(holidays_name((struct civil_date){ 2026, 12, 28 }), "Boxing Day (substitute day)");
	CHECK_STR(holidays_name((struct civil_date){ 2027, 3, 26 }), "Good Friday");
	CHECK(holidays_name((struct civil_date){ 2026, 12, 24 }) == NULL);
	CHECK(holidays_known_until() >= 2028);
	/* Every bank holiday in the file falls on a weekday, eight or so a year. */
	for (year = 2024; year <= holidays_known_until(); year++) {
		int in_year = 0;

		for (d = (struct civil_date){ year, 1, 1 }; d.year == year; d = date_add_days(d, 1))
			if (holidays_name(d)) {
				CHECK(date_weekday(d) < 5);
				in_year++;
			}
		CHECK(in_year >= 8 && in_year <= 9);
		n += in_year;
	}
	CHECK(n >= 40);
}

TEST(words)
{
	struct travel_answer a = { 1, 1, 0, 32, 1, 6, 485, 517 };
	char out[200];

	CHECK_INT(travel_parse_clock("09:00"), 540);
	CHECK_INT(travel_parse_clock("8:30"), 510);
	CHECK_INT(travel_parse_clock("24:00"), -1);
	CHECK_INT(travel_parse_clock("9"), -1);
	CHECK_INT(travel_parse_clock("09:7"), -1);
	travel_clock(-12, out);
	CHECK_STR(out, "23:48");
	travel_clock_short(540, out);
	CHECK_STR(out, "9");
	travel_clock_short(510, out);
	CHECK_STR(out, "8:30");
	travel_brief(&a, 540, out, sizeof(out));
	CHECK_STR(out, "about 32 min by bus");
	travel_summary(&a, 540, out, sizeof(out));
	CHECK_STR(out, "32 min by bus: leave at 08:05, there at 08:37, 1 change");
	a.changes = 2;
	travel_summary(&a, 540, out, sizeof(out));
	CHECK_STR(out, "32 min by bus: leave at 08:05, there at 08:37, 2 changes");
	a.walk_only = 1;
	a.minutes = 12;
	travel_brief(&a, 540, out, sizeof(out));
	CHECK_STR(out, "about 12 min walk");
	a.found = 0;
	travel_brief(&a, 540, out, sizeof(out));
	CHECK_STR(out, "no bus before 9");
	travel_brief(&a, 510, out, sizeof(out));
	CHECK_STR(out, "no bus before 8:30");
	travel_summary(&a, 510, out, sizeof(out));
	CHECK_STR(out, "no bus gets there by 08:30");
}

static void by_bus(struct match_profile *p, const char *postcode, int minutes)
{
	match_profile_init(p);
	p->today = (struct civil_date){ 2026, 12, 7 };
	snprintf(p->place, sizeof(p->place), "%s", postcode);
	p->place_is_full = strchr(postcode, ' ') != NULL;
	p->travel.mode = TRAVEL_BUS;
	p->travel.within_minutes = minutes;
	p->limit = 0;
}

TEST(within_minutes_by_bus)
{
	struct match_profile p;
	struct match_list l;
	char err[256];
	size_t i, placed = 0, careers = 0;

	if (!open_store())
		return;
	by_bus(&p, "DN12 3EF", 45);
	p.kinds = (1u << OPTION_COURSE) | (1u << OPTION_SCHOOL) | (1u << OPTION_CAREER);
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK_INT(l.travel.used, 1);
	CHECK_STR(l.travel.day_words, "Monday 7 December");
	for (i = 0; i < l.count; i++) {
		const struct match_result *r = &l.results[i];

		if (r->kind == OPTION_CAREER) {
			careers++;
			CHECK_INT(r->travel.applies, 0);
			continue;
		}
		placed++;
		CHECK_INT(r->travel.applies, 1);
		CHECK_INT(r->travel.found, 1);
		CHECK(r->travel.minutes <= 45);
		CHECK(r->travel.arrive <= 9 * 60);
		CHECK(r->travel.minutes == r->travel.arrive - r->travel.depart);
	}
	CHECK(placed > 10);
	CHECK(careers > 10);	/* careers are not places: no journey leaves them out */
	match_list_done(&l);

	/* A tighter limit keeps fewer. */
	{
		size_t before = placed;

		by_bus(&p, "DN12 3EF", 20);
		p.kinds = (1u << OPTION_COURSE) | (1u << OPTION_SCHOOL);
		CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
		CHECK(l.count < before);
		for (i = 0; i < l.count; i++)
			CHECK(l.results[i].travel.minutes <= 20);
		match_list_done(&l);
	}
}

TEST(sorted_by_travel)
{
	struct match_profile p;
	struct match_list l;
	char err[256];
	size_t i;
	int last = -1;

	if (!open_store())
		return;
	by_bus(&p, "DN12 3EF", 0);
	p.radius = MATCH_ANYWHERE;
	p.sort = SORT_TRAVEL;
	p.kinds = (1u << OPTION_COURSE) | (1u << OPTION_SCHOOL);
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK(l.count > 20);
	for (i = 0; i < l.count; i++) {
		const struct match_result *r = &l.results[i];
		int minutes = r->travel.found ? r->travel.minutes : INT_MAX;

		CHECK(minutes >= last);
		last = minutes;
	}
	/* With no limit, options no bus reaches stay in the list, last, saying so. */
	CHECK_INT(l.results[l.count - 1].travel.found, 0);
	CHECK_INT(l.results[l.count - 1].travel.applies, 1);
	match_list_done(&l);
}

TEST(journey_to_one_option)
{
	struct match_profile p;
	struct match_list l;
	struct transit_leg legs[TRANSIT_MAX_LEGS];
	struct travel_answer a;
	struct travel_info info;
	char err[256], words[512];
	size_t i;
	int n, checked = 0;

	if (!open_store())
		return;
	by_bus(&p, "DN12 3EF", 60);
	p.kinds = 1u << OPTION_COURSE;
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	for (i = 0; i < l.count && checked < 5; i++) {
		const struct match_result *r = &l.results[i];

		if (!r->travel.found || r->travel.walk_only)
			continue;
		n = match_journey(store, &p, r->kind, r->id, legs, TRANSIT_MAX_LEGS, &a, &info);
		CHECK(n >= 2);
		/* The journey told is the one in the results. */
		CHECK_INT(a.depart, r->travel.depart);
		CHECK_INT(a.arrive, r->travel.arrive);
		travel_journey_words(legs, n, words, sizeof(words));
		/* From near De Warenne Academy, the X78 towards Doncaster. */
		CHECK_CONTAINS(words, "walk 2 min to De Warenne Academy stop, X78 at ");
		checked++;
	}
	CHECK(checked > 0);
	match_list_done(&l);
}

TEST(no_timetable_here_means_miles)
{
	struct match_profile p;
	struct match_list l;
	char err[256];

	if (!open_store())
		return;
	/* Hull: in the sample's postcodes, far from its buses. */
	by_bus(&p, "HU1", 30);
	p.radius = 10;
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK_INT(l.travel.used, 0);
	CHECK_STR(l.travel.note, "no bus timetable covers HU1, so distances are in miles");
	CHECK(l.count == 0 || !l.results[0].travel.applies);
	match_list_done(&l);
}

TEST(close_store)
{
	store_close(store);
	store = NULL;
}

TESTS(bank_holidays, words, within_minutes_by_bus, sorted_by_travel, journey_to_one_option,
      no_timetable_here_means_miles, close_store)
