/*
 * import_course_directory_csv.c - DfE Course Directory course bulk upload.
 *
 * The CSV a provider uploads to the Course Directory (the source of Find a
 * course): one row per course run, header LARS_QAN, WHO_THIS_COURSE_IS_FOR,
 * ENTRY_REQUIREMENTS, ... ATTENDANCE_PATTERN. Values are the upload's own
 * words: DELIVERY_MODE "classroom based" (or "classroom"), "online",
 * "work based" (or "work"); STUDY_MODE "full time", "part time",
 * "flexible"; ATTENDANCE_PATTERN "daytime", "evening", "weekend",
 * "day/block release"; START_DATE dd/mm/yyyy; FLEXIBLE_START_DATE yes/no;
 * DURATION_UNIT hours, days, weeks, months or years.
 *
 * The file does not say whose courses these are, so the provider is read
 * from its path: an 8-digit UKPRN (starting with 1) in the file's name or
 * in the name of the folder that holds it ("10001919-courses.csv",
 * ".../10001919/courses.csv"). A file without one is refused rather than
 * loaded under no provider.
 *
 * Decisions: LARS_QAN is optional, so non-LARS course uploads load too;
 * the description is WHAT_YOU_WILL_LEARN followed by HOW_YOU_WILL_LEARN;
 * a course whose name says "T Level" is kind tlevel. NATIONAL_DELIVERY
 * and SUB_REGION have no place in the store and are not read.
 */
#include <ctype.h>
#include <string.h>

#include "importer.h"
#include "mem.h"

enum {
	LARS_QAN, WHO_FOR, ENTRY_REQUIREMENTS, LEARN, HOW_LEARN, WHERE_NEXT, COURSE_NAME,
	REFERENCE, DELIVERY_MODE, START_DATE, FLEXIBLE_START, VENUE_NAME, VENUE_REF, WEBPAGE,
	COST, COST_TEXT, DURATION, DURATION_UNIT, STUDY_MODE, ATTENDANCE,
};

static const struct import_column columns[] = {
	[LARS_QAN] = { "LARS_QAN", 0 },
	[WHO_FOR] = { "WHO_THIS_COURSE_IS_FOR", COLUMN_REQUIRED },
	[ENTRY_REQUIREMENTS] = { "ENTRY_REQUIREMENTS", 0 },
	[LEARN] = { "WHAT_YOU_WILL_LEARN", 0 },
	[HOW_LEARN] = { "HOW_YOU_WILL_LEARN", 0 },
	[WHERE_NEXT] = { "WHERE_NEXT", 0 },
	[COURSE_NAME] = { "COURSE_NAME", COLUMN_REQUIRED },
	[REFERENCE] = { "YOUR_REFERENCE", COLUMN_REQUIRED },
	[DELIVERY_MODE] = { "DELIVERY_MODE", COLUMN_REQUIRED },
	[START_DATE] = { "START_DATE", COLUMN_REQUIRED },
	[FLEXIBLE_START] = { "FLEXIBLE_START_DATE", 0 },
	[VENUE_NAME] = { "VENUE_NAME", 0 },
	[VENUE_REF] = { "YOUR_VENUE_REFERENCE", 0 },
	[WEBPAGE] = { "COURSE_WEBPAGE", 0 },
	[COST] = { "COST", 0 },
	[COST_TEXT] = { "COST_DESCRIPTION", 0 },
	[DURATION] = { "DURATION", 0 },
	[DURATION_UNIT] = { "DURATION_UNIT", 0 },
	[STUDY_MODE] = { "STUDY_MODE", COLUMN_REQUIRED },
	[ATTENDANCE] = { "ATTENDANCE_PATTERN", COLUMN_REQUIRED },
};

struct file_state {
	char ukprn[9];
};

/* One published spelling (folded: lower case, letters only) and its word. */
struct spelling {
	const char *folded;
	const char *word;
};

