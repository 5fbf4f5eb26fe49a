/*
 * build.c - walk a folder, recognise files, import them, place the store.
 *
 * Design notes. The new store is written to "<out>.building-<pid>",
 * created with O_EXCL in the destination's own folder so the final
 * rename(2) is atomic. The file is synced before the rename and the folder
 * after it. A leftover temporary file from a build that was killed is
 * removed by the next build once its process is gone.
 *
 * SIGINT and SIGTERM during a build stop it at once, wherever it is (in
 * the middle of a file of millions of rows, or building indexes): the
 * handler removes the temporary file and its journal, says so and ends
 * the process, with only async-signal-safe calls (unlink, write, _exit).
 * The store in place was never touched. Once the new store is being
 * renamed into place the signal only sets a flag and the build finishes.
 */
#include "build.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <libgen.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bundle.h"
#include "dataset.h"
#include "import.h"
#include "mem.h"
#include "origin.h"
#include "pack.h"
#include "store.h"
#include "textfile.h"
#include "store_gtfs.h"
#include "transit_save.h"

static volatile sig_atomic_t interrupted, placing;
/*
 * The temporary store, the files SQLite keeps beside it and the option
 * index's copy, removed by on_signal().
 */
static char temporary[4][4096];

static void on_signal(int sig)
{
	static const char said[] = "careers: build interrupted; the store was not changed\n";
	size_t i;

	(void)sig;
	interrupted = 1;
	if (placing)
		return;
	for (i = 0; i < sizeof(temporary) / sizeof(temporary[0]); i++)
		if (temporary[i][0])
			unlink(temporary[i]);
	if (write(STDERR_FILENO, said, sizeof(said) - 1) < 0) {
		/* nothing more can be said */
	}
	_exit(1);
}

static void note_temporary(const char *tmp)
{
	static const char *const suffix[] = { "", "-journal", "-wal", "-index" };
	size_t i;

	for (i = 0; i < sizeof(temporary) / sizeof(temporary[0]); i++)
		if ((size_t)snprintf(temporary[i], sizeof(temporary[i]), "%s%s", tmp, suffix[i]) >=
		    sizeof(temporary[i]))
			temporary[i][0] = '\0';
}

/* --- files found by the walk ------------------------------------------------ */

struct file_list {
	char **paths;
	size_t count, alloc;
};

static void list_add(struct file_list *l, char *path)
{
	if (l->count == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 64;
		l->paths = xrealloc(l->paths, l->alloc * sizeof(*l->paths));
	}
	l->paths[l->count++] = path;
}

static void list_free(struct file_list *l)
{
	size_t i;

	for (i = 0; i < l->count; i++)
		free(l->paths[i]);
	free(l->paths);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every regular file under dir, in sorted order, skipping hidden names. */
static enum status walk(const char *dir, struct file_list *files, FILE *err, int depth)
{
	struct file_list names = { 0 };
	struct dirent *entry;
	DIR *d;
	size_t i;
	enum status rc = STATUS_OK;

	if (depth > 32) {
		fprintf(err, "careers: %s: folders nested too deeply; not going further\n", dir);
		return STATUS_OK;
	}
	d = opendir(dir);
	if (!d) {
		fprintf(err, "careers: cannot read the folder %s: %s\n", dir, strerror(errno));
		return STATUS_IO;
	}
	while ((entry = readdir(d)) != NULL)
		if (entry->d_name[0] != '.')
			list_add(&names, xstrdup(entry->d_name));
	closedir(d);
	if (names.count > 1)
		qsort(names.paths, names.count, sizeof(*names.paths), compare_names);
	for (i = 0; i < names.count && rc == STATUS_OK; i++) {
		char *path = xasprintf("%s%s%s", dir, dir[strlen(dir) - 1] == '/' ? "" : "/",
				       names.paths[i]);
		struct stat st, lst;

		if (stat(path, &st) != 0) {
			fprintf(err, "careers: %s: %s\n", path, strerror(errno));
			free(path);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			/* Do not follow links to folders: they can loop. */
			if (lstat(path, &lst) == 0 && !S_ISLNK(lst.st_mode))
				rc = walk(path, files, err, depth + 1);
			free(path);
		} else if (S_ISREG(st.st_mode)) {
			list_add(files, path);
		} else {
			free(path);
		}
	}
	list_free(&names);
	return rc;
}

/* --- DATASET files ------------------------------------------------------------ */

static int is_dataset_file(const char *path)
{
	const char *base = strrchr(path, '/');

	return strcmp(base ? base + 1 : path, "DATASET") == 0;
}

/* s as a JSON string (a folder's path). */
static void json_string(struct strbuf *out, const char *s)
{
	strbuf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			strbuf_putc(out, '\\');
		if ((unsigned char)*s < 0x20)
			strbuf_printf(out, "\\u%04x", (unsigned char)*s);
		else
			strbuf_putc(out, *s);
	}
	strbuf_putc(out, '"');
}

