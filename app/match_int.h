/*
 * match_int.h - what the learner filter's files share (not for use outside app/match*.c).
 *
 * The filter is one idea split along four lines, like SQLite's where*.c:
 *
 *   match.c           setting up a run, scanning the option index, the entry points
 *   match_rules.c     eligibility: when (and whether) this learner could start an option
 *   match_interest.c  interest areas and the RIASEC quiz: how well an option fits
 *   match_score.c     the other fits, the score, ranking and the reasons for the kept ones
 *   match_text.c      free text: the store's word index and how well a title answers it
 *
 * A run (struct run) carries the learner, the packed options and what the
 * scan keeps; each file reads it and adds its part of the fit and reasons.
 */
#ifndef CAREERS_MATCH_INT_H
#define CAREERS_MATCH_INT_H

#include <stdint.h>

#include "match.h"
#include "pack.h"

/* When a learner could start an option, decided once for each pack_when. */
struct timing {
	signed char known;
	unsigned char availability;	/* enum availability */
	unsigned char too_early;	/* a vacancy that starts before they may */
	unsigned char has_from;		/* from is the date for FROM and AT_18 */
	unsigned char for_later;	/* a job they cannot take yet: not ranked, counted */
	unsigned char needs_first;	/* entry needs what they cannot have yet: ranked down */
	double fit;			/* -1: never shown */
	struct civil_date from;
	long earliest;			/* vacancies: date_days() of the first day they may start */
};

/* An option that passed, with what ranking needs; explained only if kept. */
struct hit {
	const struct pack_entry *e;
	double score, distance;
	int32_t start_key;		/* day they could start, INT32_MIN now, INT32_MAX unknown */
	int travel_minutes;		/* for SORT_TRAVEL: by bus, INT_MAX when no journey */
	float level_fit;		/* for ties: how well the level suits their next step */
	float interest_fit;		/* for mixing: Years 7-9 see careers on their interests first */
	unsigned char kind;
	unsigned char tie;		/* enum match_tie: what put it above the next, same score */
	const struct pack_entry *twin;	/* the same option in another row, collapsed into it */
};

/* What decides between two options of the same score, in this order (match_score.c). */
enum match_tie {
	TIE_NONE,
	TIE_LEVEL,
	TIE_NEARER,
	TIE_SOONER,
	TIE_PAY,
	TIE_WAYS,		/* a career with more ways in, a shorter apprenticeship */
	TIE_NAME,		/* nothing a learner would care about: the alphabet */
};

/* The best hits of one kind so far: all of them, or the best `cap` in a heap. */
struct heap {
	struct hit *hits;
	size_t count, alloc, cap;	/* cap 0: keep all */
};

/* What a scan keeps and counts: one per thread scanning. */
struct tally {
	struct heap heaps[OPTION_KIND_COUNT];
	struct timing *timings;			/* per pack_when, worked out on first use */
	size_t total, total_by_kind[OPTION_KIND_COUNT], hidden_not_for_age, for_later;
	size_t pruned;				/* options not scored in full (match_last_pruned) */
};

/*
 * A career's courses that share a word of its title (the first four
 * letters: "nurs" for nurses and nursing) come first in its links, this
 * far ahead in score: more than distance can make up within any radius.
 */
#define LINK_STEMS 6
#define LINK_CLOSE_BONUS 30

/* A word the learner typed (alts[0]) and what else it may be called (match_text.c). */
#define TEXT_WORDS 8
#define TEXT_ALTS 6
struct text_word {
	char alts[TEXT_ALTS][48];	/* lower case; an alternative may be several words */
	int alt_count;
	int start_only;			/* alts[0] taken as a start: 0 not asked yet, 1 yes, 2 no */
};

struct run {
	struct store *store;
	const struct pack *pack;
	const struct match_profile *p;
	struct match_list *out;
	int explain;				/* reasons wanted (else only the fits) */
	int chosen[PACK_MAX_AREAS];		/* indexes into pack->areas */
	int chosen_count;
	double affinity[PACK_MAX_AREAS];	/* each area's overlap with the quiz */
	int learner_letters[3];			/* strongest RIASEC letters, -1 when fewer */
	int use_place, use_box;
	int prune;				/* no radius: options that cannot enter a full
						   heap are only counted (match.c could_enter) */
	int counted_apart;			/* the kind being scanned was counted from its
						   facts (match.c count_apart): count nothing */
	struct geo_point place;
	double cos_place, radius;
	double min_lat, max_lat, min_lon, max_lon;
	long today_days;
	unsigned char *text_hits[OPTION_KIND_COUNT];	/* per entry, when there is text */
	int has_text;
	struct text_word words[TEXT_WORDS];	/* the learner's words, when has_text */
	int word_count;
	struct match_exclusion *excluded;	/* sorted copy */
	struct tally own, *tally;		/* tally is &own but in a helper thread's copy */
	long long linked_soc;			/* match_links: career being linked */
	int link_filter_keywords;		/* university courses linked by keywords */
	int link_areas[PACK_MAX_AREAS];
	int link_area_count;
	char link_stems[LINK_STEMS][5];		/* the career's title words, first 4 letters */
	int link_stem_count;
	const struct travel_plan *travel;	/* by bus: every journey from the learner's place */
	char link_why[PACK_MAX_AREAS][112];	/* explaining: what puts the option in each
						   chosen area, in words ("" when unknown) */
	int later;				/* explain the kept ones when shown (match_explain) */
	struct hit *kept;			/* then: the kept ones, in the list's order */
};

