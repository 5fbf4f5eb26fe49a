/*
 * corpus.c - see corpus.h.
 */
#include "corpus.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "mem.h"

int fuzz_verbose;

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	struct strbuf bytes;
	char buf[65536];
	size_t got;

	if (!f) {
		perror(path);
		return 0;
	}
	strbuf_init(&bytes);
	while ((got = fread(buf, 1, sizeof(buf), f)) > 0)
		strbuf_add(&bytes, buf, got);
	fclose(f);
	if (fuzz_verbose)
		printf("%s\n", path);
	LLVMFuzzerTestOneInput((const uint8_t *)bytes.buf, bytes.len);
	strbuf_done(&bytes);
	return 1;
}

/* Every regular file in a folder, in no particular order. */
static int run_folder(const char *path, unsigned long *files)
{
	DIR *dir = opendir(path);
	struct dirent *entry;
	int ok = 1;

	if (!dir) {
		perror(path);
		return 0;
	}
	while ((entry = readdir(dir)) != NULL) {
		char *child;
		struct stat st;

		if (entry->d_name[0] == '.')
			continue;
		child = xasprintf("%s/%s", path, entry->d_name);
		if (stat(child, &st) == 0 && S_ISREG(st.st_mode)) {
			ok &= run_file(child);
			(*files)++;
		}
		free(child);
	}
	closedir(dir);
	return ok;
}

int fuzz_corpus_main(int argc, char **argv, const char *name)
{
	unsigned long files = 0;
	int i, ok = 1;

	if (argc > 1 && strcmp(argv[1], "-v") == 0) {
		fuzz_verbose = 1;
		argv++;
		argc--;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: %s [-v] FILE-OR-FOLDER...\n", name);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		struct stat st;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			ok &= run_folder(argv[i], &files);
		} else {
			ok &= run_file(argv[i]);
			files++;
		}
	}
	printf("%s: %lu input(s) run\n", name, files);
	if (files == 0)
		return 1;
	return ok ? 0 : 1;
}
