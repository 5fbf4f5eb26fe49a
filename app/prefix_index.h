/*
 * prefix_index.h - the word prefix index: which options have a word
 * starting with each of a learner's words, answered in memory.
 *
 * The learner's free text ("eng", "mech apprentice") asks which options
 * have, for every word typed, a word that starts with it. The store's FTS5
 * word index answers that one SQL row per matching option, and a common
 * start matches tens of thousands. This index is worked out from the same
 * words (store_each_search_text) when the option index is saved, and keeps,
 * for every distinct word, the list of options that have it, sorted by
 * word, so the words starting with a prefix are one run of the list and
 * their options one contiguous range of bytes; for the short, common
 * prefixes the union is kept ready as a bitset. A search reads only the
 * bytes of the prefixes typed and intersects them in memory.
 *
 * Words are cut and folded as FTS5's `unicode61 remove_diacritics 2`
 * tokenizer does for ASCII and Latin-1 (case, accents, punctuation and
 * symbols as separators). A learner's word it cannot fold the same way
 * (letters beyond Latin-1, or one that splits into several words) is not
 * answered here: the caller asks FTS5 instead, so the answer is always
 * the word index's.
 */
#ifndef CAREERS_PREFIX_INDEX_H
#define CAREERS_PREFIX_INDEX_H

#include <stddef.h>
#include <stdint.h>

#include "model.h"
#include "status.h"

struct pack;
struct store;
struct prefix_index;

/*
 * Work the index out from the store's words for the options of `pack` and
 * save it in the store (word_index), replacing the old one. An option of
 * search_text that the pack does not have is left out.
 */
enum status prefix_index_save(struct store *s, const struct pack *pack);

/*
 * Read the saved index's words (the lists of options stay in the store
 * and are read per search). STATUS_NOT_FOUND when there is none, or it is
 * damaged or was made for other options than `pack`'s; *out is then NULL.
 */
enum status prefix_index_load(struct store *s, const struct pack *pack,
			      struct prefix_index **out);
void prefix_index_free(struct prefix_index *x);

/* The same from the head's bytes (row 0 of word_index), for tests and the fuzz target. */
enum status prefix_index_decode(const void *head, size_t size, const struct pack *pack,
				struct prefix_index **out);

/* Word i (below the count prefix_index_sizes gives) and its list's bytes [*from, *to). */
const char *prefix_index_word(const struct prefix_index *x, size_t i, uint64_t *from,
			      uint64_t *to);

/*
 * Mark hits[kind][i] = 1 for each entry i of pack kind `kind` (kinds: a
 * bit per kind wanted) that has, for every word of `text`, a word starting
 * with it. STATUS_OK when answered; STATUS_NOT_FOUND when `text` has a
 * word this index cannot answer for (see above), or any other status when
 * the store could not be read: then nothing is marked and the caller asks
 * the FTS5 word index instead.
 */
enum status prefix_index_mark(const struct prefix_index *x, struct store *s, const char *text,
			      unsigned kinds, unsigned char *hits[OPTION_KIND_COUNT]);

/* What the index holds, for benchmarks: words, options, bytes of lists, ready bitsets. */
void prefix_index_sizes(const struct prefix_index *x, size_t *words, size_t *options,
			size_t *list_bytes, size_t *bitsets);

#endif
