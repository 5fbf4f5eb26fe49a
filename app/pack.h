/*
 * pack.h - the option index: what every option is, packed for searching.
 *
 * A search looks at every option that could fit the learner: at national
 * scale well over a hundred thousand. Reading each one as a SQLite row
 * costs microseconds; this index keeps only the facts the learner filter
 * scores on - where it is, its level, when it starts and for what ages,
 * its pay, and how well it sits in each interest area - in plain arrays,
 * so looking at an option costs tens of nanoseconds. The long text and
 * everything only shown on screen stay in the store and are read for the
 * few options a search keeps.
 *
 * The index is worked out from the store's rows when a build or import
 * finishes (pack_save) and saved as an image: the arrays below exactly as
 * they are in memory, with no pointers in them (an option's places, its
 * title, its start rule are numbers into other arrays), so reading it back
 * is checking it and setting pointers into it - no decoding. The image is
 * kept in the store (the option_pack table) and, as a copy beside it, in
 * the file STORE-index, which a new process maps read-only (mmap): a
 * one-shot search reads only the pages it looks at, and nothing is copied.
 * The copy names the image it is a copy of (a random identity made by each
 * pack_save), so a copy left from another store or an older one is not
 * used; a missing one is written again by the first process that can.
 * Every count, offset and index of an image is checked against what it
 * points into before it is used; one that is missing, damaged or made for
 * other interest areas is worked out again in memory, so a search never
 * depends on it being right. The layout is in pack.c.
 */
#ifndef CAREERS_PACK_H
#define CAREERS_PACK_H

#include <stddef.h>
#include <stdint.h>

#include "schoolyear.h"
#include "status.h"
#include "store.h"

struct prefix_index;

#define PACK_MAX_AREAS 32		/* interest areas with fits; the store has 16 */
#define PACK_NO_AGE (-1)
#define PACK_NO_DAY INT32_MIN

/* One interest area and what puts an option in it. */
struct pack_area {
	long long id;
	char slug[32], name[64], examples[128];
	long long route_id;
	char route_name[64];
	char riasec[8];
	char *ssa, *soc_prefixes;	/* '|' lists, owned */
	char **words;			/* its keywords, lower case, owned */
	int word_count;
};

/*
 * What an option's entry asks for that no school leaver has yet, read from
 * its title when the index is worked out: a top-up degree is the final year
 * for people with an HND or foundation degree; a Level 5 management
 * apprenticeship is for people who already manage a team.
 */
enum pack_needs {
	PACK_NEEDS_NOTHING,
	PACK_NEEDS_HND,
	PACK_NEEDS_MANAGING,
};

/*
 * When an option could be started: everything the timing rules read.
 * Options with the same facts share one (most courses start in September),
 * so a search decides timing once for each of these, not for each option.
 */
struct pack_when {
	unsigned char kind;		/* enum option_kind */
	unsigned char has_start;	/* start is a date */
	unsigned char flexible;		/* starts any time */
	unsigned char level4;		/* apprenticeships: level 4 or above (from 18) */
	unsigned char blocked;		/* a standard nobody can start yet or any more */
	unsigned char not_college;	/* a sixth form whose provider is not a college */
	unsigned char needs;		/* enum pack_needs: entry needs what a learner may not have */
	unsigned char spare;		/* 0 (the image has no padding of unknown bytes) */
	struct civil_date start;
	int age_min, age_max;		/* PACK_NO_AGE when no limit */
};

/* One more place an option is at (an advert at several sites, a course at several campuses). */
struct pack_place {
	double lat, lon;
	double cos_lat;
};

/*
 * An option. Eight-byte fields first and a spare word at the end, so the
 * layout is the same on every ABI the image may be read on (pack.c checks
 * it when compiled).
 */
struct pack_entry {
	long long id;
	double lat, lon;		/* NAN when unknown */
	double cos_lat;			/* geo_cos_lat(), for distances */
	double pay;			/* pounds a week, NAN when unknown; a standard's is the
					   best of the careers it leads to */
	uint64_t fit[PACK_MAX_AREAS / 16];	/* tenths, four bits an area */
	uint32_t place_first;		/* the other places it is at: pack.places[place_first]
					   and on, place_count of them (pack_places) */
	uint32_t place_count;
	float level;			/* NAN when unknown */
	uint32_t title;			/* offset into pack.text */
	uint32_t when;			/* index into pack.whens */
	int32_t closes;			/* date_days() of the closing date, or PACK_NO_DAY */
	int32_t posted;			/* vacancies: date_days() the advert was posted, or PACK_NO_DAY */
	float ways;			/* careers: how many apprenticeship standards lead to it;
					   standards: minus their length in months (-10000 not
					   known); else 0 -
					   the last thing a tie is broken on, higher first */
	uint32_t strong;		/* bit a set: fit in area a is 0.7 or more */
	uint32_t spare;			/* 0 */
};

/*
 * The entries of a kind by where they are: a grid of cells a tenth of a
 * degree square, so that a search within a radius looks only at the
 * entries of the cells its box covers. Entries at several places are kept
 * apart (many) and always looked at; entries with no place are not in it.
 */
struct pack_grid {
	uint32_t *keys;			/* each cell's key (PACK_CELL_KEY), ascending */
	uint32_t *starts;		/* cell c's entries: entries[starts[c] .. starts[c + 1]) */
	uint32_t *entries;		/* entry indexes, cell by cell */
	size_t cells;
	uint32_t *many;			/* entries at several places */
	size_t many_count;
};

