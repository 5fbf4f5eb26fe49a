/*
 * main.c - `careers`: argument dispatch and the shared option reader.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "safe_text.h"
#include "validate.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary, *usage, *help;
};

static const struct command commands[] = {
#define COMMAND_ENTRY(name, fn, summary, usage, help) { #name, fn, summary, usage, help },
	COMMAND_INFO(COMMAND_ENTRY)
#undef COMMAND_ENTRY
};

#define COMMAND_COUNT (sizeof(commands) / sizeof(commands[0]))

static const struct command *find_command(const char *name)
{
	size_t i;

	for (i = 0; i < COMMAND_COUNT; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static void print_help(FILE *f)
{
	size_t i;

	fprintf(f, "careers %s - careers options for 11-18 year olds, from open data\n\n"
		   "usage: careers [COMMAND] [OPTIONS]\n\ncommands:\n", CAREERS_VERSION);
	for (i = 0; i < COMMAND_COUNT; i++)
		fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
	fprintf(f, "\n  careers help COMMAND   more about one command\n"
		   "  careers --version      the version\n\n"
		   "The store is %s unless --db or $CAREERS_DB says otherwise.\n",
		cli_default_store());
}

static int help_command(int argc, char **argv)
{
	const struct command *c;

	if (argc < 3) {
		print_help(stdout);
		return 0;
	}
	if (strcmp(argv[2], "--man") == 0)
		return cli_man(argc - 2, argv + 2);
	c = find_command(argv[2]);
	if (!c) {
		fprintf(stderr, "careers: no command \"%s\" (see careers --help)\n", argv[2]);
		return EXIT_USAGE;
	}
	printf("usage: %s\n\n%s\n%s", c->usage, c->summary, c->help);
	return 0;
}

/*
 * Everything the command-line tools print - results, listings, messages
 * quoting arguments and file names - goes through safe_text(): no terminal
 * controls, no bytes that are not UTF-8. (The screens draw with curses,
 * which shows control characters as ^X.)
 */
static FILE *plain_out, *plain_err;	/* stdout and stderr as they were */

/* At exit: what the safe streams hold is written, and they are closed. */
static void close_safely(void)
{
	if (plain_out && stdout != plain_out) {
		fclose(stdout);
		stdout = plain_out;
	}
	if (plain_err && stderr != plain_err) {
		fclose(stderr);
		stderr = plain_err;
	}
}

static void print_safely(void)
{
	FILE *out, *err;

	fflush(stdout);
	fflush(stderr);
	plain_out = stdout;
	plain_err = stderr;
	out = safe_text_stream(STDOUT_FILENO);
	err = safe_text_stream(STDERR_FILENO);
	if (out) {
		/* A person (or a pseudo-terminal) watching sees each progress line as it comes. */
		if (isatty(STDOUT_FILENO))
			setvbuf(out, NULL, _IOLBF, 0);
		stdout = out;
	}
	if (err) {
		setvbuf(err, NULL, _IOLBF, 0);
		stderr = err;
	}
	atexit(close_safely);
}

int main(int argc, char **argv)
{
	const struct command *c;
	int rc;

	if (argc < 2) {
		char *summary[] = { argv[0], NULL };

		/* The kiosk on a terminal; a summary of the store for scripts. */
		if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
			return cli_kiosk(1, argv);
		print_safely();
		return cli_sources(1, summary);
	}
	if (argv[1][0] == '-' && argv[1][1] == '-' && strcmp(argv[1], "--help") != 0 &&
	    strcmp(argv[1], "--version") != 0)
		return cli_kiosk(argc, argv);
	c = find_command(argv[1]);
	if (!c || (c->run != cli_kiosk && c->run != cli_adviser))
		print_safely();
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		print_help(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("careers %s\n", CAREERS_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "help") == 0)
		return help_command(argc, argv);
	if (!c) {
		fprintf(stderr, "careers: no command \"%s\" (see careers --help)\n", argv[1]);
		return EXIT_USAGE;
	}
	rc = c->run(argc - 1, argv + 1);
	validate_cleanup();
	return rc;
}
