/*
 * publish.h - `careers publish`: a built store, ready for kiosks to fetch.
 *
 * Writes into one folder (all a web server, a file share or a USB stick
 * needs to hold):
 *
 *	careers-<version>.db.zst          the store, compressed with zstd
 *	careers-<version>.db.zst.minisig  its signature (for checking by hand)
 *	careers.manifest                  what the store is (see manifest.h)
 *	careers.manifest.minisig          the manifest's signature: kiosks check it
 *
 * The store is checked first (it opens, its schema is this program's,
 * PRAGMA quick_check passes). If the folder already holds a manifest for
 * the same data (same data_sha256 and schema), nothing is published unless
 * forced: an unchanged week costs each kiosk one 304. Otherwise the
 * version is the time of publishing, always higher than the last one.
 *
 * Files appear in an order that keeps the folder usable at every moment:
 * the new store and its signature first, then the manifest's signature,
 * then the manifest (a kiosk that reads the old manifest with the new
 * signature in between finds they disagree, and tries again). The store
 * before the new one is kept, for kiosks still downloading it; older
 * ones are removed.
 */
#ifndef CAREERS_PUBLISH_H
#define CAREERS_PUBLISH_H

#include <stdio.h>

#include "minisign.h"
#include "status.h"

struct publish_options {
	const char *store;			/* the built store */
	const struct minisign_secret *key;	/* (borrowed) */
	const char *out_dir;
	int level;				/* zstd level, 1-19; 0: 19 */
	int force;				/* publish the same data again */
	const char *const *allow_drop;		/* formats the kiosks may see vanish */
	size_t allow_drop_count;
	FILE *out, *err;
};

enum status publish_store(const struct publish_options *o);

#endif
