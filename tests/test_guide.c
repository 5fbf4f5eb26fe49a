/* test_guide.c - data/gcse_subjects.txt: a whole line, with a source, for every interest area. */
#include <stdlib.h>

#include "check.h"
#include "guide.h"
#include "mem.h"

/* The interest area slugs in data/schema.sql: "(N, 'slug', " in its INSERT. */
static int schema_slugs(char slugs[][32], int max)
{
	char path[512], *text, *p;
	FILE *f;
	long size;
	int n = 0;

	snprintf(path, sizeof(path), "%s/data/schema.sql", CAREERS_SOURCE);
	f = fopen(path, "rb");
	CHECK(f != NULL);
	if (!f)
		return 0;
	fseek(f, 0, SEEK_END);
	size = ftell(f);
	fseek(f, 0, SEEK_SET);
	text = xcalloc((size_t)size + 1, 1);
	CHECK(fread(text, 1, (size_t)size, f) == (size_t)size);
	fclose(f);
	p = strstr(text, "INSERT INTO interest_area");
	CHECK(p != NULL);
	while (p && n < max && (p = strstr(p, "\n\t(")) != NULL) {
		char *quote = strchr(p, '\''), *end;

		if (!quote || quote - p > 12)
			break;
		end = strchr(quote + 1, '\'');
		snprintf(slugs[n++], 32, "%.*s", (int)(end - quote - 1), quote + 1);
		p = end;
		if (strncmp(strchr(p, '\n') - 2, ");", 2) == 0 || strstr(p, "\n\n") < strstr(p, "\n\t("))
			break;
	}
	free(text);
	return n;
}

TEST(every_area_has_a_whole_line)
{
	char slugs[64][32];
	int n = schema_slugs(slugs, 64);

	CHECK(n >= 16);
	CHECK_INT(guide_count(), n);
	for (int i = 0; i < n; i++) {
		const struct guide_area *g = guide_for(slugs[i]);

		if (!g) {
			fprintf(stderr, "no guide for the interest area \"%s\"\n", slugs[i]);
			check_failures++;
			continue;
		}
		CHECK(strncmp(g->subjects, "English; Maths", 14) == 0);
		CHECK(strlen(g->try_now) > 10);
		CHECK(strncmp(g->source, "https://", 8) == 0);
		CHECK(strchr(g->source, ' ') == NULL);
	}
	CHECK(guide_for("no-such-area") == NULL);
	CHECK(guide_at(guide_count()) == NULL);
	CHECK(strstr(guide_at_16, "apprenticeship") != NULL);
	CHECK(strstr(guide_at_18, "university") != NULL);
}

TESTS(every_area_has_a_whole_line)
