/*
 * manifest.h - the small signed text that describes a published store.
 *
 * `careers publish` writes it beside the compressed store, signed in the
 * minisign format; `careers update` reads it (after checking the
 * signature) to decide whether to download the store and how to check it.
 * It is plain "key: value" lines, so a person can read it too:
 *
 *	careers-store-manifest: 1
 *	version: 20261205101500            when it was published (UTC), rising
 *	store: careers-20261205101500.db.zst
 *	schema_version: 3                  PRAGMA user_version of the store
 *	size: 1331200                      the store, uncompressed
 *	sha256: <64 hex>                   of the store, uncompressed
 *	compressed_size: 196320
 *	compressed_sha256: <64 hex>        of the .zst file
 *	data_sha256: <64 hex>              of what was imported (same data, same value)
 *	built_at: 2026-12-05T10:10:00Z     newest import in the store
 *	published_at: 2026-12-05T10:15:00Z
 *	allow_drop: lmi-ashe-json          a format the publisher meant to drop
 *	source: ifate-standards-csv files=1 loaded=546 rejected=3 date=2026-11-01
 *
 * Lines starting with '#' are comments; keys this version does not know
 * are ignored, so later versions can add some. A manifest with a higher
 * careers-store-manifest number is refused.
 */
#ifndef CAREERS_MANIFEST_H
#define CAREERS_MANIFEST_H

#include <stddef.h>

#include "mem.h"
#include "status.h"

#define MANIFEST_FORMAT 1
#define MANIFEST_FILE "careers.manifest"
#define MANIFEST_SIG_FILE "careers.manifest.minisig"

/* One source format's share of a store. */
struct manifest_source {
	char format[64];
	long long files, rows_loaded, rows_rejected;
	char data_date[11];		/* newest date of its data, "" when none */
};

struct manifest {
	int format;
	char version[15];		/* 14 digits */
	char store[128];		/* a plain file name */
	int schema_version;
	long long size, compressed_size;
	char sha256[65], compressed_sha256[65], data_sha256[65];
	char built_at[32], published_at[32];
	struct manifest_source *sources;
	size_t source_count;
	char (*allow_drop)[64];
	size_t allow_drop_count;
};

void manifest_init(struct manifest *m);
void manifest_done(struct manifest *m);

void manifest_write(const struct manifest *m, struct strbuf *out);
/* Read one; err names the line and what was wrong. */
enum status manifest_parse(const char *text, size_t len, struct manifest *m, char *err,
			   size_t errlen);

/* The format's summary, or NULL. */
const struct manifest_source *manifest_find_source(const struct manifest *m, const char *format);
int manifest_allows_drop(const struct manifest *m, const char *format);
void manifest_add_drop(struct manifest *m, const char *format);

struct store;
/*
 * Fill the store's part of a manifest from the store itself: sources (per
 * format, sorted), data_sha256, built_at and schema_version.
 */
enum status manifest_describe_store(struct store *s, struct manifest *m, char *err,
				    size_t errlen);

/*
 * Compare two stores' sources (from manifest_describe_store): a format
 * that had at least `floor` rows before and has less than a tenth of them
 * after (or none), which the published manifest does not allow to drop,
 * is named in err; STATUS_INVALID then.
 */
enum status manifest_check_shrink(const struct manifest *before, const struct manifest *after,
				  const struct manifest *published, long long floor, char *err,
				  size_t errlen);

#endif
