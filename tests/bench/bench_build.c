/*
 * bench_build.c - times `careers build` against a bare `sqlite3 .import` (bench_build).
 *
 *	bench_build DATADIR [--careers PATH] [--sqlite3 PATH] [--runs N]
 *	                    [--tmp DIR] [--keep FILE] [--no-breakdown] [--default-pragmas]
 *
 * For the files under DATADIR (made by bench_gen, or any data folder) it
 * measures, in the same run and on the same warm page cache:
 *
 *   ours      `careers build --quiet --data DATADIR --out TMP/ours.db` as a
 *             child process: wall clock, CPU time (user + system, which a
 *             busy machine does not inflate), page faults and the child's
 *             peak resident memory, from wait4(2);
 *   baseline  the sqlite3 shell loading the same files with no validation
 *             and no indexes: `.mode csv` and `.import FILE tNNNNN` for each
 *             CSV (one table per file, Latin-1 files as they are; `.mode
 *             tabs` for .txt/.tsv, as O*NET publishes), and
 *             `INSERT INTO jNNNNN SELECT value FROM json_each(readfile(FILE),
 *             '$.vacancies')` for each JSON file; one sqlite3 process per
 *             kind of file (the first folder under DATADIR), into one fresh
 *             database. By default the baseline gets the same pragmas our
 *             build uses (journal_mode OFF, synchronous OFF), so it is the
 *             fastest bare load, not a straw man; --default-pragmas runs the
 *             shell with its defaults instead.
 *   fair      what a data person would write: the same shell, one table per
 *             kind of file (every provider's courses.csv appended to one
 *             table, every vacancies page to another, with .import --skip 1),
 *             then an index on each column the store keeps an index on
 *             (postcode, URN, UKPRN, course and venue references, LARS code,
 *             the adverts' LARS code and closing date). The per-file
 *             baseline's 3,700 CREATE TABLEs flatter us; this one does not.
 *
 * Each side runs N times (default 3), the order of the three turning each
 * run, and min, median and max are reported with the ratios of the medians
 * (careers / baseline: below 1, the build takes less time; the target is at
 * most 0.8 of the fair import). The load average and the CPU that other
 * processes used over the runs are printed (bench_machine.c); on a busy
 * machine the verdict is marked as not final. A further run of ours without
 * --quiet, its output read through a pseudo-terminal so every per-file line
 * arrives as the file finishes, splits its wall and CPU time (the child's
 * /proc/PID/stat, read as each line arrives) by kind and shows how long the
 * final step (linking, placing by postcode, indexes, commit) takes.
 * Nothing is asserted: the figures are printed and the exit status is 0
 * unless a child failed.
 */
#define _XOPEN_SOURCE 700
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_exit.h"
#include "bench_machine.h"

#ifndef BENCH_CAREERS
#define BENCH_CAREERS "careers"
#endif

#define MAX_RUNS 50
#define TARGET_RSS_MB 200.0

const char bench_name[] = "bench_build";

static char *dup_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static char *dup_printf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = grow(NULL, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* --- the input files ------------------------------------------------------------- */

struct kind {
	char *name;
	size_t files;
	unsigned long long bytes;
	/* ours, from the progress run */
	double ours_seconds, ours_cpu;
	unsigned long ours_read, ours_loaded, ours_rejected, ours_skipped;
	/* baseline */
	double base_seconds[MAX_RUNS], base_cpu[MAX_RUNS];
	double fair_seconds[MAX_RUNS], fair_cpu[MAX_RUNS];
	unsigned long long base_rows;
};

struct input {
	char *path;
	size_t kind;
	int is_json, is_tsv, has_vacancies;
};

struct inputs {
	const char *root;
	struct input *files;
	size_t count, cap;
	struct kind *kinds;
	size_t kind_count;
	unsigned long long bytes;
	size_t other_files;	/* not CSV, TSV or JSON: not part of the baseline */
};

static int ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);

	return n >= t && strcasecmp(s + n - t, tail) == 0;
}

static size_t kind_index(struct inputs *in, const char *rel)
{
	const char *slash = strchr(rel, '/');
	char *name = slash ? strndup(rel, (size_t)(slash - rel)) : strdup("(top)");
	size_t i;

	if (!name)
		die("out of memory");
	for (i = 0; i < in->kind_count; i++)
		if (strcmp(in->kinds[i].name, name) == 0) {
			free(name);
			return i;
		}
	in->kinds = grow(in->kinds, (in->kind_count + 1) * sizeof(*in->kinds));
	memset(&in->kinds[in->kind_count], 0, sizeof(*in->kinds));
	in->kinds[in->kind_count].name = name;
	return in->kind_count++;
}

/* Does the start of a JSON file mention "vacancies" (the FAA envelope)? */
static int mentions_vacancies(const char *path)
{
	char head[4096];
	FILE *f = fopen(path, "rb");
	size_t n;

	if (!f)
		return 0;
	n = fread(head, 1, sizeof(head) - 1, f);
	fclose(f);
	head[n] = '\0';
	return strstr(head, "\"vacancies\"") != NULL;
}

static void add_file(struct inputs *in, const char *path, const struct stat *st)
{
	const char *base = strrchr(path, '/');
	struct input *f;
	size_t k;

	base = base ? base + 1 : path;
	if (strcmp(base, "DATASET") == 0)
		return;
	if (!ends_with(path, ".csv") && !ends_with(path, ".json") && !ends_with(path, ".txt") &&
	    !ends_with(path, ".tsv")) {
		in->other_files++;
		return;
	}
	if (in->count == in->cap) {
		in->cap = in->cap ? in->cap * 2 : 256;
		in->files = grow(in->files, in->cap * sizeof(*in->files));
	}
	f = &in->files[in->count++];
	f->path = strdup(path);
	if (!f->path)
		die("out of memory");
	f->is_json = ends_with(path, ".json");
	f->is_tsv = ends_with(path, ".txt") || ends_with(path, ".tsv");	/* O*NET's tab files */
	f->has_vacancies = f->is_json && mentions_vacancies(path);
	k = kind_index(in, path + strlen(in->root) + 1);
	f->kind = k;
	in->kinds[k].files++;
	in->kinds[k].bytes += (unsigned long long)st->st_size;
	in->bytes += (unsigned long long)st->st_size;
}

