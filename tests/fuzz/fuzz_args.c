/*
 * fuzz_args.c - any words as the arguments of a careers command, the
 * command chosen by the first byte, the words split at NUL bytes.
 *
 * Every command is run with cli_parse_only set (cli.h): it reads its
 * arguments and returns before it touches a store, a file or the terminal.
 * Besides the sanitizers, this checks that a command answers 0 (the
 * arguments are sound) or 2 (a usage error), never anything else. Its
 * messages go to /dev/null.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "checks.h"
#include "cli.h"
#include "corpus.h"

const char fuzz_target[] = "fuzz_args";

#define MAX_WORDS 64

static const struct {
	const char *name;
	int (*run)(int argc, char **argv);
} commands[] = {
#define FUZZ_COMMAND(name, fn, summary, usage, help) { #name, fn },
	COMMAND_INFO(FUZZ_COMMAND)
#undef FUZZ_COMMAND
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *quiet;
	char *words, *argv[MAX_WORDS + 2];
	size_t i, start;
	int argc = 1, rc, which;

	if (size < 1)
		return 0;
	if (!quiet) {
		quiet = fopen("/dev/null", "w");
		if (quiet)
			stderr = quiet;	/* the sanitizers write to fd 2 all the same */
	}
	cli_parse_only = 1;
	which = data[0] % (int)(sizeof(commands) / sizeof(commands[0]));
	words = malloc(size);
	if (!words)
		return 0;
	memcpy(words, data + 1, size - 1);
	words[size - 1] = '\0';
	argv[0] = (char *)commands[which].name;
	for (i = 0, start = 0; i < size && argc <= MAX_WORDS; i++)
		if (words[i] == '\0') {
			argv[argc++] = words + start;
			start = i + 1;
		}
	argv[argc] = NULL;
	rc = commands[which].run(argc, argv);
	if (rc != 0 && rc != EXIT_USAGE)
		fuzz_broken("a command that only read its arguments answered neither 0 nor 2",
			    commands[which].name);
	free(words);
	return 0;
}

#ifndef CAREERS_FUZZING
int main(int argc, char **argv)
{
	return fuzz_corpus_main(argc, argv, fuzz_target);
}
#endif
