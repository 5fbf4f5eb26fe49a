/*
 * test_dynlib.c - libcurl and libarchive through dynlib.h: loaded once from
 * several threads at the same time (as a build's workers reach it), every
 * thread given the same table, and calls through it, the variadic
 * curl_easy_setopt and curl_easy_getinfo included, doing what the direct
 * calls do. (This test is linked with libarchive, for the harness, and not
 * with libcurl: libcurl is really loaded here. The messages when a library
 * cannot be loaded are checked on the real binary: tests/e2e_dynlib.sh.)
 */
#include <pthread.h>

#include "check.h"
#include "dynlib.h"

#define THREADS 8

static pthread_barrier_t start;

struct seen {
	const struct dynlib_curl *curl;
	const struct dynlib_archive *archive;
	char err[400];
};

static void *load_both(void *arg)
{
	struct seen *s = arg;

	pthread_barrier_wait(&start);
	s->archive = dynlib_archive(s->err, sizeof(s->err));
	s->curl = dynlib_curl(s->err, sizeof(s->err));
	return NULL;
}

TEST(loaded_once_from_many_threads)
{
	pthread_t threads[THREADS];
	struct seen seen[THREADS];
	int i;

	memset(seen, 0, sizeof(seen));
	CHECK_INT(pthread_barrier_init(&start, NULL, THREADS), 0);
	for (i = 0; i < THREADS; i++)
		CHECK_INT(pthread_create(&threads[i], NULL, load_both, &seen[i]), 0);
	for (i = 0; i < THREADS; i++)
		pthread_join(threads[i], NULL);
	pthread_barrier_destroy(&start);
	for (i = 0; i < THREADS; i++) {
		CHECK_STR(seen[i].err, "");
		CHECK(seen[i].curl != NULL);
		CHECK(seen[i].archive != NULL);
		CHECK(seen[i].curl == seen[0].curl);
		CHECK(seen[i].archive == seen[0].archive);
	}
	/* Later calls give the same answer; a NULL err is allowed. */
	CHECK(dynlib_curl(NULL, 0) == seen[0].curl);
	CHECK(dynlib_archive(NULL, 0) == seen[0].archive);
}

TEST(curl_calls_through_the_table)
{
	const struct dynlib_curl *lib = dynlib_curl(NULL, 0);
	char *host = NULL, *url = NULL;
	CURLU *u;
	CURL *c;
	long code = -1;
	char *effective = NULL;

	if (!lib) {
		CHECK(lib != NULL);
		return;
	}
	u = lib->url();
	CHECK(u != NULL);
	CHECK_INT(lib->url_set(u, CURLUPART_URL, "https://Example.org/a/b.html", 0), CURLUE_OK);
	CHECK_INT(lib->url_set(u, CURLUPART_URL, "../c.csv", 0), CURLUE_OK);
	CHECK_INT(lib->url_get(u, CURLUPART_HOST, &host, 0), CURLUE_OK);
	CHECK_INT(lib->url_get(u, CURLUPART_URL, &url, 0), CURLUE_OK);
	CHECK_STR(host, "Example.org");
	CHECK_STR(url, "https://Example.org/c.csv");
	lib->free(host);
	lib->free(url);
	lib->url_cleanup(u);

	/* Variadic: a long, a string, a pointer out; an unknown option is refused. */
	c = lib->easy_init();
	CHECK(c != NULL);
	CHECK_INT(lib->easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 5L), CURLE_OK);
	CHECK_INT(lib->easy_setopt(c, CURLOPT_URL, "http://127.0.0.1:9/x"), CURLE_OK);
	CHECK_INT(lib->easy_setopt(c, (CURLoption)99999, 1L), CURLE_UNKNOWN_OPTION);
	CHECK_INT(lib->easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code), CURLE_OK);
	CHECK_INT(code, 0);
	CHECK_INT(lib->easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &effective), CURLE_OK);
	CHECK_STR(effective, "http://127.0.0.1:9/x");
	CHECK_CONTAINS(lib->easy_strerror(CURLE_COULDNT_CONNECT), "connect");
	lib->easy_cleanup(c);
}

TEST(archive_calls_through_the_table)
{
	const struct dynlib_archive *lib = dynlib_archive(NULL, 0);
	/* An empty zip archive: just the end of the central directory. */
	static const unsigned char empty_zip[22] = { 'P', 'K', 5, 6 };
	struct archive_entry *e;
	struct archive *a;

	if (!lib) {
		CHECK(lib != NULL);
		return;
	}
	a = lib->read_new();
	CHECK(a != NULL);
	CHECK_INT(lib->read_support_format_zip(a), ARCHIVE_OK);
	CHECK_INT(lib->read_open_memory(a, empty_zip, sizeof(empty_zip)), ARCHIVE_OK);
	CHECK_INT(lib->read_next_header(a, &e), ARCHIVE_EOF);
	CHECK_INT(lib->read_free(a), ARCHIVE_OK);
	/* Not an archive: refused, with libarchive's reason. */
	a = lib->read_new();
	lib->read_support_format_zip(a);
	CHECK(lib->read_open_memory(a, "not a zip", 9) != ARCHIVE_OK);
	CHECK(lib->error_string(a) != NULL);
	lib->read_free(a);
}

TESTS(loaded_once_from_many_threads, curl_calls_through_the_table, archive_calls_through_the_table)
