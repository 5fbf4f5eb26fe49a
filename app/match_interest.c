/*
 * match_interest.c - interest areas and the RIASEC quiz: how well an option fits what a learner likes.
 *
 * Interest fit, between 0 and 1:
 *
 *   1 when the option is in one of the learner's interest areas by its
 *   code (a career's SOC group, a standard's or vacancy's route, a course's
 *   sector subject area), 0.9 for an apprenticeship in a matching subject
 *   area or a course whose title has one of the area's words (most course
 *   sources carry no subject-area codes), 0.8 for a course whose published
 *   subject has one, 0.7 for other options matched only by a word of their
 *   title (pack.c works these out once per store). With a RIASEC quiz
 *   result: for careers, the occupation's O*NET scores on the learner's
 *   letters (weighted by the learner's strengths); for other options, how
 *   far the learner's letters overlap the leaning of the interest areas the
 *   option belongs to. The higher of the two counts, the quiz's at 0.8 of
 *   its value when the learner also picked interests (what they chose comes
 *   first). Nothing given: 0.5 for everything. When the learner has given
 *   interests, options below 0.5 are left out: they are not what was asked
 *   for. Free text (match_text.c) stands in for interest when no interests
 *   were given.
 */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match_int.h"

const char match_riasec_letters[] = "RIASEC";

static const char *const riasec_brief[] = {
	"hands-on", "finding out", "creative", "helping people", "leading", "organising",
};

static const char *const riasec_descriptions[] = {
	"practical, hands-on work",
	"investigating and solving problems",
	"being creative",
	"helping and looking after people",
	"leading and persuading",
	"organising and keeping things in order",
};

const char *match_riasec_words(int letter)
{
	return letter >= 0 && letter < 6 ? riasec_descriptions[letter] : "";
}

/* --- interests ------------------------------------------------------------------- */

struct interest_copy {
	struct match_interest *out;
	size_t max, n;
};

static int copy_interest(void *ctx, const struct store_interest *in)
{
	struct interest_copy *c = ctx;
	struct match_interest *m;

	if (c->n >= c->max)
		return 1;
	m = &c->out[c->n++];
	m->id = in->id;
	snprintf(m->slug, sizeof(m->slug), "%s", in->slug);
	snprintf(m->name, sizeof(m->name), "%s", in->name);
	snprintf(m->examples, sizeof(m->examples), "%s", in->examples);
	snprintf(m->riasec, sizeof(m->riasec), "%s", in->riasec ? in->riasec : "");
	return 0;
}

size_t match_interests(struct store *s, struct match_interest *out, size_t max)
{
	struct interest_copy c = { out, max, 0 };

	if (store_each_interest(s, copy_interest, &c) != STATUS_OK)
		return 0;
	return c.n;
}

struct interest_lookup {
	const char *words;
	long long id;
	int exact, partial;
};

static int find_interest(void *ctx, const struct store_interest *in)
{
	struct interest_lookup *l = ctx;
	size_t n = strlen(l->words);

	if (strcasecmp(l->words, in->slug) == 0 || strcasecmp(l->words, in->name) == 0) {
		l->id = in->id;
		l->exact = 1;
	} else if (!l->exact && n &&
		   (strncasecmp(l->words, in->slug, n) == 0 ||
		    strncasecmp(l->words, in->name, n) == 0)) {
		l->partial++;
		l->id = in->id;
	}
	return 0;
}

enum status match_find_interest(struct store *s, const char *words, long long *id)
{
	struct interest_lookup l = { words, 0, 0, 0 };
	enum status rc = store_each_interest(s, find_interest, &l);

	if (rc != STATUS_OK)
		return rc;
	if (!l.exact && l.partial > 1)
		return STATUS_INVALID;
	if (!l.exact && l.partial == 0)
		return STATUS_NOT_FOUND;
	*id = l.id;
	return STATUS_OK;
}
enum status match_parse_riasec(const char *text, double out[6], char *why, size_t whylen)
{
	double v[6];
	int i, n = 0, used[6] = { 0 };
	const char *p = text;
	double max = 0;

	while (*p == ' ')
		p++;
	if (isalpha((unsigned char)*p)) {
		/* Letters, strongest first: weights 1, 5/6, 4/6 ... */
		size_t len = strlen(p);

		while (len && p[len - 1] == ' ')
			len--;
		if (len > 6)
			goto bad;
		for (i = 0; i < 6; i++)
			out[i] = 0;
		for (size_t k = 0; k < len; k++) {
			const char *hit = strchr(match_riasec_letters, toupper((unsigned char)p[k]));

			if (!hit || !p[k] || used[hit - match_riasec_letters])
				goto bad;
			used[hit - match_riasec_letters] = 1;
			out[hit - match_riasec_letters] = (6.0 - (double)k) / 6.0;
		}
		return STATUS_OK;
	}
	while (*p && n < 6) {
		char *end;

		v[n] = strtod(p, &end);
		if (end == p || v[n] < 0 || !isfinite(v[n]))
			goto bad;
		if (v[n] > max)
			max = v[n];
		n++;
		p = end;
		while (*p == ' ' || *p == ',')
			p++;
	}
	if (n != 6 || *p || max <= 0)
		goto bad;
	for (i = 0; i < 6; i++)
		out[i] = v[i] / max;
	return STATUS_OK;
bad:
	snprintf(why, whylen, "\"%.40s\" is not a RIASEC result: give up to six of the letters "
		 "R I A S E C strongest first (e.g. SAI), or six scores in that order (e.g. "
		 "5,3,1,4,2,2)", text);
	return STATUS_INVALID;
}

