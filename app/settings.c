/* settings.c - "name = value" settings files (see settings.h). */
#include "settings.h"

#include <string.h>

int settings_open(struct settings *s, const char *path)
{
	memset(s, 0, sizeof(*s));
	s->path = path;
	s->f = fopen(path, "r");
	return s->f ? 0 : -1;
}

int settings_open_text(struct settings *s, const char *path, const char *text)
{
	memset(s, 0, sizeof(*s));
	s->path = path;
	s->f = fmemopen((void *)text, strlen(text), "r");
	return s->f ? 0 : -1;
}

int settings_next(struct settings *s, char **name, char **value)
{
	while (settings_next_line(s->f, &s->l)) {
		char *line, *eq;

		/* Longer than any sensible setting, or with a NUL in it: say so. */
		if (s->l.too_long || s->l.has_nul)
			return -1;
		if (settings_line_ignored(&s->l))
			continue;
		line = settings_trim(s->l.text);
		if (*line == '[' && line[strlen(line) - 1] == ']') {
			line[strlen(line) - 1] = '\0';
			*name = settings_trim(line + 1);
			*value = NULL;
			return 2;
		}
		eq = strchr(line, '=');
		if (!eq || eq == line)
			return -1;
		*eq = '\0';
		*name = settings_trim(line);
		*value = settings_trim(eq + 1);
		return 1;
	}
	return 0;
}

const char *settings_where(struct settings *s, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s:%lu", s->path, s->l.number);
	return out;
}

void settings_close(struct settings *s)
{
	if (s->f)
		fclose(s->f);
	memset(&s->l, 0, sizeof(s->l));
	s->f = NULL;
}