static const struct spelling delivery_modes[] = {
	{ "classroombased", "classroom" }, { "classroom", "classroom" },
	{ "online", "online" },
	{ "workbased", "work-based" }, { "work", "work-based" },
	{ "blendedlearning", "blended" }, { "blended", "blended" },
	{ NULL, NULL },
};

static const struct spelling study_modes[] = {
	{ "fulltime", "full-time" }, { "parttime", "part-time" }, { "flexible", "flexible" },
	{ NULL, NULL },
};

static const struct spelling attendances[] = {
	{ "daytime", "daytime" }, { "evening", "evening" }, { "weekend", "weekend" },
	{ "dayblockrelease", "day-or-block-release" },
	{ "dayorblockrelease", "day-or-block-release" },
	{ NULL, NULL },
};

static const struct spelling duration_units[] = {
	{ "hours", "hours" }, { "days", "days" }, { "weeks", "weeks" }, { "months", "months" },
	{ "years", "years" },
	{ NULL, NULL },
};

/*
 * The last 8-digit number starting with 1 in path[0..n), standing alone
 * (not part of a longer run of digits); 1 if found.
 */
static int ukprn_in(const char *path, size_t n, char out[9])
{
	size_t i = 0, start;
	int found = 0;

	while (i < n) {
		if (!isdigit((unsigned char)path[i])) {
			i++;
			continue;
		}
		for (start = i; i < n && isdigit((unsigned char)path[i]); i++)
			;
		if (i - start == 8 && path[start] == '1') {
			memcpy(out, path + start, 8);
			out[8] = '\0';
			found = 1;
		}
	}
	return found;
}

/* The provider's UKPRN from the file name, else from its folder's name. */
static int ukprn_from_path(const char *path, char out[9])
{
	const char *name = strrchr(path, '/'), *folder;

	if (!name)
		return ukprn_in(path, strlen(path), out);
	if (ukprn_in(name + 1, strlen(name + 1), out))
		return 1;
	for (folder = name; folder > path && folder[-1] != '/'; folder--)
		;
	return ukprn_in(folder, (size_t)(name - folder), out);
}

static enum status begin(struct import_file *file)
{
	struct file_state *st = import_file_state(file);

	if (!ukprn_from_path(import_file_path(file), st->ukprn))
		return import_fail(file, "cannot tell which provider this course file is for: put "
				   "the provider's 8-digit UKPRN in its file or folder name");
	return STATUS_OK;
}

/* The word for one of the upload's values; NULL when blank, reject if unknown. */
static const char *spelled(struct import_row *r, int column, const struct spelling *list,
			   const char *what, const char *expected)
{
	const char *v = import_text(r, column);
	char folded[40];
	size_t n = 0;

	if (!v)
		return NULL;
	for (const char *p = v; *p && n + 1 < sizeof(folded); p++)
		if (isalpha((unsigned char)*p))
			folded[n++] = (char)tolower((unsigned char)*p);
	folded[n] = '\0';
	for (; list->folded; list++)
		if (strcmp(folded, list->folded) == 0)
			return list->word;
	import_reject(r, column, "\"%.40s\" is not %s (expected %s)", v, what, expected);
	return NULL;
}

/* Does s start with word (lower case), ignoring case? */
static int starts_with(const char *s, const char *word)
{
	for (; *word; s++, word++)
		if (tolower((unsigned char)*s) != *word)
			return 0;
	return 1;
}

/* Does the course name say it is a T Level ("T Level", "T-Level", "TLevel")? */
static int names_tlevel(const char *name)
{
	for (const char *p = name; *p; p++) {
		const char *q = p + 1;

		if (tolower((unsigned char)*p) != 't')
			continue;
		if (p > name && isalpha((unsigned char)p[-1]))
			continue;
		if (*q == ' ' || *q == '-')
			q++;
		if (starts_with(q, "level"))
			return 1;
	}
	return 0;
}