/* --- one file ------------------------------------------------------------------ */

struct run_state {
	const struct build_options *o;
	struct store *store;
	const char *file;		/* (borrowed) the file being imported */
	unsigned long shown;		/* rejections printed for this file */
	unsigned long warned;		/* warnings printed for this file */
	unsigned long files_done, files_skipped, files_near, files_failed;
	unsigned long rows_loaded, rows_rejected;
	enum status store_rc;
};

/* "path:line: [location:] [field:] [warning: ]message" */
static void print_report(FILE *err, const struct import_rejection *r, const char *kind)
{
	fprintf(err, "%s:", r->path);
	if (r->line)
		fprintf(err, "%lu:", r->line);
	if (r->location)
		fprintf(err, " %s:", r->location);
	if (r->field)
		fprintf(err, " %s:", r->field);
	fprintf(err, " %s%s\n", kind, r->message);
}

static void on_reject(void *ctx, const struct import_rejection *r)
{
	struct run_state *st = ctx;
	enum status rc;

	if (st->shown++ < BUILD_SHOWN_REJECTIONS)
		print_report(st->o->err_stream, r, "");
	rc = store_source_reject(st->store, r);
	if (rc != STATUS_OK && st->store_rc == STATUS_OK)
		st->store_rc = rc;
}

static void on_warn(void *ctx, const struct import_rejection *r)
{
	struct run_state *st = ctx;

	if (st->warned++ < BUILD_SHOWN_REJECTIONS)
		print_report(st->o->err_stream, r, "warning: ");
}

static void print_header(const struct build_options *o)
{
	if (!o->quiet)
		fprintf(o->out_stream, "%-52s %-26s %9s %9s %9s\n", "file", "format", "read",
			"loaded", "rejected");
}

/* A path as the progress table shows it: relative to the folder being built. */
static const char *shown(const struct build_options *o, const char *path)
{
	size_t n = o->data_dir ? strlen(o->data_dir) : 0;

	if (n && strncmp(path, o->data_dir, n) == 0 && path[n] == '/')
		return path + n + 1;
	if (n && strncmp(path, o->data_dir, n) == 0 && o->data_dir[n - 1] == '/')
		return path + n;
	return path;
}

/* Record a file (or part) left out by --keep-going: no rows, and why. */
static enum status leave_out(struct run_state *st, const char *path, const char *member,
			     const char *name, const struct importer *imp, const char *why)
{
	const struct build_options *o = st->o;
	struct store_source source = { path, imp ? imp->name : "unknown",
				       imp ? imp->title : "not recognised", imp ? imp->licence : "",
				       imp ? imp->attribution : "", 0, member };
	enum status rc = store_source_failed(st->store, &source, why);

	if (rc != STATUS_OK) {
		fprintf(o->err_stream, "careers: %s: %s\n", name, store_errmsg(st->store));
		return rc;
	}
	fprintf(o->err_stream, "careers: %s: left out of the build (--keep-going): %s\n", name,
		why);
	st->files_failed++;
	return STATUS_OK;
}

