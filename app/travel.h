/*
 * travel.h - "could I get there by 9?": bus journeys for the learner filter and the screens.
 *
 * The learner filter (match.c) asks this module once per search for a
 * plan: from the learner's place, on a normal school day, arriving by a
 * time (09:00 unless asked otherwise), every journey at once (transit.h).
 * Each option is then one look-up: travel_plan_answer(), or the best of its
 * places (travel_answer_entry()). The screens ask for the journey of one
 * option leg by leg, and for the words.
 *
 * A normal school day is the first weekday on or after today that is not
 * a bank holiday in England (holidays.h), on which the timetables run
 * near the learner, and on which none of the services near them is taken
 * off by calendar_dates.txt (a school holiday, a strike): the day a pupil
 * would travel to start. Journeys are from the learner's postcode, or the
 * middle of their postcode district when that is all that is known (and
 * the plan's note says so).
 *
 * When the store has no timetable, or none covers the learner's area (no
 * stop within TRAVEL_COVER_METRES), or the timetables have run out, the
 * plan is NULL and its info says why in words for the learner: the search
 * then measures in miles as it always did.
 *
 * The timetable is read from the store once and kept with it; the last
 * plan is kept too (a learner types a search word by word: each search
 * asks for the same plan), and travel_forget() drops it when the learner
 * is wiped.
 */
#ifndef CAREERS_TRAVEL_H
#define CAREERS_TRAVEL_H

#include <stddef.h>

#include "geo.h"
#include "pack.h"
#include "schoolyear.h"
#include "status.h"
#include "store.h"
#include "transit.h"

#define TRAVEL_INFO(_) \
	_(NONE, "none") \
	_(BUS,  "bus")

enum travel_mode {
#define TRAVEL_ENUM(id, name) TRAVEL_##id,
	TRAVEL_INFO(TRAVEL_ENUM)
#undef TRAVEL_ENUM
};

#define TRAVEL_DEFAULT_ARRIVE_BY (9 * 60)
#define TRAVEL_COVER_METRES 5000	/* a timetable covers a place with a stop this near */
#define TRAVEL_LOOK_AHEAD_DAYS 56	/* how far ahead a normal school day is looked for */

/* What the learner asked (part of the learner's profile). */
struct travel_request {
	enum travel_mode mode;
	int within_minutes;		/* door to door at most; 0 for no limit */
	int arrive_by;			/* minutes after midnight */
	struct transit_settings settings;
};

void travel_request_init(struct travel_request *r);
const char *travel_mode_name(enum travel_mode m);
/* -1 when not a mode. */
int travel_mode_parse(const char *name);
/* "09:00" or "9:00" into minutes after midnight; -1 when not a time of day. */
int travel_parse_clock(const char *text);

/* One option's journey, in short (JSON "travel"). */
struct travel_answer {
	int applies;			/* the option is a place, and journeys were worked out */
	int found;			/* 0: no way there in time (JSON null) */
	int walk_only;			/* mode "walk" */
	int minutes, changes, walk_minutes;
	int depart, arrive;		/* minutes after midnight; depart < 0: the evening before */
};

/* What the plan was worked out for, and anything to tell the learner. */
struct travel_info {
	int asked;			/* the request was by bus */
	int used;			/* journeys were worked out (else: miles) */
	int approximate;		/* from the middle of a postcode district */
	struct civil_date day;		/* the normal school day */
	int arrive_by;			/* minutes after midnight */
	long valid_to;			/* date_days the timetables run to, or LONG_MIN */
	char day_words[40];		/* "Monday 7 December" */
	char note[300];			/* said to the learner, or "" */
};

struct travel_plan;

/*
 * The plan for journeys from `from` (label: what the learner gave, "DN1
 * 3BU" or "DN1"; approximate when it is a district's middle) starting on
 * or after today. *out is NULL when there is no plan (info says why).
 * Errors are the store's; a damaged timetable is a note, not an error.
 */
enum status travel_plan_get(struct store *s, const struct travel_request *req,
			    struct geo_point from, int approximate, const char *label,
			    struct civil_date today, const struct travel_plan **out,
			    struct travel_info *info);
/* Forget the last plan (the learner's place) kept with the store. */
void travel_forget(struct store *s);
/* Does the store have a timetable at all? (Reads only its size.) */
int travel_available(struct store *s);
/* What the store's timetable holds (*present 0 when it has none, or it is damaged). */
enum status travel_timetable_summary(struct store *s, struct transit_summary *out, int *present);

void travel_plan_answer(const struct travel_plan *p, double lat, double lon,
			struct travel_answer *out);
/*
 * An option at one place or several (an entry of pack): the best of its
 * places (latest departure, then quickest) in *out, and that place in
 * *where (NULL: not wanted). *out is all zero when the option has no place.
 */
void travel_plan_entry(const struct travel_plan *p, const struct pack *pack,
		       const struct pack_entry *e, struct travel_answer *out,
		       struct geo_point *where);
/* The journey to lat/lon leg by leg; returns how many (0: none). */
int travel_plan_journey(const struct travel_plan *p, double lat, double lon,
			struct transit_leg *legs, int max);

/* --- words ---------------------------------------------------------------------------- */

/* "08:10" (a time the evening before reads as itself: "23:50"). */
void travel_clock(int minutes, char out[8]);
/* "9", "8:30": a time as a pupil says it in "no bus before 9". */
void travel_clock_short(int minutes, char out[8]);
/* "about 30 min by bus", "12 min walk", "no bus before 9" */
void travel_brief(const struct travel_answer *a, int arrive_by, char *out, size_t len);
/* "30 min by bus: leave 08:05, there 08:35, 1 change" */
void travel_summary(const struct travel_answer *a, int arrive_by, char *out, size_t len);
/* "walk 2 min to De Warenne Academy stop, X78 at 08:10, 25 min, walk 1 min" */
void travel_journey_words(const struct transit_leg *legs, int n, char *out, size_t len);

#endif
