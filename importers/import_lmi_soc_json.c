/*
 * import_lmi_soc_json.c - LMI for All occupation descriptions (soc/code, soc/search).
 *
 * api.lmiforall.org.uk/api/v1/soc/code/{soc} answers with one object,
 * soc/search?q=... with a list of the same objects:
 *
 *	{"soc": 4135, "title": "...", "description": "...",
 *	 "qualifications": "...", "tasks": " sorts ...;\n locates ...",
 *	 "add_titles": ["Assistant, library", ...]}
 *
 * Records at "$" cover both (a single object is one record). Each becomes
 * an occupation: qualifications are its entry routes, tasks are split at
 * ";" and line breaks into a '|' list, add_titles are its job titles.
 * The codes are SOC unit groups (4 digits); the v1 API answers in SOC
 * 2010, which the response does not say. SOC 2010 is not SOC 2020 (5314
 * is "Plumbers" in one and "Roofers" in the other), so these are kept
 * apart as SOC 2010 occupations and never merged into the SOC 2020 ones.
 * LMI for All has closed; its recordings are read as archives. An error
 * answer ({"error": ...}) is refused by the driver before detection.
 */
#include <string.h>

#include "importer.h"
#include "mem.h"

enum { SOC, TITLE, DESCRIPTION, QUALIFICATIONS, TASKS, ADD_TITLES };

static const struct import_column columns[] = {
	[SOC] = { "$.soc", COLUMN_REQUIRED },
	[TITLE] = { "$.title", COLUMN_REQUIRED },
	[DESCRIPTION] = { "$.description", COLUMN_REQUIRED },
	[QUALIFICATIONS] = { "$.qualifications", 0 },
	[TASKS] = { "$.tasks", 0 },
	[ADD_TITLES] = { "$.add_titles", 0 },
};

static int is_blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Append one list item to out ('|' between items) without surrounding
 * spaces or a closing "." or ";" ("etc." keeps its dot); a '|' inside
 * the item becomes '/'.
 */
static void add_item(struct strbuf *out, const char *s, size_t n)
{
	size_t i;

	while (n && is_blank_char(*s))
		s++, n--;
	while (n) {
		char c = s[n - 1];

		if (is_blank_char(c) || c == ';' || c == ',' ||
		    (c == '.' && !(n >= 4 && memcmp(s + n - 4, "etc.", 4) == 0)))
			n--;
		else
			break;
	}
	if (!n)
		return;
	if (out->len)
		strbuf_putc(out, '|');
	for (i = 0; i < n; i++)
		strbuf_putc(out, s[i] == '|' ? '/' : s[i]);
}

/* "a;\n b;\n c." as "a|b|c"; NULL when there are no items. */
static const char *task_list(const char *text, struct strbuf *out)
{
	strbuf_reset(out);
	while (text && *text) {
		size_t n = strcspn(text, ";\n");

		add_item(out, text, n);
		text += n;
		if (*text)
			text++;
	}
	return out->len ? out->buf : NULL;
}

static enum status row(struct import_row *r)
{
	struct soc2010_occupation_rec o = { NULL, NULL, NULL, NULL, NULL, NULL };
	const char *soc_text = import_text(r, SOC);
	struct strbuf tasks;
	char soc[8] = "";
	enum status rc;

	if (!soc_text)
		import_reject(r, SOC, "is empty, but every occupation has a SOC code");
	else if (strlen(soc_text) >= sizeof(soc) || !validate_match(RULE_SOC2020, soc_text,
								     strlen(soc_text)))
		import_reject(r, SOC, "\"%.40s\" is not a SOC unit group (expected 4 digits, like "
			      "4135)", soc_text);
	else
		memcpy(soc, soc_text, strlen(soc_text) + 1);
	o.title = import_required(r, TITLE);
	o.description = import_text(r, DESCRIPTION);
	o.entry_routes = import_text(r, QUALIFICATIONS);
	o.job_titles = import_text(r, ADD_TITLES);
	strbuf_init(&tasks);
	o.tasks = task_list(import_text(r, TASKS), &tasks);
	o.soc = soc;
	rc = import_emit(r, RECORD_SOC2010_OCCUPATION, &o);
	strbuf_done(&tasks);
	return rc;
}

const struct importer importer_lmi_soc_json = {
	.name = "lmi-soc-json",
	.title = "LMI for All occupations, SOC 2010 (soc/code, soc/search JSON; archive)",
	.detection = "JSON object, or list of objects, with soc, title and description",
	.edition = "LMI for All v1 recordings (service closed in 2025; SOC 2010)",
	.licence = "LMI for All terms of use (licence not stated in the stored source; "
		   "unverified)",
	.attribution = "Contains data from LMI for All, api.lmiforall.org.uk.",
	.shape = IMPORT_JSON,
	.columns = COLUMNS(columns),
	.records = "$",
	.row = row,
};
