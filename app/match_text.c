/*
 * match_text.c - free text: which options have the learner's words, and how well a title answers them.
 *
 * Design notes.
 *
 * The store's word index (FTS5 with the porter stemmer, data/schema.sql)
 * holds every title and description as word stems, so "nurse", "nurses"
 * and "nursing" are one word there and "nursery" another. Each word the
 * learner types becomes one term of the query, all of which must match:
 *
 *   - a whole word the index knows ("nurse") is looked for as that stem;
 *     a word it does not know as a whole is taken as the start of one
 *     ("mech" while typing "mechanic");
 *   - words pupils use for what titles call otherwise come with their
 *     alternatives from data/synonyms.txt ("vet" also finds "veterinary";
 *     an alternative of two words needs both);
 *   - when the words find nothing, a word that is in no title is put right
 *     from the store's own vocabulary (the words of its titles, nearest by
 *     edit distance, at most one change in a short word, two in a longer
 *     one) and the search is run again for it, saying so
 *     (match_list.text_note).
 *
 * One pass over the index's rowids marks the matching entries in the
 * packed option index. The fit is 1 when every word (or one of its
 * alternatives) starts, or shares the stem of, a word of the title, 0.8
 * when some do, 0.6 when the words are only in the description.
 */
#include <ctype.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match_int.h"
#include "mem.h"
#include "prefix_index.h"

extern const char synonyms_text[];

/* --- the learner's words and their alternatives ------------------------------------------- */

static void lower_copy(char *out, size_t outlen, const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i + 1 < outlen; i++)
		out[i] = (char)tolower((unsigned char)s[i]);
	out[i] = '\0';
}

/* The alternatives data/synonyms.txt gives for a word, into w; how many. */
static int synonyms_of(struct text_word *w)
{
	const char *p = synonyms_text;
	size_t n = strlen(w->alts[0]);

	while (*p) {
		size_t len = strcspn(p, "\n");
		const char *colon = memchr(p, ':', len);

		if (p[0] != '#' && colon && (size_t)(colon - p) == n && strncmp(p, w->alts[0], n) == 0) {
			const char *a = colon + 1, *end = p + len;

			while (a < end && w->alt_count < TEXT_ALTS) {
				size_t alen = strcspn(a, "|\n");
				const char *start = a;

				if (a + alen > end)
					alen = (size_t)(end - a);
				while (alen && isspace((unsigned char)*start)) {
					start++;
					alen--;
				}
				while (alen && isspace((unsigned char)start[alen - 1]))
					alen--;
				if (alen)
					lower_copy(w->alts[w->alt_count++], sizeof(w->alts[0]), start, alen);
				a += strcspn(a, "|\n");
				if (*a == '|')
					a++;
				else
					break;
			}
			break;
		}
		p += len;
		if (*p == '\n')
			p++;
	}
	return w->alt_count;
}

/* Split text into run->words, each with its alternatives. */
static void read_words(struct run *run, const char *text)
{
	const unsigned char *p = (const unsigned char *)text;

	run->word_count = 0;
	while (*p && run->word_count < TEXT_WORDS) {
		const unsigned char *start;
		struct text_word *w;

		while (*p && !isalnum(*p) && *p < 0x80)
			p++;
		start = p;
		while (*p && (isalnum(*p) || *p >= 0x80))
			p++;
		if (p == start)
			continue;
		w = &run->words[run->word_count++];
		memset(w, 0, sizeof(*w));
		lower_copy(w->alts[0], sizeof(w->alts[0]), (const char *)start, (size_t)(p - start));
		w->alt_count = 1;
		synonyms_of(w);
	}
}

/* Does the title have a word that starts with, or shares the stem of, word? */
static int title_has(const char *title, const char *word)
{
	size_t len = strlen(word), need = len > 6 ? len - 2 : len > 4 ? 4 : len;
	const char *t;

	for (t = title; t && *t; t++) {
		size_t k;

		if (t != title && isalnum((unsigned char)t[-1]))
			continue;
		for (k = 0; k < len && t[k] && tolower((unsigned char)t[k]) == word[k]; k++)
			;
		if (k == len || k >= need)
			return 1;
	}
	return 0;
}

/* Every word of a multi-word alternative in the title. */
static int title_has_all(const char *title, const char *alt)
{
	char copy[48], *word, *save = NULL;

	snprintf(copy, sizeof(copy), "%s", alt);
	for (word = strtok_r(copy, " ", &save); word; word = strtok_r(NULL, " ", &save))
		if (!title_has(title, word))
			return 0;
	return 1;
}

