/*
 * cli_kiosk.c - `careers kiosk` (also plain `careers`), `careers adviser` and `careers pin`.
 *
 * The kiosk's settings live in kiosk.conf (kiosk_config.h): yours, or for
 * someone with none the machine's (/etc/careers/kiosk.conf installed).
 * `careers pin` writes pin_hash (the PIN itself is never stored), keeping
 * the other lines; the count of wrong PINs the kiosk keeps is pin_guard.h's.
 */
#include <crypt.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "cli.h"
#include "kiosk_config.h"
#include "mem.h"
#include "pin_guard.h"
#include "ui/ui.h"

/* The UI's themes are the settings file's, in the same order. */
_Static_assert((int)THEME_COLOUR == (int)KIOSK_THEME_COLOUR &&
	       (int)THEME_CONTRAST == (int)KIOSK_THEME_CONTRAST &&
	       (int)THEME_PLAIN == (int)KIOSK_THEME_PLAIN,
	       "kiosk_config.h and ui.h list the themes alike");

/*
 * An option the kiosk and the adviser both take (--db, --config, --theme,
 * --today): 1 when a is one of them, 0 when not, -1 once a usage error
 * has been reported.
 */
static int screen_option(const char *command, struct cli_args *a, const char *v,
			 struct ui_options *o, const char **config_given, int *theme_given)
{
	if (cli_is(a, "db")) {
		o->db = v;
	} else if (cli_is(a, "config")) {
		*config_given = v;
	} else if (cli_is(a, "theme")) {
		int t = kiosk_theme_parse(v);

		if (t < 0) {
			cli_usage_error(command, "--theme \"%s\": choose from colour, contrast, plain",
					v);
			return -1;
		}
		o->theme = (enum theme)t;
		*theme_given = 1;
	} else if (cli_is(a, "today")) {
		char why[80];

		if (!date_read(v, &o->today, why, sizeof(why))) {
			cli_usage_error(command, "--today \"%s\": %s", v, why);
			return -1;
		}
		o->today_fixed = 1;
	} else {
		return 0;
	}
	return 1;
}

/*
 * Read the config file into *config and take its theme where none was
 * given (NO_COLOR asks for the plain one): 0, or 1 after a message.
 */
static int apply_config(const char *config_given, int theme_given, struct kiosk_config *config,
			struct ui_options *o)
{
	char *path = kiosk_config_path(config_given, 0), err[600];
	int bad = kiosk_config_read(path, config, err, sizeof(err)) != STATUS_OK;

	free(path);
	if (bad) {
		fprintf(stderr, "careers: %s\n", err);
		return 1;
	}
	if (config->theme >= 0 && !theme_given)
		o->theme = (enum theme)config->theme;
	o->travel = config->travel;
	if (!theme_given && getenv("NO_COLOR") && getenv("NO_COLOR")[0])
		o->theme = THEME_PLAIN;
	return 0;
}

int cli_kiosk(int argc, char **argv)
{
	struct ui_options o;
	struct kiosk_config config;
	struct cli_args a;
	const char *config_given = NULL, *v;
	char *guard_path;
	int kind, rc, shared, theme_given = 0;

	memset(&o, 0, sizeof(o));
	o.db = cli_default_store();
	o.locked = 1;
	cli_args_init(&a, "kiosk", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind < 0)
			return cli_usage_error("kiosk", "unexpected argument \"%s\"", a.value);
		if (cli_is(&a, "unlocked")) {
			o.locked = 0;
			continue;
		}
		if (!(v = cli_value(&a)))
			return EXIT_USAGE;
		if ((shared = screen_option("kiosk", &a, v, &o, &config_given, &theme_given)) < 0)
			return EXIT_USAGE;
		if (shared)
			continue;
		if (cli_is(&a, "idle")) {
			char *end;
			long s = strtol(v, &end, 10);

			if (*end || s < 5 || s > 3600)
				return cli_usage_error("kiosk", "--idle \"%s\": give seconds, 5 to 3600",
						       v);
			o.idle_seconds = (int)s;
		} else {
			return cli_usage_error("kiosk", "unknown option --%s", a.option);
		}
	}
	if (cli_parse_only)
		return 0;
	if (apply_config(config_given, theme_given, &config, &o) != 0)
		return 1;
	if (!o.idle_seconds)
		o.idle_seconds = config.idle_seconds;
	o.pin_hash = config.pin_hash[0] ? config.pin_hash : NULL;
	guard_path = pin_guard_default_path();
	o.pin_guard = pin_guard_new(guard_path);
	rc = ui_run(&o);
	pin_guard_free(o.pin_guard);
	free(guard_path);
	memset(&config, 0, sizeof(config));
	return rc;
}

