/*
 * test_plan.c - the comparison facts and the pupil's action plan.
 *
 * Uses a store built from the bundled sample data (data/doncaster) and a
 * session made by hand: a Year 11 pupil in DN1 3BU interested in digital
 * and engineering, with a shortlist of four kinds of option, notes with
 * awkward characters and actions for each owner and status. The whole
 * plan is compared with tests/golden/plan-sample.md and .html; when the
 * plan changes on purpose, run with CAREERS_UPDATE_GOLDEN=1 to rewrite
 * them, then read both before committing.
 *
 * When the careers binary and app/records.h are there, `careers plan
 * export` is run on a records file written by records_save().
 */
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "format.h"
#include "harness.h"
#include "match.h"
#include "plan.h"
#include "records.h"

static char test_store_path[512];
static struct store *store;

static struct store *open_store(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char err[512];

	if (store)
		return store;
	snprintf(test_store_path, sizeof(test_store_path), "%s/plan.db", tmp ? tmp : "/tmp");
	check_bundled_store(test_store_path);
	if (store_open(test_store_path, STORE_READ_ONLY, &store, err, sizeof(err)) != STATUS_OK) {
		fprintf(stderr, "cannot open %s: %s\n", test_store_path, err);
		check_failures++;
		return NULL;
	}
	return store;
}

static void sample_profile(struct store *s, struct match_profile *p)
{
	long long id;

	match_profile_init(p);
	p->school_year = 11;
	p->today = (struct civil_date){ 2026, 11, 30 };
	p->limit = 0;
	CHECK_INT(match_find_interest(s, "digital", &id), STATUS_OK);
	p->interests[p->interest_count++] = id;
	CHECK_INT(match_find_interest(s, "engineering", &id), STATUS_OK);
	p->interests[p->interest_count++] = id;
	snprintf(p->place, sizeof(p->place), "DN1 3BU");
	p->place_is_full = 1;
	p->radius = 10;
}

/* The id of the first result of a kind whose title is `title`; 0 when none. */
static long long find_option(struct store *s, const struct match_profile *p,
			     enum option_kind kind, const char *title)
{
	struct match_profile q = *p;
	struct match_list l;
	char err[256];
	long long id = 0;
	size_t i;

	q.show_not_for_age = 1;
	q.kinds = 1u << kind;
	CHECK_INT(match_run(s, &q, &l, err, sizeof(err)), STATUS_OK);
	for (i = 0; i < l.count && !id; i++)
		if (strcmp(l.results[i].title, title) == 0)
			id = l.results[i].id;
	match_list_done(&l);
	if (!id)
		fprintf(stderr, "%s: no %s called \"%s\"\n", check_current, match_kind_name(kind),
			title);
	CHECK(id != 0);
	return id;
}

static void add_item(struct advice *a, enum option_kind kind, long long id, const char *title,
		     int compare)
{
	struct advice_item *it = &a->items[a->item_count++];

	it->kind = kind;
	it->id = id;
	snprintf(it->title, sizeof(it->title), "%s", title);
	it->compare = compare;
}

static void add_action(struct advice *a, const char *text, enum action_owner owner,
		       const char *due, enum action_status status)
{
	struct advice_action *act = &a->actions[a->action_count++];

	snprintf(act->text, sizeof(act->text), "%s", text);
	act->owner = owner;
	snprintf(act->due, sizeof(act->due), "%s", due);
	act->status = status;
}

