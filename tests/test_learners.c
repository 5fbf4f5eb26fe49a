/*
 * test_learners.c - the learner filter judged as a careers adviser would, on realistic pupils.
 *
 * Twenty-four learners (Years 7 to 13 at different dates, and people who
 * left school at 16 to 19), each with interests or quiz letters, a place
 * and a radius, are run through match_run() on the bundled store and on a
 * store built from ../shared/refdata (that half is skipped when the folder
 * is absent). For each top ten:
 *
 *   - nothing the learner cannot take: ages, start and closing dates and
 *     the school-leaving date are checked against the store's own rows
 *     here, with this file's own date arithmetic, not the product's rules;
 *     nothing marked as needing what they cannot have yet;
 *   - at least 8 of the ten plainly on the learner's interests, judged by
 *     the word lists below - written separately from data/interests.map,
 *     from what a pupil would call each interest (a sixth form counts when
 *     one of its own courses is on the list);
 *   - no reason naming an interest the learner did not tick; those naming
 *     one the title does not plainly show are counted and may not grow;
 *   - no duplicate (same kind, title and place);
 *   - which options make the ten is not decided by the alphabet: the 10th
 *     and 11th equal in everything but their names are counted, and the
 *     count may not grow (it is not yet zero: see run_all).
 *
 * Set CAREERS_LEARNERS_VERBOSE=1 to print every top ten.
 */
#include <ctype.h>
#include <sqlite3.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "match.h"
#include "store.h"

struct learner {
	const char *who;
	int school_year;	/* 0: left school */
	int age;
	const char *today;
	const char *interests;	/* slugs, space separated */
	const char *riasec;	/* quiz letters, or NULL */
	const char *place;
	double radius;
};

static const struct learner learners[] = {
	{ "Y7 who loves animals", 7, 0, "2026-10-05", "animals", NULL, "DN1 3BU", 10 },
	{ "Y7 into games and coding", 7, 0, "2027-03-15", "digital", "IRA", "DN4 5HX", 10 },
	{ "Y8 sporty", 8, 0, "2026-11-30", "sport", "SR", "DN2 4AB", 15 },
	{ "Y8 wants to be a chef", 8, 0, "2027-05-20", "food", NULL, "DN1 3BU", 10 },
	{ "Y9 choosing options, science", 9, 0, "2027-01-18", "health-science", "IS", "DN5 8AA",
	  10 },
	{ "Y9 art and fashion", 9, 0, "2026-12-07", "creative", "A", "DN1 3BU", 12 },
	{ "Y10 hair and make-up", 10, 0, "2026-11-02", "hair-beauty", NULL, "DN1 3BU", 10 },
	{ "Y10 building trades", 10, 0, "2027-02-08", "construction", "RC", "DN4 5HX", 15 },
	{ "Y11 care work", 11, 0, "2026-12-07", "care", NULL, "DN1 3BU", 15 },
	{ "Y11 engineering and cars", 11, 0, "2026-11-30", "engineering", "RI", "DN2 4AB", 15 },
	{ "Y11 police or army", 11, 0, "2027-03-01", "protective", NULL, "DN1 3BU", 20 },
	{ "Y11 digital and business", 11, 0, "2026-10-12", "digital business", NULL, "DN1 3BU",
	  10 },
	{ "Y12 law and money", 12, 0, "2026-12-07", "law-finance", "EC", "DN1 3BU", 20 },
	{ "Y12 teaching and children", 12, 0, "2027-04-19", "education", "S", "DN4 5HX", 15 },
	{ "Y13 nursing", 13, 0, "2026-11-16", "health-science care", NULL, "DN1 3BU", 20 },
	{ "Y13 computing at university", 13, 0, "2027-01-25", "digital", "IRC", "DN1 3BU", 30 },
	{ "Y13 selling and marketing", 13, 0, "2026-12-07", "sales", NULL, "DN2 4AB", 15 },
	{ "left at 16, warehouse and driving", 0, 16, "2026-11-30", "transport", NULL, "DN1 3BU",
	  15 },
	{ "left at 17, hairdresser", 0, 17, "2027-02-15", "hair-beauty", NULL, "DN4 5HX", 10 },
	{ "left at 17, electrician", 0, 17, "2026-12-07", "construction engineering", "R",
	  "DN1 3BU", 15 },
	{ "18, after A levels, accountancy", 0, 18, "2026-11-23", "law-finance", NULL, "DN1 3BU",
	  20 },
	{ "18, care and support", 0, 18, "2027-01-11", "care", "SE", "DN2 4AB", 15 },
	{ "19, back to learning, digital", 0, 19, "2026-12-07", "digital", NULL, "DN1 3BU", 10 },
	{ "19, outdoors and animals", 0, 19, "2027-03-22", "animals sport", "R", "DN1 3BU", 20 },
};

