/*
 * test_import_courses.c - further-education courses: Find a course API
 * search results (JSON) and the Course Directory course and venue
 * bulk-upload CSVs.
 */
#include "harness.h"

TEST(fac_search_good_results)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("courses/fac-search.json")), STATUS_OK);
	CHECK_STR(c.format, "fac-search-json");
	CHECK_INT(c.result.read, 8);
	CHECK_INT(c.result.loaded, 4);
	CHECK_INT(c.result.rejected, 4);
	CHECK_INT(c.record_count, 6);
	/* HTML entities decoded; the postcode taken from the end of the address. */
	CHECK_CONTAINS(c.records.buf,
		       "VENUE provider_ukprn=10012345 provider_name=St Mary's College "
		       "name=Town Campus & University Centre address=The Hub, Chappell Drive, "
		       "Doncaster, South Yorkshire, DN1 2RF town=Doncaster postcode=DN1 2RF "
		       "lat=53.52280 lon=-1.12850\n");
	/* Enum numbers as strings; the age range read from the description. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=fe ref=a1b2c3d4-2222-4e5f-8a9b-000000000001 "
		       "provider_ukprn=10012345 provider_name=St Mary's College "
		       "venue_name=Town Campus & University Centre title=Computing & IT "
		       "qualification=Pearson BTEC Level 3 National Extended Diploma in Computing "
		       "learn_aim_ref=60302089 level=3 subject=Digital start_date=2026-09-07 "
		       "study_mode=full-time attendance=daytime delivery_mode=classroom "
		       "cost_pence=0 cost_text=Free if you are under 19 duration_value=2 "
		       "duration_unit=years age_min=16 age_max=18 description=Build apps & games "
		       "\xe2\x80\x93 for students aged 16-18. lat=53.52280 lon=-1.12850\n");
	/* A T Level: no course run, enum names, title from the qualification. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=tlevel ref=9e8f7a6b-4444-4c3d-9e8f-000000000002 "
		       "provider_ukprn=10012345 provider_name=St Mary's College "
		       "venue_name=Town Campus & University Centre title=T Level in Digital "
		       "Production, Design and Development qualification=T Level in Digital "
		       "Production, Design and Development level=3 start_date=2026-09-01 "
		       "study_mode=full-time attendance=daytime delivery_mode=classroom "
		       "duration_value=2 duration_unit=years lat=53.53010 lon=-1.14020\n");
	/* Online, flexible start, no venue; "adults (19+)" in the title. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=fe ref=a1b2c3d4-2222-4e5f-8a9b-000000000003 "
		       "provider_ukprn=10023456 provider_name=Learn Online Ltd "
		       "title=Bookkeeping for adults (19+) qualification=Certificate in "
		       "Bookkeeping learn_aim_ref=6012345X level=2 subject=Business and "
		       "Administration flexible_start=1 delivery_mode=online cost_pence=9500 "
		       "cost_text=Payment plans available duration_value=10 duration_unit=weeks "
		       "age_min=19 description=Keep the books for a small business.\n");
	/* courseId when there is no run; entry level is 0; blended (4); block release. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=fe ref=0b6a8f3e-1111-4c1d-9a55-000000000004 "
		       "provider_ukprn=10034567 provider_name=Builders Training Ltd "
		       "title=Construction skills for 16 to 18 year olds qualification=Entry Level "
		       "Certificate in Construction Skills learn_aim_ref=60012345 level=0 "
		       "start_date=2026-10-05 study_mode=part-time attendance=day-or-block-release "
		       "delivery_mode=blended cost_pence=120000 duration_value=6 "
		       "duration_unit=months age_min=16 age_max=18 lat=53.51000 lon=-1.12000\n");
	CHECK_INT(capture_count(&c, "VENUE "), 2);
	CHECK_NOT_CONTAINS(c.records.buf, "&amp;");
	capture_done(&c);
}

TEST(fac_search_bad_results)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("courses/fac-search.json")), STATUS_OK);
	CHECK_CONTAINS(c.rejections.buf, "116: $.results[4]: ukprn: \"999\" is not a UKPRN "
					 "(expected something like 10001919)\n");
	CHECK_CONTAINS(c.rejections.buf, "116: $.results[4]: learnAimRef: \"ABC\" is not a "
					 "learning aim reference (expected something like "
					 "60302089)\n");
	CHECK_CONTAINS(c.rejections.buf, "116: $.results[4]: qualificationLevel: \"9\" is not a "
					 "qualification level (expected something like 3)\n");
	CHECK_CONTAINS(c.rejections.buf, "124: $.results[5]: startDate: \"2026-02-30\" is not a "
					 "real date\n");
	CHECK_CONTAINS(c.rejections.buf, "124: $.results[5]: venueStudyMode: \"Sometimes\" is "
					 "not a study mode (expected FullTime, PartTime or "
					 "Flexible)\n");
	CHECK_CONTAINS(c.rejections.buf, "124: $.results[5]: cost: \"lots\" is not an amount of "
					 "money (expected something like \xc2\xa3"
					 "1,234.50)\n");
	CHECK_CONTAINS(c.rejections.buf, "124: $.results[5]: durationUnit: \"Fortnights\" is not "
					 "a unit of time (expected Days, Weeks, Months, Years or "
					 "Hours)\n");
	CHECK_CONTAINS(c.rejections.buf, "135: $.results[6]: courseName: is empty, and so is "
					 "qualificationCourseTitle: a course needs a title\n");
	CHECK_CONTAINS(c.rejections.buf, "135: $.results[6]: venueLocation.latitude: 0 is out of "
					 "range (expected 49 to 61)\n");
	CHECK_CONTAINS(c.rejections.buf, "144: $.results[7]: courseRunId: is empty, but every "
					 "row needs it\n");
	CHECK_INT(c.rejection_count, 10);
	/* Nothing from a rejected result, not even its venue. */
	CHECK_NOT_CONTAINS(c.records.buf, "Bad Numbers");
	CHECK_NOT_CONTAINS(c.records.buf, "Nowhere");
	CHECK_NOT_CONTAINS(c.records.buf, "Welding");
	capture_done(&c);
}

