/*
 * test_current_2026.c - the public downloads as published today (late 2026).
 *
 * ../shared/refdata/CURRENT-2026.md lists, source by source, the current
 * shapes and what went wrong with them. These tests hold the answers:
 *
 *   - zip archives and workbooks are read as they are downloaded (bundle.h,
 *     zipfile.h, xlsx.h), ONSPD/NSPL's second copy of every postcode left out;
 *   - a folder holding one current file of every source, zipped where the
 *     publisher zips it, builds, with every file's rows counted right and the
 *     near misses listed as skipped;
 *   - what each current shape means once it is in the store: versioned and
 *     foundation standards, multi-site and NHS adverts and pay in words,
 *     university campuses and graduates' earnings, ASHE Table 14 pay, SOC 2010
 *     kept apart from SOC 2020, O*NET Job Zones without a Title.
 *
 * Fixtures are in tests/fixtures/current-2026/ (written for these tests in
 * the current shapes); archives and workbooks are made from them here.
 */
#include <math.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "build.h"
#include "bundle.h"
#include "harness.h"
#include "match.h"
#include "plan.h"
#include "store.h"
#include "xlsx.h"
#include "zipfile.h"

static char work[512];

static const char *in_work(const char *name)
{
	static char path[8][1024];
	static int next;
	char *p = path[next++ % 8];

	snprintf(p, 1024, "%s/%s", work, name);
	return p;
}

static void make_work(const char *name)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");

	snprintf(work, sizeof(work), "%s/current2026-%s-%d", tmp ? tmp : "/tmp", name,
		 (int)getpid());
	mkdir(work, 0755);
}

/* A fixture's bytes, as a C string (owned). */
static char *fixture_text(const char *name)
{
	struct strbuf sb;

	strbuf_init(&sb);
	harness_read_file(check_fixture(name), &sb);
	return strbuf_detach(&sb);
}

/* First column of the first row of sql, as text (owned), or NULL. */
static char *query(const char *db, const char *sql)
{
	sqlite3 *h = NULL;
	sqlite3_stmt *st = NULL;
	char *out = NULL;

	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW &&
	    sqlite3_column_text(st, 0))
		out = xstrdup((const char *)sqlite3_column_text(st, 0));
	else if (h && !st)
		fprintf(stderr, "query: %s: %s\n", sql, sqlite3_errmsg(h));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return out;
}

#define CHECK_QUERY(db, sql, want) \
	do { \
		char *got_ = query(db, sql); \
		CHECK_STR(got_ ? got_ : "(no row)", want); \
		free(got_); \
	} while (0)

/* --- archives and workbooks ------------------------------------------------------------ */

TEST(zip_parts_and_the_national_copy)
{
	static const char *const names[] = {
		"Data/NSPL21_AUG_2026_UK.csv", "Data/multi_csv/NSPL21_AUG_2026_UK_DN.csv",
		"Documents/LA_UA names and codes UK as at 04_25.csv", "__MACOSX/Data/._x.csv",
		"inner.zip",
	};
	const char *contents[5];
	struct bundle *b;
	char err[256];

	make_work("zip");
	contents[0] = contents[1] = "pcds,lat,long\nDN1 3BU,53.5197,-1.1319\n";
	contents[2] = "LAD25CD,LAD25NM\nE08000017,Doncaster\n";
	contents[3] = "not data";
	contents[4] = "PK\x05\x06";
	harness_write_zip(in_work("nspl.zip"), names, contents, NULL, 5);
	CHECK_INT(bundle_open(in_work("nspl.zip"), &b, err, sizeof(err)), STATUS_OK);
	if (!b)
		return;
	CHECK(bundle_is_container(b));
	/* The resource fork is not listed; the rest are, two of them with why they are skipped. */
	CHECK_INT(bundle_count(b), 4);
	CHECK_STR(bundle_part(b, 0)->member, "Data/NSPL21_AUG_2026_UK.csv");
	CHECK(bundle_part(b, 0)->skip == NULL);
	CHECK_CONTAINS(bundle_part(b, 0)->name, "nspl.zip/Data/NSPL21_AUG_2026_UK.csv");
	CHECK_STR(bundle_part(b, 1)->skip,
		  "the same rows as Data/NSPL21_AUG_2026_UK.csv, which is read instead");
	CHECK(bundle_part(b, 2)->skip == NULL);
	CHECK_CONTAINS(bundle_part(b, 3)->skip, "an archive inside the archive");
	bundle_free(b);
}

