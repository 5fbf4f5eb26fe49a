/* test_import_vacancies.c - the Find an apprenticeship vacancies (API v2 JSON) importer. */
#include "harness.h"

static void check_good_rows(const struct capture *c)
{
	/* Without details: one address, the town its last line, the postcode normalised. */
	CHECK_CONTAINS(c->records.buf,
		       "VACANCY reference=VAC1000012345 title=Software developer apprentice "
		       "description=Join our web team and learn to build and test software. "
		       "employer=Example Software Ltd employer_website=https://example.org "
		       "lars_code=2 course_title=Software developer level=4 route=Digital "
		       "address=Unit 4, Example Business Park, Doncaster town=Doncaster "
		       "postcode=DN1 3BU lat=53.52299 lon=-1.13321 wage_type=Custom "
		       "wage_pence=1800000 wage_unit=annually wage_text=Reviewed after 12 months "
		       "hours_per_week=37.5 working_week=Monday to Friday, 9am to 5pm "
		       "duration_text=24 months positions=2 posted_date=2026-09-01 "
		       "start_date=2026-11-16 closing_date=2026-10-14 provider_name=Example College "
		       "provider_ukprn=10001919 is_national=0 is_disability_confident=1 "
		       "url=https://www.findapprenticeship.service.gov.uk/apprenticeship/"
		       "VAC1000012345\n");
	/* With details: addresses[0], level from the course title, lists joined. */
	CHECK_CONTAINS(c->records.buf,
		       "VACANCY reference=VAC1000012346 title=Commis chef "
		       "description=Work in a busy hotel kitchen. employer=Example Hotels "
		       "lars_code=115 course_title=Chef, commis level=2 "
		       "route=Catering and hospitality "
		       "address=The Example Hotel, High Street, Thorne town=Thorne "
		       "postcode=DN8 5AA lat=53.61100 lon=-0.96000 "
		       "wage_type=ApprenticeshipMinimum wage_low_pence=25000 wage_high_pence=30050 "
		       "wage_unit=weekly hours_per_week=30 positions=1 posted_date=2026-09-02 "
		       "start_date=2026-10-20 closing_date=2026-10-01 provider_name=Example Training "
		       "is_national=0 is_disability_confident=0 "
		       "training=One day a week at college. ");
	CHECK_CONTAINS(c->records.buf,
		       " qualifications=GCSE English grade 4 (Essential)|GCSE Maths grade 4 (Desired) "
		       "things_to_consider=Early starts and weekend shifts. "
		       "url=https://www.findapprenticeship.service.gov.uk/apprenticeship/"
		       "VAC1000012346\n");
	/* National: no address, place from location{}, level from the band. */
	CHECK_CONTAINS(c->records.buf,
		       "VACANCY reference=VAC1000012347 title=Data analyst degree apprentice "
		       "description=Work anywhere in England. employer=Example National Bank "
		       "lars_code=337 course_title=Data scientist (integrated degree) level=6 "
		       "lat=51.50720 lon=-0.12760 wage_type=CompetitiveSalary wage_unit=unspecified "
		       "posted_date=2026-09-03 start_date=2027-09-06 closing_date=2026-12-01 "
		       "is_national=1");
	/* The employer's contact is never read. */
	CHECK_NOT_CONTAINS(c->records.buf, "Placeholder");
	CHECK_NOT_CONTAINS(c->records.buf, "@");
	CHECK_NOT_CONTAINS(c->records.buf, "01302");
}

static void check_bad_rows(const struct capture *c)
{
	const char *r = c->rejections.buf;

	CHECK_CONTAINS(r, "69: $.vacancies[3]: closingDate: the vacancy closes on 2026-09-01, "
			  "before it was posted on 2026-09-10\n");
	CHECK_CONTAINS(r, "75: $.vacancies[4]: startDate: \"next September\" is not a date");
	CHECK_CONTAINS(r, "75: $.vacancies[4]: wage.wageAmount: \"lots\" is not an amount of "
			  "money in pounds (expected something like 18000.00)\n");
	CHECK_CONTAINS(r, "75: $.vacancies[4]: wage.wageUnit: \"Fortnightly\" is not a wage unit "
			  "(expected Weekly, Monthly, Annually or Unspecified)\n");
	CHECK_CONTAINS(r, "75: $.vacancies[4]: address.postcode: \"XX1\" is not a UK postcode "
			  "(expected something like DN1 3BU)\n");
	CHECK_CONTAINS(r, "75: $.vacancies[4]: address.latitude: 40.40000, -3.70000 is not in the "
			  "UK (expected a latitude of 49 to 61 and a longitude of -9 to 2)\n");
	CHECK_CONTAINS(r, "75: $.vacancies[4]: ukprn: \"123\" is not a UKPRN (expected something "
			  "like 10001919)\n");
	CHECK_CONTAINS(r, "83: $.vacancies[5]: vacancyReference: is empty, but every vacancy has "
			  "a reference\n");
	CHECK_CONTAINS(r, "83: $.vacancies[5]: title: is empty, but every row needs it\n");
	CHECK_CONTAINS(r, "87: $.vacancies[6]: vacancyReference: \"ABC123\" is not a vacancy "
			  "reference (expected something like VAC1000012345, or C9824-26-0895 for "
			  "NHS Jobs)\n");
	CHECK_CONTAINS(r, "87: $.vacancies[6]: hoursPerWeek: 200 is out of range (expected 0 to "
			  "100)\n");
	CHECK_CONTAINS(r, "87: $.vacancies[6]: numberOfPositions: -1 is out of range (expected 0 "
			  "to 100000)\n");
	CHECK_CONTAINS(r, "87: $.vacancies[6]: isNationalVacancy: \"sometimes\" is not yes or no");
	CHECK_CONTAINS(r, "87: $.vacancies[6]: wage.wageAmountUpperBound: 15000.00 is below the "
			  "lower bound 20000.00\n");
	CHECK_CONTAINS(r, "87: $.vacancies[6]: address.longitude: is missing, but the vacancy "
			  "gives a latitude\n");
	CHECK_CONTAINS(r, "87: $.vacancies[6]: apprenticeshipLevel: \"Expert\" is not an "
			  "apprenticeship level (expected Intermediate, Advanced, Higher or Degree)\n");
	CHECK_INT(c->rejection_count, 16);
}