TEST(fac_search_is_not_a_vacancy_list)
{
	static const char vacancies[] =
		"{\"vacancies\": [{\"title\": \"Apprentice chef\", \"ukprn\": \"10012345\", "
		"\"providerName\": \"St Mary's College\", \"vacancyReference\": \"1000012345\"}], "
		"\"total\": 1}";
	static const char search[] =
		"{\"results\": [{\"ukprn\": 10012345, \"providerName\": \"A College\", "
		"\"courseId\": \"c1\", \"courseName\": \"Art\"}], \"total\": 1}";
	struct capture c;

	capture_init(&c);
	capture_text(&c, "vacancies.json", vacancies);
	CHECK(c.format == NULL || strcmp(c.format, "fac-search-json") != 0);
	capture_done(&c);
	/* A number where a string was expected still reads. */
	capture_init(&c);
	CHECK_INT(capture_text(&c, "search.json", search), STATUS_OK);
	CHECK_STR(c.format, "fac-search-json");
	CHECK_CONTAINS(c.records.buf, "COURSE kind=fe ref=c1 provider_ukprn=10012345 "
				      "provider_name=A College title=Art\n");
	capture_done(&c);
}

TEST(course_directory_good_rows)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("courses/10012345/courses.csv")), STATUS_OK);
	CHECK_STR(c.format, "course-directory-csv");
	CHECK_INT(c.result.read, 5);
	CHECK_INT(c.result.loaded, 3);
	CHECK_INT(c.result.rejected, 2);
	/* The provider from the folder name; the age range from WHO_THIS_COURSE_IS_FOR. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=fe ref=COMP-L3-2026 provider_ukprn=10012345 venue_ref=MAIN "
		       "venue_name=Main Campus title=Level 3 Computing learn_aim_ref=60302089 "
		       "start_date=2026-09-07 study_mode=full-time attendance=daytime "
		       "delivery_mode=classroom cost_pence=0 cost_text=Free to 16 to 18 year olds "
		       "duration_value=2 duration_unit=years age_min=16 age_max=18 "
		       "description=Programming, networks and cyber security.~~Practical "
		       "workshops and projects. entry_requirements=4 GCSEs at grade 4 or above, "
		       "including maths who_for=Young people aged 16 to 18 who enjoy computers "
		       "where_next=University or a digital apprenticeship "
		       "url=https://www.example.ac.uk/computing\n");
	/* "T Level" in the name; lower-case values; "Day/block release". */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=tlevel ref=TL-HEALTH provider_ukprn=10012345 venue_ref=MAIN "
		       "title=T Level in Health start_date=2026-09-01 study_mode=full-time "
		       "attendance=day-or-block-release delivery_mode=classroom duration_value=2 "
		       "duration_unit=years description=Care, health and science. "
		       "entry_requirements=5 GCSEs who_for=School leavers where_next=Nursing "
		       "degree or an apprenticeship\n");
	/* Non-LARS, online, flexible start, a quoted line break, 19+ in the name. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=fe ref=XL-ONLINE provider_ukprn=10012345 title=Excel for "
		       "adults 19+ flexible_start=1 delivery_mode=online cost_pence=15000 "
		       "cost_text=Includes the exam fee duration_value=6 duration_unit=weeks "
		       "age_min=19 description=Formulas,~formatting and charts.~~Online, at your "
		       "own pace. who_for=Anyone who uses spreadsheets at work "
		       "where_next=Advanced Excel\n");
	capture_done(&c);
}

TEST(course_directory_bad_rows)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("courses/10012345/courses.csv")), STATUS_OK);
	CHECK_CONTAINS(c.rejections.buf, "6: LARS_QAN: \"12345\" is not a learning aim reference "
					 "(expected something like 60302089)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: DELIVERY_MODE: \"by post\" is not a delivery mode "
					 "(expected classroom based, online or work based)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: START_DATE: \"31/02/2026\" is not a real date\n");
	CHECK_CONTAINS(c.rejections.buf, "6: COST: \"free\" is not an amount of money (expected "
					 "something like \xc2\xa3"
					 "1,234.50)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: COURSE_NAME: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "7: FLEXIBLE_START_DATE: \"maybe\" is not yes or no "
					 "(expected Y or N)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: DURATION: \"two\" is not a whole number (expected "
					 "something like 24)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: DURATION_UNIT: \"fortnights\" is not a unit of time "
					 "(expected hours, days, weeks, months or years)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: STUDY_MODE: \"sometimes\" is not a study mode "
					 "(expected full time, part time or flexible)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: ATTENDANCE_PATTERN: \"lunchtime\" is not an "
					 "attendance pattern (expected daytime, evening, weekend "
					 "or day/block release)\n");
	CHECK_INT(c.rejection_count, 10);
	CHECK_NOT_CONTAINS(c.records.buf, "PLAST-1");
	CHECK_NOT_CONTAINS(c.records.buf, "NO-NAME");
	capture_done(&c);
}

TEST(course_directory_without_ukprn_is_refused)
{
	static const char text[] =
		"LARS_QAN,WHO_THIS_COURSE_IS_FOR,COURSE_NAME,YOUR_REFERENCE,DELIVERY_MODE,"
		"START_DATE,STUDY_MODE,ATTENDANCE_PATTERN\n"
		"60302089,Adults,Art,ART-1,Online,01/09/2026,,\n";
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("courses/courses-without-provider.csv")),
		  STATUS_FORMAT);
	CHECK_STR(c.format, "course-directory-csv");
	CHECK_STR(c.result.message, "cannot tell which provider this course file is for: put "
				    "the provider's 8-digit UKPRN in its file or folder name");
	CHECK_INT(c.record_count, 0);
	capture_done(&c);
	/* Digits that are not a UKPRN do not count: 9 digits, or not starting with 1. */
	capture_init(&c);
	CHECK_INT(capture_text(&c, "uploads/100123456/2026-09-01-courses.csv", text),
		  STATUS_FORMAT);
	CHECK_CONTAINS(c.result.message, "cannot tell which provider");
	capture_done(&c);
	capture_init(&c);
	CHECK_INT(capture_text(&c, "20260901/courses.csv", text), STATUS_FORMAT);
	capture_done(&c);
	/* A UKPRN higher up the path than the file's own folder is not taken. */
	capture_init(&c);
	CHECK_INT(capture_text(&c, "10012345/uploads/courses.csv", text), STATUS_FORMAT);
	capture_done(&c);
	/* The file name names the provider. */
	capture_init(&c);
	CHECK_INT(capture_text(&c, "uploads/10023456-courses.csv", text), STATUS_OK);
	CHECK_CONTAINS(c.records.buf, "COURSE kind=fe ref=ART-1 provider_ukprn=10023456 ");
	capture_done(&c);
}

