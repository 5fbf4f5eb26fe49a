/*
 * import_lars_level_csv.c - LARS notional NVQ levels, NotionalNVQLevelv2.csv.
 *
 * The level scale that LARS uses for learning aims and standards: "1",
 * "1.5" (level 1/2), ... "8", and the letters E (entry), H (higher), M
 * (mixed) and X (not applicable / not known). Each row becomes CODE
 * list=level with the code as published and the Desc column as its name.
 *
 * The older NotionalNVQLevel.csv (v1: "Level 4 (original)") has columns
 * named NotionalNVQLevel, NotionalNVQLevelDesc; names are matched whole,
 * so it is not this format.
 */
#include <ctype.h>
#include <string.h>

#include "importer.h"

enum {
	CODE, NAME,
};

static const struct import_column columns[] = {
	[CODE] = { "NotionalNVQLevelV2", COLUMN_REQUIRED },
	[NAME] = { "NotionalNVQLevelV2Desc", COLUMN_REQUIRED },
};

/* The code upper-cased into out; 0 if it is not as LARS writes levels. */
static int short_form(const char *text, char out[4])
{
	size_t i, n = strlen(text);

	if (n >= 4)
		return 0;
	for (i = 0; i <= n; i++)
		out[i] = (char)toupper((unsigned char)text[i]);
	if (n == 1)
		return (out[0] >= '0' && out[0] <= '8') || strchr("EHMX", out[0]) != NULL;
	return n == 3 && out[0] >= '0' && out[0] <= '7' && out[1] == '.' && out[2] == '5';
}

static enum status row(struct import_row *r)
{
	struct code_rec c = { "level", NULL, NULL, NULL };
	const char *text = import_text(r, CODE);
	char code[4];
	double level;

	if (!text && !import_rejected(r))
		import_reject(r, CODE, "is empty, but every row needs a level code");
	else if (text && import_get_level(r, CODE, &level) == 1) {
		if (short_form(text, code))
			c.code = code;
		else
			import_reject(r, CODE, "\"%.40s\" is a level, but not as LARS writes it "
				      "(expected 1, 1.5, E, H, M or X)", text);
	}
	c.name = import_required(r, NAME);
	return import_emit(r, RECORD_CODE, &c);
}

const struct importer importer_lars_level_csv = {
	.name = "lars-level-csv",
	.title = "LARS notional NVQ levels (NotionalNVQLevelv2.csv)",
	.detection = "CSV whose header has NotionalNVQLevelV2 and NotionalNVQLevelV2Desc",
	.edition = "LARS CSV download, schema 7 (August 2020); same files in 2026",
	.licence = "Open Government Licence v3.0",
	.attribution = "Contains public sector information from the Education and Skills "
		       "Funding Agency (Learning Aim Reference Service), licensed under the "
		       "Open Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.row = row,
};
