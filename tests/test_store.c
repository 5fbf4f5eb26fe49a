/*
 * test_store.c - the store: merging records, finalize, provenance, refusing
 * files it must not touch. Results are read back with plain SQL on the
 * file, as an outside observer would.
 */
#include <sqlite3.h>
#include <unistd.h>

#include "harness.h"
#include "store.h"

static char path[512];

/* A fresh store file under the test tmp folder. */
static struct store *fresh(const char *name)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	struct store *s = NULL;
	char err[256];

	snprintf(path, sizeof(path), "%s/%s.db", tmp ? tmp : "/tmp", name);
	unlink(path);
	CHECK_INT(store_create(path, &s, err, sizeof(err)), STATUS_OK);
	return s;
}

static void source(struct store *s, const char *p)
{
	struct store_source src = { p, "test", "Test format", "Test licence", "Test credit", 0, NULL };

	CHECK_INT(store_source_begin(s, &src), STATUS_OK);
}

static void end_source(struct store *s, unsigned long loaded)
{
	struct import_result r;

	memset(&r, 0, sizeof(r));
	r.encoding = "UTF-8";
	strcpy(r.sha256, "00");
	r.read = r.loaded = loaded;
	CHECK_INT(store_source_end(s, &r), STATUS_OK);
}

/* First column of the first row of sql on the file at `path`, as text. */
static char result[1024];
static const char *query(const char *sql)
{
	sqlite3 *db;
	sqlite3_stmt *st;

	strcpy(result, "(error)");
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return result;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(result, sizeof(result), "%s",
				 sqlite3_column_text(st, 0) ? (const char *)sqlite3_column_text(st, 0)
							    : "(null)");
		else
			strcpy(result, "(no row)");
		sqlite3_finalize(st);
	} else {
		snprintf(result, sizeof(result), "(error: %s)", sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	return result;
}

static void put(struct store *s, enum record_kind kind, const void *rec)
{
	struct import_sink sink = store_sink(s);

	CHECK_INT(sink.put(sink.ctx, kind, rec), STATUS_OK);
}

TEST(standards_merge_from_ifate_and_lars)
{
	struct store *s = fresh("merge_standards");
	struct standard_rec ifate = STANDARD_REC_INIT, lars = STANDARD_REC_INIT;

	store_begin(s);
	source(s, "lars/Standard.csv");
	lars.lars_code = 2;
	lars.title = "Software Developer";
	lars.level = 4;
	lars.ssa1 = "6";
	lars.ssa2 = "6.2";
	put(s, RECORD_STANDARD, &lars);
	end_source(s, 1);
	source(s, "ifate.csv");
	ifate.reference = "ST0116";
	ifate.lars_code = 2;
	ifate.title = "Software developer";
	ifate.route = "Legal  finance and accounting";
	put(s, RECORD_STANDARD, &ifate);
	end_source(s, 1);
	CHECK_INT(store_finalize(s, 1), STATUS_OK);
	CHECK_INT(store_commit(s), STATUS_OK);
	store_close(s);
	CHECK_STR(query("SELECT count(*) FROM standard"), "1");
	CHECK_STR(query("SELECT reference || ' ' || lars_code || ' ' || title || ' ' || ssa2 || ' ' "
			"|| level FROM standard"), "ST0116 2 Software developer 6.2 4.0");
	/* The published spelling is matched to the route, whatever its punctuation. */
	CHECK_STR(query("SELECT r.name FROM standard s JOIN route r ON r.id = s.route_id"),
		  "Legal, finance and accounting");
}

TEST(providers_merge_and_are_placed)
{
	struct store *s = fresh("merge_providers");
	struct provider_rec school = PROVIDER_REC_INIT, noplace = PROVIDER_REC_INIT;
	struct postcode_rec pc = { "DN1 3BU", 53.52, -1.13, 0 };
	struct outcode_rec oc = { "DN4", 53.50, -1.10 };
	struct venue_rec venue = VENUE_REC_INIT;
	struct course_rec course = COURSE_REC_INIT;

	store_begin(s);
	source(s, "postcodes.csv");
	put(s, RECORD_POSTCODE, &pc);
	put(s, RECORD_OUTCODE, &oc);
	end_source(s, 2);
	source(s, "fac.json");
	venue.provider_ukprn = "10001919";
	venue.provider_name = "Doncaster College";
	venue.name = "Main campus";
	venue.postcode = "DN1 3BU";
	put(s, RECORD_VENUE, &venue);
	course.kind = "fe";
	course.ref = "run-1";
	course.provider_ukprn = "10001919";
	course.provider_name = "Doncaster College";
	course.venue_name = "MAIN CAMPUS";
	course.title = "Mechanical engineering T Level";
	put(s, RECORD_COURSE, &course);
	/* The same course again (a second page of results) replaces, not duplicates. */
	course.title = "Mechanical engineering T Level (Year 1)";
	put(s, RECORD_COURSE, &course);
	end_source(s, 3);
	source(s, "gias.csv");
	school.kind = "college";
	school.urn = "130536";
	school.ukprn = "10001919";
	school.name = "Doncaster College";
	school.postcode = "DN1 3BU";
	put(s, RECORD_PROVIDER, &school);
	noplace.kind = "school";
	noplace.urn = "106789";
	noplace.name = "Outcode Academy";
	noplace.postcode = "DN4 9ZZ";
	put(s, RECORD_PROVIDER, &noplace);
	end_source(s, 2);
	CHECK_INT(store_finalize(s, 1), STATUS_OK);
	CHECK_INT(store_commit(s), STATUS_OK);
	store_close(s);

	/* The provider named by the courses and the one from GIAS are one. */
	CHECK_STR(query("SELECT count(*) FROM provider WHERE ukprn = '10001919'"), "1");
	CHECK_STR(query("SELECT kind || ' ' || urn FROM provider WHERE ukprn = '10001919'"),
		  "college 130536");
	CHECK_STR(query("SELECT count(*) FROM course"), "1");
	CHECK_STR(query("SELECT title FROM course"), "Mechanical engineering T Level (Year 1)");
	CHECK_STR(query("SELECT v.name FROM course c JOIN venue v ON v.id = c.venue_id"),
		  "Main campus");
	CHECK_STR(query("SELECT printf('%.2f %.2f', lat, lon) FROM course"), "53.52 -1.13");
	CHECK_STR(query("SELECT location_quality FROM provider WHERE urn = '130536'"), "postcode");
	CHECK_STR(query("SELECT location_quality || printf(' %.2f', lat) FROM provider "
			"WHERE urn = '106789'"), "outcode 53.50");
	/* The word index is filled (places are searched in the option index, not the store). */
	CHECK_STR(query("SELECT count(*) FROM search_text WHERE search_text MATCH 'mech*'"), "1");
	CHECK_STR(query("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%rtree%'"), "0");
}

TEST(interest_profiles_from_onet)
{
	struct store *s = fresh("riasec");
	struct occupation_rec occ = OCCUPATION_REC_INIT;
	struct crosswalk_rec x1 = { "5241", "47-2111.00" }, x2 = { "5241", "49-2098.00" };
	static const char letters[] = "RIASEC";
	double a[6] = { 7, 4, 1, 2, 3, 4 }, b[6] = { 6, 5, 2, 1, 2, 3 };
	char el[2] = { 0, 0 };
	int i;

	store_begin(s);
	source(s, "x");
	occ.soc = "5241";
	occ.title = "Electricians and electrical fitters";
	occ.job_titles = "Electrician|Electrical fitter";
	put(s, RECORD_OCCUPATION, &occ);
	occ.job_titles = "electrician|Auto electrician";
	occ.title = NULL;
	put(s, RECORD_OCCUPATION, &occ);
	put(s, RECORD_CROSSWALK, &x1);
	put(s, RECORD_CROSSWALK, &x2);
	for (i = 0; i < 6; i++) {
		struct onet_interest_rec ra = { "47-2111.00", "OI", el, a[i] };
		struct onet_interest_rec rb = { "49-2098.00", "OI", el, b[i] };

		el[0] = letters[i];
		put(s, RECORD_ONET_INTEREST, &ra);
		put(s, RECORD_ONET_INTEREST, &rb);
	}
	end_source(s, 1);
	CHECK_INT(store_finalize(s, 1), STATUS_OK);
	CHECK_INT(store_commit(s), STATUS_OK);
	store_close(s);
	CHECK_STR(query("SELECT printf('%.1f %.1f %s', riasec_r, riasec_i, riasec) FROM occupation"),
		  "6.5 4.5 RIC");
	/* A second source adds job titles it did not have, ignoring case repeats. */
	CHECK_STR(query("SELECT title || ': ' || job_titles FROM occupation"),
		  "Electricians and electrical fitters: Electrician|Electrical fitter|Auto electrician");
}

TEST(reimporting_a_file_replaces_it)
{
	struct store *s = fresh("replace");
	struct vacancy_rec v = VACANCY_REC_INIT;
	struct import_rejection rej = { "vac.json", 12, "$.vacancies[3]", "closingDate", "bad" };

	store_begin(s);
	source(s, "vac.json");
	v.reference = "VAC1000000001";
	v.title = "Apprentice electrician";
	put(s, RECORD_VACANCY, &v);
	v.reference = "VAC1000000002";
	put(s, RECORD_VACANCY, &v);
	CHECK_INT(store_source_reject(s, &rej), STATUS_OK);
	end_source(s, 2);
	source(s, "vac.json");
	v.reference = "VAC1000000003";
	put(s, RECORD_VACANCY, &v);
	end_source(s, 1);
	CHECK_INT(store_finalize(s, 0), STATUS_OK);
	CHECK_INT(store_commit(s), STATUS_OK);
	store_close(s);
	CHECK_STR(query("SELECT group_concat(reference) FROM vacancy"), "VAC1000000003");
	CHECK_STR(query("SELECT count(*) FROM source_file"), "1");
	CHECK_STR(query("SELECT count(*) FROM rejected_row"), "0");
}

TEST(refuses_what_is_not_a_current_store)
{
	struct store *s = fresh("versions");
	struct store *t = NULL;
	char err[512];
	FILE *f;

	store_commit(s);
	store_close(s);
	CHECK_INT(store_open(path, STORE_READ_ONLY, &t, err, sizeof(err)), STATUS_OK);
	store_close(t);

	/* A newer layout. */
	{
		sqlite3 *db;

		sqlite3_open(path, &db);
		sqlite3_exec(db, "PRAGMA user_version = 99", NULL, NULL, NULL);
		sqlite3_close(db);
	}
	CHECK_INT(store_open(path, STORE_READ_WRITE, &t, err, sizeof(err)), STATUS_VERSION);
	CHECK(t == NULL);
	CHECK_CONTAINS(err, "different version of careers (store version 99");
	CHECK_STR(query("PRAGMA user_version"), "99");

	/* Some other SQLite database. */
	unlink(path);
	{
		sqlite3 *db;

		sqlite3_open(path, &db);
		sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
		sqlite3_close(db);
	}
	CHECK_INT(store_open(path, STORE_READ_ONLY, &t, err, sizeof(err)), STATUS_CORRUPT);
	CHECK_CONTAINS(err, "is not a careers store");

	/* Not a database at all. */
	f = fopen(path, "w");
	fputs("this is a text file, not a database, and it is long enough to look like a page?\n", f);
	fclose(f);
	CHECK_INT(store_open(path, STORE_READ_ONLY, &t, err, sizeof(err)), STATUS_CORRUPT);
	CHECK_CONTAINS(err, "is not a careers store");

	/* Missing. */
	unlink(path);
	CHECK_INT(store_open(path, STORE_READ_ONLY, &t, err, sizeof(err)), STATUS_IO);
	CHECK_CONTAINS(err, "No such file");
}

TEST(read_only_store_cannot_be_written)
{
	struct store *s = fresh("readonly");
	struct postcode_rec pc = { "DN1 3BU", 53.5, -1.1, 0 };
	struct import_sink sink;
	char err[256];

	store_commit(s);
	store_close(s);
	CHECK_INT(store_open(path, STORE_READ_ONLY, &s, err, sizeof(err)), STATUS_OK);
	sink = store_sink(s);
	CHECK(sink.put(sink.ctx, RECORD_POSTCODE, &pc) != STATUS_OK);
	CHECK_CONTAINS(sink.message(sink.ctx), "read-only");
	store_close(s);
	CHECK_STR(query("SELECT count(*) FROM postcode"), "0");
}

TEST(keeps_at_most_1000_rejections_per_file)
{
	struct store *s = fresh("rejections");
	struct import_rejection rej = { "big.csv", 0, NULL, "Postcode", "bad postcode" };
	unsigned long i;

	store_begin(s);
	source(s, "big.csv");
	for (i = 0; i < 1500; i++) {
		rej.line = i + 2;
		CHECK_INT(store_source_reject(s, &rej), STATUS_OK);
	}
	end_source(s, 0);
	store_commit(s);
	store_close(s);
	CHECK_STR(query("SELECT count(*) FROM rejected_row"), "1000");
	CHECK_STR(query("SELECT max(line) FROM rejected_row"), "1001");
}

TESTS(standards_merge_from_ifate_and_lars, providers_merge_and_are_placed,
      interest_profiles_from_onet, reimporting_a_file_replaces_it,
      refuses_what_is_not_a_current_store, read_only_store_cannot_be_written,
      keeps_at_most_1000_rejections_per_file)
