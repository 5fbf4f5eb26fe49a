/*
 * fuzz_records.c - any bytes as the adviser's records file (app/records.c),
 * opened, listed, every session loaded, one saved back and one deleted.
 *
 * The file is written to a scratch folder for each input (records_open
 * takes a path). Besides the sanitizers, this checks what the records
 * promise: a refusal says what is wrong with the file and names it, in
 * plain text; a session that loads is within every limit advice.h sets.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "corpus.h"
#include "records.h"

const char fuzz_target[] = "fuzz_records";

#define MAX_IDS 32

struct ids {
	long long id[MAX_IDS];
	int count;
};

static int keep_id(void *ctx, const struct records_summary *s)
{
	struct ids *ids = ctx;

	if (ids->count < MAX_IDS)
		ids->id[ids->count++] = s->id;
	return 0;
}

static void check_session(const struct advice *a)
{
	if (a->item_count < 0 || a->item_count > ADVICE_ITEMS_MAX || a->note_count < 0 ||
	    a->note_count > ADVICE_NOTES_MAX || a->action_count < 0 ||
	    a->action_count > ADVICE_ACTIONS_MAX ||
	    !memchr(a->pupil, '\0', sizeof(a->pupil)) ||
	    a->profile.interest_count < 0 || a->profile.interest_count > MATCH_MAX_INTERESTS ||
	    a->profile.excluded_count < 0 || a->profile.excluded_count > MATCH_MAX_EXCLUDED)
		fuzz_broken("a session loaded outside advice.h's limits", a->pupil);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_scratch_path("records.db");
	struct advice *a = calloc(1, sizeof(*a));
	struct records *r = NULL;
	struct ids ids = { { 0 }, 0 };
	char err[600] = "";
	int i, saved = 0;

	if (!a || fuzz_write_file(path, data, size) != 0) {
		free(a);
		return 0;
	}
	if (records_open(path, 0, &r, err, sizeof(err)) != STATUS_OK) {
		if (!strstr(err, path) || !fuzz_valid_utf8(err))
			fuzz_broken("a records file refused without naming it", err);
		free(a);
		return 0;
	}
	records_list(r, keep_id, &ids);
	for (i = 0; i < ids.count; i++) {
		if (records_load(r, ids.id[i], a) != STATUS_OK) {
			if (!records_errmsg(r)[0])
				fuzz_broken("a session that cannot be loaded, without a reason", NULL);
			continue;
		}
		check_session(a);
		if (!saved++ && records_save(r, a) != STATUS_OK && !records_errmsg(r)[0])
			fuzz_broken("a session that cannot be saved, without a reason", NULL);
	}
	if (ids.count && size % 2)
		records_delete(r, ids.id[0]);
	records_close(r);
	free(a);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, fuzz_target);
}
#endif
