/*
 * records.c - open, list and delete adviser sessions in the records file
 * (saving and loading one session is records_session.c).
 *
 * Design notes.
 *
 * Every SQL statement of the records is in the STMT_INFO table
 * (records_int.h), prepared once on first use, then reset and rebound;
 * values are always bound, never spliced. The one exception is data/records.sql, run once
 * through sqlite3_exec() when a file is created.
 *
 * Opening an existing file only reads until the file is known to be
 * ours: the header magic, then application_id, user_version and the
 * tables in one query, then PRAGMA quick_check. Only then are the
 * connection settings applied (secure_delete, foreign keys, rollback
 * journal, full sync, temporary storage in memory). A hot journal left by
 * a killed save is rolled back by SQLite on the first read, which is what
 * makes a save all or nothing.
 *
 * A save replaces the session: the session row is inserted or updated
 * (RETURNING its id and creation time), its child rows are deleted and
 * written again in order. With secure_delete on, the replaced rows are
 * overwritten with zeros, so an edited note's old text does not linger.
 *
 * Two windows on one session. Each save adds one to the session's
 * version, and an update only happens WHERE version is the one the window
 * loaded. When it is not, another window saved in between: in the same
 * transaction the saved session is read back, the two are merged
 * (advice_merge: nothing either wrote is dropped) and the merge is saved,
 * or, when the two together do not fit in a session, nothing is saved
 * and STATUS_CONFLICT says so.
 *
 * What SQLite throws away. A rollback journal holds the pages a
 * transaction changes as they were before, so the journal of a delete
 * holds the deleted session; SQLite deletes the journal when the
 * transaction ends, and its blocks are freed with those words still in
 * them. The records file is therefore opened through a VFS of our own
 * ("careers-records", the default VFS with one change): before SQLite
 * deletes a file, it is overwritten with zeros and synced. On a file
 * system that writes in place (ext4, xfs) that removes the words from
 * the disk; see README.md for where it cannot (copy-on-write file
 * systems, SSD wear levelling, backups).
 *
 * Paths. SQLite's SQLITE_OPEN_NOFOLLOW refuses a path with a symbolic
 * link anywhere in it, and a symlinked home folder is common on managed
 * machines; so the folder is resolved with realpath(3) and the file, which
 * must not itself be a link, is opened in the resolved folder.
 */
#include "records.h"
#include "records_int.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "mem.h"
#include "safe_text.h"

extern const char records_schema_sql[];

static const char *const stmt_sql[] = {
#define STMT_SQL(id, sql) sql,
	STMT_INFO(STMT_SQL)
#undef STMT_SQL
};

/* --- small helpers ----------------------------------------------------------- */

enum status records_fail(struct records *r, enum status rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->errmsg, sizeof(r->errmsg), fmt, ap);
	va_end(ap);
	/* SQLite's words can quote a damaged file's bytes: the message stays plain text. */
	safe_text_mend(r->errmsg);
	return rc;
}

/* The status for SQLite's last error on r, with "doing: what SQLite said". */
enum status records_db_fail(struct records *r, const char *doing)
{
	int code = sqlite3_errcode(r->db);
	enum status rc = STATUS_DB;

	if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_CANTOPEN ||
	    code == SQLITE_BUSY || code == SQLITE_LOCKED || code == SQLITE_READONLY ||
	    code == SQLITE_PERM)
		rc = STATUS_IO;
	else if (code == SQLITE_CORRUPT)
		rc = STATUS_CORRUPT;
	else if (code == SQLITE_NOTADB)
		rc = STATUS_FORMAT;
	return records_fail(r, rc, "%s: %s: %s", r->path, doing, sqlite3_errmsg(r->db));
}

/* The statement, reset and cleared; NULL (with sqlite3_errmsg set) if it cannot be prepared. */
sqlite3_stmt *records_stmt(struct records *r, enum stmt_id id)
{
	if (!r->stmt[id]) {
		if (sqlite3_prepare_v3(r->db, stmt_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
				       &r->stmt[id], NULL) != SQLITE_OK)
			return NULL;
	} else {
		sqlite3_reset(r->stmt[id]);
		sqlite3_clear_bindings(r->stmt[id]);
	}
	return r->stmt[id];
}

