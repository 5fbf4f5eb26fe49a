/*
 * import_gias_csv.c - DfE Get Information about Schools (GIAS, once
 * EduBase) establishment downloads: edubasealldata<yyyymmdd>.csv and the
 * state-funded / academies subsets, which share the same header.
 *
 * About 140 columns whose set and order change between years, so every
 * column is found by name. Real downloads are Windows-1252, not UTF-8
 * (the driver converts). Each row is one establishment, open or closed;
 * coordinates are National Grid eastings/northings, converted to WGS84
 * here. The "links" download (URN, LinkURN, LinkName, ...) has no
 * EstablishmentName column, so it is never taken for this format.
 *
 * The head-teacher columns (HeadTitle, HeadFirstName, HeadLastName,
 * HeadPreferredJobTitle) name people: they are not declared here, so
 * they are never read.
 *
 * Decisions: a postcode that is present but malformed rejects the row,
 * like any other bad field; a blank one keeps the school without it. An
 * unrecognised EstablishmentStatus leaves is_open unknown.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "geo.h"
#include "importer.h"

enum {
	URN, UKPRN, NAME, TYPE, TYPE_GROUP, STATUS, PHASE, LOW_AGE, HIGH_AGE, SIXTH_FORM,
	LOCAL_AUTHORITY, STREET, LOCALITY, ADDRESS3, TOWN, POSTCODE, WEBSITE, PHONE, EASTING,
	NORTHING,
};

static const struct import_column columns[] = {
	[URN] = { "URN", COLUMN_REQUIRED },
	[UKPRN] = { "UKPRN", 0 },
	[NAME] = { "EstablishmentName", COLUMN_REQUIRED },
	[TYPE] = { "TypeOfEstablishment (name)", COLUMN_REQUIRED },
	[TYPE_GROUP] = { "EstablishmentTypeGroup (name)", 0 },
	[STATUS] = { "EstablishmentStatus (name)", COLUMN_REQUIRED },
	[PHASE] = { "PhaseOfEducation (name)", 0 },
	[LOW_AGE] = { "StatutoryLowAge", 0 },
	[HIGH_AGE] = { "StatutoryHighAge", 0 },
	[SIXTH_FORM] = { "OfficialSixthForm (code)", 0 },
	[LOCAL_AUTHORITY] = { "LA (name)", 0 },
	[STREET] = { "Street", 0 },
	[LOCALITY] = { "Locality", 0 },
	[ADDRESS3] = { "Address3", 0 },
	[TOWN] = { "Town", 0 },
	[POSTCODE] = { "Postcode", 0 },
	[WEBSITE] = { "SchoolWebsite", 0 },
	[PHONE] = { "TelephoneNum", 0 },
	[EASTING] = { "Easting", 0 },
	[NORTHING] = { "Northing", 0 },
};

/*
 * TypeOfEstablishment (name) -> provider kind, first match wins; `exact`
 * 0 means the name only has to contain the words. GIAS has written some
 * names more than one way ("Free Schools - 16-19", "Free schools 16 to
 * 19"). Pupil referral units, alternative provision and secure units
 * take young people placed there, not ones who apply; the other "other"
 * kinds are not places a learner in England can choose.
 */
static const struct {
	const char *words;
	int exact;
	const char *kind;
} type_kinds[] = {
	{ "Further education", 1, "college" },
	{ "Sixth form centres", 1, "sixth_form" },
	{ "Higher education institutions", 1, "university" },
	{ "secure", 0, "other" },	/* Secure units, Academy secure 16 to 19 */
	{ "special", 0, "special_school" },	/* ... special school, Academy special ... */
	{ "Pupil referral unit", 1, "other" },
	{ "alternative provision", 0, "other" },
	{ "16 to 19", 0, "sixth_form" },	/* Free schools 16 to 19, Academy 16 to 19 ... */
	{ "16-19", 0, "sixth_form" },	/* Academy 16-19 sponsor led */
	{ "overseas", 0, "other" },	/* British schools overseas */
	{ "Offshore schools", 1, "other" },
	{ "Service children", 0, "other" },	/* schools abroad for forces families */
	{ "Institution funded by other government department", 1, "other" },
	{ "Miscellaneous", 1, "other" },
	{ "Online provider", 1, "other" },
	{ "Legacy types", 1, "other" },
	{ "Children's centre", 0, "other" },
};

