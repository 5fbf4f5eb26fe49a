/*
 * import_onet_interests_csv.c - O*NET Interests (RIASEC), text or Excel export.
 *
 * The O*NET database's Interests file, either the official tab-separated
 * Interests.txt
 *
 *	O*NET-SOC Code, Element ID, Element Name, Scale ID, Data Value, Date, Domain Source
 *
 * or the Excel download saved as CSV, which adds Title and Scale Name.
 * Nine rows per occupation: scale OI gives the level (1-7) of each of the
 * six RIASEC interests, elements 1.B.1.a..f (Realistic .. Conventional);
 * scale IH gives the first, second and third interest high-points,
 * elements 1.B.1.g/h/i, as 1-6 (R..C) or 0 for none.
 *
 * Emitted as interest rows: scale OI with element R, I, A, S, E or C;
 * scale IH with element 1, 2 or 3. The element comes from Element ID,
 * or from Element Name when the file has no IDs.
 *
 * Other O*NET files (Skills, Abilities, ...) share these column names, so
 * detection also looks at the first data row: its scale must be OI or IH.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "importer.h"

enum { CODE, ELEMENT_ID, ELEMENT_NAME, SCALE_ID, DATA_VALUE };

static const struct import_column columns[] = {
	[CODE] = { "O*NET-SOC Code|ONET-SOC Code|O*NET SOC Code", COLUMN_REQUIRED },
	[ELEMENT_ID] = { "Element ID", 0 },
	[ELEMENT_NAME] = { "Element Name", 0 },
	[SCALE_ID] = { "Scale ID", COLUMN_REQUIRED },
	[DATA_VALUE] = { "Data Value", COLUMN_REQUIRED },
};

static const struct {
	const char *id, *name, *scale, *element;
} elements[] = {
	{ "1.B.1.a", "Realistic", "OI", "R" },
	{ "1.B.1.b", "Investigative", "OI", "I" },
	{ "1.B.1.c", "Artistic", "OI", "A" },
	{ "1.B.1.d", "Social", "OI", "S" },
	{ "1.B.1.e", "Enterprising", "OI", "E" },
	{ "1.B.1.f", "Conventional", "OI", "C" },
	{ "1.B.1.g", "First Interest High-Point", "IH", "1" },
	{ "1.B.1.h", "Second Interest High-Point", "IH", "2" },
	{ "1.B.1.i", "Third Interest High-Point", "IH", "3" },
};

#define ELEMENT_COUNT (sizeof(elements) / sizeof(elements[0]))

/* Header names compared as the driver does: case and spaces do not count. */
static int same_name(const char *a, const char *b)
{
	for (;;) {
		while (isspace((unsigned char)*a))
			a++;
		while (isspace((unsigned char)*b))
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return 0;
		a++, b++;
	}
}

/* Position of the header field `name` in probe record `record`, or -1. */
static long field_index(const struct import_probe *probe, size_t record, const char *name)
{
	size_t k, n = import_probe_fields(probe, record);

	for (k = 0; k < n; k++)
		if (same_name(import_probe_field(probe, record, k), name))
			return (long)k;
	return -1;
}

/*
 * The header has an element column, and the row under it is an interest:
 * scale OI or IH, element 1.B.1.* when there are IDs.
 */
static int detect(const struct import_probe *probe)
{
	size_t h;

	for (h = 0; h + 1 < import_probe_records(probe); h++) {
		long scale = field_index(probe, h, "Scale ID");
		long id = field_index(probe, h, "Element ID");
		long name = field_index(probe, h, "Element Name");
		const char *v, *e;

		if (scale < 0)
			continue;
		if (id < 0 && name < 0)
			return 0;
		v = import_probe_field(probe, h + 1, (size_t)scale);
		if (!v || (strcmp(v, "OI") != 0 && strcmp(v, "IH") != 0))
			return 0;
		e = id >= 0 ? import_probe_field(probe, h + 1, (size_t)id) : NULL;
		return id < 0 || (e && strncmp(e, "1.B.1.", 6) == 0);
	}
	return 0;
}

