/*
 * import_lmi_predict_json.c - LMI for All Working Futures (wf/predict, wf/replacement_demand).
 *
 * Two answers of the Working Futures projections, one object each (a list
 * of such objects is read too):
 *
 *	wf/predict: {"soc": 5314, "breakdown": "...", "note": "...",
 *	  "predictedEmployment": [{"year": 2014, "employment": 140112,
 *	                           "breakdown": [{code, name, note, employment}]}, ...]}
 *	wf/replacement_demand: {"soc": 5314, "start_year": 2014,
 *	  "end_year": 2024, "rate": 0.41}
 *
 * A prediction gives one "employment" figure per year (the total; the
 * breakdowns are not read); a replacement demand gives one
 * "replacement_rate" figure, dated by its end year. No real responses
 * were available: the field names come from the publisher's field list.
 * The codes are SOC 2010: the figures are kept apart from SOC 2020 ones
 * (see schema.sql soc2010_figure). LMI for All has closed.
 *
 * Design note. One importer reads both answers, so its records are the
 * whole objects ("$"): records at "$.predictedEmployment" would find
 * nothing in a replacement demand. The yearly list therefore sits inside
 * the record; the row takes the record as JSON text (field "$") and walks
 * predictedEmployment with the JSON reader. A bad year rejects the whole
 * prediction, so a series is never stored with holes in it.
 */
#include <stdlib.h>
#include <string.h>

#include "importer.h"
#include "json_reader.h"
#include "mem.h"

enum { SOC, RECORD, PREDICTED, FIRST_YEAR, START_YEAR, END_YEAR, RATE };

static const struct import_column columns[] = {
	[SOC] = { "$.soc", COLUMN_REQUIRED },
	[RECORD] = { "$", 0 },
	[PREDICTED] = { "$.predictedEmployment", 0 },
	[FIRST_YEAR] = { "$.predictedEmployment[0].year", 0 },
	[START_YEAR] = { "$.start_year", 0 },
	[END_YEAR] = { "$.end_year", 0 },
	[RATE] = { "$.rate", 0 },
};

struct year_figure {
	long long year;
	double employment;
};

/* A prediction's yearly list, or both fields of a replacement demand. */
static int detect(const struct import_probe *probe)
{
	return import_probe_value(probe, FIRST_YEAR)[0] ||
	       (import_probe_value(probe, END_YEAR)[0] && import_probe_value(probe, RATE)[0]);
}

/* Check entry `index` of predictedEmployment into *out; 0 (reported) if bad. */
static int year_entry(struct import_row *r, unsigned long index, const char *year,
		      const char *employment, struct year_figure *out)
{
	char why[VALIDATE_WHY];
	int ok = 1;

	if (validate_blank(year)) {
		import_reject(r, PREDICTED, "[%lu]: has no year", index);
		ok = 0;
	} else if (validate_integer(year, 1990, 2100, &out->year, why) != STATUS_OK) {
		import_reject(r, PREDICTED, "[%lu].year: %s", index, why);
		ok = 0;
	}
	if (validate_blank(employment)) {
		import_reject(r, PREDICTED, "[%lu]: has no employment total", index);
		ok = 0;
	} else if (validate_decimal(employment, 0, 1e9, &out->employment, why) != STATUS_OK) {
		import_reject(r, PREDICTED, "[%lu].employment: %s", index, why);
		ok = 0;
	}
	return ok;
}

/* Emit one employment figure per year of the list, or none if any is bad. */
static enum status predictions(struct import_row *r, struct json_doc *doc, const char *soc)
{
	static const char *const paths[] = { "$.year", "$.employment" };
	static const int root[] = { 0, 0 };
	struct json_cursor *cursor;
	struct year_figure *years = NULL;
	const char *const *values;
	unsigned long index, line, count = 0;
	struct soc2010_figure_rec f;
	enum status rc = STATUS_OK;
	char err[128];

	if (json_cursor_open(doc, "$.predictedEmployment", paths, root, 2, &cursor, err,
			     sizeof(err)) != STATUS_OK) {
		import_reject(r, PREDICTED, "%s", err);
		return STATUS_OK;
	}
	while (json_cursor_next(cursor, &values, &index, &line) == STATUS_OK) {
		years = xrealloc(years, (count + 1) * sizeof(*years));
		if (year_entry(r, index, values[0], values[1], &years[count]))
			count++;
	}
	json_cursor_free(cursor);
	if (!count && !import_rejected(r))
		import_reject(r, PREDICTED, "is an empty list, but a prediction needs its years");
	f.soc = soc;
	f.measure = "employment";
	for (index = 0; index < count && rc == STATUS_OK && !import_rejected(r); index++) {
		f.year = years[index].year;
		f.value = years[index].employment;
		rc = import_emit(r, RECORD_SOC2010_FIGURE, &f);
	}
	free(years);
	return rc;
}

static enum status replacement(struct import_row *r, const char *soc)
{
	struct soc2010_figure_rec f;
	long long start = 0, end = 0;
	double rate = 0;
	int has_start;

	has_start = import_get_int(r, START_YEAR, 1990, 2100, &start) == 1;
	if (import_get_int(r, END_YEAR, 1990, 2100, &end) == 0)
		import_reject(r, END_YEAR, "is empty, but a replacement demand needs its end year");
	if (import_get_decimal(r, RATE, 0, 100, &rate) == 0)
		import_reject(r, RATE, "is empty, but a replacement demand needs its rate");
	if (has_start && end && start > end)
		import_reject(r, START_YEAR, "%lld is after end_year %lld", start, end);
	f.soc = soc;
	f.measure = "replacement_rate";
	f.year = end;
	f.value = rate;
	return import_emit(r, RECORD_SOC2010_FIGURE, &f);
}

static enum status row(struct import_row *r)
{
	const char *text = import_value(r, RECORD);
	struct json_doc *doc = NULL;
	const char *type = NULL;
	char soc[8] = "", err[128];
	enum status rc = STATUS_OK;

	if (import_get_code(r, SOC, RULE_SOC_GROUP, soc, sizeof(soc)) == 0)
		import_reject(r, SOC, "is empty, but every figure needs a SOC code");
	if (json_doc_open(text, strlen(text), &doc, err, sizeof(err)) == STATUS_OK)
		type = json_doc_type(doc, "$.predictedEmployment");
	if (type && strcmp(type, "array") == 0)
		rc = predictions(r, doc, soc);
	else if (type)
		import_reject(r, PREDICTED, "is not a list of years");
	else if (!validate_blank(import_value(r, END_YEAR)) ||
		 !validate_blank(import_value(r, RATE)))
		rc = replacement(r, soc);
	else
		import_reject(r, -1, "has neither predictedEmployment nor end_year and rate");
	json_doc_free(doc);
	return rc;
}

const struct importer importer_lmi_predict_json = {
	.name = "lmi-predict-json",
	.title = "LMI for All Working Futures, SOC 2010 (wf/predict, wf/replacement_demand JSON; archive)",
	.detection = "JSON object with soc and either predictedEmployment [{year, employment}] "
		     "or end_year and rate",
	.edition = "LMI for All v1 field list (service closed in 2025; SOC 2010)",
	.licence = "LMI for All terms of use (licence not stated in the stored source; "
		   "unverified)",
	.attribution = "Contains data from LMI for All, api.lmiforall.org.uk, based on the "
		       "Working Futures projections.",
	.shape = IMPORT_JSON,
	.columns = COLUMNS(columns),
	.records = "$",
	.detect = detect,
	.row = row,
};
