/*
 * manifest.c - write, read and compare published-store manifests (see manifest.h).
 */
#include "manifest.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sha256.h"
#include "store.h"

void manifest_init(struct manifest *m)
{
	memset(m, 0, sizeof(*m));
	m->format = MANIFEST_FORMAT;
}

void manifest_done(struct manifest *m)
{
	free(m->sources);
	free(m->allow_drop);
	memset(m, 0, sizeof(*m));
}

static struct manifest_source *add_source(struct manifest *m, const char *format)
{
	struct manifest_source *src;

	m->sources = xrealloc(m->sources, (m->source_count + 1) * sizeof(*m->sources));
	src = &m->sources[m->source_count++];
	memset(src, 0, sizeof(*src));
	snprintf(src->format, sizeof(src->format), "%s", format);
	return src;
}

void manifest_add_drop(struct manifest *m, const char *format)
{
	m->allow_drop = xrealloc(m->allow_drop, (m->allow_drop_count + 1) * sizeof(*m->allow_drop));
	snprintf(m->allow_drop[m->allow_drop_count++], sizeof(*m->allow_drop), "%s", format);
}

const struct manifest_source *manifest_find_source(const struct manifest *m, const char *format)
{
	size_t i;

	for (i = 0; i < m->source_count; i++)
		if (strcmp(m->sources[i].format, format) == 0)
			return &m->sources[i];
	return NULL;
}

int manifest_allows_drop(const struct manifest *m, const char *format)
{
	size_t i;

	for (i = 0; i < m->allow_drop_count; i++)
		if (strcmp(m->allow_drop[i], format) == 0)
			return 1;
	return 0;
}

void manifest_write(const struct manifest *m, struct strbuf *out)
{
	size_t i;

	strbuf_puts(out, "# A store published by careers: `careers update` checks this file's "
			 "signature,\n# then the store against it. Check it by hand with "
			 "minisign -Vm " MANIFEST_FILE " -p KEY.pub\n");
	strbuf_printf(out, "careers-store-manifest: %d\n", m->format);
	strbuf_printf(out, "version: %s\n", m->version);
	strbuf_printf(out, "store: %s\n", m->store);
	strbuf_printf(out, "schema_version: %d\n", m->schema_version);
	strbuf_printf(out, "size: %lld\n", m->size);
	strbuf_printf(out, "sha256: %s\n", m->sha256);
	strbuf_printf(out, "compressed_size: %lld\n", m->compressed_size);
	strbuf_printf(out, "compressed_sha256: %s\n", m->compressed_sha256);
	if (m->data_sha256[0])
		strbuf_printf(out, "data_sha256: %s\n", m->data_sha256);
	if (m->built_at[0])
		strbuf_printf(out, "built_at: %s\n", m->built_at);
	if (m->published_at[0])
		strbuf_printf(out, "published_at: %s\n", m->published_at);
	for (i = 0; i < m->allow_drop_count; i++)
		strbuf_printf(out, "allow_drop: %s\n", m->allow_drop[i]);
	for (i = 0; i < m->source_count; i++) {
		const struct manifest_source *s = &m->sources[i];

		strbuf_printf(out, "source: %s files=%lld loaded=%lld rejected=%lld date=%s\n",
			      s->format, s->files, s->rows_loaded, s->rows_rejected,
			      s->data_date[0] ? s->data_date : "-");
	}
}

/* --- reading ----------------------------------------------------------------------- */

static int is_hex64(const char *s)
{
	size_t i;

	for (i = 0; i < 64; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	return s[64] == '\0';
}

static int is_name(const char *s, size_t max)
{
	size_t i;

	if (!*s || *s == '.' || strlen(s) >= max)
		return 0;
	for (i = 0; s[i]; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
		      (s[i] >= '0' && s[i] <= '9') || s[i] == '.' || s[i] == '-' || s[i] == '_'))
			return 0;
	return 1;
}

static int parse_count(const char *s, long long *out)
{
	char *end;

	if (*s < '0' || *s > '9')
		return 0;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0';
}

static int parse_source(struct manifest *m, char *value)
{
	char *save = NULL, *word = strtok_r(value, " ", &save);
	struct manifest_source *src;

	if (!word || !is_name(word, sizeof(src->format)))
		return 0;
	src = add_source(m, word);
	while ((word = strtok_r(NULL, " ", &save)) != NULL) {
		char *eq = strchr(word, '=');

		if (!eq)
			return 0;
		*eq++ = '\0';
		if (strcmp(word, "files") == 0 && !parse_count(eq, &src->files))
			return 0;
		if (strcmp(word, "loaded") == 0 && !parse_count(eq, &src->rows_loaded))
			return 0;
		if (strcmp(word, "rejected") == 0 && !parse_count(eq, &src->rows_rejected))
			return 0;
		if (strcmp(word, "date") == 0 && strcmp(eq, "-") != 0)
			snprintf(src->data_date, sizeof(src->data_date), "%.10s", eq);
	}
	return 1;
}

