/*
 * match_interest.c - interest areas and the RIASEC quiz: how well an option fits what a learner likes.
 *
 * Design notes.
 *
 * What puts an option in an interest area is one curated, reviewed file,
 * data/interests.map (embedded when careers is built, read here once):
 * SOC 2020 unit groups for careers; routes, with the standards of a mixed
 * route named in or out, for apprenticeships and vacancies; LARS subject
 * areas and HECOS subjects for courses; title words, with exclusions, where
 * no code says. match_interest_fit() gives the fit in one area:
 *
 *   careers          1 by their unit group, else 0
 *   apprenticeships  1 named or by route (a standard with a route is placed
 *   and vacancies    by it alone), else 0.7 by a word of the title
 *   courses          1 by subject area or HECOS code, 0.9 by a word of the
 *                    title, 0.6 by a word of the publisher's (broad) subject
 *   sixth forms      the best of their own courses (pack.c)
 *
 * pack.c works these out once per store and keeps them in the option
 * index, with the map's fingerprint; explaining a kept option asks again
 * for the words of the link ("Caring for people: SOC 6135 Care workers and
 * home carers").
 *
 * A learner's interest fit is the best over the areas they ticked. With a
 * RIASEC quiz result: for careers, the occupation's O*NET scores on the
 * learner's letters (weighted by their strengths); for other options, how
 * far the learner's letters overlap the leaning of the areas the option
 * belongs to. The higher of the two counts, the quiz's at 0.8 of its value
 * and at most 0.55 when the learner also ticked interests (what they chose
 * comes first: anything in a ticked area fits 0.6 or more). Nothing given:
 * 0.5 for everything. When the learner has given interests, options below
 * 0.5 are left out: they are not what was asked for. Free text
 * (match_text.c) stands in for interest when no interests were given.
 */
#include <ctype.h>
#include <math.h>
#include <pthread.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match_int.h"
#include "mem.h"

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

/*
 * Explaining a career that fits the quiz: how its quiz scores were
 * reached, when it is not one O*NET occupation linked directly - "direct 3"
 * or "isco 2512,2513 4" (store_onet_link). Read only when explaining, so
 * the search itself is untouched.
 */
static void quiz_link_reason(struct run *run, const struct cand *c, struct match_result *r)
{
	char soc[24], link[64], how[16] = "", via[40] = "";
	int n = 0;

	snprintf(soc, sizeof(soc), "%04lld", c->e->id);
	if (store_onet_link(run->store, soc, link, sizeof(link)) != STATUS_OK)
		return;
	if (sscanf(link, "%15s %39s %d", how, via, &n) == 3 && strcmp(how, "isco") == 0) {
		if (n == 1)
			match_add_reason(run, r, "quiz match found through the international job group "
					 "ISCO-08 %s and one US job profile (O*NET)", via);
		else
			match_add_reason(run, r, "quiz match found through the international job group "
					 "ISCO-08 %s: the average of %d US job profiles (O*NET)", via, n);
	} else if (sscanf(link, "%15s %d", how, &n) == 2 && strcmp(how, "direct") == 0 &&
		   n > 1) {
		match_add_reason(run, r, "quiz match: the average of %d US job profiles (O*NET)", n);
	}
}

