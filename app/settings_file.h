/*
 * settings_file.h - small "name = value" files, read a line at a time.
 *
 * The kiosk's kiosk.conf and a data folder's DATASET are short files a
 * person edits by hand. A line of any length is one line (a long comment
 * or a long attribution does not spill into the next), counted from 1, in
 * bounded memory: up to SETTINGS_LINE_MAX - 1 bytes are kept and the rest
 * of a longer line is read past and only noted.
 */
#ifndef CAREERS_SETTINGS_FILE_H
#define CAREERS_SETTINGS_FILE_H

#include <stddef.h>
#include <stdio.h>

#define SETTINGS_LINE_MAX 4096

struct settings_line {
	char text[SETTINGS_LINE_MAX];	/* without its line break (CR LF or LF) */
	size_t len;
	unsigned long number;		/* 1 for the first line */
	int too_long;			/* the line went on past what text holds */
	int has_nul;			/* a NUL byte was in it (text stops there) */
};

/* Start reading: number 0, nothing read. */
void settings_line_init(struct settings_line *l);
/* The next line into l: 1, or 0 at the end of the file. */
int settings_next_line(FILE *f, struct settings_line *l);
/* Is the line blank, or a comment (its first non-blank character is '#')? */
int settings_line_ignored(const struct settings_line *l);
/* Does s hold only text a person would type: valid UTF-8, no control characters? */
int settings_text_clean(const char *s);
/* Remove blanks (spaces, tabs) from both ends of s, in place. */
char *settings_trim(char *s);

#endif
