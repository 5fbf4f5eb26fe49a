/*
 * bench_hostile.c - the memory `careers import` needs for the worst inputs it
 * can be given (bench_hostile).
 *
 *	bench_hostile STORE [--careers PATH] [--tmp DIR] [--full]
 *
 * Writes each hostile input below to a folder under DIR (default $TMPDIR or
 * /tmp), imports it into a fresh copy of STORE with `careers import` as a
 * child process, and prints the child's peak resident memory (wait4), its
 * wall time, its exit status and the first line it wrote to stderr: what
 * the data officer would read. The inputs are removed afterwards. The
 * target is under 256 MB whatever the input; nothing is asserted.
 *
 *	csv-wide-record     one CSV record of many 4,000,000-byte quoted fields
 *	                    (40 of them; 125, 500 MB, with --full, as the review
 *	                    had it): over the 16 MiB a record may hold
 *	csv-big-fields      10,000 rows, each with a field of almost 4 MiB
 *	json-text-127m      a list of records of long text, just under the
 *	                    128 MiB a JSON document may be
 *	json-dense-127m     the same size of [0,0,0,...]: 67 million values
 *	json-fat-records    records of 999,999 values each, the most one may have
 *	json-too-big        a document just over 128 MiB
 */
#define _XOPEN_SOURCE 700
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_exit.h"

#ifndef BENCH_CAREERS
#define BENCH_CAREERS "careers"
#endif

#define MIB (1024.0 * 1024.0)
#define JSON_LIMIT (128u * 1024 * 1024)

const char bench_name[] = "bench_hostile";

static FILE *create(const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		die("cannot write %s: %s", path, strerror(errno));
	return f;
}

static void repeat(FILE *f, int c, size_t n)
{
	static char buf[65536];
	size_t k;

	memset(buf, c, sizeof(buf));
	for (k = 0; k < n; k += sizeof(buf))
		fwrite(buf, 1, n - k < sizeof(buf) ? n - k : sizeof(buf), f);
}

static const char ssa_header[] = "\"SectorSubjectAreaTier1\",\"SectorSubjectAreaTier1Desc\","
				 "\"SectorSubjectAreaTier1Desc2\",\"EffectiveFrom\",\"EffectiveTo\"\n";

static void csv_wide_record(const char *path, int fields)
{
	FILE *f = create(path);
	int i;

	fputs(ssa_header, f);
	for (i = 0; i < fields; i++) {
		fputs(i ? ",\"" : "\"", f);
		repeat(f, 'x', 4000000);
		fputc('"', f);
	}
	fputc('\n', f);
	fclose(f);
}

static void csv_big_fields(const char *path)
{
	FILE *f = create(path);
	int i;

	fputs(ssa_header, f);
	for (i = 0; i < 10000; i++) {
		fprintf(f, "\"%d.%d\",\"", 1 + i % 15, i % 10);
		repeat(f, 'y', i % 100 ? 2000 : 4000000);
		fputs("\",\"X\",\"01 Jan 2004\",\"\"\n", f);
	}
	fclose(f);
}

/* Skills England standards, each with a long overview, to about `bytes`. */
static void json_text(const char *path, size_t bytes)
{
	FILE *f = create(path);
	long n;

	fputc('[', f);
	for (n = 0; ftell(f) < (long)bytes - 60000; n++) {
		fprintf(f, "%s{\"referenceNumber\": \"ST%04ld\", \"title\": \"Standard %ld\", "
			"\"larsCode\": %ld, \"version\": \"1.0\", \"level\": 3, \"route\": "
			"\"Digital\", \"status\": \"Approved for delivery\", \"overviewOfRole\": \"",
			n ? "," : "", n % 10000, n, n + 1);
		repeat(f, 'o', 50000);
		fputs("\"}", f);
	}
	fputc(']', f);
	fclose(f);
}

static void json_dense(const char *path, size_t bytes)
{
	FILE *f = create(path);
	static char zeros[65536];
	size_t done = 1;

	for (size_t i = 0; i < sizeof(zeros); i += 2)
		memcpy(zeros + i, "0,", 2);
	fputs("[0", f);
	while (done + sizeof(zeros) < bytes - 2) {
		fputc(',', f);
		fwrite(zeros, 1, sizeof(zeros) - 1, f);
		done += sizeof(zeros);
	}
	fputc(']', f);
	fclose(f);
}

