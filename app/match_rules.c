/*
 * match_rules.c - eligibility: when, and whether, a learner could start an option.
 *
 * England's rules as the learner filter applies them (DESIGN.md): school
 * until the last Friday in June of Year 11, then education or training
 * until 18 (apprenticeships and post-16 courses from that date), university
 * from the September after Year 13, adult (19+) offers not for under-19s.
 * Everything here depends only on the option's start facts (a pack_when)
 * and the learner, so a search decides it once per pack_when; each option
 * then gets "you can start now", "from <date>", "at 18" or not for its age,
 * and a timing fit:
 *
 *	1 can start now; 0.9 starts within 9 months; 0.7 within two years;
 *	0.5 later or at 18; 0 not for their age; -1 never shown.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "match_int.h"

/* How long until a date, as a timing fit. */
static double timing_fit(const struct learner_stage *st, struct civil_date when)
{
	long days = date_days(when) - date_days(st->today);

	if (days <= 0)
		return 1;
	if (days <= 274)
		return 0.9;
	if (days <= 730)
		return 0.7;
	return 0.5;
}

/* "after you leave Year 11" and the like, for a start date; "" when nothing to add. */
static const char *after_words(const struct learner_stage *st, struct civil_date when)
{
	if (!st->school_year || st->school_year > 11)
		return st->school_year == 12 && date_compare(when, st->he_start) >= 0 ?
			       ", after Year 13" : st->school_year == 13 &&
			       date_compare(when, st->he_start) >= 0 ? ", after you finish Year 13" : "";
	if (date_compare(when, st->he_start) >= 0)
		return ", after Year 13";
	if (date_compare(when, st->leave_school) >= 0)
		return st->school_year == 11 ? ", after you leave Year 11" : ", after Year 11";
	return "";
}

static void available(struct timing *t, enum availability a, struct civil_date when)
{
	t->availability = (unsigned char)a;
	t->has_from = a == AVAILABLE_FROM || a == AVAILABLE_AT_18;
	if (t->has_from)
		t->from = when;
}

/*
 * An apprenticeship with an upper age (a foundation apprenticeship is for
 * 16 to 21 year olds) that the learner is past by the time they could
 * start: not for their age. 1 when so (t and the reason are set).
 */
static int too_old(struct run *run, const struct pack_when *w, struct timing *t,
		   struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	struct civil_date when = date_compare(st->leave_school, st->today) > 0 ? st->leave_school :
				 st->today;
	int youngest, oldest;

	if (w->age_max == PACK_NO_AGE)
		return 0;
	schoolyear_age_on(st, when, &youngest, &oldest);
	if (youngest <= w->age_max)
		return 0;
	available(t, AVAILABLE_NOT_FOR_AGE, when);
	if (w->age_min != PACK_NO_AGE)
		match_add_reason(run, r, "for ages %d to %d; you would be %d", w->age_min, w->age_max,
			   youngest);
	else
		match_add_reason(run, r, "for ages up to %d; you would be %d", w->age_max, youngest);
	return 1;
}

/*
 * The first start of an option on or after a date: the date itself for a
 * flexible or unknown start; else this intake, or the same day of a later
 * year (courses run every year).
 */
static struct civil_date next_start(const struct pack_when *w, struct civil_date earliest)
{
	struct civil_date start = w->start;

	if (w->flexible || !w->has_start)
		return earliest;
	if (date_compare(start, earliest) >= 0)
		return start;
	return (struct civil_date){ earliest.year + (earliest.month > start.month ||
			(earliest.month == start.month && earliest.day > start.day)),
		start.month, start.day };
}

/*
 * Entry that needs something the learner cannot have yet: marked with a
 * reason and ranked down (match_score.c), not hidden - an adviser may
 * still want to show where it leads.
 */
static void needs_first(struct run *run, const struct pack_when *w, struct timing *t,
			struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	int young = st->school_year || st->age_given < 21;

	if (w->needs == PACK_NEEDS_HND && young) {
		t->needs_first = 1;
		match_add_reason(run, r, "a top-up: the last year of a degree, for people who "
				 "already have an HND or foundation degree");
	} else if (w->needs == PACK_NEEDS_MANAGING && young) {
		t->needs_first = 1;
		match_add_reason(run, r, "for people who already manage a team or a service");
	} else if (st->school_year == 13 && !w->level4 && w->not_college &&
		   (w->kind == OPTION_SCHOOL || w->kind == OPTION_COURSE)) {
		t->needs_first = 1;
		match_add_reason(run, r, "a school sixth form again: it would be a third year "
				 "after Year 13");
	}
	if (t->needs_first && r && r->reason_count)
		match_set_brief(run, r, "%s", r->reasons[r->reason_count - 1]);
}

