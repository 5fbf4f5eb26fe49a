/*
 * guide.c - data/gcse_subjects.txt, read once (see guide.h).
 *
 * The file is ours and embedded, so a line that does not have its four
 * fields is a mistake in the program: it is left out (test_guide checks
 * that every interest area has a line and every line is whole).
 */
#include "guide.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"

extern const char gcse_subjects_txt[];

#define GUIDE_MAX 64

static struct guide_area areas[GUIDE_MAX];
static int count;
static char *copy;
static pthread_once_t once = PTHREAD_ONCE_INIT;

const char guide_at_16[] =
	"At 16 you can stay in school or go to college for A levels, a T Level or another "
	"course, or start an apprenticeship (you get paid and learn at work). You must keep "
	"learning in some way until you are 18.";
const char guide_at_18[] =
	"At 18 you can go to university, start a higher or degree apprenticeship, or get a "
	"job with training.";

/* Cut " | "-separated fields in place; the number found. */
static int fields(char *line, char **out, int max)
{
	int n = 0;

	while (n < max) {
		char *bar = strstr(line, " | ");

		out[n++] = line;
		if (!bar)
			break;
		*bar = '\0';
		line = bar + 3;
	}
	return n;
}

static void load(void)
{
	char *line;

	copy = xstrdup(gcse_subjects_txt);
	for (line = copy; *line && count < GUIDE_MAX;) {
		char *end = strchr(line, '\n'), *f[5];

		if (end)
			*end = '\0';
		if (line[0] && line[0] != '#' && fields(line, f, 5) == 4) {
			areas[count].slug = f[0];
			areas[count].subjects = f[1];
			areas[count].try_now = f[2];
			areas[count].source = f[3];
			count++;
		}
		if (!end)
			break;
		line = end + 1;
	}
}

const struct guide_area *guide_for(const char *slug)
{
	pthread_once(&once, load);
	for (int i = 0; i < count; i++)
		if (strcmp(areas[i].slug, slug) == 0)
			return &areas[i];
	return NULL;
}

int guide_count(void)
{
	pthread_once(&once, load);
	return count;
}

const struct guide_area *guide_at(int i)
{
	pthread_once(&once, load);
	return i >= 0 && i < count ? &areas[i] : NULL;
}
