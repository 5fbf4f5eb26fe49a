/*
 * publish.c - compress, describe and sign a store for kiosks (see publish.h).
 */
#include "publish.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "format.h"
#include "manifest.h"
#include "mem.h"
#include "safefile.h"
#include "store.h"
#include "zstdfile.h"

static void utc_now(char iso[32], char digits[15])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(iso, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
	strftime(digits, 15, "%Y%m%d%H%M%S", &tm);
}

/* One more than a 14-digit version (it may carry into any digit). */
static void next_version(char v[15])
{
	int i;

	for (i = 13; i >= 0; i--) {
		if (v[i] != '9') {
			v[i]++;
			return;
		}
		v[i] = '0';
	}
}

/* The manifest already in the folder, if there is a readable one. */
static int read_current(const char *dir, struct manifest *m)
{
	char *path = xasprintf("%s/%s", dir, MANIFEST_FILE), err[300];
	struct strbuf text;
	int ok;

	strbuf_init(&text);
	ok = safefile_read(path, 1 << 20, &text, err, sizeof(err)) == STATUS_OK &&
	     manifest_parse(text.buf, text.len, m, err, sizeof(err)) == STATUS_OK;
	strbuf_done(&text);
	free(path);
	return ok;
}

/* Remove published stores other than keep1 and keep2 (and their signatures). */
static void prune(const char *dir, const char *keep1, const char *keep2)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	while (d && (e = readdir(d)) != NULL) {
		const char *name = e->d_name;
		size_t n = strlen(name), stem;
		char *path;

		if (strncmp(name, "careers-", 8) != 0)
			continue;
		if (n > 8 && strcmp(name + n - 8, ".minisig") == 0)
			stem = n - 8;
		else
			stem = n;
		if (stem < 7 || strncmp(name + stem - 7, ".db.zst", 7) != 0)
			continue;
		if ((strlen(keep1) == stem && strncmp(name, keep1, stem) == 0) ||
		    (keep2 && strlen(keep2) == stem && strncmp(name, keep2, stem) == 0))
			continue;
		path = xasprintf("%s/%s", dir, name);
		unlink(path);
		free(path);
	}
	if (d)
		closedir(d);
}

static enum status check_store(const struct publish_options *o, struct manifest *m)
{
	struct store *s;
	char err[600];
	enum status rc;

	rc = store_open(o->store, STORE_READ_ONLY, &s, err, sizeof(err));
	if (rc != STATUS_OK) {
		fprintf(o->err, "careers: %s\n", err);
		return rc;
	}
	rc = store_quick_check(s);
	if (rc != STATUS_OK)
		fprintf(o->err, "careers: %s: %s\n", o->store, store_errmsg(s));
	if (rc == STATUS_OK && (rc = manifest_describe_store(s, m, err, sizeof(err))) != STATUS_OK)
		fprintf(o->err, "careers: %s: %s\n", o->store, err);
	if (rc == STATUS_OK && m->source_count == 0) {
		fprintf(o->err, "careers: %s holds no data; nothing to publish\n", o->store);
		rc = STATUS_NOT_FOUND;
	}
	store_close(s);
	return rc;
}

static enum status sign_text(const struct publish_options *o, const void *data, size_t len,
			     const unsigned char *digest, const char *file, char **out)
{
	char comment[300], err[300];
	enum status rc;

	/* The trusted comment minisign itself writes. */
	snprintf(comment, sizeof(comment), "timestamp:%ld\tfile:%s\thashed", (long)time(NULL), file);
	rc = digest ? minisign_sign_digest(o->key, digest, "signature from careers publish", comment,
					   out, err, sizeof(err)) :
	     minisign_sign(o->key, data, len, "signature from careers publish", comment, out, err,
			   sizeof(err));
	if (rc != STATUS_OK)
		fprintf(o->err, "careers: cannot sign %s: %s\n", file, err);
	return rc;
}

/* Write name into the folder whole (through a temporary file). */
static enum status put(const struct publish_options *o, const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", o->out_dir, name), err[600];
	enum status rc = safefile_write(path, text, strlen(text), 0644, err, sizeof(err));

	if (rc != STATUS_OK)
		fprintf(o->err, "careers: %s\n", err);
	free(path);
	return rc;
}

