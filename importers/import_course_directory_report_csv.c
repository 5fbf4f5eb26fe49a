/*
 * import_course_directory_report_csv.c - GOV.UK Course Directory monthly open data:
 * LiveCoursesWithRegionsAndVenuesReport-YYYYMMDD.csv.
 *
 * The one open, national, key-free list of further education courses,
 * and of T Level locations (the report's query adds them with a UNION):
 * one row per course run, 36 columns (dfc-coursedirectory
 * LiveCourseWithRegionsAndVenuesReport.cs; the July 2026 file has the
 * same headers). Each row becomes a COURSE and, when it names a
 * location, a VENUE with the location's own latitude and longitude.
 *
 * What the fields hold: DELIVER_MODE, STUDY_MODE, ATTENDANCE_PATTERN and
 * DURATION_UNIT are the Course Directory's enum numbers (course_fields.h;
 * names are read too); FLEXIBLE_STARTDATE and NATIONAL are True/False;
 * STARTDATE is dd/MM/yyyy; COST is pounds; COURSE_TYPE is the course type
 * (name or number) and EDUCATION_LEVEL the level of non-LARS courses.
 * A T Level (COURSE_TYPE TLevels, or "T Level" in the name) is kind
 * tlevel. Skills Bootcamps, Free Courses for Jobs, Multiply and Essential
 * Skills are for adults whatever the text says: 19+. Otherwise the age
 * range comes from the wording of the name or WHO_THIS_COURSE_IS_FOR.
 *
 * Not read: REGIONS and NATIONAL (where a course is offered nationally;
 * a learner sees distance instead), LOCATION_EMAIL (an inbox for the
 * venue: the course's page is the way in), UPDATED_DATE.
 * The file's date (its name ends -YYYYMMDD) is the data date.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "course_fields.h"
#include "importer.h"
#include "mem.h"

enum {
	UKPRN, COURSE_ID, RUN_ID, LEARN_AIM_REF, NAME, WHO_FOR, DELIVERY_MODE, STUDY_MODE,
	ATTENDANCE, FLEXIBLE, START, DURATION_UNIT, DURATION, COST, COST_TEXT, NATIONAL,
	REGIONS, VENUE, ADDRESS1, ADDRESS2, COUNTY, LATITUDE, LONGITUDE, POSTCODE, PHONE, TOWN,
	WEBSITE, URL, ENTRY, ASSESSED, COURSE_TYPE, SECTOR, LEVEL, AWARDING_BODY,
};

static const struct import_column columns[] = {
	[UKPRN] = { "PROVIDER_UKPRN", COLUMN_REQUIRED },
	[COURSE_ID] = { "COURSE_ID", COLUMN_REQUIRED },
	[RUN_ID] = { "COURSE_RUN_ID", COLUMN_REQUIRED },
	[LEARN_AIM_REF] = { "LEARN_AIM_REF", 0 },
	[NAME] = { "COURSE_NAME", COLUMN_REQUIRED },
	[WHO_FOR] = { "WHO_THIS_COURSE_IS_FOR", 0 },
	[DELIVERY_MODE] = { "DELIVER_MODE|DELIVERY_MODE", COLUMN_REQUIRED },
	[STUDY_MODE] = { "STUDY_MODE", 0 },
	[ATTENDANCE] = { "ATTENDANCE_PATTERN", 0 },
	[FLEXIBLE] = { "FLEXIBLE_STARTDATE", COLUMN_REQUIRED },
	[START] = { "STARTDATE", COLUMN_REQUIRED },
	[DURATION_UNIT] = { "DURATION_UNIT", 0 },
	[DURATION] = { "DURATION_VALUE", 0 },
	[COST] = { "COST", 0 },
	[COST_TEXT] = { "COST_DESCRIPTION", 0 },
	[NATIONAL] = { "NATIONAL", 0 },
	[REGIONS] = { "REGIONS", 0 },
	[VENUE] = { "LOCATION_NAME", COLUMN_REQUIRED },
	[ADDRESS1] = { "LOCATION_ADDRESS1", 0 },
	[ADDRESS2] = { "LOCATION_ADDRESS2", 0 },
	[COUNTY] = { "LOCATION_COUNTY", 0 },
	[LATITUDE] = { "LOCATION_LATITUDE", 0 },
	[LONGITUDE] = { "LOCATION_LONGITUDE", 0 },
	[POSTCODE] = { "LOCATION_POSTCODE", 0 },
	[PHONE] = { "LOCATION_TELEPHONE", 0 },
	[TOWN] = { "LOCATION_TOWN", 0 },
	[WEBSITE] = { "LOCATION_WEBSITE", 0 },
	[URL] = { "COURSE_URL", 0 },
	[ENTRY] = { "ENTRY_REQUIREMENTS", 0 },
	[ASSESSED] = { "HOW_YOU_WILL_BE_ASSESSED", 0 },
	[COURSE_TYPE] = { "COURSE_TYPE", 0 },
	[SECTOR] = { "SECTOR", 0 },
	[LEVEL] = { "EDUCATION_LEVEL", 0 },
	[AWARDING_BODY] = { "AWARDING_BODY", 0 },
};

/*
 * The venues already stored from this file: a venue is named on every
 * run held there, and is stored once (by its provider and name; a rare
 * clash of hashes only means a course names a venue not stored, and it
 * has its own place anyway).
 */