static void inputs_free(struct inputs *in)
{
	size_t i;

	for (i = 0; i < in->count; i++)
		free(in->files[i].path);
	for (i = 0; i < in->kind_count; i++)
		free(in->kinds[i].name);
	free(in->files);
	free(in->kinds);
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every file under dir, sorted by name in each folder as `careers build` walks them. */
static void walk(struct inputs *in, const char *dir)
{
	char **names = NULL;
	size_t n = 0, i;
	struct dirent *e;
	DIR *d = opendir(dir);

	if (!d)
		die("cannot read the folder %s: %s", dir, strerror(errno));
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		names = grow(names, (n + 1) * sizeof(*names));
		names[n] = strdup(e->d_name);
		if (!names[n++])
			die("out of memory");
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_names);
	for (i = 0; i < n; i++) {
		char *path = dup_printf("%s/%s", dir, names[i]);
		struct stat st;

		if (stat(path, &st) != 0)
			fprintf(stderr, "bench_build: %s: %s\n", path, strerror(errno));
		else if (S_ISDIR(st.st_mode))
			walk(in, path);
		else if (S_ISREG(st.st_mode))
			add_file(in, path, &st);
		free(path);
		free(names[i]);
	}
	free(names);
}

/* Read every file once so both sides start from the same warm page cache. */
static double warm_cache(const struct inputs *in)
{
	static char block[1 << 20];
	double start = now();
	size_t i;

	for (i = 0; i < in->count; i++) {
		int fd = open(in->files[i].path, O_RDONLY);

		if (fd < 0)
			die("cannot read %s: %s", in->files[i].path, strerror(errno));
		while (read(fd, block, sizeof(block)) > 0)
			;
		close(fd);
	}
	return now() - start;
}

/* --- child processes ---------------------------------------------------------------- */

struct child {
	double seconds, user, sys;
	long max_rss_kb, faults;
	int status;
};

static void redirect(const char *path, int fd, int flags)
{
	int f = open(path ? path : "/dev/null", flags, 0644);

	if (f < 0 || dup2(f, fd) < 0) {
		fprintf(stderr, "bench_build: %s: %s\n", path ? path : "/dev/null", strerror(errno));
		_exit(127);
	}
	close(f);
}

static void wait_child(pid_t pid, double start, struct child *c)
{
	struct rusage ru;
	int status;

	while (wait4(pid, &status, 0, &ru) < 0)
		if (errno != EINTR)
			die("wait4: %s", strerror(errno));
	c->seconds = now() - start;
	c->user = (double)ru.ru_utime.tv_sec + ru.ru_utime.tv_usec / 1e6;
	c->sys = (double)ru.ru_stime.tv_sec + ru.ru_stime.tv_usec / 1e6;
	c->max_rss_kb = ru.ru_maxrss;
	c->faults = ru.ru_minflt + ru.ru_majflt;
	c->status = status;
}