TEST(damaged_zip_is_refused_with_why)
{
	FILE *f;
	struct bundle *b = NULL;
	char err[256];

	make_work("damaged");
	f = fopen(in_work("broken.zip"), "wb");
	fputs("PK\x03\x04 this is not really a zip archive at all", f);
	fclose(f);
	CHECK_INT(bundle_open(in_work("broken.zip"), &b, err, sizeof(err)), STATUS_FORMAT);
	CHECK(b == NULL);
	CHECK(err[0] != '\0');
}

TEST(workbook_sheets_as_csv)
{
	static const char *const names[] = { "All", "Notes" };
	static const char *const rows[] = {
		"Table 14.7a\n\n\nDescription\tCode\tMedian\n\nChief executives, \"senior\"\t1111\t84000\n"
		"Line\\nbreak\t01\t12.5\n",
		"\n\n\nonly C4\n",
	};
	struct zipfile_where where = { NULL, NULL, 0 };
	struct xlsx *x = NULL;
	struct strbuf csv;
	char err[256];

	make_work("xlsx");
	harness_write_xlsx(in_work("book.xlsx"), names, rows, 2);
	where.path = in_work("book.xlsx");
	CHECK_INT(xlsx_open(&where, &x, err, sizeof(err)), STATUS_OK);
	if (!x)
		return;
	CHECK_INT(xlsx_sheet_count(x), 2);
	CHECK_STR(xlsx_sheet_name(x, 1), "Notes");
	strbuf_init(&csv);
	CHECK_INT(xlsx_sheet_csv(x, 0, &csv, err, sizeof(err)), STATUS_OK);
	/* Line N is row N; quoting where needed; "01" stays text, numbers as written. */
	CHECK_STR(csv.buf, "Table 14.7a\n\n\nDescription,Code,Median\n\n"
		  "\"Chief executives, \"\"senior\"\"\",1111,84000\n\"Line\nbreak\",01,12.5\n");
	strbuf_reset(&csv);
	CHECK_INT(xlsx_sheet_csv(x, 1, &csv, err, sizeof(err)), STATUS_OK);
	CHECK_STR(csv.buf, "\n\n\nonly C4\n");
	strbuf_done(&csv);
	xlsx_free(x);
}

TEST(hostile_workbooks_are_refused)
{
	static const char *const names[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
					     "xl/worksheets/sheet1.xml" };
	const char *parts[3];
	struct zipfile_where where = { NULL, NULL, 0 };
	struct xlsx *x = NULL;
	struct strbuf csv;
	char err[256];

	make_work("hostile");
	/* A document type (the way to entity expansion) is refused. */
	parts[0] = "<?xml version=\"1.0\"?><!DOCTYPE w [<!ENTITY a \"aaaa\">]><workbook/>";
	parts[1] = "<Relationships/>";
	parts[2] = "<worksheet/>";
	harness_write_zip(in_work("doctype.xlsx"), names, parts, NULL, 3);
	where.path = in_work("doctype.xlsx");
	CHECK_INT(xlsx_open(&where, &x, err, sizeof(err)), STATUS_FORMAT);
	CHECK_CONTAINS(err, "document type declaration");
	/* A cell naming a shared string that is not there. */
	parts[0] = "<workbook xmlns:r=\"r\"><sheets><sheet name=\"S\" r:id=\"rId1\"/></sheets></workbook>";
	parts[1] = "<Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
		   "</Relationships>";
	parts[2] = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>7</v></c></row>"
		   "</sheetData></worksheet>";
	harness_write_zip(in_work("strings.xlsx"), names, parts, NULL, 3);
	where.path = in_work("strings.xlsx");
	CHECK_INT(xlsx_open(&where, &x, err, sizeof(err)), STATUS_OK);
	if (!x)
		return;
	strbuf_init(&csv);
	CHECK_INT(xlsx_sheet_csv(x, 0, &csv, err, sizeof(err)), STATUS_FORMAT);
	CHECK_CONTAINS(err, "xl/worksheets/sheet1.xml line 1: a cell names shared string \"7\"");
	/* Not well-formed: the part and line are named. */
	strbuf_done(&csv);
	xlsx_free(x);
	parts[2] = "<worksheet><sheetData><row></sheetData>";
	harness_write_zip(in_work("broken.xlsx"), names, parts, NULL, 3);
	where.path = in_work("broken.xlsx");
	CHECK_INT(xlsx_open(&where, &x, err, sizeof(err)), STATUS_OK);
	if (!x)
		return;
	strbuf_init(&csv);
	CHECK_INT(xlsx_sheet_csv(x, 0, &csv, err, sizeof(err)), STATUS_FORMAT);
	CHECK_CONTAINS(err, "xl/worksheets/sheet1.xml line 1: mismatched tag");
	strbuf_done(&csv);
	xlsx_free(x);
}

