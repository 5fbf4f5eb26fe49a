/*
 * match.h - the learner filter: a learner profile in, ranked and explained options out.
 *
 * match_run() looks at every option of the kinds wanted that could fit
 * (inside the travel radius, matching the free text, at the level wanted)
 * in the store's option index (pack.h), decides for each one whether and
 * when this learner could start it (schoolyear.h) and how well it fits
 * their interests, ranks them, and for the ones it keeps reads the rest
 * from the store and says why - in short plain-language reasons computed
 * from the data. The same function serves `careers search`, the kiosk and
 * the adviser screens.
 *
 * Options the learner is too young or too old for are left out unless
 * show_not_for_age is set; they then carry AVAILABLE_NOT_FOR_AGE and a
 * reason saying why. Age limits hold for every start, flexible and unknown
 * ones too: 19+ is never offered to someone under 19 at the start, and an
 * 18+ option is "at 18" for those younger. Vacancies past their closing
 * date and standards closed to new starters are never shown; a vacancy
 * that starts (or, with no start date, closes) before the learner may
 * start an apprenticeship is not an option for them and is only counted
 * (match_list.for_later). Entry that needs a qualification or a job the
 * learner cannot have yet (match_result.needs_first) is marked with a
 * reason and ranked below everything they can take.
 */
#ifndef CAREERS_MATCH_H
#define CAREERS_MATCH_H

#include <stddef.h>
#include <stdint.h>

#include "geo.h"
#include "model.h"
#include "schoolyear.h"
#include "status.h"
#include "store.h"
#include "travel.h"

#define MATCH_MAX_INTERESTS 16
#define MATCH_MAX_REASONS 8
#define MATCH_MAX_EXCLUDED 256
#define MATCH_ANYWHERE (-1.0)

/* id, name used in JSON/CSV, words used on screen */
#define AVAILABILITY_INFO(_) \
	_(NOW,         "now",         "you can start now") \
	_(FROM,        "from-date",   "from a date") \
	_(AT_18,       "at-18",       "at 18") \
	_(NOT_FOR_AGE, "not-for-age", "not for your age")

enum availability {
#define AVAILABILITY_ENUM(id, name, words) AVAILABLE_##id,
	AVAILABILITY_INFO(AVAILABILITY_ENUM)
#undef AVAILABILITY_ENUM
};

#define SORT_INFO(_) \
	_(RELEVANCE, "relevance") \
	_(DISTANCE,  "distance") \
	_(START,     "start") \
	_(PAY,       "pay") \
	_(TRAVEL,    "travel")

enum match_sort {
#define SORT_ENUM(id, name) SORT_##id,
	SORT_INFO(SORT_ENUM)
#undef SORT_ENUM
};

struct match_exclusion {
	enum option_kind kind;
	long long id;
};

struct match_profile {
	int school_year;		/* 7-13, or 0 for someone who has left school */
	int age;			/* 16-25 when school_year is 0 */
	struct civil_date today;
	long long interests[MATCH_MAX_INTERESTS];	/* interest area ids */
	int interest_count;
	double riasec[6];		/* 0-1 per R I A S E C, when has_riasec */
	int has_riasec;
	char place[9];			/* canonical postcode or district, "" for none */
	int place_is_full;
	double radius;			/* miles; MATCH_ANYWHERE for no limit */
	double level;			/* NAN for any */
	unsigned kinds;			/* bit (1u << option_kind); 0 = every kind */
	char text[160];			/* free text, "" for none */
	struct match_exclusion excluded[MATCH_MAX_EXCLUDED];	/* "not for me" */
	int excluded_count;
	int show_not_for_age;
	enum match_sort sort;
	int limit;			/* 0: no limit */
	int per_kind;			/* at most this many of each kind; 0: no limit */
	struct travel_request travel;	/* by bus: journeys as well as miles (travel.h) */
	int explain_later;		/* match_run: results are explained (reasons, where,
					   summary...) by match_explain() when first shown */
};