/* WHAT_YOU_WILL_LEARN, then HOW_YOU_WILL_LEARN after a blank line. */
static const char *description(struct import_row *r, struct strbuf *out)
{
	const char *what = import_text(r, LEARN), *how = import_text(r, HOW_LEARN);

	strbuf_reset(out);
	if (what)
		strbuf_puts(out, what);
	if (what && how)
		strbuf_puts(out, "\n\n");
	if (how)
		strbuf_puts(out, how);
	return out->len ? out->buf : NULL;
}

static enum status emit(struct import_row *r, struct strbuf *text)
{
	struct file_state *st = import_state(r);
	struct course_rec c = COURSE_REC_INIT;
	char aim[9], start[11];
	long long value;
	int flag;

	if (import_get_code(r, LARS_QAN, RULE_LEARN_AIM, aim, sizeof(aim)) == 1)
		c.learn_aim_ref = aim;
	c.who_for = import_text(r, WHO_FOR);
	c.entry_requirements = import_text(r, ENTRY_REQUIREMENTS);
	c.description = description(r, text);
	c.where_next = import_text(r, WHERE_NEXT);
	c.title = import_required(r, COURSE_NAME);
	c.ref = import_text(r, REFERENCE);
	c.delivery_mode = spelled(r, DELIVERY_MODE, delivery_modes, "a delivery mode",
				  "classroom based, online or work based");
	if (import_get_date(r, START_DATE, start) == 1)
		c.start_date = start;
	if (import_get_flag(r, FLEXIBLE_START, &flag) == 1)
		c.flexible_start = flag;
	c.venue_name = import_text(r, VENUE_NAME);
	c.venue_ref = import_text(r, VENUE_REF);
	c.url = import_text(r, WEBPAGE);
	if (import_get_money(r, COST, &value) == 1)
		c.cost_pence = value;
	c.cost_text = import_text(r, COST_TEXT);
	if (import_get_int(r, DURATION, 1, 999, &value) == 1)
		c.duration_value = value;
	c.duration_unit = spelled(r, DURATION_UNIT, duration_units, "a unit of time",
				  "hours, days, weeks, months or years");
	c.study_mode = spelled(r, STUDY_MODE, study_modes, "a study mode",
			       "full time, part time or flexible");
	c.attendance = spelled(r, ATTENDANCE, attendances, "an attendance pattern",
			       "daytime, evening, weekend or day/block release");
	if (import_rejected(r))
		return STATUS_OK;

	c.kind = names_tlevel(c.title) ? "tlevel" : "fe";
	c.provider_ukprn = st->ukprn;
	import_age_range(c.title, &c.age_min, &c.age_max);
	if (c.age_min == MODEL_NO_INT && c.age_max == MODEL_NO_INT)
		import_age_range(c.who_for, &c.age_min, &c.age_max);
	return import_emit(r, RECORD_COURSE, &c);
}

static enum status row(struct import_row *r)
{
	struct strbuf text;
	enum status rc;

	strbuf_init(&text);
	rc = emit(r, &text);
	strbuf_done(&text);
	return rc;
}

const struct importer importer_course_directory_csv = {
	.name = "course-directory-csv",
	.title = "Course Directory course bulk upload (CSV)",
	.detection = "CSV whose header has WHO_THIS_COURSE_IS_FOR, COURSE_NAME, YOUR_REFERENCE, "
		     "DELIVERY_MODE, START_DATE, STUDY_MODE and ATTENDANCE_PATTERN; the "
		     "provider's UKPRN must be in the file or folder name",
	.edition = "Course Directory provider bulk upload, 2026 schema (LARS and non-LARS rows)",
	.licence = "The provider's own course information (Course Directory upload format)",
	.attribution = "Course information supplied by the provider in the Department for "
		       "Education's Course Directory bulk-upload format.",
	.shape = IMPORT_CSV,
	.columns = COLUMNS(columns),
	.begin = begin,
	.row = row,
	.state_size = sizeof(struct file_state),
};
