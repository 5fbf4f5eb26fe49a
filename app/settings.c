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

static char *trim(char *p)
{
	char *end;

	while (*p == ' ' || *p == '\t')
		p++;
	end = p + strlen(p);
	while (end > p && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'))
		*--end = '\0';
	return p;
}

int settings_next(struct settings *s, char **name, char **value)
{
	while (fgets(s->buf, sizeof(s->buf), s->f)) {
		size_t n = strlen(s->buf);
		char *line, *eq;
		int c;

		s->line++;
		if (n == sizeof(s->buf) - 1 && s->buf[n - 1] != '\n') {
			/* Longer than any sensible setting: skip the rest and say so. */
			while ((c = fgetc(s->f)) != EOF && c != '\n')
				;
			return -1;
		}
		line = trim(s->buf);
		if (!*line || *line == '#')
			continue;
		if (*line == '[' && line[strlen(line) - 1] == ']') {
			line[strlen(line) - 1] = '\0';
			*name = trim(line + 1);
			*value = NULL;
			return 2;
		}
		eq = strchr(line, '=');
		if (!eq || eq == line)
			return -1;
		*eq = '\0';
		*name = trim(line);
		*value = trim(eq + 1);
		return 1;
	}
	return 0;
}

const char *settings_where(struct settings *s, char *out, size_t outlen)
{
	snprintf(out, outlen, "%s:%lu", s->path, s->line);
	return out;
}

void settings_close(struct settings *s)
{
	if (s->f)
		fclose(s->f);
	memset(s->buf, 0, sizeof(s->buf));
	s->f = NULL;
}