/* Weighted mean of a career's O*NET scores on the learner's letters, 0-1. */
static double riasec_fit(const struct match_profile *p, const double scores[6])
{
	double sum = 0, weight = 0;
	int i;

	for (i = 0; i < 6; i++) {
		if (p->riasec[i] <= 0)
			continue;
		if (isnan(scores[i]))
			return -1;
		sum += p->riasec[i] * (scores[i] - 1) / 6;
		weight += p->riasec[i];
	}
	return weight > 0 ? sum / weight : -1;
}

void match_interest_start(struct run *run)
{
	const struct match_profile *p = run->p;
	int i, j, k;

	/* The learner's strongest letters, and each area's overlap with them. */
	for (j = 0; j < 3; j++) {
		int best = -1;

		run->learner_letters[j] = -1;
		for (i = 0; i < 6; i++) {
			int taken = 0, m;

			for (m = 0; m < j; m++)
				taken |= run->learner_letters[m] == i;
			if (!taken && p->riasec[i] > 0 && (best < 0 || p->riasec[i] > p->riasec[best]))
				best = i;
		}
		run->learner_letters[j] = best;
	}
	for (k = 0; k < run->pack->area_count && p->has_riasec; k++) {
		const struct pack_area *a = &run->pack->areas[k];
		double sum = 0, total = 0;

		for (i = 0; i < 6; i++) {
			total += p->riasec[i];
			if (strchr(a->riasec, match_riasec_letters[i]))
				sum += p->riasec[i];
		}
		/* Leaning fully matched by the strongest letters scores near 1. */
		run->affinity[k] = total > 0 ? 0.4 + 0.6 * sum /
				   (p->riasec[run->learner_letters[0]] * (double)strlen(a->riasec) +
				    1e-9) : 0;
		if (run->affinity[k] > 1)
			run->affinity[k] = 1;
	}
}

void match_interest_part(struct run *run, const struct cand *c, struct match_result *r)
{
	const struct match_profile *p = run->p;
	const struct pack_area *best_area = NULL;
	double best = 0, fit, quiz = -1;
	int i;

	if (p->text[0] && !run->chosen_count && !p->has_riasec) {
		char hit[48];

		r->fit.interest = match_text_fit(p->text, c->title, hit, sizeof(hit));
		if (hit[0])
			match_add_reason(run, r, "\"%s\" is in its name", hit);
		else
			match_add_reason(run, r, "mentions \"%s\"", p->text);
		if (r->reason_count)
			match_set_brief(run, r, "%s", r->reasons[r->reason_count - 1]);
		return;
	}
	if (c->kind == OPTION_SCHOOL || (!run->chosen_count && !p->has_riasec)) {
		r->fit.interest = 0.5;
		return;
	}
	for (i = 0; i < run->chosen_count; i++) {
		fit = pack_fit(c->e, run->chosen[i]);
		if (fit > best) {
			best = fit;
			best_area = &run->pack->areas[run->chosen[i]];
		}
	}
	if (p->has_riasec) {
		if (c->kind == OPTION_CAREER) {
			quiz = riasec_fit(p, c->riasec);
		} else {
			/* Through the interest areas the option belongs to. */
			uint32_t strong = c->e->strong;

			while (strong) {
				int a = __builtin_ctz(strong);

				strong &= strong - 1;
				if (run->affinity[a] > quiz)
					quiz = run->affinity[a];
			}
		}
	}
	/* What the learner picked comes first; the quiz suggests, a little lower. */
	if (run->chosen_count && quiz > 0)
		quiz *= 0.8;
	r->fit.interest = best > quiz ? best : quiz > 0 ? quiz : 0;
	if (best_area && best >= quiz) {
		match_add_reason(run, r, "%s - one of your interests", best_area->name);
		match_set_brief(run, r, "you like %.50s", best_area->name);
	} else if (quiz >= 0.4) {
		int top = run->learner_letters[0];

		match_add_reason(run, r, "suits people who like %s (%c), like your quiz answers",
			   match_riasec_words(top), match_riasec_letters[top]);
		match_set_brief(run, r, "fits your quiz: %s", riasec_brief[top]);
	}
}
