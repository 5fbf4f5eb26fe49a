/*
 * takeaway.c - the words a phone shows for a kiosk's QR code (see
 * takeaway.h): one line per shortlisted option, cut to fit the room.
 */
#include "takeaway.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "schoolyear.h"

static const char header[] = "My careers shortlist\n";
static const char code_long[] = "Adviser code (type it in): ";
static const char empty[] = "(nothing on it yet: the code holds my answers)\n";
static const char code_short[] = "Adviser code: ";

static const char *kind_word(enum option_kind kind)
{
	static const char *const words[OPTION_KIND_COUNT] = {
		[OPTION_CAREER] = "a career",
		[OPTION_COURSE] = "a course",
		[OPTION_SCHOOL] = "a sixth form or college",
		[OPTION_APPRENTICESHIP] = "an apprenticeship",
		[OPTION_VACANCY] = "a job with training",
		[OPTION_UNIVERSITY] = "a university course",
	};

	return (unsigned)kind < OPTION_KIND_COUNT ? words[kind] : "an option";
}

/* "N. Title - when - where", or "N. Title (a career)" when neither is known. */
static char *item_line(const struct takeaway_item *it, int number)
{
	struct strbuf sb;
	int has_when = it->when && *it->when, has_where = it->where && *it->where;

	strbuf_init(&sb);
	strbuf_printf(&sb, "%d. %s", number, it->title && *it->title ? it->title : "(no title)");
	if (!has_when && !has_where)
		strbuf_printf(&sb, " (%s)", kind_word(it->kind));
	if (has_when)
		strbuf_printf(&sb, " - %s", it->when);
	if (has_where)
		strbuf_printf(&sb, " - %s", it->where);
	/* One line each: no line breaks from the data. */
	for (size_t i = 0; i < sb.len; i++)
		if (sb.buf[i] == '\n' || sb.buf[i] == '\r' || sb.buf[i] == '\t')
			sb.buf[i] = ' ';
	return strbuf_detach(&sb);
}

/* The longest prefix of s of at most max bytes, not inside a UTF-8 character
 * and without a dangling " -" or ","; never shorter than keep bytes. */
static size_t cut_length(const char *s, size_t max, size_t keep)
{
	size_t n = strlen(s);

	if (n <= max)
		return n;
	n = max;
	while (n > keep && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	/* End on a whole word when one ends near the cut. */
	for (size_t back = n; back > keep && back + 8 > n; back--)
		if (s[back] == ' ') {
			n = back;
			break;
		}
	while (n > keep && strchr(" -,(", s[n - 1]))
		n--;
	return n;
}

static int by_length(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The longest cap such that the lines, each cut to at most cap bytes,
 * take no more than budget bytes ("water filling"); SIZE_MAX when all fit.
 */
static size_t line_cap(const size_t *lengths, int count, size_t budget)
{
	size_t *sorted = xcalloc((size_t)count + 1, sizeof(*sorted)), cap = (size_t)-1;
	size_t used = 0;

	memcpy(sorted, lengths, (size_t)count * sizeof(*sorted));
	qsort(sorted, (size_t)count, sizeof(*sorted), by_length);
	for (int i = 0; i < count; i++) {
		size_t left = (size_t)(count - i);

		if (used + sorted[i] * left > budget) {
			cap = (budget - used) / left;
			break;
		}
		used += sorted[i];
	}
	free(sorted);
	return cap;
}

int takeaway_text(struct strbuf *out, const struct takeaway_item *items, int count,
		  const char *code, size_t room)
{
	char **lines = xcalloc((size_t)count + 1, sizeof(*lines));
	size_t *lengths = xcalloc((size_t)count + 1, sizeof(*lengths));
	size_t whole = strlen(header) + strlen(code_long) + strlen(code), fixed, cap;
	int result = 1;

	strbuf_reset(out);
	for (int i = 0; i < count; i++) {
		lines[i] = item_line(&items[i], i + 1);
		lengths[i] = strlen(lines[i]);
		whole += lengths[i] + 1;
	}
	if (count == 0)
		whole += strlen(empty);
	if (whole <= room) {
		strbuf_puts(out, header);
		if (count == 0)
			strbuf_puts(out, empty);
		for (int i = 0; i < count; i++) {
			strbuf_puts(out, lines[i]);
			strbuf_putc(out, '\n');
		}
		strbuf_printf(out, "%s%s", code_long, code);
		goto done;
	}
	/* Short of room: no heading, a shorter label, the lines cut evenly. */
	result = 0;
	fixed = strlen(code_short) + strlen(code) + (size_t)count;	/* a '\n' per line */
	cap = room > fixed ? line_cap(lengths, count, room - fixed) : 0;
	for (int i = 0; i < count && result == 0; i++) {
		char number[16];
		size_t keep = (size_t)snprintf(number, sizeof(number), "%d. ", i + 1) + 1;

		if (cap < keep)
			result = -1;
	}
	if (result < 0) {
		strbuf_reset(out);
		goto done;
	}
	for (int i = 0; i < count; i++) {
		char number[16];
		size_t keep = (size_t)snprintf(number, sizeof(number), "%d. ", i + 1) + 1;

		strbuf_add(out, lines[i], cut_length(lines[i], cap, keep));
		strbuf_putc(out, '\n');
	}
	strbuf_printf(out, "%s%s", code_short, code);
done:
	for (int i = 0; i < count; i++)
		free(lines[i]);
	free(lines);
	free(lengths);
	return result;
}

void takeaway_when(enum option_kind kind, const char *start_date, const char *closing_date,
		   char *out, size_t outlen)
{
	struct civil_date d;
	char text[16];

	out[0] = '\0';
	if (kind == OPTION_VACANCY && closing_date && date_parse(closing_date, &d)) {
		date_short(d, text);
		snprintf(out, outlen, "apply by %s", text);
	} else if (start_date && date_parse(start_date, &d)) {
		date_month_year(d, text);
		snprintf(out, outlen, "starts %s", text);
	}
}
