/*
 * fuzz_json.c - any bytes through one JSON format's importer, chosen by
 * the first byte, with no detection in between.
 *
 * fuzz_import reaches an importer only through detection, which turns
 * away most of what it is given; here every JSON importer (Find a course,
 * Find an apprenticeship lists and single adverts, Skills England, LMI for
 * All) reads every input, so its row() and the JSON reader's records,
 * paths and limits are all exercised. The checks are fuzz_import's
 * (checks.h): valid UTF-8 everywhere, every record accounted for.
 *
 * The corpus holds each JSON sample of corpus/ once per importer that
 * reads it, with the importer's number as the first byte.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "corpus.h"
#include "import.h"
#include "registry.h"

const char fuzz_target[] = "fuzz_json";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct importer *const *all, *json[32];
	struct import_source *src;
	struct import_result result;
	size_t count, n = 0, i;

	if (size < 1)
		return 0;
	all = registry_importers(&count);
	for (i = 0; i < count && n < sizeof(json) / sizeof(json[0]); i++)
		if (all[i]->shape == IMPORT_JSON)
			json[n++] = all[i];
	if (!n)
		return 0;
	src = import_open_memory(data + 1, size - 1, "fuzz/page.json");
	if (!src)
		return 0;
	fuzz_import_checked(src, json[data[0] % n], &result);
	if (fuzz_verbose)
		printf("  %s: read %lu, loaded %lu, rejected %lu%s%s\n", json[data[0] % n]->name,
		       result.read, result.loaded, result.rejected, result.message[0] ? "; " : "",
		       result.message);
	import_close(src);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, fuzz_target);
}
#endif
