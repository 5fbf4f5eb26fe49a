/*
 * encoding.h - recognise a file's text encoding and convert it to UTF-8.
 *
 * Public data arrives as UTF-8 (with or without a byte-order mark),
 * UTF-16LE/BE (the IfATE standards download is UTF-16LE without a BOM),
 * or Latin-1/Windows-1252 (GIAS). encoding_detect() looks at the first
 * bytes of a file (textfile.c then checks the rest: a file that is not
 * UTF-8 all the way through is Windows-1252); a decoder converts the
 * whole stream to UTF-8 in chunks (UTF-16 with iconv(3)). Every byte
 * decodes in Windows-1252 (its five unassigned bytes as the C1 controls
 * Latin-1 has there), so a single-byte file never gets U+FFFD; in UTF-8
 * and UTF-16, what is not valid becomes U+FFFD, so conversion never fails
 * half way through a file.
 */
#ifndef CAREERS_ENCODING_H
#define CAREERS_ENCODING_H

#include <stddef.h>

#include "mem.h"

enum encoding {
	ENCODING_UTF8,
	ENCODING_UTF16LE,
	ENCODING_UTF16BE,
	ENCODING_WINDOWS1252,
};

struct encoding_guess {
	enum encoding encoding;
	size_t bom_length;	/* bytes of byte-order mark to skip */
	int binary;		/* looks like binary data, not text */
	int empty;		/* nothing but a BOM and whitespace */
};

/*
 * Guess from the first n bytes of a file (n may be the whole file).
 * at_eof says whether those are all the bytes, so a multi-byte sequence
 * cut off at the end of the sample is not held against UTF-8, and a
 * blank start is only "empty" when it is the whole file.
 */
void encoding_detect(const unsigned char *bytes, size_t n, int at_eof,
		     struct encoding_guess *guess);

/* "UTF-8", "UTF-16LE", "UTF-16BE" or "Windows-1252". */
const char *encoding_name(enum encoding encoding);

struct decoder;

/* A decoder from `encoding` to UTF-8; NULL only if iconv lacks it. */
struct decoder *decoder_new(enum encoding encoding);
void decoder_free(struct decoder *d);

/*
 * Convert n bytes and append the UTF-8 to out. A character split across
 * two calls is carried over; pass final=1 with the last chunk so a
 * truncated trailing character becomes U+FFFD.
 * Returns how many bytes could not be decoded so far (replaced by U+FFFD).
 */
size_t decoder_convert(struct decoder *d, const unsigned char *bytes, size_t n,
		       int final, struct strbuf *out);

/* Bytes replaced by U+FFFD so far. */
size_t decoder_replaced(const struct decoder *d);

/* Length of the valid UTF-8 prefix of s[0..n). */
size_t utf8_valid_prefix(const unsigned char *s, size_t n);
/* Could s[0..n) (n > 0) be the start of one UTF-8 character that a piece of text cut off? */
int utf8_cut_short(const unsigned char *s, size_t n);
/*
 * Drop, in place, the bytes of s that are not part of whole UTF-8
 * characters: what is left of text cut to fit a buffer inside a character.
 */
void utf8_mend(char *s);

#endif
