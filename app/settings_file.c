/* settings_file.c - see settings_file.h. */
#include "settings_file.h"

#include <string.h>

#include "encoding.h"

void settings_line_init(struct settings_line *l)
{
	memset(l, 0, sizeof(*l));
}

int settings_next_line(FILE *f, struct settings_line *l)
{
	int c, any = 0;

	l->len = 0;
	l->too_long = l->has_nul = 0;
	while ((c = getc(f)) != EOF) {
		any = 1;
		if (c == '\n')
			break;
		if (c == '\0')
			l->has_nul = 1;
		if (l->len + 1 < sizeof(l->text))
			l->text[l->len++] = (char)c;
		else
			l->too_long = 1;
	}
	if (!any)
		return 0;
	if (l->len && l->text[l->len - 1] == '\r' && !l->too_long)
		l->len--;
	l->text[l->len] = '\0';
	l->number++;
	return 1;
}

int settings_line_ignored(const struct settings_line *l)
{
	size_t i = strspn(l->text, " \t");

	return l->text[i] == '\0' || l->text[i] == '#' || (l->text[i] == '\r' && !l->text[i + 1]);
}

int settings_text_clean(const char *s)
{
	size_t n = strlen(s), i;

	if (utf8_valid_prefix((const unsigned char *)s, n) != n)
		return 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c < 0x20 || c == 0x7f)
			return 0;
		/* C1 controls, U+0080-U+009F, are C2 80 - C2 9F in UTF-8. */
		if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0)
			return 0;
	}
	return 1;
}

char *settings_trim(char *s)
{
	size_t n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		s[--n] = '\0';
	return s;
}