/* One "key: value" line into m; 0 and a reason when the value is wrong. */
static int parse_line(struct manifest *m, const char *key, char *value, const char **why,
		      unsigned *seen)
{
	long long n;

	if (strcmp(key, "careers-store-manifest") == 0) {
		*seen |= 1;
		if (!parse_count(value, &n) || n < 1) {
			*why = "is not a format number";
			return 0;
		}
		m->format = (int)(n > 1000 ? 1000 : n);
	} else if (strcmp(key, "version") == 0) {
		*seen |= 2;
		*why = "is not 14 digits (YYYYMMDDhhmmss)";
		if (strlen(value) != 14 || strspn(value, "0123456789") != 14)
			return 0;
		memcpy(m->version, value, 15);
	} else if (strcmp(key, "store") == 0) {
		*seen |= 4;
		*why = "is not a plain file name";
		if (!is_name(value, sizeof(m->store)))
			return 0;
		snprintf(m->store, sizeof(m->store), "%s", value);
	} else if (strcmp(key, "schema_version") == 0) {
		*seen |= 8;
		*why = "is not a number";
		if (!parse_count(value, &n) || n > 1000000)
			return 0;
		m->schema_version = (int)n;
	} else if (strcmp(key, "size") == 0 || strcmp(key, "compressed_size") == 0) {
		*seen |= key[0] == 's' ? 16 : 32;
		*why = "is not a size in bytes";
		if (!parse_count(value, &n) || n <= 0)
			return 0;
		*(key[0] == 's' ? &m->size : &m->compressed_size) = n;
	} else if (strcmp(key, "sha256") == 0 || strcmp(key, "compressed_sha256") == 0 ||
		   strcmp(key, "data_sha256") == 0) {
		char *dest = key[0] == 's' ? m->sha256 : key[0] == 'c' ? m->compressed_sha256 :
			     m->data_sha256;

		*seen |= key[0] == 's' ? 64 : key[0] == 'c' ? 128 : 0;
		*why = "is not a SHA-256 (64 lower-case hex digits)";
		if (!is_hex64(value))
			return 0;
		memcpy(dest, value, 65);
	} else if (strcmp(key, "built_at") == 0) {
		snprintf(m->built_at, sizeof(m->built_at), "%s", value);
	} else if (strcmp(key, "published_at") == 0) {
		snprintf(m->published_at, sizeof(m->published_at), "%s", value);
	} else if (strcmp(key, "allow_drop") == 0) {
		*why = "is not a format name";
		if (!is_name(value, sizeof(*m->allow_drop)))
			return 0;
		manifest_add_drop(m, value);
	} else if (strcmp(key, "source") == 0) {
		*why = "is not \"FORMAT files=N loaded=N rejected=N date=D\"";
		return parse_source(m, value);
	}
	return 1;
}

enum status manifest_parse(const char *text, size_t len, struct manifest *m, char *err,
			   size_t errlen)
{
	static const char *const required[] = {
		"careers-store-manifest", "version", "store", "schema_version", "size",
		"compressed_size", "sha256", "compressed_sha256",
	};
	size_t i = 0, lineno = 0, k;
	unsigned seen = 0;
	char line[1024];

	manifest_init(m);
	if (len > 1 << 20) {
		snprintf(err, errlen, "the manifest is too big to be one (%zu bytes)", len);
		return STATUS_FORMAT;
	}
	while (i < len) {
		size_t j = i, n;
		char *colon, *key, *value;
		const char *why = "";

		while (j < len && text[j] != '\n')
			j++;
		lineno++;
		n = j - i;
		if (n && text[i + n - 1] == '\r')
			n--;
		if (n >= sizeof(line) || memchr(text + i, '\0', n)) {
			snprintf(err, errlen, "line %zu of the manifest is not text of a sensible "
				 "length", lineno);
			manifest_done(m);
			return STATUS_FORMAT;
		}
		memcpy(line, text + i, n);
		line[n] = '\0';
		i = j + 1;
		if (!line[0] || line[0] == '#')
			continue;
		colon = strstr(line, ": ");
		if (!colon) {
			snprintf(err, errlen, "line %zu of the manifest is not \"key: value\"", lineno);
			manifest_done(m);
			return STATUS_FORMAT;
		}
		*colon = '\0';
		key = line;
		value = colon + 2;
		if (!parse_line(m, key, value, &why, &seen)) {
			snprintf(err, errlen, "line %zu of the manifest: %s %s", lineno, key, why);
			manifest_done(m);
			return STATUS_FORMAT;
		}
	}
	for (k = 0; k < sizeof(required) / sizeof(required[0]); k++)
		if (!(seen & (1u << k))) {
			snprintf(err, errlen, "the manifest has no %s line", required[k]);
			manifest_done(m);
			return STATUS_FORMAT;
		}
	if (m->format > MANIFEST_FORMAT) {
		snprintf(err, errlen, "the manifest is in format %d, made by a newer careers (this "
			 "one reads format %d): update careers", m->format, MANIFEST_FORMAT);
		manifest_done(m);
		return STATUS_VERSION;
	}
	return STATUS_OK;
}

