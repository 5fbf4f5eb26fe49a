/*
 * registry.h - the one list of formats this program reads.
 *
 * Every importers/import_<id>.c defines `const struct importer importer_<id>`;
 * the build lists them (sorted by file name) in REGISTRY_LIST, generated
 * into registry_list.h. A new format is one new file: nothing else to edit.
 */
#ifndef CAREERS_REGISTRY_H
#define CAREERS_REGISTRY_H

#include <stddef.h>

#include "importer.h"

#include "registry_list.h"

#define REGISTRY_DECLARE(id) extern const struct importer importer_##id;
REGISTRY_LIST(REGISTRY_DECLARE)
#undef REGISTRY_DECLARE

/* All registered importers, in REGISTRY_LIST order. */
const struct importer *const *registry_importers(size_t *count);
/* The importer with this name, or NULL. */
const struct importer *registry_find(const char *name);

#endif
