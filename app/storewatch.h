/*
 * storewatch.h - has the store at a path been replaced since it was opened?
 *
 * `careers update` swaps a new store in with rename(2): the path then
 * names a new file while a running kiosk still reads the old one (its
 * open file). The kiosk remembers which file it opened (device, inode,
 * size, modification time) and asks at its idle wipe whether the path
 * names another now; only then, between pupils, does it reopen it.
 */
#ifndef CAREERS_STOREWATCH_H
#define CAREERS_STOREWATCH_H

#include <sys/types.h>
#include <time.h>

struct storewatch {
	int known;
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

/* Remember the file the path names now (right after opening it). */
void storewatch_init(struct storewatch *w, const char *path);
/* 1 when path names a file other than the remembered one (and one exists). */
int storewatch_changed(const struct storewatch *w, const char *path);

#endif
