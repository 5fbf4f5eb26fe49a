/*
 * glossary.c - data/glossary.txt, read once (see glossary.h).
 */
#include "glossary.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

extern const char glossary_txt[];

#define GLOSSARY_MAX 128

struct term {
	const char *term, *plain, *screens;	/* screens: NULL for "replace" */
};

static struct term terms[GLOSSARY_MAX];
static int count;
static char *copy;
static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void)
{
	char *line;

	copy = xstrdup(glossary_txt);
	for (line = copy; *line && count < GLOSSARY_MAX;) {
		char *end = strchr(line, '\n'), *bar1, *bar2;

		if (end)
			*end = '\0';
		if (line[0] && line[0] != '#' && (bar1 = strstr(line, " | ")) &&
		    (bar2 = strstr(bar1 + 3, " | "))) {
			*bar1 = '\0';
			*bar2 = '\0';
			terms[count].term = line;
			terms[count].plain = bar1 + 3;
			if (strncmp(bar2 + 3, "explain ", 8) == 0)
				terms[count].screens = bar2 + 11;
			else if (strcmp(bar2 + 3, "replace") == 0)
				terms[count].screens = NULL;
			else
				goto next;	/* not ours: test_glossary catches it */
			count++;
		}
next:
		if (!end)
			break;
		line = end + 1;
	}
}

static int word_char(char c)
{
	return isalnum((unsigned char)c) || c == '-';
}

void glossary_plain(const char *text, struct strbuf *out)
{
	const char *p = text ? text : "";

	pthread_once(&once, load);
	while (*p) {
		int done = 0;

		if (p == text || !word_char(p[-1]))
			for (int i = 0; i < count && !done; i++) {
				size_t n = strlen(terms[i].term);

				if (terms[i].screens || strncmp(p, terms[i].term, n) != 0 ||
				    (word_char(p[n]) && word_char(terms[i].term[n - 1])))
					continue;
				strbuf_puts(out, terms[i].plain);
				p += n;
				done = 1;
			}
		if (!done)
			strbuf_putc(out, *p++);
	}
}

void glossary_plain_buf(const char *text, char *out, size_t len)
{
	struct strbuf sb;

	strbuf_init(&sb);
	glossary_plain(text, &sb);
	snprintf(out, len, "%s", sb.buf);
	strbuf_done(&sb);
}

int glossary_each(const char *screen, void (*fn)(void *ctx, const char *term, const char *plain),
		  void *ctx)
{
	int n = 0;
	size_t len = strlen(screen);

	pthread_once(&once, load);
	for (int i = 0; i < count; i++) {
		const char *s = terms[i].screens;

		for (; s && *s; s += strcspn(s, ",") + (s[strcspn(s, ",")] ? 1 : 0))
			if (strncmp(s, screen, len) == 0 && (s[len] == ',' || !s[len])) {
				fn(ctx, terms[i].term, terms[i].plain);
				n++;
				break;
			}
	}
	return n;
}
