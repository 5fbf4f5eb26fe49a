/*
 * test_import_postcodes.c - postcode and postcode-district locations:
 * the lat/long lists (NSPL/ONSPD, odileeds, freemaptools), OS Code-Point
 * Open (eastings/northings, no header) and outcode centroids; and that
 * Code-Point converted with geo_from_grid() agrees with NSPL.
 */
#include "harness.h"

#include "geo.h"

#define METRES_PER_MILE 1609.344

TEST(nspl_layout)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("postcodes/nspl_style.csv")), STATUS_OK);
	CHECK_STR(c.format, "postcodes-csv");
	CHECK_INT(c.result.read, 10);
	CHECK_INT(c.result.loaded, 2);
	CHECK_INT(c.result.skipped, 1);
	CHECK_INT(c.result.rejected, 7);
	CHECK_STR(c.records.buf,
		  "POSTCODE postcode=DN1 1AA lat=53.52299 lon=-1.13489\n"
		  "POSTCODE postcode=DN1 1AB lat=53.52280 lon=-1.13531 terminated=1\n");
	CHECK_CONTAINS(c.rejections.buf, "5: pcd: \"DN1 1X\" is not a UK postcode (expected "
					 "something like DN1 3BU)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: lat: 43.522990 is not in the UK (expected a latitude "
					 "like 53.52299)\n");
	CHECK_CONTAINS(c.rejections.buf, "8: long: 8.200000 is not in the UK (expected a "
					 "longitude like -1.13489)\n");
	CHECK_CONTAINS(c.rejections.buf, "9: lat: \"north\" is not a number (expected something "
					 "like 53.52299)\n");
	CHECK_CONTAINS(c.rejections.buf, "10: pcd: is empty, but every row needs a postcode\n");
	CHECK_CONTAINS(c.rejections.buf, "11: doterm: \"2015x\" is not a year and month (expected "
					 "yyyymm, like 201506)\n");
	CHECK_CONTAINS(c.rejections.buf, "12: long: is empty, but the latitude is given\n");
	CHECK_INT(c.rejection_count, 7);
	capture_done(&c);
}

TEST(onspd_layout_bom_crlf)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("postcodes/onspd_style_bom_crlf.csv")),
		  STATUS_OK);
	CHECK_STR(c.format, "postcodes-csv");
	CHECK_INT(c.result.loaded, 2);
	CHECK_INT(c.result.skipped, 1);
	CHECK_INT(c.result.rejected, 0);
	CHECK_STR(c.records.buf,
		  "POSTCODE postcode=DN10 1AA lat=53.44299 lon=-0.98500\n"
		  "POSTCODE postcode=DN10 1AB lat=53.44300 lon=-0.98490 terminated=1\n");
	capture_done(&c);
}

TEST(odileeds_layout)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("postcodes/odileeds_style.csv")), STATUS_OK);
	CHECK_STR(c.format, "postcodes-csv");
	CHECK_INT(c.result.loaded, 3);
	/* "dn144ab,,0.00000": no grid reference. */
	CHECK_INT(c.result.skipped, 1);
	CHECK_CONTAINS(c.records.buf, "POSTCODE postcode=DN14 4AD lat=53.45000 lon=-0.90000\n");
	CHECK_NOT_CONTAINS(c.records.buf, "DN14 4AB");
	capture_done(&c);
}

TEST(freemaptools_layout)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("postcodes/freemaptools_style.csv")), STATUS_OK);
	CHECK_STR(c.format, "postcodes-csv");
	CHECK_INT(c.result.read, 4);
	CHECK_INT(c.result.loaded, 2);
	CHECK_INT(c.result.skipped, 1);
	CHECK_INT(c.result.rejected, 1);
	CHECK_CONTAINS(c.records.buf, "POSTCODE postcode=AB10 1XG lat=57.14417 lon=-2.11485\n");
	CHECK_STR(c.rejections.buf, "4: latitude: 0.000000000000000 is not in the UK (expected a "
				    "latitude like 53.52299)\n");
	capture_done(&c);
}