/* --- one current file of every source, side by side -------------------------------------- */

struct counts {
	long long read, loaded, rejected;
	char format[64];
	int found;
};

struct wanted {
	const char *name;		/* end of path or member */
	struct counts *out;
};

static int count_source(void *ctx, const struct store_source_info *info)
{
	struct wanted *w = ctx;
	const char *name = info->member ? info->member : info->path;
	size_t n = strlen(name), m;

	for (; w->name; w++) {
		m = strlen(w->name);
		/* The whole name, or its end after a '/' or ' ' (LOCATION.csv is not COURSELOCATION.csv). */
		if (n >= m && strcmp(name + n - m, w->name) == 0 &&
		    (n == m || name[n - m - 1] == '/' || name[n - m - 1] == ' ')) {
			w->out->read = info->rows_read;
			w->out->loaded = info->rows_loaded;
			w->out->rejected = info->rows_rejected;
			snprintf(w->out->format, sizeof(w->out->format), "%s", info->format);
			w->out->found++;
		}
	}
	return 0;
}

static void copy_fixture(const char *fixture, const char *to)
{
	char *text = fixture_text(fixture);
	FILE *f = fopen(to, "wb");

	CHECK(f != NULL);
	if (f) {
		fputs(text, f);
		fclose(f);
	}
	free(text);
}

/* Zip fixtures under their published member names. */
static void zip_fixtures(const char *to, const char *const *members, const char *const *fixtures,
			 size_t n)
{
	char *texts[16];
	size_t i;

	for (i = 0; i < n; i++)
		texts[i] = fixture_text(fixtures[i]);
	harness_write_zip(to, members, (const char *const *)texts, NULL, n);
	for (i = 0; i < n; i++)
		free(texts[i]);
}

static const char *const ashe_rows_weekly =
	"Table 14.1a   Weekly pay - Gross (\xC2\xA3) - For full-time employee jobs: United Kingdom, 2025\n"
	"Occupation (SOC20) (4)\n\n\t\t\t\t\t\t\tPercentiles\n"
	"Description\tCode\tNumber of jobs (thousand)\tMedian\tAnnual % change\tMean\t"
	"Annual % change\t10\t20\t25\t30\t40\t60\t70\t75\t80\t90\n\n"
	"All employees\t\t20000\t728.3\t5.9\t850.6\t5.5\t400\t480\tx\tx\tx\tx\tx\tx\tx\tx\n"
	"Professional occupations\t2\t5000\t950.1\t4.1\t1050\t4\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\n"
	"Programmers and software development professionals\t2134\t350\t1094.6\t3.2\t1180.2\t"
	"3\t700\t800\t850\tx\tx\tx\tx\t1300\tx\t1650\n"
	"Roofers, roof tilers and slaters\t5314\t40\t620\t2\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\tx\n"
	"Plumbers and heating and ventilating installers and repairers\t5316\tx\tx\tx\tx\tx\t"
	"x\tx\tx\tx\tx\tx\tx\tx\tx\tx\n"
	"a  Employees on adult rates whose pay was unaffected by absence.\n";

static const char *const ashe_rows_male =
	"Table 14.1a   Weekly pay - Gross (\xC2\xA3) - For male full-time employee jobs: United "
	"Kingdom, 2025\n\n\n\nDescription\tCode\tNumber of jobs (thousand)\tMedian\tAnnual % "
	"change\tMean\n\nAll employees\t\t1\t800\t1\t900\n";

static const char *const ashe_rows_hours =
	"Table 14.9a   Paid hours worked - Total - For full-time employee jobs: United Kingdom, "
	"2025\n\n\n\nDescription\tCode\tNumber of jobs (thousand)\tMedian\tAnnual % change\t"
	"Mean\n\nAll employees\t\t20000\t37.5\t0\t39.1\n"
	"Programmers and software development professionals\t2134\t350\t37.5\t0\t38.2\n";

