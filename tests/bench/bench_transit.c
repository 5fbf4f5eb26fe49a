/*
 * bench_transit.c - travel time by bus: every destination for one learner, against a baseline.
 *
 *	bench_transit STORE [--learners N] [--destinations N] [--sample N] [--seed S]
 *	              [--day YYYY-MM-DD] [--arrive-by HH:MM]
 *
 * Reads the store's packed timetable (a build of bench_gen_gtfs's feed is
 * Yorkshire-sized) and, for N learners (default 30) at random places near
 * stops, works out the journey to every one of N destinations (default
 * 5000, the placed options of a region: near stops, a tenth anywhere),
 * arriving by 09:00 on a weekday - the profile scan the search uses
 * (transit_run_new, then transit_answer_to for each destination).
 *
 * Beside it, the named baseline: a scan of its own for each destination
 * (transit_baseline_latest: backwards from that destination, the latest
 * time to leave and still make it). It is timed on --sample destinations
 * per learner (default 20) plus its one-off setup, and its cost for all
 * the destinations is that mean times N (running it in full would take
 * minutes). Where both answer by bus, their departures must agree; the
 * count of disagreements is printed (0 is right).
 *
 * Printed: the time to read the timetable, min/median/max per learner for
 * both and the ratio of the medians, hops looked at, destinations reached,
 * and the process's memory (resident now, and its peak). Nothing is
 * asserted: timings on a shared machine are noisy; run it a few times.
 */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mem.h"
#include "schoolyear.h"
#include "store.h"
#include "store_gtfs.h"
#include "transit.h"
#include "travel.h"

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static double uniform(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (double)(rng >> 11) / 9007199254740992.0;
}

static double now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int compare_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* min, median, max of v (sorted in place) as "a / b / c". */
static double summary(double *v, size_t n, const char *label, const char *unit)
{
	qsort(v, n, sizeof(*v), compare_double);
	printf("  %-52s %9.2f %9.2f %9.2f %s\n", label, v[0], v[n / 2], v[n - 1], unit);
	return v[n / 2];
}

/* VmRSS and VmHWM of this process, in MB. */
static void memory(double *rss, double *peak)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];

	*rss = *peak = NAN;
	while (f && fgets(line, sizeof(line), f)) {
		if (strncmp(line, "VmRSS:", 6) == 0)
			*rss = atof(line + 6) / 1024;
		else if (strncmp(line, "VmHWM:", 6) == 0)
			*peak = atof(line + 6) / 1024;
	}
	if (f)
		fclose(f);
}

static enum status read_blob(void *ctx, void *buf, size_t n, size_t offset)
{
	return store_blob_read(ctx, buf, n, offset);
}

struct point {
	double lat, lon;
};

/* A point within `metres` of a random place of the region (near the timetable's stops). */
static struct point near(const struct point *anchors, size_t count, double metres)
{
	const struct point *a = &anchors[(size_t)(uniform() * (double)count)];
	double r = metres * sqrt(uniform()), ang = uniform() * 2 * M_PI;
	struct point p = { a->lat + r * sin(ang) / 111195.0,
			   a->lon + r * cos(ang) / 111195.0 / cos(a->lat * M_PI / 180) };

	return p;
}

