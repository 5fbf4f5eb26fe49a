/*
 * store_finalize.c - what a build or import does once every file is in
 * (store_finalize): linking rows across sources, placing them by postcode,
 * completing subject areas and routes, carrying figures over between SOC
 * editions, the FTS5 word index, linking apprenticeships to careers, the
 * other indexes and ANALYZE; each step timed on the store's step log.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "mem.h"
#include "store.h"
#include "store_int.h"

/* A career's latest figure for a measure: its own unit group's, or the nearest group above. */
#define LATEST_FIGURE(measure) \
	"(SELECT value FROM labour_market WHERE measure = '" measure "' AND soc IN (o.soc, " \
	"substr(o.soc, 1, 3), substr(o.soc, 1, 2), substr(o.soc, 1, 1)) " \
	"ORDER BY length(soc) DESC, year DESC LIMIT 1)"

/* --- finalize ------------------------------------------------------------------ */

/* Each step is one statement list, run in order; `what` names it in errors. */
static const struct {
	const char *what;
	const char *sql;
} finalize_steps[] = {
	{ "adding providers known only by their courses",
	  "WITH named(ukprn, name, source_id) AS ("
	  " SELECT provider_ukprn, provider_name, source_id FROM venue"
	  " WHERE provider_ukprn IS NOT NULL AND provider_name IS NOT NULL"
	  " UNION ALL SELECT provider_ukprn, provider_name, source_id FROM course"
	  " WHERE provider_ukprn IS NOT NULL AND provider_name IS NOT NULL)"
	  " INSERT INTO provider(kind, ukprn, name, source_id)"
	  " SELECT CASE WHEN name LIKE '%university%' THEN 'university'"
	  " WHEN name LIKE '%sixth form%' THEN 'sixth_form'"
	  " WHEN name LIKE '%college%' THEN 'college'"
	  " WHEN name LIKE '%school%' THEN 'school' ELSE 'training_provider' END,"
	  " ukprn, name, source_id FROM (SELECT ukprn, max(name) AS name, max(source_id) AS source_id"
	  " FROM named GROUP BY ukprn)"
	  " WHERE ukprn NOT IN (SELECT ukprn FROM provider WHERE ukprn IS NOT NULL)" },
	{ "linking venues to providers",
	  "UPDATE venue SET provider_id = (SELECT p.id FROM provider p"
	  " WHERE p.ukprn = venue.provider_ukprn ORDER BY p.urn IS NOT NULL, p.id LIMIT 1)"
	  " WHERE provider_ukprn IS NOT NULL" },
	{ "placing providers, venues and vacancies by postcode",
	  "UPDATE provider SET lat = pc.lat, lon = pc.lon, location_quality = 'postcode'"
	  " FROM postcode pc WHERE provider.lat IS NULL AND pc.postcode = provider.postcode;"
	  "UPDATE provider SET lat = o.lat, lon = o.lon, location_quality = 'outcode'"
	  " FROM outcode o WHERE provider.lat IS NULL AND provider.postcode IS NOT NULL"
	  " AND o.outcode = substr(provider.postcode, 1, instr(provider.postcode, ' ') - 1);"
	  "UPDATE venue SET lat = pc.lat, lon = pc.lon, location_quality = 'postcode'"
	  " FROM postcode pc WHERE venue.lat IS NULL AND pc.postcode = venue.postcode;"
	  "UPDATE venue SET lat = o.lat, lon = o.lon, location_quality = 'outcode'"
	  " FROM outcode o WHERE venue.lat IS NULL AND venue.postcode IS NOT NULL"
	  " AND o.outcode = substr(venue.postcode, 1, instr(venue.postcode, ' ') - 1);"
	  "UPDATE vacancy SET lat = pc.lat, lon = pc.lon, location_quality = 'postcode'"
	  " FROM postcode pc WHERE vacancy.lat IS NULL AND pc.postcode = vacancy.postcode;"
	  "UPDATE vacancy SET lat = o.lat, lon = o.lon, location_quality = 'outcode'"
	  " FROM outcode o WHERE vacancy.lat IS NULL AND vacancy.postcode IS NOT NULL"
	  " AND o.outcode = substr(vacancy.postcode, 1, instr(vacancy.postcode, ' ') - 1)" },
	{ "placing the other addresses of vacancies by postcode",
	  "UPDATE vacancy_address SET lat = pc.lat, lon = pc.lon FROM postcode pc"
	  " WHERE vacancy_address.lat IS NULL AND pc.postcode = vacancy_address.postcode;"
	  "UPDATE vacancy_address SET lat = o.lat, lon = o.lon FROM outcode o"
	  " WHERE vacancy_address.lat IS NULL AND vacancy_address.postcode IS NOT NULL"
	  " AND o.outcode = substr(vacancy_address.postcode, 1,"
	  "  instr(vacancy_address.postcode, ' ') - 1)" },
	/* The first campus (by LOCID) where it is taught; the others count for distance (pack.c). */
	{ "placing university courses where they are taught",
	  "UPDATE course SET (lat, lon, venue_name) = (SELECT l.lat, l.lon, l.name"
	  " FROM he_course_location cl JOIN he_location l ON l.ukprn = cl.ukprn"
	  " AND l.locid = cl.locid WHERE cl.pubukprn = course.provider_ukprn"
	  " AND cl.course_ref = course.ref AND l.lat IS NOT NULL ORDER BY cl.locid LIMIT 1)"
	  " WHERE kind = 'he' AND EXISTS (SELECT 1 FROM he_course_location cl"
	  " JOIN he_location l ON l.ukprn = cl.ukprn AND l.locid = cl.locid"
	  " WHERE cl.pubukprn = course.provider_ukprn AND cl.course_ref = course.ref"
	  " AND l.lat IS NOT NULL)" },
	{ "describing university courses' entrants and graduates",
	  "CREATE TEMP TABLE he_words(pubukprn, course_ref, go_med, go_lq, go_uq, go_years, leo3,"
	  " leo5, tariff, alevel, PRIMARY KEY (pubukprn, course_ref)) WITHOUT ROWID;"
	  "INSERT INTO temp.he_words SELECT pubukprn, course_ref,"
	  " max(CASE WHEN measure = 'salary_15m_med' THEN value END) AS go_med,"
	  " max(CASE WHEN measure = 'salary_15m_lq' THEN value END) AS go_lq,"
	  " max(CASE WHEN measure = 'salary_15m_uq' THEN value END) AS go_uq,"
	  " max(CASE WHEN measure = 'salary_15m_med' THEN detail END) AS go_years,"
	  " max(CASE WHEN measure = 'leo3_med' THEN value END) AS leo3,"
	  " max(CASE WHEN measure = 'leo5_med' THEN value END) AS leo5,"
	  " (SELECT CASE substr(t.measure, 8) WHEN '000' THEN 'under 48'"
	  "   WHEN '240' THEN '240 or more' ELSE CAST(substr(t.measure, 8) AS INTEGER) || ' to '"
	  "   || (CAST(substr(t.measure, 8) AS INTEGER) + 15) END FROM he_outcome t"
	  "  WHERE t.pubukprn = o.pubukprn AND t.course_ref = o.course_ref"
	  "  AND t.measure LIKE 'tariff%' ORDER BY t.value DESC, t.measure LIMIT 1) AS tariff,"
	  " max(CASE WHEN measure = 'entry_alevel_pct' THEN value END) AS alevel"
	  " FROM he_outcome o GROUP BY pubukprn, course_ref;"
	  "UPDATE course SET"
	  " earnings_start = CASE WHEN w.go_med IS NOT NULL THEN printf('£%,d a year 15 months after "
	  "finishing%s%s', CAST(w.go_med AS INTEGER), CASE WHEN w.go_lq IS NOT NULL"
	  "  AND w.go_uq IS NOT NULL THEN printf(' (most between £%,d and £%,d)',"
	  "  CAST(w.go_lq AS INTEGER), CAST(w.go_uq AS INTEGER)) ELSE '' END,"
	  "  CASE WHEN w.go_years IS NOT NULL THEN ', ' || w.go_years ELSE '' END) END,"
	  " earnings_later = CASE WHEN w.leo5 IS NOT NULL THEN printf('£%,d a year after 5 years',"
	  "  CAST(w.leo5 AS INTEGER)) || coalesce(printf('; £%,d after 3 years',"
	  "  CAST(w.leo3 AS INTEGER)), '') WHEN w.leo3 IS NOT NULL THEN"
	  "  printf('£%,d a year after 3 years', CAST(w.leo3 AS INTEGER)) END,"
	  " entry_requirements = coalesce(entry_requirements, CASE WHEN w.tariff IS NOT NULL"
	  "  OR w.alevel IS NOT NULL THEN trim(coalesce('Most entrants had ' || w.tariff"
	  "  || ' UCAS points.', '') || coalesce(' ' || CAST(w.alevel AS INTEGER)"
	  "  || '% of entrants came with A levels.', '')) END)"
	  " FROM temp.he_words w WHERE course.kind = 'he' AND w.pubukprn = course.provider_ukprn"
	  " AND w.course_ref = course.ref;"
	  "DROP TABLE temp.he_words" },
	/*
	 * Courses are by far the widest rows, and an UPDATE writes the whole
	 * row: so each course is linked to its provider (where it names one)
	 * and venue (where it names one), placed at the venue or else at the
	 * provider (where it has no place of its own) and given its tier 1
	 * subject area, all in one pass. l holds the new links, which the
	 * placing uses, as it would after separate UPDATEs.
	 */
	{ "linking and placing courses",
	  "UPDATE course SET (provider_id, venue_id, lat, lon) = (SELECT l.provider_id, l.venue_id,"
	  " CASE WHEN course.lat IS NOT NULL THEN course.lat WHEN v.lat IS NOT NULL THEN v.lat"
	  "  WHEN p.lat IS NOT NULL THEN p.lat ELSE course.lat END,"
	  " CASE WHEN course.lat IS NOT NULL THEN course.lon WHEN v.lat IS NOT NULL THEN v.lon"
	  "  WHEN p.lat IS NOT NULL THEN p.lon ELSE course.lon END"
	  " FROM (SELECT"
	  "  CASE WHEN course.provider_ukprn IS NOT NULL THEN (SELECT p.id FROM provider p"
	  "   WHERE p.ukprn = course.provider_ukprn ORDER BY p.urn IS NOT NULL, p.id LIMIT 1)"
	  "   ELSE course.provider_id END AS provider_id,"
	  "  CASE WHEN course.venue_ref IS NOT NULL OR course.venue_name IS NOT NULL THEN coalesce("
	  "   (SELECT v.id FROM venue v WHERE v.provider_ukprn = course.provider_ukprn"
	  "    AND v.ref = course.venue_ref),"
	  "   (SELECT v.id FROM venue v WHERE v.provider_ukprn = course.provider_ukprn"
	  "    AND v.name = course.venue_name COLLATE NOCASE))"
	  "   ELSE course.venue_id END AS venue_id) AS l"
	  " LEFT JOIN venue v ON v.id = l.venue_id LEFT JOIN provider p ON p.id = l.provider_id),"
	  " ssa1 = CASE WHEN ssa1 IS NULL AND instr(ssa2, '.') > 1"
	  "  THEN substr(ssa2, 1, instr(ssa2, '.') - 1) ELSE ssa1 END" },
	{ "completing subject areas",
	  "UPDATE standard SET ssa1 = substr(ssa2, 1, instr(ssa2, '.') - 1)"
	  " WHERE ssa1 IS NULL AND instr(ssa2, '.') > 1" },
	{ "matching routes",
	  "INSERT OR IGNORE INTO route(name) SELECT DISTINCT route_text FROM standard"
	  " WHERE route_text IS NOT NULL"
	  " AND careers_fold(route_text) NOT IN (SELECT alias FROM route_alias);"
	  "INSERT OR IGNORE INTO route_alias(alias, route_id)"
	  " SELECT careers_fold(name), id FROM route;"
	  "UPDATE standard SET route_id = (SELECT route_id FROM route_alias"
	  " WHERE alias = careers_fold(standard.route_text))" },
	/*
	 * Careers to O*NET occupations: the project's own crosswalk where it
	 * has the unit group (direct), else the published chain SOC 2020 ->
	 * ISCO-08 (ONS) -> US SOC 2018 (BLS) -> O*NET-SOC (O*NET). Only O*NET
	 * occupations with interest scores count; a career reached through
	 * several has their scores averaged, and onet_link says how.
	 */
	{ "linking careers to O*NET",
	  "DELETE FROM occupation_onet;"
	  "INSERT OR IGNORE INTO occupation_onet(soc, onet_code, how)"
	  " SELECT so.soc, so.onet_code, 'direct' FROM soc_onet so"
	  " WHERE so.onet_code IN (SELECT code FROM onet_interest WHERE scale = 'OI');"
	  "INSERT OR IGNORE INTO occupation_onet(soc, onet_code, how, isco, us_soc)"
	  " SELECT si.soc, ou.onet_code, 'isco', min(si.isco), min(iu.us_soc)"
	  " FROM soc2020_isco08 si JOIN isco08_ussoc iu ON iu.isco = si.isco"
	  " JOIN onet_ussoc ou ON ou.us_soc = iu.us_soc"
	  " WHERE ou.onet_code IN (SELECT code FROM onet_interest WHERE scale = 'OI')"
	  " AND si.soc NOT IN (SELECT soc FROM occupation_onet)"
	  " GROUP BY si.soc, ou.onet_code;"
	  "UPDATE occupation SET onet_link = (SELECT CASE WHEN max(how) = 'direct'"
	  "  THEN 'direct ' || count(*)"
	  "  ELSE 'isco ' || (SELECT group_concat(isco, ',') FROM (SELECT DISTINCT isco"
	  "   FROM occupation_onet x WHERE x.soc = occupation.soc ORDER BY isco)) || ' ' || count(*)"
	  "  END FROM occupation_onet l WHERE l.soc = occupation.soc HAVING count(*) > 0)" },
	{ "working out interest profiles",
	  "CREATE TEMP TABLE riasec AS SELECT l.soc AS soc, i.element AS element,"
	  " avg(i.value) AS value FROM occupation_onet l JOIN onet_interest i"
	  " ON i.code = l.onet_code AND i.scale = 'OI' GROUP BY l.soc, i.element;"
	  "UPDATE occupation SET"
	  " riasec_r = (SELECT value FROM riasec WHERE soc = occupation.soc AND element = 'R'),"
	  " riasec_i = (SELECT value FROM riasec WHERE soc = occupation.soc AND element = 'I'),"
	  " riasec_a = (SELECT value FROM riasec WHERE soc = occupation.soc AND element = 'A'),"
	  " riasec_s = (SELECT value FROM riasec WHERE soc = occupation.soc AND element = 'S'),"
	  " riasec_e = (SELECT value FROM riasec WHERE soc = occupation.soc AND element = 'E'),"
	  " riasec_c = (SELECT value FROM riasec WHERE soc = occupation.soc AND element = 'C'),"
	  " job_zone = coalesce((SELECT avg(o.job_zone) FROM soc_onet so JOIN onet_occupation o"
	  "  ON o.code = so.onet_code WHERE so.soc = occupation.soc),"
	  "  (SELECT avg(o.job_zone) FROM occupation_onet l JOIN onet_occupation o"
	  "  ON o.code = l.onet_code WHERE l.soc = occupation.soc));"
	  "UPDATE occupation SET riasec = careers_riasec(riasec_r, riasec_i, riasec_a,"
	  " riasec_s, riasec_e, riasec_c);"
	  "DROP TABLE temp.riasec" },
	/*
	 * LMI for All's SOC 2010 figures, carried over to the SOC 2020 unit
	 * groups its codes became, weighted by the shares of the ONS
	 * relationship table (nothing without it). A SOC 2020 figure for the
	 * same year (ASHE Table 14) is never replaced.
	 */
	{ "carrying SOC 2010 figures over to SOC 2020",
	  "INSERT OR IGNORE INTO labour_market(soc, measure, year, value, source_id)"
	  " SELECT r.soc2020, f.measure, f.year, sum(f.value * r.share) / sum(r.share),"
	  " max(f.source_id) FROM soc2010_figure f JOIN soc2010_soc2020 r ON r.soc2010 = f.soc"
	  " WHERE r.share > 0 GROUP BY r.soc2020, f.measure, f.year" },
	{ "noting each career's latest pay and hours",
	  "UPDATE occupation AS o SET weekly_pay = " LATEST_FIGURE("weekly_pay") ","
	  " weekly_hours = " LATEST_FIGURE("weekly_hours") },
	{ "indexing words for search",
	  "INSERT INTO search_text(search_text) VALUES ('delete-all');"
	  "INSERT INTO search_text(search_text, rank) VALUES ('automerge', 0);"
	  "INSERT INTO search_text(search_text, rank) VALUES ('crisismerge', 64);"
	  "INSERT INTO search_text(rowid, title, body) " SEARCH_TEXT_CAREERS ";"
	  "INSERT INTO search_text(rowid, title, body) " SEARCH_TEXT_STANDARDS ";"
	  "INSERT INTO search_text(rowid, title, body) " SEARCH_TEXT_COURSES ";"
	  "INSERT INTO search_text(rowid, title, body) " SEARCH_TEXT_VACANCIES ";"
	  "INSERT INTO search_text(rowid, title, body) " SEARCH_TEXT_SCHOOLS ";"
	  "INSERT INTO search_text(search_text) VALUES ('optimize');"
	  "INSERT INTO search_text(search_text, rank) VALUES ('automerge', 4);"
	  "INSERT INTO search_text(search_text, rank) VALUES ('crisismerge', 16)" },
};