/* Step a statement through to its end (rows, if any, are ignored). */
enum status records_finish(struct records *r, sqlite3_stmt *st, const char *doing)
{
	int rc;

	if (!st)
		return records_db_fail(r, doing);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		enum status s = records_db_fail(r, doing);

		sqlite3_reset(st);
		return s;
	}
	sqlite3_reset(st);
	return STATUS_OK;
}

enum status records_run(struct records *r, enum stmt_id id, const char *doing)
{
	return records_finish(r, records_stmt(r, id), doing);
}

void records_rollback(struct records *r)
{
	if (!sqlite3_get_autocommit(r->db))
		records_run(r, STMT_ROLLBACK, "rolling back");
}

void records_bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/* NaN is stored as NULL (SQLite would do that anyway) and read back as NaN. */
void records_bind_real(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

double records_column_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/* Copy text column i into out[size]; 0 if it does not fit (or is not text). */
int records_column_copy(sqlite3_stmt *st, int i, char *out, size_t size)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	size_t len = (size_t)sqlite3_column_bytes(st, i);

	if (!v || len >= size || memchr(v, '\0', len))
		return 0;
	memcpy(out, v, len);
	out[len] = '\0';
	return 1;
}

/* "YYYY-MM-DD HH:MM", local time. */
void records_local_now(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;

	memset(out, 0, 20);
	if (!localtime_r(&t, &tm) || strftime(out, 20, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, 20, "1970-01-01 00:00");
}

/* Is s NUL-terminated within size bytes? */
int records_terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

int records_is_real_date(const char *iso)
{
	struct civil_date d;

	return strlen(iso) == 10 && date_parse(iso, &d);
}

/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM", a real date and time of day. */
int records_is_meeting(const char *text)
{
	char day[11];
	size_t n = strlen(text);

	if (n != 10 && n != 16)
		return 0;
	memcpy(day, text, 10);
	day[10] = '\0';
	if (!records_is_real_date(day))
		return 0;
	return n == 10 || (text[10] == ' ' && text[11] >= '0' && text[11] <= '2' &&
			   text[12] >= '0' && text[12] <= '9' && text[13] == ':' &&
			   text[14] >= '0' && text[14] <= '5' && text[15] >= '0' && text[15] <= '9' &&
			   (text[11] - '0') * 10 + (text[12] - '0') < 24);
}

/* No control characters. */
int records_one_line(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return 0;
	return 1;
}

/* --- the VFS that overwrites what it deletes ------------------------------------------ */

#define RECORDS_VFS "careers-records"

static sqlite3_vfs scrub_vfs;
static sqlite3_vfs *base_vfs;

/* Overwrite a file with zeros, in place, and sync it. */
static void overwrite(const char *path)
{
	static const char zeros[16384];
	int fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC);
	struct stat st;
	off_t done = 0;

	if (fd < 0)
		return;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
		while (done < st.st_size) {
			size_t n = st.st_size - done < (off_t)sizeof(zeros) ? (size_t)(st.st_size - done) :
									      sizeof(zeros);
			ssize_t w = pwrite(fd, zeros, n, done);

			if (w <= 0)
				break;
			done += w;
		}
		fdatasync(fd);
	}
	close(fd);
}

static int scrub_delete(sqlite3_vfs *vfs, const char *path, int sync_dir)
{
	(void)vfs;
	overwrite(path);
	return base_vfs->xDelete(base_vfs, path, sync_dir);
}

/* The name of our VFS, registered on first use (the default one, deleting with care). */
static const char *records_vfs(void)
{
	if (!base_vfs) {
		base_vfs = sqlite3_vfs_find(NULL);
		if (!base_vfs)
			return NULL;
		scrub_vfs = *base_vfs;
		scrub_vfs.zName = RECORDS_VFS;
		scrub_vfs.xDelete = scrub_delete;
		if (sqlite3_vfs_register(&scrub_vfs, 0) != SQLITE_OK) {
			base_vfs = NULL;
			return NULL;
		}
	}
	return RECORDS_VFS;
}

/*
 * path with its folder resolved (no symbolic links left in it), as a
 * heap string; NULL with a message in err when the folder is not there.
 */