/* The session every plan test uses. */
static void sample_session(struct store *s, struct advice *a)
{
	static const struct {
		enum option_kind kind;
		const char *title;
		int compare;
	} picks[] = {
		{ OPTION_VACANCY, "Junior Software Developer Apprentice", 1 },
		{ OPTION_APPRENTICESHIP, "Software development technician", 1 },
		{ OPTION_COURSE, "A level Computer Science", 1 },
		{ OPTION_CAREER, "Programmers and software development professionals", 1 },
		{ OPTION_UNIVERSITY, "Computing", 0 },
	};
	size_t i;

	advice_init(a);
	a->id = 7;
	snprintf(a->pupil, sizeof(a->pupil), "JS 11B");
	snprintf(a->created, sizeof(a->created), "2026-11-30 14:00");
	snprintf(a->updated, sizeof(a->updated), "2026-12-02 09:15");
	a->data_fingerprint = store_fingerprint(s);
	sample_profile(s, &a->profile);
	for (i = 0; i < sizeof(picks) / sizeof(picks[0]); i++)
		add_item(a, picks[i].kind, find_option(s, &a->profile, picks[i].kind,
						       picks[i].title), picks[i].title,
			 picks[i].compare);
	/* Picked in an earlier session; no longer in the data. */
	add_item(a, OPTION_COURSE, 987654, "Games Design BTEC (closed)", 0);

	snprintf(a->notes[0].text, sizeof(a->notes[0].text),
		 "Likes <b>coding</b> & robots | wants \"real\" work, isn't sure about "
		 "A levels.\n- not a list\n# not a heading\n1. not a number");
	snprintf(a->notes[0].written, sizeof(a->notes[0].written), "2026-11-30 14:05");
	snprintf(a->notes[1].text, sizeof(a->notes[1].text),
		 "Mum can drive to Doncaster College open evening.");
	snprintf(a->notes[1].written, sizeof(a->notes[1].written), "2026-11-30 14:18");
	a->notes[0].shared = 1;
	a->notes[1].shared = 1;
	/* For the adviser alone: never in the plan. */
	snprintf(a->notes[2].text, sizeof(a->notes[2].text),
		 "Adviser only: check the attendance record with the head of year.");
	snprintf(a->notes[2].written, sizeof(a->notes[2].written), "2026-11-30 14:20");
	a->note_count = 3;
	snprintf(a->adviser, sizeof(a->adviser), "Ms Patel");
	snprintf(a->contact, sizeof(a->contact), "careers@hallcross.example or 01302 000000");
	snprintf(a->school, sizeof(a->school), "Hall Cross Academy");
	snprintf(a->next_meeting, sizeof(a->next_meeting), "2027-01-12 10:30");

	add_action(a, "Apply for the Junior Software Developer Apprentice job | ask school for "
		   "a reference", OWNER_PUPIL, "2027-03-01", ACTION_TODO);
	add_action(a, "Send the dates of the Doncaster College open evening", OWNER_ADVISER,
		   "2026-12-07", ACTION_DONE);
	add_action(a, "Visit the Hall Cross sixth form", OWNER_PUPIL, "", ACTION_NO_LONGER);
	add_action(a, "Go to the open evening with JS", OWNER_PARENT, "2027-01-20", ACTION_TODO);
	add_action(a, "Send the work experience forms", OWNER_SCHOOL, "2027-01-08", ACTION_TODO);
}

static char *write_plan(struct store *s, const struct advice *a, enum plan_format format)
{
	struct strbuf sb;
	char err[256];

	strbuf_init(&sb);
	CHECK_INT(plan_write(s, a, format, &sb, err, sizeof(err)), STATUS_OK);
	return strbuf_detach(&sb);
}

/* Every fact is set, and all but entry fit PLAN_FACT_SHORT characters. */
static void check_shape(const struct plan_facts *f)
{
	int i;

	for (i = 0; i < PLAN_FACT_COUNT; i++) {
		const char *t = plan_fact_text(f, (enum plan_fact)i);

		if (!t[0] || (i != PLAN_FACT_ENTRY && format_width(t) > PLAN_FACT_SHORT)) {
			fprintf(stderr, "%s: %s %lld: %s is \"%s\"\n", check_current,
				match_kind_name(f->kind), f->id, plan_fact_label((enum plan_fact)i),
				t);
			check_failures++;
		}
	}
}

TEST(facts_career)
{
	struct store *s = open_store();
	struct match_profile p;
	struct plan_facts f;

	if (!s)
		return;
	sample_profile(s, &p);
	CHECK_INT(plan_facts(s, &p, OPTION_CAREER, 2134, &f), STATUS_OK);
	check_shape(&f);
	CHECK_STR(f.title, "Programmers and software development professionals");
	CHECK_STR(f.what, "career");
	/* ASHE weekly pay with its year. */
	CHECK_STR(f.pay_experienced, "about \xC2\xA3" "870 a week (2025)");
	/* The wages of apprenticeship vacancies near DN1 3BU that lead to it. */
	CHECK_CONTAINS(f.pay_start, "\xC2\xA3");
	CHECK_CONTAINS(f.pay_start, "a week as an apprentice");
	CHECK_STR(f.hours, "about 38 hours a week");
	CHECK_STR(f.level, "apprenticeships at Level 3 to 7");
	CHECK_STR(f.qualify, "18 to 36 months as an apprentice");
	CHECK_STR(f.cost, "no fees as an apprentice");
	CHECK_CONTAINS(f.distance, "nearest way in is ");
	CHECK_CONTAINS(f.start, "first way in from ");
	CHECK_CONTAINS(f.demand, "within 10 miles");
	/* No source projects employment now that LMI for All has closed. */
	CHECK_STR(f.growth, PLAN_NOT_KNOWN);
	CHECK(strcmp(f.entry, PLAN_NOT_KNOWN) != 0);
}