/*
 * A file that is not recognised. explicit: named on the command line (a
 * plain file, not a part of an archive), so it is an error. A near miss
 * (it looks like a format but lacks some of its columns) is an error too
 * with --strict, and otherwise skipped with a warning.
 */
static enum status not_recognised(struct run_state *st, const char *name, int near,
				  int explicit, const char *why, int *skipped)
{
	const struct build_options *o = st->o;

	if (explicit || (near && o->strict)) {
		fprintf(o->err_stream, "careers: %s: %s\n", name, why);
		return STATUS_FORMAT;
	}
	*skipped = 1;
	if (near) {
		st->files_near++;
		fprintf(o->err_stream, "careers: warning: skipped %s: %s\n", shown(o, name), why);
	} else if (!o->quiet) {
		fprintf(o->out_stream, "skipped %s: %s\n", shown(o, name), why);
	}
	return STATUS_OK;
}

/*
 * Import part i of a file (a whole file is its only part). explicit: the
 * file was named on the command line. Returns STATUS_OK also for a part
 * skipped (*skipped says so) or, with --keep-going, left out.
 */
static enum status import_part(struct run_state *st, struct bundle *b, size_t i, int explicit,
			       int *skipped)
{
	const struct build_options *o = st->o;
	const struct bundle_part *part = bundle_part(b, i);
	struct import_source *src;
	const struct importer *imp;
	struct import_result result;
	struct import_sink sink = store_sink(st->store);
	struct import_reporter reporter = { st, on_reject, on_warn };
	struct store_source source;
	char why[600];
	int near;
	enum status rc;

	*skipped = 0;
	if (part->skip) {
		*skipped = 1;
		if (!o->quiet)
			fprintf(o->out_stream, "skipped %s: %s\n", shown(o, part->name), part->skip);
		return STATUS_OK;
	}
	if ((rc = bundle_open_part(b, i, &src, why, sizeof(why))) != STATUS_OK) {
		if (o->keep_going)
			return leave_out(st, st->file, part->member, part->name, NULL, why);
		fprintf(o->err_stream, "careers: %s: %s\n", part->name, why);
		return rc;
	}
	if (import_detect(src, &imp, &near, why, sizeof(why)) != STATUS_OK) {
		import_close(src);
		return not_recognised(st, part->name, near, explicit && !bundle_is_container(b), why,
				      skipped);
	}
	source.path = st->file;
	source.member = part->member;
	source.format = imp->name;
	source.format_title = imp->title;
	source.licence = imp->licence;
	source.attribution = imp->attribution;
	source.is_sample = 0;
	if (o->keep_going && (rc = store_file_begin(st->store)) != STATUS_OK) {
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(st->store));
		import_close(src);
		return rc;
	}
	if ((rc = store_source_begin(st->store, &source)) != STATUS_OK) {
		fprintf(o->err_stream, "careers: %s: %s\n", part->name, store_errmsg(st->store));
		import_close(src);
		return rc;
	}
	st->shown = st->warned = 0;
	st->store_rc = STATUS_OK;
	rc = import_run(src, imp, &sink, &reporter, &result);
	import_close(src);
	if (rc == STATUS_OK && st->store_rc != STATUS_OK) {
		rc = st->store_rc;
		snprintf(result.message, sizeof(result.message), "%s", store_errmsg(st->store));
	}
	if (rc == STATUS_OK) {
		/* What was loaded is what remains: a row written over by a later one does not. */
		result.replaced = store_source_replaced(st->store);
		result.loaded -= result.replaced < result.loaded ? result.replaced : result.loaded;
	}
	if (rc == STATUS_OK && (rc = store_source_end(st->store, &result)) != STATUS_OK)
		snprintf(result.message, sizeof(result.message), "%s", store_errmsg(st->store));
	if (rc != STATUS_OK && o->keep_going && rc != STATUS_IO) {
		if ((rc = store_file_undo(st->store)) != STATUS_OK) {
			fprintf(o->err_stream, "careers: %s\n", store_errmsg(st->store));
			return rc;
		}
		return leave_out(st, st->file, part->member, part->name, imp, result.message);
	}
	if (rc != STATUS_OK) {
		fprintf(o->err_stream, "careers: %s: %s\n", part->name, result.message);
		return rc;
	}
	if (o->keep_going && (rc = store_file_keep(st->store)) != STATUS_OK) {
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(st->store));
		return rc;
	}
	if (st->shown > BUILD_SHOWN_REJECTIONS)
		fprintf(o->err_stream, "%s: ... and %lu more rejected rows (careers sources "
			"--rejected lists them)\n", part->name, st->shown - BUILD_SHOWN_REJECTIONS);
	if (st->warned > BUILD_SHOWN_REJECTIONS)
		fprintf(o->err_stream, "%s: ... and %lu more warnings like these (the rows were "
			"loaded)\n", part->name, st->warned - BUILD_SHOWN_REJECTIONS);
	st->files_done++;
	st->rows_loaded += result.loaded;
	st->rows_rejected += result.rejected;
	if (!o->quiet)
		fprintf(o->out_stream, "%-52s %-26s %9lu %9lu %9lu\n", shown(o, part->name),
			imp->name, result.read, result.loaded, result.rejected);
	if (result.replaced)
		fprintf(o->quiet ? o->err_stream : o->out_stream, "%s: %lu rows had the same key as "
			"an earlier row of this file; each was written over by the later one\n",
			shown(o, part->name), result.replaced);
	return STATUS_OK;
}

