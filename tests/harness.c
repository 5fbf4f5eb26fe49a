/* harness.c - fixture paths and the recording sink for importer tests. */
#include "harness.h"

#include <archive.h>
#include <archive_entry.h>
#include <ctype.h>

#include <math.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "model.h"
#include "records.h"

/*
 * The check counters live in each test program (TESTS() defines them);
 * programs that use the harness without check.h's main, such as the fuzz
 * corpus runner, get these.
 */
__attribute__((weak)) int check_failures;
__attribute__((weak)) int check_skipped;
__attribute__((weak)) const char *check_current;

const char *check_refdata(const char *relative)
{
	static char path[1024];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", CAREERS_REFDATA, relative);
	if (stat(CAREERS_REFDATA, &st) != 0)
		return NULL;
	return path;
}

const char *check_fixture(const char *relative)
{
	static char path[1024];

	snprintf(path, sizeof(path), "%s/%s", CAREERS_FIXTURES, relative);
	return path;
}

static void put_s(struct strbuf *o, const char *name, const char *v)
{
	if (v)
		strbuf_printf(o, " %s=%s", name, v);
}

static void put_i(struct strbuf *o, const char *name, long long v)
{
	if (v != MODEL_NO_INT)
		strbuf_printf(o, " %s=%lld", name, v);
}

static void put_d(struct strbuf *o, const char *name, double v)
{
	if (!isnan(v))
		strbuf_printf(o, " %s=%g", name, v);
}

static void put_f(struct strbuf *o, const char *name, int v)
{
	if (v >= 0)
		strbuf_printf(o, " %s=%d", name, v);
}

/* Timetable records (GTFS and NaPTAN): the fields as the importers give them. */
static void capture_render_timetable(struct strbuf *o, enum record_kind kind, const void *record)
{
	switch (kind) {
	case RECORD_GTFS_AGENCY: {
		const struct gtfs_agency_rec *r = record;

		strbuf_printf(o, "GTFS_AGENCY feed=%s line=%lu", r->feed, r->line);
		put_s(o, "agency_id", r->agency_id);
		put_s(o, "name", r->name);
		put_s(o, "timezone", r->timezone);
		put_s(o, "noc", r->noc);
		break;
	}
	case RECORD_GTFS_STOP: {
		const struct gtfs_stop_rec *r = record;

		strbuf_printf(o, "GTFS_STOP feed=%s line=%lu stop_id=%s", r->feed, r->line, r->stop_id);
		put_s(o, "name", r->name);
		if (!isnan(r->lat))
			strbuf_printf(o, " lat=%.6f lon=%.6f", r->lat, r->lon);
		put_s(o, "parent", r->parent_id);
		strbuf_printf(o, " type=%d", r->location_type);
		break;
	}
	case RECORD_GTFS_ROUTE: {
		const struct gtfs_route_rec *r = record;

		strbuf_printf(o, "GTFS_ROUTE feed=%s line=%lu route_id=%s type=%d", r->feed, r->line,
			      r->route_id, r->type);
		put_s(o, "agency_id", r->agency_id);
		put_s(o, "short_name", r->short_name);
		put_s(o, "long_name", r->long_name);
		break;
	}
	case RECORD_GTFS_TRIP: {
		const struct gtfs_trip_rec *r = record;

		strbuf_printf(o, "GTFS_TRIP feed=%s line=%lu trip_id=%s route_id=%s service_id=%s",
			      r->feed, r->line, r->trip_id, r->route_id, r->service_id);
		put_s(o, "headsign", r->headsign);
		put_s(o, "vehicle_journey_code", r->vehicle_journey_code);
		put_f(o, "direction", r->direction);
		break;
	}
	case RECORD_GTFS_STOP_TIME: {
		const struct gtfs_stop_time_rec *r = record;

		strbuf_printf(o, "GTFS_STOP_TIME feed=%s line=%lu trip_id=%s stop_id=%s seq=%lld "
			      "arr=%d dep=%d pickup=%d dropoff=%d", r->feed, r->line, r->trip_id,
			      r->stop_id, r->sequence, r->arrival, r->departure, r->pickup, r->dropoff);
		break;
	}
	case RECORD_GTFS_CALENDAR: {
		const struct gtfs_calendar_rec *r = record;

		strbuf_printf(o, "GTFS_CALENDAR feed=%s line=%lu service_id=%s days=%u from=%s to=%s",
			      r->feed, r->line, r->service_id, r->days, r->start_date, r->end_date);
		break;
	}
	case RECORD_GTFS_CALENDAR_DATE: {
		const struct gtfs_calendar_date_rec *r = record;

		strbuf_printf(o, "GTFS_CALENDAR_DATE feed=%s line=%lu service_id=%s date=%s type=%d",
			      r->feed, r->line, r->service_id, r->date, r->exception_type);
		break;
	}
	case RECORD_GTFS_FREQUENCY: {
		const struct gtfs_frequency_rec *r = record;

		strbuf_printf(o, "GTFS_FREQUENCY feed=%s line=%lu trip_id=%s start=%d end=%d "
			      "headway=%d", r->feed, r->line, r->trip_id, r->start, r->end, r->headway);
		break;
	}
	case RECORD_GTFS_FEED_INFO: {
		const struct gtfs_feed_info_rec *r = record;

		strbuf_printf(o, "GTFS_FEED_INFO feed=%s line=%lu", r->feed, r->line);
		put_s(o, "publisher", r->publisher);
		put_s(o, "start", r->start_date);
		put_s(o, "end", r->end_date);
		put_s(o, "version", r->version);
		break;
	}
	case RECORD_NAPTAN_STOP: {
		const struct naptan_stop_rec *r = record;

		strbuf_printf(o, "NAPTAN_STOP atco=%s", r->atco);
		put_s(o, "name", r->name);
		put_s(o, "indicator", r->indicator);
		put_s(o, "locality", r->locality);
		if (!isnan(r->lat))
			strbuf_printf(o, " lat=%.5f lon=%.5f", r->lat, r->lon);
		put_s(o, "status", r->status);
		break;
	}
	default:
		break;
	}
}

