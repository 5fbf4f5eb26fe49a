/* apikey.c - API keys from the environment or a private keys file (see apikey.h). */
#include "apikey.h"

#include <errno.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"
#include "settings.h"

void apikey_free(char *value)
{
	if (value) {
		sodium_memzero(value, strlen(value));
		free(value);
	}
}

enum status apikey_get(const char *name, const char *keys_file, char **value, char *from,
		       size_t fromlen, char *err, size_t errlen)
{
	const char *env = getenv(name), *path = keys_file;
	struct settings s;
	struct stat st;
	char *key, *v;
	int kind;
	enum status rc = STATUS_NOT_FOUND;

	*value = NULL;
	if (env && *env) {
		*value = xstrdup(env);
		snprintf(from, fromlen, "the environment");
		return STATUS_OK;
	}
	if (!path || !*path)
		path = getenv("CAREERS_KEYS");
	if (!path || !*path)
		path = APIKEY_DEFAULT_FILE;
	if (settings_open(&s, path) != 0) {
		snprintf(err, errlen, "needs an API key: set %s in the environment or add \"%s = "
			 "...\" to %s (mode 0600)%s", name, name, path,
			 errno == ENOENT ? "" : " (which cannot be read)");
		return STATUS_NOT_FOUND;
	}
	if (fstat(fileno(s.f), &st) == 0 && (st.st_mode & 077)) {
		settings_close(&s);
		snprintf(err, errlen, "%s can be read by other users, so its keys are not used: "
			 "chmod 600 %s", path, path);
		return STATUS_INVALID;
	}
	while ((kind = settings_next(&s, &key, &v)) != 0) {
		if (kind == 1 && strcmp(key, name) == 0 && *v) {
			apikey_free(*value);
			*value = xstrdup(v);
			rc = STATUS_OK;
		}
	}
	settings_close(&s);
	if (rc == STATUS_OK)
		snprintf(from, fromlen, "%s", path);
	else
		snprintf(err, errlen, "needs an API key: set %s in the environment or add \"%s = "
			 "...\" to %s", name, name, path);
	return rc;
}
