/*
 * prefix_index.c - the word prefix index (see prefix_index.h).
 *
 * Design notes. Every option of the pack gets a number, "doc", in the
 * order store_each_search_text() gives them; the index keeps doc -> (pack
 * kind, entry). Each distinct word keeps its docs ascending, as gaps in
 * LEB128 varints (one or two bytes each, mostly). Words are sorted
 * bytewise, so the words starting with a prefix are one run of the word
 * table, and their lists one contiguous range of the list bytes: a lookup
 * is a binary search in memory and one read of that range. Where a prefix
 * of one to four bytes would need more than four times a bitset's bytes of
 * lists, its union is stored ready as a bitset over the docs.
 *
 * Stored in the word_index table: row 0 the head (everything below up to
 * the strings, little-endian), rows 1... the list bytes cut into 64 KB
 * pieces, so a search reads a few pieces, never the whole.
 *
 *	u32 magic "CWPX", format, piece size, kinds
 *	u32 entries of each pack kind; u64 hash of every entry's kind and id
 *	u32 docs, words, bitsets, string bytes; u64 list bytes
 *	u32 doc[docs]			kind << 28 | entry
 *	{u32 string, u64 offset}[words]	then u64 end of the last list
 *	{u32 string, u64 offset}[bitsets]
 *	char strings[]			NUL-terminated words and prefixes
 *
 * In memory after reading: the doc map, the words' offsets and the strings
 * (the head's bytes are let go once decoded).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mem.h"
#include "pack.h"
#include "prefix_index.h"
#include "store.h"

#define MAGIC 0x58505743u	/* "CWPX" */
#define FORMAT 1u
#define PIECE (64u * 1024u)
#define MAX_WORD 64		/* longer words are kept cut to this (prefix lookups still work) */
#define MAX_QUERY_WORDS 16
#define BITSET_PREFIX_MAX 4
#define DOC_KIND_SHIFT 28

struct prefix_index {
	uint32_t docs_n, words_n, bitsets_n;
	uint64_t list_bytes;
	uint32_t *docs;			/* kind << 28 | entry */
	uint32_t *word_str;		/* offsets into strings, words_n of them */
	uint64_t *word_off;		/* words_n + 1 */
	uint32_t *bitset_str;
	uint64_t *bitset_off;
	char *strings;			/* owned */
	size_t strings_len;
};

/* --- words, cut and folded as FTS5's unicode61 remove_diacritics 2 ------------- */

/* Latin-1 letters U+00C0-U+00FF without their accents ('\0': kept as they are). */
static const char latin1_base[64] = {
	'a', 'a', 'a', 'a', 'a', 'a', 0, 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
	0, 'n', 'o', 'o', 'o', 'o', 'o', 0, 0, 'u', 'u', 'u', 'u', 'y', 0, 0,
	'a', 'a', 'a', 'a', 'a', 'a', 0, 'c', 'e', 'e', 'e', 'e', 'i', 'i', 'i', 'i',
	0, 'n', 'o', 'o', 'o', 'o', 'o', 0, 0, 'u', 'u', 'u', 'u', 'y', 0, 'y',
};

/* Decode one UTF-8 character at p (n bytes left); its length, or 1 for a bad byte (cp -1). */
static size_t utf8_next(const unsigned char *p, long *cp)
{
	unsigned c = p[0];

	if (c < 0x80) {
		*cp = (long)c;
		return 1;
	}
	if (c >= 0xc2 && c <= 0xdf && (p[1] & 0xc0) == 0x80) {
		*cp = (long)(((c & 0x1fu) << 6) | (p[1] & 0x3fu));
		return 2;
	}
	if (c >= 0xe0 && c <= 0xef && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80) {
		*cp = (long)(((c & 0x0fu) << 12) | ((p[1] & 0x3fu) << 6) | (p[2] & 0x3fu));
		return 3;
	}
	if (c >= 0xf0 && c <= 0xf4 && (p[1] & 0xc0) == 0x80 && (p[2] & 0xc0) == 0x80 &&
	    (p[3] & 0xc0) == 0x80) {
		*cp = (long)(((c & 0x07u) << 18) | ((p[1] & 0x3fu) << 12) | ((p[2] & 0x3fu) << 6) |
			     (p[3] & 0x3fu));
		return 4;
	}
	*cp = -1;
	return 1;
}