/* EstablishmentTypeGroup (name) -> kind, when the type said nothing. */
static const struct {
	const char *group, *kind;
} group_kinds[] = {
	{ "Colleges", "college" },
	{ "Universities", "university" },
	{ "Special schools", "special_school" },
	{ "Children's centres", "other" },
	{ "Online provider", "other" },
};

static const struct {
	const char *name;
	int is_open;
} statuses[] = {
	{ "Open", 1 },
	{ "Open, but proposed to close", 1 },
	{ "Closed", 0 },
	{ "Proposed to open", 0 },
};

/* Case-insensitive strstr for the short words above. */
static int contains(const char *s, const char *words)
{
	size_t n = strlen(words);

	for (; *s; s++)
		if (strncasecmp(s, words, n) == 0)
			return 1;
	return 0;
}

static const char *provider_kind(const char *type, const char *group, const char *phase)
{
	size_t i;

	for (i = 0; type && i < sizeof(type_kinds) / sizeof(type_kinds[0]); i++)
		if (type_kinds[i].exact ? strcasecmp(type, type_kinds[i].words) == 0
					: contains(type, type_kinds[i].words))
			return type_kinds[i].kind;
	for (i = 0; group && i < sizeof(group_kinds) / sizeof(group_kinds[0]); i++)
		if (strcasecmp(group, group_kinds[i].group) == 0)
			return group_kinds[i].kind;
	if (phase && strcasecmp(phase, "16 plus") == 0)
		return "sixth_form";
	return "school";
}

static int open_status(const char *status)
{
	size_t i;

	for (i = 0; status && i < sizeof(statuses) / sizeof(statuses[0]); i++)
		if (strcasecmp(status, statuses[i].name) == 0)
			return statuses[i].is_open;
	return -1;
}

/* "Not applicable" is GIAS's word for "no value" in its (name) columns. */
static const char *applicable(const char *text)
{
	return text && strcasecmp(text, "Not applicable") != 0 ? text : NULL;
}

/* Street, Locality and Address3, the blank ones left out. */
static const char *join_address(struct import_row *r, char *out, size_t outlen)
{
	static const int parts[] = { STREET, LOCALITY, ADDRESS3 };
	size_t i, n = 0;

	out[0] = '\0';
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const char *part = import_text(r, parts[i]);

		if (part && n + strlen(part) + 3 < outlen)
			n += (size_t)snprintf(out + n, outlen - n, "%s%s", n ? ", " : "", part);
	}
	return n ? out : NULL;
}

/* "www.school.sch.uk" -> "http://www.school.sch.uk"; addresses with a scheme are kept. */
static const char *web_address(const char *site, char *out, size_t outlen)
{
	if (!site || strstr(site, "://"))
		return site;
	if ((size_t)snprintf(out, outlen, "http://%s", site) >= outlen)
		return site;
	return out;
}

/*
 * The school's switchboard number. Some rows have lost the leading zero
 * to a spreadsheet ("1706645522"): ten digits not starting with 0 get it back.
 */
static const char *school_phone(const char *phone, char out[16])
{
	size_t i;

	if (!phone || strlen(phone) != 10 || phone[0] == '0')
		return phone;
	for (i = 0; i < 10; i++)
		if (!isdigit((unsigned char)phone[i]))
			return phone;
	out[0] = '0';
	memcpy(out + 1, phone, 11);
	return out;
}

/* OfficialSixthForm (code): 1 has one, 2 has not; 0 (not applicable) and 9 unknown. */
static int sixth_form(struct import_row *r)
{
	long long code;

	if (import_get_int(r, SIXTH_FORM, 0, 9, &code) != 1)
		return -1;
	return code == 1 ? 1 : code == 2 ? 0 : -1;
}

