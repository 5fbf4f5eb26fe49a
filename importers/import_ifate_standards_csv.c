/*
 * import_ifate_standards_csv.c - IfATE apprenticeship standards, "download CSV".
 *
 * The Institute for Apprenticeships' export: a title line ("Apprenticeship
 * Standards accurate as of 08 May 2018") above a header whose names have
 * a space after each comma; UTF-16LE or UTF-8; "TBC" in numeric columns;
 * dates dd-mm-yyyy, with 01-01-0001 for "none"; level and duration 0 for
 * "not yet known". The Trailblazer Contact column holds people's e-mail
 * addresses: it is not declared here, so it is never read.
 */
#include <string.h>

#include "importer.h"

enum {
	NAME, REFERENCE, STANDARD_APPROVED, PLAN_APPROVED, DELIVERY_DATE, ROUTE, LEVEL,
	INTEGRATED_DEGREE, MAX_FUNDING, DURATION, LARS_CODE, LINK,
};

static const struct import_column columns[] = {
	[NAME] = { "Name|Standard name|Title", COLUMN_REQUIRED },
	[REFERENCE] = { "Reference|Reference number|Standard reference", COLUMN_REQUIRED },
	[STANDARD_APPROVED] = { "Standard Approved", 0 },
	[PLAN_APPROVED] = { "Assessment Plan Approved", 0 },
	[DELIVERY_DATE] = { "Approved for Delivery Date|Approved for delivery", 0 },
	[ROUTE] = { "Route", COLUMN_REQUIRED },
	[LEVEL] = { "Level", COLUMN_REQUIRED },
	[INTEGRATED_DEGREE] = { "Integrated Degree", 0 },
	[MAX_FUNDING] = { "Maximum Funding*|Maximum funding band*", 0 },
	[DURATION] = { "Typical Duration*", 0 },
	[LARS_CODE] = { "LARS code*", 0 },
	[LINK] = { "Link|URL", 0 },
};

/* Notes the file appends to titles, and what they say about the standard. */
static const struct {
	const char *note, *status;
} title_notes[] = {
	{ " (decommissioned)", "withdrawn" },
	{ " (Closed for new starts)", "closed to new starters" },
};

static enum status begin(struct import_file *file)
{
	const char *title = import_file_title(file);
	const char *as_of = strstr(title, " as of ");
	char iso[11], why[VALIDATE_WHY], date[32];
	size_t n;

	if (!as_of)
		return STATUS_OK;
	as_of += strlen(" as of ");
	n = strcspn(as_of, ",\n");
	if (n >= sizeof(date))
		return STATUS_OK;
	memcpy(date, as_of, n);
	date[n] = '\0';
	if (validate_date(date, iso, why) == STATUS_OK)
		import_file_set_data_date(file, iso);
	return STATUS_OK;
}

static enum status row(struct import_row *r)
{
	struct standard_rec s = STANDARD_REC_INIT;
	char reference[8], version[8], delivery[11], title[256], why[VALIDATE_WHY];
	const char *name;
	size_t i;
	long long lars = 0, duration = 0, funding;
	double level;
	int approved = -1, has_delivery;
	const char *status = NULL;

	if (validate_blank(import_value(r, REFERENCE)))
		import_reject(r, REFERENCE, "is empty, but every standard has a reference");
	else if (validate_standard_ref(import_value(r, REFERENCE), reference, version, why) !=
		 STATUS_OK)
		import_reject(r, REFERENCE, "%s", why);
	name = import_required(r, NAME);
	s.route = import_text(r, ROUTE);
	if (import_get_level(r, LEVEL, &level) == 1 && level >= 1)
		s.level = level;
	has_delivery = import_get_date(r, DELIVERY_DATE, delivery) == 1;
	import_get_flag(r, STANDARD_APPROVED, &approved);
	if (import_get_money(r, MAX_FUNDING, &funding) == 1)
		s.max_funding_pence = funding;
	if (import_get_int(r, DURATION, 0, 120, &duration) == 1 && duration > 0)
		s.duration_months = duration;
	if (import_get_int(r, LARS_CODE, 0, 999999, &lars) == 1 && lars > 0)
		s.lars_code = lars;
	s.integrated_degree = import_text(r, INTEGRATED_DEGREE);
	s.url = import_text(r, LINK);
	if (import_rejected(r))
		return STATUS_OK;

	/* "Locksmith (decommissioned)": the title without the note; the note is the status. */
	for (i = 0; i < sizeof(title_notes) / sizeof(title_notes[0]); i++) {
		const char *note = strstr(name, title_notes[i].note);

		if (note && !note[strlen(title_notes[i].note)] &&
		    (size_t)(note - name) < sizeof(title)) {
			memcpy(title, name, (size_t)(note - name));
			title[note - name] = '\0';
			name = title;
			status = title_notes[i].status;
			break;
		}
	}
	s.reference = reference;
	s.version = version[0] ? version : NULL;
	s.title = name;
	s.approved_date = has_delivery ? delivery : NULL;
	s.status = status ? status : has_delivery ? "approved for delivery" :
		   approved == 1 ? "approved" : "in development";
	return import_emit(r, RECORD_STANDARD, &s);
}

const struct importer importer_ifate_standards_csv = {
	.name = "ifate-standards-csv",
	.title = "IfATE apprenticeship standards (CSV download)",
	.detection = "CSV whose header (after an optional title line) has Name, Reference, "
		     "Route and Level",
	.edition = "IfATE download CSV of May 2018 (an archive layout; no current CSV export)",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from the Institute for "
		       "Apprenticeships and Technical Education, licensed under the Open "
		       "Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 2,
	.begin = begin,
	.row = row,
};
