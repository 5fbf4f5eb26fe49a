/*
 * fetch.h - `careers fetch`: every official download, into one folder.
 *
 * For each source of the list (source_list.h), into TO/<name>/:
 *
 *	- the address: as listed, or the newest file the publisher's own
 *	  index names (discover.h), or today's dated file (or the day
 *	  before's...), or every page of a paged API;
 *	- each file downloaded over HTTP(S) (http.h): conditionally against
 *	  the copy we have (an unchanged file costs one 304), resumed if a
 *	  download was cut, within the source's size limit, the API key (if
 *	  any) in its header and nowhere else;
 *	- checked to be what was expected (a zip is a zip, JSON is JSON, a
 *	  CSV is not an HTML error page);
 *	- gathered in TO/.<name>.partial/ and swapped with TO/<name>/ only
 *	  when every file of the source arrived: a failed source leaves the
 *	  previous copy exactly as it was, and a part-downloaded file waits
 *	  there to be resumed next time;
 *	- described in TO/<name>/FETCHED (origin.h): address, fetch time,
 *	  validators, size, SHA-256.
 *
 * One line per source is printed (with a progress bar on a terminal).
 */
#ifndef CAREERS_FETCH_H
#define CAREERS_FETCH_H

#include <stdio.h>

#include "http.h"
#include "status.h"

struct fetch_options {
	const char *sources;		/* the list of sources (data/sources.conf) */
	const char *to;			/* the downloads folder */
	const char *const *only;	/* these sources (even if not enabled), or NULL: all enabled */
	size_t only_count;
	int dry_run;			/* say what would be fetched; write nothing */
	const char *keys_file;		/* NULL: $CAREERS_KEYS or /etc/careers/keys.conf */
	struct http_options http;	/* http.progress: bars on stderr */
	FILE *out, *err;
};

struct fetch_summary {
	int fetched, unchanged, failed, skipped;
};

/*
 * STATUS_OK when the run happened (even if sources failed: see summary);
 * an error when it could not start (a bad list, an unknown --only name).
 */
enum status fetch_run(const struct fetch_options *o, struct fetch_summary *summary);

/* The exit status: 0 everything fetched or current, 3 some sources failed, 1 all did. */
int fetch_exit_status(const struct fetch_summary *s);

/* The default downloads folder: $CAREERS_DOWNLOADS, else $XDG_DATA_HOME/careers/downloads,
 * else ~/.local/share/careers/downloads. Heap string. */
char *fetch_default_folder(void);

#endif