TEST(facts_apprenticeship)
{
	struct store *s = open_store();
	struct match_profile p;
	struct plan_facts f;
	long long id;

	if (!s)
		return;
	sample_profile(s, &p);
	id = find_option(s, &p, OPTION_APPRENTICESHIP, "Software development technician");
	CHECK_INT(plan_facts(s, &p, OPTION_APPRENTICESHIP, id, &f), STATUS_OK);
	check_shape(&f);
	CHECK_STR(f.what, "apprenticeship");
	CHECK_STR(f.level, "Level 3 (like A levels)");
	CHECK_STR(f.qualify, "about 18 months");
	CHECK_STR(f.cost, "no fees - you earn a wage");
	/* Its live vacancy near DN1 3BU pays £17,000 a year. */
	CHECK_STR(f.pay_start, "\xC2\xA3" "327 a week");
	CHECK_STR(f.hours, "37.5 hours a week");
	CHECK_STR(f.demand, "1 open vacancy within 10 miles");
	CHECK_STR(f.distance, "nearest vacancy is 0.3 miles away");
	/* Year 11 may leave school on the last Friday of June 2027. */
	CHECK_STR(f.start, "from 25 Jun 2027");
	CHECK_CONTAINS(f.pay_experienced, "a week (2025)");
	CHECK_STR(f.growth, PLAN_NOT_KNOWN);
	CHECK_STR(f.entry, PLAN_NOT_KNOWN);
}

TEST(facts_course)
{
	struct store *s = open_store();
	struct match_profile p;
	struct plan_facts f;
	long long id;

	if (!s)
		return;
	sample_profile(s, &p);
	id = find_option(s, &p, OPTION_COURSE, "A level Computer Science");
	CHECK_INT(plan_facts(s, &p, OPTION_COURSE, id, &f), STATUS_OK);
	check_shape(&f);
	CHECK_STR(f.what, "college or sixth form course");
	CHECK_STR(f.where, "Hall Cross Academy Sixth Form");
	CHECK_STR(f.cost, "Free for young people aged 16 to 18");
	CHECK_STR(f.qualify, "2 years");
	CHECK_STR(f.level, "Level 3 (like A levels)");
	CHECK_STR(f.hours, "full time, daytime");
	CHECK_STR(f.start, "from 6 Sep 2027");
	CHECK_STR(f.distance, "0.4 miles away");
	CHECK_STR(f.pay_start, PLAN_NOT_APPLICABLE);
	CHECK_STR(f.growth, PLAN_NOT_APPLICABLE);

	/* Entry requirements, where the course gives them. */
	p.interest_count = 0;
	p.radius = MATCH_ANYWHERE;
	id = find_option(s, &p, OPTION_COURSE, "IT Support Technician Level 2 (study programme)");
	CHECK_INT(plan_facts(s, &p, OPTION_COURSE, id, &f), STATUS_OK);
	CHECK_STR(f.entry, "Three GCSEs at grade 3 or above.");
}

TEST(facts_vacancy)
{
	struct store *s = open_store();
	struct match_profile p;
	struct plan_facts f;
	long long id;

	if (!s)
		return;
	sample_profile(s, &p);
	id = find_option(s, &p, OPTION_VACANCY, "Junior Software Developer Apprentice");
	CHECK_INT(plan_facts(s, &p, OPTION_VACANCY, id, &f), STATUS_OK);
	check_shape(&f);
	CHECK_STR(f.what, "job with training");
	CHECK_STR(f.where, "Redbrick Digital Ltd, Doncaster");
	CHECK_STR(f.pay_start, "about \xC2\xA3" "327 a week (\xC2\xA3" "17,000 a year)");
	CHECK_STR(f.hours, "37.5 hours a week");
	CHECK_STR(f.level, "Level 3 (like A levels)");
	CHECK_STR(f.qualify, "18 months");
	CHECK_STR(f.start, "6 Sep 2027 (apply by 19 Mar 2027)");
	CHECK_STR(f.distance, "0.3 miles away");
	CHECK_STR(f.pay_experienced, PLAN_NOT_KNOWN);

	/* After its closing date it is still described, as closed. */
	p.today = (struct civil_date){ 2027, 4, 1 };
	CHECK_INT(plan_facts(s, &p, OPTION_VACANCY, id, &f), STATUS_OK);
	CHECK_STR(f.start, "closed on 19 Mar 2027");
}

