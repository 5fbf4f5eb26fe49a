/*
 * handover.h - the "take it with you" code: a shortlist and a learner
 * profile written as a short code such as 60M-ED0-M3M-447.
 *
 * The kiosk keeps nothing. When a pupil takes their shortlist away, the
 * shortlist and the profile it was made with are written into the code
 * itself; a careers adviser types the code in later (on another machine,
 * with no account and no server) and gets both back exactly.
 *
 * Design notes.
 *
 * What a code holds, in this order, as a stream of bits (most significant
 * bit first). This is format 1; every field after the version may change
 * in a later format, so the version always comes first.
 *
 *	version      3 bits   1 for this format
 *	fingerprint 10 bits   0-1023, which data the shortlist ids belong to
 *	stage        5 bits   0-6 Year 7-13; 7-16 left school, aged 16-25;
 *	                      17 not given (the pupil skipped the question)
 *	interests    2 bits   0 none, 1 one area, 2 two areas, 3 a set:
 *	             +4       one: id - 1
 *	             +4+4     two: the smaller id - 1, then the larger id - 1
 *	             +16      a set (three or more areas): bit (id - 1)
 *	riasec       8 bits   0 none; 1-6 one letter; 7-36 two; 37-156 three
 *	                      (each letter numbered among those not yet used)
 *	district     7 bits   0 none, else 1 + the postcode area's place in
 *	                      the table in handover.c (AB, AL, B, BA ...)
 *	             +7       the district number 0-99 (DN1 -> 1)
 *	             +1       1 when a letter follows the number (EC1A)
 *	             +5       that letter, A = 0 .. Z = 25
 *	radius       3 bits   2, 5, 10, 15, 20, 30, 50 miles, anywhere
 *	then each shortlist item, until the bits run out:
 *	kind         3 bits   enum option_kind
 *	id           6 bits a group, as many groups as needed: a "more
 *	                      follows" bit, then the next 5 bits of the id,
 *	                      lowest first (ids 0-31 take one group, up to
 *	                      1023 two, up to 32767 three ... 2^40 nine)
 *
 * The bits are padded with zeros to a multiple of 5 and written as
 * Crockford base 32 (0-9 A-Z without I L O U), one character per 5
 * bits, then one check character, grouped in threes with '-'. Items
 * need at least 9 bits and the padding is under 5, so the decoder knows
 * the shortlist has ended when fewer than 5 bits are left. Every
 * handover has exactly one code: the decoder refuses anything the
 * encoder would not have written.
 *
 * The check character. Crockford's own check symbol (the value mod 37)
 * needs five extra symbols (* ~ $ = U) that are awkward to read out and
 * to type, so this code uses a check over the field of 32 elements
 * (GF(2^5), polynomial x^5 + x^2 + 1, alpha = x). With symbols s_0 ..
 * s_n (s_n the check character):
 *
 *	h = 1;  for each symbol: h = h * alpha + s_j;  a code is valid when h = 1
 *
 * that is, 1 = alpha^(n+1) + sum alpha^(n-j) s_j. Changing one symbol by
 * d != 0 changes h by alpha^k d != 0; swapping two neighbouring
 * different symbols changes it by alpha^k (1 + alpha)(s_j + s_j+1) != 0
 * (no zero divisors, alpha != 1): so every single mistyped character
 * and every swap of neighbours is caught, at any length (a swap of any
 * two characters fewer than 31 apart too, as alpha has order 31). A '0'
 * typed in front is caught (h becomes alpha, not 1). Other mistakes get
 * through one time in 32, and most of those break the structure.
 *
 * Lengths (characters without dashes; format 1 codes always start with
 * 4, 5, 6 or 7): a profile with no shortlist takes 9 to 15 characters,
 * 12 for a typical one (Year 10, two interest areas, a three-letter
 * RIASEC code, DN4, 10 miles: 60M-ED0-M3M-447). Each item adds 9 bits for
 * an id up to 31, 15 up to 1023, 21 up to 32767, 27 up to 2^20: the
 * typical learner with 3, 6 and 12 careers, apprenticeships and courses
 * measured 24, 34 and 55 characters (tests/test_handover.c).
 *
 * Privacy: only the postcode district goes into a code, never a full
 * postcode, and the school year or age, never a date of birth.
 */
#ifndef CAREERS_HANDOVER_H
#define CAREERS_HANDOVER_H

#include <stddef.h>

#include "model.h"
#include "status.h"