struct venues_seen {
	unsigned long long *slots;	/* hashes, 0 empty */
	size_t size, count;
};

static int seen_before(struct venues_seen *seen, const char *ukprn, const char *name)
{
	unsigned long long h = 1469598103934665603ULL;
	const char *parts[2] = { ukprn, name };
	size_t i, k;

	for (k = 0; k < 2; k++) {
		for (i = 0; parts[k][i]; i++)
			h = (h ^ (unsigned char)parts[k][i]) * 1099511628211ULL;
		h = (h ^ 0x1f) * 1099511628211ULL;
	}
	h |= 1;
	if ((seen->count + 1) * 2 > seen->size) {
		struct venues_seen bigger = { NULL, seen->size ? seen->size * 2 : 1024, 0 };

		bigger.slots = xcalloc(bigger.size, sizeof(*bigger.slots));
		for (k = 0; k < seen->size; k++) {
			if (!seen->slots[k])
				continue;
			for (i = seen->slots[k] & (bigger.size - 1); bigger.slots[i];
			     i = (i + 1) & (bigger.size - 1))
				;
			bigger.slots[i] = seen->slots[k];
			bigger.count++;
		}
		free(seen->slots);
		*seen = bigger;
	}
	for (i = h & (seen->size - 1); seen->slots[i]; i = (i + 1) & (seen->size - 1))
		if (seen->slots[i] == h)
			return 1;
	seen->slots[i] = h;
	seen->count++;
	return 0;
}

struct file_state {
	struct venues_seen venues;
};

static void end(void *state)
{
	free(((struct file_state *)state)->venues.slots);
}

/* "...Report-20260727.csv": the date in the file's name, as its data date. */
static enum status begin(struct import_file *file)
{
	const char *path = import_file_path(file), *dash = strrchr(path, '-');
	char iso[11], why[VALIDATE_WHY];

	if (dash && strspn(dash + 1, "0123456789") == 8) {
		snprintf(iso, sizeof(iso), "%.4s-%.2s-%.2s", dash + 1, dash + 5, dash + 7);
		if (validate_date(iso, iso, why) == STATUS_OK)
			import_file_set_data_date(file, iso);
	}
	return STATUS_OK;
}

/* Latitude and longitude of the location, when it has both and they are in the UK. */
static void location(struct import_row *r, double *lat, double *lon)
{
	double y, x;
	int has_y = import_get_decimal(r, LATITUDE, 49.0, 61.0, &y);
	int has_x = import_get_decimal(r, LONGITUDE, -8.7, 2.0, &x);

	if (has_y == 1 && has_x == 1 && !(y == 0 && x == 0)) {
		*lat = y;
		*lon = x;
	}
}

/* "12 High Street, Wheatley" from the address lines; NULL when none. */
static const char *address(struct import_row *r, struct strbuf *out)
{
	const int parts[] = { ADDRESS1, ADDRESS2, TOWN, COUNTY };
	size_t i;

	strbuf_reset(out);
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const char *v = import_text(r, parts[i]);

		if (!v)
			continue;
		if (out->len)
			strbuf_puts(out, ", ");
		strbuf_puts(out, v);
	}
	return out->len ? out->buf : NULL;
}

static void read_level(struct import_row *r, struct course_rec *c)
{
	const char *v = import_text(r, LEVEL);
	char why[VALIDATE_WHY];
	double level;

	/* Non-LARS courses only; a spelling we do not know leaves the level unknown. */
	if (v && validate_level(v, &level, why) == STATUS_OK && level >= 0)
		c->level = level;
}

