/*
 * fuzz_import.c - any bytes through the whole import path, for libFuzzer.
 *
 * One input is opened from memory, recognised, and imported by whichever
 * format claims it, into a sink that keeps nothing but renders every
 * record (so each string an importer emits is read end to end); then the
 * same bytes go through a plain csv_reader, once as they are and once
 * placed across the reader's 64 KiB chunks. Besides the sanitizers, it
 * checks what every import promises:
 *
 *	- whatever reaches the sink, and every rejection message, is valid UTF-8;
 *	- a run that succeeds accounts for every record it read
 *	  (read = loaded + rejected + skipped).
 *
 * Built with -DCAREERS_FUZZING it is a libFuzzer target. Without it,
 * main() runs each file (or each file in each folder) named on the
 * command line once (corpus.h), which is how ctest exercises the corpus
 * on every build, with any compiler; -v says what each was recognised as.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "corpus.h"
#include "csv_reader.h"
#include "encoding.h"
#include "harness.h"
#include "import.h"
#include "textfile.h"

const char fuzz_target[] = "fuzz_import";

static void import_bytes(const uint8_t *data, size_t size)
{
	/* A UKPRN in the name, as course-directory uploads need. */
	struct import_source *src = import_open_memory(data, size, "fuzz/provider-10001919.csv");
	const struct importer *importer = NULL;
	struct import_result result;
	char why[600];
	int near = 0;

	if (!src)
		return;
	if (import_detect(src, &importer, &near, why, sizeof(why)) != STATUS_OK) {
		if (!fuzz_valid_utf8(why))
			fuzz_broken("a detection message that is not valid UTF-8", why);
		if (fuzz_verbose)
			printf("  not recognised%s: %s\n", near ? " (near)" : "", why);
		import_close(src);
		return;
	}
	fuzz_import_checked(src, importer, &result);
	if (fuzz_verbose)
		printf("  %s: read %lu, loaded %lu, rejected %lu, skipped %lu%s%s\n", importer->name,
		       result.read, result.loaded, result.rejected, result.skipped,
		       result.message[0] ? "; " : "", result.message);
	import_close(src);
}

static void read_csv(const uint8_t *data, size_t size)
{
	struct textfile *tf = textfile_open_memory(data, size);
	struct csv_reader *reader;
	struct csv_record rec;
	unsigned long last_line = 0;

	if (!tf)
		return;
	reader = csv_reader_new(tf, 0);
	while (csv_reader_next(reader, &rec) == STATUS_OK) {
		size_t k;

		if (rec.line <= last_line || rec.line > csv_reader_lines(reader))
			fuzz_broken("record lines out of order", NULL);
		last_line = rec.line;
		for (k = 0; k < rec.count; k++)
			if (strlen(rec.fields[k]) > rec.lengths[k])
				fuzz_broken("a field longer than its length", rec.fields[k]);
	}
	csv_reader_free(reader);
	textfile_free(tf);
}

/*
 * The input again after one long line, placed so that it straddles the
 * reader's 64 KiB chunks: libFuzzer's inputs are small, chunk edges are not.
 */
static void read_csv_across_chunks(const uint8_t *data, size_t size)
{
	const size_t chunk = 64 * 1024;
	size_t pad = chunk - 1 - size / 2;
	uint8_t *bytes;

	if (size < 2 || size >= chunk)
		return;
	bytes = xmalloc(pad + 1 + size);
	memset(bytes, 'x', pad);
	bytes[pad] = '\n';
	memcpy(bytes + pad + 1, data, size);
	read_csv(bytes, pad + 1 + size);
	free(bytes);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	import_bytes(data, size);
	read_csv(data, size);
	read_csv_across_chunks(data, size);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, "fuzz_import");
}
#endif
