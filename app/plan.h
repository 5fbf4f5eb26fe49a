/*
 * plan.h - the pupil's action plan, and the facts that compare options.
 *
 * Two things an adviser session (advice.h) turns into words for a pupil:
 *
 *   plan_facts()	the same short facts for any option - pay, hours,
 *			level, how long it takes, cost, distance, start,
 *			jobs - so 2 to 4 options can be shown side by side
 *			(the adviser's compare screen and the plan's table);
 *   plan_write()	the action plan the pupil keeps, as Markdown or as
 *			one self-contained HTML page (print it, or open it on
 *			a phone): who they are, their shortlist and why each
 *			option was suggested, the comparison, the notes, what
 *			was agreed, and where the information comes from.
 *
 * Everything is worked out from the store when called, so a plan written
 * today uses today's data; the titles saved in the session are only used
 * for options that are no longer in the data.
 *
 * How each fact is worked out. Every string is plain words, at most
 * PLAN_FACT_SHORT (40) characters except entry requirements. "not known"
 * means the fact applies but the data has nothing; "does not apply"
 * means it makes no sense for that kind of option (the pay of a course).
 * "Near you" is the session's place and travel radius; with no place,
 * it is anywhere.
 *
 *   career (SOC occupation)
 *	pay_start	  the wages of open apprenticeship vacancies near you
 *			  that lead to it (match_links), lowest to highest
 *	pay_experienced	  the latest ASHE median weekly pay (store_figures
 *			  "weekly_pay") with its year: what people in the job
 *			  typically earn, most of them past their training;
 *			  "similar jobs" when the figure is for the wider
 *			  SOC group
 *	hours		  the latest ASHE weekly hours ("weekly_hours")
 *	level, qualify	  the levels and lengths of the apprenticeship
 *			  standards that lead to it (those open to starters)
 *	cost		  "no fees as an apprentice" when a standard leads
 *			  to it (apprentices never pay for their training)
 *	distance	  the nearest way in near you (vacancy, course or
 *			  university course), from match_links
 *	start		  the soonest of those ways in the pupil could start
 *	demand		  how many open vacancies near you lead to it
 *	growth		  the Working Futures projection ("employment"):
 *			  the change from this year (or the nearest year
 *			  projected) to the last year projected, UK-wide
 *	entry		  the occupation's entry routes
 *   apprenticeship (standard)
 *	pay_start	  the wages of its open vacancies near you
 *	pay_experienced	  the ASHE pay of the careers it leads to
 *	hours		  the hours of its open vacancies near you
 *	level, qualify	  its level and typical length in months
 *	cost		  "no fees - you earn a wage"
 *	distance, demand  its nearest open vacancy and how many are near you
 *	start		  when this pupil could start one (match_run)
 *	growth		  the projection of the first career it leads to
 *			  (SOC order) that has one
 *   course, university course
 *	hours		  full or part time, and daytime/evening when known
 *	level, qualify	  its level and duration
 *	cost		  the cost as the provider words it when short,
 *			  else the cost in pounds ("free" for £0)
 *	distance, start	  from the pupil's place; the start they could join
 *	travel		  by bus from the pupil's place, there by the time the
 *			  session says (9:00) on a normal school day (travel.h):
 *			  "32 min by bus, leave 08:05", "no bus before 9"; not
 *			  known where no timetable covers the place
 *	entry		  the entry requirements
 *	pay, demand, growth  do not apply
 *   vacancy (job with training)
 *	pay_start	  its wage as a weekly figure, and as advertised
 *	hours		  hours a week, else the working week as written
 *	level, qualify	  its level and how long the training takes
 *	cost		  "no fees - you earn a wage"
 *	start		  its start date and closing date ("closed on ..."
 *			  once closed; "too soon for you" when it starts
 *			  before the pupil may leave school)
 *	entry		  the qualifications the employer asks for
 *	pay_experienced, growth  not known (a vacancy names no occupation)
 *   sixth form or college
 *	distance, start	  from match_run; travel as for courses; the rest is
 *			  not in the data
 *   careers and apprenticeships are not places: their travel does not apply
 *
 * "When you could start" always comes from the learner filter
 * (match_run with this option's kind, no interests and no radius), so it
 * uses the same school-year rules as every other screen.
 */
