/*
 * store.c - open, create, fill and finalize the SQLite store.
 *
 * Design notes.
 *
 * Every SQL statement of this file is in the STMT_INFO table below and is
 * prepared once, on first use, then reset and rebound. Records from
 * importers are merged, not just inserted: the same standard arrives from
 * the IfATE file (with its reference) and from LARS (with its sector
 * subject areas), the same school from GIAS (with its URN) and from
 * Find-a-course (with its UKPRN). Merges keep the old value where the new
 * record says nothing (COALESCE(new, old)).
 *
 * Links that depend on load order (a course naming a venue from a file
 * not yet read, a provider named only by its UKPRN) are stored as keys
 * and resolved in store_finalize(), after every file is in.
 *
 * A fresh build runs with the journal off and synchronous off: the file is
 * a temporary one that is only renamed into place once it is complete
 * (see build.c), so a crash can only lose the temporary file.
 */
#define _GNU_SOURCE		/* readahead(2), for store_prefetch */
#include "store.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "safe_text.h"
#include "model.h"
#include "store_int.h"

extern const char store_schema_sql[];

#define MAX_KEPT_REJECTIONS 1000

/* Columns of an upserted course, in bind order from ?3 (?1 kind, ?2 ref). */
#define COURSE_COLUMNS \
	"provider_ukprn, provider_name, venue_ref, venue_name, title, qualification, " \
	"learn_aim_ref, level, ssa1, ssa2, subject, start_date, flexible_start, study_mode, " \
	"attendance, delivery_mode, cost_pence, cost_text, duration_value, duration_unit, " \
	"age_min, age_max, description, entry_requirements, who_for, where_next, url, " \
	"ucas_code, honours, sandwich, year_abroad, foundation_year, lat, lon, source_id"

#define VACANCY_COLUMNS \
	"title, description, employer, employer_website, lars_code, course_title, level, " \
	"route_text, address, town, postcode, lat, lon, location_quality, wage_type, " \
	"wage_pence, wage_low_pence, wage_high_pence, wage_unit, wage_text, hours_per_week, " \
	"working_week, duration_text, positions, posted_date, start_date, closing_date, " \
	"provider_name, provider_ukprn, is_national, is_disability_confident, training, " \
	"skills, qualifications, things_to_consider, url, source_id, course_type"


/*
 * Option queries. Every kind returns the same 40 columns (see read_option)
 * so one reader serves all. Parameters: ?1 full-text query, ?2 level,
 * ?3-?6 box, ?7 today, ?8 SOC code link, ?9 standard link, ?10 one id,
 * ?11 1 for university courses.
 */
#define NULL6 "NULL, NULL, NULL, NULL, NULL, NULL"
#define IN_TEXT(kind, id) \
	"(?1 IS NULL OR (" #kind " << 32) + " id " IN " \
	"(SELECT rowid FROM search_text WHERE search_text MATCH ?1))"

#define CAREER_SQL \
	"SELECT CAST(o.soc AS INTEGER), o.soc, o.title, NULL, NULL, NULL, NULL, NULL, NULL, NULL, " \
	"NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, o.riasec_r, o.riasec_i, o.riasec_a, " \
	"o.riasec_s, o.riasec_e, o.riasec_c, NULL, NULL, NULL, " \
	"CAST(round(o.weekly_pay * 100) AS INTEGER), 'weekly', o.weekly_hours, " NULL6 ", " \
	"substr(o.description, 1, 400), NULL, NULL, NULL FROM occupation o WHERE " \
	IN_TEXT(1, "CAST(o.soc AS INTEGER)") \
	" AND (?9 IS NULL OR o.soc IN (SELECT soc FROM standard_occupation WHERE standard_id = ?9))" \
	" AND (?10 IS NULL OR CAST(o.soc AS INTEGER) = ?10)"

/* Foundation apprenticeships are for 16 to 21 year olds. */
#define FOUNDATION_AGES(kind) \
	"CASE WHEN " kind " = 'foundation' THEN 16 END, CASE WHEN " kind " = 'foundation' THEN 21 END"

#define STANDARD_SQL \
	"SELECT s.id, s.reference, s.title, NULL, NULL, NULL, NULL, NULL, NULL, s.level, NULL, " \
	"s.last_start_date, 0, " FOUNDATION_AGES("s.kind") ", s.route_id, r.name, s.ssa1, s.ssa2, " \
	NULL6 ", NULL, NULL, NULL, NULL, NULL, NULL, s.duration_months, 'months', s.status, NULL, " \
	"NULL, NULL, substr(s.overview, 1, 400), s.url, NULL, NULL FROM standard s " \
	"LEFT JOIN route r ON r.id = s.route_id " \
	"WHERE coalesce(s.status, '') <> 'withdrawn' AND " IN_TEXT(2, "s.id") \
	" AND (?2 IS NULL OR s.level = ?2)" \
	" AND (?8 IS NULL OR s.id IN (SELECT standard_id FROM standard_occupation WHERE soc = ?8))" \
	" AND (?10 IS NULL OR s.id = ?10)"

#define COURSE_COLUMNS_SQL \
	"SELECT c.id, c.ref, c.title, coalesce(p.name, c.provider_name), " \
	"coalesce(v.name, c.venue_name), coalesce(v.town, p.town), coalesce(v.postcode, p.postcode), " \
	"c.lat, c.lon, c.level, c.start_date, NULL, c.flexible_start, c.age_min, c.age_max, NULL, " \
	"c.subject, c.ssa1, c.ssa2, " NULL6 ", c.kind, p.kind, p.has_sixth_form, NULL, NULL, NULL, " \
	"c.duration_value, c.duration_unit, NULL, c.study_mode, c.cost_pence, " \
	"coalesce(k.name, c.qualification), substr(coalesce(c.description, c.who_for), 1, 400), c.url, " \
	"CASE WHEN c.kind = 'he' THEN (SELECT CASE WHEN count(*) > 1 THEN " \
	"group_concat(l.lat || ' ' || l.lon, ';') END FROM he_course_location cl JOIN he_location l " \
	"ON l.ukprn = cl.ukprn AND l.locid = cl.locid WHERE cl.pubukprn = c.provider_ukprn " \
	"AND cl.course_ref = c.ref AND l.lat IS NOT NULL) END, NULL"
#define COURSE_JOINS \
	" LEFT JOIN provider p ON p.id = c.provider_id LEFT JOIN venue v ON v.id = c.venue_id " \
	"LEFT JOIN code_list k ON k.list = 'kisaim' AND k.code = c.qualification"
#define SSA_OF_SOC \
	"(SELECT i.ssa FROM interest_ssa i JOIN interest_soc o ON o.interest_id = i.interest_id " \
	"WHERE ?8 LIKE o.soc_prefix || '%')"
#define COURSE_WHERE \
	" (c.kind = 'he') = ?11 AND " IN_TEXT(3, "c.id") " AND (?2 IS NULL OR c.level = ?2)" \
	" AND (?8 IS NULL OR c.kind = 'he' OR c.ssa1 IN " SSA_OF_SOC " OR c.ssa2 IN " SSA_OF_SOC ")" \
	" AND (?10 IS NULL OR c.id = ?10)"

#define VACANCY_COLUMNS_SQL \
	"SELECT v.id, v.reference, v.title, v.employer, NULL, coalesce((SELECT group_concat(t, ', ') " \
	"FROM (SELECT DISTINCT town AS t FROM vacancy_address WHERE vacancy_id = v.id " \
	"AND town IS NOT NULL)), v.town), v.postcode, v.lat, v.lon, " \
	"v.level, v.start_date, v.closing_date, 0, " FOUNDATION_AGES("v.course_type") ", " \
	"coalesce(st.route_id, (SELECT route_id FROM route_alias WHERE alias = careers_fold(v.route_text))), " \
	"NULL, st.ssa1, st.ssa2, " NULL6 ", NULL, NULL, NULL, v.wage_pence, v.wage_unit, " \
	"v.hours_per_week, NULL, NULL, NULL, NULL, NULL, v.course_title, " \
	"substr(v.description, 1, 400), v.url, " \
	"(SELECT CASE WHEN count(*) > 1 THEN group_concat(lat || ' ' || lon, ';') END " \
	"FROM vacancy_address WHERE vacancy_id = v.id AND lat IS NOT NULL), v.posted_date"
#define VACANCY_JOINS \
	" LEFT JOIN standard st ON st.id = (SELECT id FROM standard WHERE lars_code = v.lars_code " \
	"ORDER BY id LIMIT 1)"
#define VACANCY_WHERE \
	" (v.closing_date IS NULL OR v.closing_date >= ?7) AND " IN_TEXT(4, "v.id") \
	" AND (?2 IS NULL OR v.level = ?2)" \
	" AND (?8 IS NULL OR v.lars_code IN (SELECT st2.lars_code FROM standard st2 JOIN " \
	"standard_occupation so ON so.standard_id = st2.id WHERE so.soc = ?8))" \
	" AND (?9 IS NULL OR v.lars_code = (SELECT lars_code FROM standard WHERE id = ?9))" \
	" AND (?10 IS NULL OR v.id = ?10)"

#define SCHOOL_COLUMNS_SQL \
	"SELECT p.id, p.urn, p.name, p.name, NULL, p.town, p.postcode, p.lat, p.lon, NULL, NULL, " \
	"NULL, 0, p.age_low, p.age_high, NULL, NULL, NULL, NULL, " NULL6 ", NULL, p.kind, " \
	"p.has_sixth_form, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, p.type_name, p.phase, " \
	"p.website, NULL, NULL"
#define SCHOOL_WHERE \
	" coalesce(p.is_open, 1) = 1 AND (p.kind IN ('sixth_form', 'college') OR " \
	"(p.kind IN ('school', 'special_school') AND p.has_sixth_form = 1)) AND " IN_TEXT(5, "p.id") \
	" AND (?10 IS NULL OR p.id = ?10)"

