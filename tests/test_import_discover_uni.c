/*
 * test_import_discover_uni.c - the Discover Uni (Unistats) importers:
 * KISCOURSE.csv, INSTITUTION.csv and KISAIM.csv.
 */
#include "harness.h"

TEST(kiscourse_good_rows)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("discover-uni/KISCOURSE.csv")), STATUS_OK);
	CHECK_STR(c.format, "discover-uni-kiscourse-csv");
	CHECK_INT(c.result.read, 6);
	CHECK_INT(c.result.loaded, 4);
	CHECK_INT(c.result.rejected, 2);
	/* Repeated HECOS columns joined; a bachelor's degree (first degree) is level 6. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=he ref=CS-BSC/01 provider_ukprn=10007777 title=Computer "
		       "Science qualification=021 level=6 subject=100366|100367 "
		       "study_mode=full-time duration_value=4 duration_unit=years age_min=18 "
		       "url=https://www.example.ac.uk/computer-science ucas_code=G400 honours=1 "
		       "sandwich=1 year_abroad=2 foundation_year=1\n");
	/* Taught at PUBUKPRN 10008888 for UKPRN 10007777: filed under where it is taught. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=he ref=FDA-EY/02 provider_ukprn=10008888 title=Early Years "
		       "qualification=130 level=5 subject=100457 study_mode=part-time age_min=18 "
		       "url=https://www.example-college.ac.uk/early-years honours=0 sandwich=0 "
		       "year_abroad=0 foundation_year=0\n");
	/* An integrated masters is level 7 although KISLEVEL says first degree. */
	CHECK_CONTAINS(c.records.buf, "ref=MENG-CIV/01 provider_ukprn=10007777 title=Civil "
				      "Engineering qualification=056 level=7 ");
	/* HESA's own number for a joint school; an unsettled aim with KISLEVEL 04: no level. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=he ref=DIP-PA/01 provider_ukprn=99999998 title=Physician "
		       "Associate Studies qualification=194 study_mode=full-time age_min=18 "
		       "honours=0 sandwich=0 year_abroad=0 foundation_year=0\n");
	capture_done(&c);
}

TEST(kiscourse_bad_rows)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("discover-uni/KISCOURSE.csv")), STATUS_OK);
	CHECK_CONTAINS(c.rejections.buf, "6: UKPRN: \"1234\" is not a UKPRN (expected 8 digits, "
					 "like 10001919)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: KISMODE: \"05\" is not one of its codes (expected 01 "
					 "full-time, 02 part-time or 03 both)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: KISAIMCODE: \"21x\" is not a KIS aim code (expected "
					 "3 digits, like 021)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: HECOS: \"C607\" is not a HECOS subject code "
					 "(expected 6 digits, like 100499)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: SANDWICH: \"3\" is not one of its codes (expected 0 "
					 "not available, 1 optional or 2 compulsory)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: TITLE: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "7: KISCOURSEID: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "7: HONOURS: \"yes\" is not one of its codes (expected 1 "
					 "for an honours degree, else 0)\n");
	CHECK_INT(c.rejection_count, 8);
	CHECK_NOT_CONTAINS(c.records.buf, "BAD-1");
	capture_done(&c);
}

TEST(institution_rows)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("discover-uni/INSTITUTION.csv")), STATUS_OK);
	CHECK_STR(c.format, "discover-uni-institution-csv");
	CHECK_INT(c.result.read, 7);
	CHECK_INT(c.result.loaded, 5);
	CHECK_INT(c.result.rejected, 2);
	/* Keyed by PUBUKPRN; postcode normalised; the town skips the county; https added. */
	CHECK_CONTAINS(c.records.buf,
		       "PROVIDER kind=college ukprn=10008888 name=Riverside College of Doncaster "
		       "address=Waterdale, Doncaster, South Yorkshire, dn1 3ex town=Doncaster "
		       "postcode=DN1 3EX website=https://www.riverside.example.ac.uk "
		       "phone=01302 000001\n");
	/* ", the" moved to the front; no postcode is no rejection. */
	CHECK_CONTAINS(c.records.buf,
		       "PROVIDER kind=university ukprn=10007777 name=The Northern Arts University "
		       "address=Park Lane Campus, Park Lane, Leeds town=Leeds "
		       "website=https://www.nau.example.ac.uk phone=0113 000002\n");
	/* The trading name; a university-level "Royal College of". */
	CHECK_CONTAINS(c.records.buf,
		       "PROVIDER kind=university ukprn=10009999 name=Royal College of Crafts "
		       "address=1 Kensington Gore, London, Greater London, SW7 2EU town=London "
		       "postcode=SW7 2EU website=https://rcc.example.ac.uk phone=020 0000 0003\n");
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=sixth_form ukprn=10006666 name=Doncaster "
				      "Sixth Form College\n");
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=university ukprn=99999998 name=Example "
				      "Joint Medical School address=University Of Example, "
				      "Heslington, York, YO10 5DD town=York postcode=YO10 5DD ");
	CHECK_CONTAINS(c.rejections.buf, "7: UKPRN: \"ABC\" is not a UKPRN (expected 8 digits, "
					 "like 10001919)\n");
	CHECK_CONTAINS(c.rejections.buf, "7: LEGAL_NAME: is empty, but every row needs it\n");
	CHECK_CONTAINS(c.rejections.buf, "8: PUBUKPRN: \"1000005\" is not a UKPRN (expected 8 "
					 "digits, like 10001919)\n");
	CHECK_INT(c.rejection_count, 3);
	capture_done(&c);
}