/* Fill a profile with the defaults: Year 11, today, 10 miles, all kinds. */
void match_profile_init(struct match_profile *p);

/* How each part of the score came out, for --explain. */
struct match_fit {
	double interest, distance, level, timing;
};

struct match_result {
	enum option_kind kind;
	long long id;
	char *ref, *title, *where, *summary, *url;	/* owned; "" when none */
	double distance;		/* miles, NAN when not a place or no location given */
	double level;			/* NAN when unknown */
	char starts[11];		/* ISO date the option starts, "" when not known */
	char closes[11];		/* vacancies: closing date */
	enum availability availability;
	char available_from[11];	/* for FROM and AT_18 */
	int starts_too_early;		/* a vacancy that starts before the learner may */
	int needs_first;		/* entry needs what the learner cannot have yet (a top-up
					   degree, managing a team, a third year of sixth form):
					   a reason says what; ranked below what they can take */
	double pay_per_week;		/* pounds; NAN when unknown */
	double score;			/* 0-100 */
	struct match_fit fit;
	char *reasons[MATCH_MAX_REASONS];	/* owned */
	int reason_count;
	char brief[64];			/* the main reason in a few words, for a list row */
	struct travel_answer travel;	/* by bus (when the search was): the journey */
};

struct match_place {
	int given;			/* the profile named a place */
	int found;
	int approximate;		/* a full postcode not known: its district was used */
	struct geo_point point;
	char label[9];			/* what distances are measured from, e.g. "DN1" */
	char note[200];			/* said to the learner when approximate or unknown */
};

struct match_list {
	struct match_result *results;	/* ranked, at most profile.limit */
	size_t count, alloc;
	size_t total;			/* matches before the limit */
	size_t total_by_kind[OPTION_KIND_COUNT];
	size_t hidden_not_for_age;	/* left out for age */
	size_t for_later;		/* jobs left out because they start, or close, before
					   the learner may start one: "jobs like these, for later" */
	struct match_place place;
	struct learner_stage stage;
	struct travel_info travel;	/* by bus: what the journeys were worked out for */
	char text_note[200];		/* free text put right: "\"electrision\" is in no title
					   here: showing \"electrician\"", else "" */
	struct match_later *later;	/* profile.explain_later: what explaining a row needs */
};

/*
 * Run the filter. STATUS_OK with *out filled (free with match_list_done);
 * STATUS_INVALID when the profile cannot be (a bad school year or age) or
 * STATUS_NOT_FOUND when the place is unknown even as a district, with a
 * message in err; other errors come from the store.
 */
enum status match_run(struct store *s, const struct match_profile *p, struct match_list *out,
		      char *err, size_t errlen);
void match_list_done(struct match_list *l);

/*
 * Result i, explained. With profile.explain_later a row of match_run's
 * list has only its kind, id and title until then (a kiosk list keeps the
 * best 50 of each kind, a screen shows eight): explaining reads its row
 * from the store and writes its reasons, as match_run would have. Without,
 * it is &l->results[i]. The store must be the one the list came from.
 */
const struct match_result *match_explain(struct match_list *l, size_t i);

/*
 * A search looks at the options on two threads when the kinds wanted have
 * at least this many (default 20000); the result is the same either way.
 * For tests and benchmarks.
 */
void match_set_split(size_t entries);
/*
 * A search with no radius scores in full only the options that could still
 * enter the best kept (1, the default); 0 scores every option, as a check
 * that pruning changes no result. For tests and benchmarks.
 */
void match_set_pruning(int on);
/* How many options the last match_run() of this process left unscored by pruning (tests). */
size_t match_last_pruned(void);

/*
 * The same filter, looking only at the options listed (for reports on a
 * shortlist): those that pass come back ranked and explained, the rest do
 * not come back. The profile's limit and per_kind are ignored.
 */