TEST(facts_university_and_school)
{
	struct store *s = open_store();
	struct match_profile p;
	struct plan_facts f;
	long long id;

	if (!s)
		return;
	sample_profile(s, &p);
	id = find_option(s, &p, OPTION_UNIVERSITY, "Computing");
	CHECK_INT(plan_facts(s, &p, OPTION_UNIVERSITY, id, &f), STATUS_OK);
	check_shape(&f);
	CHECK_STR(f.what, "university course");
	CHECK_STR(f.qualify, "2 years");
	CHECK_STR(f.level, "Level 5 (higher technical)");
	CHECK_STR(f.start, "at 18 (from Sep 2029)");

	id = find_option(s, &p, OPTION_SCHOOL, "Hall Cross Academy");
	CHECK_INT(plan_facts(s, &p, OPTION_SCHOOL, id, &f), STATUS_OK);
	check_shape(&f);
	CHECK_STR(f.what, "sixth form");
	CHECK_STR(f.start, "from 1 Sep 2027");
	CHECK_STR(f.distance, "0.4 miles away");

	CHECK_INT(plan_facts(s, &p, OPTION_COURSE, 987654, &f), STATUS_NOT_FOUND);
	CHECK_STR(f.title, "");
	CHECK_STR(f.pay_start, PLAN_NOT_KNOWN);
}

/* Every option the sample store has for this pupil gives short, set facts. */
TEST(facts_every_option)
{
	struct store *s = open_store();
	struct match_profile p;
	struct match_list l;
	struct plan_facts f;
	char err[256];
	size_t i;

	if (!s)
		return;
	sample_profile(s, &p);
	p.interest_count = 0;
	p.show_not_for_age = 1;
	CHECK_INT(match_run(s, &p, &l, err, sizeof(err)), STATUS_OK);
	CHECK(l.count > 100);
	for (i = 0; i < l.count; i++) {
		CHECK_INT(plan_facts(s, &p, l.results[i].kind, l.results[i].id, &f), STATUS_OK);
		check_shape(&f);
	}
	match_list_done(&l);
	/* No place given: nothing is "near you", but start times still count. */
	p.place[0] = '\0';
	CHECK_INT(plan_facts(s, &p, OPTION_CAREER, 2134, &f), STATUS_OK);
	check_shape(&f);
	CHECK_STR(f.distance, PLAN_NOT_KNOWN);
	CHECK_CONTAINS(f.demand, "open vacanc");
	CHECK_NOT_CONTAINS(f.demand, "miles");
	/* A place the store does not know counts as none. */
	snprintf(p.place, sizeof(p.place), "ZZ9 9ZZ");
	CHECK_INT(plan_facts(s, &p, OPTION_CAREER, 2134, &f), STATUS_OK);
	CHECK_STR(f.distance, PLAN_NOT_KNOWN);
	CHECK_NOT_CONTAINS(f.demand, "miles");
	CHECK_STR(f.pay_experienced, "about \xC2\xA3" "870 a week (2025)");
}

/* An option still in the data that the session's search no longer finds. */
TEST(plan_item_not_matching)
{
	struct store *s = open_store();
	struct advice *a = xcalloc(1, sizeof(*a));
	struct match_profile any;
	long long id;
	char *md;

	if (!s) {
		free(a);
		return;
	}
	advice_init(a);
	snprintf(a->pupil, sizeof(a->pupil), "CD");
	sample_profile(s, &a->profile);
	any = a->profile;
	any.interest_count = 0;
	id = find_option(s, &any, OPTION_APPRENTICESHIP, "Painter and decorator");
	add_item(a, OPTION_APPRENTICESHIP, id, "Painter and decorator", 1);
	md = write_plan(s, a, PLAN_MARKDOWN);
	CHECK_CONTAINS(md, "### 1. Painter and decorator\n");
	CHECK_CONTAINS(md, "- **Why it was suggested:** it does not come up in your search now.");
	CHECK_CONTAINS(md, "| **Level** | Level 2 (like GCSEs at 9 to 4) |\n");
	free(md);
	free(a);
}

