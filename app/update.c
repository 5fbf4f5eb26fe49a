/*
 * update.c - verify and swap in a published store on a kiosk (see update.h).
 *
 * Design notes. Nothing touches db until the very end: the candidate is
 * written to "db.new-<pid>" in the same folder, checked there, and renamed
 * over db, which is atomic; db.previous is a second name (a hard link) of
 * the store that was in place, made before the rename, so at no moment
 * is there no store. A kiosk that has db open keeps reading its file
 * (the old inode) until it reopens the path at its next idle wipe.
 */
#define _GNU_SOURCE 1	/* renameat2(RENAME_EXCHANGE) for --rollback */
#include "update.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "format.h"
#include "manifest.h"
#include "mem.h"
#include "minisign.h"
#include "pack.h"
#include "safefile.h"
#include "sha256.h"
#include "store.h"
#include "zstdfile.h"

#define MAX_MANIFEST (1 << 20)
#define MAX_SIGNATURE (16 << 10)

/* What db.update remembers between runs. */
struct update_state {
	char from[1024], etag[256], last_modified[64], checked[32];
	char skip[15];				/* a version rolled back here */
	char seen[15];				/* the version last published there */
	char partial_sha256[65];		/* what db.download is a part of */
	char partial_etag[256], partial_last_modified[64];
};

struct run {
	const struct update_options *o;
	struct http *http;
	struct update_state state;
	struct minisign_public key;
	int is_url;
	char err[800];
};

static char *beside(const char *db, const char *suffix)
{
	return xasprintf("%s%s", db, suffix);
}

static int is_url(const char *from)
{
	return strncmp(from, "http://", 7) == 0 || strncmp(from, "https://", 8) == 0;
}

static char *join(const char *from, const char *name)
{
	size_t n = strlen(from);

	return xasprintf("%s%s%s", from, n && from[n - 1] == '/' ? "" : "/", name);
}

static void utc_now(char out[32])
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static void say_size(struct strbuf *sb, long long bytes)
{
	strbuf_reset(sb);
	format_bytes(sb, bytes);
}

/* --- db.update ------------------------------------------------------------------------- */