/*
 * What a pupil would call each interest: lower-case stems, matched at the
 * start of a word of the title. This file's own judgement, not the map's.
 */
static const struct {
	const char *slug;
	const char *stems;
} judge[] = {
	{ "animals", "anim vet farm horse equine garden horticult landscap forest tree arbor "
		     "agricult crop poultry livestock stock conserv countryside environment "
		     "ecolog zoo pest groom greenkeep golf florist flower land-based fish "
		     "wildlife keeper turf farrier plant grounds underkeeper ranger gamekeep "
		     "archaeolog abattoir resource waste water" },
	{ "business", "business admin office manag receptionist secretar personal assistant "
		      "human resource hr project enterprise team leader supervisor operations "
		      "clerk record data entry officer government customer service practice "
		      "policy recruit consult chartered" },
	{ "care", "care carer social support youth famil rehabilit health nursing houseparent "
		  "counsel welfare children ambulance psycholog wellbeing" },
	{ "food", "food chef cook catering hospitality bak butcher kitchen hotel restaurant "
		  "bar waiter waitress coffee barista culinary patisserie fishmonger events "
		  "drink publican breakfast guest house" },
	{ "construction", "construct build brick plumb carpent join electric architect surve "
			  "civil plaster paint decorat roof scaffold tiling tiler glaz floor "
			  "stone steel crane ground road rail highway gas heating property "
			  "site install maintenance onsite asbestos town planning design" },
	{ "creative", "art design music media film photo fashion drama danc creative anim "
		      "graphic perform journal theatre textile illustrat act broadcast writ "
		      "author editor print craft jewel tailor upholst furniture museum curator "
		      "interior produc games saddl bespoke" },
	{ "digital", "comput software digital data cyber network it web program cod develop "
		     "information technology telecom infrastructure unified ict spreadsheet" },
	{ "education", "teach education childcare child early years nursery youth play "
		       "learning school tutor lecturer assessor career" },
	{ "engineering", "engineer mechanic electric electron manufactur automotive motor "
			 "vehicle aero weld fabricat robot maintenance machin cnc metal "
			 "production process assembl fitter technician tool plant energy "
			 "chemical plastic mechatronic aircraft boat rail inspect tyre install "
			 "refrigerat" },
	{ "hair-beauty", "hair barber beaut nail make-up makeup cosmet spa salon lash skin" },
	{ "health-science", "health nurs medic biolog chemist physic science scien pharma "
			    "dental dentist paramedic midwi biomedic laborator physio "
			    "radiograph psycholog doctor clinic therap optic optom podiat "
			    "ambulance healthcare dietit sonograph mathemat math hearing "
			    "operating physician" },
	{ "law-finance", "law legal account financ bank econom insur paralegal book payroll "
			 "tax solicitor barrister credit invest pension mortgage actuar "
			 "audit conveyanc probate compliance debt broker" },
	{ "protective", "police polic fire army navy raf armed forces military public service "
			"uniform security prison custody criminolog probation rescue "
			"enforcement detention intelligence protective safety commissioned" },
	{ "sales", "retail sale sell market advertis procure purchas customer shop merchand "
		   "buyer buying estate agent call centre contact centre public relations "
		   "commercial trade" },
	{ "transport", "logistic transport driv warehouse aviation air rail train freight "
		       "hgv lgv fork delivery courier postal port marin ship cabin pilot "
		       "supply chain passenger travel bus coach taxi storage seafarer deck" },
	{ "sport", "sport fitness coach leisure personal train exercise gym outdoor football "
		   "swim physical education lifeguard turf" },
};