TEST(course_directory_venues)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("courses/10012345/venues.csv")), STATUS_OK);
	CHECK_STR(c.format, "course-directory-venues-csv");
	CHECK_INT(c.result.read, 4);
	CHECK_INT(c.result.loaded, 2);
	CHECK_INT(c.result.rejected, 2);
	CHECK_CONTAINS(c.records.buf,
		       "VENUE provider_ukprn=10012345 ref=MAIN name=Main Campus address=The Hub, "
		       "Chappell Drive, Doncaster, South Yorkshire, DN1 2RF town=Doncaster "
		       "postcode=DN1 2RF phone=01302 553553 "
		       "website=https://www.example.ac.uk/main\n");
	CHECK_CONTAINS(c.records.buf,
		       "VENUE provider_ukprn=10012345 ref=NORTH name=North Site address=12 Station "
		       "Road, Bentley, DN5 0AA town=Bentley postcode=DN5 0AA "
		       "website=https://www.example.ac.uk/north\n");
	CHECK_CONTAINS(c.rejections.buf, "4: POSTCODE: \"DN3 3A\" is not a UK postcode (expected "
					 "something like DN1 3BU)\n");
	CHECK_CONTAINS(c.rejections.buf, "5: VENUE_NAME: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "5: TOWN_OR_CITY: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "5: POSTCODE: is empty, but the store places venues by "
					 "their postcode\n");
	CHECK_INT(c.rejection_count, 4);
	/* EMAIL may be a person's: never read. No coordinates: placed by postcode. */
	CHECK_NOT_CONTAINS(c.records.buf, "@");
	CHECK_NOT_CONTAINS(c.records.buf, "lat=");
	capture_done(&c);
}