/* Is a character beyond ASCII a separator (punctuation, symbols, spaces)? */
static int is_separator(long cp)
{
	if (cp < 0)
		return 1;
	if (cp < 0xc0)	/* Latin-1 punctuation and signs; ª µ º ¹ ² ³ ¼ ½ ¾ are not */
		return !(cp == 0xaa || cp == 0xb5 || cp == 0xba || cp == 0xb2 || cp == 0xb3 ||
			 cp == 0xb9 || (cp >= 0xbc && cp <= 0xbe));
	if (cp == 0xd7 || cp == 0xf7)
		return 1;
	return (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0x20a0 && cp <= 0x20cf) ||
	       (cp >= 0x2100 && cp <= 0x214f && cp != 0x2102 && cp != 0x2115) ||
	       (cp >= 0x2190 && cp <= 0x2bff) || (cp >= 0x3000 && cp <= 0x303f) ||
	       cp == 0xfeff || (cp >= 0x1f000 && cp <= 0x1faff);
}

/*
 * The next word of *p into out (at most MAX_WORD bytes and a NUL): its
 * length, 0 at the end. *exotic is set when the word has a character this
 * file does not fold as FTS5 does (kept as it is).
 */
static size_t next_word(const unsigned char **p, char out[MAX_WORD + 1], int *exotic)
{
	const unsigned char *s = *p;
	size_t n = 0;

	*exotic = 0;
	for (;;) {
		long cp;
		size_t len;

		if (!*s) {
			*p = s;
			out[n] = '\0';
			return n;
		}
		len = utf8_next(s, &cp);
		if (cp < 0x80 && cp >= 0) {
			unsigned c = (unsigned)cp;

			if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
				if (n < MAX_WORD)
					out[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
				s += len;
				continue;
			}
		} else if (!is_separator(cp)) {
			if (cp >= 0xc0 && cp <= 0xff && latin1_base[cp - 0xc0]) {
				if (n < MAX_WORD)
					out[n++] = latin1_base[cp - 0xc0];
			} else {
				*exotic = 1;
				if (n + len <= MAX_WORD) {
					memcpy(out + n, s, len);
					n += len;
				}
			}
			s += len;
			continue;
		}
		/* A separator: the end of a word, or more space before one. */
		s += len;
		if (n) {
			*p = s;
			out[n] = '\0';
			return n;
		}
	}
}

/* --- bytes ------------------------------------------------------------------------ */

struct bytes {
	unsigned char *p;
	size_t len, cap;
};

static void bytes_need(struct bytes *b, size_t more)
{
	if (b->len + more <= b->cap)
		return;
	b->cap = b->cap ? b->cap : 16;
	while (b->len + more > b->cap)
		b->cap *= 2;
	b->p = xrealloc(b->p, b->cap);
}

static void put_u32(struct bytes *b, uint32_t v)
{
	bytes_need(b, 4);
	b->p[b->len++] = (unsigned char)v;
	b->p[b->len++] = (unsigned char)(v >> 8);
	b->p[b->len++] = (unsigned char)(v >> 16);
	b->p[b->len++] = (unsigned char)(v >> 24);
}

static void put_u64(struct bytes *b, uint64_t v)
{
	put_u32(b, (uint32_t)v);
	put_u32(b, (uint32_t)(v >> 32));
}

static void put_varint(struct bytes *b, uint32_t v)
{
	bytes_need(b, 5);
	while (v >= 0x80) {
		b->p[b->len++] = (unsigned char)(v | 0x80);
		v >>= 7;
	}
	b->p[b->len++] = (unsigned char)v;
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t get_u64(const unsigned char *p)
{
	return (uint64_t)get_u32(p) | (uint64_t)get_u32(p + 4) << 32;
}

/* The pack's entries, kind by kind: what the index must have been made for. */
static uint64_t pack_hash(const struct pack *pack)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	int k;
	size_t i;

	for (k = 0; k < OPTION_KIND_COUNT; k++)
		for (i = 0; i < pack->kinds[k].count; i++) {
			h = (h ^ (uint64_t)k) * 0x100000001b3ULL;
			h = (h ^ (uint64_t)pack->kinds[k].entries[i].id) * 0x100000001b3ULL;
		}
	return h;
}

/* --- working it out ------------------------------------------------------------------ */

struct word {
	uint32_t str;			/* offset into the builder's strings */
	uint32_t last_doc;		/* + 1; 0: none yet */
	uint32_t head_str;		/* offset of its string in the head's strings */
	struct bytes list;
};