double match_text_fit(const struct run *run, const char *title, char *first_hit, size_t hitlen)
{
	int i, j, hits = 0;

	first_hit[0] = '\0';
	for (i = 0; i < run->word_count; i++) {
		const struct text_word *w = &run->words[i];

		for (j = 0; j < w->alt_count; j++)
			if (title_has_all(title, w->alts[j])) {
				hits++;
				if (!first_hit[0])
					snprintf(first_hit, hitlen, "%s", w->alts[j]);
				break;
			}
	}
	if (!run->word_count)
		return 0;
	return hits == run->word_count ? 1 : hits ? 0.8 : 0.6;
}

/* --- the query -------------------------------------------------------------------------- */

static int stop_at_first(void *ctx, long long rowid)
{
	(void)rowid;
	*(int *)ctx = 1;
	return 1;
}

/* Does the word index have anything for this query? */
static int index_has(struct run *run, const char *query)
{
	int found = 0;

	return store_each_text_match(run->store, query, (1u << OPTION_KIND_COUNT) - 1, stop_at_first,
				     &found) == STATUS_OK && found;
}

/*
 * Is the word typed the start of a word rather than a whole word the index
 * knows ("mech" while typing "mechanic")? Asked of the index once a word.
 */
static int typed_as_start(struct run *run, struct text_word *w)
{
	char exact[64];

	if (!w->start_only) {
		snprintf(exact, sizeof(exact), "\"%s\"", w->alts[0]);
		w->start_only = strlen(w->alts[0]) < 4 || !index_has(run, exact) ? 1 : 2;
	}
	return w->start_only == 1;
}

/* Append "term" for one alternative; the word typed (j 0) may be the start of one. */
static void add_term(struct run *run, struct strbuf *q, struct text_word *w, int j)
{
	char copy[48], *word, *save = NULL;
	const char *alt = w->alts[j];
	int n = 0;

	snprintf(copy, sizeof(copy), "%s", alt);
	if (strchr(copy, ' '))
		strbuf_puts(q, "(");
	for (word = strtok_r(copy, " ", &save); word; word = strtok_r(NULL, " ", &save))
		strbuf_printf(q, "%s\"%s\"%s", n++ ? " AND " : "", word,
			      j == 0 && typed_as_start(run, w) ? "*" : "");
	if (strchr(alt, ' '))
		strbuf_puts(q, ")");
}

static void build_query(struct run *run, struct strbuf *q)
{
	int i, j;

	for (i = 0; i < run->word_count; i++) {
		struct text_word *w = &run->words[i];

		strbuf_puts(q, i ? " AND (" : "(");
		for (j = 0; j < w->alt_count; j++) {
			if (j)
				strbuf_puts(q, " OR ");
			add_term(run, q, w, j);
		}
		strbuf_puts(q, ")");
	}
}

/* --- spelling ------------------------------------------------------------------------- */

/* Edit distance (with swaps of neighbours), or limit + 1 once past limit. */
static int edit_distance(const char *a, size_t n, const char *b, size_t m, int limit)
{
	int d[33][33];
	size_t i, j;

	if (n > 32 || m > 32)
		return limit + 1;
	for (i = 0; i <= n; i++)
		d[i][0] = (int)i;
	for (j = 0; j <= m; j++)
		d[0][j] = (int)j;
	for (i = 1; i <= n; i++) {
		int row_best = limit + 1;

		for (j = 1; j <= m; j++) {
			int cost = a[i - 1] != b[j - 1], v = d[i - 1][j - 1] + cost;

			if (d[i - 1][j] + 1 < v)
				v = d[i - 1][j] + 1;
			if (d[i][j - 1] + 1 < v)
				v = d[i][j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    d[i - 2][j - 2] + 1 < v)
				v = d[i - 2][j - 2] + 1;
			d[i][j] = v;
			if (v < row_best)
				row_best = v;
		}
		if (row_best > limit)
			return limit + 1;
	}
	return d[n][m];
}

/*
 * The store's vocabulary: every word of its titles once, lower case, with
 * how often titles use it. Worked out on the first search that needs it
 * (some milliseconds on a national store) and kept, in copies of its own,
 * for the option index it came from; a new index replaces it.
 */
struct vocab_word {
	char *word;			/* owned, lower case; NULL: an empty slot */
	unsigned len, count;
	uint64_t hash;
};