TEST(kisaim_rows)
{
	struct capture c;

	capture_init(&c);
	CHECK_INT(capture_file(&c, check_fixture("discover-uni/KISAIM.csv")), STATUS_OK);
	CHECK_STR(c.format, "discover-uni-kisaim-csv");
	CHECK_INT(c.result.read, 5);
	CHECK_INT(c.result.loaded, 3);
	CHECK_INT(c.result.rejected, 2);
	CHECK_CONTAINS(c.records.buf, "CODE list=kisaim code=021 name=BSc\n"
				      "CODE list=kisaim code=130 name=FdA\n"
				      "CODE list=kisaim code=136 name=MB,BChir\n");
	CHECK_CONTAINS(c.rejections.buf, "5: KISAIMCODE: \"21\" is not a KIS aim code (expected "
					 "3 digits, like 021)\n");
	CHECK_CONTAINS(c.rejections.buf, "6: KISAIMLABEL: is empty, but every row needs it\n");
	capture_done(&c);
}

/*
 * The other files of the download share columns with ours but are not
 * ours, and not near misses either: sharing the course key is not enough.
 */
TEST(other_discover_uni_files_are_not_taken)
{
	static const char *const files[] = {
		"discover-uni/TEFOutcome.csv",
	};
	size_t i;

	if (!check_refdata(files[0]))
		SKIP("../shared/refdata is not here");
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct capture c;

		capture_init(&c);
		CHECK_INT(capture_file(&c, check_refdata(files[i])), STATUS_FORMAT);
		CHECK(c.format == NULL);
		CHECK(!c.near);
		CHECK_NOT_CONTAINS(c.why, "Discover Uni");
		capture_done(&c);
	}
}

/* The real outcome files of the 2025/26 download: every row read, the figures kept. */
TEST(real_outcome_files)
{
	struct capture c;

	if (!check_refdata("discover-uni/GOSALARY.head200.csv"))
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("discover-uni/GOSALARY.head200.csv")), STATUS_OK);
	CHECK_STR(c.format, "discover-uni-gosalary-csv");
	CHECK_INT(c.result.read, 200);
	CHECK_INT(c.result.rejected, 0);
	/* Rows without figures (unavailable) are skipped, not loaded. */
	CHECK_INT(c.result.loaded + c.result.skipped, 200);
	CHECK(c.result.loaded > 100);
	CHECK_CONTAINS(c.records.buf, " measure=salary_15m_med value=");
	capture_done(&c);
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("discover-uni/TARIFF.head200.csv")), STATUS_OK);
	CHECK_STR(c.format, "discover-uni-tariff-csv");
	CHECK_INT(c.result.rejected, 0);
	CHECK_CONTAINS(c.records.buf, " measure=tariff_112 value=");
	capture_done(&c);
	/* UCASCOURSEID.csv names each course's location too. */
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("discover-uni/UCASCOURSEID.head200.csv")), STATUS_OK);
	CHECK_STR(c.format, "discover-uni-courselocation-csv");
	CHECK_INT(c.result.loaded, 200);
	CHECK_CONTAINS(c.records.buf, "HE_COURSE_LOCATION pubukprn=10000055 ukprn=10004930 "
				      "course_ref=FDA-BMP/01 locid=AW\n");
	capture_done(&c);
}