static enum status emit(struct import_row *r, struct strbuf *addr)
{
	struct course_rec c = COURSE_REC_INIT;
	struct venue_rec v = VENUE_REC_INIT;
	char ukprn[9], aim[9], start[11], postcode[9];
	enum course_type type;
	long long value;
	int flag;

	if (import_get_code(r, UKPRN, RULE_UKPRN, ukprn, sizeof(ukprn)) == 0)
		import_reject(r, UKPRN, "is empty, but every course names its provider's UKPRN");
	c.ref = import_required(r, RUN_ID);
	c.title = import_required(r, NAME);
	if (import_get_code(r, LEARN_AIM_REF, RULE_LEARN_AIM, aim, sizeof(aim)) == 1)
		c.learn_aim_ref = aim;
	c.who_for = import_text(r, WHO_FOR);
	c.delivery_mode = course_spelled(r, DELIVERY_MODE, course_delivery_modes, "a delivery mode",
					 "1 classroom, 2 online, 3 work-based or 4 blended");
	c.study_mode = course_spelled(r, STUDY_MODE, course_study_modes, "a study mode",
				      "1 full-time, 2 part-time or 3 flexible");
	c.attendance = course_spelled(r, ATTENDANCE, course_attendances, "an attendance pattern",
				      "1 daytime, 2 evening, 3 weekend or 4 day or block release");
	if (import_get_flag(r, FLEXIBLE, &flag) == 1)
		c.flexible_start = flag;
	if (import_get_date(r, START, start) == 1)
		c.start_date = start;
	if (import_get_int(r, DURATION, 0, 9999, &value) == 1 && value > 0)
		c.duration_value = value;
	c.duration_unit = course_spelled(r, DURATION_UNIT, course_duration_units, "a unit of time",
					 "1 days, 2 weeks, 3 months, 4 years or 5 hours");
	if (import_get_money(r, COST, &value) == 1)
		c.cost_pence = value;
	c.cost_text = import_text(r, COST_TEXT);
	c.url = import_text(r, URL);
	c.entry_requirements = import_text(r, ENTRY);
	c.subject = import_text(r, SECTOR);
	read_level(r, &c);
	v.name = import_text(r, VENUE);
	v.address = address(r, addr);
	v.town = import_text(r, TOWN);
	v.phone = import_text(r, PHONE);
	v.website = import_text(r, WEBSITE);
	if (import_get_postcode(r, POSTCODE, postcode) == 1)
		v.postcode = postcode;
	location(r, &c.lat, &c.lon);
	if (import_rejected(r))
		return STATUS_OK;

	type = course_type_of(import_value(r, COURSE_TYPE));
	c.kind = type == COURSE_TYPE_TLEVEL || strstr(c.title, "T Level") ? "tlevel" : "fe";
	c.provider_ukprn = ukprn;
	import_age_range(c.title, &c.age_min, &c.age_max);
	if (c.age_min == MODEL_NO_INT && c.age_max == MODEL_NO_INT)
		import_age_range(c.who_for, &c.age_min, &c.age_max);
	if (v.name && seen_before(&((struct file_state *)import_state(r))->venues, ukprn, v.name)) {
		c.venue_name = v.name;
		v.name = NULL;
	}
	return course_emit(r, &c, &v, type);
}

static enum status row(struct import_row *r)
{
	struct strbuf addr;
	enum status rc;

	strbuf_init(&addr);
	rc = emit(r, &addr);
	strbuf_done(&addr);
	return rc;
}

const struct importer importer_course_directory_report_csv = {
	.name = "course-directory-report-csv",
	.title = "GOV.UK Course Directory monthly open data "
		 "(LiveCoursesWithRegionsAndVenuesReport CSV)",
	.detection = "CSV whose header has PROVIDER_UKPRN, COURSE_ID, COURSE_RUN_ID, COURSE_NAME, "
		     "DELIVER_MODE, FLEXIBLE_STARTDATE, STARTDATE and LOCATION_NAME",
	.edition = "LiveCoursesWithRegionsAndVenuesReport-20260727 (36 columns, July 2026)",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from the Department for Education's "
		       "Course Directory, licensed under the Open Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.begin = begin,
	.row = row,
	.end = end,
	.state_size = sizeof(struct file_state),
};
