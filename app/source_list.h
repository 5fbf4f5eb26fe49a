/*
 * source_list.h - the list of official downloads that `careers fetch` gets.
 *
 * A plain text file a data officer can read and edit (data/sources.conf
 * is the one shipped; see its opening comment for every setting). One
 * section per source:
 *
 *	[course-directory]
 *	title = Course Directory: live courses with regions and venues
 *	publisher = Department for Education
 *	licence = Open Government Licence v3.0
 *	changes = monthly
 *	format = course-directory-open-data-csv
 *	kind = csv
 *	index = https://www.gov.uk/api/content/government/publications/...
 *	find = json $.details.attachments url filename
 *	match = ^LiveCoursesWithRegionsAndVenuesReport-[0-9]{8}\.csv$
 *	pick = newest
 *
 * The section name is also the folder the files go in. Errors name the
 * file and line; a list with any error is refused whole.
 */
#ifndef CAREERS_SOURCE_LIST_H
#define CAREERS_SOURCE_LIST_H

#include <stddef.h>

#include "status.h"

enum source_find { SOURCE_FIND_NONE, SOURCE_FIND_JSON, SOURCE_FIND_LINKS };
enum source_pick { SOURCE_PICK_NEWEST, SOURCE_PICK_FIRST };

struct source {
	char *name;			/* [name]: letters, digits and '-' */
	char *title, *publisher, *licence, *changes, *format, *kind, *note;
	char *url;			/* the file; may hold {found}, {page} or {date} */
	char *index;			/* a document that names the newest file */
	enum source_find find;
	char *find_records;		/* json: path of the records, e.g. $.details.attachments */
	char *find_field;		/* json: the field that gives {found} */
	char *find_match_field;		/* json: the field match and pick look at (default find_field) */
	char *match;			/* POSIX extended regular expression */
	enum source_pick pick;
	char *file;			/* the local file name (default: from the address) */
	char *key;			/* name of the API key (environment / keys.conf) */
	char *key_header;		/* the header that carries it */
	char **headers;			/* fixed "Name: value" headers */
	size_t header_count;
	char *pages;			/* {page} sources: JSON path of the number of pages */
	int max_pages;
	long page_delay_ms;		/* pause between pages (an API's rate limit) */
	long long max_size;		/* bytes, for the whole source */
	int dates;			/* {date} sources: try this many days back */
	int enabled;
	unsigned long line;		/* where its section starts */
};

struct source_list {
	struct source *items;
	size_t count;
};

enum status source_list_read(const char *path, struct source_list *list, char *err,
			     size_t errlen);
/* The same, from text (for tests and fuzzing); name is used in messages. */
enum status source_list_parse(const char *name, const char *text, struct source_list *list,
			      char *err, size_t errlen);
void source_list_free(struct source_list *list);
const struct source *source_list_find(const struct source_list *list, const char *name);

#endif