TEST(codepoint_open)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("postcodes/codepoint_dn.csv")), STATUS_OK);
	CHECK_STR(c.format, "codepoint-open-csv");
	CHECK_INT(c.result.read, 8);
	CHECK_INT(c.result.loaded, 2);
	CHECK_INT(c.result.skipped, 1);
	CHECK_INT(c.result.rejected, 5);
	CHECK_STR(c.records.buf, "POSTCODE postcode=DN1 1AA lat=53.52306 lon=-1.13482\n"
				 "POSTCODE postcode=DN1 1AB lat=53.52276 lon=-1.13526\n");
	CHECK_CONTAINS(c.rejections.buf, "4: Postcode: \"DN1 1X\" is not a UK postcode (expected "
					 "something like DN1 3BU)\n");
	CHECK_CONTAINS(c.rejections.buf, "5: Eastings: 4580740 is out of range (expected 1 to "
					 "700000)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: Positional_quality_indicator: \"ten\" is not a whole "
					 "number (expected something like 24)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: Northings: \"north\" is not a whole number (expected "
					 "something like 24)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: Postcode: is empty, but every row needs a postcode\n");
	CHECK_CONTAINS(c.rejections.buf, "8: Northings: is empty, but the positional quality says "
					 "the postcode has coordinates\n");
	CHECK_INT(c.rejection_count, 6);
	capture_done(&c);
}

TEST(codepoint_headers_file_is_not_data)
{
	struct capture c;

	capture_init(&c);
	capture_file(&c, check_fixture("postcodes/Code-Point_Open_Column_Headers.csv"));
	CHECK(c.detect_status != STATUS_OK);
	CHECK(!c.format);
	CHECK_CONTAINS(c.why, "not a format this program reads");
	capture_done(&c);
}

TEST(outcode_centroids)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("postcodes/outcodes_style.csv")), STATUS_OK);
	CHECK_STR(c.format, "outcodes-csv");
	CHECK_INT(c.result.read, 9);
	CHECK_INT(c.result.loaded, 3);
	CHECK_INT(c.result.skipped, 1);
	CHECK_INT(c.result.rejected, 5);
	CHECK_STR(c.records.buf, "OUTCODE outcode=AB10 lat=57.13109 lon=-2.12248\n"
				 "OUTCODE outcode=DN1 lat=53.52280 lon=-1.12860\n"
				 "OUTCODE outcode=SL60 lat=51.51856 lon=-0.71479\n");
	CHECK_STR(c.rejections.buf,
		  "4: outcode: \"12AB\" is not a postcode district (expected something like DN1)\n"
		  "5: outcode: is empty, but every row needs a postcode district\n"
		  "7: longitude: is empty, but the latitude is given\n"
		  "8: latitude: 10.0 is not in the UK (expected a latitude like 53.5228)\n"
		  "9: longitude: \"lots\" is not a number (expected something like 53.52299)\n");
	capture_done(&c);
}

/* Detection keeps the layouts apart, whatever else is registered. */
TEST(layouts_do_not_collide)
{
	static const struct {
		const char *fixture, *format;
	} cases[] = {
		{ "postcodes/nspl_style.csv", "postcodes-csv" },
		{ "postcodes/onspd_style_bom_crlf.csv", "postcodes-csv" },
		{ "postcodes/odileeds_style.csv", "postcodes-csv" },
		{ "postcodes/freemaptools_style.csv", "postcodes-csv" },
		{ "postcodes/codepoint_dn.csv", "codepoint-open-csv" },
		{ "postcodes/outcodes_style.csv", "outcodes-csv" },
		{ "gias/edubasealldata20250422.csv", "gias-csv" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct capture c;

		capture_init(&c);
		capture_file(&c, check_fixture(cases[i].fixture));
		CHECK_STR(c.format, cases[i].format);
		capture_done(&c);
	}
}

static void check_counts(const char *relative, const char *format, unsigned long read,
			 unsigned long loaded, unsigned long skipped)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata(relative)), STATUS_OK);
	CHECK_STR(c.format, format);
	CHECK_INT(c.result.read, read);
	CHECK_INT(c.result.loaded, loaded);
	CHECK_INT(c.result.skipped, skipped);
	CHECK_INT(c.result.rejected, 0);
	if (c.rejection_count)
		fprintf(stderr, "%s rejected:\n%.2000s", relative, c.rejections.buf);
	capture_done(&c);
}

