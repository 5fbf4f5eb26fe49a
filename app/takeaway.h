/*
 * takeaway.h - what a pupil's phone shows when it reads the kiosk's QR
 * code: the shortlist in words, each with where and when, and the
 * handover code for the adviser.
 *
 * A QR code on an 80x24 screen holds about a hundred characters, on a
 * 132x43 one five hundred: the text is made to fit the room there is.
 * Nothing is dropped: long lines are cut from their end, so a line keeps
 * its number and the start of its title longest, then when, then where.
 * The code always goes in whole.
 *
 * Pure text, no terminal: the kiosk and the tests both use it.
 */
#ifndef CAREERS_TAKEAWAY_H
#define CAREERS_TAKEAWAY_H

#include <stddef.h>

#include "format.h"
#include "model.h"

struct takeaway_item {
	enum option_kind kind;
	const char *title;		/* (borrowed) */
	const char *when;		/* "starts Sep 2027", "apply by 12 Jan 2027"; "" or NULL */
	const char *where;		/* "Hall Cross Academy, Doncaster"; "" or NULL */
};

/*
 * The text for items[0..count) and the code, in at most `room` bytes,
 * into out (which is reset first):
 *
 *	My careers shortlist
 *	1. A level Computer Science - starts Sep 2027 - Hall Cross Academy, Doncaster
 *	2. Cyber security professionals (a career)
 *	Adviser code (type it in): 7QM-HCB-9T0-M7C-1HR-6Y4-2N
 *
 * Returns 1 when everything is whole, 0 when lines were shortened, -1
 * when not even the code and each line's number fit (out is then "").
 * Characters outside ASCII are kept; a line is never cut inside one.
 */
int takeaway_text(struct strbuf *out, const struct takeaway_item *items, int count,
		  const char *code, size_t room);

/* "starts Sep 2027" / "apply by 12 Jan 2027" from ISO dates ("" when neither is known). */
void takeaway_when(enum option_kind kind, const char *start_date, const char *closing_date,
		   char *out, size_t outlen);

#endif
