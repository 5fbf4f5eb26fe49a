/*
 * cli_sources.c - `careers sources`: what the store holds and where it came from.
 *
 * Also what plain `careers` prints until the kiosk exists: a summary of
 * the store's contents followed by its sources.
 */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "store.h"
#include "store_gtfs.h"
#include "travel.h"

/* A timetable feed's feed_info.txt: the days its timetables are good for. */
static void print_feed_dates(struct store *store, const struct store_source_info *s)
{
	char start[11], end[11], from[16], to[16];
	struct civil_date d;

	if (strcmp(s->format, "gtfs-feed-info") != 0 ||
	    store_gtfs_feed_dates(store, s->id, start, end) != STATUS_OK)
		return;
	if (start[0] && date_parse(start, &d))
		date_short(d, from);
	if (end[0] && date_parse(end, &d))
		date_short(d, to);
	if (start[0] && end[0])
		printf("  timetables:  valid %s to %s\n", from, to);
	else if (end[0])
		printf("  timetables:  valid to %s\n", to);
}

static int print_source(void *ctx, const struct store_source_info *s)
{
	printf("%s%s%s%s\n", s->path, s->member ? ": " : "", s->member ? s->member : "",
	       s->is_sample ? "  [SAMPLE: written by the careers project]" : "");
	if (s->failed) {
		printf("  FAILED (left out of the build): %s\n", s->failed);
		printf("  format:      %s (%s)\n\n", s->format_title, s->format);
		return 0;
	}
	printf("  format:      %s (%s), %s, %lld bytes\n", s->format_title, s->format, s->encoding,
	       s->bytes);
	printf("  sha256:      %s\n", s->sha256);
	printf("  licence:     %s\n", s->licence);
	printf("  attribution: %s\n", s->attribution);
	if (s->data_date)
		printf("  data date:   %s\n", s->data_date);
	printf("  imported:    %s\n", s->imported_at);
	if (s->origin_url)
		printf("  fetched:     %s from %s\n", s->fetched_at ? s->fetched_at : "(time unknown)",
		       s->origin_url);
	print_feed_dates(ctx, s);
	printf("  rows:        %lld read, %lld loaded, %lld rejected\n", s->rows_read,
	       s->rows_loaded, s->rows_rejected);
	if (s->rows_read > s->rows_loaded + s->rows_rejected)
		printf("               %lld neither: blank or heading rows, or rows whose key came "
		       "again later in the file\n", s->rows_read - s->rows_loaded - s->rows_rejected);
	printf("\n");
	return 0;
}

static int print_rejection(void *ctx, const struct store_rejection_info *r)
{
	(void)ctx;
	printf("%s:", r->path);
	if (r->line)
		printf("%lld:", r->line);
	if (r->location)
		printf(" %s:", r->location);
	printf(" %s: %s\n", r->field, r->message);
	return 0;
}

/* "bus timetables: 1 feed, 9,812 stops, ... valid to 31 Dec 2027". */
static void print_timetable(struct store *s)
{
	struct transit_summary t;
	char to[16] = "";
	int present;

	if (travel_timetable_summary(s, &t, &present) != STATUS_OK || !present)
		return;
	if (t.last_day != LONG_MIN)
		date_short(date_from_days(t.last_day), to);
	printf("  bus timetables: %zu feed%s, %zu stops, %zu trips%s%s\n", t.feeds,
	       t.feeds == 1 ? "" : "s", t.stops, t.trips, to[0] ? ", valid to " : "", to);
}

static void print_counts(struct store *s)
{
	struct store_counts c;

	if (store_count(s, &c) != STATUS_OK)
		return;
	printf("careers store %s\n", store_path(s));
	printf("  %lld occupations, %lld apprenticeship standards, %lld live vacancies\n",
	       c.occupations, c.standards, c.vacancies);
	printf("  %lld courses and %lld university courses at %lld providers\n", c.courses,
	       c.he_courses, c.providers);
	printf("  (%lld schools, %lld colleges, %lld universities, %lld training providers)\n",
	       c.schools, c.colleges, c.universities, c.training_providers);
	printf("  %lld postcodes, %lld postcode districts, %lld labour-market figures\n",
	       c.postcodes, c.outcodes, c.figures);
	printf("  from %lld files%s; %lld rows were rejected\n", c.sources,
	       c.samples ? " (some are samples written by the careers project)" : "", c.rejected);
	print_timetable(s);
	printf("\n");
}

int cli_sources(int argc, char **argv)
{
	const char *db = cli_default_store(), *filter = NULL;
	struct cli_args a;
	struct store *s;
	char err[512];
	int kind, rejected = 0, summary = argc == 1 && strcmp(argv[0], "sources") != 0;
	enum status rc;

	cli_args_init(&a, "sources", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind < 0 && rejected && !filter) {
			filter = a.value;
		} else if (kind < 0) {
			return cli_usage_error("sources", "unexpected argument \"%s\"", a.value);
		} else if (cli_is(&a, "db")) {
			if (!(db = cli_value(&a)))
				return EXIT_USAGE;
		} else if (cli_is(&a, "rejected")) {
			rejected = 1;
			filter = a.value;
		} else {
			return cli_usage_error("sources", "unknown option --%s", a.option);
		}
	}
	if (cli_parse_only)
		return 0;
	if (store_open(db, STORE_READ_ONLY, &s, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "careers: %s\n", err);
		if (summary)
			fprintf(stderr, "careers: build it with: careers build\n");
		return 1;
	}
	if (rejected) {
		rc = store_each_rejection(s, filter, print_rejection, NULL);
	} else {
		if (summary)
			print_counts(s);
		rc = store_each_source(s, print_source, s);
	}
	if (rc != STATUS_OK)
		fprintf(stderr, "careers: %s\n", store_errmsg(s));
	store_close(s);
	return rc == STATUS_OK ? 0 : 1;
}