static char *resolve_folder(const char *path, char *err, size_t errlen)
{
	char *copy = xstrdup(path), *slash = strrchr(copy, '/'), *real, *out;
	const char *dir = ".", *base = copy;

	if (slash == copy) {
		dir = "/";
		base = slash + 1;
	} else if (slash) {
		*slash = '\0';
		dir = copy;
		base = slash + 1;
	}
	real = realpath(dir, NULL);
	if (!real) {
		snprintf(err, errlen, "cannot open the records file %s: its folder %s: %s", path, dir,
			 strerror(errno));
		free(copy);
		return NULL;
	}
	out = xasprintf("%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
	free(real);
	free(copy);
	return out;
}

/* --- opening -------------------------------------------------------------------- */

static struct records *records_new(const char *path, const char *open_path)
{
	struct records *r = xcalloc(1, sizeof(*r));

	r->path = xstrdup(path);
	r->open_path = xstrdup(open_path);
	return r;
}

void records_close(struct records *r)
{
	int i;

	if (!r)
		return;
	for (i = 0; i < STMT_COUNT; i++)
		sqlite3_finalize(r->stmt[i]);
	sqlite3_close(r->db);
	free(r->path);
	free(r->open_path);
	free(r);
}

const char *records_errmsg(const struct records *r)
{
	return r->errmsg;
}

const char *records_notice(const struct records *r)
{
	return r->notice;
}

const char *records_path(const struct records *r)
{
	return r->path;
}

char *records_default_path(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	if (xdg && xdg[0] == '/')
		return xasprintf("%s/careers/records.db", xdg);
	if (home && *home)
		return xasprintf("%s/.local/share/careers/records.db", home);
	return NULL;
}

/* Make the folders above path that are missing, each with mode 0700. */
static enum status make_folders(const char *path, char *err, size_t errlen)
{
	char *dir = xstrdup(path), *p;
	enum status rc = STATUS_OK;
	struct stat st;

	for (p = dir + 1; (p = strchr(p, '/')) != NULL && !rc; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) == 0) {
			if (chmod(dir, 0700) != 0)
				rc = STATUS_IO;
		} else if (errno != EEXIST) {
			rc = STATUS_IO;
		} else if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
			errno = ENOTDIR;
			rc = STATUS_IO;
		}
		if (rc)
			snprintf(err, errlen, "cannot make the folder %s for the records: %s", dir,
				 strerror(errno));
		*p = '/';
	}
	free(dir);
	return rc;
}

/* Make path an empty file with mode 0600 (or make an existing empty one 0600). */
static enum status make_file(const char *path, int *made, char *err, size_t errlen)
{
	int fd = open(path, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);

	*made = fd >= 0;
	if (fd < 0 && errno == EEXIST)
		fd = open(path, O_RDWR | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		snprintf(err, errlen, "cannot create the records file %s: %s", path,
			 strerror(errno));
		if (fd >= 0)
			close(fd);
		return STATUS_IO;
	}
	close(fd);
	return STATUS_OK;
}

/* Lay out data/records.sql in one transaction. */
static enum status make_schema(struct records *r)
{
	char *msg = NULL;
	enum status rc = records_run(r, STMT_BEGIN, "creating the records file");

	if (rc)
		return rc;
	if (sqlite3_exec(r->db, records_schema_sql, NULL, NULL, &msg) != SQLITE_OK) {
		rc = records_fail(r, STATUS_DB, "%s: creating the tables: %s", r->path,
			  msg ? msg : sqlite3_errmsg(r->db));
		sqlite3_free(msg);
		records_rollback(r);
		return rc;
	}
	return records_run(r, STMT_COMMIT, "creating the records file");
}

/* Does the file start with SQLite's magic? -1 when it cannot be read. */
static int sqlite_magic(const char *path)
{
	static const char magic[16] = "SQLite format 3";
	char head[16];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return -1;
	n = fread(head, 1, sizeof(head), f);
	fclose(f);
	return n == sizeof(head) && memcmp(head, magic, sizeof(magic)) == 0;
}

/* Is the open file ours, of a version we read, and sound? Reads only. */
static enum status check_file(struct records *r)
{
	sqlite3_stmt *st = records_stmt(r, STMT_FILE_KIND);
	long long app_id, version, tables;
	char problem[256] = "";
	enum status rc;
	int step;

