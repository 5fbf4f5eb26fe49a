/* kiosk_config.c - see kiosk_config.h. */
#include "kiosk_config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mem.h"
#include "safe_text.h"
#include "settings_file.h"

int kiosk_theme_parse(const char *s)
{
	if (strcasecmp(s, "colour") == 0 || strcasecmp(s, "color") == 0)
		return KIOSK_THEME_COLOUR;
	if (strcasecmp(s, "contrast") == 0 || strcasecmp(s, "high-contrast") == 0)
		return KIOSK_THEME_CONTRAST;
	if (strcasecmp(s, "plain") == 0 || strcasecmp(s, "mono") == 0)
		return KIOSK_THEME_PLAIN;
	return -1;
}

char *kiosk_config_path(const char *given, int to_write)
{
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	const char *machine = CAREERS_SYSTEM_CONFIG;
	char *own, *dir, *slash;
	int use_machine;

	if (given)
		return xstrdup(given);
	if (xdg && *xdg)
		own = xasprintf("%s/careers/kiosk.conf", xdg);
	else
		own = xasprintf("%s/.config/careers/kiosk.conf", home && *home ? home : ".");
	if (!machine[0] || access(own, F_OK) == 0 || access(machine, F_OK) != 0)
		return own;
	dir = xstrdup(machine);
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	use_machine = to_write ? access(slash ? dir : ".", W_OK) == 0 : access(machine, R_OK) == 0;
	free(dir);
	if (!use_machine)
		return own;
	free(own);
	return xstrdup(machine);
}

/* A whole number from lo to hi, and nothing else; 0 when it is not. */
static int number_in(const char *s, int lo, int hi, int *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < lo || v > hi)
		return 0;
	*out = (int)v;
	return 1;
}

/* A number such as 4.8 in [lo, hi]: 1 and *out, else 0. */
static int decimal_in(const char *s, double lo, double hi, double *out)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end || errno || !(v >= lo && v <= hi))
		return 0;
	*out = v;
	return 1;
}

enum status kiosk_config_parse(FILE *f, const char *name, struct kiosk_config *c, char *err,
			       size_t errlen)
{
	struct settings_line *l = xcalloc(1, sizeof(*l));
	enum status rc = STATUS_OK;

	memset(c, 0, sizeof(*c));
	c->theme = -1;
	transit_settings_init(&c->travel);
	settings_line_init(l);
#define BAD(...) do { \
		int n_ = snprintf(err, errlen, "%s:%lu: ", name, l->number); \
		snprintf(err + (n_ > 0 && (size_t)n_ < errlen ? (size_t)n_ : 0), \
			 n_ > 0 && (size_t)n_ < errlen ? errlen - (size_t)n_ : errlen, __VA_ARGS__); \
		rc = STATUS_FORMAT; \
	} while (0)
	while (!rc && settings_next_line(f, l)) {
		char *eq, *key, *value;

		if (l->has_nul) {
			BAD("there is a NUL byte in this line: is it a text file?");
			break;
		}
		if (settings_line_ignored(l))
			continue;	/* a comment of any length is still one line */
		if (l->too_long) {
			BAD("the line is longer than %d characters", SETTINGS_LINE_MAX - 1);
			break;
		}
		if (!(eq = strchr(l->text, '='))) {
			BAD("expected \"name = value\"");
			break;
		}
		*eq = '\0';
		key = settings_trim(l->text);
		value = settings_trim(eq + 1);
		if (!settings_text_clean(key) || !settings_text_clean(value)) {
			BAD("a control character or broken UTF-8 in the line");
		} else if (strcmp(key, "pin_hash") == 0) {
			if (strlen(value) >= sizeof(c->pin_hash))
				BAD("pin_hash is longer than %zu characters", sizeof(c->pin_hash) - 1);
			else
				snprintf(c->pin_hash, sizeof(c->pin_hash), "%s", value);
		} else if (strcmp(key, "idle_seconds") == 0) {
			if (!number_in(value, 10, 3600, &c->idle_seconds))
				BAD("idle_seconds must be 10 to 3600");
		} else if (strcmp(key, "records_retention_days") == 0) {
			if (!number_in(value, 1, 36500, &c->retention_days))
				BAD("records_retention_days must be 1 to 36500");
		} else if (strcmp(key, "theme") == 0) {
			if ((c->theme = kiosk_theme_parse(value)) < 0)
				BAD("theme must be colour, contrast or plain");
		} else if (strcmp(key, "travel_walk_metres") == 0) {
			if (!number_in(value, 0, 5000, &c->travel.walk_metres))
				BAD("travel_walk_metres must be 0 to 5000 (metres)");
			else if (c->travel.walk_alone_metres < 2 * c->travel.walk_metres)
				c->travel.walk_alone_metres = 2 * c->travel.walk_metres;
		} else if (strcmp(key, "travel_walk_kmh") == 0) {
			if (!decimal_in(value, 1, 10, &c->travel.walk_kmh))
				BAD("travel_walk_kmh must be 1 to 10 (km an hour)");
		} else if (strcmp(key, "travel_change_minutes") == 0) {
			int minutes;

			if (!number_in(value, 0, 60, &minutes))
				BAD("travel_change_minutes must be 0 to 60 (minutes)");
			else
				c->travel.change_seconds = minutes * 60;
		} else {
			BAD("unknown setting \"%.60s\" (expected pin_hash, idle_seconds, theme, "
			    "records_retention_days, travel_walk_metres, travel_walk_kmh or "
			    "travel_change_minutes)", key);
		}
	}