/*
 * Decide when (and whether) the learner could start an option with these
 * start facts; the reason goes to r when explaining. Everything here
 * depends only on the pack_when and the learner, so a search does it once
 * for each pack_when.
 */
static void timing_rules(struct run *run, const struct pack_when *w, struct timing *t,
			 struct match_result *r)
{
	const struct learner_stage *st = &run->out->stage;
	struct civil_date start = w->start, earliest, when;
	char day[16], day2[16];
	int youngest, oldest;
	int post16 = st->school_year == 0 || st->school_year >= 12;

	memset(t, 0, sizeof(*t));
	t->known = 1;
	t->availability = AVAILABLE_NOW;
	needs_first(run, w, t, r);
	switch ((enum option_kind)w->kind) {
	case OPTION_CAREER:
		t->fit = 1;
		return;

	case OPTION_SCHOOL:
		schoolyear_age_on(st, post16 ? st->today : st->post16_start, &youngest, &oldest);
		if (w->age_max != PACK_NO_AGE && youngest > w->age_max) {
			available(t, AVAILABLE_NOT_FOR_AGE, st->today);
			match_add_reason(run, r, "for students up to %d; you would be %d", w->age_max,
				   youngest);
			return;
		}
		if (youngest >= 19 && w->not_college) {
			available(t, AVAILABLE_NOT_FOR_AGE, st->today);
			match_add_reason(run, r, "sixth forms are for 16 to 18 year olds");
			return;
		}
		if (post16) {
			t->fit = 1;
			match_add_reason(run, r, "you could apply now");
			return;
		}
		available(t, AVAILABLE_FROM, st->post16_start);
		t->fit = timing_fit(st, st->post16_start);
		if (run->explain) {
			date_month_year(st->post16_start, day);
			match_add_reason(run, r, "for sixth form or college from %s%s", day,
				   after_words(st, st->post16_start));
		}
		return;

	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		/*
		 * University, and higher courses at a college (level 4 and up),
		 * follow a Level 3: from the September after Year 13, or now for
		 * someone who has left school and is 18.
		 */
		earliest = w->kind == OPTION_UNIVERSITY || w->level4 ? st->he_start :
			   post16 ? st->today : st->post16_start;
		if ((w->kind == OPTION_UNIVERSITY || w->level4) && st->school_year == 0 &&
		    date_compare(st->turn18_from, st->today) <= 0)
			earliest = st->today;
		if (date_compare(earliest, st->today) < 0)
			earliest = st->today;
		when = next_start(w, earliest);
		/* Age limits hold whatever the start: flexible and unknown ones too. */
		schoolyear_age_on(st, when, &youngest, &oldest);
		if (w->age_min != PACK_NO_AGE && w->age_min >= 19 && youngest < 19) {
			available(t, AVAILABLE_NOT_FOR_AGE, when);
			match_add_reason(run, r, "for adults aged %d and over; you would be %d",
					 w->age_min, youngest);
			return;
		}
		if (w->age_max != PACK_NO_AGE && youngest > w->age_max) {
			available(t, AVAILABLE_NOT_FOR_AGE, when);
			match_add_reason(run, r, "for ages up to %d; you would be %d", w->age_max,
					 youngest);
			return;
		}
		if (w->age_min != PACK_NO_AGE && youngest < w->age_min) {
			/* Wait until old enough: the first start after the birthday. */
			struct civil_date old_enough = date_add_years(st->born_to, w->age_min);

			when = next_start(w, old_enough);
			schoolyear_age_on(st, when, &youngest, &oldest);
			if (youngest < w->age_min) {
				available(t, AVAILABLE_NOT_FOR_AGE, when);
				match_add_reason(run, r, "for ages %d and over; you would be %d",
						 w->age_min, youngest);
				return;
			}
		}
		if (date_compare(when, st->today) <= 0) {
			t->fit = 1;
			match_add_reason(run, r, w->flexible ? "you can start any time" :
					 "you can start now");
			return;
		}
		schoolyear_age_on(st, st->today, &youngest, &oldest);
		if ((w->age_min == 18 || w->kind == OPTION_UNIVERSITY || w->level4) &&
		    ((st->school_year && st->school_year <= 12) ||
		     (st->school_year == 0 && youngest < 18))) {
			available(t, AVAILABLE_AT_18, when);
			t->fit = 0.5;
			if (run->explain) {
				date_month_year(when, day);
				match_add_reason(run, r, "at 18: you could start in %s%s", day,
						 after_words(st, when));
			}
			return;
		}
		available(t, AVAILABLE_FROM, when);
		t->fit = timing_fit(st, when);
		if (run->explain && (w->flexible || !w->has_start)) {
			date_month_year(when, day);
			match_add_reason(run, r, "you could start any time from %s%s", day,
					 after_words(st, when));
		} else if (run->explain) {
			date_short(when, day);
			if (date_compare(when, start) != 0)
				match_add_reason(run, r, "the next start you could join is %s%s", day,
						 after_words(st, when));
			else
				match_add_reason(run, r, "starts %s%s", day, after_words(st, when));
		}
		return;

	case OPTION_APPRENTICESHIP:
		/* Standards not yet approved for delivery cannot be started by anyone. */
		if (w->blocked) {
			t->fit = -1;
			return;
		}
		if (too_old(run, w, t, r))
			return;
		if (w->level4 && !(st->school_year == 0 &&
				   date_compare(st->turn18_from, st->today) <= 0)) {
			available(t, AVAILABLE_AT_18, st->he_start);
			t->fit = 0.5;
			if (run->explain) {
				date_month_year(st->he_start, day);
				match_add_reason(run, r, "at 18, after a Level 3 such as A levels or a T "
					   "Level (from %s)", day);
			}
			return;
		}
		if (schoolyear_may_leave_by(st, st->today)) {
			t->fit = 1;
			match_add_reason(run, r, "you can start an apprenticeship now");
			return;
		}
		available(t, AVAILABLE_FROM, st->leave_school);
		t->fit = timing_fit(st, st->leave_school);
		if (run->explain) {
			date_short(st->leave_school, day);
			match_add_reason(run, r, "from %s, when you can leave school", day);
		}
		return;

	case OPTION_VACANCY:
		if (too_old(run, w, t, r))
			return;
		earliest = w->level4 && !(st->school_year == 0 &&
			   date_compare(st->turn18_from, st->today) <= 0) ? st->he_start :
			   st->leave_school;
		if (date_compare(earliest, st->today) < 0)
			earliest = st->today;
		t->earliest = date_days(earliest);
		if (w->has_start && date_compare(start, earliest) < 0) {
			/* Not one they can take: a job like this, for later. */
			available(t, AVAILABLE_FROM, earliest);
			t->too_early = 1;
			t->for_later = 1;
			t->fit = -1;
			if (run->explain) {
				date_short(start, day);
				date_short(earliest, day2);
				match_add_reason(run, r, "starts %s - before you can start an apprenticeship "
					   "(%s)", day, day2);
			}
			return;
		}
		when = w->has_start ? start : earliest;
		if (date_compare(when, st->today) <= 0) {
			t->fit = 1;
			match_add_reason(run, r, "you can start now");
		} else {
			available(t, AVAILABLE_FROM, when);
			t->fit = timing_fit(st, when);
			if (run->explain) {
				date_short(when, day);
				match_add_reason(run, r, "starts %s%s", day, after_words(st, when));
			}
		}
		return;

	default:
		t->fit = 0.5;
	}
}

