/*
 * gen_gtfs.c - a region's bus timetable, as big as Yorkshire's, for the travel benchmark.
 *
 *	bench_gen_gtfs OUTDIR [--scale F] [--seed N]
 *
 * Writes OUTDIR/itm_yorkshire_bench_gtfs.zip: a GTFS feed in the shape the
 * Bus Open Data Service publishes (the same files and columns, BODS's
 * agency_noc and vehicle_journey_code, "VJ..." trip ids, NaPTAN-style stop
 * ids, times past 24:00, stops between timing points left blank, bank
 * holidays taken off in calendar_dates.txt) with, at scale 1, about 10,000
 * stops, 300 routes and a million stop times: the size of BODS's Yorkshire
 * region. --scale multiplies the routes (0.01 makes a smoke-test feed).
 *
 * The region is 40 towns across 150 x 110 km (Yorkshire's box, 53.3 to
 * 54.3 N, 2.3 to 0.0 W), each a cluster of stops; routes run out from a
 * town's centre through its streets, or from town to town through the
 * stops on the way, both ways, every 15 to 60 minutes from about 05:30
 * until after midnight on weekdays, less often at weekends. Every value
 * comes from one seed (splitmix64), so a scale and seed always give the
 * same bytes.
 */
#include <archive.h>
#include <archive_entry.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench_exit.h"

const char bench_name[] = "bench_gen_gtfs";

#define TOWNS 40
#define STOPS 12000
#define ROUTES 900
#define DEG_PER_KM (1 / 111.195)

static uint64_t seed = 0x5EED15ULL;