void capture_render(struct strbuf *o, enum record_kind kind, const void *record)
{
	switch (kind) {
	case RECORD_CODE: {
		const struct code_rec *r = record;

		strbuf_puts(o, "CODE");
		put_s(o, "list", r->list);
		put_s(o, "code", r->code);
		put_s(o, "name", r->name);
		put_s(o, "parent", r->parent);
		break;
	}
	case RECORD_POSTCODE: {
		const struct postcode_rec *r = record;

		strbuf_printf(o, "POSTCODE postcode=%s lat=%.5f lon=%.5f", r->postcode, r->lat,
			      r->lon);
		if (r->terminated)
			strbuf_puts(o, " terminated=1");
		break;
	}
	case RECORD_OUTCODE: {
		const struct outcode_rec *r = record;

		strbuf_printf(o, "OUTCODE outcode=%s lat=%.5f lon=%.5f", r->outcode, r->lat, r->lon);
		break;
	}
	case RECORD_PROVIDER: {
		const struct provider_rec *r = record;

		strbuf_puts(o, "PROVIDER");
		put_s(o, "kind", r->kind);
		put_s(o, "ukprn", r->ukprn);
		put_s(o, "urn", r->urn);
		put_s(o, "name", r->name);
		put_s(o, "address", r->address);
		put_s(o, "town", r->town);
		put_s(o, "postcode", r->postcode);
		if (!isnan(r->lat))
			strbuf_printf(o, " lat=%.5f lon=%.5f", r->lat, r->lon);
		put_i(o, "age_low", r->age_low);
		put_i(o, "age_high", r->age_high);
		put_f(o, "has_sixth_form", r->has_sixth_form);
		put_f(o, "is_open", r->is_open);
		put_s(o, "phase", r->phase);
		put_s(o, "type_name", r->type_name);
		put_s(o, "local_authority", r->local_authority);
		put_s(o, "website", r->website);
		put_s(o, "phone", r->phone);
		break;
	}
	case RECORD_VENUE: {
		const struct venue_rec *r = record;

		strbuf_puts(o, "VENUE");
		put_s(o, "provider_ukprn", r->provider_ukprn);
		put_s(o, "provider_name", r->provider_name);
		put_s(o, "ref", r->ref);
		put_s(o, "name", r->name);
		put_s(o, "address", r->address);
		put_s(o, "town", r->town);
		put_s(o, "postcode", r->postcode);
		if (!isnan(r->lat))
			strbuf_printf(o, " lat=%.5f lon=%.5f", r->lat, r->lon);
		put_s(o, "phone", r->phone);
		put_s(o, "website", r->website);
		break;
	}
	case RECORD_COURSE: {
		const struct course_rec *r = record;

		strbuf_puts(o, "COURSE");
		put_s(o, "kind", r->kind);
		put_s(o, "ref", r->ref);
		put_s(o, "provider_ukprn", r->provider_ukprn);
		put_s(o, "provider_name", r->provider_name);
		put_s(o, "venue_ref", r->venue_ref);
		put_s(o, "venue_name", r->venue_name);
		put_s(o, "title", r->title);
		put_s(o, "qualification", r->qualification);
		put_s(o, "learn_aim_ref", r->learn_aim_ref);
		put_d(o, "level", r->level);
		put_s(o, "ssa1", r->ssa1);
		put_s(o, "ssa2", r->ssa2);
		put_s(o, "subject", r->subject);
		put_s(o, "start_date", r->start_date);
		if (r->flexible_start > 0)
			strbuf_puts(o, " flexible_start=1");
		put_s(o, "study_mode", r->study_mode);
		put_s(o, "attendance", r->attendance);
		put_s(o, "delivery_mode", r->delivery_mode);
		put_i(o, "cost_pence", r->cost_pence);
		put_s(o, "cost_text", r->cost_text);
		put_i(o, "duration_value", r->duration_value);
		put_s(o, "duration_unit", r->duration_unit);
		put_i(o, "age_min", r->age_min);
		put_i(o, "age_max", r->age_max);
		put_s(o, "description", r->description);
		put_s(o, "entry_requirements", r->entry_requirements);
		put_s(o, "who_for", r->who_for);
		put_s(o, "where_next", r->where_next);
		put_s(o, "url", r->url);
		put_s(o, "ucas_code", r->ucas_code);
		put_f(o, "honours", r->honours);
		put_f(o, "sandwich", r->sandwich);
		put_f(o, "year_abroad", r->year_abroad);
		put_f(o, "foundation_year", r->foundation_year);
		if (!isnan(r->lat))
			strbuf_printf(o, " lat=%.5f lon=%.5f", r->lat, r->lon);
		break;
	}
	case RECORD_STANDARD: {
		const struct standard_rec *r = record;

		strbuf_puts(o, "STANDARD");
		put_s(o, "reference", r->reference);
		put_i(o, "lars_code", r->lars_code);
		put_s(o, "version", r->version);
		put_s(o, "title", r->title);
		put_d(o, "level", r->level);
		put_s(o, "route", r->route);
		put_i(o, "duration_months", r->duration_months);
		put_s(o, "status", r->status);
		put_s(o, "keywords", r->keywords);
		put_s(o, "job_titles", r->job_titles);
		put_s(o, "overview", r->overview);
		put_s(o, "integrated_degree", r->integrated_degree);
		put_i(o, "max_funding_pence", r->max_funding_pence);
		put_s(o, "approved_date", r->approved_date);
		put_s(o, "last_start_date", r->last_start_date);
		put_s(o, "ssa1", r->ssa1);
		put_s(o, "ssa2", r->ssa2);
		put_s(o, "url", r->url);
		put_s(o, "kind", r->kind);
		put_s(o, "earliest_start", r->earliest_start);
		put_s(o, "latest_end", r->latest_end);
		break;
	}
	case RECORD_VACANCY: {
		const struct vacancy_rec *r = record;

		strbuf_puts(o, "VACANCY");
		put_s(o, "reference", r->reference);
		put_s(o, "title", r->title);
		put_s(o, "description", r->description);
		put_s(o, "employer", r->employer);
		put_s(o, "employer_website", r->employer_website);
		put_i(o, "lars_code", r->lars_code);
		put_s(o, "course_title", r->course_title);
		put_d(o, "level", r->level);
		put_s(o, "route", r->route);
		put_s(o, "address", r->address);
		put_s(o, "town", r->town);
		put_s(o, "postcode", r->postcode);
		if (!isnan(r->lat))
			strbuf_printf(o, " lat=%.5f lon=%.5f", r->lat, r->lon);
		put_s(o, "wage_type", r->wage_type);
		put_i(o, "wage_pence", r->wage_pence);
		put_i(o, "wage_low_pence", r->wage_low_pence);
		put_i(o, "wage_high_pence", r->wage_high_pence);
		put_s(o, "wage_unit", r->wage_unit);
		put_s(o, "wage_text", r->wage_text);
		put_d(o, "hours_per_week", r->hours_per_week);
		put_s(o, "working_week", r->working_week);
		put_s(o, "duration_text", r->duration_text);
		put_i(o, "positions", r->positions);
		put_s(o, "posted_date", r->posted_date);
		put_s(o, "start_date", r->start_date);
		put_s(o, "closing_date", r->closing_date);
		put_s(o, "provider_name", r->provider_name);
		put_s(o, "provider_ukprn", r->provider_ukprn);
		put_f(o, "is_national", r->is_national);
		put_f(o, "is_disability_confident", r->is_disability_confident);
		put_s(o, "training", r->training);
		put_s(o, "skills", r->skills);
		put_s(o, "qualifications", r->qualifications);
		put_s(o, "things_to_consider", r->things_to_consider);
		put_s(o, "url", r->url);
		put_s(o, "course_type", r->course_type);
		for (int k = 0; k < r->place_count; k++) {
			const struct vacancy_place *p = &r->places[k];

			strbuf_printf(o, " place%d=", k);
			strbuf_puts(o, p->town ? p->town : p->address ? p->address : "");
			if (p->postcode)
				strbuf_printf(o, "/%s", p->postcode);
			if (!isnan(p->lat))
				strbuf_printf(o, "(%.4f,%.4f)", p->lat, p->lon);
		}
		break;
	}
	case RECORD_SOC_GROUP: {
		const struct soc_group_rec *r = record;

		strbuf_puts(o, "SOC_GROUP");
		put_s(o, "code", r->code);
		put_s(o, "title", r->title);
		put_s(o, "description", r->description);
		break;
	}
	case RECORD_OCCUPATION: {
		const struct occupation_rec *r = record;

		strbuf_puts(o, "OCCUPATION");
		put_s(o, "soc", r->soc);
		put_s(o, "title", r->title);
		put_s(o, "description", r->description);
		put_s(o, "entry_routes", r->entry_routes);
		put_s(o, "tasks", r->tasks);
		put_s(o, "job_titles", r->job_titles);
		break;
	}
	case RECORD_FIGURE: {
		const struct figure_rec *r = record;

		strbuf_printf(o, "FIGURE soc=%s measure=%s year=%lld value=%g", r->soc, r->measure,
			      r->year, r->value);
		break;
	}
	case RECORD_ONET_OCCUPATION: {
		const struct onet_occupation_rec *r = record;

		strbuf_puts(o, "ONET_OCCUPATION");
		put_s(o, "code", r->code);
		put_s(o, "title", r->title);
		put_s(o, "description", r->description);
		put_i(o, "job_zone", r->job_zone);
		break;
	}
	case RECORD_ONET_INTEREST: {
		const struct onet_interest_rec *r = record;

		strbuf_printf(o, "ONET_INTEREST code=%s scale=%s element=%s value=%g", r->code,
			      r->scale, r->element, r->value);
		break;
	}
	case RECORD_CROSSWALK: {
		const struct crosswalk_rec *r = record;

		strbuf_printf(o, "CROSSWALK soc=%s onet_code=%s", r->soc, r->onet_code);
		break;
	}
	case RECORD_SOC_ISCO: {
		const struct soc_isco_rec *r = record;

		strbuf_printf(o, "SOC_ISCO soc=%s isco=%s", r->soc, r->isco);
		break;
	}
	case RECORD_ISCO_USSOC: {
		const struct isco_ussoc_rec *r = record;

		strbuf_printf(o, "ISCO_USSOC isco=%s us_soc=%s part=%d", r->isco, r->us_soc, r->part);
		break;
	}
	case RECORD_ONET_USSOC: {
		const struct onet_ussoc_rec *r = record;

		strbuf_printf(o, "ONET_USSOC onet_code=%s us_soc=%s", r->onet_code, r->us_soc);
		break;
	}
	case RECORD_HE_LOCATION: {
		const struct he_location_rec *r = record;

		strbuf_puts(o, "HE_LOCATION");
		put_s(o, "ukprn", r->ukprn);
		put_s(o, "locid", r->locid);
		put_s(o, "name", r->name);
		put_s(o, "loc_ukprn", r->loc_ukprn);
		if (!isnan(r->lat))
			strbuf_printf(o, " lat=%.5f lon=%.5f", r->lat, r->lon);
		break;
	}
	case RECORD_HE_COURSE_LOCATION: {
		const struct he_course_location_rec *r = record;

		strbuf_printf(o, "HE_COURSE_LOCATION pubukprn=%s ukprn=%s course_ref=%s locid=%s",
			      r->pubukprn, r->ukprn, r->course_ref, r->locid);
		break;
	}
	case RECORD_HE_OUTCOME: {
		const struct he_outcome_rec *r = record;

		strbuf_printf(o, "HE_OUTCOME pubukprn=%s course_ref=%s measure=%s value=%g",
			      r->pubukprn, r->course_ref, r->measure, r->value);
		put_s(o, "detail", r->detail);
		break;
	}
	case RECORD_SOC2010_OCCUPATION: {
		const struct soc2010_occupation_rec *r = record;

		strbuf_puts(o, "SOC2010_OCCUPATION");
		put_s(o, "soc", r->soc);
		put_s(o, "title", r->title);
		put_s(o, "description", r->description);
		put_s(o, "entry_routes", r->entry_routes);
		put_s(o, "tasks", r->tasks);
		put_s(o, "job_titles", r->job_titles);
		break;
	}
	case RECORD_SOC2010_FIGURE: {
		const struct soc2010_figure_rec *r = record;

		strbuf_printf(o, "SOC2010_FIGURE soc=%s measure=%s year=%lld value=%g", r->soc,
			      r->measure, r->year, r->value);
		break;
	}
	case RECORD_SOC_RELATION: {
		const struct soc_relation_rec *r = record;

		strbuf_printf(o, "SOC_RELATION soc2010=%s soc2020=%s share=%g", r->soc2010,
			      r->soc2020, r->share);
		break;
	}
	case RECORD_GTFS_AGENCY:
	case RECORD_GTFS_STOP:
	case RECORD_GTFS_ROUTE:
	case RECORD_GTFS_TRIP:
	case RECORD_GTFS_STOP_TIME:
	case RECORD_GTFS_CALENDAR:
	case RECORD_GTFS_CALENDAR_DATE:
	case RECORD_GTFS_FREQUENCY:
	case RECORD_GTFS_FEED_INFO:
	case RECORD_NAPTAN_STOP:
		capture_render_timetable(o, kind, record);
		break;
	case RECORD_KIND_COUNT:
		break;
	}
}