void match_timing_work_out(struct run *run, uint32_t when)
{
	timing_rules(run, &run->pack->whens[when], &run->tally->timings[when], NULL);
}

/* The timing for an option: shared, or (explaining) worked out with its words. */
void match_timing_part(struct run *run, const struct cand *c, struct match_result *r,
		       struct timing *out)
{
	if (c->kind == OPTION_APPRENTICESHIP && c->e->closes != PACK_NO_DAY &&
	    c->e->closes < run->today_days) {
		/* A standard closed to new starts: never shown. */
		memset(out, 0, sizeof(*out));
		out->availability = AVAILABLE_NOT_FOR_AGE;
		out->fit = -1;
		return;
	}
	if (run->explain)
		timing_rules(run, c->w, out, r);
	else
		*out = *match_timing_of(run, c->e->when);
	/* A job with no start date that closes before they may start: for later. */
	if (c->kind == OPTION_VACANCY && out->fit >= 0 && !c->w->has_start &&
	    c->e->closes != PACK_NO_DAY && c->e->closes < out->earliest) {
		char day[16];

		out->for_later = 1;
		out->fit = -1;
		if (run->explain) {
			date_short(date_from_days(c->e->closes), day);
			match_add_reason(run, r, "closes %s - before you can start an "
					 "apprenticeship", day);
		}
	}
}