#define STMT_INFO(_) \
	_(CODE, \
	  "INSERT INTO code_list(list, code, name, parent, source_id) VALUES (?1, ?2, ?3, ?4, ?5) " \
	  "ON CONFLICT(list, code) DO UPDATE SET name = excluded.name, " \
	  "parent = coalesce(excluded.parent, parent), source_id = excluded.source_id") \
	_(POSTCODE, \
	  "INSERT INTO postcode(postcode, lat, lon, terminated, source_id) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(postcode) DO UPDATE SET lat = excluded.lat, " \
	  "lon = excluded.lon, terminated = excluded.terminated, source_id = excluded.source_id") \
	_(OUTCODE, \
	  "INSERT INTO outcode(outcode, lat, lon, source_id) VALUES (?1, ?2, ?3, ?4) " \
	  "ON CONFLICT(outcode) DO UPDATE SET lat = excluded.lat, lon = excluded.lon, " \
	  "source_id = excluded.source_id") \
	_(PROVIDER_BY_URN, "SELECT id FROM provider WHERE urn = ?1") \
	_(PROVIDER_BY_UKPRN, \
	  "SELECT id FROM provider WHERE ukprn = ?1 AND (urn IS NULL OR ?2 IS NULL) " \
	  "ORDER BY urn IS NOT NULL, id LIMIT 1") \
	_(PROVIDER_INSERT, \
	  "INSERT INTO provider(kind, ukprn, urn, name, address, town, postcode, lat, lon, " \
	  "location_quality, age_low, age_high, has_sixth_form, is_open, phase, type_name, " \
	  "local_authority, website, phone, source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, " \
	  "?9, CASE WHEN ?8 IS NOT NULL THEN 'exact' END, ?10, ?11, ?12, ?13, ?14, ?15, ?16, " \
	  "?17, ?18, ?19)") \
	_(PROVIDER_UPDATE, \
	  "UPDATE provider SET kind = ?1, ukprn = coalesce(?2, ukprn), urn = coalesce(?3, urn), " \
	  "name = ?4, address = coalesce(?5, address), town = coalesce(?6, town), " \
	  "postcode = coalesce(?7, postcode), lat = coalesce(?8, lat), lon = coalesce(?9, lon), " \
	  "location_quality = CASE WHEN ?8 IS NOT NULL THEN 'exact' ELSE location_quality END, " \
	  "age_low = coalesce(?10, age_low), age_high = coalesce(?11, age_high), " \
	  "has_sixth_form = coalesce(?12, has_sixth_form), is_open = coalesce(?13, is_open), " \
	  "phase = coalesce(?14, phase), type_name = coalesce(?15, type_name), " \
	  "local_authority = coalesce(?16, local_authority), website = coalesce(?17, website), " \
	  "phone = coalesce(?18, phone), source_id = ?19 WHERE id = ?20") \
	_(VENUE_BY_REF, "SELECT id FROM venue WHERE provider_ukprn IS ?1 AND ref = ?2") \
	_(VENUE_BY_NAME, "SELECT id FROM venue WHERE provider_ukprn IS ?1 AND name = ?2") \
	_(VENUE_INSERT, \
	  "INSERT INTO venue(provider_ukprn, provider_name, ref, name, address, town, postcode, " \
	  "lat, lon, location_quality, phone, website, source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, " \
	  "?7, ?8, ?9, CASE WHEN ?8 IS NOT NULL THEN 'exact' END, ?10, ?11, ?12)") \
	_(VENUE_UPDATE, \
	  "UPDATE venue SET provider_name = coalesce(?2, provider_name), ref = coalesce(?3, ref), " \
	  "name = ?4, address = coalesce(?5, address), town = coalesce(?6, town), " \
	  "postcode = coalesce(?7, postcode), lat = coalesce(?8, lat), lon = coalesce(?9, lon), " \
	  "location_quality = CASE WHEN ?8 IS NOT NULL THEN 'exact' ELSE location_quality END, " \
	  "phone = coalesce(?10, phone), website = coalesce(?11, website), source_id = ?12 " \
	  "WHERE id = ?13") \
	_(COURSE, \
	  "INSERT INTO course(kind, ref, " COURSE_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " \
	  "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, " \
	  "?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34, ?35, ?36, ?37) " \
	  "ON CONFLICT(kind, provider_ukprn, ref) DO UPDATE SET (" COURSE_COLUMNS ") = " \
	  "(excluded.provider_ukprn, excluded.provider_name, excluded.venue_ref, " \
	  "excluded.venue_name, excluded.title, excluded.qualification, excluded.learn_aim_ref, " \
	  "excluded.level, excluded.ssa1, excluded.ssa2, excluded.subject, excluded.start_date, " \
	  "excluded.flexible_start, excluded.study_mode, excluded.attendance, " \
	  "excluded.delivery_mode, excluded.cost_pence, excluded.cost_text, " \
	  "excluded.duration_value, excluded.duration_unit, excluded.age_min, excluded.age_max, " \
	  "excluded.description, excluded.entry_requirements, excluded.who_for, " \
	  "excluded.where_next, excluded.url, excluded.ucas_code, excluded.honours, " \
	  "excluded.sandwich, excluded.year_abroad, excluded.foundation_year, excluded.lat, " \
	  "excluded.lon, excluded.source_id)") \
	_(STANDARD_BY_REF, "SELECT id, version, status FROM standard WHERE reference = ?1") \
	_(STANDARD_BY_LARS, \
	  "SELECT id FROM standard WHERE lars_code = ?1 AND (reference IS NULL OR ?2 IS NULL) " \
	  "ORDER BY id LIMIT 1") \
	_(STANDARD_INSERT, \
	  "INSERT INTO standard(reference, lars_code, version, title, level, route_text, " \
	  "duration_months, status, keywords, job_titles, overview, integrated_degree, " \
	  "max_funding_pence, approved_date, last_start_date, ssa1, ssa2, url, source_id, kind) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, " \
	  "?18, ?19, ?21)") \
	_(STANDARD_UPDATE, \
	  "UPDATE standard SET reference = coalesce(?1, reference), " \
	  "lars_code = coalesce(?2, lars_code), version = coalesce(?3, version), " \
	  "title = coalesce(?4, title), level = coalesce(?5, level), " \
	  "route_text = coalesce(?6, route_text), duration_months = coalesce(?7, duration_months), " \
	  "status = coalesce(?8, status), keywords = coalesce(?9, keywords), " \
	  "job_titles = coalesce(?10, job_titles), overview = coalesce(?11, overview), " \
	  "integrated_degree = coalesce(?12, integrated_degree), " \
	  "max_funding_pence = coalesce(?13, max_funding_pence), " \
	  "approved_date = coalesce(?14, approved_date), " \
	  "last_start_date = coalesce(?15, last_start_date), ssa1 = coalesce(?16, ssa1), " \
	  "ssa2 = coalesce(?17, ssa2), url = coalesce(?18, url), source_id = ?19, " \
	  "kind = coalesce(?21, kind) WHERE id = ?20") \
	_(STANDARD_NEWER, \
	  "UPDATE standard SET reference = coalesce(?1, reference), " \
	  "lars_code = coalesce(?2, lars_code), version = ?3, title = coalesce(?4, title), " \
	  "level = coalesce(?5, level), route_text = coalesce(?6, route_text), " \
	  "duration_months = coalesce(?7, duration_months), status = ?8, " \
	  "keywords = coalesce(?9, keywords), job_titles = coalesce(?10, job_titles), " \
	  "overview = coalesce(?11, overview), integrated_degree = coalesce(?12, integrated_degree), " \
	  "max_funding_pence = coalesce(?13, max_funding_pence), approved_date = ?14, " \
	  "last_start_date = ?15, ssa1 = coalesce(?16, ssa1), ssa2 = coalesce(?17, ssa2), " \
	  "url = coalesce(?18, url), source_id = ?19, kind = coalesce(?21, kind) WHERE id = ?20") \
	_(STANDARD_OLDER, \
	  "UPDATE standard SET lars_code = coalesce(lars_code, ?2), title = coalesce(title, ?4), " \
	  "level = coalesce(level, ?5), route_text = coalesce(route_text, ?6), " \
	  "duration_months = coalesce(duration_months, ?7), keywords = coalesce(keywords, ?9), " \
	  "job_titles = coalesce(job_titles, ?10), overview = coalesce(overview, ?11), " \
	  "integrated_degree = coalesce(integrated_degree, ?12), " \
	  "max_funding_pence = coalesce(max_funding_pence, ?13), ssa1 = coalesce(ssa1, ?16), " \
	  "ssa2 = coalesce(ssa2, ?17), url = coalesce(url, ?18), kind = coalesce(kind, ?21) " \
	  "WHERE id = ?20 AND ?1 IS ?1 AND ?3 IS ?3 AND ?8 IS ?8 AND ?14 IS ?14 AND ?15 IS ?15 " \
	  "AND ?19 IS ?19") \
	_(STANDARD_VERSION, \
	  "INSERT INTO standard_version(reference, version, status, earliest_start, latest_start, " \
	  "latest_end, approved_date, url, source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) " \
	  "ON CONFLICT(reference, version) DO UPDATE SET status = excluded.status, " \
	  "earliest_start = excluded.earliest_start, latest_start = excluded.latest_start, " \
	  "latest_end = excluded.latest_end, approved_date = excluded.approved_date, " \
	  "url = excluded.url, source_id = excluded.source_id") \
	_(VACANCY_ID, "SELECT id FROM vacancy WHERE reference = ?1") \
	_(VACANCY_ADDRESS_CLEAR, "DELETE FROM vacancy_address WHERE vacancy_id = ?1") \
	_(VACANCY_ADDRESS, \
	  "INSERT INTO vacancy_address(vacancy_id, position, address, town, postcode, lat, lon, " \
	  "source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)") \
	_(HE_LOCATION, \
	  "INSERT INTO he_location(ukprn, locid, name, lat, lon, loc_ukprn, source_id) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(ukprn, locid) DO UPDATE SET " \
	  "name = excluded.name, lat = excluded.lat, lon = excluded.lon, " \
	  "loc_ukprn = excluded.loc_ukprn, source_id = excluded.source_id") \
	_(HE_COURSE_LOCATION, \
	  "INSERT INTO he_course_location(pubukprn, course_ref, ukprn, locid, source_id) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO UPDATE SET source_id = excluded.source_id") \
	_(HE_OUTCOME, \
	  "INSERT INTO he_outcome(pubukprn, course_ref, measure, value, detail, source_id) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT DO UPDATE SET value = excluded.value, " \
	  "detail = excluded.detail, source_id = excluded.source_id") \
	_(SOC2010_OCCUPATION, \
	  "INSERT INTO soc2010_occupation(soc, title, description, entry_routes, tasks, " \
	  "job_titles, source_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(soc) DO UPDATE " \
	  "SET title = excluded.title, description = coalesce(excluded.description, description), " \
	  "entry_routes = coalesce(excluded.entry_routes, entry_routes), " \
	  "tasks = coalesce(excluded.tasks, tasks), " \
	  "job_titles = careers_merge_list(job_titles, excluded.job_titles), " \
	  "source_id = excluded.source_id") \
	_(SOC2010_FIGURE, \
	  "INSERT INTO soc2010_figure(soc, measure, year, value, source_id) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(soc, measure, year) DO UPDATE SET " \
	  "value = excluded.value, source_id = excluded.source_id") \
	_(SOC_RELATION, \
	  "INSERT INTO soc2010_soc2020(soc2010, soc2020, share, source_id) VALUES (?1, ?2, ?3, ?4) " \
	  "ON CONFLICT DO UPDATE SET share = excluded.share, source_id = excluded.source_id") \
	_(VACANCY, \
	  "INSERT INTO vacancy(reference, " VACANCY_COLUMNS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, " \
	  "?8, ?9, ?10, ?11, ?12, ?13, ?14, CASE WHEN ?13 IS NOT NULL THEN 'exact' END, ?15, ?16, " \
	  "?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, " \
	  "?34, ?35, ?36, ?37, ?38) ON CONFLICT(reference) DO UPDATE SET (" VACANCY_COLUMNS ") = " \
	  "(excluded.title, excluded.description, excluded.employer, excluded.employer_website, " \
	  "excluded.lars_code, excluded.course_title, excluded.level, excluded.route_text, " \
	  "excluded.address, excluded.town, excluded.postcode, excluded.lat, excluded.lon, " \
	  "excluded.location_quality, excluded.wage_type, excluded.wage_pence, " \
	  "excluded.wage_low_pence, excluded.wage_high_pence, excluded.wage_unit, " \
	  "excluded.wage_text, excluded.hours_per_week, excluded.working_week, " \
	  "excluded.duration_text, excluded.positions, excluded.posted_date, " \
	  "excluded.start_date, excluded.closing_date, excluded.provider_name, " \
	  "excluded.provider_ukprn, excluded.is_national, excluded.is_disability_confident, " \
	  "excluded.training, excluded.skills, excluded.qualifications, " \
	  "excluded.things_to_consider, excluded.url, excluded.source_id, excluded.course_type)") \
	_(SOC_GROUP, \
	  "INSERT INTO soc_group(code, title, description, source_id) VALUES (?1, ?2, ?3, ?4) " \
	  "ON CONFLICT(code) DO UPDATE SET title = excluded.title, " \
	  "description = coalesce(excluded.description, description), " \
	  "source_id = excluded.source_id") \
	_(OCCUPATION, \
	  "INSERT INTO occupation(soc, title, description, entry_routes, tasks, job_titles, " \
	  "source_id) VALUES (?1, coalesce(?2, (SELECT title FROM occupation WHERE soc = ?1)), " \
	  "?3, ?4, ?5, ?6, ?7) ON CONFLICT(soc) DO UPDATE SET " \
	  "title = coalesce(excluded.title, title), " \
	  "description = coalesce(excluded.description, description), " \
	  "entry_routes = coalesce(excluded.entry_routes, entry_routes), " \
	  "tasks = coalesce(excluded.tasks, tasks), " \
	  "job_titles = careers_merge_list(job_titles, excluded.job_titles), " \
	  "source_id = excluded.source_id") \
	_(FIGURE, \
	  "INSERT INTO labour_market(soc, measure, year, value, source_id) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(soc, measure, year) DO UPDATE SET " \
	  "value = excluded.value, source_id = excluded.source_id") \
	_(ONET_OCCUPATION, \
	  "INSERT INTO onet_occupation(code, title, description, job_zone, source_id) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code) DO UPDATE SET " \
	  "title = coalesce(excluded.title, title), " \
	  "description = coalesce(excluded.description, description), " \
	  "job_zone = coalesce(excluded.job_zone, job_zone), source_id = excluded.source_id") \
	_(ONET_INTEREST, \
	  "INSERT INTO onet_interest(code, scale, element, value, source_id) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT(code, scale, element) DO UPDATE SET " \
	  "value = excluded.value, source_id = excluded.source_id") \
	_(CROSSWALK, \
	  "INSERT INTO soc_onet(soc, onet_code, source_id) VALUES (?1, ?2, ?3) " \
	  "ON CONFLICT(soc, onet_code) DO UPDATE SET source_id = excluded.source_id") \
	_(SOC_ISCO, \
	  "INSERT INTO soc2020_isco08(soc, isco, source_id) VALUES (?1, ?2, ?3) " \
	  "ON CONFLICT(soc, isco) DO UPDATE SET source_id = excluded.source_id") \
	_(ISCO_USSOC, \
	  "INSERT INTO isco08_ussoc(isco, us_soc, part, source_id) VALUES (?1, ?2, ?3, ?4) " \
	  "ON CONFLICT(isco, us_soc) DO UPDATE SET part = excluded.part, " \
	  "source_id = excluded.source_id") \
	_(ONET_USSOC, \
	  "INSERT INTO onet_ussoc(onet_code, us_soc, source_id) VALUES (?1, ?2, ?3) " \
	  "ON CONFLICT(onet_code, us_soc) DO UPDATE SET source_id = excluded.source_id") \
	_(ONET_LINK, "SELECT onet_link FROM occupation WHERE soc = ?1") \
	_(SOURCE_SAME_PATH, "SELECT id FROM source_file WHERE path = ?1 AND member IS ?2") \
	_(SOURCE_INSERT, \
	  "INSERT INTO source_file(path, format, format_title, encoding, sha256, bytes, licence, " \
	  "attribution, is_sample, imported_at, member, failed) VALUES (?1, ?2, ?3, '', '', 0, ?4, " \
	  "?5, ?6, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?7, ?8)") \
	_(SOURCE_END, \
	  "UPDATE source_file SET encoding = ?1, sha256 = ?2, bytes = ?3, rows_read = ?4, " \
	  "rows_loaded = ?5, rows_rejected = ?6, data_date = coalesce(?7, data_date) WHERE id = ?8") \
	_(SOURCE_RELABEL, \
	  "UPDATE source_file SET licence = ?2, attribution = ?3, is_sample = ?4, " \
	  "data_date = coalesce(data_date, ?5) WHERE substr(path, 1, length(?1)) = ?1 " \
	  "AND NOT EXISTS (SELECT 1 FROM json_each(coalesce(?6, '[]')) AS x " \
	  "WHERE substr(source_file.path, 1, length(x.value)) = x.value)") \
	_(SOURCE_ORIGIN, \
	  "UPDATE source_file SET origin_url = ?2, fetched_at = ?3 WHERE path = ?1 OR " \
	  "(substr(path, 1, length(?1) + 1) = ?1 || '/')") \
	_(REJECTION, \
	  "INSERT INTO rejected_row(source_id, line, location, field, message) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5)") \
	_(SOURCES, \
	  "SELECT id, path, format, format_title, encoding, sha256, bytes, licence, attribution, " \
	  "is_sample, data_date, imported_at, rows_read, rows_loaded, rows_rejected, member, " \
	  "failed, origin_url, fetched_at FROM source_file ORDER BY id") \
	_(PLACE_POSTCODE, "SELECT lat, lon FROM postcode WHERE postcode = ?1") \
	_(PLACE_OUTCODE, "SELECT lat, lon FROM outcode WHERE outcode = ?1") \
	_(PLACE_OUTCODE_POSTCODES, \
	  "SELECT avg(lat), avg(lon), count(*) FROM postcode WHERE postcode >= ?1 || ' ' " \
	  "AND postcode < ?1 || '!' AND terminated = 0") \
	_(INTERESTS, \
	  "SELECT a.id, a.slug, a.name, a.examples, a.route_id, r.name, a.riasec, " \
	  "(SELECT group_concat(ssa, '|') FROM interest_ssa WHERE interest_id = a.id), " \
	  "(SELECT group_concat(soc_prefix, '|') FROM interest_soc WHERE interest_id = a.id), " \
	  "(SELECT group_concat(keyword, '|') FROM interest_keyword WHERE interest_id = a.id) " \
	  "FROM interest_area a LEFT JOIN route r ON r.id = a.route_id ORDER BY a.id") \
	_(OPTIONS_CAREER, CAREER_SQL) \
	_(OPTIONS_APPRENTICESHIP, STANDARD_SQL) \
	_(OPTIONS_COURSE_ALL, COURSE_COLUMNS_SQL " FROM course c" COURSE_JOINS " WHERE" COURSE_WHERE) \
	_(OPTIONS_VACANCY_ALL, VACANCY_COLUMNS_SQL " FROM vacancy v" VACANCY_JOINS " WHERE" \
	  VACANCY_WHERE) \
	_(OPTIONS_SCHOOL_ALL, SCHOOL_COLUMNS_SQL " FROM provider p WHERE" SCHOOL_WHERE) \
	_(OPTIONS_CAREER_ONE, CAREER_SQL " AND o.soc = printf('%04d', ?10)") \
	_(OPTIONS_APPRENTICESHIP_ONE, STANDARD_SQL " AND s.id = ?10") \
	_(OPTIONS_COURSE_ONE, COURSE_COLUMNS_SQL " FROM course c" COURSE_JOINS " WHERE c.id = ?10 AND" \
	  COURSE_WHERE) \
	_(OPTIONS_VACANCY_ONE, VACANCY_COLUMNS_SQL " FROM vacancy v" VACANCY_JOINS \
	  " WHERE v.id = ?10 AND" VACANCY_WHERE) \
	_(OPTIONS_SCHOOL_ONE, SCHOOL_COLUMNS_SQL " FROM provider p WHERE p.id = ?10 AND" SCHOOL_WHERE) \
	_(TEXT_MATCHES, \
	  "SELECT rowid FROM search_text WHERE search_text MATCH ?1" \
	  " AND rowid BETWEEN ?2 AND ?3 ORDER BY rowid") \
	_(LINK_CAREER_STANDARDS, \
	  "SELECT standard_id FROM standard_occupation WHERE soc = printf('%04d', ?1)") \
	_(LINK_CAREER_VACANCIES, \
	  "SELECT v.id FROM vacancy v WHERE v.lars_code IN (SELECT st.lars_code FROM standard st " \
	  "JOIN standard_occupation so ON so.standard_id = st.id WHERE so.soc = printf('%04d', ?1))") \
	_(LINK_STANDARD_CAREERS, \
	  "SELECT CAST(soc AS INTEGER) FROM standard_occupation WHERE standard_id = ?1") \
	_(LINK_STANDARD_VACANCIES, \
	  "SELECT v.id FROM vacancy v WHERE v.lars_code = (SELECT lars_code FROM standard WHERE id = ?1)") \
	_(PACK_GET, "SELECT id, length(data) FROM option_pack ORDER BY id DESC LIMIT 1") \
	_(PACK_PUT, "INSERT INTO option_pack(data) VALUES (?1)") \
	_(WORD_INDEX_PUT, "INSERT INTO word_index(id, data) VALUES (?1, ?2)") \
	_(WORD_INDEX_SIZE, "SELECT length(data) FROM word_index WHERE id = ?1") \
	_(SEARCH_TEXT_ALL, SEARCH_TEXT_CAREERS " UNION ALL " SEARCH_TEXT_STANDARDS " UNION ALL " \
	  SEARCH_TEXT_COURSES " UNION ALL " SEARCH_TEXT_VACANCIES " UNION ALL " SEARCH_TEXT_SCHOOLS) \
	_(TEXT_CAREER, \
	  "SELECT description, tasks, entry_routes, NULL, NULL, NULL, NULL, NULL, NULL, NULL, " \
	  "NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, job_titles, NULL, NULL, NULL FROM occupation " \
	  "WHERE CAST(soc AS INTEGER) = ?1") \
	_(TEXT_APPRENTICESHIP, \
	  "SELECT overview, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, url, " \
	  "NULL, CASE WHEN duration_months THEN duration_months || ' months' END, NULL, NULL, " \
	  "keywords, job_titles, integrated_degree, NULL, NULL FROM standard WHERE id = ?1") \
	_(TEXT_COURSE, \
	  "SELECT c.description, NULL, c.entry_requirements, c.who_for, c.where_next, NULL, NULL, " \
	  "coalesce((SELECT name FROM code_list WHERE list = 'kisaim' AND code = c.qualification), " \
	  "c.qualification), NULL, coalesce(v.address, p.address), coalesce(v.phone, p.phone), " \
	  "coalesce(v.website, p.website), c.url, c.cost_text, " \
	  "CASE WHEN c.duration_value THEN c.duration_value || ' ' || c.duration_unit END, NULL, " \
	  "NULL, NULL, NULL, c.attendance, c.earnings_start, c.earnings_later FROM course c " \
	  "LEFT JOIN provider p ON p.id = c.provider_id " \
	  "LEFT JOIN venue v ON v.id = c.venue_id WHERE c.id = ?1") \
	_(TEXT_VACANCY, \
	  "SELECT description, NULL, NULL, NULL, NULL, training, skills, qualifications, " \
	  "things_to_consider, address, NULL, employer_website, url, NULL, duration_text, " \
	  "wage_text, working_week, NULL, NULL, provider_name, NULL, NULL FROM vacancy WHERE id = ?1") \
	_(TEXT_SCHOOL, \
	  "SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, address, phone, website, " \
	  "NULL, NULL, NULL, NULL, NULL, NULL, NULL, type_name, NULL, NULL FROM provider " \
	  "WHERE id = ?1") \
	_(FIGURES, \
	  "SELECT soc, year, value FROM labour_market WHERE measure = ?2 AND soc = (" \
	  "SELECT soc FROM labour_market WHERE measure = ?2 AND soc IN (?1, substr(?1, 1, 3), " \
	  "substr(?1, 1, 2), substr(?1, 1, 1)) ORDER BY length(soc) DESC LIMIT 1) ORDER BY year") \
	_(FINGERPRINT, "SELECT group_concat(sha256, '') FROM (SELECT sha256 FROM source_file ORDER BY id)") \
	_(REJECTIONS, \
	  "SELECT s.path, r.line, r.location, r.field, r.message FROM rejected_row r " \
	  "JOIN source_file s ON s.id = r.source_id " \
	  "WHERE ?1 IS NULL OR instr(s.path, ?1) > 0 ORDER BY r.rowid")

enum stmt_id {
#define STMT_ENUM(id, sql) STMT_##id,
	STMT_INFO(STMT_ENUM)
#undef STMT_ENUM
	STMT_COUNT
};

static const char *const stmt_sql[] = {
#define STMT_SQL(id, sql) sql,
	STMT_INFO(STMT_SQL)
#undef STMT_SQL
};

/* Tables whose rows carry a source_id, for replacing a re-imported file. */
static const char *const sourced_tables[] = {
	"code_list", "postcode", "outcode", "provider", "venue", "course", "standard", "vacancy",
	"soc_group", "occupation", "labour_market", "onet_occupation", "onet_interest",
	"soc_onet", "soc2020_isco08", "isco08_ussoc", "onet_ussoc", "standard_version",
	"vacancy_address", "he_location", "he_course_location", "he_outcome",
	"soc2010_occupation", "soc2010_figure", "soc2010_soc2020",
	/* timetables (store_gtfs.c) */
	"gtfs_feed_info", "gtfs_agency", "gtfs_stop", "gtfs_route", "gtfs_trip", "gtfs_stop_time",
	"gtfs_calendar", "gtfs_calendar_date", "gtfs_frequency", "naptan_stop",
};

struct store {
	sqlite3 *db;
	char *path;
	int read_only;
	long long source_id;
	long long source_rejections;
	sqlite3_stmt *stmt[STMT_COUNT];
	char errmsg[512];
	void *cache;			/* see store_set_cache() */
	void (*cache_free)(void *);
	int in_put;			/* a record from the sink is being stored */
	unsigned long replaced;		/* rows this source wrote over (see watch_replacements) */
	struct store_gtfs *gtfs;	/* timetable state (store_gtfs.c) */
	FILE *step_log;			/* (borrowed) store_finalize's steps timed, or NULL */
};

/* --- small helpers ----------------------------------------------------------- */

static enum status fail(struct store *s, enum status rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum status fail(struct store *s, enum status rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->errmsg, sizeof(s->errmsg), fmt, ap);
	va_end(ap);
	safe_text_mend(s->errmsg);	/* SQLite's words can quote a damaged store's bytes */
	return rc;
}

static enum status db_fail(struct store *s, const char *doing)
{
	int code = sqlite3_errcode(s->db);

	/* Trouble with the store's file itself names the file: it is not the data's fault. */
	if (code == SQLITE_READONLY || code == SQLITE_CANTOPEN || code == SQLITE_IOERR ||
	    code == SQLITE_FULL || code == SQLITE_PERM || code == SQLITE_BUSY ||
	    code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		fail(s, STATUS_DB, "the store %s: %s: %s", s->path, doing, sqlite3_errmsg(s->db));
	else
		fail(s, STATUS_DB, "%s: %s", doing, sqlite3_errmsg(s->db));
	if (code == SQLITE_FULL)
		return STATUS_IO;
	if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB)
		return STATUS_CORRUPT;
	return STATUS_DB;
}

static sqlite3_stmt *stmt(struct store *s, enum stmt_id id)
{
	if (!s->stmt[id]) {
		if (sqlite3_prepare_v3(s->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
				       &s->stmt[id], NULL) != SQLITE_OK)
			return NULL;
	} else {
		sqlite3_reset(s->stmt[id]);
		sqlite3_clear_bindings(s->stmt[id]);
	}
	return s->stmt[id];
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_int(sqlite3_stmt *st, int i, long long v)
{
	if (v == MODEL_NO_INT)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int64(st, i, v);
}

static void bind_real(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

static void bind_flag(sqlite3_stmt *st, int i, int v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int(st, i, v);
}

static const char *column_text(sqlite3_stmt *st, int i);

/* Step a statement that returns no rows. */
static enum status run(struct store *s, sqlite3_stmt *st, const char *doing)
{
	int rc;

	if (!st)
		return db_fail(s, doing);
	rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(s, doing);
	sqlite3_reset(st);
	return STATUS_OK;
}

/* Step a lookup; *id = first column, or 0 when there is no row. */
static enum status lookup(struct store *s, sqlite3_stmt *st, long long *id, const char *doing)
{
	int rc;

	*id = 0;
	if (!st)
		return db_fail(s, doing);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (rc != SQLITE_DONE)
		return db_fail(s, doing);
	sqlite3_reset(st);
	return STATUS_OK;
}

static enum status exec(struct store *s, const char *sql, const char *doing)
{
	char *msg = NULL;

	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		fail(s, STATUS_DB, "%s: %s", doing, msg ? msg : sqlite3_errmsg(s->db));
		sqlite3_free(msg);
		return STATUS_DB;
	}
	return STATUS_OK;
}

/* --- SQL functions the schema and finalize use -------------------------------- */

/* careers_fold(text): lower case, letters and digits only, single spaces. */
static void fold_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char *in = sqlite3_value_text(argv[0]);
	struct strbuf sb;
	int space = 0;

	(void)argc;
	if (!in) {
		sqlite3_result_null(ctx);
		return;
	}
	strbuf_init(&sb);
	for (; *in; in++) {
		if (isalnum(*in) || *in >= 0x80) {
			if (space && sb.len)
				strbuf_putc(&sb, ' ');
			space = 0;
			strbuf_putc(&sb, (char)tolower(*in));
		} else if (*in != '\'') {
			space = 1;
		}
	}
	sqlite3_result_text(ctx, sb.buf, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_done(&sb);
}

/* Is the '|'-separated item b[0..len) already in list a (ignoring case)? */
static int list_has(const char *a, const char *b, size_t len)
{
	while (*a) {
		size_t n = strcspn(a, "|");

		if (n == len && strncasecmp(a, b, len) == 0)
			return 1;
		a += n;
		if (*a == '|')
			a++;
	}
	return 0;
}

/* careers_merge_list(a, b): the '|' list a with b's new entries appended. */
static void merge_list_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const char *a = (const char *)sqlite3_value_text(argv[0]);
	const char *b = (const char *)sqlite3_value_text(argv[1]);
	struct strbuf sb;

	(void)argc;
	if (!a || !b) {
		sqlite3_result_value(ctx, a ? argv[0] : argv[1]);
		return;
	}
	strbuf_init(&sb);
	strbuf_puts(&sb, a);
	while (*b) {
		size_t len = strcspn(b, "|");

		if (len && !list_has(a, b, len)) {
			strbuf_putc(&sb, '|');
			strbuf_add(&sb, b, len);
		}
		b += len;
		if (*b == '|')
			b++;
	}
	sqlite3_result_text(ctx, sb.buf, (int)sb.len, SQLITE_TRANSIENT);
	strbuf_done(&sb);
}

/* careers_riasec(r, i, a, s, e, c): the letters of the three highest scores. */
static void riasec_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	static const char letters[] = "RIASEC";
	double v[6];
	char code[4];
	int used[6] = { 0 }, k, j;

	for (k = 0; k < 6 && k < argc; k++) {
		if (sqlite3_value_type(argv[k]) == SQLITE_NULL) {
			sqlite3_result_null(ctx);
			return;
		}
		v[k] = sqlite3_value_double(argv[k]);
	}
	for (j = 0; j < 3; j++) {
		int best = -1;

		for (k = 0; k < 6; k++)
			if (!used[k] && (best < 0 || v[k] > v[best]))
				best = k;
		used[best] = 1;
		code[j] = letters[best];
	}
	code[3] = '\0';
	sqlite3_result_text(ctx, code, 3, SQLITE_TRANSIENT);
}

