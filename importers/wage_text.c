/* wage_text.c - pay from the words of a vacancy (see wage_text.h). */
#include "wage_text.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "model.h"

extern const char minimum_wage_csv[];

/* Does s contain the lower-case words, ignoring case? */
static const char *find(const char *s, const char *words)
{
	size_t n = strlen(words);

	for (; *s; s++)
		if (strncasecmp(s, words, n) == 0)
			return s;
	return NULL;
}

/* "20,400.50" at s: pence, and where it ends; 0 when there is no number. */
static int amount(const char *s, long long *pence, const char **end)
{
	char digits[32];
	size_t n = 0;
	double pounds;

	if (!isdigit((unsigned char)*s))
		return 0;
	while ((isdigit((unsigned char)*s) || (*s == ',' && isdigit((unsigned char)s[1])) ||
		(*s == '.' && isdigit((unsigned char)s[1]))) && n + 1 < sizeof(digits)) {
		if (*s != ',')
			digits[n++] = *s;
		s++;
	}
	digits[n] = '\0';
	pounds = strtod(digits, NULL);
	if (pounds <= 0 || pounds > 1e7)
		return 0;
	*pence = (long long)(pounds * 100 + 0.5);
	*end = s;
	return 1;
}

/* The unit named just after a figure ("a year", "per hour", ...), or NULL. */
static const char *unit_after(const char *s)
{
	static const struct {
		const char *words, *unit;
	} units[] = {
		{ "a year", "annually" }, { "per year", "annually" }, { "per annum", "annually" },
		{ "annually", "annually" }, { "a yr", "annually" }, { "p.a", "annually" },
		{ "pa", "annually" }, { "an hour", "hourly" }, { "per hour", "hourly" },
		{ "p/h", "hourly" }, { "ph", "hourly" }, { "a week", "weekly" },
		{ "per week", "weekly" }, { "pw", "weekly" }, { "a month", "monthly" },
		{ "per month", "monthly" }, { "pcm", "monthly" },
	};
	size_t i;

	while (*s == ' ')
		s++;
	for (i = 0; i < sizeof(units) / sizeof(units[0]); i++) {
		size_t n = strlen(units[i].words);

		if (strncasecmp(s, units[i].words, n) == 0 && !isalpha((unsigned char)s[n]))
			return units[i].unit;
	}
	return NULL;
}

int wage_text_read(const char *text, struct wage_words *out)
{
	static const char pound[] = "\xc2\xa3";
	const char *p, *end, *unit;
	long long low, high;

	out->pence = out->low_pence = out->high_pence = MODEL_NO_INT;
	out->unit = out->minimum = NULL;
	if (!text)
		return 0;
	for (p = strstr(text, pound); p; p = strstr(p + 1, pound)) {
		if (!amount(p + 2, &low, &end))
			continue;
		high = MODEL_NO_INT;
		/* "£24,071 to £25,674", "£24,071 - £25,674" */
		while (*end == ' ')
			end++;
		if (strncasecmp(end, "to ", 3) == 0 || *end == '-' ||
		    strncmp(end, "\xe2\x80\x93", 3) == 0) {
			/* past "to ", "-" or an en dash (3 bytes) */
			const char *q = end + (*end == '-' ? 1 : 3);

			while (*q == ' ')
				q++;
			if (strncmp(q, pound, 2) == 0 && amount(q + 2, &high, &q))
				end = q;
			else
				high = MODEL_NO_INT;
		}
		unit = unit_after(end);
		if (!unit)	/* no unit: a figure this size can only be a year's or an hour's */
			unit = low >= 500000 ? "annually" : low <= 3000 ? "hourly" : NULL;
		if (!unit)
			continue;
		out->pence = low;
		if (high != MODEL_NO_INT && high >= low) {
			out->low_pence = low;
			out->high_pence = high;
		}
		out->unit = unit;
		return 1;
	}
	if (find(text, "minimum wage") || find(text, "nmw")) {
		out->minimum = find(text, "apprentice") ? "apprentice" : "under_18";
		return 1;
	}
	return 0;
}

int wage_text_minimum(const char *rate, const char *on, long long *pence, char from[11])
{
	const char *line = minimum_wage_csv;
	int found = 0;

	while (*line) {
		const char *next = strchr(line, '\n');
		size_t len = next ? (size_t)(next - line) : strlen(line);
		char name[16], day[11];
		long long p;

		if (*line != '#' && sscanf(line, "%15[^,],%10[^,],%lld", name, day, &p) == 3 &&
		    strcmp(name, rate) == 0 && (!on || strcmp(day, on) <= 0) &&
		    (!found || strcmp(day, from) > 0)) {
			*pence = p;
			snprintf(from, 11, "%s", day);
			found = 1;
		}
		line += len + (next != NULL);
	}
	return found;
}