int main(int argc, char **argv)
{
	const char *path = NULL, *day_text = "2027-01-13";
	int learners = 30, destinations = 5000, sample = 20, arrive_by = 9 * 60, i, k;
	struct store *s;
	struct store_blob *blob;
	struct transit *t;
	struct transit_summary sum;
	struct civil_date day;
	struct point *anchors, *dest;
	size_t anchor_count = 0, size;
	double *profile_ms, *base_ms, *scanned, load_ms, rss, peak, t0;
	long reached = 0, checked = 0, mismatches = 0;
	char err[512];

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--learners") == 0 && i + 1 < argc)
			learners = atoi(argv[++i]);
		else if (strcmp(argv[i], "--destinations") == 0 && i + 1 < argc)
			destinations = atoi(argv[++i]);
		else if (strcmp(argv[i], "--sample") == 0 && i + 1 < argc)
			sample = atoi(argv[++i]);
		else if (strcmp(argv[i], "--seed") == 0 && i + 1 < argc)
			rng = strtoull(argv[++i], NULL, 10) | 1;
		else if (strcmp(argv[i], "--day") == 0 && i + 1 < argc)
			day_text = argv[++i];
		else if (strcmp(argv[i], "--arrive-by") == 0 && i + 1 < argc)
			arrive_by = travel_parse_clock(argv[++i]);
		else if (!path && argv[i][0] != '-')
			path = argv[i];
		else
			path = NULL, i = argc;
	}
	if (!path || learners < 1 || destinations < 1 || sample < 1 || arrive_by < 0 ||
	    !date_parse(day_text, &day)) {
		fprintf(stderr, "usage: bench_transit STORE [--learners N] [--destinations N] "
			"[--sample N] [--seed S] [--day YYYY-MM-DD] [--arrive-by HH:MM]\n");
		return 2;
	}
	if (sample > destinations)
		sample = destinations;
	if (store_open(path, STORE_READ_ONLY, &s, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "bench_transit: %s\n", err);
		return 1;
	}
	t0 = now_ms();
	if (store_timetable_open(s, &blob, &size) != STATUS_OK) {
		fprintf(stderr, "bench_transit: %s has no timetable (build it from bench_gen_gtfs's "
			"feed)\n", path);
		return 1;
	}
	if (transit_decode_from(read_blob, blob, size, &t, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "bench_transit: the timetable cannot be read: %s\n", err);
		return 1;
	}
	store_blob_close(blob);
	load_ms = now_ms() - t0;
	transit_summarise(t, &sum);

	/* Where people are: a sample of the timetable's placed stops, found on a grid. */
	anchors = xmalloc(200000 * sizeof(*anchors));
	for (double lat = 49.9; lat < 61 && anchor_count < 200000; lat += 0.02)
		for (double lon = -8.2; lon < 2 && anchor_count < 200000; lon += 0.03)
			if (transit_covers(t, lat, lon, 1200))
				anchors[anchor_count++] = (struct point){ lat, lon };
	if (!anchor_count) {
		fprintf(stderr, "bench_transit: the timetable has no placed stops\n");
		return 1;
	}
	dest = xmalloc((size_t)destinations * sizeof(*dest));
	for (k = 0; k < destinations; k++)
		dest[k] = near(anchors, anchor_count, k % 10 == 9 ? 6000 : 900);

	printf("bench_transit %s: %zu stops (%zu placed), %zu trips, %zu hops, %.1f MB in memory; "
	       "read in %.0f ms\n", path, sum.stops, sum.located_stops, sum.trips, sum.hops,
	       (double)sum.bytes / 1e6, load_ms);
	printf("  %d learners x %d destinations, arriving by %02d:%02d on %s; baseline timed on "
	       "%d destinations a learner\n\n", learners, destinations, arrive_by / 60,
	       arrive_by % 60, day_text, sample);
	printf("  %-52s %9s %9s %9s\n", "per learner", "min", "median", "max");

	profile_ms = xmalloc((size_t)learners * sizeof(double));
	base_ms = xmalloc((size_t)learners * sizeof(double));
	scanned = xmalloc((size_t)learners * sizeof(double));
	for (i = 0; i < learners; i++) {
		struct point home = near(anchors, anchor_count, 800);
		struct transit_query q;
		struct transit_run *run;
		struct transit_baseline *base;
		struct transit_answer *answers = xmalloc((size_t)destinations * sizeof(*answers));
		double start, per_dest = 0;

		memset(&q, 0, sizeof(q));
		q.lat = home.lat;
		q.lon = home.lon;
		q.day = date_days(day);
		q.arrive_by = arrive_by * 60;
		transit_settings_init(&q.settings);
		start = now_ms();
		transit_run_new(t, &q, &run);
		for (k = 0; k < destinations; k++)
			transit_answer_to(run, dest[k].lat, dest[k].lon, &answers[k]);
		profile_ms[i] = now_ms() - start;
		scanned[i] = (double)transit_run_scanned(run);
		for (k = 0; k < destinations; k++)
			reached += answers[k].found;

		start = now_ms();
		transit_baseline_new(t, &q, &base);
		base_ms[i] = now_ms() - start;
		for (k = 0; k < sample; k++) {
			int d = (int)(uniform() * destinations), latest;

			start = now_ms();
			latest = transit_baseline_latest(base, dest[d].lat, dest[d].lon, NULL);
			per_dest += now_ms() - start;
			if (answers[d].walk_only)
				continue;
			checked++;
			if ((answers[d].found ? answers[d].depart : INT32_MIN) !=
			    (latest == INT32_MIN ? INT32_MIN : (int)(floor(latest / 60.0) * 60)))
				mismatches++;
		}
		base_ms[i] += per_dest / sample * destinations;
		transit_baseline_free(base);
		transit_run_free(run);
		free(answers);
	}
	{
		double p = summary(profile_ms, (size_t)learners,
				   "profile scan: every destination (the search's way)", "ms");
		double b = summary(base_ms, (size_t)learners,
				   "baseline: a scan for each destination (estimated)", "ms");

		summary(scanned, (size_t)learners, "hops looked at by the profile scan", "");
		printf("\n  baseline / profile (medians): %.0fx\n", b / p);
	}
	memory(&rss, &peak);
	printf("  destinations reached: %.1f%%; baseline and profile disagree on %ld of %ld "
	       "checked\n", 100.0 * (double)reached / ((double)learners * destinations), mismatches,
	       checked);
	printf("  memory: %.1f MB resident, %.1f MB at most\n", rss, peak);
	free(profile_ms);
	free(base_ms);
	free(scanned);
	free(dest);
	free(anchors);
	transit_free(t);
	store_close(s);
	return 0;
}