/* Words of an apprenticeship title that say nothing about the job. */
static int dull_word(const char *w, size_t n)
{
	static const char *const dull[] = {
		"and", "the", "for", "with", "level", "apprenticeship", "apprentice", "degree",
		"integrated", "senior", "advanced", "higher", "professional", "practitioner",
		"specialist", "technician", "operative", "assistant", "manager", "officer",
		"worker", "leader", "lead", "team", "non", "new", "associate", "principal",
		"superintendent", "consultant", "partner", "excellence", "duty", "general",
	};
	size_t i;

	if (n < 3)
		return 1;
	for (i = 0; i < sizeof(dull) / sizeof(dull[0]); i++)
		if (strlen(dull[i]) == n && strncasecmp(w, dull[i], n) == 0)
			return 1;
	return 0;
}

/*
 * A full-text query from the telling words of a title, for one of three
 * passes: 0 the title as a phrase (without any "(...)" note), 1 all its
 * telling words, 2 any of them. Returns how many words it used.
 */
static int title_query(const char *title, int pass, struct strbuf *q)
{
	const unsigned char *p = (const unsigned char *)title;
	int terms = 0, depth = 0;

	strbuf_reset(q);
	if (pass == 0)
		strbuf_putc(q, '"');
	while (*p) {
		const unsigned char *start;

		while (*p && !isalnum(*p) && *p < 0x80) {
			depth += *p == '(';
			depth -= *p == ')' && depth > 0;
			p++;
		}
		start = p;
		while (*p && (isalnum(*p) || *p >= 0x80))
			p++;
		if (p == start || depth)
			continue;
		if (pass == 0) {
			strbuf_printf(q, "%s%.*s", terms++ ? " " : "", (int)(p - start), start);
			continue;
		}
		if (dull_word((const char *)start, (size_t)(p - start)))
			continue;
		strbuf_printf(q, "%s\"%.*s\"", !terms++ ? "" : pass == 1 ? " AND " : " OR ",
			      (int)(p - start), start);
	}
	if (pass == 0)
		strbuf_putc(q, '"');
	return terms;
}