static void register_functions(sqlite3 *db)
{
	int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;

	sqlite3_create_function(db, "careers_fold", 1, flags, NULL, fold_fn, NULL, NULL);
	sqlite3_create_function(db, "careers_merge_list", 2, flags, NULL, merge_list_fn, NULL, NULL);
	sqlite3_create_function(db, "careers_riasec", 6, flags, NULL, riasec_fn, NULL, NULL);
}

/* --- rows replaced by a later row with the same key -------------------------------- */

/*
 * A keyed record (a postcode, a course, a vacancy ...) is stored with
 * INSERT ... ON CONFLICT DO UPDATE, so a key that comes again in the same
 * file writes over the row before it: the file "loaded" it, but one row
 * remains. A temporary trigger on each keyed table tells careers_replaced()
 * when a row of the current source is written over by the same source,
 * while the sink is storing a record; store_source_replaced() says how
 * many. (A later file updating an earlier one's row is a merge, not a
 * repeat: not counted.)
 */
static const char *const keyed_tables[] = {
	"code_list", "postcode", "outcode", "course", "vacancy", "soc_group", "occupation",
	"labour_market", "onet_occupation", "onet_interest", "soc_onet",
};

static void replaced_fn(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct store *s = sqlite3_user_data(ctx);

	(void)argc;
	if (s->in_put && sqlite3_value_int(argv[0]))
		s->replaced++;
	sqlite3_result_null(ctx);
}

