/*
 * test_interest_map.c - the curated interest map (data/interests.map), seen in real stores.
 *
 * For every interest area it prints the titles the area takes in, kind by
 * kind, from the bundled store and from a store built from ../shared/refdata
 * (that half is skipped when the folder is absent), so a wrong match shows
 * up in review; and it checks the matches an adviser would call plainly
 * wrong (the ones that made this map) stay out, and the plainly right ones
 * stay in.
 *
 *	build/tests/test_interest_map            every area, both stores
 *	CAREERS_AREA=care build/tests/test_interest_map    one area
 */
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "match.h"
#include "pack.h"
#include "store.h"

static const char *tmp_dir(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");

	return tmp && *tmp ? tmp : "/tmp";
}

static struct store *open_built(const char *data_dir, const char *name)
{
	char path[512], err[256];
	struct store *s = NULL;

	snprintf(path, sizeof(path), "%s/%s", tmp_dir(), name);
	if (data_dir)
		check_store_from(data_dir, path);
	else
		check_bundled_store(path);
	CHECK_INT(store_open(path, STORE_READ_ONLY, &s, err, sizeof(err)), STATUS_OK);
	return s;
}

/* Is there an option of this kind titled exactly so in area slug? -1 when no such title. */
static int in_area(const struct pack *p, const char *slug, enum option_kind kind, const char *title)
{
	const struct pack_kind *k = &p->kinds[kind];
	int a, found = -1;
	size_t i;

	for (a = 0; a < p->area_count && strcmp(p->areas[a].slug, slug) != 0; a++)
		;
	CHECK(a < p->area_count);
	for (i = 0; i < k->count && a < p->area_count; i++) {
		if (strcasecmp(pack_title(p, &k->entries[i]), title) != 0)
			continue;
		if (pack_fit(&k->entries[i], a) >= 0.5)
			return 1;
		found = 0;
	}
	return found;
}

/* Print every area's titles, kind by kind (one line per kind, titles joined). */
static void print_areas(const struct pack *p, const char *store_name)
{
	const char *only = getenv("CAREERS_AREA");
	int a, k;

	if (getenv("CAREERS_QUIET"))
		return;
	for (a = 0; a < p->area_count; a++) {
		if (only && strcmp(only, p->areas[a].slug) != 0)
			continue;
		printf("== %s: %s (%s)\n", store_name, p->areas[a].name, p->areas[a].slug);
		for (k = 0; k < OPTION_KIND_COUNT; k++) {
			const struct pack_kind *pk = &p->kinds[k];
			size_t i, n = 0;

			for (i = 0; i < pk->count; i++) {
				if (pack_fit(&pk->entries[i], a) < 0.5)
					continue;
				printf("%s%s", n++ ? " | " : "  ", pack_title(p, &pk->entries[i]));
			}
			if (n)
				printf("\n   (%zu %s)\n", n, match_kind_name((enum option_kind)k));
		}
	}
}

TEST(map_reads)
{
	char why[200];

	CHECK_INT(match_interest_map_check(why, sizeof(why)), STATUS_OK);
	CHECK_STR(why, "");
}

TEST(bundled_store)
{
	struct store *s = open_built(NULL, "interest_map_bundled.db");
	const struct pack *p;

	if (!s)
		return;
	CHECK_INT(pack_get(s, &p), STATUS_OK);
	print_areas(p, "bundled");
	/* Right in. */
	CHECK_INT(in_area(p, "care", OPTION_CAREER, "Care workers and home carers"), 1);
	CHECK_INT(in_area(p, "care", OPTION_COURSE, "Health and Social Care Level 2"), 1);
	CHECK_INT(in_area(p, "health-science", OPTION_UNIVERSITY, "Nursing (Adult)"), 1);
	CHECK_INT(in_area(p, "animals", OPTION_COURSE, "Animal Care Level 2"), 1);
	CHECK_INT(in_area(p, "sport", OPTION_COURSE, "Sport Level 2"), 1);
	CHECK_INT(in_area(p, "digital", OPTION_UNIVERSITY, "Computer Science"), 1);
	/* Plainly wrong, out. */
	CHECK_INT(in_area(p, "care", OPTION_COURSE, "Animal Care Level 2"), 0);
	CHECK_INT(in_area(p, "health-science", OPTION_UNIVERSITY, "Computer Science"), 0);
	CHECK_INT(in_area(p, "health-science", OPTION_COURSE, "A level Computer Science"), 0);
	CHECK_INT(in_area(p, "hair-beauty", OPTION_APPRENTICESHIP, "Funeral Director"), 0);
	CHECK_INT(in_area(p, "care", OPTION_APPRENTICESHIP, "Funeral Director"), 0);
	store_close(s);
}

TEST(refdata_store)
{
	struct stat st;
	struct store *s;
	const struct pack *p;

	if (stat(CAREERS_REFDATA, &st) != 0)
		SKIP("no " CAREERS_REFDATA ": the real-data half is skipped");
	s = open_built(CAREERS_REFDATA, "interest_map_refdata.db");
	if (!s)
		return;
	CHECK_INT(pack_get(s, &p), STATUS_OK);
	print_areas(p, "refdata");
	CHECK_INT(in_area(p, "care", OPTION_CAREER, "Care workers and home carers"), 1);
	CHECK_INT(in_area(p, "care", OPTION_APPRENTICESHIP, "Adult Care Worker"), 1);
	CHECK_INT(in_area(p, "hair-beauty", OPTION_APPRENTICESHIP, "Hair Professional"), 1);
	CHECK_INT(in_area(p, "sport", OPTION_APPRENTICESHIP, "Personal  Trainer"), 1);
	/* The mismatches the old coarse codes made on real data. */
	CHECK_INT(in_area(p, "hair-beauty", OPTION_APPRENTICESHIP, "Funeral Director"), 0);
	CHECK_INT(in_area(p, "care", OPTION_APPRENTICESHIP, "Funeral Director"), 0);
	CHECK_INT(in_area(p, "sport", OPTION_CAREER, "Air travel assistants"), 0);
	CHECK_INT(in_area(p, "care", OPTION_APPRENTICESHIP, "Animal Care and Welfare Assistant"), 0);
	CHECK_INT(in_area(p, "health-science", OPTION_APPRENTICESHIP, "Personal  Trainer"), 0);
	CHECK_INT(in_area(p, "care", OPTION_APPRENTICESHIP, "Textile Care Operative"), 0);
	CHECK_INT(in_area(p, "creative", OPTION_APPRENTICESHIP, "Railway Engineering Design Technician"), 0);
	store_close(s);
}

TESTS(map_reads, bundled_store, refdata_store)