/* A Year 9 who likes animals: what to do now, before the rest. */
TEST(plan_year_9)
{
	struct store *s = open_store();
	struct advice *a = xcalloc(1, sizeof(*a));
	char *md;

	if (!s) {
		free(a);
		return;
	}
	sample_session(s, a);
	a->profile.school_year = 9;
	a->profile.interests[0] = 1;	/* animals */
	a->profile.interest_count = 1;
	md = write_plan(s, a, PLAN_MARKDOWN);
	CHECK_CONTAINS(md, "## What you can do now\n");
	CHECK_CONTAINS(md, "- **Animals, plants and the outdoors:** GCSE subjects that help: English; "
		       "Maths; Biology or Combined Science; Geography. Things to try now: volunteer");
	CHECK_CONTAINS(md, "- **At 16:** At 16 you can stay in school");
	CHECK(strstr(md, "## What you can do now") < strstr(md, "## About you"));
	free(md);
	a->profile.school_year = 11;
	md = write_plan(s, a, PLAN_MARKDOWN);
	CHECK_NOT_CONTAINS(md, "What you can do now");
	free(md);
	free(a);
}

/* The plan is the pupil's: the adviser's last search (words, kinds, level) plays no part. */
TEST(plan_not_the_last_search)
{
	struct store *s = open_store();
	struct advice *a = xcalloc(1, sizeof(*a));
	char *before, *after;

	if (!s) {
		free(a);
		return;
	}
	sample_session(s, a);
	before = write_plan(s, a, PLAN_MARKDOWN);
	snprintf(a->profile.text, sizeof(a->profile.text), "vet");
	a->profile.kinds = 1u << OPTION_COURSE;
	a->profile.level = 3;
	after = write_plan(s, a, PLAN_MARKDOWN);
	CHECK_NOT_CONTAINS(after, "Words searched for");
	CHECK_NOT_CONTAINS(after, "Only this level");
	CHECK_NOT_CONTAINS(after, "does not come up in your search now");
	CHECK_STR(after, before);
	free(before);
	free(after);
	free(a);
}