struct builder {
	const struct pack *pack;
	struct word *words;
	size_t words_n, words_cap;
	uint32_t *slots;		/* hash table: word index + 1, 0 empty */
	size_t slots_n;
	struct bytes strings;
	struct bytes docs;		/* u32 each, as put_u32 */
	uint32_t doc_count;
};

static uint32_t hash_word(const char *w, size_t n)
{
	uint32_t h = 2166136261u;

	while (n--)
		h = (h ^ (unsigned char)*w++) * 16777619u;
	return h;
}

static void grow_slots(struct builder *b)
{
	size_t n = b->slots_n ? b->slots_n * 2 : 1 << 14, i;
	uint32_t *slots = xcalloc(n, sizeof(*slots));

	for (i = 0; i < b->words_n; i++) {
		const char *w = (const char *)b->strings.p + b->words[i].str;
		size_t at = hash_word(w, strlen(w)) & (n - 1);

		while (slots[at])
			at = (at + 1) & (n - 1);
		slots[at] = (uint32_t)i + 1;
	}
	free(b->slots);
	b->slots = slots;
	b->slots_n = n;
}

static struct word *find_or_add(struct builder *b, const char *w, size_t n)
{
	size_t at;
	struct word *word;

	if ((b->words_n + 1) * 2 > b->slots_n)
		grow_slots(b);
	at = hash_word(w, n) & (b->slots_n - 1);
	while (b->slots[at]) {
		word = &b->words[b->slots[at] - 1];
		if (!strncmp((const char *)b->strings.p + word->str, w, n) &&
		    b->strings.p[word->str + n] == '\0')
			return word;
		at = (at + 1) & (b->slots_n - 1);
	}
	if (b->words_n == b->words_cap) {
		b->words_cap = b->words_cap ? b->words_cap * 2 : 4096;
		b->words = xrealloc(b->words, b->words_cap * sizeof(*b->words));
	}
	word = &b->words[b->words_n];
	memset(word, 0, sizeof(*word));
	word->str = (uint32_t)b->strings.len;
	bytes_need(&b->strings, n + 1);
	memcpy(b->strings.p + b->strings.len, w, n + 1);
	b->strings.len += n + 1;
	b->slots[at] = (uint32_t)++b->words_n;
	return word;
}

static void add_words(struct builder *b, const char *text, uint32_t doc)
{
	const unsigned char *p = (const unsigned char *)text;
	char w[MAX_WORD + 1];
	size_t n;
	int exotic;

	if (!text)
		return;
	while ((n = next_word(&p, w, &exotic)) > 0) {
		struct word *word = find_or_add(b, w, n);

		if (word->last_doc == doc + 1)
			continue;
		put_varint(&word->list, word->last_doc ? doc - (word->last_doc - 1) : doc);
		word->last_doc = doc + 1;
	}
}

static int add_option(void *ctx, long long rowid, const char *title, const char *body)
{
	struct builder *b = ctx;
	enum option_kind kinds[2];
	const struct pack_entry *e = NULL;
	long long id;
	int j, n = store_search_text_kinds(rowid, kinds, &id), kind = 0;

	for (j = 0; j < n && !e; j++) {
		kind = kinds[j];
		e = pack_find(b->pack, kinds[j], id);
	}
	if (!e)
		return 0;
	bytes_need(&b->docs, 4);
	put_u32(&b->docs, (uint32_t)kind << DOC_KIND_SHIFT |
		(uint32_t)(e - b->pack->kinds[kind].entries));
	add_words(b, title, b->doc_count);
	add_words(b, body, b->doc_count);
	b->doc_count++;
	return 0;
}

static const char *sort_strings;

static int by_word(const void *a, const void *b)
{
	const struct word *x = a, *y = b;

	return strcmp(sort_strings + x->str, sort_strings + y->str);
}

/* Decode a list of docs into a bitset (bits set, others left as they are). */
static void list_to_bits(const unsigned char *p, const unsigned char *end, uint64_t *bits,
			 uint32_t docs)
{
	uint32_t doc = 0;
	int first = 1;

	while (p < end) {
		uint32_t v = 0;
		int shift = 0;

		while (p < end && *p & 0x80) {
			v |= (uint32_t)(*p++ & 0x7f) << shift;
			shift += 7;
		}
		if (p == end)
			return;
		v |= (uint32_t)*p++ << shift;
		doc = first ? v : doc + v;
		first = 0;
		if (doc < docs)
			bits[doc >> 6] |= 1ULL << (doc & 63);
	}
}

