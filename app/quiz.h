/*
 * quiz.h - the quick interest quiz: "Would you like to ...?" questions
 * scored on the six RIASEC interest types.
 *
 * The questions are written for a reading age of 9: short everyday words
 * and things a pupil can picture doing. Each belongs to one type:
 *
 *	R  Doer        practical, hands-on work
 *	I  Thinker     finding out how things work
 *	A  Creator     making up ideas and creating things
 *	S  Helper      helping and looking after people
 *	E  Persuader   leading and selling
 *	C  Organiser   keeping things in order
 *
 * There are four questions per type, asked in turn (R I A S E C R I A S E
 * C ...), so a pupil who stops early has still been asked about every
 * type. Each answer is yes (2), not sure (1) or no (0); a skipped
 * question (-1) does not count either way.
 *
 * Scoring. A type's raw score is the mean of its answered questions
 * (0-2); a type with none answered scores 0. The six scores are then
 * divided by the highest, so the strongest type is 1 - the same scale as
 * the six-score form of match_parse_riasec(), ready for a match_profile.
 * The code is the (up to three) strongest types with a score above 0,
 * strongest first. Ties are broken by more "yes" answers first, then by
 * the order R I A S E C: deterministic, and a clear "yes" beats a run of
 * "not sure".
 */
#ifndef CAREERS_QUIZ_H
#define CAREERS_QUIZ_H

#include <stddef.h>

#include "status.h"

#define QUIZ_MIN_ANSWERS 6	/* fewer answered questions give no result */

enum quiz_answer {
	QUIZ_SKIPPED = -1,
	QUIZ_NO = 0,
	QUIZ_NOT_SURE = 1,
	QUIZ_YES = 2,
};

struct quiz_item {
	const char *text;		/* "Would you like to fix a bike?" (<= 60 characters) */
	char letter;			/* 'R', 'I', 'A', 'S', 'E' or 'C' */
};

/* How many questions there are. */
size_t quiz_count(void);

/* Question i (0-based, in the order to ask them); NULL past the end. */
const struct quiz_item *quiz_item(size_t i);

/*
 * Score answers[0..n-1] (answers[i] is for quiz_item(i); n may be less
 * than quiz_count(), the rest count as skipped). out gets the six scores
 * in R I A S E C order, strongest = 1; code the top letters ("SAI"; fewer
 * than three when fewer types scored above 0).
 *
 *   STATUS_OK         a result.
 *   STATUS_NOT_FOUND  fewer than QUIZ_MIN_ANSWERS questions were answered,
 *                     or every answer was "no": there is nothing to go on.
 *                     out is all 0 and code is "".
 *   STATUS_INVALID    an answer other than -1, 0, 1, 2, or n greater than
 *                     quiz_count(); out is all 0 and code is "".
 */
enum status quiz_score(const int answers[], size_t n, double out[6], char code[4]);

/* How many of answers[0..n-1] were answered (not skipped). */
size_t quiz_answered(const int answers[], size_t n);

/*
 * For the results screen, by letter ('R' .. 'C', either case): a short
 * name ("Doer") and a plain-words phrase ("You like practical, hands-on
 * work"). "" for anything else.
 */
const char *quiz_type_name(char letter);
const char *quiz_type_phrase(char letter);

#endif
