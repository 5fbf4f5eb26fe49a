/*
 * dynlib.h - libcurl and libarchive, loaded when a command first needs them.
 *
 * Only downloading (careers fetch, update from a web address, build
 * --fetch) uses libcurl, and only reading zip archives and Excel
 * workbooks uses libarchive; between them they bring in some forty more
 * shared libraries (TLS, Kerberos, LDAP, SSH, ICU, libxml2 ...) whose
 * loading and relocation was most of the start-up time of every other
 * command: a one-shot search, the kiosk. So careers is not linked with
 * them. The first call of dynlib_curl() or dynlib_archive() opens the
 * library by its SONAME with dlopen and looks up every function this
 * program calls; later calls, from any thread, give the same answer.
 * The library is never closed.
 *
 * The types and constants still come from the libraries' headers, read at
 * compile time, and the SONAMEs are those of the libraries the build found
 * (CMake reads them from the files: app/dynlib.cmake), so what is loaded
 * is the ABI the headers describe. The function pointers have the types
 * the headers declare (__typeof__ of each function), so a call through
 * them is checked as a direct call would be; curl_easy_setopt() and
 * curl_easy_getinfo() are variadic, and so are their pointers. (The type
 * checks curl.h adds with macros for direct calls do not apply.)
 *
 * Errors: NULL when the library cannot be loaded, lacks one of the
 * functions, or (libcurl) cannot start; err then says which library, why,
 * and what to install, for example
 *
 *	downloading needs libcurl (libcurl.so.4), which cannot be loaded
 *	(libcurl.so.4: cannot open shared object file: No such file or
 *	directory): install it (apt-get install libcurl4)
 *
 * For tests: CAREERS_LIBCURL and CAREERS_LIBARCHIVE, when set, name the
 * file to load instead of the SONAME (a name that does not exist, or a
 * library without these functions, shows the message above).
 */
#ifndef CAREERS_DYNLIB_H
#define CAREERS_DYNLIB_H

#include <stddef.h>

#include <archive.h>
#include <archive_entry.h>
#include <curl/curl.h>

/*
 * The functions careers calls, in one list per library: each is a member
 * named without the library's prefix (curl.h makes curl_easy_setopt a
 * macro in optimised builds, so a member cannot have that name), with the
 * type of a pointer to the function the header declares.
 */
#define DYNLIB_CURL_FUNCTIONS(_) \
	_(curl_, easy_init) \
	_(curl_, easy_cleanup) \
	_(curl_, easy_reset) \
	_(curl_, easy_setopt) \
	_(curl_, easy_getinfo) \
	_(curl_, easy_perform) \
	_(curl_, easy_strerror) \
	_(curl_, slist_append) \
	_(curl_, slist_free_all) \
	_(curl_, url) \
	_(curl_, url_cleanup) \
	_(curl_, url_set) \
	_(curl_, url_get) \
	_(curl_, free) \
	_(curl_, global_init)

/* (Reading zip archives only.) */
#define DYNLIB_ARCHIVE_FUNCTIONS(_) \
	_(archive_, read_new) \
	_(archive_, read_support_format_zip) \
	_(archive_, read_open_memory) \
	_(archive_, read_open_filename) \
	_(archive_, read_next_header) \
	_(archive_, read_data) \
	_(archive_, read_data_skip) \
	_(archive_, read_free) \
	_(archive_, error_string) \
	_(archive_, entry_pathname) \
	_(archive_, entry_pathname_utf8) \
	_(archive_, entry_filetype) \
	_(archive_, entry_size) \
	_(archive_, entry_size_is_set)

#define DYNLIB_MEMBER(prefix, name) __typeof__(prefix##name) *name;

/* lib->easy_setopt(c, CURLOPT_URL, url) calls libcurl's curl_easy_setopt. */
struct dynlib_curl {
	DYNLIB_CURL_FUNCTIONS(DYNLIB_MEMBER)
};

/* lib->read_new() calls libarchive's archive_read_new. */
struct dynlib_archive {
	DYNLIB_ARCHIVE_FUNCTIONS(DYNLIB_MEMBER)
};

#undef DYNLIB_MEMBER

/*
 * libcurl, loaded and started (curl_global_init) once; NULL with err set
 * (err may be NULL) when it cannot be.
 */
const struct dynlib_curl *dynlib_curl(char *err, size_t errlen);

/* libarchive, loaded once; NULL with err set (err may be NULL) when it cannot be. */
const struct dynlib_archive *dynlib_archive(char *err, size_t errlen);

#endif