/*
 * Import one file: every part of it. fd: the file, opened by
 * textfile_open_input() (taken), or -1 to open it here. explicit: named
 * on the command line, so an unknown format is an error rather than a
 * skip. *skipped counts the parts skipped.
 */
static enum status import_one(struct run_state *st, const char *path, int fd, int explicit,
			      unsigned long *skipped)
{
	const struct build_options *o = st->o;
	struct bundle *b;
	char why[600];
	enum status rc = STATUS_OK;
	size_t i;
	int skip;

	*skipped = 0;
	st->file = path;
	rc = fd >= 0 ? bundle_open_fd(fd, path, &b, why, sizeof(why)) :
		       bundle_open(path, &b, why, sizeof(why));
	if (rc != STATUS_OK) {
		if (o->keep_going)
			return leave_out(st, path, NULL, path, NULL, why);
		fprintf(o->err_stream, "careers: %s: %s\n", path, why);
		return rc;
	}
	for (i = 0; i < bundle_count(b) && rc == STATUS_OK; i++) {
		if (interrupted) {
			rc = STATUS_INTERRUPTED;
			break;
		}
		rc = import_part(st, b, i, explicit, &skip);
		*skipped += (unsigned long)skip;
	}
	bundle_free(b);
	return rc;
}

/*
 * The timetable step (transit_save.h): in every build, and in an import
 * that brought timetables. Its rejections count with the files'.
 */
static enum status timetable_step(struct run_state *st, int always)
{
	const struct build_options *o = st->o;
	struct transit_save_report report;
	enum status rc;

	if (!always && !store_gtfs_touched(st->store))
		return STATUS_OK;
	rc = transit_save(st->store, o->out_stream, o->err_stream, o->quiet, &report);
	if (rc != STATUS_OK) {
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(st->store));
		return rc;
	}
	st->rows_loaded -= report.rejected < st->rows_loaded ? report.rejected : st->rows_loaded;
	st->rows_rejected += report.rejected;
	return STATUS_OK;
}

/* --- careers build ------------------------------------------------------------------ */