static struct {
	pthread_mutex_t lock;
	const struct pack *pack;	/* what it was made from (compared, never read) */
	size_t text_len;
	struct vocab_word *words;	/* an open-addressing table, at most half full */
	size_t size, used;
} vocab = { PTHREAD_MUTEX_INITIALIZER, NULL, 0, NULL, 0, 0 };

static uint64_t word_hash(const char *w, size_t len)
{
	uint64_t h = 1469598103934665603ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)tolower((unsigned char)w[i]);
		h *= 1099511628211ULL;
	}
	return h;
}

static void vocab_put(struct vocab_word *table, size_t size, struct vocab_word w)
{
	size_t i;

	for (i = w.hash & (size - 1); table[i].word; i = (i + 1) & (size - 1))
		;
	table[i] = w;
}

static void vocab_add(const char *w, size_t len)
{
	uint64_t h = word_hash(w, len);
	size_t i;

	for (i = h & (vocab.size - 1); vocab.words[i].word; i = (i + 1) & (vocab.size - 1))
		if (vocab.words[i].hash == h && vocab.words[i].len == len &&
		    strncasecmp(vocab.words[i].word, w, len) == 0) {
			vocab.words[i].count++;
			return;
		}
	if ((vocab.used + 1) * 2 > vocab.size) {
		size_t size = vocab.size * 2, k;
		struct vocab_word *table = xcalloc(size, sizeof(*table));

		for (k = 0; k < vocab.size; k++)
			if (vocab.words[k].word)
				vocab_put(table, size, vocab.words[k]);
		free(vocab.words);
		vocab.words = table;
		vocab.size = size;
	}
	{
		struct vocab_word nw = { xmalloc(len + 1), (unsigned)len, 1, h };

		lower_copy(nw.word, len + 1, w, len);
		vocab_put(vocab.words, vocab.size, nw);
		vocab.used++;
	}
}

static void vocab_build(const struct pack *p)
{
	size_t at;

	for (at = 0; at < vocab.size; at++)
		free(vocab.words[at].word);
	free(vocab.words);
	vocab.size = 4096;
	vocab.used = 0;
	vocab.words = xcalloc(vocab.size, sizeof(*vocab.words));
	for (at = 0; at < p->text_len;) {
		const char *t = p->text + at;
		size_t len = 0;

		if (!isalnum((unsigned char)*t)) {
			at++;
			continue;
		}
		while (isalnum((unsigned char)t[len]))
			len++;
		at += len;
		if (len >= 3 && len <= 32)
			vocab_add(t, len);
	}
	vocab.pack = p;
	vocab.text_len = p->text_len;
}

/*
 * The title word nearest to a word in no title: the store's own vocabulary.
 * Ties go to the word in more titles. 1 and out when one is near enough.
 */
static int nearest_title_word(const struct run *run, const char *word, char *out, size_t outlen)
{
	size_t n = strlen(word), i;
	int limit = n <= 4 ? 1 : 2, best = limit + 1;
	const struct vocab_word *pick = NULL;

	pthread_mutex_lock(&vocab.lock);
	/* Another index since (a store switched): its own words. */
	if (vocab.pack != run->pack || vocab.text_len != run->pack->text_len)
		vocab_build(run->pack);
	for (i = 0; i < vocab.size; i++) {
		const struct vocab_word *w = &vocab.words[i];
		int dist;

		if (!w->word || (w->len > n ? w->len - n : n - w->len) > (size_t)limit)
			continue;
		dist = edit_distance(word, n, w->word, w->len, limit);
		if (dist == 0 || dist > limit)
			continue;
		if (dist < best || (dist == best && w->count > pick->count)) {
			best = dist;
			pick = w;
		}
	}
	if (pick)
		snprintf(out, outlen, "%s", pick->word);
	pthread_mutex_unlock(&vocab.lock);
	return pick != NULL;
}

/*
 * Which entries have the learner's words: one pass over the word index.
 * Its rowids (kind code << 32 | id) come in order, as do each kind's
 * entries, so one cursor per kind walks along beside them.
 */
struct text_marks {
	const struct pack *pack;
	unsigned char **hits;
	unsigned kinds;
	size_t at[OPTION_KIND_COUNT];
};