static const char *stems_of(const char *slug)
{
	size_t i;

	for (i = 0; i < sizeof(judge) / sizeof(judge[0]); i++)
		if (strcmp(judge[i].slug, slug) == 0)
			return judge[i].stems;
	return "";
}

/* Does a word of text start with one of the stems (a stem may be two words)? */
static int judged_in(const char *slug, const char *text)
{
	const char *stems = stems_of(slug);
	char lower[512];
	size_t i;

	for (i = 0; text && text[i] && i + 1 < sizeof(lower); i++)
		lower[i] = (char)tolower((unsigned char)text[i]);
	lower[i] = '\0';
	while (*stems) {
		char stem[64];
		size_t n = strcspn(stems, " ");
		const char *t;

		/* "personal assistant", "supply chain", "public service": kept together. */
		snprintf(stem, sizeof(stem), "%.*s", (int)n, stems);
		stems += n;
		while (*stems == ' ')
			stems++;
		for (t = strstr(lower, stem); t; t = strstr(t + 1, stem))
			if (t == lower || !isalnum((unsigned char)t[-1]))
				return 1;
	}
	return 0;
}

static int judged_in_any(const struct learner *l, const char *text)
{
	char slugs[128], *slug, *save = NULL;

	snprintf(slugs, sizeof(slugs), "%s", l->interests);
	for (slug = strtok_r(slugs, " ", &save); slug; slug = strtok_r(NULL, " ", &save))
		if (judged_in(slug, text))
			return 1;
	return 0;
}

/* --- the learner's dates, worked out here ------------------------------------------------- */

static struct civil_date parse_day(const char *iso)
{
	struct civil_date d = { 0, 0, 0 };

	CHECK(date_parse(iso, &d));
	return d;
}

/* The latest birthday a learner can have: the youngest of the year group, or the age given. */
static struct civil_date youngest_birthday(const struct learner *l, struct civil_date today)
{
	int academic = today.month >= 9 ? today.year : today.year - 1;

	if (l->school_year)
		return (struct civil_date){ academic - l->school_year - 4, 8, 31 };
	/* Age A today: born at the latest today, A years ago. */
	return (struct civil_date){ today.year - l->age, today.month, today.day };
}

static int age_on(struct civil_date born, struct civil_date day)
{
	int age = day.year - born.year;

	if (day.month < born.month || (day.month == born.month && day.day < born.day))
		age--;
	return age;
}

/* The last Friday in June of the year they finish Year 11 (may be past). */
static struct civil_date may_leave(const struct learner *l, struct civil_date today)
{
	int academic = today.month >= 9 ? today.year : today.year - 1;
	int year = l->school_year ? academic + 1 + (11 - l->school_year) : today.year - 1;
	struct civil_date d = { year, 6, 30 };

	while (date_weekday(d) != 4)
		d = date_add_days(d, -1);
	return d;
}

/* --- one store --------------------------------------------------------------------------- */

struct tally {
	int learners, top_tens, on_interest, off_interest, alphabet_cuts, alphabet_pairs;
};

static sqlite3 *db;

static long long row_int(const char *sql, long long id, int column, int *found)
{
	sqlite3_stmt *st;
	long long v = 0;

	*found = 0;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, sqlite3_errmsg(db));
		check_failures++;
		return 0;
	}
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, column) != SQLITE_NULL) {
		v = sqlite3_column_int64(st, column);
		*found = 1;
	}
	sqlite3_finalize(st);
	return v;
}

