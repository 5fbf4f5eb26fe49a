/* test_import_gias.c - the GIAS (EduBase) establishments CSV importer. */
#include <unistd.h>

#include "harness.h"

#include "geo.h"

TEST(good_and_bad_rows)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("gias/edubasealldata20250422.csv")), STATUS_OK);
	CHECK_STR(c.format, "gias-csv");
	CHECK_STR(c.result.encoding, "UTF-8");
	CHECK_STR(c.result.data_date, "2025-04-22");
	CHECK_INT(c.result.read, 16);
	CHECK_INT(c.result.loaded, 8);
	CHECK_INT(c.result.rejected, 8);
	/* A secondary academy: the postcode tidied, a scheme added to the web address. */
	CHECK_CONTAINS(c.records.buf,
		       "PROVIDER kind=school ukprn=10090001 urn=140001 name=Example Hill Academy "
		       "address=Thorne Road, Wheatley town=Doncaster postcode=DN2 5QD "
		       "lat=53.52306 lon=-1.13482 age_low=11 age_high=18 has_sixth_form=1 "
		       "is_open=1 phase=Secondary type_name=Academy converter "
		       "local_authority=Doncaster website=http://www.examplehill.example.org "
		       "phone=01302 000001\n");
	/* "Open, but proposed to close" is still open; code 0 says nothing of a sixth form. */
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=college ukprn=10001919 urn=130501 "
				      "name=Example College Doncaster address=The Waterfront ");
	CHECK_CONTAINS(c.records.buf, "age_low=16 age_high=99 is_open=1 phase=16 plus "
				      "type_name=Further education local_authority=Doncaster "
				      "website=http://www.example-college.example.ac.uk "
				      "phone=01302000002\n");
	/* A quoted comma stays in the street. */
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=sixth_form ukprn=10001920 urn=130502 "
				      "name=Example Sixth Form College address=1 High Street, "
				      "Bentley town=Doncaster postcode=DN5 0AA lat=");
	/* Closed; code 9 (unknown) sixth form; "Not applicable" phase is dropped. */
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=special_school urn=106800 ");
	CHECK_CONTAINS(c.records.buf, "age_low=2 age_high=19 is_open=0 "
				      "type_name=Community special school ");
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=university ukprn=10007001 urn=133001 ");
	CHECK_CONTAINS(c.records.buf, "website=http://www.example.ac.uk/\n");
	/* Pupil referral units are "other"; no eastings/northings, no lat/lon. */
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=other urn=135001 name=Example Pupil "
				      "Referral Unit address=Chequer Road town=Doncaster "
				      "postcode=DN1 2AA age_low=11 age_high=16 has_sixth_form=0 "
				      "is_open=1 phase=Secondary type_name=Pupil referral unit ");
	/* Proposed to open is not open yet; Address3 joins the address; the lost 0 comes back. */
	CHECK_CONTAINS(c.records.buf,
		       "PROVIDER kind=sixth_form ukprn=10090002 urn=149001 name=Example 16-19 Free "
		       "School address=Station Road, Askern, Near Doncaster town=Doncaster "
		       "postcode=DN6 0AA age_low=16 age_high=19 is_open=0 phase=16 plus "
		       "type_name=Free schools 16 to 19 local_authority=Doncaster "
		       "website=https://example1619.example.org phone=01302000007\n");
	/* 0,0 eastings/northings mean "not given"; a blank postcode keeps the school. */
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=special_school urn=149002 "
				      "name=Example Special Academy address=Mill Lane "
				      "town=Doncaster age_low=4 ");
	/* The head teacher's name is never read. */
	CHECK_NOT_CONTAINS(c.records.buf, "Zebedee");
	CHECK_NOT_CONTAINS(c.records.buf, "Quuxworth");
	CHECK_NOT_CONTAINS(c.records.buf, "Headteacher");
	/* Every bad field, with its line and column. */
	CHECK_CONTAINS(c.rejections.buf, "10: URN: \"ABC123\" is not a school URN (expected "
					 "something like 106653)\n");
	CHECK_CONTAINS(c.rejections.buf, "11: EstablishmentName: is empty, but every row needs "
					 "it\n");
	CHECK_CONTAINS(c.rejections.buf, "12: Postcode: \"DN1 3B\" is not a UK postcode "
					 "(expected something like DN1 3BU)\n");
	CHECK_CONTAINS(c.rejections.buf, "13: StatutoryLowAge: \"eleven\" is not a whole number "
					 "(expected something like 24)\n");
	CHECK_CONTAINS(c.rejections.buf, "13: Easting: 9999999 is out of range (expected 0 to "
					 "700000)\n");
	CHECK_CONTAINS(c.rejections.buf, "14: UKPRN: \"1234\" is not a UKPRN (expected "
					 "something like 10001919)\n");
	CHECK_CONTAINS(c.rejections.buf, "15: StatutoryHighAge: 11 is below the low age 16 "
					 "(expected low <= high)\n");
	CHECK_CONTAINS(c.rejections.buf, "16: URN: is empty, but every establishment has a "
					 "URN\n");
	CHECK_CONTAINS(c.rejections.buf, "17: OfficialSixthForm (code): \"Y\" is not a whole "
					 "number (expected something like 24)\n");
	CHECK_INT(c.rejection_count, 9);
	CHECK_NOT_CONTAINS(c.records.buf, "Bad ");
	capture_done(&c);
}