/* Run argv with stdin/stdout/stderr from/to files (NULL: /dev/null). */
static void run(char *const argv[], const char *in, const char *out, const char *err,
		struct child *c)
{
	double start = now();
	pid_t pid = fork();

	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		redirect(in, 0, O_RDONLY);
		redirect(out, 1, O_WRONLY | O_CREAT | O_TRUNC);
		redirect(err, 2, O_WRONLY | O_CREAT | O_TRUNC);
		execvp(argv[0], argv);
		fprintf(stderr, "bench_build: cannot run %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	wait_child(pid, start, c);
}

static int succeeded(const struct child *c)
{
	return WIFEXITED(c->status) && WEXITSTATUS(c->status) == 0;
}

static char *read_text(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *s = NULL;
	size_t n = 0, cap = 0, got;

	if (!f)
		return strdup("");
	do {
		cap += 65536;
		s = grow(s, cap + 1);
		got = fread(s + n, 1, cap - n, f);
		n += got;
	} while (n == cap);
	fclose(f);
	s[n] = '\0';
	return s;
}

/* Show the first lines a failed (or complaining) child wrote to stderr. */
static void show_head(const char *path, int lines, const char *indent)
{
	char *text = read_text(path), *p = text;
	int shown = 0;

	while (*p && shown < lines) {
		char *nl = strchr(p, '\n');
		int len = nl ? (int)(nl - p) : (int)strlen(p);

		printf("%s%.*s\n", indent, len > 200 ? 200 : len, p);
		shown++;
		p = nl ? nl + 1 : p + len;
	}
	free(text);
}

static unsigned long count_lines(const char *path)
{
	char *text = read_text(path), *p;
	unsigned long n = 0;

	for (p = text; *p; p++)
		n += *p == '\n';
	free(text);
	return n;
}

/* --- the baseline: sqlite3 .import ------------------------------------------------------ */

struct settings {
	const char *data_dir, *careers, *sqlite3, *keep;
	char *tmp;
	int runs, breakdown, default_pragmas;
};

/* path as an SQL string literal body: single quotes doubled. */
static void put_sql_path(FILE *f, const char *path)
{
	for (; *path; path++) {
		if (*path == '\'')
			fputc('\'', f);
		fputc(*path, f);
	}
}

/* One sqlite3 script per kind: every file of that kind, one table each. */
static char **write_scripts(const struct settings *s, const struct inputs *in)
{
	char **scripts = grow(NULL, in->kind_count * sizeof(*scripts));
	size_t k, i;

	for (k = 0; k < in->kind_count; k++) {
		FILE *f;

		scripts[k] = dup_printf("%s/baseline-%zu.sql", s->tmp, k);
		f = fopen(scripts[k], "w");
		if (!f)
			die("cannot write %s: %s", scripts[k], strerror(errno));
		if (!s->default_pragmas)
			fputs("PRAGMA journal_mode = OFF;\nPRAGMA synchronous = OFF;\n", f);
		fputs(".mode csv\n", f);
		for (i = 0; i < in->count; i++) {
			const struct input *file = &in->files[i];

			if (file->kind != k)
				continue;
			if (strchr(file->path, '"'))
				die("%s: a path with a double quote cannot be given to .import",
				    file->path);
			if (!file->is_json) {
				fprintf(f, "%s.import \"%s\" t%05zu\n%s", file->is_tsv ?
					".mode tabs\n" : "", file->path, i, file->is_tsv ?
					".mode csv\n" : "");
				continue;
			}
			fprintf(f, "CREATE TABLE j%05zu(value);\nINSERT INTO j%05zu SELECT value "
				"FROM json_each(readfile('", i, i);
			put_sql_path(f, file->path);
			fprintf(f, "'), '%s');\n", file->has_vacancies ? "$.vacancies" : "$");
		}
		if (fclose(f) != 0)
			die("cannot write %s: %s", scripts[k], strerror(errno));
	}
	return scripts;
}

/*
 * The fair baseline's table for a file: files of one kind with the same
 * name once digits are taken out (every provider's courses.csv, every
 * vacancies-page-NNNN.json) are appended to one table, as a data person
 * would load them.
 */
static void group_name(const struct input *file, char *out, size_t n)
{
	const char *base = strrchr(file->path, '/');
	size_t k = 0;

	for (base = base ? base + 1 : file->path; *base && k + 1 < n; base++)
		if (*base < '0' || *base > '9')
			out[k++] = *base;
	out[k] = '\0';
}

/* The first line of a file: its header (a BOM dropped), or "" when it cannot be read. */
static void first_line(const char *path, char *out, size_t n)
{
	FILE *f = fopen(path, "rb");
	size_t len;

	out[0] = '\0';
	if (!f)
		return;
	if (!fgets(out, (int)n, f))
		out[0] = '\0';
	fclose(f);
	if (!memcmp(out, "\xef\xbb\xbf", 3))
		memmove(out, out + 3, strlen(out + 3) + 1);
	len = strcspn(out, "\r\n");
	out[len] = '\0';
}

/*
 * The columns the store keeps an index on, in the publishers' words: the
 * postcode, URN and UKPRN, venue and course references, LARS codes, the
 * Discover Uni keys. The fair baseline indexes each one its header has.
 */
static int is_key_column(const char *name)
{
	static const char *const keys[] = {
		"pcds", "postcode", "urn", "ukprn", "pubukprn", "provider_ukprn", "kiscourseid",
		"locid", "your_reference", "your_venue_reference", "venue_name", "lars_qan",
		"learn_aim_ref", "course_id", "course_run_id", "location_postcode",
	};
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (strcasecmp(name, keys[i]) == 0)
			return 1;
	return 0;
}

/* CREATE INDEX statements for the key columns of a header line (CSV or tab-separated). */
static void index_keys(FILE *f, const char *header, int tabs, size_t table)
{
	const char *p = header;
	int column = 0;

	while (*p) {
		char name[128];
		size_t k = 0;
		int quoted = *p == '"';

		p += quoted;
		while (*p && (quoted ? *p != '"' : *p != (tabs ? '\t' : ',')) && k + 1 < sizeof(name))
			name[k++] = *p++;
		name[k] = '\0';
		if (quoted && *p == '"')
			p++;
		while (*p && *p != (tabs ? '\t' : ','))
			p++;
		if (*p)
			p++;
		if (is_key_column(name) && !strchr(name, '"'))
			fprintf(f, "CREATE INDEX f%05zu_%d ON f%05zu(\"%s\");\n", table, column, table,
				name);
		column++;
	}
}

/*
 * The fair baseline, one script per kind: one table per group of files
 * (group_name), each later file appended with .import --skip 1, then an
 * index on every key column the store indexes too (and, for the adverts,
 * on their LARS code and closing date).
 */
/* The first file of file i's group (itself when it is the first). */
static size_t first_of_group(const struct inputs *in, size_t i)
{
	char name[256], other[256];
	size_t j;

	group_name(&in->files[i], name, sizeof(name));
	for (j = 0; j < i; j++) {
		if (in->files[j].kind != in->files[i].kind ||
		    in->files[j].is_json != in->files[i].is_json)
			continue;
		group_name(&in->files[j], other, sizeof(other));
		if (strcmp(name, other) == 0)
			return j;
	}
	return i;
}

static char **write_fair_scripts(const struct settings *s, const struct inputs *in)
{
	char **scripts = grow(NULL, in->kind_count * sizeof(*scripts));
	size_t k, i;

	for (k = 0; k < in->kind_count; k++) {
		FILE *f;

		scripts[k] = dup_printf("%s/fair-%zu.sql", s->tmp, k);
		f = fopen(scripts[k], "w");
		if (!f)
			die("cannot write %s: %s", scripts[k], strerror(errno));
		if (!s->default_pragmas)
			fputs("PRAGMA journal_mode = OFF;\nPRAGMA synchronous = OFF;\n", f);
		for (i = 0; i < in->count; i++) {
			const struct input *file = &in->files[i];
			size_t first;

			if (file->kind != k)
				continue;
			first = first_of_group(in, i);
			if (file->is_json) {
				if (first == i)
					fprintf(f, "CREATE TABLE f%05zu(value);\n", first);
				fprintf(f, "INSERT INTO f%05zu SELECT value FROM json_each(readfile('",
					first);
				put_sql_path(f, file->path);
				fprintf(f, "'), '%s');\n", file->has_vacancies ? "$.vacancies" : "$");
				continue;
			}
			fprintf(f, "%s.import%s%s \"%s\" f%05zu\n", file->is_tsv ? ".mode tabs\n" : "",
				file->is_tsv ? "" : " --csv", first == i ? "" : " --skip 1", file->path,
				first);
		}
		/* The indexes, once each table is complete. */
		for (i = 0; i < in->count; i++) {
			const struct input *file = &in->files[i];
			char header[8192];

			if (file->kind != k || first_of_group(in, i) != i)
				continue;
			if (file->is_json) {
				if (file->has_vacancies)
					fprintf(f, "CREATE INDEX f%05zu_lars ON f%05zu(json_extract(value, "
						"'$.course.larsCode'));\nCREATE INDEX f%05zu_closing ON "
						"f%05zu(json_extract(value, '$.closingDate'));\n", i, i, i, i);
				continue;
			}
			first_line(file->path, header, sizeof(header));
			index_keys(f, header, file->is_tsv, i);
		}
		if (fclose(f) != 0)
			die("cannot write %s: %s", scripts[k], strerror(errno));
	}
	return scripts;
}

struct side {
	double seconds[MAX_RUNS], user[MAX_RUNS], sys[MAX_RUNS], cpu[MAX_RUNS];
	double faults[MAX_RUNS];
	long max_rss_kb;
	unsigned long long db_bytes;
};

static unsigned long long file_size(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 ? (unsigned long long)st.st_size : 0;
}

/* One run of a baseline's scripts (fair: the one-table-per-group one) into a fresh database. */
static void run_baseline(const struct settings *s, struct inputs *in, char **scripts, int r,
			 struct side *base, int fair)
{
	const char *name = fair ? "fair" : "baseline";
	char *db = dup_printf("%s/%s.db", s->tmp, name), *err = dup_printf("%s/%s.err", s->tmp,
									    name);
	size_t k;

