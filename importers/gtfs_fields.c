/*
 * gtfs_fields.c - what the GTFS importers share (see gtfs_fields.h).
 *
 * A region's stop_times.txt is a million rows, so times, dates and numbers
 * are read by hand here rather than through the general rules of
 * validate.c: the same checks, a good deal quicker.
 */
#include "gtfs_fields.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "schoolyear.h"

enum status gtfs_begin(struct import_file *file)
{
	struct gtfs_file *st = import_file_state(file);
	const char *path = import_file_path(file), *slash = strrchr(path, '/');

	if (slash && slash > path)
		snprintf(st->feed, sizeof(st->feed), "%.*s", (int)(slash - path), path);
	else
		snprintf(st->feed, sizeof(st->feed), "%s", slash ? "/" : ".");
	return STATUS_OK;
}

const char *gtfs_feed(struct import_row *r)
{
	const struct gtfs_file *st = import_state(r);

	return st->feed;
}

/* The value without the spaces around it: start in *v, length returned. */
static size_t trimmed(const char **v)
{
	const char *s = *v;
	size_t n;

	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	*v = s;
	return n;
}

const char *gtfs_optional_id(struct import_row *r, int column)
{
	const char *v = import_value(r, column);
	size_t n = trimmed(&v);

	if (!n)
		return NULL;
	if (n > 255) {
		import_reject(r, column, "is %zu characters long; an id is at most 255", n);
		return NULL;
	}
	/* import_text checks the text (and trims it); a blank-looking id such as "NA" is kept. */
	{
		const char *text = import_text(r, column);

		if (import_rejected(r))
			return NULL;
		if (text)
			return text;
	}
	return v;	/* a sentinel such as "NA" or "-": an id all the same */
}

const char *gtfs_id(struct import_row *r, int column)
{
	const char *v = gtfs_optional_id(r, column);

	if (!v && !import_rejected(r))
		import_reject(r, column, "is empty, but every row needs it");
	return v;
}

/* Digits from *p (at most max_digits, at least one): the number, or -1. */
static long digits(const char **p, int max_digits)
{
	long v = 0;
	int n = 0;

	while (isdigit((unsigned char)**p) && n < max_digits) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n ? v : -1;
}

int gtfs_time(struct import_row *r, int column, int *seconds)
{
	const char *v = import_value(r, column), *p;
	size_t n = trimmed(&v);
	long h, m, s;

	if (!n)
		return 0;
	p = v;
	h = digits(&p, 3);
	if (h >= 0 && *p == ':') {
		const char *mm = ++p;

		m = digits(&p, 2);
		if (m >= 0 && p - mm == 2 && *p == ':') {
			const char *ss = ++p;

			s = digits(&p, 2);
			if (s >= 0 && p - ss == 2 && (size_t)(p - v) == n && m < 60 && s < 60 &&
			    h < 168) {
				*seconds = (int)(h * 3600 + m * 60 + s);
				return 1;
			}
		}
	}
	import_reject(r, column, "\"%.*s\" is not a time like 08:05:00 (hours may pass 24 for a "
		      "trip that runs on after midnight)", (int)(n > 24 ? 24 : n), v);
	return -1;
}

int gtfs_date(struct import_row *r, int column, char iso[11])
{
	const char *v = import_value(r, column);
	size_t n = trimmed(&v), i;
	struct civil_date d;

	if (!n)
		return 0;
	for (i = 0; i < n && isdigit((unsigned char)v[i]); i++)
		;
	if (n == 8 && i == 8) {
		snprintf(iso, 11, "%.4s-%.2s-%.2s", v, v + 4, v + 6);
		if (date_parse(iso, &d))
			return 1;
	}
	import_reject(r, column, "\"%.*s\" is not a date like 20261207 (YYYYMMDD)",
		      (int)(n > 24 ? 24 : n), v);
	iso[0] = '\0';
	return -1;
}

int gtfs_int(struct import_row *r, int column, long long min, long long max, long long *out)
{
	const char *v = import_value(r, column), *p;
	size_t n = trimmed(&v);
	long long x = 0;
	int negative = 0;

	if (!n)
		return 0;
	p = v;
	if (*p == '-' || *p == '+')
		negative = *p++ == '-';
	if (!isdigit((unsigned char)*p) || n > 18)
		goto bad;
	while (isdigit((unsigned char)*p))
		x = x * 10 + (*p++ - '0');
	if ((size_t)(p - v) != n)
		goto bad;
	if (negative)
		x = -x;
	if (x < min || x > max) {
		import_reject(r, column, "%lld is out of range (expected %lld to %lld)", x, min, max);
		return -1;
	}
	*out = x;
	return 1;
bad:
	import_reject(r, column, "\"%.*s\" is not a whole number", (int)(n > 24 ? 24 : n), v);
	return -1;
}
