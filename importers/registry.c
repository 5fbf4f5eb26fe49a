/* registry.c - REGISTRY_LIST as an array. */
#include "registry.h"

#include <string.h>

static const struct importer *const importers[] = {
#define REGISTRY_ENTRY(id) &importer_##id,
	REGISTRY_LIST(REGISTRY_ENTRY)
#undef REGISTRY_ENTRY
};

const struct importer *const *registry_importers(size_t *count)
{
	*count = sizeof(importers) / sizeof(importers[0]);
	return importers;
}

const struct importer *registry_find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(importers) / sizeof(importers[0]); i++)
		if (strcmp(importers[i]->name, name) == 0)
			return importers[i];
	return NULL;
}
