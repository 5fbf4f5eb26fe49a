/*
 * dynlib.c - libcurl and libarchive, loaded when first needed (see dynlib.h).
 *
 * Each library is loaded once per process under pthread_once: a build
 * reads zip archives from its worker threads, and the first of them to
 * ask loads libarchive while the others wait. What the load found, the
 * functions or the reason there are none, stays for the life of the
 * process, so every later caller gets the same answer without a lock.
 */
#define _GNU_SOURCE 1	/* secure_getenv */
#include "dynlib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* What CMake found (app/dynlib.cmake); a build outside it still compiles. */
#ifndef CAREERS_LIBCURL_SONAME
#define CAREERS_LIBCURL_SONAME "libcurl.so.4"
#endif
#ifndef CAREERS_LIBCURL_PACKAGE
#define CAREERS_LIBCURL_PACKAGE ""
#endif
#ifndef CAREERS_LIBARCHIVE_SONAME
#define CAREERS_LIBARCHIVE_SONAME "libarchive.so.13"
#endif
#ifndef CAREERS_LIBARCHIVE_PACKAGE
#define CAREERS_LIBARCHIVE_PACKAGE ""
#endif

/* One library: how to find it and what to say when it is not there. */
struct library {
	const char *name;	/* as people call it */
	const char *soname;
	const char *package;	/* the Debian package with it, or "" */
	const char *version;	/* of the headers compiled against */
	const char *needed_for;	/* what needs it, in a user's words */
	const char *override;	/* environment variable naming another file (tests) */
	void *handle;
	char why[400];		/* why it cannot be used; "" when it can */
};

static struct library libcurl = {
	"libcurl", CAREERS_LIBCURL_SONAME, CAREERS_LIBCURL_PACKAGE, LIBCURL_VERSION,
	"downloading", "CAREERS_LIBCURL", NULL, ""
};
static struct library libarchive = {
	"libarchive", CAREERS_LIBARCHIVE_SONAME, CAREERS_LIBARCHIVE_PACKAGE,
	ARCHIVE_VERSION_ONLY_STRING, "reading zip archives and Excel workbooks",
	"CAREERS_LIBARCHIVE", NULL, ""
};

static struct dynlib_curl curl_functions;
static struct dynlib_archive archive_functions;
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static pthread_once_t archive_once = PTHREAD_ONCE_INIT;

/* "apt-get install libcurl4", or the file to look for where the package is not known. */
static void install_hint(const struct library *l, char *buf, size_t len)
{
	if (*l->package)
		snprintf(buf, len, "apt-get install %s", l->package);
	else
		snprintf(buf, len, "the package that has %s", l->soname);
}

/* Open the library; 0, or -1 with l->why said. */
static int open_library(struct library *l)
{
	const char *file = secure_getenv(l->override), *error;
	char hint[160];

	if (!file || !*file)
		file = l->soname;
	l->handle = dlopen(file, RTLD_NOW | RTLD_LOCAL);
	if (l->handle)
		return 0;
	error = dlerror();
	install_hint(l, hint, sizeof(hint));
	snprintf(l->why, sizeof(l->why), "%s needs %s (%s), which cannot be loaded (%s): "
		 "install it (%s)", l->needed_for, l->name, l->soname,
		 error ? error : file, hint);
	return -1;
}

/* The address of one function; NULL with l->why said. */
static void *find(struct library *l, const char *function)
{
	void *address = dlsym(l->handle, function);
	char hint[160];

	if (!address) {
		install_hint(l, hint, sizeof(hint));
		snprintf(l->why, sizeof(l->why), "%s needs %s (%s), but the one found has no "
			 "%s(): install %s %s or newer (%s)", l->needed_for, l->name, l->soname,
			 function, l->name, l->version, hint);
	}
	return address;
}

/*
 * Set every member of lib from l, in the header's list; stop at the first
 * missing (its message stays). The cast from dlsym's void * to a function
 * pointer is what POSIX makes dlsym for.
 */
#define FIND(prefix, name) \
	if (ok && !(lib.name = (__typeof__(lib.name))find(l, #prefix #name))) \
		ok = 0;

static void load_curl(void)
{
	struct library *l = &libcurl;
	struct dynlib_curl lib;
	int ok = 1;

	if (open_library(l) != 0)
		return;
	DYNLIB_CURL_FUNCTIONS(FIND)
	if (!ok)
		return;
	/* Once, before any other thread can use it: curl_global_init is not thread-safe. */
	if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
		snprintf(l->why, sizeof(l->why), "%s (%s) cannot start: curl_global_init failed",
			 l->name, l->soname);
		return;
	}
	curl_functions = lib;
}

static void load_archive(void)
{
	struct library *l = &libarchive;
	struct dynlib_archive lib;
	int ok = 1;

	if (open_library(l) != 0)
		return;
	DYNLIB_ARCHIVE_FUNCTIONS(FIND)
	if (ok)
		archive_functions = lib;
}

#undef FIND

static void say_why(const struct library *l, char *err, size_t errlen)
{
	if (err && errlen)
		snprintf(err, errlen, "%s", l->why[0] ? l->why : "cannot load a library");
}

const struct dynlib_curl *dynlib_curl(char *err, size_t errlen)
{
	pthread_once(&curl_once, load_curl);
	if (curl_functions.easy_init)
		return &curl_functions;
	say_why(&libcurl, err, errlen);
	return NULL;
}

const struct dynlib_archive *dynlib_archive(char *err, size_t errlen)
{
	pthread_once(&archive_once, load_archive);
	if (archive_functions.read_new)
		return &archive_functions;
	say_why(&libarchive, err, errlen);
	return NULL;
}