static void check_vacancies(const char *fixture)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture(fixture)), STATUS_OK);
	CHECK_STR(c.format, "fav-vacancies-json");
	CHECK_STR(c.result.encoding, "UTF-8");
	CHECK_INT(c.result.read, 7);
	CHECK_INT(c.result.loaded, 3);
	CHECK_INT(c.result.rejected, 4);
	CHECK_INT(c.record_count, 3);
	check_good_rows(&c);
	check_bad_rows(&c);
	CHECK_NOT_CONTAINS(c.records.buf, "VAC1000012348");
	CHECK_NOT_CONTAINS(c.records.buf, "VAC1000012349");
	capture_done(&c);
}

TEST(good_and_bad)
{
	check_vacancies("vacancies/vacancies.json");
}

TEST(bom_crlf)
{
	check_vacancies("vacancies/vacancies_bom_crlf.json");
}

TEST(other_json_not_detected)
{
	struct capture c;

	capture_init(&c);
	capture_file(&c, check_fixture("vacancies/not_vacancies.json"));
	CHECK(!c.format || strcmp(c.format, "fav-vacancies-json") != 0);
	capture_done(&c);
	capture_init(&c);
	capture_file(&c, check_fixture("skills-england/standards.json"));
	CHECK_STR(c.format, "skills-england-json");
	capture_done(&c);
}

/* The driver joins arrays of strings (skills[], plain qualifications[]) with '|'. */
TEST(arrays_are_joined)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("vacancies/vacancies.json")), STATUS_OK);
	CHECK_CONTAINS(c.records.buf, "training=One day a week at college. "
				      "skills=Team working|Attention to detail qualifications=");
	CHECK_CONTAINS(c.records.buf, "is_national=1 qualifications=A levels in three subjects\n");
	capture_done(&c);
}

/* Lower-case reference and enums, a band for the level, LARS code 0 is none. */
TEST(one_vacancy)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("vacancies/one_vacancy.json")), STATUS_OK);
	CHECK_STR(c.records.buf, "VACANCY reference=VAC0000000042 title=Plumber level=3 "
				 "wage_unit=monthly\n");
	capture_done(&c);
}

/*
 * One advert with its details (GET /vacancy/{reference}): the vacancy is
 * the document; the same fields, checks and privacy as in a list page.
 */
TEST(single_advert)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("vacancies/vacancy_details.json")), STATUS_OK);
	CHECK_STR(c.format, "fav-vacancy-json");
	CHECK_INT(c.result.read, 1);
	CHECK_INT(c.result.loaded, 1);
	CHECK_STR(c.records.buf,
		  "VACANCY reference=VAC1000012350 "
		  "title=Motor vehicle service and maintenance apprentice "
		  "description=Service cars and learn to find faults. employer=Example Motors Ltd "
		  "lars_code=123 course_title=Motor vehicle service and maintenance technician "
		  "(light vehicle) level=3 route=Transport and logistics "
		  "address=Example Motors, Wheatley Hall Road, Doncaster town=Doncaster "
		  "postcode=DN2 4NB lat=53.53620 lon=-1.10050 wage_type=NationalMinimum "
		  "wage_pence=27050 wage_unit=weekly wage_text=Rises each year of the course "
		  "hours_per_week=37.5 working_week=Monday to Friday, 8am to 4:30pm "
		  "duration_text=3 years positions=2 posted_date=2026-10-05 start_date=2027-01-11 "
		  "closing_date=2026-12-18 provider_name=Example College provider_ukprn=10001919 "
		  "is_national=0 is_disability_confident=1 training=Day release at college. "
		  "skills=Practical skills|Customer care "
		  "qualifications=GCSE Maths grade 4 (Essential) "
		  "things_to_consider=You will need to wear safety boots. "
		  "url=https://www.findapprenticeship.service.gov.uk/apprenticeship/VAC1000012350 "
		  "place0=Doncaster/DN2 4NB(53.5362,-1.1005) place1=Thorne/DN8 5AA\n");
	CHECK_NOT_CONTAINS(c.records.buf, "A Person");
	CHECK_NOT_CONTAINS(c.records.buf, "@");
	CHECK_NOT_CONTAINS(c.records.buf, "01302");
	capture_done(&c);

	/* A bad advert is rejected with where and why; nothing is loaded. */
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("vacancies/vacancy_details_bad.json")), STATUS_OK);
	CHECK_STR(c.format, "fav-vacancy-json");
	CHECK_INT(c.result.loaded, 0);
	CHECK_INT(c.result.rejected, 1);
	CHECK_CONTAINS(c.rejections.buf, "1: $: vacancyReference: \"REF-12\" is not a vacancy "
					 "reference");
	CHECK_CONTAINS(c.rejections.buf, "1: $: closingDate: \"2026-13-40\" is not a date");
	capture_done(&c);

	/* A page of the list is not an advert, nor an advert a page. */
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("vacancies/vacancies.json")), STATUS_OK);
	CHECK_STR(c.format, "fav-vacancies-json");
	capture_done(&c);
}

TESTS(good_and_bad, bom_crlf, arrays_are_joined, other_json_not_detected, one_vacancy,
      single_advert)