/* Write the folder: one current file of every source, zipped where the publisher zips it. */
static void write_current_folder(void)
{
	static const char *const du_members[] = {
		"KISCOURSE.csv", "INSTITUTION.csv", "KISAIM.csv", "LOCATION.csv", "COURSELOCATION.csv",
		"ENTRY.csv", "TARIFF.csv", "GOSALARY.csv", "LEO3.csv", "LEO5.csv", "NSS.csv",
	};
	static const char *const du_fixtures[] = {
		"discover-uni/KISCOURSE.csv", "discover-uni/INSTITUTION.csv", "discover-uni/KISAIM.csv",
		"current-2026/LOCATION.csv", "current-2026/COURSELOCATION.csv",
		"current-2026/ENTRY.csv", "current-2026/TARIFF.csv", "current-2026/GOSALARY.csv",
		"current-2026/LEO3.csv", "current-2026/LEO5.csv", "current-2026/NSS.csv",
	};
	static const char *const onet_members[] = {
		"db_30_1_text/Interests.txt", "db_30_1_text/Job Zones.txt",
		"db_30_1_text/Occupation Data.txt", "db_30_1_text/Read Me.txt",
	};
	static const char *const onet_fixtures[] = {
		"onet/Interests.txt", "onet/Job Zones.txt", "onet/Occupation Data.txt",
		"core/lines.csv",
	};
	static const char *const nspl_members[] = {
		"Data/NSPL21_AUG_2026_UK.csv", "Data/multi_csv/NSPL21_AUG_2026_UK_DN.csv",
	};
	static const char *const nspl_fixtures[] = {
		"postcodes/nspl_style.csv", "postcodes/nspl_style.csv",
	};
	static const char *const lars_members[] = {
		"Standard.csv", "SectorSubjectAreaTier1.csv", "NotionalNVQLevelv2.csv",
	};
	static const char *const lars_fixtures[] = {
		"lars/Standard_good_and_bad.csv", "lars/ssa_tier1.csv", "lars/level_v2.csv",
	};
	static const char *const ashe_sheets[] = { "Full-Time", "Male Full-Time" };
	static const char *const hours_sheets[] = { "Full-Time" };
	static const char *const soc_sheets[] = { "Cover", "SOC2020 descriptions" };
	const char *soc_rows[2];
	const char *ashe_rows[2] = { ashe_rows_weekly, ashe_rows_male };
	struct strbuf weekly, hours;
	const char *members[2], *books[2];
	size_t sizes[2];
	char *soc_sheet;

	make_work("folder");
	mkdir(in_work("data"), 0755);
	copy_fixture("current-2026/LiveCoursesWithRegionsAndVenuesReport-20260727.csv",
		     in_work("data/LiveCoursesWithRegionsAndVenuesReport-20260727.csv"));
	copy_fixture("current-2026/LiveCourseProvidersReport-20260727.csv",
		     in_work("data/LiveCourseProvidersReport-20260727.csv"));
	copy_fixture("current-2026/apprenticeshipstandards.json",
		     in_work("data/apprenticeshipstandards.json"));
	copy_fixture("current-2026/foundationapprenticeships.json",
		     in_work("data/foundationapprenticeships.json"));
	copy_fixture("current-2026/vacancies_page1.json", in_work("data/vacancies_page1.json"));
	copy_fixture("current-2026/vacancies_page2.json", in_work("data/vacancies_page2.json"));
	copy_fixture("gias/edubasealldata20250422.csv", in_work("data/edubasealldata20260501.csv"));
	copy_fixture("current-2026/soc2010_soc2020_relationship.csv",
		     in_work("data/soc2010_soc2020_relationship.csv"));
	copy_fixture("lmi/soc_code.json", in_work("data/lmi_soc_code_5314.json"));
	copy_fixture("lmi/ashe_pay.json", in_work("data/lmi_ashe_pay_5314.json"));
	copy_fixture("onet/crosswalk.csv", in_work("data/soc2020_onet_crosswalk.csv"));
	/* A near miss: an IfATE list without its Reference column. */
	copy_fixture("ifate/missing_reference.csv", in_work("data/standards_export.csv"));
	zip_fixtures(in_work("data/discover_uni_2025_26.zip"), du_members, du_fixtures, 11);
	zip_fixtures(in_work("data/db_30_1_text.zip"), onet_members, onet_fixtures, 4);
	zip_fixtures(in_work("data/NSPL21_AUG_2026_UK.zip"), nspl_members, nspl_fixtures, 2);
	zip_fixtures(in_work("data/LARS_CSV.zip"), lars_members, lars_fixtures, 3);
	/* ASHE Table 14: a zip of workbooks. */
	harness_write_xlsx(in_work("t14_1a.xlsx"), ashe_sheets, ashe_rows, 2);
	harness_write_xlsx(in_work("t14_9a.xlsx"), hours_sheets, &ashe_rows_hours, 1);
	strbuf_init(&weekly);
	strbuf_init(&hours);
	harness_read_file(in_work("t14_1a.xlsx"), &weekly);
	harness_read_file(in_work("t14_9a.xlsx"), &hours);
	members[0] = "PROV - Occupation SOC20 (4) Table 14.1a   Weekly pay - Gross 2025.xlsx";
	members[1] = "PROV - Occupation SOC20 (4) Table 14.9a   Paid hours worked - Total 2025.xlsx";
	books[0] = weekly.buf;
	books[1] = hours.buf;
	sizes[0] = weekly.len;
	sizes[1] = hours.len;
	harness_write_zip(in_work("data/ashetable142025provisional.zip"), members, books, sizes, 2);
	strbuf_done(&weekly);
	strbuf_done(&hours);
	/* SOC 2020 volume 1: the workbook itself. */
	soc_sheet = fixture_text("current-2026/soc2020_descriptions_sheet.txt");
	soc_rows[0] = "SOC 2020 Volume 1\nStructure and descriptions of unit groups\n";
	soc_rows[1] = soc_sheet;
	harness_write_xlsx(in_work("data/soc2020volume1structureanddescriptionofunitgroupsexcel"
				   "20260827.xlsx"), soc_sheets, soc_rows, 2);
	free(soc_sheet);
}

