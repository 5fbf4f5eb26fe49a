/*
 * kiosk_config.h - the kiosk's settings file, kiosk.conf.
 *
 * By default $XDG_CONFIG_HOME/careers/kiosk.conf (~/.config/careers/kiosk.conf):
 *
 *	pin_hash = $y$j9T$...      crypt(3) hash of the adviser PIN
 *	idle_seconds = 90          before the "are you still there?" warning
 *	theme = colour             colour, contrast or plain
 *	records_retention_days = 365   adviser sessions kept this long after
 *	                           their last change
 *	travel_walk_metres = 1000  journeys by bus: the longest walk to or from a
 *	                           stop (0-5000; walking the whole way: twice it)
 *	travel_walk_kmh = 4.8      walking speed (1-10)
 *	travel_change_minutes = 3  the least time to change buses (0-60)
 *
 * Blank lines and lines starting with '#' (of any length) are ignored. A
 * line that is not one of these settings, or a value out of range, is an
 * error naming the file and the line it is on; so is a line longer than
 * SETTINGS_LINE_MAX, a NUL byte, or a value that is not plain text. A
 * missing file is no settings.
 */
#ifndef CAREERS_KIOSK_CONFIG_H
#define CAREERS_KIOSK_CONFIG_H

#include <stddef.h>
#include <stdio.h>

#include "status.h"
#include "transit.h"

/* Themes, in the order of the UI's enum theme. */
enum { KIOSK_THEME_COLOUR, KIOSK_THEME_CONTRAST, KIOSK_THEME_PLAIN };

struct kiosk_config {
	char pin_hash[256];	/* "" when none */
	int idle_seconds;	/* 10-3600; 0 when not set */
	int theme;		/* KIOSK_THEME_*, or -1 when not set */
	int retention_days;	/* 1-36500; 0 when not set */
	struct transit_settings travel;	/* walking and changing, for journeys by bus */
};

/* "colour" (or "color"), "contrast" ("high-contrast"), "plain" ("mono"): a KIOSK_THEME_*, or -1. */
int kiosk_theme_parse(const char *word);

/*
 * The file to use, as a heap string: the one given, else your own (above);
 * when you have none, the machine's (CAREERS_SYSTEM_CONFIG,
 * /etc/careers/kiosk.conf when installed) if you may read it or, to_write,
 * change it.
 */
char *kiosk_config_path(const char *given, int to_write);

/*
 * Read the settings at path into c. STATUS_OK (also when there is no such
 * file); else STATUS_FORMAT or STATUS_IO with "path:line: what" in err.
 */
enum status kiosk_config_read(const char *path, struct kiosk_config *c, char *err,
			      size_t errlen);
/* The same from an open stream; name is what messages call it. */
enum status kiosk_config_parse(FILE *f, const char *name, struct kiosk_config *c, char *err,
			       size_t errlen);

/*
 * Write the file at path with pin_hash = hash, keeping every other line as
 * it is: to a new file beside it (mode 0600, O_EXCL | O_NOFOLLOW), synced,
 * then renamed into place. Makes the file's folder (mode 0700) when it is
 * missing. STATUS_IO with a message in err when it cannot.
 */
enum status kiosk_config_write_pin(const char *path, const char *hash, char *err, size_t errlen);

#endif
