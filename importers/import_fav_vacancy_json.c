/*
 * import_fav_vacancy_json.c - one apprenticeship vacancy with its details,
 * Find an apprenticeship Display Advert API v2 (GET /vacancy/{reference}).
 *
 * The answer is the vacancy object itself, with `addresses` and the long
 * texts (fullDescription, trainingDescription, skills, qualifications,
 * thingsToConsider). Its fields and checks are those of a vacancy in a
 * page of the list (import_fav_vacancies_json.c, fav_vacancy.h); only
 * where the record is differs. A saved advert of a vacancy that is also
 * in a list page replaces nothing: the store keeps one row per reference.
 */
#include "fav_vacancy.h"
#include "importer.h"

const struct importer importer_fav_vacancy_json = {
	.name = "fav-vacancy-json",
	.title = "Find an apprenticeship vacancy, one advert (Display Advert API v2 JSON)",
	.detection = "a JSON object with vacancyReference and title at the top",
	.edition = "Display Advert API v2 single advert, October 2026",
	.licence = FAV_VACANCY_LICENCE,
	.attribution = FAV_VACANCY_ATTRIBUTION,
	.shape = IMPORT_JSON,
	.columns = fav_vacancy_columns,
	.column_count = FAV_VACANCY_COLUMNS,
	.records = "$",
	.row = fav_vacancy_row,
};