TEST(course_directory_venues_without_ukprn_is_refused)
{
	static const char text[] =
		"YOUR_VENUE_REFERENCE,VENUE_NAME,ADDRESS_LINE_1,ADDRESS_LINE_2,TOWN_OR_CITY,"
		"COUNTY,POSTCODE,EMAIL,PHONE,WEBSITE\n"
		"MAIN,Main Campus,The Hub,,Doncaster,,DN1 2RF,,,\n";
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_text(&c, "venues/venues.csv", text), STATUS_FORMAT);
	CHECK_STR(c.format, "course-directory-venues-csv");
	CHECK_STR(c.result.message, "cannot tell which provider this venue file is for: put "
				    "the provider's 8-digit UKPRN in its file or folder name");
	capture_done(&c);
	capture_init(&c);
	CHECK_INT(capture_text(&c, "10023456-venues.csv", text), STATUS_OK);
	CHECK_CONTAINS(c.records.buf, "VENUE provider_ukprn=10023456 ref=MAIN name=Main Campus "
				      "address=The Hub, Doncaster, DN1 2RF town=Doncaster "
				      "postcode=DN1 2RF\n");
	capture_done(&c);
}

TESTS(fac_search_good_results, fac_search_bad_results, fac_search_is_not_a_vacancy_list,
      course_directory_good_rows, course_directory_bad_rows,
      course_directory_without_ukprn_is_refused, course_directory_venues,
      course_directory_venues_without_ukprn_is_refused)
