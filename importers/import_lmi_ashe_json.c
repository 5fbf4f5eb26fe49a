/*
 * import_lmi_ashe_json.c - LMI for All pay and hours estimates
 * (ashe/estimatePay, ashe/estimateHours).
 *
 * Both answers are one object naming the SOC code once, with a series of
 * yearly values:
 *
 *	{"soc": 41, "series": [{"year": 2013, "estpay": 710}, ...]}
 *	{"soc": 41, "series": [{"year": 2015, "hours": 39}]}
 *
 * Each series entry becomes a figure: estpay is weekly pay in pounds
 * (measure "weekly_pay"), hours the weekly hours ("weekly_hours"); which
 * one is decided per entry by the field present. With coarse=true the
 * code is a 2-digit sub-major group, so any SOC code of 1-4 digits is
 * taken as it stands. The codes are SOC 2010: the figures are kept apart
 * from SOC 2020 ones (see schema.sql soc2010_figure). LMI for All has
 * closed; its recordings are read as archives.
 */
#include "importer.h"

enum { SOC, YEAR, ESTPAY, HOURS };

static const struct import_column columns[] = {
	[SOC] = { "$.soc", COLUMN_REQUIRED | COLUMN_ROOT },
	[YEAR] = { "$.year", COLUMN_REQUIRED },
	[ESTPAY] = { "$.estpay", 0 },
	[HOURS] = { "$.hours", 0 },
};

/* The first entry of the series has one of the two measures. */
static int detect(const struct import_probe *probe)
{
	return import_probe_value(probe, ESTPAY)[0] || import_probe_value(probe, HOURS)[0];
}

static enum status row(struct import_row *r)
{
	struct soc2010_figure_rec f;
	char soc[8] = "";
	long long year = 0;
	double pay = NAN, hours = NAN, v;
	enum status rc = STATUS_OK;

	if (import_get_code(r, SOC, RULE_SOC_GROUP, soc, sizeof(soc)) == 0)
		import_reject(r, SOC, "is empty, but every figure needs a SOC code");
	if (import_get_int(r, YEAR, 1990, 2100, &year) == 0)
		import_reject(r, YEAR, "is empty, but every figure needs a year");
	if (import_get_decimal(r, ESTPAY, 0, 50000, &v) == 1)
		pay = v;
	if (import_get_decimal(r, HOURS, 0, 168, &v) == 1)
		hours = v;
	if (validate_blank(import_value(r, ESTPAY)) && validate_blank(import_value(r, HOURS)))
		import_reject(r, -1, "has neither estpay nor hours");
	if (import_rejected(r))
		return STATUS_OK;
	f.soc = soc;
	f.year = year;
	if (!isnan(pay)) {
		f.measure = "weekly_pay";
		f.value = pay;
		rc = import_emit(r, RECORD_SOC2010_FIGURE, &f);
	}
	if (rc == STATUS_OK && !isnan(hours)) {
		f.measure = "weekly_hours";
		f.value = hours;
		rc = import_emit(r, RECORD_SOC2010_FIGURE, &f);
	}
	return rc;
}

const struct importer importer_lmi_ashe_json = {
	.name = "lmi-ashe-json",
	.title = "LMI for All pay and hours, SOC 2010 (ashe/estimatePay, ashe/estimateHours "
		 "JSON; archive)",
	.detection = "JSON object with soc and a series of {year, estpay} or {year, hours}",
	.edition = "LMI for All v1 recordings (service closed in 2025; SOC 2010)",
	.licence = "LMI for All terms of use (licence not stated in the stored source; "
		   "unverified)",
	.attribution = "Contains data from LMI for All, api.lmiforall.org.uk, based on the ONS "
		       "Annual Survey of Hours and Earnings.",
	.shape = IMPORT_JSON,
	.columns = COLUMNS(columns),
	.records = "$.series",
	.detect = detect,
	.row = row,
};