static enum status watch_replacements(struct store *s)
{
	enum status rc = STATUS_OK;
	size_t i;

	sqlite3_create_function(s->db, "careers_replaced", 1, SQLITE_UTF8, s, replaced_fn, NULL,
				NULL);
	for (i = 0; i < sizeof(keyed_tables) / sizeof(keyed_tables[0]) && !rc; i++) {
		char sql[256];

		snprintf(sql, sizeof(sql), "CREATE TEMP TRIGGER careers_replaced_%s AFTER UPDATE ON "
			 "main.%s BEGIN SELECT careers_replaced(OLD.source_id IS NEW.source_id); END",
			 keyed_tables[i], keyed_tables[i]);
		rc = exec(s, sql, "setting up the store for importing");
	}
	return rc;
}

unsigned long store_source_replaced(const struct store *s)
{
	return s->replaced;
}

/* --- opening -------------------------------------------------------------------- */

static struct store *store_new(const char *path)
{
	struct store *s = xcalloc(1, sizeof(*s));

	s->path = xstrdup(path);
	return s;
}

void store_close(struct store *s)
{
	int i;

	if (!s)
		return;
	store_set_cache(s, NULL, NULL);
	store_gtfs_free(s->gtfs);
	for (i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(s->stmt[i]);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

/*
 * The prefetch thread: owns its copy of the path. It asks the system to
 * read the file into its cache a few megabytes at a time (readahead(2):
 * the pages already there cost a look-up, and nothing is copied to us, so
 * the thread hardly competes with the pupil's first keys for a CPU).
 * Where readahead is refused, it reads the file and throws the bytes
 * away; the system keeps them. (posix_fadvise's WILLNEED would be the
 * polite way, but Linux reads only the first readahead window of it.)
 */
static void *prefetch(void *arg)
{
	const size_t chunk = 4u << 20;
	char *path = arg, *buf = NULL;
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	off_t at = 0;

	if (fd >= 0 && fstat(fd, &st) == 0) {
		while (at < st.st_size && readahead(fd, at, chunk) == 0)
			at += (off_t)chunk;
		if (at < st.st_size) {
			buf = xmalloc(256 * 1024);
			posix_fadvise(fd, at, 0, POSIX_FADV_SEQUENTIAL);
			while (pread(fd, buf, 256 * 1024, at) > 0)
				at += 256 * 1024;
		}
	}
	if (fd >= 0)
		close(fd);
	free(buf);
	free(path);
	return NULL;
}

void store_prefetch(const struct store *s)
{
	pthread_attr_t attr;
	pthread_t thread;
	char *path;

	if (!s->path || strcmp(s->path, ":memory:") == 0)
		return;
	path = xstrdup(s->path);
	pthread_attr_init(&attr);
	pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
	if (pthread_create(&thread, &attr, prefetch, path) != 0)
		free(path);
	pthread_attr_destroy(&attr);
}

void store_set_cache(struct store *s, void *data, void (*free_fn)(void *))
{
	if (s->cache && s->cache_free)
		s->cache_free(s->cache);
	s->cache = data;
	s->cache_free = free_fn;
}

void *store_cache(const struct store *s)
{
	return s->cache;
}

const char *store_errmsg(const struct store *s)
{
	return s->errmsg;
}

const char *store_path(const struct store *s)
{
	return s->path;
}

/* --- for the store's other files (store_int.h) ----------------------------------- */

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

long long store_source_id(const struct store *s)
{
	return s->source_id;
}

struct store_gtfs **store_gtfs_slot(struct store *s)
{
	return &s->gtfs;
}

enum status store_fail(struct store *s, enum status rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->errmsg, sizeof(s->errmsg), fmt, ap);
	va_end(ap);
	return rc;
}

enum status store_db_fail(struct store *s, const char *doing)
{
	return db_fail(s, doing);
}

enum status store_exec(struct store *s, const char *sql, const char *doing)
{
	return exec(s, sql, doing);
}

/* The part of schema.sql before or after the "-- section: indexes" line. */
static char *schema_part(int indexes)
{
	const char *marker = strstr(store_schema_sql, "\n-- section: indexes");

	if (!marker)
		return xstrdup(indexes ? "" : store_schema_sql);
	return indexes ? xstrdup(marker) : xstrndup(store_schema_sql, (size_t)(marker - store_schema_sql));
}

/*
 * Before SQLite's first use: no global count of its memory (every
 * allocation would take a global mutex to keep it; nothing reads it).
 * Once SQLite is in use this is refused, harmlessly.
 */
static void sqlite_setup(void)
{
	static int done;

	if (!done) {
		done = 1;
		sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	}
}

enum status store_create(const char *path, struct store **out, char *err, size_t errlen)
{
	struct store *s = store_new(path);
	struct stat st;
	char *tables;
	enum status rc;

	sqlite_setup();
	*out = NULL;
	if (stat(path, &st) == 0 && st.st_size > 0) {
		snprintf(err, errlen, "%s already exists", path);
		store_close(s);
		return STATUS_IO;
	}
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot create %s: %s", path,
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return STATUS_IO;
	}
	register_functions(s->db);
	tables = schema_part(0);
	rc = exec(s, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; "
		  "PRAGMA locking_mode = EXCLUSIVE; PRAGMA cache_size = -65536; "
		  "PRAGMA foreign_keys = OFF;", "setting up the new store");
	if (rc == STATUS_OK)
		rc = exec(s, tables, "creating the tables");
	if (rc == STATUS_OK)
		rc = watch_replacements(s);
	free(tables);
	if (rc != STATUS_OK) {
		snprintf(err, errlen, "%s", s->errmsg);
		store_close(s);
		return rc;
	}
	*out = s;
	return STATUS_OK;
}