static int mark_text(void *ctx, long long rowid)
{
	struct text_marks *m = ctx;
	enum option_kind kinds[2];
	long long id;
	int j, n = store_search_text_kinds(rowid, kinds, &id);

	for (j = 0; j < n; j++) {
		enum option_kind kind = kinds[j];
		const struct pack_kind *k = &m->pack->kinds[kind];
		size_t *at = &m->at[kind];

		if (!(m->kinds & (1u << kind)))
			continue;
		while (*at < k->count && k->entries[*at].id < id)
			(*at)++;
		if (*at < k->count && k->entries[*at].id == id)
			m->hits[kind][*at] = 1;
	}
	return 0;
}

static enum status mark(struct run *run, unsigned kinds, const char *query, size_t *marked)
{
	struct text_marks m;
	enum status rc;
	int k;
	size_t i;

	for (k = 0; k < OPTION_KIND_COUNT; k++)
		memset(run->text_hits[k], 0, run->pack->kinds[k].count ? run->pack->kinds[k].count : 1);
	memset(&m, 0, sizeof(m));
	m.pack = run->pack;
	m.hits = run->text_hits;
	m.kinds = kinds;
	rc = store_each_text_match(run->store, query, kinds, mark_text, &m);
	*marked = 0;
	for (k = 0; k < OPTION_KIND_COUNT && rc == STATUS_OK; k++)
		for (i = 0; i < run->pack->kinds[k].count; i++)
			*marked += run->text_hits[k][i];
	return rc;
}

/*
 * Is every word typed the start of a word, with no alternatives ("eng",
 * "mech apprent")? Those the word prefix index answers in memory; a whole
 * word the index knows is looked for by its stem, which only FTS5 has.
 */
static int only_fragments(struct run *run)
{
	int i;

	for (i = 0; i < run->word_count; i++)
		if (run->words[i].alt_count != 1 || !typed_as_start(run, &run->words[i]))
			return 0;
	return 1;
}

enum status match_find_text(struct run *run, unsigned kinds)
{
	struct strbuf q;
	enum status rc;
	size_t marked = 0;
	int k, i, fixed = 0, answered = 0;

	read_words(run, run->p->text);
	if (!run->word_count)
		return STATUS_OK;
	run->has_text = 1;
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		run->text_hits[k] = xcalloc(run->pack->kinds[k].count ? run->pack->kinds[k].count : 1, 1);
	if (only_fragments(run) &&
	    prefix_index_mark(pack_words(run->store), run->store, run->p->text, kinds,
			      run->text_hits) == STATUS_OK) {
		for (k = 0; k < OPTION_KIND_COUNT; k++)
			for (size_t e = 0; e < run->pack->kinds[k].count; e++)
				marked += run->text_hits[k][e];
		if (marked)
			return STATUS_OK;
		/*
		 * Nothing of the kinds wanted: FTS5 would step through every
		 * option of the other kinds with the words (tens of thousands
		 * for "eng") to find the same nothing (test_prefix_index).
		 */
		answered = 1;
	}
	strbuf_init(&q);
	build_query(run, &q);
	rc = answered ? STATUS_OK : mark(run, kinds, q.buf, &marked);
	if (rc != STATUS_OK || marked) {
		strbuf_done(&q);
		return rc;
	}
	/* Nothing: put right the words that are in no title, and say so. */
	for (i = 0; i < run->word_count; i++) {
		struct text_word *w = &run->words[i];
		char prefix[64], better[48];

		const char *c;

		/* Only plain letters and digits are put right (and said back). */
		for (c = w->alts[0]; *c && (unsigned char)*c < 0x80; c++)
			;
		if (*c)
			continue;
		snprintf(prefix, sizeof(prefix), "\"%s\"*", w->alts[0]);
		if (w->alt_count > 1 || index_has(run, prefix) ||
		    !nearest_title_word(run, w->alts[0], better, sizeof(better)))
			continue;
		snprintf(run->out->text_note + strlen(run->out->text_note),
			 sizeof(run->out->text_note) - strlen(run->out->text_note),
			 "%s\"%s\" is in no title here: showing \"%s\"", fixed ? "; " : "",
			 w->alts[0], better);
		snprintf(w->alts[0], sizeof(w->alts[0]), "%s", better);
		w->alt_count = 1;
		w->start_only = 0;	/* a new word: asked again */
		synonyms_of(w);
		fixed++;
	}
	if (fixed) {
		strbuf_done(&q);
		strbuf_init(&q);
		build_query(run, &q);
		rc = mark(run, kinds, q.buf, &marked);
		if (!marked)	/* putting it right found nothing either: say nothing */
			run->out->text_note[0] = '\0';
	}
	strbuf_done(&q);
	return rc;
}
