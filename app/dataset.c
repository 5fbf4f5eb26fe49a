/* dataset.c - see dataset.h. */
#include "dataset.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "mem.h"
#include "safe_text.h"
#include "settings_file.h"

static void keep(char **field, const char *value)
{
	free(*field);
	*field = xstrdup(value);
}

enum status dataset_parse(FILE *f, const char *path, struct dataset *ds, char *err,
			  size_t errlen)
{
	struct settings_line *l = xcalloc(1, sizeof(*l));
	const char *slash = strrchr(path, '/');
	enum status rc = STATUS_OK;

	memset(ds, 0, sizeof(*ds));
	ds->folder = slash ? xstrndup(path, (size_t)(slash - path) + 1) : xstrdup("");
	settings_line_init(l);
	while (!rc && settings_next_line(f, l)) {
		char *colon = strchr(l->text, ':'), *key, *value;

		if (l->has_nul) {
			snprintf(err, errlen, "%s:%lu: there is a NUL byte in this line: is it a text "
				 "file?", path, l->number);
			rc = STATUS_FORMAT;
			break;
		}
		if (settings_line_ignored(l))
			continue;	/* a comment of any length is one line */
		if (l->too_long || !colon) {
			if (l->too_long)
				snprintf(err, errlen, "%s:%lu: the line is longer than %d characters",
					 path, l->number, SETTINGS_LINE_MAX - 1);
			else
				snprintf(err, errlen, "%s:%lu: expected \"key: value\"", path,
					 l->number);
			rc = STATUS_FORMAT;
			break;
		}
		*colon = '\0';
		key = settings_trim(l->text);
		value = settings_trim(colon + 1);
		if (!settings_text_clean(key) || !settings_text_clean(value)) {
			snprintf(err, errlen, "%s:%lu: a control character or broken UTF-8 in the line",
				 path, l->number);
			rc = STATUS_FORMAT;
		} else if (strcasecmp(key, "licence") == 0) {
			keep(&ds->licence, value);
		} else if (strcasecmp(key, "attribution") == 0) {
			keep(&ds->attribution, value);
		} else if (strcasecmp(key, "date") == 0) {
			keep(&ds->date, value);
		} else if (strcasecmp(key, "sample") == 0) {
			ds->sample = strcasecmp(value, "yes") == 0 || strcasecmp(value, "true") == 0;
		} else if (strcasecmp(key, "name") != 0 && strcasecmp(key, "description") != 0) {
			snprintf(err, errlen, "%s:%lu: unknown key \"%.60s\" (expected name, licence, "
				 "attribution, sample or date)", path, l->number, key);
			rc = STATUS_FORMAT;
		}
	}
	if (!rc && ferror(f)) {
		snprintf(err, errlen, "%s: cannot read: %s", path, strerror(errno));
		rc = STATUS_IO;
	}
	if (!rc && (!ds->licence || !ds->attribution)) {
		snprintf(err, errlen, "%s: needs both a licence and an attribution line", path);
		rc = STATUS_FORMAT;
	}
	if (rc)
		safe_text_mend(err);	/* a key quoted from the file, cut to fit */
	free(l);
	return rc;
}

enum status dataset_read(const char *path, struct dataset *ds, char *err, size_t errlen)
{
	FILE *f = fopen(path, "r");
	enum status rc;

	memset(ds, 0, sizeof(*ds));
	if (!f) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return STATUS_IO;
	}
	rc = dataset_parse(f, path, ds, err, errlen);
	fclose(f);
	return rc;
}

void dataset_done(struct dataset *ds)
{
	free(ds->folder);
	free(ds->licence);
	free(ds->attribution);
	free(ds->date);
	memset(ds, 0, sizeof(*ds));
}
