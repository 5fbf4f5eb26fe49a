/*
 * cli_args.c - the option reader every subcommand shares (cli.h), and the
 * usage line a mistake is answered with.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"

int cli_parse_only;

/* The usage line of each command, from the one list of them. */
static const struct {
	const char *name, *usage;
} usages[] = {
#define USAGE_ENTRY(name, fn, summary, usage, help) { #name, usage },
	COMMAND_INFO(USAGE_ENTRY)
#undef USAGE_ENTRY
};

const char *cli_store_to_write(void)
{
	const char *env = getenv("CAREERS_DB");

	return env && *env ? env : CAREERS_DEFAULT_STORE;
}

const char *cli_default_store(void)
{
	const char *store = cli_store_to_write();
	struct stat st;

	/*
	 * Installed, the store is the one updates replace; until there is one
	 * (or if it was removed), the one the package brought.
	 */
	if (CAREERS_BUNDLED_STORE[0] && strcmp(store, CAREERS_DEFAULT_STORE) == 0 &&
	    stat(store, &st) != 0 && stat(CAREERS_BUNDLED_STORE, &st) == 0)
		return CAREERS_BUNDLED_STORE;
	return store;
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
	size_t i;
	va_list ap;

	fprintf(stderr, "careers %s: ", command);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	for (i = 0; i < sizeof(usages) / sizeof(usages[0]); i++)
		if (strcmp(usages[i].name, command) == 0)
			fprintf(stderr, "usage: %s\n", usages[i].usage);
	return EXIT_USAGE;
}