static enum status record_put(void *ctx, enum record_kind kind, const void *record)
{
	struct capture *c = ctx;
	size_t start = c->records.len, i;

	capture_render(&c->records, kind, record);
	/* Keep one record per line: show embedded line breaks as \n. */
	for (i = start; i < c->records.len; i++)
		if (c->records.buf[i] == '\n')
			c->records.buf[i] = '~';
	strbuf_putc(&c->records, '\n');
	c->record_count++;
	return STATUS_OK;
}

/* "LINE: [LOCATION:] FIELD: MESSAGE", FIELD "(row)" for the whole row. */
static void render_report(struct strbuf *out, const struct import_rejection *r)
{
	strbuf_printf(out, "%lu:", r->line);
	if (r->location)
		strbuf_printf(out, " %s:", r->location);
	strbuf_printf(out, " %s: %s\n", r->field ? r->field : "(row)", r->message);
}

static void record_reject(void *ctx, const struct import_rejection *r)
{
	struct capture *c = ctx;

	render_report(&c->rejections, r);
	c->rejection_count++;
}

static void record_warning(void *ctx, const struct import_rejection *r)
{
	struct capture *c = ctx;

	render_report(&c->warnings, r);
}

void capture_init(struct capture *c)
{
	memset(c, 0, sizeof(*c));
	strbuf_init(&c->records);
	strbuf_init(&c->rejections);
	strbuf_init(&c->warnings);
}

