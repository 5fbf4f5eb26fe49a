/*
 * main.c - `careers`: argument dispatch and the shared option reader.
 */
#include <stdarg.h>
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
	c = find_command(argv[2]);
	if (!c) {
		fprintf(stderr, "careers: no command \"%s\" (see careers --help)\n", argv[2]);
		return EXIT_USAGE;
	}
	printf("usage: %s\n\n%s\n%s", c->usage, c->summary, c->help);
	return 0;
}

const char *cli_default_store(void)
{
	const char *env = getenv("CAREERS_DB");

	return env && *env ? env : CAREERS_DEFAULT_STORE;
}

void cli_args_init(struct cli_args *a, const char *command, int argc, char **argv)
{
	memset(a, 0, sizeof(*a));
	a->command = command;
	a->argc = argc;
	a->argv = argv;
	a->i = 1;
}

int cli_args_next(struct cli_args *a)
{
	const char *arg, *eq;
	size_t len;

	a->option = NULL;
	a->value = NULL;
	if (a->i >= a->argc)
		return 0;
	arg = a->argv[a->i++];
	if (strncmp(arg, "--", 2) != 0 || arg[2] == '\0') {
		a->value = arg;
		return -1;
	}
	arg += 2;
	eq = strchr(arg, '=');
	len = eq ? (size_t)(eq - arg) : strlen(arg);
	if (len >= sizeof(a->name))
		len = sizeof(a->name) - 1;
	memcpy(a->name, arg, len);
	a->name[len] = '\0';
	a->option = a->name;
	a->value = eq ? eq + 1 : NULL;
	return 1;
}

int cli_is(const struct cli_args *a, const char *name)
{
	return a->option && strcmp(a->option, name) == 0;
}

const char *cli_value(struct cli_args *a)
{
	if (a->value)
		return a->value;
	if (a->i < a->argc) {
		a->value = a->argv[a->i++];
		return a->value;
	}
	cli_usage_error(a->command, "--%s needs a value", a->option);
	return NULL;
}

int cli_usage_error(const char *command, const char *fmt, ...)
{
	const struct command *c = find_command(command);
	va_list ap;

	fprintf(stderr, "careers %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	if (c)
		fprintf(stderr, "usage: %s\n", c->usage);
	return EXIT_USAGE;
}

/*
 * Everything the command-line tools print - results, listings, messages
 * quoting arguments and file names - goes through safe_text(): no terminal
 * controls, no bytes that are not UTF-8. (The screens draw with curses,
 * which shows control characters as ^X.)
 */
static void print_safely(void)
{
	FILE *out, *err;

	fflush(stdout);
	fflush(stderr);
	out = safe_text_stream(STDOUT_FILENO);
	err = safe_text_stream(STDERR_FILENO);
	if (out)
		stdout = out;
	if (err) {
		setvbuf(err, NULL, _IOLBF, 0);
		stderr = err;
	}
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
