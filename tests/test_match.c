/*
 * test_match.c - the learner filter: eligibility, distances, scores and reasons.
 *
 * A small store is built here through the store's own sink, so every fact
 * the checks rely on is visible below.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "match.h"
#include "mem.h"
#include "pack.h"
#include "store.h"

static struct store *store;

static void put(enum record_kind kind, const void *rec)
{
	struct import_sink sink = store_sink(store);

	CHECK_INT(sink.put(sink.ctx, kind, rec), STATUS_OK);
}

static struct course_rec course(const char *ref, const char *title, double level,
				const char *ssa2, const char *start, double lat, double lon)
{
	struct course_rec c = COURSE_REC_INIT;

	c.kind = "fe";
	c.ref = ref;
	c.provider_ukprn = "10001111";
	c.provider_name = "Doncaster College";
	c.title = title;
	c.level = level;
	c.ssa2 = ssa2;
	c.start_date = start;
	c.lat = lat;
	c.lon = lon;
	return c;
}

static void build(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char path[512], err[256];
	struct postcode_rec pc = { "DN1 3BU", 53.5230, -1.1320, 0 };
	struct postcode_rec pc2 = { "DN4 5HX", 53.5000, -1.1000, 0 };
	struct outcode_rec oc = { "DN2", 53.5300, -1.1000 };
	struct standard_rec st = STANDARD_REC_INIT;
	struct course_rec c;
	struct vacancy_rec v = VACANCY_REC_INIT;
	struct occupation_rec o = OCCUPATION_REC_INIT;
	struct provider_rec p = PROVIDER_REC_INIT;
	struct store_source src = { "fixture", "test", "Test", "Test licence", "Test", 0, NULL };
	struct import_result res;
	static const char *letters[] = { "R", "I", "A", "S", "E", "C" };
	double dev[6] = { 2.0, 6.5, 3.0, 2.0, 3.0, 5.5 }, nurse[6] = { 3.0, 5.0, 2.0, 6.8, 3.0, 3.0 };
	struct crosswalk_rec x1 = { "2134", "15-1252.00" }, x2 = { "2231", "29-1141.00" };
	int i;

	snprintf(path, sizeof(path), "%s/match.db", tmp ? tmp : "/tmp");
	unlink(path);
	CHECK_INT(store_create(path, &store, err, sizeof(err)), STATUS_OK);
	store_begin(store);
	store_source_begin(store, &src);
	put(RECORD_POSTCODE, &pc);
	put(RECORD_POSTCODE, &pc2);
	put(RECORD_OUTCODE, &oc);

	st.reference = "ST0116";
	st.lars_code = 2;
	st.title = "Software developer";
	st.level = 4;
	st.route = "Digital";
	st.status = "approved for delivery";
	put(RECORD_STANDARD, &st);
	st.reference = "ST0505";
	st.lars_code = 3;
	st.title = "IT solutions technician";
	st.level = 3;
	put(RECORD_STANDARD, &st);
	st.reference = "ST0999";
	st.lars_code = 9;
	st.title = "Quantum widget wrangler";
	st.status = "in development";
	put(RECORD_STANDARD, &st);
	st.reference = "ST0228";
	st.lars_code = 115;
	st.title = "Commis chef";
	st.level = 2;
	st.route = "Catering and hospitality";
	st.status = "approved for delivery";
	put(RECORD_STANDARD, &st);

	/* A digital course 1 mile away for 16-18s; an adults-only one; one 30 miles off. */
	c = course("C1", "Computing T Level", 3, "6.1", "2027-09-06", 53.5300, -1.1200);
	c.kind = "tlevel";
	c.age_min = 16;
	c.age_max = 18;
	put(RECORD_COURSE, &c);
	c = course("C2", "Access to HE: Computing", 3, "6.1", "2027-09-06", 53.5300, -1.1200);
	c.age_min = 19;
	put(RECORD_COURSE, &c);
	c = course("C3", "Computing BTEC in York", 3, "6.1", "2027-09-06", 53.9600, -1.0800);
	put(RECORD_COURSE, &c);
	c = course("C4", "Professional cookery", 2, "7.4", NULL, 53.5300, -1.1200);
	c.flexible_start = 1;
	put(RECORD_COURSE, &c);
	/* The sixth form's own course: it is in an interest area through its courses. */
	c = course("C5", "A level Computer Science", 3, "6.1", "2027-09-06", 53.5200, -1.1400);
	c.provider_ukprn = NULL;
	c.provider_name = "Hall Cross Academy";
	put(RECORD_COURSE, &c);
	c = course("U1", "Computer Science", 6, NULL, "2027-09-20", 53.5250, -1.1100);
	c.kind = "he";
	c.provider_name = "University Centre Doncaster";
	c.provider_ukprn = "10007157";
	c.age_min = 18;
	put(RECORD_COURSE, &c);
	/* Farther off, but named for the programmer's work: first in its links. */
	c = course("U2", "Software Engineering", 6, NULL, "2027-09-20", 53.6100, -1.1300);
	c.kind = "he";
	c.provider_name = "University Centre Doncaster";
	c.provider_ukprn = "10007157";
	c.age_min = 18;
	put(RECORD_COURSE, &c);

	v.reference = "VAC1";
	v.title = "Apprentice software developer";
	v.employer = "Acme Ltd";
	v.lars_code = 2;
	v.level = 4;
	v.lat = 53.52;
	v.lon = -1.13;
	v.town = "Doncaster";
	v.start_date = "2027-09-01";
	v.closing_date = "2027-01-31";
	v.wage_pence = 1500000;
	v.wage_unit = "annually";
	put(RECORD_VACANCY, &v);
	v.reference = "VAC2";
	v.title = "IT support apprentice";
	v.lars_code = 3;
	v.level = 3;
	v.start_date = "2027-03-01";
	v.closing_date = "2027-01-10";
	put(RECORD_VACANCY, &v);
	v.reference = "VAC3";
	v.title = "Closed digital apprenticeship";
	v.start_date = "2027-09-01";
	v.closing_date = "2026-11-01";
	put(RECORD_VACANCY, &v);

	o.soc = "2134";
	o.title = "Programmers and software development professionals";
	o.job_titles = "Software developer|Programmer";
	put(RECORD_OCCUPATION, &o);
	o.soc = "2231";
	o.title = "Nurses";
	o.job_titles = "Nurse|Staff nurse";
	put(RECORD_OCCUPATION, &o);
	put(RECORD_CROSSWALK, &x1);
	put(RECORD_CROSSWALK, &x2);
	for (i = 0; i < 6; i++) {
		struct onet_interest_rec a = { "15-1252.00", "OI", letters[i], dev[i] };
		struct onet_interest_rec b = { "29-1141.00", "OI", letters[i], nurse[i] };

		put(RECORD_ONET_INTEREST, &a);
		put(RECORD_ONET_INTEREST, &b);
	}

	p.kind = "school";
	p.urn = "106789";
	p.name = "Hall Cross Academy";
	p.has_sixth_form = 1;
	p.age_low = 11;
	p.age_high = 18;
	p.lat = 53.5150;
	p.lon = -1.1250;
	p.town = "Doncaster";
	put(RECORD_PROVIDER, &p);
	memset(&res, 0, sizeof(res));
	res.encoding = "UTF-8";
	store_source_end(store, &res);
	CHECK_INT(store_finalize(store, 1), STATUS_OK);
	CHECK_INT(store_commit(store), STATUS_OK);
}

