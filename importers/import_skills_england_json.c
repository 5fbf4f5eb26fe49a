/*
 * import_skills_england_json.c - Skills England apprenticeship standards API.
 *
 * GET /api/apprenticeshipstandards answers with a JSON array holding every
 * version of every standard (the successor of the IfATE API, same
 * fields; about 2,030 records). Each record becomes one STANDARD keyed by
 * its ST reference and LARS code, carrying its version and that version's
 * dates (earliestStartDate, latestStartDate, latestEndDate): the store
 * keeps every version as history and shows the one open for new starts
 * (the newest approved for delivery), so a retired version's last start
 * date never hides a standard that has a newer version.
 *
 * Foundation apprenticeships come from their own endpoint in the same
 * shape (das-courses-api FoundationApprenticeship.cs), with FA references
 * (FA0002) and foundationApprenticeshipUrl: they are read here too, as
 * kind "foundation" - Level 2 programmes for 16 to 21 year olds.
 *
 * What the fields hold: larsCode, level, typicalDuration (months) and
 * maxFunding (whole pounds) are numbers, 0 meaning "not set yet"; dates
 * are ISO date-times; keywords is an array; typicalJobTitles an array or
 * a '|'-separated string; status is "Approved for delivery" (or the enum
 * spelling "ApprovedForDelivery"), "Retired", "Withdrawn", "In development",
 * "Proposal in development" (only "approved for delivery" can be started).
 *
 * The record also names the trailblazer's main contact (tbMainContact)
 * and the assessment body's contact (eQAProvider.contactName, contactEmail,
 * contactAddress): people's details, so those fields are not declared
 * here and never read.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "encoding.h"
#include "importer.h"
#include "mem.h"

enum {
	REFERENCE, TITLE, LARS_CODE, VERSION, LEVEL, ROUTE, DURATION, STATUS, KEYWORDS,
	JOB_TITLES, OVERVIEW, INTEGRATED_DEGREE, MAX_FUNDING, APPROVED, LATEST_START, URL,
	EARLIEST_START, LATEST_END,
};

static const struct import_column columns[] = {
	[REFERENCE] = { "$.referenceNumber", COLUMN_REQUIRED },
	[TITLE] = { "$.title", COLUMN_REQUIRED },
	[LARS_CODE] = { "$.larsCode", 0 },
	[VERSION] = { "$.version|$.versionNumber", 0 },
	[LEVEL] = { "$.level", 0 },
	[ROUTE] = { "$.route", 0 },
	[DURATION] = { "$.typicalDuration", 0 },
	[STATUS] = { "$.status", 0 },
	[KEYWORDS] = { "$.keywords", 0 },
	[JOB_TITLES] = { "$.typicalJobTitles", 0 },
	[OVERVIEW] = { "$.overviewOfRole", 0 },
	[INTEGRATED_DEGREE] = { "$.integratedDegree", 0 },
	[MAX_FUNDING] = { "$.maxFunding", 0 },
	[APPROVED] = { "$.approvedForDelivery", 0 },
	[LATEST_START] = { "$.latestStartDate", 0 },
	[URL] = { "$.standardPageUrl|$.foundationApprenticeshipUrl", 0 },
	[EARLIEST_START] = { "$.earliestStartDate", 0 },
	[LATEST_END] = { "$.latestEndDate", 0 },
};

/* Only documents whose first record has a real ST reference. */
static int detect(const struct import_probe *probe)
{
	char reference[7], version[8], why[VALIDATE_WHY];

	return validate_standard_ref(import_probe_value(probe, REFERENCE), reference, version,
				     why) == STATUS_OK;
}

/*
 * "ApprovedForDelivery" and "Approved for delivery" both become
 * "approved for delivery", the store's wording.
 */
static void status_words(const char *status, char *out, size_t outlen)
{
	size_t n = 0, i;

	for (i = 0; status[i] && n + 2 < outlen; i++) {
		unsigned char c = (unsigned char)status[i];

		if (isupper(c) && i > 0 && islower((unsigned char)status[i - 1]))
			out[n++] = ' ';
		out[n++] = (char)tolower(c);
	}
	out[n] = '\0';
	/* Cut to fit, perhaps inside a character. */
	utf8_mend(out);
}

