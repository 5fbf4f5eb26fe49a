/*
 * course_fields.h - fields the Course Directory's formats share: its
 * course types and its coded study mode, attendance, delivery mode and
 * unit of time, as Find a course and the monthly open data spell them.
 *
 * The Course Directory (Find a course and its monthly open data) tags
 * courses with a CourseType, published as a name ("SkillsBootcamp"), its
 * description ("Skills Bootcamp") or its number (EssentialSkills = 1,
 * TLevels, HTQs, FreeCoursesForJobs, Multiply, SkillsBootcamp, GCEASLevel,
 * GCEALevel, ... in that order: dfc-coursedirectory
 * Core/Models/CourseType.cs). Some types are for adults only whatever a
 * course's own text says: Skills Bootcamps, Free Courses for Jobs,
 * Multiply and Essential Skills (the adult numeracy and literacy offer).
 */
#ifndef CAREERS_COURSE_FIELDS_H
#define CAREERS_COURSE_FIELDS_H

#include "importer.h"

enum course_type {
	COURSE_TYPE_NONE,	/* blank or not one we know */
	COURSE_TYPE_ESSENTIAL_SKILLS,
	COURSE_TYPE_TLEVEL,
	COURSE_TYPE_HTQ,
	COURSE_TYPE_FREE_COURSES_FOR_JOBS,
	COURSE_TYPE_MULTIPLY,
	COURSE_TYPE_SKILLS_BOOTCAMP,
	COURSE_TYPE_OTHER,	/* a type that says nothing about age */
};

/* Lower case, letters and digits only: "Day/block release" -> "dayblockrelease". */
void course_fold(const char *s, char *out, size_t outlen);
/* The type a field names (any of the three spellings, any case). */
enum course_type course_type_of(const char *text);
/* Only for people aged 19 and over? */
int course_type_adult_only(enum course_type type);

/*
 * Emit a course, and first its venue when it names one (with the course's
 * place and provider): the course's age range is set to 19+ when its type
 * is for adults only, whatever its text said.
 */
enum status course_emit(struct import_row *r, struct course_rec *c, struct venue_rec *v,
			enum course_type type);

/*
 * The coded fields: each is published as its number ("1"), its enum name
 * ("FullTime") or its description ("Full time"); compared folded (lower
 * case, letters and digits only).
 */
struct course_spelling {
	const char *folded;
	const char *word;	/* the store's word: "full-time" */
};

extern const struct course_spelling course_study_modes[];	/* FullTime = 1 ... */
extern const struct course_spelling course_attendances[];	/* Daytime = 1 ... */
extern const struct course_spelling course_delivery_modes[];	/* ClassroomBased = 1 ... */
extern const struct course_spelling course_duration_units[];	/* Days = 1 ... */

/*
 * The store's word for a coded field, NULL when blank or 0 ("not set");
 * an unknown value rejects the row, naming `what` and `expected`.
 */
const char *course_spelled(struct import_row *r, int column, const struct course_spelling *list,
			   const char *what, const char *expected);

#endif
