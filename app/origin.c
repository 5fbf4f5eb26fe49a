/*
 * origin.c - read and write FETCHED files (see origin.h).
 */
#include "origin.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "safefile.h"
#include "store.h"

static void origin_done(struct origin *o)
{
	free(o->file);
	free(o->url);
	free(o->fetched);
	free(o->checked);
	free(o->etag);
	free(o->last_modified);
	free(o->sha256);
	memset(o, 0, sizeof(*o));
}

void origin_list_free(struct origin_list *list)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		origin_done(&list->items[i]);
	free(list->items);
	memset(list, 0, sizeof(*list));
}

const struct origin *origin_find(const struct origin_list *list, const char *file)
{
	size_t i;

	for (i = 0; i < list->count; i++)
		if (strcmp(list->items[i].file, file) == 0)
			return &list->items[i];
	return NULL;
}

static char *copy(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

void origin_put(struct origin_list *list, const struct origin *o)
{
	struct origin *slot = (struct origin *)origin_find(list, o->file);

	if (slot) {
		origin_done(slot);
	} else {
		list->items = xrealloc(list->items, (list->count + 1) * sizeof(*list->items));
		slot = &list->items[list->count++];
	}
	slot->file = copy(o->file);
	slot->url = copy(o->url);
	slot->fetched = copy(o->fetched);
	slot->checked = copy(o->checked);
	slot->etag = copy(o->etag);
	slot->last_modified = copy(o->last_modified);
	slot->sha256 = copy(o->sha256);
	slot->bytes = o->bytes;
}

void origin_write(const struct origin_list *list, const char *source, struct strbuf *out)
{
	size_t i;

	strbuf_printf(out, "# Written by careers fetch (source %s): where each file in this folder "
		      "came from.\n# careers build and careers import read it; do not edit.\n",
		      source);
	for (i = 0; i < list->count; i++) {
		const struct origin *o = &list->items[i];

		strbuf_printf(out, "\nfile: %s\nurl: %s\nfetched: %s\n", o->file, o->url, o->fetched);
		if (o->checked)
			strbuf_printf(out, "checked: %s\n", o->checked);
		if (o->etag && *o->etag)
			strbuf_printf(out, "etag: %s\n", o->etag);
		if (o->last_modified && *o->last_modified)
			strbuf_printf(out, "last_modified: %s\n", o->last_modified);
		strbuf_printf(out, "bytes: %lld\n", o->bytes);
		if (o->sha256)
			strbuf_printf(out, "sha256: %s\n", o->sha256);
	}
}

/* One "key: value" into the record being read; 0 for an unknown key. */
static int set(struct origin *o, const char *key, const char *value)
{
	char **field = strcmp(key, "file") == 0 ? &o->file : strcmp(key, "url") == 0 ? &o->url :
		       strcmp(key, "fetched") == 0 ? &o->fetched :
		       strcmp(key, "checked") == 0 ? &o->checked :
		       strcmp(key, "etag") == 0 ? &o->etag :
		       strcmp(key, "last_modified") == 0 ? &o->last_modified :
		       strcmp(key, "sha256") == 0 ? &o->sha256 : NULL;

	if (strcmp(key, "bytes") == 0) {
		o->bytes = strtoll(value, NULL, 10);
		return 1;
	}
	if (!field)
		return 0;
	free(*field);
	*field = xstrdup(value);
	return 1;
}

/* Has a record been started (any field read)? */
static int started(const struct origin *o)
{
	return o->file || o->url || o->fetched || o->checked || o->etag || o->last_modified ||
	       o->sha256 || o->bytes;
}

static int finish(struct origin_list *list, struct origin *o)
{
	int ok = o->file && o->url && o->fetched && !strchr(o->file, '/');

	if (ok)
		origin_put(list, o);
	origin_done(o);
	return ok;
}

enum status origin_parse(const char *name, const char *text, struct origin_list *list, char *err,
			 size_t errlen)
{
	struct origin cur = { 0 };
	unsigned long lineno = 0, start = 0;
	const char *p = text;

	memset(list, 0, sizeof(*list));
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char line[4096], *colon;

		lineno++;
		if (n && p[n - 1] == '\r')
			n--;
		if (n >= sizeof(line)) {
			snprintf(err, errlen, "%s:%lu: a line too long to be one of ours", name, lineno);
			origin_done(&cur);
			origin_list_free(list);
			return STATUS_FORMAT;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p = nl ? nl + 1 : p + strlen(p);
		if (line[0] == '#')
			continue;
		if (!line[0] || strncmp(line, "file: ", 6) == 0) {
			if (started(&cur) && !finish(list, &cur)) {
				snprintf(err, errlen, "%s:%lu: a record without its file, url and fetched "
					 "lines", name, start);
				origin_list_free(list);
				return STATUS_FORMAT;
			}
			if (!line[0])
				continue;
			start = lineno;
		}
		colon = strstr(line, ": ");
		if (colon)
			*colon = '\0';
		if (!colon || !set(&cur, line, colon + 2)) {
			snprintf(err, errlen, "%s:%lu: expected \"file|url|fetched|checked|etag|"
				 "last_modified|bytes|sha256: value\"", name, lineno);
			origin_done(&cur);
			origin_list_free(list);
			return STATUS_FORMAT;
		}
	}
	if (started(&cur) && !finish(list, &cur)) {
		snprintf(err, errlen, "%s:%lu: a record without its file, url and fetched lines", name,
			 start);
		origin_list_free(list);
		return STATUS_FORMAT;
	}
	return STATUS_OK;
}

enum status origin_read(const char *path, struct origin_list *list, char *err, size_t errlen)
{
	struct strbuf text;
	enum status rc;

	memset(list, 0, sizeof(*list));
	strbuf_init(&text);
	rc = safefile_read(path, 16 << 20, &text, err, errlen);
	if (rc == STATUS_OK)
		rc = origin_parse(path, text.buf, list, err, errlen);
	strbuf_done(&text);
	return rc;
}

int origin_is_file(const char *path)
{
	const char *base = strrchr(path, '/');

	return strcmp(base ? base + 1 : path, ORIGIN_FILE) == 0;
}

enum status origin_apply(struct store *s, const char *path, FILE *err)
{
	struct origin_list list;
	const char *slash = strrchr(path, '/');
	size_t dirlen = slash ? (size_t)(slash - path) : 0, i;
	char why[600];
	enum status rc = origin_read(path, &list, why, sizeof(why));

	if (rc != STATUS_OK) {
		if (rc != STATUS_NOT_FOUND)
			fprintf(err, "careers: %s; the addresses of its files are not recorded\n", why);
		return STATUS_OK;
	}
	for (i = 0; i < list.count && rc == STATUS_OK; i++) {
		char *file = slash ? xasprintf("%.*s/%s", (int)dirlen, path, list.items[i].file) :
			     xstrdup(list.items[i].file);

		rc = store_source_origin(s, file, list.items[i].url, list.items[i].fetched);
		free(file);
	}
	if (rc != STATUS_OK)
		fprintf(err, "careers: %s\n", store_errmsg(s));
	origin_list_free(&list);
	return rc;
}

enum status origin_apply_beside(struct store *s, const char *file, FILE *err)
{
	const char *slash = strrchr(file, '/');
	char *path = slash ? xasprintf("%.*s/%s", (int)(slash - file), file, ORIGIN_FILE) :
		     xstrdup(ORIGIN_FILE);
	enum status rc = origin_apply(s, path, err);

	free(path);
	return rc;
}