/* Save the list bytes in pieces: rows 1, 2, ... */
static enum status save_pieces(struct store *s, const struct bytes *lists)
{
	size_t at;
	long long id = 1;
	enum status rc = STATUS_OK;

	for (at = 0; at < lists->len && rc == STATUS_OK; at += PIECE, id++)
		rc = store_word_index_put(s, id, lists->p + at,
					  lists->len - at < PIECE ? lists->len - at : PIECE);
	return rc;
}

enum status prefix_index_save(struct store *s, const struct pack *pack)
{
	struct builder b;
	struct bytes lists = { 0 }, head = { 0 }, strings = { 0 };
	struct bytes bitsets = { 0 };	/* {u32 string, u64 offset} each */
	uint32_t bitset_count = 0;
	uint64_t *word_off;
	size_t i, bitset_bytes;
	enum status rc;
	int k, len;

	memset(&b, 0, sizeof(b));
	b.pack = pack;
	rc = store_each_search_text(s, add_option, &b);
	if (rc != STATUS_OK)
		goto done;
	sort_strings = (const char *)b.strings.p;
	if (b.words_n)
		qsort(b.words, b.words_n, sizeof(*b.words), by_word);
	word_off = xcalloc(b.words_n + 1, sizeof(*word_off));
	for (i = 0; i < b.words_n; i++) {
		struct word *w = &b.words[i];

		word_off[i] = lists.len;
		bytes_need(&lists, w->list.len);
		memcpy(lists.p + lists.len, w->list.p, w->list.len);
		lists.len += w->list.len;
		free(w->list.p);
		w->list.p = NULL;
		/* Its string moves to the head's strings. */
		{
			const char *str = (const char *)b.strings.p + w->str;
			size_t n = strlen(str) + 1;

			w->head_str = (uint32_t)strings.len;
			bytes_need(&strings, n);
			memcpy(strings.p + strings.len, str, n);
			strings.len += n;
		}
	}
	word_off[b.words_n] = lists.len;
	/* Ready bitsets for the short prefixes whose lists are long. */
	bitset_bytes = ((size_t)b.doc_count + 63) / 64 * 8;
	for (len = 1; len <= BITSET_PREFIX_MAX; len++) {
		size_t from = 0;

		while (from < b.words_n) {
			const char *w = strings.p ? (const char *)strings.p + b.words[from].head_str : "";
			size_t to = from + 1;

			if (strlen(w) < (size_t)len) {
				from++;
				continue;
			}
			while (to < b.words_n &&
			       !strncmp((const char *)strings.p + b.words[to].head_str, w, (size_t)len))
				to++;
			if (word_off[to] - word_off[from] > 4 * bitset_bytes) {
				uint64_t *bits = xcalloc(bitset_bytes / 8 ? bitset_bytes / 8 : 1, 8);
				size_t j;

				for (j = from; j < to; j++)
					list_to_bits(lists.p + word_off[j], lists.p + word_off[j + 1],
						     bits, b.doc_count);
				put_u32(&bitsets, (uint32_t)strings.len);
				put_u64(&bitsets, lists.len);
				bytes_need(&strings, (size_t)len + 1);
				memcpy(strings.p + strings.len, w, (size_t)len);
				strings.p[strings.len + (size_t)len] = '\0';
				strings.len += (size_t)len + 1;
				/* Bits stored little-endian, 64 at a time. */
				for (j = 0; j < bitset_bytes / 8; j++)
					put_u64(&lists, bits[j]);
				free(bits);
				bitset_count++;
			}
			from = to;
		}
	}
	/* Sorted by prefix for the binary search; the passes above made them by length. */
	{
		size_t n = bitset_count, x, y;
		unsigned char *p = bitsets.p;

		for (x = 1; x < n; x++)
			for (y = x; y > 0 && strcmp((const char *)strings.p + get_u32(p + (y - 1) * 12),
						    (const char *)strings.p + get_u32(p + y * 12)) > 0;
			     y--) {
				unsigned char t[12];

				memcpy(t, p + (y - 1) * 12, 12);
				memcpy(p + (y - 1) * 12, p + y * 12, 12);
				memcpy(p + y * 12, t, 12);
			}
	}
	put_u32(&head, MAGIC);
	put_u32(&head, FORMAT);
	put_u32(&head, PIECE);
	put_u32(&head, OPTION_KIND_COUNT);
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		put_u32(&head, (uint32_t)pack->kinds[k].count);
	put_u64(&head, pack_hash(pack));
	put_u32(&head, b.doc_count);
	put_u32(&head, (uint32_t)b.words_n);
	put_u32(&head, bitset_count);
	put_u32(&head, (uint32_t)strings.len);
	put_u64(&head, lists.len);
	bytes_need(&head, b.docs.len);
	if (b.docs.len)		/* a store of timetables alone has no options */
		memcpy(head.p + head.len, b.docs.p, b.docs.len);
	head.len += b.docs.len;
	for (i = 0; i < b.words_n; i++) {
		put_u32(&head, b.words[i].head_str);
		put_u64(&head, word_off[i]);
	}
	put_u64(&head, word_off[b.words_n]);
	bytes_need(&head, bitsets.len + strings.len);
	if (bitsets.len)
		memcpy(head.p + head.len, bitsets.p, bitsets.len);
	head.len += bitsets.len;
	if (strings.len)
		memcpy(head.p + head.len, strings.p, strings.len);
	head.len += strings.len;
	free(word_off);
	rc = store_word_index_put(s, 0, head.p ? head.p : (unsigned char *)"", head.len);
	if (rc == STATUS_OK)
		rc = save_pieces(s, &lists);
done:
	for (i = 0; i < b.words_n; i++)
		free(b.words[i].list.p);
	free(b.words);
	free(b.slots);
	free(b.strings.p);
	free(b.docs.p);
	free(lists.p);
	free(head.p);
	free(strings.p);
	free(bitsets.p);
	return rc;
}

