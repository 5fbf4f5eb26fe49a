/*
 * test_safefile.c - files about a pupil are written whole, for their
 * owner only, and never through a link someone left in the folder.
 */
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "safefile.h"

static char *in_tmp(const char *name)
{
	const char *tmp = getenv("CAREERS_TEST_TMP");
	char *path = xasprintf("%s/private-%ld-%s", tmp ? tmp : "/tmp", (long)getpid(), name);

	unlink(path);
	return path;
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	char buf[256];
	size_t n;

	if (!f)
		return NULL;
	n = fread(buf, 1, sizeof(buf) - 1, f);
	fclose(f);
	buf[n] = '\0';
	return xstrdup(buf);
}

TEST(new_and_replaced_files_are_private)
{
	char *path = in_tmp("plan.md"), err[300], *got;
	struct stat st;
	mode_t old = umask(0);
	FILE *f;

	CHECK_INT(safefile_write(path, "one\n", 4, 0600, err, sizeof(err)), STATUS_OK);
	umask(old);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	/* An old file anyone could read is replaced by a private one. */
	chmod(path, 0644);
	CHECK_INT(safefile_write(path, "two\n", 4, 0600, err, sizeof(err)), STATUS_OK);
	CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
	got = read_all(path);
	CHECK_STR(got, "two\n");
	free(got);
	/* A link is replaced, its target left alone. */
	{
		char *target = in_tmp("target");

		f = fopen(target, "w");
		if (f) {
			fputs("theirs\n", f);
			fclose(f);
		}
		unlink(path);
		CHECK_INT(symlink(target, path), 0);
		CHECK_INT(safefile_write(path, "mine\n", 5, 0600, err, sizeof(err)), STATUS_OK);
		got = read_all(target);
		CHECK_STR(got, "theirs\n");
		free(got);
		CHECK(lstat(path, &st) == 0 && S_ISREG(st.st_mode));
		unlink(target);
		free(target);
	}
	unlink(path);
	free(path);
}

TEST(what_cannot_be_written_is_named)
{
	char *dir = in_tmp("folder"), err[300] = "";

	mkdir(dir, 0700);
	CHECK_INT(safefile_write(dir, "x", 1, 0600, err, sizeof(err)), STATUS_IO);
	CHECK_CONTAINS(err, dir);
	rmdir(dir);
	{
		char *missing = xasprintf("%s/no/such/folder/plan.md", dir);

		CHECK_INT(safefile_write(missing, "x", 1, 0600, err, sizeof(err)), STATUS_IO);
		CHECK_CONTAINS(err, missing);
		free(missing);
	}
	free(dir);
}

TESTS(new_and_replaced_files_are_private, what_cannot_be_written_is_named)