	unlink(db);
	base->seconds[r] = base->user[r] = base->sys[r] = base->faults[r] = 0;
	for (k = 0; k < in->kind_count; k++) {
		char *argv[] = { (char *)s->sqlite3, (char *)"-batch", db, NULL };
		struct child c;

		run(argv, scripts[k], NULL, err, &c);
		if (!succeeded(&c)) {
			printf("sqlite3 failed on %s (%s):\n", scripts[k], in->kinds[k].name);
			show_head(err, 10, "  ");
			die("the baseline failed");
		}
		*(fair ? &in->kinds[k].fair_seconds[r] : &in->kinds[k].base_seconds[r]) = c.seconds;
		*(fair ? &in->kinds[k].fair_cpu[r] : &in->kinds[k].base_cpu[r]) = c.user + c.sys;
		base->seconds[r] += c.seconds;
		base->user[r] += c.user;
		base->sys[r] += c.sys;
		base->faults[r] += (double)c.faults;
		if (c.max_rss_kb > base->max_rss_kb)
			base->max_rss_kb = c.max_rss_kb;
	}
	base->cpu[r] = base->user[r] + base->sys[r];
	base->db_bytes = file_size(db);
	free(db);
	free(err);
}

/* Rows the baseline loaded, per kind (untimed, after the last run). */
static void count_baseline_rows(const struct settings *s, struct inputs *in)
{
	char *db = dup_printf("%s/baseline.db", s->tmp);
	char *sql = dup_printf("%s/count.sql", s->tmp), *out = dup_printf("%s/count.out", s->tmp);
	char *argv[] = { (char *)s->sqlite3, (char *)"-batch", db, NULL };
	char *text, *line;
	struct child c;
	FILE *f = fopen(sql, "w");
	size_t i;

	if (!f)
		die("cannot write %s: %s", sql, strerror(errno));
	fputs(".mode list\n", f);
	for (i = 0; i < in->count; i++)
		fprintf(f, "SELECT %zu, count(*) FROM %c%05zu;\n", i, in->files[i].is_json ? 'j' :
			't', i);
	fclose(f);
	run(argv, sql, out, NULL, &c);
	text = read_text(out);
	for (line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
		size_t index;
		unsigned long long rows;

		if (sscanf(line, "%zu|%llu", &index, &rows) == 2 && index < in->count)
			in->kinds[in->files[index].kind].base_rows += rows;
	}
	free(text);
	unlink(db);
	unlink(sql);
	unlink(out);
	free(db);
	free(sql);
	free(out);
}

/* --- ours: careers build ---------------------------------------------------------------- */

struct build_summary {
	unsigned long files, skipped, loaded, rejected;
	int parsed;
};

/* "built X from N files (M skipped): R rows loaded, J rejected, in S s" */
static void parse_summary(const char *text, struct build_summary *b)
{
	const char *line = strstr(text, "built ");
	const char *from = line ? strstr(line, " from ") : NULL;
	const char *rows = from ? strstr(from, "): ") : NULL;

	b->parsed = from && rows &&
		    sscanf(from, " from %lu files (%lu skipped)", &b->files, &b->skipped) == 2 &&
		    sscanf(rows, "): %lu rows loaded, %lu rejected", &b->loaded, &b->rejected) == 2;
}

static void run_ours(const struct settings *s, int r, struct side *ours,
		     struct build_summary *sum, unsigned long *stderr_lines)
{
	char *db = dup_printf("%s/ours.db", s->tmp), *out = dup_printf("%s/ours.out", s->tmp);
	char *err = dup_printf("%s/ours.err", s->tmp), *text;
	char *argv[] = { (char *)s->careers, (char *)"build", (char *)"--quiet", (char *)"--data",
			 (char *)s->data_dir, (char *)"--out", db, NULL };
	struct child c;

