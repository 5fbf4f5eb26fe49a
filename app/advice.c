/* advice.c - an adviser session as plain data: defaults and words. */
#include "advice.h"

#include <string.h>
#include <strings.h>

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