/* --- a store's summary --------------------------------------------------------------- */

struct describe {
	struct manifest *m;
	struct strbuf lines;		/* "sha256 format loaded rejected\n" per source */
};

static int describe_source(void *ctx, const struct store_source_info *info)
{
	struct describe *d = ctx;
	struct manifest_source *src = (struct manifest_source *)manifest_find_source(d->m,
										     info->format);
	const char *date = info->data_date;

	if (!src)
		src = add_source(d->m, info->format);
	src->files++;
	src->rows_loaded += info->rows_loaded;
	src->rows_rejected += info->rows_rejected;
	if (date && strlen(date) >= 10 && strncmp(date, src->data_date, 10) > 0)
		snprintf(src->data_date, sizeof(src->data_date), "%.10s", date);
	if (info->imported_at && strcmp(info->imported_at, d->m->built_at) > 0)
		snprintf(d->m->built_at, sizeof(d->m->built_at), "%s", info->imported_at);
	strbuf_printf(&d->lines, "%s %s %lld %lld\n", info->sha256, info->format, info->rows_loaded,
		      info->rows_rejected);
	return 0;
}

static int compare_lines(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int compare_sources(const void *a, const void *b)
{
	return strcmp(((const struct manifest_source *)a)->format,
		      ((const struct manifest_source *)b)->format);
}

enum status manifest_describe_store(struct store *s, struct manifest *m, char *err,
				    size_t errlen)
{
	struct describe d = { m, { 0 } };
	struct sha256 h;
	char **lines = NULL, *p, *nl;
	size_t count = 0, i;
	enum status rc;

	strbuf_init(&d.lines);
	m->schema_version = STORE_VERSION;
	rc = store_each_source(s, describe_source, &d);
	if (rc != STATUS_OK) {
		snprintf(err, errlen, "%s", store_errmsg(s));
		strbuf_done(&d.lines);
		return rc;
	}
	/* The same files give the same hash, whatever order they were imported in. */
	for (p = d.lines.buf; (nl = strchr(p, '\n')) != NULL; p = nl + 1) {
		*nl = '\0';
		lines = xrealloc(lines, (count + 1) * sizeof(*lines));
		lines[count++] = p;
	}
	if (count > 1)
		qsort(lines, count, sizeof(*lines), compare_lines);
	sha256_init(&h);
	sha256_update(&h, "careers " CAREERS_VERSION "\n", strlen("careers " CAREERS_VERSION "\n"));
	for (i = 0; i < count; i++) {
		sha256_update(&h, lines[i], strlen(lines[i]));
		sha256_update(&h, "\n", 1);
	}
	sha256_final_hex(&h, m->data_sha256);
	if (m->source_count > 1)
		qsort(m->sources, m->source_count, sizeof(*m->sources), compare_sources);
	free(lines);
	strbuf_done(&d.lines);
	return STATUS_OK;
}

enum status manifest_check_shrink(const struct manifest *before, const struct manifest *after,
				  const struct manifest *published, long long floor, char *err,
				  size_t errlen)
{
	size_t i;

	for (i = 0; i < before->source_count; i++) {
		const struct manifest_source *b = &before->sources[i];
		const struct manifest_source *a = manifest_find_source(after, b->format);
		long long now = a ? a->rows_loaded : 0;

		if (b->rows_loaded < floor || now * 10 >= b->rows_loaded ||
		    manifest_allows_drop(published, b->format))
			continue;
		snprintf(err, errlen, "%s went from %lld rows to %lld: a source is missing or "
			 "broken (a publisher who means it adds --allow-drop %s)", b->format,
			 b->rows_loaded, now, b->format);
		return STATUS_INVALID;
	}
	return STATUS_OK;
}
