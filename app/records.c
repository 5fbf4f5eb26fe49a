/*
 * records.c - save, load, list and delete adviser sessions in the records file.
 *
 * Design notes.
 *
 * Every SQL statement of this file is in the STMT_INFO table below,
 * prepared once on first use, then reset and rebound; values are always
 * bound, never spliced. The one exception is data/records.sql, run once
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

extern const char records_schema_sql[];

/* More days than any session can be old (200 years). */
#define RECORDS_PURGE_DAYS_MAX 73000

#define SESSION_COLUMNS \
	"data_fingerprint, school_year, age, today, interests, has_riasec, riasec_r, riasec_i, " \
	"riasec_a, riasec_s, riasec_e, riasec_c, place, place_is_full, radius, level, kinds, " \
	"text, excluded, show_not_for_age, sort, result_limit"
/* The parameters of SESSION_COLUMNS, in bind order (see bind_session). */
#define SESSION_PARAMS \
	"?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, " \
	"?21, ?22, ?23, ?24"

#define STMT_INFO(_) \
	_(FILE_KIND, \
	  "SELECT (SELECT application_id FROM pragma_application_id), " \
	  "(SELECT user_version FROM pragma_user_version), " \
	  "(SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name IN " \
	  "('session', 'shortlist_item', 'note', 'agreed_action'))") \
	_(QUICK_CHECK, "PRAGMA quick_check") \
	_(SECURE_DELETE, "PRAGMA secure_delete = ON") \
	_(FOREIGN_KEYS, "PRAGMA foreign_keys = ON") \
	_(JOURNAL_MODE, "PRAGMA journal_mode = DELETE") \
	_(SYNCHRONOUS, "PRAGMA synchronous = FULL") \
	_(TEMP_STORE, "PRAGMA temp_store = MEMORY") \
	_(BEGIN, "BEGIN IMMEDIATE") \
	_(BEGIN_READ, "BEGIN") \
	_(COMMIT, "COMMIT") \
	_(ROLLBACK, "ROLLBACK") \
	_(VACUUM, "VACUUM") \
	_(SESSION_INSERT, \
	  "INSERT INTO session(pupil, created, updated, " SESSION_COLUMNS ", version) " \
	  "VALUES (?1, ?2, ?2, " SESSION_PARAMS ", 1) RETURNING id, created, version") \
	_(SESSION_UPDATE, \
	  "UPDATE session SET (pupil, updated, " SESSION_COLUMNS ") = " \
	  "(?1, ?2, " SESSION_PARAMS "), version = version + 1 WHERE id = ?25 AND version = ?26 " \
	  "RETURNING id, created, version") \
	_(SESSION_VERSION, "SELECT version FROM session WHERE id = ?1") \
	_(UPGRADE_1, \
	  "ALTER TABLE session ADD COLUMN version INTEGER NOT NULL DEFAULT 1") \
	_(UPGRADE_1_DONE, "PRAGMA user_version = 2") \
	_(ITEMS_CLEAR, "DELETE FROM shortlist_item WHERE session_id = ?1") \
	_(NOTES_CLEAR, "DELETE FROM note WHERE session_id = ?1") \
	_(ACTIONS_CLEAR, "DELETE FROM agreed_action WHERE session_id = ?1") \
	_(ITEM_INSERT, \
	  "INSERT INTO shortlist_item(session_id, position, kind, option_id, title, compare) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
	_(NOTE_INSERT, \
	  "INSERT INTO note(session_id, position, written, text) VALUES (?1, ?2, ?3, ?4)") \
	_(ACTION_INSERT, \
	  "INSERT INTO agreed_action(session_id, position, text, owner, due, status) " \
	  "VALUES (?1, ?2, ?3, ?4, ?5, ?6)") \
	_(SESSION_GET, \
	  "SELECT pupil, created, updated, " SESSION_COLUMNS ", version FROM session WHERE id = ?1") \
	_(ITEMS_GET, \
	  "SELECT kind, option_id, title, compare FROM shortlist_item WHERE session_id = ?1 " \
	  "ORDER BY position") \
	_(NOTES_GET, "SELECT written, text FROM note WHERE session_id = ?1 ORDER BY position") \
	_(ACTIONS_GET, \
	  "SELECT text, owner, due, status FROM agreed_action WHERE session_id = ?1 " \
	  "ORDER BY position") \
	_(LIST, \
	  "SELECT s.id, s.pupil, s.created, s.updated, " \
	  "(SELECT count(*) FROM shortlist_item WHERE session_id = s.id), " \
	  "(SELECT count(*) FROM note WHERE session_id = s.id), " \
	  "(SELECT count(*) FROM agreed_action WHERE session_id = s.id AND status = ?1) " \
	  "FROM session s ORDER BY s.updated DESC, s.id DESC") \
	_(DELETE, "DELETE FROM session WHERE id = ?1") \
	_(PURGE, "DELETE FROM session WHERE substr(updated, 1, 10) < ?1")

enum stmt_id {
#define STMT_ENUM(id, sql) STMT_##id,
	STMT_INFO(STMT_ENUM)
#undef STMT_ENUM
	STMT_COUNT
};

static const char *const stmt_sql[] = {
#define STMT_SQL(id, sql) sql,
	STMT_INFO(STMT_SQL)
#undef STMT_SQL
};

/* How many sorts there are (match.h lists them). */
enum {
	SORT_COUNT = 0
#define SORT_ONE(id, name) + 1
	SORT_INFO(SORT_ONE)
#undef SORT_ONE
};

struct records {
	sqlite3 *db;
	char *path;			/* as given: what messages say */
	char *open_path;		/* in the resolved folder: what SQLite opens */
	sqlite3_stmt *stmt[STMT_COUNT];
	char errmsg[512];
	char notice[300];
	int file_version;		/* user_version when it was opened */
};

/* --- small helpers ----------------------------------------------------------- */

static enum status fail(struct records *r, enum status rc, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static enum status fail(struct records *r, enum status rc, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(r->errmsg, sizeof(r->errmsg), fmt, ap);
	va_end(ap);
	return rc;
}

/* The status for SQLite's last error on r, with "doing: what SQLite said". */
static enum status db_fail(struct records *r, const char *doing)
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
	return fail(r, rc, "%s: %s: %s", r->path, doing, sqlite3_errmsg(r->db));
}

/* The statement, reset and cleared; NULL (with sqlite3_errmsg set) if it cannot be prepared. */
static sqlite3_stmt *stmt(struct records *r, enum stmt_id id)
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
static enum status finish(struct records *r, sqlite3_stmt *st, const char *doing)
{
	int rc;

	if (!st)
		return db_fail(r, doing);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE) {
		enum status s = db_fail(r, doing);

		sqlite3_reset(st);
		return s;
	}
	sqlite3_reset(st);
	return STATUS_OK;
}