	if (!st || (step = sqlite3_step(st)) != SQLITE_ROW) {
		rc = records_db_fail(r, "reading the file");
		if (st)
			sqlite3_reset(st);
		if (rc == STATUS_FORMAT)
			return records_fail(r, rc, "%s is not a careers records file", r->path);
		if (rc == STATUS_CORRUPT)
			return records_fail(r, rc, "%s is damaged (%s)", r->path, sqlite3_errmsg(r->db));
		return rc;
	}
	app_id = sqlite3_column_int64(st, 0);
	version = sqlite3_column_int64(st, 1);
	tables = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	if (app_id != RECORDS_APPLICATION_ID)
		return records_fail(r, STATUS_FORMAT, "%s is not a careers records file%s", r->path,
			    tables ? "" : " (it may be a data store or another program's file)");
	if (version > RECORDS_VERSION)
		return records_fail(r, STATUS_VERSION,
			    "%s was written by a newer version of careers (records version %lld; "
			    "this program reads up to version %d); it was not changed",
			    r->path, version, RECORDS_VERSION);
	r->file_version = (int)version;
	if (version < 1 || tables != 4)
		return records_fail(r, STATUS_CORRUPT,
			    "%s is damaged: it is marked as a careers records file but its tables "
			    "are not all there", r->path);

	st = records_stmt(r, STMT_QUICK_CHECK);
	if (!st)
		return records_db_fail(r, "checking the file");
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		const char *result = (const char *)sqlite3_column_text(st, 0);

		snprintf(problem, sizeof(problem), "%s", result ? result : "no result");
	}
	rc = step == SQLITE_ROW ? STATUS_OK : records_db_fail(r, "checking the file");
	sqlite3_reset(st);
	if (rc == STATUS_CORRUPT || (rc == STATUS_OK && strcmp(problem, "ok") != 0))
		return records_fail(r, STATUS_CORRUPT,
			    "%s is damaged (%s); it was left as it is - move it aside to start a "
			    "new records file", r->path, rc ? sqlite3_errmsg(r->db) : problem);
	return rc;
}

static enum status apply_settings(struct records *r)
{
	static const enum stmt_id settings[] = {
		STMT_SECURE_DELETE, STMT_FOREIGN_KEYS, STMT_JOURNAL_MODE, STMT_SYNCHRONOUS,
		STMT_TEMP_STORE,
	};
	enum status rc = STATUS_OK;
	size_t i;

	for (i = 0; i < sizeof(settings) / sizeof(settings[0]) && !rc; i++)
		rc = records_run(r, settings[i], "setting up the connection");
	return rc;
}

/*
 * An older file (checked and sound) is brought up to RECORDS_VERSION in one
 * transaction: version 1 gets session.version, version 2 the adviser's
 * details, note.shared and session_ids.
 */
static enum status upgrade(struct records *r)
{
	static const enum stmt_id to_3[] = {
		STMT_UPGRADE_2_ADVISER, STMT_UPGRADE_2_CONTACT, STMT_UPGRADE_2_SCHOOL,
		STMT_UPGRADE_2_MEETING, STMT_UPGRADE_2_CODE, STMT_UPGRADE_2_CODE_INDEX,
		STMT_UPGRADE_2_SHARED, STMT_UPGRADE_2_IDS,
		STMT_UPGRADE_2_IDS_ROW, STMT_UPGRADE_2_DONE,
	};
	enum status rc;

	if (r->file_version >= RECORDS_VERSION)
		return STATUS_OK;
	rc = records_run(r, STMT_BEGIN, "bringing the file up to date");
	if (!rc && r->file_version == 1)
		rc = records_run(r, STMT_UPGRADE_1, "bringing the file up to date");
	if (!rc && r->file_version == 1)
		rc = records_run(r, STMT_UPGRADE_1_DONE, "bringing the file up to date");
	for (size_t i = 0; i < sizeof(to_3) / sizeof(to_3[0]) && !rc; i++)
		rc = records_run(r, to_3[i], "bringing the file up to date");
	if (!rc)
		rc = records_run(r, STMT_COMMIT, "bringing the file up to date");
	if (rc)
		records_rollback(r);
	return rc;
}

