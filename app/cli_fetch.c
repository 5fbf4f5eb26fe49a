/*
 * cli_fetch.c - `careers fetch`: download every official source.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "fetch.h"

/* A whole number of seconds or tries within [lo, hi], or -1 after a usage message. */
static long option_number(const char *value, const char *option, long lo, long hi)
{
	char *end;
	long n = strtol(value, &end, 10);

	if (end == value || *end || n < lo || n > hi) {
		cli_usage_error("fetch", "--%s \"%s\": give a whole number from %ld to %ld", option,
				value, lo, hi);
		return -1;
	}
	return n;
}

/* The list of sources: $CAREERS_SOURCES (a council's edited copy), else the one shipped. */
static const char *default_sources(void)
{
	const char *env = getenv("CAREERS_SOURCES");

	return env && *env ? env : CAREERS_DEFAULT_SOURCES;
}

int cli_fetch(int argc, char **argv)
{
	struct fetch_options o = { 0 };
	struct fetch_summary sum;
	const char **only = xcalloc((size_t)argc * 8 + 1, sizeof(*only));
	char *to = NULL;
	struct cli_args a;
	int kind, rc = 0;
	long n;

	o.sources = default_sources();
	o.http.retries = -1;
	o.out = stdout;
	o.err = stderr;
	cli_args_init(&a, "fetch", argc, argv);
	while (!rc && (kind = cli_args_next(&a)) != 0) {
		const char *v;

		if (kind < 0) {
			rc = cli_usage_error("fetch", "unexpected argument \"%s\"", a.value);
		} else if (cli_is(&a, "dry-run")) {
			o.dry_run = 1;
		} else if (!cli_is(&a, "to") && !cli_is(&a, "only") && !cli_is(&a, "sources") &&
			   !cli_is(&a, "keys") && !cli_is(&a, "cacert") &&
			   !cli_is(&a, "connect-timeout") && !cli_is(&a, "stall-timeout") &&
			   !cli_is(&a, "retries")) {
			rc = cli_usage_error("fetch", "unknown option --%s", a.option);
		} else if (!(v = cli_value(&a))) {
			rc = EXIT_USAGE;
		} else if (cli_is(&a, "to")) {
			free(to);
			to = xstrdup(v);
		} else if (cli_is(&a, "only")) {
			/* --only a,b and --only a --only b alike */
			char *copy = xstrdup(v), *save = NULL, *name;

			for (name = strtok_r(copy, ",", &save); name && o.only_count < (size_t)argc * 8;
			     name = strtok_r(NULL, ",", &save))
				only[o.only_count++] = xstrdup(name);
			free(copy);
		} else if (cli_is(&a, "sources")) {
			o.sources = v;
		} else if (cli_is(&a, "keys")) {
			o.keys_file = v;
		} else if (cli_is(&a, "cacert")) {
			o.http.ca_file = v;
		} else {
			n = option_number(v, a.option, cli_is(&a, "retries") ? 0 : 1,
					  cli_is(&a, "retries") ? 20 : 3600);
			if (n < 0)
				rc = EXIT_USAGE;
			else if (cli_is(&a, "retries"))
				o.http.retries = (int)n;
			else if (cli_is(&a, "connect-timeout"))
				o.http.connect_timeout = n;
			else
				o.http.stall_timeout = n;
		}
	}
	if (!rc && !cli_parse_only) {
		o.to = to ? to : (to = fetch_default_folder());
		o.only = only;
		o.http.progress = isatty(STDERR_FILENO) && !o.dry_run;
		signal(SIGXFSZ, SIG_IGN);	/* a file-size limit is a write error, not death */
		switch (fetch_run(&o, &sum)) {
		case STATUS_OK:
			rc = o.dry_run ? (sum.failed ? 3 : 0) : fetch_exit_status(&sum);
			break;
		case STATUS_USAGE:
			rc = EXIT_USAGE;
			break;
		default:
			rc = 1;
		}
	}
	while (o.only_count)
		free((char *)only[--o.only_count]);
	free(only);
	free(to);
	return rc;
}

int cli_fetch_for_build(const char *to)
{
	struct fetch_options o = { 0 };
	struct fetch_summary sum;

	o.sources = default_sources();
	o.to = to;
	o.http.retries = -1;
	o.http.progress = isatty(STDERR_FILENO);
	o.out = stdout;
	o.err = stderr;
	signal(SIGXFSZ, SIG_IGN);
	return fetch_run(&o, &sum) == STATUS_OK ? fetch_exit_status(&sum) : 1;
}