enum status store_open(const char *path, enum store_mode mode, struct store **out,
		       char *err, size_t errlen)
{
	struct store *s = store_new(path);
	/* One thread uses a connection (the search's helper thread and the read-ahead never do). */
	int flags = (mode == STORE_READ_ONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
		    SQLITE_OPEN_NOMUTEX;
	sqlite3_stmt *st = NULL;
	long long version = -1, tables = 0;
	struct stat sb;

	sqlite_setup();
	*out = NULL;
	if (stat(path, &sb) != 0) {
		snprintf(err, errlen, "cannot open the store %s: %s", path, strerror(errno));
		store_close(s);
		return STATUS_IO;
	}
	s->read_only = mode == STORE_READ_ONLY;
	if (sqlite3_open_v2(path, &s->db, flags, NULL) != SQLITE_OK) {
		snprintf(err, errlen, "cannot open the store %s: %s", path,
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		store_close(s);
		return STATUS_IO;
	}
	sqlite3_busy_timeout(s->db, 2000);
	if (sqlite3_prepare_v2(s->db,
			       "SELECT (SELECT user_version FROM pragma_user_version), "
			       "(SELECT count(*) FROM sqlite_schema WHERE name = 'source_file')",
			       -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW) {
		version = sqlite3_column_int64(st, 0);
		tables = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	if (version < 0) {
		snprintf(err, errlen, "%s is not a careers store (%s)", path, sqlite3_errmsg(s->db));
		safe_text_mend(err);
		store_close(s);
		return STATUS_CORRUPT;
	}
	if (!tables) {
		snprintf(err, errlen, "%s is not a careers store (no source_file table)", path);
		store_close(s);
		return STATUS_CORRUPT;
	}
	if (version != STORE_VERSION) {
		snprintf(err, errlen,
			 "%s was made by a different version of careers (store version %lld; this "
			 "program reads version %d): rebuild it with `careers build`",
			 path, version, STORE_VERSION);
		store_close(s);
		return STATUS_VERSION;
	}
	if (!s->read_only && sqlite3_db_readonly(s->db, "main") == 1) {
		snprintf(err, errlen, "cannot write to the store %s: it is read-only (its permissions, "
			 "or a read-only disk); nothing was changed", path);
		store_close(s);
		return STATUS_IO;
	}
	register_functions(s->db);
	if (s->read_only) {
		exec(s, "PRAGMA query_only = 1", "opening read-only");
	} else if (watch_replacements(s) != STATUS_OK) {
		snprintf(err, errlen, "%s", s->errmsg);
		store_close(s);
		return STATUS_DB;
	}
	*out = s;
	return STATUS_OK;
}

enum status store_begin(struct store *s)
{
	return exec(s, "BEGIN IMMEDIATE", "starting a transaction");
}

enum status store_commit(struct store *s)
{
	return exec(s, "COMMIT", "saving the changes");
}

enum status store_read_begin(struct store *s)
{
	return exec(s, "SAVEPOINT careers_read", "starting to read");
}

void store_read_end(struct store *s)
{
	sqlite3_exec(s->db, "RELEASE careers_read", NULL, NULL, NULL);
}

void store_rollback(struct store *s)
{
	store_gtfs_forget(s);
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* --- sources ------------------------------------------------------------------- */

static enum status forget_source(struct store *s, long long id)
{
	char sql[160];
	size_t i;
	enum status rc = STATUS_OK;

	for (i = 0; i < sizeof(sourced_tables) / sizeof(sourced_tables[0]) && !rc; i++) {
		snprintf(sql, sizeof(sql), "DELETE FROM %s WHERE source_id = %lld", sourced_tables[i],
			 id);
		rc = exec(s, sql, "replacing an earlier import");
	}
	if (!rc) {
		snprintf(sql, sizeof(sql),
			 "DELETE FROM rejected_row WHERE source_id = %lld; "
			 "DELETE FROM source_file WHERE id = %lld", id, id);
		rc = exec(s, sql, "replacing an earlier import");
	}
	return rc;
}

/* Insert the source_file row of src; failed: why it was left out, or NULL. */
static enum status insert_source(struct store *s, const struct store_source *src,
				 const char *failed)
{
	sqlite3_stmt *st;
	long long old;
	enum status rc;

	for (;;) {
		st = stmt(s, STMT_SOURCE_SAME_PATH);
		if (!st)
			return db_fail(s, "looking up earlier imports");
		bind_text(st, 1, src->path);
		bind_text(st, 2, src->member);
		if ((rc = lookup(s, st, &old, "looking up earlier imports")) != STATUS_OK)
			return rc;
		if (!old)
			break;
		if ((rc = forget_source(s, old)) != STATUS_OK)
			return rc;
	}
	st = stmt(s, STMT_SOURCE_INSERT);
	if (!st)
		return db_fail(s, "recording a source file");
	bind_text(st, 1, src->path);
	bind_text(st, 2, src->format);
	bind_text(st, 3, src->format_title);
	bind_text(st, 4, src->licence);
	bind_text(st, 5, src->attribution);
	sqlite3_bind_int(st, 6, src->is_sample);
	bind_text(st, 7, src->member);
	bind_text(st, 8, failed);
	return run(s, st, "recording a source file");
}

enum status store_source_begin(struct store *s, const struct store_source *src)
{
	enum status rc = insert_source(s, src, NULL);

	if (rc != STATUS_OK)
		return rc;
	s->source_id = sqlite3_last_insert_rowid(s->db);
	s->source_rejections = 0;
	s->replaced = 0;
	return STATUS_OK;
}

enum status store_source_failed(struct store *s, const struct store_source *src,
				const char *why)
{
	return insert_source(s, src, why);
}

enum status store_file_begin(struct store *s)
{
	return exec(s, "SAVEPOINT careers_file", "starting a file");
}

enum status store_file_undo(struct store *s)
{
	store_gtfs_forget(s);	/* timetable ids given out since may name nothing now */
	return exec(s, "ROLLBACK TO careers_file; RELEASE careers_file", "leaving a file out");
}

enum status store_file_keep(struct store *s)
{
	return exec(s, "RELEASE careers_file", "finishing a file");
}

enum status store_source_reject(struct store *s, const struct import_rejection *r)
{
	sqlite3_stmt *st;

	if (s->source_rejections++ >= MAX_KEPT_REJECTIONS)
		return STATUS_OK;
	if (!(st = stmt(s, STMT_REJECTION)))
		return db_fail(s, "recording a rejected row");
	sqlite3_bind_int64(st, 1, s->source_id);
	bind_int(st, 2, r->line ? (long long)r->line : MODEL_NO_INT);
	bind_text(st, 3, r->location);
	bind_text(st, 4, r->field ? r->field : "(row)");
	bind_text(st, 5, r->message);
	return run(s, st, "recording a rejected row");
}

enum status store_source_end(struct store *s, const struct import_result *r)
{
	sqlite3_stmt *st = stmt(s, STMT_SOURCE_END);

	if (!st)
		return db_fail(s, "finishing a source file");
	bind_text(st, 1, r->encoding);
	bind_text(st, 2, r->sha256);
	sqlite3_bind_int64(st, 3, (long long)r->bytes);
	sqlite3_bind_int64(st, 4, (long long)r->read);
	sqlite3_bind_int64(st, 5, (long long)r->loaded);
	sqlite3_bind_int64(st, 6, (long long)r->rejected);
	bind_text(st, 7, r->data_date[0] ? r->data_date : NULL);
	sqlite3_bind_int64(st, 8, s->source_id);
	return run(s, st, "finishing a source file");
}

enum status store_source_relabel(struct store *s, const char *prefix, const char *licence,
				 const char *attribution, int is_sample, const char *data_date,
				 const char *except_json)
{
	sqlite3_stmt *st = stmt(s, STMT_SOURCE_RELABEL);

	if (!st)
		return db_fail(s, "labelling sources");
	bind_text(st, 1, prefix);
	bind_text(st, 2, licence);
	bind_text(st, 3, attribution);
	sqlite3_bind_int(st, 4, is_sample);
	bind_text(st, 5, data_date);
	bind_text(st, 6, except_json);
	return run(s, st, "labelling sources");
}

enum status store_source_origin(struct store *s, const char *path, const char *url,
				const char *fetched_at)
{
	sqlite3_stmt *st = stmt(s, STMT_SOURCE_ORIGIN);

	if (!st)
		return db_fail(s, "recording where files came from");
	bind_text(st, 1, path);
	bind_text(st, 2, url);
	bind_text(st, 3, fetched_at);
	return run(s, st, "recording where files came from");
}

/* --- the sink: one put function per record kind ---------------------------------- */

static enum status put_code(struct store *s, const struct code_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_CODE);

	if (!st)
		return db_fail(s, "storing a code");
	bind_text(st, 1, r->list);
	bind_text(st, 2, r->code);
	bind_text(st, 3, r->name);
	bind_text(st, 4, r->parent);
	sqlite3_bind_int64(st, 5, s->source_id);
	return run(s, st, "storing a code");
}

static enum status put_postcode(struct store *s, const struct postcode_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_POSTCODE);

	if (!st)
		return db_fail(s, "storing a postcode");
	sqlite3_bind_text(st, 1, r->postcode, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 2, r->lat);
	sqlite3_bind_double(st, 3, r->lon);
	sqlite3_bind_int(st, 4, r->terminated);
	sqlite3_bind_int64(st, 5, s->source_id);
	return run(s, st, "storing a postcode");
}

static enum status put_outcode(struct store *s, const struct outcode_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_OUTCODE);

	if (!st)
		return db_fail(s, "storing a postcode district");
	sqlite3_bind_text(st, 1, r->outcode, -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 2, r->lat);
	sqlite3_bind_double(st, 3, r->lon);
	sqlite3_bind_int64(st, 4, s->source_id);
	return run(s, st, "storing a postcode district");
}

static enum status put_provider(struct store *s, const struct provider_rec *r)
{
	sqlite3_stmt *st;
	long long id = 0;
	enum status rc;

	if (r->urn) {
		if (!(st = stmt(s, STMT_PROVIDER_BY_URN)))
			return db_fail(s, "finding a provider");
		bind_text(st, 1, r->urn);
		if ((rc = lookup(s, st, &id, "finding a provider")) != STATUS_OK)
			return rc;
	}
	if (!id && r->ukprn) {
		if (!(st = stmt(s, STMT_PROVIDER_BY_UKPRN)))
			return db_fail(s, "finding a provider");
		bind_text(st, 1, r->ukprn);
		bind_text(st, 2, r->urn);
		if ((rc = lookup(s, st, &id, "finding a provider")) != STATUS_OK)
			return rc;
	}
	st = stmt(s, id ? STMT_PROVIDER_UPDATE : STMT_PROVIDER_INSERT);
	if (!st)
		return db_fail(s, "storing a provider");
	bind_text(st, 1, r->kind ? r->kind : "other");
	bind_text(st, 2, r->ukprn);
	bind_text(st, 3, r->urn);
	bind_text(st, 4, r->name);
	bind_text(st, 5, r->address);
	bind_text(st, 6, r->town);
	bind_text(st, 7, r->postcode);
	bind_real(st, 8, r->lat);
	bind_real(st, 9, r->lon);
	bind_int(st, 10, r->age_low);
	bind_int(st, 11, r->age_high);
	bind_flag(st, 12, r->has_sixth_form);
	bind_flag(st, 13, r->is_open);
	bind_text(st, 14, r->phase);
	bind_text(st, 15, r->type_name);
	bind_text(st, 16, r->local_authority);
	bind_text(st, 17, r->website);
	bind_text(st, 18, r->phone);
	sqlite3_bind_int64(st, 19, s->source_id);
	if (id)
		sqlite3_bind_int64(st, 20, id);
	return run(s, st, "storing a provider");
}

static enum status put_venue(struct store *s, const struct venue_rec *r)
{
	sqlite3_stmt *st;
	long long id = 0;
	enum status rc;

	if (r->ref) {
		if (!(st = stmt(s, STMT_VENUE_BY_REF)))
			return db_fail(s, "finding a venue");
		bind_text(st, 1, r->provider_ukprn);
		bind_text(st, 2, r->ref);
		if ((rc = lookup(s, st, &id, "finding a venue")) != STATUS_OK)
			return rc;
	}
	if (!id) {
		if (!(st = stmt(s, STMT_VENUE_BY_NAME)))
			return db_fail(s, "finding a venue");
		bind_text(st, 1, r->provider_ukprn);
		bind_text(st, 2, r->name);
		if ((rc = lookup(s, st, &id, "finding a venue")) != STATUS_OK)
			return rc;
	}
	if (id) {
		if (!(st = stmt(s, STMT_VENUE_UPDATE)))
			return db_fail(s, "storing a venue");
		sqlite3_bind_int64(st, 13, id);
	} else if (!(st = stmt(s, STMT_VENUE_INSERT))) {
		return db_fail(s, "storing a venue");
	}
	bind_text(st, 1, r->provider_ukprn);
	bind_text(st, 2, r->provider_name);
	bind_text(st, 3, r->ref);
	bind_text(st, 4, r->name);
	bind_text(st, 5, r->address);
	bind_text(st, 6, r->town);
	bind_text(st, 7, r->postcode);
	bind_real(st, 8, r->lat);
	bind_real(st, 9, r->lon);
	bind_text(st, 10, r->phone);
	bind_text(st, 11, r->website);
	sqlite3_bind_int64(st, 12, s->source_id);
	return run(s, st, "storing a venue");
}

static enum status put_course(struct store *s, const struct course_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_COURSE);
	int i = 1;

	if (!st)
		return db_fail(s, "storing a course");
	bind_text(st, i++, r->kind);
	bind_text(st, i++, r->ref);
	bind_text(st, i++, r->provider_ukprn);
	bind_text(st, i++, r->provider_name);
	bind_text(st, i++, r->venue_ref);
	bind_text(st, i++, r->venue_name);
	bind_text(st, i++, r->title);
	bind_text(st, i++, r->qualification);
	bind_text(st, i++, r->learn_aim_ref);
	bind_real(st, i++, r->level);
	bind_text(st, i++, r->ssa1);
	bind_text(st, i++, r->ssa2);
	bind_text(st, i++, r->subject);
	bind_text(st, i++, r->start_date);
	sqlite3_bind_int(st, i++, r->flexible_start > 0);
	bind_text(st, i++, r->study_mode);
	bind_text(st, i++, r->attendance);
	bind_text(st, i++, r->delivery_mode);
	bind_int(st, i++, r->cost_pence);
	bind_text(st, i++, r->cost_text);
	bind_int(st, i++, r->duration_value);
	bind_text(st, i++, r->duration_unit);
	bind_int(st, i++, r->age_min);
	bind_int(st, i++, r->age_max);
	bind_text(st, i++, r->description);
	bind_text(st, i++, r->entry_requirements);
	bind_text(st, i++, r->who_for);
	bind_text(st, i++, r->where_next);
	bind_text(st, i++, r->url);
	bind_text(st, i++, r->ucas_code);
	bind_flag(st, i++, r->honours);
	bind_flag(st, i++, r->sandwich);
	bind_flag(st, i++, r->year_abroad);
	bind_flag(st, i++, r->foundation_year);
	bind_real(st, i++, r->lat);
	bind_real(st, i++, r->lon);
	sqlite3_bind_int64(st, i++, s->source_id);
	return run(s, st, "storing a course");
}

/* "1.2" against "1.10": by the numbers, not the text; NULL is the oldest. */
static int version_compare(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	while (*a || *b) {
		char *ea, *eb;
		long x = strtol(a, &ea, 10), y = strtol(b, &eb, 10);

		if (x != y)
			return x < y ? -1 : 1;
		a = *ea ? ea + 1 : ea;
		b = *eb ? eb + 1 : eb;
		if (ea == a && eb == b)
			break;
	}
	return 0;
}

static int open_for_starts(const char *status)
{
	return status && strcmp(status, "approved for delivery") == 0;
}

/*
 * Which version a standard's row shows: the one open for new starts
 * (approved for delivery), the newest of those; failing that, the newest.
 * 1: the record replaces the row's version, 0: it is history, -1: the
 * record says nothing of versions (LARS): merge as before.
 */
static int newer_version(const char *version, const char *status, const char *stored_version,
			 const char *stored_status)
{
	if (!version && !status)
		return -1;
	if (open_for_starts(status) != open_for_starts(stored_status))
		return open_for_starts(status);
	return version_compare(version, stored_version) >= 0;
}

static enum status put_standard_version(struct store *s, const struct standard_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_STANDARD_VERSION);

	if (!st)
		return db_fail(s, "storing a standard's version");
	bind_text(st, 1, r->reference);
	bind_text(st, 2, r->version);
	bind_text(st, 3, r->status);
	bind_text(st, 4, r->earliest_start);
	bind_text(st, 5, r->last_start_date);
	bind_text(st, 6, r->latest_end);
	bind_text(st, 7, r->approved_date);
	bind_text(st, 8, r->url);
	sqlite3_bind_int64(st, 9, s->source_id);
	return run(s, st, "storing a standard's version");
}

static enum status put_standard(struct store *s, const struct standard_rec *r)
{
	sqlite3_stmt *st;
	long long id = 0;
	enum status rc;
	enum stmt_id update = STMT_STANDARD_UPDATE;

