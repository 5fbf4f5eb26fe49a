/*
 * fav_vacancy.h - one Find an apprenticeship vacancy, as both vacancy
 * formats read it: a page of the list (GET /vacancy) and a single advert
 * with its details (GET /vacancy/{reference}) have the same fields.
 */
#ifndef CAREERS_FAV_VACANCY_H
#define CAREERS_FAV_VACANCY_H

#include "importer.h"

/* Both formats come from the same service, under the same terms. */
#define FAV_VACANCY_LICENCE "Open Government Licence v3.0"
#define FAV_VACANCY_ATTRIBUTION \
	"Contains public sector information from Find an apprenticeship (Department for " \
	"Education), licensed under the Open Government Licence v3.0."

/* How many fields a vacancy has (checked where they are declared). */
#define FAV_VACANCY_COLUMNS 95

/*
 * The fields of one vacancy, as JSON paths relative to the vacancy
 * object. The employer's contact details are not among them.
 */
extern const struct import_column fav_vacancy_columns[FAV_VACANCY_COLUMNS];
/*
 * Check one vacancy and emit it as a VACANCY record; a field that fails
 * its check is rejected with its path and what was expected.
 */
enum status fav_vacancy_row(struct import_row *r);

#endif
