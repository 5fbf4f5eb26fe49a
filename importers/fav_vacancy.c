/*
 * fav_vacancy.c - one Find an apprenticeship vacancy (Display Advert API
 * v2), read and checked: shared by the list format (GET /vacancy,
 * import_fav_vacancies_json.c) and the single advert (GET
 * /vacancy/{reference}, import_fav_vacancy_json.c).
 *
 * Dates are ISO date-times (kept as dates); wage amounts are numbers in
 * pounds; enums (wageType, wageUnit) are strings. Without details a
 * vacancy has one `address`; with details (IncludeDetails=true, or a
 * single advert) it has `addresses` (the first is used) and the long
 * texts: trainingDescription, skills[], qualifications[],
 * thingsToConsider. qualifications may be plain strings or objects
 * {qualificationType, subject, grade, weighting}; the first
 * QUALIFICATIONS objects are read.
 *
 * The employer contact (employerContactName, employerContactPhone,
 * employerContactEmail) is a person's details: those fields are not
 * declared here, so they are never read.
 */
#include "fav_vacancy.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "mem.h"

#define QUALIFICATIONS 4	/* qualification objects read per vacancy */

enum {
	REFERENCE, TITLE, DESCRIPTION, EMPLOYER, EMPLOYER_WEBSITE,
	LARS_CODE, COURSE_TITLE, COURSE_LEVEL, ROUTE, APPRENTICESHIP_LEVEL,
	LINE1, LINE2, LINE3, LINE4, POSTCODE, LATITUDE, LONGITUDE, LOCATION_LAT, LOCATION_LON,
	WAGE_TYPE, WAGE_AMOUNT, WAGE_LOW, WAGE_HIGH, WAGE_UNIT, WAGE_TEXT, WORKING_WEEK,
	HOURS, DURATION, POSITIONS, POSTED, START, CLOSING,
	PROVIDER, UKPRN, NATIONAL, DISABILITY_CONFIDENT,
	TRAINING, SKILLS, QUALIFICATION_LIST, THINGS_TO_CONSIDER, URL,
	QUALIFICATION,	/* then QUALIFICATIONS groups of the four below */
};

enum { QUAL_TYPE, QUAL_SUBJECT, QUAL_GRADE, QUAL_WEIGHTING, QUAL_FIELDS };