static void profile(struct match_profile *p, int year)
{
	match_profile_init(p);
	p->school_year = year;
	p->today = (struct civil_date){ 2026, 11, 30 };
	strcpy(p->place, "DN1 3BU");
	p->place_is_full = 1;
	p->limit = 0;
}

static void want_interest(struct match_profile *p, const char *slug)
{
	long long id;

	CHECK_INT(match_find_interest(store, slug, &id), STATUS_OK);
	p->interests[p->interest_count++] = id;
}

static const struct match_result *find(const struct match_list *l, const char *title)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		if (strcmp(l->results[i].title, title) == 0)
			return &l->results[i];
	return NULL;
}

/* All reasons of a result, joined with " / ". */
static const char *reasons(const struct match_result *r)
{
	static char buf[2048];
	int i;

	buf[0] = '\0';
	for (i = 0; r && i < r->reason_count; i++) {
		if (i)
			strncat(buf, " / ", sizeof(buf) - strlen(buf) - 1);
		strncat(buf, r->reasons[i], sizeof(buf) - strlen(buf) - 1);
	}
	return buf;
}

TEST(year_11_digital_near_doncaster)
{
	struct match_profile p;
	struct match_list l;
	const struct match_result *r;
	char err[256];

	build();
	profile(&p, 11);
	want_interest(&p, "digital");
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);

	r = find(&l, "Computing T Level");
	CHECK(r != NULL);
	if (r) {
		CHECK_STR(reasons(r), "Computers and digital: subject area 6.1 ICT Practitioners / "
				      "0.7 miles from "
				      "DN1 3BU / Level 3 - the next step after GCSEs / starts 6 Sep "
				      "2027, after you leave Year 11");
		CHECK_INT(r->availability, AVAILABLE_FROM);
		CHECK_STR(r->available_from, "2027-09-06");
		CHECK_NEAR(r->distance, geo_miles((struct geo_point){ 53.5230, -1.1320 },
						  (struct geo_point){ 53.5300, -1.1200 }), 1e-9);
		/* Interest 1, level 1; it starts in 280 days, more than 9 months off: timing 0.7. */
		CHECK_NEAR(r->score, 100 * (0.45 + 0.25 * (1 - r->distance / 10) + 0.15 + 0.105), 0.06);
		CHECK_STR(r->where, "Doncaster College");
	}
	/* The adults-only course is left out, and counted. */
	CHECK(find(&l, "Access to HE: Computing") == NULL);
	CHECK_INT(l.hidden_not_for_age, 1);
	/* Too far, and not an interest. */
	CHECK(find(&l, "Computing BTEC in York") == NULL);
	CHECK(find(&l, "Professional cookery") == NULL);
	CHECK(find(&l, "Commis chef") == NULL);
	/* Standards: from the day they can leave school; not the one still in development. */
	r = find(&l, "IT solutions technician");
	CHECK_CONTAINS(reasons(r), "Computers and digital: the Digital route");
	CHECK_CONTAINS(reasons(r), "from 25 Jun 2027, when you can leave school");
	CHECK(find(&l, "Quantum widget wrangler") == NULL);
	/* Level 4 apprenticeships come at 18. */
	r = find(&l, "Software developer");
	CHECK(r && r->availability == AVAILABLE_AT_18);
	CHECK_CONTAINS(reasons(r), "at 18, after a Level 3 such as A levels or a T Level (from Sep 2029)");
	/*
	 * Vacancies: the closed one never appears; one that starts before they
	 * may leave school is not an option for them: counted for later, never
	 * in the list.
	 */
	CHECK(find(&l, "Closed digital apprenticeship") == NULL);
	CHECK(find(&l, "IT support apprentice") == NULL);
	CHECK(l.for_later >= 1);
	/* University: at 18, the first September after Year 13. */
	r = find(&l, "Computer Science");
	CHECK(r && r->availability == AVAILABLE_AT_18);
	CHECK_STR(r ? r->available_from : "", "2029-09-20");
	CHECK_CONTAINS(reasons(r), "at 18: you could start in Sep 2029");
	/* Careers are for exploring at any age, ranked by interest. */
	r = find(&l, "Programmers and software development professionals");
	CHECK(r && r->availability == AVAILABLE_NOW);
	CHECK(find(&l, "Nurses") == NULL);
	/* The sixth form is shown through its courses. */
	r = find(&l, "Hall Cross Academy");
	CHECK_CONTAINS(reasons(r), "Computers and digital: it has courses in it");
	CHECK_CONTAINS(reasons(r), "for sixth form or college from Sep 2027, after you leave Year 11");
	match_list_done(&l);

	/* --show-all brings the adults-only course back, saying why. */
	p.show_not_for_age = 1;
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	r = find(&l, "Access to HE: Computing");
	CHECK(r && r->availability == AVAILABLE_NOT_FOR_AGE);
	CHECK_CONTAINS(reasons(r), "for adults aged 19 and over");
	CHECK_INT(l.hidden_not_for_age, 0);
	match_list_done(&l);
}