TEST(real_files)
{
	struct capture c;

	if (!check_refdata("postcodes"))
		SKIP("../shared/refdata is not here");
	/* 28,552 rows; 14 have no grid reference (lat blank, long 0.00000). */
	check_counts("postcodes/nspl-may2025-latlong-DN/DN.csv", "postcodes-csv", 28552, 28538,
		     14);
	check_counts("postcodes/ukpostcodes-freemaptools-format/ukpostcodes.head-AB.csv",
		     "postcodes-csv", 170, 170, 0);
	check_counts("postcodes/codepoint-open-2014/dn.csv", "codepoint-open-csv", 21483, 21483,
		     0);
	/* 2,973 districts: the last line has no line break. */
	check_counts("postcodes/outcode-centroids/postcode-outcodes.csv", "outcodes-csv", 2973,
		     2973, 0);

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("postcodes/nspl-may2025-latlong-DN/DN.csv")),
		  STATUS_OK);
	CHECK_CONTAINS(c.records.buf, "POSTCODE postcode=DN1 1AA lat=53.52299 lon=-1.13489\n");
	CHECK_NOT_CONTAINS(c.records.buf, "postcode=DN14 4AB ");
	capture_done(&c);

	capture_init(&c);
	capture_file(&c, check_refdata("postcodes/codepoint-open-2014/"
				       "Code-Point_Open_Column_Headers.csv"));
	CHECK(!c.format);
	capture_done(&c);

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("postcodes/outcode-centroids/"
						 "postcode-outcodes.csv")), STATUS_OK);
	CHECK_CONTAINS(c.records.buf, "OUTCODE outcode=DN1 lat=");
	CHECK_CONTAINS(c.records.buf, "OUTCODE outcode=DN55 lat=");
	capture_done(&c);
}

/* --- Code-Point (eastings/northings) against NSPL (lat/long) ------------- */

struct place {
	char postcode[9];
	struct geo_point at;
};

static int by_postcode(const void *a, const void *b)
{
	return strcmp(((const struct place *)a)->postcode, ((const struct place *)b)->postcode);
}

/* The POSTCODE records of a capture, sorted by postcode; caller frees. */
static struct place *places(const struct capture *c, size_t *count)
{
	struct place *list = calloc(c->record_count ? c->record_count : 1, sizeof(*list));
	const char *line = c->records.buf;
	size_t n = 0;

	while (list && *line) {
		const char *pc = strstr(line, "postcode="), *lat = strstr(line, " lat=");
		const char *end = strchr(line, '\n');
		size_t len = pc && lat ? (size_t)(lat - pc - 9) : 0;

		if (len && len < sizeof(list->postcode) && (!end || lat < end) &&
		    sscanf(lat, " lat=%lf lon=%lf", &list[n].at.lat, &list[n].at.lon) == 2) {
			memcpy(list[n].postcode, pc + 9, len);
			n++;
		}
		if (!end)
			break;
		line = end + 1;
	}
	qsort(list, n, sizeof(*list), by_postcode);
	*count = n;
	return list;
}

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* The q-quantile (0..1) of n values, sorting them. */
static double quantile(double *values, size_t n, double q)
{
	qsort(values, n, sizeof(*values), by_value);
	return n ? values[(size_t)(q * (double)(n - 1))] : NAN;
}

/*
 * Every Code-Point DN postcode (Aug 2014) converted with geo_from_grid()
 * against the same postcode's NSPL latitude/longitude (May 2025).
 *
 * The two files are eleven years apart and postcode centroids move
 * (addresses are added, postcodes re-used), so a few per cent of DN
 * postcodes moved by more than 50 m, some by kilometres: the maximum is
 * printed, not checked. What the conversion decides is the typical
 * postcode: the median disagreement and the median north/east offset
 * (a conversion error would shift every point alike) must be a few
 * metres, and nearly all postcodes must agree within 50 m. So a GIAS
 * school placed from its eastings/northings and a learner placed from
 * NSPL agree to within 50 m wherever the places themselves agree.
 */