/* Open path (known to exist now) and check it; *fresh: lay out the schema first. */
static enum status connect_file(struct records *r, int fresh)
{
	enum status rc;

	if (sqlite3_open_v2(r->open_path, &r->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
			    records_vfs()) != SQLITE_OK)
		return records_fail(r, STATUS_IO, "cannot open the records file %s: %s", r->path,
			    r->db ? sqlite3_errmsg(r->db) : "out of memory");
	sqlite3_busy_timeout(r->db, 2000);
	if (fresh) {
		rc = apply_settings(r);
		if (!rc)
			rc = make_schema(r);
		if (rc)
			return rc;
	}
	rc = check_file(r);
	if (!rc && !fresh)
		rc = apply_settings(r);
	if (!rc && !fresh)
		rc = upgrade(r);
	return rc;
}

/* A records file others can read is made the adviser's alone; r->notice says so. */
static void make_private(struct records *r, mode_t mode)
{
	int fd;

	if (!(mode & 077))
		return;
	fd = open(r->open_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0 && fchmod(fd, 0600) == 0)
		snprintf(r->notice, sizeof(r->notice), "%s could be read by other users (mode %04o): "
			 "it is now for only you (mode 0600)", r->path, (unsigned)(mode & 07777));
	else
		snprintf(r->notice, sizeof(r->notice), "%s can be read by other users (mode %04o) "
			 "and could not be made private: %s", r->path, (unsigned)(mode & 07777),
			 strerror(errno));
	if (fd >= 0)
		close(fd);
}

enum status records_open(const char *path, int create, struct records **out, char *err,
			 size_t errlen)
{
	struct records *r;
	struct stat st;
	int fresh = 0, made = 0, exists, magic;
	char *open_path;
	enum status rc;

	*out = NULL;
	if (!path || !*path) {
		snprintf(err, errlen, "no records file was named");
		return STATUS_IO;
	}
	exists = lstat(path, &st) == 0;
	if (!exists && errno != ENOENT) {
		snprintf(err, errlen, "cannot open the records file %s: %s", path, strerror(errno));
		return STATUS_IO;
	}
	if (exists && S_ISLNK(st.st_mode)) {
		snprintf(err, errlen, "cannot open the records file %s: it is a symbolic link, and the "
			 "records file must be a file of its own (a link is not followed, so no one "
			 "can point the records elsewhere)", path);
		return STATUS_IO;
	}
	if (!exists || (S_ISREG(st.st_mode) && st.st_size == 0)) {
		if (!create) {
			snprintf(err, errlen, exists ? "%s is empty: no sessions have been saved" :
				 "%s does not exist yet", path);
			return STATUS_NOT_FOUND;
		}
		if ((rc = make_folders(path, err, errlen)) != STATUS_OK ||
		    (rc = make_file(path, &made, err, errlen)) != STATUS_OK)
			return rc;
		fresh = 1;
	} else if (!S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s is not a careers records file (not a regular file)",
			 path);
		return STATUS_FORMAT;
	} else if ((magic = sqlite_magic(path)) <= 0) {
		snprintf(err, errlen, magic < 0 ? "cannot read the records file %s: %s" :
			 "%s is not a careers records file%s", path,
			 magic < 0 ? strerror(errno) : "");
		return magic < 0 ? STATUS_IO : STATUS_FORMAT;
	}
	if (!(open_path = resolve_folder(path, err, errlen))) {
		if (made)
			unlink(path);
		return STATUS_IO;
	}
	r = records_new(path, open_path);
	free(open_path);
	rc = connect_file(r, fresh);
	if (rc) {
		snprintf(err, errlen, "%s", r->errmsg);
		records_close(r);
		if (made)
			unlink(path);
		return rc;
	}
	if (!fresh)
		make_private(r, st.st_mode);
	*out = r;
	return STATUS_OK;
}

/* --- listing and deleting ---------------------------------------------------------- */

