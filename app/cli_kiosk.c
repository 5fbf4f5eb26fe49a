/*
 * cli_kiosk.c - `careers kiosk` (also plain `careers`) and `careers pin`.
 *
 * The kiosk's settings live in a small config file, by default
 * $XDG_CONFIG_HOME/careers/kiosk.conf (~/.config/careers/kiosk.conf):
 *
 *	pin_hash = $y$j9T$...      crypt(3) hash of the adviser PIN
 *	idle_seconds = 90          before the "are you still there?" warning
 *	theme = colour             colour, contrast or plain
 *	records_retention_days = 365   adviser sessions kept this long after
 *	                           their last change (default 365)
 *
 * `careers pin` writes pin_hash (the PIN itself is never stored), keeping
 * the other lines; the file is written to a temporary file with mode 0600
 * and renamed into place.
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
#include "mem.h"
#include "pin_guard.h"
#include "ui/ui.h"

struct kiosk_config {
	char pin_hash[256];
	int idle_seconds;
	enum theme theme;
	int theme_set;
	int retention_days;	/* adviser records kept this long (0: until deleted) */
};

static char *config_path(const char *given)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");

	if (given)
		return xstrdup(given);
	if (xdg && *xdg)
		return xasprintf("%s/careers/kiosk.conf", xdg);
	return xasprintf("%s/.config/careers/kiosk.conf", home && *home ? home : ".");
}

static int parse_theme(const char *s, enum theme *t)
{
	if (strcasecmp(s, "colour") == 0 || strcasecmp(s, "color") == 0)
		*t = THEME_COLOUR;
	else if (strcasecmp(s, "contrast") == 0 || strcasecmp(s, "high-contrast") == 0)
		*t = THEME_CONTRAST;
	else if (strcasecmp(s, "plain") == 0 || strcasecmp(s, "mono") == 0)
		*t = THEME_PLAIN;
	else
		return 0;
	return 1;
}

/* Read the config; a missing file is fine. 0 on success, else a message was printed. */
static int read_config(const char *path, struct kiosk_config *c)
{
	FILE *f = fopen(path, "r");
	char line[512];
	unsigned long n = 0;

	memset(c, 0, sizeof(*c));
	if (!f)
		return errno == ENOENT ? 0 : (fprintf(stderr, "careers: %s: %s\n", path,
						      strerror(errno)), 1);
	while (fgets(line, sizeof(line), f)) {
		char *eq = strchr(line, '='), *key = line, *value, *end;

		n++;
		if (line[strspn(line, " \t\r\n")] == '\0' || line[strspn(line, " \t")] == '#')
			continue;
		if (!eq) {
			fprintf(stderr, "careers: %s:%lu: expected \"name = value\"\n", path, n);
			fclose(f);
			return 1;
		}
		*eq = '\0';
		value = eq + 1;
		while (*key == ' ' || *key == '\t')
			key++;
		for (end = eq; end > key && (end[-1] == ' ' || end[-1] == '\t'); end--)
			end[-1] = '\0';
		while (*value == ' ' || *value == '\t')
			value++;
		value[strcspn(value, "\r\n")] = '\0';
		for (end = value + strlen(value); end > value && (end[-1] == ' ' || end[-1] == '\t');)
			*--end = '\0';
		if (strcmp(key, "pin_hash") == 0) {
			snprintf(c->pin_hash, sizeof(c->pin_hash), "%s", value);
		} else if (strcmp(key, "idle_seconds") == 0) {
			c->idle_seconds = atoi(value);
			if (c->idle_seconds < 10 || c->idle_seconds > 3600) {
				fprintf(stderr, "careers: %s:%lu: idle_seconds must be 10 to 3600\n",
					path, n);
				fclose(f);
				return 1;
			}
		} else if (strcmp(key, "records_retention_days") == 0) {
			c->retention_days = atoi(value);
			if (c->retention_days < 1 || c->retention_days > 36500) {
				fprintf(stderr, "careers: %s:%lu: records_retention_days must be 1 to "
					"36500\n", path, n);
				fclose(f);
				return 1;
			}
		} else if (strcmp(key, "theme") == 0) {
			if (!parse_theme(value, &c->theme)) {
				fprintf(stderr, "careers: %s:%lu: theme must be colour, contrast or "
					"plain\n", path, n);
				fclose(f);
				return 1;
			}
			c->theme_set = 1;
		} else {
			fprintf(stderr, "careers: %s:%lu: unknown setting \"%s\" (expected pin_hash, "
				"idle_seconds, theme or records_retention_days)\n", path, n, key);
			fclose(f);
			return 1;
		}
	}
	fclose(f);
	return 0;
}

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
		if (!parse_theme(v, &o->theme)) {
			cli_usage_error(command, "--theme \"%s\": choose from colour, contrast, plain",
					v);
			return -1;
		}
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
	char *path = config_path(config_given);
	int bad = read_config(path, config) != 0;

	free(path);
	if (bad)
		return 1;
	if (config->theme_set && !theme_given)
		o->theme = config->theme;
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
	if (apply_config(config_given, theme_given, &config, &o) != 0)
		return 1;
	o.retention_days = config.retention_days ? config.retention_days : 365;
	rc = ui_run(&o);
	memset(&config, 0, sizeof(config));
	return rc;
}

/* Read one line without echo when stdin is a terminal. */
static int read_secret(const char *prompt, char *out, size_t outlen)
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

/* Write the config file with pin_hash replaced, keeping every other line. */
static int write_config(const char *path, const char *hash)
{
	char *tmp = xasprintf("%s.new-%ld", path, (long)getpid()), *dir = xstrdup(path), *slash;
	FILE *in = fopen(path, "r"), *out;
	char line[512];
	int fd, rc = 0;

	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		/* Create the folder (one level under an existing one) if needed. */
		if (*dir && mkdir(dir, 0700) != 0 && errno != EEXIST) {
			fprintf(stderr, "careers: cannot create %s: %s\n", dir, strerror(errno));
			rc = 1;
		}
	}
	fd = rc ? -1 : open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 || !(out = fdopen(fd, "w"))) {
		if (!rc)
			fprintf(stderr, "careers: cannot write %s: %s\n", tmp, strerror(errno));
		if (in)
			fclose(in);
		free(tmp);
		free(dir);
		return 1;
	}
	fprintf(out, "pin_hash = %s\n", hash);
	while (in && fgets(line, sizeof(line), in))
		if (strncmp(line + strspn(line, " \t"), "pin_hash", 8) != 0)
			fputs(line, out);
	if (in)
		fclose(in);
	if (fflush(out) != 0 || fsync(fileno(out)) != 0 || fclose(out) != 0 ||
	    rename(tmp, path) != 0) {
		fprintf(stderr, "careers: cannot write %s: %s\n", path, strerror(errno));
		unlink(tmp);
		rc = 1;
	}
	free(tmp);
	free(dir);
	return rc;
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
	if (!read_secret("New adviser PIN (at least 6 digits, or a passphrase of at least 10 "
			 "characters): ", pin, sizeof(pin)) ||
	    !read_secret("The same again: ", again, sizeof(again))) {
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
	path = config_path(config_given);
	rc = write_config(path, hash);
	if (!rc)
		printf("The adviser PIN is set (%s). Kiosk mode now needs it to be left.\n", path);
	memset(&data, 0, sizeof(data));
	free(path);
	return rc;
}
