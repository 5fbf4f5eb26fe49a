/*
 * test_prefix_index.c - the word prefix index answers exactly as the FTS5
 * word index does, on a store built from the bundled Doncaster files.
 *
 * Every one- and two-character prefix, longer words, several words at
 * once and accented ones are asked of both; the options marked must be
 * the same. Words it cannot answer (letters beyond Latin-1) must be left
 * to FTS5, and a damaged index must not be used. The option index's grid
 * (pack_grid_candidates) must hand out every entry inside a search's box.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "build.h"
#include "check.h"
#include "pack.h"
#include "prefix_index.h"
#include "store.h"

static struct store *store;
static const struct pack *pack;

struct fts_marks {
	unsigned char **hits;
};

static int mark(void *ctx, long long rowid)
{
	struct fts_marks *m = ctx;
	enum option_kind kinds[2];
	long long id;
	int j, n = store_search_text_kinds(rowid, kinds, &id);

	for (j = 0; j < n; j++) {
		const struct pack_entry *e = pack_find(pack, kinds[j], id);

		if (e) {
			m->hits[kinds[j]][e - pack->kinds[kinds[j]].entries] = 1;
			break;
		}
	}
	return 0;
}

static unsigned char *hits_new(unsigned char *hits[OPTION_KIND_COUNT])
{
	int k;

	for (k = 0; k < OPTION_KIND_COUNT; k++)
		hits[k] = calloc(pack->kinds[k].count + 1, 1);
	return hits[0];
}

static void hits_free(unsigned char *hits[OPTION_KIND_COUNT])
{
	int k;

	for (k = 0; k < OPTION_KIND_COUNT; k++)
		free(hits[k]);
}

static int count_rows(void *ctx, long long rowid)
{
	size_t *rows = ctx;
	enum option_kind kinds[2];
	long long id;
	int j, n = store_search_text_kinds(rowid, kinds, &id);

	for (j = 0; j < n; j++)
		rows[kinds[j]]++;
	return 0;
}

/*
 * Asked for one kind, the word index gives every row of that kind it gives
 * when asked for all (and any more only of the kind that shares its rows:
 * courses and university courses).
 */
static void kinds_apart(const char *query)
{
	size_t all[OPTION_KIND_COUNT] = { 0 }, one[OPTION_KIND_COUNT];
	int k, j;

	CHECK_INT(store_each_text_match(store, query, (1u << OPTION_KIND_COUNT) - 1, count_rows,
					all), STATUS_OK);
	for (k = 0; k < OPTION_KIND_COUNT; k++) {
		memset(one, 0, sizeof(one));
		CHECK_INT(store_each_text_match(store, query, 1u << k, count_rows, one), STATUS_OK);
		CHECK_INT(one[k], all[k]);
		for (j = 0; j < OPTION_KIND_COUNT; j++)
			if (j != k && !((k == OPTION_COURSE && j == OPTION_UNIVERSITY) ||
					(k == OPTION_UNIVERSITY && j == OPTION_COURSE)))
				CHECK_INT(one[j], 0);
	}
}

/* Ask both; 1 when the prefix index answered (and agreed), 0 when it left it to FTS5. */
static int agree(const struct prefix_index *x, const char *text)
{
	unsigned char *ours[OPTION_KIND_COUNT], *theirs[OPTION_KIND_COUNT];
	struct fts_marks m = { theirs };
	char query[512];
	enum status rc;
	size_t marked = 0, differ = 0, i;
	int k;

	hits_new(ours);
	hits_new(theirs);
	rc = prefix_index_mark(x, store, text, (1u << OPTION_KIND_COUNT) - 1, ours);
	if (store_text_query(text, query, sizeof(query)) == STATUS_OK) {
		CHECK_INT(store_each_text_match(store, query, (1u << OPTION_KIND_COUNT) - 1, mark,
						&m), STATUS_OK);
		kinds_apart(query);
	}
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		for (i = 0; i < pack->kinds[k].count; i++) {
			marked += theirs[k][i];
			differ += rc == STATUS_OK && ours[k][i] != theirs[k][i];
		}
	if (differ)
		fprintf(stderr, "\"%s\": %zu of %zu options differ\n", text, differ, marked);
	CHECK_INT(differ, 0);
	hits_free(ours);
	hits_free(theirs);
	return rc == STATUS_OK;
}