enum status records_list(struct records *r,
			 int (*fn)(void *ctx, const struct records_summary *s), void *ctx)
{
	sqlite3_stmt *st = records_stmt(r, STMT_LIST);
	struct records_summary sum;
	enum status rc = STATUS_OK;
	int step;

	r->errmsg[0] = '\0';
	if (!st)
		return records_db_fail(r, "listing the sessions");
	records_bind_text(st, 1, advice_status_word(ACTION_TODO));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&sum, 0, sizeof(sum));
		sum.id = sqlite3_column_int64(st, 0);
		if (!records_column_copy(st, 1, sum.pupil, sizeof(sum.pupil)) ||
		    !records_column_copy(st, 2, sum.created, sizeof(sum.created)) ||
		    !records_column_copy(st, 3, sum.updated, sizeof(sum.updated))) {
			rc = records_fail(r, STATUS_CORRUPT, "%s: session %lld is damaged", r->path,
				  sum.id);
			break;
		}
		sum.items = sqlite3_column_int(st, 4);
		sum.notes = sqlite3_column_int(st, 5);
		sum.open_actions = sqlite3_column_int(st, 6);
		if (fn(ctx, &sum))
			break;
	}
	if (!rc && step != SQLITE_ROW && step != SQLITE_DONE)
		rc = records_db_fail(r, "listing the sessions");
	sqlite3_reset(st);
	return rc;
}

/* Rebuild the file after a delete, so no free page keeps the deleted text. */
static enum status compact(struct records *r, const char *what)
{
	enum status rc = records_run(r, STMT_VACUUM, "compacting the file");

	if (rc)
		records_fail(r, rc, "%s, but %s could not be compacted afterwards (%s); its rows were "
			    "overwritten all the same", what, r->path, sqlite3_errmsg(r->db));
	return rc;
}

enum status records_delete(struct records *r, long long id)
{
	sqlite3_stmt *st = records_stmt(r, STMT_DELETE);
	char what[64];
	enum status rc;

	r->errmsg[0] = '\0';
	if (st)
		sqlite3_bind_int64(st, 1, id);
	if ((rc = records_finish(r, st, "deleting the session")) != STATUS_OK)
		return rc;
	if (sqlite3_changes(r->db) == 0)
		return records_fail(r, STATUS_NOT_FOUND, "there is no session %lld in %s", id, r->path);
	snprintf(what, sizeof(what), "session %lld was deleted", id);
	return compact(r, what);
}

enum status records_purge(struct records *r, int older_than_days, struct civil_date today,
			  int *deleted)
{
	sqlite3_stmt *st;
	char iso[11], what[64];
	struct civil_date check;
	enum status rc;
	int n;

	r->errmsg[0] = '\0';
	if (deleted)
		*deleted = 0;
	if (older_than_days < 0)
		return records_fail(r, STATUS_INVALID, "cannot purge sessions older than %d days",
			    older_than_days);
	date_iso(today, iso);
	if (!date_parse(iso, &check) || date_compare(check, today) != 0)
		return records_fail(r, STATUS_INVALID, "cannot purge: today is not a real date");
	if (older_than_days > RECORDS_PURGE_DAYS_MAX)
		return STATUS_OK;	/* nothing is that old; and the date sum would overflow */
	date_iso(date_add_days(today, -(long)older_than_days), iso);
	if ((st = records_stmt(r, STMT_PURGE)) != NULL)
		records_bind_text(st, 1, iso);
	if ((rc = records_finish(r, st, "purging old sessions")) != STATUS_OK)
		return rc;
	n = sqlite3_changes(r->db);
	if (deleted)
		*deleted = n;
	if (n == 0)
		return STATUS_OK;
	snprintf(what, sizeof(what), "%d sessions were deleted", n);
	return compact(r, what);
}

enum status records_find_code(struct records *r, const char *code, long long *id)
{
	sqlite3_stmt *st;
	enum status rc = STATUS_OK;
	int step;

	r->errmsg[0] = '\0';
	*id = 0;
	if (!code[0])
		return STATUS_NOT_FOUND;
	if (!(st = records_stmt(r, STMT_FIND_CODE)))
		return records_db_fail(r, "looking for the code");
	records_bind_text(st, 1, code);
	step = sqlite3_step(st);
	if (step == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	else if (step == SQLITE_DONE)
		rc = STATUS_NOT_FOUND;
	else
		rc = records_db_fail(r, "looking for the code");
	sqlite3_reset(st);
	return rc;
}
