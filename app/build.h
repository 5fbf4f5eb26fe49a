/*
 * build.h - turn data files into a store: `careers build` and `careers import`.
 *
 * build_store() walks a folder, imports every file it recognises into a
 * new store written to a temporary file beside the destination, and
 * renames it into place only when every file succeeded. The old store is
 * never touched before that rename, so a failed, interrupted or killed
 * build leaves it exactly as it was.
 *
 * build_import() adds named files to an existing store in one
 * transaction: all of them, or (on any failure) none.
 *
 * Zip archives and Excel workbooks are read part by part (bundle.h).
 * A file that is not recognised is skipped; one that nearly is (it has
 * some of a format's required columns) is skipped with a warning on
 * `err`, or fails the build with --strict; `careers import` refuses both.
 * A recognised file that fails as a whole fails the build, unless
 * --keep-going, which leaves it out and records it as failed.
 *
 * Both print one line per file to `out` (path, format, rows read, loaded,
 * rejected) and every rejected row to `err` as "path:line: column: why"
 * (the first BUILD_SHOWN_REJECTIONS per file; all are counted, and the
 * first 1000 are kept in the store for `careers sources --rejected`).
 *
 * A folder may hold a DATASET file ("key: value" lines: name, licence,
 * attribution, sample yes/no, date) describing the files beneath it; its
 * values replace the format's default licence and attribution for them.
 */
#ifndef CAREERS_BUILD_H
#define CAREERS_BUILD_H

#include <stdio.h>

#include "status.h"

#define BUILD_SHOWN_REJECTIONS 10

struct build_options {
	const char *data_dir;	/* build: folder to walk */
	const char *out;	/* build: the store to (re)place */
	const char *db;		/* import: the existing store */
	char *const *files;	/* import: files to add */
	int file_count;
	int quiet;		/* only errors and the summary */
	int strict;		/* build: a near miss (a file that looks like a format
				   but lacks some of its columns) fails the build
				   instead of being skipped with a warning */
	int keep_going;		/* build: a recognised file that fails as a whole is
				   left out (recorded in provenance as failed) instead
				   of failing the build */
	FILE *out_stream;	/* progress (stdout) */
	FILE *err_stream;	/* rejections and errors (stderr) */
};

enum status build_store(const struct build_options *options);
enum status build_import(const struct build_options *options);

#endif