TEST(older_learners)
{
	struct match_profile p;
	struct match_list l;
	const struct match_result *r;
	char err[256];

	profile(&p, 13);
	want_interest(&p, "digital");
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	r = find(&l, "Computer Science");
	CHECK(r && r->availability == AVAILABLE_FROM);
	CHECK_CONTAINS(reasons(r), "starts 20 Sep 2027, after you finish Year 13");
	CHECK_CONTAINS(reasons(r), "Level 6 - degree level");
	r = find(&l, "IT solutions technician");
	CHECK_CONTAINS(reasons(r), "you can start an apprenticeship now");
	match_list_done(&l);

	/* A 19-year-old: adult courses are for them; school sixth forms are not. */
	profile(&p, 0);
	p.age = 19;
	want_interest(&p, "digital");
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	r = find(&l, "Access to HE: Computing");
	CHECK(r && r->availability != AVAILABLE_NOT_FOR_AGE);
	CHECK(find(&l, "Computing T Level") == NULL);
	CHECK(find(&l, "Hall Cross Academy") == NULL);
	CHECK(l.hidden_not_for_age >= 2);
	r = find(&l, "Software developer");
	CHECK_CONTAINS(reasons(r), "you can start an apprenticeship now");
	match_list_done(&l);
}

TEST(places)
{
	struct match_profile p;
	struct match_list l;
	char err[256];

	/* A postcode we do not know, in a district we do: its middle is used, and said. */
	profile(&p, 11);
	strcpy(p.place, "DN2 9ZZ");
	p.kinds = 1u << OPTION_COURSE;
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK(l.place.approximate);
	CHECK_STR(l.place.label, "DN2");
	CHECK_CONTAINS(l.place.note, "DN2 9ZZ is not a postcode we know, so distances are from "
				     "the middle of DN2");
	CHECK(l.count > 0 && strstr(reasons(&l.results[0]), "miles from DN2"));
	match_list_done(&l);

	/* A district with no centroid row: the middle of its postcodes. */
	strcpy(p.place, "DN4");
	p.place_is_full = 0;
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK(l.place.found && l.place.approximate);
	CHECK_CONTAINS(l.place.note, "distances are from the middle of DN4");
	CHECK_NEAR(l.place.point.lat, 53.5, 1e-9);
	match_list_done(&l);

	/* Nowhere we know. */
	strcpy(p.place, "ZZ9");
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_NOT_FOUND);
	CHECK_CONTAINS(err, "ZZ9 is not a postcode or postcode district we know");
	match_list_done(&l);

	/* Anywhere: York's course comes back, furthest last when sorted by distance. */
	strcpy(p.place, "DN1 3BU");
	p.place_is_full = 1;
	p.radius = MATCH_ANYWHERE;
	p.sort = SORT_DISTANCE;
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK(l.count >= 3);
	CHECK_STR(l.count ? l.results[l.count - 1].title : "", "Computing BTEC in York");
	match_list_done(&l);
}

