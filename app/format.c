/* format.c - JSON, CSV, money and width-aware text for output. */
#include "format.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "encoding.h"

void format_json_string(struct strbuf *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t left;

	if (!s) {
		strbuf_puts(out, "null");
		return;
	}
	left = strlen(s);
	strbuf_putc(out, '"');
	while (*p) {
		size_t ok;

		switch (*p) {
		case '"': strbuf_puts(out, "\\\""); break;
		case '\\': strbuf_puts(out, "\\\\"); break;
		case '\n': strbuf_puts(out, "\\n"); break;
		case '\r': strbuf_puts(out, "\\r"); break;
		case '\t': strbuf_puts(out, "\\t"); break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				strbuf_printf(out, "\\u%04x", *p);
			} else if (*p < 0x80) {
				strbuf_putc(out, (char)*p);
			} else if ((ok = utf8_valid_prefix(p, left)) == 0) {
				/* Not UTF-8: JSON cannot carry the byte, so it is replaced. */
				strbuf_puts(out, "\\ufffd");
			} else {
				size_t len = *p < 0xE0 ? 2 : *p < 0xF0 ? 3 : 4;

				if (*p == 0xC2 && p[1] < 0xA0)	/* C1 controls, escaped */
					strbuf_printf(out, "\\u%04x", p[1]);
				else
					strbuf_add(out, (const char *)p, len);
				p += len;
				left -= len;
				continue;
			}
		}
		p++;
		left--;
	}
	strbuf_putc(out, '"');
}

void format_json_number(struct strbuf *out, double v, int decimals)
{
	if (isnan(v) || isinf(v))
		strbuf_puts(out, "null");
	else
		strbuf_printf(out, "%.*f", decimals, v);
}

void format_csv_field(struct strbuf *out, const char *s)
{
	if (!s)
		return;
	if (!strpbrk(s, ",\"\r\n")) {
		strbuf_puts(out, s);
		return;
	}
	strbuf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			strbuf_putc(out, '"');
		strbuf_putc(out, *s);
	}
	strbuf_putc(out, '"');
}

void format_count(struct strbuf *out, double n)
{
	char digits[32];
	int len, i;

	if (n < 0) {
		strbuf_putc(out, '-');
		n = -n;
	}
	len = snprintf(digits, sizeof(digits), "%.0f", n);
	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			strbuf_putc(out, ',');
		strbuf_putc(out, digits[i]);
	}
}

void format_money(struct strbuf *out, long long pence)
{
	long long pounds = pence / 100;
	char digits[32], grouped[48];
	int n, k = 0, i;

	if (pence < 0) {
		strbuf_putc(out, '-');
		pence = -pence;
		pounds = pence / 100;
	}
	n = snprintf(digits, sizeof(digits), "%lld", pounds);
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			grouped[k++] = ',';
		grouped[k++] = digits[i];
	}
	grouped[k] = '\0';
	strbuf_printf(out, "\xC2\xA3%s", grouped);
	if (pence % 100)
		strbuf_printf(out, ".%02lld", pence % 100);
}

int format_width(const char *s)
{
	int w = 0;

	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			w++;
	return w;
}

void format_fit(struct strbuf *out, const char *s, int columns)
{
	const char *p = s, *cut = NULL;
	int w = 0;

	if (columns <= 0)
		return;
	if (format_width(s) <= columns) {
		strbuf_puts(out, s);
		return;
	}
	/* Keep columns - 3 characters, then "...". */
	for (; *p; p++) {
		if (((unsigned char)*p & 0xC0) == 0x80)
			continue;
		if (w == (columns > 3 ? columns - 3 : columns)) {
			cut = p;
			break;
		}
		w++;
	}
	strbuf_add(out, s, (size_t)((cut ? cut : p) - s));
	if (columns > 3)
		strbuf_puts(out, "...");
}

void format_wrap(struct strbuf *out, const char *s, int columns, const char *first,
		 const char *indent)
{
	const char *prefix = first;
	int width = columns - format_width(first);

	while (*s == ' ')
		s++;
	while (*s) {
		const char *line = s, *last_space = NULL, *last_mark = NULL, *p = s;
		int w = 0;

		while (*p && *p != '\n') {
			if (((unsigned char)*p & 0xC0) != 0x80) {
				if (w == width)
					break;
				w++;
			}
			if (*p == ' ')
				last_space = p;
			else if (strchr("/-?&=_.", *p) && p[1] && p[1] != ' ')
				last_mark = p + 1;	/* a web address may break after these */
			p++;
		}
		if (*p && *p != '\n' && last_space && last_space > line)
			p = last_space;
		else if (*p && *p != '\n' && last_mark && last_mark > line)
			p = last_mark;	/* a word longer than a line: after a / or -, not mid-word */
		strbuf_puts(out, prefix);
		strbuf_add(out, line, (size_t)(p - line));
		strbuf_putc(out, '\n');
		s = p;
		while (*s == ' ' || *s == '\n')
			s++;
		prefix = indent;
		width = columns - format_width(indent);
		if (width < 8)
			width = 8;
	}
}

void format_bytes(struct strbuf *out, long long bytes)
{
	static const char *const units[] = { "KB", "MB", "GB", "TB" };
	double n = (double)bytes;
	int u = -1;

	if (bytes < 1000) {
		strbuf_printf(out, "%lld byte%s", bytes, bytes == 1 ? "" : "s");
		return;
	}
	while (n >= 999.95 && u < 3) {
		n /= 1000.0;
		u++;
	}
	strbuf_printf(out, "%.1f %s", n, units[u]);
}
