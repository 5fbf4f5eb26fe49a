/*
 * fuzz_store.c - any bytes as a data store, opened the way `careers search`
 * and `careers sources` open it: read only, then its summary, every source
 * file and rejected row listed, the interest areas read and one search run.
 *
 * A store can come from anywhere (a USB stick, a published download), so
 * a damaged one must be refused or read without harm. The file is written
 * to a scratch folder for each input. Besides the sanitizers, this checks
 * that a refusal names the file, and that what is listed has the parts
 * every store's sources and rejected rows have (a damaged one is refused).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "checks.h"
#include "corpus.h"
#include "match.h"
#include "store.h"

const char fuzz_target[] = "fuzz_store";

static int each_source(void *ctx, const struct store_source_info *s)
{
	(void)ctx;
	if (!s->path || !s->format)
		fuzz_broken("a source file without a path or format", NULL);
	return 0;
}

static int each_rejection(void *ctx, const struct store_rejection_info *r)
{
	(void)ctx;
	if (!r->path || !r->field || !r->message)
		fuzz_broken("a rejected row without a path, field or message", NULL);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_scratch_path("store.db");
	struct match_interest interests[64];
	struct match_profile p;
	struct match_list list;
	struct store_counts counts;
	struct store *s;
	char err[600] = "";

	if (fuzz_write_file(path, data, size) != 0)
		return 0;
	if (store_open(path, STORE_READ_ONLY, &s, err, sizeof(err)) != STATUS_OK) {
		if (!strstr(err, path) || !fuzz_valid_utf8(err))
			fuzz_broken("a store refused without naming it", err);
		return 0;
	}
	store_count(s, &counts);
	store_each_source(s, each_source, NULL);
	store_each_rejection(s, NULL, each_rejection, NULL);
	match_interests(s, interests, sizeof(interests) / sizeof(interests[0]));
	match_profile_init(&p);
	p.today = (struct civil_date){ 2026, 11, 30 };
	snprintf(p.text, sizeof(p.text), "%s", size % 3 ? "" : "eng");
	memset(&list, 0, sizeof(list));
	match_run(s, &p, &list, err, sizeof(err));
	match_list_done(&list);	/* a failed run may have filled part of it */
	store_close(s);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, fuzz_target);
}
#endif