static void json_fat_records(const char *path)
{
	FILE *f = create(path);
	int r, i;

	fputc('[', f);
	for (r = 0; r < 20; r++) {
		fprintf(f, "%s{\"referenceNumber\": \"ST%04d\", \"title\": \"Fat %d\", \"keywords\": [",
			r ? "," : "", r, r);
		for (i = 0; i < 999990; i++)
			fputs(i ? ",0" : "0", f);
		fputs("]}", f);
	}
	fputc(']', f);
	fclose(f);
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void copy(const char *from, const char *to)
{
	char buf[65536];
	int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	ssize_t n;

	if (in < 0 || out < 0)
		die("cannot copy %s to %s: %s", from, to, strerror(errno));
	while ((n = read(in, buf, sizeof(buf))) > 0)
		if (write(out, buf, (size_t)n) != n)
			die("cannot write %s", to);
	close(in);
	close(out);
}

/* Import input into a copy of store; print peak memory, time, status, first message. */
static void measure(const char *name, const char *careers, const char *store, const char *dir,
		    const char *input)
{
	char db[4096], err[4096], line[300] = "";
	struct rusage ru;
	struct stat st;
	double started;
	int status = 0;
	pid_t pid;
	FILE *f;

	snprintf(db, sizeof(db), "%s/store.db", dir);
	snprintf(err, sizeof(err), "%s/stderr.txt", dir);
	copy(store, db);
	stat(input, &st);
	started = now();
	pid = fork();
	if (pid == 0) {
		int fd = open(err, O_WRONLY | O_CREAT | O_TRUNC, 0644), null = open("/dev/null", O_WRONLY);

		dup2(fd, 2);
		dup2(null, 1);
		execl(careers, careers, "import", "--db", db, input, (char *)NULL);
		_exit(127);
	}
	if (pid < 0 || wait4(pid, &status, 0, &ru) < 0)
		die("cannot run %s: %s", careers, strerror(errno));
	if ((f = fopen(err, "r")) != NULL) {
		if (!fgets(line, sizeof(line), f))
			line[0] = '\0';
		line[strcspn(line, "\n")] = '\0';
		fclose(f);
	}
	printf("%-18s %8.1f %9.1f %7.2f %6d  %s\n", name, st.st_size / MIB, ru.ru_maxrss / 1024.0,
	       now() - started, WIFEXITED(status) ? WEXITSTATUS(status) : -1, line);
	fflush(stdout);
	unlink(input);
	unlink(db);
	unlink(err);
}

int main(int argc, char **argv)
{
	const char *careers = BENCH_CAREERS, *tmp = getenv("TMPDIR"), *store = NULL;
	char dir[4096], path[4200];
	int i, full = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--careers") == 0 && i + 1 < argc)
			careers = argv[++i];
		else if (strcmp(argv[i], "--tmp") == 0 && i + 1 < argc)
			tmp = argv[++i];
		else if (strcmp(argv[i], "--full") == 0)
			full = 1;
		else if (argv[i][0] != '-' && !store)
			store = argv[i];
		else
			die("usage: bench_hostile STORE [--careers PATH] [--tmp DIR] [--full]");
	}
	if (!store)
		die("usage: bench_hostile STORE [--careers PATH] [--tmp DIR] [--full]");
	snprintf(dir, sizeof(dir), "%s/bench-hostile-%ld", tmp && *tmp ? tmp : "/tmp",
		 (long)getpid());
	if (mkdir(dir, 0700) != 0)
		die("cannot make %s: %s", dir, strerror(errno));
	printf("careers import of hostile inputs (%s); target: under 256 MB whatever the input\n\n",
	       careers);
	printf("%-18s %8s %9s %7s %6s  %s\n", "input", "size MB", "peak MB", "wall s", "status",
	       "first message");

	snprintf(path, sizeof(path), "%s/wide.csv", dir);
	csv_wide_record(path, full ? 125 : 40);
	measure("csv-wide-record", careers, store, dir, path);
	snprintf(path, sizeof(path), "%s/bigfields.csv", dir);
	csv_big_fields(path);
	measure("csv-big-fields", careers, store, dir, path);
	snprintf(path, sizeof(path), "%s/text.json", dir);
	json_text(path, JSON_LIMIT - 1024 * 1024);
	measure("json-text-127m", careers, store, dir, path);
	snprintf(path, sizeof(path), "%s/dense.json", dir);
	json_dense(path, JSON_LIMIT - 1024 * 1024);
	measure("json-dense-127m", careers, store, dir, path);
	snprintf(path, sizeof(path), "%s/fat.json", dir);
	json_fat_records(path);
	measure("json-fat-records", careers, store, dir, path);
	snprintf(path, sizeof(path), "%s/toobig.json", dir);
	json_text(path, JSON_LIMIT + 2 * 1024 * 1024);
	measure("json-too-big", careers, store, dir, path);
	rmdir(dir);
	return 0;
}
