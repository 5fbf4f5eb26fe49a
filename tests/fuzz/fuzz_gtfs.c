/*
 * fuzz_gtfs.c - a whole GTFS feed through the importers and the timetable step.
 *
 * One input is a feed: its files one after another, each starting with a
 * line "== NAME" (stops.txt, trips.txt, ...). They are imported into a
 * store in memory through the store's own sink, as a build does, then
 * checked as a whole and packed (transit_save.h), and the packed timetable
 * is read back and a journey worked out on it. Besides the sanitizers it
 * checks that:
 *
 *	- the timetable step succeeds on whatever the importers let in (a
 *	  wrong reference or time is a rejected row, never a failure);
 *	- what it packs can be read back.
 *
 * The corpus holds small feeds: tests/test_transit.c's, and ones with
 * each kind of wrong reference.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "corpus.h"
#include "import.h"
#include "store.h"
#include "store_gtfs.h"
#include "transit.h"
#include "transit_save.h"

static void broken_promise(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_gtfs: %s\n%s\n", what, detail ? detail : "");
	abort();
}

static void ignore(void *ctx, const struct import_rejection *r)
{
	(void)ctx;
	(void)r;
}

/* Import one file of the feed; a file that is not recognised is skipped, as a build does. */
static void import_part(struct store *s, const char *name, const char *bytes, size_t n)
{
	struct import_source *src = import_open_memory(bytes, n, name);
	struct import_sink sink = store_sink(s);
	struct import_reporter reporter = { NULL, ignore, NULL };
	struct store_source source = { "fuzz.zip", NULL, NULL, "", "", 0, NULL };
	struct import_result result;
	const struct importer *imp;
	char why[600];
	int near;

	if (!src)
		return;
	if (import_detect(src, &imp, &near, why, sizeof(why)) == STATUS_OK) {
		source.member = name + strlen("fuzz.zip/");
		source.format = imp->name;
		source.format_title = imp->title;
		if (store_source_begin(s, &source) == STATUS_OK &&
		    store_file_begin(s) == STATUS_OK) {
			if (import_run(src, imp, &sink, &reporter, &result) == STATUS_OK &&
			    store_source_end(s, &result) == STATUS_OK)
				store_file_keep(s);
			else
				store_file_undo(s);
		}
	}
	import_close(src);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data, *end = text + size, *at = text;
	struct transit_save_report report;
	struct store *s;
	struct store_blob *blob;
	struct transit *t;
	char err[512], *bytes;
	size_t len;
	FILE *devnull = fopen("/dev/null", "w");

	if (store_create(":memory:", &s, err, sizeof(err)) != STATUS_OK || store_begin(s) != STATUS_OK)
		broken_promise("no store in memory", err);
	while (at < end) {
		const char *eol = memchr(at, '\n', (size_t)(end - at)), *body, *next;
		char name[160];

		if (!eol || eol - at < 4 || strncmp(at, "== ", 3) != 0)
			break;
		snprintf(name, sizeof(name), "fuzz.zip/%.*s", (int)(eol - at - 3 > 100 ? 100 :
			 eol - at - 3), at + 3);
		body = eol + 1;
		for (next = body; next < end; next++)
			if (next + 3 <= end && (next == body || next[-1] == '\n') &&
			    strncmp(next, "== ", 3) == 0)
				break;
		import_part(s, name, body, (size_t)(next - body));
		at = next;
	}
	if (transit_save(s, devnull, devnull, 1, &report) != STATUS_OK)
		broken_promise("the timetable step failed", store_errmsg(s));
	if (report.packed) {
		if (store_timetable_open(s, &blob, &len) != STATUS_OK)
			broken_promise("a packed timetable that is not there", store_errmsg(s));
		bytes = malloc(len ? len : 1);
		if (!bytes || store_blob_read(blob, bytes, len, 0) != STATUS_OK)
			broken_promise("a packed timetable that cannot be read", store_errmsg(s));
		store_blob_close(blob);
		if (transit_decode(bytes, len, &t, err, sizeof(err)) != STATUS_OK)
			broken_promise("a packed timetable that does not read back", err);
		transit_free(t);
		free(bytes);
	}
	store_rollback(s);
	store_close(s);
	fclose(devnull);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, "fuzz_gtfs");
}
#endif
