/*
 * fuzz_handover.c - any text as a take-away code typed into the adviser
 * screen (app/handover.c).
 *
 * Besides the sanitizers, this checks what handover_decode() promises:
 *
 *	- a refusal says why, in plain text;
 *	- what it accepts is what the encoder writes: encoding the handover
 *	  that was read gives back the same code, once spaces (tabs, line
 *	  breaks) and dashes are taken out, letters put in capitals and I, L, O read as 1, 1, 0
 *	  (the decode -> encode round trip); and that code reads back to the
 *	  same handover.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "corpus.h"
#include "handover.h"
#include "mem.h"

const char fuzz_target[] = "fuzz_handover";

/* The symbols of a code as the decoder reads them. */
static void canonical(const char *typed, struct strbuf *out)
{
	for (; *typed; typed++) {
		int c = toupper((unsigned char)*typed);

		if (c == ' ' || c == '-' || c == '\t' || c == '\n' || c == '\r')
			continue;
		strbuf_putc(out, (char)(c == 'I' || c == 'L' ? '1' : c == 'O' ? '0' : c));
	}
}

static int same_handover(const struct handover *a, const struct handover *b)
{
	int i;

	if (a->fingerprint != b->fingerprint || a->school_year != b->school_year ||
	    a->age != b->age || a->interests != b->interests || a->radius != b->radius ||
	    strcmp(a->riasec, b->riasec) != 0 || strcmp(a->district, b->district) != 0 ||
	    a->shortlist_count != b->shortlist_count)
		return 0;
	for (i = 0; i < a->shortlist_count; i++)
		if (a->shortlist[i].kind != b->shortlist[i].kind ||
		    a->shortlist[i].id != b->shortlist[i].id)
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *typed = xstrndup((const char *)data, size), why[300] = "";
	char code[HANDOVER_CODE_SIZE];
	struct handover h, again;
	struct strbuf want, got;

	if (handover_decode(typed, &h, why, sizeof(why)) != STATUS_OK) {
		if (!why[0] || !fuzz_plain_text(why))
			fuzz_broken("a code refused without a plain reason", why);
		free(typed);
		return 0;
	}
	if (handover_encode(&h, code, sizeof(code)) != STATUS_OK)
		fuzz_broken("a handover that was read cannot be written again", typed);
	strbuf_init(&want);
	strbuf_init(&got);
	canonical(typed, &want);
	canonical(code, &got);
	if (strcmp(want.buf, got.buf) != 0)
		fuzz_broken("decode -> encode does not give the code back", got.buf);
	if (handover_decode(code, &again, why, sizeof(why)) != STATUS_OK ||
	    !same_handover(&h, &again))
		fuzz_broken("a code the encoder wrote does not read back the same", code);
	strbuf_done(&want);
	strbuf_done(&got);
	free(typed);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, fuzz_target);
}
#endif
