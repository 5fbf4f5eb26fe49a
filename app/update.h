/*
 * update.h - `careers update`: a kiosk takes a published store, safely.
 *
 * From a web address (http or https) or a folder (a file share, a USB
 * stick) that `careers publish` filled, for the store at db:
 *
 *	1. the manifest, conditionally: when it has not changed since the
 *	   last check, that is one 304 and nothing more;
 *	2. its signature, checked with the pinned public key (the key id, the
 *	   signature and the trusted comment's); a mismatch is tried once
 *	   more after a pause, in case the publisher was half-way through;
 *	3. the manifest's schema version must be this program's, its version
 *	   newer than the installed one and not one rolled back here;
 *	4. the compressed store, resumable (a cut download continues next
 *	   time), its size and SHA-256 checked against the manifest;
 *	5. decompressed beside db (size and SHA-256 checked again), opened,
 *	   PRAGMA quick_check, and its rows per source compared with the
 *	   current store's (no source falls from thousands of rows to almost
 *	   none unless the manifest allows it);
 *	6. swapped in with one rename; the old store stays as db.previous.
 *
 * Any failure leaves db as it was and says why. When nothing newer has been
 * published for UPDATE_STALE_DAYS, a warning says so (the publisher's job
 * may have stopped). A running kiosk goes on
 * with the file it opened and switches at its next idle wipe (see
 * storewatch.h). Files kept beside db:
 *
 *	db.manifest, db.manifest.minisig    what is installed, as published
 *	db.previous, db.previous.manifest   the store before, for --rollback
 *	db.update                           the last check (address, ETag,
 *	                                    Last-Modified), a part-downloaded
 *	                                    store's validators, a rolled-back
 *	                                    version not to take again
 *	db.download                         a part-downloaded store
 *	db.update-lock                      one update at a time
 */
#ifndef CAREERS_UPDATE_H
#define CAREERS_UPDATE_H

#include <stdio.h>

#include "http.h"
#include "status.h"

#define UPDATE_SHRINK_FLOOR 1000	/* rows a source must have had for a collapse to count */
#define UPDATE_STALE_DAYS 35		/* "up to date" with an older store than this: warn */

struct update_options {
	const char *from;		/* https://..., http://..., or a folder */
	const char *pubkey;		/* the pinned public key file */
	const char *db;			/* the store to update */
	long spread;			/* wait a random 0..spread seconds first */
	int force;			/* take an older or rolled-back version too */
	struct http_options http;
	FILE *out, *err;
};

/* *changed is set when a new store was put in place. */
enum status update_run(const struct update_options *o, int *changed);
/* Put db.previous back in place (and remember not to take the newer one again). */
enum status update_rollback(const char *db, FILE *out, FILE *err);
/* What is installed, what came before, when it was last checked. */
enum status update_status(const char *db, FILE *out, FILE *err);

#endif
