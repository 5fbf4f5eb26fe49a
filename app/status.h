/*
 * status.h - the one error type.
 *
 * Anything that can fail returns enum status; 0 (STATUS_OK) is success.
 * The list below generates the enum and the generic message for each
 * code. Detail (which file, which line) travels separately, in the
 * message buffer of the object that failed (see store_errmsg(),
 * import_job.message), so a status can be chained upward unchanged:
 *
 *	if ((rc = step_one()) == STATUS_OK)
 *		rc = step_two();
 */
#ifndef CAREERS_STATUS_H
#define CAREERS_STATUS_H

#define STATUS_INFO(_) \
	_(OK,        "success") \
	_(NOMEM,     "out of memory") \
	_(IO,        "cannot read or write a file") \
	_(USAGE,     "wrong arguments") \
	_(FORMAT,    "not a file this program recognises") \
	_(INVALID,   "a value is not valid") \
	_(DB,        "the store reported an error") \
	_(NOT_FOUND, "not found") \
	_(VERSION,   "made by a different version of careers") \
	_(CORRUPT,   "the file is damaged") \
	_(INTERRUPTED, "interrupted") \
	_(CONFLICT,  "changed by someone else at the same time")

enum status {
#define STATUS_ENUM(name, msg) STATUS_##name,
	STATUS_INFO(STATUS_ENUM)
#undef STATUS_ENUM
};

/* The generic message for a status code; never NULL. */
const char *status_message(enum status rc);

#endif