/* Remove "<out>.building-<pid>" files whose process is gone. */
static void remove_stale(const char *out)
{
	char *copy = xstrdup(out), *dir = dirname(copy);
	const char *base = strrchr(out, '/');
	size_t blen;
	struct dirent *e;
	DIR *d;

	base = base ? base + 1 : out;
	blen = strlen(base);
	d = opendir(dir);
	while (d && (e = readdir(d)) != NULL) {
		const char *tail = e->d_name + blen;
		long pid;
		char *end;

		if (strncmp(e->d_name, base, blen) != 0 || strncmp(tail, ".building-", 10) != 0)
			continue;
		pid = strtol(tail + 10, &end, 10);
		if (*end || pid <= 0 || (kill((pid_t)pid, 0) != 0 && errno == ESRCH)) {
			char *stale = xasprintf("%s/%s", dir, e->d_name);

			unlink(stale);
			free(stale);
		}
	}
	if (d)
		closedir(d);
	free(copy);
}

static enum status sync_path(const char *path, int directory)
{
	int fd = open(path, (directory ? O_RDONLY | O_DIRECTORY : O_RDWR) | O_CLOEXEC);
	int rc;

	if (fd < 0)
		return STATUS_IO;
	rc = fsync(fd);
	close(fd);
	return rc == 0 ? STATUS_OK : STATUS_IO;
}

/*
 * glibc hands freed blocks of more than a few hundred KB back to the
 * kernel and takes them again page by page, one fault per page; a build
 * frees and allocates such blocks (whole JSON documents, SQLite's parse of
 * them) hundreds of times. Keep them instead. Both settings: a fixed trim
 * threshold alone switches off glibc's adaptive mmap threshold, and the
 * blocks are then mapped and unmapped every time.
 */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 << 20);
	mallopt(M_TRIM_THRESHOLD, 128 << 20);
#endif
}

static double seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

enum status build_store(const struct build_options *o)
{
	double step_started;
	struct file_list files = { 0 };
	struct dataset *datasets = NULL;
	size_t ndatasets = 0, i, nfetched = 0;
	char **fetched = NULL;		/* FETCHED files found (borrowed from files) */
	struct run_state st;
	struct store *store = NULL;
	struct sigaction sa, old_int, old_term;
	char *tmp = NULL, *dircopy;
	char err[512];
	enum status rc;
	int fd;
	unsigned long skipped;
	time_t started = time(NULL);

