/*
 * import_fav_vacancies_json.c - live apprenticeship vacancies, Find an
 * apprenticeship Display Advert API v2 (GET /vacancy).
 *
 * The answer is an envelope {vacancies: [...], total, totalFiltered,
 * totalPages}; each vacancy becomes one VACANCY keyed by its reference,
 * read as fav_vacancy.c says.
 */
#include "fav_vacancy.h"
#include "importer.h"

const struct importer importer_fav_vacancies_json = {
	.name = "fav-vacancies-json",
	.title = "Find an apprenticeship vacancies (Display Advert API v2 JSON)",
	.detection = "JSON with a vacancies list whose first record has vacancyReference and "
		     "title",
	.edition = "Display Advert API v2 list, October 2026 (addresses[], NHS and Civil Service extras)",
	.licence = FAV_VACANCY_LICENCE,
	.attribution = FAV_VACANCY_ATTRIBUTION,
	.shape = IMPORT_JSON,
	.columns = fav_vacancy_columns,
	.column_count = FAV_VACANCY_COLUMNS,
	.records = "$.vacancies",
	.row = fav_vacancy_row,
};
