/* advice.c - an adviser session as plain data: defaults and words. */
#include "advice.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"

static const char *const owner_words[] = {
#define OWNER_WORD(id, word, words) word,
	ACTION_OWNER_INFO(OWNER_WORD)
#undef OWNER_WORD
};

static const char *const owner_phrases[] = {
#define OWNER_PHRASE(id, word, words) words,
	ACTION_OWNER_INFO(OWNER_PHRASE)
#undef OWNER_PHRASE
};

static const char *const status_words[] = {
#define STATUS_WORD(id, word, words) word,
	ACTION_STATUS_INFO(STATUS_WORD)
#undef STATUS_WORD
};

void advice_init(struct advice *a)
{
	memset(a, 0, sizeof(*a));
	match_profile_init(&a->profile);
	a->profile.limit = 0;
}

const char *advice_owner_word(enum action_owner o)
{
	return (unsigned)o < sizeof(owner_words) / sizeof(owner_words[0]) ? owner_words[o] : "?";
}

const char *advice_owner_words(enum action_owner o)
{
	return (unsigned)o < sizeof(owner_phrases) / sizeof(owner_phrases[0]) ? owner_phrases[o] :
										 "?";
}

int advice_owner_parse(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof(owner_words) / sizeof(owner_words[0]); i++)
		if (strcasecmp(word, owner_words[i]) == 0)
			return (int)i;
	return -1;
}

const char *advice_status_word(enum action_status s)
{
	return (unsigned)s < sizeof(status_words) / sizeof(status_words[0]) ? status_words[s] : "?";
}

int advice_status_parse(const char *word)
{
	size_t i;

	for (i = 0; i < sizeof(status_words) / sizeof(status_words[0]); i++)
		if (strcasecmp(word, status_words[i]) == 0)
			return (int)i;
	return -1;
}

static int same_note(const struct advice_note *a, const struct advice_note *b)
{
	return strcmp(a->text, b->text) == 0 && strcmp(a->written, b->written) == 0;
}

static int same_action(const struct advice_action *a, const struct advice_action *b)
{
	return strcmp(a->text, b->text) == 0 && a->owner == b->owner && strcmp(a->due, b->due) == 0;
}

int advice_merge(struct advice *theirs, const struct advice *ours, char *why, size_t whylen)
{
	struct advice *m = xcalloc(1, sizeof(*m));
	int i, k, found;

	*m = *theirs;
	snprintf(m->pupil, sizeof(m->pupil), "%s", ours->pupil);
	m->profile = ours->profile;
	m->data_fingerprint = ours->data_fingerprint;
	memcpy(m->adviser, ours->adviser, sizeof(m->adviser));
	memcpy(m->contact, ours->contact, sizeof(m->contact));
	memcpy(m->school, ours->school, sizeof(m->school));
	memcpy(m->next_meeting, ours->next_meeting, sizeof(m->next_meeting));
	memcpy(m->kiosk_code, ours->kiosk_code, sizeof(m->kiosk_code));
	/* The shortlist: ours, then what only theirs has. */
	memcpy(m->items, ours->items, sizeof(m->items));
	m->item_count = ours->item_count;
	for (i = 0; i < theirs->item_count; i++) {
		for (k = 0, found = 0; k < ours->item_count && !found; k++)
			found = ours->items[k].kind == theirs->items[i].kind &&
				ours->items[k].id == theirs->items[i].id;
		if (found)
			continue;
		if (m->item_count == ADVICE_ITEMS_MAX)
			goto full;
		m->items[m->item_count++] = theirs->items[i];
	}
	/* Notes: theirs, then ours that are new to them. */
	for (i = 0; i < ours->note_count; i++) {
		for (k = 0, found = 0; k < theirs->note_count && !found; k++)
			if ((found = same_note(&ours->notes[i], &theirs->notes[k])))
				m->notes[k].shared = ours->notes[i].shared;
		if (found)
			continue;
		if (m->note_count == ADVICE_NOTES_MAX)
			goto full;
		m->notes[m->note_count++] = ours->notes[i];
	}
	/* Actions: theirs with our status where we both have one, then ours that are new. */
	for (i = 0; i < ours->action_count; i++) {
		for (k = 0, found = 0; k < theirs->action_count && !found; k++)
			if ((found = same_action(&ours->actions[i], &theirs->actions[k])))
				m->actions[k].status = ours->actions[i].status;
		if (found)
			continue;
		if (m->action_count == ADVICE_ACTIONS_MAX)
			goto full;
		m->actions[m->action_count++] = ours->actions[i];
	}
	*theirs = *m;
	free(m);
	return 1;
full:
	snprintf(why, whylen, "together, the two windows have more than a session holds (%d "
		 "options, %d notes, %d actions)", ADVICE_ITEMS_MAX, ADVICE_NOTES_MAX,
		 ADVICE_ACTIONS_MAX);
	free(m);
	return 0;
}