TEST(plan_markdown)
{
	struct store *s = open_store();
	struct advice *a = xcalloc(1, sizeof(*a));
	char *md;

	if (!s) {
		free(a);
		return;
	}
	sample_session(s, a);
	md = write_plan(s, a, PLAN_MARKDOWN);
	CHECK(strncmp(md, "# Your careers action plan\n", 27) == 0);
	CHECK_CONTAINS(md, "- **For:** JS 11B\n");
	CHECK_CONTAINS(md, "- **Session with your adviser:** 30 Nov 2026 (session 7)\n");
	CHECK_CONTAINS(md, "- **Last changed:** 2 Dec 2026\n");
	CHECK_CONTAINS(md, "SAMPLE data");
	/* About you: the district only, never the full postcode. */
	CHECK_CONTAINS(md, "- **School year:** Year 11\n");
	CHECK_CONTAINS(md, "Computers and digital, Engineering and making things");
	CHECK_CONTAINS(md, "- **Where:** near DN1, up to 10 miles away\n");
	CHECK_NOT_CONTAINS(md, "DN1 3BU");
	CHECK_NOT_CONTAINS(md, "Your quiz answers");
	/* The shortlist, with why each was suggested. */
	CHECK_CONTAINS(md, "### 1. Junior Software Developer Apprentice\n");
	CHECK_CONTAINS(md, "- **Where:** Redbrick Digital Ltd, Doncaster (0.3 miles away)\n");
	CHECK_CONTAINS(md, "  - Computers and digital: the Digital route\n");
	CHECK_CONTAINS(md, "  - 0.3 miles from your postcode\n");
	CHECK_CONTAINS(md, "  - apply by 19 Mar 2027\n");
	CHECK_CONTAINS(md, "- **Where:** with an employer (1 open vacancy within 10 miles)\n");
	CHECK_CONTAINS(md, "### 6. Games Design BTEC (closed)\n");
	CHECK_CONTAINS(md, "no longer in the careers information");
	/* The comparison: the four picked, not the university course. */
	CHECK_CONTAINS(md, "| **Pay when you start** | about \xC2\xA3" "327 a week (\xC2\xA3"
		       "17,000 a year) | \xC2\xA3" "327 a week | does not apply | ");
	CHECK_CONTAINS(md, "| **Cost to you** | no fees - you earn a wage | no fees - you earn "
		       "a wage | Free for young people aged 16 to 18 | no fees as an apprentice |");
	CHECK_NOT_CONTAINS(md, "| Computing |");
	/* Notes and actions, escaped. */
	CHECK_CONTAINS(md, "- **30 Nov 2026 at 14:05:** Likes \\<b\\>coding\\</b\\> & robots \\| "
		       "wants \"real\" work, isn't sure about A levels.  \n  \\- not a list  \n"
		       "  \\# not a heading  \n  1\\. not a number\n");
	CHECK_CONTAINS(md, "| Apply for the Junior Software Developer Apprentice job \\| ask school "
		       "for a reference | You | 1 Mar 2027 | to do |\n");
	/* Soonest first, anyone named; what has no date last. */
	CHECK_CONTAINS(md, "| Send the dates of the Doncaster College open evening | Your adviser "
		       "(Ms Patel) | 7 Dec 2026 | done |\n"
		       "| Send the work experience forms | Your school (Hall Cross Academy) | "
		       "8 Jan 2027 | to do |\n"
		       "| Go to the open evening with JS | Your parent or carer | 20 Jan 2027 | "
		       "to do |\n");
	CHECK_CONTAINS(md, "| Visit the Hall Cross sixth form | You | no date | no longer "
		       "relevant |\n\n");
	/* Who to ask, and when next; adviser-only notes stay out. */
	CHECK_CONTAINS(md, "- **School:** Hall Cross Academy\n");
	CHECK_CONTAINS(md, "- **Your adviser:** Ms Patel - careers@hallcross.example or "
		       "01302 000000\n");
	CHECK_CONTAINS(md, "- **Next meeting:** Tuesday 12 Jan 2027 at 10:30\n");
	CHECK_CONTAINS(md, "Mum can drive");
	CHECK_NOT_CONTAINS(md, "attendance record");
	CHECK(strstr(md, "## What happens next") < strstr(md, "## Your shortlist"));
	CHECK_CONTAINS(md, "## Appendix: where the information comes from");
	/* Sources, grouped, samples marked, licences once. */
	CHECK_CONTAINS(md, "- **ONS ASHE Table 14: pay and hours by occupation, SOC 2020 (workbook "
		       "sheet):** 2 files, dated 1 Nov 2026. SAMPLE - not real. Licence 1.\n");
	CHECK_CONTAINS(md, "**Licence 1:** Sample data written by the careers project");
	/* The real postcodes and published standards are not samples, under the OGL. */
	CHECK_CONTAINS(md, "**Licence 2:** Open Government Licence v3.0");
	check_golden("plan-sample.md", md);
	free(md);
	free(a);
}

TEST(plan_html)
{
	struct store *s = open_store();
	struct advice *a = xcalloc(1, sizeof(*a));
	char *html;

	if (!s) {
		free(a);
		return;
	}
	sample_session(s, a);
	html = write_plan(s, a, PLAN_HTML);
	CHECK(strncmp(html, "<!DOCTYPE html>\n", 16) == 0);
	CHECK_CONTAINS(html, "<meta name=\"viewport\" content=\"width=device-width, "
		       "initial-scale=1\">");
	CHECK_CONTAINS(html, "@media print");
	CHECK_CONTAINS(html, "@media screen and (max-width: 40rem)");
	CHECK_CONTAINS(html, "<h1>Your careers action plan</h1>");
	CHECK_CONTAINS(html, "<td data-label=\"Software development technician\">from 25 Jun "
		       "2027</td>");
	CHECK_CONTAINS(html, "<li>Computers and digital: the Digital route</li>");
	CHECK(strlen(html) > 6 && strcmp(html + strlen(html) - 8, "</html>\n") == 0);
	/* Self-contained: no scripts, nothing fetched. */
	CHECK_NOT_CONTAINS(html, "<script");
	CHECK_NOT_CONTAINS(html, "<link");
	CHECK_NOT_CONTAINS(html, "<img");
	CHECK_NOT_CONTAINS(html, "src=");
	CHECK_NOT_CONTAINS(html, "url(");
	CHECK_NOT_CONTAINS(html, "@import");
	/* Every text escaped. */
	CHECK_CONTAINS(html, "Likes &lt;b&gt;coding&lt;/b&gt; &amp; robots | wants "
		       "&quot;real&quot; work, isn&#39;t sure about A levels.<br>\n- not a list");
	CHECK_NOT_CONTAINS(html, "<b>coding");
	CHECK_NOT_CONTAINS(html, "DN1 3BU");
	check_golden("plan-sample.html", html);
	free(html);
	free(a);
}

