/*
 * import_fac_search_json.c - Find a course API search results (POST /search).
 *
 * The answer is an envelope {facets, results: [...], total, limit, start};
 * each result is one course run at one venue, or one T Level at one
 * location. A run offered in several regions comes back once per region
 * with the same courseRunId, and the store's upsert (kind + provider +
 * ref) keeps one course. Each result gives a VENUE (when it names one)
 * and a COURSE.
 *
 * What the fields hold (DfE dfc-coursedirectory, FindACourseApi): text
 * is HTML-encoded ("St Mary&#39;s", "&amp;"), so entities are decoded
 * here. venueStudyMode, venueAttendancePattern and deliveryMode are the
 * enum numbers as strings ("1"), with the words in *Description fields;
 * other versions write the enum names ("FullTime", "ClassroomBased").
 * All three spellings are read. durationUnit is an enum name ("Months"),
 * 0 when unset; startDate is an ISO date-time, null for flexible starts;
 * venueAddress is "line 1, line 2, town, county, postcode".
 *
 * Decisions: sectorId is the service's own sector number, not a LARS
 * sector subject area, so only sectorDescription is kept (as subject).
 * A T Level result (tLevelId, offeringType TLevel or courseType TLevels)
 * has no course run: its ref is tLevelLocationId, else tLevelId.
 * Coordinates outside Great Britain and Northern Ireland reject the row.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "course_fields.h"
#include "importer.h"
#include "mem.h"

enum {
	UKPRN, PROVIDER_NAME, REF, TLEVEL_ID, OFFERING_TYPE, COURSE_TYPE, COURSE_NAME,
	QUALIFICATION, LEARN_AIM_REF, LEVEL, SECTOR, VENUE_NAME, VENUE_ADDRESS, VENUE_TOWN,
	LATITUDE, LONGITUDE, START_DATE, FLEXIBLE_START, STUDY_MODE, ATTENDANCE, DELIVERY_MODE,
	COST, COST_TEXT, DURATION_VALUE, DURATION_UNIT, DESCRIPTION, URL,
};

static const struct import_column columns[] = {
	[UKPRN] = { "$.ukprn", COLUMN_REQUIRED },
	[PROVIDER_NAME] = { "$.providerName", COLUMN_REQUIRED },
	[REF] = { "$.courseRunId|$.courseId|$.tLevelLocationId|$.tLevelId", COLUMN_REQUIRED },
	[TLEVEL_ID] = { "$.tLevelId", 0 },
	[OFFERING_TYPE] = { "$.offeringType", 0 },
	[COURSE_TYPE] = { "$.courseType|$.courseTypeDescription", 0 },
	[COURSE_NAME] = { "$.courseName", 0 },
	[QUALIFICATION] = { "$.qualificationCourseTitle", 0 },
	[LEARN_AIM_REF] = { "$.learnAimRef", 0 },
	[LEVEL] = { "$.qualificationLevel", 0 },
	[SECTOR] = { "$.sectorDescription", 0 },
	[VENUE_NAME] = { "$.venueName", 0 },
	[VENUE_ADDRESS] = { "$.venueAddress", 0 },
	[VENUE_TOWN] = { "$.venueTown", 0 },
	[LATITUDE] = { "$.venueLocation.latitude", 0 },
	[LONGITUDE] = { "$.venueLocation.longitude", 0 },
	[START_DATE] = { "$.startDate", 0 },
	[FLEXIBLE_START] = { "$.flexibleStartDate", 0 },
	[STUDY_MODE] = { "$.venueStudyMode|$.venueStudyModeDescription", 0 },
	[ATTENDANCE] = { "$.venueAttendancePattern|$.venueAttendancePatternDescription", 0 },
	[DELIVERY_MODE] = { "$.deliveryMode|$.deliveryModeDescription", 0 },
	[COST] = { "$.cost", 0 },
	[COST_TEXT] = { "$.costDescription", 0 },
	[DURATION_VALUE] = { "$.durationValue", 0 },
	[DURATION_UNIT] = { "$.durationUnit", 0 },
	[DESCRIPTION] = { "$.courseDescription|$.courseText", 0 },
	[URL] = { "$.courseUrl|$.url", 0 },
};

/* Append code point cp as UTF-8; 0 if it is not one text may hold. */
static int put_utf8(struct strbuf *out, unsigned long cp)
{
	if (cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		return 0;
	if (cp == 0xA0)
		cp = ' ';
	if (cp < 0x80) {
		strbuf_putc(out, (char)cp);
	} else if (cp < 0x800) {
		strbuf_putc(out, (char)(0xC0 | (cp >> 6)));
		strbuf_putc(out, (char)(0x80 | (cp & 0x3F)));
	} else if (cp < 0x10000) {
		strbuf_putc(out, (char)(0xE0 | (cp >> 12)));
		strbuf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
		strbuf_putc(out, (char)(0x80 | (cp & 0x3F)));
	} else {
		strbuf_putc(out, (char)(0xF0 | (cp >> 18)));
		strbuf_putc(out, (char)(0x80 | ((cp >> 12) & 0x3F)));
		strbuf_putc(out, (char)(0x80 | ((cp >> 6) & 0x3F)));
		strbuf_putc(out, (char)(0x80 | (cp & 0x3F)));
	}
	return 1;
}

/* Decode the entity at s ("&amp;", "&#39;", "&#x2019;"); its length, 0 if none. */
static size_t entity(const char *s, struct strbuf *out)
{
	static const struct {
		const char *name;
		unsigned long cp;
	} named[] = {
		{ "&amp;", '&' }, { "&lt;", '<' }, { "&gt;", '>' }, { "&quot;", '"' },
		{ "&apos;", '\'' }, { "&nbsp;", 0xA0 },
	};
	const char *end = strchr(s, ';');
	unsigned long cp;
	char *stop;
	size_t i;

	if (!end || end - s > 10)
		return 0;
	for (i = 0; i < sizeof(named) / sizeof(named[0]); i++)
		if (strncmp(s, named[i].name, strlen(named[i].name)) == 0)
			return put_utf8(out, named[i].cp) ? strlen(named[i].name) : 0;
	if (s[1] != '#')
		return 0;
	if (s[2] == 'x' || s[2] == 'X')
		cp = strtoul(s + 3, &stop, 16);
	else
		cp = strtoul(s + 2, &stop, 10);
	if (stop != end || stop == s + 2 || !put_utf8(out, cp))
		return 0;
	return (size_t)(end - s) + 1;
}

/* The text of a column with HTML entities decoded, in out; NULL when blank. */
static const char *plain(struct import_row *r, int column, struct strbuf *out)
{
	const char *s = import_text(r, column);

	strbuf_reset(out);
	if (!s)
		return NULL;
	while (*s) {
		size_t used = *s == '&' ? entity(s, out) : 0;

		if (used) {
			s += used;
		} else {
			strbuf_putc(out, *s);
			s++;
		}
	}
	return out->buf;
}

/* The postcode that ends an address ("..., Doncaster, DN1 3BU"). */
static int trailing_postcode(const char *address, char postcode[9])
{
	const char *comma = strrchr(address, ',');
	char why[VALIDATE_WHY];

	return validate_postcode(comma ? comma + 1 : address, postcode, why) == STATUS_OK;
}

/* Is this result a T Level rather than a course run? */
static int is_tlevel(struct import_row *r)
{
	char offering[16], type[16];

	course_fold(import_value(r, OFFERING_TYPE), offering, sizeof(offering));
	course_fold(import_value(r, COURSE_TYPE), type, sizeof(type));
	return !validate_blank(import_value(r, TLEVEL_ID)) || strcmp(offering, "tlevel") == 0 ||
	       course_type_of(type) == COURSE_TYPE_TLEVEL;
}

/* venueLocation, when the result has both halves of it. */
static void location(struct import_row *r, double *lat, double *lon)
{
	double y, x;
	int has_y = import_get_decimal(r, LATITUDE, 49.0, 61.0, &y);
	int has_x = import_get_decimal(r, LONGITUDE, -8.7, 2.0, &x);

	if (has_y == 1 && has_x == 1) {
		*lat = y;
		*lon = x;
	}
}

/* Scratch for the decoded text of one result. */
enum { T_PROVIDER, T_TITLE, T_QUALIFICATION, T_VENUE, T_ADDRESS, T_TOWN, T_COST, T_DESCRIPTION,
       T_SECTOR, T_COUNT };

static enum status emit(struct import_row *r, struct strbuf *t)
{
	struct course_rec c = COURSE_REC_INIT;
	struct venue_rec v = VENUE_REC_INIT;
	char ukprn[9], aim[9], start[11], postcode[9];
	long long value;
	double level;
	int flag;

	if (import_get_code(r, UKPRN, RULE_UKPRN, ukprn, sizeof(ukprn)) == 0)
		import_reject(r, UKPRN, "is empty, but every course names its provider's UKPRN");
	c.provider_name = plain(r, PROVIDER_NAME, &t[T_PROVIDER]);
	c.ref = import_required(r, REF);
	c.title = plain(r, COURSE_NAME, &t[T_TITLE]);
	c.qualification = plain(r, QUALIFICATION, &t[T_QUALIFICATION]);
	if (!c.title)
		c.title = c.qualification;
	if (!c.title && !import_rejected(r))
		import_reject(r, COURSE_NAME, "is empty, and so is qualificationCourseTitle: a "
			      "course needs a title");
	if (import_get_code(r, LEARN_AIM_REF, RULE_LEARN_AIM, aim, sizeof(aim)) == 1)
		c.learn_aim_ref = aim;
	if (import_get_level(r, LEVEL, &level) == 1 && level >= 0)
		c.level = level;
	c.subject = plain(r, SECTOR, &t[T_SECTOR]);
	v.name = plain(r, VENUE_NAME, &t[T_VENUE]);
	v.address = plain(r, VENUE_ADDRESS, &t[T_ADDRESS]);
	v.town = plain(r, VENUE_TOWN, &t[T_TOWN]);
	location(r, &c.lat, &c.lon);
	if (import_get_date(r, START_DATE, start) == 1)
		c.start_date = start;
	if (import_get_flag(r, FLEXIBLE_START, &flag) == 1)
		c.flexible_start = flag;
	c.study_mode = course_spelled(r, STUDY_MODE, course_study_modes, "a study mode",
			       "FullTime, PartTime or Flexible");
	c.attendance = course_spelled(r, ATTENDANCE, course_attendances, "an attendance pattern",
			       "Daytime, Evening, Weekend or DayOrBlockRelease");
	c.delivery_mode = course_spelled(r, DELIVERY_MODE, course_delivery_modes, "a delivery mode",
				  "ClassroomBased, Online, WorkBased or BlendedLearning");
	if (import_get_money(r, COST, &value) == 1)
		c.cost_pence = value;
	c.cost_text = plain(r, COST_TEXT, &t[T_COST]);
	if (import_get_int(r, DURATION_VALUE, 0, 9999, &value) == 1 && value > 0)
		c.duration_value = value;
	c.duration_unit = course_spelled(r, DURATION_UNIT, course_duration_units, "a unit of time",
				  "Days, Weeks, Months, Years or Hours");
	c.description = plain(r, DESCRIPTION, &t[T_DESCRIPTION]);
	c.url = import_text(r, URL);
	if (import_rejected(r))
		return STATUS_OK;

	c.kind = is_tlevel(r) ? "tlevel" : "fe";
	c.provider_ukprn = ukprn;
	import_age_range(c.title, &c.age_min, &c.age_max);
	if (c.age_min == MODEL_NO_INT && c.age_max == MODEL_NO_INT)
		import_age_range(c.description, &c.age_min, &c.age_max);
	v.provider_name = c.provider_name;
	if (v.address && trailing_postcode(v.address, postcode))
		v.postcode = postcode;
	/* Bootcamps, Free Courses for Jobs, Multiply, Essential Skills: adults only. */
	return course_emit(r, &c, &v, course_type_of(import_value(r, COURSE_TYPE)));
}

static enum status row(struct import_row *r)
{
	struct strbuf t[T_COUNT];
	enum status rc;
	int i;

	for (i = 0; i < T_COUNT; i++)
		strbuf_init(&t[i]);
	rc = emit(r, t);
	for (i = 0; i < T_COUNT; i++)
		strbuf_done(&t[i]);
	return rc;
}

const struct importer importer_fac_search_json = {
	.name = "fac-search-json",
	.title = "Find a course API search results (JSON)",
	.detection = "JSON whose results[] records have ukprn, providerName and courseRunId "
		     "(or courseId, tLevelLocationId, tLevelId)",
	.edition = "Find a course API search, 2026 (SearchResultViewModel)",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from the Department for Education's "
		       "Find a course service, licensed under the Open Government Licence v3.0.",
	.shape = IMPORT_JSON,
	.columns = COLUMNS(columns),
	.records = "$.results",
	.row = row,
};
