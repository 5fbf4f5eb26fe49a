/*
 * registry.h - the one list of formats this program reads.
 *
 * Each entry names a `const struct importer importer_<id>` defined in its
 * own file (import_<id>.c). Order matters only for `careers formats`.
 */
#ifndef CAREERS_REGISTRY_H
#define CAREERS_REGISTRY_H

#include <stddef.h>

#include "importer.h"

#define REGISTRY_INFO(_) \
	_(ifate_standards_csv)

#define REGISTRY_DECLARE(id) extern const struct importer importer_##id;
REGISTRY_INFO(REGISTRY_DECLARE)
#undef REGISTRY_DECLARE

/* All registered importers, in REGISTRY_INFO order. */
const struct importer *const *registry_importers(size_t *count);
/* The importer with this name, or NULL. */
const struct importer *registry_find(const char *name);

#endif
