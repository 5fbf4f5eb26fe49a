/*
 * import_ons_ashe_table14.c - ONS Annual Survey of Hours and Earnings, Table 14
 * (pay and hours by occupation, SOC 2020, 4-digit).
 *
 * ONS publishes Table 14 as a zip of Excel workbooks, one per measure
 * ("PROV - Occupation SOC20 (4) Table 14.7a   Annual pay - Gross 2025.xlsx"),
 * each with a sheet per group of jobs (All, Male, Female, Full-Time,
 * Part-Time, ...). A sheet has a few title lines ("Table 14.7a   Annual pay
 * - Gross (£) - For full-time employee jobs: United Kingdom, 2025"), then
 * the header - Description, Code, Number of jobs (thousand), Median,
 * Annual % change, Mean, Annual % change, and the percentiles 10, 20, 25,
 * 30, 40, 60, 70, 75, 80, 90 - and a row per SOC 2020 group (Code 1 to
 * 4 digits; the first row, all employees, has none). Figures ONS does not
 * publish are "x" (or ".."). The workbooks are read sheet by sheet
 * (bundle.h); a sheet saved as CSV reads the same.
 *
 * Read: the sheets for all employee jobs and for full-time employee jobs
 * of the gross weekly pay (14.1a), gross hourly pay (14.5a), gross annual
 * pay (14.7a) and total paid hours (14.9a) tables; the others (male,
 * female, part-time sheets; basic pay, overtime, incentive pay tables)
 * are not this format. Each figure becomes a FIGURE for the code and the
 * year in the title: the full-time sheet gives the measures careers uses
 * for pay and hours - weekly_pay, annual_pay, hourly_pay, weekly_hours
 * (medians) with _mean, _p10 ... _p90 and jobs (thousands) - and the all
 * employees sheet the same with "_all" after the measure's name.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "importer.h"
#include "mem.h"

enum {
	DESCRIPTION, CODE, JOBS, MEDIAN, MEAN, P10, P20, P25, P30, P40, P60, P70, P75, P80, P90,
};

static const struct import_column columns[] = {
	[DESCRIPTION] = { "Description", COLUMN_REQUIRED },
	[CODE] = { "Code", COLUMN_REQUIRED },
	[JOBS] = { "Number of jobs*|(thousand)*", 0 },
	[MEDIAN] = { "Median", COLUMN_REQUIRED },
	[MEAN] = { "Mean", COLUMN_REQUIRED },
	[P10] = { "10", 0 }, [P20] = { "20", 0 }, [P25] = { "25", 0 }, [P30] = { "30", 0 },
	[P40] = { "40", 0 }, [P60] = { "60", 0 }, [P70] = { "70", 0 }, [P75] = { "75", 0 },
	[P80] = { "80", 0 }, [P90] = { "90", 0 },
};

/* The tables read, by the words of their titles. */
static const struct {
	const char *words, *measure;
	double max;
} tables[] = {
	{ "weekly pay - gross", "weekly_pay", 100000 },
	{ "hourly pay - gross", "hourly_pay", 10000 },
	{ "annual pay - gross", "annual_pay", 10000000 },
	{ "paid hours worked - total", "weekly_hours", 168 },
};

struct sheet {
	char measure[32];	/* "weekly_pay" or "weekly_pay_all" */
	double max;
	long long year;
};

/* Does text contain words, ignoring case? */
static const char *mentions(const char *text, const char *words)
{
	size_t n = strlen(words);

	for (; *text; text++)
		if (strncasecmp(text, words, n) == 0)
			return text;
	return NULL;
}

/* What a title says: the measure (with "_all" for all jobs) and the year; 0 if not ours. */
static int read_title(const char *title, struct sheet *out)
{
	const char *p;
	size_t i;
	int all;

	if (!mentions(title, "table 14.") || mentions(title, "male") ||
	    mentions(title, "part-time"))
		return 0;
	all = mentions(title, "for all employee jobs") != NULL;
	if (!all && !mentions(title, "for full-time employee jobs"))
		return 0;
	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (mentions(title, tables[i].words))
			break;
	if (i == sizeof(tables) / sizeof(tables[0]))
		return 0;
	snprintf(out->measure, sizeof(out->measure), "%s%s", tables[i].measure, all ? "_all" : "");
	out->max = tables[i].max;
	/* The year is the last four-digit number of the title ("United Kingdom, 2025"). */
	out->year = 0;
	for (p = title; *p; p++)
		if (isdigit((unsigned char)p[0]) && (p == title || !isdigit((unsigned char)p[-1])) &&
		    strspn(p, "0123456789") == 4)
			out->year = strtol(p, NULL, 10);
	return out->year >= 1997 && out->year <= 2100;
}