/* --- reading it ------------------------------------------------------------------ */

void prefix_index_free(struct prefix_index *x)
{
	if (!x)
		return;
	free(x->docs);
	free(x->word_str);
	free(x->word_off);
	free(x->bitset_str);
	free(x->bitset_off);
	free(x->strings);
	free(x);
}

/* Bytes [at, at + n) of the head, or NULL past its end. */
static const unsigned char *take(const unsigned char *head, size_t size, size_t *at, size_t n)
{
	const unsigned char *p;

	if (n > size || *at > size - n)
		return NULL;
	p = head + *at;
	*at += n;
	return p;
}

static enum status decode(struct prefix_index *x, const unsigned char *h, size_t size,
			  const struct pack *pack)
{
	const unsigned char *p;
	size_t at = 0, i;
	int k;

	if (!(p = take(h, size, &at, 16)) || get_u32(p) != MAGIC || get_u32(p + 4) != FORMAT ||
	    get_u32(p + 8) != PIECE || get_u32(p + 12) != OPTION_KIND_COUNT)
		return STATUS_NOT_FOUND;
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		if (!(p = take(h, size, &at, 4)) || get_u32(p) != pack->kinds[k].count)
			return STATUS_NOT_FOUND;
	if (!(p = take(h, size, &at, 8)) || get_u64(p) != pack_hash(pack))
		return STATUS_NOT_FOUND;
	if (!(p = take(h, size, &at, 24)))
		return STATUS_NOT_FOUND;
	x->docs_n = get_u32(p);
	x->words_n = get_u32(p + 4);
	x->bitsets_n = get_u32(p + 8);
	x->strings_len = get_u32(p + 12);
	x->list_bytes = get_u64(p + 16);
	if (!(p = take(h, size, &at, (size_t)x->docs_n * 4)))
		return STATUS_NOT_FOUND;
	x->docs = xmalloc((size_t)x->docs_n * 4 + 1);
	for (i = 0; i < x->docs_n; i++) {
		uint32_t d = get_u32(p + i * 4), kind = d >> DOC_KIND_SHIFT;

		if (kind >= OPTION_KIND_COUNT ||
		    (d & ((1u << DOC_KIND_SHIFT) - 1)) >= pack->kinds[kind].count)
			return STATUS_NOT_FOUND;
		x->docs[i] = d;
	}
	if (!(p = take(h, size, &at, (size_t)x->words_n * 12 + 8)))
		return STATUS_NOT_FOUND;
	x->word_str = xmalloc((size_t)x->words_n * 4 + 1);
	x->word_off = xmalloc(((size_t)x->words_n + 1) * 8);
	for (i = 0; i < x->words_n; i++) {
		x->word_str[i] = get_u32(p + i * 12);
		x->word_off[i] = get_u64(p + i * 12 + 4);
	}
	x->word_off[x->words_n] = get_u64(p + (size_t)x->words_n * 12);
	if (!(p = take(h, size, &at, (size_t)x->bitsets_n * 12)))
		return STATUS_NOT_FOUND;
	x->bitset_str = xmalloc((size_t)x->bitsets_n * 4 + 1);
	x->bitset_off = xmalloc((size_t)x->bitsets_n * 8 + 1);
	for (i = 0; i < x->bitsets_n; i++) {
		x->bitset_str[i] = get_u32(p + i * 12);
		x->bitset_off[i] = get_u64(p + i * 12 + 4);
	}
	if (!(p = take(h, size, &at, x->strings_len)) || at != size ||
	    (x->strings_len && p[x->strings_len - 1] != '\0'))
		return STATUS_NOT_FOUND;
	x->strings = xmalloc(x->strings_len + 1);
	memcpy(x->strings, p, x->strings_len);
	/* Every offset inside what it points into, the lists in order. */
	for (i = 0; i < x->words_n; i++)
		if (x->word_str[i] >= x->strings_len || x->word_off[i] > x->word_off[i + 1])
			return STATUS_NOT_FOUND;
	if (x->word_off[x->words_n] > x->list_bytes)
		return STATUS_NOT_FOUND;
	for (i = 0; i < x->bitsets_n; i++)
		if (x->bitset_str[i] >= x->strings_len ||
		    x->bitset_off[i] + ((uint64_t)x->docs_n + 63) / 64 * 8 > x->list_bytes)
			return STATUS_NOT_FOUND;
	return STATUS_OK;
}

