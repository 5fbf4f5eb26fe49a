/*
 * discover.h - find the newest file a publisher names in its own index.
 *
 * Some addresses change with every release (the monthly Course Directory
 * report, a new O*NET version, a new NSPL item): the publisher's index
 * says which is current. Two kinds of index:
 *
 *	json	a JSON document (the GOV.UK Content API, an ArcGIS search):
 *		records at a path, each giving a value (the address, or an id
 *		for the url template) and a name to match (a file name, a title)
 *	links	a web page: every href on it (entities such as &amp; decoded)
 *
 * Candidates whose name matches the regular expression are kept; the
 * first, or the newest, is picked. "Newest" compares names part by part,
 * runs of digits as numbers (V012 after V011, 20261201 after 20261101,
 * db_30_3 after db_30_2).
 */
#ifndef CAREERS_DISCOVER_H
#define CAREERS_DISCOVER_H

#include <stddef.h>

#include "status.h"

struct discover_candidate {
	char *value;		/* the address or id */
	char *name;		/* what match and pick look at */
};

struct discover_list {
	struct discover_candidate *items;
	size_t count;
};

void discover_list_free(struct discover_list *l);

/* field and name_field are paths in each record: "url" (that is, "$.url") or "$.a.b". */
enum status discover_json(const char *text, size_t len, const char *records, const char *field,
			  const char *name_field, struct discover_list *out, char *err,
			  size_t errlen);
void discover_links(const char *html, size_t len, struct discover_list *out);

/*
 * Keep the candidates whose name matches `regex` and pick one (newest:
 * by discover_compare, else the first listed). *chosen points into l;
 * *matched gets the part of its name the expression matched (heap).
 * STATUS_NOT_FOUND when none match.
 */
enum status discover_pick(const struct discover_list *l, const char *regex, int newest,
			  const struct discover_candidate **chosen, char **matched, char *err,
			  size_t errlen);

/* Compare names with runs of digits as numbers: <0, 0, >0. */
int discover_compare(const char *a, const char *b);

/*
 * ref resolved against base (a relative link on a page), with libcurl's
 * URL parser; heap, or NULL if not an address (or libcurl cannot be
 * loaded, which http_new() has said already).
 */
char *discover_resolve(const char *base, const char *ref);

#endif