TEST(real_kiscourse_excerpt)
{
	struct capture c;

	if (!check_refdata("discover-uni/KISCOURSE.excerpt.csv"))
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("discover-uni/KISCOURSE.excerpt.csv")),
		  STATUS_OK);
	CHECK_STR(c.format, "discover-uni-kiscourse-csv");
	CHECK_INT(c.result.read, 6);
	CHECK_INT(c.result.loaded, 6);
	CHECK_INT(c.result.rejected, 0);
	/* A foundation degree taught at Abingdon and Witney College for Oxford Brookes. */
	CHECK_CONTAINS(c.records.buf,
		       "COURSE kind=he ref=FDA-BMP/01 provider_ukprn=10000055 title=Business and "
		       "Management Practice qualification=130 level=5 study_mode=full-time "
		       "duration_value=2 duration_unit=years age_min=18 "
		       "url=https://www.brookes.ac.uk/courses/undergraduate/"
		       "business-and-management-practice-fda ucas_code=A42-B14 honours=0 "
		       "sandwich=0 year_abroad=0 foundation_year=0\n");
	CHECK_CONTAINS(c.records.buf, "ref=FDA-BMP/02 provider_ukprn=10000055 ");
	CHECK_CONTAINS(c.records.buf, "title=Sport and Exercise Psychology qualification=021 "
				      "level=6 subject=100499 study_mode=full-time ");
	CHECK_CONTAINS(c.records.buf, "ref=K00001/01 provider_ukprn=10000291 title=Law "
				      "qualification=039 level=6 ");
	capture_done(&c);
}

TEST(real_institutions)
{
	struct capture c;

	if (!check_refdata("discover-uni/INSTITUTION.csv"))
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("discover-uni/INSTITUTION.csv")), STATUS_OK);
	CHECK_STR(c.format, "discover-uni-institution-csv");
	/* Every row loads: 13 have no postcode (12 no address at all), 4 use HESA numbers. */
	CHECK_INT(c.result.read, 509);
	CHECK_INT(c.result.loaded, 509);
	CHECK_INT(c.result.rejected, 0);
	CHECK_INT(capture_count(&c, " postcode="), 496);
	CHECK_INT(capture_count(&c, "PROVIDER kind=sixth_form "), 2);
	CHECK_CONTAINS(c.records.buf,
		       "PROVIDER kind=college ukprn=10000055 name=Abingdon and Witney College "
		       "address=Wootton Road, Abingdon, Oxfordshire, OX14 1GG town=Abingdon "
		       "postcode=OX14 1GG website=https://www.abingdon-witney.ac.uk "
		       "phone=01235 555585\n");
	CHECK_CONTAINS(c.records.buf,
		       "PROVIDER kind=university ukprn=10004930 name=Oxford Brookes University "
		       "address=Gipsy Lane, Headington, Oxford, OX3 0BP town=Oxford "
		       "postcode=OX3 0BP ");
	CHECK_CONTAINS(c.records.buf, "PROVIDER kind=university ukprn=99999998 name=Hull York "
				      "Medical School ");
	CHECK_CONTAINS(c.records.buf, "kind=university ukprn=10003645 name=King's College London ");
	/* A tab in the address does not end up in the town. */
	CHECK_CONTAINS(c.records.buf, "name=Brighton and Sussex Medical School address=Bsms "
				      "Teaching Building, University Of Sussex, Falmer\t, "
				      "Brighton, BN1 9PX town=Brighton postcode=BN1 9PX ");
	capture_done(&c);
}

TEST(real_kisaim)
{
	struct capture c;

	if (!check_refdata("discover-uni/KISAIM.csv"))
		SKIP("../shared/refdata is not here");
	capture_init(&c);
	CHECK_INT(capture_file(&c, check_refdata("discover-uni/KISAIM.csv")), STATUS_OK);
	CHECK_STR(c.format, "discover-uni-kisaim-csv");
	CHECK_INT(c.result.read, 199);
	CHECK_INT(c.result.loaded, 199);
	CHECK_INT(c.result.rejected, 0);
	CHECK_CONTAINS(c.records.buf, "CODE list=kisaim code=000 name=BA\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=kisaim code=136 name=MB,BChir\n");
	CHECK_CONTAINS(c.records.buf, "CODE list=kisaim code=199 name=MMathStat\n");
	capture_done(&c);
}

TESTS(kiscourse_good_rows, kiscourse_bad_rows, institution_rows, kisaim_rows,
      other_discover_uni_files_are_not_taken, real_outcome_files, real_kiscourse_excerpt, real_institutions,
      real_kisaim)