void capture_done(struct capture *c)
{
	strbuf_done(&c->records);
	strbuf_done(&c->rejections);
	strbuf_done(&c->warnings);
}

static enum status capture_source(struct capture *c, struct import_source *src)
{
	const struct importer *imp = NULL;
	struct import_sink sink = { c, record_put, NULL };
	struct import_reporter reporter = { c, record_reject, record_warning };

	c->detect_status = import_detect(src, &imp, &c->near, c->why, sizeof(c->why));
	if (c->detect_status != STATUS_OK) {
		import_close(src);
		return c->detect_status;
	}
	c->format = imp->name;
	c->run_status = import_run(src, imp, &sink, &reporter, &c->result);
	import_close(src);
	return c->run_status;
}

enum status capture_file(struct capture *c, const char *path)
{
	struct import_source *src;
	char err[256];

	if (import_open(path, &src, err, sizeof(err)) != STATUS_OK) {
		snprintf(c->why, sizeof(c->why), "%s", err);
		c->detect_status = STATUS_IO;
		return STATUS_IO;
	}
	return capture_source(c, src);
}

enum status capture_bytes(struct capture *c, const char *name, const void *bytes, size_t n)
{
	struct import_source *src = import_open_memory(bytes, n, name);

	if (!src)
		return STATUS_IO;
	return capture_source(c, src);
}