/*
 * Which careers each apprenticeship standard leads to. The standard's
 * title is looked up in the occupations' titles and job titles (stemmed,
 * so "developer" finds "developers"): first as a phrase, then with all its
 * telling words, then with any of them. The first pass that finds
 * anything decides; the best hits are kept, and occupations in an
 * interest area on the standard's own route are preferred - for the
 * loosest pass, required.
 */
static enum status link_standards(struct store *s)
{
	static const char setup[] =
		"DELETE FROM standard_occupation;"
		"DROP TABLE IF EXISTS temp.occupation_words;"
		"CREATE VIRTUAL TABLE temp.occupation_words USING fts5(title, job_titles,"
		" tokenize = 'porter unicode61 remove_diacritics 2');"
		"INSERT INTO temp.occupation_words(rowid, title, job_titles)"
		" SELECT CAST(soc AS INTEGER), title, replace(coalesce(job_titles, ''), '|', ' ; ')"
		" FROM occupation;";
	sqlite3_stmt *standards = NULL, *hits = NULL, *insert = NULL;
	struct strbuf q;
	enum status rc;
	int step;

	if ((rc = store_exec(s, setup, "linking apprenticeships to careers")) != STATUS_OK)
		return rc;
	strbuf_init(&q);
	if (sqlite3_prepare_v2(store_db(s), "SELECT id, title, route_id FROM standard", -1, &standards,
			       NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(store_db(s),
			       "SELECT w.rowid, bm25(occupation_words, 3.0, 1.0) AS rank,"
			       " ?2 IS NULL OR EXISTS (SELECT 1 FROM interest_soc i"
			       "  JOIN interest_area a ON a.id = i.interest_id"
			       "  WHERE a.route_id = ?2 AND printf('%04d', w.rowid) LIKE i.soc_prefix || '%')"
			       " FROM occupation_words w WHERE occupation_words MATCH ?1"
			       " ORDER BY rank LIMIT 8", -1, &hits, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(store_db(s),
			       "INSERT OR IGNORE INTO standard_occupation(standard_id, soc, strength)"
			       " VALUES (?1, printf('%04d', ?2), ?3)", -1, &insert, NULL) != SQLITE_OK) {
		rc = store_db_fail(s, "linking apprenticeships to careers");
		goto done;
	}
	while ((step = sqlite3_step(standards)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(standards, 0), soc[8];
		const char *title = (const char *)sqlite3_column_text(standards, 1);
		double rank[8], best = 0;
		int on_route[8], n = 0, any_on_route = 0, k, pass;

		for (pass = 0; pass < 3 && n == 0; pass++) {
			if (!title_query(title, pass, &q))
				continue;
			sqlite3_reset(hits);
			sqlite3_bind_text(hits, 1, q.buf, -1, SQLITE_STATIC);
			if (sqlite3_column_type(standards, 2) == SQLITE_NULL)
				sqlite3_bind_null(hits, 2);
			else
				sqlite3_bind_int64(hits, 2, sqlite3_column_int64(standards, 2));
			while (n < 8 && sqlite3_step(hits) == SQLITE_ROW) {
				soc[n] = sqlite3_column_int64(hits, 0);
				rank[n] = -sqlite3_column_double(hits, 1);
				on_route[n] = sqlite3_column_int(hits, 2);
				/* The loosest pass keeps only careers on the standard's route. */
				if (pass == 2 && !on_route[n])
					continue;
				any_on_route |= on_route[n];
				n++;
			}
		}
		for (k = 0; k < n; k++)
			if ((!any_on_route || on_route[k]) && rank[k] > best)
				best = rank[k];
		for (k = 0; k < n && best > 0; k++) {
			if ((any_on_route && !on_route[k]) || rank[k] < 0.7 * best)
				continue;
			sqlite3_reset(insert);
			sqlite3_bind_int64(insert, 1, id);
			sqlite3_bind_int64(insert, 2, soc[k]);
			sqlite3_bind_double(insert, 3, rank[k] / best);
			if (sqlite3_step(insert) != SQLITE_DONE) {
				rc = store_db_fail(s, "linking apprenticeships to careers");
				goto done;
			}
		}
	}
	if (step != SQLITE_DONE)
		rc = store_db_fail(s, "linking apprenticeships to careers");
done:
	sqlite3_finalize(standards);
	sqlite3_finalize(hits);
	sqlite3_finalize(insert);
	strbuf_done(&q);
	if (rc == STATUS_OK)
		rc = store_exec(s, "DROP TABLE temp.occupation_words", "linking apprenticeships to careers");
	return rc;
}


static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* One step of store_finalize, timed on the step log. */
static enum status finalize_step(struct store *s, const char *sql, const char *what)
{
	double t0 = seconds_now();
	enum status rc = store_exec(s, sql, what);

	if (store_step_log(s) && rc == STATUS_OK)
		fprintf(store_step_log(s), "finishing: %s %.2f s\n", what, seconds_now() - t0);
	return rc;
}

enum status store_finalize(struct store *s, int with_indexes)
{
	enum status rc;
	size_t i;

	/* Whatever was worked out from the old rows is out of date now. */
	store_set_cache(s, NULL, NULL);
	rc = store_exec(s, "DELETE FROM option_pack; DELETE FROM word_index",
		  "forgetting the old option index");
	for (i = 0; i < sizeof(finalize_steps) / sizeof(finalize_steps[0]) && !rc; i++)
		rc = finalize_step(s, finalize_steps[i].sql, finalize_steps[i].what);
	if (!rc) {
		double t0 = seconds_now();

		rc = link_standards(s);
		if (store_step_log(s) && !rc)
			fprintf(store_step_log(s), "finishing: linking apprenticeships to careers %.2f s\n",
				seconds_now() - t0);
	}
	if (!rc && with_indexes) {
		char *indexes = store_schema_part(1);

		rc = finalize_step(s, indexes, "creating indexes");
		free(indexes);
		if (!rc)
			rc = finalize_step(s, "ANALYZE", "measuring the tables");
	}
	return rc;
}