enum status prefix_index_load(struct store *s, const struct pack *pack,
			      struct prefix_index **out)
{
	struct store_blob *blob;
	unsigned char *head;
	size_t size;
	enum status rc;

	*out = NULL;
	if ((rc = store_word_index_open(s, 0, &blob, &size)) != STATUS_OK)
		return rc;
	head = xmalloc(size ? size : 1);
	rc = store_blob_read(blob, head, size, 0);
	store_blob_close(blob);
	if (rc == STATUS_OK)
		rc = prefix_index_decode(head, size, pack, out);
	free(head);
	return rc;
}

enum status prefix_index_decode(const void *head, size_t size, const struct pack *pack,
				struct prefix_index **out)
{
	struct prefix_index *x = xcalloc(1, sizeof(*x));
	enum status rc = decode(x, head, size, pack);

	if (rc != STATUS_OK) {
		prefix_index_free(x);
		x = NULL;
	}
	*out = x;
	return rc;
}

const char *prefix_index_word(const struct prefix_index *x, size_t i, uint64_t *from,
			      uint64_t *to)
{
	*from = x->word_off[i];
	*to = x->word_off[i + 1];
	return x->strings + x->word_str[i];
}

void prefix_index_sizes(const struct prefix_index *x, size_t *words, size_t *options,
			size_t *list_bytes, size_t *bitsets)
{
	*words = x ? x->words_n : 0;
	*options = x ? x->docs_n : 0;
	*list_bytes = x ? (size_t)x->list_bytes : 0;
	*bitsets = x ? x->bitsets_n : 0;
}

/* --- a search ------------------------------------------------------------------ */

/* List bytes [from, to) into buf, piece by piece. */
static enum status read_lists(struct store *s, uint64_t from, uint64_t to, unsigned char *buf)
{
	while (from < to) {
		long long id = (long long)(from / PIECE) + 1;
		size_t off = (size_t)(from % PIECE), n = PIECE - off, size;
		struct store_blob *blob;
		enum status rc;

		if (n > to - from)
			n = (size_t)(to - from);
		if ((rc = store_word_index_open(s, id, &blob, &size)) != STATUS_OK)
			return rc;
		rc = off + n <= size ? store_blob_read(blob, buf, n, off) : STATUS_CORRUPT;
		store_blob_close(blob);
		if (rc != STATUS_OK)
			return rc;
		buf += n;
		from += n;
	}
	return STATUS_OK;
}

