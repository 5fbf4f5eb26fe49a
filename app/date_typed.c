/*
 * date_typed.c - dates as people type them (see date_typed.h).
 *
 * The text is cut into words (letters, or digits) and read by shape:
 * three numbers (D M Y, or Y M D when the first has four digits); a day
 * and a month name in either order, with an optional year; a weekday,
 * with an optional "next" or "this"; "today", "tomorrow"; "in N days"
 * or "in N weeks". Anything else is refused with how to type a date.
 */
#include "date_typed.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define WORDS_MAX 8
#define WORD_LEN 16

static const char how[] = "type a date like 7/9/27, 7 Sep 2027 or next Monday";

static const char *const month_names[] = {
	"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december",
};

static const char *const day_names[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
};

struct words {
	char w[WORDS_MAX][WORD_LEN];
	int n;
	int too_many;
};

/* Letters and digits make words; "7th" is 7; anything else separates. */
static void split(const char *text, struct words *ws)
{
	const char *p = text;

	memset(ws, 0, sizeof(*ws));
	while (*p) {
		size_t len = 0;
		int digits;

		while (*p && !isalnum((unsigned char)*p))
			p++;
		if (!*p)
			break;
		digits = isdigit((unsigned char)*p) != 0;
		if (ws->n == WORDS_MAX) {
			ws->too_many = 1;
			return;
		}
		while (*p && isalnum((unsigned char)*p) &&
		       (isdigit((unsigned char)*p) != 0) == digits) {
			if (len + 1 < WORD_LEN)
				ws->w[ws->n][len++] = (char)tolower((unsigned char)*p);
			p++;
		}
		/* 7th, 1st, 22nd, 3rd: the ordinal's letters belong to the number. */
		if (digits && (strncasecmp(p, "st", 2) == 0 || strncasecmp(p, "nd", 2) == 0 ||
			       strncasecmp(p, "rd", 2) == 0 || strncasecmp(p, "th", 2) == 0) &&
		    !isalpha((unsigned char)p[2]))
			p += 2;
		ws->n++;
	}
}

static int is_number(const char *w)
{
	return *w && strspn(w, "0123456789") == strlen(w) && strlen(w) <= 4;
}

/* 1-12 for a month name or its first three letters or more ("sept"); 0 if not. */
static int month_of(const char *w)
{
	size_t n = strlen(w);

	if (n < 3)
		return 0;
	for (int i = 0; i < 12; i++)
		if (strncmp(month_names[i], w, n) == 0 || (i == 8 && strcmp(w, "sept") == 0))
			return i + 1;
	return 0;
}

/* 0-6 (Monday first) for a weekday or its first three letters or more; -1 if not. */
static int weekday_of(const char *w)
{
	size_t n = strlen(w);

	if (n < 3)
		return -1;
	for (int i = 0; i < 7; i++)
		if (strncmp(day_names[i], w, n) == 0)
			return i;
	return -1;
}

static int refuse(char *why, size_t whylen, const char *what)
{
	if (why && whylen)
		snprintf(why, whylen, "%s", what);
	return 0;
}

static int days_in(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	return month == 2 && leap ? 29 : days[month - 1];
}

/* A day, month and year (year 0: the next such day on or after today). */
static int make(int day, int month, int year, struct civil_date today, struct civil_date *out,
		char *why, size_t whylen)
{
	char what[120];

	if (month < 1 || month > 12) {
		snprintf(what, sizeof(what), "there is no month %d: %s", month, how);
		return refuse(why, whylen, what);
	}
	if (year && year < 100)
		year += 2000;
	if (year && (year < 1800 || year > 2200))
		return refuse(why, whylen, "careers works with dates from 1800 to 2200");
	if (!year) {
		year = today.year;
		if (month < today.month || (month == today.month && day < today.day))
			year++;
	}
	if (day < 1 || day > days_in(year, month)) {
		snprintf(what, sizeof(what), "%s %d has %d days", month_names[month - 1], year,
			 days_in(year, month));
		what[0] = (char)toupper((unsigned char)what[0]);
		return refuse(why, whylen, what);
	}
	out->year = year;
	out->month = month;
	out->day = day;
	return 1;
}