/*
 * A kind's arrays. Read from an image they point into it, which is
 * read-only: nothing may write through them.
 */
struct pack_kind {
	struct pack_entry *entries;	/* by id, ascending */
	struct pack_grid grid;
	size_t count;
	double *riasec;			/* careers: six O*NET scores an entry, NAN unknown */
	uint64_t *fits;			/* area a's entries that fit it 0.5 or more: a bitset at
					   fits + a * (count / 64 + 1) (pack_area_bits) */
	uint64_t *strongs;		/* the same for 0.7 or more (pack_entry.strong) */
};

struct pack {
	struct pack_area areas[PACK_MAX_AREAS];
	int area_count;
	struct pack_kind kinds[OPTION_KIND_COUNT];
	struct pack_when *whens;
	size_t when_count;
	struct pack_place *places;	/* every entry's other places, kind by kind, in entry order */
	size_t place_count;
	char *text;			/* titles, each ending in NUL */
	size_t text_len;
	unsigned char identity[16];	/* the image's (pack_save), zero when worked out */
	int loaded;			/* read from an image, not worked out: the arrays
					   point into it */
	int mapped;			/* 1: the image is the STORE-index file, mapped */
	void *image;			/* the image: mapped or allocated */
	size_t image_len;
	struct prefix_index *words;	/* the word prefix index, read on first use (pack_words) */
	int words_tried;
	void *match_facts;		/* what the learner filter works out once from the
					   index (match.c scan_facts), or NULL; freed with it */
	void (*match_facts_free)(void *);
};

/*
 * The store's index, read or worked out on first use and kept with the
 * store (store_set_cache) until it is closed or its data changes.
 */
enum status pack_get(struct store *s, const struct pack **out);

/*
 * Work the index out from the store's rows and save it in option_pack,
 * with the word prefix index of its options (app/prefix_index.c).
 */
enum status pack_save(struct store *s);

/*
 * The store's word prefix index for its option index, read on first use
 * and kept with it; NULL when the store has none that fits (a search then
 * asks the FTS5 word index).
 */
const struct prefix_index *pack_words(struct store *s);

/*
 * The indexes of the entries of kind k that may be inside the box (all that
 * are, and some near it; the caller tests each), into *out (allocated,
 * the caller frees it); returns how many.
 */
size_t pack_grid_candidates(const struct pack_kind *k, double min_lat, double max_lat,
			    double min_lon, double max_lon, uint32_t **out);

/* The entry for an option, or NULL. */
const struct pack_entry *pack_find(const struct pack *p, enum option_kind kind, long long id);

/*
 * The entries of a kind that fit one of the areas[0..n) 0.5 or more (the
 * least fit a learner who ticked interests is shown) or one of the
 * strong[0..ns) 0.7 or more, as a bitset of count / 64 + 1 words; the
 * caller frees it.
 */
uint64_t *pack_area_bits(const struct pack_kind *k, const int *areas, int n, const int *strong,
			 int ns);

/* The positions of the bits set in a bitset of count bits, ascending, in *out (to free). */
size_t pack_bits_list(const uint64_t *bits, size_t count, uint32_t **out);

/* Where an interest area is in p->areas, or -1. */
int pack_area_index(const struct pack *p, long long area_id);

/* Does lower-case text have one of the area's words (a plural "s" allowed)? */
int pack_area_has_word(const struct pack_area *a, const char *text);

/* The name of a route that anchors one of the areas (all routes do), or NULL. */
const char *pack_route_name(const struct pack *p, long long route_id);

/* Does a SOC code fall in one of the area's SOC groups? */
int pack_area_has_soc(const struct pack_area *a, const char *soc);

/* How well an option sits in area a: 0, 0.7, 0.8, 0.9 or 1. */
static inline double pack_fit(const struct pack_entry *e, int a)
{
	return (double)((e->fit[a / 16] >> (a % 16 * 4)) & 15) / 10.0;
}

static inline const char *pack_title(const struct pack *p, const struct pack_entry *e)
{
	return p->text + e->title;
}

/* The other places an option is at, e->place_count of them. */
static inline const struct pack_place *pack_places(const struct pack *p, const struct pack_entry *e)
{
	return p->places + e->place_first;
}

/*
 * The image of an index, and reading one back from bytes (copied first) or
 * from a file (mapped), checked as pack_get checks them: for tests, the
 * fuzz targets and benchmarks. pack_map does not ask whose image it is.
 */
enum status pack_encode(const struct pack *p, char **out, size_t *len);
enum status pack_decode(const void *data, size_t len, struct pack **out, char *err,
			size_t errlen);
enum status pack_map(const char *path, struct pack **out, char *err, size_t errlen);

/* Where a store's copy of its image is kept: STORE-index (to free). */
char *pack_index_path(const char *store_path);

/*
 * Make sure the store at path has a copy of its image beside it, for the
 * processes that cannot write there (a kiosk): done where a store is put in
 * place (careers update, --rollback). Quietly nothing when it cannot be.
 */
void pack_index_refresh(const char *store_path);
enum status pack_work_out(struct store *s, struct pack **out);
void pack_free(struct pack *p);

#endif