enum status capture_text(struct capture *c, const char *name, const char *text)
{
	return capture_bytes(c, name, text, strlen(text));
}

unsigned long capture_count(const struct capture *c, const char *needle)
{
	unsigned long n = 0;
	const char *p = c->records.buf;

	while (*p) {
		const char *end = strchr(p, '\n');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		const char *hit = strstr(p, needle);

		if (hit && hit < p + len)
			n++;
		p += len;
		if (*p == '\n')
			p++;
	}
	return n;
}

void capture_expect(struct capture *c, const char *fixture, const char *format, long read,
		    long loaded, long rejected)
{
	capture_init(c);
	CHECK_INT(capture_file(c, check_fixture(fixture)), STATUS_OK);
	CHECK_STR(c->format, format);
	if (read >= 0)
		CHECK_INT(c->result.read, read);
	if (loaded >= 0)
		CHECK_INT(c->result.loaded, loaded);
	if (rejected >= 0)
		CHECK_INT(c->result.rejected, rejected);
}

void check_golden(const char *name, const char *text)
{
	char path[1024], *want;
	FILE *f;
	long n;

	snprintf(path, sizeof(path), "%s/tests/golden/%s", CAREERS_SOURCE, name);
	if (getenv("CAREERS_UPDATE_GOLDEN")) {
		f = fopen(path, "w");
		CHECK(f != NULL);
		if (f) {
			fputs(text, f);
			fclose(f);
		}
		return;
	}
	f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "%s: no golden file %s (run with CAREERS_UPDATE_GOLDEN=1)\n",
			check_current, path);
		check_failures++;
		return;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	want = xcalloc(1, (size_t)n + 1);
	if (fread(want, 1, (size_t)n, f) != (size_t)n)
		want[0] = '\0';
	fclose(f);
	if (strcmp(text, want) != 0) {
		fprintf(stderr, "%s: differs from %s\n--- now:\n%s--- golden:\n%s", check_current,
			path, text, want);
		check_failures++;
	}
	free(want);
}

