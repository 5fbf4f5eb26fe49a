/* test_quiz.c - the interest quiz: its questions, and how answers become a RIASEC result. */
#include <ctype.h>

#include "check.h"
#include "match.h"
#include "quiz.h"

#define MAX_ITEMS 40

static const char letters[] = "RIASEC";

/* Every answer for type `letter` set to `value`. */
static void answer_type(int *answers, char letter, int value)
{
	for (size_t i = 0; i < quiz_count(); i++)
		if (quiz_item(i)->letter == letter)
			answers[i] = value;
}

/* The k-th (0-based) question of a type. */
static size_t nth_of(char letter, int k)
{
	for (size_t i = 0; i < quiz_count(); i++)
		if (quiz_item(i)->letter == letter && k-- == 0)
			return i;
	return quiz_count();
}

static void all(int *answers, int value)
{
	for (size_t i = 0; i < quiz_count(); i++)
		answers[i] = value;
}

TEST(questions_are_balanced_and_interleaved)
{
	int per_type[6] = { 0 };

	CHECK(quiz_count() >= 18 && quiz_count() <= MAX_ITEMS);
	CHECK(quiz_item(quiz_count()) == NULL);
	for (size_t i = 0; i < quiz_count(); i++) {
		const char *hit = strchr(letters, quiz_item(i)->letter);

		CHECK(hit && *hit);
		if (hit && *hit)
			per_type[hit - letters]++;
		/* One of each type in turn, so stopping early stays fair. */
		CHECK_INT(quiz_item(i)->letter, letters[i % 6]);
	}
	for (int t = 0; t < 6; t++) {
		CHECK(per_type[t] >= 3);
		CHECK_INT(per_type[t], per_type[0]);
	}
}

TEST(questions_are_easy_to_read)
{
	for (size_t i = 0; i < quiz_count(); i++) {
		const char *text = quiz_item(i)->text;
		int word = 0;

		CHECK(strlen(text) <= 60);
		CHECK(strncmp(text, "Would you like to ", 18) == 0);
		CHECK(text[strlen(text) - 1] == '?');
		for (const char *p = text; *p; p++) {
			CHECK((unsigned char)*p < 0x80);
			word = isalpha((unsigned char)*p) ? word + 1 : 0;
			if (word > 12)
				fprintf(stderr, "a long word in \"%s\"\n", text);
			CHECK(word <= 12);
		}
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(text, quiz_item(j)->text) != 0);
	}
}

TEST(a_clear_result)
{
	int answers[MAX_ITEMS];
	double out[6], weights[6];
	char code[4], why[200];

	all(answers, QUIZ_NO);
	answer_type(answers, 'S', QUIZ_YES);
	answer_type(answers, 'A', QUIZ_NOT_SURE);
	answers[nth_of('I', 0)] = QUIZ_YES;
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "SAI");
	CHECK_NEAR(out[3], 1, 0);
	CHECK_NEAR(out[2], 0.5, 1e-12);
	CHECK_NEAR(out[1], 0.25, 1e-12);
	CHECK_NEAR(out[0], 0, 0);
	CHECK_NEAR(out[4], 0, 0);
	CHECK_NEAR(out[5], 0, 0);
	/* The code is something the learner filter reads. */
	CHECK_INT(match_parse_riasec(code, weights, why, sizeof(why)), STATUS_OK);
	CHECK_INT(quiz_answered(answers, quiz_count()), quiz_count());

	/* Only two types liked: a two-letter code. */
	all(answers, QUIZ_NO);
	answer_type(answers, 'E', QUIZ_YES);
	answers[nth_of('R', 2)] = QUIZ_NOT_SURE;
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "ER");
	CHECK_NEAR(out[4], 1, 0);
	CHECK_NEAR(out[0], 0.125, 1e-12);

	/* Strongest is 1 even when nothing was a clear yes. */
	all(answers, QUIZ_NO);
	answer_type(answers, 'C', QUIZ_NOT_SURE);
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "C");
	CHECK_NEAR(out[5], 1, 0);
}