TEST(current_folder_builds)
{
	static const struct {
		const char *name, *format;
		long long read, loaded, rejected;
	} files[] = {
		{ "LiveCoursesWithRegionsAndVenuesReport-20260727.csv", "course-directory-report-csv",
		  5, 4, 1 },
		{ "LiveCourseProvidersReport-20260727.csv", "course-providers-report-csv", 2, 2, 0 },
		{ "apprenticeshipstandards.json", "skills-england-json", 6, 6, 0 },
		{ "foundationapprenticeships.json", "skills-england-json", 2, 2, 0 },
		{ "vacancies_page1.json", "fav-vacancies-json", 4, 4, 0 },
		{ "vacancies_page2.json", "fav-vacancies-json", 0, 0, 0 },
		{ "edubasealldata20260501.csv", "gias-csv", -1, -1, -1 },
		{ "soc2010_soc2020_relationship.csv", "ons-soc2010-soc2020", 4, 2, 0 },
		{ "lmi_soc_code_5314.json", "lmi-soc-json", 1, 1, 0 },
		{ "lmi_ashe_pay_5314.json", "lmi-ashe-json", 2, 2, 0 },
		{ "KISCOURSE.csv", "discover-uni-kiscourse-csv", 6, 4, 2 },
		{ "LOCATION.csv", "discover-uni-location-csv", 3, 3, 0 },
		{ "COURSELOCATION.csv", "discover-uni-courselocation-csv", 4, 4, 0 },
		{ "ENTRY.csv", "discover-uni-entry-csv", 1, 1, 0 },
		{ "TARIFF.csv", "discover-uni-tariff-csv", 1, 1, 0 },
		{ "GOSALARY.csv", "discover-uni-gosalary-csv", 3, 1, 1 },
		{ "LEO3.csv", "discover-uni-leo3-csv", 1, 1, 0 },
		{ "LEO5.csv", "discover-uni-leo5-csv", 1, 1, 0 },
		{ "db_30_1_text/Job Zones.txt", "onet-job-zones-csv", 2, 2, 0 },
		{ "Data/NSPL21_AUG_2026_UK.csv", "postcodes-csv", -1, -1, -1 },
		{ "Standard.csv", "lars-standard-csv", -1, -1, -1 },
		{ "Table 14.1a   Weekly pay - Gross 2025.xlsx, sheet Full-Time", "ons-ashe-table14",
		  6, 3, 0 },
		{ "Table 14.9a   Paid hours worked - Total 2025.xlsx, sheet Full-Time",
		  "ons-ashe-table14", 2, 1, 0 },
		{ "sheet SOC2020 descriptions", "ons-soc2020-csv", -1, -1, -1 },
	};
	struct counts got[sizeof(files) / sizeof(files[0])];
	struct wanted want[sizeof(files) / sizeof(files[0]) + 1];
	struct build_options o;
	struct store *s;
	struct strbuf out, err;
	FILE *out_f, *err_f;
	char e[256];
	size_t i;

	write_current_folder();
	memset(&o, 0, sizeof(o));
	o.data_dir = in_work("data");
	o.out = in_work("current.db");
	out_f = fopen(in_work("out.txt"), "w");
	err_f = fopen(in_work("err.txt"), "w");
	o.out_stream = out_f;
	o.err_stream = err_f;
	CHECK_INT(build_store(&o), STATUS_OK);
	fclose(out_f);
	fclose(err_f);
	strbuf_init(&out);
	strbuf_init(&err);
	harness_read_file(in_work("out.txt"), &out);
	harness_read_file(in_work("err.txt"), &err);
	/* Near misses and the other files of the downloads are listed as skipped, with why. */
	CHECK_CONTAINS(err.buf, "warning: skipped standards_export.csv: looks like IfATE "
				"apprenticeship standards (CSV download), but the header on line 2 has "
				"no \"Reference\" column");
	CHECK_CONTAINS(out.buf, "skipped NSPL21_AUG_2026_UK.zip/Data/multi_csv/NSPL21_AUG_2026_UK_DN.csv: "
				"the same rows as Data/NSPL21_AUG_2026_UK.csv, which is read instead");
	CHECK_CONTAINS(out.buf, "skipped discover_uni_2025_26.zip/NSS.csv: not a format");
	CHECK_CONTAINS(out.buf, "[Male Full-Time]: not a format");
	CHECK_CONTAINS(out.buf, "(6 skipped, 1 of them near misses)");
	CHECK_NOT_CONTAINS(err.buf, "careers: warning: skipped discover_uni");

	memset(got, 0, sizeof(got));
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		want[i].name = files[i].name;
		want[i].out = &got[i];
	}
	want[i].name = NULL;
	CHECK_INT(store_open(o.out, STORE_READ_ONLY, &s, e, sizeof(e)), STATUS_OK);
	if (!s)
		goto done;
	CHECK_INT(store_each_source(s, count_source, want), STATUS_OK);
	store_close(s);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		if (got[i].found != 1) {
			fprintf(stderr, "%s: found %d times\n", files[i].name, got[i].found);
			CHECK_INT(got[i].found, 1);
			continue;
		}
		CHECK_STR(got[i].format, files[i].format);
		if (files[i].read < 0)
			continue;
		if (got[i].read != files[i].read || got[i].loaded != files[i].loaded ||
		    got[i].rejected != files[i].rejected)
			fprintf(stderr, "%s: %lld read, %lld loaded, %lld rejected\n", files[i].name,
				got[i].read, got[i].loaded, got[i].rejected);
		CHECK_INT(got[i].read, files[i].read);
		CHECK_INT(got[i].loaded, files[i].loaded);
		CHECK_INT(got[i].rejected, files[i].rejected);
	}
	/* Provenance names the archive and the member. */
	CHECK_QUERY(o.out, "SELECT path || ' | ' || member FROM source_file WHERE member LIKE "
			   "'%Job Zones.txt'", in_work("data/db_30_1_text.zip | db_30_1_text/Job Zones.txt"));
