/*
 * advice.h - one adviser session with a pupil, as plain data.
 *
 * What an adviser and a pupil worked out together: who the pupil is (only
 * what the adviser typed: initials or a school reference, never a name
 * the program asks for), the learner profile the search used, the
 * shortlist with the options picked for comparison, notes, and the
 * actions agreed (who does what by when). records.c saves and loads it;
 * plan.c turns it into the action plan the pupil keeps; the adviser
 * screens edit it.
 *
 * Ownership: strings are fixed-size arrays, so a struct advice can be
 * copied, zeroed and wiped with memset; lists are bounded.
 */
#ifndef CAREERS_ADVICE_H
#define CAREERS_ADVICE_H

#include <stddef.h>

#include "match.h"

#define ADVICE_PUPIL_MAX 64
#define ADVICE_ITEMS_MAX 24
#define ADVICE_NOTES_MAX 32
#define ADVICE_ACTIONS_MAX 32
#define ADVICE_TEXT_MAX 600
#define ADVICE_COMPARE_MAX 4
#define ADVICE_NAME_MAX 64		/* the adviser's name, the school */
#define ADVICE_CONTACT_MAX 128		/* how to reach the adviser */
#define ADVICE_CODE_MAX 208		/* a take-away code (HANDOVER_CODE_SIZE fits) */

/* An owner of an action, and an action's status: id, stored word, words on screen. */
#define ACTION_OWNER_INFO(_) \
	_(PUPIL,    "pupil",    "the pupil") \
	_(PARENT,   "parent",   "a parent or carer") \
	_(ADVISER,  "adviser",  "the adviser") \
	_(SCHOOL,   "school",   "the school") \
	_(EMPLOYER, "employer", "the employer")

enum action_owner {
#define OWNER_ENUM(id, word, words) OWNER_##id,
	ACTION_OWNER_INFO(OWNER_ENUM)
#undef OWNER_ENUM
};

#define ACTION_STATUS_INFO(_) \
	_(TODO,       "to do",              "to do") \
	_(DONE,       "done",               "done") \
	_(NO_LONGER,  "no longer relevant", "no longer relevant")

enum action_status {
#define STATUS_ENUM(id, word, words) ACTION_##id,
	ACTION_STATUS_INFO(STATUS_ENUM)
#undef STATUS_ENUM
};

struct advice_item {
	enum option_kind kind;
	long long id;			/* store row id */
	char title[160];		/* as it was when chosen, in case the data changes */
	int compare;			/* picked for the side-by-side comparison */
};

struct advice_note {
	char text[ADVICE_TEXT_MAX];
	char written[20];		/* "YYYY-MM-DD HH:MM", local time */
	int shared;			/* shared with the pupil (in the plan); 0: adviser only */
};

struct advice_action {
	char text[ADVICE_TEXT_MAX];
	enum action_owner owner;
	char due[11];			/* "YYYY-MM-DD", or "" for no date */
	enum action_status status;
};

struct advice {
	long long id;			/* 0 until first saved */
	long long version;		/* the saved version it was loaded or saved as (records.c) */
	char pupil[ADVICE_PUPIL_MAX];	/* initials or a school reference */
	char created[20], updated[20];	/* "YYYY-MM-DD HH:MM" */
	unsigned data_fingerprint;	/* store_fingerprint() when the session was made */
	/* For the family reading the plan alone: who to ask, and when next. */
	char adviser[ADVICE_NAME_MAX];	/* the adviser's name, "" when not given */
	char contact[ADVICE_CONTACT_MAX];	/* how to reach them: email, phone, room */
	char school[ADVICE_NAME_MAX];	/* the pupil's school or college */
	char next_meeting[17];		/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM"; "" for none */
	char kiosk_code[ADVICE_CODE_MAX];	/* the take-away code it began from, as the
					 * encoder writes it; "" when none */
	struct match_profile profile;	/* school year or age, interests, RIASEC, place, radius, ... */
	struct advice_item items[ADVICE_ITEMS_MAX];
	int item_count;
	struct advice_note notes[ADVICE_NOTES_MAX];
	int note_count;
	struct advice_action actions[ADVICE_ACTIONS_MAX];
	int action_count;
};

/* An empty session (profile as match_profile_init, no pupil). */
void advice_init(struct advice *a);

/*
 * Two windows saved one session: merge `ours` (being saved) into `theirs`
 * (what is saved now) so that nothing either wrote is lost. The pupil, the
 * profile, the data fingerprint, the adviser's name and contact, the
 * school and the next meeting are ours. The shortlist is ours, then
 * the options only theirs has. Notes are theirs, then ours that theirs
 * does not have (the same text written at the same time is one note,
 * shared as ours says).
 * Actions are theirs, an action both have (same text, owner and due date)
 * taking our status, then ours that theirs does not have. Something one
 * window deleted may come back; nothing is dropped. 1 when merged; 0 when
 * the two together hold more than a session can (theirs is then as it
 * was, and why says what did not fit).
 */
int advice_merge(struct advice *theirs, const struct advice *ours, char *why, size_t whylen);

/* Words for owners and statuses; parse returns -1 when unknown. */
const char *advice_owner_word(enum action_owner o);
const char *advice_owner_words(enum action_owner o);
int advice_owner_parse(const char *word);
const char *advice_status_word(enum action_status s);
int advice_status_parse(const char *word);

#endif