int cli_adviser(int argc, char **argv)
{
	struct ui_options o;
	struct kiosk_config config;
	struct cli_args a;
	const char *config_given = NULL, *v;
	int kind, rc, shared, theme_given = 0;

	memset(&o, 0, sizeof(o));
	o.db = cli_default_store();
	o.adviser = 1;
	cli_args_init(&a, "adviser", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind < 0)
			return cli_usage_error("adviser", "unexpected argument \"%s\"", a.value);
		if (!(v = cli_value(&a)))
			return EXIT_USAGE;
		if ((shared = screen_option("adviser", &a, v, &o, &config_given, &theme_given)) < 0)
			return EXIT_USAGE;
		if (shared)
			continue;
		if (cli_is(&a, "records"))
			o.records_path = v;
		else if (cli_is(&a, "export"))
			o.export_dir = v;
		else
			return cli_usage_error("adviser", "unknown option --%s", a.option);
	}
	if (cli_parse_only)
		return 0;
	if (apply_config(config_given, theme_given, &config, &o) != 0)
		return 1;
	o.retention_days = config.retention_days ? config.retention_days : 365;
	rc = ui_run(&o);
	memset(&config, 0, sizeof(config));
	return rc;
}

/* Read one line without echo when stdin is a terminal. */
int cli_read_secret(const char *prompt, char *out, size_t outlen)
{
	struct termios old, quiet;
	int tty = isatty(STDIN_FILENO), ok;

	if (tty) {
		fputs(prompt, stderr);
		fflush(stderr);
		tcgetattr(STDIN_FILENO, &old);
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
	}
	ok = fgets(out, (int)outlen, stdin) != NULL;
	if (tty) {
		tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
		fputc('\n', stderr);
	}
	if (ok)
		out[strcspn(out, "\r\n")] = '\0';
	return ok;
}

int cli_pin(int argc, char **argv)
{
	const char *config_given = NULL;
	struct cli_args a;
	char pin[PIN_MAX_LENGTH + 2], again[PIN_MAX_LENGTH + 2], why[200];
	char salt[CRYPT_GENSALT_OUTPUT_SIZE], *path;
	struct crypt_data data;
	const char *hash;
	int kind, rc;

	cli_args_init(&a, "pin", argc, argv);
	while ((kind = cli_args_next(&a)) != 0) {
		if (kind > 0 && cli_is(&a, "config")) {
			if (!(config_given = cli_value(&a)))
				return EXIT_USAGE;
		} else {
			return cli_usage_error("pin", "unexpected argument \"%s\"",
					       kind < 0 ? a.value : a.option);
		}
	}
	if (cli_parse_only)
		return 0;
	if (!cli_read_secret("New adviser PIN (at least 6 digits, or a passphrase of at least 10 "
			 "characters): ", pin, sizeof(pin)) ||
	    !cli_read_secret("The same again: ", again, sizeof(again))) {
		fprintf(stderr, "careers: no PIN given; nothing changed\n");
		return 1;
	}
	rc = strcmp(pin, again) != 0;
	if (rc)
		fprintf(stderr, "careers: the two PINs are different; nothing changed\n");
	if (!rc && strlen(pin) >= sizeof(pin) - 1) {
		fprintf(stderr, "careers: that is longer than %d characters; nothing changed\n",
			PIN_MAX_LENGTH);
		rc = 1;
	}
	if (!rc && !pin_acceptable(pin, why, sizeof(why))) {
		fprintf(stderr, "careers: %s; nothing changed\n", why);
		rc = 1;
	}
	memset(again, 0, sizeof(again));
	if (rc) {
		memset(pin, 0, sizeof(pin));
		return 1;
	}
	memset(&data, 0, sizeof(data));
	if (!crypt_gensalt_rn(NULL, 0, NULL, 0, salt, sizeof(salt)) ||
	    !(hash = crypt_r(pin, salt, &data)) || hash[0] == '*') {
		fprintf(stderr, "careers: this system cannot hash the PIN\n");
		memset(pin, 0, sizeof(pin));
		return 1;
	}
	memset(pin, 0, sizeof(pin));
	path = kiosk_config_path(config_given, 1);
	rc = kiosk_config_write_pin(path, hash, why, sizeof(why)) != STATUS_OK;
	if (rc)
		fprintf(stderr, "careers: %s; nothing changed\n", why);
	else
		printf("The adviser PIN is set (%s). Kiosk mode now needs it to be left.\n", path);
	memset(&data, 0, sizeof(data));
	free(path);
	return rc;
}
