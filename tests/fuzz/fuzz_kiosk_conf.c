/*
 * fuzz_kiosk_conf.c - any bytes as the kiosk's settings file, kiosk.conf,
 * which holds the adviser PIN's hash (app/kiosk_config.c).
 *
 * Besides the sanitizers, this checks what the reader promises: a refusal
 * names the file and a line ("kiosk.conf:12: ...") in plain text; what is
 * accepted is plain text and in range.
 */
#include <stdint.h>
#include <stdio.h>

#include "checks.h"
#include "corpus.h"
#include "kiosk_config.h"

const char fuzz_target[] = "fuzz_kiosk_conf";

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f = fuzz_memory_file(data, size);
	struct kiosk_config c;
	char err[700] = "";

	if (!f)
		return 0;
	if (kiosk_config_parse(f, "kiosk.conf", &c, err, sizeof(err)) != STATUS_OK) {
		fuzz_check_refusal(err, "kiosk.conf");
	} else {
		if (!fuzz_plain_text(c.pin_hash))
			fuzz_broken("a pin_hash that is not plain text", c.pin_hash);
		if ((c.idle_seconds && (c.idle_seconds < 10 || c.idle_seconds > 3600)) ||
		    (c.retention_days && (c.retention_days < 1 || c.retention_days > 36500)) ||
		    c.theme < -1 || c.theme > KIOSK_THEME_PLAIN)
			fuzz_broken("a setting out of range was accepted", NULL);
	}
	fclose(f);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, fuzz_target);
}
#endif