/* Kinds from the type name, then the type group, then the phase. */
TEST(kinds)
{
	static const struct {
		const char *type, *group, *phase, *kind;
	} cases[] = {
		{ "Community school", "Local authority maintained schools", "Primary", "school" },
		{ "Academy converter", "Academies", "Secondary", "school" },
		{ "University technical college", "Free Schools", "Secondary", "school" },
		{ "Other independent school", "Independent schools", "All-through", "school" },
		{ "Further education", "Colleges", "16 plus", "college" },
		{ "Sixth form centres", "Colleges", "16 plus", "sixth_form" },
		{ "Free Schools - 16-19", "Free Schools", "16 plus", "sixth_form" },
		{ "Academy 16 to 19 converter", "Academies", "16 plus", "sixth_form" },
		{ "Academy secure 16 to 19", "Academies", "16 plus", "other" },
		{ "Foundation special school", "Special schools", "Not applicable",
		  "special_school" },
		{ "Non-maintained special school", "Special schools", "", "special_school" },
		{ "Other independent special school", "Independent schools", "",
		  "special_school" },
		{ "Free schools special", "Free Schools", "", "special_school" },
		{ "Special post 16 institution", "Other types", "16 plus", "special_school" },
		{ "Higher education institutions", "Universities", "", "university" },
		{ "Pupil referral unit", "Local authority maintained schools", "", "other" },
		{ "Academy alternative provision converter", "Academies", "", "other" },
		{ "Secure units", "Other types", "", "other" },
		{ "British schools overseas", "Other types", "", "other" },
		{ "Children's centre", "Children's centres", "", "other" },
		{ "Some new type", "Colleges", "", "college" },
		{ "Some new type", "Other types", "16 plus", "sixth_form" },
	};
	char text[4096], want[160];
	size_t i, n;
	struct capture c;

	n = (size_t)snprintf(text, sizeof(text), "URN,EstablishmentName,TypeOfEstablishment (name),"
			     "EstablishmentTypeGroup (name),PhaseOfEducation (name),"
			     "EstablishmentStatus (name)\n");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]) && n < sizeof(text); i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%zu,School %zu,%s,%s,%s,Open\n",
				      140100 + i, i, cases[i].type, cases[i].group, cases[i].phase);
	capture_init(&c);
	CHECK_INT(capture_text(&c, "kinds.csv", text), STATUS_OK);
	CHECK_STR(c.format, "gias-csv");
	CHECK_INT(c.result.loaded, sizeof(cases) / sizeof(cases[0]));
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(want, sizeof(want), "PROVIDER kind=%s urn=%zu name=School %zu ",
			 cases[i].kind, 140100 + i, i);
		CHECK_CONTAINS(c.records.buf, want);
	}
	capture_done(&c);
}