void match_interest_part(struct run *run, const struct cand *c, struct match_result *r)
{
	const struct match_profile *p = run->p;
	const struct pack_area *best_area = NULL;
	double best = 0, fit, quiz = -1;
	int i, best_at = 0;

	if (p->text[0] && !run->chosen_count && !p->has_riasec) {
		char hit[48];

		r->fit.interest = match_text_fit(run, c->title, hit, sizeof(hit));
		if (hit[0])
			match_add_reason(run, r, "\"%s\" is in its name", hit);
		else
			match_add_reason(run, r, "mentions \"%s\"", p->text);
		if (r->reason_count)
			match_set_brief(run, r, "%s", r->reasons[r->reason_count - 1]);
		return;
	}
	if (!run->chosen_count && !p->has_riasec) {
		r->fit.interest = 0.5;
		return;
	}
	for (i = 0; i < run->chosen_count; i++) {
		fit = pack_fit(c->e, run->chosen[i]);
		if (fit > best) {
			best = fit;
			best_area = &run->pack->areas[run->chosen[i]];
			best_at = i;
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
	/*
	 * What the learner ticked comes first: with interests, the quiz alone
	 * counts at most 0.55 - enough to show, below anything in an area
	 * they ticked (0.6 and up).
	 */
	if (run->chosen_count && quiz > 0)
		quiz = quiz * 0.8 >= 0.5 ? 0.55 : quiz * 0.8;
	r->fit.interest = best > quiz ? best : quiz > 0 ? quiz : 0;
	if (best_area && best >= quiz) {
		/* Name the real link: "Caring for people: SOC 6135 Care workers and home carers". */
		if (run->link_why[best_at][0])
			match_add_reason(run, r, "%s: %s", best_area->name, run->link_why[best_at]);
		else if (c->kind == OPTION_SCHOOL)
			match_add_reason(run, r, "%s: it has courses in it", best_area->name);
		else
			match_add_reason(run, r, "%s - one of your interests", best_area->name);
		match_set_brief(run, r, "you like %.50s", best_area->name);
	} else if (quiz >= 0.4) {
		int top = run->learner_letters[0];

		/* A career: name the letter that adds most to its fit, not only the learner's first. */
		if (c->kind == OPTION_CAREER && c->riasec) {
			double most = -1;

			for (i = 0; i < 6; i++)
				if (p->riasec[i] > 0 && !isnan(c->riasec[i]) &&
				    p->riasec[i] * (c->riasec[i] - 1) > most) {
					most = p->riasec[i] * (c->riasec[i] - 1);
					top = i;
				}
		}

		match_add_reason(run, r, "suits people who like %s (%c), like your quiz answers",
			   match_riasec_words(top), match_riasec_letters[top]);
		match_set_brief(run, r, "fits your quiz: %s", riasec_brief[top]);
		if (c->kind == OPTION_CAREER && run->explain)
			quiz_link_reason(run, c, r);
	}
}

void match_interest_links(struct run *run, const struct store_option *o)
{
	struct store_option named = *o;
	char title[256], subject[256];
	size_t n;
	int i;

	for (n = 0; o->title && o->title[n] && n + 1 < sizeof(title); n++)
		title[n] = (char)tolower((unsigned char)o->title[n]);
	title[n] = '\0';
	for (n = 0; o->route_name && o->route_name[n] && n + 1 < sizeof(subject); n++)
		subject[n] = (char)tolower((unsigned char)o->route_name[n]);
	subject[n] = '\0';
	if (!named.route_name && (o->kind == OPTION_VACANCY || o->kind == OPTION_APPRENTICESHIP))
		named.route_name = pack_route_name(run->pack, o->route_id);
	for (i = 0; i < run->chosen_count; i++)
		match_interest_fit(run->pack->areas[run->chosen[i]].slug, &named, title, subject,
				   run->link_why[i], sizeof(run->link_why[i]));
}

/* --- the curated map (data/interests.map) ------------------------------------------- */

/*
 * The map is embedded when careers is built and read once, on first use.
 * Codes keep the title written after them, for the reasons; words are
 * lower case. A line the reader does not understand is kept as the map's
 * one complaint (match_interest_map_check), naming its line.
 */
extern const char interests_map_text[];

struct map_code {
	char code[64];
	char title[96];
};

struct map_codes {
	struct map_code *items;
	size_t count;
};

struct map_area {
	char slug[32];
	struct map_codes soc, route, standard, not_standard, ssa, hecos, word, not_word;
};

static struct {
	struct map_area *areas;
	size_t count;
	char complaint[160];
	pthread_once_t once;
} map = { NULL, 0, "", PTHREAD_ONCE_INIT };

static void add_code(struct map_codes *c, const char *code, size_t codelen, const char *title)
{
	struct map_code *m;

	c->items = xrealloc(c->items, (c->count + 1) * sizeof(*c->items));
	m = &c->items[c->count++];
	snprintf(m->code, sizeof(m->code), "%.*s", (int)codelen, code);
	snprintf(m->title, sizeof(m->title), "%s", title);
}

/* "a | b | c": each phrase, trimmed and lower case, into c. */
static void add_phrases(struct map_codes *c, const char *list)
{
	while (*list) {
		size_t len = strcspn(list, "|");
		const char *start = list;
		char phrase[96];
		size_t n = 0, i;

		while (len && isspace((unsigned char)*start)) {
			start++;
			len--;
		}
		while (len && isspace((unsigned char)start[len - 1]))
			len--;
		for (i = 0; i < len && n + 1 < sizeof(phrase); i++)
			phrase[n++] = (char)tolower((unsigned char)start[i]);
		phrase[n] = '\0';
		if (n)
			add_code(c, phrase, n, "");
		list += strcspn(list, "|");
		if (*list == '|')
			list++;
	}
}

static int map_line(struct map_area **area, const char *line, int lineno)
{
	static const struct {
		const char *key;
		size_t offset;
		int digits;		/* a code of exactly this many digits, 0 any */
	} keys[] = {
		{ "soc", offsetof(struct map_area, soc), 4 },
		{ "standard", offsetof(struct map_area, standard), 0 },
		{ "not-standard", offsetof(struct map_area, not_standard), 0 },
		{ "ssa", offsetof(struct map_area, ssa), 0 },
		{ "hecos", offsetof(struct map_area, hecos), 6 },
	};
	size_t keylen = strcspn(line, " \t"), i;
	const char *rest = line + keylen;

	while (*rest == ' ' || *rest == '\t')
		rest++;
	if (keylen == 4 && strncmp(line, "area", 4) == 0) {
		map.areas = xrealloc(map.areas, (map.count + 1) * sizeof(*map.areas));
		*area = &map.areas[map.count++];
		memset(*area, 0, sizeof(**area));
		snprintf((*area)->slug, sizeof((*area)->slug), "%s", rest);
		return 1;
	}
	if (!*area || !*rest) {
		snprintf(map.complaint, sizeof(map.complaint), "data/interests.map line %d: %s",
			 lineno, !*area ? "a rule before the first \"area\" line" :
			 "a key with nothing after it");
		return 0;
	}
	if (keylen == 5 && strncmp(line, "route", 5) == 0) {
		add_code(&(*area)->route, "", 0, rest);
		return 1;
	}
	if (keylen == 4 && strncmp(line, "word", 4) == 0) {
		add_phrases(&(*area)->word, rest);
		return 1;
	}
	if (keylen == 8 && strncmp(line, "not-word", 8) == 0) {
		add_phrases(&(*area)->not_word, rest);
		return 1;
	}
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		size_t codelen = strcspn(rest, " \t"), k;
		const char *title = rest + codelen;

		if (strlen(keys[i].key) != keylen || strncmp(line, keys[i].key, keylen) != 0)
			continue;
		for (k = 0; keys[i].digits && k < codelen && isdigit((unsigned char)rest[k]); k++)
			;
		if (codelen >= sizeof(((struct map_code *)0)->code) ||
		    (keys[i].digits && (k != codelen || codelen != (size_t)keys[i].digits))) {
			snprintf(map.complaint, sizeof(map.complaint), "data/interests.map line %d: "
				 "\"%.*s\" is not a %s code", lineno, (int)codelen, rest, keys[i].key);
			return 0;
		}
		while (*title == ' ' || *title == '\t')
			title++;
		add_code((struct map_codes *)((char *)*area + keys[i].offset), rest, codelen, title);
		return 1;
	}
	snprintf(map.complaint, sizeof(map.complaint), "data/interests.map line %d: \"%.*s\" is not "
		 "a key this program knows", lineno, (int)keylen, line);
	return 0;
}

static void map_read(void)
{
	const char *p = interests_map_text;
	struct map_area *area = NULL;
	int lineno = 0;

	while (*p) {
		size_t len = strcspn(p, "\n");
		char line[512];

		lineno++;
		snprintf(line, sizeof(line), "%.*s", (int)len, p);
		p += len;
		if (*p == '\n')
			p++;
		len = strlen(line);
		while (len && isspace((unsigned char)line[len - 1]))
			line[--len] = '\0';
		if (!len || line[0] == '#')
			continue;
		if (!map_line(&area, line, lineno))
			break;
	}
}

static const struct map_area *map_find(const char *slug)
{
	size_t i;

	pthread_once(&map.once, map_read);
	for (i = 0; i < map.count; i++)
		if (strcmp(map.areas[i].slug, slug) == 0)
			return &map.areas[i];
	return NULL;
}

enum status match_interest_map_check(char *why, size_t whylen)
{
	pthread_once(&map.once, map_read);
	snprintf(why, whylen, "%s", map.complaint);
	return map.complaint[0] ? STATUS_INVALID : STATUS_OK;
}

uint64_t match_interest_map_hash(void)
{
	uint64_t h = 1469598103934665603ULL;
	const char *p;

	for (p = interests_map_text; *p; p++) {
		h ^= (unsigned char)*p;
		h *= 1099511628211ULL;
	}
	return h;
}

/* The item whose code (or, by_title, whose title: routes) is value, any case. */
static const struct map_code *find_item(const struct map_codes *c, const char *value, int by_title)
{
	size_t i;

	for (i = 0; value && *value && i < c->count; i++)
		if (strcasecmp(by_title ? c->items[i].title : c->items[i].code, value) == 0)
			return &c->items[i];
	return NULL;
}

static const struct map_code *code_in(const struct map_codes *c, const char *code)
{
	return find_item(c, code, 0);
}

static const struct map_code *route_in(const struct map_codes *c, const char *route)
{
	return find_item(c, route, 1);
}

int match_has_phrase(const char *text, const char *phrase)
{
	size_t len = strlen(phrase);
	const char *t;

	for (t = text ? strstr(text, phrase) : NULL; t; t = strstr(t + 1, phrase)) {
		const char *after = t + len;

		if (t > text && isalnum((unsigned char)t[-1]))
			continue;
		if (*after == 's')
			after++;
		if (!isalnum((unsigned char)*after))
			return 1;
	}
	return 0;
}

/*
 * Which two-byte starts the words of a text have, as bits of a 512-bit
 * filter. A phrase can only be in the text as a whole word where a word
 * begins (match_has_phrase), so a phrase of two bytes or more whose own
 * start is not among them is not there: phrase_in asks this first and
 * looks properly only at the few that pass. Working out the interest fit
 * of every option of a national store in every area asks about hundreds
 * of phrases an option; without the filter that was most of a build's
 * last step.
 */
struct word_starts {
	uint64_t bits[8];
};

static unsigned start_key(const char *t)
{
	return ((unsigned char)t[0] * 31u + (unsigned char)t[1]) & 511u;
}

static void find_word_starts(const char *text, struct word_starts *w)
{
	const char *t;

	memset(w, 0, sizeof(*w));
	for (t = text; *t; t++) {
		if (t == text || !isalnum((unsigned char)t[-1])) {
			unsigned key = start_key(t);

			w->bits[key / 64] |= UINT64_C(1) << (key % 64);
		}
	}
}

static int may_start(const struct word_starts *w, const char *phrase)
{
	unsigned key;

	if (!phrase[0] || !phrase[1])
		return 1;		/* one byte: no second byte to check */
	key = start_key(phrase);
	return (int)(w->bits[key / 64] >> (key % 64) & 1);
}

/*
 * The word starts of the texts last asked about on this thread: the index
 * asks about the same title and subject for every area in turn. A text is
 * the one remembered only if it is the same bytes (a caller may reuse its
 * buffer); longer texts are not remembered.
 */
struct starts_memo {
	char text[160];
	struct word_starts w;
	int used;
};

static _Thread_local struct starts_memo starts_memo[2];
static _Thread_local unsigned starts_memo_next;

static const struct word_starts *word_starts_of(const char *text, struct word_starts *own)
{
	size_t len = strlen(text);
	struct starts_memo *m;
	int i;

	for (i = 0; i < 2; i++)
		if (starts_memo[i].used && strcmp(starts_memo[i].text, text) == 0)
			return &starts_memo[i].w;
	if (len >= sizeof(starts_memo[0].text)) {
		find_word_starts(text, own);
		return own;
	}
	m = &starts_memo[starts_memo_next++ % 2];
	memcpy(m->text, text, len + 1);
	find_word_starts(text, &m->w);
	m->used = 1;
	return &m->w;
}

int match_has_any_phrase(const char *text, char *const *phrases, int n)
{
	struct word_starts own;
	const struct word_starts *w;
	int k;

	if (!text || n <= 0)
		return 0;
	w = word_starts_of(text, &own);
	for (k = 0; k < n; k++)
		if (may_start(w, phrases[k]) && match_has_phrase(text, phrases[k]))
			return 1;
	return 0;
}

/* A phrase of c as whole words in lower-case text (a plural "s" allowed). */
static const struct map_code *phrase_in(const struct map_codes *c, const char *text)
{
	struct word_starts own;
	const struct word_starts *w;
	size_t k;

	if (!text || !c->count)
		return NULL;
	w = word_starts_of(text, &own);
	for (k = 0; k < c->count; k++)
		if (may_start(w, c->items[k].code) && match_has_phrase(text, c->items[k].code))
			return &c->items[k];
	return NULL;
}

/* HECOS codes in a subject field: "100190|100163", or one code. */
static const struct map_code *hecos_in(const struct map_codes *c, const char *subject)
{
	while (subject && *subject) {
		size_t len = strspn(subject, "0123456789");

		if (len == 6) {
			char code[8];
			const struct map_code *m;

			snprintf(code, sizeof(code), "%.6s", subject);
			if ((m = code_in(c, code)))
				return m;
		}
		subject += len;
		subject += strcspn(subject, "0123456789");
	}
	return NULL;
}

double match_interest_fit(const char *slug, const struct store_option *o, const char *title,
			  const char *subject, char *why, size_t whylen)
{
	const struct map_area *a = map_find(slug);
	const struct map_code *m;
	int excluded;

	if (why && whylen)
		why[0] = '\0';
	if (!a)
		return -1;
	if (o->kind == OPTION_CAREER) {
		if ((m = code_in(&a->soc, o->ref))) {
			if (why)
				snprintf(why, whylen, "SOC %s %s", m->code, m->title);
			return 1;
		}
		return 0;
	}
	switch (o->kind) {
	case OPTION_APPRENTICESHIP:
	case OPTION_VACANCY:
		if (o->kind == OPTION_APPRENTICESHIP && code_in(&a->not_standard, o->ref))
			return 0;
		if (o->kind == OPTION_APPRENTICESHIP && (m = code_in(&a->standard, o->ref))) {
			if (why)
				snprintf(why, whylen, "apprenticeship standard %s", m->code);
			return 1;
		}
		/* A standard with a route is placed by it (and by the names above) alone. */
		excluded = phrase_in(&a->not_word, title) != NULL;
		if (o->route_name && *o->route_name) {
			if (excluded || !(m = route_in(&a->route, o->route_name)))
				return 0;
			if (why)
				snprintf(why, whylen, "the %s route", m->title);
			return 1;
		}
		/*
		 * No route known: the words of its title. Not its subject area:
		 * a standard's is broad (1.3 holds clinical coders, 7.1 camera
		 * technicians).
		 */
		if (!excluded && (m = phrase_in(&a->word, title))) {
			if (why)
				snprintf(why, whylen, "\"%s\" in its title", m->code);
			return 0.7;
		}
		return 0;
	case OPTION_COURSE:
	case OPTION_UNIVERSITY:
		if ((m = code_in(&a->ssa, o->ssa2))) {
			if (why)
				snprintf(why, whylen, "subject area %s %s", m->code, m->title);
			return 1;
		}
		if ((m = hecos_in(&a->hecos, o->route_name))) {
			if (why)
				snprintf(why, whylen, "HECOS subject %s %s", m->code, m->title);
			return 1;
		}
		if (phrase_in(&a->not_word, title))
			return 0;
		if ((m = phrase_in(&a->word, title))) {
			if (why)
				snprintf(why, whylen, "\"%s\" in its title", m->code);
			return 0.9;
		}
		/* A publisher's subject is broad ("Health and social care" holds psychology). */
		if ((m = phrase_in(&a->word, subject))) {
			if (why)
				snprintf(why, whylen, "\"%s\" in its subject", m->code);
			return 0.6;
		}
		return 0;
	default:
		return 0;
	}
}
