/*
 * apikey.h - the API keys some sources need, kept out of every output.
 *
 * A key is looked up by its name (say FAA_API_KEY): the environment
 * variable of that name, else the "FAA_API_KEY = ..." line of the keys
 * file (keys_file, else $CAREERS_KEYS, else /etc/careers/keys.conf). The
 * keys file must be readable by its owner alone (mode 0600): one that
 * others can read is refused, with the chmod that fixes it. Values are
 * wiped from memory when freed; messages never contain them.
 */
#ifndef CAREERS_APIKEY_H
#define CAREERS_APIKEY_H

#include <stddef.h>

#include "status.h"

#define APIKEY_DEFAULT_FILE "/etc/careers/keys.conf"

/*
 * *value: the key (free with apikey_free), and *from says where it was
 * found ("the environment" or the file). STATUS_NOT_FOUND with err saying
 * where to put it; STATUS_INVALID for a keys file others can read.
 */
enum status apikey_get(const char *name, const char *keys_file, char **value, char *from,
		       size_t fromlen, char *err, size_t errlen);
void apikey_free(char *value);

#endif