#undef BAD
	if (!rc && ferror(f)) {
		snprintf(err, errlen, "%s: cannot read: %s", name, strerror(errno));
		rc = STATUS_IO;
	}
	if (rc)
		safe_text_mend(err);	/* a name quoted from the file, cut to fit */
	memset(l, 0, sizeof(*l));
	free(l);
	return rc;
}

enum status kiosk_config_read(const char *path, struct kiosk_config *c, char *err,
			      size_t errlen)
{
	FILE *f = fopen(path, "r");
	enum status rc;

	memset(c, 0, sizeof(*c));
	c->theme = -1;
	if (!f) {
		if (errno == ENOENT)
			return STATUS_OK;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return STATUS_IO;
	}
	rc = kiosk_config_parse(f, path, c, err, errlen);
	fclose(f);
	return rc;
}

/* Is this line the pin_hash setting (to be replaced)? */
static int is_pin_line(const char *line)
{
	const char *s = line + strspn(line, " \t");

	return strncmp(s, "pin_hash", 8) == 0 && s[8] && strchr(" \t=", s[8]) != NULL;
}

enum status kiosk_config_write_pin(const char *path, const char *hash, char *err, size_t errlen)
{
	char *tmp = xasprintf("%s.new-%ld", path, (long)getpid()), *dir = xstrdup(path), *slash;
	FILE *in = fopen(path, "r"), *out = NULL;
	enum status rc = STATUS_OK;
	int fd = -1;

	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		/* Make the folder (one level under an existing one) if needed. */
		if (*dir && mkdir(dir, 0700) != 0 && errno != EEXIST) {
			snprintf(err, errlen, "cannot create %s: %s", dir, strerror(errno));
			rc = STATUS_IO;
		}
	}
	if (!rc) {
		unlink(tmp);
		fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (fd < 0 || !(out = fdopen(fd, "w"))) {
			snprintf(err, errlen, "cannot write %s: %s", tmp, strerror(errno));
			if (fd >= 0)
				close(fd);
			rc = STATUS_IO;
		}
	}
	if (!rc) {
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;

		fprintf(out, "pin_hash = %s\n", hash);
		/* Every other line exactly as it was, however long. */
		while (in && (n = getline(&line, &cap, in)) > 0) {
			if (is_pin_line(line))
				continue;
			fwrite(line, 1, (size_t)n, out);
			if (line[n - 1] != '\n')
				fputc('\n', out);
		}
		free(line);
		if (fflush(out) != 0 || fsync(fileno(out)) != 0 || fclose(out) != 0 ||
		    rename(tmp, path) != 0) {
			snprintf(err, errlen, "cannot write %s: %s", path, strerror(errno));
			unlink(tmp);
			rc = STATUS_IO;
		}
	}
	if (in)
		fclose(in);
	free(tmp);
	free(dir);
	return rc;
}
