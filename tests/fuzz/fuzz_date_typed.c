/*
 * fuzz_date_typed.c - any text typed as a date or a meeting time
 * (app/date_typed.c), as advisers type them into the notes screen.
 *
 * Besides the sanitizers, this checks what date_typed() promises: a
 * refusal says why, in plain text; an accepted date is a real date from
 * 1800 to 2200; a meeting is "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" with a
 * real date and time of day.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "corpus.h"
#include "date_typed.h"
#include "mem.h"

const char fuzz_target[] = "fuzz_date_typed";

static int real_meeting(const char *s)
{
	struct civil_date d;
	char day[11];
	size_t n = strlen(s);

	if (n != 10 && n != 16)
		return 0;
	memcpy(day, s, 10);
	day[10] = '\0';
	if (!date_parse(day, &d))
		return 0;
	return n == 10 || (s[10] == ' ' && s[13] == ':' && atoi(s + 11) < 24 && atoi(s + 14) < 60);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct civil_date today = { 2026, 11, 30 };
	char *typed = xstrndup((const char *)data, size), why[200] = "", iso[11], meeting[17];
	struct civil_date d, back;

	if (!date_typed(typed, today, &d, why, sizeof(why))) {
		if (!why[0] || !fuzz_plain_text(why))
			fuzz_broken("a date refused without a plain reason", why);
	} else {
		date_iso(d, iso);
		if (!date_parse(iso, &back) || date_compare(back, d) != 0 || d.year < 1800 ||
		    d.year > 2200)
			fuzz_broken("a date was read that is not a real date", iso);
	}
	why[0] = '\0';
	if (!date_typed_meeting(typed, today, meeting, why, sizeof(why))) {
		if (!why[0] || !fuzz_plain_text(why))
			fuzz_broken("a meeting refused without a plain reason", why);
	} else if (!real_meeting(meeting)) {
		fuzz_broken("a meeting was read that is not a date and time", meeting);
	}
	free(typed);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, fuzz_target);
}
#endif
