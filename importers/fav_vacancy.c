/*
 * fav_vacancy.c - one Find an apprenticeship vacancy (Display Advert API
 * v2), read and checked: shared by the list format (GET /vacancy,
 * import_fav_vacancies_json.c) and the single advert (GET
 * /vacancy/{reference}, import_fav_vacancy_json.c).
 *
 * Dates are ISO date-times (kept as dates); wage amounts are numbers in
 * pounds; enums (wageType, wageUnit) are strings. A vacancy of the v1
 * shape has one `address`; a v2 vacancy has `addresses`, up to 10 for an
 * advert offered at several sites: every one is kept, so a learner's
 * distance is to the nearest (a Leeds and Doncaster advert is near
 * Doncaster). With details it has the long texts: trainingDescription,
 * skills[], qualifications[], thingsToConsider. qualifications may be
 * plain strings or objects {qualificationType, subject, grade,
 * weighting}; the first QUALIFICATIONS objects are read.
 *
 * References: Find an apprenticeship's own (1000012345, VAC1000012345) are
 * stored as VAC and the digits; with AdditionalDataSources the API also
 * returns NHS Jobs adverts ("C9824-26-0895", kept as written) and Civil
 * Service Jobs adverts (a shorter number, 483417, stored as CSJ483417).
 * Those extras carry no course (larsCode 0) and their vacancyUrl is the
 * service's home page: the advert's real link is applicationUrl, which is
 * the link whenever it is given.
 *
 * Pay: wageAmount when given; real v2 adverts leave it empty and say it
 * in wageAdditionalInformation ("£20,400 a year", "£7.55 an hour",
 * "£24,071 to £25,674 a year"), which is read (wage_text.h); "National
 * Minimum Wage for apprentices" (or wageType ApprenticeshipMinimum with no
 * figure) is the apprentice rate in force when the vacancy starts (else
 * when it was posted), and the text says which rate and from when.
 * course.type Foundation marks a foundation apprenticeship (Level 2, 16-21).
 *
 * The employer contact (employerContactName, employerContactPhone,
 * employerContactEmail) is a person's details: those fields are not
 * declared here, so they are never read.
 */
#include "fav_vacancy.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "wage_text.h"

#define QUALIFICATIONS 4	/* qualification objects read per vacancy */

enum {
	REFERENCE, TITLE, DESCRIPTION, EMPLOYER, EMPLOYER_WEBSITE,
	LARS_CODE, COURSE_TITLE, COURSE_LEVEL, ROUTE, APPRENTICESHIP_LEVEL,
	LINE1, LINE2, LINE3, LINE4, POSTCODE, LATITUDE, LONGITUDE, LOCATION_LAT, LOCATION_LON,
	WAGE_TYPE, WAGE_AMOUNT, WAGE_LOW, WAGE_HIGH, WAGE_UNIT, WAGE_TEXT, WORKING_WEEK,
	HOURS, DURATION, POSITIONS, POSTED, START, CLOSING,
	PROVIDER, UKPRN, NATIONAL, DISABILITY_CONFIDENT,
	TRAINING, SKILLS, QUALIFICATION_LIST, THINGS_TO_CONSIDER, URL, APPLICATION_URL, COURSE_TYPE,
	QUALIFICATION,	/* then QUALIFICATIONS groups of the four below */
	PLACE = QUALIFICATION + 4 * 4,	/* then the 9 other addresses, PLACE_FIELDS each */
};

enum { PLACE_TOWN, PLACE_POSTCODE, PLACE_LAT, PLACE_LON, PLACE_FIELDS };

enum { QUAL_TYPE, QUAL_SUBJECT, QUAL_GRADE, QUAL_WEIGHTING, QUAL_FIELDS };