done:
	strbuf_done(&out);
	strbuf_done(&err);
}

/* --- what the current shapes mean in the store ---------------------------------------------- */

static const char *built_store(void)
{
	static char path[1024];
	struct build_options o;
	FILE *devnull;

	if (path[0])
		return path;
	write_current_folder();
	snprintf(path, sizeof(path), "%s", in_work("meaning.db"));
	devnull = fopen("/dev/null", "w");
	memset(&o, 0, sizeof(o));
	o.data_dir = in_work("data");
	o.out = path;
	o.quiet = 1;
	o.out_stream = devnull;
	o.err_stream = devnull;
	CHECK_INT(build_store(&o), STATUS_OK);
	fclose(devnull);
	return path;
}

TEST(course_directory_open_data)
{
	const char *db = built_store();

	CHECK_QUERY(db, "SELECT kind || ' ' || study_mode || ' ' || attendance || ' ' || "
			"delivery_mode || ' ' || start_date || ' ' || duration_value || ' ' || "
			"duration_unit || ' ' || cost_pence || ' ' || round(lat, 4) FROM course WHERE "
			"ref = '7a1c0a10-0000-4000-8000-000000000001'",
		    "fe full-time daytime classroom 2027-09-06 2 years 0 53.5215");
	CHECK_QUERY(db, "SELECT kind FROM course WHERE title LIKE 'T Level%'", "tlevel");
	/* Adult-only course types are 19+ whatever the text says ("aged 16 or over"). */
	CHECK_QUERY(db, "SELECT age_min || ' ' || flexible_start FROM course WHERE title LIKE "
			"'Skills Bootcamp%'", "19 1");
	CHECK_QUERY(db, "SELECT age_min FROM course WHERE title LIKE '%Accounting'", "19");
	CHECK_QUERY(db, "SELECT name || ' ' || postcode FROM provider WHERE ukprn = '10061234'",
		    "Danum Skills DN1 1TD");
	CHECK_QUERY(db, "SELECT data_date FROM source_file WHERE path LIKE '%LiveCoursesWith%'",
		    "2026-07-27");
}