	if (r->reference && r->version && (rc = put_standard_version(s, r)) != STATUS_OK)
		return rc;
	if (r->reference) {
		int step, newer;

		if (!(st = stmt(s, STMT_STANDARD_BY_REF)))
			return db_fail(s, "finding a standard");
		bind_text(st, 1, r->reference);
		step = sqlite3_step(st);
		if (step == SQLITE_ROW) {
			id = sqlite3_column_int64(st, 0);
			newer = newer_version(r->version, r->status, column_text(st, 1),
					      column_text(st, 2));
			update = newer < 0 ? STMT_STANDARD_UPDATE : newer ? STMT_STANDARD_NEWER :
				 STMT_STANDARD_OLDER;
		} else if (step != SQLITE_DONE) {
			return db_fail(s, "finding a standard");
		}
		sqlite3_reset(st);
	}
	if (!id && r->lars_code != MODEL_NO_INT) {
		if (!(st = stmt(s, STMT_STANDARD_BY_LARS)))
			return db_fail(s, "finding a standard");
		sqlite3_bind_int64(st, 1, r->lars_code);
		bind_text(st, 2, r->reference);
		if ((rc = lookup(s, st, &id, "finding a standard")) != STATUS_OK)
			return rc;
	}
	if (id) {
		if (!(st = stmt(s, update)))
			return db_fail(s, "storing a standard");
		sqlite3_bind_int64(st, 20, id);
	} else if (!(st = stmt(s, STMT_STANDARD_INSERT))) {
		return db_fail(s, "storing a standard");
	}
	bind_text(st, 1, r->reference);
	bind_int(st, 2, r->lars_code);
	bind_text(st, 3, r->version);
	bind_text(st, 4, r->title);
	bind_real(st, 5, r->level);
	bind_text(st, 6, r->route);
	bind_int(st, 7, r->duration_months);
	bind_text(st, 8, r->status);
	bind_text(st, 9, r->keywords);
	bind_text(st, 10, r->job_titles);
	bind_text(st, 11, r->overview);
	bind_text(st, 12, r->integrated_degree);
	bind_int(st, 13, r->max_funding_pence);
	bind_text(st, 14, r->approved_date);
	bind_text(st, 15, r->last_start_date);
	bind_text(st, 16, r->ssa1);
	bind_text(st, 17, r->ssa2);
	bind_text(st, 18, r->url);
	sqlite3_bind_int64(st, 19, s->source_id);
	bind_text(st, 21, r->kind);
	return run(s, st, "storing a standard");
}

/* Every place the vacancy is advertised at, replacing what an earlier copy said. */
static enum status put_vacancy_places(struct store *s, const struct vacancy_rec *r)
{
	sqlite3_stmt *st;
	long long id;
	enum status rc;
	int k;

	if (!(st = stmt(s, STMT_VACANCY_ID)))
		return db_fail(s, "storing a vacancy's places");
	bind_text(st, 1, r->reference);
	if ((rc = lookup(s, st, &id, "storing a vacancy's places")) != STATUS_OK)
		return rc;
	if (!(st = stmt(s, STMT_VACANCY_ADDRESS_CLEAR)))
		return db_fail(s, "storing a vacancy's places");
	sqlite3_bind_int64(st, 1, id);
	if ((rc = run(s, st, "storing a vacancy's places")) != STATUS_OK)
		return rc;
	for (k = 0; k < r->place_count && k < VACANCY_MAX_PLACES; k++) {
		const struct vacancy_place *p = &r->places[k];

		if (!(st = stmt(s, STMT_VACANCY_ADDRESS)))
			return db_fail(s, "storing a vacancy's places");
		sqlite3_bind_int64(st, 1, id);
		sqlite3_bind_int(st, 2, k);
		bind_text(st, 3, p->address);
		bind_text(st, 4, p->town);
		bind_text(st, 5, p->postcode);
		bind_real(st, 6, p->lat);
		bind_real(st, 7, p->lon);
		sqlite3_bind_int64(st, 8, s->source_id);
		if ((rc = run(s, st, "storing a vacancy's places")) != STATUS_OK)
			return rc;
	}
	return STATUS_OK;
}

static enum status put_vacancy(struct store *s, const struct vacancy_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_VACANCY);
	enum status rc;
	int i = 1;

	if (!st)
		return db_fail(s, "storing a vacancy");
	bind_text(st, i++, r->reference);
	bind_text(st, i++, r->title);
	bind_text(st, i++, r->description);
	bind_text(st, i++, r->employer);
	bind_text(st, i++, r->employer_website);
	bind_int(st, i++, r->lars_code);
	bind_text(st, i++, r->course_title);
	bind_real(st, i++, r->level);
	bind_text(st, i++, r->route);
	bind_text(st, i++, r->address);
	bind_text(st, i++, r->town);
	bind_text(st, i++, r->postcode);
	bind_real(st, i++, r->lat);
	bind_real(st, i++, r->lon);
	bind_text(st, i++, r->wage_type);
	bind_int(st, i++, r->wage_pence);
	bind_int(st, i++, r->wage_low_pence);
	bind_int(st, i++, r->wage_high_pence);
	bind_text(st, i++, r->wage_unit);
	bind_text(st, i++, r->wage_text);
	bind_real(st, i++, r->hours_per_week);
	bind_text(st, i++, r->working_week);
	bind_text(st, i++, r->duration_text);
	bind_int(st, i++, r->positions);
	bind_text(st, i++, r->posted_date);
	bind_text(st, i++, r->start_date);
	bind_text(st, i++, r->closing_date);
	bind_text(st, i++, r->provider_name);
	bind_text(st, i++, r->provider_ukprn);
	bind_flag(st, i++, r->is_national);
	bind_flag(st, i++, r->is_disability_confident);
	bind_text(st, i++, r->training);
	bind_text(st, i++, r->skills);
	bind_text(st, i++, r->qualifications);
	bind_text(st, i++, r->things_to_consider);
	bind_text(st, i++, r->url);
	sqlite3_bind_int64(st, i++, s->source_id);
	bind_text(st, i++, r->course_type);
	if ((rc = run(s, st, "storing a vacancy")) != STATUS_OK || r->place_count <= 0)
		return rc;
	return put_vacancy_places(s, r);
}

static enum status put_soc_group(struct store *s, const struct soc_group_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_SOC_GROUP);

	if (!st)
		return db_fail(s, "storing an occupation group");
	bind_text(st, 1, r->code);
	bind_text(st, 2, r->title);
	bind_text(st, 3, r->description);
	sqlite3_bind_int64(st, 4, s->source_id);
	return run(s, st, "storing an occupation group");
}

static enum status put_occupation(struct store *s, const struct occupation_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_OCCUPATION);

	if (!st)
		return db_fail(s, "storing an occupation");
	bind_text(st, 1, r->soc);
	bind_text(st, 2, r->title);
	bind_text(st, 3, r->description);
	bind_text(st, 4, r->entry_routes);
	bind_text(st, 5, r->tasks);
	bind_text(st, 6, r->job_titles);
	sqlite3_bind_int64(st, 7, s->source_id);
	return run(s, st, "storing an occupation");
}

static enum status put_figure(struct store *s, const struct figure_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_FIGURE);

	if (!st)
		return db_fail(s, "storing a labour-market figure");
	bind_text(st, 1, r->soc);
	bind_text(st, 2, r->measure);
	sqlite3_bind_int64(st, 3, r->year);
	sqlite3_bind_double(st, 4, r->value);
	sqlite3_bind_int64(st, 5, s->source_id);
	return run(s, st, "storing a labour-market figure");
}

static enum status put_onet_occupation(struct store *s, const struct onet_occupation_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_ONET_OCCUPATION);

	if (!st)
		return db_fail(s, "storing an O*NET occupation");
	bind_text(st, 1, r->code);
	bind_text(st, 2, r->title);
	bind_text(st, 3, r->description);
	bind_int(st, 4, r->job_zone);
	sqlite3_bind_int64(st, 5, s->source_id);
	return run(s, st, "storing an O*NET occupation");
}

static enum status put_onet_interest(struct store *s, const struct onet_interest_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_ONET_INTEREST);

	if (!st)
		return db_fail(s, "storing an interest score");
	bind_text(st, 1, r->code);
	bind_text(st, 2, r->scale);
	bind_text(st, 3, r->element);
	sqlite3_bind_double(st, 4, r->value);
	sqlite3_bind_int64(st, 5, s->source_id);
	return run(s, st, "storing an interest score");
}

static enum status put_crosswalk(struct store *s, const struct crosswalk_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_CROSSWALK);

	if (!st)
		return db_fail(s, "storing a crosswalk pair");
	bind_text(st, 1, r->soc);
	bind_text(st, 2, r->onet_code);
	sqlite3_bind_int64(st, 3, s->source_id);
	return run(s, st, "storing a crosswalk pair");
}

static enum status put_soc_isco(struct store *s, const struct soc_isco_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_SOC_ISCO);

	if (!st)
		return db_fail(s, "storing a SOC 2020 to ISCO-08 pair");
	bind_text(st, 1, r->soc);
	bind_text(st, 2, r->isco);
	sqlite3_bind_int64(st, 3, s->source_id);
	return run(s, st, "storing a SOC 2020 to ISCO-08 pair");
}

static enum status put_isco_ussoc(struct store *s, const struct isco_ussoc_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_ISCO_USSOC);

	if (!st)
		return db_fail(s, "storing an ISCO-08 to US SOC pair");
	bind_text(st, 1, r->isco);
	bind_text(st, 2, r->us_soc);
	sqlite3_bind_int(st, 3, r->part);
	sqlite3_bind_int64(st, 4, s->source_id);
	return run(s, st, "storing an ISCO-08 to US SOC pair");
}

static enum status put_onet_ussoc(struct store *s, const struct onet_ussoc_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_ONET_USSOC);

	if (!st)
		return db_fail(s, "storing an O*NET-SOC to US SOC pair");
	bind_text(st, 1, r->onet_code);
	bind_text(st, 2, r->us_soc);
	sqlite3_bind_int64(st, 3, s->source_id);
	return run(s, st, "storing an O*NET-SOC to US SOC pair");
}

static enum status put_he_location(struct store *s, const struct he_location_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_HE_LOCATION);

	if (!st)
		return db_fail(s, "storing a teaching location");
	bind_text(st, 1, r->ukprn);
	bind_text(st, 2, r->locid);
	bind_text(st, 3, r->name);
	bind_real(st, 4, r->lat);
	bind_real(st, 5, r->lon);
	bind_text(st, 6, r->loc_ukprn);
	sqlite3_bind_int64(st, 7, s->source_id);
	return run(s, st, "storing a teaching location");
}

static enum status put_he_course_location(struct store *s, const struct he_course_location_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_HE_COURSE_LOCATION);

	if (!st)
		return db_fail(s, "storing where a course is taught");
	bind_text(st, 1, r->pubukprn);
	bind_text(st, 2, r->course_ref);
	bind_text(st, 3, r->ukprn);
	bind_text(st, 4, r->locid);
	sqlite3_bind_int64(st, 5, s->source_id);
	return run(s, st, "storing where a course is taught");
}

static enum status put_he_outcome(struct store *s, const struct he_outcome_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_HE_OUTCOME);

	if (!st)
		return db_fail(s, "storing a course outcome");
	bind_text(st, 1, r->pubukprn);
	bind_text(st, 2, r->course_ref);
	bind_text(st, 3, r->measure);
	sqlite3_bind_double(st, 4, r->value);
	bind_text(st, 5, r->detail);
	sqlite3_bind_int64(st, 6, s->source_id);
	return run(s, st, "storing a course outcome");
}

static enum status put_soc2010_occupation(struct store *s, const struct soc2010_occupation_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_SOC2010_OCCUPATION);

	if (!st)
		return db_fail(s, "storing a SOC 2010 occupation");
	bind_text(st, 1, r->soc);
	bind_text(st, 2, r->title);
	bind_text(st, 3, r->description);
	bind_text(st, 4, r->entry_routes);
	bind_text(st, 5, r->tasks);
	bind_text(st, 6, r->job_titles);
	sqlite3_bind_int64(st, 7, s->source_id);
	return run(s, st, "storing a SOC 2010 occupation");
}

static enum status put_soc2010_figure(struct store *s, const struct soc2010_figure_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_SOC2010_FIGURE);

	if (!st)
		return db_fail(s, "storing a SOC 2010 figure");
	bind_text(st, 1, r->soc);
	bind_text(st, 2, r->measure);
	sqlite3_bind_int64(st, 3, r->year);
	sqlite3_bind_double(st, 4, r->value);
	sqlite3_bind_int64(st, 5, s->source_id);
	return run(s, st, "storing a SOC 2010 figure");
}

static enum status put_soc_relation(struct store *s, const struct soc_relation_rec *r)
{
	sqlite3_stmt *st = stmt(s, STMT_SOC_RELATION);

	if (!st)
		return db_fail(s, "storing a SOC 2010 to 2020 relationship");
	bind_text(st, 1, r->soc2010);
	bind_text(st, 2, r->soc2020);
	sqlite3_bind_double(st, 3, r->share);
	sqlite3_bind_int64(st, 4, s->source_id);
	return run(s, st, "storing a SOC 2010 to 2020 relationship");
}