void check_bundled_store(const char *path)
{
	check_store_from(CAREERS_SOURCE "/data/doncaster", path);
}

void check_store_from(const char *data_dir, const char *path)
{
	struct build_options o;
	FILE *devnull = fopen("/dev/null", "w");

	unlink(path);
	memset(&o, 0, sizeof(o));
	o.data_dir = data_dir;
	o.out = path;
	o.quiet = 1;
	o.out_stream = devnull;
	o.err_stream = stderr;
	CHECK_INT(build_store(&o), STATUS_OK);
	fclose(devnull);
}

/* --- zip archives and workbooks for tests ---------------------------------------------------- */

void harness_write_zip(const char *path, const char *const *names, const char *const *contents,
		       const size_t *sizes, size_t n)
{
	struct archive *a = archive_write_new();
	struct archive_entry *e;
	size_t i;

	CHECK(a != NULL);
	if (!a)
		return;
	archive_write_set_format_zip(a);
	CHECK_INT(archive_write_open_filename(a, path), ARCHIVE_OK);
	for (i = 0; i < n; i++) {
		size_t size = sizes ? sizes[i] : strlen(contents[i]);

		e = archive_entry_new();
		archive_entry_set_pathname(e, names[i]);
		archive_entry_set_filetype(e, AE_IFREG);
		archive_entry_set_perm(e, 0644);
		archive_entry_set_size(e, (la_int64_t)size);
		archive_entry_set_mtime(e, 1793491200, 0);	/* 2026-11-01 */
		CHECK_INT(archive_write_header(a, e), ARCHIVE_OK);
		CHECK_INT((long)archive_write_data(a, contents[i], size), (long)size);
		archive_entry_free(e);
	}
	CHECK_INT(archive_write_close(a), ARCHIVE_OK);
	archive_write_free(a);
}