static enum status run(struct records *r, enum stmt_id id, const char *doing)
{
	return finish(r, stmt(r, id), doing);
}

static void rollback(struct records *r)
{
	if (!sqlite3_get_autocommit(r->db))
		run(r, STMT_ROLLBACK, "rolling back");
}

static void bind_text(sqlite3_stmt *st, int i, const char *v)
{
	sqlite3_bind_text(st, i, v, -1, SQLITE_STATIC);
}

/* NaN is stored as NULL (SQLite would do that anyway) and read back as NaN. */
static void bind_real(sqlite3_stmt *st, int i, double v)
{
	if (isnan(v))
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_double(st, i, v);
}

static double column_real(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NAN : sqlite3_column_double(st, i);
}

/* Copy text column i into out[size]; 0 if it does not fit (or is not text). */
static int column_copy(sqlite3_stmt *st, int i, char *out, size_t size)
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
static void local_now(char out[20])
{
	time_t t = time(NULL);
	struct tm tm;

	memset(out, 0, 20);
	if (!localtime_r(&t, &tm) || strftime(out, 20, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(out, 20, "1970-01-01 00:00");
}

/* Is s NUL-terminated within size bytes? */
static int terminated(const char *s, size_t size)
{
	return memchr(s, '\0', size) != NULL;
}

static int is_real_date(const char *iso)
{
	struct civil_date d;

	return strlen(iso) == 10 && date_parse(iso, &d);
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
	enum status rc = run(r, STMT_BEGIN, "creating the records file");

	if (rc)
		return rc;
	if (sqlite3_exec(r->db, records_schema_sql, NULL, NULL, &msg) != SQLITE_OK) {
		rc = fail(r, STATUS_DB, "%s: creating the tables: %s", r->path,
			  msg ? msg : sqlite3_errmsg(r->db));
		sqlite3_free(msg);
		rollback(r);
		return rc;
	}
	return run(r, STMT_COMMIT, "creating the records file");
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
	sqlite3_stmt *st = stmt(r, STMT_FILE_KIND);
	long long app_id, version, tables;
	char problem[256] = "";
	enum status rc;
	int step;

	if (!st || (step = sqlite3_step(st)) != SQLITE_ROW) {
		rc = db_fail(r, "reading the file");
		if (st)
			sqlite3_reset(st);
		if (rc == STATUS_FORMAT)
			return fail(r, rc, "%s is not a careers records file", r->path);
		if (rc == STATUS_CORRUPT)
			return fail(r, rc, "%s is damaged (%s)", r->path, sqlite3_errmsg(r->db));
		return rc;
	}
	app_id = sqlite3_column_int64(st, 0);
	version = sqlite3_column_int64(st, 1);
	tables = sqlite3_column_int64(st, 2);
	sqlite3_reset(st);
	if (app_id != RECORDS_APPLICATION_ID)
		return fail(r, STATUS_FORMAT, "%s is not a careers records file%s", r->path,
			    tables ? "" : " (it may be a data store or another program's file)");
	if (version > RECORDS_VERSION)
		return fail(r, STATUS_VERSION,
			    "%s was written by a newer version of careers (records version %lld; "
			    "this program reads up to version %d); it was not changed",
			    r->path, version, RECORDS_VERSION);
	r->file_version = (int)version;
	if (version < 1 || tables != 4)
		return fail(r, STATUS_CORRUPT,
			    "%s is damaged: it is marked as a careers records file but its tables "
			    "are not all there", r->path);

	st = stmt(r, STMT_QUICK_CHECK);
	if (!st)
		return db_fail(r, "checking the file");
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		const char *result = (const char *)sqlite3_column_text(st, 0);

		snprintf(problem, sizeof(problem), "%s", result ? result : "no result");
	}
	rc = step == SQLITE_ROW ? STATUS_OK : db_fail(r, "checking the file");
	sqlite3_reset(st);
	if (rc == STATUS_CORRUPT || (rc == STATUS_OK && strcmp(problem, "ok") != 0))
		return fail(r, STATUS_CORRUPT,
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
		rc = run(r, settings[i], "setting up the connection");
	return rc;
}

/* A version 1 file (checked and sound) gets session.version, in one transaction. */
static enum status upgrade(struct records *r)
{
	enum status rc;

	if (r->file_version != 1)
		return STATUS_OK;
	rc = run(r, STMT_BEGIN, "bringing the file up to date");
	if (!rc)
		rc = run(r, STMT_UPGRADE_1, "bringing the file up to date");
	if (!rc)
		rc = run(r, STMT_UPGRADE_1_DONE, "bringing the file up to date");
	if (!rc)
		rc = run(r, STMT_COMMIT, "bringing the file up to date");
	if (rc)
		rollback(r);
	return rc;
}

/* Open path (known to exist now) and check it; *fresh: lay out the schema first. */
static enum status connect_file(struct records *r, int fresh)
{
	enum status rc;

	if (sqlite3_open_v2(r->open_path, &r->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW,
			    records_vfs()) != SQLITE_OK)
		return fail(r, STATUS_IO, "cannot open the records file %s: %s", r->path,
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

/* --- saving ------------------------------------------------------------------------ */

/* Why a cannot be saved, in why; 0 if it can. */
static int invalid(const struct advice *a, char *why, size_t whylen)
{
	const struct match_profile *p = &a->profile;
	const unsigned char *c;
	char today[11];
	struct civil_date d;
	int i;

#define BAD(...) return snprintf(why, whylen, __VA_ARGS__), 1
	if (!terminated(a->pupil, sizeof(a->pupil)) || !a->pupil[0])
		BAD("the session needs the pupil's initials or school reference");
	for (c = (const unsigned char *)a->pupil; *c; c++)
		if (*c < 0x20 || *c == 0x7f)
			BAD("the pupil's reference has a control character in it");
	if (a->item_count < 0 || a->item_count > ADVICE_ITEMS_MAX)
		BAD("item_count %d is not 0 to %d", a->item_count, ADVICE_ITEMS_MAX);
	if (a->note_count < 0 || a->note_count > ADVICE_NOTES_MAX)
		BAD("note_count %d is not 0 to %d", a->note_count, ADVICE_NOTES_MAX);
	if (a->action_count < 0 || a->action_count > ADVICE_ACTIONS_MAX)
		BAD("action_count %d is not 0 to %d", a->action_count, ADVICE_ACTIONS_MAX);
	if (p->interest_count < 0 || p->interest_count > MATCH_MAX_INTERESTS)
		BAD("interest_count %d is not 0 to %d", p->interest_count, MATCH_MAX_INTERESTS);
	if (p->excluded_count < 0 || p->excluded_count > MATCH_MAX_EXCLUDED)
		BAD("excluded_count %d is not 0 to %d", p->excluded_count, MATCH_MAX_EXCLUDED);
	if (!terminated(p->place, sizeof(p->place)) || !terminated(p->text, sizeof(p->text)))
		BAD("the profile's place or text is not terminated");
	if ((unsigned)p->sort >= (unsigned)SORT_COUNT)
		BAD("sort %d is not known", (int)p->sort);
	date_iso(p->today, today);
	if (p->today.year && !(date_parse(today, &d) && date_compare(d, p->today) == 0))
		BAD("the profile's date is not a real date");
	for (i = 0; i < p->excluded_count; i++)
		if ((unsigned)p->excluded[i].kind >= OPTION_KIND_COUNT)
			BAD("excluded option %d has kind %d", i + 1, (int)p->excluded[i].kind);
	for (i = 0; i < a->item_count; i++)
		if ((unsigned)a->items[i].kind >= OPTION_KIND_COUNT ||
		    !terminated(a->items[i].title, sizeof(a->items[i].title)))
			BAD("shortlist item %d has a bad kind or title", i + 1);
	for (i = 0; i < a->note_count; i++)
		if (!terminated(a->notes[i].text, sizeof(a->notes[i].text)) ||
		    !terminated(a->notes[i].written, sizeof(a->notes[i].written)))
			BAD("note %d is not terminated", i + 1);
	for (i = 0; i < a->action_count; i++) {
		const struct advice_action *act = &a->actions[i];

		if (!terminated(act->text, sizeof(act->text)) ||
		    !terminated(act->due, sizeof(act->due)))
			BAD("action %d is not terminated", i + 1);
		if (act->due[0] && !is_real_date(act->due))
			BAD("action %d is due on \"%s\", not a YYYY-MM-DD date", i + 1, act->due);
		if (advice_owner_parse(advice_owner_word(act->owner)) != (int)act->owner ||
		    advice_status_parse(advice_status_word(act->status)) != (int)act->status)
			BAD("action %d has an unknown owner or status", i + 1);
	}
#undef BAD
	return 0;
}

/* "3 7 12" */
static void interests_text(const struct match_profile *p, struct strbuf *out)
{
	int i;

	for (i = 0; i < p->interest_count; i++)
		strbuf_printf(out, "%s%lld", i ? " " : "", p->interests[i]);
}

/* "course:17 vacancy:5" */
static void excluded_text(const struct match_profile *p, struct strbuf *out)
{
	int i;

	for (i = 0; i < p->excluded_count; i++)
		strbuf_printf(out, "%s%s:%lld", i ? " " : "", match_kind_name(p->excluded[i].kind),
			      p->excluded[i].id);
}

/* Bind ?1 pupil, ?2 now and ?3-?24 the profile (SESSION_COLUMNS order). */
static void bind_session(sqlite3_stmt *st, const struct advice *a, const char *now,
			 const char *today, const struct strbuf *interests,
			 const struct strbuf *excluded)
{
	const struct match_profile *p = &a->profile;
	int i;

	bind_text(st, 1, a->pupil);
	bind_text(st, 2, now);
	sqlite3_bind_int64(st, 3, a->data_fingerprint);
	sqlite3_bind_int(st, 4, p->school_year);
	sqlite3_bind_int(st, 5, p->age);
	if (today)
		bind_text(st, 6, today);
	bind_text(st, 7, interests->buf);
	sqlite3_bind_int(st, 8, p->has_riasec);
	for (i = 0; i < 6; i++)
		bind_real(st, 9 + i, p->riasec[i]);
	bind_text(st, 15, p->place);
	sqlite3_bind_int(st, 16, p->place_is_full);
	bind_real(st, 17, p->radius);
	bind_real(st, 18, p->level);
	sqlite3_bind_int64(st, 19, p->kinds);
	bind_text(st, 20, p->text);
	bind_text(st, 21, excluded->buf);
	sqlite3_bind_int(st, 22, p->show_not_for_age);
	bind_text(st, 23, match_sort_name(p->sort));
	sqlite3_bind_int(st, 24, p->limit);
}

/* Is session id in the file? 1 yes, 0 no, -1 on an error (message set). */
static int session_exists(struct records *r, long long id)
{
	sqlite3_stmt *st = stmt(r, STMT_SESSION_VERSION);
	int step;

	if (!st) {
		db_fail(r, "saving the session");
		return -1;
	}
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step != SQLITE_ROW && step != SQLITE_DONE)
		db_fail(r, "saving the session");
	sqlite3_reset(st);
	return step == SQLITE_ROW ? 1 : step == SQLITE_DONE ? 0 : -1;
}

/*
 * Insert or update the session row; *id, created[20] and *version from
 * RETURNING. STATUS_CONFLICT (no message) when the session was saved by
 * someone else since a->version.
 */
static enum status write_session(struct records *r, const struct advice *a, const char *now,
				 long long *id, char created[20], long long *version)
{
	sqlite3_stmt *st = stmt(r, a->id ? STMT_SESSION_UPDATE : STMT_SESSION_INSERT);
	struct strbuf interests, excluded;
	char today[11];
	enum status rc = STATUS_OK;
	int step;

	if (!st)
		return db_fail(r, "saving the session");
	strbuf_init(&interests);
	strbuf_init(&excluded);
	interests_text(&a->profile, &interests);
	excluded_text(&a->profile, &excluded);
	date_iso(a->profile.today, today);
	bind_session(st, a, now, a->profile.today.year ? today : NULL, &interests, &excluded);
	if (a->id) {
		sqlite3_bind_int64(st, 25, a->id);
		sqlite3_bind_int64(st, 26, a->version);
	}
	step = sqlite3_step(st);
	if (step == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		if (!column_copy(st, 1, created, 20))
			snprintf(created, 20, "%s", now);
		*version = sqlite3_column_int64(st, 2);
	} else if (step != SQLITE_DONE) {
		rc = db_fail(r, "saving the session");
	}
	sqlite3_reset(st);
	if (step == SQLITE_DONE) {
		int there = session_exists(r, a->id);

		rc = there > 0 ? STATUS_CONFLICT : there < 0 ? STATUS_DB :
		     fail(r, STATUS_NOT_FOUND,
			  "session %lld is no longer in %s (it was deleted); it was not saved",
			  a->id, r->path);
	}
	strbuf_done(&interests);
	strbuf_done(&excluded);
	return rc;
}

static enum status clear_children(struct records *r, long long id)
{
	static const enum stmt_id clears[] = { STMT_ITEMS_CLEAR, STMT_NOTES_CLEAR,
					       STMT_ACTIONS_CLEAR };
	enum status rc = STATUS_OK;
	size_t i;

	for (i = 0; i < sizeof(clears) / sizeof(clears[0]) && !rc; i++) {
		sqlite3_stmt *st = stmt(r, clears[i]);

		if (st)
			sqlite3_bind_int64(st, 1, id);
		rc = finish(r, st, "replacing the session");
	}
	return rc;
}

static enum status write_children(struct records *r, const struct advice *a, long long id,
				  const char *now)
{
	enum status rc = STATUS_OK;
	sqlite3_stmt *st;
	int i;

	for (i = 0; i < a->item_count && !rc; i++) {
		if ((st = stmt(r, STMT_ITEM_INSERT)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, i);
			bind_text(st, 3, match_kind_name(a->items[i].kind));
			sqlite3_bind_int64(st, 4, a->items[i].id);
			bind_text(st, 5, a->items[i].title);
			sqlite3_bind_int(st, 6, a->items[i].compare);
		}
		rc = finish(r, st, "saving the shortlist");
	}
	for (i = 0; i < a->note_count && !rc; i++) {
		if ((st = stmt(r, STMT_NOTE_INSERT)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, i);
			bind_text(st, 3, a->notes[i].written[0] ? a->notes[i].written : now);
			bind_text(st, 4, a->notes[i].text);
		}
		rc = finish(r, st, "saving the notes");
	}
	for (i = 0; i < a->action_count && !rc; i++) {
		if ((st = stmt(r, STMT_ACTION_INSERT)) != NULL) {
			sqlite3_bind_int64(st, 1, id);
			sqlite3_bind_int(st, 2, i);
			bind_text(st, 3, a->actions[i].text);
			bind_text(st, 4, advice_owner_word(a->actions[i].owner));
			bind_text(st, 5, a->actions[i].due);
			bind_text(st, 6, advice_status_word(a->actions[i].status));
		}
		rc = finish(r, st, "saving the actions");
	}
	return rc;
}

static enum status load_rows(struct records *r, long long id, struct advice *a);

enum status records_save(struct records *r, struct advice *a)
{
	char now[20] = "", created[20] = "", why[200];
	struct advice *merged = NULL;
	const struct advice *saving = a;
	long long id = 0, version = 0;
	enum status rc;
	int i;

	r->errmsg[0] = '\0';
	r->notice[0] = '\0';
	if (invalid(a, why, sizeof(why)))
		return fail(r, STATUS_INVALID, "cannot save the session: %s", why);
	local_now(now);
	rc = run(r, STMT_BEGIN, "starting to save the session");
	if (!rc)
		rc = write_session(r, a, now, &id, created, &version);
	if (rc == STATUS_CONFLICT) {
		/* Saved by another window since a was loaded: merge, in this same transaction. */
		merged = xcalloc(1, sizeof(*merged));
		rc = load_rows(r, a->id, merged);
		if (!rc && !advice_merge(merged, a, why, sizeof(why)))
			rc = fail(r, STATUS_CONFLICT, "another window saved session %lld in %s at the "
				  "same time, and %s; nothing was saved: copy what you wrote, then open "
				  "the session again", a->id, r->path, why);
		saving = merged;
		if (!rc)
			rc = write_session(r, merged, now, &id, created, &version);
	}
	if (!rc && saving->id)
		rc = clear_children(r, id);
	if (!rc)
		rc = write_children(r, saving, id, now);
	if (!rc)
		rc = run(r, STMT_COMMIT, "saving the session");
	if (rc) {
		rollback(r);
		free(merged);
		return rc;
	}
	if (merged) {
		*a = *merged;
		snprintf(r->notice, sizeof(r->notice), "another window saved this session at the "
			 "same time: its notes and actions were kept with yours (anything deleted in "
			 "one window may be back)");
		free(merged);
	}
	a->id = id;
	a->version = version;
	memcpy(a->created, created, sizeof(a->created));
	memcpy(a->updated, now, sizeof(a->updated));
	for (i = 0; i < a->note_count; i++)
		if (!a->notes[i].written[0])
			memcpy(a->notes[i].written, now, sizeof(a->notes[i].written));
	return STATUS_OK;
}

/* --- loading ------------------------------------------------------------------------ */

static int parse_interests(const char *text, struct match_profile *p)
{
	char *end;

	p->interest_count = 0;
	while (*text) {
		long long v;

		errno = 0;
		v = strtoll(text, &end, 10);
		if (end == text || errno || (*end && *end != ' ') ||
		    p->interest_count == MATCH_MAX_INTERESTS)
			return 0;
		p->interests[p->interest_count++] = v;
		text = *end ? end + 1 : end;
	}
	return 1;
}

static int parse_excluded(const char *text, struct match_profile *p)
{
	char kind[32], *end;

	p->excluded_count = 0;
	while (*text) {
		size_t n = strcspn(text, ":");
		int k;

		if (n >= sizeof(kind) || text[n] != ':' || p->excluded_count == MATCH_MAX_EXCLUDED)
			return 0;
		memcpy(kind, text, n);
		kind[n] = '\0';
		if ((k = match_kind_parse(kind)) < 0)
			return 0;
		text += n + 1;
		errno = 0;
		p->excluded[p->excluded_count].kind = (enum option_kind)k;
		p->excluded[p->excluded_count++].id = strtoll(text, &end, 10);
		if (end == text || errno || (*end && *end != ' '))
			return 0;
		text = *end ? end + 1 : end;
	}
	return 1;
}

/* Fill a from SESSION_GET's row; 0 (and the column's name in *bad) if something is wrong. */
static int read_session(sqlite3_stmt *st, struct advice *a, const char **bad)
{
	struct match_profile *p = &a->profile;
	const char *text;
	int i, sort;

#define NEED(cond, what) do { if (!(cond)) { *bad = what; return 0; } } while (0)
	NEED(column_copy(st, 0, a->pupil, sizeof(a->pupil)), "pupil");
	NEED(column_copy(st, 1, a->created, sizeof(a->created)), "created");
	NEED(column_copy(st, 2, a->updated, sizeof(a->updated)), "updated");
	a->data_fingerprint = (unsigned)sqlite3_column_int64(st, 3);
	p->school_year = sqlite3_column_int(st, 4);
	p->age = sqlite3_column_int(st, 5);
	text = (const char *)sqlite3_column_text(st, 6);
	memset(&p->today, 0, sizeof(p->today));
	NEED(!text || date_parse(text, &p->today), "today");
	NEED(parse_interests((const char *)sqlite3_column_text(st, 7), p), "interests");
	p->has_riasec = sqlite3_column_int(st, 8);
	for (i = 0; i < 6; i++)
		p->riasec[i] = column_real(st, 9 + i);
	NEED(column_copy(st, 15, p->place, sizeof(p->place)), "place");
	p->place_is_full = sqlite3_column_int(st, 16);
	p->radius = column_real(st, 17);
	p->level = column_real(st, 18);
	p->kinds = (unsigned)sqlite3_column_int64(st, 19);
	NEED(column_copy(st, 20, p->text, sizeof(p->text)), "text");
	NEED(parse_excluded((const char *)sqlite3_column_text(st, 21), p), "excluded");
	p->show_not_for_age = sqlite3_column_int(st, 22);
	text = (const char *)sqlite3_column_text(st, 23);
	NEED(text && (sort = match_sort_parse(text)) >= 0, "sort");
	p->sort = (enum match_sort)sort;
	p->limit = sqlite3_column_int(st, 24);
	a->version = sqlite3_column_int64(st, 25);
	return 1;
}

static int read_item(sqlite3_stmt *st, struct advice_item *item)
{
	const char *kind = (const char *)sqlite3_column_text(st, 0);
	int k = kind ? match_kind_parse(kind) : -1;

	item->kind = (enum option_kind)k;
	item->id = sqlite3_column_int64(st, 1);
	item->compare = sqlite3_column_int(st, 3);
	return k >= 0 && column_copy(st, 2, item->title, sizeof(item->title));
}

static int read_note(sqlite3_stmt *st, struct advice_note *note)
{
	return column_copy(st, 0, note->written, sizeof(note->written)) &&
	       column_copy(st, 1, note->text, sizeof(note->text));
}

static int read_action(sqlite3_stmt *st, struct advice_action *act)
{
	const char *owner = (const char *)sqlite3_column_text(st, 1);
	const char *status = (const char *)sqlite3_column_text(st, 3);
	int o = owner ? advice_owner_parse(owner) : -1;
	int s = status ? advice_status_parse(status) : -1;

	act->owner = (enum action_owner)o;
	act->status = (enum action_status)s;
	return o >= 0 && s >= 0 && column_copy(st, 0, act->text, sizeof(act->text)) &&
	       column_copy(st, 2, act->due, sizeof(act->due));
}

/* Read the child rows of one kind; CORRUPT when there are more than max or one is bad. */
static enum status read_children(struct records *r, enum stmt_id id, long long session,
				 struct advice *a, int max, int *count, const char *what)
{
	sqlite3_stmt *st = stmt(r, id);
	enum status rc = STATUS_OK;
	int step = SQLITE_DONE, ok = 1;

	*count = 0;
	if (!st)
		return db_fail(r, "loading the session");
	sqlite3_bind_int64(st, 1, session);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		if (*count == max)
			rc = fail(r, STATUS_CORRUPT, "%s: session %lld has more than %d %s",
				  r->path, session, max, what);
		else if (id == STMT_ITEMS_GET)
			ok = read_item(st, &a->items[*count]);
		else if (id == STMT_NOTES_GET)
			ok = read_note(st, &a->notes[*count]);
		else
			ok = read_action(st, &a->actions[*count]);
		if (!rc && !ok)
			rc = fail(r, STATUS_CORRUPT,
				  "%s: session %lld has a damaged entry in its %s", r->path,
				  session, what);
		(*count)++;
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_fail(r, "loading the session");
	sqlite3_reset(st);
	return rc;
}

/* Read session id into a, inside a transaction the caller holds. */
static enum status load_rows(struct records *r, long long id, struct advice *a)
{
	sqlite3_stmt *st;
	const char *bad = NULL;
	enum status rc = STATUS_OK;
	int step;

	advice_init(a);
	if (!(st = stmt(r, STMT_SESSION_GET)))
		return db_fail(r, "loading the session");
	sqlite3_bind_int64(st, 1, id);
	step = sqlite3_step(st);
	if (step == SQLITE_DONE)
		rc = fail(r, STATUS_NOT_FOUND, "there is no session %lld in %s", id, r->path);
	else if (step != SQLITE_ROW)
		rc = db_fail(r, "loading the session");
	else if (!read_session(st, a, &bad))
		rc = fail(r, STATUS_CORRUPT, "%s: session %lld has a damaged %s", r->path, id, bad);
	sqlite3_reset(st);
	a->id = id;
	if (!rc)
		rc = read_children(r, STMT_ITEMS_GET, id, a, ADVICE_ITEMS_MAX, &a->item_count,
				   "shortlist");
	if (!rc)
		rc = read_children(r, STMT_NOTES_GET, id, a, ADVICE_NOTES_MAX, &a->note_count,
				   "notes");
	if (!rc)
		rc = read_children(r, STMT_ACTIONS_GET, id, a, ADVICE_ACTIONS_MAX,
				   &a->action_count, "actions");
	if (rc)
		advice_init(a);
	return rc;
}

enum status records_load(struct records *r, long long id, struct advice *a)
{
	enum status rc;

	r->errmsg[0] = '\0';
	advice_init(a);
	/* One read transaction, so the rows come from one save. */
	if ((rc = run(r, STMT_BEGIN_READ, "loading the session")) != STATUS_OK)
		return rc;
	rc = load_rows(r, id, a);
	rollback(r);
	return rc;
}

/* --- listing and deleting ---------------------------------------------------------- */

enum status records_list(struct records *r,
			 int (*fn)(void *ctx, const struct records_summary *s), void *ctx)
{
	sqlite3_stmt *st = stmt(r, STMT_LIST);
	struct records_summary sum;
	enum status rc = STATUS_OK;
	int step;

	r->errmsg[0] = '\0';
	if (!st)
		return db_fail(r, "listing the sessions");
	bind_text(st, 1, advice_status_word(ACTION_TODO));
	while ((step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&sum, 0, sizeof(sum));
		sum.id = sqlite3_column_int64(st, 0);
		if (!column_copy(st, 1, sum.pupil, sizeof(sum.pupil)) ||
		    !column_copy(st, 2, sum.created, sizeof(sum.created)) ||
		    !column_copy(st, 3, sum.updated, sizeof(sum.updated))) {
			rc = fail(r, STATUS_CORRUPT, "%s: session %lld is damaged", r->path,
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
		rc = db_fail(r, "listing the sessions");
	sqlite3_reset(st);
	return rc;
}

/* Rebuild the file after a delete, so no free page keeps the deleted text. */
static enum status compact(struct records *r, const char *what)
{
	enum status rc = run(r, STMT_VACUUM, "compacting the file");

	if (rc)
		fail(r, rc, "%s, but %s could not be compacted afterwards (%s); its rows were "
			    "overwritten all the same", what, r->path, sqlite3_errmsg(r->db));
	return rc;
}

enum status records_delete(struct records *r, long long id)
{
	sqlite3_stmt *st = stmt(r, STMT_DELETE);
	char what[64];
	enum status rc;

	r->errmsg[0] = '\0';
	if (st)
		sqlite3_bind_int64(st, 1, id);
	if ((rc = finish(r, st, "deleting the session")) != STATUS_OK)
		return rc;
	if (sqlite3_changes(r->db) == 0)
		return fail(r, STATUS_NOT_FOUND, "there is no session %lld in %s", id, r->path);
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
		return fail(r, STATUS_INVALID, "cannot purge sessions older than %d days",
			    older_than_days);
	date_iso(today, iso);
	if (!date_parse(iso, &check) || date_compare(check, today) != 0)
		return fail(r, STATUS_INVALID, "cannot purge: today is not a real date");
	if (older_than_days > RECORDS_PURGE_DAYS_MAX)
		return STATUS_OK;	/* nothing is that old; and the date sum would overflow */
	date_iso(date_add_days(today, -(long)older_than_days), iso);
	if ((st = stmt(r, STMT_PURGE)) != NULL)
		bind_text(st, 1, iso);
	if ((rc = finish(r, st, "purging old sessions")) != STATUS_OK)
		return rc;
	n = sqlite3_changes(r->db);
	if (deleted)
		*deleted = n;
	if (n == 0)
		return STATUS_OK;
	snprintf(what, sizeof(what), "%d sessions were deleted", n);
	return compact(r, what);
}