TEST(not_for_me_text_and_quiz)
{
	struct match_profile p;
	struct match_list l;
	const struct match_result *r;
	char err[256];
	size_t before;

	profile(&p, 11);
	want_interest(&p, "digital");
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	before = l.total;
	r = find(&l, "Computing T Level");
	p.excluded[p.excluded_count].kind = r->kind;
	p.excluded[p.excluded_count++].id = r->id;
	match_list_done(&l);
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK_INT(l.total, before - 1);
	CHECK(find(&l, "Computing T Level") == NULL);
	match_list_done(&l);

	/* Free text with word forms and the synonyms pupils use ("cook" finds chefs), and nothing else. */
	profile(&p, 11);
	strcpy(p.text, "cook");
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK_INT(l.total, 2);
	r = find(&l, "Professional cookery");
	CHECK_CONTAINS(reasons(r), "\"cook\" is in its name");
	CHECK_CONTAINS(reasons(r), "you could start any time from Sep 2027, after you leave Year 11");
	r = find(&l, "Commis chef");
	CHECK_CONTAINS(reasons(r), "\"chef\" is in its name");
	match_list_done(&l);

	/* A word in no title is put right from the titles' own words, and said. */
	profile(&p, 11);
	strcpy(p.text, "cokery");
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK(find(&l, "Professional cookery") != NULL);
	CHECK_STR(l.text_note, "\"cokery\" is in no title here: showing \"cookery\"");
	match_list_done(&l);
	strcpy(p.text, "zzzzqqq");
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK_INT(l.total, 0);
	CHECK_STR(l.text_note, "");
	match_list_done(&l);

	/* A quiz result leaning S and I ranks the nurse above the programmer. */
	profile(&p, 9);
	p.kinds = 1u << OPTION_CAREER;
	CHECK_INT(match_parse_riasec("SI", p.riasec, err, sizeof(err)), STATUS_OK);
	p.has_riasec = 1;
	CHECK_INT(match_run(store, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK(l.count >= 1);
	CHECK_STR(l.count ? l.results[0].title : "", "Nurses");
	CHECK_CONTAINS(reasons(&l.results[0]), "suits people who like helping and looking after "
					       "people (S)");
	match_list_done(&l);
}

/* A list as one line per result: everything a screen or report would show. */
static char *signature(const struct match_list *l)
{
	struct strbuf sb;
	size_t i;

	strbuf_init(&sb);
	strbuf_printf(&sb, "total %zu hidden %zu by kind", l->total, l->hidden_not_for_age);
	for (i = 0; i < OPTION_KIND_COUNT; i++)
		strbuf_printf(&sb, " %zu", l->total_by_kind[i]);
	strbuf_putc(&sb, '\n');
	for (i = 0; i < l->count; i++) {
		const struct match_result *r = &l->results[i];

		strbuf_printf(&sb, "%d:%lld %s | %s | %.1f %.3f %.3f %.3f %.3f | %s %s %s %d | %s | %s\n",
			      r->kind, r->id, r->title, r->where, r->score, r->fit.interest,
			      r->fit.distance, r->fit.level, r->fit.timing, r->starts, r->closes,
			      r->available_from, r->availability, r->brief, reasons(r));
	}
	return strbuf_detach(&sb);
}

static char *run_signature(const struct match_profile *p)
{
	struct match_list l;
	char err[256], *sig;

	CHECK_INT(match_run(store, p, &l, err, sizeof(err)), STATUS_OK);
	sig = signature(&l);
	match_list_done(&l);
	return sig;
}

/* Profiles that between them reach every kind, every sort and every part of the score. */
static void varied_profile(struct match_profile *p, int n)
{
	char why[128];

	profile(p, 7 + n % 7);
	if (n % 7 == 6) {
		p->school_year = 0;
		p->age = 16 + n % 4;
	}
	p->sort = (enum match_sort)(n % 4);
	p->radius = n % 3 == 0 ? MATCH_ANYWHERE : n % 3 == 1 ? 10 : 40;
	if (n % 2)
		want_interest(p, "digital");
	if (n % 5 == 1) {
		CHECK_INT(match_parse_riasec("SIC", p->riasec, why, sizeof(why)), STATUS_OK);
		p->has_riasec = 1;
	}
	if (n % 4 == 3)
		strcpy(p->text, "comp");
	p->show_not_for_age = n % 3 == 2;
}

TEST(option_index)
{
	const struct pack *pk;
	struct pack *worked, *back;
	struct match_profile p;
	char *bytes, *before[12], err[256];
	size_t len, cut;
	int n, k;

	/* Worked out in memory (the fixture store has no saved index), then saved and read back. */
	for (n = 0; n < 12; n++) {
		varied_profile(&p, n);
		before[n] = run_signature(&p);
	}
	CHECK_INT(pack_get(store, &pk), STATUS_OK);
	CHECK_INT(pk->loaded, 0);
	store_begin(store);
	CHECK_INT(pack_save(store), STATUS_OK);
	CHECK_INT(store_commit(store), STATUS_OK);
	store_set_cache(store, NULL, NULL);
	CHECK_INT(pack_get(store, &pk), STATUS_OK);
	CHECK_INT(pk->loaded, 1);
	for (n = 0; n < 12; n++) {
		char *after;

		varied_profile(&p, n);
		after = run_signature(&p);
		CHECK_STR(after, before[n]);
		free(after);
	}

	/* The bytes: a round trip gives the same index; any cut or damage is caught, not read past. */
	CHECK_INT(pack_work_out(store, &worked), STATUS_OK);
	CHECK_INT(pack_encode(worked, &bytes, &len), STATUS_OK);
	CHECK_INT(pack_decode(bytes, len, &back, err, sizeof(err)), STATUS_OK);
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		CHECK_INT(back->kinds[k].count, worked->kinds[k].count);
		for (size_t i = 0; i < back->kinds[k].count && i < worked->kinds[k].count; i++) {
			const struct pack_entry *a = &worked->kinds[k].entries[i];
			const struct pack_entry *b = &back->kinds[k].entries[i];

			CHECK_INT(b->id, a->id);
			CHECK_INT(b->when, a->when);
			CHECK_INT(b->fit[0] == a->fit[0] && b->fit[1] == a->fit[1], 1);
			CHECK_INT(b->strong, a->strong);
			CHECK_STR(pack_title(back, b), pack_title(worked, a));
		}
	}
	CHECK_INT(back->when_count, worked->when_count);
	pack_free(back);
	for (cut = 0; cut < len; cut += cut < 200 ? 1 : 97) {
		CHECK_INT(pack_decode(bytes, cut, &back, err, sizeof(err)), STATUS_CORRUPT);
		if (cut == 20)
			CHECK_CONTAINS(err, "the option index is damaged");
	}
	for (cut = 0; cut < len; cut += 7) {
		char *copy = xmalloc(len);

		memcpy(copy, bytes, len);
		copy[cut] ^= (char)0xa5;
		if (pack_decode(copy, len, &back, err, sizeof(err)) == STATUS_OK)
			pack_free(back);
		free(copy);
	}

	/* A damaged index in the store is worked out again, with the same results. */
	bytes[len / 2] ^= 0x7f;
	bytes[len - 2] ^= 0x7f;
	store_begin(store);
	CHECK_INT(store_pack_put(store, bytes, len - 1), STATUS_OK);
	CHECK_INT(store_commit(store), STATUS_OK);
	store_set_cache(store, NULL, NULL);
	CHECK_INT(pack_get(store, &pk), STATUS_OK);
	CHECK_INT(pk->loaded, 0);
	for (n = 0; n < 12; n++) {
		char *after;

		varied_profile(&p, n);
		after = run_signature(&p);
		CHECK_STR(after, before[n]);
		free(after);
		free(before[n]);
	}
	free(bytes);
	pack_free(worked);
}

/* The file's bytes, or NULL when there is none; *len its size. */
static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *b;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	b = xmalloc((size_t)n + 1);
	*len = fread(b, 1, (size_t)n, f);
	fclose(f);
	return b;
}

