/* test_glossary.c - data/glossary.txt: terms swapped for plain words, and explained per screen. */
#include <stdlib.h>

#include "check.h"
#include "glossary.h"
#include "mem.h"

static void plain(const char *text, const char *want)
{
	char out[300];

	glossary_plain_buf(text, out, sizeof(out));
	CHECK_STR(out, want);
}

TEST(terms_are_replaced_whole)
{
	plain("Animal care services occupations n.e.c", "Animal care services occupations (other)");
	plain("Elementary sales occupations n.e.c.", "Elementary sales occupations (other)");
	plain("Hall Cross Academy (Academy converter)", "Hall Cross Academy (Academy)");
	plain("Level 0 Award", "Entry level Award");
	plain("Level 01", "Level 01");
	plain("FdSc Computing", "Foundation degree in science Computing");
	plain("Computing (Top-up)", "Computing (final year of a degree)");
	plain("20% off-the-job training", "20% time set aside for learning, away from your everyday work");
	plain("Level 3 Diploma", "Level 3 Diploma");	/* explained, not replaced */
	plain("", "");
}

struct seen {
	int count, t_level, level_2;
};

static void note(void *ctx, const char *term, const char *words)
{
	struct seen *s = ctx;

	s->count++;
	s->t_level |= strcmp(term, "T Level") == 0 && strstr(words, "A levels") != NULL;
	s->level_2 |= strcmp(term, "Level 2") == 0;
}

TEST(explained_per_screen)
{
	struct seen s = { 0, 0, 0 };

	CHECK(glossary_each("results", note, &s) >= 5);
	CHECK(s.t_level && s.level_2);
	memset(&s, 0, sizeof(s));
	CHECK_INT(glossary_each("pin", note, &s), 0);
	CHECK_INT(glossary_each("result", note, &s), 0);	/* whole screen names only */
}

/* Every line of the file is a term the program uses: no line is silently left out. */
TEST(every_line_is_read)
{
	char path[512], line[600];
	FILE *f;
	int lines = 0, explained = 0;
	struct seen s = { 0, 0, 0 };
	static const char *const screens[] = { "results", "detail", "shortlist", "handover",
					       "compare", "session" };

	snprintf(path, sizeof(path), "%s/data/glossary.txt", CAREERS_SOURCE);
	f = fopen(path, "r");
	CHECK(f != NULL);
	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		char *use;

		if (line[0] == '#' || line[0] == '\n')
			continue;
		lines++;
		use = strrchr(line, '|');
		CHECK(use && (strncmp(use, "| replace", 9) == 0 || strncmp(use, "| explain ", 10) == 0));
		explained += use && strncmp(use, "| explain ", 10) == 0;
	}
	fclose(f);
	for (size_t i = 0; i < sizeof(screens) / sizeof(screens[0]); i++)
		glossary_each(screens[i], note, &s);
	CHECK(s.count >= explained);
	CHECK(lines > 20);
}

TESTS(terms_are_replaced_whole, explained_per_screen, every_line_is_read)