/* A '|'-separated list with each item trimmed and blanks dropped. */
static void tidy_list(const char *list, struct strbuf *out)
{
	while (*list) {
		size_t n = strcspn(list, "|"), start = 0;

		while (start < n && isspace((unsigned char)list[start]))
			start++;
		while (n > start && isspace((unsigned char)list[n - 1]))
			n--;
		if (n > start) {
			if (out->len)
				strbuf_putc(out, '|');
			strbuf_add(out, list + start, n - start);
		}
		list += strcspn(list, "|");
		if (*list == '|')
			list++;
	}
}

/* A number where 0 means "not set yet" (a bad one rejects the row). */
static void get_count(struct import_row *r, int column, long long max, long long *out)
{
	long long v;

	if (import_get_int(r, column, 0, max, &v) == 1 && v > 0)
		*out = v;
}

/* approvedForDelivery: a date-time; a yes/no (older feeds) carries no date. */
static int get_approved(struct import_row *r, char iso[11])
{
	const char *v = import_value(r, APPROVED);
	char why[VALIDATE_WHY];
	int flag;

	if (validate_blank(v) || validate_flag(v, &flag, why) == STATUS_OK)
		return 0;
	return import_get_date(r, APPROVED, iso);
}

static void read_reference(struct import_row *r, char reference[7], char version[8])
{
	char why[VALIDATE_WHY];

	reference[0] = version[0] = '\0';
	if (validate_blank(import_value(r, REFERENCE)))
		import_reject(r, REFERENCE, "is empty, but every standard has a reference");
	else if (validate_standard_ref(import_value(r, REFERENCE), reference, version, why) !=
		 STATUS_OK)
		import_reject(r, REFERENCE, "%s", why);
}

static enum status row(struct import_row *r)
{
	struct standard_rec s = STANDARD_REC_INIT;
	char reference[7], ref_version[8], status[64], approved[11], latest_start[11];
	char earliest[11], latest_end[11];
	struct strbuf job_titles;
	const char *text;
	long long funding;
	double level;
	enum status rc;

	strbuf_init(&job_titles);
	read_reference(r, reference, ref_version);
	s.reference = reference;
	s.title = import_required(r, TITLE);
	get_count(r, LARS_CODE, 999999, &s.lars_code);
	s.version = import_text(r, VERSION);
	if (!s.version && ref_version[0])
		s.version = ref_version;
	if (import_get_level(r, LEVEL, &level) == 1 && level >= 1)
		s.level = level;
	s.route = import_text(r, ROUTE);
	get_count(r, DURATION, 120, &s.duration_months);
	if ((text = import_text(r, STATUS)) != NULL) {
		status_words(text, status, sizeof(status));
		s.status = status;
	}
	s.keywords = import_text(r, KEYWORDS);
	if ((text = import_text(r, JOB_TITLES)) != NULL) {
		tidy_list(text, &job_titles);
		s.job_titles = job_titles.len ? job_titles.buf : NULL;
	}
	s.overview = import_text(r, OVERVIEW);
	s.integrated_degree = import_text(r, INTEGRATED_DEGREE);
	if (import_get_money(r, MAX_FUNDING, &funding) == 1 && funding > 0)
		s.max_funding_pence = funding;
	if (get_approved(r, approved) == 1)
		s.approved_date = approved;
	if (import_get_date(r, LATEST_START, latest_start) == 1)
		s.last_start_date = latest_start;
	if (import_get_date(r, EARLIEST_START, earliest) == 1)
		s.earliest_start = earliest;
	if (import_get_date(r, LATEST_END, latest_end) == 1)
		s.latest_end = latest_end;
	s.url = import_text(r, URL);
	s.kind = strncmp(reference, "FA", 2) == 0 ? "foundation" : "standard";
	rc = import_emit(r, RECORD_STANDARD, &s);
	strbuf_done(&job_titles);
	return rc;
}

const struct importer importer_skills_england_json = {
	.name = "skills-england-json",
	.title = "Skills England apprenticeship standards and foundation apprenticeships (API JSON)",
	.detection = "JSON array whose first record has referenceNumber (an ST or FA reference) "
		     "and title",
	.edition = "Skills England API, October 2026: every version; foundation apprenticeships",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from Skills England, licensed under "
		       "the Open Government Licence v3.0.",
	.shape = IMPORT_JSON,
	.columns = COLUMNS(columns),
	.records = "$",
	.detect = detect,
	.row = row,
};
