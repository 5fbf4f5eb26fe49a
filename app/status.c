/* status.c - messages for enum status, generated from STATUS_INFO. */
#include "status.h"

const char *status_message(enum status rc)
{
	static const char *const messages[] = {
#define STATUS_MSG(name, msg) msg,
		STATUS_INFO(STATUS_MSG)
#undef STATUS_MSG
	};

	if ((unsigned)rc >= sizeof(messages) / sizeof(messages[0]))
		return "unknown error";
	return messages[rc];
}
