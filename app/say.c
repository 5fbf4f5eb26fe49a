/*
 * say.c - figures in the words a pupil reads (see say.h).
 */
#include "say.h"

#include <math.h>
#include <stdio.h>

#include "schoolyear.h"

void say_level(double level, char *out, size_t len)
{
	static const char *const words[] = {
		"Entry level (a first step)", "Level 1 (like GCSEs at 3 to 1)",
		"Level 2 (like GCSEs at 9 to 4)", "Level 3 (like A levels)",
		"Level 4 (higher technical)", "Level 5 (higher technical)",
		"Level 6 (like a degree)", "Level 7 (like a master's degree)",
		"Level 8 (like a doctorate)",
	};

	if (isnan(level))
		snprintf(out, len, "%s", "not known");
	else if (level == 1.5)
		snprintf(out, len, "Level 1 or 2 (like GCSEs)");
	else if (level >= 0 && level <= 8 && level == floor(level))
		snprintf(out, len, "%s", words[(int)level]);
	else
		snprintf(out, len, "Level %g", level);
}

void say_date(const char *iso, char out[16])
{
	struct civil_date d;

	if (iso && date_parse(iso, &d))
		date_short(d, out);
	else
		snprintf(out, 16, "%s", iso ? iso : "");
}