#ifndef CAREERS_PLAN_H
#define CAREERS_PLAN_H

#include <stddef.h>

#include "advice.h"
#include "mem.h"
#include "model.h"
#include "status.h"
#include "store.h"

#define PLAN_FACT_SHORT 40		/* characters shown for every fact but entry */
#define PLAN_FACT_LEN 168		/* bytes: room for 40 characters of any UTF-8 */
#define PLAN_ENTRY_LEN 1200

#define PLAN_NOT_KNOWN "not known"
#define PLAN_NOT_APPLICABLE "does not apply"

/* id, field of struct plan_facts, label on screen */
#define PLAN_FACT_INFO(_) \
	_(WHAT,            what,            "What it is") \
	_(PAY_START,       pay_start,       "Pay when you start") \
	_(PAY_EXPERIENCED, pay_experienced, "Pay with experience") \
	_(HOURS,           hours,           "Hours") \
	_(LEVEL,           level,           "Level") \
	_(QUALIFY,         qualify,         "How long it takes") \
	_(COST,            cost,            "Cost to you") \
	_(DISTANCE,        distance,        "How far away") \
	_(TRAVEL,          travel,          "Getting there by bus") \
	_(START,           start,           "When you could start") \
	_(DEMAND,          demand,          "Vacancies near you") \
	_(GROWTH,          growth,          "Jobs in the future") \
	_(ENTRY,           entry,           "What you need to get in")

enum plan_fact {
#define PLAN_FACT_ENUM(id, field, label) PLAN_FACT_##id,
	PLAN_FACT_INFO(PLAN_FACT_ENUM)
#undef PLAN_FACT_ENUM
	PLAN_FACT_COUNT
};

struct plan_facts {
	enum option_kind kind;
	long long id;
	char title[160];		/* as the data has it now */
	char where[160];		/* provider or employer and town; "" when not a place */
	char what[PLAN_FACT_LEN];
	char pay_start[PLAN_FACT_LEN];
	char pay_experienced[PLAN_FACT_LEN];
	char hours[PLAN_FACT_LEN];
	char level[PLAN_FACT_LEN];
	char qualify[PLAN_FACT_LEN];
	char cost[PLAN_FACT_LEN];
	char distance[PLAN_FACT_LEN];
	char travel[PLAN_FACT_LEN];
	char start[PLAN_FACT_LEN];
	char demand[PLAN_FACT_LEN];
	char growth[PLAN_FACT_LEN];
	char entry[PLAN_ENTRY_LEN];
};

/*
 * The facts of one option for the learner in p (their place, radius,
 * school year and today). STATUS_OK with *out filled; STATUS_NOT_FOUND
 * when the option is not in the store (out then says "not known"
 * throughout, with an empty title); a store error otherwise
 * (store_errmsg() has the detail).
 */
enum status plan_facts(struct store *s, const struct match_profile *p, enum option_kind kind,
		       long long id, struct plan_facts *out);

/* The label of a fact ("Pay when you start"), and its text in facts. */
const char *plan_fact_label(enum plan_fact f);
const char *plan_fact_text(const struct plan_facts *facts, enum plan_fact f);

enum plan_format {
	PLAN_MARKDOWN,
	PLAN_HTML,
};

/*
 * Append session a's action plan to out. Markdown escapes what would
 * change its meaning (| and line breaks in table cells, markup
 * characters in typed text); HTML is one page with inline CSS, no
 * scripts and nothing fetched, every text escaped. Only the postcode
 * district of the pupil's place is written ("DN1"), and distances say
 * "from your postcode".
 *
 * STATUS_OK on success. On a store error, the error is returned with a
 * message in err and out holds whatever was written so far.
 */
enum status plan_write(struct store *s, const struct advice *a, enum plan_format format,
		       struct strbuf *out, char *err, size_t errlen);

/* "md" or "markdown", "html": 0 on success, -1 when unknown. */
int plan_format_parse(const char *name, enum plan_format *out);

#endif
