/*
 * match_text.c - free text: which options have the learner's words, and how well a title answers them.
 *
 * The store's word index (FTS5, store.h) finds the options that have every
 * word; one pass over its rowids marks them in the packed option index.
 * The fit is 1 when every word starts a word of the title, 0.8 when some
 * do, 0.6 when the words are only in the description.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "match_int.h"
#include "mem.h"

double match_text_fit(const char *text, const char *title, char *first_hit, size_t hitlen)
{
	const char *p = text;
	int words = 0, hits = 0;

	first_hit[0] = '\0';
	while (*p) {
		const char *start, *t;
		size_t len;
		int hit = 0;

		while (*p && !isalnum((unsigned char)*p) && (unsigned char)*p < 0x80)
			p++;
		start = p;
		while (*p && (isalnum((unsigned char)*p) || (unsigned char)*p >= 0x80))
			p++;
		len = (size_t)(p - start);
		if (!len)
			continue;
		words++;
		for (t = title; t && *t && !hit; t++)
			hit = (t == title || !isalnum((unsigned char)t[-1])) &&
			      strncasecmp(t, start, len) == 0;
		if (hit) {
			hits++;
			if (!first_hit[0])
				snprintf(first_hit, hitlen, "%.*s", (int)len, start);
		}
	}
	if (!words)
		return 0;
	return hits == words ? 1 : hits ? 0.8 : 0.6;
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
	/* The word index's kind codes: 1 careers ... 5 sixth forms (schema.sql). */
	static const enum option_kind by_code[6][2] = {
		[1] = { OPTION_CAREER, OPTION_CAREER },
		[2] = { OPTION_APPRENTICESHIP, OPTION_APPRENTICESHIP },
		[3] = { OPTION_COURSE, OPTION_UNIVERSITY },
		[4] = { OPTION_VACANCY, OPTION_VACANCY },
		[5] = { OPTION_SCHOOL, OPTION_SCHOOL },
	};
	struct text_marks *m = ctx;
	long long code = rowid >> 32, id = rowid & 0xffffffffLL;
	int j;

	if (code < 1 || code > 5)
		return 0;
	for (j = 0; j < 2; j++) {
		enum option_kind kind = by_code[code][j];
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

enum status match_find_text(struct run *run, unsigned kinds)
{
	struct text_marks m;
	char query[512];
	int k;

	if (!run->p->text[0] || store_text_query(run->p->text, query, sizeof(query)) != STATUS_OK)
		return STATUS_OK;
	run->has_text = 1;
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		run->text_hits[k] = xcalloc(run->pack->kinds[k].count ? run->pack->kinds[k].count : 1, 1);
	memset(&m, 0, sizeof(m));
	m.pack = run->pack;
	m.hits = run->text_hits;
	m.kinds = kinds;
	return store_each_text_match(run->store, query, mark_text, &m);
}