	unlink(db);
	run(argv, NULL, out, err, &c);
	if (!succeeded(&c)) {
		printf("careers build failed (%s %d):\n", WIFEXITED(c.status) ? "exit status" :
		       "signal", WIFEXITED(c.status) ? WEXITSTATUS(c.status) : WTERMSIG(c.status));
		show_head(err, 20, "  ");
		die("careers build failed");
	}
	ours->seconds[r] = c.seconds;
	ours->user[r] = c.user;
	ours->sys[r] = c.sys;
	ours->cpu[r] = c.user + c.sys;
	ours->faults[r] = (double)c.faults;
	if (c.max_rss_kb > ours->max_rss_kb)
		ours->max_rss_kb = c.max_rss_kb;
	ours->db_bytes = file_size(db);
	text = read_text(out);
	parse_summary(text, sum);
	free(text);
	*stderr_lines = count_lines(err);
	if (r == s->runs - 1 && *stderr_lines) {
		printf("careers build wrote %lu lines to stderr (rejected rows); the first:\n",
		       *stderr_lines);
		show_head(err, 8, "  ");
		printf("\n");
	}
	if (r == s->runs - 1 && s->keep) {
		if (rename(db, s->keep) != 0)
			printf("could not keep the store as %s: %s\n", s->keep, strerror(errno));
	} else {
		unlink(db);
	}
	free(db);
	free(out);
	free(err);
}

/*
 * The progress run: `careers build` without --quiet, stdout on a
 * pseudo-terminal so stdio flushes each line as the file it reports is
 * done. Each line is timed on arrival and matched to its file (paths are
 * shortened from the left to fit the column; the walk order is ours).
 */
struct progress {
	struct inputs *in;
	size_t cursor;
	double last, last_cpu;
	double finish_seconds, finish_cpu, total_seconds, total_cpu;
	unsigned long unmatched;
	char step_names[32][80];	/* the build's own "finishing: WHAT 1.23 s" lines */
	double step_seconds[32];
	int steps;
};

/* CPU seconds (user + system) a running process has used so far, from /proc. */
static double process_cpu(pid_t pid)
{
	char path[64], text[1024];
	unsigned long user, sys;
	const char *paren;
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "/proc/%ld/stat", (long)pid);
	f = fopen(path, "r");
	if (!f)
		return -1;
	n = fread(text, 1, sizeof(text) - 1, f);
	fclose(f);
	text[n] = '\0';
	paren = strrchr(text, ')');
	if (!paren || sscanf(paren + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu",
			     &user, &sys) != 2)
		return -1;
	return (double)(user + sys) / (double)sysconf(_SC_CLK_TCK);
}

/* "<path> <format> <read> <loaded> <rejected>" or "skipped <path>: <why>" */
static void progress_line(struct progress *p, char *line, double at, double cpu)
{
	struct inputs *in = p->in;
	char *end = line + strlen(line), *fields[4], *path;
	unsigned long read = 0, loaded = 0, rejected = 0;
	int skipped = strncmp(line, "skipped ", 8) == 0, n;
	size_t i, plen;

	if (strncmp(line, "finishing: ", 11) == 0) {
		char *last = strrchr(line, ' ');
		double seconds;

		/* "finishing: indexing words for search 2.10 s" */
		if (last && last > line + 11 && strcmp(last, " s") == 0) {
			*last = '\0';
			last = strrchr(line, ' ');
			if (last && sscanf(last + 1, "%lf", &seconds) == 1 && p->steps < 32) {
				*last = '\0';
				snprintf(p->step_names[p->steps], sizeof(p->step_names[0]), "%.79s",
					 line + 11);
				p->step_seconds[p->steps++] = seconds;
			}
		}
		return;
	}
	if (skipped) {
		path = line + 8;
		end = strstr(path, ": ");
		if (!end)
			return;
		*end = '\0';
	} else {
		for (n = 0; n < 4; n++) {
			while (end > line && end[-1] == ' ')
				end--;
			while (end > line && end[-1] != ' ')
				end--;
			fields[n] = end;
		}
		if (end == line || sscanf(fields[0], "%lu", &rejected) != 1 ||
		    sscanf(fields[1], "%lu", &loaded) != 1 || sscanf(fields[2], "%lu", &read) != 1)
			return;
		while (end > line && end[-1] == ' ')
			end--;
		*end = '\0';
		path = line;
	}
	plen = strlen(path);
	for (i = 0; i < in->count; i++) {
		size_t k = (p->cursor + i) % in->count, flen = strlen(in->files[k].path);
		struct kind *kind = &in->kinds[in->files[k].kind];

		if (flen < plen || strcmp(in->files[k].path + flen - plen, path) != 0)
			continue;
		kind->ours_seconds += at - p->last;
		p->last = at;
		if (cpu >= 0) {
			kind->ours_cpu += cpu - p->last_cpu;
			p->last_cpu = cpu;
		}
		p->cursor = k + 1;
		if (skipped) {
			kind->ours_skipped++;
		} else {
			kind->ours_read += read;
			kind->ours_loaded += loaded;
			kind->ours_rejected += rejected;
		}
		return;
	}
	p->unmatched++;
}

