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

#include "corpus.h"
#include "csv_reader.h"
#include "encoding.h"
#include "harness.h"
#include "import.h"
#include "textfile.h"

static void broken_promise(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_import: %s\n%s\n", what, detail ? detail : "");
	abort();
}

static int valid_utf8(const char *s)
{
	size_t n = strlen(s);

	return utf8_valid_prefix((const unsigned char *)s, n) == n;
}

static enum status put_record(void *ctx, enum record_kind kind, const void *record)
{
	struct strbuf *rendered = ctx;

	strbuf_reset(rendered);
	capture_render(rendered, kind, record);
	if (!valid_utf8(rendered->buf))
		broken_promise("a record that is not valid UTF-8 reached the sink", rendered->buf);
	return STATUS_OK;
}

static const char *no_message(void *ctx)
{
	(void)ctx;
	return "";
}

static void take_rejection(void *ctx, const struct import_rejection *r)
{
	(void)ctx;
	if (!r->message || !r->path)
		broken_promise("a rejection without a message", NULL);
	if (!valid_utf8(r->message))
		broken_promise("a rejection message that is not valid UTF-8", r->message);
	if (r->field && !valid_utf8(r->field))
		broken_promise("a rejection naming a field that is not valid UTF-8", r->field);
}

static void import_bytes(const uint8_t *data, size_t size)
{
	/* A UKPRN in the name, as course-directory uploads need. */
	struct import_source *src = import_open_memory(data, size, "fuzz/provider-10001919.csv");
	const struct importer *importer = NULL;
	struct strbuf rendered;
	struct import_sink sink;
	struct import_reporter reporter = { NULL, take_rejection, take_rejection };
	struct import_result result;
	char why[600];
	int near = 0;

	if (!src)
		return;
	if (import_detect(src, &importer, &near, why, sizeof(why)) != STATUS_OK) {
		if (!valid_utf8(why))
			broken_promise("a detection message that is not valid UTF-8", why);
		if (fuzz_verbose)
			printf("  not recognised%s: %s\n", near ? " (near)" : "", why);
		import_close(src);
		return;
	}
	strbuf_init(&rendered);
	sink.ctx = &rendered;
	sink.put = put_record;
	sink.message = no_message;
	if (import_run(src, importer, &sink, &reporter, &result) == STATUS_OK &&
	    result.read != result.loaded + result.rejected + result.skipped) {
		char counts[160];

		snprintf(counts, sizeof(counts), "%s: read %lu, loaded %lu, rejected %lu, skipped %lu",
			 importer->name, result.read, result.loaded, result.rejected, result.skipped);
		broken_promise("a run that lost count of its records", counts);
	}
	if (fuzz_verbose)
		printf("  %s: read %lu, loaded %lu, rejected %lu, skipped %lu%s%s\n", importer->name,
		       result.read, result.loaded, result.rejected, result.skipped,
		       result.message[0] ? "; " : "", result.message);
	strbuf_done(&rendered);
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
			broken_promise("record lines out of order", NULL);
		last_line = rec.line;
		for (k = 0; k < rec.count; k++)
			if (strlen(rec.fields[k]) > rec.lengths[k])
				broken_promise("a field longer than its length", rec.fields[k]);
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