enum status match_these(struct store *s, const struct match_profile *p,
			const struct match_exclusion *items, int count, struct match_list *out,
			char *err, size_t errlen);

/*
 * Options linked to one option, near the learner: for a career, the
 * apprenticeships, courses, university courses and vacancies that lead to
 * it; for an apprenticeship standard, its vacancies and the careers it
 * leads to. Ranked like match_run, at most `per_kind` of each kind.
 */
enum status match_links(struct store *s, const struct match_profile *p, enum option_kind kind,
			long long id, int per_kind, struct match_list *out, char *err,
			size_t errlen);

/*
 * By bus (p->travel): the journey to one option, leg by leg, to the best of
 * its places; *answer gets its summary and *info what the journeys were
 * worked out for (or why there are none). Returns the legs written (0: no
 * journey, or travel by bus not possible; info->note says why).
 */
int match_journey(struct store *s, const struct match_profile *p, enum option_kind kind,
		  long long id, struct transit_leg *legs, int max, struct travel_answer *answer,
		  struct travel_info *info);

/* --- interests ----------------------------------------------------------- */

struct match_interest {
	long long id;
	char slug[32], name[64], examples[128], riasec[8];
};

/* All interest areas, in order. Returns how many were written (<= max). */
size_t match_interests(struct store *s, struct match_interest *out, size_t max);

/*
 * Find an interest area by slug, name or an unambiguous start of either
 * ("dig", "Computers"). STATUS_NOT_FOUND if none, STATUS_INVALID if several.
 */
enum status match_find_interest(struct store *s, const char *words, long long *id);

/*
 * A RIASEC code ("SAI": one to six distinct letters, strongest first) or
 * six scores in R I A S E C order ("5,3,1,4,2,2"; any scale) into 0-1
 * weights. STATUS_INVALID with a message otherwise.
 */
enum status match_parse_riasec(const char *text, double out[6], char *why, size_t whylen);

/*
 * The curated interest map (data/interests.map, embedded when careers is
 * built): how well an option sits in the interest area with this slug - 1
 * by its code (a career's SOC unit group, a named standard or its route, a
 * course's subject area or HECOS subject), 0.9 for an apprenticeship in a
 * listed subject area or a course with one of the area's words in its
 * title, 0.6 for a course with one only in its (broad) subject, 0.7 for a standard or
 * vacancy with one in its title; 0 when not in it. -1 when the map has no
 * area with that slug (then the store's own interest rows decide). title
 * and subject are the option's, lower case (NULL when none); why, when not
 * NULL, gets the link in words ("SOC 6135 Care workers and home carers",
 * "the Care services route", "\"nursing\" in its title").
 */
double match_interest_fit(const char *slug, const struct store_option *o, const char *title,
			  const char *subject, char *why, size_t whylen);
/* Is phrase in lower-case text as whole words (a plural "s" allowed)? */
int match_has_phrase(const char *text, const char *phrase);

/*
 * Is one of phrases[0..n) in lower-case text as whole words (as
 * match_has_phrase)? Quicker than asking of each: a phrase is looked for
 * only where a word of the text starts as it does.
 */
int match_has_any_phrase(const char *text, char *const *phrases, int n);
/* STATUS_INVALID with the line of data/interests.map that could not be read. */
enum status match_interest_map_check(char *why, size_t whylen);
/* A fingerprint of the map, so an option index made with another map is worked out again. */
uint64_t match_interest_map_hash(void);

/* "practical, hands-on work" etc. for a RIASEC letter index 0-5. */
const char *match_riasec_words(int letter);

const char *match_kind_name(enum option_kind kind);
/* One of a kind in plain words: "sixth form or college", "job with training". */
const char *match_kind_words(enum option_kind kind);
const char *match_kind_heading(enum option_kind kind);
/* Parse a kind name; -1 if unknown. */
int match_kind_parse(const char *name);
const char *match_availability_name(enum availability a);
const char *match_sort_name(enum match_sort s);
int match_sort_parse(const char *name);

#endif
