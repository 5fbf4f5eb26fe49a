/* checks.c - see checks.h. */
#include "checks.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "encoding.h"
#include "harness.h"

void fuzz_broken(const char *what, const char *detail)
{
	fprintf(stderr, "%s: %s\n%s\n", fuzz_target, what, detail ? detail : "");
	abort();
}

int fuzz_valid_utf8(const char *s)
{
	size_t n = strlen(s);

	return utf8_valid_prefix((const unsigned char *)s, n) == n;
}

int fuzz_plain_text(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	if (!fuzz_valid_utf8(s))
		return 0;
	for (; *p; p++)
		if (*p < 0x20 || *p == 0x7f || (*p == 0xC2 && p[1] >= 0x80 && p[1] < 0xA0))
			return 0;
	return 1;
}

void fuzz_check_refusal(const char *err, const char *name)
{
	if (strncmp(err, name, strlen(name)) != 0 || !fuzz_plain_text(err))
		fuzz_broken("a refusal that does not name the file in plain text", err);
}

FILE *fuzz_memory_file(const uint8_t *data, size_t size)
{
	static const char nothing[1];

	/* fmemopen of 0 bytes is refused by older C libraries: a byte, read past at once. */
	FILE *f = fmemopen(size ? (void *)data : (void *)nothing, size ? size : 1, "r");

	if (f && !size)
		fseek(f, 1, SEEK_SET);
	return f;
}

static char scratch[256];

/* The scratch folder goes at exit, with whatever is in it. */
static void remove_scratch(void)
{
	DIR *d = opendir(scratch);
	struct dirent *e;
	char path[600];

	while (d && (e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", scratch, e->d_name);
		unlink(path);
	}
	if (d)
		closedir(d);
	rmdir(scratch);
}

const char *fuzz_scratch_path(const char *name)
{
	static char path[512];
	const char *tmp = getenv("TMPDIR");

	if (!scratch[0]) {
		snprintf(scratch, sizeof(scratch), "%s/careers-%s-XXXXXX",
			 access("/dev/shm", W_OK) == 0 ? "/dev/shm" : tmp && *tmp ? tmp : "/tmp",
			 fuzz_target);
		if (!mkdtemp(scratch))
			fuzz_broken("cannot make a scratch folder", scratch);
		atexit(remove_scratch);
	}
	snprintf(path, sizeof(path), "%s/%s", scratch, name);
	return path;
}

int fuzz_write_file(const char *path, const uint8_t *data, size_t size)
{
	char journal[600];
	FILE *f;
	size_t done;

	snprintf(journal, sizeof(journal), "%s-journal", path);
	unlink(journal);
	unlink(path);
	if (!(f = fopen(path, "wb")))
		return -1;
	done = fwrite(data, 1, size, f);
	return fclose(f) == 0 && done == size ? 0 : -1;
}

static enum status put_record(void *ctx, enum record_kind kind, const void *record)
{
	struct strbuf *rendered = ctx;

	strbuf_reset(rendered);
	capture_render(rendered, kind, record);
	if (!fuzz_valid_utf8(rendered->buf))
		fuzz_broken("a record that is not valid UTF-8 reached the sink", rendered->buf);
	return STATUS_OK;
}

static const char *no_message(void *ctx)
{
	(void)ctx;
	return "";
}

static void take_report(void *ctx, const struct import_rejection *r)
{
	(void)ctx;
	if (!r->message || !r->path)
		fuzz_broken("a rejection or warning without a message", NULL);
	if (!fuzz_valid_utf8(r->message))
		fuzz_broken("a rejection or warning that is not valid UTF-8", r->message);
	if (r->field && !fuzz_valid_utf8(r->field))
		fuzz_broken("a rejection or warning naming a field that is not valid UTF-8", r->field);
}

enum status fuzz_import_checked(struct import_source *src, const struct importer *importer,
				struct import_result *result)
{
	struct import_reporter reporter = { NULL, take_report, take_report };
	struct import_sink sink;
	struct strbuf rendered;
	enum status rc;

	strbuf_init(&rendered);
	sink.ctx = &rendered;
	sink.put = put_record;
	sink.message = no_message;
	rc = import_run(src, importer, &sink, &reporter, result);
	if (rc == STATUS_OK &&
	    result->read != result->loaded + result->rejected + result->skipped) {
		char counts[160];

		snprintf(counts, sizeof(counts), "%s: read %lu, loaded %lu, rejected %lu, skipped %lu",
			 importer->name, result->read, result->loaded, result->rejected,
			 result->skipped);
		fuzz_broken("a run that lost count of its records", counts);
	}
	if (!fuzz_valid_utf8(result->message))
		fuzz_broken("a failure message that is not valid UTF-8", result->message);
	strbuf_done(&rendered);
	return rc;
}