/* The element this row is about, from its ID or name; -1 (reported) if none. */
static int element_of(struct import_row *r)
{
	const char *id = import_text(r, ELEMENT_ID);
	const char *name = import_text(r, ELEMENT_NAME);
	size_t i;

	if (!id && !name) {
		import_reject(r, import_has_column(r, ELEMENT_ID) ? ELEMENT_ID : ELEMENT_NAME,
			      "is empty, but every interest row names its element");
		return -1;
	}
	for (i = 0; i < ELEMENT_COUNT; i++)
		if (id ? strcmp(id, elements[i].id) == 0 : strcasecmp(name, elements[i].name) == 0)
			break;
	if (i == ELEMENT_COUNT) {
		if (id)
			import_reject(r, ELEMENT_ID, "\"%.40s\" is not an interest element "
				      "(expected 1.B.1.a to 1.B.1.i)", id);
		else
			import_reject(r, ELEMENT_NAME, "\"%.40s\" is not an interest element "
				      "(expected Realistic, Investigative, Artistic, Social, "
				      "Enterprising, Conventional or First/Second/Third Interest "
				      "High-Point)", name);
		return -1;
	}
	if (id && name && strcasecmp(name, elements[i].name) != 0) {
		import_reject(r, ELEMENT_NAME, "\"%.40s\" does not match Element ID %s (%s)", name,
			      id, elements[i].name);
		return -1;
	}
	return (int)i;
}

static enum status row(struct import_row *r)
{
	struct onet_interest_rec rec;
	char code[16];
	const char *scale;
	double value = 0;
	int element, got;

	if (import_get_code(r, CODE, RULE_ONET_SOC, code, sizeof(code)) == 0)
		import_reject(r, CODE, "is empty, but every row needs an O*NET-SOC code");
	element = element_of(r);
	scale = import_required(r, SCALE_ID);
	if (scale && strcmp(scale, "OI") != 0 && strcmp(scale, "IH") != 0) {
		import_reject(r, SCALE_ID, "\"%.40s\" is not an interest scale (expected OI or IH)",
			      scale);
		scale = NULL;
	}
	if (scale && element >= 0 && strcmp(scale, elements[element].scale) != 0) {
		import_reject(r, SCALE_ID, "%s does not go with element %s (%s is on scale %s)",
			      scale, elements[element].id, elements[element].name,
			      elements[element].scale);
		scale = NULL;
	}
	if (!scale)
		got = import_get_decimal(r, DATA_VALUE, 0, 7, &value);
	else if (strcmp(scale, "OI") == 0)
		got = import_get_decimal(r, DATA_VALUE, 1, 7, &value);
	else
		got = import_get_decimal(r, DATA_VALUE, 0, 6, &value);
	if (got == 0)
		import_reject(r, DATA_VALUE, "is empty, but every interest row needs a value");
	else if (got == 1 && scale && strcmp(scale, "IH") == 0 && value != floor(value))
		import_reject(r, DATA_VALUE, "%g is not a high-point (expected a whole number, 1-6 "
			      "for R..C or 0 for none)", value);
	if (import_rejected(r))
		return STATUS_OK;
	rec.code = code;
	rec.scale = scale;
	rec.element = elements[element].element;
	rec.value = value;
	return import_emit(r, RECORD_ONET_INTEREST, &rec);
}

const struct importer importer_onet_interests_csv = {
	.name = "onet-interests-csv",
	.title = "O*NET Interests (RIASEC; Interests.txt or the Excel export as CSV)",
	.detection = "CSV or tab-separated file whose header has O*NET-SOC Code, Scale ID, "
		     "Data Value and Element ID or Element Name, and whose first row is on "
		     "scale OI or IH",
	.edition = "O*NET 30.1 text database (December 2025)",
	.licence = "Creative Commons Attribution 4.0 International (CC BY 4.0)",
	.attribution = "This product includes information from the O*NET Database by the U.S. "
		       "Department of Labor, Employment and Training Administration (USDOL/ETA). "
		       "Used under the CC BY 4.0 license. O*NET is a trademark of USDOL/ETA.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 1,
	.detect = detect,
	.row = row,
};