static void spit(const char *path, const char *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");

	CHECK(f != NULL);
	if (!f)
		return;
	CHECK_INT(fwrite(bytes, 1, len, f), len);
	fclose(f);
}

/* Searches on the index pack_get gives now: the same as `before`. */
static void same_answers(char **before, int mapped)
{
	struct match_profile p;
	const struct pack *pk;
	int n;

	store_set_cache(store, NULL, NULL);
	CHECK_INT(pack_get(store, &pk), STATUS_OK);
	CHECK_INT(pk->loaded, 1);
	CHECK_INT(pk->mapped, mapped);
	for (n = 0; n < 12; n++) {
		char *after;

		varied_profile(&p, n);
		after = run_signature(&p);
		CHECK_STR(after, before[n]);
		free(after);
	}
}

TEST(option_index_copy)
{
	struct match_profile p;
	struct pack *mapped;
	char *before[12], *path, *good, *bad, *again, err[256];
	size_t len, bad_len, again_len, i;
	int n;

	/* The answers as worked out in memory. */
	store_begin(store);
	CHECK_INT(store_pack_put(store, "x", 1), STATUS_OK);
	CHECK_INT(store_commit(store), STATUS_OK);
	store_set_cache(store, NULL, NULL);
	for (n = 0; n < 12; n++) {
		varied_profile(&p, n);
		before[n] = run_signature(&p);
	}

	/* Saved: the store has the image and a copy beside it, which the next open maps. */
	path = pack_index_path(store_path(store));
	unlink(path);
	store_begin(store);
	CHECK_INT(pack_save(store), STATUS_OK);
	CHECK_INT(store_commit(store), STATUS_OK);
	good = slurp(path, &len);
	CHECK(good != NULL);
	if (!good)
		return;
	same_answers(before, 1);
	CHECK_INT(pack_map(path, &mapped, err, sizeof(err)), STATUS_OK);
	pack_free(mapped);

	/* No copy: read from the store, the same answers, and the copy written again. */
	unlink(path);
	same_answers(before, 0);
	again = slurp(path, &again_len);
	CHECK(again && again_len == len && memcmp(again, good, len) == 0);
	free(again);
	same_answers(before, 1);

	/*
	 * A copy that is not this store's, or is damaged: not used (the store's
	 * is), the same answers, and a good copy in its place afterwards.
	 */
	bad = xmalloc(len);
	for (i = 0; i < 6; i++) {
		memcpy(bad, good, len);
		bad_len = len;
		switch (i) {
		case 0:		/* another store's: another identity */
			bad[48] ^= 1;
			break;
		case 1:		/* cut short */
			bad_len = len / 2;
			break;
		case 2:		/* one byte short */
			bad_len = len - 1;
			break;
		case 3:		/* empty */
			bad_len = 0;
			break;
		case 4:		/* the same head, the second half zeros */
			memset(bad + len / 2, 0, len - len / 2);
			break;
		case 5:		/* the same head, the titles' end overwritten */
			for (size_t j = len; j > len - 16 && j > 0; j--)
				bad[j - 1] = 'x';
			break;
		}
		spit(path, bad, bad_len);
		if (i >= 4) {
			CHECK_INT(pack_map(path, &mapped, err, sizeof(err)), STATUS_CORRUPT);
			CHECK_CONTAINS(err, "the option index is damaged");
		}
		same_answers(before, 0);
		again = slurp(path, &again_len);
		CHECK(again && again_len == len && memcmp(again, good, len) == 0);
		free(again);
	}
	/*
	 * A link to a file that is not a copy (as the package links the bundled
	 * store's): the link is replaced by a good copy, the file it led to kept.
	 */
	{
		char *other = xasprintf("%s.other", path);
		struct stat st;

		spit(other, "not an index", 12);
		unlink(path);
		CHECK_INT(symlink(other, path), 0);
		same_answers(before, 0);
		CHECK_INT(lstat(path, &st), 0);
		CHECK(S_ISREG(st.st_mode));
		again = slurp(other, &again_len);
		CHECK(again && again_len == 12 && memcmp(again, "not an index", 12) == 0);
		free(again);
		same_answers(before, 1);
		unlink(other);
		free(other);
	}
	/*
	 * A good copy that others may write: a mapping would show what they
	 * write after it was checked, so it is not mapped (the store's is
	 * used) and is replaced by one of our own.
	 */
	{
		struct stat st;

		unlink(path);
		spit(path, good, len);
		CHECK_INT(chmod(path, 0666), 0);
		CHECK_INT(pack_map(path, &mapped, err, sizeof(err)), STATUS_CORRUPT);
		same_answers(before, 0);
		CHECK_INT(stat(path, &st), 0);
		CHECK_INT(st.st_mode & (S_IWGRP | S_IWOTH), 0);
		same_answers(before, 1);
	}
	/* A FIFO in its place: refused at once (opening it must not wait for a writer). */
	unlink(path);
	CHECK_INT(mkfifo(path, 0644), 0);
	CHECK_INT(pack_map(path, &mapped, err, sizeof(err)), STATUS_CORRUPT);
	same_answers(before, 0);
	unlink(path);
	same_answers(before, 0);
	same_answers(before, 1);
	/* A folder where the copy should be: left alone, the store's used. */
	unlink(path);
	CHECK_INT(mkdir(path, 0755), 0);
	same_answers(before, 0);
	rmdir(path);
	same_answers(before, 0);
	same_answers(before, 1);

	for (n = 0; n < 12; n++)
		free(before[n]);
	free(bad);
	free(good);
	free(path);
}