/* The same two schools in Windows-1252 and in UTF-8 with a BOM, both CRLF. */
static void check_accents(const char *fixture, const char *encoding)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture(fixture)), STATUS_OK);
	CHECK_STR(c.format, "gias-csv");
	CHECK_STR(c.result.encoding, encoding);
	CHECK_STR(c.result.data_date, "");
	CHECK_INT(c.result.loaded, 2);
	CHECK_INT(c.result.rejected, 0);
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=school ukprn=10076299 urn=126499 name=St "
				      "Thomas \xc3\xa0 Becket Example Primary School "
				      "address=Church Lane, Tickhill town=Doncaster "
				      "postcode=DN11 9AA lat=");
	CHECK_CONTAINS(c.records.buf, "name=Ecole Fran\xc3\xa7" "aise Example address=Rue de "
				      "l'\xc3\x89glise town=Doncaster");
	CHECK_CONTAINS(c.records.buf, "phase=All-through type_name=Other independent school ");
	CHECK_NOT_CONTAINS(c.records.buf, "\r");
	capture_done(&c);
}

TEST(latin1_crlf)
{
	check_accents("gias/latin1_crlf.csv", "Windows-1252");
}

TEST(utf8_bom_crlf)
{
	check_accents("gias/utf8_bom_crlf.csv", "UTF-8");
}

/*
 * The real GIAS download is ~60 MB of Windows-1252 whose first accented
 * letter can come long after the start: the encoding is the whole file's.
 */
static void latin1_late(int from_file)
{
	FILE *f = fopen(check_fixture("gias/latin1_crlf.csv"), "rb");
	struct strbuf text, rows;
	struct capture c;
	char line[4096];
	int i;

	strbuf_init(&text);
	strbuf_init(&rows);
	if (!f) {
		CHECK(f != NULL);
		return;
	}
	CHECK(fgets(line, sizeof(line), f) != NULL);
	strbuf_puts(&text, line);			/* the header */
	while (fgets(line, sizeof(line), f))
		strbuf_puts(&rows, line);		/* the accented rows */
	fclose(f);
	for (i = 0; text.len < 200 * 1024; i++)	/* then 200 KiB of plain ASCII rows first */
		strbuf_printf(&text, "\"%d\",\"371\",\"Doncaster\",\"4001\",\"Plain School %d\","
			      "\"02\",\"Voluntary aided school\",\"4\",\"x\",\"1\",\"Open\"\r\n",
			      200000 + i, i);
	strbuf_add(&text, rows.buf, rows.len);
	capture_init(&c);
	if (from_file) {
		const char *tmp = getenv("CAREERS_TEST_TMP");
		char *path = xasprintf("%s/gias-late-%ld.csv", tmp ? tmp : "/tmp", (long)getpid());
		FILE *out = fopen(path, "wb");

		CHECK(out != NULL);
		if (out) {
			fwrite(text.buf, 1, text.len, out);
			fclose(out);
		}
		capture_file(&c, path);
		unlink(path);
		free(path);
	} else {
		capture_bytes(&c, "gias-late.csv", text.buf, text.len);
	}
	CHECK_STR(c.format, "gias-csv");
	CHECK_STR(c.result.encoding, "Windows-1252");
	CHECK_CONTAINS(c.records.buf, "name=Ecole Fran\xc3\xa7" "aise Example");
	CHECK_CONTAINS(c.records.buf, "name=St Thomas \xc3\xa0 Becket Example Primary School");
	CHECK_NOT_CONTAINS(c.records.buf, "\xef\xbf\xbd");
	CHECK_NOT_CONTAINS(c.rejections.buf, "\xef\xbf\xbd");
	capture_done(&c);
	strbuf_done(&text);
	strbuf_done(&rows);
}

TEST(latin1_after_the_first_64k)
{
	latin1_late(1);
	latin1_late(0);
}

TEST(links_file_is_not_gias)
{
	struct capture c;

	capture_init(&c);
	capture_file(&c, check_fixture("gias/links_edubasealldata20250422.csv"));
	CHECK(!c.format || strcmp(c.format, "gias-csv") != 0);
	CHECK_NOT_CONTAINS(c.why, "Get Information about Schools");
	capture_done(&c);
}

TEST(missing_status_column_is_refused)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_text(&c, "edubase.csv",
			       "URN,EstablishmentName,TypeOfEstablishment (name),Postcode\n"
			       "106653,Penistone Grammar School,Community school,S36 7BX\n"),
		  STATUS_FORMAT);
	CHECK(c.near);
	CHECK_CONTAINS(c.why, "looks like Get Information about Schools establishments");
	CHECK_CONTAINS(c.why, "line 1 has no \"EstablishmentStatus (name)\" column");
	capture_done(&c);
}