static void ages(struct import_row *r, struct provider_rec *p)
{
	long long low, high;

	if (import_get_int(r, LOW_AGE, 0, 99, &low) == 1)
		p->age_low = low;
	if (import_get_int(r, HIGH_AGE, 0, 99, &high) == 1)
		p->age_high = high;
	if (p->age_low != MODEL_NO_INT && p->age_high != MODEL_NO_INT && p->age_high < p->age_low)
		import_reject(r, HIGH_AGE, "%lld is below the low age %lld (expected low <= high)",
			      p->age_high, p->age_low);
}

/* Easting/Northing -> WGS84; blank or 0 in either means "not given". */
static void location(struct import_row *r, struct provider_rec *p)
{
	long long easting = 0, northing = 0;
	struct geo_point at;
	int has_e, has_n;

	has_e = import_get_int(r, EASTING, 0, 700000, &easting);
	has_n = import_get_int(r, NORTHING, 0, 1300000, &northing);
	if (has_e != 1 || has_n != 1 || easting == 0 || northing == 0)
		return;
	at = geo_from_grid((double)easting, (double)northing);
	p->lat = at.lat;
	p->lon = at.lon;
}

/* "edubasealldata20250422.csv": the data date is in the file name. */
static enum status begin(struct import_file *file)
{
	const char *path = import_file_path(file), *base = strrchr(path, '/'), *s;
	int y, m, d;

	for (s = base ? base + 1 : path; *s; s++) {
		size_t run = strspn(s, "0123456789");

		if (run != 8) {
			s += run ? run - 1 : 0;
			continue;
		}
		y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
		m = (s[4] - '0') * 10 + (s[5] - '0');
		d = (s[6] - '0') * 10 + (s[7] - '0');
		if (y >= 2000 && y < 2100 && validate_real_date(y, m, d)) {
			char iso[11] = "yyyy-mm-dd";

			memcpy(iso, s, 4);
			memcpy(iso + 5, s + 4, 2);
			memcpy(iso + 8, s + 6, 2);
			import_file_set_data_date(file, iso);
		}
		break;
	}
	return STATUS_OK;
}

static enum status row(struct import_row *r)
{
	struct provider_rec p = PROVIDER_REC_INIT;
	char urn[8], ukprn[9], postcode[9], address[768], website[512], phone[16];
	const char *type;
	int has_urn, has_ukprn, has_postcode;

	has_urn = import_get_code(r, URN, RULE_URN, urn, sizeof(urn));
	if (has_urn == 0)
		import_reject(r, URN, "is empty, but every establishment has a URN");
	has_ukprn = import_get_code(r, UKPRN, RULE_UKPRN, ukprn, sizeof(ukprn));
	p.name = import_required(r, NAME);
	type = import_text(r, TYPE);
	p.type_name = type;
	p.phase = applicable(import_text(r, PHASE));
	p.kind = provider_kind(type, import_text(r, TYPE_GROUP), p.phase);
	p.is_open = open_status(import_text(r, STATUS));
	p.has_sixth_form = sixth_form(r);
	ages(r, &p);
	p.local_authority = applicable(import_text(r, LOCAL_AUTHORITY));
	p.address = join_address(r, address, sizeof(address));
	p.town = import_text(r, TOWN);
	has_postcode = import_get_postcode(r, POSTCODE, postcode);
	p.website = web_address(import_text(r, WEBSITE), website, sizeof(website));
	p.phone = school_phone(import_text(r, PHONE), phone);
	location(r, &p);
	if (import_rejected(r))
		return STATUS_OK;

	p.urn = urn;
	p.ukprn = has_ukprn == 1 ? ukprn : NULL;
	p.postcode = has_postcode == 1 ? postcode : NULL;
	return import_emit(r, RECORD_PROVIDER, &p);
}

const struct importer importer_gias_csv = {
	.name = "gias-csv",
	.title = "Get Information about Schools establishments (GIAS/EduBase CSV)",
	.detection = "CSV whose header has URN, EstablishmentName, TypeOfEstablishment (name) "
		     "and EstablishmentStatus (name)",
	.edition = "edubasealldata, April 2025 and May 2026 column lists",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from the Department for Education's "
		       "Get Information about Schools, licensed under the Open Government Licence "
		       "v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.begin = begin,
	.row = row,
};