static void run_progress(const struct settings *s, struct inputs *in, struct progress *p)
{
	char *db = dup_printf("%s/progress.db", s->tmp), *err = dup_printf("%s/progress.err",
									    s->tmp);
	char *argv[] = { (char *)s->careers, (char *)"build", (char *)"--data",
			 (char *)s->data_dir, (char *)"--out", db, NULL };
	char buf[65536], line[8192];
	size_t used = 0;
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	double start;
	struct child c;
	pid_t pid;

	memset(p, 0, sizeof(*p));
	p->in = in;
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0)
		die("no pseudo-terminal for the progress run: %s", strerror(errno));
	unlink(db);
	start = now();
	p->last = start;
	pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		setsid();
		redirect(NULL, 0, O_RDONLY);
		redirect(ptsname(master), 1, O_WRONLY);
		redirect(err, 2, O_WRONLY | O_CREAT | O_TRUNC);
		close(master);
		execvp(argv[0], argv);
		_exit(127);
	}
	for (;;) {
		ssize_t got = read(master, buf, sizeof(buf));
		double at = now(), cpu = process_cpu(pid);
		ssize_t i;

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;	/* EIO once the child has closed the terminal */
		for (i = 0; i < got; i++) {
			if (buf[i] == '\r')
				continue;
			if (buf[i] != '\n') {
				if (used + 1 < sizeof(line))
					line[used++] = buf[i];
				continue;
			}
			line[used] = '\0';
			progress_line(p, line, at, cpu);
			used = 0;
		}
	}
	close(master);
	wait_child(pid, start, &c);
	if (!succeeded(&c)) {
		printf("the progress run of careers build failed:\n");
		show_head(err, 20, "  ");
		die("careers build failed");
	}
	p->finish_seconds = (start + c.seconds) - p->last;
	p->total_seconds = c.seconds;
	p->total_cpu = c.user + c.sys;
	p->finish_cpu = p->total_cpu - p->last_cpu;
	unlink(db);
	unlink(err);
	free(db);
	free(err);
}

/* --- report -------------------------------------------------------------------------------- */