static void test_same_as_fts5(void)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	/*
	 * Fragments, as the product asks it (match_text.c's only_fragments): a
	 * whole word the word index knows ("engineer") is looked for by its
	 * porter stem in FTS5 and never asked of this index, whose words are
	 * not stemmed.
	 */
	static const char *const words[] = {
		"mech", "care work", "nurs", "hair beauty", "level 3", "don't",
		"Café", "CRÈME", "children's", "a-level", "£18,400", "2026", "st thomas",
		"Doncaster college", "zzzz", "apprentice", "t level", "softw develo",
	};
	char path[512], err[256], text[8];
	struct build_options o;
	const struct prefix_index *x;
	FILE *devnull = fopen("/dev/null", "w");
	const char *alnum = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t answered = 0, i, j, words_n, docs, bytes, bitsets;
	sqlite3 *db;

	snprintf(path, sizeof(path), "%s/prefix_index.db", tmp ? tmp : "/tmp");
	unlink(path);
	memset(&o, 0, sizeof(o));
	o.data_dir = CAREERS_SOURCE "/data/doncaster";
	o.out = path;
	o.quiet = 1;
	o.out_stream = devnull;
	o.err_stream = devnull;
	CHECK_INT(build_store(&o), STATUS_OK);
	CHECK_INT(store_open(path, STORE_READ_ONLY, &store, err, sizeof(err)), STATUS_OK);
	CHECK_INT(pack_get(store, &pack), STATUS_OK);
	x = pack_words(store);
	CHECK(x != NULL);
	prefix_index_sizes(x, &words_n, &docs, &bytes, &bitsets);
	CHECK(words_n > 1000);
	CHECK(docs > 1000);

	/* Every one- and two-character prefix. */
	for (i = 0; alnum[i]; i++) {
		snprintf(text, sizeof(text), "%c", alnum[i]);
		answered += agree(x, text);
		for (j = 0; alnum[j]; j++) {
			snprintf(text, sizeof(text), "%c%c", alnum[i], alnum[j]);
			answered += agree(x, text);
		}
	}
	CHECK_INT(answered, 36 + 36 * 36);
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		CHECK_INT(agree(x, words[i]), 1);
	/* Upper case and accents fold as FTS5 folds them. */
	CHECK_INT(agree(x, "ENG"), 1);
	CHECK_INT(agree(x, "éng"), 1);
	/* Letters it does not fold are left to FTS5. */
	CHECK_INT(agree(x, "Łódź"), 0);
	CHECK_INT(agree(x, "Ωmega"), 0);
	{
		unsigned char *hits[OPTION_KIND_COUNT];

		hits_new(hits);
		CHECK_INT(prefix_index_mark(x, store, "Łódź", 1u, hits), STATUS_NOT_FOUND);
		CHECK_INT(prefix_index_mark(x, store, "   ", 1u, hits), STATUS_NOT_FOUND);
		CHECK_INT(prefix_index_mark(NULL, store, "eng", 1u, hits), STATUS_NOT_FOUND);
		hits_free(hits);
	}
	/* The grid hands out every entry inside a box (and maybe some near it). */
	{
		unsigned seed = 12345;
		int box, k;

		for (box = 0; box < 300; box++) {
			double lat = 53.0 + (seed = seed * 1103515245u + 12345u) % 1000 / 1000.0;
			double lon = -1.6 + (seed = seed * 1103515245u + 12345u) % 1000 / 1000.0;
			double half = ((seed = seed * 1103515245u + 12345u) % 300 + 1) / 1000.0;

			for (k = 0; k < OPTION_KIND_COUNT; k++) {
				const struct pack_kind *pk = &pack->kinds[k];
				uint32_t *c;
				size_t n = pack_grid_candidates(pk, lat - half, lat + half, lon - half,
								lon + half, &c), missed = 0;
				unsigned char *in = calloc(pk->count + 1, 1);

				for (i = 0; i < n; i++)
					in[c[i]] = 1;
				for (i = 0; i < pk->count; i++) {
					const struct pack_entry *e = &pk->entries[i];
					int inside = !e->place_count && e->lat >= lat - half &&
						     e->lat <= lat + half && e->lon >= lon - half &&
						     e->lon <= lon + half;

					missed += (inside || e->place_count) && !in[i];
				}
				CHECK_INT(missed, 0);
				free(in);
				free(c);
			}
		}
	}

	/* The head's bytes decode the same way on their own (as the fuzz target reads them). */
	{
		sqlite3_stmt *st;
		struct prefix_index *again;
		size_t w2, d2, b2, s2;

		CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
		CHECK_INT(sqlite3_prepare_v2(db, "SELECT data FROM word_index WHERE id = 0", -1, &st,
					     NULL), SQLITE_OK);
		CHECK_INT(sqlite3_step(st), SQLITE_ROW);
		CHECK_INT(prefix_index_decode(sqlite3_column_blob(st, 0),
					      (size_t)sqlite3_column_bytes(st, 0), pack, &again),
			  STATUS_OK);
		prefix_index_sizes(again, &w2, &d2, &b2, &s2);
		CHECK_INT(w2, words_n);
		CHECK_INT(d2, docs);
		prefix_index_free(again);
		CHECK_INT(prefix_index_decode(sqlite3_column_blob(st, 0), 100, pack, &again),
			  STATUS_NOT_FOUND);
		sqlite3_finalize(st);
		sqlite3_close(db);
	}
	store_close(store);

	/* A damaged head is not used. */
	CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
	CHECK_INT(sqlite3_exec(db, "UPDATE word_index SET data = substr(data, 1, 100) WHERE id = 0",
			       NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	CHECK_INT(store_open(path, STORE_READ_ONLY, &store, err, sizeof(err)), STATUS_OK);
	CHECK_INT(pack_get(store, &pack), STATUS_OK);
	CHECK(pack_words(store) == NULL);
	store_close(store);
	unlink(path);
	fclose(devnull);
}

TESTS(same_as_fts5)