	memset(&st, 0, sizeof(st));
	st.o = o;
	keep_freed_memory();
	if ((rc = walk(o->data_dir, &files, o->err_stream, 0)) != STATUS_OK) {
		list_free(&files);
		return rc;
	}
	remove_stale(o->out);
	tmp = xasprintf("%s.building-%ld", o->out, (long)getpid());
	fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd < 0) {
		fprintf(o->err_stream, "careers: cannot create %s: %s\n", tmp, strerror(errno));
		free(tmp);
		list_free(&files);
		return STATUS_IO;
	}
	close(fd);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	interrupted = placing = 0;
	note_temporary(tmp);
	sigaction(SIGINT, &sa, &old_int);
	sigaction(SIGTERM, &sa, &old_term);

	rc = store_create(tmp, &store, err, sizeof(err));
	if (rc != STATUS_OK)
		fprintf(o->err_stream, "careers: %s\n", err);
	else
		rc = store_begin(store);
	st.store = store;
	if (rc == STATUS_OK)
		print_header(o);
	for (i = 0; rc == STATUS_OK && i < files.count; i++) {
		if (interrupted) {
			rc = STATUS_INTERRUPTED;
			break;
		}
		if (origin_is_file(files.paths[i])) {
			/* Where careers fetch got this folder's files: applied after them. */
			fetched = xrealloc(fetched, (nfetched + 1) * sizeof(*fetched));
			fetched[nfetched++] = files.paths[i];
			continue;
		}
		if (is_dataset_file(files.paths[i])) {
			datasets = xrealloc(datasets, (ndatasets + 1) * sizeof(*datasets));
			rc = dataset_read(files.paths[i], &datasets[ndatasets], err, sizeof(err));
			if (rc == STATUS_OK)
				ndatasets++;
			else
				dataset_done(&datasets[ndatasets]);
			if (rc != STATUS_OK)
				fprintf(o->err_stream, "%s\n", err);
			continue;
		}
		rc = import_one(&st, files.paths[i], -1, 0, &skipped);
		st.files_skipped += skipped;
	}
	/* A DATASET labels its folder, less any folder beneath it with a DATASET of its own. */
	for (i = 0; rc == STATUS_OK && i < ndatasets; i++) {
		struct strbuf inner;
		size_t k, n = strlen(datasets[i].folder);

		strbuf_init(&inner);
		for (k = 0; k < ndatasets; k++) {
			if (k == i || strlen(datasets[k].folder) <= n ||
			    strncmp(datasets[k].folder, datasets[i].folder, n) != 0)
				continue;
			strbuf_puts(&inner, inner.len ? "," : "[");
			json_string(&inner, datasets[k].folder);
		}
		if (inner.len)
			strbuf_putc(&inner, ']');
		rc = store_source_relabel(store, datasets[i].folder, datasets[i].licence,
					  datasets[i].attribution, datasets[i].sample,
					  datasets[i].date, inner.len ? inner.buf : NULL);
		strbuf_done(&inner);
	}
	for (i = 0; rc == STATUS_OK && i < nfetched; i++)
		rc = origin_apply(store, fetched[i], o->err_stream);
	if (rc == STATUS_OK && st.files_done == 0) {
		fprintf(o->err_stream, "careers: %s: no data files this program recognises\n",
			o->data_dir);
		rc = STATUS_NOT_FOUND;
	}
	if (rc == STATUS_OK && interrupted)
		rc = STATUS_INTERRUPTED;
	if (!o->quiet)
		store_set_step_log(store, o->out_stream);
	if (rc == STATUS_OK && (rc = store_finalize(store, 1)) != STATUS_OK)
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(store));
	step_started = seconds_now();
	if (rc == STATUS_OK && (rc = pack_save(store)) != STATUS_OK)
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(store));
	if (rc == STATUS_OK && !o->quiet)
		fprintf(o->out_stream, "finishing: the option and word prefix indexes %.2f s\n",
			seconds_now() - step_started);
	step_started = seconds_now();
	if (rc == STATUS_OK)
		rc = timetable_step(&st, 1);
	if (rc == STATUS_OK && !o->quiet)
		fprintf(o->out_stream, "finishing: the timetable step %.2f s\n",
			seconds_now() - step_started);
	step_started = seconds_now();
	if (rc == STATUS_OK && (rc = store_commit(store)) != STATUS_OK)
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(store));
	store_close(store);
	if (rc == STATUS_OK && sync_path(tmp, 0) != STATUS_OK)
		rc = STATUS_IO;
	if (rc == STATUS_OK && !o->quiet)
		fprintf(o->out_stream, "finishing: commit and sync %.2f s\n",
			seconds_now() - step_started);
	if (rc == STATUS_OK)
		placing = 1;	/* from here a signal lets the build finish */
	if (rc == STATUS_OK && rename(tmp, o->out) != 0) {
		fprintf(o->err_stream, "careers: cannot move the new store into place at %s: %s\n",
			o->out, strerror(errno));
		rc = STATUS_IO;
	}
	if (rc == STATUS_OK) {
		/*
		 * The option index's copy follows the store (pack.h); if it cannot,
		 * the first search writes it again.
		 */
		char *from = pack_index_path(tmp), *to = pack_index_path(o->out);

		if (rename(from, to) != 0)
			unlink(from);
		free(from);
		free(to);
		dircopy = xstrdup(o->out);
		sync_path(dirname(dircopy), 1);
		free(dircopy);
	} else {
		char *index = pack_index_path(tmp);

		unlink(index);
		free(index);
		unlink(tmp);
		if (rc == STATUS_INTERRUPTED)
			fprintf(o->err_stream, "careers: build interrupted\n");
		fprintf(o->err_stream, "careers: the build failed; %s was not changed\n", o->out);
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGTERM, &old_term, NULL);
	memset(temporary, 0, sizeof(temporary));

	if (rc == STATUS_OK) {
		fprintf(o->out_stream, "built %s from %lu files (%lu skipped", o->out,
			st.files_done, st.files_skipped);
		if (st.files_near)
			fprintf(o->out_stream, ", %lu of them near misses", st.files_near);
		if (st.files_failed)
			fprintf(o->out_stream, "; %lu left out as broken", st.files_failed);
		fprintf(o->out_stream, "): %lu rows loaded, %lu rejected, in %ld s\n",
			st.rows_loaded, st.rows_rejected, (long)(time(NULL) - started));
	}
	for (i = 0; i < ndatasets; i++)
		dataset_done(&datasets[i]);
	free(datasets);
	free(fetched);
	free(tmp);
	list_free(&files);
	return rc;
}