static int compare_doubles(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

static double median(const double *v, int n)
{
	double sorted[MAX_RUNS];

	memcpy(sorted, v, (size_t)n * sizeof(*v));
	qsort(sorted, (size_t)n, sizeof(*sorted), compare_doubles);
	return n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

static const char *mb(unsigned long long bytes, char out[32])
{
	snprintf(out, 32, "%.1f MB", bytes / 1e6);
	return out;
}

static void version_of(const char *program, char *out, size_t n, const char *tmp)
{
	char *path = dup_printf("%s/version.out", tmp), *text;
	char *argv[] = { (char *)program, (char *)"--version", NULL };
	struct child c;

	run(argv, NULL, path, NULL, &c);
	text = read_text(path);
	text[strcspn(text, "\n")] = '\0';
	snprintf(out, n, "%s", succeeded(&c) && *text ? text : "(unknown version)");
	free(text);
	unlink(path);
	free(path);
}

static void print_runs(const char *label, const double *v, int n)
{
	int i;

	printf("  %-26s", label);
	for (i = 0; i < n; i++)
		printf(" %8.2f", v[i]);
	printf("  s\n");
}

static void report_kinds(const struct settings *s, const struct inputs *in,
			 const struct progress *p, const struct build_summary *sum)
{
	unsigned long long base_rows = 0;
	size_t k;

	printf("\n%-12s %5s %9s %9s | %9s %9s %8s | %15s | %15s | %15s\n", "", "", "", "sqlite3",
	       "careers", "careers", "careers", "per-file import", "fair import", "careers build");
	printf("%-14s %5s %9s %9s | %9s %9s %8s | %7s %7s | %7s %7s | %7s %7s\n", "kind", "files",
	       "MB", "rows", "read", "loaded", "rejected", "wall s", "CPU s", "wall s", "CPU s",
	       "wall s", "CPU s");
	for (k = 0; k < in->kind_count; k++) {
		const struct kind *kd = &in->kinds[k];

		base_rows += kd->base_rows;
		printf("%-14.14s %5zu %9.1f %9llu | ", kd->name, kd->files, kd->bytes / 1e6,
		       kd->base_rows);
		if (s->breakdown)
			printf("%9lu %9lu %8lu | ", kd->ours_read, kd->ours_loaded,
			       kd->ours_rejected);
		else
			printf("%9s %9s %8s | ", "-", "-", "-");
		printf("%7.2f %7.2f | %7.2f %7.2f | ", median(kd->base_seconds, s->runs),
		       median(kd->base_cpu, s->runs), median(kd->fair_seconds, s->runs),
		       median(kd->fair_cpu, s->runs));
		if (s->breakdown)
			printf("%7.2f %7.2f\n", kd->ours_seconds, kd->ours_cpu);
		else
			printf("%7s %7s\n", "-", "-");
	}
	if (s->breakdown)
		printf("%-14s %5s %9s %9s | %9s %9s %8s | %7s %7s | %7s %7s | %7.2f %7.2f\n",
		       "final step", "", "", "", "", "", "", "-", "-", "-", "-", p->finish_seconds,
		       p->finish_cpu);
	if (s->breakdown && p->steps) {
		int i;

		printf("the final step's parts over 0.05 s, as the build timed them:\n");
		for (i = 0; i < p->steps; i++)
			if (p->step_seconds[i] >= 0.05)
				printf("  %-60s %6.2f s\n", p->step_names[i], p->step_seconds[i]);
	}
	printf("%-14s %5zu %9.1f %9llu | %9s %9lu %8lu |\n", "total", in->count,
	       in->bytes / 1e6, base_rows, "", sum->loaded, sum->rejected);
	if (s->breakdown)
		printf("careers per kind: one more run without --quiet (%.2f s wall, %.2f s CPU), "
		       "each file's\nprogress line timed as it arrives; the final step is "
		       "linking, placing by postcode,\nsearch and place indexes, ANALYZE, commit, "
		       "fsync and rename.\n", p->total_seconds, p->total_cpu);
}

/* One line of min, median and max of a side's runs. */
static void spread_row(const char *label, const double *v, int n, const char *unit)
{
	double copy[MAX_RUNS], lo, mid, hi;

	memcpy(copy, v, (size_t)n * sizeof(*v));
	bench_min_median_max(copy, (size_t)n, &lo, &mid, &hi);
	printf("  %-30s %9.2f %9.2f %9.2f  %s\n", label, lo, mid, hi, unit);
}

static void report(const struct settings *s, const struct inputs *in, const struct side *ours,
		   const struct side *base, const struct side *fair, const struct build_summary *sum,
		   const struct progress *p, double warm_seconds, const struct bench_machine *m)
{
	double ours_med = median(ours->seconds, s->runs), base_med = median(base->seconds, s->runs);
	double fair_med = median(fair->seconds, s->runs), fair_cpu = median(fair->cpu, s->runs);
	double ours_cpu = median(ours->cpu, s->runs), base_cpu = median(base->cpu, s->runs);
	double ours_rss = ours->max_rss_kb / 1024.0;
	char b1[32], b2[32], b3[32];

	report_kinds(s, in, p, sum);
	printf("\nwall clock per run (the order of the three sides turns each run):\n");
	print_runs("careers build --quiet", ours->seconds, s->runs);
	print_runs("sqlite3, a table per file", base->seconds, s->runs);
	print_runs("sqlite3, fair", fair->seconds, s->runs);
	printf("\n  %-30s %9s %9s %9s\n", "over the runs", "min", "median", "max");
	spread_row("careers build, wall", ours->seconds, s->runs, "s");
	spread_row("careers build, CPU", ours->cpu, s->runs, "s");
	spread_row("per-file import, wall", base->seconds, s->runs, "s");
	spread_row("per-file import, CPU", base->cpu, s->runs, "s");
	spread_row("fair import, wall", fair->seconds, s->runs, "s");
	spread_row("fair import, CPU", fair->cpu, s->runs, "s");
	printf("\n%-30s %14s %16s %14s\n", "medians", "careers build", "per-file import",
	       "fair import");
	printf("%-30s %12.2f s %14.2f s %12.2f s\n", "wall clock", ours_med, base_med, fair_med);
	printf("%-30s %12.2f s %14.2f s %12.2f s\n", "CPU (user + system)", ours_cpu, base_cpu,
	       fair_cpu);
	printf("%-30s %12.2f s %14.2f s %12.2f s\n", "  user", median(ours->user, s->runs),
	       median(base->user, s->runs), median(fair->user, s->runs));
	printf("%-30s %12.2f s %14.2f s %12.2f s\n", "  system", median(ours->sys, s->runs),
	       median(base->sys, s->runs), median(fair->sys, s->runs));
	printf("%-30s %14.0f %16.0f %14.0f\n", "page faults", median(ours->faults, s->runs),
	       median(base->faults, s->runs), median(fair->faults, s->runs));
	printf("%-30s %11.1f MB %13.1f MB %11.1f MB\n", "peak RSS (max of runs)", ours_rss,
	       base->max_rss_kb / 1024.0, fair->max_rss_kb / 1024.0);
	printf("%-30s %14s %16s %14s\n", "database size", mb(ours->db_bytes, b1),
	       mb(base->db_bytes, b2), mb(fair->db_bytes, b3));
	printf("%-30s %14.1f %16.1f %14.1f\n", "input MB per wall second", in->bytes / 1e6 / ours_med,
	       in->bytes / 1e6 / base_med, in->bytes / 1e6 / fair_med);
	printf("\nratios, careers build / baseline (below 1: the build takes less time):\n");
	printf("  against the per-file import: wall %.2f, CPU %.2f\n", ours_med / base_med,
	       ours_cpu / base_cpu);
	printf("  against the fair import:     wall %.2f, CPU %.2f\n", ours_med / fair_med,
	       ours_cpu / fair_cpu);
	bench_machine_print(m);
	printf("(page cache warmed first: read %s in %.2f s)\n", mb(in->bytes, b1), warm_seconds);
	printf("target: at most 0.8 of the fair import's wall time: %s (%.2f); "
	       "peak RSS under %.0f MB: %s (%.1f MB)\n",
	       bench_verdict(m, ours_med <= 0.8 * fair_med), ours_med / fair_med, TARGET_RSS_MB,
	       ours_rss < TARGET_RSS_MB ? "met" : "NOT met", ours_rss);
}

/* --- main ---------------------------------------------------------------------------------- */

static void usage(void) __attribute__((noreturn));

static void usage(void)
{
	fputs("usage: bench_build DATADIR [--careers PATH] [--sqlite3 PATH] [--runs N]\n"
	      "                   [--tmp DIR] [--keep FILE] [--no-breakdown] [--default-pragmas]\n"
	      "  Times `careers build` of DATADIR against sqlite3 .import of the same files.\n",
	      stderr);
	exit(2);
}

static void parse_args(int argc, char **argv, struct settings *s, const char **tmp_parent)
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;

		if (strcmp(a, "--careers") == 0 && v) {
			s->careers = v;
			i++;
		} else if (strcmp(a, "--sqlite3") == 0 && v) {
			s->sqlite3 = v;
			i++;
		} else if (strcmp(a, "--runs") == 0 && v) {
			s->runs = atoi(v);
			if (s->runs < 1 || s->runs > MAX_RUNS)
				die("--runs wants 1 to %d, not \"%s\"", MAX_RUNS, v);
			i++;
		} else if (strcmp(a, "--tmp") == 0 && v) {
			*tmp_parent = v;
			i++;
		} else if (strcmp(a, "--keep") == 0 && v) {
			s->keep = v;
			i++;
		} else if (strcmp(a, "--no-breakdown") == 0) {
			s->breakdown = 0;
		} else if (strcmp(a, "--default-pragmas") == 0) {
			s->default_pragmas = 1;
		} else if (a[0] == '-' || s->data_dir) {
			usage();
		} else {
			s->data_dir = a;
		}
	}
	if (!s->data_dir)
		usage();
}