/* A list's run kept for explaining its rows when shown (profile.explain_later). */
struct match_later {
	struct run run;
	struct match_profile p;			/* run.p points here */
	unsigned char *done;			/* per row: explained */
	size_t count;
};

/* One option being looked at: its packed facts. */
struct cand {
	enum option_kind kind;
	const struct pack_entry *e;
	const struct pack_when *w;
	const double *riasec;		/* careers */
	const char *title;
};

/* match.c */
struct cand match_make_cand(const struct run *run, enum option_kind kind,
			    const struct pack_entry *e);
int match_travel_part(const struct run *run, const struct pack_entry *e,
		      struct travel_answer *out);

/* match_rules.c: the timing for an option, shared, or (explaining) with its words. */
void match_timing_part(struct run *run, const struct cand *c, struct match_result *r,
		       struct timing *out);
/* The shared timing of pack_when number `when` (what match_timing_part starts from). */
void match_timing_work_out(struct run *run, uint32_t when);
static inline const struct timing *match_timing_of(struct run *run, uint32_t when)
{
	const struct timing *t = &run->tally->timings[when];

	if (!t->known)
		match_timing_work_out(run, when);
	return t;
}

/* match_interest.c */
extern const char match_riasec_letters[];
/* The learner's strongest letters and each area's overlap with them. */
void match_interest_start(struct run *run);
void match_interest_part(struct run *run, const struct cand *c, struct match_result *r);
/* Explaining one option: what links it to each chosen area (run->link_why), from its row. */
void match_interest_links(struct run *run, const struct store_option *o);

/* match_score.c */
void match_add_reason(struct run *run, struct match_result *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void match_set_brief(struct run *run, struct match_result *r, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
double match_distance_to(const struct run *run, const struct pack_entry *e);
/*
 * Score an option, with its reasons when explaining. Returns 0 when it is
 * not for this learner (and counts those hidden for their age).
 */
int match_score_option(struct run *run, const struct cand *c, struct match_result *r,
		       double distance, struct timing *timing);
/*
 * The same for an option at least `least` miles off (not explaining): the
 * same return and counts, and in r->score a score it cannot beat at its
 * real distance (a search with no radius; not by bus).
 */
int match_score_bound(struct run *run, const struct cand *c, struct match_result *r,
		      double least);
/*
 * The most an option could score with an interest fit of at most
 * `interest`, at least `least` miles off (NAN: with no place at all), with
 * those level and timing fits and needs_first (1 and 1 and 0 for any).
 */
double match_score_most(const struct run *run, double interest, double least, double level,
			double timing, int needs_first);
/*
 * The interest and distance parts of a score as match_score_most counts
 * them, before the level and timing parts are added and it is rounded.
 */
double match_score_fixed_part(const struct run *run, double interest, double least);
/* The level fit of an option of that kind and level (NAN: not known). */
double match_level_fit(const struct run *run, enum option_kind kind, double level);
/* Count n options left out by their timing t: for later, or not for their age. */
void match_count_hidden(struct run *run, const struct timing *t, size_t n);
int match_compare_hits(const struct run *run, const struct hit *a, const struct hit *b);
void match_heap_push(const struct run *run, struct heap *h, const struct hit *hit);
/*
 * Put every kind's kept hits in order, cut to the limit, and explain them
 * (run->later: give each its kind, id and title, and keep them in run->kept).
 */
enum status match_finish(struct run *run);
/* A kept hit as a full result: its row from the store and its reasons. */
enum status match_explain_hit(struct run *run, const struct hit *h, struct match_result *r);

/* match_text.c */
/*
 * How well the title answers the learner's words (run->words): 1 when
 * every word or one of its alternatives starts, or shares the stem of, a
 * word of the title, 0.8 when some do, 0.6 when the words were found only
 * in the description (the store already required them).
 */
double match_text_fit(const struct run *run, const char *title, char *first_hit, size_t hitlen);
/* Mark the entries that have the learner's words (run->text_hits). */
enum status match_find_text(struct run *run, unsigned kinds);

#endif