TEST(shared_scans_limits_and_lists)
{
	struct match_profile p;
	struct match_list all, some;
	struct match_exclusion items[3];
	char err[256];
	size_t i;
	int n, k;

	/* Two threads or one: the same answers. */
	for (n = 0; n < 12; n++) {
		char *one, *two;

		varied_profile(&p, n);
		match_set_split((size_t)-1);
		one = run_signature(&p);
		match_set_split(0);
		two = run_signature(&p);
		CHECK_STR(two, one);
		free(one);
		free(two);
	}
	match_set_split(20000);

	/* A limit keeps the top of the full ranking; per_kind the top of each kind. */
	profile(&p, 11);
	p.radius = 40;
	CHECK_INT(match_run(store, &p, &all, err, sizeof(err)), STATUS_OK);
	CHECK(all.count > 4);
	p.limit = 3;
	CHECK_INT(match_run(store, &p, &some, err, sizeof(err)), STATUS_OK);
	CHECK_INT(some.count, 3);
	CHECK_INT(some.total, all.total);
	for (i = 0; i < some.count; i++)
		CHECK_INT(some.results[i].id == all.results[i].id &&
			  some.results[i].kind == all.results[i].kind, 1);
	match_list_done(&some);
	p.limit = 0;
	p.per_kind = 1;
	CHECK_INT(match_run(store, &p, &some, err, sizeof(err)), STATUS_OK);
	CHECK_INT(some.total, all.total);
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		const struct match_result *best = NULL, *kept = NULL;
		int kept_count = 0;

		for (i = 0; i < all.count && !best; i++)
			if (all.results[i].kind == (enum option_kind)k)
				best = &all.results[i];
		for (i = 0; i < some.count; i++)
			if (some.results[i].kind == (enum option_kind)k) {
				kept = &some.results[i];
				kept_count++;
			}
		CHECK_INT(kept_count, best ? 1 : 0);
		CHECK_INT(kept && best ? kept->id == best->id : kept == best, 1);
		CHECK_INT(some.total_by_kind[k], all.total_by_kind[k]);
	}
	match_list_done(&some);

	/* match_these: the same results for the options asked about, and only those that pass. */
	items[0].kind = all.results[all.count - 1].kind;
	items[0].id = all.results[all.count - 1].id;
	items[1].kind = all.results[0].kind;
	items[1].id = all.results[0].id;
	items[2].kind = OPTION_COURSE;
	items[2].id = 999999;		/* not in the store */
	CHECK_INT(match_these(store, &p, items, 3, &some, err, sizeof(err)), STATUS_OK);
	CHECK_INT(some.count, 2);
	CHECK_INT(some.total, 2);
	if (some.count == 2) {
		CHECK_INT(some.results[0].id, all.results[0].id);
		CHECK_STR(reasons(&some.results[0]), reasons(&all.results[0]));
		CHECK_NEAR(some.results[1].score, all.results[all.count - 1].score, 1e-9);
	}
	match_list_done(&some);
	p.radius = 2;	/* the last one is further off than that */
	CHECK_INT(match_these(store, &p, items, 1, &some, err, sizeof(err)), STATUS_OK);
	CHECK_INT(some.count, !isnan(all.results[all.count - 1].distance) &&
		  all.results[all.count - 1].distance <= 2);
	match_list_done(&some);
	match_list_done(&all);
}