void harness_read_file(const char *path, struct strbuf *out)
{
	FILE *f = fopen(path, "rb");
	char buf[65536];
	size_t got;

	CHECK(f != NULL);
	if (!f)
		return;
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(out, buf, got);
	fclose(f);
}

static void xml_text(struct strbuf *out, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n && s[i + 1] == 'n') {
			strbuf_putc(out, '\n');
			i++;
		} else if (s[i] == '&') {
			strbuf_puts(out, "&amp;");
		} else if (s[i] == '<') {
			strbuf_puts(out, "&lt;");
		} else if (s[i] == '>') {
			strbuf_puts(out, "&gt;");
		} else if ((unsigned char)s[i] < 0x20 && s[i] != '\t') {
			/* XML cannot hold control characters; Excel writes them so. */
			strbuf_printf(out, "_x%04X_", (unsigned char)s[i]);
		} else {
			strbuf_putc(out, s[i]);
		}
	}
}

static int numeric(const char *s, size_t n)
{
	size_t i, dots = 0;

	if (!n || n > 15)
		return 0;
	for (i = 0; i < n; i++) {
		if (s[i] == '.' && i)
			dots++;
		else if (!isdigit((unsigned char)s[i]) && !(s[i] == '-' && i == 0))
			return 0;
	}
	/* "01" is a code, not a number: kept as text as Excel would keep it. */
	return dots <= 1 && !(n > 1 && s[0] == '0' && s[1] != '.');
}

