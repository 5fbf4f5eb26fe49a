/*
 * import_ons_soc2020_csv.c - ONS SOC 2020 volume 1, "SOC2020 descriptions" sheet.
 *
 * The ONS workbook "SOC 2020 Volume 1: structure and descriptions of unit
 * groups", its descriptions sheet saved as CSV. One row per group: the
 * code stands in whichever of the Major / Sub-Major / Minor / Unit Group
 * columns is used, the others hold the literal "<blank>". Header cells
 * span lines ("SOC\n2020 Major Group"). Tasks and Related Job Titles are
 * lists inside one cell, one item per line, each item marked "~".
 *
 * Unit groups (4 digits) become occupations; major, sub-major and minor
 * groups (1-3 digits) become SOC groups. The "SOC2020 Framework" sheet of
 * the same workbook spells its headers "SOC2020 ..." and has none of the
 * description columns, so it is not taken for this format.
 */
#include <string.h>

#include "importer.h"
#include "mem.h"

enum {
	MAJOR, SUB_MAJOR, MINOR, UNIT, TITLE, DESCRIPTION, ENTRY_ROUTES, TASKS, JOB_TITLES,
};

static const struct import_column columns[] = {
	[MAJOR] = { "SOC 2020 Major Group", 0 },
	[SUB_MAJOR] = { "SOC 2020 Sub-Major Group", 0 },
	[MINOR] = { "SOC 2020 Minor Group", 0 },
	[UNIT] = { "SOC 2020 Unit Group", COLUMN_REQUIRED },
	[TITLE] = { "SOC 2020 Group Title|Group Title", COLUMN_REQUIRED },
	[DESCRIPTION] = { "Group Description", COLUMN_REQUIRED },
	[ENTRY_ROUTES] = { "Typical Entry Routes And Associated Qualifications", 0 },
	[TASKS] = { "Tasks", COLUMN_REQUIRED },
	[JOB_TITLES] = { "Related Job Titles", 0 },
};

/* The code columns, most specific first, and the digits each code has. */
static const struct {
	int column;
	size_t digits;
	const char *what, *example;
} levels[] = {
	{ UNIT, 4, "unit group", "2136" },
	{ MINOR, 3, "minor group", "213" },
	{ SUB_MAJOR, 2, "sub-major group", "21" },
	{ MAJOR, 1, "major group", "2" },
};

#define LEVEL_COUNT (sizeof(levels) / sizeof(levels[0]))

/* Bytes of the list mark at s ("~", "-", "*", middle dot, bullet), or 0. */
static size_t bullet_length(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	if (*s == '~' || *s == '-' || *s == '*')
		return 1;
	if (u[0] == 0xC2 && u[1] == 0xB7)
		return 2;
	if (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0xA2)
		return 3;
	return 0;
}

static int is_blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/*
 * Append one list item to out ('|' between items): without its mark,
 * surrounding spaces or closing ";", "," or "." ("etc." keeps its dot).
 * A '|' inside an item would split it, so it becomes '/'.
 */
static void add_item(struct strbuf *out, const char *s, size_t n)
{
	size_t mark, i;

	for (;;) {
		while (n && is_blank_char(*s))
			s++, n--;
		mark = n ? bullet_length(s) : 0;
		if (!mark || mark > n)
			break;
		s += mark;
		n -= mark;
	}
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

/* The items of a one-per-line list as "a|b|c"; NULL when there are none. */
static const char *list(const char *text, struct strbuf *out)
{
	strbuf_reset(out);
	while (text && *text) {
		size_t n = strcspn(text, "\n");

		add_item(out, text, n);
		text += n;
		if (*text)
			text++;
	}
	return out->len ? out->buf : NULL;
}

/* Every column of the row is blank (a spacer row of "<blank>"s). */
static int row_is_blank(const struct import_row *r)
{
	size_t c;

	for (c = 0; c < sizeof(columns) / sizeof(columns[0]); c++)
		if (!validate_blank(import_value(r, (int)c)))
			return 0;
	return 1;
}

/*
 * The group's code: the most specific code column used, checked for the
 * right number of digits, with any less specific code agreeing with it.
 * Returns the index into levels[], or -1 (reported) when there is none.
 */
static int group_code(struct import_row *r, char code[8])
{
	size_t i, k;
	int got;

	for (i = 0; i < LEVEL_COUNT; i++)
		if (!validate_blank(import_value(r, levels[i].column)))
			break;
	if (i == LEVEL_COUNT) {
		import_reject(r, -1, "has no code in any of the Major, Sub-Major, Minor or Unit "
				     "Group columns");
		return -1;
	}
	got = import_get_code(r, levels[i].column, RULE_SOC_GROUP, code, 8);
	if (got != 1)
		return -1;
	if (strlen(code) != levels[i].digits) {
		import_reject(r, levels[i].column, "\"%s\" is not a %s code (expected %zu digits, "
			      "like %s)", code, levels[i].what, levels[i].digits,
			      levels[i].example);
		return -1;
	}
	for (k = i + 1; k < LEVEL_COUNT; k++) {
		const char *parent = import_value(r, levels[k].column);
		size_t n = levels[k].digits;

		while (*parent == ' ')
			parent++;
		if (validate_blank(parent))
			continue;
		if (strncmp(parent, code, n) != 0 || (parent[n] && !is_blank_char(parent[n]))) {
			import_reject(r, levels[k].column, "\"%.8s\" is not the %s of %s (expected "
				      "%.*s)", parent, levels[k].what, code, (int)n, code);
			return -1;
		}
	}
	return (int)i;
}

static enum status row(struct import_row *r)
{
	struct occupation_rec o = OCCUPATION_REC_INIT;
	struct soc_group_rec g;
	struct strbuf tasks, titles;
	char code[8];
	const char *title, *description;
	int level;
	enum status rc;

	if (row_is_blank(r)) {
		import_skip(r);
		return STATUS_OK;
	}
	level = group_code(r, code);
	title = import_required(r, TITLE);
	description = import_text(r, DESCRIPTION);
	if (level < 0 || import_rejected(r))
		return STATUS_OK;
	if (levels[level].column != UNIT) {
		g.code = code;
		g.title = title;
		g.description = description;
		return import_emit(r, RECORD_SOC_GROUP, &g);
	}
	o.soc = code;
	o.title = title;
	o.description = description;
	o.entry_routes = import_text(r, ENTRY_ROUTES);
	strbuf_init(&tasks);
	strbuf_init(&titles);
	o.tasks = list(import_text(r, TASKS), &tasks);
	o.job_titles = list(import_text(r, JOB_TITLES), &titles);
	rc = import_emit(r, RECORD_OCCUPATION, &o);
	strbuf_done(&tasks);
	strbuf_done(&titles);
	return rc;
}

const struct importer importer_ons_soc2020_csv = {
	.name = "ons-soc2020-csv",
	.title = "ONS SOC 2020 volume 1 group descriptions (CSV of the workbook sheet)",
	.detection = "CSV whose header has SOC 2020 Unit Group, Group Title, Group Description "
		     "and Tasks (header cells may span lines)",
	.edition = "SOC 2020 volume 1, 16 Oct 2024; the 27 Aug 2026 workbook assumed to keep its headers",
	.licence = "Open Government Licence v3.0",
	.attribution = "Source: Office for National Statistics licensed under the Open "
		       "Government Licence v3.0.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.title_lines = 2,
	.row = row,
};