TEST(codepoint_agrees_with_nspl)
{
	const double metres_per_degree = 111195.08;	/* mean Earth radius */
	struct capture grid, latlong;
	struct place *from_grid, *from_nspl;
	size_t n_grid, n_nspl, i, matched = 0, over_50m = 0;
	double *metres, *north, *east, max_m = 0, sum_m = 0, median_m, median_n, median_e;
	const char *worst = "";

	if (!check_refdata("postcodes"))
		SKIP("../shared/refdata is not here");
	capture_init(&grid);
	capture_init(&latlong);
	CHECK_INT(capture_file(&grid, check_refdata("postcodes/codepoint-open-2014/dn.csv")),
		  STATUS_OK);
	CHECK_INT(capture_file(&latlong, check_refdata("postcodes/nspl-may2025-latlong-DN/DN.csv")),
		  STATUS_OK);
	from_grid = places(&grid, &n_grid);
	from_nspl = places(&latlong, &n_nspl);
	metres = calloc(n_grid + 1, sizeof(*metres));
	north = calloc(n_grid + 1, sizeof(*north));
	east = calloc(n_grid + 1, sizeof(*east));
	for (i = 0; i < n_grid && metres && north && east; i++) {
		const struct place *same = bsearch(&from_grid[i], from_nspl, n_nspl,
						   sizeof(*from_nspl), by_postcode);
		struct geo_point a = from_grid[i].at;
		double m;

		if (!same)
			continue;
		m = geo_miles(a, same->at) * METRES_PER_MILE;
		north[matched] = (same->at.lat - a.lat) * metres_per_degree;
		east[matched] = (same->at.lon - a.lon) * metres_per_degree *
				cos(a.lat * 3.14159265358979 / 180);
		metres[matched++] = m;
		sum_m += m;
		over_50m += m > 50;
		if (m > max_m) {
			max_m = m;
			worst = from_grid[i].postcode;
		}
	}
	median_m = quantile(metres, matched, 0.5);
	median_n = quantile(north, matched, 0.5);
	median_e = quantile(east, matched, 0.5);
	fprintf(stderr, "Code-Point 2014 vs NSPL 2025: %zu of %zu postcodes in both; mean %.2f m, "
		"median %.2f m, 90%% %.2f m, 99%% %.2f m, max %.2f m (%s); %zu over 50 m; "
		"median offset %.2f m north, %.2f m east\n", matched, n_grid,
		matched ? sum_m / (double)matched : 0.0, median_m, quantile(metres, matched, 0.9),
		quantile(metres, matched, 0.99), max_m, worst, over_50m, median_n, median_e);
	CHECK_INT(matched, 21483);
	CHECK(median_m < 5);
	CHECK(fabs(median_n) < 3 && fabs(median_e) < 3);
	CHECK((double)over_50m < 0.06 * (double)matched);
	free(metres);
	free(north);
	free(east);
	free(from_grid);
	free(from_nspl);
	capture_done(&grid);
	capture_done(&latlong);
}

/* geo_to_grid(geo_from_grid(e, n)) gives e, n back, for every DN postcode. */
TEST(grid_round_trip)
{
	const char *path = check_refdata("postcodes/codepoint-open-2014/dn.csv");
	char line[256];
	double worst = 0;
	size_t n = 0;
	FILE *f;

	if (!path)
		SKIP("../shared/refdata is not here");
	f = fopen(path, "r");
	CHECK(f != NULL);
	while (f && fgets(line, sizeof(line), f)) {
		double easting, northing, e, no;
		int quality;
		char pc[16];

		if (sscanf(line, "\"%15[^\"]\",%d,%lf,%lf", pc, &quality, &easting, &northing) != 4)
			continue;
		geo_to_grid(geo_from_grid(easting, northing), &e, &no);
		if (fabs(e - easting) > worst)
			worst = fabs(e - easting);
		if (fabs(no - northing) > worst)
			worst = fabs(no - northing);
		n++;
	}
	if (f)
		fclose(f);
	fprintf(stderr, "grid round trip: %zu points, worst %.6f m\n", n, worst);
	CHECK_INT(n, 21483);
	CHECK(worst < 0.01);
}

TESTS(nspl_layout, onspd_layout_bom_crlf, odileeds_layout, freemaptools_layout, codepoint_open,
      codepoint_headers_file_is_not_data, outcode_centroids, layouts_do_not_collide, real_files,
      codepoint_agrees_with_nspl, grid_round_trip)