static uint64_t next(void)
{
	uint64_t z = (seed += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

static double uniform(void)
{
	return (double)(next() >> 11) / 9007199254740992.0;
}

static unsigned below(unsigned n)
{
	return (unsigned)(next() % n);
}

struct buf {
	char *p;
	size_t len, cap;
};

static void put(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void put(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!b->p) {
		b->cap = 1 << 16;
		b->p = grow(NULL, b->cap);
	}
	for (;;) {
		va_start(ap, fmt);
		n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n >= 0 && (size_t)n < b->cap - b->len)
			break;
		b->cap *= 2;
		b->p = grow(b->p, b->cap);
	}
	b->len += (size_t)n;
}

struct town {
	double lat, lon, radius_km;
	char name[32];
	int first_stop, stops;
};

struct stop {
	double lat, lon;
	int town;
};

static struct town towns[TOWNS];
static struct stop stops[STOPS];
static int stop_count;
static unsigned char on_a_route[STOPS];

static const char *const town_names[] = {
	"Leeds", "Sheffield", "Bradford", "Hull", "York", "Doncaster", "Rotherham", "Huddersfield",
	"Wakefield", "Barnsley", "Halifax", "Harrogate", "Scarborough", "Dewsbury", "Keighley",
	"Castleford", "Pontefract", "Goole", "Selby", "Batley", "Ripon", "Skipton", "Whitby",
	"Bridlington", "Beverley", "Thirsk", "Northallerton", "Malton", "Pickering", "Tadcaster",
	"Wetherby", "Otley", "Ilkley", "Brighouse", "Mexborough", "Thorne", "Hornsea",
	"Driffield", "Knaresborough", "Holmfirth",
};

static double km_between(double lat1, double lon1, double lat2, double lon2)
{
	double dy = (lat2 - lat1) * 111.195, dx = (lon2 - lon1) * 111.195 * cos(lat1 * M_PI / 180);

	return sqrt(dx * dx + dy * dy);
}

static void make_places(void)
{
	int t, s, total = 0;
	double weight[TOWNS], sum = 0;

	for (t = 0; t < TOWNS; t++) {
		towns[t].lat = 53.3 + uniform() * 1.0;
		towns[t].lon = -2.3 + uniform() * 2.3;
		weight[t] = t < 8 ? 4 + uniform() * 4 : 0.5 + uniform() * 1.5;
		towns[t].radius_km = 1.5 + weight[t] * 0.8;
		snprintf(towns[t].name, sizeof(towns[t].name), "%s", town_names[t]);
		sum += weight[t];
	}
	/* 80% of the stops in towns, by size; the rest along the roads between them. */
	for (t = 0; t < TOWNS; t++) {
		towns[t].first_stop = total;
		towns[t].stops = (int)(STOPS * 0.8 * weight[t] / sum);
		for (s = 0; s < towns[t].stops; s++) {
			double r = towns[t].radius_km * sqrt(uniform()), a = uniform() * 2 * M_PI;

			stops[total].lat = towns[t].lat + r * sin(a) * DEG_PER_KM;
			stops[total].lon = towns[t].lon + r * cos(a) * DEG_PER_KM /
					   cos(towns[t].lat * M_PI / 180);
			stops[total++].town = t;
		}
	}
	while (total < STOPS) {
		int a = (int)below(TOWNS), b = (int)below(TOWNS);
		double f = uniform();

		stops[total].lat = towns[a].lat + (towns[b].lat - towns[a].lat) * f +
				   (uniform() - 0.5) * 0.01;
		stops[total].lon = towns[a].lon + (towns[b].lon - towns[a].lon) * f +
				   (uniform() - 0.5) * 0.015;
		stops[total++].town = -1;
	}
	stop_count = total;
}

/*
 * The stop nearest a point, among those not yet on the route; one no route
 * serves yet counts as a little nearer, so the routes spread over the stops.
 */
static int nearest(double lat, double lon, const int *used, int n)
{
	int best = -1, i, k;
	double d, best_d = 1e9;

	for (i = 0; i < stop_count; i++) {
		d = km_between(lat, lon, stops[i].lat, stops[i].lon) * (on_a_route[i] ? 1.6 : 1);
		if (d >= best_d)
			continue;
		for (k = 0; k < n && used[k] != i; k++)
			;
		if (k == n) {
			best_d = d;
			best = i;
		}
	}
	return best;
}

struct route {
	int stops[60];
	int n;
	int headway[3];		/* weekday, Saturday, Sunday: minutes (0: none) */
	double kmh;
};

/* A route through the stops nearest the points of a line from a to b. */
static void lay_route(struct route *r, double lat1, double lon1, double lat2, double lon2,
		      int want)
{
	int i;

	r->n = 0;
	for (i = 0; i < want; i++) {
		double f = (double)i / (want - 1);
		int s = nearest(lat1 + (lat2 - lat1) * f, lon1 + (lon2 - lon1) * f, r->stops, r->n);

		if (s >= 0) {
			r->stops[r->n++] = s;
			on_a_route[s] = 1;
		}
	}
}

static void clock_text(struct buf *b, int seconds)
{
	put(b, "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
}

static void add_file(struct archive *a, const char *name, const struct buf *b)
{
	struct archive_entry *e = archive_entry_new();

	archive_entry_set_pathname(e, name);
	archive_entry_set_filetype(e, AE_IFREG);
	archive_entry_set_perm(e, 0644);
	archive_entry_set_size(e, (la_int64_t)b->len);
	archive_entry_set_mtime(e, 1793491200, 0);
	if (archive_write_header(a, e) != ARCHIVE_OK ||
	    archive_write_data(a, b->p, b->len) != (la_ssize_t)b->len)
		die("cannot write %s: %s", name, archive_error_string(a));
	archive_entry_free(e);
}

int main(int argc, char **argv)
{
	struct buf agency = { 0 }, stops_txt = { 0 }, routes_txt = { 0 }, calendar = { 0 };
	struct buf dates = { 0 }, trips = { 0 }, times = { 0 }, info = { 0 };
	static const char *const days[] = { "WD", "SA", "SU" };
	static const char *const holidays[] = { "20261225", "20261228", "20270101", "20270326",
						"20270329", "20270503", "20270531", "20270830" };
	const char *out = NULL;
	double scale = 1;
	char path[4096];
	struct archive *a;
	struct route *routes;
	int route_count, r, i, t, d;
	unsigned long stop_times = 0, trip_count = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--scale") == 0 && i + 1 < argc)
			scale = atof(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			seed = strtoull(argv[++i], NULL, 10);
		else if (!out && argv[i][0] != '-')
			out = argv[i];
		else
			die("usage: bench_gen_gtfs OUTDIR [--scale F] [--seed N]");
	}
	if (!out || !(scale > 0 && scale <= 4))
		die("usage: bench_gen_gtfs OUTDIR [--scale F (0 to 4)] [--seed N]");
	mkdir(out, 0755);
	make_places();
	route_count = (int)(ROUTES * scale + 0.5);
	if (route_count < 2)
		route_count = 2;
	routes = grow(NULL, (size_t)route_count * sizeof(*routes));
	for (r = 0; r < route_count; r++) {
		struct route *x = &routes[r];

		if (r % 3 == 0) {
			/* Town to town, through the stops on the way. */
			int from = (int)below(TOWNS), to;

			do
				to = (int)below(TOWNS);
			while (to == from || km_between(towns[from].lat, towns[from].lon, towns[to].lat,
							towns[to].lon) > 45);
			lay_route(x, towns[from].lat, towns[from].lon, towns[to].lat, towns[to].lon,
				  30 + (int)below(25));
			x->kmh = 32;
		} else {
			/* From a town's centre out through its streets. */
			int town = r < 8 * 12 ? r % 8 : (int)below(TOWNS);
			double ang = uniform() * 2 * M_PI, k = towns[town].radius_km * 1.3;

			lay_route(x, towns[town].lat, towns[town].lon,
				  towns[town].lat + k * sin(ang) * DEG_PER_KM,
				  towns[town].lon + k * cos(ang) * DEG_PER_KM /
				  cos(towns[town].lat * M_PI / 180), 20 + (int)below(20));
			x->kmh = 18;
		}
		x->headway[0] = (int[]){ 60, 90, 90, 120, 120 }[below(5)];
		x->headway[1] = x->headway[0] * 2;
		x->headway[2] = below(3) ? x->headway[0] * 4 : 0;
	}

	put(&agency, "agency_id,agency_name,agency_url,agency_timezone,agency_lang,agency_phone,"
	    "agency_noc\n");
	for (i = 0; i < 20; i++)
		put(&agency, "OP%d,\"Bench Buses %d\",\"https://bus%d.example\",\"Europe/London\","
		    "\"EN\",\"\",\"BB%02d\"\n", 100 + i, i, i, i);
	put(&stops_txt, "stop_id,stop_code,stop_name,stop_lat,stop_lon,wheelchair_boarding,"
	    "location_type,parent_station,platform_code\n");
	for (i = 0; i < stop_count; i++)
		put(&stops_txt, "37%07d,bch%05d,\"%s Road %d\",%.6f,%.6f,0,0,,\n", i, i,
		    stops[i].town >= 0 ? towns[stops[i].town].name : "Country", i, stops[i].lat,
		    stops[i].lon);
	put(&routes_txt, "route_id,agency_id,route_short_name,route_long_name,route_type\n");
	put(&calendar, "service_id,monday,tuesday,wednesday,thursday,friday,saturday,sunday,"
	    "start_date,end_date\n");
	put(&dates, "service_id,date,exception_type\n");
	put(&trips, "route_id,service_id,trip_id,trip_headsign,block_id,shape_id,"
	    "wheelchair_accessible,vehicle_journey_code\n");
	put(&times, "trip_id,arrival_time,departure_time,stop_id,stop_sequence,stop_headsign,"
	    "pickup_type,drop_off_type,shape_dist_traveled,timepoint\n");
	for (r = 0; r < route_count; r++) {
		const struct route *x = &routes[r];

		put(&routes_txt, "R%d,OP%d,\"%d\",,%d\n", r, 100 + r % 20, 1 + r, r % 25 ? 3 : 200);
		for (d = 0; d < 3; d++) {
			int first = 5 * 3600 + 30 * 60 + (int)below(3600), last;

			if (!x->headway[d])
				continue;
			/* One service a route and kind of day, as BODS has thousands. */
			put(&calendar, "R%d%s,%d,%d,%d,%d,%d,%d,%d,20261101,20271231\n", r, days[d],
			    d == 0, d == 0, d == 0, d == 0, d == 0, d == 1, d == 2);
			if (d == 0)
				for (i = 0; i < (int)(sizeof(holidays) / sizeof(holidays[0])); i++)
					put(&dates, "R%dWD,%s,2\n", r, holidays[i]);
			last = d == 0 ? 24 * 3600 + 20 * 60 : 23 * 3600;
			for (t = first; t <= last; t += x->headway[d] * 60) {
				int dir;

				for (dir = 0; dir < 2; dir++) {
					char id[48];
					int k, clock = t + (dir ? x->headway[d] * 30 : 0);

					snprintf(id, sizeof(id), "VJ%016llx%016llx",
						 (unsigned long long)next(), (unsigned long long)next());
					put(&trips, "R%d,R%d%s,%s,\"%s\",,,1,\"%d-%d-%d\"\n", r, r,
					    days[d], id, dir ? "Town Centre" : "Out of town", r, d,
					    (int)trip_count);
					trip_count++;
					for (k = 0; k < x->n; k++) {
						int s = x->stops[dir ? x->n - 1 - k : k];
						int timed = k == 0 || k == x->n - 1 || k % 4 == 0;

						if (k) {
							int p = x->stops[dir ? x->n - k : k - 1];
							double km = km_between(stops[p].lat, stops[p].lon,
									       stops[s].lat, stops[s].lon);

							clock += 30 + (int)(km / x->kmh * 3600);
						}
						put(&times, "%s,", id);
						if (timed) {
							clock_text(&times, clock);
							put(&times, ",");
							clock_text(&times, clock);
						} else {
							put(&times, ",");
						}
						put(&times, ",37%07d,%d,,%d,%d,,%d\n", s, k + 1,
						    k == x->n - 1, k == 0, timed);
						stop_times++;
					}
				}
			}
		}
	}
	put(&info, "feed_publisher_name,feed_publisher_url,feed_lang,feed_start_date,"
	    "feed_end_date,feed_version\n\"Bus Open Data Service (BODS) - benchmark feed\","
	    "\"https://www.bus-data.dft.gov.uk/\",\"EN\",20261101,20271231,20261130_120000\n");

	snprintf(path, sizeof(path), "%s/itm_yorkshire_bench_gtfs.zip", out);
	a = archive_write_new();
	archive_write_set_format_zip(a);
	if (archive_write_open_filename(a, path) != ARCHIVE_OK)
		die("cannot write %s: %s", path, archive_error_string(a));
	add_file(a, "agency.txt", &agency);
	add_file(a, "stops.txt", &stops_txt);
	add_file(a, "routes.txt", &routes_txt);
	add_file(a, "calendar.txt", &calendar);
	add_file(a, "calendar_dates.txt", &dates);
	add_file(a, "trips.txt", &trips);
	add_file(a, "feed_info.txt", &info);
	add_file(a, "stop_times.txt", &times);
	if (archive_write_close(a) != ARCHIVE_OK)
		die("cannot finish %s: %s", path, archive_error_string(a));
	archive_write_free(a);
	printf("wrote %s: %d stops, %d routes, %lu trips, %lu stop times (%.0f MB of text)\n",
	       path, stop_count, route_count, trip_count, stop_times,
	       (double)(times.len + trips.len + stops_txt.len) / 1e6);
	free(agency.p);
	free(stops_txt.p);
	free(routes_txt.p);
	free(calendar.p);
	free(dates.p);
	free(trips.p);
	free(times.p);
	free(info.p);
	free(routes);
	return 0;
}
