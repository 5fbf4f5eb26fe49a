/* storewatch.c - notice a store replaced under a running kiosk (see storewatch.h). */
#include "storewatch.h"

#include <string.h>
#include <sys/stat.h>

static void remember(struct storewatch *w, const struct stat *st)
{
	w->known = 1;
	w->dev = st->st_dev;
	w->ino = st->st_ino;
	w->size = st->st_size;
	w->mtime = st->st_mtim;
}

void storewatch_init(struct storewatch *w, const char *path)
{
	struct stat st;

	memset(w, 0, sizeof(*w));
	if (stat(path, &st) == 0)
		remember(w, &st);
}

int storewatch_changed(const struct storewatch *w, const char *path)
{
	struct stat st;

	if (stat(path, &st) != 0)
		return 0;	/* gone: keep what is open */
	if (!w->known)
		return 1;
	return st.st_dev != w->dev || st.st_ino != w->ino || st.st_size != w->size ||
	       st.st_mtim.tv_sec != w->mtime.tv_sec || st.st_mtim.tv_nsec != w->mtime.tv_nsec;
}