/* --- careers import -------------------------------------------------------------------- */

enum status build_import(const struct build_options *o)
{
	struct run_state st;
	struct store *store;
	char err[512];
	enum status rc;
	unsigned long skipped;
	int i, *fds = xcalloc((size_t)o->file_count + 1, sizeof(*fds));

	memset(&st, 0, sizeof(st));
	st.o = o;
	/* Every input is open before the store is locked: nothing can keep the lock waiting. */
	for (i = 0; i < o->file_count; i++)
		if ((fds[i] = textfile_open_input(o->files[i], err, sizeof(err))) < 0) {
			fprintf(o->err_stream, "careers: %s: %s\n", o->files[i], err);
			fprintf(o->err_stream, "careers: nothing was imported; %s is unchanged\n",
				o->db);
			while (i--)
				close(fds[i]);
			free(fds);
			return STATUS_IO;
		}
	if ((rc = store_open(o->db, STORE_READ_WRITE, &store, err, sizeof(err))) != STATUS_OK) {
		fprintf(o->err_stream, "careers: %s\n", err);
		for (i = 0; i < o->file_count; i++)
			close(fds[i]);
		free(fds);
		return rc;
	}
	st.store = store;
	if ((rc = store_begin(store)) != STATUS_OK)
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(store));
	if (rc == STATUS_OK)
		print_header(o);
	for (i = 0; i < o->file_count; i++) {
		if (rc == STATUS_OK)
			rc = import_one(&st, o->files[i], fds[i], 1, &skipped);
		else
			close(fds[i]);
		if (rc == STATUS_OK)
			rc = origin_apply_beside(store, o->files[i], o->err_stream);
	}
	free(fds);
	if (rc == STATUS_OK && (rc = store_finalize(store, 0)) != STATUS_OK)
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(store));
	if (rc == STATUS_OK && (rc = pack_save(store)) != STATUS_OK)
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(store));
	if (rc == STATUS_OK)
		rc = timetable_step(&st, 0);
	if (rc == STATUS_OK && (rc = store_commit(store)) != STATUS_OK)
		fprintf(o->err_stream, "careers: %s\n", store_errmsg(store));
	if (rc != STATUS_OK) {
		store_rollback(store);
		fprintf(o->err_stream, "careers: nothing was imported; %s is unchanged\n", o->db);
	} else {
		fprintf(o->out_stream, "imported %lu files into %s: %lu rows loaded, %lu rejected\n",
			st.files_done, o->db, st.rows_loaded, st.rows_rejected);
	}
	store_close(store);
	return rc;
}