/* Map the record names of RECORD_INFO (code_rec ...) onto the put functions. */
#define put_code_rec put_code
#define put_postcode_rec put_postcode
#define put_outcode_rec put_outcode
#define put_provider_rec put_provider
#define put_venue_rec put_venue
#define put_course_rec put_course
#define put_standard_rec put_standard
#define put_vacancy_rec put_vacancy
#define put_soc_group_rec put_soc_group
#define put_occupation_rec put_occupation
#define put_figure_rec put_figure
#define put_onet_occupation_rec put_onet_occupation
#define put_onet_interest_rec put_onet_interest
#define put_crosswalk_rec put_crosswalk
#define put_soc_isco_rec put_soc_isco
#define put_isco_ussoc_rec put_isco_ussoc
#define put_onet_ussoc_rec put_onet_ussoc
#define put_he_location_rec put_he_location
#define put_he_course_location_rec put_he_course_location
#define put_he_outcome_rec put_he_outcome
#define put_soc2010_occupation_rec put_soc2010_occupation
#define put_soc2010_figure_rec put_soc2010_figure
#define put_soc_relation_rec put_soc_relation
/* Timetables: store_gtfs.c. */
#define put_gtfs_agency_rec(s, r) store_gtfs_put((s), RECORD_GTFS_AGENCY, (r))
#define put_gtfs_stop_rec(s, r) store_gtfs_put((s), RECORD_GTFS_STOP, (r))
#define put_gtfs_route_rec(s, r) store_gtfs_put((s), RECORD_GTFS_ROUTE, (r))
#define put_gtfs_trip_rec(s, r) store_gtfs_put((s), RECORD_GTFS_TRIP, (r))
#define put_gtfs_stop_time_rec(s, r) store_gtfs_put((s), RECORD_GTFS_STOP_TIME, (r))
#define put_gtfs_calendar_rec(s, r) store_gtfs_put((s), RECORD_GTFS_CALENDAR, (r))
#define put_gtfs_calendar_date_rec(s, r) store_gtfs_put((s), RECORD_GTFS_CALENDAR_DATE, (r))
#define put_gtfs_frequency_rec(s, r) store_gtfs_put((s), RECORD_GTFS_FREQUENCY, (r))
#define put_gtfs_feed_info_rec(s, r) store_gtfs_put((s), RECORD_GTFS_FEED_INFO, (r))
#define put_naptan_stop_rec(s, r) store_gtfs_put((s), RECORD_NAPTAN_STOP, (r))

static enum status sink_put(void *ctx, enum record_kind kind, const void *record)
{
	struct store *s = ctx;
	enum status rc = STATUS_USAGE;

	if (s->read_only)
		return fail(s, STATUS_USAGE, "the store is open read-only");
	s->in_put = 1;
	switch (kind) {
#define RECORD_PUT(id, type) \
	case RECORD_##id: \
		rc = put_##type(s, record); \
		break;
		RECORD_INFO(RECORD_PUT)
#undef RECORD_PUT
	case RECORD_KIND_COUNT:
		rc = fail(s, STATUS_USAGE, "unknown kind of record");
		break;
	}
	s->in_put = 0;
	return rc;
}

static const char *sink_message(void *ctx)
{
	return ((struct store *)ctx)->errmsg;
}

struct import_sink store_sink(struct store *s)
{
	struct import_sink sink = { s, sink_put, sink_message };

	return sink;
}

void store_set_step_log(struct store *s, FILE *f)
{
	s->step_log = f;
}

FILE *store_step_log(const struct store *s)
{
	return s->step_log;
}

char *store_schema_part(int indexes)
{
	return schema_part(indexes);
}

/* --- reading --------------------------------------------------------------------- */

static const char *column_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

enum status store_each_source(struct store *s,
			      int (*fn)(void *ctx, const struct store_source_info *info),
			      void *ctx)
{
	sqlite3_stmt *st = stmt(s, STMT_SOURCES);
	int rc;

	if (!st)
		return db_fail(s, "listing sources");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_source_info info = {
			.id = sqlite3_column_int64(st, 0),
			.path = column_text(st, 1),
			.format = column_text(st, 2),
			.format_title = column_text(st, 3),
			.encoding = column_text(st, 4),
			.sha256 = column_text(st, 5),
			.bytes = sqlite3_column_int64(st, 6),
			.licence = column_text(st, 7),
			.attribution = column_text(st, 8),
			.is_sample = sqlite3_column_int(st, 9),
			.data_date = column_text(st, 10),
			.imported_at = column_text(st, 11),
			.rows_read = sqlite3_column_int64(st, 12),
			.rows_loaded = sqlite3_column_int64(st, 13),
			.rows_rejected = sqlite3_column_int64(st, 14),
			.member = column_text(st, 15),
			.failed = column_text(st, 16),
			.origin_url = column_text(st, 17),
			.fetched_at = column_text(st, 18),
		};

		/* Columns a store always has: missing, the store is damaged (or not ours). */
		if (!info.path || !info.format || !info.format_title || !info.encoding ||
		    !info.sha256 || !info.licence || !info.attribution || !info.imported_at) {
			sqlite3_reset(st);
			return fail(s, STATUS_CORRUPT, "the store %s is damaged: source file %lld has "
				    "parts missing", s->path, info.id);
		}
		if (fn(ctx, &info))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, "listing sources");
	sqlite3_reset(st);
	return STATUS_OK;
}

enum status store_each_rejection(struct store *s, const char *filter,
				 int (*fn)(void *ctx, const struct store_rejection_info *info),
				 void *ctx)
{
	sqlite3_stmt *st = stmt(s, STMT_REJECTIONS);
	int rc;

	if (!st)
		return db_fail(s, "listing rejected rows");
	bind_text(st, 1, filter);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_rejection_info info = {
			.path = column_text(st, 0),
			.line = sqlite3_column_int64(st, 1),
			.location = column_text(st, 2),
			.field = column_text(st, 3),
			.message = column_text(st, 4),
		};

		if (!info.path || !info.field || !info.message) {
			sqlite3_reset(st);
			return fail(s, STATUS_CORRUPT, "the store %s is damaged: a rejected row has parts "
				    "missing", s->path);
		}
		if (fn(ctx, &info))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, "listing rejected rows");
	sqlite3_reset(st);
	return STATUS_OK;
}

enum status store_count(struct store *s, struct store_counts *c)
{
	static const char sql[] =
		"SELECT (SELECT count(*) FROM occupation),"
		" (SELECT count(*) FROM standard),"
		" (SELECT count(*) FROM course WHERE kind <> 'he'),"
		" (SELECT count(*) FROM course WHERE kind = 'he'),"
		" (SELECT count(*) FROM vacancy),"
		" (SELECT count(*) FROM provider),"
		" (SELECT count(*) FROM provider WHERE kind IN ('school', 'sixth_form', 'special_school')),"
		" (SELECT count(*) FROM provider WHERE kind = 'college'),"
		" (SELECT count(*) FROM provider WHERE kind = 'university'),"
		" (SELECT count(*) FROM provider WHERE kind = 'training_provider'),"
		" (SELECT count(*) FROM postcode),"
		" (SELECT count(*) FROM outcode),"
		" (SELECT count(*) FROM labour_market),"
		" (SELECT count(*) FROM onet_occupation),"
		" (SELECT count(*) FROM source_file),"
		" (SELECT count(*) FROM source_file WHERE is_sample),"
		" (SELECT coalesce(sum(rows_rejected), 0) FROM source_file)";
	sqlite3_stmt *st;
	long long *out[] = {
		&c->occupations, &c->standards, &c->courses, &c->he_courses, &c->vacancies,
		&c->providers, &c->schools, &c->colleges, &c->universities,
		&c->training_providers, &c->postcodes, &c->outcodes, &c->figures,
		&c->onet_occupations, &c->sources, &c->samples, &c->rejected,
	};
	size_t i;

	memset(c, 0, sizeof(*c));
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, "counting");
	if (sqlite3_step(st) == SQLITE_ROW)
		for (i = 0; i < sizeof(out) / sizeof(out[0]); i++)
			*out[i] = sqlite3_column_int64(st, (int)i);
	sqlite3_finalize(st);
	return STATUS_OK;
}

enum status store_quick_check(struct store *s)
{
	sqlite3_stmt *st;
	const char *first;
	int rc;

	if (sqlite3_prepare_v2(s->db, "PRAGMA quick_check(1)", -1, &st, NULL) != SQLITE_OK)
		return db_fail(s, "checking the store");
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(s, "checking the store");
	}
	first = (const char *)sqlite3_column_text(st, 0);
	if (!first || strcmp(first, "ok") != 0) {
		fail(s, STATUS_CORRUPT, "the store is damaged: %s", first ? first : "(no answer)");
		sqlite3_finalize(st);
		return STATUS_CORRUPT;
	}
	sqlite3_finalize(st);
	return STATUS_OK;
}

/* --- queries for the learner filter ------------------------------------------- */

enum status store_find_place(struct store *s, const char *code, int is_full,
			     struct geo_point *p, int *found)
{
	sqlite3_stmt *st;
	int rc;

	*found = 0;
	st = stmt(s, is_full ? STMT_PLACE_POSTCODE : STMT_PLACE_OUTCODE);
	if (!st)
		return db_fail(s, "looking up a postcode");
	bind_text(st, 1, code);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		p->lat = sqlite3_column_double(st, 0);
		p->lon = sqlite3_column_double(st, 1);
		*found = 1;
	} else if (rc != SQLITE_DONE) {
		return db_fail(s, "looking up a postcode");
	}
	sqlite3_reset(st);
	if (*found || is_full)
		return STATUS_OK;
	/* A district missing from the outcode list: the middle of its postcodes. */
	if (!(st = stmt(s, STMT_PLACE_OUTCODE_POSTCODES)))
		return db_fail(s, "looking up a postcode district");
	bind_text(st, 1, code);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int64(st, 2) > 0) {
		p->lat = sqlite3_column_double(st, 0);
		p->lon = sqlite3_column_double(st, 1);
		*found = 1;
	}
	sqlite3_reset(st);
	return STATUS_OK;
}

enum status store_each_interest(struct store *s,
				int (*fn)(void *ctx, const struct store_interest *interest),
				void *ctx)
{
	sqlite3_stmt *st = stmt(s, STMT_INTERESTS);
	int rc;

	if (!st)
		return db_fail(s, "listing interests");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_interest in = {
			.id = sqlite3_column_int64(st, 0),
			.slug = column_text(st, 1),
			.name = column_text(st, 2),
			.examples = column_text(st, 3),
			.route_id = sqlite3_column_int64(st, 4),
			.route_name = column_text(st, 5),
			.riasec = column_text(st, 6),
			.ssa = column_text(st, 7),
			.soc_prefixes = column_text(st, 8),
			.keywords = column_text(st, 9),
		};

		if (fn(ctx, &in))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, "listing interests");
	sqlite3_reset(st);
	return STATUS_OK;
}

enum status store_text_query(const char *words, char *out, size_t outlen)
{
	size_t k = 0, terms = 0;
	const unsigned char *p = (const unsigned char *)words;

	if (outlen < 8)
		return STATUS_NOT_FOUND;
	while (*p) {
		const unsigned char *start;
		size_t len;

		while (*p && !isalnum(*p) && *p < 0x80)
			p++;
		start = p;
		while (*p && (isalnum(*p) || *p >= 0x80))
			p++;
		len = (size_t)(p - start);
		if (!len)
			continue;
		/* "word"* with a separating space; stop before overflowing. */
		if (k + len + 5 >= outlen)
			break;
		if (terms++)
			out[k++] = ' ';
		out[k++] = '"';
		memcpy(out + k, start, len);
		k += len;
		out[k++] = '"';
		out[k++] = '*';
	}
	out[k] = '\0';
	return terms ? STATUS_OK : STATUS_NOT_FOUND;
}

static double column_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

static long long column_int(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? MODEL_NO_INT : sqlite3_column_int64(st, i);
}

static void read_option(sqlite3_stmt *st, enum option_kind kind, struct store_option *o)
{
	int i;

	o->kind = kind;
	o->id = sqlite3_column_int64(st, 0);
	o->ref = column_text(st, 1);
	o->title = column_text(st, 2);
	o->provider = column_text(st, 3);
	o->place = column_text(st, 4);
	o->town = column_text(st, 5);
	o->postcode = column_text(st, 6);
	o->lat = column_real(st, 7);
	o->lon = column_real(st, 8);
	o->level = column_real(st, 9);
	o->start_date = column_text(st, 10);
	o->closing_date = column_text(st, 11);
	o->flexible_start = sqlite3_column_int(st, 12);
	o->age_min = column_int(st, 13);
	o->age_max = column_int(st, 14);
	o->route_id = sqlite3_column_int64(st, 15);
	o->route_name = column_text(st, 16);
	o->ssa1 = column_text(st, 17);
	o->ssa2 = column_text(st, 18);
	for (i = 0; i < 6; i++)
		o->riasec[i] = column_real(st, 19 + i);
	o->course_kind = column_text(st, 25);
	o->provider_kind = column_text(st, 26);
	o->has_sixth_form = sqlite3_column_type(st, 27) == SQLITE_NULL ? -1 :
			    sqlite3_column_int(st, 27);
	o->wage_pence = column_int(st, 28);
	o->wage_unit = column_text(st, 29);
	o->hours = column_real(st, 30);
	o->duration_value = column_int(st, 31);
	o->duration_unit = column_text(st, 32);
	o->status = column_text(st, 33);
	o->study_mode = column_text(st, 34);
	o->cost_pence = column_int(st, 35);
	o->qualification = column_text(st, 36);
	o->summary = column_text(st, 37);
	o->url = column_text(st, 38);
	o->places = column_text(st, 39);
	o->posted_date = column_text(st, 40);
}