/* The lines above the header, one after another. */
static void probe_title(const struct import_probe *probe, struct strbuf *out)
{
	size_t r, f;

	for (r = 0; r < import_probe_records(probe); r++) {
		const char *first = import_probe_field(probe, r, 0);

		if (first && strcasecmp(first, "Description") == 0)
			break;
		for (f = 0; f < import_probe_fields(probe, r); f++) {
			strbuf_puts(out, import_probe_field(probe, r, f));
			strbuf_putc(out, ' ');
		}
	}
}

static int detect(const struct import_probe *probe)
{
	struct strbuf title;
	struct sheet sheet;
	int ours;

	strbuf_init(&title);
	probe_title(probe, &title);
	ours = read_title(title.buf, &sheet);
	strbuf_done(&title);
	return ours;
}

static enum status begin(struct import_file *file)
{
	struct sheet *sheet = import_file_state(file);

	if (!read_title(import_file_title(file), sheet))
		return import_fail(file, "the title above the header does not say which Table 14 "
				   "measure, jobs and year this is");
	return STATUS_OK;
}

/* "x" and ".." are figures ONS does not publish: blank. */
static int figure(struct import_row *r, int column, double max, double *out)
{
	const char *v = import_text(r, column);

	if (!v || strcmp(v, "x") == 0 || strcmp(v, "..") == 0 || strcmp(v, ":") == 0)
		return 0;
	return import_get_decimal(r, column, 0, max, out) == 1;
}

static enum status row(struct import_row *r)
{
	static const struct {
		int column;
		const char *suffix;
	} figures[] = {
		{ MEDIAN, "" }, { MEAN, "_mean" }, { P10, "_p10" }, { P20, "_p20" },
		{ P25, "_p25" }, { P30, "_p30" }, { P40, "_p40" }, { P60, "_p60" },
		{ P70, "_p70" }, { P75, "_p75" }, { P80, "_p80" }, { P90, "_p90" },
	};
	const struct sheet *sheet = import_state(r);
	struct figure_rec f;
	char soc[8], measure[48];
	double value;
	enum status rc = STATUS_OK;
	size_t i;
	int any = 0;

	/* The all-employees line and notes below the table have no code. */
	if (validate_blank(import_value(r, CODE))) {
		import_skip(r);
		return STATUS_OK;
	}
	if (import_get_code(r, CODE, RULE_SOC_GROUP, soc, sizeof(soc)) != 1)
		return STATUS_OK;
	f.soc = soc;
	f.year = sheet->year;
	for (i = 0; i < sizeof(figures) / sizeof(figures[0]) && rc == STATUS_OK; i++) {
		if (!figure(r, figures[i].column, sheet->max, &value))
			continue;
		snprintf(measure, sizeof(measure), "%.*s%s%s",
			 (int)(strlen(sheet->measure) - (strstr(sheet->measure, "_all") ? 4 : 0)),
			 sheet->measure, figures[i].suffix, strstr(sheet->measure, "_all") ? "_all" : "");
		f.measure = measure;
		f.value = value;
		rc = import_emit(r, RECORD_FIGURE, &f);
		any = 1;
	}
	if (rc == STATUS_OK && strncmp(sheet->measure, "weekly_pay", 10) == 0 &&
	    figure(r, JOBS, 1e5, &value)) {
		f.measure = strstr(sheet->measure, "_all") ? "jobs_all" : "jobs";
		f.value = value;
		rc = import_emit(r, RECORD_FIGURE, &f);
	}
	if (!any && !import_rejected(r))
		import_skip(r);	/* every figure suppressed */
	return rc;
}

const struct importer importer_ons_ashe_table14 = {
	.name = "ons-ashe-table14",
	.title = "ONS ASHE Table 14: pay and hours by occupation, SOC 2020 (workbook sheet)",
	.detection = "a sheet (or CSV) titled \"Table 14.1a/14.5a/14.7a/14.9a ... for all (or "
		     "full-time) employee jobs ..., YEAR\" whose header has Description, Code, "
		     "Median and Mean",
	.edition = "ASHE Table 14, 2025 provisional (SOC 2020; October 2025), workbook layout as "
		   "read by others",
	.licence = "Open Government Licence v3.0",
	.attribution = "Source: Office for National Statistics, Annual Survey of Hours and "
		       "Earnings, licensed under the Open Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 4,
	.detect = detect,
	.begin = begin,
	.row = row,
	.state_size = sizeof(struct sheet),
};