void harness_write_xlsx(const char *path, const char *const *names, const char *const *rows,
			size_t n)
{
	static const char ns[] = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
	static const char rel[] = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
	struct strbuf parts[4 + 16], strings;
	const char *part_names[4 + 16] = { 0 }, *contents[4 + 16] = { 0 };
	size_t sizes[4 + 16] = { 0 }, i, count = 0;
	char sheet_part[16][40];

	CHECK(n <= 16);
	strbuf_init(&strings);
	for (i = 0; i < 4 + n; i++)
		strbuf_init(&parts[i]);
	strbuf_printf(&parts[0], "<?xml version=\"1.0\"?><workbook xmlns=\"%s\" "
		      "xmlns:r=\"%s\"><sheets>", ns, rel);
	strbuf_printf(&parts[1], "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas."
		      "openxmlformats.org/package/2006/relationships\">");
	for (i = 0; i < n; i++) {
		const char *line = rows[i];
		unsigned long r = 0;

		strbuf_puts(&parts[0], "<sheet name=\"");
		xml_text(&parts[0], names[i], strlen(names[i]));
		strbuf_printf(&parts[0], "\" sheetId=\"%zu\" r:id=\"rId%zu\"/>", i + 1, i + 1);
		strbuf_printf(&parts[1], "<Relationship Id=\"rId%zu\" Type=\"%s/worksheet\" "
			      "Target=\"worksheets/sheet%zu.xml\"/>", i + 1, rel, i + 1);
		strbuf_printf(&parts[4 + i], "<?xml version=\"1.0\"?><worksheet xmlns=\"%s\">"
			      "<sheetData>", ns);
		while (*line) {
			size_t len = strcspn(line, "\n"), c = 0;
			const char *cell = line, *end = line + len;

			r++;
			if (len)
				strbuf_printf(&parts[4 + i], "<row r=\"%lu\">", r);
			while (len && cell <= end) {
				size_t clen = strcspn(cell, "\t\n");

				if (cell + clen > end)
					clen = (size_t)(end - cell);
				if (clen && numeric(cell, clen)) {
					strbuf_printf(&parts[4 + i], "<c r=\"%c%lu\"><v>%.*s</v></c>",
						      (char)('A' + c), r, (int)clen, cell);
				} else if (clen) {
					strbuf_printf(&parts[4 + i], "<c r=\"%c%lu\" t=\"s\"><v>%zu</v></c>",
						      (char)('A' + c), r, count++);
					strbuf_puts(&strings, "<si><t xml:space=\"preserve\">");
					xml_text(&strings, cell, clen);
					strbuf_puts(&strings, "</t></si>");
				}
				c++;
				cell += clen + 1;
			}
			if (len)
				strbuf_puts(&parts[4 + i], "</row>");
			line += len + (line[len] == '\n');
		}
		strbuf_puts(&parts[4 + i], "</sheetData></worksheet>");
		snprintf(sheet_part[i], sizeof(sheet_part[i]), "xl/worksheets/sheet%zu.xml", i + 1);
		part_names[4 + i] = sheet_part[i];
	}
	strbuf_puts(&parts[0], "</sheets></workbook>");
	strbuf_puts(&parts[1], "</Relationships>");
	strbuf_printf(&parts[2], "<?xml version=\"1.0\"?><sst xmlns=\"%s\" count=\"%zu\">%s</sst>",
		      ns, count, strings.buf);
	strbuf_puts(&parts[3], "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas."
		    "openxmlformats.org/package/2006/content-types\"/>");
	part_names[0] = "xl/workbook.xml";
	part_names[1] = "xl/_rels/workbook.xml.rels";
	part_names[2] = "xl/sharedStrings.xml";
	part_names[3] = "[Content_Types].xml";
	for (i = 0; i < 4 + n; i++) {
		contents[i] = parts[i].buf;
		sizes[i] = parts[i].len;
	}
	harness_write_zip(path, part_names, contents, sizes, 4 + n);
	for (i = 0; i < 4 + n; i++)
		strbuf_done(&parts[i]);
	strbuf_done(&strings);
}

struct records *check_records_open(const char *path)
{
	struct records *r = NULL;
	char err[300];

	CHECK_INT(records_open(path, 1, &r, err, sizeof(err)), STATUS_OK);
	if (!r)
		fprintf(stderr, "%s\n", err);
	return r;
}