#define HANDOVER_VERSION 1
#define HANDOVER_MAX_SHORTLIST 12
#define HANDOVER_MAX_ID (1LL << 40)
#define HANDOVER_FINGERPRINT_MAX 1023
#define HANDOVER_INTERESTS_MAX 16	/* interest area ids 1-16 */
#define HANDOVER_ANYWHERE (-1)		/* radius: no limit */
/* Characters in the shortest and the longest code, without dashes. */
#define HANDOVER_MIN_SYMBOLS 9
#define HANDOVER_MAX_SYMBOLS 152
/* Buffer big enough for any code, dashes and the '\0' included. */
#define HANDOVER_CODE_SIZE (HANDOVER_MAX_SYMBOLS + (HANDOVER_MAX_SYMBOLS - 1) / 3 + 1)

struct handover_item {
	enum option_kind kind;
	long long id;			/* store row id, 0 .. HANDOVER_MAX_ID */
};

struct handover {
	unsigned fingerprint;		/* 0-1023: see handover_fingerprint() */
	int school_year;		/* 7-13, or 0 for someone who has left school */
	int age;			/* 16-25 when school_year is 0; else ignored (0).
					 * Both 0: not given (the question was skipped) */
	unsigned interests;		/* bit (id - 1) for each interest area id 1-16 */
	char riasec[4];			/* "", or 1-3 letters of RIASEC, strongest first */
	char district[5];		/* postcode district: "DN1", "EC1A"; "" for none */
	int radius;			/* miles: 2 5 10 15 20 30 50, or HANDOVER_ANYWHERE */
	struct handover_item shortlist[HANDOVER_MAX_SHORTLIST];
	int shortlist_count;
};

/* Everything "not given": no year, no interests, no district, anywhere. */
void handover_init(struct handover *h);

/*
 * Is h something a code can carry? STATUS_OK, or STATUS_INVALID with what
 * is wrong in why (e.g. "a radius of 7 miles cannot go in a code: use 2,
 * 5, 10, 15, 20, 30 or 50 miles, or anywhere"). Lower-case riasec and
 * district letters are accepted (codes give them back in capitals).
 */
enum status handover_check(const struct handover *h, char *why, size_t whylen);

/*
 * Write the code for h into out, e.g. "60M-ED0-M3M-446-GCR-WXC-AY1-C".
 * STATUS_INVALID when handover_check() refuses h; STATUS_USAGE when
 * outlen is too small (HANDOVER_CODE_SIZE is always enough). On failure
 * out is "".
 */
enum status handover_encode(const struct handover *h, char *out, size_t outlen);

/* Characters in h's code, dashes included, '\0' not; 0 when h is not valid. */
size_t handover_length(const struct handover *h);

/*
 * Read a code typed by a person. Spaces and dashes anywhere are ignored,
 * lower case is accepted, I and L are read as 1 and O as 0. On success h
 * holds exactly what was encoded (riasec and district in capitals). On
 * failure h is as after handover_init() and why says what to do:
 *
 *   STATUS_INVALID   no code was typed; a character that cannot be in a
 *                    code (named, with its position in what was typed);
 *                    too short or too long (with the counts); or "the
 *                    code has a typing mistake: check each character and
 *                    try again" when the check character does not match
 *                    or the contents cannot be right.
 *   STATUS_VERSION   the code is sound but in a format this program does
 *                    not know (made by a newer careers).
 *
 * The fingerprint is returned, not checked: the caller compares it with
 * the fingerprint of its own store and warns when they differ (the ids
 * of the shortlist may then mean other options).
 */
enum status handover_decode(const char *code, struct handover *h, char *why, size_t whylen);

/*
 * A 10-bit fingerprint of some text that names the data in a store (e.g.
 * its build date and dataset). Stores built from the same data give the
 * same number; different data a different one 1023 times in 1024.
 */
unsigned handover_fingerprint(const char *text);

/* The radius step a learner's radius goes into: the smallest step at
 * least `miles`; HANDOVER_ANYWHERE above 50 miles or for a negative value. */
int handover_radius_step(double miles);

/*
 * Between a handover and the learner profile of match.h. from_profile
 * fills the profile part of h (not the fingerprint or the shortlist): a
 * full postcode becomes its district, the radius is rounded up to a step,
 * RIASEC weights become the (up to three) strongest letters, ties in
 * R I A S E C order. STATUS_INVALID if the profile holds something a code
 * cannot carry (an interest area id outside 1-16, a school year or age out
 * of range); the rest is still filled. to_profile sets the school year,
 * age, interests, RIASEC weights (as match_parse_riasec gives for the
 * letters), place and radius of p and leaves everything else as it was
 * (the school year and age too when the code says "not given").
 */
struct match_profile;
enum status handover_from_profile(struct handover *h, const struct match_profile *p);
void handover_to_profile(const struct handover *h, struct match_profile *p);

#endif
