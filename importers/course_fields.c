/* course_fields.c - Course Directory course types and coded fields (see course_fields.h). */
#include "course_fields.h"

#include <ctype.h>
#include <string.h>

static const struct {
	const char *folded;	/* lower case, letters and digits only */
	enum course_type type;
} spellings[] = {
	{ "1", COURSE_TYPE_ESSENTIAL_SKILLS }, { "essentialskills", COURSE_TYPE_ESSENTIAL_SKILLS },
	{ "2", COURSE_TYPE_TLEVEL }, { "tlevels", COURSE_TYPE_TLEVEL }, { "tlevel", COURSE_TYPE_TLEVEL },
	{ "3", COURSE_TYPE_HTQ }, { "htqs", COURSE_TYPE_HTQ }, { "htq", COURSE_TYPE_HTQ },
	{ "4", COURSE_TYPE_FREE_COURSES_FOR_JOBS },
	{ "freecoursesforjobs", COURSE_TYPE_FREE_COURSES_FOR_JOBS },
	{ "5", COURSE_TYPE_MULTIPLY }, { "multiply", COURSE_TYPE_MULTIPLY },
	{ "6", COURSE_TYPE_SKILLS_BOOTCAMP }, { "skillsbootcamp", COURSE_TYPE_SKILLS_BOOTCAMP },
	{ "skillsbootcamps", COURSE_TYPE_SKILLS_BOOTCAMP },
};

void course_fold(const char *s, char *out, size_t outlen)
{
	size_t n = 0;

	for (; *s && n + 1 < outlen; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

enum course_type course_type_of(const char *text)
{
	char folded[48];
	size_t i;

	if (!text)
		return COURSE_TYPE_NONE;
	course_fold(text, folded, sizeof(folded));
	if (!folded[0] || strcmp(folded, "0") == 0)
		return COURSE_TYPE_NONE;
	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++)
		if (strcmp(folded, spellings[i].folded) == 0)
			return spellings[i].type;
	return COURSE_TYPE_OTHER;
}

enum status course_emit(struct import_row *r, struct course_rec *c, struct venue_rec *v,
			enum course_type type)
{
	enum status rc = STATUS_OK;

	if (course_type_adult_only(type)) {
		c->age_min = 19;
		c->age_max = MODEL_NO_INT;
	}
	if (v->name) {
		c->venue_name = v->name;
		v->provider_ukprn = c->provider_ukprn;
		v->lat = c->lat;
		v->lon = c->lon;
		rc = import_emit(r, RECORD_VENUE, v);
	}
	if (rc == STATUS_OK)
		rc = import_emit(r, RECORD_COURSE, c);
	return rc;
}

int course_type_adult_only(enum course_type type)
{
	return type == COURSE_TYPE_ESSENTIAL_SKILLS || type == COURSE_TYPE_FREE_COURSES_FOR_JOBS ||
	       type == COURSE_TYPE_MULTIPLY || type == COURSE_TYPE_SKILLS_BOOTCAMP;
}

const struct course_spelling course_study_modes[] = {
	{ "1", "full-time" }, { "fulltime", "full-time" },
	{ "2", "part-time" }, { "parttime", "part-time" },
	{ "3", "flexible" }, { "flexible", "flexible" },
	{ NULL, NULL },
};

const struct course_spelling course_attendances[] = {
	{ "1", "daytime" }, { "daytime", "daytime" },
	{ "2", "evening" }, { "evening", "evening" },
	{ "3", "weekend" }, { "weekend", "weekend" },
	{ "4", "day-or-block-release" }, { "dayorblockrelease", "day-or-block-release" },
	{ "dayblockrelease", "day-or-block-release" },
	{ NULL, NULL },
};

const struct course_spelling course_delivery_modes[] = {
	{ "1", "classroom" }, { "classroombased", "classroom" }, { "classroom", "classroom" },
	{ "2", "online" }, { "online", "online" },
	{ "3", "work-based" }, { "workbased", "work-based" },
	{ "4", "blended" }, { "blendedlearning", "blended" }, { "blended", "blended" },
	{ NULL, NULL },
};

const struct course_spelling course_duration_units[] = {
	{ "1", "days" }, { "days", "days" },
	{ "2", "weeks" }, { "weeks", "weeks" },
	{ "3", "months" }, { "months", "months" },
	{ "4", "years" }, { "years", "years" },
	{ "5", "hours" }, { "hours", "hours" },
	{ "minutes", "minutes" },
	{ NULL, NULL },
};

/*
 * The word for an enum-valued field, NULL when blank or 0 ("not set");
 * an unknown value rejects the row with what was expected.
 */
const char *course_spelled(struct import_row *r, int column, const struct course_spelling *list,
			   const char *what, const char *expected)
{
	const char *v = import_text(r, column);
	char folded[40];

	if (!v || strcmp(v, "0") == 0)
		return NULL;
	course_fold(v, folded, sizeof(folded));
	for (; list->folded; list++)
		if (strcmp(folded, list->folded) == 0)
			return list->word;
	import_reject(r, column, "\"%.40s\" is not %s (expected %s)", v, what, expected);
	return NULL;
}