static int row_text(const char *sql, long long id, char *out, size_t outlen)
{
	sqlite3_stmt *st;
	int found = 0;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
		snprintf(out, outlen, "%s", (const char *)sqlite3_column_text(st, 0));
		found = 1;
	}
	sqlite3_finalize(st);
	return found;
}

/* A sixth form or college is on an interest when one of its own courses is. */
static int school_judged_in(const struct learner *l, long long provider_id)
{
	sqlite3_stmt *st;
	int hit = 0;

	if (sqlite3_prepare_v2(db, "SELECT c.title FROM course c LEFT JOIN provider p ON "
			       "p.id = c.provider_id WHERE c.provider_id = ?1 OR c.provider_name = "
			       "(SELECT name FROM provider WHERE id = ?1)", -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, provider_id);
	while (!hit && sqlite3_step(st) == SQLITE_ROW)
		hit = judged_in_any(l, (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return hit;
}

/* The day the learner could start, as the result says. */
static struct civil_date start_day(const struct match_result *r, struct civil_date today)
{
	struct civil_date d;

	if (r->available_from[0] && date_parse(r->available_from, &d))
		return d;
	return today;
}

/* Can the learner take it? Checked against the store's rows; says why not. */
static void check_takeable(const struct learner *l, const struct match_result *r,
			   struct civil_date today, const char *label)
{
	struct civil_date born = youngest_birthday(l, today), start = start_day(r, today), d;
	struct civil_date leave = may_leave(l, today);
	int youngest = age_on(born, start), found;
	long long v;
	char day[16];

	if (r->availability == AVAILABLE_NOT_FOR_AGE || r->starts_too_early || r->needs_first) {
		fprintf(stderr, "%s: %s is not one they can take\n", label, r->title);
		check_failures++;
	}
	if (r->kind == OPTION_COURSE || r->kind == OPTION_UNIVERSITY) {
		v = row_int("SELECT age_min FROM course WHERE id = ?1", r->id, 0, &found);
		if (found && youngest < v) {
			fprintf(stderr, "%s: %s is for %lld and over; the youngest would be %d on %s\n",
				label, r->title, v, youngest, r->available_from);
			check_failures++;
		}
		v = row_int("SELECT age_max FROM course WHERE id = ?1", r->id, 0, &found);
		if (found && youngest > v) {
			fprintf(stderr, "%s: %s is for up to %lld; they would be %d\n", label,
				r->title, v, youngest);
			check_failures++;
		}
	}
	if (r->kind == OPTION_UNIVERSITY && youngest < 18 && date_compare(start, today) <= 0) {
		fprintf(stderr, "%s: university %s \"now\" at %d\n", label, r->title, youngest);
		check_failures++;
	}
	if (r->kind == OPTION_VACANCY) {
		struct civil_date earliest = date_compare(leave, today) > 0 ? leave : today;

		if (row_text("SELECT start_date FROM vacancy WHERE id = ?1", r->id, day, sizeof(day)) &&
		    date_parse(day, &d) && date_compare(d, earliest) < 0) {
			fprintf(stderr, "%s: job %s starts %s, before they may (%d-%02d-%02d)\n", label,
				r->title, day, earliest.year, earliest.month, earliest.day);
			check_failures++;
		}
		if (row_text("SELECT closing_date FROM vacancy WHERE id = ?1", r->id, day, sizeof(day)) &&
		    date_parse(day, &d) && (date_compare(d, today) < 0 ||
					    (!r->starts[0] && date_compare(d, earliest) < 0))) {
			fprintf(stderr, "%s: job %s closes %s\n", label, r->title, day);
			check_failures++;
		}
		if (row_text("SELECT posted_date FROM vacancy WHERE id = ?1", r->id, day, sizeof(day)) &&
		    date_parse(day, &d) && date_compare(d, today) > 0) {
			fprintf(stderr, "%s: job %s is not posted until %s\n", label, r->title, day);
			check_failures++;
		}
	}
	if (r->kind == OPTION_APPRENTICESHIP && date_compare(start, leave) < 0 &&
	    date_compare(leave, today) > 0) {
		fprintf(stderr, "%s: apprenticeship %s before they may leave school\n", label,
			r->title);
		check_failures++;
	}
}

/* A reason naming an interest area: "Caring for people: ..." or "... - one of your interests". */
static const char *named_area(const struct match_interest *areas, size_t n, const char *reason)
{
	size_t i, len;

	for (i = 0; i < n; i++) {
		len = strlen(areas[i].name);
		if (strncmp(reason, areas[i].name, len) == 0 &&
		    (reason[len] == ':' || strncmp(reason + len, " - one of", 9) == 0))
			return areas[i].slug;
	}
	return NULL;
}

static int ticked(const struct learner *l, const char *slug)
{
	char slugs[128], *s, *save = NULL;

	snprintf(slugs, sizeof(slugs), "%s", l->interests);
	for (s = strtok_r(slugs, " ", &save); s; s = strtok_r(NULL, " ", &save))
		if (strcmp(s, slug) == 0)
			return 1;
	return 0;
}

/*
 * Equal in everything a learner can see, and no reason saying what put the
 * first above the second: then only the alphabet told them apart.
 */
static int alphabet_only(const struct match_result *a, const struct match_result *b)
{
	int both_nan = isnan(a->distance) && isnan(b->distance), k;

	for (k = 0; k < a->reason_count; k++)
		if (strstr(a->reasons[k], "shown first because"))
			return 0;

	return a->kind == b->kind && a->score == b->score &&
	       (both_nan || fabs(a->distance - b->distance) < 1e-9) && a->fit.level == b->fit.level &&
	       a->availability == b->availability && strcmp(a->available_from, b->available_from) == 0 &&
	       ((isnan(a->pay_per_week) && isnan(b->pay_per_week)) ||
		a->pay_per_week == b->pay_per_week);
}

static void run_learner(struct store *s, const struct learner *l, const char *store_name,
			struct tally *t)
{
	struct match_interest areas[32];
	size_t n_areas = match_interests(s, areas, 32), i, top;
	struct match_profile p;
	struct match_list list;
	char err[256], label[160], slugs[128], *slug, *save = NULL;
	int on = 0, verbose = getenv("CAREERS_LEARNERS_VERBOSE") != NULL;

	snprintf(label, sizeof(label), "%s: %s", store_name, l->who);
	match_profile_init(&p);
	p.school_year = l->school_year;
	p.age = l->age;
	p.today = parse_day(l->today);
	snprintf(p.place, sizeof(p.place), "%s", l->place);
	p.place_is_full = strchr(l->place, ' ') != NULL;
	p.radius = l->radius;
	p.limit = 11;
	snprintf(slugs, sizeof(slugs), "%s", l->interests);
	for (slug = strtok_r(slugs, " ", &save); slug; slug = strtok_r(NULL, " ", &save)) {
		long long id;

		CHECK_INT(match_find_interest(s, slug, &id), STATUS_OK);
		p.interests[p.interest_count++] = id;
	}
	if (l->riasec) {
		char why[200];

		CHECK_INT(match_parse_riasec(l->riasec, p.riasec, why, sizeof(why)), STATUS_OK);
		p.has_riasec = 1;
	}
	if (match_run(s, &p, &list, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "%s: %s\n", label, err);
		check_failures++;
		return;
	}
	t->learners++;
	top = list.count < 10 ? list.count : 10;
	if (top == 10)
		t->top_tens++;
	if (verbose)
		printf("\n== %s (%zu matches)\n", label, list.total);
	for (i = 0; i < list.count; i++) {
		const struct match_result *r = &list.results[i];
		int in = r->kind == OPTION_SCHOOL ? school_judged_in(l, r->id) :
			 judged_in_any(l, r->title);
		size_t j;
		int k;

		if (i >= top)
			break;
		if (verbose)
			printf("%2zu. %-14s %-60.60s %5.1f %s %s\n", i + 1, match_kind_name(r->kind),
			       r->title, r->score, in ? "on" : "OFF", r->brief);
		on += in;
		check_takeable(l, r, p.today, label);
		for (k = 0; k < r->reason_count; k++) {
			const char *area = named_area(areas, n_areas, r->reasons[k]);

			if (!area)
				continue;
			if (!ticked(l, area)) {
				fprintf(stderr, "%s: %s: a reason names an interest not ticked: %s\n",
					label, r->title, r->reasons[k]);
				check_failures++;
			} else if (r->kind != OPTION_SCHOOL && !judged_in(area, r->title)) {
				fprintf(stderr, "%s: %s: \"%s\" - not plainly in it\n", label, r->title,
					r->reasons[k]);
				t->off_interest++;
			}
		}
		for (j = 0; j < i; j++) {
			const struct match_result *q = &list.results[j];

			if (q->kind == r->kind && strcasecmp(q->title, r->title) == 0 &&
			    strcmp(q->where, r->where) == 0) {
				fprintf(stderr, "%s: %s twice in the top ten\n", label, r->title);
				check_failures++;
			}
		}
		if (i + 1 < top && alphabet_only(r, &list.results[i + 1]))
			t->alphabet_pairs++;
	}
	t->on_interest += on;
	if (top == 10 && on < 8) {
		fprintf(stderr, "%s: only %d of the top ten plainly on their interests (%s)\n", label,
			on, l->interests);
		check_failures++;
	}
	if (list.count > 10 && alphabet_only(&list.results[9], &list.results[10])) {
		fprintf(stderr, "%s: the alphabet decided the top ten (%s / %s)\n", label,
			list.results[9].title, list.results[10].title);
		t->alphabet_cuts++;
	}
	match_list_done(&list);
}

static void run_all(const char *path, const char *store_name)
{
	struct store *s;
	struct tally t;
	char err[256];
	size_t i;

	memset(&t, 0, sizeof(t));
	CHECK_INT(store_open(path, STORE_READ_ONLY, &s, err, sizeof(err)), STATUS_OK);
	CHECK_INT(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (i = 0; i < sizeof(learners) / sizeof(learners[0]); i++)
		run_learner(s, &learners[i], store_name, &t);
	printf("%s: %d learners, %d full top tens; %d of their results plainly on interest; "
	       "%d reasons naming an interest the title does not plainly show; %d neighbours "
	       "in a top ten told apart only by name; %d top tens cut by name\n", store_name,
	       t.learners, t.top_tens, t.on_interest, t.off_interest, t.alphabet_pairs,
	       t.alphabet_cuts);
	sqlite3_close(db);
	db = NULL;
	store_close(s);
	/*
	 * Not yet zero (see the issue): where two options are equal in level,
	 * distance, start, pay and ways in, nothing in these stores tells them
	 * apart - careers without pay or O*NET data, standards without a
	 * length. Fewer is better; more fails.
	 */
	if (strcmp(store_name, "bundled") == 0) {
		CHECK(t.alphabet_cuts <= 2);
		CHECK(t.off_interest <= 4);
	} else {
		CHECK(t.alphabet_cuts <= 11);
		CHECK(t.off_interest <= 10);
	}
}

TEST(bundled_store)
{
	char path[512];
	const char *tmp = getenv("CAREERS_TEST_TMP");

	snprintf(path, sizeof(path), "%s/learners_bundled.db", tmp ? tmp : "/tmp");
	check_bundled_store(path);
	run_all(path, "bundled");
}

TEST(refdata_store)
{
	char path[512];
	const char *tmp = getenv("CAREERS_TEST_TMP");
	struct stat st;

	if (stat(CAREERS_REFDATA, &st) != 0)
		SKIP("no " CAREERS_REFDATA ": the real-data half is skipped");
	snprintf(path, sizeof(path), "%s/learners_refdata.db", tmp ? tmp : "/tmp");
	check_store_from(CAREERS_REFDATA, path);
	run_all(path, "refdata");
}

TESTS(bundled_store, refdata_store)