/* The first of x's sorted strings (count of them, offsets str) not below w. */
static size_t lower_bound(const struct prefix_index *x, const uint32_t *str, size_t count,
			  const char *w)
{
	size_t lo = 0, hi = count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(x->strings + str[mid], w) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The docs with a word starting with w, into bits (cleared first). */
static enum status word_docs(const struct prefix_index *x, struct store *s, const char *w,
			     uint64_t *bits, size_t bit_words)
{
	size_t n = strlen(w), b = lower_bound(x, x->bitset_str, x->bitsets_n, w);
	size_t first, last;
	unsigned char *buf;
	enum status rc;

	memset(bits, 0, bit_words * 8);
	if (b < x->bitsets_n && !strcmp(x->strings + x->bitset_str[b], w)) {
		size_t i;

		buf = xmalloc(bit_words * 8 + 1);
		rc = read_lists(s, x->bitset_off[b], x->bitset_off[b] + bit_words * 8, buf);
		for (i = 0; rc == STATUS_OK && i < bit_words; i++)
			bits[i] = get_u64(buf + i * 8);
		free(buf);
		return rc;
	}
	first = lower_bound(x, x->word_str, x->words_n, w);
	for (last = first; last < x->words_n && !strncmp(x->strings + x->word_str[last], w, n);
	     last++)
		;
	if (first == last)
		return STATUS_OK;
	buf = xmalloc((size_t)(x->word_off[last] - x->word_off[first]) + 1);
	rc = read_lists(s, x->word_off[first], x->word_off[last], buf);
	if (rc == STATUS_OK) {
		size_t i;

		for (i = first; i < last; i++)
			list_to_bits(buf + (x->word_off[i] - x->word_off[first]),
				     buf + (x->word_off[i + 1] - x->word_off[first]), bits, x->docs_n);
	}
	free(buf);
	return rc;
}

static int ascii_alnum(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

enum status prefix_index_mark(const struct prefix_index *x, struct store *s, const char *text,
			      unsigned kinds, unsigned char *hits[OPTION_KIND_COUNT])
{
	char words[MAX_QUERY_WORDS][MAX_WORD + 1];
	size_t count = 0, bit_words, i;
	const unsigned char *p = (const unsigned char *)text;
	uint64_t *all, *one;
	enum status rc = STATUS_OK;

	if (!x)
		return STATUS_NOT_FOUND;
	/*
	 * The learner's words as the FTS5 query has them (store_text_query):
	 * each must be one word here too.
	 */
	while (*p) {
		const unsigned char *start, *q;
		char w[MAX_WORD + 1], rest[MAX_WORD + 1];
		int exotic;
		char piece[4 * MAX_WORD + 1];
		size_t len;

		while (*p && *p < 0x80 && !ascii_alnum(*p))
			p++;
		start = p;
		while (*p && (*p >= 0x80 || ascii_alnum(*p)))
			p++;
		len = (size_t)(p - start);
		if (!len)
			continue;
		if (len >= sizeof(piece) || count == MAX_QUERY_WORDS)
			return STATUS_NOT_FOUND;
		memcpy(piece, start, len);
		piece[len] = '\0';
		q = (const unsigned char *)piece;
		if (!next_word(&q, w, &exotic) || exotic || strlen(w) >= MAX_WORD)
			return STATUS_NOT_FOUND;
		if (next_word(&q, rest, &exotic) > 0)
			return STATUS_NOT_FOUND;	/* "café’s": two words to FTS5, a phrase */
		memcpy(words[count++], w, sizeof(w));
	}
	if (!count)
		return STATUS_NOT_FOUND;
	bit_words = ((size_t)x->docs_n + 63) / 64;
	all = xmalloc(bit_words * 8 + 8);
	one = xmalloc(bit_words * 8 + 8);
	for (i = 0; i < count && rc == STATUS_OK; i++) {
		size_t j;

		rc = word_docs(x, s, words[i], i ? one : all, bit_words);
		if (i)
			for (j = 0; j < bit_words; j++)
				all[j] &= one[j];
	}
	if (rc == STATUS_OK)
		for (i = 0; i < bit_words; i++) {
			uint64_t v = all[i];

			while (v) {
				uint32_t doc = (uint32_t)(i * 64 + (size_t)__builtin_ctzll(v));
				uint32_t d = x->docs[doc], kind = d >> DOC_KIND_SHIFT;

				v &= v - 1;
				if (kinds & (1u << kind))
					hits[kind][d & ((1u << DOC_KIND_SHIFT) - 1)] = 1;
			}
		}
	free(all);
	free(one);
	return rc;
}
