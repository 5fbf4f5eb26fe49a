/*
 * fuzz_dataset.c - any bytes as a data folder's DATASET file, whose
 * licence and attribution every store built from the folder carries
 * (app/dataset.c).
 *
 * Besides the sanitizers, this checks what the reader promises: a refusal
 * names the file and a line in plain text; a file accepted has a licence
 * and an attribution, and everything it gives is plain text.
 */
#include <stdint.h>
#include <stdio.h>

#include "checks.h"
#include "corpus.h"
#include "dataset.h"

const char fuzz_target[] = "fuzz_dataset";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fuzz_memory_file(data, size);
	struct dataset ds;
	char err[700] = "";

	if (!f)
		return 0;
	if (dataset_parse(f, "data/DATASET", &ds, err, sizeof(err)) != STATUS_OK)
		fuzz_check_refusal(err, "data/DATASET");
	else if (!ds.licence || !ds.attribution || !fuzz_plain_text(ds.licence) ||
		 !fuzz_plain_text(ds.attribution) || (ds.date && !fuzz_plain_text(ds.date)))
		fuzz_broken("a DATASET accepted with a missing licence or attribution, or with "
			    "text that is not plain", NULL);
	dataset_done(&ds);
	fclose(f);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, fuzz_target);
}
#endif
