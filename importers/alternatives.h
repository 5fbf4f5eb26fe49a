/*
 * alternatives.h - walking a column's names or paths, which come as
 * '|'-separated alternatives ("Reference|Standard reference",
 * "$.address.postcode|$.addresses[0].postcode").
 */
#ifndef CAREERS_ALTERNATIVES_H
#define CAREERS_ALTERNATIVES_H

#include <string.h>

/*
 * The alternative at *p, its length in *len; *p moves to the next one,
 * or to NULL after the last. Walk with: for (p = names; p;) { ... }
 */
static inline const char *next_alternative(const char **p, size_t *len)
{
	const char *at = *p, *bar = strchr(at, '|');

	*len = bar ? (size_t)(bar - at) : strlen(at);
	*p = bar ? bar + 1 : NULL;
	return at;
}

#endif
