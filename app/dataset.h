/*
 * dataset.h - a data folder's DATASET file: who publishes the files beneath it.
 *
 *	name: Doncaster sample           (not used)
 *	description: ...                 (not used)
 *	licence: Open Government Licence v3.0
 *	attribution: Contains public sector information licensed under ...
 *	sample: yes                      written by the careers project, not the publisher
 *	date: 2026-11-01                 the date of the data
 *
 * "key: value" lines, any length (settings_file.h); blank lines and lines
 * starting with '#' are ignored. Its licence and attribution replace the
 * formats' defaults for the files under its folder (build.c). An unknown
 * key, a line without a colon, a value that is not plain text, or a file
 * without both a licence and an attribution is an error naming the file
 * and the line it is on.
 */
#ifndef CAREERS_DATASET_H
#define CAREERS_DATASET_H

#include <stddef.h>
#include <stdio.h>

#include "status.h"

struct dataset {
	char *folder;		/* the folder it describes, ending in '/' */
	char *licence, *attribution, *date;	/* heap strings; date may be NULL */
	int sample;
};

/* Read the DATASET file at path into ds (free with dataset_done, also on failure). */
enum status dataset_read(const char *path, struct dataset *ds, char *err, size_t errlen);
/* The same from an open stream; path names it and its folder. */
enum status dataset_parse(FILE *f, const char *path, struct dataset *ds, char *err,
			  size_t errlen);
void dataset_done(struct dataset *ds);

#endif