static void state_read(const char *db, struct update_state *st)
{
	char *path = beside(db, ".update"), err[300], *line, *save = NULL;
	struct strbuf text;

	memset(st, 0, sizeof(*st));
	strbuf_init(&text);
	if (safefile_read(path, 64 << 10, &text, err, sizeof(err)) == STATUS_OK) {
		for (line = strtok_r(text.buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
			char *v = strstr(line, ": ");

			if (!v)
				continue;
			*v = '\0';
			v += 2;
#define STATE_FIELD(name) \
			if (strcmp(line, #name) == 0) \
				snprintf(st->name, sizeof(st->name), "%s", v);
			STATE_FIELD(from)
			STATE_FIELD(etag)
			STATE_FIELD(last_modified)
			STATE_FIELD(checked)
			STATE_FIELD(skip)
			STATE_FIELD(seen)
			STATE_FIELD(partial_sha256)
			STATE_FIELD(partial_etag)
			STATE_FIELD(partial_last_modified)
#undef STATE_FIELD
		}
	}
	strbuf_done(&text);
	free(path);
}

static void state_write(const char *db, const struct update_state *st, FILE *err_stream)
{
	char *path = beside(db, ".update"), err[300];
	struct strbuf text;

	strbuf_init(&text);
	strbuf_puts(&text, "# careers update: the last check of this store's updates\n");
#define STATE_LINE(name) \
	if (st->name[0]) \
		strbuf_printf(&text, #name ": %s\n", st->name);
	STATE_LINE(from)
	STATE_LINE(etag)
	STATE_LINE(last_modified)
	STATE_LINE(checked)
	STATE_LINE(skip)
	STATE_LINE(seen)
	STATE_LINE(partial_sha256)
	STATE_LINE(partial_etag)
	STATE_LINE(partial_last_modified)
#undef STATE_LINE
	if (safefile_write(path, text.buf, text.len, 0644, err, sizeof(err)) != STATUS_OK)
		fprintf(err_stream, "careers: warning: %s\n", err);
	strbuf_done(&text);
	free(path);
}

/* --- one update at a time ------------------------------------------------------------------ */

static int take_lock(const char *db, FILE *err)
{
	char *path = beside(db, ".update-lock");
	int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);

	if (fd < 0) {
		fprintf(err, "careers: cannot create %s: %s\n", path, strerror(errno));
	} else if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		fprintf(err, "careers: another careers update is working on %s; try again later\n",
			db);
		close(fd);
		fd = -1;
	}
	free(path);
	return fd;
}

/* --- reading what was published ---------------------------------------------------------------- */

/*
 * A small published file: from the folder, or over HTTP (conditionally
 * when etag/last_modified are given). *not_modified on a 304.
 */
static enum status get_small(struct run *r, const char *name, const char *etag,
			     const char *last_modified, size_t max, struct strbuf *body,
			     struct http_response *rs, int *not_modified)
{
	char *where = join(r->o->from, name);
	enum status rc;

	*not_modified = 0;
	memset(rs, 0, sizeof(*rs));
	if (!r->is_url) {
		rc = safefile_read(where, max, body, r->err, sizeof(r->err));
	} else {
		struct http_request rq = { 0 };

		rq.url = where;
		rq.etag = etag;
		rq.last_modified = last_modified;
		rq.max_bytes = (long long)max;
		rq.label = name;
		rc = http_get_memory(r->http, &rq, body, rs);
		if (rc != STATUS_OK)
			snprintf(r->err, sizeof(r->err), "%s", rs->error);
		*not_modified = rs->not_modified;
	}
	free(where);
	return rc;
}

static enum status verify(struct run *r, const struct strbuf *manifest, const struct strbuf *sig)
{
	struct minisign_signature *s = xmalloc(sizeof(*s));
	char why[400];
	enum status rc = minisign_signature_parse(sig->buf, sig->len, s, why, sizeof(why));

	if (rc == STATUS_OK)
		rc = minisign_verify(&r->key, s, manifest->buf, manifest->len, why, sizeof(why));
	if (rc != STATUS_OK)
		snprintf(r->err, sizeof(r->err), "the manifest at %s does not pass the signature "
			 "check with %s: %s", r->o->from, r->o->pubkey, why);
	free(s);
	return rc;
}

/*
 * The manifest and its signature, checked. STATUS_OK with *unchanged set
 * when the publisher has nothing new (a 304 or the same bytes as installed).
 */
static enum status get_manifest(struct run *r, const char *installed_text, struct strbuf *text,
				struct strbuf *sig, struct http_response *rs, int *unchanged)
{
	struct http_response sig_rs;
	int tries, not_modified, conditional;
	enum status rc = STATUS_OK;

	*unchanged = 0;
	/* Ask "has it changed?" only about the same address, with a store in place. */
	conditional = installed_text && strcmp(r->state.from, r->o->from) == 0 && !r->o->force;
	for (tries = 0; tries < 2; tries++) {
		rc = get_small(r, MANIFEST_FILE, conditional ? r->state.etag : NULL,
			       conditional ? r->state.last_modified : NULL, MAX_MANIFEST, text, rs,
			       &not_modified);
		if (rc != STATUS_OK || not_modified ||
		    (installed_text && strcmp(text->buf, installed_text) == 0)) {
			*unchanged = rc == STATUS_OK;
			break;
		}
		rc = get_small(r, MANIFEST_SIG_FILE, NULL, NULL, MAX_SIGNATURE, sig, &sig_rs,
			       &not_modified);
		if (rc == STATUS_OK)
			rc = verify(r, text, sig);
		if (rc == STATUS_OK || !r->is_url || rc != STATUS_INVALID)
			break;
		/* The publisher may be between writing the signature and the manifest. */
		sleep(2);
		conditional = 0;
	}
	return rc;
}

/* --- the store --------------------------------------------------------------------------------- */

static enum status file_sha256(const char *path, char hex[65], long long *bytes, char *err,
			       size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	struct sha256 h;
	char buf[1 << 16];
	ssize_t n;

	*bytes = 0;
	if (fd < 0) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return STATUS_IO;
	}
	sha256_init(&h);
	while ((n = read(fd, buf, sizeof(buf))) > 0) {
		sha256_update(&h, buf, (size_t)n);
		*bytes += n;
	}
	close(fd);
	if (n < 0) {
		snprintf(err, errlen, "cannot read %s: %s", path, strerror(errno));
		return STATUS_IO;
	}
	sha256_final_hex(&h, hex);
	return STATUS_OK;
}

/* The compressed store, downloaded (or found in the folder) and checked. *path: where it is. */
static enum status get_store(struct run *r, const struct manifest *m, char **path)
{
	char *partial = beside(r->o->db, ".download"), hex[65];
	struct http_response rs;
	long long bytes;
	enum status rc;

	*path = NULL;
	if (!r->is_url) {
		free(partial);
		partial = join(r->o->from, m->store);
	} else {
		struct http_request rq = { 0 };
		char *url = join(r->o->from, m->store);

		if (strcmp(r->state.partial_sha256, m->compressed_sha256) != 0) {
			unlink(partial);	/* a part of some other version */
			r->state.partial_etag[0] = r->state.partial_last_modified[0] = '\0';
		}
		rq.url = url;
		rq.max_bytes = m->compressed_size;
		rq.label = m->store;
		rc = http_get_file(r->http, &rq, partial, r->state.partial_etag,
				   r->state.partial_last_modified, &rs);
		free(url);
		if (rc != STATUS_OK) {
			/* Keep what arrived, to resume next time. */
			memcpy(r->state.partial_sha256, m->compressed_sha256, 65);
			snprintf(r->state.partial_etag, sizeof(r->state.partial_etag), "%s", rs.etag);
			snprintf(r->state.partial_last_modified,
				 sizeof(r->state.partial_last_modified), "%s", rs.last_modified);
			snprintf(r->err, sizeof(r->err), "cannot download the store: %s", rs.error);
			free(partial);
			return rc;
		}
	}
	rc = file_sha256(partial, hex, &bytes, r->err, sizeof(r->err));
	if (rc == STATUS_OK && (bytes != m->compressed_size ||
				strcmp(hex, m->compressed_sha256) != 0)) {
		snprintf(r->err, sizeof(r->err), "%s does not match the signed manifest (%lld bytes, "
			 "SHA-256 %.16s..., expected %lld bytes, %.16s...): it was changed or "
			 "damaged on the way", m->store, bytes, hex, m->compressed_size,
			 m->compressed_sha256);
		if (r->is_url)
			unlink(partial);
		r->state.partial_sha256[0] = '\0';
		rc = STATUS_CORRUPT;
	}
	if (rc != STATUS_OK) {
		free(partial);
		return rc;
	}
	*path = partial;
	return STATUS_OK;
}

static enum status check_room(struct run *r, const struct manifest *m)
{
	char *dir = xstrdup(r->o->db), *slash = strrchr(dir, '/');
	struct statvfs fs;
	struct strbuf need, have;
	/* The unpacked store, the download beside it (over HTTP), and a little more. */
	long long needed = m->size + (r->is_url ? m->compressed_size : 0) + (1 << 20);
	enum status rc = STATUS_OK;

	if (slash)
		*(slash == dir ? slash + 1 : slash) = '\0';
	if (statvfs(slash ? dir : ".", &fs) == 0 &&
	    (long long)fs.f_bavail * (long long)fs.f_frsize < needed) {
		strbuf_init(&need);
		strbuf_init(&have);
		say_size(&need, needed);
		say_size(&have, (long long)fs.f_bavail * (long long)fs.f_frsize);
		snprintf(r->err, sizeof(r->err), "not enough room beside %s for the new store: it "
			 "needs %s, the disk has %s free", r->o->db, need.buf, have.buf);
		strbuf_done(&need);
		strbuf_done(&have);
		rc = STATUS_IO;
	}
	free(dir);
	return rc;
}

/* Open a store and summarise it. STATUS_OK only if it opens and passes quick_check. */
static enum status describe(const char *path, struct manifest *m, char *err, size_t errlen)
{
	struct store *s;
	enum status rc = store_open(path, STORE_READ_ONLY, &s, err, errlen);

	if (rc != STATUS_OK)
		return rc;
	rc = store_quick_check(s);
	if (rc != STATUS_OK)
		snprintf(err, errlen, "%s", store_errmsg(s));
	else
		rc = manifest_describe_store(s, m, err, errlen);
	store_close(s);
	return rc;
}

/* Decompress, check and compare the candidate. *candidate: its path on success. */
static enum status prepare(struct run *r, const struct manifest *m, const char *compressed,
			   char **candidate)
{
	char *tmp = xasprintf("%s.new-%ld", r->o->db, (long)getpid()), why[600];
	struct zstdfile_digest d;
	struct manifest before, after;
	enum status rc;

	*candidate = NULL;
	unlink(tmp);
	manifest_init(&before);
	manifest_init(&after);
	rc = zstdfile_decompress(compressed, tmp, m->size, &d, why, sizeof(why));
	if (rc != STATUS_OK)
		snprintf(r->err, sizeof(r->err), "cannot unpack the store: %s", why);
	if (rc == STATUS_OK && (d.out_bytes != m->size || strcmp(d.out_sha256, m->sha256) != 0)) {
		snprintf(r->err, sizeof(r->err), "the unpacked store does not match the signed "
			 "manifest (%lld bytes, expected %lld; SHA-256 %.16s..., expected %.16s...)",
			 d.out_bytes, m->size, d.out_sha256, m->sha256);
		rc = STATUS_CORRUPT;
	}
	if (rc == STATUS_OK && (rc = describe(tmp, &after, why, sizeof(why))) != STATUS_OK)
		snprintf(r->err, sizeof(r->err), "the new store cannot be used: %s", why);
	if (rc == STATUS_OK && describe(r->o->db, &before, why, sizeof(why)) == STATUS_OK &&
	    (rc = manifest_check_shrink(&before, &after, m, UPDATE_SHRINK_FLOOR, why,
					sizeof(why))) != STATUS_OK)
		snprintf(r->err, sizeof(r->err), "the new store looks wrong, so it was not put in "
			 "place: %s", why);
	manifest_done(&before);
	manifest_done(&after);
	if (rc != STATUS_OK) {
		unlink(tmp);
		free(tmp);
		return rc;
	}
	*candidate = tmp;
	return STATUS_OK;
}

/* Copy (by renaming, or writing) db.manifest[.minisig] to db.previous.manifest[.minisig]. */
static void keep_previous_manifest(const char *db)
{
	static const char *const suffixes[] = { ".manifest", ".manifest.minisig" };
	size_t i;

	for (i = 0; i < 2; i++) {
		char *now = beside(db, suffixes[i]);
		char *prev = xasprintf("%s.previous%s", db, suffixes[i]);

		if (rename(now, prev) != 0 && errno == ENOENT)
			unlink(prev);
		free(now);
		free(prev);
	}
}

static enum status swap_in(struct run *r, const char *candidate, const struct strbuf *manifest,
			   const struct strbuf *sig)
{
	char *previous = beside(r->o->db, ".previous"), *link_tmp, *path;
	struct stat st;
	enum status rc = STATUS_OK;

	link_tmp = xasprintf("%s.previous.new-%ld", r->o->db, (long)getpid());
	if (stat(r->o->db, &st) == 0) {
		unlink(link_tmp);
		if (link(r->o->db, link_tmp) != 0 || rename(link_tmp, previous) != 0) {
			snprintf(r->err, sizeof(r->err), "cannot keep the current store as %s: %s",
				 previous, strerror(errno));
			unlink(link_tmp);
			rc = STATUS_IO;
		} else {
			keep_previous_manifest(r->o->db);
		}
	}
	if (rc == STATUS_OK && rename(candidate, r->o->db) != 0) {
		snprintf(r->err, sizeof(r->err), "cannot put the new store in place at %s: %s",
			 r->o->db, strerror(errno));
		rc = STATUS_IO;
	}
	if (rc == STATUS_OK) {
		safefile_sync_folder(r->o->db);
		path = beside(r->o->db, ".manifest.minisig");
		safefile_write(path, sig->buf, sig->len, 0644, r->err, sizeof(r->err));
		free(path);
		path = beside(r->o->db, ".manifest");
		if (safefile_write(path, manifest->buf, manifest->len, 0644, r->err,
				   sizeof(r->err)) != STATUS_OK)
			fprintf(r->o->err, "careers: warning: %s\n", r->err);
		free(path);
		pack_index_refresh(r->o->db);
	}
	free(link_tmp);
	free(previous);
	return rc;
}

/* --- careers update ---------------------------------------------------------------------- */

static enum status load_key(struct run *r)
{
	struct strbuf text;
	char why[300];
	enum status rc;

	strbuf_init(&text);
	rc = safefile_read(r->o->pubkey, 4096, &text, r->err, sizeof(r->err));
	if (rc == STATUS_OK && (rc = minisign_public_parse(text.buf, text.len, &r->key, why,
							   sizeof(why))) != STATUS_OK)
		snprintf(r->err, sizeof(r->err), "%s: %s", r->o->pubkey, why);
	strbuf_done(&text);
	return rc;
}

/* The installed manifest's text, or NULL when there is none (or no store). */
static char *installed_manifest(const char *db, struct manifest *m)
{
	char *path = beside(db, ".manifest"), err[300];
	struct strbuf text;
	struct stat st;

	strbuf_init(&text);
	if (stat(db, &st) != 0 || safefile_read(path, MAX_MANIFEST, &text, err, sizeof(err)) !=
	    STATUS_OK || manifest_parse(text.buf, text.len, m, err, sizeof(err)) != STATUS_OK) {
		strbuf_done(&text);
		free(path);
		manifest_init(m);
		return NULL;
	}
	free(path);
	return strbuf_detach(&text);
}

/* Is m one to install? STATUS_OK and *skip when not (said why), or an error. */
static enum status judge(struct run *r, const struct manifest *m, const struct manifest *now,
			 int have_now, int *skip)
{
	*skip = 0;
	if (m->schema_version != STORE_VERSION) {
		snprintf(r->err, sizeof(r->err), "the published store has schema version %d, and "
			 "this careers reads version %d: %s", m->schema_version, STORE_VERSION,
			 m->schema_version < STORE_VERSION ?
			 "the publisher must rebuild it with this careers" :
			 "update careers on this kiosk first");
		return STATUS_VERSION;
	}
	if (have_now && strcmp(m->version, now->version) == 0 && !r->o->force) {
		fprintf(r->o->out, "%s is up to date (version %s)\n", r->o->db, now->version);
		*skip = 1;
	} else if (have_now && strcmp(m->version, now->version) < 0 && !r->o->force) {
		snprintf(r->err, sizeof(r->err), "the published store (version %s) is older than the "
			 "one installed (version %s); not taking it (--force would)", m->version,
			 now->version);
		return STATUS_INVALID;
	} else if (strcmp(m->version, r->state.skip) == 0 && !r->o->force) {
		fprintf(r->o->out, "version %s was rolled back on this kiosk; waiting for a newer "
			"one (--force takes it again)\n", m->version);
		*skip = 1;
	}
	return STATUS_OK;
}

/* A publisher whose weekly job has stopped looks, from here, like one with nothing new. */
static void warn_if_stale(const struct update_options *o, const struct manifest *now)
{
	struct tm tm;
	time_t published;

	memset(&tm, 0, sizeof(tm));
	if (strlen(now->version) != 14 ||
	    sscanf(now->version, "%4d%2d%2d%2d%2d%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday,
		   &tm.tm_hour, &tm.tm_min, &tm.tm_sec) != 6)
		return;
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	published = timegm(&tm);
	if (published > 0 && time(NULL) - published > UPDATE_STALE_DAYS * 86400L)
		fprintf(o->err, "careers: warning: the newest store published is from %.10s, more than "
			"%d days ago: is the publisher's weekly job still running?\n",
			now->published_at[0] ? now->published_at : now->version, UPDATE_STALE_DAYS);
}

static void spread_out(long seconds)
{
	if (seconds > 0) {
		if (sodium_init() < 0)
			return;
		sleep(randombytes_uniform((uint32_t)seconds + 1));
	}
}

enum status update_run(const struct update_options *o, int *changed)
{
	struct run r;
	struct manifest m, now;
	struct strbuf text, sig;
	struct http_response rs;
	char *installed, *compressed = NULL, *candidate = NULL;
	int lock, unchanged = 0, skip = 0;
	enum status rc;

	*changed = 0;
	memset(&r, 0, sizeof(r));
	r.o = o;
	r.is_url = is_url(o->from);
	manifest_init(&m);
	strbuf_init(&text);
	strbuf_init(&sig);
	if ((lock = take_lock(o->db, o->err)) < 0)
		return STATUS_IO;
	state_read(o->db, &r.state);
	installed = installed_manifest(o->db, &now);
	rc = load_key(&r);
	if (rc == STATUS_OK && r.is_url && !(r.http = http_new(&o->http, r.err, sizeof(r.err))))
		rc = STATUS_IO;
	if (rc == STATUS_OK) {
		spread_out(o->spread);
		rc = get_manifest(&r, installed, &text, &sig, &rs, &unchanged);
	}
	if (rc == STATUS_OK && unchanged) {
		if (rs.not_modified && r.state.seen[0] && strcmp(r.state.seen, r.state.skip) == 0)
			fprintf(o->out, "%s: nothing newer than version %s, which was rolled back "
				"here (still version %s)\n", o->db, r.state.seen, now.version);
		else
			fprintf(o->out, "%s is up to date (version %s%s)\n", o->db,
				installed ? now.version : "?", rs.not_modified ? "; the publisher's "
				"manifest has not changed" : "");
		warn_if_stale(o, &now);
		skip = 1;
	}
	if (rc == STATUS_OK && !skip &&
	    (rc = manifest_parse(text.buf, text.len, &m, r.err, sizeof(r.err))) == STATUS_OK) {
		memcpy(r.state.seen, m.version, sizeof(r.state.seen));
		rc = judge(&r, &m, &now, installed != NULL, &skip);
	}
	if (rc == STATUS_OK && !skip && (rc = check_room(&r, &m)) == STATUS_OK &&
	    (rc = get_store(&r, &m, &compressed)) == STATUS_OK &&
	    (rc = prepare(&r, &m, compressed, &candidate)) == STATUS_OK &&
	    (rc = swap_in(&r, candidate, &text, &sig)) == STATUS_OK) {
		struct strbuf size;

		*changed = 1;
		strbuf_init(&size);
		say_size(&size, m.size);
		fprintf(o->out, "%s now holds version %s (published %s, %s, %zu source format%s); "
			"a running kiosk switches to it at its next idle wipe. The store before is "
			"kept: careers update --rollback puts it back.\n", o->db, m.version,
			m.published_at, size.buf, m.source_count, m.source_count == 1 ? "" : "s");
		strbuf_done(&size);
		if (r.is_url)
			unlink(compressed);
		r.state.partial_sha256[0] = r.state.partial_etag[0] = '\0';
		r.state.partial_last_modified[0] = '\0';
	}
	if (candidate && rc != STATUS_OK)
		unlink(candidate);
	if (rc == STATUS_OK && r.is_url && (rs.etag[0] || rs.last_modified[0] || *changed)) {
		snprintf(r.state.etag, sizeof(r.state.etag), "%s", rs.etag);
		snprintf(r.state.last_modified, sizeof(r.state.last_modified), "%s", rs.last_modified);
	}
	if (rc == STATUS_OK || r.state.partial_sha256[0]) {
		if (rc == STATUS_OK)
			snprintf(r.state.from, sizeof(r.state.from), "%s", o->from);
		utc_now(r.state.checked);
		state_write(o->db, &r.state, o->err);
	}
	if (rc != STATUS_OK)
		fprintf(o->err, "careers: %s\ncareers: %s was not changed\n", r.err, o->db);
	http_free(r.http);
	free(installed);
	free(compressed);
	free(candidate);
	strbuf_done(&text);
	strbuf_done(&sig);
	manifest_done(&m);
	manifest_done(&now);
	close(lock);
	return rc;
}

/* --- rollback and status ------------------------------------------------------------------- */

/* Exchange the names a and b (atomically where the system can). */
static int exchange(const char *a, const char *b)
{
	char *tmp;
	int rc;

#ifdef RENAME_EXCHANGE
	if (renameat2(AT_FDCWD, a, AT_FDCWD, b, RENAME_EXCHANGE) == 0)
		return 0;
#endif
	tmp = xasprintf("%s.swap-%ld", a, (long)getpid());
	rc = rename(a, tmp) != 0 || rename(b, a) != 0 || rename(tmp, b) != 0 ? -1 : 0;
	free(tmp);
	return rc;
}

enum status update_rollback(const char *db, FILE *out, FILE *err)
{
	char *previous = beside(db, ".previous"), *pm = beside(db, ".previous.manifest");
	char *cm = beside(db, ".manifest"), why[600], *text;
	struct manifest was, back;
	struct update_state st;
	enum status rc;
	int lock;

	if ((lock = take_lock(db, err)) < 0) {
		free(previous);
		free(pm);
		free(cm);
		return STATUS_IO;
	}
	manifest_init(&back);
	text = installed_manifest(db, &was);
	rc = describe(previous, &back, why, sizeof(why));
	if (rc == STATUS_NOT_FOUND || (rc == STATUS_IO && access(previous, F_OK) != 0))
		fprintf(err, "careers: there is no previous store beside %s to go back to\n", db);
	else if (rc != STATUS_OK)
		fprintf(err, "careers: the previous store %s cannot be used: %s\n", previous, why);
	if (rc == STATUS_OK && exchange(db, previous) != 0) {
		fprintf(err, "careers: cannot swap %s and %s: %s\n", db, previous, strerror(errno));
		rc = STATUS_IO;
	}
	if (rc == STATUS_OK) {
		char *cs = beside(db, ".manifest.minisig"), *ps = beside(db, ".previous.manifest.minisig");

		safefile_sync_folder(db);
		/* The manifests follow their stores (a store built here has none). */
		if (access(pm, F_OK) == 0 && access(cm, F_OK) == 0) {
			exchange(cm, pm);
			exchange(cs, ps);
		} else if (access(cm, F_OK) == 0) {
			rename(cm, pm);
			rename(cs, ps);
		} else if (access(pm, F_OK) == 0) {
			rename(pm, cm);
			rename(ps, cs);
		}
		free(cs);
		free(ps);
		pack_index_refresh(db);
		state_read(db, &st);
		if (text)
			memcpy(st.skip, was.version, sizeof(st.skip));
		state_write(db, &st, err);
		fprintf(out, "%s is back to the store before%s%s%s; the kiosk switches to it at its "
			"next idle wipe.%s%s%s\n", db, back.built_at[0] ? " (built " : "",
			back.built_at, back.built_at[0] ? ")" : "", text ? " Version " : "",
			text ? was.version : "", text ? " will not be taken again; a newer one will." :
			"");
	} else {
		fprintf(err, "careers: %s was not changed\n", db);
	}
	free(text);
	manifest_done(&was);
	manifest_done(&back);
	free(previous);
	free(pm);
	free(cm);
	close(lock);
	return rc;
}

enum status update_status(const char *db, FILE *out, FILE *err)
{
	struct manifest m, p;
	struct update_state st;
	char *pm = beside(db, ".previous.manifest"), why[300], *text;
	struct strbuf ptext;
	struct stat sb;

	if (stat(db, &sb) != 0) {
		fprintf(err, "careers: there is no store at %s yet\n", db);
		free(pm);
		return STATUS_NOT_FOUND;
	}
	text = installed_manifest(db, &m);
	if (text)
		fprintf(out, "%s: version %s, published %s, built %s, %zu source format%s\n", db,
			m.version, m.published_at, m.built_at, m.source_count,
			m.source_count == 1 ? "" : "s");
	else
		fprintf(out, "%s: not installed by careers update (built on this machine, or copied)\n",
			db);
	strbuf_init(&ptext);
	manifest_init(&p);
	if (safefile_read(pm, MAX_MANIFEST, &ptext, why, sizeof(why)) == STATUS_OK &&
	    manifest_parse(ptext.buf, ptext.len, &p, why, sizeof(why)) == STATUS_OK)
		fprintf(out, "previous: version %s (careers update --rollback puts it back)\n",
			p.version);
	state_read(db, &st);
	if (st.from[0])
		fprintf(out, "updates from %s, last checked %s\n", st.from, st.checked);
	if (st.skip[0])
		fprintf(out, "version %s was rolled back and will not be taken again\n", st.skip);
	if (st.partial_sha256[0])
		fprintf(out, "a part-downloaded store is waiting to be resumed\n");
	strbuf_done(&ptext);
	manifest_done(&p);
	manifest_done(&m);
	free(text);
	free(pm);
	return STATUS_OK;
}