/* Our own mkdtemp folder, emptied and removed at exit, also after a failure. */
static char *tmp_folder;

static void remove_tmp_folder(void)
{
	struct dirent *e;
	DIR *d;

	if (!tmp_folder || !(d = opendir(tmp_folder)))
		return;
	while ((e = readdir(d)) != NULL) {
		char *path;

		if (e->d_name[0] == '.')
			continue;
		path = dup_printf("%s/%s", tmp_folder, e->d_name);
		unlink(path);
		free(path);
	}
	closedir(d);
	rmdir(tmp_folder);
}

int main(int argc, char **argv)
{
	struct settings s = { NULL, BENCH_CAREERS, "sqlite3", NULL, NULL, 3, 1, 0 };
	struct inputs in;
	struct side ours, base, fair;
	struct bench_machine machine;
	struct build_summary sum;
	struct progress prog;
	const char *tmp_parent = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char careers_version[256], sqlite_version[256], **scripts, **fair_scripts;
	unsigned long stderr_lines = 0;
	double warm;
	size_t len;
	int r;

	parse_args(argc, argv, &s, &tmp_parent);
	memset(&in, 0, sizeof(in));
	memset(&ours, 0, sizeof(ours));
	memset(&base, 0, sizeof(base));
	memset(&fair, 0, sizeof(fair));
	memset(&sum, 0, sizeof(sum));
	memset(&prog, 0, sizeof(prog));
	len = strlen(s.data_dir);
	while (len > 1 && s.data_dir[len - 1] == '/')
		len--;
	s.data_dir = strndup(s.data_dir, len);
	in.root = s.data_dir;
	walk(&in, s.data_dir);
	if (in.count == 0)
		die("%s holds no CSV, TSV or JSON files", s.data_dir);
	s.tmp = dup_printf("%s/bench_build.XXXXXX", tmp_parent);
	if (!mkdtemp(s.tmp))
		die("cannot make a temporary folder in %s: %s", tmp_parent, strerror(errno));
	tmp_folder = s.tmp;
	atexit(remove_tmp_folder);
	version_of(s.careers, careers_version, sizeof(careers_version), s.tmp);
	version_of(s.sqlite3, sqlite_version, sizeof(sqlite_version), s.tmp);
	printf("bench_build: %s: %zu CSV, TSV and JSON files (%zu others ignored), %.1f MB\n",
	       s.data_dir, in.count, in.other_files, in.bytes / 1e6);
	printf("ours:     %s build --quiet   [%s]\n", s.careers, careers_version);
	printf("per-file: %s .import / json_each, a table per file, no validation, no indexes, %s"
	       "   [sqlite %s]\n", s.sqlite3, s.default_pragmas ? "default pragmas" :
	       "journal_mode=OFF synchronous=OFF", sqlite_version);
	printf("fair:     the same shell, a table per kind of file (files appended), then an index "
	       "on each\n          key the store indexes (postcode, URN, UKPRN, references, LARS "
	       "code, closing date)\n");
	printf("runs: %d of each side, the order turning each run; min, median and max reported; "
	       "temporary files in %s\n\n", s.runs,
	       s.tmp);
	fflush(stdout);

	warm = warm_cache(&in);
	scripts = write_scripts(&s, &in);
	fair_scripts = write_fair_scripts(&s, &in);
	bench_machine_start(&machine);
	for (r = 0; r < s.runs; r++) {
		int turn;

		/* ours, per-file, fair; then per-file, fair, ours; then fair, ours, per-file. */
		for (turn = 0; turn < 3; turn++) {
			int which = (turn + r) % 3;

			if (which == 0)
				run_ours(&s, r, &ours, &sum, &stderr_lines);
			else
				run_baseline(&s, &in, which == 1 ? scripts : fair_scripts, r,
					     which == 1 ? &base : &fair, which == 2);
		}
		printf("run %d: careers build %.2f s (%.2f s CPU, peak %.1f MB), per-file import "
		       "%.2f s (%.2f s CPU), fair import %.2f s (%.2f s CPU); load %.2f\n", r + 1,
		       ours.seconds[r], ours.cpu[r], ours.max_rss_kb / 1024.0, base.seconds[r],
		       base.cpu[r], fair.seconds[r], fair.cpu[r], bench_load_average());
		fflush(stdout);
	}
	bench_machine_stop(&machine);
	count_baseline_rows(&s, &in);
	if (s.breakdown)
		run_progress(&s, &in, &prog);
	if (!sum.parsed)
		printf("(could not read the summary line of careers build)\n");
	report(&s, &in, &ours, &base, &fair, &sum, &prog, warm, &machine);
	if (prog.unmatched)
		printf("(%lu progress lines named files the baseline does not load; their time is "
		       "counted with the next file)\n", prog.unmatched);
	for (r = 0; r < (int)in.kind_count; r++) {
		free(scripts[r]);
		free(fair_scripts[r]);
	}
	free(scripts);
	free(fair_scripts);
	inputs_free(&in);
	remove_tmp_folder();
	tmp_folder = NULL;
	free(s.tmp);
	free((char *)s.data_dir);
	return 0;
}