static int read_words(const struct words *ws, struct civil_date today, struct civil_date *out,
		      char *why, size_t whylen)
{
	const char *const *w = NULL;
	int n = ws->n, m;
	char what[160];
	const char *v[WORDS_MAX];

	for (int i = 0; i < n; i++)
		v[i] = ws->w[i];
	w = v;
	if (n == 0)
		return refuse(why, whylen, how);
	if (n == 1 && strcmp(w[0], "today") == 0) {
		*out = today;
		return 1;
	}
	if (n == 1 && strcmp(w[0], "tomorrow") == 0) {
		*out = date_add_days(today, 1);
		return 1;
	}
	/* in 3 days, in 2 weeks */
	if (n == 3 && strcmp(w[0], "in") == 0 && is_number(w[1]) &&
	    (strncmp(w[2], "day", 3) == 0 || strncmp(w[2], "week", 4) == 0)) {
		long k = strtol(w[1], NULL, 10) * (w[2][0] == 'w' ? 7 : 1);

		if (k > 3660)
			return refuse(why, whylen, "that is more than ten years away");
		*out = date_add_days(today, k);
		return 1;
	}
	/* Monday, next Monday, this Monday */
	if ((n == 1 || (n == 2 && (strcmp(w[0], "next") == 0 || strcmp(w[0], "this") == 0))) &&
	    weekday_of(w[n - 1]) >= 0) {
		int want = weekday_of(w[n - 1]), ahead = (want - date_weekday(today) + 7) % 7;

		*out = date_add_days(today, ahead ? ahead : 7);
		return 1;
	}
	/* 7 9 27, 2027 9 7 */
	if (n == 3 && is_number(w[0]) && is_number(w[1]) && is_number(w[2])) {
		int a = atoi(w[0]), b = atoi(w[1]), c = atoi(w[2]);

		if (strlen(w[0]) == 4)
			return make(c, b, a, today, out, why, whylen);
		if (strlen(w[2]) == 3)
			return refuse(why, whylen, how);
		return make(a, b, c, today, out, why, whylen);
	}
	/* 7 9 (this year or next) */
	if (n == 2 && is_number(w[0]) && is_number(w[1]) && strlen(w[0]) <= 2 && strlen(w[1]) <= 2)
		return make(atoi(w[0]), atoi(w[1]), 0, today, out, why, whylen);
	/* 7 Sep [2027], Sep 7 [2027] */
	if ((n == 2 || n == 3) && (n == 2 || is_number(w[2]))) {
		int year = n == 3 ? atoi(w[2]) : 0;

		if (n == 3 && strlen(w[2]) != 2 && strlen(w[2]) != 4)
			return refuse(why, whylen, how);
		if (is_number(w[0]) && strlen(w[0]) <= 2 && (m = month_of(w[1])) > 0)
			return make(atoi(w[0]), m, year, today, out, why, whylen);
		if (is_number(w[1]) && strlen(w[1]) <= 2 && (m = month_of(w[0])) > 0)
			return make(atoi(w[1]), m, year, today, out, why, whylen);
		for (int i = 0; i < 2; i++)
			if (!is_number(w[i]) && !month_of(w[i])) {
				snprintf(what, sizeof(what), "\"%.15s\" is not a month: %s", w[i], how);
				return refuse(why, whylen, what);
			}
	}
	return refuse(why, whylen, how);
}

int date_typed(const char *text, struct civil_date today, struct civil_date *out, char *why,
	       size_t whylen)
{
	struct words ws;

	if (why && whylen)
		why[0] = '\0';
	split(text ? text : "", &ws);
	if (ws.too_many)
		return refuse(why, whylen, how);
	/* "Monday 7 Sep": the weekday is only a reminder; the date decides. */
	if (ws.n >= 3 && weekday_of(ws.w[0]) >= 0 && strcmp(ws.w[0], "next") != 0) {
		memmove(ws.w[0], ws.w[1], sizeof(ws.w[0]) * (size_t)(ws.n - 1));
		ws.n--;
	}
	return read_words(&ws, today, out, why, whylen);
}

/* A time of day at the end of text: "10:30", "10.30", "2pm", "2:30 pm"; its start in *at. */
static int time_at_end(const char *text, int *hour, int *minute, size_t *at)
{
	size_t n = strlen(text);
	int pm = -1, h = 0, m = 0, digits = 0;

	while (n && text[n - 1] == ' ')
		n--;
	if (n >= 2 && (strncasecmp(text + n - 2, "am", 2) == 0 || strncasecmp(text + n - 2, "pm", 2) == 0)) {
		pm = tolower((unsigned char)text[n - 2]) == 'p';
		n -= 2;
		while (n && text[n - 1] == ' ')
			n--;
	}
	/* minutes */
	size_t end = n;

	while (n && isdigit((unsigned char)text[n - 1]) && end - n < 2)
		n--;
	if (n == end)
		return 0;
	if (n && (text[n - 1] == ':' || text[n - 1] == '.') && end - n == 2) {
		m = atoi(text + n);
		n--;
		end = n;
		while (n && isdigit((unsigned char)text[n - 1]) && end - n < 2)
			n--;
		digits = (int)(end - n);
		if (!digits)
			return 0;
		h = atoi(text + n);
	} else if (pm >= 0) {
		h = atoi(text + n);
	} else {
		return 0;	/* a bare number is part of the date */
	}
	if (n && isalnum((unsigned char)text[n - 1]))
		return 0;
	if (pm == 1 && h < 12)
		h += 12;
	if (pm == 0 && h == 12)
		h = 0;
	if (h > 23 || m > 59 || (pm >= 0 && (h > 24 || atoi(text + n) > 12 || atoi(text + n) == 0)))
		return 0;
	*hour = h;
	*minute = m;
	*at = n;
	return 1;
}

int date_typed_meeting(const char *text, struct civil_date today, char out[17], char *why,
		       size_t whylen)
{
	char date_part[96];
	int hour = -1, minute = 0;
	size_t at;
	struct civil_date d;

	out[0] = '\0';
	snprintf(date_part, sizeof(date_part), "%s", text ? text : "");
	if (time_at_end(date_part, &hour, &minute, &at)) {
		date_part[at] = '\0';
		/* "... at 10:30" */
		at = strlen(date_part);
		while (at && date_part[at - 1] == ' ')
			date_part[--at] = '\0';
		if (at >= 3 && strcasecmp(date_part + at - 3, " at") == 0)
			date_part[at - 3] = '\0';
	} else {
		hour = -1;
	}
	if (!date_typed(date_part, today, &d, why, whylen))
		return 0;
	date_iso(d, out);
	if (hour >= 0 && hour < 24 && minute >= 0 && minute < 60) {
		/* " HH:MM", digit by digit: both are known to be in range */
		out[10] = ' ';
		out[11] = (char)('0' + hour / 10);
		out[12] = (char)('0' + hour % 10);
		out[13] = ':';
		out[14] = (char)('0' + minute / 10);
		out[15] = (char)('0' + minute % 10);
		out[16] = '\0';
	}
	return 1;
}