/* What an adviser might type, and a title from the data, cannot break out. */
TEST(plan_escaping)
{
	struct store *s = open_store();
	struct advice *a = xcalloc(1, sizeof(*a));
	char *md, *html;

	if (!s) {
		free(a);
		return;
	}
	advice_init(a);
	snprintf(a->pupil, sizeof(a->pupil), "<script>alert('x')</script>");
	sample_profile(s, &a->profile);
	add_item(a, OPTION_COURSE, 987654, "</h3><img src=x onerror=alert(1)> | *bold*", 1);
	add_action(a, "cell | with\nline break\r\nand <tags>", OWNER_ADVISER, "", ACTION_TODO);
	snprintf(a->notes[0].text, sizeof(a->notes[0].text), "a & b &amp; `code` [link](x) _em_");
	a->notes[0].shared = 1;
	a->note_count = 1;
	html = write_plan(s, a, PLAN_HTML);
	CHECK_NOT_CONTAINS(html, "<script>");
	CHECK_NOT_CONTAINS(html, "<img");
	CHECK_CONTAINS(html, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;");
	CHECK_CONTAINS(html, "&lt;/h3&gt;&lt;img src=x onerror=alert(1)&gt; | *bold*");
	CHECK_CONTAINS(html, "<td data-label=\"What\">cell | with<br>\nline break<br>\nand "
		       "&lt;tags&gt;</td>");
	CHECK_CONTAINS(html, "a &amp; b &amp;amp; `code`");
	md = write_plan(s, a, PLAN_MARKDOWN);
	CHECK_CONTAINS(md, "- **For:** \\<script\\>alert('x')\\</script\\>\n");
	CHECK_CONTAINS(md, "### 1. \\</h3\\>\\<img src=x onerror=alert(1)\\> \\| \\*bold\\*\n");
	CHECK_CONTAINS(md, "| cell \\| with line break and \\<tags\\> | Your adviser | no date | "
		       "to do |\n");
	CHECK_CONTAINS(md, "- a & b \\&amp; \\`code\\` \\[link\\](x) \\_em\\_\n");
	free(md);
	free(html);
	free(a);
}

TEST(plan_empty_session)
{
	struct store *s = open_store();
	struct advice *a = xcalloc(1, sizeof(*a));
	char *md;

	if (!s) {
		free(a);
		return;
	}
	advice_init(a);
	snprintf(a->pupil, sizeof(a->pupil), "AB");
	a->profile.today = (struct civil_date){ 2026, 11, 30 };
	a->profile.school_year = 0;
	a->profile.age = 17;
	a->profile.has_riasec = 1;
	CHECK_INT(match_parse_riasec("IRC", a->profile.riasec, NULL, 0), STATUS_OK);
	md = write_plan(s, a, PLAN_MARKDOWN);
	CHECK_CONTAINS(md, "- **Session with your adviser:** not saved yet\n");
	CHECK_CONTAINS(md, "- **Age:** 17 (you have left school)\n");
	CHECK_CONTAINS(md, "- **What you are interested in:** nothing picked yet\n");
	CHECK_CONTAINS(md, "- **Your quiz answers:** you like investigating and solving problems; "
		       "practical, hands-on work; organising and keeping things in order\n");
	CHECK_CONTAINS(md, "- **Where:** no postcode given, so options anywhere\n");
	CHECK_CONTAINS(md, "Nothing is on your shortlist yet.");
	CHECK_CONTAINS(md, "You did not pick any options to compare side by side.");
	CHECK_CONTAINS(md, "No notes were shared with you.");
	CHECK_CONTAINS(md, "Nothing was agreed yet.");
	/* Data changed since the session. */
	a->data_fingerprint = store_fingerprint(s) + 1;
	free(md);
	md = write_plan(s, a, PLAN_MARKDOWN);
	CHECK_CONTAINS(md, "has been updated since this plan was started");
	free(md);
	free(a);
}

TEST(format_names)
{
	enum plan_format f = PLAN_HTML;

	CHECK_INT(plan_format_parse("md", &f), 0);
	CHECK_INT(f, PLAN_MARKDOWN);
	CHECK_INT(plan_format_parse("html", &f), 0);
	CHECK_INT(f, PLAN_HTML);
	CHECK_INT(plan_format_parse("markdown", &f), 0);
	CHECK_INT(plan_format_parse("pdf", &f), -1);
	CHECK_STR(plan_fact_label(PLAN_FACT_PAY_START), "Pay when you start");
	CHECK_STR(plan_fact_label(PLAN_FACT_COUNT), "?");
}

/* Run the careers binary; its exit status, stdout into out (may be NULL). */
static int run_careers(const char *args, struct strbuf *out)
{
	const char *bin = getenv("CAREERS_BIN");
	char cmd[2048], buf[4096];
	FILE *p;
	size_t n;
	int status;

	snprintf(cmd, sizeof(cmd), "'%s' %s 2>/dev/null", bin, args);
	p = popen(cmd, "r");
	if (!p)
		return -1;
	while ((n = fread(buf, 1, sizeof(buf), p)) > 0)
		if (out)
			strbuf_add(out, buf, n);
	status = pclose(p);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(cli_export)
{
	struct store *s = open_store();
	struct advice *a = xcalloc(1, sizeof(*a));
	const char *tmp = getenv("CAREERS_TEST_TMP"), *bin = getenv("CAREERS_BIN");
	struct records *r = NULL;
	struct strbuf got, args;
	char records_path[600], out_path[600], err[512], *want, *html;
	struct stat st;
	long long id;
	FILE *f;

	if (!s || !bin || access(bin, X_OK) != 0) {
		free(a);
		SKIP("no careers binary (CAREERS_BIN)");
	}
	snprintf(records_path, sizeof(records_path), "%s/plan-records.db", tmp ? tmp : "/tmp");
	snprintf(out_path, sizeof(out_path), "%s/plan-out.html", tmp ? tmp : "/tmp");
	unlink(records_path);
	unlink(out_path);
	sample_session(s, a);
	a->id = 0;
	CHECK_INT(records_open(records_path, 1, &r, err, sizeof(err)), STATUS_OK);
	if (!r) {
		free(a);
		return;
	}
	CHECK_INT(records_save(r, a), STATUS_OK);
	id = a->id;
	records_close(r);
	want = write_plan(s, a, PLAN_MARKDOWN);
	html = write_plan(s, a, PLAN_HTML);

	strbuf_init(&got);
	strbuf_init(&args);
	strbuf_printf(&args, "plan export --db '%s' --records '%s' --session %lld", test_store_path,
		      records_path, id);
	CHECK_INT(run_careers(args.buf, &got), 0);
	CHECK_STR(got.buf, want);

	strbuf_reset(&args);
	strbuf_printf(&args, "plan export --db='%s' --records='%s' --session=%lld --format html "
		      "--out '%s'", test_store_path, records_path, id, out_path);
	strbuf_reset(&got);
	CHECK_INT(run_careers(args.buf, &got), 0);
	CHECK_STR(got.buf, "");
	f = fopen(out_path, "r");
	CHECK(f != NULL);
	if (f) {
		strbuf_reset(&got);
		char buf[4096];
		size_t n;

		while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
			strbuf_add(&got, buf, n);
		fclose(f);
		CHECK_STR(got.buf, html);
		CHECK_INT(stat(out_path, &st), 0);
		CHECK_INT(st.st_mode & 0777, 0600);
	}

	/* Usage errors exit 2; a missing session or file exits 1. */
	CHECK_INT(run_careers("plan", NULL), 2);
	CHECK_INT(run_careers("plan export", NULL), 2);
	CHECK_INT(run_careers("plan export --session x", NULL), 2);
	CHECK_INT(run_careers("plan export --session 1 --format pdf", NULL), 2);
	CHECK_INT(run_careers("plan print --session 1", NULL), 2);
	strbuf_reset(&args);
	strbuf_printf(&args, "plan export --db '%s' --records '%s' --session 999", test_store_path,
		      records_path);
	CHECK_INT(run_careers(args.buf, NULL), 1);
	strbuf_reset(&args);
	strbuf_printf(&args, "plan export --db '%s' --records '%s/none.db' --session 1",
		      test_store_path, tmp ? tmp : "/tmp");
	CHECK_INT(run_careers(args.buf, NULL), 1);
	strbuf_done(&args);
	strbuf_done(&got);
	free(want);
	free(html);
	free(a);
}

static void close_store(void)
{
	store_close(store);
	store = NULL;
}

TEST(done)
{
	close_store();
}

TESTS(plan_year_9, plan_not_the_last_search, facts_career, facts_apprenticeship, facts_course, facts_vacancy, facts_university_and_school,
      facts_every_option, plan_item_not_matching, plan_markdown, plan_html, plan_escaping, plan_empty_session,
      format_names, cli_export, done)