TEST(standards_versions_and_foundation_apprenticeships)
{
	const char *db = built_store();

	/* The open version shows; the retired one's last start date does not hide it. */
	CHECK_QUERY(db, "SELECT version || ' ' || status || ' ' || coalesce(last_start_date, "
			"'open') FROM standard WHERE reference = 'ST0116'",
		    "1.1 approved for delivery open");
	CHECK_QUERY(db, "SELECT title || ' ' || version FROM standard WHERE reference = 'ST0482'",
		    "Chartered surveyor 1.1");
	CHECK_QUERY(db, "SELECT group_concat(version || ':' || status, ' ') FROM (SELECT * FROM "
			"standard_version WHERE reference = 'ST0116' ORDER BY version)",
		    "1.0:retired 1.1:approved for delivery");
	CHECK_QUERY(db, "SELECT status FROM standard WHERE reference = 'ST1999'",
		    "proposal in development");
	CHECK_QUERY(db, "SELECT kind || ' ' || level || ' ' || url FROM standard WHERE "
			"reference = 'FA0002'", "foundation 2.0 https://skillsengland.education.gov.uk/"
			"foundation-apprenticeships/fa0002-v1-0");
}

TEST(vacancies_v2)
{
	const char *db = built_store();

	CHECK_QUERY(db, "SELECT count(*) FROM vacancy_address a JOIN vacancy v ON v.id = "
			"a.vacancy_id WHERE v.reference = 'VAC2000041656'", "3");
	/* The third address had no coordinates: placed by its postcode? Not in this folder's list. */
	CHECK_QUERY(db, "SELECT wage_pence || ' ' || wage_unit || ' ' || url FROM vacancy WHERE "
			"reference = 'VAC2000041656'",
		    "2040000 annually https://jobs.example.org/apply/2000041656");
	CHECK_QUERY(db, "SELECT wage_low_pence || '-' || wage_high_pence || ' ' || url FROM vacancy "
			"WHERE reference = 'C9824-26-0895'",
		    "2407100-2567400 https://www.jobs.nhs.uk/candidate/jobadvert/C9824-26-0895");
	CHECK_QUERY(db, "SELECT wage_pence || ' ' || wage_unit FROM vacancy WHERE reference = "
			"'CSJ483417'", "755 hourly");
	CHECK_QUERY(db, "SELECT wage_pence || ' ' || course_type || ' ' || wage_text FROM vacancy "
			"WHERE reference = 'VAC2000041700'",
		    "800 foundation National Minimum Wage for apprentices: the apprentice rate, "
		    "\xC2\xA3" "8.00 an hour from 1 April 2026");
}

TEST(universities_campuses_and_earnings)
{
	const char *db = built_store();

	/* Placed at its first teaching location, not the head office in Leeds. */
	CHECK_QUERY(db, "SELECT venue_name || ' ' || round(lat, 4) FROM course WHERE ref = "
			"'CS-BSC/01'", "University Centre Doncaster 53.5215");
	CHECK_QUERY(db, "SELECT earnings_start FROM course WHERE ref = 'CS-BSC/01'",
		    "\xC2\xA3" "28,000 a year 15 months after finishing (most between \xC2\xA3" "24,000 and "
		    "\xC2\xA3" "33,000), 2021-23");
	CHECK_QUERY(db, "SELECT earnings_later FROM course WHERE ref = 'CS-BSC/01'",
		    "\xC2\xA3" "34,000 a year after 5 years; \xC2\xA3" "30,000 after 3 years");
	CHECK_QUERY(db, "SELECT entry_requirements FROM course WHERE ref = 'CS-BSC/01'",
		    "Most entrants had 112 to 127 UCAS points. 80% of entrants came with A levels.");
}

TEST(pay_from_ashe_and_soc2010_kept_apart)
{
	const char *db = built_store();

	CHECK_QUERY(db, "SELECT weekly_pay || ' ' || weekly_hours FROM occupation WHERE soc = '2134'",
		    "1094.6 37.5");
	CHECK_QUERY(db, "SELECT value FROM labour_market WHERE soc = '2134' AND measure = "
			"'weekly_pay_p90' AND year = 2025", "1650.0");
	/* "Roofers" keeps its own job titles: SOC 2010 5314 (plumbers) is not merged in. */
	CHECK_QUERY(db, "SELECT job_titles FROM occupation WHERE soc = '5314'", "Roofer|Slater");
	CHECK_QUERY(db, "SELECT title FROM soc2010_occupation WHERE soc = '5314'",
		    "Plumbers and heating and ventilating engineers");
	/* No occupation the SOC 2020 sheet does not have. */
	CHECK_QUERY(db, "SELECT count(*) FROM occupation WHERE soc NOT IN ('2134', '2135', '2136', "
			"'5314', '5316')", "0");
	/* SOC 2010 pay reaches SOC 2020 through the relationship table, for its own years. */
	CHECK_QUERY(db, "SELECT group_concat(year || ':' || value, ' ') FROM (SELECT * FROM "
			"labour_market WHERE soc = '5316' AND measure = 'weekly_pay' ORDER BY year)",
		    "2013:540.5 2015:560.0");
	/* Job Zones.txt (no Title) loads, and the title comes from Occupation Data. */
	CHECK_QUERY(db, "SELECT job_zone || ' ' || title FROM onet_occupation WHERE code = "
			"'15-1252.00'", "4 Software Developers");
}