#define ADDRESS(field) "$.address." field "|$.addresses[0]." field
#define QUAL(i) \
	{ "$.qualifications[" #i "].qualificationType", 0 }, \
	{ "$.qualifications[" #i "].subject", 0 }, \
	{ "$.qualifications[" #i "].grade", 0 }, \
	{ "$.qualifications[" #i "].weighting", 0 }

const struct import_column fav_vacancy_columns[FAV_VACANCY_COLUMNS] = {
	[REFERENCE] = { "$.vacancyReference", COLUMN_REQUIRED },
	[TITLE] = { "$.title", COLUMN_REQUIRED },
	[DESCRIPTION] = { "$.description|$.fullDescription", 0 },
	[EMPLOYER] = { "$.employerName", 0 },
	[EMPLOYER_WEBSITE] = { "$.employerWebsiteUrl", 0 },
	[LARS_CODE] = { "$.course.larsCode", 0 },
	[COURSE_TITLE] = { "$.course.title", 0 },
	[COURSE_LEVEL] = { "$.course.level", 0 },
	[ROUTE] = { "$.course.route", 0 },
	[APPRENTICESHIP_LEVEL] = { "$.apprenticeshipLevel", 0 },
	[LINE1] = { ADDRESS("addressLine1"), 0 },
	[LINE2] = { ADDRESS("addressLine2"), 0 },
	[LINE3] = { ADDRESS("addressLine3"), 0 },
	[LINE4] = { ADDRESS("addressLine4"), 0 },
	[POSTCODE] = { ADDRESS("postcode"), 0 },
	[LATITUDE] = { ADDRESS("latitude"), 0 },
	[LONGITUDE] = { ADDRESS("longitude"), 0 },
	[LOCATION_LAT] = { "$.location.lat", 0 },
	[LOCATION_LON] = { "$.location.lon", 0 },
	[WAGE_TYPE] = { "$.wage.wageType", 0 },
	[WAGE_AMOUNT] = { "$.wage.wageAmount", 0 },
	[WAGE_LOW] = { "$.wage.wageAmountLowerBound", 0 },
	[WAGE_HIGH] = { "$.wage.wageAmountUpperBound", 0 },
	[WAGE_UNIT] = { "$.wage.wageUnit", 0 },
	[WAGE_TEXT] = { "$.wage.wageAdditionalInformation", 0 },
	[WORKING_WEEK] = { "$.wage.workingWeekDescription|$.workingWeekDescription", 0 },
	[HOURS] = { "$.hoursPerWeek", 0 },
	[DURATION] = { "$.expectedDuration", 0 },
	[POSITIONS] = { "$.numberOfPositions", 0 },
	[POSTED] = { "$.postedDate", 0 },
	[START] = { "$.startDate", 0 },
	[CLOSING] = { "$.closingDate", 0 },
	[PROVIDER] = { "$.providerName", 0 },
	[UKPRN] = { "$.ukprn", 0 },
	[NATIONAL] = { "$.isNationalVacancy", 0 },
	[DISABILITY_CONFIDENT] = { "$.isDisabilityConfident", 0 },
	[TRAINING] = { "$.trainingDescription", 0 },
	[SKILLS] = { "$.skills", 0 },
	[QUALIFICATION_LIST] = { "$.qualifications", 0 },
	[THINGS_TO_CONSIDER] = { "$.thingsToConsider", 0 },
	[URL] = { "$.vacancyUrl", 0 },
	QUAL(0), QUAL(1), QUAL(2), QUAL(3),
};

_Static_assert(sizeof(fav_vacancy_columns) / sizeof(fav_vacancy_columns[0]) ==
		       QUALIFICATION + QUALIFICATIONS * QUAL_FIELDS,
	       "FAV_VACANCY_COLUMNS: one field each, and one QUAL() per qualification read");

/* What apprenticeshipLevel says: the lowest level of each band. */
static const struct {
	const char *band;
	double level;
} bands[] = {
	{ "Foundation", 2 }, { "Intermediate", 2 }, { "Advanced", 3 }, { "Higher", 4 },
	{ "Degree", 6 },
};

static const char *const wage_units[] = { "weekly", "monthly", "annually", "unspecified" };

/* The row's scratch text, freed when the row is done. */
struct vacancy_text {
	char reference[24];
	char course_title[256];
	char postcode[9], posted[11], start[11], closing[11], ukprn[9];
	struct strbuf address, qualifications;
};

/* "VAC1000012345" or 1000012345: stored as VAC and the digits. */
static void get_reference(struct import_row *r, char out[24])
{
	const char *v = import_value(r, REFERENCE);
	size_t digits;

	out[0] = '\0';
	if (validate_blank(v)) {
		import_reject(r, REFERENCE, "is empty, but every vacancy has a reference");
		return;
	}
	while (*v == ' ')
		v++;
	if (strncasecmp(v, "VAC", 3) == 0)
		v += 3;
	digits = strspn(v, "0123456789");
	if (digits < 1 || digits > 15 || v[digits + strspn(v + digits, " ")] ||
	    strspn(v, "0") == digits) {
		import_reject(r, REFERENCE, "\"%.40s\" is not a vacancy reference (expected "
			      "something like VAC1000012345)", import_value(r, REFERENCE));
		return;
	}
	snprintf(out, 24, "VAC%.*s", (int)digits, v);
}

/* A wage in pounds (a JSON number, or text like "£18,000.00") as pence. */
static int get_pounds(struct import_row *r, int column, long long *pence)
{
	const char *v = import_value(r, column);
	char why[VALIDATE_WHY];
	double pounds;

	if (validate_blank(v))
		return 0;
	if (validate_money(v, pence, why) == STATUS_OK)
		return 1;
	if (validate_decimal(v, 0, 1e7, &pounds, why) == STATUS_OK) {
		*pence = (long long)(pounds * 100 + 0.5);
		return 1;
	}
	import_reject(r, column, "\"%.40s\" is not an amount of money in pounds (expected "
		      "something like 18000.00)", v);
	return -1;
}

/* Latitude and longitude as a pair, inside the UK; both 0 means none. */
static int get_point(struct import_row *r, int lat_column, int lon_column, double *lat,
		     double *lon)
{
	int has_lat = import_get_decimal(r, lat_column, -90, 90, lat);
	int has_lon = import_get_decimal(r, lon_column, -180, 180, lon);

	if (has_lat < 0 || has_lon < 0)
		return -1;
	if (has_lat != has_lon) {
		import_reject(r, has_lat ? lon_column : lat_column, "is missing, but the vacancy "
			      "gives a %s", has_lat ? "latitude" : "longitude");
		return -1;
	}
	if (!has_lat || (*lat == 0 && *lon == 0))
		return 0;
	if (*lat < 49 || *lat > 61 || *lon < -9 || *lon > 2) {
		import_reject(r, lat_column, "%.5f, %.5f is not in the UK (expected a latitude of "
			      "49 to 61 and a longitude of -9 to 2)", *lat, *lon);
		return -1;
	}
	return 1;
}

/*
 * "Software developer (level 4)": the title without the note (copied to
 * out) and the level; any other title is returned as it is.
 */
static const char *course_title(const char *title, char out[256], double *level)
{
	static const char note[] = " (level ";
	const char *at = strstr(title, note);
	size_t n;
	char digit;

	if (!at || strlen(at) != sizeof(note) + 1 || at[sizeof(note)] != ')')
		return title;
	digit = at[sizeof(note) - 1];
	n = (size_t)(at - title);
	if (digit < '1' || digit > '8' || n >= 256)
		return title;
	memcpy(out, title, n);
	out[n] = '\0';
	*level = digit - '0';
	return out;
}

/* apprenticeshipLevel: a band ("Advanced") or a level ("3"); 1 = level set. */
static int get_band(struct import_row *r, double *level)
{
	const char *v = import_text(r, APPRENTICESHIP_LEVEL);
	char why[VALIDATE_WHY];
	size_t i;

	if (!v)
		return 0;
	for (i = 0; i < sizeof(bands) / sizeof(bands[0]); i++) {
		if (strcasecmp(v, bands[i].band) == 0) {
			*level = bands[i].level;
			return 1;
		}
	}
	if (validate_level(v, level, why) == STATUS_OK)
		return *level >= 0;
	import_reject(r, APPRENTICESHIP_LEVEL, "\"%.40s\" is not an apprenticeship level "
		      "(expected Intermediate, Advanced, Higher or Degree)", v);
	return -1;
}

/* Level from course.level, else the course title's note, else the band. */
static void read_course(struct import_row *r, struct vacancy_rec *v, struct vacancy_text *t)
{
	double level = NAN, band = NAN, course_level;
	const char *title;

	if (import_get_int(r, LARS_CODE, 0, 999999, &v->lars_code) == 1 && v->lars_code == 0)
		v->lars_code = MODEL_NO_INT;
	if ((title = import_text(r, COURSE_TITLE)) != NULL)
		v->course_title = course_title(title, t->course_title, &level);
	if (import_get_level(r, COURSE_LEVEL, &course_level) == 1 && course_level >= 1)
		level = course_level;
	if (get_band(r, &band) == 1 && isnan(level))
		level = band;
	v->level = level;
	v->route = import_text(r, ROUTE);
}

/* Address lines joined; the last of two or more is the town. */
static void read_address(struct import_row *r, struct vacancy_rec *v, struct vacancy_text *t)
{
	const char *line;
	size_t last = 0;
	int column, lines = 0, point;

	for (column = LINE1; column <= LINE4; column++) {
		if (!(line = import_text(r, column)))
			continue;
		if (t->address.len)
			strbuf_puts(&t->address, ", ");
		last = t->address.len;
		strbuf_puts(&t->address, line);
		lines++;
	}
	if (lines)
		v->address = t->address.buf;
	if (lines >= 2)
		v->town = t->address.buf + last;
	if (import_get_postcode(r, POSTCODE, t->postcode) == 1)
		v->postcode = t->postcode;
	point = get_point(r, LATITUDE, LONGITUDE, &v->lat, &v->lon);
	if (point == 0)
		point = get_point(r, LOCATION_LAT, LOCATION_LON, &v->lat, &v->lon);
	if (point != 1)
		v->lat = v->lon = NAN;
}

static void read_wage(struct import_row *r, struct vacancy_rec *v)
{
	const char *unit;
	size_t i;

	v->wage_type = import_text(r, WAGE_TYPE);
	if (get_pounds(r, WAGE_AMOUNT, &v->wage_pence) != 1)
		v->wage_pence = MODEL_NO_INT;
	if (get_pounds(r, WAGE_LOW, &v->wage_low_pence) != 1)
		v->wage_low_pence = MODEL_NO_INT;
	if (get_pounds(r, WAGE_HIGH, &v->wage_high_pence) != 1)
		v->wage_high_pence = MODEL_NO_INT;
	if (v->wage_low_pence != MODEL_NO_INT && v->wage_high_pence != MODEL_NO_INT &&
	    v->wage_high_pence < v->wage_low_pence)
		import_reject(r, WAGE_HIGH, "%lld.%02lld is below the lower bound %lld.%02lld",
			      v->wage_high_pence / 100, v->wage_high_pence % 100,
			      v->wage_low_pence / 100, v->wage_low_pence % 100);
	if ((unit = import_text(r, WAGE_UNIT)) != NULL) {
		for (i = 0; i < sizeof(wage_units) / sizeof(wage_units[0]); i++)
			if (strcasecmp(unit, wage_units[i]) == 0)
				v->wage_unit = wage_units[i];
		if (!v->wage_unit)
			import_reject(r, WAGE_UNIT, "\"%.40s\" is not a wage unit (expected Weekly, "
				      "Monthly, Annually or Unspecified)", unit);
	}
	v->wage_text = import_text(r, WAGE_TEXT);
	v->working_week = import_text(r, WORKING_WEEK);
}

/* Posted, start and closing dates; closing before posting is impossible. */
static void read_dates(struct import_row *r, struct vacancy_rec *v, struct vacancy_text *t)
{
	if (import_get_date(r, POSTED, t->posted) == 1)
		v->posted_date = t->posted;
	if (import_get_date(r, START, t->start) == 1)
		v->start_date = t->start;
	if (import_get_date(r, CLOSING, t->closing) == 1)
		v->closing_date = t->closing;
	if (v->posted_date && v->closing_date && strcmp(v->closing_date, v->posted_date) < 0)
		import_reject(r, CLOSING, "the vacancy closes on %s, before it was posted on %s",
			      v->closing_date, v->posted_date);
}

/* "GCSE English grade 4 (Essential)", one per object, joined with '|'. */
static void read_qualifications(struct import_row *r, struct vacancy_rec *v,
				struct vacancy_text *t)
{
	const char *field[QUAL_FIELDS];
	int i, k;

	if ((v->qualifications = import_text(r, QUALIFICATION_LIST)) != NULL)
		return;
	for (i = 0; i < QUALIFICATIONS; i++) {
		for (k = 0; k < QUAL_FIELDS; k++)
			field[k] = import_text(r, QUALIFICATION + i * QUAL_FIELDS + k);
		if (!field[QUAL_TYPE] && !field[QUAL_SUBJECT])
			continue;
		if (t->qualifications.len)
			strbuf_putc(&t->qualifications, '|');
		strbuf_printf(&t->qualifications, "%s%s%s", field[QUAL_TYPE] ? field[QUAL_TYPE] : "",
			      field[QUAL_TYPE] && field[QUAL_SUBJECT] ? " " : "",
			      field[QUAL_SUBJECT] ? field[QUAL_SUBJECT] : "");
		if (field[QUAL_GRADE])
			strbuf_printf(&t->qualifications, " grade %s", field[QUAL_GRADE]);
		if (field[QUAL_WEIGHTING])
			strbuf_printf(&t->qualifications, " (%s)", field[QUAL_WEIGHTING]);
	}
	if (t->qualifications.len)
		v->qualifications = t->qualifications.buf;
}

static void read_provider(struct import_row *r, struct vacancy_rec *v, struct vacancy_text *t)
{
	const char *ukprn = import_value(r, UKPRN);

	v->provider_name = import_text(r, PROVIDER);
	/* 0 is how the API says "no provider yet". */
	if (strcmp(ukprn, "0") != 0 && import_get_code(r, UKPRN, RULE_UKPRN, t->ukprn,
						       sizeof(t->ukprn)) == 1)
		v->provider_ukprn = t->ukprn;
}

static void read_numbers(struct import_row *r, struct vacancy_rec *v)
{
	double hours;
	long long positions;

	if (import_get_decimal(r, HOURS, 0, 100, &hours) == 1 && hours > 0)
		v->hours_per_week = hours;
	if (import_get_int(r, POSITIONS, 0, 100000, &positions) == 1 && positions > 0)
		v->positions = positions;
	import_get_flag(r, NATIONAL, &v->is_national);
	import_get_flag(r, DISABILITY_CONFIDENT, &v->is_disability_confident);
}

enum status fav_vacancy_row(struct import_row *r)
{
	struct vacancy_rec v = VACANCY_REC_INIT;
	struct vacancy_text t;
	enum status rc;

	memset(&t, 0, sizeof(t));
	strbuf_init(&t.address);
	strbuf_init(&t.qualifications);
	get_reference(r, t.reference);
	v.reference = t.reference;
	v.title = import_required(r, TITLE);
	v.description = import_text(r, DESCRIPTION);
	v.employer = import_text(r, EMPLOYER);
	v.employer_website = import_text(r, EMPLOYER_WEBSITE);
	read_course(r, &v, &t);
	read_address(r, &v, &t);
	read_wage(r, &v);
	v.duration_text = import_text(r, DURATION);
	read_numbers(r, &v);
	read_dates(r, &v, &t);
	read_provider(r, &v, &t);
	v.training = import_text(r, TRAINING);
	v.skills = import_text(r, SKILLS);
	read_qualifications(r, &v, &t);
	v.things_to_consider = import_text(r, THINGS_TO_CONSIDER);
	v.url = import_text(r, URL);
	rc = import_emit(r, RECORD_VACANCY, &v);
	strbuf_done(&t.address);
	strbuf_done(&t.qualifications);
	return rc;
}
