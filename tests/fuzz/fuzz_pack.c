/*
 * fuzz_pack.c - any bytes as a saved option index (app/pack.c).
 *
 * The index is read from the store file, which may have come from
 * anywhere. Besides the sanitizers, this checks what pack_decode()
 * promises when it accepts the bytes:
 *
 *	- every title offset and start rule it hands out is inside the index,
 *	  and each kind's options can be found again by id;
 *	- the format has one way of writing each index: encoding what was read
 *	  gives back exactly the bytes it was read from.
 *
 * The corpus holds indexes saved from the bundled Doncaster data.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "pack.h"

static void broken_promise(const char *what)
{
	fprintf(stderr, "fuzz_pack: %s\n", what);
	abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct pack *p;
	char err[256], *again;
	size_t len, i;
	int k;

	if (pack_decode(data, size, &p, err, sizeof(err)) != STATUS_OK) {
		if (!strstr(err, "the option index is damaged"))
			broken_promise("a refusal that does not say what was wrong");
		return 0;
	}
	for (k = 0; k < OPTION_KIND_COUNT; k++)
		for (i = 0; i < p->kinds[k].count; i++) {
			const struct pack_entry *e = &p->kinds[k].entries[i];

			if (e->title >= p->text_len || strlen(pack_title(p, e)) >= p->text_len - e->title)
				broken_promise("a title outside the index");
			if (e->when >= p->when_count || p->whens[e->when].kind != k)
				broken_promise("a start rule outside the index");
			if (pack_find(p, (enum option_kind)k, e->id) != e)
				broken_promise("an option that cannot be found by its id");
		}
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