/* The adviser's comparison shows what graduates earn. */
TEST(university_earnings_in_the_comparison)
{
	const char *db = built_store();
	struct match_profile p;
	struct plan_facts f;
	struct store *s = NULL;
	char err[256], *id;

	CHECK_INT(store_open(db, STORE_READ_ONLY, &s, err, sizeof(err)), STATUS_OK);
	if (!s)
		return;
	id = query(db, "SELECT id FROM course WHERE ref = 'CS-BSC/01'");
	match_profile_init(&p);
	p.school_year = 12;
	p.today = (struct civil_date){ 2026, 11, 30 };
	CHECK(id != NULL);
	if (id) {
		CHECK_INT(plan_facts(s, &p, OPTION_UNIVERSITY, atoll(id), &f), STATUS_OK);
		CHECK_STR(f.pay_start, "\xC2\xA3" "28,000 a year 15 months after finishing");
		CHECK_STR(f.pay_experienced, "\xC2\xA3" "34,000 a year after 5 years");
	}
	free(id);
	store_close(s);
}

/* `careers search` on the store: what the learner filter makes of the current shapes. */
static void search(const char *args, struct strbuf *out)
{
	const char *bin = getenv("CAREERS_BIN");
	char cmd[2048], buf[4096];
	FILE *p;
	size_t got;

	strbuf_reset(out);
	snprintf(cmd, sizeof(cmd), "'%s' search --db '%s' --today 2026-11-01 --format json %s 2>&1",
		 bin, built_store(), args);
	p = popen(cmd, "r");
	CHECK(p != NULL);
	if (!p)
		return;
	while ((got = fread(buf, 1, sizeof(buf), p)) > 0)
		strbuf_add(out, buf, got);
	CHECK_INT(pclose(p), 0);
}

TEST(learner_filter_on_current_shapes)
{
	struct strbuf out;

	if (!getenv("CAREERS_BIN"))
		SKIP("no careers binary (CAREERS_BIN)");
	strbuf_init(&out);
	/* The Leeds and Doncaster advert is as near as its Doncaster site. */
	search("--age 17 --postcode DN1 --within 2 --kind vacancy --text administrator", &out);
	CHECK_CONTAINS(out.buf, "\"ref\": \"VAC2000041656\"");
	CHECK_CONTAINS(out.buf, "\"distance_miles\": 0.");
	/* Foundation apprenticeships: found by a pupil, not for someone of 23. */
	search("--year 11 --kind apprenticeship --text foundation", &out);
	CHECK_CONTAINS(out.buf, "\"ref\": \"FA0002\"");
	CHECK_CONTAINS(out.buf, "\"availability\": \"from-date\"");
	search("--age 23 --kind apprenticeship --text foundation --show-all", &out);
	CHECK_CONTAINS(out.buf, "\"availability\": \"not-for-age\"");
	CHECK_CONTAINS(out.buf, "for ages 16 to 21; you would be 23");
	/* A proposal is never startable: not shown. */
	search("--year 11 --kind apprenticeship --text quantum --show-all", &out);
	CHECK_NOT_CONTAINS(out.buf, "ST1999");
	/* The re-versioned standard is there. */
	search("--year 13 --kind apprenticeship --text software", &out);
	CHECK_CONTAINS(out.buf, "\"ref\": \"ST0116\"");
	strbuf_done(&out);
}

TESTS(zip_parts_and_the_national_copy, damaged_zip_is_refused_with_why, workbook_sheets_as_csv,
      hostile_workbooks_are_refused, current_folder_builds, course_directory_open_data,
      standards_versions_and_foundation_apprenticeships, vacancies_v2,
      universities_campuses_and_earnings, pay_from_ashe_and_soc2010_kept_apart,
      university_earnings_in_the_comparison, learner_filter_on_current_shapes)
