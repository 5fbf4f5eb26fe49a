/*
 * quiz.c - the interest quiz's questions and how the answers are scored
 * (see quiz.h for the rules).
 */
#include "quiz.h"

#include <ctype.h>
#include <string.h>

static const char riasec_letters[] = "RIASEC";

/* Asked in this order: one of each type in turn. */
static const struct quiz_item items[] = {
	{ "Would you like to fix a bike?", 'R' },
	{ "Would you like to find out how your body works?", 'I' },
	{ "Would you like to draw or paint?", 'A' },
	{ "Would you like to help a friend who is sad?", 'S' },
	{ "Would you like to sell things at a market stall?", 'E' },
	{ "Would you like to keep a list tidy and in order?", 'C' },

	{ "Would you like to look after animals?", 'R' },
	{ "Would you like to do science experiments?", 'I' },
	{ "Would you like to write stories or poems?", 'A' },
	{ "Would you like to help young children learn to read?", 'S' },
	{ "Would you like to be the leader of a team?", 'E' },
	{ "Would you like to count money and check it is right?", 'C' },

	{ "Would you like to build things with wood and tools?", 'R' },
	{ "Would you like to solve puzzles and maths problems?", 'I' },
	{ "Would you like to make music or sing?", 'A' },
	{ "Would you like to look after someone who is ill?", 'S' },
	{ "Would you like to run your own business one day?", 'E' },
	{ "Would you like to sort things into groups and label them?", 'C' },

	{ "Would you like to work outside, on a farm or in a park?", 'R' },
	{ "Would you like to learn about stars and planets?", 'I' },
	{ "Would you like to act in a play or make a film?", 'A' },
	{ "Would you like to show a new pupil around school?", 'S' },
	{ "Would you like to talk people into trying your idea?", 'E' },
	{ "Would you like to check work for spelling mistakes?", 'C' },
};
#define ITEM_COUNT (sizeof(items) / sizeof(items[0]))

static const char *const type_names[6] = {
	"Doer", "Thinker", "Creator", "Helper", "Persuader", "Organiser",
};

static const char *const type_phrases[6] = {
	"You like practical, hands-on work",
	"You like finding out how and why things work",
	"You like making up ideas and creating things",
	"You like helping and looking after people",
	"You like leading, selling and getting things done",
	"You like keeping things tidy and in order",
};

size_t quiz_count(void)
{
	return ITEM_COUNT;
}

const struct quiz_item *quiz_item(size_t i)
{
	return i < ITEM_COUNT ? &items[i] : NULL;
}

static int letter_index(char letter)
{
	const char *hit = letter ? strchr(riasec_letters, toupper((unsigned char)letter)) : NULL;

	return hit ? (int)(hit - riasec_letters) : -1;
}

const char *quiz_type_name(char letter)
{
	int i = letter_index(letter);

	return i >= 0 ? type_names[i] : "";
}

const char *quiz_type_phrase(char letter)
{
	int i = letter_index(letter);

	return i >= 0 ? type_phrases[i] : "";
}

size_t quiz_answered(const int answers[], size_t n)
{
	size_t count = 0;

	for (size_t i = 0; i < n && i < ITEM_COUNT; i++)
		count += answers[i] >= QUIZ_NO && answers[i] <= QUIZ_YES;
	return count;
}

/* The answers for one type. */
struct tally {
	int sum;			/* 2 per yes, 1 per not sure */
	int answered;
	int yes;
};

/* Does type a rank above type b? Means compared exactly, then yeses, then RIASEC order. */
static int ranks_above(const struct tally *t, int a, int b)
{
	long left = (long)t[a].sum * (t[b].answered ? t[b].answered : 1);
	long right = (long)t[b].sum * (t[a].answered ? t[a].answered : 1);

	if (left != right)
		return left > right;
	if (t[a].yes != t[b].yes)
		return t[a].yes > t[b].yes;
	return a < b;
}

static void top_letters(const struct tally *t, char code[4])
{
	int used[6] = { 0 }, n = 0;

	while (n < 3) {
		int best = -1;

		for (int i = 0; i < 6; i++)
			if (!used[i] && t[i].sum > 0 && (best < 0 || ranks_above(t, i, best)))
				best = i;
		if (best < 0)
			break;
		used[best] = 1;
		code[n++] = riasec_letters[best];
	}
	code[n] = '\0';
}

enum status quiz_score(const int answers[], size_t n, double out[6], char code[4])
{
	struct tally t[6] = { { 0, 0, 0 } };
	double best = 0;
	size_t answered = 0;

	for (int i = 0; i < 6; i++)
		out[i] = 0;
	code[0] = '\0';
	if (n > ITEM_COUNT)
		return STATUS_INVALID;
	for (size_t i = 0; i < n; i++) {
		int type = letter_index(items[i].letter);

		if (answers[i] == QUIZ_SKIPPED)
			continue;
		if (answers[i] < QUIZ_NO || answers[i] > QUIZ_YES)
			return STATUS_INVALID;
		t[type].sum += answers[i];
		t[type].answered++;
		t[type].yes += answers[i] == QUIZ_YES;
		answered++;
	}
	for (int i = 0; i < 6; i++) {
		out[i] = t[i].answered ? t[i].sum / (2.0 * t[i].answered) : 0;
		if (out[i] > best)
			best = out[i];
	}
	if (answered < QUIZ_MIN_ANSWERS || best <= 0) {
		for (int i = 0; i < 6; i++)
			out[i] = 0;
		return STATUS_NOT_FOUND;
	}
	for (int i = 0; i < 6; i++)
		out[i] /= best;
	top_letters(t, code);
	return STATUS_OK;
}