TEST(ties)
{
	int answers[MAX_ITEMS];
	double out[6];
	char code[4];

	/* Everything yes: all six tie, R I A S E C order. */
	all(answers, QUIZ_YES);
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "RIA");
	for (int t = 0; t < 6; t++)
		CHECK_NEAR(out[t], 1, 0);

	/* Everything not sure: the same. */
	all(answers, QUIZ_NOT_SURE);
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "RIA");

	/* C and E tie on yes, ahead of the rest: E before C. */
	all(answers, QUIZ_NOT_SURE);
	answer_type(answers, 'C', QUIZ_YES);
	answer_type(answers, 'E', QUIZ_YES);
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "ECR");

	/* Same mean, but A has two clear yeses and I none: A first. */
	all(answers, QUIZ_NO);
	answers[nth_of('A', 0)] = QUIZ_YES;
	answers[nth_of('A', 2)] = QUIZ_YES;
	answer_type(answers, 'I', QUIZ_NOT_SURE);
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "AI");
	CHECK_NEAR(out[1], 1, 0);
	CHECK_NEAR(out[2], 1, 0);

	/* Means that tie only when worked out exactly: S 2 of 8, R 1 of 4 (two skipped). */
	all(answers, QUIZ_NO);
	answers[nth_of('S', 0)] = QUIZ_YES;
	answers[nth_of('R', 0)] = QUIZ_NOT_SURE;
	answers[nth_of('R', 1)] = QUIZ_SKIPPED;
	answers[nth_of('R', 2)] = QUIZ_SKIPPED;	/* R: 1 of 4 */
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "SR");
	CHECK_NEAR(out[0], 1, 0);
	CHECK_NEAR(out[3], 1, 0);
}

TEST(skipped_questions)
{
	int answers[MAX_ITEMS];
	double out[6];
	char code[4];

	/* A skipped question does not count as a no. */
	all(answers, QUIZ_SKIPPED);
	for (int k = 0; k < 6; k++)
		answers[k] = QUIZ_NO;
	answers[nth_of('R', 0)] = QUIZ_SKIPPED;
	answers[nth_of('R', 3)] = QUIZ_YES;
	answers[nth_of('C', 1)] = QUIZ_NOT_SURE;
	CHECK_INT(quiz_answered(answers, quiz_count()), 7);
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
	CHECK_STR(code, "RC");
	CHECK_NEAR(out[0], 1, 0);
	CHECK_NEAR(out[5], 0.25, 1e-12);	/* C: no, not sure: mean 0.25 of 1 */

	/* Stopping after the first six questions is enough ... */
	int first[6] = { QUIZ_NO, QUIZ_YES, QUIZ_NO, QUIZ_NOT_SURE, QUIZ_NO, QUIZ_NO };

	CHECK_INT(quiz_score(first, 6, out, code), STATUS_OK);
	CHECK_STR(code, "IS");
	/* ... five is not. */
	CHECK_INT(quiz_score(first, 5, out, code), STATUS_NOT_FOUND);
	CHECK_STR(code, "");
	for (int t = 0; t < 6; t++)
		CHECK_NEAR(out[t], 0, 0);

	all(answers, QUIZ_SKIPPED);
	answers[0] = answers[3] = answers[7] = answers[12] = answers[20] = QUIZ_YES;
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_NOT_FOUND);
	CHECK_INT(quiz_score(answers, 0, out, code), STATUS_NOT_FOUND);
	answers[23] = QUIZ_NO;
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_OK);
}

TEST(all_no_and_bad_answers)
{
	int answers[MAX_ITEMS + 1];
	double out[6];
	char code[4];

	all(answers, QUIZ_NO);
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_NOT_FOUND);
	CHECK_STR(code, "");
	for (int t = 0; t < 6; t++)
		CHECK_NEAR(out[t], 0, 0);

	all(answers, QUIZ_YES);
	answers[4] = 3;
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_INVALID);
	CHECK_STR(code, "");
	answers[4] = -2;
	CHECK_INT(quiz_score(answers, quiz_count(), out, code), STATUS_INVALID);
	answers[4] = QUIZ_YES;
	answers[quiz_count()] = QUIZ_YES;
	CHECK_INT(quiz_score(answers, quiz_count() + 1, out, code), STATUS_INVALID);
}

TEST(results_words)
{
	for (int t = 0; t < 6; t++) {
		const char *phrase = quiz_type_phrase(letters[t]);

		CHECK(strlen(quiz_type_name(letters[t])) > 0);
		CHECK(strncmp(phrase, "You like ", 9) == 0);
		CHECK(strlen(phrase) <= 60);
		CHECK_STR(quiz_type_phrase((char)tolower((unsigned char)letters[t])), phrase);
	}
	CHECK_STR(quiz_type_name('R'), "Doer");
	CHECK_STR(quiz_type_phrase('R'), "You like practical, hands-on work");
	CHECK_STR(quiz_type_name('X'), "");
	CHECK_STR(quiz_type_phrase('\0'), "");
}

TESTS(questions_are_balanced_and_interleaved, questions_are_easy_to_read, a_clear_result, ties,
      skipped_questions, all_no_and_bad_answers, results_words)
