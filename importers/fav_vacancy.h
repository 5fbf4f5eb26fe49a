/*
 * fav_vacancy.h - one Find an apprenticeship vacancy, as both vacancy
 * formats read it: a page of the list (GET /vacancy) and a single advert
 * with its details (GET /vacancy/{reference}) have the same fields.
 */
#ifndef CAREERS_FAV_VACANCY_H
#define CAREERS_FAV_VACANCY_H

#include "importer.h"

#define QUALIFICATIONS 4	/* qualification objects read per vacancy */

enum {
	REFERENCE, TITLE, DESCRIPTION, EMPLOYER, EMPLOYER_WEBSITE,
	LARS_CODE, COURSE_TITLE, COURSE_LEVEL, ROUTE, APPRENTICESHIP_LEVEL,
	LINE1, LINE2, LINE3, LINE4, POSTCODE, LATITUDE, LONGITUDE, LOCATION_LAT, LOCATION_LON,
	WAGE_TYPE, WAGE_AMOUNT, WAGE_LOW, WAGE_HIGH, WAGE_UNIT, WAGE_TEXT, WORKING_WEEK,
	HOURS, DURATION, POSITIONS, POSTED, START, CLOSING,
	PROVIDER, UKPRN, NATIONAL, DISABILITY_CONFIDENT,
	TRAINING, SKILLS, QUALIFICATION_LIST, THINGS_TO_CONSIDER, URL,
	QUALIFICATION,	/* then QUALIFICATIONS groups of the four below */
};

enum { QUAL_TYPE, QUAL_SUBJECT, QUAL_GRADE, QUAL_WEIGHTING, QUAL_FIELDS };

#define FAV_VACANCY_COLUMNS (QUALIFICATION + QUALIFICATIONS * QUAL_FIELDS)

/* The fields of one vacancy, relative to the vacancy object. */
extern const struct import_column fav_vacancy_columns[FAV_VACANCY_COLUMNS];
/* Check one vacancy and emit it as a VACANCY record. */
enum status fav_vacancy_row(struct import_row *r);

#endif