/* Eastings/northings become WGS84 that the OS guide's inverse gives back. */
TEST(grid_position_round_trips)
{
	struct capture c;
	double lat, lon, easting, northing;
	const char *at;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("gias/edubasealldata20250422.csv")), STATUS_OK);
	at = strstr(c.records.buf, "urn=140001 ");
	CHECK(at != NULL);
	at = at ? strstr(at, " lat=") : NULL;
	CHECK(at && sscanf(at, " lat=%lf lon=%lf", &lat, &lon) == 2);
	if (at) {
		geo_to_grid((struct geo_point){ lat, lon }, &easting, &northing);
		/* The record carries 5 decimals (about a metre). */
		CHECK_NEAR(easting, 457457, 1.5);
		CHECK_NEAR(northing, 403280, 1.5);
	}
	capture_done(&c);
}

TEST(real_samples)
{
	const char *utf8 = check_refdata("gias-edubase/edubase_sample_schools-experience.csv");
	const char *latin1 = "gias-edubase/edubase_sample_claim-additional-payments_latin1.csv";
	struct capture c;

	if (!utf8)
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, utf8), STATUS_OK);
	CHECK_STR(c.format, "gias-csv");
	CHECK_INT(c.result.read, 4);
	CHECK_INT(c.result.loaded, 4);
	CHECK_INT(c.result.rejected, 0);
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=school ukprn=10015262 urn=100459 "
				      "name=St Aloysius RC College address=Hornsey Lane, Highgate "
				      "town=London postcode=N6 5LY lat=");
	CHECK_CONTAINS(c.records.buf, "age_low=11 age_high=19 has_sixth_form=1 is_open=1 "
				      "phase=Secondary type_name=Voluntary aided school "
				      "local_authority=Islington website=http://"
				      "www.sta.islington.sch.uk phone=02075617800\n");
	CHECK_CONTAINS(c.records.buf, "phase=All through ");
	CHECK_NOT_CONTAINS(c.records.buf, "Bouette");
	CHECK_NOT_CONTAINS(c.records.buf, "Headteacher");
	capture_done(&c);

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata(latin1)), STATUS_OK);
	CHECK_STR(c.format, "gias-csv");
	CHECK_STR(c.result.encoding, "Windows-1252");
	CHECK_INT(c.result.read, 4);
	CHECK_INT(c.result.loaded, 4);
	CHECK_INT(c.result.rejected, 0);
	CHECK_CONTAINS(c.records.buf, "urn=126416 name=St Thomas \xc3\xa0 Becket Church of "
				      "England Aided Primary School address=High Street, Tilshead "
				      "town=Salisbury postcode=SP3 4RZ lat=");
	CHECK_CONTAINS(c.records.buf, "urn=117137 name=Fleetville Junior School ");
	CHECK_CONTAINS(c.records.buf, "has_sixth_form=0 is_open=0 phase=Primary "
				      "type_name=Community school local_authority=Hertfordshire");
	/* The hand-added last row: unquoted fields, no final newline, a lost leading 0. */
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=school ukprn=10089556 urn=148847 "
				      "name=Oulder Hill Leadership Academy address=Hudsons Walk "
				      "town=Rochdale postcode=OL11 5EF lat=");
	CHECK_CONTAINS(c.records.buf, "is_open=0 phase=Secondary type_name=Academy sponsor led "
				      "local_authority=Rochdale phone=01706645522\n");
	CHECK_NOT_CONTAINS(c.records.buf, "Loukes");
	capture_done(&c);
}

TEST(real_links_file_is_not_gias)
{
	const char *links = check_refdata("gias-edubase/links_edubasealldata20250422.head500.csv");
	struct capture c;

	if (!links)
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	capture_file(&c, links);
	CHECK(!c.format || strcmp(c.format, "gias-csv") != 0);
	CHECK_NOT_CONTAINS(c.why, "Get Information about Schools");
	capture_done(&c);
}

TESTS(good_and_bad_rows, kinds, latin1_crlf, utf8_bom_crlf, latin1_after_the_first_64k, links_file_is_not_gias,
      missing_status_column_is_refused, grid_position_round_trips, real_samples,
      real_links_file_is_not_gias)
