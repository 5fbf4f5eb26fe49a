/*
 * fuzz_prefix_index.c - any bytes as a saved word prefix index's head
 * (app/prefix_index.c), read against a saved option index.
 *
 * Both come from the store file, which may have come from anywhere. An
 * input is a little-endian u32 n, then n bytes of option index
 * (pack_encode's format), then the word prefix index's head (row 0 of
 * word_index). Besides the sanitizers, this checks what prefix_index_decode()
 * promises when it accepts the bytes: every word is a string inside the
 * head, the words' lists follow one another without overlapping, and the
 * sizes it reports agree with what it hands out.
 *
 * The corpus holds the two saved from the bundled Doncaster data.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "pack.h"
#include "prefix_index.h"

static void broken_promise(const char *what)
{
	fprintf(stderr, "fuzz_prefix_index: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pack *p;
	struct prefix_index *x;
	char err[256];
	size_t n, words, options, list_bytes, bitsets, i;
	uint64_t last = 0;

	if (size < 4)
		return 0;
	n = (size_t)data[0] | (size_t)data[1] << 8 | (size_t)data[2] << 16 | (size_t)data[3] << 24;
	if (n > size - 4 || pack_decode(data + 4, n, &p, err, sizeof(err)) != STATUS_OK)
		return 0;
	if (prefix_index_decode(data + 4 + n, size - 4 - n, p, &x) == STATUS_OK) {
		prefix_index_sizes(x, &words, &options, &list_bytes, &bitsets);
		for (i = 0; i < words; i++) {
			uint64_t from, to;
			const char *w = prefix_index_word(x, i, &from, &to);

			if (strlen(w) > 4096)
				broken_promise("a word running past the head");
			if (from < last || to < from || to > list_bytes)
				broken_promise("a word's list outside the lists, or overlapping another");
			last = to;
		}
		prefix_index_free(x);
	}
	pack_free(p);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, "fuzz_prefix_index");
}
#endif
