/*
 * bundle.h - a file as a build sees it: one part, or the parts inside it.
 *
 * A data file is usually one part: itself. A zip archive (Discover Uni,
 * ONSPD/NSPL, the O*NET text database, LARS, ASHE Table 14) is one part
 * per member, and an Excel workbook one part per sheet; a workbook inside
 * a zip archive gives one part per sheet too. So a data officer points a
 * build at the downloads as they come and unpacks nothing.
 *
 * Each part has a member name for provenance and a name for messages:
 *
 *	file               member                    messages
 *	LOCATION.csv       (none)                    LOCATION.csv
 *	du.zip             LOCATION.csv              du.zip/LOCATION.csv
 *	soc.xlsx           sheet SOC2020 descriptions soc.xlsx[SOC2020 descriptions]
 *	ashe.zip           t14.7a.xlsx, sheet All    ashe.zip/t14.7a.xlsx[All]
 *
 * Some parts are listed but not to be imported, with the reason:
 *	- ONSPD and NSPL zips hold every postcode twice, in one national
 *	  file (Data/..._UK.csv) and split by area (Data/multi_csv/...): when
 *	  both are there, the split copies are left out, so each postcode is
 *	  read once;
 *	- a zip archive inside a zip archive is not opened.
 *
 * bundle_open_part() opens one part for the import driver; the source it
 * gives must be closed before the next part is opened (a sheet's text is
 * kept by the bundle until then).
 */
#ifndef CAREERS_BUNDLE_H
#define CAREERS_BUNDLE_H

#include <stddef.h>

#include "import.h"
#include "status.h"

struct bundle_part {
	char *member;		/* for provenance; NULL for the file itself */
	char *name;		/* for messages */
	char *skip;		/* why it is not imported, or NULL */
};

struct bundle;

/*
 * Look inside a file. A file that is not a zip archive is one part; a
 * damaged archive or workbook is an error (STATUS_FORMAT, err says why).
 */
enum status bundle_open(const char *path, struct bundle **out, char *err, size_t errlen);
/*
 * The same for a file already open as fd (from textfile_open_input(), so
 * an ordinary file; -1 if it could not be opened). The bundle takes fd.
 */
enum status bundle_open_fd(int fd, const char *path, struct bundle **out, char *err,
			   size_t errlen);
void bundle_free(struct bundle *b);

size_t bundle_count(const struct bundle *b);
const struct bundle_part *bundle_part(const struct bundle *b, size_t i);
/* Is the file a zip archive or workbook (parts inside), rather than one file? */
int bundle_is_container(const struct bundle *b);

/* Open part i for import_detect() and import_run(). */
enum status bundle_open_part(struct bundle *b, size_t i, struct import_source **out, char *err,
			     size_t errlen);

#endif
