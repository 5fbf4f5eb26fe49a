/*
 * say.c - figures in the words a pupil reads (see say.h).
 */
#include "say.h"

#include <math.h>
#include <stdio.h>

#include "format.h"
#include "mem.h"
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

void say_week(double pounds, char *out, size_t len)
{
	struct strbuf sb;

	if (!(pounds == pounds)) {	/* NAN */
		snprintf(out, len, "not known");
		return;
	}
	strbuf_init(&sb);
	format_money(&sb, llround(pounds) * 100);
	snprintf(out, len, "%s a week", sb.buf);
	strbuf_done(&sb);
}

void say_week_and_year(double pounds, char *out, size_t len)
{
	struct strbuf week, year;

	if (!(pounds == pounds)) {
		snprintf(out, len, "not known");
		return;
	}
	strbuf_init(&week);
	strbuf_init(&year);
	format_money(&week, llround(pounds) * 100);
	format_money(&year, llround(pounds) * 52 * 100);
	snprintf(out, len, "%s a week (%s a year)", week.buf, year.buf);
	strbuf_done(&week);
	strbuf_done(&year);
}

void say_change(const char *what, double from, double to, long long since, char *out,
		size_t len)
{
	static const struct {
		double share;
		const char *words;
	} parts[] = {
		{ 0.10, "a tenth" }, { 0.20, "a fifth" }, { 0.25, "a quarter" },
		{ 1.0 / 3, "a third" }, { 0.50, "a half" }, { 0.75, "three quarters" },
	};
	double ratio = from > 0 ? to / from : NAN, change;
	const char *best = NULL;
	double best_gap = 1;

	if (!(ratio == ratio)) {
		snprintf(out, len, "%s since %lld: not known", what, since);
		return;
	}
	change = fabs(ratio - 1);
	if (change < 0.05) {
		snprintf(out, len, "%s has stayed about the same since %lld", what, since);
		return;
	}
	if (ratio >= 1.9) {
		snprintf(out, len, "%s has %s since %lld", what, ratio < 2.3 ? "about doubled" :
			 "more than doubled", since);
		return;
	}
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (fabs(parts[i].share - change) < best_gap) {
			best_gap = fabs(parts[i].share - change);
			best = parts[i].words;
		}
	snprintf(out, len, "%s has gone %s by about %s since %lld", what, ratio > 1 ? "up" : "down",
		 best, since);
}
