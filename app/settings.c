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
		char *line = trim(s->buf), *eq;

		s->line++;
		if (!*line || *line == '#')
			continue;
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
