/*
 * wage_text.h - pay read from the words of a vacancy.
 *
 * Find an apprenticeship v2 leaves wageAmount empty for real vacancies
 * and puts the figure in wageAdditionalInformation: "£20,400 a year",
 * "£7.55 an hour", "£24,071 to £25,674 a year", or "National Minimum Wage
 * for apprentices". wage_text_read() reads the first of those forms;
 * wage_text_minimum() gives the minimum-wage rates, which are facts kept
 * in data/minimum_wage.csv (embedded at build time) with the day each
 * came into force.
 */
#ifndef CAREERS_WAGE_TEXT_H
#define CAREERS_WAGE_TEXT_H

struct wage_words {
	long long pence;		/* the figure, or the lower of a range */
	long long low_pence, high_pence;	/* a range; MODEL_NO_INT when not one */
	const char *unit;		/* "annually", "monthly", "weekly", "hourly" */
	const char *minimum;		/* "apprentice", "under_18" when the text names a
					   minimum wage instead of a figure; else NULL */
};

/*
 * Read pay from text. 1: out->pence and unit are set, or out->minimum;
 * 0: the text gives neither.
 */
int wage_text_read(const char *text, struct wage_words *out);

/*
 * The rate (pence an hour) of `rate` ("apprentice", "under_18") in force
 * on the ISO date `on` (NULL: the newest); from gets the day it came into
 * force. 0 when there is none.
 */
int wage_text_minimum(const char *rate, const char *on, long long *pence, char from[11]);

#endif
