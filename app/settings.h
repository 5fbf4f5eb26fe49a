/*
 * settings.h - "name = value" settings files (update.conf, keys.conf).
 *
 * Lines are read by settings_file.h (any length is one line, counted from
 * 1; a line too long to be a setting, or with a NUL in it, is reported).
 * Blank lines and lines starting with '#' are skipped; spaces around the
 * name and the value are trimmed; "[name]" starts a section (for files
 * that have them). The caller decides what names mean and reports
 * unknown ones with settings_where() ("FILE:LINE").
 */
#ifndef CAREERS_SETTINGS_H
#define CAREERS_SETTINGS_H

#include <stdio.h>

#include "settings_file.h"

struct settings {
	FILE *f;
	const char *path;	/* (borrowed) */
	struct settings_line l;	/* the line just read (settings_file.h) */
};

/* 0 when open; -1 with errno set (ENOENT: there is no such file). */
int settings_open(struct settings *s, const char *path);
/* Read from text instead (path names it in messages). */
int settings_open_text(struct settings *s, const char *path, const char *text);
/*
 * The next setting: 1 with *name and *value (valid until the next call),
 * 2 for "[name]" (*value NULL), 0 at the end, -1 for a line that is
 * neither.
 */
int settings_next(struct settings *s, char **name, char **value);
/* "FILE:LINE" of the line just read. */
const char *settings_where(struct settings *s, char *out, size_t outlen);
/* Closes and wipes the line buffer (it may have held a key). */
void settings_close(struct settings *s);

#endif
