/*
 * discover_uni.h - what the Discover Uni (Unistats) course files share.
 *
 * Every per-course file of the Discover Uni download (KISCOURSE,
 * COURSELOCATION, ENTRY, TARIFF, GOSALARY, LEO3, LEO5, ...) names its
 * course by PUBUKPRN (the provider where it is taught), UKPRN (the one
 * that registers it), KISCOURSEID and KISMODE (01 full-time, 02 part-time,
 * 03 both). The store files a university course under PUBUKPRN (UKPRN
 * when blank) with the reference "KISCOURSEID/KISMODE", and these
 * helpers read that key the same way for every file.
 *
 * The outcome files (ENTRY, TARIFF, GOSALARY, LEO3, LEO5) are one row per
 * course with figures in named columns and a reason code when there are
 * none (...UNAVAILREASON); du_outcome_row() turns each figure into an
 * HE_OUTCOME record, described by a table of (column, measure) pairs.
 */
#ifndef CAREERS_DISCOVER_UNI_H
#define CAREERS_DISCOVER_UNI_H

#include "importer.h"

#define DU_LICENCE "Creative Commons Attribution 4.0 International (as commonly cited for " \
	"Discover Uni; not verified)"
#define DU_ATTRIBUTION "Contains Discover Uni data from the Office for Students and HESA " \
	"(Jisc), licensed under CC BY 4.0."

/* A UKPRN, or HESA's 9xxxxxxx number for a joint school: 1 read, 0 blank, -1 bad (reported). */
int du_provider(struct import_row *r, int column, char out[9]);

/*
 * The course key: PUBUKPRN (UKPRN when blank) into pub, "ID/MM" into ref,
 * the registering UKPRN into ukprn. 1 when read, else 0 (reported).
 */
int du_course_key(struct import_row *r, int pubukprn, int ukprn_column, int id, int mode,
		  char pub[9], char ukprn[9], char ref[128]);

/* The columns every outcome file starts with, in this order. */
enum { DU_PUBUKPRN, DU_UKPRN, DU_COURSE_ID, DU_MODE, DU_AGG_YEAR, DU_SUBJECT, DU_FIRST };

struct du_measure {
	int column;		/* index into the importer's columns */
	const char *measure;	/* he_outcome measure */
	double max;		/* largest value that makes sense */
};

/* Emit one HE_OUTCOME per figure of the row; a row with none is skipped. */
enum status du_outcome_row(struct import_row *r, const struct du_measure *measures, size_t count);

/* The key and year columns every outcome file starts with; prefix is the file's ("GOSAL"). */
#define DU_KEY_COLUMNS(prefix) \
	[DU_PUBUKPRN] = { "PUBUKPRN", 0 }, \
	[DU_UKPRN] = { "UKPRN", COLUMN_REQUIRED | COLUMN_KEY }, \
	[DU_COURSE_ID] = { "KISCOURSEID", COLUMN_REQUIRED | COLUMN_KEY }, \
	[DU_MODE] = { "KISMODE", COLUMN_REQUIRED | COLUMN_KEY }, \
	[DU_AGG_YEAR] = { prefix "AGGYEAR", 0 }, \
	[DU_SUBJECT] = { prefix "SBJ", 0 }

/*
 * The importer of an outcome file, from its `columns` (DU_KEY_COLUMNS
 * first) and `measures` tables.
 */
#define DU_OUTCOME_IMPORTER(id, name_, title_, detection_) \
	static enum status row(struct import_row *r) \
	{ \
		return du_outcome_row(r, measures, sizeof(measures) / sizeof(measures[0])); \
	} \
	const struct importer importer_##id = { \
		.name = name_, .title = title_, .detection = detection_, \
		.edition = "Discover Uni 2025/26 (HESA C25061)", .licence = DU_LICENCE, \
		.attribution = DU_ATTRIBUTION, .shape = IMPORT_CSV, .columns = COLUMNS(columns), \
		.row = row, \
	}

#endif
