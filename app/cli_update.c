/*
 * cli_update.c - `careers update`: take a published store on a kiosk.
 *
 * Settings come from the command line, else from the update settings
 * file (--config FILE, else $CAREERS_UPDATE_CONFIG, else
 * /etc/careers/update.conf when it exists):
 *
 *	from = https://data.example.sch.uk/careers/   or a folder
 *	pubkey = /etc/careers/update.pub
 *	db = /var/lib/careers/careers.db
 *	spread = 3600                 wait a random 0..3600 s first
 *	cacert = /etc/careers/council-ca.pem
 *	connect_timeout = 30
 *	stall_timeout = 60
 *	retries = 4
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "settings.h"
#include "update.h"

#define DEFAULT_UPDATE_CONFIG "/etc/careers/update.conf"

struct update_settings {
	char *from, *pubkey, *db, *cacert;
	long spread, connect_timeout, stall_timeout, retries;
};

static void settings_free(struct update_settings *u)
{
	free(u->from);
	free(u->pubkey);
	free(u->db);
	free(u->cacert);
}

/* A whole number in [lo, hi], or -1 (and a message naming where). */
static long number(const char *value, long lo, long hi, const char *where, const char *name)
{
	char *end;
	long n;

	errno = 0;
	n = strtol(value, &end, 10);
	if (errno || end == value || *end || n < lo || n > hi) {
		fprintf(stderr, "careers: %s: %s must be a whole number from %ld to %ld, not \"%s\"\n",
			where, name, lo, hi, value);
		return -1;
	}
	return n;
}

/* Set one setting by name; 0 when fine, else a message was printed. */
static int set(struct update_settings *u, const char *name, const char *value, const char *where)
{
	char **text = strcmp(name, "from") == 0 ? &u->from : strcmp(name, "pubkey") == 0 ?
		      &u->pubkey : strcmp(name, "db") == 0 ? &u->db :
		      strcmp(name, "cacert") == 0 ? &u->cacert : NULL;
	long *n = strcmp(name, "spread") == 0 ? &u->spread :
		  strcmp(name, "connect_timeout") == 0 || strcmp(name, "connect-timeout") == 0 ?
		  &u->connect_timeout :
		  strcmp(name, "stall_timeout") == 0 || strcmp(name, "stall-timeout") == 0 ?
		  &u->stall_timeout : strcmp(name, "retries") == 0 ? &u->retries : NULL;

	if (text) {
		free(*text);
		*text = xstrdup(value);
		return 0;
	}
	if (n) {
		*n = number(value, 0, n == &u->spread ? 86400 : n == &u->retries ? 20 : 3600, where,
			    name);
		return *n < 0;
	}
	fprintf(stderr, "careers: %s: unknown setting \"%s\" (expected from, pubkey, db, spread, "
		"cacert, connect_timeout, stall_timeout or retries)\n", where, name);
	return 1;
}

static void prefer(char **setting, const char *given)
{
	if (given) {
		free(*setting);
		*setting = xstrdup(given);
	}
}

static int read_settings(const char *path, int given, struct update_settings *u)
{
	struct settings s;
	char *name, *value, where[600];
	int kind, rc = 0;

	if (settings_open(&s, path) != 0) {
		if (errno == ENOENT && !given)
			return 0;
		fprintf(stderr, "careers: cannot read %s: %s\n", path, strerror(errno));
		return 1;
	}
	while (!rc && (kind = settings_next(&s, &name, &value)) != 0) {
		if (kind != 1) {
			fprintf(stderr, "careers: %s: expected \"name = value\"\n",
				settings_where(&s, where, sizeof(where)));
			rc = 1;
		} else {
			rc = set(u, name, value, settings_where(&s, where, sizeof(where)));
		}
	}
	settings_close(&s);
	return rc;
}

int cli_update(int argc, char **argv)
{
	struct update_settings u = { NULL, NULL, NULL, NULL, 0, 0, 0, -1 };
	struct update_settings given = { NULL, NULL, NULL, NULL, -1, -1, -1, -1 };
	struct update_options o = { 0 };
	const char *config = getenv("CAREERS_UPDATE_CONFIG");
	struct cli_args a;
	int kind, rollback = 0, status = 0, force = 0, changed, rc = 0, config_given = 0;

	cli_args_init(&a, "update", argc, argv);
	while (!rc && (kind = cli_args_next(&a)) != 0) {
		const char *v;
		char name[64];

		if (kind < 0) {
			rc = cli_usage_error("update", "unexpected argument \"%s\"", a.value);
		} else if (cli_is(&a, "rollback")) {
			rollback = 1;
		} else if (cli_is(&a, "status")) {
			status = 1;
		} else if (cli_is(&a, "force")) {
			force = 1;
		} else if (!cli_is(&a, "config") && !cli_is(&a, "from") && !cli_is(&a, "pubkey") &&
			   !cli_is(&a, "db") && !cli_is(&a, "spread") && !cli_is(&a, "cacert") &&
			   !cli_is(&a, "connect-timeout") && !cli_is(&a, "stall-timeout") &&
			   !cli_is(&a, "retries")) {
			rc = cli_usage_error("update", "unknown option --%s", a.option);
		} else if (!(v = cli_value(&a))) {
			rc = EXIT_USAGE;
		} else if (cli_is(&a, "config")) {
			config = v;
			config_given = 1;
		} else {
			snprintf(name, sizeof(name), "%s", a.option);
			rc = set(&given, name, v, "the command line") ? EXIT_USAGE : 0;
		}
	}
	if (cli_parse_only) {
		settings_free(&given);
		return rc;
	}
	if (!rc && read_settings(config && *config ? config : DEFAULT_UPDATE_CONFIG,
				 config_given || (config && *config), &u))
		rc = 1;
	/* The command line wins over the file. */
	if (!rc) {
		prefer(&u.from, given.from);
		prefer(&u.pubkey, given.pubkey);
		prefer(&u.db, given.db);
		prefer(&u.cacert, given.cacert);
		if (given.spread >= 0)
			u.spread = given.spread;
		if (given.connect_timeout >= 0)
			u.connect_timeout = given.connect_timeout;
		if (given.stall_timeout >= 0)
			u.stall_timeout = given.stall_timeout;
		if (given.retries >= 0)
			u.retries = given.retries;
	}
	o.db = u.db ? u.db : cli_default_store();
	if (!rc && rollback + status > 1)
		rc = cli_usage_error("update", "--rollback and --status are separate requests");
	if (!rc && rollback) {
		rc = update_rollback(o.db, stdout, stderr) == STATUS_OK ? 0 : 1;
	} else if (!rc && status) {
		rc = update_status(o.db, stdout, stderr) == STATUS_OK ? 0 : 1;
	} else if (!rc) {
		if (!u.from || !u.pubkey) {
			rc = cli_usage_error("update", "say where updates come from (--from URL|DIR) "
					     "and which key signs them (--pubkey FILE), here or in %s",
					     config && *config ? config : DEFAULT_UPDATE_CONFIG);
		} else {
			o.from = u.from;
			o.pubkey = u.pubkey;
			o.spread = u.spread;
			o.force = force;
			o.http.connect_timeout = u.connect_timeout;
			o.http.stall_timeout = u.stall_timeout;
			o.http.retries = (int)u.retries;
			o.http.ca_file = u.cacert;
			o.out = stdout;
			o.err = stderr;
			signal(SIGXFSZ, SIG_IGN);	/* a file-size limit is a write error */
			rc = update_run(&o, &changed) == STATUS_OK ? 0 : 1;
		}
	}
	settings_free(&u);
	settings_free(&given);
	return rc;
}