#define ADDRESS(field) "$.address." field "|$.addresses[0]." field
/* addresses[i]: the last address line given is the town. */
#define PLACE_AT(i) \
	{ "$.addresses[" #i "].addressLine4|$.addresses[" #i "].addressLine3|" \
	  "$.addresses[" #i "].addressLine2", 0 }, \
	{ "$.addresses[" #i "].postcode", 0 }, \
	{ "$.addresses[" #i "].latitude", 0 }, \
	{ "$.addresses[" #i "].longitude", 0 }
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
	[APPLICATION_URL] = { "$.applicationUrl", 0 },
	[COURSE_TYPE] = { "$.course.type", 0 },
	QUAL(0), QUAL(1), QUAL(2), QUAL(3),
	PLACE_AT(1), PLACE_AT(2), PLACE_AT(3), PLACE_AT(4), PLACE_AT(5), PLACE_AT(6), PLACE_AT(7),
	PLACE_AT(8), PLACE_AT(9),
};

_Static_assert(QUALIFICATIONS == 4, "PLACE follows four QUAL() groups");
_Static_assert(sizeof(fav_vacancy_columns) / sizeof(fav_vacancy_columns[0]) ==
		       PLACE + (VACANCY_MAX_PLACES - 1) * PLACE_FIELDS,
	       "FAV_VACANCY_COLUMNS: one field each, one QUAL() per qualification read and "
	       "one PLACE_AT() per further address");

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
	struct strbuf address, qualifications, wage;
	struct vacancy_place places[VACANCY_MAX_PLACES];
	char place_postcodes[VACANCY_MAX_PLACES][9];
};

/* An NHS Jobs reference: a letter, then digits in groups joined by '-' ("C9824-26-0895"). */
static int nhs_reference(const char *v)
{
	size_t n = strlen(v), i;

	if (n < 6 || n > 20 || !isupper((unsigned char)v[0]) || !isdigit((unsigned char)v[1]))
		return 0;
	for (i = 1; i < n; i++)
		if (!isdigit((unsigned char)v[i]) && !(v[i] == '-' && isdigit((unsigned char)v[i - 1])))
			return 0;
	return isdigit((unsigned char)v[n - 1]);
}

/*
 * "VAC1000012345" or 1000012345: VAC and the digits; a shorter number (a
 * Civil Service Jobs advert) CSJ and the digits; an NHS Jobs reference as
 * it is.
 */
static void get_reference(struct import_row *r, char out[24])
{
	const char *v = import_text(r, REFERENCE);
	size_t digits;
	int vac = 0;

	out[0] = '\0';
	if (!v) {
		import_reject(r, REFERENCE, "is empty, but every vacancy has a reference");
		return;
	}
	if (nhs_reference(v)) {
		snprintf(out, 24, "%s", v);
		return;
	}
	if (strncasecmp(v, "VAC", 3) == 0) {
		v += 3;
		vac = 1;
	}
	digits = strspn(v, "0123456789");
	if (digits < 1 || digits > 15 || v[digits] || strspn(v, "0") == digits) {
		import_reject(r, REFERENCE, "\"%.40s\" is not a vacancy reference (expected "
			      "something like VAC1000012345, or C9824-26-0895 for NHS Jobs)",
			      import_value(r, REFERENCE));
		return;
	}
	snprintf(out, 24, "%s%.*s", vac || digits >= 10 ? "VAC" : "CSJ", (int)digits, v);
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

/*
 * The advert's other addresses (addresses[1] on): each with its town,
 * postcode and place. The first address is the vacancy's own; the list
 * is kept only when there is more than one.
 */
static void read_places(struct import_row *r, struct vacancy_rec *v, struct vacancy_text *t)
{
	int k, n = 0;

	for (k = 1; k < VACANCY_MAX_PLACES; k++) {
		int at = PLACE + (k - 1) * PLACE_FIELDS;
		struct vacancy_place *p = &t->places[n + 1];
		const char *town = import_text(r, at + PLACE_TOWN);
		int has_postcode = import_get_postcode(r, at + PLACE_POSTCODE,
						       t->place_postcodes[n + 1]) == 1;

		p->lat = p->lon = NAN;
		if (get_point(r, at + PLACE_LAT, at + PLACE_LON, &p->lat, &p->lon) != 1)
			p->lat = p->lon = NAN;
		if (!town && !has_postcode && isnan(p->lat))
			continue;
		p->address = town;
		p->town = town;
		p->postcode = has_postcode ? t->place_postcodes[n + 1] : NULL;
		n++;
	}
	if (!n)
		return;
	t->places[0].address = v->address;
	t->places[0].town = v->town;
	t->places[0].postcode = v->postcode;
	t->places[0].lat = v->lat;
	t->places[0].lon = v->lon;
	v->places = t->places;
	v->place_count = n + 1;
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
	read_places(r, v, t);
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

static const char *month_name(int month)
{
	static const char *const names[] = { "January", "February", "March", "April", "May",
		"June", "July", "August", "September", "October", "November", "December" };

	return month >= 1 && month <= 12 ? names[month - 1] : "?";
}

/*
 * With no wageAmount, the pay its words give; failing that, for a
 * minimum-wage advert, the minimum rate in force when it starts.
 */
static void wage_from_words(struct vacancy_rec *v, struct vacancy_text *t)
{
	struct wage_words w;
	long long pence;
	char from[11];
	const char *rate = NULL;

	if (v->wage_pence != MODEL_NO_INT || v->wage_low_pence != MODEL_NO_INT)
		return;
	if (wage_text_read(v->wage_text, &w) && !w.minimum) {
		v->wage_pence = w.pence;
		v->wage_unit = w.unit;
		if (w.low_pence != MODEL_NO_INT) {
			v->wage_low_pence = w.low_pence;
			v->wage_high_pence = w.high_pence;
		}
		return;
	}
	if (w.minimum)
		rate = w.minimum;
	else if (v->wage_type && strcasecmp(v->wage_type, "ApprenticeshipMinimum") == 0)
		rate = "apprentice";
	else if (v->wage_type && strcasecmp(v->wage_type, "NationalMinimum") == 0)
		rate = "under_18";
	if (!rate || !wage_text_minimum(rate, v->start_date ? v->start_date : v->posted_date,
					&pence, from))
		return;
	v->wage_pence = pence;
	v->wage_unit = "hourly";
	strbuf_printf(&t->wage, "%s%s%s \xc2\xa3%lld.%02lld an hour from %d %s %.4s", v->wage_text ?
		      v->wage_text : "", v->wage_text ? ": " : "",
		      strcmp(rate, "apprentice") == 0 ? "the apprentice rate," :
		      "the rate for 16 and 17 year olds,", pence / 100, pence % 100, atoi(from + 8),
		      month_name(atoi(from + 5)), from);
	v->wage_text = t->wage.buf;
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
	const char *course_type;
	enum status rc;

	memset(&t, 0, sizeof(t));
	strbuf_init(&t.address);
	strbuf_init(&t.qualifications);
	strbuf_init(&t.wage);
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
	/* The advert's own link; for NHS and Civil Service adverts vacancyUrl is only the home page. */
	v.url = import_text(r, APPLICATION_URL);
	if (!v.url)
		v.url = import_text(r, URL);
	wage_from_words(&v, &t);
	if ((course_type = import_text(r, COURSE_TYPE)) && strcasecmp(course_type, "Foundation") == 0) {
		v.course_type = "foundation";
		if (isnan(v.level))
			v.level = 2;
	}
	rc = import_emit(r, RECORD_VACANCY, &v);
	strbuf_done(&t.address);
	strbuf_done(&t.qualifications);
	strbuf_done(&t.wage);
	return rc;
}