TEST(links_follow_the_data)
{
	struct match_profile p;
	struct match_list l;
	char err[256];

	profile(&p, 11);
	/* The programmer career: the digital course and degree nearby lead there. */
	CHECK_INT(match_links(store, &p, OPTION_CAREER, 2134, 3, &l, err, sizeof(err)), STATUS_OK);
	CHECK(find(&l, "Computing T Level") != NULL);
	CHECK(find(&l, "Computer Science") != NULL);
	CHECK(find(&l, "Computing BTEC in York") == NULL);	/* 30 miles off, outside 10 */
	CHECK(find(&l, "Professional cookery") == NULL);
	/* A degree named for the work ranks above a nearer one that is not. */
	CHECK(find(&l, "Software Engineering") != NULL);
	CHECK(find(&l, "Software Engineering") < find(&l, "Computer Science"));
	CHECK(find(&l, "Software Engineering")->distance > find(&l, "Computer Science")->distance);
	match_list_done(&l);
	p.radius = 40;
	CHECK_INT(match_links(store, &p, OPTION_CAREER, 2134, 3, &l, err, sizeof(err)), STATUS_OK);
	CHECK(find(&l, "Computing BTEC in York") != NULL);
	match_list_done(&l);
	store_close(store);
}

TEST(parsing)
{
	double r[6];
	char why[256];

	CHECK_INT(match_parse_riasec("sai", r, why, sizeof(why)), STATUS_OK);
	CHECK_NEAR(r[3], 1, 1e-9);
	CHECK_NEAR(r[2], 5.0 / 6, 1e-9);
	CHECK_NEAR(r[1], 4.0 / 6, 1e-9);
	CHECK_NEAR(r[0], 0, 1e-9);
	CHECK_INT(match_parse_riasec("5,3,1,4,2,2", r, why, sizeof(why)), STATUS_OK);
	CHECK_NEAR(r[0], 1, 1e-9);
	CHECK_NEAR(r[2], 0.2, 1e-9);
	CHECK_INT(match_parse_riasec("SAS", r, why, sizeof(why)), STATUS_INVALID);
	CHECK_INT(match_parse_riasec("XYZ", r, why, sizeof(why)), STATUS_INVALID);
	CHECK_INT(match_parse_riasec("1,2,3", r, why, sizeof(why)), STATUS_INVALID);
	CHECK_CONTAINS(why, "not a RIASEC result");
	CHECK_INT(match_kind_parse("Vacancy"), OPTION_VACANCY);
	CHECK_INT(match_kind_parse("jobs"), -1);
	CHECK_INT(match_sort_parse("pay"), SORT_PAY);
}

TESTS(year_11_digital_near_doncaster, older_learners, places, not_for_me_text_and_quiz,
      option_index, option_index_copy, shared_scans_limits_and_lists, links_follow_the_data, parsing)