static void report(const struct publish_options *o, const struct manifest *m)
{
	struct strbuf a, b;
	struct minisign_public pub;
	char id[17];

	strbuf_init(&a);
	strbuf_init(&b);
	format_bytes(&a, m->compressed_size);
	format_bytes(&b, m->size);
	minisign_secret_public(o->key, &pub);
	minisign_id_text(pub.id, id);
	fprintf(o->out, "published version %s in %s: %s (%s, from a %s store), %zu source format%s\n"
		"signed with key %s; check by hand with:\n"
		"  minisign -Vm %s/%s -p KEY.pub\n", m->version, o->out_dir, m->store, a.buf, b.buf,
		m->source_count, m->source_count == 1 ? "" : "s", id, o->out_dir, MANIFEST_FILE);
	strbuf_done(&a);
	strbuf_done(&b);
}

enum status publish_store(const struct publish_options *o)
{
	struct manifest m, last;
	struct zstdfile_digest d;
	struct strbuf text;
	char err[600], *tmp = NULL, *final = NULL, *store_sig = NULL, *manifest_sig = NULL;
	char *sig_name = NULL;
	int have_last;
	size_t i;
	enum status rc;

	manifest_init(&m);
	manifest_init(&last);
	strbuf_init(&text);
	if ((rc = check_store(o, &m)) != STATUS_OK)
		goto done;
	if ((rc = safefile_make_folder(o->out_dir, 0755, err, sizeof(err))) != STATUS_OK) {
		fprintf(o->err, "careers: %s\n", err);
		goto done;
	}
	have_last = read_current(o->out_dir, &last);
	if (have_last && !o->force && strcmp(last.data_sha256, m.data_sha256) == 0 &&
	    last.schema_version == m.schema_version) {
		fprintf(o->out, "the data is the same as in version %s (published %s); nothing "
			"published, so kiosks have nothing to download (--force publishes "
			"anyway)\n", last.version, last.published_at);
		goto done;
	}
	utc_now(m.published_at, m.version);
	if (have_last && strcmp(m.version, last.version) <= 0) {
		memcpy(m.version, last.version, sizeof(m.version));
		next_version(m.version);
	}
	for (i = 0; i < o->allow_drop_count; i++)
		manifest_add_drop(&m, o->allow_drop[i]);
	snprintf(m.store, sizeof(m.store), "careers-%s.db.zst", m.version);
	final = xasprintf("%s/%s", o->out_dir, m.store);
	tmp = xasprintf("%s/.%s.tmp-%ld", o->out_dir, m.store, (long)getpid());
	unlink(tmp);
	rc = zstdfile_compress(o->store, tmp, o->level, &d, err, sizeof(err));
	if (rc != STATUS_OK) {
		fprintf(o->err, "careers: %s\n", err);
		goto done;
	}
	m.size = d.in_bytes;
	m.compressed_size = d.out_bytes;
	memcpy(m.sha256, d.in_sha256, sizeof(m.sha256));
	memcpy(m.compressed_sha256, d.out_sha256, sizeof(m.compressed_sha256));
	manifest_write(&m, &text);
	if ((rc = sign_text(o, NULL, 0, d.out_blake2b, m.store, &store_sig)) != STATUS_OK ||
	    (rc = sign_text(o, text.buf, text.len, NULL, MANIFEST_FILE, &manifest_sig)) != STATUS_OK)
		goto done;
	/* The order that keeps the folder usable at every moment (see publish.h). */
	sig_name = xasprintf("%s.minisig", m.store);
	if ((rc = put(o, sig_name, store_sig)) != STATUS_OK)
		goto done;
	if (rename(tmp, final) != 0) {
		fprintf(o->err, "careers: cannot move the store into place at %s: %s\n", final,
			strerror(errno));
		rc = STATUS_IO;
		goto done;
	}
	safefile_sync_folder(final);
	if ((rc = put(o, MANIFEST_SIG_FILE, manifest_sig)) != STATUS_OK ||
	    (rc = put(o, MANIFEST_FILE, text.buf)) != STATUS_OK)
		goto done;
	prune(o->out_dir, m.store, have_last ? last.store : NULL);
	report(o, &m);
done:
	if (tmp)
		unlink(tmp);
	if (rc != STATUS_OK)
		fprintf(o->err, "careers: nothing new was published; %s offers what it offered "
			"before\n", o->out_dir);
	free(tmp);
	free(final);
	free(store_sig);
	free(manifest_sig);
	free(sig_name);
	strbuf_done(&text);
	manifest_done(&m);
	manifest_done(&last);
	return rc;
}
