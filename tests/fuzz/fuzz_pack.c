/*
 * fuzz_pack.c - any bytes as a saved option index (app/pack.c): the image
 * kept in a store file and mapped from the copy beside it, both of which
 * may have come from anywhere.
 *
 * Besides the sanitizers, this checks what the reader promises when it
 * accepts the bytes:
 *
 *	- the same answer whether the bytes are read from memory (pack_decode,
 *	  as from the store) or mapped from a file (pack_map, as the copy);
 *	- every title offset, start rule, place, grid cell and interest-area
 *	  bit it hands out is inside the index, and each kind's options can be
 *	  found again by id; the grid and the area bitsets name only options
 *	  that are there, whatever box or areas a search asks for;
 *	- the format has one way of writing each index: encoding what was read
 *	  gives back exactly the bytes it was read from.
 *
 * The corpus holds indexes saved from the bundled Doncaster data and from a
 * small store of one file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "pack.h"

static void broken_promise(const char *what)
{
	fprintf(stderr, "fuzz_pack: %s\n", what);
	abort();
}

static char path[256];

static void remove_the_file(void)
{
	unlink(path);
}

/* The same bytes as a file, mapped as the copy beside a store is. */
static enum status map_the_bytes(const uint8_t *data, size_t size, struct pack **out)
{
	char err[256];
	FILE *f;

	if (!path[0]) {
		snprintf(path, sizeof(path), "%s/fuzz_pack.%ld.index",
			 getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid());
		atexit(remove_the_file);
	}
	if (!(f = fopen(path, "wb")))
		broken_promise("cannot write a file to map");
	if (size && fwrite(data, 1, size, f) != size)
		broken_promise("cannot write a file to map");
	fclose(f);
	return pack_map(path, out, err, sizeof(err));
}

static void check_kind(const struct pack *p, int k)
{
	const struct pack_kind *pk = &p->kinds[k];
	static const double boxes[][4] = {
		{ -90, 90, -180, 180 }, { 53.4, 53.6, -1.2, -1.0 }, { 0, 0, 0, 0 }, { 91, -91, 5, -5 },
	};
	uint32_t *list;
	size_t i, n, b;
	int a;

	for (i = 0; i < pk->count; i++) {
		const struct pack_entry *e = &pk->entries[i];

		if (e->title >= p->text_len || strlen(pack_title(p, e)) >= p->text_len - e->title)
			broken_promise("a title outside the index");
		if (e->when >= p->when_count || p->whens[e->when].kind != k)
			broken_promise("a start rule outside the index");
		if (e->place_first > p->place_count || e->place_count > p->place_count - e->place_first)
			broken_promise("places outside the index");
		if (pack_find(p, (enum option_kind)k, e->id) != e)
			broken_promise("an option that cannot be found by its id");
	}
	for (b = 0; b < sizeof(boxes) / sizeof(boxes[0]); b++) {
		n = pack_grid_candidates(pk, boxes[b][0], boxes[b][1], boxes[b][2], boxes[b][3], &list);
		for (i = 0; i < n; i++)
			if (list[i] >= pk->count || (i && list[i] <= list[i - 1]))
				broken_promise("the grid names an option that is not there");
		free(list);
	}
	for (a = 0; a < p->area_count; a++) {
		uint64_t *bits = pack_area_bits(pk, &a, 1, &a, 1);

		n = pack_bits_list(bits, pk->count, &list);
		for (i = 0; i < n; i++)
			if (list[i] >= pk->count)
				broken_promise("an interest area names an option that is not there");
		free(list);
		free(bits);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pack *p, *mapped;
	char err[256], *again;
	size_t len;
	enum status from_memory, from_file;
	int k;

	from_memory = pack_decode(data, size, &p, err, sizeof(err));
	if (from_memory != STATUS_OK && !strstr(err, "the option index is damaged"))
		broken_promise("a refusal that does not say what was wrong");
	from_file = map_the_bytes(data, size, &mapped);
	if ((from_file == STATUS_OK) != (from_memory == STATUS_OK))
		broken_promise("the bytes read and the same bytes mapped answer differently");
	if (from_file == STATUS_OK) {
		if (!mapped->mapped || mapped->image_len != size ||
		    memcmp(mapped->image, data, size) != 0)
			broken_promise("the mapped index is not the file's bytes");
		pack_free(mapped);
	}
	if (from_memory != STATUS_OK)
		return 0;
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		check_kind(p, k);
	pack_encode(p, &again, &len);
	if (len != size || memcmp(again, data, size) != 0)
		broken_promise("encoding what was read does not give the same bytes");
	free(again);
	pack_free(p);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, "fuzz_pack");
}
#endif