enum status store_each_option(struct store *s, enum option_kind kind,
			      const struct store_filter *f,
			      int (*fn)(void *ctx, const struct store_option *option), void *ctx)
{
	enum stmt_id id;
	sqlite3_stmt *st;
	struct store_option o;
	int rc;

	/* One option by id goes straight to its row. */
	switch (kind) {
	case OPTION_CAREER:
		id = f->id ? STMT_OPTIONS_CAREER_ONE : STMT_OPTIONS_CAREER;
		break;
	case OPTION_APPRENTICESHIP:
		id = f->id ? STMT_OPTIONS_APPRENTICESHIP_ONE : STMT_OPTIONS_APPRENTICESHIP;
		break;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		id = f->id ? STMT_OPTIONS_COURSE_ONE : STMT_OPTIONS_COURSE_ALL;
		break;
	case OPTION_VACANCY:
		id = f->id ? STMT_OPTIONS_VACANCY_ONE : STMT_OPTIONS_VACANCY_ALL;
		break;
	case OPTION_SCHOOL:
		id = f->id ? STMT_OPTIONS_SCHOOL_ONE : STMT_OPTIONS_SCHOOL_ALL;
		break;
	default:
		return fail(s, STATUS_USAGE, "unknown kind of option");
	}
	if (!(st = stmt(s, id)))
		return db_fail(s, "finding options");
	/* Not every statement has every parameter; binding a missing one is harmless. */
	bind_text(st, 1, f->text);
	bind_real(st, 2, f->level);
	bind_text(st, 7, f->today ? f->today : "0000-00-00");
	bind_text(st, 8, f->soc);
	if (f->standard_id)
		sqlite3_bind_int64(st, 9, f->standard_id);
	if (f->id)
		sqlite3_bind_int64(st, 10, f->id);
	sqlite3_bind_int(st, 11, kind == OPTION_UNIVERSITY);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		read_option(st, kind, &o);
		if (fn(ctx, &o))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, "finding options");
	sqlite3_reset(st);
	return STATUS_OK;
}

/* The fields of a store_text, in the column order of the TEXT_* statements. */
#define TEXT_FIELDS(t) { \
	&(t)->description, &(t)->tasks, &(t)->entry, &(t)->who_for, &(t)->where_next, \
	&(t)->training, &(t)->skills, &(t)->qualifications, &(t)->things_to_consider, \
	&(t)->address, &(t)->phone, &(t)->website, &(t)->apply_url, &(t)->cost_text, \
	&(t)->duration_text, &(t)->wage_text, &(t)->working_week, &(t)->keywords, \
	&(t)->job_titles, &(t)->note, &(t)->earnings_start, &(t)->earnings_later }

static char *column_copy(sqlite3_stmt *st, int i)
{
	const char *v = column_text(st, i);

	return v && *v ? xstrdup(v) : NULL;
}

enum status store_option_text(struct store *s, enum option_kind kind, long long id,
			      struct store_text *t)
{
	enum stmt_id which;
	sqlite3_stmt *st;
	char **fields[] = TEXT_FIELDS(t);
	size_t i;
	int rc;

	memset(t, 0, sizeof(*t));
	switch (kind) {
	case OPTION_CAREER: which = STMT_TEXT_CAREER; break;
	case OPTION_APPRENTICESHIP: which = STMT_TEXT_APPRENTICESHIP; break;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY: which = STMT_TEXT_COURSE; break;
	case OPTION_VACANCY: which = STMT_TEXT_VACANCY; break;
	case OPTION_SCHOOL: which = STMT_TEXT_SCHOOL; break;
	default: return fail(s, STATUS_USAGE, "unknown kind of option");
	}
	if (!(st = stmt(s, which)))
		return db_fail(s, "reading details");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
			*fields[i] = column_copy(st, (int)i);
	}
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return fail(s, STATUS_NOT_FOUND, "no such %s", kind == OPTION_CAREER ? "career" :
			    "option");
	return rc == SQLITE_ROW ? STATUS_OK : db_fail(s, "reading details");
}

void store_text_done(struct store_text *t)
{
	char **fields[] = TEXT_FIELDS(t);
	size_t i;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		free(*fields[i]);
		*fields[i] = NULL;
	}
}

enum status store_figures(struct store *s, const char *soc, const char *measure,
			  struct store_figure *out, size_t max, size_t *count, char group[8])
{
	sqlite3_stmt *st = stmt(s, STMT_FIGURES);
	int rc;

	*count = 0;
	group[0] = '\0';
	if (!st)
		return db_fail(s, "reading figures");
	bind_text(st, 1, soc);
	bind_text(st, 2, measure);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*count < max) {
			snprintf(group, 8, "%s", column_text(st, 0));
			out[*count].year = sqlite3_column_int64(st, 1);
			out[*count].value = sqlite3_column_double(st, 2);
			(*count)++;
		}
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? STATUS_OK : db_fail(s, "reading figures");
}

enum status store_onet_link(struct store *s, const char *soc, char *out, size_t outlen)
{
	sqlite3_stmt *st = stmt(s, STMT_ONET_LINK);
	int rc;

	out[0] = '\0';
	if (!st)
		return db_fail(s, "reading how a career is linked to O*NET");
	bind_text(st, 1, soc);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? STATUS_OK :
	       db_fail(s, "reading how a career is linked to O*NET");
}

unsigned store_fingerprint(struct store *s)
{
	sqlite3_stmt *st = stmt(s, STMT_FINGERPRINT);
	unsigned h = 2166136261u;
	const unsigned char *p;

	if (!st)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW && (p = sqlite3_column_text(st, 0)) != NULL)
		for (; *p; p++)
			h = (h ^ *p) * 16777619u;	/* FNV-1a */
	sqlite3_reset(st);
	return h;
}

/*
 * The kind code of schema.sql each kind's search_text rows have (rowid =
 * code << 32 | id, 1 careers ... 5 sixth forms); courses and university
 * courses share theirs. Both ways are read from here.
 */
static const long long text_kind_code[OPTION_KIND_COUNT] = {
	[OPTION_CAREER] = 1, [OPTION_APPRENTICESHIP] = 2, [OPTION_COURSE] = 3,
	[OPTION_UNIVERSITY] = 3, [OPTION_VACANCY] = 4, [OPTION_SCHOOL] = 5,
};

enum status store_each_text_match(struct store *s, const char *query, unsigned kinds,
				  int (*fn)(void *ctx, long long rowid), void *ctx)
{
	sqlite3_stmt *st = stmt(s, STMT_TEXT_MATCHES);
	long long lo = 6, hi = 0;
	int rc, k;

	if (!st)
		return db_fail(s, "looking up words");
	/*
	 * Only the rows of the kinds asked for (the codes from the first to
	 * the last of them): FTS5 then steps through no other kind's rows.
	 */
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		long long code = text_kind_code[k];

		if (!(kinds & (1u << k)) || !code)
			continue;
		if (code < lo)
			lo = code;
		if (code > hi)
			hi = code;
	}
	if (hi < lo)
		return STATUS_OK;
	sqlite3_bind_text(st, 1, query, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, lo << 32);
	sqlite3_bind_int64(st, 3, (hi << 32) | 0xffffffffLL);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, sqlite3_column_int64(st, 0)))
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, "looking up words");
	sqlite3_reset(st);
	return STATUS_OK;
}

int store_search_text_kinds(long long rowid, enum option_kind kinds[2], long long *id)
{
	int k, n = 0;

	for (k = 0; k < OPTION_KIND_COUNT && n < 2; k++)
		if (text_kind_code[k] == rowid >> 32)
			kinds[n++] = (enum option_kind)k;
	*id = rowid & 0xffffffffLL;
	return n;
}

enum status store_each_search_text(struct store *s, int (*fn)(void *ctx, long long rowid,
			const char *title, const char *body), void *ctx)
{
	sqlite3_stmt *st = stmt(s, STMT_SEARCH_TEXT_ALL);
	int rc;

	if (!st)
		return db_fail(s, "reading the words to index");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, sqlite3_column_int64(st, 0), (const char *)sqlite3_column_text(st, 1),
		       (const char *)sqlite3_column_text(st, 2)))
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		enum status failed = db_fail(s, "reading the words to index");

		sqlite3_reset(st);
		return failed;
	}
	sqlite3_reset(st);
	return STATUS_OK;
}

enum status store_word_index_put(struct store *s, long long id, const void *data, size_t len)
{
	sqlite3_stmt *st;
	enum status rc = STATUS_OK;

	if (id == 0 && (rc = exec(s, "DELETE FROM word_index", "replacing the word index")))
		return rc;
	if (!(st = stmt(s, STMT_WORD_INDEX_PUT)))
		return db_fail(s, "saving the word index");
	sqlite3_bind_int64(st, 1, id);
	sqlite3_bind_blob64(st, 2, data, (sqlite3_uint64)len, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE)
		rc = db_fail(s, "saving the word index");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

enum status store_word_index_open(struct store *s, long long id, struct store_blob **out,
				  size_t *size)
{
	sqlite3_stmt *st = stmt(s, STMT_WORD_INDEX_SIZE);
	int rc;

	*out = NULL;
	*size = 0;
	if (!st)
		return db_fail(s, "reading the word index");
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return STATUS_NOT_FOUND;
	}
	if (rc != SQLITE_ROW) {
		enum status failed = db_fail(s, "reading the word index");

		sqlite3_reset(st);
		return failed;
	}
	*size = (size_t)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return store_blob_open(s, "word_index", id, 0, out);
}

/* --- the option index's bytes ------------------------------------------------------- */

struct store_blob {
	sqlite3_blob *blob;
	struct store *s;
};

enum status store_pack_put(struct store *s, const void *data, size_t len)
{
	sqlite3_stmt *st;
	enum status rc = exec(s, "DELETE FROM option_pack", "replacing the option index");

	if (rc != STATUS_OK)
		return rc;
	if (!(st = stmt(s, STMT_PACK_PUT)))
		return db_fail(s, "saving the option index");
	sqlite3_bind_blob64(st, 1, data, (sqlite3_uint64)len, SQLITE_STATIC);
	if (sqlite3_step(st) != SQLITE_DONE) {
		rc = db_fail(s, "saving the option index");
		sqlite3_reset(st);
		return rc;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return STATUS_OK;
}

enum status store_pack_open(struct store *s, struct store_blob **out, size_t *size)
{
	sqlite3_stmt *st = stmt(s, STMT_PACK_GET);
	long long id;
	int rc;

	*out = NULL;
	*size = 0;
	if (!st)
		return db_fail(s, "reading the option index");
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return STATUS_NOT_FOUND;
	}
	if (rc != SQLITE_ROW) {
		enum status failed = db_fail(s, "reading the option index");

		sqlite3_reset(st);
		return failed;
	}
	id = sqlite3_column_int64(st, 0);
	*size = (size_t)sqlite3_column_int64(st, 1);
	sqlite3_reset(st);
	return store_blob_open(s, "option_pack", id, 0, out);
}

enum status store_blob_open(struct store *s, const char *table, long long rowid, int writable,
			    struct store_blob **out)
{
	*out = xcalloc(1, sizeof(**out));
	(*out)->s = s;
	if (sqlite3_blob_open(s->db, "main", table, "data", rowid, writable, &(*out)->blob) !=
	    SQLITE_OK) {
		enum status failed = db_fail(s, "reading a packed index");

		store_blob_close(*out);
		*out = NULL;
		return failed;
	}
	return STATUS_OK;
}

enum status store_blob_read(struct store_blob *b, void *buf, size_t n, size_t offset)
{
	if (offset > INT_MAX || n > (size_t)INT_MAX - offset)
		return fail(b->s, STATUS_CORRUPT, "the option index is too big to read");
	if (sqlite3_blob_read(b->blob, buf, (int)n, (int)offset) != SQLITE_OK)
		return db_fail(b->s, "reading the option index");
	return STATUS_OK;
}

enum status store_blob_write(struct store_blob *b, const void *buf, size_t n, size_t offset)
{
	if (offset > INT_MAX || n > (size_t)INT_MAX - offset)
		return fail(b->s, STATUS_IO, "a packed index too big to write");
	if (sqlite3_blob_write(b->blob, buf, (int)n, (int)offset) != SQLITE_OK)
		return db_fail(b->s, "writing a packed index");
	return STATUS_OK;
}

void store_blob_close(struct store_blob *b)
{
	if (!b)
		return;
	sqlite3_blob_close(b->blob);
	free(b);
}

enum status store_each_link(struct store *s, enum option_kind from, long long id,
			    enum option_kind to, int (*fn)(void *ctx, long long id), void *ctx)
{
	enum stmt_id which;
	sqlite3_stmt *st;
	int rc;

	if (from == OPTION_CAREER && to == OPTION_APPRENTICESHIP)
		which = STMT_LINK_CAREER_STANDARDS;
	else if (from == OPTION_CAREER && to == OPTION_VACANCY)
		which = STMT_LINK_CAREER_VACANCIES;
	else if (from == OPTION_APPRENTICESHIP && to == OPTION_CAREER)
		which = STMT_LINK_STANDARD_CAREERS;
	else if (from == OPTION_APPRENTICESHIP && to == OPTION_VACANCY)
		which = STMT_LINK_STANDARD_VACANCIES;
	else
		return STATUS_OK;
	if (!(st = stmt(s, which)))
		return db_fail(s, "following links");
	sqlite3_bind_int64(st, 1, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (fn(ctx, sqlite3_column_int64(st, 0)))
			break;
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s, "following links");
	sqlite3_reset(st);
	return STATUS_OK;
}
